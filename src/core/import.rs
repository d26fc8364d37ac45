//! Excerpts from a spreadsheet: a CSV file (a header line, then one excerpt a row) appended to a
//! set's `excerpts`, for `diary-sort import` and the set editor alike.
//!
//! The columns are named in the header: `id` and `text` (needed), the excerpt's other fields
//! ([`FIELD_COLUMNS`]: `kind`, the source's `source_kind`, `diarist`, `date`, `work`, `page`,
//! `context`, the essay's `section` and `footnote`, and `category`, `commentary`, `hint`), and one
//! column per criterion, named by its id, holding the words of the text that show it (empty when
//! the excerpt does not). An empty cell leaves its field out. Fields are separated by commas, or
//! by semicolons or tabs when the header has more of those (a Dutch spreadsheet writes `;`);
//! text with a separator, a quote or a line break goes between double quotes (`""` is a quote).
//!
//! Every bad row is reported at once, each problem with its line in the CSV and its column; the
//! set is changed only when there is none, and only when it still loads after the change (the
//! loader's own problems with the new excerpts are reported at their row too). The excerpts are
//! appended as a [`Splice`], laid out as the set's excerpts are: the rest of the set stays as
//! the author wrote it.

use std::fmt;
use std::io::Read;

use crate::core::edit::{self, Splice};
use crate::core::json::{self, Node, Value};
use crate::core::messages::{Kind, Message};
use crate::core::set::{self, SetErrors};
use crate::core::strings::Lang;

/// The columns of an excerpt's fields other than its evidence, in the order they are written.
pub const FIELD_COLUMNS: &[&str] = &[
    "id",
    "kind",
    "text",
    "source_kind",
    "diarist",
    "date",
    "work",
    "page",
    "context",
    "section",
    "footnote",
    "category",
    "commentary",
    "hint",
];

/// The source's fields among the columns, with the field each fills.
const SOURCE_COLUMNS: &[(&str, &str)] =
    &[("source_kind", "kind"), ("diarist", "diarist"), ("date", "date"), ("work", "work"), ("page", "page"), ("context", "context")];

/// One record of the CSV: the line it starts on and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line of the file where the record starts.
    pub line: usize,
    /// The fields, as written (quotes removed).
    pub cells: Vec<String>,
}

/// A problem of the CSV, with the line and the column it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// 1-based line in the CSV; `None` for a problem the set would have after the import that
    /// belongs to no row.
    pub line: Option<usize>,
    /// The column's name, when the problem is in one.
    pub column: Option<String>,
    /// What is wrong, for a non-programmer, in words of either language.
    pub message: Message,
}

/// `LINE: column: message` (without the parts that are unknown), in English, as the native tool
/// prints it.
impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "{line}: ")?;
        }
        if let Some(column) = &self.column {
            write!(f, "{column}: ")?;
        }
        f.write_str(&self.message.text(Lang::En))
    }
}

/// Why nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The set does not load as it is: its problems come first.
    #[error("the set has {} problem(s)", .0.0.len())]
    Set(SetErrors),
    /// The CSV has problems (in the order of their lines).
    #[error("the CSV has {} problem(s)", .0.len())]
    Csv(Vec<ImportProblem>),
}

/// What an import does to the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The change to the set's text.
    pub splice: Splice,
    /// How many excerpts it adds.
    pub count: usize,
}

