//! Adapters between the domain and the browser: local storage, the plans kept in IndexedDB,
//! files, PDF text, the scanner worker (both sides), the page, the clock, and a crash said in the
//! page. They know web-sys; they know nothing of Leptos. The scanner worker uses only
//! `scan_worker` (and `clock`).

pub mod clock;
#[cfg(feature = "app")]
pub mod crash;
#[cfg(feature = "app")]
pub mod files;
#[cfg(feature = "app")]
pub mod page;
#[cfg(feature = "app")]
pub mod pdf;
#[cfg(feature = "app")]
pub mod plan_store;
pub mod scan_worker;
#[cfg(feature = "app")]
pub mod scanner;
#[cfg(feature = "app")]
pub mod storage;
