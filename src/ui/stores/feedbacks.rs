//! The kommune's feedback attached to the organisation's assessments, one per assessment, kept as
//! records of their own (the assessments are unchanged by it).

use leptos::prelude::*;

use super::Notices;
use crate::browser::clock;
use crate::browser::storage::{self, AttachProblem};
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

    /// Forgets the list after everything stored was deleted.
    pub fn forget(&self) {
        self.list.set(Vec::new());
    }
}
