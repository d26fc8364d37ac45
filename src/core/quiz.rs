//! The quiz as a state machine, beside the board's [`session`](crate::core::session): one item
//! at a time (the pooled excerpts, then the concept questions), each answered with an optional
//! criteria step, evidence marking, a bin (or options) and, with certainty-based marking, a
//! certainty; feedback at once, tries with a penalty, hints, "show solution", a review, and
//! "retry only the wrong ones".
//!
//! The shell turns DOM events into [`QuizMsg`]s, calls [`Quiz::apply`], carries out the returned
//! [`QuizEffect`]s and re-renders from the accessors. Everything an item shows is asked for by
//! its [`Item`] (stable across rounds); [`Quiz::items`] lists the items of the current round in
//! display order.
//!
//! Scoring (the attempt's score, 0–100):
//! - without certainty, an item right at try k earns `100 − penalty·(k−1)` (at least 0) of its
//!   100 points; the score is the items' average;
//! - with certainty (Moodle's CBM), an item right at try k earns its certainty's mark (low 1,
//!   medium 2, high 3) times that same fraction; an item never right earns the mark for wrong at
//!   the certainty of its last try (low 0, medium −2, high −6); the sum is scaled so that every
//!   item right at the first try with high certainty is 100 %, and clamped to 0–100;
//! - an item whose solution was shown, or that was never answered, earns 0;
//! - every submission is a try, so cycling through the answers costs tries like any other.
//!
//! An attempt ends with [`QuizMsg::Finish`]; its score is then fixed, reported once
//! ([`QuizEffect::Completed`]) and stays the attempt's score. [`QuizMsg::RetryWrong`] starts a
//! new round over the items that are not right, with fresh tries: it is practice, shown in the
//! review (each item's latest answer, and how many are right now), but it never changes the
//! score already reported. [`QuizMsg::Restart`] starts a new attempt with a new draw.

use std::ops::Range;

use crate::core::feedback::{Feedback, Span};
use crate::core::set::{BinId, Set};
use crate::core::strings::Lang;

/// One item of the quiz: an excerpt or a concept question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// An excerpt (index into the set's `excerpts`).
    Excerpt(usize),
    /// A concept question (index into the set's `questions`).
    Question(usize),
}

/// Whether an answered item was an excerpt or a question (for [`QuizEffect::Answered`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// An excerpt sorted into a bin.
    Excerpt,
    /// A concept question.
    Question,
}

/// How sure the student is of an answer (certainty-based marking).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Certainty {
    /// Not sure: right 1, wrong 0.
    Low,
    /// Fairly sure: right 2, wrong −2.
    Medium,
    /// Sure: right 3, wrong −6.
    High,
}

impl Certainty {
    /// Every certainty, lowest first.
    pub const ALL: [Certainty; 3] = [Certainty::Low, Certainty::Medium, Certainty::High];

    /// Moodle's CBM marks: (right, wrong).
    pub fn marks(self) -> (i32, i32) {
        match self {
            Certainty::Low => (1, 0),
            Certainty::Medium => (2, -2),
            Certainty::High => (3, -6),
        }
    }
}

/// What a student did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizMsg {
    /// Tick or untick criterion `c` (index into the set's `criteria`) on the current excerpt.
    ToggleCriterion(usize),
    /// Mark the words `first..=last` (indices into [`words`] of the current excerpt's text;
    /// either order).
    MarkWords {
        /// One end of the range.
        first: usize,
        /// The other end.
        last: usize,
    },
    /// Unmark the words `first..=last` (either order).
    UnmarkWords {
        /// One end of the range.
        first: usize,
        /// The other end.
        last: usize,
    },
    /// Unmark every word of the current excerpt.
    ClearMarks,
    /// Choose bin `b` (one of `set.bins`) for the current excerpt.
    ChooseBin(BinId),
    /// On the current question: choose option `o` (single: replaces the choice) or toggle it
    /// (multiple).
    ToggleOption(usize),
    /// Set how sure the student is of the current answer.
    SetCertainty(Certainty),
    /// Submit the current item's answer. Refused, with the reason announced, when something is
    /// missing: a bin or option, a `required` step, or the certainty when the set asks for it.
    Submit,
    /// After a wrong answer with tries left: open the answer again for another try.
    TryAgain,
    /// Show the current item's solution (when the set offers it): the item then scores 0.
    ShowSolution,
    /// Go to the next item of the round.
    Next,
    /// Go to the previous item of the round.
    Previous,
    /// Go to item `i` of the round (position in [`Quiz::items`]).
    GoTo(usize),
    /// End the round: the review follows (and, in the first round, the score is fixed).
    Finish,
    /// After the review: a new round over the items that are not right (when the set offers it).
    RetryWrong,
    /// Start a new attempt with this seed (a new draw and order).
    Restart(u64),
}

