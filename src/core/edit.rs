//! Edits of a set's text that keep the author's formatting: adding or removing a piece of
//! evidence, appending excerpts. Each edit is a [`Splice`] (replace one stretch of the text), so
//! everything outside that stretch stays byte for byte as the author wrote it; what is inserted
//! copies the layout of its neighbours (one item a line or all on one line, the indentation and
//! the separator between items), and is written as `diary-sort fmt` writes where there is no
//! neighbour to copy.
//!
//! The set editor (`www/editor.html`, through the module's editor build) and `diary-sort import`
//! make their changes here; the JSON tree of [`json`] gives where each value starts, and
//! [`value_end`] where it ends.

use crate::core::json::{self, Member, Node, Value};
use crate::core::set::EXCERPT_FIELDS;

/// One change of a text: the bytes `start..end` replaced by `insert`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    /// Byte offset where the replaced stretch starts.
    pub start: usize,
    /// Byte offset where it ends (equal to `start` for an insertion).
    pub end: usize,
    /// The text put in its place.
    pub insert: String,
}

impl Splice {
    /// `text` with the change made.
    pub fn apply(&self, text: &str) -> String {
        [&text[..self.start], &self.insert, &text[self.end..]].concat()
    }

    /// `start` and `end` counted in UTF-16 code units, as a browser's text field counts them.
    pub fn utf16_range(&self, text: &str) -> (usize, usize) {
        let start = text[..self.start].encode_utf16().count();
        (start, start + text[self.start..self.end].encode_utf16().count())
    }
}

/// Why an evidence edit cannot be made. [`EditError::code`] names each for a page's own string
/// tables.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The set's text is not JSON.
    #[error("the set's text is not JSON: fix its syntax first")]
    Unreadable,
    /// No excerpt has this id.
    #[error("no excerpt has the id `{0}`")]
    NoExcerpt(String),
    /// No criterion has this id.
    #[error("criterion `{0}` does not exist")]
    NoCriterion(String),
    /// Nothing is selected.
    #[error("the quote is empty: select the words that show the criterion")]
    EmptyQuote,
    /// The words are not in the excerpt's text.
    #[error("the quote is not found in the excerpt's text")]
    NotInText,
    /// The excerpt already lists the criterion.
    #[error("the excerpt already lists criterion `{0}`: remove that evidence first")]
    AlreadyListed(String),
    /// The excerpt does not list the criterion.
    #[error("the excerpt lists no evidence for criterion `{0}`")]
    NotListed(String),
}

impl EditError {
    /// A stable name of the kind of error (`notInText`, …), for a page's string tables.
    pub fn code(&self) -> &'static str {
        match self {
            EditError::Unreadable => "unreadable",
            EditError::NoExcerpt(_) => "noExcerpt",
            EditError::NoCriterion(_) => "noCriterion",
            EditError::EmptyQuote => "emptyQuote",
            EditError::NotInText => "notInText",
            EditError::AlreadyListed(_) => "alreadyListed",
            EditError::NotListed(_) => "notListed",
        }
    }
}

/// What an author marks evidence in: the set's criteria and excerpts as the text has them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outline {
    /// Each criterion's id and label.
    pub criteria: Vec<(String, String)>,
    /// The excerpts, in the set's order.
    pub excerpts: Vec<OutlineExcerpt>,
}

/// One excerpt of an [`Outline`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineExcerpt {
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Its evidence: each criterion id with its quote.
    pub evidence: Vec<(String, String)>,
}

/// The criteria and excerpts of the set `text`, read from its JSON alone (a set with problems
/// has them too, so an author can mark evidence while fixing it); entries without an id, and
/// excerpts without a text, are left out. `None` when the text is not JSON.
pub fn outline(text: &str) -> Option<Outline> {
    let root = json::parse(text).ok()?;
    let list = |name: &str| match root.get(name) {
        Some(Node { value: Value::Array(items), .. }) => items.as_slice(),
        _ => &[],
    };
    let pair = |n: &Node<'_>, a: &str, b: &str| Some((string(n.get(a))?.to_string(), string(n.get(b)).unwrap_or_default().to_string()));
    let criteria = list("criteria").iter().filter_map(|c| pair(c, "id", "label")).collect();
    let excerpts = list("excerpts")
        .iter()
        .filter_map(|e| {
            let evidence = listed(e).iter().filter_map(|ev| pair(ev, "criterion", "quote")).collect();
            Some(OutlineExcerpt { id: string(e.get("id"))?.to_string(), text: string(e.get("text"))?.to_string(), evidence })
        })
        .collect();
    Some(Outline { criteria, excerpts })
}

