//! The compact, versioned resume strings: a widget's whole attempt (both modes and the tab shown)
//! in well under SCORM 1.2's 4,096 characters. [`Saved::encode`] writes the widget's string,
//! `2_TAB_BOARD_QUIZ` (the tab `b`oard, `q`uiz or `-` for a set of one mode, then each mode's own
//! string, empty for a mode the set does not offer); [`decode_attempt`] reads it back, and also a
//! single mode's string as earlier versions stored it (`1.…`, `q1.…`). [`is_resume`] tells the
//! LMS bridges whether a stored text is one at all (they never parse it themselves).
//!
//! The board's string is below; the quiz's has its own prefix ([`encode_quiz`], `q2.…`).
//!
//! `1.HASH.SEED.CHECKS.PLACES.CHECKED.SOLVED`: the format version, the set's hash (16 hex
//! digits), the shuffle seed (base 36), the checks used, then one character per excerpt (in set
//! order) for where it lies now, where it lay at the last check (`-` for the pile, else the bin
//! index in base 36) and the check at which it was right (`0`: not yet). Fifteen excerpts take
//! about 80 characters; two hundred, about 640.

use std::fmt::Write as _;
use std::rc::Rc;

use crate::core::board::{Board, Place};
use crate::core::exercise::Certainty;
use crate::core::quiz::{Draft, Item, ItemState, ItemStatus, Quiz, Stored, words};
use crate::core::set::Mode;
use crate::core::set::Set;
use crate::core::strings::Lang;

/// Why a stored string cannot resume an attempt.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    /// Not a resume string of a version this build reads.
    #[error("not a resume state this version can read")]
    Unreadable,
    /// Written for another set, or another version of this set.
    #[error("the state belongs to another set")]
    OtherSet,
}

const VERSION: &str = "1";
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Encodes an attempt.
pub fn encode(board: &Board) -> String {
    // One character per excerpt (pushed in loops: collecting chars into a String made an
    // instance of the standard library's machinery per list).
    let n = board.set().len();
    let places = |place: &dyn Fn(usize) -> Place| -> String {
        let mut out = String::with_capacity(n);
        for i in 0..n {
            out.push(place(i).map_or('-', digit_char));
        }
        out
    };
    let mut solved = String::with_capacity(n);
    for &k in board.solved_at() {
        solved.push(digit_char(usize::from(k)));
    }
    format!(
        "{VERSION}.{:016x}.{}.{}.{}.{}.{solved}",
        board.set().hash,
        base36(board.seed()),
        board.checks(),
        places(&|i| board.place(i)),
        places(&|i| board.checked()[i]),
    )
}

/// Decodes an attempt for `set`, checking every part against the set's bounds.
pub fn decode(set: impl Into<Rc<Set>>, lang: Lang, text: &str) -> Result<Board, StateError> {
    let set = set.into();
    let parts: Vec<&str> = text.trim().split('.').collect();
    let [version, hash, seed, checks, current, checked, solved] = parts[..] else {
        return Err(StateError::Unreadable);
    };
    if version != VERSION {
        return Err(StateError::Unreadable);
    }
    if u64::from_str_radix(hash, 16).map_err(|_| StateError::Unreadable)? != set.hash {
        return Err(StateError::OtherSet);
    }
    let seed = u64::from_str_radix(seed, 36).map_err(|_| StateError::Unreadable)?;
    let checks = checks.parse::<usize>().ok().and_then(|n| u8::try_from(n).ok()).ok_or(StateError::Unreadable)?;
    if checks > set.file.settings.tries {
        return Err(StateError::Unreadable);
    }
    let n = set.len();
    // Loops, not `collect::<Result<…>>()`: the standard library's Result-collecting machinery
    // took 1.2 KB of wasm for these two lists.
    let places = |s: &str| -> Result<Vec<Place>, StateError> {
        if s.len() != n {
            return Err(StateError::Unreadable);
        }
        let mut list = Vec::with_capacity(n);
        for c in s.bytes() {
            list.push(match c {
                b'-' => None,
                c => Some(digit(c).filter(|b| set.bins.contains(b)).ok_or(StateError::Unreadable)?),
            });
        }
        Ok(list)
    };
    let current = places(current)?;
    let checked = places(checked)?;
    if solved.len() != n {
        return Err(StateError::Unreadable);
    }
    let solved = {
        let mut list = Vec::with_capacity(n);
        for c in solved.bytes() {
            list.push(digit(c).filter(|&k| k <= usize::from(checks)).ok_or(StateError::Unreadable)? as u8);
        }
        list
    };
    // Only an attempt a student can reach: nothing is checked before the first check and every
    // card at each check (a check needs them all placed); a card checked in its right bin is
    // right from that check on, and a right card stays where it was checked.
    let reachable = (0..n).all(|i| {
        checked[i].is_some() == (checks > 0)
            && (solved[i] > 0) == (checked[i] == Some(set.expected[i]))
            && (solved[i] == 0 || current[i] == checked[i])
    });
    if !reachable {
        return Err(StateError::Unreadable);
    }
    Ok(Board::restore(set, lang, seed, checks, current, checked, solved))
}

