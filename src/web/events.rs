//! From DOM events to board messages, and from effects back to the page.
//!
//! A handful of delegated listeners on the widget root (click, keydown, pointer down/move/up/
//! cancel) turn what the student did into a [`Msg`]; [`BoardShell::run`] applies it to the
//! [`Board`], carries out the returned effects ([`effects::carry_out`]: live-region
//! announcements, saving, the `answered`, `completed` and `statechange` events for the host
//! page), re-renders and puts focus where the student expects it.
//!
//! - Pointer: a press on a card (mouse: anywhere but its other buttons; touch and pen: the grab
//!   handle) becomes a drag after 6 px; releasing over a bin or the pile places the card. A
//!   press without movement is a tap: the click that follows selects the card, and a click on a
//!   bin (or its button) puts it there.
//! - Keyboard, on a card's grab button: Space/Enter picks up, arrows choose a bin, Enter drops,
//!   the digits 1–n drop into bin n, Escape cancels; a bin's button, one of the bar's bins (shown
//!   while a card is held) or the "back to the pile" button places the held card. After a drop,
//!   focus goes to the next card on the pile (or to the check button); after a check, to its
//!   result, whose links lead to the wrong cards.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, Element, Event, HtmlElement, KeyboardEvent, MouseEvent, PointerEvent};

use crate::core::board::{Board, CardStatus, Msg, Place};
use crate::core::set::BinId;
use crate::core::state;
use crate::core::strings::Key;
use crate::web::dom::{
    as_a, attribute, boolean, call, class, client_xy, closest, contains, document_of, element, flag, focus, is_mouse, key, main_press,
    matches, modified, number, object, pointer_id, prevent_default, prop, set_prop, window,
};
use crate::web::effects;
use crate::web::listener::{Callback, Listener};
use crate::web::store::Keeper;
use crate::web::view::{PILE, View};

/// Movement (in CSS pixels) after which a press becomes a drag.
const DRAG_THRESHOLD: i32 = 6;
/// Distance from a scrolling area's top or bottom edge within which a drag scrolls it.
const SCROLL_EDGE: f64 = 56.0;
/// Largest auto-scroll step, per tick.
const SCROLL_STEP: f64 = 18.0;
/// Auto-scroll interval in milliseconds.
const TICK_MS: i32 = 16;

/// Where a message came from: focus after a keyboard action scrolls into view, after a pointer
/// action it does not, and a tap selects rather than "picks up".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Mouse, touch or pen.
    Pointer,
    /// Keyboard (including clicks that a key press synthesised).
    Keyboard,
}

/// A press on a card that may become a drag.
struct Drag {
    card: usize,
    pointer: i32,
    /// Where the press started, in page coordinates.
    x0: i32,
    y0: i32,
    /// The pointer's latest client position.
    cx: i32,
    cy: i32,
    started: bool,
    /// How far the window may scroll down (measured when the drag starts: the dragged card's
    /// translation must not make the page longer and longer).
    max_scroll: f64,
    /// The dragged card's visible part (its title) at the start, in page coordinates: left,
    /// top, right, bottom. Its translation is held so that it stays inside the window.
    head: [f64; 4],
    /// The drop zone currently highlighted.
    over: Option<Element>,
}

/// What a widget's listeners share: the board, its view and the widget's keeper.
pub struct BoardShell {
    board: Board,
    view: View,
    keeper: Keeper,
    drag: Option<Drag>,
    /// Set after a drag, so the click the browser may send at its end selects nothing.
    suppress_click: bool,
    /// The auto-scroll timer's callback (it holds only a weak reference back to this).
    tick: Option<Callback>,
    /// The running auto-scroll timer.
    ticking: Option<i32>,
}

