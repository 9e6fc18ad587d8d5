//! One flow file -> a validated `Flow`, with every error and its place.

use super::fields::fields;
use super::node::{Node, Reader, Table};
use super::step_options::{extras, who, EXTRA_KEYS};
use super::{FluentRef, SourceFile};
use crate::core::flow::{ChoiceSource, EndRule, Flow, Roles, Step, StepKind, Voice, Who};
use crate::core::span::Span;
use std::collections::BTreeMap;
use std::ops::Range;

const TOP_KEYS: &[&str] = &[
    "id",
    "version",
    "name",
    "description",
    "deadline",
    "remind",
    "step",
];
const COMMON: &[&str] = &[
    "id", "kind", "title", "prompt", "who", "end", "deadline", "remind", "voice",
];
/// Variables a step prompt may use.
pub const PROMPT_VARS: &[&str] = &["owner"];

/// Collects the Fluent ids a file names, with their places.
pub(super) struct Refs<'a> {
    pub file: &'a SourceFile,
    pub list: &'a mut Vec<FluentRef>,
}

impl Refs<'_> {
    pub fn add(&mut self, id: &str, at: &Range<usize>, vars: &'static [&'static str]) {
        self.list.push(FluentRef {
            id: id.to_string(),
            at: at.clone(),
            vars,
            file: self.file.path.clone(),
        });
    }

    /// Reads a required message id from `t[key]`.
    pub fn read(
        &mut self,
        rd: &mut Reader,
        t: &Table,
        key: &str,
        vars: &'static [&'static str],
    ) -> Option<String> {
        let (id, at) = rd.str(t, key, true)?;
        self.add(&id, &at, vars);
        Some(id)
    }
}

/// What a parsed file yields: the flow (if it held together) and the Fluent ids
/// it refers to, for the locale check.
pub struct Parsed {
    pub flow: Option<Flow>,
    pub refs: Vec<FluentRef>,
}

pub fn flow(
    file: &SourceFile,
    root: &Node,
    roles: &Roles,
    frames: &crate::frames::Frames,
    rd: &mut Reader,
) -> Parsed {
    let mut refs = Vec::new();
    let Some(top) = rd.table(root, "a flow file") else {
        return Parsed { flow: None, refs };
    };
    let id = rd.str(&top, "id", true);
    if let Some((id, at)) = &id {
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            rd.error(at, format!("flow id `{id}` may only use a-z, 0-9 and -"));
        }
    }
    let version = rd
        .int(&top, "version")
        .filter(|v| (1..=u32::MAX as i64).contains(v));
    let mut fluent = Refs {
        file,
        list: &mut refs,
    };
    let name = fluent.read(rd, &top, "name", &[]);
    let description = fluent.read(rd, &top, "description", &[]);
    let default_deadline = rd.span(&top, "deadline");
    let default_remind = rd.span(&top, "remind");
    let step_nodes = rd.list(&top, "step").unwrap_or_default();
    if step_nodes.is_empty() {
        rd.error(&top.node.span, "a flow needs at least one [[step]]");
    }
    rd.unknown_keys(&top, "the flow", TOP_KEYS);

    let mut steps: Vec<Step> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut ok = true;
    for (i, node) in step_nodes.iter().enumerate() {
        let Some(t) = rd.table(node, "a step") else {
            ok = false;
            continue;
        };
        let before = rd.errors.len();
        let step = one_step(
            &t,
            i,
            &index,
            &steps,
            roles,
            default_deadline,
            default_remind,
            rd,
            &mut fluent,
        );
        if let Some(step) = step.filter(|_| rd.errors.len() == before) {
            if index.insert(step.id.clone(), steps.len()).is_some() {
                let at = t
                    .get("id")
                    .map(|n| n.span.clone())
                    .unwrap_or(node.span.clone());
                rd.error(&at, format!("step id `{}` is used twice", step.id));
            }
            steps.push(step);
        } else {
            ok = false;
        }
    }
    let flow = match (id, version, name, description, ok && rd.errors.is_empty()) {
        (Some((id, _)), Some(version), Some(name), Some(description), true) => Some(Flow {
            id,
            version: version as u32,
            name,
            description,
            steps,
            roles: roles.clone(),
            frames: frames.clone(),
        }),
        _ => None,
    };
    Parsed { flow, refs }
}

