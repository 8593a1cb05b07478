//! The kommune's review: its edits, the comments it requires, its progress and overview order,
//! and its verdict, which a property test checks against an oracle worked out from the review
//! and the assessment themselves: "meets" exactly when every deciding item is agreed met (with
//! every required element) and every reason on one is accepted.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::assessment::{AnswerField, Assessment, Edit, Status};
use helhedsplan_tjek::domain::catalogue::{self, Catalogue, Kind};
use helhedsplan_tjek::domain::engine::{self, Basis, ProfileRule};
use helhedsplan_tjek::domain::i18n::Lang;
use helhedsplan_tjek::domain::review::{
    self, Decision, Obstacle, OverviewGroup, ReasonDecision, Review, ReviewEdit, ReviewField, ReviewJudgement,
    ReviewVerdict, ReviewWarningKind,
};
use helhedsplan_tjek::domain::wording;
use proptest::prelude::*;

const NOW: &str = "2026-11-21T10:00:00.000Z";
const LATER: &str = "2026-12-01T09:00:00.000Z";
const TODAY: &str = "2026-12-01";

fn catalogue() -> &'static Catalogue {
    catalogue::find("kk-helhedsplaner-2011").unwrap()
}

fn profile(plan_type: Option<&str>, origin: Option<&str>, area: Option<&str>) -> Assessment {
    let mut a = Assessment::new("org-1".into(), catalogue(), NOW);
    a.apply(&Edit::PlanType(plan_type.map(str::to_owned)), NOW);
    for (question, option) in [("plan-origin", origin), ("omraadefornyelse", area)] {
        if let Some(option) = option {
            a.apply(&Edit::Condition { question: question.into(), option: Some(option.into()) }, NOW);
        }
    }
    a
}

fn set(a: &mut Assessment, item: &str, status: Status) {
    a.apply(&Edit::Status { item: item.into(), status }, NOW);
}

fn reason(a: &mut Assessment, item: &str, value: &str) {
    a.apply(&Edit::AnswerText { item: item.into(), field: AnswerField::NotRelevantReason, value: value.into() }, NOW);
}

/// Every item of a Type 1 renewal with an områdefornyelse met with every element ticked: K1-K12
/// decide, A1 is an anbefaling and F1 does not apply.
fn all_met() -> Assessment {
    let mut a = profile(Some("type-1"), Some("fornyelse"), Some("ja"));
    for item in catalogue().items() {
        set(&mut a, item.id, Status::Met);
        for element in item.elements {
            a.apply(&Edit::Element { item: item.id.into(), element: element.id.into(), ticked: true }, NOW);
        }
    }
    a
}

/// The organisation's application of the journey: two krav "Ikke relevant" with reasons.
fn application() -> Assessment {
    let mut a = all_met();
    set(&mut a, "fysiske-tiltag", Status::NotRelevant);
    reason(&mut a, "fysiske-tiltag", "Afdelingen er netop renoveret.");
    set(&mut a, "omraadefornyelse", Status::NotRelevant);
    reason(&mut a, "omraadefornyelse", "Områdefornyelsen slutter, før planen begynder.");
    a
}

fn decide(r: &mut Review, item: &str, decision: Decision, comment: &str) {
    r.apply(&ReviewEdit::Decision { item: item.into(), decision: Some(decision) }, LATER);
    r.apply(&ReviewEdit::Comment { item: item.into(), comment: comment.into() }, LATER);
}

fn decide_reason(r: &mut Review, item: &str, decision: ReasonDecision, comment: &str) {
    r.apply(&ReviewEdit::ReasonDecision { item: item.into(), decision: Some(decision) }, LATER);
    r.apply(&ReviewEdit::ReasonComment { item: item.into(), comment: comment.into() }, LATER);
}

fn judge(r: &Review) -> ReviewJudgement {
    review::judge_review(catalogue(), r, TODAY)
}

/// Agrees with every item and accepts every reason the review asks about.
fn agree_with_everything(r: &mut Review) {
    let j = judge(r);
    for state in j.in_scope() {
        if state.asks_decision {
            decide(r, state.item.id, Decision::Agree, "");
        }
        if state.asks_reason {
            decide_reason(r, state.item.id, ReasonDecision::Accepted, "");
        }
    }
}

