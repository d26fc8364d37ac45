//! What the module reported about students' answers, read back for the class report: xAPI
//! statements as JSON (an array, an LRS page `{"statements": [...]}`, one statement, or one
//! statement a line) and a SCORM interactions export as CSV. Both become [`Answer`]s; every
//! statement or row that is ours but malformed is a [`Problem`] with its line and column (and, for
//! JSON, its path), and statements that are not ours (another verb or activity) are counted as
//! ignored.

use diary_sort::core::json::{self, Node, Pos, Value};
use diary_sort::core::quiz::Certainty;
use diary_sort::core::set::Problem;

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
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let read = if text.trim_start().starts_with(['[', '{']) { read_xapi(text)? } else { read_csv(text)? };
    into.list.extend(read.list);
    into.ignored += read.ignored;
    Ok(())
}

/// A problem at `pos`.
fn problem(path: String, pos: Pos, message: String) -> Problem {
    Problem { path, line: Some(pos.line), column: Some(pos.column), message }
}

// ---- xAPI ----

/// Reads statements: a JSON array, an LRS page (`statements`), one statement, or one a line.
fn read_xapi(text: &str) -> Result<Answers, Vec<Problem>> {
    let mut out = Answers::default();
    let mut problems = Vec::new();
    match json::parse(text) {
        Ok(root) => match &root.value {
            Value::Array(items) => items.iter().enumerate().for_each(|(i, s)| statement(s, &format!("[{i}]"), &mut out, &mut problems)),
            Value::Object(_) => match root.get("statements") {
                Some(Node { value: Value::Array(items), .. }) => {
                    items.iter().enumerate().for_each(|(i, s)| statement(s, &format!("statements[{i}]"), &mut out, &mut problems))
                }
                Some(other) => problems.push(problem("statements".into(), other.pos, "expected a list [ … ] of statements".into())),
                None => statement(&root, "", &mut out, &mut problems),
            },
            _ => problems.push(problem(String::new(), root.pos, "expected statements: a list [ … ] or an object { … }".into())),
        },
        // Not one JSON document: one statement a line, when the first line is a whole statement
        // (else the document's own syntax error is the problem).
        Err(whole) => {
            let lines: Vec<(usize, &str)> = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).collect();
            let one_a_line = lines.len() > 1 && lines[0].1.trim_start().starts_with('{') && json::parse(lines[0].1).is_ok();
            if !one_a_line {
                return Err(vec![problem(String::new(), whole.pos, whole.message)]);
            }
            for (n, line) in lines {
                let shift = |pos: Pos| Pos { line: n + 1, column: pos.column };
                match json::parse(line) {
                    Ok(mut node) => {
                        relocate(&mut node, &shift);
                        statement(&node, "", &mut out, &mut problems);
                    }
                    Err(e) => problems.push(problem(String::new(), shift(e.pos), e.message)),
                }
            }
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

/// Moves every position of a line's tree to the line it is on in the file.
fn relocate(node: &mut Node, shift: &dyn Fn(Pos) -> Pos) {
    node.pos = shift(node.pos);
    match &mut node.value {
        Value::Array(items) => items.iter_mut().for_each(|item| relocate(item, shift)),
        Value::Object(members) => members.iter_mut().for_each(|m| {
            m.pos = shift(m.pos);
            relocate(&mut m.value, shift);
        }),
        _ => {}
    }
}

/// The value at `path` (`a.b.c`, keys without dots) below `node`.
fn at<'n>(node: &'n Node, path: &str) -> Option<&'n Node> {
    path.split('.').try_fold(node, |n, key| n.get(key))
}

