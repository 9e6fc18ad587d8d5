//! The methods as the report runs them (DOMAIN §2 and §4): the joint
//! interview's client types, personas and the one chosen, pairs that are
//! pairs (one answer counts for both), and conditions checked before the
//! interview — a pair that misses one is told which, and waits.

use super::privacy::final_round;
use super::support::{default_people, replies, step_at as at, Run};
use brug::core::flow::{Pairs, StepKind};
use brug::core::ids::{Locale, RoleId};
use brug::flows::{Catalog, Sources};
use std::sync::Arc;

fn people(list: &[(&str, &str)]) -> Vec<(String, RoleId)> {
    list.iter()
        .map(|(n, p)| (n.to_string(), RoleId::new(*p)))
        .collect()
}

/// A joint interview up to its pairs step, the first persona chosen.
fn to_pairs(run: &mut Run) -> Vec<String> {
    run.feed("Anna: Men over fifty on benefit for years.\n~ 2d");
    run.feed("Bram: A man of 56 who lives alone.\nDewi: A woman of 22 with debts.\n~ 2d");
    replies(run, "Anna: 2\nBram: 1\nChris: 1\nDewi: 1")
}

/// Both pairs say what client they found, and the pairs step's time passes.
const FOUND: &str = "Anna: We found a man who fits.\nChris: Ours fits too.\n~ 2d";

#[test]
fn the_persona_picked_most_is_announced_and_pairs_mix_the_professions() {
    for (locale, chosen, pairs) in [
        (
            Locale::En,
            "[thread] With 3 votes the group chose: A man of 56 who lives alone.",
            [
                "• Anna and Bram (social worker, client manager Work)",
                "• Chris and Dewi (social worker, client manager Income)",
            ],
        ),
        (
            Locale::Nl,
            "[thread] Met 3 stemmen koos de groep: A man of 56 who lives alone.",
            [
                "• Anna en Bram (sociaal werker, klantmanager Werk)",
                "• Chris en Dewi (sociaal werker, klantmanager Inkomen)",
            ],
        ),
    ] {
        let mut run = Run::new("joint-interview", locale, default_people());
        let out = to_pairs(&mut run).join("\n");
        assert!(
            out.contains(chosen),
            "{locale}: no choice announced:\n{out}"
        );
        for p in pairs {
            assert!(out.contains(p), "{locale}: pair {p} not shown:\n{out}");
        }
        assert_eq!(at(&run), "pairs");
        assert_eq!(final_round(&run).pairs.len(), 2);
    }
}

#[test]
fn one_pairs_answer_counts_for_both_and_the_step_waits_for_the_other_pair() {
    let mut run = Run::new("joint-interview", Locale::En, default_people());
    to_pairs(&mut run);
    run.feed(FOUND);
    assert_eq!(at(&run), "conditions");
    let out = replies(&mut run, "Bram: 1, 2, 3, 4, 5");
    assert_eq!(
        out,
        vec!["[thread] This counts for the pair Anna and Bram."]
    );
    let status = replies(&mut run, "Chris: !brug status").join("\n");
    assert!(
        status.contains("2 of 4 answered: Anna and Bram."),
        "the pair's answer did not count for Anna: {status}"
    );
    assert_eq!(at(&run), "conditions", "moved on with a pair missing");
    run.feed("Chris: 1, 2, 3, 4, 5");
    assert_eq!(at(&run), "topics", "both pairs answered, yet it waits");
}

