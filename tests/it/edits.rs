//! Edits taken as corrections, through the engine as a platform drives it
//! (messages with their platform ids, edits naming the message they change):
//! an edited answer while its step is open replaces the earlier one — in the
//! reveal too — with an "updated" receipt; an edit after the step closed gets
//! a private note that the earlier version counts; other edits are left alone.

use super::support::{catalog, start};
use brug::core::effect::Pending;
use brug::core::ids::{GroupId, Locale, Platform, RoundId, UserRef};
use brug::core::round::TEXT;
use brug::engine::{Defaults, Engine, Inbound, Place};
use brug::storage::MemoryStore;
use chrono::{DateTime, TimeDelta, Utc};

struct Chat {
    engine: Engine<MemoryStore>,
    now: DateTime<Utc>,
    n: u32,
}

fn user(n: &str) -> UserRef {
    UserRef::new(
        Platform::Matrix,
        format!("@{}:example.org", n.to_lowercase()),
    )
}

impl Chat {
    fn new(locale: Locale) -> Self {
        let defaults = Defaults {
            lang: locale,
            ..Defaults::default()
        };
        Self {
            engine: Engine::open(MemoryStore::new(), catalog(), defaults).unwrap(),
            now: start(),
            n: 0,
        }
    }

    /// `who` writes `text` at `place`; returns the message's platform id and
    /// what the bot said, as `[to] text`.
    fn say(&mut self, who: &str, place: Place, text: &str) -> (String, Vec<String>) {
        self.n += 1;
        let id = format!("$ev{}", self.n);
        let out = self.send(who, place, text, &id, None);
        (id, out)
    }

    /// `who` edits message `of` to read `text`.
    fn edit(&mut self, who: &str, place: Place, of: &str, text: &str) -> Vec<String> {
        self.n += 1;
        let id = format!("$ev{}", self.n);
        self.send(who, place, text, &id, Some(of))
    }

    fn send(
        &mut self,
        who: &str,
        place: Place,
        text: &str,
        id: &str,
        edits: Option<&str>,
    ) -> Vec<String> {
        let m = Inbound {
            group: (place != Place::Private)
                .then(|| GroupId::new(Platform::Matrix, "!room:example.org")),
            sender: user(who),
            sender_name: who.to_string(),
            coordinator: who == "Anna",
            place,
            text: text.to_string(),
            event: Some(id.to_string()),
            reply_to: None,
            locale: None,
            edits: edits.map(str::to_string),
            replyable: edits.is_none(),
        };
        let out = self.engine.receive(m, self.now).unwrap();
        self.deliver(out)
    }

    fn deliver(&mut self, out: Vec<Pending>) -> Vec<String> {
        let c = catalog();
        let ids: Vec<u64> = out.iter().map(|o| o.id()).collect();
        self.engine.delivered(&ids).unwrap();
        out.into_iter()
            .filter_map(|p| match p {
                Pending::Post(o) => Some(o),
                Pending::Retract(_) => None,
            })
            .map(|o| {
                let to = match &o.to {
                    brug::core::Destination::Private(u) => format!("dm {}", u.id),
                    _ => "thread".to_string(),
                };
                format!("[{to}] {}", c.strings.render(&o.msg, o.locale, o.tz).text)
            })
            .collect()
    }

    fn wait(&mut self, days: i64) -> Vec<String> {
        self.now += TimeDelta::days(days);
        let out = self.engine.tick(self.now).unwrap();
        self.deliver(out)
    }

    fn round(&self) -> brug::core::Round {
        use brug::storage::Store;
        self.engine.store().round(RoundId(1)).unwrap().unwrap()
    }
}

/// A Golden Circle with four people and the case posted: at the clarifying
/// questions (open, in the thread).
fn at_questions(locale: Locale) -> Chat {
    let mut chat = Chat::new(locale);
    chat.say("Anna", Place::Group, "!brug start golden-circle Noor");
    let thread = Place::Thread(RoundId(1));
    for (who, prof) in [
        ("Anna", "sw"),
        ("Bram", "km-werk"),
        ("Chris", "sw"),
        ("Dewi", "km-inkomen"),
    ] {
        chat.say(who, thread.clone(), &format!("!brug join {prof}"));
    }
    chat.say("Anna", thread.clone(), "!brug owner Bram");
    chat.say("Bram", Place::Private, "A mother, two children.");
    let yes = if locale == Locale::Nl { "ja" } else { "yes" };
    chat.say("Bram", Place::Private, yes);
    chat
}

