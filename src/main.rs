//! The `brug` command line: `try`, `run`, `flows`, `flows check`.

use anyhow::{bail, Context};
use brug::core::ids::{Locale, RoleId};
use brug::core::message::Arg;
use brug::core::msg;
use brug::engine::{Defaults, Engine};
use brug::flows::{Catalog, Sources};
use brug::platform::console::{self, Console};
use brug::session::{Session, TrySettings};
use brug::storage::{MemoryStore, SledStore, Store};
use chrono::{DateTime, Timelike, Utc};
use clap::{Parser, Subcommand};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod serve;

#[derive(Parser)]
#[command(
    name = "brug",
    version,
    about = "Asynchronous case consultations for social workers and client managers"
)]
struct Cli {
    /// A data directory with `flows/` and `locales/` (default: the built-in ones,
    /// or ./flows and ./locales when both are here).
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run a round in the terminal with simulated participants — no server.
    Try {
        /// The flow (method) to run, e.g. golden-circle; see `brug flows`.
        flow: String,
        /// A participant as NAME=PROFESSION; repeat. The first one coordinates.
        #[arg(long = "participant", short = 'p', value_name = "NAME=PROFESSION")]
        participants: Vec<String>,
        /// The case owner (default: the second participant).
        #[arg(long)]
        owner: Option<String>,
        /// The round's language.
        #[arg(long, default_value = "nl", value_parser = parse_locale)]
        locale: Locale,
        /// The case title.
        #[arg(long, default_value = "")]
        title: String,
        /// Keep the round in a sled store here; running again continues it.
        #[arg(long, value_name = "DIR")]
        store: Option<PathBuf>,
        /// The simulated clock's start (RFC 3339), for reproducible transcripts.
        #[arg(long, value_name = "TIME")]
        start_at: Option<DateTime<Utc>>,
        /// Where charts (PNG) are saved [default: the system's temporary
        /// directory, in brug-charts].
        #[arg(long, value_name = "DIR")]
        charts: Option<PathBuf>,
    },
    /// List the flows, or check flow files.
    Flows {
        #[command(subcommand)]
        cmd: Option<FlowsCmd>,
    },
    /// Frame analysis tools.
    Frames {
        #[command(subcommand)]
        cmd: FramesCmd,
    },
    /// Run the bot on the platforms in a config file.
    Run {
        #[arg(long, value_name = "FILE")]
        config: PathBuf,
    },
}

