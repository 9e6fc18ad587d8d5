//! Fault injection for the crash tests, compiled only with the
//! `fault-injection` feature (the test command turns it on; release builds
//! never have it). Each fault is armed by an environment variable naming
//! the batch (or sync) it strikes at:
//!
//! - `BRUG_FAULT_ABORT_AFTER=N`: abort right after the N-th commit (console)
//!   or batch of commits (`brug run`), before delivering it;
//! - `BRUG_FAULT_ABORT_BEFORE=N`: abort when the N-th batch arrives, before
//!   it is committed (the platform has handed the events over already);
//! - `BRUG_FAULT_PANIC_AT=N`: the engine thread panics at the N-th batch;
//! - `BRUG_FAULT_FAIL_SYNC=N`: the first N syncs of the store fail;
//! - `BRUG_FAULT_FORGET_ROOTS=1`: receipts of round roots are not recorded.

use std::sync::atomic::{AtomicU64, Ordering};

static COMMITS: AtomicU64 = AtomicU64::new(0);
static BATCHES: AtomicU64 = AtomicU64::new(0);
static SYNCS: AtomicU64 = AtomicU64::new(0);

fn armed(var: &str) -> Option<u64> {
    std::env::var(var).ok()?.parse().ok()
}

pub fn after_commit() {
    if let Some(limit) = armed("BRUG_FAULT_ABORT_AFTER") {
        if COMMITS.fetch_add(1, Ordering::SeqCst) + 1 == limit {
            std::process::abort();
        }
    }
}

pub fn before_commit() {
    let n = BATCHES.fetch_add(1, Ordering::SeqCst) + 1;
    if armed("BRUG_FAULT_ABORT_BEFORE") == Some(n) {
        std::process::abort();
    }
    if armed("BRUG_FAULT_PANIC_AT") == Some(n) {
        panic!("fault injection: the engine panics at batch {n}");
    }
}

pub fn sync_fails() -> bool {
    let n = SYNCS.fetch_add(1, Ordering::SeqCst) + 1;
    armed("BRUG_FAULT_FAIL_SYNC").is_some_and(|limit| n <= limit)
}

pub fn forget_roots() -> bool {
    armed("BRUG_FAULT_FORGET_ROOTS") == Some(1)
}
