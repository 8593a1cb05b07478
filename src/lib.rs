//! Helhedsplan-tjek: checks a boligsocial helhedsplan against Københavns Kommune's krav and
//! anbefalinger, entirely in the browser.
//!
//! Layers, one direction (see ARCHITECTURE.md):
//! - `domain`: plain Rust. Catalogue, engine, file formats. No browser types.
//! - `render`: plain Rust. Pages, forms and documents as escaped HTML, and the worker's requests.
//! - `browser`: adapters to the browser (storage, files, page, clock, worker). WebAssembly only.
//! - `ui`: Leptos components. They show what the layers below decide. WebAssembly only.
//!
//! Native `cargo test` covers `domain` and `render`; the browser layers are not even compiled
//! natively, so the lower layers cannot depend on them.

pub mod domain;
pub mod render;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod ui;
