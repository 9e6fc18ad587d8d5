//! Encrypted rooms, who may steer, crashes of the bot and of the homeserver.

use super::harness::{admin_token, homeserver, homeserver_log, wait, Bot, Homeserver, User};
use super::rounds::{bot_notice, check_bot_messages, golden_circle, Group, EN};
use matrix_sdk::ruma::events::room::member::MembershipState;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_round_in_an_encrypted_room() {
    let _turn = super::harness::serial().await;
    let g = golden_circle(&EN, true).await;
    check_bot_messages(&g);
    let room = g.room_of("Anna");
    assert!(room.latest_encryption_state().await.unwrap().is_encrypted());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_undecryptable_message_gets_a_notice() {
    let _turn = super::harness::serial().await;
    let g = Group::new("en", true).await;
    let room = g.room_of("Chris");
    let garbage = serde_json::json!({
        "algorithm": "m.megolm.v1.aes-sha2",
        "ciphertext": "AwgAEnBmZ2FyYmFnZQ",
        "sender_key": "c2VuZGVya2V5c2VuZGVya2V5c2VuZGVya2V5c2VuZA",
        "device_id": "NOSUCHDEVICE",
        "session_id": "c2Vzc2lvbnNlc3Npb25zZXNzaW9uc2Vzc2lvbnNlcw"
    });
    room.send_raw("m.room.encrypted", garbage).await.unwrap();
    bot_notice(&g, "Anna", "I could not decrypt a message from Chris").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn only_coordinators_steer() {
    let _turn = super::harness::serial().await;
    let g = Group::new("en", false).await;
    let bram = g.person("Bram");
    let start = bram
        .say(&g.room_of("Bram"), "!brug start golden-circle Mine")
        .await;
    // The refusal is a reply to the command, and says who can.
    let refused = bot_notice(&g, "Bram", "Only a coordinator can do that: someone with moderator rights in this room (power level 50 or more). `!brug help` shows what everyone can do.").await;
    assert!(refused.thread_root.is_none());
    assert_eq!(refused.in_reply_to.as_ref(), Some(&start));
    // Anna created the room: in room version 12 creators outrank power levels.
    let root = g.start_golden_circle("Ours").await;
    bot_notice(&g, "Bram", "Step 1 of 10").await;
    for cmd in ["!brug next", "!brug cancel", "!brug extend 1d"] {
        let before = bram.seen().len();
        let asked = bram.say_in_thread(&g.room_of("Bram"), &root, cmd).await;
        let got = wait(Duration::from_secs(20), || {
            bram.seen()[before..]
                .iter()
                .find(|s| s.sender == g.bot.id)
                .cloned()
        })
        .await
        .expect("an answer");
        assert_eq!(
            got.body,
            "Only a coordinator can do that; in this round that is Anna. Ask Anna here in the thread; `!brug status` shows where the round is.",
            "for {cmd}"
        );
        assert_eq!(got.thread_root.as_ref(), Some(&root));
        assert_eq!(got.in_reply_to.as_ref(), Some(&asked), "a reply to {cmd}");
    }
    g.person("Anna")
        .say_in_thread(&g.room_of("Anna"), &root, "!brug status")
        .await;
    let status = bot_notice(&g, "Anna", "Round #1 «Ours»").await;
    assert!(
        status.body.contains("Step 1 of 10"),
        "nothing moved: {}",
        status.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn invites_from_others_are_declined() {
    let _turn = super::harness::serial().await;
    let hs = homeserver();
    let anna = User::on(hs, "Anna").await;
    let mallory = User::on(hs, "Mallory").await;
    let bot = Bot::on(hs, "en", &[anna.id.as_str()]).await;
    let bad = mallory.create_room(&[&bot.id], false).await;
    let good = anna.create_room(&[&bot.id], false).await;
    let member = |room: &matrix_sdk::Room| {
        let room = room.clone();
        let bot = bot.id.clone();
        tokio::task::block_in_place(move || {
            tokio::runtime::Handle::current().block_on(async move {
                room.get_member(&bot)
                    .await
                    .ok()
                    .flatten()
                    .map(|m| m.membership().clone())
            })
        })
    };
    let joined = wait(Duration::from_secs(30), || {
        (member(&good) == Some(MembershipState::Join)).then_some(())
    })
    .await;
    assert!(
        joined.is_some(),
        "the bot did not accept Anna's invite:\n{}",
        bot.log()
    );
    let declined = wait(Duration::from_secs(30), || {
        (member(&bad) == Some(MembershipState::Leave)).then_some(())
    })
    .await;
    assert!(
        declined.is_some(),
        "the bot did not decline Mallory's invite"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_bot_killed_mid_round_goes_on_without_loss_or_repeats() {
    let _turn = super::harness::serial().await;
    let mut g = Group::new("en", false).await;
    let root = g.start_golden_circle("Crash").await;
    g.join_all(
        &root,
        "takes part as",
        ["sw", "km-werk", "sw", "km-inkomen"],
    )
    .await;
    g.private("Bram", "A case about a family.").await;
    g.private("Bram", "yes").await;
    bot_notice(&g, "Anna", "The case, brought in by Bram").await;
    g.thread("Anna", &root, "!brug next").await;
    bot_notice(&g, "Anna", "Step 3 ").await;
    // Everyone has the prompt in their DM (the thread's step post says the
    // same words; Chris must be able to answer while the bot is down).
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        g.person(n)
            .expect("the circle prompt in a DM", |s| {
                s.sender == g.bot.id && s.room != g.room && s.body.contains("Your circle")
            })
            .await;
    }
    let answer = |n: &str| {
        format!("Problem: p {n}\nClient: c {n}\nWhy: kept answer of {n}\nHow: h {n}\nWhat: w {n}")
    };
    g.private("Anna", &answer("Anna")).await;
    g.private("Bram", &answer("Bram")).await;
    // Kill right after Bram's answer went out: it may or may not be handled yet.
    g.bot.kill();
    // While the bot is down, Chris answers too.
    g.private("Chris", &answer("Chris")).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    g.bot.start();
    g.private("Dewi", &answer("Dewi")).await;
    let wall = bot_notice(&g, "Chris", "Step 4 ").await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        assert!(
            wall.body.contains(&format!("kept answer of {n}")),
            "{n}'s answer was lost:\n{}",
            wall.body
        );
    }
    // Nothing the bot posted appears twice.
    tokio::time::sleep(Duration::from_secs(2)).await;
    for u in &g.people {
        let mine: Vec<_> = u
            .seen()
            .into_iter()
            .filter(|s| s.sender == g.bot.id)
            .collect();
        for (i, a) in mine.iter().enumerate() {
            for b in &mine[i + 1..] {
                let same = a.body == b.body && a.room == b.room && !a.body.ends_with("answered.");
                assert!(
                    !same,
                    "{} saw twice:\n{}\nbot log:\n{}",
                    u.name,
                    a.body,
                    g.bot.log()
                );
            }
        }
    }
}

/// The homeserver goes away for a minute. The bot had committed an answer but
/// died before sending it, and is started again while the server is away;
/// someone wrote to it while it was down. The bot starts anyway, keeps trying,
/// and once the server is back sends what it owed and answers what it missed:
/// nothing lost, nothing twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nothing_is_lost_while_the_homeserver_is_down_for_a_minute() {
    let _turn = super::harness::serial().await;
    let hs = Homeserver::start("outage");
    let mut g = Group::on(&hs, "en", false).await;
    let root = g.start_golden_circle("Outage").await;
    // The bot dies right after committing its answer to Chris, before sending it.
    g.bot.kill();
    g.bot.start_with_env(&[("BRUG_FAULT_ABORT_AFTER", "1")]);
    g.thread("Chris", &root, "!brug join sw").await;
    assert!(
        g.bot.exited(Duration::from_secs(90)).await,
        "the bot did not stop at the fault"
    );
    g.thread("Dewi", &root, "!brug join km-werk").await;
    hs.down();
    g.bot.start();
    tokio::time::sleep(Duration::from_secs(60)).await;
    hs.up();
    bot_notice(&g, "Anna", "Chris takes part as").await;
    bot_notice(&g, "Anna", "Dewi takes part as").await;
    g.thread("Anna", &root, "!brug status").await;
    let status = bot_notice(&g, "Anna", "Round #1 «Outage»").await;
    assert!(status.body.contains("Step 1 of 10"), "{}", status.body);
    let log = g.bot.log();
    // Started while the server is away, the bot first catches up (before
    // any live handler), so that is where it meets the outage.
    assert!(
        log.contains("sync failed") || log.contains("reading history failed"),
        "the bot never saw the outage:\n{log}"
    );
    assert!(
        log.contains("failed, trying again"),
        "the owed answer was never tried during the outage:\n{log}"
    );
    let joined: Vec<String> = g
        .person("Anna")
        .seen()
        .into_iter()
        .filter(|s| s.sender == g.bot.id && s.body.contains("takes part as"))
        .map(|s| s.body)
        .collect();
    assert_eq!(joined.len(), 2, "{joined:?}");
    hs.down();
}

/// With a retention of 0 days, ending a round erases it at once: the bot
/// redacts what it posted about the round and says so in the room.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_expired_round_is_redacted() {
    let _turn = super::harness::serial().await;
    let mut g = Group::new("en", false).await;
    g.bot.restart_with_default("retention_days = 0");
    let root = g.start_golden_circle("Gone").await;
    g.thread("Anna", &root, "!brug cancel").await;
    bot_notice(&g, "Anna", "The record of round #1 has been erased").await;
    // The root message, as the homeserver now serves it: redacted.
    let room = g.room_of("Anna");
    let redacted = wait(Duration::from_secs(30), || {
        let ev = futures_block_event(&room, &root)?;
        ev.get("unsigned")
            .and_then(|u| u.get("redacted_because"))
            .map(|_| ev.clone())
    })
    .await;
    let ev = redacted.expect("the root message is redacted");
    assert!(
        ev["content"].get("body").is_none(),
        "a redacted event keeps no body: {ev}"
    );
}

/// The event as JSON, fetched from the homeserver (blocking the test task).
fn futures_block_event(
    room: &matrix_sdk::Room,
    id: &matrix_sdk::ruma::OwnedEventId,
) -> Option<serde_json::Value> {
    let ev = tokio::task::block_in_place(|| {
        tokio::runtime::Handle::current().block_on(room.event(id, None))
    })
    .ok()?;
    serde_json::from_str(ev.raw().json().get()).ok()
}

/// The homeserver lets the bot send one message a second: what it has to say
/// waits as long as the server asks (`M_LIMIT_EXCEEDED`), and nothing is lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn rate_limited_messages_wait_their_turn_and_all_arrive() {
    let _turn = super::harness::serial().await;
    let g = Group::new("en", false).await;
    let hs = homeserver();
    let token = admin_token(hs).await;
    let resp = matrix_sdk::reqwest::Client::new()
        .post(format!(
            "{}/_synapse/admin/v1/users/{}/override_ratelimit",
            hs.url, g.bot.id
        ))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body(r#"{"messages_per_second": 1, "burst_count": 1}"#)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{}", resp.text().await.unwrap());
    let root = g.start_golden_circle("Busy").await;
    // Four joins at once: four answers from the bot, more than it may send.
    for (n, p) in [
        ("Anna", "sw"),
        ("Bram", "km-werk"),
        ("Chris", "sw"),
        ("Dewi", "km-inkomen"),
    ] {
        g.thread(n, &root, &format!("!brug join {p}")).await;
    }
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        bot_notice(&g, "Anna", &format!("{n} takes part as")).await;
    }
    g.thread("Anna", &root, "!brug status").await;
    let status = bot_notice(&g, "Anna", "Round #1 «Busy»").await;
    assert!(status.body.contains("Step 1 of 10"), "{}", status.body);
    let limited = homeserver_log(hs)
        .lines()
        .filter(|l| l.contains(&format!("{{{}}}", g.bot.id)) && l.contains(" 429 "))
        .count();
    assert!(limited > 0, "the homeserver never rate-limited the bot");
    check_bot_messages(&g);
}
