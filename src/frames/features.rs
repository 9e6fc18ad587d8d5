//! What the frame model reads in a statement: tokens folded (lower case, no
//! diacritics) and stemmed (Snowball, Dutch or English), with negation
//! marked; then word and word-pair features, character 4-grams within
//! words, the parts of Dutch compounds the model knows, and which
//! catalogue phrases occur. Each feature keeps the byte ranges of the
//! words that made it, so evidence is quoted as written. Pure and
//! deterministic.

use super::detect::{fold, guess_lang, Folded, Lang};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Words after which, up to the end of the clause or three words, what
/// follows is negated.
const NEGATORS: &[&str] = &[
    "niet", "geen", "nooit", "niks", "niets", "niemand", "zonder", "nergens", "not", "no", "never",
    "nothing", "nobody", "without", "cannot", "hardly",
];
/// Names of professions and roles. No frame may follow from who someone
/// is or plays, so these words are no features at all: "de klantmanager
/// moet..." shows nothing by naming one.
fn role_word(w: &str) -> bool {
    matches!(
        w,
        "klantmanager"
            | "klantmanagers"
            | "km"
            | "werker"
            | "werkers"
            | "consulent"
            | "consulenten"
            | "client"
            | "clienten"
            | "clients"
            | "klant"
            | "klanten"
            | "manager"
            | "managers"
            | "worker"
            | "workers"
            | "caseworker"
            | "caseworkers"
    )
}
/// The lengths of the character n-grams inside words.
const GRAMS: [usize; 1] = [4];
/// How many words a negator reaches.
const NEGATION_REACH: usize = 3;

/// One token of a statement.
#[derive(Debug, Clone)]
struct Token<'a> {
    /// Where its stem is in [`Tokens::stems`].
    stem: (usize, usize),
    folded: &'a str,
    /// Byte range in the original text.
    start: usize,
    end: usize,
    negated: bool,
    /// The name of a profession or role ([`role_word`]).
    role: bool,
}

fn stemmer(lang: Lang) -> &'static Stemmer {
    static NL: OnceLock<Stemmer> = OnceLock::new();
    static EN: OnceLock<Stemmer> = OnceLock::new();
    match lang {
        Lang::Nl => NL.get_or_init(|| Stemmer::create(Algorithm::Dutch)),
        Lang::En => EN.get_or_init(|| Stemmer::create(Algorithm::English)),
    }
}

/// How many stems each thread remembers per language before it starts over.
const STEM_MEMORY: usize = 1 << 14;

/// Appends the stem of `word` to `out`. Stemming is the slowest step of
/// reading a text and chat repeats its words, so each thread remembers the
/// stems it made; the result is the stemmer's either way.
fn stem_into(lang: Lang, word: &str, out: &mut String) {
    thread_local! {
        static MEMORY: std::cell::RefCell<[FxHashMap<Box<str>, Box<str>>; 2]> =
            Default::default();
    }
    MEMORY.with_borrow_mut(|memory| {
        let memory = &mut memory[lang as usize];
        if let Some(stem) = memory.get(word) {
            out.push_str(stem);
            return;
        }
        let stem = stemmer(lang).stem(word);
        out.push_str(&stem);
        if memory.len() >= STEM_MEMORY {
            memory.clear();
        }
        memory.insert(word.into(), stem.into());
    });
}

/// The stem of `word`, as [`stem_into`] makes it.
fn stem(lang: Lang, word: &str) -> String {
    let mut s = String::new();
    stem_into(lang, word, &mut s);
    s
}

/// A statement's tokens and, in one buffer, their stems.
struct Tokens<'a> {
    stems: String,
    list: Vec<Token<'a>>,
}

impl Tokens<'_> {
    fn stem(&self, t: &Token) -> &str {
        &self.stems[t.stem.0..t.stem.1]
    }
}

/// Tokens with their stems; negation marked from a negator to the end of
/// its clause (a comma, a full stop, "maar"/"but") or [`NEGATION_REACH`] words.
fn tokens<'a>(text: &str, folded: &'a Folded, lang: Lang) -> Tokens<'a> {
    // English contractions fold apart: "don't" is "don" "t".
    const CONTRACTED: &[&str] = &[
        "don", "doesn", "didn", "isn", "aren", "wasn", "weren", "can", "won", "shouldn", "couldn",
        "wouldn",
    ];
    let (folded, map) = (folded.0.as_str(), &folded.1);
    let mut out: Vec<Token> = Vec::with_capacity(folded.len() / 5 + 1);
    let mut stems = String::with_capacity(folded.len());
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
        let from = stems.len();
        stem_into(lang, w, &mut stems);
        out.push(Token {
            stem: (from, stems.len()),
            folded: w,
            start: o_start,
            end: o_end,
            negated: reach > 0,
            role: role_word(w),
        });
        // No negator is longer than seven letters.
        let negates = (w.len() <= 7 && NEGATORS.contains(&w))
            || (lang == Lang::En && w == "t" && CONTRACTED.contains(&previous));
        reach = if negates {
            NEGATION_REACH
        } else {
            reach.saturating_sub(1)
        };
        previous = w;
    }
    Tokens { stems, list: out }
}

