//! Latency of brug on a real Synapse, next to a minimal echo client built on
//! the same SDK, in the same run on the same server.
//!
//! N rounds run at once (`BRUG_BENCH_ROUNDS`, default 20). In each, one
//! participant sends K private answers (`BRUG_BENCH_SAMPLES`, default 20) one
//! after another; we time each from the send until the bot's receipt arrives
//! at the participant's sync. The baselines: the same participants send the
//! same number of messages to an echo client, which answers each with a
//! notice in the same kind of (encrypted) direct room. Two echo clients: one
//! sends from its event handler as the SDK's examples do (the SDK waits for
//! it before the next event), one hands each send to a task of its own.
//!
//! Run: `cargo bench --bench matrix_latency`

#[path = "../tests/it/matrix/harness.rs"]
#[allow(dead_code)]
mod harness;

use harness::{wait, Bot, Homeserver, User};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, RoomMessageEventContent,
};
use matrix_sdk::ruma::OwnedRoomId;
use matrix_sdk::{Client, Room};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // Synapse's log of every request costs it time the figures should not include.
    std::env::set_var("BRUG_SYNAPSE_ACCESS_LOG", "WARNING");
    let rounds = env("BRUG_BENCH_ROUNDS", 20);
    let samples = env("BRUG_BENCH_SAMPLES", 20);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(run(rounds, samples));
}

struct Round {
    participant: Arc<User>,
    bot_dm: OwnedRoomId,
    echo_dms: Vec<OwnedRoomId>,
}

async fn run(rounds: usize, samples: usize) {
    let hs = Homeserver::start("bench");
    let bot = Bot::on(&hs, "en", &[":localhost"]).await;
    let echo = Arc::new(User::on(&hs, "Echo").await);
    let spawning = Arc::new(User::on(&hs, "EchoTask").await);
    echo.client.add_event_handler(
        |ev: OriginalSyncRoomMessageEvent, room: Room, client: Client| async move {
            if answers(&ev, &client) {
                let _ = room.send(notice()).await;
            }
        },
    );
    spawning.client.add_event_handler(
        |ev: OriginalSyncRoomMessageEvent, room: Room, client: Client| async move {
            if answers(&ev, &client) {
                tokio::spawn(async move {
                    let _ = room.send(notice()).await;
                });
            }
        },
    );
    eprintln!("setting up {rounds} rounds …");
    let mut set = tokio::task::JoinSet::new();
    for i in 0..rounds {
        let hs2 = Homeserver {
            url: hs.url.clone(),
            dir: hs.dir.clone(),
            port: hs.port,
        };
        let (bot_id, echoes) = (bot.id.clone(), [echo.clone(), spawning.clone()]);
        set.spawn(async move { setup(&hs2, &bot_id, &echoes, i).await });
    }
    let mut all = Vec::new();
    while let Some(r) = set.join_next().await {
        all.push(r.unwrap());
    }
    eprintln!("measuring …");
    let mut echo_lat = Vec::new();
    let mut task_lat = Vec::new();
    let mut brug_lat = Vec::new();
    // Baselines before and after, pooled, so drift over the run hits both.
    for phase in 0..2 {
        echo_lat.extend(measure("echo", &all, samples, |r| r.echo_dms[0].clone(), &echo.id).await);
        task_lat.extend(
            measure(
                "echo-task",
                &all,
                samples,
                |r| r.echo_dms[1].clone(),
                &spawning.id,
            )
            .await,
        );
        if phase == 0 {
            brug_lat = measure("brug", &all, samples, |r| r.bot_dm.clone(), &bot.id).await;
        }
    }
    let (e50, e99) = stats(&echo_lat);
    let (t50, t99) = stats(&task_lat);
    let (b50, b99) = stats(&brug_lat);
    println!("rounds={rounds} samples/round={samples}");
    println!("echo baseline (sends in its handler): p50 {e50:.1} ms, p99 {e99:.1} ms");
    println!("echo baseline (sends in a task):      p50 {t50:.1} ms, p99 {t99:.1} ms");
    println!("brug receipts:                        p50 {b50:.1} ms, p99 {b99:.1} ms");
    println!(
        "ratio brug/echo (handler): p50 {:.2}x, p99 {:.2}x",
        b50 / e50,
        b99 / e99
    );
    println!(
        "ratio brug/echo (task):    p50 {:.2}x, p99 {:.2}x",
        b50 / t50,
        b99 / t99
    );
    hs.down();
}

