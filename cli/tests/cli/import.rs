//! `diary-sort import CSV --into SET`: good rows become excerpts laid out as the set's own (the
//! rest of the set unchanged, byte for byte) that load with their evidence; every bad row is
//! reported as FILE:LINE: column: message, and then the set is left as it was.

use diary_sort::core::set;

use crate::{ROOT, TempDir, run};

/// Copies the set `fixture` (relative to the source tree) into `dir` as `set.json`, writes `csv`
/// beside it, and imports: (exit status, stdout with the folder's path replaced by `DIR`, the
/// set's text before, the set's text after).
fn import(dir: &TempDir, fixture: &str, csv: &str) -> (i32, String, String, String) {
    let before = std::fs::read_to_string(format!("{ROOT}/{fixture}")).unwrap();
    let (set, sheet) = (dir.path("set.json"), dir.path("excerpts.csv"));
    std::fs::write(&set, &before).unwrap();
    std::fs::write(&sheet, csv).unwrap();
    let (code, said) = run(&["import", &sheet, "--into", &set]);
    let said = said.replace(&dir.path(""), "DIR/");
    (code, said, before, std::fs::read_to_string(&set).unwrap())
}

#[test]
fn rows_become_excerpts_laid_out_as_the_others_and_the_rest_stays_as_written() {
    let dir = TempDir::new("import-mini");
    let csv = "id;text;diarist;work;section;loneliness;party;category\n\
               new;\"Alone again; \"\"the Party\"\" lies.\";E;W;Isolatie en manipulatie;Alone again;\"\"\"the Party\"\" lies\";atomisation\n";
    let (code, said, before, after) = import(&dir, "tests/fixtures/mini.json", csv);
    assert_eq!((code, said.as_str()), (0, "DIR/set.json: 1 excerpt(s) added from DIR/excerpts.csv\n"));
    let last = before.find("}\n  ],\n  \"settings\"").expect("the last excerpt's end") + 1;
    let added = r#",
    {"id": "new", "text": "Alone again; \"the Party\" lies.", "source": {"diarist": "E", "work": "W"}, "essay": {"section": "Isolatie en manipulatie"}, "evidence": [{"criterion": "loneliness", "quote": "Alone again"}, {"criterion": "party", "quote": "\"the Party\" lies"}], "category": "atomisation"}"#;
    assert_eq!(after, [&before[..last], added, &before[last..]].concat(), "one line, like mini.json's excerpts, after the last");
    let loaded = set::load(&after).expect("the set loads");
    let new = loaded.file.excerpts.last().unwrap();
    assert_eq!((new.id.as_str(), loaded.bin(*loaded.expected.last().unwrap()).id), ("new", "atomisation"));
}

#[test]
fn the_sample_sheet_of_the_docs_fills_the_template() {
    let dir = TempDir::new("import-sample");
    let csv = std::fs::read_to_string(format!("{ROOT}/docs/excerpts-sample.csv")).unwrap();
    let (code, said, before, after) = import(&dir, "www/sets/template.json", &csv);
    assert_eq!(code, 0, "{said}");
    let loaded = set::load(&after).expect("the set loads");
    let ids: Vec<&str> = loaded.file.excerpts.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["first-excerpt", "second-excerpt", "third-excerpt"]);
    assert_eq!(loaded.file.excerpts[2].evidence[0].quote, "spoke to no one");
    let kept = before.rfind("\n    }\n  ]").expect("the end of the template's last excerpt") + "\n    }".len();
    assert_eq!((&after[..kept], &after[after.len() - (before.len() - kept)..]), (&before[..kept], &before[kept..]));
    assert!(after[kept..].starts_with(",\n    {\n      \"id\": \"second-excerpt\",\n      \"kind\": \"quote\",\n"), "{after}");
}

