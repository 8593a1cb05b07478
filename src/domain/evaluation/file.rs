//! Strategiskabeloner on disk: the record local storage keeps, the export file a plan sends to
//! the kommune, strict reading with a Danish what-and-where for every refusal, and the kommune's
//! import of many files at once.
//!
//! The format has its own name and schema numbering, apart from the assessment's. Adding a
//! schema version: bump `SCHEMA_VERSION`, append one step to `MIGRATIONS`, keep the old
//! version's fixtures in `tests/fixtures/evaluation-schema-N/` and add the new ones.
//!
//! Unlike the assessment import (all or none), the kommune's import takes each file on its own:
//! a broken file is refused with its name and reason, and the others still load.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::scheme::scheme;
use super::Strategiskabelon;
use crate::domain::catalogue;
use crate::domain::date;
use crate::domain::exchange::ImportFile;
use crate::domain::file_format::{self, check_header_of, parse, Migration, ReadError, APP_VERSION};
use crate::domain::strict_json;
use crate::domain::validate::{is_valid_id, Problem, ProblemKind, MAX_LONG_TEXT, MAX_SHORT_TEXT};

/// One strategiskabelon as kept in local storage (the plan's own, and the kommune's gathered).
pub const RECORD_FORMAT: &str = "helhedsplan-tjek.strategiskabelon";
/// The file a plan sends to the kommune: one or more strategiskabeloner.
pub const EXPORT_FORMAT: &str = "helhedsplan-tjek.strategiskabeloner";
/// The strategiskabelon schema this build writes.
pub const SCHEMA_VERSION: u32 = 1;
/// `MIGRATIONS[n]` turns a strategiskabelon object of schema `n + 1` into schema `n + 2`.
pub const MIGRATIONS: &[Migration] = &[];

/// Files larger than this are refused unread (a file of 200 activities is about 100 KB).
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// Strategiskabeloner in one export file.
pub const MAX_PER_FILE: usize = 100;
/// Files in one import: more than the kommune's plans, fewer than would stall the page.
pub const MAX_FILES: usize = 200;
/// Activities in one strategiskabelon (the 2010 round averaged 21).
pub const MAX_ACTIVITIES: usize = 200;

const APP_NAME: &str = "Helhedsplan-tjek";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct App {
    name: String,
    version: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RecordOut<'a> {
    format: &'static str,
    schema_version: u32,
    strategiskabelon: &'a Strategiskabelon,
}

/// `format` and `schemaVersion` are checked on the tree before migrating.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RecordIn {
    #[allow(dead_code)]
    format: IgnoredAny,
    #[allow(dead_code)]
    schema_version: IgnoredAny,
    strategiskabelon: Strategiskabelon,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExportOut<'a> {
    format: &'static str,
    schema_version: u32,
    app: App,
    exported_at: &'a str,
    strategiskabeloner: &'a [Strategiskabelon],
}

/// `app` and `exportedAt` describe the file and may be left out, but not be wrong.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
struct ExportIn {
    format: IgnoredAny,
    schema_version: IgnoredAny,
    #[serde(default, deserialize_with = "present")]
    app: Option<App>,
    #[serde(default, deserialize_with = "present")]
    exported_at: Option<String>,
    strategiskabeloner: Vec<Strategiskabelon>,
}

fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// The local-storage form: compact JSON, fields in a fixed order.
pub fn encode_record(skabelon: &Strategiskabelon) -> String {
    let record = RecordOut { format: RECORD_FORMAT, schema_version: SCHEMA_VERSION, strategiskabelon: skabelon };
    serde_json::to_string(&record).expect("a strategiskabelon serializes")
}

/// Reads a stored record of any released schema, migrating it to the current one.
pub fn decode_record(text: &str) -> Result<Strategiskabelon, ReadError> {
    read_record(parse(text)?)
}

