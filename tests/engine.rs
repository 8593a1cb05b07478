//! The readiness engine, rule by rule: applicability for every profile, every verdict on both
//! bases, anbefalinger never blocking, scores, the action list and every warning. A property
//! test checks that "ready" is never said while an applicable deciding item is not met.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::assessment::{AnswerField, Assessment, Edit, Status};
use helhedsplan_tjek::domain::catalogue::{self, Catalogue, Kind};
use helhedsplan_tjek::domain::engine::{self, Applicability, Basis, Field, Judgement, Progress, Verdict, WarningKind};
use proptest::prelude::*;

const NOW: &str = "2026-11-21T10:00:00.000Z";
const TODAY: &str = "2026-11-21";

fn catalogue() -> &'static Catalogue {
    catalogue::find("kk-helhedsplaner-2011").unwrap()
}

fn profile(plan_type: Option<&str>, origin: Option<&str>, area: Option<&str>) -> Assessment {
    let mut a = Assessment::new("t".into(), catalogue(), NOW);
    a.apply(&Edit::PlanType(plan_type.map(str::to_owned)), NOW);
    if let Some(origin) = origin {
        a.apply(&Edit::Condition { question: "plan-origin".into(), option: Some(origin.into()) }, NOW);
    }
    if let Some(area) = area {
        a.apply(&Edit::Condition { question: "omraadefornyelse".into(), option: Some(area.into()) }, NOW);
    }
    a
}

fn set(a: &mut Assessment, item: &str, status: Status) {
    a.apply(&Edit::Status { item: item.into(), status }, NOW);
}

fn tick_all(a: &mut Assessment, item: &str) {
    for element in catalogue().item(item).unwrap().elements {
        a.apply(&Edit::Element { item: item.into(), element: element.id.into(), ticked: true }, NOW);
    }
}

fn judge(a: &Assessment) -> Judgement {
    engine::judge(catalogue(), a, TODAY)
}

fn applicability(a: &Assessment, item: &str) -> Applicability {
    judge(a).state(item).unwrap().applicability
}

/// Every item that applies to a Type 1 renewal with an områdefornyelse, answered Opfyldt with all
/// elements ticked.
fn all_met(plan_type: &str) -> Assessment {
    let mut a = profile(Some(plan_type), Some("fornyelse"), Some("ja"));
    let ids: Vec<&str> = catalogue().items().map(|i| i.id).collect();
    for id in ids {
        set(&mut a, id, Status::Met);
        tick_all(&mut a, id);
    }
    a
}

#[test]
fn k2_applies_to_renewals_and_k10_unless_there_is_no_area_renewal() {
    for (origin, expected) in [
        (Some("ny"), Applicability::DoesNotApply),
        (Some("fornyelse"), Applicability::Applies),
        (None, Applicability::Unclear),
    ] {
        assert_eq!(
            applicability(&profile(Some("type-1"), origin, Some("nej")), "fornyelse-gennemgang"),
            expected,
            "{origin:?}"
        );
    }
    for (area, expected) in [
        (Some("ja"), Applicability::Applies),
        (Some("nej"), Applicability::DoesNotApply),
        (Some("ved-ikke"), Applicability::Unclear),
        (None, Applicability::Unclear),
    ] {
        assert_eq!(applicability(&profile(Some("type-1"), Some("ny"), area), "omraadefornyelse"), expected, "{area:?}");
    }
}

#[test]
fn every_profile_gives_the_applicability_the_map_describes() {
    let types = [None, Some("type-1"), Some("type-2"), Some("uden-medfinansiering")];
    let origins = [None, Some("ny"), Some("fornyelse")];
    let areas = [None, Some("ja"), Some("nej"), Some("ved-ikke")];
    for plan_type in types {
        for origin in origins {
            for area in areas {
                let a = profile(plan_type, origin, area);
                let j = judge(&a);
                for state in &j.items {
                    let counts = state.applicability.counts();
                    let expected = match state.item.id {
                        "fornyelse-gennemgang" => origin != Some("ny"),
                        "omraadefornyelse" => area != Some("nej"),
                        "supplerer-kommunale-tilbud" => plan_type.is_none_or(|t| t == "uden-medfinansiering"),
                        _ => true,
                    };
                    assert_eq!(counts, expected, "{} under {plan_type:?} {origin:?} {area:?}", state.item.code);
                }
            }
        }
    }
}

#[test]
fn ready_when_every_applicable_krav_is_met() {
    let j = judge(&all_met("type-1"));
    assert_eq!((j.verdict, j.basis), (Verdict::Ready, Basis::Krav));
    assert_eq!(j.deciding.met, 12, "K1-K12 decide for a Type 1 renewal with an områdefornyelse");
}

