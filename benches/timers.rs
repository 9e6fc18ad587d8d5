//! Pending timers at scale (issue 14): 100,000 open rounds, each with its
//! deadline and reminder, in one sled store — resident memory, the time to
//! open the engine on it (reload every timer), to find the next one, and to
//! fire timers one after another, as the runtime does.
//!
//! Run: `cargo bench --no-default-features --bench timers` (ROUNDS=… to change
//! the count).

mod support;

use brug::core::ids::{GroupId, Platform, RoundId};
use brug::engine::{Defaults, Engine};
use brug::flows::{Catalog, Sources};
use brug::storage::{Commit, Key, SledStore, Store};
use chrono::{DateTime, TimeDelta, Utc};
use std::sync::Arc;
use std::time::Instant;

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let n: u64 = std::env::var("ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let catalog = Arc::new(Catalog::load(&Sources::embedded()).expect("built-in data"));
    let t0: DateTime<Utc> = "2026-12-01T09:00:00Z".parse().unwrap();
    // One real round, opened by the engine, as the template.
    let (template, flow) = support::circle_round(&catalog, t0);

    let dir = tempfile::tempdir().unwrap();
    let key = Key::from_bytes([7; 32]);
    let before = rss_mb();
    let store = SledStore::open(dir.path(), &key).unwrap();
    let t = Instant::now();
    let mut batch = Vec::new();
    for i in 0..n {
        let mut r = template.clone();
        r.id = RoundId(i + 1);
        r.group = GroupId::new(Platform::Matrix, format!("!g{}:hs", i / 10));
        // Deadlines spread over 30 days, reminders a day before.
        let due = t0 + TimeDelta::seconds(3600 + (i as i64 * 30 * 86_400) / n as i64);
        r.timers.deadline = Some(due + TimeDelta::days(1));
        r.timers.reminder = Some(due);
        batch.push(r);
        if batch.len() == 1000 || i + 1 == n {
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
    println!(
        "wrote {n} open rounds of 6 people, each with a deadline and a reminder: {:.1} s",
        t.elapsed().as_secs_f64()
    );
    drop(store);

    // Start-up: open the store and the engine on it (every open round and
    // its timers read back).
    let t = Instant::now();
    let store = SledStore::open(dir.path(), &key).unwrap();
    let mut engine = Engine::open(store, catalog.clone(), Defaults::default()).unwrap();
    let ready = t.elapsed().as_secs_f64();
    println!(
        "start-up to ready: {ready:.2} s; open rounds in memory: {}; resident memory {:.0} MB (before the store: {before:.0} MB)",
        engine.open_rounds().count(),
        rss_mb()
    );

    // The next timer, as the runtime asks after every commit.
    let mut times = Vec::new();
    for _ in 0..1000 {
        let t = Instant::now();
        std::hint::black_box(engine.next_due().unwrap());
        times.push(t.elapsed().as_secs_f64() * 1e6);
    }
    println!("next timer: median {:.1} µs over 1,000 asks", median(times));

    // Firing: 1,000 timers one after another, each at its own moment.
    let mut times = Vec::new();
    let mut fired = 0usize;
    for _ in 0..1000 {
        let Some(at) = engine.next_due().unwrap() else {
            break;
        };
        let t = Instant::now();
        let out = engine.tick(at).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1e3);
        let ids: Vec<u64> = out.iter().map(|o| o.id()).collect();
        fired += ids.len();
        engine.delivered(&ids).unwrap();
    }
    times.sort_by(f64::total_cmp);
    println!(
        "firing the next timer (reminders to six, committed durably): median {:.2} ms, p99 {:.2} ms over {} ticks ({fired} messages)",
        times[times.len() / 2],
        times[times.len() * 99 / 100],
        times.len()
    );
    println!("resident memory at the end: {:.0} MB", rss_mb());
}
