//! Coordinator commands (`Event::Steered`): next, extend, pause, resume,
//! cancel and setting the case owner.

use super::effect::{Effect, Rejection};
use super::enter::advance;
use super::event::Steer;
use super::flow::{Flow, StepKind};
use super::ids::UserRef;
use super::message::{Arg, Block, Message};
use super::msg;
use super::progress::awaiting_consent;
use super::round::{Round, Status};
use super::timers::set_timers;
use chrono::{DateTime, Utc};

type Result<T> = std::result::Result<T, Rejection>;

pub(super) fn steered(
    r: &mut Round,
    by: &UserRef,
    coordinator: bool,
    cmd: Steer,
    now: DateTime<Utc>,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) -> Result<()> {
    if !coordinator && &r.coordinator != by {
        return Err(msg::ERR_NOT_COORDINATOR_ROUND
            .msg()
            .text("name", r.name_of(&r.coordinator))
            .into());
    }
    if !r.status.is_open() {
        return Err(msg::ERR_ROUND_CLOSED
            .msg()
            .text("round", r.id.to_string())
            .into());
    }
    let by_name = r.name_of(by);
    match cmd {
        Steer::Next | Steer::NextAnyway => {
            if let Some(owner) = awaiting_consent(r, flow) {
                return Err(msg::ERR_INTAKE_CONSENT.msg().text("name", owner).into());
            }
            // A step that waits for answers is not skipped by a tap: who is
            // missing is said, and `next!` goes on anyway.
            let missing = match r.current(flow) {
                Some(step) if step.expects_answers() => super::progress::missing(r, step),
                _ => Vec::new(),
            };
            if cmd == Steer::Next && !missing.is_empty() {
                let names = missing.iter().map(|u| Arg::Text(r.name_of(u))).collect();
                return Err(msg::NEXT_MISSING
                    .msg()
                    .arg("names", Arg::List(names))
                    .num("count", missing.len() as i64)
                    .into());
            }
            if r.status == Status::Paused {
                r.status = Status::Running;
                r.timers.paused_at = None;
            }
            fx.push(Effect::thread(Message::line(
                msg::STEP_NEXT.msg().text("name", by_name),
            )));
            advance(r, now, flow, fx);
        }
        Steer::Extend(span) => {
            let base = match r.status {
                Status::Paused => r.timers.deadline.unwrap_or(now),
                _ => r.timers.deadline.filter(|d| *d > now).unwrap_or(now),
            };
            let deadline = base + span.delta();
            if let Some(step) = r.current(flow) {
                set_timers(r, step, Some(deadline), now);
            }
            // Out of quiet hours, as every deadline.
            let deadline = r.timers.deadline.unwrap_or(deadline);
            fx.push(Effect::thread(Message::line(
                msg::DEADLINE_EXTENDED.msg().time("deadline", deadline),
            )));
        }
        Steer::Pause => {
            if r.status == Status::Paused {
                return Err(msg::ERR_ALREADY_PAUSED.msg().into());
            }
            r.status = Status::Paused;
            r.timers.paused_at = Some(now);
            fx.push(Effect::thread(Message::line(
                msg::ROUND_PAUSED.msg().text("name", by_name),
            )));
        }
        Steer::Resume => {
            let Some(paused_at) = r.timers.paused_at.filter(|_| r.status == Status::Paused) else {
                return Err(msg::ERR_NOT_PAUSED.msg().into());
            };
            // The time that was left when the round paused is still left now.
            let shift = now - paused_at;
            r.status = Status::Running;
            r.timers.paused_at = None;
            // Shifted, and kept out of quiet hours.
            let (quiet, tz) = (r.quiet, r.tz);
            let deadline = r.timers.deadline.map(|d| quiet.next_allowed(d + shift, tz));
            r.timers.deadline = deadline;
            r.timers.reminder = match (r.timers.reminder, deadline) {
                (Some(at), Some(d)) => super::timers::reminder_time(at + shift, d, now, tz, quiet),
                (at, _) => at.map(|a| a + shift),
            };
            let mut m = Message::line(msg::ROUND_RESUMED.msg().text("name", by_name));
            if let Some(d) = r.timers.deadline {
                m.push(Block::Line(msg::STEP_DEADLINE.msg().time("deadline", d)));
            }
            fx.push(Effect::thread(m));
        }
        Steer::Cancel => {
            if let Some(s) = r.current(flow).filter(|s| s.anonymous_in(flow)) {
                let id = s.id.clone();
                super::erase::unlink(r, &id, now);
            }
            r.end(Status::Cancelled, now);
            fx.push(Effect::thread(Message::line(
                msg::ROUND_CANCELLED.msg().text("name", by_name),
            )));
        }
        Steer::Owner(user) => {
            let Some(p) = r.participant(&user) else {
                return Err(msg::ERR_OWNER_NOT_PARTICIPANT
                    .msg()
                    .text("name", user.id.clone())
                    .into());
            };
            let name = p.name.clone();
            if r.owner.as_ref() == Some(&user) {
                return Err(msg::OWNER_ALREADY.msg().text("name", name).into());
            }
            // Once the case is in, changing the owner changes what comes,
            // not what was said: say so.
            let case_in = flow
                .steps
                .iter()
                .take(r.step)
                .any(|s| matches!(s.kind, StepKind::Intake { .. }));
            let before = r.owner.as_ref().map(|o| r.name_of(o));
            r.owner = Some(user.clone());
            let line = match before {
                Some(before) if case_in => msg::OWNER_CHANGED_AFTER_CASE
                    .msg()
                    .text("name", name)
                    .text("before", before),
                _ => msg::OWNER_SET.msg().text("name", name),
            };
            fx.push(Effect::thread(Message::line(line)));
            if let Some(step) = r.current(flow) {
                if matches!(step.kind, StepKind::Intake { .. }) && r.status == Status::Running {
                    r.intake_draft = None;
                    super::enter::send_private_prompt(r, step, &user, now, fx);
                }
            }
        }
    }
    Ok(())
}
