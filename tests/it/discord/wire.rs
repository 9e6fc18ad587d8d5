//! Wire check of the fake Discord (`fake-discord`) against the real serenity 0.12.5 parser.
//!
//! serenity drops a dispatch it cannot parse as `Event::Unknown` without an error (spec
//! /tmp/discord-wire.md §0.1), so a fake with one missing field looks like a bot that ignores
//! users. The first test feeds every JSON builder of `fake_discord::payloads` to serenity; the
//! second runs a real serenity client against the fake and then parses every frame it sent.

use std::time::Duration;

use fake_discord::payloads::{self, Invoker};
use fake_discord::{FakeDiscord, SentKind, APP_ID, CHANNEL_ID, COORDINATOR_ROLE, GUILD_ID, TOKEN};
use serde_json::{json, Value};
use serenity::async_trait;
use serenity::builder::{
    CreateActionRow, CreateAttachment, CreateButton, CreateCommand, CreateCommandOption,
    CreateInputText, CreateInteractionResponse, CreateInteractionResponseFollowup,
    CreateInteractionResponseMessage, CreateMessage, CreateModal, CreateThread,
    EditInteractionResponse,
};
use serenity::client::{ClientBuilder, Context, EventHandler};
use serenity::http::{HttpBuilder, HttpError};
use serenity::model::application::{
    Command, CommandOptionType, CommandType, InputTextStyle, Interaction,
};
use serenity::model::channel::{Channel, GuildChannel, Message, PrivateChannel};
use serenity::model::event::{Event, GatewayEvent, MessageUpdateEvent, ResumedEvent};
use serenity::model::gateway::{Gateway, GatewayIntents, Ready};
use serenity::model::guild::Guild;
use serenity::model::id::{ChannelId, GuildId, UserId};
use tokio::sync::mpsc;

const DM_CHANNEL: u64 = 310000000000000001;

/// Fails unless `frame` is a gateway frame serenity understands; a dispatch must not fall
/// back to `Event::Unknown`.
fn assert_frame(frame: &str) {
    match serde_json::from_str::<GatewayEvent>(frame) {
        Ok(GatewayEvent::Dispatch(_, Event::Unknown(_))) => {
            panic!(
                "serenity does not understand this dispatch ({}):\n{frame}",
                why(frame)
            )
        }
        Ok(_) => {}
        Err(e) => panic!("not a gateway frame serenity accepts ({e}):\n{frame}"),
    }
}

fn assert_dispatch(t: &str, d: &Value) {
    assert_frame(&payloads::dispatch(t, 1, d));
}

/// serenity's own complaint about a dispatch, found by parsing `d` as the model type (the
/// `Event` fallback to Unknown swallows it).
fn why(frame: &str) -> String {
    let v: Value = serde_json::from_str(frame).unwrap();
    let d = v["d"].clone();
    let err = match v["t"].as_str().unwrap_or("") {
        "READY" => serde_json::from_value::<Ready>(d).err(),
        "GUILD_CREATE" => serde_json::from_value::<Guild>(d).err(),
        "MESSAGE_CREATE" => serde_json::from_value::<Message>(d).err(),
        "MESSAGE_UPDATE" => serde_json::from_value::<MessageUpdateEvent>(d).err(),
        "THREAD_CREATE" => serde_json::from_value::<GuildChannel>(d).err(),
        "INTERACTION_CREATE" => serde_json::from_value::<Interaction>(d).err(),
        _ => None,
    };
    err.map_or_else(|| "no model error found".to_string(), |e| e.to_string())
}

fn interaction(d: &Value) -> Interaction {
    serde_json::from_value(d.clone())
        .unwrap_or_else(|e| panic!("interaction does not parse ({e}):\n{d}"))
}

