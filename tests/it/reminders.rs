//! Time passing: reminders reach exactly those who have not answered, and a
//! passed deadline moves the round on.

use super::privacy::final_round;
use super::support::{default_people, Run};
use brug::core::ids::Locale;

#[test]
fn reminders_reach_exactly_those_who_have_not_answered() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed(
        "Bram (dm): A case about a family.\nBram (dm): yes\nChris: Who else is involved?\n~ 1d",
    );
    assert_eq!(
        final_round(&run).step,
        2,
        "the clarifying questions ended at their deadline"
    );
    run.feed("Anna (dm): Problem: a\\nClient: b\\nWhy: c\\nHow: d\\nWhat: e");
    // Chris answers only part of the circle: still counts as not answered.
    run.feed("Chris (dm): Why: because");
    let before = run.seen().len();
    run.feed("~ 1d");
    let reminded: Vec<&str> = run
        .since(before)
        .iter()
        .filter(|s| s.text.starts_with("Reminder for round"))
        .filter_map(|s| s.dm_to())
        .collect();
    assert_eq!(reminded, vec!["Bram", "Chris", "Dewi"]);
    assert!(run
        .since(before)
        .iter()
        .all(|s| !s.in_thread() || !s.text.contains("Reminder")));
    assert_eq!(final_round(&run).step, 2, "the deadline has not passed yet");
    let before = run.seen().len();
    run.feed("~ 1d");
    let thread: Vec<&str> = run
        .since(before)
        .iter()
        .filter(|s| s.in_thread())
        .map(|s| s.text.as_str())
        .collect();
    assert!(
        thread[0].starts_with("The deadline has passed"),
        "{thread:?}"
    );
    assert!(
        thread[1].starts_with("Step 4 of 10: The wall"),
        "{thread:?}"
    );
    // Chris's partial card is revealed with what he wrote; Bram and Dewi are absent.
    assert!(thread[1].contains("Chris (social worker): because"));
    assert!(!thread[1].contains("Bram (client manager Work):"));
}

#[test]
fn no_deadline_and_no_reminder_at_night() {
    // 21:30 Amsterdam: a deadline two days later at 21:30 falls in quiet
    // hours (20:00–08:00), so it moves to 08:00 the morning after; the
    // reminder a day before it goes out at 08:00 too, never at night.
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed("~ 12h30m\nBram (dm): A case.\nBram (dm): yes\nChris: Who else?");
    let local = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&chrono_tz::Europe::Amsterdam)
            .format("%H:%M")
            .to_string()
    };
    let deadline = final_round(&run).timers.deadline.unwrap();
    assert_eq!(local(deadline), "08:00");
    run.feed(&format!(
        "~ {}m",
        (deadline - super::support::start()).num_minutes() - 12 * 60 - 30
    ));
    let round = final_round(&run);
    let (deadline, reminder) = (
        round.timers.deadline.unwrap(),
        round.timers.reminder.unwrap(),
    );
    assert_eq!(local(deadline), "08:00", "the next step's deadline");
    assert_eq!(local(reminder), "08:00", "its reminder");
    let before = run.seen().len();
    run.feed(&format!(
        "~ {}m",
        (reminder - deadline + chrono::TimeDelta::days(2)).num_minutes()
    ));
    let reminders = run
        .since(before)
        .iter()
        .filter(|s| s.text.starts_with("Reminder"))
        .count();
    assert_eq!(reminders, 4);
}

#[test]
fn pause_keeps_the_time_that_was_left() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    let deadline = final_round(&run).timers.deadline.unwrap();
    run.feed("Anna: !brug pause\n~ 3d");
    assert_eq!(final_round(&run).step, 0, "nothing fires while paused");
    run.feed("Anna: !brug resume");
    let after = final_round(&run).timers.deadline.unwrap();
    assert_eq!(after - deadline, chrono::TimeDelta::days(3));
    run.feed("Anna: !brug extend 1d");
    assert_eq!(
        final_round(&run).timers.deadline.unwrap() - after,
        chrono::TimeDelta::days(1)
    );
}

