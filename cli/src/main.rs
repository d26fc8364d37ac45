//! `diary-sort`: the native command-line tool for instructors.
//!
//! ```text
//! diary-sort serve [--port N] [--root DIR]   serve www/ and pkg/ on http://127.0.0.1:N/www/
//! diary-sort validate [--format json] FILE...  check exercise-set JSON files
//! diary-sort fmt [--check] FILE...           rewrite sets in the canonical order and indentation
//! diary-sort import CSV --into SET           add excerpts from a spreadsheet to a set
//! diary-sort schema                          print the set format's JSON Schema
//! diary-sort explain SET [--excerpt ID] [--lens ID] [--format text|json]
//!                                            every feedback text of a set at once
//! diary-sort report FILE... [--set SET] [--format html|svg] [--lang nl|en] -o OUT
//! diary-sort report --lrs URL --user U --password P [--since T] [--activity IRI] ... -o OUT
//!                                            draw the class report from xAPI or SCORM data
//! diary-sort package --set FILE --format scorm12|scorm2004|cmi5 -o OUT.zip [--root DIR]
//!                                            a course package for an LMS
//! ```
//!
//! Arguments are parsed by clap: each command's module owns its options (a struct deriving
//! `clap::Args`, whose doc comments are the `--help` text) and a `run` that takes them; a new
//! command is a module and a variant of [`Command`]. Usage errors print to stderr and exit with
//! status 2.

mod explain;
mod fmt;
mod import;
mod lrs;
mod package;
mod report;
mod serve;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The instructor's tool for diary-sort exercise sets: check and tidy sets, try the pages, build
/// course packages and draw the class report.
#[derive(Debug, Parser)]
#[command(name = "diary-sort", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Serve DIR/www and DIR/pkg on 127.0.0.1 and print the URL to open.
    ///
    /// The pages are served under their strict Content-Security-Policy; nothing outside www/ and
    /// pkg/ is served.
    Serve(serve::Options),
    /// Check exercise-set JSON files; problems name the JSON path and line:column.
    Validate(validate::Options),
    /// Rewrite sets in the canonical order of their fields with two-space indentation.
    ///
    /// What a set means does not change; sets with problems are refused.
    Fmt(fmt::Options),
    /// Add excerpts from a spreadsheet (CSV) to a set.
    ///
    /// Columns: id, text, the excerpt's other fields (kind, source_kind, diarist, date, work,
    /// page, context, section, footnote, category, commentary, hint) and one column per criterion
    /// id holding the words that show it (empty when the excerpt does not). Problems are printed
    /// as FILE:LINE: column: message; nothing is written then. The rest of the set keeps its
    /// layout.
    Import(import::Options),
    /// Print the JSON Schema of the set format (www/schema/set.schema.json).
    Schema,
    /// Print every feedback text of a set at once, to check it before class.
    ///
    /// Per excerpt: the criteria it shows with their evidence, the bin the rules give, the
    /// feedback a student gets on the board for each bin at each check, and each lens's bin and
    /// why. In the set's language.
    Explain(explain::Options),
    /// Draw how the class did from what the module reported.
    ///
    /// Reads xAPI statements (JSON: a list, an LRS page, one a line) or a SCORM interactions
    /// export (CSV), from files or from a Learning Record Store (--lrs). HTML writes OUT and its
    /// stylesheet beside it (OUT with .css); SVG writes one picture. Problems name
    /// FILE:LINE:COL; nothing is written then.
    Report(report::Options),
    /// Write a course package an LMS imports.
    ///
    /// The package holds the manifest (imsmanifest.xml, or cmi5.xml), the launch page
    /// www/course.html, the module (DIR/pkg, built by scripts/build) and the set, validated first.
    Package(package::Options),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Serve(options) => serve::run(&options),
        Command::Validate(options) => validate::run(&options),
        Command::Fmt(options) => fmt::run(&options),
        Command::Import(options) => import::run(&options),
        Command::Schema => {
            print!("{}", diary_sort_cli::schema::json_schema());
            ExitCode::SUCCESS
        }
        Command::Explain(options) => explain::run(&options),
        Command::Report(options) => report::run(&options),
        Command::Package(options) => package::run(&options),
    }
}

/// The current directory when it has a `www/` folder, else the source tree of this build (the
/// workspace around this crate): the default of `--root`.
fn default_root() -> PathBuf {
    match std::env::current_dir() {
        Ok(dir) if dir.join("www").is_dir() => dir,
        _ => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/..")),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
