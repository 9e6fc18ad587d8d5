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

/// A place to read back, and how far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub place: PlaceId,
    pub since: DateTime<Utc>,
}

/// The places of `platform` to read back: each open round's group and each
/// participant's private place, back to the earliest round opening there.
pub fn plan(view: &dyn RouteView, platform: Platform) -> Result<Vec<Spot>, ReadError> {
    let mut spots: Vec<Spot> = Vec::new();
    let mut add = |id: String, since: DateTime<Utc>| {
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
