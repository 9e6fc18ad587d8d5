//! The state of one round: who takes part, where the flow is, what was answered.
//! Plain data; all changes go through `core::step`.

use super::flow::{Flow, Step, Who};
use super::ids::{GroupId, Locale, RoleId, RoundId, UserRef};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub id: RoundId,
    pub group: GroupId,
    pub flow_id: String,
    pub flow_version: u32,
    pub title: String,
    pub locale: Locale,
    pub coordinator: UserRef,
    pub coordinator_name: String,
    pub owner: Option<UserRef>,
    pub participants: Vec<Participant>,
    pub status: Status,
    /// Index of the current step in the flow.
    pub step: usize,
    pub step_started: DateTime<Utc>,
    pub timers: Timers,
    pub answers: Vec<Answer>,
    /// Who plays which role after a role swap.
    pub roles: Vec<RoleAssignment>,
    pub actions: Vec<ActionItem>,
    /// The group's agreed actions from its previous round, for `review`.
    pub previous_actions: Vec<ActionItem>,
    /// A case text the owner sent that waits for their confirmation
    /// (identifiers already replaced by placeholders).
    pub intake_draft: Option<String>,
    /// Answers held back because they contained identifiers: pseudonymised,
    /// waiting for their author to confirm or send a new version.
    #[serde(default)]
    pub held: Vec<Held>,
    /// On what ground the case owner allowed the case to be discussed, when
    /// the flow asks (`consent = true` on its intake).
    #[serde(default)]
    pub consent: Option<Consent>,
    /// Days the record is kept after the round closes (or is cancelled).
    #[serde(default = "default_retention")]
    pub retention_days: u32,
    /// When the record is erased: set when the round ends.
    #[serde(default)]
    pub expires: Option<DateTime<Utc>>,
    /// The group's time zone (reminders are never sent at night there).
    pub tz: chrono_tz::Tz,
    /// The group's quiet hours: deadlines and reminders fall outside them.
    #[serde(default)]
    pub quiet: super::timers::Quiet,
    pub opened: DateTime<Utc>,
    pub closed: Option<DateTime<Utc>>,
    /// Those told, after the round ended, that it has: each hears it once,
    /// however many late messages they send.
    #[serde(default)]
    pub told_ended: Vec<UserRef>,
    /// The pairs a `pairs = "form"` step made, in the order they were shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pairs: Vec<Vec<UserRef>>,
    /// Visitors the others found out (the game): they leave the visit, so
    /// later steps in role are not theirs; everything else is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub found_out: Vec<UserRef>,
    /// The group's frames in its last ended rounds when this one began
    /// (counts and shares only), for the summary to compare with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_frames: Vec<super::over_time::Point>,
    /// The case its owner prepared before a scheduled round (confirmed,
    /// with the consent given where the flow asks): the intake's answer
    /// when the round reaches it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepared: Option<Prepared>,
    /// The group's own deadline for steps with only the flow's default one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadlines: Option<super::span::Span>,
}

/// A case prepared before its round, by the case owner it was asked of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prepared {
    pub by: UserRef,
    pub case: String,
    pub consent: Option<Consent>,
}

/// The retention period when nothing else is set (SPEC §6).
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

fn default_retention() -> u32 {
    DEFAULT_RETENTION_DAYS
}

/// The case owner's confirmation at intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Consent {
    /// Nothing in the case identifies the client.
    Pseudonymised,
    /// The client agreed to the case being discussed.
    ClientConsent,
}

/// An answer held back for identifiers; only its pseudonymised text is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    pub by: UserRef,
    pub step: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Running,
    Paused,
    Closed,
    Cancelled,
}

impl Status {
    pub fn is_open(self) -> bool {
        matches!(self, Status::Running | Status::Paused)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub user: UserRef,
    pub name: String,
    pub profession: RoleId,
    pub left: bool,
    /// Away until then (`!brug away`): not reminded, not waited for, counted
    /// as excused; cleared when it passes or with `!brug back`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub away_until: Option<DateTime<Utc>>,
}

/// The current step's clock. A paused round keeps the time that was left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Timers {
    pub deadline: Option<DateTime<Utc>>,
    pub reminder: Option<DateTime<Utc>>,
    pub paused_at: Option<DateTime<Utc>>,
    /// The step's deadline passed once with nobody's answer and it was kept
    /// open: the next time it waits for the coordinator, without a clock.
    #[serde(default)]
    pub held: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// The step's id (stable across flow versions, unlike its index).
    pub step: String,
    pub by: UserRef,
    pub at: DateTime<Utc>,
    /// Field id -> text; a step without fields uses `text`.
    pub fields: BTreeMap<String, String>,
    /// Choices picked (1-based option numbers), for `choose`.
    pub picks: Vec<u32>,
    /// Scores 1–5 per question, for `reflect`.
    pub scores: BTreeMap<String, u8>,
    /// Erased at its author's request: nothing of it is kept but that it was.
    #[serde(default)]
    pub removed: bool,
    /// For a text made of several messages: which message gave which part
    /// (its platform id and length in bytes, parts joined by newlines), so
    /// that an edit of one message corrects its part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pieces: Vec<Piece>,
}

