//! Timer accuracy under the real runtime (issue 14): how late a reminder
//! reaches delivery after its moment, with many other rounds pending. The
//! engine thread, its sleeps and the delivery lanes are the ones `brug run`
//! uses; a recording platform notes when each reminder is handed to it.
//!
//! Run: `cargo bench --no-default-features --bench timer_accuracy`
//! (PENDING=… other open rounds, DUE=… reminders due during the run).

mod support;

use brug::core::effect::Destination;
use brug::core::ids::{GroupId, Platform, RoundId, UserRef};
use brug::core::timers::Quiet;
use brug::edge::{BoxFuture, Deliver, DeliveryError, Post, PostRef};
use brug::engine::{Defaults, Engine};
use brug::flows::{Catalog, Sources};
use brug::storage::{Commit, Key, SledStore, Store};
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

/// Notes when the first private message of each round arrives.
struct Clock {
    seen: Mutex<BTreeMap<RoundId, DateTime<Utc>>>,
}

impl Deliver for Clock {
    fn platform(&self) -> Platform {
        Platform::Matrix
    }
    fn send<'a>(&'a self, post: &'a Post<'a>) -> BoxFuture<'a, Result<Vec<String>, DeliveryError>> {
        let now = Utc::now();
        if let (Destination::Private(_), Some(r)) = (&post.out.to, post.out.round) {
            self.seen.lock().unwrap().entry(r).or_insert(now);
        }
        Box::pin(async { Ok(vec![format!("$e{}", post.out.id)]) })
    }
    fn delete<'a>(&'a self, _: &'a PostRef) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async { Ok(()) })
    }
    fn open_private<'a>(
        &'a self,
        user: &'a UserRef,
    ) -> BoxFuture<'a, Result<String, DeliveryError>> {
        Box::pin(async move { Ok(format!("!dm-{}", user.id)) })
    }
}

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let pending = env("PENDING", 10_000);
    let due_n = env("DUE", 300);
    let gap = env("GAP_MS", 20) as i64;
    let catalog = Arc::new(Catalog::load(&Sources::embedded()).expect("built-in data"));
    let t0 = Utc::now();
    let none = Quiet {
        from: 0,
        until: 0,
        weekends: false,
    };
    let (mut template, flow) = support::circle_round(&catalog, t0);
    template.quiet = none;

    let dir = tempfile::tempdir().unwrap();
    let key = Key::from_bytes([7; 32]);
    let store = Arc::new(SledStore::open(dir.path(), &key).unwrap());
    // The reminders due during the run: from 3 s on, 20 ms apart; the other
    // rounds' timers are days away.
    // (Far enough ahead for writing the store and starting: about 80 µs a
    // round here.)
    let start = t0 + TimeDelta::seconds(3) + TimeDelta::microseconds(80 * (pending + due_n) as i64);
    let mut due: HashMap<RoundId, DateTime<Utc>> = HashMap::new();
    let mut batch = Vec::new();
    for i in 0..pending + due_n {
        let mut r = template.clone();
        r.id = RoundId(i + 1);
        r.group = GroupId::new(Platform::Matrix, format!("!g{}:hs", i / 10));
        // People of their own, so each reminder has its own private places
        // (one person's messages are delivered one after another).
        for (j, p) in r.participants.iter_mut().enumerate() {
            p.user = UserRef::new(Platform::Matrix, format!("@p{j}-{i}:hs"));
        }
        let at = if i < due_n {
            start + TimeDelta::milliseconds(gap * i as i64)
        } else {
            t0 + TimeDelta::days(2) + TimeDelta::seconds(i as i64)
        };
        if i < due_n {
            due.insert(r.id, at);
        }
        r.timers.reminder = Some(at);
        r.timers.deadline = Some(at + TimeDelta::days(1));
        batch.push(r);
        if batch.len() == 1000 || i + 1 == pending + due_n {
            store
                .commit(&Commit {
                    rounds: std::mem::take(&mut batch),
                    flows: vec![flow.clone()],
                    meta: vec![("next_round".into(), i + 2)],
                    ..Default::default()
                })
                .unwrap();
        }
    }
    store.sync().unwrap();
    let defaults = Defaults {
        quiet: none,
        ..Defaults::default()
    };
    let engine = Engine::open(store.clone(), catalog.clone(), defaults).unwrap();
    let clock = Arc::new(Clock {
        seen: Mutex::new(BTreeMap::new()),
    });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let late: Vec<f64> = rt.block_on(async {
        let mut platforms: HashMap<Platform, Arc<dyn Deliver>> = HashMap::new();
        platforms.insert(Platform::Matrix, clock.clone());
        let running = brug::runtime::start(
            engine,
            brug::runtime::Shared {
                catalog: catalog.clone(),
                routes: store.clone(),
                instance: 0,
                platforms,
            },
            brug::core::ids::Locale::En,
        );
        let last = start + TimeDelta::milliseconds(gap * due_n as i64);
        while Utc::now() < last + TimeDelta::seconds(2) {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        running.stop().await;
        let seen = clock.seen.lock().unwrap();

        due.iter()
            .map(|(r, at)| match seen.get(r) {
                Some(t) => (*t - *at).num_microseconds().unwrap_or(i64::MAX) as f64 / 1000.0,
                None => f64::INFINITY,
            })
            .collect()
    });
    let mut late = late;
    late.sort_by(f64::total_cmp);
    let missed = late.iter().filter(|l| !l.is_finite()).count();
    let q = |p: f64| late[((late.len() - 1) as f64 * p) as usize];
    println!(
        "{due_n} reminders due {gap} ms apart, {pending} other open rounds pending (sled, sealed): \
         late by median {:.1} ms, p99 {:.1} ms, max {:.1} ms, early none: {}; never fired: {missed}",
        q(0.5),
        q(0.99),
        late.last().copied().unwrap_or(0.0),
        late.first().is_none_or(|l| *l >= 0.0),
    );
}
