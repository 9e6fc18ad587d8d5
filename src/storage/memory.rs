//! A store in memory, for tests and for `brug try` without `--store`.

use super::{Commit, Result, Store, SCHEMA_VERSION};
use crate::core::effect::Pending;
use crate::core::group::GroupState;
use crate::core::ids::{GroupId, RoundId};
use crate::core::{Flow, Round};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

#[derive(Default)]
struct Inner {
    rounds: BTreeMap<RoundId, Round>,
    groups: BTreeMap<GroupId, GroupState>,
    outbox: BTreeMap<u64, Pending>,
    timers: BTreeSet<(DateTime<Utc>, RoundId)>,
    timer_of: BTreeMap<RoundId, DateTime<Utc>>,
    flows: BTreeMap<(String, u32), Flow>,
    meta: BTreeMap<String, u64>,
    inbox: BTreeMap<String, DateTime<Utc>>,
    routes: BTreeMap<Vec<u8>, Vec<u8>>,
}

#[derive(Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves the data as consistent as the
        // commit that panicked; keep serving rather than poisoning every caller.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Store for MemoryStore {
    fn sync(&self) -> Result<()> {
        Ok(())
    }

    fn apply(&self, c: &Commit) -> Result<()> {
        // Serialise like the sled store does, so a type that cannot be stored
        // fails here too, not only in production.
        for r in &c.rounds {
            super::encode("round", r)?;
        }
        for f in &c.flows {
            super::encode("flow", f)?;
        }
        for o in &c.outbox {
            super::encode("outbox entry", o)?;
        }
        let mut s = self.lock();
        for id in &c.erase {
            s.rounds.remove(id);
            if let Some(old) = s.timer_of.remove(id) {
                s.timers.remove(&(old, *id));
            }
            s.outbox.retain(|_, o| o.round() != Some(*id));
        }
        for r in &c.rounds {
            if let Some(old) = s.timer_of.remove(&r.id) {
                s.timers.remove(&(old, r.id));
            }
            if let Some(t) = r.next_timer() {
                s.timers.insert((t, r.id));
                s.timer_of.insert(r.id, t);
            }
            s.rounds.insert(r.id, r.clone());
        }
        for g in &c.groups {
            s.groups.insert(g.id.clone(), g.clone());
        }
        for o in &c.outbox {
            s.outbox.insert(o.id(), o.clone());
        }
        for id in &c.delivered {
            s.outbox.remove(id);
        }
        for w in &c.routes {
            match &w.value {
                Some(v) => s.routes.insert(w.key.clone(), v.clone()),
                None => s.routes.remove(&w.key),
            };
        }
        for f in &c.flows {
            s.flows.insert((f.id.clone(), f.version), f.clone());
        }
        for (k, v) in &c.meta {
            s.meta.insert(k.clone(), *v);
        }
        s.inbox.extend(c.inbox.iter().cloned());
        Ok(())
    }

    fn round(&self, id: RoundId) -> Result<Option<Round>> {
        Ok(self.lock().rounds.get(&id).cloned())
    }

    fn rounds(&self) -> Result<Vec<Round>> {
        Ok(self.lock().rounds.values().cloned().collect())
    }

    fn open_rounds(&self) -> Result<Vec<Round>> {
        Ok(self
            .lock()
            .rounds
            .values()
            .filter(|r| r.status.is_open())
            .cloned()
            .collect())
    }

    fn group(&self, id: &GroupId) -> Result<Option<GroupState>> {
        Ok(self.lock().groups.get(id).cloned())
    }

    fn groups(&self) -> Result<Vec<GroupState>> {
        Ok(self.lock().groups.values().cloned().collect())
    }

    fn outbox(&self) -> Result<Vec<Pending>> {
        Ok(self.lock().outbox.values().cloned().collect())
    }

    fn due(&self, now: DateTime<Utc>) -> Result<Vec<RoundId>> {
        Ok(self
            .lock()
            .timers
            .iter()
            .take_while(|(t, _)| *t <= now)
            .map(|(_, id)| *id)
            .collect())
    }

    fn next_due(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self.lock().timers.iter().next().map(|(t, _)| *t))
    }

    fn flow(&self, id: &str, version: u32) -> Result<Option<Flow>> {
        Ok(self.lock().flows.get(&(id.to_string(), version)).cloned())
    }

    fn meta(&self, key: &str) -> Result<Option<u64>> {
        Ok(self.lock().meta.get(key).copied())
    }

    fn schema_version(&self) -> Result<u32> {
        Ok(SCHEMA_VERSION)
    }

    fn inbox_has(&self, event: &str) -> Result<bool> {
        Ok(self.lock().inbox.contains_key(event))
    }

    fn prune_inbox(&self, before: DateTime<Utc>) -> Result<usize> {
        let mut s = self.lock();
        let n = s.inbox.len();
        s.inbox.retain(|_, at| *at >= before);
        Ok(n - s.inbox.len())
    }

    fn route(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self.lock().routes.get(key).cloned())
    }

    fn routes_with_prefix(&self, prefix: &[u8]) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        Ok(self
            .lock()
            .routes
            .range(prefix.to_vec()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }
}
