//! `diary-sort explain` as an instructor runs it on the default sets, in both languages: the
//! criteria with their evidence, the bin the rules give, the feedback for each bin at each check,
//! each lens's bin and why; as text and as JSON; and clear errors for ids the set does not have.

use std::process::Command;

use diary_sort::core::json::{self, Node, Value};

use crate::ROOT;

fn explain(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_diary-sort")).arg("explain").args(args).current_dir(ROOT).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

#[test]
fn the_dutch_set_explains_the_ex_prisoner_as_loneliness_not_atomisation() {
    let (code, out) = explain(&["www/sets/snijders-nl.json", "--excerpt", "andreev-kruiwagens"]);
    assert_eq!(code, 0, "{out}");
    for line in [
        "andreev-kruiwagens (essay, § Isolatie en manipulatie, voetnoot 18)",
        "    eenzaamheid: “Wat betreft kennissen in de stad, die had ik niet.”",
        "  Bak volgens de regels: ‘eenzaamheid’",
        "  In de bak ‘eenzaamheid’ (de juiste bak):",
        "    controles 1–3:",
        "  In de bak ‘atomisatie’:",
        "      Je legde dit fragment in ‘atomisatie’.",
        "      Het fragment toont er niet één van: een tegenstelling tussen het individu en de partij, een conflict tussen het ‘echte’ en het ‘publieke’ zelf, een organisatieverbod en een vrijwillige opgave van sociale banden.",
        "    controle 3:",
        "      Niet goed, en de controles zijn op.",
        "      Het juiste antwoord is ‘eenzaamheid’.",
        "    neo-revisionisten: ‘eenzaamheid’",
    ] {
        assert!(out.lines().any(|l| l == line), "{line:?} in\n{out}");
    }
    assert_eq!(out.matches("\n    controle 1:").count(), 3, "three wrong bins, each explained after the first check:\n{out}");
}

/// The JSON output's value at `key` of `node`.
fn at<'a>(node: &'a Node<'a>, key: &str) -> &'a Node<'a> {
    node.get(key).unwrap_or_else(|| panic!("no {key}"))
}

fn text<'a>(node: &'a Node<'a>) -> &'a str {
    match &node.value {
        Value::String(s) => s,
        other => panic!("not text: {other:?}"),
    }
}

fn items<'a>(node: &'a Node<'a>) -> &'a [Node<'a>] {
    match &node.value {
        Value::Array(items) => items,
        other => panic!("not a list: {other:?}"),
    }
}

#[test]
fn the_english_set_as_json_has_every_excerpt_bin_check_and_lens() {
    let (code, out) = explain(&["www/sets/snijders-en.json", "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let root = json::parse(&out).expect("JSON");
    let excerpts = items(&root);
    assert_eq!(excerpts.len(), 16, "every excerpt");
    let mask = excerpts.iter().find(|e| text(at(e, "excerpt")) == "krant-carnavalsmasker").expect("the carnival mask");
    assert_eq!(text(at(mask, "essay")), "essay, introduction (untitled), footnote 2");
    assert_eq!(text(at(mask, "bin")), "none");
    let criteria = items(at(mask, "criteria"));
    assert_eq!(text(at(&criteria[0], "criterion")), "real_vs_public_self");
    assert_eq!(text(at(&criteria[0], "quote")), "A carnival mask is in essence an invisibility mask.");
    for bin in ["loneliness", "internalisation", "atomisation", "none"] {
        assert_eq!(items(at(at(mask, "feedback"), bin)).len(), 3, "{bin}: one text per check");
    }
    let atomisation = items(at(at(mask, "feedback"), "atomisation"));
    assert!(text(&atomisation[0]).starts_with("Not right yet.\nYou put this excerpt in ‘atomisation’.\n"), "{}", text(&atomisation[0]));
    assert!(text(&atomisation[0]).contains("The excerpt does not show: loneliness."), "{}", text(&atomisation[0]));
    assert!(text(&atomisation[2]).contains("The right answer is ‘none of these’."), "{}", text(&atomisation[2]));
    let right = items(at(at(mask, "feedback"), "none"));
    assert!(text(&right[0]).starts_with("Right.\n") && right.iter().all(|t| text(t) == text(&right[0])), "the same at every check");
    let lenses = at(mask, "lenses");
    for lens in ["essay", "totalitarian", "revisionist", "neo-revisionist"] {
        assert_eq!(text(at(at(lenses, lens), "bin")), "none", "{lens}");
    }
    assert!(text(at(at(lenses, "revisionist"), "why")).starts_with("According to the revisionists: ‘none of these’."));
}

#[test]
fn a_lens_alone_and_ids_the_set_does_not_have() {
    let (code, out) = explain(&["www/sets/snijders-en.json", "--excerpt", "arzjilovski-gelukkig-land", "--lens", "revisionist"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("  Readings:\n    revisionists: ‘none of these’\n"), "{out}");
    assert!(!out.contains("totalitarians:"), "only the lens asked for:\n{out}");
    let (code, out) = explain(&["www/sets/snijders-en.json", "--excerpt", "nobody"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "diary-sort explain: www/sets/snijders-en.json has no excerpt `nobody`; its excerpt ids: `krant-carnavalsmasker`, "
        ),
        "{out}"
    );
    let (code, out) = explain(&["www/sets/snijders-en.json", "--lens", "marxist"]);
    assert_eq!(code, 1);
    assert!(out.contains("has no lens `marxist`; its lens ids: `essay`, `totalitarian`, `revisionist`, `neo-revisionist`"), "{out}");
    let (code, out) = explain(&["www/sets/snijders-en.json", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(out.contains("invalid value 'xml' for '--format <FORMAT>'") && out.contains("[possible values: text, json]"), "{out}");
    let (code, _) = explain(&["www/sets/snijders-en.json", "www/sets/snijders-nl.json"]);
    assert_eq!(code, 2, "one set at a time");
}