#[tokio::test]
async fn payloads_parse_in_serenity() {
    let fake = FakeDiscord::start(false).await;
    let alice = fake.add_user("alice", true);
    let bob = fake.add_user("bob", false);
    let url = fake.gateway_url();
    let now = payloads::timestamp_now();

    assert_dispatch("READY", &payloads::ready("fake-session-1", &url));
    let members = vec![
        payloads::member(payloads::bot_user(), &[]),
        payloads::member(payloads::user(alice, "alice"), &[COORDINATOR_ROLE]),
        payloads::member(payloads::user(bob, "bob"), &[]),
    ];
    assert_dispatch("GUILD_CREATE", &payloads::guild(members));

    // MESSAGE_CREATE in the guild and in a DM.
    let mut in_guild = payloads::message(
        400000000000000001,
        CHANNEL_ID,
        payloads::user(alice, "alice"),
        "hallo",
        &now,
    );
    payloads::in_guild(&mut in_guild, &[COORDINATOR_ROLE]);
    assert_dispatch("MESSAGE_CREATE", &in_guild);
    let dm = payloads::message(
        400000000000000002,
        DM_CHANNEL,
        payloads::user(bob, "bob"),
        "privé",
        &now,
    );
    assert_dispatch("MESSAGE_CREATE", &dm);

    // The bot's own message as REST returns it, with what serenity sent echoed back.
    let mut bot = payloads::message(
        400000000000000003,
        CHANNEL_ID,
        payloads::bot_user(),
        "Nieuwe casus",
        &now,
    );
    bot["nonce"] = json!("n-1");
    bot["components"] = json!([{"type": 1, "components": [
        {"type": 2, "style": 1, "custom_id": "case:accept:1", "label": "Accept", "disabled": false},
        {"type": 2, "style": 5, "url": "https://example.org", "label": "Uitleg", "disabled": false},
    ]}]);
    bot["attachments"] = json!([payloads::attachment(
        600000000000000001,
        CHANNEL_ID,
        "casus.png",
        1234
    )]);
    serde_json::from_value::<Message>(bot.clone()).expect("a REST Message");
    let mut bot_in_guild = bot.clone();
    payloads::in_guild(&mut bot_in_guild, &[]);
    assert_dispatch("MESSAGE_CREATE", &bot_in_guild);

    // THREAD_CREATE, and the starter message's MESSAGE_UPDATE.
    let thread = payloads::thread(400000000000000003, CHANNEL_ID, "Casus 1", 1440, 11, &now);
    let mut created = thread.clone();
    created["newly_created"] = json!(true);
    assert_dispatch("THREAD_CREATE", &created);
    let mut updated = bot_in_guild.clone();
    updated["thread"] = thread.clone();
    assert_dispatch("MESSAGE_UPDATE", &updated);

    // INTERACTION_CREATE: command (guild and DM), button, modal submit.
    let in_channel = Invoker {
        user: payloads::user(alice, "alice"),
        roles: vec![COORDINATOR_ROLE],
        channel_id: CHANNEL_ID,
        channel: payloads::partial_channel(CHANNEL_ID, 0, Some("intervisie")),
        guild: true,
        locale: "nl".to_string(),
    };
    let in_dm = Invoker {
        user: payloads::user(bob, "bob"),
        roles: Vec::new(),
        channel_id: DM_CHANNEL,
        channel: payloads::partial_channel(DM_CHANNEL, 1, None),
        guild: false,
        locale: "en-US".to_string(),
    };
    let options = vec![
        ("title".to_string(), 3u8, json!("Housing")),
        ("count".to_string(), 4u8, json!(2)),
    ];
    let slash = payloads::interaction(
        700000000000000001,
        2,
        payloads::slash_data("open", &options, true),
        &in_channel,
        None,
    );
    assert_dispatch("INTERACTION_CREATE", &slash);
    match interaction(&slash) {
        Interaction::Command(c) => {
            assert_eq!(c.data.name, "brug");
            assert_eq!(
                c.user.id.get(),
                alice,
                "serenity copies member.user into user"
            );
            assert_eq!(c.locale, "nl");
        }
        other => panic!("expected a command, got {other:?}"),
    }
    let slash_dm = payloads::interaction(
        700000000000000002,
        2,
        payloads::slash_data("help", &[], false),
        &in_dm,
        None,
    );
    assert_dispatch("INTERACTION_CREATE", &slash_dm);
    match interaction(&slash_dm) {
        Interaction::Command(c) => assert!(c.guild_id.is_none() && c.user.id.get() == bob),
        other => panic!("expected a command, got {other:?}"),
    }
    let click = payloads::interaction(
        700000000000000003,
        3,
        payloads::button_data("case:accept:1"),
        &in_channel,
        Some(bot.clone()),
    );
    assert_dispatch("INTERACTION_CREATE", &click);
    assert!(matches!(interaction(&click), Interaction::Component(_)));
    let fields = vec![("note".to_string(), "Cliënt belde terug".to_string())];
    let submit = payloads::interaction(
        700000000000000004,
        5,
        payloads::modal_data("case:note:1", &fields),
        &in_channel,
        None,
    );
    assert_dispatch("INTERACTION_CREATE", &submit);
    assert!(matches!(interaction(&submit), Interaction::Modal(_)));

    // Bot-facing REST bodies.
    let mut followup = payloads::message(
        400000000000000004,
        CHANNEL_ID,
        payloads::bot_user(),
        "Klaar",
        &now,
    );
    followup["webhook_id"] = payloads::sf(APP_ID);
    followup["application_id"] = payloads::sf(APP_ID);
    followup["type"] = json!(20);
    serde_json::from_value::<Message>(followup).expect("an interaction response Message");
    let private = payloads::private_channel(DM_CHANNEL, payloads::user(bob, "bob"));
    serde_json::from_value::<PrivateChannel>(private.clone()).expect("a PrivateChannel");
    assert!(matches!(
        serde_json::from_value::<Channel>(private).expect("a Channel"),
        Channel::Private(_)
    ));
    serde_json::from_value::<GuildChannel>(thread).expect("a thread GuildChannel");
    serde_json::from_value::<GuildChannel>(payloads::text_channel()).expect("a text GuildChannel");
    serde_json::from_value::<Gateway>(payloads::gateway(&url)).expect("a Gateway");

    // Commands: the bodies serenity sends, answered as Discord does.
    let request = serde_json::to_value(vec![
        CreateCommand::new("brug").description("Brug").add_option(
            CreateCommandOption::new(CommandOptionType::SubCommand, "open", "Open a case")
                .add_sub_option(
                    CreateCommandOption::new(CommandOptionType::String, "title", "Title")
                        .required(true),
                ),
        ),
        CreateCommand::new("Report").kind(CommandType::User),
    ])
    .unwrap();
    let answered: Vec<Value> = request
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, c)| {
            payloads::command(
                c,
                payloads::BRUG_COMMAND_ID + i as u64,
                810000000000000001,
                Some(GUILD_ID),
            )
        })
        .collect();
    let commands: Vec<Command> =
        serde_json::from_value(Value::Array(answered)).expect("a Vec<Command>");
    assert_eq!(commands[0].name, "brug");
    assert_eq!(commands[1].description, "");
}

