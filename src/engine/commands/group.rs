//! `group`: the group's settings and its participation, counts only; a
//! coordinator changes quiet hours, weekends and time zone with it.

use crate::command::GroupChange;
use crate::core::effect::Pending;
use crate::core::flow::Flow;
use crate::core::message::{Arg, Block, Message};
use crate::core::msg;
use crate::core::participation::participation;
use crate::core::round::Round;
use crate::engine::{Draft, Engine, Inbound, Place, Result};
use crate::storage::Store;
use std::sync::Arc;

impl<S: Store> Engine<S> {
    pub(super) fn group_view(
        &mut self,
        m: &Inbound,
        change: Option<GroupChange>,
    ) -> Result<Vec<Pending>> {
        let prefix = self.defaults.prefix.clone();
        let gid = match self.in_room(m)? {
            Ok(g) => g,
            Err(told) => return Ok(told),
        };
        let mut g = self.group(&gid)?;
        let mut out = Message::default();
        let mut changed: Vec<Round> = Vec::new();
        if let Some(c) = change {
            if !m.coordinator {
                return self.reply(m, super::not_coordinator(m));
            }
            match c {
                GroupChange::Quiet(from, until) => (g.quiet.from, g.quiet.until) = (from, until),
                GroupChange::Weekends(w) => g.quiet.weekends = w,
                GroupChange::Tz(tz) => g.tz = tz,
                GroupChange::Flow(word) => match self.catalog.find_flow(&word) {
                    Some(f) => g.default_flow = Some(f.id.clone()),
                    None => return self.reply(m, super::unknown_flow(&word, &prefix)),
                },
                GroupChange::Deadlines(span) => g.deadlines = Some(span),
            }
            // Rounds running now keep to it from their next deadline on.
            changed = self
                .open
                .values()
                .filter(|r| r.group == gid)
                .map(|r| Round {
                    quiet: g.quiet,
                    tz: g.tz,
                    deadlines: g.deadlines,
                    ..r.clone()
                })
                .collect();
            out.push(Block::Line(msg::GROUP_CHANGED.msg()));
        }
        let days = g.retention_days.unwrap_or(self.defaults.retention_days);
        out.push(Block::Line(
            msg::GROUP_HEADING
                .msg()
                .msg("lang", format!("language-{}", g.lang))
                .text("tz", g.tz.name())
                .num("days", i64::from(days)),
        ));
        let weekends = if g.quiet.weekends { "yes" } else { "no" };
        out.push(Block::Line(if g.quiet.from == g.quiet.until {
            msg::GROUP_NO_QUIET.msg().text("weekends", weekends)
        } else {
            msg::GROUP_QUIET
                .msg()
                .text("from", format!("{:02}:00", g.quiet.from))
                .text("until", format!("{:02}:00", g.quiet.until))
                .text("weekends", weekends)
        }));
        // Who coordinates: the platform's rule, and whom the operator named.
        let named: Vec<String> = self
            .defaults
            .coordinators
            .iter()
            .filter(|c| c.platform == gid.platform)
            .map(|c| c.id.clone())
            .collect();
        out.push(Block::Line(
            msg::GROUP_COORDINATORS
                .msg()
                .text("platform", gid.platform.name())
                .text(
                    "named",
                    if named.is_empty() {
                        "none".into()
                    } else {
                        named.join(", ")
                    },
                ),
        ));
        if let Some(f) = g.default_flow.as_ref().and_then(|id| self.catalog.flow(id)) {
            out.push(Block::Line(
                msg::GROUP_FLOW.msg().msg("flow", f.name.clone()),
            ));
        }
        if let Some(span) = g.deadlines {
            out.push(Block::Line(
                msg::GROUP_DEADLINES.msg().text("span", span.to_string()),
            ));
        }
        super::schedule::describe(&g, &mut out);
        // Participation over the rounds still kept, this group's only.
        let rounds: Vec<Round> = self
            .store
            .rounds()?
            .into_iter()
            .filter(|r| r.group == gid)
            .collect();
        let flows: Vec<Arc<Flow>> = rounds
            .iter()
            .map(|r| self.flow_of(r))
            .collect::<Result<_>>()?;
        let both: Vec<(&Round, &Flow)> = rounds.iter().zip(flows.iter().map(|f| &**f)).collect();
        let rows = participation(&both);
        if rows.is_empty() {
            out.push(Block::Line(msg::GROUP_NO_ROUNDS.msg()));
        } else {
            out.push(Block::Heading(
                msg::GROUP_MEMBERS.msg().num("rounds", rounds.len() as i64),
            ));
            for row in &rows {
                let profession = self
                    .catalog
                    .roles
                    .get(&row.profession)
                    .map(|p| Arg::Msg(p.name.clone()))
                    .unwrap_or_else(|| Arg::Text(row.profession.0.clone()));
                out.push(Block::Item(
                    msg::GROUP_MEMBER
                        .msg()
                        .text("name", row.name.clone())
                        .arg("profession", profession)
                        .num("rounds", i64::from(row.rounds))
                        .num("answered", i64::from(row.answered))
                        .num("asked", i64::from(row.asked)),
                ));
            }
        }
        // Who reads the bot in another language than the group's.
        for lang in [crate::core::ids::Locale::Nl, crate::core::ids::Locale::En] {
            let names: Vec<Arg> = rows
                .iter()
                .filter(|r| lang != g.lang && g.own_lang(&r.user) == Some(lang))
                .map(|r| Arg::Text(r.name.clone()))
                .collect();
            if !names.is_empty() {
                out.push(Block::Line(
                    msg::GROUP_OWN_LANG
                        .msg()
                        .msg("lang", format!("language-{lang}"))
                        .arg("names", Arg::List(names)),
                ));
            }
        }
        if let Some(flow) = self.catalog.flows.values().next() {
            out.chart = crate::core::over_time::over_time(&g.frame_history, flow, &mut out);
        }
        let (to, locale, tz) = self.reply_place(m)?;
        let round = match &m.place {
            Place::Thread(id) => Some(*id),
            _ => None,
        };
        let mut drafts = vec![Draft {
            to,
            round,
            locale,
            tz,
            msg: out,
        }];
        // Who has dropped out of the rhythm: to the coordinator alone.
        let dropped: Vec<Arg> = rows
            .iter()
            .filter(|r| !r.recent)
            .map(|r| Arg::Text(r.name.clone()))
            .collect();
        if m.coordinator && rounds.len() > 2 && !dropped.is_empty() {
            drafts.push(Draft {
                to: crate::core::effect::Destination::Private(m.sender.clone()),
                round: None,
                locale,
                tz,
                msg: Message::line(msg::GROUP_DROPPED.msg().arg("names", Arg::List(dropped))),
            });
        }
        self.commit(changed, vec![g], drafts, Vec::new())
    }
}
