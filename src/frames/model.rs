//! The trained frame model: one logistic regression per frame over the
//! features of `features`, shipped as `flows/frames-model.tsv` (written by
//! `brug frames train`, never by hand). Inference is pure and
//! deterministic; every frame it reports comes with the words that weighed
//! most for it, as written.

use super::detect::{fold, Folded, Lang};
use super::fast::{Fast, Present};
use super::features::{extract, lang_of, Features};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// The file format's version; a newer file is refused.
pub const FORMAT: u32 = 1;
/// The most frames one statement is given (the labelling guide's rule).
pub const MOST_FRAMES: usize = 2;
/// The most words quoted as evidence for one frame.
const MOST_EVIDENCE: usize = 3;
/// A feature is quoted when it weighs at least this share of the heaviest.
const EVIDENCE_SHARE: f64 = 0.25;
/// Words that carry no frame of their own: they may weigh in a statement,
/// but quoting them as evidence ("her", "zij", "No") says nothing.
const FUNCTION_WORDS: &[&str] = &[
    "de", "het", "een", "en", "of", "is", "zijn", "was", "ben", "bent", "heeft", "hebben", "had",
    "niet", "geen", "dat", "die", "dit", "deze", "ze", "zij", "hij", "hem", "haar", "wij", "we",
    "ik", "je", "jij", "u", "van", "op", "in", "met", "voor", "naar", "ook", "maar", "wat", "als",
    "dan", "nog", "wel", "er", "om", "te", "aan", "bij", "uit", "zo", "al", "gewoon", "even",
    "laat", "wordt", "worden", "kan", "moet", "wil", "zou", "the", "a", "an", "and", "or", "is",
    "are", "was", "be", "not", "no", "that", "this", "she", "he", "her", "him", "his", "we",
    "they", "i", "you", "of", "on", "in", "with", "for", "to", "also", "but", "what", "it", "has",
    "have", "had", "just", "own", "so", "if", "then", "do", "does", "can", "should", "would",
    "will", "wegens", "because", "make", "makes", "made", "think", "find", "get", "got", "go",
    "goes", "see", "know", "say", "said", "really", "happens", "happen", "thing", "things", "way",
    "doen", "maken", "denk", "vind", "zien", "weet", "gaan", "gaat", "echt", "gebeurt", "dingen",
    "ding", "manier", "hoor", "toch", "eens", "ff", "nu", "dus", "want", "mee", "daar", "hier",
    "waar", "hoe", "how", "why", "where", "there", "here", "all", "alle", "everyone", "iedereen",
    "plan", "into", "from", "about", "at", "by", "as", "than", "them", "their", "our", "us",
    "your", "my", "me", "who", "which", "when", "wie", "welke", "wanneer", "mijn", "jouw", "onze",
    "hun", "ons", "mij", "jou", "over", "door", "tot", "dan", "zich", "zolang", "meer", "more",
    "while", "goed", "goede", "good", "heel", "very", "veel", "much", "many", "erg",
];
fn function_word(w: &str) -> bool {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FUNCTION_WORDS.iter().copied().collect())
        .contains(w)
}

/// The least weight a feature needs to be quoted.
const EVIDENCE_WEIGHT: f64 = 0.8;

#[derive(Debug, Clone)]
pub struct Model {
    /// The frame ids, in the order of the weights.
    pub frames: Vec<String>,
    /// A frame is reported from this probability on (chosen on the
    /// development part).
    pub threshold: f64,
    pub bias: Vec<f64>,
    /// Feature -> one weight per frame.
    pub weights: BTreeMap<String, Vec<f64>>,
    /// Stems the model knows, for splitting compounds.
    pub lexicon: BTreeSet<String>,
    /// The weights by number, for looking up a text's features fast.
    fast: OnceLock<Fast>,
}

/// A feature found apart from the text's own (the catalogue's): its name
/// and the span that made it.
pub type Extra = (&'static str, (usize, usize));

/// A feature present in a text that pushes a frame up: its weight,
/// whether it is a whole-word feature, its number (name order), where it is.
type Pushing = (f64, bool, u32, (usize, usize));

/// One frame the model finds in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Index into `Model::frames`.
    pub frame: usize,
    pub probability: f64,
    /// The words that weighed most, as written, strongest first.
    pub evidence: Vec<String>,
}

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// Binary features scaled to unit length: long and short statements weigh alike.
pub fn scale(n: usize) -> f64 {
    1.0 / (n.max(1) as f64).sqrt()
}

