//! Small DOM helpers shared by the board's and the quiz's views: creating elements with text,
//! buttons, attributes and classes, paragraphs of set text, essay references, focus, and drawing
//! feedback (paragraphs of [`Span`]s) as text nodes, quotations and citations.
//!
//! Set text is only ever inserted as text (`set_text_content` / text nodes), never as HTML.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};
use web_sys::{Document, Element, Event, HtmlElement, KeyboardEvent, PointerEvent, Window};

use std::rc::Rc;

use crate::core::exercise::{LineKind, Summary};
use crate::core::feedback::{self, Feedback, Span, Verdict};
use crate::core::set::{EssayRef, Set, Source};
use crate::core::strings::{Key, Lang};
use crate::core::wording::{Overrides, Wording};

/// The interface's wording as the views keep it: the interface language and the set's own
/// `strings` (shared, not copied), looked up through [`Wording`].
#[derive(Clone)]
pub struct Ui {
    lang: Lang,
    overrides: Rc<Overrides>,
}

impl Ui {
    /// The wording of `set` in the interface language `lang`.
    pub fn new(set: &Set, lang: Lang) -> Ui {
        Ui { lang, overrides: Rc::new(set.file.strings.clone()) }
    }

    /// The built-in wording of `lang` (for the panels shown when there is no set).
    pub fn builtin(lang: Lang) -> Ui {
        Ui { lang, overrides: Rc::default() }
    }

    /// The lookup itself.
    pub fn wording(&self) -> Wording<'_> {
        Wording::new(self.lang, &self.overrides)
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The interface language's code, for `lang` attributes.
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// The text of `key`, placeholders unfilled.
    pub fn get(&self, key: Key) -> &str {
        self.wording().get(key)
    }

    /// The text of `key` with its placeholders filled.
    pub fn text(&self, key: Key, args: &[(&str, &str)]) -> String {
        self.wording().text(key, args)
    }

    /// Items as a list in running text ("a, b en c").
    pub fn join_list(&self, items: &[String], last_word: Key) -> String {
        self.wording().join_list(items, last_word)
    }
}

/// Creates elements in one document.
#[derive(Clone)]
pub struct Dom {
    /// The document.
    pub doc: Document,
    /// The set's language code when it differs from the interface language (set text is then
    /// marked with its own `lang`).
    pub set_lang: Option<&'static str>,
}

impl Dom {
    /// A new element with `class` (none when empty).
    pub fn el(&self, tag: &'static str, class: &str) -> Element {
        // createElement only fails for invalid tag names; ours are constants.
        let e: Element = call(&self.doc, "createElement", &[js_name(tag)]).unwrap_throw().unchecked_into();
        if !class.is_empty() {
            attr(&e, "class", class);
        }
        e
    }

    /// An element with text content, appended to `parent`.
    pub fn child(&self, parent: &Element, tag: &'static str, class: &str, text: &str) -> Element {
        let e = self.el(tag, class);
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        append(parent, &e);
        e
    }

    /// A `<button type="button">`.
    pub fn button(&self, parent: &Element, class: &str, text: &str) -> HtmlElement {
        let b = self.child(parent, "button", class, text);
        attr(&b, "type", "button");
        b.unchecked_into()
    }

    /// A text node with `text`, appended to `parent`.
    pub fn text(&self, parent: &Element, text: &str) {
        // `append` with a string inserts a text node (never HTML).
        let _ = call(parent, "append", &[JsValue::from_str(text)]);
    }

    /// Marks `e` as holding set text (in the set's language).
    pub fn set_text(&self, e: &Element) {
        if let Some(code) = self.set_lang {
            attr(e, "lang", code);
        }
    }

    /// One `<p>` per paragraph of `text` (blank lines separate paragraphs), appended to `parent`.
    pub fn paragraphs(&self, parent: &Element, class: &str, text: &str) {
        for p in paragraphs(text) {
            self.child(parent, "p", class, &p);
        }
    }

    /// The kind of text the excerpt comes from ("Dagboek", "Krant"…, in the interface's language),
    /// appended to `parent` above the excerpt's text, so that it is read first; nothing for an
    /// excerpt without a source.
    pub fn source_kind(&self, parent: &Element, ui: &Ui, src: Option<&Source>) {
        if let Some(src) = src {
            self.child(parent, "p", "source-kind", ui.get(src.kind.key()));
        }
    }

