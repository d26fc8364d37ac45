//! The switch between the board and the quiz, for a set whose `mode` is "both": a tab list of two
//! tabs, each controlling its panel (WAI-ARIA tabs with automatic activation). Click or tap a
//! tab; with the keyboard, the arrow keys (and Home/End) move between the tabs and show the
//! panel. The choice is part of the widget's resume string (with both modes' attempts), so a
//! reload, or a relaunch from an LMS, opens the mode the student last used. The quiz is drawn
//! when its tab is first shown, not while it is hidden; in the board's module (no feature
//! `quiz`), that is when the page is asked for the whole module (`quiz_later`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

use crate::core::state::Tab;
use crate::core::strings::Key;
use crate::web::dom::Ui;
use crate::web::dom::{Dom, as_a, attr, attribute, closest, focus, hide, key, prevent_default};
use crate::web::effects;
use crate::web::events::{Out, Told, target};
use crate::web::store::Keeper;

/// The quiz in its panel: the quiz itself, or in the board's module its stand-in.
#[cfg(feature = "quiz")]
pub type QuizPart = crate::web::quiz_events::QuizShell;
/// The quiz in its panel: the quiz itself, or in the board's module its stand-in.
#[cfg(not(feature = "quiz"))]
pub type QuizPart = crate::web::quiz_later::QuizLater;

/// What the page is told when `quiz` is shown, besides the new resume string: in the board's
/// module, to load the whole module (focus to go as `then` says).
#[cfg(not(feature = "quiz"))]
pub fn quiz_shown(quiz: &Rc<RefCell<QuizPart>>, then: Handover) -> Option<Told> {
    quiz.try_borrow_mut().ok()?.ask(then)
}

/// What the page is told when the quiz is shown, besides the new resume string: nothing, the
/// quiz is here.
#[cfg(feature = "quiz")]
pub fn quiz_shown(_quiz: &Rc<RefCell<QuizPart>>, _then: Handover) -> Option<Told> {
    None
}

/// Where focus goes when the whole module takes over from the board's module, the quiz's tab
/// shown: the `loadquiz` event's `focus`, handed back as the option `handover`. As the choice
/// of the tab would have moved it in the whole module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handover {
    /// To the quiz's tab (chosen with the arrow keys, Home or End).
    Tab,
    /// To the quiz's current item (the tab clicked or tapped, or "Try again").
    Quiz,
    /// Where it is (the attempt was left on the quiz: the page opened on it).
    Page,
}

impl Handover {
    /// The word for the event and the option.
    pub fn word(self) -> &'static str {
        match self {
            Handover::Tab => "tab",
            Handover::Quiz => "quiz",
            Handover::Page => "page",
        }
    }

    /// Reads [`Handover::word`].
    pub fn from_word(word: &str) -> Option<Handover> {
        [Handover::Tab, Handover::Quiz, Handover::Page].into_iter().find(|h| h.word() == word)
    }
}

/// The tab list and the two panels.
pub struct Modes {
    /// Indexed by `Tab as usize`, as the panels (arrays: the index needs no bounds check).
    tabs: [HtmlElement; 2],
    panels: [HtmlElement; 2],
    active: Tab,
    keeper: Keeper,
    /// The quiz in its panel, drawn when its tab is shown.
    quiz: Option<Rc<RefCell<QuizPart>>>,
}

