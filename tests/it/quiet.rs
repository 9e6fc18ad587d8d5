//! Quiet hours hold what people are sent because of someone else: a step a
//! coordinator opens at night sends its private prompts when the quiet
//! hours end, across a restart too; what answers the writer goes at once.

use super::support::{default_people, replies, Run};
use brug::core::ids::Locale;
use chrono_tz::Europe::Amsterdam;

#[test]
fn private_prompts_of_a_step_opened_at_night_wait_for_the_morning() {
    // Tuesday 1 December, 09:00 in Amsterdam.
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed("Bram (dm): A case.\nBram (dm): yes");
    // 21:00: the coordinator opens the private Golden Circle.
    run.feed("~ 12h");
    assert_eq!(
        run.session
            .now
            .with_timezone(&Amsterdam)
            .format("%H:%M")
            .to_string(),
        "21:00"
    );
    let now = replies(&mut run, "Anna: !brug next!");
    assert!(
        now.iter().any(|l| l.starts_with("[thread] Step 3 of 10")),
        "{now:?}"
    );
    // Anna wrote: hers comes now; nobody else is written to at night.
    assert!(now.iter().any(|l| l.starts_with("[dm Anna]")), "{now:?}");
    assert!(
        !now.iter()
            .any(|l| l.starts_with("[dm Bram]") || l.starts_with("[dm Chris]")),
        "{now:?}"
    );
    // A receipt to someone answering at night goes at once.
    let receipt = replies(&mut run, "Chris (dm): Why: w\\nHow: h\\nWhat: x");
    assert!(receipt[0].starts_with("[dm Chris]"), "{receipt:?}");
    // Hour by hour: the others' prompts arrive at 08:00, each once.
    let mut came = Vec::new();
    for _ in 0..12 {
        for l in replies(&mut run, "~ 1h") {
            if l.starts_with("[dm ") {
                let at = run.session.now.with_timezone(&Amsterdam).format("%H:%M");
                came.push(format!("{at} {}", &l[..l.find(']').unwrap() + 1]));
            }
        }
    }
    assert_eq!(
        came,
        ["08:00 [dm Bram]", "08:00 [dm Chris]", "08:00 [dm Dewi]"]
    );
}

#[test]
fn what_waits_for_the_morning_about_a_round_cancelled_meanwhile_is_not_sent() {
    let mut run = Run::new("golden-circle", Locale::En, default_people());
    run.feed("Bram (dm): A case.\nBram (dm): yes\n~ 12h\nAnna: !brug next!");
    let cancel = replies(&mut run, "Anna: !brug cancel");
    assert!(
        cancel.iter().all(|l| !l.starts_with("[dm Bram]")),
        "{cancel:?}"
    );
    let morning = replies(&mut run, "~ 12h");
    assert!(
        !morning
            .iter()
            .any(|l| l.starts_with("[dm Bram]") || l.starts_with("[dm Chris]")),
        "{morning:?}"
    );
}
