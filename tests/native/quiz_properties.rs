//! Property tests of the quiz (proptest): any sequence of student messages, on the quiz fixture
//! with any tries, penalty, steps, certainty, pool, shuffle and seed, keeps the attempt valid
//! (its own resume string decodes, which checks that every item's status fits its tries and
//! answer, and encodes to the same string, showing the same attempt); the score stays within
//! 0–100; completion is reported at most once per attempt; and no sequence reaches 100 % unless
//! every item was answered right at the first try (with high certainty when the set uses CBM;

//! with no penalty, a later try earns full marks too, as the set's author chose).

use diary_sort::core::exercise::{Certainty, Effect};
use diary_sort::core::quiz::{Item, ItemStatus, Msg, Quiz};
use diary_sort::core::set::{Set, Step};
use diary_sort::core::state;
use diary_sort::core::strings::Lang;
use proptest::collection::vec;
use proptest::prelude::*;

use crate::quiz_fixture::quiz_set;

/// The fixture with these settings.
#[derive(Debug, Clone)]
struct Config {
    tries: u8,
    penalty: u8,
    criteria: u8,
    evidence: u8,
    certainty: bool,
    pool: Option<u8>,
    shuffle: bool,
    show_solution: bool,
    retry_wrong: bool,
}

fn config() -> impl Strategy<Value = Config> {
    (1..=9u8, 0..=100u8, 0..3u8, 0..3u8, any::<bool>(), proptest::option::of(1..=4u8), any::<bool>(), any::<bool>(), any::<bool>())
        .prop_map(|(tries, penalty, criteria, evidence, certainty, pool, shuffle, show_solution, retry_wrong)| Config {
            tries,
            penalty,
            criteria,
            evidence,
            certainty,
            pool,
            shuffle,
            show_solution,
            retry_wrong,
        })
}

fn set_for(c: &Config) -> Set {
    let step = |s: u8| ["\"off\"", "\"optional\"", "\"required\""][usize::from(s)].to_string();
    let pool = c.pool.map_or("-".to_string(), |p| p.to_string());
    let edits = [
        ("settings.tries", c.tries.to_string()),
        ("settings.penalty", c.penalty.to_string()),
        ("settings.shuffle", c.shuffle.to_string()),
        ("quiz.criteriaStep", step(c.criteria)),
        ("quiz.evidenceStep", step(c.evidence)),
        ("quiz.certainty", c.certainty.to_string()),
        ("quiz.pool", pool),
        ("quiz.showSolution", c.show_solution.to_string()),
        ("quiz.retryWrong", c.retry_wrong.to_string()),
    ];
    let edits: Vec<(&str, &str)> = edits.iter().map(|(k, v)| (*k, v.as_str())).collect();
    quiz_set(&edits)
}

/// The messages of "answer the current item right": what a required step needs, high certainty,
/// the right bin or options, submit.
fn answer_right(q: &Quiz) -> Vec<Msg> {
    let mut msgs = vec![Msg::TryAgain, Msg::SetCertainty(Certainty::High)];
    let settings = q.set().quiz_settings();
    let draft = q.draft(q.current_item());
    match q.current_item() {
        Item::Excerpt(i) => {
            if settings.criteria_step == Step::Required && draft.criteria.is_empty() {
                msgs.push(Msg::ToggleCriterion(0));
            }
            if settings.evidence_step == Step::Required {
                msgs.push(Msg::MarkWords { first: 0, last: 0 });
            }
            msgs.push(Msg::ChooseBin(q.set().expected[i]));
        }
        Item::Question(k) => {
            let question = &q.set().file.questions[k];
            for (o, option) in question.options.iter().enumerate() {
                if option.correct != draft.options.contains(&o) {
                    msgs.push(Msg::ToggleOption(o));
                }
            }
        }
    }
    msgs.push(Msg::Submit);
    msgs
}

/// The messages of "answer every item of the round right, then finish", worked out on a copy
/// step by step (an item wrong or settled before stays as it was: that is what the property
/// is about).
fn answer_all_right(q: &Quiz) -> Vec<Msg> {
    let mut copy = q.clone();
    let mut msgs = Vec::new();
    for k in 0..q.items().len() {
        copy.apply(Msg::GoTo(k));
        msgs.push(Msg::GoTo(k));
        for msg in answer_right(&copy) {
            copy.apply(msg);
            msgs.push(msg);
        }
    }
    msgs.push(Msg::Finish);
    msgs
}

