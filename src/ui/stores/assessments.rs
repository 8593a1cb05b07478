//! The user's own assessments, as stored in this browser: the list every screen shows, and
//! every change to it. Each change is written to storage in the handler that made it.

use leptos::prelude::*;

use super::{Feedbacks, Notices};
use crate::browser::clock;
use crate::browser::storage::{self, Collection, StorageProblem};
use crate::domain::assessment::newest_first;
use crate::domain::assessment::{Assessment, Edit, ProfileField};
use crate::domain::catalogue;
use crate::domain::engine::{self, Judgement};
use crate::domain::feedback::Feedback;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::wording::display_name;

#[derive(Clone, Copy)]
pub struct Assessments {
    list: RwSignal<Vec<Assessment>>,
    /// Set when another tab changed an assessment: the id of the one changed.
    changed_elsewhere: RwSignal<Option<String>>,
    /// Records moved aside because they could not be read.
    set_aside: RwSignal<usize>,
    /// Whether the browser promised to keep this site's data (None: not known yet).
    persisted: RwSignal<Option<bool>>,
    /// The day the page was opened: the date of new assessments and of overdue deadlines.
    today: StoredValue<String>,
    notices: Notices,
    /// The kommune's feedback attached to assessments here: deleted with its assessment, and
    /// brought back with it.
    feedbacks: Feedbacks,
}

impl Assessments {
    pub fn load(notices: Notices, feedbacks: Feedbacks) -> Assessments {
        let list = match storage::probe().and_then(|()| storage::load(Collection::Assessments)) {
            Ok(loaded) => loaded.records,
            Err(problem) => {
                notices.storage_unavailable(problem);
                Vec::new()
            }
        };
        Assessments {
            list: RwSignal::new(list),
            changed_elsewhere: RwSignal::new(None),
            set_aside: RwSignal::new(storage::quarantined().len()),
            persisted: RwSignal::new(None),
            today: StoredValue::new(clock::today()),
            notices,
            feedbacks,
        }
    }

    pub fn today(&self) -> String {
        self.today.get_value()
    }

    /// The ids, newest change first (tracked).
    pub fn ids(&self) -> Vec<String> {
        self.list.with(|list| list.iter().map(|a| a.id.clone()).collect())
    }

    /// Reads the whole list (tracked).
    pub fn with<T>(&self, read: impl FnOnce(&[Assessment]) -> T) -> T {
        self.list.with(|list| read(list))
    }

    /// The assessment with this id (tracked).
    pub fn get(&self, id: &str) -> Option<Assessment> {
        self.list.with(|list| list.iter().find(|a| a.id == id).cloned())
    }

    pub fn get_untracked(&self, id: &str) -> Option<Assessment> {
        self.list.with_untracked(|list| list.iter().find(|a| a.id == id).cloned())
    }

    pub fn exists(&self, id: &str) -> bool {
        self.list.with(|list| list.iter().any(|a| a.id == id))
    }

    /// The engine's judgement of an assessment, against the catalogue it was made with.
    pub fn judge(&self, assessment: &Assessment) -> Judgement {
        let catalogue = catalogue::find(&assessment.catalogue.id).unwrap_or_else(catalogue::current);
        engine::judge(catalogue, assessment, &self.today())
    }

    fn put(&self, assessment: Assessment) {
        self.list.update(|list| match list.iter_mut().find(|a| a.id == assessment.id) {
            Some(slot) => *slot = assessment,
            None => list.insert(0, assessment),
        });
    }

    /// Saves an assessment made elsewhere (a consensus, an import) and lists it.
    pub fn add(&self, assessment: Assessment) {
        let result = storage::save(Collection::Assessments, &assessment);
        self.put(assessment);
        self.notices.saved(result, clock::now());
    }

    /// Creates an assessment, saves it, and returns its id.
    pub fn create(&self) -> String {
        let now = clock::now();
        let mut assessment = Assessment::new(clock::new_id(), catalogue::current(), &now);
        assessment.profile.date = self.today();
        let id = assessment.id.clone();
        self.add(assessment);
        self.request_persistence();
        id
    }

    /// Applies one edit and writes it to storage at once, on top of the freshest stored copy.
    /// If storage fails, the edit is kept in memory and the failure is shown.
    pub fn edit(&self, id: &str, edit: &Edit) {
        let Some(current) = self.get_untracked(id) else { return };
        let now = clock::now();
        let (updated, result) = storage::update(Collection::Assessments, &current, |a| a.apply(edit, &now));
        self.put(updated);
        self.notices.saved(result, now);
    }

    pub fn rename(&self, id: &str, name: String, lang: Lang) {
        self.edit(id, &Edit::ProfileText(ProfileField::PlanName, name));
        self.notices.confirm(Msg::Renamed.get(lang).to_owned());
    }

