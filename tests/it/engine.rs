//! The engine as a chat platform drives it: `start` in a room, people `join`
//! in the thread, answers in DMs; a second round reviews the first one's actions.

use super::support::{catalog, start};
use brug::core::effect::{Destination, Outgoing, Pending};
use brug::core::ids::{GroupId, Locale, Platform, RoundId, UserRef};
use brug::engine::{Defaults, Engine, Inbound, Place};
use brug::storage::MemoryStore;
use chrono::{DateTime, TimeDelta, Utc};

struct Chat {
    engine: Engine<MemoryStore>,
    now: DateTime<Utc>,
    log: Vec<(Outgoing, String)>,
}

fn room() -> GroupId {
    GroupId::new(Platform::Matrix, "!room:example.org")
}

fn user(n: &str) -> UserRef {
    UserRef::new(
        Platform::Matrix,
        format!("@{}:example.org", n.to_lowercase()),
    )
}

/// What `who` wrote (Anna coordinates), as the platform hands it in.
fn said(who: &str, place: Place, text: &str, event: Option<&str>) -> Inbound {
    Inbound {
        group: Some(room()),
        sender: user(who),
        sender_name: who.to_string(),
        coordinator: who == "Anna",
        place,
        text: text.to_string(),
        event: event.map(str::to_string),
        reply_to: None,
        locale: None,
        edits: None,
        replyable: event.is_some(),
    }
}

impl Chat {
    fn new() -> Self {
        let defaults = Defaults {
            lang: Locale::En,
            ..Defaults::default()
        };
        Self {
            engine: Engine::open(MemoryStore::new(), catalog(), defaults).unwrap(),
            now: start(),
            log: Vec::new(),
        }
    }

    fn say(&mut self, who: &str, place: Place, text: &str) -> Vec<String> {
        let out = self
            .engine
            .receive(said(who, place, text, None), self.now)
            .unwrap();
        self.deliver(out)
    }

    fn deliver(&mut self, out: Vec<Pending>) -> Vec<String> {
        let c = catalog();
        let ids: Vec<u64> = out.iter().map(|o| o.id()).collect();
        self.engine.delivered(&ids).unwrap();
        out.into_iter()
            .map(|p| match p {
                Pending::Post(o) => o,
                Pending::Retract(r) => r.notice,
            })
            .map(|o| {
                let text = c.strings.render(&o.msg, o.locale, o.tz).text;
                self.log.push((o, text.clone()));
                text
            })
            .collect()
    }

    fn wait(&mut self, days: i64) {
        self.now += TimeDelta::days(days);
        let out = self.engine.tick(self.now).unwrap();
        self.deliver(out);
    }
}

#[test]
fn a_round_started_in_a_room_and_joined_in_its_thread() {
    let mut chat = Chat::new();
    let refused = chat.say("Bram", Place::Group, "!brug start action-cycle");
    assert_eq!(
        refused,
        vec!["Only a coordinator can do that: someone with moderator rights in this room (power level 50 or more). `!brug help` shows what everyone can do."]
    );
    chat.say("Anna", Place::Group, "!brug start action-cycle Mr de Wit");
    let (root, _) = &chat.log[1];
    assert!(matches!(root.to, Destination::Root(_, RoundId(1))));
    let thread = Place::Thread(RoundId(1));
    let asked = chat.say("Bram", thread.clone(), "!brug join");
    assert!(
        asked[0].starts_with("Which profession are you taking part as?"),
        "{asked:?}"
    );
    for (who, prof) in [
        ("Anna", "sw"),
        ("Bram", "km-werk"),
        ("Chris", "client-manager-income"),
    ] {
        let joined = chat.say(who, thread.clone(), &format!("!brug join {prof}"));
        assert!(joined[0].contains("takes part as"), "{joined:?}");
    }
    // The intake waits for an owner.
    chat.say("Anna", thread.clone(), "!brug owner Bram");
    chat.wait(1); // the look-back step ends at its deadline
    let sent = chat.say(
        "Bram",
        Place::Private,
        "Father of three, exemption ends next month.",
    );
    assert!(sent[0].starts_with("This is what I received."));
    chat.say("Bram", Place::Private, "yes");
    // A clarifying question: a step nobody answers stays open.
    chat.say("Chris", thread.clone(), "Is the exemption final?");
    chat.wait(2);
    // Blind analysis: answered privately; the DM finds its round by itself.
    let got = chat.say(
        "Chris",
        Place::Private,
        "Problem: income drops\nCause: rules\nJudgement: fair\nSolution: check rights",
    );
    assert!(got[0].starts_with("Received"), "{got:?}");
    assert_eq!(got[1], "1 of 3 answered.");
    assert!(matches!(
        chat.log.last().unwrap().0.to,
        Destination::Thread(_, RoundId(1))
    ));
}

