//! The one delivery trait every platform implements, and the shared driver
//! around it: where a message goes (a room, a round's thread, a person's
//! private place, opened when there is none yet), its idempotency key, its
//! rendering, retries — and the receipt that tells the engine what was
//! posted, so that routing records have the engine as their only writer.

use super::render::Prepared;
use super::retry::{retrying, Failure};
use super::routes::{PlaceId, PostRef, RouteView};
use crate::core::effect::{Destination, Outgoing, Pending, Retraction};
use crate::core::ids::{Platform, RoundId, UserRef};
use crate::flows::Catalog;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Why a platform call failed, as far as trying again is concerned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// The platform asked to wait this long (a rate limit).
    #[error("rate limited for {0:?}")]
    RateLimited(Duration),
    /// Likely to pass (the server away, the network down).
    #[error("{0}")]
    Passing(String),
    /// Trying again will not help (no access, no such place).
    #[error("{0}")]
    Permanent(String),
    /// The person does not accept private messages from the bot.
    #[error("{0} does not accept private messages")]
    PrivateClosed(String),
    /// Reading the routes failed.
    #[error("reading routes: {0}")]
    Routes(String),
}

impl DeliveryError {
    /// What the failure means for trying again.
    pub fn failure(&self) -> Failure {
        match self {
            DeliveryError::RateLimited(d) => Failure::RetryAfter(*d),
            DeliveryError::Passing(_) | DeliveryError::Routes(_) => Failure::Passing,
            DeliveryError::Permanent(_) | DeliveryError::PrivateClosed(_) => Failure::Permanent,
        }
    }
}

/// One message, ready for a platform to send.
pub struct Post<'a> {
    pub out: &'a Outgoing,
    pub prepared: &'a Prepared,
    /// The room or channel (or private place) to post in.
    pub place: &'a str,
    /// The round's root message when the post belongs in its thread.
    pub thread: Option<&'a str>,
    /// At most 25 characters, the same for every attempt of this message.
    pub key: &'a str,
}

/// What a platform adapter does: send, delete and open — one message or
/// place at a time. Everything else is shared.
pub trait Deliver: Send + Sync + 'static {
    fn platform(&self) -> Platform;
    /// Whether a round's thread is a place of its own, whose messages are
    /// found (and deleted) there rather than in the group's (Discord: a
    /// thread is a channel; Matrix: a thread is in its room).
    fn thread_is_a_place(&self) -> bool {
        false
    }
    /// Posts one message; returns its ids on the platform: one, or each part
    /// of a message the platform made it split (the first is the message's);
    /// none where the platform has no ids, as in the terminal. Sending the
    /// same `key` twice must not post twice where the platform allows.
    fn send<'a>(&'a self, post: &'a Post<'a>) -> BoxFuture<'a, Result<Vec<String>, DeliveryError>>;
    /// Whether the bot's messages can be edited here (a step's progress is
    /// then one message, updated in place).
    fn can_edit(&self) -> bool {
        false
    }
    /// Replaces the text of one of the bot's earlier messages with `post`'s.
    fn edit<'a>(
        &'a self,
        _earlier: &'a PostRef,
        _post: &'a Post<'a>,
    ) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async { Err(DeliveryError::Permanent("this platform cannot edit".into())) })
    }
    /// Deletes (redacts) one of the bot's messages.
    fn delete<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), DeliveryError>>;
    /// Opens a private place with a person; returns its id.
    fn open_private<'a>(
        &'a self,
        user: &'a UserRef,
    ) -> BoxFuture<'a, Result<String, DeliveryError>>;
}

/// What a delivery did, for the engine to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// The outbox entry.
    pub id: u64,
    pub round: Option<RoundId>,
    pub to: Option<Destination>,
    /// What was posted: the message, then any further parts of it (none:
    /// delivered, but the platform has no ids).
    pub posted: Vec<PostRef>,
    /// A private place opened on the way.
    pub opened: Option<(UserRef, String)>,
    /// A retraction: the round whose messages were taken back.
    pub retracted: Option<RoundId>,
    /// A private message the person does not accept: kept for them, not
    /// delivered (see `engine::parking`).
    pub kept: bool,
    /// The slot whose message this post now is (the first of a slot).
    pub slot: Option<String>,
}

