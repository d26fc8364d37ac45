//! The exercise-set format (version 2; version 1 still loads): the types, loading from `&str`,
//! and the semantic validation that the types alone cannot express. The quiz's fields (`mode`,
//! `quiz`, `questions`, `lenses`) are in [`quiz_format`].
//!
//! Loading parses the text with [`json`] into a tree that knows where every
//! value starts, then reads the types from it by hand. It never stops at the first problem it
//! can recover from: a syntax error ends parsing (it has a line and column), but every shape
//! problem (a missing, unknown, repeated or wrongly typed field) and every semantic problem is
//! reported, each with the JSON path of the value it is about and that value's line and column.
//! A value that could not be read gets no further, semantic, complaint.

use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt;

use crate::core::json::{self, Member, Node, Pos, Value};
use crate::core::rule::Rule;
use crate::core::strings::{self, Key, Lang};
use crate::core::wording::Overrides;

pub mod quiz_format;

pub use quiz_format::{Lens, Mode, Question, QuestionOption, QuestionType, QuizSettings, Step};

/// The format version this build writes (`diary-sort fmt`) and reads.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest format version this build still reads: a version-1 set is a version-2 set with
/// `mode: "board"`, no `quiz`, no `questions` and no `lenses`.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// The largest set text accepted, in bytes: room for 10,000 excerpts as long as the default
/// set's (about 1.5 KB each, 15 MB); anything bigger is a mistake, not an exercise.
pub const MAX_SET_BYTES: usize = 16 * 1024 * 1024;

/// The most categories a set may hold (bins are stored as one base-36 digit).
pub const MAX_CATEGORIES: usize = 35;

/// The most excerpts a set may hold: the most items the parser reads in any list, so a longer
/// list is refused while it is being read.
pub const MAX_EXCERPTS: usize = json::MAX_LIST_ITEMS;

/// The most pieces of evidence one excerpt may list (one per criterion it shows). Each quote
/// is looked up in the excerpt's text, so this bounds that search to 16 passes over the set.
pub const MAX_EVIDENCE: usize = 16;

/// The most name comparisons "did you mean" makes while one set loads; after that, unknown
/// names get no suggestion (thousands of unknown references to thousands of criteria would
/// otherwise take seconds).
const MAX_COMPARISONS: usize = 20_000;

/// The most problems listed for one set; a last line says there are more. A list of hundreds
/// of thousands helps nobody, and would take seconds to build and to show.
pub const MAX_PROBLEMS: usize = 1_000;

/// Names longer than this (in characters) are neither given nor compared for a suggestion.
const MAX_SUGGESTED_CHARS: usize = 64;

/// Where in the essay something is said.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EssayRef {
    /// The section title as printed in the essay; empty for its untitled introduction.
    pub section: String,
    /// The essay's footnote number, when there is one.
    pub footnote: Option<u32>,
}

/// A condition the essay names (loneliness, the four conditions of atomisation, the marks of
/// internalisation…). Rules refer to criteria by `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    pub offer: bool,
}

/// Whether an excerpt quotes a diary or describes a passage the essay does not quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExcerptKind {
    /// A quotation (shown in quotation marks).
    #[default]
    Quote,
    /// The essay's description of a passage (shown as a description, never as a quotation).
    Description,
}

/// What kind of text an excerpt comes from: students weigh a diary's words differently from a
/// memoir written years later or a newspaper's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceKind {
    /// A diary (the default: every set before the field existed quoted diaries).
    #[default]
    Diary,
    /// A memoir, written afterwards.
    Memoir,
    /// A newspaper.
    Newspaper,
    /// A letter.
    Letter,
}

impl SourceKind {
    /// The string-table key of its name, shown on every card and quiz item.
    pub fn key(self) -> Key {
        match self {
            SourceKind::Diary => Key::SourceDiary,
            SourceKind::Memoir => Key::SourceMemoir,
            SourceKind::Newspaper => Key::SourceNewspaper,
            SourceKind::Letter => Key::SourceLetter,
        }
    }
}

/// Where an excerpt comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// What kind of text it is.
    pub kind: SourceKind,
    /// Who wrote it, e.g. "Ljoebov Sjaporina" (for a newspaper, the newspaper).
    pub diarist: String,
    /// The date of the entry, as written.
    pub date: Option<String>,
    /// The published work it is taken from.
    pub work: String,
    /// Page or pages in that work.
    pub page: Option<String>,
    /// One line on who wrote it, when, in what position, as the essay or the edition states it.
    pub context: Option<String>,
}

/// A criterion an excerpt shows, with the words that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The criterion id.
    pub criterion: String,
    /// Words from the excerpt's text; must occur in it exactly.
    pub quote: String,
}

/// One card to sort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// Identifier, unique in the set.
    pub id: String,
    /// Quotation or description.
    pub kind: ExcerptKind,
    /// Plain text; a blank line separates paragraphs. Never HTML.
    pub text: String,
    /// Where it comes from.
    pub source: Source,
    /// Where the essay discusses it (section and footnote).
    pub essay: EssayRef,
    /// The criteria it shows, each with its evidence. Criteria not listed are absent.
    pub evidence: Vec<Evidence>,
    /// The category the author expects; when given it must agree with the rule.
    pub category: Option<String>,
    /// Author's commentary, shown after the derived explanation.
    pub commentary: Option<String>,
    /// Author's hint, shown instead of the derived hint after a wrong try.
    pub hint: Option<String>,
}

/// Overall feedback for scores from `min` percent up to the next band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreBand {
    /// Lowest score (percent, 0–100) this text is for.
    pub min: u8,
    /// The text.
    pub text: String,
}

/// How an attempt is scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Number of checks a student gets (1–9; default 3).
    pub tries: u8,
    /// Percentage points an excerpt loses for each extra check it needed (0–100; default 25).
    pub penalty: u8,
    /// Score (percent) needed to pass (default 60).
    pub pass_mark: u8,
    /// Whether the cards are shuffled (with a seed kept in the resume state; default true).
    pub shuffle: bool,
    /// Overall feedback by score.
    pub overall: Vec<ScoreBand>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { tries: 3, penalty: 25, pass_mark: 60, shuffle: true, overall: Vec::new() }
    }
}

