//! Reading the data brug runs on — flow files, professions, locale files — and
//! checking all of it at once: every error comes back as `file:line:column:
//! message`, so a broken file is refused at start-up with everything to fix.

mod fields;
mod frames_file;
mod node;
mod parse;
mod professions;
mod step_options;

use crate::core::flow::{Flow, Roles, StepKind};
use crate::core::ids::Locale;
use crate::core::msg;
use crate::i18n::Strings;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A file's name (as shown in errors) and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// One problem, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub msg: String,
}

impl FlowError {
    pub fn at(file: &SourceFile, offset: usize, msg: String) -> Self {
        let (line, col) = line_col(&file.text, offset);
        Self {
            file: file.path.clone(),
            line,
            col,
            msg,
        }
    }
}

impl fmt::Display for FlowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.col, self.msg)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// A Fluent id named in a data file, where, and which variables it may use.
#[derive(Debug, Clone)]
pub struct FluentRef {
    pub id: String,
    pub at: Range<usize>,
    pub vars: &'static [&'static str],
    pub file: String,
}

/// The files brug's data comes from: a directory with `flows/` and `locales/`,
/// or the copies built into the binary.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    pub flows: Vec<SourceFile>,
    pub professions: Option<SourceFile>,
    pub frames: Option<SourceFile>,
    /// The trained frame model (`frames-model.tsv`, next to `frames.toml`).
    pub model: Option<SourceFile>,
    pub locales: BTreeMap<Locale, Vec<SourceFile>>,
}

impl Sources {
    /// The data built into the binary (the repository's `flows/` and `locales/`).
    pub fn embedded() -> Self {
        let mut s = Sources::default();
        for (path, text) in crate::assets::FILES {
            s.add(path, text.to_string());
        }
        s
    }

    /// Reads `flows_dir` (every `*.toml`; `professions.toml` is the role table)
    /// and the locales in `locales_dir`, or the built-in ones when `None`.
    pub fn from_dirs(flows_dir: &Path, locales_dir: Option<&Path>) -> std::io::Result<Self> {
        let mut s = Sources::default();
        for path in sorted_files(flows_dir, "toml")? {
            let file = SourceFile {
                path: path.display().to_string(),
                text: std::fs::read_to_string(&path)?,
            };
            if path.file_name().is_some_and(|n| n == "professions.toml") {
                s.professions = Some(file);
            } else if path.file_name().is_some_and(|n| n == "frames.toml") {
                s.frames = Some(file);
            } else {
                s.flows.push(file);
            }
        }
        match locales_dir {
            Some(dir) => {
                for locale in Locale::ALL {
                    for path in sorted_files(&dir.join(locale.code()), "ftl")? {
                        let text = std::fs::read_to_string(&path)?;
                        s.locales.entry(locale).or_default().push(SourceFile {
                            path: path.display().to_string(),
                            text,
                        });
                    }
                }
            }
            None => s.locales = Sources::embedded().locales,
        }
        let model = flows_dir.join(MODEL_FILE);
        if model.is_file() {
            s.model = Some(SourceFile {
                path: model.display().to_string(),
                text: std::fs::read_to_string(&model)?,
            });
        }
        if s.professions.is_none() {
            s.professions = Sources::embedded().professions;
        }
        if s.frames.is_none() {
            s.frames = Sources::embedded().frames;
            // The built-in model goes with the built-in catalogue only.
            if s.model.is_none() {
                s.model = Sources::embedded().model;
            }
        }
        Ok(s)
    }

    /// Every message shows commands with `prefix` where the texts say
    /// `!brug`: a group with its own prefix reads the one that works.
    pub fn with_prefix(mut self, prefix: &str) -> Self {
        if prefix != crate::command::DEFAULT_PREFIX {
            for files in self.locales.values_mut() {
                for f in files {
                    f.text = f.text.replace("`!brug", &format!("`{prefix}"));
                }
            }
        }
        self
    }

    fn add(&mut self, path: &str, text: String) {
        let file = SourceFile {
            path: path.to_string(),
            text,
        };
        if let Some(rest) = path.strip_prefix("locales/") {
            let code = rest.split('/').next().unwrap_or("");
            if let Some(locale) = Locale::parse(code) {
                self.locales.entry(locale).or_default().push(file);
            }
        } else if path.ends_with("/professions.toml") {
            self.professions = Some(file);
        } else if path.ends_with("/frames.toml") {
            self.frames = Some(file);
        } else if path.ends_with(MODEL_FILE) {
            self.model = Some(file);
        } else if path.ends_with(".toml") {
            self.flows.push(file);
        }
    }
}

