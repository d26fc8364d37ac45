//! `diary-sort validate [--format json] FILE...`: checks exercise-set files with the same loader
//! the browser uses, printing each problem as `FILE:LINE:COL: PATH: message`, or, for programs,
//! one JSON array of `{file, ok, problems: [{line, column, path, message}]}` (`line` and `column`
//! are `null` for a problem of the whole file).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use diary_sort::core::json::{self, Value};
use diary_sort::core::set::{self, Problem};

/// How the results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A line per problem and per valid set, for people.
    Text,
    /// One JSON document, for programs.
    Json,
}

/// Validates each file; success only if every one is a valid exercise set.
pub fn run(files: &[PathBuf], format: Format) -> ExitCode {
    let mut report = Vec::new();
    let mut ok = true;
    for file in files {
        let name = file.display().to_string();
        let problems = check(file, &name, format == Format::Text);
        ok &= problems.is_empty();
        report.push(Value::object([
            ("file", Value::String(name)),
            ("ok", Value::Bool(problems.is_empty())),
            ("problems", Value::array(problems.iter().map(problem_value))),
        ]));
    }
    if format == Format::Json {
        println!("{}", json::write(&Value::array(report)));
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// The problems of one file (none for a valid set); with `print`, also prints them as text, or
/// a line saying the set is valid.
fn check(file: &Path, name: &str, print: bool) -> Vec<Problem> {
    let text = match read(file) {
        Ok(text) => text,
        Err(problem) => {
            if print {
                print_problems(name, std::slice::from_ref(&problem));
            }
            return vec![problem];
        }
    };
    match set::load(&text) {
        Ok(loaded) => {
            if print {
                let file = &loaded.file;
                let mut counts = format!("{} excerpts, {} criteria, {} bins", loaded.len(), file.criteria.len(), loaded.bins.len());
                if file.mode.has_quiz() {
                    counts += &format!("; quiz: {} questions, {} lenses", file.questions.len(), file.lenses.len());
                }
                println!("{name}: ok ({counts})");
            }
            Vec::new()
        }
        Err(errors) => {
            if print {
                print_problems(name, &errors.0);
                println!("{name}: {} problem(s)", errors.0.len());
            }
            errors.0
        }
    }
}

/// Reads a set file; a file that cannot be read is a problem of the whole file.
pub fn read(file: &Path) -> Result<String, Problem> {
    std::fs::read_to_string(file).map_err(|e| Problem {
        path: String::new(),
        line: None,
        column: None,
        message: format!("cannot read the file: {e}"),
    })
}

/// Prints each problem on a line of its own, as `FILE:LINE:COL: PATH: message`.
pub fn print_problems(name: &str, problems: &[Problem]) {
    for problem in problems {
        let sep = if problem.line.is_some() { ":" } else { ": " };
        println!("{name}{sep}{problem}");
    }
}

/// `{line, column, path, message}`, with `null` for an unknown line or column.
fn problem_value(problem: &Problem) -> Value {
    let place = |n: Option<usize>| n.map_or(Value::Null, |n| Value::Integer(n as i64));
    Value::object([
        ("line", place(problem.line)),
        ("column", place(problem.column)),
        ("path", Value::String(problem.path.clone())),
        ("message", Value::String(problem.message.clone())),
    ])
}