/// One judged answer, for the host page (and an LMS).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The excerpt's or question's id.
    pub item: String,
    /// Excerpt or question.
    pub kind: ItemKind,
    /// The bin's id, or the chosen options' ids.
    pub response: Vec<String>,
    /// The right bin's id, or the correct options' ids.
    pub expected: Vec<String>,
    /// Whether the answer is right.
    pub correct: bool,
    /// Which try this was (1-based).
    pub try_number: u8,
    /// The certainty given, when the set uses certainty-based marking.
    pub certainty: Option<Certainty>,
    /// The ids of the criteria ticked, when the excerpt had the criteria step.
    pub criteria: Option<Vec<String>>,
    /// How many words were marked as evidence (0 for a question).
    pub marked_words: usize,
}

/// What the shell must do after a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizEffect {
    /// Say this in the live region.
    Announce(String),
    /// The resume state changed: store it.
    Save,
    /// A submission was judged.
    Answered(Answer),
    /// The attempt's score is fixed (the first [`QuizMsg::Finish`]); at most once per attempt.
    Completed {
        /// Score in percent.
        score: u8,
        /// Whether it reaches the pass mark.
        passed: bool,
    },
}

/// How an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStatus {
    /// Not submitted (or opened again with [`QuizMsg::TryAgain`]).
    Open,
    /// Submitted and wrong, with tries left.
    Wrong,
    /// Submitted and right.
    Right,
    /// Wrong on the last try: the feedback names the right answer.
    Revealed,
    /// The solution was shown (the item scores 0).
    SolutionShown,
}

impl ItemStatus {
    /// Whether the item is done with (right, revealed or its solution shown): its answer is
    /// locked and the lenses can be shown.
    pub fn settled(self) -> bool {
        matches!(self, ItemStatus::Right | ItemStatus::Revealed | ItemStatus::SolutionShown)
    }
}

/// The answer being composed for an item (or, once submitted, the answer given).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    /// Criteria ticked (indices into the set's `criteria`, ascending).
    pub criteria: Vec<usize>,
    /// Words marked (indices into [`words`] of the excerpt's text, ascending).
    pub marked: Vec<usize>,
    /// The bin chosen (excerpts).
    pub bin: Option<BinId>,
    /// Options chosen (questions; indices into the question's `options`, ascending).
    pub options: Vec<usize>,
    /// The certainty given.
    pub certainty: Option<Certainty>,
}

/// How one lens (a historians' school) classifies an answered excerpt, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LensReading {
    /// Index into the set's `lenses`.
    pub lens: usize,
    /// The bin the lens's rules give.
    pub bin: BinId,
    /// Whether that is the set's (the essay's) bin.
    pub agrees: bool,
    /// Why: the lens's rule and the witnesses that decided, quoted, as on the board.
    pub why: Vec<Vec<Span>>,
}

/// The outcome of a finished round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizSummary {
    /// The attempt's score in percent: fixed at the end of the first round.
    pub score: u8,
    /// Whether it reaches the pass mark.
    pub passed: bool,
    /// Items right at the end of the first round.
    pub right: usize,
    /// Items right now (after any retry rounds).
    pub right_now: usize,
    /// Items in the attempt.
    pub total: usize,
    /// Which round just ended (1: the attempt itself; 2…: retries of the wrong ones).
    pub round: u8,
    /// The set's overall feedback for the score, if it has one.
    pub overall: Option<String>,
}

/// One item in the review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    /// The item.
    pub item: Item,
    /// Its name: the excerpt's first words, or the question's prompt.
    pub title: String,
    /// How it stands.
    pub status: ItemStatus,
    /// Tries used.
    pub tries: u8,
    /// The student's answer: the bin's label, or the chosen options' texts (empty: none).
    pub answer: Vec<String>,
    /// The certainty given.
    pub certainty: Option<Certainty>,
    /// Labels of the criteria ticked.
    pub criteria: Vec<String>,
    /// The marked evidence: each run of consecutive marked words as text.
    pub marked: Vec<String>,
    /// The right answer: the bin's label, or the correct options' texts.
    pub right_answer: Vec<String>,
    /// The derived explanation of the right answer (for questions: the correct options'
    /// feedback and the explanation).
    pub explanation: Vec<Vec<Span>>,
    /// The essay reference as running text ("essay, § Internalisatie, voetnoot 19").
    pub essay: String,
}

