//! The widget's DOM: built once from the set, then brought up to date from the session after
//! every message. Updates are keyed by card: each card keeps its one `<li>` for the whole
//! attempt and is moved between the pile's and the bins' lists, so keyboard focus survives a
//! move (and is put back on the card's grab button when the move took it away). A render
//! touches only what changed: the moved card's `<li>`, two counts, the bar.
//!
//! Every visible or announced sentence comes from [`crate::core::strings`] or from the set;
//! set text is only ever inserted as text (`set_text_content` / text nodes), never as HTML.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use crate::core::board::{Board, CardStatus, Place};
use crate::core::exercise::Summary;
use crate::core::feedback::{Feedback, Verdict};
use crate::core::set::{BinId, ExcerptKind, Set};
use crate::core::strings::{Key, Lang};
use crate::web::dom::Ui;
use crate::web::dom::{
    Dom, attr, attribute, class, closest, contains, element, essay_ref, flag, focus, hide, insert_before, paragraphs, remove, reveal,
};

/// The value of a move-menu button's `data-place` that means "back to the pile".
pub const PILE: &str = "pile";

/// The most cards in one `<ul>`: a zone's cards are split by their place in the display order
/// (positions 0–24 in the zone's first list, 25–49 in its second, …), each list laid out on its
/// own (CSS layout containment), so that on a long board a move lays out and pre-paints the two
/// lists it changes and shifts the others whole, not every card (per card, that was most of a
/// move's 80 ms on 1,000 cards).
const CHUNK: usize = 25;

/// A bin's elements.
struct BinView {
    bin: BinId,
    section: Element,
    /// The heading with the bin's button and count.
    head: Element,
    empty: Element,
    /// The count beside the bin's name, and the number it shows.
    count: Element,
    counted: Option<usize>,
}

/// A drop zone's cards (the pile's or a bin's): `<ul class="cards">` lists in a
/// `<div class="card-lists">`, list k holding the zone's cards at display positions
/// k·[`CHUNK`] to (k+1)·[`CHUNK`] − 1, made when first needed and hidden while empty.
struct Lists {
    holder: Element,
    lists: Vec<Option<Element>>,
    /// Cards in each list, and in the zone.
    counts: Vec<usize>,
    total: usize,
}

impl Lists {
    fn new(dom: &Dom, parent: &Element, cards: usize) -> Lists {
        let holder = dom.child(parent, "div", "card-lists", "");
        hide(&holder, true);
        let n = cards.div_ceil(CHUNK);
        Lists { holder, lists: vec![None; n], counts: vec![0; n], total: 0 }
    }

    /// List `k`, made (in its place among the others) if it is not there yet.
    fn list(&mut self, dom: &Dom, k: usize) -> Option<Element> {
        if let Some(list) = self.lists.get(k)?.as_ref() {
            return Some(list.clone());
        }
        let list = dom.el("ul", "cards");
        let next = self.lists.get(k + 1..).and_then(|after| after.iter().flatten().next());
        insert_before(&self.holder, &list, next);
        self.lists[k] = Some(list.clone());
        Some(list)
    }

    /// Counts a card in (`arrived`) or out of list `k`; the list, and the zone's lists, are
    /// shown when their first card arrives and hidden when their last one leaves.
    fn count(&mut self, k: usize, arrived: bool) {
        let (Some(n), Some(Some(list))) = (self.counts.get_mut(k), self.lists.get(k)) else { return };
        let (was, total) = (*n, self.total);
        *n = if arrived { was + 1 } else { was.saturating_sub(1) };
        self.total = if arrived { total + 1 } else { total.saturating_sub(1) };
        if (was == 0) != (*n == 0) {
            hide(list, *n == 0);
        }
        if (total == 0) != (self.total == 0) {
            hide(&self.holder, self.total == 0);
        }
    }

    /// Forgets every card (before all are put again): all lists hidden, counted empty.
    fn clear(&mut self) {
        for (list, n) in self.lists.iter().zip(&mut self.counts) {
            if let Some(list) = list {
                hide(list, true);
            }
            *n = 0;
        }
        self.total = 0;
        hide(&self.holder, true);
    }
}

