//! Answers as people really type them: labels the step does not know,
//! synonyms, scales out of range, walls of text, discussion among actions, and
//! the case owner answering questions in the gossip method — in both languages.

use super::privacy::final_round;
use super::support::{circle, default_people, replies, step_at as at, Run};
use brug::core::ids::Locale;

#[test]
fn an_unknown_label_is_named_and_nothing_is_glued_onto_the_field_above() {
    for (locale, text, want) in [
        (
            Locale::En,
            "Chris (dm): Problem: p\\nExtra: a thought\\nClient: c",
            "[dm Chris] I do not know the label «Extra», so I have not saved this answer. This step asks for: Problem, Client, Why, How and What. Put that text under one of them, or leave out the colon.",
        ),
        (
            Locale::Nl,
            "Chris (dm): Probleem: p\\nExtra: een gedachte\\nCliënt: c",
            "[dm Chris] Het label «Extra» ken ik niet, dus dit antwoord heb ik niet opgeslagen. Deze stap vraagt om: Probleem, Cliënt, Waarom, Hoe en Wat. Zet die tekst onder een van die labels, of laat de dubbele punt weg.",
        ),
    ] {
        let mut run = circle(locale);
        let step = at(&run);
        assert_eq!(replies(&mut run, text), vec![want.to_string()]);
        let r = final_round(&run);
        assert!(
            r.answer_of(&step, &r.participants[2].user).is_none(),
            "the refused answer was kept"
        );
    }
}

#[test]
fn natural_synonyms_of_a_label_are_understood() {
    for (locale, text, client) in [
        (
            Locale::Nl,
            "Chris (dm): Probleem: p\\nKlantbeeld: een sterke moeder\\nWaarom: w\\nHoe: h\\nWat: x",
            "een sterke moeder",
        ),
        (
            Locale::En,
            "Chris (dm): Problem: p\\nClient image: a strong mother\\nWhy: w\\nHow: h\\nWhat: x",
            "a strong mother",
        ),
    ] {
        let mut run = circle(locale);
        let step = at(&run);
        let got = replies(&mut run, text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].starts_with("[dm Chris]"), "{got:?}");
        let r = final_round(&run);
        let a = r.answer_of(&step, &r.participants[2].user).expect("kept");
        assert_eq!(a.fields["client"], client);
        assert_eq!(
            a.fields["problem"], "p",
            "nothing glued onto the field above"
        );
    }
}

/// Four windows up to the weighing (window 3), with the scale from 0 to 10.
fn weighing(locale: Locale) -> Run {
    let mut run = Run::new("four-windows", locale, default_people());
    let case = match locale {
        Locale::En => "Bram (dm): A case.\nBram (dm): pseudonymised",
        Locale::Nl => "Bram (dm): Een casus.\nBram (dm): gepseudonimiseerd",
    };
    run.feed(case);
    for _ in 0..10 {
        if at(&run) == "weighing" {
            return run;
        }
        run.feed("Anna: !brug next!");
    }
    panic!("never reached the weighing");
}

#[test]
fn a_scale_answer_out_of_range_is_refused_with_its_range() {
    for (locale, bad, good, want) in [
        (
            Locale::Nl,
            "Chris (dm): Voor: v\\nTegen: t\\nSchaal: elf",
            "Chris (dm): Voor: v\\nTegen: t\\nSchaal: 7, want hij wil zelf",
            "[dm Chris] Begin «Schaal» met een heel getal van 0 tot 10, bijvoorbeeld `Schaal: 6, omdat …`.",
        ),
        (
            Locale::En,
            "Chris (dm): For: f\\nAgainst: a\\nScale: 11",
            "Chris (dm): For: f\\nAgainst: a\\nScale: 0 — not yet",
            "[dm Chris] Start «Scale» with a whole number from 0 to 10, e.g. `Scale: 6, because …`.",
        ),
    ] {
        let mut run = weighing(locale);
        assert_eq!(replies(&mut run, bad), vec![want.to_string()]);
        let got = replies(&mut run, good);
        assert!(
            got.iter().all(|l| !l.contains("0 to 10") && !l.contains("0 tot 10")),
            "{got:?}"
        );
        let r = final_round(&run);
        assert!(r.answer_of("weighing", &r.participants[2].user).is_some());
    }
}

#[test]
fn a_wall_of_text_is_refused_with_the_limit() {
    let wall = "lang verhaal ".repeat(400);
    for (locale, want) in [
        (
            Locale::Nl,
            "[dm Chris] Dit bericht is 5208 tekens lang; een antwoord mag er hoogstens 2000 hebben. Maak het korter, of verdeel het over meer berichten als de stap dat toelaat.",
        ),
        (
            Locale::En,
            "[dm Chris] This message is 5208 characters long; an answer may have at most 2000. Shorten it, or split it over several messages if the step takes more than one.",
        ),
    ] {
        let mut run = circle(locale);
        let line = format!("Chris (dm): Problem: {wall}");
        assert_eq!(replies(&mut run, &line), vec![want.to_string()]);
        let mut thread = Run::new("golden-circle", locale, default_people());
        thread.feed(match locale {
            Locale::En => "Bram (dm): A case.\nBram (dm): yes",
            Locale::Nl => "Bram (dm): Een casus.\nBram (dm): ja",
        });
        let got = replies(&mut thread, &format!("Anna: {wall}"));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].starts_with("[thread] "), "{got:?}");
        assert!(got[0].contains("2000"), "{got:?}");
    }
}