fn sorted_files(dir: &Path, ext: &str) -> std::io::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext) && p.is_file())
        .collect();
    out.sort();
    Ok(out)
}

/// The trained frame model's file name, next to `frames.toml`.
pub const MODEL_FILE: &str = "frames-model.tsv";

/// Everything loaded and checked: the flows by id, the role table, the strings.
pub struct Catalog {
    pub flows: BTreeMap<String, Arc<Flow>>,
    pub roles: Roles,
    pub frames: Arc<crate::frames::Frames>,
    pub strings: Strings,
}

impl Catalog {
    /// Loads and checks everything; returns every error found.
    pub fn load(src: &Sources) -> Result<Catalog, Vec<String>> {
        let mut errors: Vec<String> = Vec::new();
        let strings =
            Strings::load(&src.locales).map_err(|e| e.into_iter().map(|e| e.0).collect::<Vec<_>>());
        let strings = match strings {
            Ok(s) => Some(s),
            Err(e) => {
                errors.extend(e);
                None
            }
        };
        let mut refs = Vec::new();
        let frames = match &src.frames {
            Some(file) => {
                let (frames, errs, r) = frames_file::load(file);
                errors.extend(errs.into_iter().map(|e| e.to_string()));
                refs.extend(r);
                let model = match &src.model {
                    Some(m) => match crate::frames::Model::from_tsv(&m.text) {
                        Ok(model) => {
                            for f in &model.frames {
                                if frames.index(f).is_none() {
                                    errors.push(format!(
                                        "{}: frame {f} is not in {}",
                                        m.path, file.path
                                    ));
                                }
                            }
                            Some(Arc::new(model))
                        }
                        Err(e) => {
                            errors.push(format!("{}: {e}", m.path));
                            None
                        }
                    },
                    None => None,
                };
                Arc::new(frames.with_model(model))
            }
            None => {
                errors.push(
                    "flows/frames.toml: missing (it defines the frames the summary looks for)"
                        .into(),
                );
                Arc::new(crate::frames::Frames::default())
            }
        };
        let roles = match &src.professions {
            Some(file) => {
                let (roles, errs, r) = professions::load(file);
                errors.extend(errs.into_iter().map(|e| e.to_string()));
                refs.extend(r);
                roles
            }
            None => {
                errors.push("flows/professions.toml: missing (it defines the professions and role-swap roles)".into());
                Roles::default()
            }
        };
        let mut flows = BTreeMap::new();
        let mut places: BTreeMap<String, String> = BTreeMap::new();
        for file in &src.flows {
            let mut rd = node::Reader::new(file);
            match node::parse(file) {
                Err(e) => rd.errors.push(e),
                Ok(root) => {
                    let parsed = parse::flow(file, &root, &roles, &frames, &mut rd);
                    refs.extend(parsed.refs);
                    if let Some(flow) = parsed.flow {
                        if let Some(other) = places.insert(flow.id.clone(), file.path.clone()) {
                            rd.errors.push(FlowError::at(
                                file,
                                0,
                                format!("flow id `{}` is also used by {other}", flow.id),
                            ));
                        }
                        flows.insert(flow.id.clone(), Arc::new(flow));
                    }
                }
            }
            errors.extend(rd.errors.into_iter().map(|e| e.to_string()));
        }
        if let Some(strings) = &strings {
            errors.extend(check_refs(strings, &refs, src));
            errors.extend(check_code_ids(strings));
            errors.extend(check_field_labels(strings, &flows));
        }
        match (strings, errors.is_empty()) {
            (Some(strings), true) => Ok(Catalog {
                flows,
                roles,
                frames,
                strings,
            }),
            _ => Err(errors),
        }
    }

    pub fn flow(&self, id: &str) -> Option<&Arc<Flow>> {
        self.flows.get(id)
    }

    /// A flow by its id or by its name in either language, as people type
    /// them: `handelingscyclus`, `Golden Circle`, `rolwisseling`.
    pub fn find_flow(&self, word: &str) -> Option<&Arc<Flow>> {
        self.flow(word.trim()).or_else(|| {
            let w = squash(word);
            self.flows
                .values()
                .find(|f| squash(&f.id) == w || self.names(&f.name).contains(&w))
        })
    }