#[allow(clippy::too_many_arguments)]
fn one_step(
    t: &Table,
    i: usize,
    index: &BTreeMap<String, usize>,
    earlier: &[Step],
    roles: &Roles,
    default_deadline: Option<Span>,
    default_remind: Option<Span>,
    rd: &mut Reader,
    fluent: &mut Refs,
) -> Option<Step> {
    let id = rd
        .str(t, "id", true)
        .map(|(s, _)| s)
        .unwrap_or_else(|| format!("step-{}", i + 1));
    let kind_word = rd.str(t, "kind", true);
    let title = fluent.read(rd, t, "title", &[]);
    let prompt = fluent.read(rd, t, "prompt", PROMPT_VARS);
    let own_deadline = rd.span(t, "deadline");
    let flow_deadline = own_deadline.is_none() && default_deadline.is_some();
    let deadline = own_deadline.or(default_deadline);
    let remind = rd.span(t, "remind").or(default_remind);
    let (kind_word, kind_at) = kind_word?;
    // Reads a reference to an earlier step by id.
    let earlier_step =
        |rd: &mut Reader, key: &str, required: bool| -> Option<(usize, Range<usize>)> {
            let (name, at) = rd.str(t, key, required)?;
            match index.get(&name) {
                Some(&i) => Some((i, at)),
                None => {
                    let later = "it must name a step that comes before this one";
                    rd.error(
                        &at,
                        format!("`{key}` = \"{name}\" is not an earlier step: {later}"),
                    );
                    None
                }
            }
        };
    let (kind, extra): (StepKind, &[&str]) = match kind_word.as_str() {
        "intake" => {
            let consent = rd.bool(t, "consent", false);
            (StepKind::Intake { consent }, &["consent"])
        }
        "prompt" => {
            let blind = rd.bool(t, "blind", false);
            let fields = fields(rd, t, "fields", fluent);
            (StepKind::Prompt { blind, fields }, &["blind", "fields"])
        }
        "reveal" => {
            let anonymous = rd.bool(t, "anonymous", false);
            let of = earlier_step(rd, "of", true);
            if let Some((of, at)) = &of {
                let shown = matches!(earlier[*of].kind, StepKind::Prompt { .. })
                    || matches!(
                        earlier[*of].kind,
                        StepKind::Choose {
                            options: ChoiceSource::Frames,
                            ..
                        }
                    );
                if !earlier[*of].blind() || !shown {
                    rd.error(
                        at,
                        format!(
                            "`of` must name a blind prompt step, or a blind choice of frames (shown as each side's profile); `{}` is neither",
                            earlier[*of].id
                        ),
                    );
                }
            }
            (
                StepKind::Reveal {
                    of: of.map(|o| o.0).unwrap_or(0),
                    anonymous,
                },
                &["of", "anonymous"],
            )
        }
        "assign-roles" => {
            let client = rd.bool(t, "client", false);
            let chair_plays = rd.bool(t, "chair_plays", false);
            if client && roles.client.is_none() {
                rd.error(
                    &t.node.span,
                    "`client = true` needs a [client] role in professions.toml",
                );
            }
            let cards = earlier_step(rd, "cards", false);
            if let Some((c, at)) = &cards {
                if !matches!(earlier[*c].kind, StepKind::Prompt { blind: true, .. }) {
                    rd.error(
                        at,
                        format!(
                            "`cards` must name a blind prompt step; `{}` is not one",
                            earlier[*c].id
                        ),
                    );
                }
            }
            (
                StepKind::AssignRoles {
                    client,
                    hand_cards_from: cards.map(|c| c.0),
                    chair_plays,
                },
                &["client", "cards", "chair_plays"],
            )
        }
        "discuss" => {
            let listen = rd.str(t, "listen_only", false);
            let owner_listens = match &listen {
                None => false,
                Some((w, _)) if w == "owner" => true,
                Some((w, at)) => {
                    rd.error(
                        at,
                        format!(
                            "`listen_only` = \"{w}\": only \"owner\" can be set to listen only"
                        ),
                    );
                    false
                }
            };
            (StepKind::Discuss { owner_listens }, &["listen_only"])
        }
        "choose" => {
            let multiple = rd.bool(t, "multiple", false);
            let blind = rd.bool(t, "blind", false);
            let from = earlier_step(rd, "from", false);
            let tag_frames = rd.bool(t, "frames", false);
            let fixed: Vec<String> = rd
                .strings(t, "options")
                .into_iter()
                .map(|(o, at)| {
                    fluent.add(&o, &at, &[]);
                    o
                })
                .collect();
            let options = match (from, fixed.is_empty()) {
                _ if tag_frames => ChoiceSource::Frames,
                (Some((i, _)), true) if matches!(earlier[i].kind, StepKind::AssignRoles { .. }) => {
                    ChoiceSource::Visitors
                }
                (Some((i, at)), true) => {
                    if !earlier[i].collects() {
                        rd.error(
                            &at,
                            format!(
                                "`from` must name a step that collects answers, or one that hands out roles; `{}` is neither",
                                earlier[i].id
                            ),
                        );
                    }
                    ChoiceSource::AnswersOf(i)
                }
                (None, false) => ChoiceSource::Fixed(fixed),
                (Some(_), false) => {
                    rd.error(
                        &t.node.span,
                        "a choose step takes `options` or `from`, not both",
                    );
                    ChoiceSource::Fixed(fixed)
                }
                (None, true) => {
                    rd.error(
                        &t.node.span,
                        "a choose step needs `options` (message ids) or `from` (an earlier step)",
                    );
                    ChoiceSource::Fixed(fixed)
                }
            };
            (
                StepKind::Choose {
                    options,
                    multiple,
                    blind,
                },
                &["options", "from", "frames", "multiple", "blind"],
            )
        }
        "actions" => (StepKind::Actions, &[]),
        "review" => (StepKind::Review, &[]),
        "reflect" => {
            let anonymous = rd.bool(t, "anonymous", true);
            let questions = fields(rd, t, "questions", fluent);
            if questions.is_empty() {
                rd.error(&t.node.span, "a reflect step needs `questions`");
            }
            (
                StepKind::Reflect {
                    questions,
                    anonymous,
                },
                &["questions", "anonymous"],
            )
        }
        "summary" => (StepKind::Summary, &[]),
        other => {
            rd.error(
                &kind_at,
                format!("unknown step kind `{other}` (known: intake, prompt, reveal, assign-roles, discuss, choose, actions, review, reflect, summary)"),
            );
            return None;
        }
    };
    let voice = match rd.str(t, "voice", false) {
        None => Voice::Own,
        Some((v, at)) => match v.as_str() {
            "own" => Voice::Own,
            "in-role" => Voice::InRole,
            "about-others" => Voice::AboutOthers,
            _ => {
                rd.error(
                    &at,
                    format!("`voice` = \"{v}\" is not one of: own, in-role, about-others"),
                );
                Voice::Own
            }
        },
    };
    let who = match rd.str(t, "who", false) {
        None if matches!(kind, StepKind::Intake { .. }) => Who::Owner,
        None => Who::All,
        Some((w, at)) => who(&w).unwrap_or_else(|| {
            rd.error(
                &at,
                format!(
                    "`who` = \"{w}\" is not one of: all, owner, others, coordinator, role:<role>"
                ),
            );
            Who::All
        }),
    };
    if let Who::Role(r) = &who {
        if roles.get(r).is_none() {
            let at = t
                .get("who")
                .map(|n| n.span.clone())
                .unwrap_or(t.node.span.clone());
            rd.error(
                &at,
                format!("`who` names role `{r}`, which professions.toml does not define"),
            );
        }
    }
    let end_default = match kind {
        StepKind::Discuss { .. } | StepKind::Actions if deadline.is_some() => EndRule::Deadline,
        StepKind::Discuss { .. } | StepKind::Actions => EndRule::Coordinator,
        StepKind::Intake { .. }
        | StepKind::Prompt { .. }
        | StepKind::Reveal { .. }
        | StepKind::AssignRoles { .. }
        | StepKind::Choose { .. }
        | StepKind::Review
        | StepKind::Reflect { .. }
        | StepKind::Summary => EndRule::AllAnswered,
    };
    let end = match rd.str(t, "end", false) {
        None => end_default,
        Some((e, at)) => match e.as_str() {
            "all" | "all-answered" => EndRule::AllAnswered,
            "deadline" => {
                if deadline.is_none() {
                    rd.error(
                        &at,
                        "`end = \"deadline\"` needs a `deadline` (on the step or the flow)",
                    );
                }
                EndRule::Deadline
            }
            "coordinator" => EndRule::Coordinator,
            _ => {
                rd.error(
                    &at,
                    format!("`end` = \"{e}\" is not one of: all, deadline, coordinator"),
                );
                EndRule::AllAnswered
            }
        },
    };
    let extras = extras(rd, t, &kind, &who, earlier);
    let mut allowed: Vec<&str> = COMMON.to_vec();
    allowed.extend_from_slice(EXTRA_KEYS);
    allowed.extend_from_slice(extra);
    rd.unknown_keys(t, &format!("a {kind_word} step"), &allowed);
    Some(Step {
        id,
        kind,
        title: title?,
        prompt: prompt?,
        who,
        end,
        deadline,
        flow_deadline,
        remind,
        voice,
        owner_replies: extras.owner_replies,
        go_on_empty: extras.go_on_empty,
        sets_owner: extras.sets_owner,
        back: extras.back,
        pairs: extras.pairs,
        all_needed: extras.all_needed,
    })
}
