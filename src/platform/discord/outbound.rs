//! Messages out to Discord: markdown, cut into parts of 2,000 characters,
//! each with a `nonce` from the driver's key and `enforce_nonce` (a resend
//! after a crash returns the message already posted), `allowed_mentions`
//! naming only the people who must act; the chart as an attached PNG with
//! its text; the message's actions as buttons; a round's root message gets
//! the round's thread; deletions; DMs, or for someone who takes none,
//! replies only they see to their latest interaction.

use super::error::THREAD_EXISTS;
use super::{forms, markdown, Discord};
use crate::core::effect::Destination;
use crate::core::ids::{Platform, UserRef};
use crate::edge::deliver::{BoxFuture, Deliver, DeliveryError, Post};
use crate::edge::PostRef;
use serenity::all::{
    AutoArchiveDuration, ChannelId, CreateAllowedMentions, CreateAttachment,
    CreateInteractionResponseFollowup, CreateMessage, CreateThread, LightMethod, Message,
    MessageId, MessageReference, Multipart, MultipartUpload, Nonce, PrivateChannel, Request, Route,
    UserId,
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

    fn thread_is_a_place(&self) -> bool {
        true
    }

    fn send<'a>(&'a self, post: &'a Post<'a>) -> BoxFuture<'a, Result<Vec<String>, DeliveryError>> {
        Box::pin(self.post(post))
    }

    fn can_edit(&self) -> bool {
        true
    }

    /// An edit is a message edit (PATCH): the new text in place, marked
    /// "(edited)" by the client; it mentions nobody.
    fn edit<'a>(
        &'a self,
        earlier: &'a PostRef,
        post: &'a Post<'a>,
    ) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            let text =
                markdown::slash_commands(&markdown::render(&post.prepared.blocks), &self.dc.prefix);
            // An edited state stays short; should it not, its first part.
            let content = markdown::split(&text)
                .into_iter()
                .next()
                .unwrap_or_default();
            let body = json(&serde_json::json!({
                "content": content,
                "allowed_mentions": { "parse": [] },
            }))?;
            let route = Route::ChannelMessage {
                channel_id: ChannelId::new(id("channel", &earlier.place.id)?),
                message_id: MessageId::new(id("message", &earlier.id)?),
            };
            let _edited: Message = self
                .dc
                .fire(Request::new(route, LightMethod::Patch).body(Some(body)))
                .await?;
            Ok(())
        })
    }

    fn delete<'a>(&'a self, post: &'a PostRef) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            let channel_id = ChannelId::new(id("channel", &post.place.id)?);
            let message_id = MessageId::new(id("message", &post.id)?);
            let route = Route::ChannelMessage {
                channel_id,
                message_id,
            };
            Ok(self
                .dc
                .wind(Request::new(route, LightMethod::Delete))
                .await?)
        })
    }

    fn open_private<'a>(
        &'a self,
        user: &'a UserRef,
    ) -> BoxFuture<'a, Result<String, DeliveryError>> {
        Box::pin(async move {
            let uid = UserId::new(id("user", &user.id)?);
            let body = json(&serde_json::json!({ "recipient_id": uid }))?;
            let dm: PrivateChannel = self
                .dc
                .fire(Request::new(Route::UserMeDmChannels, LightMethod::Post).body(Some(body)))
                .await?;
            Ok(dm.id.to_string())
        })
    }
}

impl DiscordOut {
    async fn post(&self, p: &Post<'_>) -> Result<Vec<String>, DeliveryError> {
        let mut text =
            markdown::slash_commands(&markdown::render(&p.prepared.blocks), &self.dc.prefix);
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
        let Destination::Private(user) = &p.out.to else {
            return self.in_channel(p, parts, people).await;
        };
        // Someone who takes no DMs reads them as replies only they see, while
        // their last interaction with brug can still be answered.
        let uid = id("user", &user.id)?;
        if !self.dc.takes_dms(uid) {
            return self.ephemeral(p, uid, parts).await;
        }
        match self.in_channel(p, parts.clone(), people).await {
            Err(DeliveryError::PrivateClosed(why)) => {
                tracing::info!(user = %user.id, "takes no DMs: {why}");
                self.dc.no_dms(uid);
                self.ephemeral(p, uid, parts).await
            }
            r => r,
        }
    }

