//! The rendered documents: the report's content and order, and that nothing a user typed can
//! become markup, in the report, the downloaded file or any page.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::assessment::{AnswerField, Assessment, Edit, Evidence, ProfileField, Status};
use helhedsplan_tjek::domain::catalogue::{self, Catalogue};
use helhedsplan_tjek::domain::engine;
use helhedsplan_tjek::domain::i18n::Lang;
use helhedsplan_tjek::domain::workshop::{compare, summarise};
use helhedsplan_tjek::render::html::Markup;
use helhedsplan_tjek::render::{answers, report, workshop};
use proptest::prelude::*;

const NOW: &str = "2026-11-21T10:00:00.000Z";
const TODAY: &str = "2026-11-21";

fn catalogue() -> &'static Catalogue {
    catalogue::current()
}

fn assessment() -> Assessment {
    let mut a = Assessment::new("r1".into(), catalogue(), NOW);
    a.apply(&Edit::ProfileText(ProfileField::PlanName, "Plan Nord".into()), NOW);
    a.apply(&Edit::PlanType(Some("type-1".into())), NOW);
    a.apply(&Edit::Condition { question: "plan-origin".into(), option: Some("ny".into()) }, NOW);
    a.apply(&Edit::Condition { question: "omraadefornyelse".into(), option: Some("nej".into()) }, NOW);
    a
}

fn render(a: &Assessment, lang: Lang) -> Markup {
    let j = engine::judge(catalogue(), a, TODAY);
    report::report(catalogue(), a, &j, TODAY, lang)
}

fn position(haystack: &str, needle: &str) -> usize {
    haystack.find(needle).unwrap_or_else(|| panic!("{needle:?} is not in the report"))
}

#[test]
fn the_report_has_its_parts_in_order_and_every_item_code() {
    let html = render(&assessment(), Lang::Da);
    let order = [
        "<h1 tabindex=\"-1\">Parathedsrapport: Plan Nord</h1>",
        "Samlet vurdering",
        "Opfyldelse pr. afsnit",
        "Punkt for punkt",
        "Handlingsplan",
        "Anbefalinger",
        "Advarsler",
        "Bilag: punkternes ordlyd",
    ];
    let positions: Vec<usize> = order.iter().map(|part| position(&html, part)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "parts out of order: {positions:?}");
    for item in catalogue().items() {
        assert!(html.contains(&format!(">{}<", item.code)), "{} is missing", item.code);
        assert!(
            html.contains(&helhedsplan_tjek::render::html::escape(item.text.da())),
            "{} text missing from the appendix",
            item.code
        );
    }
    assert!(html.contains("<svg") && html.contains("role=\"img\""), "the chart is inline SVG");
    // Named by its title, as the municipality names it, not by the id records key on.
    assert!(
        html.contains("Krav og anbefalinger til ny runde helhedsplaner, version 1.1") && html.contains("januar 2011"),
        "the catalogue and its source are named"
    );
    assert!(!html.contains("kk-helhedsplaner-2011"), "the catalogue's id is not for readers");
}

#[test]
fn a_krav_not_met_makes_the_report_not_ready_and_puts_it_in_the_action_plan() {
    let mut a = assessment();
    a.apply(&Edit::Status { item: "sekretariat".into(), status: Status::NotMet }, NOW);
    a.apply(
        &Edit::AnswerText {
            item: "sekretariat".into(),
            field: AnswerField::ActionDescription,
            value: "Gå sammen med naboafdelingen".into(),
        },
        NOW,
    );
    a.apply(
        &Edit::AnswerText {
            item: "sekretariat".into(),
            field: AnswerField::ActionDeadline,
            value: "2026-01-15".into(),
        },
        NOW,
    );
    let html = render(&a, Lang::Da);
    assert!(html.contains("<p class=\"verdict verdict--not-ready\" data-level=\"not-ready\">"));
    let plan = &html[position(&html, "Handlingsplan")..position(&html, "Anbefalinger")];
    assert!(plan.contains("K9") && plan.contains("Gå sammen med naboafdelingen"));
    assert!(plan.contains("Overskredet"), "a past deadline is marked");
}

#[test]
fn the_verdict_reads_without_colour() {
    let html = render(&assessment(), Lang::Da);
    assert!(html.contains("<span aria-hidden=\"true\">?</span> Ikke færdig"));
}

#[test]
fn the_report_prints_in_english_with_the_danish_quotes_marked() {
    let html = render(&assessment(), Lang::En);
    assert!(html.contains("<article class=\"report\" lang=\"en\">"));
    assert!(html.contains("Readiness report: Plan Nord"));
    assert!(html.contains("Requirements and recommendations for a new round of comprehensive plans, version 1.1"));
    assert!(html.contains("<blockquote lang=\"da\">at helhedsplanerne udarbejdes"));
}

