//! The Matrix adapter: it turns Matrix events into `engine::Inbound`s and
//! committed messages into Matrix messages, nothing more.
//!
//! - Login once, then restore the saved session on every start (a new login
//!   would be a new device and break decryption); matrix-sdk's state and crypto
//!   stores live in the data directory.
//! - The very first start syncs once before any handler exists, so old history
//!   is never acted on.
//! - matrix-sdk saves the sync position before handlers run, so a crash can
//!   lose events: every handled event id is committed with its effects (the
//!   engine's inbox), and at start-up — before any live handler exists, so
//!   nothing new can hide the gap — each open round's room and DMs are read
//!   back to the last handled event (`edge::catch_up`).
//! - Rounds live in threads under a root message; blind answers, role cards
//!   and receipts go to one direct room per person.

mod error;
mod html;
mod inbound;
mod outbound;

use error::Doing;
pub use error::MatrixError;

pub use html::{escape, inline};

use crate::config::{MatrixAuth, MatrixConfig};
use crate::edge::retry::{next_pause, FIRST_PAUSE};
use crate::edge::RouteView;
use crate::flows::Catalog;
use crate::runtime::Handle;
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::config::SyncSettings;
use matrix_sdk::{Client, SessionMeta, SessionTokens};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

pub use outbound::MatrixOut;

/// The place (room) of a Matrix room id, for routing records.
fn place(room: &matrix_sdk::ruma::RoomId) -> crate::edge::PlaceId {
    crate::edge::PlaceId::new(crate::core::ids::Platform::Matrix, room.as_str())
}

/// Everything the Matrix side shares.
pub struct Matrix {
    pub client: Client,
    pub config: MatrixConfig,
    /// Routing records and handled events, read-only.
    pub routes: Arc<dyn RouteView>,
    pub catalog: Arc<Catalog>,
}

impl Matrix {
    /// Logs in (or restores the session) and prepares the client.
    pub async fn connect(
        config: MatrixConfig,
        routes: Arc<dyn RouteView>,
        catalog: Arc<Catalog>,
    ) -> Result<Arc<Self>, MatrixError> {
        std::fs::create_dir_all(&config.data_dir)
            .doing(format!("creating {}", config.data_dir.display()))?;
        let client = Client::builder()
            .homeserver_url(&config.homeserver)
            .sqlite_store(
                config.data_dir.join("sdk"),
                config.store_passphrase.as_deref(),
            )
            .build()
            .await
            .doing("setting up the Matrix client")?;
        let session_file = config.data_dir.join("session.json");
        if session_file.exists() {
            let text = std::fs::read_to_string(&session_file).doing("reading the saved session")?;
            let session: MatrixSession =
                serde_json::from_str(&text).doing("reading the saved Matrix session")?;
            client
                .restore_session(session)
                .await
                .doing("restoring the Matrix session")?;
        } else {
            match &config.auth {
                MatrixAuth::Password(pw) => {
                    client
                        .matrix_auth()
                        .login_username(&config.user, pw)
                        .initial_device_display_name(&config.device_name)
                        .send()
                        .await
                        .doing("logging in to Matrix")?;
                }
                MatrixAuth::AccessToken { token, device_id } => {
                    let session = MatrixSession {
                        meta: SessionMeta {
                            user_id: config.user.as_str().try_into().doing("the bot's user id")?,
                            device_id: device_id.as_str().into(),
                        },
                        tokens: SessionTokens {
                            access_token: token.clone(),
                            refresh_token: None,
                        },
                    };
                    client
                        .restore_session(session)
                        .await
                        .doing("using the Matrix access token")?;
                }
            }
            let session = client
                .matrix_auth()
                .session()
                .ok_or("the homeserver gave no session")
                .doing("logging in to Matrix")?;
            let text = serde_json::to_string(&session).doing("saving the session")?;
            write_private(&session_file, &text).doing("saving the session")?;
        }
        Ok(Arc::new(Self {
            client,
            config,
            routes,
            catalog,
        }))
    }

    /// Runs the sync loop until `shutdown`; handlers feed `handle`.
    pub async fn run(
        self: Arc<Self>,
        handle: Handle,
        mut shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> Result<(), MatrixError> {
        let marker = self.config.data_dir.join("first-sync-done");
        if !marker.exists() {
            // Join nothing and handle nothing from before the bot existed.
            self.client
                .sync_once(SyncSettings::default())
                .await
                .doing("the first sync with the homeserver")?;
            std::fs::write(&marker, b"").doing(format!("writing {}", marker.display()))?;
        }
        // Catch up before any live handler exists: an event handled live
        // first would stop the walk back short of one a crash skipped.
        tokio::select! {
            r = inbound::catch_up(&self, &handle) => r?,
            _ = shutdown.changed() => return Ok(()),
        }
        inbound::register(self.clone(), handle.clone());
        inbound::pending_invites(&self).await;
        let mut delay = FIRST_PAUSE;
        loop {
            let settings = SyncSettings::default().timeout(Duration::from_secs(30));
            tokio::select! {
                r = self.client.sync_once(settings) => match r {
                    Ok(_) => delay = FIRST_PAUSE,
                    Err(e) => {
                        tracing::warn!("sync failed, retrying in {delay:?}: {e}");
                        tokio::time::sleep(delay).await;
                        delay = next_pause(delay);
                    }
                },
                _ = shutdown.changed() => {
                    if *shutdown.borrow() {
                        return Ok(());
                    }
                }
            }
        }
    }
}

/// Writes a file only its owner can read (it holds an access token).
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}
