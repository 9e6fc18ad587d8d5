//! `forget-me` through the console: the person's answers and profile go from
//! every round (open and closed), records say only that an answer was
//! removed, the store keeps nothing of their words, and they get a private
//! confirmation in their language.

use super::support::{default_people, Run};
use brug::core::ids::{Locale, RoundId};
use brug::storage::Store;

const CHRIS: &str = "Chris (dm): Problem: chris-problem-words\\nClient: chris-client-words\\nWhy: chris-why-words\\nHow: chris-how-words\\nWhat: chris-what-words";

fn answers(run: &mut Run) {
    run.feed(
        "Bram (dm): A mother, two children; she works again.\n\
         Bram (dm): yes\n\
         Anna: !brug next\n\
         Anna (dm): Problem: strain at home\\nClient: a strong mother\\nWhy: safety first\\nHow: listen\\nWhat: stability",
    );
    run.feed(CHRIS);
}

fn chris_words(text: &str) -> bool {
    text.contains("chris-")
}

#[test]
fn forget_me_in_an_open_round_erases_answers_and_profile() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    answers(&mut run);
    let before = run.seen().len();
    run.feed("Chris: !brug forget-me");
    let confirm = &run.since(before)[0];
    assert_eq!(confirm.dm_to(), Some("Chris"), "confirmed privately");
    assert!(
        confirm
            .text
            .contains("erased your answers and profile in one round"),
        "{}",
        confirm.text
    );
    // The round goes on without Chris and shows only that an answer went.
    run.feed(
        "Bram (dm): Problem: work\\nClient: hard-working\\nWhy: independence\\nHow: agreements\\nWhat: job\n\
         Dewi (dm): Problem: costs\\nClient: rights\\nWhy: equal\\nHow: check\\nWhat: allowance",
    );
    let after: Vec<String> = run.since(before).iter().map(|s| s.line()).collect();
    let wall = after
        .iter()
        .find(|l| l.contains("Step 4 of 10"))
        .expect("the wall comes once the others answered");
    assert!(
        wall.contains("One answer was removed at its author's request."),
        "{wall}"
    );
    for l in &after {
        assert!(!chris_words(l), "Chris's words after forget-me: {l}");
        assert!(!l.contains("Chris ("), "Chris's name after forget-me: {l}");
    }
    let r = run.stored(1).unwrap();
    let stored = serde_json::to_string(&r).unwrap();
    assert!(!chris_words(&stored), "{stored}");
    assert!(!stored.contains("\"Chris\""), "{stored}");
    assert!(run.errors().is_empty(), "{:?}", run.errors());
}

#[test]
fn forget_me_reaches_closed_rounds_and_says_when_there_is_nothing() {
    let mut run = Run::new("golden-circle", Locale::Nl, default_people());
    answers(&mut run);
    run.feed("Anna: !brug cancel");
    assert!(!run.session.round_open());
    let before = run.seen().len();
    run.feed("Chris (dm): !brug vergeet-mij");
    let confirm = &run.since(before)[0];
    assert_eq!(confirm.dm_to(), Some("Chris"));
    assert!(
        confirm.text.contains("in één ronde gewist"),
        "{}",
        confirm.text
    );
    let r = run.stored(1).unwrap();
    assert!(!chris_words(&serde_json::to_string(&r).unwrap()));
    // Asking again: nothing is left.
    run.feed("Chris (dm): !brug forget-me");
    let again = run.seen().last().unwrap();
    assert!(
        again.text.contains("er was niets te wissen"),
        "{}",
        again.text
    );
}

