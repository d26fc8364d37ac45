//! The one loop that carries out an exercise's [`Effect`]s, for the board and the quiz alike:
//! announcements joined into one sentence for the live region, the attempt kept (and the
//! widget's resume string sent to the page), and the page's `answered`, `completed` and
//! `statechange` events with their details (Serialize structs, made plain objects by
//! serde-wasm-bindgen).

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::core::exercise::{Answer, Effect, ItemKind};
use crate::core::state::Saved;
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
            Effect::Answered(answer) => done.told.push(("answered", detail(&Answered::of(&answer)))),
            Effect::Completed { score, passed } => {
                done.completed = true;
                done.told.push(("completed", detail(&Completed { score, passed })));
            }
        }
    }
    done
}

/// The `statechange` event for the widget's resume string `state`.
pub fn statechange(state: &str) -> Told {
    ("statechange", detail(&StateChange { state }))
}

/// An event's detail (a plain object) from its fields.
pub fn detail(fields: &impl Serialize) -> JsValue {
    // Only structs of strings, numbers, booleans and lists of strings come here: they always
    // convert.
    serde_wasm_bindgen::to_value(fields).unwrap_or_default()
}

/// The `statechange` event's detail.
#[derive(Serialize)]
struct StateChange<'a> {
    /// The widget's resume string.
    state: &'a str,
}

/// The `completed` event's detail.
#[derive(Serialize)]
struct Completed {
    /// Score in percent.
    score: u8,
    /// Whether it reaches the pass mark.
    passed: bool,
}

/// The `answered` event's detail (ids throughout; `check` is the check's or try's number).
#[derive(Serialize)]
#[serde(untagged)]
enum Answered<'a> {
    /// `{ excerpt, bin, expected, correct, check, certainty?, criteria? }`.
    Excerpt {
        excerpt: &'a str,
        bin: Option<&'a String>,
        expected: Option<&'a String>,
        correct: bool,
        check: u8,
        #[serde(skip_serializing_if = "Option::is_none")]
        certainty: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        criteria: Option<&'a [String]>,
    },
    /// `{ question, options, expected, correct, check, certainty? }`.
    Question {
        question: &'a str,
        options: &'a [String],
        expected: &'a [String],
        correct: bool,
        check: u8,
        #[serde(skip_serializing_if = "Option::is_none")]
        certainty: Option<&'static str>,
    },
}

impl<'a> Answered<'a> {
    /// The detail of `a`.
    fn of(a: &'a Answer) -> Answered<'a> {
        let certainty = a.certainty.map(|c| c.word());
        match a.kind {
            ItemKind::Excerpt => Answered::Excerpt {
                excerpt: &a.item,
                bin: a.response.first(),
                expected: a.expected.first(),
                correct: a.correct,
                check: a.try_number,
                certainty,
                criteria: a.criteria.as_deref(),
            },
            ItemKind::Question => Answered::Question {
                question: &a.item,
                options: &a.response,
                expected: &a.expected,
                correct: a.correct,
                check: a.try_number,
                certainty,
            },
        }
    }
}
