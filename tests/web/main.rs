//! The browser shell's tests (wasm-bindgen-test), one crate, run in headless Chromium:
//! `cargo test -p diary-sort --target wasm32-unknown-unknown --test web` (a `[[test]]` with
//! `test = false` in Cargo.toml, so that a native `cargo test` does not list it as passing with
//! no tests: natively there is no browser and this crate is empty).

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod problems;
mod shell;