#[test]
fn almost_ready_when_nothing_is_unmet_but_something_is_partly_met() {
    let mut a = all_met("type-2");
    set(&mut a, "sekretariat", Status::PartlyMet);
    assert_eq!(judge(&a).verdict, Verdict::AlmostReady);
}

#[test]
fn not_ready_when_one_krav_is_not_met_even_with_others_unanswered() {
    let mut a = all_met("type-1");
    set(&mut a, "forandringsstrategi", Status::NotMet);
    assert_eq!(judge(&a).verdict, Verdict::NotReady);
    let mut half = profile(Some("type-1"), Some("ny"), Some("nej"));
    set(&mut half, "faelles-analyse", Status::NotMet);
    assert_eq!(judge(&half).verdict, Verdict::NotReady, "a known blocker outranks missing answers");
}

#[test]
fn incomplete_when_an_applicable_krav_is_unanswered_or_no_plan_type_is_chosen() {
    let mut a = all_met("type-1");
    a.answers.remove("halvaarlig-evaluering");
    assert_eq!(judge(&a).verdict, Verdict::Incomplete);
    let mut no_type = all_met("type-1");
    no_type.apply(&Edit::PlanType(None), NOW);
    let j = judge(&no_type);
    assert_eq!((j.verdict, j.basis), (Verdict::Incomplete, Basis::NoPlanType));
}

#[test]
fn a_krav_that_does_not_apply_does_not_count_even_when_answered_not_met() {
    let mut a = all_met("type-1");
    a.apply(&Edit::Condition { question: "plan-origin".into(), option: Some("ny".into()) }, NOW);
    set(&mut a, "fornyelse-gennemgang", Status::NotMet);
    assert_eq!(judge(&a).verdict, Verdict::Ready);
}

#[test]
fn anbefalinger_never_block_but_are_reported() {
    let mut a = all_met("type-1");
    set(&mut a, "styregruppe-sammensaetning", Status::NotMet);
    let j = judge(&a);
    assert_eq!(j.verdict, Verdict::Ready);
    assert_eq!(j.state("styregruppe-sammensaetning").unwrap().status, Status::NotMet);
    assert_eq!(j.all.not_met, 1, "the anbefaling is in the overall counts");
}

#[test]
fn without_cofinancing_f1_decides_and_the_krav_are_good_practice() {
    let mut a = all_met("uden-medfinansiering");
    set(&mut a, "sekretariat", Status::NotMet);
    let j = judge(&a);
    assert_eq!((j.verdict, j.basis), (Verdict::Ready, Basis::Prerequisite), "a krav not met does not block");
    for (status, verdict) in [
        (Status::PartlyMet, Verdict::AlmostReady),
        (Status::NotMet, Verdict::NotReady),
        (Status::Unanswered, Verdict::Incomplete),
    ] {
        let mut b = all_met("uden-medfinansiering");
        set(&mut b, "supplerer-kommunale-tilbud", status);
        assert_eq!(judge(&b).verdict, verdict, "F1 {status:?}");
    }
    assert_eq!(
        judge(&all_met("type-1")).state("supplerer-kommunale-tilbud").unwrap().applicability,
        Applicability::DoesNotApply
    );
}

#[test]
fn ikke_relevant_with_a_reason_takes_an_item_out_and_without_one_counts_as_unanswered() {
    let mut a = all_met("type-1");
    set(&mut a, "sekretariat", Status::NotRelevant);
    let j = judge(&a);
    assert_eq!(j.verdict, Verdict::Incomplete);
    assert!(j
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::NotRelevantWithoutReason && w.field == Field::NotRelevantReason));
    assert_eq!(j.state("sekretariat").unwrap().progress, Progress::InProgress);
    a.apply(
        &Edit::AnswerText {
            item: "sekretariat".into(),
            field: AnswerField::NotRelevantReason,
            value: "Vi er én stor afdeling.".into(),
        },
        NOW,
    );
    let j = judge(&a);
    assert_eq!(j.verdict, Verdict::Ready);
    assert_eq!(j.state("sekretariat").unwrap().applicability, Applicability::NotRelevant);
    assert_eq!(j.deciding.not_relevant, 1);
}

