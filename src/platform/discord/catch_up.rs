//! Catch-up after connecting with a new session: Discord replays missed
//! events only on RESUME, so what people wrote while the bot was down is
//! read back from each open round's channel, thread and participants' DMs
//! (the plan and the walk are `edge::catch_up`'s) and handed in oldest
//! first, each waiting for its commit.
//!
//! Messages read back carry no member roles, so a text command read back
//! counts its writer's configured role as not held; slash commands are
//! interactions, which are not replayed at all (Discord expires them).

use super::error::classify;
use super::inbound::Handler;
use super::Discord;
use crate::core::ids::Platform;
use crate::edge::catch_up::{self, History, Page};
use crate::edge::{DeliveryError, PlaceId};
use serenity::all::{ChannelId, Context, GetMessages, GuildId, Message, MessageId};

impl History for Discord {
    type Item = Message;

    fn page<'a>(
        &'a self,
        place: &'a PlaceId,
        from: Option<&'a str>,
    ) -> crate::edge::deliver::BoxFuture<'a, Result<Page<Message>, DeliveryError>> {
        Box::pin(async move {
            let channel = place
                .id
                .parse::<u64>()
                .ok()
                .filter(|n| *n != 0)
                .map(ChannelId::new)
                .ok_or_else(|| DeliveryError::Permanent(format!("bad channel id {}", place.id)))?;
            let mut ask = GetMessages::new().limit(100);
            if let Some(before) = from.and_then(|f| f.parse::<u64>().ok()).filter(|n| *n != 0) {
                ask = ask.before(MessageId::new(before));
            }
            let items = channel
                .messages(&self.http, ask)
                .await
                .map_err(|e| classify(&e))?;
            let next = items.last().map(|m| m.id.to_string());
            Ok(Page { items, next })
        })
    }

    /// People's messages; the bot's own are passed over.
    fn event(&self, m: &Message) -> Option<(String, chrono::DateTime<chrono::Utc>)> {
        (!m.author.bot).then(|| (m.id.to_string(), *m.timestamp))
    }
}

/// Reads back and hands in what was missed.
pub async fn catch_up(h: &Handler, ctx: &Context) -> Result<(), DeliveryError> {
    let routes = h.dc.routes.as_ref();
    let read = |e: crate::edge::routes::ReadError| DeliveryError::Routes(e.to_string());
    let mut spots = catch_up::plan(routes, Platform::Discord, true).map_err(read)?;
    // A DM channel whose record a crash lost (receipts reach the disk a
    // moment later) is asked for again: Discord hands back the same one.
    let mut opened = Vec::new();
    for r in routes.open_rounds().map_err(read)? {
        for p in r
            .participants
            .iter()
            .filter(|p| p.user.platform == Platform::Discord)
        {
            if routes.private_place(&p.user).map_err(read)?.is_some() {
                continue;
            }
            let Some(uid) = p.user.id.parse::<u64>().ok().filter(|n| *n != 0) else {
                continue;
            };
            let dm = serenity::all::UserId::new(uid)
                .create_dm_channel(&h.dc.http)
                .await
                .map_err(|e| classify(&e))?;
            let place = PlaceId::new(Platform::Discord, dm.id.to_string());
            opened.push(place.clone());
            spots.push(catch_up::Spot {
                place,
                since: r.opened,
            });
        }
    }
    tracing::debug!(places = spots.len(), "catching up");
    for spot in spots {
        let private = opened.contains(&spot.place)
            || routes
                .person_of(Platform::Discord, &spot.place.id)
                .map_err(read)?
                .is_some();
        let missed = catch_up::missed(h.dc.as_ref(), routes, &spot).await?;
        tracing::debug!(channel = %spot.place.id, missed = missed.len(), "read back");
        if !missed.is_empty() {
            tracing::info!(channel = %spot.place.id, count = missed.len(), "catching up on messages");
        }
        for mut m in missed {
            // Messages fetched over REST do not say which guild they are in.
            if !private {
                m.guild_id = guild_of(ctx, m.channel_id)
                    .or_else(|| h.dc.config.guilds.first().map(|g| GuildId::new(*g)));
            }
            let Some(inbound) = h.inbound_of(ctx, &m) else {
                continue;
            };
            if !h.handle.submit(inbound).await {
                return Err(DeliveryError::Permanent("the engine stopped".into()));
            }
        }
    }
    Ok(())
}

/// The guild a channel or thread is in, from the cache.
fn guild_of(ctx: &Context, channel: ChannelId) -> Option<GuildId> {
    ctx.cache.guilds().into_iter().find(|g| {
        ctx.cache.guild(*g).is_some_and(|g| {
            g.channels.contains_key(&channel) || g.threads.iter().any(|t| t.id == channel)
        })
    })
}
