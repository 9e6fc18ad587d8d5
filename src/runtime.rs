//! The running bot: one thread owns the engine (the only writer) and feeds it
//! what adapters hand in and what the clock makes due; its store commits wait
//! for the disk, so it runs on a thread of its own rather than blocking the
//! async runtime. Committed messages go to delivery lanes, which send them
//! through the platform adapter and then mark them delivered. Each place (a
//! round's root and thread, a person, a room) with messages on their way has
//! a lane of its own: its messages go out in order, and one place never waits
//! for another's.

use crate::core::effect::{Destination, Outgoing};
use crate::engine::{Engine, Inbound};
use crate::storage::Store;
use chrono::Utc;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc as std_mpsc;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, watch, Semaphore};

/// How many messages are on their way to the platform at once, at most.
const SENDING: usize = 32;
/// Idle lanes are let go once this many are open.
const LANES_KEPT: usize = 64;
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

/// Starts the engine thread and the delivery lanes (on the current tokio
/// runtime). Replays the outbox first. Runs until `shutdown` turns true; the
/// returned task ends when the engine has stopped.
pub fn start<S: Store + 'static>(
    mut engine: Engine<S>,
    store: S,
    deliver: Arc<dyn Deliver>,
    mut shutdown: watch::Receiver<bool>,
) -> (Handle, tokio::task::JoinHandle<()>) {
    let (tx, rx) = std_mpsc::channel::<Request>();
    let mut lanes = Lanes {
        runtime: tokio::runtime::Handle::current(),
        deliver,
        store: Arc::new(store),
        sending: Arc::new(Semaphore::new(SENDING)),
        open: HashMap::new(),
    };
    let mut dispatch = move |out: Vec<Outgoing>| lanes.dispatch(out);
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
                        crate::platform::fault::after_commit();
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

/// Where messages go out one after another.
struct Lanes<S: Store> {
    runtime: tokio::runtime::Handle,
    deliver: Arc<dyn Deliver>,
    store: Arc<S>,
    sending: Arc<Semaphore>,
    open: HashMap<String, Lane>,
}

struct Lane {
    tx: mpsc::UnboundedSender<Outgoing>,
    /// Messages handed to the lane and not yet delivered.
    queued: Arc<AtomicUsize>,
}

impl<S: Store + 'static> Lanes<S> {
    fn dispatch(&mut self, out: Vec<Outgoing>) {
        for o in out {
            let key = place(&o.to);
            if !self.open.contains_key(&key) {
                if self.open.len() >= LANES_KEPT {
                    // Only the dispatcher hands out work, so a lane with none
                    // queued stays empty: dropping its sender ends its task.
                    self.open
                        .retain(|_, l| l.queued.load(Ordering::Acquire) > 0);
                }
                let (tx, rx) = mpsc::unbounded_channel();
                let queued = Arc::new(AtomicUsize::new(0));
                self.runtime.spawn(lane(
                    rx,
                    queued.clone(),
                    self.deliver.clone(),
                    self.store.clone(),
                    self.sending.clone(),
                ));
                self.open.insert(key.clone(), Lane { tx, queued });
            }
            let lane = &self.open[&key];
            lane.queued.fetch_add(1, Ordering::AcqRel);
            let _ = lane.tx.send(o);
        }
    }
}

/// The place a message goes to; its messages keep their order.
fn place(to: &Destination) -> String {
    match to {
        Destination::Root(g, r) | Destination::Thread(g, r) => format!("{}/{}", g.id, r.0),
        Destination::Group(g) | Destination::Retract(g, _) => g.id.clone(),
        Destination::Private(u) => u.id.clone(),
    }
}

