//! The pure core: a position-keeping JSON parser, the exercise-set format, the essay's rule,
//! feedback, the session state machine and the resume string. Nothing here touches the browser.
//! The native tool adds `schema`: the format's JSON Schema and canonical form.

pub mod feedback;
pub mod json;
pub mod rule;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod session;
pub mod set;
pub mod state;
pub mod strings;
pub mod wording;
