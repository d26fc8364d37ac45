//! What every board must satisfy, however it was reached: shared by the property tests
//! (`tests/properties.rs`) and the fuzz targets (`fuzz/fuzz_targets/`), which include this file
//! with `#[path]`.

use diary_sort::core::board::{Board, CardStatus};
use diary_sort::core::state;

/// Asserts that the board is valid: every card's status and feedback and the summary can be
/// asked for, a card is right only in its right bin and never wrong there, no card is checked
/// before the first check, the score is at most 100, the checks used are at most the checks
/// allowed, and the resume string decodes to the same attempt and encodes to the same string
/// again.
pub fn assert_valid(s: &Board) {
    let settings = &s.set().file.settings;
    assert!(s.checks() <= settings.tries, "{} checks of {}", s.checks(), settings.tries);
    for i in 0..s.set().len() {
        let (status, place, right_bin) = (s.status(i), s.place(i), s.set().expected[i]);
        if status != CardStatus::Open {
            assert!(s.checks() > 0, "card {i} is {status:?} before the first check");
            assert_eq!(
                status == CardStatus::Right,
                place == Some(right_bin),
                "card {i} is {status:?} in {place:?}; its bin is {right_bin}"
            );
        }
        s.feedback(i);
    }
    if let Some(summary) = s.summary() {
        assert!(summary.score <= 100, "score {}", summary.score);
        assert!(summary.right <= summary.total);
        assert_eq!(summary.passed, summary.score >= settings.pass_mark);
    }
    let text = state::encode(s);
    let back = state::decode(s.set().clone(), s.lang(), &text)
        .unwrap_or_else(|e| panic!("the board's own resume string {text:?} does not decode: {e}"));
    assert_eq!(state::encode(&back), text, "encode(decode(s)) is not s");
    assert_same_attempt(s, &back);
}

/// Asserts that two boards show the same attempt: seed, order, checks, every card's place,
/// status and feedback, and the summary (the card held and the keyboard target are not part of
/// the stored attempt).
pub fn assert_same_attempt(a: &Board, b: &Board) {
    assert_eq!((a.seed(), a.order(), a.checks(), a.lang()), (b.seed(), b.order(), b.checks(), b.lang()));
    for i in 0..a.set().len() {
        assert_eq!((a.place(i), a.status(i)), (b.place(i), b.status(i)), "card {i}");
        assert_eq!(a.feedback(i), b.feedback(i), "feedback of card {i}");
    }
    assert_eq!(a.summary(), b.summary());
}
