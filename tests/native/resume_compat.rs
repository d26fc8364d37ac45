//! Resume strings that earlier versions stored in LMSs and browsers still resume the attempt
//! that wrote them. The strings below were written by those versions' encoders (a widget's
//! `2_…` with the board's `1.…` and the quiz's `q2.…`, and one mode's `1.…` and `q2.…` alone)
//! for attempts that the functions here play again; `HASH` stands for the set's hash, so that an
//! edit of the fixture does not retire them.

use std::rc::Rc;

use diary_sort::core::board::{self, Board};
use diary_sort::core::exercise::Certainty;
use diary_sort::core::quiz::{self, Item, Quiz};
use diary_sort::core::set::Set;
use diary_sort::core::state::{self, Saved, Tab};
use diary_sort::core::strings::Lang;

use crate::quiz_fixture::quiz_set;

/// The quiz fixture (both modes, four excerpts and two questions, four bins) with certainty.
fn fixture() -> Rc<Set> {
    Rc::new(quiz_set(&[("quiz.certainty", "true")]))
}

/// A bin that is not card `i`'s, the `k`-th such.
fn wrong_bin(set: &Set, i: usize, k: usize) -> usize {
    set.bins.iter().copied().filter(|&b| b != set.expected[i]).nth(k).expect("another bin")
}

/// Each earlier attempt: its name, the board, the quiz and the tab.
fn attempts() -> Vec<(&'static str, Board, Quiz, Tab)> {
    let set = fixture();
    let n = set.len();
    let fresh = ("fresh", Board::new(set.clone(), Lang::En, 7), Quiz::new(set.clone(), Lang::En, 7), Tab::Board);

    // Checked once with two cards wrong, then one of them back on the pile and the other in a
    // third bin; the quiz has a wrong answer with ticks, marks and certainty, a right question
    // and stands on the third item.
    let mut b = Board::new(set.clone(), Lang::En, 123_456_789);
    for i in 0..n {
        b.apply(board::Msg::Place(i, Some(if i < 2 { wrong_bin(&set, i, 0) } else { set.expected[i] })));
    }
    b.apply(board::Msg::Check);
    b.apply(board::Msg::Place(0, None));
    b.apply(board::Msg::Place(1, Some(wrong_bin(&set, 1, 1))));
    let mut q = Quiz::new(set.clone(), Lang::En, 123_456_789);
    for k in 0..q.items().len() {
        q.apply(quiz::Msg::GoTo(k));
        match q.current_item() {
            Item::Excerpt(i) if k == 0 => {
                q.apply(quiz::Msg::ToggleCriterion(0));
                q.apply(quiz::Msg::ToggleCriterion(1));
                q.apply(quiz::Msg::MarkWords { first: 1, last: 3 });
                q.apply(quiz::Msg::MarkWords { first: 9, last: 9 });
                q.apply(quiz::Msg::ChooseBin(wrong_bin(&set, i, 0)));
                q.apply(quiz::Msg::SetCertainty(Certainty::High));
                q.apply(quiz::Msg::Submit);
            }
            Item::Question(question) => {
                let right: Vec<usize> =
                    (0..set.file.questions[question].options.len()).filter(|&o| set.file.questions[question].options[o].correct).collect();
                for o in right {
                    q.apply(quiz::Msg::ToggleOption(o));
                }
                q.apply(quiz::Msg::SetCertainty(Certainty::Low));
                q.apply(quiz::Msg::Submit);
            }
            Item::Excerpt(_) => {}
        }
    }
    q.apply(quiz::Msg::GoTo(2));
    let moved = ("moved-after-check", b, q, Tab::Quiz);

    // The board's checks all used (a card right at the second check, one never); the quiz in
    // its retry round after a first round with one item right and one solution shown.
    let mut b = Board::new(set.clone(), Lang::En, 42);
    for check in 0..set.file.settings.tries {
        for i in 0..n {
            let right = i == 3 || (i == 2 && check > 0);
            b.apply(board::Msg::Place(i, Some(if right { set.expected[i] } else { wrong_bin(&set, i, usize::from(check) % 3) })));
        }
        b.apply(board::Msg::Check);
    }
    let mut q = Quiz::new(set.clone(), Lang::En, 42);
    if let Item::Excerpt(i) = q.current_item() {
        q.apply(quiz::Msg::ChooseBin(set.expected[i]));
        q.apply(quiz::Msg::SetCertainty(Certainty::Medium));
        q.apply(quiz::Msg::Submit);
    }
    q.apply(quiz::Msg::Next);
    q.apply(quiz::Msg::ShowSolution);
    q.apply(quiz::Msg::Finish);
    q.apply(quiz::Msg::RetryWrong);
    let finished = ("finished-and-retry", b, q, Tab::Board);
    vec![fresh, moved, finished]
}

