//! The compact, versioned resume strings: a widget's whole attempt (both modes and the tab shown)
//! in well under SCORM 1.2's 4,096 characters. [`Saved::encode`] writes the widget's string,
//! `3_TAB_BOARD_QUIZ` (the tab `b`oard, `q`uiz or `-` for a set of one mode, then each mode's own
//! string, empty for a mode the set does not offer, and for a quiz not yet begun, as the board's
//! module writes it); [`decode_attempt`] reads it back, and also
//! what earlier versions stored: the widget's `2_TAB_BOARD_QUIZ` (the board's `1.…`, the quiz's
//! `q2.…`) and a single mode's string alone (`1.…`, `q1.…`, `q2.…`). [`is_resume`] tells the LMS
//! bridges whether a stored text is one at all (they never parse it themselves).
//!
//! The board's string is below; the quiz's has its own prefix ([`encode_quiz`], `q3.…`).
//!
//! `b2.HASH.SEED.CHECKS.CARDS`: the format version, the set's hash (16 hex digits), the shuffle
//! seed (base 36), the checks used, then per excerpt (in set order) one code of a fixed number of
//! digits ([`BITS64`], most significant first; one digit for up to seven bins) that says where it
//! lies now, where it lay at the last check and the check at which it was right. What the board
//! shows besides (whether anything moved since the last check, each card's status and feedback)
//! follows from these. Two hundred excerpts take about 230 characters.
//!
//! The earlier board string, `1.HASH.SEED.CHECKS.PLACES.CHECKED.SOLVED`, spent three characters
//! an excerpt: where it lies now, where it lay at the last check (`-` for the pile, else the bin
//! index in base 36) and the check at which it was right (`0`: not yet).

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

/// The version prefix of the board's resume string.
const BOARD_VERSION: &str = "b2";
/// The board's earlier version, still read: three base-36 characters an excerpt.
const BOARD_VERSION_1: &str = "1";
const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// Encodes an attempt.
pub fn encode(board: &Board) -> String {
    let codes = CardCodes::of(board.set());
    let n = board.set().len();
    let mut cards = String::with_capacity(n * codes.width);
    for i in 0..n {
        codes.write(&mut cards, codes.of_card(board, i));
    }
    format!("{BOARD_VERSION}.{:016x}.{}.{}.{cards}", board.set().hash, base36(board.seed()), board.checks())
}

/// How a card's state is one number: with no check yet, its place (0 the pile, else 1 + the
/// bin's position in `set.bins`); after one, `k - 1` for a card right at check `k`, else
/// `tries + checked × (bins + 1) + place` (`checked`: the position of the bin it was checked in).
/// Each number takes `width` digits of [`BITS64`], enough for the largest.
struct CardCodes {
    tries: usize,
    bins: usize,
    width: usize,
}

impl CardCodes {
    fn of(set: &Set) -> CardCodes {
        let (tries, bins) = (usize::from(set.file.settings.tries), set.bins.len());
        let codes = tries + bins * (bins + 1);
        let (mut width, mut room) = (1, 64);
        while room < codes {
            width += 1;
            room *= 64;
        }
        CardCodes { tries, bins, width }
    }

    /// Card `i`'s number.
    fn of_card(&self, board: &Board, i: usize) -> usize {
        let slot = |place: Place| place.and_then(|b| board.set().bins.iter().position(|&x| x == b)).map_or(0, |p| p + 1);
        match (board.checks(), board.solved_at()[i]) {
            (0, _) => slot(board.place(i)),
            (_, 0) => self.tries + slot(board.checked()[i]).saturating_sub(1) * (self.bins + 1) + slot(board.place(i)),
            (_, k) => usize::from(k) - 1,
        }
    }

    fn write(&self, out: &mut String, code: usize) {
        for d in (0..self.width).rev() {
            out.push(char::from(BITS64[(code >> (6 * d)) & 63]));
        }
    }

