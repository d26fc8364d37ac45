//! The compact, versioned resume string: an attempt in well under SCORM 1.2's 4,096 characters.

use crate::core::session::Session;
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

/// Encodes an attempt.
pub fn encode(session: &Session) -> String {
    todo!("{}", session.seed())
}

/// Decodes an attempt for `set`.
pub fn decode(set: Set, lang: Lang, text: &str) -> Result<Session, StateError> {
    todo!("{} {lang:?} {text}", set.hash)
}
