//! The `!brug …` text grammar: text in, `Command` out, no I/O. Discord's slash
//! commands map onto the same enum.

mod group;
mod schedule;

pub use schedule::{ScheduleChange, PREPARE_DAYS};

use crate::core::ids::Locale;
use crate::core::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help {
        topic: Option<String>,
    },
    Flows,
    Start {
        flow: String,
        title: String,
    },
    Join {
        profession: Option<String>,
    },
    Leave,
    Status,
    Next,
    /// `next!`: on to the next step even though answers are missing.
    NextAnyway,
    Extend {
        by: Span,
    },
    Pause,
    Resume,
    Cancel,
    Owner {
        user: String,
    },
    Lang {
        lang: Locale,
    },
    ForgetMe,
    /// Show (no days) or set the group's retention period.
    Retention {
        days: Option<u32>,
    },
    Export {
        format: ExportFormat,
        round: Option<u64>,
    },
    /// `away <until>`: no reminders and no waiting until then.
    Away {
        until: Until,
    },
    /// `back`: an away period ends now.
    Back,
    /// `group`: the group's settings and participation; with a change, a
    /// coordinator sets one.
    Group {
        change: Option<GroupChange>,
    },
    /// `balance`: the facilitator's private view of the round.
    Balance,
    /// `schedule`: the group's recurring rounds; with a change, a
    /// coordinator sets or stops them.
    Schedule {
        change: Option<ScheduleChange>,
    },
}

/// What `group …` changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupChange {
    /// Quiet hours, from and until (local hours; equal for none).
    Quiet(u32, u32),
    /// Whether weekends are quiet too.
    Weekends(bool),
    /// The time zone (an IANA name).
    Tz(chrono_tz::Tz),
    /// The method `start` uses when none is named.
    Flow(String),
    /// The deadline of steps whose flow sets only a default one.
    Deadlines(Span),
}

/// How long someone is away: for a while, or until a day (they are back on
/// it, from its start in the group's time zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    For(Span),
    /// Day and month, with the year if given (else the next such day).
    On {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
}

impl Until {
    fn parse(s: &str) -> Option<Until> {
        if let Some(span) = Span::parse(s) {
            return Some(Until::For(span));
        }
        let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
        let num = |p: &str| p.trim().parse::<i64>().ok();
        let (day, month, year) = match parts.as_slice() {
            [y, m, d] if y.len() == 4 => (num(d)?, num(m)?, Some(num(y)?)),
            [d, m, y] => (num(d)?, num(m)?, Some(num(y)?)),
            [d, m] => (num(d)?, num(m)?, None),
            _ => return None,
        };
        let (day, month) = (u32::try_from(day).ok()?, u32::try_from(month).ok()?);
        let year = match year {
            Some(y) => Some(
                i32::try_from(y)
                    .ok()
                    .filter(|y| (2000..=2100).contains(y))?,
            ),
            None => None,
        };
        chrono::NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)?;
        Some(Until::On { day, month, year })
    }
}

/// How `export` sends the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// A readable message (Markdown-like text; HTML on Matrix).
    Md,
    Json,
}

/// Why a command could not be read; each has a translated one-line answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandError {
    Unknown(String),
    /// The command needs more words; its usage line is the message
    /// `usage-<command>` (in the person's language).
    Missing {
        command: &'static str,
    },
    BadDuration(String),
    /// A duration, but longer than brug takes.
    DurationTooLong(String),
    BadLang(String),
    /// `export` with a word that is neither a format nor a round.
    BadExportFormat(String),
    /// `retention` with something that is not a number of days in range.
    BadRetention(String),
    /// `away` with something that is neither a duration nor a date.
    BadUntil(String),
    /// `group` with a setting it does not know, or a wrong value.
    BadGroupSetting(String),
    /// `schedule` with something it cannot read.
    BadSchedule(String),
}

/// The prefix of text commands when the config names none; the message
/// texts are written with it (`Sources::with_prefix` shows another).
pub const DEFAULT_PREFIX: &str = "!brug";

/// Every subcommand; its usage line is the message `usage-<command>`, with
/// the placeholders in the person's language.
pub const COMMANDS: &[&str] = &[
    "help",
    "flows",
    "start",
    "join",
    "leave",
    "status",
    "next",
    "extend",
    "pause",
    "resume",
    "cancel",
    "owner",
    "lang",
    "forget-me",
    "retention",
    "export",
    "away",
    "back",
    "group",
    "balance",
    "schedule",
];

/// Reads `text` as a command if it starts with `prefix` (e.g. `!brug`), in
/// any case: phones capitalise the first letter (`!Brug status`).
/// `None` means it is not a command at all (an answer, or chat).
pub fn parse(text: &str, prefix: &str) -> Option<Result<Command, CommandError>> {
    let text = text.trim();
    let rest = strip_prefix_ignoring_case(text, prefix)?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some(parse_words(rest.trim()))
}

