//! The kommune's feedback file and the caseworker's stored review: every released schema version
//! still loads, the app writes exactly the fixtures, broken and hostile files are refused with
//! what and where (fuzzed and mutated, never a panic, never a file that breaks the schema let
//! through). On the organisation's side: attaching by assessment id with typed refusals, the
//! verdict that counts accepted reasons (a property test against an oracle, and `engine::judge`
//! unchanged), and items that know the kommune's comment was about an earlier answer.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::assessment::{AnswerField, Assessment, CatalogueRef, Edit, Status};
use helhedsplan_tjek::domain::catalogue::{self, Catalogue};
use helhedsplan_tjek::domain::engine::{self, Applicability, Verdict};
use helhedsplan_tjek::domain::exchange;
use helhedsplan_tjek::domain::feedback::{
    self, AttachRefusal, Attached, Feedback, FeedbackError, ReasonStanding, FEEDBACK_SCHEMA_VERSION,
};
use helhedsplan_tjek::domain::file_format::ReadError;
use helhedsplan_tjek::domain::i18n::Lang;
use helhedsplan_tjek::domain::review::{
    self, Decision, ReasonDecision, Review, ReviewEdit, ReviewField, ReviewVerdict, REVIEW_SCHEMA_VERSION,
};
use helhedsplan_tjek::domain::validate::{Problem, ProblemKind};
use helhedsplan_tjek::domain::wording;
use proptest::prelude::*;
use std::path::Path;

const NOW: &str = "2026-11-21T10:00:00.000Z";
const REVIEWED: &str = "2026-12-01T09:00:00.000Z";
const ISSUED: &str = "2026-12-02T13:00:00.000Z";
const TODAY: &str = "2026-12-02";

fn catalogue() -> &'static Catalogue {
    catalogue::find("kk-helhedsplaner-2011").unwrap()
}

fn fixture_path(dir: &str, name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{dir}/{name}"))
}

