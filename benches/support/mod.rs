//! What the timer benchmarks share: a real Golden Circle round, opened by
//! the engine, at its private circle (which all six owe an answer), to copy.

use brug::core::flow::Flow;
use brug::core::ids::{GroupId, Platform, RoleId, UserRef};
use brug::core::round::{Participant, Round};
use brug::engine::{Defaults, Engine, Place, StartRequest};
use brug::flows::Catalog;
use brug::storage::{MemoryStore, Store};
use chrono::{DateTime, Utc};
use std::sync::Arc;

pub fn circle_round(catalog: &Arc<Catalog>, at: DateTime<Utc>) -> (Round, Flow) {
    let mut maker = Engine::open(MemoryStore::new(), catalog.clone(), Defaults::default()).unwrap();
    let people: Vec<Participant> = (0..6)
        .map(|i| Participant {
            user: UserRef::new(Platform::Matrix, format!("@p{i}:hs")),
            name: format!("P{i}"),
            profession: RoleId::new(
                [
                    "social-worker",
                    "client-manager-work",
                    "client-manager-income",
                ][i % 3],
            ),
            left: false,
            away_until: None,
        })
        .collect();
    let req = StartRequest {
        group: GroupId::new(Platform::Matrix, "!g:hs"),
        coordinator: people[0].user.clone(),
        coordinator_name: "P0".into(),
        flow: "golden-circle".into(),
        title: "Case".into(),
        participants: people,
        owner: None,
        place: Place::Group,
    };
    let (id, _) = maker.start(req, at).unwrap();
    let mut round = maker.store().round(id.unwrap()).unwrap().unwrap();
    let flow = catalog.flow("golden-circle").unwrap().as_ref().clone();
    round.step = flow.steps.iter().position(|s| s.id == "circle").unwrap();
    (round, flow)
}
