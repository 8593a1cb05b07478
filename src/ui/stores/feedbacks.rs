//! The kommune's feedback attached to the organisation's assessments, one per assessment, kept as
//! records of their own (the assessments are unchanged by it).

use leptos::prelude::*;

use super::Notices;
use crate::browser::clock;
use crate::browser::storage::{self, AttachProblem, StorageProblem};
use crate::domain::assessment::Assessment;
use crate::domain::feedback::{Attached, Feedback};

#[derive(Clone, Copy)]
pub struct Feedbacks {
    list: RwSignal<Vec<Feedback>>,
    notices: Notices,
}

impl Feedbacks {
    pub fn load(notices: Notices) -> Feedbacks {
        let list = storage::load_feedback().map(|loaded| loaded.records).unwrap_or_default();
        Feedbacks { list: RwSignal::new(list), notices }
    }

    /// The feedback attached to an assessment (tracked).
    pub fn of(&self, assessment_id: &str) -> Option<Feedback> {
        self.list.with(|list| list.iter().find(|f| f.assessment.id == assessment_id).cloned())
    }

    /// Attaches an imported feedback to the assessment it answers, if the domain allows; storage
    /// and the list change only then.
    pub fn attach(&self, feedback: Feedback, assessments: &[Assessment]) -> Result<Attached, AttachProblem> {
        let outcome = storage::attach_feedback(&feedback, assessments);
        match &outcome {
            Ok(Attached::AlreadyAttached) => {}
            Ok(_) => {
                self.notices.saved(Ok(()), clock::now());
                self.list.update(|list| {
                    list.retain(|f| f.assessment.id != feedback.assessment.id);
                    list.push(feedback);
                });
            }
            Err(AttachProblem::Storage(problem)) => self.notices.save_failed(problem.clone()),
            Err(AttachProblem::Refused(_)) => {}
        }
        outcome
    }

    /// Removes the feedback attached to an assessment (the assessment is being deleted) and
    /// returns it, so that "Fortryd" can bring it back with `put_back`.
    pub fn detach(&self, assessment_id: &str) -> Result<Option<Feedback>, StorageProblem> {
        let Some(attached) =
            self.list.with_untracked(|list| list.iter().find(|f| f.assessment.id == assessment_id).cloned())
        else {
            return Ok(None);
        };
        storage::delete_feedback(assessment_id)?;
        self.list.update(|list| list.retain(|f| f.assessment.id != assessment_id));
        Ok(Some(attached))
    }

    /// Brings back a feedback removed with its assessment.
    pub fn put_back(&self, feedback: Feedback) {
        let result = storage::save_feedback(&feedback);
        if let Err(problem) = result {
            self.notices.save_failed(problem);
        }
        self.list.update(|list| {
            list.retain(|f| f.assessment.id != feedback.assessment.id);
            list.push(feedback);
        });
    }

    /// Another tab wrote `key`: take its version of that assessment's feedback in.
    pub fn storage_changed(&self, key: &str) {
        let Some(assessment_id) = storage::feedback_assessment_of(key) else { return };
        let fresh = match storage::read_attached_feedback(assessment_id) {
            Some(Ok(fresh)) => Some(fresh),
            Some(Err(_)) => return,
            None => None,
        };
        self.list.update(|list| {
            list.retain(|f| f.assessment.id != assessment_id);
            list.extend(fresh);
        });
    }

    /// Forgets the list after everything stored was deleted.
    pub fn forget(&self) {
        self.list.set(Vec::new());
    }
}