/// The words of `text` that `selected` stands for: `selected` itself when the text holds it,
/// else the stretch of the text that reads the same once runs of white space are taken as one
/// space (a browser's selection of a card joins the lines of a paragraph with spaces). `None`
/// when the text has no such stretch or `selected` is blank.
pub fn find_quote<'t>(text: &'t str, selected: &str) -> Option<&'t str> {
    let selected = selected.trim();
    if selected.is_empty() {
        return None;
    }
    if let Some(at) = text.find(selected) {
        return Some(&text[at..at + selected.len()]);
    }
    let words: Vec<&str> = selected.split_whitespace().collect();
    let starts = text.match_indices(words[0]).map(|(at, _)| at);
    starts.into_iter().find_map(|start| {
        let mut at = start;
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                let rest = &text[at..];
                let gap = rest.len() - rest.trim_start().len();
                if gap == 0 {
                    return None;
                }
                at += gap;
            }
            if !text[at..].starts_with(word) {
                return None;
            }
            at += word.len();
        }
        Some(&text[start..at])
    })
}

/// Adds evidence that excerpt `excerpt` shows criterion `criterion`, in the words `quote` (which
/// must be in its text), to the end of the excerpt's `evidence` (made when it has none). The
/// set need not load, only be JSON with the excerpt and the criterion in it (an author fixing a
/// set marks evidence too).
pub fn add_evidence(text: &str, excerpt: &str, criterion: &str, quote: &str) -> Result<Splice, EditError> {
    let root = tree(text)?;
    let node = excerpt_in(&root, excerpt)?;
    let criteria = match root.get("criteria") {
        Some(Node { value: Value::Array(items), .. }) => items.as_slice(),
        _ => &[],
    };
    if !criteria.iter().any(|c| string(c.get("id")) == Some(criterion)) {
        return Err(EditError::NoCriterion(criterion.to_string()));
    }
    if quote.trim().is_empty() {
        return Err(EditError::EmptyQuote);
    }
    if !string(node.get("text")).is_some_and(|t| t.contains(quote)) {
        return Err(EditError::NotInText);
    }
    if listed(node).iter().any(|e| string(e.get("criterion")) == Some(criterion)) {
        return Err(EditError::AlreadyListed(criterion.to_string()));
    }
    let item = Value::object([("criterion", Value::String(criterion.into())), ("quote", Value::String(quote.into()))]);
    Ok(match node.get("evidence") {
        Some(Node { value: Value::Array(items), at }) => append_items(text, &root, *at, items, &[item]),
        // Evidence that is not a list (`null`, a mistake) is replaced by one.
        Some(old) => {
            let Value::Object(members) = &node.value else { unreachable!("only an object has a member") };
            let member = members.iter().find(|m| m.key == "evidence").map_or(old.at, |m| m.at);
            let start = member;
            let layout = Layout::like(text, span_text(text, node), line_indent(text, start), &root);
            Splice { start, end: value_end(text, old.at), insert: layout.member("evidence", &Value::array([item])) }
        }
        None => insert_member(text, &root, node, "evidence", Value::array([item])),
    })
}

/// Removes the evidence for criterion `criterion` from excerpt `excerpt` (with the separator
/// before it, or after it when it is the first); the list stays, empty when it was the last.
pub fn remove_evidence(text: &str, excerpt: &str, criterion: &str) -> Result<Splice, EditError> {
    let root = tree(text)?;
    let node = excerpt_in(&root, excerpt)?;
    let items = listed(node);
    let Some(j) = items.iter().position(|e| string(e.get("criterion")) == Some(criterion)) else {
        return Err(EditError::NotListed(criterion.to_string()));
    };
    let span = |n: &Node<'_>| {
        let start = n.at;
        (start, value_end(text, start))
    };
    let (start, end) = match (j, items.len()) {
        (_, 1) => {
            let open = node.get("evidence").map_or(root.at, |list| list.at);
            (open + 1, value_end(text, open) - 1)
        }
        (0, _) => (span(&items[0]).0, span(&items[1]).0),
        (j, _) => (span(&items[j - 1]).1, span(&items[j]).1),
    };
    Ok(Splice { start, end, insert: String::new() })
}

/// The text of a string node.
fn string<'a>(node: Option<&'a Node<'_>>) -> Option<&'a str> {
    match node.map(|n| &n.value) {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

/// The items of an excerpt's `evidence` (none when it is not a list).
fn listed<'a, 't>(excerpt: &'a Node<'t>) -> &'a [Node<'t>] {
    match excerpt.get("evidence") {
        Some(Node { value: Value::Array(items), .. }) => items,
        _ => &[],
    }
}

/// The tree of `text`.
fn tree(text: &str) -> Result<Node<'_>, EditError> {
    json::parse(text).map_err(|_| EditError::Unreadable)
}

