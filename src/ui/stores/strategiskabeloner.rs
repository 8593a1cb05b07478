//! The plan's own strategiskabeloner (one per period), kept apart from the kommune's gathered
//! files (`EvaluationCollection::Own`).

use leptos::prelude::*;

use super::Notices;
use crate::browser::clock;
use crate::browser::storage::{self, EvaluationCollection};
use crate::domain::assessment::Assessment;
use crate::domain::catalogue;
use crate::domain::evaluation::{Edit, Period, Plan, Start, Strategiskabelon};

#[derive(Clone, Copy)]
pub struct Strategiskabeloner {
    list: RwSignal<Vec<Strategiskabelon>>,
    notices: Notices,
}

impl Strategiskabeloner {
    pub fn load(notices: Notices) -> Strategiskabeloner {
        let list =
            storage::load_evaluations(EvaluationCollection::Own).map(|loaded| loaded.records).unwrap_or_default();
        Strategiskabeloner { list: RwSignal::new(list), notices }
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
