//! The set editor's "Download for an LMS" (`www/editor.html`): a course package's entries as the
//! core lists them ([`package::entries`], the same as `diary-sort package` zips), handed to
//! JavaScript as plain objects; the page fetches the files from its own server and zips them.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::core::package::{self, Entry, Format};
use crate::core::set;
use crate::web::dom::object;

/// The entries of the course package of the set's JSON `text` for `format` (`scorm12`,
/// `scorm2004` or `cmi5`), in the zip's order: an array of `{ path, text }`, where `text` is the
/// entry's content for the manifest and the set, and `undefined` for a file the page fetches
/// from its server (`path` is relative to the folder that holds `www/` and `pkg/`). Throws for
/// an unknown format and for a set with problems ([`problems`](crate::web::problems::problems)
/// lists them).
#[wasm_bindgen(js_name = coursePackage, skip_jsdoc)]
pub fn course_package(text: &str, format: &str) -> Result<Array, JsError> {
    let format: Format = format.parse()?;
    let set = set::load(text).map_err(|errors| JsError::new(&format!("the set has {} problem(s)", errors.0.len())))?;
    let list = Array::new();
    for entry in package::entries(&set, format) {
        let path = entry.path();
        let content = match entry {
            Entry::Manifest { text, .. } => text.into(),
            Entry::File(_) => JsValue::UNDEFINED,
            Entry::Set => text.into(),
        };
        list.push(&object(&[("path", path.into()), ("text", content)]));
    }
    Ok(list)
}
