//! Local storage, behind one small adapter. Every key carries the app's prefix, and nothing
//! outside that prefix is ever read, written or cleared.
//!
//! Writes go through gloo-storage. The storage object is always probed first with web-sys,
//! because gloo throws a JavaScript exception (not an error) when storage is blocked, as in a
//! sandboxed iframe.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage as _};

use crate::domain::assessment::Assessment;
use crate::domain::evaluation::file::{self as evaluation_file, Gathering};
use crate::domain::evaluation::Strategiskabelon;
use crate::domain::feedback::{self, AttachRefusal, Attached, Feedback, FeedbackError};
use crate::domain::file_format::{self, ReadError};
use crate::domain::review::{self, Review};
use crate::domain::settings::{Settings, SETTINGS_KEY};

pub const PREFIX: &str = "helhedsplan-tjek:";
const ASSESSMENT_PREFIX: &str = "helhedsplan-tjek:assessment:";
const PARTICIPANT_PREFIX: &str = "helhedsplan-tjek:participant:";
const QUARANTINE_PREFIX: &str = "helhedsplan-tjek:quarantine:";
const STRATEGISKABELON_PREFIX: &str = "helhedsplan-tjek:strategiskabelon:";
const GATHERED_PREFIX: &str = "helhedsplan-tjek:indmelding:";
const PROBE_KEY: &str = "helhedsplan-tjek:probe";

/// Why something could not be stored. Each reaches the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// No local storage: disabled, a private mode, or blocked in an iframe.
    Unavailable,
    /// The browser's quota for this site is used up.
    QuotaExceeded,
    Failed(String),
}

/// Which collection a record belongs to: the user's own assessments, or participants' answers
/// gathered for a workshop (kept apart so they can be removed together).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collection {
    Assessments,
    Participants,
}

impl Collection {
    fn prefix(self) -> &'static str {
        match self {
            Collection::Assessments => ASSESSMENT_PREFIX,
            Collection::Participants => PARTICIPANT_PREFIX,
        }
    }

    pub fn key(self, id: &str) -> String {
        format!("{}{id}", self.prefix())
    }

    /// The id of a record, if `key` is one of this collection's keys.
    pub fn id_of(self, key: &str) -> Option<&str> {
        key.strip_prefix(self.prefix())
    }
}

/// A record that could not be read, moved aside under its own key. Its raw text is kept as it
/// was, until the user deletes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    pub key: String,
    pub original_key: String,
    pub raw: String,
    pub problem: ReadError,
}

pub struct Loaded {
    pub records: Vec<Assessment>,
    /// Records quarantined by this load.
    pub newly_quarantined: usize,
}

fn web_storage() -> Result<web_sys::Storage, StorageProblem> {
    web_sys::window()
        .ok_or(StorageProblem::Unavailable)?
        .local_storage()
        .map_err(|_| StorageProblem::Unavailable)?
        .ok_or(StorageProblem::Unavailable)
}

/// Checks that storage exists and accepts a write.
pub fn probe() -> Result<(), StorageProblem> {
    let storage = web_storage()?;
    storage.set_item(PROBE_KEY, "1").map_err(|error| classify(&error))?;
    let _ = storage.remove_item(PROBE_KEY);
    Ok(())
}

fn classify(error: &wasm_bindgen::JsValue) -> StorageProblem {
    let name = js_sys::Reflect::get(error, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default();
    problem_from_name(&name, error.as_string().unwrap_or(name.clone()))
}

fn problem_from_name(name: &str, detail: String) -> StorageProblem {
    match name {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageProblem::QuotaExceeded,
        "SecurityError" => StorageProblem::Unavailable,
        _ => StorageProblem::Failed(detail),
    }
}

fn app_keys(storage: &web_sys::Storage, prefix: &str) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    let mut keys: Vec<String> =
        (0..count).filter_map(|i| storage.key(i).ok().flatten()).filter(|key| key.starts_with(prefix)).collect();
    crate::domain::collections::stable_sort_by(&mut keys, |a, b| a.cmp(b));
    keys
}

