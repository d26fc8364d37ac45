//! Small DOM helpers shared by the board's and the quiz's views: creating elements with text,
//! buttons, attributes and classes, paragraphs of set text, essay references, focus, and drawing
//! feedback (paragraphs of [`Span`]s) as text nodes, quotations and citations.
//!
//! Set text is only ever inserted as text (`set_text_content` / text nodes), never as HTML.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, UnwrapThrowExt};
use web_sys::{Document, Element, FocusOptions, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition, Window};

use std::rc::Rc;

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
    pub fn el(&self, tag: &str, class: &str) -> Element {
        // createElement only fails for invalid tag names; ours are constants.
        let e = self.doc.create_element(tag).unwrap_throw();
        if !class.is_empty() {
            attr(&e, "class", class);
        }
        e
    }

    /// An element with text content, appended to `parent`.
    pub fn child(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
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
        let _ = parent.append_child(&self.doc.create_text_node(text));
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

    /// The excerpt's source line ("diarist, date, *work*, p. n"), appended to `parent`.
    pub fn source(&self, parent: &Element, ui: &Ui, src: &Source) -> Element {
        let line = self.child(parent, "p", "source", "");
        self.set_text(&line);
        let mut lead = src.diarist.clone();
        if let Some(date) = &src.date {
            lead.push_str(", ");
            lead.push_str(date);
        }
        lead.push_str(", ");
        self.text(&line, &lead);
        self.child(&line, "cite", "", &src.work);
        if let Some(page) = &src.page {
            let mut tail = String::from(", ");
            tail.push_str(&ui.text(Key::SourcePage, &[("page", page)]));
            self.text(&line, &tail);
        }
        line
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

    /// A feedback block: the verdict line (in words, with its class for the mark), then the
    /// paragraphs of spans.
    pub fn feedback(&self, ui: &Ui, fb: &Feedback) -> Element {
        let div = self.verdict(ui, fb.verdict);
        self.span_paragraphs(&div, &fb.paragraphs);
        div
    }

    /// A feedback block holding only its verdict line ("Right.", with its class for the mark).
    pub fn verdict(&self, ui: &Ui, verdict: Verdict) -> Element {
        let div = self.el("div", "feedback");
        let (key, cls) = match verdict {
            Verdict::Right => (Key::Right, "verdict right"),
            Verdict::Wrong => (Key::Wrong, "verdict wrong"),
            Verdict::Revealed => (Key::WrongFinal, "verdict wrong"),
        };
        self.child(&div, "p", cls, ui.get(key));
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

/// Appends `child` to `parent`.
pub fn append(parent: &Element, child: &Element) {
    // appendChild only fails for hierarchy errors, impossible with fresh elements.
    let _ = parent.append_child(child);
}

/// Sets attribute `name`.
pub fn attr(e: &Element, name: &str, value: &str) {
    // setAttribute only fails for invalid attribute names; ours are constants.
    let _ = e.set_attribute(name, value);
}

/// Shows or hides `e` (the `hidden` attribute).
pub fn hide(e: &Element, hidden: bool) {
    flag(e, "hidden", hidden);
}

/// Sets (empty) or removes attribute `name`: a boolean one such as `hidden`, `disabled` or
/// `open`, or the removal of any (`flag(e, name, false)`, which is `removeAttribute`).
/// Attributes, not typed properties such as `disabled` or `open`: the DOM is the same, and each
/// typed setter would cost the module one more import and its glue.
pub fn flag(e: &Element, name: &str, on: bool) {
    let _ = e.toggle_attribute_with_force(name, on);
}

/// Adds or removes class `name`.
pub fn class(e: &Element, name: &str, on: bool) {
    let _ = e.class_list().toggle_with_force(name, on);
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
/// "nearest" by default).
pub fn reveal(e: &Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    e.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses `e`, scrolling it into view or not (one `focus(options)` import for both).
pub fn focus(e: &HtmlElement, scroll: bool) {
    let options = FocusOptions::new();
    options.set_prevent_scroll(!scroll);
    let _ = e.focus_with_options(&options);
}
