//! "Dine data": where answers are kept, backups (export), import, data that could not be read,
//! and deleting everything the app has stored in this browser.

use leptos::prelude::*;

use crate::browser::storage;
use crate::browser::{clock, files};
use crate::domain::assessment::Assessment;
use crate::domain::exchange;
use crate::domain::i18n::Msg;
use crate::domain::wording::{self, display_name};
use crate::render;
use crate::ui::components::backup_reminder::BackupReminder;
use crate::ui::components::confirm::ConfirmBox;
use crate::ui::components::feedback::FeedbackImport;
use crate::ui::components::import::{Import, ImportInto};
use crate::ui::focus;
use crate::ui::stores::{Assessments, Forgetting, Notices, Plans, Settings};

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
    let (assessments, settings) = (expect_context::<Assessments>(), expect_context::<Settings>());
    let lang = settings.lang();
    assessments.request_persistence();
    let actions = DataActions::new();
    let confirm = RwSignal::new(Confirm::Nothing);
    let persisted = move || {
        match assessments.persisted() {
            Some(true) => Msg::Persisted,
            Some(false) => Msg::NotPersisted,
            None => Msg::PersistUnknown,
        }
        .get(lang)
    };
    let last_export = move || match settings.last_export() {
        Some(at) => Msg::LastExport.fill(lang, &[("date", &clock::local_date_time(&at))]),
        None => Msg::NeverExported.get(lang).to_owned(),
    };
    let ids = Memo::new(move |_| assessments.ids());
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
                    <button type="button" class="button" id="export-all" on:click=move |_| actions.export(None)>
                        {Msg::ExportAll.get(lang)}
                    </button>
                </div>
                <ul class="export-list">
                    <For each=move || ids.get() key=|id| id.clone() children=move |id| view! { <ExportRow id actions/> }/>
                </ul>
            </Show>
        </section>
        <section aria-labelledby="data-import">
            <h2 id="data-import">{Msg::ImportHeading.get(lang)}</h2>
            <p>{Msg::ImportIntro.get(lang)}</p>
            <Import id="import-file" label=Msg::ImportPick into=ImportInto::Assessments/>
        </section>
        <FeedbackImport/>
        <Unreadable confirm actions/>
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
                        actions.delete_everything();
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
fn ExportRow(id: String, actions: DataActions) -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let lang = expect_context::<Settings>().lang();
    let name = {
        let id = id.clone();
        Memo::new(move |_| assessments.get(&id).map(|a| display_name(&a, lang)).unwrap_or_default())
    };
    view! {
        <li>
            <span class="export-list__name">{name}</span>
            <button type="button" class="button button--secondary"
                aria-label=move || Msg::ExportNamed.fill(lang, &[("name", &name.get())])
                on:click=move |_| actions.export(Some(&id))>
                {Msg::Export.get(lang)}
            </button>
        </li>
    }
}

/// Records that could not be read: each can be downloaded raw or deleted for good.
#[component]
fn Unreadable(confirm: RwSignal<Confirm>, actions: DataActions) -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let lang = expect_context::<Settings>().lang();
    let entries = Memo::new(move |_| {
        assessments.set_aside();
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
                                                on:click=move |_| actions.download_set_aside(&download)>
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
                                                        actions.delete_set_aside(&delete);
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

/// The stores an export and "Slet alle mine data" touch, taken once where the page is built:
/// event handlers run outside the component tree, where context cannot be looked up.
#[derive(Clone, Copy)]
struct DataActions {
    forgetting: Forgetting,
    assessments: Assessments,
    plans: Plans,
    settings: Settings,
    notices: Notices,
}

impl DataActions {
    fn new() -> DataActions {
        DataActions {
            forgetting: Forgetting::new(),
            assessments: expect_context(),
            plans: expect_context(),
            settings: expect_context(),
            notices: expect_context(),
        }
    }

    /// Offers the assessments (all, or the one with this id) as an export file, and remembers
    /// when.
    fn export(&self, id: Option<&str>) {
        let lang = self.settings.lang();
        let now = clock::now();
        let chosen: Vec<Assessment> =
            self.assessments.with(|list| list.iter().filter(|a| id.is_none_or(|id| a.id == id)).cloned().collect());
        let Some(first) = chosen.first() else { return };
        let one = id.map(|_| display_name(first, lang));
        let name = render::report::export_file_name(one.as_deref(), &self.assessments.today());
        if files::download(&name, "application/json", &exchange::export(&chosen, &now)).is_err() {
            self.notices.confirm(Msg::DownloadFailed.get(lang).to_owned());
            return;
        }
        self.settings.exported(now);
        self.notices.confirm(Msg::Exported.fill(lang, &[("file", &name)]));
    }

    /// "Slet alle mine data": the app's own keys in local storage, and the plans in IndexedDB;
    /// each store then forgets what it held. A failure is said, never swallowed.
    fn delete_everything(&self) {
        let lang = self.settings.lang();
        if let Err(problem) = storage::delete_all_app_data() {
            self.assessments.failed(problem);
            return;
        }
        self.forgetting.forget();
        let (plans, notices) = (self.plans, self.notices);
        leptos::task::spawn_local(async move {
            match plans.remove_all().await {
                Ok(()) => notices.confirm(Msg::DeletedAll.get(lang).to_owned()),
                Err(_) => notices.confirm(Msg::DeletePlansFailed.get(lang).to_owned()),
            }
        });
    }

    /// A record set aside, as it was stored, for someone who wants to mend it by hand.
    fn download_set_aside(&self, key: &str) {
        let lang = self.settings.lang();
        if let Some(entry) = storage::quarantined().into_iter().find(|q| q.key == key) {
            let name = format!("helhedsplan-tjek-ulaeselige-data-{}.json", self.assessments.today());
            if files::download(&name, "application/json", &entry.raw).is_err() {
                self.notices.confirm(Msg::DownloadFailed.get(lang).to_owned());
            }
        }
    }

    fn delete_set_aside(&self, key: &str) {
        if storage::delete_quarantined(key).is_ok() {
            self.assessments.recount_set_aside();
            self.notices.confirm(Msg::DeletedUnreadable.get(self.settings.lang()).to_owned());
        }
    }
}
