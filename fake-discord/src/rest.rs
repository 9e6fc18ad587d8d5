//! The REST API under `/api/v10`, plus the router that also mounts the gateway.
//!
//! Routing is done by hand on the path segments in one fallback handler, so that any path the
//! fake does not know answers Discord's 404 body and records nothing. Order of checks, as on
//! Discord: fake rate limit (429), bot token (401), body parsing (400), then the route.
//! Every Message returned to the bot is a full Message authored by the bot user,
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

mod interactions;
mod messages;

use interactions::*;
use messages::*;

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
