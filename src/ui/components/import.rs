//! Importing files: a picker that is also a drop zone, and what the import did. Used on "Dine
//! data" (the user's own assessments) and the workshop page (participants' answers).

use leptos::prelude::*;

use crate::browser::files;
use crate::browser::storage::Collection;
use crate::domain::exchange::{self, ImportFile};
use crate::domain::i18n::Msg;
use crate::ui::focus;
use crate::ui::state::{use_state, AppState, ImportOutcome};

/// A file picker that is also a drop zone. Every file is read, then imported all or none.
#[component]
pub fn FilePicker(id: &'static str, label: Msg, collection: Collection) -> impl IntoView {
    let state = use_state();
    let lang = state.lang();
    let hint = format!("{id}-hint");
    let several = collection == Collection::Participants;
    view! {
        <div class="dropzone"
            on:dragover=|ev| ev.prevent_default()
            on:drop=move |ev| {
                ev.prevent_default();
                if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
                    import(state, list, collection);
                }
            }>
            <label class="label" for=id>{label.get(lang)}</label>
            <p class="hint" id=hint.clone()>{Msg::ImportDrop.get(lang)}</p>
            <input type="file" id=id class="file-input" accept=".json,application/json" multiple=several
                aria-describedby=hint
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(list) = input.files() {
                        import(state, list, collection);
                    }
                    // The same file picked again is a new import.
                    input.set_value("");
                }/>
        </div>
    }
}

/// Reads the files (not one too large: the import refuses it by its size) and imports them.
fn import(state: AppState, list: web_sys::FileList, collection: Collection) {
    let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|n| list.get(n)).collect();
    leptos::task::spawn_local(async move {
        let mut read = Vec::with_capacity(picked.len());
        for file in &picked {
            let (name, bytes) = (file.name(), file.size() as usize);
            if bytes > exchange::MAX_IMPORT_BYTES {
                read.push(ImportFile::TooLarge { name, bytes });
                continue;
            }
            match files::read_text(file).await {
                Ok(text) => read.push(ImportFile::Text { name, text }),
                Err(_) => {
                    let reason = format!("{name}: {}", state.t(Msg::ImportEmpty));
                    state.import_outcome.set(Some(ImportOutcome::Refused(reason)));
                    focus_outcome(state);
                    return;
                }
            }
        }
        state.import_files(&read, collection);
        focus_outcome(state);
    });
}

/// After an import, focus goes to what it did; when it asks a question, to the first answer.
fn focus_outcome(state: AppState) {
    match state.import_outcome.get_untracked() {
        Some(ImportOutcome::Conflict(_)) => focus::when_shown("import-replace"),
        Some(_) => focus::when_shown("import-outcome"),
        None => {}
    }
}

/// What the last import did; for a clash of ids, the choice between replacing and keeping both.
#[component]
pub fn ImportOutcomeView() -> impl IntoView {
    let state = use_state();
    let lang = state.lang();
    let resolve = move |replace: bool| {
        state.resolve_import(replace);
        focus::when_shown("import-outcome");
    };
    move || {
        state.import_outcome.get().map(|outcome| match outcome {
            ImportOutcome::Refused(reason) => view! {
                <div id="import-outcome" tabindex="-1" class="error-summary error-summary--error" role="alert">
                    <h3 class="error-summary__heading">{Msg::ImportRefused.get(lang)}</h3>
                    <p>{reason}</p>
                    <p>{Msg::ImportNothingChanged.get(lang)}</p>
                </div>
            }
            .into_any(),
            ImportOutcome::Imported(count) | ImportOutcome::Gathered(count) => {
                let msg = if matches!(outcome, ImportOutcome::Gathered(_)) {
                    Msg::ParticipantsImported
                } else {
                    Msg::ImportDone
                };
                view! {
                    <div id="import-outcome" tabindex="-1" class="notice notice--success">
                        <p>{msg.fill(lang, &[("count", &count.to_string())])}</p>
                    </div>
                }
                .into_any()
            }
            ImportOutcome::Conflict(names) => view! {
                <div id="import-outcome" tabindex="-1" class="confirm" role="alertdialog" aria-labelledby="conflict-text">
                    <p id="conflict-text">{Msg::ImportConflict.fill(lang, &[("names", &names.join(", "))])}</p>
                    <button type="button" class="button button--warning" id="import-replace" on:click=move |_| resolve(true)>
                        {Msg::ImportReplace.get(lang)}
                    </button>
                    <button type="button" class="button" on:click=move |_| resolve(false)>
                        {Msg::ImportKeepBoth.get(lang)}
                    </button>
                    <button type="button" class="button button--link" on:click=move |_| {
                        state.cancel_import();
                        focus::when_shown("import-file");
                    }>{Msg::Cancel.get(lang)}</button>
                </div>
            }
            .into_any(),
        })
    }
}
