//! The model laid out for inference: features numbered in name order and
//! looked up by number where they can be (letter groups by their bytes,
//! words and pairs by stem number), weights in one flat table. Built once
//! per model; pure.

use super::detect::{Folded, Lang};
use super::features::{each, FastLexicon, Feature};
use super::model::Extra;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// The model laid out for inference: each feature numbered in name order,
/// its weights in one row of a flat table.
#[derive(Debug, Clone)]
pub(super) struct Fast {
    pub(super) index: FxHashMap<Box<str>, u32>,
    /// Four-byte letter groups, by [`Feature::Gram`] number.
    pub(super) grams: FxHashMap<u32, u32>,
    /// Every stem in a word, negation or pair feature, numbered.
    pub(super) stems: FxHashMap<Box<str>, u32>,
    /// Word, negated-word and pair features by stem number(s).
    pub(super) words: FxHashMap<u32, u32>,
    pub(super) negated: FxHashMap<u32, u32>,
    pub(super) pairs: FxHashMap<u64, u32>,
    /// `rows[i * frames + k]`: feature `i`'s weight for frame `k`.
    pub(super) rows: Vec<f64>,
    /// Whether feature `i` is a whole-word one (not a letter group).
    pub(super) whole: Vec<bool>,
    pub(super) lexicon: FastLexicon,
}

impl Fast {
    fn stem(&mut self, s: &str) -> u32 {
        let n = self.stems.len() as u32;
        *self.stems.entry(s.into()).or_insert(n)
    }

    /// Files feature `i` under the lookup that [`each`] will use for it.
    fn add(&mut self, name: &str, i: u32) {
        match Feature::parse(name) {
            Feature::Gram(g) => self.grams.insert(g, i),
            Feature::Word(s) => {
                let s = self.stem(s);
                self.words.insert(s, i)
            }
            Feature::Negated(s) => {
                let s = self.stem(s);
                self.negated.insert(s, i)
            }
            Feature::Pair(a, b) => {
                let key = pair(self.stem(a), self.stem(b));
                self.pairs.insert(key, i)
            }
            Feature::Named(n) => self.index.insert(n.into(), i),
        };
    }

    /// A feature's number by its name.
    pub(super) fn lookup(&self, name: &str) -> Option<u32> {
        let stem = |s: &str| self.stems.get(s).copied();
        match Feature::parse(name) {
            Feature::Gram(g) => self.grams.get(&g).copied(),
            Feature::Word(s) => self.words.get(&stem(s)?).copied(),
            Feature::Negated(s) => self.negated.get(&stem(s)?).copied(),
            Feature::Pair(a, b) => self.pairs.get(&pair(stem(a)?, stem(b)?)).copied(),
            Feature::Named(n) => self.index.get(n).copied(),
        }
    }
}

pub(super) fn pair(a: u32, b: u32) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

/// The features of one text the model knows: feature numbers, each with
/// the spans that made it, in order of number.
pub(super) struct Present {
    /// The spans, in the order they were found.
    pub(super) spans: Vec<(usize, usize)>,
    /// Feature number above, index into `spans` below: sorted, so each
    /// feature's spans are together and in the order found.
    pub(super) keys: Vec<u64>,
    /// Each feature's number and where its run in `keys` begins and ends.
    pub(super) runs: Vec<(u32, usize, usize)>,
}

impl Present {
    /// Room for the features of a text of `len` bytes: a word gives a
    /// handful, so about one per byte.
    pub(super) fn new(len: usize) -> Present {
        Present {
            spans: Vec::with_capacity(len + 16),
            keys: Vec::with_capacity(len + 16),
            runs: Vec::new(),
        }
    }

    pub(super) fn push(&mut self, feature: u32, span: (usize, usize)) {
        self.keys
            .push(u64::from(feature) << 32 | self.spans.len() as u64);
        self.spans.push(span);
    }

    /// Groups what was pushed by feature.
    pub(super) fn done(mut self) -> Present {
        self.keys.sort_unstable();
        let mut runs: Vec<(u32, usize, usize)> = Vec::with_capacity(self.keys.len());
        for (at, key) in self.keys.iter().enumerate() {
            let i = (key >> 32) as u32;
            match runs.last_mut() {
                Some(r) if r.0 == i => r.2 = at + 1,
                _ => runs.push((i, at, at + 1)),
            }
        }
        self.runs = runs;
        self
    }

    /// The spans of the run from `from` to `to`.
    pub(super) fn spans(
        &self,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.keys[from..to]
            .iter()
            .map(|k| self.spans[(*k & 0xffff_ffff) as usize])
    }
}

impl Fast {
    pub(super) fn new(
        frames: &[String],
        weights: &BTreeMap<String, Vec<f64>>,
        lexicon: &BTreeSet<String>,
    ) -> Fast {
        let k_frames = frames.len();
        let mut fast = Fast {
            index: FxHashMap::default(),
            grams: FxHashMap::default(),
            stems: FxHashMap::default(),
            words: FxHashMap::default(),
            negated: FxHashMap::default(),
            pairs: FxHashMap::default(),
            rows: Vec::with_capacity(weights.len() * k_frames),
            whole: Vec::with_capacity(weights.len()),
            lexicon: FastLexicon::new(lexicon),
        };
        for (i, (name, w)) in weights.iter().enumerate() {
            fast.add(name, i as u32);
            fast.rows.extend(
                w.iter()
                    .copied()
                    .chain(std::iter::repeat(0.0))
                    .take(k_frames),
            );
            fast.whole.push(!name.starts_with("c:"));
        }
        fast
    }

    /// The features of `text` the model has weights for (and the
    /// catalogue's, `extra`), with their spans; unknown ones are never kept.
    pub(super) fn known(
        &self,
        text: &str,
        folded: &Folded,
        lang: Lang,
        extra: &[Extra],
    ) -> Present {
        let fast = self;
        let mut present = Present::new(text.len());
        // A token's stem comes as a word, then as the first of a pair, and
        // the next token's as the second: each is looked up once, known by
        // where it lies in the tokens' stem buffer.
        let mut memo: [((*const u8, usize), Option<u32>); 2] = [((std::ptr::null(), 0), None); 2];
        let mut stem = |s: &str| -> Option<u32> {
            let at = (s.as_ptr(), s.len());
            if let Some((_, id)) = memo.iter().find(|(p, _)| *p == at) {
                return *id;
            }
            let id = fast.stems.get(s).copied();
            memo = [memo[1], (at, id)];
            id
        };
        each(text, folded, lang, &fast.lexicon, |feature, span| {
            let i = match feature {
                Feature::Word(s) => stem(s).and_then(|s| fast.words.get(&s)),
                Feature::Negated(s) => stem(s).and_then(|s| fast.negated.get(&s)),
                Feature::Pair(a, b) => match (stem(a), stem(b)) {
                    (Some(a), Some(b)) => fast.pairs.get(&pair(a, b)),
                    _ => None,
                },
                Feature::Named(name) => fast.index.get(name),
                Feature::Gram(g) => fast.grams.get(&g),
            };
            if let Some(i) = i {
                present.push(*i, span);
            }
        });
        for (name, span) in extra {
            if let Some(i) = fast.lookup(name) {
                present.push(i, *span);
            }
        }
        present.done()
    }
}
