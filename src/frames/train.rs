//! Training the frame model from labelled statements, and measuring it.
//! Deterministic: the same statements give the same weights, bit for bit
//! (a fixed visiting order, no threads, no clock). Pure; reading the files
//! is the command's (`brug frames train`) and the tests'.

use super::detect::Lang;
use super::features::{extract, lang_of, Features};
use super::model::Extra;
use super::model::{scale, sigmoid, Model};
use super::Frames;
use std::collections::{BTreeMap, BTreeSet};

/// The frames the model learns: the five the research observed. The
/// catalogue keeps the rest (ecological, the relational frames).
pub const LEARNED: [&str; 5] = ["autonomy", "community", "needs", "social-control", "market"];

/// A labelled statement.
#[derive(Debug, Clone)]
pub struct Example {
    pub id: String,
    pub lang: Option<Lang>,
    pub narrative: String,
    /// Frame ids; empty for none.
    pub labels: Vec<String>,
    pub text: String,
}

/// Reads a corpus file: `id, lang, narrative, labels, text`, tab-separated,
/// `#` comments; labels comma-separated or `-`.
pub fn read_tsv(name: &str, text: &str) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [id, lang, narrative, labels, text] = cols[..] else {
            return Err(format!(
                "{name}:{}: {} columns, 5 expected",
                i + 1,
                cols.len()
            ));
        };
        let lang = match lang {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            other => return Err(format!("{name}:{}: language {other:?}", i + 1)),
        };
        let labels = match labels {
            "-" => Vec::new(),
            l => l.split(',').map(|s| s.trim().to_string()).collect(),
        };
        out.push(Example {
            id: id.to_string(),
            lang,
            narrative: narrative.to_string(),
            labels,
            text: text.to_string(),
        });
    }
    Ok(out)
}

/// How training runs.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub epochs: usize,
    pub rate: f64,
    /// L2 strength per step.
    pub l2: f64,
    /// A feature must occur in this many training statements.
    pub min_count: usize,
    /// Whether the catalogue's findings are features (`k:<frame>`).
    pub catalogue: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            epochs: 60,
            rate: 0.4,
            l2: 3e-3,
            min_count: 2,
            catalogue: true,
        }
    }
}

/// The model's names for the catalogue's findings, one per learned frame
/// (`k:` and the frame's id, in the order of [`LEARNED`]).
const CATALOGUE: [&str; 5] = [
    "k:autonomy",
    "k:community",
    "k:needs",
    "k:social-control",
    "k:market",
];

/// The catalogue's findings as model features: which of the learned frames
/// its phrases show, with the phrases' spans.
pub fn catalogue_features(catalogue: &Frames, text: &str, lang: Lang) -> Vec<Extra> {
    hit_features(catalogue, &catalogue.phrase_hits(text, Some(lang)))
}

/// The learned frames among the catalogue's `hits`, as model features.
pub fn hit_features(catalogue: &Frames, hits: &[super::detect::Hit]) -> Vec<Extra> {
    hits.iter()
        .filter_map(|hit| {
            let id = &catalogue.frames[hit.frame].id;
            let k = LEARNED.iter().position(|l| l == id)?;
            Some((CATALOGUE[k], (hit.start, hit.end)))
        })
        .collect()
}

fn all_features(e: &Example, lexicon: &BTreeSet<String>, catalogue: Option<&Frames>) -> Features {
    let lang = lang_of(&e.text, e.lang);
    let mut f = extract(&e.text, lang, lexicon);
    if let Some(c) = catalogue {
        for (name, span) in catalogue_features(c, &e.text, lang) {
            f.entry(name.to_string()).or_default().push(span);
        }
    }
    f
}

/// A small fixed permutation generator (xorshift), so the visiting order
/// is the same on every machine.
struct Order(u64);

