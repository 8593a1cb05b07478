//! Workshop views: the group view of participants' answers, the comparison of two assessments,
//! and the projector view of one item.

use super::command::{button, Command};
use super::data::file_drop;
use super::form::{choices, status_choices, text_field, Control, Kind};
use super::html::Html;
use super::start::display_name;
use super::{status_tag, verdict_class};
use crate::domain::assessment::{AnswerField, Assessment, Status};
use crate::domain::catalogue::{Catalogue, Item};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::domain::wording;
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

pub fn group_intro(lang: Lang) -> String {
    let mut html = Html::new();
    html.element("h1", &[("tabindex", Some("-1"))], Msg::GroupHeading.get(lang));
    html.el("p", "lead", Msg::GroupIntro.get(lang));
    html.element("h2", &[("id", Some("participants-heading"))], Msg::ParticipantsHeading.get(lang));
    html.element("p", &[], Msg::ParticipantsIntro.get(lang));
    file_drop(&mut html, "participants-file", "participants", Msg::ParticipantsPick, lang);
    html.finish()
}

/// Who has been gathered, and what can be done with them.
pub fn participants(names: &[String], lang: Lang) -> String {
    let mut html = Html::new();
    if names.is_empty() {
        html.element("p", &[("id", Some("participant-list"))], Msg::NoParticipants.get(lang));
        return html.finish();
    }
    let list = Msg::ParticipantList.fill(lang, &[("count", &names.len().to_string()), ("names", &names.join(", "))]);
    html.element("p", &[("id", Some("participant-list"))], &list);
    html.open("div", &[("class", Some("button-row"))]);
    button(&mut html, &Command::StartConsensus, "button", Msg::StartConsensus.get(lang), None, None);
    button(
        &mut html,
        &Command::RemoveParticipants,
        "button button--warning",
        Msg::RemoveParticipants.get(lang),
        None,
        None,
    );
    html.close("div");
    html.finish()
}

/// Every item, most disagreement first: how many chose each status, and everyone's notes.
pub fn group_view(summaries: &[ItemSummary], lang: Lang) -> String {
    let mut html = Html::new();
    if summaries.is_empty() {
        return String::new();
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

/// Two choosers and a button: compare last year's assessment with this year's.
pub fn compare_chooser(assessments: &[Assessment], lang: Lang) -> String {
    let mut html = Html::new();
    html.element("h2", &[("id", Some("compare-heading"))], Msg::CompareHeading.get(lang));
    html.element("p", &[], Msg::CompareIntro.get(lang));
    if assessments.len() < 2 {
        html.element("p", &[], Msg::CompareNeedsTwo.get(lang));
        return html.finish();
    }
    html.open("div", &[("class", Some("compare-chooser"))]);
    for (id, label, preselect) in [("compare-before", Msg::CompareBefore, 1), ("compare-after", Msg::CompareAfter, 0)] {
        html.open("div", &[("class", Some("field"))]);
        html.element("label", &[("class", Some("label")), ("for", Some(id))], label.get(lang));
        html.open("select", &[("id", Some(id)), ("class", Some("input select"))]);
        for (n, a) in assessments.iter().enumerate() {
            let text = format!("{} ({})", display_name(a, lang), a.profile.date);
            html.element("option", &[("value", Some(&a.id)), ("selected", (n == preselect).then_some(""))], &text);
        }
        html.close("select").close("div");
    }
    html.close("div");
    button(&mut html, &Command::Compare, "button", Msg::CompareButton.get(lang), None, None);
    html.finish()
}

/// The comparison as a printable document (styled like the report).
pub fn comparison(before: &Assessment, after: &Assessment, comparison: &Comparison, lang: Lang) -> String {
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

/// Above the comparison: back and print. Never printed.
pub fn comparison_toolbar(lang: Lang) -> String {
    let mut html = Html::new();
    html.open("div", &[("class", Some("report-toolbar no-print"))]);
    let back = Route::Group.href();
    html.element("a", &[("class", Some("back-link")), ("href", Some(&back))], Msg::BackToWorkshop.get(lang));
    html.open("div", &[("class", Some("button-row"))]);
    button(&mut html, &Command::Print, "button", Msg::PrintReport.get(lang), None, None);
    html.close("div").close("div");
    html.finish()
}

/// One item, large, for a room: the requirement, the elements, the discussion questions, why it
/// exists, and the group's answer (status, elements, a note), which saves like any other.
pub fn projector(catalogue: &Catalogue, item: &Item, assessment: &Assessment, lang: Lang) -> String {
    let position = catalogue.items().position(|i| i.id == item.id).unwrap_or(0) + 1;
    let (previous, next) = catalogue.neighbours(item.id);
    let id = &assessment.id;
    let link = |target: &Item| Route::Projector { id: id.clone(), item: target.id.into() }.href();
    let answer = assessment.answer(item.id).cloned().unwrap_or_default();
    let mut html = Html::new();
    html.open("div", &[("class", Some("projector"))]);

    html.open("nav", &[("class", Some("projector__bar")), ("aria-label", Some(Msg::ItemNavigation.get(lang)))]);
    let position =
        Msg::ItemOf.fill(lang, &[("n", &position.to_string()), ("total", &catalogue.item_count().to_string())]);
    html.el("span", "projector__position", &format!("{} · {position}", wording::kind(item.kind).get(lang)));
    if let Some(previous) = previous {
        html.element(
            "a",
            &[
                ("class", Some("button button--secondary")),
                ("href", Some(&link(previous))),
                ("id", Some("projector-previous")),
            ],
            &format!("← {}", previous.code),
        );
    }
    if let Some(next) = next {
        html.element(
            "a",
            &[("class", Some("button button--secondary")), ("href", Some(&link(next))), ("id", Some("projector-next"))],
            &format!("{} →", next.code),
        );
    }
    button(&mut html, &Command::FullScreen, "button button--secondary", Msg::FullScreen.get(lang), None, None);
    let overview = Route::Overview { id: id.clone() }.href();
    html.element("a", &[("class", Some("projector__exit")), ("href", Some(&overview))], Msg::LeaveProjector.get(lang));
    html.close("nav");

    html.open("h1", &[("tabindex", Some("-1")), ("class", Some("projector__title"))]);
    html.el("span", "code", item.code).raw(" ").text(item.title.get(lang)).close("h1");
    html.el("p", "projector__hint", Msg::ProjectorKeys.get(lang));

    // One form around both columns, so every control saves like the answer form.
    html.open("form", &[("class", Some("form answer-form projector__columns")), ("id", Some("answer-form"))]);
    html.open("div", &[("class", Some("projector__main"))]);
    super::item::requirement(&mut html, catalogue, item, lang);
    super::item::elements(&mut html, item, &answer, None, lang);
    html.close("div");

    html.open("div", &[("class", Some("projector__side"))]);
    choices(
        &mut html,
        "status",
        Control::Status.name(),
        "radio",
        Msg::GroupAnswer.get(lang),
        None,
        &status_choices(answer.status, lang),
        true,
    );
    text_field(
        &mut html,
        Control::Answer(AnswerField::Notes),
        Msg::FieldNotes.get(lang),
        None,
        &answer.notes,
        Kind::TextArea,
        false,
    );
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
    html.close("div").close("form").close("div");
    html.finish()
}
