use helhedsplan_tjek::browser::storage::{self, EvaluationCollection};
use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::domain::evaluation::file::{self, gather};
use helhedsplan_tjek::domain::evaluation::{Edit, Half, Period, Plan, Start, Strategiskabelon};
use helhedsplan_tjek::domain::exchange::ImportFile;
use helhedsplan_tjek::domain::file_format::ReadError;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::{clear_storage, raw_storage};

const NOW: &str = "2027-06-20T10:00:00.000Z";

fn skabelon(id: &str, plan: &str, updated_at: &str) -> Strategiskabelon {
    let start = Start {
        id: id.into(),
        plan: Plan { id: plan.into(), name: format!("Plan {plan}"), ..Plan::default() },
        period: Period::half_year(2027, Half::First),
    };
    let mut s = Strategiskabelon::new(start, catalogue::current(), NOW);
    s.apply(&Edit::AddActivity { id: "a1".into() }, updated_at);
    s
}

#[wasm_bindgen_test]
fn a_plans_own_strategiskabeloner_and_the_kommunes_gathered_files_are_kept_apart() {
    clear_storage();
    let own = skabelon("s1", "nord", NOW);
    storage::save_evaluation(EvaluationCollection::Own, &own).unwrap();
    let files = [ImportFile::Text { name: "syd.json".into(), text: file::export(&[skabelon("s9", "syd", NOW)], NOW) }];
    storage::save_gathering(&gather(&[], &files)).unwrap();
    assert_eq!(storage::load_evaluations(EvaluationCollection::Own).unwrap().records, vec![own]);
    let gathered = storage::load_evaluations(EvaluationCollection::Gathered).unwrap().records;
    assert_eq!(gathered.len(), 1);
    assert_eq!(gathered[0].plan.id, "syd");
    assert!(raw_storage().get_item("helhedsplan-tjek:indmelding:syd:2027-H1").unwrap().is_some());
    storage::delete_evaluation_collection(EvaluationCollection::Gathered).unwrap();
    assert!(storage::load_evaluations(EvaluationCollection::Gathered).unwrap().records.is_empty());
    assert_eq!(storage::load_evaluations(EvaluationCollection::Own).unwrap().records.len(), 1);
}

#[wasm_bindgen_test]
fn a_newer_file_for_the_same_plan_and_period_takes_the_older_ones_place() {
    clear_storage();
    let older = skabelon("s1", "nord", "2027-06-01T10:00:00.000Z");
    let newer = skabelon("s2", "nord", "2027-06-15T10:00:00.000Z");
    let file =
        |s: &Strategiskabelon| ImportFile::Text { name: "nord.json".into(), text: file::export(&[s.clone()], NOW) };
    storage::save_gathering(&gather(&[], &[file(&older)])).unwrap();
    let stored = storage::load_evaluations(EvaluationCollection::Gathered).unwrap().records;
    storage::save_gathering(&gather(&stored, &[file(&newer)])).unwrap();
    assert_eq!(storage::load_evaluations(EvaluationCollection::Gathered).unwrap().records, vec![newer]);
}

#[wasm_bindgen_test]
fn an_unreadable_strategiskabelon_is_moved_aside_with_its_own_reason() {
    clear_storage();
    let good = skabelon("good", "nord", NOW);
    storage::save_evaluation(EvaluationCollection::Own, &good).unwrap();
    let bad = file::encode_record(&skabelon("bad", "nord", NOW)).replace("\"2027-H1\"", "\"2027-H7\"");
    raw_storage().set_item("helhedsplan-tjek:strategiskabelon:bad", &bad).unwrap();
    let loaded = storage::load_evaluations(EvaluationCollection::Own).unwrap();
    assert_eq!((loaded.records, loaded.newly_quarantined), (vec![good], 1));
    let quarantined = storage::quarantined();
    assert_eq!(quarantined.len(), 1);
    assert_eq!(quarantined[0].raw, bad, "the raw text is kept exactly");
    assert!(
        matches!(&quarantined[0].problem, ReadError::Invalid(problem) if problem.path == "strategiskabelon.period"),
        "read by the evaluation's reader: {:?}",
        quarantined[0].problem
    );
}

#[wasm_bindgen_test]
fn an_update_lands_on_top_of_what_another_tab_stored() {
    clear_storage();
    let stale = skabelon("shared", "nord", NOW);
    storage::save_evaluation(EvaluationCollection::Own, &stale).unwrap();
    let (_, other) = storage::update_evaluation(&stale, |s| {
        s.apply(&Edit::ActivityName { id: "a1".into(), name: "fra fane B".into() }, NOW)
    });
    other.unwrap();
    let (merged, result) = storage::update_evaluation(&stale, |s| {
        s.apply(&Edit::ActivityProgress { id: "a1".into(), progress: Some("god".into()) }, NOW)
    });
    result.unwrap();
    assert_eq!(merged.activities[0].name, "fra fane B");
    assert_eq!(merged.activities[0].progress.as_deref(), Some("god"));
}

#[wasm_bindgen_test]
fn deleting_all_app_data_removes_the_evaluations_too() {
    clear_storage();
    storage::save_evaluation(EvaluationCollection::Own, &skabelon("s1", "nord", NOW)).unwrap();
    storage::save_evaluation(EvaluationCollection::Gathered, &skabelon("s2", "syd", NOW)).unwrap();
    assert_eq!(storage::delete_all_app_data().unwrap(), 2);
    assert!(storage::load_evaluations(EvaluationCollection::Own).unwrap().records.is_empty());
    assert!(storage::load_evaluations(EvaluationCollection::Gathered).unwrap().records.is_empty());
}

#[wasm_bindgen_test]
fn another_tabs_keys_name_the_collection_and_record_they_belong_to() {
    clear_storage();
    let own = skabelon("s1", "nord", NOW);
    storage::save_evaluation(EvaluationCollection::Own, &own).unwrap();
    let own_key = EvaluationCollection::Own.key(&own);
    assert!(raw_storage().get_item(&own_key).unwrap().is_some());
    assert_eq!(EvaluationCollection::Own.id_of(&own_key), Some("s1"));
    assert_eq!(EvaluationCollection::Gathered.id_of(&own_key), None, "a plan's own is not gathered");
    let gathered_key = EvaluationCollection::Gathered.key(&own);
    assert_eq!(EvaluationCollection::Gathered.id_of(&gathered_key), Some("nord:2027-H1"));
    assert_eq!(EvaluationCollection::Own.id_of("helhedsplan-tjek:assessment:s1"), None);
    storage::delete_evaluation(EvaluationCollection::Own, &own).unwrap();
    assert!(raw_storage().get_item(&own_key).unwrap().is_none());
    assert!(storage::load_evaluations(EvaluationCollection::Own).unwrap().records.is_empty());
}
