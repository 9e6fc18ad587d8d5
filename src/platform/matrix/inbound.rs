//! Matrix events in: messages become `Inbound`s (place, sender, whether they
//! coordinate), invites are accepted or declined, undecryptable messages get a
//! notice instead of silence. At start-up, `catch_up` reads back what a crash
//! may have skipped (the walk itself is `edge::catch_up`'s; this only reads
//! one page of a room's history at a time).

use super::error::{Doing, MatrixError};
use super::Matrix;
use crate::core::ids::{GroupId, Platform, UserRef};
use crate::core::msg;
use crate::edge::catch_up::{self, History, Page};
use crate::edge::{BoxFuture, DeliveryError, PlaceId};
use crate::engine::{Inbound, Place};
use crate::runtime::Handle;
use matrix_sdk::deserialized_responses::TimelineEvent;
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::events::relation::Thread;
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation, RoomMessageEventContent,
};
use matrix_sdk::ruma::events::room::power_levels::UserPowerLevel;
use matrix_sdk::ruma::events::SyncStateEvent;
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncTimelineEvent, SyncMessageLikeEvent,
};
use matrix_sdk::ruma::{MilliSecondsSinceUnixEpoch, OwnedEventId, UInt, UserId};
use matrix_sdk::{Client, Room, RoomState};
use std::sync::Arc;
use std::time::Duration;

pub fn register(mx: Arc<Matrix>, handle: Handle) {
    let m = mx.clone();
    let h = handle.clone();
    mx.client
        .add_event_handler(move |ev: OriginalSyncRoomMessageEvent, room: Room| {
            let (m, h) = (m.clone(), h.clone());
            async move {
                // The SDK runs handlers one after another and holds the next
                // sync until they end: waiting here for the commit would make
                // every later message wait for this one's disk flush. Offered
                // messages are handled in order, and the event id is recorded
                // in the same commit, so one lost to a crash before that commit
                // is found again by the catch-up at start.
                if let Some(inbound) = to_inbound(&m, &room, &ev).await {
                    if h.offer(inbound).is_none() {
                        tracing::warn!(event = %ev.event_id, "the engine is stopping: not handled now, caught up at the next start");
                    }
                }
            }
        });
    let m = mx.clone();
    mx.client.add_event_handler(
        move |ev: StrippedRoomMemberEvent, room: Room, client: Client| {
            let m = m.clone();
            async move { invited(&m, ev, room, client).await }
        },
    );
    let m = mx.clone();
    mx.client
        .add_event_handler(move |ev: OriginalSyncRoomEncryptedEvent, room: Room| {
            let m = m.clone();
            async move { undecryptable(&m, ev, room).await }
        });
}

/// A message event as the engine sees it, or None for events to leave alone
/// (the bot's own, other bots' notices, history from before the bot joined).
async fn to_inbound(
    mx: &Matrix,
    room: &Room,
    ev: &OriginalSyncRoomMessageEvent,
) -> Option<Inbound> {
    let own = mx.client.user_id()?;
    if ev.sender == own || room.state() != RoomState::Joined {
        return None;
    }
    // History from before the bot joined is not for it: a `start` or `help`
    // written before anyone invited it is left alone.
    if joined_at(room, own)
        .await
        .is_some_and(|joined| ev.origin_server_ts < joined)
    {
        tracing::debug!(event = %ev.event_id, "written before the bot joined: left alone");
        return None;
    }
    // An edit carries its new text in `m.new_content` and names the message
    // it changes; the engine decides whether it corrects an answer.
    let (msgtype, edits) = match &ev.content.relates_to {
        Some(Relation::Replacement(r)) => (&r.new_content.msgtype, Some(r.event_id.to_string())),
        _ => (&ev.content.msgtype, None),
    };
    let text = match msgtype {
        MessageType::Text(t) => t.body.clone(),
        MessageType::Emote(t) => t.body.clone(),
        // Notices are what bots send; answering them could make bots talk in circles.
        _ => return None,
    };
    let room_id = room.room_id().to_string();
    let recorded = match mx.routes.person_of(Platform::Matrix, &room_id) {
        Ok(p) => p.is_some(),
        Err(e) => {
            tracing::error!(room = %room_id, "reading whose private room this is failed: {e}");
            false
        }
    };
    let private = recorded
        || match room.is_direct().await {
            Ok(direct) => direct,
            Err(e) => {
                tracing::warn!(room = %room_id, "reading whether a room is direct failed: {e}");
                false
            }
        };
    let text = strip_reply_fallback(&text);
    let mut reply_to = None;
    let place = match &ev.content.relates_to {
        Some(Relation::Replacement(_)) if private => Place::Private,
        Some(Relation::Replacement(_)) => Place::Group,
        Some(Relation::Thread(Thread { event_id, .. })) if !private => {
            thread_place(mx, room, own, event_id).await
        }
        Some(Relation::Reply(reply)) if private => {
            // A reply to one of the bot's private messages names its round.
            reply_to = Some(reply.in_reply_to.event_id.to_string());
            Place::Private
        }
        _ if private => Place::Private,
        _ => Place::Group,
    };
    let member = room.get_member(&ev.sender).await.ok().flatten();
    let name = member
        .as_ref()
        .and_then(|m| m.display_name().map(str::to_string))
        .unwrap_or_else(|| ev.sender.localpart().to_string());
    // The platform's own signal; the operator's list is the engine's.
    let coordinator = !private
        && member.as_ref().is_some_and(|m| match m.power_level() {
            UserPowerLevel::Infinite => true,
            UserPowerLevel::Int(n) => i64::from(n) >= mx.config.coordinator_power_level,
            _ => false,
        });
    Some(Inbound {
        group: (!private).then(|| GroupId::new(Platform::Matrix, room_id)),
        sender: UserRef::new(Platform::Matrix, ev.sender.as_str()),
        sender_name: name,
        coordinator,
        place,
        text,
        event: Some(ev.event_id.to_string()),
        reply_to,
        locale: None,
        replyable: edits.is_none(),
        edits,
    })
}