/// Writes a record's JSON text. Records are encoded by `file_format` (with their schema version)
/// rather than by gloo-storage's typed `set`, so storage and export files share one format.
fn write(key: &str, json: String) -> Result<(), StorageProblem> {
    web_storage()?;
    LocalStorage::raw().set_item(key, &json).map_err(|error| classify(&error))
}

fn read_raw(key: &str) -> Result<Option<String>, StorageProblem> {
    web_storage()?.get_item(key).map_err(|error| classify(&error))
}

/// Reads every record of a collection. Records that cannot be read are moved aside, never
/// deleted; if even that fails they stay where they are, untouched.
pub fn load(collection: Collection) -> Result<Loaded, StorageProblem> {
    let storage = web_storage()?;
    let mut records = Vec::new();
    let mut newly_quarantined = 0;
    for key in app_keys(&storage, collection.prefix()) {
        let Ok(Some(raw)) = storage.get_item(&key) else { continue };
        match file_format::decode_record(&raw) {
            Ok(record) => records.push(record),
            Err(_) => {
                if quarantine(&storage, &key, &raw).is_ok() {
                    newly_quarantined += 1;
                }
            }
        }
    }
    crate::domain::assessment::newest_first(&mut records);
    Ok(Loaded { records, newly_quarantined })
}

/// Copies the raw text under a quarantine key, and only then removes the original.
fn quarantine(storage: &web_sys::Storage, key: &str, raw: &str) -> Result<(), StorageProblem> {
    let stamp = js_sys::Date::new_0().get_time() as u64;
    let target = format!("{QUARANTINE_PREFIX}{stamp}:{key}");
    storage.set_item(&target, raw).map_err(|error| classify(&error))?;
    storage.remove_item(key).map_err(|error| classify(&error))
}

pub fn quarantined() -> Vec<Quarantined> {
    let Ok(storage) = web_storage() else { return Vec::new() };
    app_keys(&storage, QUARANTINE_PREFIX)
        .into_iter()
        .filter_map(|key| {
            let raw = storage.get_item(&key).ok().flatten()?;
            let original_key = key.strip_prefix(QUARANTINE_PREFIX)?.split_once(':')?.1.to_owned();
            let problem = read_problem(&original_key, &raw);
            Some(Quarantined { key, original_key, raw, problem })
        })
        .collect()
}

/// Why a quarantined record cannot be read, by the reader of the collection it came from.
fn read_problem(original_key: &str, raw: &str) -> ReadError {
    let evaluation = [STRATEGISKABELON_PREFIX, GATHERED_PREFIX].iter().any(|prefix| original_key.starts_with(prefix));
    let problem = if evaluation {
        evaluation_file::decode_record(raw).err()
    } else if original_key.starts_with(REVIEW_PREFIX) {
        review::decode_review(raw).err()
    } else if original_key.starts_with(FEEDBACK_PREFIX) {
        decode_feedback(raw).err()
    } else {
        file_format::decode_record(raw).err()
    };
    problem.unwrap_or(ReadError::WrongFormat)
}

/// Deletes one quarantined record: only ever at the user's request.
pub fn delete_quarantined(key: &str) -> Result<(), StorageProblem> {
    if !key.starts_with(QUARANTINE_PREFIX) {
        return Err(StorageProblem::Failed(format!("not a quarantine key: {key}")));
    }
    web_storage()?.remove_item(key).map_err(|error| classify(&error))
}

pub fn save(collection: Collection, record: &Assessment) -> Result<(), StorageProblem> {
    write(&collection.key(&record.id), file_format::encode_record(record))
}

/// The stored copy under `key`, which another tab may have changed since this one read it;
/// `current` when nothing readable is stored. An unreadable stored copy is quarantined first,
/// never overwritten.
fn freshest<T: Clone, E>(key: &str, current: &T, decode: impl FnOnce(&str) -> Result<T, E>) -> T {
    match read_raw(key) {
        Ok(Some(raw)) => decode(&raw).unwrap_or_else(|_| {
            if let Ok(storage) = web_storage() {
                let _ = quarantine(&storage, key, &raw);
            }
            current.clone()
        }),
        _ => current.clone(),
    }
}

