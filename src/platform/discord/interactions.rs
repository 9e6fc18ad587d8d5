//! Interactions: `/brug …`, brug's buttons, and submitted forms. Each is
//! answered at once — Discord allows three seconds — privately (ephemeral),
//! then handed to the engine as an `Inbound` carrying the person's app
//! language. A button that opens a form is answered with the form itself,
//! built from the flow without asking the engine.

use super::commands;
use super::forms::{self, Click};
use super::inbound::Handler;
use crate::core::ids::{Locale, Platform, RoundId, UserRef};
use crate::core::message::MessageRef;
use crate::core::msg;
use crate::edge::suggest;
use crate::engine::{Inbound, Place};
use serenity::all::{
    AutocompleteChoice, ChannelId, CommandInteraction, ComponentInteraction, Context,
    CreateAllowedMentions, CreateAutocompleteResponse, CreateInteractionResponse,
    CreateInteractionResponseMessage, GuildId, InteractionId, Member, ModalInteraction, User,
};

/// Discord's locale names: `nl`, `en-US`, `en-GB`; others have no brug
/// language and fall back to the group's.
pub fn locale(discord: &str) -> Option<Locale> {
    match discord.split('-').next() {
        Some("nl") => Some(Locale::Nl),
        Some("en") => Some(Locale::En),
        _ => None,
    }
}

/// Who asked, where, in which interaction.
struct Asker<'a> {
    id: InteractionId,
    token: &'a str,
    user: &'a User,
    member: Option<&'a Member>,
    guild: Option<GuildId>,
    channel: ChannelId,
    locale: Option<Locale>,
}

/// The same fields of each kind of interaction.
macro_rules! asker {
    ($name:ident, $kind:ty) => {
        fn $name(c: &'a $kind) -> Self {
            Self {
                id: c.id,
                token: &c.token,
                user: &c.user,
                member: c.member.as_ref().map(std::borrow::Borrow::borrow),
                guild: c.guild_id,
                channel: c.channel_id,
                locale: locale(&c.locale),
            }
        }
    };
}

impl<'a> Asker<'a> {
    asker!(of_command, CommandInteraction);
    asker!(of_click, ComponentInteraction);
    asker!(of_form, ModalInteraction);
}

impl Handler {
    pub(super) async fn command(&self, ctx: &Context, cmd: &CommandInteraction) {
        let a = Asker::of_command(cmd);
        let Some(text) = commands::as_text(&self.dc.prefix, &cmd.data.options) else {
            tracing::warn!(command = %cmd.data.name, "a slash command brug does not know");
            let line = msg::ERR_UNKNOWN_COMMAND
                .msg()
                .text("command", cmd.data.name.clone())
                .text("prefix", "/brug");
            self.tell(ctx, &a, &line).await;
            return;
        };
        let shown = text.replacen(&self.dc.prefix, "/brug", 1);
        self.tell(ctx, &a, &msg::DC_RECEIVED.msg().text("command", shown))
            .await;
        let inbound = self.inbound(ctx, &a, None, text);
        self.hand_in(inbound).await;
    }

    /// Someone is typing an option that suggests values: the methods, the
    /// professions, or the rounds of this channel, in their language.
    pub(super) async fn autocomplete(&self, ctx: &Context, cmd: &CommandInteraction) {
        let a = Asker::of_command(cmd);
        let l = a.locale.unwrap_or(self.dc.lang);
        let Some(typing) = cmd.data.autocomplete() else {
            tracing::warn!("an autocomplete without a focused option");
            return;
        };
        let found = match typing.name {
            "flow" => suggest::flows(&self.dc.catalog, typing.value, l),
            "profession" => suggest::professions(&self.dc.catalog, typing.value, l),
            "round" => match (a.guild, self.dc.routes.open_rounds()) {
                (Some(g), Ok(open)) => {
                    let (group, _) = self.place(ctx, g, a.channel);
                    suggest::rounds(&open, &group, typing.value)
                }
                (None, _) => Vec::new(),
                (Some(_), Err(e)) => {
                    // Nothing to suggest; the command itself still says what is wrong.
                    tracing::error!("reading the open rounds for suggestions failed: {e}");
                    Vec::new()
                }
            },
            other => {
                tracing::warn!(
                    option = other,
                    "autocomplete for an option brug does not complete"
                );
                Vec::new()
            }
        };
        let choices = found
            .into_iter()
            .map(|s| AutocompleteChoice::new(s.label, s.value))
            .collect();
        let r = CreateInteractionResponse::Autocomplete(
            CreateAutocompleteResponse::new().set_choices(choices),
        );
        if let Err(e) = ctx
            .http
            .create_interaction_response(a.id, a.token, &r, Vec::new())
            .await
        {
            tracing::warn!(interaction = %a.id, "answering an autocomplete failed: {e}");
        }
    }

