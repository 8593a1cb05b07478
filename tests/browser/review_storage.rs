use helhedsplan_tjek::browser::storage::{self, AttachProblem, Collection};
use helhedsplan_tjek::domain::assessment::{Assessment, Edit, Status};
use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::domain::feedback::{AttachRefusal, Attached, Feedback};
use helhedsplan_tjek::domain::file_format::ReadError;
use helhedsplan_tjek::domain::review::{self, Decision, Review, ReviewEdit};
use wasm_bindgen_test::wasm_bindgen_test;

use crate::{clear_storage, raw_storage};

const NOW: &str = "2026-11-21T10:00:00.000Z";
const LATER: &str = "2026-12-01T10:00:00.000Z";

fn assessment(id: &str) -> Assessment {
    let mut a = Assessment::new(id.into(), catalogue::current(), NOW);
    a.apply(&Edit::PlanType(Some("type-1".into())), NOW);
    a.apply(&Edit::Status { item: "sekretariat".into(), status: Status::PartlyMet }, NOW);
    a
}

fn a_review(id: &str, of: Assessment) -> Review {
    let mut r = Review::new(id.into(), of, LATER);
    r.apply(&ReviewEdit::Decision { item: "sekretariat".into(), decision: Some(Decision::Disagree) }, LATER);
    r.apply(&ReviewEdit::Comment { item: "sekretariat".into(), comment: "For lille.".into() }, LATER);
    r
}

fn feedback_of(r: &Review) -> Feedback {
    Feedback::of_review(r, &review::judge_review(catalogue::current(), r, "2026-12-01"), LATER)
}

/// Every key and value in local storage, to tell that nothing changed.
fn snapshot() -> Vec<(String, String)> {
    let storage = raw_storage();
    let mut all: Vec<(String, String)> = (0..storage.length().unwrap())
        .map(|i| storage.key(i).unwrap().unwrap())
        .map(|key| {
            let value = storage.get_item(&key).unwrap().unwrap();
            (key, value)
        })
        .collect();
    all.sort();
    all
}

#[wasm_bindgen_test]
fn reviews_are_kept_apart_from_the_caseworkers_own_assessments() {
    clear_storage();
    let own = assessment("own-1");
    storage::save(Collection::Assessments, &own).unwrap();
    let r = a_review("rev-1", assessment("org-1"));
    storage::save_review(&r).unwrap();
    assert!(raw_storage().get_item("helhedsplan-tjek:review:rev-1").unwrap().is_some());
    assert_eq!(storage::load(Collection::Assessments).unwrap().records, vec![own], "the review is not an assessment");
    assert_eq!(storage::load_reviews().unwrap().records, vec![r.clone()]);
    let (updated, saved) = storage::update_review(&r, |r| {
        r.apply(&ReviewEdit::Decision { item: "faelles-analyse".into(), decision: Some(Decision::Agree) }, LATER)
    });
    saved.unwrap();
    assert_eq!(storage::read_review("rev-1"), Some(Ok(updated)));
    storage::delete_review("rev-1").unwrap();
    assert!(storage::load_reviews().unwrap().records.is_empty());
}

#[wasm_bindgen_test]
fn a_refused_feedback_changes_nothing_in_storage_and_an_accepted_one_is_kept_by_assessment() {
    clear_storage();
    let here = assessment("org-1");
    storage::save(Collection::Assessments, &here).unwrap();
    let feedback = feedback_of(&a_review("rev-1", here.clone()));

    let mut elsewhere = feedback.clone();
    elsewhere.assessment.id = "not-here".into();
    let before = snapshot();
    let refused = storage::attach_feedback(&elsewhere, std::slice::from_ref(&here));
    assert!(matches!(refused, Err(AttachProblem::Refused(AttachRefusal::NotHere { .. }))), "{refused:?}");
    assert_eq!(snapshot(), before, "nothing in storage changes on refusal");

    assert_eq!(storage::attach_feedback(&feedback, std::slice::from_ref(&here)), Ok(Attached::New));
    assert_eq!(storage::read_attached_feedback("org-1"), Some(Ok(feedback.clone())));
    let before = snapshot();
    assert_eq!(storage::attach_feedback(&feedback, std::slice::from_ref(&here)), Ok(Attached::AlreadyAttached));
    let mut older = feedback.clone();
    older.issued_at = "2026-11-30T10:00:00.000Z".into();
    assert!(matches!(
        storage::attach_feedback(&older, std::slice::from_ref(&here)),
        Err(AttachProblem::Refused(AttachRefusal::OlderThanAttached { .. }))
    ));
    assert_eq!(snapshot(), before, "neither the same feedback again nor an older one writes anything");
    assert_eq!(storage::load(Collection::Assessments).unwrap().records, vec![here], "the assessment is untouched");
}

#[wasm_bindgen_test]
fn a_feedback_deleted_with_its_assessment_is_kept_again_as_it_was() {
    clear_storage();
    let here = assessment("org-1");
    let feedback = feedback_of(&a_review("rev-1", here.clone()));
    storage::attach_feedback(&feedback, std::slice::from_ref(&here)).unwrap();
    let attached = raw_storage().get_item("helhedsplan-tjek:feedback:org-1").unwrap();
    storage::delete_feedback("org-1").unwrap();
    assert_eq!(storage::read_attached_feedback("org-1"), None);
    // "Fortryd": the same record, word for word, under the same key.
    storage::save_feedback(&feedback).unwrap();
    assert_eq!(raw_storage().get_item("helhedsplan-tjek:feedback:org-1").unwrap(), attached);
    assert_eq!(storage::load_feedback().unwrap().records, vec![feedback]);
    assert_eq!(storage::feedback_assessment_of("helhedsplan-tjek:feedback:org-1"), Some("org-1"));
    assert_eq!(storage::review_id_of("helhedsplan-tjek:feedback:org-1"), None);
}

#[wasm_bindgen_test]
fn an_unreadable_review_is_moved_aside_with_its_own_reason() {
    clear_storage();
    let good = a_review("good", assessment("org-1"));
    storage::save_review(&good).unwrap();
    let bad = review::encode_review(&a_review("bad", assessment("org-2"))).replace("\"disagree\"", "\"nej\"");
    raw_storage().set_item("helhedsplan-tjek:review:bad", &bad).unwrap();
    let loaded = storage::load_reviews().unwrap();
    assert_eq!((loaded.records, loaded.newly_quarantined), (vec![good], 1));
    let quarantined = storage::quarantined();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(quarantined[0].raw, bad);
    assert!(
        matches!(&quarantined[0].problem, ReadError::Invalid(p) if p.path == "review.items.sekretariat.decision"),
        "read by the review's reader: {:?}",
        quarantined[0].problem
    );
}

#[wasm_bindgen_test]
fn delete_all_my_data_removes_reviews_and_attached_feedback() {
    clear_storage();
    let here = assessment("org-1");
    storage::save(Collection::Assessments, &here).unwrap();
    storage::save_review(&a_review("rev-1", here.clone())).unwrap();
    storage::attach_feedback(&feedback_of(&a_review("rev-1", here.clone())), &[here]).unwrap();
    raw_storage().set_item("another-app:keep", "1").unwrap();
    storage::delete_all_app_data().unwrap();
    assert!(storage::load_reviews().unwrap().records.is_empty());
    assert!(storage::load_feedback().unwrap().records.is_empty());
    assert_eq!(snapshot(), vec![("another-app:keep".to_owned(), "1".to_owned())]);
}
