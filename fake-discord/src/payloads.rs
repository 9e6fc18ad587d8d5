//! JSON builders for every object the fake puts on the wire: users, members, messages,
//! channels, the guild, interactions, commands, gateway frames and error bodies.
//!
//! Shapes follow Discord's API documentation (`discord/discord-api-docs`) as serenity 0.12.5
//! reads them. Each builder emits every
//! field serenity requires, because a single missing field silently turns a dispatch into
//! `Event::Unknown`. Snowflakes are always strings, timestamps always carry an
//! offset, image hashes are `null`. The builders are public so tests can feed them to serenity.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

use crate::{APP_ID, CHANNEL_ID, COORDINATOR_ROLE, GUILD_ID};

/// VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY |
/// CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS: what @everyone (and so the bot) may do.
pub const PERMISSIONS: &str = "309237763072";
/// When every member joined the guild (any fixed instant will do).
pub const JOINED_AT: &str = "2024-01-01T00:00:00.000000+00:00";
/// The heartbeat interval announced in HELLO, in milliseconds.
pub const HEARTBEAT_INTERVAL_MS: u64 = 5000;
/// `attachment_size_limit` of interactions and the upload limit of the fake, in bytes.
pub const ATTACHMENT_LIMIT: u64 = 10_485_760;
/// The guild owner: nobody the tests talk to, so no member carries owner powers.
pub const OWNER_ID: u64 = 900_000_000_000_000_001;
/// The id serenity sees for the `/brug` command in slash interactions.
pub const BRUG_COMMAND_ID: u64 = 800_000_000_000_000_001;

/// A snowflake as Discord writes it: a decimal string.
pub fn sf(id: u64) -> Value {
    Value::String(id.to_string())
}

fn sfs(ids: &[u64]) -> Value {
    Value::Array(ids.iter().map(|&i| sf(i)).collect())
}

// ---------------------------------------------------------------------------------------------
// Time

/// Now as an RFC 3339 timestamp with `+00:00`, the way Discord writes it.
pub fn timestamp_now() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    timestamp(now.as_secs(), now.subsec_micros())
}

