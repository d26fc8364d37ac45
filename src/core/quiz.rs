//! The quiz as a state machine, beside the [`board`](crate::core::board): one item
//! at a time (the pooled excerpts, then the concept questions), each answered with an optional
//! criteria step, evidence marking, a bin (or options) and, with certainty-based marking, a
//! certainty; feedback at once, tries with a penalty, hints, "show solution", a review, and
//! "retry only the wrong ones".
//!
//! The shell turns DOM events into [`Msg`]s, calls [`Quiz::apply`], carries out the returned
//! [`Effect`]s and re-renders from the accessors. Everything an item shows is asked for by
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
//! - an item whose solution was shown, or that was never answered, earns 0 (with CBM, a solution
//!   shown after a wrong try keeps that try's mark: showing it cannot undo a confident mistake);
//! - every submission is a try, so cycling through the answers costs tries like any other.
//!
//! An attempt ends with [`Msg::Finish`]; its score is then fixed, reported once
//! ([`Effect::Completed`]) and stays the attempt's score. [`Msg::RetryWrong`] starts a
//! new round over the items that are not right, with fresh tries: it is practice, shown in the
//! review (each item's latest answer, and how many are right now), but it never changes the
//! score already reported. [`Msg::Restart`] starts a new attempt with a new draw.

use std::ops::Range;
use std::rc::Rc;

use crate::core::board::{first_words, shuffle_seeded};
use crate::core::exercise::{Answer, Certainty, Effect, ItemKind, Summary, Tally, percent, try_points};
use crate::core::feedback::{self, Feedback, Span, Stage, Verdict};
use crate::core::set::{BinId, QuestionType, Set, Step, sort_indices};
use crate::core::strings::{Key, Lang};
use crate::core::wording::Wording;

/// One item of the quiz: an excerpt or a concept question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// An excerpt (index into the set's `excerpts`).
    Excerpt(usize),
    /// A concept question (index into the set's `questions`).
    Question(usize),
}

/// What a student did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
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

/// How an item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ItemStatus {
    /// Not submitted (or opened again with [`Msg::TryAgain`]).
    #[default]
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

/// Where an item of the round stands, as the item navigator shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not answered yet.
    ToDo,
    /// Answered wrong with tries left: still to do.
    Retry,
    /// Done: right.
    Right,
    /// Done: not right (out of tries, or its solution shown).
    Wrong,
}

impl Standing {
    /// The standing in words ("te doen", "goed"…).
    pub fn key(self) -> Key {
        match self {
            Standing::ToDo => Key::StandingToDo,
            Standing::Retry => Key::StandingRetry,
            Standing::Right => Key::StandingRight,
            Standing::Wrong => Key::StandingWrong,
        }
    }
}

/// How many items of the round are done (right or wrong) and how many are still to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Done and right.
    pub right: usize,
    /// Done and not right.
    pub wrong: usize,
    /// Still to do (not answered, or wrong with tries left).
    pub to_do: usize,
}

/// A step of the current item that must be taken before it can be submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// Tick the criteria (a required criteria step).
    Criteria,
    /// Mark words (a required evidence step).
    Evidence,
    /// Choose a bin.
    Bin,
    /// Choose an option (a question).
    Option,
    /// Say how sure you are.
    Certainty,
}

impl Missing {
    /// What the student is told about it.
    pub fn key(self) -> Key {
        match self {
            Missing::Criteria => Key::NeedCriteria,
            Missing::Evidence => Key::NeedEvidence,
            Missing::Bin => Key::NeedBin,
            Missing::Option => Key::NeedOption,
            Missing::Certainty => Key::NeedCertainty,
        }
    }
}

/// What one item earned towards the attempt's score, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Points {
    /// Points earned, in hundredths (negative: a confident mistake's cost with certainty).
    pub earned: i32,
    /// The most an item can earn, in hundredths (3 points with certainty, else 100).
    pub best: i32,
    /// Why, in words: "3 of 3 points: right at the first try with ‘sure’".
    pub why: String,
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

/// The feedback on an item in its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackParts {
    /// Right, wrong or revealed (also for a shown solution).
    pub verdict: Verdict,
    /// On the answer itself: the bin's rule and the excerpt's evidence, as on the board, or the
    /// chosen options' feedback; with the right answer's why once it is right or revealed.
    pub answer: Vec<Vec<Span>>,
    /// On the criteria ticked (empty when the step was skipped or is off).
    pub criteria: Vec<Vec<Span>>,
    /// On the words marked (empty when none were marked).
    pub evidence: Vec<Vec<Span>>,
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
    /// The essay reference as running text ("essay, § Internalisatie, voetnoot 19"), when the
    /// set gives one.
    pub essay: Option<String>,
    /// What the item earned towards the score and why; `None` for an item practised in a
    /// retry round (the score is the first round's).
    pub points: Option<Points>,
}

/// The whole review of a finished round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// Score, pass/fail and overall feedback.
    pub summary: Summary,
    /// Every item of the attempt, in display order.
    pub items: Vec<ReviewItem>,
}

/// One student's quiz attempt at a set.
#[derive(Debug, Clone)]
pub struct Quiz {
    /// Shared with the board, never copied.
    set: Rc<Set>,
    lang: Lang,
    seed: u64,
    /// Every item of the attempt, in display order (derived from the seed).
    all: Vec<Item>,
    /// Per item of `all`, how it stands.
    states: Vec<ItemState>,
    /// The current round's items (a subsequence of `all`).
    round_items: Vec<Item>,
    /// Position of the current item in `round_items`.
    current: usize,
    /// 1 for the attempt, 2… for retry rounds.
    round: u8,
    /// Whether the current round is finished.
    finished: bool,
    /// The attempt's score and the items right, fixed when the first round finished.
    first: Option<(u8, usize)>,
}