impl Receipt {
    /// Delivered without a new post: an edit, or (`kept`) a private message
    /// kept for someone who takes none.
    fn nothing_posted(o: &Outgoing, opened: Option<(UserRef, String)>, kept: bool) -> Self {
        Receipt {
            id: o.id,
            round: o.round,
            to: Some(o.to.clone()),
            posted: Vec::new(),
            opened,
            retracted: None,
            kept,
            slot: None,
        }
    }
}

/// An idempotency key for outbox entry `id` of the store `instance`: at most
/// 25 characters (Discord's `nonce`), never the same for two entries of one
/// store, and unlikely to repeat across stores.
pub fn idempotency_key(instance: u64, id: u64) -> String {
    format!("b{}-{}", base36(instance & ((1 << 40) - 1)), base36(id))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// What a lane delivered a moment ago: its receipts reach the store through
/// the engine a little later, and the next message of the same place (a
/// round's thread after its root, a second private message to someone new)
/// must not wait for that or miss it.
#[derive(Default)]
pub struct Recent {
    roots: std::collections::HashMap<RoundId, String>,
    private: std::collections::HashMap<UserRef, String>,
    slots: std::collections::HashMap<(RoundId, String), PostRef>,
}

/// Everything the shared driver needs besides the adapter.
pub struct Driver<'a> {
    pub catalog: &'a Catalog,
    pub routes: &'a dyn RouteView,
    pub instance: u64,
}

