//! The profile form: which plan is assessed, and the answers that decide what applies.

use super::form::{choices, text_field, Choice, Control, Kind, QUESTION_PREFIX};
use super::html::Html;
use crate::domain::assessment::{Assessment, ProfileField};
use crate::domain::catalogue::{Catalogue, Item};
use crate::domain::i18n::{Lang, Msg};

pub fn form(catalogue: &Catalogue, assessment: &Assessment, lang: Lang) -> String {
    let profile = &assessment.profile;
    let mut html = Html::new();
    html.open("form", &[("class", Some("form")), ("id", Some("profile-form"))]);
    let text = |html: &mut Html, field: ProfileField, label: Msg, hint: Option<Msg>, value: &str, kind: Kind| {
        text_field(html, Control::Profile(field), label.get(lang), hint.map(|h| h.get(lang)), value, kind, false);
    };
    text(&mut html, ProfileField::PlanName, Msg::FieldPlanName, None, &profile.plan_name, Kind::Text);
    text(&mut html, ProfileField::Organisation, Msg::FieldOrganisation, None, &profile.organisation, Kind::Text);
    text(
        &mut html,
        ProfileField::HousingArea,
        Msg::FieldHousingArea,
        Some(Msg::FieldHousingAreaHint),
        &profile.housing_area,
        Kind::Text,
    );

    let plan_types: Vec<Choice> = catalogue
        .plan_types
        .iter()
        .map(|t| Choice {
            value: t.id,
            label: t.name.get(lang),
            hint: Some(t.description.get(lang)),
            checked: profile.plan_type.as_deref() == Some(t.id),
        })
        .collect();
    choices(
        &mut html,
        "plan-type",
        Control::PlanType.name(),
        "radio",
        Msg::FieldPlanType.get(lang),
        Some(Msg::FieldPlanTypeHint.get(lang)),
        &plan_types,
        false,
    );

    for question in catalogue.profile_questions {
        let chosen = profile.conditions.get(question.id).map(String::as_str);
        let options: Vec<Choice> = question
            .options
            .iter()
            .map(|o| Choice { value: o.id, label: o.label.get(lang), hint: None, checked: chosen == Some(o.id) })
            .collect();
        let group = format!("{QUESTION_PREFIX}{}", question.id);
        choices(
            &mut html,
            &group,
            &group,
            "radio",
            question.label.get(lang),
            Some(question.hint.get(lang)),
            &options,
            false,
        );
    }
    html.element(
        "div",
        &[("id", Some("applicability-changes")), ("class", Some("live-region")), ("role", Some("status"))],
        "",
    );

    text(
        &mut html,
        ProfileField::Assessor,
        Msg::FieldAssessor,
        Some(Msg::FieldAssessorHint),
        &profile.assessor,
        Kind::Text,
    );
    text(&mut html, ProfileField::Date, Msg::FieldDate, None, &profile.date, Kind::Date);
    html.close("form");
    html.finish()
}

/// What a profile change did to applicability: "K2 gælder nu", "K10 gælder ikke længere".
pub fn applicability_changes(changes: &[(&Item, bool)], lang: Lang) -> String {
    if changes.is_empty() {
        return String::new();
    }
    let mut html = Html::new();
    html.open("div", &[("class", Some("notice notice--info"))]);
    html.element("p", &[], Msg::ApplicabilityChanged.get(lang));
    html.open("ul", &[]);
    for (item, applies) in changes {
        let msg = if *applies { Msg::NowApplies } else { Msg::NoLongerApplies };
        html.element("li", &[], &msg.fill(lang, &[("code", item.code), ("title", item.title.get(lang))]));
    }
    html.close("ul").close("div");
    html.finish()
}
