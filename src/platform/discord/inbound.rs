//! Discord events in: guild and DM messages and `/brug` interactions become
//! `Inbound`s (place, sender, the platform's coordinator signal: the
//! configured role or Manage Threads); the slash command is registered when
//! the gateway is ready. Interactions are `interactions`'.

use super::{commands, Discord};
use crate::core::ids::{GroupId, Platform, UserRef};
use crate::engine::{Inbound, Place};
use crate::runtime::Handle;
use serenity::all::{
    ChannelId, Context, EventHandler, GuildId, Interaction, Message, MessageUpdateEvent,
    Permissions, Ready, RoleId,
};
use serenity::async_trait;
use std::sync::Arc;

pub struct Handler {
    pub dc: Arc<Discord>,
    pub handle: Handle,
    /// Whether the catch-up after connecting is done: live messages wait
    /// for it, so that what was handled stays a prefix of each place's
    /// history (see `edge::catch_up`).
    pub caught_up: tokio::sync::watch::Sender<bool>,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, "connected to Discord");
        // A new session (not a resume) may have missed messages: live ones
        // wait until what was missed is read back.
        self.caught_up.send_replace(false);
        let cmd = commands::definition(&self.dc.catalog);
        if self.dc.config.guilds.is_empty() {
            if let Err(e) =
                serenity::all::Command::set_global_commands(&ctx.http, vec![cmd.clone()]).await
            {
                tracing::error!("registering /brug globally failed: {e}");
            }
        }
        for g in &self.dc.config.guilds {
            if let Err(e) = GuildId::new(*g)
                .set_commands(&ctx.http, vec![cmd.clone()])
                .await
            {
                tracing::error!(guild = g, "registering /brug failed: {e}");
            }
        }
        if let Err(e) = super::catch_up::catch_up(self, &ctx).await {
            tracing::error!("catching up after connecting failed: {e}");
        }
        self.caught_up.send_replace(true);
    }

    async fn message(&self, ctx: Context, msg: Message) {
        if msg.author.bot {
            return;
        }
        let Some(inbound) = self.inbound_of(&ctx, &msg) else {
            return;
        };
        self.live().await;
        if self.handle.offer(inbound).is_none() {
            tracing::warn!(message = %msg.id, "the engine is stopping: a message was not handled");
        }
    }

    /// An edited message (with the message-content intent, Discord sends
    /// the whole message): the engine decides whether it corrects an answer.
    async fn message_update(
        &self,
        ctx: Context,
        _old: Option<Message>,
        new: Option<Message>,
        event: MessageUpdateEvent,
    ) {
        // The cache rarely holds the message: the event itself carries it.
        let msg = new.unwrap_or_else(|| {
            let mut m = Message::default();
            event.apply_to_message(&mut m);
            m
        });
        if event.author.is_none() || msg.author.bot || msg.edited_timestamp.is_none() {
            return;
        }
        let Some(mut inbound) = self.inbound_of(&ctx, &msg) else {
            return;
        };
        // The edit's own id: the message id with when it was edited.
        let at = msg
            .edited_timestamp
            .map(|t| t.unix_timestamp())
            .unwrap_or(0);
        inbound.event = Some(format!("{}@{at}", msg.id));
        inbound.edits = Some(msg.id.to_string());
        self.live().await;
        if self.handle.offer(inbound).is_none() {
            tracing::warn!(message = %msg.id, "the engine is stopping: an edit was not handled");
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        match interaction {
            Interaction::Command(cmd) => self.command(&ctx, &cmd).await,
            Interaction::Component(click) => self.click(&ctx, &click).await,
            Interaction::Modal(form) => self.submitted(&ctx, &form).await,
            Interaction::Autocomplete(typing) => self.autocomplete(&ctx, &typing).await,
            Interaction::Ping(_) => {}
            _ => tracing::warn!("an interaction of a kind brug does not know"),
        }
    }
}

impl Handler {
    /// Waits until the catch-up is done.
    pub(super) async fn live(&self) {
        let mut rx = self.caught_up.subscribe();
        if rx.wait_for(|done| *done).await.is_err() {
            tracing::warn!("the Discord handler is gone");
        }
    }

    pub(super) fn inbound_of(&self, ctx: &Context, msg: &Message) -> Option<Inbound> {
        // Without the message-content intent, guild messages arrive empty.
        let text = msg.content.trim();
        if text.is_empty() {
            return None;
        }
        let mention = format!("<@{}>", self.dc.config.application_id);
        let text = text.strip_prefix(&mention).unwrap_or(text).trim();
        let (group, place, reply_to) = match msg.guild_id {
            None => (
                None,
                Place::Private,
                msg.message_reference
                    .as_ref()
                    .and_then(|r| r.message_id)
                    .map(|m| m.to_string()),
            ),
            Some(g) => {
                let (group, place) = self.place(ctx, g, msg.channel_id);
                (Some(group), place, None)
            }
        };
        let coordinator = match (&msg.member, msg.guild_id) {
            (Some(m), Some(g)) => self.coordinates(ctx, g, &m.roles, None),
            _ => false,
        };
        Some(Inbound {
            group,
            sender: UserRef::new(Platform::Discord, msg.author.id.to_string()),
            sender_name: msg
                .author
                .global_name
                .clone()
                .unwrap_or_else(|| msg.author.name.clone()),
            coordinator,
            place,
            text: text.to_string(),
            event: Some(msg.id.to_string()),
            reply_to,
            locale: None,
            edits: None,
            replyable: true,
        })
    }

    /// A channel, or a thread in one: a round's thread (its id is its root
    /// message's), or the channel the thread hangs in.
    pub(super) fn place(
        &self,
        ctx: &Context,
        guild: GuildId,
        channel: ChannelId,
    ) -> (GroupId, Place) {
        let parent = ctx.cache.guild(guild).and_then(|g| {
            g.threads
                .iter()
                .find(|t| t.id == channel)
                .and_then(|t| t.parent_id)
        });
        let group = GroupId::new(Platform::Discord, parent.unwrap_or(channel).to_string());
        let place = match self
            .dc
            .routes
            .round_of_root(Platform::Discord, &channel.to_string())
        {
            Ok(Some(r)) => Place::Thread(r),
            Ok(None) if parent.is_some() => Place::ThreadOf(channel.to_string()),
            Ok(None) => Place::Group,
            Err(e) => {
                tracing::error!(%channel, "reading which round a thread belongs to failed: {e}");
                Place::ThreadOf(channel.to_string())
            }
        };
        (group, place)
    }

    /// The configured role, Manage Threads (in an interaction's channel), or
    /// owning the guild.
    pub(super) fn coordinates(
        &self,
        ctx: &Context,
        guild: GuildId,
        roles: &[RoleId],
        permissions: Option<Permissions>,
    ) -> bool {
        let role = self
            .dc
            .config
            .coordinator_role
            .is_some_and(|r| roles.contains(&RoleId::new(r)));
        let manages = permissions.is_some_and(|p| p.manage_threads() || p.administrator());
        role || manages
            || ctx.cache.guild(guild).is_some_and(|g| {
                roles.iter().any(|r| {
                    g.roles.get(r).is_some_and(|r| {
                        r.permissions.manage_threads() || r.permissions.administrator()
                    })
                })
            })
    }
}