/// Reads one statement; ignores one that is not an answer of ours.
fn statement(node: &Node, base: &str, out: &mut Answers, problems: &mut Vec<Problem>) {
    let path = |p: &str| if base.is_empty() { p.to_string() } else { format!("{base}.{p}") };
    let before = problems.len();
    let mut bad = |p: &str, n: &Node, message: String| problems.push(problem(path(p), n.pos, message));
    if !matches!(node.value, Value::Object(_)) {
        bad("", node, "a statement is an object { … }".into());
        return;
    }
    let text_at = |p: &str| match at(node, p) {
        Some(Node { value: Value::String(s), .. }) => Some(s.as_str()),
        _ => None,
    };
    let (Some(verb), Some(object)) = (text_at("verb.id"), text_at("object.id")) else {
        bad("", node, "a statement needs `verb.id` and `object.id`".into());
        return;
    };
    let kind = object
        .rsplit_once("/excerpt/")
        .map(|(_, id)| ("excerpt", id))
        .or_else(|| object.rsplit_once("/question/").map(|(_, id)| ("question", id)));
    let Some((kind, id)) = kind.filter(|_| verb == ANSWERED) else {
        out.ignored += 1;
        return;
    };
    let learner = at(node, "actor").and_then(actor);
    if learner.is_none() {
        bad(
            "actor",
            at(node, "actor").unwrap_or(node),
            "the actor has no mbox, mbox_sha1sum, openid or account (homePage and name)".into(),
        );
    }
    let success = match at(node, "result.success") {
        None => None,
        Some(Node { value: Value::Bool(b), .. }) => Some(*b),
        Some(n) => {
            bad("result.success", n, "expected true or false".into());
            None
        }
    };
    let item = if kind == "excerpt" {
        let response = match at(node, "result.response") {
            Some(n @ Node { value: Value::String(s), .. }) => {
                pair(s).ok_or_else(|| bad("result.response", n, format!("expected `{id}[.]category`, found \"{s}\""))).ok()
            }
            Some(n) => {
                bad("result.response", n, "expected text in quotes".into());
                None
            }
            None => {
                bad("result", at(node, "result").unwrap_or(node), "an answer needs `result.response`".into());
                None
            }
        };
        let right = match at(node, "object.definition.correctResponsesPattern") {
            None => None,
            Some(n @ Node { value: Value::Array(items), .. }) => match items.first().map(|i| &i.value) {
                Some(Value::String(s)) => pair(s).map(|(_, right)| right),
                _ => None,
            }
            .ok_or_else(|| bad("object.definition.correctResponsesPattern", n, format!("expected [\"{id}[.]category\"]")))
            .ok(),
            Some(n) => {
                bad("object.definition.correctResponsesPattern", n, "expected a list [ … ]".into());
                None
            }
        };
        match response {
            Some((excerpt, _)) if excerpt != id => {
                bad(
                    "result.response",
                    at(node, "result.response").unwrap_or(node),
                    format!("the response is about `{excerpt}`, the statement about `{id}`"),
                );
                None
            }
            Some((_, chosen)) => Some(Item::Excerpt { id: id.to_string(), chosen, right }),
            None => None,
        }
    } else {
        Some(Item::Question(id.to_string()))
    };
    // Extension keys are URLs, with dots: looked up by name, not by path.
    let extension = |key: &str| at(node, "result.extensions").and_then(|e| e.get(key));
    let criteria = match extension(CRITERIA_EXTENSION) {
        None => None,
        Some(n) => match &n.value {
            Value::Array(items) if items.iter().all(|i| matches!(i.value, Value::String(_))) => {
                Some(items.iter().filter_map(|i| if let Value::String(s) = &i.value { Some(s.clone()) } else { None }).collect())
            }
            _ => {
                bad(&format!("result.extensions.{CRITERIA_EXTENSION}"), n, "expected a list of criterion ids [\"…\"]".into());
                None
            }
        },
    };
    let certainty = match extension(CERTAINTY_EXTENSION) {
        None => None,
        Some(n) => match &n.value {
            Value::String(s) if Certainty::ALL.iter().any(|c| c.word() == s) => Certainty::ALL.into_iter().find(|c| c.word() == s),
            _ => {
                bad(&format!("result.extensions.{CERTAINTY_EXTENSION}"), n, "expected \"low\", \"medium\" or \"high\"".into());
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
        attempt: text_at("context.registration").unwrap_or_default().to_string(),
        item,
        success,
        criteria,
        certainty,
        timestamp: text_at("timestamp").map(str::to_string),
    });
}

/// The actor's identity: its mbox, mbox_sha1sum, openid, or account.
fn actor(node: &Node) -> Option<String> {
    let text = |key: &str| match node.get(key) {
        Some(Node { value: Value::String(s), .. }) => Some(s.clone()),
        _ => None,
    };
    text("mbox").or_else(|| text("mbox_sha1sum")).or_else(|| text("openid")).or_else(|| {
        let account = node.get("account")?;
        match (account.get("homePage").map(|n| &n.value), account.get("name").map(|n| &n.value)) {
            (Some(Value::String(home)), Some(Value::String(name))) => Some(format!("{home}|{name}")),
            _ => None,
        }
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

/// A field of a CSV record: its text and where it starts.
struct Field {
    text: String,
    pos: Pos,
}

/// Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, line breaks inside
/// quotes) with `delimiter`.
fn records(text: &str, delimiter: char) -> Result<Vec<Vec<Field>>, Problem> {
    let mut out = Vec::new();
    let mut record: Vec<Field> = Vec::new();
    let (mut line, mut column) = (1, 1);
    let mut chars = text.chars().peekable();
    let mut field = Field { text: String::new(), pos: Pos { line, column } };
    let mut quoted = false;
    let mut quote_start = field.pos;
    while let Some(c) = chars.next() {
        let here = Pos { line, column };
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    column += 1;
                    field.text.push('"');
                }
                '"' => quoted = false,
                _ => field.text.push(c),
            }
            continue;
        }
        match c {
            '"' if field.text.is_empty() => {
                quoted = true;
                quote_start = here;
            }
            '\r' => {}
            '\n' => {
                record.push(std::mem::replace(&mut field, Field { text: String::new(), pos: Pos { line, column } }));
                out.push(std::mem::take(&mut record));
            }
            c if c == delimiter => record.push(std::mem::replace(&mut field, Field { text: String::new(), pos: Pos { line, column } })),
            _ => field.text.push(c),
        }
    }
    if quoted {
        return Err(problem(String::new(), quote_start, "a quoted field is not closed: a \" is missing".into()));
    }
    if !field.text.is_empty() || !record.is_empty() {
        record.push(field);
        out.push(record);
    }
    out.retain(|r| !(r.len() == 1 && r[0].text.trim().is_empty()));
    Ok(out)
}

/// Reads a SCORM interactions export: a header row, then one interaction a row.
fn read_csv(text: &str) -> Result<Answers, Vec<Problem>> {
    let header_line = text.lines().next().unwrap_or("");
    let delimiter = [',', ';', '\t'].into_iter().max_by_key(|&d| header_line.matches(d).count()).unwrap_or(',');
    let rows = records(text, delimiter).map_err(|p| vec![p])?;
    let Some((header, rows)) = rows.split_first() else {
        return Err(vec![Problem { path: String::new(), line: None, column: None, message: "the file is empty".into() }]);
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
        header.iter().position(|f| names.contains(&normal(&f.text).as_str()))
    };
    let mut problems = Vec::new();
    let (learner, response) = (column("learner"), column("response"));
    for (role, found) in [("learner", learner), ("response", response)] {
        if found.is_none() {
            problems.push(problem(
                String::new(),
                header.first().map_or(Pos { line: 1, column: 1 }, |f| f.pos),
                format!("no {role} column: name one {}", column_names(role)),
            ));
        }
    }
    let (Some(learner), Some(response)) = (learner, response) else { return Err(problems) };
    let (attempt, id, kind, result, timestamp) = (column("attempt"), column("id"), column("type"), column("result"), column("timestamp"));
    let mut out = Answers::default();
    for row in rows {
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).map_or("", |f| f.text.trim());
        let name = |c: usize| header.get(c).map_or("", |f| f.text.trim()).to_string();
        let kind_text = get(kind);
        let is_question = get(id).contains("question");
        if (!kind_text.is_empty() && !kind_text.eq_ignore_ascii_case("matching") && !is_question)
            || get(Some(response)).is_empty() && get(id).is_empty()
        {
            out.ignored += 1;
            continue;
        }
        let row_pos = row.first().map_or(Pos { line: 1, column: 1 }, |f| f.pos);
        let field_pos = |c: usize| row.get(c).map_or(row_pos, |f| f.pos);
        if get(Some(learner)).is_empty() {
            problems.push(problem(format!("column `{}`", name(learner)), field_pos(learner), "the learner is empty".into()));
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
                    problems.push(problem(format!("column `{}`", name(response)), field_pos(response), message));
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
