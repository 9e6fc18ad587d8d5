//! Frame analysis speed: `analyze` throughput over chat text, and the time to
//! build the frame summary of an 8-person round with 10 answers each.
//!
//! Run: `cargo bench --bench frames`

use brug::core::ids::{GroupId, Locale, Platform, RoleId, RoundId, UserRef};
use brug::core::message::Message;
use brug::core::round::{Answer, Participant, Round, Status, Timers};
use brug::flows::{Catalog, Sources};
use std::collections::BTreeMap;
use std::time::Instant;

fn main() {
    let catalog = Catalog::load(&Sources::embedded()).expect("built-in data");
    let statements: Vec<String> = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/frames.tsv"
    ))
    .unwrap()
    .lines()
    .filter(|l| !l.starts_with('#'))
    .filter_map(|l| l.split_once('\t').map(|(_, t)| t.to_string()))
    .collect();

    // Throughput: the labelled statements over and over, about 8 MB.
    let mut corpus = Vec::new();
    while corpus.iter().map(String::len).sum::<usize>() < 8 << 20 {
        corpus.extend(statements.iter().cloned());
    }
    let bytes: usize = corpus.iter().map(String::len).sum();
    let t = Instant::now();
    let mut found = 0usize;
    for s in &corpus {
        found += catalog.frames.analyze(s, None).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "analyze: {:.1} MB in {:.2} s = {:.1} MB/s ({} statements, {found} frames found)",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        corpus.len()
    );

    // Cold: every statement of the frame corpus (about 2,000, none the
    // same) read once, on a fresh thread, so nothing the detector keeps
    // per thread (the stems it made) is warm yet.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/frames");
    let mut distinct: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flat_map(|e| {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.rsplit('\t').next().map(str::to_string))
                .collect::<Vec<_>>()
        })
        .filter(|t| !t.is_empty())
        .collect();
    distinct.sort();
    distinct.dedup();
    let frames = &catalog.frames;
    let (n, bytes, secs) = std::thread::scope(|s| {
        s.spawn(|| {
            let bytes: usize = distinct.iter().map(String::len).sum();
            let t = Instant::now();
            for d in &distinct {
                std::hint::black_box(frames.analyze(d, None));
            }
            (distinct.len(), bytes, t.elapsed().as_secs_f64())
        })
        .join()
        .unwrap()
    });
    println!(
        "analyze, cold: {:.2} MB in {:.3} s = {:.1} MB/s ({n} distinct statements, each once, fresh thread)",
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );

    // The summary of an 8-person round, 10 answers each.
    let flow = catalog.flow("golden-circle").unwrap().clone();
    let group = GroupId::new(Platform::Console, "bench");
    let professions = [
        "social-worker",
        "client-manager-work",
        "client-manager-income",
        "other",
    ];
    let people: Vec<Participant> = (0..8)
        .map(|i| Participant {
            user: UserRef::new(Platform::Console, format!("P{i}")),
            name: format!("P{i}"),
            profession: RoleId::new(professions[i % 4]),
            left: false,
            away_until: None,
        })
        .collect();
    let collecting: Vec<&str> = flow
        .steps
        .iter()
        .filter(|s| s.collects() && !s.anonymous_in(&flow))
        .map(|s| s.id.as_str())
        .collect();
    let mut answers = Vec::new();
    for (i, p) in people.iter().enumerate() {
        for j in 0..10 {
            let step = collecting[j % collecting.len()];
            let mut fields = BTreeMap::new();
            fields.insert(
                format!("f{j}"),
                statements[(i * 10 + j) % statements.len()].clone(),
            );
            answers.push(Answer {
                step: step.to_string(),
                by: p.user.clone(),
                at: chrono::Utc::now(),
                fields,
                picks: Vec::new(),
                removed: false,
                scores: BTreeMap::new(),
                pieces: Vec::new(),
            });
        }
    }
    let now = chrono::Utc::now();
    let round = Round {
        id: RoundId(1),
        group,
        flow_id: flow.id.clone(),
        flow_version: flow.version,
        title: "bench".into(),
        locale: Locale::En,
        coordinator: people[0].user.clone(),
        coordinator_name: "P0".into(),
        owner: Some(people[1].user.clone()),
        participants: people,
        status: Status::Running,
        step: flow.steps.len() - 1,
        step_started: now,
        timers: Timers::default(),
        answers,
        roles: Vec::new(),
        actions: Vec::new(),
        previous_actions: Vec::new(),
        intake_draft: None,
        held: Vec::new(),
        consent: None,
        retention_days: 90,
        expires: None,
        tz: chrono_tz::UTC,
        quiet: Default::default(),
        opened: now,
        closed: None,
        told_ended: Vec::new(),
        pairs: Vec::new(),
        found_out: Vec::new(),
        previous_frames: Vec::new(),
        prepared: None,
        deadlines: None,
    };
    let runs = 200;
    let mut chart = None;
    let times = timed(runs, || {
        let mut m = Message::default();
        chart = brug::core::summary::summary(&round, &flow, &mut m);
        std::hint::black_box(&m);
    });
    report("summary of 8 people x 10 answers", &times);

    // Drawing its chart as a PNG (what the adapters do once per round).
    let chart = chart
        .and_then(|m| m.chart)
        .expect("the bench round shows frames");
    let mut size = 0;
    let times = timed(runs, || {
        let png = brug::chart::render(&chart, &catalog.strings, Locale::En, &mut Vec::new());
        size = png.bytes.len();
        std::hint::black_box(&png);
    });
    report(&format!("chart PNG ({size} bytes)"), &times);
}

/// Milliseconds each of `runs` calls of `f` took, sorted.
fn timed(runs: usize, mut f: impl FnMut()) -> Vec<f64> {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times
}

fn report(what: &str, times: &[f64]) {
    println!(
        "{what}: median {:.2} ms, max {:.2} ms over {} runs",
        times[times.len() / 2],
        times[times.len() - 1],
        times.len()
    );
}
