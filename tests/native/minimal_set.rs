//! A set with only the fields the rule needs (`tests/fixtures/minimal.json`, on emigrants'
//! letters, not the essay): it loads, the board and the quiz play it to the end, and its feedback
//! for every bin at every check is whole without a citation, a "what the essay says", an
//! explanation or an option's own feedback. Then each optional field on its own: left out of the
//! mini and quiz fixtures, the set still loads and only what the field adds is gone.

use diary_sort::core::board::{Board, Msg};
use diary_sort::core::feedback::{self, Feedback, Span, Stage, Verdict};
use diary_sort::core::quiz::{self, Item, ItemStatus, Quiz};
use diary_sort::core::set::{self, Set};
use diary_sort::core::strings::{Key, Lang, get};

const MINIMAL: &str = include_str!("../fixtures/minimal.json");
const MINI: &str = include_str!("../fixtures/mini.json");
const QUIZ: &str = include_str!("../fixtures/quiz.json");

fn load(text: &str) -> Set {
    set::load(text).unwrap_or_else(|e| panic!("{:#?}", e.0))
}

/// Paragraphs as plain text, one a line, quotes in “”, citations in [].
fn plain(paragraphs: &[Vec<Span>]) -> String {
    let span = |s: &Span| match s {
        Span::Text(t) => t.clone(),
        Span::Quote(q) => format!("“{q}”"),
        Span::Cite(c) => format!("[{c}]"),
    };
    paragraphs.iter().map(|p| p.iter().map(span).collect::<String>()).collect::<Vec<_>>().join("\n")
}

/// Feedback a student can read whole: paragraphs, each with words and ending as a sentence, no
/// placeholder left, and nothing cited (the set cites nothing).
fn assert_whole(paragraphs: &[Vec<Span>], what: &str) {
    let text = plain(paragraphs);
    assert!(!paragraphs.is_empty(), "{what}: no feedback");
    for p in paragraphs {
        let line = plain(std::slice::from_ref(p));
        assert!(line.chars().any(char::is_alphabetic), "{what}: an empty paragraph in\n{text}");
        assert!(line.trim_end().ends_with(['.', '”', '!', '?']), "{what}: a paragraph that stops short: {line:?}");
        assert!(!p.iter().any(|s| matches!(s, Span::Cite(_))), "{what}: a citation the set does not give: {line}");
    }
    assert!(!text.contains('{') && !text.contains('}'), "{what}: a placeholder left: {text}");
}

#[test]
fn a_set_with_only_the_required_fields_loads_without_problems() {
    let set = load(MINIMAL);
    let f = &set.file;
    assert_eq!((f.eyebrow.as_deref(), f.intro.as_str()), (None, ""));
    assert!(f.criteria.iter().all(|c| c.explanation.is_empty() && c.essay.is_none()));
    assert!(f.categories.iter().all(|c| c.definition.is_empty() && c.essay_says.is_empty() && c.essay.is_none()));
    assert!(f.excerpts.iter().all(|e| e.source.is_none() && e.essay.is_none() && e.commentary.is_none() && e.hint.is_none()));
    assert!(f.questions.iter().all(|q| q.essay.is_none() && q.options.iter().all(|o| o.feedback.is_none())));
    let option_ids: Vec<&str> = f.questions[1].options.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(option_ids, ["a", "b", "c"], "options without ids are named by their letters");
    let bins: Vec<&str> = set.expected.iter().map(|&b| set.bin(b).id).collect();
    assert_eq!(bins, ["flight", "labour", "flight", "neither", "labour", "neither"]);
}

#[test]
fn its_feedback_for_every_bin_at_every_check_is_whole() {
    let set = load(MINIMAL);
    for lang in [Lang::Nl, Lang::En] {
        for i in 0..set.len() {
            let id = &set.file.excerpts[i].id;
            assert_whole(&feedback::right(&set, lang, i).paragraphs, &format!("{id} right"));
            for &bin in set.bins.iter().filter(|&&b| b != set.expected[i]) {
                for stage in [Stage::Explain, Stage::Hint, Stage::Reveal] {
                    let f = feedback::wrong(&set, lang, i, bin, stage);
                    let what = format!("{id} in {} at {stage:?} ({lang:?})", set.bin(bin).id);
                    assert_whole(&f.paragraphs, &what);
                    let text = plain(&f.paragraphs);
                    assert!(text.contains(set.bin(bin).label), "{what}: names the bin chosen: {text}");
                    if stage == Stage::Reveal {
                        assert!(text.contains(set.bin(set.expected[i]).label), "{what}: names the right bin: {text}");
                    }
                }
                assert_whole(&feedback::hint(&set, lang, i, bin), &format!("{id}: hint from {}", set.bin(bin).id));
            }
        }
    }
}

