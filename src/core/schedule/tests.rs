//! The schedule: rhythms read, moments local and out of quiet hours, turns.

use super::*;
use crate::core::ids::Platform;
use chrono_tz::Europe::Amsterdam;

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Amsterdam)
        .format("%a %d %b %H:%M")
        .to_string()
}

fn person(name: &str) -> Person {
    Person {
        user: UserRef::new(Platform::Console, name),
        name: name.into(),
        profession: None,
    }
}

fn schedule(rhythm: &str, prepare: u32, now: DateTime<Utc>) -> Schedule {
    Schedule::new(
        ("golden-circle".into(), "golden-circle-name".into()),
        rhythm,
        vec![person("Anna"), person("Bram")],
        prepare,
        person("Chris"),
        now,
        Amsterdam,
        Quiet::default(),
    )
    .unwrap()
}

#[test]
fn rhythms_as_people_write_them() {
    let r = |s: &str| read_rhythm(s).map(|(rule, time)| (rule, time.format("%H:%M").to_string()));
    assert_eq!(
        r("first Tuesday of the month 10:00"),
        Some(("FREQ=MONTHLY;BYDAY=1TU".into(), "10:00".into()))
    );
    assert_eq!(
        r("eerste dinsdag van de maand om 9.30"),
        Some(("FREQ=MONTHLY;BYDAY=1TU".into(), "09:30".into()))
    );
    assert_eq!(
        r("Last Friday of the month"),
        Some(("FREQ=MONTHLY;BYDAY=-1FR".into(), "10:00".into()))
    );
    assert_eq!(
        r("every 2 weeks on Thursday 14u"),
        Some(("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH".into(), "14:00".into()))
    );
    assert_eq!(
        r("elke week op maandag"),
        Some(("FREQ=WEEKLY;BYDAY=MO".into(), "10:00".into()))
    );
    assert_eq!(
        r("FREQ=MONTHLY;BYDAY=2WE"),
        Some(("FREQ=MONTHLY;BYDAY=2WE".into(), "10:00".into()))
    );
    for bad in [
        "",
        "first of the month",
        "every Tuesday sometimes",
        "tweede",
        "every 99 weeks on Monday",
        "FREQ=SOMETIMES",
        "25:00 first Tuesday",
    ] {
        assert_eq!(read_rhythm(bad), None, "{bad}");
    }
}

