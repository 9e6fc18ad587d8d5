//! The one writer. Takes what people said (already translated from a platform
//! into an `Inbound`) and the passing of time, runs the pure core, commits the
//! new state together with the messages to send and the timers, and only then
//! hands the messages out for delivery. Delivery receipts come back here and
//! are committed too (routing records have this one writer). At start-up
//! whatever is still in the outbox is handed out again.
//!
//! - `inbound.rs`: what adapters hand in;
//! - `route.rs`: which round a message is about;
//! - `commit.rs`: drafting messages and committing them with the state;
//! - `receipts.rs`: what was delivered, and where it is on the platform;
//! - `commands/`: the commands the engine answers itself, one file each.

mod commands;
mod commit;
mod inbound;
mod parking;
mod receipts;
mod route;
mod scheduled;

pub use inbound::{Defaults, Inbound, Place, StartRequest};

use crate::core::effect::Pending;
use crate::core::flow::Flow;
use crate::core::group::GroupState;
use crate::core::ids::{GroupId, Locale, RoundId};
use crate::core::message::Message;
use crate::core::round::{Round, Status};
use crate::core::{self, Event};
use crate::edge::routes::{inbox_key, RouteWrite};
use crate::edge::RouteView;
use crate::flows::Catalog;
use crate::storage::{Store, StoreError};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("round {round} uses flow {flow}@{version}, which is neither installed nor stored")]
    FlowMissing {
        round: RoundId,
        flow: String,
        version: u32,
    },
}

type Result<T> = std::result::Result<T, EngineError>;

/// How long handled platform events are remembered at least; older ones go
/// once no open round reaches back that far (catch-up never reads further).
const INBOX_KEPT: chrono::TimeDelta = chrono::TimeDelta::days(2);

pub struct Engine<S: Store> {
    store: S,
    catalog: Arc<Catalog>,
    defaults: Defaults,
    /// Open rounds, as committed (one writer, so this never goes stale).
    open: BTreeMap<RoundId, Round>,
    next_round: u64,
    next_msg: u64,
    /// The platform event being handled; recorded by the commit it causes.
    handling: Option<String>,
    /// When the message being handled arrived.
    now: DateTime<Utc>,
    /// Routing records the next commit writes.
    routes_next: Vec<RouteWrite>,
    /// Outbox entries the next commit drops undelivered (kept for someone
    /// who was forgotten, or about a round that was erased).
    dropped_next: Vec<u64>,
    /// Messages the next commit sends besides its own (a note about the
    /// message being handled, in the same transaction as what it caused).
    notes_next: Vec<Draft>,
    /// Whether commits wait for one `sync` at the end of a batch.
    batching: bool,
    /// Edits that arrived before the message they edit (a platform may hand
    /// over both at once, in either order), by the original's inbox key: the
    /// original, when it comes, is read as edited. Kept a short while only;
    /// after a restart, catch-up reads the message as it is now anyway.
    early_edits: BTreeMap<String, (String, DateTime<Utc>)>,
    /// Groups with recurring rounds, and when each next needs attention
    /// (few: one per scheduled group, read from the store at start-up).
    scheduled: BTreeMap<GroupId, DateTime<Utc>>,
    /// Who wrote the message being handled: what goes to them privately is
    /// an answer and goes at once; to anyone else, not in quiet hours.
    writer: Option<core::ids::UserRef>,
    /// Committed private messages waiting for the end of quiet hours
    /// (`Outgoing::not_before`), by outbox id; read from the outbox at
    /// start-up.
    held: BTreeMap<u64, (DateTime<Utc>, Pending)>,
}

/// A message to commit, before it has an id.
struct Draft {
    to: crate::core::effect::Destination,
    round: Option<RoundId>,
    locale: Locale,
    tz: chrono_tz::Tz,
    msg: Message,
}

