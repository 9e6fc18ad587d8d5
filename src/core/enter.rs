//! Entering a round's steps: what each step kind posts, sends privately and
//! schedules when it begins (a round is opened in `opening`).

use super::effect::Effect;
use super::flow::{Flow, Step, StepKind};
use super::ids::UserRef;
use super::message::{Arg, Block, Message};
use super::msg;
use super::record;
use super::roles::{self, Player};
use super::round::{Participant, Round, Status};
use super::timers::set_timers;
use chrono::{DateTime, Utc};

/// Moves to the step after the current one.
pub fn advance(r: &mut Round, now: DateTime<Utc>, flow: &Flow, fx: &mut Vec<Effect>) {
    let next = r.step + 1;
    enter(r, next, now, flow, fx);
}

/// Enters step `idx`; steps that only post (reveal, roles, summary) run through
/// to the next one at once. Past the last step the round closes.
pub fn enter(r: &mut Round, mut idx: usize, now: DateTime<Utc>, flow: &Flow, fx: &mut Vec<Effect>) {
    loop {
        // Leaving an anonymous step: its answers lose their authors for good.
        if let Some(prev) = flow
            .steps
            .get(r.step)
            .filter(|s| idx > r.step && s.anonymous_in(flow))
        {
            super::erase::unlink(r, &prev.id, now);
        }
        // Leaving a check the group may answer with "not yet": back.
        if let Some(target) = flow
            .steps
            .get(r.step)
            .filter(|_| idx > r.step)
            .and_then(|s| super::vote::back_to(r, s, fx))
        {
            idx = target;
        }
        // Leaving a choice among the group's answers: say what was chosen
        // (a case chosen names its owner); leaving a discussion one
        // profession carried, tell the coordinator.
        if let Some(prev) = flow.steps.get(r.step).filter(|_| idx > r.step) {
            super::vote::decided(r, prev, flow, fx);
            super::balance::nudge(r, prev, flow, fx);
        }
        r.step = idx;
        r.step_started = now;
        r.intake_draft = None;
        r.held.clear();
        let Some(step) = flow.steps.get(idx) else {
            close_round(r, now, fx);
            return;
        };
        let deadline = step.deadline_in(r).map(|d| now + d.delta());
        set_timers(r, step, deadline, now);
        let mut post = header(r, step, idx, flow);
        match &step.kind {
            StepKind::Reveal { of, anonymous } => {
                let src = &flow.steps[*of];
                match src.kind {
                    StepKind::Choose { .. } => super::profile::sides(r, flow, src, &mut post),
                    _ => record::reveal(r, flow, src, *anonymous, &mut post),
                }
                fx.push(Effect::thread(post));
            }
            StepKind::AssignRoles {
                client,
                hand_cards_from,
                chair_plays,
            } => {
                let cards =
                    assign_roles(r, flow, *client, *hand_cards_from, *chair_plays, &mut post);
                fx.push(Effect::thread(post));
                fx.extend(cards);
            }
            // A concise close: the actions and where the full record is;
            // every answer goes only to those who ask (`export`).
            StepKind::Summary => {
                record::close(r, flow, &mut post);
                fx.push(Effect::thread(post));
                let mut frames = Message::default();
                let chart = super::summary::summary(r, flow, &mut frames);
                super::over_time::compared(r, flow, &mut frames);
                fx.push(Effect::thread(frames));
                fx.extend(chart.map(Effect::thread));
            }
            // A case prepared before the round is this intake's answer.
            // (Only its own: where the group chose another case owner,
            // that one is asked as usual.)
            StepKind::Intake { .. }
                if r.owner.is_some() && r.prepared.as_ref().map(|p| &p.by) == r.owner.as_ref() =>
            {
                let Some(p) = r.prepared.take() else {
                    return;
                };
                let (owner, case) = (p.by, p.case);
                r.consent = p.consent;
                // The heading only: the prompt asks for what is here.
                post.blocks.truncate(1);
                fx.push(Effect::thread(post));
                let note = msg::PREPARE_POSTED.msg();
                super::intake::post_case(r, step, &owner, case, note, now, flow, fx);
                return;
            }
            StepKind::Intake { .. }
            | StepKind::Prompt { .. }
            | StepKind::Discuss { .. }
            | StepKind::Choose { .. }
            | StepKind::Actions
            | StepKind::Review
            | StepKind::Reflect { .. } => {
                waiting_step(r, step, flow, post, now, fx);
                return;
            }
        }
        idx += 1;
    }
}

/// The step heading every step's post starts with.
fn header(r: &Round, step: &Step, idx: usize, flow: &Flow) -> Message {
    let mut m = Message::default();
    m.push(Block::Heading(
        msg::STEP_HEADER
            .msg()
            .num("n", idx as i64 + 1)
            .num("total", flow.steps.len() as i64)
            .msg("title", step.title.clone()),
    ));
    // An intake's prompt speaks to the case owner: with none named yet it
    // waits for them (the step says who names one).
    if !(matches!(step.kind, StepKind::Intake { .. }) && r.owner.is_none()) {
        m.push(Block::Line(prompt(r, step)));
    }
    m
}

