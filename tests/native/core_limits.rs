//! Native tests of the input limits: a set beyond any of them is refused with a message that
//! names the limit, the JSON path and the line and column, and is refused while it is read, so
//! that no hostile or mistaken file keeps the page busy. The documented limits are in the

//! docs/instructors.md ("Limits").

use std::time::{Duration, Instant};

use diary_sort::core::json::{self, MAX_LIST_ITEMS, MAX_NESTING, MAX_STRING_BYTES, MAX_VALUES};
use diary_sort::core::set::{self, MAX_EVIDENCE, MAX_EXCERPTS, MAX_PROBLEMS, MAX_SET_BYTES, Problem};

const MINI: &str = include_str!("../fixtures/mini.json");

/// A generous bound for one load (in a debug build, on a shared machine), against stalls: the
/// quadratic paths took 12 s to minutes. The figures themselves are in `scripts/bench`.
const STALL: Duration = Duration::from_secs(10);

/// Loads `text`, which must fail, and returns its problems and how long the load took.
fn refused(text: &str) -> (Vec<Problem>, Duration) {
    let clock = Instant::now();
    let result = set::load(text);
    let took = clock.elapsed();
    match result {
        Ok(_) => panic!("the set should not load"),
        Err(e) => (e.0, took),
    }
}

/// The mini set with its excerpts replaced by `items` (the text inside `[` … `]`).
fn with_excerpts(items: &str) -> String {
    with_excerpts_in(MINI, items)
}

/// `text` (a set) with its excerpts replaced by `items`.
fn with_excerpts_in(text: &str, items: &str) -> String {
    let start = text.find("\"excerpts\": [").unwrap();
    let end = text.find("\"settings\"").unwrap();
    format!("{}\"excerpts\": [{items}],\n  {}", &text[..start], &text[end..])
}

/// One excerpt of the mini set (its first), as written there.
fn first_excerpt() -> &'static str {
    let start = MINI.find("{\"id\": \"alone\"").unwrap();
    let end = MINI[start..].find("]}").unwrap() + start + 2;
    &MINI[start..end]
}

/// Line and column of byte `at` in `text`, counted as the parser does (characters, from 1).
fn place(text: &str, at: usize) -> (Option<usize>, Option<usize>) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (Some(line), Some(column))
}

#[test]
fn the_limits_are_what_the_instructors_guide_says() {
    assert_eq!(MAX_SET_BYTES, 16 * 1024 * 1024);
    assert_eq!(MAX_EVIDENCE, 16);
    assert_eq!(MAX_EXCERPTS, 10_000);
    assert_eq!(MAX_LIST_ITEMS, MAX_EXCERPTS);
    assert_eq!(MAX_VALUES, 400_000);
    assert_eq!(MAX_STRING_BYTES, 256 * 1024);
    assert_eq!(MAX_NESTING, 128);
}

#[test]
fn a_set_larger_than_sixteen_megabytes_is_refused_before_parsing() {
    let text = " ".repeat(MAX_SET_BYTES + 1);
    let (list, took) = refused(&text);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].path, "");
    assert_eq!(list[0].message.to_string(), format!("the set is {} bytes; the most this tool reads is {MAX_SET_BYTES}", MAX_SET_BYTES + 1));
    assert!(took < STALL, "took {took:?}");
}

#[test]
fn the_ten_thousand_and_first_excerpt_is_refused_where_it_starts() {
    // 1.3 million empty excerpts (3.9 MB) took 12 s to load, with 5.2 million problems
    // built before the count was checked; now reading stops at the 10,001st item.
    let items = vec!["{}"; 1_300_000].join(",");
    let text = with_excerpts(&items);
    assert!(text.len() < MAX_SET_BYTES);
    let (list, took) = refused(&text);
    assert_eq!(list.len(), 1, "{:#?}", &list[..list.len().min(4)]);
    let p = &list[0];
    assert_eq!(p.path, "excerpts");
    assert_eq!(p.message.to_string(), "this list has more than 10000 items; the most this tool reads is 10000");
    let at = text.find("\"excerpts\": [").unwrap() + "\"excerpts\": [".len() + 3 * MAX_EXCERPTS;
    assert_eq!((p.line, p.column), place(&text, at), "at the 10,001st item");
    assert!(took < STALL, "took {took:?}");
}

