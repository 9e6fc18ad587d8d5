//! Frame detection quality on the labelled statements in `tests/data/`, and the
//! detector's handling of real chat text.

use super::support::{catalog, repo};
use brug::frames::Lang;
use std::collections::BTreeSet;

struct Case {
    labels: BTreeSet<String>,
    text: String,
}

fn cases() -> Vec<Case> {
    std::fs::read_to_string(repo().join("tests/data/frames.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (labels, text) = l.split_once('\t').expect("labels<TAB>text");
            let labels = labels
                .split(',')
                .filter(|x| *x != "-")
                .map(str::to_string)
                .collect();
            Case {
                labels,
                text: text.to_string(),
            }
        })
        .collect()
}

/// Per-frame precision, recall and F1; returns the macro-F1 over frames that
/// occur in the labels. Printed with `-- --nocapture` for BENCHMARKS.md.
fn evaluate() -> f64 {
    let c = catalog();
    let cases = cases();
    assert!(cases.len() >= 100, "at least 100 labelled statements");
    let mut f1s = Vec::new();
    println!(
        "{:<16} {:>4} {:>4} {:>4} {:>9} {:>6} {:>5}",
        "frame", "tp", "fp", "fn", "precision", "recall", "F1"
    );
    for f in &c.frames.frames {
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for case in &cases {
            let found = c
                .frames
                .analyze(&case.text, None)
                .iter()
                .any(|x| c.frames.frames[x.frame].id == f.id);
            match (found, case.labels.contains(&f.id)) {
                (true, true) => tp += 1,
                (true, false) => {
                    fp += 1;
                    if std::env::var("BRUG_SHOW_ERRORS").is_ok() {
                        println!("  FP {}: {}", f.id, case.text);
                    }
                }
                (false, true) => {
                    fn_ += 1;
                    if std::env::var("BRUG_SHOW_ERRORS").is_ok() {
                        println!("  FN {}: {}", f.id, case.text);
                    }
                }
                (false, false) => {}
            }
        }
        if tp + fn_ == 0 {
            continue;
        }
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = tp as f64 / (tp + fn_) as f64;
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        println!(
            "{:<16} {tp:>4} {fp:>4} {fn_:>4} {p:>9.2} {r:>6.2} {f1:>5.2}",
            f.id
        );
        f1s.push(f1);
    }
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len() as f64;
    println!(
        "macro-F1 over {} frames, {} statements: {macro_f1:.3}",
        f1s.len(),
        cases.len()
    );
    macro_f1
}

#[test]
fn detection_quality_on_the_labelled_set() {
    let f1 = evaluate();
    assert!(f1 >= 0.75, "macro-F1 {f1:.3} is below 0.75");
}

#[test]
fn statements_without_frames_stay_without() {
    let c = catalog();
    for case in cases().iter().filter(|c| c.labels.is_empty()) {
        let found = c.frames.analyze(&case.text, None);
        assert!(found.is_empty(), "«{}» got {:?}", case.text, found);
    }
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
