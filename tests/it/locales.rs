//! Every message id used by code or by a flow exists in both locales with the
//! same variables; chat output has no Unicode isolation marks.

use super::support::{catalog, repo};
use brug::core::ids::Locale;
use brug::core::message::MessageRef;
use brug::flows::{check_code_ids, Catalog, Sources};

#[test]
fn the_built_in_data_loads_without_errors() {
    // Catalog::load checks code ids, flow ids and field labels in both locales.
    Catalog::load(&Sources::embedded()).unwrap();
    let on_disk = Sources::from_dirs(&repo().join("flows"), Some(&repo().join("locales"))).unwrap();
    Catalog::load(&on_disk).unwrap();
}

#[test]
fn both_locales_define_the_same_messages_with_the_same_variables() {
    let c = catalog();
    let nl: Vec<&str> = c.strings.ids(Locale::Nl).collect();
    let en: Vec<&str> = c.strings.ids(Locale::En).collect();
    assert_eq!(nl, en, "the locales define different message ids");
    for id in nl {
        assert_eq!(
            c.strings.vars(Locale::Nl, id),
            c.strings.vars(Locale::En, id),
            "variables of `{id}` differ"
        );
    }
}

#[test]
fn a_missing_or_mismatched_string_is_reported() {
    let mut src = Sources::embedded();
    for f in src.locales.get_mut(&Locale::En).unwrap() {
        f.text = f.text.replace(
            "progress = { $answered } of { $total } answered.",
            "progress = { $done } answered.",
        );
        f.text = f.text.replace("err-empty = That answer is empty.\n", "");
    }
    let errors = Catalog::load(&src).err().expect("errors");
    let all = errors.join("\n");
    assert!(
        all.contains("message `err-empty` is missing in locale en"),
        "{all}"
    );
    assert!(
        all.contains("message `progress` in locale en uses $done, which is not given to it"),
        "{all}"
    );
    assert!(
        all.contains("message `progress` in locale en does not use $answered"),
        "{all}"
    );
    let strings = &catalog().strings;
    assert!(check_code_ids(strings).is_empty());
}

#[test]
fn no_isolation_marks_and_numbers_pick_plurals() {
    let c = catalog();
    let mut errs = Vec::new();
    let one = MessageRef::new("flows-heading").num("count", 1);
    let text = c
        .strings
        .render_ref(&one, Locale::Nl, chrono_tz::UTC, &mut errs);
    assert_eq!(text, "Er is één methode beschikbaar:");
    let many = MessageRef::new("flows-heading").num("count", 7);
    assert_eq!(
        c.strings
            .render_ref(&many, Locale::Nl, chrono_tz::UTC, &mut errs),
        "Er zijn 7 methodes beschikbaar:"
    );
    let named = MessageRef::new("joined")
        .text("name", "Anna")
        .msg("profession", "profession-social-worker");
    let text = c
        .strings
        .render_ref(&named, Locale::En, chrono_tz::UTC, &mut errs);
    assert_eq!(text, "Anna takes part as social worker.");
    assert!(!text.contains(['\u{2068}', '\u{2069}']));
    assert!(errs.is_empty(), "{errs:?}");
}

/// Lists of three or more read as sentences: "a, b and c", "a, b of c";
/// a place (step, field) keeps its comma.
#[test]
fn lists_have_their_conjunction() {
    use brug::core::message::Arg;
    let c = catalog();
    let three = || {
        vec![
            Arg::Msg("pii-bsn".into()),
            Arg::Msg("pii-phone".into()),
            Arg::Msg("pii-email".into()),
        ]
    };
    let render = |a: Arg, locale| {
        let mut errs = Vec::new();
        let m = MessageRef::new("fs-unused").arg("frames", a);
        let text = c.strings.render_ref(&m, locale, chrono_tz::UTC, &mut errs);
        assert!(errs.is_empty(), "{errs:?}");
        text
    };
    for (locale, and, or) in [(Locale::Nl, " en ", " of "), (Locale::En, " and ", " or ")] {
        let list = render(Arg::List(three()), locale);
        assert_eq!(list.matches(", ").count(), 1, "{list}");
        assert!(list.contains(and), "{list}");
        assert!(render(Arg::Either(three()), locale).contains(or));
        let two = render(Arg::List(three()[..2].to_vec()), locale);
        assert!(two.contains(and) && !two.contains(", "), "{two}");
        let seq = render(Arg::Seq(three()), locale);
        assert_eq!(seq.matches(", ").count(), 2, "{seq}");
    }
}

