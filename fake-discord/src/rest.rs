//! The REST API under `/api/v10` (spec §5), plus the router that also mounts the gateway.
//!
//! Routing is done by hand on the path segments in one fallback handler, so that any path the
//! fake does not know answers Discord's 404 body and records nothing. Order of checks, as on
//! Discord: fake rate limit (429), bot token (401), body parsing (400), then the route.
//! Every Message returned to the bot is a full Message (spec §3.4) authored by the bot user,
//! and every change the bot makes is also dispatched on the gateway as Discord would.
// A refusal here is the HTTP response itself, returned as it is sent.
#![allow(clippy::result_large_err)]

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request, State as AxState};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::{
    bump, gateway, limits, payloads, Chan, Interaction, Modal, Msg, Sent, SentKind, Shared, State,
    Thread, APP_ID, EPHEMERAL, GUILD_ID, LOADING, TOKEN,
};

/// Bodies beyond this are refused outright (uploads are checked against 10 MiB each).
const BODY_LIMIT: usize = 64 << 20;
/// Discord gives a bot 3 seconds to answer an interaction; later it is "Unknown interaction".
const ACK_DEADLINE: Duration = Duration::from_secs(3);

/// An `Err` is an error response, so handlers can use `?`.
type Reply = Result<Response, Response>;

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/gateway", get(gateway::upgrade))
        .fallback(handle)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(shared)
}

/// A request body: the JSON (`payload_json` for multipart) and the uploaded files.
struct Payload {
    json: Value,
    files: Vec<Upload>,
}

struct Upload {
    name: String,
    size: u64,
}

impl Payload {
    fn file_names(&self) -> Vec<String> {
        self.files.iter().map(|f| f.name.clone()).collect()
    }
}

async fn handle(AxState(shared): AxState<Arc<Shared>>, req: Request) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    let Some(route) = path.strip_prefix("/api/v10/") else {
        return not_found();
    };
    let decoded: Vec<String> = route.split('/').map(percent_decode).collect();
    let segs: Vec<&str> = decoded.iter().map(String::as_str).collect();

    // The gateway lookups are exempt from the fake rate limit (serenity calls /gateway once).
    if method == Method::GET && segs == ["gateway"] {
        return ok(payloads::gateway(&shared.gateway_url()));
    }
    if method == Method::GET && segs == ["gateway", "bot"] {
        return ok(payloads::gateway_bot(&shared.gateway_url()));
    }
    if let Some(limited) = take_rate_limit(&shared) {
        return limited;
    }
    // Interaction callbacks and webhooks authenticate by the token in their path.
    let by_path_token = matches!(segs.first(), Some(&"interactions") | Some(&"webhooks"));
    let expected = format!("Bot {TOKEN}");
    let auth = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    if !by_path_token && auth != Some(expected.as_str()) {
        return reply(
            StatusCode::UNAUTHORIZED,
            payloads::error("401: Unauthorized", 0),
        );
    }
    let body = match read_body(req).await {
        Ok(body) => body,
        Err(response) => return response,
    };
    let response = {
        let mut g = shared.lock();
        route_request(&mut g, &method, &segs, &query, body).unwrap_or_else(|e| e)
    };
    shared.called.notify_waiters();
    response
}