#[test]
fn the_next_moment_stays_local_across_summer_time() {
    // Set on 1 December 2026: the first Tuesdays at 10:00 Amsterdam,
    // 09:00 UTC in winter and 08:00 UTC after 28 March 2027.
    let mut s = schedule(
        "first Tuesday of the month 10:00",
        5,
        t("2026-12-01T12:00:00Z"),
    );
    let mut seen = Vec::new();
    for _ in 0..5 {
        let at = s.next.as_ref().unwrap().at;
        seen.push((local(at), at.format("%H:%M UTC").to_string()));
        s.plan(at, Amsterdam, Quiet::default());
    }
    assert_eq!(
        seen,
        [
            ("Tue 05 Jan 10:00", "09:00 UTC"),
            ("Tue 02 Feb 10:00", "09:00 UTC"),
            ("Tue 02 Mar 10:00", "09:00 UTC"),
            ("Tue 06 Apr 10:00", "08:00 UTC"),
            ("Tue 04 May 10:00", "08:00 UTC"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn an_evening_rhythm_opens_when_quiet_hours_end() {
    let s = schedule(
        "every week on Wednesday 21:00",
        2,
        t("2026-12-01T12:00:00Z"),
    );
    assert_eq!(local(s.next.unwrap().at), "Thu 03 Dec 08:00");
}

#[test]
fn preparing_does_not_start_on_a_quiet_weekend() {
    // Tuesday 5 January, three days before: Saturday -> the Friday.
    let s = schedule(
        "first Tuesday of the month 10:00",
        3,
        t("2026-12-01T12:00:00Z"),
    );
    let up = s.next.clone().unwrap();
    assert_eq!(
        local(s.prepare_at(&up, Amsterdam, Quiet::default())),
        "Fri 01 Jan 10:00"
    );
    // Missing the day before: Monday 4 January, 10:00 at the latest.
    let warn = s.warn_at(&up, t("2026-12-01T12:00:00Z"), Amsterdam, Quiet::default());
    assert_eq!(warn.map(local).as_deref(), Some("Mon 04 Jan 10:00"));
}

#[test]
fn the_case_owner_takes_turns_and_is_asked_once() {
    let mut s = schedule(
        "first Tuesday of the month 10:00",
        5,
        t("2026-12-01T12:00:00Z"),
    );
    let mut asked = Vec::new();
    let mut opened = Vec::new();
    while opened.len() < 3 {
        let now = s.next_timer(Amsterdam, Quiet::default()).unwrap();
        match tick(&mut s, now, Amsterdam, Quiet::default()) {
            Some(Due::Say(say)) => asked.extend(
                say.into_iter()
                    .map(|(u, m)| (local(now), u.id, m.blocks.len())),
            ),
            Some(Due::Open(up)) => opened.push((local(up.at), up.owner.unwrap().name)),
            None => unreachable!(),
        }
    }
    assert_eq!(
        opened,
        [
            ("Tue 05 Jan 10:00", "Anna"),
            ("Tue 02 Feb 10:00", "Bram"),
            ("Tue 02 Mar 10:00", "Anna")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Each owner asked once (with the template), then the coordinator
    // and the owner told the day before that the case is missing.
    assert_eq!(
        asked[0],
        ("Thu 31 Dec 10:00".to_string(), "Anna".to_string(), 2)
    );
    assert_eq!(asked[1].1, "Chris");
    assert_eq!(asked[2].1, "Anna");
    assert_eq!(asked.iter().filter(|a| a.2 == 2).count(), 3);
}

use proptest::prelude::*;

proptest! {
    /// Nothing a schedule sends a person falls in quiet hours, for any
    /// time zone, quiet hours, rhythm and preparation time.
    #[test]
    fn a_schedule_never_writes_to_anyone_in_quiet_hours(
        tz_i in 0usize..6,
        from in 0u32..24,
        until in 0u32..24,
        weekends: bool,
        rhythm_i in 0usize..5,
        hour in 0u32..24,
        prepare in 0u32..10,
        start_day in 0i64..400,
    ) {
        let tz = [Amsterdam, chrono_tz::America::New_York, chrono_tz::Asia::Kolkata,
            chrono_tz::Australia::Sydney, chrono_tz::UTC, chrono_tz::Pacific::Chatham][tz_i];
        let quiet = Quiet { from, until, weekends };
        let rhythm = ["first Tuesday of the month", "last Friday of the month",
            "every 2 weeks on Sunday", "every week on Monday", "third Saturday of the month"][rhythm_i];
        let now = t("2026-01-01T00:00:00Z") + TimeDelta::days(start_day);
        let mut s = Schedule::new(
            ("f".into(), "f-name".into()),
            &format!("{rhythm} {hour}:00"),
            vec![person("Anna"), person("Bram")],
            prepare,
            person("Chris"),
            now,
            tz,
            quiet,
        ).unwrap();
        for _ in 0..20 {
            let Some(at) = s.next_timer(tz, quiet) else { break };
            if let Some(Due::Say(say)) = tick(&mut s, at, tz, quiet) {
                if !say.is_empty() {
                    prop_assert!(quiet.allows(at, tz), "{} in quiet hours", at);
                }
            }
        }
    }
}

#[test]
fn a_schedule_set_the_day_after_clocks_went_forward_still_reads() {
    // Set on Monday 30 March 2026: the day before had no 02:30 in
    // Amsterdam, which is where the rule is counted from.
    let s = schedule("every week on Monday 2:30", 0, t("2026-03-30T12:00:00Z"));
    assert_eq!(
        local(s.next.unwrap().at),
        "Mon 06 Apr 08:00",
        "02:30 is quiet: at 08:00"
    );
    let quiet_free = Quiet {
        from: 0,
        until: 0,
        weekends: false,
    };
    let s = Schedule::new(
        ("f".into(), "f-name".into()),
        "every week on Monday 2:30",
        vec![person("Anna")],
        0,
        person("Chris"),
        t("2026-03-30T12:00:00Z"),
        Amsterdam,
        quiet_free,
    )
    .unwrap();
    assert_eq!(local(s.next.unwrap().at), "Mon 06 Apr 02:30");
}
