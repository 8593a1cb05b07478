//! The app's shared state, and the operations components call. It wires the browser store to the
//! domain; it decides nothing the domain should decide.

use leptos::prelude::*;

use crate::browser::storage::{self, Collection, StorageProblem};
use crate::browser::{clock, files, page};
use crate::domain::assessment::{Assessment, Edit, ProfileField};
use crate::domain::catalogue::{self, Catalogue};
use crate::domain::engine::{self, Judgement};
use crate::domain::exchange::{self, ImportFile};
use crate::domain::i18n::{self, Lang, Msg};
use crate::domain::route::Route;
use crate::domain::wording::display_name;
use crate::domain::workshop;
use crate::render;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the page opened.
    Idle,
    /// The last change is in storage; the time it was saved.
    Saved(String),
    /// The last change is only in this page's memory.
    Failed(StorageProblem),
}

/// A short message in the notice area, such as "deleted, undo?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    /// The deleted assessment that "Fortryd" brings back.
    pub undo: Option<Assessment>,
}

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

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub route: RwSignal<Route>,
    pub assessments: RwSignal<Vec<Assessment>>,
    /// Participants' answers gathered for a workshop, kept apart from the user's own.
    pub participants: RwSignal<Vec<Assessment>>,
    pub save: RwSignal<SaveState>,
    pub flash: RwSignal<Option<Flash>>,
    /// What the live region says: the outcome of the last action.
    pub announcement: RwSignal<String>,
    /// Set when storage cannot be used at all; the app then works in memory and says so.
    pub storage_problem: RwSignal<Option<StorageProblem>>,
    /// Set when another tab changed the assessment on screen.
    pub changed_elsewhere: RwSignal<bool>,
    /// Records moved aside because they could not be read.
    pub quarantine_count: RwSignal<usize>,
    /// Bumped to build the current page again from storage (after another tab's change).
    pub page_version: RwSignal<u32>,
    /// What the last import did, on "Dine data" (and the workshop page).
    pub import_outcome: RwSignal<Option<ImportOutcome>>,
    /// An import waiting for "replace or keep both".
    pub pending_import: StoredValue<Vec<Assessment>>,
    /// Whether the browser promised to keep this site's data (None: not known yet).
    pub persisted: RwSignal<Option<bool>>,
    /// When the last backup was exported.
    pub last_export: RwSignal<Option<String>>,
    pub today: StoredValue<String>,
    /// Bumped when a plan is read or removed, so whatever shows it reads IndexedDB again.
    pub plans_version: RwSignal<u32>,
}

impl AppState {
    pub fn load() -> AppState {
        let settings = storage::load_settings();
        let chosen = settings.lang.as_deref().and_then(Lang::from_code).unwrap_or_default();
        let (records, problem) = match storage::probe().and_then(|()| storage::load(Collection::Assessments)) {
            Ok(loaded) => (loaded.records, None),
            Err(problem) => (Vec::new(), Some(problem)),
        };
        let state = AppState {
            lang: RwSignal::new(Lang::Da),
            route: RwSignal::new(Route::parse(&page::hash())),
            assessments: RwSignal::new(records),
            participants: RwSignal::new(storage::load(Collection::Participants).map(|l| l.records).unwrap_or_default()),
            save: RwSignal::new(SaveState::Idle),
            flash: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            storage_problem: RwSignal::new(problem),
            changed_elsewhere: RwSignal::new(false),
            quarantine_count: RwSignal::new(storage::quarantined().len()),
            page_version: RwSignal::new(0),
            import_outcome: RwSignal::new(None),
            pending_import: StoredValue::new(Vec::new()),
            persisted: RwSignal::new(None),
            last_export: RwSignal::new(settings.last_export.clone()),
            today: StoredValue::new(clock::today()),
            plans_version: RwSignal::new(0),
        };
        if chosen != Lang::Da {
            state.set_lang(chosen);
        }
        state
    }

    /// Says `text` in the live region. It is emptied first, so the same text twice is heard twice.
    pub fn announce(&self, text: impl Into<String>) {
        let text = text.into();
        let announcement = self.announcement;
        announcement.set(String::new());
        request_animation_frame(move || announcement.set(text));
    }

    /// Shows a confirmation in the notice area and says it in the live region.
    pub fn confirm(&self, text: String, undo: Option<Assessment>) {
        self.announce(text.clone());
        self.flash.set(Some(Flash { text, undo }));
    }

    /// The current language, untracked: components that show text are rebuilt when it changes.
    pub fn lang(&self) -> Lang {
        self.lang.get_untracked()
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        msg.get(self.lang())
    }

