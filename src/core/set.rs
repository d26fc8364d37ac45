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

use crate::core::json::{self, Member, Node, Pos, Positions, Value};
use crate::core::messages::{Arg, Message};
use crate::core::rule::Rule;
use crate::core::strings::{self, Key, Lang};
use crate::core::wording::Overrides;

pub mod quiz_format;
#[cfg(feature = "schema")]
pub mod schema;

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

// The types below are the format's description: each field's doc comment is what the JSON Schema
// (`diary-sort schema`, built with the `schema` feature) tells an instructor about it, and the
// `schemars` attributes say what the loader accepts (cli/src/schema.rs tests the two agree).

/// Where the essay says it: the section, and the footnote when there is one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct EssayRef {
    /// The section title as printed in the essay; empty ("") for the essay's untitled
    /// introduction, cited as the introduction.
    pub section: String,
    /// The essay's footnote number.
    pub footnote: Option<u32>,
}

/// A condition the essay names (loneliness, one of the four conditions of atomisation, a mark of
/// internalisation…). Rules and evidence refer to it by its id.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Criterion {
    /// Used in rules and evidence; unique among the criteria.
    #[cfg_attr(feature = "schema", schemars(with = "schema::Id"))]
    pub id: String,
    /// The criterion's name, shown to students.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub label: String,
    /// What the essay means by it, in one or two sentences: the hint that points to the
    /// criterion quotes it. Left out, the hint names the criterion alone.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub explanation: String,
    /// Where the essay says so.
    pub essay: Option<EssayRef>,
}

/// A bin, with the rule that decides which excerpts belong in it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Category {
    /// Unique among the categories and the fallback.
    #[cfg_attr(feature = "schema", schemars(with = "schema::Id"))]
    pub id: String,
    /// The bin's name and its button's accessible name.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub label: String,
    /// One line on the bin, under its name. Left out, the bin shows its name alone.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub definition: String,
    /// Behind "What the essay says": the longer text the bin opens to. Left out (and without
    /// `essay`), the bin has no "What the essay says".
    #[cfg_attr(feature = "schema", schemars(default))]
    pub essay_says: String,
    /// Where the essay says it: cited under "What the essay says".
    pub essay: Option<EssayRef>,
    /// Which excerpts belong here, over the criteria they show. Categories are tried in the
    /// precedence order: the first whose rule holds is the excerpt's category.
    pub rule: Rule,
}

/// The "none of these" category, for excerpts no rule matches.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Fallback {
    /// Unique among the categories and the fallback.
    #[cfg_attr(feature = "schema", schemars(with = "schema::Id"))]
    pub id: String,
    /// The bin's name and its button's accessible name.
    pub label: String,
    /// One line on the bin, under its name.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub definition: String,
    /// Behind "What the essay says"; left out (and without `essay`), the bin has none.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub essay_says: String,
    /// Where the essay says it.
    pub essay: Option<EssayRef>,
    /// Whether students get it as a bin (default true). When false, every excerpt must match a
    /// rule.
    #[cfg_attr(feature = "schema", schemars(default = "schema::offered"))]
    pub offer: bool,
}

/// quote, or description for a passage the essay describes but does not quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename_all = "lowercase"))]
pub enum ExcerptKind {
    /// A quotation, shown in quotation marks (the default).
    #[default]
    Quote,
    /// The essay's description of a passage: shown as a description, never in quotation marks.
    Description,
}

/// What kind of text it is, shown on every card and quiz item: students weigh a diary's words
/// differently from a memoir written years later or a newspaper's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename_all = "lowercase"))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Source {
    /// What kind of text it is (default diary).
    #[cfg_attr(feature = "schema", schemars(default))]
    pub kind: SourceKind,
    /// Who wrote it, e.g. "Lyubov Shaporina" (for a newspaper, the newspaper).
    pub diarist: String,
    /// The date of the entry, as written.
    pub date: Option<String>,
    /// The published work it is taken from, cited after the writer.
    pub work: Option<String>,
    /// Page or pages in that work.
    pub page: Option<String>,
    /// One line on who wrote it, when, in what position: only what the essay or the edition
    /// states. Shown under the source.
    pub context: Option<String>,
}

/// A criterion an excerpt shows, with the words that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Evidence {
    /// The criterion's id.
    #[cfg_attr(feature = "schema", schemars(with = "schema::Id"))]
    pub criterion: String,
    /// Words from the excerpt's text that show the criterion; they must occur in the text
    /// exactly, same spelling and punctuation.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub quote: String,
}

/// A card to sort: a diary's words (or the essay's description of them), where they come from,
/// and the criteria they show.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Excerpt {
    /// Unique among the excerpts.
    #[cfg_attr(feature = "schema", schemars(with = "schema::Id"))]
    pub id: String,
    /// quote or description (default quote).
    #[cfg_attr(feature = "schema", schemars(default))]
    pub kind: ExcerptKind,
    /// The words of the diary, exactly; a blank line between paragraphs. Plain text, never HTML.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub text: String,
    /// Where the excerpt comes from, shown under it. Left out, the card shows the text alone.
    pub source: Option<Source>,
    /// Where the essay discusses it: the feedback's citation line. Left out, the feedback has
    /// none.
    pub essay: Option<EssayRef>,
    /// Each criterion the excerpt shows, with the words that show it. Criteria not listed are
    /// absent.
    #[cfg_attr(feature = "schema", schemars(default, length(max = MAX_EVIDENCE)))]
    pub evidence: Vec<Evidence>,
    /// The bin the author expects: checked against the rules, and refused with both categories
    /// when they disagree.
    #[cfg_attr(feature = "schema", schemars(with = "Option<schema::Id>"))]
    pub category: Option<String>,
    /// Added after the derived explanation once the card is right or revealed.
    pub commentary: Option<String>,
    /// Replaces the derived hint after a wrong try.
    pub hint: Option<String>,
}

