//! Workshops: the disagreement rule, aggregation of three or more participants, the consensus
//! assessment, and the comparison of two assessments over time.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::assessment::{AnswerField, Assessment, Edit, ProfileField, Status};
use helhedsplan_tjek::domain::catalogue::{self, Catalogue};
use helhedsplan_tjek::domain::engine::Verdict;
use helhedsplan_tjek::domain::workshop::{self, agreement, Agreement};

use Status::{Met, NotMet, NotRelevant, PartlyMet, Unanswered};

const NOW: &str = "2026-11-21T10:00:00.000Z";

fn catalogue() -> &'static Catalogue {
    catalogue::current()
}

fn participant(name: &str, answers: &[(&str, Status, &str)]) -> Assessment {
    let mut a = Assessment::new(name.to_lowercase(), catalogue(), NOW);
    a.apply(&Edit::ProfileText(ProfileField::Assessor, name.into()), NOW);
    a.apply(&Edit::PlanType(Some("type-1".into())), NOW);
    for (item, status, note) in answers {
        a.apply(&Edit::Status { item: (*item).into(), status: *status }, NOW);
        if !note.is_empty() {
            a.apply(&Edit::AnswerText { item: (*item).into(), field: AnswerField::Notes, value: (*note).into() }, NOW);
        }
    }
    a
}

#[test]
fn the_disagreement_rule() {
    assert_eq!(agreement(&[Met, Met, Met]), Agreement::Agree);
    assert_eq!(agreement(&[Met, PartlyMet, Met]), Agreement::Differ, "one step apart");
    assert_eq!(agreement(&[PartlyMet, NotMet, NotMet]), Agreement::Differ);
    assert_eq!(agreement(&[Met, PartlyMet, NotMet]), Agreement::Disagree, "met against not met");
    assert_eq!(agreement(&[Met, NotMet]), Agreement::Disagree);
    assert_eq!(agreement(&[NotRelevant, Met, Met]), Agreement::Disagree, "not relevant against a judgement");
    assert_eq!(agreement(&[NotRelevant, NotRelevant, NotRelevant]), Agreement::Agree);
    assert_eq!(agreement(&[Met, Unanswered, Unanswered, Met]), Agreement::Agree, "unanswered is left out");
    assert_eq!(agreement(&[Met, Unanswered, Unanswered]), Agreement::TooFewAnswers);
    assert_eq!(agreement(&[]), Agreement::TooFewAnswers);
}

fn three() -> Vec<Assessment> {
    vec![
        participant(
            "Aisha",
            &[
                ("faelles-analyse", Met, "Vi lavede den sammen"),
                ("sekretariat", Met, ""),
                ("borgerinddragelse", PartlyMet, ""),
            ],
        ),
        participant(
            "Bo",
            &[
                ("faelles-analyse", Met, ""),
                ("sekretariat", NotMet, "For lille afdeling"),
                ("borgerinddragelse", Met, ""),
            ],
        ),
        participant(
            "Carla",
            &[("faelles-analyse", Met, "Enig"), ("sekretariat", PartlyMet, ""), ("borgerinddragelse", Met, "")],
        ),
    ]
}

#[test]
fn three_participants_are_counted_per_item_with_their_notes_and_sorted_by_disagreement() {
    let summaries = workshop::summarise(catalogue(), &three());
    assert_eq!(summaries.len(), catalogue().item_count());
    let first = &summaries[0];
    assert_eq!((first.item.id, first.agreement), ("sekretariat", Agreement::Disagree), "the disagreement comes first");
    assert_eq!((first.count(Met), first.count(PartlyMet), first.count(NotMet), first.count(Unanswered)), (1, 1, 1, 0));
    assert_eq!(first.notes, [("Bo".to_owned(), "For lille afdeling".to_owned())]);
    assert_eq!((summaries[1].item.id, summaries[1].agreement), ("borgerinddragelse", Agreement::Differ));
    let analysis = summaries.iter().find(|s| s.item.id == "faelles-analyse").unwrap();
    assert_eq!((analysis.agreement, analysis.count(Met)), (Agreement::Agree, 3));
    assert_eq!(analysis.notes.iter().map(|(who, _)| who.as_str()).collect::<Vec<_>>(), ["Aisha", "Carla"]);
    let untouched = summaries.iter().find(|s| s.item.id == "halvaarlig-evaluering").unwrap();
    assert_eq!((untouched.agreement, untouched.count(Unanswered)), (Agreement::TooFewAnswers, 3));
}

