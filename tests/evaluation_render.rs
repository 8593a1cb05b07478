//! The evaluation's documents: the printable strategiskabelon, the kommune's summary with its
//! charts and their tables, the comparisons, and that nothing typed or imported becomes markup.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::domain::evaluation::aggregate::{compare_periods, overview, trend};
use helhedsplan_tjek::domain::evaluation::{Edit, Half, Period, Plan, PlanField, Start, Strategiskabelon};
use helhedsplan_tjek::domain::i18n::Lang;
use helhedsplan_tjek::render::evaluation::{self as documents, Level};
use helhedsplan_tjek::render::report;
use proptest::prelude::*;

const NOW: &str = "2027-06-20T10:00:00.000Z";
const TODAY: &str = "2027-06-30";

fn h1() -> Period {
    Period::half_year(2027, Half::First)
}

fn plan(id: &str, name: &str, activities: &[(&str, &str, Option<&str>)]) -> Strategiskabelon {
    let start = Start {
        id: format!("{id}-h1"),
        plan: Plan { id: id.into(), name: name.into(), ..Plan::default() },
        period: h1(),
    };
    let mut s = Strategiskabelon::new(start, catalogue::current(), NOW);
    for (activity, name, progress) in activities {
        s.apply(&Edit::AddActivity { id: (*activity).into() }, NOW);
        s.apply(&Edit::ActivityName { id: (*activity).into(), name: (*name).into() }, NOW);
        s.apply(&Edit::ActivityProgress { id: (*activity).into(), progress: progress.map(Into::into) }, NOW);
    }
    s
}

fn nord() -> Strategiskabelon {
    let mut s = plan("nord", "Plan Nord", &[("a1", "Lektiecafé", Some("god")), ("a2", "Kvindeklub", Some("nogen"))]);
    s.apply(&Edit::PlanText(PlanField::Organisation, "Bo-Vita".into()), NOW);
    s.apply(&Edit::ActivityTargetGroup { id: "a1".into(), group: "boern-og-unge".into(), chosen: true }, NOW);
    s.apply(&Edit::ActivityItem { id: "a1".into(), item: "forandringsstrategi".into(), linked: true }, NOW);
    s.apply(&Edit::ActivityReason { id: "a1".into(), reason: "30 børn hver uge".into() }, NOW);
    s.apply(&Edit::RatingLevel { collaboration: "kommunen".into(), level: Some("fungerer-godt".into()) }, NOW);
    s.apply(
        &Edit::RatingLevel { collaboration: "tvaerkommunalt".into(), level: Some("stoerre-udfordringer".into()) },
        NOW,
    );
    s.apply(&Edit::RatingComment { collaboration: "tvaerkommunalt".into(), comment: "Skolen mangler".into() }, NOW);
    s.apply(&Edit::Challenge { id: "lokaler".into(), chosen: true }, NOW);
    s.apply(&Edit::ChallengeComment { id: "lokaler".into(), comment: "Intet lokale om aftenen".into() }, NOW);
    s
}

fn position(haystack: &str, needle: &str) -> usize {
    haystack.find(needle).unwrap_or_else(|| panic!("{needle:?} is not in the document"))
}

#[test]
fn the_strategiskabelon_has_its_title_block_activities_ratings_and_challenges_in_order() {
    let html = documents::strategiskabelon(catalogue::current(), &nord(), TODAY, Lang::Da).into_string();
    let order = [
        "<h1 tabindex=\"-1\">Strategiskabelon: Plan Nord</h1>",
        "1. halvår 2027",
        "Bo-Vita",
        "Aktiviteter",
        "Lektiecafé",
        "K5",
        "<td>God fremdrift</td>",
        "30 børn hver uge",
        "Samarbejdet",
        "<span lang=\"da\">rummer større udfordringer</span>",
        "Skolen mangler",
        "Udfordringer",
        "Lokaler",
        "Intet lokale om aftenen",
    ];
    let positions: Vec<usize> = order.iter().map(|part| position(&html, part)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "parts out of order: {positions:?}");
    assert!(html.contains("2 aktiviteter, heraf med god fremdrift: 1 (50 %)."), "the count and share");
    assert!(html.contains("Skalaen er værktøjets egen"), "the help text says the scale is ours");
    assert!(html.contains("<th scope=\"row\">Lektiecafé</th>"), "activities are a table");
}