#[test]
fn exactly_ten_thousand_excerpts_are_read() {
    let items = vec![first_excerpt(); MAX_EXCERPTS].join(",\n");
    match set::load(&with_excerpts(&items)) {
        Ok(_) => panic!("ten thousand excerpts with one id should not load"),
        Err(e) => {
            let (listed, more) = e.0.split_at(MAX_PROBLEMS);
            assert!(
                listed.iter().all(|p| p.message.to_string().contains("already used by excerpts[0]")),
                "only the repeated ids: {:#?}",
                &e.0[..3]
            );
            assert_eq!(more[0].message.to_string(), format!("there are more problems than these {MAX_PROBLEMS}; fix these first"));
        }
    }
}

#[test]
fn a_long_list_anywhere_is_refused_with_its_path() {
    let evidence = vec!["{\"criterion\": \"loneliness\", \"quote\": \"alone\"}"; MAX_LIST_ITEMS + 1].join(",");
    let excerpt = first_excerpt().replacen(
        "\"evidence\": [{\"criterion\": \"loneliness\", \"quote\": \"all alone\"}]",
        &format!("\"evidence\": [{evidence}]"),
        1,
    );
    let (list, took) = refused(&with_excerpts(&format!("{},{excerpt}", first_excerpt())));
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].path, "excerpts[1].evidence");
    assert!(list[0].message.to_string().starts_with("this list has more than 10000 items"), "{}", list[0].message);
    assert!(took < STALL, "took {took:?}");
}

#[test]
fn more_than_four_hundred_thousand_values_are_refused_where_the_next_one_starts() {
    // 40 excerpts whose evidence lists hold 10,000 numbers each (0.8 MB).
    let numbers = vec!["1"; MAX_LIST_ITEMS].join(",");
    let excerpt = first_excerpt().replacen(
        "\"evidence\": [{\"criterion\": \"loneliness\", \"quote\": \"all alone\"}]",
        &format!("\"evidence\": [{numbers}]"),
        1,
    );
    let text = with_excerpts(&vec![excerpt.as_str(); 41].join(","));
    assert!(text.len() < MAX_SET_BYTES);
    let (list, took) = refused(&text);
    assert_eq!(list.len(), 1);
    let p = &list[0];
    assert_eq!(
        p.message.to_string(),
        "the file holds more than 400000 values (texts, numbers, lists, objects); the most this tool reads is 400000"
    );
    assert!(p.path.starts_with("excerpts[39].evidence["), "{}", p.path);
    assert!(took < STALL, "took {took:?}");
}

#[test]
fn the_values_just_under_the_limit_are_read_and_reported_without_stalling() {
    // About the most work a set within the limits can make: 10,000 excerpts whose 25 evidence
    // items are objects without fields, each a "missing field" problem twice over (500,000
    // problems from 360,000 values).
    let empty = vec!["{}"; 25].join(",");
    let excerpt = first_excerpt().replacen("{\"criterion\": \"loneliness\", \"quote\": \"all alone\"}", &empty, 1);
    let text = with_excerpts(&vec![excerpt.as_str(); MAX_EXCERPTS].join(","));
    assert!(text.len() < MAX_SET_BYTES, "{}", text.len());
    let (list, took) = refused(&text);
    assert_eq!(list.len(), MAX_PROBLEMS + 1);
    assert_eq!(list[0].path, "excerpts[0].evidence[0]");
    assert_eq!(list[0].message.to_string(), "missing field `criterion`");
    assert_eq!(list[MAX_PROBLEMS].message.to_string(), format!("there are more problems than these {MAX_PROBLEMS}; fix these first"));
    assert!(took < STALL, "took {took:?}");
}

#[test]
fn a_text_longer_than_256_kib_is_refused_at_its_opening_quote() {
    let long = "a".repeat(MAX_STRING_BYTES + 1);
    let text = MINI.replacen("\"Here I am alone, all alone.\"", &format!("\"{long}\""), 1);
    let (list, took) = refused(&text);
    assert_eq!(list.len(), 1);
    let p = &list[0];
    assert_eq!(p.path, "excerpts[0].text");
    assert_eq!(p.message.to_string(), "this text in quotes is longer than 262144 bytes; the most this tool reads is 262144");
    assert_eq!((p.line, p.column), place(&text, text.find(&long).unwrap() - 1));
    assert!(took < STALL, "took {took:?}");

    let longest = "a".repeat(MAX_STRING_BYTES);
    let text = MINI.replacen("\"Here I am alone, all alone.\"", &format!("\"{longest}\""), 1);
    assert!(set::load(&text).is_err_and(|e| !e.0.iter().any(|p| p.message.to_string().contains("longer than"))), "256 KiB exactly is read");
}

#[test]
fn a_text_of_100000_characters_loads() {
    let long = "x".repeat(100_000);
    let text = MINI.replacen("Here I am alone, all alone.", &format!("Here I am alone, all alone. {long}"), 1);
    let set = set::load(&text).expect("a 100,000-character text is within the limits");
    assert!(set.file.excerpts[0].text.ends_with(&long));
}

