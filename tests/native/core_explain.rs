//! `explain` gives an instructor exactly what students see: for every excerpt in every bin, the
//! text after each check is the board's own feedback after that check, and each lens's reading is
//! the quiz's.

use diary_sort::core::board::{Board, Msg};
use diary_sort::core::explain;
use diary_sort::core::feedback::{self, Feedback};
use diary_sort::core::set::{self, Set};
use diary_sort::core::strings::{self, Lang};

const MINI: &str = include_str!("../fixtures/mini.json");
const QUIZ: &str = include_str!("../fixtures/quiz.json");

fn load(text: &str) -> Set {
    set::load(text).unwrap_or_else(|e| panic!("{:#?}", e.0))
}

/// A piece of feedback as `explain` words it: verdict, then one paragraph a line.
fn board_text(lang: Lang, fb: &Feedback) -> String {
    let mut lines = vec![strings::get(lang, fb.verdict.key()).to_string()];
    lines.extend(fb.paragraphs.iter().map(|p| feedback::spans_text(p)));
    lines.join("\n")
}

#[test]
fn the_feedback_after_each_check_is_what_the_board_shows() {
    for lang in [Lang::Nl, Lang::En] {
        let set = load(MINI);
        let explained = explain::explain(&set, lang);
        assert_eq!(explained.len(), set.len());
        let tries = set.file.settings.tries;
        for (i, e) in explained.iter().enumerate() {
            assert_eq!(e.feedback.len(), set.bins.len(), "{}: every bin", e.excerpt);
            for (k, &bin) in set.bins.iter().enumerate() {
                assert_eq!(e.feedback[k].bin, set.bin(bin).id);
                assert_eq!(e.feedback[k].tries.len(), usize::from(tries), "{}: one text per check", e.excerpt);
                // Every card in `bin`, checked `tries` times: card i's feedback after each check.
                let mut board = Board::new(set.clone(), lang, 1);
                for card in 0..set.len() {
                    board.apply(Msg::Place(card, Some(bin)));
                }
                for check in 0..usize::from(tries) {
                    board.apply(Msg::Check);
                    let shown = board.feedback(i).expect("checked in place");
                    assert_eq!(e.feedback[k].tries[check], board_text(lang, &shown), "{} in {} after check {}", e.excerpt, bin, check + 1);
                }
            }
        }
    }
}

#[test]
fn each_lens_reading_is_the_quizs() {
    let set = load(QUIZ);
    for (i, e) in explain::explain(&set, Lang::En).iter().enumerate() {
        assert_eq!(e.lenses.len(), set.file.lenses.len());
        for (l, reading) in e.lenses.iter().enumerate() {
            assert_eq!(reading.bin, set.bin(set.classify(l, i)).id);
            let why: Vec<String> = feedback::lens_reading(&set, Lang::En, l, i).iter().map(|p| feedback::spans_text(p)).collect();
            assert_eq!(reading.why, why.join("\n"));
        }
        let shown: Vec<&str> = e.criteria.iter().map(|c| c.criterion.as_str()).collect();
        let evidence: Vec<&str> = set.file.excerpts[i].evidence.iter().map(|v| v.criterion.as_str()).collect();
        assert_eq!(shown, evidence, "{}: the criteria it shows, with their evidence", e.excerpt);
    }
}
