//! Fluent bundles for Dutch and English, and rendering of messages to text.
//! Every message id used by code (`core::msg::ALL`) or by a flow is checked in
//! both locales, with the same variables, before anything runs.

use crate::core::ids::Locale;
use crate::core::message::{Arg, Block, Message, MessageRef};
use crate::flows::{line_col, SourceFile};
use chrono::{DateTime, Datelike, Timelike, Utc};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// All strings of both languages.
pub struct Strings {
    bundles: BTreeMap<Locale, FluentBundle<FluentResource>>,
    /// Variables each message uses, per locale (for the consistency checks).
    vars: BTreeMap<Locale, BTreeMap<String, BTreeSet<String>>>,
}

/// A problem in the locale files, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleError(pub String);

impl std::fmt::Display for LocaleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Strings {
    /// Loads `.ftl` files per locale; reports every syntax error and duplicate.
    pub fn load(files: &BTreeMap<Locale, Vec<SourceFile>>) -> Result<Self, Vec<LocaleError>> {
        let mut errors = Vec::new();
        let mut bundles = BTreeMap::new();
        let mut vars = BTreeMap::new();
        for locale in Locale::ALL {
            let lang: unic_langid::LanguageIdentifier =
                locale.code().parse().expect("valid language tags");
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            bundle.set_use_isolating(false);
            let mut locale_vars = BTreeMap::new();
            for file in files.get(&locale).map(Vec::as_slice).unwrap_or_default() {
                let res = match FluentResource::try_new(file.text.clone()) {
                    Ok(r) => r,
                    Err((r, errs)) => {
                        for e in errs {
                            let (l, c) = line_col(&file.text, e.pos.start);
                            errors.push(LocaleError(format!("{}:{l}:{c}: {}", file.path, e.kind)));
                        }
                        r
                    }
                };
                for entry in res.entries() {
                    if let ast::Entry::Message(m) = entry {
                        let mut set = BTreeSet::new();
                        if let Some(p) = &m.value {
                            pattern_vars(p, &mut set);
                        }
                        locale_vars.insert(m.id.name.to_string(), set);
                    }
                }
                if let Err(errs) = bundle.add_resource(res) {
                    for e in errs {
                        errors.push(LocaleError(format!("{}: {e}", file.path)));
                    }
                }
            }
            bundles.insert(locale, bundle);
            vars.insert(locale, locale_vars);
        }
        if errors.is_empty() {
            Ok(Self { bundles, vars })
        } else {
            Err(errors)
        }
    }

    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.vars[&locale].contains_key(id)
    }

    /// The variables a message uses in a locale (None if it is missing there).
    pub fn vars(&self, locale: Locale, id: &str) -> Option<&BTreeSet<String>> {
        self.vars[&locale].get(id)
    }

    /// Every message id defined in a locale.
    pub fn ids(&self, locale: Locale) -> impl Iterator<Item = &str> {
        self.vars[&locale].keys().map(String::as_str)
    }

    /// Checks that `id` exists in both locales and uses no variable outside
    /// `allowed`; returns what is wrong.
    pub fn check_id(&self, id: &str, allowed: &[&str], exact: bool) -> Vec<String> {
        let mut out = Vec::new();
        for locale in Locale::ALL {
            match self.vars(locale, id) {
                None => out.push(format!("message `{id}` is missing in locale {locale}")),
                Some(used) => {
                    for v in used {
                        if !allowed.contains(&v.as_str()) {
                            out.push(format!("message `{id}` in locale {locale} uses ${v}, which is not given to it"));
                        }
                    }
                    if exact {
                        for v in allowed {
                            if !used.contains(*v) {
                                out.push(format!(
                                    "message `{id}` in locale {locale} does not use ${v}"
                                ));
                            }
                        }
                    }
                }
            }
        }
        out
    }

    /// Renders a message to plain text lines.
    pub fn render(&self, msg: &Message, locale: Locale, tz: chrono_tz::Tz) -> Rendered {
        let (blocks, errors) = self.render_blocks(msg, locale, tz);
        let mut lines = Vec::new();
        for (kind, text) in blocks {
            match kind {
                Kind::Line | Kind::Heading => lines.push(text),
                // Continuation lines of someone's answer stay under their item.
                Kind::Item => lines.push(format!("• {}", indent(&text, "  "))),
                Kind::SubItem => lines.push(format!("    {}", indent(&text, "    "))),
                Kind::Quote => lines.extend(text.lines().map(|l| format!("> {l}"))),
                Kind::Code => lines.push(text),
            }
        }
        Rendered {
            text: lines.join("\n"),
            errors,
        }
    }

    /// Renders each block of a message to text, for platforms that lay blocks
    /// out themselves (Matrix HTML, Discord markdown).
    pub fn render_blocks(
        &self,
        msg: &Message,
        locale: Locale,
        tz: chrono_tz::Tz,
    ) -> (Vec<(Kind, String)>, Vec<String>) {
        let mut errors = Vec::new();
        let blocks = msg
            .blocks
            .iter()
            .map(|b| match b {
                Block::Line(m) => (Kind::Line, self.render_ref(m, locale, tz, &mut errors)),
                Block::Heading(m) => (Kind::Heading, self.render_ref(m, locale, tz, &mut errors)),
                Block::Item(m) => (Kind::Item, self.render_ref(m, locale, tz, &mut errors)),
                Block::SubItem(m) => (Kind::SubItem, self.render_ref(m, locale, tz, &mut errors)),
                Block::Quote(t) => (Kind::Quote, t.clone()),
                Block::Code(t) => (Kind::Code, t.clone()),
            })
            .collect();
        (blocks, errors)
    }

    /// Renders one message reference; problems go to `errors` and the id shows.
    pub fn render_ref(
        &self,
        m: &MessageRef,
        locale: Locale,
        tz: chrono_tz::Tz,
        errors: &mut Vec<String>,
    ) -> String {
        let bundle = &self.bundles[&locale];
        let Some(pattern) = bundle.get_message(&m.id).and_then(|msg| msg.value()) else {
            errors.push(format!("missing message `{}` in {locale}", m.id));
            return m.id.clone();
        };
        let mut args = FluentArgs::new();
        for (k, v) in &m.args {
            match v {
                Arg::Num(n) => args.set(k.as_str(), FluentValue::from(*n)),
                other => args.set(
                    k.as_str(),
                    FluentValue::from(self.arg_text(other, locale, tz, errors)),
                ),
            }
        }
        let mut errs = Vec::new();
        let text = bundle
            .format_pattern(pattern, Some(&args), &mut errs)
            .into_owned();
        errors.extend(
            errs.into_iter()
                .map(|e| format!("{} ({locale}): {e}", m.id)),
        );
        text
    }

    fn arg_text(
        &self,
        a: &Arg,
        locale: Locale,
        tz: chrono_tz::Tz,
        errors: &mut Vec<String>,
    ) -> String {
        match a {
            Arg::Text(t) => t.clone(),
            Arg::Num(n) => n.to_string(),
            Arg::Msg(id) => self.render_ref(&MessageRef::new(id.clone()), locale, tz, errors),
            Arg::Time(t) => format_time(*t, locale, tz),
            Arg::List(items) | Arg::Either(items) | Arg::Seq(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|i| self.arg_text(i, locale, tz, errors))
                    .collect();
                let last = match a {
                    Arg::List(_) => Some("list-and"),
                    Arg::Either(_) => Some("list-or"),
                    _ => None,
                };
                match (last, parts.split_last()) {
                    (Some(word), Some((tail, head))) if !head.is_empty() => {
                        let word = self.render_ref(&MessageRef::new(word), locale, tz, errors);
                        format!("{} {word} {tail}", head.join(", "))
                    }
                    _ => parts.join(", "),
                }
            }
        }
    }
}

/// The layout of a rendered block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Line,
    Heading,
    Item,
    SubItem,
    Quote,
    Code,
}

fn indent(text: &str, by: &str) -> String {
    text.replace('\n', &format!("\n{by}"))
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    /// Missing messages or variables; empty when all went well.
    pub errors: Vec<String>,
}

/// `do 3 dec 09:00` / `Thu 3 Dec 09:00`, in the group's time zone.
pub fn format_time(t: DateTime<Utc>, locale: Locale, tz: chrono_tz::Tz) -> String {
    const NL_DAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    const EN_DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const NL_MONTHS: [&str; 12] = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    const EN_MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let l = t.with_timezone(&tz);
    let (days, months) = match locale {
        Locale::Nl => (NL_DAYS, NL_MONTHS),
        Locale::En => (EN_DAYS, EN_MONTHS),
    };
    format!(
        "{} {} {} {:02}:{:02}",
        days[l.weekday().num_days_from_monday() as usize],
        l.day(),
        months[l.month0() as usize],
        l.hour(),
        l.minute()
    )
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. }
        | ast::InlineExpression::MessageReference { .. }
        | ast::InlineExpression::TermReference { .. } => {}
    }
}
