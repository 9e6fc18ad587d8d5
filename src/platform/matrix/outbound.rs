//! Committed messages out to Matrix: notices (bots must not trigger bots) with
//! a plain and an HTML body, intentional mentions only, in the round's thread
//! or the person's direct room, each with a transaction id derived from its
//! outbox id so that a resend after a crash is de-duplicated by the homeserver.

use super::{html, link, Matrix};
use crate::core::effect::{Destination, Outgoing};
use crate::platform::retry::{retrying, Failure};
use crate::runtime::{BoxFuture, Deliver};
use crate::storage::Store;
use matrix_sdk::attachment::{AttachmentConfig, AttachmentInfo, BaseImageInfo};
use matrix_sdk::room::reply::{EnforceThread, Reply};
use matrix_sdk::ruma::events::relation::Thread;
use matrix_sdk::ruma::events::room::message::{
    AddMentions, Relation, ReplyWithinThread, RoomMessageEventContent, TextMessageEventContent,
};
use matrix_sdk::ruma::events::Mentions;
use matrix_sdk::ruma::{
    OwnedEventId, OwnedRoomId, OwnedTransactionId, OwnedUserId, RoomId, UInt, UserId,
};
use matrix_sdk::Room;
use std::future::IntoFuture;
use std::sync::Arc;
use std::time::Duration;

/// The Matrix side of delivery.
pub struct MatrixOut<S: Store> {
    pub mx: Arc<Matrix<S>>,
    /// Distinguishes this store's outbox ids from another store's that used
    /// the same device (transaction ids must never repeat).
    pub instance: u64,
}

impl<S: Store + Clone + 'static> Deliver for MatrixOut<S> {
    fn deliver<'a>(&'a self, out: &'a Outgoing) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(self.send(out))
    }
}