#[test]
fn the_next_round_reviews_the_actions_of_the_last_one() {
    let mut chat = Chat::new();
    chat.say("Anna", Place::Group, "!brug start gossip First");
    let t1 = Place::Thread(RoundId(1));
    chat.say("Anna", t1.clone(), "!brug join sw");
    chat.say("Bram", t1.clone(), "!brug join km-werk");
    chat.say("Anna", t1.clone(), "!brug owner Bram");
    // Skip to the actions step (`next!`: nobody answers on the way),
    // agree one action, finish.
    for _ in 0..20 {
        if chat.log.last().unwrap().1.contains("Agreed actions") {
            break;
        }
        chat.say("Anna", t1.clone(), "!brug next!");
    }
    assert!(chat.log.last().unwrap().1.contains("Agreed actions"));
    chat.say(
        "Bram",
        t1.clone(),
        "Home visit; Bram and Chris; within two weeks",
    );
    chat.say("Anna", t1.clone(), "!brug next");
    // The evaluation waits for answers nobody gives here: skip it on purpose.
    chat.say("Anna", t1.clone(), "!brug next!");
    assert!(chat.log.last().unwrap().1.contains("Round #1 is closed"));

    let out = chat.say("Anna", Place::Group, "!brug start gossip Second");
    let review = out
        .iter()
        .find(|t| t.starts_with("Step 1 of 13: Looking back"))
        .expect("the look-back step");
    assert!(
        review.contains(
            "Actions agreed last time:\n• 1. Home visit — Bram and Chris, within two weeks"
        ),
        "{review}"
    );
}

#[test]
fn a_dm_with_several_open_rounds_asks_which_one() {
    let mut chat = Chat::new();
    chat.say("Anna", Place::Group, "!brug start golden-circle One");
    chat.say("Anna", Place::Group, "!brug start golden-circle Two");
    for r in [1, 2] {
        chat.say("Bram", Place::Thread(RoundId(r)), "!brug join km-werk");
        chat.say("Anna", Place::Thread(RoundId(r)), "!brug owner Bram");
    }
    let out = chat.say("Bram", Place::Private, "My case");
    assert_eq!(
        out,
        vec!["You are in several rounds: #1 «One» or #2 «Two». Write in that round's thread, or start your message with the round number, e.g. `#12`."]
    );
    let out = chat.say("Bram", Place::Private, "#2 My case");
    assert!(out[0].starts_with("This is what I received."));
    assert!(chat.log.last().unwrap().1.contains("> My case"));
}

