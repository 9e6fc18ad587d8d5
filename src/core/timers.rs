//! Step timers: the deadline and its reminder, kept out of the group's quiet
//! hours in its time zone (default: 20:00–08:00 and weekends). A deadline
//! that falls in quiet hours moves to their end, so what it sends people
//! (reminders, notes about an empty step) never arrives at night; a reminder
//! moves back to the last allowed moment before it, or forward when that has
//! passed. Local hours stay local across summer and winter time.

use super::flow::Step;
use super::round::Round;
use chrono::{DateTime, Datelike, TimeDelta, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};

/// When brug sends nobody anything of its own accord.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiet {
    /// From this hour (local, 0–23) ...
    pub from: u32,
    /// ... until this hour; equal hours mean no quiet hours.
    pub until: u32,
    /// Saturdays and Sundays too, all day.
    pub weekends: bool,
}

impl Default for Quiet {
    fn default() -> Self {
        Quiet {
            from: 20,
            until: 8,
            weekends: true,
        }
    }
}

/// How finely moments are looked for outside quiet hours.
const STEP: TimeDelta = TimeDelta::minutes(15);
/// How far a moment is moved at most (a long weekend and a night).
const REACH: TimeDelta = TimeDelta::days(4);

impl Quiet {
    /// Reads "20-8" (from 20:00 until 08:00): the hours, each 0–23.
    pub fn parse_hours(s: &str) -> Option<(u32, u32)> {
        let (a, b) = s.split_once(['-', '–'])?;
        let hour = |x: &str| {
            x.trim()
                .trim_end_matches(":00")
                .parse::<u32>()
                .ok()
                .filter(|h| *h < 24)
        };
        Some((hour(a)?, hour(b)?))
    }

    /// Whether a message may go out at `at` in time zone `tz`.
    pub fn allows(&self, at: DateTime<Utc>, tz: chrono_tz::Tz) -> bool {
        let local = at.with_timezone(&tz);
        if self.weekends && matches!(local.weekday(), Weekday::Sat | Weekday::Sun) {
            return false;
        }
        let h = local.hour();
        match self.from.cmp(&self.until) {
            std::cmp::Ordering::Equal => true,
            // Overnight (20–8): quiet from `from` to midnight and until `until`.
            std::cmp::Ordering::Greater => h < self.from && h >= self.until,
            std::cmp::Ordering::Less => !(self.from..self.until).contains(&h),
        }
    }

    /// The first allowed moment at or after `at` (on the quarter hour once
    /// moved).
    pub fn next_allowed(&self, at: DateTime<Utc>, tz: chrono_tz::Tz) -> DateTime<Utc> {
        if self.allows(at, tz) {
            return at;
        }
        let mut t = quarter_up(at);
        while t < at + REACH {
            if self.allows(t, tz) {
                return t;
            }
            t += STEP;
        }
        at
    }
}

fn quarter_up(at: DateTime<Utc>) -> DateTime<Utc> {
    let secs = at.timestamp();
    let q = STEP.num_seconds();
    DateTime::from_timestamp((secs + q - 1).div_euclid(q) * q, 0).unwrap_or(at)
}

/// Sets the step's deadline (moved out of quiet hours) and its reminder.
pub fn set_timers(r: &mut Round, step: &Step, deadline: Option<DateTime<Utc>>, now: DateTime<Utc>) {
    let deadline = deadline.map(|d| r.quiet.next_allowed(d, r.tz));
    r.timers.deadline = deadline;
    r.timers.held = false;
    r.timers.reminder = match (deadline, step.remind) {
        (Some(d), Some(before)) if step.collects() => {
            reminder_time(d - before.delta(), d, now, r.tz, r.quiet)
        }
        _ => None,
    };
}

/// Moves a reminder out of quiet hours: back to the last allowed moment
/// before it, or, if that has already passed, forward to the first one still
/// before the deadline; none when there is no such moment.
pub fn reminder_time(
    at: DateTime<Utc>,
    deadline: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
    quiet: Quiet,
) -> Option<DateTime<Utc>> {
    let ok = |t: DateTime<Utc>| t > now && t < deadline && quiet.allows(t, tz);
    // A reminder due no later than now, or in allowed hours, is not moved.
    if at <= now || quiet.allows(at, tz) {
        return ok(at).then_some(at);
    }
    // Back, to the end of the last allowed stretch.
    let mut t = quarter_down(at);
    while t > now && t > at - REACH {
        if ok(t) {
            return Some(t);
        }
        t -= STEP;
    }
    // Forward, to the start of the next one.
    let mut t = quarter_up(at);
    while t < deadline && t < at + REACH {
        if ok(t) {
            return Some(t);
        }
        t += STEP;
    }
    None
}

