//! The default sets against the essay: they load, every excerpt lands where the essay puts it,
//! every Dutch quotation is the essay's own wording (in the excerpts, and in the quiz's questions,
//! feedback, lens summaries and hints), the English set is the Dutch set's faithful counterpart
//! (same fragments, footnotes, pages, evidence, bins, questions, correct options and lenses, and a
//! quotation wherever the Dutch has one), the concept questions cover every section of the essay,
//! each historians' lens classifies the fragments as the essay describes that school, and every

//! excerpt in every bin gets elaborated feedback in the set's language at every stage.

use std::collections::HashSet;

use diary_sort::core::feedback::{self, Span, Stage};
use diary_sort::core::set::{self, EssayRef, ExcerptKind, Mode, QuestionType, Set, SetFile};
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

fn essay() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/essay/essay-decoded.txt");
    std::fs::read_to_string(path).expect("the essay is in ../shared/essay (as on every machine of this project)")
}

#[test]
fn every_dutch_quotation_is_the_essays_own_wording() {
    let essay_words = words(&essay());
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

/// `text` with every run of white space made one space.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The essay's text, squeezed, in both spellings of a word broken at a line end: hyphen kept
/// (`ego-documenten`) and joined (`volgende`), for the file cannot tell the two apart.
fn essay_spellings() -> [String; 2] {
    let essay = essay();
    let with = |joint: &str| {
        let (mut out, mut glued) = (String::new(), false);
        for line in essay.lines() {
            let line = if glued { line.trim_start() } else { line };
            glued = line.ends_with('-');
            match line.strip_suffix('-') {
                Some(head) => out.extend([head, joint]),
                None => out.extend([line, "\n"]),
            }
        }
        squeeze(&out)
    };
    [with("-"), with("")]
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

/// What a student reads in the quiz beyond the excerpts, each with where it is: every
/// question's prompt, explanation, options and their feedback, every lens's summary, and every
/// excerpt's hint.
fn quiz_texts(set: &Set) -> Vec<(String, &str)> {
    let f = &set.file;
    let mut texts = Vec::new();
    for q in &f.questions {
        texts.push((format!("questions.{}.prompt", q.id), q.prompt.as_str()));
        texts.extend(q.explanation.as_deref().map(|e| (format!("questions.{}.explanation", q.id), e)));
        for o in &q.options {
            texts.push((format!("questions.{}.{}.text", q.id, o.id), o.text.as_str()));
            texts.push((format!("questions.{}.{}.feedback", q.id, o.id), o.feedback.as_str()));
        }
    }
    texts.extend(f.lenses.iter().map(|l| (format!("lenses.{}.summary", l.id), l.summary.as_str())));
    texts.extend(f.excerpts.iter().filter_map(|e| Some((format!("excerpts.{}.hint", e.id), e.hint.as_deref()?))));
    texts
}

#[test]
fn every_quotation_in_the_dutch_quiz_is_the_essays_own_wording() {
    let essay = essay_spellings();
    let set = nl();
    let mut quoted = 0;
    for (what, text) in quiz_texts(&set) {
        for q in quotations(text) {
            let q = squeeze(q);
            assert!(essay.iter().any(|e| e.contains(&q)), "{what}: ‘{q}’ is not in the essay");
            quoted += 1;
        }
    }
    assert!(quoted >= 100, "the quiz reasons from the essay's words: {quoted} quotations");
    for q in &set.file.questions {
        let feedback_quotes = q.options.iter().filter(|o| !quotations(&o.feedback).is_empty()).count();
        assert!(feedback_quotes * 2 >= q.options.len(), "{}: most options' feedback quotes the essay", q.id);
    }
}

#[test]
fn the_english_quiz_quotes_where_the_dutch_quiz_quotes() {
    let (nl, en) = (nl(), en());
    let (n, e) = (quiz_texts(&nl), quiz_texts(&en));
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
    assert_eq!(quiz.pool, None, "all 15 excerpts in every attempt");
    let questions = |f: &SetFile| {
        let options = |q: &set::Question| q.options.iter().map(|o| (o.id.clone(), o.correct)).collect::<Vec<_>>();
        f.questions.iter().map(|q| (q.id.clone(), q.kind, q.essay.clone(), options(q))).collect::<Vec<_>>()
    };
    assert_eq!(questions(n), questions(e), "the same questions, types, references, option ids and correct options");
    let lenses =
        |f: &SetFile| f.lenses.iter().map(|l| (l.id.clone(), l.essay.clone(), l.rules.clone(), l.precedence.clone())).collect::<Vec<_>>();
    assert_eq!(lenses(n), lenses(e), "the same lenses, with the same rules and references");
}

/// The essay's sections as the sets cite them (the untitled introduction as "Inleiding").
const SECTIONS: [&str; 5] = [
    "Inleiding",
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
    refs.extend(f.criteria.iter().map(|c| (format!("criteria.{}", c.id), &c.essay)));
    refs.extend(f.categories.iter().map(|c| (format!("categories.{}", c.id), &c.essay)));
    refs.extend(f.fallback.iter().map(|b| ("fallback".to_string(), &b.essay)));
    refs.extend(f.excerpts.iter().map(|e| (format!("excerpts.{}", e.id), &e.essay)));
    refs.extend(f.questions.iter().map(|q| (format!("questions.{}", q.id), &q.essay)));
    refs.extend(f.lenses.iter().map(|l| (format!("lenses.{}", l.id), &l.essay)));
    refs
}

#[test]
fn the_concept_questions_cover_every_section_of_the_essay() {
    let essay = essay();
    for title in &SECTIONS[1..] {
        assert!(essay.contains(title), "{title:?} is a section title of the essay");
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
            assert!(f.questions.iter().any(|q| q.essay.section == section), "{}: a question on {section}", f.id);
        }
        for kind in [QuestionType::Single, QuestionType::Multiple] {
            assert!(f.questions.iter().any(|q| q.kind == kind), "{}: a {kind:?} question", f.id);
        }
        for q in &f.questions {
            for o in &q.options {
                assert!(!o.feedback.trim().is_empty(), "{}: {} option {} explains itself", f.id, q.id, o.id);
            }
        }
    }
}

/// How the three schools read a fragment, by the footnote that cites it, from the essay's
/// account of each (its introduction, fn 3–8, and where later sections name them):
/// [totalitarian, revisionist, neo-revisionist].
fn schools_reading(footnote: u32) -> [&'static str; 3] {
    match footnote {
        // Loneliness. Totalitarians: atomisation is ‘een specifieke tak van de terreur’ that
        // isolates individuals, so isolation under terror is atomisation. The others keep the
        // essay's rule: loneliness alone is not.
        10 | 11 => ["atomisation", "loneliness", "loneliness"],
        // Loneliness with a stance against the system. Neo-revisionists reject the binary in
        // which a self in conflict with the system is a victim and ‘kan er sprake zijn van
        // atomisatie’: what is left is the loneliness.
        12 => ["atomisation", "atomisation", "loneliness"],
        // A ban on organising without loneliness. Totalitarians: the atomised citizen was
        // ‘beroofd van de mogelijkheden om zichzelf onafhankelijk van de staat te organiseren’.
        // Revisionists struck out ‘de actieve rol van de staat’; neo-revisionists keep the rule.
        13 => ["atomisation", "none", "none"],
        // Ties and trust that hold: no school's account in the essay turns them into anything.
        14 | 15 | 18 => ["none", "none", "none"],
        // Repeated propaganda and a collective identity. Totalitarians: brainwashed, and so
        // atomised without noticing it. Revisionists: a mask over an ‘echt’ self, the double
        // life. Neo-revisionists: rules imposed and internalised.
        19 | 20 | 22 | 23 | 24 | 25 | 26 | 27 => ["atomisation", "atomisation", "internalisation"],
        other => panic!("footnote {other} cites no fragment of the essay"),
    }
}

#[test]
fn each_lens_classifies_the_fragments_as_the_essay_describes_its_school() {
    for (set, _, _) in default_sets() {
        let f = &set.file;
        let ids: Vec<&str> = f.lenses.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["essay", "totalitarian", "revisionist", "neo-revisionist"], "{}: the four readings", f.id);
        let essay = &f.lenses[0];
        assert!(essay.rules.is_empty() && essay.precedence.is_empty(), "{}: the essay's own reading is the set's rules", f.id);
        for school in &f.lenses[1..] {
            assert!(!school.rules.is_empty(), "{}: {} reads some criterion differently", f.id, school.id);
        }
        let mut atomised = [0; 4];
        for (i, e) in f.excerpts.iter().enumerate() {
            let footnote = e.essay.footnote.expect("every fragment cites its footnote");
            let [totalitarian, revisionist, neo] = schools_reading(footnote);
            for (lens, want) in [essay_reading(footnote), totalitarian, revisionist, neo].into_iter().enumerate() {
                let got = set.bin(set.classify(lens, i)).id;
                assert_eq!(got, want, "{}: {} (fn {footnote}) through the lens {}", f.id, e.id, ids[lens]);
                atomised[lens] += usize::from(got == "atomisation");
            }
        }
        assert_eq!(atomised[0], 1, "{}: through the essay's lens only fn 12 is atomisation", f.id);
        assert!(atomised[1] > f.excerpts.len() / 2, "{}: the totalitarians see a ‘koude, geatomiseerde wereld’", f.id);
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
            "De bak ‘atomisatie’ vraagt eenzaamheid en ten minste één van:",
            "Het fragment toont eenzaamheid: ",
            "Het fragment toont geen van deze: tegenstelling",
        ],
    );
    assert_grief_in_atomisation_answered(
        &en(),
        Lang::En,
        [
            "The bin ‘atomisation’ requires loneliness and at least one of:",
            "The excerpt shows loneliness: ",
            "The excerpt shows none of these: an opposition between the individual and the party",
        ],
    );
}

