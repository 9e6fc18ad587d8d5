//! What the bot shows about a round's answers: the reveal, the status, the
//! round's record (summary) — respecting blindness and anonymity everywhere.

use super::anonymous;
use super::flow::{ChoiceSource, Flow, Step, StepKind};
use super::ids::Locale;
use super::message::{Arg, Block, Message, MessageRef};
use super::msg;
use super::progress::progress;
use super::round::{ActionItem, Answer, Round, Status, TEXT};
use chrono::{DateTime, Utc};

/// "Name (profession)" for an answer's author.
fn author(r: &Round, flow_roles: &super::flow::Roles, a: &Answer) -> MessageRef {
    let p = r.participants.iter().find(|p| p.user == a.by);
    let name = p.map(|p| p.name.clone()).unwrap_or_else(|| a.by.id.clone());
    let prof = p
        .and_then(|p| flow_roles.get(&p.profession))
        .map(|i| i.name.clone())
        .unwrap_or_else(|| "profession-other".to_string());
    msg::AUTHOR_LINE
        .msg()
        .text("name", name)
        .msg("profession", prof)
}

/// Answers in roster (join) order, for named output.
fn in_roster<'a>(r: &Round, answers: impl Iterator<Item = &'a Answer>) -> Vec<&'a Answer> {
    let mut v: Vec<&Answer> = answers.collect();
    v.sort_by_key(|a| r.participants.iter().position(|p| p.user == a.by));
    v
}

/// The blind answers of `src`, side by side per field.
pub fn reveal(r: &Round, flow: &Flow, src: &Step, anonymous: bool, m: &mut Message) {
    let anonymous = anonymous || src.anonymous_in(flow);
    let answers: Vec<&Answer> = r.answers_to(&src.id).filter(|a| !a.removed).collect();
    let removed = removed_line(r, &src.id);
    if answers.is_empty() {
        m.push(Block::Line(msg::REVEAL_NONE.msg()));
        m.blocks.extend(removed);
        return;
    }
    if anonymous && anonymous::too_few(answers.len()) {
        m.push(Block::Line(too_few_line(answers.len())));
        m.blocks.extend(removed);
        return;
    }
    let fields: Vec<(String, Option<String>)> = if src.fields().is_empty() {
        vec![(TEXT.to_string(), None)]
    } else {
        src.fields()
            .iter()
            .map(|f| (f.id.clone(), Some(f.label.clone())))
            .collect()
    };
    for (id, label) in fields {
        if let Some(label) = label {
            m.push(Block::Heading(msg::REVEAL_FIELD.msg().msg("label", label)));
        }
        for a in ordered(r, &src.id, &id, anonymous, &answers) {
            let Some(text) = a.fields.get(&id) else {
                continue;
            };
            m.push(Block::Item(answer_line(r, &flow.roles, a, anonymous, text)));
        }
    }
    m.blocks.extend(removed);
}

/// Named answers in roster order; anonymous ones per question in an order
/// of that question's own.
fn ordered<'a>(
    r: &Round,
    step: &str,
    field: &str,
    anonymous: bool,
    answers: &[&'a Answer],
) -> Vec<&'a Answer> {
    if anonymous {
        anonymous::order(r, step, field, answers.iter().copied())
    } else {
        in_roster(r, answers.iter().copied())
    }
}

fn field_line(label: &str, text: &str) -> MessageRef {
    msg::FIELD_LINE
        .msg()
        .msg("label", label.to_string())
        .text("text", text.to_string())
}

/// An anonymous step's answers in the record: field by field, each in an
/// order of its own, so one answer gives away no other; or only their number
/// when too few answered.
fn anonymous_answers(r: &Round, step: &Step, answers: &[&Answer], m: &mut Message) {
    if anonymous::too_few(answers.len()) {
        m.push(Block::Line(too_few_line(answers.len())));
        return;
    }
    if step.fields().is_empty() {
        for a in anonymous::order(r, &step.id, TEXT, answers.iter().copied()) {
            if let Some(t) = a.fields.get(TEXT) {
                m.push(Block::Item(
                    msg::ANSWER_ANONYMOUS.msg().text("text", t.clone()),
                ));
            }
        }
        return;
    }
    for f in step.fields() {
        for a in anonymous::order(r, &step.id, &f.id, answers.iter().copied()) {
            if let Some(t) = a.fields.get(&f.id) {
                m.push(Block::Item(field_line(&f.label, t)));
            }
        }
    }
}