/// After every anonymous step of every shipped flow has ended, the store no
/// longer links its answers to their authors: stand-in ids, one shared time.
#[test]
fn anonymous_answers_are_unlinked_once_their_step_ends() {
    let catalog = super::support::catalog();
    let mut checked = 0;
    for flow in catalog.flows.values() {
        let people = if flow.id == "action-cycle" {
            super::support::five_people()
        } else {
            default_people()
        };
        let mut run = Run::new(&flow.id, Locale::En, people.clone());
        run.feed(&super::support::script(&format!("{}.en.txt", flow.id)));
        let r = run.stored(1).unwrap();
        for step in flow
            .steps
            .iter()
            .take(r.step)
            .filter(|s| s.anonymous_in(flow))
        {
            let answers: Vec<_> = r.answers_to(&step.id).collect();
            for a in &answers {
                assert!(
                    a.by.id.starts_with("anonymous-"),
                    "{}/{}: answer still by {}",
                    flow.id,
                    step.id,
                    a.by.id
                );
                assert_eq!(a.at, answers[0].at, "{}/{}: times differ", flow.id, step.id);
            }
            checked += answers.len();
        }
    }
    assert!(
        checked >= 8,
        "the scripts answer anonymous steps: {checked}"
    );
}

/// Retention: 90 days after a round ends its record leaves the store (and
/// the group is told); a day earlier it is all still there.
#[test]
fn the_record_is_erased_when_its_retention_period_ends() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed(&super::support::script("golden-circle.en.txt"));
    assert!(!run.session.round_open());
    let store = run.session.engine.store();
    let closed = store.round(RoundId(1)).unwrap().unwrap().closed.unwrap();
    assert_eq!(
        run.session.now, closed,
        "the script ends as the round closes"
    );
    run.feed("~ 89d\n~ 23h");
    assert!(run.stored(1).is_some());
    let from = run.seen().len();
    run.feed("~ 2h");
    let said: Vec<String> = run.since(from).iter().map(|s| s.line()).collect();
    assert_eq!(
        said,
        vec!["[thread] The record of round #1 has been erased: its retention period is over."]
    );
    let store = run.session.engine.store();
    assert!(store.round(RoundId(1)).unwrap().is_none());
    assert!(store.rounds().unwrap().is_empty());
    assert_eq!(store.next_due().unwrap(), None, "no timer left");
    // The export has nothing left to send.
    run.feed("Anna: !brug export");
    let last = run.seen().last().unwrap();
    assert!(!last.text.contains("Record of round"), "{}", last.text);
}

/// A coordinator sets the group's retention period; it applies to the round
/// that is running, and others may only ask what it is.
#[test]
fn a_group_sets_its_own_retention_period() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed("Bram: !brug retention 2");
    assert!(run
        .seen()
        .last()
        .unwrap()
        .text
        .contains("Only a coordinator"));
    run.feed("Anna: !brug retention 7");
    assert!(run.seen().last().unwrap().text.contains("kept for 7 days"));
    run.feed("Dewi: !brug retention");
    assert!(run
        .seen()
        .last()
        .unwrap()
        .text
        .contains("kept for 7 days after they end"));
    run.feed(&super::support::script("golden-circle.en.txt"));
    assert!(!run.session.round_open());
    run.feed("~ 6d\n~ 23h");
    assert!(run.stored(1).is_some());
    run.feed("~ 1h");
    assert!(run.stored(1).is_none());
    assert!(run.seen().last().unwrap().text.contains("has been erased"));
}

/// Pairs, away periods and "found out" hold people too: forget-me leaves
/// none of them pointing at the person.
#[test]
fn forget_me_reaches_pairs_and_away() {
    let mut run = Run::new("joint-interview", Locale::En, default_people());
    run.feed("Anna: Men over fifty.\n~ 2d\nBram: A man of 56.\nDewi: A woman of 22.\n~ 2d");
    run.feed("Anna: 1\nBram: 1\nChris: 1\nDewi: 2\nDewi: !brug away 1w");
    let r = run.stored(1).unwrap();
    assert!(
        r.pairs.iter().flatten().any(|u| u.id == "Dewi"),
        "paired: {:?}",
        r.pairs
    );
    run.feed("Dewi: !brug forget-me");
    let stored = serde_json::to_string(&run.stored(1).unwrap()).unwrap();
    assert!(!stored.contains("\"Dewi\""), "{stored}");
    assert!(!stored.contains("A woman of 22"), "{stored}");
}