async fn lane<S: Store>(
    mut rx: mpsc::UnboundedReceiver<Outgoing>,
    queued: Arc<AtomicUsize>,
    deliver: Arc<dyn Deliver>,
    store: Arc<S>,
    sending: Arc<Semaphore>,
) {
    while let Some(o) = rx.recv().await {
        {
            let _permit = sending.acquire().await;
            if let Err(e) = deliver.deliver(&o).await {
                tracing::error!(
                    id = o.id,
                    "a message could not be delivered and is dropped: {e}"
                );
            }
        }
        // Platforms de-duplicate by the message's id, so the mark need not
        // wait for the disk.
        if let Err(e) = store.delivered_lazily(&[o.id]) {
            tracing::error!(id = o.id, "marking a message delivered failed: {e}");
        }
        queued.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::{Locale, Platform, UserRef};
    use crate::core::message::{Message, MessageRef};
    use crate::storage::MemoryStore;
    use std::sync::Mutex;

    /// Records deliveries; messages to "slow" wait until released.
    struct Recorder {
        sent: Mutex<Vec<(String, u64)>>,
        release: tokio::sync::Notify,
    }

    impl Deliver for Recorder {
        fn deliver<'a>(&'a self, out: &'a Outgoing) -> BoxFuture<'a, Result<(), String>> {
            Box::pin(async move {
                let to = place(&out.to);
                if to == "slow" {
                    self.release.notified().await;
                }
                self.sent.lock().unwrap().push((to, out.id));
                Ok(())
            })
        }
    }

    fn to(user: &str, id: u64) -> Outgoing {
        Outgoing {
            id,
            to: Destination::Private(UserRef::new(Platform::Console, user)),
            round: None,
            locale: Locale::En,
            tz: chrono_tz::UTC,
            msg: Message::line(MessageRef::new("progress")),
        }
    }

    async fn until(what: impl Fn() -> bool) {
        for _ in 0..500 {
            if what() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        panic!("timed out");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn places_keep_their_order_and_do_not_wait_for_each_other() {
        let rec = Arc::new(Recorder {
            sent: Mutex::new(Vec::new()),
            release: tokio::sync::Notify::new(),
        });
        let mut lanes = Lanes {
            runtime: tokio::runtime::Handle::current(),
            deliver: rec.clone(),
            store: Arc::new(MemoryStore::new()),
            sending: Arc::new(Semaphore::new(SENDING)),
            open: HashMap::new(),
        };
        lanes.dispatch(vec![to("slow", 1), to("slow", 2), to("quick", 3)]);
        // Many other places, more than are kept open: idle lanes are let go.
        let others: Vec<Outgoing> = (0..3 * LANES_KEPT as u64)
            .map(|i| to(&format!("p{}", i % 100), 10 + i))
            .collect();
        let count = others.len();
        lanes.dispatch(others);
        let sent = || rec.sent.lock().unwrap().clone();
        until(|| sent().len() == count + 1).await;
        assert!(
            sent().iter().all(|(p, _)| p != "slow"),
            "a slow place held up the others"
        );
        // New places: idle lanes are let go, the slow one (still busy) stays.
        for i in 0..LANES_KEPT as u64 {
            lanes.dispatch(vec![to(&format!("q{i}"), 500 + i)]);
        }
        assert!(lanes.open.contains_key("slow"));
        let kept: Vec<&String> = lanes.open.keys().filter(|k| k.starts_with('p')).collect();
        assert!(kept.is_empty(), "idle lanes kept: {kept:?}");
        lanes.dispatch(vec![to("p7", 1000), to("slow", 1001)]);
        until(|| sent().iter().any(|(_, id)| *id == 1000)).await;
        until(|| sent().len() == count + 1 + LANES_KEPT + 1).await;
        rec.release.notify_one();
        until(|| sent().iter().filter(|(p, _)| p == "slow").count() == 1).await;
        rec.release.notify_one();
        until(|| sent().iter().filter(|(p, _)| p == "slow").count() == 2).await;
        rec.release.notify_one();
        until(|| sent().iter().filter(|(p, _)| p == "slow").count() == 3).await;
        // Within each place, in the order handed out.
        for p in ["slow", "p7", "p42"] {
            let ids: Vec<u64> = sent()
                .iter()
                .filter(|(q, _)| q == p)
                .map(|(_, id)| *id)
                .collect();
            assert!(ids.windows(2).all(|w| w[0] < w[1]), "{p}: {ids:?}");
        }
    }
}
