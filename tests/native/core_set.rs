//! Native tests of loading and validation: what an instructor sees when a set is wrong.

use diary_sort::core::set::{self, Problem};

const MINI: &str = include_str!("../fixtures/mini.json");

fn problems(text: &str) -> Vec<Problem> {
    match set::load(text) {
        Ok(_) => panic!("the set should not load"),
        Err(e) => e.0,
    }
}

fn find<'a>(list: &'a [Problem], path: &str) -> &'a Problem {
    list.iter().find(|p| p.path == path).unwrap_or_else(|| panic!("no problem at {path}; got {list:#?}"))
}

#[test]
fn mini_set_loads_and_derives_categories_from_the_rules() {
    let set = set::load(MINI).expect("mini set loads");
    let ids: Vec<&str> = set.expected.iter().map(|&b| set.bin(b).id).collect();
    assert_eq!(ids, ["loneliness", "atomisation", "internalisation", "none"]);
    assert_eq!(set.precedence, [2, 1, 0]);
    assert_eq!(set.bins.len(), 4, "three categories and the offered fallback");
}

#[test]
fn syntax_error_gives_line_and_column() {
    let text = MINI.replacen("\"title\": \"Mini set\",", "\"title\": \"Mini set\"", 1);
    let list = problems(&text);
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].line, list[0].column), (Some(6), Some(3)));
    assert!(list[0].message.to_string().contains("not valid JSON"), "{}", list[0].message);
}

#[test]
fn truncated_file_says_it_ends_too_early() {
    let list = problems(&MINI[..MINI.len() / 2]);
    assert!(list[0].message.to_string().contains("ends too early"), "{}", list[0].message);
}

#[test]
fn quote_not_in_text_names_its_path_and_line() {
    let text = MINI.replacen("\"quote\": \"all alone\"", "\"quote\": \"all by myself\"", 1);
    let list = problems(&text);
    let p = find(&list, "excerpts[0].evidence[0].quote");
    assert_eq!(p.message.to_string().split(" (").next(), Some("quote is not found in the excerpt's text"));
    let line = text.lines().position(|l| l.contains("all by myself")).unwrap() + 1;
    assert_eq!(p.line, Some(line));
}

#[test]
fn unknown_criterion_suggests_the_near_one() {
    let text = MINI.replacen(
        "{\"criterion\": \"loneliness\", \"quote\": \"all alone\"}",
        "{\"criterion\": \"lonelines\", \"quote\": \"all alone\"}",
        1,
    );
    let list = problems(&text);
    let p = find(&list, "excerpts[0].evidence[0].criterion");
    assert_eq!(p.message.to_string(), "criterion `lonelines` does not exist; did you mean `loneliness`?");
}

#[test]
fn stated_category_that_contradicts_the_rule_names_both() {
    let text = MINI.replacen("\"category\": \"atomisation\"", "\"category\": \"loneliness\"", 1);
    let list = problems(&text);
    let p = find(&list, "excerpts[1].category");
    assert!(p.message.to_string().contains("`loneliness`") && p.message.to_string().contains("`atomisation`"), "{}", p.message);
    assert!(p.message.to_string().contains("`party`"), "names the deciding criteria: {}", p.message);
    assert!(p.message.to_string().contains("precedence"), "{}", p.message);
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = MINI
        .replacen("\"quote\": \"all alone\"", "\"quote\": \"nowhere\"", 1)
        .replacen("\"label\": \"ties kept\",", "\"label\": 7,", 1)
        .replacen("\"tries\": 2", "\"tries\": 12", 1)
        .replacen("{\"any\": [\"propaganda\"]}", "{\"any\": [\"propaganda\", \"partty\"]}", 1);
    let list = problems(&text);
    find(&list, "criteria[3].label");
    find(&list, "excerpts[0].evidence[0].quote");
    find(&list, "settings.tries");
    // A broken criterion suspends the rule checks that depend on it, so a corrected file
    // does not show a cascade of false alarms; the other problems are all there.
    assert!(list.len() >= 3, "{list:#?}");
    assert!(list.iter().all(|p| p.line.is_some()), "every problem has a line: {list:#?}");
}