    /// Posts in a channel, thread or DM: each part with its nonce; the
    /// buttons and the chart with the last.
    async fn in_channel(
        &self,
        p: &Post<'_>,
        parts: Vec<String>,
        people: Vec<UserId>,
    ) -> Result<Vec<String>, DeliveryError> {
        // A round's thread is the thread started on its root message.
        let channel = ChannelId::new(id("channel", p.thread.unwrap_or(p.place))?);
        let last = parts.len() - 1;
        let mut ids = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            let nonce = if i == 0 {
                p.key.to_string()
            } else {
                format!("{}.{i}", p.key)
            };
            let mut m = CreateMessage::new()
                .content(part)
                .nonce(Nonce::String(nonce))
                .enforce_nonce(true)
                .allowed_mentions(mentions(&people));
            if let (0, Some(to)) = (i, p.out.msg.reply_to.as_deref()) {
                // An answer to someone's message replies to it; should it be
                // gone meanwhile, the answer is posted all the same.
                let to = MessageId::new(id("message", to)?);
                m = m.reference_message(
                    MessageReference::from((channel, to)).fail_if_not_exists(false),
                );
            }
            let mut files = Vec::new();
            if i == last {
                let rows = forms::buttons(&self.dc.catalog, &p.out.msg.actions, p.out.locale);
                if !rows.is_empty() {
                    m = m.components(rows);
                }
                if let Some(file) = chart(p) {
                    // Listed in the JSON, its bytes in the form.
                    m = m.add_file(file.clone());
                    files.push(file);
                }
            }
            let route = Route::ChannelMessages {
                channel_id: channel,
            };
            let sent: Message = self.dc.fire(with_files(route, &m, files)?).await?;
            ids.push(sent.id.to_string());
            if i == 0 && matches!(p.out.to, Destination::Root(..)) {
                self.thread(channel, sent.id, &p.prepared.plain).await?;
            }
        }
        Ok(ids)
    }

    /// Private parts as follow-ups to the person's latest interaction that
    /// only they see. Without an interaction to answer, the message is
    /// theirs to fetch later (`PrivateClosed`: the engine keeps it).
    async fn ephemeral(
        &self,
        p: &Post<'_>,
        user: u64,
        parts: Vec<String>,
    ) -> Result<Vec<String>, DeliveryError> {
        let Some(token) = self.dc.answerable(user) else {
            return Err(DeliveryError::PrivateClosed(format!(
                "user {user}, with no interaction to answer"
            )));
        };
        let last = parts.len() - 1;
        let mut ids = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            let mut b = CreateInteractionResponseFollowup::new()
                .content(part)
                .ephemeral(true)
                .allowed_mentions(mentions(&[]));
            let mut files = Vec::new();
            if i == last {
                let rows = forms::buttons(&self.dc.catalog, &p.out.msg.actions, p.out.locale);
                if !rows.is_empty() {
                    b = b.components(rows);
                }
                if let Some(file) = chart(p) {
                    b = b.add_file(file.clone());
                    files.push(file);
                }
            }
            let route = Route::WebhookFollowupMessages {
                application_id: self.dc.http.application_id().ok_or_else(|| {
                    DeliveryError::Permanent("no application id configured".into())
                })?,
                token: &token,
            };
            let sent: Message = self
                .dc
                .fire(with_files(route, &b, files)?)
                .await
                // An interaction that can no longer be answered: kept.
                .map_err(|e| match e.error {
                    DeliveryError::Permanent(why) => DeliveryError::PrivateClosed(why),
                    other => other,
                })?;
            ids.push(sent.id.to_string());
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
        let route = Route::ChannelMessageThreads {
            channel_id: channel,
            message_id: root,
        };
        let req = Request::new(route, LightMethod::Post).body(Some(json(&t)?));
        match self.dc.wind(req).await {
            Ok(()) => Ok(()),
            Err(e) if e.code == Some(THREAD_EXISTS as i64) => Ok(()),
            Err(e) => Err(e.error),
        }
    }
}

fn json(body: &impl serde::Serialize) -> Result<Vec<u8>, DeliveryError> {
    serde_json::to_vec(body)
        .map_err(|e| DeliveryError::Permanent(format!("a body that did not write: {e}")))
}

/// A message-creating request: JSON alone, or JSON with the files as a form.
fn with_files<'a>(
    route: Route<'a>,
    body: &impl serde::Serialize,
    files: Vec<CreateAttachment>,
) -> Result<Request<'a>, DeliveryError> {
    let req = Request::new(route, LightMethod::Post);
    if files.is_empty() {
        return Ok(req.body(Some(json(body)?)));
    }
    let payload =
        String::from_utf8(json(body)?).map_err(|e| DeliveryError::Permanent(e.to_string()))?;
    Ok(req.multipart(Some(Multipart {
        upload: MultipartUpload::Attachments(files),
        payload_json: Some(payload),
        fields: vec![],
    })))
}

/// Only the people who must act may be pinged: never everyone, a role, or
/// whoever a quoted answer names.
fn mentions(people: &[UserId]) -> CreateAllowedMentions {
    CreateAllowedMentions::new()
        .empty_roles()
        .everyone(false)
        .users(people.to_vec())
}

fn chart(p: &Post<'_>) -> Option<CreateAttachment> {
    p.prepared
        .chart
        .as_ref()
        .map(|c| CreateAttachment::bytes(c.png.bytes.clone(), c.file_name.clone()))
}
