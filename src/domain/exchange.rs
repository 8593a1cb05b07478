//! Export and import files: one or more assessments, with what a person or another tool needs
//! to read them (format name, schema version, catalogue, app version, export time). The format is
//! documented in docs/file-format.md, with an example in docs/example-export.json.
//!
//! Import validates everything before anything changes: the caller gets either every assessment
//! of the file, migrated and checked against its catalogue, or one specific error.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::assessment::{Assessment, CatalogueRef};
use super::file_format::{
    check_schema, parse_assessment, ReadError, APP_VERSION, EXPORT_FORMAT, RECORD_FORMAT, SCHEMA_VERSION,
};
use super::validate::Problem;

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;
/// More assessments than this in one file are refused.
pub const MAX_IMPORT_ASSESSMENTS: usize = 500;
const APP_NAME: &str = "Helhedsplan-tjek";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AppInfo<'a> {
    name: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExportOut<'a> {
    format: &'static str,
    schema_version: u32,
    app: AppInfo<'static>,
    exported_at: &'a str,
    catalogues: Vec<&'a CatalogueRef>,
    assessments: &'a [Assessment],
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
        app: AppInfo { name: APP_NAME, version: APP_VERSION },
        exported_at,
        catalogues,
        assessments,
    };
    pretty(&serde_json::to_string(&file).unwrap_or_default())
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
    /// The file's structure is wrong at `at`; `detail` is the parser's explanation.
    Shape {
        at: String,
        detail: String,
    },
    MigrationFailed {
        from: u32,
        reason: String,
    },
    /// The content is well-formed but wrong: an unknown catalogue, item, value out of range.
    Invalid(Problem),
    NoAssessments,
    TooManyAssessments(usize),
    /// The same assessment id twice in one file.
    DuplicateId(String),
}

/// What is read before the assessments: either an export file or a single stored record.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FileIn<'a> {
    format: Option<&'a str>,
    schema_version: Option<u64>,
    #[serde(borrow)]
    app: Option<AppInfo<'a>>,
    exported_at: Option<&'a str>,
    catalogues: Option<Vec<CatalogueRef>>,
    #[serde(borrow)]
    assessments: Option<Vec<&'a RawValue>>,
    #[serde(borrow)]
    assessment: Option<&'a RawValue>,
}

/// Reads an export file (or a stored record) completely, or refuses it with one reason.
pub fn import(text: &str) -> Result<Vec<Assessment>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let file: FileIn = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            ImportError::NotJson { line: e.line(), column: e.column() }
        }
        _ if !looks_like_ours(text) => ImportError::WrongFormat,
        _ => ImportError::Shape { at: "filen".into(), detail: e.to_string() },
    })?;
    let raws: Vec<(&RawValue, String)> = match (file.format, file.assessments, file.assessment) {
        (Some(EXPORT_FORMAT), Some(list), None) => {
            list.into_iter().enumerate().map(|(n, raw)| (raw, format!("assessments[{n}]"))).collect()
        }
        (Some(RECORD_FORMAT), None, Some(one)) => vec![(one, "assessment".to_owned())],
        _ => return Err(ImportError::WrongFormat),
    };
    let schema = check_schema(file.schema_version).map_err(|e| match e {
        ReadError::NewerSchema(found) => ImportError::NewerSchema(found),
        _ => ImportError::BadSchema,
    })?;
    if let Some(stamp) = file.exported_at {
        if !super::date::is_timestamp(stamp) {
            return Err(ImportError::Shape {
                at: "exportedAt".into(),
                detail: format!("«{stamp}» is not a time stamp"),
            });
        }
    }
    let _ = (file.app, file.catalogues);
    if raws.is_empty() {
        return Err(ImportError::NoAssessments);
    }
    if raws.len() > MAX_IMPORT_ASSESSMENTS {
        return Err(ImportError::TooManyAssessments(raws.len()));
    }
    let mut assessments: Vec<Assessment> = Vec::with_capacity(raws.len());
    for (raw, at) in raws {
        let assessment = parse_assessment(raw.get(), schema, &at).map_err(|e| match e {
            ReadError::Invalid(problem) => match problem.kind {
                super::validate::ProblemKind::Schema(detail) => ImportError::Shape { at: problem.path, detail },
                kind => ImportError::Invalid(Problem { path: problem.path, kind }),
            },
            ReadError::MigrationFailed { from, reason } => ImportError::MigrationFailed { from, reason },
            _ => ImportError::Shape { at, detail: String::new() },
        })?;
        if assessments.iter().any(|a| a.id == assessment.id) {
            return Err(ImportError::DuplicateId(assessment.id));
        }
        assessments.push(assessment);
    }
    Ok(assessments)
}

/// True when the text names one of this app's formats, so a shape error is about our file.
fn looks_like_ours(text: &str) -> bool {
    text.contains(EXPORT_FORMAT) || text.contains(RECORD_FORMAT)
}

/// Indents compact JSON, two spaces a level. Strings are copied untouched. (Cheaper in
/// WebAssembly than serde_json's pretty printer, which duplicates every serialiser.)
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
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_printing_keeps_the_json_and_its_strings() {
        let compact = r#"{"a":[1,2,{}],"b":"x, {y}: \"z\"","c":[],"d":{"e":null}}"#;
        let pretty = pretty(compact);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&pretty).unwrap(),
            serde_json::from_str::<serde_json::Value>(compact).unwrap()
        );
        assert!(pretty.contains("\"b\": \"x, {y}: \\\"z\\\"\""), "{pretty}");
        assert!(pretty.contains("\"c\": []"));
        assert!(pretty.starts_with("{\n  \"a\": [\n    1,"), "{pretty}");
    }
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
mod backup_tests {
    use super::*;

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
