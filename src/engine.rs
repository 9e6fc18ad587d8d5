//! The one writer. Takes what people said (already translated from a platform
//! into an `Inbound`) and the passing of time, runs the pure core, commits the
//! new state together with the messages to send and the timers, and only then
//! hands the messages out for delivery. At start-up whatever is still in the
//! outbox is handed out again.

use crate::command::{self, Command, CommandError};
use crate::core::effect::{Destination, Effect, Outgoing, Target};
use crate::core::flow::Flow;
use crate::core::group::{user_key, GroupState};
use crate::core::ids::{GroupId, Locale, RoundId, UserRef};
use crate::core::message::{Arg, Block, Message, MessageRef};
use crate::core::round::{Participant, Round, Status};
use crate::core::{self, msg, Event, Rejection, Steer};
use crate::flows::Catalog;
use crate::storage::{Commit, Store, StoreError};
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

/// Where a message came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The room or channel itself, outside a round's thread.
    Group,
    /// A round's thread.
    Thread(RoundId),
    /// A direct message to the bot.
    Private,
}

/// Something a person wrote, as a platform adapter hands it in.
#[derive(Debug, Clone)]
pub struct Inbound {
    /// The room it was written in, or whose round a DM belongs to (if known).
    pub group: Option<GroupId>,
    pub sender: UserRef,
    pub sender_name: String,
    /// Whether the platform counts the sender as a coordinator there.
    pub coordinator: bool,
    pub place: Place,
    pub text: String,
    /// The platform's id for this message, if it has one: a message seen twice
    /// (a replayed sync, a catch-up after a crash) is handled once.
    pub event: Option<String>,
}

/// Settings for groups brug has not seen before.
#[derive(Debug, Clone)]
pub struct Defaults {
    pub lang: Locale,
    pub tz: chrono_tz::Tz,
    pub prefix: String,
    /// Days a round's record is kept after it ends.
    pub retention_days: u32,
}

impl Default for Defaults {
    fn default() -> Self {
        Self {
            lang: Locale::Nl,
            tz: chrono_tz::Europe::Amsterdam,
            prefix: "!brug".into(),
            retention_days: crate::core::round::DEFAULT_RETENTION_DAYS,
        }
    }
}

/// A round to open with people already in it (the console's way to start).
pub struct StartRequest {
    pub group: GroupId,
    pub coordinator: UserRef,
    pub coordinator_name: String,
    pub flow: String,
    pub title: String,
    pub participants: Vec<Participant>,
    pub owner: Option<UserRef>,
    pub place: Place,
}

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
    /// Rounds the next commit erases.
    erasing: Vec<RoundId>,
    /// Whether commits wait for one `sync` at the end of a batch.
    batching: bool,
}

/// A message to commit, before it has an id.
struct Draft {
    to: Destination,
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
        Ok(Self {
            store,
            catalog,
            defaults,
            open,
            next_round,
            next_msg,
            handling: None,
            erasing: Vec::new(),
            batching: false,
        })
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

    /// Messages committed but not yet delivered (replayed at start-up).
    pub fn pending(&self) -> Result<Vec<Outgoing>> {
        Ok(self.store.outbox()?)
    }

    pub fn delivered(&self, ids: &[u64]) -> Result<()> {
        Ok(self.store.delivered(ids)?)
    }