/// The fixture with 200 excerpts (one text, ids of their own) and no pool.
fn two_hundred() -> Rc<Set> {
    let excerpt = |k: usize| {
        format!(
            r#"{{"id": "e{k}", "text": "I am alone. Socialism is hot air.", "source": {{"diarist": "B", "work": "W"}}, "essay": {{"section": "S"}}, "evidence": [{{"criterion": "loneliness", "quote": "I am alone"}}]}}"#
        )
    };
    let excerpts = format!("[{}]", (0..200).map(excerpt).collect::<Vec<_>>().join(","));
    Rc::new(quiz_set(&[("excerpts", &excerpts), ("quiz.pool", "-"), ("quiz.certainty", "true")]))
}

/// What the benchmark measures: 200 cards placed (every third in a wrong bin) and checked, the
/// quiz untouched.
fn two_hundred_checked(set: &Rc<Set>) -> (Board, Quiz) {
    let mut b = Board::new(set.clone(), Lang::En, 99);
    for i in 0..set.len() {
        b.apply(board::Msg::Place(i, Some(if i % 3 == 0 { wrong_bin(set, i, i % 2) } else { set.expected[i] })));
    }
    b.apply(board::Msg::Check);
    (b, Quiz::new(set.clone(), Lang::En, 99))
}

/// The earlier versions' strings (`tests/fixtures/resume-v2.txt`): kind, attempt and string.
fn old_strings() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut out = Vec::new();
    for line in include_str!("../fixtures/resume-v2.txt").lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split(' ');
        let (Some(kind), Some(name), Some(text), None) = (fields.next(), fields.next(), fields.next(), fields.next()) else {
            panic!("not KIND NAME STRING: {line}")
        };
        out.push((kind, name, text));
    }
    out
}

/// Asserts that two quizzes are the same attempt: every item's status, answer and feedback, the
/// item shown, the round, and the score.
fn assert_same_quiz(a: &Quiz, b: &Quiz) {
    assert_eq!((a.all_items(), a.items(), a.seed()), (b.all_items(), b.items(), b.seed()));
    for &item in a.all_items() {
        assert_eq!((a.status(item), a.draft(item)), (b.status(item), b.draft(item)), "{item:?}");
        assert_eq!(a.feedback(item), b.feedback(item), "feedback of {item:?}");
    }
    assert_eq!((a.current(), a.round(), a.finished()), (b.current(), b.round(), b.finished()));
    assert_eq!(a.summary(), b.summary());
}