/// A step's prompt, with the case owner's name (or "the case owner" while
/// there is none).
fn prompt(r: &Round, step: &Step) -> super::message::MessageRef {
    let owner = match &r.owner {
        Some(o) => Arg::Text(r.name_of(o)),
        None => Arg::Msg(msg::OWNER_UNKNOWN.id.to_string()),
    };
    super::message::MessageRef::new(step.prompt.clone()).arg("owner", owner)
}

/// A step that waits for people: post the prompt, mention who acts, send
/// private prompts where the step is blind.
fn waiting_step(
    r: &mut Round,
    step: &Step,
    flow: &Flow,
    mut post: Message,
    now: DateTime<Utc>,
    fx: &mut Vec<Effect>,
) {
    let mut expected = r.expected(&step.who);
    if step.voice == super::flow::Voice::InRole {
        expected.retain(|u| !r.found_out.contains(u));
    }
    if step.pairs == super::flow::Pairs::Form {
        super::pairs::form(r, flow, &mut post);
    }
    match &step.kind {
        StepKind::Intake { .. } => match &r.owner {
            Some(o) => post.push(Block::Line(
                msg::INTAKE_WAITING.msg().text("name", r.name_of(o)),
            )),
            None => post.push(Block::Line(msg::INTAKE_NO_OWNER.msg())),
        },
        StepKind::Prompt { blind: true, .. } => post.push(Block::Line(msg::HINT_BLIND.msg())),
        StepKind::Reflect { .. } => post.push(Block::Line(msg::HINT_REFLECT.msg())),
        StepKind::Prompt {
            blind: false,
            fields,
        } => {
            post.push(Block::Line(msg::HINT_OPEN.msg()));
            field_hints(fields, &mut post);
        }
        StepKind::Choose {
            options,
            multiple,
            blind,
        } => {
            // Frames to choose from come with what each one means: people
            // tag themselves knowing the frames, not guessing from a word.
            let described: Vec<String> = match options {
                super::flow::ChoiceSource::Frames => record::frame_descriptions(flow),
                _ => Vec::new(),
            };
            for (n, o) in record::options(r, flow, options).into_iter().enumerate() {
                let line = match described.get(n) {
                    Some(d) => msg::CHOOSE_FRAME_OPTION
                        .msg()
                        .num("n", n as i64 + 1)
                        .arg("option", o)
                        .msg("description", d.clone()),
                    None => msg::CHOOSE_OPTION
                        .msg()
                        .num("n", n as i64 + 1)
                        .arg("option", o),
                };
                post.push(Block::Item(line));
            }
            post.push(Block::Line(if *multiple {
                msg::HINT_CHOOSE_MANY.msg()
            } else {
                msg::HINT_CHOOSE_ONE.msg()
            }));
            if *blind {
                post.push(Block::Line(msg::HINT_BLIND.msg()));
            }
        }
        StepKind::Actions => post.push(Block::Line(msg::HINT_ACTIONS.msg())),
        StepKind::Review => super::review::list(r, &mut post),
        StepKind::Discuss { owner_listens } => {
            if let (true, Some(o)) = (owner_listens, &r.owner) {
                post.push(Block::Line(
                    msg::DISCUSS_OWNER_LISTENS.msg().text("name", r.name_of(o)),
                ));
            }
        }
        StepKind::Reveal { .. } | StepKind::AssignRoles { .. } | StepKind::Summary => {}
    }
    if let Some(d) = r.timers.deadline {
        post.push(Block::Line(msg::STEP_DEADLINE.msg().time("deadline", d)));
    }
    post.actions.extend(answer_action(r, step));
    fx.push(Effect::thread(post.with_mentions(expected.clone())));
    if step.blind() {
        for user in &expected {
            send_private_prompt(r, step, user, now, fx);
        }
    }
    if let StepKind::Discuss {
        owner_listens: true,
    } = step.kind
    {
        if let Some(o) = r.owner.clone().filter(|o| r.participant(o).is_some()) {
            fx.push(Effect::private(
                &o,
                Message::line(msg::LISTEN_ONLY_DM.msg()),
            ));
        }
    }
}

fn field_hints(fields: &[super::flow::Field], post: &mut Message) {
    if fields.len() > 1 {
        post.push(Block::Line(msg::HINT_FIELDS.msg()));
        for f in fields {
            post.push(Block::Item(
                msg::FIELD_TEMPLATE.msg().msg("label", f.label.clone()),
            ));
        }
    }
}