#[test]
fn unknown_field_and_missing_field_are_named() {
    let text = MINI.replacen("\"id\": \"alone\",", "\"id\": \"alone\", \"categroy\": \"x\",", 1);
    let list = problems(&text);
    let p = list.iter().find(|p| p.path.starts_with("excerpts[0]")).expect("excerpt problem");
    assert!(p.message.to_string().contains("unknown field `categroy`"), "{}", p.message);

    let text = MINI.replacen("\"title\": \"Mini set\",", "", 1);
    let list = problems(&text);
    assert!(list.iter().any(|p| p.message.to_string() == "missing field `title`"), "{list:#?}");
}

#[test]
fn a_later_format_is_refused_with_the_version_this_build_reads() {
    let list = problems(&MINI.replacen("\"format\": 1", "\"format\": 3", 1));
    assert_eq!(list[0].path, "format");
    assert!(list[0].message.to_string().contains("reads formats 1 and 2"), "{}", list[0].message);
}

#[test]
fn excerpt_no_rule_matches_needs_a_fallback() {
    let text = MINI.replacen(
        "\"fallback\": {\"id\": \"none\", \"label\": \"none of these\", \"definition\": \"no rule holds\", \"essay_says\": \"ties hold\", \"essay\": {\"section\": \"Isolatie en manipulatie\"}},",
        "",
        1,
    );
    let list = problems(&text);
    let p = find(&list, "excerpts[3]");
    assert!(p.message.to_string().contains("no category's rule holds"), "{}", p.message);
}

#[test]
fn a_bin_id_used_twice_names_the_category_that_has_it_first() {
    let text = MINI.replacen("{\"id\": \"atomisation\", \"label\"", "{\"id\": \"loneliness\", \"label\"", 1).replacen(
        "\"fallback\": {\"id\": \"none\"",
        "\"fallback\": {\"id\": \"internalisation\"",
        1,
    );
    let list = problems(&text);
    assert_eq!(find(&list, "categories[2].id").message.to_string(), "the id `loneliness` is already used by categories[0]");
    assert_eq!(find(&list, "fallback.id").message.to_string(), "the id `internalisation` is already used by categories[1]");
}

#[test]
fn duplicate_ids_and_bad_precedence_are_reported() {
    let text = MINI.replacen("\"id\": \"happy\"", "\"id\": \"alone\"", 1).replacen(
        "\"precedence\": [\"atomisation\", \"internalisation\", \"loneliness\"]",
        "\"precedence\": [\"atomisation\", \"internalisaton\"]",
        1,
    );
    let list = problems(&text);
    assert!(find(&list, "excerpts[2].id").message.to_string().contains("already used by excerpts[0]"));
    assert!(find(&list, "precedence[1]").message.to_string().contains("did you mean `internalisation`"));
}

#[test]
fn not_an_object_and_oversized_text_are_refused_plainly() {
    assert!(problems("[1, 2]")[0].message.to_string().contains("JSON object"));
    let huge = " ".repeat(set::MAX_SET_BYTES + 1);
    assert!(problems(&huge)[0].message.to_string().contains("the most this tool reads"));
}

#[test]
fn hostile_nesting_does_not_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(!problems(&deep).is_empty());
    let rule = format!("{}\"loneliness\"{}", "{\"not\": ".repeat(40), "}".repeat(40));
    let text = MINI.replacen("\"rule\": \"loneliness\"", &format!("\"rule\": {rule}"), 1);
    assert!(problems(&text).iter().any(|p| p.message.to_string().contains("nested more than")));
}

