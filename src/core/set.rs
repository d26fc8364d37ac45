//! The exercise-set format (version 1): serde types, loading from `&str`, and the semantic
//! validation that the types alone cannot express.
//!
//! Loading never stops at the first problem it can recover from: a syntax error ends parsing (it
//! has a line and column), but shape errors are collected per item and every semantic problem is
//! reported, each with the JSON path of the value it is about.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use crate::core::locate;
use crate::core::rule::Rule;
use crate::core::strings::Lang;

/// The only format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// The largest set text accepted, in bytes (a set this big is a mistake, not an exercise).
pub const MAX_SET_BYTES: usize = 4 * 1024 * 1024;

/// The most categories a set may hold (bins are stored as one base-36 digit).
pub const MAX_CATEGORIES: usize = 35;

/// The most excerpts a set may hold.
pub const MAX_EXCERPTS: usize = 10_000;

/// Where in the essay something is said.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EssayRef {
    /// The section title as printed in the essay (the untitled introduction is "Inleiding").
    pub section: String,
    /// The essay's footnote number, when there is one.
    #[serde(default)]
    pub footnote: Option<u32>,
}

/// A condition the essay names (loneliness, the four conditions of atomisation, the marks of
/// internalisation…). Rules refer to criteria by `id`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Identifier used in rules and evidence, e.g. `loneliness`.
    pub id: String,
    /// Short name shown to students.
    pub label: String,
    /// One or two sentences: what the essay means by it.
    pub explanation: String,
    /// Where the essay says so.
    pub essay: EssayRef,
}

/// A bin the student can sort into, with the rule that decides membership.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Identifier, e.g. `atomisation`.
    pub id: String,
    /// Name on the bin, e.g. "atomisatie".
    pub label: String,
    /// One-line definition shown on the bin.
    pub definition: String,
    /// The longer "what the essay says" text behind the bin's expansion.
    pub essay_says: String,
    /// Where the essay says it.
    pub essay: EssayRef,
    /// Membership rule over criterion ids. Categories are tried in the order they are listed:
    /// the first whose rule holds is the excerpt's category.
    pub rule: Rule,
}

/// The category for excerpts that no rule matches ("none of these").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fallback {
    /// Identifier, e.g. `none`.
    pub id: String,
    /// Name on the bin.
    pub label: String,
    /// One-line definition shown on the bin.
    pub definition: String,
    /// The longer "what the essay says" text.
    pub essay_says: String,
    /// Where the essay says it.
    pub essay: EssayRef,
    /// Whether students get this as a bin (default true). When false, no excerpt may fall to it.
    #[serde(default = "yes")]
    pub offer: bool,
}

fn yes() -> bool {
    true
}

/// Whether an excerpt quotes a diary or describes a passage the essay does not quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExcerptKind {
    /// A quotation (shown in quotation marks).
    #[default]
    Quote,
    /// The essay's description of a passage (shown as a description, never as a quotation).
    Description,
}

/// Where an excerpt comes from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who wrote it, e.g. "Ljoebov Sjaporina".
    pub diarist: String,
    /// The date of the entry, as written.
    #[serde(default)]
    pub date: Option<String>,
    /// The published work it is taken from.
    pub work: String,
    /// Page or pages in that work.
    #[serde(default)]
    pub page: Option<String>,
}

/// A criterion an excerpt shows, with the words that show it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The criterion id.
    pub criterion: String,
    /// Words from the excerpt's text; must occur in it exactly.
    pub quote: String,
}

/// One card to sort.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Excerpt {
    /// Identifier, unique in the set.
    pub id: String,
    /// Quotation or description.
    #[serde(default)]
    pub kind: ExcerptKind,
    /// Plain text; a blank line separates paragraphs. Never HTML.
    pub text: String,
    /// Where it comes from.
    pub source: Source,
    /// Where the essay discusses it (section and footnote).
    pub essay: EssayRef,
    /// The criteria it shows, each with its evidence. Criteria not listed are absent.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// The category the author expects; when given it must agree with the rule.
    #[serde(default)]
    pub category: Option<String>,
    /// Author's commentary, shown after the derived explanation.
    #[serde(default)]
    pub commentary: Option<String>,
    /// Author's hint, shown instead of the derived hint after a wrong try.
    #[serde(default)]
    pub hint: Option<String>,
}