#[test]
fn messages_handled_together_share_one_commit_and_keep_their_order() {
    use brug::storage::{Key, SledStore, Store};
    let dir = tempfile::tempdir().unwrap();
    let key = Key::from_bytes([9; 32]);
    let defaults = Defaults {
        lang: Locale::En,
        ..Defaults::default()
    };
    let thread = Place::Thread(RoundId(1));
    {
        let store = SledStore::open(dir.path(), &key).unwrap();
        let mut engine = Engine::open(store, catalog(), defaults.clone()).unwrap();
        let results = engine.receive_all(
            vec![
                said(
                    "Anna",
                    Place::Group,
                    "!brug start golden-circle Noor",
                    Some("$1"),
                ),
                // Each sees the ones before it: the round exists by now.
                said("Bram", thread.clone(), "!brug join km-werk", Some("$2")),
                // The same event twice (a replayed sync) is handled once.
                said("Bram", thread.clone(), "!brug join km-werk", Some("$2")),
                said("Chris", thread.clone(), "!brug join sw", Some("$3")),
            ],
            start(),
        );
        let sent: Vec<usize> = results.iter().map(|r| r.as_ref().unwrap().len()).collect();
        assert!(sent[0] >= 1 && sent[1] == 1 && sent[3] == 1, "{sent:?}");
        assert_eq!(sent[2], 0, "a duplicate event was handled twice");
        let ids: Vec<u64> = results
            .iter()
            .flat_map(|r| r.as_ref().unwrap().iter().map(|o| o.id()))
            .collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
        engine.sync().unwrap();
    }
    let store = SledStore::open(dir.path(), &key).unwrap();
    let round = store
        .round(RoundId(1))
        .unwrap()
        .expect("the round was kept");
    let joined: Vec<&str> = round.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(joined, vec!["Bram", "Chris"]);
    for e in ["$1", "$2", "$3"] {
        use brug::edge::RouteView;
        assert!(
            store.handled(Platform::Matrix, e).unwrap(),
            "{e} not in the inbox"
        );
    }
}

/// An action-cycle round at its open "clarify" step (step 3), Bram the owner.
fn at_clarify() -> Chat {
    let mut chat = Chat::new();
    chat.say("Anna", Place::Group, "!brug start action-cycle Noor");
    let thread = Place::Thread(RoundId(1));
    for (who, prof) in [("Anna", "sw"), ("Bram", "km-werk"), ("Chris", "km-inkomen")] {
        chat.say(who, thread.clone(), &format!("!brug join {prof}"));
    }
    chat.say("Anna", thread.clone(), "!brug owner Bram");
    chat.wait(1);
    chat.say("Bram", Place::Private, "Father of three, exemption ends.");
    chat.say("Bram", Place::Private, "yes");
    chat
}

#[test]
fn a_form_answers_as_its_step_asks_and_is_never_a_command() {
    let mut chat = at_clarify();
    // Open step: only Chris saw the form, so the thread is shown the answer.
    let shown = chat.say(
        "Chris",
        Place::Form(RoundId(1), 2),
        "Is the exemption *final*?",
    );
    assert_eq!(
        shown[0], "Chris answered:\n> Is the exemption *final*?",
        "{shown:?}"
    );
    assert!(matches!(
        chat.log.last().unwrap().0.to,
        Destination::Thread(..)
    ));
    // A form for a step that is over says so.
    let stale = chat.say("Chris", Place::Form(RoundId(1), 1), "late");
    assert!(
        stale[0].starts_with("That form was for a step that is over"),
        "{stale:?}"
    );
    // Text in a form is an answer, even from a coordinator.
    chat.say("Anna", Place::Form(RoundId(1), 2), "!brug cancel");
    assert!(chat.engine.open_rounds().any(|r| r.id == RoundId(1)));
    chat.wait(2);
    // Blind step: the form's answer is private; the thread sees progress only.
    let got = chat.say(
        "Chris",
        Place::Form(RoundId(1), 3),
        "problem: income drops\ncause: rules\njudgement: fair\nsolution: check rights",
    );
    assert!(got[0].starts_with("Received"), "{got:?}");
    assert_eq!(got[1], "1 of 3 answered.");
    assert!(got
        .iter()
        .all(|m| !m.contains("income drops") || m.starts_with("Received")));
}

