//! The command line itself: every command explains itself with `--help` (status 0, on stdout),

//! and a missing or unknown command is a usage error (status 2, the usage on stderr).

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diary-sort")).args(args).output().expect("runs")
}

#[test]
fn every_command_has_help() {
    for command in ["serve", "validate", "fmt", "schema", "report", "package"] {
        let out = run(&[command, "--help"]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{command} --help");
        assert!(text.contains(&format!("Usage: diary-sort {command}")), "{command} --help: {text}");
        let via_help = run(&["help", command]);
        assert_eq!(String::from_utf8_lossy(&via_help.stdout), text, "`help {command}` says the same");
    }
    let text = String::from_utf8(run(&["--help"]).stdout).unwrap();
    for command in ["serve", "validate", "fmt", "schema", "report", "package"] {
        assert!(text.lines().any(|line| line.trim_start().starts_with(command)), "{command} is listed: {text}");
    }
}

#[test]
fn a_missing_or_unknown_command_is_a_usage_error() {
    for args in [&[][..], &["sort"], &["--port", "80"]] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: diary-sort <COMMAND>"), "{args:?}");
    }
}
