//! A small, strict JSON parser (RFC 8259) that remembers where every value starts, so that an
//! exercise set's problems can point at the line and column an instructor has to edit.
//!
//! The tree keeps object members in their order, duplicates included (the reader decides what a
//! repeated field means). Integers become `i64` without passing through floating point; any
//! other number (a fraction, an exponent, an integer beyond `i64`) is kept as written. Nesting
//! deeper than [`MAX_NESTING`] is refused, so hostile input cannot exhaust the stack; so is a
//! list longer than [`MAX_LIST_ITEMS`], a text longer than [`MAX_STRING_BYTES`] and a document
//! of more than [`MAX_VALUES`] values, each as soon as the parser reaches the limit, before the
//! reader builds anything from them (a few megabytes of `{},` would otherwise keep a page busy
//! for seconds). Syntax errors carry a position, the JSON path of the value they are in, and a
//! message meant for someone who does not program.
//!
//! The tree borrows from the text: a value keeps the byte offset where it starts, and a text in
//! quotes or a number is a slice of the text unless it has escapes to decode. Line and column
//! are counted by [`Positions`] only for what is reported, so a set of 10,000 excerpts that
//! loads costs one pass over its bytes and no copy of them (counting every value's line and
//! column and copying every text took most of the time the browser spent on such a set).
//!
//! A leading byte-order mark is skipped (RFC 8259 §8.1 allows it; Windows editors write one).
//!
//! The native tool also makes values and writes them (the JSON Schema, `diary-sort fmt`,
//! `validate --format json`), and so do the edits of a set (`core::edit`, for `diary-sort
//! import` and the set editor's build); that part is not in the students' module.

use std::borrow::Cow;

use crate::core::messages::{Arg, Message};

/// The deepest nesting of lists and objects accepted.
pub const MAX_NESTING: usize = 128;

/// The most items one list may hold (a set's largest list, `excerpts`, may hold 10,000).
pub const MAX_LIST_ITEMS: usize = 10_000;

/// The most values (lists, objects, texts, numbers, literals; object keys not counted) a
/// document may hold: a set of 10,000 excerpts with a source, an essay reference and two
/// pieces of evidence each has about 200,000.
pub const MAX_VALUES: usize = 400_000;

/// The longest text in quotes accepted, in bytes of UTF-8 as written (escapes count as written).
pub const MAX_STRING_BYTES: usize = 256 * 1024;

/// A position in the text: 1-based line and 1-based column, counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters (not bytes), from 1.
    pub column: usize,
}

