//! The sled store. Facts about sled 0.34.7 this is shaped around: it writes to
//! disk only every 500 ms unless flushed, so every commit is flushed before it
//! returns; multi-tree transactions cannot scan, so timers are kept by key
//! (`keys::timer`) plus a per-round pointer to the current one; the page cache
//! defaults to 1 GiB, so it is capped.
//!
//! Every record with people's words in it (rounds, groups, outbox, flows) is
//! sealed (`seal`); keys, timers, counters and routing records (ids only)
//! are not.

use super::seal::{Key, Sealer};
use super::{decode, encode, keys, Commit, Result, Store, StoreError, SCHEMA_VERSION};
use crate::core::effect::Pending;
use crate::core::group::GroupState;
use crate::core::ids::{GroupId, RoundId};
use crate::core::{Flow, Round};
use chrono::{DateTime, Utc};
use sled::transaction::{ConflictableTransactionError, TransactionError, TransactionalTree};
use sled::{Transactional, Tree};
use std::path::Path;

const CACHE_BYTES: u64 = 32 * 1024 * 1024;

pub struct SledStore {
    db: sled::Db,
    /// rounds, open, groups, outbox, timers, timer_of, flows, meta, inbox,
    /// routes (the tree is still called "links") — in this order.
    trees: Vec<Tree>,
    sealer: Sealer,
}

pub(super) const ROUNDS: usize = 0;
const OPEN: usize = 1;
const GROUPS: usize = 2;
pub(super) const OUTBOX: usize = 3;
const TIMERS: usize = 4;
const TIMER_OF: usize = 5;
const FLOWS: usize = 6;
pub(super) const META: usize = 7;
pub(super) const INBOX: usize = 8;
pub(super) const ROUTES: usize = 9;
const NAMES: [&str; 10] = [
    "rounds", "open", "groups", "outbox", "timers", "timer_of", "flows", "meta", "inbox", "links",
];
/// The trees whose values are sealed.
const SEALED: [usize; 4] = [ROUNDS, GROUPS, OUTBOX, FLOWS];
/// The meta entry that proves the key.
const KEY_CHECK: &str = "key_check";

