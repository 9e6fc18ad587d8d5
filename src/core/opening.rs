//! Opening a round: its state from what the engine knows (group, people,
//! last round's actions), the root message, then the first step.

use super::effect::{Effect, Target, Transition};
use super::enter::enter;
use super::flow::Flow;
use super::ids::{GroupId, Locale, RoundId, UserRef};
use super::message::{Block, Message};
use super::msg;
use super::round::{ActionItem, Participant, Round, Status, Timers};
use chrono::{DateTime, Utc};

/// Everything needed to open a round.
#[derive(Debug, Clone)]
pub struct NewRound {
    pub id: RoundId,
    pub group: GroupId,
    pub title: String,
    pub locale: Locale,
    pub tz: chrono_tz::Tz,
    pub quiet: super::timers::Quiet,
    pub coordinator: UserRef,
    pub coordinator_name: String,
    pub owner: Option<UserRef>,
    /// People who take part from the start (the console joins everyone at once).
    pub participants: Vec<Participant>,
    pub previous_actions: Vec<ActionItem>,
    /// Days the record is kept after the round ends.
    pub retention_days: u32,
    /// The case its owner prepared for a scheduled round, confirmed (and
    /// the consent they gave, where the flow asks).
    pub prepared: Option<super::round::Prepared>,
    /// The group's own deadline for steps with only the flow's default one.
    pub deadlines: Option<super::span::Span>,
}

/// Opens a round: the root message, then the first step.
pub fn start(new: NewRound, now: DateTime<Utc>, flow: &Flow) -> Transition {
    let mut r = Round {
        id: new.id,
        group: new.group,
        flow_id: flow.id.clone(),
        flow_version: flow.version,
        title: new.title,
        locale: new.locale,
        coordinator: new.coordinator,
        coordinator_name: new.coordinator_name,
        owner: new.owner,
        participants: new.participants,
        status: Status::Running,
        step: 0,
        step_started: now,
        timers: Timers::default(),
        answers: Vec::new(),
        roles: Vec::new(),
        actions: Vec::new(),
        previous_actions: new.previous_actions,
        intake_draft: None,
        held: Vec::new(),
        consent: None,
        retention_days: new.retention_days,
        expires: None,
        tz: new.tz,
        quiet: new.quiet,
        opened: now,
        closed: None,
        told_ended: Vec::new(),
        pairs: Vec::new(),
        found_out: Vec::new(),
        previous_frames: Vec::new(),
        prepared: None,
        deadlines: new.deadlines,
    };
    let mut fx = Vec::new();
    let has_intake = flow
        .steps
        .iter()
        .any(|s| matches!(s.kind, super::flow::StepKind::Intake { .. }));
    match new.prepared {
        // The intake takes a prepared case as its answer when it comes.
        Some(p) if has_intake => r.prepared = Some(p),
        // A flow without one shows it first.
        Some(p) => {
            let mut m = Message::default();
            m.push(Block::Heading(
                msg::CASE_HEADING.msg().text("name", r.name_of(&p.by)),
            ));
            m.push(Block::Quote(p.case));
            fx.push(Effect::thread(m));
        }
        None => {}
    }
    enter(&mut r, 0, now, flow, &mut fx);
    let coordinator = r.name_of(&r.coordinator);
    let mut root = Message::line(
        msg::ROUND_OPENED
            .msg()
            .text("round", r.id.to_string())
            .msg("flow", flow.name.clone())
            .text("title", r.title.clone())
            .text("coordinator", coordinator)
            .num("steps", flow.steps.len() as i64),
    );
    root.push(Block::Line(msg::ROUND_HOW_TO_JOIN.msg()));
    if let Some(d) = r.timers.deadline {
        root.push(Block::Line(msg::FIRST_DEADLINE.msg().time("deadline", d)));
    }
    fx.insert(
        0,
        Effect::Post {
            to: Target::Root,
            msg: root,
        },
    );
    Transition {
        round: r,
        effects: fx,
    }
}
