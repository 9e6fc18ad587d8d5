//! What the bot must do, in the imperative: posts and private messages, as
//! message ids. The engine commits them to the outbox before any is sent.

use super::ids::UserRef;
use super::message::{Message, MessageRef};
use super::round::Round;
use serde::{Deserialize, Serialize};

/// Where a message goes, relative to its round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    /// The round's root message in the room (the thread hangs under it).
    Root,
    /// The round's thread.
    Thread,
    /// A direct message to one person.
    Private(UserRef),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    Post { to: Target, msg: Message },
}

impl Effect {
    pub fn thread(msg: Message) -> Self {
        Effect::Post {
            to: Target::Thread,
            msg,
        }
    }

    pub fn private(to: &UserRef, msg: Message) -> Self {
        Effect::Post {
            to: Target::Private(to.clone()),
            msg,
        }
    }
}

/// The result of a step: the round as it is now, and what must be said.
#[derive(Debug, Clone, PartialEq)]
pub struct Transition {
    pub round: Round,
    pub effects: Vec<Effect>,
}

/// An event the round refuses, with the one line that tells the person why and
/// what would work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub msg: MessageRef,
    /// The message is about this round, which has ended (a late message).
    pub ended: Option<super::ids::RoundId>,
}

impl Rejection {
    pub fn new(msg: MessageRef) -> Self {
        Self { msg, ended: None }
    }
}

impl From<MessageRef> for Rejection {
    fn from(msg: MessageRef) -> Self {
        Rejection::new(msg)
    }
}

/// An effect on its way out: committed to the outbox with a unique id before it
/// is sent, with everything an adapter needs to render and deliver it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outgoing {
    /// Unique per store, increasing; platforms derive idempotency keys from it.
    pub id: u64,
    pub to: Destination,
    /// The round this message is about, if any (a reply to it finds the round).
    pub round: Option<super::ids::RoundId>,
    pub locale: super::ids::Locale,
    pub tz: chrono_tz::Tz,
    pub msg: Message,
    /// A private message to someone who did not just write to the bot,
    /// committed in their group's quiet hours: it waits until then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<chrono::DateTime<chrono::Utc>>,
}

/// Where an outgoing message goes, absolutely.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Destination {
    /// A round's root message in its group.
    Root(super::ids::GroupId, super::ids::RoundId),
    /// A round's thread.
    Thread(super::ids::GroupId, super::ids::RoundId),
    /// The group itself, outside any thread (answers to commands given there).
    Group(super::ids::GroupId),
    /// A direct message.
    Private(UserRef),
}

impl Destination {
    /// The platform the message goes out on.
    pub fn platform(&self) -> super::ids::Platform {
        match self {
            Destination::Root(g, _) | Destination::Thread(g, _) | Destination::Group(g) => {
                g.platform
            }
            Destination::Private(u) => u.platform,
        }
    }
}

/// A round's retention period is over: the bot takes back every message it
/// posted about the round (where the platform can), then posts `notice`.
/// Which messages those are is read when the retraction goes out, after every
/// earlier message of the round has been delivered and recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retraction {
    pub round: super::ids::RoundId,
    pub group: super::ids::GroupId,
    /// Said in the group once the messages are gone; its id is the entry's.
    pub notice: Outgoing,
}

/// One entry of the outbox: work committed before it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pending {
    Post(Outgoing),
    Retract(Retraction),
}

impl Pending {
    pub fn id(&self) -> u64 {
        match self {
            Pending::Post(o) => o.id,
            Pending::Retract(r) => r.notice.id,
        }
    }

    /// The round it is about, if any.
    pub fn round(&self) -> Option<super::ids::RoundId> {
        match self {
            Pending::Post(o) => o.round,
            Pending::Retract(r) => Some(r.round),
        }
    }

    pub fn platform(&self) -> super::ids::Platform {
        match self {
            Pending::Post(o) => o.to.platform(),
            Pending::Retract(r) => r.group.platform,
        }
    }

    /// The post, when it is one.
    pub fn post(&self) -> Option<&Outgoing> {
        match self {
            Pending::Post(o) => Some(o),
            Pending::Retract(_) => None,
        }
    }
}
