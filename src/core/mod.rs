//! The pure core: a position-keeping JSON parser, the exercise-set format, the essay's rule,
//! feedback (and `explain`, all of a set's feedback at once), the board's session and the quiz (state machines), the historians' lenses, the
//! resume strings and a set's wording. Nothing here touches the browser.
//! The native tool adds `schema` (the format's JSON Schema and canonical form), `answers` (what
//! the module reported, read back) and `report` (the class report's numbers).

#[cfg(not(target_arch = "wasm32"))]
pub mod answers;
pub mod explain;
pub mod feedback;
pub mod json;
pub mod quiz;
#[cfg(not(target_arch = "wasm32"))]
pub mod report;
pub mod rule;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod session;
pub mod set;
pub mod state;
pub mod strings;
pub mod wording;
