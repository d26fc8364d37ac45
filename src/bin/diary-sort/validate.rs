//! `diary-sort validate FILE...`: checks exercise-set files with the same loader the browser
//! uses, printing each problem as `FILE:LINE:COL: PATH: message`.

use std::path::PathBuf;
use std::process::ExitCode;

use diary_sort::core::set;

/// Validates each file; success only if every one is a valid exercise set.
pub fn run(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for file in files {
        let name = file.display();
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(e) => {
                println!("{name}: cannot read the file: {e}");
                ok = false;
                continue;
            }
        };
        match set::load(&text) {
            Ok(loaded) => println!(
                "{name}: ok ({} excerpts, {} criteria, {} bins)",
                loaded.len(),
                loaded.file.criteria.len(),
                loaded.bins.len()
            ),
            Err(errors) => {
                ok = false;
                for problem in &errors.0 {
                    let sep = if problem.line.is_some() { ":" } else { ": " };
                    println!("{name}{sep}{problem}");
                }
                println!("{name}: {} problem(s)", errors.0.len());
            }
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
