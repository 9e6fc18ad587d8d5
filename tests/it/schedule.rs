//! Recurring rounds over months (issue 14): a monthly schedule through a
//! change to summer time, the case owner asked privately to prepare the
//! case, rounds opening on time with it (or the coordinator told in time
//! that it is missing), last round's actions reviewed and their outcome in
//! the export, and a deadline moved out of quiet hours.

use super::support::{five_people, replies, script, Run};
use brug::core::ids::{Locale, RoundId};
use brug::storage::Store;
use chrono_tz::Europe::Amsterdam;

/// The action cycle's script with dated actions, to its close.
fn first_round(run: &mut Run) {
    let s = script("action-cycle.en.txt")
        .replace(
            "Bram: Arrange a medical examination; Bram; within a month",
            "Bram: Arrange a medical examination; Bram; Friday",
        )
        .replace(
            "Eva: Family conversation at home; Eva and Anna; in two weeks",
            "Eva: Family conversation at home; Eva; 2w",
        );
    run.feed(&s);
}

/// Lets time pass an hour at a time until a line containing `needle` is
/// delivered: the local hour it came in, and everything said on the way.
fn wait_for(run: &mut Run, needle: &str) -> (String, Vec<String>) {
    let mut said = Vec::new();
    for _ in 0..24 * 62 {
        let got = replies(run, "~ 1h");
        let found = got.iter().any(|l| l.contains(needle));
        said.extend(got);
        if found {
            // Steps end on the hour: it came at most an hour before this.
            let at = run.session.now;
            return (
                at.with_timezone(&Amsterdam)
                    .format("%a %d %b %H")
                    .to_string(),
                said,
            );
        }
    }
    panic!("never said: {needle}\n{}", said.join("\n"));
}