/// Feedback for scores from `min` up to the next band's `min`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct ScoreBand {
    /// The lowest score (percent) this text is for; each band starts at another score.
    #[cfg_attr(feature = "schema", schemars(range(max = 100)))]
    pub min: u8,
    /// The feedback.
    pub text: String,
}

/// How an attempt is scored, on the board and in the quiz; a field left out takes its default.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields, default))]
pub struct Settings {
    /// The checks a student gets.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 9)))]
    pub tries: u8,
    /// Percentage points a card loses for each extra check it needed.
    #[cfg_attr(feature = "schema", schemars(range(max = 100)))]
    pub penalty: u8,
    /// The score (percent) that passes.
    #[cfg_attr(feature = "schema", schemars(range(max = 100)))]
    pub pass_mark: u8,
    /// Whether the cards are shuffled (seeded, and kept on resume).
    pub shuffle: bool,
    /// Feedback by score: the text of the highest band reached is shown with the score.
    pub overall: Vec<ScoreBand>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { tries: 3, penalty: 25, pass_mark: 60, shuffle: true, overall: Vec::new() }
    }
}

/// An exercise set for diary-sort: the essay's criteria, per category a rule over them, and the
/// excerpts to sort, each with the criteria it shows. Check it with `diary-sort validate`: it also
/// finds what a schema cannot (quotes not in the text, unknown criterion ids, duplicate ids, a
/// stated category the rules contradict).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct SetFile {
    /// Where editors such as VS Code find this schema, to autocomplete the set and underline its
    /// mistakes; diary-sort ignores it. From a set in www/sets/: "../schema/set.schema.json".
    #[cfg_attr(feature = "schema", schemars(rename = "$schema"))]
    pub schema: Option<String>,
    /// The format version: 2, the current one (`diary-sort fmt` writes it). 1 still loads: a
    /// version-1 set is a version-2 set with mode "board" and no quiz, questions or lenses.
    #[cfg_attr(feature = "schema", schemars(range(min = OLDEST_FORMAT_VERSION, max = FORMAT_VERSION)))]
    pub format: u32,
    /// The set's identifier (letters, digits, -, _); with the text's hash it keys a student's
    /// stored attempt, so editing a set starts attempts afresh.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub id: String,
    /// nl or en: the language of the set's texts and the default interface language.
    pub lang: Lang,
    /// Which modes the set offers (default board): board (the sorting board), quiz (one excerpt
    /// at a time, then the questions), or both, with a switch.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub mode: Mode,
    /// Shown above the exercise. Plain text, never HTML.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub title: String,
    /// A short line the self-study page shows above everything, naming the kind of exercise
    /// (the default sets: "Sorting diaries"). Left out, the page shows none.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub eyebrow: Option<String>,
    /// Shown under the title; a blank line separates paragraphs. Plain text, never HTML.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub intro: String,
    /// The essay's conditions. Rules and evidence name them by id.
    pub criteria: Vec<Criterion>,
    /// The bins, in display order, each with the rule that decides which excerpts belong in it.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = MAX_CATEGORIES)))]
    pub categories: Vec<Category>,
    /// Category ids in the order their rules are tried; the first rule that holds gives the
    /// excerpt's category. Lists every category once. Default: the order of categories.
    #[cfg_attr(feature = "schema", schemars(default, with = "Vec<schema::Id>", extend("uniqueItems" = true)))]
    pub precedence: Vec<String>,
    /// The "none of these" category for excerpts no rule matches. Without it, every excerpt must
    /// match a rule.
    pub fallback: Option<Fallback>,
    /// The cards to sort. The bin each belongs in is derived from the rules.
    #[cfg_attr(feature = "schema", schemars(length(min = 1, max = MAX_EXCERPTS)))]
    pub excerpts: Vec<Excerpt>,
    /// Concept questions about the argument itself, asked in the quiz after the excerpts (quiz
    /// mode only).
    #[cfg_attr(feature = "schema", schemars(default))]
    pub questions: Vec<Question>,
    /// The historians' readings of the same criteria, shown after an excerpt is answered in the
    /// quiz: how each school would classify it, and why. The essay's own reading is a lens
    /// without rules.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub lenses: Vec<Lens>,
    /// How an attempt is scored, on the board and in the quiz; a field left out takes its
    /// default.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub settings: Settings,
    /// How the quiz runs (only with mode quiz or both); a field left out takes its default.
    pub quiz: Option<QuizSettings>,
    /// Your own wording of the interface and the feedback, per interface language (nl, en): any
    /// built-in text by its name, e.g. the Check button's label as "check". A {placeholder} must
    /// be one the text has (listed with each name); leaving one out is fine.
    #[cfg_attr(feature = "schema", schemars(default))]
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
    /// What is wrong, for a non-programmer, in words of either language.
    pub message: Message,
}

impl Problem {
    /// `LINE:COL: PATH: message`, without the parts that are unknown: where it is.
    pub fn place(&self) -> String {
        let mut place = String::new();
        if let (Some(l), Some(c)) = (self.line, self.column) {
            place = format!("{l}:{c}: ");
        }
        if !self.path.is_empty() {
            place.push_str(&self.path);
            place.push_str(": ");
        }
        place
    }

    /// `LINE:COL: PATH: message`, the message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        [self.place(), self.message.text(lang)].concat()
    }
}

/// In English, as the native tool prints it.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
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
    /// "What the essay says" (empty when the set has none).
    pub essay_says: &'a str,
    /// Where the essay says it.
    pub essay: Option<&'a EssayRef>,
}

