//! Workshop views: the group view of participants' answers, the comparison of two assessments,
//! and the projector view of one item.

use super::html::{Html, Markup};
use super::{status_tag, verdict_class};
use crate::domain::assessment::{Assessment, Status};
use crate::domain::catalogue::{Catalogue, Item};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::wording::{self, display_name};
use crate::domain::workshop::{Agreement, Comparison, ItemSummary};

fn agreement_tag(html: &mut Html, agreement: Agreement, lang: Lang) {
    let (class, msg) = match agreement {
        Agreement::Disagree => ("tag tag--red", Msg::AgreementDisagree),
        Agreement::Differ => ("tag tag--yellow", Msg::AgreementDiffer),
        Agreement::Agree => ("tag tag--green", Msg::AgreementAgree),
        Agreement::TooFewAnswers => ("tag tag--grey", Msg::AgreementTooFew),
    };
    html.el("strong", class, msg.get(lang));
}

/// Every item, most disagreement first: how many chose each status, and everyone's notes.
pub fn group_view(summaries: &[ItemSummary], lang: Lang) -> Markup {
    let mut html = Html::new();
    if summaries.is_empty() {
        return html.finish();
    }
    html.element("h2", &[("id", Some("group-heading"))], Msg::GroupViewHeading.get(lang));
    html.element("p", &[], Msg::GroupViewIntro.get(lang));
    html.open("ol", &[("class", Some("group-list")), ("aria-labelledby", Some("group-heading"))]);
    for summary in summaries {
        let class = match summary.agreement {
            Agreement::Disagree => "group-item group-item--disagree",
            _ => "group-item",
        };
        html.open("li", &[("class", Some(class))]);
        html.open("div", &[("class", Some("group-item__head"))]);
        html.open("h3", &[("class", Some("group-item__title"))]).el("span", "code", summary.item.code).raw(" ");
        html.text(summary.item.title.get(lang)).close("h3");
        agreement_tag(&mut html, summary.agreement, lang);
        html.close("div");
        html.open("ul", &[("class", Some("group-item__counts"))]);
        for status in Status::CHOICES.into_iter().chain([Status::Unanswered]) {
            html.open("li", &[]).el("span", "group-item__count", &summary.count(status).to_string()).raw(" ");
            html.text(wording::status(status).get(lang)).close("li");
        }
        html.close("ul");
        if !summary.notes.is_empty() {
            html.open("ul", &[("class", Some("group-item__notes"))]);
            for (who, note) in &summary.notes {
                html.open("li", &[]).el("strong", "", &format!("{who}:")).raw(" ").text(note).close("li");
            }
            html.close("ul");
        }
        html.close("li");
    }
    html.close("ol");
    html.finish()
}