/// How one item stands in the current round.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct ItemState {
    pub(crate) draft: Draft,
    pub(crate) tries: u8,
    pub(crate) status: ItemStatus,
    /// The certainty of the last submission (what a wrong answer costs with CBM).
    pub(crate) last_certainty: Option<Certainty>,
}

/// What the resume string keeps of an attempt besides its seed (the seed draws the items).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stored {
    /// Per item of the attempt, how it stands.
    pub(crate) states: Vec<ItemState>,
    /// Per item of the attempt, whether it is in the current round.
    pub(crate) in_round: Vec<bool>,
    pub(crate) round: u8,
    pub(crate) finished: bool,
    pub(crate) first: Option<(u8, usize)>,
    pub(crate) current: usize,
}

/// The draft of an item outside the attempt.
static NO_DRAFT: Draft = Draft { criteria: Vec::new(), marked: Vec::new(), bin: None, options: Vec::new(), certainty: None };

/// The words of a text as byte ranges: maximal runs of letters and digits, with an apostrophe or
/// hyphen inside a word kept in it ("don't", "Sovjet-Unie"); other punctuation and spaces are not
/// part of any word.
pub fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let joins = matches!(c, '\'' | '’' | '-' | '‐') && start.is_some() && chars.peek().is_some_and(|&(_, next)| next.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            start.get_or_insert(at);
        } else if let Some(from) = start.take() {
            out.push(from..at);
        }
    }
    if let Some(from) = start {
        out.push(from..text.len());
    }
    out
}

/// The indices of the words (of [`words`]`(text)`) that `quote`'s first occurrence in `text`
/// overlaps; empty when it does not occur.
pub fn quote_words(text: &str, quote: &str) -> Range<usize> {
    let Some(at) = text.find(quote).filter(|_| !quote.is_empty()) else { return 0..0 };
    let span = at..at + quote.len();
    let words = words(text);
    let first = words.iter().position(|w| w.end > span.start).unwrap_or(words.len());
    let end = words.iter().position(|w| w.start >= span.end).unwrap_or(words.len());
    first..end.max(first)
}

impl Quiz {
    /// A fresh attempt: `lang` is the interface language, `seed` draws the pool and shuffles.
    pub fn new(set: impl Into<Rc<Set>>, lang: Lang, seed: u64) -> Quiz {
        let set = set.into();
        let all = draw(&set, seed);
        Quiz {
            states: vec![ItemState::default(); all.len()],
            round_items: all.clone(),
            all,
            set,
            lang,
            seed,
            current: 0,
            round: 1,
            finished: false,
            first: None,
        }
    }

    /// Rebuilds a fresh attempt's progress from its stored parts (for `state::decode_quiz`);
    /// `None` unless they are an attempt a student can reach with the items this seed draws.
    pub(crate) fn restore(self, stored: Stored) -> Option<Quiz> {
        let mut quiz = self;
        if stored.states.len() != quiz.all.len() || stored.in_round.len() != quiz.all.len() {
            return None;
        }
        quiz.round_items.clear();
        for (&item, _) in quiz.all.iter().zip(&stored.in_round).filter(|&(_, &inside)| inside) {
            quiz.round_items.push(item);
        }
        (quiz.states, quiz.round, quiz.finished, quiz.first, quiz.current) =
            (stored.states, stored.round, stored.finished, stored.first, stored.current);
        quiz.reachable().then_some(quiz)
    }

    /// Per item of [`Quiz::all_items`], how it stands (for the resume string, read in place).
    pub(crate) fn states(&self) -> &[ItemState] {
        &self.states
    }

    /// The first round's score and the items right then, once it finished.
    pub(crate) fn first_round(&self) -> Option<(u8, usize)> {
        self.first
    }

    /// Whether the attempt is one a student can reach: every item's status fits its tries and
    /// its answer, only offered steps hold anything, and the rounds and score fit the items.
    fn reachable(&self) -> bool {
        let set = &self.set;
        let quiz = set.quiz_settings();
        let max = set.file.settings.tries;
        let items_fit = self.all.iter().zip(&self.states).all(|(&item, s)| {
            let d = &s.draft;
            let (shape, correct) = match item {
                Item::Excerpt(i) => (
                    d.options.is_empty()
                        && d.criteria.iter().all(|&c| c < set.file.criteria.len())
                        && (quiz.criteria_step.offered() || d.criteria.is_empty())
                        && d.marked.last().is_none_or(|&w| w < words(&set.file.excerpts[i].text).len())
                        && (quiz.evidence_step.offered() || d.marked.is_empty())
                        && d.bin.is_none_or(|b| set.bins.contains(&b)),
                    d.bin == Some(set.expected[i]),
                ),
                Item::Question(q) => {
                    let question = &set.file.questions[q];
                    let n = question.options.len();
                    (
                        d.criteria.is_empty()
                            && d.marked.is_empty()
                            && d.bin.is_none()
                            && d.options.last().is_none_or(|&o| o < n)
                            && (question.kind == QuestionType::Multiple || d.options.len() <= 1),
                        (0..n).all(|o| question.options[o].correct == d.options.contains(&o)),
                    )
                }
            };
            let sorted = |list: &[usize]| list.windows(2).all(|w| w[0] < w[1]);
            let submitted = matches!(s.status, ItemStatus::Wrong | ItemStatus::Right | ItemStatus::Revealed);
            let tries_fit = match s.status {
                ItemStatus::Open | ItemStatus::SolutionShown => s.tries < max,
                ItemStatus::Wrong => s.tries >= 1 && s.tries < max && !correct,
                ItemStatus::Right => s.tries >= 1 && s.tries <= max && correct,
                ItemStatus::Revealed => s.tries == max && !correct,
            };
            let certainty_fits = if quiz.certainty {
                s.last_certainty.is_some() == (s.tries > 0) && (!submitted || d.certainty == s.last_certainty)
            } else {
                s.last_certainty.is_none() && d.certainty.is_none()
            };
            shape
                && sorted(&d.criteria)
                && sorted(&d.marked)
                && sorted(&d.options)
                && tries_fit
                && certainty_fits
                && (!submitted || self.missing(item, d).is_empty())
        });
        // A retry round holds the items not right when the round before it ended: those right
        // then stay out of it (and at the first round's end there were exactly as many in
        // round 2, at least as many later).
        let outside = self.all.len() - self.round_items.len();
        let rounds_fit = if self.round == 1 {
            self.round_items.len() == self.all.len() && self.first.is_some() == self.finished
        } else {
            !self.round_items.is_empty()
                && self.all.iter().zip(&self.states).all(|(item, s)| self.round_items.contains(item) || s.status == ItemStatus::Right)
                && self.first.is_some_and(|(_, right)| if self.round == 2 { right == outside } else { right <= outside })
        };
        // The first round's score: recomputed while its items stand; later, at most 100, and
        // without certainty at most what its right items could earn.
        let first_fits = self.first.is_none_or(|(score, right)| match self.round {
            1 => (score, right) == (self.score_now(), self.right_count()),
            _ => score <= 100 && (quiz.certainty || usize::from(score) * self.all.len() <= right * 100),
        });
        items_fit && rounds_fit && first_fits && self.current < self.round_items.len()
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
        &self.round_items
    }