/// A value with where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node<'t> {
    /// Byte offset of the value's first character in the text ([`Positions`] gives its line and
    /// column); 0 for a value made by a program.
    pub at: usize,
    /// The value.
    pub value: Value<'t>,
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'t> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number without fraction or exponent that fits in an `i64`.
    Integer(i64),
    /// Any other number, exactly as written (`2.5`, `1e3`, `99999999999999999999`).
    Number(Cow<'t, str>),
    /// A string, escapes decoded (a slice of the text when it has none).
    String(Cow<'t, str>),
    /// An array.
    Array(Vec<Node<'t>>),
    /// An object's members in the order written.
    Object(Vec<Member<'t>>),
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member<'t> {
    /// The key, escapes decoded.
    pub key: Cow<'t, str>,
    /// Byte offset of the key's opening quote.
    pub at: usize,
    /// The value.
    pub value: Node<'t>,
}

/// Why the text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the problem was found.
    pub pos: Pos,
    /// The JSON path of the innermost value the problem is in (`excerpts[3].text`; empty at the
    /// top level).
    pub path: String,
    /// What is wrong, for a non-programmer.
    pub message: Message,
}

impl<'t> Node<'t> {
    /// The value of the first member named `key`, when this is an object that has one.
    pub fn get(&self, key: &str) -> Option<&Node<'t>> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }

    /// Where the value at `path` (`excerpts[3].evidence[0].quote`; empty for this node) starts,
    /// or its deepest existing ancestor when the path leads past the tree: a byte offset.
    pub fn locate(&self, path: &str) -> usize {
        let mut node = self;
        let mut rest = path;
        while !rest.is_empty() {
            let next = if let Some(after) = rest.strip_prefix('[') {
                let Some(close) = after.find(']') else { break };
                rest = &after[close + 1..];
                match (&node.value, after[..close].parse::<usize>()) {
                    (Value::Array(items), Ok(index)) => items.get(index),
                    _ => None,
                }
            } else {
                let key = rest.strip_prefix('.').unwrap_or(rest);
                let end = key.find(['.', '[']).unwrap_or(key.len());
                rest = &key[end..];
                node.get(&key[..end])
            };
            match next {
                Some(found) => node = found,
                None => break,
            }
        }
        node.at
    }
}

/// Bytes between two of the marks [`Positions`] keeps.
const MARK_BYTES: usize = 4096;

/// The lines and columns of byte offsets in one text. Counting starts when the first position is
/// asked for and goes no further than the furthest one asked for; it keeps the position of every
/// [`MARK_BYTES`]th byte on the way, so that any later question, in any order, counts at most
/// that many bytes (a thousand problems in a one-line file of 16 MiB stay quick).
#[derive(Debug, Clone)]
pub struct Positions<'t> {
    text: &'t str,
    /// The position of byte `k * MARK_BYTES`, for each `k` counted so far.
    marks: Vec<Pos>,
}

impl<'t> Positions<'t> {
    /// Positions in `text`, none counted yet.
    pub fn new(text: &'t str) -> Positions<'t> {
        Positions { text, marks: vec![Pos { line: 1, column: 1 }] }
    }

    /// The line and column of byte `at` (of the text's end when `at` is past it). A byte inside
    /// a character has the column of the character after it.
    pub fn pos(&mut self, at: usize) -> Pos {
        let bytes = self.text.as_bytes();
        let at = at.min(bytes.len());
        let mark = at / MARK_BYTES;
        while self.marks.len() <= mark {
            let k = self.marks.len();
            let next = count(self.marks[k - 1], &bytes[(k - 1) * MARK_BYTES..k * MARK_BYTES]);
            self.marks.push(next);
        }
        count(self.marks[mark], &bytes[mark * MARK_BYTES..at])
    }
}

/// The position after `bytes`, which start at `pos`: a line break starts a line, and every byte
/// that starts a character is a column.
fn count(mut pos: Pos, bytes: &[u8]) -> Pos {
    for &b in bytes {
        if b == b'\n' {
            pos.line += 1;
            pos.column = 1;
        } else if b & 0xC0 != 0x80 {
            pos.column += 1;
        }
    }
    pos
}

/// Where the run of bytes from `at` that stand for themselves inside quotes ends: at the next
/// quote, backslash or control character (or the end). Eight bytes are looked at together while
/// eight are left (most of a set is text in quotes: a byte at a time, this was the parser's
/// slowest loop).
fn run_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    while let Some(Ok(eight)) = bytes.get(at..at + 8).map(<[u8; 8]>::try_from) {
        let word = u64::from_le_bytes(eight);
        // Each byte of `x` below `n` (n at most 0x80) sets its high bit in `below(x, n)`; a byte
        // above the first such byte may be set too, so only the lowest set bit is taken.
        let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH_BITS;
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let found = below(quote, 1) | below(backslash, 1) | below(word, 0x20);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && !matches!(bytes[at], b'"' | b'\\' | 0..=0x1f) {
        at += 1;
    }
    at
}

/// Parses one JSON value that fills the whole text (surrounding whitespace aside).
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut p = Parser { text, at: 0, open: None, values: 0, members: Vec::new(), items: Vec::new() };
    if text.starts_with('\u{feff}') {
        p.at = '\u{feff}'.len_utf8();
    }
    p.space();
    if p.peek().is_none() {
        return Err(p.fail(p.at, Message::file_empty()));
    }
    let root = p.value(0)?;
    p.space();
    match p.peek() {
        None => Ok(root),
        Some(b'}' | b']') => Err(p.invalid(p.at, Message::bracket_too_many(p.found()))),
        Some(_) => Err(p.invalid(p.at, Message::more_after_end(p.found()))),
    }
}

/// The first `n` characters of `text` (all of it when it is shorter), without copying them.
pub(crate) fn first_chars(text: &str, n: usize) -> &str {
    text.char_indices().nth(n).map_or(text, |(end, _)| &text[..end])
}

struct Parser<'t> {
    text: &'t str,
    /// Byte offset of the cursor.
    at: usize,
    /// The innermost list or object being read: its bracket and the byte offset where it opened.
    open: Option<(char, usize)>,
    /// Values started so far (for [`MAX_VALUES`]).
    values: usize,
    /// The members of the objects being read, innermost last: each object's are moved into a
    /// list of their own, of just their number, when it closes (pushed into a list per object,
    /// they took three allocations for an excerpt's nine fields, and copies as the list grew).
    members: Vec<Member<'t>>,
    /// The items of the lists being read, the same way.
    items: Vec<Node<'t>>,
}

