//! `fake-discord`: a wire-faithful fake of Discord for testing a bot built on serenity 0.12.5.
//!
//! It serves Discord's REST API under `/api/v10` and the gateway WebSocket at `/gateway` on
//! 127.0.0.1 only. Test code plays the users (`say`, `slash`, `click`, `submit`) and reads back
//! what the bot did (`sent`, `threads`, `commands`, `frames`). The bot connects the way
//! serenity 0.12.5's HTTP client and gateway expect:
//!
//! ```text
//! let fake = FakeDiscord::start(false).await;
//! let http = HttpBuilder::new(fake_discord::TOKEN)
//!     .proxy(fake.api_base())
//!     .ratelimiter_disabled(true) // without it serenity ignores the proxy
//!     .build();
//! let client = ClientBuilder::new_with_http(http, intents).event_handler(h).await?;
//! ```
//!
//! The fake is faithful where a bot could get Discord wrong: it honours intents, blanks
//! message content without MESSAGE_CONTENT, checks permissions the guild really grants,
//! enforces Discord's limits on what the bot sends (see `limits`), expires interactions that
//! are not acknowledged within 3 seconds, and only lets users use commands, buttons and
//! modals the bot actually offered.
//!
//! This file holds the public API and the shared state; `gateway` runs the WebSocket
//! sessions, `rest` the HTTP routes, `limits` Discord's validation and `payloads` the JSON.

mod gateway;
mod limits;
pub mod payloads;
mod rest;
mod slash;
mod state;

pub(crate) use state::*;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::sync::oneshot;

/// The bot token the fake accepts (serenity sends it as `Bot fake-bot-token`).
pub const TOKEN: &str = "fake-bot-token";
/// The application id, which is also the bot user's id.
pub const APP_ID: u64 = 100000000000000001;
/// The one guild, "Team". Its @everyone role has the same id.
pub const GUILD_ID: u64 = 200000000000000001;
/// The guild's text channel "intervisie".
pub const CHANNEL_ID: u64 = 300000000000000001;
/// The role that makes a member a coordinator.
pub const COORDINATOR_ROLE: u64 = 200000000000000002;

// Gateway intent bits the fake honours.
pub(crate) const INTENT_GUILDS: u64 = 1;
pub(crate) const INTENT_GUILD_MESSAGES: u64 = 1 << 9;
pub(crate) const INTENT_DIRECT_MESSAGES: u64 = 1 << 12;
pub(crate) const INTENT_MESSAGE_CONTENT: u64 = 1 << 15;

// Message flags the fake acts on.
pub(crate) const EPHEMERAL: u64 = 1 << 6;
pub(crate) const LOADING: u64 = 1 << 7;

/// How long `slash` and `submit` wait for the bot to have offered what the user uses
/// (registered the command, opened the modal) before they call it a test bug.
const OFFER_WAIT: Duration = Duration::from_secs(5);

