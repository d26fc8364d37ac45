//! `diary-sort`: the native command-line tool for instructors.
//!
//! ```text
//! diary-sort serve [--port N] [--root DIR]   serve www/ and pkg/ on http://127.0.0.1:N/www/
//! diary-sort validate [--format json] FILE...  check exercise-set JSON files
//! diary-sort fmt [--check] FILE...           rewrite sets in the canonical order and indentation
//! diary-sort schema                          print the set format's JSON Schema
//! diary-sort report FILE... [--set SET] [--format html|svg] [--lang nl|en] -o OUT
//!                                            draw the class report from xAPI or SCORM data
//! diary-sort package --set FILE --format scorm12|scorm2004|cmi5 -o OUT.zip [--root DIR]
//!                                            a course package for an LMS
//! ```
//!
//! Arguments are parsed by hand (std only). Usage errors print to stderr and exit with status 2.

mod fmt;
mod package;
mod report;
mod serve;
mod validate;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

/// The usage text printed by `--help` and after a usage error.
const USAGE: &str = "\
usage: diary-sort <command> [options]

commands:
  serve [--port N] [--root DIR]
        serve DIR/www and DIR/pkg on 127.0.0.1 (default port 8000; --port 0 picks a
        free port). DIR defaults to the current directory when it has a www/ folder,
        else to the source tree this binary was built from. Prints the URL to open.
  validate [--format text|json] FILE...
        check exercise-set JSON files; errors name the JSON path and line:column.
        --format json prints one JSON array for programs instead:
        [{file, ok, problems: [{line, column, path, message}]}].
  fmt [--check] FILE...
        rewrite sets in the canonical order of their fields with two-space
        indentation, without changing what they mean; sets with problems are
        refused. --check changes nothing and fails when a file is not formatted.
  schema
        print the JSON Schema of the set format (www/schema/set.schema.json).
  report FILE... [--set SET] [--format html|svg] [--lang nl|en] -o OUT
        draw how the class did from what the module reported: xAPI statements
        (JSON: a list, an LRS page, one a line) or a SCORM interactions export
        (CSV). HTML writes OUT and its stylesheet beside it (OUT with .css); SVG
        writes one picture. --set gives labels, names and what each excerpt
        shows (for the criteria missed). Problems name FILE:LINE:COL; nothing
        is written then.
  package --set FILE --format scorm12|scorm2004|cmi5 -o OUT.zip [--root DIR]
        write a course package an LMS imports: the manifest (imsmanifest.xml, or
        cmi5.xml), the launch page www/course.html, the module (DIR/pkg, built by
        scripts/build) and the set, validated first. DIR as for serve.
  help  print this text
";

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(command) = args.next() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest: Vec<OsString> = args.collect();
    match command.to_str() {
        Some("serve") => match parse_serve(&rest) {
            Ok(Some(options)) => serve::run(&options),
            Ok(None) => help(),
            Err(message) => usage_error(&message),
        },
        Some("validate") => match files_and_options("validate", &rest, &["--format"]) {
            Ok(Some(FileArgs { files, options })) => {
                let mut format = validate::Format::Text;
                for (option, value) in options {
                    format = match (option.as_str(), value.as_deref()) {
                        ("--format", Some("text")) => validate::Format::Text,
                        ("--format", Some("json")) => validate::Format::Json,
                        ("--format", other) => {
                            return usage_error(&format!("validate: --format is text or json, not `{}`", other.unwrap_or_default()));
                        }
                        _ => return usage_error(&format!("validate: unknown option `{option}`")),
                    };
                }
                validate::run(&files, format)
            }
            Ok(None) => help(),
            Err(message) => usage_error(&message),
        },
        Some("fmt") => match files_and_options("fmt", &rest, &[]) {
            Ok(Some(FileArgs { files, options })) => match options.iter().find(|(option, value)| option != "--check" || value.is_some()) {
                Some((option, _)) => usage_error(&format!("fmt: unknown option `{option}`")),
                None => fmt::run(&files, !options.is_empty()),
            },
            Ok(None) => help(),
            Err(message) => usage_error(&message),
        },
        Some("schema") => match rest.first() {
            None => {
                print!("{}", diary_sort_cli::schema::json_schema());
                ExitCode::SUCCESS
            }
            Some(a) if a == "-h" || a == "--help" => help(),
            Some(a) => usage_error(&format!("schema takes no arguments, not `{}`", a.to_string_lossy())),
        },
        Some("report") => match files_and_options("report", &rest, &["--set", "--format", "--lang", "-o", "--out"]) {
            Ok(Some(FileArgs { files, options })) => match report_options(files, options) {
                Ok(options) => report::run(&options),
                Err(message) => usage_error(&message),
            },
            Ok(None) => help(),
            Err(message) => usage_error(&message),
        },
        Some("package") => match parse_package(&rest) {
            Ok(Some(options)) => package::run(&options),
            Ok(None) => help(),
            Err(message) => usage_error(&message),
        },
        Some("help" | "-h" | "--help") => help(),
        Some("--version" | "-V") => {
            println!("diary-sort {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => usage_error(&format!("unknown command `{}`", command.to_string_lossy())),
    }
}

/// Prints the usage text to stdout and succeeds.
fn help() -> ExitCode {
    print!("{USAGE}");
    ExitCode::SUCCESS
}

/// Prints `message` and the usage text to stderr; exit status 2.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("diary-sort: {message}");
    eprint!("{USAGE}");
    ExitCode::from(2)
}