    pub(super) async fn click(&self, ctx: &Context, click: &ComponentInteraction) {
        let a = Asker::of_click(click);
        match Click::parse(&click.data.custom_id) {
            Some(Click::Answer { round, step, flow }) => {
                let l = a.locale.unwrap_or(self.dc.lang);
                match forms::modal(&self.dc.catalog, &flow, round, step, l) {
                    Some(form) => {
                        self.respond(ctx, &a, CreateInteractionResponse::Modal(form))
                            .await
                    }
                    None => self.tell(ctx, &a, &msg::DC_FORM_GONE.msg()).await,
                }
            }
            Some(Click::Mine { round }) => self.mine(ctx, &a, round).await,
            None => {
                tracing::warn!(custom_id = %click.data.custom_id, "a button brug does not know");
                self.tell(ctx, &a, &msg::DC_FORM_GONE.msg()).await;
            }
        }
    }

    /// Someone who takes no DMs asks for what is kept for them.
    async fn mine(&self, ctx: &Context, a: &Asker<'_>, round: RoundId) {
        self.tell(ctx, a, &msg::DC_MINE_COMING.msg()).await;
        let inbound = self.inbound(ctx, a, Some(Place::Mine(round)), String::new());
        self.hand_in(inbound).await;
    }

    pub(super) async fn submitted(&self, ctx: &Context, form: &ModalInteraction) {
        let a = Asker::of_form(form);
        let Some((round, step, flow)) = forms::parse_form_id(&form.data.custom_id) else {
            tracing::warn!(custom_id = %form.data.custom_id, "a form brug does not know");
            self.tell(ctx, &a, &msg::DC_FORM_GONE.msg()).await;
            return;
        };
        let step_def = self.dc.catalog.flow(&flow).and_then(|f| f.steps.get(step));
        let text = forms::answer_text(step_def, &form.data.components);
        self.tell(ctx, &a, &msg::DC_FORM_RECEIVED.msg()).await;
        let inbound = self.inbound(ctx, &a, Some(Place::Form(round, step)), text);
        self.hand_in(inbound).await;
    }

    /// The engine's `Inbound` for an interaction.
    fn inbound(&self, ctx: &Context, a: &Asker<'_>, place: Option<Place>, text: String) -> Inbound {
        let (group, here) = match a.guild {
            None => (None, Place::Private),
            Some(g) => {
                let (group, place) = self.place(ctx, g, a.channel);
                (Some(group), place)
            }
        };
        let coordinator = match (a.member, a.guild) {
            (Some(m), Some(g)) => self.coordinates(ctx, g, &m.roles, m.permissions),
            _ => false,
        };
        Inbound {
            group,
            sender: UserRef::new(Platform::Discord, a.user.id.to_string()),
            sender_name: a
                .user
                .global_name
                .clone()
                .unwrap_or_else(|| a.user.name.clone()),
            coordinator,
            place: place.unwrap_or(here),
            text,
            event: Some(a.id.to_string()),
            reply_to: None,
            locale: a.locale,
            edits: None,
            replyable: false,
        }
    }

    async fn hand_in(&self, inbound: Inbound) {
        self.live().await;
        let id = inbound.event.clone().unwrap_or_default();
        if self.handle.offer(inbound).is_none() {
            tracing::warn!(interaction = %id, "the engine is stopping: an interaction was not handled");
        }
    }

    /// A short private answer to an interaction, in the asker's language.
    async fn tell(&self, ctx: &Context, a: &Asker<'_>, line: &MessageRef) {
        let l = a.locale.unwrap_or(self.dc.lang);
        let text = self
            .dc
            .catalog
            .strings
            .render_ref(line, l, chrono_tz::UTC, &mut Vec::new());
        let reply = CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(CreateAllowedMentions::new().empty_users().empty_roles());
        self.respond(ctx, a, CreateInteractionResponse::Message(reply))
            .await;
    }

    async fn respond(&self, ctx: &Context, a: &Asker<'_>, r: CreateInteractionResponse) {
        let opens_form = matches!(r, CreateInteractionResponse::Modal(_));
        match ctx
            .http
            .create_interaction_response(a.id, a.token, &r, Vec::new())
            .await
        {
            // Answered: private messages can follow it up for a while.
            Ok(()) if !opens_form => self.dc.interacted(a.user.id.get(), a.token),
            Ok(()) => {}
            Err(e) => tracing::warn!(interaction = %a.id, "answering an interaction failed: {e}"),
        }
    }
}
