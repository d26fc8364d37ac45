//! The default sets against the essay: they load, every excerpt lands where the essay puts it and
//! names the kind of text it comes from, every Dutch quotation is the essay's own wording (the
//! excerpts, their evidence, and every quotation in the sets' prose: intro, criteria, bins,
//! commentary, hints, sources, questions, feedback, lens summaries, score bands), the English set
//! is the Dutch set's faithful counterpart (same fragments, footnotes, pages, kinds of source,
//! evidence, bins, questions, correct options and lenses, and a quotation wherever the Dutch has
//! one), the concept questions cover every section of the essay, each historians' lens classifies
//! the fragments as the exercise derives from the essay's description of that school, and every
//! excerpt in every bin gets elaborated feedback in the set's language at every stage.
//!
//! The essay itself is not part of the project: `tests/fixtures/essay-ngrams.txt` holds hashes of
//! its word runs (1 to 4 words), made by `scripts/essay-ngrams` from the essay's text. A quotation
//! is the essay's wording when each of its four-word runs (or, if shorter, the whole) is there.

use std::collections::HashSet;

use diary_sort::core::feedback::{self, Span, Stage};
use diary_sort::core::set::{self, EssayRef, ExcerptKind, Mode, QuestionType, Set, SetFile, SourceKind};
use diary_sort::core::strings::{self, Key, Lang};

const NL: &str = include_str!("../../www/sets/snijders-nl.json");
const EN: &str = include_str!("../../www/sets/snijders-en.json");

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
    [(nl(), Lang::Nl, ["eenzaamheid", "internalisatie", "atomisatie"]), (en(), Lang::En, ["loneliness", "internalisation", "atomisation"])]
}

/// The essay's reading of each fragment, by the footnote that cites it. Footnote 2, the opening
/// carnival mask: a mask without loneliness. Footnote 18: the ex-prisoner stands alone, and the
/// essay denies atomisation, not loneliness. Footnote 24: the writer ‘is het hier duidelijk niet
/// mee eens’ with the leaders' idea he describes, without loneliness.
fn essay_reading(footnote: u32) -> &'static str {
    match footnote {
        10 | 11 | 18 => "loneliness",
        12 => "atomisation",
        2 | 13 | 14 | 15 | 24 => "none",
        19 | 20 | 22 | 23 | 25 | 26 | 27 => "internalisation",
        other => panic!("footnote {other} cites no fragment of the essay"),
    }
}

/// The kind of text each fragment comes from, by its footnote: the Izvestiya pieces of the
/// *Chronicle of the year 1937* (fn 2, 25, 26; only fn 23 is the farmer Frolov's diary),
/// Andreev-Khomiakov's memoir *Bitter waters* (fn 13–24), the love letter the essay quotes from
/// Stavsky's diary (fn 22), and diaries.
fn source_kind(footnote: u32) -> SourceKind {
    match footnote {
        2 | 25 | 26 => SourceKind::Newspaper,
        13 | 14 | 15 | 18 | 24 => SourceKind::Memoir,
        22 => SourceKind::Letter,
        _ => SourceKind::Diary,
    }
}

