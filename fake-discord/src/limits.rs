//! Discord's validation of what the bot sends: message, embed, component, modal, thread and
//! command limits (docs: message.mdx, embed limits, component and application command
//! reference). A body Discord would reject gets a 400 here too, so a bot that passes against
//! the fake does not fail in production on a 81-character button label or an unsorted
//! required option.
//!
//! Each check returns the error body: usually 50035 "Invalid Form Body" with Discord's
//! nested `errors` path (the inner `code` strings are Discord's as far as we know them;
//! serenity only exposes them as text).

use std::collections::HashSet;

mod commands;
pub(crate) use commands::*;

use serde_json::Value;

use crate::payloads;

type Check = Result<(), Value>;

/// A message body (create, edit, or interaction response `data`). `uploads` counts files;
/// `creating` adds Discord's "Cannot send an empty message" (edits are checked after merging,
/// see [`is_empty_message`]).
pub(crate) fn check_message(body: &Value, uploads: usize, creating: bool) -> Check {
    text(&body["content"], 0, 2000, path(&["content"]))?;
    if let Some(embeds) = body["embeds"].as_array() {
        if embeds.len() > 10 {
            return Err(too_long(path(&["embeds"]), 10));
        }
        let mut total = 0;
        for (i, e) in embeds.iter().enumerate() {
            check_embed(e, &path(&["embeds", &i.to_string()]), &mut total)?;
        }
        if total > 6000 {
            return Err(invalid(
                path(&["embeds"]),
                "MAX_EMBED_SIZE_EXCEEDED",
                "Embed size exceeds maximum size of 6000",
            ));
        }
    }
    check_components(&body["components"])?;
    if creating && uploads == 0 && is_empty_message(body) {
        return Err(payloads::error("Cannot send an empty message", 50006));
    }
    Ok(())
}

/// Whether a message (or message body) has nothing to show.
pub(crate) fn is_empty_message(m: &Value) -> bool {
    let empty = |v: &Value| v.as_array().is_none_or(|a| a.is_empty());
    m["content"].as_str().unwrap_or("").is_empty()
        && empty(&m["embeds"])
        && empty(&m["components"])
        && empty(&m["attachments"])
        && empty(&m["sticker_ids"])
        && m["poll"].is_null()
}

/// Embed limits; `total` sums the characters that count towards the 6000 per message.
fn check_embed(e: &Value, base: &[String], total: &mut usize) -> Check {
    *total += text(&e["title"], 0, 256, join(base, &["title"]))?;
    *total += text(&e["description"], 0, 4096, join(base, &["description"]))?;
    if e["footer"].is_object() {
        *total += text(
            &e["footer"]["text"],
            1,
            2048,
            join(base, &["footer", "text"]),
        )?;
    }
    if e["author"].is_object() {
        *total += text(
            &e["author"]["name"],
            1,
            256,
            join(base, &["author", "name"]),
        )?;
    }
    if let Some(fields) = e["fields"].as_array() {
        if fields.len() > 25 {
            return Err(too_long(join(base, &["fields"]), 25));
        }
        for (j, f) in fields.iter().enumerate() {
            let j = j.to_string();
            *total += text(&f["name"], 1, 256, join(base, &["fields", &j, "name"]))?;
            *total += text(&f["value"], 1, 1024, join(base, &["fields", &j, "value"]))?;
        }
    }
    Ok(())
}