/// The private question for a blind step (or the intake), to one person.
pub fn send_private_prompt(
    r: &Round,
    step: &Step,
    user: &UserRef,
    _now: DateTime<Utc>,
    fx: &mut Vec<Effect>,
) {
    let mut m = Message::default();
    m.push(Block::Heading(
        msg::PRIVATE_PROMPT
            .msg()
            .text("round", r.id.to_string())
            .text("title", r.title.clone())
            .msg("step", step.title.clone()),
    ));
    m.push(Block::Line(prompt(r, step)));
    match &step.kind {
        StepKind::Intake { .. } => m.push(Block::Line(msg::HINT_INTAKE.msg())),
        StepKind::Reflect { .. } => {
            m.push(Block::Line(msg::HINT_SCORES.msg()));
            for f in step.fields() {
                m.push(Block::Item(
                    msg::SCORE_TEMPLATE.msg().msg("label", f.label.clone()),
                ));
            }
        }
        StepKind::Prompt { fields, .. } => {
            m.push(Block::Line(msg::HINT_PRIVATE.msg()));
            field_hints(fields, &mut m);
        }
        // Of these only a blind `choose` is ever prompted privately.
        StepKind::Choose { .. }
        | StepKind::Discuss { .. }
        | StepKind::Actions
        | StepKind::Review
        | StepKind::Reveal { .. }
        | StepKind::AssignRoles { .. }
        | StepKind::Summary => m.push(Block::Line(msg::HINT_PRIVATE.msg())),
    }
    if let Some(d) = r.timers.deadline {
        m.push(Block::Line(msg::STEP_DEADLINE.msg().time("deadline", d)));
    }
    m.actions.extend(answer_action(r, step));
    fx.push(Effect::private(user, m));
}

/// A form for the current step, where its answer is text in fields: a
/// prompt (open or blind) or the evaluation questions.
fn answer_action(r: &Round, step: &Step) -> Option<super::message::Action> {
    match &step.kind {
        StepKind::Prompt { .. } | StepKind::Reflect { .. } => {
            Some(super::message::Action::Answer {
                round: r.id,
                step: r.step,
                flow: r.flow_id.clone(),
            })
        }
        StepKind::Intake { .. }
        | StepKind::Reveal { .. }
        | StepKind::AssignRoles { .. }
        | StepKind::Discuss { .. }
        | StepKind::Choose { .. }
        | StepKind::Actions
        | StepKind::Review
        | StepKind::Summary => None,
    }
}

fn assign_roles(
    r: &mut Round,
    flow: &Flow,
    client: bool,
    cards_from: Option<usize>,
    chair_plays: bool,
    post: &mut Message,
) -> Vec<Effect> {
    let mut cards = Vec::new();
    // The coordinator chairs and keeps their own role, unless the flow says
    // the chair plays too (or nobody else would be left to swap with).
    let chair = r.coordinator.clone();
    let others = r.active().filter(|p| p.user != chair).count();
    let chairs = !chair_plays && others >= 2 && r.participant(&chair).is_some();
    let active: Vec<Participant> = r
        .active()
        .filter(|p| !chairs || p.user != chair)
        .cloned()
        .collect();
    let players: Vec<Player> = active
        .iter()
        .map(|p| Player {
            user: &p.user,
            profession: &p.profession,
        })
        .collect();
    r.roles = roles::assign(&players, r.owner.as_ref(), client, &flow.roles, r.id.0);
    post.push(Block::Line(msg::ROLES_HANDED_OUT.msg()));
    if chairs {
        post.push(Block::Line(
            msg::ROLES_CHAIR.msg().text("name", r.name_of(&chair)),
        ));
    }
    for a in r.roles.clone() {
        let role = flow
            .roles
            .get(&a.role)
            .expect("roles come from the flow's role set");
        post.push(Block::Item(
            msg::ROLE_LINE
                .msg()
                .text("name", r.name_of(&a.player))
                .msg("role", role.name.clone()),
        ));
        let mut card = Message::default();
        card.push(Block::Heading(
            msg::ROLE_CARD_HEADING
                .msg()
                .text("round", r.id.to_string())
                .msg("role", role.name.clone()),
        ));
        card.push(Block::Line(match &a.plays {
            Some(p) => msg::ROLE_PLAYS.msg().text("name", r.name_of(p)),
            None => msg::ROLE_PLAYS_CLIENT.msg(),
        }));
        card.push(Block::Line(super::message::MessageRef::new(
            role.card.clone(),
        )));
        if let (Some(from), Some(writer)) = (cards_from, &a.plays) {
            let src = &flow.steps[from];
            card.push(Block::Heading(
                msg::CARD_FROM.msg().text("name", r.name_of(writer)),
            ));
            match r.answer_of(&src.id, writer) {
                Some(ans) => {
                    for f in src.fields() {
                        if let Some(t) = ans.fields.get(&f.id) {
                            card.push(Block::Item(
                                msg::FIELD_LINE
                                    .msg()
                                    .msg("label", f.label.clone())
                                    .arg("text", Arg::Text(t.clone())),
                            ));
                        }
                    }
                    if src.fields().is_empty() {
                        if let Some(t) = ans.fields.get(super::round::TEXT) {
                            card.push(Block::Quote(t.clone()));
                        }
                    }
                }
                None => card.push(Block::Line(
                    msg::CARD_NONE.msg().text("name", r.name_of(writer)),
                )),
            }
        }
        cards.push(Effect::private(&a.player, card));
    }
    cards
}

/// Closes a round that has run through its last step.
pub fn close_round(r: &mut Round, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
    r.end(Status::Closed, now);
    fx.push(Effect::thread(Message::line(
        msg::ROUND_CLOSED.msg().text("round", r.id.to_string()),
    )));
}
