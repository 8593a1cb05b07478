//! The stored form of assessments, schema versions and migrations. The assessment's own JSON
//! form is derived with serde (`assessment`); this module wraps it in the record that storage
//! keeps and runs the one chain of migrations that local storage and imported files share.
//!
//! Adding a schema version: bump `SCHEMA_VERSION`, append one migration to `MIGRATIONS`, keep
//! the old version's fixtures in `tests/fixtures/`, and add the new version's. See
//! docs/file-format.md.
//!
//! Reading is strict: every field must be there, with the right type, and nothing else may be.
//! Each refusal names the JSON path where it happened.

use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::assessment::Assessment;
use super::strict_json::{self, ParseError};
use super::validate::{validate_assessment, Problem};

/// The format name of one assessment as kept in local storage.
pub const RECORD_FORMAT: &str = "helhedsplan-tjek.assessment";
/// The format name of an export file (one or more assessments).
pub const EXPORT_FORMAT: &str = "helhedsplan-tjek.export";
/// The schema this build writes.
pub const SCHEMA_VERSION: u32 = 2;
/// The app version written into export files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// `MIGRATIONS[n]` turns an assessment object of schema `n + 1` into schema `n + 2`.
pub type Migration = fn(Value) -> Result<Value, String>;
pub const MIGRATIONS: &[Migration] = &[answers_get_evidence];

/// Schema 1 → 2: every answer gets `evidencePlace` and `evidenceQuote` (the passage chosen with
/// "Brug som henvisning"), empty, since schema 1 kept only the place, in `documentedIn`.
/// Anything that is not an object of answers is left for the typed read to refuse with its path.
fn answers_get_evidence(mut assessment: Value) -> Result<Value, String> {
    if let Some(Value::Object(answers)) = assessment.get_mut("answers") {
        for answer in answers.values_mut() {
            if let Value::Object(answer) = answer {
                for field in ["evidencePlace", "evidenceQuote"] {
                    if answer.insert(field.into(), Value::String(String::new())).is_some() {
                        return Err(format!("{field} is a field of schema 2, not 1"));
                    }
                }
            }
        }
    }
    Ok(assessment)
}

/// Why stored or imported data could not be read. Data that fails is never deleted: the caller
/// moves it aside (storage) or rejects it unchanged (import).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON at all; where it stopped being JSON (line, and character in that line).
    NotJson { line: usize, column: usize },
    /// JSON, but not this format (wrong or missing `format`).
    WrongFormat,
    /// Written by a newer version of the app than this one.
    NewerSchema(u32),
    /// A schema number that never existed.
    BadSchema,
    /// A migration step failed.
    MigrationFailed { from: u32, reason: String },
    /// The content breaks the schema or refers to something the catalogue lacks.
    Invalid(Problem),
}

/// The stored record as written: the assessment is borrowed, not copied.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RecordOut<'a> {
    format: &'static str,
    schema_version: u32,
    assessment: &'a Assessment,
}

/// The stored record as read. `format` and `schemaVersion` are checked on the tree before the
/// assessment is migrated (`check_header`), so here they only need to be there.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RecordIn {
    #[allow(dead_code)]
    format: IgnoredAny,
    #[allow(dead_code)]
    schema_version: IgnoredAny,
    assessment: Assessment,
}

/// The local-storage form of one assessment: compact JSON, fields in a fixed order
/// (docs/file-format.md).
pub fn encode_record(assessment: &Assessment) -> String {
    let record = RecordOut { format: RECORD_FORMAT, schema_version: SCHEMA_VERSION, assessment };
    // Strings, maps with text keys and lists cannot fail to serialize.
    serde_json::to_string(&record).expect("an assessment serializes")
}

/// Reads a stored record of any released schema, migrating it to the current one.
pub fn decode_record(text: &str) -> Result<Assessment, ReadError> {
    read_record(parse(text)?)
}

/// `decode_record` for a record already parsed (an imported file that is a single record).
pub(crate) fn read_record(mut value: Value) -> Result<Assessment, ReadError> {
    let schema = check_header(&value, RECORD_FORMAT)?;
    if let Some(assessment) = value.get_mut("assessment") {
        migrate_in_place(assessment, schema)?;
    }
    let record: RecordIn = strict_json::from_value(&value).map_err(ReadError::Invalid)?;
    validate_assessment(&record.assessment, "assessment").map_err(ReadError::Invalid)?;
    Ok(record.assessment)
}

/// Parses text strictly (no repeated member names), saying where it stops being JSON.
pub(crate) fn parse(text: &str) -> Result<Value, ReadError> {
    strict_json::parse(text).map_err(|error| match error {
        ParseError::Syntax { line, column } => ReadError::NotJson { line, column },
        ParseError::Repeated(problem) => ReadError::Invalid(problem),
    })
}

