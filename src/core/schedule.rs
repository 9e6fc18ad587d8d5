//! Recurring rounds (issue 14 part 4): a group's rhythm as an RFC 5545 rule
//! (read from what a coordinator writes: "first Tuesday of the month 10:00",
//! "every 2 weeks on Thursday"), a rotating case owner, and the next round
//! ahead — whose case owner is asked privately, some days before, to
//! prepare the case. The round opens on time with the case prepared; when
//! it is still missing the day before, the coordinator hears so in time.
//! Every moment is local to the group (10:00 stays 10:00 across clock
//! changes) and out of its quiet hours.

use super::answer;
use super::ids::UserRef;
use super::message::{Block, Message};
use super::msg;
use super::pii;
use super::round::Consent;
use super::timers::Quiet;
use chrono::{DateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use serde::{Deserialize, Serialize};

/// A person, as a schedule names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub user: UserRef,
    pub name: String,
    /// As they last took part in the group (a case owner joins the round
    /// with it when it opens).
    pub profession: Option<super::ids::RoleId>,
}

/// A group's recurring rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub flow: String,
    /// The flow's name (a message id).
    pub flow_name: String,
    /// What the coordinator wrote, shown back as written.
    pub rhythm: String,
    /// The RFC 5545 rule read from it (`FREQ=MONTHLY;BYDAY=1TU`).
    pub rule: String,
    /// The local time of day rounds open.
    pub time: NaiveTime,
    /// Where the rule is counted from (an every-two-weeks rhythm keeps its
    /// weeks): the local day before it was set.
    pub anchor: chrono::NaiveDate,
    /// Case owners in turn; empty: the coordinator names one each time.
    pub owners: Vec<Person>,
    /// Whose turn is next (an index into `owners`, wrapping).
    pub turn: usize,
    /// Days before a round its case owner is asked to prepare the case.
    pub prepare_days: u32,
    pub coordinator: Person,
    pub next: Option<Upcoming>,
}

/// The next scheduled round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Upcoming {
    /// When it opens (out of quiet hours).
    pub at: DateTime<Utc>,
    pub owner: Option<Person>,
    /// Whether the case owner has been asked to prepare the case.
    pub asked: bool,
    /// Whether the coordinator has heard that the case is still missing.
    pub warned: bool,
    /// The case as its owner confirmed it (identifiers masked).
    pub case: Option<String>,
    pub consent: Option<Consent>,
    /// A case sent but not confirmed yet.
    pub draft: Option<String>,
}

/// Why a schedule could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleError {
    /// The rhythm is not one brug reads.
    Rhythm,
    /// The rule has no moment ahead (within the next two years).
    NoMoment,
}

