//! The facilitator's private view (`!brug balance`) and the nudge after a
//! discussion one profession carried: counts and frame names only, to the
//! coordinator alone, and nothing from a blind answer.

use super::support::{default_people, replies, Run};
use brug::core::ids::Locale;

/// A Golden Circle at its clarifying questions, where social workers
/// (Anna, Chris) write nearly everything and Dewi one short line.
fn questions(locale: Locale) -> Run {
    let mut run = Run::new("golden-circle", locale, default_people());
    let yes = if locale == Locale::Nl { "ja" } else { "yes" };
    run.feed(&format!("Bram (dm): A case.\nBram (dm): {yes}"));
    run.feed("Chris: Does she have a network? Who supports her with the children and the debts, and what does she want herself?");
    run.feed("Dewi: Is she on benefit?");
    run.feed("Chris: Her son of twelve skips school, and the landlord has threatened twice this year to evict them.");
    run.feed(
        "Anna: She needs help with the children and someone who listens to her worries first.",
    );
    run
}

#[test]
fn balance_shows_the_coordinator_who_is_silent_and_each_professions_share() {
    for (locale, want) in [
        (
            Locale::En,
            [
                "[dm Anna] The balance of round #1 so far, for you alone:",
                "Not heard from yet: Bram.",
                "• social worker: 94%",
                "• client manager Work: 0%",
                "• client manager Income: 6%",
            ],
        ),
        (
            Locale::Nl,
            [
                "[dm Anna] De balans van ronde #1 tot nu toe, alleen voor jou:",
                "Nog niets van gehoord: Bram.",
                "• sociaal werker: 94%",
                "• klantmanager Werk: 0%",
                "• klantmanager Inkomen: 6%",
            ],
        ),
    ] {
        let mut run = questions(locale);
        let out = replies(&mut run, "Anna: !brug balance");
        assert_eq!(out.len(), 1, "{locale}: {out:?}");
        for w in want {
            assert!(out[0].contains(w), "{locale}: missing {w:?} in\n{}", out[0]);
        }
        // Not for everyone.
        let refused = replies(&mut run, "Bram: !brug balance");
        assert!(
            refused[0].starts_with("[thread]") && refused[0].contains("Anna"),
            "{refused:?}"
        );
    }
}

#[test]
fn balance_never_uses_a_blind_answer_and_a_carried_discussion_nudges_the_coordinator() {
    let mut run = questions(Locale::En);
    let next = replies(&mut run, "Anna: !brug next");
    assert!(
        next.contains(&"[dm Anna] In round #1, 94% of what was written in «Clarifying questions» came from one profession (social worker). In the next step, perhaps ask the others first.".to_string()),
        "{next:?}"
    );
    assert!(
        next.iter()
            .all(|l| !l.contains("94%") || l.starts_with("[dm Anna]")),
        "the nudge went elsewhere: {next:?}"
    );
    // A blind circle with an unmistakable word: the balance shows none of it.
    run.feed("Bram (dm): Problem: zzsecret p\\nClient: c\\nWhy: w\\nHow: h\\nWhat: x");
    let out = replies(&mut run, "Anna: !brug balance").join("\n");
    assert!(!out.contains("zzsecret"), "{out}");
    assert!(
        out.contains("Not heard from yet: Bram."),
        "a blind answer counted as speaking: {out}"
    );
}
