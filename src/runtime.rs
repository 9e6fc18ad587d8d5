//! The running bot: one thread owns the engine (the only writer) and feeds it
//! what adapters hand in and what the clock makes due; its store commits wait
//! for the disk, so it runs on a thread of its own rather than blocking the
//! async runtime. Committed messages go to delivery workers, which send them
//! through the platform adapter and then mark them delivered. Messages for one
//! place (a round's root and thread, a person, a room) always go through the
//! same worker, in order.

use crate::core::effect::{Destination, Outgoing};
use crate::engine::{Engine, Inbound};
use crate::storage::Store;
use chrono::Utc;
use std::future::Future;
use std::pin::Pin;
use std::sync::mpsc as std_mpsc;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch};

/// How many delivery workers run side by side.
const WORKERS: usize = 8;
/// The most messages committed with one trip to the disk.
const MAX_BATCH: usize = 64;
/// The longest the engine waits before looking at the clock again.
const MAX_SLEEP: Duration = Duration::from_secs(30);

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What a platform adapter does with a committed message.
pub trait Deliver: Send + Sync + 'static {
    /// Sends one message; must be idempotent for the same `Outgoing::id`.
    /// Retries transient failures itself; an `Err` means the message cannot be
    /// delivered at all (it is logged and dropped, so it does not block others).
    fn deliver<'a>(&'a self, out: &'a Outgoing) -> BoxFuture<'a, Result<(), String>>;
}

enum Request {
    Inbound {
        inbound: Inbound,
        done: oneshot::Sender<()>,
    },
    Stop,
}

/// The adapters' handle to the engine.
#[derive(Clone)]
pub struct Handle {
    tx: std_mpsc::Sender<Request>,
}

impl Handle {
    /// Hands a message to the engine and waits until it is committed (after
    /// which it survives a crash). Returns false when the bot is shutting down.
    pub async fn submit(&self, inbound: Inbound) -> bool {
        match self.offer(inbound) {
            Some(wait) => wait.await.is_ok(),
            None => false,
        }
    }

    /// Hands a message to the engine without waiting for it: messages offered
    /// one after another are handled in that order. The returned receiver
    /// resolves once it is committed; None when the bot is shutting down.
    pub fn offer(&self, inbound: Inbound) -> Option<oneshot::Receiver<()>> {
        let (done, wait) = oneshot::channel();
        self.tx.send(Request::Inbound { inbound, done }).ok()?;
        Some(wait)
    }
}

/// Starts the engine thread and the delivery workers (on the current tokio
/// runtime). Replays the outbox first. Runs until `shutdown` turns true; the
/// returned task ends when the engine has stopped.
pub fn start<S: Store + 'static>(
    mut engine: Engine<S>,
    store: S,
    deliver: Arc<dyn Deliver>,
    mut shutdown: watch::Receiver<bool>,
) -> (Handle, tokio::task::JoinHandle<()>) {
    let (tx, rx) = std_mpsc::channel::<Request>();
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
            let _ = workers[worker_for(&o.to)].send(o);
        }
    };
    let thread = std::thread::Builder::new()
        .name("brug-engine".into())
        .spawn(move || {
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
                match rx.recv_timeout(wait) {
                    Ok(Request::Inbound { inbound, done }) => {
                        // Whatever else is waiting shares this one's trip to the disk.
                        let mut batch = vec![(inbound, done)];
                        let mut stop = false;
                        while batch.len() < MAX_BATCH {
                            match rx.try_recv() {
                                Ok(Request::Inbound { inbound, done }) => {
                                    batch.push((inbound, done))
                                }
                                Ok(Request::Stop) => {
                                    stop = true;
                                    break;
                                }
                                Err(_) => break,
                            }
                        }
                        let (inbound, done): (Vec<_>, Vec<_>) = batch.into_iter().unzip();
                        let results = engine.receive_all(inbound, Utc::now());
                        for (result, done) in results.into_iter().zip(done) {
                            match result {
                                Ok(out) => {
                                    let _ = done.send(());
                                    dispatch(out);
                                }
                                // Not acknowledged: the adapter offers the event again
                                // (catch-up at start), so nothing is lost.
                                Err(e) => tracing::error!("handling a message failed: {e}"),
                            }
                        }
                        if stop {
                            break;
                        }
                    }
                    Ok(Request::Stop) | Err(std_mpsc::RecvTimeoutError::Disconnected) => break,
                    Err(std_mpsc::RecvTimeoutError::Timeout) => match engine.tick(Utc::now()) {
                        Ok(out) => dispatch(out),
                        Err(e) => tracing::error!("firing timers failed: {e}"),
                    },
                }
            }
        })
        .expect("starting the engine thread");
    let stop = tx.clone();
    let task = tokio::spawn(async move {
        while shutdown.changed().await.is_ok() {
            if *shutdown.borrow() {
                break;
            }
        }
        let _ = stop.send(Request::Stop);
        let _ = tokio::task::spawn_blocking(move || thread.join()).await;
    });
    (Handle { tx }, task)
}

/// Messages for the same place share a worker, so they stay in order.
fn worker_for(to: &Destination) -> usize {
    let key = match to {
        Destination::Root(g, r) | Destination::Thread(g, r) => format!("{}/{}", g.id, r.0),
        Destination::Group(g) | Destination::Retract(g, _) => g.id.clone(),
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
        // Platforms de-duplicate by the message's id, so the mark need not
        // wait for the disk.
        if let Err(e) = store.delivered_lazily(&[o.id]) {
            tracing::error!(id = o.id, "marking a message delivered failed: {e}");
        }
    }
}
