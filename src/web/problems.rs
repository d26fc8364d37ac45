//! The set editor's check (`www/editor.html`): every problem that keeps a set's text from
//! loading, handed to JavaScript as plain objects so the page can list them, mark their lines
//! and move the caret to them.
//!
//! The problems are exactly those [`set::load`] reports (the same as `diary-sort validate` and a
//! widget's "cannot be loaded" panel), from [`set::problems`], which skips the text's hash a
//! loaded set needs; this module only copies them out, field by field, into plain objects.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::core::set;
use crate::web::dom::object;

/// The problems of a set's JSON `text`, in the order found: an array of
/// `{ line, column, path, message }` (`line` and `column` 1-based, the column counted in
/// characters, `null` when unknown; `path` such as `excerpts[3].evidence[0].quote`, empty for
/// the whole file). Empty when the set loads.
#[wasm_bindgen(skip_jsdoc)]
pub fn problems(text: &str) -> Array {
    let list = Array::new();
    let number = |n: Option<usize>| n.map_or(JsValue::NULL, JsValue::from);
    for problem in set::problems(text) {
        list.push(&object(&[
            ("line", number(problem.line)),
            ("column", number(problem.column)),
            ("path", problem.path.into()),
            ("message", problem.message.into()),
        ]));
    }
    list
}