/// A card's elements and what they currently show.
struct CardView {
    li: Element,
    /// Where its `<li>` is: (zone, list), the zone 0 for the pile and k + 1 for bin k.
    at: Option<(usize, usize)>,
    grab: HtmlElement,
    /// The card's text and its fold button (folded once the card is placed; its title stays).
    text: Fold,
    /// The move menu's button, whether it is open, and its box of buttons with the place each
    /// one moves to (none until the menu is first opened).
    menu: Element,
    menu_open: bool,
    options_box: Option<Element>,
    options: Vec<(Place, Element)>,
    /// The feedback shown, its block, and for a right card the fold of its reasons.
    feedback: Option<(Feedback, Element, Option<Fold>)>,
    /// What the card's DOM shows now: (status, place, held, locked, checks used). A render
    /// leaves a card alone while this stays the same, so that a move touches two or three
    /// cards, not all of them (with 1,000 cards, updating every one took most of a move).
    shown: Option<(CardStatus, Place, bool, bool, u8)>,
}

/// A fold button (`aria-expanded`) and the text it opens: a card's text, a right card's reasons.
/// Not a `<details>`: 2,000 of them (their shadow trees) cost a 1,000-card board 5 ms of every
/// move's style update.
struct Fold {
    button: Element,
    region: Element,
    open: bool,
}

impl Fold {
    /// A fold button (classes `fold` and `kind`) with `label`, then the region it opens
    /// (class `region_class`), folded, appended to `parent`.
    fn new(dom: &Dom, parent: &Element, kind: &str, label: &str, region_class: &str) -> Fold {
        let button = dom.button(parent, &["fold ", kind].concat(), label).unchecked_into();
        let region = dom.child(parent, "div", region_class, "");
        let mut fold = Fold { button, region, open: true };
        fold.show(false);
        fold
    }

    /// Opens or folds the text. Folded, it is `hidden="until-found"`: out of sight and of the
    /// accessibility tree, as a closed `<details>`'s content is, but searched by the browser's
    /// find, which opens it (`beforematch`: [`View::text_found`]).
    fn show(&mut self, open: bool) {
        if open == self.open {
            return;
        }
        if open {
            flag(&self.region, "hidden", false);
        } else {
            attr(&self.region, "hidden", "until-found");
        }
        attr(&self.button, "aria-expanded", if open { "true" } else { "false" });
        self.open = open;
    }

    /// Whether `e` is its button or inside its text.
    fn holds(&self, e: &Element) -> bool {
        self.button == *e || contains(&self.region, e)
    }
}

impl CardView {
    /// The card's folds: its text's, and a right card's reasons'.
    fn folds(&mut self) -> impl Iterator<Item = &mut Fold> {
        std::iter::once(&mut self.text).chain(self.feedback.as_mut().and_then(|(_, _, f)| f.as_mut()))
    }

    /// Opens or folds the move menu (once its options are built).
    fn show_menu(&mut self, open: bool) {
        let Some(box_) = &self.options_box else { return };
        hide(box_, !open);
        attr(&self.menu, "aria-expanded", if open { "true" } else { "false" });
        self.menu_open = open;
    }
}

/// The result of the last check: which check, and the cards it found wrong.
type Reported = (u8, Vec<usize>);

/// The widget's DOM.
pub struct View {
    dom: Dom,
    ui: Ui,
    /// The widget root `<div class="diary-sort">` (it carries the board's state classes).
    pub root: HtmlElement,
    /// Where the board is built: the root, or the board's tab panel. Its listeners are
    /// registered here, and a drag captures the pointer here.
    pub panel: HtmlElement,
    prefix: String,
    notices: Element,
    live: Element,
    /// The bar under the board (status, the bins while a card is held, the check).
    bar: Element,
    pile: Element,
    /// The pile's heading row (with its button, shown while a card is held).
    pile_head: Element,
    pile_empty: Element,
    bins: Vec<BinView>,
    /// The pile's lists, then each bin's.
    zones: Vec<Lists>,
    cards: Vec<CardView>,
    /// The display order the lists were filled in, and each card's position in it.
    order: Vec<usize>,
    positions: Vec<usize>,
    /// The first card on the pile, whose text is shown unasked.
    current: Option<usize>,
    /// The bar's bins, shown while a card is held: (place, button).
    tray: Vec<(Place, Element)>,
    check: Element,
    check_why: Element,
    tries: Element,
    tries_shown: Option<(u8, u8)>,
    report: Element,
    report_heading: HtmlElement,
    report_body: Element,
    reported: Option<Reported>,
    summary: Element,
    summary_heading: HtmlElement,
    summary_body: Element,
    summary_shown: Option<Summary>,
}

