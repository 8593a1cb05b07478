//! "Dine data": where answers are kept, backups (export), import, data that could not be read,
//! and deleting everything the app has stored in this browser.

use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::storage::{self, Collection};
use crate::domain::i18n::Msg;
use crate::domain::wording::{self, display_name};
use crate::ui::components::confirm::ConfirmBox;
use crate::ui::components::import::{FilePicker, ImportOutcomeView};
use crate::ui::focus;
use crate::ui::pages::BackupReminder;
use crate::ui::state::use_state;

/// What the page is asking the user to confirm.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
enum Confirm {
    #[default]
    Nothing,
    DeleteAll,
    DeleteUnreadable(String),
}

#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_state();
    let lang = state.lang();
    state.request_persistence();
    let confirm = RwSignal::new(Confirm::Nothing);
    let persisted = move || {
        match state.persisted.get() {
            Some(true) => Msg::Persisted,
            Some(false) => Msg::NotPersisted,
            None => Msg::PersistUnknown,
        }
        .get(lang)
    };
    let last_export = move || match state.last_export.get() {
        Some(at) => Msg::LastExport.fill(lang, &[("date", &clock::local_date_time(&at))]),
        None => Msg::NeverExported.get(lang).to_owned(),
    };
    let ids = Memo::new(move |_| state.assessments.with(|list| list.iter().map(|a| a.id.clone()).collect::<Vec<_>>()));
    view! {
        <h1 tabindex="-1">{Msg::DataHeading.get(lang)}</h1>
        <p class="lead">{Msg::DataIntro.get(lang)}</p>
        <BackupReminder link=false/>
        <section aria-labelledby="data-storage">
            <h2 id="data-storage">{Msg::DataStorageHeading.get(lang)}</h2>
            <p id="persist-status">{persisted}</p>
        </section>
        <section aria-labelledby="data-export">
            <h2 id="data-export">{Msg::ExportHeading.get(lang)}</h2>
            <p>{Msg::ExportIntro.get(lang)}</p>
            <p id="last-export">{last_export}</p>
            <Show when=move || ids.with(|ids| !ids.is_empty()) fallback=move || view! { <p>{Msg::SavedNone.get(lang)}</p> }>
                <div class="button-row">
                    <button type="button" class="button" id="export-all" on:click=move |_| state.export(None)>
                        {Msg::ExportAll.get(lang)}
                    </button>
                </div>
                <ul class="export-list">
                    <For each=move || ids.get() key=|id| id.clone() children=move |id| view! { <ExportRow id/> }/>
                </ul>
            </Show>
        </section>
        <section aria-labelledby="data-import">
            <h2 id="data-import">{Msg::ImportHeading.get(lang)}</h2>
            <p>{Msg::ImportIntro.get(lang)}</p>
            <FilePicker id="import-file" label=Msg::ImportPick collection=Collection::Assessments/>
            <ImportOutcomeView/>
        </section>
        <Unreadable confirm/>
        <section aria-labelledby="data-delete">
            <h2 id="data-delete">{Msg::DeleteAllHeading.get(lang)}</h2>
            <p>{Msg::DeleteAllIntro.get(lang)}</p>
            <button type="button" class="button button--warning" id="delete-all"
                on:click=move |_| confirm.set(Confirm::DeleteAll)>
                {Msg::DeleteAll.get(lang)}
            </button>
            {move || (confirm.get() == Confirm::DeleteAll).then(|| view! {
                <ConfirmBox question_id="confirm-question".to_owned() question=Msg::DeleteAllConfirm.get(lang).to_owned()
                    yes_label=Msg::ConfirmYes.get(lang) yes_id="confirm-yes"
                    on_yes=Callback::new(move |()| {
                        confirm.set(Confirm::Nothing);
                        state.delete_all();
                        focus::when_shown("delete-all");
                    })
                    on_cancel=Callback::new(move |()| {
                        confirm.set(Confirm::Nothing);
                        focus::when_shown("delete-all");
                    })/>
            })}
        </section>
    }
}

#[component]
fn ExportRow(id: String) -> impl IntoView {
    let state = use_state();
    let lang = state.lang();
    let name = {
        let id = id.clone();
        Memo::new(move |_| state.assessment(&id).map(|a| display_name(&a, lang)).unwrap_or_default())
    };
    view! {
        <li>
            <span class="export-list__name">{name}</span>
            <button type="button" class="button button--secondary"
                aria-label=move || Msg::ExportNamed.fill(lang, &[("name", &name.get())])
                on:click=move |_| state.export(Some(&id))>
                {Msg::Export.get(lang)}
            </button>
        </li>
    }
}

/// Records that could not be read: each can be downloaded raw or deleted for good.
#[component]
fn Unreadable(confirm: RwSignal<Confirm>) -> impl IntoView {
    let state = use_state();
    let lang = state.lang();
    let entries = Memo::new(move |_| {
        state.quarantine_count.track();
        storage::quarantined()
    });
    view! {
        <Show when=move || entries.with(|entries| !entries.is_empty())>
                    <section aria-labelledby="data-unreadable">
                        <h2 id="data-unreadable">{Msg::UnreadableHeading.get(lang)}</h2>
                        <p>{Msg::UnreadableIntro.get(lang)}</p>
                        <ul class="unreadable-list">
                            <For each=move || entries.get() key=|entry| entry.key.clone() children=move |entry| {
                                let reason = wording::read_error(&entry.problem, lang);
                                let size = entry.raw.chars().count().to_string();
                                let (download, ask, delete) = (entry.key.clone(), entry.key.clone(), entry.key.clone());
                                let asking = move || confirm.get() == Confirm::DeleteUnreadable(ask.clone());
                                view! {
                                    <li class="unreadable">
                                        <p class="unreadable__key">
                                            {Msg::UnreadableKey.fill(lang, &[("key", &entry.original_key), ("size", &size)])}
                                        </p>
                                        <p>{reason}</p>
                                        <div class="button-row">
                                            <button type="button" class="button button--secondary"
                                                on:click=move |_| state.download_quarantined(&download)>
                                                {Msg::DownloadRaw.get(lang)}
                                            </button>
                                            <button type="button" class="button button--warning" on:click=move |_| {
                                                confirm.set(Confirm::DeleteUnreadable(entry.key.clone()))
                                            }>{Msg::Delete.get(lang)}</button>
                                        </div>
                                        {move || asking().then(|| {
                                            let delete = delete.clone();
                                            view! {
                                                <ConfirmBox question_id="confirm-question".to_owned()
                                                    question=Msg::DeleteUnreadableConfirm.get(lang).to_owned()
                                                    yes_label=Msg::ConfirmYes.get(lang) yes_id="confirm-yes"
                                                    on_yes=Callback::new(move |()| {
                                                        confirm.set(Confirm::Nothing);
                                                        state.delete_quarantined(&delete);
                                                        focus::when_shown("main");
                                                    })
                                                    on_cancel=Callback::new(move |()| confirm.set(Confirm::Nothing))/>
                                            }
                                        })}
                                    </li>
                                }
                            }/>
                        </ul>
                    </section>
        </Show>
    }
}
