//! Suggestions while someone types a command's argument (Discord's
//! autocomplete): the methods, the professions, the rounds of a place. Pure:
//! what is suggested follows from the catalogue, the rounds and what was
//! typed so far, in the person's language.

use crate::core::ids::{GroupId, Locale};
use crate::core::message::MessageRef;
use crate::core::round::Round;
use crate::flows::Catalog;

/// The most suggestions a platform shows at once (Discord: 25).
pub const MOST: usize = 25;
/// Discord's longest choice name and value.
const LONGEST: usize = 100;

/// One suggestion: what the person reads, and what is filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub label: String,
    pub value: String,
}

/// Lower case, without accents that phones may or may not type, and
/// punctuation as spaces: the folding the frame catalogue uses.
fn fold(s: &str) -> String {
    crate::frames::detect::fold(s).0
}

/// How well `typed` fits any of `words`: 0 a word starts with it, 1 a word
/// contains it, None not at all. Nothing typed fits everything.
fn fit<'a>(typed: &str, words: impl IntoIterator<Item = &'a str>) -> Option<u8> {
    let typed = fold(typed.trim());
    if typed.is_empty() {
        return Some(0);
    }
    words
        .into_iter()
        .map(fold)
        .filter_map(|w: String| {
            if w.starts_with(&typed) {
                Some(0)
            } else if w.contains(&typed) {
                Some(1)
            } else {
                None
            }
        })
        .min()
}

fn say(catalog: &Catalog, id: &str, l: Locale) -> String {
    catalog.strings.render_ref(
        &MessageRef::new(id.to_string()),
        l,
        chrono_tz::UTC,
        &mut Vec::new(),
    )
}

fn clip(s: String) -> String {
    if s.chars().count() <= LONGEST {
        return s;
    }
    let mut out: String = s.chars().take(LONGEST - 1).collect();
    out.push('…');
    out
}

/// Best fits first, then in the given order; at most [`MOST`].
fn best(mut found: Vec<(u8, usize, Suggestion)>) -> Vec<Suggestion> {
    found.sort_by_key(|(fit, order, _)| (*fit, *order));
    found.into_iter().take(MOST).map(|(_, _, s)| s).collect()
}

/// The methods whose id or name (in either language) fits what was typed;
/// labelled with the name in `l` and the id.
pub fn flows(catalog: &Catalog, typed: &str, l: Locale) -> Vec<Suggestion> {
    let found = catalog
        .flows
        .values()
        .enumerate()
        .filter_map(|(i, f)| {
            let names: Vec<String> = Locale::ALL
                .iter()
                .map(|l| say(catalog, &f.name, *l))
                .collect();
            let how = fit(
                typed,
                std::iter::once(f.id.as_str()).chain(names.iter().map(String::as_str)),
            )?;
            let label = clip(format!("{} ({})", say(catalog, &f.name, l), f.id));
            Some((
                how,
                i,
                Suggestion {
                    label,
                    value: f.id.clone(),
                },
            ))
        })
        .collect();
    best(found)
}

/// The professions people can join with whose id, alias or name fits.
pub fn professions(catalog: &Catalog, typed: &str, l: Locale) -> Vec<Suggestion> {
    let found = catalog
        .roles
        .roles
        .iter()
        .filter(|r| r.profession)
        .enumerate()
        .filter_map(|(i, r)| {
            let names: Vec<String> = Locale::ALL
                .iter()
                .map(|l| say(catalog, &r.name, *l))
                .collect();
            let words = std::iter::once(r.id.0.as_str())
                .chain(r.aliases.iter().map(String::as_str))
                .chain(names.iter().map(String::as_str));
            let how = fit(typed, words)?;
            let label = clip(say(catalog, &r.name, l));
            Some((
                how,
                i,
                Suggestion {
                    label,
                    value: r.id.0.clone(),
                },
            ))
        })
        .collect();
    best(found)
}

/// The rounds of `group` whose number or title fits, newest first.
pub fn rounds(rounds: &[Round], group: &GroupId, typed: &str) -> Vec<Suggestion> {
    let typed = typed.trim().trim_start_matches('#');
    let mut mine: Vec<&Round> = rounds.iter().filter(|r| &r.group == group).collect();
    mine.sort_by_key(|r| std::cmp::Reverse(r.id.0));
    let found = mine
        .into_iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let number = r.id.0.to_string();
            let how = fit(typed, [number.as_str(), r.title.as_str()])?;
            Some((
                how,
                i,
                Suggestion {
                    label: clip(format!("#{} {}", r.id.0, r.title)),
                    value: number,
                },
            ))
        })
        .collect();
    best(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flows::Sources;

    fn catalog() -> Catalog {
        Catalog::load(&Sources::embedded()).unwrap()
    }

    #[test]
    fn a_method_is_found_by_its_id_and_by_its_name_in_either_language() {
        let c = catalog();
        let by_id = flows(&c, "golden", Locale::En);
        assert_eq!(by_id[0].value, "golden-circle");
        // Typed in Dutch, shown in Dutch.
        let by_name = flows(&c, "gouden", Locale::Nl);
        assert_eq!(by_name[0].value, "golden-circle");
        assert!(by_name[0].label.contains("Gouden"), "{by_name:?}");
        assert!(flows(&c, "zzz-no-such", Locale::En).is_empty());
        // Nothing typed: every method, at most 25.
        let all = flows(&c, "", Locale::En);
        assert_eq!(all.len(), c.flows.len().min(MOST));
    }

    #[test]
    fn a_profession_is_found_by_alias_and_never_offers_the_client() {
        let c = catalog();
        let all = professions(&c, "", Locale::Nl);
        assert!(!all.is_empty());
        assert!(all.iter().all(|s| s.value != "client"), "{all:?}");
        let some = professions(&c, "sw", Locale::En);
        assert!(!some.is_empty());
    }

    #[test]
    fn rounds_of_this_place_only_newest_first() {
        let c = catalog();
        let flow = c.flow("golden-circle").unwrap();
        let here = GroupId::new(crate::core::ids::Platform::Discord, "10");
        let there = GroupId::new(crate::core::ids::Platform::Discord, "11");
        let make = |id: u64, g: &GroupId, title: &str| {
            let who = crate::core::ids::UserRef::new(crate::core::ids::Platform::Discord, "1");
            let new = crate::core::NewRound {
                id: crate::core::ids::RoundId(id),
                group: g.clone(),
                title: title.into(),
                locale: Locale::En,
                tz: chrono_tz::UTC,
                quiet: Default::default(),
                coordinator: who,
                coordinator_name: "Co".into(),
                owner: None,
                participants: Vec::new(),
                previous_actions: Vec::new(),
                retention_days: 30,
                prepared: None,
                deadlines: None,
            };
            crate::core::start(new, chrono::Utc::now(), flow).round
        };
        let all = vec![
            make(1, &here, "Noor"),
            make(2, &there, "Elders"),
            make(3, &here, "Bakker"),
        ];
        let got = rounds(&all, &here, "");
        assert_eq!(
            got.iter().map(|s| s.value.as_str()).collect::<Vec<_>>(),
            ["3", "1"]
        );
        assert_eq!(rounds(&all, &here, "#1")[0].value, "1");
        assert_eq!(rounds(&all, &here, "noo")[0].value, "1");
        assert!(rounds(&all, &here, "Elders").is_empty());
    }
}