/// Overall feedback for scores from `min` percent up to the next band.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreBand {
    /// Lowest score (percent, 0–100) this text is for.
    pub min: u8,
    /// The text.
    pub text: String,
}

/// How an attempt is scored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Number of checks a student gets (1–9).
    #[serde(default = "default_tries")]
    pub tries: u8,
    /// Percentage points an excerpt loses for each extra check it needed (0–100).
    #[serde(default = "default_penalty")]
    pub penalty: u8,
    /// Score (percent) needed to pass.
    #[serde(default = "default_pass_mark")]
    pub pass_mark: u8,
    /// Whether the cards are shuffled (with a seed kept in the resume state).
    #[serde(default = "yes")]
    pub shuffle: bool,
    /// Overall feedback by score.
    #[serde(default)]
    pub overall: Vec<ScoreBand>,
}

fn default_tries() -> u8 {
    3
}
fn default_penalty() -> u8 {
    25
}
fn default_pass_mark() -> u8 {
    60
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            tries: default_tries(),
            penalty: default_penalty(),
            pass_mark: default_pass_mark(),
            shuffle: true,
            overall: Vec::new(),
        }
    }
}

/// An exercise set exactly as written in its JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetFile {
    /// Editors' schema reference; ignored.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Format version; this build reads 1.
    pub format: u32,
    /// Identifier of the set (part of the key under which attempts are stored).
    pub id: String,
    /// Language of the set's texts and, unless the page says otherwise, of the interface.
    pub lang: Lang,
    /// Title shown above the exercise.
    pub title: String,
    /// Introduction; a blank line separates paragraphs.
    pub intro: String,
    /// The essay's conditions.
    pub criteria: Vec<Criterion>,
    /// The bins, in the order they are shown.
    pub categories: Vec<Category>,
    /// Category ids in the order their rules are tried (the first that holds wins); when
    /// absent, the order of `categories`.
    #[serde(default)]
    pub precedence: Vec<String>,
    /// The "none of these" category.
    #[serde(default)]
    pub fallback: Option<Fallback>,
    /// The cards.
    pub excerpts: Vec<Excerpt>,
    /// Scoring.
    #[serde(default)]
    pub settings: Settings,
}

/// Index of a bin: `0..categories.len()` are the categories, `categories.len()` the fallback.
pub type BinId = usize;

/// A validated set with what the rule derives from it.
#[derive(Debug, Clone)]
pub struct Set {
    /// The set as written.
    pub file: SetFile,
    /// Per excerpt, the criteria it shows (indices into `file.criteria`).
    pub shown: Vec<Vec<usize>>,
    /// Per excerpt, the bin the rule derives.
    pub expected: Vec<BinId>,
    /// Category indices in the order their rules are tried.
    pub precedence: Vec<usize>,
    /// The bins offered to students, in display order.
    pub bins: Vec<BinId>,
    /// FNV-1a hash of the set's text: resume states are only valid for the same text.
    pub hash: u64,
}

/// One problem found in a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the value, e.g. `excerpts[3].evidence[0].quote` (empty for the whole file).
    pub path: String,
    /// 1-based line of the value (or of the syntax error), when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What is wrong, for a non-programmer.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, "{l}:{c}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Every problem that kept a set from loading.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the set has {} problem(s)", .0.len())]
pub struct SetErrors(pub Vec<Problem>);

/// What the view needs to draw a bin, for a category and the fallback alike.
#[derive(Debug, Clone, Copy)]
pub struct BinInfo<'a> {
    /// Identifier.
    pub id: &'a str,
    /// Name on the bin.
    pub label: &'a str,
    /// One-line definition.
    pub definition: &'a str,
    /// "What the essay says".
    pub essay_says: &'a str,
    /// Where the essay says it.
    pub essay: &'a EssayRef,
}

