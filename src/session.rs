//! `brug try`'s session: console lines become `Inbound`s for the engine,
//! `~ 2d` advances a simulated clock through every due timer in order, and
//! what the engine commits is delivered to the console adapter.

use crate::core::effect::Pending;
use crate::core::ids::RoleId;
use crate::core::round::Participant;
use crate::core::span::Span;
use crate::edge::deliver::{Deliver, Driver, Job};
use crate::engine::{Engine, Inbound, Place, StartRequest};
use crate::platform::console::{group, user, Line};
use crate::storage::{Commit, Store};
use chrono::{DateTime, Utc};

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
/// (the terminal's `Console`, or a recorder in tests), one at a time and in
/// order, through the same delivery driver as every platform.
pub struct Session<S: Store, M: Deliver> {
    pub engine: Engine<S>,
    pub console: M,
    pub now: DateTime<Utc>,
    coordinator: String,
    /// Runs the driver's futures (the terminal's are always ready at once).
    rt: tokio::runtime::Runtime,
}

const CLOCK: &str = "console_clock_ms";
const COORDINATOR: &str = "console_coordinator";

impl<S: Store, M: Deliver> Session<S, M> {
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
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()?;
        let mut me = Self {
            engine,
            console,
            now,
            coordinator,
            rt,
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
                    away_until: None,
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
                // The console has one thread: the round's, open or ended
                // (a late answer is written there too).
                let place = match (private, self.engine.open_rounds().next()) {
                    (true, _) => Place::Private,
                    (false, Some(r)) => Place::Thread(r.id),
                    (false, None) => match self.engine.last_round()? {
                        Some(id) => Place::Thread(id),
                        None => Place::Group,
                    },
                };
                let mut m = Inbound::new(Some(group()), user(name), name, place, text);
                m.coordinator = name == &self.coordinator;
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

    fn deliver(&mut self, work: Vec<Pending>) -> anyhow::Result<()> {
        #[cfg(feature = "fault-injection")]
        crate::fault::after_commit();
        let mut work = std::collections::VecDeque::from(work);
        while let Some(p) = work.pop_front() {
            let job = Job::of(p, self.engine.store())?;
            let driver = Driver {
                catalog: self.engine.catalog(),
                routes: self.engine.store(),
                instance: 0,
            };
            let mut recent = crate::edge::deliver::Recent::default();
            let receipt = self
                .rt
                .block_on(driver.deliver(&self.console, &job, &mut recent))?;
            // A terminal cannot recognise a line printed twice: each is
            // marked done on disk before the next is printed.
            // (The terminal takes every private message, so nothing is kept
            // and no notice comes back; any would be printed next.)
            work.extend(self.engine.record(&[receipt], true)?);
        }
        Ok(())
    }
}
