//! The REST calls delivery makes, sent so that a 429 is read whole.
//!
//! serenity builds every request (`Request`: route, JSON, attachments). On
//! discord.com its rate limiter sends it and waits out Discord's buckets
//! and 429s itself. With `api_base` set that limiter is off (serenity's
//! proxy needs that), and serenity's error for a failed call keeps neither
//! the `retry_after` of a 429's body nor its `Retry-After` header; so here
//! the request is executed on the same connection pool and its answer read
//! here, and a 429 becomes `DeliveryError::RateLimited` with the wait
//! Discord asked for, which the shared retry module honours.

use super::error::{classify, code, CANNOT_DM};
use crate::edge::DeliveryError;
use serde::de::DeserializeOwned;
use serenity::all::{Http, Request};
use std::time::Duration;

/// When a 429 says nothing about how long to wait.
const UNSAID_WAIT: Duration = Duration::from_secs(1);
/// The longest wait a 429 may ask for before it counts as a failure.
const LONGEST_WAIT: Duration = Duration::from_secs(60);

/// The wait a 429 asks for: its body's `retry_after` (seconds, a float),
/// else its `Retry-After` header (seconds).
pub fn retry_after(body: &[u8], header: Option<&str>) -> Duration {
    let from_body = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["retry_after"].as_f64());
    let from_header = header.and_then(|h| h.trim().parse::<f64>().ok());
    from_body
        .or(from_header)
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map_or(UNSAID_WAIT, |s| {
            Duration::from_secs_f64(s).min(LONGEST_WAIT)
        })
}

/// A call Discord refused or that failed: how it counts for trying again,
/// and Discord's JSON error code when it gave one.
#[derive(Debug)]
pub struct Refused {
    pub code: Option<i64>,
    pub error: DeliveryError,
}

impl From<Refused> for DeliveryError {
    fn from(r: Refused) -> Self {
        r.error
    }
}

impl Refused {
    fn of_serenity(e: &serenity::Error) -> Self {
        Self {
            code: code(e).map(|c| c as i64),
            error: classify(e),
        }
    }

    fn failed(error: DeliveryError) -> Self {
        Self { code: None, error }
    }
}

/// How a failed answer counts, read from its status, headers and body.
fn failure(status: u16, retry_header: Option<&str>, body: &[u8], what: &str) -> Refused {
    let json: Option<serde_json::Value> = serde_json::from_slice(body).ok();
    let code = json.as_ref().and_then(|j| j["code"].as_i64());
    // A body that is not JSON (a proxy's error page) is kept as text, shortened.
    let said = match &json {
        Some(j) => j.to_string(),
        None => String::from_utf8_lossy(body).chars().take(300).collect(),
    };
    let text = format!("{what}: HTTP {status}: {said}");
    let error = if status == 429 {
        DeliveryError::RateLimited(retry_after(body, retry_header))
    } else if code == Some(CANNOT_DM as i64) {
        DeliveryError::PrivateClosed(text)
    } else if status >= 500 {
        DeliveryError::Passing(text)
    } else {
        DeliveryError::Permanent(text)
    };
    Refused { code, error }
}

/// A route as logs may show it: an interaction's token is a secret.
fn shown(path: &str) -> String {
    match path.split_once("/webhooks/") {
        Some((head, tail)) => {
            let app = tail.split('/').next().unwrap_or_default();
            format!("{head}/webhooks/{app}/…")
        }
        None => path.to_string(),
    }
}

/// Sends `req` and reads its answer as `T`.
pub async fn fire<T: DeserializeOwned>(
    http: &Http,
    client: &reqwest::Client,
    req: Request<'_>,
) -> Result<T, Refused> {
    if http.ratelimiter.is_some() {
        return http.fire(req).await.map_err(|e| Refused::of_serenity(&e));
    }
    let body = answer(http, client, req).await?;
    serde_json::from_slice(&body).map_err(|e| {
        Refused::failed(DeliveryError::Permanent(format!(
            "Discord's answer did not read: {e}"
        )))
    })
}

/// Sends `req`, whose answer has no body worth reading.
pub async fn wind(http: &Http, client: &reqwest::Client, req: Request<'_>) -> Result<(), Refused> {
    if http.ratelimiter.is_some() {
        return http
            .request(req)
            .await
            .map(drop)
            .map_err(|e| Refused::of_serenity(&e));
    }
    answer(http, client, req).await.map(drop)
}

async fn answer(
    http: &Http,
    client: &reqwest::Client,
    req: Request<'_>,
) -> Result<Vec<u8>, Refused> {
    let what = format!("{:?} {}", req.method_ref(), shown(&req.route_ref().path()));
    let bad = |e: String| Refused::failed(DeliveryError::Permanent(format!("{what}: {e}")));
    let built = req
        .build(client, http.token(), http.proxy.as_deref())
        .map_err(|e| bad(e.to_string()))?
        .build()
        .map_err(|e| bad(e.to_string()))?;
    let passing =
        |e: reqwest::Error| Refused::failed(DeliveryError::Passing(format!("{what}: {e}")));
    let response = client.execute(built).await.map_err(passing)?;
    let status = response.status().as_u16();
    let retry_header = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string);
    let body = response.bytes().await.map_err(passing)?;
    if (200..300).contains(&status) {
        Ok(body.to_vec())
    } else {
        Err(failure(status, retry_header.as_deref(), &body, &what))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_a_429_asks_for() {
        let body =
            br#"{"message": "You are being rate limited.", "retry_after": 0.25, "global": false}"#;
        assert_eq!(retry_after(body, Some("1")), Duration::from_millis(250));
        assert_eq!(retry_after(b"{}", Some("3")), Duration::from_secs(3));
        assert_eq!(retry_after(b"not json", None), UNSAID_WAIT);
        assert_eq!(retry_after(br#"{"retry_after": -1}"#, None), UNSAID_WAIT);
        assert_eq!(retry_after(br#"{"retry_after": 9000}"#, None), LONGEST_WAIT);
    }

    #[test]
    fn an_interaction_token_is_never_shown() {
        let p = "https://discord.com/api/v10/webhooks/42/itok-secret/messages/@original";
        assert_eq!(shown(p), "https://discord.com/api/v10/webhooks/42/…");
        assert!(shown("https://discord.com/api/v10/channels/7/messages").ends_with("/7/messages"));
    }

    #[test]
    fn a_failure_keeps_its_code_and_its_wait() {
        let closed = failure(
            403,
            None,
            br#"{"code": 50007, "message": "Cannot send messages to this user"}"#,
            "x",
        );
        assert!(matches!(closed.error, DeliveryError::PrivateClosed(_)));
        let exists = failure(
            400,
            None,
            br#"{"code": 160004, "message": "exists"}"#,
            "POST /x",
        );
        assert!(matches!(exists.error, DeliveryError::Permanent(_)));
        assert_eq!(exists.code, Some(160004));
        assert!(matches!(
            failure(502, None, b"", "x").error,
            DeliveryError::Passing(_)
        ));
        let limited = failure(429, Some("2"), br#"{"retry_after": 0.5}"#, "x");
        assert!(
            matches!(limited.error, DeliveryError::RateLimited(d) if d == Duration::from_millis(500))
        );
    }
}
