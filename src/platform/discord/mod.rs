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

mod commands;
mod error;
mod inbound;
mod markdown;
mod outbound;

pub use error::DiscordError;
pub use outbound::DiscordOut;

use crate::config::DiscordConfig;
use crate::edge::RouteView;
use crate::flows::Catalog;
use crate::runtime::Handle;
use serenity::all::{ApplicationId, GatewayIntents, Http, HttpBuilder};
use std::sync::Arc;

/// Everything the Discord side shares.
pub struct Discord {
    pub config: DiscordConfig,
    /// For sending: the adapter's own client, apart from the gateway's.
    pub http: Arc<Http>,
    pub routes: Arc<dyn RouteView>,
    pub catalog: Arc<Catalog>,
    pub prefix: String,
}

impl Discord {
    pub fn new(
        config: DiscordConfig,
        routes: Arc<dyn RouteView>,
        catalog: Arc<Catalog>,
        prefix: String,
    ) -> Arc<Self> {
        let http = Arc::new(http(&config));
        Arc::new(Self {
            config,
            http,
            routes,
            catalog,
            prefix,
        })
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
        };
        let mut client = serenity::all::ClientBuilder::new_with_http(http(&self.config), intents)
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
fn http(config: &DiscordConfig) -> Http {
    let mut b =
        HttpBuilder::new(&config.token).application_id(ApplicationId::new(config.application_id));
    if let Some(base) = &config.api_base {
        // serenity only uses the proxy with its own rate limiter off.
        b = b
            .proxy(base.trim_end_matches('/'))
            .ratelimiter_disabled(true);
    }
    b.build()
}
