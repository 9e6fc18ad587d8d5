//! What the bot says, as message ids and arguments — never as finished strings.
//! Rendering (locale, then plain text, Matrix HTML or Discord markdown) happens at
//! the edge, in `crate::i18n` and the platform adapters.

use super::ids::UserRef;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A value for a Fluent variable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    /// Text that came from people (names, answers, titles): echoed verbatim and
    /// escaped by every renderer.
    Text(String),
    /// A number: Fluent picks plural forms from it.
    Num(i64),
    /// Another message id, rendered in the same locale first (a profession name).
    Msg(String),
    /// A moment, shown in the group's time zone.
    Time(DateTime<Utc>),
    /// Several values as an enumeration: "a, b and c" ("a, b en c").
    List(Vec<Arg>),
    /// Several values to choose from: "a, b or c" ("a, b of c").
    Either(Vec<Arg>),
    /// Several values in a row, only commas between: a place such as
    /// "Your circle, How".
    Seq(Vec<Arg>),
}

/// A message id with its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageRef {
    pub id: String,
    pub args: Vec<(String, Arg)>,
}

impl MessageRef {
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &str, value: Arg) -> Self {
        self.args.push((name.to_string(), value));
        self
    }

    /// The same arguments under another message id (a variant of a message).
    pub fn with_id(mut self, id: &str) -> Self {
        self.id = id.to_string();
        self
    }

    pub fn text(self, name: &str, value: impl Into<String>) -> Self {
        self.arg(name, Arg::Text(value.into()))
    }

    pub fn num(self, name: &str, value: i64) -> Self {
        self.arg(name, Arg::Num(value))
    }

    pub fn msg(self, name: &str, id: impl Into<String>) -> Self {
        self.arg(name, Arg::Msg(id.into()))
    }

    pub fn time(self, name: &str, at: DateTime<Utc>) -> Self {
        self.arg(name, Arg::Time(at))
    }
}

/// One part of a message. Renderers lay blocks out one per line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    /// A translated line.
    Line(MessageRef),
    /// A translated heading (bold where the platform can).
    Heading(MessageRef),
    /// A translated list item.
    Item(MessageRef),
    /// A translated item one level below the item before it.
    SubItem(MessageRef),
    /// Someone's own words, quoted verbatim (escaped by every renderer).
    Quote(String),
    /// Machine-readable text (an export), shown verbatim in a code block.
    Code(String),
}

fn collect_msg_ids<'a>(a: &'a Arg, out: &mut Vec<&'a str>) {
    match a {
        Arg::Msg(id) => out.push(id.as_str()),
        Arg::List(items) | Arg::Either(items) | Arg::Seq(items) => {
            items.iter().for_each(|i| collect_msg_ids(i, out))
        }
        Arg::Text(_) | Arg::Num(_) | Arg::Time(_) => {}
    }
}

/// A bar chart the adapters draw as a picture (`crate::chart`): for each
/// category (a frame) one bar per series (a profession), values in percent.
/// Every label is a message id, so the picture is in the group's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chart {
    pub title: MessageRef,
    /// What the values mean (under the axis).
    pub axis: MessageRef,
    pub categories: Vec<MessageRef>,
    pub series: Vec<Series>,
}

/// One series of a chart: its label and one value (0–100) per category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    pub label: MessageRef,
    pub values: Vec<u32>,
}

impl Chart {
    fn refs(&self) -> impl Iterator<Item = &MessageRef> {
        [&self.title, &self.axis]
            .into_iter()
            .chain(&self.categories)
            .chain(self.series.iter().map(|s| &s.label))
    }
}

/// A whole message: blocks, plus the people who must act (mentioned on
/// platforms that have mentions), at most one chart (sent as a picture,
/// with the blocks as its caption), and what a reader can do with it where
/// the platform has buttons (the text always says how to do it by typing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Message {
    pub blocks: Vec<Block>,
    pub mentions: Vec<UserRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chart: Option<Chart>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// A message that shows the current state of something (a step's
    /// progress): each new one with the same slot in a round replaces the
    /// last where the platform can edit, instead of adding a line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot: Option<String>,
    /// The platform id of the person's message this answers, in the same
    /// place: shown as a reply to it where the platform has replies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
}

/// Something a reader can do from a message, on platforms with buttons.
/// Everything an action needs is in it, so a button still works after a
/// restart or weeks later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// Answer step `step` of a round in a form: one text box per field, seen
    /// only by the one who fills it in (a platform's modal dialog).
    Answer {
        round: super::ids::RoundId,
        step: usize,
        flow: String,
    },
    /// Read, privately, the bot's private messages about a round (someone
    /// who does not accept direct messages).
    Mine { round: super::ids::RoundId },
}

impl Message {
    pub fn line(m: MessageRef) -> Self {
        Self {
            blocks: vec![Block::Line(m)],
            ..Self::default()
        }
    }

    pub fn push(&mut self, b: Block) {
        self.blocks.push(b);
    }

    pub fn with_mentions(mut self, who: Vec<UserRef>) -> Self {
        self.mentions = who;
        self
    }

    /// Every message id this message uses (for completeness checks in tests).
    pub fn ids(&self) -> Vec<&str> {
        let mut out = Vec::new();
        let in_blocks = self.blocks.iter().filter_map(|b| match b {
            Block::Line(m) | Block::Heading(m) | Block::Item(m) | Block::SubItem(m) => Some(m),
            Block::Quote(_) | Block::Code(_) => None,
        });
        for m in in_blocks.chain(self.chart.iter().flat_map(Chart::refs)) {
            out.push(m.id.as_str());
            for (_, a) in &m.args {
                collect_msg_ids(a, &mut out);
            }
        }
        out
    }
}
