//! Following up on advice: an agreed action whose "by when" names a day is
//! reminded privately to its owner on that day at 09:00, also after the
//! round has closed; one without a day is not.

use super::privacy::final_round;
use super::support::{default_people, replies, Run};
use brug::core::ids::Locale;
use brug::core::round::Status;

/// The gossip script up to its agreed actions (Saturday 5 December, 09:00).
fn to_actions(run: &mut Run) {
    let script = super::support::script("gossip.en.txt");
    let upto: Vec<&str> = script
        .lines()
        .take_while(|l| !l.starts_with("Bram: Home visit"))
        .collect();
    run.feed(&upto.join("\n"));
    let r = final_round(run);
    let flow = super::support::catalog().flow(&r.flow_id).unwrap().clone();
    assert_eq!(flow.steps[r.step].id, "actions");
}

#[test]
fn an_action_due_on_a_day_is_reminded_to_its_owner_that_morning() {
    let mut run = Run::new("gossip", Locale::En, default_people());
    to_actions(&mut run);
    run.feed("Anna: Call the landlord; Bram; Friday\nChris: Ask about the debts; the team; 2026-12-14\nDewi: Keep an eye on it; Dewi; soon");
    for _ in 0..5 {
        if final_round(&run).status == Status::Closed {
            break;
        }
        run.feed("Anna: !brug next!");
    }
    assert_eq!(final_round(&run).status, Status::Closed);
    // Day by day: Bram hears it on Friday 11 December (six days on), once;
    // "the team" is nobody's name, so its writer Chris hears it on the 14th.
    let mut days = Vec::new();
    for day in 1..=12 {
        for l in replies(&mut run, "~ 1d") {
            if l.contains("A reminder of what was agreed") {
                days.push((day, l));
            }
        }
    }
    assert_eq!(
        days,
        vec![
            (6, "[dm Bram] A reminder of what was agreed in round #1 «Case #1»: Call the landlord — due today. Next time the group meets, it will hear what came of it.".to_string()),
            (9, "[dm Chris] A reminder of what was agreed in round #1 «Case #1»: Ask about the debts — due today. Next time the group meets, it will hear what came of it.".to_string()),
        ],
        "no day, no reminder"
    );
}