/// Reads the next student action from the bytes (some with indices out of range).
fn next_msgs(q: &Quiz, bytes: &mut impl Iterator<Item = u8>) -> Option<Vec<Msg>> {
    let b = bytes.next()?;
    let x = usize::from(bytes.next().unwrap_or(0));
    let y = usize::from(bytes.next().unwrap_or(0));
    let msg = match b % 21 {
        0 => Msg::ToggleCriterion(x % 5),
        1 => Msg::MarkWords { first: x % 12, last: y % 12 },
        2 => Msg::UnmarkWords { first: x % 12, last: y % 12 },
        3 => Msg::ClearMarks,
        4 => Msg::ChooseBin(x % 5),
        5 => Msg::ToggleOption(x % 4),
        6 => Msg::SetCertainty(Certainty::ALL[x % 3]),
        7 | 8 => Msg::Submit,
        9 => Msg::TryAgain,
        10 => Msg::ShowSolution,
        11 => Msg::Next,
        12 => Msg::Previous,
        13 => Msg::GoTo(x % 8),
        14 => Msg::Finish,
        15 => Msg::RetryWrong,
        16 => Msg::Restart(x as u64 * 7919 + y as u64),
        17 | 18 => return Some(answer_right(q)),
        _ => return Some(answer_all_right(q)),
    };
    Some(vec![msg])
}

/// Asserts that the attempt is valid and that its resume string gives the same attempt.
fn assert_valid(q: &Quiz) {
    let text = state::encode_quiz(q);
    let back = state::decode_quiz(q.set().clone(), q.lang(), &text)
        .unwrap_or_else(|e| panic!("the quiz's own resume string {text:?} does not decode: {e}"));
    assert_eq!(state::encode_quiz(&back), text);
    assert_eq!((back.items(), back.current(), back.round(), back.finished()), (q.items(), q.current(), q.round(), q.finished()));
    for &item in q.all_items() {
        assert_eq!((back.status(item), back.draft(item), back.tries_used(item)), (q.status(item), q.draft(item), q.tries_used(item)));
        assert_eq!(back.feedback(item), q.feedback(item), "{item:?}");
        assert_eq!(back.hint(item), q.hint(item));
        assert_eq!(back.lens_readings(item), q.lens_readings(item));
        assert!(q.tries_used(item) <= q.set().file.settings.tries);
    }
    assert_eq!(back.summary(), q.summary());
    if let Some(summary) = q.summary() {
        assert!(summary.score <= 100);
        assert_eq!(summary.passed, summary.score >= q.set().file.settings.pass_mark);
        assert!(q.review_markdown().is_some());
    }
}

/// Plays the bytes' messages, checking the attempt after every one.
fn play(config: &Config, seed: u64, bytes: &[u8]) {
    let set = set_for(config);
    let mut q = Quiz::new(set, Lang::En, seed);
    assert_valid(&q);
    let mut completed = 0;
    let mut bytes = bytes.iter().copied();
    while let Some(msgs) = next_msgs(&q, &mut bytes) {
        for msg in msgs {
            let before = state::encode_quiz(&q);
            let effects = q.apply(msg);
            if let Msg::Restart(_) = msg {
                completed = 0;
            }
            for effect in &effects {
                if let Effect::Completed { score, .. } = *effect {
                    completed += 1;
                    assert_eq!(completed, 1, "completion reported twice in one attempt");
                    if score == 100 {
                        assert_full_marks_earned(&q, config);
                    }
                }
            }
            if state::encode_quiz(&q) != before {
                assert!(effects.contains(&Effect::Save), "{msg:?} changed the attempt without asking to save it");
                assert_valid(&q);
            }
        }
    }
}

/// At a score of 100 %, every item was answered right at the first try (any try without a
/// penalty), with high certainty when the set uses CBM.
fn assert_full_marks_earned(q: &Quiz, config: &Config) {
    for &item in q.all_items() {
        assert_eq!(q.status(item), ItemStatus::Right, "{item:?} at 100 %");
        assert!(config.penalty == 0 || q.tries_used(item) == 1, "{item:?} right at try {} at 100 %", q.tries_used(item));
        if config.certainty {
            let review = q.review().unwrap();
            let reviewed = review.items.iter().find(|r| r.item == item).unwrap();
            assert_eq!(reviewed.certainty, Some(Certainty::High), "{item:?} at 100 %");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_messages_keep_a_quiz_valid_and_full_marks_need_every_item_right_first(
        config in config(), seed: u64, bytes in vec(any::<u8>(), 0..300),
    ) {
        play(&config, seed, &bytes);
    }

    #[test]
    fn answering_every_item_right_at_once_with_high_certainty_is_full_marks(config in config(), seed: u64) {
        let mut q = Quiz::new(set_for(&config), Lang::En, seed);
        for k in 0..q.items().len() {
            q.apply(Msg::GoTo(k));
            for msg in answer_right(&q) {
                q.apply(msg);
            }
        }
        q.apply(Msg::Finish);
        prop_assert_eq!(q.summary().map(|s| s.score), Some(100));
    }
}
