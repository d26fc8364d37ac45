//! The pure core: a position-keeping JSON parser, the exercise-set format, the essay's rule,
//! feedback (and `explain`, all of a set's feedback at once, for an instructor's check), the
//! board and the quiz (state machines with one contract, [`exercise`]), the historians' lenses,
//! the resume strings, a set's wording, the problem messages of a set that does not load (Dutch
//! and English), and a course package's manifest and files (with the markup escaping it needs).
//! Nothing here touches the browser.

pub mod board;
pub mod edit;
pub mod exercise;
pub mod explain;
pub mod feedback;
pub mod import;
pub mod json;
pub mod markup;
pub mod messages;
pub mod package;
pub mod quiz;
pub mod rule;
pub mod set;
pub mod state;
pub mod strings;
pub mod wording;
