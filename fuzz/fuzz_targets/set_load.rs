//! Any text as an exercise set: loading never panics, and a set that loads evaluates every rule
//! and builds feedback for every excerpt in every bin at every stage, in both interface
//! languages, without panicking; each excerpt's derived bin is the first rule in precedence
//! order that holds (or the fallback).
#![no_main]

use diary_sort::core::feedback::{self, Stage};
use diary_sort::core::set;
use diary_sort::core::strings::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(set) = set::load(&String::from_utf8_lossy(data)) else { return };
    let categories = &set.file.categories;
    for i in 0..set.len() {
        let shows = |id: &str| set.shown[i].iter().any(|&c| set.file.criteria[c].id == id);
        for category in categories {
            let witness = category.rule.evaluate(&shows);
            witness.present();
            witness.missing();
        }
        let first_holding = set.precedence.iter().copied().find(|&c| categories[c].rule.evaluate(&shows).holds);
        assert_eq!(set.expected[i], first_holding.unwrap_or(categories.len()), "excerpt {i}");
        for lang in [Lang::Nl, Lang::En] {
            feedback::right(&set, lang, i);
            for &bin in &set.bins {
                for stage in [Stage::Explain, Stage::Hint, Stage::Reveal] {
                    feedback::wrong(&set, lang, i, bin, stage);
                }
            }
        }
    }
});