/// Appends the excerpts of `csv` to the set `set_text` (see the module's documentation).
pub fn import(set_text: &str, csv: &str) -> Result<Imported, ImportError> {
    let set = set::load(set_text).map_err(ImportError::Set)?;
    let problem = |line: usize, column: Option<&str>, message: Message| ImportProblem {
        line: Some(line),
        column: column.map(str::to_string),
        message,
    };
    if csv.len() > set::MAX_SET_BYTES {
        return Err(ImportError::Csv(vec![problem(1, None, Message::csv_too_large(csv.len(), set::MAX_SET_BYTES))]));
    }
    let mut rows = read_csv(csv).map_err(|p| ImportError::Csv(vec![p]))?.into_iter();
    let Some(header) = rows.next() else {
        return Err(ImportError::Csv(vec![problem(1, None, Message::csv_empty())]));
    };
    let criteria: Vec<&str> = set.file.criteria.iter().map(|c| c.id.as_str()).collect();
    let columns: Vec<String> = header.cells.iter().map(|c| c.trim().to_string()).collect();
    let mut problems = Vec::new();
    for (i, name) in columns.iter().enumerate() {
        if name.is_empty() {
            problems.push(problem(header.line, None, Message::column_unnamed(i + 1)));
        } else if columns[..i].contains(name) {
            problems.push(problem(header.line, Some(name), Message::column_twice()));
        } else if !FIELD_COLUMNS.contains(&name.as_str()) && !criteria.contains(&name.as_str()) {
            let message = Message::unknown_column(FIELD_COLUMNS.join("`, `"), criteria.join("`, `"));
            problems.push(problem(header.line, Some(name), message));
        }
    }
    for needed in ["id", "text"] {
        if !columns.iter().any(|c| c == needed) {
            problems.push(problem(header.line, Some(needed), Message::column_missing()));
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Csv(problems));
    }

    let rows: Vec<Row> = rows.collect();
    let room = set::MAX_EXCERPTS - set.len();
    if rows.len() > room {
        let message = Message::too_many_rows(rows.len(), room, set::MAX_EXCERPTS);
        return Err(ImportError::Csv(vec![problem(header.line, None, message)]));
    }
    let mut values = Vec::with_capacity(rows.len());
    // Per excerpt written: its row and the criteria of its evidence, in order.
    let mut written: Vec<(&Row, Vec<&str>)> = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let before = problems.len();
        if row.cells.len() != columns.len() {
            problems.push(problem(row.line, None, Message::row_length(row.cells.len(), columns.len())));
            continue;
        }
        let cell = |name: &str| columns.iter().position(|c| c == name).map(|i| row.cells[i].trim()).filter(|v| !v.is_empty());
        let id = cell("id").unwrap_or_default();
        let text = cell("text").unwrap_or_default();
        if id.is_empty() {
            problems.push(problem(row.line, Some("id"), Message::id_empty()));
        } else if set.file.excerpts.iter().any(|e| e.id == id) {
            problems.push(problem(row.line, Some("id"), Message::excerpt_exists(id)));
        } else if let Some(earlier) =
            rows[..r].iter().find(|earlier| earlier.cells.len() == columns.len() && cell_of(&columns, earlier, "id") == id)
        {
            problems.push(problem(row.line, Some("id"), Message::id_on_line(id, earlier.line)));
        }
        if text.is_empty() {
            problems.push(problem(row.line, Some("text"), Message::text_empty()));
        }
        let mut evidence = Vec::new();
        let mut shown = Vec::new();
        for &criterion in criteria.iter().filter(|c| columns.iter().any(|name| name == *c)) {
            let Some(quote) = cell(criterion) else { continue };
            if !text.is_empty() && !text.contains(quote) {
                problems.push(problem(row.line, Some(criterion), Message::cell_quote_not_found()));
            }
            evidence.push(Value::object([("criterion", Value::String(criterion.into())), ("quote", Value::String(quote.into()))]));
            shown.push(criterion);
        }
        let footnote = match cell("footnote").map(str::parse::<u32>) {
            Some(Ok(n)) => Some(Value::Integer(n.into())),
            Some(Err(_)) => {
                problems.push(problem(row.line, Some("footnote"), Message::footnote_number()));
                None
            }
            None => None,
        };
        if problems.len() > before {
            continue;
        }
        let text_field = |name: &'static str| cell(name).map(|v| (name, Value::String(v.into())));
        let mut members: Vec<(&str, Value<'_>)> =
            [text_field("id"), text_field("kind"), text_field("text")].into_iter().flatten().collect();
        let source: Vec<(&str, Value<'_>)> =
            SOURCE_COLUMNS.iter().filter_map(|&(column, field)| Some((field, Value::String(cell(column)?.into())))).collect();
        if !source.is_empty() {
            members.push(("source", Value::object(source)));
        }
        let essay: Vec<(&str, Value<'_>)> = text_field("section").into_iter().chain(footnote.map(|n| ("footnote", n))).collect();
        if !essay.is_empty() {
            members.push(("essay", Value::object(essay)));
        }
        if !evidence.is_empty() {
            members.push(("evidence", Value::Array(evidence.into_iter().map(Node::made).collect())));
        }
        members.extend([text_field("category"), text_field("commentary"), text_field("hint")].into_iter().flatten());
        values.push(Value::object(members));
        written.push((row, shown));
    }
    if !problems.is_empty() {
        return Err(ImportError::Csv(problems));
    }
    if values.is_empty() {
        return Err(ImportError::Csv(vec![problem(header.line, None, Message::no_rows())]));
    }

    let root = json::parse(set_text).map_err(|_| ImportError::Set(SetErrors(Vec::new())))?;
    let Some(Node { value: Value::Array(items), at }) = root.get("excerpts") else {
        unreachable!("a set that loads has a list of excerpts")
    };
    let splice = edit::append_items(set_text, &root, *at, items, &values);
    if let Err(errors) = set::load(&splice.apply(set_text)) {
        let first = set.len();
        // In the loader's order, which is the rows' (the new excerpts come last in the set).
        return Err(ImportError::Csv(errors.0.into_iter().map(|p| placed(p, first, &written)).collect()));
    }
    Ok(Imported { splice, count: values.len() })
}

/// The trimmed cell of `row` in column `name`.
fn cell_of<'r>(columns: &[String], row: &'r Row, name: &str) -> &'r str {
    columns.iter().position(|c| c == name).map_or("", |i| row.cells[i].trim())
}

