//! The summary's first part: per person, the frames their own words show
//! (with the words), the reasoning devices they covered, and apart what
//! they said in a swapped role.

use super::{author, quoted, Piece, QUOTES};
use crate::core::flow::{Device, Flow};
use crate::core::ids::RoleId;
use crate::core::message::{Arg, Block, Message};
use crate::core::msg;
use crate::core::round::Round;
use std::collections::{BTreeMap, BTreeSet};

/// Per person still in the round: the frames their own words show, with
/// the words, and the reasoning devices they covered.
pub(super) fn per_person(r: &Round, flow: &Flow, pieces: &[Piece], m: &mut Message) {
    for p in r.active() {
        let mine: Vec<&Piece> = pieces.iter().filter(|x| x.by == &p.user).collect();
        if mine.is_empty() {
            continue;
        }
        let (name, prof) = author(r, flow, &p.user);
        let order = evidence_lines(&mine);
        m.push(Block::Item(if order.is_empty() {
            msg::FS_PERSON_NONE
                .msg()
                .text("name", name)
                .msg("profession", prof)
        } else {
            msg::FS_PERSON
                .msg()
                .text("name", name)
                .msg("profession", prof)
        }));
        push_evidence(flow, order, m);
        let devices: BTreeSet<Device> = mine
            .iter()
            .filter_map(|x| {
                flow.steps[x.step]
                    .fields()
                    .iter()
                    .find(|f| f.id == x.field)
                    .and_then(|f| f.device)
            })
            .collect();
        m.push(Block::SubItem(if devices.is_empty() {
            msg::FS_DEVICES_NONE.msg()
        } else {
            msg::FS_DEVICES.msg().arg(
                "devices",
                Arg::List(
                    devices
                        .iter()
                        .map(|d| Arg::Msg(d.message().to_string()))
                        .collect(),
                ),
            )
        }));
    }
}

/// What people said in a swapped role, per person and role: theirs to
/// compare with their own reasoning above, credited to nobody; and next to
/// it, how those who really have that profession reasoned here (`own`).
pub(super) fn played(r: &Round, flow: &Flow, pieces: &[Piece], own: &[Piece], m: &mut Message) {
    for p in r.active() {
        let mut roles: Vec<&RoleId> = pieces
            .iter()
            .filter(|x| x.by == &p.user)
            .filter_map(|x| x.role)
            .collect();
        roles.dedup();
        for role in roles {
            let said: Vec<&Piece> = pieces
                .iter()
                .filter(|x| x.by == &p.user && x.role == Some(role))
                .collect();
            let lines = evidence_lines(&said);
            if lines.is_empty() {
                continue;
            }
            let (name, prof) = author(r, flow, &p.user);
            let role_name = flow
                .roles
                .get(role)
                .map(|i| i.name.clone())
                .unwrap_or_else(|| "profession-other".into());
            m.push(Block::Item(
                msg::FS_IN_ROLE
                    .msg()
                    .text("name", name)
                    .msg("profession", prof)
                    .msg("role", role_name.clone()),
            ));
            push_evidence(flow, lines, m);
            let theirs: Vec<&Piece> = own
                .iter()
                .filter(|x| r.active().any(|q| &q.user == x.by && &q.profession == role))
                .collect();
            let frames: Vec<Arg> = evidence_lines(&theirs)
                .into_iter()
                .take(2)
                .map(|(f, _)| Arg::Msg(flow.frames.frames[f].name.clone()))
                .collect();
            if !frames.is_empty() {
                m.push(Block::SubItem(
                    msg::FS_IN_ROLE_COMPARE
                        .msg()
                        .msg("role", role_name)
                        .arg("frames", Arg::List(frames)),
                ));
            }
        }
    }
}

/// Per frame shown in `pieces`, the words that showed it (a few, each once),
/// strongest frame first.
fn evidence_lines(pieces: &[&Piece]) -> Vec<(usize, Vec<String>)> {
    let mut evidence: BTreeMap<usize, (u32, Vec<String>)> = BTreeMap::new();
    for f in pieces.iter().flat_map(|x| &x.found) {
        let e = evidence.entry(f.frame).or_default();
        e.0 += f.weight;
        for w in &f.evidence {
            if e.1.len() < QUOTES && !e.1.iter().any(|x| x.eq_ignore_ascii_case(w)) {
                e.1.push(w.clone());
            }
        }
    }
    let mut order: Vec<(usize, (u32, Vec<String>))> = evidence.into_iter().collect();
    order.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    order
        .into_iter()
        .map(|(f, (_, words))| (f, words))
        .collect()
}

fn push_evidence(flow: &Flow, lines: Vec<(usize, Vec<String>)>, m: &mut Message) {
    for (f, words) in lines {
        m.push(Block::SubItem(
            msg::FS_EVIDENCE
                .msg()
                .msg("frame", flow.frames.frames[f].name.clone())
                .arg("words", quoted(&words)),
        ));
    }
}
