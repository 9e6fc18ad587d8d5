//! The frame summary: which frames show in what each person wrote (quoting the
//! words), which reasoning devices they covered, the professions' profiles side
//! by side, where they differ most (issue moments), frames nobody used,
//! self-tagged frames apart, a reframing move with a question, and always the
//! caveat that frames never follow from a job title: profession only groups.

use super::flow::{ChoiceSource, Flow, StepKind, Voice};
use super::ids::{Locale, RoleId, UserRef};
use super::message::{Arg, Block, Chart, Message, MessageRef, Series};
use super::msg;
use super::round::Round;
use crate::frames::{Found, Lang, Level};
use std::collections::{BTreeMap, BTreeSet};

mod people;

use people::{per_person, played};

/// One piece of someone's text, with what was found in it.
struct Piece<'a> {
    by: &'a UserRef,
    step: usize,
    field: &'a str,
    found: Vec<Found>,
    /// The swapped role this was said in, when it was (`Voice::InRole`).
    role: Option<&'a RoleId>,
}

/// Frames within this share of a profession's strongest count as dominant.
const DOMINANT: f64 = 0.6;
/// Quoted words per frame per person.
const QUOTES: usize = 3;
/// Issue moments shown at most, and the least difference that counts.
const MOMENTS: usize = 2;
const DIFFERENT: f64 = 0.5;

/// Appends the frame summary of a round to `m`; returns the message with the
/// profiles as a bar chart, when any frame was found.
pub fn summary(r: &Round, flow: &Flow, m: &mut Message) -> Option<Message> {
    let frames = &flow.frames;
    let (pieces, in_role): (Vec<Piece>, Vec<Piece>) =
        pieces(r, flow).into_iter().partition(|p| p.role.is_none());
    m.push(Block::Heading(msg::FS_HEADING.msg()));
    if pieces.iter().chain(&in_role).all(|p| p.found.is_empty()) {
        m.push(Block::Line(msg::FS_TOO_LITTLE.msg()));
    }
    per_person(r, flow, &pieces, m);
    played(r, flow, &in_role, &pieces, m);
    let profiles = profiles(r, flow, &pieces);
    m.push(Block::Heading(msg::FS_PROFILES.msg()));
    for (prof, counts) in &profiles {
        let name = flow
            .roles
            .get(prof)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| prof.0.clone());
        let list = ranked(counts);
        m.push(Block::Item(if list.is_empty() {
            msg::FS_PROFILE_NONE.msg().msg("profession", name)
        } else {
            msg::FS_PROFILE.msg().msg("profession", name)
        }));
        for (f, n) in list {
            m.push(Block::SubItem(
                msg::FS_PROFILE_LINE
                    .msg()
                    .msg("frame", frames.frames[f].name.clone())
                    .num("count", i64::from(n)),
            ));
        }
    }
    issue_moments(r, flow, &pieces, m);
    let used: BTreeSet<usize> = pieces
        .iter()
        .chain(&in_role)
        .flat_map(|p| p.found.iter().map(|f| f.frame))
        .collect();
    let unused: Vec<Arg> = frames
        .frames
        .iter()
        .enumerate()
        .filter(|(i, f)| f.level != Level::Relational && !used.contains(i))
        .map(|(_, f)| Arg::Msg(f.name.clone()))
        .collect();
    if !unused.is_empty() {
        m.push(Block::Line(
            msg::FS_UNUSED.msg().arg("frames", Arg::List(unused)),
        ));
    }
    self_tagged(r, flow, m);
    reframing(flow, &profiles, m);
    m.push(Block::Line(msg::FS_CAVEAT.msg()));
    chart(r, flow, &pieces, &profiles)
}

