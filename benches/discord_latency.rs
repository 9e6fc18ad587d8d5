//! Latency of brug on Discord (the fake on loopback), next to a minimal
//! echo bot on serenity against the same fake, in the same run.
//!
//! N rounds run at once (`BRUG_BENCH_ROUNDS`, default 20), each in its own
//! thread with its own coordinator and participant. The participant sends K
//! blind answers by DM (`BRUG_BENCH_SAMPLES`, default 20) one after another;
//! each is timed from the send (MESSAGE_CREATE on the bot's gateway) until
//! the bot's receipt is posted in the participant's DM channel — the moment
//! Discord would put it on the participant's gateway. The baseline: N users
//! send K DMs each to an echo bot (serenity, plain `EventHandler`, replying
//! with `ChannelId::say`), timed the same way. The echo bot runs first, then
//! brug, each against a fresh fake (the fake serves one bot identity).
//!
//! Run: `cargo bench --bench discord_latency`

#[path = "../tests/it/discord/bot.rs"]
mod bot;

use bot::{ready, Bot};
use fake_discord::{FakeDiscord, SentKind, CHANNEL_ID, TOKEN};
use serenity::all::{
    ClientBuilder, Context, EventHandler, GatewayIntents, HttpBuilder, Message, Ready,
};
use serenity::async_trait;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let rounds = env("BRUG_BENCH_ROUNDS", 20);
    let samples = env("BRUG_BENCH_SAMPLES", 20);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let echo = rt.block_on(echo_run(rounds, samples));
    let brug = rt.block_on(brug_run(rounds, samples));
    println!("Discord (fake on loopback), {rounds} at once, {samples} samples each:");
    report("serenity echo bot", &echo);
    report("brug receipts", &brug);
    if let Ok(path) = std::env::var("BRUG_BENCH_RAW") {
        let lines: Vec<String> = echo
            .iter()
            .map(|d| format!("echo {}", d.as_micros()))
            .chain(brug.iter().map(|d| format!("brug {}", d.as_micros())))
            .collect();
        std::fs::write(path, lines.join("\n")).expect("writing the raw samples");
    }
    let (e, b) = (pct(&echo, 99.0), pct(&brug, 99.0));
    println!(
        "p99 ratio brug / echo: {:.2} (target ≤ 1.2)",
        b.as_secs_f64() / e.as_secs_f64()
    );
}

fn pct(v: &[Duration], p: f64) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    let i = ((p / 100.0) * (v.len() as f64 - 1.0)).round() as usize;
    v[i]
}

fn report(what: &str, v: &[Duration]) {
    println!(
        "  {what:<20} n={:<4} p50={:>7.2} ms  p99={:>7.2} ms  max={:>7.2} ms",
        v.len(),
        pct(v, 50.0).as_secs_f64() * 1e3,
        pct(v, 99.0).as_secs_f64() * 1e3,
        pct(v, 100.0).as_secs_f64() * 1e3,
    );
}

/// Sends `samples` DMs as `user`, one after another, each timed until the
/// next message in its DM channel whose text contains `reply`.
async fn timed_dms(
    fake: Arc<FakeDiscord>,
    user: u64,
    samples: usize,
    text: impl Fn(usize) -> String,
    reply: &'static str,
) -> Vec<Duration> {
    let mut out = Vec::new();
    for k in 0..samples {
        let from = fake.sent_len();
        let t = Instant::now();
        fake.say_dm(user, &text(k)).await;
        let dm = fake.dm_channel(user);
        fake.next_sent(from, |s| {
            s.kind == SentKind::Message && Some(s.channel_id) == dm && s.content.contains(reply)
        })
        .await;
        out.push(t.elapsed());
    }
    out
}

struct Echo;

#[async_trait]
impl EventHandler for Echo {
    async fn message(&self, ctx: Context, msg: Message) {
        if msg.author.bot || msg.guild_id.is_some() {
            return;
        }
        if let Err(e) = msg.channel_id.say(&ctx.http, "echo").await {
            eprintln!("echo failed: {e}");
        }
    }
    async fn ready(&self, _: Context, _: Ready) {}
}

