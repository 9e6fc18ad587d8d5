//! Messages out to Matrix: notices (bots must not trigger bots) with a plain
//! and an HTML body, intentional mentions only, in a room, a round's thread
//! or a person's direct room, each with the driver's idempotency key as its
//! transaction id so that a resend after a crash is de-duplicated by the
//! homeserver; redactions; opening a direct room.

use super::{html, place, Matrix};
use crate::core::ids::UserRef;
use crate::edge::deliver::{BoxFuture, Deliver, DeliveryError, Post};
use crate::edge::PostRef;
use matrix_sdk::attachment::{AttachmentConfig, AttachmentInfo, BaseImageInfo};
use matrix_sdk::room::reply::{EnforceThread, Reply};
use matrix_sdk::ruma::events::relation::{InReplyTo, Reply as ReplyTo, Thread};
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::ruma::events::room::message::{
    AddMentions, Relation, ReplacementMetadata, ReplyWithinThread, RoomMessageEventContent,
    TextMessageEventContent,
};
use matrix_sdk::ruma::events::Mentions;
use matrix_sdk::ruma::{OwnedEventId, OwnedTransactionId, OwnedUserId, RoomId, UInt, UserId};
use matrix_sdk::Room;
use std::future::IntoFuture;
use std::sync::Arc;
use std::time::Duration;

/// The Matrix side of delivery.
pub struct MatrixOut {
    pub mx: Arc<Matrix>,
}

impl Deliver for MatrixOut {
    fn platform(&self) -> crate::core::ids::Platform {
        crate::core::ids::Platform::Matrix
    }

    fn send<'a>(&'a self, post: &'a Post<'a>) -> BoxFuture<'a, Result<Vec<String>, DeliveryError>> {
        Box::pin(async move { self.post(post).await.map(|id| vec![id]) })
    }

    fn can_edit(&self) -> bool {
        true
    }

    /// An edit is a replacement event (`m.replace`): clients show the
    /// message's new text in its place, marked as edited.
    fn edit<'a>(
        &'a self,
        earlier: &'a PostRef,
        post: &'a Post<'a>,
    ) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            let room = self.room(&earlier.place.id)?;
            let event = OwnedEventId::try_from(earlier.id.as_str()).map_err(|e| {
                DeliveryError::Permanent(format!("bad event id {}: {e}", earlier.id))
            })?;
            let content = RoomMessageEventContent::notice_html(
                post.prepared.plain.clone(),
                html::render(&post.prepared.blocks),
            )
            .add_mentions(Mentions::new())
            .make_replacement(ReplacementMetadata::new(event, Some(Mentions::new())));
            room.send(content)
                .with_transaction_id(OwnedTransactionId::from(post.key))
                .into_future()
                .await
                .map(|_| ())
                .map_err(|e| classify(&e))
        })
    }

    fn delete<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            let room = self.room(&post.place.id)?;
            let event = OwnedEventId::try_from(post.id.as_str())
                .map_err(|e| DeliveryError::Permanent(format!("bad event id {}: {e}", post.id)))?;
            room.redact(&event, Some("retention period over"), None)
                .await
                .map(|_| ())
                .map_err(|e| classify(&matrix_sdk::Error::from(e)))
        })
    }

    fn open_private<'a>(
        &'a self,
        user: &'a UserRef,
    ) -> BoxFuture<'a, Result<String, DeliveryError>> {
        Box::pin(async move { self.dm_room(&user.id).await })
    }
}

