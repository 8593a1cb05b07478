//! Adapters between the domain and the browser: storage, files, the page, the clock.
//! They know web-sys; they know nothing of Leptos.

pub mod clock;
pub mod files;
pub mod page;
pub mod storage;