impl Set {
    /// The bin's texts; `bin` must be a category index or the fallback index.
    pub fn bin(&self, bin: BinId) -> BinInfo<'_> {
        match self.file.categories.get(bin) {
            Some(c) => {
                BinInfo { id: &c.id, label: &c.label, definition: &c.definition, essay_says: &c.essay_says, essay: c.essay.as_ref() }
            }
            None => {
                let f = self.file.fallback.as_ref().expect("bin index past the fallback");
                BinInfo { id: &f.id, label: &f.label, definition: &f.definition, essay_says: &f.essay_says, essay: f.essay.as_ref() }
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
        let shows = |id: &str| shows_criterion(&self.shown[i], &self.file.criteria, id);
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
    let mut set = read_and_validate(text)?;
    set.hash = fnv1a(text.as_bytes());
    Ok(set)
}

/// The problems [`load`] reports for `text`, in its order (none when the set loads): what the
/// set editor lists. The text's hash, which only a loaded set needs for its resume strings, is
/// not computed (it is one multiplication after another over every byte: about 20 ms for a set
/// of 10,000 excerpts, 15 MB).
pub fn problems(text: &str) -> Vec<Problem> {
    read_and_validate(text).err().map_or_else(Vec::new, |errors| errors.0)
}

/// [`load`] without the hash (0).
fn read_and_validate(text: &str) -> Result<Set, SetErrors> {
    let whole_file = |pos: Option<Pos>, message: Message| {
        SetErrors(vec![Problem { path: String::new(), line: pos.map(|p| p.line), column: pos.map(|p| p.column), message }])
    };
    if text.len() > MAX_SET_BYTES {
        return Err(whole_file(None, Message::set_too_large(text.len(), MAX_SET_BYTES)));
    }
    let root = json::parse(text)
        .map_err(|e| SetErrors(vec![Problem { path: e.path, line: Some(e.pos.line), column: Some(e.pos.column), message: e.message }]))?;
    let comparisons = Cell::new(MAX_COMPARISONS);
    let mut problems = Problems {
        root: &root,
        positions: Positions::new(text),
        list: Vec::new(),
        overflow: false,
        unread: Vec::new(),
        unread_order: Vec::new(),
        comparisons: &comparisons,
        spare_paths: Vec::new(),
    };
    let set = read_set(&mut problems).and_then(|(file, complete)| validate(file, complete, &mut problems));
    match set {
        Some(set) if problems.list.is_empty() => Ok(set),
        _ => {
            let mut list = problems.list;
            if problems.overflow {
                list.push(Problem { path: String::new(), line: None, column: None, message: Message::too_many_problems(MAX_PROBLEMS) });
            }
            Err(SetErrors(list))
        }
    }
}

/// The problems found so far, each placed in the text.
struct Problems<'n> {
    /// The parsed set, for placing problems found after reading.
    root: &'n Node<'n>,
    /// The line and column of each problem's place, counted only for problems.
    positions: Positions<'n>,
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
    /// Strings to write the paths of values being read into, kept for the next value when one is
    /// read: one for each level of nesting, so that reading allocates none (a path allocated for
    /// every value read was a tenth of a large set's reading).
    spare_paths: Vec<String>,
}

impl Problems<'_> {
    /// A problem with the text as written, at byte `at`.
    fn at(&mut self, path: String, at: usize, message: Message) {
        if self.list.len() < MAX_PROBLEMS {
            let pos = self.positions.pos(at);
            self.list.push(Problem { path, line: Some(pos.line), column: Some(pos.column), message });
        } else {
            self.overflow = true;
        }
    }

    /// The path of member `name` of the value at `path`, in a spare string (give it back with
    /// [`Problems::spare`] once the member is read).
    fn member_path(&mut self, path: &str, name: &str) -> String {
        let mut out = self.spare_paths.pop().unwrap_or_default();
        push_child(&mut out, path, name);
        out
    }

    /// Keeps `path` for writing another path into.
    fn spare(&mut self, path: String) {
        self.spare_paths.push(path);
    }

    /// A value that cannot be read: reported, and remembered as unread.
    fn unreadable(&mut self, path: &str, at: usize, message: Message) {
        self.unread.push(path.to_string());
        self.at(path.to_string(), at, message);
    }

    /// A problem found by validation, placed at the value its path names (or the nearest value
    /// that exists); dropped when it is about an unread value.
    fn add(&mut self, path: String, message: Message) {
        if self.overflow {
            return;
        }
        let unread = |a: &str| self.unread_order.binary_search_by(|&u| self.unread[u].as_str().cmp(a)).is_ok();
        let inside_unread = unread(&path) || path.match_indices(['.', '[']).any(|(i, _)| unread(&path[..i]));
        if !inside_unread {
            let at = self.root.locate(&path);
            self.at(path, at, message);
        }
    }
}

/// The path of member `name` of the value at `path`.
fn child(path: &str, name: &str) -> String {
    let mut out = String::new();
    push_child(&mut out, path, name);
    out
}

/// Writes the path of member `name` of the value at `path` into `out`, in place of what it held.
fn push_child(out: &mut String, path: &str, name: &str) {
    out.clear();
    out.push_str(path);
    if !path.is_empty() {
        out.push('.');
    }
    out.push_str(name);
}

/// Reports a value of the wrong kind: "expected {expected}, found …".
fn wrong<T>(p: &mut Problems<'_>, node: &Node<'_>, path: &str, expected: Message) -> Option<T> {
    report_wrong(p, node, path, expected);
    None
}

/// The report of [`wrong`], apart from it so that its eight return types do not each make a copy
/// in the wasm.
#[inline(never)]
fn report_wrong(p: &mut Problems<'_>, node: &Node<'_>, path: &str, expected: Message) {
    let found: Arg = match &node.value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string().into(),
        Value::Integer(n) => n.to_string().into(),
        Value::Number(text) => text.to_string().into(),
        Value::String(s) => {
            let shown = json::first_chars(s, 24);
            let cut = if shown.len() < s.len() { "…" } else { "" };
            format!("\"{shown}{cut}\"").into()
        }
        Value::Array(_) => Message::a_list().into(),
        Value::Object(_) => Message::an_object().into(),
    };
    p.unreadable(path, node.at, Message::expected(expected, found));
}

