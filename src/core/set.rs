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
    /// The bins, in rule precedence order.
    pub categories: Vec<Category>,
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
    todo!("{text}")
}
