//! Step options read apart from the step kinds: who a step asks, and
//! where a choice can send the round back to.

use super::node::{Reader, Table};
use crate::core::flow::{ChoiceSource, Step, StepKind, Who};
use crate::core::ids::RoleId;

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
pub(super) fn back(
    rd: &mut Reader,
    t: &Table,
    kind: &StepKind,
    earlier: &[Step],
) -> Option<(usize, u32)> {
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