impl Model {
    /// The features of `text` this model reads, with the catalogue's
    /// findings (`k:<frame>`) added by the caller when the model uses them.
    pub fn features(&self, text: &str, lang: Lang) -> Features {
        extract(text, lang, &self.lexicon)
    }

    fn chances(&self, present: &Present) -> Vec<f64> {
        let fast = self.fast();
        let k_frames = self.frames.len();
        let x = scale(present.runs.len());
        let mut z = self.bias.clone();
        for (i, _, _) in &present.runs {
            let row = &fast.rows[*i as usize * k_frames..][..k_frames];
            for (z, w) in z.iter_mut().zip(row) {
                *z += w * x;
            }
        }
        z.into_iter().map(sigmoid).collect()
    }

    /// A model from its parts (training builds one so).
    pub fn new(
        frames: Vec<String>,
        threshold: f64,
        bias: Vec<f64>,
        weights: BTreeMap<String, Vec<f64>>,
        lexicon: BTreeSet<String>,
    ) -> Model {
        Model {
            frames,
            threshold,
            bias,
            weights,
            lexicon,
            fast: OnceLock::new(),
        }
    }

    fn fast(&self) -> &Fast {
        self.fast
            .get_or_init(|| Fast::new(&self.frames, &self.weights, &self.lexicon))
    }

    fn known(&self, text: &str, folded: &Folded, lang: Lang, extra: &[Extra]) -> Present {
        self.fast().known(text, folded, lang, extra)
    }

    /// The frames of `text` at or above the threshold, at most two, most
    /// probable first, each with its evidence.
    pub fn score(&self, text: &str, lang: Option<Lang>, extra: &[Extra]) -> Vec<Scored> {
        self.score_folded(text, &fold(text), lang_of(text, lang), extra)
    }

    /// [`Model::score`] on a text already folded (`folded` is `fold(text)`).
    pub fn score_folded(
        &self,
        text: &str,
        folded: &Folded,
        lang: Lang,
        extra: &[Extra],
    ) -> Vec<Scored> {
        let f = self.known(text, folded, lang, extra);
        let p = self.chances(&f);
        let mut order: Vec<usize> = (0..p.len()).filter(|k| p[*k] >= self.threshold).collect();
        order.sort_by(|a, b| p[*b].total_cmp(&p[*a]).then(a.cmp(b)));
        order.truncate(MOST_FRAMES);
        order
            .into_iter()
            .map(|k| Scored {
                frame: k,
                probability: p[k],
                evidence: self.evidence(text, &f, k),
            })
            .collect()
    }

