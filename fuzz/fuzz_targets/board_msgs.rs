//! Any sequence of student actions on the default set: after each message the attempt is valid
//! and behaves as the rules say (`tests/support/play.rs`: right cards stay right, checks ≤ tries,
//! score ≤ 100 and equal to what the cards earned, completion reported once, the resume string
//! round-trips). The first byte picks the interface language and the shuffle seed.
#![no_main]

use std::sync::LazyLock;

use diary_sort::core::board::Board;
use diary_sort::core::set::{self, Set};
use diary_sort::core::strings::Lang;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/valid.rs"]
mod valid;

#[path = "../../tests/support/play.rs"]
mod play;

static SET: LazyLock<Set> = LazyLock::new(|| set::load(include_str!("../../www/sets/snijders-nl.json")).expect("the default set loads"));

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let lang = if first & 1 == 0 { Lang::Nl } else { Lang::En };
    let mut play = play::Play::new(Board::new(SET.clone(), lang, u64::from(first >> 1)));
    let mut bytes = rest.iter().copied();
    while let Some(msgs) = play::next_actions(play.board(), &mut bytes) {
        for msg in msgs {
            play.apply(msg);
        }
    }
});