/// Builds the panel shown instead of the exercise when there is no set to show: the sentence
/// `lead` (why), then each of `problems` (a set's problems, or the address that failed).
pub fn failed(doc: &Document, ui: &Ui, lead: Key, problems: &[String]) -> HtmlElement {
    let dom = Dom { doc: doc.clone(), set_lang: None };
    let root = bare_frame(&dom, ui.lang());
    let panel = dom.child(&root, "div", "load-failed", "");
    attr(&panel, "role", "alert");
    dom.child(&panel, "p", "", ui.get(lead));
    let list = dom.child(&panel, "ul", "problems", "");
    for problem in problems {
        dom.child(&list, "li", "", problem);
    }
    attr(&root, "data-ready", "true");
    root.unchecked_into()
}

/// The widget's root `<div class="diary-sort">` with what every mode shows first: the set's
/// title and its introduction, folded (a phone's first screen shows the task, not the essay's
/// opening). `dom` marks set text with the set's language.
pub fn frame(dom: &Dom, ui: &Ui, set: &Set) -> HtmlElement {
    let root = dom.el("div", "diary-sort");
    attr(&root, "lang", ui.code());
    let title = dom.child(&root, "h2", "title", &set.file.title);
    dom.set_text(&title);
    let intro = dom.child(&root, "details", "intro", "");
    dom.child(&intro, "summary", "", ui.get(Key::IntroSummary));
    let text = dom.child(&intro, "div", "intro-text", "");
    dom.set_text(&text);
    dom.paragraphs(&text, "", &set.file.intro);
    root.unchecked_into()
}

/// The widget's root in interface language `lang`, empty: for what is shown without a set.
pub fn bare_frame(dom: &Dom, lang: Lang) -> HtmlElement {
    let root = dom.el("div", "diary-sort");
    attr(&root, "lang", lang.code());
    root.unchecked_into()
}

/// DOM helpers for `set` shown in interface language `ui`.
pub fn dom_for(doc: &Document, ui: &Ui, set: &Set) -> Dom {
    let set_lang = (set.file.lang != ui.lang()).then(|| set.file.lang.code());
    Dom { doc: doc.clone(), set_lang }
}

