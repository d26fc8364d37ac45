//! The contract both exercises keep, the board ([`Board`](crate::core::board::Board)) and the
//! quiz ([`Quiz`](crate::core::quiz::Quiz)): each applies its own `Msg` and returns [`Effect`]s,
//! which the shell carries out in one loop; a judged answer reaches the host page (and an LMS)
//! as an [`Answer`] with the set's ids; both count a right answer's points with [`try_points`] and
//! turn points into a score with [`percent`]; and a finished attempt is a [`Summary`] whose lines
//! the page shows and the quiz's Markdown review writes, in the same order.

use crate::core::set::Settings;
use crate::core::strings::Key;
use crate::core::wording::Wording;

/// What the shell must do after a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Say this in the live region.
    Announce(String),
    /// The resume state changed: store it.
    Save,
    /// An answer was judged (the board: one per card a check judged; the quiz: a submission).
    Answered(Answer),
    /// The attempt's score is fixed; at most once per attempt.
    Completed {
        /// Score in percent.
        score: u8,
        /// Whether it reaches the pass mark.
        passed: bool,
    },
}

/// Whether an answered item was an excerpt or a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// An excerpt sorted into a bin.
    Excerpt,
    /// A concept question.
    Question,
}

/// How sure the student is of an answer (the quiz's certainty-based marking).
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

    /// The level's word in events, statements and reports: "low", "medium" or "high".
    pub fn word(self) -> &'static str {
        match self {
            Certainty::Low => "low",
            Certainty::Medium => "medium",
            Certainty::High => "high",
        }
    }
}

/// One judged answer, for the host page (and an LMS), in the set's ids.
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
    /// Which check (the board) or try (the quiz) this was (1-based).
    pub try_number: u8,
    /// The certainty given, when the quiz uses certainty-based marking.
    pub certainty: Option<Certainty>,
    /// The ids of the criteria ticked, when the quiz's excerpt had the criteria step.
    pub criteria: Option<Vec<String>>,
    /// How many words were marked as evidence (0 on the board and for a question).
    pub marked_words: usize,
}

/// The points (of 100) an answer right at try `try_number` (1-based) earns: 100 less `penalty`
/// for each try before it, at least 0.
pub fn try_points(penalty: u8, try_number: u8) -> u32 {
    100u32.saturating_sub(u32::from(penalty) * u32::from(try_number.saturating_sub(1)))
}

/// A score in percent: `points` of the `best` that could be earned, rounded down and kept to
/// 0–100 (nothing to earn: 0).
pub fn percent(points: i64, best: i64) -> u8 {
    (points * 100).div_euclid(best.max(1)).clamp(0, 100) as u8
}

/// What a finished attempt (or round) counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// The attempt's score in percent.
    pub score: u8,
    /// Items right when the score was fixed.
    pub right: usize,
    /// Items right now (after any retry rounds; else `right`).
    pub right_now: usize,
    /// Items in the attempt.
    pub total: usize,
    /// Which round just ended (1: the attempt itself; 2…: the quiz's retries of the wrong ones).
    pub round: u8,
}

/// The outcome of a finished attempt (or the quiz's round).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The attempt's score in percent.
    pub score: u8,
    /// Whether it reaches the pass mark.
    pub passed: bool,
    /// Items right when the score was fixed.
    pub right: usize,
    /// Items right now (after any retry rounds).
    pub right_now: usize,
    /// Items in the attempt.
    pub total: usize,
    /// Which round just ended (1: the attempt itself; 2…: retries of the wrong ones).
    pub round: u8,
    /// The set's overall feedback for the score (its band), if it has one.
    pub overall: Option<String>,
    /// What the student reads of it, in order.
    pub lines: Vec<Line>,
}

/// One line of a [`Summary`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What the line says.
    pub kind: LineKind,
    /// Its text (the overall feedback may hold paragraphs, one per line of text).
    pub text: String,
}

/// What a [`Line`] of a summary says (the page styles each kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The score and the items right.
    Score,
    /// How the score is counted (the quiz's certainty-based marking).
    Note,
    /// The pass mark was reached.
    Passed,
    /// The pass mark was not reached.
    NotPassed,
    /// The items right after retrying (from the quiz's second round on).
    RightNow,
    /// The set's overall feedback for the score.
    Overall,
}

impl Summary {
    /// The summary of `tally` under the set's `settings`: whether it passed, its overall
    /// feedback (the band with the highest minimum the score reaches) and its lines, worded
    /// by `w`; `score_key` is the score line (the board counts excerpts, the quiz items) and
    /// `note` how the score is counted, when it needs saying.
    pub(crate) fn new(w: Wording<'_>, settings: &Settings, score_key: Key, note: Option<&str>, tally: Tally) -> Summary {
        let Tally { score, right, right_now, total, round } = tally;
        let passed = score >= settings.pass_mark;
        let overall = settings.overall.iter().filter(|b| b.min <= score).max_by_key(|b| b.min).map(|b| b.text.clone());
        let line = |kind: LineKind, text: String| Line { kind, text };
        let total_text = total.to_string();
        let mut lines = vec![line(
            LineKind::Score,
            w.text(score_key, &[("score", &score.to_string()), ("right", &right.to_string()), ("total", &total_text)]),
        )];
        if let Some(note) = note {
            lines.push(line(LineKind::Note, note.to_string()));
        }
        let (kind, key) = if passed { (LineKind::Passed, Key::Passed) } else { (LineKind::NotPassed, Key::NotPassed) };
        lines.push(line(kind, w.text(key, &[("pass", &settings.pass_mark.to_string())])));
        if round > 1 {
            lines.push(line(LineKind::RightNow, w.text(Key::RightNow, &[("right", &right_now.to_string()), ("total", &total_text)])));
        }
        if let Some(text) = &overall {
            lines.push(line(LineKind::Overall, text.clone()));
        }
        Summary { score, passed, right, right_now, total, round, overall, lines }
    }
}