fn opened(run: &Run, n: u64) -> String {
    let r = run
        .session
        .engine
        .store()
        .round(RoundId(n))
        .unwrap()
        .unwrap();
    r.opened.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[test]
fn a_monthly_schedule_over_three_months_prepares_opens_and_follows_up() {
    let mut run = Run::new("action-cycle", Locale::En, five_people());
    first_round(&mut run);
    replies(&mut run, "Anna: !brug group weekends quiet");
    let set = replies(
        &mut run,
        "Anna: !brug schedule action-cycle first Tuesday of the month 10:00; owners Chris, Dewi; prepare 5d",
    );
    assert!(set[0].contains("The schedule is set.\nRecurring rounds: Action cycle, first Tuesday of the month 10:00. Next one: Tue 5 Jan 10:00. The case owner is asked 5 days before to prepare the case.\nCase owner next time: Chris (in turn: Chris and Dewi)."), "{set:?}");
    // Not a coordinator: refused, with who is one.
    let not = replies(&mut run, "Bram: !brug schedule off");
    assert!(not[0].contains("coordinator"), "{not:?}");

    // Five days before, at the round's time: Chris is asked, privately.
    let (at, said) = wait_for(&mut run, "Could you prepare it?");
    assert_eq!(at, "Thu 31 Dec 10");
    assert!(said.last().unwrap().starts_with("[dm Chris] Hi Chris: you bring in the case at the group's next round (Action cycle, Tue 5 Jan 10:00)."));
    assert!(said
        .last()
        .unwrap()
        .contains("3. Your question for the group."));
    // A phone number is held back; the masked case is shown to confirm.
    let held = replies(&mut run, "Chris (dm): A young mother with debts, reachable on 06 12345678; who coordinates the help?");
    assert!(
        held[0].starts_with("[dm Chris] I found what looks like a phone number"),
        "{held:?}"
    );
    let kept = replies(&mut run, "Chris (dm): yes");
    assert_eq!(kept, ["[dm Chris] Thank you, the case is ready. The round opens with it on Tue 5 Jan 10:00; until then you can still send a new version here."]);

    // It is prepared: the coordinator hears nothing the day before; the
    // round opens on time, Chris already in it, looking back first.
    let (at, said) = wait_for(&mut run, "Round #2: Action cycle");
    assert_eq!(at, "Tue 05 Jan 10");
    assert!(
        !said.iter().any(|l| l.contains("has not been prepared")),
        "{said:?}"
    );
    let all = said.join("\n");
    assert!(all.contains("«Chris's case»"), "{all}");
    assert!(all.contains("Actions agreed last time:\n• 1. Arrange a medical examination — Bram, Friday\n• 2. Family conversation at home — Eva, 2w\nSay what came of one by its number, for example `1: booked for 12 January`; that is kept with the action."), "{all}");
    assert_eq!(opened(&run, 2), "2027-01-05 09:00 UTC");
    assert!(run
        .stored(2)
        .unwrap()
        .participant(&brug::platform::console::user("Chris"))
        .is_some());
    run.feed("Anna: !brug join social-worker\nBram: !brug join client-manager-work\nEva: !brug join social-worker\nDewi: !brug join client-manager-income");
    let noted = replies(
        &mut run,
        "Bram: 1: The examination is booked for 12 January.",
    );
    assert_eq!(
        noted,
        ["[thread] Noted what came of action 1 (Arrange a medical examination)."]
    );
    run.feed("Eva: It went better than I feared.\nEva: 2) It happened; the children were there.");
    // On to the case: the prepared one is posted, nobody asked for it again.
    let case = replies(&mut run, "Anna: !brug next!");
    let case = case.join("\n");
    assert!(
        case.contains("The case, brought in by Chris:\n> A young mother with debts, reachable on"),
        "{case}"
    );
    assert!(
        case.contains("[dm Chris] The round has opened with the case you prepared"),
        "{case}"
    );
    assert!(!case.contains("Send the case as a reply here"), "{case}");
    // What came of the actions is in the record.
    let export = replies(&mut run, "Anna: !brug export").join("\n");
    assert!(export.contains("What came of last round's actions:\n• Arrange a medical examination: The examination is booked for 12 January. (Bram)\n• Family conversation at home: It happened; the children were there. (Eva)"), "{export}");
    let json = replies(&mut run, "Anna: !brug export json").join("\n");
    assert!(
        json.contains("\"outcome\": \"The examination is booked for 12 January.\""),
        "{json}"
    );
    run.feed("Anna: !brug cancel");

    // Dewi's turn: not prepared, so the day before the coordinator hears
    // so (and Dewi is reminded); the round opens on time regardless.
    let (at, said) = wait_for(&mut run, "has not been prepared yet");
    assert_eq!(at, "Mon 01 Feb 10");
    assert!(said
        .iter()
        .any(|l| l.starts_with("[dm Dewi] Hi Dewi: you bring in the case")));
    assert!(said.iter().any(|l| l == "[dm Anna] The case for the round of Tue 2 Feb 10:00 has not been prepared yet; I asked Dewi. The round opens on time either way, and Dewi can then send the case privately."));
    assert!(said.iter().any(|l| l
        .starts_with("[dm Dewi] A reminder: the round of Tue 2 Feb 10:00 opens with your case.")));
    let (at, _) = wait_for(&mut run, "Round #3: Action cycle");
    assert_eq!(at, "Tue 02 Feb 10");
    run.feed("Anna: !brug cancel");
    let (at, _) = wait_for(&mut run, "Round #4: Action cycle");
    assert_eq!(at, "Tue 02 Mar 10");
    run.feed("Anna: !brug cancel");

    // Across the change to summer time (28 March) 10:00 stays 10:00 local.
    let (at, _) = wait_for(&mut run, "Round #5: Action cycle");
    assert_eq!(at, "Tue 06 Apr 10");
    assert_eq!(opened(&run, 5), "2027-04-06 08:00 UTC");
    // A deadline that would fall at 22:00 moves to the end of quiet hours.
    let ext = replies(&mut run, "Anna: !brug extend 12h").join("\n");
    assert!(ext.contains("Thu 8 Apr 08:00"), "{ext}");

    // `group` shows the schedule with the next case owner; nothing private
    // ever reached the thread, and the phone number was stored nowhere.
    let group = replies(&mut run, "Anna: !brug group").join("\n");
    assert!(group.contains("Next one: Tue 4 May 10:00"), "{group}");
    assert!(
        group.contains("Case owner next time: Chris (in turn: Chris and Dewi)"),
        "{group}"
    );
    let transcript = run.transcript();
    assert!(!transcript.contains("12345678"), "the number was shown");
    assert!(!transcript
        .lines()
        .any(|l| l.starts_with("[thread]") && l.contains("Could you prepare it?")));
    assert!(run.errors().is_empty(), "{:?}", run.errors());
}

#[test]
fn a_schedule_that_cannot_be_read_says_what_would_work() {
    let mut run = Run::new("golden-circle", Locale::Nl, five_people());
    let bad = replies(&mut run, "Anna: !brug schedule golden-circle af en toe");
    assert!(
        bad[0].contains("`af en toe` is geen ritme dat ik kan lezen."),
        "{bad:?}"
    );
    let owner = replies(
        &mut run,
        "Anna: !brug schedule golden-circle eerste dinsdag van de maand; inbrengers Zoë",
    );
    // The console names anyone; elsewhere the roster decides (unit tests).
    assert!(owner[0].contains("Het rooster staat."), "{owner:?}");
    let unknown = replies(
        &mut run,
        "Anna: !brug schedule tovenarij eerste dinsdag van de maand",
    );
    assert!(unknown[0].contains("tovenarij"), "{unknown:?}");
    let show = replies(&mut run, "Bram: !brug schedule").join("\n");
    assert!(
        show.contains("Vaste rondes: Gouden Cirkel, eerste dinsdag van de maand."),
        "{show}"
    );
    let off = replies(&mut run, "Anna: !brug schedule off");
    assert_eq!(
        off,
        ["[thread] De vaste rondes zijn gestopt; rondes die al lopen gaan door."]
    );
}

#[test]
fn forget_me_takes_a_case_owner_out_of_the_turns_and_their_prepared_case_with_them() {
    let mut run = Run::new("golden-circle", Locale::En, five_people());
    // No round waits on Chris privately: their messages prepare the case.
    run.feed("Anna: !brug cancel");
    run.feed("Anna: !brug schedule golden-circle last Friday of the month 10:00; owners Chris, Dewi; prepare 3d");
    wait_for(&mut run, "Could you prepare it?");
    run.feed("Chris (dm): A father who lost his job.\nChris (dm): yes");
    let g = |run: &Run| {
        run.session
            .engine
            .store()
            .group(&brug::platform::console::group())
            .unwrap()
            .unwrap()
            .schedule
            .unwrap()
    };
    assert_eq!(
        g(&run).next.unwrap().case.as_deref(),
        Some("A father who lost his job.")
    );
    // Until the round opens, a new version replaces it (after a yes).
    let again = replies(&mut run, "Chris (dm): yes");
    assert!(again[0].contains("the case is ready"), "{again:?}");
    run.feed("Chris (dm): A father who lost his job and his home.\nChris (dm): yes");
    assert_eq!(
        g(&run).next.unwrap().case.as_deref(),
        Some("A father who lost his job and his home.")
    );
    run.feed("Chris (dm): !brug forget-me");
    let s = g(&run);
    let names: Vec<&str> = s.owners.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Dewi"]);
    let next = s.next.unwrap();
    assert_eq!((next.owner, next.case), (None, None));
}