/// "Only 2 answered: too few to show anonymous answers", with the count.
fn too_few_line(n: usize) -> MessageRef {
    msg::ANONYMOUS_TOO_FEW
        .msg()
        .num("count", n as i64)
        .num("min", anonymous::MIN_ANSWERS as i64)
}

/// "2 answers were removed at their authors' request", if any were.
fn removed_line(r: &Round, step: &str) -> Option<Block> {
    let n = r.answers_to(step).filter(|a| a.removed).count();
    (n > 0).then(|| Block::Item(msg::ANSWERS_REMOVED.msg().num("count", n as i64)))
}

fn answer_line(
    r: &Round,
    roles: &super::flow::Roles,
    a: &Answer,
    anonymous: bool,
    text: &str,
) -> MessageRef {
    if anonymous {
        msg::ANSWER_ANONYMOUS.msg().text("text", text)
    } else {
        msg::ANSWER_NAMED
            .msg()
            .text("text", text)
            .with_author(author(r, roles, a))
    }
}

trait WithAuthor {
    fn with_author(self, who: MessageRef) -> MessageRef;
}

impl WithAuthor for MessageRef {
    /// Adds the author's name and profession to this message's arguments.
    fn with_author(mut self, who: MessageRef) -> MessageRef {
        self.args.extend(who.args);
        self
    }
}

/// The options a `choose` step offers, as message arguments.
pub fn options(r: &Round, flow: &Flow, src: &ChoiceSource) -> Vec<Arg> {
    match src {
        ChoiceSource::Fixed(ids) => ids.iter().map(|i| Arg::Msg(i.clone())).collect(),
        ChoiceSource::Frames => frame_options(flow),
        ChoiceSource::AnswersOf(idx) => answered_options(r, flow, *idx)
            .into_iter()
            .map(|(_, line)| Arg::Text(line))
            .collect(),
        ChoiceSource::Visitors => {
            let mut out: Vec<Arg> = visitors(r)
                .into_iter()
                .map(|a| {
                    let role = flow
                        .roles
                        .get(&a.role)
                        .map(|i| Arg::Msg(i.name.clone()))
                        .unwrap_or_else(|| Arg::Text(a.role.0.clone()));
                    Arg::Seq(vec![Arg::Text(r.name_of(&a.player)), role])
                })
                .collect();
            out.push(Arg::Msg(msg::OPTION_ALL_PASSED.id.to_string()));
            out
        }
    }
}

/// Those who play a role, in roster order (the options of a `Visitors` choice).
pub fn visitors(r: &Round) -> Vec<&super::round::RoleAssignment> {
    let mut out: Vec<_> = r.roles.iter().collect();
    out.sort_by_key(|a| r.participants.iter().position(|p| p.user == a.player));
    out
}

/// Who wrote each of `options` (for options taken from earlier answers; in
/// the same order), else nobody.
pub fn option_authors(r: &Round, flow: &Flow, src: &ChoiceSource) -> Vec<super::ids::UserRef> {
    match src {
        ChoiceSource::AnswersOf(idx) => answered_options(r, flow, *idx)
            .into_iter()
            .map(|(by, _)| by)
            .collect(),
        ChoiceSource::Visitors => visitors(r).into_iter().map(|a| a.player.clone()).collect(),
        ChoiceSource::Fixed(_) | ChoiceSource::Frames => Vec::new(),
    }
}