impl SyntaxError {
    /// The same error seen from the object around it: inside its member `key`.
    fn in_member(mut self, key: &str) -> SyntaxError {
        let sep = if self.path.is_empty() || self.path.starts_with('[') { "" } else { "." };
        self.path = [key, sep, &self.path].concat();
        self
    }

    /// The same error seen from the list around it: inside its item `index`.
    fn in_item(mut self, index: usize) -> SyntaxError {
        let sep = if self.path.is_empty() || self.path.starts_with('[') { "" } else { "." };
        self.path = ["[", &index.to_string(), "]", sep, &self.path].concat();
        self
    }
}

impl<'t> Parser<'t> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    #[inline(always)]
    fn space(&mut self) {
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        while at < bytes.len() && matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r') {
            at += 1;
        }
        self.at = at;
    }

    /// The error `message` at byte `at` (its line and column counted now: errors are rare).
    fn fail(&self, at: usize, message: Message) -> SyntaxError {
        SyntaxError { pos: Positions::new(self.text).pos(at), path: String::new(), message }
    }

    fn invalid(&self, at: usize, message: Message) -> SyntaxError {
        self.fail(at, Message::not_json(message))
    }

    /// The error for text that stops in the middle of a value.
    fn ends_early(&self) -> SyntaxError {
        let message = match self.open {
            Some((bracket, at)) => {
                let Pos { line, column } = Positions::new(self.text).pos(at);
                Message::never_closed(bracket.to_string(), line, column)
            }
            None => Message::ends_early(),
        };
        self.fail(self.text.len(), message)
    }

    /// What is at the cursor, for a message: a word, a character, or an invisible character's
    /// code point, with a hint for the usual mistakes.
    fn found(&self) -> Arg {
        let rest = &self.text[self.at..];
        let Some(c) = rest.chars().next() else { return Message::found_end().into() };
        if c.is_ascii_alphanumeric() {
            let word = &rest[..rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').take(24).count()];
            return if ["true", "false", "null"].contains(&word.to_ascii_lowercase().as_str()) {
                Message::found_literal(word).into()
            } else {
                Message::found_bare_word(word).into()
            };
        }
        match c {
            '\'' | '‘' | '’' | '“' | '”' => Message::found_curly_quote(c.to_string()).into(),
            c if c.is_whitespace() || c.is_control() => Message::found_invisible(format!("{:04X}", u32::from(c))).into(),
            c => format!("`{c}`").into(),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node<'t>, SyntaxError> {
        let at = self.at;
        self.values += 1;
        let value = match self.peek() {
            None => return Err(self.ends_early()),
            Some(_) if self.values > MAX_VALUES => {
                return Err(self.fail(self.at, Message::too_many_values(MAX_VALUES)));
            }
            Some(b'{' | b'[') if depth >= MAX_NESTING => {
                return Err(self.fail(self.at, Message::too_deep(MAX_NESTING)));
            }
            Some(b'{') => self.object(at, depth + 1)?,
            Some(b'[') => self.array(at, depth + 1)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => {
                let rest = &self.text[self.at..];
                let end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
                let literal = match &rest[..end] {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" => Value::Null,
                    _ => return Err(self.invalid(self.at, Message::expected_value(self.found()))),
                };
                self.at += end;
                literal
            }
        };
        Ok(Node { at, value })
    }

    /// After an item: `,` (another follows), the closing bracket (`Ok(false)`), or an error.
    fn next_item(&mut self, close: u8, after: fn() -> Message) -> Result<bool, SyntaxError> {
        let end = self.at;
        self.space();
        let Some(b) = self.peek() else { return Err(self.ends_early()) };
        self.at += 1;
        if b == b',' {
            let comma = self.at - 1;
            self.space();
            if self.peek() == Some(close) {
                let message = if close == b']' { Message::comma_after_last_item() } else { Message::comma_after_last_member() };
                return Err(self.invalid(comma, message));
            }
            return Ok(true);
        }
        if b == close {
            return Ok(false);
        }
        self.at -= 1;
        let close = char::from(close).to_string();
        let message = if self.text.as_bytes()[end..self.at].contains(&b'\n') {
            Message::comma_missing(close, after(), Positions::new(self.text).pos(end).line)
        } else {
            Message::expected_separator(close, after(), self.found())
        };
        Err(self.invalid(self.at, message))
    }

    // `object`, `array` and `number` are not inlined into `value`: 0.2 KB less gzipped wasm.
    #[inline(never)]
    fn object(&mut self, at: usize, depth: usize) -> Result<Value<'t>, SyntaxError> {
        let outer = self.open.replace(('{', at));
        self.at += 1;
        self.space();
        let first = self.members.len();
        if self.peek() == Some(b'}') {
            self.at += 1;
        } else {
            loop {
                match self.peek() {
                    Some(b'"') => {}
                    None => return Err(self.ends_early()),
                    Some(_) => {
                        return Err(self.invalid(self.at, Message::expected_field_name(self.found())));
                    }
                }
                let key_at = self.at;
                let key = self.string()?;
                self.space();
                match self.peek() {
                    Some(b':') => self.at += 1,
                    None => return Err(self.ends_early()),
                    Some(_) => {
                        return Err(self.invalid(self.at, Message::expected_colon(&*key, self.found())));
                    }
                }
                self.space();
                let value = self.value(depth).map_err(|e| e.in_member(&key))?;
                self.members.push(Member { key, at: key_at, value });
                if !self.next_item(b'}', Message::after_member)? {
                    break;
                }
            }
        }
        self.open = outer;
        Ok(Value::Object(self.members.split_off(first)))
    }

    #[inline(never)]
    fn array(&mut self, at: usize, depth: usize) -> Result<Value<'t>, SyntaxError> {
        let outer = self.open.replace(('[', at));
        self.at += 1;
        self.space();
        let first = self.items.len();
        if self.peek() == Some(b']') {
            self.at += 1;
        } else {
            loop {
                let index = self.items.len() - first;
                if index == MAX_LIST_ITEMS {
                    return Err(self.fail(self.at, Message::list_too_long(MAX_LIST_ITEMS)));
                }
                let item = self.value(depth).map_err(|e| e.in_item(index))?;
                self.items.push(item);
                if !self.next_item(b']', Message::after_item)? {
                    break;
                }
            }
        }
        self.open = outer;
        Ok(Value::Array(self.items.split_off(first)))
    }

    /// Reads a string at the cursor (on its opening quote): a slice of the text, or, when it has
    /// escapes, its decoded copy.
    fn string(&mut self) -> Result<Cow<'t, str>, SyntaxError> {
        let text = self.text;
        let bytes = text.as_bytes();
        let open_at = self.at;
        self.at += 1;
        let mut decoded: Option<String> = None;
        let mut start = self.at;
        loop {
            let run = self.at;
            let at = run_end(bytes, run);
            self.at = at;
            if at > run && at - 1 - open_at > MAX_STRING_BYTES {
                return Err(self.fail(open_at, Message::text_too_long(MAX_STRING_BYTES)));
            }
            match bytes.get(at) {
                None => {
                    let open = Positions::new(text).pos(open_at);
                    return Err(self.fail(text.len(), Message::text_never_closed(open.line, open.column)));
                }
                Some(b'"') => {
                    let rest = &text[start..at];
                    self.at += 1;
                    return Ok(match decoded {
                        None => Cow::Borrowed(rest),
                        Some(mut out) => {
                            out.push_str(rest);
                            Cow::Owned(out)
                        }
                    });
                }
                Some(b'\\') => {
                    let out = decoded.get_or_insert_with(String::new);
                    out.push_str(&text[start..at]);
                    out.push(self.escape()?);
                    start = self.at;
                }
                Some(b'\n' | b'\r') => {
                    let open = Positions::new(text).pos(open_at);
                    return Err(self.invalid(at, Message::text_past_line(open.line, open.column)));
                }
                Some(b'\t') => return Err(self.invalid(at, Message::tab_in_text())),
                Some(&b) => return Err(self.invalid(at, Message::invisible_in_text(format!("{b:04X}"), format!("{b:04x}")))),
            }
        }
    }
    /// Decodes the escape at the cursor (on its backslash), a surrogate pair as one character.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let backslash = self.at;
        let Some(e) = self.text.as_bytes().get(self.at + 1).copied() else { return Err(self.ends_early()) };
        self.at += 2;
        let c = match e {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4(backslash)?;
                let code = match high {
                    0xD800..=0xDBFF => {
                        let low_at = self.at;
                        let low = match self.text.as_bytes().get(low_at..low_at + 2) {
                            Some(b"\\u") => {
                                self.at += 2;
                                self.hex4(low_at)?
                            }
                            _ => 0,
                        };
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.invalid(backslash, Message::first_half(format!("{high:04X}"))));
                        }
                        0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.invalid(backslash, Message::second_half(format!("{high:04X}"))));
                    }
                    other => other,
                };
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            _ => {
                let shown = first_chars(&self.text[backslash..], 2);
                return Err(self.invalid(backslash, Message::unknown_escape(shown)));
            }
        };
        Ok(c)
    }

    /// Reads the four hex digits after `\u` (the cursor is past the `u`).
    fn hex4(&mut self, backslash: usize) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(b) = self.peek() else { return Err(self.ends_early()) };
            let Some(digit) = char::from(b).to_digit(16) else {
                return Err(self.invalid(backslash, Message::hex_digits()));
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    /// Reads a number at the cursor: an `i64` when it is a whole number that fits, else its text.
    #[inline(never)]
    fn number(&mut self) -> Result<Value<'t>, SyntaxError> {
        let start = self.at;
        let digits = |p: &mut Self, after: Arg| -> Result<(), SyntaxError> {
            if !p.peek().is_some_and(|b| b.is_ascii_digit()) {
                return match p.peek() {
                    None => Err(p.ends_early()),
                    Some(_) => Err(p.invalid(p.at, Message::expected_digit(after, p.found()))),
                };
            }
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.at += 1;
            }
            Ok(())
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.peek() == Some(b'0') && self.text.as_bytes().get(self.at + 1).is_some_and(u8::is_ascii_digit) {
            return Err(self.invalid(start, Message::leading_zero()));
        }
        digits(self, "`-`".into())?;
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            digits(self, Message::decimal_point().into())?;
            whole = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            digits(self, Message::exponent_e().into())?;
            whole = false;
        }
        let text = &self.text[start..self.at];
        // Read as a sign and a u64, the integer parser the resume strings use too: an i64 parser
        // of its own cost the wasm 0.6 KB.
        let (negative, digits) = text.strip_prefix('-').map_or((false, text), |digits| (true, digits));
        let integer = digits.parse::<u64>().ok().and_then(|n| if negative { 0i64.checked_sub_unsigned(n) } else { i64::try_from(n).ok() });
        Ok(match integer {
            Some(n) if whole => Value::Integer(n),
            _ => Value::Number(Cow::Borrowed(text)),
        })
    }
}

