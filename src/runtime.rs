//! The running bot: one thread owns the engine (the only writer) and feeds it
//! what adapters hand in, what the clock makes due and what delivery reports
//! back; its store commits wait for the disk, so it runs on a thread of its
//! own rather than blocking the async runtime. Committed work goes to
//! delivery lanes, which send it through the platform it belongs to (one
//! process may serve several) and report a receipt. Each place (a round's
//! root and thread, a person, a room) has a lane of its own: its messages go
//! out in order, and one place never waits for another's. A retraction waits
//! until every earlier message of its round has been delivered and recorded.

use crate::core::effect::{Destination, Outgoing, Pending, Retraction};
use crate::core::ids::{Platform, RoundId};
use crate::core::message::Message;
use crate::core::msg;
use crate::edge::deliver::{Deliver, DeliveryError, Driver, Job, Receipt};
use crate::edge::retry::{next_pause, FIRST_PAUSE};
use crate::edge::RouteView;
use crate::engine::{Engine, Inbound, Place};
use crate::flows::Catalog;
use crate::storage::Store;
use chrono::Utc;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc as std_mpsc;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot, Semaphore};

/// How many messages are on their way to the platforms at once, at most.
const SENDING: usize = 32;
/// Idle lanes are let go once this many are open.
const LANES_KEPT: usize = 64;
/// The most messages committed with one trip to the disk.
const MAX_BATCH: usize = 64;
/// The longest the engine waits before looking at the clock again.
const MAX_SLEEP: Duration = Duration::from_secs(30);
/// How often a message whose handling failed is tried before its writer is
/// told to send it again.
const TRIES: u32 = 3;
/// The pause before a failed message is tried again.
const RETRY_PAUSE: Duration = Duration::from_millis(500);

enum Request {
    Inbound {
        inbound: Inbound,
        done: oneshot::Sender<()>,
    },
    Done {
        id: u64,
        round: Option<RoundId>,
        result: Result<Receipt, DeliveryError>,
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

/// How the engine thread ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    /// Asked to stop.
    Stopped,
    /// It panicked: a bug. The process must stop so a supervisor restarts it.
    Panicked(String),
}

/// The running engine.
pub struct Running {
    pub handle: Handle,
    /// Resolves when the engine thread ends, however it ends.
    pub ended: tokio::task::JoinHandle<Ended>,
}

impl Running {
    /// Asks the engine to stop and waits for it.
    pub async fn stop(self) -> Ended {
        if self.handle.tx.send(Request::Stop).is_err() {
            tracing::debug!("the engine had stopped already");
        }
        match self.ended.await {
            Ok(e) => e,
            Err(e) => Ended::Panicked(e.to_string()),
        }
    }
}

/// What lanes share: the platforms and what rendering and routing need.
pub struct Shared {
    pub catalog: Arc<Catalog>,
    pub routes: Arc<dyn RouteView>,
    /// This store's number, in idempotency keys.
    pub instance: u64,
    pub platforms: HashMap<Platform, Arc<dyn Deliver>>,
}

/// Starts the engine thread and the delivery lanes (on the current tokio
/// runtime). Hands out the outbox first.
pub fn start<S: Store + 'static>(
    engine: Engine<S>,
    shared: Shared,
    defaults_lang: crate::core::ids::Locale,
) -> Running {
    let (tx, rx) = std_mpsc::channel::<Request>();
    let shared = Arc::new(shared);
    let lanes = Lanes {
        runtime: tokio::runtime::Handle::current(),
        shared: shared.clone(),
        reply: tx.clone(),
        sending: Arc::new(Semaphore::new(SENDING)),
        open: HashMap::new(),
    };
    let thread = std::thread::Builder::new()
        .name("brug-engine".into())
        .spawn(move || {
            EngineLoop {
                engine,
                lanes,
                in_flight: BTreeMap::new(),
                held: Vec::new(),
                retry: VecDeque::new(),
                lang: defaults_lang,
                unsent: 0,
            }
            .run(rx)
        });
    let ended = tokio::task::spawn_blocking(move || match thread {
        Err(e) => Ended::Panicked(format!("the engine thread could not start: {e}")),
        Ok(t) => match t.join() {
            Ok(()) => Ended::Stopped,
            Err(panic) => Ended::Panicked(
                panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".into()),
            ),
        },
    });
    Running {
        handle: Handle { tx },
        ended,
    }
}

struct EngineLoop<S: Store> {
    engine: Engine<S>,
    lanes: Lanes,
    /// Messages of each round on their way.
    in_flight: BTreeMap<RoundId, usize>,
    /// Retractions waiting for their round's last messages.
    held: Vec<Retraction>,
    /// Messages whose handling failed, with how often it was tried.
    retry: VecDeque<(Inbound, oneshot::Sender<()>, u32)>,
    lang: crate::core::ids::Locale,
    /// Counts apologies sent outside the outbox (they need ids of their own).
    unsent: u64,
}