/// What the test's event handler saw.
#[derive(Debug)]
enum Seen {
    Ready,
    Resumed,
    Message(Message),
    Thread(GuildChannel),
    Interaction(Interaction),
}

struct Forward(mpsc::UnboundedSender<Seen>);

#[async_trait]
impl EventHandler for Forward {
    async fn ready(&self, _: Context, _: Ready) {
        let _ = self.0.send(Seen::Ready);
    }

    async fn resume(&self, _: Context, _: ResumedEvent) {
        let _ = self.0.send(Seen::Resumed);
    }

    async fn message(&self, _: Context, message: Message) {
        let _ = self.0.send(Seen::Message(message));
    }

    async fn thread_create(&self, _: Context, thread: GuildChannel) {
        let _ = self.0.send(Seen::Thread(thread));
    }

    async fn interaction_create(&self, _: Context, interaction: Interaction) {
        let _ = self.0.send(Seen::Interaction(interaction));
    }
}

/// The first event `pick` accepts, within 10 s.
async fn next<T>(
    rx: &mut mpsc::UnboundedReceiver<Seen>,
    what: &str,
    mut pick: impl FnMut(Seen) -> Option<T>,
) -> T {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        match tokio::time::timeout_at(deadline, rx.recv()).await {
            Ok(Some(seen)) => {
                if let Some(hit) = pick(seen) {
                    return hit;
                }
            }
            Ok(None) => panic!("the client stopped while waiting for {what}"),
            Err(_) => panic!("timed out waiting for {what}"),
        }
    }
}

