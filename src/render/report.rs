//! The readiness report: what a housing organisation attaches to its application. One renderer
//! serves the screen, the printout (with style/report.css) and the downloadable HTML file.

use super::answers::profile_rows;
use super::html::{escape, Html, Markup};
use super::names::{period, slug};
use super::{status_tag, verdict_class};
use crate::domain::assessment::{Answer, Assessment, Status};
use crate::domain::catalogue::{Catalogue, Item, Kind};
use crate::domain::engine::{Applicability, Basis, Judgement, Verdict};
use crate::domain::feedback::{Feedback, WithFeedback};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::wording;

/// A mark beside the verdict, so it reads without colour.
fn verdict_mark(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ready => "✓",
        Verdict::ReadyIfAccepted => "(✓)",
        Verdict::AlmostReady => "≈",
        Verdict::NotReady => "✗",
        Verdict::Incomplete => "?",
    }
}

pub fn plan_name(assessment: &Assessment, lang: Lang) -> String {
    wording::display_name(assessment, lang)
}

/// The report as an `<article>`. `today` (`YYYY-MM-DD`) dates the printout.
pub fn report(
    catalogue: &Catalogue,
    assessment: &Assessment,
    judgement: &Judgement,
    today: &str,
    lang: Lang,
) -> Markup {
    build(catalogue, assessment, judgement, None, today, lang)
}

/// The report of an assessment with the kommune's feedback attached: the verdict counts the
/// reasons the kommune accepted (`with.judgement`), and "Kommunens afgørelser" follows it.
pub fn report_with_feedback(
    catalogue: &Catalogue,
    assessment: &Assessment,
    with: &WithFeedback,
    feedback: &Feedback,
    today: &str,
    lang: Lang,
) -> Markup {
    build(catalogue, assessment, &with.judgement, Some((feedback, with)), today, lang)
}

fn build(
    catalogue: &Catalogue,
    assessment: &Assessment,
    judgement: &Judgement,
    feedback: Option<(&Feedback, &WithFeedback)>,
    today: &str,
    lang: Lang,
) -> Markup {
    let name = plan_name(assessment, lang);
    let mut html = Html::new();
    html.open("article", &[("class", Some("report")), ("lang", Some(lang.code()))]);
    title_block(&mut html, catalogue, assessment, &name, today, lang);
    let meaning = match feedback {
        Some((_, with)) => wording::verdict_meaning_with_feedback(with, lang),
        None => wording::verdict_meaning(judgement, lang),
    };
    verdict(&mut html, judgement, &meaning, lang);
    if let Some((feedback, with)) = feedback {
        super::review::decisions_section(&mut html, feedback, with, "h2", lang);
    }
    sections_chart(&mut html, catalogue, judgement, lang);

    let krav: Vec<&Item> = catalogue.items().filter(|i| i.kind == Kind::Krav).collect();
    html.open("section", &[("class", Some("report__section")), ("aria-labelledby", Some("report-matrix"))]);
    html.element("h2", &[("id", Some("report-matrix"))], Msg::ReportMatrixHeading.get(lang));
    if judgement.basis == Basis::Prerequisite {
        html.element("p", &[], Msg::ReportGoodPractice.get(lang));
    }
    item_table(&mut html, assessment, judgement, &krav, lang);
    html.close("section");

    action_plan(&mut html, judgement, lang);

    let recommendations: Vec<&Item> = catalogue.items().filter(|i| i.kind == Kind::Anbefaling).collect();
    html.open("section", &[("class", Some("report__section")), ("aria-labelledby", Some("report-recommendations"))]);
    html.element("h2", &[("id", Some("report-recommendations"))], Msg::ReportRecommendationsHeading.get(lang));
    html.element("p", &[], Msg::ReportRecommendationsIntro.get(lang));
    item_table(&mut html, assessment, judgement, &recommendations, lang);
    html.close("section");

    let prerequisites: Vec<&Item> = catalogue
        .items()
        .filter(|i| i.kind == Kind::Forudsaetning)
        .filter(|i| {
            judgement
                .state(i.id)
                .is_some_and(|s| s.applicability.counts() || s.applicability == Applicability::NotRelevant)
        })
        .collect();
    if !prerequisites.is_empty() {
        html.open("section", &[("class", Some("report__section")), ("aria-labelledby", Some("report-prerequisite"))]);
        html.element("h2", &[("id", Some("report-prerequisite"))], Msg::ReportPrerequisiteHeading.get(lang));
        item_table(&mut html, assessment, judgement, &prerequisites, lang);
        html.close("section");
    }

    warnings(&mut html, catalogue, judgement, lang);
    appendix(&mut html, catalogue, lang);
    html.close("article");
    html.finish()
}