/// Sled locks the directory. A handle dropped a moment ago in this process may
/// hold the lock a little longer (its flusher thread lets go lazily, sled
/// issue 1289), so a busy lock is tried again for two seconds before another
/// process is taken to be using the store.
fn open_db(dir: &Path) -> Result<sled::Db> {
    let config = sled::Config::new()
        .path(dir)
        .cache_capacity(CACHE_BYTES)
        .flush_every_ms(Some(1000));
    let until = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        match config.open() {
            // Sled reports it as an `Other` error with this text (config.rs).
            Err(sled::Error::Io(e)) if e.to_string().starts_with("could not acquire lock") => {
                if std::time::Instant::now() >= until {
                    return Err(StoreError::InUse(dir.display().to_string()));
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            r => return Ok(r?),
        }
    }
}

impl SledStore {
    /// Opens (or creates) the store in `dir`, sealed with `key`. A store
    /// written with another key is refused here, before anything is read.
    pub fn open(dir: &Path, key: &Key) -> Result<Self> {
        let db = open_db(dir)?;
        let trees = NAMES
            .iter()
            .map(|n| db.open_tree(n))
            .collect::<sled::Result<Vec<_>>>()?;
        let store = Self {
            db,
            trees,
            sealer: Sealer::new(key),
        };
        store.check_key()?;
        match store.meta("schema")? {
            Some(v) if v as u32 > SCHEMA_VERSION => {
                return Err(StoreError::Schema { found: v as u32 })
            }
            Some(1) => super::migrate::v1_to_v2(&store)?,
            Some(_) => {}
            None => {
                store.trees[META].insert("schema", &u64::from(SCHEMA_VERSION).to_be_bytes())?;
                store.db.flush()?;
            }
        }
        if store.meta("instance")?.is_none() {
            // A number that differs between stores, so ids derived from outbox
            // ids never repeat across a wiped and recreated store.
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            let instance = nanos ^ (u64::from(std::process::id()) << 32);
            store.trees[META].insert("instance", &instance.to_be_bytes())?;
            store.db.flush()?;
        }
        Ok(store)
    }

    pub(super) fn tree(&self, i: usize) -> &Tree {
        &self.trees[i]
    }

    /// Verifies the key against the stored check value; a store without one
    /// is new, or from before encryption: its records are sealed now.
    fn check_key(&self) -> Result<()> {
        if let Some(check) = self.tree(META).get(KEY_CHECK)? {
            if self.sealer.verify(&check) {
                return Ok(());
            }
            return Err(StoreError::WrongKey("this store".into()));
        }
        for t in SEALED {
            for kv in self.tree(t).iter() {
                let (k, v) = kv?;
                self.tree(t).insert(k, self.sealer.seal(NAMES[t], &v)?)?;
            }
        }
        self.tree(META)
            .insert(KEY_CHECK, self.sealer.check_value()?)?;
        self.db.flush()?;
        Ok(())
    }

    /// Seals a value for a sealed tree (outside a transaction).
    pub(super) fn seal_value<T: serde::Serialize>(&self, what: &str, value: &T) -> Result<Vec<u8>> {
        self.sealer.seal(what, &encode(what, value)?)
    }

    pub(super) fn load<T: serde::de::DeserializeOwned>(
        &self,
        what: &str,
        bytes: &[u8],
    ) -> Result<T> {
        decode(what, &self.sealer.open(what, bytes)?)
    }
}

fn sealed<T: serde::Serialize>(
    s: &Sealer,
    what: &str,
    value: &T,
) -> std::result::Result<Vec<u8>, ConflictableTransactionError<StoreError>> {
    encode(what, value)
        .and_then(|plain| s.seal(what, &plain))
        .map_err(abort)
}

fn abort(e: StoreError) -> ConflictableTransactionError<StoreError> {
    ConflictableTransactionError::Abort(e)
}

fn apply(
    t: &[TransactionalTree],
    c: &Commit,
    s: &Sealer,
    unsent: &[sled::IVec],
) -> std::result::Result<(), ConflictableTransactionError<StoreError>> {
    for id in &c.erase {
        let k = keys::round(*id);
        t[ROUNDS].remove(&k)?;
        t[OPEN].remove(&k)?;
        if let Some(old) = t[TIMER_OF].remove(&k)? {
            t[TIMERS].remove(old)?;
        }
    }
    for k in unsent {
        t[OUTBOX].remove(k)?;
    }
    for r in &c.rounds {
        let id = keys::round(r.id);
        if let Some(old) = t[TIMER_OF].remove(&id)? {
            t[TIMERS].remove(old)?;
        }
        if let Some(due) = r.next_timer() {
            let k = keys::timer(due, r.id);
            t[TIMERS].insert(&k, &[])?;
            t[TIMER_OF].insert(&id, &k)?;
        }
        if r.status.is_open() {
            t[OPEN].insert(&id, &[])?;
        } else {
            t[OPEN].remove(&id)?;
        }
        t[ROUNDS].insert(&id, sealed(s, "round", r)?)?;
    }
    for g in &c.groups {
        t[GROUPS].insert(keys::group(&g.id), sealed(s, "group", g)?)?;
    }
    for o in &c.outbox {
        t[OUTBOX].insert(&keys::outbox(o.id()), sealed(s, "outbox entry", o)?)?;
    }
    for id in &c.delivered {
        t[OUTBOX].remove(&keys::outbox(*id))?;
    }
    for w in &c.routes {
        match &w.value {
            Some(v) => t[ROUTES].insert(w.key.as_slice(), v.as_slice())?,
            None => t[ROUTES].remove(w.key.as_slice())?,
        };
    }
    for f in &c.flows {
        t[FLOWS].insert(keys::flow(&f.id, f.version), sealed(s, "flow", f)?)?;
    }
    for (k, v) in &c.meta {
        t[META].insert(k.as_bytes(), &v.to_be_bytes())?;
    }
    for (e, at) in &c.inbox {
        t[INBOX].insert(e.as_bytes(), &at.timestamp_millis().to_be_bytes())?;
    }
    Ok(())
}

impl Store for SledStore {
    fn apply(&self, c: &Commit) -> Result<()> {
        // Transactions cannot scan: the unsent messages of erased rounds are
        // looked up first (the commit's own new messages are not among them).
        let mut unsent = Vec::new();
        if !c.erase.is_empty() {
            for kv in self.tree(OUTBOX).iter() {
                let (k, v) = kv?;
                let o: Pending = self.load("outbox entry", &v)?;
                if o.round().is_some_and(|r| c.erase.contains(&r)) {
                    unsent.push(k);
                }
            }
        }
        self.trees
            .as_slice()
            .transaction(|t| apply(t, c, &self.sealer, &unsent))
            .map_err(|e| match e {
                TransactionError::Abort(e) => e,
                TransactionError::Storage(e) => e.into(),
            })?;
        Ok(())
    }

    fn sync(&self) -> Result<()> {
        // Durable before anything is sent or acknowledged.
        self.db.flush()?;
        Ok(())
    }

    fn round(&self, id: RoundId) -> Result<Option<Round>> {
        self.tree(ROUNDS)
            .get(keys::round(id))?
            .map(|v| self.load("round", &v))
            .transpose()
    }

    fn open_rounds(&self) -> Result<Vec<Round>> {
        let mut out = Vec::new();
        for k in self.tree(OPEN).iter().keys() {
            let k = k?;
            if let Some(v) = self.tree(ROUNDS).get(&k)? {
                out.push(self.load("round", &v)?);
            }
        }
        Ok(out)
    }

    fn rounds(&self) -> Result<Vec<Round>> {
        self.tree(ROUNDS)
            .iter()
            .values()
            .map(|v| self.load("round", &v?))
            .collect()
    }

    fn group(&self, id: &GroupId) -> Result<Option<GroupState>> {
        self.tree(GROUPS)
            .get(keys::group(id))?
            .map(|v| self.load("group", &v))
            .transpose()
    }

    fn groups(&self) -> Result<Vec<GroupState>> {
        self.tree(GROUPS)
            .iter()
            .values()
            .map(|v| self.load("group", &v?))
            .collect()
    }

    fn outbox(&self) -> Result<Vec<Pending>> {
        self.tree(OUTBOX)
            .iter()
            .values()
            .map(|v| self.load("outbox entry", &v?))
            .collect()
    }

    fn due(&self, now: DateTime<Utc>) -> Result<Vec<RoundId>> {
        let mut out = Vec::new();
        for k in self.tree(TIMERS).iter().keys() {
            let k = k?;
            match keys::timer_parts(&k) {
                Some((t, id)) if t <= now => out.push(id),
                Some(_) => break,
                None => return Err(StoreError::Backend("malformed timer key".into())),
            }
        }
        Ok(out)
    }

    fn next_due(&self) -> Result<Option<DateTime<Utc>>> {
        match self.tree(TIMERS).first()? {
            Some((k, _)) => Ok(keys::timer_parts(&k).map(|(t, _)| t)),
            None => Ok(None),
        }
    }

    fn flow(&self, id: &str, version: u32) -> Result<Option<Flow>> {
        self.tree(FLOWS)
            .get(keys::flow(id, version))?
            .map(|v| self.load("flow", &v))
            .transpose()
    }

    fn meta(&self, key: &str) -> Result<Option<u64>> {
        Ok(self.tree(META).get(key)?.and_then(|v| {
            let bytes: [u8; 8] = v.as_ref().try_into().ok()?;
            Some(u64::from_be_bytes(bytes))
        }))
    }

    fn schema_version(&self) -> Result<u32> {
        Ok(self.meta("schema")?.unwrap_or(0) as u32)
    }

    fn inbox_has(&self, event: &str) -> Result<bool> {
        Ok(self.tree(INBOX).contains_key(event.as_bytes())?)
    }

    fn prune_inbox(&self, before: DateTime<Utc>) -> Result<usize> {
        let before = before.timestamp_millis();
        let mut old = Vec::new();
        for kv in self.tree(INBOX).iter() {
            let (k, v) = kv?;
            // Entries from before times were kept count as old.
            let at = <[u8; 8]>::try_from(v.as_ref()).map_or(0, i64::from_be_bytes);
            if at < before {
                old.push(k);
            }
        }
        let mut batch = sled::Batch::default();
        for k in &old {
            batch.remove(k);
        }
        self.tree(INBOX).apply_batch(batch)?;
        Ok(old.len())
    }

    fn route(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self.tree(ROUTES).get(key)?.map(|v| v.to_vec()))
    }

    fn routes_with_prefix(&self, prefix: &[u8]) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.tree(ROUTES)
            .scan_prefix(prefix)
            .map(|kv| {
                let (k, v) = kv?;
                Ok((k.to_vec(), v.to_vec()))
            })
            .collect()
    }
}

impl Drop for SledStore {
    fn drop(&mut self) {
        if let Err(e) = self.db.flush() {
            tracing::warn!("flushing the store on shutdown failed: {e}");
        }
    }
}
