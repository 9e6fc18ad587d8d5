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

mod frames_cmd;
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
        /// Keep weekends quiet, as a real group does by default: deadlines
        /// that fall on them wait for Monday 08:00 (the scripts in
        /// tests/scripts let days pass without it).
        #[arg(long)]
        quiet_weekends: bool,
    },
    /// List the flows, or check flow files.
    Flows {
        #[command(subcommand)]
        cmd: Option<FlowsCmd>,
    },
    /// Frame analysis tools.
    Frames {
        #[command(subcommand)]
        cmd: frames_cmd::FramesCmd,
    },
    /// Run the bot on the platforms in a config file.
    Run {
        #[arg(long, value_name = "FILE")]
        config: PathBuf,
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

pub(crate) fn parse_locale(s: &str) -> Result<Locale, String> {
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
            quiet_weekends,
        } => {
            let charts = charts.unwrap_or_else(|| std::env::temp_dir().join("brug-charts"));
            let catalog = Arc::new(load(cli.data.as_deref())?);
            let participants = parse_participants(&participants, &catalog)?;
            // By id or by name in either language (`handelingscyclus`).
            let Some(flow) = catalog.find_flow(&flow).map(|f| f.id.clone()) else {
                let known: Vec<&str> = catalog.flows.keys().map(String::as_str).collect();
                bail!(
                    "there is no flow `{flow}`; known flows: {}",
                    known.join(", ")
                );
            };
            if let Some(o) = &owner {
                if !participants.iter().any(|(n, _)| n == o) {
                    bail!("--owner {o}: not one of the participants");
                }
            }
            let quiet = brug::core::timers::Quiet {
                weekends: quiet_weekends,
                ..Default::default()
            };
            // The simulated clock starts now — or, in quiet hours, when they
            // end, so a round tried at night does not start by holding its
            // private messages until morning.
            let start_at = start_at.unwrap_or_else(|| {
                let now = Utc::now();
                let now = now
                    .with_second(0)
                    .and_then(|t| t.with_nanosecond(0))
                    .unwrap_or(now);
                quiet.next_allowed(now, Defaults::default().tz)
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
                quiet,
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
        Cmd::Run { config } => serve::run(cli.data.as_deref(), &config, load_with_prefix),
        Cmd::Frames { cmd } => frames_cmd::run(cmd, cli.data.as_deref(), load),
    }
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
    load_with_prefix(data, brug::command::DEFAULT_PREFIX)
}

/// The data, with commands shown under `prefix` in every message.
fn load_with_prefix(data: Option<&Path>, prefix: &str) -> anyhow::Result<Catalog> {
    let sources = match data_dirs(data) {
        Some((f, l)) => Sources::from_dirs(&f, Some(&l)).context("reading the data directory")?,
        None if data.is_some() => bail!(
            "{}: expected flows/ and locales/ in it",
            data.unwrap().display()
        ),
        None => Sources::embedded(),
    };
    Catalog::load(&sources.with_prefix(prefix))
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
        let Some(p) = catalog.find_profession(prof) else {
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