impl Modes {
    /// Builds the tab list and the panels into `root`; shows `active` (the one the attempt was
    /// left on); a choice goes to `keeper`.
    pub fn build(dom: &Dom, ui: &Ui, prefix: &str, root: &Element, active: Tab, keeper: Keeper) -> Modes {
        let list = dom.child(root, "div", "modes", "");
        attr(&list, "role", "tablist");
        attr(&list, "aria-label", ui.get(Key::Modes));
        let tab = |mode: Tab, label: Key| {
            let tab = dom.button(&list, "mode-tab", ui.get(label));
            attr(&tab, "role", "tab");
            attr(&tab, "id", &mode_id(prefix, "tab", mode));
            attr(&tab, "aria-controls", &mode_id(prefix, "panel", mode));
            attr(&tab, "data-mode", mode.word());
            tab
        };
        let panel = |mode: Tab| {
            let panel: HtmlElement = dom.child(root, "div", "mode-panel", "").unchecked_into();
            attr(&panel, "id", &mode_id(prefix, "panel", mode));
            attr(&panel, "role", "tabpanel");
            attr(&panel, "aria-labelledby", &mode_id(prefix, "tab", mode));
            panel
        };
        // Array literals, not `Tab::ALL.map(…)`: that costs 0.9 KB of the module.
        let tabs = [tab(Tab::Board, Key::ModeBoard), tab(Tab::Quiz, Key::ModeQuiz)];
        let panels = [panel(Tab::Board), panel(Tab::Quiz)];
        let mut modes = Modes { tabs, panels, active, keeper, quiz: None };
        modes.show(active);
        modes
    }

    /// The quiz in the quiz panel: drawn now if its tab is shown, else when it is first opened.
    pub fn hold_quiz(&mut self, quiz: Rc<RefCell<QuizPart>>) {
        self.quiz = Some(quiz);
        self.show(self.active);
    }

    /// The panel of `mode`.
    pub fn panel(&self, mode: Tab) -> HtmlElement {
        self.panels[mode as usize].clone()
    }

    /// The mode shown.
    pub fn active(&self) -> Tab {
        self.active
    }

    /// Puts focus on the tab shown.
    pub fn focus_tab(&self) {
        focus(&self.tabs[self.active as usize], true);
    }

    fn show(&mut self, mode: Tab) {
        for (m, (tab, panel)) in Tab::ALL.into_iter().zip(self.tabs.iter().zip(&self.panels)) {
            let on = m == mode;
            attr(tab, "aria-selected", if on { "true" } else { "false" });
            attr(tab, "tabindex", if on { "0" } else { "-1" });
            hide(panel, !on);
        }
        self.active = mode;
        if mode == Tab::Quiz {
            if let Some(mut quiz) = self.quiz.as_ref().and_then(|q| q.try_borrow_mut().ok()) {
                quiz.draw();
            }
        }
    }

    /// Shows `mode` and keeps the choice; the widget's resume string changes (for the page). In
    /// the board's module the quiz's tab also asks the page for the whole module, focus to go
    /// as `then` says once it is there.
    fn choose(&mut self, mode: Tab, then: Handover) -> Out {
        if mode == self.active {
            return None;
        }
        self.show(mode);
        let (state, _) = self.keeper.keep(|saved| saved.tab = Some(mode));
        let mut told = vec![effects::statechange(&state)];
        if mode == Tab::Quiz {
            told.extend(self.quiz.as_ref().and_then(|quiz| quiz_shown(quiz, then)));
        }
        Some(told)
    }

    /// A click on a tab.
    pub fn click(&mut self, e: &Event) -> Out {
        let tab = closest(&target(e)?, "[role=tab]")?;
        let mode = Tab::ALL.into_iter().find(|m| attribute(&tab, "data-mode").as_deref() == Some(m.word()))?;
        self.choose(mode, Handover::Quiz)
    }

    /// Arrow keys, Home and End on a tab.
    pub fn keydown(&mut self, e: &Event) -> Out {
        let k = as_a::<KeyboardEvent>(e, "KeyboardEvent")?;
        closest(&target(e)?, "[role=tab]")?;
        // Two tabs: either arrow goes to the other one (and round to the first).
        let to = match key(k).as_str() {
            "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" => self.active.other(),
            "Home" => Tab::Board,
            "End" => Tab::Quiz,
            _ => return None,
        };
        prevent_default(e);
        let told = self.choose(to, Handover::Tab);
        focus(&self.tabs[to as usize], true);
        told
    }
}

/// The element id of `mode`'s tab or panel (`what`).
fn mode_id(prefix: &str, what: &str, mode: Tab) -> String {
    let mut s = String::from(prefix);
    s.push('-');
    s.push_str(what);
    s.push('-');
    s.push_str(mode.word());
    s
}