#[test]
fn the_user_can_include_an_item_the_profile_excludes() {
    let mut a = all_met("type-1");
    a.apply(&Edit::Condition { question: "omraadefornyelse".into(), option: Some("nej".into()) }, NOW);
    set(&mut a, "omraadefornyelse", Status::NotMet);
    assert_eq!(judge(&a).verdict, Verdict::Ready);
    a.apply(&Edit::IncludeAnyway { item: "omraadefornyelse".into(), reason: Some(String::new()) }, NOW);
    let j = judge(&a);
    assert_eq!(j.state("omraadefornyelse").unwrap().applicability, Applicability::IncludedByUser);
    assert_eq!(j.verdict, Verdict::NotReady);
    assert!(j.warnings.iter().any(|w| w.kind == WarningKind::IncludedWithoutReason));
}

#[test]
fn every_contradiction_is_warned_about_next_to_its_field() {
    let mut a = profile(Some("type-1"), Some("ny"), Some("nej"));
    set(&mut a, "faelles-analyse", Status::Met);
    a.apply(&Edit::Element { item: "faelles-analyse".into(), element: "faelles".into(), ticked: true }, NOW);
    set(&mut a, "udvikling-brobygning", Status::NotMet);
    tick_all(&mut a, "udvikling-brobygning");
    set(&mut a, "forandringsstrategi", Status::PartlyMet);
    let text = |a: &mut Assessment, item: &str, field, value: &str| {
        a.apply(&Edit::AnswerText { item: item.into(), field, value: value.into() }, NOW);
    };
    text(&mut a, "udvikling-brobygning", AnswerField::ActionDescription, "Aftal brobygning med biblioteket");
    text(&mut a, "udvikling-brobygning", AnswerField::ActionDeadline, "2026-01-31");
    text(&mut a, "kompetenceudvikling", AnswerField::ActionDescription, "Skriv afsnit");
    text(&mut a, "kompetenceudvikling", AnswerField::ActionOwner, "Projektleder");
    text(&mut a, "kompetenceudvikling", AnswerField::ActionDeadline, "31-12-2026");
    let j = judge(&a);
    let has = |item: &str, field: Field, kind: WarningKind| {
        j.warnings.iter().any(|w| w.item.map(|i| i.id) == Some(item) && w.field == field && w.kind == kind)
    };
    assert!(has("faelles-analyse", Field::Elements, WarningKind::MetWithUntickedElements { unticked: 2 }));
    assert!(has("udvikling-brobygning", Field::Elements, WarningKind::NotMetWithAllElementsTicked));
    assert!(has("udvikling-brobygning", Field::ActionOwner, WarningKind::ActionWithoutOwner));
    assert!(has(
        "udvikling-brobygning",
        Field::ActionDeadline,
        WarningKind::DeadlinePassed { deadline: "2026-01-31".into() }
    ));
    assert!(has("forandringsstrategi", Field::ActionDescription, WarningKind::NoAction));
    assert!(has("kompetenceudvikling", Field::ActionDeadline, WarningKind::DeadlineInvalid));
    assert!(!j
        .warnings
        .iter()
        .any(|w| w.item.map(|i| i.id) == Some("faelles-analyse") && w.field == Field::ActionDescription));
    text(&mut a, "udvikling-brobygning", AnswerField::ActionDeadline, "");
    assert!(judge(&a).warnings.iter().any(|w| w.kind == WarningKind::ActionWithoutDeadline));
}

#[test]
fn profile_gaps_are_warned_about() {
    let j = judge(&profile(None, None, Some("ved-ikke")));
    let kinds: Vec<&WarningKind> = j.profile_warnings().map(|w| &w.kind).collect();
    assert!(kinds.contains(&&WarningKind::PlanTypeMissing));
    assert!(kinds.contains(&&WarningKind::ProfileQuestionMissing("plan-origin")));
    assert!(kinds.contains(&&WarningKind::ProfileQuestionUnclear("omraadefornyelse")));
    assert_eq!(judge(&profile(Some("type-2"), Some("ny"), Some("nej"))).profile_warnings().count(), 0);
}

#[test]
fn scores_count_met_as_one_and_partly_as_a_half_per_section_and_overall() {
    let mut a = profile(Some("type-1"), Some("ny"), Some("nej"));
    set(&mut a, "halvaarlig-evaluering", Status::PartlyMet);
    set(&mut a, "sekretariat", Status::Met);
    let j = judge(&a);
    let score = |id: &str| j.sections.iter().find(|s| s.section_id == id).unwrap().score;
    assert_eq!(score("evaluering").percent(), Some(50));
    assert_eq!(score("organisering").of, 3, "K9, A1 and K11 apply; K10 does not");
    assert_eq!(score("organisering").percent(), Some(33));
    assert_eq!(score("ny-runde").percent(), None, "F1 does not apply to a Type 1 plan");
    assert_eq!(j.overall.of, 11, "K2, K10 and F1 do not apply");
    assert_eq!(j.overall.percent(), Some(14), "1.5 of 11, rounded");
}

