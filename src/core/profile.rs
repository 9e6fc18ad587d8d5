//! The game's end of part 1 (DOMAIN §4.1): each side — public professionals
//! (client managers), social professionals (social workers), and any other
//! profession on its own — sees the frames its members recognised, as
//! counts without names, to choose its frame profile together.

use super::flow::{Flow, Step};
use super::message::{Block, Message};
use super::msg;
use super::record::frame_options;
use super::round::Round;
use std::collections::BTreeMap;

/// Posts each side's tally of the frames picked in `src` (a choice of frames).
pub(super) fn sides(r: &Round, flow: &Flow, src: &Step, m: &mut Message) {
    let frames = frame_options(flow);
    // Side (Fluent id) -> (people who answered, count per frame), in the
    // order sides first appear in the roster.
    let mut order: Vec<String> = Vec::new();
    let mut tally: BTreeMap<String, (i64, Vec<i64>)> = BTreeMap::new();
    for p in r.active() {
        let Some(a) = r.answer_of(&src.id, &p.user).filter(|a| !a.removed) else {
            continue;
        };
        let side = flow
            .roles
            .get(&p.profession)
            .map(|i| i.side.clone().unwrap_or_else(|| i.name.clone()))
            .unwrap_or_else(|| p.profession.0.clone());
        if !order.contains(&side) {
            order.push(side.clone());
        }
        let (people, counts) = tally
            .entry(side)
            .or_insert_with(|| (0, vec![0; frames.len()]));
        *people += 1;
        for &n in &a.picks {
            if let Some(c) = counts.get_mut(n as usize - 1) {
                *c += 1;
            }
        }
    }
    if order.is_empty() {
        m.push(Block::Line(msg::PROFILE_NONE.msg()));
        return;
    }
    for side in order {
        let (people, counts) = &tally[&side];
        m.push(Block::Heading(
            msg::PROFILE_SIDE
                .msg()
                .msg("side", side.clone())
                .num("people", *people),
        ));
        let mut ranked: Vec<(usize, i64)> = counts
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, c)| *c > 0)
            .collect();
        ranked.sort_by_key(|(i, c)| (std::cmp::Reverse(*c), *i));
        for (i, c) in ranked {
            m.push(Block::Item(
                msg::PROFILE_FRAME
                    .msg()
                    .arg("frame", frames[i].clone())
                    .num("count", c),
            ));
        }
    }
}
