//! Evidence marking: an excerpt's words as one keyboard-operable widget in which the student
//! marks the words that justify their choice. Gestures become [`MarkOp`]s on word indices; the
//! quiz holds which words are marked and this widget draws them.
//!
//! - Mouse: a click toggles a word; press, drag and release marks the words from the first to
//!   the last one touched (whole words only; a press between words counts for the nearest
//!   word). A drag that starts on a marked word unmarks.
//! - Touch: a tap toggles a word; a drag that starts sideways marks a range (`touch-action:
//!   pan-y`, so a vertical swipe still scrolls the page).
//! - Keyboard: the widget is one tab stop (`role="listbox"`, multi-selectable, the words its
//!   options, the cursor its `aria-activedescendant`). Arrows move the cursor by a word, Home and
//!   End to the ends, Space toggles the word at the cursor, Shift+arrows extend the marking from
//!   where the extension started.
//!
//! Words are drawn as text in `<span>`s (never HTML); what lies between them (spaces,
//! punctuation) as text nodes, and a blank line as a paragraph break. Screen readers read the
//! excerpt from a plain copy beside the widget; inside it they hear each word with its state.

use std::ops::{Range, RangeInclusive};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, KeyboardEvent, PointerEvent};

use crate::web::dom::{
    Dom, append, attr, attribute, boolean, call, class, client_xy, closest, contains, document_of, flag, focus, key, main_press, modified,
    number, pointer_id, reveal,
};

/// What a gesture asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkOp {
    /// Toggle one word.
    Toggle(usize),
    /// Mark (`true`) or unmark (`false`) every word in the range.
    Set(RangeInclusive<usize>, bool),
}

/// A press in the widget that may become a drag.
struct Press {
    pointer: i32,
    /// The word pressed (or, pressed between words, the nearest one).
    from: usize,
    to: usize,
    /// The word pressed was marked: the drag unmarks.
    unmark: bool,
    /// The pointer has been over another word than `from`.
    dragged: bool,
}

/// The widget's elements and its cursor.
pub struct Marking {
    /// The listbox (the one tab stop).
    pub root: HtmlElement,
    words: Vec<Element>,
    /// The word that Space toggles.
    cursor: usize,
    /// Where a Shift+arrow extension started.
    anchor: Option<usize>,
    press: Option<Press>,
    /// The marks as last drawn.
    drawn: Vec<bool>,
    /// The words shown as "about to change" during a drag.
    pending: Option<RangeInclusive<usize>>,
    id_prefix: String,
}

impl Marking {
    /// Builds the widget for `text` split into `words` (byte ranges), appended to `parent`.
    /// `prefix` makes the words' element ids unique; `label` names the listbox (an element id).
    pub fn build(dom: &Dom, parent: &Element, prefix: &str, text: &str, words: &[Range<usize>], label: &str) -> Marking {
        let root: HtmlElement = dom.child(parent, "div", "words", "").unchecked_into();
        attr(&root, "role", "listbox");
        attr(&root, "aria-multiselectable", "true");
        attr(&root, "aria-labelledby", label);
        attr(&root, "tabindex", "0");
        dom.set_text(&root);
        let mut id_prefix = String::from(prefix);
        id_prefix.push_str("-w");
        let mut spans = Vec::with_capacity(words.len());
        let mut at = 0;
        for (n, w) in words.iter().enumerate() {
            let (Some(gap), Some(word)) = (text.get(at..w.start), text.get(w.clone())) else { continue };
            Self::gap(dom, &root, gap);
            let span = dom.child(&root, "span", "w", word);
            attr(&span, "role", "option");
            attr(&span, "aria-selected", "false");
            attr(&span, "id", &word_id(&id_prefix, n));
            attr(&span, "data-w", &n.to_string());
            spans.push(span);
            at = w.end;
        }
        Self::gap(dom, &root, text.get(at..).unwrap_or(""));
        let drawn = vec![false; spans.len()];
        let mut marking = Marking { root, words: spans, cursor: 0, anchor: None, press: None, drawn, pending: None, id_prefix };
        marking.move_cursor(0, false);
        marking
    }

