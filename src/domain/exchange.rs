//! Export and import files: one or more assessments, with what a person or another tool needs
//! to read them (format name, schema version, catalogue, app version, export time). The format is
//! documented in docs/file-format.md, with an example in docs/example-export.json.
//!
//! Import validates everything before anything changes: the caller gets either every assessment
//! of the file, migrated and checked against its catalogue, or one specific error.

use super::assessment::{Assessment, CatalogueRef};
use super::file_format::{
    check_schema, parse_assessment, read_catalogue_ref, write_assessment, write_catalogue_ref, Fields, ReadError,
    APP_VERSION, EXPORT_FORMAT, RECORD_FORMAT, SCHEMA_VERSION,
};
use super::json::{self, Json, ObjectWriter};
use super::validate::{Problem, ProblemKind};

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;
/// More assessments than this in one file are refused.
pub const MAX_IMPORT_ASSESSMENTS: usize = 500;
const APP_NAME: &str = "Helhedsplan-tjek";

/// An export file, pretty-printed so that a person can read it.
pub fn export(assessments: &[Assessment], exported_at: &str) -> String {
    let mut catalogues: Vec<&CatalogueRef> = Vec::new();
    for assessment in assessments {
        if !catalogues.contains(&&assessment.catalogue) {
            catalogues.push(&assessment.catalogue);
        }
    }
    let mut out = String::with_capacity(2048 * assessments.len().max(1));
    let mut file = ObjectWriter::new(&mut out);
    file.string("format", EXPORT_FORMAT);
    file.raw("schemaVersion", &SCHEMA_VERSION.to_string());
    let mut app = ObjectWriter::new(file.key("app"));
    app.string("name", APP_NAME);
    app.string("version", APP_VERSION);
    app.end();
    file.string("exportedAt", exported_at);
    let list = file.key("catalogues");
    list.push('[');
    for (n, catalogue) in catalogues.iter().enumerate() {
        if n > 0 {
            list.push(',');
        }
        write_catalogue_ref(list, catalogue);
    }
    list.push(']');
    let list = file.key("assessments");
    list.push('[');
    for (n, assessment) in assessments.iter().enumerate() {
        if n > 0 {
            list.push(',');
        }
        write_assessment(list, assessment);
    }
    list.push(']');
    file.end();
    pretty(&out)
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
    let value = json::parse(text).map_err(|e| ImportError::NotJson { line: e.line, column: e.column })?;
    let format = match &value {
        Json::Object(members) => members.iter().find(|(key, _)| key == "format").map(|(_, v)| v),
        _ => None,
    };
    let (list, schema) = match format {
        Some(Json::String(format)) if format == EXPORT_FORMAT => {
            let fields =
                Fields::of(&value, "", &["format", "schemaVersion", "app", "exportedAt", "catalogues", "assessments"])
                    .map_err(|p| ImportError::Invalid(relative(p)))?;
            let schema = check_schema(fields.optional("schemaVersion"))?;
            check_metadata(&fields).map_err(|p| ImportError::Invalid(relative(p)))?;
            match fields.get("assessments").map_err(|p| ImportError::Invalid(relative(p)))? {
                Json::Array(items) => {
                    (items.iter().enumerate().map(|(n, v)| (v, format!("assessments[{n}]"))).collect(), schema)
                }
                _ => {
                    return Err(ImportError::Invalid(Problem::at(
                        "assessments",
                        ProblemKind::WrongType { expected: "list" },
                    )))
                }
            }
        }
        Some(Json::String(format)) if format == RECORD_FORMAT => {
            let fields = Fields::of(&value, "", &["format", "schemaVersion", "assessment"])
                .map_err(|p| ImportError::Invalid(relative(p)))?;
            let schema = check_schema(fields.optional("schemaVersion"))?;
            let one = fields.get("assessment").map_err(|p| ImportError::Invalid(relative(p)))?;
            (vec![(one, "assessment".to_owned())], schema)
        }
        _ => return Err(ImportError::WrongFormat),
    };
    let list: Vec<(&Json, String)> = list;
    if list.is_empty() {
        return Err(ImportError::NoAssessments);
    }
    if list.len() > MAX_IMPORT_ASSESSMENTS {
        return Err(ImportError::TooManyAssessments(list.len()));
    }
    let mut assessments: Vec<Assessment> = Vec::with_capacity(list.len());
    for (value, at) in list {
        let assessment = parse_assessment(value.clone(), schema, &at)?;
        if assessments.iter().any(|a| a.id == assessment.id) {
            return Err(ImportError::DuplicateId(assessment.id));
        }
        assessments.push(assessment);
    }
    Ok(assessments)
}

/// The export file's own fields, when present, must be what the app writes.
fn check_metadata(fields: &Fields) -> Result<(), Problem> {
    if let Some(app) = fields.optional("app") {
        let app = Fields::of(app, ".app", &["name", "version"])?;
        app.string("name")?;
        app.string("version")?;
    }
    if let Some(stamp) = fields.optional("exportedAt") {
        let stamp = super::file_format::as_string(stamp, ".exportedAt")?;
        if !super::date::is_timestamp(&stamp) {
            return Err(Problem::at(".exportedAt", ProblemKind::BadTimestamp(stamp)));
        }
    }
    if let Some(list) = fields.optional("catalogues") {
        let Json::Array(items) = list else {
            return Err(Problem::at(".catalogues", ProblemKind::WrongType { expected: "list" }));
        };
        for (n, item) in items.iter().enumerate() {
            read_catalogue_ref(item, &format!(".catalogues[{n}]"))?;
        }
    }
    Ok(())
}

/// Paths of the file's top level are written without a leading dot.
fn relative(mut problem: Problem) -> Problem {
    if let Some(rest) = problem.path.strip_prefix('.') {
        problem.path = rest.to_owned();
    }
    if problem.path.is_empty() {
        problem.path = "filen".to_owned();
    }
    problem
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
        assert_eq!(json::parse(&pretty), json::parse(compact));
        assert!(pretty.contains("\"b\": \"x, {y}: \\\"z\\\"\""), "{pretty}");
        assert!(pretty.contains("\"c\": []"));
        assert!(pretty.starts_with("{\n  \"a\": [\n    1,"), "{pretty}");
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
