//! The module's native tests, one crate: the core (set loading and validation, limits, the
//! board, the quiz, resume strings, wording), the default sets held to the essay, a set with only
//! the required fields, and property tests. `cargo test` runs them; the browser shell's tests are in `tests/web/`.

#![cfg(not(target_arch = "wasm32"))]

// Shared with the fuzz targets, which include them by path too.
#[path = "../support/play.rs"]
mod play;
#[path = "../support/quiz_fixture.rs"]
mod quiz_fixture;
#[path = "../support/valid.rs"]
mod valid;

mod core_board;
mod core_edit;
mod core_explain;
mod core_limits;
mod core_quiz;
mod core_resume;
mod core_set;
mod default_set;
mod messages;
mod minimal_set;
mod properties;
mod quiz_navigation;
mod quiz_properties;
mod resume_compat;
mod wording;
