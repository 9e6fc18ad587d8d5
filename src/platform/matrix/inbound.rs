//! Matrix events in: messages become `Inbound`s (place, sender, whether they
//! coordinate), invites are accepted or declined, undecryptable messages get a
//! notice instead of silence. At start-up, `catch_up` reads back what a crash
//! may have skipped.

use super::{link, Matrix};
use crate::core::ids::{GroupId, Platform, RoundId, UserRef};
use crate::core::msg;
use crate::engine::{Inbound, Place};
use crate::runtime::Handle;
use crate::storage::Store;
use matrix_sdk::deserialized_responses::TimelineEvent;
use matrix_sdk::room::MessagesOptions;
use matrix_sdk::ruma::events::relation::Thread;
use matrix_sdk::ruma::events::room::encrypted::OriginalSyncRoomEncryptedEvent;
use matrix_sdk::ruma::events::room::member::{MembershipState, StrippedRoomMemberEvent};
use matrix_sdk::ruma::events::room::message::{
    MessageType, OriginalSyncRoomMessageEvent, Relation, RoomMessageEventContent,
};
use matrix_sdk::ruma::events::room::power_levels::UserPowerLevel;
use matrix_sdk::ruma::events::{
    AnySyncMessageLikeEvent, AnySyncTimelineEvent, SyncMessageLikeEvent,
};
use matrix_sdk::ruma::{OwnedEventId, UInt};
use matrix_sdk::{Client, Room, RoomState};
use std::sync::Arc;
use std::time::Duration;

