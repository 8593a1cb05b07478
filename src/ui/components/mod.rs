//! Components that several screens share: the frame around every screen, form fields, the
//! documents rendered by `render`, confirmations, the drop zone and the import, the backup
//! reminder, the list of items a plan seems to miss and where a plan seems to address an item.

pub mod backup_reminder;
pub mod confirm;
pub mod document;
pub mod drop_zone;
pub mod feedback;
pub mod fields;
pub mod frame;
pub mod import;
pub mod missing_items;
pub mod plan_findings;