/// Message components: at most 5 action rows of 1–5 buttons or one select menu each, with
/// custom ids unique in the message. Text inputs belong in modals only.
fn check_components(v: &Value) -> Check {
    let Some(rows) = v.as_array() else {
        return Ok(());
    };
    if rows.len() > 5 {
        return Err(too_long(path(&["components"]), 5));
    }
    let mut ids = HashSet::new();
    for (r, row) in rows.iter().enumerate() {
        let r = r.to_string();
        if row["type"] != 1 {
            return Err(invalid(
                path(&["components", &r, "type"]),
                "COMPONENT_TYPE_INVALID",
                "The specified component type is invalid in this context",
            ));
        }
        let items: &[Value] = row["components"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        if items.is_empty() || items.len() > 5 {
            return Err(bad_length(path(&["components", &r, "components"]), 1, 5));
        }
        for (c, item) in items.iter().enumerate() {
            let base = path(&["components", &r, "components", &c.to_string()]);
            match item["type"].as_u64() {
                Some(2) => check_button(item, &base)?,
                Some(3 | 5 | 6 | 7 | 8) => {
                    if items.len() > 1 {
                        return Err(invalid(
                            base,
                            "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                            "The specified component exceeds the maximum width",
                        ));
                    }
                    check_select(item, &base)?;
                }
                _ => {
                    return Err(invalid(
                        join(&base, &["type"]),
                        "COMPONENT_TYPE_INVALID",
                        "The specified component type is invalid in this context",
                    ))
                }
            }
            if let Some(id) = item["custom_id"].as_str() {
                if !ids.insert(id.to_string()) {
                    return Err(invalid(
                        join(&base, &["custom_id"]),
                        "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated",
                    ));
                }
            }
        }
    }
    Ok(())
}

fn check_button(b: &Value, base: &[String]) -> Check {
    match b["style"].as_u64() {
        Some(1..=4) => {
            text(&b["custom_id"], 1, 100, join(base, &["custom_id"]))?;
        }
        // Link buttons carry a url and no custom id; premium buttons a SKU.
        Some(5) => {
            text(&b["url"], 1, 512, join(base, &["url"]))?;
            if !b["custom_id"].is_null() {
                return Err(invalid(
                    join(base, &["custom_id"]),
                    "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
                    "Link buttons cannot have a custom_id",
                ));
            }
        }
        Some(6) => {
            if b["sku_id"].is_null() {
                return Err(required(join(base, &["sku_id"])));
            }
            return Ok(());
        }
        _ => {
            return Err(invalid(
                join(base, &["style"]),
                "BASE_TYPE_CHOICES",
                "Value must be one of {1, 2, 3, 4, 5, 6}.",
            ))
        }
    }
    let label = text(&b["label"], 0, 80, join(base, &["label"]))?;
    if label == 0 && b["emoji"].is_null() {
        return Err(invalid(
            join(base, &["label"]),
            "BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED",
            "A label or emoji is required",
        ));
    }
    Ok(())
}

fn check_select(s: &Value, base: &[String]) -> Check {
    text(&s["custom_id"], 1, 100, join(base, &["custom_id"]))?;
    text(&s["placeholder"], 0, 150, join(base, &["placeholder"]))?;
    number(&s["min_values"], 0, 25, join(base, &["min_values"]))?;
    number(&s["max_values"], 1, 25, join(base, &["max_values"]))?;
    if s["type"] == 3 {
        let options: &[Value] = s["options"].as_array().map(Vec::as_slice).unwrap_or(&[]);
        if options.is_empty() || options.len() > 25 {
            return Err(bad_length(join(base, &["options"]), 1, 25));
        }
        for (i, o) in options.iter().enumerate() {
            let i = i.to_string();
            text(&o["label"], 1, 100, join(base, &["options", &i, "label"]))?;
            text(&o["value"], 1, 100, join(base, &["options", &i, "value"]))?;
            text(
                &o["description"],
                0,
                100,
                join(base, &["options", &i, "description"]),
            )?;
        }
    }
    Ok(())
}

/// Autocomplete choices (interaction response type 8): at most 25, each a name of 1–100
/// characters and a value (a string of at most 100, or a number).
pub(crate) fn check_choices(d: &Value) -> Check {
    let Some(choices) = d["choices"].as_array() else {
        return Err(required(path(&["data", "choices"])));
    };
    if choices.len() > 25 {
        return Err(too_long(path(&["data", "choices"]), 25));
    }
    for (i, c) in choices.iter().enumerate() {
        let i = i.to_string();
        text(&c["name"], 1, 100, path(&["data", "choices", &i, "name"]))?;
        if !c["value"].is_number() {
            text(&c["value"], 1, 100, path(&["data", "choices", &i, "value"]))?;
        }
    }
    Ok(())
}

/// A modal (interaction response type 9): a title, a custom id and 1–5 rows of exactly one
/// text input each.
pub(crate) fn check_modal(d: &Value) -> Check {
    text(&d["title"], 1, 45, path(&["data", "title"]))?;
    text(&d["custom_id"], 1, 100, path(&["data", "custom_id"]))?;
    let rows: &[Value] = d["components"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    if rows.is_empty() || rows.len() > 5 {
        return Err(bad_length(path(&["data", "components"]), 1, 5));
    }
    let mut ids = HashSet::new();
    for (r, row) in rows.iter().enumerate() {
        let r = r.to_string();
        let items: &[Value] = row["components"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        if row["type"] != 1 || items.len() != 1 || items[0]["type"] != 4 {
            return Err(invalid(
                path(&["data", "components", &r]),
                "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                "Each modal row holds exactly one text input",
            ));
        }
        let input = &items[0];
        let base = path(&["data", "components", &r, "components", "0"]);
        text(&input["custom_id"], 1, 100, join(&base, &["custom_id"]))?;
        text(&input["label"], 1, 45, join(&base, &["label"]))?;
        if !matches!(input["style"].as_u64(), Some(1 | 2)) {
            return Err(invalid(
                join(&base, &["style"]),
                "BASE_TYPE_CHOICES",
                "Value must be one of {1, 2}.",
            ));
        }
        text(&input["value"], 0, 4000, join(&base, &["value"]))?;
        text(&input["placeholder"], 0, 100, join(&base, &["placeholder"]))?;
        number(&input["min_length"], 0, 4000, join(&base, &["min_length"]))?;
        number(&input["max_length"], 1, 4000, join(&base, &["max_length"]))?;
        if let Some(id) = input["custom_id"].as_str() {
            if !ids.insert(id.to_string()) {
                return Err(invalid(
                    join(&base, &["custom_id"]),
                    "COMPONENT_CUSTOM_ID_DUPLICATED",
                    "Component custom id cannot be duplicated",
                ));
            }
        }
    }
    Ok(())
}

/// Starting a thread: a name of 1–100 characters and one of Discord's archive durations.
pub(crate) fn check_thread(body: &Value) -> Check {
    text(&body["name"], 1, 100, path(&["name"]))?;
    let archive = &body["auto_archive_duration"];
    if !archive.is_null() && !matches!(archive.as_u64(), Some(60 | 1440 | 4320 | 10080)) {
        return Err(invalid(
            path(&["auto_archive_duration"]),
            "BASE_TYPE_CHOICES",
            "Value must be one of {60, 1440, 4320, 10080}.",
        ));
    }
    Ok(())
}

/// An optional string of `min..=max` characters (absent is fine when `min` is 0); returns its
/// length.
fn text(v: &Value, min: usize, max: usize, at: Vec<String>) -> Result<usize, Value> {
    let s = match v {
        Value::Null if min == 0 => return Ok(0),
        Value::Null => return Err(required(at)),
        Value::String(s) => s,
        _ => return Err(invalid(at, "BASE_TYPE_STRING", "Must be a string.")),
    };
    let n = s.chars().count();
    if n < min || n > max {
        return Err(if min == 0 {
            too_long(at, max)
        } else {
            bad_length(at, min, max)
        });
    }
    Ok(n)
}

/// An optional integer in `min..=max`.
fn number(v: &Value, min: u64, max: u64, at: Vec<String>) -> Check {
    match v {
        Value::Null => Ok(()),
        _ if v.as_u64().is_some_and(|n| (min..=max).contains(&n)) => Ok(()),
        _ => Err(invalid(
            at,
            "NUMBER_TYPE_MAX",
            &format!("Must be between {min} and {max}."),
        )),
    }
}

fn path(parts: &[&str]) -> Vec<String> {
    parts.iter().map(|p| p.to_string()).collect()
}

fn join(base: &[String], more: &[&str]) -> Vec<String> {
    base.iter()
        .cloned()
        .chain(more.iter().map(|p| p.to_string()))
        .collect()
}

fn invalid(at: Vec<String>, code: &str, message: &str) -> Value {
    payloads::form_error(&at, code, message)
}

fn required(at: Vec<String>) -> Value {
    invalid(at, "BASE_TYPE_REQUIRED", "This field is required")
}

fn too_long(at: Vec<String>, max: usize) -> Value {
    invalid(
        at,
        "BASE_TYPE_MAX_LENGTH",
        &format!("Must be {max} or fewer in length."),
    )
}

fn bad_length(at: Vec<String>, min: usize, max: usize) -> Value {
    invalid(
        at,
        "BASE_TYPE_BAD_LENGTH",
        &format!("Must be between {min} and {max} in length."),
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn message_limits() {
        assert!(check_message(&json!({"content": "hi"}), 0, true).is_ok());
        assert_eq!(
            check_message(&json!({"content": ""}), 0, true).unwrap_err()["code"],
            50006
        );
        assert!(check_message(&json!({"content": ""}), 1, true).is_ok());
        let long = "x".repeat(2001);
        assert_eq!(
            check_message(&json!({"content": long}), 0, true).unwrap_err()["code"],
            50035
        );
        let row = json!([{"type": 1, "components": [{"type": 2, "style": 1, "custom_id": "a", "label": "x".repeat(81)}]}]);
        assert!(check_message(&json!({"content": "hi", "components": row}), 0, true).is_err());
    }

    #[test]
    fn command_limits() {
        let ok = json!({"name": "brug", "description": "Brug", "options": [
            {"type": 1, "name": "open", "description": "Open", "options": [
                {"type": 3, "name": "title", "description": "Title", "required": true},
                {"type": 3, "name": "note", "description": "Note", "required": false}]}]});
        assert!(check_commands(&[ok]).is_ok());
        let upper = json!({"name": "Brug", "description": "Brug"});
        assert!(check_commands(&[upper]).is_err());
        let order = json!({"name": "brug", "description": "Brug", "options": [
            {"type": 3, "name": "a", "description": "A"},
            {"type": 3, "name": "b", "description": "B", "required": true}]});
        assert!(check_commands(&[order]).is_err());
    }
}
