//! `diary-sort schema`, `validate --format json` and `fmt`: the shipped schema is the generated
//! one and an independent validator (Ajv) accepts the default sets with it; the JSON report
//! carries what the text report says; the canonical form keeps what a set means (it loads to an
//! equal set), formatting twice changes nothing more, and the default sets are already in it;

//! `fmt` rewrites only sets that load, and `--check` changes nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use diary_sort::core::json::{self, Value};
use diary_sort::core::set::{self, Set};
use diary_sort_cli::schema::canonical;

use crate::ROOT;

/// Runs `diary-sort ARGS` in the source tree: (exit status, stdout).
fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_diary-sort")).args(args).current_dir(ROOT).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).expect("UTF-8"))
}

/// A file of its own in the temporary folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, text: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("diary-sort-{}-{name}.json", std::process::id()));
        std::fs::write(&path, text).unwrap();
        TempFile(path)
    }

    fn name(&self) -> &str {
        self.0.to_str().unwrap()
    }

    fn text(&self) -> String {
        std::fs::read_to_string(&self.0).unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        std::fs::remove_file(&self.0).ok();
    }
}

/// The set with every object's fields in reverse order: the same set, not formatted.
fn reversed(text: &str) -> String {
    fn reverse(value: &mut Value<'_>) {
        match value {
            Value::Object(members) => {
                members.reverse();
                members.iter_mut().for_each(|m| reverse(&mut m.value.value));
            }
            Value::Array(items) => items.iter_mut().for_each(|item| reverse(&mut item.value)),
            _ => {}
        }
    }
    let mut root = json::parse(text).unwrap().value;
    reverse(&mut root);
    json::write(&root)
}

const NL: &str = include_str!("../../../www/sets/snijders-nl.json");

/// The sets `fmt` is tried on: the default sets, the editor's template, and the compact mini set.
const SETS: [(&str, &str); 4] = [
    ("snijders-nl.json", NL),
    ("snijders-en.json", include_str!("../../../www/sets/snijders-en.json")),
    ("template.json", include_str!("../../../www/sets/template.json")),
    ("fixtures/mini.json", include_str!("../../../tests/fixtures/mini.json")),
];

fn load(name: &str, text: &str) -> Set {
    set::load(text).unwrap_or_else(|e| panic!("{name}: {:#?}", e.0))
}

/// Everything a loaded set says, but the hash of its text and its format number (formatting
/// migrates a version-1 set to version 2, which means the same).
fn meaning(mut set: Set) -> impl PartialEq + std::fmt::Debug {
    set.file.format = set::FORMAT_VERSION;
    // A lens's rules are keyed by category: the order they are written in means nothing.
    set.file.lenses.iter_mut().for_each(|lens| lens.rules.sort_by(|a, b| a.0.cmp(&b.0)));
    (set.file, set.shown, set.expected, set.precedence, set.lens_precedence, set.bins)
}

#[test]
fn the_shipped_schema_is_what_diary_sort_schema_prints() {
    let (code, out) = run(&["schema"]);
    assert_eq!(code, 0);
    let shipped = std::fs::read_to_string(Path::new(ROOT).join("www/schema/set.schema.json")).unwrap();
    assert!(out == shipped, "www/schema/set.schema.json is stale: run `cargo run --bin diary-sort -- schema > www/schema/set.schema.json`");
}

#[test]
fn an_independent_validator_accepts_the_schema_and_every_default_set() {
    let out = Command::new("node").arg("tests/browser/schema.mjs").current_dir(ROOT).output().expect("node runs (Node.js 20 or newer)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "tests/browser/schema.mjs failed (is Ajv installed? `bash scripts/setup` installs it):\n{stdout}{stderr}"
    );
    assert!(stdout.contains("ok: www/sets/snijders-nl.json is valid"), "{stdout}");
    assert!(stdout.contains("ok: www/sets/snijders-en.json is valid"), "{stdout}");
    assert!(stdout.contains("ok: www/sets/template.json is valid"), "{stdout}");
    assert!(stdout.contains("ok: www/sets/template-nl.json is valid"), "{stdout}");
}

#[test]
fn the_canonical_form_loads_to_the_same_set_and_stays_as_it_is() {
    for (name, text) in SETS {
        for (variant, input) in [("as written", text.to_string()), ("reversed", reversed(text))] {
            let formatted = canonical(&input).unwrap_or_else(|e| panic!("{name} {variant}: {:#?}", e.0));
            assert_eq!(meaning(load(name, &formatted)), meaning(load(name, &input)), "{name} {variant}: the same set");
            assert_eq!(canonical(&formatted).ok().as_ref(), Some(&formatted), "{name} {variant}: formatting twice changes nothing");
            assert!(formatted == canonical(text).unwrap(), "{name} {variant}: the canonical form does not depend on the order written");
        }
    }
}