impl Set {
    /// The bin's texts; `bin` must be a category index or the fallback index.
    pub fn bin(&self, bin: BinId) -> BinInfo<'_> {
        match self.file.categories.get(bin) {
            Some(c) => BinInfo {
                id: &c.id,
                label: &c.label,
                definition: &c.definition,
                essay_says: &c.essay_says,
                essay: &c.essay,
            },
            None => {
                let f = self.file.fallback.as_ref().expect("bin index past the fallback");
                BinInfo {
                    id: &f.id,
                    label: &f.label,
                    definition: &f.definition,
                    essay_says: &f.essay_says,
                    essay: &f.essay,
                }
            }
        }
    }

    /// Number of excerpts.
    pub fn len(&self) -> usize {
        self.file.excerpts.len()
    }

    /// Whether the set has no excerpts (a loaded set never has).
    pub fn is_empty(&self) -> bool {
        self.file.excerpts.is_empty()
    }
}


/// Loads and validates a set from its JSON text, reporting every problem found.
pub fn load(text: &str) -> Result<Set, SetErrors> {
    let mut problems = Problems::default();
    if text.len() > MAX_SET_BYTES {
        problems.add("", format!("the set is {} bytes; the most this tool reads is {MAX_SET_BYTES}", text.len()));
        return Err(SetErrors(problems.0));
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Err(SetErrors(vec![Problem {
                path: String::new(),
                line: Some(e.line()).filter(|&l| l > 0),
                column: Some(e.column()).filter(|&c| c > 0),
                message: syntax_message(&e),
            }]));
        }
    };
    let parts = Parts::read(&value, &mut problems);
    let set = parts.and_then(|parts| validate(parts, text, &mut problems));
    match set {
        Some(set) if problems.0.is_empty() => Ok(set),
        _ => {
            let mut list = problems.0;
            for p in &mut list {
                if p.line.is_none() {
                    if let Some((line, column)) = locate::nearest(text, &p.path) {
                        p.line = Some(line);
                        p.column = Some(column);
                    }
                }
            }
            Err(SetErrors(list))
        }
    }
}

/// serde_json's message without its " at line L column C" tail (line and column are fields).
fn syntax_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_string(),
        None => full,
    };
    match e.classify() {
        serde_json::error::Category::Eof => format!("the file ends too early ({message}); is a closing bracket or quote missing?"),
        _ => format!("this is not valid JSON: {message}"),
    }
}

#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem { path: path.into(), line: None, column: None, message: message.into() });
    }
}

/// Joins a JSON path prefix and a serde_path_to_error path.
fn join_path(prefix: &str, inner: &str) -> String {
    match (prefix.is_empty(), inner == "." || inner.is_empty()) {
        (_, true) => prefix.to_string(),
        (true, false) => inner.to_string(),
        (false, false) if inner.starts_with('[') => format!("{prefix}{inner}"),
        (false, false) => format!("{prefix}.{inner}"),
    }
}

/// Deserializes one part of the set, recording a problem (with its path) when it fails.
fn part<T: serde::de::DeserializeOwned>(value: &Value, path: &str, problems: &mut Problems) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(v) => Some(v),
        Err(e) => {
            let inner = e.path().to_string();
            problems.add(join_path(path, &inner), friendly(&e.into_inner().to_string()));
            None
        }
    }
}

/// Rewords serde's messages a little for people who do not program.
fn friendly(message: &str) -> String {
    message
        .replace("invalid type: ", "wrong kind of value: found ")
        .replace("expected a borrowed string", "expected text in quotes")
        .replace("expected a string", "expected text in quotes")
        .replace("expected u8", "expected a whole number from 0 to 255")
        .replace("expected u32", "expected a whole number")
}

/// The set read item by item, so that one broken excerpt does not hide the problems of others.
struct Parts {
    file: SetFile,
    complete: bool,
}

const TOP_FIELDS: &[&str] = &[
    "$schema", "format", "id", "lang", "title", "intro", "criteria", "categories", "precedence", "fallback",
    "excerpts", "settings",
];