fn fixture(dir: &str, name: &str) -> String {
    let path = fixture_path(dir, name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The organisation's assessment of the schema-1 fixtures: K1 met, K9 partly met, A1 Ikke relevant.
fn organisation() -> Assessment {
    exchange::import(&fixture("schema-1", "export.json")).unwrap().remove(0)
}

/// The caseworker's review of it, as the fixtures hold it.
fn fixture_review() -> Review {
    let mut r = Review::new("gennemgang-1".into(), organisation(), REVIEWED);
    let at = REVIEWED;
    r.apply(&ReviewEdit::Text(ReviewField::Caseworker, "Sagsbehandler Anna Berg".into()), at);
    r.apply(&ReviewEdit::Text(ReviewField::Date, "2026-12-01".into()), at);
    r.apply(&ReviewEdit::Text(ReviewField::PlanReference, "helhedsplan-mjoelnerparken.docx".into()), at);
    r.apply(&ReviewEdit::Decision { item: "faelles-analyse".into(), decision: Some(Decision::Agree) }, at);
    r.apply(&ReviewEdit::Decision { item: "sekretariat".into(), decision: Some(Decision::Disagree) }, at);
    let comment = "Sekretariatet skal dække alle fire afdelinger.";
    r.apply(&ReviewEdit::Comment { item: "sekretariat".into(), comment: comment.into() }, at);
    let item = "styregruppe-sammensaetning";
    r.apply(&ReviewEdit::ReasonDecision { item: item.into(), decision: Some(ReasonDecision::Accepted) }, at);
    r
}

fn feedback_of(r: &Review) -> Feedback {
    Feedback::of_review(r, &review::judge_review(catalogue(), r, TODAY), ISSUED)
}

#[test]
fn every_released_schema_version_has_fixtures_that_load() {
    for version in 1..=REVIEW_SCHEMA_VERSION {
        let r = review::decode_review(&fixture(&format!("review-schema-{version}"), "review.json"))
            .unwrap_or_else(|e| panic!("review schema {version}: {e:?}"));
        assert_eq!(r.assessment, organisation(), "review schema {version}: the assessment as received");
        assert_eq!(r.item("sekretariat").unwrap().decision, Some(Decision::Disagree));
        assert_eq!(r.caseworker, "Sagsbehandler Anna Berg");
    }
    // A review keeps the organisation's assessment in the assessment schema it was stored with;
    // the one written since that schema's version 2 reads the same.
    let later = review::decode_review(&fixture("review-schema-1", "review-assessment-schema-2.json")).unwrap();
    assert_eq!(later, review::decode_review(&fixture("review-schema-1", "review.json")).unwrap());
    for version in 1..=FEEDBACK_SCHEMA_VERSION {
        let f = feedback::read_feedback(&fixture(&format!("feedback-schema-{version}"), "feedback.json"))
            .unwrap_or_else(|e| panic!("feedback schema {version}: {e:?}"));
        assert_eq!(f.assessment.id, "lq3k9x2a-4f7c1");
        assert_eq!(f.assessment.updated_at, "2026-11-20T14:32:10.512Z", "the version reviewed");
        assert_eq!(f.verdict, ReviewVerdict::DoesNotMeet);
        assert_eq!(f.item("sekretariat").unwrap().reviewed.status, Status::PartlyMet);
        assert_eq!(f.item("styregruppe-sammensaetning").unwrap().reason_decision, Some(ReasonDecision::Accepted));
    }
}

#[test]
fn the_fixtures_are_exactly_what_the_app_writes() {
    assert_eq!(
        review::encode_review(&fixture_review()),
        fixture("review-schema-1", "review-assessment-schema-2.json").trim_end()
    );
    assert_eq!(
        feedback::encode_feedback(&feedback_of(&fixture_review())),
        fixture("feedback-schema-1", "feedback.json")
    );
}

#[test]
fn only_the_decisions_asked_for_go_into_the_feedback() {
    let mut r = fixture_review();
    // A1 is Ikke relevant: there is no answer to agree with, only its reason to accept.
    let item = "styregruppe-sammensaetning";
    r.apply(&ReviewEdit::Decision { item: item.into(), decision: Some(Decision::Disagree) }, REVIEWED);
    r.apply(&ReviewEdit::Comment { item: item.into(), comment: "x".into() }, REVIEWED);
    let f = feedback_of(&r);
    let a1 = f.item(item).unwrap();
    assert_eq!((a1.decision, a1.comment.as_str()), (None, ""));
    assert_eq!(f.items.len(), 3);
}

fn refused(text: &str) -> FeedbackError {
    feedback::read_feedback(text).expect_err("the file must be refused")
}

fn problem(text: &str) -> Problem {
    match refused(text) {
        FeedbackError::Read(ReadError::Invalid(problem)) => problem,
        other => panic!("expected a problem, got {other:?}"),
    }
}

#[test]
fn each_kind_of_broken_feedback_file_gets_its_own_reason_in_danish() {
    let file = fixture("feedback-schema-1", "feedback.json");
    assert!(matches!(refused(&file[..file.len() / 2]), FeedbackError::Read(ReadError::NotJson { .. })), "truncated");
    let newer = file.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
    assert_eq!(refused(&newer), FeedbackError::Read(ReadError::NewerSchema(2)));
    assert_eq!(
        wording::feedback_error(&refused(&newer), Lang::Da),
        "Filen er lavet af en nyere udgave af Helhedsplan-tjek (skemaversion 2). Denne udgave kan læse op til version 1. Opdatér siden, og prøv igen."
    );
    let other_catalogue = file.replace("\"version\": \"1.0\"", "\"version\": \"7.0\"");
    assert_eq!(
        problem(&other_catalogue),
        Problem::at(
            "feedback.assessment.catalogue",
            ProblemKind::UnknownCatalogue { id: "kk-helhedsplaner-2011".into(), version: "7.0".into() }
        )
    );
    let decision = file.replace("\"decision\": \"disagree\"", "\"decision\": \"enig\"");
    let p = problem(&decision);
    assert_eq!(p.path, "feedback.items.sekretariat.decision");
    assert_eq!(
        wording::feedback_error(&refused(&decision), Lang::Da),
        "«enig» ved feedback.items.sekretariat.decision er ikke en af de mulige værdier (agree, disagree, needs-information)."
    );
    let item = file.replace("\"sekretariat\": {", "\"sekretariat-2\": {");
    assert_eq!(problem(&item), Problem::at("feedback.items", ProblemKind::UnknownItem("sekretariat-2".into())));
    let extra = file.replace("\"comment\": \"\",", "\"comment\": \"\", \"colour\": 1,");
    assert!(matches!(problem(&extra).kind, ProblemKind::UnknownField(name) if name == "colour"));
    let missing = file.replace("\"reviewId\": \"gennemgang-1\",", "");
    assert_eq!(problem(&missing), Problem::at("feedback.reviewId", ProblemKind::Missing));
    let stamp = file.replace(ISSUED, "i går");
    assert_eq!(problem(&stamp), Problem::at("feedback.issuedAt", ProblemKind::BadTimestamp("i går".into())));
    let date = file.replace("\"date\": \"2026-12-01\"", "\"date\": \"1. december\"");
    assert_eq!(problem(&date), Problem::at("feedback.date", ProblemKind::BadDate("1. december".into())));
    let long = file.replace("Sagsbehandler Anna Berg", &"x".repeat(501));
    assert_eq!(problem(&long), Problem::at("feedback.caseworker", ProblemKind::TooLong { max: 500 }));
    let element = file.replace("\"koebenhavnerkort\"", "\"kort\"");
    assert_eq!(
        problem(&element),
        Problem::at("feedback.items.faelles-analyse.reviewed.elements", ProblemKind::UnknownElement("kort".into()))
    );
    let repeated = file.replace("\"comment\": \"\",", "\"comment\": \"\", \"comment\": \"x\",");
    assert!(matches!(problem(&repeated).kind, ProblemKind::Repeated(name) if name == "comment"));
    let id = file.replace("\"lq3k9x2a-4f7c1\"", "\"<script>\"");
    assert_eq!(problem(&id), Problem::at("feedback.assessment.id", ProblemKind::BadId("<script>".into())));
    assert_eq!(
        wording::feedback_error(&refused(&fixture("schema-1", "export.json")), Lang::Da),
        "Filen er en eksport af vurderinger, ikke en tilbagemelding fra kommunen. Importér den under Dine data."
    );
    assert_eq!(
        wording::feedback_error(&refused(r#"{"format": "noget andet"}"#), Lang::Da),
        "Filen er ikke en tilbagemelding fra Helhedsplan-tjek. Den mangler «format»: \"helhedsplan-tjek.feedback\"."
    );
    let huge = " ".repeat(exchange::MAX_IMPORT_BYTES + 1);
    assert_eq!(refused(&huge), FeedbackError::TooLarge { bytes: exchange::MAX_IMPORT_BYTES + 1 });
}

#[test]
fn a_stored_review_that_breaks_the_schema_is_refused_with_its_place() {
    let record = fixture("review-schema-1", "review.json");
    let bad = record.replace("\"decision\":\"disagree\"", "\"decision\":\"no\"");
    assert!(matches!(
        review::decode_review(&bad),
        Err(ReadError::Invalid(Problem { ref path, kind: ProblemKind::UnknownChoice { .. } })) if path == "review.items.sekretariat.decision"
    ));
    let answers = record.replace("\"status\":\"partly-met\"", "\"status\":\"almost\"");
    assert!(matches!(
        review::decode_review(&answers),
        Err(ReadError::Invalid(Problem { ref path, kind: ProblemKind::UnknownStatus(_) })) if path == "review.assessment.answers.sekretariat.status"
    ));
    assert!(matches!(review::decode_review(&record[..200]), Err(ReadError::NotJson { .. })));
}

#[test]
fn markup_in_every_text_field_is_kept_as_text() {
    let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let mut r = fixture_review();
    for field in [ReviewField::Caseworker, ReviewField::PlanReference] {
        r.apply(&ReviewEdit::Text(field, hostile.into()), REVIEWED);
    }
    r.apply(&ReviewEdit::Comment { item: "sekretariat".into(), comment: hostile.into() }, REVIEWED);
    r.apply(
        &ReviewEdit::ReasonComment { item: "styregruppe-sammensaetning".into(), comment: hostile.into() },
        REVIEWED,
    );
    let f = feedback_of(&r);
    assert_eq!(feedback::read_feedback(&feedback::encode_feedback(&f)), Ok(f.clone()));
    assert_eq!(review::decode_review(&review::encode_review(&r)), Ok(r));
    assert_eq!(f.caseworker, hostile, "read back as the very same text");
}

// --- Attaching on the organisation's side ------------------------------------------------------

#[test]
fn a_feedback_is_attached_to_the_assessment_it_answers_and_nothing_else() {
    let here = organisation();
    let f = feedback_of(&fixture_review());
    assert_eq!(feedback::attach(&f, std::slice::from_ref(&here), &[]), Ok(Attached::New));
    assert_eq!(
        feedback::attach(&f, std::slice::from_ref(&here), std::slice::from_ref(&f)),
        Ok(Attached::AlreadyAttached)
    );

    let mut other = here.clone();
    other.id = "andet-id".into();
    let refusal = feedback::attach(&f, &[other], &[]).unwrap_err();
    assert_eq!(
        refusal,
        AttachRefusal::NotHere {
            assessment_id: "lq3k9x2a-4f7c1".into(),
            plan_name: "Helhedsplan Mjølnerparken 2026".into()
        }
    );
    assert_eq!(
        wording::attach_refusal(&refusal, Lang::Da),
        "Tilbagemeldingen svarer på vurderingen «Helhedsplan Mjølnerparken 2026» (id «lq3k9x2a-4f7c1»), som ikke findes i denne browser. Intet er ændret."
    );

    let mut older_here = here.clone();
    older_here.updated_at = "2026-11-01T08:00:00.000Z".into();
    assert_eq!(
        feedback::attach(&f, &[older_here], &[]),
        Err(AttachRefusal::AssessmentOlderHere {
            reviewed: "2026-11-20T14:32:10.512Z".into(),
            here: "2026-11-01T08:00:00.000Z".into()
        })
    );

    let mut other_catalogue = here.clone();
    other_catalogue.catalogue = CatalogueRef { id: "kk-helhedsplaner-2011".into(), version: "0.9".into() };
    assert!(matches!(feedback::attach(&f, &[other_catalogue], &[]), Err(AttachRefusal::OtherCatalogue { .. })));

    // The organisation kept working after the export: the feedback still attaches, and the
    // changed items say so.
    let mut changed = here.clone();
    changed.apply(&Edit::Status { item: "sekretariat".into(), status: Status::Met }, "2026-12-03T08:00:00.000Z");
    assert_eq!(feedback::attach(&f, std::slice::from_ref(&changed), &[]), Ok(Attached::New));
    assert!(!f.is_current("sekretariat", &changed));
    assert!(f.is_current("faelles-analyse", &changed));
}

#[test]
fn an_older_feedback_never_replaces_a_newer_one() {
    let here = organisation();
    let first = feedback_of(&fixture_review());
    let mut second = first.clone();
    second.issued_at = "2026-12-09T10:00:00.000Z".into();
    assert_eq!(
        feedback::attach(&second, std::slice::from_ref(&here), std::slice::from_ref(&first)),
        Ok(Attached::Replaces)
    );
    let refusal = feedback::attach(&first, std::slice::from_ref(&here), std::slice::from_ref(&second)).unwrap_err();
    assert_eq!(refusal, AttachRefusal::OlderThanAttached { attached_issued_at: "2026-12-09T10:00:00.000Z".into() });
    assert_eq!(
        wording::attach_refusal(&refusal, Lang::Da),
        "Tilbagemeldingen er ældre end den, der allerede er knyttet til vurderingen (skrevet 2026-12-09). Intet er ændret."
    );
    // A feedback on a later version of the assessment wins even if it was written first.
    let mut later_version = first.clone();
    later_version.assessment.updated_at = "2026-11-21T08:00:00.000Z".into();
    let mut here_now = here.clone();
    here_now.updated_at = "2026-11-22T08:00:00.000Z".into();
    assert_eq!(
        feedback::attach(&later_version, std::slice::from_ref(&here_now), std::slice::from_ref(&second)),
        Ok(Attached::Replaces)
    );
}

// --- The organisation's verdict with the feedback ------------------------------------------------

/// Every item met, two krav Ikke relevant: "Klar, hvis kommunen godkender begrundelserne".
fn application() -> Assessment {
    let mut a = Assessment::new("org-1".into(), catalogue(), NOW);
    a.apply(&Edit::PlanType(Some("type-1".into())), NOW);
    for (question, option) in [("plan-origin", "fornyelse"), ("omraadefornyelse", "ja")] {
        a.apply(&Edit::Condition { question: question.into(), option: Some(option.into()) }, NOW);
    }
    for item in catalogue().items() {
        a.apply(&Edit::Status { item: item.id.into(), status: Status::Met }, NOW);
        for element in item.elements {
            a.apply(&Edit::Element { item: item.id.into(), element: element.id.into(), ticked: true }, NOW);
        }
    }
    for (item, reason) in [("fysiske-tiltag", "Netop renoveret."), ("omraadefornyelse", "Slutter før planen.")] {
        a.apply(&Edit::Status { item: item.into(), status: Status::NotRelevant }, NOW);
        a.apply(
            &Edit::AnswerText { item: item.into(), field: AnswerField::NotRelevantReason, value: reason.into() },
            NOW,
        );
    }
    a
}

fn review_reasons(a: &Assessment, fysiske: ReasonDecision, omraade: Option<ReasonDecision>) -> Feedback {
    let mut r = Review::new("rev-1".into(), a.clone(), REVIEWED);
    r.apply(&ReviewEdit::ReasonDecision { item: "fysiske-tiltag".into(), decision: Some(fysiske) }, REVIEWED);
    r.apply(&ReviewEdit::ReasonComment { item: "fysiske-tiltag".into(), comment: "Se afsnit 3.".into() }, REVIEWED);
    r.apply(&ReviewEdit::ReasonDecision { item: "omraadefornyelse".into(), decision: omraade }, REVIEWED);
    r.apply(&ReviewEdit::Decision { item: "sekretariat".into(), decision: Some(Decision::NeedsInformation) }, REVIEWED);
    r.apply(&ReviewEdit::Comment { item: "sekretariat".into(), comment: "Hvor stort?".into() }, REVIEWED);
    feedback_of(&r)
}

fn with(a: &Assessment, f: &Feedback) -> feedback::WithFeedback {
    feedback::judge_with_feedback(catalogue(), a, f, TODAY)
}

#[test]
fn klar_when_the_kommune_accepts_every_reason_and_honest_when_it_does_not() {
    let a = application();
    let own = engine::judge(catalogue(), &a, TODAY);
    assert_eq!(own.verdict, Verdict::ReadyIfAccepted);

    let all = with(&a, &review_reasons(&a, ReasonDecision::Accepted, Some(ReasonDecision::Accepted)));
    assert_eq!((all.own_verdict, all.judgement.verdict), (Verdict::ReadyIfAccepted, Verdict::Ready));
    assert_eq!(wording::verdict(all.judgement.verdict).get(Lang::Da), "Klar");
    assert!(wording::verdict_meaning_with_feedback(&all, Lang::Da)
        .starts_with("Kommunen har godkendt jeres 2 begrundelse(r)"));
    let mut same = all.judgement.clone();
    same.verdict = own.verdict;
    assert_eq!(same, own, "nothing but the verdict changes");

    let one_rejected = with(&a, &review_reasons(&a, ReasonDecision::Rejected, Some(ReasonDecision::Accepted)));
    assert_eq!(one_rejected.judgement.verdict, Verdict::NotReady);
    assert_eq!(
        wording::verdict_meaning_with_feedback(&one_rejected, Lang::Da),
        "Kommunen har ikke godkendt 1 af jeres begrundelser. Planen er ikke klar, før de punkter er opfyldt, eller kommunen godkender en ny begrundelse."
    );
    let standings: Vec<(&str, ReasonStanding)> = one_rejected.reasons.iter().map(|(i, s)| (i.code, *s)).collect();
    assert_eq!(standings, [("K8", ReasonStanding::Rejected), ("K10", ReasonStanding::Accepted)]);

    let one_open = with(&a, &review_reasons(&a, ReasonDecision::Accepted, None));
    assert_eq!(one_open.judgement.verdict, Verdict::ReadyIfAccepted, "one reason is still to be accepted");
    assert_eq!(wording::verdict_meaning_with_feedback(&one_open, Lang::Da), wording::verdict_meaning(&own, Lang::Da));
}

#[test]
fn what_the_kommune_asks_for_comes_first_and_a_changed_answer_says_the_comment_was_about_an_earlier_one() {
    let a = application();
    let f = review_reasons(&a, ReasonDecision::Rejected, Some(ReasonDecision::Accepted));
    let w = with(&a, &f);
    let order: Vec<(&str, bool)> = w.remarks.iter().map(|r| (r.item.code, r.asks)).collect();
    assert_eq!(order, [("K8", true), ("K9", true), ("K10", false)]);
    assert!(w.remarks.iter().all(|r| !r.about_earlier_answer));

    // The organisation fixes K8 (now met) and rewords K10's reason.
    let mut fixed = a.clone();
    let later = "2026-12-05T10:00:00.000Z";
    fixed.apply(&Edit::Status { item: "fysiske-tiltag".into(), status: Status::Met }, later);
    let reworded = "Områdefornyelsen slutter i 2026.";
    fixed.apply(
        &Edit::AnswerText {
            item: "omraadefornyelse".into(),
            field: AnswerField::NotRelevantReason,
            value: reworded.into(),
        },
        later,
    );
    let w = with(&fixed, &f);
    assert!(w.remark("fysiske-tiltag").unwrap().about_earlier_answer);
    assert!(w.remark("omraadefornyelse").unwrap().about_earlier_answer);
    assert!(!w.remark("sekretariat").unwrap().about_earlier_answer);
    assert_eq!(
        w.remark("fysiske-tiltag").unwrap().feedback.reviewed.status,
        Status::NotRelevant,
        "what the kommune saw"
    );
    assert_eq!(
        w.reasons.iter().map(|(i, s)| (i.code, *s)).collect::<Vec<_>>(),
        [("K10", ReasonStanding::AnswerChanged)]
    );
    assert_eq!(w.judgement.verdict, Verdict::ReadyIfAccepted, "an acceptance of other words does not count");
}

// --- Fuzzing -------------------------------------------------------------------------------------

/// A small change to a valid file: a character replaced, a range cut out, or text inserted.
fn mutate(text: &str, at: usize, kind: u8, insert: &str) -> String {
    let mut out: Vec<char> = text.chars().collect();
    let at = at % out.len().max(1);
    match kind % 3 {
        0 => out[at] = insert.chars().next().unwrap_or('x'),
        1 => {
            let end = (at + insert.len() % 17 + 1).min(out.len());
            out.drain(at..end);
        }
        _ => {
            for (n, ch) in insert.chars().enumerate() {
                out.insert(at + n, ch);
            }
        }
    }
    out.into_iter().collect()
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    "\\PC{0,30}"
}

prop_compose! {
    fn arbitrary_review()(
        caseworker in arbitrary_text(),
        reference in arbitrary_text(),
        decisions in prop::collection::vec(
            (
                prop::sample::select(catalogue().items().map(|i| i.id).collect::<Vec<_>>()),
                prop::option::of(prop::sample::select(Decision::CHOICES.to_vec())),
                arbitrary_text(),
                prop::option::of(prop::sample::select(ReasonDecision::CHOICES.to_vec())),
                arbitrary_text(),
            ),
            0..14,
        ),
    ) -> Review {
        let mut r = Review::new("rev-x".into(), organisation(), REVIEWED);
        r.apply(&ReviewEdit::Text(ReviewField::Caseworker, caseworker), REVIEWED);
        r.apply(&ReviewEdit::Text(ReviewField::PlanReference, reference), REVIEWED);
        for (item, decision, comment, reason_decision, reason_comment) in decisions {
            r.apply(&ReviewEdit::Decision { item: item.into(), decision }, REVIEWED);
            r.apply(&ReviewEdit::Comment { item: item.into(), comment }, REVIEWED);
            r.apply(&ReviewEdit::ReasonDecision { item: item.into(), decision: reason_decision }, REVIEWED);
            r.apply(&ReviewEdit::ReasonComment { item: item.into(), comment: reason_comment }, REVIEWED);
        }
        r
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn reviews_and_feedback_files_round_trip(r in arbitrary_review()) {
        prop_assert_eq!(review::decode_review(&review::encode_review(&r)), Ok(r.clone()));
        let f = feedback_of(&r);
        prop_assert_eq!(feedback::read_feedback(&feedback::encode_feedback(&f)), Ok(f));
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_readers(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = feedback::read_feedback(&text);
        let _ = review::decode_review(&text);
    }

    #[test]
    fn a_mutated_feedback_file_is_refused_or_is_still_valid(r in arbitrary_review(), at in any::<usize>(), kind in any::<u8>(),
        insert in prop::sample::select(vec!["\"", "{", "}", ",", "x", "null", "9", "[", "\"colour\": 1,", "é", "\"agree\"", "\"rejected\""])) {
        let file = feedback::encode_feedback(&feedback_of(&r));
        let mutated = mutate(&file, at, kind, insert);
        if let Ok(f) = feedback::read_feedback(&mutated) {
            prop_assert!(feedback::validate_feedback(&f, "feedback").is_ok(), "accepted but invalid: {:?}", f);
            prop_assert_eq!(feedback::read_feedback(&feedback::encode_feedback(&f)), Ok(f));
        }
    }

    #[test]
    fn a_mutated_review_record_is_refused_or_is_still_valid(r in arbitrary_review(), at in any::<usize>(), kind in any::<u8>(),
        insert in prop::sample::select(vec!["\"", "{", "}", ",", "x", "null", "9", "[", "\"colour\":1,", "é", "\"disagree\""])) {
        let mutated = mutate(&review::encode_review(&r), at, kind, insert);
        if let Ok(read) = review::decode_review(&mutated) {
            prop_assert!(review::validate_review(&read, "review").is_ok(), "accepted but invalid: {:?}", read);
            prop_assert_eq!(review::decode_review(&review::encode_review(&read)), Ok(read));
        }
    }
}

// --- The property test of the verdict with feedback ---------------------------------------------

fn reasoned(text: &str) -> bool {
    !text.trim().is_empty()
}

prop_compose! {
    /// The application, with some reasons changed after the review and some items not relevant.
    fn arbitrary_round()(
        not_relevant in prop::collection::vec(prop::sample::select(vec!["sekretariat", "fysiske-tiltag", "omraadefornyelse", "borgerinddragelse"]), 0..4),
        decisions in prop::collection::vec(prop::option::of(prop::sample::select(ReasonDecision::CHOICES.to_vec())), 4),
        reworded in prop::collection::vec(prop::bool::weighted(0.15), 4),
        partly in prop::bool::weighted(0.1),
    ) -> (Assessment, Feedback) {
        let mut a = application();
        for item in ["fysiske-tiltag", "omraadefornyelse"] {
            a.apply(&Edit::Status { item: item.into(), status: Status::Met }, NOW);
        }
        for item in &not_relevant {
            a.apply(&Edit::Status { item: (*item).into(), status: Status::NotRelevant }, NOW);
            a.apply(&Edit::AnswerText { item: (*item).into(), field: AnswerField::NotRelevantReason, value: format!("Fordi {item}") }, NOW);
        }
        if partly {
            a.apply(&Edit::Status { item: "halvaarlig-evaluering".into(), status: Status::PartlyMet }, NOW);
        }
        let mut r = Review::new("rev".into(), a.clone(), REVIEWED);
        let items = ["sekretariat", "fysiske-tiltag", "omraadefornyelse", "borgerinddragelse"];
        for (item, decision) in items.iter().zip(&decisions) {
            r.apply(&ReviewEdit::ReasonDecision { item: (*item).into(), decision: *decision }, REVIEWED);
        }
        let f = feedback_of(&r);
        for (item, reword) in items.iter().zip(reworded) {
            if reword {
                a.apply(&Edit::AnswerText { item: (*item).into(), field: AnswerField::NotRelevantReason, value: "Nye ord".into() }, ISSUED);
            }
        }
        (a, f)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// "Klar" with feedback exactly when the plan is ready by its own answers but for reasons,
    /// and the kommune accepted each of them as the organisation words it now; "Ikke klar" when
    /// it rejected one as worded now; otherwise the verdict of `engine::judge`, unchanged.
    #[test]
    fn accepted_reasons_count_as_accepted_and_nothing_else_changes((a, f) in arbitrary_round()) {
        let own = engine::judge(catalogue(), &a, TODAY);
        let w = with(&a, &f);
        let mut rest = w.judgement.clone();
        rest.verdict = own.verdict;
        prop_assert_eq!(&rest, &own);
        prop_assert_eq!(w.own_verdict, own.verdict);

        // Worked out from the feedback's own copy of each answer, not from the engine's states.
        let decision_on = |item: &str| {
            let given = f.item(item)?;
            let now = a.answer(item)?;
            let same = given.reviewed.status == Status::NotRelevant && given.reviewed.not_relevant_reason == now.not_relevant_reason;
            same.then_some(given.reason_decision).flatten()
        };
        let reasons: Vec<&str> = catalogue().items()
            .filter(|i| i.kind == catalogue::Kind::Krav)
            .filter(|i| a.answer(i.id).is_some_and(|x| x.status == Status::NotRelevant && reasoned(&x.not_relevant_reason)))
            .filter(|i| engine::applicability(catalogue(), &a.profile, i, a.answer(i.id)) == Applicability::NotRelevant)
            .map(|i| i.id)
            .collect();
        let expected = if own.verdict != Verdict::ReadyIfAccepted {
            own.verdict
        } else if reasons.iter().all(|i| decision_on(i) == Some(ReasonDecision::Accepted)) {
            Verdict::Ready
        } else if reasons.iter().any(|i| decision_on(i) == Some(ReasonDecision::Rejected)) {
            Verdict::NotReady
        } else {
            Verdict::ReadyIfAccepted
        };
        prop_assert_eq!(w.judgement.verdict, expected);
    }
}