    /// Reads the cards of an attempt at `checks` checks: each one's place, place at the last
    /// check and the check at which it was right (only numbers in range; whether the attempt is
    /// one a student can reach is [`Cards::reachable`]'s to say).
    fn read(&self, set: &Set, checks: u8, text: &str) -> Option<Cards> {
        let n = set.len();
        if text.len() != n * self.width {
            return None;
        }
        let (mut current, mut checked, mut solved) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
        let place = |slot: usize| if slot == 0 { Some(None) } else { set.bins.get(slot - 1).map(|&b| Some(b)) };
        for (i, chunk) in text.as_bytes().chunks(self.width).enumerate() {
            let mut code = 0;
            for &c in chunk {
                code = code * 64 + BITS64.iter().position(|&d| d == c)?;
            }
            let (now, then, right_at) = if checks == 0 {
                (place(code)?, None, 0)
            } else if code < self.tries {
                // Right: in its right bin (one the set offers) since that check.
                let right_at = u8::try_from(code + 1).ok().filter(|&k| k <= checks)?;
                let bin = Some(set.expected[i]).filter(|b| set.bins.contains(b))?;
                (Some(bin), Some(bin), right_at)
            } else {
                let code = code - self.tries;
                let then = place(code / (self.bins + 1) + 1)?;
                (place(code % (self.bins + 1))?, then, 0)
            };
            current.push(now);
            checked.push(then);
            solved.push(right_at);
        }
        Some(Cards { current, checked, solved })
    }
}

/// Every card's stored state, as read from a string: where it lies, where it lay at the last
/// check, and the check at which it was right (0: not yet).
struct Cards {
    current: Vec<Place>,
    checked: Vec<Place>,
    solved: Vec<u8>,
}

impl Cards {
    /// Whether a student can reach them in `checks` checks: nothing is checked before the first
    /// check and every card at each check (a check needs them all placed); a card checked in its
    /// right bin is right from that check on, and a right card stays where it was checked.
    fn reachable(&self, set: &Set, checks: u8) -> bool {
        let Cards { current, checked, solved } = self;
        (0..set.len()).all(|i| {
            checked[i].is_some() == (checks > 0)
                && (solved[i] > 0) == (checked[i] == Some(set.expected[i]))
                && (solved[i] == 0 || current[i] == checked[i])
        })
    }
}

/// Decodes an attempt for `set` (of either version), checking every part against the set's
/// bounds and refusing an attempt no student can reach.
pub fn decode(set: impl Into<Rc<Set>>, lang: Lang, text: &str) -> Result<Board, StateError> {
    let set = set.into();
    let text = text.trim();
    let parts: Vec<&str> = text.split('.').collect();
    // The current version has one list of cards, the first version three.
    let (version, hash, seed, checks, cards) = match parts[..] {
        [version, hash, seed, checks, ref cards @ ..]
            if (version == BOARD_VERSION && cards.len() == 1) || (version == BOARD_VERSION_1 && cards.len() == 3) =>
        {
            (version, hash, seed, checks, cards)
        }
        _ => return Err(StateError::Unreadable),
    };
    if u64::from_str_radix(hash, 16).map_err(|_| StateError::Unreadable)? != set.hash {
        return Err(StateError::OtherSet);
    }
    let seed = u64::from_str_radix(seed, 36).map_err(|_| StateError::Unreadable)?;
    let checks = checks.parse::<usize>().ok().and_then(|n| u8::try_from(n).ok()).ok_or(StateError::Unreadable)?;
    if checks > set.file.settings.tries {
        return Err(StateError::Unreadable);
    }
    let cards = match *cards {
        [cards] => CardCodes::of(&set).read(&set, checks, cards).ok_or(StateError::Unreadable)?,
        [current, checked, solved] => read_version_1(&set, checks, current, checked, solved)?,
        _ => return Err(StateError::Unreadable),
    };
    if !cards.reachable(&set, checks) {
        return Err(StateError::Unreadable);
    }
    let board = Board::restore(set, lang, seed, checks, cards.current, cards.checked, cards.solved);
    // Only the canonical spelling of the current version (no leading zeros or signs).
    if version == BOARD_VERSION && encode(&board) != text {
        return Err(StateError::Unreadable);
    }
    Ok(board)
}

