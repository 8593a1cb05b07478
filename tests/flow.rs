//! The path through an assessment: "Næste" and "Forrige" skip what does not apply, and "Punkt n
//! af N" counts the same items as the progress.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::assessment::{Assessment, Edit};
use helhedsplan_tjek::domain::catalogue::{self, Catalogue};
use helhedsplan_tjek::domain::engine::{self, Judgement};
use helhedsplan_tjek::domain::flow;

const NOW: &str = "2026-11-21T10:00:00.000Z";

fn catalogue() -> &'static Catalogue {
    catalogue::find("kk-helhedsplaner-2011").unwrap()
}

fn judged(plan_type: &str, origin: &str, area: &str) -> Judgement {
    let mut a = Assessment::new("t".into(), catalogue(), NOW);
    a.apply(&Edit::PlanType(Some(plan_type.into())), NOW);
    a.apply(&Edit::Condition { question: "plan-origin".into(), option: Some(origin.into()) }, NOW);
    a.apply(&Edit::Condition { question: "omraadefornyelse".into(), option: Some(area.into()) }, NOW);
    engine::judge(catalogue(), &a, "2026-11-21")
}

fn code(item: Option<&'static catalogue::Item>) -> Option<&'static str> {
    item.map(|i| i.code)
}

#[test]
fn after_the_last_krav_of_a_type_1_plan_comes_nothing_not_f1() {
    let j = judged("type-1", "ny", "nej");
    let (_, next) = flow::neighbours(&j, "halvaarlig-evaluering");
    assert_eq!(code(next), None, "F1 does not apply to Type 1, so K12 is the last item");
    assert!(flow::path(&j).all(|item| item.id != "supplerer-kommunale-tilbud"));
}

#[test]
fn the_path_skips_what_the_profile_rules_out_in_both_directions() {
    // A new plan without an områdefornyelse: K2 and K10 do not apply.
    let j = judged("type-1", "ny", "nej");
    assert_eq!(code(flow::neighbours(&j, "faelles-analyse").1), Some("K3"));
    assert_eq!(code(flow::neighbours(&j, "organisering-snitflader").0), Some("K1"));
    assert_eq!(code(flow::neighbours(&j, "sekretariat").1), Some("A1"));
    // From an item off the path, "Næste" still leads on.
    assert_eq!(code(flow::neighbours(&j, "fornyelse-gennemgang").1), Some("K3"));
}

#[test]
fn punkt_n_af_n_counts_the_same_items_as_the_progress() {
    for (plan_type, origin, area) in [
        ("type-1", "ny", "nej"),
        ("type-1", "fornyelse", "ja"),
        ("type-2", "fornyelse", "ved-ikke"),
        ("uden-medfinansiering", "ny", "nej"),
    ] {
        let j = judged(plan_type, origin, area);
        let total = flow::path(&j).count();
        assert_eq!(total, j.all.total(), "{plan_type}/{origin}/{area}: the path and the progress count alike");
        let last = flow::path(&j).last().unwrap();
        assert_eq!(flow::position(&j, last.id), Some((total, total)));
        assert_eq!(flow::position(&j, "faelles-analyse"), Some((1, total)));
    }
    assert_eq!(flow::position(&judged("type-1", "ny", "nej"), "fornyelse-gennemgang"), None, "K2 is off the path");
}