/// The profiles as a chart: per frame, the share of each profession's answers
/// that showed it (shares, so professions of different sizes compare).
fn chart(
    r: &Round,
    flow: &Flow,
    pieces: &[Piece],
    profiles: &[(RoleId, BTreeMap<usize, u32>)],
) -> Option<Message> {
    if pieces.iter().all(|p| p.found.is_empty()) {
        return None;
    }
    let frames = &flow.frames.frames;
    let series = profiles
        .iter()
        .map(|(prof, counts)| {
            let answers = pieces
                .iter()
                .filter(|p| profession_of(r, p.by).as_ref() == Some(prof))
                .count()
                .max(1) as u32;
            let name = flow
                .roles
                .get(prof)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| "profession-other".into());
            Series {
                label: MessageRef::new(name),
                values: (0..frames.len())
                    .map(|f| (counts.get(&f).copied().unwrap_or(0) * 100 + answers / 2) / answers)
                    .collect(),
            }
        })
        .collect();
    let chart = Chart {
        title: msg::FS_CHART_TITLE.msg(),
        axis: msg::FS_CHART_AXIS.msg(),
        categories: frames
            .iter()
            .map(|f| MessageRef::new(f.name.clone()))
            .collect(),
        series,
    };
    Some(Message {
        blocks: vec![Block::Line(msg::FS_CHART_CAPTION.msg())],
        chart: Some(chart),
        ..Message::default()
    })
}

/// Every named answer's text with the frames found in it, and the swapped
/// role it was said in, if any. Left out: choices (self-tagging, shown
/// apart), anonymous steps (never with names), the case text (the client's
/// story, not the owner's reasoning) and descriptions of how others reason.
/// Each text is read in its own language; the round's when it cannot tell.
fn pieces<'a>(r: &'a Round, flow: &'a Flow) -> Vec<Piece<'a>> {
    let frames = &flow.frames;
    let round_lang = match r.locale {
        Locale::Nl => Lang::Nl,
        Locale::En => Lang::En,
    };
    let mut pieces: Vec<Piece> = Vec::new();
    for (i, step) in flow.steps.iter().enumerate().take(r.step) {
        if !step.collects()
            || step.anonymous_in(flow)
            || step.voice == Voice::AboutOthers
            || matches!(step.kind, StepKind::Choose { .. } | StepKind::Intake { .. })
        {
            continue;
        }
        for a in r.answers_to(&step.id) {
            let role = (step.voice == Voice::InRole)
                .then(|| r.roles.iter().find(|x| x.player == a.by))
                .flatten()
                .map(|x| &x.role);
            for (field, text) in &a.fields {
                let lang = crate::frames::detect::guess_lang(text).unwrap_or(round_lang);
                pieces.push(Piece {
                    by: &a.by,
                    step: i,
                    field,
                    found: frames.analyze(text, Some(lang)),
                    role,
                });
            }
        }
    }
    pieces
}

/// Per profession (roster order), in how many answers each frame showed,
/// by frame id: the profiles of the summary, for exports.
pub fn profession_profiles(r: &Round, flow: &Flow) -> Vec<(RoleId, BTreeMap<String, u32>)> {
    let own: Vec<Piece> = pieces(r, flow)
        .into_iter()
        .filter(|p| p.role.is_none())
        .collect();
    profiles(r, flow, &own)
        .into_iter()
        .map(|(p, counts)| {
            let by_id = counts
                .into_iter()
                .map(|(f, n)| (flow.frames.frames[f].id.clone(), n))
                .collect();
            (p, by_id)
        })
        .collect()
}

fn profession_of(r: &Round, u: &UserRef) -> Option<RoleId> {
    r.participants
        .iter()
        .find(|p| &p.user == u)
        .map(|p| p.profession.clone())
}

fn author(r: &Round, flow: &Flow, u: &UserRef) -> (String, String) {
    let prof = profession_of(r, u)
        .and_then(|p| flow.roles.get(&p).map(|i| i.name.clone()))
        .unwrap_or_else(|| "profession-other".into());
    (r.name_of(u), prof)
}