#[test]
fn prompts_with_fields_offer_a_form_that_names_their_step() {
    let mut chat = at_clarify();
    chat.say(
        "Chris",
        Place::Thread(RoundId(1)),
        "Is the exemption final?",
    );
    chat.wait(2);
    use brug::core::message::Action;
    let answer = Action::Answer {
        round: RoundId(1),
        step: 3,
        flow: "action-cycle".into(),
    };
    let prompts: Vec<&Outgoing> = chat
        .log
        .iter()
        .map(|(o, _)| o)
        .filter(|o| o.msg.actions.contains(&answer))
        .collect();
    // The thread's prompt and each participant's private one.
    assert_eq!(prompts.len(), 4, "{prompts:#?}");
    assert_eq!(
        prompts
            .iter()
            .filter(|o| matches!(o.to, Destination::Private(_)))
            .count(),
        3
    );
}

/// What delivery reports for a private message its reader does not accept.
fn kept(o: &Outgoing) -> brug::edge::Receipt {
    brug::edge::Receipt {
        id: o.id,
        round: o.round,
        to: Some(o.to.clone()),
        posted: Vec::new(),
        opened: None,
        retracted: None,
        kept: true,
        slot: None,
    }
}

#[test]
fn private_messages_someone_does_not_accept_wait_for_them() {
    let mut chat = Chat::new();
    chat.say("Anna", Place::Group, "!brug start action-cycle Noor");
    let thread = Place::Thread(RoundId(1));
    chat.say("Chris", thread.clone(), "!brug join km-inkomen");
    chat.say("Anna", thread.clone(), "!brug owner Chris");
    chat.wait(1);
    // The intake asks Chris privately; Chris takes no private messages.
    let out = chat
        .engine
        .receive(
            said("Chris", Place::Private, "A case text.", None),
            chat.now,
        )
        .unwrap();
    let Pending::Post(receipt_msg) = &out[0] else {
        panic!("{out:?}")
    };
    let notices = chat.engine.record(&[kept(receipt_msg)], true).unwrap();
    assert_eq!(notices.len(), 1, "the thread is told once");
    let Pending::Post(notice) = &notices[0] else {
        panic!()
    };
    assert!(matches!(notice.to, Destination::Thread(_, RoundId(1))));
    assert_eq!(notice.msg.mentions, vec![user("Chris")]);
    let text = catalog()
        .strings
        .render(&notice.msg, notice.locale, notice.tz)
        .text;
    assert!(
        text.starts_with("Chris, I can't send you direct messages"),
        "{text}"
    );
    assert!(!text.contains("A case text"), "{text}");
    chat.engine.delivered(&[notice.id]).unwrap();
    // Kept, not lost, and not handed out again at start-up.
    assert!(chat.engine.pending().unwrap().is_empty());
    let again = chat
        .engine
        .receive(said("Chris", Place::Private, "More text.", None), chat.now)
        .unwrap();
    let Pending::Post(second) = &again[0] else {
        panic!()
    };
    assert!(
        chat.engine
            .record(&[kept(second)], true)
            .unwrap()
            .is_empty(),
        "told once"
    );
    // Asking for them hands both out again, oldest first, and only them.
    let mine = chat
        .engine
        .receive(
            said("Chris", Place::Mine(RoundId(1)), "", Some("i1")),
            chat.now,
        )
        .unwrap();
    let ids: Vec<u64> = mine.iter().map(|p| p.id()).collect();
    assert_eq!(ids, vec![receipt_msg.id, second.id]);
    let shown = chat.deliver(mine);
    assert!(
        shown[0].starts_with("This is what I received."),
        "{shown:?}"
    );
    let none = chat.say("Chris", Place::Mine(RoundId(1)), "");
    assert_eq!(none, vec!["Nothing is waiting for you about round #1."]);
}

