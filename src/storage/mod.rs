//! Where state lives: the `Store` trait, an in-memory store for tests and a sled
//! store for real use. One commit writes the new round state, its outbox entries
//! and its timer together, so a crash between deciding and sending loses nothing.

#[cfg(test)]
mod conformance;
mod keys;
mod memory;
mod migrate;
pub mod seal;
mod sled_store;

pub use memory::MemoryStore;
pub use seal::{Key, KeyError};
pub use sled_store::SledStore;

use crate::core::effect::Pending;
use crate::core::group::GroupState;
use crate::core::ids::{GroupId, RoundId};
use crate::core::{Flow, Round};
use crate::edge::routes::RouteWrite;
use chrono::{DateTime, Utc};

/// The version of the stored data's shape. Bumped with every incompatible
/// change; a store written by a newer brug is refused rather than misread.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("storage: {0}")]
    Backend(String),
    #[error("stored data could not be read or written ({what}): {source}")]
    Corrupt {
        what: String,
        #[source]
        source: serde_json::Error,
    },
    #[error(
        "the store key does not open {0}: it was written with another key \
         (check BRUG_STORE_KEY or the key file)"
    )]
    WrongKey(String),
    #[error("the store in {0} is in use by another brug process (one store, one bot)")]
    InUse(String),
    #[error(
        "the store was written by a newer brug (schema {found}, this one reads {SCHEMA_VERSION})"
    )]
    Schema { found: u32 },
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        StoreError::Backend(e.to_string())
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Everything one engine step writes, applied all-or-nothing.
#[derive(Debug, Clone, Default)]
pub struct Commit {
    pub rounds: Vec<Round>,
    pub groups: Vec<GroupState>,
    pub outbox: Vec<Pending>,
    /// Outbox entries done (delivered, or given up on).
    pub delivered: Vec<u64>,
    /// Routing records set or removed (from delivery receipts, erasure).
    pub routes: Vec<RouteWrite>,
    /// Flow definitions rounds were started with, kept so a round finishes on
    /// the flow it began with even if the file changes.
    pub flows: Vec<Flow>,
    /// Small named values: counters, the console's clock.
    pub meta: Vec<(String, u64)>,
    /// Platform events handled by this commit (`platform/event id`, see
    /// `edge::routes::inbox_key`) and when, so that one delivered twice is
    /// recognised and handled once; old ones are pruned.
    pub inbox: Vec<(String, DateTime<Utc>)>,
    /// Rounds whose records leave the store, with their timers and any of
    /// their messages not yet sent.
    pub erase: Vec<RoundId>,
}

impl Commit {
    pub fn is_empty(&self) -> bool {
        self.rounds.is_empty()
            && self.groups.is_empty()
            && self.outbox.is_empty()
            && self.delivered.is_empty()
            && self.routes.is_empty()
            && self.flows.is_empty()
            && self.meta.is_empty()
            && self.inbox.is_empty()
            && self.erase.is_empty()
    }
}