pub use writing::write;

/// Making and writing JSON: the tool's canonical form of a set and its schema, the entries an
/// edit of a set inserts, and tests that edit a set (the students' module only reads sets).
mod writing {
    use std::fmt::Write as _;

    use super::{Member, Node, Value};

    impl<'k> Value<'k> {
        /// An object with these members, in this order (made, not read: every offset is 0).
        pub fn object(members: impl IntoIterator<Item = (&'k str, Value<'k>)>) -> Value<'k> {
            Value::Object(members.into_iter().map(|(key, value)| Member { key: key.into(), at: 0, value: Node::made(value) }).collect())
        }

        /// An array of these items (made, not read: every offset is 0).
        pub fn array(items: impl IntoIterator<Item = Value<'k>>) -> Value<'k> {
            Value::Array(items.into_iter().map(Node::made).collect())
        }
    }

    impl<'k> Node<'k> {
        /// A node for a value made by a program: it has no place in any text (offset 0).
        pub fn made(value: Value<'k>) -> Node<'k> {
            Node { at: 0, value }
        }
    }

    /// Writes `value` as JSON, indented by two spaces a level with one member or item a line (as
    /// serde_json's `to_string_pretty` does); in strings only `"`, `\\` and control characters are
    /// escaped. Numbers that are not integers are written as they were read.
    pub fn write(value: &Value<'_>) -> String {
        let mut out = String::new();
        write_value(value, 0, &mut out);
        out
    }

