//! `/brug <subcommand>`: the slash command, with the subcommands and options
//! of SPEC §2, names and descriptions in Dutch and English, and its
//! interactions turned back into the text grammar the engine reads (one
//! grammar for every platform).

use crate::core::ids::Locale;
use crate::core::message::MessageRef;
use crate::flows::Catalog;
use serenity::all::{
    CommandDataOption, CommandDataOptionValue, CommandOptionType, CreateCommand,
    CreateCommandOption,
};

/// Each subcommand with its options, in the order the text grammar takes
/// them (`true`: required).
pub const SUBCOMMANDS: &[(&str, &[(&str, bool)])] = &[
    ("help", &[("command", false)]),
    ("flows", &[]),
    // (No method: the group's own, `group flow …`.)
    ("start", &[("flow", false), ("title", false)]),
    ("join", &[("profession", false)]),
    ("leave", &[]),
    ("status", &[]),
    ("next", &[("anyway", false)]),
    ("extend", &[("duration", true)]),
    ("pause", &[]),
    ("resume", &[]),
    ("cancel", &[]),
    ("owner", &[("user", true)]),
    ("lang", &[("language", true)]),
    ("retention", &[("days", false)]),
    ("export", &[("format", false), ("round", false)]),
    ("forget-me", &[]),
    ("away", &[("until", true)]),
    ("back", &[]),
    ("group", &[("setting", false)]),
    ("balance", &[]),
    ("schedule", &[("rhythm", false)]),
];

/// Options whose values brug suggests while they are typed (`edge::suggest`).
pub const SUGGESTED: &[&str] = &["flow", "profession", "round"];

/// The command as registered, described in both languages.
pub fn definition(catalog: &Catalog) -> CreateCommand {
    let say = |id: String, l: Locale| {
        let text =
            catalog
                .strings
                .render_ref(&MessageRef::new(id), l, chrono_tz::UTC, &mut Vec::new());
        // Discord allows 100 characters.
        text.chars().take(100).collect::<String>()
    };
    let mut cmd = CreateCommand::new("brug")
        .description(say("dc-command".into(), Locale::En))
        .description_localized("en-US", say("dc-command".into(), Locale::En))
        .description_localized("nl", say("dc-command".into(), Locale::Nl));
    for (name, options) in SUBCOMMANDS {
        let id = format!("dc-sub-{name}");
        let mut sub = CreateCommandOption::new(
            CommandOptionType::SubCommand,
            *name,
            say(id.clone(), Locale::En),
        )
        .name_localized("en-US", *name)
        .name_localized("nl", say(format!("dc-name-sub-{name}"), Locale::Nl))
        .description_localized("en-US", say(id.clone(), Locale::En))
        .description_localized("nl", say(id, Locale::Nl));
        for (opt, required) in *options {
            let id = format!("dc-opt-{opt}");
            sub = sub.add_sub_option(
                CreateCommandOption::new(
                    CommandOptionType::String,
                    *opt,
                    say(id.clone(), Locale::En),
                )
                .name_localized("en-US", *opt)
                .name_localized("nl", say(format!("dc-name-opt-{opt}"), Locale::Nl))
                .description_localized("en-US", say(id.clone(), Locale::En))
                .description_localized("nl", say(id, Locale::Nl))
                .required(*required)
                .set_autocomplete(SUGGESTED.contains(opt)),
            );
        }
        cmd = cmd.add_option(sub);
    }
    cmd
}

/// Every message id the definition uses (checked in both locales by tests).
#[cfg(test)]
pub fn message_ids() -> Vec<String> {
    let mut ids = vec!["dc-command".to_string()];
    for (name, options) in SUBCOMMANDS {
        ids.push(format!("dc-sub-{name}"));
        ids.push(format!("dc-name-sub-{name}"));
        ids.extend(options.iter().map(|(o, _)| format!("dc-opt-{o}")));
        ids.extend(options.iter().map(|(o, _)| format!("dc-name-opt-{o}")));
    }
    ids.sort();
    ids.dedup();
    ids
}

/// `/brug start flow:golden-circle title:Noor` as `!brug start golden-circle Noor`.
pub fn as_text(prefix: &str, options: &[CommandDataOption]) -> Option<String> {
    let sub = options.first()?;
    let CommandDataOptionValue::SubCommand(given) = &sub.value else {
        return None;
    };
    let (_, wanted) = SUBCOMMANDS.iter().find(|(n, _)| *n == sub.name)?;
    let mut words = vec![prefix.to_string(), sub.name.clone()];
    for (opt, _) in *wanted {
        let value = given
            .iter()
            .find(|o| o.name == *opt)
            .and_then(|o| match &o.value {
                CommandDataOptionValue::String(s) => Some(s.clone()),
                CommandDataOptionValue::Integer(n) => Some(n.to_string()),
                _ => None,
            });
        if let Some(v) = value {
            words.push(v.trim().to_string());
        }
    }
    Some(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slash_command_reads_as_the_text_command() {
        let opts: Vec<CommandDataOption> = serde_json::from_value(serde_json::json!([
            {"name": "start", "type": 1, "options": [
                {"name": "title", "type": 3, "value": "Noor"},
                {"name": "flow", "type": 3, "value": "golden-circle"}
            ]}
        ]))
        .unwrap();
        assert_eq!(
            as_text("!brug", &opts).as_deref(),
            Some("!brug start golden-circle Noor")
        );
    }

    #[test]
    fn english_names_are_the_names_and_dutch_names_are_discord_names() {
        let catalog = Catalog::load(&crate::flows::Sources::embedded()).unwrap();
        let cmd = serde_json::to_value(definition(&catalog)).unwrap();
        for sub in cmd["options"].as_array().unwrap() {
            let all = std::iter::once(sub).chain(sub["options"].as_array().into_iter().flatten());
            for o in all {
                let names = &o["name_localizations"];
                assert_eq!(names["en-US"], o["name"], "{o}");
                let nl = names["nl"].as_str().unwrap();
                assert!(
                    (1..=32).contains(&nl.chars().count())
                        && nl
                            .chars()
                            .all(|c| c == '-' || c.is_lowercase() || c.is_numeric()),
                    "not a Discord name: {nl:?}"
                );
            }
        }
    }

    #[test]
    fn every_description_exists_in_both_languages() {
        let catalog = Catalog::load(&crate::flows::Sources::embedded()).unwrap();
        for id in message_ids() {
            for l in Locale::ALL {
                assert!(catalog.strings.has(l, &id), "{id} missing in {l}");
            }
        }
    }
}