    /// Every item of the attempt (the pooled excerpts, then the questions), in display order.
    pub fn all_items(&self) -> &[Item] {
        &self.all
    }

    /// The position of the current item in [`Quiz::items`].
    pub fn current(&self) -> usize {
        self.current
    }

    /// The current item.
    pub fn current_item(&self) -> Item {
        self.round_items[self.current]
    }

    /// The round: 1 for the attempt itself, 2… for retries of the wrong ones.
    pub fn round(&self) -> u8 {
        self.round
    }

    /// Whether the round is finished (the review is shown).
    pub fn finished(&self) -> bool {
        self.finished
    }

    fn state(&self, item: Item) -> Option<&ItemState> {
        self.all.iter().position(|&x| x == item).map(|k| &self.states[k])
    }

    /// The answer being composed for `item` (or the one submitted).
    pub fn draft(&self, item: Item) -> &Draft {
        self.state(item).map_or(&NO_DRAFT, |s| &s.draft)
    }

    /// Whether the student has done anything yet: a later round, an item moved to, a try used,
    /// or an answer begun.
    pub fn started(&self) -> bool {
        self.round > 1 || self.current > 0 || self.round_items.iter().any(|&i| self.tries_used(i) > 0 || *self.draft(i) != NO_DRAFT)
    }

    /// Tries used on `item` in this round.
    pub fn tries_used(&self, item: Item) -> u8 {
        self.state(item).map_or(0, |s| s.tries)
    }

    /// Tries left on `item` (0 once it is settled).
    pub fn tries_left(&self, item: Item) -> u8 {
        match self.state(item) {
            Some(s) if !s.status.settled() => self.set.file.settings.tries.saturating_sub(s.tries),
            _ => 0,
        }
    }

    /// How `item` stands.
    pub fn status(&self, item: Item) -> ItemStatus {
        self.state(item).map_or(ItemStatus::Open, |s| s.status)
    }

    /// The feedback on `item`'s last submission (or its shown solution); `None` while it is open.
    /// The paragraphs are those of [`Quiz::feedback_parts`], in order: answer, criteria, evidence.
    pub fn feedback(&self, item: Item) -> Option<Feedback> {
        let parts = self.feedback_parts(item)?;
        let paragraphs = parts.answer.into_iter().chain(parts.criteria).chain(parts.evidence).collect();
        Some(Feedback { verdict: parts.verdict, paragraphs })
    }

    /// The feedback on `item`'s last submission in its parts, for a view that places them apart.
    pub fn feedback_parts(&self, item: Item) -> Option<FeedbackParts> {
        let state = self.state(item)?;
        let (set, lang) = (&self.set, self.lang);
        let verdict = match state.status {
            ItemStatus::Open => return None,
            ItemStatus::Right => Verdict::Right,
            ItemStatus::Wrong => Verdict::Wrong,
            ItemStatus::Revealed | ItemStatus::SolutionShown => Verdict::Revealed,
        };
        let answer_only = |answer: Vec<Vec<Span>>| FeedbackParts { verdict, answer, criteria: Vec::new(), evidence: Vec::new() };
        let shown = state.status == ItemStatus::SolutionShown;
        match item {
            Item::Question(q) if shown => Some(answer_only(feedback::question_solution(set, lang, q))),
            Item::Question(q) => Some(answer_only(feedback::question(set, lang, q, &state.draft.options, verdict).paragraphs)),
            Item::Excerpt(i) if shown => Some(answer_only(feedback::right(set, lang, i).paragraphs)),
            Item::Excerpt(i) => {
                let bin = state.draft.bin?;
                let answer = match state.status {
                    ItemStatus::Right => feedback::right(set, lang, i),
                    ItemStatus::Wrong => feedback::wrong(set, lang, i, bin, Stage::Explain),
                    _ => feedback::wrong(set, lang, i, bin, Stage::Reveal),
                };
                let step = set.quiz_settings().criteria_step;
                let criteria = if step == Step::Required || step.offered() && !state.draft.criteria.is_empty() {
                    feedback::criteria_step(set, lang, i, &state.draft.criteria, bin)
                } else {
                    Vec::new()
                };
                let evidence = feedback::evidence_step(set, lang, i, &state.draft.marked);
                Some(FeedbackParts { verdict, answer: answer.paragraphs, criteria, evidence })
            }
        }
    }

