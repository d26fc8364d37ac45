//! `diary-sort validate [--format json] FILE...`: checks exercise-set files with the same loader
//! the browser uses, printing each problem as `FILE:LINE:COL: PATH: message`, or, for programs,
//! one JSON array of `{file, ok, problems: [{line, column, path, message}]}` (`line` and `column`
//! are `null` for a problem of the whole file).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use diary_sort::core::messages::Message;
use diary_sort::core::set::{self, Problem};
use serde::Serialize;

/// Options of `validate`.
#[derive(Debug, clap::Args)]
pub struct Options {
    /// How to print the results: text (a line per problem) or json (one array for programs:
    /// [{file, ok, problems: [{line, column, path, message}]}]).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The set files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// How the results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A line per problem and per valid set, for people.
    Text,
    /// One JSON document, for programs.
    Json,
}

/// Validates each file; success only if every one is a valid exercise set.
pub fn run(&Options { ref files, format }: &Options) -> ExitCode {
    let mut report = Vec::new();
    let mut ok = true;
    for file in files {
        let name = file.display().to_string();
        let problems = check(file, &name, format == Format::Text);
        ok &= problems.is_empty();
        report.push(FileReport { ok: problems.is_empty(), file: name, problems: problems.into_iter().map(ProblemReport::from).collect() });
    }
    if format == Format::Json {
        // Serializing these plain structs to a String cannot fail.
        println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
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
        message: Message::plain(format!("cannot read the file: {e}")),
    })
}

/// Prints each problem on a line of its own, as `FILE:LINE:COL: PATH: message`.
pub fn print_problems(name: &str, problems: &[Problem]) {
    for problem in problems {
        let sep = if problem.line.is_some() { ":" } else { ": " };
        println!("{name}{sep}{problem}");
    }
}

/// One file in `--format json`: `{file, ok, problems}`.
#[derive(Serialize)]
struct FileReport {
    file: String,
    ok: bool,
    problems: Vec<ProblemReport>,
}

/// One problem in `--format json`: `{line, column, path, message}`, with `null` for an unknown
/// line or column.
#[derive(Serialize)]
struct ProblemReport {
    line: Option<usize>,
    column: Option<usize>,
    path: String,
    message: String,
}

impl From<Problem> for ProblemReport {
    fn from(Problem { line, column, path, message }: Problem) -> Self {
        ProblemReport { line, column, path, message: message.to_string() }
    }
}