async fn echo_run(rounds: usize, samples: usize) -> Vec<Duration> {
    let fake = Arc::new(FakeDiscord::start(false).await);
    let users: Vec<u64> = (0..rounds)
        .map(|i| fake.add_user(&format!("u{i}"), false))
        .collect();
    let http = HttpBuilder::new(TOKEN)
        .proxy(fake.api_base())
        .ratelimiter_disabled(true)
        .build();
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::DIRECT_MESSAGES)
        .event_handler(Echo)
        .await
        .expect("echo client");
    let shards = client.shard_manager.clone();
    let run = tokio::spawn(async move { client.start().await });
    while fake.identified() == 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // One warm-up message each: the DM channel exists before timing.
    let mut set = tokio::task::JoinSet::new();
    for &u in &users {
        set.spawn(timed_dms(fake.clone(), u, 1, |_| "hi".into(), "echo"));
    }
    while set.join_next().await.is_some() {}
    for &u in &users {
        set.spawn(timed_dms(
            fake.clone(),
            u,
            samples,
            |k| format!("m{k}"),
            "echo",
        ));
    }
    let mut all = Vec::new();
    while let Some(r) = set.join_next().await {
        all.extend(r.expect("an echo sender"));
    }
    shards.shutdown_all().await;
    run.abort();
    all
}

async fn brug_run(rounds: usize, samples: usize) -> Vec<Duration> {
    let fake = Arc::new(FakeDiscord::start(false).await);
    let people: Vec<(u64, u64)> = (0..rounds)
        .map(|i| {
            (
                fake.add_user(&format!("c{i}"), true),
                fake.add_user(&format!("p{i}"), false),
            )
        })
        .collect();
    let bot = Bot::with_defaults(&fake, "en", false, "");
    ready(&fake, &bot).await;
    eprintln!("setting up {rounds} rounds …");
    // Started one after another: round i is round #(i+1).
    let mut threads = Vec::new();
    for (i, &(c, _)) in people.iter().enumerate() {
        let from = fake.sent_len();
        fake.slash(
            c,
            CHANNEL_ID,
            "start",
            &[("flow", "golden-circle"), ("title", "Bench")],
            "en-US",
        )
        .await;
        let opened = format!("Round \\#{}: Golden Circle", i + 1);
        let (_, root) = fake
            .next_sent(from, |s| {
                s.kind == SentKind::Message && s.content.contains(&opened)
            })
            .await;
        threads.push(root.id);
    }
    let mut set = tokio::task::JoinSet::new();
    for (i, (&(c, p), &thread)) in people.iter().zip(&threads).enumerate() {
        let fake = fake.clone();
        set.spawn(async move {
            let name = format!("p{i}");
            let wait = |from: usize, channel: u64, text: String| {
                let fake = fake.clone();
                async move {
                    fake.next_sent(from, |s| {
                        s.kind == SentKind::Message
                            && s.channel_id == channel
                            && s.content.contains(&text)
                    })
                    .await;
                }
            };
            let from = fake.sent_len();
            fake.slash(c, thread, "join", &[("profession", "sw")], "en-US")
                .await;
            wait(from, thread, format!("c{i} takes part as")).await;
            let from = fake.sent_len();
            fake.slash(p, thread, "join", &[("profession", "km-werk")], "en-US")
                .await;
            wait(from, thread, format!("{name} takes part as")).await;
            let from = fake.sent_len();
            fake.slash(c, thread, "owner", &[("user", &name)], "en-US")
                .await;
            wait(from, thread, format!("{name} is the case owner.")).await;
            let from = fake.sent_len();
            fake.say_dm(p, "A family, debts, a worried school.").await;
            let dm = fake.dm_channel(p).expect("the DM channel");
            wait(from, dm, "This is what I received.".into()).await;
            let from = fake.sent_len();
            fake.say_dm(p, "yes").await;
            wait(from, thread, "The case, brought in by".into()).await;
            let from = fake.sent_len();
            fake.slash(c, thread, "next", &[], "en-US").await;
            wait(from, thread, "Step 3 of 10".into()).await;
            let answer =
                |k: usize| format!("Problem: p{k}\nClient: c{k}\nWhy: w{k}\nHow: h{k}\nWhat: x{k}");
            // One untimed answer first, then the timed ones.
            timed_dms(fake.clone(), p, 1, answer, "Received").await;
            timed_dms(fake.clone(), p, samples, answer, "Received").await
        });
    }
    let mut all = Vec::new();
    while let Some(r) = set.join_next().await {
        all.extend(r.expect("a round"));
    }
    if std::env::var_os("BRUG_BENCH_LOG").is_some() {
        eprintln!("{}", bot.log());
    }
    drop(bot);
    all
}
