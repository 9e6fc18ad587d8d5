//! The gaps where a message could be lost, each through the real binary and
//! Synapse: a sync position saved but never committed, a commit that fails
//! while the bot runs, an engine that panics, a thread whose root was never
//! recorded, and retention taking back every message, the last ones too.

use super::harness::wait;
use super::rounds::{bot_notice, Group};
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::UInt;
use std::time::{Duration, Instant};

/// How many notices the bot sent Anna containing `text`.
fn count(g: &Group, text: &str) -> usize {
    g.person("Anna")
        .seen()
        .into_iter()
        .filter(|s| s.sender == g.bot.id && s.body.contains(text))
        .count()
}

/// matrix-sdk saves its sync position before handlers run. The bot dies
/// after Chris's message reached it and before it was committed; Dewi writes
/// while it is down, so a new message arrives in the first sync after the
/// restart. Both are handled, each once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_event_the_sdk_saved_but_the_bot_never_committed_is_caught_up() {
    let _turn = super::harness::serial().await;
    let mut g = Group::new("en", false).await;
    let root = g.start_golden_circle("Gap").await;
    g.bot.kill();
    g.bot.start_with_env(&[("BRUG_FAULT_ABORT_BEFORE", "1")]);
    g.thread("Chris", &root, "!brug join sw").await;
    assert!(
        g.bot.exited(Duration::from_secs(60)).await,
        "the bot did not stop at the fault"
    );
    g.thread("Dewi", &root, "!brug join km-werk").await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    g.bot.start();
    bot_notice(&g, "Anna", "Chris takes part as").await;
    bot_notice(&g, "Anna", "Dewi takes part as").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(count(&g, "Chris takes part as"), 1);
    assert_eq!(count(&g, "Dewi takes part as"), 1);
}

/// The store fails to write while the bot runs: the message is not dropped,
/// the write is tried again, and the answer comes once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_commit_that_fails_while_the_bot_runs_is_tried_again() {
    let _turn = super::harness::serial().await;
    let mut g = Group::new("en", false).await;
    let root = g.start_golden_circle("Disk").await;
    g.bot.kill();
    g.bot.start_with_env(&[("BRUG_FAULT_FAIL_SYNC", "2")]);
    tokio::time::sleep(Duration::from_secs(3)).await;
    g.thread("Chris", &root, "!brug join sw").await;
    bot_notice(&g, "Anna", "Chris takes part as").await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(count(&g, "Chris takes part as"), 1);
    let log = g.bot.log();
    assert!(
        log.contains("writing to the store failed"),
        "the fault never struck:\n{log}"
    );
}

/// A panic in the engine stops the process at once, with a non-zero status
/// and a line that says why, so that a supervisor starts it again.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_engine_panic_stops_the_bot_at_once() {
    let _turn = super::harness::serial().await;
    let mut g = Group::new("en", false).await;
    let root = g.start_golden_circle("Panic").await;
    g.bot.kill();
    g.bot.start_with_env(&[("BRUG_FAULT_PANIC_AT", "1")]);
    tokio::time::sleep(Duration::from_secs(3)).await;
    let sent = Instant::now();
    g.thread("Chris", &root, "!brug join sw").await;
    let code = g
        .bot
        .exit_code(Duration::from_secs(20))
        .await
        .expect("the bot kept running after its engine panicked");
    let took = sent.elapsed();
    assert_eq!(code, Some(70), "exit status");
    let log = g.bot.log();
    assert!(log.contains("the engine died"), "{log}");
    // From the message leaving Chris to the process gone: the sync that
    // brings it, the panic, the exit.
    assert!(took < Duration::from_secs(5), "took {took:?}");
    // Restarted (as a supervisor would), nothing of Chris's message is lost.
    g.bot.start();
    bot_notice(&g, "Anna", "Chris takes part as").await;
}

/// The bot posted a round's root but the record of it was lost: a reply in
/// its thread still reaches the round while it is the room's only one, and
/// once there are two, the writer is told plainly what to do.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thread_whose_root_was_never_recorded_is_not_ignored() {
    let _turn = super::harness::serial().await;
    let mut g = Group::new("en", false).await;
    g.bot.kill();
    g.bot.start_with_env(&[("BRUG_FAULT_FORGET_ROOTS", "1")]);
    let root = g.start_golden_circle("Lost root").await;
    g.thread("Chris", &root, "!brug join sw").await;
    bot_notice(&g, "Anna", "Chris takes part as").await;
    let anna = g.person("Anna");
    anna.say(&g.room_of("Anna"), "!brug start golden-circle Second")
        .await;
    bot_notice(&g, "Anna", "Round #2: Golden Circle").await;
    g.thread("Dewi", &root, "!brug join km-werk").await;
    bot_notice(&g, "Dewi", "cannot tell which round this thread").await;
    assert_eq!(
        count(&g, "Dewi takes part as"),
        0,
        "Dewi was put in a round by guess"
    );
}

/// With a retention of 0 days the round is erased as soon as it ends: every
/// message the bot posted about it is redacted — the last ones too, which a
/// redaction on another lane used to overtake.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn retention_takes_back_every_message_of_the_round() {
    let _turn = super::harness::serial().await;
    let mut g = Group::new("en", false).await;
    g.bot.restart_with_default("retention_days = 0");
    let root = g.start_golden_circle("All gone").await;
    for (n, p) in [("Bram", "km-werk"), ("Chris", "sw")] {
        g.thread(n, &root, &format!("!brug join {p}")).await;
        bot_notice(&g, "Anna", &format!("{n} takes part as")).await;
    }
    g.thread("Anna", &root, "!brug cancel").await;
    bot_notice(&g, "Anna", "The record of round #1 has been erased").await;
    let room = g.room_of("Anna");
    let bot = g.bot.id.to_string();
    let left = wait(Duration::from_secs(30), || {
        let mut opts = MessagesOptions::backward();
        opts.limit = UInt::from(200u32);
        let page = tokio::task::block_in_place(|| {
            tokio::runtime::Handle::current().block_on(room.messages(opts))
        })
        .ok()?;
        let unredacted: Vec<String> = page
            .chunk
            .iter()
            .filter_map(|e| serde_json::from_str::<serde_json::Value>(e.raw().json().get()).ok())
            .filter(|e| e["sender"] == bot.as_str() && e["type"] == "m.room.message")
            .filter_map(|e| e["content"]["body"].as_str().map(str::to_string))
            .filter(|b| !b.contains("has been erased"))
            .collect();
        unredacted.is_empty().then_some(())
    })
    .await;
    assert!(left.is_some(), "some of the round's messages are still up");
}
