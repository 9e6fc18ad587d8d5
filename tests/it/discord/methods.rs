//! The role swap (six people, three professions, one plays the client) in
//! English and the gossip method in Dutch, by slash command, through the
//! real binary: who sees which role card, and what stays out of the channel.

use super::{shown, Server, EN, NL};
use fake_discord::SentKind;

/// serenity hands each gateway event to its own task: a message and a
/// command sent a moment apart may be handled in either order, as on
/// Discord. A person takes longer than this between answering and `next`.
async fn settle() {
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
}

const SIX: [&str; 6] = ["Anna", "Bram", "Chris", "Dewi", "Eva", "Farah"];

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn role_swap_with_six_people_in_english() {
    let s = Server::new("en", true, &SIX).await;
    let anna = s.id("Anna");
    // Farah's app is in Dutch: what brug sends her unprompted is too.
    let joins = [
        ("Anna", "sw", "en-US"),
        ("Bram", "km-werk", "en-GB"),
        ("Chris", "km-inkomen", "en-US"),
        ("Dewi", "sw", "en-US"),
        ("Eva", "km-werk", "en-US"),
        ("Farah", "km-inkomen", "nl"),
    ];
    let thread = s
        .opened("role-swap", "Round #1: Role swap", &joins, "Bram", &EN)
        .await;
    s.intake("Bram", thread, &EN).await;
    s.fake.slash(anna, thread, "next", &[], "en-US").await;
    s.posted(thread, "Step 3 of 10").await;
    for n in SIX {
        s.fake
            .say_dm(
                s.id(n),
                &format!("Why: belief of {n}\nHow: way of {n}\nWhat: aim of {n}"),
            )
            .await;
    }
    let roles = s.posted(thread, "Step 4 of 10").await;
    // Anna coordinates: she chairs and keeps her own role.
    let players = &SIX[1..];
    assert!(
        shown(&roles).contains("Anna chairs the round and keeps their own role.")
            && !shown(&roles).contains("Anna plays"),
        "{}",
        roles.content
    );
    for n in players {
        assert!(
            shown(&roles).contains(&format!("{n} plays")),
            "{}",
            roles.content
        );
    }
    // Every role card is private: in the right DM, in the right language.
    let mut client = 0;
    for &n in players {
        let heading = if n == "Farah" {
            "Ronde #1 — jouw rol:"
        } else {
            "Round #1 — your role:"
        };
        let card = s.dm(n, heading).await;
        let text = shown(&card);
        if text.contains("You play the client.") || text.contains("Je speelt de cliënt.") {
            client += 1;
            assert_ne!(n, "Bram", "the case owner never plays the client");
        } else {
            // The card of the person whose role they now play.
            assert!(text.contains("belief of "), "{text}");
            assert!(
                !text.contains(&format!("belief of {n}")),
                "their own card: {text}"
            );
        }
    }
    assert_eq!(client, 1, "one plays the client");
    s.fake.slash(anna, thread, "next", &[], "en-US").await;
    s.posted(thread, "Step 6 of 10").await;
    s.fake
        .say(s.id("Bram"), thread, "What I gained: the view of income.")
        .await;
    s.posted(thread, "Step 7 of 10").await;
    for n in SIX {
        s.fake
            .say_dm(
                s.id(n),
                &format!("Feeling: odd for {n}\nOut of role: once\nLearned: lesson of {n}"),
            )
            .await;
    }
    let debriefs = s.posted(thread, "Step 8 of 10").await;
    assert!(
        shown(&debriefs).contains("lesson of Farah"),
        "{}",
        debriefs.content
    );
    for n in SIX {
        s.fake
            .say_dm(s.id(n), "Trust: 4\nOpenness: 4\nRoles: 5")
            .await;
    }
    let record = s.posted(thread, "Step 10 of 10").await;
    s.posted(thread, "Round #1 is closed.").await;
    // Until the round's record, the Golden Circle cards were only ever
    // handed out privately; role cards never leave their DM.
    s.nowhere_public(thread, "belief of", record.id);
    let last = s.fake.sent().last().unwrap().id;
    s.nowhere_public(thread, "You play the", last);
    s.nowhere_public(thread, "Je speelt de", last);
    drop(s.bot);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn gossip_method_in_dutch() {
    let people = ["Anna", "Bram", "Chris", "Dewi"];
    let s = Server::new("nl", true, &people).await;
    let anna = s.id("Anna");
    let bram = s.id("Bram");
    let joins = [
        ("Anna", "sw", "nl"),
        ("Bram", "km-werk", "nl"),
        ("Chris", "km-inkomen", "nl"),
        ("Dewi", "sw", "nl"),
    ];
    let thread = s
        .opened("gossip", "Ronde #1: Roddelmethode", &joins, "Bram", &NL)
        .await;
    // The look back ends when the coordinator says so.
    s.fake.slash(anna, thread, "next", &[], "nl").await;
    s.posted(thread, "Stap 2 van 13").await;
    // Everyone brings a candidate; the group chooses Bram's.
    for n in people {
        s.fake
            .say(
                s.id(n),
                thread,
                &format!("Kandidaat van {n}: een casus om van te leren"),
            )
            .await;
    }
    settle().await;
    s.fake.slash(anna, thread, "next", &[], "nl").await;
    let choice = s.posted(thread, "Stap 3 van 13").await;
    assert!(
        shown(&choice).contains("2. Kandidaat van Bram"),
        "{}",
        choice.content
    );
    for n in people {
        s.fake
            .say(s.id(n), thread, if n == "Chris" { "3" } else { "2" })
            .await;
    }
    s.posted(thread, "De groep koos de casus van Bram (3 stemmen)")
        .await;
    s.posted(thread, "Stap 4 van 13").await;
    s.intake("Bram", thread, &NL).await;
    s.posted(thread, "Stap 5 van 13").await;
    s.fake
        .say(bram, thread, "Hoe krijg ik haar weer aan tafel?")
        .await;
    s.posted(thread, "Stap 6 van 13").await;
    for n in ["Anna", "Chris", "Dewi"] {
        s.fake
            .say(
                s.id(n),
                thread,
                &format!("Vraag van {n}: wat wil zij zelf?"),
            )
            .await;
    }
    // The questions are handled apart (each event in its own task): let
    // them land before the coordinator moves on.
    settle().await;
    s.fake.slash(anna, thread, "next", &[], "nl").await;
    let pick = s.posted(thread, "Stap 7 van 13").await;
    assert!(shown(&pick).contains("1. "), "{}", pick.content);
    s.fake.say(bram, thread, "1, 3").await;
    s.posted(thread, "Stap 8 van 13").await;
    // The case owner listens while the others talk about the case.
    s.fake.say(bram, thread, "Mag ik iets zeggen?").await;
    s.posted(thread, "Als casusinbrenger luister je in deze stap alleen")
        .await;
    s.fake
        .say(s.id("Chris"), thread, "Ik denk dat de schulden voorgaan.")
        .await;
    s.fake.slash(anna, thread, "next", &[], "nl").await;
    s.posted(thread, "Stap 9 van 13").await;
    s.fake
        .say(
            bram,
            thread,
            "Vraag: helder\nInzichten: eerst de schulden\nEerste stap: bellen",
        )
        .await;
    s.posted(thread, "Stap 10 van 13").await;
    for n in ["Anna", "Chris", "Dewi"] {
        s.fake
            .say(s.id(n), thread, &format!("geleerd door {n}"))
            .await;
    }
    s.posted(thread, "Stap 11 van 13").await;
    s.fake
        .say(bram, thread, "schuldhulp bellen; Bram; vrijdag")
        .await;
    settle().await;
    s.fake.slash(anna, thread, "next", &[], "nl").await;
    s.posted(thread, "Stap 12 van 13").await;
    for n in people {
        s.fake
            .say_dm(s.id(n), "Vertrouwen: 4\nOpenheid: 5\nRollen: 4")
            .await;
    }
    s.posted(thread, "Ronde #1 is afgesloten.").await;
    // The agreed action is in the closing record.
    let closing = s
        .fake
        .sent()
        .into_iter()
        .filter(|m| m.channel_id == thread && m.kind == SentKind::Message)
        .map(|m| shown(&m))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(closing.contains("schuldhulp bellen"), "{closing}");
    drop(s.bot);
}
