//! The fake's state: who is in the guild, its channels, threads, DMs,
//! messages, interactions, modals and gateway sessions, and what the bot
//! sent — behind one lock in `Shared`.

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Mutex, MutexGuard};
use std::time::Instant;

use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::*;

/// Whether `content` mentions the bot (`<@id>` or the legacy `<@!id>`).
pub(crate) fn mentions_bot(content: &str) -> bool {
    content.contains(&format!("<@{APP_ID}>")) || content.contains(&format!("<@!{APP_ID}>"))
}

/// Returns the counter's value and advances it.
pub(crate) fn bump(counter: &mut u64) -> u64 {
    let v = *counter;
    *counter += 1;
    v
}

/// Types the test's string options as `/brug <sub>` declares them, checking names and
/// required options the way Discord's client would.
pub(crate) fn type_options(
    sub: &str,
    declared: &Value,
    given: &[(&str, &str)],
    complete: bool,
) -> Vec<(String, u8, Value)> {
    let decl = declared["options"].as_array().cloned().unwrap_or_default();
    let names: Vec<&str> = decl.iter().filter_map(|o| o["name"].as_str()).collect();
    let mut out = Vec::new();
    for (name, value) in given {
        let o = decl.iter().find(|o| o["name"] == *name).unwrap_or_else(|| {
            panic!("slash: /brug {sub} has no option `{name}`; it declares {names:?}")
        });
        let kind = o["type"].as_u64().unwrap_or(3) as u8;
        let typed = match kind {
            3 => Some(json!(value)),
            4 => value.parse::<i64>().ok().map(|n| json!(n)),
            5 => value.parse::<bool>().ok().map(|b| json!(b)),
            10 => value.parse::<f64>().ok().map(|x| json!(x)),
            other => panic!("slash: option `{name}` has type {other}; the fake only types options 3, 4, 5 and 10"),
        }
        .unwrap_or_else(|| panic!("slash: option `{name}` of /brug {sub} has type {kind}, which {value:?} is not"));
        if let Some(choices) = o["choices"].as_array().filter(|c| !c.is_empty()) {
            assert!(
                choices.iter().any(|c| c["value"] == typed),
                "slash: {value:?} is not one of the choices of option `{name}`: {choices:?}"
            );
        }
        out.push((name.to_string(), kind, typed));
    }
    for o in &decl {
        let name = o["name"].as_str().unwrap_or_default();
        if complete && o["required"] == true && !given.iter().any(|(n, _)| *n == name) {
            panic!("slash: /brug {sub} requires option `{name}`");
        }
    }
    out
}

/// `Some(disabled)` if `message` has a button `custom_id`.
pub(crate) fn find_button(message: &Value, custom_id: &str) -> Option<bool> {
    let rows = message["components"].as_array()?;
    rows.iter()
        .filter_map(|row| row["components"].as_array())
        .flatten()
        .find(|c| c["type"] == 2 && c["custom_id"] == custom_id)
        .map(|c| c["disabled"] == true)
}