/// When the bot joined `room`, by its own join event (the server's clock, not
/// ours). None when its latest membership event is not the join itself (a
/// later profile change): then nothing is held back.
async fn joined_at(room: &Room, own: &UserId) -> Option<MilliSecondsSinceUnixEpoch> {
    let member = match room.get_member_no_sync(own).await {
        Ok(m) => m?,
        Err(e) => {
            tracing::warn!(room = %room.room_id(), "reading the bot's membership failed: {e}");
            return None;
        }
    };
    let SyncStateEvent::Original(ev) = member.event().as_sync()? else {
        return None;
    };
    let was_joined = ev
        .unsigned
        .prev_content
        .as_ref()
        .is_some_and(|p| p.membership == MembershipState::Join);
    (ev.content.membership == MembershipState::Join && !was_joined).then_some(ev.origin_server_ts)
}

/// A thread reply: the round whose root it hangs under; a thread under one
/// of the bot's messages that no record names goes to the engine to place
/// (it answers rather than ignore it); anyone else's thread is the room's.
async fn thread_place(
    mx: &Matrix,
    room: &Room,
    own: &matrix_sdk::ruma::UserId,
    root: &OwnedEventId,
) -> Place {
    match mx.routes.round_of_root(Platform::Matrix, root.as_str()) {
        Ok(Some(r)) => return Place::Thread(r),
        Ok(None) => {}
        Err(e) => {
            tracing::error!(%root, "reading which round a thread belongs to failed: {e}");
            return Place::ThreadOf(root.to_string());
        }
    }
    match room.load_or_fetch_event(root, None).await {
        Ok(ev) => match ev.raw().get_field::<String>("sender") {
            Ok(Some(sender)) if sender == own.as_str() => Place::ThreadOf(root.to_string()),
            Ok(_) => Place::Group,
            Err(e) => {
                tracing::warn!(%root, "reading a thread root's sender failed: {e}");
                Place::ThreadOf(root.to_string())
            }
        },
        Err(e) => {
            tracing::warn!(%root, "fetching a thread root failed: {e}");
            Place::ThreadOf(root.to_string())
        }
    }
}

/// Drops the `> <@user> …` lines older clients put before a reply.
fn strip_reply_fallback(text: &str) -> String {
    let mut lines = text.lines().peekable();
    if lines.peek().is_some_and(|l| l.starts_with("> <")) {
        let rest: Vec<&str> = lines.skip_while(|l| l.starts_with('>')).collect();
        return rest.join("\n").trim().to_string();
    }
    text.to_string()
}

/// Accepts invites from allowed inviters, declines the rest.
async fn invited(mx: &Matrix, ev: StrippedRoomMemberEvent, room: Room, client: Client) {
    let Some(own) = client.user_id() else { return };
    if ev.state_key != own || ev.content.membership != MembershipState::Invite {
        return;
    }
    answer_invite(mx, room, ev.sender.as_str());
}

/// Invites that arrived while the bot was starting or down get their answer too.
pub async fn pending_invites(mx: &Matrix) {
    for room in mx.client.invited_rooms() {
        match room.invite_details().await {
            Ok(invite) => answer_invite(mx, room, invite.inviter_id.as_str()),
            Err(e) => tracing::warn!(room = %room.room_id(), "reading an invite failed: {e}"),
        }
    }
}

