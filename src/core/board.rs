//! The board: the sorting attempt as a state machine (where each card lies, which card is picked
//! up, checks used, scores). The shell turns DOM events into [`Msg`]s, calls [`Board::apply`],
//! carries out the returned [`Effect`]s (the contract it shares with the quiz, in
//! [`exercise`](crate::core::exercise)) and re-renders from the board's accessors.
//!
//! Shuffling uses a seeded PRNG: the shell passes the seed, so an attempt is reproducible and
//! its order can be restored from the resume string.

use std::rc::Rc;

use crate::core::exercise::{Answer, Effect, ItemKind, Summary, Tally, percent, try_points};
use crate::core::feedback::{self, Feedback};
use crate::core::set::{BinId, Set};
use crate::core::strings::{Key, Lang};
use crate::core::wording::Wording;

/// Where a card is: on the pile (`None`) or in a bin.
pub type Place = Option<BinId>;

/// What a student did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// Pick a card up (keyboard Space/Enter). Picking up the card already held puts it down
    /// again.
    Pick(usize),
    /// Select a card (a tap or click on it): [`Msg::Pick`], announced as a selection (the
    /// keyboard's "pick up … arrow keys" sentence would mislead).
    Select(usize),
    /// Put the held card down without moving it (Escape).
    Cancel,
    /// Move the keyboard target among the bins by `delta` places (arrow keys).
    MoveTarget(i8),
    /// Drop the held card on the keyboard target (Enter).
    DropOnTarget,
    /// Put the held card in a place (tap/click on a bin or on the pile).
    PlaceHeld(Place),
    /// Put a given card in a place (drag and drop, the "Move to…" menu).
    Place(usize, Place),
    /// Check the placements.
    Check,
    /// Start a new attempt with this shuffle seed.
    Restart(u64),
}

/// How a card stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardStatus {
    /// Not checked in its current place (or never checked).
    Open,
    /// Checked and wrong; it may be moved while checks remain.
    Wrong,
    /// Checked and right: locked in place.
    Right,
    /// Wrong when the checks ran out: its feedback names the right bin.
    Revealed,
}

/// One student's attempt at a set.
#[derive(Debug, Clone)]
pub struct Board {
    /// Shared with the quiz and with the attempts a restart makes, never copied.
    set: Rc<Set>,
    lang: Lang,
    seed: u64,
    order: Vec<usize>,
    place: Vec<Place>,
    checked: Vec<Place>,
    solved_at: Vec<u8>,
    checks: u8,
    held: Option<usize>,
    target: usize,
}

impl Board {
    /// A fresh attempt; `lang` is the interface language, `seed` shuffles the cards.
    pub fn new(set: impl Into<Rc<Set>>, lang: Lang, seed: u64) -> Board {
        let set = set.into();
        let n = set.len();
        let order = shuffled(n, seed, set.file.settings.shuffle);
        Board {
            set,
            lang,
            seed,
            order,
            place: vec![None; n],
            checked: vec![None; n],
            solved_at: vec![0; n],
            checks: 0,
            held: None,
            target: 0,
        }
    }

    /// Rebuilds an attempt from its stored parts (used by `state::decode`, which has checked
    /// each part's bounds against the set).
    pub(crate) fn restore(
        set: Rc<Set>,
        lang: Lang,
        seed: u64,
        checks: u8,
        place: Vec<Place>,
        checked: Vec<Place>,
        solved_at: Vec<u8>,
    ) -> Board {
        let mut s = Board::new(set, lang, seed);
        s.checks = checks;
        s.place = place;
        s.checked = checked;
        s.solved_at = solved_at;
        s
    }

    /// The set.
    pub fn set(&self) -> &Set {
        &self.set
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The set's wording in the interface language: every sentence shown or announced.
    pub fn wording(&self) -> Wording<'_> {
        self.set.wording(self.lang)
    }

    /// The shuffle seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Card indices (into the set's excerpts) in display order.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// Where card `i` lies.
    pub fn place(&self, i: usize) -> Place {
        self.place.get(i).copied().flatten()
    }

    /// After a drop of card `after`: the next card still on the pile, in display order from
    /// `after`'s place on, round again (none when the pile is empty).
    pub fn next_on_pile(&self, after: usize) -> Option<usize> {
        let from = self.order.iter().position(|&i| i == after).unwrap_or(0);
        self.order[from..].iter().chain(&self.order[..from]).copied().find(|&i| i != after && self.place(i).is_none())
    }

    /// Where each card was at the last check.
    pub(crate) fn checked(&self) -> &[Place] {
        &self.checked
    }

    /// Per card, the check at which it was right (0: not yet).
    pub(crate) fn solved_at(&self) -> &[u8] {
        &self.solved_at
    }

    /// Checks used.
    pub fn checks(&self) -> u8 {
        self.checks
    }

    /// Checks left.
    pub fn checks_left(&self) -> u8 {
        self.set.file.settings.tries.saturating_sub(self.checks)
    }