impl Parts {
    fn read(value: &Value, problems: &mut Problems) -> Option<Parts> {
        let Some(map) = value.as_object() else {
            problems.add("", "a set is a JSON object: it starts with { and ends with }");
            return None;
        };
        for key in map.keys() {
            if !TOP_FIELDS.contains(&key.as_str()) {
                let hint = did_you_mean(key, TOP_FIELDS.iter().copied());
                problems.add(key.clone(), format!("unknown field `{key}`{hint}"));
            }
        }
        let format = match map.get("format") {
            None => {
                problems.add("", "missing field `format` (this version reads format 1)");
                return None;
            }
            Some(v) => part::<u32>(v, "format", problems)?,
        };
        if format != FORMAT_VERSION {
            problems.add("format", format!("format {format} is not supported; this version reads format {FORMAT_VERSION}"));
            return None;
        }
        let before = problems.0.len();
        let field = |name: &str, problems: &mut Problems| -> Option<&Value> {
            let v = map.get(name);
            if v.is_none() {
                problems.add("", format!("missing field `{name}`"));
            }
            v
        };
        let text = |name: &str, problems: &mut Problems| -> String {
            field(name, problems).and_then(|v| part::<String>(v, name, problems)).unwrap_or_default()
        };
        let id = text("id", problems);
        let title = text("title", problems);
        let intro = text("intro", problems);
        let lang = field("lang", problems).and_then(|v| part::<Lang>(v, "lang", problems)).unwrap_or(Lang::Nl);
        let criteria = list::<Criterion>(field("criteria", problems), "criteria", problems);
        let categories = list::<Category>(field("categories", problems), "categories", problems);
        let excerpts = list::<Excerpt>(field("excerpts", problems), "excerpts", problems);
        let precedence = map.get("precedence").and_then(|v| part(v, "precedence", problems)).unwrap_or_default();
        let fallback = map.get("fallback").and_then(|v| part(v, "fallback", problems));
        let settings = map.get("settings").and_then(|v| part(v, "settings", problems)).unwrap_or_default();
        let complete = problems.0.len() == before;
        Some(Parts {
            file: SetFile {
                schema: None,
                format,
                id,
                lang,
                title,
                intro,
                criteria,
                categories,
                precedence,
                fallback,
                excerpts,
                settings,
            },
            complete,
        })
    }
}

/// Reads a list item by item; items that fail are reported and left out.
fn list<T: serde::de::DeserializeOwned>(value: Option<&Value>, path: &str, problems: &mut Problems) -> Vec<T> {
    match value {
        None => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| part(v, &format!("{path}[{i}]"), problems))
            .collect(),
        Some(_) => {
            problems.add(path, "expected a list: [ … ]");
            Vec::new()
        }
    }
}

