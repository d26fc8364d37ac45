//! Maps JSON paths to line and column in a set's text, so that every problem can point at the
//! place an instructor has to edit. A small scanner walks the text along the path; it never
//! builds a tree and gives up quietly on text that is not valid JSON.

/// One step of a path: an object member or an array index.
#[derive(Debug, PartialEq, Eq)]
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// Splits `excerpts[3].evidence[0].quote` into steps; `None` for a malformed path.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        rest = rest.strip_prefix('.').unwrap_or(rest);
        if let Some(after) = rest.strip_prefix('[') {
            let close = after.find(']')?;
            out.push(Step::Index(after[..close].parse().ok()?));
            rest = &after[close + 1..];
        } else {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            if end == 0 {
                return None;
            }
            out.push(Step::Key(&rest[..end]));
            rest = &rest[end..];
        }
    }
    Some(out)
}

/// Line and column (1-based; the column counts characters) of the value at `path` in `text`,
/// when the text is valid JSON up to there and the path exists.
pub fn position(text: &str, path: &str) -> Option<(usize, usize)> {
    let steps = steps(path)?;
    let mut scanner = Scanner { bytes: text.as_bytes(), at: 0 };
    scanner.space();
    for step in &steps {
        scanner.enter(step)?;
    }
    Some(line_column(text, scanner.at))
}

/// Like [`position`], but for a path that does not exist (a missing field), the position of
/// its nearest existing ancestor.
pub fn nearest(text: &str, path: &str) -> Option<(usize, usize)> {
    let mut path = path;
    loop {
        if let Some(found) = position(text, path) {
            return Some(found);
        }
        if path.is_empty() {
            return None;
        }
        let cut = path.rfind(['.', '[']).unwrap_or(0);
        path = &path[..cut];
    }
}

fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

struct Scanner<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Moves from the start of a container to the start of the member or element `step`.
    fn enter(&mut self, step: &Step<'_>) -> Option<()> {
        match step {
            Step::Key(key) => {
                self.eat(b'{')?;
                loop {
                    self.space();
                    let name = self.string()?;
                    self.eat(b':')?;
                    self.space();
                    if name == *key {
                        return Some(());
                    }
                    self.skip_value()?;
                    self.eat(b',')?;
                }
            }
            Step::Index(index) => {
                self.eat(b'[')?;
                for _ in 0..*index {
                    self.space();
                    self.skip_value()?;
                    self.eat(b',')?;
                }
                self.space();
                (self.peek()? != b']').then_some(())
            }
        }
    }

    /// Reads a string at the cursor, decoding the escapes a key may plausibly hold.
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let b = self.peek()?;
            self.at += 1;
            match b {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = self.peek()?;
                    self.at += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let hex = std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?).ok()?;
                            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?).unwrap_or('\u{fffd}');
                            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                            self.at += 4;
                        }
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
    }

    /// Skips one value of any kind.
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.space();
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.at += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.at += 1;
                }
                b',' | b':' if depth > 0 => {
                    self.at += 1;
                    continue;
                }
                _ => {
                    while self.peek().is_some_and(|b| !b",}] \t\r\n".contains(&b)) {
                        self.at += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": [true, \"q\\\"r\"]}\n}";
        assert_eq!(position(text, "a"), Some((2, 8)));
        assert_eq!(position(text, "a[1].b"), Some((2, 18)));
        assert_eq!(position(text, "c.d[1]"), Some((3, 21)));
        assert_eq!(position(text, "c.e"), None);
        assert_eq!(nearest(text, "c.e"), Some((3, 8)));
        assert_eq!(position(text, "a[2]"), None);
        assert_eq!(position(text, ""), Some((1, 1)));
    }

    #[test]
    fn counts_columns_in_characters() {
        let text = "{\"é\": 1, \"ü\": 2}";
        assert_eq!(position(text, "ü"), Some((1, 15)));
    }
}