#[test]
fn shape_problems_are_placed_at_the_value_and_keep_later_paths_right() {
    let text = MINI
        .replacen("\"text\": \"Here I am alone, all alone.\"", "\"text\": 5", 1)
        .replacen("\"id\": \"happy\"", "\"id\": \"against\"", 1)
        .replacen("\"footnote\": 12}}", "\"footnote\": 12.5}}", 1)
        .replacen("\"tries\": 2", "\"tries\": 2, \"tries\": 3", 1);
    let list = problems(&text);
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;

    let p = find(&list, "excerpts[0].text");
    assert_eq!(p.message.to_string(), "expected text in quotes, found 5");
    assert_eq!(p.line, Some(line_of("\"text\": 5")));
    assert!(!list.iter().any(|p| p.message.to_string() == "the text is empty"), "no second complaint: {list:#?}");
    assert!(
        !list.iter().any(|p| p.path.starts_with("excerpts[0].evidence")),
        "the quote is not checked against a text that could not be read: {list:#?}"
    );

    let p = find(&list, "excerpts[2].id");
    assert!(p.message.to_string().contains("already used by excerpts[1]"), "{}", p.message);
    assert_eq!(p.line, Some(line_of("\"id\": \"against\", \"text\": \"It is")));

    let p = find(&list, "criteria[0].essay.footnote");
    assert!(p.message.to_string().starts_with("expected a whole number"), "{}", p.message);
    assert_eq!(find(&list, "settings.tries").message.to_string(), "field `tries` appears twice");
}

#[test]
fn unknown_field_without_a_near_name_lists_the_fields() {
    let text = MINI.replacen("\"diarist\": \"A\",", "\"diarist\": \"A\", \"zzz\": 1,", 1);
    let list = problems(&text);
    let p = find(&list, "excerpts[0].source.zzz");
    assert_eq!(p.message.to_string(), "unknown field `zzz`; the fields here are `kind`, `diarist`, `date`, `work`, `page`, `context`");
}

#[test]
fn ten_thousand_broken_excerpts_are_reported_without_stalling() {
    // Each problem found by validation used to scan every unreadable value's path: 10,000
    // excerpts without any field (32 KB) took 7 s to load natively, 40,000 took 3.5 minutes.
    let empty = vec!["{}"; 10_000].join(", ");
    let start = MINI.find("\"excerpts\": [").unwrap();
    let end = MINI.find("\"settings\"").unwrap();
    let text = format!("{}\"excerpts\": [{empty}],\n  {}", &MINI[..start], &MINI[end..]);
    let clock = std::time::Instant::now();
    let list = problems(&text);
    assert!(clock.elapsed().as_secs() < 10, "took {:?}", clock.elapsed());
    // Missing id, text, source and essay each; nothing about the empty values standing in. The
    // first thousand are listed, the rest counted.
    assert_eq!(list.len(), set::MAX_PROBLEMS + 1, "{:#?}", &list[..8]);
    assert_eq!(list[0].message.to_string(), "missing field `id`");
    assert_eq!(
        list[set::MAX_PROBLEMS].message.to_string(),
        format!("there are more problems than these {}; fix these first", set::MAX_PROBLEMS)
    );
}

#[test]
fn the_language_of_a_set_that_does_not_load_is_read_when_it_is_json() {
    use diary_sort::core::strings::Lang;
    assert_eq!(set::stated_lang(MINI), Some(Lang::En));
    assert_eq!(set::stated_lang(&MINI.replacen("\"lang\": \"en\"", "\"lang\": \"nl-BE\"", 1)), Some(Lang::Nl));
    assert_eq!(set::stated_lang(&MINI.replacen("\"lang\": \"en\"", "\"lang\": \"fr\"", 1)), None);
    assert_eq!(set::stated_lang(&MINI[..MINI.len() / 2]), None, "not JSON");
    let too_long = format!("{{\"lang\": \"en\", \"excerpts\": [{}]}}", vec!["{}"; 10_001].join(","));
    assert_eq!(set::stated_lang(&too_long), None, "beyond the limits");
}

// Format 2: the quiz's fields.

const QUIZ: &str = include_str!("../fixtures/quiz.json");

/// The problems of the quiz fixture with `from` replaced by `to` (once).
fn quiz_problems(from: &str, to: &str) -> Vec<Problem> {
    assert!(QUIZ.contains(from), "the fixture has {from}");
    problems(&QUIZ.replacen(from, to, 1))
}

#[test]
fn a_version_1_set_loads_as_a_board_set_and_may_not_use_the_new_fields() {
    let set = set::load(MINI).expect("version 1 loads");
    assert_eq!((set.file.format, set.file.mode), (1, set::Mode::Board));
    assert!(set.file.questions.is_empty() && set.file.lenses.is_empty() && set.file.quiz.is_none());
    assert_eq!(set.quiz_settings(), set::QuizSettings::default());
    let list = problems(&MINI.replacen("\"lang\": \"en\",", "\"lang\": \"en\", \"mode\": \"quiz\",", 1));
    let p = find(&list, "mode");
    assert_eq!(p.message.to_string(), "field `mode` needs format 2: change `format` to 2");
    assert_eq!((p.line, p.column), (Some(4), Some(17)));
}