fn route_request(
    g: &mut State,
    method: &Method,
    segs: &[&str],
    query: &str,
    body: Payload,
) -> Reply {
    match (method.as_str(), segs) {
        ("GET", ["channels", cid, "messages"]) => list_messages(g, snowflake(cid)?, query),
        ("GET", ["users", "@me"]) => Ok(ok(payloads::bot_user())),
        ("POST", ["users", "@me", "channels"]) => create_dm(g, &body.json),
        ("GET", ["channels", cid]) => get_channel(g, snowflake(cid)?),
        ("POST", ["channels", cid, "typing"]) => {
            g.chan(snowflake(cid)?).ok_or_else(unknown_channel)?;
            Ok(StatusCode::NO_CONTENT.into_response())
        }
        ("POST", ["channels", cid, "messages"]) => create_message(g, snowflake(cid)?, body),
        ("GET", ["channels", cid, "messages", mid]) => {
            Ok(ok(
                visible_message(g, snowflake(cid)?, snowflake(mid)?)?.json
            ))
        }
        ("PATCH", ["channels", cid, "messages", mid]) => {
            edit_message(g, snowflake(cid)?, snowflake(mid)?, body)
        }
        ("DELETE", ["channels", cid, "messages", mid]) => {
            delete_message(g, snowflake(cid)?, snowflake(mid)?)
        }
        ("POST", ["channels", cid, "messages", mid, "threads"]) => {
            start_thread(g, snowflake(cid)?, Some(snowflake(mid)?), &body.json)
        }
        ("POST", ["channels", cid, "threads"]) => {
            start_thread(g, snowflake(cid)?, None, &body.json)
        }
        ("POST", ["interactions", iid, token, "callback"]) => {
            callback(g, snowflake(iid)?, token, body)
        }
        ("POST", ["webhooks", app, token]) => followup(g, app, token, body),
        ("GET" | "PATCH" | "DELETE", ["webhooks", app, token, "messages", which]) => {
            webhook_message(g, method, app, token, which, body)
        }
        ("PUT" | "POST", ["applications", app, "guilds", gid, "commands"]) => {
            application(app)?;
            if snowflake(gid)? != GUILD_ID {
                return Err(reply(
                    StatusCode::FORBIDDEN,
                    payloads::error("Missing Access", 50001),
                ));
            }
            commands(g, method, true, &body.json)
        }
        ("PUT" | "POST", ["applications", app, "commands"]) => {
            application(app)?;
            commands(g, method, false, &body.json)
        }
        _ => Err(not_found()),
    }
}

// ---------------------------------------------------------------------------------------------
// Channels and messages

fn create_dm(g: &mut State, body: &Value) -> Reply {
    let recipient = match &body["recipient_id"] {
        Value::String(s) => s.parse::<u64>().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    };
    let Some(user) = recipient.filter(|id| g.user(*id).is_some()) else {
        return Err(reply(
            StatusCode::BAD_REQUEST,
            payloads::error("Invalid Recipient(s)", 50033),
        ));
    };
    let channel = g.ensure_dm(user);
    let recipient = g.user_json(user).expect("the user exists");
    Ok(ok(payloads::private_channel(channel, recipient)))
}

fn get_channel(g: &State, cid: u64) -> Reply {
    match g.chan(cid).ok_or_else(unknown_channel)? {
        Chan::Text => Ok(ok(payloads::text_channel())),
        Chan::Thread => {
            let t = g
                .threads
                .iter()
                .find(|t| t.id == cid)
                .expect("thread listed by chan()");
            Ok(ok(t.json.clone()))
        }
        Chan::Dm(user) => Ok(ok(payloads::private_channel(
            cid,
            g.user_json(user).expect("the user exists"),
        ))),
    }
}

fn create_message(g: &mut State, cid: u64, body: Payload) -> Reply {
    let chan = g.chan(cid).ok_or_else(unknown_channel)?;
    if let Chan::Dm(user) = chan {
        if g.closed_dms.contains(&user) {
            return Err(reply(
                StatusCode::FORBIDDEN,
                payloads::error("Cannot send messages to this user", 50007),
            ));
        }
    }
    let req = &body.json;
    // With enforce_nonce, a repeated nonce returns the first message and creates nothing.
    let nonce = nonce_key(&req["nonce"]);
    if req["enforce_nonce"] == true {
        let earlier = nonce
            .as_ref()
            .and_then(|k| g.nonces.get(k))
            .and_then(|id| g.messages.get(id));
        if let Some(earlier) = earlier {
            return Ok(ok(earlier.json.clone()));
        }
    }
    check_uploads(&body.files)?;
    limits::check_message(req, body.files.len(), true).map_err(bad_request)?;
    let reference = reply_reference(g, cid, req)?;

    let id = bump(&mut g.next_message);
    let content = req["content"].as_str().unwrap_or("").to_string();
    let mut m = payloads::message(
        id,
        cid,
        payloads::bot_user(),
        &content,
        &payloads::timestamp_now(),
    );
    fill_new_message(g, &mut m, cid, req, &body.files);
    if let Some((reference, referenced)) = reference {
        m["type"] = json!(19);
        m["message_reference"] = reference;
        m["referenced_message"] = referenced;
    }
    g.messages.insert(
        id,
        Msg {
            channel: cid,
            author: APP_ID,
            json: m.clone(),
        },
    );
    if let Some(k) = nonce {
        g.nonces.insert(k, id);
    }
    g.sent.push(Sent {
        id,
        channel_id: cid,
        content,
        body: body.json.clone(),
        files: body.file_names(),
        kind: SentKind::Message,
    });
    let d = g.gateway_message(&m, cid, APP_ID);
    gateway::emit(g, "MESSAGE_CREATE", d);
    Ok(ok(m))
}

