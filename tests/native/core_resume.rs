//! Native tests of a widget's resume string (`state::Saved`, `state::decode_attempt`): both modes
//! and the tab round-trip; the default set's attempt at its longest (every card placed and
//! checked, every quiz item answered wrong and retried with every criterion ticked, every other
//! word marked and a certainty) fits SCORM 1.2's 4,096 characters with room; the strings of one
//! mode that earlier versions stored are still read; anything else is refused without a panic.

use std::rc::Rc;

use diary_sort::core::board::{self, Board};
use diary_sort::core::exercise::Certainty;
use diary_sort::core::quiz::{self, Item, Quiz, words};
use diary_sort::core::set::{self, Set};
use diary_sort::core::state::{self, Saved, StateError, Tab};
use diary_sort::core::strings::Lang;

fn default_set() -> Rc<Set> {
    Rc::new(set::load(include_str!("../../www/sets/snijders-nl.json")).expect("the default set loads"))
}

/// The board with every card placed, one in a wrong bin, and checked.
fn checked_board(set: &Rc<Set>) -> Board {
    let mut s = Board::new(set.clone(), Lang::Nl, 42);
    for i in 0..set.len() {
        let bin = if i == 0 { set.bins.iter().copied().find(|&b| b != set.expected[0]) } else { Some(set.expected[i]) };
        s.apply(board::Msg::Place(i, bin));
    }
    s.apply(board::Msg::Check);
    s
}

/// The quiz at its longest: every item answered wrong once, opened again, with every criterion
/// ticked, every other word marked (the most a bit set of marks takes) and a certainty; left on
/// the last item, unfinished.
fn longest_quiz(set: &Rc<Set>) -> Quiz {
    let mut q = Quiz::new(set.clone(), Lang::Nl, u64::MAX);
    for k in 0..q.items().len() {
        q.apply(quiz::Msg::GoTo(k));
        let item = q.current_item();
        match item {
            Item::Excerpt(i) => {
                for c in 0..set.file.criteria.len() {
                    q.apply(quiz::Msg::ToggleCriterion(c));
                }
                for w in (0..words(&set.file.excerpts[i].text).len()).step_by(2) {
                    q.apply(quiz::Msg::MarkWords { first: w, last: w });
                }
                let wrong = set.bins.iter().copied().find(|&b| b != set.expected[i]).expect("another bin");
                q.apply(quiz::Msg::ChooseBin(wrong));
            }
            Item::Question(_) => {
                q.apply(quiz::Msg::ToggleOption(3));
            }
        }
        q.apply(quiz::Msg::SetCertainty(Certainty::High));
        q.apply(quiz::Msg::Submit);
        q.apply(quiz::Msg::TryAgain);
        q.apply(quiz::Msg::SetCertainty(Certainty::Medium));
    }
    q
}

#[test]
fn both_modes_and_the_tab_round_trip_within_scorm_1_2s_suspend_data() {
    let set = default_set();
    let (board, quiz) = (checked_board(&set), longest_quiz(&set));
    assert!(quiz.all_items().iter().all(|&i| matches!(i, Item::Question(_)) || quiz.draft(i).marked.len() > 5), "every excerpt is marked");
    let saved = Saved { tab: Some(Tab::Quiz), board: Some(state::encode(&board)), quiz: Some(state::encode_quiz(&quiz)) };
    let text = saved.encode();
    println!(
        "the default set's longest attempt: {} characters (board {}, quiz {})",
        text.len(),
        state::encode(&board).len(),
        state::encode_quiz(&quiz).len()
    );
    // Room to spare: the limit is 4,096.
    assert!(text.len() < 2048, "{} characters: {text}", text.len());
    assert!(state::is_resume(&text), "{text}");
    let back = state::decode_attempt(set.clone(), Lang::Nl, &text).expect("its own string");
    assert_eq!(back.tab, Some(Tab::Quiz));
    let (b, q) = (back.board.expect("the board"), back.quiz.expect("the quiz"));
    assert_eq!(state::encode(&b), state::encode(&board));
    assert_eq!(state::encode_quiz(&q), state::encode_quiz(&quiz));
    assert_eq!(q.draft(q.current_item()), quiz.draft(quiz.current_item()));
    assert_eq!(Saved { tab: back.tab, board: Some(state::encode(&b)), quiz: Some(state::encode_quiz(&q)) }.encode(), text);
}