/// An exercise set exactly as written in its JSON file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetFile {
    /// Editors' schema reference (`$schema`); ignored.
    pub schema: Option<String>,
    /// Format version as written: 1 or 2.
    pub format: u32,
    /// Identifier of the set (part of the key under which attempts are stored).
    pub id: String,
    /// Language of the set's texts and, unless the page says otherwise, of the interface.
    pub lang: Lang,
    /// Which modes the set offers (default: the board).
    pub mode: Mode,
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
    pub precedence: Vec<String>,
    /// The "none of these" category.
    pub fallback: Option<Fallback>,
    /// The cards.
    pub excerpts: Vec<Excerpt>,
    /// Concept questions (quiz mode only), asked after the excerpts.
    pub questions: Vec<Question>,
    /// The historians' readings of the same criteria.
    pub lenses: Vec<Lens>,
    /// Scoring (both modes).
    pub settings: Settings,
    /// How the quiz runs, as written (`None`: every default; see [`Set::quiz_settings`]).
    pub quiz: Option<QuizSettings>,
    /// The set's own wording of interface texts and feedback templates (`strings`).
    pub strings: Overrides,
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
    /// Per lens (in the order of `file.lenses`), category indices in the order it tries them.
    pub lens_precedence: Vec<Vec<usize>>,
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
            Some(c) => BinInfo { id: &c.id, label: &c.label, definition: &c.definition, essay_says: &c.essay_says, essay: &c.essay },
            None => {
                let f = self.file.fallback.as_ref().expect("bin index past the fallback");
                BinInfo { id: &f.id, label: &f.label, definition: &f.definition, essay_says: &f.essay_says, essay: &f.essay }
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

    /// How the quiz runs: the set's `quiz`, or every default when it has none.
    pub fn quiz_settings(&self) -> QuizSettings {
        self.file.quiz.clone().unwrap_or_default()
    }

    /// The bin lens `lens` gives excerpt `i`: the first category, in the lens's order, whose rule
    /// (the lens's own, else the set's) holds for the criteria the excerpt shows.
    pub fn classify(&self, lens: usize, i: usize) -> BinId {
        let shows = |id: &str| self.shown[i].iter().any(|&c| self.file.criteria[c].id == id);
        first_holding(&self.lens_precedence[lens], &|c| self.lens_rule(lens, c), &shows, self.file.categories.len())
    }

    /// The bin the set's rules give an excerpt that shows exactly the criteria `shown` (indices
    /// into `file.criteria`): what a student's own reading implies.
    pub fn classify_criteria(&self, shown: &[usize]) -> BinId {
        let shows = |id: &str| shown.iter().any(|&c| self.file.criteria.get(c).is_some_and(|k| k.id == id));
        first_holding(&self.precedence, &|c| &self.file.categories[c].rule, &shows, self.file.categories.len())
    }

    /// The rule of category `category` as lens `lens` reads it (its own rule, else the set's).
    pub fn lens_rule(&self, lens: usize, category: usize) -> &Rule {
        self.file.lens_rule(lens, category)
    }
}

impl SetFile {
    fn lens_rule(&self, lens: usize, category: usize) -> &Rule {
        let id = &self.categories[category].id;
        let own = self.lenses[lens].rules.iter().find(|(c, _)| c == id);
        own.map_or(&self.categories[category].rule, |(_, rule)| rule)
    }
}

/// The language a set's text names in its top-level `lang`, when the text is JSON within the
/// limits and the language is one this build speaks (for the interface around a set that does
/// not load).
pub fn stated_lang(text: &str) -> Option<Lang> {
    if text.len() > MAX_SET_BYTES {
        return None;
    }
    match &json::parse(text).ok()?.get("lang")?.value {
        Value::String(tag) => Lang::from_tag(tag),
        _ => None,
    }
}

/// Loads and validates a set from its JSON text, reporting every problem found.
pub fn load(text: &str) -> Result<Set, SetErrors> {
    let whole_file = |pos: Option<Pos>, message: String| {
        SetErrors(vec![Problem { path: String::new(), line: pos.map(|p| p.line), column: pos.map(|p| p.column), message }])
    };
    if text.len() > MAX_SET_BYTES {
        let message = format!("the set is {} bytes; the most this tool reads is {MAX_SET_BYTES}", text.len());
        return Err(whole_file(None, message));
    }
    let root = json::parse(text)
        .map_err(|e| SetErrors(vec![Problem { path: e.path, line: Some(e.pos.line), column: Some(e.pos.column), message: e.message }]))?;
    let comparisons = Cell::new(MAX_COMPARISONS);
    let mut problems = Problems {
        root: &root,
        list: Vec::new(),
        overflow: false,
        unread: Vec::new(),
        unread_order: Vec::new(),
        comparisons: &comparisons,
    };
    let set = read_set(&mut problems).and_then(|(file, complete)| validate(file, complete, text, &mut problems));
    match set {
        Some(set) if problems.list.is_empty() => Ok(set),
        _ => {
            let mut list = problems.list;
            if problems.overflow {
                let message = format!("there are more problems than these {MAX_PROBLEMS}; fix these first");
                list.push(Problem { path: String::new(), line: None, column: None, message });
            }
            Err(SetErrors(list))
        }
    }
}

/// The problems found so far, each placed in the text.
struct Problems<'n> {
    /// The parsed set, for placing problems found after reading.
    root: &'n Node,
    /// The first [`MAX_PROBLEMS`] problems.
    list: Vec<Problem>,
    /// Whether more were found than the list holds.
    overflow: bool,
    /// Paths of values that could not be read: validation stays silent about them and anything
    /// inside them, since it only sees the defaults that stand in for them.
    unread: Vec<String>,
    /// Indices into `unread` in the order of their paths, made when validation starts, so that
    /// [`Problems::add`] looks up a path's ancestors instead of scanning the whole list (a scan
    /// per problem made 10,000 broken excerpts take seconds).
    unread_order: Vec<usize>,
    /// Name comparisons left for "did you mean" (see [`MAX_COMPARISONS`]).
    comparisons: &'n Cell<usize>,
}

