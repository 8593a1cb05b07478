//! The read-only part of an item's page: what the municipality says, what it looks like in
//! practice, when it applies, and why it exists. Also used by the projector view.

use super::command::Command;
use super::form::{choices, field_id, status_choices, text_field, Choice, Control, Kind};
use super::html::Html;
use crate::domain::assessment::{Answer, AnswerField};
use crate::domain::catalogue::{Catalogue, Item};
use crate::domain::engine::{Applicability, Judgement};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::domain::wording;

/// The requirement quoted verbatim (Danish, the authority), with the translation in English.
pub fn requirement(html: &mut Html, catalogue: &Catalogue, item: &Item, lang: Lang) {
    html.open("section", &[("class", Some("requirement")), ("aria-labelledby", Some("requirement-heading"))]);
    html.open("h2", &[("id", Some("requirement-heading")), ("class", Some("requirement__heading"))]);
    html.text(Msg::RequirementSays.get(lang));
    let kind_class = match item.kind {
        crate::domain::catalogue::Kind::Krav => "kind-tag kind-tag--krav",
        crate::domain::catalogue::Kind::Anbefaling => "kind-tag kind-tag--anbefaling",
        crate::domain::catalogue::Kind::Forudsaetning => "kind-tag kind-tag--forudsaetning",
    };
    html.el("span", kind_class, wording::kind(item.kind).get(lang));
    html.close("h2");
    if lang == Lang::En {
        html.element("p", &[("class", Some("requirement__translation")), ("lang", Some("en"))], item.text.en());
    }
    html.open("blockquote", &[("class", Some("requirement__quote")), ("lang", Some("da"))]);
    if lang == Lang::En {
        html.open("span", &[("class", Some("requirement__original")), ("lang", Some("en"))]);
        html.text(Msg::ReportDanishOriginal.get(lang)).raw(": ").close("span");
    }
    html.text(item.text.da()).close("blockquote");
    let citation =
        Msg::QuotedFrom.fill(lang, &[("title", catalogue.source.title.da), ("date", catalogue.source.date.get(lang))]);
    html.el("p", "requirement__cite", &citation);
    html.close("section");
}

/// The evaluation's findings behind the item, quoted (Danish) and translated (English).
pub fn why(html: &mut Html, catalogue: &Catalogue, item: &Item, lang: Lang) {
    html.element("p", &[], &Msg::WhyIntro.fill(lang, &[("title", catalogue.evidence.title.get(lang))]));
    for quote in item.why {
        html.element("blockquote", &[("class", Some("evidence-quote")), ("lang", Some("da"))], quote.da());
        if lang == Lang::En {
            html.element("p", &[("class", Some("evidence-quote__translation")), ("lang", Some("en"))], quote.en());
        }
    }
}

/// Everything above the answer form on an item's page.
pub fn item_text(catalogue: &Catalogue, item: &Item, lang: Lang) -> String {
    let mut html = Html::new();
    requirement(&mut html, catalogue, item, lang);
    html.open("section", &[("class", Some("practice"))]);
    html.element("h2", &[], Msg::InPractice.get(lang));
    html.element("p", &[], item.explanation.get(lang));
    html.open("p", &[])
        .el("strong", "", &format!("{}: ", Msg::AppliesTo.get(lang)))
        .text(item.applies.get(lang))
        .close("p");
    html.close("section");
    html.open("details", &[("class", Some("details"))]);
    html.element("summary", &[], Msg::WhyThisItem.get(lang));
    html.open("div", &[]);
    why(&mut html, catalogue, item, lang);
    html.close("div").close("details");
    html.finish()
}

