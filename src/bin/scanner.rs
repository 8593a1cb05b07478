//! The Web Worker that reads a user's plan and ranks it against the catalogue. It is started
//! only when someone gives the tool a plan (see `browser::scanner`), so the first load does not
//! carry the reading and ranking code.

#[cfg(target_arch = "wasm32")]
fn main() {
    helhedsplan_tjek::browser::scan_worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The scanner runs in the browser, as a Web Worker of the app.");
}