impl Problems<'_> {
    /// A problem with the text as written, at `pos`.
    fn at(&mut self, path: String, pos: Pos, message: String) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(Problem { path, line: Some(pos.line), column: Some(pos.column), message });
        } else {
            self.overflow = true;
        }
    }

    /// A value that cannot be read: reported, and remembered as unread.
    fn unreadable(&mut self, path: &str, pos: Pos, message: String) {
        self.unread.push(path.to_string());
        self.at(path.to_string(), pos, message);
    }

    /// A problem found by validation, placed at the value its path names (or the nearest value
    /// that exists); dropped when it is about an unread value.
    fn add(&mut self, path: String, message: String) {
        if self.overflow {
            return;
        }
        let unread = |a: &str| self.unread_order.binary_search_by(|&u| self.unread[u].as_str().cmp(a)).is_ok();
        let inside_unread = unread(&path) || path.match_indices(['.', '[']).any(|(i, _)| unread(&path[..i]));
        if !inside_unread {
            let pos = self.root.locate(&path);
            self.at(path, pos, message);
        }
    }
}

/// The path of member `name` of the value at `path`.
fn child(path: &str, name: &str) -> String {
    if path.is_empty() { name.to_string() } else { format!("{path}.{name}") }
}

/// Reports a value of the wrong kind: "expected {expected}, found …".
fn wrong<T>(p: &mut Problems, node: &Node, path: &str, expected: &str) -> Option<T> {
    report_wrong(p, node, path, expected);
    None
}

/// The report of [`wrong`], apart from it so that its eight return types do not each make a copy
/// in the wasm.
#[inline(never)]
fn report_wrong(p: &mut Problems, node: &Node, path: &str, expected: &str) {
    let found = match &node.value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Integer(n) => n.to_string(),
        Value::Number(text) => text.clone(),
        Value::String(s) => {
            let shown = json::first_chars(s, 24);
            let cut = if shown.len() < s.len() { "…" } else { "" };
            format!("\"{shown}{cut}\"")
        }
        Value::Array(_) => "a list [ … ]".to_string(),
        Value::Object(_) => "an object { … }".to_string(),
    };
    p.unreadable(path, node.pos, format!("expected {expected}, found {found}"));
}

/// Reads text in quotes.
fn text(p: &mut Problems, node: &Node, path: &str) -> Option<String> {
    match &node.value {
        Value::String(s) => Some(s.clone()),
        _ => wrong(p, node, path, "text in quotes"),
    }
}

/// Reads `true` or `false`.
fn flag(p: &mut Problems, node: &Node, path: &str) -> Option<bool> {
    match node.value {
        Value::Bool(b) => Some(b),
        _ => wrong(p, node, path, "true or false"),
    }
}

/// Reads a whole number from 0 to `max`.
fn whole(p: &mut Problems, node: &Node, path: &str, max: u32) -> Option<u32> {
    match node.value {
        Value::Integer(n) if (0..=i64::from(max)).contains(&n) => Some(n as u32),
        _ if max == u32::MAX => wrong(p, node, path, "a whole number (0 or more)"),
        _ => wrong(p, node, path, &format!("a whole number from 0 to {max}")),
    }
}

/// Reads a whole number that fits a `u32`.
fn number(p: &mut Problems, node: &Node, path: &str) -> Option<u32> {
    whole(p, node, path, u32::MAX)
}

/// Reads a whole number from 0 to 255.
fn small(p: &mut Problems, node: &Node, path: &str) -> Option<u8> {
    whole(p, node, path, u8::MAX.into()).map(|n| n as u8)
}

/// Reads a list of ids (texts; empty where an item cannot be read).
fn id_list(p: &mut Problems, node: &Node, path: &str) -> Option<Vec<String>> {
    list(p, node, path, |p, node, path| text(p, node, path).unwrap_or_default())
}

/// Reads one of the words in `names`, returning its index.
fn choice(p: &mut Problems, node: &Node, path: &str, names: &[&str]) -> Option<usize> {
    if let Value::String(s) = &node.value {
        if let Some(i) = names.iter().position(|n| n == s) {
            return Some(i);
        }
    }
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    wrong(p, node, path, &quoted.join(" or "))
}

/// Reads a list item by item; every item is kept (broken ones as defaults), so that paths of
/// later items stay right.
fn list<T>(p: &mut Problems, node: &Node, path: &str, item: fn(&mut Problems, &Node, &str) -> T) -> Option<Vec<T>> {
    let items = array(p, node, path)?;
    // A loop rather than `map(…).collect()`: each of the nine types read saves 0.3 KB of wasm.
    let mut list = Vec::with_capacity(items.len());
    for (i, node) in items.iter().enumerate() {
        list.push(item(p, node, &format!("{path}[{i}]")));
    }
    Some(list)
}

/// The items of a list, or a report that the value is not one (apart from [`list`], which is
/// instantiated per type).
fn array<'n>(p: &mut Problems, node: &'n Node, path: &str) -> Option<&'n [Node]> {
    match &node.value {
        Value::Array(items) => Some(items),
        _ => wrong(p, node, path, "a list [ … ]"),
    }
}

/// An object's members, checked against the fields its type has.
struct Fields<'n> {
    node: &'n Node,
    path: String,
    /// Empty when the value is not an object (already reported).
    members: &'n [Member],
}