pub trait Store: Send + Sync {
    /// Applies a commit atomically and durably: when this returns Ok, it survives
    /// a crash. Each round's timer is derived from `Round::next_timer`.
    fn commit(&self, c: &Commit) -> Result<()> {
        self.apply(c)?;
        self.sync()
    }
    /// Applies a commit atomically, leaving durability to the next `sync`:
    /// readers see it at once; a crash before `sync` may lose it, whole, never
    /// in part. Lets several commits share one trip to the disk.
    fn apply(&self, c: &Commit) -> Result<()>;
    /// Makes every commit applied so far durable.
    fn sync(&self) -> Result<()>;
    fn round(&self, id: RoundId) -> Result<Option<Round>>;
    /// Rounds that are not closed or cancelled.
    fn open_rounds(&self) -> Result<Vec<Round>>;
    /// Every round kept, open or not (erasure walks them all).
    fn rounds(&self) -> Result<Vec<Round>>;
    fn group(&self, id: &GroupId) -> Result<Option<GroupState>>;
    /// Every group brug keeps settings for (few: one per room or channel).
    fn groups(&self) -> Result<Vec<GroupState>>;
    /// Committed work not yet done, oldest first.
    fn outbox(&self) -> Result<Vec<Pending>>;
    /// Marks messages delivered: removes them from the outbox, durably.
    fn delivered(&self, ids: &[u64]) -> Result<()> {
        self.commit(&Commit {
            delivered: ids.to_vec(),
            ..Commit::default()
        })
    }
    /// Rounds with a timer due at or before `now`, earliest first.
    fn due(&self, now: DateTime<Utc>) -> Result<Vec<RoundId>>;
    /// The earliest timer of all rounds.
    fn next_due(&self) -> Result<Option<DateTime<Utc>>>;
    fn flow(&self, id: &str, version: u32) -> Result<Option<Flow>>;
    fn meta(&self, key: &str) -> Result<Option<u64>>;
    fn schema_version(&self) -> Result<u32>;
    /// Whether a platform event was already handled (its inbox key).
    fn inbox_has(&self, event: &str) -> Result<bool>;
    /// Forgets handled events from before `before`; returns how many.
    fn prune_inbox(&self, before: DateTime<Utc>) -> Result<usize>;
    /// One routing record (typed keys and values: `edge::routes`).
    fn route(&self, key: &[u8]) -> Result<Option<Vec<u8>>>;
    /// Every routing record whose key starts with `prefix`, in key order.
    fn routes_with_prefix(&self, prefix: &[u8]) -> Result<Vec<(Vec<u8>, Vec<u8>)>>;
}

impl<T: Store + ?Sized> Store for std::sync::Arc<T> {
    fn commit(&self, c: &Commit) -> Result<()> {
        (**self).commit(c)
    }
    fn apply(&self, c: &Commit) -> Result<()> {
        (**self).apply(c)
    }
    fn sync(&self) -> Result<()> {
        (**self).sync()
    }
    fn round(&self, id: RoundId) -> Result<Option<Round>> {
        (**self).round(id)
    }
    fn open_rounds(&self) -> Result<Vec<Round>> {
        (**self).open_rounds()
    }
    fn rounds(&self) -> Result<Vec<Round>> {
        (**self).rounds()
    }
    fn group(&self, id: &GroupId) -> Result<Option<GroupState>> {
        (**self).group(id)
    }
    fn groups(&self) -> Result<Vec<GroupState>> {
        (**self).groups()
    }
    fn outbox(&self) -> Result<Vec<Pending>> {
        (**self).outbox()
    }
    fn delivered(&self, ids: &[u64]) -> Result<()> {
        (**self).delivered(ids)
    }
    fn due(&self, now: DateTime<Utc>) -> Result<Vec<RoundId>> {
        (**self).due(now)
    }
    fn next_due(&self) -> Result<Option<DateTime<Utc>>> {
        (**self).next_due()
    }
    fn flow(&self, id: &str, version: u32) -> Result<Option<Flow>> {
        (**self).flow(id, version)
    }
    fn meta(&self, key: &str) -> Result<Option<u64>> {
        (**self).meta(key)
    }
    fn schema_version(&self) -> Result<u32> {
        (**self).schema_version()
    }
    fn inbox_has(&self, event: &str) -> Result<bool> {
        (**self).inbox_has(event)
    }
    fn prune_inbox(&self, before: DateTime<Utc>) -> Result<usize> {
        (**self).prune_inbox(before)
    }
    fn route(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        (**self).route(key)
    }
    fn routes_with_prefix(&self, prefix: &[u8]) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        (**self).routes_with_prefix(prefix)
    }
}

fn decode<T: serde::de::DeserializeOwned>(what: &str, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes).map_err(|source| StoreError::Corrupt {
        what: what.to_string(),
        source,
    })
}

fn encode<T: serde::Serialize>(what: &str, value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|source| StoreError::Corrupt {
        what: what.to_string(),
        source,
    })
}
