//! Test helpers: run a console script in-process and keep both what the bot
//! committed (structured) and what people see (rendered).

use brug::core::effect::{Destination, Outgoing};
use brug::core::ids::{Locale, RoleId};
use brug::core::ids::{Platform, UserRef};
use brug::edge::deliver::{BoxFuture, Deliver, DeliveryError, Post};
use brug::edge::PostRef;
use brug::engine::{Defaults, Engine};
use brug::flows::{Catalog, Sources};
use brug::platform::console::{self, parse_line};
use brug::session::{Session, TrySettings};
use brug::storage::MemoryStore;
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

pub fn catalog() -> Arc<Catalog> {
    static C: OnceLock<Arc<Catalog>> = OnceLock::new();
    C.get_or_init(|| Arc::new(Catalog::load(&Sources::embedded()).expect("built-in data is valid")))
        .clone()
}

pub fn start() -> DateTime<Utc> {
    "2026-12-01T08:00:00Z".parse().unwrap()
}

/// The store key tests run the binary with.
pub const STORE_KEY: &str = "6272756720746573742073746f7265206b6579206f6e6c7920666f7220746573";

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn script(name: &str) -> String {
    std::fs::read_to_string(repo().join("tests/scripts").join(name)).unwrap()
}

/// Writes `input` to a spawned `brug` on its stdin, closes it, and waits for
/// everything it prints.
pub fn feed(mut child: std::process::Child, input: &str) -> std::process::Output {
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// One delivered message: where it went and what it said.
#[derive(Debug, Clone)]
pub struct Seen {
    pub out: Outgoing,
    pub text: String,
}

impl Seen {
    pub fn in_thread(&self) -> bool {
        !matches!(self.out.to, Destination::Private(_))
    }

    pub fn dm_to(&self) -> Option<&str> {
        match &self.out.to {
            Destination::Private(u) => Some(&u.id),
            _ => None,
        }
    }

    /// The line as `brug try` prints it.
    pub fn line(&self) -> String {
        match self.dm_to() {
            Some(n) => format!("[dm {n}] {}", self.text),
            None => format!("[thread] {}", self.text),
        }
    }
}

/// Renders and keeps every delivered message.
pub struct Recorder {
    catalog: Arc<Catalog>,
    pub seen: Mutex<Vec<Seen>>,
    pub errors: Mutex<Vec<String>>,
}

impl Deliver for Recorder {
    fn platform(&self) -> Platform {
        Platform::Console
    }
    fn send<'a>(&'a self, post: &'a Post<'a>) -> BoxFuture<'a, Result<Vec<String>, DeliveryError>> {
        let r = console::render(&self.catalog, post.out);
        self.errors.lock().unwrap().extend(r.errors);
        self.seen.lock().unwrap().push(Seen {
            out: post.out.clone(),
            text: r.text,
        });
        Box::pin(async { Ok(Vec::new()) })
    }
    fn delete<'a>(&'a self, _: &'a PostRef) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async { Ok(()) })
    }
    fn open_private<'a>(
        &'a self,
        user: &'a UserRef,
    ) -> BoxFuture<'a, Result<String, DeliveryError>> {
        Box::pin(async move { Ok(user.id.clone()) })
    }
}

/// The four example participants of `brug try`.
pub fn default_people() -> Vec<(String, RoleId)> {
    console::example_participants()
}

/// The five participants of the action-cycle scripts (three professions).
pub fn five_people() -> Vec<(String, RoleId)> {
    [
        ("Anna", "social-worker"),
        ("Bram", "client-manager-work"),
        ("Chris", "client-manager-income"),
        ("Dewi", "client-manager-income"),
        ("Eva", "social-worker"),
    ]
    .iter()
    .map(|(n, p)| (n.to_string(), RoleId::new(*p)))
    .collect()
}

pub struct Run {
    pub session: Session<MemoryStore, Recorder>,
    /// What the recorder has seen, moved here after every line.
    seen: Vec<Seen>,
    errors: Vec<String>,
}

impl Run {
    pub fn new(flow: &str, locale: Locale, people: Vec<(String, RoleId)>) -> Self {
        Self::with_catalog(catalog(), flow, locale, people)
    }

    pub fn with_catalog(
        catalog: Arc<Catalog>,
        flow: &str,
        locale: Locale,
        people: Vec<(String, RoleId)>,
    ) -> Self {
        let engine = Engine::open(
            MemoryStore::new(),
            catalog.clone(),
            Defaults {
                lang: locale,
                // The scripts let days pass from a Thursday: weekends stay
                // open here (tests of quiet weekends say so themselves).
                quiet: brug::core::timers::Quiet {
                    weekends: false,
                    ..Default::default()
                },
                ..Defaults::default()
            },
        )
        .unwrap();
        let rec = Recorder {
            catalog,
            seen: Mutex::new(Vec::new()),
            errors: Mutex::new(Vec::new()),
        };
        let settings = TrySettings {
            flow: flow.to_string(),
            title: String::new(),
            participants: people,
            owner: None,
            start_at: start(),
        };
        let mut run = Self {
            session: Session::begin(engine, rec, &settings).unwrap(),
            seen: Vec::new(),
            errors: Vec::new(),
        };
        run.collect();
        run
    }

    pub fn feed(&mut self, lines: &str) -> &mut Self {
        for l in lines.lines() {
            let parsed = parse_line(l).unwrap_or_else(|e| panic!("{e}"));
            self.session.line(&parsed).unwrap();
            self.collect();
        }
        self
    }

    fn collect(&mut self) {
        let rec = &self.session.console;
        self.seen.append(&mut rec.seen.lock().unwrap());
        self.errors.append(&mut rec.errors.lock().unwrap());
    }

    pub fn seen(&self) -> &[Seen] {
        &self.seen
    }

    pub fn transcript(&self) -> String {
        let mut s = String::new();
        for m in self.seen() {
            s.push_str(&m.line());
            s.push('\n');
        }
        s
    }

    /// Lines delivered since message index `from`.
    pub fn since(&self, from: usize) -> &[Seen] {
        &self.seen[from..]
    }

    /// Round `n` as the store has it now (none once erased).
    pub fn stored(&self, n: u64) -> Option<brug::core::round::Round> {
        use brug::storage::Store;
        self.session
            .engine
            .store()
            .round(brug::core::ids::RoundId(n))
            .unwrap()
    }

    pub fn errors(&self) -> &[String] {
        &self.errors
    }
}

/// The id of the step the round is at.
pub fn step_at(run: &Run) -> String {
    let r = super::privacy::final_round(run);
    catalog().flow(&r.flow_id).unwrap().steps[r.step].id.clone()
}

/// What the bot said in reply to one line (all of it, in order).
pub fn replies(run: &mut Run, line: &str) -> Vec<String> {
    let before = run.seen().len();
    run.feed(line);
    run.since(before).iter().map(|s| s.line()).collect()
}

/// A Golden Circle with the case posted and the private circle open.
pub fn circle(locale: Locale) -> Run {
    let mut run = Run::new("golden-circle", locale, default_people());
    match locale {
        Locale::En => run.feed("Bram (dm): A case.\nBram (dm): yes"),
        Locale::Nl => run.feed("Bram (dm): Een casus.\nBram (dm): ja"),
    };
    run.feed("Anna: !brug next");
    run
}
