//! Channels and messages: DMs, channel lookups, creating, editing, listing
//! and deleting messages, threads.

use super::*;

pub(super) fn create_dm(g: &mut State, body: &Value) -> Reply {
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

pub(super) fn get_channel(g: &State, cid: u64) -> Reply {
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

pub(super) fn create_message(g: &mut State, cid: u64, body: Payload) -> Reply {
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

pub(super) fn edit_message(g: &mut State, cid: u64, mid: u64, body: Payload) -> Reply {
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

pub(super) fn delete_message(g: &mut State, cid: u64, mid: u64) -> Reply {
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

pub(super) fn start_thread(g: &mut State, cid: u64, mid: Option<u64>, body: &Value) -> Reply {
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

/// A message in `cid` the bot can see (ephemeral messages are invisible to channel routes).
/// `GET /channels/{id}/messages?before=&limit=`: newest first, at most
/// `limit` (1–100, default 50) older than `before`. Without MESSAGE_CONTENT,
/// guild messages read as on the gateway: blank unless they mention the bot.
pub(super) fn list_messages(g: &State, cid: u64, query: &str) -> Reply {
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

pub(super) fn visible_message(g: &State, cid: u64, mid: u64) -> Result<Msg, Response> {
    g.messages
        .get(&mid)
        .filter(|m| m.channel == cid && !m.ephemeral())
        .cloned()
        .ok_or_else(unknown_message)
}

/// Fills a new bot message from its request body: nonce, tts, flags, embeds, components,
/// mentions and the uploaded files.
pub(super) fn fill_new_message(
    g: &mut State,
    m: &mut Value,
    cid: u64,
    req: &Value,
    files: &[Upload],
) {
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

pub(super) fn new_attachment(g: &mut State, cid: u64, file: &Upload) -> Value {
    let id = bump(&mut g.next_attachment);
    payloads::attachment(id, cid, &file.name, file.size)
}

/// For a reply: the `message_reference` Discord stores and the referenced message. A reply
/// to a message that does not exist fails unless `fail_if_not_exists` is false.
pub(super) fn reply_reference(
    g: &State,
    cid: u64,
    req: &Value,
) -> Result<Option<(Value, Value)>, Response> {
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
pub(super) fn store_new(g: &mut State, m: &Value, channel: u64) {
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
pub(super) fn edited(
    g: &mut State,
    msg: &Msg,
    req: &Value,
    files: &[Upload],
) -> Result<Value, Response> {
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
pub(super) fn deleted(g: &mut State, msg: &Msg, mid: u64) {
    g.messages.remove(&mid);
    if !msg.ephemeral() {
        let mut d = json!({ "id": payloads::sf(mid), "channel_id": payloads::sf(msg.channel) });
        if g.in_guild(msg.channel) {
            d["guild_id"] = payloads::sf(GUILD_ID);
        }
        gateway::emit(g, "MESSAGE_DELETE", d);
    }
}
