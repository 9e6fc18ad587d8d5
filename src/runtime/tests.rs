use super::*;
use crate::core::ids::{Locale, UserRef};
use crate::core::message::{Message, MessageRef};
use crate::edge::deliver::{BoxFuture, Post};
use crate::edge::PostRef;
use crate::storage::MemoryStore;
use crate::storage::Store;
use std::sync::Mutex;

/// Records deliveries (place and id, and the message ids in them);
/// messages to "slow" wait until released.
#[derive(Default)]
struct Recorder {
    sent: Mutex<Vec<(String, u64)>>,
    ids: Mutex<Vec<String>>,
    release: tokio::sync::Notify,
}

impl Deliver for Recorder {
    fn platform(&self) -> Platform {
        Platform::Console
    }
    fn send<'a>(&'a self, post: &'a Post<'a>) -> BoxFuture<'a, Result<Vec<String>, DeliveryError>> {
        Box::pin(async move {
            if post.place == "slow" {
                self.release.notified().await;
            }
            self.sent
                .lock()
                .unwrap()
                .push((post.place.to_string(), post.out.id));
            let ids = post.out.msg.ids().into_iter().map(str::to_string);
            self.ids.lock().unwrap().extend(ids);
            Ok(Vec::new())
        })
    }
    fn delete<'a>(&'a self, _: &'a PostRef) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async { Ok(()) })
    }
    fn open_private<'a>(
        &'a self,
        user: &'a UserRef,
    ) -> BoxFuture<'a, Result<String, DeliveryError>> {
        Box::pin(async move { Ok(user.id.clone()) })
    }
}