#[test]
fn the_assessment_is_kept_as_received_and_no_edit_touches_it() {
    let a = application();
    let mut r = Review::new("rev-1".into(), a.clone(), LATER);
    r.apply(&ReviewEdit::Text(ReviewField::Caseworker, "Sagsbehandler Hansen".into()), LATER);
    r.apply(&ReviewEdit::Text(ReviewField::Date, "2026-12-01".into()), LATER);
    r.apply(&ReviewEdit::Text(ReviewField::PlanReference, "helhedsplan-nord.docx".into()), LATER);
    decide(&mut r, "sekretariat", Decision::Disagree, "Sekretariatet er for lille.");
    decide_reason(&mut r, "fysiske-tiltag", ReasonDecision::Rejected, "Der er afdelinger, der ikke er renoveret.");
    assert_eq!(r.assessment, a, "the organisation's answers are read-only");
    assert_eq!((r.assessment.id.as_str(), r.assessment.updated_at.as_str()), ("org-1", NOW), "the version it answers");
    assert_eq!((r.caseworker.as_str(), r.date.as_str()), ("Sagsbehandler Hansen", "2026-12-01"));
    assert_eq!(r.updated_at, LATER);
    assert_eq!(r.item("sekretariat").unwrap().decision, Some(Decision::Disagree));
    r.apply(&ReviewEdit::Decision { item: "sekretariat".into(), decision: None }, LATER);
    r.apply(&ReviewEdit::Comment { item: "sekretariat".into(), comment: String::new() }, LATER);
    assert_eq!(r.item("sekretariat"), None, "an item with nothing decided is not kept");
}

#[test]
fn a_comment_is_required_unless_the_kommune_agrees_and_the_domain_says_so() {
    let mut r = Review::new("rev-1".into(), application(), LATER);
    decide(&mut r, "sekretariat", Decision::Disagree, "  ");
    decide(&mut r, "faelles-analyse", Decision::NeedsInformation, "");
    decide(&mut r, "borgerinddragelse", Decision::Agree, "");
    decide_reason(&mut r, "fysiske-tiltag", ReasonDecision::Rejected, "");
    decide_reason(&mut r, "omraadefornyelse", ReasonDecision::Accepted, "");
    let j = judge(&r);
    let warnings: Vec<(&str, ReviewWarningKind)> = j.warnings.iter().map(|w| (w.item.id, w.kind)).collect();
    assert_eq!(
        warnings,
        [
            ("faelles-analyse", ReviewWarningKind::CommentMissing),
            ("fysiske-tiltag", ReviewWarningKind::ReasonCommentMissing),
            ("sekretariat", ReviewWarningKind::CommentMissing),
        ]
    );
    for (item, reviewed) in [
        ("sekretariat", false),
        ("faelles-analyse", false),
        ("borgerinddragelse", true),
        ("fysiske-tiltag", false),
        ("omraadefornyelse", true),
    ] {
        assert_eq!(j.state(item).unwrap().reviewed, reviewed, "{item}");
    }
    assert_eq!(
        wording::review_warning(ReviewWarningKind::CommentMissing).get(Lang::Da),
        "Skriv en kommentar. Den er påkrævet, når kommunen ikke er enig eller mangler oplysninger."
    );
    decide(&mut r, "sekretariat", Decision::Disagree, "For lille.");
    assert_eq!(judge(&r).warnings_for("sekretariat").count(), 0);
}

#[test]
fn an_ikke_relevant_item_asks_only_for_its_reason_and_an_included_one_for_both() {
    let mut a = application();
    a.apply(&Edit::Condition { question: "plan-origin".into(), option: Some("ny".into()) }, NOW);
    a.apply(&Edit::IncludeAnyway { item: "fornyelse-gennemgang".into(), reason: Some("Vi bygger videre".into()) }, NOW);
    let j = judge(&Review::new("rev-1".into(), a, LATER));
    let asks = |item: &str| {
        let s = j.state(item).unwrap();
        (s.in_scope, s.asks_decision, s.asks_reason)
    };
    assert_eq!(asks("fysiske-tiltag"), (true, false, true), "Ikke relevant: the reason is what is decided");
    assert_eq!(asks("fornyelse-gennemgang"), (true, true, true), "Medtag alligevel: the reason and the answer");
    assert_eq!(asks("sekretariat"), (true, true, false));
    assert_eq!(asks("supplerer-kommunale-tilbud"), (false, false, false), "F1 does not apply to a Type 1 plan");
}

