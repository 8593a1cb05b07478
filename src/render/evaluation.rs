//! The evaluation's documents: a plan's printable "Strategiskabelon", the comparison of two of
//! its periods, and the kommune's "Evaluering på tværs af planer" with Figur 1 and 2 as inline
//! SVG. Styled like the report (style/report.css), and saved as files with `report::standalone`.
//!
//! Every chart has its numbers in a table beside it, and a text alternative: a chart never
//! carries information alone. Words quoted from the evaluation stay Danish, marked `lang="da"`.

use super::html::{Html, Markup};
use super::names::slug;
use crate::domain::catalogue::Catalogue;
use crate::domain::evaluation::aggregate::{percent, Movement, Overview, PeriodComparison, PlanRow, Trend};
use crate::domain::evaluation::scheme::{scheme, RatingLevel};
use crate::domain::evaluation::{display_name, Strategiskabelon};
use crate::domain::i18n::{Lang, Msg};

/// A passage of the evaluation: Danish, marked so; in English its translation follows.
fn quote(html: &mut Html, tag: &'static str, id: &str, lang: Lang) {
    let Some(quote) = scheme().quote(id) else { return };
    html.element(tag, &[("lang", Some("da"))], quote.text.da);
    if lang == Lang::En {
        html.element("p", &[("class", Some("report__translation")), ("lang", Some("en"))], quote.text.en());
    }
}

/// A rating level in the source's Danish words, with the English in brackets when in English.
fn rating_label(html: &mut Html, level: &RatingLevel, lang: Lang) {
    html.element("span", &[("lang", Some("da"))], level.label.da);
    if lang == Lang::En {
        html.text(&format!(" ({})", level.label.en()));
    }
}

fn rating_text(level: &RatingLevel, lang: Lang) -> String {
    match lang {
        Lang::Da => level.label.da.to_owned(),
        Lang::En => format!("{} ({})", level.label.da, level.label.en()),
    }
}

fn facts(html: &mut Html, rows: &[(&str, String)]) {
    html.open("dl", &[("class", Some("report__facts"))]);
    for (label, value) in rows {
        html.open("div", &[]).element("dt", &[], label).element("dd", &[], value).close("div");
    }
    html.close("dl");
}

fn source_line(lang: Lang) -> String {
    let source = &scheme().source;
    format!("{}, {} ({})", source.title.get(lang), source.publisher.get(lang), source.date.get(lang))
}

fn progress_label(id: Option<&str>, lang: Lang) -> &'static str {
    id.and_then(|id| scheme().progress_level(id)).map_or(Msg::EvalNotAssessed.get(lang), |l| l.label.get(lang))
}

fn count_share(count: usize, whole: usize, lang: Lang) -> String {
    match percent(count, whole) {
        Some(p) => Msg::EvalCountShare.fill(lang, &[("count", &count.to_string()), ("percent", &p.to_string())]),
        None => count.to_string(),
    }
}

/// Where a document's title sits in the page: as the page's own heading (`Page`: an h1, its
/// sections h2), or below the page's h1 (`UnderPage`: an h2, its sections h3), so a screen
/// never has two h1s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Page,
    UnderPage,
}

impl Level {
    fn title(self, html: &mut Html, text: &str) {
        match self {
            Level::Page => html.element("h1", &[("tabindex", Some("-1"))], text),
            Level::UnderPage => html.element("h2", &[("class", Some("report__heading"))], text),
        };
    }

    fn section(self) -> &'static str {
        match self {
            Level::Page => "h2",
            Level::UnderPage => "h3",
        }
    }
}

fn section_open(html: &mut Html, level: Level, id: &'static str, heading: &str) {
    html.open("section", &[("class", Some("report__section")), ("aria-labelledby", Some(id))]);
    html.element(level.section(), &[("id", Some(id))], heading);
}

// --- The plan's strategiskabelon --------------------------------------------------------------------

