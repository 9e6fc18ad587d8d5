//! Catch-up after a restart. A platform may hand the bot an event and then
//! lose it to a crash before the engine committed it (matrix-sdk saves its
//! sync position before handlers run; a gateway resumes where it was told).
//! So before live events are handled, every place an open round lives in —
//! its room (the thread is in it) and its participants' private places — is
//! read back from the newest message to the newest one already handled (or
//! the round's opening), and handed in oldest first. Handled events form a
//! prefix of each place's history (one writer, in order), so the walk back
//! can stop at the first handled one — as long as nothing live was handled
//! before it, which is why adapters run this before their live handlers.

use super::deliver::{BoxFuture, DeliveryError};
use super::retry::retrying;
use super::routes::{PlaceId, ReadError, RouteView};
use crate::core::ids::Platform;
use chrono::{DateTime, Utc};

/// Pages of history read per place at the most.
const MAX_PAGES: usize = 20;

/// How much earlier than a round's opening the walk back may go: the
/// platform's clock is not ours, and its timestamps may be coarser (a
/// message handled already is passed over either way).
const SKEW: chrono::TimeDelta = chrono::TimeDelta::minutes(5);

/// A place to read back, and how far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub place: PlaceId,
    pub since: DateTime<Utc>,
}

/// The places of `platform` to read back: each open round's group (and its
/// thread, where a thread is a place of its own: `threads`, on Discord) and
/// each participant's private place, back to the earliest round opening
/// there.
pub fn plan(
    view: &dyn RouteView,
    platform: Platform,
    threads: bool,
) -> Result<Vec<Spot>, ReadError> {
    let mut spots: Vec<Spot> = Vec::new();
    let mut add = |id: String, since: DateTime<Utc>| {
        let since = since - SKEW;
        let place = PlaceId::new(platform, id);
        match spots.iter_mut().find(|s| s.place == place) {
            Some(s) => s.since = s.since.min(since),
            None => spots.push(Spot { place, since }),
        }
    };
    for r in view.open_rounds()? {
        if r.group.platform != platform {
            continue;
        }
        add(r.group.id.clone(), r.opened);
        if threads {
            if let Some(root) = view.root_of(r.id)? {
                add(root.id, r.opened);
            }
        }
        for p in &r.participants {
            if let Some(place) = view.private_place(&p.user)? {
                add(place, r.opened);
            }
        }
    }
    Ok(spots)
}

/// One page of a place's history, newest first.
pub struct Page<T> {
    pub items: Vec<T>,
    /// Where the next (older) page starts; None at the beginning.
    pub next: Option<String>,
}

/// What an adapter provides for catch-up: one page of history at a time.
pub trait History: Send + Sync {
    type Item: Send;
    fn page<'a>(
        &'a self,
        place: &'a PlaceId,
        from: Option<&'a str>,
    ) -> BoxFuture<'a, Result<Page<Self::Item>, DeliveryError>>;
    /// The item's event id (None for items that are not people's messages,
    /// which are passed over) and when it was sent.
    fn event(&self, item: &Self::Item) -> Option<(String, DateTime<Utc>)>;
}

