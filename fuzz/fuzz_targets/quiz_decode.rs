//! Any text as a quiz resume string for the quiz fixture (`tests/fixtures/quiz.json` with
//! certainty-based marking and both steps on): decoding never panics, and a string that decodes
//! is a quiz whose own resume string is the same string (a `q1` or `q2` string, of an earlier
//! version: whose own string decodes to the same quiz), whose every item's status, feedback,
//! hint and lens readings can be asked for, and whose score is at most 100.
//!
//! `HASH` in the input stands for the fixture's hash, so that seeds reach past the hash check.
#![no_main]

use std::sync::LazyLock;

use diary_sort::core::set::{self, Set};
use diary_sort::core::state;
use diary_sort::core::strings::Lang;
use libfuzzer_sys::fuzz_target;

static SET: LazyLock<Set> = LazyLock::new(|| {
    let text = include_str!("../../tests/fixtures/quiz.json").replacen("\"certainty\": false", "\"certainty\": true", 1);
    set::load(&text).expect("the quiz fixture loads")
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).replacen("HASH", &format!("{:016x}", SET.hash), 1);
    let Ok(quiz) = state::decode_quiz(SET.clone(), Lang::En, &text) else { return };
    let own = state::encode_quiz(&quiz);
    if text.trim().starts_with("q1.") || text.trim().starts_with("q2.") {
        let again = state::decode_quiz(SET.clone(), Lang::En, &own).expect("a quiz's own string decodes");
        assert_eq!(state::encode_quiz(&again), own);
    } else {
        assert_eq!(own, text.trim());
    }
    for &item in quiz.all_items() {
        quiz.status(item);
        quiz.feedback(item);
        quiz.hint(item);
        quiz.lens_readings(item);
    }
    if let Some(summary) = quiz.summary() {
        assert!(summary.score <= 100);
        quiz.review_markdown().expect("a finished round has a review");
    }
});
