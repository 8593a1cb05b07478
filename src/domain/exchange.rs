//! Export and import files: one or more assessments, with what a person or another tool needs
//! to read them (format name, schema version, catalogue, app version, export time). The format is
//! documented in docs/file-format.md, with an example in docs/example-export.json.
//!
//! Import validates everything before anything changes: the caller gets either every assessment
//! of the file, migrated and checked against its catalogue, or one specific error.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::assessment::{Assessment, CatalogueRef};
use super::file_format::{
    check_header, migrate_in_place, parse, read_record, ReadError, APP_VERSION, EXPORT_FORMAT, RECORD_FORMAT,
    SCHEMA_VERSION,
};
use super::strict_json;
use super::validate::{validate_assessment, Problem, ProblemKind};

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;
/// More assessments than this in one file are refused.
pub const MAX_IMPORT_ASSESSMENTS: usize = 500;
const APP_NAME: &str = "Helhedsplan-tjek";

/// The app that wrote a file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct App {
    name: String,
    version: String,
}

/// An export file as written, fields in the documented order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExportOut<'a> {
    format: &'static str,
    schema_version: u32,
    app: App,
    exported_at: &'a str,
    catalogues: Vec<&'a CatalogueRef>,
    assessments: &'a [Assessment],
}

/// An export file as read. The app writes every field, but a file without `app`,
/// `exportedAt` or `catalogues` is still read: they describe the file, and the assessments
/// carry their own catalogue. When present, they must be right, so they are read only to be
/// checked. `format` and `schemaVersion` are checked on the tree before migrating
/// (`check_header`).
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
    #[serde(default, deserialize_with = "present")]
    catalogues: Option<Vec<CatalogueRef>>,
    assessments: Vec<Assessment>,
}

/// A field that may be left out but, when there, may not be `null`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// An export file, pretty-printed so that a person can read it.
pub fn export(assessments: &[Assessment], exported_at: &str) -> String {
    let mut catalogues: Vec<&CatalogueRef> = Vec::new();
    for assessment in assessments {
        if !catalogues.contains(&&assessment.catalogue) {
            catalogues.push(&assessment.catalogue);
        }
    }
    let file = ExportOut {
        format: EXPORT_FORMAT,
        schema_version: SCHEMA_VERSION,
        app: App { name: APP_NAME.to_owned(), version: APP_VERSION.to_owned() },
        exported_at,
        catalogues,
        assessments,
    };
    // Strings, maps with text keys and lists cannot fail to serialize.
    let mut text = serde_json::to_string_pretty(&file).expect("an export serializes");
    text.push('\n');
    text
}

/// Why a file was refused. Each reads as a specific message (see `wording::import_error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but neither an export file nor a stored record of this app.
    WrongFormat,
    NewerSchema(u32),
    BadSchema,
    MigrationFailed {
        from: u32,
        reason: String,
    },
    /// The content is wrong at a path: a missing or unknown field, an unknown catalogue or item,
    /// a value out of range.
    Invalid(Problem),
    NoAssessments,
    TooManyAssessments(usize),
    /// The same assessment id twice in one file.
    DuplicateId(String),
}

impl From<ReadError> for ImportError {
    fn from(error: ReadError) -> Self {
        match error {
            ReadError::NotJson { line, column } => ImportError::NotJson { line, column },
            ReadError::WrongFormat => ImportError::WrongFormat,
            ReadError::NewerSchema(found) => ImportError::NewerSchema(found),
            ReadError::BadSchema => ImportError::BadSchema,
            ReadError::MigrationFailed { from, reason } => ImportError::MigrationFailed { from, reason },
            ReadError::Invalid(problem) => ImportError::Invalid(problem),
        }
    }
}

/// Reads an export file (or a stored record) completely, or refuses it with one reason.
pub fn import(text: &str) -> Result<Vec<Assessment>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value = parse(text)?;
    match value.get("format").and_then(Value::as_str) {
        Some(EXPORT_FORMAT) => import_export(value),
        // A single stored record: what "Hent de rå data" saves.
        Some(RECORD_FORMAT) => Ok(vec![read_record(value)?]),
        _ => Err(ImportError::WrongFormat),
    }
}

fn import_export(mut value: Value) -> Result<Vec<Assessment>, ImportError> {
    let schema = check_header(&value, EXPORT_FORMAT)?;
    // Counted before anything is migrated or read, so a huge list is refused at once. Anything
    // but a list is left to the reader, which says what `assessments` should be.
    if let Some(Value::Array(list)) = value.get_mut("assessments") {
        if list.is_empty() {
            return Err(ImportError::NoAssessments);
        }
        if list.len() > MAX_IMPORT_ASSESSMENTS {
            return Err(ImportError::TooManyAssessments(list.len()));
        }
        for assessment in list.iter_mut() {
            migrate_in_place(assessment, schema)?;
        }
    }
    let file: ExportIn = strict_json::from_value(&value).map_err(ImportError::Invalid)?;
    if let Some(stamp) = file.exported_at.filter(|stamp| !super::date::is_timestamp(stamp)) {
        return Err(ImportError::Invalid(Problem::at("exportedAt", ProblemKind::BadTimestamp(stamp))));
    }
    let mut assessments: Vec<Assessment> = Vec::with_capacity(file.assessments.len());
    for (n, assessment) in file.assessments.into_iter().enumerate() {
        validate_assessment(&assessment, &format!("assessments[{n}]")).map_err(ImportError::Invalid)?;
        if assessments.iter().any(|a| a.id == assessment.id) {
            return Err(ImportError::DuplicateId(assessment.id));
        }
        assessments.push(assessment);
    }
    Ok(assessments)
}

