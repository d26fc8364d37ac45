//! The quiz's part of the set format (version 2): `mode`, `quiz`, `questions` and `lenses`, their
//! readers and their validation. A version-1 set is a version-2 set with `mode: "board"` and
//! none of these.

use std::cell::Cell;

use crate::core::json::Node;
use crate::core::messages::Message;
use crate::core::rule::Rule;

use super::{EssayRef, Ids, Problems, SetFile, category_order, choice, did_you_mean, fields, flag, number};

/// Which modes a set offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename_all = "lowercase"))]
pub enum Mode {
    /// The sorting board only (the default, and what every version-1 set is).
    #[default]
    Board,
    /// The quiz only.
    Quiz,
    /// Both, with a switch.
    Both,
}

impl Mode {
    /// Whether the quiz is offered.
    pub fn has_quiz(self) -> bool {
        self != Mode::Board
    }

    /// Whether the board is offered.
    pub fn has_board(self) -> bool {
        self != Mode::Quiz
    }
}

/// Whether a step of a quiz item is offered, and whether it must be done before submitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename_all = "lowercase"))]
pub enum Step {
    /// Not offered.
    Off,
    /// Offered; may be skipped (the default).
    #[default]
    Optional,
    /// Offered; an answer without it is refused.
    Required,
}

impl Step {
    /// Whether the step is shown at all.
    pub fn offered(self) -> bool {
        self != Step::Off
    }
}

/// How the quiz runs: the steps of each excerpt, certainty-based marking, the solution button,
/// retrying the wrong ones, and a pool. A field left out takes its default.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields, default, rename_all = "camelCase"))]
pub struct QuizSettings {
    /// Ticking the criteria seen in the excerpt: off, optional (the default) or required (an
    /// answer without a tick is refused).
    pub criteria_step: Step,
    /// Marking the words that justify the choice: off, optional (the default) or required (an
    /// answer without marked words is refused).
    pub evidence_step: Step,
    /// Certainty-based marking (Moodle's CBM): with each answer the student says how sure they
    /// are; right earns 1, 2 or 3, wrong costs 0, 2 or 6 (low, medium, high), scaled so that every
    /// answer right at the first try with high certainty is 100%.
    pub certainty: bool,
    /// Whether a "show solution" button is offered; an item whose solution is shown scores 0.
    pub show_solution: bool,
    /// Whether "retry only the wrong ones" is offered after the review: a practice round that
    /// leaves the score as it was.
    pub retry_wrong: bool,
    /// Draw this many excerpts per attempt (with the attempt's seed), at most as many as the set
    /// has; all when left out. Questions are always all asked.
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub pool: Option<u32>,
}

impl Default for QuizSettings {
    fn default() -> Self {
        QuizSettings {
            criteria_step: Step::Optional,
            evidence_step: Step::Optional,
            certainty: false,
            show_solution: true,
            retry_wrong: true,
            pool: None,
        }
    }
}

/// Whether a concept question takes one answer or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(rename_all = "lowercase"))]
pub enum QuestionType {
    /// Exactly one option is correct; the student chooses one.
    #[default]
    Single,
    /// One or more options are correct; the student must choose all and only those.
    Multiple,
}

/// One option of a concept question.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct QuestionOption {
    /// Unique within the question; left out, the option's letter in the list (a, b, c, …).
    #[cfg_attr(feature = "schema", schemars(with = "Option<super::schema::Id>"))]
    pub id: String,
    /// The option as shown.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub text: String,
    /// Whether choosing it is right.
    pub correct: bool,
    /// Why this option is right or wrong, from the essay; shown when it was chosen. Left out, a
    /// chosen option gets a plain "right" or "not right".
    pub feedback: Option<String>,
}

/// A concept question about the essay's argument (quiz mode only, after the excerpts), with
/// feedback per option.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Question {
    /// Unique among the questions.
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::Id"))]
    pub id: String,
    /// single (exactly one option is correct) or multiple (one or more are; the student must
    /// choose all and only those).
    #[cfg_attr(feature = "schema", schemars(rename = "type"))]
    pub kind: QuestionType,
    /// The question. Plain text, never HTML.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub prompt: String,
    /// The options, shown in this order.
    #[cfg_attr(feature = "schema", schemars(length(min = 2)))]
    pub options: Vec<QuestionOption>,
    /// Where the essay says it: cited once the question is answered.
    pub essay: Option<EssayRef>,
    /// Shown once the question is answered (right, out of tries, or its solution shown).
    pub explanation: Option<String>,
}

impl Question {
    /// The texts of the correct options, in the order written.
    pub fn correct_texts(&self) -> Vec<String> {
        let mut texts = Vec::new();
        for option in self.options.iter().filter(|o| o.correct) {
            texts.push(option.text.clone());
        }
        texts
    }
}

