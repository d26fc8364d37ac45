//! The browser shell (compiled only for `wasm32`): the `#[wasm_bindgen]` API that pages use.
//!
//! JavaScript sees one opaque handle, [`Widget`]: `new Widget(host, setText, options)` mounts an
//! exercise into `host` (and `Widget.fetchFailed(host, url, reason, options)` a notice that the
//! set could not be fetched); `score()` reads the result; `destroy()` (or `free()`) removes the
//! widget's DOM and every listener it registered. All state lives in wasm memory behind the
//! handle, so two widgets on a page share nothing. The host element receives the bubbling DOM
//! events `ready` ({setId, excerpts}), `answered` ({excerpt, bin, correct, check}) and
//! `completed` ({score, passed}).
//!
//! Submodules: [`view`] (the DOM), [`events`] (DOM events → [`Msg`](crate::core::session::Msg)
//! → effects), [`store`] (guarded `localStorage`), [`listener`] (owned event listeners);
//! [`problems`] is the set editor's check (a set's problems as plain objects).

pub mod events;
pub mod listener;
pub mod problems;
pub mod store;
pub mod view;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use wasm_bindgen::prelude::*;
use web_sys::{Document, HtmlElement};

use crate::core::session::Session;
use crate::core::set;
use crate::core::state;
use crate::core::strings::{Key, Lang};

use events::Inner;
use listener::Listener;
use store::Store;
use view::View;

/// The page's options (a plain object; every field optional).
#[derive(Debug, Default)]
struct Options {
    /// Interface language, a BCP 47 tag (`nl`, `en`); default: the set's language.
    lang: Option<String>,
    /// Shuffle seed for a fresh attempt; default: random.
    seed: Option<f64>,
    /// Storage key instead of `diary-sort:{set id}:{set hash}`.
    storage_key: Option<String>,
    /// Whether to keep the attempt in `localStorage` (default true).
    storage: Option<bool>,
}

impl Options {
    /// Reads the options object (`undefined` or `null`: all defaults).
    fn from_js(object: &JsValue) -> Result<Options, JsError> {
        if object.is_undefined() || object.is_null() { Ok(Options::default()) } else { Options::read(object) }
    }

    /// Reads the options object; a field of the wrong type is an error naming it.
    fn read(object: &JsValue) -> Result<Options, JsError> {
        let field = |name: &str| js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let wrong = |name: &str, kind: &str| JsError::new(&format!("option `{name}` must be {kind}"));
        let text = |name: &str| {
            let v = field(name);
            if v.is_undefined() || v.is_null() { Ok(None) } else { v.as_string().map(Some).ok_or_else(|| wrong(name, "a string")) }
        };
        let seed = field("seed");
        let storage = field("storage");
        Ok(Options {
            lang: text("lang")?,
            seed: if seed.is_undefined() || seed.is_null() { None } else { Some(seed.as_f64().ok_or_else(|| wrong("seed", "a number"))?) },
            storage_key: text("storageKey")?,
            storage: if storage.is_undefined() || storage.is_null() { None } else { Some(storage.as_bool().ok_or_else(|| wrong("storage", "true or false"))?) },
        })
    }
}

/// Widgets mounted so far, for unique element id prefixes.
static MOUNTED: AtomicU32 = AtomicU32::new(0);

/// A sorting exercise mounted in a host element.
#[wasm_bindgen]
pub struct Widget {
    root: HtmlElement,
    inner: Option<Rc<RefCell<Inner>>>,
    listeners: Vec<Listener>,
}

