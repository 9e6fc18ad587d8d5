//! Time passing: reminders reach exactly those who have not answered, and a
//! passed deadline moves the round on.

use super::privacy::final_round;
use super::support::{default_people, Run};
use brug::core::ids::Locale;

#[test]
fn reminders_reach_exactly_those_who_have_not_answered() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed("Bram (dm): A case about a family.\nBram (dm): yes\n~ 1d");
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
fn no_reminder_at_night() {
    // 21:30 Amsterdam: a deadline two days later at 21:30 would put the
    // reminder (one day before) at night; it moves to 20:00 the evening before.
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed("~ 12h30m\nBram (dm): A case.\nBram (dm): yes\n~ 1d");
    let before = run.seen().len();
    run.feed("~ 23h");
    let reminders: Vec<_> = run
        .since(before)
        .iter()
        .filter(|s| s.text.starts_with("Reminder"))
        .collect();
    assert_eq!(reminders.len(), 4);
    let round = final_round(&run);
    assert!(round.timers.reminder.is_none());
    let deadline = round
        .timers
        .deadline
        .unwrap()
        .with_timezone(&chrono_tz::Europe::Amsterdam);
    assert_eq!(deadline.format("%H:%M").to_string(), "21:30");
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
