//! Whole rounds through Synapse, as people would run them: start in the room,
//! join in the thread, private answers in DMs, reveal in the thread.

use super::harness::{homeserver, wait, Bot, Homeserver, Seen, User};
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::{OwnedEventId, OwnedRoomId, UInt};
use matrix_sdk::Room;
use std::time::Duration;

/// One language's phrases the test waits for.
pub struct Words {
    lang: &'static str,
    opened: &'static str,
    joined: &'static str,
    received_case: &'static str,
    yes: &'static str,
    case_posted: &'static str,
    step: &'static str,
    receipt: &'static str,
    closed: &'static str,
    labels: [&'static str; 5],
    trust: [&'static str; 3],
    /// Words of the needs and the social-control frame, so the summary has a chart.
    framed: [&'static str; 2],
    chart_title: &'static str,
}

pub const EN: Words = Words {
    lang: "en",
    opened: "Round #1: Golden Circle",
    joined: "takes part as",
    received_case: "This is what I received.",
    yes: "yes",
    case_posted: "The case, brought in by Bram",
    step: "Step",
    receipt: "Received",
    closed: "Round #1 is closed.",
    labels: ["Problem", "Client", "Why", "How", "What"],
    trust: ["Trust", "Openness", "Roles"],
    framed: ["tailor-made support", "rights and duties"],
    chart_title: "Frames per profession",
};

pub const NL: Words = Words {
    lang: "nl",
    opened: "Ronde #1: Gouden Cirkel",
    joined: "doet mee als",
    received_case: "Dit heb ik ontvangen.",
    yes: "ja",
    case_posted: "De casus, ingebracht door Bram",
    step: "Stap",
    receipt: "Ontvangen",
    closed: "Ronde #1 is afgesloten.",
    labels: ["Probleem", "Cliënt", "Waarom", "Hoe", "Wat"],
    trust: ["Vertrouwen", "Openheid", "Rollen"],
    framed: ["maatwerk", "rechten en plichten"],
    chart_title: "Frames per beroep",
};

pub struct Group {
    pub bot: Bot,
    pub people: Vec<User>,
    pub room: OwnedRoomId,
}

impl Group {
    pub async fn new(lang: &str, encrypted: bool) -> Group {
        Self::on(homeserver(), lang, encrypted).await
    }

    pub async fn on(hs: &Homeserver, lang: &str, encrypted: bool) -> Group {
        let bot = Bot::on(hs, lang, &[":localhost"]).await;
        let mut people = Vec::new();
        for n in ["Anna", "Bram", "Chris", "Dewi"] {
            people.push(User::on(hs, n).await);
        }
        let ids: Vec<_> = std::iter::once(&bot.id)
            .chain(people[1..].iter().map(|p| &p.id))
            .collect();
        let room = people[0].create_room(&ids, encrypted).await;
        let room_id = room.room_id().to_owned();
        for p in &people[1..] {
            p.joined(&room_id).await;
        }
        let anna_room = people[0].room(&room_id);
        let joined = wait(Duration::from_secs(60), || {
            let r = anna_room.clone();
            let bot = bot.id.clone();
            futures_lite_member(&r, &bot)
        })
        .await;
        assert!(
            joined.is_some(),
            "the bot never joined; its log:\n{}",
            bot.log()
        );
        Group {
            bot,
            people,
            room: room_id,
        }
    }

    pub fn person(&self, name: &str) -> &User {
        self.people.iter().find(|p| p.name == name).unwrap()
    }

    pub fn room_of(&self, name: &str) -> Room {
        self.person(name).room(&self.room)
    }

    /// The DM room the bot opened with `name` (waits for its first notice there).
    pub async fn dm(&self, name: &str) -> Room {
        let u = self.person(name);
        let s = u
            .expect("a DM from the bot", |s| {
                s.sender == self.bot.id && s.room != self.room
            })
            .await;
        u.joined(&s.room).await
    }

    /// Everyone joins the round in the thread under `root` (aliases of the
    /// professions vary on purpose), then Anna names Bram the case owner.
    pub async fn join_all(&self, root: &OwnedEventId, joined: &str, professions: [&str; 4]) {
        for (n, p) in ["Anna", "Bram", "Chris", "Dewi"]
            .into_iter()
            .zip(professions)
        {
            self.thread(n, root, &format!("!brug join {p}")).await;
            bot_notice(self, "Anna", &format!("{n} {joined}")).await;
        }
        self.thread("Anna", root, "!brug owner Bram").await;
    }

    /// Anna (a coordinator: she made the room) starts an English Golden Circle
    /// round; returns its root message's event id.
    pub async fn start_golden_circle(&self, title: &str) -> OwnedEventId {
        let anna = self.person("Anna");
        anna.say(
            &self.room_of("Anna"),
            &format!("!brug start golden-circle {title}"),
        )
        .await;
        bot_notice(self, "Anna", "Round #1: Golden Circle")
            .await
            .event
    }

    pub async fn thread(&self, name: &str, root: &OwnedEventId, text: &str) {
        let u = self.person(name);
        u.say_in_thread(&self.room_of(name), root, text).await;
    }

    pub async fn private(&self, name: &str, text: &str) {
        let room = self.dm(name).await;
        self.person(name).say(&room, text).await;
    }

    /// Everything a participant can read in the group room, via `/messages`.
    pub async fn timeline(&self, name: &str) -> Vec<String> {
        let room = self.room_of(name);
        let mut opts = MessagesOptions::backward();
        opts.limit = UInt::from(200u32);
        let page = room.messages(opts).await.unwrap();
        page.chunk
            .iter()
            .filter_map(|e| {
                e.raw()
                    .get_field::<serde_json::Value>("content")
                    .ok()
                    .flatten()
            })
            .filter_map(|c| c.get("body").and_then(|b| b.as_str()).map(str::to_string))
            .collect()
    }
}

fn futures_lite_member(room: &Room, bot: &matrix_sdk::ruma::OwnedUserId) -> Option<()> {
    // Membership as Anna's client last synced it.
    let members = futures_block(room.members_no_sync(matrix_sdk::RoomMemberships::JOIN))?;
    members.iter().any(|m| m.user_id() == bot).then_some(())
}

fn futures_block<T>(f: impl std::future::Future<Output = matrix_sdk::Result<T>>) -> Option<T> {
    tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(f)).ok()
}

pub async fn bot_notice(g: &Group, who: &str, text: &str) -> Seen {
    g.person(who).expect_notice(&g.bot.id, text).await
}

/// A whole Golden Circle round; returns the group for further checks.
pub async fn golden_circle(w: &Words, encrypted: bool) -> Group {
    let g = Group::new(w.lang, encrypted).await;
    let anna = g.person("Anna");
    anna.say(&g.room_of("Anna"), "!brug start golden-circle Noor")
        .await;
    let root = bot_notice(&g, "Anna", w.opened).await;
    assert!(root.notice, "bots post notices");
    assert!(root.thread_root.is_none(), "the root opens the thread");
    let root = root.event;
    g.join_all(
        &root,
        w.joined,
        ["social-worker", "km-werk", "sw", "client-manager-income"],
    )
    .await;
    g.private(
        "Bram",
        "A mother, two children; debt-free, works 30 hours; the school worries.",
    )
    .await;
    bot_notice(&g, "Bram", w.received_case).await;
    g.private("Bram", w.yes).await;
    let posted = bot_notice(&g, "Anna", w.case_posted).await;
    assert_eq!(
        posted.thread_root.as_ref(),
        Some(&root),
        "the case goes into the thread"
    );
    g.thread("Chris", &root, "Does she have a network?").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    g.thread("Anna", &root, "!brug next").await;
    let circle = bot_notice(&g, "Anna", &format!("{} 3 ", w.step)).await;
    // Those who must act are mentioned intentionally, by user id.
    let mut mentioned = circle.mentions.clone();
    mentioned.sort();
    let mut everyone: Vec<_> = g.people.iter().map(|p| p.id.clone()).collect();
    everyone.sort();
    assert_eq!(mentioned, everyone);

    let [p, c, why, how, what] = w.labels;
    let answers: Vec<(&str, String)> = ["Anna", "Bram", "Chris", "Dewi"]
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let framed = w.framed[i % 2];
            (
                *n,
                format!("{p}: problem seen by {n}\n{c}: image of {n} <b>bold</b> @room\n{why}: belief of {n}, {framed}\n{how}: way of {n}\n{what}: result of {n}"),
            )
        })
        .collect();
    for (i, (n, a)) in answers.iter().enumerate() {
        g.private(n, a).await;
        g.person(n)
            .expect(w.receipt, |s| {
                s.sender == g.bot.id && s.room != g.room && s.body.starts_with(w.receipt)
            })
            .await;
        if i < 3 {
            // Not one blind answer is readable in the room before the reveal.
            let timeline = g.timeline("Chris").await;
            for (m, _) in &answers {
                assert!(
                    timeline
                        .iter()
                        .all(|b| !b.contains(&format!("belief of {m}"))),
                    "a blind answer of {m} is visible before the reveal"
                );
            }
        }
    }
    let wall = bot_notice(&g, "Chris", &format!("{} 4 ", w.step)).await;
    progress_edited_in_place(&g, w).await;
    // The same read of the room now shows them: the check above can see answers.
    let timeline = g.timeline("Chris").await;
    assert!(
        timeline.iter().any(|b| b.contains("belief of Dewi")),
        "the timeline read works: {timeline:?}"
    );
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        assert!(
            wall.body.contains(&format!("belief of {n}")),
            "the reveal shows {n}'s answer:\n{}",
            wall.body
        );
    }
    assert_eq!(wall.thread_root.as_ref(), Some(&root));
    // Echoed user text is escaped in the HTML and mentions nobody.
    let html = wall.html.as_deref().unwrap();
    assert!(
        html.contains("&lt;b&gt;bold&lt;/b&gt;") && !html.contains("<b>bold"),
        "{html}"
    );
    assert!(wall.mentions.is_empty());
    g.thread("Anna", &root, "!brug next").await;
    bot_notice(&g, "Anna", &format!("{} 6 ", w.step)).await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        g.private(n, &format!("stance held by {n}")).await;
    }
    let stances = bot_notice(&g, "Dewi", &format!("{} 7 ", w.step)).await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        let line = stances
            .body
            .lines()
            .find(|l| l.contains(&format!("stance held by {n}")))
            .unwrap();
        assert!(!line.contains(&format!("{n} (")), "anonymous: {line}");
    }
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        g.thread(n, &root, &format!("take-away of {n}")).await;
    }
    bot_notice(&g, "Anna", &format!("{} 9 ", w.step)).await;
    let [t, o, r] = w.trust;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        g.private(n, &format!("{t}: 4\n{o}: 3\n{r}: 5")).await;
    }
    // A concise close in the thread; the full record only for who asks.
    let close = bot_notice(&g, "Bram", &format!("{} 10 ", w.step)).await;
    assert!(close.body.contains("!brug export #1"), "{}", close.body);
    assert!(!close.body.contains("result of"), "{}", close.body);
    bot_notice(&g, "Anna", w.closed).await;
    g.thread("Anna", &root, "!brug export").await;
    let record = g
        .person("Anna")
        .expect("the record, privately", |s| {
            s.sender == g.bot.id && s.room != g.room && s.body.contains("take-away of Anna")
        })
        .await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        assert!(record.body.contains(&format!("take-away of {n}")));
        assert!(record.body.contains(&format!("result of {n}")));
    }
    chart(&g, &root, w).await;
    g
}

