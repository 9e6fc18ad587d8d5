//! The facilitator's private view (`!brug balance`; DOMAIN §3.2 point 4,
//! §6.3): who has not spoken yet, each profession's share of what was
//! written, and whether one frame carries it — counts and frame names only,
//! from open answers (never a blind one, never the case text). And a nudge
//! to the coordinator when one profession carried a discussion step.

use super::effect::Effect;
use super::flow::{Flow, Step, StepKind};
use super::ids::RoleId;
use super::message::{Arg, Block, Message};
use super::msg;
use super::round::{Answer, Round};
use crate::frames::Lang;
use std::collections::BTreeMap;

/// A profession carries a discussion when it wrote more than this share ...
const CARRIES: f64 = 2.0 / 3.0;
/// ... of a discussion of at least this many characters, by two or more.
const A_DISCUSSION: usize = 240;

/// Open answers to the steps so far (and the one now open): what everyone
/// could read in the thread anyway.
fn open_answers<'a>(r: &'a Round, flow: &'a Flow) -> Vec<(&'a Step, &'a Answer)> {
    flow.steps
        .iter()
        .take(r.step + 1)
        .filter(|s| s.collects() && !s.blind() && !matches!(s.kind, StepKind::Intake { .. }))
        .flat_map(|s| {
            r.answers_to(&s.id)
                .filter(|a| !a.removed)
                .map(move |a| (s, a))
        })
        .collect()
}

fn written(a: &Answer) -> usize {
    a.fields.values().map(|t| t.chars().count()).sum()
}

/// Characters written per profession, in roster order of professions.
fn shares(r: &Round, answers: &[(&Step, &Answer)]) -> Vec<(RoleId, usize)> {
    let mut out: Vec<(RoleId, usize)> = Vec::new();
    for p in r.active() {
        if !out.iter().any(|(x, _)| x == &p.profession) {
            out.push((p.profession.clone(), 0));
        }
    }
    for (_, a) in answers {
        let Some(p) = r.participants.iter().find(|p| p.user == a.by) else {
            continue;
        };
        if let Some(e) = out.iter_mut().find(|(x, _)| x == &p.profession) {
            e.1 += written(a);
        }
    }
    out
}

fn role_name(flow: &Flow, id: &RoleId) -> Arg {
    flow.roles
        .get(id)
        .map(|i| Arg::Msg(i.name.clone()))
        .unwrap_or_else(|| Arg::Text(id.0.clone()))
}

/// The view, for the coordinator alone.
pub fn balance(r: &Round, flow: &Flow) -> Message {
    let mut m = Message::line(msg::BALANCE_HEADING.msg().text("round", r.id.to_string()));
    let answers = open_answers(r, flow);
    let silent: Vec<Arg> = r
        .active()
        .filter(|p| !answers.iter().any(|(_, a)| a.by == p.user))
        .map(|p| Arg::Text(p.name.clone()))
        .collect();
    m.push(Block::Line(if silent.is_empty() {
        msg::BALANCE_ALL_SPOKE.msg()
    } else {
        msg::BALANCE_SILENT.msg().arg("names", Arg::List(silent))
    }));
    let shares = shares(r, &answers);
    let total: usize = shares.iter().map(|(_, n)| n).sum();
    if total == 0 {
        m.push(Block::Line(msg::BALANCE_NOTHING.msg()));
        return m;
    }
    m.push(Block::Heading(msg::BALANCE_SHARES.msg()));
    for (p, n) in &shares {
        m.push(Block::Item(
            msg::BALANCE_SHARE
                .msg()
                .arg("profession", role_name(flow, p))
                .num("percent", (*n as f64 * 100.0 / total as f64).round() as i64),
        ));
    }
    // Frames in what was written, by how many answers show each.
    let lang = match r.locale {
        super::ids::Locale::Nl => Lang::Nl,
        super::ids::Locale::En => Lang::En,
    };
    let mut counts: BTreeMap<usize, i64> = BTreeMap::new();
    for (_, a) in &answers {
        let text: Vec<&str> = a.fields.values().map(String::as_str).collect();
        let text = text.join("\n");
        let found = flow.frames.analyze(
            &text,
            crate::frames::detect::guess_lang(&text).or(Some(lang)),
        );
        for f in found {
            *counts.entry(f.frame).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, i64)> = counts.into_iter().collect();
    ranked.sort_by_key(|(f, n)| (std::cmp::Reverse(*n), *f));
    let hits: i64 = ranked.iter().map(|(_, n)| n).sum();
    let name = |f: usize| Arg::Msg(flow.frames.frames[f].name.clone());
    match ranked.first() {
        None => m.push(Block::Line(msg::BALANCE_NO_FRAMES.msg())),
        Some(&(f, n)) if hits >= 3 && n * 2 > hits => m.push(Block::Line(
            msg::BALANCE_DOMINANT
                .msg()
                .arg("frame", name(f))
                .num("count", n)
                .num("total", hits),
        )),
        Some(_) => {
            m.push(Block::Heading(msg::BALANCE_FRAMES.msg()));
            for &(f, n) in ranked.iter().take(4) {
                m.push(Block::Item(
                    msg::PROFILE_FRAME
                        .msg()
                        .arg("frame", name(f))
                        .num("count", n),
                ));
            }
        }
    }
    m
}

/// Leaving a discussion step that one profession carried, while another
/// took part: the coordinator hears it privately, to draw the others in.
/// Not after a step spoken in swapped roles (the professions are not the
/// writers' own there), nor after a few lines of "done".
pub(super) fn nudge(r: &Round, step: &Step, flow: &Flow, fx: &mut Vec<Effect>) {
    if !matches!(step.kind, StepKind::Discuss { .. }) || step.voice != super::flow::Voice::Own {
        return;
    }
    let writers = r
        .answers_to(&step.id)
        .filter(|a| !a.removed)
        .map(|a| &a.by)
        .collect::<std::collections::BTreeSet<_>>();
    if writers.len() < 2 {
        return;
    }
    let answers: Vec<(&Step, &Answer)> = r
        .answers_to(&step.id)
        .filter(|a| !a.removed)
        .map(|a| (step, a))
        .collect();
    let shares = shares(r, &answers);
    let total: usize = shares.iter().map(|(_, n)| n).sum();
    if shares.len() < 2 || total < A_DISCUSSION {
        return;
    }
    let Some((top, n)) = shares.iter().max_by_key(|(_, n)| *n) else {
        return;
    };
    let share = *n as f64 / total as f64;
    if share <= CARRIES {
        return;
    }
    fx.push(Effect::private(
        &r.coordinator,
        Message::line(
            msg::BALANCE_NUDGE
                .msg()
                .text("round", r.id.to_string())
                .msg("step", step.title.clone())
                .arg("profession", role_name(flow, top))
                .num("percent", (share * 100.0).round() as i64),
        ),
    ));
}