/// Reads text in quotes.
fn text(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Option<String> {
    match &node.value {
        Value::String(s) => Some(s.to_string()),
        _ => wrong(p, node, path, Message::text_in_quotes()),
    }
}

/// Reads `true` or `false`.
fn flag(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Option<bool> {
    match node.value {
        Value::Bool(b) => Some(b),
        _ => wrong(p, node, path, Message::true_or_false()),
    }
}

/// Reads a whole number from 0 to `max`.
fn whole(p: &mut Problems<'_>, node: &Node<'_>, path: &str, max: u32) -> Option<u32> {
    match node.value {
        Value::Integer(n) if (0..=i64::from(max)).contains(&n) => Some(n as u32),
        _ if max == u32::MAX => wrong(p, node, path, Message::whole_number()),
        _ => wrong(p, node, path, Message::whole_number_up_to(max)),
    }
}

/// Reads a whole number that fits a `u32`.
fn number(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Option<u32> {
    whole(p, node, path, u32::MAX)
}

/// Reads a whole number from 0 to 255.
fn small(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Option<u8> {
    whole(p, node, path, u8::MAX.into()).map(|n| n as u8)
}

/// Reads a list of ids (texts; empty where an item cannot be read).
fn id_list(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Option<Vec<String>> {
    list(p, node, path, |p, node, path| text(p, node, path).unwrap_or_default())
}

/// Reads one of the words in `names`, returning its index.
fn choice(p: &mut Problems<'_>, node: &Node<'_>, path: &str, names: &[&str]) -> Option<usize> {
    if let Value::String(s) = &node.value {
        if let Some(i) = names.iter().position(|n| n == s) {
            return Some(i);
        }
    }
    wrong(p, node, path, Message::one_of(names))
}

/// Reads a list item by item; every item is kept (broken ones as defaults), so that paths of
/// later items stay right.
fn list<T>(p: &mut Problems<'_>, node: &Node<'_>, path: &str, item: fn(&mut Problems<'_>, &Node<'_>, &str) -> T) -> Option<Vec<T>> {
    let items = array(p, node, path)?;
    // A loop rather than `map(…).collect()`: each of the nine types read saves 0.3 KB of wasm.
    let mut list = Vec::with_capacity(items.len());
    // One path for every item, rewritten for each.
    let mut item_path = p.spare_paths.pop().unwrap_or_default();
    for (i, node) in items.iter().enumerate() {
        item_path.clear();
        item_path.push_str(path);
        push_index(&mut item_path, i);
        list.push(item(p, node, &item_path));
    }
    p.spare(item_path);
    Some(list)
}

/// Writes `[index]` at the end of `out`.
fn push_index(out: &mut String, index: usize) {
    out.push('[');
    let mut unit = 1;
    while unit <= index / 10 {
        unit *= 10;
    }
    loop {
        out.push(char::from(b'0' + (index / unit % 10) as u8));
        if unit == 1 {
            break;
        }
        unit /= 10;
    }
    out.push(']');
}

/// The items of a list, or a report that the value is not one (apart from [`list`], which is
/// instantiated per type).
fn array<'n>(p: &mut Problems<'_>, node: &'n Node<'n>, path: &str) -> Option<&'n [Node<'n>]> {
    match &node.value {
        Value::Array(items) => Some(items),
        _ => wrong(p, node, path, Message::a_list()),
    }
}

/// The most fields an object of the format may have (a set has the most, 17).
const MAX_FIELDS: usize = 32;

/// An object's members, checked against the fields its type has.
struct Fields<'n, 'p> {
    node: &'n Node<'n>,
    path: &'p str,
    /// Empty when the value is not an object (already reported).
    members: &'n [Member<'n>],
    /// The fields the object may have.
    known: &'static [&'static str],
    /// Per field of `known`, the index of the first member with its name plus one (0: none),
    /// so that reading a field compares its name with `known`'s and none of the members'.
    first: [usize; MAX_FIELDS],
}

/// Opens the object at `path`, reporting unknown and repeated fields (the first of a repeated
/// field is the one read). A value that is not an object is reported and reads as empty.
fn fields<'n, 'p>(p: &mut Problems<'_>, node: &'n Node<'n>, path: &'p str, known: &'static [&'static str]) -> Fields<'n, 'p> {
    let mut f = Fields { node, path, members: &[], known, first: [0; MAX_FIELDS] };
    let Value::Object(members) = &node.value else {
        wrong::<()>(p, node, path, Message::an_object());
        return f;
    };
    f.members = members;
    for (index, m) in members.iter().enumerate() {
        let key: &str = &m.key;
        match known.iter().position(|k| same_name(k, key)) {
            Some(i) if f.first[i] != 0 => p.at(child(path, &m.key), m.at, Message::field_twice(key)),
            Some(i) => f.first[i] = index + 1,
            None => {
                let hint =
                    did_you_mean(&m.key, known.iter().copied(), p.comparisons).unwrap_or_else(|| Message::fields_here(known.join("`, `")));
                p.at(child(path, &m.key), m.at, Message::unknown_field(key, hint));
            }
        }
    }
    f
}

/// Whether two field names are the same. Most names compared differ in length or first letter:
/// that is seen here without a call to compare their bytes.
#[inline(always)]
fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

