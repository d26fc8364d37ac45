//! The quiz in the board's module: the build without the feature `quiz` (the quiz's view and
//! events, the code that reads a quiz's attempt, and the words of a set's problems), which the
//! self-study page loads first. It is 36 KB gzip lighter, and on a slow phone link every KB
//! delays the board by about 5 ms.
//!
//! The quiz's attempt is kept as it was stored, unread ([`state::decode_kept`]): the board's
//! module writes it back unchanged with the board's, and leaves it out while the quiz has not
//! begun. When the quiz is to be shown (its tab chosen, or the attempt left on it), its panel
//! says that it is loading and the widget asks its page, with a `loadquiz` event, for the whole
//! module. The page then mounts the whole module's widget in this one's place, with the options
//! the widget's `takeover` gives ({state, handover}), and it opens on the quiz. An attempt the
//! board's module does not read (an earlier version's, or a damaged one) is handed over the same
//! way as the page opens, for the whole module to read and to say what became of it, and so is a
//! set with problems, for the whole module to put them into words (their texts, in two
//! languages, are 4 KB gzip this module leaves out). Should the whole module not load, the page
//! calls `quizFailed(reason)`: the panel says so and offers to try again.
//!
//! [`state::decode_kept`]: crate::core::state::decode_kept

use wasm_bindgen::JsValue;
use web_sys::{Element, Event, HtmlElement};

use crate::core::strings::Key;
use crate::web::dom::{Dom, Ui, closest, hide, object};
use crate::web::events::{Out, Told, target};
use crate::web::modes::Handover;
use crate::web::store::Keeper;

/// What the stand-in stands in for.
enum StandsFor {
    /// The quiz, in its panel: the board is here, and keeps the attempt.
    Quiz(Keeper),
    /// The whole exercise: a set with problems, which the whole module puts into words, or an
    /// attempt this module does not read, the one the page handed in (`Some`) or else the stored
    /// one, which is the whole module's to read.
    Exercise(Option<String>),
}

/// The quiz's panel (or the whole widget's, for an attempt left to the whole module) while the
/// whole module is on its way.
pub struct QuizLater {
    dom: Dom,
    ui: Ui,
    /// What the panel says: loading, or why the whole module could not be loaded.
    status: Element,
    /// "Try again", shown after a failure.
    retry: HtmlElement,
    stands_for: StandsFor,
    /// Where focus goes once the whole module is here, since the page was asked for it.
    asked: Option<Handover>,
}

impl QuizLater {
    /// The stand-in in the quiz's `panel`; says at once that the quiz is loading when `shown`.
    pub fn new(dom: Dom, ui: &Ui, panel: &Element, keeper: Keeper, shown: bool) -> QuizLater {
        let mut later = QuizLater::build(dom, ui, panel, StandsFor::Quiz(keeper));
        if shown {
            later.draw();
        }
        later
    }

    /// The stand-in for the whole exercise in `root`, for a set with problems or an attempt this
    /// module does not read (`handed` in by the page, else the stored one): says at once that the
    /// exercise is loading.
    pub fn for_exercise(dom: Dom, ui: &Ui, root: &Element, handed: Option<String>) -> QuizLater {
        let mut later = QuizLater::build(dom, ui, root, StandsFor::Exercise(handed));
        later.draw();
        later
    }

    fn build(dom: Dom, ui: &Ui, parent: &Element, stands_for: StandsFor) -> QuizLater {
        let status = dom.live_region(parent, "status quiz-later");
        let retry = dom.button(parent, "quiz-retry", ui.get(Key::TryAgain));
        hide(&retry, true);
        QuizLater { dom, ui: ui.clone(), status, retry, stands_for, asked: None }
    }

    /// Says that the quiz (or the exercise) is loading.
    pub fn draw(&mut self) {
        hide(&self.retry, true);
        let key = match self.stands_for {
            StandsFor::Quiz(_) => Key::QuizLoading,
            StandsFor::Exercise(_) => Key::Loading,
        };
        self.dom.announce(&self.status, self.ui.get(key));
    }

    /// Asks the page for the whole module, focus to go as `then` says once it is here: the
    /// `loadquiz` event.
    pub fn ask(&mut self, then: Handover) -> Option<Told> {
        self.asked = Some(then);
        Some(("loadquiz", JsValue::NULL))
    }

    /// The options for the whole module's widget that takes this one's place, once asked:
    /// `{ state, handover }` (the attempt as kept here, or as the page handed it in when this
    /// module could not read it), or `{ handover }` alone when the whole module is to read the
    /// stored attempt itself; `undefined` before.
    pub fn takeover(&self) -> JsValue {
        let page = Handover::Page.word().into();
        match (&self.stands_for, self.asked) {
            (StandsFor::Exercise(Some(handed)), _) => object(&[("state", handed.as_str().into()), ("handover", page)]),
            (StandsFor::Exercise(None), _) => object(&[("handover", page)]),
            (StandsFor::Quiz(keeper), Some(then)) => object(&[("state", keeper.state().into()), ("handover", then.word().into())]),
            (StandsFor::Quiz(_), None) => JsValue::UNDEFINED,
        }
    }

    /// Says that the whole module could not be loaded, and why (`reason`), with "Try again".
    pub fn failed(&self, reason: &str) {
        let key = match self.stands_for {
            StandsFor::Quiz(_) => Key::QuizLoadFailed,
            StandsFor::Exercise(_) => Key::LoadingFailed,
        };
        self.dom.announce(&self.status, &self.ui.text(key, &[("reason", reason)]));
        hide(&self.retry, false);
    }

    /// A click on "Try again": asks the page for the whole module once more.
    pub fn click(&mut self, e: &Event) -> Out {
        closest(&target(e)?, ".quiz-retry")?;
        self.draw();
        let then = match self.stands_for {
            StandsFor::Quiz(_) => Handover::Quiz,
            StandsFor::Exercise(_) => Handover::Page,
        };
        Some(self.ask(then).into_iter().collect())
    }

    /// The quiz's score: none in this module, which never shows the quiz.
    pub fn score(&self) -> Option<u8> {
        None
    }
}
