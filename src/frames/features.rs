//! What the frame model reads in a statement: tokens folded (lower case, no
//! diacritics) and stemmed (Snowball, Dutch or English), with negation
//! marked; then word and word-pair features, character 4-grams within
//! words, the parts of Dutch compounds the model knows, and which
//! catalogue phrases occur. Each feature keeps the byte ranges of the
//! words that made it, so evidence is quoted as written. Pure and
//! deterministic.

use super::detect::{fold, guess_lang, Lang};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Words after which, up to the end of the clause or three words, what
/// follows is negated.
const NEGATORS: &[&str] = &[
    "niet", "geen", "nooit", "niks", "niets", "niemand", "zonder", "nergens", "not", "no", "never",
    "nothing", "nobody", "without", "cannot", "hardly",
];
/// The lengths of the character n-grams inside words.
const GRAMS: [usize; 1] = [4];
/// How many words a negator reaches.
const NEGATION_REACH: usize = 3;

/// One token of a statement.
#[derive(Debug, Clone)]
struct Token {
    stem: String,
    folded: String,
    /// Byte range in the original text.
    start: usize,
    end: usize,
    negated: bool,
}

fn stemmer(lang: Lang) -> &'static Stemmer {
    static NL: OnceLock<Stemmer> = OnceLock::new();
    static EN: OnceLock<Stemmer> = OnceLock::new();
    match lang {
        Lang::Nl => NL.get_or_init(|| Stemmer::create(Algorithm::Dutch)),
        Lang::En => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
    }
}

/// Tokens with their stems; negation marked from a negator to the end of
/// its clause (a comma, a full stop, "maar"/"but") or [`NEGATION_REACH`] words.
fn tokens(text: &str, lang: Lang) -> Vec<Token> {
    // English contractions fold apart: "don't" is "don" "t".
    const CONTRACTED: &[&str] = &[
        "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "can", "won", "shouldn", "couldn",
        "wouldn",
    ];
    let (folded, map) = fold(text);
    let mut out: Vec<Token> = Vec::new();
    let mut at = 0;
    let mut reach = 0usize;
    let mut previous = "";
    for w in folded.split(' ') {
        let start = at;
        at += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        let o_start = map[start];
        let last = map[start + w.len() - 1];
        let o_end = last + text[last..].chars().next().map_or(1, char::len_utf8);
        let before = out.last().map_or(0, |t: &Token| t.end).min(o_start);
        if text[before..o_start].contains([',', '.', ';', '!', '?', ':'])
            || w == "maar"
            || w == "but"
        {
            reach = 0;
        }
        out.push(Token {
            stem: stemmer(lang).stem(w).into_owned(),
            folded: w.to_string(),
            start: o_start,
            end: o_end,
            negated: reach > 0,
        });
        let negates = NEGATORS.contains(&w)
            || (lang == Lang::En && w == "t" && CONTRACTED.contains(&previous));
        reach = if negates {
            NEGATION_REACH
        } else {
            reach.saturating_sub(1)
        };
        previous = w;
    }
    out
}

/// The features of a statement, each with the spans that made it.
pub type Features = BTreeMap<String, Vec<(usize, usize)>>;

/// The language a statement is read in: as given, else guessed, else Dutch.
pub fn lang_of(text: &str, lang: Option<Lang>) -> Lang {
    lang.or_else(|| guess_lang(text)).unwrap_or(Lang::Nl)
}

/// Every feature of `text`. `lexicon`: stems the model knows, for
/// splitting compounds (empty while the vocabulary is being built).
pub fn extract(text: &str, lang: Lang, lexicon: &BTreeSet<String>) -> Features {
    let mut f: Features = BTreeMap::new();
    each(text, lang, lexicon, |name, span| match f.get_mut(name) {
        Some(spans) => spans.push(span),
        None => {
            f.insert(name.to_string(), vec![span]);
        }
    });
    f
}