/// A discussion window is not a question with an answer: nobody is
/// reminded of it (the role swap's three-day discussion in role).
#[test]
fn a_discussion_window_reminds_nobody() {
    let mut run = Run::new("role-swap", Locale::En, default_people());
    run.feed("Bram (dm): A case about a family.\nBram (dm): yes\nAnna: !brug next");
    for n in ["Anna", "Bram", "Chris", "Dewi"] {
        run.feed(&format!("{n} (dm): Why: w\\nHow: h\\nWhat: x"));
    }
    let round = final_round(&run);
    let flow = super::support::catalog().flow("role-swap").unwrap().clone();
    assert_eq!(
        flow.steps[round.step].id, "in-role",
        "not yet in the discussion"
    );
    let before = run.seen().len();
    run.feed("~ 60h");
    assert_eq!(
        final_round(&run).step,
        round.step,
        "the discussion ended early"
    );
    let reminded: Vec<String> = run
        .since(before)
        .iter()
        .filter(|s| s.text.starts_with("Reminder"))
        .map(|s| s.line())
        .collect();
    assert!(
        reminded.is_empty(),
        "a discussion sent reminders: {reminded:?}"
    );
}

/// A quiet week does not close a round step by step with "no answers": a
/// step nobody answers reminds those it asks, tells the coordinator
/// privately, and stays open — in both languages.
#[test]
fn a_step_nobody_answers_stays_open_and_the_coordinator_hears() {
    for (locale, case, open, coordinator) in [
        (
            Locale::En,
            "Bram (dm): A case.\nBram (dm): yes",
            "Nobody has answered «Clarifying questions» yet, so this step stays open until",
            "In round #1, nobody answered «Clarifying questions» before its deadline. I have reminded Anna, Bram, Chris and Dewi",
        ),
        (
            Locale::Nl,
            "Bram (dm): Een casus.\nBram (dm): ja",
            "Nog niemand heeft «Verhelderende vragen» beantwoord, dus deze stap blijft open tot",
            "In ronde #1 heeft niemand «Verhelderende vragen» voor de deadline beantwoord. Ik heb Anna, Bram, Chris en Dewi een herinnering gestuurd",
        ),
    ] {
        let mut run = Run::new("golden-circle", locale, default_people());
        run.feed(case);
        let step = final_round(&run).step;
        let before = run.seen().len();
        run.feed("~ 7d");
        let said = run.since(before);
        let r = final_round(&run);
        assert_eq!(r.step, step, "the empty step was closed");
        assert!(r.status.is_open());
        let thread: Vec<&str> = said
            .iter()
            .filter(|s| s.in_thread())
            .map(|s| s.text.as_str())
            .collect();
        assert!(!thread.is_empty() && thread.iter().all(|t| t.starts_with(open)), "{thread:?}");
        let to_anna: Vec<&str> = said
            .iter()
            .filter(|s| s.dm_to() == Some("Anna"))
            .map(|s| s.text.as_str())
            .collect();
        assert!(to_anna.iter().any(|t| t.starts_with(coordinator)), "{to_anna:?}");
        let reminded: Vec<&str> = said.iter().filter_map(|s| s.dm_to()).collect();
        for who in ["Anna", "Bram", "Chris", "Dewi"] {
            assert_eq!(
                reminded.iter().filter(|w| **w == who).count(),
                if who == "Anna" { 3 } else { 1 },
                "once each (Anna: reminder, kept open, waits for you): {reminded:?}"
            );
        }
        assert_eq!(thread.len(), 1, "one line in the thread: {thread:?}");
        assert!(r.timers.deadline.is_none(), "it waits for the coordinator");
        // An answer and the coordinator's next move the round on.
        run.feed("Chris: Who else is involved?\nAnna: !brug next");
        assert!(final_round(&run).step > step);
    }
}

/// The intake's deadline with no case: the round waits for it and says so to
/// the coordinator, instead of asking questions about a case nobody saw.
#[test]
fn a_missing_case_holds_the_round_and_the_coordinator_hears() {
    for (locale, want) in [
        (
            Locale::En,
            "In round #1, Bram has not sent the case yet. The round will wait for it until",
        ),
        (
            Locale::Nl,
            "In ronde #1 heeft Bram de casus nog niet gestuurd. De ronde wacht erop tot",
        ),
    ] {
        let mut run = Run::new("golden-circle", locale, default_people());
        let step = final_round(&run).step;
        let before = run.seen().len();
        run.feed("~ 4d");
        let said = run.since(before);
        assert_eq!(final_round(&run).step, step, "went on without a case");
        assert!(
            said.iter()
                .any(|s| s.dm_to() == Some("Anna") && s.text.starts_with(want)),
            "{:?}",
            said.iter().map(|s| s.line()).collect::<Vec<_>>()
        );
        assert!(
            said.iter().any(|s| s.dm_to() == Some("Bram")),
            "Bram reminded"
        );
    }
}