/// The base-36 digit of `d` (below 36).
fn digit_char(d: usize) -> char {
    char::from(DIGITS[d % 36])
}

fn digit(c: u8) -> Option<usize> {
    DIGITS.iter().position(|&d| d == c)
}

fn base36(mut n: u64) -> String {
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The version prefix of a quiz's resume string (the board's is `1`).
pub const QUIZ_VERSION: &str = "q2";
/// The quiz's earlier version, still read: bit sets in hexadecimal, marks as ranges of words.
const QUIZ_VERSION_1: &str = "q1";
/// The version prefix of a widget's string (both modes and the tab).
const ATTEMPT_VERSION: &str = "2";
/// What separates the parts of a widget's string (no mode's string contains it).
const PART: char = '_';

/// The mode a widget shows, for a set that offers both (its tab).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The sorting board.
    Board,
    /// The quiz.
    Quiz,
}

impl Tab {
    /// Both, in tab order.
    pub const ALL: [Tab; 2] = [Tab::Board, Tab::Quiz];

    /// The other tab.
    pub fn other(self) -> Tab {
        match self {
            Tab::Board => Tab::Quiz,
            Tab::Quiz => Tab::Board,
        }
    }

    /// Its name in the page (`data-mode`, element ids).
    pub fn word(self) -> &'static str {
        match self {
            Tab::Board => "board",
            Tab::Quiz => "quiz",
        }
    }

    /// Its letter in a widget's string.
    fn letter(self) -> char {
        match self {
            Tab::Board => 'b',
            Tab::Quiz => 'q',
        }
    }
}

/// A widget's attempt as its modes' strings and the tab shown: what [`Saved::encode`] joins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// The tab shown (a set of both modes).
    pub tab: Option<Tab>,
    /// The board's string ([`encode`]), when the set has a board.
    pub board: Option<String>,
    /// The quiz's string ([`encode_quiz`]), when the set has a quiz.
    pub quiz: Option<String>,
}

impl Saved {
    /// The widget's string: `2_TAB_BOARD_QUIZ`.
    pub fn encode(&self) -> String {
        let (board, quiz) = (self.board.as_deref().unwrap_or(""), self.quiz.as_deref().unwrap_or(""));
        let mut out = String::with_capacity(6 + board.len() + quiz.len());
        out.push_str(ATTEMPT_VERSION);
        out.push(PART);
        out.push(self.tab.map_or('-', Tab::letter));
        out.push(PART);
        out.push_str(board);
        out.push(PART);
        out.push_str(quiz);
        out
    }
}

/// An attempt read back: each mode's, where the string held one, and the tab.
pub struct Resumed {
    /// The tab that was shown.
    pub tab: Option<Tab>,
    /// The board's attempt.
    pub board: Option<Board>,
    /// The quiz's attempt.
    pub quiz: Option<Quiz>,
}

/// Whether `text` is a resume string of a version this build reads (by its version prefix and
/// its characters; whether it fits a set is [`decode_attempt`]'s to say).
pub fn is_resume(text: &str) -> bool {
    let text = text.trim();
    let known = [ATTEMPT_VERSION, "1", QUIZ_VERSION, QUIZ_VERSION_1]
        .iter()
        .any(|v| text.strip_prefix(v).is_some_and(|rest| rest.starts_with(if *v == ATTEMPT_VERSION { PART } else { '.' })));
    known && text.bytes().all(|c| c.is_ascii_alphanumeric() || b".,~:+-_".contains(&c))
}