/// `secs` since the Unix epoch (plus `micros`) as `YYYY-MM-DDTHH:MM:SS.ffffff+00:00`.
pub fn timestamp(secs: u64, micros: u32) -> String {
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{micros:06}+00:00",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to (year, month, day); Howard Hinnant's algorithm, so no chrono.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = (if z >= 0 { z } else { z - 146_096 }) / 146_097;
    let doe = z - era * 146_097; // day of era, 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // year of era, 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year from March 1st
    let mp = (5 * doy + 2) / 153; // month from March, 0..=11
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

// ---------------------------------------------------------------------------------------------
// Users and members

/// A human user. No `bot` field: serenity refuses to open DMs with bots.
pub fn user(id: u64, name: &str) -> Value {
    json!({
        "id": sf(id), "username": name, "discriminator": "0", "global_name": name,
        "avatar": null, "public_flags": 0,
    })
}

/// The bot's own user; its id is also the application id.
pub fn bot_user() -> Value {
    json!({
        "id": sf(APP_ID), "username": "brug", "discriminator": "0", "global_name": null,
        "avatar": null, "bot": true, "public_flags": 0,
    })
}

/// A full guild Member (GUILD_CREATE, interactions): `user`, `roles`, `deaf`, `mute`, `flags`
/// are all required.
pub fn member(user: Value, roles: &[u64]) -> Value {
    json!({
        "user": user, "roles": sfs(roles), "joined_at": JOINED_AT, "deaf": false, "mute": false,
        "flags": 0, "pending": false, "nick": null,
    })
}

/// The PartialMember that rides along on guild MESSAGE_CREATE (only `roles` is required).
pub fn partial_member(roles: &[u64]) -> Value {
    json!({ "roles": sfs(roles), "joined_at": JOINED_AT, "deaf": false, "mute": false, "flags": 0 })
}

// ---------------------------------------------------------------------------------------------
// Messages

/// A full Message as REST returns it: no `guild_id`/`member` (see [`in_guild`] for the
/// gateway form). Callers fill in nonce, components, attachments and the like.
pub fn message(id: u64, channel_id: u64, author: Value, content: &str, timestamp: &str) -> Value {
    json!({
        "id": sf(id), "channel_id": sf(channel_id), "author": author, "content": content,
        "timestamp": timestamp, "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "components": [], "pinned": false, "type": 0, "flags": 0,
    })
}

/// Turns a REST message into the gateway form of a guild message: adds `guild_id` and the
/// author's PartialMember.
pub fn in_guild(message: &mut Value, author_roles: &[u64]) {
    message["guild_id"] = sf(GUILD_ID);
    message["member"] = partial_member(author_roles);
}

/// An uploaded file as it appears in `message.attachments`.
pub fn attachment(id: u64, channel_id: u64, filename: &str, size: u64) -> Value {
    json!({
        "id": sf(id), "filename": filename, "size": size,
        "url": format!("https://cdn.discordapp.com/attachments/{channel_id}/{id}/{filename}"),
        "proxy_url": format!("https://media.discordapp.net/attachments/{channel_id}/{id}/{filename}"),
    })
}

// ---------------------------------------------------------------------------------------------
// Channels

/// The guild's one text channel, "intervisie".
pub fn text_channel() -> Value {
    json!({
        "id": sf(CHANNEL_ID), "type": 0, "name": "intervisie", "guild_id": sf(GUILD_ID),
        "position": 0, "permission_overwrites": [], "parent_id": null, "topic": null,
        "nsfw": false, "rate_limit_per_user": 0, "last_message_id": null, "flags": 0,
    })
}

/// A thread (type 11 public, 12 private) as a GuildChannel. `guild_id` is always present
/// because serenity does not fill it in for threads.
pub fn thread(
    id: u64,
    parent_id: u64,
    name: &str,
    auto_archive_duration: u64,
    kind: u8,
    created: &str,
) -> Value {
    json!({
        "id": sf(id), "guild_id": sf(GUILD_ID), "parent_id": sf(parent_id), "owner_id": sf(APP_ID),
        "type": kind, "name": name, "last_message_id": null, "rate_limit_per_user": 0,
        "message_count": 0, "member_count": 1, "total_message_sent": 0, "flags": 0,
        "thread_metadata": {
            "archived": false, "auto_archive_duration": auto_archive_duration,
            "archive_timestamp": created, "locked": false, "create_timestamp": created,
        },
    })
}

/// A DM channel with one human (PrivateChannel needs a non-empty `recipients`).
pub fn private_channel(id: u64, recipient: Value) -> Value {
    json!({ "id": sf(id), "type": 1, "last_message_id": null, "flags": 0, "recipients": [recipient] })
}

/// The PartialChannel carried by interactions (`id` and `type` are required).
pub fn partial_channel(id: u64, kind: u8, name: Option<&str>) -> Value {
    let mut c = json!({ "id": sf(id), "type": kind });
    if let Some(name) = name {
        c["name"] = json!(name);
    }
    c
}

// ---------------------------------------------------------------------------------------------
// The guild

/// A role; `colors` is required by serenity 0.12.5.
pub fn role(id: u64, name: &str, permissions: &str, position: u64) -> Value {
    json!({
        "id": sf(id), "name": name, "color": 0,
        "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
        "hoist": false, "managed": false, "mentionable": false, "permissions": permissions,
        "position": position, "icon": null, "unicode_emoji": null, "flags": 0,
    })
}

/// GUILD_CREATE for the guild "Team": @everyone (id == guild id) with [`PERMISSIONS`], the
/// coordinator role, the text channel and the given full members (include the bot's, so
/// serenity's cache permission checks run as they would in production).
pub fn guild(members: Vec<Value>) -> Value {
    let member_count = members.len();
    json!({
        "id": sf(GUILD_ID), "name": "Team", "icon": null, "splash": null, "banner": null,
        "description": null, "owner_id": sf(OWNER_ID), "afk_channel_id": null, "afk_timeout": 300,
        "verification_level": 0, "default_message_notifications": 0, "explicit_content_filter": 0,
        "mfa_level": 0, "system_channel_id": null, "system_channel_flags": 0, "premium_tier": 0,
        "nsfw_level": 0, "features": [], "emojis": [], "stickers": [], "preferred_locale": "en-US",
        "premium_progress_bar_enabled": false,
        "roles": [
            role(GUILD_ID, "@everyone", PERMISSIONS, 0),
            role(COORDINATOR_ROLE, "coordinator", "0", 1),
        ],
        "joined_at": JOINED_AT, "large": false, "unavailable": false,
        "member_count": member_count, "members": members, "channels": [text_channel()],
        "threads": [], "voice_states": [], "presences": [], "stage_instances": [],
        "guild_scheduled_events": [],
    })
}

// ---------------------------------------------------------------------------------------------
// Interactions

/// Who triggered an interaction, and where.
#[derive(Clone, Debug)]
pub struct Invoker {
    /// The User object (see [`user`]).
    pub user: Value,
    /// The user's guild roles (ignored in DMs).
    pub roles: Vec<u64>,
    /// The channel id the interaction came from.
    pub channel_id: u64,
    /// The PartialChannel (see [`partial_channel`]).
    pub channel: Value,
    /// `false` for a DM with the bot: then `user` is sent instead of `member`.
    pub guild: bool,
    /// The user's client locale, e.g. "nl".
    pub locale: String,
}

/// An INTERACTION_CREATE payload of `kind` 2 (command), 3 (component) or 5 (modal submit).
/// `message` is required for kind 3 (the message the component sits on).
pub fn interaction(id: u64, kind: u8, data: Value, who: &Invoker, message: Option<Value>) -> Value {
    let mut v = json!({
        "id": sf(id), "application_id": sf(APP_ID), "type": kind, "data": data,
        "channel_id": sf(who.channel_id), "channel": who.channel, "token": format!("itok-{id}"),
        "version": 1, "app_permissions": PERMISSIONS, "locale": who.locale, "entitlements": [],
        "attachment_size_limit": ATTACHMENT_LIMIT,
    });
    if who.guild {
        let mut m = member(who.user.clone(), &who.roles);
        m["permissions"] = json!(PERMISSIONS);
        v["member"] = m;
        v["guild_id"] = sf(GUILD_ID);
        v["guild_locale"] = json!("en-US");
        v["authorizing_integration_owners"] = json!({ "0": sf(GUILD_ID) });
        v["context"] = json!(0);
    } else {
        // A guild-installed app used in its DM: the guild owner key is "0".
        v["user"] = who.user.clone();
        v["authorizing_integration_owners"] = json!({ "0": "0" });
        v["context"] = json!(1);
    }
    if let Some(message) = message {
        v["message"] = message;
    }
    v
}

/// `data` of `/brug <sub> name:value…`. Each option is `(name, type, value)`; `value` must
/// already have the JSON type that matches `type` (3 string, 4 integer, 5 boolean, 10 number).
pub fn slash_data(sub: &str, options: &[(String, u8, Value)], guild: bool) -> Value {
    let opts: Vec<Value> = options
        .iter()
        .map(|(name, kind, value)| json!({ "name": name, "type": kind, "value": value }))
        .collect();
    let mut d = json!({
        "id": sf(BRUG_COMMAND_ID), "name": "brug", "type": 1,
        // Subcommands need `options` even when empty, or the whole interaction fails.
        "options": [{ "name": sub, "type": 1, "options": opts }],
    });
    if guild {
        d["guild_id"] = sf(GUILD_ID);
    }
    d
}

/// `data` of a button click.
pub fn button_data(custom_id: &str) -> Value {
    json!({ "custom_id": custom_id, "component_type": 2 })
}

/// `data` of a modal submit: one action row per text input, in the modal's order.
pub fn modal_data(custom_id: &str, fields: &[(String, String)]) -> Value {
    let rows: Vec<Value> = fields
        .iter()
        .map(|(id, value)| json!({ "type": 1, "components": [{ "type": 4, "custom_id": id, "value": value }] }))
        .collect();
    json!({ "custom_id": custom_id, "components": rows })
}

// ---------------------------------------------------------------------------------------------
// Commands

/// The Command that Discord answers for one CreateCommand body: the request echoed, plus
/// `id`, `application_id`, `version`, `type` and `description` (`""` when absent).
pub fn command(request: &Value, id: u64, version: u64, guild_id: Option<u64>) -> Value {
    let field = |k: &str, default: Value| {
        request
            .get(k)
            .filter(|v| !v.is_null())
            .cloned()
            .unwrap_or(default)
    };
    let mut c = json!({
        "id": sf(id), "application_id": sf(APP_ID), "version": sf(version),
        "type": field("type", json!(1)), "name": field("name", json!("")),
        "name_localizations": field("name_localizations", Value::Null),
        "description": field("description", json!("")),
        "description_localizations": field("description_localizations", Value::Null),
        "options": field("options", json!([])),
        "default_member_permissions": field("default_member_permissions", Value::Null),
        "nsfw": field("nsfw", json!(false)),
    });
    for k in ["dm_permission", "integration_types", "contexts"] {
        if let Some(v) = request.get(k).filter(|v| !v.is_null()) {
            c[k] = v.clone();
        }
    }
    if let Some(g) = guild_id {
        c["guild_id"] = sf(g);
    }
    c
}

// ---------------------------------------------------------------------------------------------
// Gateway

/// `GET /gateway`.
pub fn gateway(url: &str) -> Value {
    json!({ "url": url })
}

/// `GET /gateway/bot` (only used by `start_autosharded`; every field is required).
pub fn gateway_bot(url: &str) -> Value {
    json!({
        "url": url, "shards": 1,
        "session_start_limit": { "remaining": 1000, "reset_after": 0, "total": 1000, "max_concurrency": 1 },
    })
}

/// READY: `v`, `user`, `guilds`, `session_id`, `resume_gateway_url` and `application` are all
/// required; the guild is listed as unavailable so GUILD_CREATE counts as "not new".
pub fn ready(session_id: &str, resume_gateway_url: &str) -> Value {
    json!({
        "v": 10, "user": bot_user(), "guilds": [{ "id": sf(GUILD_ID), "unavailable": true }],
        "session_id": session_id, "resume_gateway_url": resume_gateway_url, "shard": [0, 1],
        "application": { "id": sf(APP_ID), "flags": 0 },
    })
}

/// An op 0 frame. `s` must be a number, never null.
pub fn dispatch(t: &str, s: u64, d: &Value) -> String {
    json!({ "op": 0, "s": s, "t": t, "d": d }).to_string()
}

/// HELLO, the first frame of every connection.
pub fn hello() -> String {
    json!({ "op": 10, "s": null, "t": null, "d": { "heartbeat_interval": HEARTBEAT_INTERVAL_MS } })
        .to_string()
}

/// HEARTBEAT_ACK.
pub fn heartbeat_ack() -> String {
    json!({ "op": 11 }).to_string()
}

/// INVALID_SESSION; `d` (may the client resume?) is required.
pub fn invalid_session(resumable: bool) -> String {
    json!({ "op": 9, "s": null, "t": null, "d": resumable }).to_string()
}

// ---------------------------------------------------------------------------------------------
// Errors

/// `{"message": …, "code": …}`, the body of every Discord error but 429.
pub fn error(message: &str, code: i64) -> Value {
    json!({ "message": message, "code": code })
}

/// Error 50035 with Discord's nested `errors` object, e.g. path `["content"]` or
/// `["0", "options", "1", "name"]`.
pub fn form_error(path: &[String], code: &str, message: &str) -> Value {
    let mut errors = json!({ "_errors": [{ "code": code, "message": message }] });
    for key in path.iter().rev() {
        let mut level = serde_json::Map::new();
        level.insert(key.clone(), errors);
        errors = Value::Object(level);
    }
    json!({ "message": "Invalid Form Body", "code": 50035, "errors": errors })
}

/// The 429 body. Discord sends no `code` here, so serenity reports `code == -1`.
pub fn rate_limited(retry_after: f64) -> Value {
    json!({ "message": "You are being rate limited.", "retry_after": retry_after, "global": false })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_with_offset() {
        assert_eq!(timestamp(0, 0), "1970-01-01T00:00:00.000000+00:00");
        assert_eq!(
            timestamp(1_714_564_800, 5),
            "2024-05-01T12:00:00.000005+00:00"
        );
        assert_eq!(
            timestamp(951_782_400, 0),
            "2000-02-29T00:00:00.000000+00:00"
        );
    }

    #[test]
    fn form_errors_nest_by_path() {
        let e = form_error(&["content".into()], "BASE_TYPE_MAX_LENGTH", "too long");
        assert_eq!(
            e["errors"]["content"]["_errors"][0]["code"],
            "BASE_TYPE_MAX_LENGTH"
        );
    }
}