/// The messages of `spot` not handled yet, oldest first. A page that fails
/// for a passing reason is tried again, so a restart while the server is
/// away still catches up once it is back.
pub async fn missed<H: History>(
    h: &H,
    view: &dyn RouteView,
    spot: &Spot,
) -> Result<Vec<H::Item>, DeliveryError> {
    let routes = |e: ReadError| DeliveryError::Routes(e.to_string());
    let mut out = Vec::new();
    let mut from: Option<String> = None;
    'pages: for _ in 0..MAX_PAGES {
        let page = retrying("reading history", DeliveryError::failure, || {
            h.page(&spot.place, from.as_deref())
        })
        .await?;
        let empty = page.items.is_empty();
        for item in page.items {
            let Some((event, at)) = h.event(&item) else {
                continue;
            };
            if at < spot.since || view.handled(spot.place.platform, &event).map_err(routes)? {
                break 'pages;
            }
            out.push(item);
        }
        match page.next {
            Some(next) if !empty => from = Some(next),
            _ => break,
        }
    }
    out.reverse();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::ids::RoundId;
    use crate::core::ids::UserRef;
    use crate::core::round::Round;
    use std::sync::Mutex;

    /// History newest first: `(id, minute)`; `None` is an event that is not
    /// a message. The first `fails` pages fail for a passing reason.
    struct Fake {
        items: Vec<Option<(String, i64)>>,
        fails: Mutex<usize>,
    }

    impl History for Fake {
        type Item = Option<(String, i64)>;
        fn page<'a>(
            &'a self,
            _: &'a PlaceId,
            from: Option<&'a str>,
        ) -> BoxFuture<'a, Result<Page<Self::Item>, DeliveryError>> {
            Box::pin(async move {
                let mut fails = self.fails.lock().unwrap();
                if *fails > 0 {
                    *fails -= 1;
                    return Err(DeliveryError::Passing("away".into()));
                }
                let start: usize = from.map_or(0, |f| f.parse().unwrap());
                let end = (start + 2).min(self.items.len());
                Ok(Page {
                    items: self.items[start..end].to_vec(),
                    next: (end < self.items.len()).then(|| end.to_string()),
                })
            })
        }
        fn event(&self, item: &Self::Item) -> Option<(String, DateTime<Utc>)> {
            let (id, min) = item.as_ref()?;
            Some((id.clone(), DateTime::from_timestamp(min * 60, 0).unwrap()))
        }
    }

    /// Handled events: `$2`.
    struct View;
    impl RouteView for View {
        fn root_of(&self, _: RoundId) -> Result<Option<super::super::PostRef>, ReadError> {
            Ok(None)
        }
        fn round_of_root(&self, _: Platform, _: &str) -> Result<Option<RoundId>, ReadError> {
            Ok(None)
        }
        fn round_of_private(&self, _: Platform, _: &str) -> Result<Option<RoundId>, ReadError> {
            Ok(None)
        }
        fn private_place(&self, _: &UserRef) -> Result<Option<String>, ReadError> {
            Ok(None)
        }
        fn person_of(&self, _: Platform, _: &str) -> Result<Option<UserRef>, ReadError> {
            Ok(None)
        }
        fn posts_of(
            &self,
            _: RoundId,
        ) -> Result<Vec<(super::super::routes::PostKey, super::super::PostRef)>, ReadError>
        {
            Ok(Vec::new())
        }
        fn slot(&self, _: RoundId, _: &str) -> Result<Option<super::super::PostRef>, ReadError> {
            Ok(None)
        }
        fn slots_of(&self, _: RoundId) -> Result<Vec<String>, ReadError> {
            Ok(Vec::new())
        }
        fn answer_at(
            &self,
            _: Platform,
            _: &str,
        ) -> Result<Option<(RoundId, usize, UserRef)>, ReadError> {
            Ok(None)
        }
        fn answers_of(&self, _: RoundId) -> Result<Vec<(Platform, String)>, ReadError> {
            Ok(Vec::new())
        }
        fn handled(&self, _: Platform, event: &str) -> Result<bool, ReadError> {
            Ok(event == "$2")
        }
        fn open_rounds(&self) -> Result<Vec<Round>, ReadError> {
            Ok(Vec::new())
        }
        fn parked(
            &self,
            _: super::super::routes::RouteKey,
        ) -> Result<Vec<super::super::routes::Parked>, ReadError> {
            Ok(Vec::new())
        }
        fn is_told(&self, _: &UserRef, _: RoundId) -> Result<bool, ReadError> {
            Ok(false)
        }
        fn told(&self) -> Result<Vec<(UserRef, RoundId)>, ReadError> {
            Ok(Vec::new())
        }
    }

    fn spot(since_min: i64) -> Spot {
        Spot {
            place: PlaceId::new(Platform::Matrix, "!room"),
            since: DateTime::from_timestamp(since_min * 60, 0).unwrap(),
        }
    }

    fn msg(id: &str, min: i64) -> Option<(String, i64)> {
        Some((id.to_string(), min))
    }

    #[tokio::test(start_paused = true)]
    async fn reads_back_to_the_newest_handled_event_and_hands_in_oldest_first() {
        let h = Fake {
            // Newest first: $5, a state event, $4, $3, then the handled $2.
            items: vec![
                msg("$5", 9),
                None,
                msg("$4", 8),
                msg("$3", 7),
                msg("$2", 6),
                msg("$1", 5),
            ],
            // The server is away for the first two tries.
            fails: Mutex::new(2),
        };
        let got = missed(&h, &View, &spot(0)).await.unwrap();
        let ids: Vec<String> = got.into_iter().flatten().map(|(id, _)| id).collect();
        assert_eq!(ids, vec!["$3", "$4", "$5"]);
    }

    #[tokio::test(start_paused = true)]
    async fn stops_at_the_round_opening() {
        let h = Fake {
            items: vec![msg("$9", 9), msg("$8", 3), msg("$7", 2)],
            fails: Mutex::new(0),
        };
        let got = missed(&h, &View, &spot(3)).await.unwrap();
        let ids: Vec<String> = got.into_iter().flatten().map(|(id, _)| id).collect();
        assert_eq!(ids, vec!["$8", "$9"]);
    }
}
