//! The quiz's DOM events to [`Msg`]s, and its effects back to the page.
//!
//! Delegated listeners on the quiz's panel: `click` (the quiz's buttons), `change` (its
//! checkboxes and radio buttons), `keydown` and pointer events (the evidence-marking widget).
//! [`QuizShell::run`] applies a message to the [`Quiz`], carries out the returned effects
//! ([`effects::carry_out`]: announcements, saving, the `answered`, `completed` and
//! `statechange` events for the host page), re-renders and moves focus where the student
//! expects it: to the feedback after a submission, to the item's heading on a new item or try,
//! to the review's heading at the end.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, Event, HtmlElement, KeyboardEvent, PointerEvent};

use crate::core::quiz::{ItemStatus, Msg, Quiz};
use crate::core::state::{self, Tab};
use crate::core::strings::Key;
use crate::web::dom::{as_a, attr, attribute, call, closest, contains, document_of, is_mouse, object, prevent_default, prop, window};
use crate::web::effects;
use crate::web::events::{Out, on, target};
use crate::web::listener::{Callback, Listener};
use crate::web::marking::MarkOp;
use crate::web::quiz_view::{Action, Input, QuizView};
use crate::web::store::Keeper;

/// How long the review's download address lives after its click, in milliseconds.
const DOWNLOAD_URL_MS: i32 = 60_000;

/// What the quiz's listeners share: the quiz, its view and the widget's keeper.
pub struct QuizShell {
    quiz: Quiz,
    view: QuizView,
    keeper: Keeper,
    /// Whether the view has been drawn: a quiz behind a tab not yet opened is not (its attempt is
    /// kept and reported all the same).
    drawn: bool,
}

/// Registers the quiz's delegated listeners on its panel; events for the page go to `host`.
pub fn listen(host: &HtmlElement, inner: &Rc<RefCell<QuizShell>>) -> Vec<Listener> {
    let Ok(panel) = inner.try_borrow().map(|i| i.view.panel.clone()) else { return Vec::new() };
    vec![
        on(host, &panel, inner, "click", QuizShell::click),
        on(host, &panel, inner, "change", QuizShell::change),
        on(host, &panel, inner, "keydown", QuizShell::keydown),
        on(host, &panel, inner, "pointerdown", QuizShell::pointer_down),
        on(host, &panel, inner, "pointermove", QuizShell::pointer_move),
        on(host, &panel, inner, "pointerup", QuizShell::pointer_up),
        on(host, &panel, inner, "pointercancel", QuizShell::pointer_cancel),
    ]
}

/// Where focus goes after a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Then {
    /// It stays where it is.
    Stay,
    /// To the item's heading (a new item, another try).
    Item,
    /// To the feedback (a submission, a shown solution).
    Feedback,
}

impl QuizShell {
    /// Shared state for a mounted quiz; drawn at once when `shown`, else by [`QuizShell::draw`]
    /// when its tab is first opened.
    pub fn new(quiz: Quiz, view: QuizView, keeper: Keeper, shown: bool) -> QuizShell {
        let mut inner = QuizShell { quiz, view, keeper, drawn: false };
        if shown {
            inner.draw();
        }
        inner
    }

    /// Draws the quiz, the first time it is shown.
    pub fn draw(&mut self) {
        if !self.drawn {
            self.drawn = true;
            self.view.render(&self.quiz);
        }
    }

    /// After a reload: brings the student back where they were, the current item in view with
    /// focus on its heading (or the review's), once the attempt has gone past its start.
    pub fn resume_place(&self) {
        let q = &self.quiz;
        if q.current() > 0 || q.finished() || q.round() > 1 || q.progress().to_do < q.items().len() {
            self.view.show_current();
        }
    }

    /// The current item in view with focus on its heading (the review's once finished).
    pub fn show_current(&self) {
        self.view.show_current();
    }

