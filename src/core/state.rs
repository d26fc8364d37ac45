//! The compact, versioned resume string: an attempt in well under SCORM 1.2's 4,096 characters.
//!
//! `1.HASH.SEED.CHECKS.PLACES.CHECKED.SOLVED`: the format version, the set's hash (16 hex
//! digits), the shuffle seed (base 36), the checks used, then one character per excerpt (in set
//! order) for where it lies now, where it lay at the last check (`-` for the pile, else the bin
//! index in base 36) and the check at which it was right (`0`: not yet). Fifteen excerpts take
//! about 80 characters; two hundred, about 640.

use crate::core::quiz::Quiz;
use crate::core::session::{Place, Session};
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
pub fn encode(session: &Session) -> String {
    let places = |list: &[Place]| -> String {
        list.iter().map(|p| p.map_or('-', |b| char::from(DIGITS[b % 36]))).collect()
    };
    let n = session.set().len();
    let current: Vec<Place> = (0..n).map(|i| session.place(i)).collect();
    let solved: String = session.solved_at().iter().map(|&k| char::from(DIGITS[usize::from(k) % 36])).collect();
    format!(
        "{VERSION}.{:016x}.{}.{}.{}.{}.{solved}",
        session.set().hash,
        base36(session.seed()),
        session.checks(),
        places(&current),
        places(session.checked()),
    )
}

/// Decodes an attempt for `set`, checking every part against the set's bounds.
pub fn decode(set: Set, lang: Lang, text: &str) -> Result<Session, StateError> {
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
    let checks: u8 = checks.parse().map_err(|_| StateError::Unreadable)?;
    if checks > set.file.settings.tries {
        return Err(StateError::Unreadable);
    }
    let n = set.len();
    let places = |s: &str| -> Result<Vec<Place>, StateError> {
        if s.len() != n {
            return Err(StateError::Unreadable);
        }
        s.bytes()
            .map(|c| match c {
                b'-' => Ok(None),
                c => digit(c).filter(|b| set.bins.contains(b)).map(Some).ok_or(StateError::Unreadable),
            })
            .collect()
    };
    let current = places(current)?;
    let checked = places(checked)?;
    if solved.len() != n {
        return Err(StateError::Unreadable);
    }
    let solved: Vec<u8> = solved
        .bytes()
        .map(|c| digit(c).filter(|&k| k <= usize::from(checks)).map(|k| k as u8).ok_or(StateError::Unreadable))
        .collect::<Result<_, _>>()?;
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
    Ok(Session::restore(set, lang, seed, checks, current, checked, solved))
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
pub const QUIZ_VERSION: &str = "q1";

/// Encodes a quiz attempt (its own prefix, [`QUIZ_VERSION`]).
pub fn encode_quiz(quiz: &Quiz) -> String {
    let _ = quiz;
    todo!()
}

/// Decodes a quiz attempt for `set`, strictly: a string that is not exactly what
/// [`encode_quiz`] writes for a reachable attempt of this set is an error, never a panic.
pub fn decode_quiz(set: Set, lang: Lang, text: &str) -> Result<Quiz, StateError> {
    let _ = (set, lang, text);
    todo!()
}
