//! Reading answers as people type them: `why: …` fields, choice numbers,
//! `what; who; when` actions, and `3 text` scores.

use super::flow::Field;
use super::round::TEXT;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    /// Several fields and no `label:` in the text.
    NeedLabels,
    /// A line starts with `word:` that is none of the step's labels (as typed).
    UnknownLabel(String),
    /// A scale field without a number in its range (field label, low, high).
    BadScale(String, u8, u8),
    /// A reflect answer without a score 1–5 for this field.
    BadScore(String),
    /// Numbers out of range, or several where one is asked.
    BadChoice,
    /// Not `what; who; when`.
    BadAction,
}

/// Splits `why: …\nhow: …` into fields. Lines without a label continue the
/// field before them; a step with one field takes unlabelled text as-is. A
/// line that starts like a label (`Klantbeeld: …`) but names none of the
/// step's fields is refused rather than glued onto the field before it.
pub fn fields(text: &str, fields: &[Field]) -> Result<BTreeMap<String, String>, ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    if fields.is_empty() {
        out.insert(TEXT.to_string(), text.to_string());
        return Ok(out);
    }
    let mut current: Option<&Field> = None;
    let mut loose = Vec::new();
    let mut unknown = None;
    for line in text.lines() {
        if let Some((key, rest)) = line.split_once(':') {
            if let Some(f) = fields.iter().find(|f| f.matches(key)) {
                current = Some(f);
                append(&mut out, &f.id, rest.trim());
                continue;
            }
            if unknown.is_none() && looks_like_label(key, rest) {
                unknown = Some(key.trim().to_string());
            }
        }
        match current {
            Some(f) => append(&mut out, &f.id, line.trim()),
            None => loose.push(line.trim()),
        }
    }
    // Labels are in use (several fields, or one typed): an unknown one is
    // a typo or a synonym we do not know, never part of the field above.
    if let Some(key) = unknown.filter(|_| fields.len() > 1 || !out.is_empty()) {
        return Err(ParseError::UnknownLabel(key));
    }
    let loose = loose.join("\n");
    if !loose.trim().is_empty() {
        if fields.len() == 1 && out.is_empty() {
            out.insert(fields[0].id.clone(), loose.trim().to_string());
        } else {
            return Err(ParseError::NeedLabels);
        }
    }
    out.retain(|_, v| !v.trim().is_empty());
    if out.is_empty() {
        return Err(ParseError::NeedLabels);
    }
    Ok(out)
}

/// `Klantbeeld`, `Extra`, `Eerste stap`: one or two words of letters at the
/// start of a line, before a colon that is not part of a link or a time.
fn looks_like_label(key: &str, rest: &str) -> bool {
    let key = key.trim();
    let words = key.split_whitespace().count();
    (1..=2).contains(&words)
        && key.chars().count() <= 24
        && key.chars().next().is_some_and(char::is_alphabetic)
        && key
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && !rest.starts_with("//")
}

/// Checks the scale fields of `parsed`: each starts with a whole number in
/// its range (`7, because …`, `7/10`); words may follow.
pub fn scales(parsed: &BTreeMap<String, String>, fields: &[Field]) -> Result<(), ParseError> {
    for f in fields {
        let (Some((lo, hi)), Some(value)) = (f.scale, parsed.get(&f.id)) else {
            continue;
        };
        let digits: String = value
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        match digits.parse::<u8>() {
            Ok(n) if (lo..=hi).contains(&n) => {}
            _ => return Err(ParseError::BadScale(f.label.clone(), lo, hi)),
        }
    }
    Ok(())
}

fn append(out: &mut BTreeMap<String, String>, id: &str, line: &str) {
    let entry = out.entry(id.to_string()).or_default();
    if !entry.is_empty() && !line.is_empty() {
        entry.push('\n');
    }
    entry.push_str(line);
}

/// Scores 1–5 per field, and the words given with them.
pub type Scored = (BTreeMap<String, u8>, BTreeMap<String, String>);

/// Reads `4 good talk` per field into a score and the rest of the text.
pub fn scores(parsed: &BTreeMap<String, String>, fields: &[Field]) -> Result<Scored, ParseError> {
    let mut scores = BTreeMap::new();
    let mut texts = BTreeMap::new();
    for (id, value) in parsed {
        let value = value.trim();
        let (first, rest) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
        let first = first.trim_end_matches(['.', ',', '/']);
        let label = fields
            .iter()
            .find(|f| &f.id == id)
            .map(|f| f.label.clone())
            .unwrap_or_else(|| id.clone());
        match first.parse::<u8>() {
            Ok(n @ 1..=5) => {
                scores.insert(id.clone(), n);
                let rest = rest.trim_start_matches("/5").trim();
                if !rest.is_empty() {
                    texts.insert(id.clone(), rest.to_string());
                }
            }
            _ => return Err(ParseError::BadScore(label)),
        }
    }
    Ok((scores, texts))
}

/// Reads `2`, `1, 3` or `1 en 3` as option numbers within `1..=count`.
pub fn picks(text: &str, count: usize, multiple: bool) -> Result<Vec<u32>, ParseError> {
    let mut out: Vec<u32> = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_digit()) {
        if word.is_empty() {
            continue;
        }
        let n: u32 = word.parse().map_err(|_| ParseError::BadChoice)?;
        if n == 0 || n as usize > count {
            return Err(ParseError::BadChoice);
        }
        if !out.contains(&n) {
            out.push(n);
        }
    }
    if out.is_empty() || (!multiple && out.len() > 1) {
        return Err(ParseError::BadChoice);
    }
    out.sort_unstable();
    Ok(out)
}