    /// Whether [`Msg::TryAgain`] applies to the current item now.
    pub fn can_try_again(&self) -> bool {
        !self.finished && self.status(self.current_item()) == ItemStatus::Wrong
    }

    /// Whether [`Msg::ShowSolution`] applies to the current item now.
    pub fn can_show_solution(&self) -> bool {
        !self.finished && self.set.quiz_settings().show_solution && !self.status(self.current_item()).settled()
    }

    /// The hint for the next try: shown from the second try on, while `item` is not settled
    /// (the excerpt's authored hint, else "look again at condition X"). `None` for questions.
    pub fn hint(&self, item: Item) -> Option<Vec<Vec<Span>>> {
        let state = self.state(item)?;
        match item {
            Item::Excerpt(i) if state.tries > 0 && !state.status.settled() => {
                let bin = state.draft.bin.unwrap_or(self.set.expected[i]);
                Some(feedback::hint(&self.set, self.lang, i, bin)).filter(|h| !h.is_empty())
            }
            _ => None,
        }
    }

    /// Each lens's reading of `item` once it is a settled excerpt (empty otherwise, and for a
    /// set without lenses).
    pub fn lens_readings(&self, item: Item) -> Vec<LensReading> {
        match item {
            Item::Excerpt(i) if self.status(item).settled() => {
                let mut readings = Vec::with_capacity(self.set.file.lenses.len());
                for lens in 0..self.set.file.lenses.len() {
                    let bin = self.set.classify(lens, i);
                    let why = feedback::lens_reading(&self.set, self.lang, lens, i);
                    readings.push(LensReading { lens, bin, agrees: bin == self.set.expected[i], why });
                }
                readings
            }
            _ => Vec::new(),
        }
    }

    /// A short name for `item`: the excerpt's first words, or the question's prompt.
    pub fn item_name(&self, item: Item) -> String {
        match item {
            Item::Excerpt(i) => self.set.file.excerpts.get(i).map_or_else(String::new, |e| first_words(&e.text, 6)),
            Item::Question(q) => self.set.file.questions.get(q).map_or_else(String::new, |q| q.prompt.clone()),
        }
    }

    /// Whether [`Msg::RetryWrong`] would start a round (finished, offered by the set, and
    /// some item not right).
    pub fn can_retry_wrong(&self) -> bool {
        self.finished && self.set.quiz_settings().retry_wrong && self.states.iter().any(|s| s.status != ItemStatus::Right)
    }

    /// The score the items earn as they stand (see the module's documentation).
    fn score_now(&self) -> u8 {
        let points: i64 = self.states.iter().map(|s| i64::from(self.item_points(s))).sum();
        percent(points, i64::from(self.best_points()) * self.states.len().max(1) as i64)
    }

    /// What an item as it stands earns, in hundredths of a point (see the module's
    /// documentation): with certainty its mark times the fraction its try keeps, else that
    /// fraction of its 100 points.
    fn item_points(&self, s: &ItemState) -> i32 {
        let cbm = self.set.quiz_settings().certainty;
        match s.status {
            ItemStatus::Right => {
                let mark = if cbm { s.last_certainty.map_or(0, |c| c.marks().0) } else { 100 };
                mark * try_points(self.set.file.settings.penalty, s.tries) as i32
            }
            // Not right (a shown solution included: it does not undo what a wrong try already
            // cost): with CBM, the wrong mark of the last try's certainty.
            _ if cbm => s.last_certainty.map_or(0, |c| c.marks().1) * 100,
            _ => 0,
        }
    }

    /// The most one item earns, in hundredths of a point: 3 points with certainty, else 100.
    fn best_points(&self) -> i32 {
        if self.set.quiz_settings().certainty { 300 } else { 10_000 }
    }

    fn right_count(&self) -> usize {
        self.states.iter().filter(|s| s.status == ItemStatus::Right).count()
    }

    /// How the score is counted, when certainty-based marking makes it differ from the count of
    /// right items (a score of 0 % with items right is then no contradiction).
    pub fn score_note(&self) -> Option<&str> {
        self.set.quiz_settings().certainty.then(|| self.set.wording(self.lang).get(Key::CertaintyScoring))
    }

    /// The outcome, once the round is finished.
    pub fn summary(&self) -> Option<Summary> {
        let (score, right) = self.first.filter(|_| self.finished)?;
        let tally = Tally { score, right, right_now: self.right_count(), total: self.all.len(), round: self.round };
        // A score far below the share right (23 of 28 right, 43 %) is explained first, beside it.
        let note = match (self.score_gap_note(), self.score_note()) {
            (Some(gap), Some(note)) => Some([gap.as_str(), " ", note].concat()),
            (gap, note) => gap.or_else(|| note.map(str::to_string)),
        };
        Some(Summary::new(self.set.wording(self.lang), &self.set.file.settings, Key::QuizScore, note.as_deref(), tally))
    }

    /// The review, once the round is finished.
    pub fn review(&self) -> Option<Review> {
        let summary = self.summary()?;
        let mut items = Vec::with_capacity(self.all.len());
        for (&item, state) in self.all.iter().zip(&self.states) {
            items.push(self.review_item(item, state));
        }
        Some(Review { summary, items })
    }

