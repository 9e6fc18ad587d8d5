//! Taking an answer (`Event::Said`): who may answer where, identifiers held
//! back until confirmed, the intake's confirmation, storing, receipts, and
//! moving on once everyone expected has answered.

use super::answer::{self, ParseError};
use super::effect::{Effect, Rejection};
use super::enter::advance;
use super::event::Via;
use super::flow::{EndRule, Flow, Shown, Step, StepKind};
use super::ids::UserRef;
use super::message::{Arg, Block, Message};
use super::msg;
use super::pii;
use super::progress::progress;
use super::record;
use super::round::{ActionItem, Answer, Held, Piece, Round, Status, TEXT};
use chrono::{DateTime, Datelike, Utc};
use std::collections::BTreeMap;

type Result<T> = std::result::Result<T, Rejection>;

/// The longest answer one message may give, in characters: a wall people can
/// still read (Discord's own message limit).
pub const MAX_ANSWER: usize = 2_000;
/// The longest case description.
pub const MAX_CASE: usize = 4_000;

pub(super) fn open(r: &Round) -> Result<()> {
    match r.status {
        Status::Running => Ok(()),
        Status::Paused => Err(msg::ERR_ROUND_PAUSED.msg().into()),
        Status::Closed | Status::Cancelled => Err(msg::ERR_ROUND_CLOSED
            .msg()
            .text("round", r.id.to_string())
            .into()),
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn said(
    r: &mut Round,
    by: &UserRef,
    text: &str,
    via: Via,
    source: Option<&str>,
    now: DateTime<Utc>,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) -> Result<()> {
    open(r)?;
    let Some(step) = r.current(flow) else {
        return Err(msg::ERR_NOTHING_TO_ANSWER.msg().into());
    };
    // A form is answered as its step asks: privately for a blind step, for
    // the thread to read (the bot shows it there) for an open one.
    let (private, echo) = match via {
        Via::Thread => (false, false),
        Via::Private => (true, false),
        Via::Form(n) if n != r.step => return Err(msg::ERR_FORM_STALE.msg().into()),
        Via::Form(_) => (step.blind(), !step.blind()),
    };
    if r.participant(by).is_none() {
        return Err(msg::ERR_NOT_PARTICIPANT.msg().into());
    }
    if !step.collects() {
        return Err(msg::ERR_NOTHING_TO_ANSWER.msg().into());
    }
    if matches!(
        step.kind,
        StepKind::Discuss {
            owner_listens: true
        }
    ) && r.owner.as_ref() == Some(by)
    {
        return Err(msg::ERR_LISTEN_ONLY.msg().into());
    }
    if matches!(step.kind, StepKind::Discuss { .. })
        && step.voice == super::flow::Voice::InRole
        && r.found_out.contains(by)
    {
        return Err(msg::ERR_LEFT_VISIT.msg().into());
    }
    let owner_reply = step.owner_replies && r.owner.as_ref() == Some(by) && !private;
    if !r.acts(&step.who, by) && !owner_reply {
        return Err(msg::ERR_NOT_YOUR_TURN.msg().into());
    }
    if step.blind() && !private {
        return Err(msg::ERR_ANSWER_PRIVATELY.msg().into());
    }
    if !step.blind() && private {
        return Err(msg::ERR_ANSWER_IN_THREAD.msg().into());
    }
    if text.trim().is_empty() {
        return Err(msg::ERR_EMPTY.msg().into());
    }
    let limit = if matches!(step.kind, StepKind::Intake { .. }) {
        MAX_CASE
    } else {
        MAX_ANSWER
    };
    let length = text.trim().chars().count();
    if length > limit {
        return Err(msg::ERR_TOO_LONG
            .msg()
            .num("length", length as i64)
            .num("limit", limit as i64)
            .into());
    }
    let step = step.clone();
    let hits = pii::find(text, now.year());
    if matches!(step.kind, StepKind::Intake { .. }) {
        return super::intake::intake(r, &step, by, text, &hits, now, flow, fx);
    }
    // Identifiers: nothing is kept or posted but the pseudonymised version,
    // and only once its author confirms it.
    let held = r.held.iter().position(|h| &h.by == by && h.step == step.id);
    let confirmed;
    let text = if !hits.is_empty() {
        let masked = pii::mask(text, &hits);
        hold_back(r, &step, by, &hits, &masked, private, fx);
        return Ok(());
    } else if let Some(i) = held.filter(|_| answer::is_yes(text)) {
        confirmed = r.held.remove(i).text;
        confirmed.as_str()
    } else {
        if let Some(i) = held {
            r.held.remove(i);
        }
        text
    };
    // Only blind steps report progress (see `acknowledge`).
    let done_before = if step.blind() {
        progress(r, &step).0
    } else {
        0
    };
    let at = fx.len();
    take(r, &step, by, text, source, done_before, now, flow, fx)?;
    if echo {
        fx.insert(at, Effect::thread(shown_in_thread(r, &step, by, text)));
    }
    Ok(())
}

/// An open answer given in a form, as the thread reads it (only its writer
/// saw the form).
fn shown_in_thread(r: &Round, step: &Step, by: &UserRef, text: &str) -> Message {
    let mut m = Message::line(msg::FORM_ANSWERED.msg().text("name", r.name_of(by)));
    match answer::fields(text, step.fields()) {
        Ok(parsed) if !step.fields().is_empty() => {
            for f in step.fields() {
                if let Some(t) = parsed.get(&f.id) {
                    m.push(Block::Item(
                        msg::FIELD_LINE
                            .msg()
                            .msg("label", f.label.clone())
                            .arg("text", Arg::Text(t.clone())),
                    ));
                }
            }
        }
        _ => m.push(Block::Quote(text.trim().to_string())),
    }
    m
}

/// Stores an answer that passed every check, by what the step collects.
#[allow(clippy::too_many_arguments)]
fn take(
    r: &mut Round,
    step: &Step,
    by: &UserRef,
    text: &str,
    source: Option<&str>,
    done_before: usize,
    now: DateTime<Utc>,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) -> Result<()> {
    let was = super::pairs::answered(r, step, by);
    match &step.kind {
        StepKind::Intake { .. } => unreachable!("handled above"),
        // Open one-text answers are contributions: each message adds to them.
        StepKind::Prompt {
            fields,
            blind: false,
        } if fields.is_empty() => {
            append(r, step, by, text, source, now);
            super::pairs::after_answer(r, step, by, was, fx);
            maybe_complete(r, now, flow, fx);
            Ok(())
        }
        StepKind::Prompt { fields, .. } => {
            let parsed = answer::fields(text, fields).map_err(|e| parse_rejection(e, step))?;
            answer::scales(&parsed, fields).map_err(|e| parse_rejection(e, step))?;
            store(r, step, by, now, |a| a.fields.extend(parsed));
            acknowledge(r, step, by, done_before, flow, fx);
            super::pairs::after_answer(r, step, by, was, fx);
            maybe_complete(r, now, flow, fx);
            Ok(())
        }
        StepKind::Discuss { .. } | StepKind::Review => {
            if matches!(step.kind, StepKind::Review) {
                super::review::outcomes(r, by, text, now, fx);
            }
            append(r, step, by, text, source, now);
            maybe_complete(r, now, flow, fx);
            Ok(())
        }
        StepKind::Choose {
            options, multiple, ..
        } => {
            let count = record::options(r, flow, options).len();
            let picks =
                answer::picks(text, count, *multiple).map_err(|e| parse_rejection(e, step))?;
            store(r, step, by, now, |a| a.picks = picks);
            acknowledge(r, step, by, done_before, flow, fx);
            super::pairs::after_answer(r, step, by, was, fx);
            maybe_complete(r, now, flow, fx);
            Ok(())
        }
        // Lines written as `what; who; when` are actions; the rest is the
        // discussion around them ("what effect do we want?").
        StepKind::Actions => {
            let mut actions = Vec::new();
            let mut talk = Vec::new();
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if answer::is_action_line(line) {
                    actions.push(answer::action(line).map_err(|e| parse_rejection(e, step))?);
                } else {
                    talk.push(line);
                }
            }
            for (what, who, when) in actions {
                let due =
                    super::follow_up::due(&when, now, r.tz).map(|d| r.quiet.next_allowed(d, r.tz));
                r.actions.push(ActionItem {
                    what,
                    who,
                    when,
                    by: by.clone(),
                    due,
                    reminded: false,
                    outcome: None,
                });
            }
            if talk.is_empty() {
                store(r, step, by, now, |_| {});
            } else {
                append(r, step, by, &talk.join("\n"), source, now);
            }
            Ok(())
        }
        StepKind::Reflect { questions, .. } => {
            let parsed = answer::fields(text, questions).map_err(|e| parse_rejection(e, step))?;
            let (scores, texts) =
                answer::scores(&parsed, questions).map_err(|e| parse_rejection(e, step))?;
            store(r, step, by, now, |a| {
                a.scores.extend(scores);
                for k in a.scores.keys() {
                    if !texts.contains_key(k) && parsed.contains_key(k) {
                        a.fields.remove(k);
                    }
                }
                a.fields.extend(texts);
            });
            acknowledge(r, step, by, done_before, flow, fx);
            maybe_complete(r, now, flow, fx);
            Ok(())
        }
        StepKind::Reveal { .. } | StepKind::AssignRoles { .. } | StepKind::Summary => {
            Err(msg::ERR_NOTHING_TO_ANSWER.msg().into())
        }
    }
}

/// Keeps the pseudonymised version of an answer with identifiers and tells
/// its author, privately, what was found and how to go on.
fn hold_back(
    r: &mut Round,
    step: &Step,
    by: &UserRef,
    hits: &[pii::Hit],
    masked: &str,
    private: bool,
    fx: &mut Vec<Effect>,
) {
    r.held.retain(|h| !(&h.by == by && h.step == step.id));
    r.held.push(Held {
        by: by.clone(),
        step: step.id.clone(),
        text: masked.to_string(),
    });
    let mut m = Message::line(pii::found(hits));
    m.push(Block::Line(if private {
        msg::PII_HELD.msg()
    } else {
        msg::PII_HELD_THREAD.msg()
    }));
    m.push(Block::Quote(masked.to_string()));
    fx.push(Effect::private(by, m));
}

/// Adds a message to `by`'s running text for `step`, remembering which
/// message gave which part (an edit of it corrects that part).
fn append(
    r: &mut Round,
    step: &Step,
    by: &UserRef,
    text: &str,
    source: Option<&str>,
    now: DateTime<Utc>,
) {
    store(r, step, by, now, |a| {
        let t = a.fields.entry(TEXT.to_string()).or_default();
        let whole =
            a.pieces.iter().map(|p| p.len).sum::<usize>() + a.pieces.len().saturating_sub(1);
        // Parts are known only while every message so far had an id.
        let known = whole == t.len() || a.pieces.is_empty() && t.is_empty();
        if !t.is_empty() {
            t.push('\n');
        }
        t.push_str(text.trim());
        match source {
            Some(id) if known => a.pieces.push(Piece {
                source: id.to_string(),
                len: text.trim().len(),
            }),
            _ => a.pieces.clear(),
        }
    });
}

/// Creates or updates `by`'s answer to `step`.
pub(super) fn store(
    r: &mut Round,
    step: &Step,
    by: &UserRef,
    now: DateTime<Utc>,
    f: impl FnOnce(&mut Answer),
) {
    let idx = match r
        .answers
        .iter()
        .position(|a| a.step == step.id && &a.by == by)
    {
        Some(i) => i,
        None => {
            r.answers.push(Answer {
                step: step.id.clone(),
                by: by.clone(),
                at: now,
                fields: BTreeMap::new(),
                picks: Vec::new(),
                removed: false,
                scores: BTreeMap::new(),
                pieces: Vec::new(),
            });
            r.answers.len() - 1
        }
    };
    let a = &mut r.answers[idx];
    a.at = now;
    f(a);
}

/// Private receipt for blind steps, plus progress in the thread when the
/// count of complete answers changed (`done_before` was it before this one):
/// a partial answer or a correction is news only to its author.
fn acknowledge(
    r: &Round,
    step: &Step,
    by: &UserRef,
    done_before: usize,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) {
    if !step.blind() {
        return;
    }
    let a = r.answer_of(&step.id, by).expect("just stored");
    let receipt = match step.shown_in(flow) {
        _ if step.anonymous() => msg::RECEIPT_ANONYMOUS,
        Shown::Revealed => msg::RECEIPT,
        Shown::Card => msg::RECEIPT_CARD,
        Shown::InSummary => msg::RECEIPT_IN_SUMMARY,
        Shown::GroupProfile => msg::RECEIPT_GROUP_PROFILE,
    };
    let mut m = Message::line(receipt.msg().msg("step", step.title.clone()));
    let missing: Vec<Arg> = step
        .fields()
        .iter()
        .filter(|f| !a.fields.contains_key(&f.id) && !a.scores.contains_key(&f.id))
        .map(|f| Arg::Msg(f.label.clone()))
        .collect();
    if !missing.is_empty() {
        m.push(Block::Line(
            msg::RECEIPT_MISSING.msg().arg("fields", Arg::List(missing)),
        ));
    }
    fx.push(Effect::private(by, m));
    let (done, total) = progress(r, step);
    if done == done_before {
        return;
    }
    // One progress message per step, edited in place where the platform can.
    let mut progress = Message::line(
        msg::PROGRESS
            .msg()
            .num("answered", done as i64)
            .num("total", total as i64),
    );
    progress.slot = Some(format!("progress-{}", r.step));
    fx.push(Effect::thread(progress));
}

/// Moves on when everyone expected has answered a step that ends so.
pub(super) fn maybe_complete(r: &mut Round, now: DateTime<Utc>, flow: &Flow, fx: &mut Vec<Effect>) {
    let Some(step) = r.current(flow) else { return };
    if step.end != EndRule::AllAnswered || !step.collects() {
        return;
    }
    if matches!(step.kind, StepKind::Discuss { .. } | StepKind::Actions) {
        return;
    }
    let (done, total) = progress(r, step);
    if total > 0 && done == total {
        advance(r, now, flow, fx);
    }
}

fn parse_rejection(e: ParseError, step: &Step) -> Rejection {
    let labels = || {
        Arg::List(
            step.fields()
                .iter()
                .map(|f| Arg::Msg(f.label.clone()))
                .collect(),
        )
    };
    match e {
        ParseError::Empty => msg::ERR_EMPTY.msg().into(),
        ParseError::NeedLabels => msg::ERR_NEED_LABELS.msg().arg("fields", labels()).into(),
        ParseError::UnknownLabel(label) => msg::ERR_UNKNOWN_LABEL
            .msg()
            .text("label", label)
            .arg("fields", labels())
            .into(),
        ParseError::BadScale(label, lo, hi) => msg::ERR_BAD_SCALE
            .msg()
            .msg("field", label)
            .num("low", i64::from(lo))
            .num("high", i64::from(hi))
            .into(),
        ParseError::BadScore(label) => msg::ERR_BAD_SCORE.msg().msg("field", label).into(),
        ParseError::BadChoice => {
            let one = matches!(
                step.kind,
                StepKind::Choose {
                    multiple: false,
                    ..
                }
            );
            if one {
                msg::ERR_BAD_CHOICE_ONE.msg().into()
            } else {
                msg::ERR_BAD_CHOICE.msg().into()
            }
        }
        ParseError::BadAction => msg::ERR_BAD_ACTION.msg().into(),
    }
}