/// Hands every feature of `text` to `sink` (a name, the span that made
/// it), one at a time, without collecting them: inference looks each up.
pub fn each(
    text: &str,
    lang: Lang,
    lexicon: &BTreeSet<String>,
    mut sink: impl FnMut(&str, (usize, usize)),
) {
    let toks = tokens(text, lang);
    let mut name = String::with_capacity(48);
    let mut say = |name: &mut String, parts: &[&str], span| {
        name.clear();
        for p in parts {
            name.push_str(p);
        }
        sink(name, span);
    };
    let mut chars: Vec<char> = Vec::with_capacity(32);
    for (i, t) in toks.iter().enumerate() {
        let span = (t.start, t.end);
        if t.stem.chars().count() < 2 {
            continue;
        }
        say(&mut name, &["w:", &t.stem], span);
        if t.negated {
            say(&mut name, &["n:", &t.stem], span);
        }
        if let Some(next) = toks.get(i + 1) {
            say(
                &mut name,
                &["b:", &t.stem, "_", &next.stem],
                (t.start, next.end),
            );
        }
        chars.clear();
        chars.push('<');
        chars.extend(t.folded.chars());
        chars.push('>');
        if chars.len() >= 6 {
            let mut gram = String::with_capacity(16);
            for n in GRAMS {
                for g in chars.windows(n) {
                    gram.clear();
                    gram.extend(g);
                    say(&mut name, &["c:", &gram], span);
                }
            }
        }
        for part in compound_parts(&t.folded, lang, lexicon) {
            say(&mut name, &["p:", &part], span);
        }
    }
}

/// The known stems a long word is made of (Dutch compounds such as
/// `schuldhulpverlening`: `schuld`, `hulpverlen`), with the linking `s`
/// or `e` between them.
fn compound_parts(word: &str, lang: Lang, lexicon: &BTreeSet<String>) -> Vec<String> {
    if lang != Lang::Nl || lexicon.is_empty() || word.chars().count() < 9 || !word.is_ascii() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for i in 4..=word.len() - 4 {
        let (head, tail) = word.split_at(i);
        let tail = tail
            .strip_prefix('s')
            .filter(|t| t.len() >= 4)
            .unwrap_or(tail);
        let h = stemmer(lang).stem(head).into_owned();
        let t = stemmer(lang).stem(tail).into_owned();
        if lexicon.contains(&h) && lexicon.contains(&t) {
            out.push(h);
            out.push(t);
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_marks_negation_and_keeps_spans() {
        let text = "Geen sancties, maar wél begeleiding";
        let f = extract(text, Lang::Nl, &BTreeSet::new());
        let neg: Vec<&String> = f.keys().filter(|k| k.starts_with("n:")).collect();
        assert_eq!(neg.len(), 1, "{neg:?}");
        assert!(neg[0].starts_with("n:sanct"), "{neg:?}");
        let (s, e) = f[neg[0]][0];
        assert_eq!(&text[s..e], "sancties");
        // Negation ends at the comma.
        assert!(f.keys().any(|k| k.starts_with("w:begeleid")));
        assert!(!f.keys().any(|k| k.starts_with("n:begeleid")));
    }

    #[test]
    fn compound_parts_come_from_the_lexicon() {
        let lexicon: BTreeSet<String> = ["schuld", "hulp"].iter().map(|s| s.to_string()).collect();
        let parts = compound_parts("schuldhulp", Lang::Nl, &lexicon);
        assert_eq!(parts, ["hulp", "schuld"]);
        assert!(compound_parts("schuldhulp", Lang::En, &lexicon).is_empty());
    }

    #[test]
    fn the_same_text_gives_the_same_features() {
        let t = "ff checken of ze echt alleen woont, anders stopt de uitkering";
        assert_eq!(
            extract(t, Lang::Nl, &BTreeSet::new()),
            extract(t, Lang::Nl, &BTreeSet::new())
        );
    }
}
