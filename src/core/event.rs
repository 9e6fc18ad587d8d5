//! What happens to a round, in the past tense. Platforms and the engine turn
//! chat messages, commands and the passing of time into these.

use super::ids::{RoleId, UserRef};
use super::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// Someone joined with a profession.
    Joined {
        user: UserRef,
        name: String,
        profession: RoleId,
    },
    /// A participant left the round.
    Left { user: UserRef },
    /// Someone wrote something that is not a command: an answer, in the
    /// thread, privately, or in a form.
    Said {
        by: UserRef,
        text: String,
        via: Via,
        /// The platform's id of the message, where it has one.
        source: Option<String>,
    },
    /// Someone edited the message `source` that answered the current step:
    /// a correction of that answer.
    Corrected {
        by: UserRef,
        text: String,
        via: Via,
        source: String,
    },
    /// A coordinator command; `coordinator` says whether the platform counts
    /// the sender as one.
    Steered {
        by: UserRef,
        coordinator: bool,
        cmd: Steer,
        private: bool,
    },
    /// Someone asked for the round's status.
    StatusAsked { by: UserRef, private: bool },
    /// Someone asked for the facilitator's view (`balance`); `coordinator`
    /// says whether the platform counts them as one.
    BalanceAsked { by: UserRef, coordinator: bool },
    /// Time passed: whatever is due at `now` fires.
    TimePassed,
    /// A participant is away until `until` (`!brug away`), or back (`None`,
    /// `!brug back`).
    Away {
        by: UserRef,
        until: Option<chrono::DateTime<chrono::Utc>>,
    },
}

/// Where an answer was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Via {
    /// In the round's thread, for everyone there to read.
    Thread,
    /// In a private message to the bot.
    Private,
    /// In a form for step `n` that only its writer saw (a platform's modal
    /// dialog): private for a blind step, shown in the thread for an open one.
    Form(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Steer {
    Next,
    /// On to the next step even though answers are missing (`next!`).
    NextAnyway,
    Extend(Span),
    Pause,
    Resume,
    Cancel,
    Owner(UserRef),
}
