//! The stored and exported forms of assessments, their schema versions, and the migrations
//! between versions. One chain of migrations serves both local storage and imported files.
//!
//! Adding a schema version: bump `SCHEMA_VERSION`, append one migration to `MIGRATIONS`, keep
//! the old version's fixture in `tests/fixtures/`, and add the new version's. See
//! docs/file-format.md.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::assessment::Assessment;
use super::validate::{validate_assessment, Problem, ProblemKind};

/// The format name of one assessment as kept in local storage.
pub const RECORD_FORMAT: &str = "helhedsplan-tjek.assessment";
/// The format name of an export file (one or more assessments).
pub const EXPORT_FORMAT: &str = "helhedsplan-tjek.export";
/// The schema this build writes.
pub const SCHEMA_VERSION: u32 = 1;
/// The app version written into export files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// `MIGRATIONS[n]` turns an assessment object of schema `n + 1` into schema `n + 2`.
/// Schema 1 is the first released version, so the chain is empty for now.
pub type Migration = fn(Map<String, Value>) -> Result<Map<String, Value>, String>;
pub const MIGRATIONS: &[Migration] = &[];

/// Why stored or imported data could not be read. Data that fails is never deleted: the caller
/// moves it aside (storage) or rejects it unchanged (import).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON at all.
    NotJson(String),
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

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RecordOut<'a> {
    format: &'static str,
    schema_version: u32,
    assessment: &'a Assessment,
}

/// The local-storage form of one assessment, for a serialiser (the browser store hands it to
/// gloo-storage).
pub fn record(assessment: &Assessment) -> impl Serialize + '_ {
    RecordOut { format: RECORD_FORMAT, schema_version: SCHEMA_VERSION, assessment }
}

/// The local-storage form of one assessment, as text.
pub fn encode_record(assessment: &Assessment) -> String {
    serde_json::to_string(&record(assessment)).expect("an assessment always serialises")
}

/// The parts of a record read before its content: what it is and which schema wrote it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a> {
    format: Option<&'a str>,
    schema_version: Option<u64>,
    #[serde(borrow)]
    assessment: Option<&'a RawValue>,
}

/// Reads a stored record of any released schema, migrating it to the current one.
pub fn decode_record(text: &str) -> Result<Assessment, ReadError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ReadError::WrongFormat,
        _ => ReadError::NotJson(e.to_string()),
    })?;
    if envelope.format != Some(RECORD_FORMAT) {
        return Err(ReadError::WrongFormat);
    }
    let schema = check_schema(envelope.schema_version)?;
    let raw = envelope
        .assessment
        .ok_or_else(|| ReadError::Invalid(Problem::at("assessment", super::validate::ProblemKind::Missing)))?;
    parse_assessment(raw.get(), schema, "assessment")
}

pub(crate) fn check_schema(schema: Option<u64>) -> Result<u32, ReadError> {
    let schema = schema.ok_or(ReadError::BadSchema)?;
    match u32::try_from(schema) {
        Ok(0) => Err(ReadError::BadSchema),
        Ok(s) if s <= SCHEMA_VERSION => Ok(s),
        Ok(s) => Err(ReadError::NewerSchema(s)),
        Err(_) => Err(ReadError::NewerSchema(u32::MAX)),
    }
}

/// Runs the migrations from schema `from` up to the newest, one step at a time.
pub fn migrate(
    mut object: Map<String, Value>,
    from: u32,
    migrations: &[Migration],
) -> Result<Map<String, Value>, ReadError> {
    for (step, migration) in migrations.iter().enumerate().skip(from as usize - 1) {
        let at = step as u32 + 1;
        object = migration(object).map_err(|reason| ReadError::MigrationFailed { from: at, reason })?;
    }
    Ok(object)
}

/// Brings an assessment of schema `schema` to the current one, deserialises it strictly, and
/// validates it against the catalogue it names. Current-schema data is read directly; only older
/// data goes through the generic JSON tree the migrations work on.
pub(crate) fn parse_assessment(raw: &str, schema: u32, path: &str) -> Result<Assessment, ReadError> {
    let schema_problem =
        |e: serde_json::Error| ReadError::Invalid(Problem::at(path, ProblemKind::Schema(e.to_string())));
    let assessment: Assessment = if schema < SCHEMA_VERSION {
        let object = match serde_json::from_str(raw).map_err(schema_problem)? {
            Value::Object(object) => object,
            _ => return Err(ReadError::Invalid(Problem::at(path, ProblemKind::Missing))),
        };
        let migrated = migrate(object, schema, MIGRATIONS)?;
        serde_json::from_value(Value::Object(migrated)).map_err(schema_problem)?
    } else {
        serde_json::from_str(raw).map_err(schema_problem)?
    };
    validate_assessment(&assessment, path).map_err(ReadError::Invalid)?;
    Ok(assessment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{Edit, Status};
    use crate::domain::catalogue;

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
        assert!(matches!(decode_record("{not json"), Err(ReadError::NotJson(_))));
        assert_eq!(decode_record(r#"{"format":"other","schemaVersion":1}"#), Err(ReadError::WrongFormat));
        let newer = encode_record(&sample()).replace("\"schemaVersion\":1", "\"schemaVersion\":99");
        assert_eq!(decode_record(&newer), Err(ReadError::NewerSchema(99)));
        let zero = encode_record(&sample()).replace("\"schemaVersion\":1", "\"schemaVersion\":0");
        assert_eq!(decode_record(&zero), Err(ReadError::BadSchema));
    }

    #[test]
    fn migrations_run_in_order_from_the_stored_version() {
        fn v1_to_v2(mut o: Map<String, Value>) -> Result<Map<String, Value>, String> {
            o.insert("trail".into(), Value::String("2".into()));
            Ok(o)
        }
        fn v2_to_v3(mut o: Map<String, Value>) -> Result<Map<String, Value>, String> {
            let trail = o.get("trail").and_then(Value::as_str).unwrap_or("").to_owned();
            o.insert("trail".into(), Value::String(trail + "3"));
            Ok(o)
        }
        fn broken(_: Map<String, Value>) -> Result<Map<String, Value>, String> {
            Err("cannot".into())
        }
        let chain: &[Migration] = &[v1_to_v2, v2_to_v3];
        let from_one = migrate(Map::new(), 1, chain).unwrap();
        assert_eq!(from_one["trail"], "23");
        let mut at_two = Map::new();
        at_two.insert("trail".into(), Value::String("x".into()));
        assert_eq!(migrate(at_two, 2, chain).unwrap()["trail"], "x3");
        assert_eq!(migrate(Map::new(), 3, chain).unwrap(), Map::new());
        let failing: &[Migration] = &[v1_to_v2, broken];
        assert_eq!(
            migrate(Map::new(), 1, failing),
            Err(ReadError::MigrationFailed { from: 2, reason: "cannot".into() })
        );
    }
}
