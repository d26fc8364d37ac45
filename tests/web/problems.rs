//! The set editor's check in headless Chromium: `problems()` hands the loader's problems to
//! JavaScript as plain objects `{ line, column, path, message }`, `null` where a problem has no
//! place in the text; the messages in the language the page asks for (English by default).

use diary_sort::core::set::MAX_SET_BYTES;
use diary_sort::web::problems::problems;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

const TEMPLATE: &str = include_str!("../../www/sets/template.json");

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &name.into()).unwrap()
}

#[wasm_bindgen_test]
fn a_set_that_loads_has_no_problems() {
    assert_eq!(problems(TEMPLATE, None).length(), 0);
}

#[wasm_bindgen_test]
fn a_problem_is_a_plain_object_with_line_column_path_and_message() {
    let text = TEMPLATE.replacen("\"criterion\": \"first-criterion\"", "\"criterion\": \"first-criterio\"", 1);
    let list = problems(&text, None);
    // The misspelt id, then what follows from it: no rule holds for the excerpt.
    assert_eq!(list.length(), 2);
    let problem = list.get(0);
    let plain = js_sys::Object::get_prototype_of(&js_sys::Object::new());
    assert!(js_sys::Object::get_prototype_of(&problem) == plain, "a plain object");
    let line = text.lines().position(|l| l.contains("\"first-criterio\"")).unwrap() + 1;
    let column = text.lines().nth(line - 1).unwrap().find("\"first-criterio\"").unwrap() + 1;
    assert_eq!(field(&problem, "line").as_f64(), Some(line as f64));
    assert_eq!(field(&problem, "column").as_f64(), Some(column as f64));
    assert_eq!(field(&problem, "path").as_string().as_deref(), Some("excerpts[0].evidence[0].criterion"));
    assert_eq!(
        field(&problem, "message").as_string().as_deref(),
        Some("criterion `first-criterio` does not exist; did you mean `first-criterion`?")
    );
}

#[wasm_bindgen_test]
fn the_messages_are_in_the_language_asked_for() {
    let text = TEMPLATE.replacen("\"criterion\": \"first-criterion\"", "\"criterion\": \"first-criterio\"", 1);
    let message = |lang: Option<&str>| field(&problems(&text, lang.map(str::to_string)).get(0), "message").as_string();
    let dutch = "het criterium `first-criterio` bestaat niet; bedoel je `first-criterion`?";
    assert_eq!(message(Some("nl")).as_deref(), Some(dutch));
    assert_eq!(message(Some("nl-BE")).as_deref(), Some(dutch), "a regional tag is its language");
    let english = "criterion `first-criterio` does not exist; did you mean `first-criterion`?";
    assert_eq!(message(Some("fr")).as_deref(), Some(english), "another language: English");
}

#[wasm_bindgen_test]
fn a_problem_of_the_whole_file_has_no_line_column_or_path() {
    let list = problems(&" ".repeat(MAX_SET_BYTES + 1), Some("en-GB".into()));
    assert_eq!(list.length(), 1);
    let problem = list.get(0);
    assert!(field(&problem, "line").is_null());
    assert!(field(&problem, "column").is_null());
    assert_eq!(field(&problem, "path").as_string().as_deref(), Some(""));
    assert!(field(&problem, "message").as_string().unwrap().contains("the most this tool reads"));
}
