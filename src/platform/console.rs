//! `brug try`: a round in the terminal. Input lines are `NAME: text` (in the
//! thread), `NAME (dm): text` (privately to the bot) and `~ 2d` (time passes);
//! output lines are `[thread] …` and `[dm NAME] …`, exactly what the bot posts.

use crate::core::effect::{Destination, Outgoing};
use crate::core::ids::{GroupId, Platform, RoleId, UserRef};
use crate::core::span::Span;
use crate::edge::deliver::{BoxFuture, Deliver, DeliveryError, Post};
use crate::edge::render::Prepared;
use crate::edge::PostRef;
use crate::flows::Catalog;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

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

/// Renders a message as the terminal shows it: its text, the chart as text,
/// then `@Name` for everyone it mentions.
pub fn render(catalog: &Catalog, o: &Outgoing) -> crate::i18n::Rendered {
    text_of(&Prepared::new(catalog, o), o)
}

fn text_of(p: &Prepared, o: &Outgoing) -> crate::i18n::Rendered {
    let mut text = p.plain.clone();
    if let Some(chart) = &p.chart {
        text.push('\n');
        text.push_str(&chart.alt);
    }
    if !o.msg.mentions.is_empty() {
        let names: Vec<String> = o
            .msg
            .mentions
            .iter()
            .map(|u| format!("@{}", u.id))
            .collect();
        text.push('\n');
        text.push_str(&names.join(" "));
    }
    crate::i18n::Rendered {
        text,
        errors: p.errors.clone(),
    }
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
pub struct Console<W: Write + Send> {
    out: Mutex<W>,
    catalog: Arc<Catalog>,
    charts: PathBuf,
    /// Render problems (missing strings); shown on stderr, asserted empty in tests.
    errors: Mutex<Vec<String>>,
}

impl<W: Write + Send> Console<W> {
    pub fn new(out: W, catalog: Arc<Catalog>, charts: PathBuf) -> Self {
        Self {
            out: Mutex::new(out),
            catalog,
            charts,
            errors: Mutex::new(Vec::new()),
        }
    }

    /// The render problems so far, taken.
    pub fn take_errors(&self) -> Vec<String> {
        std::mem::take(&mut *lock(&self.errors))
    }

    pub fn into_inner(self) -> W {
        self.out.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self, p: &Post<'_>) -> std::io::Result<()> {
        let o = p.out;
        let mut errors = p.prepared.errors.clone();
        let prefix = match &o.to {
            Destination::Root(..) | Destination::Thread(..) | Destination::Group(..) => {
                "[thread]".to_string()
            }
            Destination::Private(u) => format!("[dm {}]", u.id),
        };
        let mut text = text_of(p.prepared, o).text;
        if let Some(chart) = &p.prepared.chart {
            let path = self.charts.join(&chart.file_name);
            std::fs::create_dir_all(&self.charts)?;
            std::fs::write(&path, &chart.png.bytes)?;
            let saved = crate::core::msg::CHART_FILE
                .msg()
                .text("path", path.display().to_string());
            text.push('\n');
            text.push_str(
                &self
                    .catalog
                    .strings
                    .render_ref(&saved, o.locale, o.tz, &mut errors),
            );
        }
        lock(&self.errors).extend(errors);
        let mut out = lock(&self.out);
        writeln!(out, "{prefix} {text}")?;
        out.flush()
    }
}

/// A poisoned lock still holds a usable transcript.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl<W: Write + Send + 'static> Deliver for Console<W> {
    fn platform(&self) -> Platform {
        Platform::Console
    }

    fn send<'a>(&'a self, post: &'a Post<'a>) -> BoxFuture<'a, Result<Vec<String>, DeliveryError>> {
        let r = self
            .write(post)
            .map(|()| Vec::new())
            .map_err(|e| DeliveryError::Permanent(format!("writing to the terminal: {e}")));
        Box::pin(async move { r })
    }

    /// A terminal cannot take back what it printed.
    fn delete<'a>(&'a self, _: &'a PostRef) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async { Ok(()) })
    }

    /// Private messages are lines marked `[dm NAME]`: the place is the name.
    fn open_private<'a>(
        &'a self,
        user: &'a UserRef,
    ) -> BoxFuture<'a, Result<String, DeliveryError>> {
        Box::pin(async move { Ok(user.id.clone()) })
    }
}