    pub fn next_due(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self.store.next_due()?)
    }

    /// Fires every timer due at `now`.
    pub fn tick(&mut self, now: DateTime<Utc>) -> Result<Vec<Outgoing>> {
        let mut out = Vec::new();
        // Each firing moves its round's timer past `now`; the bound is a guard.
        for _ in 0..10_000 {
            let due = self.store.due(now)?;
            if due.is_empty() {
                break;
            }
            for id in due {
                out.extend(self.apply(id, Event::TimePassed, None, now)?);
            }
        }
        Ok(out)
    }

    /// Handles one message: a command, an answer, or chat to ignore.
    pub fn receive(&mut self, m: Inbound, now: DateTime<Utc>) -> Result<Vec<Outgoing>> {
        if let Some(e) = &m.event {
            if self.store.inbox_has(e)? {
                return Ok(Vec::new());
            }
        }
        self.handling = m.event.clone();
        let prefix = self.defaults.prefix.clone();
        let out = match command::parse(&m.text, &prefix) {
            Some(Ok(cmd)) => self.command(&m, cmd, now),
            Some(Err(e)) => self.reply(&m, command_error(e, &prefix)),
            None => self.answer(&m, now),
        };
        self.handling = None;
        out
    }

    /// Handles several messages with one trip to the disk (group commit):
    /// each is committed atomically as it is handled and seen by the next,
    /// and all are durable when this returns. The results are in order; if
    /// the disk fails at the end, every one is an error (none acknowledged).
    pub fn receive_all(
        &mut self,
        batch: Vec<Inbound>,
        now: DateTime<Utc>,
    ) -> Vec<Result<Vec<Outgoing>>> {
        self.batching = true;
        let results: Vec<_> = batch.into_iter().map(|m| self.receive(m, now)).collect();
        self.batching = false;
        match self.store.sync() {
            Ok(()) => results,
            Err(e) => {
                let e = e.to_string();
                results
                    .into_iter()
                    .map(|_| Err(StoreError::Backend(e.clone()).into()))
                    .collect()
            }
        }
    }

    /// Whether a platform event was handled already.
    pub fn handled(&self, event: &str) -> Result<bool> {
        Ok(self.store.inbox_has(event)?)
    }

    /// Opens a round with its participants already joined.
    pub fn start(
        &mut self,
        req: StartRequest,
        now: DateTime<Utc>,
    ) -> Result<(Option<RoundId>, Vec<Outgoing>)> {
        let Some(flow) = self.catalog.flow(&req.flow).cloned() else {
            let m = reply_stub(&req.group, &req.coordinator, &req.place);
            let out = self.reply(&m, unknown_flow(&req.flow, &self.defaults.prefix))?;
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
                coordinator: req.coordinator,
                coordinator_name: req.coordinator_name,
                owner: req.owner,
                participants: req.participants,
                previous_actions: group.last_actions.clone(),
                retention_days: group.retention_days.unwrap_or(self.defaults.retention_days),
            },
            now,
            &flow,
        );
        let out = self.commit_transition(t.round, t.effects, Vec::new(), vec![(*flow).clone()])?;
        Ok((Some(id), out))
    }

    fn command(&mut self, m: &Inbound, cmd: Command, now: DateTime<Utc>) -> Result<Vec<Outgoing>> {
        let prefix = self.defaults.prefix.clone();
        let steer = |s: Steer| Event::Steered {
            by: m.sender.clone(),
            coordinator: m.coordinator,
            cmd: s,
            private: m.place == Place::Private,
        };
        let event = match cmd {
            Command::Help { topic } => {
                let msg = match topic {
                    None => msg::HELP.msg().text("prefix", prefix),
                    Some(t) => msg::HELP_COMMAND
                        .msg()
                        .text("prefix", prefix)
                        .text("command", t.to_lowercase()),
                };
                return self.reply(m, msg);
            }
            Command::Flows => return self.list_flows(m),
            Command::ForgetMe => return self.forget_me(m),
            Command::Retention { days } => return self.retention(m, days),
            Command::Export { format, round } => return self.export(m, format, round),
            Command::Lang { lang } => return self.set_lang(m, lang),
            Command::Start { flow, title } => {
                let Some(group) = m.group.clone().filter(|_| m.place != Place::Private) else {
                    return self.reply(m, msg::NOT_A_COMMAND_HERE.msg().text("prefix", prefix));
                };
                if !m.coordinator {
                    return self.reply(m, msg::ERR_NOT_COORDINATOR.msg());
                }
                let req = StartRequest {
                    group,
                    coordinator: m.sender.clone(),
                    coordinator_name: m.sender_name.clone(),
                    flow,
                    title,
                    participants: Vec::new(),
                    owner: None,
                    place: m.place.clone(),
                };
                return Ok(self.start(req, now)?.1);
            }
            Command::Join { profession } => {
                let roles = &self.catalog.roles;
                let list = || {
                    Arg::List(
                        roles
                            .professions()
                            .map(|p| Arg::Text(p.id.0.clone()))
                            .collect(),
                    )
                };
                let current = self
                    .find_round(m, false)
                    .ok()
                    .and_then(|id| self.open.get(&id))
                    .and_then(|r| r.participant(&m.sender))
                    .map(|p| p.profession.0.clone());
                let Some(word) = profession.or(current) else {
                    return self.reply(
                        m,
                        msg::ASK_PROFESSION
                            .msg()
                            .text("prefix", prefix)
                            .arg("professions", list()),
                    );
                };
                let Some(p) = roles.profession(&word) else {
                    let e = msg::ERR_UNKNOWN_PROFESSION
                        .msg()
                        .text("value", word)
                        .arg("professions", list());
                    return self.reply(m, e);
                };
                Event::Joined {
                    user: m.sender.clone(),
                    name: m.sender_name.clone(),
                    profession: p.id.clone(),
                }
            }
            Command::Leave => Event::Left {
                user: m.sender.clone(),
            },
            Command::Status => Event::StatusAsked {
                by: m.sender.clone(),
                private: m.place == Place::Private,
            },
            Command::Next => steer(Steer::Next),
            Command::Extend { by } => steer(Steer::Extend(by)),
            Command::Pause => steer(Steer::Pause),
            Command::Resume => steer(Steer::Resume),
            Command::Cancel => steer(Steer::Cancel),
            Command::Owner { user } => {
                let id = match self.find_round(m, false) {
                    Ok(id) => id,
                    Err(rej) => return self.reply(m, rej.msg),
                };
                let round = &self.open[&id];
                let wanted = user.to_lowercase();
                let found = round.active().find(|p| {
                    p.user.id.to_lowercase() == wanted || p.name.to_lowercase() == wanted
                });
                let Some(p) = found else {
                    return self.reply(m, msg::ERR_UNKNOWN_USER.msg().text("name", user));
                };
                let ev = steer(Steer::Owner(p.user.clone()));
                return self.apply(id, ev, Some(m), now);
            }
        };
        match self.find_round(m, false) {
            Ok(id) => self.apply(id, event, Some(m), now),
            Err(rej) => self.reply(m, rej.msg),
        }
    }

    /// Not a command: an answer in a thread or a DM; other chat is left alone.
    fn answer(&mut self, m: &Inbound, now: DateTime<Utc>) -> Result<Vec<Outgoing>> {
        let private = m.place == Place::Private;
        if m.place == Place::Group {
            return Ok(Vec::new());
        }
        let (id, text) = match self.find_round(m, true) {
            Ok(id) => (id, m.text.clone()),
            Err(rej) => return self.reply(m, rej.msg),
        };
        let text = strip_round_tag(&text)
            .map(|(_, t)| t.to_string())
            .unwrap_or(text);
        let ev = Event::Said {
            by: m.sender.clone(),
            text,
            private,
        };
        self.apply(id, ev, Some(m), now)
    }

    /// Which round a message is about: its thread; `#12` at the start of a DM;
    /// the only open round in the room; or the only round waiting on this
    /// person privately.
    fn find_round(&self, m: &Inbound, answering: bool) -> std::result::Result<RoundId, Rejection> {
        let prefix = &self.defaults.prefix;
        match &m.place {
            Place::Thread(id) if self.open.contains_key(id) => return Ok(*id),
            Place::Thread(id) => {
                return Err(msg::ERR_ROUND_CLOSED
                    .msg()
                    .text("round", id.to_string())
                    .into())
            }
            Place::Group | Place::Private => {}
        }
        if let Some((id, _)) = strip_round_tag(&m.text).filter(|_| m.place == Place::Private) {
            return if self.open.contains_key(&id) {
                Ok(id)
            } else {
                Err(msg::ERR_ROUND_CLOSED
                    .msg()
                    .text("round", id.to_string())
                    .into())
            };
        }
        let candidates: Vec<&Round> = match &m.place {
            Place::Group => self
                .open
                .values()
                .filter(|r| Some(&r.group) == m.group.as_ref())
                .collect(),
            _ => {
                let mine: Vec<&Round> = self
                    .open
                    .values()
                    .filter(|r| r.participant(&m.sender).is_some())
                    .collect();
                let waiting: Vec<&Round> = mine
                    .iter()
                    .copied()
                    .filter(|r| {
                        let flow = self.flow_of(r).ok();
                        let step = flow.as_ref().and_then(|f| r.current(f).cloned());
                        step.is_some_and(|s| s.blind() && r.acts(&s.who, &m.sender))
                    })
                    .collect();
                if answering && !waiting.is_empty() {
                    waiting
                } else {
                    mine
                }
            }
        };
        match candidates.as_slice() {
            [one] => Ok(one.id),
            [] => Err(msg::ERR_NO_ROUND
                .msg()
                .text("prefix", prefix.clone())
                .into()),
            many => Err(msg::ERR_WHICH_ROUND
                .msg()
                .arg(
                    "rounds",
                    Arg::List(
                        many.iter()
                            .map(|r| Arg::Text(format!("{} «{}»", r.id, r.title)))
                            .collect(),
                    ),
                )
                .into()),
        }
    }

    fn flow_of(&self, r: &Round) -> Result<Arc<Flow>> {
        if let Some(f) = self
            .catalog
            .flow(&r.flow_id)
            .filter(|f| f.version == r.flow_version)
        {
            return Ok(f.clone());
        }
        match self.store.flow(&r.flow_id, r.flow_version)? {
            Some(f) => Ok(Arc::new(f)),
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
    ) -> Result<Vec<Outgoing>> {
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
        match core::step(&round, event, now, &flow) {
            Ok(t) => {
                let mut groups = Vec::new();
                if round.status.is_open()
                    && !t.round.status.is_open()
                    && t.round.status == Status::Closed
                {
                    let mut g = self.group(&t.round.group)?;
                    g.last_actions = t.round.actions.clone();
                    groups.push(g);
                }
                self.commit_transition(t.round, t.effects, groups, Vec::new())
            }
            Err(rej) => match from {
                Some(m) => self.reply(m, rej.msg),
                None => Ok(Vec::new()),
            },
        }
    }

    fn commit_transition(
        &mut self,
        round: Round,
        effects: Vec<Effect>,
        groups: Vec<GroupState>,
        flows: Vec<Flow>,
    ) -> Result<Vec<Outgoing>> {
        let group = self.group(&round.group)?;
        let drafts = effects
            .into_iter()
            .map(|Effect::Post { to, msg }| {
                let (to, locale) = match to {
                    Target::Root => (
                        Destination::Root(round.group.clone(), round.id),
                        round.locale,
                    ),
                    Target::Thread => (
                        Destination::Thread(round.group.clone(), round.id),
                        round.locale,
                    ),
                    Target::Private(u) => {
                        let l = group
                            .user_langs
                            .get(&user_key(&u))
                            .copied()
                            .unwrap_or(round.locale);
                        (Destination::Private(u), l)
                    }
                };
                Draft {
                    to,
                    round: Some(round.id),
                    locale,
                    tz: round.tz,
                    msg,
                }
            })
            .collect();
        self.commit(vec![round], groups, drafts, flows)
    }

    fn commit(
        &mut self,
        rounds: Vec<Round>,
        groups: Vec<GroupState>,
        drafts: Vec<Draft>,
        flows: Vec<Flow>,
    ) -> Result<Vec<Outgoing>> {
        let first = self.next_msg;
        let outbox: Vec<Outgoing> = drafts
            .into_iter()
            .enumerate()
            .map(|(i, d)| Outgoing {
                id: first + i as u64,
                to: d.to,
                round: d.round,
                locale: d.locale,
                tz: d.tz,
                msg: d.msg,
            })
            .collect();
        let next_msg = first + outbox.len() as u64;
        let c = Commit {
            rounds: rounds.clone(),
            groups,
            outbox: outbox.clone(),
            flows,
            meta: vec![
                ("next_round".into(), self.next_round),
                ("next_msg".into(), next_msg),
            ],
            inbox: self.handling.take().into_iter().collect(),
            erase: std::mem::take(&mut self.erasing),
        };
        if self.batching {
            self.store.apply(&c)?;
        } else {
            self.store.commit(&c)?;
        }
        self.next_msg = next_msg;
        for r in rounds {
            if r.status.is_open() {
                self.open.insert(r.id, r);
            } else {
                self.open.remove(&r.id);
            }
        }
        Ok(outbox)
    }

    /// A one-line answer to whoever wrote `m`, where they wrote it.
    fn reply(&mut self, m: &Inbound, line: MessageRef) -> Result<Vec<Outgoing>> {
        self.reply_msg(m, Message::line(line))
    }

    fn reply_msg(&mut self, m: &Inbound, msg: Message) -> Result<Vec<Outgoing>> {
        let (to, locale, tz) = self.reply_place(m)?;
        let round = match &m.place {
            Place::Thread(id) => Some(*id),
            _ => None,
        };
        self.commit(
            Vec::new(),
            Vec::new(),
            vec![Draft {
                to,
                round,
                locale,
                tz,
                msg,
            }],
            Vec::new(),
        )
    }

    fn reply_place(&self, m: &Inbound) -> Result<(Destination, Locale, chrono_tz::Tz)> {
        let group = match &m.group {
            Some(g) => Some(self.group(g)?),
            None => None,
        };
        let tz = group.as_ref().map(|g| g.tz).unwrap_or(self.defaults.tz);
        let group_lang = group.as_ref().map(|g| g.lang).unwrap_or(self.defaults.lang);
        let user_lang = group
            .as_ref()
            .map(|g| g.lang_of(&m.sender))
            .unwrap_or(self.defaults.lang);
        Ok(match (&m.place, &m.group) {
            (Place::Thread(id), Some(g)) => {
                let l = self.open.get(id).map(|r| r.locale).unwrap_or(group_lang);
                (Destination::Thread(g.clone(), *id), l, tz)
            }
            (Place::Group, Some(g)) => (Destination::Group(g.clone()), group_lang, tz),
            _ => (Destination::Private(m.sender.clone()), user_lang, tz),
        })
    }

    /// `forget-me`: erases the sender's answers and profile in every round
    /// and their settings in every group, in one commit, and confirms privately.
    fn forget_me(&mut self, m: &Inbound) -> Result<Vec<Outgoing>> {
        // The confirmation's language is looked up before their choice goes.
        let (_, locale, tz) = self.reply_place(m)?;
        let mut rounds = Vec::new();
        for mut r in self.store.rounds()? {
            if core::erase::forget(&mut r, &m.sender) {
                rounds.push(r);
            }
        }
        let mut ids: Vec<GroupId> = rounds.iter().map(|r| r.group.clone()).collect();
        ids.extend(m.group.clone());
        ids.sort();
        ids.dedup();
        let key = user_key(&m.sender);
        let mut groups = Vec::new();
        for id in ids {
            let mut g = self.group(&id)?;
            let before = g.last_actions.len();
            g.last_actions.retain(|a| a.by != m.sender);
            if g.user_langs.remove(&key).is_some() || g.last_actions.len() != before {
                groups.push(g);
            }
        }
        let line = if rounds.is_empty() && groups.is_empty() {
            msg::FORGOTTEN_NOTHING.msg()
        } else {
            msg::FORGOTTEN.msg().num("count", rounds.len() as i64)
        };
        let draft = Draft {
            to: Destination::Private(m.sender.clone()),
            round: None,
            locale,
            tz,
            msg: Message::line(line),
        };
        self.commit(rounds, groups, vec![draft], Vec::new())
    }

    /// A round's retention period is over: its record leaves the store (with
    /// anything of it still waiting to be sent), and the platform is asked to
    /// take back the bot's messages about it where it can.
    fn expire(&mut self, round: Round) -> Result<Vec<Outgoing>> {
        let group = self.group(&round.group)?;
        let draft = Draft {
            to: Destination::Retract(round.group.clone(), round.id),
            round: Some(round.id),
            locale: group.lang,
            tz: group.tz,
            msg: Message::line(msg::ROUND_ERASED.msg().text("round", round.id.to_string())),
        };
        self.erasing = vec![round.id];
        let out = self.commit(Vec::new(), Vec::new(), vec![draft], Vec::new());
        self.erasing.clear();
        self.open.remove(&round.id);
        out
    }

    /// `export`: the record of the round of this thread, the one named (`#12`),
    /// or the group's latest, sent privately to the coordinator who asks.
    fn export(
        &mut self,
        m: &Inbound,
        format: command::ExportFormat,
        wanted: Option<u64>,
    ) -> Result<Vec<Outgoing>> {
        let round = match (wanted, &m.place) {
            (Some(n), _) => self.store.round(RoundId(n))?,
            (None, Place::Thread(id)) => self.store.round(*id)?,
            (None, _) => self
                .store
                .rounds()?
                .into_iter()
                .filter(|r| match &m.group {
                    Some(g) => &r.group == g,
                    None => r.coordinator == m.sender,
                })
                .max_by_key(|r| r.id),
        };
        // Only rounds of this room, or (in a DM) ones the sender coordinates.
        let round = round.filter(|r| match &m.group {
            Some(g) if m.place != Place::Private => &r.group == g,
            _ => r.coordinator == m.sender || m.coordinator,
        });
        let Some(r) = round else {
            return self.reply(
                m,
                msg::ERR_NO_ROUND
                    .msg()
                    .text("prefix", self.defaults.prefix.clone()),
            );
        };
        if !m.coordinator && r.coordinator != m.sender {
            return self.reply(m, msg::ERR_NOT_COORDINATOR.msg());
        }
        let flow = self.flow_of(&r)?;
        let body = match format {
            command::ExportFormat::Md => core::export::message(&r, &flow),
            command::ExportFormat::Json => core::export::json_message(&r, &flow),
        };
        let (_, user_locale, tz) = self.reply_place(&Inbound {
            place: Place::Private,
            ..m.clone()
        })?;
        let mut drafts = vec![Draft {
            to: Destination::Private(m.sender.clone()),
            round: Some(r.id),
            locale: if format == command::ExportFormat::Md {
                r.locale
            } else {
                user_locale
            },
            tz,
            msg: body,
        }];
        if m.place != Place::Private {
            let (to, locale, tz) = self.reply_place(m)?;
            drafts.push(Draft {
                to,
                round: None,
                locale,
                tz,
                msg: Message::line(msg::EXPORT_SENT.msg().text("round", r.id.to_string())),
            });
        }
        self.commit(Vec::new(), Vec::new(), drafts, Vec::new())
    }

    fn group(&self, id: &GroupId) -> Result<GroupState> {
        Ok(self
            .store
            .group(id)?
            .unwrap_or_else(|| GroupState::new(id.clone(), self.defaults.lang, self.defaults.tz)))
    }

    fn list_flows(&mut self, m: &Inbound) -> Result<Vec<Outgoing>> {
        let mut msg = Message::default();
        msg.push(Block::Heading(
            msg::FLOWS_HEADING
                .msg()
                .num("count", self.catalog.flows.len() as i64),
        ));
        for f in self.catalog.flows.values() {
            msg.push(Block::Item(
                msg::FLOW_LINE
                    .msg()
                    .text("id", f.id.clone())
                    .msg("name", f.name.clone())
                    .msg("description", f.description.clone()),
            ));
        }
        self.reply_msg(m, msg)
    }

    /// `retention [days]`: shows the group's retention period, or sets it
    /// (coordinators, in the room) for rounds that end from now on.
    fn retention(&mut self, m: &Inbound, days: Option<u32>) -> Result<Vec<Outgoing>> {
        let prefix = self.defaults.prefix.clone();
        let Some(gid) = m.group.clone().filter(|_| m.place != Place::Private) else {
            return self.reply(m, msg::NOT_A_COMMAND_HERE.msg().text("prefix", prefix));
        };
        let mut g = self.group(&gid)?;
        let current = g.retention_days.unwrap_or(self.defaults.retention_days);
        let Some(days) = days else {
            return self.reply(m, msg::RETENTION_IS.msg().num("days", i64::from(current)));
        };
        if !m.coordinator {
            return self.reply(m, msg::ERR_NOT_COORDINATOR.msg());
        }
        g.retention_days = Some(days);
        // Rounds still running end under the new period too.
        let rounds: Vec<Round> = self
            .open
            .values()
            .filter(|r| r.group == gid)
            .map(|r| Round {
                retention_days: days,
                ..r.clone()
            })
            .collect();
        let (to, locale, tz) = self.reply_place(m)?;
        let draft = Draft {
            to,
            round: None,
            locale,
            tz,
            msg: Message::line(msg::RETENTION_SET.msg().num("days", i64::from(days))),
        };
        self.commit(rounds, vec![g], vec![draft], Vec::new())
    }

    fn set_lang(&mut self, m: &Inbound, lang: Locale) -> Result<Vec<Outgoing>> {
        let Some(gid) = m.group.clone() else {
            return self.reply(
                m,
                msg::NOT_A_COMMAND_HERE
                    .msg()
                    .text("prefix", self.defaults.prefix.clone()),
            );
        };
        let mut g = self.group(&gid)?;
        let for_group = m.coordinator && m.place != Place::Private;
        let line = if for_group {
            g.lang = lang;
            msg::GROUP_LANG_SET.msg()
        } else {
            g.user_langs.insert(user_key(&m.sender), lang);
            msg::LANG_SET.msg()
        };
        let (to, _, tz) = self.reply_place(m)?;
        let draft = Draft {
            to,
            round: None,
            locale: lang,
            tz,
            msg: Message::line(line),
        };
        self.commit(Vec::new(), vec![g], vec![draft], Vec::new())
    }
}