/// Applies a change to the freshest stored copy and writes it back, so a change made in another
/// tab since this one last read is kept. `current` is used when nothing readable is stored; an
/// unreadable stored copy is quarantined first, never overwritten.
pub fn update(
    collection: Collection,
    current: &Assessment,
    change: impl FnOnce(&mut Assessment),
) -> (Assessment, Result<(), StorageProblem>) {
    let key = collection.key(&current.id);
    let mut fresh = freshest(&key, current, file_format::decode_record);
    change(&mut fresh);
    let result = save(collection, &fresh);
    (fresh, result)
}

/// Reads one record, for when another tab has changed it.
pub fn read(collection: Collection, id: &str) -> Option<Result<Assessment, ReadError>> {
    read_raw(&collection.key(id)).ok().flatten().map(|raw| file_format::decode_record(&raw))
}

pub fn delete(collection: Collection, id: &str) -> Result<(), StorageProblem> {
    web_storage()?.remove_item(&collection.key(id)).map_err(|error| classify(&error))
}

/// Removes every record of a collection (the participants' files of a workshop).
pub fn delete_collection(collection: Collection) -> Result<(), StorageProblem> {
    let storage = web_storage()?;
    for key in app_keys(&storage, collection.prefix()) {
        storage.remove_item(&key).map_err(|error| classify(&error))?;
    }
    Ok(())
}

// --- The kommune's evaluation ------------------------------------------------------------------------

/// The evaluation's two collections: a plan's own strategiskabeloner, and those the kommune has
/// gathered from plans' files. They are kept apart from each other and from the assessments, so
/// the kommune's gathered files can be cleared together; "Slet alle mine data" removes both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvaluationCollection {
    /// Keyed by the strategiskabelon's id.
    Own,
    /// Keyed by plan and period (`evaluation::file::gathered_key`): one per plan and period,
    /// so a newer file for the same plan and period takes the older one's place.
    Gathered,
}

impl EvaluationCollection {
    fn prefix(self) -> &'static str {
        match self {
            EvaluationCollection::Own => STRATEGISKABELON_PREFIX,
            EvaluationCollection::Gathered => GATHERED_PREFIX,
        }
    }

    pub fn key(self, skabelon: &Strategiskabelon) -> String {
        match self {
            EvaluationCollection::Own => format!("{}{}", self.prefix(), skabelon.id),
            EvaluationCollection::Gathered => format!("{}{}", self.prefix(), evaluation_file::gathered_key(skabelon)),
        }
    }

    /// Whether a key (say, of another tab's `storage` event) is one of this collection's.
    pub fn holds(self, key: &str) -> bool {
        key.starts_with(self.prefix())
    }

    /// What a key of this collection names: the strategiskabelon's id (`Own`), or its plan and
    /// period (`Gathered`).
    pub fn id_of(self, key: &str) -> Option<&str> {
        key.strip_prefix(self.prefix())
    }
}

pub struct LoadedEvaluations {
    /// Newest period first; within a period, by plan name.
    pub records: Vec<Strategiskabelon>,
    pub newly_quarantined: usize,
}

/// Reads every strategiskabelon of a collection; unreadable records are moved aside, as
/// assessments are.
pub fn load_evaluations(collection: EvaluationCollection) -> Result<LoadedEvaluations, StorageProblem> {
    let storage = web_storage()?;
    let mut records: Vec<Strategiskabelon> = Vec::new();
    let mut newly_quarantined = 0;
    for key in app_keys(&storage, collection.prefix()) {
        let Ok(Some(raw)) = storage.get_item(&key) else { continue };
        match evaluation_file::decode_record(&raw) {
            Ok(record) => records.push(record),
            Err(_) => {
                if quarantine(&storage, &key, &raw).is_ok() {
                    newly_quarantined += 1;
                }
            }
        }
    }
    crate::domain::evaluation::newest_period_first(&mut records);
    Ok(LoadedEvaluations { records, newly_quarantined })
}

pub fn save_evaluation(collection: EvaluationCollection, record: &Strategiskabelon) -> Result<(), StorageProblem> {
    write(&collection.key(record), evaluation_file::encode_record(record))
}

