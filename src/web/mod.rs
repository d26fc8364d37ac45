//! The browser shell (compiled only for `wasm32`): the `#[wasm_bindgen]` API that pages use.
//!
//! JavaScript sees one opaque handle, [`Widget`]: `new Widget(host, setText, options)` mounts an
//! exercise into `host` (and `Widget.fetchFailed(host, url, reason, options)` a notice that the
//! set could not be fetched); `score()` reads the result; `destroy()` (or `free()`) removes the
//! widget's DOM and every listener it registered. All state lives in wasm memory behind the
//! handle, so two widgets on a page share nothing. The host element receives the bubbling DOM
//! events `ready` ({setId, excerpts, bins, passMark, state}), `answered` ({excerpt, bin,
//! expected, correct, check}), `completed` ({score, passed}) and `statechange` ({state}, the
//! widget's resume string, both modes and the tab, whenever it changes, for a host that keeps it
//! elsewhere, e.g. an LMS). `isResumeString(text)` tells such a host whether a text it kept is one.
//!
//! The interface language is the page's or element's explicit choice (option `lang`), else the
//! set's `lang`, else (when there is no set to read it from) the first of the reader's
//! languages (option `browserLanguages`, `navigator.languages`) we have, else the page's own
//! `lang` around the host, else Dutch.
//!
//! Submodules: [`view`] (the board's DOM), [`events`] (DOM events → [`Msg`](crate::core::board::Msg)
//! → effects), `quiz_view` and `quiz_events` (the same for the quiz; with the feature `quiz`,
//! whose absence makes the board's module, where `quiz_later` stands in), [`effects`] (the one
//! loop that carries out either exercise's effects), [`store`] (guarded `localStorage`), [`listener`] (owned event listeners);
//! `problems` is the set editor's check (a set's problems as plain objects; not in the board's
//! module, which hands a set with problems to the whole module) and
//! `course_package` its "Download for an LMS" (a course package's entries) and `authoring` its
//! evidence by selection and spreadsheet import (both only in the editor's build, feature
//! `editor`).

#[cfg(feature = "editor")]
pub mod authoring;
#[cfg(feature = "editor")]
pub mod course_package;
pub mod dom;
pub mod effects;
pub mod events;
pub mod listener;
#[cfg(feature = "quiz")]
pub mod marking;
pub mod modes;
#[cfg(feature = "quiz")]
pub mod problems;
#[cfg(feature = "quiz")]
pub mod quiz_events;
#[cfg(not(feature = "quiz"))]
pub mod quiz_later;
#[cfg(feature = "quiz")]
pub mod quiz_view;
pub mod store;
pub mod view;

/// The memory allocator: Talc, which is smaller than Rust's default for wasm32 (dlmalloc) and
/// grows the module's memory as it needs. Every KB of the module costs a phone about 5 ms before
/// the board (docs/contributors.md).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{Document, HtmlElement};

use crate::core::board::Board;
#[cfg(feature = "quiz")]
use crate::core::quiz::Quiz;
use crate::core::set::{self, Mode, SetErrors};
use crate::core::state::{self, Saved, StateError, Tab};
// The whole module reads both modes' attempts; the board's keeps the quiz's string unread.
#[cfg(not(feature = "quiz"))]
use crate::core::state::{Kept as Resumed, decode_kept as read_attempt};
#[cfg(feature = "quiz")]
use crate::core::state::{Resumed, decode_attempt as read_attempt};
use crate::core::strings::{Key, Lang};

#[cfg(not(feature = "quiz"))]
use dom::Dom;
use dom::Ui;
use events::BoardShell;
use listener::Listener;
use modes::{Handover, Modes, QuizPart};
#[cfg(feature = "quiz")]
use quiz_events::QuizShell;
#[cfg(not(feature = "quiz"))]
use quiz_later::QuizLater;
#[cfg(feature = "quiz")]
use quiz_view::QuizView;
use store::{Keeper, Store};
use view::View;

