//! `forget-me`: a person's answers, profile, settings and private-place
//! records erased everywhere (AVG art. 17), confirmed privately.

use crate::core::effect::{Destination, Pending};
use crate::core::ids::GroupId;
use crate::core::message::Message;
use crate::core::{self, msg};
use crate::edge::routes::forget_person;
use crate::edge::RouteView;
use crate::engine::{Draft, Engine, Inbound, Result};
use crate::storage::Store;

impl<S: Store> Engine<S> {
    /// `forget-me`: erases the sender's answers and profile in every round
    /// and their settings in every group, in one commit, and confirms privately.
    pub(super) fn forget_me(&mut self, m: &Inbound) -> Result<Vec<Pending>> {
        // The confirmation's language is looked up before their choice goes.
        let (_, locale, tz) = self.reply_place(m)?;
        let mut rounds = Vec::new();
        for mut r in self.store.rounds()? {
            if core::erase::forget(&mut r, &m.sender) {
                rounds.push(r);
            }
        }
        let mut ids: Vec<GroupId> = rounds.iter().map(|r| r.group.clone()).collect();
        ids.extend(m.group.clone());
        ids.extend(self.scheduled.keys().cloned());
        ids.sort();
        ids.dedup();
        let mut groups = Vec::new();
        for id in ids {
            let mut g = self.group(&id)?;
            let before = g.last_actions.len();
            g.last_actions.retain(|a| a.by != m.sender);
            let planned = match g.schedule.as_mut().map(|s| s.forget(&m.sender)) {
                Some((changed, ends)) => {
                    if ends {
                        g.schedule = None;
                    }
                    changed
                }
                None => false,
            };
            if g.forget_langs(&m.sender) || g.last_actions.len() != before || planned {
                groups.push(g);
            }
        }
        let line = if rounds.is_empty() && groups.is_empty() {
            msg::FORGOTTEN_NOTHING.msg()
        } else {
            msg::FORGOTTEN.msg().num("count", rounds.len() as i64)
        };
        let draft = Draft {
            to: Destination::Private(m.sender.clone()),
            round: None,
            locale,
            tz,
            msg: Message::line(line),
        };
        self.routes_next = forget_person(&self.store, &m.sender)?;
        // Which of their messages answered what, in every round they were in.
        for r in &rounds {
            for (p, message) in self.store.answers_of(r.id)? {
                if let Some((_, _, by)) = self.store.answer_at(p, &message)? {
                    if by == m.sender {
                        self.routes_next.extend(
                            crate::edge::routes::answer_routes(r.id, 0, &by, &message)
                                .into_iter()
                                .map(|w| crate::edge::routes::RouteWrite { value: None, ..w }),
                        );
                    }
                }
            }
        }
        self.dropped_next = self.kept_for(&m.sender)?;
        self.commit(rounds, groups, vec![draft], Vec::new())
    }
}