fn to(user: &str, id: u64) -> Job {
    Job::Post(Outgoing {
        id,
        to: Destination::Private(UserRef::new(Platform::Console, user)),
        round: None,
        locale: Locale::En,
        tz: chrono_tz::UTC,
        msg: Message::line(MessageRef::new("progress")),
        not_before: None,
    })
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
    let rec = Arc::new(Recorder::default());
    let catalog = Arc::new(Catalog::load(&crate::flows::Sources::embedded()).unwrap());
    let (reply, _done) = std_mpsc::channel();
    let mut platforms: HashMap<Platform, Arc<dyn Deliver>> = HashMap::new();
    platforms.insert(Platform::Console, rec.clone());
    let mut lanes = Lanes {
        runtime: tokio::runtime::Handle::current(),
        shared: Arc::new(Shared {
            catalog,
            routes: Arc::new(MemoryStore::new()),
            instance: 1,
            platforms,
        }),
        reply,
        sending: Arc::new(Semaphore::new(SENDING)),
        open: HashMap::new(),
    };
    for j in [to("slow", 1), to("slow", 2), to("quick", 3)] {
        lanes.send(j, None);
    }
    // Many other places, more than are kept open: idle lanes are let go.
    let count = 3 * LANES_KEPT;
    for i in 0..count as u64 {
        lanes.send(to(&format!("p{}", i % 100), 10 + i), None);
    }
    let sent = || rec.sent.lock().unwrap().clone();
    until(|| sent().len() == count + 1).await;
    assert!(
        sent().iter().all(|(p, _)| p != "slow"),
        "a slow place held up the others"
    );
    // New places: idle lanes are let go, the slow one (still busy) stays.
    for i in 0..LANES_KEPT as u64 {
        lanes.send(to(&format!("q{i}"), 500 + i), None);
    }
    assert!(lanes.open.contains_key("console/@slow"));
    let kept: Vec<&String> = lanes
        .open
        .keys()
        .filter(|k| k.starts_with("console/@p"))
        .collect();
    assert!(kept.is_empty(), "idle lanes kept: {kept:?}");
    lanes.send(to("p7", 1000), None);
    lanes.send(to("slow", 1001), None);
    until(|| sent().iter().any(|(_, id)| *id == 1000)).await;
    until(|| sent().len() == count + 1 + LANES_KEPT + 1).await;
    for n in 1..=3 {
        rec.release.notify_one();
        until(|| sent().iter().filter(|(p, _)| p == "slow").count() == n).await;
    }
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

/// A memory store whose next `apply`s fail (a disk that refuses writes).
struct Flaky {
    inner: MemoryStore,
    failing: AtomicUsize,
    /// Reads of routing records fail.
    routes_fail: bool,
}

impl Store for Flaky {
    fn apply(&self, c: &crate::storage::Commit) -> crate::storage::Result<()> {
        let left = self.failing.load(Ordering::SeqCst);
        if left > 0 && !c.inbox.is_empty() {
            self.failing.store(left - 1, Ordering::SeqCst);
            return Err(crate::storage::StoreError::Backend(
                "the disk is full".into(),
            ));
        }
        self.inner.apply(c)
    }
    fn sync(&self) -> crate::storage::Result<()> {
        self.inner.sync()
    }
    fn round(&self, id: RoundId) -> crate::storage::Result<Option<crate::core::Round>> {
        self.inner.round(id)
    }
    fn open_rounds(&self) -> crate::storage::Result<Vec<crate::core::Round>> {
        Store::open_rounds(&self.inner)
    }
    fn rounds(&self) -> crate::storage::Result<Vec<crate::core::Round>> {
        self.inner.rounds()
    }
    fn group(
        &self,
        id: &crate::core::ids::GroupId,
    ) -> crate::storage::Result<Option<crate::core::group::GroupState>> {
        self.inner.group(id)
    }
    fn groups(&self) -> crate::storage::Result<Vec<crate::core::group::GroupState>> {
        self.inner.groups()
    }
    fn outbox(&self) -> crate::storage::Result<Vec<Pending>> {
        self.inner.outbox()
    }
    fn due(&self, now: chrono::DateTime<Utc>) -> crate::storage::Result<Vec<RoundId>> {
        self.inner.due(now)
    }
    fn next_due(&self) -> crate::storage::Result<Option<chrono::DateTime<Utc>>> {
        self.inner.next_due()
    }
    fn flow(&self, id: &str, v: u32) -> crate::storage::Result<Option<crate::core::Flow>> {
        self.inner.flow(id, v)
    }
    fn meta(&self, key: &str) -> crate::storage::Result<Option<u64>> {
        self.inner.meta(key)
    }
    fn schema_version(&self) -> crate::storage::Result<u32> {
        self.inner.schema_version()
    }
    fn inbox_has(&self, e: &str) -> crate::storage::Result<bool> {
        self.inner.inbox_has(e)
    }
    fn prune_inbox(&self, before: chrono::DateTime<Utc>) -> crate::storage::Result<usize> {
        self.inner.prune_inbox(before)
    }
    fn route(&self, key: &[u8]) -> crate::storage::Result<Option<Vec<u8>>> {
        if self.routes_fail {
            return Err(crate::storage::StoreError::Backend("read error".into()));
        }
        self.inner.route(key)
    }
    fn routes_with_prefix(&self, p: &[u8]) -> crate::storage::Result<Vec<(Vec<u8>, Vec<u8>)>> {
        self.inner.routes_with_prefix(p)
    }
}

/// Runs `!brug flows` through a runtime whose store refuses `failing` writes.
async fn flows_with_failing_writes(failing: usize) -> Vec<String> {
    said_with_faults(failing, false, Place::Group, "!brug flows").await
}

async fn said_with_faults(
    failing: usize,
    routes_fail: bool,
    place: Place,
    text: &str,
) -> Vec<String> {
    let catalog = Arc::new(Catalog::load(&crate::flows::Sources::embedded()).unwrap());
    let store = Arc::new(Flaky {
        inner: MemoryStore::new(),
        failing: AtomicUsize::new(failing),
        routes_fail,
    });
    let engine = Engine::open(store.clone(), catalog.clone(), Default::default()).unwrap();
    let ids = Arc::new(Recorder::default());
    let mut platforms: HashMap<Platform, Arc<dyn Deliver>> = HashMap::new();
    platforms.insert(Platform::Console, ids.clone());
    let running = start(
        engine,
        Shared {
            catalog,
            routes: store,
            instance: 1,
            platforms,
        },
        Locale::En,
    );
    let g = crate::core::ids::GroupId::new(Platform::Console, "room");
    let mut m = Inbound::new(
        Some(g),
        UserRef::new(Platform::Console, "anna"),
        "Anna",
        place,
        text,
    );
    m.event = Some("ev-1".into());
    running.handle.offer(m);
    until(|| !ids.ids.lock().unwrap().is_empty()).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(running.stop().await, Ended::Stopped);
    let seen = ids.ids.lock().unwrap().clone();
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_whose_commit_failed_is_tried_again_and_handled_once() {
    let ids = flows_with_failing_writes(1).await;
    assert_eq!(
        ids.iter().filter(|i| *i == msg::FLOWS_HEADING.id).count(),
        1,
        "{ids:?}"
    );
    assert!(!ids.iter().any(|i| i == msg::ERR_NOT_HANDLED.id));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_that_cannot_be_committed_gets_an_answer_not_silence() {
    let ids = flows_with_failing_writes(usize::MAX).await;
    assert_eq!(ids, vec![msg::ERR_NOT_HANDLED.id.to_string()]);
}

/// A routing record that cannot be read is an error — retried, then the
/// writer is told — never a silent "not in a round".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_routing_read_is_told_not_taken_for_no_round() {
    let ids = said_with_faults(0, true, Place::ThreadOf("$root".into()), "my answer").await;
    assert_eq!(ids, vec![msg::ERR_NOT_HANDLED.id.to_string()]);
}

#[test]
fn the_engine_reports_a_failed_routing_read() {
    let catalog = Arc::new(Catalog::load(&crate::flows::Sources::embedded()).unwrap());
    let store = Flaky {
        inner: MemoryStore::new(),
        failing: AtomicUsize::new(0),
        routes_fail: true,
    };
    let mut engine = Engine::open(store, catalog, Default::default()).unwrap();
    let g = crate::core::ids::GroupId::new(Platform::Console, "room");
    let m = Inbound::new(
        Some(g),
        UserRef::new(Platform::Console, "anna"),
        "Anna",
        Place::ThreadOf("$root".into()),
        "my answer",
    );
    assert!(engine.receive(m, Utc::now()).is_err());
}
