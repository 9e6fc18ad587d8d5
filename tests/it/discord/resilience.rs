//! What Discord does to a bot that runs for weeks: the gateway drops and
//! resumes, the API rate-limits, the process is killed mid-round. Nothing
//! acknowledged is lost, nothing is posted twice.

use super::{shown, Server, EN, LIMIT};
use fake_discord::{SentKind, CHANNEL_ID};
use std::time::{Duration, Instant};

impl Server {
    async fn until(&self, what: &str, done: impl Fn(&Server) -> bool) {
        let deadline = Instant::now() + LIMIT;
        while !done(self) {
            assert!(
                Instant::now() < deadline,
                "timed out: {what}\n{}",
                self.bot.log()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// How many messages the bot posted that read `text`.
    fn times(&self, text: &str) -> usize {
        self.fake
            .sent()
            .iter()
            .filter(|m| m.kind == SentKind::Message && shown(m).contains(text))
            .count()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_dropped_gateway_resumes_and_a_429_storm_only_delays() {
    let s = Server::new("en", true, &["Anna", "Bram", "Chris"]).await;
    let (anna, bram, chris) = (s.id("Anna"), s.id("Bram"), s.id("Chris"));
    s.fake
        .slash(
            anna,
            CHANNEL_ID,
            "start",
            &[("flow", "golden-circle"), ("title", "Noor")],
            "en-US",
        )
        .await;
    let thread = s.posted(CHANNEL_ID, "Round #1: Golden Circle").await.id;
    s.posted(thread, "Step 1 of 10").await;
    s.fake
        .slash(bram, thread, "join", &[("profession", "km-werk")], "en-US")
        .await;
    s.posted(thread, "Bram takes part as").await;

    // The connection drops; what happens meanwhile is replayed on RESUME.
    s.fake.drop_gateway().await;
    s.fake.say(chris, thread, "!brug join km-inkomen").await;
    s.until("a RESUME", |s| s.fake.resumed() >= 1).await;
    s.posted(thread, "Chris takes part as").await;
    assert_eq!(s.fake.identified(), 1, "resumed, not a new session");

    // Every call is refused for a while; the bot waits and goes on.
    s.fake
        .slash(anna, thread, "owner", &[("user", "Bram")], "en-US")
        .await;
    s.posted(thread, "Bram is the case owner.").await;
    // A 429 asking for longer than a second is waited out in full: the
    // wait comes from the answer (its `retry_after`), not a fixed pause.
    s.fake.rate_limit_next(1, 1.6);
    let sent_at = Instant::now();
    s.fake
        .say_dm(bram, "A mother, two children, rent arrears.")
        .await;
    s.dm("Bram", "This is what I received.").await;
    assert!(
        sent_at.elapsed() >= Duration::from_millis(1600),
        "it waited as asked"
    );
    // A storm of short ones: five 429s of 0.2 s, spread over the calls
    // that go out at once, cost well under a second; five fixed pauses of
    // a second would cost three at least on one of them.
    s.fake.rate_limit_next(5, 0.2);
    let sent_at = Instant::now();
    s.fake.say_dm(bram, "yes").await;
    s.posted(thread, "The case, brought in by Bram").await;
    let waited = sent_at.elapsed();
    assert!(
        waited >= Duration::from_millis(200) && waited < Duration::from_millis(2500),
        "five waits of 0.2 s took {waited:?}"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    for text in [
        "This is what I received.",
        "The case, brought in by Bram",
        "Chris takes part as",
        "Step 1 of 10",
    ] {
        assert_eq!(s.times(text), 1, "«{text}» posted once");
    }
    drop(s.bot);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_mid_round_it_keeps_every_acknowledged_answer() {
    let s = Server::new("en", true, &["Anna", "Bram", "Chris", "Dewi"]).await;
    let anna = s.id("Anna");
    let thread = s.golden_circle_in_english().await;
    s.intake("Bram", thread, &EN).await;
    s.fake.slash(anna, thread, "next", &[], "en-US").await;
    s.posted(thread, "Step 3 of 10").await;
    let answer = |n: &str| format!("Problem: p\nClient: c\nWhy: belief of {n}\nHow: h\nWhat: w");
    for n in ["Anna", "Bram"] {
        s.fake.say_dm(s.id(n), &answer(n)).await;
        s.dm(n, "Received").await;
    }
    // SIGKILL after two acknowledged answers, then a restart.
    let mut s = s;
    s.bot.kill();
    s.fake.say_dm(s.id("Chris"), &answer("Chris")).await;
    s.bot.start();
    // Chris's answer, written while the bot was down, is read back.
    s.dm("Chris", "Received").await;
    s.fake.say_dm(s.id("Dewi"), &answer("Dewi")).await;
    let wall = s.posted(thread, "Step 4 of 10").await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        assert!(
            shown(&wall).contains(&format!("belief of {n}")),
            "{}",
            wall.content
        );
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    for text in [
        "Step 3 of 10",
        "Step 4 of 10",
        "The case, brought in by Bram",
    ] {
        assert_eq!(s.times(text), 1, "«{text}» posted once");
    }
    drop(s.bot);
}

/// Retention over (zero days: at once, once the round ends): the bot deletes
/// every message it posted about the round — the root, the thread's, the
/// DMs — and says so; only that notice stays.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn retention_deletes_every_message_of_the_round() {
    let s = Server::with_defaults("en", true, &["Anna", "Bram"], "retention_days = 0").await;
    let anna = s.id("Anna");
    let joins = [("Anna", "sw", "en-US"), ("Bram", "km-werk", "en-US")];
    let thread = s
        .opened(
            "golden-circle",
            "Round #1: Golden Circle",
            &joins,
            "Bram",
            &EN,
        )
        .await;
    s.dm("Bram", "Round #1 «Noor»").await;
    s.fake.slash(anna, thread, "cancel", &[], "en-US").await;
    s.posted(CHANNEL_ID, "The record of round #1 has been erased")
        .await;
    s.until("every message of the round deleted", |s| {
        let sent = s.fake.sent();
        let deleted: Vec<u64> = sent
            .iter()
            .filter(|m| m.kind == SentKind::Delete)
            .map(|m| m.id)
            .collect();
        let left: Vec<String> = sent
            .iter()
            .filter(|m| m.kind == SentKind::Message && !shown(m).contains("has been erased"))
            .filter(|m| !deleted.contains(&m.id))
            .map(|m| format!("{} {}", m.channel_id, m.content))
            .collect();
        if !left.is_empty() {
            eprintln!("still up: {left:#?}");
        }
        left.is_empty()
    })
    .await;
}
