//! The class report: its numbers on a small dataset computed by hand (tests/fixtures/statements.json
//! as xAPI, tests/fixtures/interactions.csv as a SCORM export, both on the mini set), the same
//! numbers from every form of xAPI input, malformed input reported at its line and nothing

//! written, the pages `diary-sort report` writes, and 10,000 generated statements.

use diary_sort::core::exercise::Certainty;
use diary_sort::core::json;
use diary_sort::core::set::{self, Set};
use diary_sort_cli::answers::{self, Answers};
use diary_sort_cli::class_report::{self as report, ClassReport, Confidence, Difficulty, Missed};

use crate::{TempDir, run};

const MINI: &str = include_str!("../../../tests/fixtures/mini.json");
const STATEMENTS: &str = include_str!("../../../tests/fixtures/statements.json");
const INTERACTIONS: &str = include_str!("../../../tests/fixtures/interactions.csv");

fn mini() -> Set {
    set::load(MINI).unwrap()
}

fn read(text: &str) -> Answers {
    let mut answers = Answers::default();
    answers::read(text, &mut answers).unwrap_or_else(|p| panic!("{p:#?}"));
    answers
}

fn numbers(text: &str, set: Option<&Set>) -> ClassReport {
    report::compute(&read(text), set).unwrap()
}

fn item(id: &str, question: bool, first_tries: usize, right: usize, answers: usize) -> Difficulty {
    Difficulty { id: id.into(), question, first_tries, right, answers }
}

fn missed(id: &str, shown: usize, missed: usize, ticked_wrongly: usize) -> Missed {
    Missed { id: id.into(), shown, missed, ticked_wrongly }
}

/// The matrix of both datasets (first tries; rows right, columns chosen: loneliness,
/// internalisation, atomisation, none): ann, bob and cat's first answers.
const MATRIX: [[usize; 4]; 4] = [[2, 0, 1, 0], [1, 2, 0, 0], [1, 0, 1, 0], [0, 1, 0, 1]];

#[test]
fn xapi_statements_give_the_hand_computed_numbers() {
    let set = mini();
    let n = numbers(STATEMENTS, Some(&set));
    assert_eq!((n.learners, n.attempts, n.answers, n.first_tries, n.ignored), (3, 3, 13, 11, 1));
    assert_eq!(n.categories, ["loneliness", "internalisation", "atomisation", "none"]);
    assert_eq!(n.matrix, MATRIX.map(Vec::from).to_vec());
    // The later tries (ann's second `against`, bob's second `alone`) come first in the file (an
    // LRS lists the newest first) and still count as later tries.
    assert_eq!(
        n.items,
        [
            item("alone", false, 3, 2, 4),
            item("against", false, 2, 1, 3),
            item("happy", false, 3, 2, 3),
            item("friends", false, 2, 1, 2),
            item("q1", true, 1, 1, 1)
        ]
    );
    assert!(n.ticked);
    // Ticked: ties missed by ann and cat; party missed by ann and ticked by bob on `alone`;
    // propaganda missed by bob and ticked by cat on `friends`; loneliness always ticked.
    assert_eq!(
        n.criteria,
        [missed("ties", 2, 2, 0), missed("party", 2, 1, 1), missed("propaganda", 3, 1, 1), missed("loneliness", 5, 0, 0)]
    );
    let level = |level, first_tries, right| Confidence { level, first_tries, right };
    assert_eq!(n.certainty, [level(Certainty::Low, 3, 1), level(Certainty::Medium, 3, 2), level(Certainty::High, 4, 3)]);
}

#[test]
fn a_scorm_export_gives_the_same_matrix_and_difficulty_and_misses_by_wrong_category() {
    let set = mini();
    let n = numbers(INTERACTIONS, Some(&set));
    assert_eq!((n.learners, n.attempts, n.answers, n.first_tries, n.ignored), (3, 3, 13, 11, 1), "the fill-in row is left out");
    assert_eq!(n.matrix, MATRIX.map(Vec::from).to_vec());
    assert_eq!(n.items, numbers(STATEMENTS, Some(&set)).items);
    assert!(!n.ticked);
    // Nothing ticked: a first try misses the criteria its excerpt shows when it is wrong.
    // party: ann wrong on `against` (1 of 2); ties: cat wrong on `friends` (1 of 2); loneliness:
    // bob on `alone`, ann on `against` (2 of 5); propaganda: bob on `happy` (1 of 3).
    assert_eq!(
        n.criteria,
        [missed("party", 2, 1, 0), missed("ties", 2, 1, 0), missed("loneliness", 5, 2, 0), missed("propaganda", 3, 1, 0)]
    );
    assert!(n.certainty.is_empty(), "a SCORM export says nothing of certainty");
}

