//! "Dine data": backups (export), import, data that could not be read, and deleting
//! everything the app has stored in this browser.

use super::command::{button, Command};
use super::html::Html;
use super::start::display_name;
use crate::domain::assessment::Assessment;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;

/// What the last import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    Refused(String),
    Imported(usize),
    /// Participants' files gathered for a workshop.
    Gathered(usize),
    /// Waiting for the user: these names already exist here.
    Conflict(Vec<String>),
}

/// What the page is asking the user to confirm.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Confirm {
    #[default]
    Nothing,
    DeleteAll,
    DeleteQuarantined(String),
}

/// A record that could not be read, as the page lists it.
pub struct Unreadable {
    pub key: String,
    pub original_key: String,
    pub reason: String,
    pub bytes: usize,
}

pub struct DataView<'a> {
    pub assessments: &'a [Assessment],
    pub last_export: Option<String>,
    /// Whether the browser promised to keep the data (None: not known).
    pub persisted: Option<bool>,
    pub unreadable: &'a [Unreadable],
    pub confirm: &'a Confirm,
}

pub fn intro(lang: Lang) -> String {
    let mut html = Html::new();
    html.element("h1", &[("tabindex", Some("-1"))], Msg::DataHeading.get(lang));
    html.el("p", "lead", Msg::DataIntro.get(lang));
    html.finish()
}

/// The reminder to export, when it is due (see `backup_due`); `link` leads to "Dine data".
pub fn backup_reminder(last_export: Option<&str>, link: bool, lang: Lang) -> String {
    let mut html = Html::new();
    html.open("div", &[("class", Some("notice notice--warning")), ("id", Some("backup-reminder"))]);
    html.open("p", &[]).text(Msg::BackupReminder.get(lang)).raw(" ");
    html.text(&last_export_text(last_export, lang)).close("p");
    if link {
        let data = Route::Data.href();
        html.open("p", &[]).element("a", &[("href", Some(&data))], Msg::GoToExport.get(lang)).close("p");
    }
    html.close("div");
    html.finish()
}

fn last_export_text(last_export: Option<&str>, lang: Lang) -> String {
    match last_export {
        Some(at) => Msg::LastExport.fill(lang, &[("date", at)]),
        None => Msg::NeverExported.get(lang).to_owned(),
    }
}

/// The name of an export file: one assessment's name, or all of them, and the date.
pub fn export_file_name(name: Option<&str>, today: &str) -> String {
    format!("helhedsplan-tjek-{}-{today}.json", name.map_or_else(|| "alle".to_owned(), super::report::slug))
}

/// Storage status and export. `when` formats a time stamp for people.
pub fn storage_and_export(view: &DataView, lang: Lang, when: &dyn Fn(&str) -> String) -> String {
    let mut html = Html::new();
    storage_section(&mut html, view, lang);
    export_section(&mut html, view, lang, when);
    html.finish()
}

/// The import picker. Rendered once per visit, so a re-render never takes its focus.
pub fn import_picker(lang: Lang) -> String {
    let mut html = Html::new();
    import_section(&mut html, lang);
    html.finish()
}

/// Data that could not be read, and deleting everything.
pub fn unreadable_and_delete(view: &DataView, lang: Lang) -> String {
    let mut html = Html::new();
    if !view.unreadable.is_empty() {
        unreadable_section(&mut html, view, lang);
    }
    delete_section(&mut html, view, lang);
    html.finish()
}

fn storage_section(html: &mut Html, view: &DataView, lang: Lang) {
    html.open("section", &[("aria-labelledby", Some("data-storage"))]);
    html.element("h2", &[("id", Some("data-storage"))], Msg::DataStorageHeading.get(lang));
    let persisted = match view.persisted {
        Some(true) => Msg::Persisted,
        Some(false) => Msg::NotPersisted,
        None => Msg::PersistUnknown,
    };
    html.element("p", &[("id", Some("persist-status"))], persisted.get(lang));
    html.close("section");
}

fn export_section(html: &mut Html, view: &DataView, lang: Lang, when: &dyn Fn(&str) -> String) {
    html.open("section", &[("aria-labelledby", Some("data-export"))]);
    html.element("h2", &[("id", Some("data-export"))], Msg::ExportHeading.get(lang));
    html.element("p", &[], Msg::ExportIntro.get(lang));
    let last = view.last_export.as_deref().map(when);
    html.element("p", &[("id", Some("last-export"))], &last_export_text(last.as_deref(), lang));
    if view.assessments.is_empty() {
        html.element("p", &[], Msg::SavedNone.get(lang));
    } else {
        html.open("div", &[("class", Some("button-row"))]);
        button(html, &Command::ExportAll, "button", Msg::ExportAll.get(lang), Some("export-all"), None);
        html.close("div");
        html.open("ul", &[("class", Some("export-list"))]);
        for assessment in view.assessments {
            let name = display_name(assessment, lang);
            html.open("li", &[]).el("span", "export-list__name", &name);
            let label = Msg::ExportNamed.fill(lang, &[("name", &name)]);
            button(
                html,
                &Command::ExportOne(assessment.id.clone()),
                "button button--secondary",
                Msg::Export.get(lang),
                None,
                Some(&label),
            );
            html.close("li");
        }
        html.close("ul");
    }
    html.close("section");
}

fn import_section(html: &mut Html, lang: Lang) {
    html.open("section", &[("aria-labelledby", Some("data-import"))]);
    html.element("h2", &[("id", Some("data-import"))], Msg::ImportHeading.get(lang));
    html.element("p", &[], Msg::ImportIntro.get(lang));
    file_drop(html, "import-file", "assessments", Msg::ImportPick, lang);
    html.close("section");
}

