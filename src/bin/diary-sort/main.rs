//! `diary-sort`: the native command-line tool for instructors.
//!
//! ```text
//! diary-sort serve [--port N] [--root DIR]   serve www/ and pkg/ on http://127.0.0.1:N/www/
//! diary-sort validate FILE...                check exercise-set JSON files
//! ```
//!
//! Arguments are parsed by hand (std only). Usage errors print to stderr and exit with status 2.

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
  validate FILE...
        check exercise-set JSON files; errors name the JSON path and line:column.
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
        Some("validate") => {
            if rest.iter().any(|a| a == "-h" || a == "--help") {
                return help();
            }
            let files: Vec<PathBuf> = rest.into_iter().map(PathBuf::from).collect();
            if files.is_empty() {
                return usage_error("validate needs at least one FILE");
            }
            validate::run(&files)
        }
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

/// Parses the options of `serve`; `Ok(None)` means help was asked for.
fn parse_serve(args: &[OsString]) -> Result<Option<serve::Options>, String> {
    let mut port: u16 = 8000;
    let mut root: Option<PathBuf> = None;
    let mut i = 0;
    while i < args.len() {
        let arg = args[i]
            .to_str()
            .ok_or("serve: arguments must be valid UTF-8 (use --root=DIR)")?;
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
            args.get(i)
                .cloned()
                .ok_or_else(|| format!("serve: {flag} needs a value"))
        };
        match flag {
            "--port" | "-p" => {
                let v = value()?;
                port = v
                    .to_str()
                    .and_then(|s| s.parse().ok())
                    .ok_or_else(|| format!("serve: bad port `{}`", v.to_string_lossy()))?;
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

/// The current directory when it has a `www/` folder, else the source tree of this build.
fn default_root() -> PathBuf {
    match std::env::current_dir() {
        Ok(dir) if dir.join("www").is_dir() => dir,
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")),
    }
}