#[test]
fn kept_messages_go_with_forget_me() {
    let mut chat = Chat::new();
    chat.say("Anna", Place::Group, "!brug start action-cycle Noor");
    chat.say("Chris", Place::Thread(RoundId(1)), "!brug join km-inkomen");
    let out = chat
        .engine
        .receive(
            said("Chris", Place::Private, "!brug status", None),
            chat.now,
        )
        .unwrap();
    let Pending::Post(status) = &out[0] else {
        panic!()
    };
    let notices = chat.engine.record(&[kept(status)], true).unwrap();
    chat.deliver(notices);
    let out = chat
        .engine
        .receive(
            said("Chris", Place::Private, "!brug forget-me", None),
            chat.now,
        )
        .unwrap();
    chat.deliver(out);
    assert!(chat.engine.pending().unwrap().is_empty());
    use brug::edge::RouteView;
    assert!(chat.engine.store().told().unwrap().is_empty());
    let none = chat.say("Chris", Place::Mine(RoundId(1)), "");
    assert_eq!(none, vec!["Nothing is waiting for you about round #1."]);
}

#[test]
fn the_language_of_someones_app_is_theirs_until_they_choose() {
    let mut chat = Chat::new();
    chat.say("Anna", Place::Group, "!brug start action-cycle Noor");
    let mut join = said(
        "Chris",
        Place::Thread(RoundId(1)),
        "!brug join km-inkomen",
        None,
    );
    join.locale = Some(Locale::Nl);
    let out = chat.engine.receive(join, chat.now).unwrap();
    chat.deliver(out);
    // Privately, unprompted: in the app's language.
    let help = chat.say("Anna", Place::Thread(RoundId(1)), "!brug owner Chris");
    assert!(help[0].contains("Chris"), "{help:?}");
    chat.wait(1);
    let (to_chris, text) = chat
        .log
        .iter()
        .rev()
        .find(|(o, _)| o.to == Destination::Private(user("Chris")))
        .unwrap();
    assert_eq!(to_chris.locale, Locale::Nl, "{text}");
    // A language chosen wins over the app's.
    chat.say("Chris", Place::Thread(RoundId(1)), "!brug lang en");
    let mut status = said("Chris", Place::Private, "!brug status", None);
    status.locale = Some(Locale::Nl);
    let out = chat.engine.receive(status, chat.now).unwrap();
    let shown = chat.deliver(out);
    assert!(shown[0].contains("Step"), "{shown:?}");
}

/// Methods and professions by their names, in either language, as well as
/// by their ids; the list of professions shows names in the person's language.
#[test]
fn methods_and_professions_by_their_dutch_and_english_names() {
    let mut chat = Chat::new();
    let opened = chat.say(
        "Anna",
        Place::Group,
        "!brug start handelingscyclus Mr de Wit",
    );
    assert!(
        opened.iter().any(|l| l.contains("Action cycle")),
        "{opened:?}"
    );
    let thread = Place::Thread(RoundId(1));
    let asked = chat.say("Bram", thread.clone(), "!brug join");
    assert!(
        asked[0].contains(
            "social worker, client manager Work, client manager Income or other profession"
        ),
        "{asked:?}"
    );
    for (who, prof, shown) in [
        ("Anna", "sociaal werker", "social worker"),
        ("Bram", "klantmanager-werk", "client manager Work"),
        ("Chris", "Client Manager Income", "client manager Income"),
    ] {
        let joined = chat.say(who, thread.clone(), &format!("!brug join {prof}"));
        assert!(
            joined[0].contains("takes part as") && joined[0].contains(shown),
            "{joined:?}"
        );
    }
    let wrong = chat.say("Dewi", thread.clone(), "!brug join loodgieter");
    assert!(
        wrong[0].contains("choose one of: social worker,"),
        "{wrong:?}"
    );
    let other = chat.say("Anna", Place::Group, "!brug start Gouden Cirkel");
    assert!(
        other.iter().any(|l| l.contains("Golden Circle")),
        "{other:?}"
    );
}

