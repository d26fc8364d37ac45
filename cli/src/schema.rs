//! The set format described as data, for the native tool: the JSON Schema editors use to
//! autocomplete a set and underline its mistakes (`diary-sort schema`, shipped as
//! `www/schema/set.schema.json`), and the canonical form `diary-sort fmt` writes.
//!
//! The loader in [`set`](diary_sort::core::set) stays the judge of what a set means; this module describes the same
//! format for editors, and one description serves both outputs: a table per object of the format
//! with each field's name, type, description, example and default, in the canonical order. Tests
//! hold the tables to the loader: the field names of each table are the loader's field list for
//! that object, in its order; tried on the default sets, a field is reported missing exactly when
//! the table says it is required, leaving out a field at its default changes nothing, and the
//! loader refuses what the types refuse (values of the wrong kind, numbers out of range, words not
//! listed, blank text where text is needed). The words of `lang` and `kind` are the loader's own.

use diary_sort::core::json::{self, Member, Node, Value};
use diary_sort::core::rule;
use diary_sort::core::set::{self, SetErrors};
use diary_sort::core::strings::{self, Key, Lang};

/// What a field holds.
enum Type {
    /// Any text.
    Text,
    /// Text that is not blank.
    Filled,
    /// An identifier: letters, digits, `-` and `_` (the `$defs/id` of the schema).
    Id,
    /// A whole number in this range.
    Whole(u64, u64),
    /// A whole number from this one up (the set decides how far: a pool is at most its excerpts).
    AtLeast(u64),
    /// `true` or `false`.
    Flag,
    /// One of these words.
    Word(&'static [&'static str]),
    /// An object of the format.
    Object(&'static Object),
    /// A list.
    List(&'static List),
    /// A category's rule (the schema's recursive `$defs/rule`).
    Rule,
    /// An object from category ids to rules (a lens's own rules).
    Rules,
    /// The set's own wording: texts by name, per language (`$defs/strings`).
    Strings,
}

/// A list's items and length.
struct List {
    item: Type,
    /// The fewest items.
    min: usize,
    /// The most items, when limited.
    max: Option<usize>,
    /// Whether an item may appear only once.
    unique: bool,
}

/// An object of the format: its fields in the canonical order.
struct Object {
    /// Its name under the schema's `$defs` (`set` for the whole set, which is the schema's root).
    name: &'static str,
    description: &'static str,
    fields: &'static [Field],
}

/// One field of an object.
struct Field {
    name: &'static str,
    required: bool,
    ty: Type,
    /// What it means, for an instructor (editors show it on hover).
    description: &'static str,
    /// An example value, as JSON text.
    example: &'static str,
    /// The value the loader takes when the field is left out, as JSON text.
    default: Option<&'static str>,
}

impl Field {
    /// A field the set must have.
    const fn required(name: &'static str, ty: Type, description: &'static str, example: &'static str) -> Field {
        Field { name, required: true, ty, description, example, default: None }
    }

    /// A field the set may leave out.
    const fn optional(name: &'static str, ty: Type, description: &'static str, example: &'static str) -> Field {
        Field { name, required: false, ty, description, example, default: None }
    }

    /// The same field with the value it has when left out.
    const fn or(self, default: &'static str) -> Field {
        Field { default: Some(default), ..self }
    }
}

impl Object {
    fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

const SET: Object = Object {
    name: "set",
    description: "An exercise set for diary-sort, format version 1: the essay's criteria, per category a rule over them, and the excerpts to sort, each with the criteria it shows. Check it with `diary-sort validate`: it also finds what a schema cannot (quotes not in the text, unknown criterion ids, duplicate ids, a stated category the rules contradict).",
    fields: &[
        Field::optional(
            "$schema",
            Type::Text,
            "Where editors such as VS Code find this schema, to autocomplete the set and underline its mistakes; diary-sort ignores it. From a set in www/sets/: \"../schema/set.schema.json\".",
            "\"../schema/set.schema.json\"",
        ),
        Field::required(
            "format",
            Type::Whole(set::OLDEST_FORMAT_VERSION as u64, set::FORMAT_VERSION as u64),
            "2, the current version (diary-sort fmt writes it). 1 still loads: a version-1 set is a version-2 set with mode \"board\" and no quiz, questions or lenses. Other versions are refused.",
            "2",
        ),
        Field::required(
            "id",
            Type::Filled,
            "The set's identifier (letters, digits, -, _); with the text's hash it keys a student's stored attempt, so editing a set starts attempts afresh.",
            "\"snijders-atomisation-en\"",
        ),
        Field::required(
            "lang",
            Type::Word(set::LANG_CODES),
            "nl or en: the language of the set's texts and the default interface language.",
            "\"en\"",
        ),
        Field::optional(
            "mode",
            Type::Word(set::quiz_format::MODE_NAMES),
            "Which modes the set offers: board (the sorting board), quiz (one excerpt at a time, then the questions), or both, with a switch.",
            "\"both\"",
        )
        .or("\"board\""),
        Field::required(
            "title",
            Type::Filled,
            "Shown above the exercise. Plain text, never HTML.",
            "\"Lonely or atomised? Diaries from Stalin’s Soviet Union\"",
        ),
        Field::required(
            "intro",
            Type::Text,
            "Shown above the exercise; a blank line (\\n\\n) separates paragraphs. Plain text, never HTML.",
            "\"First paragraph.\\n\\nSecond paragraph.\"",
        ),
        Field::required(
            "criteria",
            Type::List(&List { item: Type::Object(&CRITERION), min: 0, max: None, unique: false }),
            "The essay's conditions. Rules and evidence name them by id.",
            r#"[{"id": "loneliness", "label": "loneliness", "explanation": "The diarist feels alone.", "essay": {"section": "Isolatie en manipulatie", "footnote": 12}}]"#,
        ),
        Field::required(
            "categories",
            Type::List(&List { item: Type::Object(&CATEGORY), min: 1, max: Some(set::MAX_CATEGORIES), unique: false }),
            "The bins, in display order, each with the rule that decides which excerpts belong in it.",
            r#"[{"id": "loneliness", "label": "loneliness", "definition": "Feeling alone, nothing more.", "essay_says": "Loneliness is not yet atomisation.", "essay": {"section": "Isolatie en manipulatie"}, "rule": "loneliness"}]"#,
        ),
        Field::optional(
            "precedence",
            Type::List(&List { item: Type::Id, min: 0, max: None, unique: true }),
            "Category ids in the order their rules are tried; the first rule that holds gives the excerpt's category. Lists every category once. Default: the order of categories.",
            r#"["atomisation", "internalisation", "loneliness"]"#,
        ),
        Field::optional(
            "fallback",
            Type::Object(&FALLBACK),
            "The \"none of these\" category for excerpts no rule matches. Without it, every excerpt must match a rule.",
            r#"{"id": "none", "label": "none of these", "definition": "No rule holds.", "essay_says": "‘Yet hardly anyone actually gives up their social contacts’: for Snijders such fragments are evidence against atomisation.", "essay": {"section": "Isolatie en manipulatie"}, "offer": true}"#,
        ),
        Field::required(
            "excerpts",
            Type::List(&List { item: Type::Object(&EXCERPT), min: 1, max: Some(set::MAX_EXCERPTS), unique: false }),
            "The cards to sort. The bin each belongs in is derived from the rules.",
            r#"[{"id": "example", "kind": "quote", "text": "The words of the diary, exactly.", "source": {"diarist": "Name", "date": "1 January 1937", "work": "Book", "page": "135"}, "essay": {"section": "Internalisatie", "footnote": 19}, "evidence": [{"criterion": "loneliness", "quote": "words of the diary"}], "category": "loneliness"}]"#,
        ),
        Field::optional(
            "questions",
            Type::List(&List { item: Type::Object(&QUESTION), min: 0, max: None, unique: false }),
            "Concept questions about the argument itself, asked in the quiz after the excerpts (quiz mode only).",
            r#"[{"id": "rule", "type": "single", "prompt": "What does atomisation require besides loneliness?", "options": [{"id": "a", "text": "One of four conditions", "correct": true, "feedback": "Right: loneliness alone is not yet atomisation."}, {"id": "b", "text": "Nothing", "correct": false, "feedback": "Loneliness alone is not yet atomisation."}], "essay": {"section": "Isolatie en manipulatie"}}]"#,
        ),
        Field::optional(
            "lenses",
            Type::List(&List { item: Type::Object(&LENS), min: 0, max: None, unique: false }),
            "The historians' readings of the same criteria, shown after an excerpt is answered in the quiz: how each school would classify it, and why. The essay's own reading is a lens without rules.",
            r#"[{"id": "essay", "label": "the essay", "summary": "Loneliness is not yet atomisation.", "essay": {"section": "Isolatie en manipulatie"}}, {"id": "totalitarian", "label": "totalitarians", "summary": "Terror isolated everyone.", "essay": {"section": "", "footnote": 4}, "rules": {"atomisation": "loneliness"}}]"#,
        ),
        Field::optional(
            "settings",
            Type::Object(&SETTINGS),
            "How an attempt is scored, on the board and in the quiz; a field left out takes its default.",
            r#"{"tries": 3, "penalty": 25, "pass_mark": 60, "shuffle": true, "overall": [{"min": 0, "text": "Read the essay's rule again."}, {"min": 80, "text": "Well done."}]}"#,
        ),
        Field::optional(
            "quiz",
            Type::Object(&QUIZ),
            "How the quiz runs (only with mode quiz or both); a field left out takes its default.",
            r#"{"criteriaStep": "optional", "evidenceStep": "optional", "certainty": true, "showSolution": true, "retryWrong": true, "pool": 10}"#,
        ),
        Field::optional(
            "strings",
            Type::Strings,
            "Your own wording of the interface and the feedback, per interface language (nl, en): any built-in text by its name, e.g. the Check button's label as \"check\". A {placeholder} must be one the text has (listed with each name); leaving one out is fine.",
            r#"{"en": {"check": "Submit answers", "tries_left": "Checks left: {n}."}}"#,
        ),
    ],
};

const QUIZ: Object = Object {
    name: "quiz",
    description: "How the quiz runs: the steps of each excerpt, certainty-based marking, the solution button, retrying the wrong ones, and a pool.",
    fields: &[
        Field::optional(
            "criteriaStep",
            Type::Word(set::quiz_format::STEP_NAMES),
            "Ticking the criteria seen in the excerpt: off, optional or required (an answer without a tick is refused).",
            "\"optional\"",
        )
        .or("\"optional\""),
        Field::optional(
            "evidenceStep",
            Type::Word(set::quiz_format::STEP_NAMES),
            "Marking the words that justify the choice: off, optional or required (an answer without marked words is refused).",
            "\"optional\"",
        )
        .or("\"optional\""),
        Field::optional(
            "certainty",
            Type::Flag,
            "Certainty-based marking (Moodle's CBM): with each answer the student says how sure they are; right earns 1, 2 or 3, wrong costs 0, 2 or 6 (low, medium, high), scaled so that every answer right at the first try with high certainty is 100%.",
            "true",
        )
        .or("false"),
        Field::optional(
            "showSolution",
            Type::Flag,
            "Whether a \"show solution\" button is offered; an item whose solution is shown scores 0.",
            "true",
        )
        .or("true"),
        Field::optional(
            "retryWrong",
            Type::Flag,
            "Whether \"retry only the wrong ones\" is offered after the review: a practice round that leaves the score as it was.",
            "true",
        )
        .or("true"),
        Field::optional(
            "pool",
            Type::AtLeast(1),
            "Draw this many excerpts per attempt (with the attempt's seed), at most as many as the set has; all when left out. Questions are always all asked.",
            "10",
        ),
    ],
};

const QUESTION: Object = Object {
    name: "question",
    description: "A concept question about the essay's argument, with feedback per option.",
    fields: &[
        Field::required("id", Type::Id, "Unique among the questions.", "\"schools\""),
        Field::required(
            "type",
            Type::Word(set::quiz_format::QUESTION_TYPE_NAMES),
            "single (exactly one option is correct) or multiple (one or more are; the student must choose all and only those).",
            "\"single\"",
        ),
        Field::required(
            "prompt",
            Type::Filled,
            "The question. Plain text, never HTML.",
            "\"Which school saw Soviet society as atomised by terror?\"",
        ),
        Field::required(
            "options",
            Type::List(&List { item: Type::Object(&OPTION), min: 2, max: None, unique: false }),
            "The options, shown in this order.",
            r#"[{"id": "a", "text": "The totalitarian school", "correct": true, "feedback": "Right."}, {"id": "b", "text": "The revisionists", "correct": false, "feedback": "They looked for society beside the state."}]"#,
        ),
        Field::required("essay", Type::Object(&ESSAY), "Where the essay says it.", r#"{"section": "", "footnote": 5}"#),
        Field::optional(
            "explanation",
            Type::Text,
            "Shown once the question is answered (right, out of tries, or its solution shown).",
            "\"The essay names three schools.\"",
        ),
    ],
};

const OPTION: Object = Object {
    name: "option",
    description: "One option of a concept question.",
    fields: &[
        Field::required("id", Type::Id, "Unique within the question.", "\"a\""),
        Field::required("text", Type::Filled, "The option as shown.", "\"The totalitarian school\""),
        Field::required("correct", Type::Flag, "Whether choosing it is right.", "true"),
        Field::required(
            "feedback",
            Type::Text,
            "Why this option is right or wrong, from the essay; shown when it was chosen.",
            "\"Right: for the totalitarian school, terror left only isolated individuals.\"",
        ),
    ],
};

const LENS: Object = Object {
    name: "lens",
    description: "A historians' school's reading of the same criteria: its summary and, where it differs from the set, its own rules.",
    fields: &[
        Field::required("id", Type::Id, "Unique among the lenses.", "\"totalitarian\""),
        Field::required("label", Type::Filled, "The school's name.", "\"totalitarian school\""),
        Field::required(
            "summary",
            Type::Text,
            "What this school assumes, in one or two sentences from the essay.",
            "\"Terror and propaganda left only isolated individuals.\"",
        ),
        Field::required("essay", Type::Object(&ESSAY), "Where the essay describes the school.", r#"{"section": "", "footnote": 3}"#),
        Field::optional(
            "rules",
            Type::Rules,
            "The school's own rule per category id, where it differs from the set's; categories not listed keep the set's rule. Leave out for the essay's own reading.",
            r#"{"atomisation": {"any": ["loneliness", "organising_ban"]}}"#,
        ),
        Field::optional(
            "precedence",
            Type::List(&List { item: Type::Id, min: 0, max: None, unique: true }),
            "Category ids in the order this school's rules are tried; a category left out is one this reading never gives. Default: the set's precedence.",
            r#"["atomisation", "internalisation", "loneliness"]"#,
        ),
    ],
};

const ESSAY: Object = Object {
    name: "essay",
    description: "Where the essay says it: the section, and the footnote when there is one.",
    fields: &[
        Field::required(
            "section",
            Type::Text,
            "The section title as printed in the essay; empty (\"\") for the essay's untitled introduction, cited as the introduction.",
            "\"Isolatie en manipulatie\"",
        ),
        Field::optional("footnote", Type::Whole(0, u32::MAX as u64), "The essay's footnote number.", "12"),
    ],
};

const CRITERION: Object = Object {
    name: "criterion",
    description: "A condition the essay names (loneliness, one of the four conditions of atomisation, a mark of internalisation…).",
    fields: &[
        Field::required("id", Type::Id, "Used in rules and evidence; unique among the criteria.", "\"loneliness\""),
        Field::required("label", Type::Filled, "The criterion's name, shown to students.", "\"loneliness\""),
        Field::required(
            "explanation",
            Type::Text,
            "What the essay means by it, in one or two sentences; used in hints.",
            "\"The diarist feels alone.\"",
        ),
        Field::required(
            "essay",
            Type::Object(&ESSAY),
            "Where the essay says so.",
            r#"{"section": "Isolatie en manipulatie", "footnote": 12}"#,
        ),
    ],
};

const CATEGORY: Object = Object {
    name: "category",
    description: "A bin, with the rule that decides which excerpts belong in it.",
    fields: &[
        Field::required("id", Type::Id, "Unique among the categories and the fallback.", "\"atomisation\""),
        Field::required("label", Type::Filled, "The bin's name and its button's accessible name.", "\"atomisation\""),
        Field::required("definition", Type::Text, "One line on the bin.", "\"Loneliness plus one of four conditions.\""),
        Field::required("essay_says", Type::Text, "Behind \"What the essay says\".", "\"Loneliness is not yet atomisation.\""),
        Field::required(
            "essay",
            Type::Object(&ESSAY),
            "Where the essay says it.",
            r#"{"section": "Isolatie en manipulatie", "footnote": 12}"#,
        ),
        Field::required(
            "rule",
            Type::Rule,
            "Which excerpts belong here, over the criteria they show.",
            r#"{"all": ["loneliness", {"any": ["individual_vs_party"]}]}"#,
        ),
    ],
};

const FALLBACK: Object = Object {
    name: "fallback",
    description: "The \"none of these\" category, for excerpts no rule matches.",
    fields: &[
        Field::required("id", Type::Id, "Unique among the categories and the fallback.", "\"none\""),
        Field::required("label", Type::Text, "The bin's name and its button's accessible name.", "\"none of these\""),
        Field::required("definition", Type::Text, "One line on the bin.", "\"No rule holds.\""),
        Field::required(
            "essay_says",
            Type::Text,
            "Behind \"What the essay says\".",
            "\"‘Yet hardly anyone actually gives up their social contacts’: for Snijders such fragments are evidence against atomisation.\"",
        ),
        Field::required("essay", Type::Object(&ESSAY), "Where the essay says it.", r#"{"section": "Isolatie en manipulatie"}"#),
        Field::optional("offer", Type::Flag, "Whether students get it as a bin. When false, every excerpt must match a rule.", "true")
            .or("true"),
    ],
};

const EXCERPT: Object = Object {
    name: "excerpt",
    description: "A card to sort: a diary's words (or the essay's description of them), where they come from, and the criteria they show.",
    fields: &[
        Field::required("id", Type::Id, "Unique among the excerpts.", "\"sjaporina-alojna\""),
        Field::optional(
            "kind",
            Type::Word(set::KIND_NAMES),
            "quote, or description for a passage the essay describes but does not quote: shown as a description, never in quotation marks.",
            "\"quote\"",
        )
        .or("\"quote\""),
        Field::required(
            "text",
            Type::Filled,
            "The words of the diary, exactly; a blank line (\\n\\n) between paragraphs. Plain text, never HTML.",
            "\"The words of the diary, exactly.\"",
        ),
        Field::required(
            "source",
            Type::Object(&SOURCE),
            "Where the excerpt comes from.",
            r#"{"kind": "diary", "diarist": "Lyubov Shaporina", "date": "17/12/35", "work": "Intimacy and terror. Soviet diaries of the 1930s (New York 1995)", "page": "345"}"#,
        ),
        Field::required(
            "essay",
            Type::Object(&ESSAY),
            "Where the essay discusses it.",
            r#"{"section": "Isolatie en manipulatie", "footnote": 10}"#,
        ),
        Field::optional(
            "evidence",
            Type::List(&List { item: Type::Object(&EVIDENCE), min: 0, max: Some(set::MAX_EVIDENCE), unique: false }),
            "Each criterion the excerpt shows, with the words that show it. Criteria not listed are absent.",
            r#"[{"criterion": "loneliness", "quote": "words of the diary"}]"#,
        ),
        Field::optional(
            "category",
            Type::Id,
            "The bin the author expects: checked against the rules, and refused with both categories when they disagree.",
            "\"loneliness\"",
        ),
        Field::optional(
            "commentary",
            Type::Text,
            "Added after the derived explanation once the card is right or revealed.",
            "\"The writer clearly disagrees, but according to Snijders the fragment shows that this was an accepted way of thinking: ‘an identity can be formed by society, the exterior determines the interior’.\"",
        ),
        Field::optional(
            "hint",
            Type::Text,
            "Replaces the derived hint after a wrong try.",
            "\"Watch two things at once: how the writer describes the people around him, and what he thinks of socialism.\"",
        ),
    ],
};

const SOURCE: Object = Object {
    name: "source",
    description: "Where an excerpt comes from.",
    fields: &[
        Field::optional(
            "kind",
            Type::Word(set::SOURCE_KIND_NAMES),
            "What kind of text it is: diary, memoir, newspaper or letter; shown on every card and quiz item.",
            "\"diary\"",
        )
        .or("\"diary\""),
        Field::required("diarist", Type::Text, "Who wrote it (for a newspaper, the newspaper).", "\"Lyubov Shaporina\""),
        Field::optional("date", Type::Text, "The date of the entry, as written.", "\"17/12/35\""),
        Field::required(
            "work",
            Type::Text,
            "The published work it is taken from.",
            "\"Intimacy and terror. Soviet diaries of the 1930s (New York 1995)\"",
        ),
        Field::optional("page", Type::Text, "Page or pages in that work.", "\"345\""),
        Field::optional(
            "context",
            Type::Text,
            "One line on who wrote it, when, in what position: only what the essay or the edition states. Shown under the source.",
            "\"Wife of the composer Yuri Shaporin, puppeteer and mother; she kept a diary in Leningrad from 1935 to 1939.\"",
        ),
    ],
};

const EVIDENCE: Object = Object {
    name: "evidence",
    description: "A criterion an excerpt shows, with the words that show it.",
    fields: &[
        Field::required("criterion", Type::Id, "The criterion's id.", "\"loneliness\""),
        Field::required(
            "quote",
            Type::Filled,
            "Words from the excerpt's text that show the criterion; they must occur in the text exactly, same spelling and punctuation.",
            "\"words of the diary\"",
        ),
    ],
};

const SETTINGS: Object = Object {
    name: "settings",
    description: "How an attempt is scored.",
    fields: &[
        Field::optional("tries", Type::Whole(1, 9), "The checks a student gets.", "3").or("3"),
        Field::optional("penalty", Type::Whole(0, 100), "Percentage points a card loses for each extra check it needed.", "25").or("25"),
        Field::optional("pass_mark", Type::Whole(0, 100), "The score (percent) that passes.", "60").or("60"),
        Field::optional("shuffle", Type::Flag, "Whether the cards are shuffled (seeded, and kept on resume).", "true").or("true"),
        Field::optional(
            "overall",
            Type::List(&List { item: Type::Object(&SCORE_BAND), min: 0, max: None, unique: false }),
            "Feedback by score: the text of the highest band reached is shown with the score.",
            r#"[{"min": 0, "text": "Read the essay's rule again."}, {"min": 80, "text": "Well done."}]"#,
        ),
    ],
};

const SCORE_BAND: Object = Object {
    name: "score_band",
    description: "Feedback for scores from min up to the next band's min.",
    fields: &[
        Field::required(
            "min",
            Type::Whole(0, 100),
            "The lowest score (percent) this text is for; each band starts at another score.",
            "80",
        ),
        Field::required("text", Type::Text, "The feedback.", "\"Well done.\""),
    ],
};

/// The objects under the schema's `$defs`, in the order they are written there.
const DEFS: [&Object; 13] =
    [&CRITERION, &CATEGORY, &FALLBACK, &EXCERPT, &SOURCE, &EVIDENCE, &QUESTION, &OPTION, &LENS, &ESSAY, &SETTINGS, &SCORE_BAND, &QUIZ];

/// The JSON Schema (draft 2020-12) of the set format, as `diary-sort schema` prints it and
/// `www/schema/set.schema.json` ships it (two-space indentation, a newline at the end).
pub fn json_schema() -> String {
    let mut root = vec![
        ("$schema", text("https://json-schema.org/draft/2020-12/schema")),
        ("$comment", text("Written by `diary-sort schema` from src/core/schema.rs; do not edit by hand.")),
        ("title", text(&format!("diary-sort exercise set, format {}", set::FORMAT_VERSION))),
    ];
    root.extend(object_schema(&SET));
    let defs = DEFS.iter().map(|object| (object.name, Value::object(object_schema(object))));
    let wording = [("rule", rule_schema()), ("id", id_schema()), ("strings", strings_schema())]
        .into_iter()
        .chain(LANGS.iter().map(|&(def, lang, name)| (def, texts_schema(lang, name))));
    root.push(("$defs", Value::object(defs.chain(wording))));
    json::write(&Value::object(root)) + "\n"
}

/// Rewrites a set that loads in the canonical form of the current format version (a version-1
/// set becomes version 2 by its number alone): every object's fields in the order of the
/// format, two-space indentation, one member or item a line, a newline at the end. Values are kept
/// as written (a default written out stays), so the set means exactly what it meant. A set that
/// does not load is refused with its problems.
pub fn canonical(text: &str) -> Result<String, SetErrors> {
    let set = set::load(text)?;
    let category = |id: &str| set.file.categories.iter().position(|c| c.id == id);
    let mut root = json::parse(text).expect("a set that loads is JSON");
    // A version-1 set is a version-2 set with mode "board": only its number changes.
    if let Value::Object(members) = &mut root.value {
        if let Some(format) = members.iter_mut().find(|m| m.key == "format") {
            format.value.value = Value::Integer(i64::from(set::FORMAT_VERSION));
        }
    }
    walk(&mut root, &Type::Object(&SET), &mut |object, members| {
        members.sort_by_key(|m| object.fields.iter().position(|f| f.name == m.key));
        // A lens's rules are keyed by category, so they go in the order of the categories.
        for m in members.iter_mut().filter(|m| object.field(&m.key).is_some_and(|f| matches!(f.ty, Type::Rules))) {
            if let Value::Object(rules) = &mut m.value.value {
                rules.sort_by_key(|r| category(&r.key));
            }
        }
    });
    Ok(json::write(&root.value) + "\n")
}

/// Calls `visit` with every object of the format in `node` (read as `ty`), outer objects first.
/// Values of another kind than `ty` are passed over (only sets that load are walked for real).
fn walk(node: &mut Node, ty: &Type, visit: &mut dyn FnMut(&'static Object, &mut Vec<Member>)) {
    match (ty, &mut node.value) {
        (Type::Object(object), Value::Object(members)) => {
            visit(object, members);
            for m in members.iter_mut() {
                if let Some(field) = object.field(&m.key) {
                    walk(&mut m.value, &field.ty, visit);
                }
            }
        }
        (Type::List(list), Value::Array(items)) => items.iter_mut().for_each(|item| walk(item, &list.item, visit)),
        (Type::Rules, Value::Object(members)) => members.iter_mut().for_each(|m| walk(&mut m.value, &Type::Rule, visit)),
        // {"all": [rules]}, {"any": [rules]}, {"not": rule}: objects with nothing to order, but the
        // walk goes on into them, so that every object of the format is visited.
        (Type::Rule, Value::Object(members)) => {
            for m in members.iter_mut() {
                match &mut m.value.value {
                    Value::Array(parts) => parts.iter_mut().for_each(|part| walk(part, &Type::Rule, visit)),
                    _ => walk(&mut m.value, &Type::Rule, visit),
                }
            }
        }
        _ => {}
    }
}

fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

/// A JSON value written in the tables (examples and defaults).
fn literal(json_text: &str) -> Value {
    json::parse(json_text).expect("the tables' examples and defaults are JSON").value
}

/// `$ref` to a definition.
fn reference(name: &str) -> (&'static str, Value) {
    ("$ref", text(&format!("#/$defs/{name}")))
}

/// The schema of an object: its description, properties, required fields, and no others.
fn object_schema(object: &Object) -> Vec<(&'static str, Value)> {
    let properties = object.fields.iter().map(|f| (f.name, field_schema(f)));
    let required: Vec<Value> = object.fields.iter().filter(|f| f.required).map(|f| text(f.name)).collect();
    let mut schema = vec![("description", text(object.description)), ("type", text("object")), ("properties", Value::object(properties))];
    if !required.is_empty() {
        schema.push(("required", Value::array(required)));
    }
    schema.push(("additionalProperties", Value::Bool(false)));
    schema
}

fn field_schema(field: &Field) -> Value {
    let mut schema = vec![("description", text(field.description))];
    schema.extend(type_schema(&field.ty));
    schema.extend(field.default.map(|d| ("default", literal(d))));
    schema.push(("examples", Value::array([literal(field.example)])));
    Value::object(schema)
}

/// The keywords that say what a value of type `ty` is.
fn type_schema(ty: &Type) -> Vec<(&'static str, Value)> {
    let count = |n: usize| Value::Integer(n as i64);
    match ty {
        Type::Text => vec![("type", text("string"))],
        Type::Filled => vec![("type", text("string")), ("pattern", text("\\S"))],
        Type::Id => vec![reference("id")],
        Type::Whole(min, max) => {
            vec![("type", text("integer")), ("minimum", Value::Integer(*min as i64)), ("maximum", Value::Integer(*max as i64))]
        }
        Type::AtLeast(min) => vec![("type", text("integer")), ("minimum", Value::Integer(*min as i64))],
        Type::Flag => vec![("type", text("boolean"))],
        Type::Word(words) => vec![("enum", Value::array(words.iter().map(|w| text(w))))],
        Type::Object(object) => vec![reference(object.name)],
        Type::List(list) => {
            let mut schema = vec![("type", text("array")), ("items", Value::object(type_schema(&list.item)))];
            if list.min > 0 {
                schema.push(("minItems", count(list.min)));
            }
            schema.extend(list.max.map(|max| ("maxItems", count(max))));
            if list.unique {
                schema.push(("uniqueItems", Value::Bool(true)));
            }
            schema
        }
        Type::Rule => vec![reference("rule")],
        Type::Rules => vec![
            ("type", text("object")),
            ("propertyNames", Value::object([reference("id")])),
            ("additionalProperties", Value::object([reference("rule")])),
        ],
        Type::Strings => vec![reference("strings")],
    }
}

/// The rule's operators: the name, what it means, and whether it takes a list of rules (or one).
const OPERATORS: [(&str, &str, bool); 3] = [
    ("all", "Holds when every rule in the list holds.", true),
    ("any", "Holds when at least one rule in the list holds.", true),
    ("not", "Holds when the rule does not.", false),
];

/// The rule: a criterion id, or an operator over rules.
fn rule_schema() -> Value {
    let operator = |&(name, description, takes_list): &(&'static str, &str, bool)| {
        let operand = if takes_list {
            Value::object([("type", text("array")), ("items", Value::object([reference("rule")])), ("minItems", Value::Integer(1))])
        } else {
            Value::object([reference("rule")])
        };
        Value::object([
            ("description", text(description)),
            ("type", text("object")),
            ("properties", Value::object([(name, operand)])),
            ("required", Value::array([text(name)])),
            ("additionalProperties", Value::Bool(false)),
        ])
    };
    let criterion = Value::object([("description", text("Holds when the excerpt shows this criterion.")), reference("id")]);
    Value::object([
        (
            "description",
            text(&format!(
                "Which excerpts belong in a category: a criterion id (\"loneliness\"), {{\"all\": [rules]}}, {{\"any\": [rules]}} or {{\"not\": rule}}, nested up to {} deep.",
                rule::MAX_DEPTH
            )),
        ),
        ("anyOf", Value::array([criterion].into_iter().chain(OPERATORS.iter().map(operator)))),
        (
            "examples",
            Value::array([
                text("loneliness"),
                literal(r#"{"all": ["loneliness", {"any": ["individual_vs_party", "real_vs_public_self"]}]}"#),
            ]),
        ),
    ])
}

/// The interface languages: the `$defs` name of each one's texts, the language, its name.
const LANGS: [(&str, Lang, &str); 2] = [("strings_nl", Lang::Nl, "Dutch"), ("strings_en", Lang::En, "English")];

/// `strings`: per interface language, the texts the set words its own way.
fn strings_schema() -> Value {
    let languages = set::LANG_CODES.iter().zip(LANGS).map(|(code, (name, _, _))| (*code, Value::object([reference(name)])));
    Value::object([
        (
            "description",
            text(
                "The set's own wording of interface texts and feedback templates, per interface language. A text not given here is the built-in one.",
            ),
        ),
        ("type", text("object")),
        ("properties", Value::object(languages)),
        ("additionalProperties", Value::Bool(false)),
    ])
}

/// The texts of one language by name, each described by its built-in wording and placeholders.
fn texts_schema(lang: Lang, name: &str) -> Value {
    let texts = Key::ALL.iter().map(|&key| {
        let builtin = strings::get(lang, key);
        let placeholders = strings::placeholders(builtin);
        let mut description = String::new();
        if !placeholders.is_empty() {
            let names: Vec<String> = placeholders.iter().map(|p| format!("{{{p}}}")).collect();
            description.push_str(&format!("Placeholders: {}. ", names.join(", ")));
        }
        description.push_str(&format!("Built in: “{builtin}”"));
        let schema = Value::object([("description", text(&description)), ("type", text("string")), ("pattern", text("\\S"))]);
        (key.name(), schema)
    });
    Value::object([
        ("description", text(&format!("{name} texts by name; a text's placeholders are filled in where it is shown."))),
        ("type", text("object")),
        ("properties", Value::object(texts)),
        ("additionalProperties", Value::Bool(false)),
    ])
}

/// The identifier of a criterion, category or excerpt.
fn id_schema() -> Value {
    Value::object([
        ("description", text("An identifier: letters a–z and A–Z, digits, - and _.")),
        ("type", text("string")),
        ("pattern", text("^[A-Za-z0-9_-]+$")),
        ("examples", Value::array([text("individual_vs_party")])),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use diary_sort::core::rule::Rule;

    /// The sets the tables are tried on: the mini set first (its settings leave room to try every
    /// value), the same as a version-2 board set (`mode` at its default), the quiz fixture (every
    /// quiz field, those with defaults at them), then the editor's template and the default sets,
    /// which between them have every field.
    fn samples() -> [String; 6] {
        let mini = include_str!("../../tests/fixtures/mini.json");
        [
            mini.to_string(),
            mini.replacen("\"format\": 1,", "\"format\": 2,\n  \"mode\": \"board\",", 1),
            include_str!("../../tests/fixtures/quiz.json").to_string(),
            include_str!("../../www/sets/template.json").to_string(),
            include_str!("../../www/sets/snijders-nl.json").to_string(),
            include_str!("../../www/sets/snijders-en.json").to_string(),
        ]
    }

    /// Every object of the format with the loader's field list for it.
    fn objects() -> [(&'static Object, &'static [&'static str]); 14] {
        [
            (&SET, set::SET_FIELDS),
            (&CRITERION, set::CRITERION_FIELDS),
            (&CATEGORY, set::CATEGORY_FIELDS),
            (&FALLBACK, set::FALLBACK_FIELDS),
            (&EXCERPT, set::EXCERPT_FIELDS),
            (&SOURCE, set::SOURCE_FIELDS),
            (&EVIDENCE, set::EVIDENCE_FIELDS),
            (&ESSAY, set::ESSAY_FIELDS),
            (&SETTINGS, set::SETTINGS_FIELDS),
            (&SCORE_BAND, set::SCORE_BAND_FIELDS),
            (&QUIZ, set::quiz_format::QUIZ_FIELDS),
            (&QUESTION, set::quiz_format::QUESTION_FIELDS),
            (&OPTION, set::quiz_format::OPTION_FIELDS),
            (&LENS, set::quiz_format::LENS_FIELDS),
        ]
    }

    /// The first sample with a field `field` of an object `object` whose value `pick` accepts,
    /// with `edit` done to that object's members (given the field's index).
    fn edited(
        object: &Object,
        field: &str,
        pick: &dyn Fn(&Value) -> bool,
        edit: &dyn Fn(&mut Vec<Member>, usize),
    ) -> Option<(String, String)> {
        samples().into_iter().find_map(|sample| {
            let mut root = json::parse(&sample).unwrap();
            let mut done = false;
            walk(&mut root, &Type::Object(&SET), &mut |o, members| {
                if !done && o.name == object.name {
                    if let Some(i) = members.iter().position(|m| m.key == field && pick(&m.value.value)) {
                        edit(members, i);
                        done = true;
                    }
                }
            });
            done.then(|| (sample.to_string(), json::write(&root.value)))
        })
    }

    /// Loads a sample with the first `field` of an `object` set to `value`.
    fn with_value(object: &Object, field: &str, value: Value) -> Result<set::Set, SetErrors> {
        let (_, text) = edited(object, field, &|_| true, &|members, i| members[i].value = Node::made(value.clone()))
            .unwrap_or_else(|| panic!("no sample has {}.{field}", object.name));
        set::load(&text)
    }

    #[test]
    fn each_object_has_the_loaders_fields_in_the_loaders_order() {
        for (object, loader) in objects() {
            let names: Vec<&str> = object.fields.iter().map(|f| f.name).collect();
            assert_eq!(names, loader, "the schema's {} and the loader", object.name);
        }
        assert_eq!(objects().len(), DEFS.len() + 1, "every object of $defs is compared");
    }

    #[test]
    fn a_field_is_missing_exactly_when_required_and_a_default_left_out_changes_nothing() {
        for (object, _) in objects() {
            for field in object.fields {
                let remove = |members: &mut Vec<Member>, i: usize| {
                    members.remove(i);
                };
                let name = format!("{}.{}", object.name, field.name);
                let (_, text) = edited(object, field.name, &|_| true, &remove).unwrap_or_else(|| panic!("no sample has {name}"));
                let missing = format!("missing field `{}`", field.name);
                let reported = set::load(&text).err().is_some_and(|e| e.0.iter().any(|p| p.message.starts_with(&missing)));
                assert_eq!(reported, field.required, "{name}: reported missing when left out");
                if let Some(default) = field.default {
                    let default = json::write(&literal(default));
                    let (sample, text) = edited(object, field.name, &|v| json::write(v) == default, &remove)
                        .unwrap_or_else(|| panic!("no sample has {name} at its default {default}"));
                    let before = set::load(&sample).unwrap().file;
                    assert_eq!(set::load(&text).map(|s| s.file), Ok(before), "{name}: left out, it is {default}");
                }
            }
        }
    }

    #[test]
    fn the_loader_refuses_what_the_types_refuse() {
        for (object, _) in objects() {
            for field in object.fields {
                let name = format!("{}.{}", object.name, field.name);
                let loads = |value: Value| with_value(object, field.name, value).is_ok();
                let wrong_kind = match field.ty {
                    Type::Text | Type::Filled | Type::Id | Type::Word(_) | Type::Rule | Type::Rules => Value::Integer(5),
                    _ => text("5"),
                };
                assert!(!loads(wrong_kind), "{name}: a value of another kind");
                match field.ty {
                    Type::Filled => assert!(!loads(text(" ")), "{name}: blank"),
                    Type::Text => assert!(loads(text(" ")), "{name}: blank text is fine here"),
                    Type::Id => assert!(!loads(text("not an id")), "{name}: an id with spaces"),
                    Type::Whole(min, max) => {
                        assert!(loads(Value::Integer(min as i64)) && loads(Value::Integer(max as i64)), "{name}: {min} and {max}");
                        assert!(
                            !loads(Value::Integer(min as i64 - 1)) && !loads(Value::Integer(max as i64 + 1)),
                            "{name}: outside {min}–{max}"
                        );
                    }
                    Type::AtLeast(min) => {
                        assert!(loads(Value::Integer(min as i64)) && !loads(Value::Integer(min as i64 - 1)), "{name}: from {min}");
                    }
                    Type::Word(words) => {
                        assert!(words.iter().all(|w| loads(text(w))), "{name}: each of {words:?}");
                        assert!(!loads(text("other")), "{name}: a word not listed");
                    }
                    Type::List(list) => {
                        assert!(list.min == 0 || !loads(Value::array([])), "{name}: fewer than {} items", list.min);
                        if list.unique {
                            let twice = |members: &mut Vec<Member>, i: usize| {
                                if let Value::Array(items) = &mut members[i].value.value {
                                    items.push(items[0].clone());
                                }
                            };
                            let (_, text) = edited(object, field.name, &|v| matches!(v, Value::Array(items) if !items.is_empty()), &twice)
                                .unwrap_or_else(|| panic!("no sample has items in {name}"));
                            assert!(set::load(&text).is_err(), "{name}: an item twice");
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn the_rules_operators_take_what_the_loader_takes() {
        for (op, _, takes_list) in OPERATORS {
            let rule = |operand: &str| Rule::from_value(&json::parse(&format!("{{\"{op}\": {operand}}}")).unwrap());
            let (right, wrong) = if takes_list { ("[\"a\"]", "\"a\"") } else { ("\"a\"", "[\"a\"]") };
            assert!(rule(right).is_ok() && rule(wrong).is_err(), "{op}");
        }
        assert!(Rule::from_value(&json::parse("{\"nor\": [\"a\"]}").unwrap()).is_err());
    }
}