#[test]
fn every_bad_row_is_reported_at_its_line_and_column_and_nothing_is_written() {
    let dir = TempDir::new("import-bad");
    let csv = "id,text,diarist,work,section,loneliness,footnote\n\
               alone,Taken.,A,W,S,,\n\
               ,No id.,A,W,S,,\n\
               x,,A,W,S,,\n\
               \n\
               y,\"Two\nlines.\",A,W,S,Three lines,\n\
               y,Again.,A,W,S,,seven\n\
               z,Short.\n";
    let (code, said, before, after) = import(&dir, "tests/fixtures/mini.json", csv);
    assert_eq!(code, 1);
    assert_eq!(
        said,
        "DIR/excerpts.csv:2: id: the set already has an excerpt `alone`\n\
         DIR/excerpts.csv:3: id: the id is empty\n\
         DIR/excerpts.csv:4: text: the text is empty\n\
         DIR/excerpts.csv:6: loneliness: the quote is not found in the text (it must be copied exactly, same spelling and punctuation)\n\
         DIR/excerpts.csv:8: id: the id `y` is already used on line 6\n\
         DIR/excerpts.csv:8: footnote: the footnote is a whole number\n\
         DIR/excerpts.csv:9: this row has 2 fields; the header names 7\n\
         DIR/excerpts.csv: 7 problem(s); nothing imported\n"
    );
    assert_eq!(after, before, "the set is left as it was");
}

#[test]
fn the_header_names_known_columns_and_a_quote_is_closed() {
    let dir = TempDir::new("import-header");
    let (code, said, before, after) = import(&dir, "tests/fixtures/mini.json", "id,txt,lonelines\nx,a,b\n");
    assert_eq!(code, 1);
    let lines: Vec<&str> = said.lines().collect();
    assert!(lines[0].starts_with("DIR/excerpts.csv:1: txt: unknown column: the columns are `id`, `kind`, `text`"), "{said}");
    assert!(
        lines[1].starts_with("DIR/excerpts.csv:1: lonelines: unknown column")
            && lines[1].ends_with("`loneliness`, `party`, `propaganda`, `ties`")
    );
    assert_eq!(
        lines[2..],
        ["DIR/excerpts.csv:1: text: this column is missing: every excerpt needs one", "DIR/excerpts.csv: 3 problem(s); nothing imported"]
    );
    let (_, said, ..) = import(&dir, "tests/fixtures/mini.json", "id,text\na,\"open\nb,c\n");
    assert_eq!(
        said,
        "DIR/excerpts.csv:2: the text in quotes that starts on this line is never closed: a `\"` is missing\nDIR/excerpts.csv: 1 problem(s); nothing imported\n"
    );
    assert_eq!(after, before);
}

#[test]
fn what_the_loader_refuses_in_a_new_excerpt_is_reported_at_its_row() {
    let dir = TempDir::new("import-loader");
    let csv = "id,text,diarist,work,section,loneliness,category\n\
               fine,Fine.,A,W,S,,\n\
               lonely,I am alone.,A,W,S,I am alone,atomisation\n";
    let (code, said, before, after) = import(&dir, "tests/fixtures/mini.json", csv);
    assert_eq!(code, 1);
    let lines: Vec<&str> = said.lines().collect();
    assert!(lines[0].starts_with("DIR/excerpts.csv:3: category: the set says `atomisation` but the rules give `loneliness`"), "{said}");
    assert_eq!(after, before);
    let (code, said, ..) = import(&dir, "tests/fixtures/mini.json", "id,text,diarist,work,section,kind\nodd,Words.,A,W,S,poem\n");
    assert_eq!(code, 1);
    assert_eq!(said.lines().next(), Some("DIR/excerpts.csv:2: kind: expected `quote` or `description`, found \"poem\""));
}

#[test]
fn a_set_with_problems_takes_no_excerpts() {
    let dir = TempDir::new("import-broken");
    let set = dir.path("set.json");
    std::fs::write(&set, "{\"format\": 2}").unwrap();
    let sheet = dir.path("excerpts.csv");
    std::fs::write(&sheet, "id,text\na,b\n").unwrap();
    let (code, said) = run(&["import", &sheet, "--into", &set]);
    assert_eq!(code, 1);
    assert!(said.contains("missing field `id`") && said.ends_with("problem(s); nothing imported: fix them first\n"), "{said}");
    assert_eq!(std::fs::read_to_string(&set).unwrap(), "{\"format\": 2}");
}