    fn review_item(&self, item: Item, state: &ItemState) -> ReviewItem {
        let (set, lang) = (&self.set, self.lang);
        let answered = state.tries > 0;
        let draft = &state.draft;
        let (answer, right_answer, explanation, essay) = match item {
            Item::Excerpt(i) => {
                let excerpt = &set.file.excerpts[i];
                let answer = draft.bin.filter(|_| answered).map(|b| set.bin(b).label.to_string());
                let right = set.bin(set.expected[i]).label.to_string();
                (answer.into_iter().collect(), vec![right], feedback::right(set, lang, i).paragraphs, &excerpt.essay)
            }
            Item::Question(q) => {
                let question = &set.file.questions[q];
                // The chosen options' texts (the draft's options are ascending: in option order).
                let mut answer = Vec::new();
                if answered {
                    for option in draft.options.iter().filter_map(|&o| question.options.get(o)) {
                        answer.push(option.text.clone());
                    }
                }
                (answer, question.correct_texts(), feedback::question_solution(set, lang, q), &question.essay)
            }
        };
        // The essay reference has a row of its own in the review: not again in the explanation.
        let mut explanation = explanation;
        explanation.retain(|paragraph| !paragraph.iter().any(|span| matches!(span, Span::Cite(_))));
        let marked = match item {
            Item::Excerpt(i) => marked_runs(&set.file.excerpts[i].text, &draft.marked),
            Item::Question(_) => Vec::new(),
        };
        ReviewItem {
            item,
            title: self.item_name(item),
            status: state.status,
            tries: state.tries,
            answer,
            certainty: state.last_certainty,
            criteria: {
                let mut labels = Vec::with_capacity(draft.criteria.len());
                for criterion in draft.criteria.iter().filter_map(|&c| set.file.criteria.get(c)) {
                    labels.push(criterion.label.clone());
                }
                labels
            },
            marked,
            right_answer,
            explanation,
            essay: essay.as_ref().map(|essay| feedback::essay_ref(set.wording(lang), essay)),
            // In a retry round its items were practised: the score stays the first round's.
            points: (self.round == 1 || !self.round_items.contains(&item)).then(|| self.points(state)),
        }
    }

