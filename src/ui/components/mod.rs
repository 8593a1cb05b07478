//! Components that several screens share: the frame around every screen, form fields, the
//! documents rendered by `render`, confirmations and the file picker.

pub mod confirm;
pub mod document;
pub mod fields;
pub mod frame;
pub mod import;