/// One message's part of an answer's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    pub source: String,
    pub len: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleAssignment {
    pub player: UserRef,
    pub role: RoleId,
    /// The participant whose role this is (none for the client).
    pub plays: Option<UserRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    pub what: String,
    pub who: String,
    pub when: String,
    pub by: UserRef,
    /// When its owner is reminded, where "when" names a day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<Utc>>,
    #[serde(default)]
    pub reminded: bool,
    /// What came of it, as said in the group's next round (`review`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
}

/// What came of an agreed action, and who said so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub text: String,
    pub by: UserRef,
    pub at: DateTime<Utc>,
}

/// The field id used for a step without named fields.
pub const TEXT: &str = "text";

#[cfg(test)]
impl Round {
    /// A running round nobody has joined yet, for tests.
    pub(crate) fn sample(id: RoundId, group: GroupId, at: DateTime<Utc>) -> Round {
        let user = UserRef::new(super::ids::Platform::Console, "Anna");
        Round {
            id,
            group,
            flow_id: "golden-circle".into(),
            flow_version: 1,
            title: format!("case {}", id.0),
            locale: Locale::Nl,
            coordinator: user,
            coordinator_name: "Anna".into(),
            owner: None,
            participants: Vec::new(),
            status: Status::Running,
            step: 0,
            step_started: at,
            timers: Timers::default(),
            answers: Vec::new(),
            roles: Vec::new(),
            actions: Vec::new(),
            previous_actions: Vec::new(),
            intake_draft: None,
            held: Vec::new(),
            consent: None,
            retention_days: 90,
            expires: None,
            tz: chrono_tz::Europe::Amsterdam,
            quiet: Default::default(),
            opened: at,
            closed: None,
            told_ended: Vec::new(),
            pairs: Vec::new(),
            found_out: Vec::new(),
            previous_frames: Vec::new(),
            prepared: None,
            deadlines: None,
        }
    }
}

impl Round {
    pub fn participant(&self, user: &UserRef) -> Option<&Participant> {
        self.participants
            .iter()
            .find(|p| &p.user == user && !p.left)
    }

    pub fn active(&self) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(|p| !p.left)
    }

    pub fn name_of(&self, user: &UserRef) -> String {
        self.participants
            .iter()
            .find(|p| &p.user == user)
            .map(|p| p.name.clone())
            .or_else(|| (user == &self.coordinator).then(|| self.coordinator_name.clone()))
            .unwrap_or_else(|| user.id.clone())
    }

    pub fn role_of(&self, user: &UserRef) -> Option<&RoleAssignment> {
        self.roles.iter().find(|r| &r.player == user)
    }

    pub fn current<'f>(&self, flow: &'f Flow) -> Option<&'f Step> {
        flow.steps.get(self.step)
    }

    /// Whether `user` is among those a step asks to act.
    pub fn acts(&self, who: &Who, user: &UserRef) -> bool {
        if self.participant(user).is_none() && who != &Who::Coordinator {
            return false;
        }
        match who {
            Who::All => true,
            Who::Owner => self.owner.as_ref() == Some(user),
            Who::Others => self.owner.as_ref() != Some(user),
            Who::Coordinator => &self.coordinator == user,
            Who::Role(role) => self.role_of(user).is_some_and(|r| &r.role == role),
        }
    }

    /// Everyone a step asks to act, in join order; those away are excused.
    pub fn expected(&self, who: &Who) -> Vec<UserRef> {
        let mut out: Vec<UserRef> = self
            .active()
            .filter(|p| p.away_until.is_none() && self.acts(who, &p.user))
            .map(|p| p.user.clone())
            .collect();
        if who == &Who::Coordinator && out.is_empty() {
            out.push(self.coordinator.clone());
        }
        out
    }

    /// Marks the round ended at `now`; its record is kept for its retention period.
    pub fn end(&mut self, status: Status, now: DateTime<Utc>) {
        self.status = status;
        self.closed = Some(now);
        self.timers = Timers::default();
        self.expires = Some(now + chrono::TimeDelta::days(i64::from(self.retention_days)));
    }

    pub fn answers_to<'a>(&'a self, step_id: &'a str) -> impl Iterator<Item = &'a Answer> + 'a {
        self.answers.iter().filter(move |a| a.step == step_id)
    }

    pub fn answer_of(&self, step_id: &str, user: &UserRef) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|a| a.step == step_id && &a.by == user)
    }

    /// The next moment something is due in this round, if any.
    /// The round's next timer: a reminder or deadline while it runs, its
    /// erasure once it has ended.
    pub fn next_timer(&self) -> Option<DateTime<Utc>> {
        let action = self
            .actions
            .iter()
            .filter(|a| !a.reminded)
            .filter_map(|a| a.due)
            .min();
        if !self.status.is_open() {
            return [self.expires, action].into_iter().flatten().min();
        }
        if self.status != Status::Running {
            return None;
        }
        let back = self.active().filter_map(|p| p.away_until).min();
        [self.timers.reminder, self.timers.deadline, back, action]
            .into_iter()
            .flatten()
            .min()
    }
}