/// Every fragment of `set` lands in the bin the essay puts it in, under a bin labelled in the
/// set's language; descriptions are never dressed as quotations.
fn assert_classified_as_the_essay_argues(set: &Set, labels: [&str; 3]) {
    let name = &set.file.id;
    assert!(set.len() >= 16, "{name}: at least 16 fragments, got {}", set.len());
    let mut footnotes = HashSet::new();
    for (i, e) in set.file.excerpts.iter().enumerate() {
        let footnote = cited(&e.essay).footnote.unwrap_or_else(|| panic!("{name}: {} cites no footnote", e.id));
        assert!(footnotes.insert(footnote), "{name}: footnote {footnote} used twice");
        assert_eq!(set.bin(set.expected[i]).id, essay_reading(footnote), "{name}: excerpt {} (fn {footnote})", e.id);
        assert_eq!(source(e).kind, source_kind(footnote), "{name}: the kind of text {} comes from", e.id);
        assert!(source(e).page.is_some() || footnote == 23, "{name}: {} cites its page", e.id);
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

/// Where an excerpt of a default set comes from (they all say).
fn source(e: &set::Excerpt) -> &set::Source {
    e.source.as_ref().expect("the default sets name every source")
}

/// Where the essay says something of a default set (they cite it everywhere).
fn cited(reference: &Option<EssayRef>) -> &EssayRef {
    reference.as_ref().expect("the default sets cite the essay everywhere")
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
    let settings = |f: &SetFile| {
        let s = &f.settings;
        (s.tries, s.penalty, s.pass_mark, s.shuffle, s.overall.iter().map(|b| b.min).collect::<Vec<_>>())
    };
    assert_eq!(settings(n), settings(e), "same scoring and score bands");
    let criteria = |f: &SetFile| f.criteria.iter().map(|c| (c.id.clone(), c.essay.clone())).collect::<Vec<_>>();
    assert_eq!(criteria(n), criteria(e), "same criteria, cited at the same places");
    let categories = |f: &SetFile| f.categories.iter().map(|c| (c.id.clone(), c.essay.clone(), c.rule.clone())).collect::<Vec<_>>();
    assert_eq!(categories(n), categories(e), "same categories with the same rules");
    let fallback = |f: &SetFile| f.fallback.as_ref().map(|b| (b.id.clone(), b.essay.clone(), b.offer));
    assert_eq!(fallback(n), fallback(e), "same fallback bin");
    assert_eq!(nl.bins, en.bins, "the same bins, in the same order");

    let ids = |f: &SetFile| f.excerpts.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(n), ids(e), "the same excerpts in the same order");
    for (i, (a, b)) in n.excerpts.iter().zip(&e.excerpts).enumerate() {
        let id = &a.id;
        assert_eq!(a.essay, b.essay, "{id}: same section and footnote");
        assert_eq!(source(a).page, source(b).page, "{id}: same page");
        assert_eq!(source(a).date.is_some(), source(b).date.is_some(), "{id}: dated in both or neither");
        assert_eq!(source(a).kind, source(b).kind, "{id}: the same kind of source");
        assert_eq!(source(a).context.is_some(), source(b).context.is_some(), "{id}: context in both or neither");
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

/// The essay's word runs, as `scripts/essay-ngrams` hashed them.
struct Essay(HashSet<u32>);

const ESSAY_NGRAMS: &str = include_str!("../fixtures/essay-ngrams.txt");

fn essay() -> Essay {
    let hashes = ESSAY_NGRAMS.lines().map(|h| u32::from_str_radix(h, 16).unwrap_or_else(|_| panic!("essay-ngrams.txt: {h:?}")));
    Essay(hashes.collect())
}

/// The words of `text` as `scripts/essay-ngrams` reads them: runs of letters and digits,
/// lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// 32-bit FNV-1a, as `scripts/essay-ngrams` computes it.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193))
}

impl Essay {
    fn has(&self, run: &[String]) -> bool {
        self.0.contains(&fnv1a(&run.join(" ")))
    }

    /// The runs of `quote` that are not the essay's wording: each four-word run, or a part of
    /// fewer words as a whole. An elision (`[…]`) separates parts.
    fn missing(&self, quote: &str) -> Vec<String> {
        let mut missing = Vec::new();
        for part in quote.split('…').map(words).filter(|w| !w.is_empty()) {
            let runs: Vec<&[String]> = if part.len() < 4 { vec![&part[..]] } else { part.windows(4).collect() };
            missing.extend(runs.into_iter().filter(|run| !self.has(run)).map(|run| run.join(" ")));
        }
        missing
    }
}

#[test]
fn a_changed_word_or_an_unmarked_elision_is_not_the_essays_wording() {
    let essay = essay();
    assert!(essay.missing("eenzaamheid is nog iets anders dan atomisatie").is_empty());
    assert!(essay.missing("‘Maar voor ons,’ […] ‘waren onze fabrieksarbeiders geen arbeidseenheden").is_empty());
    assert!(essay.missing("gebakken lucht").is_empty() && essay.missing("kruiwagens").is_empty());
    assert_eq!(essay.missing("eenzaamheid is nog iets anders dan internalisatie"), ["iets anders dan internalisatie"]);
    assert_eq!(
        essay.missing("Maar voor ons, waren onze fabrieksarbeiders"),
        ["maar voor ons waren", "voor ons waren onze", "ons waren onze fabrieksarbeiders"]
    );
    assert_eq!(essay.missing("gebakken brood"), ["gebakken brood"]);
}

#[test]
fn every_dutch_excerpt_and_its_evidence_is_the_essays_own_wording() {
    let essay = essay();
    for e in &nl().file.excerpts {
        let missing = essay.missing(&e.text);
        assert!(missing.is_empty(), "{}: not in the essay: {missing:?}", e.id);
        for v in &e.evidence {
            assert!(essay.missing(&v.quote).is_empty(), "{}: evidence {:?} is not in the essay", e.id, v.quote);
        }
    }
}

/// The quotations in `text`: what stands between ‘ and ’, “ and ”, or „ and ”, nested ones
/// each on their own. An opening mark after a letter opens nothing; a ’ before a letter is an
/// apostrophe (zo’n, collega’s), and so is one that closes nothing (Snijders’ essay).
fn quotations(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let (mut open, mut found) = (Vec::<(usize, char)>::new(), Vec::new());
    for (k, &(at, c)) in chars.iter().enumerate() {
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(k + 1).map(|&(_, c)| c);
        match c {
            '‘' | '“' | '„' if !before.is_some_and(char::is_alphanumeric) => {
                open.push((at + c.len_utf8(), if c == '‘' { '’' } else { '”' }));
            }
            '’' | '”' if !after.is_some_and(char::is_alphabetic) && open.last().is_some_and(|&(_, close)| close == c) => {
                let (start, _) = open.pop().unwrap();
                found.push(&text[start..at]);
            }
            _ => {}
        }
    }
    assert!(open.is_empty(), "a quotation is opened and never closed in {text:?}");
    found
}

#[test]
fn quotations_are_found_nested_and_apart_from_apostrophes() {
    assert_eq!(
        quotations("Snijders’ zin: ‘De gedachten gaan naar ‘kennissen’ en zo’n ‘kruiwagens’.’ En “Kruiwagens”, „ja”."),
        ["kennissen", "kruiwagens", "De gedachten gaan naar ‘kennissen’ en zo’n ‘kruiwagens’.", "Kruiwagens", "ja"]
    );
}

/// What a student reads beyond the excerpts' own words, each with where it is: the intro, every
/// criterion's explanation, every bin's definition and what the essay says, every excerpt's
/// source context, commentary and hint, every question's prompt, explanation, options and their
/// feedback, every lens's summary and the score bands' texts.
fn prose_texts(set: &Set) -> Vec<(String, &str)> {
    let f = &set.file;
    let mut texts = vec![("intro".to_string(), f.intro.as_str())];
    texts.extend(f.criteria.iter().map(|c| (format!("criteria.{}.explanation", c.id), c.explanation.as_str())));
    for c in &f.categories {
        texts.push((format!("categories.{}.definition", c.id), c.definition.as_str()));
        texts.push((format!("categories.{}.essay_says", c.id), c.essay_says.as_str()));
    }
    if let Some(b) = &f.fallback {
        texts.push(("fallback.definition".to_string(), b.definition.as_str()));
        texts.push(("fallback.essay_says".to_string(), b.essay_says.as_str()));
    }
    for e in &f.excerpts {
        texts.extend(
            e.source
                .as_ref()
                .expect("the default sets name every source")
                .context
                .as_deref()
                .map(|t| (format!("excerpts.{}.source.context", e.id), t)),
        );
        texts.extend(e.commentary.as_deref().map(|t| (format!("excerpts.{}.commentary", e.id), t)));
    }
    for q in &f.questions {
        texts.push((format!("questions.{}.prompt", q.id), q.prompt.as_str()));
        texts.extend(q.explanation.as_deref().map(|e| (format!("questions.{}.explanation", q.id), e)));
        for o in &q.options {
            texts.push((format!("questions.{}.{}.text", q.id, o.id), o.text.as_str()));
            texts.push((
                format!("questions.{}.{}.feedback", q.id, o.id),
                o.feedback.as_deref().expect("the default sets explain every option"),
            ));
        }
    }
    texts.extend(f.lenses.iter().map(|l| (format!("lenses.{}.summary", l.id), l.summary.as_str())));
    texts.extend(f.excerpts.iter().filter_map(|e| Some((format!("excerpts.{}.hint", e.id), e.hint.as_deref()?))));
    texts.extend(f.settings.overall.iter().map(|b| (format!("settings.overall.{}", b.min), b.text.as_str())));
    texts
}

#[test]
fn every_quotation_in_the_dutch_prose_is_the_essays_own_wording() {
    let essay = essay();
    let set = nl();
    let mut quoted = 0;
    for (what, text) in prose_texts(&set) {
        for q in quotations(text) {
            let missing = essay.missing(q);
            assert!(missing.is_empty(), "{what}: ‘{q}’ is not in the essay: {missing:?}");
            quoted += 1;
        }
    }
    assert!(quoted >= 150, "the set reasons from the essay's words: {quoted} quotations");
    for q in &set.file.questions {
        let feedback_quotes = q.options.iter().filter(|o| !quotations(o.feedback.as_deref().unwrap_or_default()).is_empty()).count();
        assert!(feedback_quotes * 2 >= q.options.len(), "{}: most options' feedback quotes the essay", q.id);
    }
}

#[test]
fn the_english_set_quotes_where_the_dutch_set_quotes() {
    let (nl, en) = (nl(), en());
    let (n, e) = (prose_texts(&nl), prose_texts(&en));
    let places = |texts: &[(String, &str)]| texts.iter().map(|(what, _)| what.clone()).collect::<Vec<_>>();
    assert_eq!(places(&n), places(&e), "the same texts in both sets");
    for ((what, dutch), (_, english)) in n.iter().zip(&e) {
        assert_eq!(
            quotations(dutch).len(),
            quotations(english).len(),
            "{what}: a translated quotation for every quotation, and no other:\n{dutch}\n{english}"
        );
    }
}

#[test]
fn both_sets_ask_the_same_questions_and_read_through_the_same_lenses() {
    let (nl, en) = (nl(), en());
    let (n, e) = (&nl.file, &en.file);
    assert_eq!((n.mode, e.mode), (Mode::Both, Mode::Both), "both sets offer the board and the quiz");
    let quiz = nl.quiz_settings();
    assert_eq!(quiz, en.quiz_settings(), "the same quiz settings");
    assert!(quiz.certainty && quiz.show_solution && quiz.retry_wrong, "certainty-based marking, solution and retry: {quiz:?}");
    assert_eq!(quiz.pool, None, "all 16 excerpts in every attempt");
    let questions = |f: &SetFile| {
        let options = |q: &set::Question| q.options.iter().map(|o| (o.id.clone(), o.correct)).collect::<Vec<_>>();
        f.questions.iter().map(|q| (q.id.clone(), q.kind, q.essay.clone(), options(q))).collect::<Vec<_>>()
    };
    assert_eq!(questions(n), questions(e), "the same questions, types, references, option ids and correct options");
    let lenses =
        |f: &SetFile| f.lenses.iter().map(|l| (l.id.clone(), l.essay.clone(), l.rules.clone(), l.precedence.clone())).collect::<Vec<_>>();
    assert_eq!(lenses(n), lenses(e), "the same lenses, with the same rules and references");
}

/// The essay's sections as the sets cite them (the untitled introduction as "").
const SECTIONS: [&str; 5] = [
    "",
    "Isolatie en manipulatie",
    "Internalisatie",
    "'Sovjetburgers worden gemaakt, niet geboren'",
    "Identiteit en Atomisatie: een conclusie",
];

/// The section whose pages carry footnote `n`.
fn section_of_footnote(n: u32) -> &'static str {
    match n {
        1..=8 => SECTIONS[0],
        9..=18 => SECTIONS[1],
        19..=21 => SECTIONS[2],
        22..=27 => SECTIONS[3],
        _ => panic!("the essay has footnotes 1 to 27, not {n}"),
    }
}

/// Every reference in `f` to the essay, with where it is.
fn essay_refs(f: &SetFile) -> Vec<(String, &EssayRef)> {
    let mut refs: Vec<(String, &EssayRef)> = Vec::new();
    refs.extend(f.criteria.iter().map(|c| (format!("criteria.{}", c.id), cited(&c.essay))));
    refs.extend(f.categories.iter().map(|c| (format!("categories.{}", c.id), cited(&c.essay))));
    refs.extend(f.fallback.iter().map(|b| ("fallback".to_string(), cited(&b.essay))));
    refs.extend(f.excerpts.iter().map(|e| (format!("excerpts.{}", e.id), cited(&e.essay))));
    refs.extend(f.questions.iter().map(|q| (format!("questions.{}", q.id), cited(&q.essay))));
    refs.extend(f.lenses.iter().map(|l| (format!("lenses.{}", l.id), cited(&l.essay))));
    refs
}

#[test]
fn the_concept_questions_cover_every_section_of_the_essay() {
    let essay = essay();
    for title in &SECTIONS[1..] {
        assert!(essay.missing(title).is_empty(), "{title:?} is a section title of the essay");
    }
    for (set, _, _) in default_sets() {
        let f = &set.file;
        for (what, r) in essay_refs(f) {
            assert!(SECTIONS.contains(&r.section.as_str()), "{}: {what} cites section {:?}", f.id, r.section);
            if let Some(n) = r.footnote {
                assert_eq!(section_of_footnote(n), r.section, "{}: {what} cites footnote {n} in its section", f.id);
            }
        }
        assert!(f.questions.len() >= 8, "{}: at least 8 concept questions, got {}", f.id, f.questions.len());
        for section in SECTIONS {
            assert!(
                f.questions.iter().any(|q| q.essay.as_ref().is_some_and(|r| r.section == section)),
                "{}: a question on {section:?}",
                f.id
            );
        }
        for kind in [QuestionType::Single, QuestionType::Multiple] {
            assert!(f.questions.iter().any(|q| q.kind == kind), "{}: a {kind:?} question", f.id);
        }
        for q in &f.questions {
            for o in &q.options {
                assert!(o.feedback.as_deref().is_some_and(|f| !f.trim().is_empty()), "{}: {} option {} explains itself", f.id, q.id, o.id);
            }
        }
    }
}

/// How the three schools would read a fragment, by the footnote that cites it: the exercise's
/// derivation from the essay's account of each school (its introduction, fn 3–8, and where later
/// sections name them), said as such in every lens's summary: [totalitarian, revisionist,
/// neo-revisionist].
fn schools_reading(footnote: u32) -> [&'static str; 3] {
    match footnote {
        // A mask without loneliness: no school's account makes that atomisation (the
        // neo-revisionists: individuals could ‘een masker opzetten’, as the revisionists argued).
        2 => ["none", "none", "none"],
        // Loneliness alone. Totalitarians: atomisation is ‘een specifieke tak van de terreur’, not
        // a mother's grief; the others keep the essay's rule.
        10 | 11 | 18 => ["loneliness", "loneliness", "loneliness"],
        // Loneliness with a stance against the system. Neo-revisionists reject the binary in
        // which a self in conflict with the system is a victim and ‘kan er sprake zijn van
        // atomisatie’: what is left is the loneliness.
        12 => ["atomisation", "atomisation", "loneliness"],
        // A ban on organising without loneliness. Totalitarians: the atomised citizen was
        // ‘beroofd van de mogelijkheden om zichzelf onafhankelijk van de staat te organiseren’.
        // Revisionists struck out ‘de actieve rol van de staat’; neo-revisionists keep the rule.
        13 => ["atomisation", "none", "none"],
        // Ties and trust that hold, and a writer who disagrees with the leaders without
        // loneliness: no school's account turns them into anything.
        14 | 15 | 24 => ["none", "none", "none"],
        // Repeated propaganda and a collective identity. Totalitarians: brainwashed, and so
        // atomised without noticing it. Revisionists: support given pragmatically, a fitting
        // identity put on, not unconscious internalisation. Neo-revisionists: rules imposed and
        // internalised.
        19 | 20 | 22 | 23 | 25 | 26 | 27 => ["atomisation", "none", "internalisation"],
        other => panic!("footnote {other} cites no fragment of the essay"),
    }
}

#[test]
fn each_lens_classifies_the_fragments_as_derived_from_the_essays_account_of_its_school() {
    for (set, lang, _) in default_sets() {
        let f = &set.file;
        let ids: Vec<&str> = f.lenses.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["essay", "totalitarian", "revisionist", "neo-revisionist"], "{}: the four readings", f.id);
        let essay = &f.lenses[0];
        assert!(essay.rules.is_empty() && essay.precedence.is_empty(), "{}: the essay's own reading is the set's rules", f.id);
        let derived = if lang == Lang::Nl { "leidt de oefening daaruit af" } else { "the exercise derives from that" };
        for school in &f.lenses[1..] {
            assert!(!school.rules.is_empty(), "{}: {} reads some criterion differently", f.id, school.id);
            assert!(school.summary.contains(derived), "{}: {} says that its reading is the exercise's derivation", f.id, school.id);
            for name in ["Halfin", "Kotkin", "totalitaire school"] {
                assert!(!school.summary.contains(name) && !school.label.contains(name), "{}: {} names {name}", f.id, school.id);
            }
        }
        let mut atomised = [0; 4];
        for (i, e) in f.excerpts.iter().enumerate() {
            let footnote = cited(&e.essay).footnote.expect("every fragment cites its footnote");
            let [totalitarian, revisionist, neo] = schools_reading(footnote);
            for (lens, want) in [essay_reading(footnote), totalitarian, revisionist, neo].into_iter().enumerate() {
                let got = set.bin(set.classify(lens, i)).id;
                assert_eq!(got, want, "{}: {} (fn {footnote}) through the lens {}", f.id, e.id, ids[lens]);
                atomised[lens] += usize::from(got == "atomisation");
            }
        }
        assert_eq!(atomised[0], 1, "{}: through the essay's lens only fn 12 is atomisation", f.id);
        assert_eq!(atomised[3], 0, "{}: the neo-revisionists see no victim of the system", f.id);
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
fn assert_grief_in_atomisation_answered(set: &Set, lang: Lang, expected: [&str; 4]) {
    let i = set.file.excerpts.iter().position(|e| cited(&e.essay).footnote == Some(10)).expect("fn 10");
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
            "Je legde dit fragment in ‘atomisatie’.",
            "De bak ‘atomisatie’ vraagt eenzaamheid en ten minste één van:",
            "Het fragment toont eenzaamheid: ",
            "Het fragment toont er niet één van: een tegenstelling tussen het individu en de partij, een conflict tussen het ‘echte’ en het ‘publieke’ zelf",
        ],
    );
    assert_grief_in_atomisation_answered(
        &en(),
        Lang::En,
        [
            "You put this excerpt in ‘atomisation’.",
            "The bin ‘atomisation’ requires loneliness and at least one of:",
            "The excerpt shows loneliness: ",
            "The excerpt shows not one of them: an opposition between the individual and the party",
        ],
    );
}