impl<S: Store> EngineLoop<S> {
    fn run(mut self, rx: std_mpsc::Receiver<Request>) {
        match self.engine.pending() {
            Ok(work) => self.dispatch(work),
            Err(e) => tracing::error!("reading the outbox failed: {e}"),
        }
        loop {
            let mut wait = match self.engine.next_due() {
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
            if !self.retry.is_empty() {
                wait = wait.min(RETRY_PAUSE);
            }
            let first = match rx.recv_timeout(wait) {
                Ok(r) => Some(r),
                Err(std_mpsc::RecvTimeoutError::Timeout) => None,
                Err(std_mpsc::RecvTimeoutError::Disconnected) => return,
            };
            // Whatever else is waiting shares this one's trip to the disk.
            let mut inbound: Vec<(Inbound, oneshot::Sender<()>, u32)> =
                self.retry.drain(..).collect();
            let mut receipts = Vec::new();
            let mut stop = false;
            let mut next = first;
            while let Some(r) = next {
                match r {
                    Request::Inbound { inbound: m, done } => inbound.push((m, done, 0)),
                    Request::Done { id, round, result } => receipts.push((id, round, result)),
                    Request::Stop => {
                        stop = true;
                        break;
                    }
                }
                next = if inbound.len() + receipts.len() < MAX_BATCH {
                    rx.try_recv().ok()
                } else {
                    None
                };
            }
            self.receipts(receipts);
            if !inbound.is_empty() {
                self.handle(inbound);
            }
            if stop {
                return;
            }
            match self.engine.tick(Utc::now()) {
                Ok(out) => self.dispatch(out),
                Err(e) => tracing::error!("firing timers failed: {e}"),
            }
        }
    }

    /// Records what delivery reported, then lets go of retractions whose
    /// round has nothing on its way any more.
    fn receipts(&mut self, done: Vec<(u64, Option<RoundId>, Result<Receipt, DeliveryError>)>) {
        if done.is_empty() {
            return;
        }
        let mut ok = Vec::new();
        for (id, round, result) in done {
            if let Some(r) = round {
                if let Some(n) = self.in_flight.get_mut(&r) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        self.in_flight.remove(&r);
                    }
                }
            }
            match result {
                Ok(receipt) => ok.push(receipt),
                Err(e) => {
                    // Given up on (no access, no such place): it must not
                    // block the outbox; the log says which.
                    tracing::error!(id, "a message could not be delivered and is dropped: {e}");
                    ok.push(Receipt {
                        id,
                        round,
                        to: None,
                        posted: Vec::new(),
                        opened: None,
                        retracted: None,
                        kept: false,
                        slot: None,
                    });
                }
            }
        }
        match self.engine.record(&ok, false) {
            Ok(notices) => self.dispatch(notices),
            // The entries stay in the outbox and go out again at start-up,
            // where the platform de-duplicates them and they are recorded.
            Err(e) => tracing::error!("recording deliveries failed: {e}"),
        }
        let (ready, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.held)
            .into_iter()
            .partition(|r| !self.in_flight.contains_key(&r.round));
        self.held = waiting;
        self.dispatch(ready.into_iter().map(Pending::Retract).collect());
    }

    fn handle(&mut self, batch: Vec<(Inbound, oneshot::Sender<()>, u32)>) {
        #[cfg(feature = "fault-injection")]
        crate::fault::before_commit();
        let (messages, rest): (Vec<Inbound>, Vec<_>) = batch
            .into_iter()
            .map(|(m, done, tries)| (m.clone(), (m, done, tries)))
            .unzip();
        let n = messages.len();
        let began = std::time::Instant::now();
        let results = self.engine.receive_all(messages, Utc::now());
        let handled = began.elapsed();
        // Nothing is acknowledged or sent before it is durable; a disk that
        // fails is tried again while the bot runs (what was applied stays
        // applied), so no message is dropped for it.
        let mut pause = FIRST_PAUSE;
        while let Err(e) = self.engine.sync() {
            tracing::error!("writing to the store failed, trying again in {pause:?}: {e}");
            std::thread::sleep(pause);
            pause = next_pause(pause);
        }
        tracing::trace!(messages = n, ?handled, synced = ?began.elapsed() - handled, "a batch");
        #[cfg(feature = "fault-injection")]
        crate::fault::after_commit();
        for (result, (m, done, tries)) in results.into_iter().zip(rest) {
            match result {
                Ok(out) => {
                    if done.send(()).is_err() {
                        tracing::debug!("nobody waited for a commit");
                    }
                    self.dispatch(out);
                }
                Err(e) if tries + 1 < TRIES => {
                    tracing::error!(try = tries + 1, "handling a message failed, trying again: {e}");
                    self.retry.push_back((m, done, tries + 1));
                }
                Err(e) => {
                    tracing::error!(
                        "handling a message failed {TRIES} times, telling its writer: {e}"
                    );
                    let sorry = self.apology(&m);
                    self.dispatch(vec![Pending::Post(sorry)]);
                }
            }
        }
    }

    /// A message the bot could not handle: its writer is asked to send it
    /// again. Sent outside the outbox (the store is what failed), with an id
    /// of its own.
    fn apology(&mut self, m: &Inbound) -> Outgoing {
        self.unsent += 1;
        let to = match (&m.place, &m.group) {
            (Place::Thread(r), Some(g)) => Destination::Thread(g.clone(), *r),
            (Place::Group | Place::ThreadOf(_), Some(g)) => Destination::Group(g.clone()),
            _ => Destination::Private(m.sender.clone()),
        };
        let stamp = Utc::now().timestamp_millis().unsigned_abs() << 8;
        Outgoing {
            id: (1 << 63) | stamp | (self.unsent & 0xff),
            to,
            round: None,
            locale: self.lang,
            tz: chrono_tz::UTC,
            msg: Message::line(msg::ERR_NOT_HANDLED.msg()).with_mentions(vec![m.sender.clone()]),
            not_before: None,
        }
    }

    fn dispatch(&mut self, work: Vec<Pending>) {
        for p in work {
            let platform = p.platform();
            if !self.lanes.shared.platforms.contains_key(&platform) {
                // Kept in the outbox for when that platform is configured again.
                tracing::warn!(
                    id = p.id(),
                    "no {} adapter is running: the message waits in the outbox",
                    platform.name()
                );
                continue;
            }
            if let Pending::Retract(r) = &p {
                if self.in_flight.contains_key(&r.round) {
                    self.held.push(r.clone());
                    continue;
                }
            }
            let job = match Job::of(p, self.engine.store()) {
                Ok(job) => job,
                Err(e) => {
                    // It stays in the outbox; the next start tries again.
                    tracing::error!("reading what a retraction takes back failed: {e}");
                    continue;
                }
            };
            let round = match &job {
                Job::Post(o) => o.round,
                Job::Retract { retraction, .. } => Some(retraction.round),
            };
            if let Some(r) = round {
                *self.in_flight.entry(r).or_default() += 1;
            }
            self.lanes.send(job, round);
        }
    }
}