/// A historians' school's reading of the same criteria: its summary and, where it differs from
/// the set, its own rules.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Lens {
    /// Unique among the lenses.
    #[cfg_attr(feature = "schema", schemars(with = "super::schema::Id"))]
    pub id: String,
    /// The school's name, e.g. "totalitarian school".
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub label: String,
    /// What this school assumes, in one or two sentences from the essay.
    #[cfg_attr(feature = "schema", schemars(default))]
    pub summary: String,
    /// Where the essay describes the school.
    pub essay: Option<EssayRef>,
    /// The school's own rule per category id, where it differs from the set's, in the order
    /// written; categories not listed keep the set's rule. Leave out for the essay's own reading.
    #[cfg_attr(feature = "schema", schemars(default, schema_with = "super::schema::lens_rules"))]
    pub rules: Vec<(String, Rule)>,
    /// Category ids in the order this school's rules are tried; a category left out is one this
    /// reading never gives. Default: the set's precedence.
    #[cfg_attr(feature = "schema", schemars(default, with = "Vec<super::schema::Id>", extend("uniqueItems" = true)))]
    pub precedence: Vec<String>,
}

/// The fields of the `quiz` object.
pub const QUIZ_FIELDS: &[&str] = &["criteriaStep", "evidenceStep", "certainty", "showSolution", "retryWrong", "pool"];
/// The fields of a question.
pub const QUESTION_FIELDS: &[&str] = &["id", "type", "prompt", "options", "essay", "explanation"];
/// The fields of a question's option.
pub const OPTION_FIELDS: &[&str] = &["id", "text", "correct", "feedback"];
/// The fields of a lens.
pub const LENS_FIELDS: &[&str] = &["id", "label", "summary", "essay", "rules", "precedence"];
/// The words of `mode`, in the order of [`Mode`]'s variants.
pub const MODE_NAMES: &[&str] = &["board", "quiz", "both"];
/// The words of a step (`criteriaStep`, `evidenceStep`), in the order of [`Step`]'s variants.
pub const STEP_NAMES: &[&str] = &["off", "optional", "required"];
/// The words of a question's `type`, in the order of [`QuestionType`]'s variants.
pub const QUESTION_TYPE_NAMES: &[&str] = &["single", "multiple"];