/// `text` after `prefix`, compared without regard to case.
pub fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    (head.to_lowercase() == prefix.to_lowercase()).then(|| &text[prefix.len()..])
}

/// Parses the words after the prefix (also used for Discord slash commands).
pub fn parse_words(rest: &str) -> Result<Command, CommandError> {
    let (word, args) = match rest.split_once(char::is_whitespace) {
        Some((w, a)) => (w, a.trim()),
        None => (rest, ""),
    };
    let arg = (!args.is_empty()).then(|| args.to_string());
    let missing = |command: &'static str| CommandError::Missing { command };
    Ok(match word.to_lowercase().as_str() {
        "" | "help" | "hulp" | "?" => Command::Help { topic: arg },
        "flows" | "methods" | "methodes" => Command::Flows,
        "start" => {
            let (flow, title) = match args.split_once(char::is_whitespace) {
                Some((f, t)) => (f.to_string(), t.trim().to_string()),
                None => (args.to_string(), String::new()),
            };
            // No method: the group's own (`group flow …`), if it has one.
            Command::Start { flow, title }
        }
        "join" | "doe-mee" | "meedoen" => Command::Join { profession: arg },
        "leave" | "verlaat" => Command::Leave,
        "forget-me" | "vergeet-mij" | "vergeet-me" => Command::ForgetMe,
        "retention" | "bewaartermijn" => match arg {
            None => Command::Retention { days: None },
            Some(a) => {
                let n = a.trim_end_matches(['d', 'D']).trim();
                match n.parse::<u32>() {
                    Ok(days) if days <= 3650 => Command::Retention { days: Some(days) },
                    _ => return Err(CommandError::BadRetention(a)),
                }
            }
        },
        "export" | "exporteer" => {
            let mut format = ExportFormat::Md;
            let mut round = None;
            for w in args.split_whitespace() {
                match w.to_lowercase().as_str() {
                    "md" | "markdown" | "text" | "tekst" => format = ExportFormat::Md,
                    "json" => format = ExportFormat::Json,
                    other => match other.trim_start_matches('#').parse::<u64>() {
                        Ok(n) => round = Some(n),
                        Err(_) => return Err(CommandError::BadExportFormat(w.to_string())),
                    },
                }
            }
            Command::Export { format, round }
        }
        "status" => Command::Status,
        "next!" | "volgende!" => Command::NextAnyway,
        "next" | "volgende" => match args.to_lowercase().as_str() {
            "" => Command::Next,
            // `next !`, and the slash command's `anyway` option.
            "!" | "anyway" | "toch" | "yes" | "ja" => Command::NextAnyway,
            _ => return Err(missing("next")),
        },
        "extend" | "verleng" => {
            if args.is_empty() {
                return Err(missing("extend"));
            }
            let by = Span::parse(args).ok_or_else(|| {
                if Span::is_too_long(args) {
                    CommandError::DurationTooLong(args.to_string())
                } else {
                    CommandError::BadDuration(args.to_string())
                }
            })?;
            Command::Extend { by }
        }
        "pause" | "pauze" => Command::Pause,
        "resume" | "hervat" => Command::Resume,
        "cancel" | "stop" | "annuleer" => Command::Cancel,
        "owner" | "inbrenger" => match arg {
            Some(user) => Command::Owner {
                user: user.trim_start_matches('@').to_string(),
            },
            None => return Err(missing("owner")),
        },
        "lang" | "taal" => {
            if args.is_empty() {
                return Err(missing("lang"));
            }
            let lang =
                Locale::parse(args).ok_or_else(|| CommandError::BadLang(args.to_string()))?;
            Command::Lang { lang }
        }
        "away" | "afwezig" | "weg" => match arg {
            None => return Err(missing("away")),
            Some(a) => match Until::parse(&a) {
                Some(until) => Command::Away { until },
                None if Span::is_too_long(&a) => return Err(CommandError::DurationTooLong(a)),
                None => return Err(CommandError::BadUntil(a)),
            },
        },
        "back" | "terug" => Command::Back,
        "balance" | "balans" => Command::Balance,
        "group" | "groep" => Command::Group {
            change: group::change(args)?,
        },
        "schedule" | "rooster" | "planning" => Command::Schedule {
            change: schedule::parse(args)?,
        },
        other => return Err(CommandError::Unknown(other.to_string())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Command, CommandError> {
        parse(s, "!brug").expect("a command")
    }

    #[test]
    fn not_a_command() {
        assert_eq!(parse("hello", "!brug"), None);
        assert_eq!(parse("!brugge is mooi", "!brug"), None);
        // Phones capitalise; people shout.
        for t in [
            "!Brug status",
            "!BRUG status",
            "!brug STATUS",
            "!Brug Status",
        ] {
            assert_eq!(parse(t, "!brug"), Some(Ok(Command::Status)), "{t}");
        }
        assert_eq!(parse("!Brugge is mooi", "!brug"), None);
        assert_eq!(parse("!bRuG Volgende", "!brug"), Some(Ok(Command::Next)));
    }
    #[test]
    fn away_for_a_while_or_until_a_day() {
        let d = |s: &str| Span::parse(s).unwrap();
        assert_eq!(
            p("!brug away 2w"),
            Ok(Command::Away {
                until: Until::For(d("2w"))
            })
        );
        assert_eq!(
            p("!Brug afwezig 24-12"),
            Ok(Command::Away {
                until: Until::On {
                    day: 24,
                    month: 12,
                    year: None
                }
            })
        );
        assert_eq!(
            p("!brug away 2027-01-04"),
            Ok(Command::Away {
                until: Until::On {
                    day: 4,
                    month: 1,
                    year: Some(2027)
                }
            })
        );
        assert_eq!(
            p("!brug away 31-02"),
            Err(CommandError::BadUntil("31-02".into()))
        );
        assert_eq!(
            p("!brug away soon"),
            Err(CommandError::BadUntil("soon".into()))
        );
        assert!(matches!(
            p("!brug away"),
            Err(CommandError::Missing { command: "away" })
        ));
        assert_eq!(p("!brug terug"), Ok(Command::Back));
    }
    #[test]
    fn group_settings() {
        assert_eq!(p("!brug group"), Ok(Command::Group { change: None }));
        assert_eq!(
            p("!brug groep stil 21-7"),
            Ok(Command::Group {
                change: Some(GroupChange::Quiet(21, 7))
            })
        );
        assert_eq!(
            p("!brug group weekends open"),
            Ok(Command::Group {
                change: Some(GroupChange::Weekends(false))
            })
        );
        assert_eq!(
            p("!brug group tz Europe/London"),
            Ok(Command::Group {
                change: Some(GroupChange::Tz(chrono_tz::Europe::London))
            })
        );
        for bad in ["quiet 25-7", "weekends maybe", "tz Mars/Base", "colour red"] {
            assert_eq!(
                p(&format!("!brug group {bad}")),
                Err(CommandError::BadGroupSetting(bad.into()))
            );
        }
    }
    #[test]
    fn help() {
        assert_eq!(p("!brug"), Ok(Command::Help { topic: None }));
        assert_eq!(
            p("!brug help start"),
            Ok(Command::Help {
                topic: Some("start".into())
            })
        );
    }
    #[test]
    fn start_with_title() {
        assert_eq!(
            p("!brug start golden-circle Noor gaat weer werken"),
            Ok(Command::Start {
                flow: "golden-circle".into(),
                title: "Noor gaat weer werken".into()
            })
        );
    }
    #[test]
    fn start_without_a_flow_is_left_to_the_group_s_own() {
        // The engine uses the group's method, or says what is missing.
        assert_eq!(
            p("!brug start"),
            Ok(Command::Start {
                flow: String::new(),
                title: String::new()
            })
        );
    }
    #[test]
    fn join() {
        assert_eq!(
            p("!brug join social-worker"),
            Ok(Command::Join {
                profession: Some("social-worker".into())
            })
        );
        assert_eq!(p("!brug join"), Ok(Command::Join { profession: None }));
    }
    #[test]
    fn extend() {
        assert_eq!(
            p("!brug extend 2d"),
            Ok(Command::Extend {
                by: Span(2 * 86_400)
            })
        );
        assert_eq!(
            p("!brug extend soon"),
            Err(CommandError::BadDuration("soon".into()))
        );
    }
    #[test]
    fn owner_strips_at() {
        assert_eq!(
            p("!brug owner @Bram"),
            Ok(Command::Owner {
                user: "Bram".into()
            })
        );
    }
    #[test]
    fn lang() {
        assert_eq!(p("!brug lang EN"), Ok(Command::Lang { lang: Locale::En }));
        assert_eq!(p("!brug lang fr"), Err(CommandError::BadLang("fr".into())));
    }
    #[test]
    fn unknown() {
        assert_eq!(
            p("!brug frobnicate"),
            Err(CommandError::Unknown("frobnicate".into()))
        );
    }
    #[test]
    fn dutch_aliases() {
        assert_eq!(p("!brug volgende"), Ok(Command::Next));
        for t in [
            "!brug next!",
            "!brug Volgende!",
            "!brug next anyway",
            "!brug volgende toch",
        ] {
            assert_eq!(p(t), Ok(Command::NextAnyway), "{t}");
        }
        assert_eq!(p("!brug taal nl"), Ok(Command::Lang { lang: Locale::Nl }));
    }
}