impl Driver<'_> {
    /// Delivers one outbox entry through `adapter`, trying again on passing
    /// failures; `posts` are the round's messages, for a retraction.
    pub async fn deliver(
        &self,
        adapter: &dyn Deliver,
        job: &Job,
        recent: &mut Recent,
    ) -> Result<Receipt, DeliveryError> {
        match job {
            Job::Post(o) => self.post(adapter, o, recent).await,
            Job::Retract { retraction, posts } => {
                self.retract(adapter, retraction, posts, recent).await
            }
        }
    }

    async fn post(
        &self,
        adapter: &dyn Deliver,
        o: &Outgoing,
        recent: &mut Recent,
    ) -> Result<Receipt, DeliveryError> {
        let routes = |e: crate::storage::StoreError| DeliveryError::Routes(e.to_string());
        let what = format!("sending message {}", o.id);
        let mut opened = None;
        let (place, thread) = match &o.to {
            Destination::Root(g, _) | Destination::Group(g) => (g.id.clone(), None),
            Destination::Thread(g, r) => {
                let root = match recent.roots.get(r) {
                    Some(id) => Some(id.clone()),
                    None => self.routes.root_of(*r).map_err(routes)?.map(|p| p.id),
                };
                (g.id.clone(), root)
            }
            Destination::Private(u) => match recent
                .private
                .get(u)
                .cloned()
                .map_or_else(|| self.routes.private_place(u), |p| Ok(Some(p)))
                .map_err(routes)?
            {
                Some(p) => (p, None),
                None => {
                    let p = retrying("opening a private place", DeliveryError::failure, || {
                        adapter.open_private(u)
                    })
                    .await?;
                    opened = Some((u.clone(), p.clone()));
                    recent.private.insert(u.clone(), p.clone());
                    (p, None)
                }
            },
        };
        let prepared = Prepared::new(self.catalog, o);
        for e in &prepared.errors {
            tracing::error!("render problem: {e}");
        }
        let key = idempotency_key(self.instance, o.id);
        let post = Post {
            out: o,
            prepared: &prepared,
            place: &place,
            thread: thread.as_deref(),
            key: &key,
        };
        let posted_in = match &thread {
            Some(t) if adapter.thread_is_a_place() => t.to_string(),
            _ => place.clone(),
        };
        // A slot's later messages edit its first, where the platform can;
        // one that cannot be edited (deleted meanwhile) is posted anew.
        let slot = o.msg.slot.clone().zip(o.round);
        if let (Some((name, round)), true) = (&slot, adapter.can_edit()) {
            let key = (*round, name.clone());
            let earlier = match recent.slots.get(&key) {
                Some(p) => Some(p.clone()),
                None => self.routes.slot(*round, name).map_err(routes)?,
            };
            if let Some(earlier) = earlier {
                let edited = retrying("editing a message", DeliveryError::failure, || {
                    adapter.edit(&earlier, &post)
                })
                .await;
                match edited {
                    Ok(()) => return Ok(Receipt::nothing_posted(o, opened, false)),
                    Err(e) => tracing::warn!(id = o.id, "could not edit, posting anew: {e}"),
                }
            }
        }
        let began = std::time::Instant::now();
        let sent = retrying(&what, DeliveryError::failure, || adapter.send(&post)).await;
        tracing::trace!(id = o.id, took = ?began.elapsed(), "sent");
        let id = match sent {
            Err(DeliveryError::PrivateClosed(why)) if matches!(o.to, Destination::Private(_)) => {
                tracing::info!(
                    id = o.id,
                    "kept for its reader, who takes no private messages: {why}"
                );
                return Ok(Receipt::nothing_posted(o, opened, true));
            }
            r => r?,
        };
        if let (Destination::Root(_, r), Some(first)) = (&o.to, id.first()) {
            recent.roots.insert(*r, first.clone());
        }
        let posted: Vec<PostRef> = id
            .into_iter()
            .map(|id| PostRef {
                place: PlaceId::new(adapter.platform(), posted_in.clone()),
                id,
            })
            .collect();
        let slot = slot.filter(|_| !posted.is_empty());
        if let (Some((name, round)), Some(first)) = (&slot, posted.first()) {
            recent.slots.insert((*round, name.clone()), first.clone());
        }
        Ok(Receipt {
            id: o.id,
            round: o.round,
            to: Some(o.to.clone()),
            posted,
            opened,
            retracted: None,
            kept: false,
            slot: slot.map(|(name, _)| name),
        })
    }

    async fn retract(
        &self,
        adapter: &dyn Deliver,
        r: &Retraction,
        posts: &[PostRef],
        recent: &mut Recent,
    ) -> Result<Receipt, DeliveryError> {
        for p in posts {
            // One message that cannot be taken back (gone already, a room
            // left) does not keep the others up.
            if let Err(e) = retrying("taking back a message", DeliveryError::failure, || {
                adapter.delete(p)
            })
            .await
            {
                tracing::warn!(round = r.round.0, "a message could not be taken back: {e}");
            }
        }
        recent.roots.remove(&r.round);
        recent.slots.retain(|(round, _), _| *round != r.round);
        let mut receipt = self.post(adapter, &r.notice, recent).await?;
        receipt.round = Some(r.round);
        receipt.retracted = Some(r.round);
        // The notice outlives the round: it is not one of the round's posts.
        receipt.posted = Vec::new();
        Ok(receipt)
    }
}

/// An outbox entry on its way, with what a retraction needs to know.
#[derive(Debug, Clone)]
pub enum Job {
    Post(Outgoing),
    Retract {
        retraction: Retraction,
        /// The round's messages, read once every earlier one was recorded.
        posts: Vec<PostRef>,
    },
}

impl Job {
    pub fn id(&self) -> u64 {
        match self {
            Job::Post(o) => o.id,
            Job::Retract { retraction, .. } => retraction.notice.id,
        }
    }

    /// Builds the job for an outbox entry, reading a retraction's messages.
    pub fn of(p: Pending, routes: &dyn RouteView) -> Result<Job, crate::storage::StoreError> {
        Ok(match p {
            Pending::Post(o) => Job::Post(o),
            Pending::Retract(r) => {
                let posts = routes
                    .posts_of(r.round)?
                    .into_iter()
                    .map(|(_, p)| p)
                    .collect();
                Job::Retract {
                    retraction: r,
                    posts,
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotency_keys_fit_discord_and_differ() {
        let k = idempotency_key(u64::MAX, u64::MAX);
        assert!(k.len() <= 25, "{k} is {} long", k.len());
        assert_ne!(idempotency_key(7, 12), idempotency_key(7, 13));
        assert_ne!(idempotency_key(7, 12), idempotency_key(8, 12));
        assert_eq!(idempotency_key(0, 35), "b0-z");
    }
}