#[test]
fn the_default_sets_are_already_formatted() {
    for (name, text) in &SETS[..3] {
        assert!(canonical(text).unwrap() == *text, "{name} is not formatted: run `diary-sort fmt www/sets/{name}`");
    }
}

#[test]
fn validate_as_json_reports_each_file_with_the_problems_of_the_text_report() {
    let broken = TempFile::new("broken", &NL.replacen("\"tries\": 3", "\"tries\": 12", 1));
    let files = ["www/sets/snijders-nl.json", broken.name(), "no/such/set.json"];
    let (code, out) = run(&[&["validate", "--format", "json"][..], &files].concat());
    assert_eq!(code, 1, "{out}");
    let (_, text_report) = run(&[&["validate", "--format=text"][..], &files].concat());

    let report = json::parse(&out).unwrap_or_else(|e| panic!("one JSON document: {e:?}\n{out}"));
    let Value::Array(entries) = &report.value else { panic!("an array: {out}") };
    assert_eq!(entries.len(), 3);
    let field = |entry: &_, name: &str| json::Node::get(entry, name).unwrap_or_else(|| panic!("no {name} in {out}")).value.clone();
    let problems = |entry: &_| match field(entry, "problems") {
        Value::Array(list) => list,
        other => panic!("{other:?}"),
    };
    assert_eq!(field(&entries[0], "file"), Value::String("www/sets/snijders-nl.json".into()));
    assert_eq!(field(&entries[0], "ok"), Value::Bool(true));
    assert!(problems(&entries[0]).is_empty());

    assert_eq!(field(&entries[1], "ok"), Value::Bool(false));
    let [problem] = &problems(&entries[1])[..] else { panic!("one problem: {out}") };
    let (Value::Integer(line), Value::Integer(column)) = (field(problem, "line"), field(problem, "column")) else { panic!("{out}") };
    assert_eq!(field(problem, "path"), Value::String("settings.tries".into()));
    let Value::String(message) = field(problem, "message") else { panic!("{out}") };
    let keys: Vec<&str> = match &problem.value {
        Value::Object(members) => members.iter().map(|m| &*m.key).collect(),
        _ => panic!(),
    };
    assert_eq!(keys, ["line", "column", "path", "message"]);
    let as_text = format!("{}:{line}:{column}: settings.tries: {message}", broken.name());
    assert!(text_report.lines().any(|l| l == as_text), "the text report says the same: {as_text}\n{text_report}");

    let [unreadable] = &problems(&entries[2])[..] else { panic!("one problem: {out}") };
    assert_eq!(field(unreadable, "line"), Value::Null);
    assert_eq!(field(unreadable, "column"), Value::Null);
    assert!(matches!(field(unreadable, "message"), Value::String(m) if m.starts_with("cannot read the file")));
}

#[test]
fn fmt_check_passes_the_default_sets_and_changes_nothing() {
    let sets = ["www/sets/snijders-nl.json", "www/sets/snijders-en.json", "www/sets/template.json", "www/sets/template-nl.json"];
    let (code, out) = run(&[&["fmt", "--check"][..], &sets].concat());
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.matches(": already formatted").count(), 4, "{out}");

    let unformatted = TempFile::new("unformatted", &reversed(NL));
    let (code, out) = run(&["fmt", "--check", unformatted.name()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("{}: not formatted", unformatted.name())), "{out}");
    assert_eq!(unformatted.text(), reversed(NL), "--check writes nothing");
}

#[test]
fn fmt_rewrites_a_set_in_the_canonical_form_and_refuses_a_broken_one() {
    let unformatted = TempFile::new("reorder", &reversed(NL));
    let (code, out) = run(&["fmt", unformatted.name()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("{}: formatted", unformatted.name())), "{out}");
    assert_eq!(unformatted.text(), NL, "the default set is in the canonical form");

    let text = reversed(NL).replacen("\"quote\": \"", "\"quote\": \"not in the text ", 1);
    let broken = TempFile::new("refused", &text);
    let (code, out) = run(&["fmt", broken.name()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("quote is not found in the excerpt's text"), "its problems are listed: {out}");
    assert!(out.contains(&format!("{}: 1 problem(s); not formatted", broken.name())), "{out}");
    assert_eq!(broken.text(), text, "a set with problems is left as it is");
    assert_eq!(canonical(&text).map_err(|e| e.0.len()), Err(1));
}

#[test]
fn usage_mistakes_exit_with_status_two() {
    for args in [
        &["validate", "--format", "xml", "a.json"][..],
        &["validate", "--format"],
        &["fmt", "--chek", "a.json"],
        &["fmt"],
        &["schema", "x"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_diary-sort")).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}
