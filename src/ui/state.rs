//! The app's shared state, and the operations the controller calls. It wires the browser store
//! to the domain; it decides nothing the domain should decide.

use leptos::prelude::*;

use crate::browser::storage::{self, Collection, StorageProblem};
use crate::browser::{clock, files, page, worker};
use crate::domain::assessment::{Assessment, Edit, ProfileField};
use crate::domain::catalogue::{self, Catalogue};
use crate::domain::engine::{self, Judgement};
use crate::domain::i18n::{self, Lang, Msg};
use crate::domain::json::ObjectWriter;
use crate::domain::route::Route;
use crate::render::data::{Confirm, ImportOutcome};
use crate::render::start::{display_name, RowMode};
use crate::render::worker::imported_records;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the page opened.
    Idle,
    /// The last change is in storage; the time it was saved.
    Saved(String),
    /// The last change is only in this page's memory.
    Failed(StorageProblem),
}

/// Where focus goes once the page shows it: parts made by the worker arrive a moment after the
/// page is built, so focus waits for its target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    MainHeading,
    Id(String),
}

/// A file picked for import: its text, or only its size when it is too large to read.
pub enum FileContent {
    Text(String),
    TooLarge(usize),
}

/// A short message in the notice area, such as "deleted, undo?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    /// The deleted assessment that "Fortryd" brings back.
    pub undo: Option<Assessment>,
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
    /// Set when storage cannot be used at all; the app then works in memory and says so.
    pub storage_problem: RwSignal<Option<StorageProblem>>,
    /// Set when another tab changed the assessment on screen.
    pub changed_elsewhere: RwSignal<bool>,
    /// Records moved aside because they could not be read.
    pub quarantine_count: RwSignal<usize>,
    /// What a row of the start page's list is doing.
    pub row_mode: RwSignal<RowMode>,
    /// Bumped to render the current page again from storage (after another tab's change).
    pub page_version: RwSignal<u32>,
    /// What the last import did, on "Dine data" (and the workshop page).
    pub import_outcome: RwSignal<Option<ImportOutcome>>,
    /// An import waiting for "replace or keep both".
    pub pending_import: StoredValue<Vec<Assessment>>,
    /// What "Dine data" is asking the user to confirm.
    pub confirm: RwSignal<Confirm>,
    /// Whether the browser promised to keep this site's data (None: not known yet).
    pub persisted: RwSignal<Option<bool>>,
    /// When the last backup was exported.
    pub last_export: RwSignal<Option<String>>,
    pub today: StoredValue<String>,
    /// Notified whenever a part made by the worker arrives on screen.
    pub part_arrived: Trigger,
    pub focus_pending: StoredValue<Option<FocusTarget>>,
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
            storage_problem: RwSignal::new(problem),
            changed_elsewhere: RwSignal::new(false),
            quarantine_count: RwSignal::new(storage::quarantined().len()),
            row_mode: RwSignal::new(RowMode::Idle),
            page_version: RwSignal::new(0),
            import_outcome: RwSignal::new(None),
            pending_import: StoredValue::new(Vec::new()),
            confirm: RwSignal::new(Confirm::Nothing),
            persisted: RwSignal::new(None),
            last_export: RwSignal::new(settings.last_export.clone()),
            today: StoredValue::new(clock::today()),
            part_arrived: Trigger::new(),
            focus_pending: StoredValue::new(None),
        };
        if chosen != Lang::Da {
            state.set_lang(chosen);
        }
        state
    }

    /// Moves focus to `target` as soon as it is on screen.
    pub fn focus_when_shown(&self, target: FocusTarget) {
        self.focus_pending.set_value(Some(target));
        let state = *self;
        request_animation_frame(move || state.settle());
    }

    /// After something new is shown: the title follows the page's heading, and focus that is
    /// waiting lands once its target exists.
    pub fn settle(&self) {
        page::title_from_heading();
        let Some(target) = self.focus_pending.get_value() else { return };
        let landed = match &target {
            FocusTarget::MainHeading => page::focus_main_heading(),
            FocusTarget::Id(id) => page::focus_id(id),
        };
        if landed {
            self.focus_pending.set_value(None);
        }
    }

    /// The current language. Untracked: the whole UI is rebuilt when the language changes.
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
            let loaded = files::fetch_text(i18n::ENGLISH_FILE).await.and_then(|json| {
                i18n::install_english(&json)?;
                worker::set_english(json);
                Ok(())
            });
            match loaded {
                Ok(()) => state.lang.set(lang),
                Err(_) => {
                    state.flash.set(Some(Flash { text: Msg::EnglishUnavailable.get(Lang::Da).to_owned(), undo: None }))
                }
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
        self.flash.set(Some(Flash { text: self.t(Msg::Renamed).to_owned(), undo: None }));
    }

    pub fn duplicate(&self, id: &str) {
        let Some(original) = self.assessment_untracked(id) else { return };
        let lang = self.lang();
        let now = clock::now();
        let mut copy = original.clone();
        copy.id = clock::new_id();
        copy.created_at.clone_from(&now);
        copy.updated_at.clone_from(&now);
        copy.profile.plan_name = Msg::CopyOf.fill(lang, &[("name", &display_name(&original, lang))]);
        let result = storage::save(Collection::Assessments, &copy);
        let text = Msg::Duplicated.fill(lang, &[("name", &copy.profile.plan_name)]);
        self.put(copy);
        self.record_save(result, now);
        self.flash.set(Some(Flash { text, undo: None }));
    }

    /// Deletes an assessment; "Fortryd" in the notice brings it back.
    pub fn delete(&self, id: &str) {
        let Some(deleted) = self.assessment_untracked(id) else { return };
        if let Err(problem) = storage::delete(Collection::Assessments, id) {
            self.save.set(SaveState::Failed(problem));
            return;
        }
        self.assessments.update(|list| list.retain(|a| a.id != id));
        let text = Msg::Deleted.fill(self.lang(), &[("name", &display_name(&deleted, self.lang()))]);
        self.flash.set(Some(Flash { text, undo: Some(deleted) }));
    }

    pub fn undo_delete(&self) {
        let Some(assessment) = self.flash.get_untracked().and_then(|flash| flash.undo) else { return };
        let lang = self.lang();
        let result = storage::save(Collection::Assessments, &assessment);
        let text = Msg::Restored.fill(lang, &[("name", &display_name(&assessment, lang))]);
        self.put(assessment);
        self.assessments.update(|list| newest_first(list));
        self.record_save(result, clock::now());
        self.flash.set(Some(Flash { text, undo: None }));
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

    /// Imports files, all or none: the worker checks every file completely, and one refused file
    /// refuses them all. An id that already exists here waits for the user to choose between
    /// replacing and keeping both. `done` runs once the outcome is shown.
    pub fn import_files(
        &self,
        files: Vec<(String, FileContent)>,
        collection: Collection,
        done: impl FnOnce() + 'static,
    ) {
        let state = *self;
        let lang = self.lang();
        let fields = |request: &mut ObjectWriter| {
            let list = request.key("files");
            list.push('[');
            for (n, (name, text)) in files.iter().enumerate() {
                if n > 0 {
                    list.push(',');
                }
                let mut file = ObjectWriter::new(list);
                file.string("name", name);
                match text {
                    FileContent::Text(text) => file.string("text", text),
                    FileContent::TooLarge(bytes) => file.raw("bytes", &bytes.to_string()),
                }
                file.end();
            }
            list.push(']');
        };
        worker::call("import", lang, fields, move |reply| {
            match reply {
                Ok(records) => state.take_imported(imported_records(&records), collection),
                Err(reason) => {
                    let reason = if reason.is_empty() { Msg::PartUnavailable.get(lang).to_owned() } else { reason };
                    state.import_outcome.set(Some(ImportOutcome::Refused(reason)));
                }
            }
            done();
        });
    }

    fn take_imported(&self, imported: Vec<Assessment>, collection: Collection) {
        if collection == Collection::Participants {
            self.gather(imported);
            return;
        }
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
    }

    pub fn cancel_import(&self) {
        self.pending_import.set_value(Vec::new());
        self.import_outcome.set(None);
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
                self.flash.set(Some(Flash { text: self.t(Msg::ParticipantsRemoved).to_owned(), undo: None }));
            }
            Err(problem) => self.save.set(SaveState::Failed(problem)),
        }
    }

    /// Starts a consensus assessment from the participants' answers (made by the worker);
    /// `done` gets its id once it is saved.
    pub fn start_consensus(&self, done: impl FnOnce(String) + 'static) {
        if self.participants.with_untracked(Vec::is_empty) {
            return;
        }
        let state = *self;
        let lang = self.lang();
        let participants = self.participants.with_untracked(|list| crate::render::worker::records(list));
        let now = clock::now();
        let name = Msg::ConsensusName.fill(lang, &[("date", &self.today.get_value())]);
        let fields = |request: &mut ObjectWriter| {
            request.raw("participants", &participants);
            request.string("assessmentId", &clock::new_id());
            request.string("name", &name);
            request.string("now", &now);
        };
        let saved_at = now.clone();
        worker::call("consensus", lang, fields, move |reply| {
            let Some(consensus) = reply.ok().and_then(|record| imported_records(&record).pop()) else {
                state.flash.set(Some(Flash { text: Msg::PartUnavailable.get(lang).to_owned(), undo: None }));
                return;
            };
            let id = consensus.id.clone();
            let result = storage::save(Collection::Assessments, &consensus);
            state.put(consensus);
            state.record_save(result, saved_at);
            done(id);
        });
    }

    /// Offers the assessments as an export file (written by the worker), and remembers when.
    pub fn export(&self, ids: Option<&str>) {
        let state = *self;
        let lang = self.lang();
        let now = clock::now();
        let chosen: Vec<Assessment> = self
            .assessments
            .with_untracked(|list| list.iter().filter(|a| ids.is_none_or(|id| a.id == id)).cloned().collect());
        let Some(first) = chosen.first() else { return };
        let one = ids.map(|_| display_name(first, lang));
        let name = crate::render::data::export_file_name(one.as_deref(), &self.today.get_value());
        let fields = |request: &mut ObjectWriter| {
            request.raw("records", &crate::render::worker::records(&chosen));
            request.string("now", &now);
        };
        let exported_at = now.clone();
        worker::call("export", lang, fields, move |file| {
            let saved = file.is_ok_and(|file| files::download(&name, "application/json", &file).is_ok());
            if !saved {
                state.flash.set(Some(Flash { text: state.t(Msg::DownloadFailed).to_owned(), undo: None }));
                return;
            }
            let mut settings = storage::load_settings();
            settings.last_export = Some(exported_at.clone());
            let _ = storage::save_settings(&settings);
            state.last_export.set(Some(exported_at));
            state.flash.set(Some(Flash { text: Msg::Exported.fill(lang, &[("file", &name)]), undo: None }));
        });
    }

    /// "Slet alle mine data": the app's own keys only.
    pub fn delete_all(&self) {
        match storage::delete_all_app_data() {
            Ok(_) => {
                self.assessments.set(Vec::new());
                self.participants.set(Vec::new());
                self.quarantine_count.set(0);
                self.last_export.set(None);
                self.flash.set(Some(Flash { text: self.t(Msg::DeletedAll).to_owned(), undo: None }));
            }
            Err(problem) => self.save.set(SaveState::Failed(problem)),
        }
    }

    pub fn delete_quarantined(&self, key: &str) {
        if storage::delete_quarantined(key).is_ok() {
            self.quarantine_count.set(storage::quarantined().len());
            self.flash.set(Some(Flash { text: self.t(Msg::DeletedUnreadable).to_owned(), undo: None }));
        }
    }

    pub fn download_quarantined(&self, key: &str) {
        if let Some(entry) = storage::quarantined().into_iter().find(|q| q.key == key) {
            let name = format!("helhedsplan-tjek-ulaeselige-data-{}.json", self.today.get_value());
            let _ = files::download(&name, "application/json", &entry.raw);
        }
    }

    /// Renders the page again from what is stored now.
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
