//! Messages out to Discord: markdown, cut into parts of 2,000 characters,
//! each with a `nonce` from the driver's key and `enforce_nonce` (a resend
//! after a crash returns the message already posted), `allowed_mentions`
//! naming only the people who must act; the chart as an attached PNG with
//! its text; a round's root message gets the round's thread; deletions; DMs.

use super::error::{classify, code, THREAD_EXISTS};
use super::{markdown, Discord};
use crate::core::effect::Destination;
use crate::core::ids::{Platform, UserRef};
use crate::edge::deliver::{BoxFuture, Deliver, DeliveryError, Post};
use crate::edge::PostRef;
use serenity::all::{
    AutoArchiveDuration, ChannelId, CreateAllowedMentions, CreateAttachment, CreateMessage,
    CreateThread, MessageId, Nonce, UserId,
};
use std::sync::Arc;

/// The Discord side of delivery.
pub struct DiscordOut {
    pub dc: Arc<Discord>,
}

fn id(what: &str, s: &str) -> Result<u64, DeliveryError> {
    s.parse::<u64>()
        .ok()
        .filter(|n| *n != 0)
        .ok_or_else(|| DeliveryError::Permanent(format!("bad {what} id {s}")))
}

impl Deliver for DiscordOut {
    fn platform(&self) -> Platform {
        Platform::Discord
    }

    fn send<'a>(&'a self, post: &'a Post<'a>) -> BoxFuture<'a, Result<Vec<String>, DeliveryError>> {
        Box::pin(self.post(post))
    }

    fn delete<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            let channel = ChannelId::new(id("channel", &post.place.id)?);
            let message = MessageId::new(id("message", &post.id)?);
            channel
                .delete_message(&self.dc.http, message)
                .await
                .map_err(|e| classify(&e))
        })
    }

    fn open_private<'a>(
        &'a self,
        user: &'a UserRef,
    ) -> BoxFuture<'a, Result<String, DeliveryError>> {
        Box::pin(async move {
            let uid = UserId::new(id("user", &user.id)?);
            uid.create_dm_channel(&self.dc.http)
                .await
                .map(|c| c.id.to_string())
                .map_err(|e| classify(&e))
        })
    }
}

impl DiscordOut {
    async fn post(&self, p: &Post<'_>) -> Result<Vec<String>, DeliveryError> {
        // A round's thread is the thread started on its root message.
        let channel = ChannelId::new(id("channel", p.thread.unwrap_or(p.place))?);
        let mut text = markdown::render(&p.prepared.blocks);
        if let Some(chart) = &p.prepared.chart {
            text.push('\n');
            text.push_str(&markdown::inline(&chart.alt));
        }
        let people: Vec<UserId> = p
            .out
            .msg
            .mentions
            .iter()
            .filter(|u| u.platform == Platform::Discord)
            .filter_map(|u| u.id.parse().ok().filter(|n| *n != 0).map(UserId::new))
            .collect();
        if !people.is_empty() {
            let names: Vec<String> = people.iter().map(|u| format!("<@{u}>")).collect();
            text.push('\n');
            text.push_str(&names.join(" "));
        }
        let parts = markdown::split(&text);
        let last = parts.len() - 1;
        let mut ids = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            // Only the people who must act may be pinged: never everyone, a
            // role, or whoever a quoted answer names.
            let mentions = CreateAllowedMentions::new()
                .empty_roles()
                .everyone(false)
                .users(people.clone());
            let nonce = if i == 0 {
                p.key.to_string()
            } else {
                format!("{}.{i}", p.key)
            };
            let mut m = CreateMessage::new()
                .content(part)
                .nonce(Nonce::String(nonce))
                .enforce_nonce(true)
                .allowed_mentions(mentions);
            if i == last {
                if let Some(chart) = &p.prepared.chart {
                    m = m.add_file(CreateAttachment::bytes(
                        chart.png.bytes.clone(),
                        chart.file_name.clone(),
                    ));
                }
            }
            let sent = channel
                .send_message(&self.dc.http, m)
                .await
                .map_err(|e| classify(&e))?;
            ids.push(sent.id.to_string());
            if i == 0 && matches!(p.out.to, Destination::Root(..)) {
                self.thread(channel, sent.id, &p.prepared.plain).await?;
            }
        }
        Ok(ids)
    }

    /// Starts the round's thread on its root message (once: a resend finds
    /// it there already).
    async fn thread(
        &self,
        channel: ChannelId,
        root: MessageId,
        text: &str,
    ) -> Result<(), DeliveryError> {
        let name: String = text
            .lines()
            .next()
            .unwrap_or("brug")
            .chars()
            .take(100)
            .collect();
        let t = CreateThread::new(name).auto_archive_duration(AutoArchiveDuration::OneWeek);
        match channel
            .create_thread_from_message(&self.dc.http, root, t)
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if code(&e) == Some(THREAD_EXISTS) => Ok(()),
            Err(e) => Err(classify(&e)),
        }
    }
}
