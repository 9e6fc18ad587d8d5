//! Direct identifiers of clients in what people type: BSN (nine digits that
//! pass the 11-test), IBAN (mod-97, via `iban_validate`), phone numbers (Dutch
//! and international, via `phonenumber`), e-mail addresses, Dutch postcodes
//! with a house number, and dates of birth. Pure: the round engine checks
//! every case text and answer with it before anything is stored or posted.
//!
//! Candidates are found generously (with spaces, dots and dashes between the
//! digits, inside sentences) and then confirmed by their checksum or number
//! plan, so that ordinary numbers ("30 hours", "250 clients") pass.

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::OnceLock;

/// A kind of direct identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    Bsn,
    Iban,
    Phone,
    Email,
    Postcode,
    BirthDate,
}

impl Kind {
    /// The message id naming this kind to people.
    pub fn message(self) -> &'static str {
        match self {
            Kind::Bsn => "pii-bsn",
            Kind::Iban => "pii-iban",
            Kind::Phone => "pii-phone",
            Kind::Email => "pii-email",
            Kind::Postcode => "pii-postcode",
            Kind::BirthDate => "pii-birth-date",
        }
    }

    /// What replaces an identifier of this kind in a pseudonymised text.
    pub fn placeholder(self) -> &'static str {
        match self {
            Kind::Bsn => "[BSN]",
            Kind::Iban => "[IBAN]",
            Kind::Phone => "[tel]",
            Kind::Email => "[e-mail]",
            Kind::Postcode => "[postcode]",
            Kind::BirthDate => "[geb.datum]",
        }
    }
}

/// One identifier found: its kind and where (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub span: Range<usize>,
}

struct Patterns {
    bsn: Regex,
    iban: Regex,
    phone: Regex,
    email: Regex,
    postcode: Regex,
    numeric_date: Regex,
    iso_date: Regex,
    written_date: Regex,
    birth_word: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("a valid built-in pattern");
        Patterns {
            // Nine digits, optionally grouped by single spaces, dots or dashes.
            bsn: re(r"\b\d(?:[ .\-]?\d){8}\b"),
            // Country code, check digits, then 11–30 letters/digits, maybe in groups.
            iban: re(r"(?i)\b[a-z]{2}\d{2}(?:[ ]?[a-z0-9]){11,30}\b"),
            // A plus or a digit, then digits with the usual separators.
            phone: re(r"(?:\+|\b)\d[\d \-.()/]{6,20}\d\b"),
            email: re(r"(?i)\b[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}\b"),
            // 1234 AB, 1234AB; with a house number after it or a street number before.
            postcode: re(r"\b[1-9]\d{3} ?[A-Z]{2}\b|\b[1-9]\d{3}[a-z]{2}\b"),
            numeric_date: re(r"\b(\d{1,2})[\-/.](\d{1,2})[\-/.](\d{4}|\d{2})\b"),
            iso_date: re(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
            written_date: re(
                r"(?i)\b(\d{1,2})(?:e|st|nd|rd|th)? (jan|januari|january|feb|februari|february|mrt|maart|mar|march|apr|april|mei|may|jun|juni|june|jul|juli|july|aug|augustus|august|sep|sept|september|okt|oktober|oct|october|nov|november|dec|december)\.? (\d{4})\b",
            ),
            birth_word: re(
                r"(?i)(geboren|geb\.|geboortedatum|geboortedag|born|date of birth|birth date|birthdate|d\.o\.b\.|dob)\W{0,3}(?:\w+\W+){0,3}$",
            ),
        }
    })
}

