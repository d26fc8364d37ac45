//! `diary-sort fmt [--check] FILE...`: rewrites sets in the canonical form (the fields of every
//! object in the format's order, two-space indentation, one member or item a line) without
//! changing what they mean. Only sets that load are touched; the others are refused with their
//! problems. With `--check` nothing is written, and the exit status says whether every file was
//! already formatted.

use std::path::PathBuf;
use std::process::ExitCode;

use diary_sort_cli::schema;

use crate::validate::{print_problems, read};

/// Options of `fmt`.
#[derive(Debug, clap::Args)]
pub struct Options {
    /// Change nothing; fail when a file is not formatted.
    #[arg(long)]
    pub check: bool,
    /// The set files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Formats (or with `--check`, checks) each file; success only if every one loads and is (now)
/// formatted.
pub fn run(&Options { check, ref files }: &Options) -> ExitCode {
    let mut ok = true;
    for file in files {
        let name = file.display();
        let text = match read(file) {
            Ok(text) => text,
            Err(problem) => {
                print_problems(&name.to_string(), &[problem]);
                ok = false;
                continue;
            }
        };
        match schema::canonical(&text) {
            Err(errors) => {
                print_problems(&name.to_string(), &errors.0);
                println!("{name}: {} problem(s); not formatted: fix them first", errors.0.len());
                ok = false;
            }
            Ok(formatted) if formatted == text => println!("{name}: already formatted"),
            Ok(_) if check => {
                println!("{name}: not formatted (diary-sort fmt {name} formats it)");
                ok = false;
            }
            Ok(formatted) => match std::fs::write(file, formatted) {
                Ok(()) => println!("{name}: formatted"),
                Err(e) => {
                    println!("{name}: cannot write the file: {e}");
                    ok = false;
                }
            },
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
