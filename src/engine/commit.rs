//! Drafting messages and committing them: the new round state, the outbox
//! (with increasing ids), the timers, handled events and routing records go
//! to the store in one transaction before anything is sent.

use super::{Draft, Engine, Inbound, Place, Result};
use crate::core::effect::{Destination, Effect, Outgoing, Pending, Target};
use crate::core::flow::Flow;
use crate::core::group::{user_key, GroupState};
use crate::core::ids::Locale;
use crate::core::message::{Block, Message, MessageRef};
use crate::core::pii;
use crate::core::round::Round;
use crate::storage::{Commit, Store};

impl<S: Store> Engine<S> {
    pub(super) fn commit_transition(
        &mut self,
        round: Round,
        effects: Vec<Effect>,
        groups: Vec<GroupState>,
        flows: Vec<Flow>,
    ) -> Result<Vec<Pending>> {
        let group = self.group(&round.group)?;
        let drafts = effects
            .into_iter()
            .map(|Effect::Post { to, msg }| {
                let (to, locale) = match to {
                    Target::Root => (
                        Destination::Root(round.group.clone(), round.id),
                        round.locale,
                    ),
                    Target::Thread => (
                        Destination::Thread(round.group.clone(), round.id),
                        round.locale,
                    ),
                    Target::Private(u) => {
                        let l = group.own_lang(&u).unwrap_or(round.locale);
                        (Destination::Private(u), l)
                    }
                };
                Draft {
                    to,
                    round: Some(round.id),
                    locale,
                    tz: round.tz,
                    msg,
                }
            })
            .collect();
        self.commit(vec![round], groups, drafts, flows)
    }

    pub(super) fn commit(
        &mut self,
        rounds: Vec<Round>,
        groups: Vec<GroupState>,
        drafts: Vec<Draft>,
        flows: Vec<Flow>,
    ) -> Result<Vec<Pending>> {
        let first = self.next_msg;
        let notes = std::mem::take(&mut self.notes_next);
        let outbox: Vec<Pending> = drafts
            .into_iter()
            .chain(notes)
            .enumerate()
            .map(|(i, d)| {
                let not_before = self.quiet_until(&d, &rounds);
                Pending::Post(Outgoing {
                    id: first + i as u64,
                    to: d.to,
                    round: d.round,
                    locale: d.locale,
                    tz: d.tz,
                    msg: d.msg,
                    not_before,
                })
            })
            .collect();
        let next_msg = first + outbox.len() as u64;
        let timers: Vec<_> = groups
            .iter()
            .map(|g| (g.id.clone(), g.next_timer()))
            .collect();
        let c = Commit {
            rounds: rounds.clone(),
            groups,
            outbox: outbox.clone(),
            flows,
            meta: vec![
                ("next_round".into(), self.next_round),
                ("next_msg".into(), next_msg),
            ],
            inbox: self
                .handling
                .take()
                .map(|k| (k, self.now))
                .into_iter()
                .collect(),
            erase: Vec::new(),
            routes: std::mem::take(&mut self.routes_next),
            delivered: std::mem::take(&mut self.dropped_next),
        };
        self.write(&c)?;
        self.next_msg = next_msg;
        for id in &c.delivered {
            self.held.remove(id);
        }
        // What waits for the end of quiet hours is not handed out yet.
        let (held, outbox): (Vec<Pending>, Vec<Pending>) =
            outbox.into_iter().partition(|p| match p {
                Pending::Post(o) => o.not_before.is_some(),
                Pending::Retract(_) => false,
            });
        for p in held {
            if let Pending::Post(o) = &p {
                if let Some(t) = o.not_before {
                    self.held.insert(o.id, (t, p.clone()));
                }
            }
        }
        for (g, t) in timers {
            match t {
                Some(t) => self.scheduled.insert(g, t),
                None => self.scheduled.remove(&g),
            };
        }
        for r in rounds {
            if r.status.is_open() {
                self.open.insert(r.id, r);
            } else {
                self.open.remove(&r.id);
            }
        }
        Ok(outbox)
    }

    /// When a private message must wait for: to someone other than the
    /// person who just wrote, about a round, in that round's quiet hours —
    /// until they end (a reply to its own writer goes at once).
    fn quiet_until(&self, d: &Draft, rounds: &[Round]) -> Option<chrono::DateTime<chrono::Utc>> {
        let Destination::Private(to) = &d.to else {
            return None;
        };
        if self.writer.as_ref() == Some(to) {
            return None;
        }
        let id = d.round?;
        let r = rounds
            .iter()
            .find(|r| r.id == id)
            .or_else(|| self.open.get(&id))?;
        let at = r.quiet.next_allowed(self.now, r.tz);
        (at > self.now).then_some(at)
    }