/// Every identifier in `text`, in order, not overlapping. `this_year` tells
/// dates of birth (years at least 12 years back, or after "born") from other
/// dates.
pub fn find(text: &str, this_year: i32) -> Vec<Hit> {
    let p = patterns();
    let mut hits: Vec<Hit> = Vec::new();
    let add = |kind: Kind, span: Range<usize>, hits: &mut Vec<Hit>| {
        if !hits
            .iter()
            .any(|h| h.span.start < span.end && span.start < h.span.end)
        {
            hits.push(Hit { kind, span });
        }
    };
    // Most specific first: an e-mail may contain digits, an IBAN a BSN-like run.
    for m in p.email.find_iter(text) {
        add(Kind::Email, m.range(), &mut hits);
    }
    for m in p.iban.find_iter(text) {
        if let Some(end) = valid_iban_prefix(m.as_str()) {
            add(Kind::Iban, m.start()..m.start() + end, &mut hits);
        }
    }
    for m in p.bsn.find_iter(text) {
        if eleven_test(m.as_str()) {
            add(Kind::Bsn, m.range(), &mut hits);
        }
    }
    for (span, _) in dates(text, this_year) {
        add(Kind::BirthDate, span, &mut hits);
    }
    for m in p.postcode.find_iter(text) {
        if let Some(address) = with_house_number(text, m.range()) {
            add(Kind::Postcode, address, &mut hits);
        }
    }
    for m in p.phone.find_iter(text) {
        let s = m.as_str().trim_end_matches([' ', '-', '.', '(', '/']);
        if is_phone(s) {
            add(Kind::Phone, m.start()..m.start() + s.len(), &mut hits);
        }
    }
    hits.sort_by_key(|h| h.span.start);
    hits
}

/// "I found a BSN and a phone number": the kinds, each once, in order.
pub fn found(hits: &[Hit]) -> super::message::MessageRef {
    let mut kinds: Vec<Kind> = hits.iter().map(|h| h.kind).collect();
    kinds.sort();
    kinds.dedup();
    let bsn = kinds.contains(&Kind::Bsn);
    super::msg::PII_FOUND
        .msg()
        .arg(
            "kinds",
            super::message::Arg::List(
                kinds
                    .iter()
                    .map(|k| super::message::Arg::Msg(k.message().to_string()))
                    .collect(),
            ),
        )
        .num("bsn", i64::from(bsn))
}