/// Words as the summary quotes them: «a», «b».
fn quoted(words: &[String]) -> Arg {
    Arg::List(words.iter().map(|w| Arg::Text(format!("«{w}»"))).collect())
}

/// Frame indices by count, highest first.
fn ranked(counts: &BTreeMap<usize, u32>) -> Vec<(usize, u32)> {
    let mut v: Vec<(usize, u32)> = counts
        .iter()
        .map(|(f, n)| (*f, *n))
        .filter(|(_, n)| *n > 0)
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// Per profession (in roster order): how many pieces showed each frame.
fn profiles(r: &Round, flow: &Flow, pieces: &[Piece]) -> Vec<(RoleId, BTreeMap<usize, u32>)> {
    let mut out: Vec<(RoleId, BTreeMap<usize, u32>)> = Vec::new();
    for p in r.active() {
        if !out.iter().any(|(prof, _)| prof == &p.profession) {
            out.push((p.profession.clone(), BTreeMap::new()));
        }
    }
    for piece in pieces {
        let Some(prof) = profession_of(r, piece.by) else {
            continue;
        };
        if let Some((_, counts)) = out.iter_mut().find(|(p, _)| *p == prof) {
            for f in &piece.found {
                *counts.entry(f.frame).or_default() += 1;
            }
        }
    }
    let _ = flow;
    out
}

fn vector(found: &[&Found], n: usize) -> Vec<f64> {
    let mut v = vec![0.0; n];
    for f in found {
        v[f.frame] += f64::from(f.weight);
    }
    v
}

fn distance(a: &[f64], b: &[f64]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na = a.iter().map(|x| x * x).sum::<f64>().sqrt();
    let nb = b.iter().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    1.0 - dot / (na * nb)
}

/// Where two professions' answers to the same question differ most.
fn issue_moments(r: &Round, flow: &Flow, pieces: &[Piece], m: &mut Message) {
    let n = flow.frames.frames.len();
    let mut moments: Vec<(f64, &Piece, &Piece)> = Vec::new();
    let keys: BTreeSet<(usize, &str)> = pieces.iter().map(|p| (p.step, p.field)).collect();
    for (step, field) in keys {
        // Only people still in the round, and only what shows a frame with
        // words to quote.
        let here: Vec<&Piece> = pieces
            .iter()
            .filter(|p| p.step == step && p.field == field)
            .filter(|p| p.found.first().is_some_and(|f| !f.evidence.is_empty()))
            .filter(|p| r.active().any(|x| &x.user == p.by))
            .collect();
        let mut best: Option<(f64, &Piece, &Piece)> = None;
        for (i, a) in here.iter().enumerate() {
            for b in &here[i + 1..] {
                // A real difference: each side's strongest frame is one the
                // other side does not show at all.
                let (ta, tb) = (a.found[0].frame, b.found[0].frame);
                if profession_of(r, a.by) == profession_of(r, b.by)
                    || b.found.iter().any(|f| f.frame == ta)
                    || a.found.iter().any(|f| f.frame == tb)
                {
                    continue;
                }
                let d = distance(
                    &vector(&a.found.iter().collect::<Vec<_>>(), n),
                    &vector(&b.found.iter().collect::<Vec<_>>(), n),
                );
                if d >= DIFFERENT && best.as_ref().is_none_or(|(bd, ..)| d > *bd) {
                    best = Some((d, a, b));
                }
            }
        }
        moments.extend(best);
    }
    moments.sort_by(|a, b| b.0.total_cmp(&a.0));
    m.push(Block::Heading(msg::FS_ISSUES.msg()));
    if moments.is_empty() {
        m.push(Block::Line(msg::FS_ISSUES_NONE.msg()));
    }
    for (_, a, b) in moments.into_iter().take(MOMENTS) {
        let step = &flow.steps[a.step];
        let label = step
            .fields()
            .iter()
            .find(|f| f.id == a.field)
            .map(|f| {
                Arg::Seq(vec![
                    Arg::Msg(step.title.clone()),
                    Arg::Msg(f.label.clone()),
                ])
            })
            .unwrap_or_else(|| Arg::Msg(step.title.clone()));
        m.push(Block::Item(msg::FS_ISSUE.msg().arg("step", label)));
        for p in [a, b] {
            let (name, prof) = author(r, flow, p.by);
            let top = &p.found[0];
            let words = quoted(&top.evidence[..top.evidence.len().min(QUOTES)]);
            m.push(Block::SubItem(
                msg::FS_ISSUE_SIDE
                    .msg()
                    .text("name", name)
                    .msg("profession", prof)
                    .msg("frame", flow.frames.frames[top.frame].name.clone())
                    .arg("words", words),
            ));
        }
    }
}

/// Frames people chose for themselves, shown apart from detected ones.
fn self_tagged(r: &Round, flow: &Flow, m: &mut Message) {
    let mut lines = Vec::new();
    for step in flow.steps.iter().take(r.step) {
        let StepKind::Choose {
            options: ChoiceSource::Frames,
            ..
        } = &step.kind
        else {
            continue;
        };
        let options = super::record::frame_options(flow);
        for a in r.answers_to(&step.id) {
            let (name, prof) = author(r, flow, &a.by);
            let picked: Vec<Arg> = a
                .picks
                .iter()
                .filter_map(|n| options.get(*n as usize - 1).cloned())
                .collect();
            lines.push(
                msg::FS_SELF_TAGGED
                    .msg()
                    .text("name", name)
                    .msg("profession", prof)
                    .arg("frames", Arg::List(picked)),
            );
        }
    }
    if !lines.is_empty() {
        m.push(Block::Heading(msg::FS_SELF_HEADING.msg()));
        for l in lines {
            m.push(Block::Item(l));
        }
    }
}

/// A reframing move, chosen from how the professions' dominant frames relate.
fn reframing(flow: &Flow, profiles: &[(RoleId, BTreeMap<usize, u32>)], m: &mut Message) {
    let with: Vec<&BTreeMap<usize, u32>> = profiles
        .iter()
        .map(|(_, c)| c)
        .filter(|c| c.values().any(|n| *n > 0))
        .collect();
    if with.is_empty() {
        return;
    }
    let dominant: Vec<BTreeSet<usize>> = with
        .iter()
        .map(|c| {
            let max = c.values().copied().max().unwrap_or(0) as f64;
            c.iter()
                .filter(|(_, n)| **n as f64 >= max * DOMINANT && **n > 0)
                .map(|(f, _)| *f)
                .collect()
        })
        .collect();
    let name = |f: usize| flow.frames.frames[f].name.clone();
    let shared = dominant.iter().skip(1).fold(dominant[0].clone(), |acc, d| {
        acc.intersection(d).copied().collect()
    });
    let present_everywhere: Vec<usize> = (0..flow.frames.frames.len())
        .filter(|f| with.iter().all(|c| c.get(f).copied().unwrap_or(0) > 0))
        .collect();
    let line = if dominant.iter().all(|d| d == &dominant[0]) {
        msg::FS_MOVE_AMPLIFICATION.msg().arg(
            "frames",
            Arg::List(dominant[0].iter().map(|f| Arg::Msg(name(*f))).collect()),
        )
    } else if let Some(f) = shared.iter().next() {
        msg::FS_MOVE_EXTENSION.msg().msg("frame", name(*f))
    } else if let Some(f) = present_everywhere.first() {
        msg::FS_MOVE_BRIDGING.msg().msg("frame", name(*f))
    } else {
        msg::FS_MOVE_TRANSFORMATION.msg()
    };
    m.push(Block::Heading(msg::FS_MOVE_HEADING.msg()));
    m.push(Block::Line(line));
}
