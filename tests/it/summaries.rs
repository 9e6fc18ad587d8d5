//! The frame summary on the sample cases of DOMAIN.md §5 (`tests/data/cases/`):
//! Golden Circle answers written for each role, summarised in Dutch and in
//! English, snapshotted as people would read them, with the chart as a PNG.

use super::support::{catalog, repo, start};
use brug::core::ids::{GroupId, Locale, Platform, RoleId, RoundId, UserRef};
use brug::core::message::Message;
use brug::core::round::{Answer, Participant, Round};
use brug::core::{NewRound, Transition};
use std::collections::BTreeMap;

/// A sample case: people with professions, and per language per person the
/// Golden Circle fields.
#[derive(serde::Deserialize)]
struct SampleCase {
    title: String,
    people: Vec<(String, String)>,
    en: BTreeMap<String, BTreeMap<String, String>>,
    nl: BTreeMap<String, BTreeMap<String, String>>,
}

fn load(name: &str) -> SampleCase {
    let path = repo().join("tests/data/cases").join(format!("{name}.toml"));
    toml::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The case's round at its summary step, with every circle answer given.
fn round(case: &SampleCase, locale: Locale) -> Round {
    let c = catalog();
    let flow = c.flow("golden-circle").unwrap();
    let user = |n: &str| UserRef::new(Platform::Console, n);
    let participants: Vec<Participant> = case
        .people
        .iter()
        .map(|(name, prof)| Participant {
            user: user(name),
            name: name.clone(),
            profession: RoleId::new(prof.as_str()),
            left: false,
            away_until: None,
        })
        .collect();
    let Transition { round: mut r, .. } = brug::core::start(
        NewRound {
            id: RoundId(1),
            group: GroupId::new(Platform::Console, "cases"),
            title: case.title.clone(),
            locale,
            tz: chrono_tz::Europe::Amsterdam,
            quiet: Default::default(),
            coordinator: participants[0].user.clone(),
            coordinator_name: participants[0].name.clone(),
            owner: Some(participants[0].user.clone()),
            participants,
            previous_actions: Vec::new(),
            retention_days: 90,
            prepared: None,
            deadlines: None,
        },
        start(),
        flow,
    );
    let texts = match locale {
        Locale::En => &case.en,
        Locale::Nl => &case.nl,
    };
    assert_eq!(texts.len(), case.people.len(), "answers for everyone");
    for (name, fields) in texts {
        assert_eq!(fields.len(), 5, "{name}: the five circle fields");
        r.answers.push(Answer {
            step: "circle".into(),
            by: user(name),
            at: start(),
            fields: fields.clone(),
            picks: Vec::new(),
            removed: false,
            scores: BTreeMap::new(),
            pieces: Vec::new(),
        });
    }
    r.step = flow.steps.iter().position(|s| s.id == "summary").unwrap();
    r
}

/// The summary as text, the chart as its text alternative, and the chart PNG.
fn summarise(name: &str, locale: Locale) -> (String, Vec<u8>) {
    let c = catalog();
    let case = load(name);
    let r = round(&case, locale);
    let mut m = Message::default();
    let chart = brug::core::summary::summary(&r, c.flow("golden-circle").unwrap(), &mut m)
        .expect("the sample cases show frames");
    let text = c.strings.render(&m, locale, r.tz);
    assert!(text.errors.is_empty(), "{:?}", text.errors);
    let spec = chart.chart.as_ref().unwrap();
    let mut errors = Vec::new();
    let alt = brug::chart::describe(spec, &c.strings, locale, &mut errors);
    let png = brug::chart::render(spec, &c.strings, locale, &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    (format!("{}\n\n[chart] {alt}", text.text), png.bytes)
}

/// Checks what every sample-case summary must show, in `locale`'s words.
fn shows_the_essentials(text: &str, locale: Locale) {
    let (issues, suggestion, caveat) = match locale {
        Locale::En => (
            "Where the professions differ most",
            "A suggestion for the next conversation",
            "no frame follows from a job title",
        ),
        Locale::Nl => (
            "Waar de beroepen het meest verschillen",
            "Een voorstel voor het volgende gesprek",
            "volgen nooit uit een functietitel",
        ),
    };
    for must in [issues, suggestion, caveat] {
        assert!(text.contains(must), "missing {must:?} in:\n{text}");
    }
    let after = text.split(issues).nth(1).unwrap();
    assert!(
        after.lines().nth(1).is_some_and(|l| l.starts_with("• ")),
        "at least one issue moment:\n{text}"
    );
}

/// The frames listed under one person's line in the summary.
fn frames_of<'t>(text: &'t str, person: &str) -> Vec<&'t str> {
    let mut lines = text
        .lines()
        .skip_while(|l| !l.starts_with(&format!("• {person} (")));
    lines.next().expect("the person's line");
    lines
        .take_while(|l| l.starts_with("    "))
        .filter_map(|l| l.trim().split_once(':').map(|(f, _)| f))
        .collect()
}

