//! The numbers of the class report, from the [`Answers`] students gave: how many students and
//! attempts; the confusion matrix of the right category against the chosen one; each excerpt's
//! (and quiz question's) difficulty, the share right on the first try; with the set, the criteria
//! most often missed; and certainty against correctness when students said how sure they were.
//!
//! A *first try* is the earliest answer (by timestamp, then by place in the input) of a student
//! in an attempt to an item in one mode; the matrix, the difficulty, the criteria and certainty
//! count first tries only, since later tries follow the module's feedback. The board and the quiz
//! both ask for an excerpt's category, in one attempt (registration): a quiz answer is told by its
//! ticked criteria or its certainty (the quiz sends them when the set asks for them, the board
//! never), so a student's first quiz answer to an excerpt is a first try of its own, not a later
//! try of the board's. Where students tick criteria, the criteria missed are counted on the answers
//! that tick.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::answers::{Answers, Item};
use diary_sort::core::exercise::Certainty;
use diary_sort::core::set::Set;

/// How hard one item was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difficulty {
    /// An excerpt's or a question's id.
    pub id: String,
    /// Whether it is a quiz question (else an excerpt).
    pub question: bool,
    /// First tries with a known result.
    pub first_tries: usize,
    /// Of those, the ones that were right.
    pub right: usize,
    /// Every answer to it, later tries included.
    pub answers: usize,
}

/// How often a criterion was missed (only with the set, which says what each excerpt shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missed {
    /// The criterion's id.
    pub id: String,
    /// First tries on excerpts that show it.
    pub shown: usize,
    /// Of those, the ones that missed it: the student did not tick it, or, where students tick
    /// nothing, put the excerpt in the wrong category.
    pub missed: usize,
    /// First tries that ticked it on an excerpt that does not show it.
    pub ticked_wrongly: usize,
}

/// Correctness at one level of certainty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confidence {
    /// How sure.
    pub level: Certainty,
    /// First tries at this level.
    pub first_tries: usize,
    /// Of those, the ones that were right.
    pub right: usize,
}

/// The class report's numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassReport {
    /// Different students.
    pub learners: usize,
    /// Different attempts (a student's registration or attempt number).
    pub attempts: usize,
    /// Answers read.
    pub answers: usize,
    /// First tries among them.
    pub first_tries: usize,
    /// Statements or rows that were not answers of this module.
    pub ignored: usize,
    /// Category ids: the matrix's rows and columns (the set's bins in order; without the set,
    /// every category named, sorted).
    pub categories: Vec<String>,
    /// `matrix[right][chosen]`: first tries of excerpts whose right category is `right` that
    /// were put in `chosen`.
    pub matrix: Vec<Vec<usize>>,
    /// Each excerpt (in the set's order, else first seen first), then each question.
    pub items: Vec<Difficulty>,
    /// Each criterion some excerpt shows, most often missed first (empty without the set).
    pub criteria: Vec<Missed>,
    /// Whether students ticked criteria (else `missed` counts wrong categories).
    pub ticked: bool,
    /// Low, medium, high: only the levels students chose (empty when none said).
    pub certainty: Vec<Confidence>,
}

