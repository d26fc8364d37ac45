//! The tool's tests, one crate: each command as an instructor runs it (the real binary), and the
//! library's readers and numbers.

mod explain;
mod package;
mod report;
mod schema_fmt;
mod serve;
mod usage;
mod validate;

/// The workspace root, where `www/` and `tests/fixtures/` are.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
