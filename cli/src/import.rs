//! `diary-sort import EXCERPTS.csv --into SET.json`: appends the excerpts of a spreadsheet (CSV,
//! one excerpt a row; the columns are described in [`import`]) to a set, keeping the rest of
//! the set's text as it was written. Every bad row is printed as `FILE:LINE: column: message`,
//! and nothing is written while there is one; the set is written only when it loads with the
//! new excerpts.

use std::path::PathBuf;
use std::process::ExitCode;

use diary_sort::core::import::{self, ImportError};

use crate::validate::{print_problems, read};

/// Options of `import`.
#[derive(Debug, clap::Args)]
pub struct Options {
    /// The spreadsheet saved as CSV: a header line naming the columns (id, text, source fields,
    /// one column per criterion id), then one excerpt a row.
    #[arg(value_name = "CSV")]
    pub csv: PathBuf,
    /// The set the excerpts are added to (the file is rewritten).
    #[arg(long, value_name = "SET")]
    pub into: PathBuf,
}

/// Imports the excerpts; success only when they were added.
pub fn run(Options { csv, into }: &Options) -> ExitCode {
    let (csv_name, set_name) = (csv.display().to_string(), into.display().to_string());
    let texts = read(into).map_err(|p| (set_name.as_str(), p)).and_then(|set| Ok((set, read(csv).map_err(|p| (csv_name.as_str(), p))?)));
    let (set_text, csv_text) = match texts {
        Ok(texts) => texts,
        Err((name, problem)) => {
            print_problems(name, &[problem]);
            return ExitCode::FAILURE;
        }
    };
    match import::import(&set_text, &csv_text) {
        Ok(imported) => match std::fs::write(into, imported.splice.apply(&set_text)) {
            Ok(()) => {
                println!("{set_name}: {} excerpt(s) added from {csv_name}", imported.count);
                ExitCode::SUCCESS
            }
            Err(e) => {
                println!("{set_name}: cannot write the file: {e}");
                ExitCode::FAILURE
            }
        },
        Err(ImportError::Set(errors)) => {
            print_problems(&set_name, &errors.0);
            println!("{set_name}: {} problem(s); nothing imported: fix them first", errors.0.len());
            ExitCode::FAILURE
        }
        Err(ImportError::Csv(problems)) => {
            for problem in &problems {
                let sep = if problem.line.is_some() { ":" } else { ": " };
                println!("{csv_name}{sep}{problem}");
            }
            println!("{csv_name}: {} problem(s); nothing imported", problems.len());
            ExitCode::FAILURE
        }
    }
}