/// The title of a round started without one: "Casus #3" / "Case #3".
fn untitled(lang: Locale, id: RoundId) -> String {
    match lang {
        Locale::Nl => format!("Casus {id}"),
        Locale::En => format!("Case {id}"),
    }
}

/// `#12 rest` -> (round 12, rest).
fn strip_round_tag(text: &str) -> Option<(RoundId, &str)> {
    let rest = text.trim_start().strip_prefix('#')?;
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let n: u64 = rest[..end].parse().ok()?;
    Some((RoundId(n), rest[end..].trim_start()))
}

fn unknown_flow(flow: &str, prefix: &str) -> MessageRef {
    msg::ERR_UNKNOWN_FLOW
        .msg()
        .text("flow", flow)
        .text("prefix", prefix)
}

fn command_error(e: CommandError, prefix: &str) -> MessageRef {
    match e {
        CommandError::Unknown(c) => msg::ERR_UNKNOWN_COMMAND
            .msg()
            .text("command", c)
            .text("prefix", prefix),
        CommandError::Missing { command, usage } => msg::ERR_MISSING_ARG
            .msg()
            .text("command", command)
            .text("usage", format!("{prefix} {usage}")),
        CommandError::BadDuration(v) => msg::ERR_BAD_DURATION.msg().text("value", v),
        CommandError::BadLang(v) => msg::ERR_BAD_LANG.msg().text("value", v),
    }
}

fn reply_stub(group: &GroupId, user: &UserRef, place: &Place) -> Inbound {
    Inbound {
        group: Some(group.clone()),
        sender: user.clone(),
        sender_name: user.id.clone(),
        coordinator: true,
        place: place.clone(),
        text: String::new(),
        event: None,
    }
}