/// A plan's strategiskabelon for one period, as an `<article>` for screen, print and file.
pub fn strategiskabelon(catalogue: &Catalogue, s: &Strategiskabelon, today: &str, lang: Lang) -> Markup {
    let lists = scheme();
    let name = display_name(s, lang);
    let mut html = Html::new();
    html.open("article", &[("class", Some("report evaluation")), ("lang", Some(lang.code()))]);
    html.open("header", &[("class", Some("report__title"))]);
    html.element("h1", &[("tabindex", Some("-1"))], &Msg::EvalSkabelonTitle.fill(lang, &[("plan", &name)]));
    let mut rows = vec![(Msg::EvalPeriod.get(lang), s.period.label(lang))];
    for (label, value) in [(Msg::EvalOrganisation, &s.plan.organisation), (Msg::EvalHousingArea, &s.plan.housing_area)]
    {
        if !value.trim().is_empty() {
            rows.push((label.get(lang), value.clone()));
        }
    }
    rows.push((Msg::EvalUpdated.get(lang), s.updated_at.get(..10).unwrap_or_default().to_owned()));
    rows.push((Msg::EvalSource.get(lang), source_line(lang)));
    facts(&mut html, &rows);
    html.el("p", "report__printed", &Msg::EvalPrinted.fill(lang, &[("date", today)]));
    html.close("header");

    section_open(&mut html, Level::Page, "skabelon-activities", Msg::EvalActivitiesHeading.get(lang));
    let good = s.activities.iter().filter(|a| a.progress.as_deref() == Some(lists.good_level().id)).count();
    html.element(
        "p",
        &[],
        &Msg::EvalActivitiesCount.fill(
            lang,
            &[("count", &s.activities.len().to_string()), ("good", &count_share(good, s.activities.len(), lang))],
        ),
    );
    progress_help(&mut html, lang);
    if s.activities.is_empty() {
        html.element("p", &[], Msg::EvalNoActivities.get(lang));
    } else {
        html.open("table", &[("class", Some("report-table evaluation-activities"))]);
        html.open("thead", &[]).open("tr", &[]);
        for heading in [
            Msg::EvalColActivity,
            Msg::EvalColTargetGroups,
            Msg::EvalColItems,
            Msg::EvalColProgress,
            Msg::EvalColReason,
        ] {
            html.element("th", &[("scope", Some("col"))], heading.get(lang));
        }
        html.close("tr").close("thead").open("tbody", &[]);
        for activity in &s.activities {
            html.open("tr", &[]);
            let name =
                if activity.name.trim().is_empty() { Msg::EvalUnnamedActivity.get(lang) } else { &activity.name };
            html.element("th", &[("scope", Some("row"))], name);
            let groups: Vec<&str> = lists
                .target_groups
                .iter()
                .filter(|g| activity.target_groups.contains(g.id))
                .map(|g| g.label.get(lang))
                .collect();
            html.element("td", &[], &list_or_dash(&groups));
            let items: Vec<String> = catalogue
                .items()
                .filter(|i| activity.items.contains(i.id))
                .map(|i| format!("{} {}", i.code, i.title.get(lang)))
                .collect();
            html.element("td", &[], &list_or_dash(&items));
            html.element("td", &[], progress_label(activity.progress.as_deref(), lang));
            html.element("td", &[("class", Some("report-table__text"))], &activity.reason);
            html.close("tr");
        }
        html.close("tbody").close("table");
    }
    html.close("section");

    section_open(&mut html, Level::Page, "skabelon-ratings", Msg::EvalRatingsHeading.get(lang));
    html.open("dl", &[("class", Some("report__facts"))]);
    for collaboration in lists.collaborations {
        html.open("div", &[]).element("dt", &[], collaboration.label.get(lang)).open("dd", &[]);
        match s.rating_level(collaboration.id) {
            Some(level) => rating_label(&mut html, level, lang),
            None => {
                html.text(Msg::EvalNotRated.get(lang));
            }
        }
        if let Some(comment) = s.rating(collaboration.id).map(|r| r.comment.trim()).filter(|c| !c.is_empty()) {
            html.el("span", "report-table__note", &format!("{}: {comment}", Msg::EvalCommentLabel.get(lang)));
        }
        html.close("dd").close("div");
    }
    html.close("dl").close("section");

    section_open(&mut html, Level::Page, "skabelon-challenges", Msg::EvalChallengesHeading.get(lang));
    if s.challenges.is_empty() {
        html.element("p", &[], Msg::EvalNoChallenges.get(lang));
    } else {
        html.open("ul", &[("class", Some("evaluation__challenges"))]);
        for challenge in lists.challenges.iter().filter(|c| s.challenges.contains_key(c.id)) {
            html.open("li", &[]).element("strong", &[], challenge.label.get(lang));
            let comment = s.challenges.get(challenge.id).map_or("", |n| n.comment.trim());
            if !comment.is_empty() {
                html.raw(": ").text(comment);
            }
            html.close("li");
        }
        html.close("ul");
    }
    html.close("section");
    html.close("article");
    html.finish()
}

