//! The kommune's documents: "Kommunens tilbagemelding" (its parts, in both languages, and as a
//! self-contained file), the organisation's report with "Kommunens afgørelser", the remark beside
//! an item, and that no text typed on either side becomes markup in any of them.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::assessment::{AnswerField, Assessment, Edit, ProfileField, Status};
use helhedsplan_tjek::domain::catalogue::{self, Catalogue};
use helhedsplan_tjek::domain::engine;
use helhedsplan_tjek::domain::feedback::{self, Feedback, WithFeedback};
use helhedsplan_tjek::domain::i18n::Lang;
use helhedsplan_tjek::domain::review::{self, Decision, ReasonDecision, Review, ReviewEdit, ReviewField};
use helhedsplan_tjek::render::html::Html;
use helhedsplan_tjek::render::{report, review as document};
use proptest::prelude::*;

const NOW: &str = "2026-11-21T10:00:00.000Z";
const REVIEWED: &str = "2026-12-01T09:00:00.000Z";
const TODAY: &str = "2026-12-02";

fn catalogue() -> &'static Catalogue {
    catalogue::find("kk-helhedsplaner-2011").unwrap()
}

/// A Type 1 renewal, everything met but K8 and K10, which are Ikke relevant with reasons.
fn application() -> Assessment {
    let mut a = Assessment::new("org-1".into(), catalogue(), NOW);
    a.apply(&Edit::ProfileText(ProfileField::PlanName, "Plan Nord".into()), NOW);
    a.apply(&Edit::ProfileText(ProfileField::Organisation, "Boligselskabet Nord".into()), NOW);
    a.apply(&Edit::ProfileText(ProfileField::Date, "2026-11-20".into()), NOW);
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

/// The journey's review: disagrees on K9, accepts K10's reason and rejects K8's.
fn the_review(a: Assessment) -> Review {
    let mut r = Review::new("rev-1".into(), a, REVIEWED);
    let edits = [
        ReviewEdit::Text(ReviewField::Caseworker, "Anna Berg".into()),
        ReviewEdit::Text(ReviewField::Date, "2026-12-01".into()),
        ReviewEdit::Text(ReviewField::PlanReference, "plan-nord.docx".into()),
        ReviewEdit::Decision { item: "sekretariat".into(), decision: Some(Decision::Disagree) },
        ReviewEdit::Comment { item: "sekretariat".into(), comment: "Sekretariatet er for lille.".into() },
        ReviewEdit::Decision { item: "faelles-analyse".into(), decision: Some(Decision::Agree) },
        ReviewEdit::ReasonDecision { item: "omraadefornyelse".into(), decision: Some(ReasonDecision::Accepted) },
        ReviewEdit::ReasonDecision { item: "fysiske-tiltag".into(), decision: Some(ReasonDecision::Rejected) },
        ReviewEdit::ReasonComment { item: "fysiske-tiltag".into(), comment: "Afdeling 3 er ikke renoveret.".into() },
    ];
    for edit in &edits {
        r.apply(edit, REVIEWED);
    }
    r
}

fn feedback_document(r: &Review, lang: Lang) -> String {
    let j = review::judge_review(catalogue(), r, TODAY);
    document::feedback_document(catalogue(), r, &j, TODAY, lang).into_string()
}

fn position(haystack: &str, needle: &str) -> usize {
    haystack.find(needle).unwrap_or_else(|| panic!("{needle:?} is not in the document"))
}

#[test]
fn the_feedback_document_has_its_title_block_verdict_items_and_reasons_in_order() {
    let html = feedback_document(&the_review(application()), Lang::Da);
    let version = format!("version {}", catalogue().version);
    let order = [
        "<article class=\"report feedback\" lang=\"da\">",
        "<h1 tabindex=\"-1\">Kommunens tilbagemelding: Plan Nord</h1>",
        "<dd>plan-nord.docx</dd>",
        "<dd>Boligselskabet Nord</dd>",
        "<dt>Sagsbehandler</dt><dd>Anna Berg</dd>",
        "<dt>Dato for gennemgangen</dt><dd>2026-12-01</dd>",
        "<dt>Organisationens vurdering</dt><dd>dateret 2026-11-20, senest ændret 2026-11-21</dd>",
        &version,
        "Kommunens vurdering",
        "data-level=\"does-not-meet\"",
        "<li>K8 Vurdering af fysiske tiltag: begrundelsen godkendes ikke</li>",
        "<li>K9 Størrelse og sekretariat: kommunen er ikke enig</li>",
        "Kommunens stillingtagen punkt for punkt",
        "Sekretariatet er for lille.",
        "Begrundelser",
        "Godkendte begrundelser",
        "Slutter før planen.",
        "Begrundelser, der ikke godkendes",
        "Netop renoveret.",
        "Afdeling 3 er ikke renoveret.</p></li>",
    ];
    let positions: Vec<usize> = order.iter().map(|part| position(&html, part)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "parts out of order: {positions:?}");
    assert!(html.contains("<span aria-hidden=\"true\">✗</span> Opfylder ikke forudsætningerne endnu"));
    assert!(html.contains("4 af 13 gennemgået"), "K1, K9, and both reasons");
    let k9 = &html[position(&html, "data-item=\"sekretariat\"")..];
    let k9 = &k9[..position(k9, "</tr>")];
    assert!(k9.contains("Delvist") || k9.contains("Opfyldt"), "the organisation's answer: {k9}");
    assert!(k9.contains("tag tag--red\">Ikke enig"), "{k9}");
}

#[test]
fn a_comment_still_to_write_is_said_in_the_document() {
    let mut r = the_review(application());
    r.apply(&ReviewEdit::Comment { item: "sekretariat".into(), comment: String::new() }, REVIEWED);
    let html = feedback_document(&r, Lang::Da);
    assert!(html.contains("Skriv en kommentar. Den er påkrævet"));
}

#[test]
fn the_feedback_document_reads_in_english_and_saves_as_a_file_without_scripts() {
    let r = the_review(application());
    let html = feedback_document(&r, Lang::En);
    assert!(html.contains("lang=\"en\""));
    assert!(html.contains("The municipality&#39;s feedback: Plan Nord"));
    assert!(html.contains("Does not meet the prerequisites yet"));
    let j = review::judge_review(catalogue(), &r, TODAY);
    let markup = document::feedback_document(catalogue(), &r, &j, TODAY, Lang::Da);
    let name = document::plan_name(&r, Lang::Da);
    let file = report::standalone(&markup, ".report{}", &name, &name, Lang::Da);
    assert!(file.starts_with("<!doctype html>") && !file.to_lowercase().contains("<script"));
    assert_eq!(document::feedback_html_file_name(&name, TODAY), "kommunens-tilbagemelding-plan-nord-2026-12-02.html");
    assert_eq!(
        document::feedback_json_file_name("Mjølnerparken", TODAY),
        "kommunens-tilbagemelding-mjoelnerparken-2026-12-02.json"
    );
}

fn round_trip(a: &Assessment) -> (Feedback, WithFeedback) {
    let r = the_review(a.clone());
    let j = review::judge_review(catalogue(), &r, TODAY);
    let f = Feedback::of_review(&r, &j, "2026-12-02T12:00:00.000Z");
    let w = feedback::judge_with_feedback(catalogue(), a, &f, TODAY);
    (f, w)
}

#[test]
fn the_report_shows_the_kommunes_decisions_dated_only_when_feedback_is_attached() {
    let a = application();
    let plain = report::report(catalogue(), &a, &engine::judge(catalogue(), &a, TODAY), TODAY, Lang::Da);
    assert!(!plain.contains("Kommunens afgørelser"));
    assert!(plain.contains("verdict verdict--ready-if-accepted"));

    let (f, w) = round_trip(&a);
    let html = report::report_with_feedback(catalogue(), &a, &w, &f, TODAY, Lang::Da).into_string();
    let verdict = position(&html, "Samlet vurdering");
    let decisions = position(&html, "<h2 id=\"decisions\">Kommunens afgørelser</h2>");
    assert!(verdict < decisions && decisions < position(&html, "Opfyldelse pr. afsnit"));
    assert!(
        html.contains("Tilbagemelding fra Anna Berg, dateret 2026-12-01, på vurderingen, som den så ud 2026-11-21.")
    );
    assert!(html[verdict..decisions].contains("verdict verdict--not-ready"), "a rejected reason: not ready");
    assert!(html.contains("Kommunen har ikke godkendt 1 af jeres begrundelser."));
    let section = &html[decisions..];
    assert!(
        position(section, ">K8<") < position(section, ">K9<") && position(section, ">K9<") < position(section, ">K10<")
    );
    assert!(section.contains("ikke godkendt af kommunen") && section.contains("godkendt af kommunen"));
}

#[test]
fn an_item_says_when_the_kommunes_remark_was_about_an_earlier_answer() {
    let a = application();
    let (f, _) = round_trip(&a);
    let mut fixed = a.clone();
    fixed.apply(&Edit::Status { item: "sekretariat".into(), status: Status::PartlyMet }, "2026-12-03T10:00:00.000Z");
    let w = feedback::judge_with_feedback(catalogue(), &fixed, &f, TODAY);
    let changed = document::remark_markup(w.remark("sekretariat").unwrap(), Lang::Da);
    assert!(changed.contains("Kommunens bemærkning"));
    assert!(changed.contains("Kommunens bemærkning handler om et tidligere svar."));
    assert!(changed.contains("Svaret, kommunen så: Opfyldt"));
    assert!(changed.contains("Sekretariatet er for lille."));
    let same = document::remark_markup(w.remark("faelles-analyse").unwrap(), Lang::Da);
    assert!(!same.contains("tidligere svar"));
    let html = report::report_with_feedback(catalogue(), &fixed, &w, &f, TODAY, Lang::Da);
    assert!(html.contains("decisions__earlier"));
}

proptest! {
    /// Whatever either side types, it is shown as text in every document of the round trip.
    #[test]
    fn typed_text_never_becomes_markup(text in "[<>&\"' a-zA-Z/=æøå]{0,30}", tag in "(script|img|b|iframe|svg)") {
        let hostile = format!("{text}<{tag} onerror=\"alert(1)\">{text}</{tag}>");
        let mut a = application();
        for field in [ProfileField::PlanName, ProfileField::Organisation] {
            a.apply(&Edit::ProfileText(field, hostile.clone()), NOW);
        }
        for field in [AnswerField::NotRelevantReason, AnswerField::Notes, AnswerField::DocumentedIn] {
            a.apply(&Edit::AnswerText { item: "fysiske-tiltag".into(), field, value: hostile.clone() }, NOW);
        }
        let mut r = the_review(a.clone());
        for field in [ReviewField::Caseworker, ReviewField::PlanReference] {
            r.apply(&ReviewEdit::Text(field, hostile.clone()), REVIEWED);
        }
        r.apply(&ReviewEdit::Comment { item: "sekretariat".into(), comment: hostile.clone() }, REVIEWED);
        r.apply(&ReviewEdit::ReasonComment { item: "fysiske-tiltag".into(), comment: hostile.clone() }, REVIEWED);
        let j = review::judge_review(catalogue(), &r, TODAY);
        let f = Feedback::of_review(&r, &j, "2026-12-02T12:00:00.000Z");
        let w = feedback::judge_with_feedback(catalogue(), &a, &f, TODAY);
        let mut documents = vec![
            document::feedback_document(catalogue(), &r, &j, TODAY, Lang::Da).into_string(),
            report::standalone(
                &document::feedback_document(catalogue(), &r, &j, TODAY, Lang::En),
                "",
                &document::plan_name(&r, Lang::En),
                &document::plan_name(&r, Lang::Da),
                Lang::En,
            ),
            document::decisions(&f, &w, Lang::Da).into_string(),
            report::report_with_feedback(catalogue(), &a, &w, &f, TODAY, Lang::Da).into_string(),
        ];
        for remark in &w.remarks {
            documents.push(document::remark_markup(remark, Lang::Da).into_string());
        }
        let mut panel = Html::new();
        document::review_verdict_panel(&mut panel, &j, "h2", Lang::Da);
        documents.push(panel.finish().into_string());
        for document in documents {
            prop_assert!(!document.contains(&format!("<{tag} onerror")), "a typed tag became markup");
            prop_assert!(!document.contains("onerror=\"alert"), "a typed attribute became markup");
        }
    }
}

#[test]
fn the_overview_verdict_counts_the_reasons_the_kommune_accepted() {
    use helhedsplan_tjek::render::overview_summary;
    let a = application();
    let own = engine::judge(catalogue(), &a, TODAY);
    let plain = overview_summary(catalogue(), &own, None, Lang::Da).into_string();
    assert!(plain.contains("data-level=\"ready-if-accepted\""));

    // One reason rejected: not ready, and the panel says why.
    let (f, w) = round_trip(&a);
    let html = overview_summary(catalogue(), &own, Some(&w), Lang::Da).into_string();
    assert!(html.contains("data-level=\"not-ready\""), "{html}");
    assert!(html.contains("Kommunen har ikke godkendt 1 af jeres begrundelser."));

    // The item with the rejected reason met instead: the one reason left is accepted, so "Klar".
    let mut fixed = a.clone();
    fixed.apply(&Edit::Status { item: "fysiske-tiltag".into(), status: Status::Met }, "2026-12-03T10:00:00.000Z");
    let w = feedback::judge_with_feedback(catalogue(), &fixed, &f, TODAY);
    let own = engine::judge(catalogue(), &fixed, TODAY);
    assert_eq!(own.verdict, engine::Verdict::ReadyIfAccepted);
    let html = overview_summary(catalogue(), &own, Some(&w), Lang::Da).into_string();
    assert!(html.contains("data-level=\"ready\""), "{html}");
    assert!(html.contains("Kommunen har godkendt jeres 1 begrundelse(r)"));
    assert!(overview_summary(catalogue(), &own, Some(&w), Lang::En)
        .into_string()
        .contains("The municipality has accepted your 1 reason(s)"));
}
