//! The widget's DOM: built once from the set, then brought up to date from the session after
//! every message. Updates are keyed by card: each card keeps its one `<li>` for the whole
//! attempt and is moved between the pile's and the bins' lists, so keyboard focus survives a
//! move (and is put back on the card's grab button when the move took it away).
//!
//! Every visible or announced sentence comes from [`crate::core::strings`] or from the set;
//! set text is only ever inserted as text (`set_text_content` / text nodes), never as HTML.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use crate::core::board::{Board, CardStatus, Place};
use crate::core::exercise::Summary;
use crate::core::feedback::Feedback;
use crate::core::set::{BinId, ExcerptKind, Set};
use crate::core::strings::Key;
use crate::web::dom::Ui;
use crate::web::dom::{
    Dom, append, attr, attribute, class, closest, contains, element, essay_ref, flag, focus, hide, insert_before, paragraphs, remove,
    reveal,
};

/// The value of a move-menu button's `data-place` that means "back to the pile".
pub const PILE: &str = "pile";

/// A bin's elements.
struct BinView {
    bin: BinId,
    section: Element,
    list: Element,
    empty: Element,
}

/// A card's elements and what they currently show.
struct CardView {
    li: Element,
    grab: HtmlElement,
    menu: Element,
    /// The menu's buttons with the place each one moves to (none until the menu is first opened).
    options: Vec<(Place, Element)>,
    feedback: Option<(Feedback, Element)>,
    /// What the card's DOM shows now: (status, place, held, locked, checks used). A render
    /// leaves a card alone while this stays the same, so that a move touches two or three
    /// cards, not all of them (with 1,000 cards, updating every one took most of a move).
    shown: Option<(CardStatus, Place, bool, bool, u8)>,
}

/// The widget's DOM.
pub struct View {
    dom: Dom,
    ui: Ui,
    /// The widget root `<div class="diary-sort">` (it carries the board's state classes).
    pub root: HtmlElement,
    /// Where the board is built: the root, or the board's tab panel. Its listeners are
    /// registered here, and a drag captures the pointer here.
    pub panel: HtmlElement,
    notices: Element,
    live: Element,
    pile: Element,
    /// The bins' column (it scrolls on its own on wide screens).
    pub bins_box: Element,
    pile_list: Element,
    pile_empty: Element,
    bins: Vec<BinView>,
    cards: Vec<CardView>,
    check: Element,
    tries: Element,
    tries_shown: Option<(u8, u8)>,
    summary: Element,
    summary_heading: HtmlElement,
    summary_body: Element,
    summary_shown: Option<Summary>,
}