/// The features of a statement, each with the spans that made it.
pub type Features = BTreeMap<String, Vec<(usize, usize)>>;

/// The language a statement is read in: as given, else guessed, else Dutch.
pub fn lang_of(text: &str, lang: Option<Lang>) -> Lang {
    lang.or_else(|| guess_lang(text)).unwrap_or(Lang::Nl)
}

/// The stems compounds are split into.
pub trait Lexicon {
    fn has(&self, stem: &str) -> bool;
    /// Whether some stem starts with the first three bytes of `head`: a
    /// compound part (a stem of four letters or more, whose first three
    /// letters stemming keeps) can only begin where one does.
    fn may_start(&self, head: &str) -> bool;
    fn is_empty(&self) -> bool;
}

impl Lexicon for BTreeSet<String> {
    fn has(&self, stem: &str) -> bool {
        self.contains(stem)
    }
    fn may_start(&self, head: &str) -> bool {
        let Some(head) = head.get(..3) else {
            return false;
        };
        self.range::<str, _>((std::ops::Bound::Included(head), std::ops::Bound::Unbounded))
            .next()
            .is_some_and(|s| s.starts_with(head))
    }
    fn is_empty(&self) -> bool {
        BTreeSet::is_empty(self)
    }
}

/// A lexicon for fast lookups, built once from a model's.
#[derive(Debug, Clone, Default)]
pub struct FastLexicon {
    stems: FxHashSet<Box<str>>,
    heads: FxHashSet<[u8; 3]>,
}

impl FastLexicon {
    pub fn new(lexicon: &BTreeSet<String>) -> FastLexicon {
        FastLexicon {
            stems: lexicon.iter().map(|s| s.as_str().into()).collect(),
            heads: lexicon.iter().filter_map(|s| head3(s)).collect(),
        }
    }
}

fn head3(s: &str) -> Option<[u8; 3]> {
    s.as_bytes().get(..3)?.try_into().ok()
}

impl Lexicon for FastLexicon {
    fn has(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }
    fn may_start(&self, head: &str) -> bool {
        head3(head).is_some_and(|h| self.heads.contains(&h))
    }
    fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }
}

/// Every feature of `text`. `lexicon`: stems the model knows, for
/// splitting compounds (empty while the vocabulary is being built).
pub fn extract(text: &str, lang: Lang, lexicon: &BTreeSet<String>) -> Features {
    let mut f: Features = BTreeMap::new();
    let mut buf = String::new();
    each(text, &fold(text), lang, lexicon, |feature, span| {
        let name = feature.name(&mut buf);
        match f.get_mut(name) {
            Some(spans) => spans.push(span),
            None => {
                f.insert(name.to_string(), vec![span]);
            }
        }
    });
    f
}

