//! `brug try`: a round in the terminal. Input lines are `NAME: text` (in the
//! thread), `NAME (dm): text` (privately to the bot) and `~ 2d` (time passes);
//! output lines are `[thread] …` and `[dm NAME] …`, exactly what the bot posts.

use super::Messenger;
use crate::core::effect::{Destination, Outgoing};
use crate::core::ids::{GroupId, Platform, RoleId, UserRef};
use crate::core::round::Participant;
use crate::core::span::Span;
use crate::engine::{Engine, Inbound, Place, StartRequest};
use crate::flows::Catalog;
use crate::storage::{Commit, Store};
use chrono::{DateTime, Utc};
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// The group every console round lives in.
pub fn group() -> GroupId {
    GroupId::new(Platform::Console, "console")
}

pub fn user(name: &str) -> UserRef {
    UserRef::new(Platform::Console, name)
}

/// One line of console input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Say {
        name: String,
        private: bool,
        text: String,
    },
    Wait(Span),
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read `{0}`: write `NAME: text`, `NAME (dm): text` or `~ 2d`")]
pub struct LineError(pub String);

/// Reads one input line. `#` starts a comment line.
pub fn parse_line(line: &str) -> Result<Line, LineError> {
    let t = line.trim();
    if t.is_empty() || t.starts_with('#') {
        return Ok(Line::Blank);
    }
    if let Some(rest) = t.strip_prefix('~') {
        return Span::parse(rest.trim())
            .map(Line::Wait)
            .ok_or_else(|| LineError(line.to_string()));
    }
    let (who, text) = t
        .split_once(':')
        .ok_or_else(|| LineError(line.to_string()))?;
    let who = who.trim();
    let (name, private) = match who.strip_suffix("(dm)") {
        Some(n) => (n.trim(), true),
        None => (who, false),
    };
    if name.is_empty() || name.contains(char::is_whitespace) {
        return Err(LineError(line.to_string()));
    }
    Ok(Line::Say {
        name: name.to_string(),
        private,
        // Continuation lines of a long answer are written as `\n`.
        text: text.trim().replace("\\n", "\n"),
    })
}

/// Renders a message as the terminal shows it: its text, then `@Name` for
/// everyone it mentions.
pub fn render(catalog: &Catalog, o: &Outgoing) -> crate::i18n::Rendered {
    let mut r = catalog.strings.render(&o.msg, o.locale, o.tz);
    if let Some(chart) = &o.msg.chart {
        let alt = crate::chart::describe(chart, &catalog.strings, o.locale, &mut r.errors);
        r.text.push('\n');
        r.text.push_str(&alt);
    }
    if !o.msg.mentions.is_empty() {
        let names: Vec<String> = o
            .msg
            .mentions
            .iter()
            .map(|u| format!("@{}", u.id))
            .collect();
        r.text.push('\n');
        r.text.push_str(&names.join(" "));
    }
    r
}

/// The four example participants of `brug try` (two professions); the first
/// coordinates, the second owns the case.
pub fn example_participants() -> Vec<(String, RoleId)> {
    [
        ("Anna", "social-worker"),
        ("Bram", "client-manager-work"),
        ("Chris", "social-worker"),
        ("Dewi", "client-manager-income"),
    ]
    .iter()
    .map(|(n, p)| (n.to_string(), RoleId::new(*p)))
    .collect()
}

/// Writes the transcript: `[thread] …` and `[dm NAME] …`; charts go to PNG
/// files in `charts`, and the transcript says where.
pub struct Console<W: Write> {
    out: W,
    catalog: Arc<Catalog>,
    charts: PathBuf,
    /// Render problems (missing strings); shown on stderr, asserted empty in tests.
    pub errors: Vec<String>,
}