/// Whether an echo client answers this event: text from someone else.
fn answers(ev: &OriginalSyncRoomMessageEvent, client: &Client) -> bool {
    Some(ev.sender.as_ref()) != client.user_id()
        && matches!(ev.content.msgtype, MessageType::Text(_))
}

fn notice() -> RoomMessageEventContent {
    RoomMessageEventContent::notice_plain("echo")
}

/// One round with one participant waiting in the blind circle step; returns
/// the participant and its DM rooms with the bot and the echo clients.
async fn setup(
    hs: &Homeserver,
    bot: &matrix_sdk::ruma::OwnedUserId,
    echoes: &[Arc<User>],
    i: usize,
) -> Round {
    let coord = User::on(hs, &format!("Coord{i}")).await;
    let part = Arc::new(User::on(hs, &format!("Part{i}")).await);
    let room = coord.create_room(&[bot, &part.id], false).await;
    part.joined(room.room_id()).await;
    let bot_joined = wait(Duration::from_secs(60), || {
        let members = tokio::task::block_in_place(|| {
            tokio::runtime::Handle::current()
                .block_on(room.members_no_sync(matrix_sdk::RoomMemberships::JOIN))
        })
        .ok()?;
        members.iter().any(|m| m.user_id() == bot).then_some(())
    })
    .await;
    assert!(bot_joined.is_some());
    coord.say(&room, "!brug start golden-circle Bench").await;
    let root = coord.expect_notice(bot, "Round #").await.event;
    coord.say_in_thread(&room, &root, "!brug join sw").await;
    coord.expect_notice(bot, "takes part as").await;
    let proom = part.room(room.room_id());
    part.say_in_thread(&proom, &root, "!brug join km-werk")
        .await;
    coord
        .expect("two joined", |s| {
            s.sender == *bot && s.body.contains("takes part as") && s.body.starts_with(&part.name)
        })
        .await;
    coord
        .say_in_thread(&room, &root, &format!("!brug owner {}", coord.name))
        .await;
    let dm = coord
        .expect("the intake DM", |s| {
            s.sender == *bot && s.room != room.room_id()
        })
        .await;
    let cdm = coord.joined(&dm.room).await;
    coord.say(&cdm, "A case for the benchmark.").await;
    coord.expect_notice(bot, "This is what I received").await;
    coord.say(&cdm, "yes").await;
    coord.expect_notice(bot, "brought in by").await;
    coord.say_in_thread(&room, &root, "!brug next").await;
    let p = part
        .expect("the circle prompt", |s| {
            s.sender == *bot && s.room != room.room_id() && s.body.contains("Your circle")
        })
        .await;
    part.joined(&p.room).await;
    let mut echo_dms = Vec::new();
    for echo in echoes {
        let echo_room = part.client.create_dm(&echo.id).await.unwrap();
        echo.joined(echo_room.room_id()).await;
        echo_dms.push(echo_room.room_id().to_owned());
    }
    Round {
        participant: part,
        bot_dm: p.room,
        echo_dms,
    }
}

/// Every participant at once: K messages each, one at a time; milliseconds.
async fn measure(
    phase: &'static str,
    all: &[Round],
    samples: usize,
    room: impl Fn(&Round) -> OwnedRoomId,
    from: &matrix_sdk::ruma::OwnedUserId,
) -> Vec<f64> {
    let mut set = tokio::task::JoinSet::new();
    for r in all {
        let (p, room_id, from) = (r.participant.clone(), room(r), from.clone());
        set.spawn(async move {
            let room = p.room(&room_id);
            let mut out = Vec::new();
            for j in 0..samples {
                let before = p
                    .seen()
                    .iter()
                    .filter(|s| s.sender == from && s.room == room_id)
                    .count();
                let t0 = Instant::now();
                p.say(&room, &format!("Why: sample {j}")).await;
                let got = wait(Duration::from_secs(60), || {
                    p.seen()
                        .into_iter()
                        .filter(|s| s.sender == from && s.room == room_id)
                        .nth(before)
                })
                .await
                .unwrap_or_else(|| panic!("{phase}: {} got no answer to sample {j}", p.name));
                out.push(got.at.duration_since(t0).as_secs_f64() * 1000.0);
            }
            out
        });
    }
    let mut all = Vec::new();
    while let Some(r) = set.join_next().await {
        all.extend(r.unwrap());
    }
    all
}

fn stats(v: &[f64]) -> (f64, f64) {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}