/// Reads a rhythm: `first Tuesday of the month 10:00`, `last Friday of the
/// month`, `every 2 weeks on Thursday 9:30`, `weekly on Monday`, Dutch
/// alike (`eerste dinsdag van de maand 10:00`, `elke 2 weken op donderdag`),
/// or an RFC 5545 rule (`FREQ=MONTHLY;BYDAY=1TU`). Returns the rule and the
/// time of day (10:00 unless said).
pub fn read_rhythm(text: &str) -> Option<(String, NaiveTime)> {
    let t = text.trim();
    let raw = t.strip_prefix("RRULE:").unwrap_or(t);
    if raw.to_ascii_uppercase().starts_with("FREQ=") {
        let rule = raw.to_ascii_uppercase();
        // Checked by computing with it.
        let ten = NaiveTime::from_hms_opt(10, 0, 0)?;
        return occurrences(&rule, ten, chrono::NaiveDate::MIN, chrono_tz::UTC)
            .map(|_| (rule, ten));
    }
    let mut ordinal: Option<i8> = None;
    let mut day: Option<&str> = None;
    let mut weeks: Option<u32> = None;
    let mut every = false;
    let mut time = NaiveTime::from_hms_opt(10, 0, 0)?;
    let lower = t.to_lowercase();
    for w in lower.split(|c: char| c.is_whitespace() || c == ',') {
        match w {
            "" | "of" | "the" | "month" | "van" | "de" | "maand" | "on" | "op" | "at" | "om"
            | "in" => {}
            "first" | "1st" | "eerste" => ordinal = Some(1),
            "second" | "2nd" | "tweede" => ordinal = Some(2),
            "third" | "3rd" | "derde" => ordinal = Some(3),
            "fourth" | "4th" | "vierde" => ordinal = Some(4),
            "last" | "laatste" => ordinal = Some(-1),
            "every" | "each" | "elke" | "iedere" => every = true,
            "weekly" | "wekelijks" => (every, weeks) = (true, Some(1)),
            "week" | "weeks" | "weken" => weeks = Some(weeks.unwrap_or(1)),
            _ => {
                if let Some(d) = weekday(w) {
                    day = Some(d);
                } else if let Some(t) = clock(w) {
                    time = t;
                } else if let Ok(n) = w.parse::<u32>() {
                    if !(1..=52).contains(&n) {
                        return None;
                    }
                    weeks = Some(n);
                } else {
                    return None;
                }
            }
        }
    }
    let day = day?;
    let rule = match (ordinal, every, weeks) {
        (Some(n), false, None) => format!("FREQ=MONTHLY;BYDAY={n}{day}"),
        (None, true, Some(1)) => format!("FREQ=WEEKLY;BYDAY={day}"),
        (None, true, Some(n)) => format!("FREQ=WEEKLY;INTERVAL={n};BYDAY={day}"),
        _ => return None,
    };
    Some((rule, time))
}

fn weekday(w: &str) -> Option<&'static str> {
    Some(match w.trim_end_matches('s') {
        "monday" | "maandag" => "MO",
        "tuesday" | "dinsdag" => "TU",
        "wednesday" | "woensdag" => "WE",
        "thursday" | "donderdag" => "TH",
        "friday" | "vrijdag" => "FR",
        "saturday" | "zaterdag" => "SA",
        "sunday" | "zondag" => "SU",
        _ => return None,
    })
}