/// A file picker that is also a drop zone. `target` says where imported files go.
pub fn file_drop(html: &mut Html, id: &str, target: &str, label: Msg, lang: Lang) {
    let hint = format!("{id}-hint");
    html.open("div", &[("class", Some("dropzone")), ("data-dropzone", Some(target))]);
    html.element("label", &[("class", Some("label")), ("for", Some(id))], label.get(lang));
    html.element("p", &[("class", Some("hint")), ("id", Some(&hint))], Msg::ImportDrop.get(lang));
    html.open(
        "input",
        &[
            ("type", Some("file")),
            ("id", Some(id)),
            ("class", Some("file-input")),
            ("accept", Some(".json,application/json")),
            ("data-import", Some(target)),
            ("multiple", (target == "participants").then_some("")),
            ("aria-describedby", Some(&hint)),
        ],
    );
    html.close("div");
}

/// The result of the last import, for the live region under the picker.
pub fn import_outcome(outcome: &ImportOutcome, lang: Lang) -> String {
    let mut html = Html::new();
    match outcome {
        ImportOutcome::Refused(reason) => {
            html.open("div", &[("class", Some("error-summary error-summary--error")), ("role", Some("alert"))]);
            html.el("h3", "error-summary__heading", Msg::ImportRefused.get(lang));
            html.element("p", &[], reason);
            html.element("p", &[], Msg::ImportNothingChanged.get(lang));
            html.close("div");
        }
        ImportOutcome::Imported(count) | ImportOutcome::Gathered(count) => {
            let msg =
                if matches!(outcome, ImportOutcome::Gathered(_)) { Msg::ParticipantsImported } else { Msg::ImportDone };
            html.open("div", &[("class", Some("notice notice--success")), ("role", Some("status"))]);
            html.element("p", &[], &msg.fill(lang, &[("count", &count.to_string())]));
            html.close("div");
        }
        ImportOutcome::Conflict(names) => {
            html.open(
                "div",
                &[
                    ("class", Some("confirm")),
                    ("role", Some("alertdialog")),
                    ("aria-labelledby", Some("conflict-text")),
                ],
            );
            html.element(
                "p",
                &[("id", Some("conflict-text"))],
                &Msg::ImportConflict.fill(lang, &[("names", &names.join(", "))]),
            );
            button(
                &mut html,
                &Command::ReplaceImport,
                "button button--warning",
                Msg::ImportReplace.get(lang),
                Some("import-replace"),
                None,
            );
            button(&mut html, &Command::KeepBothImport, "button", Msg::ImportKeepBoth.get(lang), None, None);
            button(&mut html, &Command::CancelImport, "button button--link", Msg::Cancel.get(lang), None, None);
            html.close("div");
        }
    }
    html.finish()
}

fn unreadable_section(html: &mut Html, view: &DataView, lang: Lang) {
    html.open("section", &[("aria-labelledby", Some("data-unreadable"))]);
    html.element("h2", &[("id", Some("data-unreadable"))], Msg::UnreadableHeading.get(lang));
    html.element("p", &[], Msg::UnreadableIntro.get(lang));
    html.open("ul", &[("class", Some("unreadable-list"))]);
    for entry in view.unreadable {
        html.open("li", &[("class", Some("unreadable"))]);
        html.el(
            "p",
            "unreadable__key",
            &Msg::UnreadableKey.fill(lang, &[("key", &entry.original_key), ("size", &entry.bytes.to_string())]),
        );
        html.element("p", &[], &entry.reason);
        html.open("div", &[("class", Some("button-row"))]);
        button(
            html,
            &Command::DownloadQuarantined(entry.key.clone()),
            "button button--secondary",
            Msg::DownloadRaw.get(lang),
            None,
            None,
        );
        button(
            html,
            &Command::AskDeleteQuarantined(entry.key.clone()),
            "button button--warning",
            Msg::Delete.get(lang),
            None,
            None,
        );
        html.close("div");
        if *view.confirm == Confirm::DeleteQuarantined(entry.key.clone()) {
            confirm_box(html, Msg::DeleteUnreadableConfirm, Command::DeleteQuarantined(entry.key.clone()), lang);
        }
        html.close("li");
    }
    html.close("ul").close("section");
}

fn delete_section(html: &mut Html, view: &DataView, lang: Lang) {
    html.open("section", &[("aria-labelledby", Some("data-delete"))]);
    html.element("h2", &[("id", Some("data-delete"))], Msg::DeleteAllHeading.get(lang));
    html.element("p", &[], Msg::DeleteAllIntro.get(lang));
    button(html, &Command::AskDeleteAll, "button button--warning", Msg::DeleteAll.get(lang), Some("delete-all"), None);
    if *view.confirm == Confirm::DeleteAll {
        confirm_box(html, Msg::DeleteAllConfirm, Command::DeleteAll, lang);
    }
    html.close("section");
}

fn confirm_box(html: &mut Html, question: Msg, yes: Command, lang: Lang) {
    html.open(
        "div",
        &[("class", Some("confirm")), ("role", Some("alertdialog")), ("aria-labelledby", Some("confirm-question"))],
    );
    html.element("p", &[("id", Some("confirm-question"))], question.get(lang));
    button(html, &yes, "button button--warning", Msg::ConfirmYes.get(lang), Some("confirm-yes"), None);
    button(html, &Command::CancelRow, "button button--link", Msg::Cancel.get(lang), None, None);
    html.close("div");
}
