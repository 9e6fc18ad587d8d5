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
    /// Someone wrote something that is not a command: an answer, in the thread
    /// or privately.
    Said {
        by: UserRef,
        text: String,
        private: bool,
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
    /// Time passed: whatever is due at `now` fires.
    TimePassed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Steer {
    Next,
    Extend(Span),
    Pause,
    Resume,
    Cancel,
    Owner(UserRef),
}