    /// The words of the features that pushed frame `k` up most. A reported
    /// frame always quotes something: when no feature weighs enough on its
    /// own, the heaviest present one is quoted.
    fn evidence(&self, text: &str, f: &Present, k: usize) -> Vec<String> {
        let fast = self.fast();
        let k_frames = self.frames.len();
        let pushing: Vec<Pushing> = f
            .runs
            .iter()
            .filter_map(|&(i, from, to)| {
                let w = fast.rows[i as usize * k_frames + k];
                // Letter groups weigh in, but are quoted only as a last resort.
                (w > 0.0).then_some((w, fast.whole[i as usize], i, (from, to)))
            })
            .collect();
        // Whole words first, heaviest first; feature numbers are unique,
        // so the order is total.
        let order = |v: &mut Vec<Pushing>| {
            v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.0.total_cmp(&a.0)).then(a.2.cmp(&b.2)))
        };
        let quote = |list: &[Pushing], most: usize| {
            let mut words: Vec<String> = Vec::new();
            for (_, _, _, (from, to)) in list {
                for (s, e) in f.spans(*from, *to) {
                    let Some(w) = text.get(s..e) else { continue };
                    let w = w.trim();
                    let telling = w.split(|c: char| !c.is_alphanumeric()).any(|part| {
                        !part.is_empty()
                            && !if part.chars().any(char::is_uppercase) {
                                function_word(&part.to_lowercase())
                            } else {
                                function_word(part)
                            }
                    });
                    // A word inside a phrase already quoted adds nothing.
                    if telling
                        && !words
                            .iter()
                            .any(|q| q.contains(w) || w.contains(q.as_str()))
                    {
                        words.push(w.to_string());
                    }
                }
                if words.len() >= MOST_EVIDENCE {
                    break;
                }
            }
            words.truncate(most);
            words
        };
        let heaviest = pushing
            .iter()
            .filter(|p| p.1)
            .map(|p| p.0)
            .fold(0.0, f64::max);
        let mut strong: Vec<Pushing> = pushing
            .iter()
            .filter(|(w, whole, _, _)| {
                *whole && *w >= EVIDENCE_WEIGHT && *w >= heaviest * EVIDENCE_SHARE
            })
            .copied()
            .collect();
        order(&mut strong);
        let words = quote(&strong, MOST_EVIDENCE);
        if !words.is_empty() {
            return words;
        }
        let mut all = pushing;
        order(&mut all);
        quote(&all, 1)
    }

    /// The model as its data file: deterministic, one feature per line.
    pub fn to_tsv(&self) -> String {
        let mut out = String::new();
        out.push_str("# The frame model, written by `brug frames train` from tests/data/frames; do not edit.\n");
        out.push_str(
            "# Columns: feature, then one weight per frame (logistic regression, one per frame).\n",
        );
        out.push_str(&format!("format\t{FORMAT}\n"));
        out.push_str(&format!("frames\t{}\n", self.frames.join("\t")));
        out.push_str(&format!("threshold\t{:.2}\n", self.threshold));
        out.push_str(&format!("bias\t{}\n", nums(&self.bias)));
        for w in &self.lexicon {
            out.push_str(&format!("lexicon\t{w}\n"));
        }
        for (f, w) in &self.weights {
            out.push_str(&format!("{f}\t{}\n", nums(w)));
        }
        out
    }

    /// Reads a model file; every problem with its line number.
    pub fn from_tsv(text: &str) -> Result<Model, String> {
        let mut m = Model::new(
            Vec::new(),
            0.5,
            Vec::new(),
            BTreeMap::new(),
            BTreeSet::new(),
        );
        let mut format = None;
        for (i, line) in text.lines().enumerate() {
            let at = i + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let key = cols.next().unwrap_or_default();
            let rest: Vec<&str> = cols.collect();
            let floats = |rest: &[&str]| -> Result<Vec<f64>, String> {
                rest.iter()
                    .map(|v| {
                        v.parse::<f64>()
                            .map_err(|e| format!("line {at}: {v:?}: {e}"))
                    })
                    .collect()
            };
            match key {
                "format" => {
                    let v: u32 = rest
                        .first()
                        .and_then(|v| v.parse().ok())
                        .ok_or(format!("line {at}: format needs a number"))?;
                    if v > FORMAT {
                        return Err(format!(
                            "line {at}: model format {v} is newer than this brug reads ({FORMAT})"
                        ));
                    }
                    format = Some(v);
                }
                "frames" => m.frames = rest.iter().map(|s| s.to_string()).collect(),
                "threshold" => {
                    m.threshold = floats(&rest)?
                        .first()
                        .copied()
                        .ok_or(format!("line {at}: threshold needs a number"))?
                }
                "bias" => m.bias = floats(&rest)?,
                "lexicon" => {
                    m.lexicon
                        .insert(rest.first().copied().unwrap_or_default().to_string());
                }
                feature => {
                    let w = floats(&rest)?;
                    if w.len() != m.frames.len() {
                        return Err(format!(
                            "line {at}: {} weights for {} frames",
                            w.len(),
                            m.frames.len()
                        ));
                    }
                    m.weights.insert(feature.to_string(), w);
                }
            }
        }
        if format.is_none() {
            return Err("no format line: not a brug frame model".into());
        }
        if m.frames.is_empty() || m.bias.len() != m.frames.len() {
            return Err(format!(
                "{} frames with {} biases",
                m.frames.len(),
                m.bias.len()
            ));
        }
        Ok(m)
    }
}

/// Fixed precision, so the same weights always read the same.
fn nums(v: &[f64]) -> String {
    v.iter()
        .map(|x| {
            let s = format!("{x:.4}");
            if s == "-0.0000" {
                "0.0000".to_string()
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join("\t")
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