/// Checks what the types cannot and derives each excerpt's category. Returns `None` when the
/// set is incomplete or has problems (all of which are recorded).
fn validate(parts: Parts, text: &str, problems: &mut Problems) -> Option<Set> {
    let file = parts.file;
    let mut p = |path: String, msg: String| problems.add(path, msg);
    if file.id.trim().is_empty() && parts.complete {
        p("id".into(), "the set needs an id (letters, digits, - or _)".into());
    }
    if file.title.trim().is_empty() && parts.complete {
        p("title".into(), "the title is empty".into());
    }

    // Criteria.
    let mut criterion_ids: HashMap<&str, usize> = HashMap::new();
    for (i, c) in file.criteria.iter().enumerate() {
        check_id(&c.id, &format!("criteria[{i}].id"), &mut p);
        if let Some(first) = criterion_ids.insert(&c.id, i) {
            p(format!("criteria[{i}].id"), format!("the id `{}` is already used by criteria[{first}]", c.id));
        }
        if c.label.trim().is_empty() {
            p(format!("criteria[{i}].label"), "the label is empty".into());
        }
    }
    let unknown_criterion = |id: &str| {
        format!("criterion `{id}` does not exist{}", did_you_mean(id, file.criteria.iter().map(|c| c.id.as_str())))
    };

    // Categories and fallback.
    if file.categories.is_empty() && parts.complete {
        p("categories".into(), "a set needs at least one category".into());
    }
    if file.categories.len() > MAX_CATEGORIES {
        p("categories".into(), format!("{} categories; the most a set may hold is {MAX_CATEGORIES}", file.categories.len()));
    }
    let mut bin_ids: HashMap<&str, String> = HashMap::new();
    for (i, c) in file.categories.iter().enumerate() {
        let path = format!("categories[{i}]");
        check_id(&c.id, &format!("{path}.id"), &mut p);
        if let Some(first) = bin_ids.insert(&c.id, path.clone()) {
            p(format!("{path}.id"), format!("the id `{}` is already used by {first}", c.id));
        }
        if c.label.trim().is_empty() {
            p(format!("{path}.label"), "the label is empty".into());
        }
        for id in c.rule.criteria() {
            if !criterion_ids.contains_key(id) {
                p(format!("{path}.rule"), unknown_criterion(id));
            }
        }
    }
    if let Some(f) = &file.fallback {
        check_id(&f.id, "fallback.id", &mut p);
        if let Some(first) = bin_ids.insert(&f.id, "fallback".into()) {
            p("fallback.id".into(), format!("the id `{}` is already used by {first}", f.id));
        }
    }
    let category_index = |id: &str| file.categories.iter().position(|c| c.id == id);
    let precedence: Vec<usize> = if file.precedence.is_empty() {
        (0..file.categories.len()).collect()
    } else {
        let mut order = Vec::new();
        for (i, id) in file.precedence.iter().enumerate() {
            match category_index(id) {
                Some(c) if order.contains(&c) => p(format!("precedence[{i}]"), format!("`{id}` is listed twice")),
                Some(c) => order.push(c),
                None => p(
                    format!("precedence[{i}]"),
                    format!(
                        "category `{id}` does not exist{}",
                        did_you_mean(id, file.categories.iter().map(|c| c.id.as_str()))
                    ),
                ),
            }
        }
        for c in &file.categories {
            if !file.precedence.contains(&c.id) {
                p("precedence".into(), format!("category `{}` is missing from the precedence list", c.id));
            }
        }
        order
    };

    // Excerpts.
    if file.excerpts.is_empty() && parts.complete {
        p("excerpts".into(), "a set needs at least one excerpt".into());
    }
    if file.excerpts.len() > MAX_EXCERPTS {
        p("excerpts".into(), format!("{} excerpts; the most a set may hold is {MAX_EXCERPTS}", file.excerpts.len()));
    }
    let fallback_bin = file.categories.len();
    let mut excerpt_ids: HashMap<&str, usize> = HashMap::new();
    let mut shown_all = Vec::with_capacity(file.excerpts.len());
    let mut expected = Vec::with_capacity(file.excerpts.len());
    for (i, e) in file.excerpts.iter().enumerate() {
        let path = format!("excerpts[{i}]");
        check_id(&e.id, &format!("{path}.id"), &mut p);
        if let Some(first) = excerpt_ids.insert(&e.id, i) {
            p(format!("{path}.id"), format!("the id `{}` is already used by excerpts[{first}]", e.id));
        }
        if e.text.trim().is_empty() {
            p(format!("{path}.text"), "the text is empty".into());
        }
        let mut shown: Vec<usize> = Vec::new();
        for (j, ev) in e.evidence.iter().enumerate() {
            let epath = format!("{path}.evidence[{j}]");
            match criterion_ids.get(ev.criterion.as_str()) {
                Some(&c) if shown.contains(&c) => {
                    p(format!("{epath}.criterion"), format!("criterion `{}` is listed twice for this excerpt", ev.criterion))
                }
                Some(&c) => shown.push(c),
                None => p(format!("{epath}.criterion"), unknown_criterion(&ev.criterion)),
            }
            if ev.quote.trim().is_empty() {
                p(format!("{epath}.quote"), "the quote is empty: copy the words that show the criterion from the text".into());
            } else if !e.text.contains(&ev.quote) {
                p(format!("{epath}.quote"), "quote is not found in the excerpt's text (it must be copied exactly, same spelling and punctuation)".into());
            }
        }
        let shows = |id: &str| criterion_ids.get(id).is_some_and(|c| shown.contains(c));
        let derived = precedence
            .iter()
            .copied()
            .find(|&c| file.categories[c].rule.evaluate(&shows).holds)
            .unwrap_or(fallback_bin);
        if derived == fallback_bin {
            match &file.fallback {
                None if parts.complete => p(
                    path.clone(),
                    format!("no category's rule holds for this excerpt (it shows: {}), and the set has no fallback category", names(&shown, &file.criteria)),
                ),
                Some(f) if !f.offer => p(
                    path.clone(),
                    format!("no category's rule holds for this excerpt (it shows: {}), and the fallback `{}` is not offered as a bin", names(&shown, &file.criteria), f.id),
                ),
                _ => {}
            }
        }
        if let Some(stated) = &e.category {
            let derived_id = if derived == fallback_bin {
                file.fallback.as_ref().map_or("(none)", |f| f.id.as_str())
            } else {
                &file.categories[derived].id
            };
            if !bin_ids.contains_key(stated.as_str()) {
                p(
                    format!("{path}.category"),
                    format!("category `{stated}` does not exist{}", did_you_mean(stated, bin_ids.keys().copied())),
                );
            } else if stated != derived_id && parts.complete {
                p(
                    format!("{path}.category"),
                    format!(
                        "the set says `{stated}` but the rules give `{derived_id}`: the excerpt shows {}, and {}",
                        names(&shown, &file.criteria),
                        match file.categories.iter().find(|c| c.id == *stated) {
                            Some(c) if c.rule.evaluate(&shows).holds => {
                                format!("`{derived_id}` comes before `{stated}` in the precedence order")
                            }
                            Some(_) => format!("that does not meet the rule of `{stated}`"),
                            None => format!("that meets the rule of `{derived_id}`"),
                        }
                    ),
                );
            }
        }
        shown_all.push(shown);
        expected.push(derived);
    }

    // Settings.
    let s = &file.settings;
    if !(1..=9).contains(&s.tries) {
        p("settings.tries".into(), format!("tries is {}; it must be from 1 to 9", s.tries));
    }
    if s.penalty > 100 {
        p("settings.penalty".into(), format!("penalty is {}; it is a percentage from 0 to 100", s.penalty));
    }
    if s.pass_mark > 100 {
        p("settings.pass_mark".into(), format!("pass_mark is {}; it is a percentage from 0 to 100", s.pass_mark));
    }
    let mut seen = HashSet::new();
    for (i, band) in s.overall.iter().enumerate() {
        if band.min > 100 {
            p(format!("settings.overall[{i}].min"), format!("min is {}; scores run from 0 to 100", band.min));
        } else if !seen.insert(band.min) {
            p(format!("settings.overall[{i}].min"), format!("another band already starts at {}", band.min));
        }
    }

    if !problems.0.is_empty() || !parts.complete {
        return None;
    }
    let mut bins: Vec<BinId> = (0..file.categories.len()).collect();
    if file.fallback.as_ref().is_some_and(|f| f.offer) {
        bins.push(fallback_bin);
    }
    Some(Set { hash: fnv1a(text.as_bytes()), file, shown: shown_all, expected, precedence, bins })
}

/// Criterion labels for a message, or "none of the criteria".
fn names(shown: &[usize], criteria: &[Criterion]) -> String {
    if shown.is_empty() {
        return "none of the criteria".into();
    }
    shown.iter().map(|&c| format!("`{}`", criteria[c].id)).collect::<Vec<_>>().join(", ")
}

fn check_id(id: &str, path: &str, p: &mut impl FnMut(String, String)) {
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        p(path.to_string(), format!("the id `{id}` may only use letters a–z, digits, - and _"));
    }
}

/// "; did you mean `x`?" when a known name is close to `word`, else "".
fn did_you_mean<'a>(word: &str, known: impl Iterator<Item = &'a str>) -> String {
    known
        .map(|k| (edit_distance(word, k), k))
        .filter(|&(d, k)| d <= 2.max(k.len() / 4) && d > 0)
        .min()
        .map(|(_, k)| format!("; did you mean `{k}`?"))
        .unwrap_or_default()
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// FNV-1a, 64 bits: a stable fingerprint of the set's text.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}