#[test]
fn its_board_plays_to_the_end_with_feedback_on_every_card() {
    let set = load(MINIMAL);
    let mut board = Board::new(set.clone(), Lang::En, 3);
    // Everything in the first bin, then each card moved to its right bin after the first check.
    for i in 0..set.len() {
        board.apply(Msg::Place(i, Some(set.bins[0])));
    }
    board.apply(Msg::Check);
    for i in 0..set.len() {
        let f = board.feedback(i).unwrap_or_else(|| panic!("card {i} has feedback after the check"));
        assert_whole(&f.paragraphs, &format!("card {i} after the first check"));
        board.apply(Msg::Place(i, Some(set.expected[i])));
    }
    board.apply(Msg::Check);
    let summary = board.summary().expect("every card is right: the attempt is over");
    assert_eq!((summary.right, summary.total), (set.len(), set.len()));
    let first_right = set.expected.iter().filter(|&&b| b == set.bins[0]).count();
    let penalty = usize::from(set.file.settings.penalty);
    assert_eq!(usize::from(summary.score), (first_right * 100 + (set.len() - first_right) * (100 - penalty)) / set.len());
    assert!((0..set.len()).all(|i| board.feedback(i).is_some_and(|f| f.verdict == Verdict::Right)));
}

#[test]
fn its_quiz_plays_to_the_end_and_an_option_without_feedback_says_right_or_not() {
    let set = load(MINIMAL);
    let mut quiz = Quiz::new(set.clone(), Lang::En, 5);
    let items = quiz.items().to_vec();
    assert_eq!(items.len(), set.len() + set.file.questions.len(), "every excerpt, then every question");
    for (k, &item) in items.iter().enumerate() {
        quiz.apply(quiz::Msg::GoTo(k));
        match item {
            Item::Excerpt(i) => {
                quiz.apply(quiz::Msg::ChooseBin(set.expected[i]));
            }
            Item::Question(q) => {
                // The first question answered wrong first (its second option), then right.
                if q == 0 {
                    quiz.apply(quiz::Msg::ToggleOption(1));
                    quiz.apply(quiz::Msg::Submit);
                    let f: Feedback = quiz.feedback(item).expect("feedback on the wrong answer");
                    assert_eq!(
                        plain(&f.paragraphs[..1]),
                        format!("You chose ‘Poverty at home alone’: {}", get(Lang::En, Key::OptionNotRight))
                    );
                    quiz.apply(quiz::Msg::TryAgain);
                    quiz.apply(quiz::Msg::ToggleOption(1));
                }
                for (o, option) in set.file.questions[q].options.iter().enumerate() {
                    if option.correct {
                        quiz.apply(quiz::Msg::ToggleOption(o));
                    }
                }
            }
        }
        quiz.apply(quiz::Msg::Submit);
        assert_eq!(quiz.status(item), ItemStatus::Right, "{item:?}");
        let f = quiz.feedback(item).expect("feedback once answered");
        assert_whole(&f.paragraphs, &format!("{item:?} answered right"));
        if let Item::Question(_) = item {
            assert!(plain(&f.paragraphs).contains(get(Lang::En, Key::OptionRight)), "{}", plain(&f.paragraphs));
        }
    }
    quiz.apply(quiz::Msg::Finish);
    let summary = quiz.summary().expect("the round is over");
    assert_eq!((summary.right, summary.total), (items.len(), items.len()));
    let review = quiz.review().expect("the review");
    assert!(review.items.iter().all(|r| r.essay.is_none()), "nothing to cite in the review");
    let markdown = quiz.review_markdown().expect("the review as Markdown");
    assert!(!markdown.contains(get(Lang::En, Key::ReviewEssay)), "no essay row: {markdown}");
}

/// `text` with the first `"field": value` written as `written` taken out (and its comma).
fn without(text: &str, written: &str) -> String {
    for cut in [format!(", {written}"), format!("{written}, ")] {
        if text.contains(&cut) {
            return text.replacen(&cut, "", 1);
        }
    }
    panic!("{written} is not in the text")
}