impl View {
    /// Builds the board for `session` into `parent`, which is `root` (the widget's root, from
    /// [`frame`]) or an element inside it; not yet rendered.
    pub fn build(dom: Dom, prefix: &str, session: &Board, root: &HtmlElement, parent: &Element) -> View {
        let set: &Set = session.set();
        let ui = Ui::new(set, session.lang());
        let t = |key: Key| ui.get(key);
        let id = |suffix: &str| [prefix, suffix].concat();

        let root = root.clone();
        let board_parent = parent;
        // The task in one line; how it works (tap, drag, "Move to…", the keys) folded under it.
        dom.child(board_parent, "p", "task", t(Key::Task));
        let how = dom.child(board_parent, "details", "how", "");
        dom.child(&how, "summary", "", t(Key::HowTo));
        dom.child(&how, "p", "instructions", &ui.text(Key::Instructions, &[("n", &set.bins.len().to_string())]));
        let notices = dom.child(board_parent, "div", "notices", "");

        // The summary, filled when the attempt ends, and the last check's result.
        let summary = dom.child(board_parent, "section", "summary", "");
        let sum_id = id("-summary");
        attr(&summary, "aria-labelledby", &sum_id);
        hide(&summary, true);
        let summary_heading: HtmlElement = dom.child(&summary, "h3", "", t(Key::Summary)).unchecked_into();
        attr(&summary_heading, "id", &sum_id);
        attr(&summary_heading, "tabindex", "-1");
        let summary_body = dom.child(&summary, "div", "summary-body", "");
        dom.button(&summary, "restart", t(Key::Restart));
        let (report, report_heading, report_body) = Self::zone(&dom, board_parent, "report", &id("-report"));
        hide(&report, true);

        let board = dom.child(board_parent, "div", "board", "");

        // The pile.
        let pile = dom.child(&board, "section", "pile", "");
        let pile_id = id("-pile");
        attr(&pile, "aria-labelledby", &pile_id);
        let head = dom.child(&pile, "div", "zone-head", "");
        let h = dom.child(&head, "h3", "", t(Key::Pool));
        attr(&h, "id", &pile_id);
        dom.button(&head, "pool", t(Key::PoolButton));
        let pile_empty = dom.child(&pile, "p", "empty", t(Key::PoolEmpty));
        let mut zones = Vec::with_capacity(set.bins.len() + 1);
        zones.push(Lists::new(&dom, &pile, set.len()));

        // The bins: each one's name (its button) and count stay at the top of the screen while
        // its cards scroll by.
        let bins_box = dom.child(&board, "div", "bins", "");
        let mut bins = Vec::with_capacity(set.bins.len());
        for &bin in &set.bins {
            let info = set.bin(bin);
            let n = bin.to_string();
            let section = dom.child(&bins_box, "section", "bin", "");
            attr(&section, "data-bin", &n);
            let label_id = id(&["-bin", &n].concat());
            attr(&section, "aria-labelledby", &label_id);
            let h = dom.child(&section, "h3", "", "");
            let b = dom.button(&h, "bin-button", info.label);
            attr(&b, "id", &label_id);
            dom.set_text(&b);
            let count = dom.child(&h, "span", "count", "");
            // The definition and "What the essay says", when the set gives them.
            if !info.definition.is_empty() {
                let def = dom.child(&section, "p", "definition", info.definition);
                dom.set_text(&def);
            }
            if !info.essay_says.is_empty() || info.essay.is_some() {
                let details = dom.child(&section, "details", "essay", "");
                dom.child(&details, "summary", "", t(Key::EssaySays));
                let says = dom.child(&details, "div", "says", "");
                dom.set_text(&says);
                dom.paragraphs(&says, "", info.essay_says);
                if let Some(essay) = info.essay {
                    let r = dom.child(&details, "p", "ref", "");
                    dom.child(&r, "cite", "", &essay_ref(&ui, essay));
                }
            }
            let empty = dom.child(&section, "p", "empty", t(Key::BinEmpty));
            zones.push(Lists::new(&dom, &section, set.len()));
            bins.push(BinView { bin, section, head: h, empty, count, counted: None });
        }

        // The cards, made in the set's order; the first render puts them in their lists. Loops
        // rather than collecting: 0.9 KB less of the module.
        let mut cards = Vec::with_capacity(set.len());
        for i in 0..set.len() {
            cards.push(Self::card(&dom, &ui, prefix, session, i));
        }

        // The bar: status line, the bins while a card is held (numbered as their keys), checks
        // left, the check button and why it waits.
        let bar = dom.child(board_parent, "div", "bar", "");
        let live = dom.live_region(&bar, "status");
        let tray_box = dom.child(&bar, "div", "tray", "");
        attr(&tray_box, "role", "group");
        let tray_id = id("-tray");
        attr(&tray_box, "aria-labelledby", &tray_id);
        attr(&dom.child(&tray_box, "span", "tray-label", t(Key::Tray)), "id", &tray_id);
        let tray = Self::place_buttons(&dom, &ui, &tray_box, set, true);
        dom.button(&tray_box, "cancel", t(Key::CancelMove));
        let tries = dom.child(&bar, "p", "tries", "");
        let check_why = dom.child(&bar, "p", "check-why", t(Key::CheckWaits));
        let why_id = id("-check-why");
        attr(&check_why, "id", &why_id);
        let check = dom.button(&bar, "check", t(Key::Check)).unchecked_into();
        attr(&check, "aria-describedby", &why_id);

        View {
            dom,
            ui,
            root,
            panel: parent.clone().unchecked_into(),
            prefix: prefix.to_string(),
            notices,
            live,
            bar,
            pile,
            pile_head: head,
            pile_empty,
            bins,
            zones,
            cards,
            order: Vec::new(),
            positions: Vec::new(),
            current: None,
            tray,
            check,
            check_why,
            tries,
            tries_shown: None,
            report,
            report_heading,
            report_body,
            reported: None,
            summary,
            summary_heading,
            summary_body,
            summary_shown: None,
        }
    }

    /// A `<section>` with class `class` labelled by its focusable heading `heading_id`; returns
    /// the section, the heading and the body under it.
    fn zone(dom: &Dom, parent: &Element, class: &str, heading_id: &str) -> (Element, HtmlElement, Element) {
        let section = dom.child(parent, "section", class, "");
        attr(&section, "aria-labelledby", heading_id);
        let heading: HtmlElement = dom.child(&section, "h3", "", "").unchecked_into();
        attr(&heading, "id", heading_id);
        attr(&heading, "tabindex", "-1");
        let body = dom.child(&section, "div", "", "");
        (section, heading, body)
    }