/// A problem the loader found in the set after the import, placed at the row (and column) of
/// the excerpt it is about; `first` is the index of the first imported excerpt, `written` each
/// imported excerpt's row and the criteria of its evidence.
fn placed(problem: set::Problem, first: usize, written: &[(&Row, Vec<&str>)]) -> ImportProblem {
    let excerpt = problem.path.strip_prefix("excerpts[").and_then(|rest| {
        let close = rest.find(']')?;
        Some((rest[..close].parse::<usize>().ok()?.checked_sub(first)?, &rest[close + 1..]))
    });
    let Some(((row, shown), rest)) = excerpt.and_then(|(i, rest)| Some((written.get(i)?, rest))) else {
        return ImportProblem { line: None, column: None, message: Message::after_import(problem.place(), problem.message) };
    };
    let missing = if problem.message.kind == Kind::MissingField { problem.message.text_arg(0) } else { None };
    let column = match (rest.trim_start_matches('.'), missing) {
        ("", Some("source")) => Some("work"),
        ("", Some("essay")) | ("essay", _) => Some("section"),
        ("", Some(field)) | ("source", Some(field)) => Some(if field == "kind" { "source_kind" } else { field }),
        ("source.kind", _) => Some("source_kind"),
        (path, _) if path.starts_with("evidence[") => {
            path[9..].split(']').next().and_then(|j| j.parse::<usize>().ok()).and_then(|j| shown.get(j).copied())
        }
        (path, _) => {
            FIELD_COLUMNS.iter().copied().find(|c| path == *c || path.strip_prefix("source.").or(path.strip_prefix("essay.")) == Some(*c))
        }
    };
    ImportProblem { line: Some(row.line), column: column.map(str::to_string), message: problem.message }
}

