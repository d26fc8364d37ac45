//! Any text as a resume string for the default set: decoding never panics, and a string that
//! decodes gives a valid attempt (status, feedback and summary of every card, score at most 100,
//! checks at most the tries) whose own resume string decodes to the same attempt and encodes to
//! the same string again (`tests/support/valid.rs`).
//!
//! `HASH` in the input stands for the default set's hash, so that the seeds in
//! `fuzz/corpus/state_decode/` reach past the hash check even after the set is edited.
#![no_main]

use std::sync::LazyLock;

use diary_sort::core::set::{self, Set};
use diary_sort::core::state;
use diary_sort::core::strings::Lang;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/valid.rs"]
mod valid;

static SET: LazyLock<Set> = LazyLock::new(|| set::load(include_str!("../../www/sets/snijders-nl.json")).expect("the default set loads"));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).replacen("HASH", &format!("{:016x}", SET.hash), 1);
    for lang in [Lang::Nl, Lang::En] {
        if let Ok(board) = state::decode(SET.clone(), lang, &text) {
            valid::assert_valid(&board);
        }
    }
});