/// The page's options (a plain object; every field optional).
#[derive(Debug, Default)]
struct Options {
    /// Interface language, a BCP 47 tag (`nl`, `en`): the page's or the element's explicit
    /// choice, which wins over the set's language.
    lang: Option<String>,
    /// The reader's languages, most preferred first (`navigator.languages`): the interface
    /// language when neither `lang` nor a set says one (a set that cannot be fetched or read).
    browser_languages: Vec<String>,
    /// Shuffle seed for a fresh attempt; default: random.
    seed: Option<f64>,
    /// Storage key instead of `diary-sort:{set id}:{set hash}`.
    storage_key: Option<String>,
    /// Appended to the storage key (`…:{scope}`): whose attempt it is, e.g. an LMS's learner and
    /// attempt, so that one learner's attempt never reaches another on a shared browser.
    storage_scope: Option<String>,
    /// Whether to keep the attempt in `localStorage` (default true).
    storage: Option<bool>,
    /// A resume string to start from instead of the stored one (an LMS's suspend data); empty:
    /// a fresh attempt (an LMS's new attempt), whatever is stored.
    state: Option<String>,
    /// This widget takes over from the board's module's on the same page (`state` is that
    /// widget's), its quiz to be shown: focus goes where the choice of the quiz would have put
    /// it, and after a choice in the middle of the page's life (`tab`, `quiz`) no notice says
    /// that the board was restored (the student never left it).
    handover: Option<Handover>,
}

impl Options {
    /// Reads the options object (`undefined` or `null`: all defaults).
    fn from_js(object: &JsValue) -> Result<Options, JsError> {
        if object.is_null_or_undefined() { Ok(Options::default()) } else { Options::read(object) }
    }

    /// Reads the options object; a field of the wrong type is an error naming it.
    fn read(object: &JsValue) -> Result<Options, JsError> {
        let field = |name: &'static str| dom::prop(object, name);
        let wrong = |name: &str, kind: &str| JsError::new(&format!("option `{name}` must be {kind}"));
        let text = |name: &'static str| {
            let v = field(name);
            if v.is_null_or_undefined() { Ok(None) } else { v.as_string().map(Some).ok_or_else(|| wrong(name, "a string")) }
        };
        let seed = field("seed");
        let storage = field("storage");
        let languages = field("browserLanguages");
        let browser_languages = if languages.is_null_or_undefined() {
            Vec::new()
        } else {
            let list = languages.dyn_into::<js_sys::Array>().map_err(|_| wrong("browserLanguages", "a list of strings"))?;
            // A loop, not `collect::<Result<_, _>>()`: the same list, without its generic
            // machinery (0.8 KB of the module).
            let mut tags = Vec::new();
            for tag in list.iter() {
                tags.push(tag.as_string().ok_or_else(|| wrong("browserLanguages", "a list of strings"))?);
            }
            tags
        };
        Ok(Options {
            lang: text("lang")?,
            browser_languages,
            seed: if seed.is_null_or_undefined() { None } else { Some(seed.as_f64().ok_or_else(|| wrong("seed", "a number"))?) },
            storage_key: text("storageKey")?,
            storage_scope: text("storageScope")?,
            storage: if storage.is_null_or_undefined() {
                None
            } else {
                Some(storage.as_bool().ok_or_else(|| wrong("storage", "true or false"))?)
            },
            state: text("state")?,
            handover: match text("handover")? {
                None => None,
                Some(word) => Some(Handover::from_word(&word).ok_or_else(|| wrong("handover", "\"tab\", \"quiz\" or \"page\""))?),
            },
        })
    }

    /// The language the page or element asked for, when it is one we have.
    fn requested(&self) -> Option<Lang> {
        self.lang.as_deref().and_then(Lang::from_tag)
    }

    /// The language when neither the page nor a set says one: the first of the reader's
    /// languages that we have, else the page's around `host`.
    fn unset(&self, host: &HtmlElement) -> Lang {
        self.browser_languages.iter().find_map(|tag| Lang::from_tag(tag)).unwrap_or_else(|| page_lang(host))
    }
}

