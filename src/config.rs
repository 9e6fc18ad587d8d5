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
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStore {
    path: PathBuf,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    language: Option<String>,
    timezone: Option<String>,
    prefix: Option<String>,
    data: Option<PathBuf>,
}

/// A checked configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The sled store directory.
    pub store: PathBuf,
    pub lang: Locale,
    pub tz: chrono_tz::Tz,
    pub prefix: String,
    /// A data directory with `flows/` and `locales/` (default: built in).
    pub data: Option<PathBuf>,
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
        let prefix = raw.defaults.prefix.unwrap_or_else(|| "!brug".into());
        if prefix.trim().is_empty() || prefix.contains(char::is_whitespace) {
            problems.push(format!(
                "defaults.prefix = \"{prefix}\" must be one word, like \"!brug\""
            ));
        }
        if !problems.is_empty() {
            return Err(invalid(problems.join("; ")));
        }
        Ok(Config {
            store: raw.store.path,
            lang,
            tz,
            prefix,
            data: raw.defaults.data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_config_parses() {
        let text = include_str!("../config.example.toml");
        let c = Config::parse(text, "config.example.toml").unwrap();
        assert_eq!(c.lang, Locale::Nl);
        assert_eq!(c.prefix, "!brug");
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
