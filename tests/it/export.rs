//! `export`: the record goes privately to the coordinator who asks, as a
//! readable message or as versioned JSON; anonymous answers carry no author,
//! removed ones are marked; others are refused.

use super::support::{default_people, script, Run};
use brug::core::ids::Locale;
use brug::core::message::Block;

fn finished(locale: Locale) -> Run {
    let mut run = Run::new("golden-circle", locale, default_people());
    run.feed(&script(&format!("golden-circle.{locale}.txt")));
    assert!(!run.session.round_open());
    run
}

fn json_of(run: &Run, from: usize) -> serde_json::Value {
    let seen = run
        .since(from)
        .iter()
        .find(|s| s.dm_to() == Some("Anna"))
        .expect("the export, privately to Anna");
    let code = seen
        .out
        .msg
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Code(t) => Some(t.clone()),
            _ => None,
        })
        .expect("a code block");
    serde_json::from_str(&code).expect("valid JSON")
}

#[test]
fn json_export_has_the_documented_shape() {
    let mut run = finished(Locale::En);
    let from = run.seen().len();
    run.feed("Anna: !brug export json");
    let v = json_of(&run, from);
    assert_eq!(v["format"], "brug-round-record");
    assert_eq!(v["version"], 2);
    assert_eq!(v["round"], 1);
    assert_eq!(v["status"], "closed");
    assert_eq!(v["participants"].as_array().unwrap().len(), 4);
    let steps = v["steps"].as_array().unwrap();
    let case = &steps[0];
    assert_eq!(case["kind"], "intake");
    assert!(case["answers"][0]["fields"]["text"]
        .as_str()
        .unwrap()
        .starts_with("A mother in her mid-thirties"));
    assert_eq!(case["answers"][0]["author"]["name"], "Bram");
    let mut anonymous = 0;
    for s in steps.iter().filter(|s| s["anonymous"] == true) {
        for a in s["answers"].as_array().unwrap() {
            assert!(a.get("author").is_none(), "{a}");
            anonymous += 1;
        }
    }
    assert!(
        anonymous >= 8,
        "the stances and the evaluation: {anonymous}"
    );
    assert!(
        v["frame_profiles"]["social-worker"]["needs"]
            .as_u64()
            .unwrap()
            > 0
    );
    // It went only to Anna; the thread heard only that it was sent.
    for s in run.since(from) {
        assert!(
            s.dm_to() == Some("Anna") || s.text.contains("sent you the record"),
            "{}",
            s.line()
        );
    }
}

#[test]
fn readable_export_is_private_and_refused_to_others() {
    let mut run = finished(Locale::Nl);
    let from = run.seen().len();
    run.feed("Bram: !brug export");
    let refused = &run.since(from)[0];
    assert!(refused.in_thread());
    assert!(
        !refused.text.contains("Verslag van ronde"),
        "{}",
        refused.text
    );
    let from = run.seen().len();
    run.feed("Anna (dm): !brug export");
    let out = run.since(from);
    assert_eq!(out.len(), 1, "no word in the thread for a DM request");
    assert_eq!(out[0].dm_to(), Some("Anna"));
    assert!(
        out[0].text.starts_with("Verslag van ronde #1"),
        "{}",
        out[0].text
    );
    assert!(
        out[0].text.contains("Frames in deze ronde"),
        "{}",
        out[0].text
    );
    assert!(run.errors().is_empty(), "{:?}", run.errors());
}

#[test]
fn removed_answers_are_marked_in_the_export() {
    let mut run = finished(Locale::En);
    run.feed("Chris (dm): !brug forget-me");
    let from = run.seen().len();
    run.feed("Anna: !brug export json");
    let v = json_of(&run, from);
    let text = v.to_string();
    assert!(!text.contains("\"Chris\""), "{text}");
    let removed = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["answers"].as_array().unwrap().clone())
        .filter(|a| a["removed"] == true)
        .count();
    assert!(removed >= 3, "Chris's named answers: {removed}");
}