fn read_record(mut value: Value) -> Result<Strategiskabelon, ReadError> {
    let schema = check_header_of(&value, RECORD_FORMAT, SCHEMA_VERSION)?;
    if let Some(skabelon) = value.get_mut("strategiskabelon") {
        migrate_in_place(skabelon, schema)?;
    }
    let record: RecordIn = strict_json::from_value(&value).map_err(ReadError::Invalid)?;
    validate(&record.strategiskabelon, "strategiskabelon").map_err(ReadError::Invalid)?;
    Ok(record.strategiskabelon)
}

fn migrate_in_place(skabelon: &mut Value, schema: u32) -> Result<(), ReadError> {
    if schema < SCHEMA_VERSION {
        *skabelon = file_format::migrate(skabelon.take(), schema, MIGRATIONS)?;
    }
    Ok(())
}

/// The file to send to the kommune, pretty-printed so a person can read it.
pub fn export(skabeloner: &[Strategiskabelon], exported_at: &str) -> String {
    let file = ExportOut {
        format: EXPORT_FORMAT,
        schema_version: SCHEMA_VERSION,
        app: App { name: APP_NAME.to_owned(), version: APP_VERSION.to_owned() },
        exported_at,
        strategiskabeloner: skabeloner,
    };
    let mut text = serde_json::to_string_pretty(&file).expect("an export serializes");
    text.push('\n');
    text
}

/// Why a file was refused (`wording::file_error` says it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not a strategiskabelon.
    WrongFormat,
    /// An assessment's export: a file for "Dine data", not for the evaluation.
    AssessmentFile,
    NewerSchema(u32),
    BadSchema,
    MigrationFailed {
        from: u32,
        reason: String,
    },
    Invalid(Problem),
    NoStrategiskabeloner,
    TooManyInFile(usize),
    /// The same strategiskabelon id twice in one file.
    DuplicateId(String),
    /// Beyond `MAX_FILES` in one import.
    TooManyFiles,
}

impl From<ReadError> for FileError {
    fn from(error: ReadError) -> Self {
        match error {
            ReadError::NotJson { line, column } => FileError::NotJson { line, column },
            ReadError::WrongFormat => FileError::WrongFormat,
            ReadError::NewerSchema(found) => FileError::NewerSchema(found),
            ReadError::BadSchema => FileError::BadSchema,
            ReadError::MigrationFailed { from, reason } => FileError::MigrationFailed { from, reason },
            ReadError::Invalid(problem) => FileError::Invalid(problem),
        }
    }
}

/// Reads one file (an export, or a single stored record) completely, or refuses it.
pub fn read_file(text: &str) -> Result<Vec<Strategiskabelon>, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let mut value = parse(text)?;
    match value.get("format").and_then(Value::as_str) {
        Some(EXPORT_FORMAT) => {}
        Some(RECORD_FORMAT) => {
            let skabelon = read_record(value)?;
            ready_to_send(&skabelon, "strategiskabelon").map_err(FileError::Invalid)?;
            return Ok(vec![skabelon]);
        }
        Some(file_format::EXPORT_FORMAT | file_format::RECORD_FORMAT) => return Err(FileError::AssessmentFile),
        _ => return Err(FileError::WrongFormat),
    }
    let schema = check_header_of(&value, EXPORT_FORMAT, SCHEMA_VERSION)?;
    // Counted before anything is read, so a huge list is refused at once.
    if let Some(Value::Array(list)) = value.get_mut("strategiskabeloner") {
        if list.is_empty() {
            return Err(FileError::NoStrategiskabeloner);
        }
        if list.len() > MAX_PER_FILE {
            return Err(FileError::TooManyInFile(list.len()));
        }
        for skabelon in list.iter_mut() {
            migrate_in_place(skabelon, schema)?;
        }
    }
    let file: ExportIn = strict_json::from_value(&value).map_err(FileError::Invalid)?;
    if let Some(stamp) = file.exported_at.filter(|stamp| !date::is_timestamp(stamp)) {
        return Err(FileError::Invalid(Problem::at("exportedAt", ProblemKind::BadTimestamp(stamp))));
    }
    let mut read: Vec<Strategiskabelon> = Vec::with_capacity(file.strategiskabeloner.len());
    for (n, skabelon) in file.strategiskabeloner.into_iter().enumerate() {
        let at = format!("strategiskabeloner[{n}]");
        validate(&skabelon, &at).and_then(|()| ready_to_send(&skabelon, &at)).map_err(FileError::Invalid)?;
        if read.iter().any(|s| s.id == skabelon.id) {
            return Err(FileError::DuplicateId(skabelon.id));
        }
        read.push(skabelon);
    }
    Ok(read)
}