/// The back link, caption and heading of an item's page.
pub fn header(catalogue: &Catalogue, item: &Item, back_href: &str, back_label: Msg, lang: Lang) -> String {
    let position = catalogue.items().position(|i| i.id == item.id).unwrap_or(0) + 1;
    let caption = format!(
        "{} · {} · {}",
        item.code,
        wording::kind(item.kind).get(lang),
        Msg::ItemOf.fill(lang, &[("n", &position.to_string()), ("total", &catalogue.item_count().to_string())])
    );
    let mut html = Html::new();
    html.element("a", &[("class", Some("back-link")), ("href", Some(back_href))], back_label.get(lang));
    html.open("div", &[]);
    html.el("p", "caption", &caption);
    html.open("h1", &[("tabindex", Some("-1"))])
        .el("span", "code", item.code)
        .raw(" ")
        .text(item.title.get(lang))
        .close("h1");
    html.close("div");
    html.finish()
}

/// The answer form, filled in with the current answer. Which parts show (the reason for
/// "Ikke relevant", the action for anything not met) follows the chosen status in CSS.
pub fn answer_form(item: &Item, answer: &Answer, applicability: Applicability, lang: Lang) -> String {
    let mut html = Html::new();
    let class = if answer.action.is_empty() { "form answer-form" } else { "form answer-form answer-form--has-action" };
    html.open("form", &[("class", Some(class)), ("id", Some("answer-form"))]);

    if matches!(applicability, Applicability::DoesNotApply | Applicability::IncludedByUser) {
        html.open("div", &[("class", Some("notice notice--info include-box"))]);
        html.element("p", &[], Msg::DoesNotApplyNotice.get(lang));
        let include = [Choice {
            value: "on",
            label: Msg::IncludeAnyway.get(lang),
            hint: None,
            checked: answer.included_anyway.is_some(),
        }];
        checkbox_list(&mut html, Control::IncludeAnyway, &include);
        html.open("div", &[("class", Some("include-reason"))]);
        let reason = answer.included_anyway.as_deref().unwrap_or("");
        text_field(
            &mut html,
            Control::IncludeReason,
            Msg::IncludeAnywayReason.get(lang),
            None,
            reason,
            Kind::TextArea,
            true,
        );
        html.close("div").close("div");
    }

    elements(&mut html, item, answer, Some(Msg::ElementsHint.get(lang)), lang);
    choices(
        &mut html,
        "status",
        Control::Status.name(),
        "radio",
        Msg::StatusLegend.get(lang),
        None,
        &status_choices(answer.status, lang),
        true,
    );

    html.open("div", &[("class", Some("when-not-relevant"))]);
    text_field(
        &mut html,
        Control::Answer(AnswerField::NotRelevantReason),
        Msg::FieldNotRelevantReason.get(lang),
        Some(Msg::FieldNotRelevantReasonHint.get(lang)),
        &answer.not_relevant_reason,
        Kind::TextArea,
        true,
    );
    html.close("div");

    html.open("fieldset", &[("class", Some("fieldset action-fieldset when-open"))]);
    html.el("legend", "legend legend--large", Msg::ActionLegend.get(lang));
    html.el("p", "hint", Msg::ActionHint.get(lang));
    let action = &answer.action;
    text_field(
        &mut html,
        Control::Answer(AnswerField::ActionDescription),
        Msg::FieldActionDescription.get(lang),
        None,
        &action.description,
        Kind::TextArea,
        false,
    );
    text_field(
        &mut html,
        Control::Answer(AnswerField::ActionOwner),
        Msg::FieldActionOwner.get(lang),
        None,
        &action.owner,
        Kind::Text,
        false,
    );
    text_field(
        &mut html,
        Control::Answer(AnswerField::ActionDeadline),
        Msg::FieldActionDeadline.get(lang),
        None,
        &action.deadline,
        Kind::Date,
        false,
    );
    html.close("fieldset");

    text_field(
        &mut html,
        Control::Answer(AnswerField::DocumentedIn),
        Msg::FieldDocumentedIn.get(lang),
        Some(Msg::FieldDocumentedInHint.get(lang)),
        &answer.documented_in,
        Kind::Text,
        false,
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
    html.close("form");
    html.finish()
}

fn checkbox_list(html: &mut Html, control: Control, options: &[Choice<'_>]) {
    for option in options {
        let id = control.name();
        html.open("div", &[("class", Some("checkbox"))]);
        html.open(
            "input",
            &[
                ("class", Some("checkbox__input")),
                ("type", Some("checkbox")),
                ("id", Some(id)),
                ("name", Some(id)),
                ("value", Some(option.value)),
                ("checked", option.checked.then_some("")),
            ],
        );
        html.element("label", &[("class", Some("checkbox__label")), ("for", Some(id))], option.label);
        html.close("div");
    }
}

/// Links to every warning of the item, each focusing its field.
/// The item's elements as checkboxes, ticked as in the answer (answer form and projector).
pub fn elements(html: &mut Html, item: &Item, answer: &Answer, hint: Option<&str>, lang: Lang) {
    let elements: Vec<Choice> = item
        .elements
        .iter()
        .map(|e| Choice { value: e.id, label: e.text.get(lang), hint: None, checked: answer.elements.contains(e.id) })
        .collect();
    choices(
        html,
        "elements",
        Control::Element.name(),
        "checkbox",
        Msg::ElementsLegend.get(lang),
        hint,
        &elements,
        true,
    );
}

pub fn warning_summary(catalogue: &Catalogue, judgement: &Judgement, item: &Item, lang: Lang) -> String {
    let warnings: Vec<_> = judgement.warnings_for(item.id).collect();
    if warnings.is_empty() {
        return String::new();
    }
    let mut html = Html::new();
    html.open(
        "div",
        &[
            ("class", Some("error-summary")),
            ("role", Some("region")),
            ("aria-labelledby", Some("error-summary-heading")),
        ],
    );
    html.element(
        "h2",
        &[("id", Some("error-summary-heading")), ("class", Some("error-summary__heading"))],
        Msg::ErrorSummaryHeading.get(lang),
    );
    html.open("ul", &[]);
    for warning in warnings {
        let target = field_id(warning.field);
        let (command, arg) = Command::FocusField(target.clone()).attrs();
        let href = format!("#{target}");
        html.open("li", &[]);
        html.element(
            "a",
            &[("href", Some(&href)), ("data-command", Some(command)), ("data-arg", Some(&arg))],
            &wording::warning(catalogue, warning, lang),
        );
        html.close("li");
    }
    html.close("ul").close("div");
    html.finish()
}

/// Previous, next (or back to "check your answers") and the overview.
pub fn pager(catalogue: &Catalogue, item: &Item, assessment_id: &str, from_check: bool, lang: Lang) -> String {
    let (previous, next) = catalogue.neighbours(item.id);
    let link =
        |target: &Item| Route::Item { id: assessment_id.into(), item: target.id.into(), from_check: false }.href();
    let label = |msg: Msg, target: &Item| msg.fill(lang, &[("code", target.code), ("title", target.title.get(lang))]);
    let mut html = Html::new();
    html.open("nav", &[("class", Some("pager")), ("aria-label", Some(Msg::ItemNavigation.get(lang)))]);
    let check = Route::Check { id: assessment_id.into() }.href();
    match (from_check, next) {
        (true, _) => {
            html.element("a", &[("class", Some("button")), ("href", Some(&check))], Msg::BackToCheck.get(lang))
        }
        (false, Some(next)) => html.element(
            "a",
            &[("class", Some("button pager__next")), ("href", Some(&link(next)))],
            &label(Msg::NextItem, next),
        ),
        (false, None) => {
            html.element("a", &[("class", Some("button pager__next")), ("href", Some(&check))], Msg::ToCheck.get(lang))
        }
    };
    if let Some(previous) = previous {
        html.element(
            "a",
            &[("class", Some("button button--secondary pager__previous")), ("href", Some(&link(previous)))],
            &label(Msg::PreviousItem, previous),
        );
    }
    let overview = Route::Overview { id: assessment_id.into() }.href();
    html.element("a", &[("class", Some("pager__overview")), ("href", Some(&overview))], Msg::BackToOverview.get(lang));
    html.close("nav");
    html.finish()
}
