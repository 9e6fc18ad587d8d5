//! The running bot: one task owns the engine (the only writer) and feeds it
//! what adapters hand in and what the clock makes due; committed messages go to
//! delivery workers, which send them through the platform adapter and then mark
//! them delivered. Messages for one place (a round's root and thread, a person,
//! a room) always go through the same worker, in order.

use crate::core::effect::{Destination, Outgoing};
use crate::engine::{Engine, Inbound};
use crate::storage::Store;
use chrono::Utc;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};

/// How many delivery workers run side by side.
const WORKERS: usize = 8;
/// The longest the engine task sleeps before looking at the clock again.
const MAX_SLEEP: Duration = Duration::from_secs(30);

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What a platform adapter does with a committed message.
pub trait Deliver: Send + Sync + 'static {
    /// Sends one message; must be idempotent for the same `Outgoing::id`.
    /// Retries transient failures itself; an `Err` means the message cannot be
    /// delivered at all (it is logged and dropped, so it does not block others).
    fn deliver<'a>(&'a self, out: &'a Outgoing) -> BoxFuture<'a, Result<(), String>>;
}

/// A message handed in, with a channel that answers once it is committed.
struct Request {
    inbound: Inbound,
    done: oneshot::Sender<()>,
}

/// The adapters' handle to the engine.
#[derive(Clone)]
pub struct Handle {
    tx: mpsc::Sender<Request>,
}

impl Handle {
    /// Hands a message to the engine and waits until it is committed (after
    /// which it survives a crash). Returns false when the bot is shutting down.
    pub async fn submit(&self, inbound: Inbound) -> bool {
        let (done, wait) = oneshot::channel();
        if self.tx.send(Request { inbound, done }).await.is_err() {
            return false;
        }
        wait.await.is_ok()
    }
}

/// Starts the engine task and the delivery workers. Replays the outbox first.
/// Runs until `shutdown` turns true.
pub fn start<S: Store + 'static>(
    mut engine: Engine<S>,
    store: S,
    deliver: Arc<dyn Deliver>,
    mut shutdown: watch::Receiver<bool>,
) -> (Handle, tokio::task::JoinHandle<()>) {
    let (tx, mut rx) = mpsc::channel::<Request>(256);
    let store = Arc::new(store);
    let workers: Vec<mpsc::UnboundedSender<Outgoing>> = (0..WORKERS)
        .map(|_| {
            let (wtx, wrx) = mpsc::unbounded_channel();
            tokio::spawn(worker(wrx, deliver.clone(), store.clone()));
            wtx
        })
        .collect();
    let dispatch = move |out: Vec<Outgoing>| {
        for o in out {
            let w = worker_for(&o.to);
            let _ = workers[w].send(o);
        }
    };
    let task = tokio::spawn(async move {
        match engine.pending() {
            Ok(out) => dispatch(out),
            Err(e) => tracing::error!("reading the outbox failed: {e}"),
        }
        loop {
            let wait = match engine.next_due() {
                Ok(Some(due)) => (due - Utc::now())
                    .to_std()
                    .unwrap_or(Duration::ZERO)
                    .min(MAX_SLEEP),
                Ok(None) => MAX_SLEEP,
                Err(e) => {
                    tracing::error!("reading timers failed: {e}");
                    MAX_SLEEP
                }
            };
            tokio::select! {
                req = rx.recv() => {
                    let Some(req) = req else { break };
                    match engine.receive(req.inbound, Utc::now()) {
                        Ok(out) => {
                            let _ = req.done.send(());
                            dispatch(out);
                        }
                        // Not acknowledged: the adapter keeps the event and
                        // offers it again (catch-up), so nothing is lost.
                        Err(e) => tracing::error!("handling a message failed: {e}"),
                    }
                }
                _ = tokio::time::sleep(wait) => {
                    match engine.tick(Utc::now()) {
                        Ok(out) => dispatch(out),
                        Err(e) => tracing::error!("firing timers failed: {e}"),
                    }
                }
                _ = shutdown.changed() => {
                    if *shutdown.borrow() {
                        break;
                    }
                }
            }
        }
    });
    (Handle { tx }, task)
}

/// Messages for the same place share a worker, so they stay in order.
fn worker_for(to: &Destination) -> usize {
    let key = match to {
        Destination::Root(g, r) | Destination::Thread(g, r) => format!("{}/{}", g.id, r.0),
        Destination::Group(g) => g.id.clone(),
        Destination::Private(u) => u.id.clone(),
    };
    (crate::core::roles::stable_hash(0, key.as_bytes()) % WORKERS as u64) as usize
}

async fn worker<S: Store>(
    mut rx: mpsc::UnboundedReceiver<Outgoing>,
    deliver: Arc<dyn Deliver>,
    store: Arc<S>,
) {
    while let Some(o) = rx.recv().await {
        if let Err(e) = deliver.deliver(&o).await {
            tracing::error!(
                id = o.id,
                "a message could not be delivered and is dropped: {e}"
            );
        }
        if let Err(e) = store.delivered(&[o.id]) {
            tracing::error!(id = o.id, "marking a message delivered failed: {e}");
        }
    }
}
