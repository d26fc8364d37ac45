//! What the module reported about students' answers, read back for the class report: xAPI
//! statements as JSON (an array, an LRS page `{"statements": [...], "more": …}`, one statement,
//! or one statement a line) and a SCORM interactions export as CSV. Both become [`Answer`]s; every
//! statement or row that is ours but malformed is a [`Problem`] with its line and column (and, for
//! JSON, its path), and statements that are not ours (another verb or activity) are counted as
//! ignored. An answer is a statement with the verb [`ANSWERED`] about `{activity}/excerpts/{id}`
//! or `{activity}/questions/{id}`, as the module's xAPI bridge sends them.
//!
//! JSON is read by serde_json, CSV by the csv crate. Neither keeps each value's position, so a
//! problem is placed where its statement starts (its path says where inside it), or at the start
//! of its CSV row (the column is named).

use diary_sort::core::exercise::Certainty;
use diary_sort::core::messages::Message;
use diary_sort::core::set::Problem;
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

/// The xAPI verb of an answer.
pub const ANSWERED: &str = "http://adlnet.gov/expapi/verbs/answered";
/// The result extension with the criteria a student ticked (a list of criterion ids).
pub const CRITERIA_EXTENSION: &str = "https://w3id.org/xapi/diary-sort/extensions/criteria";
/// The result extension with a student's certainty (`low`, `medium` or `high`).
pub const CERTAINTY_EXTENSION: &str = "https://w3id.org/xapi/diary-sort/extensions/certainty";

/// What was answered: a card of the sorting exercise or a question of the quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// An excerpt (its id), sorted into a category (its id).
    Excerpt {
        /// The excerpt's id.
        id: String,
        /// The category the student chose.
        chosen: String,
        /// The right category, when the statement says it (`correctResponsesPattern`).
        right: Option<String>,
    },
    /// A quiz question (its id).
    Question(String),
}

/// One answer of one student.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// Who answered (the actor's mbox, account or openid; the CSV's user).
    pub learner: String,
    /// Which attempt (the xAPI registration; the CSV's attempt); empty when not said.
    pub attempt: String,
    /// What was answered.
    pub item: Item,
    /// Whether it was right, when said (`result.success`; the CSV's result).
    pub success: Option<bool>,
    /// The criteria the student ticked, when the statement says (`None`: not asked).
    pub criteria: Option<Vec<String>>,
    /// How sure the student was, when said.
    pub certainty: Option<Certainty>,
    /// When (ISO 8601 as written); answers are ordered by it, then by their place in the input.
    pub timestamp: Option<String>,
}

/// What was read from one or more inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    /// The answers, in input order.
    pub list: Vec<Answer>,
    /// Statements or rows that are not answers of this module (other verbs, other activities,
    /// other interaction types).
    pub ignored: usize,
}

/// Reads xAPI statements (JSON) or a SCORM interactions export (CSV), chosen by the text: JSON
/// starts with `[` or `{`. Adds to `into`; returns every problem found (nothing is added then).
pub fn read(text: &str, into: &mut Answers) -> Result<(), Vec<Problem>> {
    read_under(text, None, into)
}

/// As [`read`], keeping only the statements about `activity` (an activity IRI: the statements
/// about it or about an IRI under it, `{activity}/…`); the others count as ignored. CSV has no
/// activity: all of it is read.
pub fn read_under(text: &str, activity: Option<&str>, into: &mut Answers) -> Result<(), Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let read = if text.trim_start().starts_with(['[', '{']) { read_xapi(text, activity)? } else { read_csv(text)? };
    into.list.extend(read.list);
    into.ignored += read.ignored;
    Ok(())
}

/// Reads one page of a Learning Record Store's answer to `GET statements` (`{"statements": [...],
/// "more": "…"}`), keeping the statements about `activity` as [`read_under`] does; returns the
/// `more` link (relative to the LRS's address), or `None` on the last page.
pub fn read_page(text: &str, activity: Option<&str>, into: &mut Answers) -> Result<Option<String>, Vec<Problem>> {
    let more = match serde_json::from_str::<Page<'_>>(text) {
        Ok(Page { statements: Some(_), more }) => more.filter(|link| !link.is_empty()),
        Ok(_) => {
            let message = "expected an LRS page { \"statements\": [ … ], \"more\": \"…\" }".to_string();
            return Err(vec![problem(String::new(), Pos { line: 1, column: 1 }, message)]);
        }
        Err(e) => return Err(vec![syntax_problem(&e, 1)]),
    };
    read_under(text, activity, into)?;
    Ok(more)
}

/// A place in the input: line and column, from 1.
#[derive(Debug, Clone, Copy)]
struct Pos {
    line: usize,
    column: usize,
}

