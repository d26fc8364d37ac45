//! Property tests of the core (proptest): any sequence of student actions keeps an attempt
//! valid on the default set and on the mini fixture; a resumed attempt is the same attempt and
//! behaves like the original from then on; each card right at check k earns exactly
//! 100 − penalty·(k−1) (at least 0) and the score stays within 0..=100; the JSON parser reads
//! back every generated document, values and positions, and never panics on any text.
//!
//! The invariants checked after every message are in `support/valid.rs` and `support/play.rs`,

//! shared with the fuzz targets.

use std::sync::LazyLock;

use diary_sort::core::board::{Board, CardStatus, Msg};
use diary_sort::core::json::{self, Member, Node, Pos, Positions, Value};
use diary_sort::core::set::{self, Set};
use diary_sort::core::state;
use diary_sort::core::strings::Lang;
use proptest::collection::vec;
use proptest::prelude::*;

use crate::play::{Play, next_actions};
use crate::valid;

const MINI: &str = include_str!("../fixtures/mini.json");

static DEFAULT: LazyLock<Set> =
    LazyLock::new(|| set::load(include_str!("../../www/sets/snijders-nl.json")).expect("the default set loads"));
static MINI_SET: LazyLock<Set> = LazyLock::new(|| set::load(MINI).expect("the mini set loads"));

/// The mini set with other scoring settings.
fn mini_with(tries: u8, penalty: u8) -> Set {
    let text = MINI.replace("\"tries\": 2, \"penalty\": 50", &format!("\"tries\": {tries}, \"penalty\": {penalty}"));
    set::load(&text).expect("the mini set loads with any tries and penalty")
}

fn lang(en: bool) -> Lang {
    if en { Lang::En } else { Lang::Nl }
}

/// Plays the actions the bytes describe, every invariant checked after every message.
fn play_all(set: &Set, lang: Lang, seed: u64, bytes: &[u8]) -> Play {
    let mut play = Play::new(Board::new(set.clone(), lang, seed));
    let mut bytes = bytes.iter().copied();
    while let Some(msgs) = next_actions(play.board(), &mut bytes) {
        for msg in msgs {
            play.apply(msg);
        }
    }
    play
}

/// Plays the actions on an attempt and, in step, on a copy that is saved and resumed from its
/// resume string after every `every` actions: both must show the same attempt and answer every
/// message alike. (A resume forgets the card held, so both put it down first.)
fn resume_in_step(set: &Set, lang: Lang, seed: u64, bytes: &[u8], every: usize) {
    let mut play = Play::new(Board::new(set.clone(), lang, seed));
    let mut copy = Board::new(set.clone(), lang, seed);
    let mut bytes = bytes.iter().copied();
    let mut actions = 0;
    while let Some(msgs) = next_actions(play.board(), &mut bytes) {
        actions += 1;
        if actions % every == 0 {
            assert_eq!(play.apply(Msg::Cancel), copy.apply(Msg::Cancel));
            copy = state::decode(set.clone(), lang, &state::encode(&copy)).expect("a reachable attempt resumes");
        }
        for msg in msgs {
            assert_eq!(play.apply(msg), copy.apply(msg), "{msg:?}");
            valid::assert_same_attempt(play.board(), &copy);
            assert_eq!((play.board().held(), play.board().target()), (copy.held(), copy.target()));
        }
    }
}

/// Places every card that is not right yet in the bin `plan` says for this check (its right bin
/// at check `right_at[i]`, a wrong one otherwise) and checks, until the attempt is finished.
/// Then each card is right exactly when planned and the score is what the cards earned.
fn play_plan(set: &Set, right_at: &[u8], wrong: &[u8]) {
    let settings = &set.file.settings;
    let mut play = Play::new(Board::new(set.clone(), Lang::En, 7));
    let mut check = 0;
    while !play.board().finished() {
        check += 1;
        for (i, &k) in right_at.iter().enumerate() {
            if play.board().status(i) == CardStatus::Right {
                continue;
            }
            let others: Vec<usize> = set.bins.iter().copied().filter(|&b| b != set.expected[i]).collect();
            let bin = if k == check { set.expected[i] } else { others[(usize::from(wrong[i]) + usize::from(check)) % others.len()] };
            play.apply(Msg::Place(i, Some(bin)));
        }
        play.apply(Msg::Check);
    }
    let earned = |k: u8| if k == 0 { 0 } else { 100u32.saturating_sub(u32::from(settings.penalty) * (u32::from(k) - 1)) };
    let summary = play.board().summary().expect("finished");
    for (i, &k) in right_at.iter().enumerate() {
        assert_eq!(play.board().status(i) == CardStatus::Right, k > 0, "card {i} planned right at check {k}");
    }
    let total: u32 = right_at.iter().map(|&k| earned(k)).sum();
    assert_eq!(u32::from(summary.score), total / right_at.len() as u32);
    assert!(summary.score <= 100);
    if right_at.iter().all(|&k| k == 1) {
        assert_eq!(summary.score, 100);
    }
}