/// The note that the progress scale is the tool's own, with the source's words marked Danish.
fn progress_help(html: &mut Html, lang: Lang) {
    let (before, quoted, after) = scheme().progress_help_parts(lang);
    html.open("p", &[("class", Some("report__note"))]).text(before);
    if !quoted.is_empty() {
        html.element("span", &[("lang", Some("da"))], quoted);
    }
    html.text(after).close("p");
}

fn list_or_dash<T: AsRef<str>>(parts: &[T]) -> String {
    if parts.is_empty() {
        "–".to_owned()
    } else {
        parts.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(", ")
    }
}

// --- Two periods of one plan --------------------------------------------------------------------

fn movement_msg(movement: Movement) -> Msg {
    match movement {
        Movement::Up => Msg::EvalMoveUp,
        Movement::Down => Msg::EvalMoveDown,
        Movement::Same => Msg::EvalMoveSame,
        Movement::Ended => Msg::EvalMoveEnded,
        Movement::New => Msg::EvalMoveNew,
        Movement::Dropped => Msg::EvalMoveDropped,
        Movement::NotAssessed => Msg::EvalMoveNotAssessed,
    }
}

/// A mark beside a movement, so it reads without colour.
fn movement_mark(movement: Movement) -> &'static str {
    match movement {
        Movement::Up => "↑",
        Movement::Down => "↓",
        Movement::Same => "=",
        Movement::Ended => "✓",
        Movement::New => "+",
        Movement::Dropped => "−",
        Movement::NotAssessed => "?",
    }
}

/// How a plan's activities moved from one period to the next.
pub fn period_comparison(comparison: &PeriodComparison, lang: Lang, level: Level) -> Markup {
    let (before, after) = (comparison.before.period.label(lang), comparison.after.period.label(lang));
    let mut html = Html::new();
    html.open("article", &[("class", Some("report evaluation")), ("lang", Some(lang.code()))]);
    html.open("header", &[("class", Some("report__title"))]);
    let title = Msg::EvalCompareTitle
        .fill(lang, &[("plan", &display_name(comparison.after, lang)), ("before", &before), ("after", &after)]);
    level.title(&mut html, &title);
    html.close("header");
    movement_counts(&mut html, |m| comparison.count(m), lang);
    section_open(&mut html, level, "compare-activities", Msg::EvalActivitiesHeading.get(lang));
    html.open("table", &[("class", Some("report-table evaluation-compare"))]);
    html.open("thead", &[]).open("tr", &[]);
    html.element("th", &[("scope", Some("col"))], Msg::EvalColActivity.get(lang));
    html.element("th", &[("scope", Some("col"))], &before);
    html.element("th", &[("scope", Some("col"))], &after);
    html.element("th", &[("scope", Some("col"))], Msg::EvalColMovement.get(lang));
    html.close("tr").close("thead").open("tbody", &[]);
    for change in &comparison.changes {
        html.open("tr", &[("data-movement", Some(change.movement.key()))]);
        html.element("th", &[("scope", Some("row"))], change.name());
        let side = |present: bool, id: Option<&str>| if present { progress_label(id, lang) } else { "–" };
        html.element("td", &[], side(change.before.is_some(), change.before.and_then(|a| a.progress.as_deref())));
        html.element("td", &[], side(change.after.is_some(), change.after.and_then(|a| a.progress.as_deref())));
        html.open("td", &[]);
        html.element("span", &[("aria-hidden", Some("true"))], movement_mark(change.movement)).raw(" ");
        html.text(movement_msg(change.movement).get(lang)).close("td");
        html.close("tr");
    }
    html.close("tbody").close("table").close("section").close("article");
    html.finish()
}