fn edit_message(g: &mut State, cid: u64, mid: u64, body: Payload) -> Reply {
    let msg = visible_message(g, cid, mid)?;
    if msg.author != APP_ID {
        return Err(reply(
            StatusCode::FORBIDDEN,
            payloads::error("Cannot edit a message authored by another user", 50005),
        ));
    }
    check_uploads(&body.files)?;
    limits::check_message(&body.json, body.files.len(), false).map_err(bad_request)?;
    let m = edited(g, &msg, &body.json, &body.files)?;
    g.sent.push(Sent {
        id: mid,
        channel_id: cid,
        content: m["content"].as_str().unwrap_or("").to_string(),
        body: body.json.clone(),
        files: body.file_names(),
        kind: SentKind::Edit,
    });
    Ok(ok(m))
}

fn delete_message(g: &mut State, cid: u64, mid: u64) -> Reply {
    let msg = visible_message(g, cid, mid)?;
    if msg.author != APP_ID {
        // @everyone has no MANAGE_MESSAGES, and nobody may delete others' DMs.
        return Err(match g.chan(cid) {
            Some(Chan::Dm(_)) => reply(
                StatusCode::FORBIDDEN,
                payloads::error("Cannot execute action on a DM channel", 50003),
            ),
            _ => reply(
                StatusCode::FORBIDDEN,
                payloads::error("Missing Permissions", 50013),
            ),
        });
    }
    deleted(g, &msg, mid);
    g.sent.push(Sent {
        id: mid,
        channel_id: cid,
        content: msg.json["content"].as_str().unwrap_or("").to_string(),
        body: Value::Null,
        files: Vec::new(),
        kind: SentKind::Delete,
    });
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn start_thread(g: &mut State, cid: u64, mid: Option<u64>, body: &Value) -> Reply {
    match g.chan(cid) {
        Some(Chan::Text) => {}
        Some(_) => {
            return Err(reply(
                StatusCode::BAD_REQUEST,
                payloads::error("Cannot execute action on this channel type", 50024),
            ))
        }
        None => return Err(unknown_channel()),
    }
    limits::check_thread(body).map_err(bad_request)?;
    let name = body["name"].as_str().unwrap_or("").to_string();
    let archive = body["auto_archive_duration"].as_u64().unwrap_or(1440);
    let (id, kind) = match mid {
        Some(mid) => {
            visible_message(g, cid, mid)?;
            if g.threads.iter().any(|t| t.id == mid) {
                return Err(reply(
                    StatusCode::BAD_REQUEST,
                    payloads::error("A thread has already been created for this message", 160004),
                ));
            }
            // A thread started from a message shares its id (docs channel.mdx:587).
            (mid, 11)
        }
        // Without a starter message, v10 makes a private thread unless told otherwise.
        None => (
            bump(&mut g.next_message),
            body["type"].as_u64().unwrap_or(12) as u8,
        ),
    };
    let thread = payloads::thread(id, cid, &name, archive, kind, &payloads::timestamp_now());
    g.threads.push(Thread {
        id,
        parent: cid,
        name,
        json: thread.clone(),
    });
    let mut create = thread.clone();
    create["newly_created"] = json!(true);
    gateway::emit(g, "THREAD_CREATE", create);
    if let Some(mid) = mid {
        // The starter message now links to its thread, which Discord announces as an update.
        if let Some(msg) = g.messages.get_mut(&mid) {
            msg.json["thread"] = thread.clone();
        }
        if let Some(msg) = g.messages.get(&mid).cloned() {
            let d = g.gateway_message(&msg.json, cid, msg.author);
            gateway::emit(g, "MESSAGE_UPDATE", d);
        }
    }
    Ok(reply(StatusCode::CREATED, thread))
}

// ---------------------------------------------------------------------------------------------
// Interactions

fn callback(g: &mut State, iid: u64, token: &str, body: Payload) -> Reply {
    let ix = g
        .interactions
        .get(&iid)
        .filter(|ix| ix.token == token)
        .cloned()
        .ok_or_else(unknown_interaction)?;
    if ix.acked {
        return Err(reply(
            StatusCode::BAD_REQUEST,
            payloads::error("Interaction has already been acknowledged.", 40060),
        ));
    }
    if ix.created.elapsed() > ACK_DEADLINE {
        return Err(unknown_interaction());
    }
    let kind = body.json["type"].as_u64().unwrap_or(0);
    let data = body.json.get("data").cloned().unwrap_or(Value::Null);
    // Which responses fit which interactions (interaction docs, "interaction callback type").
    let fits = match kind {
        4 | 5 => true,
        6 | 7 => ix.source.is_some(),
        9 => ix.kind != 5,
        _ => false, // 1 PONG, 8 AUTOCOMPLETE: the fake sends no pings or autocompletes
    };
    if !fits {
        return Err(bad_request(payloads::form_error(
            &["type".to_string()],
            "INTERACTION_RESPONSE_TYPE_INVALID",
            "Invalid interaction response type for this interaction",
        )));
    }
    check_uploads(&body.files)?;
    match kind {
        4 => limits::check_message(&data, body.files.len(), true).map_err(bad_request)?,
        5 | 7 => limits::check_message(&data, body.files.len(), false).map_err(bad_request)?,
        9 => limits::check_modal(&data).map_err(bad_request)?,
        _ => {}
    }

    let content = data["content"].as_str().unwrap_or("").to_string();
    let message_id = match kind {
        4 | 5 => {
            let id = bump(&mut g.next_message);
            let mut m = payloads::message(
                id,
                ix.channel,
                payloads::bot_user(),
                "",
                &payloads::timestamp_now(),
            );
            if kind == 4 {
                m["content"] = json!(content);
                fill_new_message(g, &mut m, ix.channel, &data, &body.files);
            } else {
                // A deferred response is a "thinking…" message until the bot edits it.
                m["flags"] = json!((data["flags"].as_u64().unwrap_or(0) & EPHEMERAL) | LOADING);
            }
            mark_interaction_message(&mut m, ix.kind);
            store_new(g, &m, ix.channel);
            let entry = g.interactions.get_mut(&iid).expect("looked up above");
            entry.original = Some(id);
            entry.messages.push(id);
            id
        }
        6 => {
            g.interactions
                .get_mut(&iid)
                .expect("looked up above")
                .original = ix.source;
            0
        }
        7 => {
            let target = ix.source.expect("checked by `fits`");
            let msg = g
                .messages
                .get(&target)
                .cloned()
                .ok_or_else(unknown_message)?;
            edited(g, &msg, &data, &body.files)?;
            g.interactions
                .get_mut(&iid)
                .expect("looked up above")
                .original = Some(target);
            target
        }
        9 => {
            g.modals.push(Modal {
                user: ix.user,
                custom_id: data["custom_id"].as_str().unwrap_or("").to_string(),
                source: if ix.kind == 3 { ix.source } else { None },
                data: data.clone(),
            });
            0
        }
        _ => 0,
    };
    let files = body.file_names();
    finish_callback(g, iid, &ix, kind, message_id, content, body.json, files)
}

/// Marks the interaction answered and records the callback.
#[allow(clippy::too_many_arguments)]
fn finish_callback(
    g: &mut State,
    iid: u64,
    ix: &Interaction,
    kind: u64,
    message_id: u64,
    content: String,
    body: Value,
    files: Vec<String>,
) -> Reply {
    g.interactions.get_mut(&iid).expect("looked up above").acked = true;
    g.sent.push(Sent {
        id: message_id,
        channel_id: ix.channel,
        content,
        body,
        files,
        kind: SentKind::Callback {
            interaction: iid,
            kind: kind as u8,
        },
    });
    Ok(StatusCode::NO_CONTENT.into_response())
}

fn followup(g: &mut State, app: &str, token: &str, body: Payload) -> Reply {
    let iid = webhook_interaction(g, app, token)?;
    check_uploads(&body.files)?;
    limits::check_message(&body.json, body.files.len(), true).map_err(bad_request)?;
    let ix = g.interactions[&iid].clone();
    let id = bump(&mut g.next_message);
    let content = body.json["content"].as_str().unwrap_or("").to_string();
    let mut m = payloads::message(
        id,
        ix.channel,
        payloads::bot_user(),
        &content,
        &payloads::timestamp_now(),
    );
    fill_new_message(g, &mut m, ix.channel, &body.json, &body.files);
    mark_interaction_message(&mut m, ix.kind);
    store_new(g, &m, ix.channel);
    g.interactions
        .get_mut(&iid)
        .expect("looked up above")
        .messages
        .push(id);
    g.sent.push(Sent {
        id,
        channel_id: ix.channel,
        content,
        body: body.json.clone(),
        files: body.file_names(),
        kind: SentKind::Followup,
    });
    Ok(ok(m))
}

/// GET, PATCH or DELETE of `/webhooks/{app}/{token}/messages/{@original | id}`.
fn webhook_message(
    g: &mut State,
    method: &Method,
    app: &str,
    token: &str,
    which: &str,
    body: Payload,
) -> Reply {
    let iid = webhook_interaction(g, app, token)?;
    let ix = g.interactions[&iid].clone();
    let mid = if which == "@original" {
        ix.original
    } else {
        which
            .parse::<u64>()
            .ok()
            .filter(|m| ix.messages.contains(m))
    };
    let mid = mid.ok_or_else(unknown_message)?;
    let msg = g.messages.get(&mid).cloned().ok_or_else(unknown_message)?;
    match method.as_str() {
        "GET" => Ok(ok(msg.json)),
        "PATCH" => {
            check_uploads(&body.files)?;
            limits::check_message(&body.json, body.files.len(), false).map_err(bad_request)?;
            let m = edited(g, &msg, &body.json, &body.files)?;
            g.sent.push(Sent {
                id: mid,
                channel_id: msg.channel,
                content: m["content"].as_str().unwrap_or("").to_string(),
                body: body.json.clone(),
                files: body.file_names(),
                kind: SentKind::Edit,
            });
            Ok(ok(m))
        }
        _ => {
            deleted(g, &msg, mid);
            g.sent.push(Sent {
                id: mid,
                channel_id: msg.channel,
                content: msg.json["content"].as_str().unwrap_or("").to_string(),
                body: Value::Null,
                files: Vec::new(),
                kind: SentKind::Delete,
            });
            Ok(StatusCode::NO_CONTENT.into_response())
        }
    }
}

/// The interaction a webhook path refers to. Follow-ups and edits only work once the
/// interaction has been acknowledged; before that Discord knows no such webhook.
fn webhook_interaction(g: &State, app: &str, token: &str) -> Result<u64, Response> {
    let unknown = || {
        reply(
            StatusCode::NOT_FOUND,
            payloads::error("Unknown Webhook", 10015),
        )
    };
    if app.parse::<u64>().ok() != Some(APP_ID) {
        return Err(unknown());
    }
    token
        .strip_prefix("itok-")
        .and_then(|id| id.parse::<u64>().ok())
        .filter(|id| {
            g.interactions
                .get(id)
                .is_some_and(|ix| ix.token == token && ix.acked)
        })
        .ok_or_else(unknown)
}

/// Interaction responses are webhook messages of the application.
fn mark_interaction_message(m: &mut Value, interaction_kind: u8) {
    m["webhook_id"] = payloads::sf(APP_ID);
    m["application_id"] = payloads::sf(APP_ID);
    m["type"] = json!(if interaction_kind == 2 { 20 } else { 0 });
}

// ---------------------------------------------------------------------------------------------
// Commands

fn commands(g: &mut State, method: &Method, guild: bool, body: &Value) -> Reply {
    if *method == Method::PUT {
        // Bulk overwrite: the list replaces everything registered in this scope.
        let list = body.as_array().ok_or_else(|| {
            bad_request(payloads::form_error(
                &[],
                "ARRAY_TYPE_CONVERT",
                "Only iterables may be used in a ListType",
            ))
        })?;
        limits::check_commands(list).map_err(bad_request)?;
        let answered: Vec<Value> = list.iter().map(|c| registered(g, guild, c)).collect();
        if guild {
            g.guild_commands = list.clone();
        } else {
            g.global_commands = list.clone();
        }
        return Ok(ok(Value::Array(answered)));
    }
    // POST creates one command, or overwrites the one with the same name and type.
    limits::check_command(body, &[]).map_err(bad_request)?;
    let answered = registered(g, guild, body);
    let scope = if guild {
        &mut g.guild_commands
    } else {
        &mut g.global_commands
    };
    let same = |c: &Value| {
        c["name"] == body["name"]
            && c["type"].as_u64().unwrap_or(1) == body["type"].as_u64().unwrap_or(1)
    };
    let status = match scope.iter().position(same) {
        Some(i) => {
            scope[i] = body.clone();
            StatusCode::OK
        }
        None => {
            scope.push(body.clone());
            StatusCode::CREATED
        }
    };
    Ok(reply(status, answered))
}

/// The Command Discord answers for a registered body; ids are stable per scope, type and
/// name, and every registration gets a new version.
fn registered(g: &mut State, guild: bool, c: &Value) -> Value {
    let key = (
        guild,
        format!(
            "{}:{}",
            c["type"].as_u64().unwrap_or(1),
            c["name"].as_str().unwrap_or("")
        ),
    );
    let id = match g.command_ids.get(&key) {
        Some(&id) => id,
        None => {
            let id = bump(&mut g.next_command);
            g.command_ids.insert(key, id);
            id
        }
    };
    let version = bump(&mut g.next_version);
    payloads::command(c, id, version, guild.then_some(GUILD_ID))
}

// ---------------------------------------------------------------------------------------------
// Message helpers

/// A message in `cid` the bot can see (ephemeral messages are invisible to channel routes).
/// `GET /channels/{id}/messages?before=&limit=`: newest first, at most
/// `limit` (1–100, default 50) older than `before`. Without MESSAGE_CONTENT,
/// guild messages read as on the gateway: blank unless they mention the bot.
fn list_messages(g: &State, cid: u64, query: &str) -> Reply {
    g.chan(cid).ok_or_else(unknown_channel)?;
    let mut before = u64::MAX;
    let mut limit = 50usize;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "before" => before = snowflake(v)?,
            "limit" => {
                limit = v
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=100).contains(n))
                    .ok_or_else(|| {
                        bad_request(payloads::form_error(
                            &["limit".to_string()],
                            "NUMBER_TYPE_MAX",
                            "int value should be less than or equal to 100.",
                        ))
                    })?
            }
            // after/around: brug does not use them; refuse rather than ignore.
            _ => return Err(bad_request(payloads::error("Invalid Form Body", 50035))),
        }
    }
    let mut found: Vec<&Msg> = g
        .messages
        .iter()
        .filter(|(id, m)| m.channel == cid && **id < before && !m.ephemeral())
        .map(|(_, m)| m)
        .collect();
    found.sort_by_key(|m| {
        std::cmp::Reverse(m.json["id"].as_str().and_then(|i| i.parse::<u64>().ok()))
    });
    let out: Vec<Value> = found
        .into_iter()
        .take(limit)
        .map(|m| {
            let mut json = m.json.clone();
            let content = json["content"].as_str().unwrap_or("").to_string();
            if !g.message_content
                && g.in_guild(cid)
                && m.author != APP_ID
                && !crate::mentions_bot(&content)
            {
                json["content"] = json!("");
            }
            json
        })
        .collect();
    Ok(ok(Value::Array(out)))
}