/// Summarises a case and checks the essentials and the chart; the chart is
/// left in `target/charts/` for people to look at.
fn check(name: &str, locale: Locale) -> String {
    let (text, png) = summarise(name, locale);
    shows_the_essentials(&text, locale);
    let (w, h, ink) = super::frames::decode_png(&png);
    assert!(w >= 400 && h >= 300 && ink > 1000, "{w}x{h}, {ink}");
    let dir = repo().join("target/charts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.{locale}.png")), png).unwrap();
    text
}

#[test]
fn case_a_noor_in_english() {
    let text = check("a-noor", Locale::En);
    // The autonomy argument is the client manager's; the control argument the
    // social worker's — read from their words, not their job titles.
    assert!(frames_of(&text, "Pieter").contains(&"autonomy"), "{text}");
    assert!(
        frames_of(&text, "Sanne").contains(&"social control"),
        "{text}"
    );
    insta::assert_snapshot!("a-noor.en", text);
}

#[test]
fn case_a_noor_in_dutch() {
    let text = check("a-noor", Locale::Nl);
    assert!(frames_of(&text, "Pieter").contains(&"autonomie"), "{text}");
    assert!(
        frames_of(&text, "Sanne").contains(&"sociale controle"),
        "{text}"
    );
    insta::assert_snapshot!("a-noor.nl", text);
}

#[test]
fn case_c_jayden_in_english() {
    let text = check("c-jayden", Locale::En);
    assert!(
        frames_of(&text, "Mirjam").contains(&"social control"),
        "{text}"
    );
    assert!(frames_of(&text, "Youssef").contains(&"needs"), "{text}");
    insta::assert_snapshot!("c-jayden.en", text);
}

#[test]
fn case_c_jayden_in_dutch() {
    let text = check("c-jayden", Locale::Nl);
    assert!(
        frames_of(&text, "Mirjam").contains(&"sociale controle"),
        "{text}"
    );
    assert!(frames_of(&text, "Youssef").contains(&"behoefte"), "{text}");
    insta::assert_snapshot!("c-jayden.nl", text);
}

#[test]
fn case_j_kevin_in_english() {
    let text = check("j-kevin", Locale::En);
    // The toughest stance is a social worker's.
    assert!(
        frames_of(&text, "Ingrid").contains(&"social control"),
        "{text}"
    );
    insta::assert_snapshot!("j-kevin.en", text);
}

#[test]
fn case_j_kevin_in_dutch() {
    let text = check("j-kevin", Locale::Nl);
    assert!(
        frames_of(&text, "Ingrid").contains(&"sociale controle"),
        "{text}"
    );
    insta::assert_snapshot!("j-kevin.nl", text);
}

/// `brug try` writes the chart to a file and says where.
#[test]
fn try_writes_the_chart_and_prints_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brug"))
        .args(["try", "golden-circle", "--locale", "en", "--start-at"])
        .arg("2026-12-01T08:00:00Z")
        .arg("--charts")
        .arg(dir.path())
        .stdin(std::fs::File::open(repo().join("tests/scripts/golden-circle.en.txt")).unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout
        .lines()
        .find(|l| l.starts_with("Chart saved as "))
        .unwrap_or_else(|| panic!("no chart line in:\n{stdout}"));
    let path = std::path::Path::new(line.trim_start_matches("Chart saved as "));
    assert!(path.starts_with(dir.path()), "{}", path.display());
    let (w, h, ink) = super::frames::decode_png(&std::fs::read(path).unwrap());
    assert!(w >= 400 && h >= 300 && ink > 1000, "{w}x{h}, {ink}");
}
