//! A round's record for the case file (`!brug export [md|json]`): the case,
//! every step's answers (anonymous ones without authors, removed ones as
//! removed), the agreed actions and the frame profiles. As a readable message,
//! or as JSON of a documented, versioned shape (`docs/export.md`).

use super::anonymous;
use super::flow::{Flow, Step, StepKind};
use super::message::{Block, Message};
use super::msg;
use super::round::{Answer, Round, Status, TEXT};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// The JSON shape's name and version; bumped with every incompatible change.
pub const FORMAT: &str = "brug-round-record";
pub const VERSION: u32 = 2;

#[derive(Debug, Serialize)]
pub struct Record {
    pub format: &'static str,
    pub version: u32,
    pub round: u64,
    pub title: String,
    pub flow: FlowRef,
    pub language: String,
    pub status: &'static str,
    pub opened: DateTime<Utc>,
    pub closed: Option<DateTime<Utc>>,
    /// The owner's ground for discussing the case, when the flow asked:
    /// "pseudonymised" or "client-consent".
    pub consent: Option<&'static str>,
    pub participants: Vec<Person>,
    pub steps: Vec<StepRecord>,
    pub actions: Vec<Action>,
    /// The previous round's actions, looked back on here, with what came
    /// of each (none: nobody said).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviewed: Vec<Reviewed>,
    /// Per profession, in how many answers each frame showed (frame ids).
    pub frame_profiles: BTreeMap<String, BTreeMap<String, u32>>,
}

