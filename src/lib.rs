//! diary-sort: a sorting exercise in which students classify diary excerpts from Stalin's Soviet
//! Union as loneliness, internalisation or atomisation, with feedback derived from the rule of
//! T.W. Snijders' essay.
//!
//! [`core`] is pure Rust (no browser imports) and is tested natively; `web` is the thin
//! wasm-bindgen shell, compiled only for `wasm32`.

#[deny(missing_docs)]
pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;
