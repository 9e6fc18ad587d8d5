//! Frame detection quality on the labelled statements in `tests/data/`, and the
//! detector's handling of real chat text.

use super::support::{catalog, repo};
use brug::frames::train::{self, Example, Scores};
use brug::frames::Lang;
use std::collections::BTreeSet;

/// A part of the corpus in `tests/data/frames/`.
fn part(name: &str) -> Vec<Example> {
    let path = repo().join("tests/data/frames").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    train::read_tsv(name, &text).unwrap()
}

/// Every `train*.tsv`, in name order (as `brug frames train` reads them).
fn training() -> Vec<Example> {
    let dir = repo().join("tests/data/frames");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("train") && n.ends_with(".tsv"))
        .collect();
    names.sort();
    names.iter().flat_map(|n| part(n)).collect()
}

/// The shipped model, as `brug frames analyze` uses it.
fn shipped(c: &brug::flows::Catalog) -> &brug::frames::Model {
    c.frames
        .model()
        .expect("the catalogue loads flows/frames-model.tsv")
}

fn show(title: &str, s: &Scores) {
    println!("{title}");
    println!(
        "  {:<16} {:>4} {:>4} {:>4} {:>9} {:>6} {:>5}",
        "frame", "tp", "fp", "fn", "precision", "recall", "F1"
    );
    for (k, id) in train::LEARNED.iter().enumerate() {
        let (tp, fp, fn_) = s.frames[k];
        let (p, r, f) = s.frame(k);
        println!("  {id:<16} {tp:>4} {fp:>4} {fn_:>4} {p:>9.2} {r:>6.2} {f:>5.2}");
    }
    let (p, r, f) = s.none();
    println!(
        "  {:<16} {:>4} {:>4} {:>4} {p:>9.2} {r:>6.2} {f:>5.2}",
        "none", s.none.0, s.none.1, s.none.2
    );
    println!("  macro-F1 over the five frames: {:.3}", s.macro_f1());
}

fn scores(gold: &[Example], predict: impl Fn(&Example) -> Vec<String>) -> Scores {
    let predicted: Vec<Vec<String>> = gold.iter().map(predict).collect();
    Scores::of(gold, &predicted)
}

fn catalogue_only(c: &brug::flows::Catalog, e: &Example) -> Vec<String> {
    c.frames
        .catalogue(&e.text, e.lang)
        .into_iter()
        .map(|f| c.frames.frames[f.frame].id.clone())
        .collect()
}

/// The figures in BENCHMARKS.md: on the frozen test part (never trained or
/// tuned on), the shipped model with the catalogue's findings as features,
/// per frame and per language; the catalogue alone and the model alone;
/// and how it grows with the training set. Run with `-- --nocapture`.
#[test]
fn frame_detection_on_the_frozen_test_part() {
    let c = catalog();
    let test = part("test.tsv");
    let dev = part("dev.tsv");
    let train_set = training();
    assert!(test.len() >= 200 && train_set.len() + dev.len() >= 600);
    // Split by narrative: the test part's cases appear nowhere else.
    let seen: BTreeSet<&str> = train_set
        .iter()
        .chain(&dev)
        .map(|e| e.narrative.as_str())
        .collect();
    for e in &test {
        assert!(
            !seen.contains(e.narrative.as_str()),
            "{} shares narrative {}",
            e.id,
            e.narrative
        );
    }
    let model = shipped(&c);
    let both = |e: &Example| train::predict(model, e, Some(&c.frames));
    let all = scores(&test, both);
    show(
        &format!(
            "model + catalogue (shipped), test part, {} statements:",
            test.len()
        ),
        &all,
    );
    let mut per_language = Vec::new();
    for (lang, name) in [(Lang::Nl, "Dutch"), (Lang::En, "English")] {
        let some: Vec<Example> = test
            .iter()
            .filter(|e| e.lang == Some(lang))
            .cloned()
            .collect();
        let s = scores(&some, both);
        show(&format!("  {name} only, {} statements:", some.len()), &s);
        per_language.push((name, s.macro_f1()));
    }
    let alone = scores(&test, |e| catalogue_only(&c, e));
    show("phrase catalogue alone, test part:", &alone);
    let plain = train::train(
        &train_set,
        &dev,
        None,
        train::Settings {
            catalogue: false,
            ..train::Settings::default()
        },
    );
    let model_alone = scores(&test, |e| train::predict(&plain, e, None));
    show(
        "model alone (no catalogue features), test part:",
        &model_alone,
    );
    println!("learning curve (macro-F1 on the test part by training statements):");
    for quarter in 1..=4 {
        // Every fourth statement for a quarter, and so on: all files and
        // narratives at every size.
        let subset: Vec<Example> = train_set
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 4 < quarter)
            .map(|(_, e)| e.clone())
            .collect();
        let m = train::train(&subset, &dev, Some(&c.frames), train::Settings::default());
        let s = scores(&test, |e| train::predict(&m, e, Some(&c.frames)));
        println!(
            "  {:>4} statements: {:.3} (threshold {:.2})",
            subset.len(),
            s.macro_f1(),
            m.threshold
        );
    }
    // The targets (issue 12): macro-F1 at least 0.75 in each language,
    // `none` precision at least 0.6; a change that makes detection worse
    // than that fails here.
    for (name, f1) in per_language {
        assert!(
            f1 >= TARGET_F1,
            "{name}: macro-F1 {f1:.3} below {TARGET_F1}"
        );
    }
    assert!(
        all.macro_f1() >= TARGET_F1,
        "macro-F1 {:.3} below {TARGET_F1}",
        all.macro_f1()
    );
    assert!(
        all.none().0 >= TARGET_NONE_PRECISION,
        "none precision {:.2} below {TARGET_NONE_PRECISION}",
        all.none().0
    );
}