/// Each line of the answers to step `idx` as an option, with its writer:
/// only answers of those the step asked (not the owner's replies).
fn answered_options(r: &Round, flow: &Flow, idx: usize) -> Vec<(super::ids::UserRef, String)> {
    let step = &flow.steps[idx];
    in_roster(r, r.answers_to(&step.id))
        .into_iter()
        .filter(|a| r.acts(&step.who, &a.by))
        .flat_map(|a| {
            a.fields
                .values()
                .flat_map(|v| v.lines())
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .map(|l| (a.by.clone(), l.to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The frames people can tag themselves with (not the relational ones).
pub fn frame_options(flow: &Flow) -> Vec<Arg> {
    flow.frames
        .frames
        .iter()
        .filter(|f| f.level != crate::frames::Level::Relational)
        .map(|f| Arg::Msg(f.name.clone()))
        .collect()
}

/// What each of `frame_options` means, in the same order (Fluent ids).
pub fn frame_descriptions(flow: &Flow) -> Vec<String> {
    flow.frames
        .frames
        .iter()
        .filter(|f| f.level != crate::frames::Level::Relational)
        .map(|f| f.description.clone())
        .collect()
}

pub fn action_line(a: &ActionItem) -> MessageRef {
    msg::ACTION_LINE
        .msg()
        .text("what", a.what.clone())
        .text("who", a.who.clone())
        .text("when", a.when.clone())
}

/// `!brug status`: step n of m, who answered (names or a count), deadline.
pub fn status(r: &Round, flow: &Flow, now: DateTime<Utc>) -> Message {
    let mut m = Message::default();
    m.push(Block::Heading(
        msg::STATUS_HEADING
            .msg()
            .text("round", r.id.to_string())
            .text("title", r.title.clone())
            .msg("flow", flow.name.clone()),
    ));
    match (r.status, r.current(flow)) {
        (Status::Closed, _) | (_, None) => m.push(Block::Line(msg::STATUS_CLOSED.msg())),
        (Status::Cancelled, _) => m.push(Block::Line(msg::STATUS_CANCELLED.msg())),
        (status, Some(step)) => {
            m.push(Block::Line(
                msg::STATUS_STEP
                    .msg()
                    .num("n", r.step as i64 + 1)
                    .num("total", flow.steps.len() as i64)
                    .msg("step", step.title.clone()),
            ));
            if step.collects() {
                let (done, total) = progress(r, step);
                let names: Vec<Arg> = r
                    .expected(&step.who)
                    .iter()
                    .filter(|u| super::pairs::answered(r, step, u))
                    .map(|u| Arg::Text(r.name_of(u)))
                    .collect();
                let line = msg::STATUS_ANSWERED
                    .msg()
                    .num("answered", done as i64)
                    .num("total", total as i64);
                let away: Vec<Arg> = r
                    .active()
                    .filter(|p| p.away_until.is_some())
                    .map(|p| Arg::Text(p.name.clone()))
                    .collect();
                if !away.is_empty() {
                    m.push(Block::Line(
                        msg::STATUS_AWAY.msg().arg("names", Arg::List(away)),
                    ));
                }
                m.push(Block::Line(
                    if step.anonymous_in(flow) || names.is_empty() {
                        line
                    } else {
                        line.arg("names", Arg::List(names))
                            .with_id(msg::STATUS_ANSWERED_NAMES.id)
                    },
                ));
            }
            if status == Status::Paused {
                m.push(Block::Line(msg::STATUS_PAUSED.msg()));
            } else if let Some(d) = r.timers.deadline.filter(|d| *d > now) {
                m.push(Block::Line(msg::STEP_DEADLINE.msg().time("deadline", d)));
            }
        }
    }
    m
}

/// The round's record: every step's answers side by side, by person and
/// profession (anonymous steps without names), then the agreed actions.
/// The round's close in its thread: the agreed actions, and how to get the
/// full record.
pub fn close(r: &Round, flow: &Flow, m: &mut Message) {
    actions(r, flow, m);
    m.push(Block::Line(
        msg::RECORD_BY_EXPORT
            .msg()
            .text("round", r.id.to_string())
            .num("days", i64::from(r.retention_days)),
    ));
}

pub fn record(r: &Round, flow: &Flow, m: &mut Message) {
    m.push(Block::Line(
        msg::RECORD_INTRO.msg().text("title", r.title.clone()),
    ));
    if let Some(c) = r.consent {
        let basis = match c {
            super::round::Consent::Pseudonymised => msg::CONSENT_PSEUDONYMISED.id,
            super::round::Consent::ClientConsent => msg::CONSENT_CLIENT.id,
        };
        m.push(Block::Line(msg::RECORD_CONSENT.msg().msg("basis", basis)));
    }
    for step in flow.steps.iter().take(r.step) {
        if !step.collects() || matches!(step.kind, StepKind::Actions) || step.never_revealed(flow) {
            continue;
        }
        let answers: Vec<&Answer> = r.answers_to(&step.id).filter(|a| !a.removed).collect();
        m.push(Block::Heading(
            msg::RECORD_STEP.msg().msg("step", step.title.clone()),
        ));
        let removed = removed_line(r, &step.id);
        if answers.is_empty() {
            if removed.is_none() {
                m.push(Block::Line(msg::RECORD_NO_ANSWERS.msg()));
            }
            m.blocks.extend(removed);
            continue;
        }
        m.blocks.extend(removed);
        match &step.kind {
            StepKind::Reflect {
                questions,
                anonymous,
            } => {
                // Too few for anonymity: the averages and counts only.
                if *anonymous && anonymous::too_few(answers.len()) {
                    m.push(Block::Line(too_few_line(answers.len())));
                }
                for q in questions {
                    let scores: Vec<u8> = answers
                        .iter()
                        .filter_map(|a| a.scores.get(&q.id).copied())
                        .collect();
                    if scores.is_empty() {
                        continue;
                    }
                    let sum: u32 = scores.iter().map(|&s| u32::from(s)).sum();
                    let tenths = (sum * 10 + scores.len() as u32 / 2) / scores.len() as u32;
                    m.push(Block::Item(
                        msg::SCORE_LINE
                            .msg()
                            .msg("label", q.label.clone())
                            .text("average", decimal(tenths, r.locale))
                            .num("count", scores.len() as i64),
                    ));
                    if *anonymous && anonymous::too_few(answers.len()) {
                        continue;
                    }
                    for a in ordered(r, &step.id, &q.id, *anonymous, &answers) {
                        if let Some(t) = a.fields.get(&q.id) {
                            m.push(Block::SubItem(answer_line(
                                r,
                                &flow.roles,
                                a,
                                *anonymous,
                                t,
                            )));
                        }
                    }
                }
            }
            StepKind::Choose { options: src, .. } => {
                let opts = options(r, flow, src);
                for a in in_roster(r, answers.into_iter()) {
                    let picked: Vec<Arg> = a
                        .picks
                        .iter()
                        .filter_map(|&n| opts.get(n as usize - 1).cloned())
                        .collect();
                    m.push(Block::Item(
                        msg::CHOICE_LINE
                            .msg()
                            .arg("options", Arg::List(picked))
                            .with_author(author(r, &flow.roles, a)),
                    ));
                }
            }
            // Non-collecting steps and actions were skipped above.
            StepKind::Intake { .. }
            | StepKind::Prompt { .. }
            | StepKind::Discuss { .. }
            | StepKind::Actions
            | StepKind::Review
            | StepKind::Reveal { .. }
            | StepKind::AssignRoles { .. }
            | StepKind::Summary => {
                let anonymous = step.anonymous_in(flow);
                if anonymous {
                    anonymous_answers(r, step, &answers, m);
                    continue;
                }
                for a in in_roster(r, answers.into_iter()) {
                    if step.fields().is_empty() {
                        if let Some(t) = a.fields.get(TEXT) {
                            m.push(Block::Item(answer_line(r, &flow.roles, a, false, t)));
                        }
                        continue;
                    }
                    m.push(Block::Item(msg::AUTHOR_LINE.msg().with_author(author(
                        r,
                        &flow.roles,
                        a,
                    ))));
                    for f in step.fields() {
                        if let Some(t) = a.fields.get(&f.id) {
                            m.push(Block::SubItem(field_line(&f.label, t)));
                        }
                    }
                }
            }
        }
    }
    actions(r, flow, m);
}

/// The agreed actions, where the flow has an actions step.
fn actions(r: &Round, flow: &Flow, m: &mut Message) {
    if !flow
        .steps
        .iter()
        .any(|s| matches!(s.kind, StepKind::Actions))
    {
        return;
    }
    m.push(Block::Heading(msg::RECORD_ACTIONS.msg()));
    if r.actions.is_empty() {
        m.push(Block::Line(msg::RECORD_NO_ACTIONS.msg()));
    }
    for a in &r.actions {
        m.push(Block::Item(action_line(a)));
    }
}

/// `35` tenths -> "3.5" or "3,5".
fn decimal(tenths: u32, locale: Locale) -> String {
    let sep = match locale {
        Locale::Nl => ',',
        Locale::En => '.',
    };
    format!("{}{}{}", tenths / 10, sep, tenths % 10)
}
