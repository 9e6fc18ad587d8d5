//! Typed identifiers that cross module boundaries: rounds, people, groups, locales.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One round of one flow on one case. Numbered per store, shown as `#12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RoundId(pub u64);

impl fmt::Display for RoundId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// The chat platform a person or group lives on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Console,
    Matrix,
    Discord,
}

impl Platform {
    /// The name stored in existing keys. These are the bytes `{:?}` gave when
    /// keys were built with it, so stores written then still read; never change them.
    pub fn key_name(self) -> &'static str {
        match self {
            Platform::Console => "Console",
            Platform::Matrix => "Matrix",
            Platform::Discord => "Discord",
        }
    }

    /// The lowercase name, as serde writes it; for new keys.
    pub fn name(self) -> &'static str {
        match self {
            Platform::Console => "console",
            Platform::Matrix => "matrix",
            Platform::Discord => "discord",
        }
    }
}

/// A person, as the platform identifies them (`@anna:example.org`, a Discord
/// snowflake, or a console name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct UserRef {
    pub platform: Platform,
    pub id: String,
}

impl UserRef {
    pub fn new(platform: Platform, id: impl Into<String>) -> Self {
        Self {
            platform,
            id: id.into(),
        }
    }
}

/// A group: one Matrix room or Discord channel (or the console).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GroupId {
    pub platform: Platform,
    pub id: String,
}

impl GroupId {
    pub fn new(platform: Platform, id: impl Into<String>) -> Self {
        Self {
            platform,
            id: id.into(),
        }
    }
}

/// The two languages every string exists in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Nl,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Nl, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Nl => "nl",
            Locale::En => "en",
        }
    }

    pub fn parse(s: &str) -> Option<Locale> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" | "nederlands" | "dutch" => Some(Locale::Nl),
            "en" | "english" | "engels" => Some(Locale::En),
            _ => None,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A profession or a role-swap role (`social-worker`, `client`, …), as named in
/// `flows/professions.toml`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RoleId(pub String);

impl RoleId {
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RoleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