fn title_block(html: &mut Html, catalogue: &Catalogue, assessment: &Assessment, name: &str, today: &str, lang: Lang) {
    html.open("header", &[("class", Some("report__title"))]);
    html.element("h1", &[("tabindex", Some("-1"))], &Msg::ReportTitle.fill(lang, &[("plan", name)]));
    html.open("dl", &[("class", Some("report__facts"))]);
    let mut fact = |label: &str, value: &str| {
        html.open("div", &[]).element("dt", &[], label).element("dd", &[], value).close("div");
    };
    for (label, value) in profile_rows(catalogue, &assessment.profile, lang).into_iter().skip(1) {
        fact(&label, &value);
    }
    let judged_against =
        Msg::ReportCatalogue.fill(lang, &[("title", catalogue.title.get(lang)), ("version", catalogue.version)]);
    fact(Msg::ReportJudgedAgainst.get(lang), &judged_against);
    let source = Msg::ReportSourceText.fill(
        lang,
        &[
            ("title", catalogue.source.title.get(lang)),
            ("publisher", catalogue.source.publisher.get(lang)),
            ("date", catalogue.source.date.get(lang)),
        ],
    );
    fact(Msg::ReportSource.get(lang), &source);
    fact(Msg::ReportPeriod.get(lang), &period(catalogue));
    html.close("dl");
    html.el("p", "report__printed", &Msg::ReportCreated.fill(lang, &[("date", today)]));
    html.close("header");
}

fn verdict(html: &mut Html, judgement: &Judgement, meaning: &str, lang: Lang) {
    html.open(
        "section",
        &[("class", Some("report__section report__verdict")), ("aria-labelledby", Some("report-verdict"))],
    );
    html.element("h2", &[("id", Some("report-verdict"))], Msg::ReportVerdictHeading.get(lang));
    html.open("p", &[("class", Some(verdict_class(judgement.verdict))), ("data-level", Some(judgement.verdict.key()))]);
    html.element("span", &[("aria-hidden", Some("true"))], verdict_mark(judgement.verdict)).raw(" ");
    html.text(wording::verdict(judgement.verdict).get(lang)).close("p");
    html.el("p", "report__meaning", meaning);
    let counts_intro = match judgement.basis {
        Basis::Prerequisite => Msg::CountsDecidingPrerequisite,
        _ => Msg::CountsDecidingKrav,
    };
    html.open("p", &[])
        .text(counts_intro.get(lang))
        .raw(" ")
        .text(&wording::counts(&judgement.deciding, lang))
        .raw(".")
        .close("p");
    html.close("section");
    super::reasons_to_accept(html, judgement, "h2", lang);
}

const CHART_WIDTH: u32 = 640;
const LABEL_WIDTH: u32 = 250;
const BAR_WIDTH: u32 = 300;
const ROW_HEIGHT: u32 = 34;

