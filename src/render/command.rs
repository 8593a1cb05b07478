//! Commands a button can carry in its `data-command` attribute (with `data-arg`). Rendered
//! pages use them instead of event handlers; the UI's one click listener carries them out.

use crate::domain::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    SetLang(Lang),
    CreateAssessment,
    StartRename(String),
    SaveRename(String),
    Duplicate(String),
    AskDelete(String),
    ConfirmDelete(String),
    CancelRow,
    UndoDelete,
    DismissFlash,
    /// Re-render the page with what another tab saved.
    ShowLatest,
    Print,
    DownloadReport(String),
    ExportOne(String),
    ExportAll,
    DownloadQuarantined(String),
    AskDeleteQuarantined(String),
    DeleteQuarantined(String),
    AskDeleteAll,
    DeleteAll,
    ReplaceImport,
    KeepBothImport,
    CancelImport,
    RemoveParticipants,
    StartConsensus,
    /// Open the comparison of the two assessments chosen on the workshop page.
    Compare,
    FullScreen,
    FocusField(String),
    /// The skip link: focus the main content.
    FocusMain,
}

impl Command {
    /// The `data-command` and `data-arg` values.
    pub fn attrs(&self) -> (&'static str, String) {
        let none = String::new;
        match self {
            Command::SetLang(lang) => ("set-lang", lang.code().to_owned()),
            Command::CreateAssessment => ("create", none()),
            Command::StartRename(id) => ("start-rename", id.clone()),
            Command::SaveRename(id) => ("save-rename", id.clone()),
            Command::Duplicate(id) => ("duplicate", id.clone()),
            Command::AskDelete(id) => ("ask-delete", id.clone()),
            Command::ConfirmDelete(id) => ("confirm-delete", id.clone()),
            Command::CancelRow => ("cancel-row", none()),
            Command::UndoDelete => ("undo-delete", none()),
            Command::DismissFlash => ("dismiss-flash", none()),
            Command::ShowLatest => ("show-latest", none()),
            Command::Print => ("print", none()),
            Command::DownloadReport(id) => ("download-report", id.clone()),
            Command::ExportOne(id) => ("export-one", id.clone()),
            Command::ExportAll => ("export-all", none()),
            Command::DownloadQuarantined(key) => ("download-quarantined", key.clone()),
            Command::AskDeleteQuarantined(key) => ("ask-delete-quarantined", key.clone()),
            Command::DeleteQuarantined(key) => ("delete-quarantined", key.clone()),
            Command::AskDeleteAll => ("ask-delete-all", none()),
            Command::DeleteAll => ("delete-all", none()),
            Command::ReplaceImport => ("replace-import", none()),
            Command::KeepBothImport => ("keep-both-import", none()),
            Command::CancelImport => ("cancel-import", none()),
            Command::RemoveParticipants => ("remove-participants", none()),
            Command::StartConsensus => ("start-consensus", none()),
            Command::Compare => ("compare", none()),
            Command::FullScreen => ("full-screen", none()),
            Command::FocusField(id) => ("focus-field", id.clone()),
            Command::FocusMain => ("focus-main", none()),
        }
    }

    pub fn parse(command: &str, arg: &str) -> Option<Command> {
        let arg = || arg.to_owned();
        Some(match command {
            "set-lang" => Command::SetLang(Lang::from_code(&arg())?),
            "create" => Command::CreateAssessment,
            "start-rename" => Command::StartRename(arg()),
            "save-rename" => Command::SaveRename(arg()),
            "duplicate" => Command::Duplicate(arg()),
            "ask-delete" => Command::AskDelete(arg()),
            "confirm-delete" => Command::ConfirmDelete(arg()),
            "cancel-row" => Command::CancelRow,
            "undo-delete" => Command::UndoDelete,
            "dismiss-flash" => Command::DismissFlash,
            "show-latest" => Command::ShowLatest,
            "print" => Command::Print,
            "download-report" => Command::DownloadReport(arg()),
            "export-one" => Command::ExportOne(arg()),
            "export-all" => Command::ExportAll,
            "download-quarantined" => Command::DownloadQuarantined(arg()),
            "ask-delete-quarantined" => Command::AskDeleteQuarantined(arg()),
            "delete-quarantined" => Command::DeleteQuarantined(arg()),
            "ask-delete-all" => Command::AskDeleteAll,
            "delete-all" => Command::DeleteAll,
            "replace-import" => Command::ReplaceImport,
            "keep-both-import" => Command::KeepBothImport,
            "cancel-import" => Command::CancelImport,
            "remove-participants" => Command::RemoveParticipants,
            "start-consensus" => Command::StartConsensus,
            "compare" => Command::Compare,
            "full-screen" => Command::FullScreen,
            "focus-field" => Command::FocusField(arg()),
            "focus-main" => Command::FocusMain,
            _ => return None,
        })
    }
}

/// A `<button type="button">` that carries a command.
pub fn button(
    html: &mut super::html::Html,
    command: &Command,
    class: &str,
    label: &str,
    id: Option<&str>,
    accessible_name: Option<&str>,
) {
    let (name, arg) = command.attrs();
    html.open(
        "button",
        &[
            ("type", Some("button")),
            ("class", Some(class)),
            ("id", id),
            ("data-command", Some(name)),
            ("data-arg", (!arg.is_empty()).then_some(arg.as_str())),
            ("aria-label", accessible_name),
        ],
    );
    html.text(label).close("button");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_survives_its_attributes() {
        let id = || "a1-b2".to_owned();
        let all = [
            Command::SetLang(Lang::En),
            Command::CreateAssessment,
            Command::StartRename(id()),
            Command::SaveRename(id()),
            Command::Duplicate(id()),
            Command::AskDelete(id()),
            Command::ConfirmDelete(id()),
            Command::CancelRow,
            Command::UndoDelete,
            Command::DismissFlash,
            Command::ShowLatest,
            Command::Print,
            Command::DownloadReport(id()),
            Command::ExportOne(id()),
            Command::ExportAll,
            Command::DownloadQuarantined(id()),
            Command::AskDeleteQuarantined(id()),
            Command::DeleteQuarantined(id()),
            Command::AskDeleteAll,
            Command::DeleteAll,
            Command::ReplaceImport,
            Command::KeepBothImport,
            Command::CancelImport,
            Command::RemoveParticipants,
            Command::StartConsensus,
            Command::Compare,
            Command::FullScreen,
            Command::FocusField(id()),
            Command::FocusMain,
        ];
        for command in all {
            let (name, arg) = command.attrs();
            assert_eq!(Command::parse(name, &arg), Some(command));
        }
        assert_eq!(Command::parse("rm-rf", ""), None);
        assert_eq!(Command::parse("set-lang", "xx"), None);
    }
}