/// The `ready` event's detail.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Ready<'a> {
    /// The set's id.
    set_id: &'a str,
    /// How many excerpts it has.
    excerpts: usize,
    /// Its bins' ids, in the board's order.
    bins: Vec<&'a str>,
    /// The pass mark in percent.
    pass_mark: u8,
    /// The widget's resume string, as it starts.
    state: &'a str,
}

/// Widgets mounted so far, for unique element id prefixes.
static MOUNTED: AtomicU32 = AtomicU32::new(0);

/// A sorting exercise mounted in a host element.
#[wasm_bindgen]
pub struct Widget {
    root: HtmlElement,
    /// The board, when the set offers it.
    board: Option<Rc<RefCell<BoardShell>>>,
    /// The quiz, when the set offers it.
    quiz: Option<Rc<RefCell<QuizPart>>>,
    /// The switch between them, when the set offers both.
    modes: Option<Rc<RefCell<Modes>>>,
    listeners: Vec<Listener>,
    /// The set's `eyebrow`, for the page around the exercise.
    eyebrow: Option<String>,
}

#[wasm_bindgen]
impl Widget {
    /// Mounts the exercise in `set_text` (a set's JSON) into `host`. A set that does not load
    /// shows its problems inside `host` instead (the page keeps working). Fails only for
    /// options of the wrong shape.
    // `skip_jsdoc`: the glue that students download leaves out the @param lines (the types are in
    // the generated .d.ts).
    #[wasm_bindgen(constructor, skip_jsdoc)]
    pub fn new(host: HtmlElement, set_text: &str, options: JsValue) -> Result<Widget, JsError> {
        let options = Options::from_js(&options)?;
        let doc = document_of(&host)?;
        let n = MOUNTED.fetch_add(1, Ordering::Relaxed);
        let mut prefix = String::from("diary-sort-");
        prefix.push_str(&n.to_string());
        let requested = options.requested();

        let set = match set::load(set_text) {
            Ok(set) => set,
            Err(errors) => {
                // The interface language: asked for, else the set's own `lang` if the text is
                // JSON within the limits, else the reader's.
                let ui = requested.or_else(|| set::stated_lang(set_text)).unwrap_or_else(|| options.unset(&host));
                return Ok(Widget::not_loaded(&host, &doc, ui, &errors));
            }
        };
        // One set for the board and the quiz: each holds a reference to it, not a copy.
        let set = Rc::new(set);

        let lang = requested.unwrap_or(set.file.lang);
        let ui = Ui::new(&set, lang);
        let wanted = options.storage.unwrap_or(true);
        let mut key = options.storage_key.clone().unwrap_or_else(|| store::key_for(&set.file.id, set.hash));
        if let Some(scope) = &options.storage_scope {
            key.push(':');
            key.push_str(scope);
        }
        let seed = options.seed.map(|s| s as u64).unwrap_or_else(random_seed);
        let dom = view::dom_for(&doc, &ui, &set);
        let root = view::frame(&dom, &ui, &set);

        // One resume string for both modes and the tab: handed in by the page (an LMS's), else
        // the stored one.
        let store = Store::open(wanted, key.clone());
        let (resumed, notices) = resume(&store, wanted, options.state.as_deref(), |text| read_attempt(set.clone(), lang, text));
        // Earlier versions kept the quiz's attempt and the tab under keys of their own (`…:quiz`,
        // `…:mode`): read while nothing newer is stored.
        let old = |suffix: &str| Store::open(wanted, [key.as_str(), suffix].concat()).load();
        let older = options.state.is_none() && resumed.tab.is_none() && resumed.quiz.is_none();
        #[cfg(feature = "quiz")]
        let (resumed, notices) =
            if older { with_older_keys(resumed, notices, old, |text| read_attempt(set.clone(), lang, text)) } else { (resumed, notices) };
        let mut notices = notices;
        let keeper = Keeper::new(store, Saved::default());
        // The board's module reads only this version's strings: any other attempt (an earlier
        // version's, or one it cannot read) is the whole module's to read, and to say so.
        #[cfg(not(feature = "quiz"))]
        if notices.contains(&Key::StateReset) || (older && (old(":quiz").is_some() || old(":mode").is_some())) {
            return Ok(Widget::handed_over(&host, dom, &ui, root, options.state.clone(), set.file.eyebrow.clone()));
        }
        let mode = set.file.mode;
        let tab = resumed.tab.unwrap_or(Tab::Board);
        let modes = (mode == Mode::Both).then(|| Rc::new(RefCell::new(Modes::build(&dom, &ui, &prefix, &root, tab, keeper.clone()))));
        let panel = |t: Tab| modes.as_ref().and_then(|s| s.try_borrow().ok()).map_or_else(|| root.clone(), |s| s.panel(t));
        let mut listeners = Vec::new();
        let mut board_shell = None;
        let mut quiz = None;
        let mut saved = Saved { tab: modes.is_some().then_some(tab), board: None, quiz: None };
        // The state the widget starts from is stored at once (a fresh attempt's shuffle survives
        // a reload before the first move).
        // "Your previous attempt has been restored" only where there was something to restore:
        // a page reloaded before the first move starts as it was, without the notice.
        // After a handover in the middle of the page's life (the quiz chosen), the board was on the
        // screen all along: no notice that it was restored. A handover as the page opens is a load.
        let mid_page = matches!(options.handover, Some(Handover::Tab | Handover::Quiz));
        let board_resumed = !mid_page && resumed.board.as_ref().is_some_and(Board::started);
        let board = mode.has_board().then(|| resumed.board.unwrap_or_else(|| Board::new(set.clone(), lang, seed)));
        saved.board = board.as_ref().map(state::encode);
        #[cfg(feature = "quiz")]
        let quiz_resumed = resumed.quiz.as_ref().is_some_and(Quiz::started);
        #[cfg(feature = "quiz")]
        let q = mode.has_quiz().then(|| resumed.quiz.unwrap_or_else(|| Quiz::new(set.clone(), lang, seed)));
        #[cfg(feature = "quiz")]
        {
            saved.quiz = q.as_ref().map(state::encode_quiz);
        }
        // The board's module keeps the quiz's string as it was (none: the quiz not yet begun).
        #[cfg(not(feature = "quiz"))]
        let q = mode.has_quiz().then_some(());
        #[cfg(not(feature = "quiz"))]
        {
            saved.quiz = resumed.quiz;
        }
        let (first_state, refused) = keeper.keep(|kept| *kept = saved);
        if refused && !notices.contains(&Key::StorageUnavailable) {
            notices.push(Key::StorageUnavailable);
        }
        // Each mode shows the notices, and that it resumed when it did.
        let shown = |resumed: bool| notices.iter().copied().filter(move |&k| k != Key::Resumed || resumed);
        if let Some(board) = board {
            let parent = panel(Tab::Board);
            let mut view = View::build(dom.clone(), &prefix, &board, &root, &parent);
            for key in shown(board_resumed) {
                view.notice(key);
            }
            let _ = view.render(&board);
            let inner = Rc::new(RefCell::new(BoardShell::new(board, view, keeper.clone())));
            listeners.append(&mut events::listen(&host, &parent, &inner));
            board_shell = Some(inner);
        }
        if let Some(q) = q {
            // Behind a tab not shown, the quiz is drawn when the tab is first opened.
            let at_once = modes.is_none();
            #[cfg(feature = "quiz")]
            let (inner, mut heard) = {
                let view = QuizView::build(dom.clone(), &ui, &prefix, panel(Tab::Quiz));
                for key in shown(quiz_resumed) {
                    view.notice(key);
                }
                let inner = Rc::new(RefCell::new(QuizShell::new(q, view, keeper.clone(), at_once)));
                let heard = quiz_events::listen(&host, &inner);
                (inner, heard)
            };
            // The board's module: the attempt as it was (stored above), the panel a stand-in.
            #[cfg(not(feature = "quiz"))]
            let (inner, mut heard) = {
                let () = q;
                let panel = panel(Tab::Quiz);
                let inner = Rc::new(RefCell::new(QuizLater::new(dom.clone(), &ui, &panel, keeper.clone(), at_once)));
                let heard = vec![events::on(&host, &panel, &inner, "click", QuizLater::click)];
                (inner, heard)
            };
            if let Some(mut m) = modes.as_ref().and_then(|m| m.try_borrow_mut().ok()) {
                m.hold_quiz(inner.clone());
            }
            listeners.append(&mut heard);
            quiz = Some(inner);
        }
        if let Some(m) = &modes {
            listeners.push(events::on(&host, &root, m, "click", Modes::click));
            listeners.push(events::on(&host, &root, m, "keydown", Modes::keydown));
            #[cfg(feature = "quiz")]
            if let Some(q) = &quiz {
                // After the switch above has shown the quiz's panel.
                listeners.push(events::on(&host, &root, q, "click", QuizShell::tab_chosen));
            }
        }
        dom::attr(&root, "data-ready", "true");
        dom::append(&host, &root);
        let quiz_shown = quiz.is_some() && modes.as_ref().and_then(|m| m.try_borrow().ok()).is_none_or(|m| m.active() == Tab::Quiz);
        // Once the widget is in the page: a reload opens the quiz where the student was; after a
        // handover, focus goes where the student's choice of the quiz would have put it.
        #[cfg(feature = "quiz")]
        if let Some(q) = quiz.as_ref().filter(|_| quiz_shown).and_then(|q| q.try_borrow().ok()) {
            match options.handover {
                Some(Handover::Tab) => {
                    if let Some(m) = modes.as_ref().and_then(|m| m.try_borrow().ok()) {
                        m.focus_tab();
                    }
                }
                Some(Handover::Quiz) => q.show_current(),
                Some(Handover::Page) | None => {
                    if quiz_resumed {
                        q.resume_place();
                    }
                }
            }
        }
        let ready = Ready {
            set_id: &set.file.id,
            excerpts: set.len(),
            bins: set.bins.iter().map(|&b| set.bin(b).id).collect(),
            pass_mark: set.file.settings.pass_mark,
            state: &first_state,
        };
        events::dispatch(&host, "ready", &effects::detail(&ready));
        // In the board's module, the quiz shown at once needs the whole module.
        if let Some((name, detail)) = quiz.as_ref().filter(|_| quiz_shown).and_then(|q| modes::quiz_shown(q, Handover::Page)) {
            events::dispatch(&host, name, &detail);
        }
        Ok(Widget { root, board: board_shell, quiz, modes, listeners, eyebrow: set.file.eyebrow.clone() })
    }

