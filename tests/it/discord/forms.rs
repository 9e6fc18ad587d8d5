//! brug without the message-content intent, and for someone who takes no
//! DMs: slash commands, buttons, modal forms and replies only the clicker
//! sees carry a whole round — in Dutch — and nothing private reaches the
//! channel or thread.

use super::{ephemeral, shown, Server, LIMIT, NL};
use fake_discord::{Sent, SentKind};
use serde_json::Value;

/// The custom ids of a message's buttons.
fn buttons(s: &Sent) -> Vec<String> {
    let rows = s.body["components"].as_array().cloned().unwrap_or_default();
    rows.iter()
        .flat_map(|r| r["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|c| c["custom_id"].as_str().map(str::to_string))
        .collect()
}

fn button(s: &Sent, prefix: &str) -> String {
    buttons(s)
        .into_iter()
        .find(|b| b.starts_with(prefix))
        .unwrap_or_else(|| panic!("no button {prefix}… on {}", s.body))
}

impl Server {
    /// Waits until the bot has identified with the gateway `n` times.
    async fn reconnected(&self, n: usize) {
        let deadline = std::time::Instant::now() + LIMIT;
        while self.fake.identified() < n {
            assert!(
                std::time::Instant::now() < deadline,
                "no reconnect:\n{}",
                self.bot.log()
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// The first thing sent after the first `from` that matches.
    async fn sent_after(&self, from: usize, what: &str, pred: impl Fn(&Sent) -> bool) -> Sent {
        let deadline = std::time::Instant::now() + LIMIT;
        loop {
            if let Some(hit) = self.fake.sent().into_iter().skip(from).find(|m| pred(m)) {
                return hit;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "timed out waiting for {what}:\n{}",
                self.bot.log()
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// `name` presses the answer button on `message` and fills in the form
    /// it opens: each box gets `fill(box)`.
    async fn answer_by_form(&self, name: &str, message: &Sent, fill: impl Fn(&str) -> String) {
        let user = self.id(name);
        let from = self.fake.sent().len();
        self.fake
            .click(
                user,
                message.channel_id,
                message.id,
                &button(message, "brug:answer:"),
            )
            .await;
        let opened = self
            .sent_after(from, "the form opening", |m| {
                matches!(m.kind, SentKind::Callback { kind: 9, .. })
            })
            .await;
        let data: &Value = &opened.body["data"];
        let values: Vec<(String, String)> = data["components"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["components"][0]["custom_id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .map(|b| {
                let v = fill(&b);
                (b, v)
            })
            .collect();
        let fields: Vec<(&str, &str)> = values
            .iter()
            .map(|(b, v)| (b.as_str(), v.as_str()))
            .collect();
        let id = data["custom_id"].as_str().unwrap();
        self.fake
            .submit(user, message.channel_id, id, &fields)
            .await;
    }

    /// The next reply only the clicker sees, after the first `from`, that
    /// reads `text`.
    async fn private_reply(&self, from: usize, text: &str) -> Sent {
        let what = format!("an ephemeral reply with «{text}»");
        self.sent_after(from, &what, |m| {
            m.kind == SentKind::Followup && ephemeral(m) && shown(m).contains(text)
        })
        .await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn golden_circle_in_dutch_by_buttons_and_forms_with_dms_closed() {
    let s = Server::new("nl", false, &["Anna", "Bram", "Chris", "Dewi"]).await;
    let (anna, bram, dewi) = (s.id("Anna"), s.id("Bram"), s.id("Dewi"));
    s.fake.close_dms(dewi);
    let joins = [
        ("Anna", "sw", "nl"),
        ("Bram", "km-werk", "nl"),
        ("Chris", "sw", "nl"),
        ("Dewi", "km-inkomen", "nl"),
    ];
    let thread = s
        .opened(
            "golden-circle",
            "Ronde #1: Gouden Cirkel",
            &joins,
            "Bram",
            &NL,
        )
        .await;
    // The bot is killed and comes back: it no longer holds anyone's latest
    // interaction, so what it has for Dewi privately cannot be a reply.
    let mut s = s;
    s.bot.kill();
    s.bot.start();
    s.reconnected(2).await;
    // DMs carry their text without the intent.
    s.intake("Bram", thread, &NL).await;
    // Only the coordinator steers.
    s.fake.slash(bram, thread, "next", &[], "nl").await;
    s.posted(
        thread,
        "Alleen een gespreksleider kan dat; in deze ronde is dat Anna.",
    )
    .await;
    s.fake.slash(anna, thread, "next", &[], "nl").await;
    let circle = s.posted(thread, "Stap 3 van 10").await;
    // Dewi takes no DMs: the thread says so once, naming only Dewi.
    let notice = s
        .posted(thread, "Dewi, ik kan je geen privéberichten sturen")
        .await;
    let users = notice.body["allowed_mentions"]["users"].to_string();
    assert!(
        users.contains(&dewi.to_string()) && !users.contains(&anna.to_string()),
        "{users}"
    );

    let circle_answer = |n: &'static str| {
        move |field: &str| match field {
            "why" => format!("overtuiging van {n}"),
            other => format!("{other} volgens {n}"),
        }
    };
    for n in ["Anna", "Chris"] {
        s.fake
            .say_dm(
                s.id(n),
                &format!("Probleem: p {n}\nCliënt: c {n}\nWaarom: overtuiging van {n}\nHoe: h {n}\nWat: w {n}"),
            )
            .await;
        s.dm(n, "Ontvangen").await;
    }
    // Bram answers on the form behind the button of his DM prompt.
    let prompt = s.dm("Bram", "Ronde #1 «Noor» — Jouw cirkel").await;
    s.answer_by_form("Bram", &prompt, circle_answer("Bram"))
        .await;
    s.dm("Bram", "Ontvangen").await;
    // Dewi reads what waits, privately, then answers on the thread's form.
    let from = s.fake.sent().len();
    s.fake
        .click(dewi, thread, notice.id, &button(&notice, "brug:mine:"))
        .await;
    s.private_reply(from, "Ronde #1 «Noor» — Jouw cirkel").await;
    let from = s.fake.sent().len();
    s.answer_by_form("Dewi", &circle, circle_answer("Dewi"))
        .await;
    s.private_reply(from, "Ontvangen").await;
    let wall = s.posted(thread, "Stap 4 van 10").await;
    s.nowhere_public(thread, "overtuiging van", wall.id);
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        assert!(
            shown(&wall).contains(&format!("overtuiging van {n}")),
            "{}",
            wall.content
        );
    }
    s.fake.slash(anna, thread, "next", &[], "nl").await;
    let stance = s.posted(thread, "Stap 6 van 10").await;
    for n in ["Anna", "Bram", "Chris"] {
        s.fake.say_dm(s.id(n), &format!("houding van {n}")).await;
    }
    let from = s.fake.sent().len();
    s.answer_by_form("Dewi", &stance, |_| "houding van Dewi".into())
        .await;
    s.private_reply(from, "Ontvangen").await;
    let stances = s.posted(thread, "Stap 7 van 10").await;
    assert!(
        shown(&stances).contains("houding van Dewi"),
        "{}",
        stances.content
    );
    assert!(
        !shown(&stances).contains("Dewi ("),
        "anonymous: {}",
        stances.content
    );

    // Open answers without the intent: forms, shown in the thread by brug.
    let takeaway = s.posted(thread, "Stap 8 van 10").await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        s.answer_by_form(n, &takeaway, |_| format!("wat {n} meeneemt @everyone"))
            .await;
        let echo = s.posted(thread, &format!("{n} antwoordde:")).await;
        assert!(
            shown(&echo).contains(&format!("wat {n} meeneemt")),
            "{}",
            echo.content
        );
    }
    let evaluation = s.posted(thread, "Stap 9 van 10").await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        s.answer_by_form(n, &evaluation, |_| "4 prima".into()).await;
    }
    s.posted(thread, "Ronde #1 is afgesloten.").await;
    // Nothing was posted twice, across the restart either.
    for n in 1..=10 {
        let header = format!("Stap {n} van 10:");
        let times = s
            .fake
            .sent()
            .iter()
            .filter(|m| m.kind == SentKind::Message && shown(m).contains(&header))
            .count();
        assert_eq!(times, 1, "{header}");
    }

    for m in s.fake.sent() {
        if let SentKind::Message | SentKind::Followup = m.kind {
            let a = &m.body["allowed_mentions"];
            assert_eq!(a["parse"], serde_json::json!([]), "{a}");
            assert_eq!(a["roles"], serde_json::json!([]), "{a}");
        }
        // Replies to Dewi's interactions stay Dewi's.
        if m.kind == SentKind::Followup {
            assert!(ephemeral(&m), "a follow-up everyone sees: {}", m.content);
        }
    }
    drop(s.bot);
}