/// Reads a widget's string for `set`: both modes (each must be there exactly when the set offers
/// it) and the tab, or one mode's string as earlier versions stored it (the board's `1.…`, the
/// quiz's `q1.…` or `q2.…`; the other mode and the tab are then not in it).
pub fn decode_attempt(set: impl Into<Rc<Set>>, lang: Lang, text: &str) -> Result<Resumed, StateError> {
    let set = set.into();
    let text = text.trim();
    let mode = set.file.mode;
    let mut resumed = Resumed { tab: None, board: None, quiz: None };
    let Some(rest) = text.strip_prefix(ATTEMPT_VERSION).and_then(|r| r.strip_prefix(PART)) else {
        if text.starts_with("1.") && mode.has_board() {
            resumed.board = Some(decode(set, lang, text)?);
        } else if is_quiz(text) && mode.has_quiz() {
            resumed.quiz = Some(decode_quiz(set, lang, text)?);
        } else {
            return Err(StateError::Unreadable);
        }
        return Ok(resumed);
    };
    let parts: Vec<&str> = rest.split(PART).collect();
    let [tab, board, quiz] = parts[..] else { return Err(StateError::Unreadable) };
    resumed.tab = match (tab, mode == Mode::Both) {
        ("-", false) => None,
        ("b", true) => Some(Tab::Board),
        ("q", true) => Some(Tab::Quiz),
        _ => return Err(StateError::Unreadable),
    };
    if board.is_empty() == mode.has_board() || quiz.is_empty() == mode.has_quiz() {
        return Err(StateError::Unreadable);
    }
    if !board.is_empty() {
        resumed.board = Some(decode(set.clone(), lang, board)?);
    }
    if !quiz.is_empty() {
        // Within a widget's string, only the current quiz version.
        if !quiz.starts_with(QUIZ_VERSION) {
            return Err(StateError::Unreadable);
        }
        resumed.quiz = Some(decode_quiz(set, lang, quiz)?);
    }
    Ok(resumed)
}

/// Whether `text` is a quiz's resume string (as opposed to the board's), by its version prefix.
fn is_quiz(text: &str) -> bool {
    matches!(text.split('.').next(), Some(QUIZ_VERSION | QUIZ_VERSION_1))
}

const STATUS: [(ItemStatus, u8); 5] = [
    (ItemStatus::Open, b'o'),
    (ItemStatus::Wrong, b'w'),
    (ItemStatus::Right, b'r'),
    (ItemStatus::Revealed, b'v'),
    (ItemStatus::SolutionShown, b's'),
];
const CERTAINTY: [(Option<Certainty>, u8); 4] =
    [(None, b'-'), (Some(Certainty::Low), b'l'), (Some(Certainty::Medium), b'm'), (Some(Certainty::High), b'h')];

/// The digits of a bit set, six bits each (no `.`, `,`, `~` or `_`: they separate fields).
const BITS64: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-+";

