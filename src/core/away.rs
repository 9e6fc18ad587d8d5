//! Away (`!brug away <until>`, `!brug back`; SPEC §2): someone away is not
//! reminded, is counted as excused rather than missing, and a step that ends
//! when all have answered does not wait for them. They may still answer.
//! Being away ends at its time or with `back`; then they are expected again.

use super::answering::maybe_complete;
use super::effect::{Effect, Rejection};
use super::flow::Flow;
use super::ids::UserRef;
use super::msg;
use super::round::{Round, Status};
use chrono::{DateTime, Utc};

/// Marks `by` away until `until` (or back, with `None`). The engine tells
/// them once for all their rounds; the thread hears nothing of it (whether
/// someone is away is their own business; `status` shows it).
pub(super) fn away(
    r: &mut Round,
    by: &UserRef,
    until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) -> Result<(), Rejection> {
    if !r.status.is_open() {
        return Err(msg::ERR_ROUND_CLOSED
            .msg()
            .text("round", r.id.to_string())
            .into());
    }
    let Some(p) = r.participants.iter_mut().find(|p| &p.user == by && !p.left) else {
        return Err(msg::ERR_NOT_PARTICIPANT.msg().into());
    };
    p.away_until = until.filter(|u| *u > now);
    if r.status == Status::Running {
        maybe_complete(r, now, flow, fx);
    }
    Ok(())
}

/// Ends every away period that is over: those people are expected again
/// (and reminded as anyone is; no message of its own, which could fall at
/// night).
pub(super) fn back_when_due(r: &mut Round, now: DateTime<Utc>) {
    for p in r.participants.iter_mut() {
        if p.away_until.is_some_and(|u| u <= now) {
            p.away_until = None;
        }
    }
}
