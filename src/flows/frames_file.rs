//! `flows/frames.toml`: the frame catalogue with its indicator phrases.

use super::node::{self, Reader};
use super::parse::Refs;
use super::{FlowError, FluentRef, SourceFile};
use crate::frames::{FrameInfo, Frames, Lang, Level, Pattern, STRONG, WEAK};

pub fn load(file: &SourceFile) -> (Frames, Vec<FlowError>, Vec<FluentRef>) {
    let mut refs = Vec::new();
    let mut rd = Reader::new(file);
    let root = match node::parse(file) {
        Ok(r) => r,
        Err(e) => return (Frames::default(), vec![e], refs),
    };
    let Some(top) = rd.table(&root, "frames.toml") else {
        return (Frames::default(), rd.errors, refs);
    };
    let mut fluent = Refs {
        file,
        list: &mut refs,
    };
    let mut frames = Vec::new();
    let mut patterns = Vec::new();
    for n in rd.list(&top, "frame").unwrap_or_default() {
        let Some(t) = rd.table(n, "a frame") else {
            continue;
        };
        let id = rd.str(&t, "id", true);
        let level = match rd.str(&t, "level", true) {
            Some((l, at)) => {
                match l.as_str() {
                    "master" => Some(Level::Master),
                    "meta-cultural" => Some(Level::MetaCultural),
                    "relational" => Some(Level::Relational),
                    _ => {
                        rd.error(&at, format!("`level` = \"{l}\" is not one of: master, meta-cultural, relational"));
                        None
                    }
                }
            }
            None => None,
        };
        let name = fluent.read(&mut rd, &t, "name", &[]);
        let description = fluent.read(&mut rd, &t, "description", &[]);
        let index = frames.len();
        for (key, lang) in [("nl", Lang::Nl), ("en", Lang::En)] {
            let Some(sub) = t.get(key) else { continue };
            let Some(st) = rd.table(sub, &format!("`{key}`")) else {
                continue;
            };
            for (list, weight) in [("strong", STRONG), ("weak", WEAK)] {
                for (phrase, at) in rd.strings(&st, list) {
                    match Pattern::parse(index, weight, lang, &phrase) {
                        Some(p) => patterns.push(p),
                        None => rd.error(&at, "an empty indicator phrase"),
                    }
                }
            }
            rd.unknown_keys(&st, &format!("`{key}`"), &["strong", "weak"]);
        }
        rd.unknown_keys(
            &t,
            "a frame",
            &["id", "level", "name", "description", "nl", "en"],
        );
        if let (Some((id, at)), Some(level), Some(name), Some(description)) =
            (id, level, name, description)
        {
            if frames.iter().any(|f: &FrameInfo| f.id == id) {
                rd.error(&at, format!("frame id `{id}` is used twice"));
            }
            frames.push(FrameInfo {
                id,
                level,
                name,
                description,
            });
        }
    }
    if frames.is_empty() {
        rd.error(&top.node.span, "frames.toml needs at least one [[frame]]");
    }
    rd.unknown_keys(&top, "frames.toml", &["frame"]);
    (Frames::new(frames, patterns), rd.errors, refs)
}
