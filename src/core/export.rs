//! A round's record for the case file (`!brug export [md|json]`): the case,
//! every step's answers (anonymous ones without authors, removed ones as
//! removed), the agreed actions and the frame profiles. As a readable message,
//! or as JSON of a documented, versioned shape (`docs/export.md`).

use super::flow::{Flow, StepKind};
use super::message::{Block, Message};
use super::msg;
use super::round::{Round, Status};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

/// The JSON shape's name and version; bumped with every incompatible change.
pub const FORMAT: &str = "brug-round-record";
pub const VERSION: u32 = 1;

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
    /// Per profession, in how many answers each frame showed (frame ids).
    pub frame_profiles: BTreeMap<String, BTreeMap<String, u32>>,
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
    pub answers: Vec<AnswerRecord>,
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
            StepRecord {
                id: s.id.clone(),
                kind: s.kind.name(),
                anonymous,
                answers: r
                    .answers_to(&s.id)
                    .map(|a| AnswerRecord {
                        author: (!anonymous && !a.removed).then(|| person(&a.by)).flatten(),
                        removed: a.removed,
                        fields: a.fields.clone(),
                        picks: a.picks.clone(),
                        scores: a.scores.clone(),
                    })
                    .collect(),
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