    /// Saves a copy next to the original, and returns the copy's id.
    pub fn duplicate(&self, id: &str, lang: Lang) -> Option<String> {
        let original = self.get_untracked(id)?;
        let now = clock::now();
        let mut copy = original.clone();
        copy.id = clock::new_id();
        copy.created_at.clone_from(&now);
        copy.updated_at.clone_from(&now);
        copy.profile.plan_name = Msg::CopyOf.fill(lang, &[("name", &display_name(&original, lang))]);
        let text = Msg::Duplicated.fill(lang, &[("name", &copy.profile.plan_name)]);
        let copy_id = copy.id.clone();
        self.add(copy);
        self.notices.confirm(text);
        Some(copy_id)
    }

    /// Deletes an assessment, and the kommune's feedback attached to it; "Fortryd" in the notice
    /// brings both back and focuses its row.
    pub fn delete(&self, id: &str, lang: Lang) -> bool {
        let Some(deleted) = self.get_untracked(id) else { return false };
        let feedback = match self.feedbacks.detach(id) {
            Ok(feedback) => feedback,
            Err(problem) => {
                self.notices.save_failed(problem);
                return false;
            }
        };
        if let Err(problem) = storage::delete(Collection::Assessments, id) {
            self.notices.save_failed(problem);
            if let Some(feedback) = feedback {
                self.feedbacks.put_back(feedback);
            }
            return false;
        }
        self.list.update(|list| list.retain(|a| a.id != id));
        let text = Msg::Deleted.fill(lang, &[("name", &display_name(&deleted, lang))]);
        let this = *self;
        let undo = std::sync::Arc::new(move || {
            let id = deleted.id.clone();
            this.restore(deleted.clone(), feedback.clone(), lang);
            Some(format!("saved-{id}"))
        });
        self.notices.confirm_with_undo(text, undo);
        true
    }

    fn restore(&self, assessment: Assessment, feedback: Option<Feedback>, lang: Lang) {
        let text = Msg::Restored.fill(lang, &[("name", &display_name(&assessment, lang))]);
        self.add(assessment);
        if let Some(feedback) = feedback {
            self.feedbacks.put_back(feedback);
        }
        self.list.update(|list| newest_first(list));
        self.notices.confirm(text);
    }

    /// The names of those among `imported` whose ids are here already.
    pub fn clashes(&self, imported: &[Assessment], lang: Lang) -> Vec<String> {
        imported.iter().filter(|a| self.get_untracked(&a.id).is_some()).map(|a| display_name(a, lang)).collect()
    }

    /// Saves imported assessments. With `keep_both`, one whose id is here already gets a new
    /// id; otherwise it replaces the one here. Returns how many were saved.
    pub fn take_in(&self, mut imported: Vec<Assessment>, keep_both: bool) -> usize {
        if keep_both {
            for assessment in &mut imported {
                if self.get_untracked(&assessment.id).is_some() {
                    assessment.id = clock::new_id();
                }
            }
        }
        let count = imported.len();
        let mut result = Ok(());
        for assessment in imported {
            result = result.and(storage::save(Collection::Assessments, &assessment));
            self.put(assessment);
        }
        self.list.update(|list| newest_first(list));
        self.notices.saved(result, clock::now());
        count
    }

    /// Another tab wrote `key`: take its version in, so neither tab overwrites the other.
    pub fn storage_changed(&self, key: &str) {
        let Some(id) = Collection::Assessments.id_of(key) else { return };
        match storage::read(Collection::Assessments, id) {
            Some(Ok(fresh)) => self.put(fresh),
            Some(Err(_)) => {}
            None => self.list.update(|list| list.retain(|a| a.id != id)),
        }
        self.changed_elsewhere.set(Some(id.to_owned()));
    }

    /// Whether another tab changed the assessment with this id since the page was built.
    pub fn changed_elsewhere(&self, id: &str) -> bool {
        self.changed_elsewhere.with(|changed| changed.as_deref() == Some(id))
    }

    /// The change made elsewhere is seen (the page was built again, or left).
    pub fn seen(&self) {
        self.changed_elsewhere.set(None);
    }

    /// How many records were set aside (tracked).
    pub fn set_aside(&self) -> usize {
        self.set_aside.get()
    }

    /// Counts the records set aside again, after one was deleted.
    pub fn recount_set_aside(&self) {
        self.set_aside.set(storage::quarantined().len());
    }

    /// Asks the browser to keep this site's data under storage pressure, and remembers its answer.
    pub fn request_persistence(&self) {
        let persisted = self.persisted;
        leptos::task::spawn_local(async move {
            persisted.set(storage::request_persistence().await);
        });
    }

    /// Whether the browser promised to keep this site's data (tracked).
    pub fn persisted(&self) -> Option<bool> {
        self.persisted.get()
    }

    /// Forgets the list after everything stored was deleted.
    pub fn forget(&self) {
        self.list.set(Vec::new());
        self.set_aside.set(0);
    }

    /// Reports a failed write (such as deleting everything).
    pub fn failed(&self, problem: StorageProblem) {
        self.notices.save_failed(problem);
    }
}
