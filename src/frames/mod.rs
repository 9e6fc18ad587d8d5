//! Frames: the catalogue (loaded from `flows/frames.toml` by `crate::flows`),
//! detection of frame indicators in answers, and the per-text analysis the
//! summary and `brug frames analyze` build on. Pure: no I/O, no clock.

pub mod detect;
mod fast;
pub mod features;
pub mod model;
pub mod train;

pub use detect::{Lang, Pattern};
pub use model::Model;

use detect::Matcher;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A frame is present in a text from this much indicator weight on: one
/// phrase the research ties to it, or three it only suggests.
pub const PRESENT: u32 = 1;
pub const STRONG: u32 = 3;
pub const WEAK: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    Master,
    MetaCultural,
    Relational,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameInfo {
    pub id: String,
    pub level: Level,
    /// Fluent ids.
    pub name: String,
    pub description: String,
}

/// The frames and their compiled indicators.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Frames {
    pub frames: Vec<FrameInfo>,
    pub patterns: Vec<Pattern>,
    #[serde(skip)]
    matcher: OnceLock<MatcherCell>,
    /// The trained model for the frames it knows; the catalogue finds the
    /// others, and without a model all of them. Not stored with a flow: a
    /// flow read back gets the running catalogue's model.
    #[serde(skip)]
    model: Option<std::sync::Arc<Model>>,
}

/// Wraps the automaton so `Frames` stays `Debug`/`Clone` without printing it.
#[derive(Clone)]
struct MatcherCell(std::sync::Arc<Matcher>);

impl std::fmt::Debug for MatcherCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Matcher")
    }
}

impl PartialEq for Frames {
    fn eq(&self, other: &Self) -> bool {
        self.frames == other.frames && self.patterns == other.patterns
    }
}

/// A frame found in one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// Index into `Frames::frames`.
    pub frame: usize,
    pub weight: u32,
    /// Weight per 20 words, capped at 1: comparable across lengths.
    pub score: f64,
    /// The words that showed it, as written.
    pub evidence: Vec<String>,
}

impl Frames {
    pub fn new(frames: Vec<FrameInfo>, patterns: Vec<Pattern>) -> Frames {
        Frames {
            frames,
            patterns,
            matcher: OnceLock::new(),
            model: None,
        }
    }

    /// These frames, found by `model` where it knows them.
    pub fn with_model(mut self, model: Option<std::sync::Arc<Model>>) -> Frames {
        self.model = model;
        self
    }

    pub fn model(&self) -> Option<&std::sync::Arc<Model>> {
        self.model.as_ref()
    }

    /// The catalogue's phrases in `text` (one language, or both).
    pub fn phrase_hits(&self, text: &str, lang: Option<Lang>) -> Vec<detect::Hit> {
        self.matcher().find(text, lang)
    }

    fn matcher(&self) -> &Matcher {
        &self
            .matcher
            .get_or_init(|| MatcherCell(std::sync::Arc::new(Matcher::new(self.patterns.clone()))))
            .0
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.frames.iter().position(|f| f.id == id)
    }

    /// The frames present in `text`, strongest first: the model's, and the
    /// catalogue's for frames the model does not know. Without a language,
    /// it is guessed per text.
    pub fn analyze(&self, text: &str, lang: Option<Lang>) -> Vec<Found> {
        let Some(model) = &self.model else {
            return self.catalogue(text, lang);
        };
        let folded = detect::fold(text);
        let lang = lang
            .or_else(|| detect::guess_folded(&folded.0))
            .unwrap_or(Lang::Nl);
        let hits = self.matcher().find_folded(text, &folded, Some(lang));
        let extra = train::hit_features(self, &hits);
        let mut out: Vec<Found> = model
            .score_folded(text, &folded, lang, &extra)
            .into_iter()
            // A frame is shown with the words that made it; one the text
            // gives no telling word for is not reported.
            .filter(|s| !s.evidence.is_empty())
            .filter_map(|s| {
                let frame = self.index(&model.frames[s.frame])?;
                // 1 at the threshold, 3 when the model is sure.
                let sure = (s.probability - model.threshold) / (1.0 - model.threshold).max(1e-9);
                let weight = 1 + (2.0 * sure.clamp(0.0, 1.0)).round() as u32;
                Some(Found {
                    frame,
                    weight,
                    score: (s.probability * 100.0).round() / 100.0,
                    evidence: s.evidence,
                })
            })
            .collect();
        let others: Vec<detect::Hit> = hits
            .into_iter()
            .filter(|h| !model.frames.contains(&self.frames[h.frame].id))
            .collect();
        out.extend(self.found(text, &folded, others));
        out.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.frame.cmp(&b.frame)));
        out
    }

    /// The frames the phrase catalogue alone finds in `text`.
    pub fn catalogue(&self, text: &str, lang: Option<Lang>) -> Vec<Found> {
        let folded = detect::fold(text);
        let lang = lang.or_else(|| detect::guess_folded(&folded.0));
        self.found(
            text,
            &folded,
            self.matcher().find_folded(text, &folded, lang),
        )
    }

    /// The catalogue's hits in `text` (`folded` is `fold(text)`) as frames found.
    fn found(&self, text: &str, folded: &detect::Folded, hits: Vec<detect::Hit>) -> Vec<Found> {
        let words = folded.0.split(' ').filter(|w| !w.is_empty()).count().max(1);
        let mut out: Vec<Found> = Vec::new();
        for h in hits {
            let word = text[h.start..h.end].to_string();
            match out.iter_mut().find(|f| f.frame == h.frame) {
                Some(f) => {
                    f.weight += h.weight;
                    if !f.evidence.contains(&word) {
                        f.evidence.push(word);
                    }
                }
                None => out.push(Found {
                    frame: h.frame,
                    weight: h.weight,
                    score: 0.0,
                    evidence: vec![word],
                }),
            }
        }
        out.retain(|f| f.weight >= PRESENT);
        for f in &mut out {
            let per_20 = f.weight as f64 * 20.0 / (words.max(20) as f64) / STRONG as f64;
            f.score = (per_20.min(1.0) * 100.0).round() / 100.0;
        }
        out.sort_by(|a, b| b.weight.cmp(&a.weight).then(a.frame.cmp(&b.frame)));
        out
    }
}
