//! Erasure at a person's request (`forget-me`, AVG/GDPR art. 17): their words
//! and profile go from a round; what remains is that an answer existed
//! ("removed at the author's request" in records) under a stand-in that no
//! longer points to them. And unlinking: once an anonymous step has ended, its
//! answers no longer say who wrote them, even in the store.

use super::ids::{RoleId, UserRef};
use super::round::{Answer, Round};
use chrono::{DateTime, Utc};

/// The name that stands where a forgotten person's name was.
pub const REMOVED_NAME: &str = "—";

/// Erases `user` from `r`: answers emptied and marked removed, name,
/// profession and account replaced by a stand-in, held texts, actions they
/// proposed and a case draft dropped; in an open round they have left.
/// Returns whether the round had anything of theirs.
pub fn forget(r: &mut Round, user: &UserRef) -> bool {
    if r.prepared.as_ref().is_some_and(|p| &p.by == user) {
        r.prepared = None;
    }
    for a in r.previous_actions.iter_mut() {
        if a.outcome.as_ref().is_some_and(|o| &o.by == user) {
            a.outcome = None;
        }
    }
    let told = r.told_ended.len();
    r.told_ended.retain(|u| u != user);
    let at = r.participants.iter().position(|p| &p.user == user);
    let involved = at.is_some()
        || &r.coordinator == user
        || r.owner.as_ref() == Some(user)
        || r.answers.iter().any(|a| &a.by == user)
        || r.held.iter().any(|h| &h.by == user)
        || r.actions.iter().any(|a| &a.by == user);
    if !involved {
        return told != r.told_ended.len();
    }
    let ghost = UserRef::new(
        user.platform,
        format!("removed-{}", at.unwrap_or(r.participants.len())),
    );
    for a in r.answers.iter_mut().filter(|a| &a.by == user) {
        a.fields.clear();
        a.picks.clear();
        a.scores.clear();
        a.removed = true;
        a.by = ghost.clone();
    }
    if let Some(i) = at {
        let p = &mut r.participants[i];
        p.user = ghost.clone();
        p.name = REMOVED_NAME.to_string();
        p.profession = RoleId::new("other");
        p.left = true;
        p.away_until = None;
    }
    // Pairs keep their shape (a pair's answer still counted for the other),
    // with the stand-in in their place; found out is about them: gone.
    for pair in &mut r.pairs {
        for u in pair.iter_mut().filter(|u| *u == user) {
            *u = ghost.clone();
        }
    }
    r.found_out.retain(|u| u != user);
    if &r.coordinator == user {
        r.coordinator = ghost.clone();
        r.coordinator_name = REMOVED_NAME.to_string();
    }
    if r.owner.as_ref() == Some(user) {
        r.owner = Some(ghost.clone());
        r.intake_draft = None;
    }
    r.held.retain(|h| &h.by != user);
    r.actions.retain(|a| &a.by != user);
    for role in &mut r.roles {
        if &role.player == user {
            role.player = ghost.clone();
        }
        if role.plays.as_ref() == Some(user) {
            role.plays = Some(ghost.clone());
        }
    }
    true
}

/// Cuts the answers to `step` loose from their authors: each gets a stand-in
/// (`anonymous-1`, …) in an order set by the answers' content, one shared
/// time, and a place after the round's other answers — so neither the ids,
/// the order nor the times lead back to who wrote what.
pub fn unlink(r: &mut Round, step: &str, now: DateTime<Utc>) {
    let (mut theirs, rest): (Vec<Answer>, Vec<Answer>) = std::mem::take(&mut r.answers)
        .into_iter()
        .partition(|a| a.step == step);
    theirs.sort_by(|a, b| (&a.fields, &a.scores, &a.picks).cmp(&(&b.fields, &b.scores, &b.picks)));
    for (i, a) in theirs.iter_mut().enumerate() {
        a.by = UserRef::new(a.by.platform, format!("anonymous-{}", i + 1));
        a.at = now;
    }
    r.held.retain(|h| h.step != step);
    r.answers = rest;
    r.answers.extend(theirs);
}

/// Whether an ended round's retention period is over.
pub fn expired(r: &Round, now: DateTime<Utc>) -> bool {
    !r.status.is_open() && r.expires.is_some_and(|at| at <= now)
}