/// The revisionists' rule for atomisation nests "loneliness and at least one of …" in its list
/// of alternatives: their reading sets that part in parentheses, so the list does not run into
/// it. The essay's own reading does not tell the student that it follows the essay.
#[test]
fn a_nested_rule_reads_with_its_inner_part_in_parentheses() {
    for (set, lang, _) in default_sets() {
        let f = &set.file;
        let lens = |id: &str| f.lenses.iter().position(|l| l.id == id).expect("the lens");
        let revisionist = lens("revisionist");
        let atomised = (0..f.excerpts.len()).find(|&i| set.bin(set.classify(revisionist, i)).id == "atomisation").expect("one");
        let text = plain(&feedback::lens_reading(&set, lang, revisionist, atomised));
        let loneliness = &f.criteria.iter().find(|c| c.id == "loneliness").expect("loneliness").label;
        let opening =
            format!("({loneliness} {} {}", strings::get(lang, Key::And), strings::get(lang, Key::AnyOf).split('{').next().unwrap());
        assert!(text.contains(&opening), "{opening:?} in {text}");
        assert!(!text.contains("((") && !text.contains("))"), "one pair of parentheses: {text}");
        let essay = plain(&feedback::lens_reading(&set, lang, lens("essay"), atomised));
        assert!(!essay.contains(strings::get(lang, Key::LensAgrees)), "{essay}");
        assert!(plain(&feedback::lens_reading(&set, lang, revisionist, 3)).contains(strings::get(lang, Key::LensAgrees)));
    }
}