/// Reads the three lists of a `1.…` string: one character per excerpt each.
fn read_version_1(set: &Set, checks: u8, current: &str, checked: &str, solved: &str) -> Result<Cards, StateError> {
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
    let mut list = Vec::with_capacity(n);
    for c in solved.bytes() {
        list.push(digit(c).filter(|&k| k <= usize::from(checks)).ok_or(StateError::Unreadable)? as u8);
    }
    Ok(Cards { current, checked, solved: list })
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

/// The version prefix of a quiz's resume string (the board's is `b2`).
pub const QUIZ_VERSION: &str = "q3";
/// The quiz's earlier version, still read: each untouched item spelled out (`o0--`).
const QUIZ_VERSION_2: &str = "q2";
/// The quiz's first version, still read: bit sets in hexadecimal, marks as ranges of words.
const QUIZ_VERSION_1: &str = "q1";
/// The version prefix of a widget's string (both modes and the tab).
const ATTEMPT_VERSION: &str = "3";
/// The widget's earlier version, still read: the board's `1.…` and the quiz's `q2.…` strings.
const ATTEMPT_VERSION_2: &str = "2";
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
    /// The widget's string: `3_TAB_BOARD_QUIZ`.
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
    let widget = [ATTEMPT_VERSION, ATTEMPT_VERSION_2].iter().any(|v| text.strip_prefix(v).is_some_and(|rest| rest.starts_with(PART)));
    let known = widget || [BOARD_VERSION_1, QUIZ_VERSION_2, QUIZ_VERSION_1].contains(&version_of(text));
    known && text.bytes().all(|c| c.is_ascii_alphanumeric() || b".,~:+-_".contains(&c))
}

/// Reads a widget's string for `set`: both modes (each must be there exactly when the set offers
/// it; a quiz may be left out, not yet begun, as the board's module writes it) and the tab, of
/// this version or the one before, or one mode's string as earlier versions stored it (the
/// board's `1.…`, the quiz's `q1.…` or `q2.…`; the other mode and the tab are then not in it).
pub fn decode_attempt(set: impl Into<Rc<Set>>, lang: Lang, text: &str) -> Result<Resumed, StateError> {
    let set = set.into();
    let text = text.trim();
    let mode = set.file.mode;
    let mut resumed = Resumed { tab: None, board: None, quiz: None };
    let Some((version, rest)) = text.split_once(PART) else {
        match version_of(text) {
            BOARD_VERSION_1 if mode.has_board() => resumed.board = Some(decode(set, lang, text)?),
            QUIZ_VERSION_1 | QUIZ_VERSION_2 if mode.has_quiz() => resumed.quiz = Some(decode_quiz(set, lang, text)?),
            _ => return Err(StateError::Unreadable),
        }
        return Ok(resumed);
    };
    // Each widget version holds its modes' strings of one version each.
    let versions = match version {
        ATTEMPT_VERSION => [BOARD_VERSION, QUIZ_VERSION],
        ATTEMPT_VERSION_2 => [BOARD_VERSION_1, QUIZ_VERSION_2],
        _ => return Err(StateError::Unreadable),
    };
    let (tab, board, quiz) = parts(&set, rest, versions)?;
    resumed.tab = tab;
    if !board.is_empty() {
        resumed.board = Some(decode(set.clone(), lang, board)?);
    }
    if !quiz.is_empty() {
        resumed.quiz = Some(decode_quiz(set, lang, quiz)?);
    }
    Ok(resumed)
}

/// A widget's attempt as the board's module keeps it (the build without the quiz's view, which a
/// page loads first): the tab, the board's attempt and the quiz's string as it was stored, unread.
pub struct Kept {
    /// The tab that was shown.
    pub tab: Option<Tab>,
    /// The board's attempt.
    pub board: Option<Board>,
    /// The quiz's string ([`encode_quiz`]), for a set with a quiz once the quiz has begun.
    pub quiz: Option<String>,
}

/// Reads a widget's string of this version for `set` as [`Kept`]: the board decoded, the quiz's
/// string kept as it is once its version, characters and set are checked (its attempt is the
/// whole module's to read). An earlier version's string is refused: the whole module reads it.
pub fn decode_kept(set: impl Into<Rc<Set>>, lang: Lang, text: &str) -> Result<Kept, StateError> {
    let set = set.into();
    let text = text.trim();
    let rest = text.strip_prefix(ATTEMPT_VERSION).and_then(|r| r.strip_prefix(PART)).ok_or(StateError::Unreadable)?;
    let (tab, board, quiz) = parts(&set, rest, [BOARD_VERSION, QUIZ_VERSION])?;
    if !quiz.is_empty() {
        let hash = quiz.split('.').nth(1).and_then(|h| u64::from_str_radix(h, 16).ok());
        if hash != Some(set.hash) || !quiz.bytes().all(|c| c.is_ascii_alphanumeric() || b".,~:+-".contains(&c)) {
            return Err(StateError::Unreadable);
        }
    }
    let board = if board.is_empty() { None } else { Some(decode(set, lang, board)?) };
    Ok(Kept { tab, board, quiz: (!quiz.is_empty()).then(|| quiz.to_string()) })
}