    /// The review as Markdown (for download), once the round is finished; the set's texts are
    /// escaped so that they read as written.
    pub fn review_markdown(&self) -> Option<String> {
        let review = self.review()?;
        let w = self.set.wording(self.lang);
        let t = |key: Key| w.get(key);
        let mut md = format!("# {}: {}\n\n", markdown(&self.set.file.title), t(Key::Review));
        for line in &review.summary.lines {
            md += &format!("{}\n\n", markdown(&line.text));
        }
        for (k, item) in review.items.iter().enumerate() {
            md += &format!("## {}. {}\n\n", k + 1, markdown(&item.title));
            let line = |md: &mut String, key: Key, value: &str| *md += &format!("- **{}**: {value}\n", t(key));
            md += &format!("- *{}*\n", markdown(&status_text(w, item.status, item.tries)));
            // The items escaped, separated by "; " (`empty` when there are none: "none", or "not
            // answered" for the answer).
            let list = |items: &[String], empty: Key| {
                if items.is_empty() {
                    return t(empty).to_string();
                }
                let mut out = String::new();
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        out.push_str("; ");
                    }
                    out.push_str(&markdown(item));
                }
                out
            };
            line(&mut md, Key::ReviewAnswer, &list(&item.answer, Key::StatusOpen));
            if let Some(c) = item.certainty {
                line(&mut md, Key::ReviewCertainty, certainty_label(w, c));
            }
            line(&mut md, Key::ReviewPoints, &markdown(item.points.as_ref().map_or(t(Key::PointsPractice), |p| &p.why)));
            if let Item::Excerpt(_) = item.item {
                line(&mut md, Key::ReviewCriteria, &list(&item.criteria, Key::ReviewNone));
                let quoted: Vec<String> = item.marked.iter().map(|m| format!("“{m}”")).collect();
                line(&mut md, Key::ReviewMarked, &list(&quoted, Key::ReviewNone));
            }
            line(&mut md, Key::ReviewRightAnswer, &list(&item.right_answer, Key::ReviewNone));
            let mut why = String::new();
            for (k, paragraph) in item.explanation.iter().enumerate() {
                if k > 0 {
                    why.push(' ');
                }
                why.push_str(&markdown(&feedback::spans_text(paragraph)));
            }
            line(&mut md, Key::ReviewWhy, &why);
            if let Some(essay) = &item.essay {
                line(&mut md, Key::ReviewEssay, &markdown(essay));
            }
            md.push('\n');
        }
        Some(md)
    }

    /// Applies a message; one that does not apply (out of range, a settled item, a finished
    /// round) changes nothing and at most says why.
    pub fn apply(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Restart(seed) => {
                *self = Quiz::new(self.set.clone(), self.lang, seed);
                vec![self.say(Key::Restarted, &[]), Effect::Save]
            }
            Msg::RetryWrong => self.retry_wrong(),
            _ if self.finished => Vec::new(),
            Msg::Next => self.go_to(self.current + 1),
            Msg::Previous => self.current.checked_sub(1).map_or_else(Vec::new, |k| self.go_to(k)),
            Msg::GoTo(k) => self.go_to(k),
            Msg::Finish => self.finish(),
            Msg::Submit => self.submit(),
            Msg::TryAgain => self.try_again(),
            Msg::ShowSolution => self.show_solution(),
            edit => self.edit(edit),
        }
    }

    fn say(&self, key: Key, args: &[(&str, &str)]) -> Effect {
        Effect::Announce(self.set.wording(self.lang).text(key, args))
    }

    /// The current item's index in `all`.
    fn current_index(&self) -> usize {
        let item = self.current_item();
        self.all.iter().position(|&x| x == item).unwrap_or(0)
    }

    fn go_to(&mut self, k: usize) -> Vec<Effect> {
        if k >= self.round_items.len() || k == self.current {
            return Vec::new();
        }
        self.current = k;
        let (k, n) = ((k + 1).to_string(), self.round_items.len().to_string());
        let name = self.item_name(self.current_item());
        vec![self.say(Key::ItemOf, &[("k", &k), ("n", &n), ("name", &name)]), Effect::Save]
    }

    /// Changes the current item's draft (ticks, marks, bin, options, certainty).
    fn edit(&mut self, msg: Msg) -> Vec<Effect> {
        let item = self.current_item();
        let index = self.current_index();
        if self.states[index].status != ItemStatus::Open {
            return Vec::new();
        }
        let quiz = self.set.quiz_settings();
        let set = &self.set;
        let w = set.wording(self.lang);
        let draft = &mut self.states[index].draft;
        let announce = match (item, msg) {
            (Item::Excerpt(_), Msg::ToggleCriterion(c)) if c < set.file.criteria.len() && quiz.criteria_step.offered() => {
                let ticked = toggle(&mut draft.criteria, c);
                let key = if ticked { Key::CriterionTicked } else { Key::CriterionUnticked };
                w.text(key, &[("criterion", &set.file.criteria[c].label)])
            }
            (Item::Excerpt(i), Msg::MarkWords { first, last } | Msg::UnmarkWords { first, last })
                if quiz.evidence_step.offered() && first.max(last) < words(&set.file.excerpts[i].text).len() =>
            {
                // The list is ascending: the words before the range, the range when it is marked,
                // the words after it.
                let (first, last) = (first.min(last), first.max(last));
                let marked = &draft.marked;
                let (before, after) = (marked.partition_point(|&w| w < first), marked.partition_point(|&w| w <= last));
                let mut words = Vec::with_capacity(marked.len() + last - first + 1);
                words.extend_from_slice(&marked[..before]);
                if matches!(msg, Msg::MarkWords { .. }) {
                    words.extend(first..=last);
                }
                words.extend_from_slice(&marked[after..]);
                draft.marked = words;
                w.text(Key::WordsMarked, &[("n", &draft.marked.len().to_string())])
            }
            (Item::Excerpt(_), Msg::ClearMarks) if quiz.evidence_step.offered() && !draft.marked.is_empty() => {
                draft.marked.clear();
                w.text(Key::WordsMarked, &[("n", "0")])
            }
            (Item::Excerpt(_), Msg::ChooseBin(b)) if set.bins.contains(&b) && draft.bin != Some(b) => {
                draft.bin = Some(b);
                w.text(Key::BinChosen, &[("bin", set.bin(b).label)])
            }
            (Item::Question(q), Msg::ToggleOption(o)) if o < set.file.questions[q].options.len() => {
                let question = &set.file.questions[q];
                if question.kind == QuestionType::Single {
                    draft.options = vec![o];
                } else {
                    toggle(&mut draft.options, o);
                }
                let chosen: Vec<String> = draft.options.iter().map(|&o| question.options[o].text.clone()).collect();
                match chosen.is_empty() {
                    true => w.get(Key::NothingChosen).to_string(),
                    false => w.text(Key::OptionToggled, &[("options", &w.join_list(&chosen, Key::And))]),
                }
            }
            (_, Msg::SetCertainty(c)) if quiz.certainty && draft.certainty != Some(c) => {
                draft.certainty = Some(c);
                w.text(Key::CertaintyChosen, &[("certainty", certainty_label(w, c))])
            }
            _ => return Vec::new(),
        };
        vec![Effect::Announce(announce), Effect::Save]
    }

    /// What the current item's draft still lacks before it can be submitted.
    fn missing(&self, item: Item, draft: &Draft) -> Vec<Missing> {
        let quiz = self.set.quiz_settings();
        let mut missing = Vec::new();
        match item {
            Item::Excerpt(_) => {
                if quiz.criteria_step == Step::Required && draft.criteria.is_empty() {
                    missing.push(Missing::Criteria);
                }
                if quiz.evidence_step == Step::Required && draft.marked.is_empty() {
                    missing.push(Missing::Evidence);
                }
                if draft.bin.is_none() {
                    missing.push(Missing::Bin);
                }
            }
            Item::Question(_) if draft.options.is_empty() => missing.push(Missing::Option),
            Item::Question(_) => {}
        }
        if quiz.certainty && draft.certainty.is_none() {
            missing.push(Missing::Certainty);
        }
        missing
    }

    fn submit(&mut self) -> Vec<Effect> {
        let item = self.current_item();
        let index = self.current_index();
        let state = &self.states[index];
        if state.status != ItemStatus::Open {
            return Vec::new();
        }
        let missing = self.missing(item, &state.draft);
        if !missing.is_empty() {
            let reasons: Vec<&str> = missing.iter().map(|m| self.set.wording(self.lang).get(m.key())).collect();
            return vec![Effect::Announce(reasons.join(" "))];
        }
        let (set, tries) = (&self.set, self.set.file.settings.tries);
        let draft = state.draft.clone();
        let (kind, id, response, expected, correct) = match item {
            Item::Excerpt(i) => {
                let bin = draft.bin.unwrap_or(set.expected[i]);
                let right = set.expected[i];
                let ids = |b: BinId| vec![set.bin(b).id.to_string()];
                (ItemKind::Excerpt, &set.file.excerpts[i].id, ids(bin), ids(right), bin == right)
            }
            Item::Question(q) => {
                let question = &set.file.questions[q];
                let ids = |pick: &dyn Fn(usize) -> bool| -> Vec<String> {
                    let mut ids = Vec::new();
                    for (o, option) in question.options.iter().enumerate() {
                        if pick(o) {
                            ids.push(option.id.clone());
                        }
                    }
                    ids
                };
                let correct = (0..question.options.len()).all(|o| question.options[o].correct == draft.options.contains(&o));
                (ItemKind::Question, &question.id, ids(&|o| draft.options.contains(&o)), ids(&|o| question.options[o].correct), correct)
            }
        };
        let quiz = set.quiz_settings();
        let answer = Answer {
            item: id.clone(),
            kind,
            response,
            expected: expected.clone(),
            correct,
            try_number: state.tries + 1,
            certainty: draft.certainty,
            criteria: (kind == ItemKind::Excerpt && quiz.criteria_step.offered())
                .then(|| draft.criteria.iter().map(|&c| set.file.criteria[c].id.clone()).collect()),
            marked_words: draft.marked.len(),
        };
        let right_answer = self.answer_text(item);
        let state = &mut self.states[index];
        state.tries += 1;
        state.last_certainty = draft.certainty;
        state.status = match (correct, state.tries < tries) {
            (true, _) => ItemStatus::Right,
            (false, true) => ItemStatus::Wrong,
            (false, false) => ItemStatus::Revealed,
        };
        let announce = match state.status {
            ItemStatus::Right => self.set.wording(self.lang).get(Key::Right).to_string(),
            ItemStatus::Wrong => {
                let (n, tries) = ((tries - state.tries).to_string(), tries.to_string());
                self.set.wording(self.lang).text(Key::QuizWrong, &[("n", &n), ("tries", &tries)])
            }
            _ => self.set.wording(self.lang).text(Key::QuizRevealed, &[("answer", &right_answer)]),
        };
        vec![Effect::Answered(answer), Effect::Announce(announce), Effect::Save]
    }

    /// The right answer of `item` in words: the bin's label, or the correct options' texts.
    fn answer_text(&self, item: Item) -> String {
        match item {
            Item::Excerpt(i) => self.set.bin(self.set.expected[i]).label.to_string(),
            Item::Question(q) => self.set.wording(self.lang).join_list(&self.set.file.questions[q].correct_texts(), Key::And),
        }
    }

    fn try_again(&mut self) -> Vec<Effect> {
        let index = self.current_index();
        if self.states[index].status != ItemStatus::Wrong {
            return Vec::new();
        }
        self.states[index].status = ItemStatus::Open;
        vec![self.say(Key::TryAgainOpen, &[]), Effect::Save]
    }

    fn show_solution(&mut self) -> Vec<Effect> {
        let index = self.current_index();
        if !self.set.quiz_settings().show_solution || self.states[index].status.settled() {
            return Vec::new();
        }
        self.states[index].status = ItemStatus::SolutionShown;
        let answer = self.answer_text(self.current_item());
        vec![self.say(Key::SolutionShown, &[("answer", &answer)]), Effect::Save]
    }

    fn finish(&mut self) -> Vec<Effect> {
        self.finished = true;
        let mut effects = Vec::new();
        if self.first.is_none() {
            let score = self.score_now();
            self.first = Some((score, self.right_count()));
            effects.push(self.say(Key::Finished, &[("score", &score.to_string())]));
            effects.push(Effect::Completed { score, passed: score >= self.set.file.settings.pass_mark });
        } else {
            let (right, total) = (self.right_count().to_string(), self.all.len().to_string());
            effects.push(self.say(Key::RightNow, &[("right", &right), ("total", &total)]));
        }
        effects.push(Effect::Save);
        effects
    }

    fn retry_wrong(&mut self) -> Vec<Effect> {
        if !self.can_retry_wrong() || self.round == u8::MAX {
            return Vec::new();
        }
        self.round += 1;
        self.finished = false;
        self.current = 0;
        self.round_items.clear();
        for (&item, state) in self.all.iter().zip(&mut self.states) {
            if state.status != ItemStatus::Right {
                *state = ItemState::default();
                self.round_items.push(item);
            }
        }
        let n = self.round_items.len();
        let score = self.first.map_or(0, |(score, _)| score).to_string();
        let key = if n == 1 { Key::RetryRoundOne } else { Key::RetryRound };
        vec![self.say(key, &[("n", &n.to_string()), ("score", &score)]), Effect::Save]
    }
}

