//! Whole rounds in a Discord server, through the real binary and serenity:
//! slash commands, the round's thread, DMs, what people see and what they
//! must not see.

use super::{shown, Server, EN, LIMIT};
use fake_discord::{SentKind, CHANNEL_ID};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn golden_circle_round_by_slash_command_in_english() {
    let s = Server::new("en", true, &["Anna", "Bram", "Chris", "Dewi"]).await;
    let anna = s.id("Anna");
    let joins = [
        ("Anna", "social-worker", "en-US"),
        ("Bram", "km-werk", "en-US"),
        ("Chris", "sw", "en-US"),
        ("Dewi", "client-manager-income", "en-US"),
    ];
    let thread = s
        .opened(
            "golden-circle",
            "Round #1: Golden Circle",
            &joins,
            "Bram",
            &EN,
        )
        .await;
    // The round's thread is started on its root message (it has the root's
    // id) and holds the steps, not the channel.
    assert!(s.fake.threads().iter().any(|(id, _, _)| *id == thread));
    s.posted(thread, "Step 1 of 10").await;
    s.intake("Bram", thread, &EN).await;
    let asked = s
        .fake
        .say(s.id("Chris"), thread, "Does she have a netwrok?")
        .await;
    s.answered("Chris", thread).await;
    // A typo fixed by editing the message is a correction of the answer.
    s.fake
        .edit(s.id("Chris"), asked, "Does she have a network?")
        .await;
    s.dm("Chris", "Updated: your answer to «Clarifying questions»")
        .await;
    // A refusal is a reply to the message it refuses, and says who can.
    let tried = s.fake.say(s.id("Bram"), thread, "!brug next").await;
    let refused = s
        .posted(
            thread,
            "Only a coordinator can do that; in this round that is Anna.",
        )
        .await;
    assert_eq!(
        refused.body["message_reference"]["message_id"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| refused.body["message_reference"]["message_id"].to_string()),
        tried.to_string(),
        "{}",
        refused.body
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    s.fake.slash(anna, thread, "next", &[], "en-US").await;
    let circle = s.posted(thread, "Step 3 ").await;
    // Those who must act, and nobody else, may be pinged.
    let allowed = &circle.body["allowed_mentions"];
    let mut users: Vec<String> = allowed["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            u.as_str()
                .map(str::to_string)
                .unwrap_or_else(|| u.to_string())
        })
        .collect();
    users.sort();
    let mut everyone: Vec<String> = s.people.iter().map(|(_, id)| id.to_string()).collect();
    everyone.sort();
    assert_eq!(users, everyone, "{allowed}");

    for (i, n) in ["Anna", "Bram", "Chris", "Dewi"].iter().enumerate() {
        let framed = ["tailor-made support", "rights and duties"][i % 2];
        let answer = format!(
            "Problem: problem seen by {n}\nClient: image of {n} **bold** @everyone\nWhy: belief of {n}, {framed}\nHow: way of {n}\nWhat: result of {n}"
        );
        s.fake.say_dm(s.id(n), &answer).await;
        s.dm(n, "Received").await;
        if i < 3 {
            // Not one blind answer is in the channel or the thread before the reveal.
            for m in s.fake.sent() {
                if m.channel_id == CHANNEL_ID || m.channel_id == thread {
                    assert!(
                        !m.content.contains("belief of"),
                        "before the reveal: {}",
                        m.content
                    );
                }
            }
        }
    }
    let wall = s.posted(thread, "Step 4 ").await;
    // Progress is one message in the thread, edited in place as answers come.
    let progress: Vec<_> = s
        .fake
        .sent()
        .into_iter()
        .filter(|m| m.channel_id == thread && m.content.contains(" of 4 answered"))
        // (not the answers to `status`)
        .filter(|m| !m.content.contains("Round"))
        .collect();
    let created: Vec<_> = progress
        .iter()
        .filter(|m| m.kind == SentKind::Message)
        .collect();
    assert_eq!(created.len(), 1, "{progress:#?}");
    let edits: Vec<&str> = progress
        .iter()
        .filter(|m| m.kind == SentKind::Edit && m.id == created[0].id)
        .map(|m| m.content.as_str())
        .collect();
    assert_eq!(
        edits,
        ["2 of 4 answered.", "3 of 4 answered.", "4 of 4 answered."],
        "{progress:#?}"
    );
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        assert!(
            shown(&wall).contains(&format!("belief of {n}")),
            "{}",
            wall.content
        );
    }
    // Echoed text can neither format nor ping.
    assert!(
        wall.content.contains("\\*\\*bold\\*\\*"),
        "{}",
        wall.content
    );
    assert!(!wall.content.contains("@everyone"), "{}", wall.content);
    s.fake.slash(anna, thread, "next", &[], "en-US").await;
    s.posted(thread, "Step 6 ").await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        s.fake.say_dm(s.id(n), &format!("stance held by {n}")).await;
    }
    let stances = s.posted(thread, "Step 7 ").await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        let text = shown(&stances);
        let line = text
            .lines()
            .find(|l| l.contains(&format!("stance held by {n}")))
            .unwrap();
        assert!(!line.contains(&format!("{n} (")), "anonymous: {line}");
    }
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        s.fake
            .say(s.id(n), thread, &format!("take-away of {n}"))
            .await;
    }
    s.posted(thread, "Step 9 ").await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        s.fake
            .say_dm(s.id(n), "Trust: 4\nOpenness: 3\nRoles: 5")
            .await;
    }
    s.posted(thread, "Step 10 ").await;
    s.posted(thread, "Round #1 is closed.").await;
    let chart = s
        .fake
        .wait_for("the chart", LIMIT, |m| {
            m.channel_id == thread && !m.files.is_empty()
        })
        .await;
    assert!(chart.files[0].ends_with(".png"), "{:?}", chart.files);
    assert!(
        shown(&chart).contains("Frames per profession"),
        "{}",
        chart.content
    );
    // No message anywhere may ping everyone or a role, whatever it quotes.
    for m in s.fake.sent() {
        if m.kind != SentKind::Message {
            continue;
        }
        let a = &m.body["allowed_mentions"];
        assert!(a.is_object(), "allowed_mentions missing: {}", m.body);
        assert_eq!(a["parse"], serde_json::json!([]), "{a}");
        assert_eq!(a["roles"], serde_json::json!([]), "{a}");
        assert!(m.content.chars().count() <= 2000);
    }
    drop(s.bot);
}
