//! Any text through the JSON parser alone: it never panics, every value it reads starts where
//! its byte offset says (on the value's first character), the line and column [`Positions`]
//! gives for that offset name the same character, and a syntax error points inside the text or
//! just past its end.
#![no_main]

use diary_sort::core::json::{self, Node, Pos, Positions, Value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines: Vec<Vec<char>> = text.split('\n').map(|line| line.chars().collect()).collect();
    let at = |pos: Pos| {
        let line = lines.get(pos.line.checked_sub(1)?)?;
        line.get(pos.column.checked_sub(1)?).copied()
    };
    match json::parse(&text) {
        Ok(root) => check(&root, &text, &mut Positions::new(&text), &at),
        Err(e) => {
            let line = e.pos.line.checked_sub(1).and_then(|l| lines.get(l));
            let line = line.unwrap_or_else(|| panic!("{e:?} is not on a line of the text"));
            assert!((1..=line.len() + 1).contains(&e.pos.column), "{e:?} is past the end of its line");
        }
    }
});

/// Asserts that `node` and everything in it start on the character their offsets name, and
/// that their lines and columns name it too.
fn check(node: &Node<'_>, text: &str, positions: &mut Positions, at: &dyn Fn(Pos) -> Option<char>) {
    let first = text.get(node.at..).and_then(|rest| rest.chars().next());
    let expected: &[char] = match &node.value {
        Value::Null => &['n'],
        Value::Bool(true) => &['t'],
        Value::Bool(false) => &['f'],
        Value::Integer(_) | Value::Number(_) => &['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
        Value::String(_) => &['"'],
        Value::Array(_) => &['['],
        Value::Object(_) => &['{'],
    };
    assert!(first.is_some_and(|c| expected.contains(&c)), "{:?} at byte {} starts with {first:?}", node.value, node.at);
    let pos = positions.pos(node.at);
    assert_eq!(at(pos), first, "{:?} at byte {} is at {pos:?}", node.value, node.at);
    match &node.value {
        Value::Array(items) => items.iter().for_each(|item| check(item, text, positions, at)),
        Value::Object(members) => members.iter().for_each(|m| {
            let pos = positions.pos(m.at);
            assert_eq!(text.get(m.at..m.at + 1), Some("\""), "the key {:?} at byte {}", m.key, m.at);
            assert_eq!(at(pos), Some('"'), "the key {:?} at byte {} is at {pos:?}", m.key, m.at);
            check(&m.value, text, positions, at);
        }),
        _ => {}
    }
}
