//! The quiz in the board's module: the build without the feature `quiz` (the quiz's view and
//! events), which the self-study page loads first. It is about 21 KB gzip lighter, and on a slow
//! phone link every KB delays the board by about 5 ms.
//!
//! The quiz's attempt is kept all the same: restored, stored and part of the resume string, as
//! in the whole module. When the quiz is to be shown (its tab chosen, or the attempt left on it),
//! its panel says that it is loading and the widget asks its page, with a `loadquiz` event
//! ({state, focus}), for the whole module. The page then mounts the whole module's widget in this
//! one's place with the options `state` and `handover` (the detail's `focus`), and it opens on
//! the quiz. Should the whole module not load, the page calls `quizFailed(reason)`: the panel
//! says so and offers to try again.

use serde::Serialize;
use web_sys::{Element, Event, HtmlElement};

use crate::core::strings::Key;
use crate::web::dom::{Dom, Ui, closest, hide};
use crate::web::effects;
use crate::web::events::{Out, Told, target};
use crate::web::modes::Handover;
use crate::web::store::Keeper;

/// The quiz's panel while the whole module is on its way.
pub struct QuizLater {
    dom: Dom,
    ui: Ui,
    /// What the panel says: loading, or why the quiz could not be loaded.
    status: Element,
    /// "Try again", shown after a failure.
    retry: HtmlElement,
    keeper: Keeper,
}

impl QuizLater {
    /// The stand-in in `panel`; says at once that the quiz is loading when `shown`.
    pub fn new(dom: Dom, ui: &Ui, panel: &Element, keeper: Keeper, shown: bool) -> QuizLater {
        let status = dom.live_region(panel, "status quiz-later");
        let retry = dom.button(panel, "quiz-retry", ui.get(Key::TryAgain));
        hide(&retry, true);
        let mut later = QuizLater { dom, ui: ui.clone(), status, retry, keeper };
        if shown {
            later.draw();
        }
        later
    }

    /// Says that the quiz is loading (its tab is shown).
    pub fn draw(&mut self) {
        hide(&self.retry, true);
        self.dom.announce(&self.status, self.ui.get(Key::QuizLoading));
    }

    /// Says that the whole module could not be loaded, and why (`reason`), with "Try again".
    pub fn failed(&self, reason: &str) {
        self.dom.announce(&self.status, &self.ui.text(Key::QuizLoadFailed, &[("reason", reason)]));
        hide(&self.retry, false);
    }

    /// A click on "Try again": asks the page for the whole module once more.
    pub fn click(&mut self, e: &Event) -> Out {
        closest(&target(e)?, ".quiz-retry")?;
        self.draw();
        Some(vec![load_quiz(&self.keeper.state(), Handover::Quiz)])
    }

    /// The widget's resume string as kept now.
    pub fn state(&self) -> String {
        self.keeper.state()
    }

    /// The quiz's score: none in this module, which never shows the quiz.
    pub fn score(&self) -> Option<u8> {
        None
    }
}

/// The `loadquiz` event: the page is to mount the whole module's widget from `state`, focus
/// going as `focus` says.
pub fn load_quiz(state: &str, focus: Handover) -> Told {
    ("loadquiz", effects::detail(&LoadQuiz { state, focus: focus.word() }))
}

/// The `loadquiz` event's detail.
#[derive(Serialize)]
struct LoadQuiz<'a> {
    /// The widget's resume string, the quiz's tab shown.
    state: &'a str,
    /// For the option `handover`: where focus goes once the quiz is there.
    focus: &'static str,
}
