//! A flow whose intake asks for consent (`consent = true`): a plain `yes` is
//! not enough, the coordinator cannot skip it, a passing deadline does not
//! move the round on, and the ground is recorded.

use super::support::{default_people, Run};
use brug::core::ids::Locale;
use brug::core::round::Consent;

#[test]
fn the_round_waits_for_the_owners_confirmation() {
    let mut run = Run::new("four-windows", Locale::En, default_people());
    run.feed("Bram (dm): Young man of 24, lives with his mother, on benefit since school.");
    let from = run.seen().len();
    run.feed("Bram (dm): yes");
    let asked = run.since(from);
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].dm_to(), Some("Bram"));
    assert!(
        asked[0].text.contains("`pseudonymised`"),
        "{}",
        asked[0].text
    );

    let from = run.seen().len();
    run.feed("Anna: !brug next");
    let refused = &run.since(from)[0];
    assert!(
        refused.text.contains("cannot go on yet"),
        "{}",
        refused.text
    );

    let from = run.seen().len();
    run.feed("~ 5d");
    let later: Vec<String> = run.since(from).iter().map(|s| s.line()).collect();
    assert!(
        later
            .iter()
            .any(|l| l.starts_with("[dm Anna]") && l.contains("still has to confirm")),
        "{later:?}"
    );
    assert!(!later.iter().any(|l| l.contains("Step 2 of")), "{later:?}");

    let from = run.seen().len();
    run.feed("Bram (dm): consent");
    let posted: Vec<String> = run.since(from).iter().map(|s| s.line()).collect();
    assert!(
        posted
            .iter()
            .any(|l| l.starts_with("[thread] The case, brought in by Bram")),
        "{posted:?}"
    );
    assert!(posted.iter().any(|l| l.contains("Step 2 of")), "{posted:?}");
    let r = run.stored(1).unwrap();
    assert_eq!(r.consent, Some(Consent::ClientConsent));
    assert!(run.errors().is_empty(), "{:?}", run.errors());
}

#[test]
fn flows_without_the_check_take_a_plain_yes() {
    let mut run = Run::new("golden-circle", Locale::Nl, default_people());
    run.feed("Bram (dm): Een moeder van twee kinderen.\nBram (dm): ja");
    assert!(run.seen().iter().any(|s| s
        .line()
        .starts_with("[thread] De casus, ingebracht door Bram")));
    let r = run.stored(1).unwrap();
    assert_eq!(r.consent, None);
}
