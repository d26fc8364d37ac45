//! An instructor's view of a whole set at once (`diary-sort explain`): for each excerpt, the
//! criteria it shows with their evidence, the bin the rules give, the feedback a student gets on
//! the board for every bin at every check, and how each lens reads it and why. Plain structs of
//! plain text, built from the same feedback functions the board and the quiz use, so that what
//! an instructor reads before class is what students will see.

use crate::core::feedback::{self, Feedback, Span};
use crate::core::set::Set;
use crate::core::strings::Lang;

/// One excerpt explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// The excerpt's id.
    pub excerpt: String,
    /// Where the essay discusses it, as running text (when the set says).
    pub essay: Option<String>,
    /// The criteria it shows, each with its evidence.
    pub criteria: Vec<Shown>,
    /// The id of the bin the set's rules give.
    pub bin: String,
    /// The feedback for each bin a student can choose, in the order of the bins.
    pub feedback: Vec<BinFeedback>,
    /// How each lens reads it, in the order of the lenses.
    pub lenses: Vec<LensReading>,
}

/// A criterion an excerpt shows, with the words that show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The criterion's id.
    pub criterion: String,
    /// Its label.
    pub label: String,
    /// The evidence: words of the excerpt.
    pub quote: String,
}

/// The feedback for an excerpt placed in one bin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BinFeedback {
    /// The bin's id.
    pub bin: String,
    /// Its label.
    pub label: String,
    /// The feedback after each check (`tries` of them), verdict first, paragraphs on lines of
    /// their own. In the right bin every check gives the same text.
    pub tries: Vec<String>,
}

/// How one lens reads an excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LensReading {
    /// The lens's id.
    pub lens: String,
    /// Its label.
    pub label: String,
    /// The id of the bin its rules give.
    pub bin: String,
    /// Why, as the quiz shows it.
    pub why: String,
}

/// Every excerpt of `set` explained in `lang`.
pub fn explain(set: &Set, lang: Lang) -> Vec<Explanation> {
    (0..set.len()).map(|i| excerpt(set, lang, i)).collect()
}

/// Excerpt `i` of `set` explained in `lang`.
pub fn excerpt(set: &Set, lang: Lang, i: usize) -> Explanation {
    let e = &set.file.excerpts[i];
    let w = set.wording(lang);
    let criteria = set.shown[i]
        .iter()
        .map(|&c| {
            let criterion = &set.file.criteria[c];
            let quote = e.evidence.iter().find(|v| v.criterion == criterion.id).map_or_else(String::new, |v| v.quote.clone());
            Shown { criterion: criterion.id.clone(), label: criterion.label.clone(), quote }
        })
        .collect();
    let tries = set.file.settings.tries;
    let feedback = set
        .bins
        .iter()
        .map(|&bin| {
            let tries = (1..=tries)
                .map(|check| {
                    let fb = if bin == set.expected[i] {
                        feedback::right(set, lang, i)
                    } else {
                        feedback::wrong(set, lang, i, bin, feedback::board_stage(check, tries))
                    };
                    text(set, lang, &fb)
                })
                .collect();
            BinFeedback { bin: set.bin(bin).id.to_string(), label: set.bin(bin).label.to_string(), tries }
        })
        .collect();
    let lenses = set
        .file
        .lenses
        .iter()
        .enumerate()
        .map(|(l, lens)| LensReading {
            lens: lens.id.clone(),
            label: lens.label.clone(),
            bin: set.bin(set.classify(l, i)).id.to_string(),
            why: paragraphs(&feedback::lens_reading(set, lang, l, i)),
        })
        .collect();
    Explanation {
        excerpt: e.id.clone(),
        essay: e.essay.as_ref().map(|essay| feedback::essay_ref(w, essay)),
        criteria,
        bin: set.bin(set.expected[i]).id.to_string(),
        feedback,
        lenses,
    }
}

/// A piece of feedback as text: its verdict line as the board words it, then its paragraphs.
fn text(set: &Set, lang: Lang, fb: &Feedback) -> String {
    let mut out = set.wording(lang).get(fb.verdict.key()).to_string();
    if !fb.paragraphs.is_empty() {
        out.push('\n');
        out.push_str(&paragraphs(&fb.paragraphs));
    }
    out
}

/// Paragraphs of spans as text, one paragraph a line, quotes in quotation marks.
fn paragraphs(paragraphs: &[Vec<Span>]) -> String {
    let lines: Vec<String> = paragraphs.iter().map(|p| feedback::spans_text(p)).collect();
    lines.join("\n")
}