impl<S: Store> Engine<S> {
    pub fn open(store: S, catalog: Arc<Catalog>, defaults: Defaults) -> Result<Self> {
        let open = store
            .open_rounds()?
            .into_iter()
            .map(|r| (r.id, r))
            .collect();
        let next_round = store.meta("next_round")?.unwrap_or(1);
        let next_msg = store.meta("next_msg")?.unwrap_or(1);
        let scheduled = store
            .groups()?
            .into_iter()
            .filter_map(|g| Some((g.id.clone(), g.next_timer()?)))
            .collect();
        let held = store
            .outbox()?
            .into_iter()
            .filter_map(|p| match &p {
                Pending::Post(o) => Some((o.id, (o.not_before?, p.clone()))),
                Pending::Retract(_) => None,
            })
            .collect();
        let mut me = Self {
            store,
            catalog,
            defaults,
            open,
            next_round,
            next_msg,
            handling: None,
            dropped_next: Vec::new(),
            notes_next: Vec::new(),
            now: DateTime::<Utc>::MIN_UTC,
            routes_next: Vec::new(),
            batching: false,
            early_edits: BTreeMap::new(),
            scheduled,
            writer: None,
            held,
        };
        me.prune_inbox(Utc::now())?;
        Ok(me)
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn open_rounds(&self) -> impl Iterator<Item = &Round> {
        self.open.values()
    }

    /// The newest round in the store, open or ended.
    pub fn last_round(&self) -> Result<Option<RoundId>> {
        Ok(self.store.rounds()?.iter().map(|r| r.id).max())
    }

    /// Work committed but not yet done (handed out again at start-up),
    /// but for private messages kept for people who do not accept them.
    pub fn pending(&self) -> Result<Vec<Pending>> {
        let kept: std::collections::BTreeSet<u64> = self
            .store
            .parked(crate::edge::routes::RouteKey::AllParked)?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let mut out = self.store.outbox()?;
        out.retain(|p| !kept.contains(&p.id()) && !self.held.contains_key(&p.id()));
        Ok(out)
    }

    pub fn next_due(&self) -> Result<Option<DateTime<Utc>>> {
        let group = self.scheduled.values().min().copied();
        let held = self.held.values().map(|(t, _)| *t).min();
        Ok([self.store.next_due()?, group, held]
            .into_iter()
            .flatten()
            .min())
    }

    /// Fires every timer due at `now`.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Result<Vec<Pending>> {
        self.writer = None;
        self.now = now;
        // Messages held through quiet hours go first, in their order.
        let due: Vec<u64> = self
            .held
            .iter()
            .filter(|(_, (t, _))| *t <= now)
            .map(|(id, _)| *id)
            .collect();
        let mut out: Vec<Pending> = Vec::new();
        let mut stale = Vec::new();
        for id in due {
            let Some((_, p)) = self.held.remove(&id) else {
                continue;
            };
            // About a round that has ended meanwhile: no longer wanted.
            match &p {
                Pending::Post(o) if o.round.is_some_and(|r| !self.open.contains_key(&r)) => {
                    stale.push(o.id)
                }
                _ => out.push(p),
            }
        }
        if !stale.is_empty() {
            self.write(&crate::storage::Commit {
                delivered: stale,
                ..Default::default()
            })?;
        }
        // Each firing moves its round's timer past `now`. A round whose
        // timer did not move is not fired again in this tick (a guard: it
        // would spin here); the bound is another.
        let mut fired: BTreeMap<RoundId, Option<DateTime<Utc>>> = BTreeMap::new();
        for _ in 0..10_000 {
            let due: Vec<RoundId> = self
                .store
                .due(now)?
                .into_iter()
                .filter(|id| {
                    let timer = self.open.get(id).and_then(|r| r.next_timer());
                    fired.get(id).is_none_or(|t| *t != timer)
                })
                .collect();
            if due.is_empty() {
                break;
            }
            for id in due {
                out.extend(self.apply(id, Event::TimePassed, None, now)?);
                let timer = self.open.get(&id).and_then(|r| r.next_timer());
                if fired.insert(id, timer) == Some(timer) {
                    tracing::warn!(
                        round = id.0,
                        "a timer fired without moving; left for the next tick"
                    );
                }
            }
        }
        out.extend(self.fire_schedules(now)?);
        Ok(out)
    }

