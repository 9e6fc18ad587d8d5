//! The gateway WebSocket at `/gateway` (any query, e.g. `?v=10`).
//!
//! Each connection gets HELLO first. IDENTIFY starts a new session (READY, then GUILD_CREATE);
//! RESUME of a known session replays the dispatches the bot missed and ends with RESUMED, an
//! unknown one gets INVALID_SESSION `false`. Every heartbeat is ACKed, since serenity restarts
//! the shard on a missed ACK. Dispatches belong to a session, not a connection: each gets the
//! session's next `s` and goes into its log, and is written to the socket only while a
//! connection is attached to that session. Only one bot connection exists at a time.
//! All frames are uncompressed Text frames.

use std::sync::Arc;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::State as AxState;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::sync::{mpsc, oneshot};

use crate::{
    mentions_bot, payloads, Conn, Session, Shared, State, APP_ID, INTENT_DIRECT_MESSAGES,
    INTENT_GUILDS, INTENT_GUILD_MESSAGES, INTENT_MESSAGE_CONTENT, TOKEN,
};

/// What the rest of the fake asks a connection task to do.
pub(crate) enum Out {
    /// Write this frame.
    Frame(String),
    /// Send a close frame with this code and reason, then hang up.
    Close(u16, &'static str),
    /// Hang up without a close frame (a network failure); signal when done.
    Drop(Option<oneshot::Sender<()>>),
}

pub(crate) async fn upgrade(
    AxState(shared): AxState<Arc<Shared>>,
    ws: WebSocketUpgrade,
) -> Response {
    ws.on_upgrade(move |socket| serve(shared, socket))
}

async fn serve(shared: Arc<Shared>, mut socket: WebSocket) {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn_id = {
        let mut g = shared.lock();
        // A new connection replaces the old one, which is cut off: serenity has given up on it.
        if let Some(old) = g.conn.take() {
            let _ = old.tx.send(Out::Drop(None));
        }
        g.next_conn += 1;
        let id = g.next_conn;
        g.conn = Some(Conn {
            id,
            tx: tx.clone(),
            session: None,
        });
        id
    };
    // No session is attached yet, so nothing can be queued before HELLO.
    let _ = tx.send(Out::Frame(payloads::hello()));
    loop {
        tokio::select! {
            out = rx.recv() => match out {
                Some(Out::Frame(text)) => {
                    shared.lock().frames.push(text.clone());
                    if socket.send(Message::Text(text.into())).await.is_err() {
                        break;
                    }
                }
                Some(Out::Close(code, reason)) => {
                    let frame = CloseFrame { code, reason: reason.into() };
                    let _ = socket.send(Message::Close(Some(frame))).await;
                    break;
                }
                Some(Out::Drop(done)) => {
                    drop(socket);
                    detach(&shared, conn_id);
                    if let Some(done) = done {
                        let _ = done.send(());
                    }
                    return;
                }
                None => break,
            },
            msg = socket.recv() => match msg {
                Some(Ok(Message::Text(text))) => on_frame(&shared, conn_id, &tx, text.as_str()),
                // Pings, pongs and binary frames need nothing; tungstenite answers a Close
                // itself and the socket then ends.
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break,
            },
        }
    }
    detach(&shared, conn_id);
}

/// Forgets the connection if it is still the current one.
fn detach(shared: &Shared, conn_id: u64) {
    let mut g = shared.lock();
    if g.conn.as_ref().is_some_and(|c| c.id == conn_id) {
        g.conn = None;
    }
}

#[derive(Deserialize)]
struct Frame {
    op: u8,
    #[serde(default)]
    d: Value,
}

#[derive(Deserialize)]
struct Identify {
    token: String,
    #[serde(default)]
    intents: u64,
}

#[derive(Deserialize)]
struct Resume {
    token: String,
    session_id: String,
    #[serde(default)]
    seq: Option<u64>,
}

fn token_ok(token: &str) -> bool {
    token == TOKEN || token.strip_prefix("Bot ") == Some(TOKEN)
}

fn on_frame(shared: &Shared, conn_id: u64, tx: &mpsc::UnboundedSender<Out>, text: &str) {
    let Ok(frame) = serde_json::from_str::<Frame>(text) else {
        let _ = tx.send(Out::Close(4002, "Error while decoding payload."));
        return;
    };
    match frame.op {
        1 => {
            let _ = tx.send(Out::Frame(payloads::heartbeat_ack()));
        }
        2 => identify(shared, conn_id, tx, frame.d),
        6 => resume(shared, conn_id, tx, frame.d),
        // Presence updates, member requests and the like change nothing here.
        _ => {}
    }
}

fn identify(shared: &Shared, conn_id: u64, tx: &mpsc::UnboundedSender<Out>, d: Value) {
    let mut g = shared.lock();
    g.identified += 1;
    let Ok(identify) = serde_json::from_value::<Identify>(d) else {
        let _ = tx.send(Out::Close(4002, "Error while decoding payload."));
        return;
    };
    if !token_ok(&identify.token) {
        let _ = tx.send(Out::Close(4004, "Authentication failed."));
        return;
    }
    // MESSAGE_CONTENT is privileged: asking for it without having it is fatal on Discord.
    if identify.intents & INTENT_MESSAGE_CONTENT != 0 && !g.message_content {
        let _ = tx.send(Out::Close(4014, "Disallowed intent(s)."));
        return;
    }
    if g.conn.as_ref().is_none_or(|c| c.id != conn_id) {
        return; // replaced by a newer connection meanwhile
    }
    let n = g.sessions.len();
    g.sessions.push(Session {
        id: format!("fake-session-{}", n + 1),
        intents: identify.intents,
        seq: 0,
        log: Vec::new(),
    });
    g.current = Some(n);
    if let Some(c) = g.conn.as_mut() {
        c.session = Some(n);
    }
    let ready = payloads::ready(&g.sessions[n].id, &shared.gateway_url());
    emit(&mut g, "READY", ready);
    let guild = payloads::guild(g.members());
    emit(&mut g, "GUILD_CREATE", guild);
    // What users did before the bot first connected is delivered now rather than lost.
    for (t, d) in std::mem::take(&mut g.pending) {
        emit(&mut g, &t, d);
    }
}

fn resume(shared: &Shared, conn_id: u64, tx: &mpsc::UnboundedSender<Out>, d: Value) {
    let mut g = shared.lock();
    g.resumed += 1;
    let Ok(resume) = serde_json::from_value::<Resume>(d) else {
        let _ = tx.send(Out::Close(4002, "Error while decoding payload."));
        return;
    };
    if !token_ok(&resume.token) {
        let _ = tx.send(Out::Close(4004, "Authentication failed."));
        return;
    }
    let Some(i) = g.sessions.iter().position(|s| s.id == resume.session_id) else {
        let _ = tx.send(Out::Frame(payloads::invalid_session(false)));
        return;
    };
    if g.conn.as_ref().is_none_or(|c| c.id != conn_id) {
        return;
    }
    g.current = Some(i);
    if let Some(c) = g.conn.as_mut() {
        c.session = Some(i);
    }
    let seq = resume.seq.unwrap_or(0);
    let missed: Vec<String> = g.sessions[i]
        .log
        .iter()
        .filter(|(s, _)| *s > seq)
        .map(|(_, f)| f.clone())
        .collect();
    for frame in missed {
        let _ = tx.send(Out::Frame(frame));
    }
    emit(&mut g, "RESUMED", json!({}));
}

/// Dispatches event `t` to the current session: filtered by its intents, content blanked by
/// the MESSAGE_CONTENT rule, numbered, logged for resume, and written if a connection is
/// attached. Before any IDENTIFY it is kept for the first session.
pub(crate) fn emit(g: &mut State, t: &str, d: Value) {
    let Some(si) = g.current else {
        g.pending.push((t.to_string(), d));
        return;
    };
    let intents = g.sessions[si].intents;
    let need = required_intent(t, &d);
    if intents & need != need {
        return;
    }
    let d = apply_content_rule(
        g.message_content && intents & INTENT_MESSAGE_CONTENT != 0,
        t,
        d,
    );
    let session = &mut g.sessions[si];
    session.seq += 1;
    let frame = payloads::dispatch(t, session.seq, &d);
    session.log.push((session.seq, frame.clone()));
    if let Some(conn) = g.conn.as_ref().filter(|c| c.session == Some(si)) {
        let _ = conn.tx.send(Out::Frame(frame));
    }
}

/// The intent an event needs: guild events need GUILDS, messages need
/// GUILD_MESSAGES or DIRECT_MESSAGES; interactions and session events need none.
fn required_intent(t: &str, d: &Value) -> u64 {
    match t {
        "GUILD_CREATE" | "THREAD_CREATE" => INTENT_GUILDS,
        "MESSAGE_CREATE" | "MESSAGE_UPDATE" | "MESSAGE_DELETE" if d.get("guild_id").is_some() => {
            INTENT_GUILD_MESSAGES
        }
        "MESSAGE_CREATE" | "MESSAGE_UPDATE" | "MESSAGE_DELETE" => INTENT_DIRECT_MESSAGES,
        _ => 0,
    }
}

/// Without MESSAGE_CONTENT (held and asked for), a guild message from someone else arrives
/// with content, embeds, attachments and components empty, unless it mentions the bot.
/// The bot's own messages and DMs are never blanked.
fn apply_content_rule(content_visible: bool, t: &str, mut d: Value) -> Value {
    let is_message = t == "MESSAGE_CREATE" || t == "MESSAGE_UPDATE";
    let blank = is_message
        && !content_visible
        && d.get("guild_id").is_some()
        && d["author"]["id"] != payloads::sf(APP_ID)
        && !mentions_bot(d["content"].as_str().unwrap_or(""));
    if blank {
        d["content"] = json!("");
        d["embeds"] = json!([]);
        d["attachments"] = json!([]);
        d["components"] = json!([]);
    }
    d
}
