//! An edited message that answered the current step (`Event::Corrected`):
//! a correction of that answer, checked for identifiers like any answer.
//! A text made of several messages gets the edited message's part replaced;
//! a parsed answer (fields, choices, scores) is taken again over the old.

use super::answering::{open, said};
use super::effect::{Effect, Rejection};
use super::event::Via;
use super::flow::{Flow, StepKind};
use super::ids::UserRef;
use super::message::{Block, Message};
use super::msg;
use super::pii;
use super::round::{Round, TEXT};
use chrono::{DateTime, Datelike, Utc};

type Result<T> = std::result::Result<T, Rejection>;

#[allow(clippy::too_many_arguments)]
pub(super) fn corrected(
    r: &mut Round,
    by: &UserRef,
    text: &str,
    via: Via,
    source: &str,
    now: DateTime<Utc>,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) -> Result<()> {
    open(r)?;
    let Some(step) = r.current(flow).cloned() else {
        return Err(msg::ERR_NOTHING_TO_ANSWER.msg().into());
    };
    let updated = || {
        Effect::private(
            by,
            Message::line(msg::RECEIPT_UPDATED.msg().msg("step", step.title.clone())),
        )
    };
    match &step.kind {
        StepKind::Actions => Err(msg::ERR_EDIT_ACTIONS.msg().into()),
        StepKind::Prompt {
            fields,
            blind: false,
        } if fields.is_empty() => {
            replace_piece(r, &step.id, by, text, source, now, fx)?;
            fx.push(updated());
            Ok(())
        }
        StepKind::Discuss { .. } | StepKind::Review => {
            replace_piece(r, &step.id, by, text, source, now, fx)?;
            fx.push(updated());
            Ok(())
        }
        // Parsed answers: taken again; their receipt says it was an update.
        _ => {
            let at = fx.len();
            said(r, by, text, via, None, now, flow, fx)?;
            let receipts = [
                msg::RECEIPT.id,
                msg::RECEIPT_ANONYMOUS.id,
                msg::RECEIPT_CARD.id,
                msg::RECEIPT_IN_SUMMARY.id,
            ];
            let mut told = false;
            for e in &mut fx[at..] {
                let Effect::Post { msg: m, .. } = e;
                if let Some(Block::Line(first)) = m.blocks.first_mut() {
                    if receipts.contains(&first.id.as_str()) {
                        *first = msg::RECEIPT_UPDATED.msg().msg("step", step.title.clone());
                        told = true;
                    }
                }
            }
            let held = r.held.iter().any(|h| &h.by == by && h.step == step.id);
            if !told && !held {
                fx.push(updated());
            }
            Ok(())
        }
    }
}

/// Replaces the part `source` gave of `by`'s running text.
fn replace_piece(
    r: &mut Round,
    step: &str,
    by: &UserRef,
    text: &str,
    source: &str,
    now: DateTime<Utc>,
    fx: &mut Vec<Effect>,
) -> Result<()> {
    let hits = pii::find(text, now.year());
    if !hits.is_empty() {
        // The earlier version stays; nothing of this one is kept.
        let mut m = Message::line(pii::found(&hits));
        m.push(Block::Line(msg::PII_EDIT_REFUSED.msg()));
        fx.push(Effect::private(by, m));
        return Ok(());
    }
    let not_taken = || Rejection::from(msg::ERR_EDIT_NOT_MATCHED.msg());
    let a = r
        .answers
        .iter_mut()
        .find(|a| a.step == step && &a.by == by && !a.removed)
        .ok_or_else(not_taken)?;
    let i = a
        .pieces
        .iter()
        .position(|p| p.source == source)
        .ok_or_else(not_taken)?;
    let whole = a.fields.get(TEXT).cloned().unwrap_or_default();
    let mut parts = Vec::with_capacity(a.pieces.len());
    let mut at = 0;
    for p in &a.pieces {
        parts.push(whole.get(at..at + p.len).ok_or_else(not_taken)?.to_string());
        at += p.len + 1;
    }
    let new = text.trim();
    parts[i] = new.to_string();
    a.pieces[i].len = new.len();
    a.fields.insert(TEXT.to_string(), parts.join("\n"));
    a.at = now;
    Ok(())
}
