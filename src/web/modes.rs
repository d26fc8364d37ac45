//! The switch between the board and the quiz, for a set whose `mode` is "both": a tab list of two
//! tabs, each controlling its panel (WAI-ARIA tabs with automatic activation). Click or tap a
//! tab; with the keyboard, the arrow keys (and Home/End) move between the tabs and show the
//! panel. The choice is part of the widget's resume string (with both modes' attempts), so a
//! reload, or a relaunch from an LMS, opens the mode the student last used. The quiz is drawn
//! when its tab is first shown, not while it is hidden.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, KeyboardEvent};

use crate::core::state::Tab;
use crate::core::strings::Key;
use crate::web::dom::Ui;
use crate::web::dom::{Dom, as_a, attr, attribute, closest, focus, hide, key, prevent_default};
use crate::web::effects;
use crate::web::events::{Out, target};
use crate::web::quiz_events::QuizShell;
use crate::web::store::Keeper;

/// The tab list and the two panels.
pub struct Modes {
    /// Indexed by `Tab as usize`, as the panels (arrays: the index needs no bounds check).
    tabs: [HtmlElement; 2],
    panels: [HtmlElement; 2],
    active: Tab,
    keeper: Keeper,
    /// The quiz in its panel, drawn when its tab is shown.
    quiz: Option<Rc<RefCell<QuizShell>>>,
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
    pub fn hold_quiz(&mut self, quiz: Rc<RefCell<QuizShell>>) {
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

    /// Shows `mode` and keeps the choice; the widget's resume string changes (for the page).
    fn choose(&mut self, mode: Tab) -> Out {
        if mode == self.active {
            return None;
        }
        self.show(mode);
        let (state, _) = self.keeper.keep(|saved| saved.tab = Some(mode));
        Some(vec![effects::statechange(&state)])
    }

    /// A click on a tab.
    pub fn click(&mut self, e: &Event) -> Out {
        let tab = closest(&target(e)?, "[role=tab]")?;
        let mode = Tab::ALL.into_iter().find(|m| attribute(&tab, "data-mode").as_deref() == Some(m.word()))?;
        self.choose(mode)
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
        let told = self.choose(to);
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