/// One feature as [`each`] hands it over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature<'a> {
    /// A word's stem (`w:`).
    Word(&'a str),
    /// A negated word's stem (`n:`).
    Negated(&'a str),
    /// Two stems in a row (`b:first_second`; stems never hold `_`).
    Pair(&'a str, &'a str),
    /// By its name: `p:`, or a letter group of other than four bytes as `c:`.
    Named(&'a str),
    /// A letter group of four bytes (`c:` and the bytes, little-endian):
    /// looked up without building its name.
    Gram(u32),
}

impl Feature<'_> {
    /// The feature's name, written into `buf`.
    pub fn name<'b>(&'b self, buf: &'b mut String) -> &'b str {
        let mut build = |parts: &[&str]| {
            buf.clear();
            for p in parts {
                buf.push_str(p);
            }
        };
        match self {
            Feature::Word(s) => {
                build(&["w:", s]);
                buf
            }
            Feature::Negated(s) => {
                build(&["n:", s]);
                buf
            }
            Feature::Pair(a, b) => {
                build(&["b:", a, "_", b]);
                buf
            }
            Feature::Named(n) => n,
            Feature::Gram(g) => {
                buf.clear();
                buf.push_str("c:");
                buf.push_str(&String::from_utf8_lossy(&g.to_le_bytes()));
                buf
            }
        }
    }
}

impl<'a> Feature<'a> {
    /// A feature from its name: the inverse of [`Feature::name`].
    pub fn parse(name: &'a str) -> Feature<'a> {
        if let Some(g) = gram_of(name) {
            Feature::Gram(g)
        } else if let Some(s) = name.strip_prefix("w:") {
            Feature::Word(s)
        } else if let Some(s) = name.strip_prefix("n:") {
            Feature::Negated(s)
        } else if let Some((a, b)) = name.strip_prefix("b:").and_then(|p| p.split_once('_')) {
            Feature::Pair(a, b)
        } else {
            Feature::Named(name)
        }
    }
}

/// A four-byte letter-group name's [`Feature::Gram`] number.
pub fn gram_of(name: &str) -> Option<u32> {
    let bytes = <[u8; 4]>::try_from(name.strip_prefix("c:")?.as_bytes()).ok()?;
    Some(u32::from_le_bytes(bytes))
}

/// Hands every feature of `text` (`folded` is `fold(text)`) to `sink` (a
/// name, the span that made it), one at a time, without collecting them:
/// inference looks each up.
pub fn each(
    text: &str,
    folded: &Folded,
    lang: Lang,
    lexicon: &impl Lexicon,
    mut sink: impl FnMut(Feature, (usize, usize)),
) {
    let toks = tokens(text, folded, lang);
    let stem_of = |t: &Token| toks.stem(t);
    let mut name = String::with_capacity(48);
    // A named feature: its name built from `parts` in one buffer.
    fn say(
        sink: &mut impl FnMut(Feature, (usize, usize)),
        name: &mut String,
        parts: &[&str],
        span: (usize, usize),
    ) {
        name.clear();
        for p in parts {
            name.push_str(p);
        }
        sink(Feature::Named(name), span);
    }
    let mut word = String::with_capacity(32);
    let mut bounds: Vec<usize> = Vec::with_capacity(32);
    let mut parts: Vec<String> = Vec::new();
    for (i, t) in toks.list.iter().enumerate() {
        let span = (t.start, t.end);
        let stem = stem_of(t);
        if stem.chars().nth(1).is_none() || t.role {
            continue;
        }
        sink(Feature::Word(stem), span);
        if t.negated {
            sink(Feature::Negated(stem), span);
        }
        if let Some(next) = toks.list.get(i + 1).filter(|n| !n.role) {
            sink(Feature::Pair(stem, stem_of(next)), (t.start, next.end));
        }
        // Character n-grams of `<word>`, for words of four letters or more.
        word.clear();
        word.push('<');
        word.push_str(t.folded);
        word.push('>');
        bounds.clear();
        bounds.extend(word.char_indices().map(|(i, _)| i).chain([word.len()]));
        if bounds.len() > 6 {
            for n in GRAMS {
                for w in bounds.windows(n + 1) {
                    let gram = &word[w[0]..w[n]];
                    match <[u8; 4]>::try_from(gram.as_bytes()) {
                        Ok(bytes) => sink(Feature::Gram(u32::from_le_bytes(bytes)), span),
                        Err(_) => say(&mut sink, &mut name, &["c:", gram], span),
                    }
                }
            }
        }
        compound_parts(t.folded, lang, lexicon, &mut parts);
        for part in &parts {
            say(&mut sink, &mut name, &["p:", part], span);
        }
    }
}

/// The known stems a long word is made of (Dutch compounds such as
/// `schuldhulpverlening`: `schuld`, `hulpverlen`), with the linking `s`
/// or `e` between them, sorted, into `out`.
fn compound_parts(word: &str, lang: Lang, lexicon: &impl Lexicon, out: &mut Vec<String>) {
    out.clear();
    if lang != Lang::Nl
        || lexicon.is_empty()
        || word.len() < 9
        || !word.is_ascii()
        || !lexicon.may_start(word)
    {
        return;
    }
    let stem = |s: &str| stem(lang, s);
    for i in 4..=word.len() - 4 {
        let (head, tail) = word.split_at(i);
        let tail = tail
            .strip_prefix('s')
            .filter(|t| t.len() >= 4)
            .unwrap_or(tail);
        if !lexicon.may_start(tail) {
            continue;
        }
        let t = stem(tail);
        if !lexicon.has(&t) {
            continue;
        }
        let h = stem(head);
        if lexicon.has(&h) {
            out.push(h);
            out.push(t);
        }
    }
    out.sort();
    out.dedup();
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
    fn naming_a_profession_is_no_feature() {
        let f = extract("de klantmanager belt de cliënt", Lang::Nl, &BTreeSet::new());
        assert!(
            f.keys()
                .all(|k| !k.contains("klantman") && !k.contains("client")),
            "{f:?}"
        );
        assert!(f.contains_key("w:belt"), "{f:?}");
    }

    #[test]
    fn compound_parts_come_from_the_lexicon() {
        let lexicon: BTreeSet<String> = ["schuld", "hulp"].iter().map(|s| s.to_string()).collect();
        let mut parts = Vec::new();
        compound_parts("schuldhulp", Lang::Nl, &lexicon, &mut parts);
        assert_eq!(parts, ["hulp", "schuld"]);
        compound_parts("schuldhulp", Lang::En, &lexicon, &mut parts);
        assert!(parts.is_empty());
        // The fast lexicon splits alike.
        compound_parts(
            "schuldhulp",
            Lang::Nl,
            &FastLexicon::new(&lexicon),
            &mut parts,
        );
        assert_eq!(parts, ["hulp", "schuld"]);
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
