//! Every shipped flow, run to its end from a script in Dutch and in English.
//! The transcript is snapshotted; privacy is checked on the way.

use super::privacy;
use super::support::{catalog, default_people, five_people, script, Run};
use brug::core::flow::Voice;
use brug::core::ids::Locale;
use brug::core::round::Status;

fn run_flow(flow: &str, locale: Locale) {
    let people = if flow == "action-cycle" {
        five_people()
    } else {
        default_people()
    };
    let mut run = Run::new(flow, locale, people);
    run.feed(&script(&format!("{flow}.{locale}.txt")));
    assert!(
        run.errors().is_empty(),
        "render problems: {:?}",
        run.errors()
    );
    let round = privacy::final_round(&run);
    assert_eq!(
        round.status,
        Status::Closed,
        "{flow} ({locale}) did not run to its end:\n{}",
        run.transcript()
    );
    let f = catalog().flow(flow).unwrap().clone();
    privacy::check(&run, &f);
    // What is said in a swapped role or about others is credited to nobody:
    // the professions' profiles are what they are without those answers.
    let voice = |step: &str| f.steps.iter().find(|s| s.id == step).map(|s| s.voice);
    let played = |a: &brug::core::round::Answer| round.roles.iter().any(|r| r.player == a.by);
    // Answers credited to nobody: about others, or in a swapped role by one
    // who plays one (the chair speaks as themselves).
    let nobodys = |a: &brug::core::round::Answer| match voice(&a.step) {
        Some(Voice::AboutOthers) => true,
        Some(Voice::InRole) => played(a),
        _ => false,
    };
    if f.steps.iter().any(|s| s.voice != Voice::Own) {
        let mut without = round.clone();
        without.answers.retain(|a| !nobodys(a));
        assert!(
            without.answers.len() < round.answers.len(),
            "{flow}: the script answers no in-role or about-others step"
        );
        assert_eq!(
            brug::core::summary::profession_profiles(&round, &f),
            brug::core::summary::profession_profiles(&without, &f),
            "{flow} ({locale}): answers in role or about others changed the profiles"
        );
        if f.steps.iter().any(|s| s.voice == Voice::InRole) && !round.roles.is_empty() {
            let apart = match locale {
                Locale::Nl => "in de rol van",
                Locale::En => "in the role of",
            };
            assert!(
                run.transcript().contains(apart),
                "{flow} ({locale}): what was said in role is not shown apart"
            );
        }
    }
    // Every frame shown comes with the words that made it.
    let transcript = run.transcript();
    let bare: Vec<&str> = transcript
        .lines()
        .filter(|l| l.starts_with("    ") && l.trim_end().ends_with(':'))
        .collect();
    assert!(
        bare.is_empty(),
        "{flow} ({locale}): a frame without evidence: {bare:?}"
    );
    insta::assert_snapshot!(format!("{flow}.{locale}"), run.transcript());
}

macro_rules! scenario {
    ($($name:ident: $flow:literal,)*) => {
        mod nl {
            use super::*;
            $(#[test] fn $name() { run_flow($flow, Locale::Nl) })*
        }
        mod en {
            use super::*;
            $(#[test] fn $name() { run_flow($flow, Locale::En) })*
        }
    };
}

scenario! {
    golden_circle: "golden-circle",
    role_swap: "role-swap",
    gossip: "gossip",
    four_windows: "four-windows",
    action_cycle: "action-cycle",
    joint_interview: "joint-interview",
    bridging_game: "bridging-game",
}

#[test]
fn every_shipped_flow_has_a_script_in_both_languages() {
    for id in catalog().flows.keys() {
        for l in ["nl", "en"] {
            let p = super::support::repo().join(format!("tests/scripts/{id}.{l}.txt"));
            assert!(p.exists(), "missing {}", p.display());
        }
    }
}