    /// A profession by id, alias or name in either language:
    /// `klantmanager-inkomen`, `klantmanager Werk`, `social worker`.
    pub fn find_profession(&self, word: &str) -> Option<&crate::core::flow::RoleInfo> {
        self.roles.profession(word).or_else(|| {
            let w = squash(word);
            self.roles
                .professions()
                .find(|p| squash(p.id.as_str()) == w || self.names(&p.name).contains(&w))
        })
    }

    /// What message `id` says in each language, squashed; a part in
    /// brackets may be left out ("Overbruggen van verschillen (het spel)").
    fn names(&self, id: &str) -> Vec<String> {
        let mut out = Vec::new();
        for locale in Locale::ALL {
            let mut errs = Vec::new();
            let shown = self.strings.render_ref(
                &crate::core::message::MessageRef::new(id),
                locale,
                chrono_tz::UTC,
                &mut errs,
            );
            if !errs.is_empty() {
                continue;
            }
            out.push(squash(&shown));
            if let Some((head, _)) = shown.split_once('(') {
                out.push(squash(head));
            }
        }
        out
    }
}

/// Folded (lower case, no diacritics) with only letters and digits kept:
/// names compare however they are spaced or hyphenated.
fn squash(s: &str) -> String {
    crate::frames::detect::fold(s)
        .0
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn check_refs(strings: &Strings, refs: &[FluentRef], src: &Sources) -> Vec<String> {
    let mut out = Vec::new();
    let files: BTreeMap<&str, &SourceFile> = src
        .flows
        .iter()
        .chain(src.professions.iter())
        .chain(src.frames.iter())
        .map(|f| (f.path.as_str(), f))
        .collect();
    for r in refs {
        for problem in strings.check_id(&r.id, r.vars, false) {
            let (line, col) = files
                .get(r.file.as_str())
                .map(|f| line_col(&f.text, r.at.start))
                .unwrap_or((1, 1));
            out.push(format!("{}:{line}:{col}: {problem}", r.file));
        }
        let nl = strings.vars(Locale::Nl, &r.id);
        let en = strings.vars(Locale::En, &r.id);
        if let (Some(nl), Some(en)) = (nl, en) {
            if nl != en {
                let (line, col) = files
                    .get(r.file.as_str())
                    .map(|f| line_col(&f.text, r.at.start))
                    .unwrap_or((1, 1));
                out.push(format!(
                    "{}:{line}:{col}: message `{}` takes {nl:?} in nl but {en:?} in en",
                    r.file, r.id
                ));
            }
        }
    }
    out
}

/// Every id the code uses exists in both locales with exactly its variables.
pub fn check_code_ids(strings: &Strings) -> Vec<String> {
    msg::ALL
        .iter()
        .flat_map(|m| strings.check_id(m.id, m.vars, true))
        .map(|p| format!("locales: {p}"))
        .collect()
}

/// People answer fields by typing their label (`Waarom: …`): each label, as
/// shown in each locale, must be a word the field accepts.
fn check_field_labels(strings: &Strings, flows: &BTreeMap<String, Arc<Flow>>) -> Vec<String> {
    let mut out = Vec::new();
    for flow in flows.values() {
        for step in &flow.steps {
            let fields = match &step.kind {
                StepKind::Prompt { fields, .. } => fields,
                StepKind::Reflect { questions, .. } => questions,
                StepKind::Intake { .. }
                | StepKind::Reveal { .. }
                | StepKind::AssignRoles { .. }
                | StepKind::Discuss { .. }
                | StepKind::Choose { .. }
                | StepKind::Actions
                | StepKind::Review
                | StepKind::Summary => continue,
            };
            for f in fields {
                for locale in Locale::ALL {
                    let mut errs = Vec::new();
                    let shown = strings.render_ref(
                        &crate::core::message::MessageRef::new(f.label.clone()),
                        locale,
                        chrono_tz::UTC,
                        &mut errs,
                    );
                    if errs.is_empty() && !f.matches(&shown) {
                        out.push(format!(
                            "flow {}: step `{}`: field `{}` is labelled \"{shown}\" in {locale}; add \"{}\" to its aliases so people can type it",
                            flow.id,
                            step.id,
                            f.id,
                            shown.to_lowercase()
                        ));
                    }
                }
            }
        }
    }
    out
}
