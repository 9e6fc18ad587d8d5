//! The round engine's one pure function: `step(round, event, now, flow)`.
//! It never reads the clock, touches storage or talks to a platform; it returns
//! the next round state and the effects to commit, or a rejection to show.
//! Answers are taken in `answering`, coordinator commands in `steering`.

use super::answering::{maybe_complete, said};
use super::effect::{Effect, Rejection, Transition};
use super::enter::close_round;
use super::event::Event;
use super::flow::Flow;
use super::ids::{RoleId, UserRef};
use super::message::Message;
use super::msg;
use super::record;
use super::round::{Participant, Round, Status};
use super::steering::steered;
use chrono::{DateTime, Utc};

type Result<T> = std::result::Result<T, Rejection>;

/// Applies one event to a round.
pub fn step(round: &Round, event: Event, now: DateTime<Utc>, flow: &Flow) -> Result<Transition> {
    let mut r = round.clone();
    let mut fx = Vec::new();
    match event {
        Event::Joined {
            user,
            name,
            profession,
        } => joined(&mut r, user, name, profession, now, flow, &mut fx)?,
        Event::Left { user } => left(&mut r, &user, now, flow, &mut fx)?,
        Event::Said {
            by,
            text,
            via,
            source,
        } => said(
            &mut r,
            &by,
            &text,
            via,
            source.as_deref(),
            now,
            flow,
            &mut fx,
        )?,
        Event::Corrected {
            by,
            text,
            via,
            source,
        } => super::correcting::corrected(&mut r, &by, &text, via, &source, now, flow, &mut fx)?,
        Event::Steered {
            by,
            coordinator,
            cmd,
            private: _,
        } => steered(&mut r, &by, coordinator, cmd, now, flow, &mut fx)?,
        Event::StatusAsked { by, private } => {
            let msg = record::status(&r, flow, now);
            fx.push(if private {
                Effect::private(&by, msg)
            } else {
                Effect::thread(msg)
            });
        }
        Event::TimePassed => {
            super::follow_up::due_reminders(&mut r, now, &mut fx);
            super::away::back_when_due(&mut r, now);
            time_passed(&mut r, now, flow, &mut fx)
        }
        Event::BalanceAsked { by, coordinator } => {
            if !coordinator && r.coordinator != by {
                return Err(msg::ERR_NOT_COORDINATOR_ROUND
                    .msg()
                    .text("name", r.name_of(&r.coordinator))
                    .into());
            }
            fx.push(Effect::private(&by, super::balance::balance(&r, flow)));
        }
        Event::Away { by, until } => super::away::away(&mut r, &by, until, now, flow, &mut fx)?,
    }
    Ok(Transition {
        round: r,
        effects: fx,
    })
}

fn joined(
    r: &mut Round,
    user: UserRef,
    name: String,
    profession: RoleId,
    now: DateTime<Utc>,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) -> Result<()> {
    if !r.status.is_open() {
        return Err(msg::ERR_ROUND_CLOSED
            .msg()
            .text("round", r.id.to_string())
            .into());
    }
    let prof_name = flow
        .roles
        .get(&profession)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| profession.0.clone());
    if let Some(p) = r.participant(&user) {
        let current = flow.roles.get(&p.profession).map(|i| i.name.clone());
        return Err(msg::ERR_ALREADY_JOINED
            .msg()
            .msg("profession", current.unwrap_or(prof_name))
            .into());
    }
    match r.participants.iter_mut().find(|p| p.user == user) {
        Some(p) => {
            p.left = false;
            p.name = name.clone();
            p.profession = profession;
        }
        None => r.participants.push(Participant {
            user: user.clone(),
            name: name.clone(),
            profession,
            left: false,
            away_until: None,
        }),
    }
    fx.push(Effect::thread(Message::line(
        msg::JOINED
            .msg()
            .text("name", name)
            .msg("profession", prof_name),
    )));
    // A latecomer to a private step gets its question too.
    if let Some(step) = r.current(flow) {
        if r.status == Status::Running && step.blind() && r.acts(&step.who, &user) {
            super::enter::send_private_prompt(r, step, &user, now, fx);
        }
    }
    Ok(())
}

fn left(
    r: &mut Round,
    user: &UserRef,
    now: DateTime<Utc>,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) -> Result<()> {
    if r.participant(user).is_none() {
        return Err(msg::ERR_NOT_PARTICIPANT.msg().into());
    }
    let name = r.name_of(user);
    if let Some(p) = r.participants.iter_mut().find(|p| &p.user == user) {
        p.left = true;
    }
    fx.push(Effect::thread(Message::line(
        msg::LEFT.msg().text("name", name),
    )));
    if r.status == Status::Running {
        maybe_complete(r, now, flow, fx);
    }
    Ok(())
}
fn time_passed(r: &mut Round, now: DateTime<Utc>, flow: &Flow, fx: &mut Vec<Effect>) {
    if r.status != Status::Running {
        return;
    }
    let Some(step) = r.current(flow).cloned() else {
        return;
    };
    if r.timers.reminder.is_some_and(|at| at <= now) {
        r.timers.reminder = None;
        let deadline = r.timers.deadline.unwrap_or(now);
        // A discussion window is not a question: nobody owes it an answer,
        // so nobody is reminded of one.
        let owed = if step.expects_answers() {
            r.expected(&step.who)
        } else {
            Vec::new()
        };
        for user in owed {
            if !super::pairs::answered(r, &step, &user) {
                fx.push(super::deadline::reminder(
                    r,
                    &step,
                    &user,
                    msg::REMINDER,
                    deadline,
                ));
            }
        }
    }
    if r.timers.deadline.is_some_and(|at| at <= now) {
        super::deadline::passed(r, &step, now, flow, fx);
    }
    if r.step >= flow.steps.len() && r.status == Status::Running {
        close_round(r, now, fx);
    }
}