#[test]
fn a_pair_that_misses_a_condition_is_told_which_and_waits() {
    for (locale, told, confirm) in [
        (
            Locale::En,
            "[thread] Not met yet: the client has received the information letter and has agreed and management has approved the privacy document. Hold off on the interview until every condition is met, then answer again with all of them; your new answer replaces this one.\n@Chris @Dewi",
            "Chris and Dewi",
        ),
        (
            Locale::Nl,
            "[thread] Nog niet geregeld: de cliënt heeft de informatiebrief gekregen en heeft ingestemd en het management heeft het privacydocument goedgekeurd. Wacht met het interview tot dat wel zo is en antwoord dan opnieuw met alle voorwaarden; je nieuwe antwoord vervangt dit.\n@Chris @Dewi",
            "Chris en Dewi",
        ),
    ] {
        let mut run = Run::new("joint-interview", locale, default_people());
        to_pairs(&mut run);
        run.feed(FOUND);
        run.feed("Anna: 1 2 3 4 5");
        assert_eq!(replies(&mut run, "Dewi: 1, 2, 5"), vec![told.to_string()]);
        assert_eq!(at(&run), "conditions");
        // Skipping it asks the coordinator to confirm, naming the pair.
        let next = replies(&mut run, "Anna: !brug next").join("\n");
        assert!(
            next.contains(confirm),
            "{locale}: `next` did not name the waiting pair: {next}"
        );
        assert_eq!(at(&run), "conditions", "{locale}: skipped without a confirmation");
        // Once everything is in place, the pair answers again and it goes on.
        run.feed("Dewi: 1, 2, 3, 4, 5");
        assert_eq!(at(&run), "topics", "{locale}");
    }
}

#[test]
fn an_odd_one_out_makes_a_three_and_pairs_of_one_profession_are_named() {
    let mut run = Run::new(
        "joint-interview",
        Locale::En,
        people(&[
            ("Anna", "social-worker"),
            ("Bram", "social-worker"),
            ("Chris", "social-worker"),
            ("Dewi", "client-manager-work"),
            ("Eva", "social-worker"),
        ]),
    );
    to_pairs(&mut run);
    let out = replies(&mut run, "Eva: 1").join("\n");
    assert!(
        out.contains("• Anna and Dewi (social worker, client manager Work)"),
        "{out}"
    );
    assert!(
        out.contains("• Bram, Chris and Eva (social worker, social worker, social worker)"),
        "{out}"
    );
    assert!(out.contains("Not every pair has two professions"), "{out}");
}

/// A pair step answered privately: the writer hears it counts for the pair,
/// the partner hears who answered for them, and nothing goes to the thread.
#[test]
fn a_private_pair_answer_tells_the_partner_privately() {
    let mut cat = Catalog::load(&Sources::embedded()).unwrap();
    let mut flow = (*cat.flow("joint-interview").unwrap().clone()).clone();
    let report = flow.steps.iter().position(|s| s.id == "report").unwrap();
    if let StepKind::Prompt { fields, .. } = &flow.steps[report].kind {
        flow.steps[report].kind = StepKind::Prompt {
            blind: true,
            fields: fields.clone(),
        };
    }
    assert_eq!(flow.steps[report].pairs, Pairs::Together);
    cat.flows.insert(flow.id.clone(), Arc::new(flow));
    let mut run = Run::with_catalog(
        Arc::new(cat),
        "joint-interview",
        Locale::Nl,
        default_people(),
    );
    to_pairs(&mut run);
    run.feed(FOUND);
    run.feed("Anna: 1 2 3 4 5\nChris: 1 2 3 4 5");
    run.feed("Anna: Onderwerpen: werk\\nTijdlijn: school\nChris: Onderwerpen: geld\\nTijdlijn: ziekte\n~ 2d\nAnna: Klaar.\n~ 2w");
    assert_eq!(at(&run), "report");
    let out = replies(
        &mut run,
        "Bram (dm): Verslag: hij wil werken\\nReflectie: we vulden elkaar aan",
    );
    assert!(
        out.contains(&"[dm Bram] Dit geldt voor jullie hele koppel: een apart antwoord van Anna is niet meer nodig.".to_string()),
        "{out:?}"
    );
    assert!(
        out.contains(&"[dm Anna] Bram heeft «Verslag en reflectie» voor jullie koppel beantwoord, dus het telt ook voor jou. Je mag nog je eigen versie sturen; die bewaren we er dan naast.".to_string()),
        "{out:?}"
    );
    assert!(
        out.iter()
            .all(|l| !l.starts_with("[thread]") || !l.contains("hij wil werken")),
        "a private answer reached the thread: {out:?}"
    );
}

