//! The pure core: a position-keeping JSON parser, the exercise-set format, the essay's rule,
//! feedback, the session state machine and the resume string. Nothing here touches the browser.

pub mod feedback;
pub mod json;
pub mod rule;
pub mod session;
pub mod set;
pub mod state;
pub mod strings;
