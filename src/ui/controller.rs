//! One listener per kind of event, for the whole app. Rendered pages say what a control edits
//! (its `name`) and what a button does (its `data-command`); this turns the event into that
//! edit or command. No field or button needs a handler of its own.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, FileContent, Flash, FocusTarget};
use crate::browser::storage::Collection;
use crate::browser::{files, page, worker};
use crate::domain::engine;
use crate::domain::exchange;
use crate::domain::file_format::encode_record;
use crate::domain::i18n::Msg;
use crate::domain::json::ObjectWriter;
use crate::domain::route::Route;
use crate::render;
use crate::render::command::Command;
use crate::render::data::{Confirm, ImportOutcome};
use crate::render::form::{edit_for, Control};
use crate::render::start::RowMode;

/// The assessment and item the current page edits.
fn editing(state: &AppState) -> Option<(String, Option<String>)> {
    state.route.with_untracked(|route| match route {
        Route::Profile { id } => Some((id.clone(), None)),
        Route::Item { id, item, .. } | Route::Projector { id, item } => Some((id.clone(), Some(item.clone()))),
        _ => None,
    })
}

fn target_element(event: &web_sys::Event) -> Option<web_sys::Element> {
    event.target()?.dyn_into::<web_sys::Element>().ok()
}

/// Text typed into a field: saved at once.
pub fn on_input(state: AppState, event: web_sys::Event) {
    let Some(input) = target_element(&event) else { return };
    let kind = input.get_attribute("type").unwrap_or_default();
    if kind == "radio" || kind == "checkbox" {
        return;
    }
    apply_control(state, &input, event_target_value(&event), false);
}

/// A radio or checkbox changed: saved at once. A file picked: imported.
pub fn on_change(state: AppState, event: web_sys::Event) {
    let Some(input) = target_element(&event) else { return };
    let kind = input.get_attribute("type").unwrap_or_default();
    if kind == "file" {
        if let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>() {
            let target = collection_for(input.get_attribute("data-import").as_deref());
            if let Some(files) = input.files() {
                import_files(state, (0..files.length()).filter_map(|n| files.get(n)).collect(), target);
            }
            input.set_value("");
        }
        return;
    }
    if kind != "radio" && kind != "checkbox" {
        return;
    }
    let checked = event_target_checked(&event);
    apply_control(state, &input, input.get_attribute("value").unwrap_or_default(), checked);
}

fn apply_control(state: AppState, input: &web_sys::Element, value: String, checked: bool) {
    let Some(name) = input.get_attribute("name") else { return };
    let Some((id, item)) = editing(&state) else { return };
    let Some(edit) = edit_for(&name, item.as_deref(), &value, checked) else { return };
    let before =
        edit.changes_applicability().then(|| state.assessment_untracked(&id).map(|a| state.judge(&a))).flatten();
    state.edit(&id, &edit);
    // A profile change that changes what applies says so, in the page's status region.
    if let (Some(before), Some(after)) = (before, state.assessment_untracked(&id).map(|a| state.judge(&a))) {
        if Control::parse(&name).is_some_and(|c| matches!(c, Control::PlanType | Control::Question)) {
            let changes = engine::applicability_changes(&before, &after);
            page::set_html(
                "applicability-changes",
                &crate::render::profile::applicability_changes(&changes, state.lang()),
            );
        }
    }
}

/// A file dragged over a drop zone may be dropped there.
pub fn on_dragover(event: web_sys::DragEvent) {
    if in_dropzone(&event).is_some() {
        event.prevent_default();
    }
}

/// A file dropped on a drop zone: imported.
pub fn on_drop(state: AppState, event: web_sys::DragEvent) {
    let Some(zone) = in_dropzone(&event) else { return };
    event.prevent_default();
    let target = collection_for(zone.get_attribute("data-dropzone").as_deref());
    if let Some(files) = event.data_transfer().and_then(|d| d.files()) {
        import_files(state, (0..files.length()).filter_map(|n| files.get(n)).collect(), target);
    }
}

/// Where a picker's or drop zone's files go: participants' answers, or the user's own.
fn collection_for(target: Option<&str>) -> Collection {
    if target == Some("participants") {
        Collection::Participants
    } else {
        Collection::Assessments
    }
}

fn in_dropzone(event: &web_sys::DragEvent) -> Option<web_sys::Element> {
    target_element(event)?.closest("[data-dropzone]").ok()?
}

/// Reads picked or dropped files (not one that is too large: the import refuses it by its size)
/// and hands them to the import, which takes all of them or none.
fn import_files(state: AppState, files: Vec<web_sys::File>, target: Collection) {
    leptos::task::spawn_local(async move {
        let mut contents = Vec::with_capacity(files.len());
        for file in &files {
            let size = file.size() as usize;
            let content = if size > exchange::MAX_IMPORT_BYTES {
                FileContent::TooLarge(size)
            } else {
                match files::read_text(file).await {
                    Ok(text) => FileContent::Text(text),
                    Err(_) => {
                        let text = format!("{}: {}", file.name(), state.t(Msg::ImportEmpty));
                        state.import_outcome.set(Some(ImportOutcome::Refused(text)));
                        return;
                    }
                }
            };
            contents.push((file.name(), content));
        }
        state.import_files(contents, target, move || {
            if matches!(state.import_outcome.get_untracked(), Some(ImportOutcome::Conflict(_))) {
                state.focus_when_shown(FocusTarget::Id("import-replace".into()));
            }
        });
    });
}

