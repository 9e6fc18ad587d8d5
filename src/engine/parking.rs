//! Private messages for people who do not accept them (Discord members with
//! closed DMs). Delivery reports such a message as kept rather than sent;
//! its outbox entry stays, undelivered and sealed, marked by a routing
//! record. The round's thread is told once, naming the person and offering
//! a button; pressing it (`Place::Mine`) hands every kept message out again,
//! now answered privately where the platform can (an ephemeral reply).
//! Kept messages go with their round's record and with `forget-me`.

use super::{Draft, Engine, Inbound, Result};
use crate::core::effect::{Destination, Pending};
use crate::core::ids::{RoundId, UserRef};
use crate::core::message::{Action, Message};
use crate::core::msg;
use crate::edge::routes::{parked_about, Parked, RouteKey, RouteWrite};
use crate::edge::RouteView;
use crate::storage::Store;

impl<S: Store> Engine<S> {
    /// Records that message `id` is kept for `user`; tells the round's
    /// thread the first time. What to write, and the notice to post.
    pub(super) fn park(
        &self,
        id: u64,
        user: &UserRef,
        round: Option<RoundId>,
        told_now: &mut Vec<(UserRef, RoundId)>,
    ) -> Result<(Vec<RouteWrite>, Option<Draft>)> {
        let record = Parked {
            id,
            user: user.clone(),
            round,
        };
        let mut writes = vec![RouteWrite::set(RouteKey::Parked(user.clone(), id), &record)];
        let Some(round) = round else {
            return Ok((writes, None));
        };
        let key = (user.clone(), round);
        if told_now.contains(&key) || self.store.is_told(user, round)? {
            return Ok((writes, None));
        }
        let Some(r) = self.open.get(&round).cloned().or(self.store.round(round)?) else {
            return Ok((writes, None));
        };
        writes.push(RouteWrite::set(RouteKey::Told(user.clone(), round), &key));
        told_now.push(key);
        let mut note = Message::line(msg::PRIVATE_CLOSED.msg().text("name", r.name_of(user)));
        note.actions.push(Action::Mine { round });
        let draft = Draft {
            to: Destination::Thread(r.group.clone(), round),
            round: Some(round),
            locale: r.locale,
            tz: r.tz,
            msg: note.with_mentions(vec![user.clone()]),
        };
        Ok((writes, Some(draft)))
    }

    /// `Place::Mine`: every message kept for the sender goes out again, to
    /// their private place (answered privately by the platform); when there
    /// is none, they are told so.
    pub(super) fn release(&mut self, m: &Inbound, round: RoundId) -> Result<Vec<Pending>> {
        let kept = self.store.parked(RouteKey::ParkedFor(m.sender.clone()))?;
        if kept.is_empty() {
            return self.reply(
                m,
                msg::PRIVATE_NOTHING_KEPT
                    .msg()
                    .text("round", round.to_string()),
            );
        }
        let ids: std::collections::BTreeSet<u64> = kept.iter().map(|p| p.id).collect();
        let mut out: Vec<Pending> = self.store.outbox()?;
        out.retain(|p| ids.contains(&p.id()));
        self.routes_next.extend(
            kept.into_iter()
                .map(|p| RouteWrite::remove(RouteKey::Parked(p.user, p.id))),
        );
        // The handled event and the released records in one commit.
        self.commit(Vec::new(), Vec::new(), Vec::new(), Vec::new())?;
        Ok(out)
    }

    /// The outbox entries kept for `user`.
    pub(super) fn kept_for(&self, user: &UserRef) -> Result<Vec<u64>> {
        Ok(self
            .store
            .parked(RouteKey::ParkedFor(user.clone()))?
            .into_iter()
            .map(|p| p.id)
            .collect())
    }

    /// The outbox entries kept about `round`, for anyone.
    pub(super) fn kept_about(&self, round: RoundId) -> Result<Vec<u64>> {
        Ok(parked_about(&self.store, round)?
            .into_iter()
            .map(|p| p.id)
            .collect())
    }
}