#[test]
fn the_quiz_fixture_loads_with_every_quiz_field() {
    let set = set::load(QUIZ).expect("the quiz fixture loads");
    assert_eq!((set.file.format, set.file.mode), (2, set::Mode::Both));
    assert_eq!(set.file.questions.len(), 2);
    assert_eq!(set.file.lenses[1].rules.len(), 1);
    assert_eq!(set.lens_precedence, [vec![2, 1, 0], vec![2, 1, 0]]);
    assert_eq!(set.quiz_settings().pool, Some(4));
}

#[test]
fn quiz_settings_and_questions_need_a_mode_with_the_quiz() {
    let list = quiz_problems("\"mode\": \"both\"", "\"mode\": \"board\"");
    assert!(find(&list, "quiz").message.to_string().starts_with("`quiz` has no effect while `mode` is \"board\""));
    assert!(find(&list, "questions").message.to_string().starts_with("questions are asked in the quiz only"));
    let list = quiz_problems("\"mode\": \"both\"", "\"mode\": \"quizz\"");
    assert_eq!(find(&list, "mode").message.to_string(), "expected `board` or `quiz` or `both`, found \"quizz\"");
}

#[test]
fn a_pool_must_fit_the_excerpts() {
    let list = quiz_problems("\"pool\": 4", "\"pool\": 5");
    assert_eq!(find(&list, "quiz.pool").message.to_string(), "pool is 5, but the set has only 4 excerpts");
    let list = quiz_problems("\"pool\": 4", "\"pool\": 0");
    assert_eq!(find(&list, "quiz.pool").message.to_string(), "pool is 0; an attempt needs at least 1 excerpt");
    let list = quiz_problems("\"criteriaStep\": \"optional\"", "\"criteriaStep\": \"yes\"");
    assert_eq!(find(&list, "quiz.criteriaStep").message.to_string(), "expected `off` or `optional` or `required`, found \"yes\"");
    let list = quiz_problems("\"showSolution\": true", "\"showSolutions\": true");
    assert_eq!(find(&list, "quiz.showSolutions").message.to_string(), "unknown field `showSolutions`; did you mean `showSolution`?");
}

#[test]
fn questions_need_one_correct_option_or_several_when_multiple_and_distinct_ids() {
    let list = quiz_problems("\"correct\": true, \"feedback\": \"Yes", "\"correct\": false, \"feedback\": \"Yes");
    assert_eq!(find(&list, "questions[0].options").message.to_string(), "no option is correct: mark the right one with \"correct\": true");
    let list = quiz_problems("\"correct\": false, \"feedback\": \"No: loneliness", "\"correct\": true, \"feedback\": \"No: loneliness");
    let p = find(&list, "questions[0].options");
    assert!(p.message.to_string().starts_with("a `single` question has one correct option, but `a`, `b` are all correct"), "{}", p.message);
    assert_eq!((p.line, p.column), (Some(28), Some(109)), "placed at the options list [");
    let list = quiz_problems("{\"id\": \"b\", \"text\": \"Nothing more\"", "{\"id\": \"a\", \"text\": \"Nothing more\"");
    assert_eq!(find(&list, "questions[0].options[1].id").message.to_string(), "the id `a` is already used by questions[0].options[0]");
    let list = quiz_problems("\"id\": \"signs\"", "\"id\": \"rule\"");
    assert_eq!(find(&list, "questions[1].id").message.to_string(), "the id `rule` is already used by questions[0]");
    let list = quiz_problems("\"type\": \"multiple\"", "\"type\": \"several\"");
    assert_eq!(find(&list, "questions[1].type").message.to_string(), "expected `single` or `multiple`, found \"several\"");
    let list = quiz_problems("\"explanation\": \"The rule", "\"explanations\": \"The rule");
    assert_eq!(find(&list, "questions[0].explanations").message.to_string(), "unknown field `explanations`; did you mean `explanation`?");
    let list = quiz_problems("\"prompt\": \"Which are conditions of atomisation?\"", "\"prompt\": \" \"");
    assert_eq!(find(&list, "questions[1].prompt").message.to_string(), "the prompt is empty");
}