    /// A one-line answer to whoever wrote `m`, where they wrote it.
    pub(super) fn reply(&mut self, m: &Inbound, line: MessageRef) -> Result<Vec<Pending>> {
        self.reply_msg(m, Message::line(line))
    }

    /// Answers a message where it was written. A message the bot answers
    /// this way was not taken as an answer, so its identifiers were not
    /// handled: the answer names them and, where everyone can read the
    /// message, asks its writer to delete it.
    pub(super) fn reply_msg(&mut self, m: &Inbound, msg: Message) -> Result<Vec<Pending>> {
        let draft = self.draft_reply(m, msg)?;
        self.commit(Vec::new(), Vec::new(), vec![draft], Vec::new())
    }

    /// The answer to `m` where it was written, to commit with other changes.
    pub(super) fn draft_reply(&self, m: &Inbound, mut msg: Message) -> Result<Draft> {
        msg.blocks.extend(identifiers_in(m, self.now));
        msg.reply_to = reply_target(m);
        let (to, locale, tz) = self.reply_place(m)?;
        let round = match &m.place {
            Place::Thread(id) => Some(*id),
            _ => None,
        };
        Ok(Draft {
            to,
            round,
            locale,
            tz,
            msg,
        })
    }

    pub(super) fn reply_place(&self, m: &Inbound) -> Result<(Destination, Locale, chrono_tz::Tz)> {
        let group = match &m.group {
            Some(g) => Some(self.group(g)?),
            None => None,
        };
        let tz = group.as_ref().map(|g| g.tz).unwrap_or(self.defaults.tz);
        let group_lang = group.as_ref().map(|g| g.lang).unwrap_or(self.defaults.lang);
        // Chosen, else what their app says now, else the group's.
        let user_lang = group
            .as_ref()
            .and_then(|g| g.user_langs.get(&user_key(&m.sender)).copied())
            .or(m.locale)
            .or_else(|| group.as_ref().and_then(|g| g.own_lang(&m.sender)))
            .unwrap_or(group_lang);
        Ok(match (&m.place, &m.group) {
            (Place::Thread(id), Some(g)) => {
                let l = self.open.get(id).map(|r| r.locale).unwrap_or(group_lang);
                (Destination::Thread(g.clone(), *id), l, tz)
            }
            (Place::Group | Place::ThreadOf(_), Some(g)) => {
                (Destination::Group(g.clone()), group_lang, tz)
            }
            _ => (Destination::Private(m.sender.clone()), user_lang, tz),
        })
    }

    /// A note to the sender, privately, in the next commit.
    pub(super) fn note_privately(&mut self, m: &Inbound, msg: Message) -> Result<()> {
        let private = Inbound {
            place: Place::Private,
            ..m.clone()
        };
        let (to, locale, tz) = self.reply_place(&private)?;
        self.notes_next.push(Draft {
            to,
            round: None,
            locale,
            tz,
            msg,
        });
        Ok(())
    }

    /// Applies a commit; durable at once unless a batch shares one sync.
    pub(super) fn write(&self, c: &Commit) -> Result<()> {
        if self.batching {
            self.store.apply(c)?;
        } else {
            self.store.commit(c)?;
        }
        Ok(())
    }
}

/// The message an answer to `m` replies to: `m` itself, where the answer
/// goes to the place it was written in and the platform can refer to it.
pub(super) fn reply_target(m: &Inbound) -> Option<String> {
    let same_place = matches!(m.place, Place::Thread(_) | Place::Group | Place::Private);
    m.event
        .clone()
        .filter(|_| m.replyable && m.edits.is_none() && same_place)
}

/// What the bot says about identifiers in a message it did not take: which
/// kinds it found and, where others can read the message, a request to
/// delete it. Nothing when there are none.
pub(super) fn identifiers_in(m: &Inbound, now: chrono::DateTime<chrono::Utc>) -> Vec<Block> {
    use chrono::Datelike;
    let hits = pii::find(&m.text, now.year());
    if hits.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Block::Line(pii::found(&hits))];
    if m.place != Place::Private && !matches!(m.place, Place::Form(..) | Place::Mine(_)) {
        out.push(Block::Line(crate::core::msg::PII_DELETE_PUBLIC.msg()));
    }
    out
}