/// Opens the object at `path`, reporting unknown and repeated fields (the first of a repeated
/// field is the one read). A value that is not an object is reported and reads as empty.
fn fields<'n>(p: &mut Problems, node: &'n Node, path: &str, known: &[&str]) -> Fields<'n> {
    let Value::Object(members) = &node.value else {
        wrong::<()>(p, node, path, "an object { … }");
        return Fields { node, path: path.to_string(), members: &[] };
    };
    let mut seen = 0u32;
    for m in members {
        match known.iter().position(|k| *k == m.key) {
            Some(i) if seen & 1 << i != 0 => p.at(child(path, &m.key), m.pos, format!("field `{}` appears twice", m.key)),
            Some(i) => seen |= 1 << i,
            None => {
                let mut hint = did_you_mean(&m.key, known.iter().copied(), p.comparisons);
                if hint.is_empty() {
                    hint = format!("; the fields here are `{}`", known.join("`, `"));
                }
                p.at(child(path, &m.key), m.pos, format!("unknown field `{}`{hint}", m.key));
            }
        }
    }
    Fields { node, path: path.to_string(), members }
}

impl<'n> Fields<'n> {
    fn member(&self, name: &str) -> Option<&'n Node> {
        self.members.iter().find(|m| m.key == name).map(|m| &m.value)
    }

    /// Reads field `name`, reporting it when missing.
    fn required<T>(&self, p: &mut Problems, name: &str, read: fn(&mut Problems, &Node, &str) -> Option<T>) -> Option<T> {
        let (node, path) = self.present(p, name)?;
        read(p, node, &path)
    }

    /// Field `name` and its path; reported (and remembered as unread) when missing. The
    /// part of [`Fields::required`] that does not depend on the type read: one copy in the
    /// wasm instead of one per type.
    fn present(&self, p: &mut Problems, name: &str) -> Option<(&'n Node, String)> {
        let path = child(&self.path, name);
        match self.member(name) {
            Some(node) => Some((node, path)),
            None => {
                if matches!(self.node.value, Value::Object(_)) {
                    p.at(self.path.clone(), self.node.pos, format!("missing field `{name}`"));
                }
                p.unread.push(path);
                None
            }
        }
    }

    /// Reads field `name` when it is there and not `null`.
    fn optional<T>(&self, p: &mut Problems, name: &str, read: fn(&mut Problems, &Node, &str) -> Option<T>) -> Option<T> {
        let (node, path) = self.given(name)?;
        read(p, node, &path)
    }

    /// Field `name` and its path when it is there and not `null` (see [`Fields::present`]).
    fn given(&self, name: &str) -> Option<(&'n Node, String)> {
        let node = self.member(name).filter(|node| !matches!(node.value, Value::Null))?;
        Some((node, child(&self.path, name)))
    }

    /// Reads required text, empty when it cannot be read.
    fn text(&self, p: &mut Problems, name: &str) -> String {
        self.required(p, name, text).unwrap_or_default()
    }

    /// Reads optional text.
    fn optional_text(&self, p: &mut Problems, name: &str) -> Option<String> {
        self.optional(p, name, text)
    }

    /// Reads the required `essay` reference.
    fn essay(&self, p: &mut Problems) -> EssayRef {
        self.required(p, "essay", |p, node, path| Some(essay_ref(p, node, path))).unwrap_or_default()
    }
}

// The fields of each object, in their canonical order (`diary-sort fmt` writes them so; the
// JSON Schema lists them so and a test holds the two together).

/// The fields of a set.
pub const SET_FIELDS: &[&str] = &[
    "$schema",
    "format",
    "id",
    "lang",
    "mode",
    "title",
    "intro",
    "criteria",
    "categories",
    "precedence",
    "fallback",
    "excerpts",
    "questions",
    "lenses",
    "settings",
    "quiz",
    "strings",
];
/// The fields a version-1 set may not have.
const VERSION_2_FIELDS: &[&str] = &["mode", "questions", "lenses", "quiz"];
/// The fields of an essay reference.
pub const ESSAY_FIELDS: &[&str] = &["section", "footnote"];
/// The fields of a criterion.
pub const CRITERION_FIELDS: &[&str] = &["id", "label", "explanation", "essay"];
/// The fields of a category.
pub const CATEGORY_FIELDS: &[&str] = &["id", "label", "definition", "essay_says", "essay", "rule"];
/// The fields of the fallback category.
pub const FALLBACK_FIELDS: &[&str] = &["id", "label", "definition", "essay_says", "essay", "offer"];
/// The fields of an excerpt.
pub const EXCERPT_FIELDS: &[&str] = &["id", "kind", "text", "source", "essay", "evidence", "category", "commentary", "hint"];
/// The fields of an excerpt's source.
pub const SOURCE_FIELDS: &[&str] = &["kind", "diarist", "date", "work", "page", "context"];
/// The fields of a piece of evidence.
pub const EVIDENCE_FIELDS: &[&str] = &["criterion", "quote"];
/// The fields of the settings.
pub const SETTINGS_FIELDS: &[&str] = &["tries", "penalty", "pass_mark", "shuffle", "overall"];
/// The fields of a score band.
pub const SCORE_BAND_FIELDS: &[&str] = &["min", "text"];
/// The words of `lang`, in the order of [`Lang`]'s variants.
pub const LANG_CODES: &[&str] = &["nl", "en"];
/// The words of an excerpt's `kind`, in the order of [`ExcerptKind`]'s variants.
pub const KIND_NAMES: &[&str] = &["quote", "description"];
/// The words of a source's `kind`, in the order of [`SourceKind`]'s variants.
pub const SOURCE_KIND_NAMES: &[&str] = &["diary", "memoir", "newspaper", "letter"];