/// The totalitarians' rule for atomisation nests "loneliness and at least one of …" in its list
/// of alternatives: their reading sets that part in parentheses, so the list does not run into
/// it. The essay's own reading does not tell the student that it follows the essay; a school's
/// reading that agrees with it does.
#[test]
fn a_nested_rule_reads_with_its_inner_part_in_parentheses() {
    for (set, lang, _) in default_sets() {
        let f = &set.file;
        let lens = |id: &str| f.lenses.iter().position(|l| l.id == id).expect("the lens");
        let totalitarian = lens("totalitarian");
        let footnote = |n: u32| f.excerpts.iter().position(|e| cited(&e.essay).footnote == Some(n)).expect("the fragment");
        let against_the_system = footnote(12);
        let text = plain(&feedback::lens_reading(&set, lang, totalitarian, against_the_system));
        let loneliness = &f.criteria.iter().find(|c| c.id == "loneliness").expect("loneliness").label;
        let opening =
            format!("({loneliness} {} {}", strings::get(lang, Key::And), strings::get(lang, Key::AnyOf).split('{').next().unwrap());
        assert!(text.contains(&opening), "{opening:?} in {text}");
        assert!(!text.contains("((") && !text.contains("))"), "one pair of parentheses: {text}");
        let essay = plain(&feedback::lens_reading(&set, lang, lens("essay"), against_the_system));
        assert!(!essay.contains(strings::get(lang, Key::LensAgrees)), "{essay}");
        assert!(text.contains(strings::get(lang, Key::LensAgrees)), "{text}");
    }
}