/// The tab and the modes' strings of a widget's string (after its version), each mode's of the
/// version in `versions` (board, quiz) and there exactly when `set` offers the mode (the quiz may
/// be left out: not yet begun).
fn parts<'t>(set: &Set, rest: &'t str, versions: [&str; 2]) -> Result<(Option<Tab>, &'t str, &'t str), StateError> {
    let mode = set.file.mode;
    let parts: Vec<&str> = rest.split(PART).collect();
    let [tab, board, quiz] = parts[..] else { return Err(StateError::Unreadable) };
    let tab = match (tab, mode == Mode::Both) {
        ("-", false) => None,
        ("b", true) => Some(Tab::Board),
        ("q", true) => Some(Tab::Quiz),
        _ => return Err(StateError::Unreadable),
    };
    if board.is_empty() == mode.has_board() || (!quiz.is_empty() && !mode.has_quiz()) {
        return Err(StateError::Unreadable);
    }
    let [board_version, quiz_version] = versions;
    if (!board.is_empty() && version_of(board) != board_version) || (!quiz.is_empty() && version_of(quiz) != quiz_version) {
        return Err(StateError::Unreadable);
    }
    Ok((tab, board, quiz))
}

/// The version prefix of one mode's string (what comes before its first `.`).
fn version_of(text: &str) -> &str {
    text.split('.').next().unwrap_or("")
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
/// `q3.HASH.SEED.ROUND.FIRST.CURRENT.FINISHED.ITEMS`. The seed (base 36) draws the items again;
/// `FIRST` is the score fixed at the end of the first round and the items then right
/// (`SCORE:RIGHT`, or `-`); `ITEMS` has one record per item of the attempt, in display order,
/// separated by `,`: a status letter (`o`pen, `w`rong, `r`ight, re`v`ealed, `s`olution shown;
/// upper case for an item outside the current retry round), the tries used, the draft's and the
/// last try's certainty (`-`, `l`, `m`, `h`), then `~`-separated and left out when empty: the
/// answer (the bin in base 36, or the chosen options as a bit set), the ticked criteria (a bit
/// set) and the marked words (a bit set over the excerpt's words). A bit set is written six bits
/// a character, lowest first, without trailing zeros, a run of three or more zero characters as
/// `:` and its length ([`bits`]): an excerpt of 120 words takes at most 20 characters however it
/// is marked, and a quote of six words in it at most five. A run of untouched items (open, in the
/// round, nothing tried or chosen) is one record, their count in decimal: a fresh quiz of 213
/// items is `213`. (Version `q2` spelled out each untouched item, `o0--`, and each zero of a bit
/// set.)
pub fn encode_quiz(quiz: &Quiz) -> String {
    let first = quiz.first_round().map_or("-".to_string(), |(score, right)| format!("{score}:{right}"));
    // The records are written one after another into one String (no list of records to join);
    // each loses its empty trailing fields.
    let certainty = |c: Option<Certainty>| char::from(CERTAINTY.iter().find(|(x, _)| *x == c).map_or(b'-', |&(_, ch)| ch));
    let mut items = String::new();
    let mut untouched = 0;
    // Ends a run of untouched items (if any) with its count.
    let run = |items: &mut String, untouched: &mut usize| {
        if *untouched > 0 {
            if !items.is_empty() {
                items.push(',');
            }
            let _ = write!(items, "{untouched}");
            *untouched = 0;
        }
    };
    for (&item, state) in quiz.all_items().iter().zip(quiz.states()) {
        let in_round = quiz.items().contains(&item);
        if in_round && *state == ItemState::default() {
            untouched += 1;
            continue;
        }
        run(&mut items, &mut untouched);
        if !items.is_empty() {
            items.push(',');
        }
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
    run(&mut items, &mut untouched);
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
/// string of an earlier version (`q1.…`, `q2.…`) is read as it was written.
pub fn decode_quiz(set: impl Into<Rc<Set>>, lang: Lang, text: &str) -> Result<Quiz, StateError> {
    let set = set.into();
    let bad = StateError::Unreadable;
    let parts: Vec<&str> = text.trim().split('.').collect();
    let [version, hash, seed, round, first, current, finished, items] = parts[..] else { return Err(bad) };
    if ![QUIZ_VERSION, QUIZ_VERSION_2, QUIZ_VERSION_1].contains(&version) {
        return Err(bad);
    }
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
    let all = fresh.all_items();
    let mut states = Vec::with_capacity(all.len());
    let mut in_round = Vec::with_capacity(all.len());
    for record in items.split(',') {
        if version == QUIZ_VERSION && !record.is_empty() && record.bytes().all(|c| c.is_ascii_digit()) {
            // A run of untouched items, no longer than the items left.
            let run = record.parse::<usize>().ok().filter(|&run| run > 0 && run <= all.len() - states.len()).ok_or(bad.clone())?;
            for _ in 0..run {
                states.push(ItemState::default());
                in_round.push(true);
            }
            continue;
        }
        let &item = all.get(states.len()).ok_or(bad.clone())?;
        // Word indices past the excerpt's words are refused before a range of them is spelled out.
        let words = match item {
            Item::Excerpt(i) => words(&fresh.set().file.excerpts[i].text).len(),
            Item::Question(_) => 0,
        };
        let (state, inside) = item_state(record, item, words, version == QUIZ_VERSION_1).ok_or(StateError::Unreadable)?;
        states.push(state);
        in_round.push(inside);
    }
    if states.len() != all.len() {
        return Err(bad);
    }
    let stored = Stored { states, in_round, round, finished, first, current: number(current)? };
    let quiz = fresh.restore(stored).ok_or(StateError::Unreadable)?;
    // Only the canonical spelling: what `encode_quiz` writes (no leading zeros, no empty fields).
    if version == QUIZ_VERSION && encode_quiz(&quiz) != text.trim() {
        return Err(bad);
    }
    Ok(quiz)
}

/// Reads the record of `item` (an excerpt of `words` words, or a question): its state, and
/// whether it is in the current round. `legacy`: written by version `q1` (hexadecimal bit sets,
/// marks as ranges).
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
/// first, no trailing zeros; a run of three or more zero characters is written `:` and its
/// length (one digit, at most 63 a run), so that words marked late in a long excerpt cost little.
fn bits(set: &[usize]) -> String {
    let Some(&top) = set.iter().max() else { return String::new() };
    let mut out = String::new();
    let mut zeros = 0;
    for chunk in 0..=top / 6 {
        let value = (0..6).filter(|b| set.contains(&(chunk * 6 + b))).fold(0, |v, b| v | 1 << b);
        if value == 0 {
            zeros += 1;
            continue;
        }
        while zeros >= 3 {
            let run = zeros.min(63);
            out.push(':');
            out.push(char::from(BITS64[run]));
            zeros -= run;
        }
        for _ in 0..zeros {
            out.push('0');
        }
        zeros = 0;
        out.push(char::from(BITS64[value]));
    }
    out
}

/// Reads a bit set that [`bits`] wrote (a trailing zero digit or run of them is not its
/// spelling; whether its runs are the canonical ones, [`decode_quiz`] checks by writing it again).
fn read_bits(text: &str) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    let (mut chunk, mut last) = (0usize, 0);
    let mut digits = text.bytes();
    while let Some(c) = digits.next() {
        let value_of = |c: u8| BITS64.iter().position(|&d| d == c);
        let (value, chunks) = match c {
            b':' => (0, value_of(digits.next()?)?),
            c => (value_of(c)?, 1),
        };
        for b in (0..6).filter(|b| value & 1 << b != 0) {
            out.push(chunk.checked_mul(6)? + b);
        }
        chunk = chunk.checked_add(chunks)?;
        last = value;
    }
    (text.is_empty() || last != 0).then_some(out)
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
