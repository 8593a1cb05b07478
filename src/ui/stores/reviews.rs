//! The kommune's reviews of applications, kept apart from the caseworker's own assessments.

use leptos::prelude::*;

use super::Notices;
use crate::browser::clock;
use crate::browser::storage;
use crate::domain::assessment::Assessment;
use crate::domain::review::{Review, ReviewEdit};

#[derive(Clone, Copy)]
pub struct Reviews {
    list: RwSignal<Vec<Review>>,
    /// Set when another tab changed a review: the id of the one changed.
    changed_elsewhere: RwSignal<Option<String>>,
    notices: Notices,
}

impl Reviews {
    pub fn load(notices: Notices) -> Reviews {
        let list = storage::load_reviews().map(|loaded| loaded.records).unwrap_or_default();
        Reviews { list: RwSignal::new(list), changed_elsewhere: RwSignal::new(None), notices }
    }

    /// Reads the reviews (tracked), most recently changed first.
    pub fn with<T>(&self, read: impl FnOnce(&[Review]) -> T) -> T {
        self.list.with(|list| read(list))
    }

    /// Reads one review (tracked).
    pub fn with_review<T>(&self, id: &str, read: impl FnOnce(Option<&Review>) -> T) -> T {
        self.list.with(|list| read(list.iter().find(|r| r.id == id)))
    }

    /// Starts a review of each assessment (as read from an organisation's export file); returns
    /// the new reviews' ids.
    pub fn start(&self, assessments: Vec<Assessment>) -> Vec<String> {
        let now = clock::now();
        let mut ids = Vec::new();
        let mut result = Ok(());
        for assessment in assessments {
            let review = Review::new(clock::new_id(), assessment, &now);
            result = result.and(storage::save_review(&review));
            ids.push(review.id.clone());
            self.list.update(|list| list.insert(0, review));
        }
        self.notices.saved(result, now);
        ids
    }

    /// Applies a caseworker's change to the freshest stored copy and keeps it.
    pub fn edit(&self, id: &str, edit: ReviewEdit) {
        let Some(current) = self.list.with_untracked(|list| list.iter().find(|r| r.id == id).cloned()) else { return };
        let now = clock::now();
        let (updated, result) = storage::update_review(&current, |review| review.apply(&edit, &now));
        self.list.update(|list| {
            if let Some(slot) = list.iter_mut().find(|r| r.id == updated.id) {
                *slot = updated;
            }
        });
        self.notices.saved(result, now);
    }

    /// Another tab wrote `key`: take its version of that review in, so neither tab overwrites the
    /// other's decisions, and say so on the review's pages (as for assessments).
    pub fn storage_changed(&self, key: &str) {
        let Some(id) = storage::review_id_of(key) else { return };
        match storage::read_review(id) {
            Some(Ok(fresh)) => self.list.update(|list| match list.iter_mut().find(|r| r.id == fresh.id) {
                Some(slot) => *slot = fresh,
                None => list.insert(0, fresh),
            }),
            Some(Err(_)) => return,
            None => self.list.update(|list| list.retain(|r| r.id != id)),
        }
        self.changed_elsewhere.set(Some(id.to_owned()));
    }

    /// Whether another tab changed the review with this id since the page was built (tracked).
    pub fn changed_elsewhere(&self, id: &str) -> bool {
        self.changed_elsewhere.with(|changed| changed.as_deref() == Some(id))
    }

    /// The change made elsewhere is seen (the page was built again, or left).
    pub fn seen(&self) {
        self.changed_elsewhere.set(None);
    }

    /// Forgets the list after everything stored was deleted.
    pub fn forget(&self) {
        self.list.set(Vec::new());
    }
}
