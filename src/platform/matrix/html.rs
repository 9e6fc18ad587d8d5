//! Messages as Matrix wants them: a plain `body` and an HTML `formatted_body`.
//! Every piece of text is escaped — user text can inject no markup — and
//! `code` spans come from the translators' backticks only after escaping.

use crate::i18n::Kind;

/// The HTML body of a message's rendered blocks.
pub fn render(blocks: &[(Kind, String)]) -> String {
    let mut html = String::new();
    let mut open_list = false;
    for (kind, text) in blocks {
        let is_item = matches!(kind, Kind::Item | Kind::SubItem);
        if open_list && !is_item {
            html.push_str("</ul>");
            open_list = false;
        }
        match kind {
            Kind::Heading => html.push_str(&format!("<p><strong>{}</strong></p>", inline(text))),
            Kind::Line => html.push_str(&format!("<p>{}</p>", inline(text))),
            Kind::Item | Kind::SubItem => {
                if !open_list {
                    html.push_str("<ul>");
                    open_list = true;
                }
                let style = if *kind == Kind::SubItem {
                    "<li><em>"
                } else {
                    "<li>"
                };
                let end = if *kind == Kind::SubItem {
                    "</em></li>"
                } else {
                    "</li>"
                };
                html.push_str(&format!("{style}{}{end}", inline(text)));
            }
            Kind::Quote => html.push_str(&format!("<blockquote>{}</blockquote>", inline(text))),
            Kind::Code => html.push_str(&format!("<pre><code>{}</code></pre>", escape(text))),
        }
    }
    if open_list {
        html.push_str("</ul>");
    }
    html
}

/// Escapes text for HTML; line breaks become `<br>`, `` `x` `` becomes code.
pub fn inline(text: &str) -> String {
    let escaped = escape(text);
    let mut out = String::with_capacity(escaped.len());
    let mut in_code = false;
    for (i, part) in escaped.split('`').enumerate() {
        if i > 0 {
            out.push_str(if in_code { "</code>" } else { "<code>" });
            in_code = !in_code;
        }
        out.push_str(part);
    }
    if in_code {
        out.push_str("</code>");
    }
    out.replace('\n', "<br>")
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_inject_markup() {
        assert_eq!(
            inline("<b>hi</b> & <a href=x>"),
            "&lt;b&gt;hi&lt;/b&gt; &amp; &lt;a href=x&gt;"
        );
        assert_eq!(inline("type `!brug join`"), "type <code>!brug join</code>");
        assert_eq!(inline("a\nb"), "a<br>b");
        assert_eq!(inline("odd ` tick"), "odd <code> tick</code>");
    }
}