/// What Chris's own client shows of the circle's progress: one message in
/// the thread, then edits of it (`m.replace`) — not a line per answer.
async fn progress_edited_in_place(g: &Group, w: &Words) {
    let of4 = regex::Regex::new(r"^\*? ?[1-4] (of|van) 4 ").unwrap();
    let mut seen = Vec::new();
    for _ in 0..40 {
        seen = g
            .person("Chris")
            .seen()
            .into_iter()
            .filter(|s| s.sender == g.bot.id && of4.is_match(&s.body))
            .collect();
        if seen.len() >= 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let first: Vec<_> = seen.iter().filter(|s| s.replaces.is_none()).collect();
    assert_eq!(first.len(), 1, "one progress message: {:?}", w.lang);
    let edits: Vec<&str> = seen
        .iter()
        .filter_map(|s| s.replaces.as_ref())
        .filter(|(of, _)| of == &first[0].event)
        .map(|(_, body)| body.as_str())
        .collect();
    assert_eq!(edits.len(), 3, "{edits:?}");
    assert!(edits[2].starts_with("4 "), "{edits:?}");
}

/// The frame summary's chart arrives in the thread as a PNG that decodes, with
/// the chart as text in its caption.
async fn chart(g: &Group, root: &OwnedEventId, w: &Words) {
    let anna = g.person("Anna");
    let seen = anna
        .expect("the chart", |s| s.sender == g.bot.id && s.image.is_some())
        .await;
    assert_eq!(
        seen.thread_root.as_ref(),
        Some(root),
        "the chart is in the thread"
    );
    assert!(seen.body.contains(w.chart_title), "{}", seen.body);
    assert!(
        seen.body.contains(w.framed[0]) || seen.body.contains("%"),
        "{}",
        seen.body
    );
    let source = seen.image.clone().unwrap();
    let request = matrix_sdk::media::MediaRequestParameters {
        source,
        format: matrix_sdk::media::MediaFormat::File,
    };
    let bytes = anna
        .client
        .media()
        .get_media_content(&request, false)
        .await
        .expect("the chart downloads");
    let (width, height, ink) = crate::frames::decode_png(&bytes);
    assert!(width >= 400 && height >= 300, "{width}x{height}");
    assert!(ink > 1000, "the chart has content: {ink} dark pixels");
}

/// Checks that hold for every round: all bot messages are notices with an HTML
/// body, none mentions the whole room, and the thread holds the round.
pub fn check_bot_messages(g: &Group) {
    for u in &g.people {
        for s in u.seen().iter().filter(|s| s.sender == g.bot.id) {
            assert!(s.notice || s.image.is_some(), "not a notice: {}", s.body);
            assert!(s.html.is_some(), "no HTML body: {}", s.body);
            // Intentional mentions always present, never the whole room, even
            // where someone's echoed text says "@room".
            assert_eq!(s.mentions_room, Some(false), "{}", s.body);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn golden_circle_round_in_english() {
    let _turn = super::harness::serial().await;
    let g = golden_circle(&EN, false).await;
    check_bot_messages(&g);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn golden_circle_round_in_dutch() {
    let _turn = super::harness::serial().await;
    let g = golden_circle(&NL, false).await;
    check_bot_messages(&g);
}

/// Everyone in the role swap: (name, their role-card DM).
async fn role_cards(g: &Group, w: &Words) -> Vec<(String, Seen)> {
    let heading = if w.lang == "en" {
        "your role:"
    } else {
        "jouw rol:"
    };
    let mut out = Vec::new();
    // Anna coordinates: she chairs and keeps her own role, so gets no card.
    for n in ["Bram", "Chris", "Dewi"] {
        let u = g.person(n);
        let card = u
            .expect("a role card", |s| {
                s.sender == g.bot.id && s.room != g.room && s.body.contains(heading)
            })
            .await;
        out.push((n.to_string(), card));
    }
    out
}

async fn role_swap(w: &Words) -> Group {
    let g = Group::new(w.lang, false).await;
    let (why, how, what) = (w.labels[2], w.labels[3], w.labels[4]);
    g.person("Anna")
        .say(&g.room_of("Anna"), "!brug start role-swap Meneer B")
        .await;
    let opened = if w.lang == "en" {
        "Round #1: Role swap"
    } else {
        "Ronde #1: Rolwisseling"
    };
    let root = bot_notice(&g, "Anna", opened).await.event;
    g.join_all(
        &root,
        w.joined,
        [
            "social-worker",
            "client-manager-work",
            "social-worker",
            "client-manager-income",
        ],
    )
    .await;
    g.private("Bram", "Mr B., fifties, 25 years on benefit, no diagnosis.")
        .await;
    bot_notice(&g, "Bram", w.received_case).await;
    g.private("Bram", w.yes).await;
    bot_notice(&g, "Anna", w.case_posted).await;
    g.thread("Anna", &root, "!brug next").await;
    bot_notice(&g, "Anna", &format!("{} 3 ", w.step)).await;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        g.private(
            n,
            &format!("{why}: card-why of {n}\n{how}: card-how of {n}\n{what}: card-what of {n}"),
        )
        .await;
    }
    let roles = bot_notice(&g, "Anna", &format!("{} 4 ", w.step)).await;
    let chair = if w.lang == "en" {
        "Anna chairs the round and keeps their own role."
    } else {
        "Anna leidt de ronde en houdt de eigen rol."
    };
    assert!(roles.body.contains(chair), "{}", roles.body);
    let cards = role_cards(&g, w).await;
    // Cards only privately: nothing of them in the room, for anyone.
    let timeline = g.timeline("Dewi").await;
    for (n, card) in &cards {
        assert!(
            timeline
                .iter()
                .all(|b| !b.contains(&format!("card-why of {n}"))),
            "{n}'s card leaked to the room"
        );
        let first_card_line = card.body.lines().nth(2).unwrap();
        assert!(
            timeline.iter().all(|b| !b.contains(first_card_line)),
            "a role card's text is in the room"
        );
        assert!(!roles.body.contains("card-why"));
    }
    // Each card holds the Golden Circle card of exactly the person one plays.
    let plays = if w.lang == "en" {
        "You play the role of "
    } else {
        "Je speelt de rol die "
    };
    let mut clients = 0;
    for (n, card) in &cards {
        match card.body.lines().find_map(|l| l.strip_prefix(plays)) {
            Some(who) => {
                let who = who
                    .trim_end_matches('.')
                    .trim_end_matches(" in het echt heeft");
                assert_ne!(who, n, "{n} plays themselves");
                for m in ["Anna", "Bram", "Chris", "Dewi"] {
                    assert_eq!(
                        card.body.contains(&format!("card-why of {m}")),
                        m == who,
                        "{n}'s card and {m}"
                    );
                }
            }
            None => {
                clients += 1;
                assert_ne!(n, "Bram", "the case owner never plays the client");
            }
        }
    }
    assert_eq!(clients, 1, "exactly one plays the client");
    g.thread("Chris", &root, "In role: I need to see progress.")
        .await;
    g.thread("Anna", &root, "!brug next").await;
    bot_notice(&g, "Anna", &format!("{} 6 ", w.step)).await;
    g.thread("Bram", &root, "It showed me we never asked him.")
        .await;
    bot_notice(&g, "Anna", &format!("{} 7 ", w.step)).await;
    let labels = if w.lang == "en" {
        ["Feeling", "Out of role", "Learned"]
    } else {
        ["Gevoel", "Uit de rol", "Geleerd"]
    };
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        let a = format!(
            "{}: felt by {n}\n{}: fell out at {n}\n{}: learned by {n}",
            labels[0], labels[1], labels[2]
        );
        g.private(n, &a).await;
    }
    let debriefs = bot_notice(&g, "Anna", &format!("{} 8 ", w.step)).await;
    assert!(debriefs.body.contains("fell out at Dewi"));
    let [t, o, r] = w.trust;
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        g.private(n, &format!("{t}: 5\n{o}: 4\n{r}: 5")).await;
    }
    bot_notice(
        &g,
        "Anna",
        if w.lang == "en" {
            "Round #1 is closed."
        } else {
            "Ronde #1 is afgesloten."
        },
    )
    .await;
    g
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn role_swap_round_in_english() {
    let _turn = super::harness::serial().await;
    let g = role_swap(&EN).await;
    check_bot_messages(&g);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn role_swap_round_in_dutch() {
    let _turn = super::harness::serial().await;
    let g = role_swap(&NL).await;
    check_bot_messages(&g);
}