    /// Draws the text between two words: a paragraph break for a blank line, else the text.
    fn gap(dom: &Dom, root: &Element, gap: &str) {
        if gap.is_empty() {
            return;
        }
        // Byte scans rather than `contains`, `split` and `rsplit` with patterns: the same text,
        // without the pattern searchers that only this would bring into the module.
        let bytes = gap.as_bytes();
        if bytes.windows(2).any(|w| w == b"\n\n") || bytes.windows(3).any(|w| w == b"\n\r\n") {
            // The text before the first line break and after the last (ASCII: char boundaries).
            let first = bytes.iter().position(|&b| b == b'\n').unwrap_or(bytes.len());
            let last = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let before = gap.get(..first).unwrap_or("").trim_end();
            let after = gap.get(last..).unwrap_or("").trim_start();
            if !before.is_empty() {
                dom.text(root, before);
            }
            let br = dom.el("span", "para-break");
            attr(&br, "aria-hidden", "true");
            append(root, &br);
            if !after.is_empty() {
                dom.text(root, after);
            }
        } else {
            let line: String = gap.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
            dom.text(root, &line);
        }
    }

    /// How many words there are.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the excerpt has no words at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Draws the marks (`marked(i)` for word `i`); `enabled` false makes the widget read-only
    /// (after the answer is submitted).
    pub fn render(&mut self, marked: &dyn Fn(usize) -> bool, enabled: bool) {
        for (i, w) in self.words.iter().enumerate() {
            let m = marked(i);
            if self.drawn.get(i) != Some(&m) {
                attr(w, "aria-selected", if m { "true" } else { "false" });
                class(w, "marked", m);
                if let Some(d) = self.drawn.get_mut(i) {
                    *d = m;
                }
            }
        }
        if enabled {
            flag(&self.root, "aria-readonly", false);
        } else {
            attr(&self.root, "aria-readonly", "true");
            self.press = None;
            self.show_pending(None);
        }
        class(&self.root, "readonly", !enabled);
    }

    /// The word at the cursor.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Puts the cursor on word `to`, scrolling it into view (as little as needed) when `scroll`.
    fn move_cursor(&mut self, to: usize, scroll: bool) {
        if let Some(old) = self.words.get(self.cursor) {
            class(old, "cursor", false);
        }
        self.cursor = to.min(self.words.len().saturating_sub(1));
        if let Some(new) = self.words.get(self.cursor) {
            class(new, "cursor", true);
            attr(&self.root, "aria-activedescendant", &word_id(&self.id_prefix, self.cursor));
            if scroll {
                reveal(new);
            }
        }
    }

    /// A key pressed while the widget has focus: the marking it asks for, if any. `Some(None)`
    /// means the key was the widget's (the cursor moved) and its default must be prevented.
    pub fn key(&mut self, k: &KeyboardEvent) -> Option<Option<MarkOp>> {
        if self.words.is_empty() || modified(k) {
            return None;
        }
        let last = self.words.len() - 1;
        let to = match key(k).as_str() {
            "ArrowRight" | "ArrowDown" => (self.cursor + 1).min(last),
            "ArrowLeft" | "ArrowUp" => self.cursor.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            " " | "Spacebar" => {
                self.anchor = None;
                return Some(Some(MarkOp::Toggle(self.cursor)));
            }
            _ => return None,
        };
        if boolean(k, "shiftKey") {
            let anchor = *self.anchor.get_or_insert(self.cursor);
            self.move_cursor(to, true);
            Some(Some(MarkOp::Set(ordered(anchor, to), true)))
        } else {
            self.anchor = None;
            self.move_cursor(to, true);
            Some(None)
        }
    }

    /// The word that is or contains `e`.
    fn word_of(&self, e: &Element) -> Option<usize> {
        let span = closest(e, "[data-w]")?;
        let i: usize = attribute(&span, "data-w")?.parse().ok()?;
        (self.words.get(i) == Some(&span)).then_some(i)
    }

    /// The word under the client position (`x`, `y`).
    fn word_at(&self, x: i32, y: i32) -> Option<usize> {
        let doc = document_of(&self.root)?;
        // Not the first of `elementsFromPoint` (the board's drop zones' import): Chromium's list
        // hit-tests inline boxes otherwise, and a drag then picked up words of the line above
        // (tests/browser/quiz.test.mjs, "mouse: a drag marks whole words").
        let e = call(&doc, "elementFromPoint", &[JsValue::from(x), JsValue::from(y)]).ok()?.dyn_into::<Element>().ok()?;
        self.word_of(&e)
    }

