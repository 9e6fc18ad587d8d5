//! `away <until>` and `back`: for every open round the person takes part in,
//! at once; told once, where they asked.

use crate::command::Until;
use crate::core::effect::Pending;
use crate::core::message::{Arg, MessageRef};
use crate::core::{msg, Event};
use crate::engine::{Engine, Inbound, Result};
use crate::storage::Store;
use chrono::{DateTime, Datelike, TimeZone, Utc};

impl<S: Store> Engine<S> {
    pub(super) fn away(
        &mut self,
        m: &Inbound,
        until: Option<Until>,
        now: DateTime<Utc>,
    ) -> Result<Vec<Pending>> {
        let tz = match &m.group {
            Some(g) => self.group(g)?.tz,
            None => self.defaults.tz,
        };
        let at = match until {
            None => None,
            Some(u) => match back_on(u, now, tz) {
                Some(at) => Some(at),
                None => {
                    let e = msg::ERR_BAD_UNTIL
                        .msg()
                        .text("value", describe(u))
                        .text("prefix", self.defaults.prefix.clone());
                    return self.reply(m, e);
                }
            },
        };
        let rounds: Vec<_> = self
            .open
            .values()
            .filter(|r| r.status.is_open() && r.participant(&m.sender).is_some())
            .map(|r| r.id)
            .collect();
        if rounds.is_empty() {
            let none = if at.is_some() {
                msg::AWAY_NONE
            } else {
                msg::BACK_NONE
            };
            return self.reply(m, none.msg());
        }
        let mut out = Vec::new();
        for id in &rounds {
            let ev = Event::Away {
                by: m.sender.clone(),
                until: at,
            };
            out.extend(self.apply(*id, ev, None, now)?);
        }
        let list = Arg::List(rounds.iter().map(|r| Arg::Text(r.to_string())).collect());
        let said: MessageRef = match at {
            Some(at) => msg::AWAY_SET.msg().time("until", at).arg("rounds", list),
            None => msg::BACK_SET.msg().arg("rounds", list),
        };
        out.extend(self.reply(m, said)?);
        Ok(out)
    }
}

/// When someone away `u` is back: after the span, or at the start of the
/// day (the next such day when no year is given). `None` when that is not
/// later than now.
fn back_on(u: Until, now: DateTime<Utc>, tz: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    let at = match u {
        Until::For(span) => now + span.delta(),
        Until::On { day, month, year } => {
            let this_year = now.with_timezone(&tz).year();
            let start = |y: i32| {
                tz.with_ymd_and_hms(y, month, day, 0, 0, 0)
                    .earliest()
                    .map(|t| t.with_timezone(&Utc))
            };
            match year {
                Some(y) => start(y)?,
                None => match start(this_year) {
                    Some(t) if t > now => t,
                    _ => start(this_year + 1)?,
                },
            }
        }
    };
    (at > now).then_some(at)
}

fn describe(u: Until) -> String {
    match u {
        Until::For(span) => span.to_string(),
        Until::On { day, month, year } => match year {
            Some(y) => format!("{day}-{month}-{y}"),
            None => format!("{day}-{month}"),
        },
    }
}