#[test]
fn without_the_set_the_statements_name_the_categories_and_no_criteria_are_counted() {
    let n = numbers(STATEMENTS, None);
    assert_eq!(n.categories, ["atomisation", "internalisation", "loneliness", "none"]);
    assert_eq!(n.matrix[2], [1, 0, 2, 0], "loneliness row, columns in sorted order");
    assert!(n.criteria.is_empty());
    let csv = report::compute(&read(INTERACTIONS), None).unwrap_err();
    assert!(csv.contains("excerpt `alone`") && csv.contains("--set"), "{csv}");
}

#[test]
fn every_form_of_xapi_input_gives_the_same_numbers() {
    let root = json::parse(STATEMENTS).unwrap();
    let json::Value::Array(list) = &root.value else { panic!() };
    let lines: Vec<String> = list.iter().map(|s| json::write(&s.value).replace('\n', "")).collect();
    let page = format!("{{\"statements\": {STATEMENTS}, \"more\": \"\"}}");
    let expected = numbers(STATEMENTS, None);
    assert_eq!(numbers(&lines.join("\n"), None), expected, "one statement a line");
    assert_eq!(numbers(&page, None), expected, "an LRS page");
    let mut one = read(&lines[0]);
    answers::read(&lines[1], &mut one).unwrap();
    assert_eq!(one.list.len() + one.ignored, 2, "files add up");
}

/// The problems `text` gives, as `LINE:COL: PATH: message`.
fn problems(text: &str) -> Vec<String> {
    let mut answers = Answers::default();
    let list = answers::read(text, &mut answers).expect_err("the input should be refused");
    assert!(answers.list.is_empty(), "nothing is read from input with problems");
    list.iter().map(ToString::to_string).collect()
}

#[test]
fn malformed_input_is_reported_at_its_line_and_path() {
    // A syntax error in the array: line and column.
    let broken = STATEMENTS.replacen("\"verb\": {", "\"verb\" {", 1);
    let line = broken.lines().position(|l| l.contains("\"verb\" {")).unwrap() + 1;
    let [one] = &problems(&broken)[..] else { panic!("{:?}", problems(&broken)) };
    assert!(one.starts_with(&format!("{line}:")), "{one}");

    // A statement of ours without its response: where the statement starts, and the path in it.
    let text = STATEMENTS.replacen("\"response\": \"friends[.]internalisation\",", "", 1);
    let found = problems(&text);
    assert_eq!(found, ["2:3: [0].result: an answer needs `result.response`"], "the first statement starts at line 2, column 3");
    let page = format!("{{\"more\": \"\",\n \"statements\": {text}}}");
    assert_eq!(problems(&page), ["3:3: statements[0].result: an answer needs `result.response`"], "in an LRS page");

    // Wrong kinds and words, all at once.
    let text = STATEMENTS.replacen("\"success\": false", "\"success\": \"no\"", 1).replacen(
        "\"https://w3id.org/xapi/diary-sort/extensions/certainty\": \"low\"",
        "\"https://w3id.org/xapi/diary-sort/extensions/certainty\": \"very\"",
        1,
    );
    let found = problems(&text);
    assert!(found.iter().any(|p| p.contains("result.success: expected true or false")), "{found:?}");
    assert!(found.iter().any(|p| p.contains("certainty: expected \"low\", \"medium\" or \"high\"")), "{found:?}");

    // One statement a line: the line in the file.
    let lines = "{\"verb\": {\"id\": \"x\"}, \"object\": {\"id\": \"y\"}}\n{\"verb\": oops}\n";
    let found = problems(lines);
    assert!(found.len() == 1 && found[0].starts_with("2:10: this is not valid JSON: expected value"), "{found:?}");

    // CSV: a response that is not a pair (at the start of its row, the column named), a missing
    // column.
    let csv = INTERACTIONS.replacen("happy[.]internalisation", "happy internalisation", 1);
    let line = csv.lines().position(|l| l.contains("happy internalisation")).unwrap() + 1;
    let found = problems(&csv);
    assert_eq!(
        found[0],
        format!(
            "{line}:1: column `learner response`: expected `excerpt[.]category` (or `excerpt.category`), found \"happy internalisation\""
        )
    );
    // An unclosed quote takes the rows after it into its field, which then is no pair.
    let unclosed = problems("user,learner response\nann,\"alone[.]none\nbob,happy[.]none\n");
    assert_eq!(unclosed.len(), 1, "{unclosed:?}");
    assert!(unclosed[0].starts_with("2:1: column `learner response`: expected `excerpt[.]category`"), "{unclosed:?}");
    // A quoted field with a line break and a doubled quote is one field.
    let quoted = problems("user;learner response\n\"ann\nsmith\";\"alone \"\"x\"\"\"\n");
    assert_eq!(quoted, ["2:1: column `learner response`: expected `excerpt[.]category` (or `excerpt.category`), found \"alone \"x\"\""]);
    let no_column = problems("user,answer\nann,alone[.]none\n");
    assert!(no_column[0].starts_with("1:1: no response column: name one `learnerresponse`"), "{no_column:?}");
}

