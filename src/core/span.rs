//! Durations as people type them: `30m`, `12h`, `3d`, `1w`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A length of time in whole seconds. Serialises as seconds; shown as the
/// largest whole unit (`2d`, `90m`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span(pub i64);

impl Span {
    pub const MINUTE: i64 = 60;
    pub const HOUR: i64 = 3600;
    pub const DAY: i64 = 86_400;
    pub const WEEK: i64 = 7 * 86_400;

    pub fn seconds(self) -> i64 {
        self.0
    }

    pub fn delta(self) -> chrono::TimeDelta {
        chrono::TimeDelta::seconds(self.0)
    }

    /// Parses `30m`, `12h`, `3d`, `1w` (also `2d12h`). No sign, no zero.
    pub fn parse(text: &str) -> Option<Span> {
        Self::parse_seconds(text)
            .filter(|t| *t <= Self::LONGEST)
            .map(Span)
    }

    /// The longest span brug takes: a year (366 days).
    pub const LONGEST: i64 = 366 * Self::DAY;

    /// Whether `text` is a duration, only longer than [`Span::LONGEST`].
    pub fn is_too_long(text: &str) -> bool {
        Self::parse_seconds(text).is_some_and(|t| t > Self::LONGEST)
    }

    /// The seconds `text` says, whatever their number.
    fn parse_seconds(text: &str) -> Option<i64> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let mut total: i64 = 0;
        let mut digits = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            let unit = match c.to_ascii_lowercase() {
                's' => 1,
                'm' => Self::MINUTE,
                'h' | 'u' => Self::HOUR,
                'd' => Self::DAY,
                'w' => Self::WEEK,
                _ => return None,
            };
            let n: i64 = digits.parse().ok()?;
            digits.clear();
            total = total.checked_add(n.checked_mul(unit)?)?;
        }
        if !digits.is_empty() || total <= 0 {
            return None;
        }
        Some(total)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        for (unit, name) in [
            (Self::WEEK, "w"),
            (Self::DAY, "d"),
            (Self::HOUR, "h"),
            (Self::MINUTE, "m"),
        ] {
            if s % unit == 0 {
                return write!(f, "{}{}", s / unit, name);
            }
        }
        write!(f, "{s}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units() {
        assert_eq!(Span::parse("30m"), Some(Span(1800)));
        assert_eq!(Span::parse("12h"), Some(Span(12 * 3600)));
        assert_eq!(Span::parse("3d"), Some(Span(3 * 86_400)));
        assert_eq!(Span::parse("1w"), Some(Span(7 * 86_400)));
        assert_eq!(Span::parse("2d12h"), Some(Span(2 * 86_400 + 12 * 3600)));
        assert_eq!(Span::parse("12u"), Some(Span(12 * 3600)));
    }

    #[test]
    fn refuses_nonsense() {
        for bad in ["", "d", "3", "-1d", "0h", "3x", "1d2", "999w"] {
            assert_eq!(Span::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn shows_largest_unit() {
        assert_eq!(Span(2 * 86_400).to_string(), "2d");
        assert_eq!(Span(90 * 60).to_string(), "90m");
        assert_eq!(Span(14 * 86_400).to_string(), "2w");
    }
}
