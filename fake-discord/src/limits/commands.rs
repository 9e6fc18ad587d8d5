//! Discord's limits on application commands: names, descriptions, options.

use super::*;

/// A bulk overwrite: every command valid, and no two with the same type and name.
pub(crate) fn check_commands(list: &[Value]) -> Check {
    if list.len() > 110 {
        return Err(too_long(Vec::new(), 110));
    }
    let mut seen = HashSet::new();
    for (i, c) in list.iter().enumerate() {
        let i = i.to_string();
        check_command(c, std::slice::from_ref(&i))?;
        let key = (
            c["type"].as_u64().unwrap_or(1),
            c["name"].as_str().unwrap_or("").to_string(),
        );
        if !seen.insert(key) {
            return Err(invalid(
                path(&[&i, "name"]),
                "APPLICATION_COMMANDS_DUPLICATE_NAME",
                "Application command names must be unique",
            ));
        }
    }
    Ok(())
}

/// One CreateCommand body. Chat-input commands (type 1) need a lowercase name and a
/// description; user and message commands have neither description nor options.
pub(crate) fn check_command(c: &Value, base: &[String]) -> Check {
    let chat = c["type"].as_u64().unwrap_or(1) == 1;
    check_name(&c["name"], chat, join(base, &["name"]))?;
    check_localized(c, base)?;
    if chat {
        text(&c["description"], 1, 100, join(base, &["description"]))?;
        check_options(&c["options"], join(base, &["options"]), 0)
    } else {
        if c["description"].as_str().is_some_and(|d| !d.is_empty()) {
            return Err(invalid(
                join(base, &["description"]),
                "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
                "Context menu commands cannot have a description",
            ));
        }
        if c["options"].as_array().is_some_and(|o| !o.is_empty()) {
            return Err(invalid(
                join(base, &["options"]),
                "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS",
                "Context menu commands cannot have options",
            ));
        }
        Ok(())
    }
}

/// Options of one level: at most 25, unique names, subcommands not mixed with values,
/// subcommand groups only at the top, required value options before optional ones.
pub(super) fn check_options(v: &Value, base: Vec<String>, depth: u8) -> Check {
    let Some(options) = v.as_array() else {
        return Ok(());
    };
    if options.len() > 25 {
        return Err(too_long(base, 25));
    }
    let subs = options
        .iter()
        .filter(|o| matches!(o["type"].as_u64(), Some(1 | 2)))
        .count();
    if subs != 0 && subs != options.len() {
        return Err(invalid(base, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Sub-command and sub-command group option types are mutually exclusive to all other types"));
    }
    let mut names = HashSet::new();
    let mut localized = HashSet::new();
    let mut optional_seen = false;
    for (i, o) in options.iter().enumerate() {
        let at = join(&base, &[&i.to_string()]);
        let kind = o["type"].as_u64().unwrap_or(0);
        if !(1..=11).contains(&kind) || (kind == 2 && depth > 0) || (kind == 1 && depth > 1) {
            return Err(invalid(
                join(&at, &["type"]),
                "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                "Invalid option type at this level",
            ));
        }
        check_name(&o["name"], true, join(&at, &["name"]))?;
        text(&o["description"], 1, 100, join(&at, &["description"]))?;
        check_localized(o, &at)?;
        for (locale, name) in o["name_localizations"].as_object().into_iter().flatten() {
            if !localized.insert((locale.clone(), name.as_str().unwrap_or("").to_string())) {
                return Err(invalid(
                    join(&at, &["name_localizations", locale]),
                    "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                    "Option names must be unique",
                ));
            }
        }
        if !names.insert(o["name"].as_str().unwrap_or("").to_string()) {
            return Err(invalid(
                join(&at, &["name"]),
                "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                "Option names must be unique",
            ));
        }
        if kind == 1 || kind == 2 {
            check_options(&o["options"], join(&at, &["options"]), depth + 1)?;
            continue;
        }
        let required = o["required"] == true;
        if required && optional_seen {
            return Err(invalid(
                join(&at, &["required"]),
                "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                "Required options must be placed before non-required options",
            ));
        }
        optional_seen |= !required;
        if let Some(choices) = o["choices"].as_array().filter(|c| !c.is_empty()) {
            if choices.len() > 25 {
                return Err(too_long(join(&at, &["choices"]), 25));
            }
            if o["autocomplete"] == true {
                return Err(invalid(
                    join(&at, &["autocomplete"]),
                    "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE",
                    "Autocomplete cannot be enabled on options with choices",
                ));
            }
            for (j, choice) in choices.iter().enumerate() {
                text(
                    &choice["name"],
                    1,
                    100,
                    join(&at, &["choices", &j.to_string(), "name"]),
                )?;
            }
        }
    }
    Ok(())
}

/// Discord's locales (the `Locale` reference).
const LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// `name_localizations` and `description_localizations`: known locales, and names and
/// descriptions by the same rules as the defaults.
fn check_localized(o: &Value, at: &[String]) -> Check {
    for (field, name) in [
        ("name_localizations", true),
        ("description_localizations", false),
    ] {
        let Some(map) = o[field].as_object() else {
            continue;
        };
        for (locale, v) in map {
            let here = join(at, &[field, locale]);
            if !LOCALES.contains(&locale.as_str()) {
                return Err(invalid(here, "LOCALE_INVALID", "Invalid locale"));
            }
            if name {
                check_name(v, true, here)?;
            } else {
                text(v, 1, 100, here)?;
            }
        }
    }
    Ok(())
}

/// Command and option names: 1–32 characters; for chat input only letters, digits, `-`,
/// `_` and `'`, and lowercase.
pub(super) fn check_name(v: &Value, chat: bool, at: Vec<String>) -> Check {
    let Some(name) = v.as_str() else {
        return Err(required(at));
    };
    let count = name.chars().count();
    let allowed = name
        .chars()
        .all(|c| c == '-' || c == '_' || c == '\'' || c.is_alphanumeric());
    if !(1..=32).contains(&count) || (chat && (!allowed || name.to_lowercase() != name)) {
        return Err(invalid(
            at,
            "APPLICATION_COMMAND_INVALID_NAME",
            "Command name is invalid",
        ));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Field helpers