fn visible_message(g: &State, cid: u64, mid: u64) -> Result<Msg, Response> {
    g.messages
        .get(&mid)
        .filter(|m| m.channel == cid && !m.ephemeral())
        .cloned()
        .ok_or_else(unknown_message)
}

/// Fills a new bot message from its request body: nonce, tts, flags, embeds, components,
/// mentions and the uploaded files.
fn fill_new_message(g: &mut State, m: &mut Value, cid: u64, req: &Value, files: &[Upload]) {
    if let Some(nonce) = req.get("nonce").filter(|n| !n.is_null()) {
        m["nonce"] = nonce.clone();
    }
    if req["tts"] == true {
        m["tts"] = json!(true);
    }
    if let Some(flags) = req["flags"].as_u64() {
        m["flags"] = json!(flags);
    }
    for key in ["embeds", "components"] {
        if let Some(list) = req.get(key).filter(|v| v.is_array()) {
            m[key] = list.clone();
        }
    }
    let content = m["content"].as_str().unwrap_or("").to_string();
    m["mentions"] = Value::Array(g.mentions(&content));
    m["attachments"] = Value::Array(files.iter().map(|f| new_attachment(g, cid, f)).collect());
}

fn new_attachment(g: &mut State, cid: u64, file: &Upload) -> Value {
    let id = bump(&mut g.next_attachment);
    payloads::attachment(id, cid, &file.name, file.size)
}