#[test]
fn an_empty_strategiskabelon_says_so() {
    let html = documents::strategiskabelon(catalogue::current(), &plan("x", "", &[]), TODAY, Lang::Da).into_string();
    assert!(html.contains("Strategiskabelon: Unavngiven plan"));
    assert!(html.contains("Der er ingen aktiviteter i strategiskabelonen endnu."));
    assert!(html.contains("Planen har ikke valgt nogen udfordringer."));
    assert!(!html.contains("<table"), "no empty table");
}

fn three() -> Vec<Strategiskabelon> {
    vec![
        nord(),
        plan(
            "syd",
            "Plan Syd",
            &[("s1", "Jobcafé", Some("god")), ("s2", "Banko", None), ("s3", "Fodbold", Some("ingen"))],
        ),
        plan("vest", "Plan Vest", &[]),
    ]
}

#[test]
fn the_summary_shows_the_counts_both_figures_with_their_tables_and_major_challenges_first() {
    let plans = three();
    let o = overview(&plans, h1());
    let html = documents::summary(&o, None, TODAY, Lang::Da, Level::Page).into_string();
    assert!(html.contains("<h1 tabindex=\"-1\">Evaluering på tværs af planer: 1. halvår 2027</h1>"));
    assert!(html.contains("Plan Nord, Plan Syd, Plan Vest"), "the plans' names in the title block");
    assert!(html.contains("<dt>Planer</dt><dd>3</dd>") && html.contains("<dt>Aktiviteter i alt</dt><dd>5</dd>"));
    assert!(html.contains("<dt>God fremdrift</dt><dd>2 (40 %)</dd>"), "the share with good progress");
    assert!(html.contains("255 (58%)"), "the 2010 figure beside it");
    // Two figures: SVG with role="img" and a text alternative, and each with a table of numbers.
    assert_eq!(html.matches("<svg").count(), 3, "Figur 2, and Figur 1 for each collaboration");
    assert_eq!(html.matches("role=\"img\"").count(), 3);
    for id in ["figure-progress-title", "figure-ratings-1-title", "figure-ratings-2-title"] {
        assert!(html.contains(&format!("aria-labelledby=\"{id}\"")) && html.contains(&format!("<title id=\"{id}\">")));
    }
    assert!(html.contains("<title id=\"figure-progress-title\">Fremdrift i 5 aktiviteter. God fremdrift: 2 (40 %);"));
    let figure_2 = position(&html, "Helhedsplanernes vurdering af fremdrift i aktiviteter");
    let figure_1 = position(&html, "Helhedsplanernes vurdering af samarbejdet med Københavns Kommune");
    assert!(html[figure_2 - 30..figure_2].contains("lang=\"da\""), "the figure title is the source's, marked");
    let progress_table = &html[figure_2..figure_1];
    assert!(progress_table.contains("<caption>Tallene bag figuren</caption>"));
    assert!(progress_table.contains("<th scope=\"row\">God fremdrift</th><td>2</td><td>40 %</td>"));
    assert!(progress_table.contains("<th scope=\"row\">Ikke vurderet</th><td>1</td><td>20 %</td>"));
    let ratings_table = &html[figure_1..position(&html, "Aktiviteter pr. målgruppe")];
    assert!(ratings_table.contains("<caption>Tallene bag figuren (antal planer)</caption>"));
    assert!(ratings_table
        .contains("<th scope=\"row\"><span lang=\"da\">fungerer godt</span></th><td>1 (33 %)</td><td>0 (0 %)</td>"));
    assert!(ratings_table.contains("<th scope=\"row\">Ikke vurderet</th><td>2 (67 %)</td><td>2 (67 %)</td>"));
    let plans_section = &html[position(&html, "id=\"summary-plans\"")..];
    let (nord, syd) = (position(plans_section, "Plan Nord"), position(plans_section, "Plan Syd"));
    assert!(nord < syd, "the plan with major challenges comes first");
    assert!(plans_section.contains("data-major=\"true\"") && plans_section.contains("Skolen mangler"));
    assert!(html.contains("<th scope=\"row\">Lokaler</th><td>1 (33 %)</td>"), "challenges by plans");
    assert!(html.contains("<strong>Plan Nord:</strong> Intet lokale om aftenen"));
}