pub(super) fn mode(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Option<Mode> {
    Some([Mode::Board, Mode::Quiz, Mode::Both][choice(p, node, path, MODE_NAMES)?])
}

fn step(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Option<Step> {
    Some([Step::Off, Step::Optional, Step::Required][choice(p, node, path, STEP_NAMES)?])
}

#[inline(never)]
pub(super) fn quiz_settings(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> QuizSettings {
    let f = fields(p, node, path, QUIZ_FIELDS);
    let default = QuizSettings::default();
    QuizSettings {
        criteria_step: f.optional(p, "criteriaStep", step).unwrap_or(default.criteria_step),
        evidence_step: f.optional(p, "evidenceStep", step).unwrap_or(default.evidence_step),
        certainty: f.optional(p, "certainty", flag).unwrap_or(default.certainty),
        show_solution: f.optional(p, "showSolution", flag).unwrap_or(default.show_solution),
        retry_wrong: f.optional(p, "retryWrong", flag).unwrap_or(default.retry_wrong),
        pool: f.optional(p, "pool", number),
    }
}

#[inline(never)]
pub(super) fn question(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Question {
    let f = fields(p, node, path, QUESTION_FIELDS);
    Question {
        id: f.text(p, "id"),
        kind: f
            .required(p, "type", |p, node, path| {
                Some([QuestionType::Single, QuestionType::Multiple][choice(p, node, path, QUESTION_TYPE_NAMES)?])
            })
            .unwrap_or_default(),
        prompt: f.text(p, "prompt"),
        options: f.required(p, "options", options).unwrap_or_default(),
        essay: f.essay(p),
        explanation: f.optional_text(p, "explanation"),
    }
}

/// Reads a question's options (see [`option`]).
fn options(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Option<Vec<QuestionOption>> {
    let items = super::array(p, node, path)?;
    let mut options = Vec::with_capacity(items.len());
    for (j, node) in items.iter().enumerate() {
        options.push(option(p, node, &format!("{path}[{j}]"), j));
    }
    Some(options)
}

/// Reads option `j` of a question; without an id it is named by its letter in the list (`a`,
/// `b`, …, then `27`, `28`, …).
#[inline(never)]
fn option(p: &mut Problems<'_>, node: &Node<'_>, path: &str, j: usize) -> QuestionOption {
    let f = fields(p, node, path, OPTION_FIELDS);
    let letter = || match u8::try_from(j).ok().filter(|&j| j < 26) {
        Some(letter) => char::from(b'a' + letter).to_string(),
        None => (j + 1).to_string(),
    };
    QuestionOption {
        id: f.optional_text(p, "id").unwrap_or_else(letter),
        text: f.text(p, "text"),
        correct: f.required(p, "correct", flag).unwrap_or_default(),
        feedback: f.optional_text(p, "feedback"),
    }
}

#[inline(never)]
pub(super) fn lens(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Lens {
    let f = fields(p, node, path, LENS_FIELDS);
    Lens {
        id: f.text(p, "id"),
        label: f.text(p, "label"),
        summary: f.text_or_empty(p, "summary"),
        essay: f.essay(p),
        rules: f.optional(p, "rules", lens_rules).unwrap_or_default(),
        precedence: f.optional(p, "precedence", super::id_list).unwrap_or_default(),
    }
}

/// Reads `{"category id": rule, …}`, keeping the order written.
fn lens_rules(p: &mut Problems<'_>, node: &Node<'_>, path: &str) -> Option<Vec<(String, Rule)>> {
    let crate::core::json::Value::Object(members) = &node.value else {
        return super::wrong(p, node, path, Message::rules_object());
    };
    let mut rules = Vec::with_capacity(members.len());
    for m in members {
        let rpath = super::child(path, &m.key);
        if rules.iter().any(|(id, _): &(String, Rule)| *id == m.key) {
            p.at(rpath, m.at, Message::rule_twice(&*m.key));
            continue;
        }
        match Rule::from_value(&m.value) {
            Ok(rule) => rules.push((m.key.to_string(), rule)),
            Err(message) => p.unreadable(&rpath, m.value.at, message),
        }
    }
    Some(rules)
}

/// Checks the quiz's fields against the rest of the set; returns each lens's category order.
pub(super) fn validate(
    file: &SetFile,
    criterion_ids: &Ids<'_>,
    precedence: &[usize],
    comparisons: &Cell<usize>,
    p: &mut impl FnMut(String, Message),
) -> Vec<Vec<usize>> {
    if file.mode == Mode::Board {
        if file.quiz.is_some() {
            p("quiz".into(), Message::quiz_unused());
        }
        if !file.questions.is_empty() {
            p("questions".into(), Message::questions_unused());
        }
    }
    if let Some(pool) = file.quiz.as_ref().and_then(|q| q.pool) {
        if pool == 0 {
            p("quiz.pool".into(), Message::pool_zero());
        } else if pool as usize > file.excerpts.len() {
            p("quiz.pool".into(), Message::pool_too_large(pool, file.excerpts.len()));
        }
    }

    let question_ids = Ids::new(file.questions.iter().map(|q| q.id.as_str()));
    for (i, q) in file.questions.iter().enumerate() {
        let path = format!("questions[{i}]");
        question_ids.check(i, "questions", p);
        if q.prompt.trim().is_empty() {
            p(format!("{path}.prompt"), Message::prompt_empty());
        }
        let option_ids = Ids::new(q.options.iter().map(|o| o.id.as_str()));
        for (j, o) in q.options.iter().enumerate() {
            option_ids.check(j, &format!("{path}.options"), p);
            if o.text.trim().is_empty() {
                p(format!("{path}.options[{j}].text"), Message::option_empty());
            }
        }
        let correct: Vec<String> = q.options.iter().filter(|o| o.correct).map(|o| format!("`{}`", o.id)).collect();
        if q.options.len() < 2 {
            p(format!("{path}.options"), Message::too_few_options());
        } else if correct.is_empty() {
            p(format!("{path}.options"), Message::no_correct_option());
        } else if q.kind == QuestionType::Single && correct.len() > 1 {
            p(format!("{path}.options"), Message::single_many_correct(correct.join(", ")));
        }
    }

    let lens_ids = Ids::new(file.lenses.iter().map(|l| l.id.as_str()));
    let category_ids = || file.categories.iter().map(|c| c.id.as_str());
    let mut orders = Vec::with_capacity(file.lenses.len());
    for (i, lens) in file.lenses.iter().enumerate() {
        let path = format!("lenses[{i}]");
        lens_ids.check(i, "lenses", p);
        if lens.label.trim().is_empty() {
            p(format!("{path}.label"), Message::label_empty());
        }
        for (category, rule) in &lens.rules {
            let rpath = format!("{path}.rules.{category}");
            if !category_ids().any(|c| c == category) {
                let message = match &file.fallback {
                    Some(f) if f.id == *category => Message::fallback_has_no_rule(&**category),
                    _ => Message::unknown_category(&**category, did_you_mean(category, category_ids(), comparisons)),
                };
                p(rpath.clone(), message);
            }
            for id in rule.criteria() {
                if criterion_ids.get(id).is_none() {
                    let known = file.criteria.iter().map(|c| c.id.as_str());
                    p(rpath.clone(), Message::unknown_criterion(id, did_you_mean(id, known, comparisons)));
                }
            }
        }
        let order = category_order(&lens.precedence, &format!("{path}.precedence"), false, &file.categories, comparisons, p);
        orders.push(order.unwrap_or_else(|| precedence.to_vec()));
    }
    orders
}