    /// Mounts, instead of an exercise, the notice that the set at `url` could not be fetched
    /// (`reason`: the HTTP status or the network error), in the interface language of `options`
    /// (else the page's). Fails only for options of the wrong shape.
    #[wasm_bindgen(js_name = fetchFailed, skip_jsdoc)]
    pub fn fetch_failed(host: HtmlElement, url: &str, reason: &str, options: JsValue) -> Result<Widget, JsError> {
        let options = Options::from_js(&options)?;
        let ui = options.requested().unwrap_or_else(|| options.unset(&host));
        let problem = [url, ": ", reason].concat();
        Ok(Widget::failed(&host, view::failed(&document_of(&host)?, &Ui::builtin(ui), Key::FetchFailed, &[problem])))
    }

    /// The score in percent once the attempt in the mode shown is finished, otherwise
    /// `undefined`.
    #[wasm_bindgen(skip_jsdoc)]
    pub fn score(&self) -> Option<u8> {
        if self.quiz_shown()? { self.quiz.as_ref()?.try_borrow().ok()?.score() } else { self.board.as_ref()?.try_borrow().ok()?.score() }
    }

    /// Whether the mode shown is the quiz (`None` while the switch is busy).
    fn quiz_shown(&self) -> Option<bool> {
        Some(match &self.modes {
            Some(m) => m.try_borrow().ok()?.active() == Tab::Quiz,
            None => self.board.is_none(),
        })
    }