/// An event for the host page: its name and its detail.
pub type Told = (&'static str, JsValue);

/// What a handler leaves for the host page.
pub type Out = Option<Vec<Told>>;

/// Registers `handle` for `kind` events on `root`, sharing `inner`; the events it returns for the
/// page are dispatched on `host` once `inner` is released (the page's listeners may call back).
pub fn on<T: 'static>(
    host: &HtmlElement,
    root: &HtmlElement,
    inner: &Rc<RefCell<T>>,
    kind: &'static str,
    handle: fn(&mut T, &Event) -> Out,
) -> Listener {
    let (inner, host) = (Rc::clone(inner), host.clone());
    Listener::new(root, kind, move |e: Event| {
        // A re-entrant event (dispatched while this widget is busy) is ignored.
        let told = match inner.try_borrow_mut() {
            Ok(mut inner) => handle(&mut inner, &e),
            Err(_) => return,
        };
        for (name, detail) in told.into_iter().flatten() {
            dispatch(&host, name, &detail);
        }
    })
}

/// Registers the board's delegated listeners on `root`; events for the page go to `host`.
pub fn listen(host: &HtmlElement, root: &HtmlElement, inner: &Rc<RefCell<BoardShell>>) -> Vec<Listener> {
    let weak = Rc::downgrade(inner);
    let tick = Callback::new(move |_: Event| {
        if let Some(inner) = weak.upgrade() {
            if let Ok(mut inner) = inner.try_borrow_mut() {
                inner.tick();
            }
        }
    });
    if let Ok(mut i) = inner.try_borrow_mut() {
        i.tick = Some(tick);
    }
    vec![
        on(host, root, inner, "click", BoardShell::click),
        on(host, root, inner, "keydown", BoardShell::keydown),
        on(host, root, inner, "pointerdown", BoardShell::pointer_down),
        on(host, root, inner, "pointermove", BoardShell::pointer_move),
        on(host, root, inner, "pointerup", BoardShell::pointer_up),
        on(host, root, inner, "pointercancel", BoardShell::pointer_cancel),
        on(host, root, inner, "beforematch", BoardShell::found),
    ]
}

/// Dispatches the bubbling event `name` with `detail` on `host`.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &JsValue) {
    // A plain object rather than `CustomEventInit`'s setters: the same dictionary, two imports fewer.
    let init = object(&[("bubbles", JsValue::TRUE), ("detail", detail.clone())]);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, init.unchecked_ref()) {
        let _ = call(host, "dispatchEvent", &[event.into()]);
    }
}

/// The element an event happened on.
pub fn target(e: &Event) -> Option<Element> {
    element(e, "target")
}

/// Picking card `i` up: a tap or click selects it (and is announced as such).
fn pick(i: usize, origin: Origin) -> Msg {
    if origin == Origin::Pointer { Msg::Select(i) } else { Msg::Pick(i) }
}

/// Reads a move-menu button's `data-place`.
fn place_of(button: &Element) -> Option<Place> {
    let v = attribute(button, "data-place")?;
    if v == PILE {
        return Some(None);
    }
    v.parse().ok().map(Some)
}

impl BoardShell {
    /// Shared state for a freshly mounted widget.
    pub fn new(board: Board, view: View, keeper: Keeper) -> BoardShell {
        BoardShell { board, view, keeper, drag: None, suppress_click: false, tick: None, ticking: None }
    }

    /// The final score, once the attempt is finished.
    pub fn score(&self) -> Option<u8> {
        self.board.summary().map(|s| s.score)
    }

    /// Ends a drag in progress (the widget is going away).
    pub fn stop(&mut self) {
        if let Some(d) = self.drag.take() {
            self.end_drag(&d);
        }
        self.stop_ticker();
        self.tick = None;
    }

