//! `!brug away`, `!brug back` and `!brug group` in a real Matrix room:
//! what each person sees in their own client.

use super::rounds::{bot_notice, Group};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn away_and_the_group_in_a_matrix_room() {
    let _turn = super::harness::serial().await;
    let g = Group::new("en", false).await;
    let root = g.start_golden_circle("Ours").await;
    g.thread("Dewi", &root, "!brug join km-inkomen").await;
    bot_notice(&g, "Dewi", "Dewi takes part as client manager Income.").await;
    g.thread("Dewi", &root, "!Brug away 2w").await;
    let away = bot_notice(&g, "Dewi", "You are away until").await;
    assert_eq!(
        away.thread_root.as_ref(),
        Some(&root),
        "answered in the thread"
    );
    g.thread("Anna", &root, "!brug status").await;
    bot_notice(&g, "Anna", "Away: Dewi.").await;
    g.thread("Dewi", &root, "!brug back").await;
    bot_notice(&g, "Dewi", "Welcome back: you are expected again in #1.").await;
    // The group, asked in the room itself.
    g.person("Chris")
        .say(&g.room_of("Chris"), "!brug group")
        .await;
    let view = bot_notice(&g, "Chris", "This group writes in English").await;
    assert!(
        view.body
            .contains("No quiet hours in the evening or at weekends."),
        "{}",
        view.body
    );
    assert!(
        view.body
            .contains("Dewi (client manager Income): one round, no questions yet"),
        "{}",
        view.body
    );
    g.person("Chris")
        .say(&g.room_of("Chris"), "!brug group quiet 21-7")
        .await;
    bot_notice(&g, "Chris", "Only a coordinator can do that").await;
    g.person("Anna")
        .say(&g.room_of("Anna"), "!brug group quiet 21-7")
        .await;
    bot_notice(
        &g,
        "Anna",
        "Quiet hours: from 21:00 to 07:00. Then I send nobody anything",
    )
    .await;
}
