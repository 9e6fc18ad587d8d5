//! What came back from delivery: the outbox entry is done, and where its
//! message now is on the platform becomes routing records (a round's root,
//! its posts, a person's private place) — committed here, by the one writer.

use super::{Engine, Result};
use crate::core::effect::Destination;
use crate::core::effect::Pending;
use crate::edge::routes::{forget_round, RouteKey, RouteWrite};
use crate::edge::Receipt;
use crate::storage::{Commit, Store};

impl<S: Store> Engine<S> {
    /// Records delivery receipts. `durable` waits for the disk (the terminal,
    /// which cannot de-duplicate a resend); platforms that de-duplicate by
    /// the idempotency key can leave it to the next flush: a receipt lost in
    /// a crash costs one resend the platform drops, answering with the same
    /// message id, so the same records are written again.
    ///
    /// A private message the person does not accept is kept (see
    /// `parking`); the first one kept about a round tells its thread, and
    /// that notice is returned, to send.
    pub fn record(&mut self, receipts: &[Receipt], durable: bool) -> Result<Vec<Pending>> {
        if receipts.is_empty() {
            return Ok(Vec::new());
        }
        let mut c = Commit::default();
        let mut notices = Vec::new();
        let mut told_now = Vec::new();
        for r in receipts {
            if let (true, Some(Destination::Private(user))) = (r.kept, &r.to) {
                let (writes, notice) = self.park(r.id, user, r.round, &mut told_now)?;
                c.routes.extend(writes);
                notices.extend(notice);
                continue;
            }
            c.delivered.push(r.id);
            if let Some(round) = r.retracted {
                c.delivered.extend(self.kept_about(round)?);
            }
            c.routes.extend(self.routes_of(r)?);
        }
        if !notices.is_empty() {
            // The notices with what they are about, in one commit.
            self.routes_next.extend(c.routes);
            self.dropped_next.extend(c.delivered);
            let out = self.commit(Vec::new(), Vec::new(), notices, Vec::new())?;
            if durable {
                self.store.sync()?;
            }
            return Ok(out);
        }
        self.store.apply(&c)?;
        if durable {
            self.store.sync()?;
        }
        Ok(Vec::new())
    }

    /// Marks outbox entries done without anything to record (a terminal, a
    /// message given up on).
    pub fn delivered(&mut self, ids: &[u64]) -> Result<()> {
        let receipts: Vec<Receipt> = ids
            .iter()
            .map(|&id| Receipt {
                id,
                round: None,
                to: None,
                posted: Vec::new(),
                opened: None,
                retracted: None,
                kept: false,
                slot: None,
            })
            .collect();
        self.record(&receipts, true).map(|_| ())
    }

    fn routes_of(&self, r: &Receipt) -> Result<Vec<RouteWrite>> {
        let mut out = Vec::new();
        if let Some((user, place)) = &r.opened {
            out.push(RouteWrite::set(RouteKey::PrivateOf(user.clone()), place));
            out.push(RouteWrite::set(
                RouteKey::PersonOf(user.platform, place.clone()),
                user,
            ));
        }
        if let Some(round) = r.retracted {
            out.extend(forget_round(&self.store, round)?);
        }
        let (Some(post), Some(round)) = (r.posted.first(), r.round) else {
            return Ok(out);
        };
        // Recorded even when the round was erased while this was on its way:
        // its retraction waits for it, and must find it to take it back.
        for (part, p) in r.posted.iter().enumerate() {
            out.push(RouteWrite::set(RouteKey::PostOf(round, r.id, part), p));
        }
        if let Some(slot) = &r.slot {
            out.push(RouteWrite::set(RouteKey::SlotOf(round, slot.clone()), post));
        }
        match &r.to {
            #[cfg(feature = "fault-injection")]
            Some(Destination::Root(..)) if crate::fault::forget_roots() => {}
            Some(Destination::Root(..)) => {
                out.push(RouteWrite::set(RouteKey::RootOf(round), post));
                out.push(RouteWrite::set(
                    RouteKey::RoundOfRoot(post.place.platform, post.id.clone()),
                    &round.0,
                ));
            }
            Some(Destination::Private(_)) => out.push(RouteWrite::set(
                RouteKey::RoundOfPrivate(post.place.platform, post.id.clone()),
                &round.0,
            )),
            Some(Destination::Thread(..) | Destination::Group(_)) | None => {}
        }
        Ok(out)
    }
}
