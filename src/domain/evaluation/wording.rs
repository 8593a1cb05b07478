//! How the evaluation's refusals and outcomes read, in either language: shared by the screens and
//! the documents, so an import's outcome is worded the same everywhere.

use super::file::SCHEMA_VERSION;
use super::file::{
    Change, Entry, FileError, FileOutcome, Gathering, MAX_ACTIVITIES, MAX_FILES, MAX_FILE_BYTES, MAX_PER_FILE,
};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::wording::problem_text;

/// Why one file was refused: what is wrong and where.
pub fn file_error(error: &FileError, lang: Lang) -> String {
    match error {
        FileError::TooLarge { bytes } => {
            Msg::ImportTooLarge.fill(lang, &[("size", &kilobytes(*bytes)), ("limit", &kilobytes(MAX_FILE_BYTES))])
        }
        FileError::Empty => Msg::ImportEmpty.get(lang).to_owned(),
        FileError::NotJson { line, column } => {
            Msg::ImportNotJson.fill(lang, &[("line", &line.to_string()), ("column", &column.to_string())])
        }
        FileError::WrongFormat => Msg::EvalFileWrongFormat.get(lang).to_owned(),
        FileError::AssessmentFile => Msg::EvalFileIsAssessment.get(lang).to_owned(),
        FileError::NewerSchema(found) => Msg::ImportNewerSchema
            .fill(lang, &[("found", &found.to_string()), ("supported", &SCHEMA_VERSION.to_string())]),
        FileError::BadSchema => Msg::ImportBadSchema.get(lang).to_owned(),
        FileError::MigrationFailed { from, reason } => {
            Msg::ImportMigrationFailed.fill(lang, &[("from", &from.to_string()), ("reason", reason)])
        }
        FileError::Invalid(problem) => problem_text(problem, lang),
        FileError::NoStrategiskabeloner => Msg::EvalFileNone.get(lang).to_owned(),
        FileError::TooManyInFile(count) => {
            Msg::EvalFileTooMany.fill(lang, &[("count", &count.to_string()), ("limit", &MAX_PER_FILE.to_string())])
        }
        FileError::DuplicateId(id) => Msg::EvalFileDuplicateId.fill(lang, &[("id", id)]),
        FileError::TooManyFiles => Msg::EvalTooManyFiles.fill(lang, &[("limit", &MAX_FILES.to_string())]),
    }
}

/// "plan.json: …" for a refused file.
pub fn file_refused(file: &str, error: &FileError, lang: Lang) -> String {
    format!("{file}: {}", file_error(error, lang))
}

/// One strategiskabelon's fate in an import, as a sentence: "Plan Nord, 1. halvår 2027:
/// erstattede en ældre udgave."
pub fn entry(entry: &Entry, lang: Lang) -> String {
    let plan = if entry.plan_name.trim().is_empty() { Msg::EvalUntitledPlan.get(lang) } else { entry.plan_name.trim() };
    let what = match &entry.change {
        Change::Added => Msg::EvalGatherAdded.get(lang).to_owned(),
        Change::Replaced { older } => Msg::EvalGatherReplaced.fill(lang, &[("date", date_of(older))]),
        Change::Unchanged => Msg::EvalGatherUnchanged.get(lang).to_owned(),
        Change::OlderThanGathered { newer } => Msg::EvalGatherOlder.fill(lang, &[("date", date_of(newer))]),
    };
    Msg::EvalGatherEntry.fill(lang, &[("plan", plan), ("period", &entry.period.label(lang)), ("what", &what)])
}

/// The whole import in one sentence, for the live region: "5 filer læst, 1 afvist. 4 nye,
/// 1 erstattet."
pub fn gathering_summary(gathering: &Gathering, lang: Lang) -> String {
    let (read, refused) = gathering.counts();
    let count = |change: fn(&Change) -> bool| gathering.entries().filter(|e| change(&e.change)).count().to_string();
    Msg::EvalGatherSummary.fill(
        lang,
        &[
            ("read", &read.to_string()),
            ("refused", &refused.to_string()),
            ("added", &count(|c| *c == Change::Added)),
            ("replaced", &count(|c| matches!(c, Change::Replaced { .. }))),
            ("kept", &count(|c| matches!(c, Change::Unchanged | Change::OlderThanGathered { .. }))),
        ],
    )
}

/// Every line an import's outcome shows: refusals first, each with its file's name.
pub fn gathering_lines(gathering: &Gathering, lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> = gathering.refused().map(|(file, error)| file_refused(file, error, lang)).collect();
    for outcome in &gathering.files {
        if let FileOutcome::Read { entries, .. } = outcome {
            lines.extend(entries.iter().map(|e| entry(e, lang)));
        }
    }
    lines
}

/// The limit on activities, for the screen that adds them.
pub fn activity_limit(lang: Lang) -> String {
    Msg::EvalActivityLimit.fill(lang, &[("limit", &MAX_ACTIVITIES.to_string())])
}

fn date_of(stamp: &str) -> &str {
    stamp.get(..10).unwrap_or(stamp)
}

fn kilobytes(bytes: usize) -> String {
    format!("{} KB", bytes.div_ceil(1024))
}