impl<S: Store + Clone + 'static> MatrixOut<S> {
    async fn send(&self, o: &Outgoing) -> Result<(), String> {
        let rendered = html::render(&self.mx.catalog.strings, o);
        for e in &rendered.errors {
            tracing::error!("render problem: {e}");
        }
        let (room, thread_root) = match &o.to {
            Destination::Root(g, _) | Destination::Group(g) => (self.room(&g.id)?, None),
            Destination::Thread(g, r) => {
                let root = self
                    .mx
                    .store
                    .link(&link::round_root(*r))
                    .map_err(|e| e.to_string())?
                    .and_then(|e| OwnedEventId::try_from(e).ok());
                (self.room(&g.id)?, root)
            }
            Destination::Private(u) => (self.dm_room(&u.id).await?, None),
            Destination::Retract(g, r) => {
                self.retract(*r).await?;
                (self.room(&g.id)?, None)
            }
        };
        let mentioned: Vec<OwnedUserId> = o
            .msg
            .mentions
            .iter()
            .filter_map(|u| OwnedUserId::try_from(u.id.as_str()).ok())
            .collect();
        // Always set: clients then never treat text like "@room" as a mention.
        let mentions = Mentions::with_user_ids(mentioned);
        let txn: OwnedTransactionId = format!("brug-{:x}-{}", self.instance, o.id).into();
        let what = format!("sending message {}", o.id);
        let event_id = match &o.msg.chart {
            None => {
                let mut content =
                    RoomMessageEventContent::notice_html(rendered.body, rendered.html);
                if let Some(root) = thread_root {
                    content.relates_to = Some(Relation::Thread(Thread::plain(root.clone(), root)));
                }
                content.mentions = Some(mentions);
                retrying(&what, classify, || {
                    room.send(content.clone())
                        .with_transaction_id(txn.clone())
                        .into_future()
                })
                .await
                .map_err(|e| e.to_string())?
                .response
                .event_id
            }
            Some(chart) => {
                let strings = &self.mx.catalog.strings;
                let mut errors = Vec::new();
                let png = crate::chart::render(chart, strings, o.locale, &mut errors);
                // The caption carries the chart as text for those who cannot see it.
                let alt = crate::chart::describe(chart, strings, o.locale, &mut errors);
                for e in &errors {
                    tracing::error!("render problem: {e}");
                }
                let caption = TextMessageEventContent::html(
                    format!("{}\n{alt}", rendered.body),
                    format!("{}<p>{}</p>", rendered.html, html::escape(&alt)),
                );
                let info = BaseImageInfo {
                    width: Some(png.width.into()),
                    height: Some(png.height.into()),
                    size: UInt::new(png.bytes.len() as u64),
                    ..BaseImageInfo::default()
                };
                let reply = || {
                    thread_root.clone().map(|root| Reply {
                        event_id: root,
                        enforce_thread: EnforceThread::Threaded(ReplyWithinThread::No),
                        add_mentions: AddMentions::No,
                    })
                };
                let name = format!("brug-round-{}.png", o.round.map_or(0, |r| r.0));
                retrying(&what, classify, || {
                    let config = AttachmentConfig::new()
                        .txn_id(txn.clone())
                        .info(AttachmentInfo::Image(info.clone()))
                        .caption(Some(caption.clone()))
                        .mentions(Some(mentions.clone()))
                        .reply(reply());
                    room.send_attachment(name.clone(), &mime::IMAGE_PNG, png.bytes.clone(), config)
                        .into_future()
                })
                .await
                .map_err(|e| e.to_string())?
                .event_id
            }
        };
        let mut links: Vec<(String, String)> = Vec::new();
        if let (Some(r), false) = (o.round, matches!(o.to, Destination::Retract(..))) {
            let room_id = room.room_id();
            links.push((link::round_event(r, o.id), format!("{room_id} {event_id}")));
        }
        match &o.to {
            Destination::Root(_, r) => {
                links.push((link::round_root(*r), event_id.to_string()));
                links.push((link::root_round(event_id.as_str()), r.0.to_string()));
            }
            Destination::Private(_) => {
                if let Some(r) = o.round {
                    links.push((link::event_round(event_id.as_str()), r.0.to_string()));
                }
            }
            Destination::Thread(..) | Destination::Group(_) | Destination::Retract(..) => {}
        }
        if !links.is_empty() {
            let links: Vec<(&str, &str)> = links
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            self.mx.store.set_links(&links).map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// Redacts every message the bot sent about round `r` (where it still can:
    /// rooms it left, or events already gone, are skipped) and forgets them.
    async fn retract(&self, r: crate::core::ids::RoundId) -> Result<(), String> {
        let store = &self.mx.store;
        let sent = store
            .links_with_prefix(&link::round_events(r))
            .map_err(|e| e.to_string())?;
        for (key, value) in &sent {
            let Some((room, event)) = value.split_once(' ') else {
                continue;
            };
            let (Ok(room), Ok(event)) = (self.room(room), OwnedEventId::try_from(event)) else {
                continue;
            };
            let txn: OwnedTransactionId = format!("brug-{:x}-redact-{key}", self.instance).into();
            let reason = Some("retention period over");
            if let Err(e) = retrying("a redaction", classify, || async {
                room.redact(&event, reason, Some(txn.clone()))
                    .await
                    .map_err(matrix_sdk::Error::from)
            })
            .await
            {
                tracing::warn!(round = r.0, "a redaction failed: {e}");
            }
        }
        let mut keys: Vec<String> = sent.into_iter().map(|(k, _)| k).collect();
        keys.push(link::round_root(r));
        store.remove_links(&keys).map_err(|e| e.to_string())
    }

    fn room(&self, id: &str) -> Result<Room, String> {
        let id: &RoomId = id
            .try_into()
            .map_err(|e| format!("bad room id {id}: {e}"))?;
        self.mx
            .client
            .get_room(id)
            .ok_or_else(|| format!("not in room {id}"))
    }

    /// The person's direct room with the bot: the one on record, an existing
    /// one, or a new one (marked direct, so clients show it as a DM).
    async fn dm_room(&self, user: &str) -> Result<Room, String> {
        let store = &self.mx.store;
        if let Some(id) = store
            .link(&link::dm_room(user))
            .map_err(|e| e.to_string())?
        {
            if let Some(room) = OwnedRoomId::try_from(id)
                .ok()
                .and_then(|id| self.mx.client.get_room(&id))
            {
                return Ok(room);
            }
        }
        let uid: &UserId = user
            .try_into()
            .map_err(|e| format!("bad user id {user}: {e}"))?;
        let room = match self.mx.client.get_dm_room(uid) {
            Some(r) => r,
            None => retrying("creating a DM", classify, || self.mx.client.create_dm(uid))
                .await
                .map_err(|e| e.to_string())?,
        };
        // A message encrypted before the person has joined may be shared with
        // nobody but the bot; give them a moment to accept the invite.
        for _ in 0..120 {
            let joined = room
                .get_member_no_sync(uid)
                .await
                .ok()
                .flatten()
                .is_some_and(|m| {
                    *m.membership() == matrix_sdk::ruma::events::room::member::MembershipState::Join
                });
            if joined {
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        let id = room.room_id().to_string();
        store
            .set_links(&[(&link::dm_room(user), &id), (&link::dm_user(&id), user)])
            .map_err(|e| e.to_string())?;
        Ok(room)
    }
}

/// How a failed request to the homeserver counts for trying again.
fn classify(e: &matrix_sdk::Error) -> Failure {
    use matrix_sdk::ruma::api::error::{ErrorKind, RetryAfter};
    match e.client_api_error_kind() {
        Some(ErrorKind::LimitExceeded(l)) => Failure::RetryAfter(
            l.retry_after
                .as_ref()
                .and_then(|r| match r {
                    RetryAfter::Delay(d) => Some(*d),
                    _ => None,
                })
                .unwrap_or(Duration::from_secs(1)),
        ),
        // No access, no such room: trying again will not help.
        Some(
            ErrorKind::Forbidden | ErrorKind::NotFound | ErrorKind::BadJson | ErrorKind::NotJson,
        ) => Failure::Permanent,
        _ => Failure::Passing,
    }
}
