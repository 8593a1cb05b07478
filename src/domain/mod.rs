//! The plain-Rust core. Nothing in here may use a browser type: in the native build the browser
//! crates do not exist, so the compiler enforces it.

pub mod assessment;
pub mod catalogue;
pub mod collections;
pub mod date;
pub mod engine;
pub mod evaluation;
pub mod exchange;
pub mod feedback;
pub mod file_format;
pub mod flow;
pub mod i18n;
pub mod review;
pub mod route;
pub mod settings;
mod strict_json;
pub mod validate;
pub mod wording;
pub mod workshop;
