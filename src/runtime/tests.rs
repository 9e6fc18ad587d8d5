use super::*;
use crate::core::ids::{Locale, UserRef};
use crate::core::message::{Message, MessageRef};
use crate::edge::deliver::{BoxFuture, Post};
use crate::edge::PostRef;
use crate::storage::MemoryStore;
use std::sync::Mutex;

/// Records deliveries; messages to "slow" wait until released.
struct Recorder {
    sent: Mutex<Vec<(String, u64)>>,
    release: tokio::sync::Notify,
}

impl Deliver for Recorder {
    fn platform(&self) -> Platform {
        Platform::Console
    }
    fn send<'a>(
        &'a self,
        post: &'a Post<'a>,
    ) -> BoxFuture<'a, Result<Option<String>, DeliveryError>> {
        Box::pin(async move {
            if post.place == "slow" {
                self.release.notified().await;
            }
            self.sent
                .lock()
                .unwrap()
                .push((post.place.to_string(), post.out.id));
            Ok(None)
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
    let rec = Arc::new(Recorder {
        sent: Mutex::new(Vec::new()),
        release: tokio::sync::Notify::new(),
    });
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