impl Order {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn shuffle(&mut self, v: &mut [usize]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains on `train`; the threshold is the one that gives the best
/// macro-F1 on `dev`.
pub fn train(train: &[Example], dev: &[Example], catalogue: Option<&Frames>, s: Settings) -> Model {
    let catalogue = catalogue.filter(|_| s.catalogue);
    // The lexicon for compounds: stems seen in training, four letters or more.
    let mut lexicon = BTreeSet::new();
    for e in train {
        for k in extract(&e.text, lang_of(&e.text, e.lang), &BTreeSet::new()).keys() {
            if let Some(stem) = k.strip_prefix("w:").filter(|w| w.chars().count() >= 4) {
                lexicon.insert(stem.to_string());
            }
        }
    }
    let feats: Vec<Features> = train
        .iter()
        .map(|e| all_features(e, &lexicon, catalogue))
        .collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &feats {
        for k in f.keys() {
            *count.entry(k.as_str()).or_default() += 1;
        }
    }
    let vocab: Vec<&str> = count
        .iter()
        .filter(|(_, n)| **n >= s.min_count)
        .map(|(k, _)| *k)
        .collect();
    let index: BTreeMap<&str, usize> = vocab.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let rows: Vec<Vec<usize>> = feats
        .iter()
        .map(|f| {
            f.keys()
                .filter_map(|k| index.get(k.as_str()).copied())
                .collect()
        })
        .collect();
    let k_frames = LEARNED.len();
    let mut w = vec![vec![0.0f64; vocab.len()]; k_frames];
    let mut bias = vec![0.0f64; k_frames];
    for (k, frame) in LEARNED.iter().enumerate() {
        let y: Vec<f64> = train
            .iter()
            .map(|e| f64::from(u8::from(e.labels.iter().any(|l| l == frame))))
            .collect();
        let positives = y.iter().sum::<f64>().max(1.0);
        // Rarer positives weigh more, up to four times.
        let up = ((y.len() as f64 - positives) / positives).clamp(1.0, 4.0);
        let mut order = Order(0x9E37_79B9_7F4A_7C15 ^ k as u64);
        let mut visit: Vec<usize> = (0..train.len()).collect();
        for epoch in 0..s.epochs {
            order.shuffle(&mut visit);
            let rate = s.rate / (1.0 + 0.05 * epoch as f64);
            for &i in &visit {
                let x = scale(rows[i].len());
                let z = bias[k] + rows[i].iter().map(|j| w[k][*j] * x).sum::<f64>();
                let g = (sigmoid(z) - y[i]) * if y[i] > 0.5 { up } else { 1.0 };
                bias[k] -= rate * g;
                for j in &rows[i] {
                    let wj = &mut w[k][*j];
                    *wj -= rate * (g * x + s.l2 * *wj);
                }
            }
        }
    }
    let weights: BTreeMap<String, Vec<f64>> = vocab
        .iter()
        .enumerate()
        .map(|(j, name)| {
            (
                name.to_string(),
                (0..k_frames).map(|k| round4(w[k][j])).collect::<Vec<f64>>(),
            )
        })
        // A weight that rounds to nothing in every frame says nothing.
        .filter(|(_, ws)| ws.iter().any(|x| *x != 0.0))
        .collect();
    let mut model = Model::new(
        LEARNED.iter().map(|s| s.to_string()).collect(),
        0.5,
        bias.into_iter().map(round4).collect(),
        weights,
        lexicon,
    );
    model.threshold = best_threshold(&model, dev, catalogue);
    model
}

/// As the file keeps it.
fn round4(x: f64) -> f64 {
    let r = (x * 10_000.0).round() / 10_000.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// What the model predicts for one statement: frame ids.
pub fn predict(model: &Model, e: &Example, catalogue: Option<&Frames>) -> Vec<String> {
    let lang = lang_of(&e.text, e.lang);
    let extra = match catalogue {
        Some(c) => catalogue_features(c, &e.text, lang),
        None => Vec::new(),
    };
    model
        .score(&e.text, Some(lang), &extra)
        .into_iter()
        .map(|s| model.frames[s.frame].clone())
        .collect()
}

fn best_threshold(model: &Model, dev: &[Example], catalogue: Option<&Frames>) -> f64 {
    let mut best = (f64::MIN, 0.5);
    for step in 0..=30 {
        let t = 0.20 + 0.02 * step as f64;
        let mut m = model.clone();
        m.threshold = t;
        let predicted: Vec<Vec<String>> = dev.iter().map(|e| predict(&m, e, catalogue)).collect();
        let f1 = Scores::of(dev, &predicted).macro_f1();
        if f1 > best.0 + 1e-9 {
            best = (f1, (t * 100.0).round() / 100.0);
        }
    }
    best.1
}

/// Counts per frame (and for none) on a labelled set.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Per learned frame: true positives, false positives, false negatives.
    pub frames: Vec<(usize, usize, usize)>,
    /// None: statements without a frame, predicted none.
    pub none: (usize, usize, usize),
}

fn f1(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        0.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl Scores {
    /// `predicted[i]` for `gold[i]`; only the learned frames count.
    pub fn of(gold: &[Example], predicted: &[Vec<String>]) -> Scores {
        let mut s = Scores {
            frames: vec![(0, 0, 0); LEARNED.len()],
            none: (0, 0, 0),
        };
        for (e, p) in gold.iter().zip(predicted) {
            let g: Vec<&str> = e
                .labels
                .iter()
                .map(String::as_str)
                .filter(|l| LEARNED.contains(l))
                .collect();
            let p: Vec<&str> = p
                .iter()
                .map(String::as_str)
                .filter(|l| LEARNED.contains(l))
                .collect();
            for (k, frame) in LEARNED.iter().enumerate() {
                match (g.contains(frame), p.contains(frame)) {
                    (true, true) => s.frames[k].0 += 1,
                    (false, true) => s.frames[k].1 += 1,
                    (true, false) => s.frames[k].2 += 1,
                    (false, false) => {}
                }
            }
            match (g.is_empty(), p.is_empty()) {
                (true, true) => s.none.0 += 1,
                (false, true) => s.none.1 += 1,
                (true, false) => s.none.2 += 1,
                (false, false) => {}
            }
        }
        s
    }

    /// Precision, recall, F1 of learned frame `k`.
    pub fn frame(&self, k: usize) -> (f64, f64, f64) {
        let (tp, fp, fn_) = self.frames[k];
        f1(tp, fp, fn_)
    }

    pub fn none(&self) -> (f64, f64, f64) {
        f1(self.none.0, self.none.1, self.none.2)
    }

    pub fn macro_f1(&self) -> f64 {
        (0..self.frames.len()).map(|k| self.frame(k).2).sum::<f64>() / self.frames.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_feature_names_follow_the_learned_frames() {
        for (k, id) in LEARNED.iter().enumerate() {
            assert_eq!(CATALOGUE[k], format!("k:{id}"));
        }
    }
}