#[wasm_bindgen]
impl Widget {
    /// Mounts the exercise in `set_text` (a set's JSON) into `host`. A set that does not load
    /// shows its problems inside `host` instead (the page keeps working). Fails only for
    /// options of the wrong shape.
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, set_text: &str, options: JsValue) -> Result<Widget, JsError> {
        let options = Options::from_js(&options)?;
        let doc = document_of(&host)?;
        let n = MOUNTED.fetch_add(1, Ordering::Relaxed);
        let mut prefix = String::from("diary-sort-");
        prefix.push_str(&n.to_string());
        let requested = options.lang.as_deref().and_then(Lang::from_tag);

        let set = match set::load(set_text) {
            Ok(set) => set,
            Err(errors) => {
                // The interface language: asked for, else the set's own `lang` if the text is
                // JSON within the limits, else the page's.
                let ui = requested.or_else(|| set::stated_lang(set_text)).unwrap_or_else(|| page_lang(&host));
                let problems: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
                return Ok(Widget::failed(&host, view::failed(&doc, ui, Key::LoadFailed, &problems)));
            }
        };

        let ui = requested.unwrap_or(set.file.lang);
        let wanted = options.storage.unwrap_or(true);
        let key = options.storage_key.clone().unwrap_or_else(|| store::key_for(&set.file.id, set.hash));
        let mut store = Store::open(wanted, key);
        let seed = options.seed.map(|s| s as u64).unwrap_or_else(random_seed);
        let mut notices = Vec::new();
        if wanted && !store.available() {
            notices.push(Key::StorageUnavailable);
        }
        let (session, fresh) = match store.load() {
            Some(text) => match state::decode(set.clone(), ui, &text) {
                Ok(s) => {
                    notices.push(Key::Resumed);
                    (s, false)
                }
                Err(_) => {
                    notices.push(Key::StateReset);
                    (Session::new(set, ui, seed), true)
                }
            },
            None => (Session::new(set, ui, seed), true),
        };
        if fresh {
            // Keep the shuffle (its seed) even if the page is reloaded before the first move.
            if !store.save(&state::encode(&session)) && !notices.contains(&Key::StorageUnavailable) {
                notices.push(Key::StorageUnavailable);
            }
        }

        let mut view = View::build(&doc, &prefix, &session);
        for key in &notices {
            view.notice(*key);
        }
        view.render(&session);
        let root = view.root.clone();
        let _ = host.append_child(&root);
        view.ready();

        let storage_noticed = notices.contains(&Key::StorageUnavailable);
        let set = session.set();
        let ready = events::detail(&[("setId", JsValue::from_str(&set.file.id)), ("excerpts", set.len().into())]);
        let inner = Rc::new(RefCell::new(Inner::new(session, view, store, storage_noticed)));
        let listeners = events::listen(&host, &root, &inner);
        events::dispatch(&host, "ready", &ready);
        Ok(Widget { root, inner: Some(inner), listeners })
    }

    /// Mounts, instead of an exercise, the notice that the set at `url` could not be fetched
    /// (`reason`: the HTTP status or the network error), in the interface language of `options`
    /// (else the page's). Fails only for options of the wrong shape.
    #[wasm_bindgen(js_name = fetchFailed)]
    pub fn fetch_failed(host: HtmlElement, url: &str, reason: &str, options: JsValue) -> Result<Widget, JsError> {
        let options = Options::from_js(&options)?;
        let ui = options.lang.as_deref().and_then(Lang::from_tag).unwrap_or_else(|| page_lang(&host));
        let problem = [url, ": ", reason].concat();
        Ok(Widget::failed(&host, view::failed(&document_of(&host)?, ui, Key::FetchFailed, &[problem])))
    }

    /// The score in percent once the attempt is finished, otherwise `undefined`.
    pub fn score(&self) -> Option<u8> {
        let inner = self.inner.as_ref()?.try_borrow().ok()?;
        inner.score()
    }

    /// Removes the widget: its DOM and every listener. The handle is unusable afterwards.
    pub fn destroy(self) {}

    /// A widget that only shows `panel` (a problem instead of an exercise) in `host`.
    fn failed(host: &HtmlElement, panel: HtmlElement) -> Widget {
        let _ = host.append_child(&panel);
        Widget { root: panel, inner: None, listeners: Vec::new() }
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.listeners.clear();
        if let Some(inner) = &self.inner {
            if let Ok(mut inner) = inner.try_borrow_mut() {
                inner.stop();
            }
        }
        self.root.remove();
    }
}

/// The document `host` belongs to.
fn document_of(host: &HtmlElement) -> Result<Document, JsError> {
    host.owner_document().ok_or_else(|| JsError::new("the host element has no document"))
}

/// The language of the page around `host`: the nearest `lang` attribute it understands (Dutch
/// when there is none).
fn page_lang(host: &HtmlElement) -> Lang {
    let tag = host.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang"));
    tag.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::Nl)
}

/// A shuffle seed from `Math.random` (the core never draws random numbers itself).
pub(crate) fn random_seed() -> u64 {
    let part = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (part() << 32) | part()
}