fn movement_counts(html: &mut Html, count: impl Fn(Movement) -> usize, lang: Lang) {
    html.open("ul", &[("class", Some("evaluation__movements"))]);
    for movement in Movement::ALL {
        html.open("li", &[("data-movement", Some(movement.key()))]);
        html.element("strong", &[], &count(movement).to_string()).raw(" ");
        html.text(movement_msg(movement).get(lang)).close("li");
    }
    html.close("ul");
}

// --- Across plans -------------------------------------------------------------------------------

/// A row of a chart: a line of text (two when the label has a translation in brackets), then
/// the bar with its number.
const TEXT_LINE: u32 = 19;
const BAR_HEIGHT: u32 = 16;
const ROW_GAP: u32 = 12;
/// The bar's full length, as a share of the chart's width; its number is written after it.
const BAR_PERCENT: u64 = 70;
/// The text's size and colour where no stylesheet says otherwise (style/report.css does).
const FONT: (&str, Option<&str>) = ("font-size", Some("15"));
const INK: (&str, Option<&str>) = ("fill", Some("#000"));

/// A horizontal bar chart: one bar per row, its length the row's share of `whole`, drawn in
/// black and white so it prints. `id` makes the title's id unique in the page; `alt` is the
/// text alternative (the numbers in a sentence).
///
/// The chart has no `viewBox`: it is as wide as the page and its text keeps the size it has, so
/// the labels read the same on a 360 px phone, on a desktop and on paper (a chart scaled down to
/// a phone made them 7 px). Each label has a line of its own above its bar, as a phone has no
/// room beside it; lengths are percentages of the width.
fn bar_chart(html: &mut Html, id: &str, alt: &str, rows: &[(String, usize)], whole: usize) {
    let lines: Vec<Vec<&str>> = rows.iter().map(|(label, _)| label_lines(label)).collect();
    let height: u32 = lines.iter().map(|l| l.len() as u32 * TEXT_LINE + BAR_HEIGHT + ROW_GAP).sum::<u32>() + 4;
    let (height, title_id) = (height.to_string(), format!("{id}-title"));
    html.open(
        "svg",
        &[
            ("xmlns", Some("http://www.w3.org/2000/svg")),
            ("width", Some("100%")),
            ("height", Some(&height)),
            ("role", Some("img")),
            ("aria-labelledby", Some(&title_id)),
            ("class", Some("chart__svg")),
        ],
    );
    html.element("title", &[("id", Some(&title_id))], alt);
    let mut y = 0;
    for ((_, count), lines) in rows.iter().zip(&lines) {
        for line in lines {
            y += TEXT_LINE;
            let text_y = (y - 5).to_string();
            let label = [("x", Some("0")), ("y", Some(text_y.as_str())), ("class", Some("chart__label")), FONT, INK];
            html.element("text", &label, line);
        }
        let bar_y = (y + 1).to_string();
        let bar_h = BAR_HEIGHT.to_string();
        let full = format!("{BAR_PERCENT}%");
        let outline = [
            ("x", Some("0.5")),
            ("y", Some(bar_y.as_str())),
            ("width", Some(full.as_str())),
            ("height", Some(bar_h.as_str())),
            ("fill", Some("#fff")),
            ("stroke", Some("#000")),
            ("stroke-width", Some("1")),
        ];
        html.open("rect", &outline).close("rect");
        let filled = if whole == 0 { 0.0 } else { *count as f64 * BAR_PERCENT as f64 / whole as f64 };
        let filled = format!("{filled:.2}%");
        let bar = [
            ("x", Some("0.5")),
            ("y", Some(bar_y.as_str())),
            ("width", Some(filled.as_str())),
            ("height", Some(bar_h.as_str())),
            ("fill", Some("#444")),
        ];
        html.open("rect", &bar).close("rect");
        let value = match percent(*count, whole) {
            Some(p) => format!("{count} ({p} %)"),
            None => count.to_string(),
        };
        let (value_x, value_y) = (format!("{}%", BAR_PERCENT + 2), (y + BAR_HEIGHT - 2).to_string());
        let text =
            [("x", Some(value_x.as_str())), ("y", Some(value_y.as_str())), ("class", Some("chart__value")), FONT, INK];
        html.element("text", &text, &value);
        y += BAR_HEIGHT + ROW_GAP;
    }
    html.close("svg");
}