#[test]
fn a_set_of_one_mode_has_no_tab_and_no_other_mode() {
    let set = Rc::new(crate::quiz_fixture::quiz_set(&[("mode", "\"quiz\"")]));
    let quiz = Quiz::new(set.clone(), Lang::En, 5);
    let text = Saved { tab: None, board: None, quiz: Some(state::encode_quiz(&quiz)) }.encode();
    let back = state::decode_attempt(set.clone(), Lang::En, &text).expect("its own string");
    assert!(back.board.is_none() && back.tab.is_none() && back.quiz.is_some());
    // A tab, or a board, for a quiz-only set is not a string this widget wrote.
    for bad in [text.replacen("2_-_", "2_q_", 1), text.replacen("2_-__", "2_-_1.0.0.0.-.-.0_", 1)] {
        assert_eq!(state::decode_attempt(set.clone(), Lang::En, &bad).err(), Some(StateError::Unreadable), "{bad}");
    }
}

#[test]
fn one_modes_string_of_an_earlier_version_is_still_read() {
    let set = default_set();
    let board = state::encode(&checked_board(&set));
    let back = state::decode_attempt(set.clone(), Lang::Nl, &board).expect("a board's 1.… string");
    assert!(back.board.is_some() && back.quiz.is_none() && back.tab.is_none());
    // A q1 string (hexadecimal bit sets, marks as ranges) of the quiz fixture with certainty.
    let text = include_str!("../fixtures/quiz.json").replacen("\"certainty\": false", "\"certainty\": true", 1);
    let quiz_set = Rc::new(set::load(&text).expect("the fixture loads"));
    let q1 = format!("q1.{:016x}.9ix.1.-.5.0.r2hh~0~1~3-5,o0--,o0--,o0--,r1ll~1,s0--", quiz_set.hash);
    assert!(state::is_resume(&q1));
    let quiz = state::decode_attempt(quiz_set.clone(), Lang::En, &q1).expect("a q1 string").quiz.expect("the quiz");
    let marked: Vec<&[usize]> = quiz.all_items().iter().map(|&i| quiz.draft(i).marked.as_slice()).collect();
    assert!(marked.contains(&&[3, 4, 5][..]), "{marked:?}");
    let q2 = state::encode_quiz(&quiz);
    assert_eq!(q2, format!("q2.{:016x}.9ix.1.-.5.0.r2hh~0~1~U,o0--,o0--,o0--,r1ll~1,s0--", quiz_set.hash));
    assert_eq!(state::encode_quiz(&state::decode_quiz(quiz_set, Lang::En, &q2).expect("its q2 string")), q2);
}

#[test]
fn anything_else_is_refused_without_a_panic() {
    let set = default_set();
    let saved = Saved {
        tab: Some(Tab::Board),
        board: Some(state::encode(&checked_board(&set))),
        quiz: Some(state::encode_quiz(&longest_quiz(&set))),
    };
    let text = saved.encode();
    for bad in [
        "",
        "2",
        "2_",
        "2_b",
        "2_b__",
        "2_x__",
        "3_b__",
        "{\"x\":1}",
        "%%garbage%%",
        "-17",
        "NaN",
        "1.zzzz",
        "q2.",
        "q1.....",
        "2_b_1._q2.",
    ] {
        assert!(state::decode_attempt(set.clone(), Lang::Nl, bad).is_err(), "{bad:?} decodes");
    }
    for bad in ["", "%%garbage%%", "-17", "NaN", "{\"x\":1}", "3_b__", "2.b", "x1.0", "2_b_<script>_"] {
        assert!(!state::is_resume(bad), "{bad:?} is taken for a resume string");
    }
    // Every string one character away from the real one: refused, or an attempt that writes
    // itself back exactly (never a panic).
    let alphabet: Vec<char> = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-+.,~:_".chars().collect();
    let chars: Vec<char> = text.chars().collect();
    for at in (0..chars.len()).step_by(7) {
        let deleted: String = chars.iter().enumerate().filter(|&(k, _)| k != at).map(|(_, c)| c).collect();
        let replaced: String =
            chars.iter().enumerate().map(|(k, &c)| if k == at { alphabet[(k * 31) % alphabet.len()] } else { c }).collect();
        for variant in [deleted, replaced] {
            if let Ok(back) = state::decode_attempt(set.clone(), Lang::Nl, &variant) {
                let again = Saved {
                    tab: back.tab,
                    board: back.board.as_ref().map(state::encode),
                    quiz: back.quiz.as_ref().map(state::encode_quiz),
                };
                assert_eq!(again.encode(), variant.trim(), "a variant that decodes must be canonical");
            }
        }
    }
}
