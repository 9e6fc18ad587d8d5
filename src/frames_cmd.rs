//! `brug frames …`: analyse statements, train the frame model.

use anyhow::Context;
use brug::core::ids::Locale;
use brug::flows::Catalog;
use clap::Subcommand;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum FramesCmd {
    /// Read statements (one per line; stdin without FILE) and print, per line,
    /// the frames found as JSON: {"text", "frames": [{"id", "score", "evidence"}]}.
    Analyze {
        /// The statements' language (default: guessed per line).
        #[arg(long, value_parser = crate::parse_locale)]
        lang: Option<Locale>,
        file: Option<PathBuf>,
    },
    /// Train the frame model from a labelled corpus (`train-*.tsv`; the
    /// threshold from `dev.tsv`; `test.tsv` is never read) and write it.
    Train {
        /// The corpus directory.
        #[arg(long, value_name = "DIR", default_value = "tests/data/frames")]
        corpus: PathBuf,
        /// Where the model goes.
        #[arg(long, value_name = "FILE", default_value = "flows/frames-model.tsv")]
        out: PathBuf,
        /// Only check that the file holds what training gives; exit 1 if not.
        #[arg(long)]
        check: bool,
        /// Training passes (for experiments; the shipped model uses the default).
        #[arg(long)]
        epochs: Option<usize>,
        /// L2 strength (for experiments).
        #[arg(long)]
        l2: Option<f64>,
        /// Fewest training statements a feature must occur in (for experiments).
        #[arg(long)]
        min_count: Option<usize>,
    },
}

type Load = fn(Option<&Path>) -> anyhow::Result<Catalog>;

pub fn run(
    cmd: FramesCmd,
    data: Option<&Path>,
    load: Load,
) -> anyhow::Result<std::process::ExitCode> {
    match cmd {
        FramesCmd::Analyze { lang, file } => analyze(load(data)?, lang, file.as_deref()),
        FramesCmd::Train {
            corpus,
            out,
            check,
            epochs,
            l2,
            min_count,
        } => {
            let d = brug::frames::train::Settings::default();
            let settings = brug::frames::train::Settings {
                epochs: epochs.unwrap_or(d.epochs),
                l2: l2.unwrap_or(d.l2),
                min_count: min_count.unwrap_or(d.min_count),
                ..d
            };
            train(load(data)?, &corpus, &out, check, settings)
        }
    }
}

/// `brug frames train`.
fn train(
    catalog: Catalog,
    corpus: &Path,
    out: &Path,
    check: bool,
    settings: brug::frames::train::Settings,
) -> anyhow::Result<std::process::ExitCode> {
    use brug::frames::train;
    let read = |name: &str| -> anyhow::Result<Vec<train::Example>> {
        let path = corpus.join(name);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        train::read_tsv(&path.display().to_string(), &text).map_err(anyhow::Error::msg)
    };
    let mut names: Vec<String> = std::fs::read_dir(corpus)
        .with_context(|| format!("reading {}", corpus.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("train") && n.ends_with(".tsv"))
        .collect();
    names.sort();
    anyhow::ensure!(!names.is_empty(), "no train*.tsv in {}", corpus.display());
    let mut examples = Vec::new();
    for n in &names {
        examples.extend(read(n)?);
    }
    let dev = read("dev.tsv")?;
    let model = train::train(&examples, &dev, Some(&catalog.frames), settings);
    let text = model.to_tsv();
    let predicted: Vec<Vec<String>> = dev
        .iter()
        .map(|e| train::predict(&model, e, Some(&catalog.frames)))
        .collect();
    let scores = train::Scores::of(&dev, &predicted);
    for (k, id) in train::LEARNED.iter().enumerate() {
        let (p, r, f) = scores.frame(k);
        eprintln!("  dev {id:<15} precision {p:.2} recall {r:.2} F1 {f:.2}");
    }
    let (p, r, _) = scores.none();
    eprintln!(
        "  dev none            precision {p:.2} recall {r:.2}; macro-F1 {:.3}",
        scores.macro_f1()
    );
    eprintln!(
        "trained on {} statements ({}), threshold {:.2} from {} in dev.tsv: {} features",
        examples.len(),
        names.join(", "),
        model.threshold,
        dev.len(),
        model.weights.len()
    );
    if check {
        let now = match std::fs::read_to_string(out) {
            Ok(now) => now,
            // No file yet: it is not what training gives either.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e).with_context(|| format!("reading {}", out.display())),
        };
        if now != text {
            eprintln!(
                "{} differs from what training gives: run `brug frames train`",
                out.display()
            );
            return Ok(std::process::ExitCode::FAILURE);
        }
        eprintln!("{} is what training gives", out.display());
        return Ok(std::process::ExitCode::SUCCESS);
    }
    std::fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {}", out.display());
    Ok(std::process::ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct LineOut<'a> {
    text: &'a str,
    frames: Vec<FrameOut<'a>>,
}

#[derive(serde::Serialize)]
struct FrameOut<'a> {
    id: &'a str,
    score: f64,
    evidence: Vec<String>,
}

/// `brug frames analyze`: JSON lines, one per statement.
fn analyze(
    catalog: Catalog,
    lang: Option<Locale>,
    file: Option<&Path>,
) -> anyhow::Result<std::process::ExitCode> {
    let lang = lang.map(|l| match l {
        Locale::Nl => brug::frames::Lang::Nl,
        Locale::En => brug::frames::Lang::En,
    });
    let input: Box<dyn BufRead> = match file {
        Some(f) => Box::new(std::io::BufReader::new(
            std::fs::File::open(f).with_context(|| format!("opening {}", f.display()))?,
        )),
        None => Box::new(std::io::stdin().lock()),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in input.lines() {
        let line = line?;
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let frames: Vec<FrameOut> = catalog
            .frames
            .analyze(text, lang)
            .into_iter()
            .map(|f| FrameOut {
                id: &catalog.frames.frames[f.frame].id,
                score: f.score,
                evidence: f.evidence,
            })
            .collect();
        serde_json::to_writer(&mut out, &LineOut { text, frames })?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(std::process::ExitCode::SUCCESS)
}