/// The values of every text input of a modal, in the modal's order, as a client submits them.
pub(crate) fn modal_values(
    modal: &Value,
    custom_id: &str,
    fields: &[(&str, &str)],
) -> Vec<(String, String)> {
    let inputs: Vec<&Value> = modal["components"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|row| row["components"].as_array())
        .flatten()
        .filter(|c| c["type"] == 4)
        .collect();
    for (name, _) in fields {
        assert!(
            inputs.iter().any(|i| i["custom_id"] == *name),
            "submit: modal {custom_id} has no text input `{name}`"
        );
    }
    inputs
        .iter()
        .map(|input| {
            let id = input["custom_id"].as_str().unwrap_or_default().to_string();
            let value = fields
                .iter()
                .find(|(n, _)| *n == id)
                .map(|(_, v)| v.to_string())
                .unwrap_or_default();
            // Text inputs are required unless the bot said otherwise.
            let required = input["required"].as_bool().unwrap_or(true);
            assert!(
                !(required && value.is_empty()),
                "submit: modal {custom_id} requires `{id}`"
            );
            (id, value)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Shared state

/// What the server tasks and the test handle share.
pub(crate) struct Shared {
    pub(crate) addr: SocketAddr,
    pub(crate) state: Mutex<State>,
    /// Woken after every REST call (what the bot sent may have grown).
    pub(crate) called: tokio::sync::Notify,
}

impl Shared {
    /// Locks the state; a panic in another holder (a failed test helper) does not poison it.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn gateway_url(&self) -> String {
        format!("ws://{}/gateway", self.addr)
    }
}

/// What a channel id refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Chan {
    /// The guild text channel.
    Text,
    /// A thread in the guild.
    Thread,
    /// The DM channel of this user with the bot.
    Dm(u64),
}

#[derive(Clone, Debug)]
pub(crate) struct User {
    pub(crate) id: u64,
    pub(crate) name: String,
    pub(crate) coordinator: bool,
    /// The client locale of the user's last slash command.
    pub(crate) locale: String,
}

/// A message anyone sent, as REST would return it now.
#[derive(Clone, Debug)]
pub(crate) struct Msg {
    pub(crate) channel: u64,
    pub(crate) author: u64,
    pub(crate) json: Value,
}

impl Msg {
    pub(crate) fn ephemeral(&self) -> bool {
        self.json["flags"].as_u64().unwrap_or(0) & EPHEMERAL != 0
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Thread {
    pub(crate) id: u64,
    pub(crate) parent: u64,
    pub(crate) name: String,
    pub(crate) json: Value,
}

/// An interaction the fake dispatched, and what the bot has done with it.
#[derive(Clone, Debug)]
pub(crate) struct Interaction {
    /// 2 command, 3 component, 5 modal submit.
    pub(crate) kind: u8,
    pub(crate) user: u64,
    pub(crate) channel: u64,
    pub(crate) token: String,
    pub(crate) created: Instant,
    pub(crate) acked: bool,
    /// The message `@original` refers to, once there is one.
    pub(crate) original: Option<u64>,
    /// The message the clicked component (or the modal's component) sits on.
    pub(crate) source: Option<u64>,
    /// The original response and follow-ups, which the webhook routes may edit or delete.
    pub(crate) messages: Vec<u64>,
}

/// A modal the bot opened and the user has not submitted yet.
#[derive(Clone, Debug)]
pub(crate) struct Modal {
    pub(crate) user: u64,
    pub(crate) custom_id: String,
    pub(crate) source: Option<u64>,
    /// The modal's `data` as the bot sent it.
    pub(crate) data: Value,
}

/// A gateway session: survives reconnects, so a RESUME can replay what the bot missed.
pub(crate) struct Session {
    pub(crate) id: String,
    pub(crate) intents: u64,
    pub(crate) seq: u64,
    /// Every dispatch of the session as `(s, frame)`.
    pub(crate) log: Vec<(u64, String)>,
}

/// The bot's current WebSocket connection.
pub(crate) struct Conn {
    pub(crate) id: u64,
    pub(crate) tx: mpsc::UnboundedSender<gateway::Out>,
    /// The session this connection identified or resumed, if any yet.
    pub(crate) session: Option<usize>,
}

pub(crate) struct State {
    pub(crate) message_content: bool,
    pub(crate) users: Vec<User>,
    pub(crate) closed_dms: HashSet<u64>,
    /// `(user, DM channel)`.
    pub(crate) dms: Vec<(u64, u64)>,
    pub(crate) threads: Vec<Thread>,
    pub(crate) messages: HashMap<u64, Msg>,
    /// Message nonce → the message it created (for `enforce_nonce`).
    pub(crate) nonces: HashMap<String, u64>,
    pub(crate) interactions: HashMap<u64, Interaction>,
    pub(crate) modals: Vec<Modal>,
    pub(crate) guild_commands: Vec<Value>,
    pub(crate) global_commands: Vec<Value>,
    /// `(guild?, "type:name")` → command id, stable across re-registration as on Discord.
    pub(crate) command_ids: HashMap<(bool, String), u64>,
    pub(crate) sent: Vec<Sent>,
    /// `(calls left to refuse, retry_after seconds)`.
    pub(crate) rate_limit: (usize, f64),

    pub(crate) sessions: Vec<Session>,
    /// The session new dispatches belong to (the last one identified or resumed).
    pub(crate) current: Option<usize>,
    pub(crate) conn: Option<Conn>,
    /// Dispatches from before the bot ever identified, delivered after its first READY.
    pub(crate) pending: Vec<(String, Value)>,
    pub(crate) frames: Vec<String>,
    pub(crate) identified: usize,
    pub(crate) resumed: usize,

    pub(crate) next_user: u64,
    pub(crate) next_message: u64,
    pub(crate) next_attachment: u64,
    pub(crate) next_dm: u64,
    pub(crate) next_interaction: u64,
    pub(crate) next_command: u64,
    pub(crate) next_version: u64,
    pub(crate) next_conn: u64,
}

impl State {
    pub(crate) fn new(message_content: bool) -> State {
        State {
            message_content,
            users: Vec::new(),
            closed_dms: HashSet::new(),
            dms: Vec::new(),
            threads: Vec::new(),
            messages: HashMap::new(),
            nonces: HashMap::new(),
            interactions: HashMap::new(),
            modals: Vec::new(),
            guild_commands: Vec::new(),
            global_commands: Vec::new(),
            command_ids: HashMap::new(),
            sent: Vec::new(),
            rate_limit: (0, 1.0),
            sessions: Vec::new(),
            current: None,
            conn: None,
            pending: Vec::new(),
            frames: Vec::new(),
            identified: 0,
            resumed: 0,
            next_user: 500000000000000001,
            next_message: 400000000000000001,
            next_attachment: 600000000000000001,
            next_dm: 310000000000000001,
            next_interaction: 700000000000000001,
            next_command: payloads::BRUG_COMMAND_ID,
            next_version: 810000000000000001,
            next_conn: 0,
        }
    }

    pub(crate) fn user(&self, id: u64) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    /// The User object of a member or of the bot.
    pub(crate) fn user_json(&self, id: u64) -> Option<Value> {
        if id == APP_ID {
            return Some(payloads::bot_user());
        }
        self.user(id).map(|u| payloads::user(u.id, &u.name))
    }

    pub(crate) fn roles_of(&self, id: u64) -> Vec<u64> {
        match self.user(id) {
            Some(u) if u.coordinator => vec![COORDINATOR_ROLE],
            _ => Vec::new(),
        }
    }

    /// Full members for GUILD_CREATE: the bot, then every user added so far.
    pub(crate) fn members(&self) -> Vec<Value> {
        let mut out = vec![payloads::member(payloads::bot_user(), &[])];
        out.extend(
            self.users
                .iter()
                .map(|u| payloads::member(payloads::user(u.id, &u.name), &self.roles_of(u.id))),
        );
        out
    }

    pub(crate) fn chan(&self, id: u64) -> Option<Chan> {
        if id == CHANNEL_ID {
            Some(Chan::Text)
        } else if self.threads.iter().any(|t| t.id == id) {
            Some(Chan::Thread)
        } else {
            self.dms
                .iter()
                .find(|(_, c)| *c == id)
                .map(|(u, _)| Chan::Dm(*u))
        }
    }

    pub(crate) fn in_guild(&self, channel: u64) -> bool {
        matches!(self.chan(channel), Some(Chan::Text | Chan::Thread))
    }

    /// The user's DM channel, opened on first use (one per user, as on Discord).
    pub(crate) fn ensure_dm(&mut self, user: u64) -> u64 {
        if let Some((_, c)) = self.dms.iter().find(|(u, _)| *u == user) {
            return *c;
        }
        let c = bump(&mut self.next_dm);
        self.dms.push((user, c));
        c
    }

    /// The users `<@id>` mentions in `content` point at (the bot included).
    pub(crate) fn mentions(&self, content: &str) -> Vec<Value> {
        let mut out: Vec<Value> = Vec::new();
        for part in content.split("<@").skip(1) {
            let part = part.strip_prefix('!').unwrap_or(part);
            let Some(end) = part.find('>') else { continue };
            let Some(user) = part[..end]
                .parse::<u64>()
                .ok()
                .and_then(|id| self.user_json(id))
            else {
                continue;
            };
            if !out.contains(&user) {
                out.push(user);
            }
        }
        out
    }

    /// A stored (REST-form) message as the gateway carries it: guild messages gain
    /// `guild_id` and the author's member.
    pub(crate) fn gateway_message(&self, message: &Value, channel: u64, author: u64) -> Value {
        let mut d = message.clone();
        if self.in_guild(channel) {
            payloads::in_guild(&mut d, &self.roles_of(author));
        }
        d
    }

    /// Who is interacting, and where, for an interaction payload. Panics on unknown ids.
    pub(crate) fn invoker(&self, user: u64, channel: u64, what: &str) -> payloads::Invoker {
        let u = self
            .user(user)
            .unwrap_or_else(|| panic!("{what}: unknown user {user}; add it with add_user"));
        let chan = self
            .chan(channel)
            .unwrap_or_else(|| panic!("{what}: unknown channel {channel}"));
        let partial = match chan {
            Chan::Text => payloads::partial_channel(channel, 0, Some("intervisie")),
            Chan::Thread => {
                let t = self
                    .threads
                    .iter()
                    .find(|t| t.id == channel)
                    .expect("thread listed by chan()");
                let mut p = payloads::partial_channel(
                    channel,
                    t.json["type"].as_u64().unwrap_or(11) as u8,
                    Some(t.name.as_str()),
                );
                p["parent_id"] = payloads::sf(t.parent);
                p
            }
            Chan::Dm(owner) => {
                assert_eq!(
                    owner, user,
                    "{what}: channel {channel} is the DM channel of user {owner}, not of {user}"
                );
                payloads::partial_channel(channel, 1, None)
            }
        };
        payloads::Invoker {
            user: payloads::user(u.id, &u.name),
            roles: self.roles_of(user),
            channel_id: channel,
            channel: partial,
            guild: chan != Chan::Dm(user),
            locale: u.locale.clone(),
        }
    }

    pub(crate) fn new_interaction(
        &mut self,
        kind: u8,
        user: u64,
        channel: u64,
        source: Option<u64>,
    ) -> u64 {
        let id = bump(&mut self.next_interaction);
        self.interactions.insert(
            id,
            Interaction {
                kind,
                user,
                channel,
                token: format!("itok-{id}"),
                created: Instant::now(),
                acked: false,
                original: None,
                source,
                messages: Vec::new(),
            },
        );
        id
    }

    /// The declaration of subcommand `sub` of `/brug`, if registered where the user is: guild
    /// commands and global ones in the guild, only global ones in a DM.
    pub(crate) fn subcommand(&self, sub: &str, in_guild: bool) -> Option<Value> {
        let guild: &[Value] = if in_guild { &self.guild_commands } else { &[] };
        guild
            .iter()
            .chain(&self.global_commands)
            .filter(|c| c["name"] == "brug" && c["type"].as_u64().unwrap_or(1) == 1)
            .filter_map(|c| c["options"].as_array())
            .flatten()
            .find(|o| o["type"] == 1 && o["name"] == sub)
            .cloned()
    }
}