/// Forms never submit anywhere; the rename form saves the new name.
pub fn on_submit(state: AppState, event: web_sys::SubmitEvent) {
    event.prevent_default();
    let Some(form) = target_element(&event) else { return };
    let command = form.get_attribute("data-command").unwrap_or_default();
    let arg = form.get_attribute("data-arg").unwrap_or_default();
    if let Some(Command::SaveRename(id)) = Command::parse(&command, &arg) {
        let name = page::input_value(&format!("rename-{id}")).unwrap_or_default();
        state.rename(&id, name.trim().to_owned());
        state.row_mode.set(RowMode::Idle);
        request_animation_frame(|| {
            page::focus_id("saved-heading");
        });
    }
}

/// A click on anything that carries a `data-command`.
pub fn on_click(state: AppState, event: web_sys::MouseEvent) {
    let Some(target) = target_element(&event) else { return };
    let Ok(Some(carrier)) = target.closest("[data-command]") else { return };
    if carrier.tag_name() == "FORM" {
        return;
    }
    let command = carrier.get_attribute("data-command").unwrap_or_default();
    let arg = carrier.get_attribute("data-arg").unwrap_or_default();
    let Some(command) = Command::parse(&command, &arg) else { return };
    event.prevent_default();
    run(state, command);
}

pub fn run(state: AppState, command: Command) {
    match command {
        Command::SetLang(lang) => state.set_lang(lang),
        Command::CreateAssessment => {
            let id = state.create();
            page::go(&Route::Profile { id }.href());
        }
        Command::StartRename(id) => {
            state.row_mode.set(RowMode::Renaming(id.clone()));
            state.focus_when_shown(FocusTarget::Id(format!("rename-{id}")));
        }
        Command::AskDelete(id) => {
            state.row_mode.set(RowMode::ConfirmingDelete(id.clone()));
            state.focus_when_shown(FocusTarget::Id(format!("confirm-yes-{id}")));
        }
        Command::CancelRow => {
            let was_confirming = state.confirm.get_untracked() != Confirm::Nothing;
            state.row_mode.set(RowMode::Idle);
            state.confirm.set(Confirm::Nothing);
            state.focus_when_shown(FocusTarget::Id(if was_confirming {
                "main".into()
            } else {
                "saved-heading".into()
            }));
        }
        Command::ConfirmDelete(id) => {
            state.row_mode.set(RowMode::Idle);
            state.delete(&id);
            state.focus_when_shown(FocusTarget::Id("undo-button".into()));
        }
        Command::Duplicate(id) => state.duplicate(&id),
        Command::UndoDelete => state.undo_delete(),
        Command::DismissFlash => state.flash.set(None),
        Command::ShowLatest => state.show_latest(),
        Command::Print => page::print(),
        Command::DownloadReport(id) => download_report(state, &id),
        Command::FullScreen => page::full_screen(),
        Command::FocusField(id) => page::focus_field(&id),
        Command::FocusMain => {
            page::focus_id("main");
        }
        Command::ExportAll => state.export(None),
        Command::ExportOne(id) => state.export(Some(&id)),
        Command::ReplaceImport => state.resolve_import(true),
        Command::KeepBothImport => state.resolve_import(false),
        Command::CancelImport => state.cancel_import(),
        Command::AskDeleteAll => {
            state.confirm.set(Confirm::DeleteAll);
            state.focus_when_shown(FocusTarget::Id("confirm-yes".into()));
        }
        Command::DeleteAll => {
            state.confirm.set(Confirm::Nothing);
            state.delete_all();
        }
        Command::AskDeleteQuarantined(key) => {
            state.confirm.set(Confirm::DeleteQuarantined(key));
            state.focus_when_shown(FocusTarget::Id("confirm-yes".into()));
        }
        Command::DeleteQuarantined(key) => {
            state.confirm.set(Confirm::Nothing);
            state.delete_quarantined(&key);
        }
        Command::DownloadQuarantined(key) => state.download_quarantined(&key),
        // Handled by the pages that offer them (workshop).
        Command::RemoveParticipants => state.remove_participants(),
        Command::StartConsensus => state.start_consensus(|id| page::go(&Route::Overview { id }.href())),
        Command::Compare => {
            if let (Some(before), Some(after)) =
                (page::control_value("compare-before"), page::control_value("compare-after"))
            {
                page::go(&Route::Compare { before, after }.href());
            }
        }
        // Forms carry it; `on_submit` handles it.
        Command::SaveRename(_) => {}
    }
}

/// The report as one HTML file, made here in the browser (by the worker).
fn download_report(state: AppState, id: &str) {
    let Some(assessment) = state.assessment_untracked(id) else { return };
    let lang = state.lang();
    let today = state.today.get_value();
    let file_name = render::report::file_name(&render::report::plan_name(&assessment, lang), &today);
    let fields = |request: &mut ObjectWriter| {
        request.raw("record", &encode_record(&assessment));
        request.string("today", &today);
        request.string("css", &page::stylesheet_text("report"));
    };
    worker::call("report-file", lang, fields, move |reply| {
        let saved = reply.is_ok_and(|file| files::download(&file_name, "text/html;charset=utf-8", &file).is_ok());
        if !saved {
            state.flash.set(Some(Flash { text: state.t(Msg::DownloadFailed).to_owned(), undo: None }));
        }
    });
}
