//! `retention [days]`: how long ended rounds are kept, shown or set.

use crate::core::effect::{Destination, Outgoing, Pending, Retraction};
use crate::core::message::Message;
use crate::core::msg;
use crate::core::round::Round;
use crate::engine::{Draft, Engine, Inbound, Place, Result};
use crate::storage::Store;

impl<S: Store> Engine<S> {
    /// `retention [days]`: shows the group's retention period, or sets it
    /// (coordinators, in the room) for rounds that end from now on.
    pub(super) fn retention(&mut self, m: &Inbound, days: Option<u32>) -> Result<Vec<Pending>> {
        let prefix = self.defaults.prefix.clone();
        let Some(gid) = m.group.clone().filter(|_| m.place != Place::Private) else {
            return self.reply(m, msg::NOT_A_COMMAND_HERE.msg().text("prefix", prefix));
        };
        let mut g = self.group(&gid)?;
        let current = g.retention_days.unwrap_or(self.defaults.retention_days);
        let Some(days) = days else {
            return self.reply(m, msg::RETENTION_IS.msg().num("days", i64::from(current)));
        };
        if !m.coordinator {
            return self.reply(m, super::not_coordinator(m));
        }
        let rounds = g.set_retention(days, self.open.values());
        let (to, locale, tz) = self.reply_place(m)?;
        let draft = Draft {
            to,
            round: None,
            locale,
            tz,
            msg: Message::line(msg::RETENTION_SET.msg().num("days", i64::from(days))),
        };
        self.commit(rounds, vec![g], vec![draft], Vec::new())
    }

    /// A round's retention period is over: its record leaves the store (with
    /// anything of it still waiting to be sent), and the bot takes back its
    /// messages about it where the platform can, then says so in the group.
    pub(in crate::engine) fn expire(&mut self, round: Round) -> Result<Vec<Pending>> {
        let group = self.group(&round.group)?;
        let id = self.next_msg;
        let notice = Outgoing {
            id,
            to: Destination::Group(round.group.clone()),
            round: None,
            locale: group.lang,
            tz: group.tz,
            msg: Message::line(msg::ROUND_ERASED.msg().text("round", round.id.to_string())),
            not_before: None,
        };
        let work = vec![Pending::Retract(Retraction {
            round: round.id,
            group: round.group.clone(),
            notice,
        })];
        let c = crate::storage::Commit {
            outbox: work.clone(),
            meta: vec![("next_msg".into(), id + 1)],
            erase: vec![round.id],
            inbox: self
                .handling
                .take()
                .map(|k| (k, self.now))
                .into_iter()
                .collect(),
            ..Default::default()
        };
        self.write(&c)?;
        self.next_msg = id + 1;
        self.open.remove(&round.id);
        Ok(work)
    }
}