#[test]
fn the_kommune_verdict_meets_only_when_everything_is_agreed_and_accepted() {
    let mut r = Review::new("rev-1".into(), application(), LATER);
    let j = judge(&r);
    assert_eq!((j.verdict, j.basis), (ReviewVerdict::Unfinished, Basis::Krav));
    assert_eq!((j.reviewed, j.total), (0, 13), "K1-K12 and A1");
    assert_eq!(wording::review_progress(&j, Lang::Da), "0 af 13 gennemgået");
    agree_with_everything(&mut r);
    let j = judge(&r);
    assert_eq!(j.verdict, ReviewVerdict::Meets);
    assert!(j.obstacles.is_empty());
    assert_eq!(wording::review_progress(&j, Lang::Da), "13 af 13 gennemgået");
    assert_eq!(
        wording::review_verdict(j.verdict, j.basis).get(Lang::Da),
        "Opfylder forudsætningerne for medfinansiering"
    );

    decide(&mut r, "sekretariat", Decision::Disagree, "Sekretariatet er for lille.");
    decide_reason(&mut r, "fysiske-tiltag", ReasonDecision::Rejected, "Ikke alle afdelinger er renoveret.");
    decide(&mut r, "styregruppe-sammensaetning", Decision::NeedsInformation, "Hvem sidder i styregruppen?");
    let j = judge(&r);
    assert_eq!(j.verdict, ReviewVerdict::DoesNotMeet);
    let sekretariat = catalogue().item("sekretariat").unwrap();
    let fysiske = catalogue().item("fysiske-tiltag").unwrap();
    assert_eq!(
        j.obstacles,
        [Obstacle::ReasonRejected(fysiske), Obstacle::Disagrees(sekretariat)],
        "in catalogue order; an anbefaling never stands in the way"
    );
    let said: Vec<String> = j.obstacles.iter().map(|o| wording::obstacle(o, Lang::Da)).collect();
    assert_eq!(
        said,
        [
            "K8 Vurdering af fysiske tiltag: begrundelsen godkendes ikke",
            "K9 Størrelse og sekretariat: kommunen er ikke enig"
        ],
        "{said:?}"
    );
}

#[test]
fn agreeing_with_an_answer_that_is_not_met_does_not_make_it_met() {
    let mut a = application();
    set(&mut a, "borgerinddragelse", Status::PartlyMet);
    let mut r = Review::new("rev-1".into(), a, LATER);
    agree_with_everything(&mut r);
    let j = judge(&r);
    assert_eq!(j.verdict, ReviewVerdict::DoesNotMeet);
    assert_eq!(
        j.obstacles,
        [Obstacle::AgreedNotMet { item: catalogue().item("borgerinddragelse").unwrap(), status: Status::PartlyMet }]
    );
}

#[test]
fn without_a_plan_type_nothing_can_meet() {
    let mut a = application();
    a.apply(&Edit::PlanType(None), NOW);
    let mut r = Review::new("rev-1".into(), a, LATER);
    agree_with_everything(&mut r);
    let j = judge(&r);
    assert_eq!((j.verdict, j.obstacles.as_slice()), (ReviewVerdict::DoesNotMeet, &[Obstacle::NoPlanType][..]));
}

#[test]
fn a_decided_obstacle_outranks_what_is_not_decided_yet() {
    let mut r = Review::new("rev-1".into(), application(), LATER);
    decide(&mut r, "halvaarlig-evaluering", Decision::NeedsInformation, "Hvornår?");
    let j = judge(&r);
    assert_eq!(j.verdict, ReviewVerdict::DoesNotMeet);
    assert!(j.obstacles.iter().any(|o| o.is_undecided()), "the undecided are still listed");
}

#[test]
fn the_overview_puts_objections_first_then_accepted_reasons_then_the_rest() {
    let mut r = Review::new("rev-1".into(), application(), LATER);
    decide(&mut r, "halvaarlig-evaluering", Decision::NeedsInformation, "Hvornår?");
    decide(&mut r, "faelles-analyse", Decision::Agree, "");
    decide_reason(&mut r, "omraadefornyelse", ReasonDecision::Accepted, "");
    decide_reason(&mut r, "fysiske-tiltag", ReasonDecision::Rejected, "Nej.");
    decide(&mut r, "sekretariat", Decision::Disagree, "For lille.");
    let j = judge(&r);
    let order: Vec<&str> = j.overview().iter().map(|s| s.item.code).collect();
    assert_eq!(order, ["K8", "K9", "K12", "K10", "K1", "K2", "K3", "K4", "K5", "K6", "K7", "A1", "K11"]);
    let groups: Vec<OverviewGroup> = j.overview().iter().map(|s| s.group).collect();
    assert!(groups.windows(2).all(|g| g[0] <= g[1]));
    assert_eq!(groups.iter().filter(|g| **g == OverviewGroup::Objections).count(), 3);
}