    /// Handles one message: a command, an answer, or chat to ignore.
    pub fn receive(&mut self, m: Inbound, now: DateTime<Utc>) -> Result<Vec<Pending>> {
        let key = m.event.as_ref().map(|e| inbox_key(m.sender.platform, e));
        if let Some(k) = &key {
            if self.store.inbox_has(k)? {
                return Ok(Vec::new());
            }
        }
        let mut m = m;
        // An edit that came first corrects an answer, never makes or
        // changes a command.
        if let Some((text, _)) = key.as_ref().and_then(|k| self.early_edits.remove(k)) {
            let command = |t: &str| crate::command::parse(t, &self.defaults.prefix).is_some();
            if !command(&m.text) && !command(&text) {
                m.text = text;
            }
        }
        m.coordinator =
            crate::edge::is_coordinator(&self.defaults.coordinators, &m.sender, m.coordinator);
        self.handling = key;
        self.writer = Some(m.sender.clone());
        self.notes_next.clear();
        self.now = now;
        self.note_app_lang(&m)?;
        let prefix = self.defaults.prefix.clone();
        let parsed = match m.place {
            Place::Mine(round) => {
                let out = self.release(&m, round);
                self.handling = None;
                return out;
            }
            Place::Form(..) => None,
            // An edit is never a command (an edited `next` does not run again).
            _ if m.edits.is_some() => None,
            _ => crate::command::parse(&m.text, &prefix),
        };
        let out = match parsed {
            Some(Ok(cmd)) => self.command(&m, cmd, now),
            Some(Err(e)) => self.reply(&m, commands::command_error(e, &prefix)),
            None => self.answer(&m, now),
        };
        self.handling = None;
        out
    }

    /// Handles several messages with one trip to the disk (group commit):
    /// each is committed atomically as it is handled and seen by the next.
    /// The results are in order; an error is that message's alone (nothing
    /// of it was applied). Call `sync` before acknowledging any of them.
    pub fn receive_all(
        &mut self,
        batch: Vec<Inbound>,
        now: DateTime<Utc>,
    ) -> Vec<Result<Vec<Pending>>> {
        self.batching = true;
        let results: Vec<_> = batch.into_iter().map(|m| self.receive(m, now)).collect();
        self.batching = false;
        results
    }

    /// Makes every commit so far durable.
    pub fn sync(&self) -> Result<()> {
        #[cfg(feature = "fault-injection")]
        if crate::fault::sync_fails() {
            return Err(StoreError::Backend("fault injection: the disk failed".into()).into());
        }
        Ok(self.store.sync()?)
    }

    /// Opens a round with its participants already joined.
    pub fn start(
        &mut self,
        req: StartRequest,
        now: DateTime<Utc>,
    ) -> Result<(Option<RoundId>, Vec<Pending>)> {
        self.now = now;
        self.start_with(req, None, Vec::new(), now)
    }

    /// Opens a round, with a prepared case and changed groups committed
    /// in the same transaction (a scheduled round and its schedule).
    fn start_with(
        &mut self,
        req: StartRequest,
        prepared: Option<core::round::Prepared>,
        groups: Vec<GroupState>,
        now: DateTime<Utc>,
    ) -> Result<(Option<RoundId>, Vec<Pending>)> {
        let Some(flow) = self.catalog.find_flow(&req.flow).cloned() else {
            let mut m = Inbound::new(
                Some(req.group.clone()),
                req.coordinator.clone(),
                &req.coordinator.id,
                req.place.clone(),
                "",
            );
            m.coordinator = true;
            let out = self.reply(&m, commands::unknown_flow(&req.flow, &self.defaults.prefix))?;
            return Ok((None, out));
        };
        let group = self.group(&req.group)?;
        let id = RoundId(self.next_round);
        self.next_round += 1;
        let title = match req.title.trim() {
            "" => untitled(group.lang, id),
            t => t.to_string(),
        };
        let t = core::start(
            core::NewRound {
                id,
                group: req.group.clone(),
                title,
                locale: group.lang,
                tz: group.tz,
                quiet: group.quiet,
                coordinator: req.coordinator,
                coordinator_name: req.coordinator_name,
                owner: req.owner,
                participants: req.participants,
                previous_actions: group.last_actions.clone(),
                retention_days: group.retention_days.unwrap_or(self.defaults.retention_days),
                prepared,
                deadlines: group.deadlines,
            },
            now,
            &flow,
        );
        let mut round = t.round;
        round.previous_frames = group.frame_history.clone();
        let out = self.commit_transition(round, t.effects, groups, vec![(*flow).clone()])?;
        Ok((Some(id), out))
    }