impl MatrixOut {
    async fn post(&self, p: &Post<'_>) -> Result<String, DeliveryError> {
        let room = self.room(p.place)?;
        let thread_root = p.thread.and_then(|t| OwnedEventId::try_from(t).ok());
        let mentioned: Vec<OwnedUserId> = p
            .out
            .msg
            .mentions
            .iter()
            .filter_map(|u| OwnedUserId::try_from(u.id.as_str()).ok())
            .collect();
        // Always set: clients then never treat text like "@room" as a mention.
        let mentions = Mentions::with_user_ids(mentioned);
        let txn: OwnedTransactionId = p.key.into();
        let body = p.prepared.plain.clone();
        let html = html::render(&p.prepared.blocks);
        let event_id = match &p.prepared.chart {
            None => {
                let mut content = RoomMessageEventContent::notice_html(body, html);
                // An answer to someone's message is a real reply to it (in
                // its thread, where it was in one).
                let replied = p
                    .out
                    .msg
                    .reply_to
                    .as_deref()
                    .and_then(|e| OwnedEventId::try_from(e).ok());
                content.relates_to = match (thread_root, replied) {
                    (Some(root), Some(to)) => Some(Relation::Thread(Thread::reply(root, to))),
                    (Some(root), None) => Some(Relation::Thread(Thread::plain(root.clone(), root))),
                    (None, Some(to)) => Some(Relation::Reply(ReplyTo::new(InReplyTo::new(to)))),
                    (None, None) => None,
                };
                content.mentions = Some(mentions);
                room.send(content)
                    .with_transaction_id(txn)
                    .into_future()
                    .await
                    .map_err(|e| classify(&e))?
                    .response
                    .event_id
            }
            Some(chart) => {
                // The caption carries the chart as text for those who cannot see it.
                let caption = TextMessageEventContent::html(
                    format!("{body}\n{}", chart.alt),
                    format!("{html}<p>{}</p>", html::escape(&chart.alt)),
                );
                let info = BaseImageInfo {
                    width: Some(chart.png.width.into()),
                    height: Some(chart.png.height.into()),
                    size: UInt::new(chart.png.bytes.len() as u64),
                    ..BaseImageInfo::default()
                };
                let reply = thread_root.map(|root| Reply {
                    event_id: root,
                    enforce_thread: EnforceThread::Threaded(ReplyWithinThread::No),
                    add_mentions: AddMentions::No,
                });
                let config = AttachmentConfig::new()
                    .txn_id(txn)
                    .info(AttachmentInfo::Image(info))
                    .caption(Some(caption))
                    .mentions(Some(mentions))
                    .reply(reply);
                room.send_attachment(
                    chart.file_name.clone(),
                    &mime::IMAGE_PNG,
                    chart.png.bytes.clone(),
                    config,
                )
                .into_future()
                .await
                .map_err(|e| classify(&e))?
                .event_id
            }
        };
        Ok(event_id.to_string())
    }

    fn room(&self, id: &str) -> Result<Room, DeliveryError> {
        let id: &RoomId = id
            .try_into()
            .map_err(|e| DeliveryError::Permanent(format!("bad room id {id}: {e}")))?;
        self.mx
            .client
            .get_room(id)
            .ok_or_else(|| DeliveryError::Permanent(format!("not in room {id}")))
    }

    /// The person's direct room with the bot: an existing one, or a new one
    /// (marked direct, so clients show it as a DM).
    async fn dm_room(&self, user: &str) -> Result<String, DeliveryError> {
        let uid: &UserId = user
            .try_into()
            .map_err(|e| DeliveryError::Permanent(format!("bad user id {user}: {e}")))?;
        let room = match self.mx.client.get_dm_room(uid) {
            Some(r) => r,
            None => self
                .mx
                .client
                .create_dm(uid)
                .await
                .map_err(|e| classify(&e))?,
        };
        // A message encrypted before the person has joined may be shared with
        // nobody but the bot; give them a moment to accept the invite.
        for _ in 0..120 {
            let joined = room
                .get_member_no_sync(uid)
                .await
                .ok()
                .flatten()
                .is_some_and(|m| *m.membership() == MembershipState::Join);
            if joined {
                break;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        Ok(place(room.room_id()).id)
    }
}

/// How a failed request to the homeserver counts for trying again.
pub(super) fn classify(e: &matrix_sdk::Error) -> DeliveryError {
    use matrix_sdk::ruma::api::error::{ErrorKind, RetryAfter};
    match e.client_api_error_kind() {
        Some(ErrorKind::LimitExceeded(l)) => DeliveryError::RateLimited(
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
        ) => DeliveryError::Permanent(e.to_string()),
        _ => DeliveryError::Passing(e.to_string()),
    }
}