/// The whole review of a finished round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// Score, pass/fail and overall feedback.
    pub summary: QuizSummary,
    /// Every item of the attempt, in display order.
    pub items: Vec<ReviewItem>,
}

/// One student's quiz attempt at a set.
#[derive(Debug, Clone)]
pub struct Quiz {
    set: Set,
    lang: Lang,
    seed: u64,
}

/// The words of a text as byte ranges: maximal runs of letters and digits, with an apostrophe or
/// hyphen inside a word kept in it ("don't", "Sovjet-Unie"); other punctuation and spaces are not
/// part of any word.
pub fn words(text: &str) -> Vec<Range<usize>> {
    let _ = text;
    todo!()
}

impl Quiz {
    /// A fresh attempt: `lang` is the interface language, `seed` draws the pool and shuffles.
    pub fn new(set: Set, lang: Lang, seed: u64) -> Quiz {
        let _ = (set, lang, seed);
        todo!()
    }

    /// The set.
    pub fn set(&self) -> &Set {
        &self.set
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The attempt's seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The items of the current round, in display order.
    pub fn items(&self) -> &[Item] {
        todo!()
    }

    /// Every item of the attempt (the pooled excerpts, then the questions), in display order.
    pub fn all_items(&self) -> &[Item] {
        todo!()
    }

    /// The position of the current item in [`Quiz::items`].
    pub fn current(&self) -> usize {
        todo!()
    }

    /// The current item.
    pub fn current_item(&self) -> Item {
        todo!()
    }

    /// The round: 1 for the attempt itself, 2… for retries of the wrong ones.
    pub fn round(&self) -> u8 {
        todo!()
    }

    /// Whether the round is finished (the review is shown).
    pub fn finished(&self) -> bool {
        todo!()
    }

    /// The answer being composed for `item` (or the one submitted).
    pub fn draft(&self, item: Item) -> &Draft {
        let _ = item;
        todo!()
    }

    /// Tries used on `item` in this round.
    pub fn tries_used(&self, item: Item) -> u8 {
        let _ = item;
        todo!()
    }

    /// Tries left on `item` (0 once it is settled).
    pub fn tries_left(&self, item: Item) -> u8 {
        let _ = item;
        todo!()
    }

    /// How `item` stands.
    pub fn status(&self, item: Item) -> ItemStatus {
        let _ = item;
        todo!()
    }

    /// The feedback on `item`'s last submission (or its shown solution); `None` while it is open.
    pub fn feedback(&self, item: Item) -> Option<Feedback> {
        let _ = item;
        todo!()
    }

    /// The hint for the next try: shown from the second try on, while `item` is not settled
    /// (the excerpt's authored hint, else "look again at condition X"). `None` for questions.
    pub fn hint(&self, item: Item) -> Option<Vec<Span>> {
        let _ = item;
        todo!()
    }

    /// Each lens's reading of `item` once it is a settled excerpt (empty otherwise, and for a
    /// set without lenses).
    pub fn lens_readings(&self, item: Item) -> Vec<LensReading> {
        let _ = item;
        todo!()
    }

    /// A short name for `item`: the excerpt's first words, or the question's prompt.
    pub fn item_name(&self, item: Item) -> String {
        let _ = item;
        todo!()
    }

    /// Whether [`QuizMsg::RetryWrong`] would start a round (finished, offered by the set, and
    /// some item not right).
    pub fn can_retry_wrong(&self) -> bool {
        todo!()
    }

    /// The outcome, once the round is finished.
    pub fn summary(&self) -> Option<QuizSummary> {
        todo!()
    }

    /// The review, once the round is finished.
    pub fn review(&self) -> Option<Review> {
        todo!()
    }

    /// The review as Markdown (for download), once the round is finished; the set's texts are
    /// escaped so that they read as written.
    pub fn review_markdown(&self) -> Option<String> {
        todo!()
    }

    /// Applies a message; one that does not apply (out of range, a settled item, a finished
    /// round) changes nothing and at most says why.
    pub fn apply(&mut self, msg: QuizMsg) -> Vec<QuizEffect> {
        let _ = msg;
        todo!()
    }
}
