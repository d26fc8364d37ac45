//! The browser shell in headless Chromium: each test mounts a widget into a fresh element and
//! drives it with real DOM events.

use std::cell::RefCell;
use std::rc::Rc;

use diary_sort::web::Widget;
use diary_sort::web::listener::Listener;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{
    CustomEvent, Document, Element, Event, HtmlElement, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit, PointerEvent,
    PointerEventInit,
};

/// Two criteria, two categories (plus the offered fallback), three excerpts, no shuffle.
const SET: &str = r#"{
  "format": 1,
  "id": "web-test",
  "lang": "en",
  "title": "Test set",
  "intro": "First paragraph.\n\nSecond paragraph.",
  "criteria": [
    {"id": "lonely", "label": "loneliness", "explanation": "feeling alone", "essay": {"section": "Isolatie en manipulatie", "footnote": 10}},
    {"id": "party", "label": "individual against party", "explanation": "opposing the party", "essay": {"section": "Isolatie en manipulatie"}}
  ],
  "categories": [
    {"id": "atomisation", "label": "atomisation", "definition": "loneliness plus a condition", "essay_says": "Loneliness alone is not atomisation.", "essay": {"section": "Isolatie en manipulatie", "footnote": 12}, "rule": {"all": ["lonely", "party"]}},
    {"id": "loneliness", "label": "loneliness", "definition": "feeling alone", "essay_says": "Many diaries show loneliness.", "essay": {"section": "Isolatie en manipulatie"}, "rule": "lonely"}
  ],
  "fallback": {"id": "none", "label": "none of these", "definition": "no rule holds", "essay_says": "Ties hold.", "essay": {"section": "Isolatie en manipulatie"}},
  "excerpts": [
    {"id": "alone", "text": "Here I am alone, all alone, like a rowing boat on the ocean.", "source": {"diarist": "A", "date": "1935", "work": "Work A", "page": "1"}, "essay": {"section": "Isolatie en manipulatie", "footnote": 10}, "evidence": [{"criterion": "lonely", "quote": "all alone"}]},
    {"id": "against", "text": "I am alone. Socialism is hot air, says the party, and I say no.", "source": {"diarist": "B", "work": "Work B"}, "essay": {"section": "Isolatie en manipulatie", "footnote": 12}, "evidence": [{"criterion": "lonely", "quote": "I am alone"}, {"criterion": "party", "quote": "Socialism is hot air"}]},
    {"id": "friends", "kind": "description", "text": "A diary tells how friends helped each other through the hard winter.", "source": {"diarist": "C", "work": "Work C"}, "essay": {"section": "Isolatie en manipulatie"}}
  ],
  "settings": {"tries": 2, "shuffle": false}
}"#;

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh host element in the page.
fn new_host() -> HtmlElement {
    let d = doc();
    let host: HtmlElement = d.create_element("div").unwrap().unchecked_into();
    d.body().unwrap().append_child(&host).unwrap();
    host
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

/// The widget, or a panic (`JsError` has no `Debug`).
fn widget_or_panic(result: Result<Widget, JsError>) -> Widget {
    match result {
        Ok(w) => w,
        Err(_) => panic!("the widget was not created"),
    }
}

/// Mounts `set` with `options`.
fn widget(host: HtmlElement, set: &str, options: JsValue) -> Widget {
    widget_or_panic(Widget::new(host, set, options))
}

/// Records the detail of every `kind` event that reaches `host`, while the listener lives.
fn record(host: &HtmlElement, kind: &'static str) -> (Listener, Rc<RefCell<Vec<JsValue>>>) {
    let seen: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let log = Rc::clone(&seen);
    let listener = Listener::new(host, kind, move |e: Event| log.borrow_mut().push(e.unchecked_into::<CustomEvent>().detail()));
    (listener, seen)
}

fn field(detail: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(detail, &name.into()).unwrap()
}

/// The recorded `answered` details as "excerpt bin expected correct check".
fn answers(seen: &RefCell<Vec<JsValue>>) -> Vec<String> {
    let d = |d: &JsValue| {
        let f = |n: &str| field(d, n);
        let (correct, check) = (f("correct").as_bool().unwrap(), f("check").as_f64().unwrap());
        let [excerpt, bin, expected] = ["excerpt", "bin", "expected"].map(|n| f(n).as_string().unwrap());
        format!("{excerpt} {bin} {expected} {correct} {check}")
    };
    seen.borrow().iter().map(d).collect()
}

/// Mounts the test set with storage off.
fn mount(host: &HtmlElement) -> Widget {
    widget(host.clone(), SET, options(&[("storage", false.into())]))
}

fn q(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
}

fn q_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

/// The accessible name of an element labelled by `aria-labelledby` (a single id).
fn labelled_name(e: &Element) -> String {
    let id = e.get_attribute("aria-labelledby").expect("aria-labelledby");
    text(&doc().get_element_by_id(&id).expect("label element"))
}

fn grab(root: &Element, card: usize) -> HtmlElement {
    q(root, &format!("li.card[data-card=\"{card}\"] button.grab")).unchecked_into()
}

fn bin_button(root: &Element, label: &str) -> HtmlElement {
    q_all(root, "button.bin-button")
        .into_iter()
        .find(|b| text(b) == label)
        .unwrap_or_else(|| panic!("no bin button {label}"))
        .unchecked_into()
}

/// The label of the bin card `i` lies in, or "pile".
fn where_is(root: &Element, card: usize) -> String {
    let li = q(root, &format!("li.card[data-card=\"{card}\"]"));
    if let Some(bin) = li.closest("section.bin").unwrap() {
        return labelled_name(&bin);
    }
    assert!(li.closest("section.pile").unwrap().is_some(), "card {card} is nowhere");
    "pile".into()
}

fn key(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&e).unwrap();
}

