//! Step options read apart from the step kinds: who a step asks, the case
//! owner's replies, what an empty step does, what a choice decides (the
//! case owner, going back, every condition met) and answering as pairs.

use super::node::{Reader, Table};
use crate::core::flow::{ChoiceSource, Pairs, Step, StepKind, Who};
use crate::core::ids::RoleId;

/// The keys `extras` reads, allowed on every step kind (each checks its own).
pub(super) const EXTRA_KEYS: &[&str] = &[
    "owner_replies",
    "when_empty",
    "sets_owner",
    "back_to",
    "back_if",
    "pairs",
    "all_needed",
];

pub(super) struct Extras {
    pub owner_replies: bool,
    pub go_on_empty: bool,
    pub sets_owner: bool,
    pub back: Option<(usize, u32)>,
    pub pairs: Pairs,
    pub all_needed: bool,
}

pub(super) fn extras(
    rd: &mut Reader,
    t: &Table,
    kind: &StepKind,
    who: &Who,
    earlier: &[Step],
) -> Extras {
    let at = |key: &str| {
        t.get(key)
            .map(|n| n.span.clone())
            .unwrap_or(t.node.span.clone())
    };
    let owner_replies = rd.bool(t, "owner_replies", false);
    let open_prompt = matches!(kind, StepKind::Prompt { blind: false, .. });
    if owner_replies && (who != &Who::Others || !open_prompt) {
        rd.error(
            &at("owner_replies"),
            "`owner_replies` is for an open step asked of the others (`who = \"others\"`)",
        );
    }
    let go_on_empty = match rd.str(t, "when_empty", false) {
        None => false,
        Some((w, at)) => match w.as_str() {
            "wait" => false,
            "go-on" => true,
            _ => {
                rd.error(
                    &at,
                    format!("`when_empty` = \"{w}\" is not one of: wait, go-on"),
                );
                false
            }
        },
    };
    let sets_owner = rd.bool(t, "sets_owner", false);
    if sets_owner
        && !matches!(
            kind,
            StepKind::Choose {
                options: ChoiceSource::AnswersOf(_),
                multiple: false,
                ..
            }
        )
    {
        rd.error(
            &at("sets_owner"),
            "`sets_owner` is for a choose step of one option `from` an earlier step's answers",
        );
    }
    let all_needed = rd.bool(t, "all_needed", false);
    if all_needed
        && !matches!(
            kind,
            StepKind::Choose {
                options: ChoiceSource::Fixed(_),
                multiple: true,
                ..
            }
        )
    {
        rd.error(
            &at("all_needed"),
            "`all_needed` is for a choose step of fixed `options` with `multiple = true`",
        );
    }
    let pairs = pairs(rd, t, kind, who, earlier);
    Extras {
        owner_replies,
        go_on_empty,
        sets_owner,
        back: back(rd, t, kind, earlier),
        pairs,
        all_needed,
    }
}

/// `pairs = "form"`: opening the step pairs people up (a social worker with
/// a client manager); `pairs = "together"`: a pair formed earlier answers
/// once for both. Either way the step must be one everybody answers.
fn pairs(rd: &mut Reader, t: &Table, kind: &StepKind, who: &Who, earlier: &[Step]) -> Pairs {
    let Some((word, at)) = rd.str(t, "pairs", false) else {
        return Pairs::Apart;
    };
    let pairs = match word.as_str() {
        "form" => Pairs::Form,
        "together" => Pairs::Together,
        _ => {
            rd.error(
                &at,
                format!("`pairs` = \"{word}\" is not one of: form, together"),
            );
            return Pairs::Apart;
        }
    };
    let answered = matches!(kind, StepKind::Prompt { .. } | StepKind::Choose { .. });
    if !answered || who != &Who::All {
        rd.error(
            &at,
            "`pairs` is for a prompt or choose step asked of everyone",
        );
    }
    if pairs == Pairs::Together && !earlier.iter().any(|s| s.pairs == Pairs::Form) {
        rd.error(
            &at,
            "`pairs = \"together\"` needs an earlier step with `pairs = \"form\"`",
        );
    }
    pairs
}

pub(super) fn who(w: &str) -> Option<Who> {
    Some(match w {
        "all" => Who::All,
        "owner" => Who::Owner,
        "others" => Who::Others,
        "coordinator" => Who::Coordinator,
        _ => Who::Role(RoleId::new(w.strip_prefix("role:")?)),
    })
}

/// `back_to = "facts"`, `back_if = 2`: a choose step of fixed options that
/// sends the round back to an earlier step when most pick that option.
fn back(rd: &mut Reader, t: &Table, kind: &StepKind, earlier: &[Step]) -> Option<(usize, u32)> {
    let to = rd.str(t, "back_to", false);
    let option = t.get("back_if").map(|_| rd.int(t, "back_if"));
    let (to, at) = match (to, option) {
        (None, None) => return None,
        (Some(to), Some(Some(n))) => (to, n),
        _ => {
            rd.error(&t.node.span, "`back_to` and `back_if` go together");
            return None;
        }
    };
    let StepKind::Choose {
        options: ChoiceSource::Fixed(options),
        multiple: false,
        ..
    } = kind
    else {
        rd.error(
            &to.1,
            "`back_to` is for a choose step of fixed `options`, one to pick",
        );
        return None;
    };
    let Some(idx) = earlier.iter().position(|s| s.id == to.0) else {
        rd.error(
            &to.1,
            format!("`back_to` = \"{}\" is not an earlier step", to.0),
        );
        return None;
    };
    match u32::try_from(at) {
        Ok(n) if n >= 1 && n as usize <= options.len() => Some((idx, n)),
        _ => {
            rd.error(
                &t.node.span,
                format!(
                    "`back_if` must be an option number from 1 to {}",
                    options.len()
                ),
            );
            None
        }
    }
}