    pub fn catalogue(&self) -> &'static Catalogue {
        catalogue::current()
    }

    /// Switches language and remembers the choice. English texts are loaded the first time
    /// they are needed; the page stays Danish until they are there.
    pub fn set_lang(&self, lang: Lang) {
        let mut settings = storage::load_settings();
        settings.lang = Some(lang.code().to_owned());
        let _ = storage::save_settings(&settings);
        if lang == Lang::Da || i18n::english_installed() {
            self.lang.set(lang);
            return;
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            let loaded = files::fetch_text(i18n::ENGLISH_FILE).await.and_then(|json| i18n::install_english(&json));
            match loaded {
                Ok(()) => state.lang.set(lang),
                Err(_) => state.confirm(Msg::EnglishUnavailable.get(Lang::Da).to_owned(), None),
            }
        });
    }

    /// The assessment with this id (tracked).
    pub fn assessment(&self, id: &str) -> Option<Assessment> {
        self.assessments.with(|list| list.iter().find(|a| a.id == id).cloned())
    }

    pub fn assessment_untracked(&self, id: &str) -> Option<Assessment> {
        self.assessments.with_untracked(|list| list.iter().find(|a| a.id == id).cloned())
    }

    pub fn exists(&self, id: &str) -> bool {
        self.assessments.with(|list| list.iter().any(|a| a.id == id))
    }

    pub fn judge(&self, assessment: &Assessment) -> Judgement {
        let catalogue = catalogue::find(&assessment.catalogue.id).unwrap_or_else(catalogue::current);
        engine::judge(catalogue, assessment, &self.today.get_value())
    }

    fn record_save(&self, result: Result<(), StorageProblem>, now: String) {
        match result {
            Ok(()) => self.save.set(SaveState::Saved(now)),
            Err(problem) => self.save.set(SaveState::Failed(problem)),
        }
    }

    fn put(&self, assessment: Assessment) {
        self.assessments.update(|list| match list.iter_mut().find(|a| a.id == assessment.id) {
            Some(slot) => *slot = assessment,
            None => list.insert(0, assessment),
        });
    }

    /// Creates an assessment, saves it, and returns its id.
    pub fn create(&self) -> String {
        let now = clock::now();
        let mut assessment = Assessment::new(clock::new_id(), self.catalogue(), &now);
        assessment.profile.date = self.today.get_value();
        let result = storage::save(Collection::Assessments, &assessment);
        let id = assessment.id.clone();
        self.put(assessment);
        self.record_save(result, now);
        self.request_persistence();
        id
    }

    /// Applies one edit and writes it to storage at once, on top of the freshest stored copy.
    /// If storage fails, the edit is kept in memory and the failure is shown.
    pub fn edit(&self, id: &str, edit: &Edit) {
        let Some(current) = self.assessment_untracked(id) else { return };
        let now = clock::now();
        let (updated, result) = storage::update(Collection::Assessments, &current, |a| a.apply(edit, &now));
        self.put(updated);
        self.record_save(result, now);
    }

    pub fn rename(&self, id: &str, name: String) {
        self.edit(id, &Edit::ProfileText(ProfileField::PlanName, name));
        self.confirm(self.t(Msg::Renamed).to_owned(), None);
    }

    /// Saves a copy next to the original, and returns the copy's id.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let original = self.assessment_untracked(id)?;
        let lang = self.lang();
        let now = clock::now();
        let mut copy = original.clone();
        copy.id = clock::new_id();
        copy.created_at.clone_from(&now);
        copy.updated_at.clone_from(&now);
        copy.profile.plan_name = Msg::CopyOf.fill(lang, &[("name", &display_name(&original, lang))]);
        let result = storage::save(Collection::Assessments, &copy);
        let text = Msg::Duplicated.fill(lang, &[("name", &copy.profile.plan_name)]);
        let copy_id = copy.id.clone();
        self.put(copy);
        self.record_save(result, now);
        self.confirm(text, None);
        Some(copy_id)
    }

    /// Deletes an assessment; "Fortryd" in the notice brings it back.
    pub fn delete(&self, id: &str) -> bool {
        let Some(deleted) = self.assessment_untracked(id) else { return false };
        if let Err(problem) = storage::delete(Collection::Assessments, id) {
            self.save.set(SaveState::Failed(problem));
            return false;
        }
        self.assessments.update(|list| list.retain(|a| a.id != id));
        let text = Msg::Deleted.fill(self.lang(), &[("name", &display_name(&deleted, self.lang()))]);
        self.confirm(text, Some(deleted));
        true
    }

    /// Brings back the assessment deleted last; returns its id.
    pub fn undo_delete(&self) -> Option<String> {
        let assessment = self.flash.get_untracked().and_then(|flash| flash.undo)?;
        let lang = self.lang();
        let id = assessment.id.clone();
        let result = storage::save(Collection::Assessments, &assessment);
        let text = Msg::Restored.fill(lang, &[("name", &display_name(&assessment, lang))]);
        self.put(assessment);
        self.assessments.update(|list| newest_first(list));
        self.record_save(result, clock::now());
        self.confirm(text, None);
        Some(id)
    }

    /// Another tab wrote `key`: take its version in, so neither tab overwrites the other.
    pub fn storage_changed(&self, key: &str) {
        let Some(id) = Collection::Assessments.id_of(key) else { return };
        let open = self.route.with_untracked(|route| route.assessment_id() == Some(id));
        match storage::read(Collection::Assessments, id) {
            Some(Ok(fresh)) => self.put(fresh),
            Some(Err(_)) => {}
            None => self.assessments.update(|list| list.retain(|a| a.id != id)),
        }
        if open {
            self.changed_elsewhere.set(true);
        }
    }

    /// Asks the browser to keep this site's data under storage pressure, and remembers its answer.
    pub fn request_persistence(&self) {
        let persisted = self.persisted;
        leptos::task::spawn_local(async move {
            persisted.set(storage::request_persistence().await);
        });
    }

    /// Imports files, all or none: every file is checked completely, and one refused file
    /// refuses them all. An id that already exists here waits for the user to choose between
    /// replacing and keeping both.
    pub fn import_files(&self, files: &[ImportFile], collection: Collection) {
        match exchange::import_files(files) {
            Ok(imported) if collection == Collection::Participants => self.gather(imported),
            Ok(imported) => self.take_imported(imported),
            Err(refused) => {
                let reason = crate::domain::wording::file_refused(&refused, self.lang());
                self.import_outcome.set(Some(ImportOutcome::Refused(reason)));
            }
        }
        self.announce_import();
    }

    fn announce_import(&self) {
        let lang = self.lang();
        let text = match self.import_outcome.get_untracked() {
            Some(ImportOutcome::Refused(reason)) => format!("{}. {reason}", Msg::ImportRefused.get(lang)),
            Some(ImportOutcome::Imported(count)) => Msg::ImportDone.fill(lang, &[("count", &count.to_string())]),
            Some(ImportOutcome::Gathered(count)) => {
                Msg::ParticipantsImported.fill(lang, &[("count", &count.to_string())])
            }
            Some(ImportOutcome::Conflict(names)) => Msg::ImportConflict.fill(lang, &[("names", &names.join(", "))]),
            None => return,
        };
        self.announce(text);
    }

    fn take_imported(&self, imported: Vec<Assessment>) {
        let conflicts: Vec<String> = imported
            .iter()
            .filter(|a| self.assessment_untracked(&a.id).is_some())
            .map(|a| display_name(a, self.lang()))
            .collect();
        if conflicts.is_empty() {
            self.save_imported(imported);
        } else {
            self.pending_import.set_value(imported);
            self.import_outcome.set(Some(ImportOutcome::Conflict(conflicts)));
        }
    }

    /// Finishes a waiting import: replace the existing assessments, or keep both (the imported
    /// ones get new ids).
    pub fn resolve_import(&self, replace: bool) {
        let mut imported = self.pending_import.get_value();
        self.pending_import.set_value(Vec::new());
        if !replace {
            for assessment in &mut imported {
                if self.assessment_untracked(&assessment.id).is_some() {
                    assessment.id = clock::new_id();
                }
            }
        }
        self.save_imported(imported);
        self.announce_import();
    }

    pub fn cancel_import(&self) {
        self.pending_import.set_value(Vec::new());
        self.import_outcome.set(None);
        self.announce(self.t(Msg::ImportNothingChanged));
    }

    fn save_imported(&self, imported: Vec<Assessment>) {
        let count = imported.len();
        let mut result = Ok(());
        for assessment in imported {
            result = result.and(storage::save(Collection::Assessments, &assessment));
            self.put(assessment);
        }
        self.assessments.update(|list| newest_first(list));
        self.record_save(result, clock::now());
        self.import_outcome.set(Some(ImportOutcome::Imported(count)));
    }

    /// Keeps participants' answers for the workshop. The same participant's file again replaces
    /// the earlier one.
    fn gather(&self, imported: Vec<Assessment>) {
        let count = imported.len();
        let mut result = Ok(());
        for participant in imported {
            result = result.and(storage::save(Collection::Participants, &participant));
            self.participants.update(|list| {
                list.retain(|p| p.id != participant.id);
                list.push(participant);
            });
        }
        self.record_save(result, clock::now());
        self.import_outcome.set(Some(ImportOutcome::Gathered(count)));
    }

    pub fn remove_participants(&self) {
        match storage::delete_collection(Collection::Participants) {
            Ok(()) => {
                self.participants.set(Vec::new());
                self.import_outcome.set(None);
                self.confirm(self.t(Msg::ParticipantsRemoved).to_owned(), None);
            }
            Err(problem) => self.save.set(SaveState::Failed(problem)),
        }
    }

    /// Starts a consensus assessment from the participants' answers, and returns its id.
    pub fn start_consensus(&self) -> Option<String> {
        let lang = self.lang();
        let now = clock::now();
        let name = Msg::ConsensusName.fill(lang, &[("date", &self.today.get_value())]);
        let consensus = self.participants.with_untracked(|list| {
            (!list.is_empty()).then(|| workshop::consensus(self.catalogue(), list, clock::new_id(), &name, &now))
        })?;
        let id = consensus.id.clone();
        let result = storage::save(Collection::Assessments, &consensus);
        self.put(consensus);
        self.record_save(result, now);
        Some(id)
    }

    /// Offers the assessments (all, or the one with this id) as an export file, and remembers when.
    pub fn export(&self, id: Option<&str>) {
        let lang = self.lang();
        let now = clock::now();
        let chosen: Vec<Assessment> = self
            .assessments
            .with_untracked(|list| list.iter().filter(|a| id.is_none_or(|id| a.id == id)).cloned().collect());
        let Some(first) = chosen.first() else { return };
        let one = id.map(|_| display_name(first, lang));
        let name = render::report::export_file_name(one.as_deref(), &self.today.get_value());
        let file = exchange::export(&chosen, &now);
        if files::download(&name, "application/json", &file).is_err() {
            self.confirm(self.t(Msg::DownloadFailed).to_owned(), None);
            return;
        }
        let mut settings = storage::load_settings();
        settings.last_export = Some(now.clone());
        let _ = storage::save_settings(&settings);
        self.last_export.set(Some(now));
        self.confirm(Msg::Exported.fill(lang, &[("file", &name)]), None);
    }

    /// The report as one self-contained HTML file, made here in the browser.
    pub fn download_report(&self, id: &str) {
        let Some(assessment) = self.assessment_untracked(id) else { return };
        let lang = self.lang();
        let today = self.today.get_value();
        let name = render::report::plan_name(&assessment, lang);
        let body = render::report::report(self.catalogue(), &assessment, &self.judge(&assessment), &today, lang);
        let title = Msg::ReportTitle.fill(lang, &[("plan", &name)]);
        let file = render::report::standalone(&body, &page::stylesheet_text("report"), &name, &title, lang);
        let file_name = render::report::file_name(&name, &today);
        if files::download(&file_name, "text/html;charset=utf-8", &file).is_err() {
            self.confirm(self.t(Msg::DownloadFailed).to_owned(), None);
        }
    }

    /// "Slet alle mine data": the app's own keys only, and the plans kept in IndexedDB.
    pub fn delete_all(&self) {
        let plans_version = self.plans_version;
        leptos::task::spawn_local(async move {
            let _ = crate::browser::plan_store::remove_all().await;
            plans_version.update(|v| *v += 1);
        });
        match storage::delete_all_app_data() {
            Ok(_) => {
                self.assessments.set(Vec::new());
                self.participants.set(Vec::new());
                self.quarantine_count.set(0);
                self.last_export.set(None);
                self.confirm(self.t(Msg::DeletedAll).to_owned(), None);
            }
            Err(problem) => self.save.set(SaveState::Failed(problem)),
        }
    }

    pub fn delete_quarantined(&self, key: &str) {
        if storage::delete_quarantined(key).is_ok() {
            self.quarantine_count.set(storage::quarantined().len());
            self.confirm(self.t(Msg::DeletedUnreadable).to_owned(), None);
        }
    }

    pub fn download_quarantined(&self, key: &str) {
        if let Some(entry) = storage::quarantined().into_iter().find(|q| q.key == key) {
            let name = format!("helhedsplan-tjek-ulaeselige-data-{}.json", self.today.get_value());
            let _ = files::download(&name, "application/json", &entry.raw);
        }
    }

    /// Builds the page again from what is stored now.
    pub fn show_latest(&self) {
        self.changed_elsewhere.set(false);
        self.page_version.update(|v| *v += 1);
    }
}

/// Most recently changed first, as the start page lists them.
pub fn newest_first(list: &mut [Assessment]) {
    crate::domain::collections::stable_sort_by(list, |a, b| b.updated_at.cmp(&a.updated_at));
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
