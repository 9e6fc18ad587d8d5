//! One `brug run` serving Matrix (a real Synapse) and Discord (the fake)
//! from one config and one store: a round on each at once, each platform's
//! text staying on it.

use super::rounds::{bot_notice, Group};
use crate::discord::section;
use fake_discord::{FakeDiscord, SentKind, CHANNEL_ID, TOKEN};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_process_serves_a_matrix_round_and_a_discord_round() {
    let _turn = super::harness::serial().await;
    let mut g = Group::new("en", false).await;
    let fake = FakeDiscord::start(false).await;
    let (anna, bram) = (fake.add_user("Anna", true), fake.add_user("Bram", false));
    g.bot.kill();
    let path = g.bot.dir.path().join("config.toml");
    let mut config = std::fs::read_to_string(&path).unwrap();
    config.push_str(&section(&fake, false));
    std::fs::write(&path, config).unwrap();
    g.bot.start_with_env(&[("BRUG_TEST_DISCORD_TOKEN", TOKEN)]);
    let limit = Duration::from_secs(60);

    let root = g.start_golden_circle("Harbour").await;
    fake.slash(
        anna,
        CHANNEL_ID,
        "start",
        &[("flow", "golden-circle"), ("title", "Lighthouse")],
        "en-US",
    )
    .await;
    let thread = fake
        .wait_for("round 2 on Discord", limit, |m| {
            m.kind == SentKind::Message && m.content.contains("Round \\#2: Golden Circle")
        })
        .await
        .id;
    // Both at once: a join on each, handled by the one process.
    g.thread("Chris", &root, "!brug join sw").await;
    fake.slash(bram, thread, "join", &[("profession", "km-werk")], "en-US")
        .await;
    bot_notice(&g, "Anna", "Chris takes part as").await;
    fake.wait_for("Bram's join on Discord", limit, |m| {
        m.channel_id == thread && m.content.contains("Bram takes part as")
    })
    .await;
    // Each platform's rounds stay on it.
    for m in fake.sent() {
        assert!(
            !m.content.contains("Harbour") && !m.content.contains("Chris"),
            "{}",
            m.content
        );
    }
    let seen = g.timeline("Anna").await.join("\n");
    assert!(
        !seen.contains("Lighthouse") && !seen.contains("Bram takes"),
        "{seen}"
    );
}
