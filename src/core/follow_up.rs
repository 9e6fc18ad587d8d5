//! Following up on advice (issue 14 part 5): an agreed action whose "by
//! when" names a day is reminded privately to its owner on that day, at
//! 09:00 in the group's time zone (out of quiet hours) — also after the
//! round has closed, for as long as its record is kept.

use super::effect::Effect;
use super::ids::UserRef;
use super::message::Message;
use super::msg;
use super::round::Round;
use super::span::Span;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};

/// The moment to remind of an action due `when` (as people write it), said
/// at `now`: that day at 09:00 local; none when it names no day.
pub fn due(when: &str, now: DateTime<Utc>, tz: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    let today = now.with_timezone(&tz).date_naive();
    let w = when.trim().to_lowercase();
    let day = match w.as_str() {
        "today" | "vandaag" => Some(today),
        "tomorrow" | "morgen" => today.succ_opt(),
        "next week" | "volgende week" => today.checked_add_signed(Duration::days(7)),
        "this week" | "deze week" => next_weekday(today, Weekday::Fri, true),
        "this month" | "deze maand" => last_of_month(today),
        _ => None,
    }
    .or_else(|| weekday(&w).and_then(|d| next_weekday(today, d, false)))
    .or_else(|| {
        Span::parse(&w).and_then(|s| (now + s.delta()).with_timezone(&tz).date_naive().into())
    })
    .or_else(|| date(&w, today))?;
    let at = tz
        .with_ymd_and_hms(day.year(), day.month(), day.day(), 9, 0, 0)
        .earliest()?
        .with_timezone(&Utc);
    (at > now).then_some(at)
}

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" | "maandag" => Weekday::Mon,
        "tuesday" | "dinsdag" => Weekday::Tue,
        "wednesday" | "woensdag" => Weekday::Wed,
        "thursday" | "donderdag" => Weekday::Thu,
        "friday" | "vrijdag" => Weekday::Fri,
        "saturday" | "zaterdag" => Weekday::Sat,
        "sunday" | "zondag" => Weekday::Sun,
        _ => return None,
    })
}

/// The next `day` after `today` (or today itself, when `or_today`).
fn next_weekday(today: NaiveDate, day: Weekday, or_today: bool) -> Option<NaiveDate> {
    let ahead =
        (7 + day.num_days_from_monday() as i64 - today.weekday().num_days_from_monday() as i64) % 7;
    let ahead = if ahead == 0 && !or_today { 7 } else { ahead };
    today.checked_add_signed(Duration::days(ahead))
}

fn last_of_month(today: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if today.month() == 12 {
        (today.year() + 1, 1)
    } else {
        (today.year(), today.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// `2026-12-24`, `24-12-2026`, `24-12` or `24/12` (the next such day).
fn date(w: &str, today: NaiveDate) -> Option<NaiveDate> {
    let parts: Vec<i32> = w
        .split(['-', '/', '.'])
        .map(|p| p.trim().parse().ok())
        .collect::<Option<_>>()?;
    let ymd = |y: i32, m: i32, d: i32| NaiveDate::from_ymd_opt(y, m as u32, d as u32);
    match parts.as_slice() {
        [y, m, d] if *y > 31 => ymd(*y, *m, *d),
        [d, m, y] => ymd(*y, *m, *d),
        [d, m] => ymd(today.year(), *m, *d)
            .filter(|x| *x >= today)
            .or_else(|| ymd(today.year() + 1, *m, *d)),
        _ => None,
    }
}

/// Who an action's reminder goes to: the participant it names, else the
/// one who wrote it down.
fn owner_of(r: &Round, who: &str, by: &UserRef) -> UserRef {
    let who = who.trim().trim_start_matches('@').to_lowercase();
    r.participants
        .iter()
        .find(|p| !p.left && p.name.to_lowercase() == who)
        .map(|p| p.user.clone())
        .unwrap_or_else(|| by.clone())
}

/// Sends the reminders of actions that are due (each once).
pub(super) fn due_reminders(r: &mut Round, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
    let round = r.id.to_string();
    let mut due: Vec<(UserRef, String, String)> = Vec::new();
    for a in r.actions.iter_mut() {
        if a.due.is_some_and(|d| d <= now) && !a.reminded {
            a.reminded = true;
            due.push((a.by.clone(), a.who.clone(), a.what.clone()));
        }
    }
    for (by, who, what) in due {
        let to = owner_of(r, &who, &by);
        fx.push(Effect::private(
            &to,
            Message::line(
                msg::ACTION_DUE
                    .msg()
                    .text("round", round.clone())
                    .text("title", r.title.clone())
                    .text("what", what),
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Amsterdam;

    fn local(t: Option<DateTime<Utc>>) -> Option<String> {
        t.map(|t| {
            t.with_timezone(&Amsterdam)
                .format("%a %d %b %H:%M")
                .to_string()
        })
    }

    #[test]
    fn days_as_people_write_them() {
        // Tuesday 1 December 2026, 10:00 in Amsterdam.
        let now: DateTime<Utc> = "2026-12-01T09:00:00Z".parse().unwrap();
        let at = |w: &str| local(due(w, now, Amsterdam));
        assert_eq!(at("Friday").as_deref(), Some("Fri 04 Dec 09:00"));
        assert_eq!(at("vrijdag").as_deref(), Some("Fri 04 Dec 09:00"));
        assert_eq!(
            at("Tuesday").as_deref(),
            Some("Tue 08 Dec 09:00"),
            "not today"
        );
        assert_eq!(at("morgen").as_deref(), Some("Wed 02 Dec 09:00"));
        assert_eq!(at("deze maand").as_deref(), Some("Thu 31 Dec 09:00"));
        assert_eq!(at("2w").as_deref(), Some("Tue 15 Dec 09:00"));
        assert_eq!(at("24-12").as_deref(), Some("Thu 24 Dec 09:00"));
        assert_eq!(at("2027-01-04").as_deref(), Some("Mon 04 Jan 09:00"));
        assert_eq!(
            at("1-11").as_deref(),
            Some("Mon 01 Nov 09:00"),
            "next year's"
        );
        assert_eq!(at("today"), None, "09:00 today has passed");
        assert_eq!(at("soon"), None);
        assert_eq!(at("31-02"), None);
    }
}
