//! `config.toml` for `brug run`: read as a raw serde struct with unknown keys
//! refused, then checked into a validated `Config`, every problem reported.

use crate::core::ids::Locale;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    store: RawStore,
    #[serde(default)]
    defaults: RawDefaults,
    matrix: Option<RawMatrix>,
    discord: Option<RawDiscord>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDiscord {
    token_env: String,
    application_id: u64,
    /// Guilds to register `/brug` in (at once); empty: globally (takes up to an hour).
    #[serde(default)]
    guilds: Vec<u64>,
    coordinator_role: Option<u64>,
    /// Whether the bot was granted the privileged message-content intent.
    #[serde(default)]
    message_content: bool,
    /// A Discord-compatible server instead of discord.com (tests).
    api_base: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMatrix {
    homeserver: String,
    user: String,
    password_env: Option<String>,
    access_token_env: Option<String>,
    device_id: Option<String>,
    #[serde(default = "default_device_name")]
    device_name: String,
    data_dir: PathBuf,
    #[serde(default)]
    allowed_inviters: Vec<String>,
    #[serde(default)]
    coordinators: Vec<String>,
    #[serde(default = "default_power")]
    coordinator_power_level: i64,
    store_passphrase_env: Option<String>,
}

fn default_device_name() -> String {
    "brug".into()
}

fn default_power() -> i64 {
    50
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStore {
    path: PathBuf,
    key_file: Option<PathBuf>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    language: Option<String>,
    timezone: Option<String>,
    prefix: Option<String>,
    data: Option<PathBuf>,
    retention_days: Option<u32>,
    /// Quiet hours as "20-8" (local hours; "0-0" for none).
    quiet_hours: Option<String>,
    /// Whether weekends are quiet too (default true).
    quiet_weekends: Option<bool>,
}

/// A checked configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The sled store directory.
    pub store: PathBuf,
    /// A file with the store key (64 hex digits); `BRUG_STORE_KEY` wins.
    pub store_key_file: Option<PathBuf>,
    pub lang: Locale,
    pub tz: chrono_tz::Tz,
    pub prefix: String,
    /// New groups' quiet hours.
    pub quiet: crate::core::timers::Quiet,
    /// Days a round's record is kept after it ends (then erased).
    pub retention_days: u32,
    /// A data directory with `flows/` and `locales/` (default: built in).
    pub data: Option<PathBuf>,
    pub matrix: Option<MatrixConfig>,
    pub discord: Option<DiscordConfig>,
}

/// How brug connects to Discord.
#[derive(Clone)]
pub struct DiscordConfig {
    /// The bot token (from the environment).
    pub token: String,
    pub application_id: u64,
    /// Guilds the slash commands are registered in; empty: globally.
    pub guilds: Vec<u64>,
    /// Members with this role coordinate (as does Manage Threads).
    pub coordinator_role: Option<u64>,
    /// The privileged message-content intent was granted: `!brug` text
    /// commands and thread answers as plain messages work too.
    pub message_content: bool,
    /// `http://127.0.0.1:PORT` for a Discord-compatible server; None: discord.com.
    pub api_base: Option<String>,
}

impl std::fmt::Debug for DiscordConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiscordConfig")
            .field("token", &"…")
            .field("application_id", &self.application_id)
            .field("guilds", &self.guilds)
            .field("api_base", &self.api_base)
            .finish()
    }
}

/// How brug logs in to Matrix and whom it listens to.
#[derive(Debug, Clone)]
pub struct MatrixConfig {
    pub homeserver: String,
    pub user: String,
    pub auth: MatrixAuth,
    pub device_name: String,
    /// The session, matrix-sdk's state and crypto stores live here.
    pub data_dir: PathBuf,
    /// Users (`@anna:example.org`) or servers (`:example.org`) whose invites
    /// the bot accepts.
    pub allowed_inviters: Vec<String>,
    /// Users who coordinate in every room, whatever their power level.
    pub coordinators: Vec<String>,
    pub coordinator_power_level: i64,
    /// Encrypts matrix-sdk's local stores when set.
    pub store_passphrase: Option<String>,
}

/// A secret read from the environment at start-up.
#[derive(Clone)]
pub enum MatrixAuth {
    Password(String),
    AccessToken { token: String, device_id: String },
}

impl std::fmt::Debug for MatrixAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MatrixAuth::Password(_) => f.write_str("Password(…)"),
            MatrixAuth::AccessToken { device_id, .. } => write!(f, "AccessToken(…, {device_id})"),
        }
    }
}

