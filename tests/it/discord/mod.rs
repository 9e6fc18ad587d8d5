//! brug in Discord: the real `brug run` binary and serenity against a
//! wire-faithful fake Discord (`fake-discord`) on 127.0.0.1.

mod bot;
mod forms;
mod methods;
mod resilience;
mod rounds;
mod wire;

pub use bot::{ready, section, Bot};
use fake_discord::{FakeDiscord, Sent, SentKind};
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
        let fake = FakeDiscord::start(message_content).await;
        let people = people
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, fake.add_user(n, i == 0)))
            .collect();
        let bot = Bot::on(&fake, lang, message_content);
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
}