/// Checks that `value` is an object of `format` with a `schemaVersion` this build can read,
/// and returns the version.
pub(crate) fn check_header(value: &Value, format: &str) -> Result<u32, ReadError> {
    check_header_of(value, format, SCHEMA_VERSION)
}

/// `check_header` for a format with its own schema numbering (the kommune's review and
/// feedback files), whose newest version is `current`.
pub(crate) fn check_header_of(value: &Value, format: &str, current: u32) -> Result<u32, ReadError> {
    if value.get("format").and_then(Value::as_str) != Some(format) {
        return Err(ReadError::WrongFormat);
    }
    // Only a whole number counts: `1.0` or `1e0` was not written by this app.
    let Some(schema) = value.get("schemaVersion").and_then(Value::as_u64) else {
        return Err(ReadError::BadSchema);
    };
    match u32::try_from(schema) {
        Ok(0) => Err(ReadError::BadSchema),
        Ok(schema) if schema <= current => Ok(schema),
        Ok(schema) => Err(ReadError::NewerSchema(schema)),
        Err(_) => Err(ReadError::NewerSchema(u32::MAX)),
    }
}

/// Brings one assessment object of schema `schema` to the current one.
pub(crate) fn migrate_in_place(assessment: &mut Value, schema: u32) -> Result<(), ReadError> {
    if schema < SCHEMA_VERSION {
        *assessment = migrate(assessment.take(), schema, MIGRATIONS)?;
    }
    Ok(())
}

