//! What a group decides by choosing one of its own answers: the one picked
//! most (ties go to the one brought in first) is announced — the joint
//! interview's persona — or, for the case (the gossip method, DOMAIN §2.4
//! step 2), names the case owner, its writer; without votes the owner stays.
//! And "not yet" (the four windows' facts too thin, §2.2): when most pick a
//! step's `back` option, the round goes back to gather more.

use super::effect::Effect;
use super::flow::{ChoiceSource, Flow, Step, StepKind};
use super::message::{Arg, Message};
use super::msg;
use super::record;
use super::round::Round;

pub(super) fn decided(r: &mut Round, step: &Step, flow: &Flow, fx: &mut Vec<Effect>) {
    if let StepKind::Choose {
        options: ChoiceSource::Visitors,
        ..
    } = &step.kind
    {
        return found_out(r, step, flow, fx);
    }
    let StepKind::Choose {
        options: src @ ChoiceSource::AnswersOf(_),
        multiple: false,
        ..
    } = &step.kind
    else {
        return;
    };
    let authors = record::option_authors(r, flow, src);
    let mut votes = vec![0u32; authors.len()];
    for a in r.answers_to(&step.id).filter(|a| !a.removed) {
        for &n in &a.picks {
            if let Some(v) = votes.get_mut(n as usize - 1) {
                *v += 1;
            }
        }
    }
    let Some(best) = votes.iter().copied().max().filter(|n| *n > 0) else {
        return;
    };
    let Some(winner) = votes.iter().position(|v| *v == best) else {
        return;
    };
    if !step.sets_owner {
        let Some(option) = record::options(r, flow, src).into_iter().nth(winner) else {
            return;
        };
        fx.push(Effect::thread(Message::line(
            msg::CHOSEN
                .msg()
                .arg("option", option)
                .num("votes", i64::from(best)),
        )));
        return;
    }
    let owner = authors[winner].clone();
    if r.participant(&owner).is_none() {
        return;
    }
    r.owner = Some(owner.clone());
    fx.push(Effect::thread(Message::line(
        msg::CASE_CHOSEN
            .msg()
            .text("name", r.name_of(&owner))
            .num("votes", i64::from(best)),
    )));
}

/// The step to go back to, when most of those who answered `step` picked its
/// `back` option; their choices are cleared, so it is asked afresh.
pub(super) fn back_to(r: &mut Round, step: &Step, fx: &mut Vec<Effect>) -> Option<usize> {
    let (target, option) = step.back?;
    let answers: Vec<&super::round::Answer> =
        r.answers_to(&step.id).filter(|a| !a.removed).collect();
    let yes = answers.iter().filter(|a| a.picks.contains(&option)).count();
    let total = answers.len();
    if total == 0 || yes * 2 <= total {
        return None;
    }
    r.answers.retain(|a| a.step != step.id);
    fx.push(Effect::thread(Message::line(
        msg::GOING_BACK
            .msg()
            .num("count", yes as i64)
            .num("total", total as i64),
    )));
    Some(target)
}

/// The game's visit (DOMAIN §4.2): a visitor picked by more than half of the
/// others who answered gave themselves away, and leaves the visit — only the
/// visit: they take part in the rest of the game as before.
fn found_out(r: &mut Round, step: &Step, flow: &Flow, fx: &mut Vec<Effect>) {
    let visitors = record::option_authors(r, flow, &ChoiceSource::Visitors);
    let answers: Vec<&super::round::Answer> =
        r.answers_to(&step.id).filter(|a| !a.removed).collect();
    let mut out = Vec::new();
    for (n, v) in visitors.iter().enumerate() {
        let others: Vec<_> = answers.iter().filter(|a| &a.by != v).collect();
        let votes = others
            .iter()
            .filter(|a| a.picks.contains(&(n as u32 + 1)))
            .count();
        if !others.is_empty() && votes * 2 > others.len() {
            out.push(v.clone());
        }
    }
    let line = if out.is_empty() {
        msg::ALL_PASSED.msg()
    } else {
        let names = out.iter().map(|u| Arg::Text(r.name_of(u))).collect();
        msg::FOUND_OUT.msg().arg("names", Arg::List(names))
    };
    r.found_out = out;
    fx.push(Effect::thread(Message::line(line)));
}