/// Reads the whole set; also says whether it was read without any problem. `None` when it is
/// not an object or not format 1 (nothing else is worth reading then).
fn read_set(p: &mut Problems) -> Option<(SetFile, bool)> {
    let root = p.root;
    if !matches!(root.value, Value::Object(_)) {
        p.at(String::new(), root.pos, "a set is a JSON object: it starts with { and ends with }".into());
        return None;
    }
    let f = fields(p, root, "", SET_FIELDS);
    let Some(node) = f.member("format") else {
        p.at(String::new(), root.pos, format!("missing field `format` (this version reads format {FORMAT_VERSION})"));
        return None;
    };
    let format = number(p, node, "format")?;
    if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&format) {
        let message = format!("format {format} is not supported; this version reads formats {OLDEST_FORMAT_VERSION} and {FORMAT_VERSION}");
        p.at("format".into(), node.pos, message);
        return None;
    }
    let before = (p.list.len(), p.overflow);
    if format < FORMAT_VERSION {
        for m in f.members.iter().filter(|m| VERSION_2_FIELDS.contains(&m.key.as_str())) {
            let message = format!("field `{}` needs format {FORMAT_VERSION}: change `format` to {FORMAT_VERSION}", m.key);
            p.unreadable(&m.key, m.pos, message);
        }
    }
    let file = SetFile {
        schema: f.optional_text(p, "$schema"),
        format,
        id: f.text(p, "id"),
        lang: f.required(p, "lang", |p, node, path| Some([Lang::Nl, Lang::En][choice(p, node, path, LANG_CODES)?])).unwrap_or(Lang::Nl),
        mode: f.optional(p, "mode", quiz_format::mode).unwrap_or_default(),
        title: f.text(p, "title"),
        intro: f.text(p, "intro"),
        criteria: f.required(p, "criteria", |p, node, path| list(p, node, path, criterion)).unwrap_or_default(),
        categories: f.required(p, "categories", |p, node, path| list(p, node, path, category)).unwrap_or_default(),
        precedence: f.optional(p, "precedence", id_list).unwrap_or_default(),
        fallback: f.optional(p, "fallback", |p, node, path| Some(fallback(p, node, path))),
        excerpts: f.required(p, "excerpts", |p, node, path| list(p, node, path, excerpt)).unwrap_or_default(),
        questions: f.optional(p, "questions", |p, node, path| list(p, node, path, quiz_format::question)).unwrap_or_default(),
        lenses: f.optional(p, "lenses", |p, node, path| list(p, node, path, quiz_format::lens)).unwrap_or_default(),
        settings: f.optional(p, "settings", |p, node, path| Some(settings(p, node, path))).unwrap_or_default(),
        quiz: f.optional(p, "quiz", |p, node, path| Some(quiz_format::quiz_settings(p, node, path))),
        strings: f.optional(p, "strings", overrides).unwrap_or_default(),
    };
    Some((file, (p.list.len(), p.overflow) == before))
}

// One reader per type. Each reads every field it can (so that all problems are found at once)
// and stands in defaults for the rest; list items are never dropped, so later paths stay right.
// Each is `#[inline(never)]` (here and in `quiz`): inlined into `read_set`, the readers made the
// wasm 0.6 KB larger gzipped.

#[inline(never)]
fn essay_ref(p: &mut Problems, node: &Node, path: &str) -> EssayRef {
    let f = fields(p, node, path, ESSAY_FIELDS);
    EssayRef { section: f.text(p, "section"), footnote: f.optional(p, "footnote", number) }
}

#[inline(never)]
fn criterion(p: &mut Problems, node: &Node, path: &str) -> Criterion {
    let f = fields(p, node, path, CRITERION_FIELDS);
    Criterion { id: f.text(p, "id"), label: f.text(p, "label"), explanation: f.text(p, "explanation"), essay: f.essay(p) }
}

#[inline(never)]
fn category(p: &mut Problems, node: &Node, path: &str) -> Category {
    let f = fields(p, node, path, CATEGORY_FIELDS);
    Category {
        id: f.text(p, "id"),
        label: f.text(p, "label"),
        definition: f.text(p, "definition"),
        essay_says: f.text(p, "essay_says"),
        essay: f.essay(p),
        rule: f
            .required(p, "rule", |p, node, path| Rule::from_value(node).map_err(|m| p.unreadable(path, node.pos, m)).ok())
            .unwrap_or(Rule::Any(Vec::new())),
    }
}

#[inline(never)]
fn fallback(p: &mut Problems, node: &Node, path: &str) -> Fallback {
    let f = fields(p, node, path, FALLBACK_FIELDS);
    Fallback {
        id: f.text(p, "id"),
        label: f.text(p, "label"),
        definition: f.text(p, "definition"),
        essay_says: f.text(p, "essay_says"),
        essay: f.essay(p),
        offer: f.optional(p, "offer", flag).unwrap_or(true),
    }
}

#[inline(never)]
fn excerpt(p: &mut Problems, node: &Node, path: &str) -> Excerpt {
    let f = fields(p, node, path, EXCERPT_FIELDS);
    Excerpt {
        id: f.text(p, "id"),
        kind: f
            .optional(p, "kind", |p, node, path| Some([ExcerptKind::Quote, ExcerptKind::Description][choice(p, node, path, KIND_NAMES)?]))
            .unwrap_or_default(),
        text: f.text(p, "text"),
        source: f.required(p, "source", |p, node, path| Some(source(p, node, path))).unwrap_or_default(),
        essay: f.essay(p),
        evidence: f.optional(p, "evidence", |p, node, path| list(p, node, path, evidence)).unwrap_or_default(),
        category: f.optional_text(p, "category"),
        commentary: f.optional_text(p, "commentary"),
        hint: f.optional_text(p, "hint"),
    }
}

#[inline(never)]
fn source(p: &mut Problems, node: &Node, path: &str) -> Source {
    let f = fields(p, node, path, SOURCE_FIELDS);
    const KINDS: [SourceKind; 4] = [SourceKind::Diary, SourceKind::Memoir, SourceKind::Newspaper, SourceKind::Letter];
    Source {
        kind: f.optional(p, "kind", |p, node, path| Some(KINDS[choice(p, node, path, SOURCE_KIND_NAMES)?])).unwrap_or_default(),
        diarist: f.text(p, "diarist"),
        date: f.optional_text(p, "date"),
        work: f.text(p, "work"),
        page: f.optional_text(p, "page"),
        context: f.optional_text(p, "context"),
    }
}

#[inline(never)]
fn evidence(p: &mut Problems, node: &Node, path: &str) -> Evidence {
    let f = fields(p, node, path, EVIDENCE_FIELDS);
    Evidence { criterion: f.text(p, "criterion"), quote: f.text(p, "quote") }
}