/// Where work goes out one item after another.
struct Lanes {
    runtime: tokio::runtime::Handle,
    shared: Arc<Shared>,
    reply: std_mpsc::Sender<Request>,
    sending: Arc<Semaphore>,
    open: HashMap<String, Lane>,
}

struct Lane {
    tx: mpsc::UnboundedSender<Job>,
    /// Work handed to the lane and not yet done.
    queued: Arc<AtomicUsize>,
}

impl Lanes {
    fn send(&mut self, job: Job, round: Option<RoundId>) {
        let key = place(&job);
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
                self.shared.clone(),
                self.reply.clone(),
                self.sending.clone(),
            ));
            self.open.insert(key.clone(), Lane { tx, queued });
        }
        let lane = &self.open[&key];
        lane.queued.fetch_add(1, Ordering::AcqRel);
        let id = job.id();
        if lane.tx.send(job).is_err() {
            // The lane's task is gone (the runtime is shutting down): the
            // entry stays in the outbox for the next start.
            tracing::warn!(
                id,
                ?round,
                "a lane had closed; the message waits for the next start"
            );
        }
    }
}

/// The place work goes to; its items keep their order.
fn place(job: &Job) -> String {
    let to = match job {
        Job::Post(o) => &o.to,
        Job::Retract { retraction, .. } => &retraction.notice.to,
    };
    match to {
        Destination::Root(g, r) | Destination::Thread(g, r) => {
            format!("{}/{}/{}", g.platform.name(), g.id, r.0)
        }
        Destination::Group(g) => format!("{}/{}", g.platform.name(), g.id),
        Destination::Private(u) => format!("{}/@{}", u.platform.name(), u.id),
    }
}

async fn lane(
    mut rx: mpsc::UnboundedReceiver<Job>,
    queued: Arc<AtomicUsize>,
    shared: Arc<Shared>,
    reply: std_mpsc::Sender<Request>,
    sending: Arc<Semaphore>,
) {
    let mut recent = crate::edge::deliver::Recent::default();
    while let Some(job) = rx.recv().await {
        let (id, round) = match &job {
            Job::Post(o) => (o.id, o.round),
            Job::Retract { retraction, .. } => (retraction.notice.id, Some(retraction.round)),
        };
        let platform = match &job {
            Job::Post(o) => o.to.platform(),
            Job::Retract { retraction, .. } => retraction.group.platform,
        };
        let result = match shared.platforms.get(&platform) {
            Some(adapter) => {
                let _permit = sending.acquire().await;
                let driver = Driver {
                    catalog: &shared.catalog,
                    routes: shared.routes.as_ref(),
                    instance: shared.instance,
                };
                driver.deliver(adapter.as_ref(), &job, &mut recent).await
            }
            None => Err(DeliveryError::Permanent(format!(
                "no {} adapter",
                platform.name()
            ))),
        };
        queued.fetch_sub(1, Ordering::AcqRel);
        if reply.send(Request::Done { id, round, result }).is_err() {
            tracing::debug!(id, "the engine stopped before a delivery was reported");
        }
    }
}

#[cfg(test)]
mod tests;