    /// Applies `msg`, carries out its effects, re-renders and moves focus; returns the events
    /// for the page.
    pub fn run(&mut self, msg: Msg, origin: Origin) -> Out {
        let held_before = self.board.held();
        let moved = match msg {
            Msg::Place(i, _) => Some(i),
            Msg::PlaceHeld(_) | Msg::DropOnTarget => held_before,
            _ => None,
        };
        let checks_before = self.board.checks();
        let applied = self.board.apply(msg);
        let board = &self.board;
        let done = effects::carry_out(applied, &self.keeper, |saved| saved.board = Some(state::encode(board)));
        if done.refused {
            self.view.notice(Key::StorageUnavailable);
        }
        // After a drop, focus goes to the next card still on the pile. It moves there before the
        // DOM changes: moved after, the browser restyled the board twice more within the key
        // press (once for the focused card leaving the pile, once for the focus landing; 0.3 ms
        // of a move's 8 on 1,000 cards, traced). The next card is on the pile either way, and
        // stays in view as the card above it leaves.
        let dropped = moved.filter(|_| done.saved && !done.completed && self.board.checks() == checks_before);
        let next = dropped.and_then(|i| self.board.next_on_pile(i));
        if let Some(card) = next {
            self.view.focus_card(card, true);
        }
        let lost = self.view.render(&self.board);
        if !done.said.is_empty() {
            self.view.announce(&done.said);
        }
        if done.completed {
            self.view.focus_summary();
        } else if self.board.checks() > checks_before {
            self.view.focus_report();
        } else if matches!(msg, Msg::Restart(_)) {
            self.view.focus_first(&self.board);
        } else if dropped.is_some() {
            if next.is_none() {
                // None left on the pile: to the check button, where it stands now.
                self.view.focus_check();
            }
        } else if let (Msg::Cancel, Some(i)) = (msg, held_before) {
            // Cancelled from the bar: back to the card (its buttons there are gone).
            self.view.focus_card(i, origin == Origin::Keyboard);
        } else {
            self.view.refocus(lost);
            if matches!(msg, Msg::MoveTarget(_)) {
                self.view.reveal_target(&self.board);
            }
        }
        (!done.told.is_empty()).then_some(done.told)
    }

    fn click(&mut self, e: &Event) -> Out {
        if boolean(e, "defaultPrevented") {
            return None;
        }
        let t = target(e)?;
        let detail = as_a::<MouseEvent>(e, "MouseEvent").map_or(0, |m| number(m, "detail") as i32);
        let origin = if detail == 0 { Origin::Keyboard } else { Origin::Pointer };
        let card = self.view.card_of(&t);
        if let Some(i) = self.view.linked_card(&t) {
            // A result's link: to the card's grab button, without touching the page's address.
            prevent_default(e);
            self.view.focus_card(i, true);
            return None;
        }

        if let Some(button) = closest(&t, "button") {
            if !contains(&self.view.root, &button) {
                return None;
            }
            let is = |selector: &str| matches(&button, selector);
            if is(".grab") {
                let i = card?;
                if std::mem::take(&mut self.suppress_click) || detail > 1 {
                    return None;
                }
                return self.run(pick(i, origin), origin);
            }
            if let (Some(i), true) = (card, is(".fold")) {
                self.view.toggle(i, &button, &self.board);
                return None;
            }
            if let (Some(i), Some(place)) = (card, place_of(&button)) {
                self.view.close_menu(i);
                return self.run(Msg::Place(i, place), Origin::Keyboard);
            }
            if let Some(place) = self.view.tray_place(&button) {
                return self.run(Msg::PlaceHeld(place), origin);
            }
            if is(".cancel") {
                return self.run(Msg::Cancel, origin);
            }
            if is(".bin-button") {
                let bin = self.view.bin_of(&button)?;
                return self.run(Msg::PlaceHeld(Some(bin)), origin);
            }
            if is(".pool") {
                return self.run(Msg::PlaceHeld(None), origin);
            }
            if is(".check") {
                return self.run(Msg::Check, origin);
            }
            if is(".restart") {
                return self.run(Msg::Restart(crate::web::random_seed()), origin);
            }
            return None;
        }
        // A card's own text (folded or open) is the card; its menu and the bins' essay are not.
        if closest(&t, "summary, .move-options, details.essay, .feedback.folded, a").is_some() {
            return None;
        }
        if let Some(i) = card {
            if std::mem::take(&mut self.suppress_click) || detail > 1 {
                return None;
            }
            // With another card held, a tap on a card in a bin means "into this bin".
            let held = self.board.held();
            if let (Some(h), Some(bin)) = (held, self.board.place(i)) {
                if h != i {
                    return self.run(Msg::PlaceHeld(Some(bin)), origin);
                }
            }
            return self.run(pick(i, origin), origin);
        }
        self.board.held()?;
        if let Some(bin) = self.view.bin_of(&t) {
            return self.run(Msg::PlaceHeld(Some(bin)), origin);
        }
        if self.view.in_pile(&t) {
            return self.run(Msg::PlaceHeld(None), origin);
        }
        None
    }

