//! brug in Discord: the real `brug run` binary and serenity against a
//! wire-faithful fake Discord (`fake-discord`) on 127.0.0.1.

mod bot;
mod forms;
mod group;
mod methods;
mod resilience;
mod rounds;
mod suggest;
mod wire;

pub use bot::{ready, section, Bot};
use fake_discord::{FakeDiscord, Sent, SentKind, CHANNEL_ID};
use std::time::Duration;

/// How long a test waits for what the bot should send.
pub const LIMIT: Duration = Duration::from_secs(30);

/// A message as a person reads it in their client: markdown escapes gone.
pub fn shown(s: &Sent) -> String {
    let mut out = String::new();
    let mut chars = s.content.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '\u{200B}' => {}
            c => out.push(c),
        }
    }
    out
}

pub struct Server {
    pub fake: FakeDiscord,
    pub bot: Bot,
    pub people: Vec<(&'static str, u64)>,
}

impl Server {
    /// A fake Discord with `people` in its guild (the first one has the
    /// coordinator role) and the bot connected; `message_content`: whether
    /// the bot has that privileged intent.
    pub async fn new(lang: &str, message_content: bool, people: &[&'static str]) -> Server {
        Self::with_defaults(lang, message_content, people, "").await
    }

    /// As `new`, with more `[defaults]` lines in the bot's config.
    pub async fn with_defaults(
        lang: &str,
        message_content: bool,
        people: &[&'static str],
        more: &str,
    ) -> Server {
        let fake = FakeDiscord::start(message_content).await;
        let people = people
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, fake.add_user(n, i == 0)))
            .collect();
        let bot = Bot::with_defaults(&fake, lang, message_content, more);
        ready(&fake, &bot).await;
        Server { fake, bot, people }
    }

    pub fn id(&self, name: &str) -> u64 {
        self.people.iter().find(|(n, _)| *n == name).unwrap().1
    }

    /// The next message the bot posts in `channel` that reads `text`.
    pub async fn posted(&self, channel: u64, text: &str) -> Sent {
        let what = format!("«{text}» in {channel}");
        self.fake
            .wait_for(&what, LIMIT, |s| {
                s.kind == SentKind::Message && s.channel_id == channel && shown(s).contains(text)
            })
            .await
    }

    /// Waits until the bot has taken `name`'s open answer in `thread`: a
    /// message and a later event about it (an edit) may be handled in
    /// either order, so this asks `status` until it names them.
    pub async fn answered(&self, name: &str, thread: u64) {
        let deadline = std::time::Instant::now() + LIMIT;
        while std::time::Instant::now() < deadline {
            let before = self.fake.sent().len();
            self.fake.say(self.id(name), thread, "!brug status").await;
            loop {
                let sent = self.fake.sent();
                let status = sent[before..]
                    .iter()
                    .find(|s| s.channel_id == thread && shown(s).contains(" answered"));
                if let Some(s) = status {
                    if shown(s).contains(name) {
                        return;
                    }
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
        }
        panic!("{name}'s answer was not taken within {LIMIT:?}");
    }

    /// The bot's private message to `name` that reads `text`.
    pub async fn dm(&self, name: &str, text: &str) -> Sent {
        let user = self.id(name);
        let what = format!("a DM to {name} with «{text}»");
        self.fake
            .wait_for(&what, LIMIT, |s| {
                Some(s.channel_id) == self.fake.dm_channel(user) && shown(s).contains(text)
            })
            .await
    }

    /// A Golden Circle in English with Anna, Bram, Chris and Dewi joined
    /// (social workers and client managers) and Bram as its case owner;
    /// returns its thread.
    pub async fn golden_circle_in_english(&self) -> u64 {
        let joins = [
            ("Anna", "sw", "en-US"),
            ("Bram", "km-werk", "en-US"),
            ("Chris", "sw", "en-US"),
            ("Dewi", "km-inkomen", "en-US"),
        ];
        self.opened(
            "golden-circle",
            "Round #1: Golden Circle",
            &joins,
            "Bram",
            &EN,
        )
        .await
    }

    /// Opens a round of `flow` (its root reads `root`) with everyone in
    /// `joins` joined (name, profession, their app's language; the first
    /// starts it) and `owner` as the case owner; returns its thread.
    pub async fn opened(
        &self,
        flow: &str,
        root: &str,
        joins: &[(&str, &str, &str)],
        owner: &str,
        words: &Words,
    ) -> u64 {
        let (first, _, locale) = joins[0];
        self.fake
            .slash(
                self.id(first),
                CHANNEL_ID,
                "start",
                &[("flow", flow), ("title", "Noor")],
                locale,
            )
            .await;
        let thread = self.posted(CHANNEL_ID, root).await.id;
        for (n, p, locale) in joins {
            self.fake
                .slash(self.id(n), thread, "join", &[("profession", p)], locale)
                .await;
            self.posted(thread, &format!("{n} {}", words.joined)).await;
        }
        self.fake
            .slash(self.id(first), thread, "owner", &[("user", owner)], locale)
            .await;
        self.posted(thread, &format!("{owner} {}", words.owner))
            .await;
        thread
    }

    /// The case owner sends the case privately and confirms it.
    pub async fn intake(&self, owner: &str, thread: u64, words: &Words) {
        self.fake
            .say_dm(
                self.id(owner),
                "A mother of two, thirty hours of work, rent arrears.",
            )
            .await;
        self.dm(owner, words.confirm).await;
        self.fake.say_dm(self.id(owner), words.yes).await;
        self.posted(thread, words.case).await;
    }

    /// Nothing everyone in the channel or thread could read before message
    /// `until` contains `secret`.
    pub fn nowhere_public(&self, thread: u64, secret: &str, until: u64) {
        let sent = self.fake.sent();
        let end = sent
            .iter()
            .position(|m| m.id == until)
            .expect("`until` was sent");
        for m in &sent[..end] {
            let public = (m.channel_id == CHANNEL_ID || m.channel_id == thread) && !ephemeral(m);
            assert!(
                !(public && m.content.contains(secret)),
                "«{secret}» is public: {:?} {}",
                m.kind,
                m.content
            );
        }
    }
}

/// Discord's flag for a message only the interaction's user sees.
const EPHEMERAL: u64 = 64;

/// Whether only the user of an interaction sees `s`.
pub fn ephemeral(s: &Sent) -> bool {
    s.body["flags"].as_u64().unwrap_or(0) & EPHEMERAL != 0
        || s.body["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL != 0
}

/// The texts a test waits for, per language.
pub struct Words {
    pub joined: &'static str,
    pub confirm: &'static str,
    pub yes: &'static str,
    pub case: &'static str,
    pub owner: &'static str,
}

pub const EN: Words = Words {
    joined: "takes part as",
    confirm: "This is what I received.",
    yes: "yes",
    case: "The case, brought in by Bram",
    owner: "is the case owner.",
};

pub const NL: Words = Words {
    joined: "doet mee als",
    confirm: "Dit heb ik ontvangen.",
    yes: "ja",
    case: "De casus, ingebracht door Bram",
    owner: "is de casusinbrenger.",
};