    /// The excerpt's source line ("diarist, date, *work*, p. n", of these what the set gives) and
    /// its line of context, if any, appended to `parent`; nothing for an excerpt without a source.
    pub fn source(&self, parent: &Element, ui: &Ui, src: Option<&Source>) {
        let Some(src) = src else { return };
        let line = self.child(parent, "p", "source", "");
        self.set_text(&line);
        let mut lead = src.diarist.clone();
        if let Some(date) = &src.date {
            lead.push_str(", ");
            lead.push_str(date);
        }
        if let Some(work) = &src.work {
            lead.push_str(", ");
            self.text(&line, &lead);
            self.child(&line, "cite", "", work);
        } else {
            self.text(&line, &lead);
        }
        if let Some(page) = &src.page {
            let mut tail = String::from(", ");
            tail.push_str(&ui.text(Key::SourcePage, &[("page", page)]));
            self.text(&line, &tail);
        }
        if let Some(context) = &src.context {
            let about = self.child(parent, "p", "source-context", context);
            self.set_text(&about);
        }
    }

    /// Draws one paragraph of feedback spans into `parent`.
    pub fn spans(&self, parent: &Element, spans: &[Span]) {
        for span in spans {
            match span {
                Span::Text(s) => self.text(parent, s),
                Span::Quote(s) => {
                    let q = self.child(parent, "q", "", s);
                    self.set_text(&q);
                }
                Span::Cite(s) => {
                    self.child(parent, "cite", "", s);
                }
            }
        }
    }

    /// One `<p>` per paragraph of spans, appended to `parent`.
    pub fn span_paragraphs(&self, parent: &Element, paragraphs: &[Vec<Span>]) {
        for para in paragraphs {
            let p = self.child(parent, "p", "", "");
            self.spans(&p, para);
        }
    }

    /// The live region that announces each change (`role="status"`), appended to `parent`.
    pub fn live_region(&self, parent: &Element, class: &str) -> Element {
        let live = self.child(parent, "p", class, "");
        attr(&live, "role", "status");
        attr(&live, "aria-live", "polite");
        attr(&live, "aria-atomic", "true");
        live
    }

    /// Says `text` in the live region `live` (replacing the node, so a repeated sentence is
    /// announced).
    pub fn announce(&self, live: &Element, text: &str) {
        live.set_text_content(None);
        if !text.is_empty() {
            self.child(live, "span", "", text);
        }
    }

    /// What a finished attempt came to, appended to `parent`: the summary's lines in their
    /// order (the score, its note, whether the pass mark was reached, how many are right now
    /// after a retry round, the set's overall feedback in paragraphs).
    pub fn outcome(&self, parent: &Element, summary: &Summary) {
        for line in &summary.lines {
            let class = match line.kind {
                LineKind::Score => "score",
                LineKind::Note => "score-note",
                LineKind::Passed => "passed",
                LineKind::NotPassed => "not-passed",
                LineKind::RightNow => "",
                LineKind::Overall => {
                    let div = self.child(parent, "div", "overall", "");
                    self.set_text(&div);
                    self.paragraphs(&div, "", &line.text);
                    continue;
                }
            };
            self.child(parent, "p", class, &line.text);
        }
    }

    /// A feedback block: the verdict line (in words, with its class for the mark), then the
    /// paragraphs of spans.
    pub fn feedback(&self, ui: &Ui, fb: &Feedback) -> Element {
        let div = self.verdict(ui, fb.verdict);
        self.span_paragraphs(&div, &fb.paragraphs);
        div
    }

    /// A feedback block holding only its verdict line ("Right.", with its class for the mark).
    pub fn verdict(&self, ui: &Ui, verdict: Verdict) -> Element {
        self.verdict_line(ui, verdict.key(), verdict == Verdict::Right)
    }

    /// A feedback block holding only the verdict line `key`, marked right or wrong.
    pub fn verdict_line(&self, ui: &Ui, key: Key, right: bool) -> Element {
        let div = self.el("div", "feedback");
        self.child(&div, "p", if right { "verdict right" } else { "verdict wrong" }, ui.get(key));
        div
    }
}

#[wasm_bindgen]
extern "C" {
    /// The page's `window` (`undefined` where there is none).
    #[wasm_bindgen(thread_local_v2, js_name = window)]
    static WINDOW: Option<Window>;
}

/// The page's window. One import of `window` itself: `web_sys::window()` finds it through
/// `globalThis`, `self`, `window` and `global` and an `instanceof` check, five imports and
/// their glue.
pub fn window() -> Option<Window> {
    WINDOW.with(Option::clone)
}

/// Property `name` of `object` (an event's `clientX`, a rectangle's `top`, an element's
/// `scrollTop`…), `undefined` if reading it throws.
///
/// Events, rectangles and elements are read through this one `Reflect.get` import rather than
/// web-sys's typed getters: each getter is one more import, call stub and glue function (about
/// 90 bytes of the gzipped download), for the same value. The typed checks stay where they
/// matter: handlers still `dyn_ref` an event to its interface before reading it.
pub fn prop(object: &JsValue, name: &'static str) -> JsValue {
    js_sys::Reflect::get(object, &js_name(name)).unwrap_or(JsValue::UNDEFINED)
}

