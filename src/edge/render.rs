//! A message prepared for any platform: its blocks rendered in the reader's
//! language, the plain text of the whole, and its chart drawn as a PNG with
//! the chart as text beside it (for captions and for readers who cannot see
//! the picture). Each adapter only lays this out in its own markup.

use crate::chart::Png;
use crate::core::effect::Outgoing;
use crate::flows::Catalog;
use crate::i18n::Kind;

/// A chart ready to attach.
pub struct PreparedChart {
    pub png: Png,
    /// The chart as text.
    pub alt: String,
    /// A file name for the attachment.
    pub file_name: String,
}

pub struct Prepared {
    /// Each block as text, with its layout.
    pub blocks: Vec<(Kind, String)>,
    /// The whole message as plain text.
    pub plain: String,
    pub chart: Option<PreparedChart>,
    /// Missing strings or variables; logged by whoever sends.
    pub errors: Vec<String>,
}

impl Prepared {
    pub fn new(catalog: &Catalog, o: &Outgoing) -> Self {
        let strings = &catalog.strings;
        let plain = strings.render(&o.msg, o.locale, o.tz);
        let (blocks, _) = strings.render_blocks(&o.msg, o.locale, o.tz);
        let mut errors = plain.errors;
        let chart = o.msg.chart.as_ref().map(|c| PreparedChart {
            png: crate::chart::render(c, strings, o.locale, &mut errors),
            alt: crate::chart::describe(c, strings, o.locale, &mut errors),
            file_name: format!("brug-round-{}-{}.png", o.round.map_or(0, |r| r.0), o.id),
        });
        Self {
            blocks,
            plain: plain.text,
            chart,
            errors,
        }
    }
}