    /// A button per bin in `parent` (headed by its digit key when `numbered`), then one back to
    /// the pile; each with the place it stands for.
    fn place_buttons(dom: &Dom, ui: &Ui, parent: &Element, set: &Set, numbered: bool) -> Vec<(Place, Element)> {
        let mut buttons = Vec::with_capacity(set.bins.len() + 1);
        for (k, &bin) in set.bins.iter().enumerate() {
            let b = dom.button(parent, "", "");
            if numbered {
                dom.child(&b, "kbd", "", &(k + 1).to_string());
            }
            let label = dom.child(&b, "span", "", set.bin(bin).label);
            dom.set_text(&label);
            attr(&b, "data-place", &bin.to_string());
            buttons.push((Some(bin), b.unchecked_into()));
        }
        let b = dom.button(parent, "to-pile", ui.get(Key::PoolButton));
        attr(&b, "data-place", PILE);
        buttons.push((None, b.unchecked_into()));
        buttons
    }

    /// Card `i`'s grab button's id (the result's links point at it).
    fn card_id(prefix: &str, i: usize) -> String {
        [prefix, "-card", &i.to_string()].concat()
    }

    fn card(dom: &Dom, ui: &Ui, prefix: &str, session: &Board, i: usize) -> CardView {
        let set = session.set();
        let t = |key: Key| ui.get(key);
        let excerpt = &set.file.excerpts[i];
        let li = dom.el("li", "card");
        attr(&li, "data-card", &i.to_string());

        let grab = dom.button(&li, "grab", &session.card_name(i));
        attr(&grab, "aria-pressed", "false");
        attr(&grab, "id", &Self::card_id(prefix, i));
        dom.set_text(&grab);

        // The text, folded unless the card is the pile's first.
        let fold = Fold::new(dom, &li, "text-fold", t(Key::CardText), "card-text");
        let text = &fold.region;
        dom.source_kind(text, ui, excerpt.source.as_ref());
        match excerpt.kind {
            ExcerptKind::Quote => {
                let q = dom.child(text, "blockquote", "text", "");
                dom.set_text(&q);
                dom.paragraphs(&q, "", &excerpt.text);
            }
            ExcerptKind::Description => {
                dom.child(text, "p", "kind", t(Key::Description));
                for p in paragraphs(&excerpt.text) {
                    let e = dom.child(text, "p", "description", &p);
                    dom.set_text(&e);
                }
            }
        }
        dom.source(text, ui, excerpt.source.as_ref());

        // The move menu: its button; the options are built when it is first opened
        // (`toggle`): closed, they would be a third of the board's nodes at mount.
        let menu = dom.button(&li, "fold move-fold", t(Key::MoveTo));
        attr(&menu, "aria-expanded", "false");

        CardView {
            li,
            at: None,
            grab: grab.unchecked_into(),
            text: fold,
            menu: menu.unchecked_into(),
            menu_open: false,
            options_box: None,
            options: Vec::new(),
            feedback: None,
            shown: None,
        }
    }

    /// Opens or folds what fold button `button` of card `i` stands for (its text or its move
    /// menu). The menu's options are built the first time it opens; the one for the place the
    /// card is in is hidden, as [`View::render`] keeps it.
    pub fn toggle(&mut self, i: usize, button: &Element, board: &Board) {
        let Some(c) = self.cards.get_mut(i) else { return };
        if let Some(fold) = c.folds().find(|f| f.button == *button) {
            fold.show(!fold.open);
        } else if c.menu == *button {
            if c.options_box.is_none() {
                let box_ = self.dom.child(&c.li, "div", "move-options", "");
                c.options = Self::place_buttons(&self.dom, &self.ui, &box_, board.set(), false);
                for (p, b) in &c.options {
                    hide(b, *p == board.place(i));
                }
                hide(&box_, true);
                c.options_box = Some(box_);
            }
            c.show_menu(!c.menu_open);
        }
    }

    /// The browser's find is opening folded text `e` (a `beforematch` event): its button says so.
    pub fn text_found(&mut self, e: &Element) {
        let Some(c) = self.card_of(e).and_then(|i| self.cards.get_mut(i)) else { return };
        if let Some(fold) = c.folds().find(|f| f.region == *e) {
            fold.show(true);
        }
    }