/// Computes the report. The right category of an excerpt is the statement's
/// (`correctResponsesPattern`), else the set's; an excerpt with neither, or one the set does not
/// have, is an error naming it.
pub fn compute(answers: &Answers, set: Option<&Set>) -> Result<ClassReport, String> {
    let excerpt_index: HashMap<&str, usize> =
        set.map(|s| s.file.excerpts.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect()).unwrap_or_default();

    // Answers in time order; the first per student, attempt and item is the first try.
    let mut order: Vec<usize> = (0..answers.list.len()).collect();
    order.sort_by(|&a, &b| answers.list[a].timestamp.cmp(&answers.list[b].timestamp).then(a.cmp(&b)));
    // (learner, attempt, item id, a question, an answer of the quiz)
    let mut seen: HashSet<(&str, &str, &str, bool, bool)> = HashSet::new();
    let mut learners: HashSet<&str> = HashSet::new();
    let mut attempts: HashSet<(&str, &str)> = HashSet::new();

    // The right category of each excerpt answer, checked first.
    let mut rights: Vec<Option<String>> = vec![None; answers.list.len()];
    for (i, a) in answers.list.iter().enumerate() {
        if let Item::Excerpt { id, right, .. } = &a.item {
            let from_set = match set {
                Some(s) => match excerpt_index.get(id.as_str()) {
                    Some(&e) => Some(s.bin(s.expected[e]).id.to_string()),
                    None => return Err(format!("excerpt `{id}` is not in the set (is it the set the students used?)")),
                },
                None => None,
            };
            rights[i] = right.clone().or(from_set);
            if rights[i].is_none() {
                return Err(format!(
                    "excerpt `{id}`: the statements do not say its right category (correctResponsesPattern); give the set with --set"
                ));
            }
        }
    }

    let categories: Vec<String> = match set {
        Some(s) => (0..s.file.categories.len() + usize::from(s.file.fallback.is_some())).map(|b| s.bin(b).id.to_string()).collect(),
        None => {
            let named = answers.list.iter().zip(&rights).flat_map(|(a, r)| match &a.item {
                Item::Excerpt { chosen, .. } => vec![chosen.as_str(), r.as_deref().unwrap_or_default()],
                Item::Question(_) => vec![],
            });
            named.collect::<BTreeSet<&str>>().into_iter().map(str::to_string).collect()
        }
    };
    let category = |id: &str| categories.iter().position(|c| c == id);
    let mut matrix = vec![vec![0; categories.len()]; categories.len()];

    let mut items: Vec<Difficulty> = set
        .map(|s| {
            s.file.excerpts.iter().map(|e| Difficulty { id: e.id.clone(), question: false, first_tries: 0, right: 0, answers: 0 }).collect()
        })
        .unwrap_or_default();
    let mut item_index: HashMap<(String, bool), usize> = items.iter().enumerate().map(|(i, d)| ((d.id.clone(), false), i)).collect();
    let criteria_count = set.map_or(0, |s| s.file.criteria.len());
    let (mut shown, mut missed, mut ticked_wrongly) = (vec![0; criteria_count], vec![0; criteria_count], vec![0; criteria_count]);
    let ticked = answers.list.iter().any(|a| a.criteria.is_some());
    let mut confidence: Vec<Confidence> = Certainty::ALL.iter().map(|&level| Confidence { level, first_tries: 0, right: 0 }).collect();
    let mut first_tries = 0;

    for &i in &order {
        let a = &answers.list[i];
        learners.insert(a.learner.as_str());
        attempts.insert((a.learner.as_str(), a.attempt.as_str()));
        let (id, question) = match &a.item {
            Item::Excerpt { id, .. } => (id.as_str(), false),
            Item::Question(id) => (id.as_str(), true),
        };
        let slot = *item_index.entry((id.to_string(), question)).or_insert_with(|| {
            items.push(Difficulty { id: id.to_string(), question, first_tries: 0, right: 0, answers: 0 });
            items.len() - 1
        });
        items[slot].answers += 1;
        let quiz = a.criteria.is_some() || a.certainty.is_some();
        if !seen.insert((a.learner.as_str(), a.attempt.as_str(), id, question, quiz)) {
            continue;
        }
        first_tries += 1;
        let success = match &a.item {
            Item::Excerpt { chosen, .. } => Some(a.success.unwrap_or(rights[i].as_deref() == Some(chosen.as_str()))),
            Item::Question(_) => a.success,
        };
        let Some(success) = success else { continue };
        items[slot].first_tries += 1;
        items[slot].right += usize::from(success);
        if let Some(level) = a.certainty {
            let c = &mut confidence[level as usize];
            c.first_tries += 1;
            c.right += usize::from(success);
        }
        let Item::Excerpt { chosen, .. } = &a.item else { continue };
        if let (Some(r), Some(c)) = (rights[i].as_deref().and_then(category), category(chosen)) {
            matrix[r][c] += 1;
        }
        if let (Some(s), Some(&e), true) = (set, excerpt_index.get(id), a.criteria.is_some() || !ticked) {
            for (c, criterion) in s.file.criteria.iter().enumerate() {
                let ticks = a.criteria.as_ref().map(|t| t.contains(&criterion.id));
                if s.shown[e].contains(&c) {
                    shown[c] += 1;
                    missed[c] += usize::from(ticks.map_or(!success, |t| !t));
                } else {
                    ticked_wrongly[c] += usize::from(ticks == Some(true));
                }
            }
        }
    }
    items.sort_by_key(|d| d.question);

    let mut criteria: Vec<Missed> = set
        .map(|s| {
            s.file
                .criteria
                .iter()
                .enumerate()
                .map(|(c, criterion)| Missed {
                    id: criterion.id.clone(),
                    shown: shown[c],
                    missed: missed[c],
                    ticked_wrongly: ticked_wrongly[c],
                })
                .collect()
        })
        .unwrap_or_default();
    criteria.retain(|m| m.shown > 0 || m.ticked_wrongly > 0);
    // Most often missed first: by share (cross-multiplied), then by count.
    criteria.sort_by(|a, b| (b.missed * a.shown.max(1)).cmp(&(a.missed * b.shown.max(1))).then(b.missed.cmp(&a.missed)));
    confidence.retain(|c| c.first_tries > 0);

    Ok(ClassReport {
        learners: learners.len(),
        attempts: attempts.len(),
        answers: answers.list.len(),
        first_tries,
        ignored: answers.ignored,
        categories,
        matrix,
        items,
        criteria,
        ticked,
        certainty: confidence,
    })
}