/// For a reply: the `message_reference` Discord stores and the referenced message. A reply
/// to a message that does not exist fails unless `fail_if_not_exists` is false.
fn reply_reference(g: &State, cid: u64, req: &Value) -> Result<Option<(Value, Value)>, Response> {
    let Some(r) = req.get("message_reference").filter(|r| r.is_object()) else {
        return Ok(None);
    };
    let mid = match &r["message_id"] {
        Value::String(s) => s.parse::<u64>().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    };
    let target = mid
        .and_then(|mid| g.messages.get(&mid))
        .filter(|m| !m.ephemeral());
    if target.is_none() && r["fail_if_not_exists"] != false {
        return Err(bad_request(payloads::form_error(
            &["message_reference".to_string()],
            "MESSAGE_REFERENCE_UNKNOWN_MESSAGE",
            "Unknown message",
        )));
    }
    let mut reference = json!({ "type": 0, "channel_id": payloads::sf(cid) });
    if let Some(mid) = mid {
        reference["message_id"] = payloads::sf(mid);
    }
    if g.in_guild(cid) {
        reference["guild_id"] = payloads::sf(GUILD_ID);
    }
    let referenced = target.map(|m| m.json.clone()).unwrap_or(Value::Null);
    Ok(Some((reference, referenced)))
}