#[derive(Debug, Serialize)]
pub struct Reviewed {
    pub what: String,
    pub who: String,
    pub when: String,
    pub outcome: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct FlowRef {
    pub id: String,
    pub version: u32,
}

#[derive(Debug, Serialize, Clone)]
pub struct Person {
    pub name: String,
    pub profession: String,
}

#[derive(Debug, Serialize)]
pub struct StepRecord {
    pub id: String,
    pub kind: &'static str,
    pub anonymous: bool,
    /// In an anonymous step, one entry per answer *to one question*, each
    /// question in an order of its own: entries cannot be linked.
    pub answers: Vec<AnswerRecord>,
    /// Anonymous, with too few answers to show: how many there were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withheld: Option<usize>,
    /// Anonymous scores: the average per question.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub averages: BTreeMap<String, f64>,
}

#[derive(Debug, Serialize)]
pub struct AnswerRecord {
    /// Absent in anonymous steps and for removed answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Person>,
    /// Removed at the author's request: nothing else is kept.
    pub removed: bool,
    pub fields: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub picks: Vec<u32>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<String, u8>,
}

#[derive(Debug, Serialize)]
pub struct Action {
    pub what: String,
    pub who: String,
    pub when: String,
}

/// An anonymous step: each question's answers apart, in orders of their
/// own; nothing but counts and averages when too few answered.
fn anonymous_step(r: &Round, s: &Step) -> StepRecord {
    let kept: Vec<&Answer> = r.answers_to(&s.id).filter(|a| !a.removed).collect();
    let questions: Vec<String> = if s.fields().is_empty() {
        vec![TEXT.to_string()]
    } else {
        s.fields().iter().map(|f| f.id.clone()).collect()
    };
    let mut averages = BTreeMap::new();
    for q in &questions {
        let scores: Vec<f64> = kept
            .iter()
            .filter_map(|a| a.scores.get(q).map(|v| f64::from(*v)))
            .collect();
        if !scores.is_empty() {
            let avg = scores.iter().sum::<f64>() / scores.len() as f64;
            averages.insert(q.clone(), (avg * 10.0).round() / 10.0);
        }
    }
    let too_few = anonymous::too_few(kept.len());
    let mut answers = Vec::new();
    if !too_few {
        for q in &questions {
            for a in anonymous::order(r, &s.id, q, kept.iter().copied()) {
                let fields: BTreeMap<String, String> = a
                    .fields
                    .get(q)
                    .map(|t| (q.clone(), t.clone()))
                    .into_iter()
                    .collect();
                let scores: BTreeMap<String, u8> = a
                    .scores
                    .get(q)
                    .map(|v| (q.clone(), *v))
                    .into_iter()
                    .collect();
                if fields.is_empty() && scores.is_empty() {
                    continue;
                }
                answers.push(AnswerRecord {
                    author: None,
                    removed: false,
                    fields,
                    picks: Vec::new(),
                    scores,
                });
            }
        }
    }
    let removed = r
        .answers_to(&s.id)
        .filter(|a| a.removed)
        .map(|_| AnswerRecord {
            author: None,
            removed: true,
            fields: BTreeMap::new(),
            picks: Vec::new(),
            scores: BTreeMap::new(),
        });
    answers.extend(removed);
    StepRecord {
        id: s.id.clone(),
        kind: s.kind.name(),
        anonymous: true,
        answers,
        withheld: too_few.then_some(kept.len()),
        averages,
    }
}

/// The record as data.
pub fn record(r: &Round, flow: &Flow) -> Record {
    let person = |u| {
        r.participants
            .iter()
            .find(|p| &p.user == u)
            .map(|p| Person {
                name: p.name.clone(),
                profession: p.profession.0.clone(),
            })
    };
    let steps = flow
        .steps
        .iter()
        .take(r.step)
        .filter(|s| s.collects() && !s.never_revealed(flow))
        .map(|s| {
            let anonymous = s.anonymous_in(flow);
            if anonymous {
                return anonymous_step(r, s);
            }
            StepRecord {
                id: s.id.clone(),
                kind: s.kind.name(),
                anonymous,
                answers: r
                    .answers_to(&s.id)
                    .map(|a| AnswerRecord {
                        author: (!a.removed).then(|| person(&a.by)).flatten(),
                        removed: a.removed,
                        fields: a.fields.clone(),
                        picks: a.picks.clone(),
                        scores: a.scores.clone(),
                    })
                    .collect(),
                withheld: None,
                averages: BTreeMap::new(),
            }
        })
        .collect();
    Record {
        format: FORMAT,
        version: VERSION,
        round: r.id.0,
        title: r.title.clone(),
        flow: FlowRef {
            id: flow.id.clone(),
            version: flow.version,
        },
        language: r.locale.to_string(),
        status: match r.status {
            Status::Running => "running",
            Status::Paused => "paused",
            Status::Closed => "closed",
            Status::Cancelled => "cancelled",
        },
        opened: r.opened,
        closed: r.closed,
        consent: r.consent.map(|c| match c {
            super::round::Consent::Pseudonymised => "pseudonymised",
            super::round::Consent::ClientConsent => "client-consent",
        }),
        participants: r
            .participants
            .iter()
            .map(|p| Person {
                name: p.name.clone(),
                profession: p.profession.0.clone(),
            })
            .collect(),
        steps,
        actions: r
            .actions
            .iter()
            .map(|a| Action {
                what: a.what.clone(),
                who: a.who.clone(),
                when: a.when.clone(),
            })
            .collect(),
        reviewed: r
            .previous_actions
            .iter()
            .map(|a| Reviewed {
                what: a.what.clone(),
                who: a.who.clone(),
                when: a.when.clone(),
                outcome: a.outcome.as_ref().map(|o| o.text.clone()),
            })
            .collect(),
        frame_profiles: super::summary::profession_profiles(r, flow)
            .into_iter()
            .map(|(p, c)| (p.0, c))
            .collect(),
    }
}

/// The record as one readable message: the round's record (as the summary
/// step posts it) and its frame summary.
pub fn message(r: &Round, flow: &Flow) -> Message {
    let mut m = Message::default();
    m.push(Block::Heading(
        msg::EXPORT_HEADING
            .msg()
            .text("round", r.id.to_string())
            .text("title", r.title.clone()),
    ));
    super::record::record(r, flow, &mut m);
    super::review::record(r, &mut m);
    if flow
        .steps
        .iter()
        .take(r.step)
        .any(|s| matches!(s.kind, StepKind::Summary))
    {
        let _chart = super::summary::summary(r, flow, &mut m);
    }
    m
}

/// The record as JSON, in a message of its own.
pub fn json_message(r: &Round, flow: &Flow) -> Message {
    let text = serde_json::to_string_pretty(&record(r, flow))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut m = Message::line(
        msg::EXPORT_JSON
            .msg()
            .text("round", r.id.to_string())
            .text("version", VERSION.to_string()),
    );
    m.push(Block::Code(text));
    m
}