/// A label's lines in a chart: "rummer større udfordringer (has major challenges)" is the
/// source's words and their translation, one line each, so neither runs off a phone's screen.
fn label_lines(label: &str) -> Vec<&str> {
    match label.find(" (") {
        Some(at) => vec![&label[..at], label[at..].trim_start()],
        None => vec![label],
    }
}

/// The chart's rows as a sentence, for its text alternative.
fn alt_text(title: &str, rows: &[(String, usize)], whole: usize, lang: Lang) -> String {
    let parts: Vec<String> =
        rows.iter().map(|(label, count)| format!("{label}: {}", count_share(*count, whole, lang))).collect();
    format!("{title}. {}.", parts.join("; "))
}

/// The kommune's summary for one period, with the comparison to an earlier period when given.
pub fn summary(overview: &Overview, trend: Option<&Trend>, today: &str, lang: Lang, level: Level) -> Markup {
    let lists = scheme();
    let period = overview.period.label(lang);
    let mut html = Html::new();
    html.open("article", &[("class", Some("report evaluation")), ("lang", Some(lang.code()))]);
    html.open("header", &[("class", Some("report__title"))]);
    level.title(&mut html, &Msg::EvalSummaryTitle.fill(lang, &[("period", &period)]));
    let names: Vec<String> = overview.plans.iter().map(|row| display_name(row.skabelon, lang)).collect();
    facts(
        &mut html,
        &[
            (Msg::EvalPeriod.get(lang), period.clone()),
            (Msg::EvalPlansLabel.get(lang), list_or_dash(&names)),
            (Msg::EvalSource.get(lang), source_line(lang)),
        ],
    );
    html.el("p", "report__printed", &Msg::EvalPrinted.fill(lang, &[("date", today)]));
    html.close("header");

    html.open("section", &[("class", Some("report__section")), ("aria-label", Some(Msg::EvalAboutHeading.get(lang)))]);
    html.element("p", &[], Msg::EvalSummaryIntro.get(lang));
    quote(&mut html, "blockquote", "indmelding", lang);
    quote(&mut html, "blockquote", "styringsdialog", lang);
    html.close("section");

    section_open(&mut html, level, "summary-figures", Msg::EvalKeyFiguresHeading.get(lang));
    if overview.plans.is_empty() {
        html.element("p", &[], &Msg::EvalNoPlans.fill(lang, &[("period", &period)]));
    }
    let good_line = count_share(overview.good, overview.activities, lang);
    facts(
        &mut html,
        &[
            (Msg::EvalPlansCount.get(lang), overview.plans.len().to_string()),
            (Msg::EvalActivitiesTotal.get(lang), overview.activities.to_string()),
            (lists.good_level().label.get(lang), good_line),
            (Msg::EvalNotAssessed.get(lang), overview.not_assessed.to_string()),
        ],
    );
    html.element("p", &[("class", Some("report__note"))], Msg::EvalReferenceIntro.get(lang));
    html.element("blockquote", &[("lang", Some("da"))], lists.reference.quote.da);
    if lang == Lang::En {
        html.element("p", &[("class", Some("report__translation")), ("lang", Some("en"))], lists.reference.quote.en());
    }
    html.close("section");

    progress_figure(&mut html, overview, lang, level);
    ratings_figure(&mut html, overview, lang, level);
    target_groups(&mut html, overview, lang, level);
    challenges(&mut html, overview, lang, level);
    plans(&mut html, overview, lang, level);
    if let Some(trend) = trend {
        trend_section(&mut html, trend, lang, level);
    }
    html.close("article");
    html.finish()
}