/// The game up to its frame profile per side: everyone's home country and
/// the frames they recognise in themselves (Anna 2 and 5, Bram 1 and 3,
/// Chris 2, Dewi 3 and 4).
fn game_to_profile(locale: Locale) -> (Run, Vec<String>) {
    let mut run = Run::new("bridging-game", locale, default_people());
    let lines = super::support::script(&format!("bridging-game.{locale}.txt"));
    let upto: Vec<&str> = lines
        .lines()
        .take_while(|l| !l.starts_with("Dewi (dm): 3, 4"))
        .collect();
    run.feed(&upto.join("\n"));
    let out = replies(&mut run, "Dewi (dm): 3, 4");
    (run, out)
}

#[test]
fn each_side_sees_the_frames_it_recognised_as_counts_without_names() {
    for (locale, receipt, side) in [
        (
            Locale::En,
            "[dm Dewi] Received: your answer to «Frames you recognise» is saved. At the end of part 1 it is counted, without your name, in your side's frame profile",
            "Public professionals (2 people)\n• ecological: 2\n• autonomy: 1\n• needs: 1",
        ),
        (
            Locale::Nl,
            "[dm Dewi] Ontvangen: je antwoord op «Frames die je herkent» is bewaard. Aan het eind van deel 1 telt het zonder je naam mee in het frameprofiel van jouw kant",
            "Publieke professionals (2 mensen)\n• ecologisch: 2\n• autonomie: 1\n• behoefte: 1",
        ),
    ] {
        let (run, out) = game_to_profile(locale);
        let all = out.join("\n");
        assert!(all.contains(receipt), "{locale}: receipt:\n{all}");
        assert!(all.contains(side), "{locale}: the public side's profile:\n{all}");
        assert_eq!(at(&run), "group-frames", "{locale}");
    }
}

#[test]
fn a_visitor_most_others_find_out_leaves_only_the_visit() {
    let (mut run, _) = game_to_profile(Locale::En);
    run.feed("Anna: We choose needs.\n~ 2d\nAnna: As a client manager: no ID, no benefit.\n~ 2d");
    assert_eq!(at(&run), "passed");
    // Visitors: 1 Bram, 2 Chris, 3 Dewi (Anna chairs); 4: everyone passed.
    // Dewi's vote for herself does not count; Anna's and Bram's do.
    let out = replies(&mut run, "Anna: 3\nBram: 3\nChris: 4\nDewi: 3").join("\n");
    assert!(
        out.contains("[thread] Found out: Dewi. They leave the visit only"),
        "{out}"
    );
    assert_eq!(at(&run), "visit-on");
    assert!(
        !out.contains("@Dewi"),
        "the visit that goes on still calls on Dewi:\n{out}"
    );
    assert_eq!(
        replies(&mut run, "Dewi: As a social worker: a bed first?"),
        vec!["[thread] You were found out, so you sit out the rest of the visit and cannot write here for now. You take part again as usual once the visit is over.".to_string()]
    );
    assert!(replies(&mut run, "Bram: As a social worker: what does he want?").is_empty());
    // Only the visit: what she saw is hers to write, as everyone's.
    run.feed("~ 2d");
    assert_eq!(at(&run), "other-side");
    let receipt = replies(
        &mut run,
        "Dewi (dm): Profession: generous with time\\nFrames: needs",
    );
    assert!(receipt[0].starts_with("[dm Dewi] Received"), "{receipt:?}");
}

#[test]
fn with_no_majority_every_visitor_passes() {
    let (mut run, _) = game_to_profile(Locale::Nl);
    run.feed(
        "Anna: Wij kiezen behoefte.\n~ 2d\nAnna: Als klantmanager: geen ID, geen uitkering.\n~ 2d",
    );
    let out = replies(&mut run, "Anna: 1\nBram: 4\nChris: 4\nDewi: 4").join("\n");
    assert!(
        out.contains("[thread] Iedere bezoeker ging door voor een van de andere groep, dus het bezoek gaat verder met iedereen."),
        "{out}"
    );
    assert!(final_round(&run).found_out.is_empty());
}
