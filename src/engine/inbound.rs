//! What adapters hand the engine: a person's message with where it was
//! written, as typed references the engine resolves itself (a thread's root
//! message, the private message replied to) — never rewritten text.

use crate::core::ids::{GroupId, Locale, RoundId, UserRef};
use crate::core::round::Participant;

/// Where a message came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The room or channel itself, outside a round's thread.
    Group,
    /// A round's thread.
    Thread(RoundId),
    /// A thread under one of the bot's messages (by its platform id) that
    /// the adapter could not place: the engine looks it up, and says so when
    /// it cannot either.
    ThreadOf(String),
    /// A direct message to the bot.
    Private,
    /// A form for step `n` of a round that only its writer saw (a
    /// platform's modal dialog): an answer, never a command.
    Form(RoundId, usize),
    /// Someone who does not accept private messages asks, privately (a
    /// platform's ephemeral reply), for those kept for them.
    Mine(RoundId),
}

/// Something a person wrote, as a platform adapter hands it in.
#[derive(Debug, Clone)]
pub struct Inbound {
    /// The room it was written in (None in a private place).
    pub group: Option<GroupId>,
    pub sender: UserRef,
    pub sender_name: String,
    /// Whether the platform counts the sender as a coordinator there (its
    /// own signal; the operator's list is added by the engine).
    pub coordinator: bool,
    pub place: Place,
    pub text: String,
    /// The platform's id for this message, if it has one: a message seen twice
    /// (a replayed sync, a catch-up after a crash) is handled once.
    pub event: Option<String>,
    /// In a private place: the platform id of the bot's message this replies
    /// to (which names its round).
    pub reply_to: Option<String>,
    /// The language the person's own app is set to, where the platform
    /// says (Discord's interaction `locale`): theirs until they choose one.
    pub locale: Option<Locale>,
    /// An edit: the platform id of the message it changes (whose new text
    /// is `text`).
    pub edits: Option<String>,
    /// Whether a reply can refer to this message by `event` (a message; not
    /// an interaction, a form or an edit).
    pub replyable: bool,
}

impl Inbound {
    /// A message with no platform ids (the console, tests).
    pub fn new(
        group: Option<GroupId>,
        sender: UserRef,
        name: &str,
        place: Place,
        text: &str,
    ) -> Self {
        Self {
            group,
            sender,
            sender_name: name.to_string(),
            coordinator: false,
            place,
            text: text.to_string(),
            event: None,
            reply_to: None,
            locale: None,
            edits: None,
            replyable: false,
        }
    }
}

/// Settings for groups brug has not seen before.
#[derive(Debug, Clone)]
pub struct Defaults {
    pub lang: Locale,
    pub tz: chrono_tz::Tz,
    pub prefix: String,
    /// Days a round's record is kept after it ends.
    pub retention_days: u32,
    /// People the operator made coordinators everywhere (config).
    pub coordinators: Vec<UserRef>,
    /// A new group's quiet hours, until its coordinators change them.
    pub quiet: crate::core::timers::Quiet,
}

impl Default for Defaults {
    fn default() -> Self {
        Self {
            lang: Locale::Nl,
            tz: chrono_tz::Europe::Amsterdam,
            prefix: crate::command::DEFAULT_PREFIX.into(),
            retention_days: crate::core::round::DEFAULT_RETENTION_DAYS,
            coordinators: Vec::new(),
            quiet: Default::default(),
        }
    }
}

/// A round to open with people already in it (the console's way to start).
pub struct StartRequest {
    pub group: GroupId,
    pub coordinator: UserRef,
    pub coordinator_name: String,
    pub flow: String,
    pub title: String,
    pub participants: Vec<Participant>,
    pub owner: Option<UserRef>,
    pub place: Place,
}
