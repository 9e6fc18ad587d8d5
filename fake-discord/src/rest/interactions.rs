//! Interactions and application commands: callbacks (with Discord's
//! 3-second deadline), follow-ups, webhook messages, command registration.

use super::*;

pub(super) fn callback(g: &mut State, iid: u64, token: &str, body: Payload) -> Reply {
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
        // An autocomplete is answered with choices, and with nothing else.
        8 => ix.kind == 4,
        _ if ix.kind == 4 => false,
        4 | 5 => true,
        6 | 7 => ix.source.is_some(),
        9 => ix.kind != 5,
        _ => false, // 1 PONG: the fake sends no pings
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
        8 => limits::check_choices(&data).map_err(bad_request)?,
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
pub(super) fn finish_callback(
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

pub(super) fn followup(g: &mut State, app: &str, token: &str, body: Payload) -> Reply {
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
pub(super) fn webhook_message(
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
pub(super) fn webhook_interaction(g: &State, app: &str, token: &str) -> Result<u64, Response> {
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
pub(super) fn mark_interaction_message(m: &mut Value, interaction_kind: u8) {
    m["webhook_id"] = payloads::sf(APP_ID);
    m["application_id"] = payloads::sf(APP_ID);
    m["type"] = json!(if interaction_kind == 2 { 20 } else { 0 });
}

// ---------------------------------------------------------------------------------------------
// Commands

pub(super) fn commands(g: &mut State, method: &Method, guild: bool, body: &Value) -> Reply {
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
pub(super) fn registered(g: &mut State, guild: bool, c: &Value) -> Value {
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
