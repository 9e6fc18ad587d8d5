//! The Discord adapter's one error type, and how a failed call counts for
//! trying again.

use crate::edge::DeliveryError;
use serenity::all::HttpError;
use std::time::Duration;

/// A failure of the adapter's start-up or gateway.
#[derive(Debug, thiserror::Error)]
#[error("{what}: {source}")]
pub struct DiscordError {
    pub what: String,
    #[source]
    pub source: serenity::Error,
}

impl DiscordError {
    pub fn new(what: &str, source: serenity::Error) -> Self {
        Self {
            what: what.to_string(),
            source,
        }
    }
}

/// Discord's code for "Cannot send messages to this user" (closed DMs).
pub const CANNOT_DM: isize = 50007;
/// "A thread has already been created for this message".
pub const THREAD_EXISTS: isize = 160004;

/// The Discord JSON error code of a failed request, if it has one.
pub fn code(e: &serenity::Error) -> Option<isize> {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => Some(r.error.code),
        _ => None,
    }
}

/// How a failed request counts for trying again.
pub fn classify(e: &serenity::Error) -> DeliveryError {
    match e {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => {
            let status = r.status_code.as_u16();
            if r.error.code == CANNOT_DM {
                DeliveryError::PrivateClosed(r.url.clone())
            } else if status == 429 {
                // serenity does not expose `retry_after` without its own rate
                // limiter; Discord's buckets reset within seconds.
                DeliveryError::RateLimited(Duration::from_secs(1))
            } else if status >= 500 {
                DeliveryError::Passing(e.to_string())
            } else {
                DeliveryError::Permanent(e.to_string())
            }
        }
        serenity::Error::Http(HttpError::Request(_)) | serenity::Error::Io(_) => {
            DeliveryError::Passing(e.to_string())
        }
        _ => DeliveryError::Permanent(e.to_string()),
    }
}