/// The first excerpt of the set `root` with the id `id`.
fn excerpt_in<'r, 't>(root: &'r Node<'t>, id: &str) -> Result<&'r Node<'t>, EditError> {
    let excerpts = match root.get("excerpts") {
        Some(Node { value: Value::Array(items), .. }) => items.as_slice(),
        _ => &[],
    };
    excerpts.iter().find(|e| string(e.get("id")) == Some(id)).ok_or_else(|| EditError::NoExcerpt(id.to_string()))
}

/// Appends `values` to the list that starts at `pos` with `items` (of the tree `root` of
/// `text`), laid out as its items are.
pub fn append_items(text: &str, root: &Node<'_>, open: usize, items: &[Node<'_>], values: &[Value<'_>]) -> Splice {
    let close = value_end(text, open) - 1;
    let Some(last) = items.last() else {
        return fill_empty(text, root, open, close, values.iter().map(|v| (None, v)));
    };
    let last_start = last.at;
    let last_end = value_end(text, last_start);
    let separator = separator(text, open, items.iter().map(|n| n.at));
    let layout = Layout::like(text, &text[last_start..last_end], line_indent(text, last_start), root);
    let mut insert = String::new();
    for value in values {
        insert.push_str(&separator);
        insert.push_str(&layout.write(value));
    }
    Splice { start: last_end, end: last_end, insert }
}

/// Adds member `key` with `value` to the object `object`, after the last member that comes
/// before it in the format's order of an excerpt's fields (first when none does).
fn insert_member(text: &str, root: &Node<'_>, object: &Node<'_>, key: &str, value: Value<'_>) -> Splice {
    let Value::Object(members) = &object.value else { unreachable!("an excerpt that loads is an object") };
    let rank = |k: &str| EXCERPT_FIELDS.iter().position(|f| *f == k);
    let after = members.iter().rposition(|m| rank(&m.key).is_some_and(|r| Some(r) < rank(key)));
    let open = object.at;
    if members.is_empty() {
        return fill_empty(text, root, open, value_end(text, open) - 1, [(Some(key), &value)].into_iter());
    }
    let separator = separator(text, open, members.iter().map(|m| m.at));
    let neighbour = &members[after.unwrap_or(0)];
    let member_start = neighbour.at;
    let layout = Layout::like(text, span_text(text, object), line_indent(text, member_start), root);
    let written = layout.member(key, &value);
    match after {
        Some(a) => {
            let at = member_end(text, &members[a]);
            Splice { start: at, end: at, insert: [separator.as_str(), &written].concat() }
        }
        None => Splice { start: member_start, end: member_start, insert: [written.as_str(), &separator].concat() },
    }
}

/// Fills the empty list or object whose brackets are at `open` and `close` with `entries` (a
/// member's key and value, or an item's value), one a line, indented one step deeper than the
/// line of the opening bracket.
fn fill_empty<'v, 't: 'v>(
    text: &str,
    root: &Node<'_>,
    open: usize,
    close: usize,
    entries: impl Iterator<Item = (Option<&'v str>, &'v Value<'t>)>,
) -> Splice {
    let outer = line_indent(text, open);
    let layout = Layout { indent: [outer, &indent_unit(text, root)].concat(), unit: indent_unit(text, root), one_line: None };
    let written: Vec<String> = entries
        .map(|(key, value)| match key {
            Some(key) => layout.member(key, value),
            None => layout.write(value),
        })
        .collect();
    let inner = ["\n", &layout.indent].concat();
    let insert = [inner.as_str(), &written.join(&[",", &inner].concat()), "\n", outer].concat();
    Splice { start: open + 1, end: close, insert }
}

/// What goes between two items of a list (or members of an object) whose brackets open at
/// `open` and whose entries start at `starts`: the text between the last two entries after the
/// comma that ends the first, or, with one entry, the white space between the bracket and it.
fn separator(text: &str, open: usize, starts: impl DoubleEndedIterator<Item = usize>) -> String {
    let mut starts = starts.rev();
    let last = starts.next().map_or(open + 1, |p| p);
    match starts.next() {
        Some(before) => {
            let between = &text[before..last];
            let comma = between.rfind(',').map_or(between.len(), |c| c + 1);
            [",", &between[comma..]].concat()
        }
        None => {
            let space = &text[open + 1..last];
            [",", if space.is_empty() { " " } else { space }].concat()
        }
    }
}

/// The text of the value `node`.
fn span_text<'t>(text: &'t str, node: &Node<'_>) -> &'t str {
    let start = node.at;
    &text[start..value_end(text, start)]
}

/// Where member `m`'s value ends.
fn member_end(text: &str, m: &Member<'_>) -> usize {
    value_end(text, m.value.at)
}

