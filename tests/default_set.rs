//! The default sets against the essay: they load, every excerpt lands where the essay puts it,
//! every quotation is the essay's own wording, and every excerpt in every bin gets elaborated
//! feedback at every stage.

use std::collections::HashSet;

use diary_sort::core::feedback::{self, Span, Stage};
use diary_sort::core::set::{self, ExcerptKind, Set};
use diary_sort::core::strings::Lang;

const NL: &str = include_str!("../www/sets/snijders-nl.json");

fn nl() -> Set {
    set::load(NL).unwrap_or_else(|e| panic!("default set has problems: {:#?}", e.0))
}

/// The essay's reading of each fragment, by the footnote that cites it (reading guide).
fn essay_reading(footnote: u32) -> &'static str {
    match footnote {
        10 | 11 => "loneliness",
        12 => "atomisation",
        13 | 14 | 15 | 18 => "none",
        19 | 20 | 22 | 23 | 24 | 25 | 26 | 27 => "internalisation",
        other => panic!("footnote {other} cites no fragment of the essay"),
    }
}

#[test]
fn every_fragment_is_classified_as_the_essay_argues() {
    let set = nl();
    assert!(set.len() >= 14, "at least 14 fragments, got {}", set.len());
    let mut footnotes = HashSet::new();
    for (i, e) in set.file.excerpts.iter().enumerate() {
        let footnote = e.essay.footnote.unwrap_or_else(|| panic!("{} cites no footnote", e.id));
        assert!(footnotes.insert(footnote), "footnote {footnote} used twice");
        assert_eq!(set.bin(set.expected[i]).id, essay_reading(footnote), "excerpt {} (fn {footnote})", e.id);
        assert!(e.source.page.is_some() || footnote == 23, "{} cites its page", e.id);
    }
    let atomised = set.expected.iter().filter(|&&b| set.bin(b).id == "atomisation").count();
    assert_eq!(atomised, 1, "footnote 12 is the only atomisation fragment");
    let ids: Vec<&str> = set.bins.iter().map(|&b| set.bin(b).label).collect();
    for label in ["eenzaamheid", "internalisatie", "atomisatie"] {
        assert!(ids.contains(&label), "bin {label} offered: {ids:?}");
    }
}

/// Words of the essay with line breaks, hyphenation at line ends and spacing undone.
fn words(text: &str) -> Vec<String> {
    text.replace("-\n", "")
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn every_quotation_is_the_essays_own_wording() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/essay/essay-decoded.txt");
    let essay = std::fs::read_to_string(path).expect("the essay is in ../shared/essay (as on every machine of this project)");
    let essay_words = words(&essay);
    let grams: HashSet<&[String]> = essay_words.windows(4).collect();
    for e in &nl().file.excerpts {
        let w = words(&e.text);
        let total = w.windows(4).count();
        let found = w.windows(4).filter(|g| grams.contains(g)).count();
        // Up to four four-word runs may cross a page break, where the essay's file has a footnote
        // between two halves of a sentence; an invented or altered sentence misses far more.
        assert!(found * 100 >= total * 93 || total - found <= 4, "{}: only {found} of {total} four-word runs occur in the essay", e.id);
        if e.kind == ExcerptKind::Description {
            assert!(!e.text.starts_with('‘'), "{} is a description, not a quotation", e.id);
        }
    }
}

fn plain(spans: &[Vec<Span>]) -> String {
    spans
        .iter()
        .flatten()
        .map(|s| match s {
            Span::Text(t) | Span::Quote(t) | Span::Cite(t) => t.as_str(),
        })
        .collect()
}

#[test]
fn every_excerpt_in_every_bin_gets_feedback_that_reasons_from_the_rule() {
    let set = nl();
    for i in 0..set.len() {
        let right = feedback::right(&set, Lang::Nl, i);
        let text = plain(&right.paragraphs);
        assert!(text.contains("Daarom is het"), "{}: {text}", set.file.excerpts[i].id);
        assert!(right.paragraphs.iter().flatten().any(|s| matches!(s, Span::Quote(_))), "quotes evidence: {text}");
        assert!(right.paragraphs.iter().flatten().any(|s| matches!(s, Span::Cite(_))), "cites the essay: {text}");
        for &b in set.bins.iter().filter(|&&b| b != set.expected[i]) {
            for stage in [Stage::Explain, Stage::Hint, Stage::Reveal] {
                let f = feedback::wrong(&set, Lang::Nl, i, b, stage);
                let text = plain(&f.paragraphs);
                assert!(text.contains(set.bin(b).label), "{} in {}: {text}", set.file.excerpts[i].id, set.bin(b).id);
                assert!(!text.contains('{'), "unfilled placeholder: {text}");
                for span in f.paragraphs.iter().flatten() {
                    if let Span::Quote(q) = span {
                        assert!(set.file.excerpts[i].text.contains(q.as_str()));
                    }
                }
            }
        }
    }
}

#[test]
fn shaporinas_grief_in_atomisation_is_answered_with_the_essays_rule() {
    let set = nl();
    let i = set.file.excerpts.iter().position(|e| e.essay.footnote == Some(10)).expect("fn 10");
    let atomisation = set.bins.iter().copied().find(|&b| set.bin(b).id == "atomisation").unwrap();
    let text = plain(&feedback::wrong(&set, Lang::Nl, i, atomisation, Stage::Explain).paragraphs);
    assert!(text.contains("De bak atomisatie vraagt: eenzaamheid en ten minste één van:"), "{text}");
    assert!(text.contains("Het fragment toont eenzaamheid: "), "the loneliness is there, quoted: {text}");
    assert!(text.contains("Het fragment toont geen van deze: tegenstelling"), "none of the four is: {text}");
}