/// One thing the bot sent.
#[derive(Clone, Debug)]
pub struct Sent {
    /// Message id (0 for an interaction callback without a message).
    pub id: u64,
    /// Channel, thread or DM channel it is in.
    pub channel_id: u64,
    pub content: String,
    /// The full JSON body the bot sent (`payload_json` for multipart).
    pub body: Value,
    /// Attachment file names.
    pub files: Vec<String>,
    pub kind: SentKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SentKind {
    Message,
    Edit,
    Followup,
    Callback { interaction: u64, kind: u8 },
    Delete,
}

/// A running fake Discord. Dropping it stops the HTTP server.
pub struct FakeDiscord {
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl FakeDiscord {
    /// Binds 127.0.0.1:0 and serves on the current tokio runtime. `message_content`: whether the
    /// bot has the privileged MESSAGE_CONTENT intent (when false, guild MESSAGE_CREATE content is
    /// blanked unless the message mentions the bot; DMs always carry content). As on Discord,
    /// asking for the intent in IDENTIFY without having it closes the gateway with 4014, and
    /// having it but not asking for it still blanks content.
    pub async fn start(message_content: bool) -> FakeDiscord {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("fake-discord: cannot bind 127.0.0.1:0");
        let addr = listener
            .local_addr()
            .expect("fake-discord: no local address");
        let shared = Arc::new(Shared {
            addr,
            state: Mutex::new(State::new(message_content)),
            called: tokio::sync::Notify::new(),
        });
        let router = rest::router(shared.clone());
        // As Discord's servers do, answer without Nagle's delay: a response
        // written in two parts would otherwise wait for the client's
        // delayed ACK (40 ms), which is the fake's, not the bot's, time.
        use axum::serve::ListenerExt;
        let listener = listener.tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                eprintln!("fake-discord: TCP_NODELAY: {e}");
            }
        });
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        FakeDiscord { shared, server }
    }

    /// `http://127.0.0.1:PORT`, for `HttpBuilder::proxy`.
    pub fn api_base(&self) -> String {
        format!("http://{}", self.shared.addr)
    }

    /// `ws://127.0.0.1:PORT/gateway` (also what `GET /api/v10/gateway` returns).
    pub fn gateway_url(&self) -> String {
        self.shared.gateway_url()
    }

    /// Adds a guild member (`coordinator`: has COORDINATOR_ROLE) and returns its user id.
    /// Members appear in GUILD_CREATE of later IDENTIFYs; there is no GUILD_MEMBER_ADD
    /// (it needs the privileged GUILD_MEMBERS intent).
    pub fn add_user(&self, name: &str, coordinator: bool) -> u64 {
        let mut g = self.shared.lock();
        let id = bump(&mut g.next_user);
        g.users.push(User {
            id,
            name: name.to_string(),
            coordinator,
            locale: "en-US".to_string(),
        });
        id
    }

    /// From now on a message to this user's DM channel fails 403 `{"code":50007,…}`.
    pub fn close_dms(&self, user: u64) {
        self.shared.lock().closed_dms.insert(user);
    }

    /// The next `n` bot REST calls (any route but /gateway) get 429 as Discord answers them.
    pub fn rate_limit_next(&self, n: usize, retry_after_secs: f64) {
        self.shared.lock().rate_limit = (n, retry_after_secs);
    }

    /// `user` posts `content` in `channel` (the text channel, a thread, or the user's own DM
    /// channel, see [`Self::dm_channel`]); dispatches MESSAGE_CREATE and returns the message id.
    pub async fn say(&self, user: u64, channel: u64, content: &str) -> u64 {
        let id = {
            let mut g = self.shared.lock();
            let author = g
                .user_json(user)
                .unwrap_or_else(|| panic!("say: unknown user {user}; add it with add_user"));
            match g.chan(channel) {
                None => panic!("say: unknown channel {channel}"),
                Some(Chan::Dm(owner)) if owner != user => {
                    panic!(
                        "say: channel {channel} is the DM channel of user {owner}, not of {user}"
                    )
                }
                Some(_) => {}
            }
            let id = bump(&mut g.next_message);
            let mut m = payloads::message(id, channel, author, content, &payloads::timestamp_now());
            m["mentions"] = Value::Array(g.mentions(content));
            // Real clients send a nonce with every message.
            m["nonce"] = json!(id.to_string());
            g.messages.insert(
                id,
                Msg {
                    channel,
                    author: user,
                    json: m.clone(),
                },
            );
            let d = g.gateway_message(&m, channel, user);
            gateway::emit(&mut g, "MESSAGE_CREATE", d);
            id
        };
        tokio::task::yield_now().await;
        id
    }

    /// `user` edits their message `message` to read `content`, as a client
    /// does: the stored message changes (with `edited_timestamp`) and
    /// MESSAGE_UPDATE carries the whole message. Panics if it is not theirs.
    pub async fn edit(&self, user: u64, message: u64, content: &str) {
        {
            let mut g = self.shared.lock();
            let (channel, mut m) = match g.messages.get(&message) {
                Some(msg) if msg.author == user => (msg.channel, msg.json.clone()),
                Some(_) => panic!("edit: message {message} is not {user}'s"),
                None => panic!("edit: unknown message {message}"),
            };
            m["content"] = json!(content);
            m["mentions"] = Value::Array(g.mentions(content));
            m["edited_timestamp"] = json!(payloads::timestamp_now());
            if let Some(msg) = g.messages.get_mut(&message) {
                msg.json = m.clone();
            }
            let d = g.gateway_message(&m, channel, user);
            gateway::emit(&mut g, "MESSAGE_UPDATE", d);
        }
        tokio::task::yield_now().await;
    }

    /// `user` writes to the bot privately (opens the DM channel if needed).
    pub async fn say_dm(&self, user: u64, content: &str) -> u64 {
        let dm = {
            let mut g = self.shared.lock();
            assert!(
                g.user(user).is_some(),
                "say_dm: unknown user {user}; add it with add_user"
            );
            g.ensure_dm(user)
        };
        self.say(user, dm, content).await
    }

    /// `user` clicks the button `custom_id` on the bot's message `message` in `channel`;
    /// dispatches INTERACTION_CREATE (type 3) carrying the message as it is now. Panics if the
    /// message has no such enabled button (a user could not click it either).
    pub async fn click(&self, user: u64, channel: u64, message: u64, custom_id: &str) -> u64 {
        let id = {
            let mut g = self.shared.lock();
            let msg = g
                .messages
                .get(&message)
                .cloned()
                .unwrap_or_else(|| panic!("click: there is no message {message}"));
            assert_eq!(
                msg.channel, channel,
                "click: message {message} is in channel {}, not {channel}",
                msg.channel
            );
            assert_eq!(
                msg.author, APP_ID,
                "click: message {message} is not the bot's"
            );
            match find_button(&msg.json, custom_id) {
                Some(false) => {}
                Some(true) => panic!("click: button {custom_id} on message {message} is disabled"),
                None => panic!(
                    "click: message {message} has no button {custom_id}; its components: {}",
                    msg.json["components"]
                ),
            }
            let who = g.invoker(user, channel, "click");
            let id = g.new_interaction(3, user, channel, Some(message));
            let v = payloads::interaction(
                id,
                3,
                payloads::button_data(custom_id),
                &who,
                Some(msg.json),
            );
            gateway::emit(&mut g, "INTERACTION_CREATE", v);
            id
        };
        tokio::task::yield_now().await;
        id
    }

    /// `user` submits the modal `custom_id` with `fields` (text input custom_id → value);
    /// dispatches INTERACTION_CREATE (type 5). Waits up to 5 s for the bot to have opened that
    /// modal for this user, and panics on a field the modal lacks or a missing required one.
    pub async fn submit(
        &self,
        user: u64,
        channel: u64,
        custom_id: &str,
        fields: &[(&str, &str)],
    ) -> u64 {
        let deadline = Instant::now() + OFFER_WAIT;
        let modal = loop {
            let found = {
                let mut g = self.shared.lock();
                let at = g
                    .modals
                    .iter()
                    .rposition(|m| m.user == user && m.custom_id == custom_id);
                // Submitting closes the modal.
                at.map(|i| g.modals.remove(i))
            };
            match found {
                Some(m) => break m,
                None if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(20)).await
                }
                None => panic!("submit: the bot never opened modal {custom_id} for user {user}"),
            }
        };
        let values = modal_values(&modal.data, custom_id, fields);
        let id = {
            let mut g = self.shared.lock();
            let who = g.invoker(user, channel, "submit");
            let message = modal
                .source
                .and_then(|m| g.messages.get(&m))
                .map(|m| m.json.clone());
            let id = g.new_interaction(5, user, channel, modal.source);
            let v = payloads::interaction(
                id,
                5,
                payloads::modal_data(custom_id, &values),
                &who,
                message,
            );
            gateway::emit(&mut g, "INTERACTION_CREATE", v);
            id
        };
        tokio::task::yield_now().await;
        id
    }

    /// How many things the bot sent (without copying them).
    pub fn sent_len(&self) -> usize {
        self.shared.lock().sent.len()
    }

    /// Everything the bot sent, in order.
    pub fn sent(&self) -> Vec<Sent> {
        self.shared.lock().sent.clone()
    }

    /// The user's DM channel with the bot, if opened.
    pub fn dm_channel(&self, user: u64) -> Option<u64> {
        self.shared
            .lock()
            .dms
            .iter()
            .find(|(u, _)| *u == user)
            .map(|(_, c)| *c)
    }

    /// `(thread id == starter message id, parent channel, name)` of every thread.
    pub fn threads(&self) -> Vec<(u64, u64, String)> {
        self.shared
            .lock()
            .threads
            .iter()
            .map(|t| (t.id, t.parent, t.name.clone()))
            .collect()
    }

    /// The registered commands as the bot sent them: guild commands, then global ones.
    pub fn commands(&self) -> Vec<Value> {
        let g = self.shared.lock();
        g.guild_commands
            .iter()
            .chain(&g.global_commands)
            .cloned()
            .collect()
    }

    /// Every gateway frame the fake sent (JSON text), over all connections, in order.
    pub fn frames(&self) -> Vec<String> {
        self.shared.lock().frames.clone()
    }

    /// How many IDENTIFY (op 2) were received.
    pub fn identified(&self) -> usize {
        self.shared.lock().identified
    }

    /// How many RESUME (op 6) were received.
    pub fn resumed(&self) -> usize {
        self.shared.lock().resumed
    }

    /// Drops the current gateway TCP connection without a close frame, like a network failure.
    /// Dispatches from now on are kept for the bot's RESUME.
    pub async fn drop_gateway(&self) {
        let conn = self.shared.lock().conn.take();
        if let Some(conn) = conn {
            let (done, dropped) = oneshot::channel();
            let _ = conn.tx.send(gateway::Out::Drop(Some(done)));
            let _ = tokio::time::timeout(Duration::from_secs(2), dropped).await;
        }
    }

    /// The first thing the bot sent after the first `from` that matches
    /// `pred`, and its index; woken by each REST call rather than polling,
    /// so that a latency measured with it is not rounded up to a poll.
    pub async fn next_sent(&self, from: usize, pred: impl Fn(&Sent) -> bool) -> (usize, Sent) {
        loop {
            let called = self.shared.called.notified();
            tokio::pin!(called);
            called.as_mut().enable();
            {
                let g = self.shared.lock();
                if let Some((i, hit)) = g.sent.iter().enumerate().skip(from).find(|(_, s)| pred(s))
                {
                    return (i, hit.clone());
                }
            }
            called.await;
        }
    }

    /// Polls [`Self::sent`] every 20 ms for the first entry matching `pred`; panics with
    /// `what` and a dump of everything sent when `limit` (real time) runs out.
    pub async fn wait_for(
        &self,
        what: &str,
        limit: Duration,
        pred: impl Fn(&Sent) -> bool,
    ) -> Sent {
        let deadline = Instant::now() + limit;
        loop {
            let sent = self.sent();
            if let Some(hit) = sent.iter().find(|s| pred(s)) {
                return hit.clone();
            }
            if Instant::now() >= deadline {
                let dump: Vec<String> = sent
                    .iter()
                    .map(|s| {
                        format!(
                            "  {:?} id={} channel={} files={:?} content={:?}",
                            s.kind, s.id, s.channel_id, s.files, s.content
                        )
                    })
                    .collect();
                panic!(
                    "timed out after {limit:?} waiting for {what}; the bot sent {} things:\n{}",
                    sent.len(),
                    dump.join("\n")
                );
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}