    /// A click on the quiz's tab (after the switch showed its panel): the current item comes
    /// into view with focus on its heading, where the student left it. (With the arrow keys
    /// focus stays on the tab, as in every tab list; Tab goes on into the quiz.)
    pub fn tab_chosen(&mut self, e: &Event) -> Out {
        let tab = closest(&target(e)?, "[role=tab]")?;
        if attribute(&tab, "data-mode").as_deref() == Some(Tab::Quiz.word()) && prop(&self.view.panel, "hidden").as_bool() != Some(true) {
            self.view.show_current();
        }
        None
    }

    /// The attempt's score, once it is fixed.
    pub fn score(&self) -> Option<u8> {
        self.quiz.summary().map(|s| s.score)
    }

    /// Applies `msg`, carries out its effects, re-renders and moves focus; returns the events
    /// for the page.
    fn run(&mut self, msg: Msg, then: Then) -> Out {
        let round = (self.quiz.round(), self.quiz.finished());
        let applied = self.quiz.apply(msg);
        let quiz = &self.quiz;
        let done = effects::carry_out(applied, &self.keeper, |saved| saved.quiz = Some(state::encode_quiz(quiz)));
        if done.refused {
            self.view.notice(Key::StorageUnavailable);
        }
        self.view.render(&self.quiz);
        if !done.said.is_empty() {
            self.view.announce(&done.said);
        }
        if self.quiz.finished() && !round.1 {
            self.view.focus_review();
        } else if round != (self.quiz.round(), self.quiz.finished()) {
            self.view.focus_item();
        } else {
            match then {
                Then::Stay => {}
                Then::Item => self.view.focus_item(),
                Then::Feedback if self.quiz.status(self.quiz.current_item()) != ItemStatus::Open => self.view.focus_feedback(),
                // A refused submission: each missing step says so beside it, the first takes focus.
                Then::Feedback => self.view.refused(&self.quiz),
            }
        }
        (!done.told.is_empty()).then_some(done.told)
    }

    fn click(&mut self, e: &Event) -> Out {
        let button = closest(&target(e)?, "button[data-action]")?;
        if !contains(&self.view.panel, &button) {
            return None;
        }
        let (msg, then) = match Action::of(&button)? {
            Action::Submit => (Msg::Submit, Then::Feedback),
            Action::TryAgain => (Msg::TryAgain, Then::Item),
            Action::ShowSolution => (Msg::ShowSolution, Then::Feedback),
            Action::Next => (Msg::Next, Then::Item),
            Action::Finish => (Msg::Finish, Then::Stay),
            Action::ClearMarks => (Msg::ClearMarks, Then::Stay),
            Action::RetryWrong => (Msg::RetryWrong, Then::Item),
            Action::Restart => (Msg::Restart(crate::web::random_seed()), Then::Item),
            // Back and next keep focus on the navigator's button (the live region names the item);
            // a jump from the list goes to the item's heading.
            Action::NavPrevious => (Msg::Previous, Then::Stay),
            Action::NavNext => (Msg::Next, Then::Stay),
            Action::GoTo => (Msg::GoTo(attribute(&button, "data-item")?.parse().ok()?), Then::Item),
            Action::Explain => {
                self.view.toggle_explained(&button);
                return None;
            }
            Action::Download => {
                self.download();
                return None;
            }
            Action::Print => {
                if let Some(w) = window() {
                    let _ = call(&w, "print", &[]);
                }
                return None;
            }
        };
        self.run(msg, then)
    }

    fn change(&mut self, e: &Event) -> Out {
        let input = target(e)?;
        if !contains(&self.view.panel, &input) {
            return None;
        }
        if attribute(&input, "data-filter").is_some() {
            self.view.filter_review(prop(&input, "checked").as_bool() == Some(true));
            return None;
        }
        let msg = match Input::of(&input)? {
            Input::Criterion(c) => Msg::ToggleCriterion(c),
            Input::Bin(b) => Msg::ChooseBin(b),
            Input::Certainty(c) => Msg::SetCertainty(c),
            Input::Option(o) => Msg::ToggleOption(o),
        };
        self.run(msg, Then::Stay)
    }