    fn write_value(value: &Value<'_>, depth: usize, out: &mut String) {
        match value {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Integer(n) => write!(out, "{n}").expect("writing to a String"),
            Value::Number(text) => out.push_str(text),
            Value::String(s) => write_string(s, out),
            Value::Array(list) => write_items(list, ('[', ']'), depth, out, |node, out| write_value(&node.value, depth + 1, out)),
            Value::Object(members) => write_items(members, ('{', '}'), depth, out, |m, out| {
                write_string(&m.key, out);
                out.push_str(": ");
                write_value(&m.value.value, depth + 1, out);
            }),
        }
    }

    /// Writes the items of an array or object between `open` and `close`, one a line (an empty
    /// one as `[]` or `{}`).
    fn write_items<T>(list: &[T], (open, close): (char, char), depth: usize, out: &mut String, mut item: impl FnMut(&T, &mut String)) {
        out.push(open);
        for (i, x) in list.iter().enumerate() {
            out.push_str(if i == 0 { "\n" } else { ",\n" });
            out.push_str(&"  ".repeat(depth + 1));
            item(x, out);
        }
        if !list.is_empty() {
            out.push('\n');
            out.push_str(&"  ".repeat(depth));
        }
        out.push(close);
    }

    /// Writes `s` in double quotes, escaping what JSON requires and nothing else.
    fn write_string(s: &str, out: &mut String) {
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if c < ' ' => write!(out, "\\u{:04x}", u32::from(c)).expect("writing to a String"),
                c => out.push(c),
            }
        }
        out.push('"');
    }

    #[cfg(test)]
    mod tests {
        use super::super::parse;
        use super::*;

        #[test]
        fn what_is_written_reads_back_the_same() {
            let text = r#"{"a": [1, -2.50e3, {}, []], "b\u0001": "q\"\\\/\b\f\n\r\t\u001f é ‘x’", "c": [null, true, false]}"#;
            let written = write(&parse(text).unwrap().value);
            assert_eq!(write(&parse(&written).unwrap().value), written, "it reads back to the same values");
            let expected = r#"{
  "a": [
    1,
    -2.50e3,
    {},
    []
  ],
  "b\u0001": "q\"\\/\b\f\n\r\t\u001f é ‘x’",
  "c": [
    null,
    true,
    false
  ]
}"#;
            assert_eq!(written, expected);
        }

        #[test]
        fn made_values_are_written_in_their_order() {
            let value = Value::object([("z", Value::Integer(1)), ("a", Value::array([Value::String("x".into())]))]);
            assert_eq!(write(&value), "{\n  \"z\": 1,\n  \"a\": [\n    \"x\"\n  ]\n}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Value<'_> {
        parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}")).value
    }

    fn err(text: &str) -> SyntaxError {
        parse(text).expect_err(text)
    }

    /// Asserts the error's position and that its message contains `part`.
    fn fails(text: &str, line: usize, column: usize, part: &str) {
        let e = err(text);
        let message = e.message.to_string();
        assert_eq!((e.pos.line, e.pos.column), (line, column), "{text:?}: {message}");
        assert!(message.contains(part), "{text:?}: {message} lacks {part:?}");
    }

    fn string(text: &str) -> String {
        match ok(text) {
            Value::String(s) => s.into_owned(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn literals_strings_lists_and_objects() {
        assert_eq!(ok(" true "), Value::Bool(true));
        assert_eq!(ok("false"), Value::Bool(false));
        assert_eq!(ok("null"), Value::Null);
        assert_eq!(ok("[]"), Value::Array(Vec::new()));
        assert_eq!(ok("{}"), Value::Object(Vec::new()));
        let Value::Object(members) = ok("{\"b\": 1, \"a\": [2, \"x\"], \"b\": null}") else { panic!() };
        let keys: Vec<&str> = members.iter().map(|m| &*m.key).collect();
        assert_eq!(keys, ["b", "a", "b"], "order and duplicates are kept");
        assert_eq!(ok("\u{feff}{}"), Value::Object(Vec::new()), "a byte-order mark is skipped");
    }

    #[test]
    fn a_run_in_quotes_ends_at_the_first_quote_backslash_or_control_character() {
        let plain = "aé€😀 ~\u{7f}xyz0123456789ABCDEFGHIJ";
        for end in ['"', '\\', '\n', '\t', '\u{0}', '\u{1f}'] {
            for at in (0..=plain.len()).filter(|&i| plain.is_char_boundary(i)) {
                let text = format!("{}{end}{}\"", &plain[..at], &plain[at..]);
                assert_eq!(run_end(text.as_bytes(), 0), at, "{text:?}");
                assert_eq!(run_end(text.as_bytes(), at), at, "{text:?} from the end itself");
            }
        }
        assert_eq!(run_end(plain.as_bytes(), 0), plain.len(), "no end: the text's");
        assert_eq!(run_end(b"", 0), 0);
    }

    #[test]
    fn escapes_and_surrogate_pairs_decode() {
        assert_eq!(string(r#""a\"b\\c\/d\be\ff\ng\rh\ti""#), "a\"b\\c/d\u{8}e\u{c}f\ng\rh\ti");
        assert_eq!(string(r#""\u00e9\u20AC\u0000""#), "é€\0");
        assert_eq!(string(r#""\ud83d\ude00!""#), "😀!");
        assert_eq!(string(r#""\uD834\uDD1E""#), "𝄞");
        assert_eq!(string("\"é 😀 plain\""), "é 😀 plain");
    }

    #[test]
    fn bad_escapes_and_lone_surrogates_are_refused() {
        fails(r#"["ab\x"]"#, 1, 5, "`\\x` is not an escape");
        fails(r#""\u12G4""#, 1, 2, "four hexadecimal digits");
        fails(r#""\ud83d""#, 1, 2, "first half of a surrogate pair");
        fails(r#""\ud83dx""#, 1, 2, "first half of a surrogate pair");
        fails(r#""\ud83d\u0041""#, 1, 2, "first half of a surrogate pair");
        fails(r#""\ude00""#, 1, 2, "second half of a surrogate pair");
        fails("\"a\tb\"", 1, 3, "written \\t");
        fails("\"a\u{1}b\"", 1, 3, "U+0001");
        fails("{\"a\": \"open\n}", 1, 12, "does not end on its line");
    }

    #[test]
    fn numbers_are_integers_or_kept_as_text() {
        assert_eq!(ok("0"), Value::Integer(0));
        assert_eq!(ok("-0"), Value::Integer(0));
        assert_eq!(ok("-42"), Value::Integer(-42));
        assert_eq!(ok("9223372036854775807"), Value::Integer(i64::MAX));
        assert_eq!(ok("-9223372036854775808"), Value::Integer(i64::MIN));
        assert_eq!(ok("9223372036854775808"), Value::Number("9223372036854775808".into()));
        assert_eq!(ok("123456789012345678901234567890"), Value::Number("123456789012345678901234567890".into()));
        assert_eq!(ok("2.50"), Value::Number("2.50".into()));
        assert_eq!(ok("1e3"), Value::Number("1e3".into()));
        assert_eq!(ok("-1.5E-7"), Value::Number("-1.5E-7".into()));
        assert_eq!(ok("0.5e+2"), Value::Number("0.5e+2".into()));
    }

    #[test]
    fn malformed_numbers_are_refused() {
        fails("07", 1, 1, "may not start with 0");
        fails("[-012]", 1, 2, "may not start with 0");
        fails("-", 1, 2, "ends too early");
        fails("[-x]", 1, 3, "expected a digit after `-`");
        fails("[1.]", 1, 4, "after the decimal point");
        fails("[1e]", 1, 4, "after the exponent");
        fails("[1e+]", 1, 5, "after the exponent");
        fails("[.5]", 1, 2, "expected a value, found `.`");
        fails("[+1]", 1, 2, "expected a value, found `+`");
        fails("[1x]", 1, 3, "expected `,` or `]` after a list item, found `x`");
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "{\n  \"é\": [1, {\"ü\": \"x\"}],\n\t\"c\": \"😀\", \"d\": true\n}";
        let root = parse(text).unwrap();
        let mut lines = Positions::new(text);
        let mut pos = |at| lines.pos(at);
        assert_eq!(pos(root.at), Pos { line: 1, column: 1 });
        let Value::Object(members) = &root.value else { panic!() };
        assert_eq!(pos(members[0].at), Pos { line: 2, column: 3 });
        assert_eq!(pos(root.locate("é")), Pos { line: 2, column: 8 });
        assert_eq!(pos(root.locate("é[1].ü")), Pos { line: 2, column: 18 });
        assert_eq!(pos(root.locate("d")), Pos { line: 3, column: 17 }, "a tab and an emoji are one column each");
        assert_eq!(pos(root.locate("é[7]")), Pos { line: 2, column: 8 }, "a missing item: its list");
        assert_eq!(pos(root.locate("c.x")), Pos { line: 3, column: 7 }, "inside a string: the string");
        assert_eq!(root.locate(""), root.at);
        assert_eq!(pos(2), Pos { line: 2, column: 1 }, "asked again for an earlier place");
        assert_eq!(pos(text.len() + 5), Pos { line: 4, column: 2 }, "past the end: the end");
        fails("{\"é\": x}", 1, 7, "expected a value, found `x`");
    }

    #[test]
    fn nesting_is_limited() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_NESTING)).is_ok());
        fails(&deep(MAX_NESTING + 1), 1, MAX_NESTING + 1, "nested more than 128");
        // Six characters open two levels: the 129th level is the `[` of the 65th repetition.
        fails(&"[{\"a\":".repeat(100_000), 1, 6 * (MAX_NESTING / 2) + 1, "nested more than 128");
    }

    #[test]
    fn every_syntax_error_reads_plainly() {
        fails("", 1, 1, "the file is empty");
        fails(" \n ", 2, 2, "the file is empty");
        fails("{\"a\": 1", 1, 8, "the `{` at line 1, column 1 is never closed");
        fails("[1, [2", 1, 7, "the `[` at line 1, column 5 is never closed");
        fails("{\"a\": 1,", 1, 9, "ends too early");
        fails("{\"a\":", 1, 6, "ends too early");
        fails("{\"a\"", 1, 5, "ends too early");
        fails("{", 1, 2, "ends too early");
        fails("\"abc", 1, 5, "the text in quotes at line 1, column 1 is never closed");
        fails("\"ab\\", 1, 5, "ends too early");
        fails("\"\\u12", 1, 6, "ends too early");
        fails("{\"a\": 1 \"b\": 2}", 1, 9, "expected `,` or `}` after an object member, found `\"`");
        fails("{\"a\": 1\n  \"b\": 2}", 2, 3, "expected `,` or `}` after an object member; is a `,` missing at the end of line 1?");
        fails("[1\n2]", 2, 1, "expected `,` or `]` after a list item; is a `,` missing at the end of line 1?");
        fails("{\"a\": 1,}", 1, 8, "remove this `,`: the last member of an object");
        fails("[1, 2 ,\n]", 1, 7, "remove this `,`: the last item of a list");
        fails("{a: 1}", 1, 2, "expected a field name in double quotes, found `a`; is it text without double quotes");
        fails("{\"a\" 1}", 1, 6, "expected `:` after the field name \"a\", found `1`");
        fails("{\"a\": yes}", 1, 7, "found `yes`; is it text without double quotes");
        fails("[True]", 1, 2, "written in lowercase");
        fails("[tru]", 1, 2, "found `tru`");
        fails("['x']", 1, 2, "straight double quotes");
        fails("{“a”: 1}", 1, 2, "straight double quotes");
        fails("[1,\u{a0}2]", 1, 4, "the invisible character U+00A0");
        fails("{} x", 1, 4, "more after the end of the data: found `x`");
        fails("{}}", 1, 3, "a closing bracket too many");
        fails("[,]", 1, 2, "expected a value, found `,`");
        assert!(err("{\"a\": 1 \"b\": 2}").message.to_string().starts_with("this is not valid JSON: "));
    }
}