/// A JSON document to print and read back.
#[derive(Debug, Clone)]
enum Doc {
    Null,
    Bool(bool),
    /// A number as written; read back as an integer when it is whole and fits an `i64`.
    Number(String),
    Text(String),
    Array(Vec<Doc>),
    /// Members in order; keys may repeat.
    Object(Vec<(String, Doc)>),
}

fn number() -> impl Strategy<Value = String> {
    let int = prop_oneof![any::<i64>().prop_map(|n| n.unsigned_abs().to_string()), any::<u128>().prop_map(|n| n.to_string())];
    let fraction = proptest::option::of("[0-9]{1,6}");
    let exponent = proptest::option::of(("[eE]", "[+-]?", "[0-9]{1,3}"));
    (any::<bool>(), int, fraction, exponent).prop_map(|(minus, int, fraction, exponent)| {
        let mut text = format!("{}{int}", if minus { "-" } else { "" });
        if let Some(digits) = fraction {
            text = format!("{text}.{digits}");
        }
        if let Some((e, sign, digits)) = exponent {
            text = format!("{text}{e}{sign}{digits}");
        }
        text
    })
}

fn text() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

fn doc() -> impl Strategy<Value = Doc> {
    let leaf = prop_oneof![Just(Doc::Null), any::<bool>().prop_map(Doc::Bool), number().prop_map(Doc::Number), text().prop_map(Doc::Text),];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Doc::Array),
            vec((prop_oneof![text(), Just("a".to_string())], inner), 0..6).prop_map(Doc::Object),
        ]
    })
}

/// Prints a document with whitespace, escapes and a byte-order mark chosen by a seeded PRNG,
/// keeping the byte offset, line and column where each value and key starts: the tree the
/// parser must read back, and the positions [`Positions`] must give its offsets.
struct Printer {
    out: String,
    line: usize,
    column: usize,
    rng: u64,
    /// Where each value and key starts: its byte offset and its line and column.
    places: Vec<(usize, Pos)>,
}

impl Printer {
    fn print(doc: &Doc, style: u64) -> (String, Node<'static>, Vec<(usize, Pos)>) {
        let mut p = Printer { out: String::new(), line: 1, column: 1, rng: style, places: Vec::new() };
        if p.pick(8) == 0 {
            p.push("\u{feff}");
        }
        p.space();
        let node = p.value(doc);
        p.space();
        (p.out, node, p.places)
    }

    /// A number below `n` (xorshift).
    fn pick(&mut self, n: u64) -> u64 {
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        self.rng % n
    }

    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c == '\n' {
                (self.line, self.column) = (self.line + 1, 1);
            } else {
                self.column += 1;
            }
        }
        self.out.push_str(s);
    }

    /// The byte offset where the next value or key starts, its line and column kept.
    fn place(&mut self) -> usize {
        self.places.push((self.out.len(), Pos { line: self.line, column: self.column }));
        self.out.len()
    }

    fn space(&mut self) {
        let space = ["", "", " ", "\n", "\t", "\r\n  ", " \n\n\t "][self.pick(7) as usize];
        self.push(space);
    }

    fn value(&mut self, doc: &Doc) -> Node<'static> {
        let at = self.place();
        let value = match doc {
            Doc::Null => {
                self.push("null");
                Value::Null
            }
            Doc::Bool(b) => {
                self.push(if *b { "true" } else { "false" });
                Value::Bool(*b)
            }
            Doc::Number(text) => {
                self.push(text);
                let whole = !text.contains(['.', 'e', 'E']);
                match text.parse::<i64>() {
                    Ok(n) if whole => Value::Integer(n),
                    _ => Value::Number(text.clone().into()),
                }
            }
            Doc::Text(s) => {
                self.string(s);
                Value::String(s.clone().into())
            }
            Doc::Array(items) => {
                self.push("[");
                let mut nodes = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    self.separator(i);
                    nodes.push(self.value(item));
                    self.space();
                }
                self.close("]", items.is_empty());
                Value::Array(nodes)
            }
            Doc::Object(members) => {
                self.push("{");
                let mut read = Vec::new();
                for (i, (key, item)) in members.iter().enumerate() {
                    self.separator(i);
                    let key_at = self.place();
                    self.string(key);
                    self.space();
                    self.push(":");
                    self.space();
                    read.push(Member { key: key.clone().into(), at: key_at, value: self.value(item) });
                    self.space();
                }
                self.close("}", members.is_empty());
                Value::Object(read)
            }
        };
        Node { at, value }
    }

    fn separator(&mut self, index: usize) {
        if index > 0 {
            self.push(",");
        }
        self.space();
    }

    fn close(&mut self, bracket: &str, empty: bool) {
        if empty {
            self.space();
        }
        self.push(bracket);
    }

    /// A string in quotes: controls escaped (short forms where JSON has them), other characters
    /// sometimes as `\uXXXX` (astral ones as surrogate pairs) or `\/`.
    fn string(&mut self, s: &str) {
        self.push("\"");
        for c in s.chars() {
            let escaped = match c {
                '"' => "\\\"".to_string(),
                '\\' => "\\\\".to_string(),
                '\u{8}' => "\\b".to_string(),
                '\u{c}' => "\\f".to_string(),
                '\n' => "\\n".to_string(),
                '\r' => "\\r".to_string(),
                '\t' => "\\t".to_string(),
                '/' if self.pick(2) == 0 => "\\/".to_string(),
                c if c < ' ' || self.pick(4) == 0 => {
                    let mut units = [0u16; 2];
                    let hex: String = c.encode_utf16(&mut units).iter().map(|u| format!("\\u{u:04x}")).collect();
                    if self.pick(2) == 0 { hex.to_uppercase().replace("\\U", "\\u") } else { hex }
                }
                c => c.to_string(),
            };
            self.push(&escaped);
        }
        self.push("\"");
    }
}

