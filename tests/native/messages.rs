//! The problem messages' tables: every kind in Dutch and English with the same placeholders, each
//! filled when the message is put into words, and a broken set's problems in Dutch as the Dutch
//! editor and a Dutch page show them.

use diary_sort::core::messages::{Kind, Message};
use diary_sort::core::set::{self, Problem};
use diary_sort::core::strings::{self, Lang};

const DUTCH_SET: &str = include_str!("../../www/sets/snijders-nl.json");

/// The placeholders of `template` that are names (`{field}`), not literal braces (`{ … }`).
fn names(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = strings::placeholders(template)
        .into_iter()
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// A message of `kind` with each placeholder's value its own name in angle brackets.
fn sample(kind: Kind) -> Message {
    Message::new(kind, kind.placeholders().map(|name| format!("<{name}>").into()).collect())
}

fn problems(text: &str) -> Vec<Problem> {
    set::load(text).expect_err("the set should not load").0
}

#[test]
fn every_kind_has_a_dutch_and_an_english_text_with_the_placeholders_it_is_given() {
    for &kind in Kind::ALL {
        let mut given: Vec<&str> = kind.placeholders().collect();
        given.sort_unstable();
        for lang in [Lang::Nl, Lang::En] {
            let template = kind.template(lang);
            assert!(!template.trim().is_empty(), "{kind:?} has no {lang:?} text");
            assert_eq!(names(template), given, "{kind:?} in {lang:?}: {template}");
            let text = sample(kind).text(lang);
            assert!(names(&text).is_empty(), "{kind:?} in {lang:?} keeps a placeholder: {text}");
            for name in &given {
                assert!(text.contains(&format!("<{name}>")), "{kind:?} in {lang:?} shows no {name}: {text}");
            }
        }
        if kind != Kind::Plain {
            assert_ne!(kind.template(Lang::Nl), kind.template(Lang::En), "{kind:?} is not translated");
        }
    }
}

#[test]
fn words_inside_a_message_are_in_its_language() {
    let message = Message::unknown_field("categroy", Message::did_you_mean("category"));
    assert_eq!(message.text(Lang::Nl), "onbekend veld `categroy`; bedoel je `category`?");
    assert_eq!(message.text(Lang::En), "unknown field `categroy`; did you mean `category`?");
    assert_eq!(message.to_string(), message.text(Lang::En), "the native tool writes English");
    let choice = Message::one_of(&["board", "quiz", "both"]);
    assert_eq!(choice.text(Lang::Nl), "`board` of `quiz` of `both`");
    assert_eq!(choice.text(Lang::En), "`board` or `quiz` or `both`");
}

#[test]
fn a_broken_dutch_set_has_its_problems_in_dutch_with_their_place() {
    let broken = DUTCH_SET.replacen("\"criterion\": \"real_vs_public_self\"", "\"criterion\": \"real_vs_publik_self\"", 1);
    let list = problems(&broken);
    let problem = list.iter().find(|p| p.path.ends_with(".criterion")).unwrap_or_else(|| panic!("{list:#?}"));
    let line = broken.lines().position(|l| l.contains("\"real_vs_publik_self\"")).unwrap() + 1;
    let column = broken.lines().nth(line - 1).unwrap().find("\"real_vs_publik_self\"").unwrap() + 1;
    assert_eq!(
        problem.text(Lang::Nl),
        format!("{line}:{column}: {}: het criterium `real_vs_publik_self` bestaat niet; bedoel je `real_vs_public_self`?", problem.path)
    );
    assert_eq!(
        problem.to_string(),
        format!("{line}:{column}: {}: criterion `real_vs_publik_self` does not exist; did you mean `real_vs_public_self`?", problem.path)
    );

    let not_json = problems("{\n  \"format\": 2,\n  \"id\" \"x\"\n}");
    assert_eq!(
        not_json[0].text(Lang::Nl),
        "3:8: dit is geen geldige JSON: na de veldnaam \"id\" hoort `:`, maar er staat `\"`",
        "a syntax error of the whole file: no path"
    );
}
