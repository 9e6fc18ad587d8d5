//! `group …`: the group setting a coordinator changes, as written.

use super::{CommandError, GroupChange};
use crate::core::span::Span;

/// `group [quiet 20-8 | weekends quiet|open | tz Europe/Amsterdam]`.
pub(super) fn change(args: &str) -> Result<Option<GroupChange>, CommandError> {
    let (what, value) = match args.split_once(char::is_whitespace) {
        Some((w, v)) => (w.to_lowercase(), v.trim()),
        None if args.is_empty() => return Ok(None),
        None => (args.to_lowercase(), ""),
    };
    let bad = || CommandError::BadGroupSetting(args.to_string());
    Ok(Some(match what.as_str() {
        "quiet" | "stil" | "rust" => {
            let (from, until) = crate::core::timers::Quiet::parse_hours(value).ok_or_else(bad)?;
            GroupChange::Quiet(from, until)
        }
        "weekends" | "weekend" => match value.to_lowercase().as_str() {
            "quiet" | "stil" | "on" | "aan" | "rust" => GroupChange::Weekends(true),
            "open" | "off" | "uit" => GroupChange::Weekends(false),
            _ => return Err(bad()),
        },
        "tz" | "timezone" | "tijdzone" => {
            GroupChange::Tz(value.parse::<chrono_tz::Tz>().map_err(|_| bad())?)
        }
        "flow" | "method" | "methode" if !value.is_empty() => GroupChange::Flow(value.to_string()),
        "deadline" | "deadlines" | "termijn" | "termijnen" => {
            GroupChange::Deadlines(Span::parse(value).ok_or_else(bad)?)
        }
        _ => return Err(bad()),
    }))
}
