//! Away (`!brug away`, `!brug back`; SPEC §2): no reminders until then,
//! counted as excused rather than missing, and a step that ends when all
//! have answered does not wait for the one away — in both languages.

use super::privacy::final_round;
use super::support::{circle, replies, step_at as at};
use brug::core::ids::Locale;

fn circle_answer(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "Problem: p\\nClient: c\\nWhy: w\\nHow: h\\nWhat: x",
        Locale::Nl => "Probleem: p\\nCliënt: c\\nWaarom: w\\nHoe: h\\nWat: x",
    }
}

#[test]
fn someone_away_is_not_reminded_and_not_waited_for() {
    for (locale, set, status) in [
        (
            Locale::En,
            "[thread] You are away until Thu 24 Dec 00:00: no reminders until then, and steps do not wait for you (this applies to #1). You can still answer; `!brug back` ends it early.",
            "Away: Dewi.",
        ),
        (
            Locale::Nl,
            "[thread] Je bent afwezig tot do 24 dec 00:00: tot dan geen herinneringen, en stappen wachten niet op jou (dit geldt voor #1). Antwoorden kan nog steeds; met `!brug back` ben je eerder terug.",
            "Afwezig: Dewi.",
        ),
    ] {
        let mut run = circle(locale);
        assert_eq!(at(&run), "circle");
        assert_eq!(replies(&mut run, "Dewi: !brug away 24-12"), vec![set.to_string()]);
        let shown = replies(&mut run, "Anna: !brug status").join("\n");
        assert!(shown.contains(status), "{locale}: {shown}");
        assert!(shown.contains("0 "), "{locale}: {shown}");
        // The reminder before the deadline goes to the others only.
        let out = replies(&mut run, "~ 1d").join("\n");
        assert!(out.contains("[dm Anna]"), "{locale}: nobody reminded:\n{out}");
        assert!(!out.contains("[dm Dewi]"), "{locale}: Dewi was reminded while away:\n{out}");
        // Everyone else answers: the step goes on without waiting for Dewi.
        for who in ["Anna", "Bram", "Chris"] {
            run.feed(&format!("{who} (dm): {}", circle_answer(locale)));
        }
        assert_ne!(at(&run), "circle", "{locale}: the step waited for the one away");
    }
}

#[test]
fn back_ends_it_early_and_an_away_period_ends_by_itself() {
    let mut run = circle(Locale::En);
    run.feed("Dewi: !brug away 24-12");
    assert_eq!(
        replies(&mut run, "Dewi: !brug back"),
        vec!["[thread] Welcome back: you are expected again in #1.".to_string()]
    );
    let shown = replies(&mut run, "Anna: !brug status").join("\n");
    assert!(shown.contains("0 of 4 answered"), "{shown}");
    assert!(!shown.contains("Away"), "{shown}");
    // Away for twelve hours: the reminder a day before the deadline (two
    // days after the step opened) finds Dewi back.
    run.feed("Dewi: !brug away 12h");
    assert!(final_round(&run).participants[3].away_until.is_some());
    let out = replies(&mut run, "~ 1d").join("\n");
    assert!(out.contains("[dm Dewi] Reminder"), "{out}");
    assert!(final_round(&run).participants[3].away_until.is_none());
}

#[test]
fn a_day_gone_by_a_wrong_day_and_no_round_are_said() {
    let mut run = circle(Locale::Nl);
    assert_eq!(
        replies(&mut run, "Dewi: !brug away 31-02"),
        vec!["[thread] `31-02` is geen duur en geen dag die nog komt; gebruik bijvoorbeeld `!brug away 2w`, of `!brug away 24-12` om op 24 december terug te zijn.".to_string()]
    );
    assert_eq!(
        replies(&mut run, "Dewi: !brug away 2020-01-01"),
        vec!["[thread] `1-1-2020` is geen duur en geen dag die nog komt; gebruik bijvoorbeeld `!brug away 2w`, of `!brug away 24-12` om op 24 december terug te zijn.".to_string()]
    );
    run.feed("Dewi: !brug leave");
    assert_eq!(
        replies(&mut run, "Dewi: !brug away 1w"),
        vec!["[thread] Je doet niet mee aan een open ronde, dus er is niets om je voor af te melden.".to_string()]
    );
}
