//! The bot under test: `brug run` as a child process against a fake
//! Discord, with its own store (shared by the tests and the benchmark).

use fake_discord::{FakeDiscord, APP_ID, COORDINATOR_ROLE, GUILD_ID, TOKEN};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The key the bot's store is sealed with here.
const STORE_KEY: &str = "6272756720746573742073746f7265206b6579206f6e6c7920666f7220746573";

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
    /// The bot for `fake`, with `more` lines in its config's `[defaults]`
    /// (`retention_days = 0`); started.
    pub fn with_defaults(fake: &FakeDiscord, lang: &str, message_content: bool, more: &str) -> Bot {
        let dir = tempfile::tempdir().unwrap();
        let config = format!(
            // These tests run on the real clock: no quiet hours, so what
            // they wait for does not depend on the time of day.
            "[store]\npath = \"{store}\"\n[defaults]\nlanguage = \"{lang}\"\nquiet_hours = \"0-0\"\nquiet_weekends = false\n{more}\n{discord}",
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
            .env("BRUG_STORE_KEY", STORE_KEY)
            .env(
                "BRUG_LOG",
                std::env::var("BRUG_TEST_LOG")
                    .unwrap_or_else(|_| "brug=debug,serenity=warn".into()),
            )
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
