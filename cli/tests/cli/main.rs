//! The tool's tests, one crate: each command as an instructor runs it (the real binary), and the
//! library's readers and numbers.

mod explain;
mod import;
mod package;
mod report;
mod schema_fmt;
mod serve;
mod usage;
mod validate;

/// The workspace root, where `www/` and `tests/fixtures/` are.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

use std::path::PathBuf;
use std::process::Command;

/// Runs `diary-sort ARGS` in the source tree: (exit status, stdout).
fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_diary-sort")).args(args).current_dir(ROOT).output().expect("runs");
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

/// A folder of its own in the temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("diary-sort-test-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}