/// Builds the panel shown instead of the exercise when there is no set to show: the sentence
/// `lead` (why), then each of `problems` (a set's problems, or the address that failed).
pub fn failed(doc: &Document, ui: &Ui, lead: Key, problems: &[String]) -> HtmlElement {
    let dom = Dom { doc: doc.clone(), set_lang: None };
    let root = dom.el("div", "diary-sort");
    attr(&root, "lang", ui.code());
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
/// title and introduction. `dom` marks set text with the set's language.
pub fn frame(dom: &Dom, ui: &Ui, set: &Set) -> HtmlElement {
    let root = dom.el("div", "diary-sort");
    attr(&root, "lang", ui.code());
    let title = dom.child(&root, "h2", "title", &set.file.title);
    dom.set_text(&title);
    let intro = dom.child(&root, "div", "intro", "");
    dom.set_text(&intro);
    dom.paragraphs(&intro, "", &set.file.intro);
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
        let id = |suffix: &str| {
            let mut s = String::with_capacity(prefix.len() + suffix.len());
            s.push_str(prefix);
            s.push_str(suffix);
            s
        };

        let root = root.clone();
        let board_parent = parent;
        dom.child(board_parent, "p", "instructions", t(Key::Instructions));
        let notices = dom.child(board_parent, "div", "notices", "");

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
        let pile_list = dom.child(&pile, "ul", "cards", "");

        // The bins.
        let bins_box = dom.child(&board, "div", "bins", "");
        let mut bins = Vec::with_capacity(set.bins.len());
        for &bin in &set.bins {
            let info = set.bin(bin);
            let n = bin.to_string();
            let section = dom.child(&bins_box, "section", "bin", "");
            attr(&section, "data-bin", &n);
            let label_id = id(&{
                let mut s = String::from("-bin");
                s.push_str(&n);
                s
            });
            attr(&section, "aria-labelledby", &label_id);
            let h = dom.child(&section, "h3", "", "");
            let b = dom.button(&h, "bin-button", info.label);
            attr(&b, "id", &label_id);
            dom.set_text(&b);
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
            let list = dom.child(&section, "ul", "cards", "");
            bins.push(BinView { bin, section, list, empty });
        }

        // The cards, made in the set's order, then put on the pile in display order (`order` is a
        // permutation of the excerpts). Loops rather than collecting: 0.9 KB less of the module.
        let mut cards = Vec::with_capacity(set.len());
        for i in 0..set.len() {
            cards.push(Self::card(&dom, &ui, session, i));
        }
        for &i in session.order() {
            if let Some(card) = cards.get(i) {
                append(&pile_list, &card.li);
            }
        }

        // The summary, filled when the attempt ends.
        let summary = dom.child(board_parent, "section", "summary", "");
        let sum_id = id("-summary");
        attr(&summary, "aria-labelledby", &sum_id);
        hide(&summary, true);
        let summary_heading: HtmlElement = dom.child(&summary, "h3", "", t(Key::Summary)).unchecked_into();
        attr(&summary_heading, "id", &sum_id);
        attr(&summary_heading, "tabindex", "-1");
        let summary_body = dom.child(&summary, "div", "summary-body", "");
        dom.button(&summary, "restart", t(Key::Restart));

        // The bar: status line, checks left, the check button.
        let bar = dom.child(board_parent, "div", "bar", "");
        let live = dom.live_region(&bar, "status");
        let tries = dom.child(&bar, "p", "tries", "");
        let check = dom.button(&bar, "check", t(Key::Check)).unchecked_into();

        View {
            dom,
            ui,
            root,
            panel: parent.clone().unchecked_into(),
            notices,
            live,
            pile,
            pile_list,
            pile_empty,
            bins,
            bins_box,
            cards,
            check,
            tries,
            tries_shown: None,
            summary,
            summary_heading,
            summary_body,
            summary_shown: None,
        }
    }

    fn card(dom: &Dom, ui: &Ui, session: &Board, i: usize) -> CardView {
        let set = session.set();
        let t = |key: Key| ui.get(key);
        let excerpt = &set.file.excerpts[i];
        let li = dom.el("li", "card");
        attr(&li, "data-card", &i.to_string());

        let grab = dom.button(&li, "grab", &session.card_name(i));
        attr(&grab, "aria-pressed", "false");
        dom.set_text(&grab);

        dom.source_kind(&li, ui, excerpt.source.as_ref());
        match excerpt.kind {
            ExcerptKind::Quote => {
                let q = dom.child(&li, "blockquote", "text", "");
                dom.set_text(&q);
                dom.paragraphs(&q, "", &excerpt.text);
            }
            ExcerptKind::Description => {
                dom.child(&li, "p", "kind", t(Key::Description));
                for p in paragraphs(&excerpt.text) {
                    let e = dom.child(&li, "p", "description", &p);
                    dom.set_text(&e);
                }
            }
        }

        dom.source(&li, ui, excerpt.source.as_ref());

        // The move menu's options are built when it is first opened (`open_menu`): closed, they
        // would be a third of the board's nodes at mount.
        let menu = dom.child(&li, "details", "move", "");
        dom.child(&menu, "summary", "", t(Key::MoveTo));

        CardView { li, grab: grab.unchecked_into(), menu, options: Vec::new(), feedback: None, shown: None }
    }

    /// Builds card `i`'s move-menu options, the first time its menu is opened; the one for the
    /// place the card is in is hidden, as [`View::render`] keeps it.
    pub fn open_menu(&mut self, i: usize, board: &Board) {
        let Some(c) = self.cards.get_mut(i).filter(|c| c.options.is_empty()) else { return };
        let set = board.set();
        let box_ = self.dom.child(&c.menu, "div", "move-options", "");
        for &bin in &set.bins {
            let b = self.dom.button(&box_, "", set.bin(bin).label);
            self.dom.set_text(&b);
            attr(&b, "data-place", &bin.to_string());
            c.options.push((Some(bin), b.unchecked_into()));
        }
        let b = self.dom.button(&box_, "to-pile", self.ui.get(Key::PoolButton));
        attr(&b, "data-place", PILE);
        c.options.push((None, b.unchecked_into()));
        for (p, b) in &c.options {
            hide(b, *p == board.place(i));
        }
    }

    /// Brings the DOM up to date with `session`.
    pub fn render(&mut self, session: &Board) {
        let active = element(&self.dom.doc, "activeElement");
        let finished = session.finished();
        let held = session.held();
        class(&self.root, "holding", held.is_some());

        // Cards into their containers, in display order.
        let order = session.order();
        Self::arrange(&self.pile_list, order, |i| session.place(i).is_none(), &self.cards);
        let pile_used = order.iter().any(|&i| session.place(i).is_none());
        hide(&self.pile_empty, pile_used);
        class(&self.root, "all-placed", !pile_used);
        let target = session.target().and_then(|t| session.set().bins.get(t)).copied();
        for b in &self.bins {
            Self::arrange(&b.list, order, |i| session.place(i) == Some(b.bin), &self.cards);
            hide(&b.empty, order.iter().any(|&i| session.place(i) == Some(b.bin)));
            class(&b.section, "kbd-target", target == Some(b.bin));
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
            c.shown = shown;
            class(&c.li, "held", held == Some(i));
            attr(&c.grab, "aria-pressed", if held == Some(i) { "true" } else { "false" });
            if locked {
                attr(&c.grab, "aria-disabled", "true");
                flag(&c.menu, "open", false);
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
                (Some(a), Some((b, _))) => a == b,
                (None, None) => true,
                _ => false,
            };
            if !same {
                if let Some((_, old)) = c.feedback.take() {
                    remove(&old);
                }
                if let Some(fb) = fb {
                    let e = self.dom.feedback(&self.ui, &fb);
                    insert_before(&c.li, &e, Some(&c.menu));
                    c.feedback = Some((fb, e));
                }
            }
        }

        // Checks left, the check button, the summary.
        let tries = (session.checks_left(), session.set().file.settings.tries);
        if self.tries_shown != Some(tries) {
            let (n, of) = (tries.0.to_string(), tries.1.to_string());
            self.tries.set_text_content(Some(&self.ui.text(Key::TriesLeft, &[("n", &n), ("tries", &of)])));
            self.tries_shown = Some(tries);
        }
        hide(&self.check, finished);
        hide(&self.tries, finished);
        let summary = session.summary();
        if summary != self.summary_shown {
            self.summary_body.set_text_content(None);
            if let Some(s) = &summary {
                self.dom.outcome(&self.summary_body, s);
            }
            hide(&self.summary, summary.is_none());
            self.summary_shown = summary;
        }

        // A move took focus away from the element that had it: put it back. (The element is
        // still connected when the root contains it: the document's active element cannot be
        // inside a root that is not in the document.)
        if let Some(a) = active {
            let now = element(&self.dom.doc, "activeElement");
            if now.as_ref() != Some(&a) && contains(&self.root, &a) {
                focus(&a, false);
            }
        }
    }

    /// Puts the cards for which `here` holds into `list`, in display order, moving only the
    /// elements that are not already in place (so focus is disturbed as little as possible).
    /// Cards in `list` that belong elsewhere are stepped over (a later `arrange` takes them
    /// away): inserting every later card before such a one moved the whole pile at each move.
    fn arrange(list: &Element, order: &[usize], here: impl Fn(usize) -> bool, cards: &[CardView]) {
        let belongs_here = |e: &Element| attribute(e, "data-card").and_then(|n| n.parse().ok()).is_some_and(&here);
        let mut cursor = element(list, "firstElementChild");
        for &i in order {
            if !here(i) {
                continue;
            }
            let Some(c) = cards.get(i) else { continue };
            while let Some(e) = cursor.as_ref().filter(|e| *e != &c.li && !belongs_here(e)) {
                cursor = element(e, "nextElementSibling");
            }
            if cursor.as_ref() == Some(&c.li) {
                cursor = element(&c.li, "nextElementSibling");
            } else {
                insert_before(list, &c.li, cursor.as_ref());
            }
        }
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

    /// Card `i`'s move menu.
    pub fn menu(&self, i: usize) -> Option<&Element> {
        self.cards.get(i).map(|c| &c.menu)
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
