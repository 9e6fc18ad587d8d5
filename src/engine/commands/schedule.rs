//! `schedule`: a group's recurring rounds — shown to anyone, set or stopped
//! by a coordinator. Case owners are named as they are called in the
//! group's rounds (the roster), so a reminder reaches the right person.

use crate::command::ScheduleChange;
use crate::core::effect::Pending;
use crate::core::group::GroupState;
use crate::core::ids::Platform;
use crate::core::message::{Arg, Block, Message};
use crate::core::msg;
use crate::core::schedule::{Person, Schedule, ScheduleError};
use crate::engine::{Engine, Inbound, Result};
use crate::storage::Store;
use chrono::{DateTime, Utc};

impl<S: Store> Engine<S> {
    pub(super) fn schedule(
        &mut self,
        m: &Inbound,
        change: Option<ScheduleChange>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Pending>> {
        let prefix = self.defaults.prefix.clone();
        let gid = match self.in_room(m)? {
            Ok(g) => g,
            Err(told) => return Ok(told),
        };
        let mut g = self.group(&gid)?;
        let mut out = Message::default();
        match change {
            None => {}
            Some(_) if !m.coordinator => return self.reply(m, super::not_coordinator(m)),
            Some(ScheduleChange::Off) => {
                g.schedule = None;
                out.push(Block::Line(msg::SCHEDULE_OFF.msg()));
                let drafts = vec![self.draft_reply(m, out)?];
                return self.commit(Vec::new(), vec![g], drafts, Vec::new());
            }
            Some(ScheduleChange::Set {
                flow,
                rhythm,
                owners,
                prepare_days,
            }) => {
                let (flow_id, rhythm) = self.method_and_title(&flow, &rhythm);
                let Some(found) = self.catalog.flow(&flow_id).cloned() else {
                    return self.reply(m, super::unknown_flow(&flow, &prefix));
                };
                let roster = self.roster(&g)?;
                let mut people = Vec::new();
                for name in &owners {
                    match find_person(&roster, m, name) {
                        Some(p) => people.push(p),
                        None => {
                            let e = msg::ERR_SCHEDULE_OWNER.msg().text("name", name.clone());
                            return self.reply(m, e);
                        }
                    }
                }
                let coordinator = Person {
                    user: m.sender.clone(),
                    name: m.sender_name.clone(),
                    profession: None,
                };
                let s = Schedule::new(
                    (found.id.clone(), found.name.clone()),
                    &rhythm,
                    people,
                    prepare_days,
                    coordinator,
                    now,
                    g.tz,
                    g.quiet,
                );
                match s {
                    Ok(s) => g.schedule = Some(s),
                    Err(ScheduleError::Rhythm) => {
                        return self.reply(m, msg::ERR_RHYTHM.msg().text("value", rhythm));
                    }
                    Err(ScheduleError::NoMoment) => {
                        return self.reply(m, msg::ERR_NO_MOMENT.msg().text("value", rhythm));
                    }
                }
                out.push(Block::Line(msg::SCHEDULE_SET.msg()));
            }
        }
        describe(&g, &mut out);
        let drafts = vec![self.draft_reply(m, out)?];
        self.commit(Vec::new(), vec![g], drafts, Vec::new())
    }

    /// The people who took part in the group's rounds still kept, by the
    /// names they had there (the latest profession each).
    pub(in crate::engine) fn roster(&self, g: &GroupState) -> Result<Vec<Person>> {
        let mut rounds: Vec<_> = self
            .store
            .rounds()?
            .into_iter()
            .filter(|r| r.group == g.id)
            .collect();
        rounds.sort_by_key(|r| std::cmp::Reverse(r.id));
        let mut people: Vec<Person> = Vec::new();
        for p in rounds.iter().flat_map(|r| r.participants.iter()) {
            if !people.iter().any(|q| q.user == p.user) {
                people.push(Person {
                    user: p.user.clone(),
                    name: p.name.clone(),
                    profession: Some(p.profession.clone()),
                });
            }
        }
        Ok(people)
    }
}

/// A case owner as written: a name from the roster (any case), a platform
/// id from it, or the writer themselves.
fn find_person(roster: &[Person], m: &Inbound, name: &str) -> Option<Person> {
    let n = name.trim().trim_start_matches('@').to_lowercase();
    let id = |p: &Person| p.user.id.trim_start_matches('@').to_lowercase();
    roster
        .iter()
        .find(|p| p.name.to_lowercase() == n || id(p) == n)
        .cloned()
        .or_else(|| {
            (m.sender_name.to_lowercase() == n || m.sender.id.to_lowercase() == n).then(|| Person {
                user: m.sender.clone(),
                name: m.sender_name.clone(),
                profession: None,
            })
        })
        .or_else(|| {
            // In the console a name is the person.
            (m.sender.platform == Platform::Console).then(|| Person {
                user: crate::core::ids::UserRef::new(Platform::Console, name.trim()),
                name: name.trim().to_string(),
                profession: None,
            })
        })
}

/// The schedule, as `group` and `schedule` show it.
pub(in crate::engine) fn describe(g: &GroupState, out: &mut Message) {
    let Some(s) = &g.schedule else {
        out.push(Block::Line(msg::SCHEDULE_NONE.msg()));
        return;
    };
    if let Some(up) = &s.next {
        out.push(Block::Line(
            msg::SCHEDULE_LINE
                .msg()
                .msg("flow", s.flow_name.clone())
                .text("rhythm", s.rhythm.clone())
                .time("at", up.at)
                .num("days", i64::from(s.prepare_days)),
        ));
        out.push(Block::Line(match &up.owner {
            Some(o) => msg::SCHEDULE_OWNERS
                .msg()
                .text("owner", o.name.clone())
                .arg(
                    "owners",
                    Arg::List(s.owners.iter().map(|p| Arg::Text(p.name.clone())).collect()),
                ),
            None => msg::SCHEDULE_NO_OWNERS.msg(),
        }));
    }
}