/// `text` with every hit replaced by its placeholder.
pub fn mask(text: &str, hits: &[Hit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for h in hits {
        out.push_str(&text[at..h.span.start]);
        out.push_str(h.kind.placeholder());
        at = h.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The BSN 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and
/// not all zeros). Separators are ignored; anything but nine digits fails.
pub fn eleven_test(s: &str) -> bool {
    let digits: Vec<i64> = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-'))
        .map(|c| c.to_digit(10).map(i64::from))
        .collect::<Option<_>>()
        .unwrap_or_default();
    if digits.len() != 9 || digits.iter().all(|d| *d == 0) {
        return false;
    }
    let sum: i64 = digits[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(d, w)| d * w)
        .sum::<i64>()
        - digits[8];
    sum % 11 == 0
}

/// The longest prefix of a candidate (ending at a group boundary) that is a
/// valid IBAN, as a byte length.
fn valid_iban_prefix(candidate: &str) -> Option<usize> {
    let ends: Vec<usize> = candidate
        .char_indices()
        .filter(|(i, _)| candidate[*i..].starts_with(' ') || *i + 1 == candidate.len())
        .map(|(i, c)| if c == ' ' { i } else { i + 1 })
        .collect();
    ends.into_iter().rev().find(|end| {
        let compact: String = candidate[..*end]
            .chars()
            .filter(|c| *c != ' ')
            .collect::<String>()
            .to_uppercase();
        compact.parse::<iban::Iban>().is_ok()
    })
}

/// A phone number by the number plan: Dutch numbers as written in the
/// Netherlands (06…, 020…), international ones with + or 00.
fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if !(9..=15).contains(&digits) {
        return false;
    }
    let normal = match s.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => s.to_string(),
    };
    if !normal.starts_with('+') && !normal.starts_with('0') {
        return false;
    }
    phonenumber::parse(Some(phonenumber::country::Id::NL), &normal)
        .map(|n| phonenumber::is_valid(&n))
        .unwrap_or(false)
}

/// A postcode counts with a house number right after it ("1234 AB 12") or a
/// street number right before it ("Dorpsstraat 12, 1234 AB"); the span
/// returned covers the number too, so the two are masked together.
fn with_house_number(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    static AFTER: OnceLock<Regex> = OnceLock::new();
    static BEFORE: OnceLock<Regex> = OnceLock::new();
    let after = AFTER.get_or_init(|| {
        Regex::new(r"^,? ?\d{1,5}(?: ?[a-zA-Z]\b)?(?: ?[-–] ?\d+)?\b").expect("valid")
    });
    let before = BEFORE.get_or_init(|| {
        Regex::new(r"(?i)[a-zà-ÿ]{2,}\.? (\d{1,5} ?[a-z]?(?: ?[-–] ?\d+)?,? ?)$").expect("valid")
    });
    if let Some(m) = after.find(&text[span.end..]) {
        return Some(span.start..span.end + m.end());
    }
    let number = before.captures(&text[..span.start])?.get(1)?;
    Some(number.start()..span.end)
}

/// Full dates that are dates of birth: preceded by a word like "born", or
/// with a year at least 12 years back (a two-digit year only after such a word).
fn dates(text: &str, this_year: i32) -> Vec<(Range<usize>, NaiveDate)> {
    let p = patterns();
    let mut out = Vec::new();
    let mut consider = |span: Range<usize>, y: &str, m: u32, d: u32| {
        let after_birth_word = p.birth_word.is_match(&text[..span.start]);
        let year: i32 = match (y.len(), y.parse::<i32>()) {
            (4, Ok(y)) => y,
            (2, Ok(y)) if after_birth_word => {
                if 2000 + y <= this_year {
                    2000 + y
                } else {
                    1900 + y
                }
            }
            _ => return,
        };
        let Some(date) = NaiveDate::from_ymd_opt(year, m, d) else {
            return;
        };
        let old_enough = (1900..=this_year - 12).contains(&date.year());
        if after_birth_word || old_enough {
            out.push((span, date));
        }
    };
    for c in p.numeric_date.captures_iter(text) {
        let (d, m) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        consider(c.get(0).map_or(0..0, |m| m.range()), &c[3], m, d);
    }
    for c in p.iso_date.captures_iter(text) {
        let (m, d) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
        consider(c.get(0).map_or(0..0, |m| m.range()), &c[1], m, d);
    }
    for c in p.written_date.captures_iter(text) {
        let d = c[1].parse().unwrap_or(0);
        let m = month(&c[2]);
        consider(c.get(0).map_or(0..0, |m| m.range()), &c[3], m, d);
    }
    out
}

fn month(name: &str) -> u32 {
    let n = name.to_lowercase();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "ma", "apr", "m", "jun", "jul", "aug", "sep", "o", "nov", "dec",
    ];
    // "mei"/"may" and "mrt"/"maart"/"mar"/"march" share letters: check them first.
    if n == "mei" || n == "may" {
        return 5;
    }
    if n.starts_with("mrt") || n.starts_with("maa") || n.starts_with("mar") {
        return 3;
    }
    MONTHS
        .iter()
        .position(|p| n.starts_with(p))
        .map_or(0, |i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        find(text, 2026).into_iter().map(|h| h.kind).collect()
    }

    #[test]
    fn months_in_both_languages() {
        for (n, m) in [
            ("januari", 1),
            ("feb", 2),
            ("maart", 3),
            ("march", 3),
            ("mrt", 3),
            ("apr", 4),
            ("mei", 5),
            ("may", 5),
            ("juni", 6),
            ("july", 7),
            ("augustus", 8),
            ("sept", 9),
            ("oktober", 10),
            ("oct", 10),
            ("nov", 11),
            ("december", 12),
        ] {
            assert_eq!(month(n), m, "{n}");
        }
    }

    #[test]
    fn masking_replaces_exactly_the_hits() {
        let t = "Bel 06-12345678 of mail a@b.nl.";
        let hits = find(t, 2026);
        assert_eq!(mask(t, &hits), "Bel [tel] of mail [e-mail].");
        assert_eq!(kinds("niets bijzonders"), vec![]);
    }
}
