//! Trying a send again until it goes through: after a rate limit as long as
//! the platform asks, after passing failures (the server away, the network
//! down) with growing pauses of at most `MAX_PAUSE`, so nothing is lost while
//! a homeserver restarts or is gone for a while; a permanent error (no access,
//! no such room) gives up at once.

use std::fmt::Display;
use std::future::Future;
use std::time::Duration;

/// The first pause after a passing failure; it doubles up to `MAX_PAUSE`.
pub const FIRST_PAUSE: Duration = Duration::from_millis(500);
/// The longest pause: once the platform is back, a send waits at most this long.
pub const MAX_PAUSE: Duration = Duration::from_secs(30);

/// The pause after `pause`, when the failures go on.
pub fn next_pause(pause: Duration) -> Duration {
    (pause * 2).min(MAX_PAUSE)
}

/// What a failed attempt means for the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The platform asked to wait this long (a rate limit).
    RetryAfter(Duration),
    /// Likely to pass: try again after a pause.
    Passing,
    /// Trying again will not help.
    Permanent,
}

/// Runs `attempt` until it succeeds or fails permanently; `classify` says
/// which failure is which, `what` names the send in the log.
pub async fn retrying<T, E, F, Fut>(
    what: &str,
    classify: impl Fn(&E) -> Failure,
    mut attempt: F,
) -> Result<T, E>
where
    E: Display,
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let mut pause = FIRST_PAUSE;
    loop {
        let e = match attempt().await {
            Ok(r) => return Ok(r),
            Err(e) => e,
        };
        match classify(&e) {
            Failure::Permanent => return Err(e),
            Failure::RetryAfter(after) => {
                tracing::info!("{what}: rate limited, trying again in {after:?}");
                tokio::time::sleep(after).await;
            }
            Failure::Passing => {
                tracing::warn!("{what} failed, trying again in {pause:?}: {e}");
                tokio::time::sleep(pause).await;
                pause = next_pause(pause);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use tokio::time::Instant;

    #[derive(Debug)]
    struct Down(Failure);

    impl Display for Down {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{:?}", self.0)
        }
    }

    /// Attempts until `back` fail with `failure`; the times they were made.
    async fn run(back: Duration, failure: Failure) -> (Result<(), Down>, Vec<Duration>) {
        let start = Instant::now();
        let tries = RefCell::new(Vec::new());
        let r = retrying(
            "test",
            |e: &Down| e.0,
            || {
                let at = start.elapsed();
                tries.borrow_mut().push(at);
                async move {
                    if at >= back {
                        Ok(())
                    } else {
                        Err(Down(failure))
                    }
                }
            },
        )
        .await;
        (r, tries.into_inner())
    }

    #[tokio::test(start_paused = true)]
    async fn a_minute_away_loses_nothing_and_the_send_follows_soon_after() {
        let back = Duration::from_secs(60);
        let (r, tries) = run(back, Failure::Passing).await;
        assert!(r.is_ok());
        let last = *tries.last().unwrap();
        assert!(last >= back && last <= back + MAX_PAUSE, "{tries:?}");
        // Growing pauses: a handful of tries, not a busy loop.
        assert!(tries.len() <= 10, "{} tries", tries.len());
    }

    #[tokio::test(start_paused = true)]
    async fn a_rate_limit_waits_as_long_as_asked() {
        let asked = Duration::from_millis(1500);
        let (r, tries) = run(Duration::from_secs(3), Failure::RetryAfter(asked)).await;
        assert!(r.is_ok());
        assert_eq!(tries, vec![Duration::ZERO, asked, asked * 2]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_permanent_failure_gives_up_at_once() {
        let (r, tries) = run(Duration::from_secs(60), Failure::Permanent).await;
        assert!(r.is_err());
        assert_eq!(tries.len(), 1);
    }
}