/// Reads the records of a CSV text (RFC 4180, by the `csv` crate, with the separator the header
/// line uses most of `,`, `;` and tab; rows may differ in length). A leading byte-order mark is
/// skipped; blank lines are passed over. Fails only for text in quotes that is never closed.
pub fn read_csv(text: &str) -> Result<Vec<Row>, ImportProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or_default();
    let separator = [b',', b';', b'\t'].into_iter().rev().max_by_key(|&s| first_line.matches(char::from(s)).count()).unwrap_or(b',');
    // The csv crate ends a quoted field at the end of the input without a word, so the input is
    // followed by a line of two empty cells: read as its own record when every quote is closed,
    // swallowed into the last field when one is not.
    let sentinel = [b'\n', separator];
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(separator).from_reader(text.as_bytes().chain(&sentinel[..]));
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportProblem {
            line: e.position().map(|p| usize::try_from(p.line()).unwrap_or(usize::MAX)),
            column: None,
            message: Message::csv_unreadable(e.to_string()),
        })?;
        // csv's position is where its reading began: before the line breaks that end the
        // previous record (the `\n` of a `\r\n`) and the blank lines after it.
        let (line, byte) = record.position().map_or((1, 0), |p| (p.line(), p.byte()));
        let rest = usize::try_from(byte).ok().and_then(|b| text.as_bytes().get(b..)).unwrap_or_default();
        let breaks = rest.iter().take_while(|b| matches!(b, b'\r' | b'\n')).filter(|&&b| b == b'\n').count();
        let line = usize::try_from(line).unwrap_or(usize::MAX).saturating_add(breaks);
        rows.push(Row { line, cells: record.iter().map(str::to_string).collect() });
    }
    match rows.pop() {
        Some(last) if last.cells == ["", ""] => {}
        Some(open) => {
            // The quote opened in the record's last field: after the lines of the fields before it.
            let before: usize = open.cells.split_last().map_or(0, |(_, before)| before.iter().map(|c| c.matches('\n').count()).sum());
            let message = Message::quote_never_closed();
            return Err(ImportProblem { line: Some(open.line.saturating_add(before)), column: None, message });
        }
        None => {}
    }
    rows.retain(|row| !is_blank(row));
    Ok(rows)
}

/// Whether a record is a blank line (or a row of empty cells, as spreadsheets write below the
/// last row).
fn is_blank(row: &Row) -> bool {
    row.cells.iter().all(|c| c.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<(usize, Vec<&'static str>)> {
        read_csv(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.cells.into_iter().map(|c| &*Box::leak(c.into_boxed_str())).collect()))
            .collect()
    }

    #[test]
    fn records_quotes_and_separators() {
        assert_eq!(cells("a,b\n1,2\n"), [(1, vec!["a", "b"]), (2, vec!["1", "2"])]);
        assert_eq!(cells("\u{feff}a;b\r\n\"x;\"\"y\"\"\nz\";2\r\n\r\n;\n"), [(1, vec!["a", "b"]), (2, vec!["x;\"y\"\nz", "2"])]);
        assert_eq!(cells("a\tb\tc,d\n1\t2\t3,4"), [(1, vec!["a", "b", "c,d"]), (2, vec!["1", "2", "3,4"])]);
        let open = read_csv("a\n\"b\nc").unwrap_err();
        assert_eq!((open.line, open.message.kind), (Some(2), Kind::QuoteNeverClosed));
        assert_eq!(cells("a,b\n\n\r\n1,\"x\ny\"\n2,5\" tall\n"), [(1, vec!["a", "b"]), (4, vec!["1", "x\ny"]), (6, vec!["2", "5\" tall"])]);
        assert_eq!(cells("a,b\n1\n2,3,4\n"), [(1, vec!["a", "b"]), (2, vec!["1"]), (3, vec!["2", "3", "4"])]);
        let open = read_csv("a,b\n\"x\ny\",\"z\n").unwrap_err();
        assert_eq!(open.line, Some(3));
    }
}