/// The places of pieces of one text, found in a single pass when they are asked for in order
/// (as a list's statements are).
struct Places<'t> {
    text: &'t str,
    /// How far the text has been counted, and the place there.
    offset: usize,
    pos: Pos,
}

impl<'t> Places<'t> {
    fn new(text: &'t str) -> Places<'t> {
        Places { text, offset: 0, pos: Pos { line: 1, column: 1 } }
    }

    /// Where `piece`, a slice of the text (as serde_json borrows it), starts.
    fn of(&mut self, piece: &str) -> Pos {
        let offset = (piece.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize).min(self.text.len());
        if offset < self.offset {
            *self = Places::new(self.text);
        }
        for c in self.text.get(self.offset..offset).unwrap_or_default().chars() {
            self.pos = if c == '\n' { Pos { line: self.pos.line + 1, column: 1 } } else { Pos { column: self.pos.column + 1, ..self.pos } };
        }
        self.offset = offset;
        self.pos
    }
}

/// A problem at `pos`.
fn problem(path: String, pos: Pos, message: String) -> Problem {
    Problem { path, line: Some(pos.line), column: Some(pos.column), message: Message::plain(message) }
}

/// serde_json's syntax error, at its place in `text` shifted by `first_line - 1` lines.
fn syntax_problem(e: &serde_json::Error, first_line: usize) -> Problem {
    let message = e.to_string();
    let message = message.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())).unwrap_or(&message);
    problem(String::new(), Pos { line: first_line + e.line() - 1, column: e.column() }, format!("this is not valid JSON: {message}"))
}

// ---- xAPI ----

/// An LRS page: the statements and the `more` link (the next page's address; empty or missing
/// on the last).
#[derive(Deserialize)]
struct Page<'a> {
    #[serde(borrow, default)]
    statements: Option<&'a RawValue>,
    #[serde(default)]
    more: Option<String>,
}

/// Reads statements: a JSON array, an LRS page (`statements`), one statement, or one a line.
fn read_xapi<'t>(text: &'t str, activity: Option<&str>) -> Result<Answers, Vec<Problem>> {
    let mut out = Answers::default();
    let mut problems = Vec::new();
    let mut places = Places::new(text);
    let mut list = |raw: &'t RawValue, base: &str, places: &mut Places<'_>| match serde_json::from_str::<Vec<&'t RawValue>>(raw.get()) {
        Ok(items) => items.into_iter().enumerate().map(|(i, item)| (format!("{base}[{i}]"), item)).collect(),
        Err(_) => {
            problems.push(problem(base.into(), places.of(raw.get()), "expected a list [ … ] of statements".into()));
            Vec::new()
        }
    };
    match serde_json::from_str::<&RawValue>(text) {
        Ok(root) => {
            // `read` sent only text starting with `[` or `{` here.
            let statements = if root.get().starts_with('[') {
                list(root, "", &mut places)
            } else {
                match serde_json::from_str::<Page<'_>>(root.get()) {
                    Ok(Page { statements: Some(raw), .. }) => list(raw, "statements", &mut places),
                    _ => vec![(String::new(), root)],
                }
            };
            for (path, raw) in statements {
                match serde_json::from_str::<Value>(raw.get()) {
                    Ok(value) => statement(&value, places.of(raw.get()), &path, activity, &mut out, &mut problems),
                    Err(e) => problems.push(syntax_problem(&e, places.of(raw.get()).line)),
                }
            }
        }
        // Not one JSON document: one statement a line, when the first line is a whole statement
        // (else the document's own syntax error is the problem).
        Err(whole) => {
            let lines: Vec<(usize, &str)> = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).collect();
            let one_a_line =
                lines.len() > 1 && lines[0].1.trim_start().starts_with('{') && serde_json::from_str::<Value>(lines[0].1).is_ok();
            if !one_a_line {
                return Err(vec![syntax_problem(&whole, 1)]);
            }
            for (n, line) in lines {
                match serde_json::from_str::<Value>(line) {
                    Ok(value) => {
                        let column = line.chars().take_while(|c| c.is_whitespace()).count() + 1;
                        statement(&value, Pos { line: n + 1, column }, "", activity, &mut out, &mut problems);
                    }
                    Err(e) => problems.push(syntax_problem(&e, n + 1)),
                }
            }
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

