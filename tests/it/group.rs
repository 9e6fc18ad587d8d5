//! The group (`!brug group`): its settings and participation, counts only,
//! and coordinators changing quiet hours, weekends and time zone — which a
//! running round keeps to from its next deadline.

use super::privacy::final_round;
use super::support::{default_people, replies, Run};
use brug::core::ids::Locale;

fn answer(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "Problem: p\\nClient: c\\nWhy: w\\nHow: h\\nWhat: x",
        Locale::Nl => "Probleem: p\\nCliënt: c\\nWaarom: w\\nHoe: h\\nWat: x",
    }
}

#[test]
fn the_group_shows_its_settings_and_who_answered_in_time_counts_only() {
    for (locale, want) in [
        (
            Locale::En,
            [
                "This group writes in English, keeps time in Europe/Amsterdam and keeps ended rounds for 90 days.",
                "Quiet hours: from 20:00 to 08:00. Then I send nobody anything, and deadlines move to the end of them.",
                "Taking part, over the one round still kept:",
                "• Anna (social worker): one round, 1 of 1 questions answered in time",
                "• Bram (client manager Work): one round, 2 of 2 questions answered in time",
                "• Dewi (client manager Income): one round, 0 of 1 questions answered in time",
            ],
        ),
        (
            Locale::Nl,
            [
                "Deze groep schrijft in het Nederlands, rekent in tijdzone Europe/Amsterdam en bewaart afgelopen rondes 90 dagen.",
                "Rusttijden: van 20:00 tot 08:00. Dan stuur ik niemand iets, en deadlines schuiven naar het eind ervan.",
                "Wie meedoet, over de ene ronde die nog bewaard zijn:",
                "• Anna (sociaal werker): één ronde, 1 van 1 vragen op tijd beantwoord",
                "• Bram (klantmanager Werk): één ronde, 2 van 2 vragen op tijd beantwoord",
                "• Dewi (klantmanager Inkomen): één ronde, 0 van 1 vragen op tijd beantwoord",
            ],
        ),
    ] {
        let mut run = Run::new("golden-circle", locale, default_people());
        let yes = if locale == Locale::Nl { "ja" } else { "yes" };
        run.feed(&format!("Bram (dm): A case.\nBram (dm): {yes}\nAnna: !brug next"));
        for who in ["Anna", "Bram", "Chris"] {
            run.feed(&format!("{who} (dm): {}", answer(locale)));
        }
        run.feed("~ 2d");
        let shown = replies(&mut run, "Dewi: !brug group").join("\n");
        for w in want {
            assert!(shown.contains(w), "{locale}: missing {w:?} in:\n{shown}");
        }
        // Counts only: nothing anyone wrote.
        assert!(!shown.contains("A case"), "{shown}");
    }
}

#[test]
fn coordinators_change_quiet_hours_and_a_weekend_deadline_waits_for_monday() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    // Not a coordinator, a setting it does not know, and not in private.
    assert_eq!(
        replies(&mut run, "Bram: !brug group weekends quiet"),
        vec!["[thread] Only a coordinator can do that: someone the operator made a coordinator. `!brug help` shows what everyone can do.".to_string()]
    );
    assert_eq!(
        replies(&mut run, "Anna: !brug group colour red"),
        vec!["[thread] `colour red` is not a group setting I know; use `!brug group quiet 20-8`, `!brug group weekends quiet` (or `open`), `!brug group tz Europe/Amsterdam`, `!brug group flow golden-circle` or `!brug group deadline 3d`.".to_string()]
    );
    let out = replies(&mut run, "Anna: !brug group weekends quiet").join("\n");
    assert!(out.contains("Saved."), "{out}");
    assert!(
        out.contains("from 20:00 to 08:00, and all weekend"),
        "{out}"
    );
    assert!(
        final_round(&run).quiet.weekends,
        "the running round keeps to it"
    );
    // The questions end on Thursday 09:00; two more days for the circle
    // end on Saturday, so its deadline moves to Monday 08:00.
    run.feed("Bram (dm): A case.\nBram (dm): yes\nChris: Who else?\n~ 2d");
    let next = replies(&mut run, "Anna: !brug extend 1d").join("\n");
    assert!(
        next.contains("The deadline is now Mon 7 Dec 08:00."),
        "{next}"
    );
    // Quiet hours changed and then none at all.
    let out = replies(&mut run, "Anna: !brug group quiet 0-0").join("\n");
    assert!(
        out.contains("No quiet hours in the evening; only weekends are quiet."),
        "{out}"
    );
}