/// The arguments of `validate`, `fmt` and `report`: files, and options with their values.
struct FileArgs {
    files: Vec<PathBuf>,
    options: Vec<(String, Option<String>)>,
}

/// Splits the arguments of `validate`, `fmt` or `report` into files and options: `--name`, `--name=value`,
/// and `--name value` for the options in `valued`. `Ok(None)` means help was asked for.
fn files_and_options(command: &str, args: &[OsString], valued: &[&str]) -> Result<Option<FileArgs>, String> {
    let mut files = Vec::new();
    let mut options = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("-h" | "--help") => return Ok(None),
            Some(option) if option.starts_with('-') => {
                let (name, value) = match option.split_once('=') {
                    Some((name, value)) => (name, Some(value.to_string())),
                    None if valued.contains(&option) => {
                        let value = args.next().ok_or_else(|| format!("{command}: {option} needs a value"))?;
                        (option, Some(value.to_string_lossy().into_owned()))
                    }
                    None => (option, None),
                };
                options.push((name.to_string(), value));
            }
            _ => files.push(PathBuf::from(arg)),
        }
    }
    if files.is_empty() {
        return Err(format!("{command} needs at least one FILE"));
    }
    Ok(Some(FileArgs { files, options }))
}

/// The options of `report`, checked.
fn report_options(files: Vec<PathBuf>, options: Vec<(String, Option<String>)>) -> Result<report::Options, String> {
    let mut set = None;
    let mut format = report::Format::Html;
    let mut lang = None;
    let mut out = None;
    for (option, value) in options {
        match (option.as_str(), value) {
            ("--set", Some(path)) => set = Some(PathBuf::from(path)),
            ("--format", Some(f)) if f == "html" => format = report::Format::Html,
            ("--format", Some(f)) if f == "svg" => format = report::Format::Svg,
            ("--format", f) => return Err(format!("report: --format is html or svg, not `{}`", f.unwrap_or_default())),
            ("--lang", Some(l)) if l == "nl" || l == "en" => lang = diary_sort::core::strings::Lang::from_tag(&l),
            ("--lang", l) => return Err(format!("report: --lang is nl or en, not `{}`", l.unwrap_or_default())),
            ("-o" | "--out", Some(path)) => out = Some(PathBuf::from(path)),
            (option, _) => return Err(format!("report: unknown option `{option}`")),
        }
    }
    let out = out.ok_or("report: say where to write the report with -o OUT")?;
    Ok(report::Options { files, set, format, lang, out })
}

/// Parses the options of `serve`; `Ok(None)` means help was asked for.
fn parse_serve(args: &[OsString]) -> Result<Option<serve::Options>, String> {
    let mut port: u16 = 8000;
    let mut root: Option<PathBuf> = None;
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].to_str().ok_or("serve: arguments must be valid UTF-8 (use --root=DIR)")?;
        // Both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (arg, None),
        };
        let mut value = || -> Result<OsString, String> {
            if let Some(v) = inline.clone() {
                return Ok(v.into());
            }
            i += 1;
            args.get(i).cloned().ok_or_else(|| format!("serve: {flag} needs a value"))
        };
        match flag {
            "--port" | "-p" => {
                let v = value()?;
                port = v.to_str().and_then(|s| s.parse().ok()).ok_or_else(|| format!("serve: bad port `{}`", v.to_string_lossy()))?;
            }
            "--root" => root = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("serve: unknown option `{other}`")),
        }
        i += 1;
    }
    let root = root.unwrap_or_else(default_root);
    Ok(Some(serve::Options { port, root }))
}

/// Parses the options of `package`; `Ok(None)` means help was asked for.
fn parse_package(args: &[OsString]) -> Result<Option<package::Options>, String> {
    let (mut set, mut format, mut out, mut root) = (None, None, None, None);
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let arg = arg.to_str().ok_or("package: arguments must be valid UTF-8")?;
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg, None),
        };
        if matches!(flag, "-h" | "--help") {
            return Ok(None);
        }
        let value = match inline {
            Some(v) => v,
            None => args.next().and_then(|v| v.to_str()).map(str::to_string).ok_or_else(|| format!("package: {flag} needs a value"))?,
        };
        match flag {
            "--set" => set = Some(PathBuf::from(value)),
            "--format" => format = Some(value.parse::<package::Format>().map_err(|e| format!("package: --format {e}"))?),
            "-o" | "--out" => out = Some(PathBuf::from(value)),
            "--root" => root = Some(PathBuf::from(value)),
            other => return Err(format!("package: unknown option `{other}`")),
        }
    }
    Ok(Some(package::Options {
        set: set.ok_or("package needs --set FILE")?,
        format: format.ok_or("package needs --format scorm12|scorm2004|cmi5")?,
        out: out.ok_or("package needs -o OUT.zip")?,
        root: root.unwrap_or_else(default_root),
    }))
}

/// The current directory when it has a `www/` folder, else the source tree of this build (the
/// workspace around this crate).
fn default_root() -> PathBuf {
    match std::env::current_dir() {
        Ok(dir) if dir.join("www").is_dir() => dir,
        _ => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/..")),
    }
}