/// What the item navigator, a refused submission and the review's points ask of the quiz.
impl Quiz {
    /// Where `item` stands in the round.
    pub fn standing(&self, item: Item) -> Standing {
        match self.state(item) {
            Some(s) => match s.status {
                ItemStatus::Right => Standing::Right,
                ItemStatus::Revealed | ItemStatus::SolutionShown => Standing::Wrong,
                ItemStatus::Wrong => Standing::Retry,
                ItemStatus::Open if s.tries > 0 => Standing::Retry,
                ItemStatus::Open => Standing::ToDo,
            },
            None => Standing::ToDo,
        }
    }

    /// How many items of the round are done, right or wrong, and how many are to do.
    pub fn progress(&self) -> Progress {
        let mut p = Progress::default();
        for &item in &self.round_items {
            match self.standing(item) {
                Standing::Right => p.right += 1,
                Standing::Wrong => p.wrong += 1,
                Standing::ToDo | Standing::Retry => p.to_do += 1,
            }
        }
        p
    }

    /// The steps the current item still lacks before it can be submitted (empty once it is
    /// submitted, or when nothing is missing), in the order the item shows them.
    pub fn missing_steps(&self) -> Vec<Missing> {
        let item = self.current_item();
        match self.state(item) {
            Some(s) if s.status == ItemStatus::Open && !self.finished => self.missing(item, &s.draft),
            _ => Vec::new(),
        }
    }