    /// The browser's find reveals a folded card text (`beforematch`; it removes the `hidden`
    /// itself): the card's button then says the text is open.
    fn found(&mut self, e: &Event) -> Out {
        self.view.text_found(&target(e)?);
        None
    }

    fn keydown(&mut self, e: &Event) -> Out {
        let k = as_a::<KeyboardEvent>(e, "KeyboardEvent")?;
        self.suppress_click = false;
        if modified(k) {
            return None;
        }
        let t = target(e)?;
        let key = key(k);
        let held = self.board.held();
        let on_grab = closest(&t, "button.grab").and_then(|b| self.view.card_of(&b));
        let msg = match (key.as_str(), on_grab) {
            ("Enter" | " " | "Spacebar", Some(_)) if boolean(k, "repeat") => {
                prevent_default(e);
                return None;
            }
            ("Enter", Some(i)) if held == Some(i) => Msg::DropOnTarget,
            ("Enter" | " " | "Spacebar", Some(i)) => Msg::Pick(i),
            ("ArrowRight" | "ArrowDown", Some(_)) if held.is_some() => Msg::MoveTarget(1),
            ("ArrowLeft" | "ArrowUp", Some(_)) if held.is_some() => Msg::MoveTarget(-1),
            (digit, Some(_)) if held.is_some() && self.bin_key(digit).is_some() => Msg::PlaceHeld(self.bin_key(digit)),
            ("Escape" | "Esc", _) => {
                if self.view.fold_up(&t) {
                    prevent_default(e);
                    return None;
                }
                if let Some(d) = closest(&t, "details[open]").filter(|d| contains(&self.view.root, d)) {
                    flag(&d, "open", false);
                    // Its summary: the first child of every `<details>` the views build.
                    if let Some(s) = element(&d, "firstElementChild") {
                        focus(&s, true);
                    }
                    prevent_default(e);
                    return None;
                }
                held?;
                Msg::Cancel
            }
            _ => return None,
        };
        prevent_default(e);
        self.run(msg, Origin::Keyboard)
    }

    /// The bin that key `key` drops into: the digits 1–n, bin n.
    fn bin_key(&self, key: &str) -> Option<BinId> {
        let n: usize = key.parse().ok()?;
        self.board.set().bins.get(n.checked_sub(1)?).copied()
    }

    fn pointer_down(&mut self, e: &Event) -> Out {
        let p = as_a::<PointerEvent>(e, "PointerEvent")?;
        self.suppress_click = false;
        if let Some(d) = self.drag.take() {
            self.end_drag(&d);
        }
        let mouse = is_mouse(p);
        if !main_press(p) {
            return None;
        }
        let t = target(e)?;
        let i = self.view.card_of(&t)?;
        let on_grab = closest(&t, "button.grab").is_some();
        if mouse {
            if !on_grab && closest(&t, "button, summary, .move-options, a").is_some() {
                return None;
            }
        } else if !on_grab {
            return None;
        }
        if self.board.finished() || self.board.status(i) == CardStatus::Right {
            return None;
        }
        let (cx, cy) = client_xy(p);
        let (x0, y0) = page_xy(cx, cy);
        self.drag =
            Some(Drag { card: i, pointer: pointer_id(p), x0, y0, cx, cy, started: false, max_scroll: 0.0, head: [0.0; 4], over: None });
        None
    }

