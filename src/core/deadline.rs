//! A step's deadline passing: on to the next step as the flow says — unless
//! nobody has answered yet. A quiet week does not close a round step by
//! step: an empty step reminds those it asks, tells the coordinator
//! privately, and stays open for another period; empty again, it waits for
//! the coordinator without a clock (or goes on, where the flow says
//! `when_empty = "go-on"`).

use super::effect::Effect;
use super::enter::advance;
use super::flow::{EndRule, Flow, Step, StepKind};
use super::message::{Arg, Message};
use super::msg;
use super::progress::awaiting_consent;
use super::round::Round;
use super::timers::set_timers;
use chrono::{DateTime, Duration, Utc};

/// How long an empty step stays open again when its own deadline has none.
const AGAIN: Duration = Duration::days(1);

pub(super) fn passed(
    r: &mut Round,
    step: &Step,
    now: DateTime<Utc>,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) {
    r.timers.deadline = None;
    r.timers.reminder = None;
    if let Some(owner) = awaiting_consent(r, flow) {
        fx.push(Effect::private(
            &r.coordinator.clone(),
            Message::line(msg::INTAKE_CONSENT_WAITING.msg().text("name", owner)),
        ));
        return;
    }
    match step.end {
        EndRule::AllAnswered | EndRule::Deadline if empty(r, step) => {
            if r.timers.held {
                // Told once already: no clock, no second round of reminders.
                fx.push(Effect::private(
                    &r.coordinator.clone(),
                    Message::line(
                        msg::STEP_WAITS_COORDINATOR
                            .msg()
                            .text("round", r.id.to_string())
                            .msg("step", step.title.clone()),
                    ),
                ));
            } else {
                hold_open(r, step, now, fx);
            }
        }
        EndRule::AllAnswered | EndRule::Deadline => {
            fx.push(Effect::thread(Message::line(msg::DEADLINE_PASSED.msg())));
            advance(r, now, flow, fx);
        }
        EndRule::Coordinator => fx.push(Effect::private(
            &r.coordinator.clone(),
            Message::line(
                msg::DEADLINE_PASSED_COORDINATOR
                    .msg()
                    .text("round", r.id.to_string())
                    .msg("step", step.title.clone()),
            ),
        )),
    }
}

/// Whether nobody the step asks has given it anything, where something is
/// owed: a look-back with nothing to look back on, or a step the flow lets go
/// on empty, is not waited for.
pub fn empty(r: &Round, step: &Step) -> bool {
    if !step.collects() || step.go_on_empty {
        return false;
    }
    if matches!(step.kind, StepKind::Review) && r.previous_actions.is_empty() {
        return false;
    }
    let asked = r.expected(&step.who);
    asked.iter().all(|u| r.answer_of(&step.id, u).is_none())
}

/// A private reminder of `step` to `user`, with the round and the deadline.
pub(super) fn reminder(
    r: &Round,
    step: &Step,
    user: &super::ids::UserRef,
    id: msg::Id,
    deadline: DateTime<Utc>,
) -> Effect {
    Effect::private(
        user,
        Message::line(
            id.msg()
                .text("round", r.id.to_string())
                .text("title", r.title.clone())
                .msg("step", step.title.clone())
                .time("deadline", deadline),
        ),
    )
}

/// Keeps an empty step open one more period: reminds those it asks, says so
/// in the thread, and tells the coordinator what they can do.
fn hold_open(r: &mut Round, step: &Step, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
    let until = now + step.deadline_in(r).map(|d| d.delta()).unwrap_or(AGAIN);
    set_timers(r, step, Some(until), now);
    // The reminder goes out now; no second one before the new deadline.
    r.timers.reminder = None;
    r.timers.held = true;
    let asked = r.expected(&step.who);
    for user in &asked {
        fx.push(reminder(r, step, user, msg::REMINDER_OVERDUE, until));
    }
    fx.push(Effect::thread(Message::line(
        msg::STEP_STILL_OPEN
            .msg()
            .msg("step", step.title.clone())
            .time("deadline", until),
    )));
    let names = || Arg::List(asked.iter().map(|u| Arg::Text(r.name_of(u))).collect());
    let to_coordinator = match (&step.kind, &r.owner) {
        (StepKind::Intake { .. }, None) => msg::CASE_NO_OWNER_COORDINATOR
            .msg()
            .text("round", r.id.to_string()),
        (StepKind::Intake { .. }, Some(o)) => msg::CASE_MISSING_COORDINATOR
            .msg()
            .text("round", r.id.to_string())
            .text("name", r.name_of(o))
            .time("deadline", until),
        _ => msg::STEP_EMPTY_COORDINATOR
            .msg()
            .text("round", r.id.to_string())
            .msg("step", step.title.clone())
            .arg("missing", names())
            .time("deadline", until),
    };
    fx.push(Effect::private(
        &r.coordinator.clone(),
        Message::line(to_coordinator),
    ));
}