/// Reads one statement, which starts at `pos`; ignores one that is not an answer of ours, or not
/// about `activity`.
fn statement(node: &Value, pos: Pos, base: &str, activity: Option<&str>, out: &mut Answers, problems: &mut Vec<Problem>) {
    let path = |p: &str| match (base, p) {
        ("", p) | (p, "") => p.to_string(),
        (base, p) => format!("{base}.{p}"),
    };
    let before = problems.len();
    let mut bad = |p: &str, message: String| problems.push(problem(path(p), pos, message));
    if !node.is_object() {
        bad("", "a statement is an object { … }".into());
        return;
    }
    let at = |p: &str| node.pointer(p);
    let text_at = |p: &str| at(p).and_then(Value::as_str);
    let (Some(verb), Some(object)) = (text_at("/verb/id"), text_at("/object/id")) else {
        bad("", "a statement needs `verb.id` and `object.id`".into());
        return;
    };
    let about = |iri: &str| {
        let iri = iri.trim_end_matches('/');
        object == iri || object.strip_prefix(iri).is_some_and(|rest| rest.starts_with('/'))
    };
    let kind = object
        .rsplit_once("/excerpts/")
        .map(|(_, id)| ("excerpt", id))
        .or_else(|| object.rsplit_once("/questions/").map(|(_, id)| ("question", id)));
    let Some((kind, id)) = kind.filter(|_| verb == ANSWERED && activity.is_none_or(about)) else {
        out.ignored += 1;
        return;
    };
    let learner = at("/actor").and_then(actor);
    if learner.is_none() {
        bad("actor", "the actor has no mbox, mbox_sha1sum, openid or account (homePage and name)".into());
    }
    let success = match at("/result/success") {
        None => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => {
            bad("result.success", "expected true or false".into());
            None
        }
    };
    let item = if kind == "excerpt" {
        let response = match at("/result/response") {
            Some(Value::String(s)) => {
                pair(s).ok_or_else(|| bad("result.response", format!("expected `{id}[.]category`, found \"{s}\""))).ok()
            }
            Some(_) => {
                bad("result.response", "expected text in quotes".into());
                None
            }
            None => {
                bad("result", "an answer needs `result.response`".into());
                None
            }
        };
        let right = match at("/object/definition/correctResponsesPattern") {
            None => None,
            Some(Value::Array(items)) => items
                .first()
                .and_then(Value::as_str)
                .and_then(pair)
                .map(|(_, right)| right)
                .ok_or_else(|| bad("object.definition.correctResponsesPattern", format!("expected [\"{id}[.]category\"]")))
                .ok(),
            Some(_) => {
                bad("object.definition.correctResponsesPattern", "expected a list [ … ]".into());
                None
            }
        };
        match response {
            Some((excerpt, _)) if excerpt != id => {
                bad("result.response", format!("the response is about `{excerpt}`, the statement about `{id}`"));
                None
            }
            Some((_, chosen)) => Some(Item::Excerpt { id: id.to_string(), chosen, right }),
            None => None,
        }
    } else {
        Some(Item::Question(id.to_string()))
    };
    // Extension keys are URLs, with slashes: looked up by name, not by pointer.
    let extension = |key: &str| at("/result/extensions").and_then(|e| e.get(key));
    let criteria = match extension(CRITERIA_EXTENSION) {
        None => None,
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            Some(items.iter().filter_map(Value::as_str).map(str::to_string).collect())
        }
        Some(_) => {
            bad(&format!("result.extensions.{CRITERIA_EXTENSION}"), "expected a list of criterion ids [\"…\"]".into());
            None
        }
    };
    let certainty = match extension(CERTAINTY_EXTENSION) {
        None => None,
        Some(value) => match Certainty::ALL.into_iter().find(|c| value.as_str() == Some(c.word())) {
            Some(c) => Some(c),
            None => {
                bad(&format!("result.extensions.{CERTAINTY_EXTENSION}"), "expected \"low\", \"medium\" or \"high\"".into());
                None
            }
        },
    };
    if problems.len() > before {
        return;
    }
    let (Some(learner), Some(item)) = (learner, item) else { return };
    out.list.push(Answer {
        learner,
        attempt: text_at("/context/registration").unwrap_or_default().to_string(),
        item,
        success,
        criteria,
        certainty,
        timestamp: text_at("/timestamp").map(str::to_string),
    });
}

/// The actor's identity: its mbox, mbox_sha1sum, openid, or account.
fn actor(node: &Value) -> Option<String> {
    let text = |key: &str| node.get(key).and_then(Value::as_str).map(str::to_string);
    text("mbox").or_else(|| text("mbox_sha1sum")).or_else(|| text("openid")).or_else(|| {
        let account = node.get("account")?;
        let (home, name) = (account.get("homePage")?.as_str()?, account.get("name")?.as_str()?);
        Some(format!("{home}|{name}"))
    })
}

/// A matching response's one pair, `source[.]target` (SCORM 2004, xAPI) or `source.target`
/// (SCORM 1.2): (excerpt id, category id).
fn pair(response: &str) -> Option<(String, String)> {
    let (source, target) = response.split_once("[.]").or_else(|| response.split_once('.'))?;
    let ok = |s: &str| !s.is_empty() && !s.contains(['[', ']', ',', '.']);
    (ok(source) && ok(target)).then(|| (source.to_string(), target.to_string()))
}