    /// Folds the card text or move menu that `e` is in or is the button of, and focuses its
    /// button (Escape); whether there was one open.
    pub fn fold_up(&mut self, e: &Element) -> bool {
        let Some(c) = self.card_of(e).and_then(|i| self.cards.get_mut(i)) else { return false };
        let in_menu = c.options_box.as_ref().is_some_and(|b| contains(b, e));
        if (c.menu == *e || in_menu) && c.menu_open {
            c.show_menu(false);
            focus(&c.menu, true);
            return true;
        }
        let Some(fold) = c.folds().find(|f| f.open && f.holds(e)) else { return false };
        fold.show(false);
        focus(&fold.button, true);
        true
    }

    /// Folds card `i`'s move menu (an option was chosen).
    pub fn close_menu(&mut self, i: usize) {
        if let Some(c) = self.cards.get_mut(i) {
            c.show_menu(false);
        }
    }

    /// Brings the DOM up to date with `session`. Returns the element that had keyboard focus
    /// when a move took it away (the moved card's), for the caller to put back unless it moves
    /// focus itself (one focus, one style update, instead of two).
    #[must_use]
    pub fn render(&mut self, session: &Board) -> Option<Element> {
        let active = element(&self.dom.doc, "activeElement");
        let finished = session.finished();
        let held = session.held();
        // The state classes sit on the few elements they style (not on the root: a class
        // there makes the browser look through every card for what it might restyle).
        class(&self.bar, "holding", held.is_some());
        class(&self.pile_head, "holding", held.is_some());

        self.place_cards(session);
        let first = session.order().iter().copied().find(|&i| session.place(i).is_none());
        hide(&self.pile_empty, first.is_some());
        class(&self.root, "all-placed", first.is_none());
        let target = session.target().and_then(|t| session.set().bins.get(t)).copied();
        for (b, lists) in self.bins.iter_mut().zip(&self.zones[1..]) {
            let n = lists.total;
            class(&b.section, "invites", held.is_some());
            class(&b.head, "holding", held.is_some());
            class(&b.section, "kbd-target", target == Some(b.bin));
            if b.counted != Some(n) {
                hide(&b.empty, n > 0);
                b.count.set_text_content(Some(&self.ui.text(Key::BinCount, &[("n", &n.to_string())])));
                b.counted = Some(n);
            }
        }
        let held_place = held.map(|i| session.place(i));
        for (p, b) in &self.tray {
            // The held card's own place is not offered; the pile only to a placed card.
            hide(b, held_place == Some(*p));
            class(b, "target", p.is_some() && *p == target);
        }

        // Each card's state.
        for (i, c) in self.cards.iter_mut().enumerate() {
            let status = session.status(i);
            let locked = finished || status == CardStatus::Right;
            let place = session.place(i);
            let shown = Some((status, place, held == Some(i), locked, session.checks()));
            if c.shown == shown {
                continue;
            }
            if place.is_some() && c.shown.is_none_or(|(_, was, ..)| was != place) {
                // Placed: its title stands for it (the text opens on demand).
                c.text.show(false);
            }
            c.shown = shown;
            class(&c.li, "held", held == Some(i));
            attr(&c.grab, "aria-pressed", if held == Some(i) { "true" } else { "false" });
            if locked {
                attr(&c.grab, "aria-disabled", "true");
                c.show_menu(false);
            } else {
                flag(&c.grab, "aria-disabled", false);
            }
            hide(&c.menu, locked);
            class(&c.li, "right", status == CardStatus::Right);
            class(&c.li, "wrong", matches!(status, CardStatus::Wrong | CardStatus::Revealed));
            class(&c.li, "revealed", status == CardStatus::Revealed);
            for (p, b) in &c.options {
                hide(b, *p == place);
            }
            let fb = session.feedback(i);
            let same = match (&fb, &c.feedback) {
                (Some(a), Some((b, ..))) => a == b,
                (None, None) => true,
                _ => false,
            };
            if !same {
                if let Some((_, old, _)) = c.feedback.take() {
                    remove(&old);
                }
                if let Some(fb) = fb {
                    let (e, why) = Self::feedback(&self.dom, &self.ui, &fb);
                    insert_before(&c.li, &e, Some(&c.menu));
                    c.feedback = Some((fb, e, why));
                }
            }
        }
        // The pile's first card shows its text unasked.
        if first != self.current {
            if let Some(c) = first.and_then(|i| self.cards.get_mut(i)) {
                c.text.show(true);
            }
            self.current = first;
        }

        // Checks left, the check button (waiting, and saying why, until a card moved since the
        // last check), the last check's result, the summary.
        let tries = (session.checks_left(), session.set().file.settings.tries);
        if self.tries_shown != Some(tries) {
            let (n, of) = (tries.0.to_string(), tries.1.to_string());
            self.tries.set_text_content(Some(&self.ui.text(Key::TriesLeft, &[("n", &n), ("tries", &of)])));
            self.tries_shown = Some(tries);
        }
        hide(&self.check, finished);
        hide(&self.tries, finished);
        let waiting = !finished && !session.changed_since_check();
        if waiting {
            attr(&self.check, "aria-disabled", "true");
        } else {
            flag(&self.check, "aria-disabled", false);
        }
        hide(&self.check_why, !waiting);
        self.report(session);
        let summary = session.summary();
        if summary != self.summary_shown {
            self.summary_body.set_text_content(None);
            if let Some(s) = &summary {
                self.dom.outcome(&self.summary_body, s);
            }
            hide(&self.summary, summary.is_none());
            self.summary_shown = summary;
        }

        // Did a move take focus away from the element that had it? (The element is still
        // connected when the root contains it: the document's active element cannot be inside
        // a root that is not in the document.)
        let now = element(&self.dom.doc, "activeElement");
        active.filter(|a| now.as_ref() != Some(a) && contains(&self.root, a))
    }

