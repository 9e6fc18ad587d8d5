//! Read-only views of how far a step is: whose answers are complete, and
//! whether an intake still waits for consent. Nothing here changes a round.

use super::flow::{ChoiceSource, Flow, Step, StepKind};
use super::pairs::answered;
use super::round::{Answer, Round};

/// Whether an answer has everything the step asks for.
pub fn complete(step: &Step, a: &Answer) -> bool {
    match &step.kind {
        StepKind::Prompt { fields, .. } if !fields.is_empty() => {
            fields.iter().all(|f| a.fields.contains_key(&f.id))
        }
        StepKind::Reflect { questions, .. } => {
            questions.iter().all(|q| a.scores.contains_key(&q.id))
        }
        StepKind::Choose {
            options: ChoiceSource::Fixed(options),
            ..
        } if step.all_needed => a.picks.len() == options.len(),
        StepKind::Choose { .. } => !a.picks.is_empty(),
        // Free text: any answer is a whole one.
        StepKind::Prompt { .. }
        | StepKind::Intake { .. }
        | StepKind::Reveal { .. }
        | StepKind::AssignRoles { .. }
        | StepKind::Discuss { .. }
        | StepKind::Actions
        | StepKind::Review
        | StepKind::Summary => true,
    }
}

/// How many of those expected have answered completely (a pair's answer
/// counting for both).
pub fn progress(r: &Round, step: &Step) -> (usize, usize) {
    let expected = r.expected(&step.who);
    let done = expected.iter().filter(|u| answered(r, step, u)).count();
    (done, expected.len())
}

/// Those expected to answer `step` whose answer is missing or incomplete.
pub fn missing(r: &Round, step: &Step) -> Vec<super::ids::UserRef> {
    r.expected(&step.who)
        .into_iter()
        .filter(|u| !answered(r, step, u))
        .collect()
}

/// The case owner's name, while the current step is an intake that needs
/// their consent confirmation and the case is not posted yet.
pub fn awaiting_consent(r: &Round, flow: &Flow) -> Option<String> {
    let step = r.current(flow)?;
    let waiting = matches!(step.kind, StepKind::Intake { consent: true })
        && r.answers_to(&step.id).next().is_none();
    waiting.then(|| r.owner.as_ref().map(|o| r.name_of(o)).unwrap_or_default())
}
