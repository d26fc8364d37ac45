//! `diary-sort validate` as an instructor runs it: exit status and `FILE:LINE:COL: PATH: message`.

use std::process::Command;

use crate::ROOT;

fn validate(files: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_diary-sort")).arg("validate").args(files).current_dir(ROOT).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn valid_sets_pass_with_status_zero() {
    let (code, out) = validate(&["www/sets/snijders-nl.json", "tests/fixtures/mini.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("www/sets/snijders-nl.json: ok (16 excerpts"), "{out}");
}

#[test]
fn problems_are_listed_with_file_line_column_and_path_and_status_one() {
    let text = include_str!("../../../tests/fixtures/mini.json")
        .replacen("\"quote\": \"all alone\"", "\"quote\": \"all by myself\"", 1)
        .replacen("\"criterion\": \"propaganda\"", "\"criterion\": \"propagand\"", 1);
    let path = std::env::temp_dir().join(format!("diary-sort-cli-{}.json", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let name = path.to_str().unwrap();
    let (code, out) = validate(&[name, "tests/fixtures/mini.json"]);
    std::fs::remove_file(&path).ok();
    assert_eq!(code, 1, "{out}");
    let line = text.lines().position(|l| l.contains("all by myself")).unwrap() + 1;
    let column = text.lines().nth(line - 1).unwrap().find("\"all by myself\"").unwrap() + 1;
    let expected = format!("{name}:{line}:{column}: excerpts[0].evidence[0].quote: quote is not found in the excerpt's text");
    assert!(out.lines().any(|l| l.starts_with(&expected)), "{expected}\nin\n{out}");
    assert!(out.contains("excerpts[2].evidence[0].criterion: criterion `propagand` does not exist; did you mean `propaganda`?"), "{out}");
    assert!(out.contains(&format!("{name}: 2 problem(s)")), "{out}");
    assert!(out.contains("tests/fixtures/mini.json: ok"), "the other file is still checked: {out}");
}

#[test]
fn a_missing_file_is_a_failure_not_a_crash() {
    let (code, out) = validate(&["no/such/set.json"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("no/such/set.json: cannot read the file"), "{out}");
}

/// The editor's "blank template" (www/editor.html) is a set an instructor can start from as is.
#[test]
fn the_editors_blank_template_is_a_valid_set() {
    let (code, out) = validate(&["www/sets/template.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("www/sets/template.json: ok (1 excerpts, 1 criteria, 1 bins)"), "one of each: {out}");
}

#[test]
fn a_set_with_the_quiz_says_how_many_questions_and_lenses_it_has() {
    let (code, out) = validate(&["tests/fixtures/quiz.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("tests/fixtures/quiz.json: ok (4 excerpts, 4 criteria, 4 bins; quiz: 2 questions, 2 lenses)"), "{out}");
}