#[test]
fn more_than_sixteen_pieces_of_evidence_are_refused_before_their_quotes_are_searched() {
    // 10,000 quotes that are not in a 256 KB text: each search would scan the whole text.
    let text = "a".repeat(MAX_STRING_BYTES - 1);
    let evidence = vec!["{\"criterion\": \"loneliness\", \"quote\": \"b\"}"; MAX_LIST_ITEMS].join(",");
    let excerpt = first_excerpt().replacen("Here I am alone, all alone.", &text, 1).replacen(
        "{\"criterion\": \"loneliness\", \"quote\": \"all alone\"}",
        &evidence,
        1,
    );
    let (list, took) = refused(&with_excerpts(&excerpt));
    let p = list.iter().find(|p| p.path == "excerpts[0].evidence").expect("the evidence list is refused");
    assert_eq!(p.message.to_string(), "10000 pieces of evidence; the most an excerpt may list is 16, one per criterion it shows");
    let quotes = list.iter().filter(|p| p.message.to_string().starts_with("quote is not found")).count();
    assert_eq!(quotes, MAX_EVIDENCE, "only the first 16 are looked up");
    assert!(took < STALL, "took {took:?}");
}

// The evidence cap is reached before the list cap (checked when compiling).
const _: () = assert!(MAX_EVIDENCE < MAX_LIST_ITEMS);

#[test]
fn nesting_deeper_than_128_is_refused_with_its_path() {
    let rule = format!("{}\"loneliness\"{}", "{\"not\": ".repeat(MAX_NESTING), "}".repeat(MAX_NESTING));
    let text = MINI.replacen("\"rule\": \"loneliness\"", &format!("\"rule\": {rule}"), 1);
    let (list, _) = refused(&text);
    assert_eq!(list.len(), 1);
    assert!(list[0].message.to_string().starts_with("lists and objects are nested more than 128 levels deep"), "{}", list[0].message);
    assert!(list[0].path.starts_with("categories[0].rule.not.not."), "{}", list[0].path);
}

#[test]
fn syntax_errors_name_their_path_too() {
    let text = MINI.replacen("\"footnote\": 12}}", "\"footnote\": 12,}}", 1);
    let err = json::parse(&text).unwrap_err();
    assert_eq!(err.path, "criteria[0].essay");
    assert!(err.message.to_string().contains("remove this `,`"), "{}", err.message);
}

#[test]
fn did_you_mean_stays_within_its_budget_on_thousands_of_unknown_names() {
    // 4,000 criteria and 4,000 references to unknown ones (0.5 MB) took 15 s: every unknown
    // name was compared with every criterion.
    let criteria: Vec<String> = (0..4_000)
        .map(|i| format!("{{\"id\": \"criterion_{i:05}\", \"label\": \"c\", \"explanation\": \"e\", \"essay\": {{\"section\": \"s\"}}}}"))
        .collect();
    let excerpts: Vec<String> = (0..4_000)
        .map(|i| {
            first_excerpt().replacen("\"id\": \"alone\"", &format!("\"id\": \"e{i}\""), 1).replacen(
                "\"criterion\": \"loneliness\"",
                &format!("\"criterion\": \"criterion_x{i:05}\""),
                1,
            )
        })
        .collect();
    let start = MINI.find("\"criteria\": [").unwrap();
    let end = MINI.find("\"categories\"").unwrap();
    let text = format!("{}\"criteria\": [{}],\n  {}", &MINI[..start], criteria.join(","), &MINI[end..]);
    let text = with_excerpts_in(&text, &excerpts.join(","));
    let (list, took) = refused(&text);
    let unknown: Vec<&Problem> = list.iter().filter(|p| p.message.to_string().starts_with("criterion `criterion_x")).collect();
    assert!(unknown.len() > MAX_PROBLEMS - 10, "{}", unknown.len());
    assert!(list[MAX_PROBLEMS].message.to_string().starts_with("there are more problems"), "{}", list[MAX_PROBLEMS].message);
    assert!(
        unknown[0].message.to_string().contains("did you mean `criterion_"),
        "the first ones still get a suggestion: {}",
        unknown[0].message
    );
    assert!(took < STALL, "took {took:?}");

    // A typo in a small set is still caught.
    let text = MINI.replacen("{\"criterion\": \"ties\"", "{\"criterion\": \"tise\"", 1);
    let (list, _) = refused(&text);
    assert!(list.iter().any(|p| p.message.to_string() == "criterion `tise` does not exist; did you mean `ties`?"), "{list:#?}");
}
