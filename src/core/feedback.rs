//! Feedback derived from the essay's rule: for a card in a bin, the rule evaluation (which
//! conditions held, which failed) and the excerpt's evidence become paragraphs of text, quotes
//! and essay references. Sentences come from the string tables; the view only draws spans.

use crate::core::set::{BinId, Set};
use crate::core::strings::Lang;

/// A piece of feedback text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Running text.
    Text(String),
    /// Words quoted from the excerpt (drawn as a quotation).
    Quote(String),
    /// A reference to the essay (drawn as a citation).
    Cite(String),
}

/// How far a wrong answer's feedback goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// What the bin requires and what the excerpt lacks.
    Explain,
    /// The same, plus a hint toward the right bin.
    Hint,
    /// No checks left: the right bin and why.
    Reveal,
}

/// Whether the feedback is for a right or a wrong placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Right bin.
    Right,
    /// Wrong bin, checks left.
    Wrong,
    /// Wrong bin, the right one revealed.
    Revealed,
}

/// Feedback for one card: a verdict line and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feedback {
    /// Right, wrong or revealed.
    pub verdict: Verdict,
    /// Paragraphs of spans.
    pub paragraphs: Vec<Vec<Span>>,
}

/// Feedback for excerpt `i` placed in its right bin.
pub fn right(set: &Set, lang: Lang, i: usize) -> Feedback {
    todo!("{:?} {lang:?} {i}", set.hash)
}

/// Feedback for excerpt `i` placed in the wrong bin `bin`.
pub fn wrong(set: &Set, lang: Lang, i: usize, bin: BinId, stage: Stage) -> Feedback {
    todo!("{:?} {lang:?} {i} {bin} {stage:?}", set.hash)
}