#[test]
fn the_html_report_has_its_stylesheet_beside_it_and_no_inline_style_or_script() {
    let dir = TempDir::new("html");
    let out = dir.path("class.html");
    let (code, said) = run(&["report", "tests/fixtures/statements.json", "--set", "tests/fixtures/mini.json", "-o", &out]);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("13 answers (11 first tries) of 3 students in 3 attempts"), "{said}");
    let html = std::fs::read_to_string(&out).unwrap();
    let css = std::fs::read_to_string(dir.path("class.css")).expect("the stylesheet beside it");
    assert!(html.contains("<link rel=\"stylesheet\" href=\"class.css\">") && css.contains(".for-screen-readers"));
    for forbidden in ["style=", "<style", "<script", "javascript:"] {
        assert!(!html.contains(forbidden), "no {forbidden}");
    }
    // The charts are hidden from screen readers; the same numbers are in tables.
    assert_eq!(html.matches("aria-hidden=\"true\"").count(), html.matches("<table").count());
    assert!(html.contains("<th scope=\"row\">loneliness</th><td>2 (67%)</td><td>0 (0%)</td><td>1 (33%)</td><td>0 (0%)</td>"), "{html}");
    assert!(html.contains("<th scope=\"row\">ties kept</th><td>2 missed of 2 · 100%</td>"), "{html}");
    assert!(html.contains("<h1>How the class did — Mini set</h1>"));

    // In Dutch, and as one SVG picture.
    let (code, _) = run(&["report", "tests/fixtures/interactions.csv", "--set", "tests/fixtures/mini.json", "--lang", "nl", "-o", &out]);
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&out).unwrap().contains("<html lang=\"nl\">"));
    let svg = dir.path("class.svg");
    let (code, _) = run(&["report", "tests/fixtures/statements.json", "--format", "svg", "-o", &svg]);
    assert_eq!(code, 0);
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(picture.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"") && !picture.contains("style"), "{picture}");
}

#[test]
fn a_report_of_malformed_input_writes_nothing() {
    let dir = TempDir::new("broken");
    let bad = dir.path("bad.json");
    std::fs::write(&bad, STATEMENTS.replacen("\"verb\": {", "\"verb\" {", 1)).unwrap();
    let out = dir.path("class.html");
    let (code, said) = run(&["report", "tests/fixtures/statements.json", &bad, "-o", &out]);
    assert_eq!(code, 1, "{said}");
    assert!(said.lines().next().unwrap().starts_with(&format!("{bad}:")), "FILE:LINE:COL: {said}");
    assert!(said.contains("nothing written"), "{said}");
    assert!(!std::path::Path::new(&out).exists() && !std::path::Path::new(&dir.path("class.css")).exists());
    // The right category unknown (a SCORM export without the set): nothing written either.
    let (code, said) = run(&["report", "tests/fixtures/interactions.csv", "-o", &out]);
    assert_eq!(code, 1, "{said}");
    assert!(!std::path::Path::new(&out).exists());
    for args in
        [&["report", "tests/fixtures/statements.json"][..], &["report", "-o", &out], &["report", "x.json", "--format", "pdf", "-o", &out]]
    {
        assert_eq!(run(args).0, 2, "a usage mistake: {args:?}");
    }
}

/// `n` students each answering every excerpt of the mini set once, as xAPI statements: student
/// `s` is right on excerpt `e` unless `(s + e) % 3 == 0`, when it chooses the next category.
fn generated(students: usize) -> String {
    let set = mini();
    let ids: Vec<&str> = (0..set.file.categories.len() + 1).map(|b| set.bin(b).id).collect();
    let mut out = String::from("[\n");
    for s in 0..students {
        for (e, excerpt) in set.file.excerpts.iter().enumerate() {
            let right = set.bin(set.expected[e]).id;
            let chosen = if (s + e) % 3 == 0 { ids[(set.expected[e] + 1) % ids.len()] } else { right };
            let comma = if s + 1 == students && e + 1 == set.len() { "" } else { "," };
            out.push_str(&format!(
                "{{\"actor\": {{\"mbox\": \"mailto:s{s}@example.org\"}}, \"verb\": {{\"id\": \"{}\"}}, \"object\": {{\"id\": \"https://example.org/mini/excerpts/{id}\", \"definition\": {{\"interactionType\": \"matching\", \"correctResponsesPattern\": [\"{id}[.]{right}\"]}}}}, \"result\": {{\"response\": \"{id}[.]{chosen}\", \"success\": {}}}, \"timestamp\": \"2026-11-20T10:{:02}:{:02}Z\"}}{comma}\n",
                answers::ANSWERED,
                chosen == right,
                s % 60,
                e,
                id = excerpt.id
            ));
        }
    }
    out.push_str("]\n");
    out
}

