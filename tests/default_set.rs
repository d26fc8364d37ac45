//! The default sets against the essay: they load, every excerpt lands where the essay puts it,
//! every Dutch quotation is the essay's own wording, the English set is the Dutch set's faithful
//! counterpart (same fragments, footnotes, pages, evidence and bins), and every excerpt in every
//! bin gets elaborated feedback in the set's language at every stage.

use std::collections::HashSet;

use diary_sort::core::feedback::{self, Span, Stage};
use diary_sort::core::set::{self, ExcerptKind, Set};
use diary_sort::core::strings::{self, Key, Lang};

const NL: &str = include_str!("../www/sets/snijders-nl.json");
const EN: &str = include_str!("../www/sets/snijders-en.json");

fn load(name: &str, text: &str) -> Set {
    set::load(text).unwrap_or_else(|e| panic!("default set {name} has problems: {:#?}", e.0))
}

fn nl() -> Set {
    load("snijders-nl.json", NL)
}

fn en() -> Set {
    load("snijders-en.json", EN)
}

/// Both default sets, each with its language and the labels its three rule bins must carry.
fn default_sets() -> [(Set, Lang, [&'static str; 3]); 2] {
    [
        (nl(), Lang::Nl, ["eenzaamheid", "internalisatie", "atomisatie"]),
        (en(), Lang::En, ["loneliness", "internalisation", "atomisation"]),
    ]
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

/// Every fragment of `set` lands in the bin the essay puts it in, under a bin labelled in the
/// set's language; descriptions are never dressed as quotations.
fn assert_classified_as_the_essay_argues(set: &Set, labels: [&str; 3]) {
    let name = &set.file.id;
    assert!(set.len() >= 14, "{name}: at least 14 fragments, got {}", set.len());
    let mut footnotes = HashSet::new();
    for (i, e) in set.file.excerpts.iter().enumerate() {
        let footnote = e.essay.footnote.unwrap_or_else(|| panic!("{name}: {} cites no footnote", e.id));
        assert!(footnotes.insert(footnote), "{name}: footnote {footnote} used twice");
        assert_eq!(set.bin(set.expected[i]).id, essay_reading(footnote), "{name}: excerpt {} (fn {footnote})", e.id);
        assert!(e.source.page.is_some() || footnote == 23, "{name}: {} cites its page", e.id);
        if e.kind == ExcerptKind::Description {
            assert!(!e.text.starts_with(['‘', '“', '\'', '"']), "{name}: {} is a description, not a quotation", e.id);
        }
    }
    let atomised = set.expected.iter().filter(|&&b| set.bin(b).id == "atomisation").count();
    assert_eq!(atomised, 1, "{name}: footnote 12 is the only atomisation fragment");
    let offered: Vec<&str> = set.bins.iter().map(|&b| set.bin(b).label).collect();
    for label in labels {
        assert!(offered.contains(&label), "{name}: bin {label} offered: {offered:?}");
    }
}

#[test]
fn every_fragment_is_classified_as_the_essay_argues() {
    for (set, _, labels) in default_sets() {
        assert_classified_as_the_essay_argues(&set, labels);
    }
}

#[test]
fn the_english_set_mirrors_the_dutch_set() {
    let (nl, en) = (nl(), en());
    let (n, e) = (&nl.file, &en.file);
    assert_eq!((n.lang, e.lang), (Lang::Nl, Lang::En));
    assert_eq!(e.id, "snijders-atomisation-en");
    assert_ne!(n.id, e.id, "the two sets keep separate stored attempts");
    assert!(
        e.intro.contains("Quotations are translated from the essay’s Dutch."),
        "the intro says where the English quotations come from: {}",
        e.intro
    );
    assert_eq!((n.format, &n.precedence), (e.format, &e.precedence));
    let settings = |f: &set::SetFile| {
        let s = &f.settings;
        (s.tries, s.penalty, s.pass_mark, s.shuffle, s.overall.iter().map(|b| b.min).collect::<Vec<_>>())
    };
    assert_eq!(settings(n), settings(e), "same scoring and score bands");
    let criteria = |f: &set::SetFile| f.criteria.iter().map(|c| (c.id.clone(), c.essay.clone())).collect::<Vec<_>>();
    assert_eq!(criteria(n), criteria(e), "same criteria, cited at the same places");
    let categories = |f: &set::SetFile| f.categories.iter().map(|c| (c.id.clone(), c.essay.clone(), c.rule.clone())).collect::<Vec<_>>();
    assert_eq!(categories(n), categories(e), "same categories with the same rules");
    let fallback = |f: &set::SetFile| f.fallback.as_ref().map(|b| (b.id.clone(), b.essay.clone(), b.offer));
    assert_eq!(fallback(n), fallback(e), "same fallback bin");
    assert_eq!(nl.bins, en.bins, "the same bins, in the same order");

    let ids = |f: &set::SetFile| f.excerpts.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(n), ids(e), "the same excerpts in the same order");
    for (i, (a, b)) in n.excerpts.iter().zip(&e.excerpts).enumerate() {
        let id = &a.id;
        assert_eq!(a.essay, b.essay, "{id}: same section and footnote");
        assert_eq!(a.source.page, b.source.page, "{id}: same page");
        assert_eq!(a.source.date.is_some(), b.source.date.is_some(), "{id}: dated in both or neither");
        assert_eq!(a.kind, b.kind, "{id}: a quotation in both, or a description in both");
        let criteria = |x: &set::Excerpt| x.evidence.iter().map(|v| v.criterion.clone()).collect::<Vec<_>>();
        assert_eq!(criteria(a), criteria(b), "{id}: the same evidence criteria");
        assert_eq!(a.category, b.category, "{id}: the same stated category");
        assert_eq!(nl.shown[i], en.shown[i], "{id}: the same criteria shown");
        assert_eq!(nl.bin(nl.expected[i]).id, en.bin(en.expected[i]).id, "{id}: the same derived bin");
        assert_eq!(a.commentary.is_some(), b.commentary.is_some(), "{id}: commentary in both or neither");
        assert_eq!(a.hint.is_some(), b.hint.is_some(), "{id}: hint in both or neither");
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
fn every_dutch_quotation_is_the_essays_own_wording() {
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

/// Pieces of the other language's string table (the fixed text between placeholders) that
/// feedback in `lang` must never contain: a sentence in the wrong language.
fn foreign_pieces(lang: Lang) -> Vec<&'static str> {
    let other = if lang == Lang::Nl { Lang::En } else { Lang::Nl };
    let own: Vec<&str> = Key::ALL.iter().map(|&k| strings::get(lang, k)).collect();
    Key::ALL
        .iter()
        .flat_map(|&k| strings::get(other, k).split(['{', '}']))
        .map(str::trim)
        .filter(|piece| piece.chars().count() >= 8 && !own.iter().any(|t| t.contains(piece)))
        .collect()
}

/// Every excerpt of `set`, right or in any wrong bin at every stage, gets feedback in `lang`
/// that reasons from the rule: the bin's sentence, quoted evidence from the excerpt's own text,
/// the essay cited, every placeholder filled, no sentence of the other language.
fn assert_feedback_reasons_from_the_rule(set: &Set, lang: Lang) {
    let foreign = foreign_pieces(lang);
    assert!(foreign.len() > 20, "the other table has sentences to look for: {foreign:?}");
    let check = |what: &str, i: usize, paragraphs: &[Vec<Span>]| {
        let text = plain(paragraphs);
        assert!(!text.contains('{') && !text.contains('}'), "{what}: unfilled placeholder: {text}");
        for piece in &foreign {
            assert!(!text.contains(piece), "{what}: a sentence in the other language ({piece:?}): {text}");
        }
        for span in paragraphs.iter().flatten() {
            if let Span::Quote(q) = span {
                assert!(set.file.excerpts[i].text.contains(q.as_str()), "{what}: quote {q:?} is from the excerpt");
            }
        }
        text
    };
    for i in 0..set.len() {
        let id = &set.file.excerpts[i].id;
        let right = feedback::right(set, lang, i);
        let text = check(&format!("{id} right"), i, &right.paragraphs);
        let because = strings::text(lang, Key::HoldsBecause, &[("bin", set.bin(set.expected[i]).label)]);
        assert!(text.contains(&because), "{id}: {because:?} in {text}");
        assert!(right.paragraphs.iter().flatten().any(|s| matches!(s, Span::Quote(_))), "{id}: quotes evidence: {text}");
        assert!(right.paragraphs.iter().flatten().any(|s| matches!(s, Span::Cite(_))), "{id}: cites the essay: {text}");
        for &b in set.bins.iter().filter(|&&b| b != set.expected[i]) {
            for stage in [Stage::Explain, Stage::Hint, Stage::Reveal] {
                let f = feedback::wrong(set, lang, i, b, stage);
                let text = check(&format!("{id} in {} ({stage:?})", set.bin(b).id), i, &f.paragraphs);
                assert!(text.contains(set.bin(b).label), "{id} in {}: {text}", set.bin(b).id);
            }
        }
    }
}

#[test]
fn every_excerpt_in_every_bin_gets_feedback_that_reasons_from_the_rule() {
    for (set, lang, _) in default_sets() {
        assert_feedback_reasons_from_the_rule(&set, lang);
    }
}

/// Shaporina's grief (footnote 10) placed in atomisation: the feedback states the essay's rule,
/// quotes the loneliness that is there, and names the four conditions that are not.
fn assert_grief_in_atomisation_answered(set: &Set, lang: Lang, expected: [&str; 3]) {
    let i = set.file.excerpts.iter().position(|e| e.essay.footnote == Some(10)).expect("fn 10");
    let atomisation = set.bins.iter().copied().find(|&b| set.bin(b).id == "atomisation").unwrap();
    let text = plain(&feedback::wrong(set, lang, i, atomisation, Stage::Explain).paragraphs);
    for sentence in expected {
        assert!(text.contains(sentence), "{sentence:?} in {text}");
    }
}

#[test]
fn shaporinas_grief_in_atomisation_is_answered_with_the_essays_rule() {
    assert_grief_in_atomisation_answered(
        &nl(),
        Lang::Nl,
        [
            "De bak ‘atomisatie’ vraagt: eenzaamheid en ten minste één van:",
            "Het fragment toont eenzaamheid: ",
            "Het fragment toont geen van deze: tegenstelling",
        ],
    );
    assert_grief_in_atomisation_answered(
        &en(),
        Lang::En,
        [
            "The bin ‘atomisation’ requires: loneliness and at least one of:",
            "The excerpt shows loneliness: ",
            "The excerpt shows none of these: an opposition between the individual and the party",
        ],
    );
}
