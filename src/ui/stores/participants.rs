//! Participants' answers gathered for a workshop, kept apart from the user's own assessments.

use leptos::prelude::*;

use super::Notices;
use crate::browser::clock;
use crate::browser::storage::{self, Collection};
use crate::domain::assessment::Assessment;
use crate::domain::catalogue;
use crate::domain::workshop;

#[derive(Clone, Copy)]
pub struct Participants {
    list: RwSignal<Vec<Assessment>>,
    notices: Notices,
}

impl Participants {
    pub fn load(notices: Notices) -> Participants {
        let list = storage::load(Collection::Participants).map(|loaded| loaded.records).unwrap_or_default();
        Participants { list: RwSignal::new(list), notices }
    }

    /// Reads the participants (tracked).
    pub fn with<T>(&self, read: impl FnOnce(&[Assessment]) -> T) -> T {
        self.list.with(|list| read(list))
    }

    /// Keeps participants' answers. The same participant's file again replaces the earlier one.
    /// Returns how many were kept.
    pub fn gather(&self, imported: Vec<Assessment>) -> usize {
        let count = imported.len();
        let mut result = Ok(());
        for participant in imported {
            result = result.and(storage::save(Collection::Participants, &participant));
            self.list.update(|list| {
                list.retain(|p| p.id != participant.id);
                list.push(participant);
            });
        }
        self.notices.saved(result, clock::now());
        count
    }

    /// Removes every participant's answers; false (and the failure shown) when storage failed.
    pub fn remove_all(&self) -> bool {
        match storage::delete_collection(Collection::Participants) {
            Ok(()) => {
                self.list.set(Vec::new());
                true
            }
            Err(problem) => {
                self.notices.save_failed(problem);
                false
            }
        }
    }

    /// A consensus assessment from the participants' answers, named `name`; None without any.
    pub fn consensus(&self, name: &str) -> Option<Assessment> {
        let now = clock::now();
        self.list.with_untracked(|list| {
            (!list.is_empty()).then(|| workshop::consensus(catalogue::current(), list, clock::new_id(), name, &now))
        })
    }

    /// Forgets the list after everything stored was deleted.
    pub fn forget(&self) {
        self.list.set(Vec::new());
    }
}