/// Encodes a quiz attempt (its own prefix, [`QUIZ_VERSION`]):
/// `q2.HASH.SEED.ROUND.FIRST.CURRENT.FINISHED.ITEMS`. The seed (base 36) draws the items again;
/// `FIRST` is the score fixed at the end of the first round and the items then right
/// (`SCORE:RIGHT`, or `-`); `ITEMS` has one record per item of the attempt, in display order,
/// separated by `,`: a status letter (`o`pen, `w`rong, `r`ight, re`v`ealed, `s`olution shown;
/// upper case for an item outside the current retry round), the tries used, the draft's and the
/// last try's certainty (`-`, `l`, `m`, `h`), then `~`-separated and left out when empty: the
/// answer (the bin in base 36, or the chosen options as a bit set), the ticked criteria (a bit
/// set) and the marked words (a bit set over the excerpt's words). A bit set is written six bits
/// a character, lowest first, without trailing zeros ([`BITS64`]): an excerpt of 120 words
/// takes at most 20 characters however it is marked. An untouched item takes 4 characters.
pub fn encode_quiz(quiz: &Quiz) -> String {
    let first = quiz.first_round().map_or("-".to_string(), |(score, right)| format!("{score}:{right}"));
    // The records are written one after another into one String (no list of records to join);
    // each loses its empty trailing fields.
    let certainty = |c: Option<Certainty>| char::from(CERTAINTY.iter().find(|(x, _)| *x == c).map_or(b'-', |&(_, ch)| ch));
    let mut items = String::new();
    for (k, (&item, state)) in quiz.all_items().iter().zip(quiz.states()).enumerate() {
        if k > 0 {
            items.push(',');
        }
        let in_round = quiz.items().contains(&item);
        let status = STATUS.iter().find(|(s, _)| *s == state.status).map_or(b'o', |&(_, c)| c);
        let status = if in_round { status } else { status.to_ascii_uppercase() };
        let draft = &state.draft;
        let answer = match item {
            Item::Excerpt(_) => draft.bin.map(|b| digit_char(b).to_string()).unwrap_or_default(),
            Item::Question(_) => bits(&draft.options),
        };
        let start = items.len();
        // Writing to a String cannot fail.
        let _ = write!(
            items,
            "{}{}{}{}~{answer}~{}~{}",
            char::from(status),
            state.tries,
            certainty(draft.certainty),
            certainty(state.last_certainty),
            bits(&draft.criteria),
            bits(&draft.marked),
        );
        items.truncate(start + items[start..].trim_end_matches('~').len());
    }
    format!(
        "{QUIZ_VERSION}.{:016x}.{}.{}.{first}.{}.{}.{}",
        quiz.set().hash,
        base36(quiz.seed()),
        quiz.round(),
        quiz.current(),
        u8::from(quiz.finished()),
        items,
    )
}

/// Decodes a quiz attempt for `set`, strictly: a string that is not exactly what
/// [`encode_quiz`] writes for a reachable attempt of this set is an error, never a panic. A
/// string of the earlier version (`q1.…`) is read as it was written.
pub fn decode_quiz(set: impl Into<Rc<Set>>, lang: Lang, text: &str) -> Result<Quiz, StateError> {
    let set = set.into();
    let bad = StateError::Unreadable;
    let parts: Vec<&str> = text.trim().split('.').collect();
    let [version, hash, seed, round, first, current, finished, items] = parts[..] else { return Err(bad) };
    let legacy = match version {
        QUIZ_VERSION => false,
        QUIZ_VERSION_1 => true,
        _ => return Err(bad),
    };
    if u64::from_str_radix(hash, 16).map_err(|_| StateError::Unreadable)? != set.hash {
        return Err(StateError::OtherSet);
    }
    let number = |s: &str| s.parse::<usize>().map_err(|_| StateError::Unreadable);
    let seed = u64::from_str_radix(seed, 36).map_err(|_| StateError::Unreadable)?;
    let round = u8::try_from(number(round)?).map_err(|_| StateError::Unreadable)?;
    let first = match first {
        "-" => None,
        _ => {
            let (score, right) = first.split_once(':').ok_or(StateError::Unreadable)?;
            Some((u8::try_from(number(score)?).map_err(|_| StateError::Unreadable)?, number(right)?))
        }
    };
    let finished = match finished {
        "0" => false,
        "1" => true,
        _ => return Err(bad),
    };
    let fresh = Quiz::new(set, lang, seed);
    let records: Vec<&str> = items.split(',').collect();
    if records.len() != fresh.all_items().len() {
        return Err(bad);
    }
    let mut states = Vec::new();
    let mut in_round = Vec::new();
    for (record, &item) in records.into_iter().zip(fresh.all_items()) {
        // Word indices past the excerpt's words are refused before a range of them is spelled out.
        let words = match item {
            Item::Excerpt(i) => words(&fresh.set().file.excerpts[i].text).len(),
            Item::Question(_) => 0,
        };
        let (state, inside) = item_state(record, item, words, legacy).ok_or(StateError::Unreadable)?;
        states.push(state);
        in_round.push(inside);
    }
    let stored = Stored { states, in_round, round, finished, first, current: number(current)? };
    let quiz = fresh.restore(stored).ok_or(StateError::Unreadable)?;
    // Only the canonical spelling: what `encode_quiz` writes (no leading zeros, no empty fields).
    if !legacy && encode_quiz(&quiz) != text.trim() {
        return Err(bad);
    }
    Ok(quiz)
}