thread_local! {
    /// The JavaScript strings made for the shell's property, method, tag, attribute and class
    /// names, by the name's address and length: each is made once. Made per use (each decoded
    /// from UTF-8 anew), they were the largest single cost of building a 1,000-card board.
    static NAMES: std::cell::RefCell<Vec<((usize, usize), JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `name` as a JavaScript string, made the first time it is asked for.
fn js_name(name: &'static str) -> JsValue {
    let key = (name.as_ptr() as usize, name.len());
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some((_, s)) = names.iter().find(|(k, _)| *k == key) {
            return s.clone();
        }
        let s = JsValue::from_str(name);
        names.push((key, s.clone()));
        s
    })
}

/// Element property `name` of `object` (`firstElementChild`, `nextElementSibling`, an event's
/// `target`, a document's `activeElement`), `None` when it is no element.
pub fn element(object: &JsValue, name: &'static str) -> Option<Element> {
    prop(object, name).dyn_into().ok()
}

/// Sets property `name` of `object` (an input's `checked`, an element's `scrollTop`): the
/// setter runs as with the typed call, through the `Reflect.set` import that [`object`] uses.
pub fn set_prop(object: &JsValue, name: &'static str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &js_name(name), value);
}

/// The document `e` belongs to (`ownerDocument`), read as [`element`] reads: web-sys's getter
/// checks no more than that it is there.
pub fn document_of(e: &Element) -> Option<Document> {
    let doc = prop(e, "ownerDocument");
    (!doc.is_null_or_undefined()).then(|| doc.unchecked_into())
}

/// `value` as a `T` when it is an instance of the page's interface `interface` (`T`'s name in
/// the DOM: "KeyboardEvent", "PointerEvent"…). The test `instanceof` makes,
/// `interface.prototype.isPrototypeOf(value)`, through [`call`]: one import for every
/// interface, where each `dyn_ref::<T>()` brings an `instanceof` import of its own.
pub fn as_a<'a, T: JsCast>(value: &'a JsValue, interface: &'static str) -> Option<&'a T> {
    let window: JsValue = window()?.into();
    let prototype = prop(&prop(&window, interface), "prototype");
    let is = call(&prototype, "isPrototypeOf", std::slice::from_ref(value)).ok()?.as_bool()?;
    is.then(|| value.unchecked_ref())
}

/// Whether `e` matches `selector`: `closest` finds `e` itself exactly then.
pub fn matches(e: &Element, selector: &str) -> bool {
    closest(e, selector).as_ref() == Some(e)
}

/// The nearest ancestor-or-self of `e` matching `selector` (`closest`).
pub fn closest(e: &Element, selector: &str) -> Option<Element> {
    call(e, "closest", &[JsValue::from_str(selector)]).ok()?.dyn_into().ok()
}

/// Attribute `name` of `e` (`getAttribute`), `None` when it has none.
pub fn attribute(e: &Element, name: &str) -> Option<String> {
    call(e, "getAttribute", &[JsValue::from_str(name)]).ok()?.as_string()
}

/// Whether `inner` is `outer` or inside it (`Node.contains`).
pub fn contains(outer: &Element, inner: &Element) -> bool {
    call(outer, "contains", &[inner.into()]).is_ok_and(|c| c.as_bool() == Some(true))
}

/// Inserts `child` into `parent` before `before` (at the end for `None`; `insertBefore`).
pub fn insert_before(parent: &Element, child: &Element, before: Option<&Element>) {
    let _ = call(parent, "insertBefore", &[child.into(), before.map_or(JsValue::NULL, Into::into)]);
}

/// Takes `e` out of the document (`remove`).
pub fn remove(e: &Element) {
    let _ = call(e, "remove", &[]);
}

/// Cancels the browser's default action for `e` (`preventDefault`).
pub fn prevent_default(e: &Event) {
    let _ = call(e, "preventDefault", &[]);
}

/// Calls method `name` of `object` with `args` (`Reflect.apply`): `Err` when it throws, or is
/// no method. For the calls the shell makes in one place each (`print`, `scrollBy`,
/// `setInterval`, `getBoundingClientRect`…): one import serves them all, where each typed
/// web-sys method is an import, a call stub and a glue function of its own.
pub fn call(object: &JsValue, name: &'static str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let list = js_sys::Array::new();
    for arg in args {
        list.push(arg);
    }
    js_sys::Reflect::apply::<fn() -> JsValue>(prop(object, name).unchecked_ref(), object, &list)
}