/// Scores per section and overall: an SVG bar chart drawn here, readable in black and white,
/// with the same numbers as text below it.
fn sections_chart(html: &mut Html, catalogue: &Catalogue, judgement: &Judgement, lang: Lang) {
    // A section in which nothing applies to this plan is left out, not shown as an empty bar.
    let mut rows: Vec<(String, Option<u32>, usize, bool)> = judgement
        .sections
        .iter()
        .filter(|s| s.score.of > 0)
        .map(|s| {
            let title = catalogue.sections.iter().find(|c| c.id == s.section_id).map_or("", |c| c.title.get(lang));
            (title.to_owned(), s.score.percent(), s.score.of, false)
        })
        .collect();
    rows.push((Msg::ReportOverall.get(lang).to_owned(), judgement.overall.percent(), judgement.overall.of, true));

    html.open(
        "section",
        &[("class", Some("report__section report__chart")), ("aria-labelledby", Some("report-sections"))],
    );
    html.element("h2", &[("id", Some("report-sections"))], Msg::ReportSectionsHeading.get(lang));
    html.element("p", &[], Msg::ReportSectionsIntro.get(lang));
    let height = ROW_HEIGHT * rows.len() as u32 + 8;
    let view_box = format!("0 0 {CHART_WIDTH} {height}");
    html.open("figure", &[("class", Some("chart"))]);
    html.open(
        "svg",
        &[
            ("xmlns", Some("http://www.w3.org/2000/svg")),
            ("viewBox", Some(&view_box)),
            ("role", Some("img")),
            ("aria-labelledby", Some("chart-title")),
            ("class", Some("chart__svg")),
        ],
    );
    html.element("title", &[("id", Some("chart-title"))], Msg::ReportChartTitle.get(lang));
    for (n, (label, percent, _, overall)) in rows.iter().enumerate() {
        let y = n as u32 * ROW_HEIGHT + 4;
        let text_y = (y + ROW_HEIGHT / 2 + 5).to_string();
        let weight = if *overall { "700" } else { "400" };
        html.element(
            "text",
            &[
                ("x", Some("0")),
                ("y", Some(&text_y)),
                ("font-size", Some("15")),
                ("font-weight", Some(weight)),
                ("fill", Some("#000")),
            ],
            label,
        );
        let bar_y = (y + 6).to_string();
        let bar_h = (ROW_HEIGHT - 12).to_string();
        html.open(
            "rect",
            &[
                ("x", Some(&LABEL_WIDTH.to_string())),
                ("y", Some(&bar_y)),
                ("width", Some(&BAR_WIDTH.to_string())),
                ("height", Some(&bar_h)),
                ("fill", Some("#fff")),
                ("stroke", Some("#000")),
                ("stroke-width", Some("1")),
            ],
        )
        .close("rect");
        let filled = percent.map_or(0, |p| p * BAR_WIDTH / 100).to_string();
        let fill = if *overall { "#000" } else { "#555" };
        html.open(
            "rect",
            &[
                ("x", Some(&LABEL_WIDTH.to_string())),
                ("y", Some(&bar_y)),
                ("width", Some(&filled)),
                ("height", Some(&bar_h)),
                ("fill", Some(fill)),
            ],
        )
        .close("rect");
        let value = percent.map_or_else(|| "–".to_owned(), |p| format!("{p} %"));
        let value_x = (LABEL_WIDTH + BAR_WIDTH + 10).to_string();
        html.element(
            "text",
            &[
                ("x", Some(&value_x)),
                ("y", Some(&text_y)),
                ("font-size", Some("15")),
                ("font-weight", Some(weight)),
                ("fill", Some("#000")),
            ],
            &value,
        );
    }
    html.close("svg");
    html.open("figcaption", &[]).open("ul", &[("class", Some("chart__numbers"))]);
    for (label, percent, count, _) in &rows {
        let line = match percent {
            Some(p) => Msg::ReportScoreLine
                .fill(lang, &[("section", label), ("percent", &p.to_string()), ("count", &count.to_string())]),
            None => Msg::ReportScoreNone.fill(lang, &[("section", label)]),
        };
        html.element("li", &[], &line);
    }
    html.close("ul").close("figcaption").close("figure").close("section");
}

