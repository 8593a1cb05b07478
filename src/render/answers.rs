//! "Tjek jeres svar": the profile and every answer, each with a change link that returns here.

use super::html::{Html, Markup};
use super::status_tag;
use crate::domain::assessment::{Answer, Assessment, Profile, Status};
use crate::domain::catalogue::{Catalogue, Item};
use crate::domain::engine::Judgement;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::domain::wording;

/// The profile as label/value pairs, in the order of the profile page.
pub fn profile_rows(catalogue: &Catalogue, profile: &Profile, lang: Lang) -> Vec<(String, String)> {
    let or_missing = |text: &str| {
        if text.trim().is_empty() {
            Msg::NotFilledIn.get(lang).to_owned()
        } else {
            text.to_owned()
        }
    };
    let plan_type = profile
        .plan_type
        .as_deref()
        .and_then(|id| catalogue.plan_type(id))
        .map_or_else(|| Msg::NotChosen.get(lang).to_owned(), |t| t.name.get(lang).to_owned());
    let mut rows = vec![
        (Msg::FieldPlanName.get(lang).to_owned(), or_missing(&profile.plan_name)),
        (Msg::FieldOrganisation.get(lang).to_owned(), or_missing(&profile.organisation)),
        (Msg::FieldHousingArea.get(lang).to_owned(), or_missing(&profile.housing_area)),
        (Msg::FieldPlanType.get(lang).to_owned(), plan_type),
    ];
    for question in catalogue.profile_questions {
        let chosen =
            profile.conditions.get(question.id).and_then(|id| question.options.iter().find(|o| o.id == id.as_str()));
        let value = chosen.map_or_else(|| Msg::NotChosen.get(lang).to_owned(), |o| o.label.get(lang).to_owned());
        rows.push((question.label.get(lang).to_owned(), value));
    }
    rows.push((Msg::FieldAssessor.get(lang).to_owned(), or_missing(&profile.assessor)));
    rows.push((Msg::FieldDate.get(lang).to_owned(), or_missing(&profile.date)));
    rows
}

fn row(html: &mut Html, label: &str, value: &str) {
    html.open("div", &[("class", Some("summary-list__row"))]);
    html.element("dt", &[], label).element("dd", &[], value);
    html.close("div");
}

fn or_dash(text: &str, lang: Lang) -> String {
    if text.trim().is_empty() {
        Msg::NoAnswer.get(lang).to_owned()
    } else {
        text.to_owned()
    }
}

/// The rows that describe one answer (shared with the report's detail).
pub fn answer_rows(html: &mut Html, item: &Item, answer: &Answer, lang: Lang) {
    html.open("div", &[("class", Some("summary-list__row"))]);
    html.element("dt", &[], Msg::LabelStatus.get(lang)).open("dd", &[]);
    status_tag(html, answer.status, lang);
    html.close("dd").close("div");
    let ticked = item.elements.iter().filter(|e| answer.elements.contains(e.id)).count();
    let elements =
        Msg::ElementsTicked.fill(lang, &[("ticked", &ticked.to_string()), ("total", &item.elements.len().to_string())]);
    row(html, Msg::LabelElements.get(lang), &elements);
    if answer.status == Status::NotRelevant {
        row(html, Msg::ReasonLabel.get(lang), &or_dash(&answer.not_relevant_reason, lang));
    }
    row(html, Msg::FieldDocumentedIn.get(lang), &or_dash(&answer.documented_in, lang));
    if !answer.evidence_quote.is_empty() {
        html.open("div", &[("class", Some("summary-list__row"))]);
        html.element("dt", &[], Msg::EvidenceLabel.get(lang)).open("dd", &[]);
        html.el("blockquote", "report-evidence", &answer.evidence_quote);
        html.close("dd").close("div");
    }
    row(html, Msg::FieldNotes.get(lang), &or_dash(&answer.notes, lang));
    let action = &answer.action;
    if !action.is_empty() {
        let text = Msg::ActionSummary.fill(
            lang,
            &[
                ("description", &or_dash(&action.description, lang)),
                ("owner", &or_dash(&action.owner, lang)),
                ("deadline", &or_dash(&action.deadline, lang)),
            ],
        );
        row(html, Msg::LabelAction.get(lang), &text);
    }
}

fn card_head(
    html: &mut Html,
    title_code: Option<&str>,
    title: &str,
    heading: &'static str,
    change_href: &str,
    lang: Lang,
) {
    html.open("div", &[("class", Some("summary-card__head"))]);
    html.open(heading, &[("class", Some("summary-card__title"))]);
    if let Some(code) = title_code {
        html.el("span", "code", code).raw(" ");
    }
    html.text(title).close(heading);
    html.open("a", &[("class", Some("summary-card__change")), ("href", Some(change_href))]);
    html.text(Msg::Change.get(lang));
    html.el("span", "visually-hidden", &format!(" {} {title}", title_code.unwrap_or("")));
    html.close("a").close("div");
}

pub fn check_answers(catalogue: &Catalogue, assessment: &Assessment, judgement: &Judgement, lang: Lang) -> Markup {
    let id = &assessment.id;
    let mut html = Html::new();
    super::reasons_to_accept(&mut html, judgement, "h2", lang);
    html.open("section", &[("aria-labelledby", Some("check-profile"))]);
    html.open("div", &[("class", Some("summary-card")), ("id", Some("check-profile"))]);
    card_head(&mut html, None, Msg::ProfileSummary.get(lang), "h2", &Route::Profile { id: id.clone() }.href(), lang);
    html.open("dl", &[("class", Some("summary-list"))]);
    for (label, value) in profile_rows(catalogue, &assessment.profile, lang) {
        row(&mut html, &label, &value);
    }
    html.close("dl").close("div").close("section");

    for section in catalogue.sections {
        let heading_id = format!("check-{}", section.id);
        html.open("section", &[("aria-labelledby", Some(&heading_id))]);
        html.element("h2", &[("id", Some(&heading_id))], section.title.get(lang));
        for item in section.items {
            let change = Route::Item { id: id.clone(), item: item.id.into(), from_check: true }.href();
            html.open("div", &[("class", Some("summary-card"))]);
            card_head(&mut html, Some(item.code), item.title.get(lang), "h3", &change, lang);
            let note = judgement.state(item.id).and_then(|s| wording::applicability(s.applicability));
            if let Some(note) = note {
                html.el("p", "summary-card__note", note.get(lang));
            }
            html.open("dl", &[("class", Some("summary-list"))]);
            let answer = assessment.answer(item.id).cloned().unwrap_or_default();
            answer_rows(&mut html, item, &answer, lang);
            html.close("dl").close("div");
        }
        html.close("section");
    }
    html.finish()
}