#[test]
fn without_cofinancing_f1_decides_and_its_reason_is_what_the_kommune_accepts() {
    let mut a = all_met();
    a.apply(&Edit::PlanType(Some("uden-medfinansiering".into())), NOW);
    set(&mut a, "supplerer-kommunale-tilbud", Status::NotRelevant);
    reason(&mut a, "supplerer-kommunale-tilbud", "Der er ingen kommunale tilbud.");
    set(&mut a, "sekretariat", Status::NotMet);
    let mut r = Review::new("rev-1".into(), a, LATER);
    decide_reason(&mut r, "supplerer-kommunale-tilbud", ReasonDecision::Accepted, "");
    let j = judge(&r);
    assert_eq!((j.verdict, j.basis), (ReviewVerdict::Meets, Basis::Prerequisite), "the krav are good practice");
    assert_eq!(
        wording::review_verdict(j.verdict, j.basis).get(Lang::Da),
        "Opfylder forudsætningen for godkendelse uden medfinansiering"
    );
}

// --- The property test --------------------------------------------------------------------------

/// Assessments leaning towards "ready" (as in tests/engine.rs), so that reviews that meet are
/// reached often.
fn arbitrary_assessment() -> impl Strategy<Value = Assessment> {
    let items: Vec<&'static str> = catalogue().items().map(|i| i.id).collect();
    let status = prop_oneof![
        30 => Just(Status::Met),
        4 => Just(Status::NotRelevant),
        1 => Just(Status::Unanswered),
        1 => Just(Status::PartlyMet),
        1 => Just(Status::NotMet),
    ];
    let text = || prop_oneof![1 => Just(""), 1 => Just("  "), 4 => Just("fordi")];
    let answer = (status, text(), prop::option::of(text()), prop::collection::vec(prop::bool::weighted(0.97), 4));
    (
        prop::option::weighted(0.9, prop::sample::select(vec!["type-1", "type-2", "uden-medfinansiering"])),
        prop::option::of(prop::sample::select(vec!["ny", "fornyelse"])),
        prop::option::of(prop::sample::select(vec!["ja", "nej", "ved-ikke"])),
        prop::collection::vec(answer, items.len()),
    )
        .prop_map(move |(plan_type, origin, area, answers)| {
            let mut a = profile(plan_type, origin, area);
            for (id, (status, not_relevant_reason, include, ticks)) in items.iter().zip(answers) {
                set(&mut a, id, status);
                reason(&mut a, id, not_relevant_reason);
                a.apply(&Edit::IncludeAnyway { item: (*id).into(), reason: include.map(str::to_owned) }, NOW);
                for (element, ticked) in catalogue().item(id).unwrap().elements.iter().zip(ticks) {
                    a.apply(&Edit::Element { item: (*id).into(), element: element.id.into(), ticked }, NOW);
                }
            }
            a
        })
}

/// Reviews of such assessments, leaning towards agreeing and accepting, for every item whether
/// the review asks about it or not.
fn arbitrary_review() -> impl Strategy<Value = Review> {
    let items: Vec<&'static str> = catalogue().items().map(|i| i.id).collect();
    let decision = prop_oneof![
        20 => Just(Some(Decision::Agree)),
        1 => Just(Some(Decision::Disagree)),
        1 => Just(Some(Decision::NeedsInformation)),
        1 => Just(None),
    ];
    let reason_decision = prop_oneof![20 => Just(Some(ReasonDecision::Accepted)), 1 => Just(Some(ReasonDecision::Rejected)), 1 => Just(None)];
    let comment = || prop_oneof![1 => Just(""), 1 => Just(" "), 3 => Just("Se afsnit 4")];
    let one = (decision, comment(), reason_decision, comment());
    (arbitrary_assessment(), prop::collection::vec(one, items.len())).prop_map(move |(a, decisions)| {
        let mut r = Review::new("rev".into(), a, LATER);
        for (id, (decision, comment, reason_decision, reason_comment)) in items.iter().zip(decisions) {
            r.apply(&ReviewEdit::Decision { item: (*id).into(), decision }, LATER);
            r.apply(&ReviewEdit::Comment { item: (*id).into(), comment: comment.into() }, LATER);
            r.apply(&ReviewEdit::ReasonDecision { item: (*id).into(), decision: reason_decision }, LATER);
            r.apply(&ReviewEdit::ReasonComment { item: (*id).into(), comment: reason_comment.into() }, LATER);
        }
        r
    })
}

