//! Owned DOM event listeners, in the manner of gloo's `EventListener`: a [`Listener`] registers
//! a Rust closure on an event target and unregisters it when dropped, so a widget that is
//! destroyed leaves no handler (and no leaked closure) behind. Listeners are registered as
//! non-passive, because pointer and touch handlers must be able to call `preventDefault`.

use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;
use web_sys::{Event, EventTarget};

use crate::web::dom::call;

/// The one closure type the module hands to JavaScript. Listeners get their event; the timers
/// (the board's auto-scroll, the review download's clean-up) are called with none and leave the
/// argument alone. Each further closure signature would add its own invoke export and shim to
/// the module and the glue.
pub type Callback = Closure<dyn FnMut(Event)>;

/// An event listener that lives exactly as long as this value.
#[must_use = "a listener is removed as soon as it is dropped"]
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Callback,
}

impl Listener {
    /// Registers `handler` for `kind` events on `target` (bubbling phase, not passive).
    pub fn new(target: &EventTarget, kind: &'static str, handler: impl FnMut(Event) + 'static) -> Listener {
        let closure = Callback::new(handler);
        // No options: a listener on an element is not passive unless asked (only `touchstart`,
        // `touchmove` and wheel events on the window, document or body default to passive).
        // addEventListener throws only for a callback that is not callable; ours always is.
        let _ = call(target, "addEventListener", &[JsValue::from_str(kind), closure.as_ref().clone()]);
        Listener { target: target.clone(), kind, closure }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = call(&self.target, "removeEventListener", &[JsValue::from_str(self.kind), self.closure.as_ref().clone()]);
    }
}
