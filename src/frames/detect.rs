//! Finding frame indicators in chat text: one pass of an Aho–Corasick
//! automaton over folded text (lower case, no diacritics, punctuation as
//! spaces), then word-boundary and inflection checks per hit, each hit kept with
//! the original words as evidence.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

/// Endings accepted after a phrase that has no `*` (Dutch and English inflection).
const INFLECTIONS: &[&str] = &[
    "", "s", "e", "en", "n", "es", "er", "ers", "ed", "d", "t", "te", "ten", "de", "den", "ing",
    "ingen", "ly",
];

/// A language of indicator phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    Nl,
    En,
}

/// One indicator phrase, compiled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pattern {
    pub frame: usize,
    pub weight: u32,
    pub lang: Lang,
    /// Folded text, without `*`.
    pub text: String,
    /// `*` at the start: may end a compound word.
    pub inside: bool,
    /// `*` at the end: any continuation of the last word.
    pub open: bool,
    /// `=` at the start: this exact word, no inflections (`=star`, not `start`).
    pub exact: bool,
}

impl Pattern {
    pub fn parse(frame: usize, weight: u32, lang: Lang, phrase: &str) -> Option<Pattern> {
        let exact = phrase.starts_with('=');
        let phrase = phrase.trim_start_matches('=');
        let inside = phrase.starts_with('*');
        let open = phrase.ends_with('*');
        let text = fold(phrase.trim_matches('*')).0.trim().to_string();
        (!text.is_empty()).then_some(Pattern {
            frame,
            weight,
            lang,
            text,
            inside,
            open,
            exact,
        })
    }
}

/// A found indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub frame: usize,
    pub weight: u32,
    /// Byte range in the original text (whole words).
    pub start: usize,
    pub end: usize,
}

/// All patterns in one automaton.
pub struct Matcher {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
}

impl Matcher {
    pub fn new(patterns: Vec<Pattern>) -> Matcher {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // A few thousand phrases: the DFA is small and the fastest to search.
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(|p| p.text.as_str()))
            .expect("indicator patterns build an automaton");
        Matcher { ac, patterns }
    }

    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Every indicator in `text` (in the given language, or both), at most one
    /// hit per frame per word position, the heaviest.
    pub fn find(&self, text: &str, lang: Option<Lang>) -> Vec<Hit> {
        self.find_folded(text, &fold(text), lang)
    }

    /// [`Matcher::find`] on a text already folded (`folded` is `fold(text)`).
    pub fn find_folded(&self, text: &str, folded: &Folded, lang: Option<Lang>) -> Vec<Hit> {
        let (folded, map) = (&folded.0, &folded.1);
        let b = folded.as_bytes();
        let mut hits: Vec<Hit> = Vec::new();
        for m in self.ac.find_overlapping_iter(folded.as_str()) {
            let p = &self.patterns[m.pattern().as_usize()];
            if lang.is_some_and(|l| l != p.lang) {
                continue;
            }
            let (s, e) = (m.start(), m.end());
            let word_start = b[..s].iter().rposition(|c| *c == b' ').map_or(0, |i| i + 1);
            let starts_word = s == word_start
                || p.inside
                // A Dutch participle: ge + stem (gesanctioneerd, gecontroleerd).
                || (s == word_start + 2 && &b[word_start..s] == b"ge");
            if !starts_word {
                continue;
            }
            let word_end = b[e..]
                .iter()
                .position(|c| *c == b' ')
                .map_or(b.len(), |i| e + i);
            let tail = &folded[e..word_end];
            if (p.exact && !tail.is_empty()) || (!p.open && !INFLECTIONS.contains(&tail)) {
                continue;
            }
            let (start, end) = (map[word_start], map_end(map, text, word_end));
            match hits
                .iter_mut()
                .find(|h| h.frame == p.frame && h.start == start)
            {
                Some(h) if h.weight >= p.weight => {}
                Some(h) => {
                    h.weight = p.weight;
                    h.end = end;
                }
                None => hits.push(Hit {
                    frame: p.frame,
                    weight: p.weight,
                    start,
                    end,
                }),
            }
        }
        // A phrase inside a longer one of another frame is part of that one
        // ("treatment" in "equal treatment").
        let spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
        hits.retain(|h| {
            !spans
                .iter()
                .any(|&(s, e)| s <= h.start && e >= h.end && e - s > h.end - h.start)
        });
        hits.sort_by_key(|h| (h.start, h.frame));
        hits
    }
}