#[derive(Subcommand)]
enum FramesCmd {
    /// Read statements (one per line; stdin without FILE) and print, per line,
    /// the frames found as JSON: {"text", "frames": [{"id", "score", "evidence"}]}.
    Analyze {
        /// The statements' language (default: guessed per line).
        #[arg(long, value_parser = parse_locale)]
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

#[derive(Subcommand)]
enum FlowsCmd {
    /// Validate flow files and print every error as file:line:column: message.
    Check {
        /// The flows directory (default: the data directory's, or ./flows).
        dir: Option<PathBuf>,
    },
}

fn parse_locale(s: &str) -> Result<Locale, String> {
    Locale::parse(s).ok_or_else(|| format!("`{s}` is not a language brug speaks: use nl or en"))
}

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("BRUG_LOG"))
        .with_writer(std::io::stderr)
        .init();
    match real_main() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("brug: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}

fn real_main() -> anyhow::Result<std::process::ExitCode> {
    let cli = Cli::parse();
    match cli.cmd {
        Cmd::Flows {
            cmd: Some(FlowsCmd::Check { dir }),
        } => flows_check(cli.data.as_deref(), dir.as_deref()),
        Cmd::Flows { cmd: None } => {
            let catalog = load(cli.data.as_deref())?;
            for f in catalog.flows.values() {
                let mut errs = Vec::new();
                let name = catalog.strings.render_ref(
                    &brug::core::message::MessageRef::new(f.name.clone()),
                    Locale::En,
                    chrono_tz::UTC,
                    &mut errs,
                );
                let desc = catalog.strings.render_ref(
                    &brug::core::message::MessageRef::new(f.description.clone()),
                    Locale::En,
                    chrono_tz::UTC,
                    &mut errs,
                );
                println!("{:<16} {name} — {desc}", f.id);
            }
            Ok(std::process::ExitCode::SUCCESS)
        }
        Cmd::Try {
            flow,
            participants,
            owner,
            locale,
            title,
            store,
            start_at,
            charts,
        } => {
            let charts = charts.unwrap_or_else(|| std::env::temp_dir().join("brug-charts"));
            let catalog = Arc::new(load(cli.data.as_deref())?);
            let participants = parse_participants(&participants, &catalog)?;
            if catalog.flow(&flow).is_none() {
                let known: Vec<&str> = catalog.flows.keys().map(String::as_str).collect();
                bail!(
                    "there is no flow `{flow}`; known flows: {}",
                    known.join(", ")
                );
            }
            if let Some(o) = &owner {
                if !participants.iter().any(|(n, _)| n == o) {
                    bail!("--owner {o}: not one of the participants");
                }
            }
            let start_at = start_at.unwrap_or_else(|| {
                let now = Utc::now();
                now.with_second(0)
                    .and_then(|t| t.with_nanosecond(0))
                    .unwrap_or(now)
            });
            let settings = TrySettings {
                flow,
                title,
                participants,
                owner,
                start_at,
            };
            let defaults = Defaults {
                lang: locale,
                ..Defaults::default()
            };
            match store {
                Some(dir) => {
                    let key = brug::storage::Key::from_env_or_file(None, false)?;
                    let s = SledStore::open(&dir, &key)
                        .with_context(|| format!("opening the store in {}", dir.display()))?;
                    run_try(s, catalog, defaults, &settings, charts)
                }
                None => run_try(MemoryStore::new(), catalog, defaults, &settings, charts),
            }
        }
        Cmd::Run { config } => serve::run(cli.data.as_deref(), &config, load),
        Cmd::Frames {
            cmd: FramesCmd::Analyze { lang, file },
        } => analyze(cli.data.as_deref(), lang, file.as_deref()),
        Cmd::Frames {
            cmd:
                FramesCmd::Train {
                    corpus,
                    out,
                    check,
                    epochs,
                    l2,
                    min_count,
                },
        } => {
            let d = brug::frames::train::Settings::default();
            let settings = brug::frames::train::Settings {
                epochs: epochs.unwrap_or(d.epochs),
                l2: l2.unwrap_or(d.l2),
                min_count: min_count.unwrap_or(d.min_count),
                ..d
            };
            train(cli.data.as_deref(), &corpus, &out, check, settings)
        }
    }
}

/// `brug frames train`.
fn train(
    data: Option<&Path>,
    corpus: &Path,
    out: &Path,
    check: bool,
    settings: brug::frames::train::Settings,
) -> anyhow::Result<std::process::ExitCode> {
    use brug::frames::train;
    let catalog = load(data)?;
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
    data: Option<&Path>,
    lang: Option<Locale>,
    file: Option<&Path>,
) -> anyhow::Result<std::process::ExitCode> {
    let catalog = load(data)?;
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

fn data_dirs(data: Option<&Path>) -> Option<(PathBuf, PathBuf)> {
    let base = match data {
        Some(d) => d.to_path_buf(),
        None => PathBuf::from("."),
    };
    let (f, l) = (base.join("flows"), base.join("locales"));
    (f.is_dir() && l.is_dir()).then_some((f, l))
}

fn load(data: Option<&Path>) -> anyhow::Result<Catalog> {
    let sources = match data_dirs(data) {
        Some((f, l)) => Sources::from_dirs(&f, Some(&l)).context("reading the data directory")?,
        None if data.is_some() => bail!(
            "{}: expected flows/ and locales/ in it",
            data.unwrap().display()
        ),
        None => Sources::embedded(),
    };
    Catalog::load(&sources)
        .map_err(|errors| anyhow::anyhow!("the data files have errors:\n{}", errors.join("\n")))
}

fn flows_check(data: Option<&Path>, dir: Option<&Path>) -> anyhow::Result<std::process::ExitCode> {
    let (flows_dir, locales_dir) = match (dir, data_dirs(data)) {
        (Some(d), _) => {
            let l = d.parent().map(|p| p.join("locales")).filter(|l| l.is_dir());
            (d.to_path_buf(), l)
        }
        (None, Some((f, l))) => (f, Some(l)),
        (None, None) => bail!("no flows directory here: give one, as in `brug flows check flows/`"),
    };
    let sources = Sources::from_dirs(&flows_dir, locales_dir.as_deref())
        .with_context(|| format!("reading {}", flows_dir.display()))?;
    match Catalog::load(&sources) {
        Ok(c) => {
            println!(
                "{} flows OK: {}",
                c.flows.len(),
                c.flows.keys().cloned().collect::<Vec<_>>().join(", ")
            );
            Ok(std::process::ExitCode::SUCCESS)
        }
        Err(errors) => {
            for e in &errors {
                println!("{e}");
            }
            eprintln!("{} error(s)", errors.len());
            Ok(std::process::ExitCode::FAILURE)
        }
    }
}

fn parse_participants(args: &[String], catalog: &Catalog) -> anyhow::Result<Vec<(String, RoleId)>> {
    if args.is_empty() {
        return Ok(console::example_participants());
    }
    let mut out: Vec<(String, RoleId)> = Vec::new();
    for a in args {
        let Some((name, prof)) = a.split_once('=') else {
            bail!("--participant {a}: write NAME=PROFESSION, e.g. Anna=social-worker");
        };
        let name = name.trim();
        if name.is_empty() || name.contains(char::is_whitespace) || name.contains(':') {
            bail!("--participant {a}: a name is one word without a colon");
        }
        let Some(p) = catalog.roles.profession(prof) else {
            let known: Vec<String> = catalog
                .roles
                .professions()
                .map(|p| p.id.0.clone())
                .collect();
            bail!(
                "--participant {a}: unknown profession `{prof}`; known: {}",
                known.join(", ")
            );
        };
        if out.iter().any(|(n, _)| n == name) {
            bail!("--participant {a}: {name} is given twice");
        }
        out.push((name.to_string(), p.id.clone()));
    }
    Ok(out)
}

fn run_try<S: Store>(
    store: S,
    catalog: Arc<Catalog>,
    defaults: Defaults,
    s: &TrySettings,
    charts: PathBuf,
) -> anyhow::Result<std::process::ExitCode> {
    let locale = defaults.lang;
    let engine = Engine::open(store, catalog.clone(), defaults)?;
    let stdout = std::io::stdout();
    let console = Console::new(stdout, catalog.clone(), charts);
    let interactive = std::io::stdin().is_terminal();
    if interactive {
        let people: Vec<Arg> = s
            .participants
            .iter()
            .map(|(n, p)| {
                let prof = catalog
                    .roles
                    .get(p)
                    .map(|r| r.name.clone())
                    .unwrap_or_else(|| p.0.clone());
                let prof = say(&catalog, brug::core::message::MessageRef::new(prof), locale);
                Arg::Text(format!("{n} ({prof})"))
            })
            .collect();
        let legend = msg::TRY_LEGEND
            .msg()
            .arg("participants", Arg::List(people))
            .text("coordinator", s.participants[0].0.clone());
        eprintln!("{}", say(&catalog, legend, locale));
    }
    let mut session = Session::begin(engine, console, s)?;
    report(session.console.take_errors());
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let line = line?;
        match console::parse_line(&line) {
            Ok(l) => session.line(&l)?,
            Err(e) => eprintln!("{e}"),
        }
        report(session.console.take_errors());
        if interactive && !session.round_open() {
            eprintln!("{}", say(&catalog, msg::TRY_CLOSED.msg(), locale));
        }
    }
    std::io::stdout().flush()?;
    Ok(std::process::ExitCode::SUCCESS)
}

/// One translated line for the terminal.
fn say(catalog: &Catalog, m: brug::core::message::MessageRef, locale: Locale) -> String {
    catalog
        .strings
        .render_ref(&m, locale, chrono_tz::UTC, &mut Vec::new())
}

fn report(errors: Vec<String>) {
    for e in errors {
        eprintln!("brug: render problem: {e}");
    }
}