#[test]
fn a_summary_of_a_period_without_plans_says_so() {
    let o = overview(&[], h1());
    let html = documents::summary(&o, None, TODAY, Lang::Da, Level::Page).into_string();
    assert!(html.contains("Der er ingen strategiskabeloner for 1. halvår 2027."));
    assert!(html.contains("<dt>God fremdrift</dt><dd>0</dd>"), "no share of nothing");
    assert!(html.contains("Ingen plan har nævnt en udfordring."));
}

#[test]
fn in_english_the_sources_words_stay_danish_and_marked() {
    let plans = three();
    let o = overview(&plans, h1());
    let html = documents::summary(&o, None, TODAY, Lang::En, Level::Page).into_string();
    assert!(html.contains("<article class=\"report evaluation\" lang=\"en\">"));
    assert!(html.contains("Evaluation across plans: First half of 2027"));
    assert!(html.contains("<span lang=\"da\">fungerer godt</span> (works well)"));
    assert!(html.contains("<span lang=\"da\">Helhedsplanernes vurdering af fremdrift i aktiviteter</span>"));
    assert!(html.contains("<blockquote lang=\"da\">en kvantitativ indmelding"));
    let skabelon = documents::strategiskabelon(catalogue::current(), &nord(), TODAY, Lang::En).into_string();
    assert!(skabelon.contains("Strategy template: Plan Nord") && skabelon.contains("Good progress"));
    assert!(
        skabelon.contains(
            "in which «<span lang=\"da\">vurderes fremdriften at være god</span>» (progress is assessed as good)"
        ),
        "the source's words inside the English help are marked Danish"
    );
}

#[test]
fn the_comparisons_show_each_movement_in_words_and_marks() {
    let before = nord();
    let mut after = before.next_period("nord-h2".into(), NOW);
    after.apply(&Edit::ActivityProgress { id: "a1".into(), progress: Some("nogen".into()) }, NOW);
    after.apply(&Edit::ActivityProgress { id: "a2".into(), progress: Some("god".into()) }, NOW);
    let comparison = compare_periods(&before, &after);
    let html = documents::period_comparison(&comparison, Lang::Da, Level::Page).into_string();
    assert!(html.contains("Plan Nord: 1. halvår 2027 og 2. halvår 2027 sammenlignet"));
    assert!(html.contains("<tr data-movement=\"down\"><th scope=\"row\">Lektiecafé</th><td>God fremdrift</td><td>Nogen fremdrift</td><td><span aria-hidden=\"true\">↓</span> Gået ned</td></tr>"));
    assert!(html.contains("<li data-movement=\"up\"><strong>1</strong> Gået op</li>"));
    let plans = vec![before.clone(), after.clone()];
    let t = trend(&plans, before.period, after.period);
    let summary = documents::summary(&t.after, Some(&t), TODAY, Lang::Da, Level::Page).into_string();
    assert!(summary.contains("2. halvår 2027 sammenlignet med 1. halvår 2027"));
}

#[test]
fn under_a_pages_own_heading_the_documents_start_at_h2() {
    let plans = three();
    let o = overview(&plans, h1());
    let html = documents::summary(&o, None, TODAY, Lang::Da, Level::UnderPage).into_string();
    assert!(!html.contains("<h1"), "the page has the one h1");
    assert!(html.contains("<h2 class=\"report__heading\">Evaluering på tværs af planer: 1. halvår 2027</h2>"));
    assert!(html.contains("<h3 id=\"summary-progress\">") && !html.contains("<h2 id="));
    let before = nord();
    let after = before.next_period("nord-h2".into(), NOW);
    let html =
        documents::period_comparison(&compare_periods(&before, &after), Lang::Da, Level::UnderPage).into_string();
    assert!(!html.contains("<h1") && html.contains("<h3 id=\"compare-activities\">"));
}

