//! A TOML document as a small tree with byte spans on every key and value, and a
//! reader over it that collects every error (instead of serde's first one).

use super::{FlowError, SourceFile};
use crate::core::span::Span;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ops::Range;
use toml_edit::{Item, Value};

#[derive(Debug, Clone)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Str(String),
    Int(i64),
    Bool(bool),
    Array(Vec<Node>),
    Table(Vec<Entry>),
    /// Floats, dates: valid TOML no flow key takes.
    Other(&'static str),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    pub key_span: Range<usize>,
    pub node: Node,
}

impl Kind {
    fn describe(&self) -> &'static str {
        match self {
            Kind::Str(_) => "a string",
            Kind::Int(_) => "a number",
            Kind::Bool(_) => "true or false",
            Kind::Array(_) => "a list",
            Kind::Table(_) => "a table",
            Kind::Other(what) => what,
        }
    }
}

/// Parses TOML into a spanned tree; a syntax error comes back with its place.
pub fn parse(file: &SourceFile) -> Result<Node, FlowError> {
    let doc = toml_edit::ImDocument::parse(file.text.as_str()).map_err(|e| {
        let at = e.span().map(|s| s.start).unwrap_or(0);
        FlowError::at(file, at, e.message().trim().to_string())
    })?;
    Ok(table_node(doc.as_table(), 0..file.text.len()))
}

fn table_entries<'a>(iter: impl Iterator<Item = (&'a toml_edit::Key, &'a Item)>) -> Vec<Entry> {
    iter.filter_map(|(k, item)| {
        let node = item_node(item)?;
        let key_span = k.span().unwrap_or(node.span.clone());
        Some(Entry {
            key: k.get().to_string(),
            key_span,
            node,
        })
    })
    .collect()
}

fn table_node(t: &toml_edit::Table, fallback: Range<usize>) -> Node {
    let entries = table_entries(t.iter().filter_map(|(k, _)| t.get_key_value(k)));
    Node {
        span: t.span().unwrap_or(fallback),
        kind: Kind::Table(entries),
    }
}

fn item_node(item: &Item) -> Option<Node> {
    match item {
        Item::None => None,
        Item::Value(v) => Some(value_node(v)),
        Item::Table(t) => Some(table_node(t, 0..0)),
        Item::ArrayOfTables(a) => {
            let items: Vec<Node> = a
                .iter()
                .map(|t| table_node(t, a.span().unwrap_or(0..0)))
                .collect();
            let span = a
                .span()
                .or_else(|| items.first().map(|n| n.span.clone()))
                .unwrap_or(0..0);
            Some(Node {
                span,
                kind: Kind::Array(items),
            })
        }
    }
}

fn value_node(v: &Value) -> Node {
    let span = v.span().unwrap_or(0..0);
    let kind = match v {
        Value::String(s) => Kind::Str(s.value().clone()),
        Value::Integer(i) => Kind::Int(*i.value()),
        Value::Boolean(b) => Kind::Bool(*b.value()),
        Value::Float(_) => Kind::Other("a decimal number"),
        Value::Datetime(_) => Kind::Other("a date"),
        Value::Array(a) => Kind::Array(a.iter().map(value_node).collect()),
        Value::InlineTable(t) => Kind::Table(table_entries(
            t.iter().filter_map(|(k, _)| t.get_key_value(k)),
        )),
    };
    Node { span, kind }
}

/// Reads one table, remembering which keys were used so that the rest can be
/// reported as unknown.
pub struct Table<'n> {
    pub node: &'n Node,
    entries: &'n [Entry],
    used: RefCell<BTreeSet<&'n str>>,
}

impl<'n> Table<'n> {
    pub fn new(node: &'n Node) -> Option<Self> {
        match &node.kind {
            Kind::Table(entries) => Some(Self {
                node,
                entries,
                used: RefCell::new(BTreeSet::new()),
            }),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&'n Node> {
        let e = self.entries.iter().find(|e| e.key == key)?;
        self.used.borrow_mut().insert(&e.key);
        Some(&e.node)
    }
}

/// Collects errors while reading one file.
pub struct Reader<'f> {
    pub file: &'f SourceFile,
    pub errors: Vec<FlowError>,
}

