//! The quiz's DOM events to [`QuizMsg`]s, and its effects back to the page.
//!
//! Delegated listeners on the quiz's panel: `click` (the quiz's buttons), `change` (its
//! checkboxes and radio buttons), `keydown` and pointer events (the evidence-marking widget).
//! [`QuizInner::run`] applies a message to the [`Quiz`], carries out the returned
//! [`QuizEffect`]s (announcements, saving, the `answered` and `completed` events for the host
//! page), re-renders and moves focus where the student expects it: to the feedback after a
//! submission, to the item's heading on a new item or try, to the review's heading at the end.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, Event, HtmlElement, KeyboardEvent, PointerEvent};

use crate::core::quiz::{Answer, ItemKind, ItemStatus, Quiz, QuizEffect, QuizMsg};
use crate::core::state::{self, Tab};
use crate::core::strings::Key;
use crate::web::dom::{
    as_a, attr, attribute, call, closest, contains, document_of, is_mouse, object, prevent_default, prop, strings, window,
};
use crate::web::events::{Out, on, target};
use crate::web::listener::{Callback, Listener};
use crate::web::marking::MarkOp;
use crate::web::quiz_view::{Action, Input, QuizView};
use crate::web::store::Keeper;

/// How long the review's download address lives after its click, in milliseconds.
const DOWNLOAD_URL_MS: i32 = 60_000;

/// What the quiz's listeners share: the quiz, its view and the widget's keeper.
pub struct QuizInner {
    quiz: Quiz,
    view: QuizView,
    keeper: Keeper,
}

/// Registers the quiz's delegated listeners on its panel; events for the page go to `host`.
pub fn listen(host: &HtmlElement, inner: &Rc<RefCell<QuizInner>>) -> Vec<Listener> {
    let Ok(panel) = inner.try_borrow().map(|i| i.view.panel.clone()) else { return Vec::new() };
    vec![
        on(host, &panel, inner, "click", QuizInner::click),
        on(host, &panel, inner, "change", QuizInner::change),
        on(host, &panel, inner, "keydown", QuizInner::keydown),
        on(host, &panel, inner, "pointerdown", QuizInner::pointer_down),
        on(host, &panel, inner, "pointermove", QuizInner::pointer_move),
        on(host, &panel, inner, "pointerup", QuizInner::pointer_up),
        on(host, &panel, inner, "pointercancel", QuizInner::pointer_cancel),
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

impl QuizInner {
    /// Shared state for a mounted quiz, drawn once.
    pub fn new(quiz: Quiz, mut view: QuizView, keeper: Keeper) -> QuizInner {
        view.render(&quiz);
        QuizInner { quiz, view, keeper }
    }

    /// After a reload: brings the student back where they were, the current item in view with
    /// focus on its heading (or the review's), once the attempt has gone past its start.
    pub fn resume_place(&self) {
        let q = &self.quiz;
        if q.current() > 0 || q.finished() || q.round() > 1 || q.progress().to_do < q.items().len() {
            self.view.show_current();
        }
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
    fn run(&mut self, msg: QuizMsg, then: Then) -> Out {
        let round = (self.quiz.round(), self.quiz.finished());
        let effects = self.quiz.apply(msg);
        let mut said = String::new();
        let mut told = Vec::new();
        for effect in effects {
            match effect {
                QuizEffect::Announce(text) => {
                    if !said.is_empty() {
                        said.push(' ');
                    }
                    said.push_str(&text);
                }
                QuizEffect::Save => {
                    let state = self.save();
                    told.push(("statechange", object(&[("state", JsValue::from_str(&state))])));
                }
                QuizEffect::Answered(answer) => told.push(("answered", answered(&answer))),
                QuizEffect::Completed { score, passed } => {
                    told.push(("completed", object(&[("score", score.into()), ("passed", passed.into())])));
                }
            }
        }
        self.view.render(&self.quiz);
        if !said.is_empty() {
            self.view.announce(&said);
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
        (!told.is_empty()).then_some(told)
    }

    /// Keeps the quiz's attempt and returns the widget's resume string (telling the student
    /// once when storage fails).
    fn save(&mut self) -> String {
        let quiz = state::encode_quiz(&self.quiz);
        let (state, refused) = self.keeper.keep(|saved| saved.quiz = Some(quiz));
        if refused {
            self.view.notice(Key::StorageUnavailable);
        }
        state
    }

    fn click(&mut self, e: &Event) -> Out {
        let button = closest(&target(e)?, "button[data-action]")?;
        if !contains(&self.view.panel, &button) {
            return None;
        }
        let (msg, then) = match Action::of(&button)? {
            Action::Submit => (QuizMsg::Submit, Then::Feedback),
            Action::TryAgain => (QuizMsg::TryAgain, Then::Item),
            Action::ShowSolution => (QuizMsg::ShowSolution, Then::Feedback),
            Action::Next => (QuizMsg::Next, Then::Item),
            Action::Finish => (QuizMsg::Finish, Then::Stay),
            Action::ClearMarks => (QuizMsg::ClearMarks, Then::Stay),
            Action::RetryWrong => (QuizMsg::RetryWrong, Then::Item),
            Action::Restart => (QuizMsg::Restart(crate::web::random_seed()), Then::Item),
            // Back and next keep focus on the navigator's button (the live region names the item);
            // a jump from the list goes to the item's heading.
            Action::NavPrevious => (QuizMsg::Previous, Then::Stay),
            Action::NavNext => (QuizMsg::Next, Then::Stay),
            Action::GoTo => (QuizMsg::GoTo(attribute(&button, "data-item")?.parse().ok()?), Then::Item),
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
            Input::Criterion(c) => QuizMsg::ToggleCriterion(c),
            Input::Bin(b) => QuizMsg::ChooseBin(b),
            Input::Certainty(c) => QuizMsg::SetCertainty(c),
            Input::Option(o) => QuizMsg::ToggleOption(o),
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
            MarkOp::Toggle(i) if marked.binary_search(&i).is_ok() => QuizMsg::UnmarkWords { first: i, last: i },
            MarkOp::Toggle(i) => QuizMsg::MarkWords { first: i, last: i },
            MarkOp::Set(r, true) => QuizMsg::MarkWords { first: *r.start(), last: *r.end() },
            MarkOp::Set(r, false) => QuizMsg::UnmarkWords { first: *r.start(), last: *r.end() },
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

/// The `answered` event's detail: `{ excerpt, bin, expected, correct, check, certainty?,
/// criteria? }` for an excerpt, `{ question, options, expected, correct, check, certainty? }`
/// for a question (ids throughout; `check` is the try's number).
fn answered(a: &Answer) -> JsValue {
    let ids = |list: &[String]| -> JsValue { strings(&mut list.iter().map(String::as_str)).into() };
    let first = |list: &[String]| list.first().map_or(JsValue::NULL, |s| JsValue::from_str(s));
    let mut fields: Vec<(&str, JsValue)> = match a.kind {
        ItemKind::Excerpt => vec![("excerpt", JsValue::from_str(&a.item)), ("bin", first(&a.response)), ("expected", first(&a.expected))],
        ItemKind::Question => vec![("question", JsValue::from_str(&a.item)), ("options", ids(&a.response)), ("expected", ids(&a.expected))],
    };
    fields.push(("correct", a.correct.into()));
    fields.push(("check", a.try_number.into()));
    if let Some(c) = a.certainty {
        fields.push(("certainty", JsValue::from_str(c.word())));
    }
    if let Some(criteria) = &a.criteria {
        fields.push(("criteria", ids(criteria)));
    }
    object(&fields)
}