#[test]
fn ten_thousand_generated_statements_are_counted_exactly() {
    let text = generated(2_500);
    let set = mini();
    let n = numbers(&text, Some(&set));
    assert_eq!((n.answers, n.first_tries, n.learners), (10_000, 10_000, 2_500));
    for (e, d) in n.items.iter().enumerate() {
        let wrong = (0..2_500).filter(|s| (s + e) % 3 == 0).count();
        assert_eq!((d.first_tries, d.right), (2_500, 2_500 - wrong), "{}", d.id);
    }
    assert_eq!(n.matrix.iter().flatten().sum::<usize>(), 10_000);
    let diagonal: usize = (0..4).map(|i| n.matrix[i][i]).sum();
    assert_eq!(diagonal, n.items.iter().map(|d| d.right).sum::<usize>());
}

/// A statement as the module's xAPI bridge sends it: `ada` (registration `r1`) put `alone` in
/// `chosen` at second `second`, about `activity`; from the quiz (a certainty and ticked criteria)
/// or from the board (neither).
fn sent(activity: &str, chosen: &str, second: u32, quiz: bool) -> String {
    let extensions = if quiz {
        format!(
            ", \"extensions\": {{\"{}\": [\"loneliness\"], \"{}\": \"high\"}}",
            answers::CRITERIA_EXTENSION,
            answers::CERTAINTY_EXTENSION
        )
    } else {
        String::new()
    };
    format!(
        "{{\"actor\": {{\"mbox\": \"mailto:ada@example.org\"}}, \"verb\": {{\"id\": \"{}\"}}, \"object\": {{\"id\": \"{activity}/excerpts/alone\", \"definition\": {{\"interactionType\": \"matching\", \"correctResponsesPattern\": [\"alone[.]loneliness\"]}}}}, \"result\": {{\"response\": \"alone[.]{chosen}\", \"success\": {}{extensions}}}, \"context\": {{\"registration\": \"r1\"}}, \"timestamp\": \"2026-12-01T10:00:{second:02}Z\"}}",
        answers::ANSWERED,
        chosen == "loneliness",
    )
}

#[test]
fn the_quiz_after_the_board_in_one_registration_has_first_tries_of_its_own() {
    let course = "https://example.org/course";
    // The board: wrong, then right; then the quiz asks the same excerpt: right, sure.
    let text = format!(
        "[{}, {}, {}]",
        sent(course, "atomisation", 1, false),
        sent(course, "loneliness", 2, false),
        sent(course, "loneliness", 3, true)
    );
    let n = numbers(&text, Some(&mini()));
    assert_eq!((n.answers, n.first_tries), (3, 2), "the board's first try and the quiz's");
    assert_eq!(n.items[0], item("alone", false, 2, 1, 3));
    assert_eq!(n.certainty, [Confidence { level: Certainty::High, first_tries: 1, right: 1 }]);
    // Criteria are counted where they were ticked: the quiz's answer, which ticked loneliness.
    assert_eq!(n.criteria, [missed("loneliness", 1, 0, 0)]);
}

#[test]
fn an_lrs_page_gives_its_more_link_and_one_activity_can_be_kept() {
    let ours = "https://example.org/course";
    let page = |more: &str| {
        format!(
            "{{\"statements\": [{}, {}], \"more\": {more}}}",
            sent(ours, "loneliness", 1, false),
            sent("https://example.org/other", "loneliness", 2, false)
        )
    };
    let mut kept = Answers::default();
    assert_eq!(
        answers::read_page(&page("\"/xAPI/statements?from=2\""), Some(ours), &mut kept).unwrap().as_deref(),
        Some("/xAPI/statements?from=2")
    );
    assert_eq!((kept.list.len(), kept.ignored), (1, 1), "the other activity's statement is left out");
    // The last page: an empty link, or none.
    assert_eq!(answers::read_page(&page("\"\""), None, &mut kept).unwrap(), None);
    assert_eq!(answers::read_page(&page("null"), None, &mut kept).unwrap(), None);
    assert_eq!((kept.list.len(), kept.ignored), (5, 1));
    // An activity IRI is a whole path segment: `…/course` does not keep `…/course-2`.
    let mut other = Answers::default();
    answers::read_under(&sent("https://example.org/course-2", "loneliness", 1, false), Some(ours), &mut other).unwrap();
    assert_eq!((other.list.len(), other.ignored), (0, 1));
    let problems = answers::read_page("[]", None, &mut other).unwrap_err();
    assert!(problems[0].message.to_string().contains("expected an LRS page"), "{problems:?}");
}