    /// The set's eyebrow, the short line a page shows above the exercise naming its kind
    /// ("Sorting diaries"), when the set has one (`undefined` also when the set did not load).
    #[wasm_bindgen(getter, skip_jsdoc)]
    pub fn eyebrow(&self) -> Option<String> {
        self.eyebrow.clone()
    }

    /// Whether the set offers the quiz (a page loading the board's module first may then fetch
    /// the whole module ahead of the student's choice of the quiz).
    #[wasm_bindgen(getter, js_name = hasQuiz, skip_jsdoc)]
    pub fn has_quiz(&self) -> bool {
        self.quiz.is_some()
    }

    /// In the board's module, once it has asked for the whole module (`loadquiz`): the options
    /// for the whole module's widget that takes its place, `{ state, handover }` (or `{ handover }`
    /// alone when the whole module is to read the stored attempt itself); `undefined` while the
    /// quiz is not shown (the student went back to the board meanwhile).
    #[cfg(not(feature = "quiz"))]
    #[wasm_bindgen(getter, skip_jsdoc)]
    pub fn takeover(&self) -> JsValue {
        let quiz = self.quiz.as_ref().and_then(|q| q.try_borrow().ok());
        match quiz {
            Some(quiz) if self.quiz_shown() == Some(true) => quiz.takeover(),
            _ => JsValue::UNDEFINED,
        }
    }

