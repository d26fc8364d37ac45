//! Where an attempt is kept between visits: `localStorage`, with every call guarded. Storage can
//! be missing (disabled cookies, some sandboxed iframes), throw on access (`SecurityError`) or
//! refuse a write (quota); in each case the attempt simply continues in memory and the widget
//! tells the student once that their progress is not kept.
//!
//! A widget keeps one string in one slot: both modes' attempts and the tab shown
//! ([`Saved`](crate::core::state::Saved)), through a [`Keeper`] that the board, the quiz and the
//! tabs share.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::core::state::Saved;
use crate::web::dom::{call, prop, window};

/// A guarded `localStorage` slot for one widget.
pub struct Store {
    /// The page's `localStorage` (read and written through [`call`], like the shell's other
    /// one-place calls).
    storage: Option<JsValue>,
    key: String,
}

/// The storage key of a set: `diary-sort:{set id}:{set hash as 16 hex digits}`.
pub fn key_for(id: &str, hash: u64) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut key = String::with_capacity(12 + id.len() + 17);
    key.push_str("diary-sort:");
    key.push_str(id);
    key.push(':');
    for shift in (0..16).rev() {
        key.push(char::from(HEX[((hash >> (shift * 4)) & 0xf) as usize]));
    }
    key
}

impl Store {
    /// A slot under `key`; with `enabled` false nothing is read or written (the page keeps the
    /// attempt some other way, or not at all).
    pub fn open(enabled: bool, key: String) -> Store {
        // A getter that throws (SecurityError) reads as `undefined`: no storage.
        let storage = if enabled { window().map(|w| prop(&w, "localStorage")).filter(|s| !s.is_null_or_undefined()) } else { None };
        Store { storage, key }
    }

    /// Whether the slot was asked for but the browser offers no storage.
    pub fn available(&self) -> bool {
        self.storage.is_some()
    }

    /// The stored text, if any (a read that throws counts as nothing stored).
    pub fn load(&self) -> Option<String> {
        call(self.storage.as_ref()?, "getItem", &[JsValue::from_str(&self.key)]).ok()?.as_string()
    }

    /// Stores `value`; `false` when the browser refused (the caller tells the student once).
    /// After a refusal the store stops trying, so the attempt carries on in memory.
    pub fn save(&mut self, value: &str) -> bool {
        match &self.storage {
            Some(s) => {
                if call(s, "setItem", &[JsValue::from_str(&self.key), JsValue::from_str(value)]).is_ok() {
                    true
                } else {
                    self.storage = None;
                    false
                }
            }
            None => true,
        }
    }
}

/// A widget's attempt as it is kept, shared by its modes and its tabs: each changes its part,
/// and the whole string goes to the store.
#[derive(Clone)]
pub struct Keeper(Rc<RefCell<(Store, Saved)>>);

impl Keeper {
    /// Keeps `saved` in `store` from now on (nothing is written until the first change).
    pub fn new(store: Store, saved: Saved) -> Keeper {
        Keeper(Rc::new(RefCell::new((store, saved))))
    }

    /// Applies `change` to the attempt and stores the whole; returns the widget's resume string
    /// and whether the browser refused it just now (the caller tells the student; it refuses
    /// once, then the attempt carries on in memory).
    pub fn keep(&self, change: impl FnOnce(&mut Saved)) -> (String, bool) {
        // Never borrowed elsewhere while a handler runs: the modes take turns.
        let Ok(mut kept) = self.0.try_borrow_mut() else { return (String::new(), false) };
        let (store, saved) = &mut *kept;
        change(saved);
        let text = saved.encode();
        let refused = !store.save(&text);
        (text, refused)
    }

    /// The widget's resume string as kept now (nothing is stored).
    pub fn state(&self) -> String {
        self.0.try_borrow().map(|kept| kept.1.encode()).unwrap_or_default()
    }
}