/// The targets of issue 12 on the frozen test part.
const TARGET_F1: f64 = 0.75;
const TARGET_NONE_PRECISION: f64 = 0.6;

/// The shipped weights are what training from scratch gives.
#[test]
fn retraining_from_scratch_gives_the_shipped_model() {
    let c = catalog();
    let m = train::train(
        &training(),
        &part("dev.tsv"),
        Some(&c.frames),
        train::Settings::default(),
    );
    let shipped = std::fs::read_to_string(repo().join("flows/frames-model.tsv")).unwrap();
    assert!(
        m.to_tsv() == shipped,
        "flows/frames-model.tsv is not what `brug frames train` gives"
    );
    assert_eq!(
        brug::frames::Model::from_tsv(&shipped).unwrap().to_tsv(),
        shipped
    );
}

#[test]
fn evidence_is_the_words_as_written() {
    let c = catalog();
    let found = c.frames.analyze(
        "Hij is gesanctioneerd wegens BIJSTANDSFRAUDE, zo gaat dat.",
        Some(Lang::Nl),
    );
    let sc = c.frames.index("social-control").unwrap();
    let f = found
        .iter()
        .find(|f| f.frame == sc)
        .expect("social control");
    assert_eq!(f.evidence, vec!["gesanctioneerd", "BIJSTANDSFRAUDE"]);
    assert!(f.score > 0.0 && f.score <= 1.0);
}

#[test]
fn scores_do_not_grow_with_padding() {
    let c = catalog();
    let short = "Hij moet een sanctie krijgen.";
    let long = format!(
        "{short} {}",
        "Verder is er weinig nieuws te melden over de planning. ".repeat(10)
    );
    let s = c.frames.analyze(short, Some(Lang::Nl))[0].score;
    let l = c.frames.analyze(&long, Some(Lang::Nl))[0].score;
    assert!(
        l < s,
        "a long answer with the same indicator scores lower per word ({l} vs {s})"
    );
}

/// Decodes a PNG (as any viewer would) and returns its width, height and the
/// number of pixels that are not background white.
pub fn decode_png(bytes: &[u8]) -> (u32, u32, usize) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("a sane size")];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    let px = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    let ink = px
        .chunks(channels)
        .filter(|p| p.iter().take(3).any(|c| *c < 250))
        .count();
    (info.width, info.height, ink)
}

/// The hard cases (`hard.tsv`: negated facts, fillers, frame words used for
/// another frame, clashing judgements, reported views), written after the
/// summary's mistakes were seen and never trained on: how the shipped model
/// does on them, for BENCHMARKS.md. Run with `-- --nocapture`.
#[test]
fn frame_detection_on_the_hard_cases() {
    let c = catalog();
    let hard = part("hard.tsv");
    assert!(hard.len() >= 150);
    let model = shipped(&c);
    let s = scores(&hard, |e| train::predict(model, e, Some(&c.frames)));
    show(
        &format!(
            "model + catalogue (shipped), hard cases, {} statements:",
            hard.len()
        ),
        &s,
    );
    // Fillers and plain facts: of the statements labelled none, how many the
    // model leaves without a frame.
    let none: Vec<&Example> = hard.iter().filter(|e| e.labels.is_empty()).collect();
    let silent = none
        .iter()
        .filter(|e| train::predict(model, e, Some(&c.frames)).is_empty())
        .count();
    println!(
        "  left without a frame: {silent} of {} none statements",
        none.len()
    );
    // Floors a little under what was measured when the file landed
    // (macro-F1 0.528, 35 of 79 left alone; BENCHMARKS.md): worse fails.
    assert!(
        s.macro_f1() >= 0.50,
        "hard cases: macro-F1 {:.3}",
        s.macro_f1()
    );
    assert!(
        silent >= 30,
        "hard cases: only {silent} none statements left alone"
    );
}
