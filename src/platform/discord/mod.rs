//! The Discord adapter (serenity 0.12.5, plain interactions): gateway events
//! become `engine::Inbound`s, committed messages become Discord messages —
//! nothing more; routing, receipts, retries and rendering are `edge`'s.
//!
//! - A round lives in a thread started on its root message, so the thread's
//!   id is the root message's id and a message in it finds its round by the
//!   same routing record as on Matrix.
//! - `/brug <subcommand>` works without any privileged intent; with the
//!   message-content intent granted, `!brug …` text and plain answers in a
//!   round's thread work too. Private answers come by DM.
//! - Every message sets `allowed_mentions` (only the people who must act,
//!   never everyone or a role) and a `nonce` with `enforce_nonce`, so a
//!   resend after a crash posts nothing twice.
//! - With `api_base` set (a Discord-compatible server, the tests' fake),
//!   serenity's own rate limiter is off (its proxy needs that), and the
//!   shared retry module honours 429s instead.

mod catch_up;
mod commands;
mod error;
mod forms;
mod inbound;
mod interactions;
mod markdown;
mod outbound;
mod rest;

pub use error::DiscordError;
pub use outbound::DiscordOut;

use crate::config::DiscordConfig;
use crate::core::ids::Locale;
use crate::edge::RouteView;
use crate::flows::Catalog;
use crate::runtime::Handle;
use serenity::all::{ApplicationId, GatewayIntents, Http, HttpBuilder};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Everything the Discord side shares.
pub struct Discord {
    pub config: DiscordConfig,
    /// For sending: the adapter's own client, apart from the gateway's.
    pub http: Arc<Http>,
    /// Its connection pool, for the calls `rest` reads answers of itself.
    client: reqwest::Client,
    pub routes: Arc<dyn RouteView>,
    pub catalog: Arc<Catalog>,
    pub prefix: String,
    /// The operator's default language, for someone whose app says none
    /// brug speaks.
    pub lang: Locale,
    /// What private messages need for people who take no DMs.
    private: Mutex<Private>,
}

/// People who take no DMs, and each person's latest interaction, which can
/// be answered privately (ephemerally) for a while. Kept in memory: after a
/// restart the first failed DM finds out again, and the next interaction
/// brings a new token.
#[derive(Default)]
struct Private {
    no_dms: HashSet<u64>,
    latest: HashMap<u64, Latest>,
}

struct Latest {
    token: String,
    at: Instant,
}

/// Discord takes follow-ups for 15 minutes; a margin for slow sends.
const ANSWERABLE_FOR: Duration = Duration::from_secs(14 * 60);

impl Discord {
    pub fn new(
        config: DiscordConfig,
        routes: Arc<dyn RouteView>,
        catalog: Arc<Catalog>,
        prefix: String,
        lang: Locale,
    ) -> Arc<Self> {
        let client = reqwest::Client::new();
        let http = Arc::new(http(&config, &client));
        Arc::new(Self {
            config,
            http,
            client,
            routes,
            catalog,
            prefix,
            lang,
            private: Mutex::new(Private::default()),
        })
    }

    /// A delivery call; on a compatible server, with its 429s read here.
    async fn fire<T: serde::de::DeserializeOwned>(
        &self,
        req: serenity::all::Request<'_>,
    ) -> Result<T, rest::Refused> {
        rest::fire(&self.http, &self.client, req).await
    }

    async fn wind(&self, req: serenity::all::Request<'_>) -> Result<(), rest::Refused> {
        rest::wind(&self.http, &self.client, req).await
    }

    fn private(&self) -> std::sync::MutexGuard<'_, Private> {
        // The sets stay consistent whatever panicked while holding them.
        self.private.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Remembers someone's latest interaction, answered already.
    pub fn interacted(&self, user: u64, token: &str) {
        self.private().latest.insert(
            user,
            Latest {
                token: token.to_string(),
                at: Instant::now(),
            },
        );
    }

    /// Whether DMs to `user` are worth trying.
    pub fn takes_dms(&self, user: u64) -> bool {
        !self.private().no_dms.contains(&user)
    }

    pub fn no_dms(&self, user: u64) {
        self.private().no_dms.insert(user);
    }

    /// The token of the person's latest interaction, if it can still be
    /// followed up.
    pub fn answerable(&self, user: u64) -> Option<String> {
        let p = self.private();
        let latest = p.latest.get(&user)?;
        (latest.at.elapsed() < ANSWERABLE_FOR).then(|| latest.token.clone())
    }

    /// Connects to the gateway and handles events until `shutdown`.
    pub async fn run(
        self: Arc<Self>,
        handle: Handle,
        mut shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> Result<(), DiscordError> {
        let mut intents = GatewayIntents::GUILDS
            | GatewayIntents::GUILD_MESSAGES
            | GatewayIntents::DIRECT_MESSAGES;
        if self.config.message_content {
            intents |= GatewayIntents::MESSAGE_CONTENT;
        }
        let handler = inbound::Handler {
            dc: self.clone(),
            handle,
            caught_up: tokio::sync::watch::Sender::new(false),
        };
        let mut client =
            serenity::all::ClientBuilder::new_with_http(http(&self.config, &self.client), intents)
                .event_handler(handler)
                .await
                .map_err(|e| DiscordError::new("connecting to Discord", e))?;
        let shards = client.shard_manager.clone();
        tokio::select! {
            r = client.start() => r.map_err(|e| DiscordError::new("the Discord gateway", e)),
            _ = shutdown.changed() => {
                shards.shutdown_all().await;
                Ok(())
            }
        }
    }
}

/// A REST client: discord.com, or the configured compatible server.
fn http(config: &DiscordConfig, client: &reqwest::Client) -> Http {
    let mut b = HttpBuilder::new(&config.token)
        .client(client.clone())
        .application_id(ApplicationId::new(config.application_id));
    if let Some(base) = &config.api_base {
        // serenity only uses the proxy with its own rate limiter off.
        b = b
            .proxy(base.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    b.build()
}