/// How a new value is written: at which indentation, with which indentation step, and on one
/// line (with or without a space inside its brackets) or one member or item a line.
struct Layout {
    /// The indentation of the line the value starts on.
    indent: String,
    /// One step of indentation.
    unit: String,
    /// `Some(padded)`: all on one line, with a space inside the brackets when `padded`.
    one_line: Option<bool>,
}

impl Layout {
    /// The layout of the neighbour `example` (the text of an item or member) at `indent`.
    fn like(text: &str, example: &str, indent: &str, root: &Node<'_>) -> Layout {
        let one_line = (!example.contains('\n')).then(|| example.contains("{ ") || example.contains("[ "));
        Layout { indent: indent.to_string(), unit: indent_unit(text, root), one_line }
    }

    /// `value` written in this layout.
    fn write(&self, value: &Value<'_>) -> String {
        let pretty = json::write(value);
        match self.one_line {
            Some(padded) => one_line(&pretty, padded),
            None => pretty
                .lines()
                .enumerate()
                .map(|(i, line)| {
                    let content = line.trim_start_matches(' ');
                    let depth = (line.len() - content.len()) / 2;
                    if i == 0 { content.to_string() } else { ["\n", &self.indent, &self.unit.repeat(depth), content].concat() }
                })
                .collect(),
        }
    }

    /// A member `"key": value` written in this layout.
    fn member(&self, key: &str, value: &Value<'_>) -> String {
        let key = json::write(&Value::String(key.into()));
        [key.as_str(), ": ", &self.write(value)].concat()
    }
}

/// A value written one member or item a line (by [`json::write`]) put on one line: entries
/// separated by `, `, with a space inside non-empty brackets when `padded`.
fn one_line(pretty: &str, padded: bool) -> String {
    let pad = if padded { " " } else { "" };
    let mut out = String::new();
    for line in pretty.lines().map(str::trim_start) {
        let opens_before = out.ends_with(['{', '[']);
        if line.starts_with(['}', ']']) || opens_before {
            out.push_str(pad);
        } else if out.ends_with(',') {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// The white space at the start of the line that byte `at` is on.
fn line_indent(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let line = &text[start..];
    &line[..line.len() - line.trim_start_matches([' ', '\t']).len()]
}

/// The file's step of indentation: the indentation of the root's first member when it starts a
/// line of its own, else two spaces.
fn indent_unit(text: &str, root: &Node<'_>) -> String {
    let first = match &root.value {
        Value::Object(members) => members.first().map(|m| m.at),
        _ => None,
    };
    match first.map(|at| line_indent(text, at)) {
        Some(unit) if !unit.is_empty() && text[..first.unwrap_or(0)].ends_with(unit) => unit.to_string(),
        _ => "  ".to_string(),
    }
}

/// The byte offset just past the JSON value that starts at byte `start` of `text` (a text that
/// parses: strings end at their closing quote, lists and objects at their closing bracket).
pub fn value_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = start;
    let mut in_string = false;
    while at < bytes.len() {
        let b = bytes[at];
        at += 1;
        if in_string {
            match b {
                b'\\' => at += 1,
                b'"' => {
                    in_string = false;
                    if depth == 0 {
                        return at;
                    }
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r' if depth == 0 => return at - 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return at;
                }
            }
            _ => {}
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_end_skips_strings_and_nesting() {
        let text = r#"{"a": [1, "x\"]", {"b": "}"}], "c": 25, "d": true}"#;
        let end = |from: &str| {
            let start = text.find(from).unwrap();
            &text[start..value_end(text, start)]
        };
        assert_eq!(end("[1"), r#"[1, "x\"]", {"b": "}"}]"#);
        assert_eq!(end("\"x"), r#""x\"]""#);
        assert_eq!(end("25"), "25");
        assert_eq!(end("true"), "true");
        assert_eq!(end("{\"a"), text);
    }

    #[test]
    fn a_quote_is_found_across_line_breaks() {
        let text = "Here I am\nalone,  quite alone.";
        assert_eq!(find_quote(text, "I am"), Some("I am"));
        assert_eq!(find_quote(text, " am alone, quite "), Some("am\nalone,  quite"));
        assert_eq!(find_quote(text, "am alone. "), None);
        assert_eq!(find_quote(text, "  "), None);
    }

    #[test]
    fn one_line_keeps_the_padding_asked_for() {
        let value = Value::object([("a", Value::Integer(1)), ("b", Value::array([Value::Bool(true)]))]);
        let pretty = json::write(&value);
        assert_eq!(one_line(&pretty, false), r#"{"a": 1, "b": [true]}"#);
        assert_eq!(one_line(&pretty, true), r#"{ "a": 1, "b": [ true ] }"#);
    }
}