impl MatrixConfig {
    /// Whether an invite from `user` is accepted.
    pub fn may_invite(&self, user: &str) -> bool {
        self.allowed_inviters
            .iter()
            .any(|a| a == user || (a.starts_with(':') && user.ends_with(a.as_str())))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: shown.clone(),
            source,
        })?;
        Self::parse(&text, &shown)
    }

    pub fn parse(text: &str, shown: &str) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: shown.to_string(),
            message,
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|s| crate::flows::line_col(text, s.start));
            match at {
                Some((l, c)) => invalid(format!("{l}:{c}: {}", e.message())),
                None => invalid(e.message().to_string()),
            }
        })?;
        let mut problems = Vec::new();
        let lang = match raw.defaults.language.as_deref() {
            None => Locale::Nl,
            Some(l) => Locale::parse(l).unwrap_or_else(|| {
                problems.push(format!("defaults.language = \"{l}\": use \"nl\" or \"en\""));
                Locale::Nl
            }),
        };
        let tz = match raw.defaults.timezone.as_deref() {
            None => chrono_tz::Europe::Amsterdam,
            Some(t) => t.parse().unwrap_or_else(|_| {
                problems.push(format!(
                    "defaults.timezone = \"{t}\" is not a time zone (e.g. \"Europe/Amsterdam\")"
                ));
                chrono_tz::Europe::Amsterdam
            }),
        };
        let prefix = raw
            .defaults
            .prefix
            .unwrap_or_else(|| crate::command::DEFAULT_PREFIX.into());
        if prefix.trim().is_empty()
            || prefix.contains(char::is_whitespace)
            || prefix.contains(['{', '}', '`', '*', '_', '<', '>'])
        {
            problems.push(format!(
                "defaults.prefix = \"{prefix}\" must be one word without braces, backticks or markup, like \"!brug\""
            ));
        }
        let mut quiet = crate::core::timers::Quiet::default();
        if let Some(h) = &raw.defaults.quiet_hours {
            match crate::core::timers::Quiet::parse_hours(h) {
                Some((from, until)) => (quiet.from, quiet.until) = (from, until),
                None => problems.push(format!(
                    "defaults.quiet_hours = \"{h}\" must be two hours, like \"20-8\" (\"0-0\" for none)"
                )),
            }
        }
        quiet.weekends = raw.defaults.quiet_weekends.unwrap_or(quiet.weekends);
        let matrix = raw.matrix.and_then(|m| matrix(m, &mut problems));
        let discord = raw.discord.and_then(|d| discord(d, &mut problems));
        if !problems.is_empty() {
            return Err(invalid(problems.join("; ")));
        }
        Ok(Config {
            store: raw.store.path,
            store_key_file: raw.store.key_file,
            lang,
            tz,
            prefix,
            quiet,
            retention_days: raw
                .defaults
                .retention_days
                .unwrap_or(crate::core::round::DEFAULT_RETENTION_DAYS),
            data: raw.defaults.data,
            matrix,
            discord,
        })
    }
}

fn env(name: &str, problems: &mut Vec<String>) -> Option<String> {
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => Some(v),
        _ => {
            problems.push(format!("the environment variable {name} is not set"));
            None
        }
    }
}

fn matrix(m: RawMatrix, problems: &mut Vec<String>) -> Option<MatrixConfig> {
    if !m.user.starts_with('@') || !m.user.contains(':') {
        problems.push(format!(
            "matrix.user = \"{}\" is not a Matrix user id like \"@brug:example.org\"",
            m.user
        ));
    }
    if !(m.homeserver.starts_with("http://") || m.homeserver.starts_with("https://")) {
        problems.push(format!(
            "matrix.homeserver = \"{}\" must be an http(s) URL",
            m.homeserver
        ));
    }
    for a in &m.allowed_inviters {
        if !(a.starts_with('@') && a.contains(':') || a.starts_with(':')) {
            problems.push(format!("matrix.allowed_inviters: \"{a}\" is neither a user (@name:server) nor a server (:server)"));
        }
    }
    let auth = match (&m.password_env, &m.access_token_env) {
        (Some(p), None) => env(p, problems).map(MatrixAuth::Password),
        (None, Some(t)) => {
            let device_id = m.device_id.clone();
            if device_id.is_none() {
                problems.push(
                    "matrix.access_token_env needs matrix.device_id (the token's device)".into(),
                );
            }
            env(t, problems)
                .zip(device_id)
                .map(|(token, device_id)| MatrixAuth::AccessToken { token, device_id })
        }
        _ => {
            problems
                .push("set exactly one of matrix.password_env and matrix.access_token_env".into());
            None
        }
    };
    let store_passphrase = m
        .store_passphrase_env
        .as_deref()
        .and_then(|e| env(e, problems));
    Some(MatrixConfig {
        homeserver: m.homeserver,
        user: m.user,
        auth: auth?,
        device_name: m.device_name,
        data_dir: m.data_dir,
        allowed_inviters: m.allowed_inviters,
        coordinators: m.coordinators,
        coordinator_power_level: m.coordinator_power_level,
        store_passphrase,
    })
}

fn discord(d: RawDiscord, problems: &mut Vec<String>) -> Option<DiscordConfig> {
    if d.application_id == 0 {
        problems.push("discord.application_id must be the application's id (a number)".into());
    }
    if let Some(base) = &d.api_base {
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            problems.push(format!(
                "discord.api_base = \"{base}\" must be an http(s) URL"
            ));
        }
    }
    Some(DiscordConfig {
        token: env(&d.token_env, problems)?,
        application_id: d.application_id,
        guilds: d.guilds,
        coordinator_role: d.coordinator_role,
        message_content: d.message_content,
        api_base: d.api_base,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_config_parses() {
        std::env::set_var("BRUG_MATRIX_PASSWORD", "example");
        let text = include_str!("../config.example.toml");
        let c = Config::parse(text, "config.example.toml").unwrap();
        assert_eq!(c.lang, Locale::Nl);
        assert_eq!(c.prefix, "!brug");
        let m = c.matrix.unwrap();
        assert!(m.may_invite("@anna:example.org"));
        assert!(!m.may_invite("@mallory:evil.example"));
    }

    #[test]
    fn unknown_keys_and_bad_values_are_refused_with_their_place() {
        let e = Config::parse("[store]\npath = \"x\"\ncolour = 1\n", "c.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("c.toml: 3:1: unknown field `colour`"), "{e}");
        let e = Config::parse(
            "[store]\npath = \"x\"\n[defaults]\nlanguage = \"fr\"\ntimezone = \"Mars/Base\"\n",
            "c.toml",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("defaults.language = \"fr\"") && e.contains("Mars/Base"),
            "{e}"
        );
    }
}