#[test]
fn a_schedule_survives_a_restart_and_fires_after_it() {
    use brug::storage::{Key, SledStore};
    let dir = tempfile::tempdir().unwrap();
    let key = Key::from_bytes([7; 32]);
    let defaults = Defaults {
        lang: Locale::En,
        ..Defaults::default()
    };
    {
        let store = SledStore::open(dir.path(), &key).unwrap();
        let mut engine = Engine::open(store, catalog(), defaults.clone()).unwrap();
        let m = said(
            "Anna",
            Place::Group,
            "!brug schedule golden-circle first Tuesday of the month 10:00; owners bram",
            Some("$s"),
        );
        // Bram is known to the group from an earlier round.
        engine
            .receive(
                said(
                    "Anna",
                    Place::Group,
                    "!brug start golden-circle",
                    Some("$0"),
                ),
                start(),
            )
            .unwrap();
        engine
            .receive(
                said(
                    "Bram",
                    Place::Thread(RoundId(1)),
                    "!brug join km-werk",
                    Some("$1"),
                ),
                start(),
            )
            .unwrap();
        let out = engine.receive(m, start()).unwrap();
        assert_eq!(out.len(), 1);
    }
    // Reopened: the schedule's next moment is a timer again, and at it the
    // round opens with Bram as its case owner.
    let store = SledStore::open(dir.path(), &key).unwrap();
    let mut engine = Engine::open(store, catalog(), defaults).unwrap();
    let due = engine.next_due().unwrap().unwrap();
    let at: chrono::DateTime<chrono::Utc> = "2026-12-01T09:00:00Z".parse().unwrap();
    assert!(due <= at, "{due}");
    let mut opened = None;
    let mut now = due;
    for _ in 0..10 {
        engine.tick(now).unwrap();
        if let Some(r) = engine.open_rounds().find(|r| r.id == RoundId(2)) {
            opened = Some(r.clone());
            break;
        }
        now = engine.next_due().unwrap().unwrap();
    }
    let r = opened.expect("the scheduled round opened");
    assert_eq!(
        r.opened,
        "2026-12-01T09:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    );
    assert_eq!(r.owner, Some(user("Bram")));
    assert_eq!(
        r.participants[0].user,
        user("Bram"),
        "the case owner takes part"
    );
}

#[test]
fn a_message_held_through_quiet_hours_stays_held_across_a_restart() {
    use brug::core::effect::{Destination, Pending};
    use brug::storage::{Key, SledStore};
    let dir = tempfile::tempdir().unwrap();
    let key = Key::from_bytes([5; 32]);
    let defaults = Defaults {
        lang: Locale::En,
        ..Defaults::default()
    };
    // 22:00 in Amsterdam: Anna names Bram the case owner, so he is asked
    // for the case privately — in the morning.
    let night = start() + chrono::TimeDelta::hours(13);
    let to_bram =
        |p: &Pending| matches!(p, Pending::Post(o) if o.to == Destination::Private(user("Bram")));
    {
        let store = SledStore::open(dir.path(), &key).unwrap();
        let mut engine = Engine::open(store, catalog(), defaults.clone()).unwrap();
        let thread = Place::Thread(RoundId(1));
        for (i, (who, place, text)) in [
            ("Anna", Place::Group, "!brug start golden-circle"),
            ("Bram", thread.clone(), "!brug join km-werk"),
            ("Anna", thread.clone(), "!brug owner Bram"),
        ]
        .into_iter()
        .enumerate()
        {
            let out = engine
                .receive(said(who, place, text, Some(&format!("$h{i}"))), night)
                .unwrap();
            assert!(!out.iter().any(to_bram), "sent to Bram at night: {out:?}");
        }
    }
    let store = SledStore::open(dir.path(), &key).unwrap();
    let mut engine = Engine::open(store, catalog(), defaults).unwrap();
    assert!(
        !engine.pending().unwrap().iter().any(to_bram),
        "handed out again at start-up"
    );
    let morning: chrono::DateTime<chrono::Utc> = "2026-12-02T07:00:00Z".parse().unwrap();
    assert_eq!(engine.next_due().unwrap(), Some(morning));
    let out = engine.tick(morning).unwrap();
    assert_eq!(out.iter().filter(|p| to_bram(p)).count(), 1, "{out:?}");
    assert!(engine.tick(morning).unwrap().is_empty(), "released twice");
}