/// Stores a new bot message and announces it (ephemeral ones only their user sees, so the
/// bot gets no MESSAGE_CREATE for them).
fn store_new(g: &mut State, m: &Value, channel: u64) {
    let id = m["id"]
        .as_str()
        .and_then(|s| s.parse::<u64>().ok())
        .expect("message ids are snowflakes");
    let msg = Msg {
        channel,
        author: APP_ID,
        json: m.clone(),
    };
    let ephemeral = msg.ephemeral();
    g.messages.insert(id, msg);
    if !ephemeral {
        let d = g.gateway_message(m, channel, APP_ID);
        gateway::emit(g, "MESSAGE_CREATE", d);
    }
}

/// Applies an edit body to a stored message, stores and announces the result, and returns it.
/// Only keys present in the body change; attachments not listed in `attachments` are removed.
fn edited(g: &mut State, msg: &Msg, req: &Value, files: &[Upload]) -> Result<Value, Response> {
    let mut m = msg.json.clone();
    if let Some(content) = req.get("content") {
        m["content"] = json!(content.as_str().unwrap_or(""));
        let content = m["content"].as_str().unwrap_or("").to_string();
        m["mentions"] = Value::Array(g.mentions(&content));
    }
    for key in ["embeds", "components"] {
        if let Some(list) = req.get(key) {
            m[key] = if list.is_array() {
                list.clone()
            } else {
                json!([])
            };
        }
    }
    let old_flags = msg.json["flags"].as_u64().unwrap_or(0);
    let mut flags = req["flags"]
        .as_u64()
        .map_or(old_flags, |f| f | (old_flags & EPHEMERAL));
    // A deferred response stops "thinking" with its first edit.
    flags &= !LOADING;
    m["flags"] = json!(flags);
    let mut attachments: Vec<Value> = m["attachments"].as_array().cloned().unwrap_or_default();
    if let Some(keep) = req.get("attachments").and_then(Value::as_array) {
        // Existing attachments are listed by their snowflake string; new ones by number.
        let kept: Vec<&str> = keep.iter().filter_map(|a| a["id"].as_str()).collect();
        attachments.retain(|a| a["id"].as_str().is_some_and(|id| kept.contains(&id)));
    }
    attachments.extend(files.iter().map(|f| new_attachment(g, msg.channel, f)));
    m["attachments"] = Value::Array(attachments);
    if limits::is_empty_message(&m) {
        return Err(reply(
            StatusCode::BAD_REQUEST,
            payloads::error("Cannot send an empty message", 50006),
        ));
    }
    m["edited_timestamp"] = json!(payloads::timestamp_now());

    let id = m["id"]
        .as_str()
        .and_then(|s| s.parse::<u64>().ok())
        .expect("message ids are snowflakes");
    g.messages.insert(
        id,
        Msg {
            channel: msg.channel,
            author: msg.author,
            json: m.clone(),
        },
    );
    if !msg.ephemeral() {
        let d = g.gateway_message(&m, msg.channel, msg.author);
        gateway::emit(g, "MESSAGE_UPDATE", d);
    }
    Ok(m)
}

