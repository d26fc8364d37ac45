//! A set's own wording (`strings`): an override reaches the interface texts, the announcements
//! and the feedback in its language and no other; a wrong language, name or placeholder is

//! reported at its path, line and column.

use diary_sort::core::board::{Board, Msg};
use diary_sort::core::exercise::Effect;
use diary_sort::core::feedback::{self, Span, Stage};
use diary_sort::core::set::{self, Problem, Set};
use diary_sort::core::strings::{self, Key, Lang};

const MINI: &str = include_str!("../fixtures/mini.json");

/// The mini set with `strings` set to `json`.
fn with_strings(json: &str) -> String {
    let end = MINI.rfind('}').unwrap();
    format!("{},\n  \"strings\": {json}\n}}\n", MINI[..end].trim_end())
}

fn load(text: &str) -> Set {
    set::load(text).unwrap_or_else(|e| panic!("{:#?}", e.0))
}

fn problems(text: &str) -> Vec<Problem> {
    match set::load(text) {
        Ok(_) => panic!("the set should not load"),
        Err(e) => e.0,
    }
}

/// The 1-based line and column where `needle` starts in `text`.
fn line_col(text: &str, needle: &str) -> (Option<usize>, Option<usize>) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"));
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (Some(line), Some(column))
}

/// All text of a piece of feedback, spans joined.
fn all_text(fb: &feedback::Feedback) -> String {
    fb.paragraphs
        .iter()
        .flatten()
        .map(|s| match s {
            Span::Text(t) | Span::Quote(t) | Span::Cite(t) => t.as_str(),
        })
        .collect::<Vec<_>>()
        .join("|")
}

const OVERRIDES: &str = r#"{
    "en": {
      "check": "Submit answers",
      "rule_is": "Bin {bin} wants {rule}.",
      "placed": "Moved to {bin}.",
      "and": "plus"
    },
    "nl": { "check": "Inleveren" }
  }"#;

#[test]
fn an_override_is_the_interface_text_in_its_language_only() {
    let set = load(&with_strings(OVERRIDES));
    assert_eq!(set.wording(Lang::En).get(Key::Check), "Submit answers");
    assert_eq!(set.wording(Lang::Nl).get(Key::Check), "Inleveren");
    assert_eq!(set.wording(Lang::Nl).get(Key::Placed), strings::get(Lang::Nl, Key::Placed), "no Dutch override: built in");
    assert_eq!(set.wording(Lang::En).get(Key::Restart), "Start again", "a text not overridden stays built in");
    let board = Board::new(set, Lang::En, 1);
    assert_eq!(board.wording().get(Key::Check), "Submit answers", "the board speaks the set's wording");
}

#[test]
fn an_override_shows_up_in_announcements_and_feedback() {
    let set = load(&with_strings(OVERRIDES));
    // `alone` (excerpt 0) belongs in loneliness; in atomisation (bin 2) the rule is explained.
    let fb = feedback::wrong(&set, Lang::En, 0, 2, Stage::Explain);
    let text = all_text(&fb);
    assert!(text.contains("Bin atomisation wants loneliness plus individual against party."), "{text}");
    assert!(!text.contains("requires"), "the built-in sentence is gone: {text}");
    let dutch = all_text(&feedback::wrong(&set, Lang::Nl, 0, 2, Stage::Explain));
    assert!(dutch.contains("De bak ‘atomisation’ vraagt loneliness en individual against party."), "Dutch stays built in: {dutch}");

    let mut board = Board::new(set, Lang::En, 1);
    let effects = board.apply(Msg::Place(0, Some(0)));
    assert!(effects.contains(&Effect::Announce("Moved to loneliness.".into())), "{effects:?}");
}

