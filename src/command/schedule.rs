//! `schedule …`: a group's recurring rounds, as a coordinator writes them:
//! `schedule golden-circle first Tuesday of the month 10:00; owners Anna,
//! Bram; prepare 5d`, `schedule off`, or `schedule` alone to see it. The
//! rhythm itself is read in `core::schedule`.

use super::CommandError;
use crate::core::span::Span;

/// Days before a round its case owner is asked to prepare, unless said.
pub const PREPARE_DAYS: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleChange {
    /// No more recurring rounds.
    Off,
    Set {
        flow: String,
        rhythm: String,
        /// Case owners in turn, as written (names or mentions).
        owners: Vec<String>,
        prepare_days: u32,
    },
}

pub(super) fn parse(args: &str) -> Result<Option<ScheduleChange>, CommandError> {
    let args = args.trim();
    if args.is_empty() {
        return Ok(None);
    }
    let bad = || CommandError::BadSchedule(args.to_string());
    if matches!(
        args.to_lowercase().as_str(),
        "off" | "stop" | "uit" | "none" | "geen"
    ) {
        return Ok(Some(ScheduleChange::Off));
    }
    let mut parts = args.split(';');
    let head = parts.next().unwrap_or_default().trim();
    let (flow, rhythm) = head.split_once(char::is_whitespace).ok_or_else(bad)?;
    let mut owners = Vec::new();
    let mut prepare_days = PREPARE_DAYS;
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (key, value) = part.split_once([' ', ':']).unwrap_or((part, ""));
        let value = value.trim().trim_start_matches(':').trim();
        match key.to_lowercase().as_str() {
            "owners" | "owner" | "case-owners" | "inbrengers" | "inbrenger" => {
                owners = value
                    .split([',', ' '])
                    .map(|o| o.trim().trim_start_matches('@'))
                    .filter(|o| !o.is_empty() && !matches!(*o, "and" | "en"))
                    .map(str::to_string)
                    .collect();
                if owners.is_empty() {
                    return Err(bad());
                }
            }
            "prepare" | "preparation" | "voorbereiden" | "voorbereiding" => {
                let days = value.parse::<u32>().ok().or_else(|| {
                    Span::parse(value)
                        .filter(|s| s.seconds() % Span::DAY == 0)
                        .map(|s| (s.seconds() / Span::DAY) as u32)
                });
                prepare_days = days.filter(|d| *d <= 28).ok_or_else(bad)?;
            }
            _ => return Err(bad()),
        }
    }
    Ok(Some(ScheduleChange::Set {
        flow: flow.to_string(),
        rhythm: rhythm.trim().to_string(),
        owners,
        prepare_days,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schedule_as_coordinators_write_it() {
        assert_eq!(parse(""), Ok(None));
        assert_eq!(parse("Off"), Ok(Some(ScheduleChange::Off)));
        assert_eq!(
            parse("golden-circle first Tuesday of the month 10:00; owners Anna, @Bram and Chris; prepare 1w"),
            Ok(Some(ScheduleChange::Set {
                flow: "golden-circle".into(),
                rhythm: "first Tuesday of the month 10:00".into(),
                owners: vec!["Anna".into(), "Bram".into(), "Chris".into()],
                prepare_days: 7,
            }))
        );
        assert_eq!(
            parse("roddel elke 2 weken op donderdag; inbrengers: Anna; voorbereiden 2"),
            Ok(Some(ScheduleChange::Set {
                flow: "roddel".into(),
                rhythm: "elke 2 weken op donderdag".into(),
                owners: vec!["Anna".into()],
                prepare_days: 2,
            }))
        );
        for bad in [
            "golden-circle",
            "x y; owners",
            "x y; prepare 12h",
            "x y; colour red",
            "x y; prepare 60",
        ] {
            assert_eq!(
                parse(bad),
                Err(CommandError::BadSchedule(bad.into())),
                "{bad}"
            );
        }
    }
}