fn reasoned(text: &str) -> bool {
    !text.trim().is_empty()
}

/// The verdict worked out from the review and the assessment directly, not from the engine's
/// judgement: which kind decides (from the plan type), which items the profile rules out (only
/// `profile_rule`, as tests/engine.rs's oracle does), and what each needs.
fn oracle(r: &Review) -> ReviewVerdict {
    let a = &r.assessment;
    let Some(plan_type) = a.profile.plan_type.as_deref().and_then(|id| catalogue().plan_type(id)) else {
        return ReviewVerdict::DoesNotMeet;
    };
    let deciding = if plan_type.cofinancing { Kind::Krav } else { Kind::Forudsaetning };
    let (mut against, mut undecided) = (false, false);
    for item in catalogue().items().filter(|i| i.kind == deciding) {
        let answer = a.answer(item.id);
        let included = answer.and_then(|x| x.included_anyway.as_deref()).is_some_and(reasoned);
        let excluded = engine::profile_rule(catalogue(), &a.profile, item) == ProfileRule::DoesNotApply;
        if excluded && !included {
            continue;
        }
        let not_relevant = answer.is_some_and(|x| x.status == Status::NotRelevant && reasoned(&x.not_relevant_reason));
        let given = r.item(item.id);
        let needs_reason = not_relevant || excluded;
        let needs_decision = !not_relevant;
        if needs_reason {
            match given.and_then(|g| g.reason_decision) {
                None => undecided = true,
                Some(ReasonDecision::Rejected) => against = true,
                Some(ReasonDecision::Accepted) => {}
            }
        }
        if needs_decision {
            let met = answer.is_some_and(|x| {
                x.status == Status::Met && item.required_elements().all(|e| x.elements.contains(e.id))
            });
            match given.and_then(|g| g.decision) {
                None => undecided = true,
                Some(Decision::Agree) if met => {}
                Some(_) => against = true,
            }
        }
    }
    if against {
        ReviewVerdict::DoesNotMeet
    } else if undecided {
        ReviewVerdict::Unfinished
    } else {
        ReviewVerdict::Meets
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_kommune_verdict_is_the_oracles(r in arbitrary_review()) {
        let j = judge(&r);
        prop_assert_eq!(j.verdict, oracle(&r));
        prop_assert_eq!(j.verdict == ReviewVerdict::Meets, j.obstacles.is_empty());
    }

    #[test]
    fn progress_overview_and_warnings_agree_with_the_decisions(r in arbitrary_review()) {
        let j = judge(&r);
        prop_assert!(j.reviewed <= j.total);
        prop_assert_eq!(j.total, j.items.iter().filter(|s| s.in_scope).count());
        let overview = j.overview();
        prop_assert_eq!(overview.len(), j.total);
        prop_assert!(overview.windows(2).all(|w| w[0].group <= w[1].group));
        for state in &j.items {
            let given = r.item(state.item.id);
            let comment = given.map(|g| g.comment.as_str()).unwrap_or_default();
            let reason_comment = given.map(|g| g.reason_comment.as_str()).unwrap_or_default();
            let missing_comment = state.decision.is_some_and(|d| d != Decision::Agree) && !reasoned(comment);
            let missing_reason = state.reason_decision == Some(ReasonDecision::Rejected) && !reasoned(reason_comment);
            let warned = |kind| j.warnings_for(state.item.id).any(|w| w.kind == kind);
            prop_assert_eq!(warned(ReviewWarningKind::CommentMissing), missing_comment);
            prop_assert_eq!(warned(ReviewWarningKind::ReasonCommentMissing), missing_reason);
            let decided = (!state.asks_decision || state.decision.is_some()) && (!state.asks_reason || state.reason_decision.is_some());
            prop_assert_eq!(state.reviewed, state.in_scope && decided && !missing_comment && !missing_reason);
        }
    }
}
