//! The one loop that carries out an exercise's [`Effect`]s, for the board and the quiz alike:
//! announcements joined into one sentence for the live region, the attempt kept (and the
//! widget's resume string sent to the page), and the page's `answered`, `completed` and
//! `statechange` events with their details (plain objects, built field by field).

use js_sys::Array;
use wasm_bindgen::JsValue;

use crate::core::exercise::{Answer, Effect, ItemKind};
use crate::core::state::Saved;
use crate::web::dom::object;
use crate::web::events::Told;
use crate::web::store::Keeper;

/// What carrying out the effects of one message came to, for the exercise's shell to finish.
pub struct Carried {
    /// The announcements, joined (empty: nothing to say).
    pub said: String,
    /// The events for the page, in order.
    pub told: Vec<Told>,
    /// Whether the attempt was kept.
    pub saved: bool,
    /// Whether the attempt was completed just now.
    pub completed: bool,
    /// Whether the browser refused to store the attempt just now (the shell tells the student).
    pub refused: bool,
}

/// Carries out `effects`; `keep` puts the exercise's part into the widget's kept attempt.
pub fn carry_out(effects: Vec<Effect>, keeper: &Keeper, keep: impl Fn(&mut Saved)) -> Carried {
    let mut done = Carried { said: String::new(), told: Vec::new(), saved: false, completed: false, refused: false };
    for effect in effects {
        match effect {
            Effect::Announce(text) => {
                if !done.said.is_empty() {
                    done.said.push(' ');
                }
                done.said.push_str(&text);
            }
            Effect::Save => {
                let (state, refused) = keeper.keep(&keep);
                done.saved = true;
                done.refused |= refused;
                done.told.push(statechange(&state));
            }
            Effect::Answered(answer) => done.told.push(("answered", answered(&answer))),
            Effect::Completed { score, passed } => {
                done.completed = true;
                done.told.push(("completed", completed(score, passed)));
            }
        }
    }
    done
}

/// The `statechange` event for the widget's resume string `state`.
pub fn statechange(state: &str) -> Told {
    ("statechange", state_detail(state))
}

/// The `statechange` event's detail: `{ state }`, the widget's resume string.
fn state_detail(state: &str) -> JsValue {
    object(&[("state", state.into())])
}

/// The `completed` event's detail: `{ score, passed }` (score in percent; whether it reaches
/// the pass mark).
fn completed(score: u8, passed: bool) -> JsValue {
    object(&[("score", score.into()), ("passed", passed.into())])
}

/// A list of strings as an array.
pub fn strings<S: AsRef<str>>(list: &[S]) -> JsValue {
    list.iter().map(|s| JsValue::from_str(s.as_ref())).collect::<Array>().into()
}

/// The `answered` event's detail for `a` (ids throughout; `check` is the check's or try's
/// number): `{ excerpt, bin, expected, correct, check, certainty?, criteria? }` for an excerpt,
/// `{ question, options, expected, correct, check, certainty? }` for a question.
fn answered(a: &Answer) -> JsValue {
    let first = |list: &[String]| list.first().map_or(JsValue::UNDEFINED, |s| s.into());
    let mut fields = match a.kind {
        ItemKind::Excerpt => vec![("excerpt", (&a.item).into()), ("bin", first(&a.response)), ("expected", first(&a.expected))],
        ItemKind::Question => vec![("question", (&a.item).into()), ("options", strings(&a.response)), ("expected", strings(&a.expected))],
    };
    fields.push(("correct", a.correct.into()));
    fields.push(("check", a.try_number.into()));
    if let Some(c) = a.certainty {
        fields.push(("certainty", c.word().into()));
    }
    if let (ItemKind::Excerpt, Some(criteria)) = (a.kind, &a.criteria) {
        fields.push(("criteria", strings(criteria)));
    }
    object(&fields)
}
