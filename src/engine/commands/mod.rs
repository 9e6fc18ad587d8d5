//! The commands the engine answers itself, one file each; the rest become
//! core events for the round they are about.

mod away;
mod export;
mod flows;
mod forget_me;
mod group;
mod lang;
mod retention;
mod schedule;

use super::{Engine, Inbound, Place, Result, StartRequest};
use crate::command::{Command, CommandError};
use crate::core::effect::Pending;
use crate::core::message::{Arg, Message, MessageRef};
use crate::core::{msg, Event, Steer};
use crate::storage::Store;
use chrono::{DateTime, Utc};

/// The refusal of a coordinator's command outside a round: who counts as
/// one on this platform, and where to see what everyone can do.
pub(super) fn not_coordinator(m: &Inbound) -> MessageRef {
    msg::ERR_NOT_COORDINATOR
        .msg()
        .text("platform", m.sender.platform.name())
}

impl<S: Store> Engine<S> {
    pub(super) fn command(
        &mut self,
        m: &Inbound,
        cmd: Command,
        now: DateTime<Utc>,
    ) -> Result<Vec<Pending>> {
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
            Command::Away { until } => return self.away(m, Some(until), now),
            Command::Back => return self.away(m, None, now),
            Command::Group { change } => return self.group_view(m, change),
            Command::Schedule { change } => return self.schedule(m, change, now),
            Command::Start { flow, title } => {
                let Some(group) = m.group.clone().filter(|_| m.place != Place::Private) else {
                    return self.reply(m, msg::NOT_A_COMMAND_HERE.msg().text("prefix", prefix));
                };
                if !m.coordinator {
                    return self.reply(m, not_coordinator(m));
                }
                let (flow, title) = self.method_and_title(&flow, &title);
                // Without a method it names, the group's own method, if set;
                // what was written is the title.
                let (flow, title) = match self.group(&group)?.default_flow {
                    Some(own) if self.catalog.find_flow(&flow).is_none() => {
                        let written = format!("{flow} {title}");
                        (own, written.trim().to_string())
                    }
                    _ if flow.is_empty() => {
                        let e = CommandError::Missing { command: "start" };
                        return self.reply(m, command_error(e, &prefix));
                    }
                    _ => (flow, title),
                };
                // A title is kept and shown: never with an identifier in it.
                let hits = crate::core::pii::find(&title, chrono::Datelike::year(&now));
                let title = if hits.is_empty() {
                    title
                } else if self.catalog.find_flow(&flow).is_none() {
                    crate::core::pii::mask(&title, &hits)
                } else {
                    let mut note = Message::default();
                    note.blocks.extend(super::commit::identifiers_in(m, now));
                    note.push(crate::core::message::Block::Line(
                        msg::PII_TITLE_MASKED.msg(),
                    ));
                    self.note_privately(m, note)?;
                    crate::core::pii::mask(&title, &hits)
                };
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
                let catalog = &self.catalog;
                // The professions by their names, in the person's language.
                let list = || {
                    Arg::Either(
                        catalog
                            .roles
                            .professions()
                            .map(|p| Arg::Msg(p.name.clone()))
                            .collect(),
                    )
                };
                let current = self
                    .find_round(m, false)?
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
                let Some(p) = catalog.find_profession(&word) else {
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
            Command::Balance => Event::BalanceAsked {
                by: m.sender.clone(),
                coordinator: m.coordinator,
            },
            Command::Status => Event::StatusAsked {
                by: m.sender.clone(),
                private: m.place == Place::Private,
            },
            Command::Next => steer(Steer::Next),
            Command::NextAnyway => steer(Steer::NextAnyway),
            Command::Extend { by } => steer(Steer::Extend(by)),
            Command::Pause => steer(Steer::Pause),
            Command::Resume => steer(Steer::Resume),
            Command::Cancel => steer(Steer::Cancel),
            Command::Owner { user } => {
                let id = match self.find_round(m, false)? {
                    Ok(id) => id,
                    Err(rej) => return self.reply(m, rej.msg),
                };
                let round = &self.open[&id];
                // Who may steer is said before whether the name is known.
                if !m.coordinator && round.coordinator != m.sender {
                    let name = round.name_of(&round.coordinator);
                    return self.reply(m, msg::ERR_NOT_COORDINATOR_ROUND.msg().text("name", name));
                }
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
        match self.find_round(m, false)? {
            Ok(id) => self.apply(id, event, Some(m), now),
            Err(rej) => self.reply(m, rej.msg),
        }
    }
}

impl<S: Store> Engine<S> {
    /// The group a room-only command (`group`, `schedule`) was written in;
    /// written privately, its writer hears where it works.
    fn in_room(
        &mut self,
        m: &Inbound,
    ) -> Result<std::result::Result<crate::core::ids::GroupId, Vec<Pending>>> {
        match m.group.clone().filter(|_| m.place != Place::Private) {
            Some(g) => Ok(Ok(g)),
            None => {
                let prefix = self.defaults.prefix.clone();
                let line = msg::NOT_A_COMMAND_HERE.msg().text("prefix", prefix);
                Ok(Err(self.reply(m, line)?))
            }
        }
    }

    /// A method's name may take several words (`Gouden Cirkel Noor`): the
    /// longest run of first words that names a method is the method, the
    /// rest the title. Without one, the first word stays the method (and is
    /// refused as unknown).
    fn method_and_title(&self, first: &str, rest: &str) -> (String, String) {
        let words: Vec<&str> = std::iter::once(first)
            .chain(rest.split_whitespace())
            .collect();
        for n in (1..=words.len().min(5)).rev() {
            if let Some(f) = self.catalog.find_flow(&words[..n].join(" ")) {
                // One word: the title stays exactly as written.
                let title = if n == 1 {
                    rest.to_string()
                } else {
                    words[n..].join(" ")
                };
                return (f.id.clone(), title);
            }
        }
        (first.to_string(), rest.to_string())
    }
}

pub(super) fn unknown_flow(flow: &str, prefix: &str) -> MessageRef {
    msg::ERR_UNKNOWN_FLOW
        .msg()
        .text("flow", flow)
        .text("prefix", prefix)
}

pub(super) fn command_error(e: CommandError, prefix: &str) -> MessageRef {
    match e {
        CommandError::Unknown(c) => msg::ERR_UNKNOWN_COMMAND
            .msg()
            .text("command", c)
            .text("prefix", prefix),
        CommandError::Missing { command } => msg::ERR_MISSING_ARG
            .msg()
            .text("command", command)
            .text("prefix", prefix)
            .msg("usage", format!("usage-{command}")),
        CommandError::BadDuration(v) => msg::ERR_BAD_DURATION.msg().text("value", v),
        CommandError::DurationTooLong(v) => msg::ERR_DURATION_TOO_LONG.msg().text("value", v),
        CommandError::BadLang(v) => msg::ERR_BAD_LANG.msg().text("value", v),
        CommandError::BadExportFormat(v) => msg::ERR_EXPORT_FORMAT
            .msg()
            .text("value", v)
            .text("prefix", prefix),
        CommandError::BadRetention(v) => msg::ERR_RETENTION
            .msg()
            .text("value", v)
            .text("prefix", prefix),
        CommandError::BadUntil(v) => msg::ERR_BAD_UNTIL
            .msg()
            .text("value", v)
            .text("prefix", prefix),
        CommandError::BadGroupSetting(v) => msg::ERR_GROUP_SETTING
            .msg()
            .text("value", v)
            .text("prefix", prefix),
        CommandError::BadSchedule(v) => msg::ERR_SCHEDULE.msg().text("value", v),
    }
}
