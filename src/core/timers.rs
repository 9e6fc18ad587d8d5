//! Step timers: the deadline and its reminder, kept out of quiet hours in
//! the group's time zone.

use super::flow::Step;
use super::round::Round;
use chrono::{DateTime, Datelike, TimeZone, Timelike, Utc};

/// Sets the step's deadline and its reminder (never at night in the group's
/// time zone; skipped when there is no time left for it).
pub fn set_timers(r: &mut Round, step: &Step, deadline: Option<DateTime<Utc>>, now: DateTime<Utc>) {
    r.timers.deadline = deadline;
    r.timers.held = false;
    r.timers.reminder = match (deadline, step.remind) {
        (Some(d), Some(before)) if step.collects() => {
            reminder_time(d - before.delta(), d, now, r.tz)
        }
        _ => None,
    };
}

/// Quiet hours: no reminders from 21:00 to 08:00 local time.
const QUIET_FROM: u32 = 21;
const QUIET_UNTIL: u32 = 8;

/// Moves a reminder out of quiet hours: back to the evening before 21:00, or,
/// if that has already passed, forward to 08:00 when still before the deadline.
pub fn reminder_time(
    at: DateTime<Utc>,
    deadline: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Option<DateTime<Utc>> {
    let local = at.with_timezone(&tz);
    let h = local.hour();
    let quiet = !(QUIET_UNTIL..QUIET_FROM).contains(&h);
    let at = if quiet {
        let evening_day = if h >= QUIET_FROM {
            local.date_naive()
        } else {
            local.date_naive().pred_opt()?
        };
        let evening = tz
            .with_ymd_and_hms(
                evening_day.year(),
                evening_day.month(),
                evening_day.day(),
                QUIET_FROM - 1,
                0,
                0,
            )
            .earliest()?
            .with_timezone(&Utc);
        if evening > now {
            evening
        } else {
            let morning_day = if h >= QUIET_FROM {
                local.date_naive().succ_opt()?
            } else {
                local.date_naive()
            };
            tz.with_ymd_and_hms(
                morning_day.year(),
                morning_day.month(),
                morning_day.day(),
                QUIET_UNTIL,
                0,
                0,
            )
            .earliest()?
            .with_timezone(&Utc)
        }
    } else {
        at
    };
    (at > now && at < deadline).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Amsterdam;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn daytime_reminder_stays() {
        let at = t("2026-12-02T09:00:00Z");
        assert_eq!(
            reminder_time(
                at,
                t("2026-12-03T09:00:00Z"),
                t("2026-12-01T09:00:00Z"),
                Amsterdam
            ),
            Some(at)
        );
    }

    #[test]
    fn night_reminder_moves_to_the_evening_before() {
        // 03:00 Amsterdam (02:00 UTC) -> 20:00 Amsterdam the evening before.
        let got = reminder_time(
            t("2026-12-02T02:00:00Z"),
            t("2026-12-03T02:00:00Z"),
            t("2026-12-01T09:00:00Z"),
            Amsterdam,
        );
        assert_eq!(got, Some(t("2026-12-01T19:00:00Z")));
    }

    #[test]
    fn night_reminder_moves_to_morning_when_evening_has_passed() {
        let got = reminder_time(
            t("2026-12-02T02:00:00Z"),
            t("2026-12-02T10:00:00Z"),
            t("2026-12-01T21:30:00Z"),
            Amsterdam,
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
        );
        assert_eq!(got, None);
    }
}