/// Reads the record of `item` (an excerpt of `words` words, or a question): its state, and
/// whether it is in the current round. `legacy`: written by version `q1`.
fn item_state(record: &str, item: Item, words: usize, legacy: bool) -> Option<(ItemState, bool)> {
    let mut fields = record.split('~');
    let head = fields.next()?.as_bytes();
    let &[status, tries, certainty, last] = head else { return None };
    let inside = status.is_ascii_lowercase();
    let status = STATUS.iter().find(|&&(_, c)| c == status.to_ascii_lowercase())?.0;
    let tries = digit(tries).filter(|&t| t < 10)? as u8;
    let certainty_of = |c: u8| CERTAINTY.iter().find(|&&(_, ch)| ch == c).map(|&(x, _)| x);
    let (certainty, last_certainty) = (certainty_of(certainty)?, certainty_of(last)?);
    let read_set = if legacy { read_hex } else { read_bits };
    let answer = fields.next().unwrap_or("");
    let criteria = read_set(fields.next().unwrap_or(""))?;
    let marks = fields.next().unwrap_or("");
    let marked = if legacy { read_ranges(marks, words)? } else { read_bits(marks)? };
    if fields.next().is_some() || marked.last().is_some_and(|&w| w >= words) {
        return None;
    }
    let (bin, options) = match (item, answer.as_bytes()) {
        (_, []) => (None, Vec::new()),
        (Item::Excerpt(_), &[b]) => (Some(digit(b)?), Vec::new()),
        (Item::Excerpt(_), _) => return None,
        (Item::Question(_), _) => (None, read_set(answer)?),
    };
    let draft = Draft { criteria, marked, bin, options, certainty };
    Some((ItemState { draft, tries, status, last_certainty }, inside))
}

/// A set of small numbers, ascending, as a bit set: six bits a character ([`BITS64`]), lowest
/// first, no trailing zeros.
fn bits(set: &[usize]) -> String {
    let Some(&top) = set.iter().max() else { return String::new() };
    let mut out = String::with_capacity(top / 6 + 1);
    for chunk in 0..=top / 6 {
        let value = (0..6).filter(|b| set.contains(&(chunk * 6 + b))).fold(0, |v, b| v | 1 << b);
        out.push(char::from(BITS64[value]));
    }
    out
}

/// Reads a bit set that [`bits`] wrote (a trailing zero digit is not its spelling).
fn read_bits(text: &str) -> Option<Vec<usize>> {
    if text.ends_with('0') {
        return None;
    }
    let mut out = Vec::new();
    for (chunk, c) in text.bytes().enumerate() {
        let value = BITS64.iter().position(|&d| d == c)?;
        for b in (0..6).filter(|b| value & 1 << b != 0) {
            out.push(chunk * 6 + b);
        }
    }
    Some(out)
}

/// Reads a `q1` bit set: hexadecimal, highest nibble first.
fn read_hex(text: &str) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    for (nibble, c) in text.bytes().rev().enumerate() {
        let value = digit(c).filter(|&v| v < 16)?;
        for b in (0..4).filter(|b| value & 1 << b != 0) {
            out.push(nibble * 4 + b);
        }
    }
    Some(out)
}

/// Reads `q1` marks: ranges of word indices in base 36 (`3-7+c`), each below `limit`.
fn read_ranges(text: &str, limit: usize) -> Option<Vec<usize>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    for run in text.split('+') {
        let (a, b) = run.split_once('-').unwrap_or((run, run));
        let read = |s: &str| usize::from_str_radix(s, 36).ok().filter(|&n| n < limit);
        let (a, b) = (read(a)?, read(b)?);
        if b < a || out.last().is_some_and(|&last| a <= last) {
            return None;
        }
        out.extend(a..=b);
    }
    Some(out)
}
