use helhedsplan_tjek::browser::storage::{self, Collection, StorageProblem};
use helhedsplan_tjek::domain::assessment::{AnswerField, Assessment, Edit, Status};
use helhedsplan_tjek::domain::catalogue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::{clear_storage, raw_storage};

const NOW: &str = "2026-11-21T10:00:00.000Z";

fn assessment(id: &str) -> Assessment {
    Assessment::new(id.into(), catalogue::current(), NOW)
}

#[wasm_bindgen_test]
fn a_saved_assessment_loads_back_unchanged() {
    clear_storage();
    let mut a = assessment("a1");
    a.apply(&Edit::Status { item: "sekretariat".into(), status: Status::PartlyMet }, NOW);
    storage::save(Collection::Assessments, &a).unwrap();
    let loaded = storage::load(Collection::Assessments).unwrap();
    assert_eq!(loaded.records, vec![a]);
    assert_eq!(loaded.newly_quarantined, 0);
}

#[wasm_bindgen_test]
fn unreadable_data_is_moved_aside_never_deleted_and_the_rest_still_loads() {
    clear_storage();
    storage::save(Collection::Assessments, &assessment("good")).unwrap();
    raw_storage().set_item("helhedsplan-tjek:assessment:broken", "{ this is not json").unwrap();
    let loaded = storage::load(Collection::Assessments).unwrap();
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.newly_quarantined, 1);
    assert_eq!(raw_storage().get_item("helhedsplan-tjek:assessment:broken").unwrap(), None);
    let quarantined = storage::quarantined();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(quarantined[0].raw, "{ this is not json", "the raw text is kept exactly");
    assert_eq!(quarantined[0].original_key, "helhedsplan-tjek:assessment:broken");
}

#[wasm_bindgen_test]
fn an_update_lands_on_top_of_what_another_tab_stored() {
    clear_storage();
    let stale = assessment("shared");
    storage::save(Collection::Assessments, &stale).unwrap();
    // Another tab adds a note; this tab still holds the stale copy.
    let (_, other) = storage::update(Collection::Assessments, &stale, |a| {
        a.apply(
            &Edit::AnswerText { item: "faelles-analyse".into(), field: AnswerField::Notes, value: "fra fane B".into() },
            NOW,
        )
    });
    other.unwrap();
    let (merged, result) = storage::update(Collection::Assessments, &stale, |a| {
        a.apply(&Edit::Status { item: "sekretariat".into(), status: Status::Met }, NOW)
    });
    result.unwrap();
    assert_eq!(merged.answer("faelles-analyse").unwrap().notes, "fra fane B");
    assert_eq!(merged.status("sekretariat"), Status::Met);
    assert_eq!(storage::read(Collection::Assessments, "shared").unwrap().unwrap(), merged);
}

#[wasm_bindgen_test]
fn deleting_all_app_data_leaves_other_keys_alone() {
    clear_storage();
    raw_storage().set_item("another-app:settings", "keep me").unwrap();
    storage::save(Collection::Assessments, &assessment("x")).unwrap();
    storage::save(Collection::Participants, &assessment("p")).unwrap();
    let removed = storage::delete_all_app_data().unwrap();
    assert_eq!(removed, 2);
    assert_eq!(raw_storage().get_item("another-app:settings").unwrap().as_deref(), Some("keep me"));
    assert!(storage::load(Collection::Assessments).unwrap().records.is_empty());
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_such() {
    clear_storage();
    let storage_area = raw_storage();
    let block = "x".repeat(512 * 1024);
    let mut n = 0;
    while storage_area.set_item(&format!("filler-{n}"), &block).is_ok() {
        n += 1;
        assert!(n < 200, "localStorage never filled up");
    }
    let mut big = assessment("big");
    big.apply(&Edit::AnswerText { item: "sekretariat".into(), field: AnswerField::Notes, value: block.clone() }, NOW);
    let result = storage::save(Collection::Assessments, &big);
    clear_storage();
    assert_eq!(result, Err(StorageProblem::QuotaExceeded));
}