#[test]
fn the_consensus_is_prefilled_only_where_everyone_agreed() {
    let mut people = three();
    for p in &mut people {
        for element in catalogue().item("faelles-analyse").unwrap().elements {
            p.apply(&Edit::Element { item: "faelles-analyse".into(), element: element.id.into(), ticked: true }, NOW);
        }
    }
    people[2].apply(&Edit::Element { item: "faelles-analyse".into(), element: "faelles".into(), ticked: false }, NOW);
    let consensus = workshop::consensus(catalogue(), &people, "faelles".into(), "Fælles vurdering", NOW);
    assert_eq!(consensus.profile.plan_name, "Fælles vurdering");
    assert_eq!(consensus.profile.plan_type.as_deref(), Some("type-1"), "everyone chose Type 1");
    assert_eq!(consensus.status("faelles-analyse"), Met);
    let elements: Vec<&String> = consensus.answer("faelles-analyse").unwrap().elements.iter().collect();
    assert_eq!(elements, ["igangvaerende-indsatser", "koebenhavnerkort"], "only the elements everyone ticked");
    assert_eq!(consensus.status("sekretariat"), Unanswered, "they disagreed");
    assert_eq!(consensus.status("borgerinddragelse"), Unanswered, "they differed");
    assert_eq!(consensus.status("halvaarlig-evaluering"), Unanswered, "nobody answered");
}

#[test]
fn comparing_two_assessments_shows_changes_verdicts_and_closed_actions() {
    let mut last_year = participant("Sidste år", &[("sekretariat", NotMet, ""), ("borgerinddragelse", PartlyMet, "")]);
    for (item, action) in [("sekretariat", "Gå sammen med naboafdelingen"), ("borgerinddragelse", "Dialogmøder")] {
        last_year.apply(
            &Edit::AnswerText { item: item.into(), field: AnswerField::ActionDescription, value: action.into() },
            NOW,
        );
    }
    let mut this_year = last_year.clone();
    this_year.apply(&Edit::Status { item: "sekretariat".into(), status: Met }, NOW);
    this_year.apply(&Edit::Status { item: "fysiske-tiltag".into(), status: NotMet }, NOW);
    this_year.apply(
        &Edit::AnswerText {
            item: "fysiske-tiltag".into(),
            field: AnswerField::ActionDescription,
            value: "Vurdér udearealerne".into(),
        },
        NOW,
    );
    let comparison = workshop::compare(catalogue(), &last_year, &this_year, "2026-11-21");
    let changed: Vec<(&str, Status, Status)> =
        comparison.items.iter().filter(|c| c.changed()).map(|c| (c.item.code, c.before, c.after)).collect();
    assert_eq!(changed, [("K8", Unanswered, NotMet), ("K9", NotMet, Met)]);
    assert_eq!((comparison.verdict_before, comparison.verdict_after), (Verdict::NotReady, Verdict::NotReady));
    assert_eq!(
        comparison.closed_actions.iter().map(|(i, a)| (i.code, a.as_str())).collect::<Vec<_>>(),
        [("K9", "Gå sammen med naboafdelingen")]
    );
    assert_eq!(comparison.new_actions.iter().map(|(i, _)| i.code).collect::<Vec<_>>(), ["K8"]);
}

#[test]
fn participants_are_named_by_who_filled_in_then_the_plan_then_a_number() {
    let mut a = Assessment::new("x".into(), catalogue(), NOW);
    assert_eq!(workshop::participant_name(&a, 3), "#3");
    a.apply(&Edit::ProfileText(ProfileField::PlanName, "Plan".into()), NOW);
    assert_eq!(workshop::participant_name(&a, 3), "Plan");
    a.apply(&Edit::ProfileText(ProfileField::Assessor, "Dorte".into()), NOW);
    assert_eq!(workshop::participant_name(&a, 3), "Dorte");
}