    /// The card picked up, if any.
    pub fn held(&self) -> Option<usize> {
        self.held
    }

    /// The keyboard target, as a position in `set().bins`, while a card is held.
    pub fn target(&self) -> Option<usize> {
        self.held.map(|_| self.target)
    }

    /// Whether a check now would judge something new: no check yet, or a card moved since the
    /// last one (a check of the same placements again would spend a check for nothing).
    pub fn changed_since_check(&self) -> bool {
        self.checks == 0 || self.place != self.checked
    }

    /// The label of the keyboard target's bin, while a card is held.
    fn target_label(&self) -> &str {
        self.target().and_then(|t| self.set.bins.get(t)).map_or("", |&b| self.set.bin(b).label)
    }

    /// Whether the student has done anything yet: a card off the pile, or a check used.
    pub fn started(&self) -> bool {
        self.checks > 0 || self.place.iter().any(Option::is_some)
    }

    /// Whether the attempt is over (all right, or no checks left).
    pub fn finished(&self) -> bool {
        self.checks_left() == 0 || self.solved_at.iter().all(|&k| k > 0)
    }

    /// How card `i` stands.
    pub fn status(&self, i: usize) -> CardStatus {
        if self.solved_at[i] > 0 {
            return CardStatus::Right;
        }
        if self.checked[i].is_some() && self.checked[i] == self.place[i] {
            return if self.finished() { CardStatus::Revealed } else { CardStatus::Wrong };
        }
        CardStatus::Open
    }

    /// The feedback to show on card `i`, once it has been checked in its current place.
    pub fn feedback(&self, i: usize) -> Option<Feedback> {
        let status = self.status(i);
        let bin = self.place(i)?;
        match status {
            CardStatus::Open => None,
            CardStatus::Right => Some(feedback::right(&self.set, self.lang, i)),
            CardStatus::Wrong | CardStatus::Revealed => {
                // A wrong card keeps the attempt open until the checks run out: revealed then.
                let stage = feedback::board_stage(self.checks, self.set.file.settings.tries);
                Some(feedback::wrong(&self.set, self.lang, i, bin, stage))
            }
        }
    }

    /// The outcome, once the attempt is finished: each card right at check k earns
    /// [`try_points`] for k, and the score is the cards' average.
    pub fn summary(&self) -> Option<Summary> {
        if !self.finished() {
            return None;
        }
        let settings = &self.set.file.settings;
        let total = self.set.len();
        let right = self.solved_at.iter().filter(|&&k| k > 0).count();
        let points: u32 = self.solved_at.iter().filter(|&&k| k > 0).map(|&k| try_points(settings.penalty, k)).sum();
        let score = percent(i64::from(points), 100 * total as i64);
        Some(Summary::new(self.wording(), settings, Key::Score, None, Tally { score, right, right_now: right, total, round: 1 }))
    }

    /// Card `i`'s answer `bin`, as judged by the check just made.
    fn answer(&self, i: usize, bin: BinId, correct: bool) -> Answer {
        let id = |b: BinId| vec![self.set.bin(b).id.to_string()];
        Answer {
            item: self.set.file.excerpts[i].id.clone(),
            kind: ItemKind::Excerpt,
            response: id(bin),
            expected: id(self.set.expected[i]),
            correct,
            try_number: self.checks,
            certainty: None,
            criteria: None,
            marked_words: 0,
        }
    }

    /// A short name for card `i` in announcements and accessible names: its first words.
    pub fn card_name(&self, i: usize) -> String {
        first_words(&self.set.file.excerpts[i].text, 6)
    }

    /// Applies a message; invalid ones (unknown card, finished attempt, locked card) change
    /// nothing and at most explain why.
    pub fn apply(&mut self, msg: Msg) -> Vec<Effect> {
        let n = self.set.len();
        let bins = self.set.bins.len();
        let say = |key: Key, args: &[(&str, &str)]| Effect::Announce(self.set.wording(self.lang).text(key, args));
        match msg {
            Msg::Restart(seed) => {
                *self = Board::new(Rc::clone(&self.set), self.lang, seed);
                vec![Effect::Save]
            }
            _ if self.finished() => Vec::new(),
            Msg::Pick(i) | Msg::Select(i) if i < n => {
                if self.solved_at[i] > 0 {
                    return vec![say(Key::Locked, &[("card", &self.card_name(i))])];
                }
                if self.held == Some(i) {
                    self.held = None;
                    return vec![say(Key::Cancelled, &[])];
                }
                self.held = Some(i);
                self.target = self.place(i).and_then(|b| self.set.bins.iter().position(|&x| x == b)).unwrap_or(0);
                let key = if matches!(msg, Msg::Select(_)) { Key::Selected } else { Key::Picked };
                let keys = self.set.bins.len().to_string();
                vec![say(key, &[("card", &self.card_name(i)), ("bin", self.target_label()), ("n", &keys)])]
            }
            Msg::Cancel => match self.held.take() {
                Some(_) => vec![say(Key::Cancelled, &[])],
                None => Vec::new(),
            },
            Msg::MoveTarget(delta) if self.held.is_some() && bins > 0 => {
                self.target = (self.target as i64 + i64::from(delta)).rem_euclid(bins as i64) as usize;
                vec![say(Key::Target, &[("bin", self.target_label())])]
            }
            Msg::DropOnTarget => match self.held {
                Some(i) if bins > 0 => self.move_card(i, Some(self.set.bins[self.target])),
                _ => Vec::new(),
            },
            Msg::PlaceHeld(place) => match self.held {
                Some(i) => self.move_card(i, place),
                // A bin tapped before any card: say what to do first rather than nothing.
                None => vec![say(Key::NoCardChosen, &[])],
            },
            Msg::Place(i, place) if i < n => self.move_card(i, place),
            Msg::Check => self.check(),
            _ => Vec::new(),
        }
    }