/// Figur 2: progress of every activity.
fn progress_figure(html: &mut Html, overview: &Overview, lang: Lang, level: Level) {
    section_open(html, level, "summary-progress", Msg::EvalFigure2Heading.get(lang));
    let mut rows: Vec<(String, usize)> =
        overview.progress.iter().map(|(level, count)| (level.label.get(lang).to_owned(), *count)).collect();
    rows.push((Msg::EvalNotAssessed.get(lang).to_owned(), overview.not_assessed));
    html.open("figure", &[("class", Some("chart"))]);
    html.open("figcaption", &[]).element("span", &[("lang", Some("da"))], figure_title("figur-2"));
    if lang == Lang::En {
        html.text(&format!(" ({})", figure_title_en("figur-2")));
    }
    html.close("figcaption");
    let alt = alt_text(
        &Msg::EvalFigure2Alt.fill(lang, &[("count", &overview.activities.to_string())]),
        &rows,
        overview.activities,
        lang,
    );
    bar_chart(html, "figure-progress", &alt, &rows, overview.activities);
    html.close("figure");
    html.open("table", &[("class", Some("report-table evaluation-numbers"))]);
    html.element("caption", &[], Msg::EvalNumbersCaption.get(lang));
    html.open("thead", &[]).open("tr", &[]);
    for heading in [Msg::EvalColProgress, Msg::EvalColCount, Msg::EvalColShare] {
        html.element("th", &[("scope", Some("col"))], heading.get(lang));
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for (label, count) in &rows {
        html.open("tr", &[]).element("th", &[("scope", Some("row"))], label);
        html.element("td", &[], &count.to_string());
        html.element("td", &[], &percent(*count, overview.activities).map_or("–".to_owned(), |p| format!("{p} %")));
        html.close("tr");
    }
    html.open("tr", &[]).element("th", &[("scope", Some("row"))], Msg::EvalTotal.get(lang));
    html.element("td", &[], &overview.activities.to_string()).element("td", &[], "").close("tr");
    html.close("tbody").close("table").close("section");
}

fn figure_title(id: &str) -> &'static str {
    scheme().quote(id).map_or("", |q| q.text.da)
}

fn figure_title_en(id: &str) -> &'static str {
    scheme().quote(id).map_or("", |q| q.text.en())
}

