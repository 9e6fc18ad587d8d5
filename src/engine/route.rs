//! Which round a message belongs to. Platform references (a thread's root,
//! the private message replied to) are looked up in the routing records
//! here; a failed read is an error — logged and told — never "no round";
//! the choice among open rounds is the core's (`core::which`).

use super::{Engine, Inbound, Place, Result};
use crate::core::effect::{Pending, Rejection};
use crate::core::event::Via;
use crate::core::ids::RoundId;
use crate::core::which::{self, Asked};
use crate::core::{msg, Event};
use crate::edge::routes::inbox_key;
use crate::edge::RouteView;
use crate::storage::Store;
use chrono::{DateTime, Utc};

impl<S: Store> Engine<S> {
    /// Not a command: an answer in a thread or a DM; other chat is left alone.
    pub(super) fn answer(&mut self, m: &Inbound, now: DateTime<Utc>) -> Result<Vec<Pending>> {
        if let Some(original) = &m.edits {
            return self.edited(m, original, now);
        }
        let via = match m.place {
            Place::Group | Place::Mine(_) => return Ok(Vec::new()),
            Place::Private => Via::Private,
            Place::Form(_, step) => Via::Form(step),
            Place::Thread(_) | Place::ThreadOf(_) => Via::Thread,
        };
        if let Some(g) = self.preparing(m)? {
            return self.prepare(m, g);
        }
        let id = match self.find_round(m, true)? {
            Ok(id) => id,
            Err(Rejection {
                ended: Some(id), ..
            }) => return self.late(m, id),
            Err(rej) => return self.reply(m, rej.msg),
        };
        let text = which::round_tag(&m.text)
            .map(|(_, t)| t.to_string())
            .unwrap_or_else(|| m.text.clone());
        let ev = Event::Said {
            by: m.sender.clone(),
            text,
            via,
            source: m.event.clone(),
        };
        self.apply(id, ev, Some(m), now)
    }

    /// An edited message. An edit of an answer to the step still open is a
    /// correction of it; after its step closed, its writer hears that the
    /// earlier version counts; any other edit is left alone.
    pub(super) fn edited(
        &mut self,
        m: &Inbound,
        original: &str,
        now: DateTime<Utc>,
    ) -> Result<Vec<Pending>> {
        let platform = m.sender.platform;
        let Some((round, step, author)) = self.store.answer_at(platform, original)? else {
            let key = inbox_key(platform, original);
            if !self.store.inbox_has(&key)? {
                // The edit overtook its message: keep it for when that comes.
                self.early_edits
                    .retain(|_, (_, at)| now - *at < chrono::TimeDelta::minutes(2));
                self.early_edits.insert(key, (m.text.clone(), now));
            }
            tracing::debug!("an edit of a message that answered nothing: left alone");
            return Ok(Vec::new());
        };
        if author != m.sender {
            return Ok(Vec::new());
        }
        let Some(r) = self.store.round(round)? else {
            return Ok(Vec::new());
        };
        let flow = self.flow_of(&r)?;
        let Some(answered) = flow.steps.get(step) else {
            return Ok(Vec::new());
        };
        // Replies go where the answer was given: privately for a blind step.
        let at = Inbound {
            place: if answered.blind() {
                Place::Private
            } else {
                Place::Thread(round)
            },
            group: Some(r.group.clone()).filter(|_| !answered.blind()),
            ..m.clone()
        };
        if !r.status.is_open() || r.step != step {
            let note = msg::EDIT_TOO_LATE.msg().msg("step", answered.title.clone());
            return self.reply(
                &Inbound {
                    place: Place::Private,
                    ..at
                },
                note,
            );
        }
        let ev = Event::Corrected {
            by: m.sender.clone(),
            text: m.text.clone(),
            via: if answered.blind() {
                Via::Private
            } else {
                Via::Thread
            },
            source: original.to_string(),
        };
        self.apply(round, ev, Some(&at), now)
    }