fn map_end(map: &[usize], text: &str, folded_end: usize) -> usize {
    if folded_end >= map.len() {
        return text.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    }
    // The original position of the folded character after the word is where
    // the word ends (minus the separator it was folded from).
    let mut end = map[folded_end];
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end]
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .len()
}

/// Folds text for matching: lower case, diacritics removed, every run of
/// non-alphanumerics one space. Returns the folded text and, for each of its
/// bytes, the byte offset in the original.
/// A text folded: lower case, no diacritics, words apart by one space, and
/// for each byte of it the byte in the original it came from.
pub type Folded = (String, Vec<usize>);

pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut space = true;
    for (i, c) in text.char_indices() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            map.push(i);
            space = false;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let f = plain(l);
                for _ in 0..f.len_utf8() {
                    map.push(i);
                }
                out.push(f);
            }
            space = false;
        } else if !space {
            out.push(' ');
            map.push(i);
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
        map.pop();
    }
    (out, map)
}

fn plain(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        'ĳ' => 'i',
        c => c,
    }
}

/// Guesses the language of a statement from common function words.
pub fn guess_lang(text: &str) -> Option<Lang> {
    guess_folded(&fold(text).0)
}

/// [`guess_lang`] on folded text.
pub fn guess_folded(folded: &str) -> Option<Lang> {
    let (mut nl, mut en) = (0, 0);
    for w in folded.split(' ') {
        nl += usize::from(matches!(
            w,
            "de" | "het"
                | "een"
                | "en"
                | "is"
                | "zijn"
                | "niet"
                | "dat"
                | "die"
                | "ze"
                | "hij"
                | "wij"
                | "we"
                | "ik"
                | "je"
                | "van"
                | "op"
                | "met"
                | "voor"
                | "moet"
                | "naar"
                | "ook"
                | "maar"
                | "wat"
                | "geen"
                | "haar"
                | "heeft"
        ));
        en += usize::from(matches!(
            w,
            "the"
                | "a"
                | "an"
                | "and"
                | "is"
                | "are"
                | "not"
                | "that"
                | "she"
                | "he"
                | "we"
                | "i"
                | "you"
                | "of"
                | "on"
                | "with"
                | "for"
                | "must"
                | "to"
                | "also"
                | "but"
                | "what"
                | "no"
                | "her"
                | "has"
                | "have"
                | "it"
        ));
    }
    match nl.cmp(&en) {
        std::cmp::Ordering::Greater => Some(Lang::Nl),
        std::cmp::Ordering::Less => Some(Lang::En),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(phrases: &[&str]) -> Matcher {
        Matcher::new(
            phrases
                .iter()
                .enumerate()
                .map(|(i, p)| Pattern::parse(i, 3, Lang::Nl, p).unwrap())
                .collect(),
        )
    }

    fn words(text: &str, hits: &[Hit]) -> Vec<String> {
        hits.iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(fold("Cliënt: ÉÉN  keer—oké!").0, "client een keer oke");
    }

    #[test]
    fn inflections_participles_and_compounds() {
        let matcher = m(&["sancti*", "*fraude", "controleer", "eigen regie"]);
        let text = "We sanctioneren niet; hij is gesanctioneerd. Het sanctiebeleid, bijstandsfraude, Eigen  Regie!";
        let hits = matcher.find(text, None);
        assert_eq!(
            words(text, &hits),
            vec![
                "sanctioneren",
                "gesanctioneerd",
                "sanctiebeleid",
                "bijstandsfraude",
                "Eigen  Regie"
            ]
        );
    }

    #[test]
    fn no_match_inside_other_words() {
        let matcher = m(&["=star", "werk"]);
        assert!(matcher.find("de start van de ster", None).is_empty());
        assert!(matcher.find("samenwerking", None).is_empty());
        assert_eq!(matcher.find("hij werkt en werken", None).len(), 2);
    }

    #[test]
    fn guesses_the_language() {
        assert_eq!(
            guess_lang("Ze moet het zelf willen, dat is de kern."),
            Some(Lang::Nl)
        );
        assert_eq!(
            guess_lang("She has to want it herself, that is the point."),
            Some(Lang::En)
        );
    }
}
