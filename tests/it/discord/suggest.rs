//! Autocomplete: what Discord shows while someone types a method, a
//! profession or a round, answered by the bot through serenity.

use super::{Server, LIMIT};
use fake_discord::CHANNEL_ID;
use std::time::Instant;

/// Waits for the bot's answer to autocomplete `id`.
async fn choices(s: &Server, id: u64) -> Vec<(String, String)> {
    let deadline = Instant::now() + LIMIT;
    loop {
        if let Some(c) = s.fake.suggestions(id) {
            return c;
        }
        assert!(Instant::now() < deadline, "no answer to autocomplete {id}");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn methods_professions_and_rounds_are_suggested_in_the_persons_language() {
    let s = Server::new("en", false, &["Anna", "Bram"]).await;
    let (anna, bram) = (s.id("Anna"), s.id("Bram"));

    // A Dutch app, typing the Dutch name: the Dutch name is shown, the id filled in.
    let id = s
        .fake
        .autocomplete(anna, CHANNEL_ID, "start", (&[], "flow", "gouden"), "nl")
        .await;
    let got = choices(&s, id).await;
    assert_eq!(
        got.first().map(|c| c.1.as_str()),
        Some("golden-circle"),
        "{got:?}"
    );
    assert!(got[0].0.contains("Gouden"), "{got:?}");
    // Nothing typed yet, English app: every method, by English name.
    let id = s
        .fake
        .autocomplete(anna, CHANNEL_ID, "start", (&[], "flow", ""), "en-US")
        .await;
    let all = choices(&s, id).await;
    assert!(all.len() >= 7, "{all:?}");
    assert!(all.iter().any(|c| c.0.contains("Golden Circle")), "{all:?}");

    // Two rounds in this channel; the round option suggests them, newest first.
    for title in ["Noor", "Bakker"] {
        s.fake
            .slash(
                anna,
                CHANNEL_ID,
                "start",
                &[("flow", "golden-circle"), ("title", title)],
                "en-US",
            )
            .await;
        s.posted(CHANNEL_ID, title).await;
    }
    let thread = s.posted(CHANNEL_ID, "Round #2").await.id;
    let id = s
        .fake
        .autocomplete(
            anna,
            CHANNEL_ID,
            "export",
            (&[("format", "md")], "round", ""),
            "en-US",
        )
        .await;
    let rounds = choices(&s, id).await;
    let values: Vec<&str> = rounds.iter().map(|c| c.1.as_str()).collect();
    assert_eq!(values, ["2", "1"], "{rounds:?}");
    assert!(rounds[1].0.contains("Noor"), "{rounds:?}");
    // Typing a title narrows it, from inside a round's thread too.
    let id = s
        .fake
        .autocomplete(anna, thread, "export", (&[], "round", "bak"), "en-US")
        .await;
    assert_eq!(choices(&s, id).await.len(), 1);

    // Professions by alias; the client is never one to join as.
    let id = s
        .fake
        .autocomplete(bram, thread, "join", (&[], "profession", "km"), "nl")
        .await;
    let professions = choices(&s, id).await;
    assert!(!professions.is_empty(), "{professions:?}");
    assert!(
        professions.iter().all(|c| c.1 != "client"),
        "{professions:?}"
    );
}
