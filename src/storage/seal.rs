//! Encryption at rest: every stored record (rounds with their case texts and
//! answers, groups, the outbox, flows) is sealed with XChaCha20-Poly1305 under
//! a 32-byte key the operator gives (`BRUG_STORE_KEY`, 64 hex digits, or a key
//! file). Each value gets a fresh random 24-byte nonce, stored in front of it.
//! A wrong key is noticed at open, from a sealed check value, not halfway.

use super::{Result, StoreError};
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

/// The environment variable holding the store key.
pub const KEY_VAR: &str = "BRUG_STORE_KEY";

const NONCE: usize = 24;
/// What the check value seals: opening it proves the key.
const CHECK: &[u8] = b"brug store key check v1";

/// A store key. Its `Debug` never shows the key.
#[derive(Clone)]
pub struct Key([u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

/// Why a key could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("no store key: set {KEY_VAR} to 64 hex digits (make one with `openssl rand -hex 32`)")]
    Missing,
    #[error(
        "no store key: set {KEY_VAR} to 64 hex digits (make one with `openssl rand -hex 32`), \
         or name a key_file in [store] of the config"
    )]
    MissingInConfig,
    #[error("{0}: a store key is 64 hex digits (32 bytes), e.g. from `openssl rand -hex 32`")]
    Malformed(String),
    #[error("cannot read the key file {0}: {1}")]
    File(String, String),
}

impl Key {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Key(bytes)
    }

    /// Reads 64 hex digits (surrounding white space ignored). `source` names
    /// where they came from, for the error.
    pub fn from_hex(text: &str, source: &str) -> std::result::Result<Self, KeyError> {
        let t = text.trim();
        let malformed = || KeyError::Malformed(source.to_string());
        if t.len() != 64 || !t.is_ascii() {
            return Err(malformed());
        }
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate() {
            *b = u8::from_str_radix(&t[2 * i..2 * i + 2], 16).map_err(|_| malformed())?;
        }
        Ok(Key(out))
    }

    /// The key from `BRUG_STORE_KEY`, or else from `file`; `config` says
    /// whether a config file could have named one (for the error).
    pub fn from_env_or_file(
        file: Option<&std::path::Path>,
        config: bool,
    ) -> std::result::Result<Self, KeyError> {
        Key::resolve(std::env::var(KEY_VAR).ok().as_deref(), file, config)
    }

    /// The key from the environment variable's value if there is one, or
    /// else from `file`.
    fn resolve(
        env: Option<&str>,
        file: Option<&std::path::Path>,
        config: bool,
    ) -> std::result::Result<Self, KeyError> {
        if let Some(v) = env {
            return Key::from_hex(v, KEY_VAR);
        }
        match file {
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .map_err(|e| KeyError::File(p.display().to_string(), e.to_string()))?;
                Key::from_hex(&text, &p.display().to_string())
            }
            None if config => Err(KeyError::MissingInConfig),
            None => Err(KeyError::Missing),
        }
    }
}

/// Seals and opens stored values with one key.
pub struct Sealer {
    cipher: XChaCha20Poly1305,
}

impl Sealer {
    pub fn new(key: &Key) -> Self {
        Self {
            cipher: XChaCha20Poly1305::new(&key.0.into()),
        }
    }

    /// Nonce, then ciphertext with its tag.
    pub fn seal(&self, what: &str, plain: &[u8]) -> Result<Vec<u8>> {
        let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
        let sealed = self
            .cipher
            .encrypt(&nonce, plain)
            .map_err(|_| StoreError::Backend(format!("could not encrypt {what}")))?;
        let mut out = Vec::with_capacity(NONCE + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    pub fn open(&self, what: &str, bytes: &[u8]) -> Result<Vec<u8>> {
        if bytes.len() < NONCE {
            return Err(StoreError::WrongKey(what.to_string()));
        }
        let (nonce, sealed) = bytes.split_at(NONCE);
        self.cipher
            .decrypt(XNonce::from_slice(nonce), sealed)
            .map_err(|_| StoreError::WrongKey(what.to_string()))
    }

    /// The check value to store with a new store.
    pub fn check_value(&self) -> Result<Vec<u8>> {
        self.seal("the key check", CHECK)
    }

    /// Whether the stored check value opens with this key.
    pub fn verify(&self, check: &[u8]) -> bool {
        self.open("the key check", check)
            .is_ok_and(|plain| plain == CHECK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_keys_and_their_errors() {
        let k = Key::from_hex(&"0f".repeat(32), "test").unwrap();
        assert_eq!(k.0, [0x0f; 32]);
        assert_eq!(format!("{k:?}"), "Key(…)");
        for bad in ["", "abc", &"zz".repeat(32), &"0f".repeat(31)] {
            assert!(
                matches!(Key::from_hex(bad, "X"), Err(KeyError::Malformed(s)) if s == "X"),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_environment_wins_over_the_key_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("store.key");
        std::fs::write(&file, format!("{}\n", "ab".repeat(32))).unwrap();
        let from_file = Key::resolve(None, Some(&file), true).unwrap();
        assert_eq!(from_file.0, [0xab; 32]);
        let from_env = Key::resolve(Some(&"cd".repeat(32)), Some(&file), true).unwrap();
        assert_eq!(from_env.0, [0xcd; 32]);
        assert_eq!(
            Key::resolve(None, None, true).err(),
            Some(KeyError::MissingInConfig)
        );
        assert_eq!(
            Key::resolve(None, None, false).err(),
            Some(KeyError::Missing)
        );
        let missing = dir.path().join("nope.key");
        assert!(matches!(
            Key::resolve(None, Some(&missing), true),
            Err(KeyError::File(..))
        ));
        std::fs::write(&file, "not a key").unwrap();
        assert!(matches!(
            Key::resolve(None, Some(&file), true),
            Err(KeyError::Malformed(_))
        ));
    }

    #[test]
    fn sealed_values_open_only_with_their_key() {
        let a = Sealer::new(&Key([1; 32]));
        let b = Sealer::new(&Key([2; 32]));
        let s1 = a.seal("x", b"the case text").unwrap();
        let s2 = a.seal("x", b"the case text").unwrap();
        assert_ne!(s1, s2, "a fresh nonce each time");
        assert!(!s1.windows(4).any(|w| w == b"case"));
        assert_eq!(a.open("x", &s1).unwrap(), b"the case text");
        assert!(matches!(b.open("x", &s1), Err(StoreError::WrongKey(_))));
        assert!(a.verify(&a.check_value().unwrap()));
        assert!(!b.verify(&a.check_value().unwrap()));
    }
}
