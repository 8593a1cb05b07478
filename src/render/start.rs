//! The start page: what the tool is for, that answers stay here, and the assessments saved in
//! this browser with their progress and verdict, each with its actions.

use super::command::{button, Command};
use super::html::Html;
use super::{progress_text, verdict_class};
use crate::domain::assessment::Assessment;
use crate::domain::catalogue::Catalogue;
use crate::domain::engine::Judgement;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::domain::wording;

/// What a row of the saved list is doing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RowMode {
    #[default]
    Idle,
    Renaming(String),
    ConfirmingDelete(String),
}

pub fn display_name(assessment: &Assessment, lang: Lang) -> String {
    assessment.display_name().map(str::to_owned).unwrap_or_else(|| Msg::Untitled.get(lang).to_owned())
}

/// Everything above the saved list.
pub fn intro(catalogue: &Catalogue, lang: Lang) -> String {
    let mut html = Html::new();
    html.element("h1", &[("tabindex", Some("-1"))], Msg::StartHeading.get(lang));
    html.el("p", "lead", Msg::StartIntro.get(lang));
    html.open("div", &[("class", Some("callout callout--privacy"))]);
    html.el("h2", "callout__heading", Msg::StartPrivacyHeading.get(lang));
    html.element("p", &[], Msg::StartPrivacyText.get(lang));
    html.close("div");
    html.element("h2", &[], Msg::StartHowHeading.get(lang));
    html.open("ol", &[("class", Some("how-list"))]);
    html.element("li", &[], Msg::StartStepProfile.get(lang));
    html.element("li", &[], &Msg::StartStepItems.fill(lang, &[("count", &catalogue.item_count().to_string())]));
    html.element("li", &[], Msg::StartStepReport.get(lang));
    html.close("ol");
    let (command, _) = Command::CreateAssessment.attrs();
    html.open(
        "button",
        &[("type", Some("button")), ("class", Some("button button--start")), ("data-command", Some(command))],
    );
    html.text(Msg::StartButton.get(lang)).raw("<span class=\"button__arrow\" aria-hidden=\"true\"> →</span></button>");
    html.finish()
}

/// The focus areas, below the list.
pub fn focus_areas(catalogue: &Catalogue, lang: Lang) -> String {
    let mut html = Html::new();
    html.open("details", &[("class", Some("details"))]);
    html.element("summary", &[], Msg::FocusAreasHeading.get(lang));
    html.open("div", &[]);
    html.element("p", &[], Msg::FocusAreasIntro.get(lang));
    html.open("ul", &[]);
    for area in catalogue.focus_areas {
        html.open("li", &[]).element("strong", &[("lang", Some("da"))], area.name.da).raw(": ");
        html.element("span", &[("lang", Some(lang.code()))], area.text.get(lang)).close("li");
    }
    html.close("ul").close("div").close("details");
    html.finish()
}

/// The saved assessments, newest change first. `changed` formats a time stamp for people.
pub fn saved_list(
    rows: &[(&Assessment, Judgement)],
    mode: &RowMode,
    lang: Lang,
    changed: &dyn Fn(&str) -> String,
) -> String {
    let mut html = Html::new();
    html.element("h2", &[("id", Some("saved-heading"))], Msg::SavedHeading.get(lang));
    if rows.is_empty() {
        html.element("p", &[], Msg::SavedNone.get(lang));
        return html.finish();
    }
    html.open("ul", &[("class", Some("saved-list")), ("aria-labelledby", Some("saved-heading"))]);
    for (assessment, judgement) in rows {
        let id = &assessment.id;
        let name = display_name(assessment, lang);
        let named = |msg: Msg| msg.fill(lang, &[("name", &name)]);
        let open = Route::Overview { id: id.clone() }.href();
        html.open("li", &[("class", Some("saved-item"))]);
        html.open("div", &[("class", Some("saved-item__main"))]);
        html.open("h3", &[("class", Some("saved-item__name"))])
            .element("a", &[("href", Some(&open))], &name)
            .close("h3");
        html.open("dl", &[("class", Some("saved-item__facts"))]);
        fact(&mut html, Msg::ColChanged.get(lang), |h| {
            h.text(&changed(&assessment.updated_at));
        });
        fact(&mut html, Msg::ColProgress.get(lang), |h| {
            h.text(&progress_text(judgement, lang));
        });
        fact(&mut html, Msg::ColVerdict.get(lang), |h| {
            h.el("span", verdict_class(judgement.verdict), wording::verdict(judgement.verdict).get(lang));
        });
        html.close("dl").close("div");

        html.open("div", &[("class", Some("saved-item__actions"))]);
        html.element(
            "a",
            &[
                ("class", Some("button button--secondary")),
                ("href", Some(&open)),
                ("aria-label", Some(&named(Msg::OpenNamed))),
            ],
            Msg::Open.get(lang),
        );
        button(
            &mut html,
            &Command::StartRename(id.clone()),
            "button button--secondary",
            Msg::Rename.get(lang),
            None,
            Some(&named(Msg::RenameNamed)),
        );
        button(
            &mut html,
            &Command::Duplicate(id.clone()),
            "button button--secondary",
            Msg::Duplicate.get(lang),
            None,
            Some(&named(Msg::DuplicateNamed)),
        );
        button(
            &mut html,
            &Command::AskDelete(id.clone()),
            "button button--warning",
            Msg::Delete.get(lang),
            None,
            Some(&named(Msg::DeleteNamed)),
        );
        html.close("div");

        match mode {
            RowMode::Renaming(row) if row == id => {
                let input = format!("rename-{id}");
                let (command, arg) = Command::SaveRename(id.clone()).attrs();
                html.open(
                    "form",
                    &[("class", Some("inline-form")), ("data-command", Some(command)), ("data-arg", Some(&arg))],
                );
                html.element("label", &[("class", Some("label")), ("for", Some(&input))], Msg::RenameLabel.get(lang));
                html.open(
                    "input",
                    &[
                        ("id", Some(&input)),
                        ("class", Some("input")),
                        ("type", Some("text")),
                        ("value", Some(&assessment.profile.plan_name)),
                    ],
                );
                html.element("button", &[("type", Some("submit")), ("class", Some("button"))], Msg::SaveName.get(lang));
                button(&mut html, &Command::CancelRow, "button button--link", Msg::Cancel.get(lang), None, None);
                html.close("form");
            }
            RowMode::ConfirmingDelete(row) if row == id => {
                let label = format!("confirm-{id}");
                html.open(
                    "div",
                    &[("class", Some("confirm")), ("role", Some("alertdialog")), ("aria-labelledby", Some(&label))],
                );
                html.element("p", &[("id", Some(&label))], &named(Msg::DeleteConfirm));
                button(
                    &mut html,
                    &Command::ConfirmDelete(id.clone()),
                    "button button--warning",
                    Msg::DeleteConfirmYes.get(lang),
                    Some(&format!("confirm-yes-{id}")),
                    None,
                );
                button(&mut html, &Command::CancelRow, "button button--link", Msg::Cancel.get(lang), None, None);
                html.close("div");
            }
            _ => {}
        }
        html.close("li");
    }
    html.close("ul");
    html.finish()
}

fn fact(html: &mut Html, label: &str, value: impl FnOnce(&mut Html)) {
    html.open("div", &[]).element("dt", &[], label).open("dd", &[]);
    value(html);
    html.close("dd").close("div");
}
