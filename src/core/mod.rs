//! The pure core: a position-keeping JSON parser, the exercise-set format, the essay's rule,
//! feedback, the board's session and the quiz (state machines), the historians' lenses, the
//! resume strings and a set's wording. Nothing here touches the browser.

pub mod feedback;
pub mod json;
pub mod quiz;
pub mod rule;
pub mod session;
pub mod set;
pub mod state;
pub mod strings;
pub mod wording;