    /// The word nearest to the client position (`x`, `y`): on its line, the closest one.
    fn nearest_word(&self, x: i32, y: i32) -> Option<usize> {
        let (x, y) = (f64::from(x), f64::from(y));
        // The distance to a word's nearest box. A word broken over two lines ("Sovjet-" at the end
        // of one, "Unie" at the start of the next) has a box on each: their bounding rectangle
        // would span both lines edge to edge and swallow every word between.
        let distance = |w: &Element| {
            let rects = call(w, "getClientRects", &[]).unwrap_or_default();
            let mut nearest = f64::INFINITY;
            for k in 0..number(&rects, "length") as u32 {
                let r = call(&rects, "item", &[JsValue::from(k)]).unwrap_or_default();
                let edge = |name: &'static str| number(&r, name);
                let dy = (edge("top") - y).max(y - edge("bottom")).max(0.0);
                let dx = (edge("left") - x).max(x - edge("right")).max(0.0);
                // A word on another line is farther than any word on this one.
                nearest = nearest.min(dy * 10_000.0 + dx);
            }
            nearest
        };
        let mut best: Option<(usize, f64)> = None;
        for (i, w) in self.words.iter().enumerate() {
            let d = distance(w);
            if best.is_none_or(|(_, b)| d < b) {
                best = Some((i, d));
            }
        }
        best.map(|(i, _)| i)
    }

    /// A pointer pressed on `target`: starts a press when it is in the widget (on a word, or
    /// between words: then on the nearest one). `marked(i)` says whether word `i` is marked now.
    /// Returns whether the press is the widget's.
    pub fn pointer_down(&mut self, p: &PointerEvent, target: &Element, marked: &dyn Fn(usize) -> bool) -> bool {
        if !main_press(p) || attribute(&self.root, "aria-readonly").is_some() || !contains(&self.root, target) {
            return false;
        }
        let Some(i) = self.word_of(target).or_else(|| {
            let (x, y) = client_xy(p);
            self.nearest_word(x, y)
        }) else {
            return false;
        };
        self.press = Some(Press { pointer: pointer_id(p), from: i, to: i, unmark: marked(i), dragged: false });
        self.anchor = None;
        self.move_cursor(i, false);
        focus(&self.root, false);
        true
    }

    /// The pointer moved: extends the pending range to the word under it.
    pub fn pointer_move(&mut self, p: &PointerEvent) -> bool {
        let Some(press) = self.press.as_ref() else { return false };
        if press.pointer != pointer_id(p) {
            return false;
        }
        let (x, y) = client_xy(p);
        let Some(i) = self.word_at(x, y) else { return true };
        let Some(press) = self.press.as_mut() else { return false };
        if i != press.to || press.dragged {
            press.dragged |= i != press.from;
            press.to = i;
            let (range, unmark) = (ordered(press.from, i), press.unmark);
            self.show_pending(Some(range));
            class(&self.root, "unmarking", unmark);
        }
        true
    }

    /// The pointer was released: a tap toggles its word, a drag sets its range.
    pub fn pointer_up(&mut self, p: &PointerEvent) -> Option<MarkOp> {
        let press = self.press.take_if(|press| press.pointer == pointer_id(p))?;
        self.show_pending(None);
        self.move_cursor(press.to, false);
        Some(if press.dragged { MarkOp::Set(ordered(press.from, press.to), !press.unmark) } else { MarkOp::Toggle(press.from) })
    }

    /// The browser took the pointer (it scrolls): the press is dropped, nothing changes.
    pub fn pointer_cancel(&mut self, p: &PointerEvent) {
        if self.press.take_if(|press| press.pointer == pointer_id(p)).is_some() {
            self.show_pending(None);
        }
    }

    fn show_pending(&mut self, range: Option<RangeInclusive<usize>>) {
        if let Some(old) = self.pending.take() {
            for w in old.filter_map(|i| self.words.get(i)) {
                class(w, "pending", false);
            }
        }
        if let Some(new) = &range {
            for w in new.clone().filter_map(|i| self.words.get(i)) {
                class(w, "pending", true);
            }
        }
        self.pending = range;
    }
}

/// The inclusive range between `a` and `b`, whichever is smaller first.
fn ordered(a: usize, b: usize) -> RangeInclusive<usize> {
    a.min(b)..=a.max(b)
}

/// The element id of word `n`.
fn word_id(prefix: &str, n: usize) -> String {
    let mut id = String::with_capacity(prefix.len() + 4);
    id.push_str(prefix);
    id.push_str(&n.to_string());
    id
}