/// The comparison as a printable document (styled like the report).
pub fn comparison(before: &Assessment, after: &Assessment, comparison: &Comparison, lang: Lang) -> Markup {
    let (before_name, after_name) = (display_name(before, lang), display_name(after, lang));
    let mut html = Html::new();
    html.open("article", &[("class", Some("report")), ("lang", Some(lang.code()))]);
    html.open("header", &[("class", Some("report__title"))]);
    html.element(
        "h1",
        &[("tabindex", Some("-1"))],
        &Msg::ComparisonTitle.fill(lang, &[("after", &after_name), ("before", &before_name)]),
    );
    html.open("dl", &[("class", Some("report__facts"))]);
    for (label, a) in [(Msg::CompareBefore, before), (Msg::CompareAfter, after)] {
        let value = format!("{} ({})", display_name(a, lang), a.profile.date);
        html.open("div", &[]).element("dt", &[], label.get(lang)).element("dd", &[], &value).close("div");
    }
    html.close("dl").close("header");

    html.open(
        "section",
        &[("class", Some("report__section report__verdict")), ("aria-labelledby", Some("comparison-verdict"))],
    );
    html.element("h2", &[("id", Some("comparison-verdict"))], Msg::ReportVerdictHeading.get(lang));
    html.open("p", &[("class", Some("comparison__verdicts"))]);
    html.text(Msg::CompareBefore.get(lang)).raw(": ");
    html.el("span", verdict_class(comparison.verdict_before), wording::verdict(comparison.verdict_before).get(lang));
    html.raw(" → ").text(Msg::CompareAfter.get(lang)).raw(": ");
    html.el("span", verdict_class(comparison.verdict_after), wording::verdict(comparison.verdict_after).get(lang));
    html.close("p").close("section");

    let changed = comparison.items.iter().filter(|c| c.changed()).count();
    html.open("section", &[("class", Some("report__section")), ("aria-labelledby", Some("comparison-items"))]);
    html.element("h2", &[("id", Some("comparison-items"))], Msg::ReportMatrixHeading.get(lang));
    html.element("p", &[], &Msg::ChangedCount.fill(lang, &[("count", &changed.to_string())]));
    html.open("table", &[("class", Some("report-table"))]).open("thead", &[]).open("tr", &[]);
    for heading in [Msg::ColCode, Msg::ColTitle, Msg::CompareBefore, Msg::CompareAfter, Msg::ColChange] {
        html.element("th", &[("scope", Some("col"))], heading.get(lang));
    }
    html.close("tr").close("thead").open("tbody", &[]);
    for change in &comparison.items {
        html.open("tr", &[("class", change.changed().then_some("comparison__changed"))]);
        html.element("th", &[("scope", Some("row"))], change.item.code);
        html.element("td", &[], change.item.title.get(lang));
        html.open("td", &[]);
        status_tag(&mut html, change.before, lang);
        html.close("td").open("td", &[]);
        status_tag(&mut html, change.after, lang);
        html.close("td");
        let note = if change.changed() {
            format!("{} → {}", wording::status(change.before).get(lang), wording::status(change.after).get(lang))
        } else {
            Msg::Unchanged.get(lang).to_owned()
        };
        html.element("td", &[], &note);
        html.close("tr");
    }
    html.close("tbody").close("table").close("section");

    for (heading, id, actions) in [
        (Msg::ClosedActions, "comparison-closed", &comparison.closed_actions),
        (Msg::NewActions, "comparison-new", &comparison.new_actions),
    ] {
        html.open("section", &[("class", Some("report__section")), ("aria-labelledby", Some(id))]);
        html.element("h2", &[("id", Some(id))], heading.get(lang));
        if actions.is_empty() {
            html.element("p", &[], Msg::NoActionsHere.get(lang));
        } else {
            html.open("ul", &[]);
            for (item, description) in actions {
                html.open("li", &[]).el("span", "code", item.code).raw(" ").text(item.title.get(lang)).raw(": ");
                html.text(description).close("li");
            }
            html.close("ul");
        }
        html.close("section");
    }
    html.close("article");
    html.finish()
}

/// The projector's left column: the requirement, quoted.
pub fn projector_requirement(catalogue: &Catalogue, item: &Item, lang: Lang) -> Markup {
    let mut html = Html::new();
    super::item::requirement(&mut html, catalogue, item, lang);
    html.finish()
}

/// The projector's discussion questions, and why the item exists.
pub fn projector_discussion(catalogue: &Catalogue, item: &Item, lang: Lang) -> Markup {
    let mut html = Html::new();
    html.element("h2", &[], Msg::DiscussionQuestions.get(lang));
    html.open("ol", &[("class", Some("projector__questions"))]);
    for question in item.questions {
        html.element("li", &[], question.get(lang));
    }
    html.close("ol");
    html.open("details", &[("class", Some("details"))]);
    html.element("summary", &[], Msg::WhyThisItem.get(lang));
    html.open("div", &[]);
    super::item::why(&mut html, catalogue, item, lang);
    html.close("div").close("details");
    html.finish()
}