/// Applies a change to the freshest stored copy of one of the plan's own strategiskabeloner and
/// writes it back (see `update`).
pub fn update_evaluation(
    current: &Strategiskabelon,
    change: impl FnOnce(&mut Strategiskabelon),
) -> (Strategiskabelon, Result<(), StorageProblem>) {
    let key = EvaluationCollection::Own.key(current);
    let mut fresh = freshest(&key, current, evaluation_file::decode_record);
    change(&mut fresh);
    let result = save_evaluation(EvaluationCollection::Own, &fresh);
    (fresh, result)
}

/// Writes what an import of the kommune's files added or replaced.
pub fn save_gathering(gathering: &Gathering) -> Result<(), StorageProblem> {
    for record in &gathering.changed {
        save_evaluation(EvaluationCollection::Gathered, record)?;
    }
    Ok(())
}

pub fn delete_evaluation(collection: EvaluationCollection, record: &Strategiskabelon) -> Result<(), StorageProblem> {
    web_storage()?.remove_item(&collection.key(record)).map_err(|error| classify(&error))
}

/// Removes every record of an evaluation collection (the kommune's gathered files).
pub fn delete_evaluation_collection(collection: EvaluationCollection) -> Result<(), StorageProblem> {
    let storage = web_storage()?;
    for key in app_keys(&storage, collection.prefix()) {
        storage.remove_item(&key).map_err(|error| classify(&error))?;
    }
    Ok(())
}

// --- The kommune's review, and its feedback on the organisation's side --------------------------

/// A caseworker's reviews, kept apart from the caseworker's own assessments; keyed by review id.
const REVIEW_PREFIX: &str = "helhedsplan-tjek:review:";
/// The kommune's feedback attached to an assessment here; keyed by the assessment's id, so an
/// assessment has at most one, and its own record and schema stay untouched.
const FEEDBACK_PREFIX: &str = "helhedsplan-tjek:feedback:";

pub fn review_key(id: &str) -> String {
    format!("{REVIEW_PREFIX}{id}")
}

pub fn feedback_key(assessment_id: &str) -> String {
    format!("{FEEDBACK_PREFIX}{assessment_id}")
}

/// The review id of a review key, say of another tab's `storage` event.
pub fn review_id_of(key: &str) -> Option<&str> {
    key.strip_prefix(REVIEW_PREFIX)
}

/// The assessment id of a feedback key.
pub fn feedback_assessment_of(key: &str) -> Option<&str> {
    key.strip_prefix(FEEDBACK_PREFIX)
}

/// A feedback's reader as a stored record's: what it refuses, in `ReadError`'s terms.
fn decode_feedback(raw: &str) -> Result<Feedback, ReadError> {
    feedback::read_feedback(raw).map_err(|error| match error {
        FeedbackError::Read(problem) => problem,
        FeedbackError::TooLarge { .. } | FeedbackError::Empty | FeedbackError::AssessmentFile => ReadError::WrongFormat,
    })
}

/// Every readable record under `prefix`; unreadable ones are moved aside, never deleted.
fn load_records<T>(prefix: &str, decode: fn(&str) -> Result<T, ReadError>) -> Result<(Vec<T>, usize), StorageProblem> {
    let storage = web_storage()?;
    let mut records = Vec::new();
    let mut newly_quarantined = 0;
    for key in app_keys(&storage, prefix) {
        let Ok(Some(raw)) = storage.get_item(&key) else { continue };
        match decode(&raw) {
            Ok(record) => records.push(record),
            Err(_) => {
                if quarantine(&storage, &key, &raw).is_ok() {
                    newly_quarantined += 1;
                }
            }
        }
    }
    Ok((records, newly_quarantined))
}

pub struct LoadedReviews {
    /// Most recently changed first.
    pub records: Vec<Review>,
    pub newly_quarantined: usize,
}

pub fn load_reviews() -> Result<LoadedReviews, StorageProblem> {
    let (mut records, newly_quarantined) = load_records(REVIEW_PREFIX, review::decode_review)?;
    crate::domain::collections::stable_sort_by(&mut records, |a: &Review, b: &Review| b.updated_at.cmp(&a.updated_at));
    Ok(LoadedReviews { records, newly_quarantined })
}

pub fn save_review(record: &Review) -> Result<(), StorageProblem> {
    write(&review_key(&record.id), review::encode_review(record))
}