#[test]
fn each_optional_field_left_out_takes_away_only_what_it_adds() {
    let (mini, quiz) = (load(MINI), load(QUIZ));
    let en = Lang::En;
    let cites = |paragraphs: &[Vec<Span>]| paragraphs.iter().any(|p| p.iter().any(|s| matches!(s, Span::Cite(_))));

    // An excerpt's `essay`: the citation line, and nothing else.
    let uncited = load(&without(MINI, r#""essay": {"section": "Isolatie en manipulatie", "footnote": 10}"#));
    assert!(uncited.file.excerpts[0].essay.is_none());
    let (before, after) = (feedback::right(&mini, en, 0).paragraphs, feedback::right(&uncited, en, 0).paragraphs);
    let kept: Vec<Vec<Span>> = before.iter().filter(|p| !cites(std::slice::from_ref(p))).cloned().collect();
    assert!(before.len() > kept.len(), "the mini set cites: {}", plain(&before));
    assert_eq!(after, kept, "only the citation is gone");
    for stage in [Stage::Explain, Stage::Hint, Stage::Reveal] {
        assert!(!cites(&feedback::wrong(&uncited, en, 0, 1, stage).paragraphs), "{stage:?}: nothing cited");
    }

    // A criterion's `explanation`: the hint names the criterion alone.
    assert_eq!(plain(&feedback::hint(&mini, en, 0, 1)), "Hint: look again at loneliness: feeling alone");
    let unexplained = load(&without(MINI, r#""explanation": "feeling alone""#));
    assert_eq!(plain(&feedback::hint(&unexplained, en, 0, 1)), "Hint: look again at loneliness.");

    // A category's `definition`, `essay_says` and `essay`: the bin has none; the feedback never used them.
    let said = r#""definition": "alone", "essay_says": "loneliness is not atomisation", "essay": {"section": "Isolatie en manipulatie"}, "#;
    let bare = load(&MINI.replacen(said, "", 1));
    assert_eq!((bare.bin(0).definition, bare.bin(0).essay_says, bare.bin(0).essay), ("", "", None));
    assert!(mini.bin(0).essay.is_some());
    assert_eq!(feedback::right(&bare, en, 0), feedback::right(&mini, en, 0));
    let fallback = r#""definition": "no rule holds", "essay_says": "ties hold", "essay": {"section": "Isolatie en manipulatie"}"#;
    let bare_fallback = load(&without(MINI, fallback));
    let none = bare_fallback.bins[bare_fallback.bins.len() - 1];
    assert_eq!((bare_fallback.bin(none).definition, bare_fallback.bin(none).essay), ("", None));

    // An excerpt's `source`, and a source's `work`.
    let sourceless = load(&without(MINI, r#""source": {"diarist": "A", "work": "W", "page": "1"}"#));
    assert!(sourceless.file.excerpts[0].source.is_none());
    let workless = load(&without(MINI, r#""work": "W""#));
    assert_eq!(workless.file.excerpts[0].source.as_ref().map(|s| (s.diarist.as_str(), s.work.as_deref())), Some(("A", None)));

    // `intro`; `eyebrow`, which must not be blank when given.
    let introless = load(&MINI.replacen("  \"intro\": \"A tiny set for tests.\\n\\nSecond paragraph.\",\n", "", 1));
    assert_eq!((introless.file.intro.as_str(), introless.file.eyebrow.as_deref()), ("", None));
    let named = load(&MINI.replacen(r#""title": "Mini set","#, r#""title": "Mini set", "eyebrow": "Sorting tests","#, 1));
    assert_eq!(named.file.eyebrow.as_deref(), Some("Sorting tests"));
    let blank = set::load(&MINI.replacen(r#""title": "Mini set","#, r#""title": "Mini set", "eyebrow": " ","#, 1)).unwrap_err();
    assert_eq!((blank.0[0].path.as_str(), blank.0.len()), ("eyebrow", 1));

    // A question's `essay`: its citation, and nothing else.
    let solution = feedback::question_solution(&quiz, en, 0);
    let cited = r#""essay": {"section": "Isolatie en manipulatie", "footnote": 12}, "explanation""#;
    let uncited = load(&QUIZ.replacen(cited, r#""explanation""#, 1));
    assert!(uncited.file.questions[0].essay.is_none() && cites(&solution));
    assert_eq!(feedback::question_solution(&uncited, en, 0), solution[..solution.len() - 1], "only the citation is gone");

    // An option's `id` and `feedback`: its letter, and a plain "not right".
    let plain_option = QUIZ.replacen(
        r#"{"id": "b", "text": "Nothing more", "correct": false, "feedback": "No: loneliness alone is not atomisation."}"#,
        r#"{"text": "Nothing more", "correct": false}"#,
        1,
    );
    let plain_option = load(&plain_option);
    assert_eq!(plain_option.file.questions[0].options[1].id, "b");
    let chosen = |set: &Set| plain(&feedback::question(set, en, 0, &[1], Verdict::Wrong).paragraphs);
    assert_eq!(chosen(&quiz), "You chose ‘Nothing more’: No: loneliness alone is not atomisation.");
    assert_eq!(chosen(&plain_option), "You chose ‘Nothing more’: that is not right.");

    // A lens's `summary` and `essay`: the reading itself does not use them.
    let lens = r#", "summary": "Loneliness is not yet atomisation.", "essay": {"section": "Isolatie en manipulatie"}"#;
    let bare_lens = load(&QUIZ.replacen(lens, "", 1));
    assert_eq!((bare_lens.file.lenses[0].summary.as_str(), bare_lens.file.lenses[0].essay.as_ref()), ("", None));
    for i in 0..quiz.len() {
        assert_eq!(feedback::lens_reading(&bare_lens, en, 0, i), feedback::lens_reading(&quiz, en, 0, i));
    }
}