impl<'n> Fields<'n, '_> {
    /// The value of field `name` (one of `known`), when the object has it.
    fn member(&self, name: &str) -> Option<&'n Node<'n>> {
        let field = self.known.iter().position(|k| same_name(k, name))?;
        let index = self.first[field].checked_sub(1)?;
        self.members.get(index).map(|m| &m.value)
    }

    /// Reads field `name`, reporting it when missing.
    fn required<T>(&self, p: &mut Problems<'_>, name: &str, read: fn(&mut Problems<'_>, &Node<'_>, &str) -> Option<T>) -> Option<T> {
        let (node, path) = self.present(p, name)?;
        let value = read(p, node, &path);
        p.spare(path);
        value
    }

    /// Field `name` and its path; reported (and remembered as unread) when missing. The
    /// part of [`Fields::required`] that does not depend on the type read: one copy in the
    /// wasm instead of one per type.
    fn present(&self, p: &mut Problems<'_>, name: &str) -> Option<(&'n Node<'n>, String)> {
        match self.member(name) {
            Some(node) => Some((node, p.member_path(self.path, name))),
            None => {
                if matches!(self.node.value, Value::Object(_)) {
                    p.at(self.path.to_string(), self.node.at, Message::missing_field(name));
                }
                p.unread.push(child(self.path, name));
                None
            }
        }
    }

    /// Reads field `name` when it is there and not `null`.
    fn optional<T>(&self, p: &mut Problems<'_>, name: &str, read: fn(&mut Problems<'_>, &Node<'_>, &str) -> Option<T>) -> Option<T> {
        let (node, path) = self.given(p, name)?;
        let value = read(p, node, &path);
        p.spare(path);
        value
    }

    /// Field `name` and its path when it is there and not `null` (see [`Fields::present`]).
    fn given(&self, p: &mut Problems<'_>, name: &str) -> Option<(&'n Node<'n>, String)> {
        let node = self.member(name).filter(|node| !matches!(node.value, Value::Null))?;
        Some((node, p.member_path(self.path, name)))
    }

    /// Reads required text, empty when it cannot be read.
    fn text(&self, p: &mut Problems<'_>, name: &str) -> String {
        match self.member(name) {
            // Most fields are text as they should be: read without writing their path.
            Some(Node { value: Value::String(s), .. }) => s.to_string(),
            _ => self.required(p, name, text).unwrap_or_default(),
        }
    }

    /// Reads optional text.
    fn optional_text(&self, p: &mut Problems<'_>, name: &str) -> Option<String> {
        match self.member(name) {
            Some(Node { value: Value::String(s), .. }) => Some(s.to_string()),
            _ => self.optional(p, name, text),
        }
    }

    /// Reads optional text, empty when it is left out.
    fn text_or_empty(&self, p: &mut Problems<'_>, name: &str) -> String {
        self.optional_text(p, name).unwrap_or_default()
    }

    /// Reads the optional `essay` reference.
    fn essay(&self, p: &mut Problems<'_>) -> Option<EssayRef> {
        self.optional(p, "essay", |p, node, path| Some(essay_ref(p, node, path)))
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
    "eyebrow",
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
fn read_set(p: &mut Problems<'_>) -> Option<(SetFile, bool)> {
    let root = p.root;
    if !matches!(root.value, Value::Object(_)) {
        p.at(String::new(), root.at, Message::not_an_object());
        return None;
    }
    let f = fields(p, root, "", SET_FIELDS);
    let Some(node) = f.member("format") else {
        p.at(String::new(), root.at, Message::missing_format(FORMAT_VERSION));
        return None;
    };
    let format = number(p, node, "format")?;
    if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&format) {
        p.at("format".into(), node.at, Message::format_unsupported(format, OLDEST_FORMAT_VERSION, FORMAT_VERSION));
        return None;
    }
    let before = (p.list.len(), p.overflow);
    if format < FORMAT_VERSION {
        for m in f.members.iter().filter(|m| VERSION_2_FIELDS.contains(&&*m.key)) {
            p.unreadable(&m.key, m.at, Message::needs_format(&*m.key, FORMAT_VERSION));
        }
    }
    let file = SetFile {
        schema: f.optional_text(p, "$schema"),
        format,
        id: f.text(p, "id"),
        lang: f.required(p, "lang", |p, node, path| Some([Lang::Nl, Lang::En][choice(p, node, path, LANG_CODES)?])).unwrap_or(Lang::Nl),
        mode: f.optional(p, "mode", quiz_format::mode).unwrap_or_default(),
        title: f.text(p, "title"),
        eyebrow: f.optional_text(p, "eyebrow"),
        intro: f.text_or_empty(p, "intro"),
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
fn essay_ref(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> EssayRef {
    let f = fields(p, node, path, ESSAY_FIELDS);
    EssayRef { section: f.text(p, "section"), footnote: f.optional(p, "footnote", number) }
}

#[inline(never)]
fn criterion(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Criterion {
    let f = fields(p, node, path, CRITERION_FIELDS);
    Criterion { id: f.text(p, "id"), label: f.text(p, "label"), explanation: f.text_or_empty(p, "explanation"), essay: f.essay(p) }
}

#[inline(never)]
fn category(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Category {
    let f = fields(p, node, path, CATEGORY_FIELDS);
    Category {
        id: f.text(p, "id"),
        label: f.text(p, "label"),
        definition: f.text_or_empty(p, "definition"),
        essay_says: f.text_or_empty(p, "essay_says"),
        essay: f.essay(p),
        rule: f
            .required(p, "rule", |p, node, path| Rule::from_value(node).map_err(|m| p.unreadable(path, node.at, m)).ok())
            .unwrap_or(Rule::Any(Vec::new())),
    }
}

#[inline(never)]
fn fallback(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Fallback {
    let f = fields(p, node, path, FALLBACK_FIELDS);
    Fallback {
        id: f.text(p, "id"),
        label: f.text(p, "label"),
        definition: f.text_or_empty(p, "definition"),
        essay_says: f.text_or_empty(p, "essay_says"),
        essay: f.essay(p),
        offer: f.optional(p, "offer", flag).unwrap_or(true),
    }
}

#[inline(never)]
fn excerpt(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Excerpt {
    let f = fields(p, node, path, EXCERPT_FIELDS);
    Excerpt {
        id: f.text(p, "id"),
        kind: f
            .optional(p, "kind", |p, node, path| Some([ExcerptKind::Quote, ExcerptKind::Description][choice(p, node, path, KIND_NAMES)?]))
            .unwrap_or_default(),
        text: f.text(p, "text"),
        source: f.optional(p, "source", |p, node, path| Some(source(p, node, path))),
        essay: f.essay(p),
        evidence: f.optional(p, "evidence", |p, node, path| list(p, node, path, evidence)).unwrap_or_default(),
        category: f.optional_text(p, "category"),
        commentary: f.optional_text(p, "commentary"),
        hint: f.optional_text(p, "hint"),
    }
}

#[inline(never)]
fn source(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Source {
    let f = fields(p, node, path, SOURCE_FIELDS);
    const KINDS: [SourceKind; 4] = [SourceKind::Diary, SourceKind::Memoir, SourceKind::Newspaper, SourceKind::Letter];
    Source {
        kind: f.optional(p, "kind", |p, node, path| Some(KINDS[choice(p, node, path, SOURCE_KIND_NAMES)?])).unwrap_or_default(),
        diarist: f.text(p, "diarist"),
        date: f.optional_text(p, "date"),
        work: f.optional_text(p, "work"),
        page: f.optional_text(p, "page"),
        context: f.optional_text(p, "context"),
    }
}

#[inline(never)]
fn evidence(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Evidence {
    let f = fields(p, node, path, EVIDENCE_FIELDS);
    Evidence { criterion: f.text(p, "criterion"), quote: f.text(p, "quote") }
}

#[inline(never)]
fn settings(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Settings {
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
fn score_band(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> ScoreBand {
    let f = fields(p, node, path, SCORE_BAND_FIELDS);
    ScoreBand { min: f.required(p, "min", small).unwrap_or_default(), text: f.text(p, "text") }
}

/// Reads `strings`: per language code, texts by key name ([`Key::name`]). Reports an unknown
/// language or key (with "did you mean"), a repeated one, blank text, and a `{placeholder}` the
/// key does not have; leaving out one it has is fine.
fn overrides(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Option<Overrides> {
    let Value::Object(langs) = &node.value else { return wrong(p, node, path, Message::strings_object()) };
    let mut list = Vec::new();
    for (i, l) in langs.iter().enumerate() {
        let lang_path = child(path, &l.key);
        let Some(lang) = LANG_CODES.iter().position(|c| *c == l.key).map(|c| [Lang::Nl, Lang::En][c]) else {
            let hint = did_you_mean(&l.key, LANG_CODES.iter().copied(), p.comparisons);
            p.at(lang_path, l.at, Message::unknown_language(&*l.key, hint));
            continue;
        };
        if langs[..i].iter().any(|other| other.key == l.key) {
            p.at(lang_path, l.at, Message::language_twice(&*l.key));
            continue;
        }
        let Value::Object(texts) = &l.value.value else {
            wrong::<()>(p, &l.value, &lang_path, Message::texts_object());
            continue;
        };
        for (j, t) in texts.iter().enumerate() {
            let text_path = child(&lang_path, &t.key);
            let Some(key) = Key::ALL.iter().copied().find(|k| k.name() == t.key) else {
                let hint = did_you_mean(&t.key, Key::ALL.iter().map(|k| k.name()), p.comparisons).unwrap_or_else(Message::text_names);
                p.at(text_path, t.at, Message::unknown_text(&*t.key, hint));
                continue;
            };
            if texts[..j].iter().any(|other| other.key == t.key) {
                p.at(text_path, t.at, Message::name_twice(&*t.key));
                continue;
            }
            let Some(template) = text(p, &t.value, &text_path) else { continue };
            if template.trim().is_empty() {
                p.at(text_path, t.value.at, Message::text_empty());
                continue;
            }
            let own = strings::key_placeholders(key);
            for name in strings::placeholders(&template).into_iter().filter(|name| !own.contains(name)) {
                let has = match &own[..] {
                    [] => Message::has_none(),
                    own => Message::has_placeholders(own.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ")),
                };
                let hint = did_you_mean(name, own.iter().copied(), p.comparisons);
                p.at(text_path.clone(), t.value.at, Message::not_a_placeholder(format!("{{{name}}}"), &*t.key, hint, has));
            }
            list.push((lang, key, template));
        }
    }
    Some(Overrides(list))
}

/// Checks what the types cannot and derives each excerpt's category. Returns `None` when the
/// set is incomplete or has problems (all of which are recorded).
fn validate(file: SetFile, complete: bool, problems: &mut Problems<'_>) -> Option<Set> {
    let unread = &problems.unread;
    let mut unread_order: Vec<usize> = (0..unread.len()).collect();
    sort_indices(&mut unread_order, &|a, b| unread[a].cmp(&unread[b]));
    problems.unread_order = unread_order;
    let comparisons = problems.comparisons;
    let mut p = |path: String, msg: Message| problems.add(path, msg);
    if file.id.trim().is_empty() && complete {
        p("id".into(), Message::needs_id());
    }
    if file.title.trim().is_empty() && complete {
        p("title".into(), Message::title_empty());
    }
    if file.eyebrow.as_ref().is_some_and(|e| e.trim().is_empty()) {
        p("eyebrow".into(), Message::eyebrow_empty());
    }

    // Criteria.
    let criterion_ids = Ids::new(file.criteria.iter().map(|c| c.id.as_str()));
    for (i, c) in file.criteria.iter().enumerate() {
        criterion_ids.check(i, "criteria", &mut p);
        if c.label.trim().is_empty() {
            p(format!("criteria[{i}].label"), Message::label_empty());
        }
    }
    let unknown_criterion =
        |id: &str| Message::unknown_criterion(id, did_you_mean(id, file.criteria.iter().map(|c| c.id.as_str()), comparisons));

    // Categories and fallback.
    if file.categories.is_empty() && complete {
        p("categories".into(), Message::no_categories());
    }
    if file.categories.len() > MAX_CATEGORIES {
        p("categories".into(), Message::too_many_categories(file.categories.len(), MAX_CATEGORIES));
    }
    let fallback_bin = file.categories.len();
    let bin_id_list = || file.categories.iter().map(|c| c.id.as_str()).chain(file.fallback.iter().map(|f| f.id.as_str()));
    // The fallback's id comes last, so an id used twice is always first used by a category.
    let bin_ids = Ids::new(bin_id_list());
    for (i, c) in file.categories.iter().enumerate() {
        let path = format!("categories[{i}]");
        bin_ids.check(i, "categories", &mut p);
        if c.label.trim().is_empty() {
            p(format!("{path}.label"), Message::label_empty());
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
            p("fallback.id".into(), Message::id_used(&*f.id, format!("categories[{first}]")));
        }
    }
    let precedence = category_order(&file.precedence, "precedence", true, &file.categories, comparisons, &mut p)
        .unwrap_or_else(|| (0..file.categories.len()).collect());

    // Excerpts.
    if file.excerpts.is_empty() && complete {
        p("excerpts".into(), Message::no_excerpts());
    }
    let excerpt_ids = Ids::new(file.excerpts.iter().map(|e| e.id.as_str()));
    let mut shown_all = Vec::with_capacity(file.excerpts.len());
    let mut expected = Vec::with_capacity(file.excerpts.len());
    for (i, e) in file.excerpts.iter().enumerate() {
        // Paths are written only for a problem (written for every excerpt, they took a twentieth
        // of the time of a large set's check).
        excerpt_ids.check(i, "excerpts", &mut p);
        if e.text.trim().is_empty() {
            p(format!("excerpts[{i}].text"), Message::text_empty());
        }
        if e.evidence.len() > MAX_EVIDENCE {
            let n = e.evidence.len();
            p(format!("excerpts[{i}].evidence"), Message::too_much_evidence(n, MAX_EVIDENCE));
        }
        let mut shown: Vec<usize> = Vec::new();
        for (j, ev) in e.evidence.iter().take(MAX_EVIDENCE).enumerate() {
            match criterion_ids.get(&ev.criterion) {
                Some(c) if shown.contains(&c) => {
                    p(format!("excerpts[{i}].evidence[{j}].criterion"), Message::criterion_twice(&*ev.criterion));
                }
                Some(c) => shown.push(c),
                None => p(format!("excerpts[{i}].evidence[{j}].criterion"), unknown_criterion(&ev.criterion)),
            }
            if ev.quote.trim().is_empty() {
                p(format!("excerpts[{i}].evidence[{j}].quote"), Message::quote_empty());
            } else if !e.text.trim().is_empty() && !e.text.contains(&ev.quote) {
                p(format!("excerpts[{i}].evidence[{j}].quote"), Message::quote_not_found());
            }
        }
        let shows = |id: &str| shows_criterion(&shown, &file.criteria, id);
        let derived = first_holding(&precedence, &|c| &file.categories[c].rule, &shows, fallback_bin);
        if derived == fallback_bin {
            match &file.fallback {
                None if complete => p(format!("excerpts[{i}]"), Message::no_rule_holds(names(&shown, &file.criteria))),
                Some(f) if !f.offer && complete => {
                    p(format!("excerpts[{i}]"), Message::fallback_not_offered(names(&shown, &file.criteria), &*f.id));
                }
                _ => {}
            }
        }
        if let Some(stated) = &e.category {
            let derived_id =
                if derived == fallback_bin { file.fallback.as_ref().map(|f| f.id.as_str()) } else { Some(&*file.categories[derived].id) };
            if bin_ids.get(stated).is_none() {
                p(
                    format!("excerpts[{i}].category"),
                    Message::unknown_category(&**stated, did_you_mean(stated, bin_id_list(), comparisons)),
                );
            } else if Some(stated.as_str()) != derived_id && complete {
                let derived: Arg = derived_id.map_or_else(|| Message::no_category().into(), Arg::from);
                let reason = match file.categories.iter().find(|c| c.id == *stated) {
                    Some(c) if c.rule.holds(&shows) => Message::comes_before(derived.clone(), &**stated),
                    Some(_) => Message::fails_rule(&**stated),
                    None => Message::meets_rule(derived.clone()),
                };
                p(
                    format!("excerpts[{i}].category"),
                    Message::category_disagrees(&**stated, derived, names(&shown, &file.criteria), reason),
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
                let shows = |id: &str| shows_criterion(shown, &file.criteria, id);
                first_holding(order, &|c| file.lens_rule(l, c), &shows, fallback_bin) == fallback_bin
            });
            if let Some(i) = unmatched {
                let id = &file.excerpts[i].id;
                p(format!("lenses[{l}]"), Message::lens_no_rule(&**id));
            }
        }
    }

    // Settings.
    let s = &file.settings;
    if !(1..=9).contains(&s.tries) {
        p("settings.tries".into(), Message::tries_range(s.tries));
    }
    if s.penalty > 100 {
        p("settings.penalty".into(), Message::percent_range("penalty", s.penalty));
    }
    if s.pass_mark > 100 {
        p("settings.pass_mark".into(), Message::percent_range("pass_mark", s.pass_mark));
    }
    let mut starts = 0u128;
    for (i, band) in s.overall.iter().enumerate() {
        if band.min > 100 {
            p(format!("settings.overall[{i}].min"), Message::min_range(band.min));
        } else if starts & 1 << band.min != 0 {
            p(format!("settings.overall[{i}].min"), Message::band_twice(band.min));
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
    Some(Set { hash: 0, file, shown: shown_all, expected, precedence, lens_precedence, bins })
}

/// Whether an excerpt that shows the criteria `shown` (indices into `criteria`) shows the one
/// with id `id`: its few ids compared, rather than `id` looked up among all the criteria (each
/// rule asks for each criterion it names, for every excerpt).
fn shows_criterion(shown: &[usize], criteria: &[Criterion], id: &str) -> bool {
    shown.iter().any(|&c| criteria[c].id == id)
}

/// The first category in `order` whose rule holds for `shows`, else `fallback`.
fn first_holding<'r>(order: &[usize], rule: &dyn Fn(usize) -> &'r Rule, shows: &dyn Fn(&str) -> bool, fallback: BinId) -> BinId {
    for &c in order {
        if rule(c).holds(shows) {
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
    p: &mut impl FnMut(String, Message),
) -> Option<Vec<usize>> {
    if ids.is_empty() {
        return None;
    }
    let mut order = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        match categories.iter().position(|c| c.id == *id) {
            Some(c) if order.contains(&c) => p(format!("{path}[{i}]"), Message::listed_twice(&**id)),
            Some(c) => order.push(c),
            None => p(
                format!("{path}[{i}]"),
                Message::unknown_category(&**id, did_you_mean(id, categories.iter().map(|c| c.id.as_str()), comparisons)),
            ),
        }
    }
    for c in categories.iter().filter(|_| complete) {
        if !ids.contains(&c.id) {
            p(path.to_string(), Message::missing_from_precedence(&*c.id));
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

/// Ids with their indices, ordered for lookups by a hash of the id first (a hash map would add
/// hashbrown to the wasm). The hash spares comparing the ids' bytes: sorting 10,000 excerpt ids
/// that share long prefixes by their text took about 7% of a large set's check.
struct Ids<'a> {
    ids: Vec<&'a str>,
    /// Per id, its [`fnv1a`] hash.
    hashes: Vec<u64>,
    /// Indices into `ids`, by hash, then id, then index.
    sorted: Vec<usize>,
}

impl<'a> Ids<'a> {
    fn new(mut ids: impl Iterator<Item = &'a str>) -> Ids<'a> {
        Ids::of(&mut ids)
    }

    /// [`Ids::new`] through a `dyn` iterator: one copy in the wasm for the seven lists of ids.
    fn of(names: &mut dyn Iterator<Item = &'a str>) -> Ids<'a> {
        // Pushed in a loop: collecting from the `dyn` iterator cost 0.2 KB more.
        let (mut ids, mut hashes) = (Vec::new(), Vec::new());
        for id in names {
            ids.push(id);
            hashes.push(fnv1a(id.as_bytes()));
        }
        let mut sorted: Vec<usize> = (0..ids.len()).collect();
        let (by_hash, by_id) = (&hashes[..], &ids[..]);
        sort_indices(&mut sorted, &|a, b| match by_hash[a].cmp(&by_hash[b]) {
            Ordering::Equal => (by_id[a], a).cmp(&(by_id[b], b)),
            order => order,
        });
        Ids { ids, hashes, sorted }
    }

    /// The index of the first item with `id`.
    fn get(&self, id: &str) -> Option<usize> {
        let hash = fnv1a(id.as_bytes());
        let (by_hash, by_id) = (&self.hashes[..], &self.ids[..]);
        let at = self.sorted.partition_point(|&i| match by_hash[i].cmp(&hash) {
            Ordering::Equal => by_id[i] < id,
            order => order == Ordering::Less,
        });
        self.sorted.get(at).copied().filter(|&i| self.ids[i] == id)
    }

    /// Reports the id of item `i` of the list at `list` when it is not an id, or when an earlier
    /// item has it already (the path is only written then).
    fn check(&self, i: usize, list: &str, p: &mut impl FnMut(String, Message)) {
        let id = self.ids[i];
        let first = self.first_other(id, i);
        if first.is_none() && is_id(id) {
            return;
        }
        let path = format!("{list}[{i}].id");
        check_id(id, &path, p);
        if let Some(first) = first {
            p(path, Message::id_used(id, format!("{list}[{first}]")));
        }
    }

    /// The index of the first item with `id` when that is not item `index` itself.
    fn first_other(&self, id: &str, index: usize) -> Option<usize> {
        self.get(id).filter(|&first| first != index)
    }
}

/// Criterion ids for a message, or "none of the criteria".
fn names(shown: &[usize], criteria: &[Criterion]) -> Arg {
    if shown.is_empty() {
        return Message::none_of_the_criteria().into();
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
    out.into()
}

/// Whether `id` is an id: letters a–z, digits, `-` and `_`, at least one.
fn is_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
}

fn check_id(id: &str, path: &str, p: &mut impl FnMut(String, Message)) {
    if !is_id(id) {
        p(path.to_string(), Message::bad_id(id));
    }
}

/// "; did you mean `x`?" when a known name is close to `word`, else `None`. Each comparison
/// takes one from `comparisons`; with none left, or for a word longer than
/// [`MAX_SUGGESTED_CHARS`], there is no suggestion. Names whose length alone puts them too far
/// away are skipped without counting.
fn did_you_mean<'a>(word: &str, mut known: impl Iterator<Item = &'a str>, comparisons: &Cell<usize>) -> Option<Message> {
    closest(word, &mut known, comparisons)
}

/// [`did_you_mean`] through a `dyn` iterator: one copy in the wasm for its nine callers.
fn closest(word: &str, known: &mut dyn Iterator<Item = &str>, comparisons: &Cell<usize>) -> Option<Message> {
    let chars = word.chars().count();
    if chars > MAX_SUGGESTED_CHARS {
        return None;
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
    best.map(|(_, k)| Message::did_you_mean(k))
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