/// Applies a change to the freshest stored copy of a review and writes it back (see `update`).
pub fn update_review(current: &Review, change: impl FnOnce(&mut Review)) -> (Review, Result<(), StorageProblem>) {
    let key = review_key(&current.id);
    let mut fresh = freshest(&key, current, review::decode_review);
    change(&mut fresh);
    let result = save_review(&fresh);
    (fresh, result)
}

/// Reads one review, for when another tab has changed it.
pub fn read_review(id: &str) -> Option<Result<Review, ReadError>> {
    read_raw(&review_key(id)).ok().flatten().map(|raw| review::decode_review(&raw))
}

pub fn delete_review(id: &str) -> Result<(), StorageProblem> {
    web_storage()?.remove_item(&review_key(id)).map_err(|error| classify(&error))
}

pub struct LoadedFeedback {
    /// One per assessment, in the order of the assessments' ids.
    pub records: Vec<Feedback>,
    pub newly_quarantined: usize,
}

/// Every feedback attached to an assessment here.
pub fn load_feedback() -> Result<LoadedFeedback, StorageProblem> {
    let (records, newly_quarantined) = load_records(FEEDBACK_PREFIX, decode_feedback)?;
    Ok(LoadedFeedback { records, newly_quarantined })
}

/// The feedback attached to one assessment, if any.
pub fn read_attached_feedback(assessment_id: &str) -> Option<Result<Feedback, ReadError>> {
    read_raw(&feedback_key(assessment_id)).ok().flatten().map(|raw| decode_feedback(&raw))
}

/// Why an imported feedback was not attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttachProblem {
    /// The domain refused it (another assessment, an older version); nothing was written.
    Refused(AttachRefusal),
    Storage(StorageProblem),
}

/// Attaches an imported feedback to the assessment it answers, checked against `assessments` and
/// the feedback already stored. Storage changes only when the feedback is attached: a refusal,
/// or the same feedback again, writes nothing.
pub fn attach_feedback(feedback: &Feedback, assessments: &[Assessment]) -> Result<Attached, AttachProblem> {
    let attached = load_feedback().map_err(AttachProblem::Storage)?.records;
    let outcome = feedback::attach(feedback, assessments, &attached).map_err(AttachProblem::Refused)?;
    if outcome != Attached::AlreadyAttached {
        write(&feedback_key(&feedback.assessment.id), feedback::encode_feedback(feedback))
            .map_err(AttachProblem::Storage)?;
    }
    Ok(outcome)
}

/// Keeps a feedback as attached to its assessment as it is, without the checks of
/// `attach_feedback`: for bringing back one removed with its assessment ("Fortryd").
pub fn save_feedback(feedback: &Feedback) -> Result<(), StorageProblem> {
    write(&feedback_key(&feedback.assessment.id), feedback::encode_feedback(feedback))
}

/// Removes the feedback attached to an assessment (when the assessment is deleted, or at the
/// user's request).
pub fn delete_feedback(assessment_id: &str) -> Result<(), StorageProblem> {
    web_storage()?.remove_item(&feedback_key(assessment_id)).map_err(|error| classify(&error))
}

/// "Slet alle mine data": removes the app's own keys and nothing else.
pub fn delete_all_app_data() -> Result<usize, StorageProblem> {
    let storage = web_storage()?;
    let keys = app_keys(&storage, PREFIX);
    for key in &keys {
        storage.remove_item(key).map_err(|error| classify(&error))?;
    }
    Ok(keys.len())
}

/// The settings; defaults for anything missing or unreadable (they are preferences only).
pub fn load_settings() -> Settings {
    // gloo throws, rather than returns an error, where storage is blocked: look first.
    if web_storage().is_err() {
        return Settings::default();
    }
    LocalStorage::get(SETTINGS_KEY).unwrap_or_default()
}

pub fn save_settings(settings: &Settings) -> Result<(), StorageProblem> {
    web_storage()?;
    LocalStorage::set(SETTINGS_KEY, settings).map_err(|error| match error {
        StorageError::JsError(error) => problem_from_name(&error.name, error.message),
        other => StorageProblem::Failed(other.to_string()),
    })
}

/// Asks the browser to keep this site's storage under pressure. Resolves to whether it will.
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_bool()
}