/// A pointer-made click (detail 1), as a tap produces.
fn tap(target: &Element) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_detail(1);
    let e = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    target.dispatch_event(&e).unwrap();
}

fn pointer(target: &Element, kind: &str, x: f64, y: f64) {
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_pointer_id(7);
    init.set_pointer_type("mouse");
    init.set_is_primary(true);
    init.set_client_x(x as i32);
    init.set_client_y(y as i32);
    init.set_button(0);
    let e = PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&e).unwrap();
}

fn root_of(host: &HtmlElement) -> Element {
    q(host, ".diary-sort")
}

#[wasm_bindgen_test]
fn renders_bins_and_cards_with_accessible_names() {
    let host = new_host();
    let _w = mount(&host);
    let root = root_of(&host);
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(text(&q(&root, "h2")), "Test set");
    assert_eq!(q_all(&root, ".intro p").len(), 2);

    let bins: Vec<String> = q_all(&root, "section.bin").iter().map(labelled_name).collect();
    assert_eq!(bins, ["atomisation", "loneliness", "none of these"]);
    let buttons: Vec<String> = q_all(&root, "section.bin h3 button.bin-button").iter().map(text).collect();
    assert_eq!(buttons, bins);
    assert_eq!(labelled_name(&q(&root, "section.pile")), "Excerpts");
    assert_eq!(text(&q(&root, "section.pile h3")), "Excerpts");

    let names: Vec<String> = q_all(&root, "section.pile li.card button.grab").iter().map(text).collect();
    assert_eq!(names, ["Here I am alone, all alone…", "I am alone. Socialism is hot…", "A diary tells how friends helped…"]);
    for g in q_all(&root, "button.grab") {
        assert_eq!(g.get_attribute("aria-pressed").as_deref(), Some("false"));
    }
    // A quotation is a blockquote; a description is marked as one, not quoted.
    assert_eq!(q_all(&root, "li.card[data-card=\"0\"] blockquote p").len(), 1);
    let desc = q(&root, "li.card[data-card=\"2\"]");
    assert!(desc.query_selector("blockquote").unwrap().is_none());
    assert_eq!(text(&q(&desc, ".kind")), "The essay’s description, not a quotation");
    assert!(text(&q(&root, "li.card[data-card=\"0\"] .source")).contains("p. 1"));

    assert_eq!(text(&q(&root, "button.check")), "Check");
    assert_eq!(text(&q(&root, ".tries")), "2 of 2 checks left.");
    let live = q(&root, "[role=status]");
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert!(q(&root, "section.summary").has_attribute("hidden"));
    // Every id in the widget is unique in the document.
    for e in q_all(&root, "[id]") {
        assert_eq!(doc().query_selector_all(&format!("[id=\"{}\"]", e.id())).unwrap().length(), 1);
    }
}

