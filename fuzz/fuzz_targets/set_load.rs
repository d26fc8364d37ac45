//! Any text as an exercise set: loading never panics, and a set that loads evaluates every rule
//! and builds feedback for every excerpt in every bin at every stage, in both interface
//! languages, without panicking; each excerpt's derived bin is the first rule in precedence
//! order that holds (or the fallback). The quiz's feedback too: every lens's reading of every
//! excerpt, the criteria step with every criterion ticked in every bin, the evidence step with
//! every word marked, and every question's feedback with each option chosen.
#![no_main]

use diary_sort::core::feedback::{self, Stage, Verdict};
use diary_sort::core::quiz;
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
        let all_criteria: Vec<usize> = (0..set.file.criteria.len()).collect();
        let all_words: Vec<usize> = (0..quiz::words(&set.file.excerpts[i].text).len()).collect();
        for lang in [Lang::Nl, Lang::En] {
            feedback::right(&set, lang, i);
            for &bin in &set.bins {
                for stage in [Stage::Explain, Stage::Hint, Stage::Reveal] {
                    feedback::wrong(&set, lang, i, bin, stage);
                }
                feedback::criteria_step(&set, lang, i, &all_criteria, bin);
            }
            feedback::evidence_step(&set, lang, i, &all_words);
            for lens in 0..set.file.lenses.len() {
                assert!(set.bins.contains(&set.classify(lens, i)) || set.file.fallback.is_some(), "lens {lens}, excerpt {i}");
                feedback::lens_reading(&set, lang, lens, i);
            }
        }
    }
    for (q, question) in set.file.questions.iter().enumerate() {
        for o in 0..question.options.len() {
            for verdict in [Verdict::Right, Verdict::Wrong, Verdict::Revealed] {
                feedback::question(&set, Lang::En, q, &[o], verdict);
            }
        }
    }
});