/// Whether a line is meant as an action: it separates parts with `;` or `|`.
pub fn is_action_line(line: &str) -> bool {
    line.contains([';', '|'])
}

/// Reads `what; who; by when` (also with `|`).
pub fn action(text: &str) -> Result<(String, String, String), ParseError> {
    let parts: Vec<&str> = text
        .split([';', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [what, who, when] => Ok((what.to_string(), who.to_string(), when.to_string())),
        _ => Err(ParseError::BadAction),
    }
}

/// Whether a reply confirms something (`ja`, `yes`, `ok`).
/// The owner's consent confirmation at intake, in either language.
pub fn consent(text: &str) -> Option<super::round::Consent> {
    use super::round::Consent;
    let t = text.trim().trim_end_matches(['.', '!']).to_lowercase();
    match t.as_str() {
        "pseudonymised" | "pseudonymized" | "pseudonym" | "pseudoniem" | "gepseudonimiseerd"
        | "anonymised" | "anonymized" | "geanonimiseerd" | "anoniem" => {
            Some(Consent::Pseudonymised)
        }
        "consent" | "consented" | "toestemming" => Some(Consent::ClientConsent),
        _ => None,
    }
}

pub fn is_yes(text: &str) -> bool {
    matches!(
        text.trim()
            .trim_end_matches(['.', '!'])
            .to_lowercase()
            .as_str(),
        "ja" | "yes" | "ok" | "oké" | "akkoord" | "y" | "j" | "prima" | "goed"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(id: &str, alias: &str) -> Field {
        Field {
            id: id.into(),
            label: format!("l-{id}"),
            aliases: vec![alias.into()],
            device: None,
            scale: None,
        }
    }

    #[test]
    fn labelled_fields_with_continuation() {
        let fs = [f("why", "waarom"), f("how", "hoe"), f("what", "wat")];
        let got = fields("Waarom: omdat\nhet moet\nhow: samen\nWAT: bellen", &fs).unwrap();
        assert_eq!(got["why"], "omdat\nhet moet");
        assert_eq!(got["how"], "samen");
        assert_eq!(got["what"], "bellen");
    }

    #[test]
    fn unlabelled_text_needs_labels_when_several_fields() {
        let fs = [f("why", "waarom"), f("how", "hoe")];
        assert_eq!(fields("just text", &fs), Err(ParseError::NeedLabels));
        assert_eq!(fields("  ", &fs), Err(ParseError::Empty));
    }

    #[test]
    fn a_label_nobody_knows_is_refused_not_glued_on() {
        let fs = [f("why", "waarom"), f("how", "hoe")];
        assert_eq!(
            fields("waarom: x\nKlant beeld: y", &fs),
            Err(ParseError::UnknownLabel("Klant beeld".into()))
        );
        // A link, a time or a sentence with a colon is text, not a label.
        let got = fields(
            "waarom: zie https://x.nl\nom 10:30 gebeld\nzij zei het zo: nee",
            &fs,
        );
        assert_eq!(got.unwrap()["why"].lines().count(), 3);
        // One field and no labels at all: the text is the answer, colon or not.
        let one = [f("text", "tekst")];
        assert!(fields("Let op: dit is alles", &one).is_ok());
    }

    #[test]
    fn a_scale_starts_with_a_number_in_range() {
        let mut s = f("scale", "schaal");
        s.scale = Some((0, 10));
        let fs = [s];
        for ok in ["schaal: 0", "schaal: 7, omdat", "schaal: 10/10"] {
            assert_eq!(scales(&fields(ok, &fs).unwrap(), &fs), Ok(()), "{ok}");
        }
        for bad in ["schaal: elf", "schaal: 11", "schaal: -1", "schaal: 300"] {
            assert!(
                matches!(
                    scales(&fields(bad, &fs).unwrap(), &fs),
                    Err(ParseError::BadScale(..))
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_colon_in_free_text_is_not_a_label() {
        let got = fields("note: this is fine", &[]).unwrap();
        assert_eq!(got["text"], "note: this is fine");
    }

    #[test]
    fn scores_need_one_to_five() {
        let fs = [f("trust", "vertrouwen")];
        let parsed = fields("trust: 4 fine", &fs).unwrap();
        let (s, t) = scores(&parsed, &fs).unwrap();
        assert_eq!(s["trust"], 4);
        assert_eq!(t["trust"], "fine");
        let parsed = fields("trust: 7", &fs).unwrap();
        assert!(matches!(scores(&parsed, &fs), Err(ParseError::BadScore(_))));
    }

    #[test]
    fn picks_in_range() {
        assert_eq!(picks("1, 3", 3, true), Ok(vec![1, 3]));
        assert_eq!(picks("3 en 1", 3, true), Ok(vec![1, 3]));
        assert_eq!(picks("4", 3, true), Err(ParseError::BadChoice));
        assert_eq!(picks("1 2", 3, false), Err(ParseError::BadChoice));
        assert_eq!(picks("none", 3, false), Err(ParseError::BadChoice));
    }

    #[test]
    fn actions_need_three_parts() {
        assert_eq!(
            action("bel de huisbaas; Anna; vrijdag"),
            Ok(("bel de huisbaas".into(), "Anna".into(), "vrijdag".into()))
        );
        assert_eq!(action("bel de huisbaas"), Err(ParseError::BadAction));
    }
}