#[test]
fn an_edited_open_answer_corrects_its_part_and_the_receipt_says_updated() {
    for (locale, updated) in [
        (
            Locale::En,
            "Updated: your answer to «Clarifying questions» now reads as you corrected it.",
        ),
        (
            Locale::Nl,
            "Bijgewerkt: je antwoord op «Verhelderende vragen» luidt nu zoals je het verbeterde.",
        ),
    ] {
        let mut chat = at_questions(locale);
        let thread = Place::Thread(RoundId(1));
        let (first, _) = chat.say("Chris", thread.clone(), "Does she have a netwrok?");
        chat.say("Chris", thread.clone(), "Who pays for childcare?");
        let out = chat.edit("Chris", Place::Group, &first, "Does she have a network?");
        assert_eq!(out, vec![format!("[dm @chris:example.org] {updated}")]);
        let r = chat.round();
        let a = r.answer_of("questions", &user("Chris")).unwrap();
        assert_eq!(
            a.fields[TEXT],
            "Does she have a network?\nWho pays for childcare?"
        );
        // An edit of a message that answered nothing (chat, a command) is left alone.
        let (chat_line, _) = chat.say("Anna", Place::Group, "Coffee at ten?");
        assert!(chat
            .edit("Anna", Place::Group, &chat_line, "Coffee at eleven?")
            .is_empty());
        // An edited command does not run again.
        let (cmd, _) = chat.say("Anna", thread.clone(), "!brug status");
        assert!(chat
            .edit("Anna", thread.clone(), &cmd, "!brug next!")
            .is_empty());
        assert_eq!(chat.round().step, r.step, "an edited command ran");
    }
}

/// A platform may hand over a message and its edit at once, in either order:
/// an edit that overtakes its message is kept, and the message, when it
/// comes, is read as edited — but an edit never makes a command.
#[test]
fn an_edit_that_arrives_before_its_message_corrects_it() {
    let mut chat = at_questions(Locale::En);
    let thread = Place::Thread(RoundId(1));
    assert!(chat
        .edit("Chris", Place::Group, "$early", "Does she have a network?")
        .is_empty());
    chat.send(
        "Chris",
        thread.clone(),
        "Does she have a netwrok?",
        "$early",
        None,
    );
    let r = chat.round();
    let a = r.answer_of("questions", &user("Chris")).unwrap();
    assert_eq!(a.fields[TEXT], "Does she have a network?");
    // An answer edited into a command, overtaking it, stays an answer.
    chat.edit("Dewi", Place::Group, "$early2", "!brug next!");
    chat.send(
        "Dewi",
        thread.clone(),
        "Is there family nearby?",
        "$early2",
        None,
    );
    let r2 = chat.round();
    assert_eq!(r2.step, r.step, "an early edit ran as a command");
    assert_eq!(
        r2.answer_of("questions", &user("Dewi")).unwrap().fields[TEXT],
        "Is there family nearby?"
    );
}

#[test]
fn an_edited_blind_answer_replaces_the_earlier_one_in_the_reveal() {
    let mut chat = at_questions(Locale::En);
    let thread = Place::Thread(RoundId(1));
    chat.say("Chris", thread.clone(), "Does she have a network?");
    chat.wait(1);
    let circle = |n: &str, why: &str| {
        format!("Problem: p of {n}\nClient: c of {n}\nWhy: {why}\nHow: h of {n}\nWhat: w of {n}")
    };
    let (anna, _) = chat.say("Anna", Place::Private, &circle("Anna", "a typo of Anna"));
    let out = chat.edit(
        "Anna",
        Place::Private,
        &anna,
        &circle("Anna", "the belief of Anna"),
    );
    assert!(
        out.iter()
            .any(|l| l.starts_with("[dm @anna:example.org] Updated: your answer to «Your circle»")),
        "{out:?}"
    );
    // An identifier in the correction: not taken, the earlier version stays.
    let out = chat.edit(
        "Anna",
        Place::Private,
        &anna,
        &circle("Anna", "call 06 12345678"),
    );
    assert!(out.iter().any(|l| l.contains("phone number")), "{out:?}");
    let mut reveal = Vec::new();
    for n in ["Bram", "Chris", "Dewi"] {
        reveal = chat
            .say(n, Place::Private, &circle(n, &format!("belief of {n}")))
            .1;
    }
    let wall = reveal
        .iter()
        .find(|l| l.contains("Step 4"))
        .expect("the reveal");
    assert!(wall.contains("the belief of Anna"), "{wall}");
    assert!(
        !wall.contains("a typo of Anna") && !wall.contains("12345678"),
        "{wall}"
    );
    // The circle has closed: a late edit gets the note, and changes nothing.
    let out = chat.edit("Anna", Place::Private, &anna, &circle("Anna", "too late"));
    assert_eq!(
        out,
        vec!["[dm @anna:example.org] You edited your answer to «Your circle» after that step had closed; the earlier version counts."]
    );
    let a = chat.round();
    let a = a.answer_of("circle", &user("Anna")).unwrap();
    assert_eq!(a.fields["why"], "the belief of Anna");
}
