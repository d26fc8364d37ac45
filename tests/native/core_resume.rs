//! Native tests of a widget's resume string (`state::Saved`, `state::decode_attempt`): both modes
//! and the tab round-trip; the default set's attempt at its longest (every card placed and
//! checked, every quiz item answered wrong and retried with every criterion ticked, every other
//! word marked and a certainty) fits SCORM 1.2's 4,096 characters with room, and so does the
//! benchmark's set of 200 excerpts answered throughout; the quiz's `q1` strings are still read
//! (the other earlier versions: `resume_compat.rs`); anything else, cut short or changed, is
//! refused without a panic.

use std::rc::Rc;

use diary_sort::core::board::{self, Board};
use diary_sort::core::exercise::Certainty;
use diary_sort::core::json::{self, Value};
use diary_sort::core::quiz::{self, Item, Quiz, quote_words, words};
use diary_sort::core::set::{self, Set};
use diary_sort::core::state::{self, Saved, StateError, Tab};
use diary_sort::core::strings::Lang;

fn default_set() -> Rc<Set> {
    Rc::new(set::load(include_str!("../../www/sets/snijders-nl.json")).expect("the default set loads"))
}

/// The default set with its excerpts repeated to `n` (ids of their own), unshuffled: the
/// benchmark's set (`tests/browser/bench.mjs`).
fn default_set_of(n: usize) -> Rc<Set> {
    let text = include_str!("../../www/sets/snijders-nl.json");
    let mut root = json::parse(text).expect("the default set is JSON");
    let Value::Object(members) = &mut root.value else { panic!("an object") };
    for member in members.iter_mut() {
        match (&*member.key, &mut member.value.value) {
            ("excerpts", Value::Array(excerpts)) => {
                let base = excerpts.clone();
                excerpts.clear();
                for k in 0..n {
                    let mut excerpt = base[k % base.len()].clone();
                    let Value::Object(fields) = &mut excerpt.value else { panic!("an excerpt object") };
                    for field in fields.iter_mut().filter(|f| f.key == "id") {
                        field.value.value = Value::String(format!("e{k}").into());
                    }
                    excerpts.push(excerpt);
                }
            }
            ("settings", Value::Object(settings)) => {
                for setting in settings.iter_mut().filter(|f| f.key == "shuffle") {
                    setting.value.value = Value::Bool(false);
                }
            }
            _ => {}
        }
    }
    Rc::new(set::load(&json::write(&root.value)).expect("the repeated set loads"))
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

/// The quiz with two of its excerpts answered, each with its last three words marked (bit sets
/// with runs of zeros), the other items untouched (runs of them).
fn partly_answered_quiz(set: &Rc<Set>) -> Quiz {
    let mut q = Quiz::new(set.clone(), Lang::Nl, 3);
    for k in [2, 5] {
        q.apply(quiz::Msg::GoTo(k));
        let Item::Excerpt(i) = q.current_item() else { panic!("the pool's excerpts come first") };
        let n = words(&set.file.excerpts[i].text).len();
        q.apply(quiz::Msg::MarkWords { first: n - 3, last: n - 1 });
        q.apply(quiz::Msg::ChooseBin(set.expected[i]));
        q.apply(quiz::Msg::SetCertainty(Certainty::Low));
        q.apply(quiz::Msg::Submit);
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

/// The benchmark's set of 200 excerpts answered throughout as a careful student would: on the
/// board every card placed (every third wrong) and checked; in the quiz every item answered with
/// a certainty, each excerpt with the criteria of its evidence ticked and its quotes marked (a
/// third of them in a wrong bin). The whole attempt fits SCORM 1.2's 4,096 characters.
#[test]
fn a_long_attempt_of_200_answered_excerpts_fits_scorm_1_2s_suspend_data() {
    let set = default_set_of(200);
    let mut board = Board::new(set.clone(), Lang::Nl, 7);
    let wrong = |i: usize| set.bins.iter().copied().find(|&b| b != set.expected[i]).expect("another bin");
    for i in 0..set.len() {
        board.apply(board::Msg::Place(i, Some(if i % 3 == 0 { wrong(i) } else { set.expected[i] })));
    }
    board.apply(board::Msg::Check);
    let mut q = Quiz::new(set.clone(), Lang::Nl, 7);
    for k in 0..q.items().len() {
        q.apply(quiz::Msg::GoTo(k));
        match q.current_item() {
            Item::Excerpt(i) => {
                let excerpt = &set.file.excerpts[i];
                for evidence in &excerpt.evidence {
                    if let Some(c) = set.file.criteria.iter().position(|c| c.id == evidence.criterion) {
                        q.apply(quiz::Msg::ToggleCriterion(c));
                    }
                    let quoted = quote_words(&excerpt.text, &evidence.quote);
                    if !quoted.is_empty() {
                        q.apply(quiz::Msg::MarkWords { first: quoted.start, last: quoted.end - 1 });
                    }
                }
                q.apply(quiz::Msg::ChooseBin(if k % 3 == 0 { wrong(i) } else { set.expected[i] }));
            }
            Item::Question(_) => {
                q.apply(quiz::Msg::ToggleOption(0));
            }
        }
        q.apply(quiz::Msg::SetCertainty(Certainty::High));
        q.apply(quiz::Msg::Submit);
    }
    let (board_text, quiz_text) = (state::encode(&board), state::encode_quiz(&q));
    let text = Saved { tab: Some(Tab::Quiz), board: Some(board_text.clone()), quiz: Some(quiz_text.clone()) }.encode();
    println!(
        "200 excerpts and {} questions answered: {} characters (board {}, quiz {})",
        q.all_items().len() - 200,
        text.len(),
        board_text.len(),
        quiz_text.len()
    );
    assert!(text.len() < 4096, "{} characters: {text}", text.len());
    let back = state::decode_attempt(set, Lang::Nl, &text).expect("its own string");
    assert_eq!(back.quiz.as_ref().map(state::encode_quiz), Some(quiz_text));
}

#[test]
fn a_set_of_one_mode_has_no_tab_and_no_other_mode() {
    let set = Rc::new(crate::quiz_fixture::quiz_set(&[("mode", "\"quiz\"")]));
    let quiz = Quiz::new(set.clone(), Lang::En, 5);
    let text = Saved { tab: None, board: None, quiz: Some(state::encode_quiz(&quiz)) }.encode();
    let back = state::decode_attempt(set.clone(), Lang::En, &text).expect("its own string");
    assert!(back.board.is_none() && back.tab.is_none() && back.quiz.is_some());
    // A tab, or a board, for a quiz-only set is not a string this widget wrote.
    for bad in [text.replacen("3_-_", "3_q_", 1), text.replacen("3_-__", "3_-_b2.0.0.0.0000_", 1)] {
        assert_eq!(state::decode_attempt(set.clone(), Lang::En, &bad).err(), Some(StateError::Unreadable), "{bad}");
    }
}

#[test]
fn a_quiz_string_of_the_first_version_is_still_read() {
    // A q1 string (hexadecimal bit sets, marks as ranges) of the quiz fixture with certainty.
    let text = include_str!("../fixtures/quiz.json").replacen("\"certainty\": false", "\"certainty\": true", 1);
    let quiz_set = Rc::new(set::load(&text).expect("the fixture loads"));
    let q1 = format!("q1.{:016x}.9ix.1.-.5.0.r2hh~0~1~3-5,o0--,o0--,o0--,r1ll~1,s0--", quiz_set.hash);
    assert!(state::is_resume(&q1));
    let quiz = state::decode_attempt(quiz_set.clone(), Lang::En, &q1).expect("a q1 string").quiz.expect("the quiz");
    let marked: Vec<&[usize]> = quiz.all_items().iter().map(|&i| quiz.draft(i).marked.as_slice()).collect();
    assert!(marked.contains(&&[3, 4, 5][..]), "{marked:?}");
    // Saved again: bit sets six bits a character, the three untouched items as one run.
    let again = state::encode_quiz(&quiz);
    assert_eq!(again, format!("q3.{:016x}.9ix.1.-.5.0.r2hh~0~1~U,3,r1ll~1,s0--", quiz_set.hash));
    assert_eq!(state::encode_quiz(&state::decode_quiz(quiz_set, Lang::En, &again).expect("its q3 string")), again);
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
        "4_b__",
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
    for bad in ["", "%%garbage%%", "-17", "NaN", "{\"x\":1}", "4_b__", "2.b", "x1.0", "2_b_<script>_"] {
        assert!(!state::is_resume(bad), "{bad:?} is taken for a resume string");
    }
    // Every string cut short or one character away from a real one (the longest attempt, and
    // one with runs of untouched items and words marked late in an excerpt): refused, or an
    // attempt that writes itself back exactly (never a panic).
    let partly = Saved { tab: Some(Tab::Quiz), board: saved.board.clone(), quiz: Some(state::encode_quiz(&partly_answered_quiz(&set))) };
    let alphabet: Vec<char> = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-+.,~:_".chars().collect();
    let variants = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        for at in 0..chars.len() {
            out.push(chars[..at].iter().collect::<String>());
            out.push(chars.iter().enumerate().filter(|&(k, _)| k != at).map(|(_, c)| c).collect());
            out.push(chars.iter().enumerate().map(|(k, &c)| if k == at { alphabet[(k * 31) % alphabet.len()] } else { c }).collect());
        }
        out
    };
    let partly = partly.encode();
    assert!(partly.contains(':') && partly.split(['_', ',']).any(|r| r.len() > 1 && r.bytes().all(|c| c.is_ascii_digit())), "{partly}");
    for variant in variants(&text).into_iter().chain(variants(&partly)) {
        if let Ok(back) = state::decode_attempt(set.clone(), Lang::Nl, &variant) {
            let again =
                Saved { tab: back.tab, board: back.board.as_ref().map(state::encode), quiz: back.quiz.as_ref().map(state::encode_quiz) };
            assert_eq!(again.encode(), variant.trim(), "a variant that decodes must be canonical");
        }
    }
}

/// The default set's attempt in both modes, as the whole module writes it.
fn both_modes(set: &Rc<Set>) -> (Saved, String) {
    let saved = Saved {
        tab: Some(Tab::Quiz),
        board: Some(state::encode(&checked_board(set))),
        quiz: Some(state::encode_quiz(&partly_answered_quiz(set))),
    };
    let text = saved.encode();
    (saved, text)
}

#[test]
fn the_board_module_keeps_the_quiz_string_unread_and_writes_it_back_unchanged() {
    let set = default_set();
    let (saved, text) = both_modes(&set);
    let kept = state::decode_kept(set.clone(), Lang::Nl, &text).expect("this version's string");
    assert_eq!(kept.tab, Some(Tab::Quiz));
    assert_eq!(kept.board.as_ref().map(state::encode), saved.board);
    assert_eq!(kept.quiz, saved.quiz, "the quiz's string as it was");
    let again = Saved { tab: kept.tab, board: kept.board.as_ref().map(state::encode), quiz: kept.quiz };
    assert_eq!(again.encode(), text);
}

#[test]
fn a_quiz_not_yet_begun_is_left_out_and_read_back_as_such() {
    let set = default_set();
    let board = checked_board(&set);
    let text = Saved { tab: Some(Tab::Board), board: Some(state::encode(&board)), quiz: None }.encode();
    assert!(text.ends_with('_'), "{text}");
    let back = state::decode_attempt(set.clone(), Lang::Nl, &text).expect("the board's module's string");
    assert!(back.quiz.is_none(), "the quiz not yet begun: the whole module draws it");
    assert_eq!(back.board.as_ref().map(state::encode), Some(state::encode(&board)));
    let kept = state::decode_kept(set.clone(), Lang::Nl, &text).expect("its own string");
    assert!(kept.quiz.is_none());
    // A board is still required where the set has one.
    assert_eq!(state::decode_attempt(set, Lang::Nl, "3_b__").err(), Some(StateError::Unreadable));
}

#[test]
fn the_board_module_leaves_other_strings_to_the_whole_module() {
    let set = default_set();
    let (saved, text) = both_modes(&set);
    let (board, quiz) = (saved.board.clone().expect("a board"), saved.quiz.clone().expect("a quiz"));
    let other_set = quiz.replacen(&format!("{:016x}", set.hash), &format!("{:016x}", set.hash ^ 1), 1);
    for refused in [
        // An earlier version's widget string, and a mode's string alone.
        text.replacen("3_", "2_", 1),
        quiz.clone(),
        board.clone(),
        // A quiz string of another set, of an earlier version, or with a character no string has.
        format!("3_q_{board}_{other_set}"),
        format!("3_q_{board}_{}", quiz.replacen("q3.", "q2.", 1)),
        format!("3_q_{board}_{quiz}<"),
        String::from("garbage"),
    ] {
        assert_eq!(state::decode_kept(set.clone(), Lang::Nl, &refused).err(), Some(StateError::Unreadable), "{refused}");
    }
}