    /// In the board's module: the whole module could not be loaded (`reason`); the quiz's panel
    /// says so and offers to try again.
    #[cfg(not(feature = "quiz"))]
    #[wasm_bindgen(js_name = quizFailed, skip_jsdoc)]
    pub fn quiz_failed(&self, reason: &str) {
        if let Some(q) = self.quiz.as_ref().and_then(|q| q.try_borrow().ok()) {
            q.failed(reason);
        }
    }

    /// Removes the widget: its DOM and every listener. The handle is unusable afterwards.
    pub fn destroy(self) {}

    /// In the board's module: a widget that stands in for the whole module's in `root` (a set
    /// with problems, or an attempt `handed` in or stored that this module does not read), and
    /// asks the page for the whole module at once.
    #[cfg(not(feature = "quiz"))]
    fn handed_over(host: &HtmlElement, dom: Dom, ui: &Ui, root: HtmlElement, handed: Option<String>, eyebrow: Option<String>) -> Widget {
        let later = Rc::new(RefCell::new(QuizLater::for_exercise(dom, ui, &root, handed)));
        let heard = events::on(host, &root, &later, "click", QuizLater::click);
        dom::append(host, &root);
        if let Some((name, detail)) = modes::quiz_shown(&later, Handover::Page) {
            events::dispatch(host, name, &detail);
        }
        Widget { root, board: None, quiz: Some(later), modes: None, listeners: vec![heard], eyebrow }
    }

    /// For a set that does not load (its `errors`), in interface language `ui`: the panel that
    /// lists its problems.
    #[cfg(feature = "quiz")]
    fn not_loaded(host: &HtmlElement, doc: &Document, ui: Lang, errors: &SetErrors) -> Widget {
        let problems: Vec<String> = errors.0.iter().map(|problem| problem.text(ui)).collect();
        Widget::failed(host, view::failed(doc, &Ui::builtin(ui), Key::LoadFailed, &problems))
    }

