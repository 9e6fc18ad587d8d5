//! Messages as Discord shows them: markdown from the rendered blocks, with
//! every piece of text escaped (user text can inject no markup and no
//! mention syntax; translators' backticks still make code), cut into parts
//! of at most 2,000 characters at line breaks.

use crate::i18n::Kind;

/// Discord's limit for one message's content.
pub const LIMIT: usize = 2000;

/// Escapes markdown and mention syntax; `` `x` `` stays code.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '|' | '>' | '#' | '[' | ']' | '<' => {
                out.push('\\');
                out.push(c);
            }
            // A zero-width space after `@` keeps `@everyone` and `@here` text.
            '@' => out.push_str("@\u{200B}"),
            c => out.push(c),
        }
    }
    out
}

/// The blocks as markdown, one line (or more) each.
pub fn render(blocks: &[(Kind, String)]) -> String {
    let mut lines: Vec<String> = Vec::new();
    for (kind, text) in blocks {
        match kind {
            Kind::Heading => lines.push(format!("**{}**", inline(text))),
            Kind::Line => lines.push(inline(text)),
            Kind::Item => lines.push(format!("• {}", inline(text).replace('\n', "\n  "))),
            Kind::SubItem => lines.push(format!("  ◦ *{}*", inline(text).replace('\n', "\n    "))),
            Kind::Quote => lines.extend(text.lines().map(|l| format!("> {}", inline(l)))),
            // Code blocks keep their text as is; a fence inside is broken up.
            Kind::Code => lines.push(format!("```\n{}\n```", text.replace("```", "`\u{200B}``"))),
        }
    }
    lines.join("\n")
}

/// Commands in code spans as Discord users give them: `` `!brug join` ``
/// reads `` `/brug join` `` (the slash command works with or without the
/// message-content intent; typed text only with it).
pub fn slash_commands(text: &str, prefix: &str) -> String {
    let mut out = text.to_string();
    for p in [prefix, crate::command::DEFAULT_PREFIX] {
        out = out
            .replace(&format!("`{p} "), "`/brug ")
            .replace(&format!("`{p}`"), "`/brug`");
    }
    out
}

/// Cuts `text` into parts of at most `LIMIT` characters, at line breaks
/// where it can (a longer line is cut where it must).
pub fn split(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    for line in text.split('\n') {
        let mut line = line.to_string();
        while line.chars().count() > LIMIT {
            if !cur.is_empty() {
                parts.push(std::mem::take(&mut cur));
            }
            let cut: String = line.chars().take(LIMIT).collect();
            line = line.chars().skip(LIMIT).collect();
            parts.push(cut);
        }
        let extra = if cur.is_empty() { 0 } else { 1 };
        if cur.chars().count() + extra + line.chars().count() > LIMIT {
            parts.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push('\n');
        }
        cur.push_str(&line);
    }
    if !cur.is_empty() || parts.is_empty() {
        parts.push(cur);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_read_as_slash_commands() {
        assert_eq!(
            slash_commands("Write `!brug join` or `?b next`; `!brug`.", "?b"),
            "Write `/brug join` or `/brug next`; `/brug`."
        );
    }

    #[test]
    fn user_text_cannot_inject_markup_or_mentions() {
        assert_eq!(
            inline("**bold** @everyone <@123>"),
            "\\*\\*bold\\*\\* @\u{200B}everyone \\<@\u{200B}123\\>"
        );
        assert_eq!(inline("type `!brug join`"), "type `!brug join`");
    }

    #[test]
    fn long_text_is_cut_at_lines_into_parts_that_fit() {
        let line = "x".repeat(900);
        let text = [line.as_str(); 5].join("\n");
        let parts = split(&text);
        assert_eq!(parts.len(), 3);
        assert!(parts.iter().all(|p| p.chars().count() <= LIMIT));
        assert_eq!(parts.join("\n"), text);
        let long = "y".repeat(4500);
        let parts = split(&long);
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            vec![2000, 2000, 500]
        );
    }
}