#[test]
fn the_standalone_file_has_its_styles_inline_and_no_script() {
    let body = render(&assessment(), Lang::Da);
    let file = report::standalone(
        &body,
        ".report { color: red } </style><script>x</script>",
        "Plan \"Nord\"",
        "Plan <Nord>",
        Lang::Da,
    );
    assert!(file.starts_with("<!doctype html>"));
    assert!(file.contains("<style>") && file.contains(".report { color: red }"));
    assert!(!file.to_lowercase().contains("<script"), "no script, even from the CSS");
    assert!(file.contains("<title>Plan &lt;Nord&gt;</title>"));
    assert!(
        file.contains(
            r#"@bottom-left { content: "Plan \"Nord\""; font-size: 9pt; font-family: system-ui, sans-serif; }"#
        ),
        "the plan's name at the foot of every page"
    );
}

#[test]
fn report_file_names_are_plain() {
    assert_eq!(
        report::file_name("Helhedsplan Mjølnerparken / Bo-Vita", TODAY),
        "parathedsrapport-helhedsplan-mjoelnerparken-bo-vita-2026-11-21.html"
    );
    assert_eq!(report::file_name("???", TODAY), "parathedsrapport-plan-2026-11-21.html");
}

#[test]
fn a_chosen_passage_is_quoted_under_its_place_in_the_report_and_the_check() {
    let mut a = assessment();
    let place = "4. Organisering › 4.2 Styregruppe, side 12";
    let quote = "Styregruppen mødes fire gange om året og består af beboere & kommunen.";
    let evidence = Evidence { place: place.into(), quote: quote.into() };
    a.apply(&Edit::UsePassage { item: "styregruppe-afklaring".into(), evidence }, NOW);
    let j = engine::judge(catalogue(), &a, TODAY);
    let escaped = "Styregruppen mødes fire gange om året og består af beboere &amp; kommunen.";
    for html in
        [render(&a, Lang::Da).into_string(), answers::check_answers(catalogue(), &a, &j, Lang::Da).into_string()]
    {
        let at = position(&html, place);
        let quoted = position(&html, &format!("<blockquote class=\"report-evidence\">{escaped}</blockquote>"));
        assert!(at < quoted, "the quote comes under its place");
    }
    // Without a chosen passage there is no quote.
    assert!(!render(&assessment(), Lang::Da).into_string().contains("report-evidence"));
}

fn every_document(a: &Assessment) -> Vec<String> {
    let j = engine::judge(catalogue(), a, TODAY);
    vec![
        report::report(catalogue(), a, &j, TODAY, Lang::Da).into_string(),
        report::standalone(
            &report::report(catalogue(), a, &j, TODAY, Lang::En),
            "",
            &report::plan_name(a, Lang::En),
            &report::plan_name(a, Lang::Da),
            Lang::En,
        ),
        answers::check_answers(catalogue(), a, &j, Lang::Da).into_string(),
        workshop::comparison(a, a, &compare(catalogue(), a, a, TODAY), Lang::Da).into_string(),
        workshop::group_view(&summarise(catalogue(), std::slice::from_ref(a)), Lang::Da).into_string(),
    ]
}

proptest! {
    /// Whatever is typed, it is shown as text: no tag it contains survives into any document.
    #[test]
    fn typed_text_never_becomes_markup(text in "[<>&\"' a-zA-Z/=æøå]{0,40}", tag in "(script|img|b|iframe|svg)") {
        let hostile = format!("{text}<{tag} onerror=\"alert(1)\">{text}</{tag}>");
        let mut a = assessment();
        a.apply(&Edit::ProfileText(ProfileField::PlanName, hostile.clone()), NOW);
        a.apply(&Edit::ProfileText(ProfileField::Organisation, hostile.clone()), NOW);
        a.apply(&Edit::Status { item: "faelles-analyse".into(), status: Status::NotRelevant }, NOW);
        for field in [AnswerField::Notes, AnswerField::DocumentedIn, AnswerField::NotRelevantReason, AnswerField::ActionDescription, AnswerField::ActionOwner] {
            a.apply(&Edit::AnswerText { item: "faelles-analyse".into(), field, value: hostile.clone() }, NOW);
        }
        // A plan's passage is text the user did not even type: its place and quote too.
        let evidence = Evidence { place: hostile.clone(), quote: hostile.clone() };
        a.apply(&Edit::UsePassage { item: "sekretariat".into(), evidence }, NOW);
        for document in every_document(&a) {
            prop_assert!(!document.contains(&format!("<{tag} onerror")), "a typed tag became markup");
            prop_assert!(!document.contains("onerror=\"alert"), "a typed attribute became markup");
        }
    }
}