    fn pointer_move(&mut self, e: &Event) -> Out {
        let p = as_a::<PointerEvent>(e, "PointerEvent")?;
        let drag = self.drag.as_mut()?;
        if pointer_id(p) != drag.pointer {
            return None;
        }
        (drag.cx, drag.cy) = client_xy(p);
        if !drag.started {
            let (x, y) = page_xy(drag.cx, drag.cy);
            let (dx, dy) = (x - drag.x0, y - drag.y0);
            if dx * dx + dy * dy <= DRAG_THRESHOLD * DRAG_THRESHOLD {
                return None;
            }
            drag.started = true;
            drag.max_scroll = max_scroll();
            let _ = call(&self.view.panel, "setPointerCapture", &[JsValue::from(pointer_id(p))]);
            class(&self.view.root, "is-dragging", true);
            if let Some(li) = self.view.card_li(drag.card) {
                class(li, "dragging", true);
                carrying(li, true);
                // Measured as it travels (the class changes its title's border).
                if let Some(grab) = element(li, "firstElementChild") {
                    let r = call(&grab, "getBoundingClientRect", &[]).unwrap_or_default();
                    let (sx, sy) = scroll_xy();
                    drag.head = [number(&r, "left") + sx, number(&r, "top") + sy, number(&r, "right") + sx, number(&r, "bottom") + sy];
                }
            }
            if let Some(selection) = window().and_then(|w| call(&w, "getSelection", &[]).ok()) {
                let _ = call(&selection, "removeAllRanges", &[]);
            }
        }
        prevent_default(e);
        self.follow();
        if self.scroll_step().is_some() {
            self.start_ticker();
        }
        None
    }

    /// Moves the dragged card under the pointer and highlights the drop zone beneath it.
    fn follow(&mut self) {
        let Some(drag) = self.drag.as_ref() else { return };
        let (x, y) = page_xy(drag.cx, drag.cy);
        if let Some(li) = self.view.card_li(drag.card) {
            // The card follows the pointer, but its title never leaves the window.
            let (sx, sy) = scroll_xy();
            let doc = prop(&prop(&window().map(JsValue::from).unwrap_or_default(), "document"), "documentElement");
            let (w, h) = (number(&doc, "clientWidth"), number(&doc, "clientHeight"));
            let [left, top, right, bottom] = drag.head;
            let dx = f64::from(x - drag.x0).min(sx + w - right).max(sx - left);
            let dy = f64::from(y - drag.y0).min(sy + h - bottom).max(sy - top);
            // Whole pixels: formatting an f64 would pull float printing into the module.
            let mut v = (dx as i32).to_string();
            v.push_str("px ");
            v.push_str(&(dy as i32).to_string());
            v.push_str("px");
            translate(li, &v);
        }
        let zone = self.zone_at(drag.cx, drag.cy).map(|(el, _)| el);
        let Some(drag) = self.drag.as_mut() else { return };
        if zone != drag.over {
            if let Some(old) = drag.over.take() {
                class(&old, "drop-target", false);
            }
            if let Some(new) = &zone {
                class(new, "drop-target", true);
            }
            drag.over = zone;
        }
    }

    /// The window's scroll a drag near its top or bottom edge asks for now (`None`: none).
    fn scroll_step(&self) -> Option<f64> {
        let drag = self.drag.as_ref().filter(|d| d.started)?;
        let w = window()?;
        let height = prop(&w, "innerHeight").as_f64()?;
        let now = number(&w, "scrollY");
        let step = edge_step(f64::from(drag.cy), 0.0, height, now, drag.max_scroll - now);
        (step != 0.0).then_some(step)
    }

    /// Starts the auto-scroll timer (the pointer may rest at the edge without moving).
    fn start_ticker(&mut self) {
        if self.ticking.is_some() {
            return;
        }
        let (Some(w), Some(tick)) = (window(), self.tick.as_ref()) else { return };
        let handle = call(&w, "setInterval", &[tick.as_ref().clone(), JsValue::from(TICK_MS)]);
        self.ticking = handle.ok().and_then(|h| h.as_f64()).map(|h| h as i32);
    }

    fn stop_ticker(&mut self) {
        if let (Some(handle), Some(w)) = (self.ticking.take(), window()) {
            let _ = call(&w, "clearInterval", &[JsValue::from(handle)]);
        }
    }

    /// One auto-scroll step while a drag rests near an edge.
    pub fn tick(&mut self) {
        let (Some(step), Some(w)) = (self.scroll_step(), window()) else {
            self.stop_ticker();
            return;
        };
        let _ = call(&w, "scrollBy", &[JsValue::from(0.0), JsValue::from(step)]);
        self.follow();
    }

