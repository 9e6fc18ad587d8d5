//! brug in Discord: the real `brug run` binary and serenity against a
//! wire-faithful fake Discord (`fake-discord`) on 127.0.0.1.

mod forms;
mod methods;
mod resilience;
mod rounds;
mod wire;

use fake_discord::{FakeDiscord, Sent, SentKind, APP_ID, COORDINATOR_ROLE, GUILD_ID, TOKEN};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The `[discord]` section of a bot's config for `fake`; the token comes
/// from `BRUG_TEST_DISCORD_TOKEN` (set it to `fake_discord::TOKEN`).
pub fn section(fake: &FakeDiscord, message_content: bool) -> String {
    format!(
        r#"[discord]
token_env = "BRUG_TEST_DISCORD_TOKEN"
application_id = {APP_ID}
guilds = [{GUILD_ID}]
coordinator_role = {COORDINATOR_ROLE}
message_content = {message_content}
api_base = "{api}"
"#,
        api = fake.api_base(),
    )
}

/// The bot: `brug run` as a child process with its own store.
pub struct Bot {
    pub dir: tempfile::TempDir,
    child: Option<Child>,
}

impl Bot {
    pub fn on(fake: &FakeDiscord, lang: &str, message_content: bool) -> Bot {
        let dir = tempfile::tempdir().unwrap();
        let config = format!(
            "[store]\npath = \"{store}\"\n[defaults]\nlanguage = \"{lang}\"\n{discord}",
            store = dir.path().join("store").display(),
            discord = section(fake, message_content),
        );
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
        let mut bot = Bot { dir, child: None };
        bot.start();
        bot
    }

    pub fn start(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join("bot.log"))
            .unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_brug"))
            .args(["run", "--config"])
            .arg(self.dir.path().join("config.toml"))
            .env("BRUG_TEST_DISCORD_TOKEN", TOKEN)
            .env("BRUG_STORE_KEY", super::support::STORE_KEY)
            .env("BRUG_LOG", "brug=debug,serenity=warn")
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        self.child = Some(child);
    }

    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            c.kill().unwrap();
            c.wait().unwrap();
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("bot.log")).unwrap_or_default()
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.kill();
        if std::thread::panicking() {
            eprintln!("---- bot log ----\n{}", self.log());
        }
    }
}

/// Waits until the bot has registered `/brug` (it is connected and ready).
pub async fn ready(fake: &FakeDiscord, bot: &Bot) {
    for _ in 0..600 {
        if !fake.commands().is_empty() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the bot never registered /brug:\n{}", bot.log());
}

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
