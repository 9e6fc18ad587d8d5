//! Anonymous answers through the console: each question's answers in an
//! order of their own, whatever order people answered in; and a step too
//! small for anonymity shows only counts — in the thread and in the export.

use super::support::{five_people, Run};
use brug::core::ids::{Locale, RoleId};
use proptest::prelude::*;

/// A Golden Circle taken to its evaluation (anonymous, three questions).
fn at_evaluation(people: Vec<(String, RoleId)>) -> Run {
    let mut run = Run::new("golden-circle", Locale::En, people);
    run.feed("Bram (dm): A case.\nBram (dm): yes");
    for _ in 0..12 {
        let r = super::privacy::final_round(&run);
        let flow = super::support::catalog().flow(&r.flow_id).unwrap().clone();
        if flow.steps[r.step].id == "evaluation" {
            return run;
        }
        run.feed("Anna: !brug next!");
    }
    panic!("never reached the evaluation");
}

fn evaluate(name: &str) -> String {
    format!("{name} (dm): Trust: 4 trust-of-{name}\\nOpenness: 3 openness-of-{name}\\nRoles: 5 roles-of-{name}")
}

/// Who stands where under each question in the record's evaluation part.
fn orders(record: &str, names: &[&str]) -> Vec<Vec<String>> {
    ["trust", "openness", "roles"]
        .iter()
        .map(|q| {
            let mut at: Vec<(usize, String)> = names
                .iter()
                .map(|n| {
                    let pos = record
                        .find(&format!("{q}-of-{n}"))
                        .unwrap_or_else(|| panic!("{q} of {n} missing:\n{record}"));
                    (pos, n.to_string())
                })
                .collect();
            at.sort();
            at.into_iter().map(|(_, n)| n).collect()
        })
        .collect()
}

/// The round's full record, as `export` sends it (the thread gets only a
/// concise close).
fn record_of(run: &mut Run) -> String {
    let before = run.seen().len();
    run.feed("Anna: !brug export #1");
    run.since(before)
        .iter()
        .map(|s| s.text.clone())
        .find(|t| t.contains("trust-of-"))
        .expect("the record shows the evaluation")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Five people answer in any order: each question's order is the same
    /// whatever the order of answering, and it is its own — the authors'
    /// places under one question are not those under the others.
    #[test]
    fn each_question_has_an_order_of_its_own(perm in Just(vec![0usize, 1, 2, 3, 4]).prop_shuffle()) {
        let names = ["Anna", "Bram", "Chris", "Dewi", "Eva"];
        let mut run = at_evaluation(five_people());
        for i in &perm {
            run.feed(&evaluate(names[*i]));
        }
        let record = record_of(&mut run);
        let got = orders(&record, &names);
        // Same roster, same round: the orders do not depend on `perm`.
        let mut again = at_evaluation(five_people());
        for n in names {
            again.feed(&evaluate(n));
        }
        prop_assert_eq!(orders(&record_of(&mut again), &names), got.clone());
        prop_assert!(got[0] != got[1] || got[1] != got[2], "all questions in one order: {:?}", got);
        for line in record.lines().filter(|l| l.contains("-of-")) {
            for n in names {
                prop_assert!(!line.contains(&format!("{n} (")), "a name next to an anonymous answer: {}", line);
            }
        }
    }
}

/// Two people answered: anonymity is a fiction, so only the number and the
/// averages are shown — in the record and in the JSON export.
#[test]
fn two_answers_show_only_counts() {
    let mut run = at_evaluation(five_people());
    run.feed(&evaluate("Anna"));
    run.feed(&evaluate("Bram"));
    run.feed("Anna: !brug next!");
    let thread: String = run
        .seen()
        .iter()
        .filter(|s| s.in_thread())
        .map(|s| s.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        !thread.contains("-of-"),
        "an answer of two is shown:\n{thread}"
    );
    let before = run.seen().len();
    run.feed("Anna: !brug export #1");
    let record: String = run.since(before).iter().map(|s| s.text.clone()).collect();
    assert!(
        !record.contains("-of-"),
        "an answer of two is shown:\n{record}"
    );
    assert!(
        record.contains(
            "Only 2 people answered. With fewer than 3 answers they cannot stay anonymous"
        ),
        "{record}"
    );
    assert!(record.contains("average"), "averages are shown:\n{record}");
    let before = run.seen().len();
    run.feed("Anna: !brug export json #1");
    let json: String = run.since(before).iter().map(|s| s.text.clone()).collect();
    assert!(!json.contains("-of-"), "{json}");
    assert!(json.contains("\"withheld\": 2"), "{json}");
}