/// The gossip method up to its actions step, with no answers on the way.
fn gossip_at(locale: Locale, step: &str) -> Run {
    let mut run = Run::new("gossip", locale, default_people());
    for _ in 0..12 {
        if at(&run) == step {
            return run;
        }
        let case = match locale {
            Locale::En => "Bram (dm): A case.\nBram (dm): yes",
            Locale::Nl => "Bram (dm): Een casus.\nBram (dm): ja",
        };
        if at(&run) == "case" {
            run.feed(case);
        } else {
            run.feed("Anna: !brug next!");
        }
    }
    panic!("never reached {step}");
}

#[test]
fn discussion_in_the_actions_step_is_allowed_and_only_actions_are_parsed() {
    for locale in [Locale::Nl, Locale::En] {
        let mut run = gossip_at(locale, "actions");
        let question = match locale {
            Locale::Nl => "Anna: wat is het gewenste effect?",
            Locale::En => "Anna: what effect do we want?",
        };
        assert_eq!(replies(&mut run, question), Vec::<String>::new());
        assert_eq!(
            replies(
                &mut run,
                "Bram: Dat hij zijn afspraken haalt.\\nHuisbezoek; Bram en Chris; binnen twee weken"
            ),
            Vec::<String>::new()
        );
        let bad = replies(&mut run, "Chris: Huisarts bellen; vrijdag");
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert!(bad[0].contains("`"), "the refusal shows the form: {bad:?}");
        let r = final_round(&run);
        assert_eq!(r.actions.len(), 1, "{:?}", r.actions);
        assert_eq!(r.actions[0].what, "Huisbezoek");
        assert_eq!(r.actions[0].who, "Bram en Chris");
    }
}

#[test]
fn the_case_owner_answers_questions_in_the_gossip_question_round() {
    for (locale, question, reply) in [
        (
            Locale::Nl,
            "Chris: Wat gebeurt er als je een maatregel noemt?",
            "Bram: Dan haakt hij af, denk ik.",
        ),
        (
            Locale::En,
            "Chris: What happens when you mention a sanction?",
            "Bram: Then he drops out, I think.",
        ),
    ] {
        let mut run = gossip_at(locale, "questions");
        assert_eq!(replies(&mut run, question), Vec::<String>::new());
        assert_eq!(
            replies(&mut run, reply),
            Vec::<String>::new(),
            "the owner's reply was refused"
        );
        let out = replies(&mut run, "Anna: !brug next!");
        let pick = out.join("\n");
        assert!(pick.contains(&question[7..]), "{pick}");
        assert!(
            !pick.contains(&reply[6..]),
            "the owner's reply is offered as a question: {pick}"
        );
        let r = final_round(&run);
        let owner = r.owner.clone().unwrap();
        assert!(r.answer_of("questions", &owner).is_some(), "reply kept");
    }
}

/// The gossip method's case is chosen from the candidates brought in: the
/// one picked most names the case owner, who is asked for it next.
#[test]
fn the_group_chooses_the_case_and_its_writer_brings_it_in() {
    for (locale, chosen) in [
        (
            Locale::En,
            "[thread] The group chose the case proposed by Dewi (3 votes)",
        ),
        (
            Locale::Nl,
            "[thread] De groep koos de casus van Dewi (3 stemmen)",
        ),
    ] {
        let mut run = Run::new("gossip", locale, default_people());
        run.feed("~ 1d\nBram: a roofer who misses appointments\nDewi: a mother who no longer opens her post\n~ 1d");
        assert_eq!(at(&run), "choose-case");
        run.feed("Anna: 2\nBram: 1\nChris: 2");
        let said = replies(&mut run, "Dewi: 2");
        assert!(said.iter().any(|l| l.starts_with(chosen)), "{said:?}");
        assert!(
            said.iter().any(|l| l.starts_with("[dm Dewi]")),
            "the intake asks Dewi: {said:?}"
        );
        let r = final_round(&run);
        assert_eq!(
            r.owner.as_ref().map(|o| r.name_of(o)),
            Some("Dewi".to_string())
        );
    }
}

/// Four windows: when most find the facts too thin, the round goes back to
/// window 2 to gather more, and asks again afterwards (DOMAIN §2.2).
#[test]
fn too_thin_facts_send_the_round_back_to_gather_more() {
    for (locale, back) in [
        (
            Locale::En,
            "[thread] 3 of 4 want to know more first, so we go back a step",
        ),
        (
            Locale::Nl,
            "[thread] 3 van de 4 willen eerst meer weten, dus we gaan een stap terug",
        ),
    ] {
        let mut run = Run::new("four-windows", locale, default_people());
        let case = match locale {
            Locale::En => "Bram (dm): A case.\nBram (dm): pseudonymised",
            Locale::Nl => "Bram (dm): Een casus.\nBram (dm): gepseudonimiseerd",
        };
        run.feed(case);
        run.feed("Anna: His mother and a sister.\n~ 2d\nChris: Left school at 17.\n~ 2d");
        assert_eq!(at(&run), "facts-check");
        run.feed("Anna: 2\nBram: 2\nChris: 1");
        let said = replies(&mut run, "Dewi: 2");
        assert!(said.iter().any(|l| l.starts_with(back)), "{said:?}");
        assert_eq!(at(&run), "facts", "back at window 2");
        // The facts so far stay; more are added, and the check is asked afresh.
        run.feed("Dewi: The probation officer says there was no programme.\n~ 2d");
        assert_eq!(at(&run), "facts-check");
        let r = final_round(&run);
        assert!(r.answer_of("facts", &r.participants[2].user).is_some());
        run.feed("Anna: 1\nBram: 1\nChris: 1\nDewi: 1");
        assert_eq!(at(&run), "criteria");
    }
}