#[inline(never)]
fn settings(p: &mut Problems, node: &Node, path: &str) -> Settings {
    let f = fields(p, node, path, SETTINGS_FIELDS);
    let default = Settings::default();
    Settings {
        tries: f.optional(p, "tries", small).unwrap_or(default.tries),
        penalty: f.optional(p, "penalty", small).unwrap_or(default.penalty),
        pass_mark: f.optional(p, "pass_mark", small).unwrap_or(default.pass_mark),
        shuffle: f.optional(p, "shuffle", flag).unwrap_or(default.shuffle),
        overall: f.optional(p, "overall", |p, node, path| list(p, node, path, score_band)).unwrap_or_default(),
    }
}

#[inline(never)]
fn score_band(p: &mut Problems, node: &Node, path: &str) -> ScoreBand {
    let f = fields(p, node, path, SCORE_BAND_FIELDS);
    ScoreBand { min: f.required(p, "min", small).unwrap_or_default(), text: f.text(p, "text") }
}

/// Reads `strings`: per language code, texts by key name ([`Key::name`]). Reports an unknown
/// language or key (with "did you mean"), a repeated one, blank text, and a `{placeholder}` the
/// key does not have; leaving out one it has is fine.
fn overrides(p: &mut Problems, node: &Node, path: &str) -> Option<Overrides> {
    let Value::Object(langs) = &node.value else { return wrong(p, node, path, "an object { … } with `nl` and/or `en`") };
    let mut list = Vec::new();
    for (i, l) in langs.iter().enumerate() {
        let lang_path = child(path, &l.key);
        let Some(lang) = LANG_CODES.iter().position(|c| *c == l.key).map(|c| [Lang::Nl, Lang::En][c]) else {
            let hint = did_you_mean(&l.key, LANG_CODES.iter().copied(), p.comparisons);
            p.at(lang_path, l.pos, format!("unknown language `{}`{hint}; the languages are `nl` and `en`", l.key));
            continue;
        };
        if langs[..i].iter().any(|other| other.key == l.key) {
            p.at(lang_path, l.pos, format!("language `{}` appears twice", l.key));
            continue;
        }
        let Value::Object(texts) = &l.value.value else {
            wrong::<()>(p, &l.value, &lang_path, "an object { … } of texts by name");
            continue;
        };
        for (j, t) in texts.iter().enumerate() {
            let text_path = child(&lang_path, &t.key);
            let Some(key) = Key::ALL.iter().copied().find(|k| k.name() == t.key) else {
                let mut hint = did_you_mean(&t.key, Key::ALL.iter().map(|k| k.name()), p.comparisons);
                if hint.is_empty() {
                    hint = "; the names are listed in docs/instructors.md and the schema".into();
                }
                p.at(text_path, t.pos, format!("unknown text `{}`{hint}", t.key));
                continue;
            };
            if texts[..j].iter().any(|other| other.key == t.key) {
                p.at(text_path, t.pos, format!("`{}` appears twice", t.key));
                continue;
            }
            let Some(template) = text(p, &t.value, &text_path) else { continue };
            if template.trim().is_empty() {
                p.at(text_path, t.value.pos, "the text is empty".into());
                continue;
            }
            let own = strings::placeholders(strings::get(lang, key));
            for name in strings::placeholders(&template).into_iter().filter(|name| !own.contains(name)) {
                let has = match &own[..] {
                    [] => "it has none".to_string(),
                    own => format!("it has {}", own.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ")),
                };
                let hint = did_you_mean(name, own.iter().copied(), p.comparisons);
                p.at(text_path.clone(), t.value.pos, format!("`{{{name}}}` is not a placeholder of `{}`{hint}; {has}", t.key));
            }
            list.push((lang, key, template));
        }
    }
    Some(Overrides(list))
}

/// Checks what the types cannot and derives each excerpt's category. Returns `None` when the
/// set is incomplete or has problems (all of which are recorded).
fn validate(file: SetFile, complete: bool, text: &str, problems: &mut Problems) -> Option<Set> {
    let unread = &problems.unread;
    let mut unread_order: Vec<usize> = (0..unread.len()).collect();
    sort_indices(&mut unread_order, &|a, b| unread[a].cmp(&unread[b]));
    problems.unread_order = unread_order;
    let comparisons = problems.comparisons;
    let mut p = |path: String, msg: String| problems.add(path, msg);
    if file.id.trim().is_empty() && complete {
        p("id".into(), "the set needs an id (letters, digits, - or _)".into());
    }
    if file.title.trim().is_empty() && complete {
        p("title".into(), "the title is empty".into());
    }

    // Criteria.
    let criterion_ids = Ids::new(file.criteria.iter().map(|c| c.id.as_str()));
    for (i, c) in file.criteria.iter().enumerate() {
        criterion_ids.check(i, "criteria", &mut p);
        if c.label.trim().is_empty() {
            p(format!("criteria[{i}].label"), "the label is empty".into());
        }
    }
    let unknown_criterion =
        |id: &str| format!("criterion `{id}` does not exist{}", did_you_mean(id, file.criteria.iter().map(|c| c.id.as_str()), comparisons));

    // Categories and fallback.
    if file.categories.is_empty() && complete {
        p("categories".into(), "a set needs at least one category".into());
    }
    if file.categories.len() > MAX_CATEGORIES {
        p("categories".into(), format!("{} categories; the most a set may hold is {MAX_CATEGORIES}", file.categories.len()));
    }
    let fallback_bin = file.categories.len();
    let bin_id_list = || file.categories.iter().map(|c| c.id.as_str()).chain(file.fallback.iter().map(|f| f.id.as_str()));
    // The fallback's id comes last, so an id used twice is always first used by a category.
    let bin_ids = Ids::new(bin_id_list());
    for (i, c) in file.categories.iter().enumerate() {
        let path = format!("categories[{i}]");
        bin_ids.check(i, "categories", &mut p);
        if c.label.trim().is_empty() {
            p(format!("{path}.label"), "the label is empty".into());
        }
        for id in c.rule.criteria() {
            if criterion_ids.get(id).is_none() {
                p(format!("{path}.rule"), unknown_criterion(id));
            }
        }
    }
    if let Some(f) = &file.fallback {
        check_id(&f.id, "fallback.id", &mut p);
        if let Some(first) = bin_ids.first_other(&f.id, fallback_bin) {
            p("fallback.id".into(), format!("the id `{}` is already used by categories[{first}]", f.id));
        }
    }
    let precedence = category_order(&file.precedence, "precedence", true, &file.categories, comparisons, &mut p)
        .unwrap_or_else(|| (0..file.categories.len()).collect());

    // Excerpts.
    if file.excerpts.is_empty() && complete {
        p("excerpts".into(), "a set needs at least one excerpt".into());
    }
    let excerpt_ids = Ids::new(file.excerpts.iter().map(|e| e.id.as_str()));
    let mut shown_all = Vec::with_capacity(file.excerpts.len());
    let mut expected = Vec::with_capacity(file.excerpts.len());
    for (i, e) in file.excerpts.iter().enumerate() {
        let path = format!("excerpts[{i}]");
        excerpt_ids.check(i, "excerpts", &mut p);
        if e.text.trim().is_empty() {
            p(format!("{path}.text"), "the text is empty".into());
        }
        if e.evidence.len() > MAX_EVIDENCE {
            let n = e.evidence.len();
            p(
                format!("{path}.evidence"),
                format!("{n} pieces of evidence; the most an excerpt may list is {MAX_EVIDENCE}, one per criterion it shows"),
            );
        }
        let mut shown: Vec<usize> = Vec::new();
        for (j, ev) in e.evidence.iter().take(MAX_EVIDENCE).enumerate() {
            let epath = format!("{path}.evidence[{j}]");
            match criterion_ids.get(&ev.criterion) {
                Some(c) if shown.contains(&c) => {
                    p(format!("{epath}.criterion"), format!("criterion `{}` is listed twice for this excerpt", ev.criterion))
                }
                Some(c) => shown.push(c),
                None => p(format!("{epath}.criterion"), unknown_criterion(&ev.criterion)),
            }
            if ev.quote.trim().is_empty() {
                p(format!("{epath}.quote"), "the quote is empty: copy the words that show the criterion from the text".into());
            } else if !e.text.trim().is_empty() && !e.text.contains(&ev.quote) {
                p(
                    format!("{epath}.quote"),
                    "quote is not found in the excerpt's text (it must be copied exactly, same spelling and punctuation)".into(),
                );
            }
        }
        let shows = |id: &str| criterion_ids.get(id).is_some_and(|c| shown.contains(&c));
        let derived = first_holding(&precedence, &|c| &file.categories[c].rule, &shows, fallback_bin);
        if derived == fallback_bin {
            match &file.fallback {
                None if complete => p(
                    path.clone(),
                    format!(
                        "no category's rule holds for this excerpt (it shows: {}), and the set has no fallback category",
                        names(&shown, &file.criteria)
                    ),
                ),
                Some(f) if !f.offer && complete => p(
                    path.clone(),
                    format!(
                        "no category's rule holds for this excerpt (it shows: {}), and the fallback `{}` is not offered as a bin",
                        names(&shown, &file.criteria),
                        f.id
                    ),
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
            if bin_ids.get(stated).is_none() {
                p(
                    format!("{path}.category"),
                    format!("category `{stated}` does not exist{}", did_you_mean(stated, bin_id_list(), comparisons)),
                );
            } else if stated != derived_id && complete {
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

    // The quiz's fields.
    let lens_precedence = quiz_format::validate(&file, &criterion_ids, &precedence, comparisons, &mut p);
    if file.fallback.is_none() && complete {
        for (l, order) in lens_precedence.iter().enumerate() {
            let unmatched = shown_all.iter().position(|shown| {
                let shows = |id: &str| criterion_ids.get(id).is_some_and(|c| shown.contains(&c));
                first_holding(order, &|c| file.lens_rule(l, c), &shows, fallback_bin) == fallback_bin
            });
            if let Some(i) = unmatched {
                let id = &file.excerpts[i].id;
                p(format!("lenses[{l}]"), format!("no rule of this lens holds for excerpt `{id}`, and the set has no fallback category"));
            }
        }
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
    let mut starts = 0u128;
    for (i, band) in s.overall.iter().enumerate() {
        if band.min > 100 {
            p(format!("settings.overall[{i}].min"), format!("min is {}; scores run from 0 to 100", band.min));
        } else if starts & 1 << band.min != 0 {
            p(format!("settings.overall[{i}].min"), format!("another band already starts at {}", band.min));
        } else {
            starts |= 1 << band.min;
        }
    }

    if !problems.list.is_empty() || !complete {
        return None;
    }
    let mut bins: Vec<BinId> = (0..file.categories.len()).collect();
    if file.fallback.as_ref().is_some_and(|f| f.offer) {
        bins.push(fallback_bin);
    }
    Some(Set { hash: fnv1a(text.as_bytes()), file, shown: shown_all, expected, precedence, lens_precedence, bins })
}

/// The first category in `order` whose rule holds for `shows`, else `fallback`.
fn first_holding<'r>(order: &[usize], rule: &dyn Fn(usize) -> &'r Rule, shows: &dyn Fn(&str) -> bool, fallback: BinId) -> BinId {
    for &c in order {
        if rule(c).evaluate(shows).holds {
            return c;
        }
    }
    fallback
}

/// Reads a precedence list (at `path`) into category indices, reporting categories unknown,
/// listed twice or (when the list must be `complete`) missing. `None` for an empty list (the
/// caller's default applies).
fn category_order(
    ids: &[String],
    path: &str,
    complete: bool,
    categories: &[Category],
    comparisons: &Cell<usize>,
    p: &mut impl FnMut(String, String),
) -> Option<Vec<usize>> {
    if ids.is_empty() {
        return None;
    }
    let mut order = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        match categories.iter().position(|c| c.id == *id) {
            Some(c) if order.contains(&c) => p(format!("{path}[{i}]"), format!("`{id}` is listed twice")),
            Some(c) => order.push(c),
            None => p(
                format!("{path}[{i}]"),
                format!("category `{id}` does not exist{}", did_you_mean(id, categories.iter().map(|c| c.id.as_str()), comparisons)),
            ),
        }
    }
    for c in categories.iter().filter(|_| complete) {
        if !ids.contains(&c.id) {
            p(path.to_string(), format!("category `{}` is missing from the precedence list", c.id));
        }
    }
    Some(order)
}

/// Sorts indices in the order `order` gives them (equal ones in no particular order): every sort
/// in the core. A heapsort, O(n log n) whatever the input, in 0.3 KB of wasm; the standard
/// library's sort took 3.5 KB for its first instance and 3 KB for each further one.
pub(crate) fn sort_indices(list: &mut [usize], order: &dyn Fn(usize, usize) -> Ordering) {
    let less = |a: usize, b: usize| order(a, b) == Ordering::Less;
    // Moves the item at `root` down the heap of the first `end` items to where it belongs.
    let sift_down = |list: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(list[child], list[child + 1]) {
            child += 1;
        }
        if !less(list[root], list[child]) {
            break;
        }
        list.swap(root, child);
        root = child;
    };
    for root in (0..list.len() / 2).rev() {
        sift_down(list, root, list.len());
    }
    for end in (1..list.len()).rev() {
        list.swap(0, end);
        sift_down(list, 0, end);
    }
}

/// Ids with their indices in id order, for lookups (a hash map would add hashbrown to the wasm).
struct Ids<'a> {
    ids: Vec<&'a str>,
    /// Indices into `ids`, by id and then index.
    sorted: Vec<usize>,
}

impl<'a> Ids<'a> {
    fn new(mut ids: impl Iterator<Item = &'a str>) -> Ids<'a> {
        Ids::of(&mut ids)
    }

    /// [`Ids::new`] through a `dyn` iterator: one copy in the wasm for the seven lists of ids.
    fn of(names: &mut dyn Iterator<Item = &'a str>) -> Ids<'a> {
        // Pushed in a loop: collecting from the `dyn` iterator cost 0.2 KB more.
        let mut ids = Vec::new();
        for id in names {
            ids.push(id);
        }
        let mut sorted: Vec<usize> = (0..ids.len()).collect();
        sort_indices(&mut sorted, &|a, b| ids[a].cmp(ids[b]).then(a.cmp(&b)));
        Ids { ids, sorted }
    }

    /// The index of the first item with `id`.
    fn get(&self, id: &str) -> Option<usize> {
        let at = self.sorted.partition_point(|&i| self.ids[i] < id);
        self.sorted.get(at).copied().filter(|&i| self.ids[i] == id)
    }

    /// Reports the id of item `i` of the list at `list` when it is not an id, or when an earlier
    /// item has it already.
    fn check(&self, i: usize, list: &str, p: &mut impl FnMut(String, String)) {
        let (id, path) = (self.ids[i], format!("{list}[{i}].id"));
        check_id(id, &path, p);
        if let Some(first) = self.first_other(id, i) {
            p(path, format!("the id `{id}` is already used by {list}[{first}]"));
        }
    }

    /// The index of the first item with `id` when that is not item `index` itself.
    fn first_other(&self, id: &str, index: usize) -> Option<usize> {
        self.get(id).filter(|&first| first != index)
    }
}

/// Criterion labels for a message, or "none of the criteria".
fn names(shown: &[usize], criteria: &[Criterion]) -> String {
    if shown.is_empty() {
        return "none of the criteria".into();
    }
    let mut out = String::new();
    for &c in shown {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(&criteria[c].id);
        out.push('`');
    }
    out
}

fn check_id(id: &str, path: &str, p: &mut impl FnMut(String, String)) {
    if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        p(path.to_string(), format!("the id `{id}` may only use letters a–z, digits, - and _"));
    }
}

/// "; did you mean `x`?" when a known name is close to `word`, else "". Each comparison
/// takes one from `comparisons`; with none left, or for a word longer than
/// [`MAX_SUGGESTED_CHARS`], there is no suggestion. Names whose length alone puts them too far
/// away are skipped without counting.
fn did_you_mean<'a>(word: &str, mut known: impl Iterator<Item = &'a str>, comparisons: &Cell<usize>) -> String {
    closest(word, &mut known, comparisons)
}

/// [`did_you_mean`] through a `dyn` iterator: one copy in the wasm for its nine callers.
fn closest(word: &str, known: &mut dyn Iterator<Item = &str>, comparisons: &Cell<usize>) -> String {
    let chars = word.chars().count();
    if chars > MAX_SUGGESTED_CHARS {
        return String::new();
    }
    // A loop rather than an adapter chain over the `dyn` iterator: 1.2 KB less wasm.
    let mut best: Option<(usize, &str)> = None;
    for k in known {
        let near = 2.max(k.len() / 4);
        if k.len() > 4 * MAX_SUGGESTED_CHARS || k.chars().count().abs_diff(chars) > near {
            continue;
        }
        let left = comparisons.get();
        comparisons.set(left.saturating_sub(1));
        if left == 0 {
            break;
        }
        let d = edit_distance(word, k);
        if d <= near && d > 0 && best.is_none_or(|b| (d, k) < b) {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| format!("; did you mean `{k}`?")).unwrap_or_default()
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let mut chars = Vec::with_capacity(b.len());
    for c in b.chars() {
        chars.push(c);
    }
    let b = chars;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_indices_orders_like_the_standard_sort() {
        let mut state = 7u64;
        for len in [0, 1, 2, 3, 10, 100, 1001] {
            let keys: Vec<u64> = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    (state >> 33) % 50
                })
                .collect();
            let mut sorted: Vec<usize> = (0..keys.len()).collect();
            sort_indices(&mut sorted, &|a, b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
            let mut expected: Vec<usize> = (0..keys.len()).collect();
            expected.sort_by_key(|&i| (keys[i], i));
            assert_eq!(sorted, expected, "{len} keys");
        }
    }
}
