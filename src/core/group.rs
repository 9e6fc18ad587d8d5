//! What brug keeps about a group (a room or channel) and its people between
//! rounds: languages, time zone, the actions agreed in its last round.

use super::ids::{GroupId, Locale, UserRef};
use super::round::{ActionItem, Round};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupState {
    pub id: GroupId,
    pub lang: Locale,
    pub tz: chrono_tz::Tz,
    /// People's own language choices (`!brug lang`).
    pub user_langs: BTreeMap<String, Locale>,
    /// The language each person's app is set to, where the platform says
    /// (Discord): theirs until they choose one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub app_langs: BTreeMap<String, Locale>,
    /// Actions agreed in the group's most recently closed round, for `review`.
    pub last_actions: Vec<ActionItem>,
    /// Days a round's record is kept after it ends, when the group chose
    /// (`!brug retention`); otherwise the operator's default.
    #[serde(default)]
    pub retention_days: Option<u32>,
    /// When brug sends nobody anything of its own accord (`!brug group quiet`).
    #[serde(default)]
    pub quiet: super::timers::Quiet,
    /// The frames of its last ended rounds (counts and shares, no words),
    /// oldest first: the group over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frame_history: Vec<super::over_time::Point>,
    /// The method `start` uses when none is named (`!brug group flow`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_flow: Option<String>,
    /// The deadline of steps whose flow gives only its default one
    /// (`!brug group deadline 3d`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadlines: Option<super::span::Span>,
    /// Its recurring rounds (`!brug schedule`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<super::schedule::Schedule>,
}

impl GroupState {
    pub fn new(id: GroupId, lang: Locale, tz: chrono_tz::Tz) -> Self {
        Self {
            id,
            lang,
            tz,
            user_langs: BTreeMap::new(),
            app_langs: BTreeMap::new(),
            last_actions: Vec::new(),
            retention_days: None,
            quiet: Default::default(),
            frame_history: Vec::new(),
            schedule: None,
            default_flow: None,
            deadlines: None,
        }
    }

    /// When its schedule next needs the engine (asking for a case, warning
    /// that one is missing, opening a round).
    pub fn next_timer(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.schedule.as_ref()?.next_timer(self.tz, self.quiet)
    }

    /// Notes an ended round's frames; the last few are kept.
    pub fn remember_frames(&mut self, point: Option<super::over_time::Point>) {
        self.frame_history.extend(point);
        let over = self
            .frame_history
            .len()
            .saturating_sub(super::over_time::LAST);
        self.frame_history.drain(..over);
    }

    /// `retention N`: the group's period from now on. Rounds of the group
    /// still running end under it too: returns them, changed.
    pub fn set_retention<'a>(
        &mut self,
        days: u32,
        open: impl Iterator<Item = &'a Round>,
    ) -> Vec<Round> {
        self.retention_days = Some(days);
        open.filter(|r| r.group == self.id)
            .map(|r| Round {
                retention_days: days,
                ..r.clone()
            })
            .collect()
    }

    /// `lang`: a coordinator in the room sets the group's language; anyone
    /// else, or anyone privately, their own. Returns whether it was the group's.
    pub fn choose_lang(&mut self, user: &UserRef, lang: Locale, for_group: bool) -> bool {
        if for_group {
            self.lang = lang;
        } else {
            self.user_langs.insert(user_key(user), lang);
        }
        for_group
    }

    pub fn lang_of(&self, user: &UserRef) -> Locale {
        self.own_lang(user).unwrap_or(self.lang)
    }

    /// The person's language: the one they chose, else their app's.
    pub fn own_lang(&self, user: &UserRef) -> Option<Locale> {
        let key = user_key(user);
        self.user_langs
            .get(&key)
            .or_else(|| self.app_langs.get(&key))
            .copied()
    }

    /// Notes the language a person's app is set to; whether it changed
    /// anything (a chosen language always wins).
    pub fn note_app_lang(&mut self, user: &UserRef, lang: Locale) -> bool {
        let key = user_key(user);
        if self.user_langs.contains_key(&key) || self.app_langs.get(&key) == Some(&lang) {
            return false;
        }
        self.app_langs.insert(key, lang);
        true
    }

    /// Forgets a person's languages; whether there were any.
    pub fn forget_langs(&mut self, user: &UserRef) -> bool {
        let key = user_key(user);
        let chosen = self.user_langs.remove(&key).is_some();
        self.app_langs.remove(&key).is_some() || chosen
    }
}

/// The key a person's settings are stored under (spelled out, not `Debug`:
/// the bytes stay what stores have).
pub fn user_key(user: &UserRef) -> String {
    format!("{}:{}", user.platform.key_name(), user.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::Platform;

    fn group() -> GroupState {
        GroupState::new(
            GroupId::new(Platform::Matrix, "!g"),
            Locale::Nl,
            chrono_tz::UTC,
        )
    }

    #[test]
    fn a_user_key_is_pinned() {
        let u = UserRef::new(Platform::Matrix, "@anna:hs");
        assert_eq!(user_key(&u), "Matrix:@anna:hs");
    }

    #[test]
    fn a_language_choice_is_the_group_s_only_for_a_coordinator_in_the_room() {
        let mut g = group();
        let anna = UserRef::new(Platform::Matrix, "@anna:hs");
        assert!(!g.choose_lang(&anna, Locale::En, false));
        assert_eq!((g.lang, g.lang_of(&anna)), (Locale::Nl, Locale::En));
        assert!(g.choose_lang(&anna, Locale::En, true));
        assert_eq!(g.lang, Locale::En);
    }
}