mod over_time {
    //! Three rounds in one group, through the engine as a platform drives
    //! it: `!brug group` shows the frames of each and the trend.
    use super::super::support::{catalog, start};
    use brug::core::effect::Pending;
    use brug::core::ids::{GroupId, Locale, Platform, RoundId, UserRef};
    use brug::core::round::Status;
    use brug::engine::{Defaults, Engine, Inbound, Place};
    use brug::storage::{MemoryStore, Store};
    use chrono::TimeDelta;

    struct Chat {
        engine: Engine<MemoryStore>,
        now: chrono::DateTime<chrono::Utc>,
        n: u32,
    }

    impl Chat {
        fn say(&mut self, who: &str, place: Place, text: &str) -> Vec<Pending> {
            self.n += 1;
            let m = Inbound {
                group: (place != Place::Private)
                    .then(|| GroupId::new(Platform::Matrix, "!room:example.org")),
                sender: UserRef::new(Platform::Matrix, format!("@{}:hs", who.to_lowercase())),
                sender_name: who.to_string(),
                coordinator: who == "Anna",
                place,
                text: text.to_string(),
                event: Some(format!("$e{}", self.n)),
                reply_to: None,
                locale: None,
                edits: None,
                replyable: true,
            };
            let out = self.engine.receive(m, self.now).unwrap();
            let ids: Vec<u64> = out.iter().map(|o| o.id()).collect();
            self.engine.delivered(&ids).unwrap();
            out
        }

        /// One whole Golden Circle: the social worker and the client manager
        /// each write `sw` and `km` in the clarifying questions.
        /// Returns what the bot sent when the round closed.
        fn round(&mut self, id: u64, sw: &str, km: &str) -> Vec<Pending> {
            self.say("Anna", Place::Group, "!brug start golden-circle Case");
            let thread = Place::Thread(RoundId(id));
            for (who, prof) in [
                ("Anna", "sw"),
                ("Bram", "km-werk"),
                ("Chris", "sw"),
                ("Dewi", "km-inkomen"),
            ] {
                self.say(who, thread.clone(), &format!("!brug join {prof}"));
            }
            self.say("Anna", thread.clone(), "!brug owner Bram");
            self.say("Bram", Place::Private, &format!("#{id} A mother of two."));
            self.say("Bram", Place::Private, &format!("#{id} yes"));
            self.say("Anna", thread.clone(), sw);
            self.say("Chris", thread.clone(), sw);
            self.say("Dewi", thread.clone(), km);
            let mut last = Vec::new();
            for _ in 0..12 {
                let r = self.engine.store().round(RoundId(id)).unwrap().unwrap();
                if r.status == Status::Closed {
                    break;
                }
                last = self.say("Anna", thread.clone(), "!brug next!");
            }
            let r = self.engine.store().round(RoundId(id)).unwrap().unwrap();
            assert_eq!(r.status, Status::Closed, "round {id} did not close");
            self.now += TimeDelta::weeks(4);
            last
        }
    }

    const NEEDS: &str = "She needs rest, care and support first; a safe home for the children before anything else, and someone who listens to her worries.";
    const CONTROL: &str = "She has to keep to the agreements and the rules; we check that she applies for jobs, and otherwise a sanction follows.";