#[test]
fn open_actions_are_sorted_by_deadline_with_overdue_ones_marked() {
    let mut a = profile(Some("type-1"), Some("ny"), Some("nej"));
    let plan = [
        ("sekretariat", "2027-03-01"),
        ("faelles-analyse", ""),
        ("borgerinddragelse", "2026-05-01"),
        ("fysiske-tiltag", "2026-12-24"),
    ];
    for (item, deadline) in plan {
        set(&mut a, item, Status::NotMet);
        a.apply(
            &Edit::AnswerText {
                item: item.into(),
                field: AnswerField::ActionDescription,
                value: format!("Gør noget ved {item}"),
            },
            NOW,
        );
        a.apply(
            &Edit::AnswerText { item: item.into(), field: AnswerField::ActionDeadline, value: deadline.into() },
            NOW,
        );
    }
    set(&mut a, "sekretariat", Status::Met);
    let j = judge(&a);
    let order: Vec<(&str, bool)> = j.actions.iter().map(|x| (x.item.id, x.overdue)).collect();
    assert_eq!(
        order,
        [("borgerinddragelse", true), ("fysiske-tiltag", false), ("faelles-analyse", false)],
        "a met item's action is closed"
    );
}

#[test]
fn a_profile_change_reports_what_started_and_stopped_applying() {
    let before = judge(&profile(Some("type-1"), Some("ny"), Some("ja")));
    let after = judge(&profile(Some("type-1"), Some("fornyelse"), Some("nej")));
    let changes: Vec<(&str, bool)> =
        engine::applicability_changes(&before, &after).into_iter().map(|(i, now)| (i.code, now)).collect();
    assert_eq!(changes, [("K2", true), ("K10", false)]);
}

fn arbitrary_assessment() -> impl Strategy<Value = Assessment> {
    let items: Vec<&'static str> = catalogue().items().map(|i| i.id).collect();
    let statuses = prop::sample::select(vec![
        Status::Unanswered,
        Status::Met,
        Status::PartlyMet,
        Status::NotMet,
        Status::NotRelevant,
    ]);
    (
        prop::option::of(prop::sample::select(vec!["type-1", "type-2", "uden-medfinansiering"])),
        prop::option::of(prop::sample::select(vec!["ny", "fornyelse"])),
        prop::option::of(prop::sample::select(vec!["ja", "nej", "ved-ikke"])),
        prop::collection::vec((statuses, any::<bool>(), any::<bool>(), any::<bool>()), items.len()),
    )
        .prop_map(move |(plan_type, origin, area, answers)| {
            let mut a = profile(plan_type, origin, area);
            for (id, (status, reason, include, tick)) in items.iter().zip(answers) {
                set(&mut a, id, status);
                if reason {
                    a.apply(
                        &Edit::AnswerText {
                            item: (*id).into(),
                            field: AnswerField::NotRelevantReason,
                            value: "fordi".into(),
                        },
                        NOW,
                    );
                }
                if include {
                    a.apply(&Edit::IncludeAnyway { item: (*id).into(), reason: Some("vigtigt".into()) }, NOW);
                }
                if tick {
                    tick_all(&mut a, id);
                }
            }
            a
        })
}

proptest! {
    #[test]
    fn ready_is_never_said_while_an_applicable_deciding_item_is_not_met(a in arbitrary_assessment()) {
        let j = judge(&a);
        if j.verdict == Verdict::Ready {
            let deciding = match j.basis {
                Basis::Krav => Kind::Krav,
                Basis::Prerequisite => Kind::Forudsaetning,
                Basis::NoPlanType => panic!("ready without a plan type"),
            };
            for state in j.items.iter().filter(|s| s.item.kind == deciding && s.applicability.counts()) {
                prop_assert_eq!(state.status, Status::Met, "{} is {:?}", state.item.code, state.status);
            }
        }
    }

    #[test]
    fn the_counts_add_up_to_the_items_that_count(a in arbitrary_assessment()) {
        let j = judge(&a);
        let in_scope = j.items.iter().filter(|s| s.applicability.counts() || s.applicability == Applicability::NotRelevant).count();
        prop_assert_eq!(j.all.total(), in_scope);
        prop_assert!(j.overall.percent().is_none_or(|p| p <= 100));
    }
}