    fn keydown(&mut self, e: &Event) -> Out {
        let k = as_a::<KeyboardEvent>(e, "KeyboardEvent")?;
        let t = target(e)?;
        let marking = self.view.marking()?;
        let root: &web_sys::Element = marking.root.as_ref();
        if *root != t {
            return None;
        }
        let op = marking.key(k)?;
        prevent_default(e);
        self.mark(op?)
    }

    fn pointer_down(&mut self, e: &Event) -> Out {
        let p = as_a::<PointerEvent>(e, "PointerEvent")?;
        let t = target(e)?;
        let draft = self.quiz.draft(self.quiz.current_item());
        let marking = self.view.marking()?;
        if marking.pointer_down(p, &t, &|i| draft.marked.binary_search(&i).is_ok()) && is_mouse(p) {
            // No text selection and no focus change by the browser: the widget took focus itself.
            prevent_default(e);
        }
        None
    }

    fn pointer_move(&mut self, e: &Event) -> Out {
        let p = as_a::<PointerEvent>(e, "PointerEvent")?;
        if self.view.marking()?.pointer_move(p) {
            prevent_default(e);
        }
        None
    }

    fn pointer_up(&mut self, e: &Event) -> Out {
        let p = as_a::<PointerEvent>(e, "PointerEvent")?;
        let op = self.view.marking()?.pointer_up(p)?;
        self.mark(op)
    }

    fn pointer_cancel(&mut self, e: &Event) -> Out {
        let p = as_a::<PointerEvent>(e, "PointerEvent")?;
        self.view.marking()?.pointer_cancel(p);
        None
    }

    /// Carries out a marking gesture.
    fn mark(&mut self, op: MarkOp) -> Out {
        let marked = &self.quiz.draft(self.quiz.current_item()).marked;
        let msg = match op {
            MarkOp::Toggle(i) if marked.binary_search(&i).is_ok() => Msg::UnmarkWords { first: i, last: i },
            MarkOp::Toggle(i) => Msg::MarkWords { first: i, last: i },
            MarkOp::Set(r, true) => Msg::MarkWords { first: *r.start(), last: *r.end() },
            MarkOp::Set(r, false) => Msg::UnmarkWords { first: *r.start(), last: *r.end() },
        };
        self.run(msg, Then::Stay)
    }

    /// Saves the review as a Markdown file: a Blob address on an `<a download>`, clicked, and
    /// revoked once the browser has had the time to fetch it.
    fn download(&self) {
        let Some(text) = self.quiz.review_markdown() else { return };
        let Some(doc) = document_of(&self.view.panel) else { return };
        let parts = js_sys::Array::new();
        parts.push(&JsValue::from_str(&text));
        // Plain objects and attributes instead of typed setters (the same Blob and link, fewer
        // imports).
        let options = object(&[("type", JsValue::from_str("text/markdown;charset=utf-8"))]);
        let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, options.unchecked_ref()) else { return };
        let Some(w) = window() else { return };
        let url_api = prop(&w, "URL");
        let Some(url) = call(&url_api, "createObjectURL", &[blob.into()]).ok().and_then(|u| u.as_string()) else { return };
        let Ok(a) = doc.create_element("a") else { return };
        attr(&a, "href", &url);
        let mut name = self.quiz.set().file.id.clone();
        name.push_str(".md");
        attr(&a, "download", &name);
        let _ = call(&a, "click", &[]);
        // The module's one closure type, handed over to JavaScript's garbage collector (not
        // `once_into_js`, whose `FnOnce` machinery would be in the module for this alone).
        let revoke = Callback::new(move |_: Event| {
            let _ = call(&url_api, "revokeObjectURL", &[JsValue::from_str(&url)]);
        })
        .into_js_value();
        let _ = call(&w, "setTimeout", &[revoke, JsValue::from(DOWNLOAD_URL_MS)]);
    }
}
