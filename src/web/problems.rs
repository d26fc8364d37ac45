//! The set editor's check (`www/editor.html`): every problem that keeps a set's text from
//! loading, handed to JavaScript as plain objects so the page can list them, mark their lines
//! and move the caret to them.
//!
//! The problems are exactly those [`set::load`] reports (the same as `diary-sort validate` and a
//! widget's "cannot be loaded" panel), from [`set::problems`], which skips the text's hash a
//! loaded set needs; this module only copies them out, field by field, into plain objects, each
//! message in the page's language.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::core::set;
use crate::core::strings::Lang;
use crate::web::dom::object;

/// The problems of a set's JSON `text`, in the order found: an array of
/// `{ line, column, path, message }` (`line` and `column` 1-based, the column counted in
/// characters, `null` when unknown; `path` such as `excerpts[3].evidence[0].quote`, empty for
/// the whole file; `message` in the language `lang` names, `nl` or `en`, English for another or
/// none). Empty when the set loads.
#[wasm_bindgen(skip_jsdoc)]
pub fn problems(text: &str, lang: Option<String>) -> Array {
    let lang = message_lang(lang.as_deref());
    let list = Array::new();
    let number = |n: Option<usize>| n.map_or(JsValue::NULL, JsValue::from);
    for problem in set::problems(text) {
        list.push(&object(&[
            ("line", number(problem.line)),
            ("column", number(problem.column)),
            ("path", problem.path.into()),
            ("message", problem.message.text(lang).into()),
        ]));
    }
    list
}

/// The language of the messages a page asks for with the BCP 47 tag `tag` (`nl`, `en-GB`…):
/// English for another language or none.
pub fn message_lang(tag: Option<&str>) -> Lang {
    tag.and_then(Lang::from_tag).unwrap_or(Lang::En)
}