fn answer_invite(mx: &Matrix, room: Room, inviter: &str) {
    let allowed = mx.config.may_invite(inviter);
    tracing::info!(room = %room.room_id(), inviter, allowed, "invited");
    tokio::spawn(async move {
        let mut delay = Duration::from_millis(250);
        for _ in 0..8 {
            let r = if allowed {
                room.join().await
            } else {
                room.leave().await
            };
            match r {
                Ok(()) => return,
                Err(e) => {
                    tracing::warn!(room = %room.room_id(), "answering an invite failed: {e}");
                    tokio::time::sleep(delay).await;
                    delay *= 2;
                }
            }
        }
    });
}

/// A message the bot cannot decrypt gets a notice rather than silence.
async fn undecryptable(mx: &Matrix, ev: OriginalSyncRoomEncryptedEvent, room: Room) {
    let Some(own) = mx.client.user_id() else {
        return;
    };
    if ev.sender == own {
        return;
    }
    let name = match room.get_member(&ev.sender).await.ok().flatten() {
        Some(m) => m
            .display_name()
            .map(str::to_string)
            .unwrap_or_else(|| ev.sender.localpart().to_string()),
        None => ev.sender.localpart().to_string(),
    };
    let lang = crate::core::ids::Locale::Nl;
    let line = msg::MX_UNDECRYPTABLE.msg().text("name", name);
    let text = mx
        .catalog
        .strings
        .render_ref(&line, lang, chrono_tz::UTC, &mut Vec::new());
    let en = mx.catalog.strings.render_ref(
        &line,
        crate::core::ids::Locale::En,
        chrono_tz::UTC,
        &mut Vec::new(),
    );
    let body = format!("{text}\n{en}");
    let html = format!("{}<br>{}", super::inline(&text), super::inline(&en));
    let content = RoomMessageEventContent::notice_html(body, html);
    if let Err(e) = room.send(content).await {
        tracing::warn!("could not tell about an undecryptable message: {e}");
    }
}

/// Reads back what a crash may have skipped in every place an open round
/// lives in (the plan and the walk are `edge::catch_up`'s), handing each
/// missed message in, oldest first, and waiting for its commit.
pub async fn catch_up(mx: &Matrix, handle: &Handle) -> Result<(), MatrixError> {
    let spots = catch_up::plan(mx.routes.as_ref(), Platform::Matrix, false)
        .doing("planning the catch-up")?;
    for spot in spots {
        let Some(room) = room_of(mx, &spot.place) else {
            tracing::warn!(room = %spot.place.id, "not in a room an open round lives in");
            continue;
        };
        let missed = catch_up::missed(mx, mx.routes.as_ref(), &spot)
            .await
            .doing(format!("catching up in {}", spot.place.id))?;
        if !missed.is_empty() {
            tracing::info!(room = %spot.place.id, count = missed.len(), "catching up on messages");
        }
        for ev in missed.into_iter().flatten() {
            if let Some(inbound) = to_inbound(mx, &room, &ev).await {
                if !handle.submit(inbound).await {
                    return Err("the engine stopped").doing("catching up");
                }
            }
        }
    }
    Ok(())
}

fn room_of(mx: &Matrix, place: &PlaceId) -> Option<Room> {
    let id: &matrix_sdk::ruma::RoomId = place.id.as_str().try_into().ok()?;
    mx.client.get_room(id)
}

impl History for Matrix {
    /// A message event, or None for other events (passed over).
    type Item = Option<OriginalSyncRoomMessageEvent>;

    fn page<'a>(
        &'a self,
        place: &'a PlaceId,
        from: Option<&'a str>,
    ) -> BoxFuture<'a, Result<Page<Self::Item>, DeliveryError>> {
        Box::pin(async move {
            let room = room_of(self, place)
                .ok_or_else(|| DeliveryError::Permanent(format!("not in room {}", place.id)))?;
            let mut opts = MessagesOptions::backward().from(from);
            opts.limit = UInt::from(50u32);
            let page = room
                .messages(opts)
                .await
                .map_err(|e| super::outbound::classify(&e))?;
            let next = page.end.filter(|_| !page.chunk.is_empty());
            Ok(Page {
                items: page.chunk.iter().map(message_event).collect(),
                next,
            })
        })
    }

    fn event(&self, item: &Self::Item) -> Option<(String, chrono::DateTime<chrono::Utc>)> {
        let m = item.as_ref()?;
        let at = chrono::DateTime::from_timestamp_millis(i64::from(m.origin_server_ts.0))
            .unwrap_or_default();
        Some((m.event_id.to_string(), at))
    }
}

fn message_event(ev: &TimelineEvent) -> Option<OriginalSyncRoomMessageEvent> {
    match ev.raw().deserialize().ok()? {
        AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(
            SyncMessageLikeEvent::Original(m),
        )) => Some(m),
        _ => None,
    }
}
