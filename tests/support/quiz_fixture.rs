//! The quiz fixture (`tests/fixtures/quiz.json`) with fields changed: shared by the quiz's
//! native tests and its property tests, which include this file with `#[path]`.

use diary_sort::core::json::{self, Member, Node, Value};
use diary_sort::core::set::{self, Set};

/// The quiz fixture's text.
pub const QUIZ: &str = include_str!("../fixtures/quiz.json");

/// The quiz fixture with each `(path, json)` applied: `path` names a field by its keys joined
/// with dots (`quiz.certainty`), `json` is its new value as JSON text, or `-` to leave it out.
pub fn quiz_set(edits: &[(&str, &str)]) -> Set {
    let mut root = json::parse(QUIZ).expect("the fixture is JSON");
    for (path, value) in edits {
        let mut node = &mut root;
        let keys: Vec<&str> = path.split('.').collect();
        let (last, parents) = keys.split_last().expect("a path");
        for key in parents {
            let Value::Object(members) = &mut node.value else { panic!("{path}: {key} is not in an object") };
            node = &mut members.iter_mut().find(|m| m.key == *key).unwrap_or_else(|| panic!("{path}: no {key}")).value;
        }
        let Value::Object(members) = &mut node.value else { panic!("{path}: not an object") };
        members.retain(|m| m.key != *last);
        if *value != "-" {
            let value = json::parse(value).unwrap_or_else(|e| panic!("{path}: {value} is not JSON: {e:?}"));
            members.push(Member { key: last.to_string().into(), at: value.at, value: Node::made(value.value) });
        }
    }
    set::load(&json::write(&root.value)).unwrap_or_else(|e| panic!("{edits:?}: {:#?}", e.0))
}