/// Checks what serde cannot: ids, times, lengths, counts, and that every choice and item exists
/// in the evaluation's lists and the catalogue.
pub fn validate(s: &Strategiskabelon, path: &str) -> Result<(), Problem> {
    let at = |field: &str| format!("{path}.{field}");
    let fail = |field: &str, kind| Err(Problem::at(&at(field), kind));
    for (field, id) in [("id", &s.id), ("plan.id", &s.plan.id)] {
        if !is_valid_id(id) {
            return fail(field, ProblemKind::BadId(id.clone()));
        }
    }
    if let Some(id) = s.plan.assessment.as_ref().filter(|id| !is_valid_id(id)) {
        return fail("plan.assessment", ProblemKind::BadId(id.clone()));
    }
    let Some(catalogue) = catalogue::find(&s.catalogue.id).filter(|c| c.reads_version(&s.catalogue.version)) else {
        return fail(
            "catalogue",
            ProblemKind::UnknownCatalogue { id: s.catalogue.id.clone(), version: s.catalogue.version.clone() },
        );
    };
    for (field, stamp) in [("createdAt", &s.created_at), ("updatedAt", &s.updated_at)] {
        if !date::is_timestamp(stamp) {
            return fail(field, ProblemKind::BadTimestamp(stamp.clone()));
        }
    }
    let plan = &s.plan;
    let texts = [
        ("plan.name", &plan.name),
        ("plan.organisation", &plan.organisation),
        ("plan.housingArea", &plan.housing_area),
    ];
    check_lengths(path, &texts, MAX_SHORT_TEXT)?;
    if s.activities.len() > MAX_ACTIVITIES {
        return fail("activities", ProblemKind::TooMany { max: MAX_ACTIVITIES });
    }
    let lists = scheme();
    for (n, activity) in s.activities.iter().enumerate() {
        let at = at(&format!("activities[{n}]"));
        if !is_valid_id(&activity.id) {
            return Err(Problem::at(&format!("{at}.id"), ProblemKind::BadId(activity.id.clone())));
        }
        if s.activities[..n].iter().any(|a| a.id == activity.id) {
            return Err(Problem::at(&format!("{path}.activities"), ProblemKind::Repeated(activity.id.clone())));
        }
        check_lengths(&at, &[("name", &activity.name), ("reason", &activity.reason)], MAX_SHORT_TEXT)?;
        if let Some(group) = activity.target_groups.iter().find(|g| lists.target_group(g).is_none()) {
            let choices = lists.target_groups.iter().map(|g| g.id);
            return Err(Problem::at(&format!("{at}.targetGroups"), unknown(group, choices)));
        }
        if let Some(item) = activity.items.iter().find(|i| catalogue.item(i).is_none()) {
            return Err(Problem::at(&format!("{at}.items"), ProblemKind::UnknownItem(item.clone())));
        }
        if let Some(progress) = activity.progress.as_ref().filter(|p| lists.progress_level(p).is_none()) {
            let choices = lists.progress.iter().map(|l| l.id);
            return Err(Problem::at(&format!("{at}.progress"), unknown(progress, choices)));
        }
    }
    for (collaboration, rating) in &s.ratings {
        if lists.collaboration(collaboration).is_none() {
            return fail("ratings", unknown(collaboration, lists.collaborations.iter().map(|c| c.id)));
        }
        let at = at(&format!("ratings.{collaboration}"));
        if let Some(level) = rating.level.as_ref().filter(|l| lists.rating_level(l).is_none()) {
            let choices = lists.rating_levels.iter().map(|l| l.id);
            return Err(Problem::at(&format!("{at}.level"), unknown(level, choices)));
        }
        check_lengths(&at, &[("comment", &rating.comment)], MAX_LONG_TEXT)?;
    }
    for (challenge, note) in &s.challenges {
        if lists.challenge(challenge).is_none() {
            return fail("challenges", unknown(challenge, lists.challenges.iter().map(|c| c.id)));
        }
        check_lengths(&at(&format!("challenges.{challenge}")), &[("comment", &note.comment)], MAX_LONG_TEXT)?;
    }
    Ok(())
}

