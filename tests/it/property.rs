//! Property: over random flows built from the step kinds, random groups and
//! random answer orders, no blind answer reaches the thread before its reveal,
//! all of them are in it after, and role cards go only to their players.

use super::privacy;
use super::support::Run;
use brug::core::flow::{EndRule, Field, Flow, Step, StepKind, Who};
use brug::core::ids::{Locale, RoleId};
use brug::core::round::Status;
use brug::core::span::Span;
use brug::flows::{Catalog, Sources};
use proptest::prelude::*;
use std::sync::Arc;

#[derive(Debug, Clone)]
enum Block {
    Blind { fields: usize, reveal: Option<bool> },
    Open,
    Roles { client: bool, cards: bool },
    Discuss,
    Reflect,
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        (0usize..4, proptest::option::of(any::<bool>()))
            .prop_map(|(fields, reveal)| Block::Blind { fields, reveal }),
        Just(Block::Open),
        (any::<bool>(), any::<bool>()).prop_map(|(client, cards)| Block::Roles { client, cards }),
        Just(Block::Discuss),
        Just(Block::Reflect),
    ]
}

const FIELDS: [(&str, &str); 3] = [
    ("why", "field-why"),
    ("how", "field-how"),
    ("what", "field-what"),
];

fn step(id: String, kind: StepKind, end: EndRule) -> Step {
    Step {
        id,
        kind,
        title: "gc-circle-title".into(),
        prompt: "gc-circle".into(),
        who: Who::All,
        end,
        deadline: Some(Span(86_400)),
        flow_deadline: false,
        remind: Some(Span(3600)),
        voice: Default::default(),
        owner_replies: false,
        go_on_empty: false,
        sets_owner: false,
        back: None,
        pairs: Default::default(),
        all_needed: false,
    }
}

fn build(blocks: &[Block], base: &Flow) -> Flow {
    let mut steps: Vec<Step> = Vec::new();
    let mut last_blind: Option<usize> = None;
    for (i, b) in blocks.iter().enumerate() {
        match b {
            Block::Blind { fields, reveal } => {
                let fields = FIELDS[..*fields]
                    .iter()
                    .map(|(id, label)| Field {
                        id: id.to_string(),
                        label: label.to_string(),
                        aliases: vec![],
                        device: None,
                        scale: None,
                    })
                    .collect();
                steps.push(step(
                    format!("blind{i}"),
                    StepKind::Prompt {
                        blind: true,
                        fields,
                    },
                    EndRule::AllAnswered,
                ));
                let at = steps.len() - 1;
                last_blind = Some(at);
                if let Some(anonymous) = reveal {
                    steps.push(step(
                        format!("reveal{i}"),
                        StepKind::Reveal {
                            of: at,
                            anonymous: *anonymous,
                        },
                        EndRule::AllAnswered,
                    ));
                }
            }
            Block::Open => steps.push(step(
                format!("open{i}"),
                StepKind::Prompt {
                    blind: false,
                    fields: vec![],
                },
                EndRule::AllAnswered,
            )),
            Block::Roles { client, cards } => steps.push(step(
                format!("roles{i}"),
                StepKind::AssignRoles {
                    client: *client,
                    hand_cards_from: last_blind.filter(|_| *cards),
                    chair_plays: false,
                },
                EndRule::AllAnswered,
            )),
            Block::Discuss => steps.push(step(
                format!("discuss{i}"),
                StepKind::Discuss {
                    owner_listens: i % 2 == 0,
                },
                EndRule::Coordinator,
            )),
            Block::Reflect => steps.push(step(
                format!("reflect{i}"),
                StepKind::Reflect {
                    questions: vec![Field {
                        id: "trust".into(),
                        label: "reflect-trust".into(),
                        aliases: vec![],
                        device: None,
                        scale: None,
                    }],
                    anonymous: true,
                },
                EndRule::AllAnswered,
            )),
        }
    }
    steps.push(step(
        "summary".into(),
        StepKind::Summary,
        EndRule::AllAnswered,
    ));
    Flow {
        id: "random".into(),
        version: 1,
        name: base.name.clone(),
        description: base.description.clone(),
        steps,
        roles: base.roles.clone(),
        frames: base.frames.clone(),
    }
}

/// A small deterministic shuffle, driven by the case's seed.
fn shuffle<T>(v: &mut [T], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        v.swap(i, (*seed >> 33) as usize % (i + 1));
    }
}

fn answer_line(name: &str, step: &Step, private: bool) -> String {
    // Answer texts carry a code, not the author's name, so that a name next to
    // an anonymous answer can only come from the bot.
    let code: u32 = name.bytes().map(u32::from).sum::<u32>() * 37 + 11;
    let body = match &step.kind {
        StepKind::Prompt { fields, .. } if !fields.is_empty() => fields
            .iter()
            .map(|f| {
                format!(
                    "{}: secret {} by person-code-{code} in {}",
                    f.id, f.id, step.id
                )
            })
            .collect::<Vec<_>>()
            .join("\\n"),
        StepKind::Reflect { .. } => format!(
            "trust: 4 private remark by person-code-{code} in {}",
            step.id
        ),
        _ => format!("answer by person-code-{code} in step {}", step.id),
    };
    format!("{name}{}: {body}", if private { " (dm)" } else { "" })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn blind_answers_stay_hidden_until_revealed(
        blocks in proptest::collection::vec(block(), 1..6),
        profs in proptest::collection::vec(0usize..4, 2..6),
        mut seed in any::<u64>(),
    ) {
        let mut catalog = Catalog::load(&Sources::embedded()).unwrap();
        let base = catalog.flow("golden-circle").unwrap().clone();
        let flow = build(&blocks, &base);
        catalog.flows.insert(flow.id.clone(), Arc::new(flow.clone()));
        let professions = ["social-worker", "client-manager-work", "client-manager-income", "other"];
        let people: Vec<(String, RoleId)> = profs
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("P{i}"), RoleId::new(professions[*p])))
            .collect();
        let mut run = Run::with_catalog(Arc::new(catalog), "random", Locale::En, people.clone());
        for _ in 0..flow.steps.len() * 2 {
            let round = privacy::final_round(&run);
            if round.status != Status::Running {
                break;
            }
            let step = flow.steps[round.step].clone();
            let mut who: Vec<String> = round.expected(&step.who).iter().map(|u| u.id.clone()).collect();
            shuffle(&mut who, &mut seed);
            for name in &who {
                run.feed(&answer_line(name, &step, step.blind()));
            }
            if privacy::final_round(&run).step == round.step {
                run.feed("P0: !brug next");
            }
        }
        prop_assert_eq!(privacy::final_round(&run).status, Status::Closed);
        privacy::check(&run, &flow);
    }
}