#[wasm_bindgen_test]
fn a_set_with_only_the_required_fields_shows_only_what_it_has() {
    let host = new_host();
    let w = widget(host.clone(), include_str!("../fixtures/minimal.json"), options(&[]));
    let root = root_of(&host);
    assert_eq!(w.eyebrow(), None, "no eyebrow for the page");
    assert!(q_all(&root, ".intro p").is_empty());
    assert_eq!(q_all(&root, "section.bin").len(), 3);
    // No definition, no "What the essay says", no source on a card: nothing to show.
    assert!(q_all(&root, "section.bin .definition").is_empty());
    assert!(q_all(&root, "section.bin details.essay").is_empty());
    assert!(q_all(&root, "li.card .source, li.card .source-kind").is_empty());
    assert_eq!(q_all(&root, "li.card blockquote p").len(), 6);
    // The default sets keep theirs.
    let host = new_host();
    let w = widget(host.clone(), include_str!("../../www/sets/snijders-en.json"), options(&[]));
    let root = root_of(&host);
    assert_eq!(w.eyebrow().as_deref(), Some("Sorting diaries"));
    assert_eq!(q_all(&root, "section.bin details.essay").len(), q_all(&root, "section.bin").len());
}

#[wasm_bindgen_test]
fn tap_card_then_bin_moves_it() {
    let host = new_host();
    let _w = mount(&host);
    let root = root_of(&host);
    tap(&grab(&root, 0));
    assert_eq!(grab(&root, 0).get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(text(&q(&root, "[role=status]")).starts_with("Selected: ‘Here I am alone"));
    tap(&bin_button(&root, "loneliness"));
    assert_eq!(where_is(&root, 0), "loneliness");
    assert_eq!(grab(&root, 0).get_attribute("aria-pressed").as_deref(), Some("false"));
    assert!(text(&q(&root, "[role=status]")).contains("is now in loneliness"));

    // A tap anywhere in a bin's zone places the selected card too.
    tap(&q(&root, "li.card[data-card=\"1\"] blockquote"));
    tap(&q(&root, "section.bin[data-bin=\"0\"] .definition"));
    assert_eq!(where_is(&root, 1), "atomisation");

    // And the pile's button returns it.
    tap(&grab(&root, 1));
    tap(&q(&root, "section.pile button.pool"));
    assert_eq!(where_is(&root, 1), "pile");

    // The move menu works without picking anything up; its options are there once it is opened.
    let card = q(&root, "li.card[data-card=\"2\"]");
    let menu = q(&card, "button.move-fold");
    assert_eq!(text(&menu), "Move to…");
    assert_eq!(menu.get_attribute("aria-expanded").as_deref(), Some("false"));
    menu.unchecked_ref::<HtmlElement>().click();
    assert_eq!(menu.get_attribute("aria-expanded").as_deref(), Some("true"));
    let options = q(&card, ".move-options");
    assert!(!options.has_attribute("hidden"));
    let none = q_all(&options, "button").into_iter().find(|b| text(b) == "none of these").unwrap();
    none.unchecked_ref::<HtmlElement>().click();
    assert_eq!(where_is(&root, 2), "none of these");
    assert_eq!(menu.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(options.has_attribute("hidden"));
}

#[wasm_bindgen_test]
fn keyboard_pick_arrow_enter_and_escape() {
    let host = new_host();
    let _w = mount(&host);
    let root = root_of(&host);
    let g = grab(&root, 0);
    g.focus().unwrap();
    key(&g, " ");
    assert_eq!(g.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(text(&q(&root, "[role=status]")).starts_with("Picked up:"));
    // The target starts on the first bin; arrows move it, wrapping around.
    assert!(q(&root, "section.bin[data-bin=\"0\"]").class_list().contains("kbd-target"));
    key(&g, "ArrowRight");
    assert!(q(&root, "section.bin[data-bin=\"1\"]").class_list().contains("kbd-target"));
    assert_eq!(text(&q(&root, "[role=status]")), "Target: loneliness.");
    key(&g, "ArrowLeft");
    key(&g, "ArrowUp");
    assert!(q(&root, "section.bin[data-bin=\"2\"]").class_list().contains("kbd-target"));
    key(&g, "ArrowDown");
    key(&g, "ArrowDown");
    key(&g, "Enter");
    assert_eq!(where_is(&root, 0), "loneliness");
    assert_eq!(q_all(&root, ".kbd-target").len(), 0);
    // Focus goes on to the next card on the pile.
    let focused = doc().active_element().expect("focus");
    assert!(focused.matches("section.pile button.grab").unwrap(), "{}", focused.outer_html());

    // Escape puts a held card down where it was.
    let g1 = grab(&root, 1);
    key(&g1, "Enter");
    assert_eq!(g1.get_attribute("aria-pressed").as_deref(), Some("true"));
    key(&g1, "Escape");
    assert_eq!(g1.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(where_is(&root, 1), "pile");
    assert_eq!(text(&q(&root, "[role=status]")), "Move cancelled.");

    // Held, then a bin's button (Enter on it synthesises a click).
    key(&g1, " ");
    bin_button(&root, "atomisation").click();
    assert_eq!(where_is(&root, 1), "atomisation");

    // Keys we do not handle are left alone.
    let init = KeyboardEventInit::new();
    init.set_key("Tab");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    g1.dispatch_event(&e).unwrap();
    assert!(!e.default_prevented());
}

#[wasm_bindgen_test]
fn check_shows_feedback_locks_right_cards_and_completes() {
    let host = new_host();
    let (_on_ready, ready) = record(&host, "ready");
    let (_on_answered, answered) = record(&host, "answered");
    let (_on_completed, completed) = record(&host, "completed");
    let _w = mount(&host);
    let root = root_of(&host);
    let details: Vec<(JsValue, JsValue)> = ready.borrow().iter().map(|d| (field(d, "setId"), field(d, "excerpts"))).collect();
    assert_eq!(details, [(JsValue::from_str("web-test"), JsValue::from(3))]);

    q(&root, "button.check").unchecked_ref::<HtmlElement>().click();
    assert!(text(&q(&root, "[role=status]")).contains("3 are still on the pile"));

    // 0 → loneliness (right), 1 → loneliness (wrong: atomisation), 2 → none (right).
    for (card, bin) in [(0, "loneliness"), (1, "loneliness"), (2, "none of these")] {
        tap(&grab(&root, card));
        tap(&bin_button(&root, bin));
    }
    q(&root, "button.check").unchecked_ref::<HtmlElement>().click();
    assert_eq!(
        answers(&answered),
        ["alone loneliness loneliness true 1", "against loneliness atomisation false 1", "friends none none true 1"]
    );
    let right = q(&root, "li.card[data-card=\"0\"]");
    assert!(right.class_list().contains("right"));
    // Folded to its verdict line; "Why?" opens the reasons.
    let why = q(&right, ".feedback > button.verdict");
    assert_eq!(text(&why), "Right.Why?");
    assert_eq!(why.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(q(&right, ".feedback > .reasons").get_attribute("hidden").as_deref(), Some("until-found"));
    why.unchecked_ref::<HtmlElement>().click();
    assert_eq!(why.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!q(&right, ".feedback > .reasons").has_attribute("hidden"));
    assert_eq!(grab(&root, 0).get_attribute("aria-disabled").as_deref(), Some("true"));
    assert!(q(&right, "button.move-fold").has_attribute("hidden"));
    let wrong = q(&root, "li.card[data-card=\"1\"]");
    assert!(wrong.class_list().contains("wrong"));
    assert_eq!(text(&q(&wrong, ".feedback .verdict")), "Not right yet.");
    assert!(wrong.query_selector(".feedback q").unwrap().is_some(), "feedback quotes the excerpt");
    assert_eq!(text(&q(&root, ".tries")), "1 of 2 checks left.");
    assert!(completed.borrow().is_empty());

    // A locked card does not move.
    tap(&grab(&root, 0));
    assert_eq!(grab(&root, 0).get_attribute("aria-pressed").as_deref(), Some("false"));

    tap(&grab(&root, 1));
    tap(&bin_button(&root, "atomisation"));
    // Moved since the check: its old feedback is gone.
    assert!(root.query_selector("li.card[data-card=\"1\"] .feedback").unwrap().is_none());
    q(&root, "button.check").unchecked_ref::<HtmlElement>().click();
    let summary = q(&root, "section.summary");
    assert!(!summary.has_attribute("hidden"));
    assert_eq!(labelled_name(&summary), "Result");
    assert!(text(&summary).contains("Score:"));
    assert!(q(&root, "button.check").has_attribute("hidden"));
    // Only the card this check judged is answered again; then the attempt is completed, once.
    assert_eq!(answers(&answered)[3..], ["against atomisation atomisation true 2"]);
    let detail = completed.borrow().first().cloned().expect("completed event");
    assert_eq!(completed.borrow().len(), 1);
    let score = field(&detail, "score").as_f64().unwrap();
    assert!(score > 0.0 && score < 100.0, "score {score}");
    assert_eq!(field(&detail, "passed").as_bool(), Some(score >= 60.0));
    assert_eq!(_w.score(), Some(score as u8));

    // Start again: everything back on the pile, the summary hidden.
    q(&root, "button.restart").unchecked_ref::<HtmlElement>().click();
    assert!(summary.has_attribute("hidden"));
    for i in 0..3 {
        assert_eq!(where_is(&root, i), "pile");
    }
    assert_eq!(_w.score(), None);
    assert_eq!(ready.borrow().len(), 1, "a restart is no new widget");
}

#[wasm_bindgen_test]
fn a_set_that_could_not_be_fetched_says_so_in_the_page_language() {
    let d = doc();
    let english = d.create_element("div").unwrap();
    english.set_attribute("lang", "en-GB").unwrap();
    d.body().unwrap().append_child(&english).unwrap();
    let host: HtmlElement = d.create_element("div").unwrap().unchecked_into();
    english.append_child(&host).unwrap();
    let (_on_ready, ready) = record(&host, "ready");
    let w = widget_or_panic(Widget::fetch_failed(host.clone(), "sets/gone.json", "HTTP 404", JsValue::UNDEFINED));
    let panel = q(&root_of(&host), ".load-failed[role=alert]");
    assert_eq!(text(&q(&panel, "p")), "This exercise set could not be fetched:");
    assert_eq!(q_all(&panel, "li").iter().map(text).collect::<Vec<_>>(), ["sets/gone.json: HTTP 404"]);
    assert!(ready.borrow().is_empty(), "no exercise, so no ready");
    drop(w);
    assert_eq!(host.child_element_count(), 0);

    // The options' language wins over the page's.
    let nl = options(&[("lang", "nl".into())]);
    let w = widget_or_panic(Widget::fetch_failed(host.clone(), "x.json", "Failed to fetch", nl));
    assert_eq!(text(&q(&root_of(&host), ".load-failed p")), "Deze oefenset kon niet worden opgehaald:");
    drop(w);

    // The reader's languages (the first one we have) win over the page's; `lang` over both.
    let languages = |tags: &[&str]| JsValue::from(tags.iter().map(|t| JsValue::from_str(t)).collect::<js_sys::Array>());
    let w = widget_or_panic(Widget::fetch_failed(
        host.clone(),
        "x.json",
        "HTTP 404",
        options(&[("browserLanguages", languages(&["de-DE", "nl-BE"]))]),
    ));
    assert_eq!(text(&q(&root_of(&host), ".load-failed p")), "Deze oefenset kon niet worden opgehaald:");
    drop(w);
    let asked = options(&[("browserLanguages", languages(&["nl"])), ("lang", "en".into())]);
    let w = widget_or_panic(Widget::fetch_failed(host.clone(), "x.json", "HTTP 404", asked));
    assert_eq!(text(&q(&root_of(&host), ".load-failed p")), "This exercise set could not be fetched:");
    drop(w);
    english.remove();
}

#[wasm_bindgen_test]
fn mouse_drag_places_the_card_under_the_pointer() {
    let host = new_host();
    let _w = mount(&host);
    let root = root_of(&host);
    let card = q(&root, "li.card[data-card=\"0\"]");
    let target = q(&root, "section.bin[data-bin=\"1\"]");
    target.scroll_into_view();
    let from = card.get_bounding_client_rect();
    let (x0, y0) = (from.left() + 20.0, from.top() + 10.0);
    pointer(&card, "pointerdown", x0, y0);
    pointer(&card, "pointermove", x0 + 3.0, y0 + 2.0);
    assert!(!card.class_list().contains("dragging"), "within the threshold");
    let to = target.get_bounding_client_rect();
    let (x1, y1) = (to.left() + 10.0, to.top() + 10.0);
    pointer(&root, "pointermove", x1, y1);
    assert!(card.class_list().contains("dragging"));
    assert!(target.class_list().contains("drop-target"));
    pointer(&root, "pointerup", x1, y1);
    assert!(!card.class_list().contains("dragging"));
    assert_eq!(q_all(&root, ".drop-target").len(), 0);
    assert_eq!(where_is(&root, 0), "loneliness");
    let style = card.unchecked_ref::<HtmlElement>().style();
    assert_eq!(style.get_property_value("translate").unwrap(), "");
}

#[wasm_bindgen_test]
fn a_set_with_errors_shows_its_problems() {
    let host = new_host();
    let bad = SET.replace("\"label\": \"atomisation\"", "\"lable\": \"atomisation\"");
    let _w = widget(host.clone(), &bad, options(&[("storage", false.into())]));
    let root = root_of(&host);
    assert_eq!(root.get_attribute("data-ready").as_deref(), Some("true"));
    let panel = q(&root, ".load-failed");
    assert_eq!(text(&q(&panel, "p")), "This exercise set cannot be loaded. The set’s author needs to fix this:");
    let problems: Vec<String> = q_all(&panel, "li").iter().map(text).collect();
    assert!(!problems.is_empty());
    assert!(problems.iter().any(|p| p.contains("categories[0]")), "{problems:?}");

    // Broken JSON: one problem with line and column; the interface language, its message's too,
    // follows options.
    let host2 = new_host();
    let _w2 = widget(host2.clone(), "{\n  \"format\": 1,\n  oops\n}", options(&[("lang", "nl".into())]));
    let panel = q(&root_of(&host2), ".load-failed");
    assert!(text(&q(&panel, "p")).starts_with("Deze oefenset kan niet worden geladen"));
    let first = text(&q(&panel, "li"));
    assert_eq!(
        first,
        "3:3: dit is geen geldige JSON: hier hoort een veldnaam tussen dubbele aanhalingstekens, maar er staat `oops`; \
         is dit tekst zonder dubbele aanhalingstekens eromheen?",
        "the problem in the interface language, Dutch"
    );
}

#[wasm_bindgen_test]
fn two_widgets_are_independent() {
    let (h1, h2) = (new_host(), new_host());
    let _a = mount(&h1);
    let _b = mount(&h2);
    let (r1, r2) = (root_of(&h1), root_of(&h2));
    tap(&grab(&r1, 0));
    assert_eq!(grab(&r2, 0).get_attribute("aria-pressed").as_deref(), Some("false"));
    tap(&bin_button(&r2, "atomisation"));
    assert_eq!(where_is(&r1, 0), "pile", "a bin of widget 2 does not take widget 1's card");
    tap(&bin_button(&r1, "atomisation"));
    assert_eq!(where_is(&r1, 0), "atomisation");
    assert_eq!(where_is(&r2, 0), "pile");
    let ids1: Vec<String> = q_all(&r1, "[id]").iter().map(|e| e.id()).collect();
    for id in ids1 {
        assert!(r2.query_selector(&format!("[id=\"{id}\"]")).unwrap().is_none(), "shared id {id}");
    }
}

#[wasm_bindgen_test]
fn dropping_the_widget_removes_its_dom_and_listeners() {
    let host = new_host();
    let w = mount(&host);
    let root = root_of(&host);
    let g = grab(&root, 0);
    drop(w);
    assert_eq!(host.child_element_count(), 0);
    // Put the old DOM back: nothing listens any more.
    host.append_child(&root).unwrap();
    tap(&g);
    key(&g, " ");
    assert_eq!(g.get_attribute("aria-pressed").as_deref(), Some("false"));
    root.remove();

    // destroy() does the same.
    let w = mount(&host);
    w.destroy();
    assert_eq!(host.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn attempts_resume_from_storage_and_bad_states_reset() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key_name = format!("diary-sort-test:{}", js_sys::Math::random());
    let opts = || options(&[("storageKey", key_name.as_str().into()), ("seed", 7.into())]);

    let h1 = new_host();
    let w1 = widget(h1.clone(), SET, opts());
    let r1 = root_of(&h1);
    assert!(q_all(&r1, ".notice").is_empty());
    tap(&grab(&r1, 2));
    tap(&bin_button(&r1, "none of these"));
    drop(w1);
    assert!(storage.get_item(&key_name).unwrap().is_some());

    let h2 = new_host();
    let _w2 = widget(h2.clone(), SET, opts());
    let r2 = root_of(&h2);
    assert_eq!(where_is(&r2, 2), "none of these");
    let notices: Vec<String> = q_all(&r2, ".notice").iter().map(text).collect();
    assert_eq!(notices, ["Your previous attempt has been restored."]);

    storage.set_item(&key_name, "not a state").unwrap();
    let h3 = new_host();
    let _w3 = widget(h3.clone(), SET, opts());
    let r3 = root_of(&h3);
    assert_eq!(where_is(&r3, 2), "pile");
    let notices: Vec<String> = q_all(&r3, ".notice").iter().map(text).collect();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].starts_with("Your saved attempt belongs to another version"));
    storage.remove_item(&key_name).unwrap();
}

#[wasm_bindgen_test]
fn statechange_gives_the_state_and_the_state_option_resumes_it_over_storage() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key_name = format!("diary-sort-test:{}", js_sys::Math::random());
    let opts = |state: Option<&str>| {
        let mut pairs = vec![("storageKey", JsValue::from_str(&key_name)), ("seed", 7.into())];
        if let Some(state) = state {
            pairs.push(("state", state.into()));
        }
        options(&pairs)
    };
    let h1 = new_host();
    let (_ready, ready) = record(&h1, "ready");
    let (_changes, changes) = record(&h1, "statechange");
    let w1 = widget(h1.clone(), SET, opts(None));
    let r1 = root_of(&h1);
    let fresh = field(&ready.borrow()[0], "state").as_string().unwrap();
    let bins: Vec<String> = js_sys::Array::from(&field(&ready.borrow()[0], "bins")).iter().filter_map(|b| b.as_string()).collect();
    assert_eq!(bins, ["atomisation", "loneliness", "none"]);
    assert_eq!(field(&ready.borrow()[0], "passMark"), JsValue::from(60));
    tap(&grab(&r1, 2));
    assert!(changes.borrow().is_empty(), "picking a card up changes no state");
    tap(&bin_button(&r1, "none of these"));
    let moved = field(changes.borrow().last().unwrap(), "state").as_string().unwrap();
    assert_ne!(moved, fresh);
    assert_eq!(storage.get_item(&key_name).unwrap().as_deref(), Some(moved.as_str()), "the same string is stored");
    drop(w1);

    // Storage holds the moved attempt; the state option (the fresh one) wins, and is stored.
    let h2 = new_host();
    let _w2 = widget(h2.clone(), SET, opts(Some(&fresh)));
    let r2 = root_of(&h2);
    assert_eq!(where_is(&r2, 2), "pile");
    assert!(q_all(&r2, ".notice").is_empty(), "nothing done yet: no 'restored' notice for an attempt with nothing in it");
    assert_eq!(storage.get_item(&key_name).unwrap().as_deref(), Some(fresh.as_str()));

    // A state of another version of the set starts afresh with the reset notice.
    let h3 = new_host();
    let _w3 = widget(h3.clone(), SET, opts(Some("1.0123456789abcdef.7.0.---.---.000")));
    let notices: Vec<String> = q_all(&root_of(&h3), ".notice").iter().map(text).collect();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].starts_with("Your saved attempt belongs to another version"));
    storage.remove_item(&key_name).unwrap();
}

#[wasm_bindgen_test]
fn an_empty_state_starts_afresh_and_a_storage_scope_keeps_attempts_apart() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key_name = format!("diary-sort-test:{}", js_sys::Math::random());
    let opts = |scope: &str, state: Option<&str>| {
        let mut pairs = vec![("storageKey", JsValue::from_str(&key_name)), ("storageScope", scope.into()), ("seed", 7.into())];
        if let Some(state) = state {
            pairs.push(("state", state.into()));
        }
        options(&pairs)
    };
    let h1 = new_host();
    let w1 = widget(h1.clone(), SET, opts("alice", None));
    tap(&grab(&root_of(&h1), 2));
    tap(&bin_button(&root_of(&h1), "none of these"));
    drop(w1);
    assert!(storage.get_item(&format!("{key_name}:alice")).unwrap().is_some(), "kept under the scope");
    // Another scope: nothing of Alice's.
    let h2 = new_host();
    let _w2 = widget(h2.clone(), SET, opts("bob", None));
    assert_eq!(where_is(&root_of(&h2), 2), "pile");
    assert!(q_all(&root_of(&h2), ".notice").is_empty());
    // Alice's own scope with an empty state (an LMS's new attempt): afresh, and stored so.
    let h3 = new_host();
    let _w3 = widget(h3.clone(), SET, opts("alice", Some("")));
    assert_eq!(where_is(&root_of(&h3), 2), "pile");
    assert!(q_all(&root_of(&h3), ".notice").is_empty());
    let h4 = new_host();
    let _w4 = widget(h4.clone(), SET, opts("alice", None));
    assert_eq!(where_is(&root_of(&h4), 2), "pile", "the new attempt replaced the old one");
    for scope in ["alice", "bob"] {
        storage.remove_item(&format!("{key_name}:{scope}")).unwrap();
    }
}

