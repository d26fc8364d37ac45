//! The pure core: the exercise-set format, the essay's rule, feedback, the session state machine
//! and the resume string. Nothing here touches the browser.

pub mod feedback;
pub mod locate;
pub mod rule;
pub mod session;
pub mod set;
pub mod state;
pub mod strings;
