//! The group, away and the facilitator's view through serenity against the
//! fake Discord: `/brug away`, `/brug group` and `/brug balance` as a
//! person gives them, and where each answer lands.

use super::{shown, Server};
use fake_discord::Sent;

const LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

/// The first thing the bot sent that reads `text` (a message, an edit or
/// an interaction's reply).
async fn said(s: &Server, text: &str) -> Sent {
    s.fake
        .wait_for(&format!("«{text}»"), LIMIT, |x| shown(x).contains(text))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn away_group_and_balance_by_slash_command() {
    let s = Server::new("en", true, &["Anna", "Bram", "Chris", "Dewi"]).await;
    let thread = s.golden_circle_in_english().await;
    s.fake
        .slash(s.id("Dewi"), thread, "away", &[("until", "2w")], "en-US")
        .await;
    said(&s, "You are away until").await;
    s.fake
        .slash(s.id("Anna"), thread, "status", &[], "en-US")
        .await;
    said(&s, "Away: Dewi.").await;
    s.fake
        .slash(s.id("Dewi"), thread, "back", &[], "en-US")
        .await;
    said(&s, "Welcome back: you are expected again in #1.").await;
    s.fake
        .slash(s.id("Chris"), thread, "group", &[], "en-US")
        .await;
    let group = said(&s, "This group writes in English").await;
    // (Quiet hours set by a coordinator: tests/it/group.rs, on the console.)
    let text = shown(&group);
    assert!(
        // The test bot has no quiet hours (it runs on the real clock).
        text.contains("No quiet hours in the evening or at weekends."),
        "{text}"
    );
    assert!(
        text.contains("Dewi (client manager Income): one round"),
        "{text}"
    );
    // Changing it is for coordinators.
    s.fake
        .slash(
            s.id("Chris"),
            thread,
            "group",
            &[("setting", "weekends open")],
            "en-US",
        )
        .await;
    said(&s, "Only a coordinator can do that").await;
    s.fake
        .slash(
            s.id("Anna"),
            thread,
            "group",
            &[("setting", "quiet 21-7")],
            "en-US",
        )
        .await;
    said(&s, "Quiet hours: from 21:00 to 07:00. Then").await;
    // The facilitator's view reaches Anna alone, by DM.
    s.fake
        .slash(s.id("Anna"), thread, "balance", &[], "en-US")
        .await;
    let balance = s.dm("Anna", "The balance of round #1 so far").await;
    assert!(
        shown(&balance).contains("Not heard from yet:"),
        "{}",
        balance.content
    );
    assert!(
        s.fake
            .sent()
            .iter()
            .filter(|x| x.channel_id == thread)
            .all(|x| !shown(x).contains("The balance of round")),
        "the balance was posted in the thread"
    );
}