    /// Puts focus back on `lost` (from [`View::render`]) without scrolling.
    pub fn refocus(&self, lost: Option<Element>) {
        if let Some(a) = lost {
            focus(&a, false);
        }
    }

    /// Puts each card whose place (or display position) changed into its zone's list, before
    /// the next card of that list: one `insertBefore` per moved card, no walk over the others.
    fn place_cards(&mut self, session: &Board) {
        let order = session.order();
        if order != self.order.as_slice() {
            // A new order (the first render, a restart): every card is put again.
            self.order = order.to_vec();
            self.positions = vec![0; order.len()];
            for (p, &i) in order.iter().enumerate() {
                if let Some(slot) = self.positions.get_mut(i) {
                    *slot = p;
                }
            }
            for zone in &mut self.zones {
                zone.clear();
            }
            for c in &mut self.cards {
                c.at = None;
            }
        }
        let bins = &session.set().bins;
        // From the last card to the first: the cards after one are where they belong already.
        for (p, &i) in self.order.iter().enumerate().rev() {
            let zone = session.place(i).and_then(|b| bins.iter().position(|&x| x == b)).map_or(0, |k| k + 1);
            let want = Some((zone, p / CHUNK));
            let Some(was) = self.cards.get(i).map(|c| c.at).filter(|&at| at != want) else { continue };
            if let Some((z, k)) = was {
                self.zones[z].count(k, false);
            }
            let end = ((p / CHUNK + 1) * CHUNK).min(self.order.len());
            let next = self.order[p + 1..end].iter().find_map(|&j| self.cards.get(j).filter(|c| c.at == want)).map(|c| c.li.clone());
            let Some(list) = self.zones.get_mut(zone).and_then(|z| z.list(&self.dom, p / CHUNK)) else { continue };
            insert_before(&list, &self.cards[i].li, next.as_ref());
            self.zones[zone].count(p / CHUNK, true);
            self.cards[i].at = want;
        }
    }

    /// A card's feedback: a right card's folds to its verdict line ("Right. Why?"), a wrong
    /// card's shows in full.
    fn feedback(dom: &Dom, ui: &Ui, fb: &Feedback) -> (Element, Option<Fold>) {
        if fb.verdict != Verdict::Right {
            return (dom.feedback(ui, fb), None);
        }
        let block = dom.el("div", "feedback folded");
        let why = Fold::new(dom, &block, "verdict right", ui.get(fb.verdict.key()), "reasons");
        dom.child(&why.button, "span", "why", ui.get(Key::Why));
        dom.span_paragraphs(&why.region, &fb.paragraphs);
        (block, Some(why))
    }