#[test]
fn charts_keep_their_text_size_and_put_each_label_on_its_own_line() {
    let plans = three();
    let html = documents::summary(&overview(&plans, h1()), None, TODAY, Lang::En, Level::Page).into_string();
    // No viewBox: a chart scaled down to a phone's width would shrink its text with it.
    assert!(!html.contains("viewBox") && html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\""));
    // A label and its translation are two lines, neither running beside the bar.
    let ratings = &html[position(&html, "figure-ratings-1-title")..];
    let (words, translation) = (position(ratings, ">fungerer godt</text>"), position(ratings, ">(works well)</text>"));
    assert!(words < translation);
    assert!(html.contains("class=\"chart__value\" font-size=\"15\" fill=\"#000\">2 (40 %)</text>"));
}

#[test]
fn file_names_are_plain() {
    assert_eq!(documents::skabelon_file_name(&nord(), TODAY), "strategiskabelon-plan-nord-2027-h1-2027-06-30.html");
    assert_eq!(documents::export_file_name(&nord(), TODAY), "strategiskabelon-plan-nord-2027-h1-2027-06-30.json");
    let plans = three();
    assert_eq!(documents::summary_file_name(&overview(&plans, h1()), TODAY), "evaluering-2027-h1-2027-06-30.html");
}

#[test]
fn the_standalone_summary_has_no_script() {
    let plans = three();
    let body = documents::summary(&overview(&plans, h1()), None, TODAY, Lang::Da, Level::Page);
    let file =
        report::standalone(&body, ".report { color: black }", "Evaluering 1. halvår 2027", "Evaluering", Lang::Da);
    assert!(file.starts_with("<!doctype html>") && file.contains("<svg"));
    assert!(!file.to_lowercase().contains("<script"));
}

proptest! {
    /// Whatever a plan types, and whatever a file brings, it is shown as text in every document.
    #[test]
    fn typed_text_never_becomes_markup(text in "[<>&\"' a-zA-Z/=æøå]{0,30}", tag in "(script|img|b|iframe|svg|title)") {
        let hostile = format!("{text}<{tag} onerror=\"alert(1)\">{text}</{tag}>");
        let mut s = nord();
        s.apply(&Edit::PlanText(PlanField::Name, hostile.clone()), NOW);
        s.apply(&Edit::PlanText(PlanField::Organisation, hostile.clone()), NOW);
        s.apply(&Edit::ActivityName { id: "a1".into(), name: hostile.clone() }, NOW);
        s.apply(&Edit::ActivityReason { id: "a1".into(), reason: hostile.clone() }, NOW);
        s.apply(&Edit::RatingComment { collaboration: "kommunen".into(), comment: hostile.clone() }, NOW);
        s.apply(&Edit::RatingComment { collaboration: "tvaerkommunalt".into(), comment: hostile.clone() }, NOW);
        s.apply(&Edit::Challenge { id: "andet".into(), chosen: true }, NOW);
        s.apply(&Edit::ChallengeComment { id: "andet".into(), comment: hostile.clone() }, NOW);
        s.apply(&Edit::ChallengeComment { id: "lokaler".into(), comment: hostile.clone() }, NOW);
        let mut next = s.next_period("n2".into(), NOW);
        next.apply(&Edit::ActivityName { id: "a2".into(), name: hostile.clone() }, NOW);
        let plans = vec![s.clone(), next.clone()];
        let t = trend(&plans, s.period, next.period);
        let documents = [
            documents::strategiskabelon(catalogue::current(), &s, TODAY, Lang::Da).into_string(),
            documents::strategiskabelon(catalogue::current(), &s, TODAY, Lang::En).into_string(),
            documents::summary(&overview(&plans, s.period), None, TODAY, Lang::Da, Level::Page).into_string(),
            documents::summary(&t.after, Some(&t), TODAY, Lang::En, Level::Page).into_string(),
            documents::period_comparison(&compare_periods(&s, &next), Lang::Da, Level::Page).into_string(),
        ];
        for document in documents {
            prop_assert!(!document.contains(&format!("<{tag} onerror")), "a typed tag became markup");
            prop_assert!(!document.contains("onerror=\"alert"), "a typed attribute became markup");
        }
    }
}
