//! The kommune's evaluation: the strategiskabeloner gathered from plans' files, kept apart from
//! everything else (`EvaluationCollection::Gathered`).

use leptos::prelude::*;

use super::Notices;
use crate::browser::clock;
use crate::browser::storage::{self, EvaluationCollection};
use crate::domain::evaluation::file::{self, Gathering};
use crate::domain::evaluation::Strategiskabelon;
use crate::domain::exchange::ImportFile;

#[derive(Clone, Copy)]
pub struct Evaluations {
    gathered: RwSignal<Vec<Strategiskabelon>>,
    /// Set when another tab gathered or removed files.
    changed_elsewhere: RwSignal<bool>,
    /// An import of 40 files in another tab is 40 `storage` events; the files are read again
    /// once for all of those that arrive before the next frame.
    reload_pending: RwSignal<bool>,
    notices: Notices,
}

impl Evaluations {
    pub fn load(notices: Notices) -> Evaluations {
        let gathered =
            storage::load_evaluations(EvaluationCollection::Gathered).map(|loaded| loaded.records).unwrap_or_default();
        Evaluations {
            gathered: RwSignal::new(gathered),
            changed_elsewhere: RwSignal::new(false),
            reload_pending: RwSignal::new(false),
            notices,
        }
    }

    /// Another tab wrote `key`: if it is a gathered file, read them again (once per frame). The
    /// overview follows at once: it has no fields a reload could disturb.
    pub fn storage_changed(&self, key: &str) {
        if !EvaluationCollection::Gathered.holds(key) {
            return;
        }
        self.changed_elsewhere.set(true);
        if self.reload_pending.get_untracked() {
            return;
        }
        self.reload_pending.set(true);
        let (gathered, pending) = (self.gathered, self.reload_pending);
        request_animation_frame(move || {
            pending.set(false);
            if let Ok(loaded) = storage::load_evaluations(EvaluationCollection::Gathered) {
                gathered.set(loaded.records);
            }
        });
    }

    /// Whether another tab changed the gathered files since this page was opened (tracked).
    pub fn changed_elsewhere(&self) -> bool {
        self.changed_elsewhere.get()
    }

    pub fn seen(&self) {
        self.changed_elsewhere.set(false);
    }

    /// Reads the gathered strategiskabeloner (tracked).
    pub fn with<T>(&self, read: impl FnOnce(&[Strategiskabelon]) -> T) -> T {
        self.gathered.with(|list| read(list))
    }

    /// Reads every file on its own and keeps what it adds or replaces; returns what happened to
    /// each file, for the page to say.
    pub fn gather(&self, files: &[ImportFile]) -> Gathering {
        let gathering = self.gathered.with_untracked(|existing| file::gather(existing, files));
        self.notices.saved(storage::save_gathering(&gathering), clock::now());
        self.gathered.set(gathering.gathered.clone());
        gathering
    }

    /// Removes every gathered file; false (and the failure shown) when storage failed.
    pub fn remove_all(&self) -> bool {
        match storage::delete_evaluation_collection(EvaluationCollection::Gathered) {
            Ok(()) => {
                self.gathered.set(Vec::new());
                true
            }
            Err(problem) => {
                self.notices.save_failed(problem);
                false
            }
        }
    }

    /// Forgets the list after everything stored was deleted.
    pub fn forget(&self) {
        self.gathered.set(Vec::new());
    }
}