fn quarter_down(at: DateTime<Utc>) -> DateTime<Utc> {
    let q = STEP.num_seconds();
    // The last quarter strictly before `at` that is still allowed is found
    // by stepping: start just below `at`.
    DateTime::from_timestamp((at.timestamp() - 1).div_euclid(q) * q, 0).unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Amsterdam;
    use proptest::prelude::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    const NIGHTS: Quiet = Quiet {
        from: 21,
        until: 8,
        weekends: false,
    };

    #[test]
    fn daytime_reminder_stays() {
        let at = t("2026-12-02T09:00:00Z");
        assert_eq!(
            reminder_time(
                at,
                t("2026-12-03T09:00:00Z"),
                t("2026-12-01T09:00:00Z"),
                Amsterdam,
                Quiet::default()
            ),
            Some(at)
        );
    }

    #[test]
    fn night_reminder_moves_to_the_evening_before() {
        // 03:00 Amsterdam (02:00 UTC) -> the last quarter before 21:00.
        let got = reminder_time(
            t("2026-12-02T02:00:00Z"),
            t("2026-12-03T02:00:00Z"),
            t("2026-12-01T09:00:00Z"),
            Amsterdam,
            NIGHTS,
        );
        assert_eq!(got, Some(t("2026-12-01T19:45:00Z")));
    }

    #[test]
    fn night_reminder_moves_to_morning_when_evening_has_passed() {
        let got = reminder_time(
            t("2026-12-02T02:00:00Z"),
            t("2026-12-02T10:00:00Z"),
            t("2026-12-01T21:30:00Z"),
            Amsterdam,
            NIGHTS,
        );
        assert_eq!(got, Some(t("2026-12-02T07:00:00Z")));
    }

    #[test]
    fn no_reminder_without_time_for_it() {
        let got = reminder_time(
            t("2026-12-02T02:00:00Z"),
            t("2026-12-02T05:00:00Z"),
            t("2026-12-01T21:30:00Z"),
            Amsterdam,
            NIGHTS,
        );
        assert_eq!(got, None);
    }

    #[test]
    fn a_weekend_deadline_moves_to_monday_morning_local_across_the_clock_change() {
        // Saturday 31 October 2026, 15:00 Amsterdam (summer time); winter
        // time starts on Sunday: Monday 08:00 is 07:00 UTC.
        let q = Quiet::default();
        let sat = t("2026-10-31T13:00:00Z");
        assert_eq!(q.next_allowed(sat, Amsterdam), t("2026-11-02T07:00:00Z"));
        // And the other way in spring: Monday 30 March 2026 08:00 is 06:00 UTC.
        assert_eq!(
            q.next_allowed(t("2026-03-28T12:00:00Z"), Amsterdam),
            t("2026-03-30T06:00:00Z")
        );
    }

    #[test]
    fn no_quiet_hours_when_from_equals_until() {
        let q = Quiet {
            from: 0,
            until: 0,
            weekends: false,
        };
        let at = t("2026-12-06T02:00:00Z");
        assert!(q.allows(at, Amsterdam));
    }

    fn zone() -> impl Strategy<Value = chrono_tz::Tz> {
        proptest::sample::select(vec![
            chrono_tz::Europe::Amsterdam,
            chrono_tz::America::New_York,
            chrono_tz::Asia::Kolkata,
            chrono_tz::Australia::Lord_Howe,
            chrono_tz::Pacific::Chatham,
            chrono_tz::UTC,
        ])
    }

    proptest! {
        /// No reminder and no deadline ever falls in quiet hours, for any
        /// time zone, quiet hours and moment.
        #[test]
        fn nothing_is_timed_in_quiet_hours(
            tz in zone(),
            from in 0u32..24,
            until in 0u32..24,
            weekends in any::<bool>(),
            start in 1_700_000_000i64..1_900_000_000,
            lead in 0i64..14 * 24 * 3600,
            before in 0i64..7 * 24 * 3600,
        ) {
            let quiet = Quiet { from, until, weekends };
            let now = DateTime::from_timestamp(start, 0).unwrap();
            let deadline = quiet.next_allowed(now + TimeDelta::seconds(lead), tz);
            let all_quiet = (0..7 * 96).all(|k| !quiet.allows(now + STEP * k, tz));
            prop_assert!(all_quiet || quiet.allows(deadline, tz));
            if let Some(r) = reminder_time(deadline - TimeDelta::seconds(before), deadline, now, tz, quiet) {
                prop_assert!(quiet.allows(r, tz));
                prop_assert!(r > now && r < deadline);
            }
        }
    }
}