/// What a file sent to the kommune must have beyond what a stored record may lack while it is
/// being filled in: a comment for "Andet" (`Strategiskabelon::challenges_missing_comment`).
pub fn ready_to_send(s: &Strategiskabelon, path: &str) -> Result<(), Problem> {
    match s.challenges_missing_comment().first() {
        Some(challenge) => Err(Problem::at(&format!("{path}.challenges.{}.comment", challenge.id), ProblemKind::Blank)),
        None => Ok(()),
    }
}

fn unknown<'a>(value: &str, choices: impl Iterator<Item = &'a str>) -> ProblemKind {
    ProblemKind::UnknownChoice { value: value.to_owned(), expected: choices.collect::<Vec<_>>().join(", ") }
}

fn check_lengths(at: &str, texts: &[(&str, &String)], max: usize) -> Result<(), Problem> {
    for (field, text) in texts {
        if text.chars().count() > max {
            return Err(Problem::at(&format!("{at}.{field}"), ProblemKind::TooLong { max }));
        }
    }
    Ok(())
}

// --- The kommune's import of many files --------------------------------------------------------

/// Where a gathered strategiskabelon is kept: one per plan and period, so a newer file for the
/// same plan and period takes the older one's place.
pub fn gathered_key(skabelon: &Strategiskabelon) -> String {
    format!("{}:{}", skabelon.plan.id, skabelon.period.key())
}

/// What became of one strategiskabelon in an imported file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A plan and period not gathered before.
    Added,
    /// It replaced an older copy of the same plan and period (its `updatedAt`).
    Replaced { older: String },
    /// The same as the copy already gathered.
    Unchanged,
    /// A newer copy of the same plan and period is already gathered (its `updatedAt`), so this
    /// one was left out.
    OlderThanGathered { newer: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub plan_name: String,
    pub plan_id: String,
    pub period: super::Period,
    pub change: Change,
}

/// The outcome of one file, in the order the files were given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOutcome {
    Read { file: String, entries: Vec<Entry> },
    Refused { file: String, error: FileError },
}

/// The result of an import: what happened to each file, and the gathered collection after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gathering {
    pub files: Vec<FileOutcome>,
    /// Every gathered strategiskabelon, one per plan and period, ordered by plan name.
    pub gathered: Vec<Strategiskabelon>,
    /// Those that are new or replaced: what storage must write (under `gathered_key`).
    pub changed: Vec<Strategiskabelon>,
}

impl Gathering {
    pub fn refused(&self) -> impl Iterator<Item = (&str, &FileError)> {
        self.files.iter().filter_map(|f| match f {
            FileOutcome::Refused { file, error } => Some((file.as_str(), error)),
            FileOutcome::Read { .. } => None,
        })
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.files.iter().flat_map(|f| match f {
            FileOutcome::Read { entries, .. } => entries.as_slice(),
            FileOutcome::Refused { .. } => &[],
        })
    }

    /// Files read, files refused.
    pub fn counts(&self) -> (usize, usize) {
        let refused = self.refused().count();
        (self.files.len() - refused, refused)
    }
}

