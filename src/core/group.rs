//! What brug keeps about a group (a room or channel) and its people between
//! rounds: languages, time zone, the actions agreed in its last round.

use super::ids::{GroupId, Locale, UserRef};
use super::round::ActionItem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupState {
    pub id: GroupId,
    pub lang: Locale,
    pub tz: chrono_tz::Tz,
    /// People's own language choices (`!brug lang`).
    pub user_langs: BTreeMap<String, Locale>,
    /// Actions agreed in the group's most recently closed round, for `review`.
    pub last_actions: Vec<ActionItem>,
    /// Days a round's record is kept after it ends, when the group chose
    /// (`!brug retention`); otherwise the operator's default.
    #[serde(default)]
    pub retention_days: Option<u32>,
}

impl GroupState {
    pub fn new(id: GroupId, lang: Locale, tz: chrono_tz::Tz) -> Self {
        Self {
            id,
            lang,
            tz,
            user_langs: BTreeMap::new(),
            last_actions: Vec::new(),
            retention_days: None,
        }
    }

    pub fn lang_of(&self, user: &UserRef) -> Locale {
        self.user_langs
            .get(&user_key(user))
            .copied()
            .unwrap_or(self.lang)
    }
}

/// The key a person's settings are stored under.
pub fn user_key(user: &UserRef) -> String {
    format!("{:?}:{}", user.platform, user.id)
}
