//! What the bot makes of a room's past: history from before it joined is
//! left alone — a `start` and a `help` written before the invite start
//! nothing and get no answer, for an invite while the bot runs and for one
//! that waited while it was down — and an edited answer (a replacement event
//! from the person's own client) is a correction.

use super::harness::{homeserver, wait, Bot, User};
use super::rounds::{bot_notice, Group};
use matrix_sdk::ruma::events::room::member::MembershipState;
use matrix_sdk::Room;
use std::time::Duration;

fn bot_membership(room: &Room, bot: &matrix_sdk::ruma::OwnedUserId) -> Option<MembershipState> {
    let room = room.clone();
    let bot = bot.clone();
    tokio::task::block_in_place(move || {
        tokio::runtime::Handle::current().block_on(async move {
            room.get_member(&bot)
                .await
                .ok()
                .flatten()
                .map(|m| m.membership().clone())
        })
    })
}

/// Anna writes two commands in a room the bot is not in, then invites it;
/// once it joined, a new command is answered and the old ones never are.
async fn old_commands_then_invite(anna: &User, bot: &mut Bot, down_while_invited: bool) {
    let room = anna.create_room(&[], false).await;
    anna.say(
        &room,
        "!brug start golden-circle Oude casus van vorige week",
    )
    .await;
    anna.say(&room, "!brug help").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    if down_while_invited {
        bot.kill();
    }
    room.invite_user_by_id(&bot.id).await.unwrap();
    if down_while_invited {
        tokio::time::sleep(Duration::from_secs(1)).await;
        bot.start();
    }
    let joined = wait(Duration::from_secs(60), || {
        (bot_membership(&room, &bot.id) == Some(MembershipState::Join)).then_some(())
    })
    .await;
    assert!(joined.is_some(), "the bot never joined:\n{}", bot.log());
    // Time for the bot to see the room's history (and leave it alone).
    tokio::time::sleep(Duration::from_secs(3)).await;
    anna.say(&room, "!brug flows").await;
    anna.expect("the list of methods", |s| {
        s.sender == bot.id && s.room == room.room_id() && s.body.contains("Golden Circle")
    })
    .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let from_bot: Vec<String> = anna
        .seen()
        .into_iter()
        .filter(|s| s.sender == bot.id && s.room == room.room_id())
        .map(|s| s.body)
        .collect();
    assert_eq!(
        from_bot.len(),
        1,
        "the bot acted on history from before it joined: {from_bot:#?}"
    );
    assert!(
        from_bot
            .iter()
            .all(|b| !b.contains("Round #1") && !b.contains("Oude casus")),
        "{from_bot:#?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn commands_from_before_the_bot_joined_start_nothing_and_get_no_answer() {
    let _turn = super::harness::serial().await;
    let hs = homeserver();
    let anna = User::on(hs, "Anna").await;
    let mut bot = Bot::on(hs, "en", &[anna.id.as_str()]).await;
    old_commands_then_invite(&anna, &mut bot, false).await;
    old_commands_then_invite(&anna, &mut bot, true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_edited_answer_is_a_correction() {
    let _turn = super::harness::serial().await;
    let g = Group::new("en", false).await;
    let root = g.start_golden_circle("Noor").await;
    g.join_all(
        &root,
        "takes part as",
        ["social-worker", "km-werk", "sw", "client-manager-income"],
    )
    .await;
    g.private("Bram", "A mother, two children.").await;
    bot_notice(&g, "Bram", "This is what I received.").await;
    g.private("Bram", "yes").await;
    bot_notice(&g, "Anna", "The case, brought in by Bram").await;
    let chris = g.person("Chris");
    let room = g.room_of("Chris");
    let asked = chris
        .say_in_thread(&room, &root, "Does she have a netwrok?")
        .await;
    chris.edit(&room, &asked, "Does she have a network?").await;
    let receipt = chris
        .expect("the update receipt", |s| {
            s.sender == g.bot.id && s.room != g.room && s.body.starts_with("Updated:")
        })
        .await;
    assert!(
        receipt.body.contains("«Clarifying questions»"),
        "{}",
        receipt.body
    );
}