#[test]
fn every_string_an_earlier_version_stored_resumes_the_attempt_that_wrote_it() {
    let set = fixture();
    let hash = format!("{:016x}", set.hash);
    let attempts = attempts();
    let old = old_strings();
    for (name, board, quiz, tab) in &attempts {
        let mine: Vec<_> = old.iter().filter(|(_, n, _)| n == name).collect();
        assert_eq!(mine.len(), 3, "{name}: a widget's, a board's and a quiz's string");
        for &&(kind, _, text) in &mine {
            let text = text.replace("HASH", &hash);
            assert!(state::is_resume(&text), "{kind} {name}");
            let back = state::decode_attempt(set.clone(), Lang::En, &text).unwrap_or_else(|e| panic!("{kind} {name}: {e}"));
            assert_eq!(back.tab, (kind == "widget").then_some(*tab), "{kind} {name}");
            if kind != "quiz" {
                crate::valid::assert_same_attempt(board, back.board.as_ref().expect("the board"));
            }
            if kind != "board" {
                assert_same_quiz(quiz, back.quiz.as_ref().expect("the quiz"));
            }
            // Saved again, it is this version's string, and shorter.
            if kind == "widget" {
                let again = Saved {
                    tab: back.tab,
                    board: back.board.as_ref().map(state::encode),
                    quiz: back.quiz.as_ref().map(state::encode_quiz),
                };
                let new = Saved { tab: Some(*tab), board: Some(state::encode(board)), quiz: Some(state::encode_quiz(quiz)) }.encode();
                assert_eq!(again.encode(), new, "{name}");
                assert!(new.starts_with("3_") && new.len() < text.len(), "{name}: {new} for {text}");
            }
        }
    }
}

#[test]
fn two_hundred_excerpts_placed_and_checked_take_at_most_1000_characters() {
    let set = two_hundred();
    let (board, quiz) = two_hundred_checked(&set);
    let text = Saved { tab: Some(Tab::Board), board: Some(state::encode(&board)), quiz: Some(state::encode_quiz(&quiz)) }.encode();
    println!("200 excerpts placed and checked, the quiz untouched: {} characters", text.len());
    assert!(text.len() <= 1000, "{} characters: {text}", text.len());
    let back = state::decode_attempt(set.clone(), Lang::En, &text).expect("its own string");
    crate::valid::assert_same_attempt(&board, back.board.as_ref().expect("the board"));
    assert_same_quiz(&quiz, back.quiz.as_ref().expect("the quiz"));
    // The same attempt as the earlier version stored it (1,671 characters) resumes the same.
    let (_, _, old) = old_strings().into_iter().find(|(_, name, _)| *name == "two-hundred-checked").expect("the old string");
    let old = old.replace("HASH", &format!("{:016x}", set.hash));
    assert!(old.len() > 1600);
    let resumed = state::decode_attempt(set.clone(), Lang::En, &old).expect("the earlier version's string");
    crate::valid::assert_same_attempt(&board, resumed.board.as_ref().expect("the board"));
    assert_same_quiz(&quiz, resumed.quiz.as_ref().expect("the quiz"));
}

#[test]
fn an_earlier_widget_version_holds_only_its_own_modes_versions() {
    let set = fixture();
    let hash = format!("{:016x}", set.hash);
    let (_, board, quiz, _) = attempts().swap_remove(1);
    let (new_board, new_quiz) = (state::encode(&board), state::encode_quiz(&quiz));
    let old = old_strings();
    let old_of =
        |kind: &str| old.iter().find(|(k, n, _)| *k == kind && *n == "moved-after-check").expect("a string").2.replace("HASH", &hash);
    let (old_board, old_quiz) = (old_of("board"), old_of("quiz"));
    for (version, board, quiz) in
        [("2", &new_board, &old_quiz), ("2", &old_board, &new_quiz), ("3", &old_board, &new_quiz), ("3", &new_board, &old_quiz)]
    {
        let text = format!("{version}_q_{board}_{quiz}");
        assert_eq!(state::decode_attempt(set.clone(), Lang::En, &text).err(), Some(state::StateError::Unreadable), "{text}");
    }
    // This version's strings of one mode were never stored alone.
    for alone in [new_board, new_quiz] {
        assert!(!state::is_resume(&alone), "{alone}");
        assert!(state::decode_attempt(set.clone(), Lang::En, &alone).is_err(), "{alone}");
    }
}