/// Every command has its usage line in both languages.
#[test]
fn every_command_has_a_usage_line() {
    let c = catalog();
    for command in brug::command::COMMANDS {
        for locale in [Locale::Nl, Locale::En] {
            assert!(
                c.strings.has(locale, &format!("usage-{command}")),
                "usage-{command} missing in {locale}"
            );
        }
    }
}

/// What the bot said in every scripted round: a list of three or more
/// (quoted evidence words, people's names) ends with its conjunction.
#[test]
fn transcripts_have_no_list_without_its_conjunction() {
    let dir = super::support::repo().join("tests/it/snapshots");
    let quoted = regex::Regex::new(r"(?:«[^»\n]*», ){2,}«[^»\n]*»(.{0,5})").unwrap();
    let names = regex::Regex::new(
        r"(?:\b(?:Anna|Bram|Chris|Dewi|Eva), ){2,}(?:Anna|Bram|Chris|Dewi|Eva)\b(.{0,5})",
    )
    .unwrap();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("snap") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        checked += 1;
        for re in [&quoted, &names] {
            for c in re.captures_iter(&text) {
                let after = c.get(1).map_or("", |m| m.as_str());
                assert!(
                    [" en ", " and ", " of ", " or "]
                        .iter()
                        .any(|w| after.starts_with(w)),
                    "{}: a list without its conjunction: {}",
                    path.display(),
                    c.get(0).unwrap().as_str()
                );
            }
        }
    }
    assert!(checked >= 14, "only {checked} transcripts");
}

/// A group that configured its own prefix reads commands with it in every
/// message, not the `!brug` the texts are written with.
#[test]
fn a_configured_prefix_is_the_one_messages_show() {
    use brug::core::effect::Pending;
    use brug::core::ids::{GroupId, Platform, UserRef};
    use brug::engine::{Defaults, Engine, Inbound, Place};
    use std::sync::Arc;
    let catalog = Arc::new(Catalog::load(&Sources::embedded().with_prefix("!overleg")).unwrap());
    for locale in Locale::ALL {
        let defaults = Defaults {
            lang: locale,
            prefix: "!overleg".into(),
            ..Defaults::default()
        };
        let mut engine =
            Engine::open(brug::storage::MemoryStore::new(), catalog.clone(), defaults).unwrap();
        let mut shown = Vec::new();
        for (n, text) in ["!Overleg help", "!overleg start golden-circle Noor"]
            .iter()
            .enumerate()
        {
            let m = Inbound {
                group: Some(GroupId::new(Platform::Matrix, "!room:example.org")),
                sender: UserRef::new(Platform::Matrix, "@anna:example.org"),
                sender_name: "Anna".into(),
                coordinator: true,
                place: Place::Group,
                text: text.to_string(),
                event: Some(format!("$p{n}")),
                reply_to: None,
                locale: None,
                edits: None,
                replyable: true,
            };
            for p in engine.receive(m, super::support::start()).unwrap() {
                if let Pending::Post(o) = p {
                    shown.push(catalog.strings.render(&o.msg, o.locale, o.tz).text);
                }
            }
        }
        let all = shown.join("\n");
        assert!(all.contains("`!overleg join"), "{locale}: {all}");
        assert!(
            !all.contains("!brug"),
            "{locale}: the default prefix shows:\n{all}"
        );
    }
}