/// Reads every file on its own and adds what it holds to `existing`. Of two copies of the same
/// plan and period the one updated last is kept, whichever came first.
pub fn gather(existing: &[Strategiskabelon], files: &[ImportFile]) -> Gathering {
    let mut gathered: Vec<Strategiskabelon> = existing.to_vec();
    let mut changed_keys: Vec<String> = Vec::new();
    let mut outcomes = Vec::with_capacity(files.len());
    for (n, file) in files.iter().enumerate() {
        let (name, read) = match file {
            ImportFile::Text { name, text } if n < MAX_FILES => (name, read_file(text)),
            ImportFile::Text { name, .. } => (name, Err(FileError::TooManyFiles)),
            ImportFile::TooLarge { name, bytes } => (name, Err(FileError::TooLarge { bytes: *bytes })),
        };
        let skabeloner = match read {
            Ok(list) => list,
            Err(error) => {
                outcomes.push(FileOutcome::Refused { file: name.clone(), error });
                continue;
            }
        };
        let mut entries = Vec::with_capacity(skabeloner.len());
        for incoming in skabeloner {
            let key = gathered_key(&incoming);
            let change = match gathered.iter().position(|s| gathered_key(s) == key) {
                None => Change::Added,
                Some(at) if gathered[at] == incoming => Change::Unchanged,
                Some(at) if gathered[at].updated_at > incoming.updated_at => {
                    Change::OlderThanGathered { newer: gathered[at].updated_at.clone() }
                }
                Some(at) => Change::Replaced { older: gathered.remove(at).updated_at },
            };
            entries.push(Entry {
                plan_name: incoming.plan.name.clone(),
                plan_id: incoming.plan.id.clone(),
                period: incoming.period,
                change: change.clone(),
            });
            if matches!(change, Change::Added | Change::Replaced { .. }) {
                if !changed_keys.contains(&key) {
                    changed_keys.push(key);
                }
                gathered.push(incoming);
            }
        }
        outcomes.push(FileOutcome::Read { file: name.clone(), entries });
    }
    crate::domain::collections::stable_sort_by(&mut gathered, |a, b| {
        (a.plan.name.as_str(), a.period).cmp(&(b.plan.name.as_str(), b.period))
    });
    let changed = gathered.iter().filter(|s| changed_keys.contains(&gathered_key(s))).cloned().collect();
    Gathering { files: outcomes, gathered, changed }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::evaluation::{Edit, Half, Period, Plan, Start};

    const NOW: &str = "2027-06-20T10:00:00.000Z";

    fn sample() -> Strategiskabelon {
        let plan = Plan { id: "p1".into(), name: "Plan Nord".into(), ..Plan::default() };
        let start = Start { id: "s1".into(), plan, period: Period::half_year(2027, Half::First) };
        let mut s = Strategiskabelon::new(start, catalogue::current(), NOW);
        s.apply(&Edit::AddActivity { id: "a1".into() }, NOW);
        s.apply(&Edit::ActivityProgress { id: "a1".into(), progress: Some("god".into()) }, NOW);
        s
    }

    #[test]
    fn a_record_round_trips_and_is_checked() {
        let s = sample();
        assert_eq!(decode_record(&encode_record(&s)), Ok(s.clone()));
        let bad = encode_record(&s).replace("\"god\"", "\"fantastisk\"");
        assert_eq!(
            decode_record(&bad),
            Err(ReadError::Invalid(Problem::at(
                "strategiskabelon.activities[0].progress",
                ProblemKind::UnknownChoice {
                    value: "fantastisk".into(),
                    expected: "god, nogen, ingen, ikke-startet, afsluttet".into()
                }
            )))
        );
        let period = encode_record(&s).replace("\"2027-H1\"", "\"2027-H3\"");
        assert_eq!(
            decode_record(&period),
            Err(ReadError::Invalid(Problem::at("strategiskabelon.period", ProblemKind::BadPeriod("2027-H3".into()))))
        );
        let newer = encode_record(&s).replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assert_eq!(decode_record(&newer), Err(ReadError::NewerSchema(2)));
    }

    #[test]
    fn an_assessment_file_is_told_apart_from_a_foreign_one() {
        let assessment = crate::domain::assessment::Assessment::new("a".into(), catalogue::current(), NOW);
        let file = crate::domain::exchange::export(&[assessment], NOW);
        assert_eq!(read_file(&file), Err(FileError::AssessmentFile));
        assert_eq!(read_file("{\"format\": \"x\"}"), Err(FileError::WrongFormat));
    }
}