#[test]
fn a_template_may_leave_out_a_placeholder_its_text_has() {
    let set = load(&with_strings(r#"{ "en": { "placed": "Moved." } }"#));
    let mut board = Board::new(set, Lang::En, 1);
    let effects = board.apply(Msg::Place(0, Some(0)));
    assert!(effects.contains(&Effect::Announce("Moved.".into())), "{effects:?}");
}

#[test]
fn unknown_languages_and_names_are_reported_with_did_you_mean_at_their_line() {
    let text = with_strings(
        r#"{
    "eng": { "check": "Submit" },
    "en": { "chek": "Submit", "zzz": "?" }
  }"#,
    );
    let list = problems(&text);
    assert_eq!(list.len(), 3, "{list:#?}");
    let find = |path: &str| list.iter().find(|p| p.path == path).unwrap_or_else(|| panic!("no {path}: {list:#?}"));
    let lang = find("strings.eng");
    assert_eq!(lang.message.to_string(), "unknown language `eng`; did you mean `en`?; the languages are `nl` and `en`");
    assert_eq!((lang.line, lang.column), line_col(&text, "\"eng\""));
    let key = find("strings.en.chek");
    assert_eq!(key.message.to_string(), "unknown text `chek`; did you mean `check`?");
    assert_eq!((key.line, key.column), line_col(&text, "\"chek\""));
    assert_eq!(
        find("strings.en.zzz").message.to_string(),
        "unknown text `zzz`; the names are listed in docs/instructors.md and the schema"
    );
}

#[test]
fn a_placeholder_the_text_does_not_have_is_reported_with_the_ones_it_has() {
    let text = with_strings(r#"{ "en": { "placed": "{kard} went to {bin}.", "check": "Check {n}" } }"#);
    let list = problems(&text);
    let placed = list.iter().find(|p| p.path == "strings.en.placed").expect("placed reported");
    assert_eq!(placed.message.to_string(), "`{kard}` is not a placeholder of `placed`; did you mean `card`?; it has {card}, {bin}");
    assert_eq!((placed.line, placed.column), line_col(&text, "\"{kard}"));
    let check = list.iter().find(|p| p.path == "strings.en.check").expect("check reported");
    assert_eq!(check.message.to_string(), "`{n}` is not a placeholder of `check`; it has none");
    assert_eq!(list.len(), 2, "{list:#?}");
    assert_eq!(list[0].to_string(), format!("{}:{}: strings.en.placed: {}", placed.line.unwrap(), placed.column.unwrap(), placed.message));
}

#[test]
fn texts_of_the_wrong_kind_blank_or_repeated_are_reported() {
    let list = problems(&with_strings(r#"{ "en": { "check": 5, "restart": " ", "pool": "A", "pool": "B" }, "nl": [] }"#));
    let messages: Vec<(&str, String)> = list.iter().map(|p| (p.path.as_str(), p.message.to_string())).collect();
    let has = |path: &str, message: &str| messages.iter().any(|(p, m)| *p == path && m == message);
    assert!(has("strings.en.check", "expected text in quotes, found 5"), "{messages:?}");
    assert!(has("strings.en.restart", "the text is empty"), "{messages:?}");
    assert!(has("strings.en.pool", "`pool` appears twice"), "{messages:?}");
    assert!(has("strings.nl", "expected an object { … } of texts by name, found a list [ … ]"), "{messages:?}");
    assert!(problems(&with_strings("\"en\"")).iter().any(|p| p.path == "strings"), "strings itself must be an object");
}

#[test]
fn every_text_has_a_unique_snake_case_name_and_the_same_placeholders_in_both_languages() {
    let mut names: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
    assert!(names.iter().all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_')), "{names:?}");
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Key::ALL.len(), "names are unique");
    for &key in Key::ALL {
        let mut nl = strings::placeholders(strings::get(Lang::Nl, key));
        let mut en = strings::placeholders(strings::get(Lang::En, key));
        nl.sort_unstable();
        en.sort_unstable();
        assert_eq!(nl, en, "{}", key.name());
    }
}

#[test]
fn the_instructors_guide_has_the_table_the_code_makes() {
    let guide = include_str!("../../docs/instructors.md");
    let start = guide.find("<!-- strings table:").expect("docs/instructors.md has the table");
    let start = start + guide[start..].find('\n').expect("the table follows its comment") + 1;
    let end = guide.find("<!-- end of strings table -->").expect("the table ends");
    let mut table = String::from("| name | placeholders | built-in English |\n|---|---|---|\n");
    for &key in Key::ALL {
        let text = strings::get(Lang::En, key);
        let placeholders: Vec<String> = strings::placeholders(text).iter().map(|p| format!("{{{p}}}")).collect();
        table.push_str(&format!("| `{}` | {} | {} |\n", key.name(), placeholders.join(", "), text.replace('|', "\\|")));
    }
    assert!(guide[start..end] == table, "the strings table in docs/instructors.md is not the code's; replace it with:\n{table}");
}

/// The board's module has no text for a key marked `quiz` in the string table: only the quiz's
/// code (left out of that module) may use one, or a board would show an empty button.
#[test]
fn keys_marked_quiz_are_used_only_by_the_quiz() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = std::fs::read_to_string(root.join("src/core/strings.rs")).expect("src/core/strings.rs");
    let marked: Vec<String> = table
        .lines()
        .filter_map(|line| {
            let (key, rest) = line.trim_start().split_once(' ')?;
            let (_name, rest) = rest.split_once("\" ")?;
            rest.starts_with("quiz =>").then(|| format!("Key::{key}"))
        })
        .collect();
    assert!(marked.len() > 50, "the table's keys marked `quiz` are found ({})", marked.len());
    let quiz_code = ["src/core/quiz.rs", "src/web/quiz_view.rs", "src/web/quiz_events.rs", "src/web/marking.rs"];
    let mut dirs = vec![root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let relative = path.strip_prefix(root).expect("under the package").to_string_lossy().replace('\\', "/");
            if quiz_code.contains(&relative.as_str()) || relative == "src/core/strings.rs" || !relative.ends_with(".rs") {
                continue;
            }
            let code = std::fs::read_to_string(&path).expect("a source file");
            for key in &marked {
                let used = code
                    .match_indices(key.as_str())
                    .any(|(at, _)| !code[at + key.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'));
                assert!(!used, "{relative} uses {key}, marked `quiz` in src/core/strings.rs: the board's module has no text for it");
            }
        }
    }
}