    pub(super) fn flow_of(&self, r: &Round) -> Result<Arc<Flow>> {
        if let Some(f) = self
            .catalog
            .flow(&r.flow_id)
            .filter(|f| f.version == r.flow_version)
        {
            return Ok(f.clone());
        }
        match self.store.flow(&r.flow_id, r.flow_version)? {
            // An older version keeps its catalogue; frames are found by
            // the running model (models are not stored with flows).
            Some(mut f) => {
                f.frames = f.frames.with_model(self.catalog.frames.model().cloned());
                Ok(Arc::new(f))
            }
            None => Err(EngineError::FlowMissing {
                round: r.id,
                flow: r.flow_id.clone(),
                version: r.flow_version,
            }),
        }
    }

    /// Runs one event through the core and commits what comes out.
    fn apply(
        &mut self,
        id: RoundId,
        event: Event,
        from: Option<&Inbound>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Pending>> {
        let round = match self.open.get(&id) {
            Some(r) => r.clone(),
            None => match self.store.round(id)? {
                Some(r) => r,
                None => return Ok(Vec::new()),
            },
        };
        if core::erase::expired(&round, now) {
            return self.expire(round);
        }
        let flow = self.flow_of(&round)?;
        // An answer's message is remembered with the step it answered, so
        // that an edit of it can correct it.
        let answered = match (&event, from.and_then(|m| m.event.as_ref())) {
            (Event::Said { by, .. }, Some(e)) if round.status.is_open() => {
                Some((by.clone(), e.clone(), round.step))
            }
            _ => None,
        };
        match core::step(&round, event, now, &flow) {
            Ok(t) => {
                if let Some((by, e, step)) = answered {
                    self.routes_next
                        .extend(crate::edge::routes::answer_routes(id, step, &by, &e));
                }
                let mut groups = Vec::new();
                let ended = round.status.is_open() && !t.round.status.is_open();
                if ended && t.round.status == Status::Closed {
                    let mut g = self.group(&t.round.group)?;
                    g.last_actions = t.round.actions.clone();
                    g.remember_frames(core::over_time::point(&t.round, &flow));
                    groups.push(g);
                }
                let out = self.commit_transition(t.round, t.effects, groups, Vec::new())?;
                if ended {
                    self.prune_inbox(now)?;
                }
                Ok(out)
            }
            Err(rej) => match from {
                Some(m) => self.reply(m, rej.msg),
                None => Ok(Vec::new()),
            },
        }
    }

    /// Remembers the language a person's app says, for what the bot sends
    /// them later unprompted (a private prompt, a reminder).
    fn note_app_lang(&mut self, m: &Inbound) -> Result<()> {
        let (Some(lang), Some(id)) = (m.locale, &m.group) else {
            return Ok(());
        };
        let mut g = self.group(id)?;
        if g.note_app_lang(&m.sender, lang) {
            self.write(&crate::storage::Commit {
                groups: vec![g],
                ..Default::default()
            })?;
        }
        Ok(())
    }

    fn group(&self, id: &GroupId) -> Result<GroupState> {
        Ok(self.store.group(id)?.unwrap_or_else(|| {
            let mut g = GroupState::new(id.clone(), self.defaults.lang, self.defaults.tz);
            g.quiet = self.defaults.quiet;
            g
        }))
    }

    /// Forgets handled events no catch-up can reach any more.
    fn prune_inbox(&mut self, now: DateTime<Utc>) -> Result<()> {
        let oldest_open = self.open.values().map(|r| r.opened).min().unwrap_or(now);
        let before = oldest_open.min(now) - INBOX_KEPT;
        let n = self.store.prune_inbox(before)?;
        if n > 0 {
            tracing::debug!(count = n, "forgot old handled events");
        }
        Ok(())
    }
}

/// The title of a round started without one: "Casus #3" / "Case #3".
fn untitled(lang: Locale, id: RoundId) -> String {
    match lang {
        Locale::Nl => format!("Casus {id}"),
        Locale::En => format!("Case {id}"),
    }
}
