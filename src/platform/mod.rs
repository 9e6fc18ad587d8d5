//! Platform adapters: they turn platform events into `engine::Inbound` and
//! deliver `Outgoing` messages, nothing more. `console` is the terminal.

pub mod console;
pub mod matrix;
pub mod retry;

use crate::core::effect::Outgoing;

/// Delivers committed messages. Implementations must be safe to call twice with
/// the same message (after a crash the outbox is replayed).
pub trait Messenger {
    type Error: std::error::Error + Send + Sync + 'static;
    fn deliver(&mut self, out: &Outgoing) -> Result<(), Self::Error>;
}

/// Fault injection for the crash tests: with `BRUG_FAULT_ABORT_AFTER=N` set,
/// the process aborts right after its N-th commit (console) or batch of
/// commits (`brug run`) and before delivering it — the worst moment for a
/// crash. Never set outside tests.
pub mod fault {
    use std::sync::atomic::{AtomicU64, Ordering};

    static COMMITS: AtomicU64 = AtomicU64::new(0);

    pub fn after_commit() {
        let Ok(limit) = std::env::var("BRUG_FAULT_ABORT_AFTER") else {
            return;
        };
        let Ok(limit) = limit.parse::<u64>() else {
            return;
        };
        if COMMITS.fetch_add(1, Ordering::SeqCst) + 1 == limit {
            std::process::abort();
        }
    }
}