/// One file the user picked to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportFile {
    /// A file small enough to have been read, and its text.
    Text { name: String, text: String },
    /// A file larger than `MAX_IMPORT_BYTES`, left unread.
    TooLarge { name: String, bytes: usize },
}

/// Why a set of picked files was refused: one file's problem, and that file's name when several
/// were picked (`wording::file_refused` says it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRefused {
    pub file: Option<String>,
    pub error: ImportError,
}

/// Checks every file completely; one refused file refuses them all.
pub fn import_files(files: &[ImportFile]) -> Result<Vec<Assessment>, FileRefused> {
    let several = files.len() > 1;
    let mut assessments = Vec::new();
    for file in files {
        let (name, checked) = match file {
            ImportFile::Text { name, text } => (name, import(text)),
            ImportFile::TooLarge { name, bytes } => (name, Err(ImportError::TooLarge { bytes: *bytes })),
        };
        match checked {
            Ok(list) => assessments.extend(list),
            Err(error) => return Err(FileRefused { file: several.then(|| name.clone()), error }),
        }
    }
    Ok(assessments)
}

/// Indents compact JSON, two spaces a level. Strings are copied untouched.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 3 / 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(ch) = chars.next() {
        if in_string {
            out.push(ch);
            match (escaped, ch) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match ch {
            '"' => {
                in_string = true;
                out.push(ch);
            }
            '{' | '[' => {
                out.push(ch);
                if matches!(chars.peek(), Some('}' | ']')) {
                    out.push(chars.next().unwrap_or(' '));
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(ch);
            }
            ',' => {
                out.push(ch);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_ascii_whitespace() => {}
            c => out.push(c),
        }
    }
    out.push('\n');
    out
}

/// Whether to remind the user to export: there are assessments, and either nothing was ever
/// exported, or something changed since the last export and that export is a week old.
pub fn backup_due(assessments: &[Assessment], last_export: Option<&str>, today: &str) -> bool {
    let Some(last) = last_export else { return !assessments.is_empty() };
    let changed_since = assessments.iter().any(|a| a.updated_at.as_str() > last);
    let age = super::date::day_number(today).zip(super::date::day_number(last)).map(|(t, l)| t - l);
    changed_since && age.is_none_or(|days| days >= 7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_printing_keeps_the_json_and_its_strings() {
        let compact = r#"{"a":[1,2,{}],"b":"x, {y}: \"z\"","c":[],"d":{"e":null}}"#;
        let pretty = pretty(compact);
        let parse = |text: &str| serde_json::from_str::<Value>(text).unwrap();
        assert_eq!(parse(&pretty), parse(compact));
        assert!(pretty.contains("\"b\": \"x, {y}: \\\"z\\\"\""), "{pretty}");
        assert!(pretty.contains("\"c\": []"));
        assert!(pretty.starts_with("{\n  \"a\": [\n    1,"), "{pretty}");
    }

    #[test]
    fn a_file_whose_time_stamps_say_utc_as_an_offset_is_read() {
        let example = include_str!("../../docs/example-export.json");
        let with_offsets = example.replace(".000Z\"", "+00:00\"").replace(".512Z\"", ".512+00:00\"");
        assert!(!with_offsets.contains("Z\""), "every time stamp of the example is rewritten");
        let imported = import(&with_offsets).expect("UTC written as +00:00 is read");
        assert_eq!(imported[0].updated_at, "2026-11-20T14:32:10.512+00:00");
        let elsewhere = with_offsets.replace("2026-11-20T14:32:10.512+00:00", "2026-11-20T15:32:10.512+01:00");
        assert!(matches!(
            import(&elsewhere),
            Err(ImportError::Invalid(Problem { kind: ProblemKind::BadTimestamp(_), .. }))
        ));
    }

    #[test]
    fn a_backup_is_due_when_work_has_not_been_exported_for_a_week() {
        let mut a = Assessment::new("a".into(), super::super::catalogue::current(), "2026-11-01T10:00:00.000Z");
        assert!(!backup_due(&[], None, "2026-11-21"));
        assert!(backup_due(&[a.clone()], None, "2026-11-21"), "never exported");
        assert!(!backup_due(&[a.clone()], Some("2026-11-02T10:00:00.000Z"), "2026-11-21"), "nothing changed since");
        a.updated_at = "2026-11-20T10:00:00.000Z".into();
        assert!(
            backup_due(&[a.clone()], Some("2026-11-02T10:00:00.000Z"), "2026-11-21"),
            "changed, and the export is old"
        );
        assert!(!backup_due(&[a], Some("2026-11-19T10:00:00.000Z"), "2026-11-21"), "exported two days ago");
    }
}
