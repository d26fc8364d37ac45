//! The pure core: a position-keeping JSON parser, the exercise-set format, the essay's rule,
//! feedback, the board's session and the quiz (state machines), the historians' lenses and the
//! resume strings. Nothing here touches the browser.
//! The native tool adds `schema`: the format's JSON Schema and canonical form.

pub mod feedback;
pub mod json;
pub mod quiz;
pub mod rule;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod session;
pub mod set;
pub mod state;
pub mod strings;