#[wasm_bindgen_test]
fn options_of_the_wrong_shape_are_an_error() {
    let host = new_host();
    let err = Widget::new(host.clone(), SET, options(&[("seed", "seven".into())]));
    assert!(err.is_err());
    let err = Widget::new(host.clone(), SET, options(&[("browserLanguages", "en".into())]));
    assert!(err.is_err(), "browserLanguages is a list");
    assert_eq!(host.child_element_count(), 0);
}

#[wasm_bindgen_test]
fn a_refusing_storage_leaves_the_attempt_in_memory_with_one_notice() {
    // Every write throws, as with a full quota or a sandboxed frame.
    let proto = js_sys::Reflect::get(&js_sys::global(), &"Storage".into()).unwrap();
    let proto = js_sys::Reflect::get(&proto, &"prototype".into()).unwrap();
    let original = js_sys::Reflect::get(&proto, &"setItem".into()).unwrap();
    let refuse = js_sys::Function::new_no_args("throw new DOMException('full', 'QuotaExceededError');");
    js_sys::Reflect::set(&proto, &"setItem".into(), &refuse).unwrap();

    let host = new_host();
    let key_name = format!("diary-sort-test:{}", js_sys::Math::random());
    let w = widget(host.clone(), SET, options(&[("storageKey", key_name.as_str().into())]));
    let root = root_of(&host);
    tap(&grab(&root, 0));
    tap(&bin_button(&root, "loneliness"));
    tap(&grab(&root, 1));
    tap(&bin_button(&root, "atomisation"));
    js_sys::Reflect::set(&proto, &"setItem".into(), &original).unwrap();

    assert_eq!(where_is(&root, 0), "loneliness");
    assert_eq!(where_is(&root, 1), "atomisation");
    let notices: Vec<String> = q_all(&root, ".notice").iter().map(text).collect();
    assert_eq!(notices, ["This browser does not keep your progress; it is kept only while this page stays open."]);
    drop(w);
}