// ---- CSV ----

/// The columns a SCORM interactions export may have, by role, with the names accepted for each
/// (compared without case, spaces, `_`, `-` and `.`; `cmi.interactions.n.` is dropped first).
pub const CSV_COLUMNS: [(&str, &[&str]); 7] = [
    ("learner", &["user", "username", "learner", "learnerid", "student", "studentid", "email", "emailaddress"]),
    ("attempt", &["attempt"]),
    ("id", &["interactionid", "id", "question", "questionid"]),
    ("type", &["type", "interactiontype"]),
    ("response", &["learnerresponse", "studentresponse", "response"]),
    ("result", &["result"]),
    ("timestamp", &["timestamp", "time", "date"]),
];

/// The column names of one role, for messages.
fn column_names(role: &str) -> String {
    let names = CSV_COLUMNS.iter().find(|(r, _)| *r == role).map_or(&[][..], |(_, n)| n);
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// Where a CSV row starts (the csv crate keeps no field's place: a problem names its column).
fn row_start(row: &csv::StringRecord) -> Pos {
    Pos { line: row.position().map_or(1, |p| p.line() as usize), column: 1 }
}

/// Reads a SCORM interactions export: a header row, then one interaction a row.
fn read_csv(text: &str) -> Result<Answers, Vec<Problem>> {
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t'].into_iter().max_by_key(|&d| header_line.bytes().filter(|&b| b == d).count()).unwrap_or(b',');
    let reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.into_records() {
        match record {
            // A line with nothing but spaces is no row.
            Ok(record) if record.iter().all(|field| field.trim().is_empty()) => {}
            Ok(record) => rows.push(record),
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                return Err(vec![problem(String::new(), Pos { line, column: 1 }, format!("this is not CSV: {e}"))]);
            }
        }
    }
    let Some((header, rows)) = rows.split_first() else {
        return Err(vec![Problem { path: String::new(), line: None, column: None, message: Message::file_empty() }]);
    };
    let normal = |name: &str| {
        let name = name.trim().to_ascii_lowercase();
        let name = name
            .rsplit_once("cmi.interactions.")
            .map_or(name.as_str(), |(_, rest)| rest.split_once('.').map_or(rest, |(_, f)| f))
            .to_string();
        name.chars().filter(|c| !matches!(c, ' ' | '_' | '-' | '.')).collect::<String>()
    };
    let column = |role: &str| {
        let names = CSV_COLUMNS.iter().find(|(r, _)| *r == role).map_or(&[][..], |(_, n)| n);
        header.iter().position(|f| names.contains(&normal(f).as_str()))
    };
    let mut problems = Vec::new();
    let (learner, response) = (column("learner"), column("response"));
    for (role, found) in [("learner", learner), ("response", response)] {
        if found.is_none() {
            problems.push(problem(String::new(), row_start(header), format!("no {role} column: name one {}", column_names(role))));
        }
    }
    let (Some(learner), Some(response)) = (learner, response) else { return Err(problems) };
    let (attempt, id, kind, result, timestamp) = (column("attempt"), column("id"), column("type"), column("result"), column("timestamp"));
    let mut out = Answers::default();
    for row in rows {
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).map_or("", str::trim);
        let name = |c: usize| header.get(c).map_or("", str::trim).to_string();
        let kind_text = get(kind);
        let is_question = get(id).contains("question");
        if (!kind_text.is_empty() && !kind_text.eq_ignore_ascii_case("matching") && !is_question)
            || get(Some(response)).is_empty() && get(id).is_empty()
        {
            out.ignored += 1;
            continue;
        }
        if get(Some(learner)).is_empty() {
            problems.push(problem(format!("column `{}`", name(learner)), row_start(row), "the learner is empty".into()));
            continue;
        }
        let success = match get(result).to_ascii_lowercase().as_str() {
            "correct" | "true" | "1" => Some(true),
            "incorrect" | "wrong" | "false" | "0" => Some(false),
            _ => None,
        };
        let item = if is_question {
            Item::Question(get(id).rsplit(['/', '_', '-']).next().unwrap_or("").to_string())
        } else {
            match pair(get(Some(response))) {
                Some((excerpt, chosen)) => Item::Excerpt { id: excerpt, chosen, right: None },
                None => {
                    let message = format!("expected `excerpt[.]category` (or `excerpt.category`), found \"{}\"", get(Some(response)));
                    problems.push(problem(format!("column `{}`", name(response)), row_start(row), message));
                    continue;
                }
            }
        };
        out.list.push(Answer {
            learner: get(Some(learner)).to_string(),
            attempt: get(attempt).to_string(),
            item,
            success,
            criteria: None,
            certainty: None,
            timestamp: Some(get(timestamp).to_string()).filter(|t| !t.is_empty()),
        });
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}