impl<'f> Reader<'f> {
    pub fn new(file: &'f SourceFile) -> Self {
        Self {
            file,
            errors: Vec::new(),
        }
    }

    pub fn error(&mut self, span: &Range<usize>, msg: impl Into<String>) {
        self.errors
            .push(FlowError::at(self.file, span.start, msg.into()));
    }

    /// Reports keys of `t` that were not read, naming the keys that would be.
    pub fn unknown_keys(&mut self, t: &Table, what: &str, allowed: &[&str]) {
        let used = t.used.borrow();
        for e in t.entries {
            if !used.contains(e.key.as_str()) {
                let msg = format!(
                    "unknown key `{}` in {what} (known keys: {})",
                    e.key,
                    allowed.join(", ")
                );
                self.error(&e.key_span, msg);
            }
        }
    }

    fn wrong(&mut self, key: &str, n: &Node, want: &str) {
        let msg = format!("`{key}` must be {want}, not {}", n.kind.describe());
        self.error(&n.span, msg);
    }

    pub fn str(&mut self, t: &Table, key: &str, required: bool) -> Option<(String, Range<usize>)> {
        match t.get(key) {
            Some(n) => match &n.kind {
                Kind::Str(s) if !s.trim().is_empty() => Some((s.clone(), n.span.clone())),
                Kind::Str(_) => {
                    self.error(&n.span, format!("`{key}` must not be empty"));
                    None
                }
                _ => {
                    self.wrong(key, n, "a string");
                    None
                }
            },
            None => {
                if required {
                    self.error(&t.node.span, format!("missing key `{key}`"));
                }
                None
            }
        }
    }

    pub fn bool(&mut self, t: &Table, key: &str, default: bool) -> bool {
        match t.get(key) {
            Some(Node {
                kind: Kind::Bool(b),
                ..
            }) => *b,
            Some(n) => {
                self.wrong(key, n, "true or false");
                default
            }
            None => default,
        }
    }

    pub fn int(&mut self, t: &Table, key: &str) -> Option<i64> {
        match t.get(key) {
            Some(Node {
                kind: Kind::Int(i), ..
            }) => Some(*i),
            Some(n) => {
                self.wrong(key, n, "a whole number");
                None
            }
            None => {
                self.error(&t.node.span, format!("missing key `{key}`"));
                None
            }
        }
    }

    pub fn span(&mut self, t: &Table, key: &str) -> Option<Span> {
        let (s, at) = self.str(t, key, false)?;
        let parsed = Span::parse(&s);
        if parsed.is_none() {
            self.error(
                &at,
                format!("`{key}` = \"{s}\" is not a duration (try 30m, 12h, 3d or 1w)"),
            );
        }
        parsed
    }

    pub fn list<'n>(&mut self, t: &Table<'n>, key: &str) -> Option<&'n [Node]> {
        match t.get(key) {
            Some(Node {
                kind: Kind::Array(items),
                ..
            }) => Some(items),
            Some(n) => {
                self.wrong(key, n, "a list");
                None
            }
            None => None,
        }
    }

    pub fn strings(&mut self, t: &Table, key: &str) -> Vec<(String, Range<usize>)> {
        let Some(items) = self.list(t, key) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for n in items {
            match &n.kind {
                Kind::Str(s) => out.push((s.clone(), n.span.clone())),
                _ => self.wrong(key, n, "a list of strings"),
            }
        }
        out
    }

    pub fn table<'n>(&mut self, n: &'n Node, what: &str) -> Option<Table<'n>> {
        let t = Table::new(n);
        if t.is_none() {
            let msg = format!("{what} must be a table, not {}", n.kind.describe());
            self.error(&n.span, msg);
        }
        t
    }
}