    /// The last check's result: how many are right, and a link to each card it found wrong
    /// that is still where it was (shown from the first check on).
    fn report(&mut self, session: &Board) {
        let wrong: Vec<usize> =
            session.order().iter().copied().filter(|&i| matches!(session.status(i), CardStatus::Wrong | CardStatus::Revealed)).collect();
        let now = (session.checks() > 0).then(|| (session.checks(), wrong));
        if now == self.reported {
            return;
        }
        hide(&self.report, now.is_none());
        self.report_body.set_text_content(None);
        if let Some((k, wrong)) = &now {
            let set = session.set();
            let right = (0..set.len()).filter(|&i| session.status(i) == CardStatus::Right).count();
            let args = [
                ("k", k.to_string()),
                ("tries", set.file.settings.tries.to_string()),
                ("right", right.to_string()),
                ("total", set.len().to_string()),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
            self.report_heading.set_text_content(Some(&self.ui.text(Key::CheckResult, &args)));
            if !wrong.is_empty() {
                let lead = if session.finished() { Key::ReportRevealed } else { Key::ReportWrong };
                self.dom.child(&self.report_body, "p", "", self.ui.get(lead));
                let list = self.dom.child(&self.report_body, "ul", "wrong-cards", "");
                for &i in wrong {
                    let item = self.dom.child(&list, "li", "", "");
                    let a = self.dom.child(&item, "a", "to-card", &session.card_name(i));
                    attr(&a, "href", &["#", &Self::card_id(&self.prefix, i)].concat());
                    attr(&a, "data-card", &i.to_string());
                    self.dom.set_text(&a);
                }
            }
        }
        self.reported = now;
    }

    /// Says `text` in the live region (replacing the node, so a repeated sentence is announced).
    pub fn announce(&self, text: &str) {
        self.dom.announce(&self.live, text);
    }

    /// Shows a notice above the board.
    pub fn notice(&self, key: Key) {
        self.dom.child(&self.notices, "p", "notice", self.ui.get(key));
    }

    /// Focuses card `i`'s grab button; `scroll` false keeps the page where it is.
    pub fn focus_card(&self, i: usize, scroll: bool) {
        if let Some(c) = self.cards.get(i) {
            focus(&c.grab, scroll);
        }
    }

    /// Scrolls the keyboard target bin into view (as little as needed).
    pub fn reveal_target(&self, session: &Board) {
        let target = session.target().and_then(|t| session.set().bins.get(t)).copied();
        if let Some(b) = self.bins.iter().find(|b| Some(b.bin) == target) {
            reveal(&b.section);
        }
    }

    /// Focuses the check button, scrolling it into view (once the pile is empty).
    pub fn focus_check(&self) {
        focus(&self.check, true);
    }

    /// Focuses the last check's result (its heading names it; its links lead to the wrong cards).
    pub fn focus_report(&self) {
        focus(&self.report_heading, true);
    }

    /// The card a result link (or an element inside one) points at.
    pub fn linked_card(&self, e: &Element) -> Option<usize> {
        let a = closest(e, "a.to-card")?;
        contains(&self.report, &a).then(|| attribute(&a, "data-card")?.parse().ok()).flatten()
    }

    /// The place a button of the bar's bins (or an element inside one) stands for.
    pub fn tray_place(&self, e: &Element) -> Option<Place> {
        self.tray.iter().find(|(_, b)| contains(b, e)).map(|(p, _)| *p)
    }

    /// Focuses the first card's grab button in display order (after a restart).
    pub fn focus_first(&self, session: &Board) {
        if let Some(&i) = session.order().first() {
            self.focus_card(i, true);
        }
    }

    /// Focuses the summary's heading (when the attempt ends).
    pub fn focus_summary(&self) {
        focus(&self.summary_heading, true);
    }

    /// The card whose `<li>` is or contains `e`.
    pub fn card_of(&self, e: &Element) -> Option<usize> {
        let li = closest(e, "li.card")?;
        let i: usize = attribute(&li, "data-card")?.parse().ok()?;
        (self.cards.get(i)?.li == li).then_some(i)
    }

    /// Card `i`'s `<li>`.
    pub fn card_li(&self, i: usize) -> Option<&Element> {
        self.cards.get(i).map(|c| &c.li)
    }

    /// The bin whose section is or contains `e`.
    pub fn bin_of(&self, e: &Element) -> Option<BinId> {
        let section = closest(e, "[data-bin]")?;
        self.bins.iter().find(|b| b.section == section).map(|b| b.bin)
    }

    /// Whether `e` is or is inside the pile.
    pub fn in_pile(&self, e: &Element) -> bool {
        contains(&self.pile, e)
    }

    /// The drop zone (a bin section or the pile) that is or contains `e`.
    pub fn zone_of(&self, e: &Element) -> Option<(Element, Place)> {
        if let Some(b) = self.bins.iter().find(|b| contains(&b.section, e)) {
            return Some((b.section.clone(), Some(b.bin)));
        }
        self.in_pile(e).then(|| (self.pile.clone(), None))
    }
}
