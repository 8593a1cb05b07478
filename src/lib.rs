//! Helhedsplan-tjek: checks a boligsocial helhedsplan against Københavns Kommune's krav and
//! anbefalinger, entirely in the browser.
//!
//! Layers, one direction (see ARCHITECTURE.md):
//! - `domain`: plain Rust. Catalogue, engine, file formats. No browser types.
//! - `render`: plain Rust. Read-only documents (report, summaries) as escaped `Markup`.
//! - `scan`: plain Rust. Reading a user's plan and ranking it against the catalogue; it runs in
//!   the scanner worker.
//! - `browser`: adapters to the browser (storage, IndexedDB, files, page, clock, the scanner
//!   worker's two sides). WebAssembly only.
//! - `ui`: Leptos components. They show what the layers below decide. WebAssembly only, and
//!   only in the app (feature `app`), not in the scanner worker.
//!
//! Native `cargo test` covers `domain`, `render` and `scan`; the browser layers are not even
//! compiled natively, so the lower layers cannot depend on them.

pub mod domain;
pub mod render;
pub mod scan;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod ui;