    /// What an item's answer as it stands earned towards the score, and why.
    fn points(&self, s: &ItemState) -> Points {
        let w = self.set.wording(self.lang);
        let (earned, best) = (self.item_points(s), self.best_points());
        let fraction = try_points(self.set.file.settings.penalty, s.tries);
        let certainty = s.last_certainty.map_or("", |c| certainty_label(w, c));
        let mark = |m: i32| points_text(w, m * 100);
        let key = match (s.status, s.last_certainty) {
            (ItemStatus::Right, Some(_)) if s.tries > 1 => Key::PointsSureLaterTry,
            (ItemStatus::Right, Some(_)) => Key::PointsSureRight,
            (ItemStatus::Right, None) if s.tries > 1 => Key::PointsLaterTry,
            (ItemStatus::Right, None) => Key::PointsRight,
            (_, Some(_)) if self.set.quiz_settings().certainty => Key::PointsSureWrong,
            (ItemStatus::SolutionShown, _) => Key::PointsSolution,
            _ if s.tries == 0 => Key::PointsUnanswered,
            _ => Key::PointsWrong,
        };
        let (right_mark, wrong_mark) = s.last_certainty.map_or((0, 0), |c| c.marks());
        let why = w.text(
            key,
            &[
                ("earned", &points_text(w, earned)),
                ("best", &points_text(w, best)),
                ("k", &s.tries.to_string()),
                ("certainty", certainty),
                ("mark", &mark(right_mark)),
                ("cost", &mark(wrong_mark)),
                ("fraction", &fraction.to_string()),
            ],
        );
        Points { earned, best, why }
    }

    /// With certainty-based marking, when the share of items right and the score differ by more
    /// than 20 points (23 of 28 right, 43 %): why, in words, to stand beside the score.
    pub fn score_gap_note(&self) -> Option<String> {
        let (score, right) = self.first.filter(|_| self.finished && self.set.quiz_settings().certainty)?;
        let total = self.all.len();
        let share = right * 100 / total.max(1);
        (share.abs_diff(usize::from(score)) > 20).then(|| {
            let (right, total) = (right.to_string(), total.to_string());
            let (percent, score) = (share.to_string(), score.to_string());
            let args = [("right", right.as_str()), ("total", &total), ("percent", &percent), ("score", &score)];
            self.set.wording(self.lang).text(Key::ScoreGap, &args)
        })
    }
}

/// Hundredths of a point in words: "3", "2,25" ("2.25" in English), "−6".
fn points_text(w: Wording<'_>, hundredths: i32) -> String {
    let sign = if hundredths < 0 { "−" } else { "" };
    let (whole, part) = (hundredths.unsigned_abs() / 100, hundredths.unsigned_abs() % 100);
    let mut out = format!("{sign}{whole}");
    if part > 0 {
        out.push_str(if w.lang() == Lang::Nl { "," } else { "." });
        let digits = format!("{part:02}");
        out.push_str(digits.trim_end_matches('0'));
    }
    out
}

/// The attempt's items: the excerpts (all, or the pool drawn with the seed), then the
/// questions, each group shuffled with the seed when the set says so.
fn draw(set: &Set, seed: u64) -> Vec<Item> {
    let shuffle = set.file.settings.shuffle;
    let mut state = seed;
    let mut excerpts: Vec<usize> = (0..set.len()).collect();
    if let Some(pool) = set.quiz_settings().pool.map(|p| p as usize).filter(|&p| p < excerpts.len()) {
        shuffle_seeded(&mut excerpts, &mut state);
        excerpts.truncate(pool);
        if !shuffle {
            sort_indices(&mut excerpts, &|a, b| a.cmp(&b));
        }
    } else if shuffle {
        shuffle_seeded(&mut excerpts, &mut state);
    }
    let mut questions: Vec<usize> = (0..set.file.questions.len()).collect();
    if shuffle {
        shuffle_seeded(&mut questions, &mut state);
    }
    let mut items = Vec::with_capacity(excerpts.len() + questions.len());
    for e in excerpts {
        items.push(Item::Excerpt(e));
    }
    for q in questions {
        items.push(Item::Question(q));
    }
    items
}

/// Adds `x` to the ascending list, or removes it; true when it was added.
fn toggle(list: &mut Vec<usize>, x: usize) -> bool {
    match list.binary_search(&x) {
        Ok(at) => {
            list.remove(at);
            false
        }
        Err(at) => {
            list.insert(at, x);
            true
        }
    }
}

/// Each run of consecutive marked words as the text it spans.
fn marked_runs(text: &str, marked: &[usize]) -> Vec<String> {
    let words = words(text);
    let mut runs: Vec<Range<usize>> = Vec::new();
    for &w in marked.iter().filter(|&&w| w < words.len()) {
        match runs.last_mut() {
            Some(run) if run.end == w => run.end = w + 1,
            _ => runs.push(w..w + 1),
        }
    }
    runs.iter().map(|r| text[words[r.start].start..words[r.end - 1].end].to_string()).collect()
}

/// A certainty in words.
pub fn certainty_label(w: Wording<'_>, c: Certainty) -> &str {
    let key = match c {
        Certainty::Low => Key::CertaintyLow,
        Certainty::Medium => Key::CertaintyMedium,
        Certainty::High => Key::CertaintyHigh,
    };
    w.get(key)
}

/// An item's status in words (the review).
pub fn status_text(w: Wording<'_>, status: ItemStatus, tries: u8) -> String {
    let key = match status {
        ItemStatus::Open => Key::StatusOpen,
        ItemStatus::Wrong => Key::StatusWrong,
        ItemStatus::Right => Key::StatusRight,
        ItemStatus::Revealed => Key::StatusRevealed,
        ItemStatus::SolutionShown => Key::StatusSolutionShown,
    };
    w.text(key, &[("k", &tries.to_string())])
}

/// Text as Markdown that reads as written, and plainly in a text editor: the characters that
/// are Markdown syntax wherever they stand are escaped (emphasis, code, links, HTML, entities),
/// and those that are syntax only at the start of a line (a heading's `#`, a list's `-`/`+` or
/// `1.`, a quote's `>`) only there. Line breaks become spaces (the review puts texts on one line).
fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Still within the leading digits (an ordered list's "1." or "1)").
    let mut digits = true;
    for (k, c) in text.chars().enumerate() {
        let at_start = k == 0 && matches!(c, '#' | '-' | '+' | '=');
        let after_digits = digits && k > 0 && matches!(c, '.' | ')');
        digits &= c.is_ascii_digit();
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c if at_start || after_digits => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}