/// Removes a message and announces it.
fn deleted(g: &mut State, msg: &Msg, mid: u64) {
    g.messages.remove(&mid);
    if !msg.ephemeral() {
        let mut d = json!({ "id": payloads::sf(mid), "channel_id": payloads::sf(msg.channel) });
        if g.in_guild(msg.channel) {
            d["guild_id"] = payloads::sf(GUILD_ID);
        }
        gateway::emit(g, "MESSAGE_DELETE", d);
    }
}

/// A nonce as a map key; Discord treats `"5"` and `5` alike.
fn nonce_key(nonce: &Value) -> Option<String> {
    match nonce {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Files over the upload limit are refused as a whole request.
fn check_uploads(files: &[Upload]) -> Result<(), Response> {
    if files.iter().any(|f| f.size > payloads::ATTACHMENT_LIMIT) {
        return Err(reply(
            StatusCode::PAYLOAD_TOO_LARGE,
            payloads::error("Request entity too large", 40005),
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Requests and responses

async fn read_body(req: Request) -> Result<Payload, Response> {
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("multipart/form-data"));
    if !multipart {
        let bytes = axum::body::to_bytes(req.into_body(), BODY_LIMIT)
            .await
            .map_err(|_| too_large())?;
        let json = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).map_err(|_| invalid_json())?
        };
        return Ok(Payload {
            json,
            files: Vec::new(),
        });
    }
    // serenity sends `files[N]` parts (with a filename) and one `payload_json` part.
    let mut form = <Multipart as FromRequest<()>>::from_request(req, &())
        .await
        .map_err(|_| invalid_json())?;
    let mut json = Value::Null;
    let mut files = Vec::new();
    while let Some(field) = form.next_field().await.map_err(|_| invalid_json())? {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        if name == "payload_json" {
            let text = field.text().await.map_err(|_| invalid_json())?;
            json = serde_json::from_str(&text).map_err(|_| invalid_json())?;
        } else if let Some(file_name) = file_name {
            let bytes = field.bytes().await.map_err(|_| too_large())?;
            files.push(Upload {
                name: file_name,
                size: bytes.len() as u64,
            });
        }
    }
    Ok(Payload { json, files })
}

/// Refuses the call if `rate_limit_next` asked for it, with Discord's 429 headers and body.
fn take_rate_limit(shared: &Shared) -> Option<Response> {
    let mut g = shared.lock();
    if g.rate_limit.0 == 0 {
        return None;
    }
    g.rate_limit.0 -= 1;
    let retry = g.rate_limit.1;
    drop(g);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64();
    let response = Response::builder()
        .status(StatusCode::TOO_MANY_REQUESTS)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::RETRY_AFTER, format!("{}", retry.ceil() as u64))
        .header("x-ratelimit-limit", "5")
        .header("x-ratelimit-remaining", "0")
        .header("x-ratelimit-reset", format!("{:.3}", now + retry))
        .header("x-ratelimit-reset-after", format!("{retry:.3}"))
        .header("x-ratelimit-bucket", "fakebucket")
        .header("x-ratelimit-scope", "user")
        .body(Body::from(payloads::rate_limited(retry).to_string()))
        .expect("static headers are valid");
    Some(response)
}

fn reply(status: StatusCode, body: Value) -> Response {
    (status, Json(body)).into_response()
}

fn ok(body: Value) -> Response {
    reply(StatusCode::OK, body)
}

fn bad_request(body: Value) -> Response {
    reply(StatusCode::BAD_REQUEST, body)
}

fn not_found() -> Response {
    reply(StatusCode::NOT_FOUND, payloads::error("404: Not Found", 0))
}

fn unknown_channel() -> Response {
    reply(
        StatusCode::NOT_FOUND,
        payloads::error("Unknown Channel", 10003),
    )
}

fn unknown_message() -> Response {
    reply(
        StatusCode::NOT_FOUND,
        payloads::error("Unknown Message", 10008),
    )
}

fn unknown_interaction() -> Response {
    reply(
        StatusCode::NOT_FOUND,
        payloads::error("Unknown interaction", 10062),
    )
}

fn invalid_json() -> Response {
    bad_request(payloads::error(
        "The request body contains invalid JSON.",
        50109,
    ))
}

fn too_large() -> Response {
    reply(
        StatusCode::PAYLOAD_TOO_LARGE,
        payloads::error("Request entity too large", 40005),
    )
}

/// Checks that the application id in a path is ours.
fn application(app: &str) -> Result<(), Response> {
    if app.parse::<u64>().ok() == Some(APP_ID) {
        Ok(())
    } else {
        Err(reply(
            StatusCode::NOT_FOUND,
            payloads::error("Unknown Application", 10002),
        ))
    }
}

/// A snowflake path segment; anything else is a path Discord does not have.
fn snowflake(segment: &str) -> Result<u64, Response> {
    segment
        .parse::<u64>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(not_found)
}

/// Decodes `%XX` escapes in a path segment (e.g. `%40me`).
fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn decodes_escapes() {
        assert_eq!(percent_decode("%40me"), "@me");
        assert_eq!(percent_decode("@original"), "@original");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