    #[test]
    fn the_group_sees_its_frames_over_its_last_rounds_and_whether_they_converge() {
        let defaults = Defaults {
            lang: Locale::En,
            ..Defaults::default()
        };
        let mut chat = Chat {
            engine: Engine::open(MemoryStore::new(), catalog(), defaults).unwrap(),
            now: start(),
            n: 0,
        };
        let first = chat.round(1, NEEDS, CONTROL);
        assert!(
            first.iter().all(|p| match p {
                Pending::Post(o) => !o.msg.ids().contains(&"summary-over-time"),
                Pending::Retract(_) => true,
            }),
            "a first round has nothing to compare with"
        );
        chat.round(2, NEEDS, CONTROL);
        let closing = chat.round(3, NEEDS, NEEDS);
        let c = catalog();
        // The third round's summary compares it with the two before.
        let summary: String = closing
            .iter()
            .filter_map(|p| match p {
                Pending::Post(o) => Some(c.strings.render(&o.msg, o.locale, o.tz).text),
                Pending::Retract(_) => None,
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            summary.contains("The group's frames over its last 3 rounds, this one last:"),
            "{summary}"
        );
        assert!(
            summary.contains("The professions now reason closer together"),
            "{summary}"
        );
        let out = chat.say("Chris", Place::Group, "!brug group");
        let shown: Vec<_> = out
            .iter()
            .filter_map(|p| match p {
                Pending::Post(o) => Some(o),
                Pending::Retract(_) => None,
            })
            .collect();
        assert_eq!(shown.len(), 1);
        let text = c
            .strings
            .render(&shown[0].msg, shown[0].locale, shown[0].tz)
            .text;
        assert!(
            text.contains("Frames over the last 3 ended rounds:"),
            "{text}"
        );
        assert!(text.contains("#1 (Tue 1 Dec 09:"), "{text}");
        assert!(
            text.contains("The professions now reason closer together than they did."),
            "{text}"
        );
        // No case content, no names with frames.
        assert!(!text.contains("mother"), "{text}");
        let chart = shown[0].msg.chart.as_ref().expect("a chart");
        assert_eq!(chart.series.len(), 3, "one series per round");
    }
}

#[test]
fn a_group_s_own_method_and_deadline_are_what_start_uses() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed("Anna: !brug cancel\nBram: !brug lang nl");
    // No method of its own yet: `start` alone says what it needs.
    let none = replies(&mut run, "Anna: !brug start").join("\n");
    assert!(
        none.contains("`start` needs more: `!brug start <method> [title…]`."),
        "{none}"
    );
    let set = replies(&mut run, "Anna: !brug group flow gossip").join("\n");
    assert!(
        set.contains("Without a method named, `!brug start` starts Gossip method."),
        "{set}"
    );
    assert!(
        set.contains("Coordinators: those the operator made coordinators."),
        "{set}"
    );
    // Whoever reads the bot in another language, by their own choice.
    assert!(set.contains("In Dutch, as they chose: Bram."), "{set}");
    let set = replies(&mut run, "Anna: !brug group deadline 3d").join("\n");
    assert!(
        set.contains("Steps get 3d here, unless their method gives them a deadline of their own."),
        "{set}"
    );
    let bad = replies(&mut run, "Anna: !brug group flow tovenarij").join("\n");
    assert!(bad.contains("There is no method `tovenarij`"), "{bad}");
    let not = replies(&mut run, "Bram: !brug group deadline 1d").join("\n");
    assert!(not.contains("Only a coordinator"), "{not}");
    // `start` alone, or with only a title: the group's method. Gossip's
    // first step has a deadline of its own (1d); its default (2d) becomes
    // the group's 3d where a step has none of its own.
    let started = replies(&mut run, "Anna: !brug start Noor").join("\n");
    assert!(started.contains("Gossip method — «Noor»"), "{started}");
    let r = run.stored(2).unwrap();
    assert_eq!(r.flow_id, "gossip");
    let flow = super::support::catalog().flow("gossip").unwrap().clone();
    let own = flow
        .steps
        .iter()
        .find(|s| !s.flow_deadline && s.deadline.is_some())
        .unwrap();
    let default = flow.steps.iter().find(|s| s.flow_deadline).unwrap();
    assert_eq!(own.deadline_in(&r), own.deadline);
    assert_eq!(
        default.deadline_in(&r).map(|s| s.to_string()).as_deref(),
        Some("3d")
    );
}