fn item_table(html: &mut Html, assessment: &Assessment, judgement: &Judgement, items: &[&Item], lang: Lang) {
    html.open("table", &[("class", Some("report-table"))]);
    html.open("thead", &[]).open("tr", &[]);
    for heading in [Msg::ColCode, Msg::ColTitle, Msg::ColKind, Msg::ColStatus, Msg::ColDocumented, Msg::ColNotes] {
        html.element("th", &[("scope", Some("col"))], heading.get(lang));
    }
    html.close("tr").close("thead").open("tbody", &[]);
    let blank = Answer::default();
    for item in items {
        let answer = assessment.answer(item.id).unwrap_or(&blank);
        let applicability = judgement.state(item.id).map_or(Applicability::Applies, |s| s.applicability);
        html.open("tr", &[]);
        html.element("th", &[("scope", Some("row"))], item.code);
        html.element("td", &[], item.title.get(lang));
        html.element("td", &[], wording::kind(item.kind).get(lang));
        html.open("td", &[]);
        status_tag(html, answer.status, lang);
        match applicability {
            Applicability::DoesNotApply => {
                html.el("span", "report-table__note", Msg::DoesNotApply.get(lang));
            }
            Applicability::IncludedByUser => {
                let reason = answer.included_anyway.as_deref().unwrap_or("");
                html.el("span", "report-table__note", &format!("{}: {reason}", Msg::IncludedReasonLabel.get(lang)));
            }
            _ => {}
        }
        if answer.status == Status::NotRelevant {
            html.el(
                "span",
                "report-table__note",
                &format!("{}: {}", Msg::ReasonLabel.get(lang), answer.not_relevant_reason),
            );
        }
        html.close("td");
        html.open("td", &[]).text(&answer.documented_in);
        // The passage chosen with "Brug som henvisning", quoted under its place.
        if !answer.evidence_quote.is_empty() {
            html.el("blockquote", "report-evidence", &answer.evidence_quote);
        }
        html.close("td");
        html.element("td", &[("class", Some("report-table__text"))], &answer.notes);
        html.close("tr");
    }
    html.close("tbody").close("table");
}

fn action_plan(html: &mut Html, judgement: &Judgement, lang: Lang) {
    html.open("section", &[("class", Some("report__section")), ("aria-labelledby", Some("report-actions"))]);
    html.element("h2", &[("id", Some("report-actions"))], Msg::ReportActionsHeading.get(lang));
    if judgement.actions.is_empty() {
        html.element("p", &[], Msg::NoActions.get(lang));
    } else {
        html.open("table", &[("class", Some("report-table report-table--actions"))]);
        html.open("thead", &[]).open("tr", &[]);
        for heading in [Msg::ColDeadline, Msg::ColTitle, Msg::ColAction, Msg::ColOwner] {
            html.element("th", &[("scope", Some("col"))], heading.get(lang));
        }
        html.close("tr").close("thead").open("tbody", &[]);
        for action in &judgement.actions {
            html.open("tr", &[("class", action.overdue.then_some("report-table__overdue"))]);
            html.open("td", &[]);
            if action.deadline.is_empty() {
                html.text(Msg::NoDeadline.get(lang));
            } else {
                html.text(&action.deadline);
            }
            if action.overdue {
                html.el("strong", "overdue", &format!(" ⚠ {}", Msg::Overdue.get(lang)));
            }
            html.close("td");
            html.open("td", &[])
                .el("span", "code", action.item.code)
                .raw(" ")
                .text(action.item.title.get(lang))
                .close("td");
            html.element("td", &[("class", Some("report-table__text"))], &action.description);
            let owner = if action.owner.trim().is_empty() { Msg::NoOwner.get(lang) } else { action.owner.as_str() };
            html.element("td", &[], owner);
            html.close("tr");
        }
        html.close("tbody").close("table");
    }
    html.close("section");
}