pub fn register<S: Store + Clone + 'static>(mx: Arc<Matrix<S>>, handle: Handle) {
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
                    h.offer(inbound);
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
/// (the bot's own, other bots' notices, edits).
async fn to_inbound<S: Store>(
    mx: &Matrix<S>,
    room: &Room,
    ev: &OriginalSyncRoomMessageEvent,
) -> Option<Inbound> {
    let own = mx.client.user_id()?;
    if ev.sender == own || room.state() != RoomState::Joined {
        return None;
    }
    let text = match &ev.content.msgtype {
        MessageType::Text(t) => t.body.clone(),
        MessageType::Emote(t) => t.body.clone(),
        // Notices are what bots send; answering them could make bots talk in circles.
        _ => return None,
    };
    let room_id = room.room_id().to_string();
    // History from before the bot joined may come with the join; never act on it.
    if let Ok(Some(at)) = mx.store.link(&link::joined_at(&room_id)) {
        if i64::from(ev.origin_server_ts.0) < at.parse::<i64>().unwrap_or(0) {
            return None;
        }
    }
    let private = mx
        .store
        .link(&link::dm_user(&room_id))
        .ok()
        .flatten()
        .is_some()
        || room.is_direct().await.unwrap_or(false);
    let mut text = strip_reply_fallback(&text);
    let place = match &ev.content.relates_to {
        Some(Relation::Replacement(_)) => return None,
        Some(Relation::Thread(Thread { event_id, .. })) if !private => {
            match root_round(mx, event_id) {
                Some(r) => Place::Thread(r),
                None => Place::Group,
            }
        }
        Some(Relation::Reply(reply)) if private => {
            // A reply to one of the bot's private messages names its round.
            if let Some(r) = event_round(mx, &reply.in_reply_to.event_id) {
                if !text.trim_start().starts_with('#') {
                    text = format!("{r} {text}");
                }
            }
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
    let coordinator = !private
        && (mx
            .config
            .coordinators
            .iter()
            .any(|c| c == ev.sender.as_str())
            || member.as_ref().is_some_and(|m| match m.power_level() {
                UserPowerLevel::Infinite => true,
                UserPowerLevel::Int(n) => i64::from(n) >= mx.config.coordinator_power_level,
                _ => false,
            }));
    Some(Inbound {
        group: (!private).then(|| GroupId::new(Platform::Matrix, room_id)),
        sender: UserRef::new(Platform::Matrix, ev.sender.as_str()),
        sender_name: name,
        coordinator,
        place,
        text,
        event: Some(ev.event_id.to_string()),
    })
}

fn root_round<S: Store>(mx: &Matrix<S>, event: &OwnedEventId) -> Option<RoundId> {
    let v = mx
        .store
        .link(&link::root_round(event.as_str()))
        .ok()
        .flatten()?;
    v.parse().ok().map(RoundId)
}

fn event_round<S: Store>(mx: &Matrix<S>, event: &OwnedEventId) -> Option<RoundId> {
    let v = mx
        .store
        .link(&link::event_round(event.as_str()))
        .ok()
        .flatten()?;
    v.parse().ok().map(RoundId)
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
async fn invited<S: Store>(
    mx: &Matrix<S>,
    ev: StrippedRoomMemberEvent,
    room: Room,
    client: Client,
) {
    let Some(own) = client.user_id() else { return };
    if ev.state_key != own || ev.content.membership != MembershipState::Invite {
        return;
    }
    answer_invite(mx, room, ev.sender.as_str());
}

/// Invites that arrived while the bot was starting or down get their answer too.
pub async fn pending_invites<S: Store>(mx: &Matrix<S>) {
    for room in mx.client.invited_rooms() {
        match room.invite_details().await {
            Ok(invite) => answer_invite(mx, room, invite.inviter_id.as_str()),
            Err(e) => tracing::warn!(room = %room.room_id(), "reading an invite failed: {e}"),
        }
    }
}

fn answer_invite<S: Store>(mx: &Matrix<S>, room: Room, inviter: &str) {
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
async fn undecryptable<S: Store>(mx: &Matrix<S>, ev: OriginalSyncRoomEncryptedEvent, room: Room) {
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

/// Reads back, in every room an open round lives in and every DM of its
/// participants, the messages a crash may have skipped: from the newest back
/// to the last one already handled (the inbox says which), oldest first.
pub async fn catch_up<S: Store>(mx: &Matrix<S>, handle: &Handle) {
    let Ok(rounds) = mx.store.open_rounds() else {
        return;
    };
    let mut rooms: Vec<(String, chrono::DateTime<chrono::Utc>)> = Vec::new();
    let mut add = |room: String, since: chrono::DateTime<chrono::Utc>| match rooms
        .iter_mut()
        .find(|(r, _)| *r == room)
    {
        Some((_, s)) => *s = (*s).min(since),
        None => rooms.push((room, since)),
    };
    for r in rounds
        .iter()
        .filter(|r| r.group.platform == Platform::Matrix)
    {
        add(r.group.id.clone(), r.opened);
        for p in &r.participants {
            if let Ok(Some(dm)) = mx.store.link(&link::dm_room(&p.user.id)) {
                add(dm, r.opened);
            }
        }
    }
    for (room_id, since) in rooms {
        let Some(room) = room_id
            .as_str()
            .try_into()
            .ok()
            .and_then(|id: &matrix_sdk::ruma::RoomId| mx.client.get_room(id))
        else {
            continue;
        };
        let missed = missed_events(mx, &room, since).await;
        if !missed.is_empty() {
            tracing::info!(room = %room_id, count = missed.len(), "catching up on messages");
        }
        for ev in missed {
            if let Some(inbound) = to_inbound(mx, &room, &ev).await {
                handle.submit(inbound).await;
            }
        }
    }
}

async fn missed_events<S: Store>(
    mx: &Matrix<S>,
    room: &Room,
    since: chrono::DateTime<chrono::Utc>,
) -> Vec<OriginalSyncRoomMessageEvent> {
    let mut out = Vec::new();
    let mut from: Option<String> = None;
    'pages: for _ in 0..20 {
        let mut opts = MessagesOptions::backward().from(from.as_deref());
        opts.limit = UInt::from(50u32);
        let Ok(page) = room.messages(opts).await else {
            break;
        };
        for ev in &page.chunk {
            let Some(m) = message_event(ev) else { continue };
            let at = chrono::DateTime::from_timestamp_millis(i64::from(m.origin_server_ts.0))
                .unwrap_or_default();
            if at < since || mx.store.inbox_has(m.event_id.as_str()).unwrap_or(false) {
                break 'pages;
            }
            out.push(m);
        }
        match page.end {
            Some(end) if !page.chunk.is_empty() => from = Some(end),
            _ => break,
        }
    }
    out.reverse();
    out
}

fn message_event(ev: &TimelineEvent) -> Option<OriginalSyncRoomMessageEvent> {
    match ev.raw().deserialize().ok()? {
        AnySyncTimelineEvent::MessageLike(AnySyncMessageLikeEvent::RoomMessage(
            SyncMessageLikeEvent::Original(m),
        )) => Some(m),
        _ => None,
    }
}