/// Runs the migrations from schema `from` up to the newest, one step at a time.
pub fn migrate(mut value: Value, from: u32, migrations: &[Migration]) -> Result<Value, ReadError> {
    for (step, migration) in migrations.iter().enumerate().skip(from as usize - 1) {
        let at = step as u32 + 1;
        value = migration(value).map_err(|reason| ReadError::MigrationFailed { from: at, reason })?;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{Edit, Status};
    use crate::domain::catalogue;
    use crate::domain::validate::ProblemKind;

    fn sample() -> Assessment {
        let mut a = Assessment::new("a1".into(), catalogue::current(), "2026-11-21T10:00:00.000Z");
        a.apply(&Edit::Status { item: "faelles-analyse".into(), status: Status::Met }, "2026-11-21T10:01:00.000Z");
        a
    }

    #[test]
    fn a_record_round_trips() {
        let a = sample();
        assert_eq!(decode_record(&encode_record(&a)), Ok(a));
    }

    #[test]
    fn broken_json_wrong_format_and_newer_schemas_are_told_apart() {
        assert_eq!(decode_record("{not json"), Err(ReadError::NotJson { line: 1, column: 2 }));
        assert_eq!(decode_record(r#"{"format":"other","schemaVersion":1}"#), Err(ReadError::WrongFormat));
        assert_eq!(decode_record("[]"), Err(ReadError::WrongFormat));
        let newer = encode_record(&sample()).replace("\"schemaVersion\":2", "\"schemaVersion\":99");
        assert_eq!(decode_record(&newer), Err(ReadError::NewerSchema(99)));
        let zero = encode_record(&sample()).replace("\"schemaVersion\":2", "\"schemaVersion\":0");
        assert_eq!(decode_record(&zero), Err(ReadError::BadSchema));
        let fraction = encode_record(&sample()).replace("\"schemaVersion\":2", "\"schemaVersion\":1.5");
        assert_eq!(decode_record(&fraction), Err(ReadError::BadSchema));
    }

    #[test]
    fn fields_are_checked_by_name_type_and_path() {
        let record = encode_record(&sample());
        let extra = record.replace("\"notes\":\"\"", "\"notes\":\"\",\"colour\":\"red\"");
        assert_eq!(
            decode_record(&extra),
            Err(ReadError::Invalid(Problem::at(
                "assessment.answers.faelles-analyse",
                ProblemKind::UnknownField("colour".into())
            )))
        );
        let missing = record.replace("\"notes\":\"\",", "");
        assert_eq!(
            decode_record(&missing),
            Err(ReadError::Invalid(Problem::at("assessment.answers.faelles-analyse.notes", ProblemKind::Missing)))
        );
        let wrong = record.replace("\"notes\":\"\"", "\"notes\":7");
        assert_eq!(
            decode_record(&wrong),
            Err(ReadError::Invalid(Problem::at(
                "assessment.answers.faelles-analyse.notes",
                ProblemKind::WrongType { expected: "text" }
            )))
        );
        let status = record.replace("\"status\":\"met\"", "\"status\":\"done\"");
        assert_eq!(
            decode_record(&status),
            Err(ReadError::Invalid(Problem::at(
                "assessment.answers.faelles-analyse.status",
                ProblemKind::UnknownStatus("done".into())
            )))
        );
    }

    #[test]
    fn what_serde_alone_would_let_through_is_refused() {
        let record = encode_record(&sample());
        let problem = |text: &str| match decode_record(text) {
            Err(ReadError::Invalid(problem)) => problem,
            other => panic!("expected a problem, got {other:?}"),
        };
        let repeated = record.replace("\"notes\":\"\"", "\"notes\":\"\",\"notes\":\"x\"");
        assert_eq!(
            problem(&repeated),
            Problem::at("assessment.answers.faelles-analyse", ProblemKind::Repeated("notes".into()))
        );
        let twice = record.replace("\"elements\":[]", "\"elements\":[\"faelles\",\"faelles\"]");
        assert_eq!(
            problem(&twice),
            Problem::at("assessment.answers.faelles-analyse.elements", ProblemKind::Repeated("faelles".into()))
        );
        let as_list = record.replace(
            "\"action\":{\"description\":\"\",\"owner\":\"\",\"deadline\":\"\"}",
            "\"action\":[\"\",\"\",\"\"]",
        );
        assert_ne!(as_list, record);
        assert_eq!(
            problem(&as_list),
            Problem::at("assessment.answers.faelles-analyse.action", ProblemKind::WrongType { expected: "object" })
        );
        let no_plan_type = record.replace("\"planType\":null,", "");
        assert_ne!(no_plan_type, record);
        assert_eq!(problem(&no_plan_type), Problem::at("assessment.profile.planType", ProblemKind::Missing));
        let number = record.replace("\"planType\":null", "\"planType\":1");
        assert_eq!(
            problem(&number),
            Problem::at("assessment.profile.planType", ProblemKind::WrongType { expected: "text" })
        );
        let extra = record.replacen("{\"format\"", "{\"colour\":1,\"format\"", 1);
        assert_eq!(problem(&extra), Problem::at("", ProblemKind::UnknownField("colour".into())));
        let missing = record[..record.find(",\"assessment\"").unwrap()].to_owned() + "}";
        assert_eq!(problem(&missing), Problem::at("assessment", ProblemKind::Missing));
    }

    #[test]
    fn the_stored_fixture_is_exactly_what_the_app_writes() {
        let fixture = include_str!("../../tests/fixtures/schema-2/record.json");
        let assessment = decode_record(fixture).expect("the fixture reads");
        assert_eq!(encode_record(&assessment), fixture.trim_end());
    }

    #[test]
    fn a_schema_1_record_gets_no_evidence_and_keeps_its_place() {
        let old = include_str!("../../tests/fixtures/schema-1/record.json");
        let assessment = decode_record(old).expect("a schema 1 record reads");
        let answer = assessment.answer("faelles-analyse").unwrap();
        assert_eq!((answer.documented_in.as_str(), answer.evidence()), ("Afsnit 2, side 4-9", None));
        let written = encode_record(&assessment);
        assert!(written.starts_with("{\"format\":\"helhedsplan-tjek.assessment\",\"schemaVersion\":2,"));
        assert_eq!(decode_record(&written), Ok(assessment));
        // A schema 1 record that already has the field was not written by schema 1.
        let early = old.replace("\"includedAnyway\":null}", "\"includedAnyway\":null,\"evidenceQuote\":\"\"}");
        assert!(matches!(decode_record(&early), Err(ReadError::MigrationFailed { from: 1, .. })));
    }

    #[test]
    fn migrations_run_in_order_from_the_stored_version() {
        fn v1_to_v2(_: Value) -> Result<Value, String> {
            Ok(Value::String("2".into()))
        }
        fn v2_to_v3(value: Value) -> Result<Value, String> {
            match value {
                Value::String(trail) => Ok(Value::String(trail + "3")),
                _ => Err("not a trail".into()),
            }
        }
        fn broken(_: Value) -> Result<Value, String> {
            Err("cannot".into())
        }
        let chain: &[Migration] = &[v1_to_v2, v2_to_v3];
        assert_eq!(migrate(Value::Null, 1, chain), Ok(Value::String("23".into())));
        assert_eq!(migrate(Value::String("x".into()), 2, chain), Ok(Value::String("x3".into())));
        assert_eq!(migrate(Value::Null, 3, chain), Ok(Value::Null));
        let failing: &[Migration] = &[v1_to_v2, broken];
        assert_eq!(
            migrate(Value::Null, 1, failing),
            Err(ReadError::MigrationFailed { from: 2, reason: "cannot".into() })
        );
    }
}
