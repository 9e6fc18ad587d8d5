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
    /// Several values, joined with commas by the renderer.
    List(Vec<Arg>),
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
}

fn collect_msg_ids<'a>(a: &'a Arg, out: &mut Vec<&'a str>) {
    match a {
        Arg::Msg(id) => out.push(id.as_str()),
        Arg::List(items) => items.iter().for_each(|i| collect_msg_ids(i, out)),
        Arg::Text(_) | Arg::Num(_) | Arg::Time(_) => {}
    }
}

/// A whole message: blocks, plus the people who must act (mentioned on
/// platforms that have mentions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Message {
    pub blocks: Vec<Block>,
    pub mentions: Vec<UserRef>,
}

impl Message {
    pub fn line(m: MessageRef) -> Self {
        Self {
            blocks: vec![Block::Line(m)],
            mentions: Vec::new(),
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
        for b in &self.blocks {
            let m = match b {
                Block::Line(m) | Block::Heading(m) | Block::Item(m) | Block::SubItem(m) => m,
                Block::Quote(_) => continue,
            };
            out.push(m.id.as_str());
            for (_, a) in &m.args {
                collect_msg_ids(a, &mut out);
            }
        }
        out
    }
}