    /// For a set that does not load, in the board's module: the whole module is asked for, to put
    /// its problems into words (their texts are not in this module).
    #[cfg(not(feature = "quiz"))]
    fn not_loaded(host: &HtmlElement, doc: &Document, ui: Lang, _errors: &SetErrors) -> Widget {
        let dom = Dom { doc: doc.clone(), set_lang: None };
        let root = view::bare_frame(&dom, ui);
        Widget::handed_over(host, dom, &Ui::builtin(ui), root, None, None)
    }

    /// A widget that only shows `panel` (a problem instead of an exercise) in `host`.
    fn failed(host: &HtmlElement, panel: HtmlElement) -> Widget {
        dom::append(host, &panel);
        Widget { root: panel, board: None, quiz: None, modes: None, listeners: Vec::new(), eyebrow: None }
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.listeners.clear();
        if let Some(board) = &self.board {
            if let Ok(mut board) = board.try_borrow_mut() {
                board.stop();
            }
        }
        dom::remove(&self.root);
    }
}

/// The attempt to start from: the resume string `handed` in by the page (an LMS's; empty: a
/// fresh attempt, whatever is stored), else the stored one; with the notices the student should
/// see about it. Nothing resumed: every mode starts afresh.
fn resume(
    store: &Store,
    wanted: bool,
    handed: Option<&str>,
    decode: impl FnOnce(&str) -> Result<Resumed, StateError>,
) -> (Resumed, Vec<Key>) {
    let mut notices = Vec::new();
    if wanted && !store.available() {
        notices.push(Key::StorageUnavailable);
    }
    let text = match handed {
        Some(text) => Some(text.to_string()).filter(|t| !t.trim().is_empty()),
        None => store.load(),
    };
    let nothing = Resumed { tab: None, board: None, quiz: None };
    let resumed = match text.map(|t| decode(&t)) {
        Some(Ok(resumed)) => {
            notices.push(Key::Resumed);
            resumed
        }
        Some(Err(_)) => {
            notices.push(Key::StateReset);
            nothing
        }
        None => nothing,
    };
    (resumed, notices)
}

/// `resumed` with the quiz's attempt and the tab that earlier versions kept under keys of their
/// own (`old(":quiz")`, `old(":mode")`), read with `decode`; `notices` with "restored" if the quiz's was.
#[cfg(feature = "quiz")]
fn with_older_keys(
    mut resumed: Resumed,
    mut notices: Vec<Key>,
    old: impl Fn(&str) -> Option<String>,
    decode: impl FnOnce(&str) -> Result<Resumed, StateError>,
) -> (Resumed, Vec<Key>) {
    if let Some(Ok(Resumed { quiz: Some(quiz), .. })) = old(":quiz").map(|text| decode(&text)) {
        resumed.quiz = Some(quiz);
        if !notices.contains(&Key::Resumed) {
            notices.push(Key::Resumed);
        }
    }
    resumed.tab = old(":mode").and_then(|word| Tab::ALL.into_iter().find(|t| t.word() == word));
    (resumed, notices)
}

/// The document `host` belongs to.
fn document_of(host: &HtmlElement) -> Result<Document, JsError> {
    dom::document_of(host).ok_or_else(|| JsError::new("the host element has no document"))
}

/// The language of the page around `host`: the nearest `lang` attribute it understands (Dutch
/// when there is none).
fn page_lang(host: &HtmlElement) -> Lang {
    let tag = dom::closest(host, "[lang]").and_then(|e| dom::attribute(&e, "lang"));
    tag.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::Nl)
}

/// A shuffle seed from `Math.random` (the core never draws random numbers itself).
pub(crate) fn random_seed() -> u64 {
    let part = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (part() << 32) | part()
}

/// Whether `text` is a resume string this module reads (the LMS bridges ask, before they hand an
/// LMS's stored text to the element: they never parse one themselves).
#[wasm_bindgen(js_name = isResumeString, skip_jsdoc)]
pub fn is_resume_string(text: &str) -> bool {
    state::is_resume(text)
}