#[test]
fn lens_rules_name_known_categories_and_criteria() {
    let list = quiz_problems("\"rules\": {\"atomisation\"", "\"rules\": {\"atomisatoin\"");
    assert_eq!(
        find(&list, "lenses[1].rules.atomisatoin").message.to_string(),
        "category `atomisatoin` does not exist; did you mean `atomisation`?"
    );
    let list = quiz_problems("{\"any\": [\"loneliness\", \"party\"]}", "{\"any\": [\"loneliness\", \"partyy\"]}");
    assert_eq!(find(&list, "lenses[1].rules.atomisation").message.to_string(), "criterion `partyy` does not exist; did you mean `party`?");
    let list = quiz_problems("\"rules\": {\"atomisation\"", "\"rules\": {\"none\"");
    assert!(find(&list, "lenses[1].rules.none").message.to_string().starts_with("`none` is the fallback, which has no rule"));
    let list = quiz_problems(
        "\"precedence\": [\"atomisation\", \"internalisation\", \"loneliness\"]}",
        "\"precedence\": [\"atomisation\", \"loneliness\", \"loneliness\", \"atomisatoin\"]}",
    );
    assert_eq!(find(&list, "lenses[1].precedence[2]").message.to_string(), "`loneliness` is listed twice");
    assert_eq!(
        find(&list, "lenses[1].precedence[3]").message.to_string(),
        "category `atomisatoin` does not exist; did you mean `atomisation`?"
    );
    let list = quiz_problems("{\"any\": [\"loneliness\", \"party\"]}", "{\"al\": [\"loneliness\"]}");
    assert!(find(&list, "lenses[1].rules.atomisation").message.to_string().starts_with("unknown rule operator \"al\""));
    let list = quiz_problems("\"id\": \"totalitarian\"", "\"id\": \"essay\"");
    assert_eq!(find(&list, "lenses[1].id").message.to_string(), "the id `essay` is already used by lenses[0]");
}

/// A lens may leave a category out of its precedence: that reading never gives it, and what only
/// its rule would take falls to the fallback ("happy" repeats propaganda: internalisation).
#[test]
fn a_lens_that_leaves_a_category_out_never_gives_it() {
    let text = QUIZ.replacen(
        "\"precedence\": [\"atomisation\", \"internalisation\", \"loneliness\"]}",
        "\"precedence\": [\"atomisation\", \"loneliness\"]}",
        1,
    );
    let set = set::load(&text).unwrap_or_else(|e| panic!("{:#?}", e.0));
    let happy = set.file.excerpts.iter().position(|e| e.id == "happy").unwrap();
    assert_eq!(set.bin(set.classify(0, happy)).id, "internalisation", "the essay's reading");
    assert_eq!(set.bin(set.classify(1, happy)).id, "none", "the lens never gives internalisation");
}

#[test]
fn a_lens_without_a_rule_for_an_excerpt_needs_the_fallback() {
    let without_fallback = QUIZ
        .replacen("\"fallback\": {\"id\": \"none\", \"label\": \"none of these\", \"definition\": \"no rule holds\", \"essay_says\": \"ties hold\", \"essay\": {\"section\": \"Isolatie en manipulatie\"}},", "", 1)
        .replacen("\"evidence\": [{\"criterion\": \"ties\", \"quote\": \"trusted our workers\"}]", "\"evidence\": [{\"criterion\": \"ties\", \"quote\": \"trusted our workers\"}, {\"criterion\": \"propaganda\", \"quote\": \"We trusted\"}]", 1);
    set::load(&without_fallback).expect("every excerpt matches a rule of the set");
    let list = problems(&without_fallback.replacen(
        "{\"any\": [\"loneliness\", \"party\"]}}",
        "{\"any\": [\"loneliness\", \"party\"]}, \"internalisation\": \"party\"}",
        1,
    ));
    assert_eq!(
        find(&list, "lenses[1]").message.to_string(),
        "no rule of this lens holds for excerpt `happy`, and the set has no fallback category"
    );
}
