//! Browser tests (wasm-bindgen-test in headless Chromium): the storage adapter against the real
//! localStorage, the app's components mounted in a real document, and a panic said in the page.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod crash;
mod evaluation_storage;
mod review_storage;
mod storage;
mod ui;

/// Clears this origin's localStorage between tests (every test of a file runs in one page).
pub fn clear_storage() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
}

pub fn raw_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}
