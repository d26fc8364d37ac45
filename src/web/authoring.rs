//! The set editor's authoring tools (`www/editor.html`; only in the editor's build, feature
//! `editor`): marking evidence by selection and importing excerpts from a spreadsheet. The core
//! makes each change ([`edit`], [`import`]) as a splice of the text, handed to JavaScript as
//! `{ start, end, insert }` with offsets in UTF-16 code units (as a textarea counts), so that the
//! page changes exactly that stretch and the rest of the author's text stays as it is.

use js_sys::Array;
use wasm_bindgen::prelude::*;

use crate::core::edit::{self, EditError, Splice};
use crate::core::import::{self, ImportError};
use crate::web::dom::object;
use crate::web::problems::message_lang;

/// The criteria and excerpts of the set `text` as the page needs them to mark evidence:
/// `{ criteria: [{ id, label }], excerpts: [{ id, text, evidence: [{ criterion, quote }] }] }`,
/// read from the JSON alone (a set with problems has them too); `null` when the text is not JSON.
#[wasm_bindgen(skip_jsdoc)]
pub fn outline(text: &str) -> JsValue {
    let Some(outline) = edit::outline(text) else { return JsValue::NULL };
    let pairs = |list: &[(String, String)], a: &'static str, b: &'static str| {
        let array = Array::new();
        for (x, y) in list {
            array.push(&object(&[(a, x.into()), (b, y.into())]));
        }
        array
    };
    let excerpts = Array::new();
    for e in &outline.excerpts {
        let evidence = pairs(&e.evidence, "criterion", "quote");
        excerpts.push(&object(&[("id", (&e.id).into()), ("text", (&e.text).into()), ("evidence", evidence.into())]));
    }
    object(&[("criteria", pairs(&outline.criteria, "id", "label").into()), ("excerpts", excerpts.into())])
}

/// The words of an excerpt's `text` that the browser's selection `selected` of it stands for
/// (the selection of a card joins a paragraph's lines with spaces); `undefined` when there are
/// none.
#[wasm_bindgen(js_name = findQuote, skip_jsdoc)]
pub fn find_quote(text: &str, selected: &str) -> Option<String> {
    edit::find_quote(text, selected).map(str::to_string)
}

/// The change to the set `text` that adds evidence of `criterion` in the words `quote` to the
/// excerpt `excerpt`: `{ start, end, insert }`, or `{ error }` with the reason's name
/// (`notInText`, `alreadyListed`, …; [`EditError::code`]).
#[wasm_bindgen(js_name = addEvidence, skip_jsdoc)]
pub fn add_evidence(text: &str, excerpt: &str, criterion: &str, quote: &str) -> JsValue {
    splice_or_error(text, edit::add_evidence(text, excerpt, criterion, quote))
}

/// The change to the set `text` that removes the evidence of `criterion` from the excerpt
/// `excerpt`: `{ start, end, insert }`, or `{ error }` as for [`add_evidence`].
#[wasm_bindgen(js_name = removeEvidence, skip_jsdoc)]
pub fn remove_evidence(text: &str, excerpt: &str, criterion: &str) -> JsValue {
    splice_or_error(text, edit::remove_evidence(text, excerpt, criterion))
}

/// The change to the set `text` that appends the excerpts of the spreadsheet `csv`:
/// `{ start, end, insert, count }`; or `{ problems: [{ line, column, message }] }` (`line` and
/// `column` `null` where unknown; `message` in the language `lang` names, as for
/// [`problems`](crate::web::problems::problems)) for the CSV's problems; or `{ setProblems: n }`
/// when the set itself does not load.
#[wasm_bindgen(js_name = importExcerpts, skip_jsdoc)]
pub fn import_excerpts(text: &str, csv: &str, lang: Option<String>) -> JsValue {
    let lang = message_lang(lang.as_deref());
    match import::import(text, csv) {
        Ok(imported) => {
            let (start, end) = imported.splice.utf16_range(text);
            object(&[
                ("start", start.into()),
                ("end", end.into()),
                ("insert", imported.splice.insert.into()),
                ("count", imported.count.into()),
            ])
        }
        Err(ImportError::Set(errors)) => object(&[("setProblems", errors.0.len().into())]),
        Err(ImportError::Csv(problems)) => {
            let list = Array::new();
            for p in problems {
                list.push(&object(&[
                    ("line", p.line.map_or(JsValue::NULL, JsValue::from)),
                    ("column", p.column.map_or(JsValue::NULL, JsValue::from)),
                    ("message", p.message.text(lang).into()),
                ]));
            }
            object(&[("problems", list.into())])
        }
    }
}

/// A splice as `{ start, end, insert }` in UTF-16 offsets of `text`, or `{ error }`.
fn splice_or_error(text: &str, result: Result<Splice, EditError>) -> JsValue {
    match result {
        Ok(splice) => {
            let (start, end) = splice.utf16_range(text);
            object(&[("start", start.into()), ("end", end.into()), ("insert", splice.insert.into())])
        }
        Err(e) => object(&[("error", e.code().into())]),
    }
}