/// `10:00`, `9.30`, `10u`, `14h` (a bare number is not a time).
fn clock(w: &str) -> Option<NaiveTime> {
    let bare = w.trim_end_matches(['u', 'h']);
    let (h, m) = match bare.split_once([':', '.']) {
        Some(hm) => hm,
        None if bare.len() < w.len() => (bare, "0"),
        None => return None,
    };
    if h.is_empty() || h.len() > 2 || m.len() > 2 {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// The rule's local moments from `anchor` on, as the `rrule` crate counts
/// them in `tz`: an iterator over the first two years' worth.
fn occurrences(
    rule: &str,
    time: NaiveTime,
    anchor: chrono::NaiveDate,
    tz: chrono_tz::Tz,
) -> Option<Vec<DateTime<Utc>>> {
    use chrono::Timelike;
    let anchor = anchor.max(chrono::NaiveDate::from_ymd_opt(2000, 1, 1)?);
    // Counted from noon (a time every day has: 02:30 does not exist on the
    // day clocks go forward), with the time of day in the rule itself.
    let noon = NaiveTime::from_hms_opt(12, 0, 0)?;
    let start = anchor.and_time(noon).format("%Y%m%dT%H%M%S");
    let rule = if rule.contains("BYHOUR") {
        rule.to_string()
    } else {
        format!(
            "{rule};BYHOUR={};BYMINUTE={};BYSECOND=0",
            time.hour(),
            time.minute()
        )
    };
    let set: rrule::RRuleSet = format!("DTSTART;TZID={}:{start}\nRRULE:{rule}", tz.name())
        .parse()
        .ok()?;
    let limit = 24 * 31;
    Some(
        set.all(limit)
            .dates
            .into_iter()
            .map(|d| d.with_timezone(&Utc))
            .collect(),
    )
}

impl Schedule {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        (flow, flow_name): (String, String),
        rhythm: &str,
        owners: Vec<Person>,
        prepare_days: u32,
        coordinator: Person,
        now: DateTime<Utc>,
        tz: chrono_tz::Tz,
        quiet: Quiet,
    ) -> Result<Schedule, ScheduleError> {
        let (rule, time) = read_rhythm(rhythm).ok_or(ScheduleError::Rhythm)?;
        let anchor = now
            .with_timezone(&tz)
            .date_naive()
            .pred_opt()
            .unwrap_or_default();
        let mut s = Schedule {
            flow,
            flow_name,
            rhythm: rhythm.trim().to_string(),
            rule,
            time,
            anchor,
            owners,
            turn: 0,
            prepare_days,
            coordinator,
            next: None,
        };
        s.plan(now, tz, quiet);
        if s.next.is_none() {
            return Err(ScheduleError::NoMoment);
        }
        Ok(s)
    }

    /// The first moment of the rule after `now`, moved out of quiet hours.
    pub fn moment_after(
        &self,
        now: DateTime<Utc>,
        tz: chrono_tz::Tz,
        quiet: Quiet,
    ) -> Option<DateTime<Utc>> {
        occurrences(&self.rule, self.time, self.anchor, tz)?
            .into_iter()
            .map(|t| quiet.next_allowed(t, tz))
            .find(|t| *t > now)
    }

    /// Plans the next round after `now`, with the next case owner in turn.
    pub fn plan(&mut self, now: DateTime<Utc>, tz: chrono_tz::Tz, quiet: Quiet) {
        let owner =
            (!self.owners.is_empty()).then(|| self.owners[self.turn % self.owners.len()].clone());
        self.next = self.moment_after(now, tz, quiet).map(|at| Upcoming {
            at,
            owner,
            asked: false,
            warned: false,
            case: None,
            consent: None,
            draft: None,
        });
    }

    /// When the case owner is asked to prepare: `prepare_days` before, at
    /// the round's time of day — or the last day before that is not quiet
    /// (a Saturday becomes the Friday), so the time to prepare is not cut.
    pub fn prepare_at(&self, up: &Upcoming, tz: chrono_tz::Tz, quiet: Quiet) -> DateTime<Utc> {
        let day = up.at.with_timezone(&tz).date_naive();
        let at = |back: i64| {
            tz.from_local_datetime(&(day - TimeDelta::days(back)).and_time(self.time))
                .earliest()
                .map(|t| t.with_timezone(&Utc))
        };
        let wanted = i64::from(self.prepare_days);
        (wanted..wanted + 7)
            .filter_map(at)
            .find(|t| quiet.allows(*t, tz))
            .map(|t| t.min(up.at))
            .unwrap_or_else(|| quiet.next_allowed(at(wanted).unwrap_or(up.at).min(up.at), tz))
    }

    /// When the coordinator hears that the case is missing: the day
    /// before, at the last allowed moment before the round where that is
    /// later than the request.
    pub fn warn_at(
        &self,
        up: &Upcoming,
        now: DateTime<Utc>,
        tz: chrono_tz::Tz,
        quiet: Quiet,
    ) -> Option<DateTime<Utc>> {
        let ask = self.prepare_at(up, tz, quiet);
        super::timers::reminder_time(up.at - TimeDelta::days(1), up.at, now.max(ask), tz, quiet)
    }

    /// The next moment something is due.
    pub fn next_timer(&self, tz: chrono_tz::Tz, quiet: Quiet) -> Option<DateTime<Utc>> {
        let up = self.next.as_ref()?;
        let ask = (!up.asked && up.owner.is_some()).then(|| self.prepare_at(up, tz, quiet));
        let warn = (!up.warned && up.case.is_none())
            .then(|| self.warn_at(up, DateTime::<Utc>::MIN_UTC, tz, quiet))
            .flatten();
        [ask, warn, Some(up.at)].into_iter().flatten().min()
    }
}

impl Schedule {
    /// Forgets a person (`forget-me`): out of the turns, their prepared
    /// case gone. Returns whether anything changed, and whether the
    /// schedule ends (they coordinated it: nobody is left to tell).
    pub fn forget(&mut self, user: &UserRef) -> (bool, bool) {
        let before = self.owners.len();
        self.owners.retain(|p| &p.user != user);
        let mut changed = before != self.owners.len();
        if let Some(up) = self.next.as_mut() {
            if up.owner.as_ref().is_some_and(|o| &o.user == user) {
                up.owner = None;
                up.case = None;
                up.draft = None;
                up.consent = None;
                changed = true;
            }
        }
        let ends = &self.coordinator.user == user;
        (changed || ends, ends)
    }
}

/// What a schedule's timer asks of the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum Due {
    /// Private messages to send (the request to prepare, the note that the
    /// case is missing).
    Say(Vec<(UserRef, Message)>),
    /// The round opens now; the schedule has planned the one after it.
    Open(Upcoming),
}

