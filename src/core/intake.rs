//! The case owner's intake answer: the case text, held back while it has
//! identifiers, shown to its owner to confirm (with the consent basis where
//! the flow asks), then posted in the thread — and the round moves on.

use super::answer;
use super::answering::store;
use super::effect::Effect;
use super::enter::advance;
use super::flow::{Flow, Step, StepKind};
use super::ids::UserRef;
use super::message::{Block, Message};
use super::msg;
use super::pii;
use super::round::{Round, TEXT};
use chrono::{DateTime, Utc};

type Result<T> = std::result::Result<T, super::effect::Rejection>;

#[allow(clippy::too_many_arguments)]
pub(super) fn intake(
    r: &mut Round,
    step: &Step,
    by: &UserRef,
    text: &str,
    hits: &[pii::Hit],
    now: DateTime<Utc>,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) -> Result<()> {
    let needs_consent = matches!(step.kind, StepKind::Intake { consent: true });
    if !hits.is_empty() {
        // Only the pseudonymised case is kept; confirming posts that.
        let (masked, m) = hold(text, hits, needs_consent);
        fx.push(Effect::private(by, m));
        r.intake_draft = Some(masked);
        return Ok(());
    }
    let given = answer::consent(text);
    let confirmed = match (needs_consent, given) {
        (true, Some(_)) => true,
        (true, None) if answer::is_yes(text) && r.intake_draft.is_some() => {
            // A plain yes is not enough here: say what is asked.
            fx.push(Effect::private(
                by,
                Message::line(msg::INTAKE_CONSENT_NEEDED.msg()),
            ));
            return Ok(());
        }
        (true, None) => false,
        (false, _) => answer::is_yes(text),
    };
    match r.intake_draft.take() {
        Some(draft) if confirmed => {
            r.consent = given.filter(|_| needs_consent);
            let note = msg::INTAKE_POSTED.msg();
            post_case(r, step, by, draft, note, now, flow, fx);
        }
        _ => {
            let (case, m) = to_confirm(text, needs_consent);
            fx.push(Effect::private(by, m));
            r.intake_draft = Some(case);
        }
    }
    Ok(())
}

/// A case as received, and the message that shows it to its owner to
/// confirm (with the consent basis, where the flow asks).
pub(super) fn to_confirm(text: &str, needs_consent: bool) -> (String, Message) {
    let case = text.trim().to_string();
    let mut m = Message::line(if needs_consent {
        msg::INTAKE_CONFIRM_CONSENT.msg()
    } else {
        msg::INTAKE_CONFIRM.msg()
    });
    m.push(Block::Quote(case.clone()));
    (case, m)
}

/// A case with identifiers in it: the masked version (all that is kept)
/// and the message that shows it to its owner to confirm.
pub(super) fn hold(text: &str, hits: &[pii::Hit], needs_consent: bool) -> (String, Message) {
    let masked = pii::mask(text, hits).trim().to_string();
    let mut m = Message::line(pii::found(hits));
    m.push(Block::Line(if needs_consent {
        msg::PII_INTAKE_CONSENT.msg()
    } else {
        msg::PII_INTAKE.msg()
    }));
    m.push(Block::Quote(masked.clone()));
    (masked, m)
}

/// Posts the confirmed case in the thread as the intake's answer, tells
/// its owner (`note`), and moves on.
#[allow(clippy::too_many_arguments)]
pub(super) fn post_case(
    r: &mut Round,
    step: &Step,
    by: &UserRef,
    case: String,
    note: super::message::MessageRef,
    now: DateTime<Utc>,
    flow: &Flow,
    fx: &mut Vec<Effect>,
) {
    let owner = r.name_of(by);
    let mut m = Message::default();
    m.push(Block::Heading(msg::CASE_HEADING.msg().text("name", owner)));
    m.push(Block::Quote(case.clone()));
    fx.push(Effect::thread(m));
    fx.push(Effect::private(by, Message::line(note)));
    store(r, step, by, now, |a| {
        a.fields.insert(TEXT.to_string(), case);
    });
    advance(r, now, flow, fx);
}
