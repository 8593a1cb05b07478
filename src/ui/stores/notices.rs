//! What the app tells the user about the outcome of an action: whether the last change was
//! saved, the last confirmation (with "Fortryd" when it can be undone), and the polite live
//! region that says every outcome.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::storage::StorageProblem;

/// What "Fortryd" does; it returns the id of the element focus should move to. A plain closure,
/// not a `Callback`: a store's operation runs in an event handler, and a `Callback` made there
/// would belong to the component that handled the event, which may be gone by the time "Fortryd"
/// is pressed (the deleted assessment's row is).
pub type Undo = Arc<dyn Fn() -> Option<String> + Send + Sync>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the page opened.
    Idle,
    /// The last change is in storage; the time it was saved.
    Saved(String),
    /// The last change is only in this page's memory.
    Failed(StorageProblem),
}

/// A short message in the notice area, such as "deleted, undo?".
#[derive(Clone)]
pub struct Flash {
    pub text: String,
    pub undo: Option<Undo>,
}

#[derive(Clone, Copy)]
pub struct Notices {
    save: RwSignal<SaveState>,
    /// Set when storage cannot be used at all; the app then works in memory and says so.
    storage_problem: RwSignal<Option<StorageProblem>>,
    flash: RwSignal<Option<Flash>>,
    announcement: RwSignal<String>,
}

impl Notices {
    pub fn new() -> Notices {
        Notices {
            save: RwSignal::new(SaveState::Idle),
            storage_problem: RwSignal::new(None),
            flash: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
        }
    }

    /// Says `text` in the live region. It is emptied first, so the same text twice is heard twice.
    pub fn announce(&self, text: impl Into<String>) {
        let text = text.into();
        let announcement = self.announcement;
        announcement.set(String::new());
        request_animation_frame(move || announcement.set(text));
    }

    /// What the live region says now.
    pub fn announcement(&self) -> String {
        self.announcement.get()
    }

    /// Shows a confirmation in the notice area and says it in the live region.
    pub fn confirm(&self, text: String) {
        self.announce(text.clone());
        self.flash.set(Some(Flash { text, undo: None }));
    }

    /// A confirmation with "Fortryd".
    pub fn confirm_with_undo(&self, text: String, undo: Undo) {
        self.announce(text.clone());
        self.flash.set(Some(Flash { text, undo: Some(undo) }));
    }

    pub fn flash(&self) -> Option<Flash> {
        self.flash.get()
    }

    pub fn dismiss(&self) {
        self.flash.set(None);
    }

    /// Records how the last write to storage went, at `now`.
    pub fn saved(&self, result: Result<(), StorageProblem>, now: String) {
        self.save.set(match result {
            Ok(()) => SaveState::Saved(now),
            Err(problem) => SaveState::Failed(problem),
        });
    }

    pub fn save_failed(&self, problem: StorageProblem) {
        self.save.set(SaveState::Failed(problem));
    }

    pub fn save_state(&self) -> SaveState {
        self.save.get()
    }

    pub fn storage_unavailable(&self, problem: StorageProblem) {
        self.storage_problem.set(Some(problem));
    }

    /// Why answers may not be kept: storage cannot be used at all, or the last write failed.
    pub fn storage_alert(&self) -> Option<StorageProblem> {
        self.storage_problem.get().or_else(|| match self.save.get() {
            SaveState::Failed(problem) => Some(problem),
            _ => None,
        })
    }
}

impl Default for Notices {
    fn default() -> Self {
        Notices::new()
    }
}