/// Fires what is due at `now`.
pub fn tick(s: &mut Schedule, now: DateTime<Utc>, tz: chrono_tz::Tz, quiet: Quiet) -> Option<Due> {
    let up = s.next.clone()?;
    if up.at <= now {
        if up.owner.is_some() {
            s.turn += 1;
        }
        s.plan(now, tz, quiet);
        return Some(Due::Open(up));
    }
    let mut say = Vec::new();
    if !up.asked && s.prepare_at(&up, tz, quiet) <= now {
        if let Some(o) = &up.owner {
            let mut m = Message::line(
                msg::PREPARE_ASK
                    .msg()
                    .text("name", o.name.clone())
                    .time("at", up.at)
                    .msg("flow", s.flow_name.clone()),
            );
            m.push(Block::Line(msg::PREPARE_TEMPLATE.msg()));
            say.push((o.user.clone(), m));
        }
        if let Some(u) = s.next.as_mut() {
            u.asked = true;
        }
    }
    let warn = s.warn_at(&up, DateTime::<Utc>::MIN_UTC, tz, quiet);
    if !up.warned && up.case.is_none() && warn.is_some_and(|w| w <= now) {
        let owner = up.owner.as_ref().map(|o| o.name.clone());
        let line = match owner {
            Some(name) => msg::PREPARE_MISSING.msg().text("name", name),
            None => msg::PREPARE_NO_OWNER.msg(),
        };
        say.push((
            s.coordinator.user.clone(),
            Message::line(line.time("at", up.at)),
        ));
        if let Some(o) = &up.owner {
            say.push((
                o.user.clone(),
                Message::line(msg::PREPARE_REMINDER.msg().time("at", up.at)),
            ));
        }
        if let Some(u) = s.next.as_mut() {
            u.warned = true;
        }
    }
    Some(Due::Say(say))
}

/// Whether the next round waits on `user` to prepare its case (or may
/// still take a new version of it, until it opens).
pub fn awaits(s: &Schedule, user: &UserRef) -> bool {
    s.next
        .as_ref()
        .is_some_and(|u| u.asked && u.owner.as_ref().is_some_and(|o| &o.user == user))
}

/// The case owner's private message about the case to prepare: a case
/// (held while it has identifiers, then shown to confirm) or the
/// confirmation of one. Returns what to tell them.
pub fn prepared(up: &mut Upcoming, needs_consent: bool, text: &str, hits: &[pii::Hit]) -> Message {
    if !hits.is_empty() {
        let (masked, m) = super::intake::hold(text, hits, needs_consent);
        up.draft = Some(masked);
        return m;
    }
    let given = answer::consent(text);
    let confirmed = match needs_consent {
        true => given.is_some(),
        false => answer::is_yes(text),
    };
    match up.draft.take() {
        Some(draft) if confirmed => {
            up.case = Some(draft);
            up.consent = given.filter(|_| needs_consent);
            Message::line(msg::PREPARE_KEPT.msg().time("at", up.at))
        }
        Some(draft) if needs_consent && answer::is_yes(text) => {
            up.draft = Some(draft);
            Message::line(msg::INTAKE_CONSENT_NEEDED.msg())
        }
        // A yes again, nothing new: it stays as it is.
        None if up.case.is_some() && answer::is_yes(text) => {
            Message::line(msg::PREPARE_KEPT.msg().time("at", up.at))
        }
        _ => {
            let (case, m) = super::intake::to_confirm(text, needs_consent);
            up.draft = Some(case);
            m
        }
    }
}

#[cfg(test)]
mod tests;