    /// A message about a round that has ended: its writer hears so (and
    /// where the record is) once per round; further late messages are let be.
    fn late(&mut self, m: &Inbound, id: RoundId) -> Result<Vec<Pending>> {
        let rej = which::ended(id, &self.defaults.prefix);
        let Some(mut round) = self.store.round(id)? else {
            return self.reply(m, rej.msg);
        };
        if round.told_ended.contains(&m.sender) {
            tracing::debug!(round = id.0, "late message; its writer was told already");
            return Ok(Vec::new());
        }
        round.told_ended.push(m.sender.clone());
        let (to, locale, tz) = self.reply_place(m)?;
        let mut msg = crate::core::message::Message::line(rej.msg);
        msg.blocks
            .extend(super::commit::identifiers_in(m, self.now));
        msg.reply_to = super::commit::reply_target(m);
        self.commit(
            vec![round],
            Vec::new(),
            vec![super::Draft {
                to,
                round: matches!(m.place, Place::Thread(_)).then_some(id),
                locale,
                tz,
                msg,
            }],
            Vec::new(),
        )
    }

    /// Which round a message is about: its thread (known to the adapter, or
    /// looked up by its root here); the private message it replies to; `#12`
    /// at its start; the only open round in the room; or the only round
    /// waiting on this person privately.
    pub(super) fn find_round(
        &self,
        m: &Inbound,
        answering: bool,
    ) -> Result<std::result::Result<RoundId, Rejection>> {
        let platform = m.sender.platform;
        let open = || self.open.values();
        let tagged = which::round_tag(&m.text).map(|(id, _)| id);
        let thread = match &m.place {
            Place::Thread(id) | Place::Form(id, _) => Some(*id),
            Place::ThreadOf(root) => self.store.round_of_root(platform, root)?,
            Place::Group | Place::Private | Place::Mine(_) => None,
        };
        let prefix = &self.defaults.prefix;
        if let Some(id) = thread {
            return Ok(which::named(open(), id, prefix));
        }
        let replied = match (&m.place, &m.reply_to) {
            (Place::Private, Some(post)) => self.store.round_of_private(platform, post)?,
            _ => None,
        };
        if let Some(id) = replied.or(tagged.filter(|_| m.place != Place::Group)) {
            // A number no round ever had is not "ended".
            if id.0 >= self.next_round {
                return Ok(Err(msg::ERR_NO_SUCH_ROUND
                    .msg()
                    .text("round", id.to_string())
                    .text("prefix", prefix.clone())
                    .into()));
            }
            return Ok(which::named(open(), id, prefix));
        }
        let chosen = match (&m.place, &m.group) {
            (Place::Private, _) | (_, None) => which::choose(
                open(),
                Asked::Private(&m.sender),
                answering,
                |r| self.waits_privately_on(r, m),
                prefix,
            ),
            (_, Some(g)) => which::choose(open(), Asked::Group(g), answering, |_| false, prefix),
        };
        // A thread under one of the bot's messages that no record names, with
        // no one round it can be: say so rather than guess.
        Ok(match (&m.place, chosen) {
            (Place::ThreadOf(_), Err(_)) => Err(msg::ERR_THREAD_UNKNOWN
                .msg()
                .text("prefix", prefix.clone())
                .into()),
            // Nothing open: if a round here (or, privately, one of theirs)
            // has ended, a late message is about that one.
            (_, Err(rej))
                if [msg::ERR_NO_ROUND.id, msg::ERR_NOT_IN_ROUND.id]
                    .contains(&rej.msg.id.as_str()) =>
            {
                match self.last_ended(m)? {
                    Some(id) => Err(which::ended(id, prefix)),
                    None => Err(rej),
                }
            }
            (_, chosen) => chosen,
        })
    }

    /// The round that ended last in the message's room or, privately, among
    /// the sender's: what a late answer or `status` is most likely about.
    fn last_ended(&self, m: &Inbound) -> Result<Option<RoundId>> {
        let rounds = self.store.rounds()?;
        let ended = rounds.iter().filter(|r| !r.status.is_open());
        let mine = |r: &&crate::core::Round| match (&m.place, &m.group) {
            (Place::Private, _) | (_, None) => r.participant(&m.sender).is_some(),
            (_, Some(g)) => &r.group == g,
        };
        Ok(ended.filter(mine).map(|r| r.id).max())
    }

    /// Whether round `r` waits on the sender for a blind (private) answer.
    pub(super) fn waits_privately_on(&self, r: &crate::core::Round, m: &Inbound) -> bool {
        let flow = match self.flow_of(r) {
            Ok(f) => f,
            Err(e) => {
                tracing::error!(round = r.id.0, "{e}");
                return false;
            }
        };
        r.current(&flow)
            .is_some_and(|s| s.blind() && r.acts(&s.who, &m.sender))
    }
}