/// Text made of JSON's own tokens and near-misses, more likely to go deep than random text.
fn json_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{"),
        Just("}"),
        Just("["),
        Just("]"),
        Just(","),
        Just(":"),
        Just("\""),
        Just("\\"),
        Just("\\u"),
        Just("d83d"),
        Just("\\ude00"),
        Just("0"),
        Just("1"),
        Just("-"),
        Just("."),
        Just("e"),
        Just("+"),
        Just("true"),
        Just("nul"),
        Just(" "),
        Just("\n"),
        Just("\t"),
        Just("\u{feff}"),
        Just("é"),
        Just("😀"),
        Just("\u{0}"),
        Just("'"),
    ];
    vec(token, 0..40).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_actions_keep_an_attempt_on_the_default_set_valid(
        bytes in vec(any::<u8>(), 0..160), seed: u64, en: bool,
    ) {
        play_all(&DEFAULT, lang(en), seed, &bytes);
    }

    #[test]
    fn any_actions_keep_an_attempt_on_the_mini_set_valid(
        bytes in vec(any::<u8>(), 0..240), seed: u64, en: bool, tries in 1..=9u8, penalty in 0..=100u8,
    ) {
        play_all(&mini_with(tries, penalty), lang(en), seed, &bytes);
    }

    #[test]
    fn a_resumed_attempt_is_the_same_attempt_and_goes_on_alike(
        bytes in vec(any::<u8>(), 0..160), seed: u64, en: bool, every in 1..6usize, default: bool,
    ) {
        let set = if default { &*DEFAULT } else { &*MINI_SET };
        resume_in_step(set, lang(en), seed, &bytes, every);
    }

    #[test]
    fn a_card_right_at_check_k_earns_100_minus_penalty_times_k_minus_1(
        tries in 1..=9u8, penalty in 0..=100u8, plan in vec((0..=9u8, any::<u8>()), 4),
    ) {
        let right_at: Vec<u8> = plan.iter().map(|&(k, _)| k % (tries + 1)).collect();
        let wrong: Vec<u8> = plan.iter().map(|&(_, w)| w).collect();
        play_plan(&mini_with(tries, penalty), &right_at, &wrong);
    }

    #[test]
    fn the_default_set_scores_as_planned(plan in vec((0..=DEFAULT.file.settings.tries, any::<u8>()), DEFAULT.len())) {
        let right_at: Vec<u8> = plan.iter().map(|&(k, _)| k).collect();
        let wrong: Vec<u8> = plan.iter().map(|&(_, w)| w).collect();
        play_plan(&DEFAULT, &right_at, &wrong);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_printed_document_reads_back_with_its_positions(doc in doc(), style in 1..u64::MAX) {
        let (text, expected, places) = Printer::print(&doc, style);
        prop_assert_eq!(json::parse(&text), Ok(expected), "{}", text);
        let mut positions = Positions::new(&text);
        for (at, pos) in places {
            prop_assert_eq!(positions.pos(at), pos, "byte {} of {}", at, text);
        }
    }

    #[test]
    fn a_cut_off_list_or_object_is_an_error(doc in doc(), style in 1..u64::MAX, cut: prop::sample::Index) {
        let (text, root, _) = Printer::print(&doc, style);
        prop_assume!(matches!(root.value, Value::Array(_) | Value::Object(_)));
        let end = text.trim_end().len() - 1;
        let cuts: Vec<usize> = (0..=end).filter(|&i| text.is_char_boundary(i)).collect();
        let cut = cuts[cut.index(cuts.len())];
        prop_assert!(json::parse(&text[..cut]).is_err(), "{:?}", &text[..cut]);
    }

    #[test]
    fn any_text_parses_or_fails_without_panicking(text in prop_oneof![json_like(), text()]) {
        let _ = json::parse(&text);
    }
}