/// Figur 1: how the plans rate both collaborations.
fn ratings_figure(html: &mut Html, overview: &Overview, lang: Lang, level: Level) {
    let lists = scheme();
    section_open(html, level, "summary-ratings", Msg::EvalFigure1Heading.get(lang));
    html.open("figure", &[("class", Some("chart"))]);
    html.open("figcaption", &[]).element("span", &[("lang", Some("da"))], figure_title("figur-1"));
    if lang == Lang::En {
        html.text(&format!(" ({})", figure_title_en("figur-1")));
    }
    html.close("figcaption");
    let plans = overview.plans.len();
    for (n, counts) in overview.ratings.iter().enumerate() {
        let mut rows: Vec<(String, usize)> =
            counts.levels.iter().map(|(level, count)| (rating_text(level, lang), *count)).collect();
        rows.push((Msg::EvalNotRated.get(lang).to_owned(), counts.unrated));
        let title = counts.collaboration.label.get(lang);
        html.el("p", "chart__subtitle", title);
        let id = if n == 0 { "figure-ratings-1" } else { "figure-ratings-2" };
        bar_chart(html, id, &alt_text(title, &rows, plans, lang), &rows, plans);
    }
    html.close("figure");
    html.open("table", &[("class", Some("report-table evaluation-numbers"))]);
    html.element("caption", &[], Msg::EvalNumbersCaptionPlans.get(lang));
    html.open("thead", &[]).open("tr", &[]);
    html.element("th", &[("scope", Some("col"))], Msg::EvalColRating.get(lang));
    for counts in &overview.ratings {
        html.element("th", &[("scope", Some("col"))], counts.collaboration.label.get(lang));
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for (n, level) in lists.rating_levels.iter().enumerate() {
        html.open("tr", &[]).open("th", &[("scope", Some("row"))]);
        rating_label(html, level, lang);
        html.close("th");
        for counts in &overview.ratings {
            html.element("td", &[], &count_share(counts.levels[n].1, plans, lang));
        }
        html.close("tr");
    }
    html.open("tr", &[]).element("th", &[("scope", Some("row"))], Msg::EvalNotRated.get(lang));
    for counts in &overview.ratings {
        html.element("td", &[], &count_share(counts.unrated, plans, lang));
    }
    html.close("tr").close("tbody").close("table");
    quote(html, "blockquote", "samarbejde-2010", lang);
    html.close("section");
}

fn target_groups(html: &mut Html, overview: &Overview, lang: Lang, level: Level) {
    section_open(html, level, "summary-groups", Msg::EvalTargetGroupsHeading.get(lang));
    html.element("p", &[("class", Some("report__note"))], Msg::EvalTargetGroupsNote.get(lang));
    html.open("table", &[("class", Some("report-table evaluation-numbers"))]);
    html.open("thead", &[]).open("tr", &[]);
    for heading in [Msg::EvalColTargetGroup, Msg::EvalColActivities, Msg::EvalColShare] {
        html.element("th", &[("scope", Some("col"))], heading.get(lang));
    }
    html.close("tr").close("thead").open("tbody", &[]);
    let rows = overview
        .target_groups
        .iter()
        .map(|(group, count)| (group.label.get(lang), *count))
        .chain([(Msg::EvalWithoutTargetGroup.get(lang), overview.without_target_group)]);
    for (label, count) in rows {
        html.open("tr", &[]).element("th", &[("scope", Some("row"))], label);
        html.element("td", &[], &count.to_string());
        html.element("td", &[], &percent(count, overview.activities).map_or("–".to_owned(), |p| format!("{p} %")));
        html.close("tr");
    }
    html.close("tbody").close("table");
    quote(html, "blockquote", "maalgrupper-2010", lang);
    html.close("section");
}

fn challenges(html: &mut Html, overview: &Overview, lang: Lang, level: Level) {
    section_open(html, level, "summary-challenges", Msg::EvalChallengesSummaryHeading.get(lang));
    if overview.challenges.is_empty() {
        html.element("p", &[], Msg::EvalNoChallengesNamed.get(lang));
    } else {
        html.open("table", &[("class", Some("report-table evaluation-numbers"))]);
        html.open("thead", &[]).open("tr", &[]);
        for heading in [Msg::EvalColChallenge, Msg::EvalColPlans, Msg::EvalColComments] {
            html.element("th", &[("scope", Some("col"))], heading.get(lang));
        }
        html.close("tr").close("thead").open("tbody", &[]);
        for count in &overview.challenges {
            html.open("tr", &[]).element("th", &[("scope", Some("row"))], count.challenge.label.get(lang));
            html.element("td", &[], &count_share(count.plans, overview.plans.len(), lang));
            html.open("td", &[("class", Some("report-table__text"))]);
            if !count.comments.is_empty() {
                html.open("ul", &[]);
                for (skabelon, comment) in &count.comments {
                    html.open("li", &[]).element("strong", &[], &format!("{}:", display_name(skabelon, lang))).raw(" ");
                    html.text(comment).close("li");
                }
                html.close("ul");
            }
            html.close("td").close("tr");
        }
        html.close("tbody").close("table");
    }
    quote(html, "blockquote", "udfordringer-2010", lang);
    html.close("section");
}

fn plans(html: &mut Html, overview: &Overview, lang: Lang, level: Level) {
    section_open(html, level, "summary-plans", Msg::EvalPlansHeading.get(lang));
    html.open("p", &[]).text(Msg::EvalPlansIntro.get(lang)).raw(" ");
    rating_label(html, scheme().worst_rating(), lang);
    html.text(Msg::EvalPlansIntroEnd.get(lang)).close("p");
    html.open("table", &[("class", Some("report-table evaluation-plans"))]);
    html.open("thead", &[]).open("tr", &[]);
    html.element("th", &[("scope", Some("col"))], Msg::EvalColPlan.get(lang));
    html.element("th", &[("scope", Some("col"))], Msg::EvalColActivities.get(lang));
    html.element("th", &[("scope", Some("col"))], scheme().good_level().label.get(lang));
    for collaboration in scheme().collaborations {
        html.element("th", &[("scope", Some("col"))], collaboration.label.get(lang));
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for row in &overview.plans {
        plan_row(html, row, lang);
    }
    html.close("tbody").close("table").close("section");
}

fn plan_row(html: &mut Html, row: &PlanRow, lang: Lang) {
    let major = row.major_challenges();
    html.open(
        "tr",
        &[
            ("class", major.then_some("evaluation-plans__major")),
            ("data-major", Some(if major { "true" } else { "false" })),
        ],
    );
    html.open("th", &[("scope", Some("row"))]).text(&display_name(row.skabelon, lang));
    if !row.skabelon.plan.organisation.trim().is_empty() {
        html.el("span", "report-table__note", &row.skabelon.plan.organisation);
    }
    html.close("th");
    html.element("td", &[], &row.activities.to_string());
    html.element("td", &[], &count_share(row.good, row.activities, lang));
    for (_, level, comment) in &row.ratings {
        html.open("td", &[("class", Some("report-table__text"))]);
        match level {
            Some(level) => {
                if level.id == scheme().worst_rating().id {
                    html.element("span", &[("aria-hidden", Some("true"))], "⚠ ");
                }
                rating_label(html, level, lang);
            }
            None => {
                html.text(Msg::EvalNotRated.get(lang));
            }
        }
        if !comment.trim().is_empty() {
            html.el("span", "report-table__note", comment);
        }
        html.close("td");
    }
    html.close("tr");
}

fn trend_section(html: &mut Html, trend: &Trend, lang: Lang, level: Level) {
    let (before, after) = (trend.before.period.label(lang), trend.after.period.label(lang));
    section_open(
        html,
        level,
        "summary-trend",
        &Msg::EvalTrendHeading.fill(lang, &[("before", &before), ("after", &after)]),
    );
    html.open("table", &[("class", Some("report-table evaluation-numbers"))]);
    html.open("thead", &[]).open("tr", &[]);
    html.element("th", &[("scope", Some("col"))], "");
    html.element("th", &[("scope", Some("col"))], &before);
    html.element("th", &[("scope", Some("col"))], &after);
    html.close("tr").close("thead").open("tbody", &[]);
    let figures = [
        (Msg::EvalPlansCount.get(lang), trend.before.plans.len().to_string(), trend.after.plans.len().to_string()),
        (Msg::EvalActivitiesTotal.get(lang), trend.before.activities.to_string(), trend.after.activities.to_string()),
        (
            scheme().good_level().label.get(lang),
            count_share(trend.before.good, trend.before.activities, lang),
            count_share(trend.after.good, trend.after.activities, lang),
        ),
    ];
    for (label, then, now) in figures {
        html.open("tr", &[]).element("th", &[("scope", Some("row"))], label);
        html.element("td", &[], &then).element("td", &[], &now).close("tr");
    }
    html.close("tbody").close("table");
    html.element("p", &[], Msg::EvalTrendMovementsIntro.get(lang));
    movement_counts(html, |m| trend.count(m), lang);
    html.open("table", &[("class", Some("report-table evaluation-trend"))]);
    html.open("thead", &[]).open("tr", &[]);
    html.element("th", &[("scope", Some("col"))], Msg::EvalColPlan.get(lang));
    for movement in [Movement::Up, Movement::Down, Movement::New, Movement::Ended, Movement::Dropped] {
        html.element("th", &[("scope", Some("col"))], movement_msg(movement).get(lang));
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for plan in &trend.plans {
        let name = plan.after.or(plan.before).map(|s| display_name(s, lang)).unwrap_or_default();
        html.open("tr", &[]).element("th", &[("scope", Some("row"))], &name);
        match &plan.comparison {
            Some(comparison) => {
                for movement in [Movement::Up, Movement::Down, Movement::New, Movement::Ended, Movement::Dropped] {
                    html.element("td", &[], &comparison.count(movement).to_string());
                }
            }
            None => {
                let only = if plan.after.is_some() { Msg::EvalOnlyAfter } else { Msg::EvalOnlyBefore };
                let text = only.fill(lang, &[("period", if plan.after.is_some() { &after } else { &before })]);
                html.element("td", &[("colspan", Some("5"))], &text);
            }
        }
        html.close("tr");
    }
    html.close("tbody").close("table").close("section");
}

// --- File names ---------------------------------------------------------------------------------

/// The printable strategiskabelon's file: plan, period and date in plain letters.
pub fn skabelon_file_name(s: &Strategiskabelon, today: &str) -> String {
    format!("strategiskabelon-{}-{}-{today}.html", slug(&s.plan.name), s.period.key().to_ascii_lowercase())
}

/// The export file a plan sends to the kommune.
pub fn export_file_name(s: &Strategiskabelon, today: &str) -> String {
    format!("strategiskabelon-{}-{}-{today}.json", slug(&s.plan.name), s.period.key().to_ascii_lowercase())
}

/// The kommune's summary as a file.
pub fn summary_file_name(overview: &Overview, today: &str) -> String {
    format!("evaluering-{}-{today}.html", overview.period.key().to_ascii_lowercase())
}