    fn pointer_up(&mut self, e: &Event) -> Out {
        let p = as_a::<PointerEvent>(e, "PointerEvent")?;
        let drag = self.drag.take()?;
        if pointer_id(p) != drag.pointer {
            self.drag = Some(drag);
            return None;
        }
        if !drag.started {
            // A tap: the click that follows selects the card.
            return None;
        }
        self.drag = Some(drag);
        let (x, y) = client_xy(p);
        let zone = self.zone_at(x, y);
        let drag = self.drag.take()?;
        self.end_drag(&drag);
        self.suppress_click = true;
        let (_, place) = zone?;
        self.run(Msg::Place(drag.card, place), Origin::Pointer)
    }

    fn pointer_cancel(&mut self, e: &Event) -> Out {
        let p = as_a::<PointerEvent>(e, "PointerEvent")?;
        if self.drag.as_ref().is_some_and(|d| d.pointer == pointer_id(p)) {
            if let Some(d) = self.drag.take() {
                self.end_drag(&d);
            }
        }
        None
    }

    /// Undoes a drag's visual changes.
    fn end_drag(&mut self, drag: &Drag) {
        self.stop_ticker();
        if let Some(over) = &drag.over {
            class(over, "drop-target", false);
        }
        if !drag.started {
            return;
        }
        let _ = call(&self.view.panel, "releasePointerCapture", &[JsValue::from(drag.pointer)]);
        class(&self.view.root, "is-dragging", false);
        if let Some(li) = self.view.card_li(drag.card) {
            class(li, "dragging", false);
            carrying(li, false);
            translate(li, "");
        }
    }

    /// The drop zone under the pointer, looking through the dragged card (whatever the page's
    /// CSS does with its `pointer-events`).
    fn zone_at(&self, x: i32, y: i32) -> Option<(Element, Place)> {
        let doc = document_of(&self.view.root)?;
        let dragged = self.drag.as_ref().and_then(|d| self.view.card_li(d.card));
        let hits: js_sys::Array = call(&doc, "elementsFromPoint", &[JsValue::from(x), JsValue::from(y)]).ok()?.dyn_into().ok()?;
        let el = hits.iter().filter_map(|v| v.dyn_into::<Element>().ok()).find(|e| dragged.is_none_or(|li| !contains(li, e)))?;
        self.view.zone_of(&el)
    }
}

/// The step for a pointer at `y` in a scrolling area from `top` to `bottom` that can still move
/// `up` and `down` pixels: the nearer the edge, the faster (0: not near an edge, or no room).
fn edge_step(y: f64, top: f64, bottom: f64, up: f64, down: f64) -> f64 {
    let step = if y < top + SCROLL_EDGE {
        -((top + SCROLL_EDGE - y) / SCROLL_EDGE * SCROLL_STEP).ceil().min(up)
    } else if y > bottom - SCROLL_EDGE {
        ((y - (bottom - SCROLL_EDGE)) / SCROLL_EDGE * SCROLL_STEP).ceil().min(down)
    } else {
        0.0
    };
    if step.abs() < 1.0 { 0.0 } else { step }
}

/// A client position in page coordinates (plus the window's scroll).
fn page_xy(x: i32, y: i32) -> (i32, i32) {
    let (sx, sy) = scroll_xy();
    (x + sx as i32, y + sy as i32)
}

/// The window's scroll position.
fn scroll_xy() -> (f64, f64) {
    window().map_or((0.0, 0.0), |w| (number(&w, "scrollX"), number(&w, "scrollY")))
}

/// Sets `e`'s inline `translate` (`""` removes it): `style.translate = value`, which is
/// `style.setProperty("translate", value)`, through the property helpers (two imports fewer).
/// CSSOM, not the `style` attribute, which the pages' CSP would refuse.
fn translate(e: &Element, value: &str) {
    set_prop(&prop(e, "style"), "translate", &JsValue::from_str(value));
}

/// Marks the list that card `li` is dragged from (`carrying`): it then stops stacking its cards
/// on their own (CSS containment), so that the lists after it do not cover the travelling card.
fn carrying(li: &Element, on: bool) {
    if let Some(list) = element(li, "parentElement") {
        class(&list, "carrying", on);
    }
}

/// How far the window can scroll down now.
fn max_scroll() -> f64 {
    let Some(w) = window() else { return 0.0 };
    let height = number(&w, "innerHeight");
    let page = number(&prop(&prop(&w, "document"), "documentElement"), "scrollHeight");
    (page - height).max(0.0)
}
