//! The plan's own strategiskabeloner (one per period), kept apart from the kommune's gathered
//! files (`EvaluationCollection::Own`).

use std::sync::Arc;

use leptos::prelude::*;

use super::Notices;
use crate::browser::clock;
use crate::browser::storage::{self, EvaluationCollection};
use crate::domain::assessment::Assessment;
use crate::domain::catalogue;
use crate::domain::evaluation::{self, Edit, Period, Plan, Start, Strategiskabelon};
use crate::domain::i18n::{Lang, Msg};

#[derive(Clone, Copy)]
pub struct Strategiskabeloner {
    list: RwSignal<Vec<Strategiskabelon>>,
    /// Set when another tab changed (or deleted) a strategiskabelon: its id.
    changed_elsewhere: RwSignal<Option<String>>,
    /// Another tab's writes come one `storage` event per key; the list is read again once for
    /// all of those that arrive before the next frame.
    reload_pending: RwSignal<bool>,
    notices: Notices,
}

impl Strategiskabeloner {
    pub fn load(notices: Notices) -> Strategiskabeloner {
        let list =
            storage::load_evaluations(EvaluationCollection::Own).map(|loaded| loaded.records).unwrap_or_default();
        Strategiskabeloner {
            list: RwSignal::new(list),
            changed_elsewhere: RwSignal::new(None),
            reload_pending: RwSignal::new(false),
            notices,
        }
    }

    /// Whether one with this id is here (tracked).
    pub fn exists(&self, id: &str) -> bool {
        self.list.with(|list| list.iter().any(|s| s.id == id))
    }

    /// "Plan Nord, 1. halvår 2027": how a strategiskabelon is named in lists and notices.
    pub fn label(skabelon: &Strategiskabelon, lang: Lang) -> String {
        format!("{}, {}", evaluation::display_name(skabelon, lang), skabelon.period.label(lang))
    }

    /// Deletes a strategiskabelon; "Fortryd" in the notice brings it back and focuses its row.
    pub fn delete(&self, id: &str, lang: Lang) -> bool {
        let Some(deleted) = self.list.with_untracked(|list| list.iter().find(|s| s.id == id).cloned()) else {
            return false;
        };
        if let Err(problem) = storage::delete_evaluation(EvaluationCollection::Own, &deleted) {
            self.notices.save_failed(problem);
            return false;
        }
        self.list.update(|list| list.retain(|s| s.id != id));
        let text = Msg::SkabelonDeleted.fill(lang, &[("name", &Self::label(&deleted, lang))]);
        let this = *self;
        // A plain closure, not a Callback: see `notices::Undo`.
        let undo = Arc::new(move || {
            this.restore(deleted.clone(), lang);
            Some(format!("skabelon-{}", deleted.id))
        });
        self.notices.confirm_with_undo(text, undo);
        true
    }

    fn restore(&self, skabelon: Strategiskabelon, lang: Lang) {
        let text = Msg::SkabelonRestored.fill(lang, &[("name", &Self::label(&skabelon, lang))]);
        self.keep(skabelon);
        self.list.update(|list| evaluation::newest_period_first(list));
        self.notices.confirm(text);
    }

    /// Another tab wrote `key`: if it is one of the plan's own strategiskabeloner, read the list
    /// again (once per frame) and remember which one changed.
    pub fn storage_changed(&self, key: &str) {
        let Some(id) = EvaluationCollection::Own.id_of(key) else { return };
        self.changed_elsewhere.set(Some(id.to_owned()));
        if self.reload_pending.get_untracked() {
            return;
        }
        self.reload_pending.set(true);
        let (list, pending) = (self.list, self.reload_pending);
        request_animation_frame(move || {
            pending.set(false);
            if let Ok(loaded) = storage::load_evaluations(EvaluationCollection::Own) {
                list.set(loaded.records);
            }
        });
    }

    /// Whether another tab changed the strategiskabelon with this id since the page was built.
    pub fn changed_elsewhere(&self, id: &str) -> bool {
        self.changed_elsewhere.with(|changed| changed.as_deref() == Some(id))
    }

    /// The change made elsewhere is seen (the page was built again, or left).
    pub fn seen(&self) {
        self.changed_elsewhere.set(None);
    }

    /// Reads the list (tracked), newest period first.
    pub fn with<T>(&self, read: impl FnOnce(&[Strategiskabelon]) -> T) -> T {
        self.list.with(|list| read(list))
    }

    pub fn get(&self, id: &str) -> Option<Strategiskabelon> {
        self.list.with(|list| list.iter().find(|s| s.id == id).cloned())
    }

    fn keep(&self, skabelon: Strategiskabelon) -> String {
        let id = skabelon.id.clone();
        let result = storage::save_evaluation(EvaluationCollection::Own, &skabelon);
        self.notices.saved(result, clock::now());
        self.list.update(|list| {
            list.retain(|s| s.id != skabelon.id);
            list.insert(0, skabelon);
        });
        id
    }

    /// A new strategiskabelon for a plan named `name`; returns its id.
    pub fn create(&self, name: &str, period: Period) -> String {
        let plan = Plan { id: clock::new_id(), name: name.trim().to_owned(), ..Plan::default() };
        let start = Start { id: clock::new_id(), plan, period };
        self.keep(Strategiskabelon::new(start, catalogue::current(), &clock::now()))
    }

    /// A new strategiskabelon for the plan an assessment describes; returns its id.
    pub fn create_from(&self, assessment: &Assessment, period: Period) -> String {
        self.keep(Strategiskabelon::from_assessment(clock::new_id(), assessment, period, &clock::now()))
    }

    /// Applies an edit to the freshest stored copy and keeps it.
    pub fn edit(&self, id: &str, edit: &Edit) {
        let Some(current) = self.list.with_untracked(|list| list.iter().find(|s| s.id == id).cloned()) else {
            return;
        };
        let now = clock::now();
        let (updated, result) = storage::update_evaluation(&current, |s| s.apply(edit, &now));
        self.notices.saved(result, now);
        self.list.update(|list| {
            if let Some(slot) = list.iter_mut().find(|s| s.id == updated.id) {
                *slot = updated;
            }
        });
    }

    /// The next period's strategiskabelon, with this one's running activities; returns its id,
    /// or the id of the one already made for that period.
    pub fn next_period(&self, id: &str) -> Option<String> {
        let current = self.get(id)?;
        let next_period = current.period.next();
        let existing = self.list.with_untracked(|list| {
            list.iter().find(|s| s.plan.id == current.plan.id && s.period == next_period).map(|s| s.id.clone())
        });
        Some(existing.unwrap_or_else(|| self.keep(current.next_period(clock::new_id(), &clock::now()))))
    }

    /// The same plan's strategiskabelon for the period before, if there is one.
    pub fn previous(&self, skabelon: &Strategiskabelon) -> Option<Strategiskabelon> {
        let before = skabelon.period.previous();
        self.list.with(|list| list.iter().find(|s| s.plan.id == skabelon.plan.id && s.period == before).cloned())
    }

    /// Forgets the list after everything stored was deleted.
    pub fn forget(&self) {
        self.list.set(Vec::new());
    }
}