    fn move_card(&mut self, i: usize, place: Place) -> Vec<Effect> {
        self.held = None;
        let name = self.card_name(i);
        if self.solved_at[i] > 0 {
            return vec![Effect::Announce(self.wording().text(Key::Locked, &[("card", &name)]))];
        }
        if place.is_some_and(|b| !self.set.bins.contains(&b)) {
            return Vec::new();
        }
        self.place[i] = place;
        let text = match place {
            Some(b) => self.wording().text(Key::Placed, &[("card", &name), ("bin", self.set.bin(b).label)]),
            None => self.wording().text(Key::Returned, &[("card", &name)]),
        };
        vec![Effect::Announce(text), Effect::Save]
    }

    fn check(&mut self) -> Vec<Effect> {
        self.held = None;
        if !self.changed_since_check() {
            return vec![Effect::Announce(self.wording().get(Key::NothingChanged).to_string())];
        }
        let unplaced = self.place.iter().filter(|p| p.is_none()).count();
        if unplaced > 0 {
            let text = match unplaced {
                1 => self.wording().get(Key::NotAllPlacedOne).to_string(),
                n => self.wording().text(Key::NotAllPlaced, &[("n", &n.to_string())]),
            };
            return vec![Effect::Announce(text)];
        }
        self.checks += 1;
        let mut effects = Vec::new();
        for i in 0..self.set.len() {
            self.checked[i] = self.place[i];
            let (Some(bin), 0) = (self.place[i], self.solved_at[i]) else { continue };
            let correct = bin == self.set.expected[i];
            if correct {
                self.solved_at[i] = self.checks;
            }
            effects.push(Effect::Answered(self.answer(i, bin, correct)));
        }
        let right = self.solved_at.iter().filter(|&&k| k > 0).count().to_string();
        effects.push(Effect::Announce(self.wording().text(
            Key::CheckResult,
            &[
                ("k", &self.checks.to_string()),
                ("tries", &self.set.file.settings.tries.to_string()),
                ("right", &right),
                ("total", &self.set.len().to_string()),
            ],
        )));
        if let Some(summary) = self.summary() {
            let score = summary.score.to_string();
            effects.push(Effect::Announce(self.wording().text(Key::Finished, &[("score", &score)])));
            effects.push(Effect::Completed { score: summary.score, passed: summary.passed });
        }
        effects.push(Effect::Save);
        effects
    }
}

/// The first `n` words of a text, with an ellipsis when cut.
pub fn first_words(text: &str, n: usize) -> String {
    let mut out = String::new();
    for (k, word) in text.split_whitespace().enumerate() {
        if k == n {
            // "labour.…" and "exterior,…" read as a typo: the ellipsis takes the punctuation's place.
            out.truncate(out.trim_end_matches(['.', ',', ';', ':', '-', '–', '—', ' ']).len());
            out.push('…');
            break;
        }
        if k > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The display order: identity, or a Fisher–Yates shuffle driven by SplitMix64.
fn shuffled(n: usize, seed: u64, shuffle: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if shuffle {
        shuffle_seeded(&mut order, &mut seed.clone());
    }
    order
}

/// A Fisher–Yates shuffle driven by SplitMix64 from `state` (which it advances, so that one
/// seed can drive several shuffles in turn).
pub(crate) fn shuffle_seeded<T>(items: &mut [T], state: &mut u64) {
    for i in (1..items.len()).rev() {
        let j = (splitmix64(state) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_cut_a_text_with_an_ellipsis_only_when_words_remain() {
        assert_eq!(first_words("  Ik ben\nzo   alleen vandaag ", 3), "Ik ben zo…");
        assert_eq!(first_words("Ik ben zo", 3), "Ik ben zo");
        assert_eq!(first_words("Ik ben", 3), "Ik ben");
        assert_eq!(first_words(" \n ", 3), "");
        assert_eq!(first_words("Ik", 0), "…");
    }
}
