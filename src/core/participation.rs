//! Participation, counts only (issue 14, DOMAIN §3.1: participation erodes
//! quietly when nobody holds people to agreements): per person, the rounds
//! they took part in and how many of the questions put to them they
//! answered while the step was open. No case content.

use super::flow::Flow;
use super::ids::{RoleId, UserRef};
use super::pairs::answered;
use super::round::Round;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub user: UserRef,
    /// As in their latest round.
    pub name: String,
    pub profession: RoleId,
    pub rounds: u32,
    /// Questions put to them (steps that ask each one an answer).
    pub asked: u32,
    /// Of those, answered while the step was open.
    pub answered: u32,
    /// Whether they took part in any of the group's two latest rounds.
    pub recent: bool,
}

/// The rows for `rounds` (one group's, any order), in the order people
/// first took part.
pub fn participation(rounds: &[(&Round, &Flow)]) -> Vec<Row> {
    let mut by_time: Vec<&(&Round, &Flow)> = rounds.iter().collect();
    by_time.sort_by_key(|(r, _)| (r.opened, r.id));
    let latest: Vec<_> = by_time.iter().rev().take(2).map(|(r, _)| r.id).collect();
    let mut rows: Vec<Row> = Vec::new();
    for (r, flow) in by_time {
        // Steps the round has been through (all of them once it ended).
        let reached = if r.status.is_open() {
            r.step
        } else {
            flow.steps.len()
        };
        for p in &r.participants {
            let row = match rows.iter().position(|x| x.user == p.user) {
                Some(i) => &mut rows[i],
                None => {
                    rows.push(Row {
                        user: p.user.clone(),
                        name: p.name.clone(),
                        profession: p.profession.clone(),
                        rounds: 0,
                        asked: 0,
                        answered: 0,
                        recent: false,
                    });
                    rows.last_mut().expect("just pushed")
                }
            };
            row.name = p.name.clone();
            row.profession = p.profession.clone();
            row.rounds += 1;
            row.recent |= latest.contains(&r.id);
            for step in flow.steps.iter().take(reached) {
                if !step.expects_answers() || !r.acts(&step.who, &p.user) {
                    continue;
                }
                row.asked += 1;
                if answered(r, step, &p.user) {
                    row.answered += 1;
                }
            }
        }
    }
    rows
}