/// Number property `name` of `object` (0 when it is not a number). Integers as web-sys reads
/// them: `as i32` truncates toward zero like the glue's conversion.
pub fn number(object: &JsValue, name: &'static str) -> f64 {
    prop(object, name).as_f64().unwrap_or(0.0)
}

/// Boolean property `name` of `object` (`false` when it is not a boolean).
pub fn boolean(object: &JsValue, name: &'static str) -> bool {
    prop(object, name).as_bool().unwrap_or(false)
}

/// String property `name` of `object` (empty when it is not a string).
pub fn string(object: &JsValue, name: &'static str) -> String {
    prop(object, name).as_string().unwrap_or_default()
}

/// Whether a modifier (Alt, Ctrl, Meta) is held or an input method is composing: the widgets'
/// keys then do nothing.
pub fn modified(k: &KeyboardEvent) -> bool {
    ["altKey", "ctrlKey", "metaKey", "isComposing"].into_iter().any(|name| boolean(k, name))
}

/// The key of a key press (`key`).
pub fn key(k: &KeyboardEvent) -> String {
    string(k, "key")
}

/// A pointer event's pointer (`pointerId`).
pub fn pointer_id(p: &PointerEvent) -> i32 {
    number(p, "pointerId") as i32
}

/// A pointer event's client position (`clientX`, `clientY`), in whole pixels.
pub fn client_xy(p: &PointerEvent) -> (i32, i32) {
    (number(p, "clientX") as i32, number(p, "clientY") as i32)
}

/// Whether a pointer event comes from a mouse.
pub fn is_mouse(p: &PointerEvent) -> bool {
    string(p, "pointerType") == "mouse"
}

/// Whether a press can start a gesture: the primary pointer, and a mouse's main button.
pub fn main_press(p: &PointerEvent) -> bool {
    boolean(p, "isPrimary") && (!is_mouse(p) || number(p, "button") == 0.0)
}

/// A plain object with `fields` (an event's init dictionary, an options dictionary, a problem).
pub fn object(fields: &[(&'static str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        set_prop(&object, key, value);
    }
    object.into()
}

/// Appends `child` to `parent`.
pub fn append(parent: &Element, child: &Element) {
    // appendChild only fails for hierarchy errors, impossible with fresh elements.
    let _ = call(parent, "appendChild", &[child.into()]);
}

/// Sets attribute `name`.
pub fn attr(e: &Element, name: &'static str, value: &str) {
    // setAttribute only fails for invalid attribute names; ours are constants.
    let _ = call(e, "setAttribute", &[js_name(name), JsValue::from_str(value)]);
}

/// Shows or hides `e` (the `hidden` attribute).
pub fn hide(e: &Element, hidden: bool) {
    flag(e, "hidden", hidden);
}

/// Sets (empty) or removes attribute `name`: a boolean one such as `hidden`, `disabled` or
/// `open`, or the removal of any (`flag(e, name, false)`, which is `removeAttribute`).
/// Attributes, not typed properties such as `disabled` or `open`: the DOM is the same, and each
/// typed setter would cost the module one more import and its glue.
pub fn flag(e: &Element, name: &'static str, on: bool) {
    let _ = call(e, "toggleAttribute", &[js_name(name), JsValue::from_bool(on)]);
}

/// Adds or removes class `name`.
pub fn class(e: &Element, name: &'static str, on: bool) {
    let _ = call(&prop(e, "classList"), "toggle", &[js_name(name), JsValue::from_bool(on)]);
}

/// Splits text into paragraphs at blank lines; lines within a paragraph are joined by a space.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(line);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// "essay, § section" or "essay, § section, footnote n".
pub fn essay_ref(ui: &Ui, r: &EssayRef) -> String {
    feedback::essay_ref(ui.wording(), r)
}

/// Scrolls `e` into view as little as needed (`block` and `inline` "nearest"; `inline` is
/// "nearest" by default). The options as a plain object: the typed dictionary's setter is one
/// more import, and its enum one more table in the glue.
pub fn reveal(e: &Element) {
    let _ = call(e, "scrollIntoView", &[object(&[("block", JsValue::from_str("nearest"))])]);
}

/// Focuses `e`, scrolling it into view or not (one `focus(options)` import for both; the
/// options as a plain object). Any element: `focus` is HTML's and SVG's, and should `e` have
/// none, [`call`] says so instead of throwing; no `instanceof HTMLElement` check is needed.
pub fn focus(e: &Element, scroll: bool) {
    let options = object(&[("preventScroll", JsValue::from_bool(!scroll))]);
    let _ = call(e, "focus", &[options]);
}