fn warnings(html: &mut Html, catalogue: &Catalogue, judgement: &Judgement, lang: Lang) {
    html.open("section", &[("class", Some("report__section")), ("aria-labelledby", Some("report-warnings"))]);
    html.element("h2", &[("id", Some("report-warnings"))], Msg::ReportWarningsHeading.get(lang));
    if judgement.warnings.is_empty() {
        html.element("p", &[], Msg::NoWarnings.get(lang));
    } else {
        html.open("ul", &[("class", Some("report__warnings"))]);
        for warning in &judgement.warnings {
            html.open("li", &[]);
            if let Some(item) = warning.item {
                html.el("span", "code", item.code).raw(" ");
            }
            html.text(&wording::warning(catalogue, warning, lang)).close("li");
        }
        html.close("ul");
    }
    html.close("section");
}

fn appendix(html: &mut Html, catalogue: &Catalogue, lang: Lang) {
    html.open(
        "section",
        &[("class", Some("report__section report__appendix")), ("aria-labelledby", Some("report-appendix"))],
    );
    html.element("h2", &[("id", Some("report-appendix"))], Msg::ReportAppendixHeading.get(lang));
    let intro = Msg::ReportAppendixIntro.fill(
        lang,
        &[
            ("title", catalogue.source.title.get(lang)),
            ("publisher", catalogue.source.publisher.get(lang)),
            ("date", catalogue.source.date.get(lang)),
            ("preamble", ""),
        ],
    );
    html.element("p", &[], intro.trim_end());
    html.element("p", &[("lang", Some("da"))], catalogue.preamble.da());
    for item in catalogue.items() {
        html.open("div", &[("class", Some("report__appendix-item"))]);
        html.open("h3", &[]).el("span", "code", item.code).raw(" ").text(item.title.get(lang)).raw(" ");
        html.el("span", "report__kind", &format!("({})", wording::kind(item.kind).get(lang))).close("h3");
        html.element("blockquote", &[("lang", Some("da"))], item.text.da());
        if lang == Lang::En {
            html.element("p", &[("class", Some("report__translation")), ("lang", Some("en"))], item.text.en());
        }
        html.close("div");
    }
    html.close("section");
}

/// The `@page` rule that prints `text` at the foot of every page.
pub fn print_footer_rule(text: &str) -> String {
    let quoted: String = text
        .chars()
        .map(|ch| match ch {
            '\\' => "\\\\".to_owned(),
            '"' => "\\\"".to_owned(),
            c if c.is_control() => " ".to_owned(),
            c => c.to_string(),
        })
        .collect();
    format!("@page {{ @bottom-left {{ content: \"{quoted}\"; font-size: 9pt; font-family: system-ui, sans-serif; }} }}")
}

/// The report as one self-contained HTML file: styles inline, no scripts, everything escaped.
/// `footer` is printed at the foot of every page.
pub fn standalone(report: &Markup, css: &str, footer: &str, title: &str, lang: Lang) -> String {
    let css = format!("{css}\n{}", print_footer_rule(footer));
    // A style element's content is raw text that a "</style>" would end. CSS needs no "<"
    // outside strings, where the escape \3c stands for it.
    let css = css.replace('<', "\\3c ");
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body class=\"standalone\">\n{}\n</body>\n</html>\n",
        lang.code(),
        escape(title),
        css,
        report
    )
}

/// A file name for the report: the plan's name in plain letters, and the date.
pub fn file_name(plan: &str, today: &str) -> String {
    format!("parathedsrapport-{}-{today}.html", slug(plan))
}

/// The name of an export file: one assessment's name, or all of them, and the date.
pub fn export_file_name(name: Option<&str>, today: &str) -> String {
    format!("helhedsplan-tjek-{}-{today}.json", name.map_or_else(|| "alle".to_owned(), slug))
}
