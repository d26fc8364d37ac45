//! Any text through the JSON parser alone: it never panics, every value it reads starts where
//! its position says (on the value's first character), and a syntax error points inside the
//! text or just past its end.
#![no_main]

use diary_sort::core::json::{self, Node, Pos, Value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines: Vec<Vec<char>> = text.split('\n').map(|line| line.chars().collect()).collect();
    let at = |pos: Pos| {
        let line = lines.get(pos.line.checked_sub(1)?)?;
        line.get(pos.column.checked_sub(1)?).copied()
    };
    match json::parse(&text) {
        Ok(root) => check(&root, &at),
        Err(e) => {
            let line = e.pos.line.checked_sub(1).and_then(|l| lines.get(l));
            let line = line.unwrap_or_else(|| panic!("{e:?} is not on a line of the text"));
            assert!((1..=line.len() + 1).contains(&e.pos.column), "{e:?} is past the end of its line");
        }
    }
});

/// Asserts that `node` and everything in it start on the character their positions name.
fn check(node: &Node, at: &dyn Fn(Pos) -> Option<char>) {
    let first = at(node.pos);
    let expected: &[char] = match &node.value {
        Value::Null => &['n'],
        Value::Bool(true) => &['t'],
        Value::Bool(false) => &['f'],
        Value::Integer(_) | Value::Number(_) => &['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
        Value::String(_) => &['"'],
        Value::Array(_) => &['['],
        Value::Object(_) => &['{'],
    };
    assert!(first.is_some_and(|c| expected.contains(&c)), "{:?} at {:?} starts with {first:?}", node.value, node.pos);
    match &node.value {
        Value::Array(items) => items.iter().for_each(|item| check(item, at)),
        Value::Object(members) => members.iter().for_each(|m| {
            assert_eq!(at(m.pos), Some('"'), "the key {:?} at {:?}", m.key, m.pos);
            check(&m.value, at);
        }),
        _ => {}
    }
}