fn status_and_code(err: serenity::Error) -> (u16, isize) {
    match err {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(r)) => {
            (r.status_code.as_u16(), r.error.code)
        }
        other => panic!("expected an unsuccessful request, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serenity_client_against_the_fake() {
    let fake = FakeDiscord::start(false).await;
    let alice = fake.add_user("alice", true);
    let from_alice = |s: Seen| match s {
        Seen::Message(m) if m.author.id.get() == alice => Some(m),
        _ => None,
    };

    // Connect as spec §1 says: proxy plus disabled ratelimiter, application id from READY.
    let http = HttpBuilder::new(TOKEN)
        .proxy(fake.api_base())
        .ratelimiter_disabled(true)
        .build();
    let intents =
        GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES;
    let (tx, mut rx) = mpsc::unbounded_channel();
    let mut client = ClientBuilder::new_with_http(http, intents)
        .event_handler(Forward(tx))
        .await
        .expect("client");
    assert_eq!(
        *client.ws_url.lock().await,
        fake.gateway_url(),
        "GET /gateway answered"
    );
    let http = client.http.clone();
    let shards = client.shard_manager.clone();
    let run = tokio::spawn(async move { client.start().await });
    next(&mut rx, "READY", |s| matches!(s, Seen::Ready).then_some(())).await;
    assert_eq!(fake.identified(), 1);

    // Users' messages: content only when the bot is mentioned or in a DM.
    fake.say(alice, CHANNEL_ID, &format!("<@{APP_ID}> hallo"))
        .await;
    let m = next(&mut rx, "a message mentioning the bot", from_alice).await;
    assert!(m.content.contains("hallo"));
    assert_eq!(m.guild_id.map(|g| g.get()), Some(GUILD_ID));
    fake.say(alice, CHANNEL_ID, "geheim").await;
    let m = next(&mut rx, "a message without mention", from_alice).await;
    assert_eq!(
        m.content, "",
        "without MESSAGE_CONTENT the content is blanked"
    );
    fake.say_dm(alice, "privé").await;
    let m = next(&mut rx, "a DM", from_alice).await;
    assert_eq!(m.content, "privé");
    assert!(m.guild_id.is_none());

    // A message with a button and a file (multipart).
    let builder = CreateMessage::new()
        .content("Nieuwe casus")
        .components(vec![CreateActionRow::Buttons(vec![CreateButton::new(
            "case:accept:1",
        )
        .label("Accept")])])
        .add_file(CreateAttachment::bytes(vec![1u8, 2, 3], "casus.png"));
    let sent = ChannelId::new(CHANNEL_ID)
        .send_message(&http, builder)
        .await
        .expect("send_message");
    assert_eq!(sent.author.id.get(), APP_ID);
    assert_eq!(
        (
            sent.attachments[0].filename.as_str(),
            sent.attachments[0].size
        ),
        ("casus.png", 3)
    );
    let record = fake
        .wait_for("the bot's message", Duration::from_secs(5), |s| {
            s.kind == SentKind::Message && s.id == sent.id.get()
        })
        .await;
    assert_eq!(record.files, vec!["casus.png".to_string()]);
    assert_eq!(record.content, "Nieuwe casus");
    next(&mut rx, "the bot's own MESSAGE_CREATE", |s| {
        matches!(&s, Seen::Message(m) if m.id == sent.id).then_some(())
    })
    .await;

    // A thread on it.
    let thread = ChannelId::new(CHANNEL_ID)
        .create_thread_from_message(&http, sent.id, CreateThread::new("Casus 1"))
        .await
        .expect("thread");
    assert_eq!(thread.id.get(), sent.id.get());
    next(&mut rx, "THREAD_CREATE", |s| {
        matches!(&s, Seen::Thread(t) if t.id == thread.id).then_some(())
    })
    .await;
    assert_eq!(
        fake.threads(),
        vec![(sent.id.get(), CHANNEL_ID, "Casus 1".to_string())]
    );

    // DMs, closed DMs and a rate limit.
    let dm = UserId::new(alice)
        .create_dm_channel(&http)
        .await
        .expect("DM channel");
    assert_eq!(Some(dm.id.get()), fake.dm_channel(alice));
    fake.close_dms(alice);
    assert_eq!(
        status_and_code(dm.id.say(&http, "hoi").await.expect_err("closed DMs")),
        (403, 50007)
    );
    fake.rate_limit_next(1, 0.5);
    let (status, _) = status_and_code(
        ChannelId::new(CHANNEL_ID)
            .say(&http, "te snel")
            .await
            .expect_err("429"),
    );
    assert_eq!(status, 429);

    // Commands and a slash command answered with a message.
    let commands = GuildId::new(GUILD_ID)
        .set_commands(
            &http,
            vec![CreateCommand::new("brug").description("Brug").add_option(
                CreateCommandOption::new(CommandOptionType::SubCommand, "open", "Open a case")
                    .add_sub_option(
                        CreateCommandOption::new(CommandOptionType::String, "title", "Title")
                            .required(true),
                    ),
            )],
        )
        .await
        .expect("set_commands");
    assert_eq!(commands[0].id.get(), payloads::BRUG_COMMAND_ID);
    assert_eq!(fake.commands().len(), 1);
    fake.slash(alice, CHANNEL_ID, "open", &[("title", "Housing")], "nl")
        .await;
    let cmd = next(&mut rx, "the slash command", |s| match s {
        Seen::Interaction(Interaction::Command(c)) => Some(c),
        _ => None,
    })
    .await;
    assert_eq!(
        (
            cmd.data.name.as_str(),
            cmd.data.options[0].name.as_str(),
            cmd.locale.as_str()
        ),
        ("brug", "open", "nl")
    );
    let answer = || {
        CreateInteractionResponse::Message(
            CreateInteractionResponseMessage::new().content("Casus geopend"),
        )
    };
    cmd.create_response(&http, answer())
        .await
        .expect("callback");
    let cb = fake
        .wait_for("the callback", Duration::from_secs(5), |s| {
            matches!(s.kind, SentKind::Callback { kind: 4, .. })
        })
        .await;
    assert_eq!(cb.content, "Casus geopend");
    assert_eq!(
        status_and_code(
            cmd.create_response(&http, answer())
                .await
                .expect_err("second answer")
        ),
        (400, 40060)
    );

    // Button → modal → submit → deferred answer, edited, plus a follow-up.
    fake.click(alice, CHANNEL_ID, sent.id.get(), "case:accept:1")
        .await;
    let comp = next(&mut rx, "the click", |s| match s {
        Seen::Interaction(Interaction::Component(c)) => Some(c),
        _ => None,
    })
    .await;
    assert_eq!(
        (comp.data.custom_id.as_str(), comp.message.id),
        ("case:accept:1", sent.id)
    );
    let modal =
        CreateModal::new("case:note:1", "Notitie").components(vec![CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Paragraph, "Notitie", "note"),
        )]);
    comp.create_response(&http, CreateInteractionResponse::Modal(modal))
        .await
        .expect("modal");
    fake.submit(
        alice,
        CHANNEL_ID,
        "case:note:1",
        &[("note", "Cliënt belde terug")],
    )
    .await;
    let submitted = next(&mut rx, "the modal submit", |s| match s {
        Seen::Interaction(Interaction::Modal(m)) => Some(m),
        _ => None,
    })
    .await;
    assert_eq!(submitted.data.custom_id, "case:note:1");
    assert_eq!(submitted.message.as_ref().map(|m| m.id), Some(sent.id));
    submitted
        .create_response(
            &http,
            CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new()),
        )
        .await
        .expect("defer");
    let edited = submitted
        .edit_response(&http, EditInteractionResponse::new().content("Genoteerd"))
        .await
        .expect("edit @original");
    assert_eq!(edited.content, "Genoteerd");
    let follow = submitted
        .create_followup(
            &http,
            CreateInteractionResponseFollowup::new().content("Nog iets?"),
        )
        .await
        .expect("follow-up");
    assert_eq!(follow.webhook_id.map(|w| w.get()), Some(APP_ID));
    fake.wait_for("the follow-up", Duration::from_secs(5), |s| {
        s.kind == SentKind::Followup && s.content == "Nog iets?"
    })
    .await;

    // A dropped connection: serenity resumes and gets what it missed.
    fake.drop_gateway().await;
    fake.say(
        alice,
        CHANNEL_ID,
        &format!("<@{APP_ID}> na de onderbreking"),
    )
    .await;
    let (mut resumed, mut replayed) = (false, false);
    while !(resumed && replayed) {
        match next(&mut rx, "RESUMED and the missed message", Some).await {
            Seen::Resumed => resumed = true,
            Seen::Message(m) if m.content.contains("na de onderbreking") => replayed = true,
            _ => {}
        }
    }
    assert_eq!((fake.identified(), fake.resumed()), (1, 1));

    // Every frame the fake sent parses, the first being HELLO.
    let frames = fake.frames();
    assert!(
        frames[0].contains("\"op\":10"),
        "HELLO first: {}",
        frames[0]
    );
    for frame in &frames {
        assert_frame(frame);
    }

    let _ = tokio::time::timeout(Duration::from_secs(5), shards.shutdown_all()).await;
    run.abort();
}