impl<W: Write> Console<W> {
    pub fn new(out: W, catalog: Arc<Catalog>, charts: PathBuf) -> Self {
        Self {
            out,
            catalog,
            charts,
            errors: Vec::new(),
        }
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> Messenger for Console<W> {
    type Error = std::io::Error;

    fn deliver(&mut self, o: &Outgoing) -> std::io::Result<()> {
        let r = render(&self.catalog, o);
        self.errors.extend(r.errors);
        let prefix = match &o.to {
            Destination::Root(..)
            | Destination::Thread(..)
            | Destination::Group(..)
            | Destination::Retract(..) => "[thread]".to_string(),
            Destination::Private(u) => format!("[dm {}]", u.id),
        };
        let mut text = r.text;
        if let Some(chart) = &o.msg.chart {
            let png =
                crate::chart::render(chart, &self.catalog.strings, o.locale, &mut self.errors);
            let round = o.round.map_or(0, |r| r.0);
            let path = self.charts.join(format!("brug-round-{round}-{}.png", o.id));
            std::fs::create_dir_all(&self.charts)?;
            std::fs::write(&path, &png.bytes)?;
            let saved = crate::core::msg::CHART_FILE
                .msg()
                .text("path", path.display().to_string());
            text.push('\n');
            text.push_str(&self.catalog.strings.render_ref(
                &saved,
                o.locale,
                o.tz,
                &mut self.errors,
            ));
        }
        writeln!(self.out, "{prefix} {text}")?;
        self.out.flush()
    }
}

/// Settings for one console session.
pub struct TrySettings {
    pub flow: String,
    pub title: String,
    /// `(name, profession)`; the first coordinates.
    pub participants: Vec<(String, RoleId)>,
    pub owner: Option<String>,
    pub start_at: DateTime<Utc>,
}

/// A console session: input lines in, delivered messages out through `M`
/// (the terminal's `Console`, or a recorder in tests).
pub struct Session<S: Store, M: Messenger> {
    pub engine: Engine<S>,
    pub console: M,
    pub now: DateTime<Utc>,
    coordinator: String,
}

const CLOCK: &str = "console_clock_ms";
const COORDINATOR: &str = "console_coordinator";

impl<S: Store, M: Messenger> Session<S, M> {
    /// Continues the round in the store, or starts one. Replays undelivered
    /// messages first.
    pub fn begin(engine: Engine<S>, console: M, s: &TrySettings) -> anyhow::Result<Self> {
        let now = engine
            .store()
            .meta(CLOCK)?
            .and_then(|ms| DateTime::from_timestamp_millis(ms as i64))
            .unwrap_or(s.start_at);
        let coordinator = s
            .participants
            .first()
            .map(|p| p.0.clone())
            .unwrap_or_default();
        let mut me = Self {
            engine,
            console,
            now,
            coordinator,
        };
        me.deliver(me.engine.pending()?)?;
        if me.engine.open_rounds().next().is_none()
            && me.engine.store().meta(COORDINATOR)?.is_none()
        {
            let participants = s
                .participants
                .iter()
                .map(|(name, prof)| Participant {
                    user: user(name),
                    name: name.clone(),
                    profession: prof.clone(),
                    left: false,
                })
                .collect();
            let owner = s
                .owner
                .clone()
                .or_else(|| s.participants.get(1).map(|p| p.0.clone()));
            let req = StartRequest {
                group: group(),
                coordinator: user(&me.coordinator),
                coordinator_name: me.coordinator.clone(),
                flow: s.flow.clone(),
                title: s.title.clone(),
                participants,
                owner: owner.map(|o| user(&o)),
                place: Place::Group,
            };
            let (_, out) = me.engine.start(req, me.now)?;
            me.mark_started()?;
            me.deliver(out)?;
        }
        Ok(me)
    }

    fn mark_started(&self) -> anyhow::Result<()> {
        let c = Commit {
            meta: vec![
                (COORDINATOR.into(), 1),
                (CLOCK.into(), self.now.timestamp_millis() as u64),
            ],
            ..Commit::default()
        };
        Ok(self.engine.store().commit(&c)?)
    }

    /// Whether the console round is still open.
    pub fn round_open(&self) -> bool {
        self.engine.open_rounds().next().is_some()
    }

    /// Handles one input line.
    pub fn line(&mut self, line: &Line) -> anyhow::Result<()> {
        match line {
            Line::Blank => Ok(()),
            Line::Wait(span) => self.wait(*span),
            Line::Say {
                name,
                private,
                text,
            } => {
                let place = match (private, self.engine.open_rounds().next()) {
                    (true, _) => Place::Private,
                    (false, Some(r)) => Place::Thread(r.id),
                    (false, None) => Place::Group,
                };
                let m = Inbound {
                    group: Some(group()),
                    sender: user(name),
                    sender_name: name.clone(),
                    coordinator: name == &self.coordinator,
                    place,
                    text: text.clone(),
                    event: None,
                };
                let out = self.engine.receive(m, self.now)?;
                self.deliver(out)
            }
        }
    }

    /// Lets time pass, firing every timer in order on the way.
    fn wait(&mut self, span: Span) -> anyhow::Result<()> {
        let target = self.now + span.delta();
        while let Some(due) = self.engine.next_due()?.filter(|d| *d <= target) {
            self.now = self.now.max(due);
            let out = self.engine.tick(self.now)?;
            self.deliver(out)?;
        }
        self.now = target;
        let c = Commit {
            meta: vec![(CLOCK.into(), self.now.timestamp_millis() as u64)],
            ..Commit::default()
        };
        Ok(self.engine.store().commit(&c)?)
    }

    fn deliver(&mut self, out: Vec<Outgoing>) -> anyhow::Result<()> {
        crate::platform::fault::after_commit();
        for o in &out {
            self.console.deliver(o)?;
        }
        if !out.is_empty() {
            let ids: Vec<u64> = out.iter().map(|o| o.id).collect();
            self.engine.delivered(&ids)?;
        }
        Ok(())
    }
}
