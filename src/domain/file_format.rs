//! The stored form of assessments, schema versions and migrations, and the field-by-field
//! conversion between assessments and JSON that both storage and export files use. One chain of
//! migrations serves local storage and imported files alike.
//!
//! Adding a schema version: bump `SCHEMA_VERSION`, append one migration to `MIGRATIONS`, keep
//! the old version's fixtures in `tests/fixtures/`, and add the new version's. See
//! docs/file-format.md.
//!
//! Reading is strict: every field must be there, with the right type, and nothing else may be.
//! Each refusal names the JSON path where it happened.

use super::assessment::{Action, Answer, Assessment, CatalogueRef, Profile, Status};
use super::collections::{TextMap, TextSet};
use super::json::{self, Json, ObjectWriter};
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
pub type Migration = fn(Json) -> Result<Json, String>;
pub const MIGRATIONS: &[Migration] = &[];

/// Why stored or imported data could not be read. Data that fails is never deleted: the caller
/// moves it aside (storage) or rejects it unchanged (import).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON at all; where it stopped being JSON.
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

/// The local-storage form of one assessment.
pub fn encode_record(assessment: &Assessment) -> String {
    let mut out = String::with_capacity(1024);
    let mut record = ObjectWriter::new(&mut out);
    record.string("format", RECORD_FORMAT);
    record.raw("schemaVersion", &SCHEMA_VERSION.to_string());
    write_assessment(record.key("assessment"), assessment);
    record.end();
    out
}

/// Reads a stored record of any released schema, migrating it to the current one.
pub fn decode_record(text: &str) -> Result<Assessment, ReadError> {
    let value = json::parse(text).map_err(|e| ReadError::NotJson { line: e.line, column: e.column })?;
    decode_record_json(&value)
}

/// `decode_record` for a record already parsed (as it arrives inside a larger message).
pub fn decode_record_json(value: &Json) -> Result<Assessment, ReadError> {
    let Json::Object(members) = value else { return Err(ReadError::WrongFormat) };
    let field = |name: &str| members.iter().find(|(key, _)| key == name).map(|(_, v)| v);
    if field("format") != Some(&Json::String(RECORD_FORMAT.into())) {
        return Err(ReadError::WrongFormat);
    }
    let schema = check_schema(field("schemaVersion"))?;
    let allowed = ["format", "schemaVersion", "assessment"];
    if let Some((key, _)) = members.iter().find(|(key, _)| !allowed.contains(&key.as_str())) {
        return Err(ReadError::Invalid(Problem::at(key, ProblemKind::UnknownField(key.clone()))));
    }
    let assessment = field("assessment").ok_or(ReadError::Invalid(Problem::at("assessment", ProblemKind::Missing)))?;
    parse_assessment(assessment.clone(), schema, "assessment")
}

/// Checks `schemaVersion`: a whole number this build knows.
pub(crate) fn check_schema(value: Option<&Json>) -> Result<u32, ReadError> {
    let Some(Json::Number(text)) = value else { return Err(ReadError::BadSchema) };
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ReadError::BadSchema);
    }
    match text.parse::<u32>() {
        Ok(0) => Err(ReadError::BadSchema),
        Ok(schema) if schema <= SCHEMA_VERSION => Ok(schema),
        Ok(schema) => Err(ReadError::NewerSchema(schema)),
        Err(_) => Err(ReadError::NewerSchema(u32::MAX)),
    }
}

/// Runs the migrations from schema `from` up to the newest, one step at a time.
pub fn migrate(mut value: Json, from: u32, migrations: &[Migration]) -> Result<Json, ReadError> {
    for (step, migration) in migrations.iter().enumerate().skip(from as usize - 1) {
        let at = step as u32 + 1;
        value = migration(value).map_err(|reason| ReadError::MigrationFailed { from: at, reason })?;
    }
    Ok(value)
}

/// Brings an assessment of schema `schema` to the current one, reads it strictly, and
/// validates it against the catalogue it names.
pub(crate) fn parse_assessment(value: Json, schema: u32, path: &str) -> Result<Assessment, ReadError> {
    let value = if schema < SCHEMA_VERSION { migrate(value, schema, MIGRATIONS)? } else { value };
    let assessment = read_assessment(&value, path).map_err(ReadError::Invalid)?;
    validate_assessment(&assessment, path).map_err(ReadError::Invalid)?;
    Ok(assessment)
}

// --- Writing ---------------------------------------------------------------------------------

/// An assessment as compact JSON, fields in a fixed order (docs/file-format.md).
pub fn write_assessment(out: &mut String, a: &Assessment) {
    let mut object = ObjectWriter::new(out);
    object.string("id", &a.id);
    write_catalogue_ref(object.key("catalogue"), &a.catalogue);
    object.string("createdAt", &a.created_at);
    object.string("updatedAt", &a.updated_at);
    write_profile(object.key("profile"), &a.profile);
    let answers = object.key("answers");
    let mut map = ObjectWriter::new(answers);
    for (item, answer) in &a.answers {
        write_answer(map.key(item), answer);
    }
    map.end();
    object.end();
}

pub fn write_catalogue_ref(out: &mut String, catalogue: &CatalogueRef) {
    let mut object = ObjectWriter::new(out);
    object.string("id", &catalogue.id);
    object.string("version", &catalogue.version);
    object.end();
}

fn write_optional(out: &mut String, value: Option<&str>) {
    match value {
        Some(text) => json::write_string(out, text),
        None => out.push_str("null"),
    }
}

fn write_profile(out: &mut String, p: &Profile) {
    let mut object = ObjectWriter::new(out);
    object.string("planName", &p.plan_name);
    object.string("organisation", &p.organisation);
    object.string("housingArea", &p.housing_area);
    object.string("assessor", &p.assessor);
    object.string("date", &p.date);
    write_optional(object.key("planType"), p.plan_type.as_deref());
    let mut conditions = ObjectWriter::new(object.key("conditions"));
    for (question, option) in &p.conditions {
        conditions.string(question, option);
    }
    conditions.end();
    object.end();
}

fn write_answer(out: &mut String, a: &Answer) {
    let mut object = ObjectWriter::new(out);
    object.string("status", a.status.key());
    let elements = object.key("elements");
    elements.push('[');
    for (n, element) in a.elements.iter().enumerate() {
        if n > 0 {
            elements.push(',');
        }
        json::write_string(elements, element);
    }
    elements.push(']');
    object.string("documentedIn", &a.documented_in);
    object.string("notes", &a.notes);
    object.string("notRelevantReason", &a.not_relevant_reason);
    let mut action = ObjectWriter::new(object.key("action"));
    action.string("description", &a.action.description);
    action.string("owner", &a.action.owner);
    action.string("deadline", &a.action.deadline);
    action.end();
    write_optional(object.key("includedAnyway"), a.included_anyway.as_deref());
    object.end();
}

// --- Reading ---------------------------------------------------------------------------------

/// An object's members, checked: no unknown or repeated names.
pub(crate) struct Fields<'a> {
    members: &'a [(String, Json)],
    path: &'a str,
}

impl<'a> Fields<'a> {
    pub(crate) fn of(value: &'a Json, path: &'a str, allowed: &[&str]) -> Result<Fields<'a>, Problem> {
        let Json::Object(members) = value else {
            return Err(Problem::at(path, ProblemKind::WrongType { expected: "object" }));
        };
        for (n, (key, _)) in members.iter().enumerate() {
            if !allowed.contains(&key.as_str()) {
                return Err(Problem::at(path, ProblemKind::UnknownField(key.clone())));
            }
            if members[..n].iter().any(|(earlier, _)| earlier == key) {
                return Err(Problem::at(path, ProblemKind::Repeated(key.clone())));
            }
        }
        Ok(Fields { members, path })
    }

    pub(crate) fn path(&self, name: &str) -> String {
        format!("{}.{name}", self.path)
    }

    pub(crate) fn get(&self, name: &str) -> Result<&'a Json, Problem> {
        self.members
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, v)| v)
            .ok_or_else(|| Problem::at(&self.path(name), ProblemKind::Missing))
    }

    pub(crate) fn optional(&self, name: &str) -> Option<&'a Json> {
        self.members.iter().find(|(key, _)| key == name).map(|(_, v)| v)
    }

    pub(crate) fn string(&self, name: &str) -> Result<String, Problem> {
        as_string(self.get(name)?, &self.path(name))
    }

    fn optional_string(&self, name: &str) -> Result<Option<String>, Problem> {
        match self.get(name)? {
            Json::Null => Ok(None),
            value => as_string(value, &self.path(name)).map(Some),
        }
    }
}

pub(crate) fn as_string(value: &Json, path: &str) -> Result<String, Problem> {
    match value {
        Json::String(text) => Ok(text.clone()),
        _ => Err(Problem::at(path, ProblemKind::WrongType { expected: "text" })),
    }
}

pub(crate) fn read_catalogue_ref(value: &Json, path: &str) -> Result<CatalogueRef, Problem> {
    let fields = Fields::of(value, path, &["id", "version"])?;
    Ok(CatalogueRef { id: fields.string("id")?, version: fields.string("version")? })
}

fn read_text_map(value: &Json, path: &str) -> Result<TextMap<String>, Problem> {
    let Json::Object(members) = value else {
        return Err(Problem::at(path, ProblemKind::WrongType { expected: "object" }));
    };
    let mut map = TextMap::new();
    for (key, value) in members {
        let text = as_string(value, &format!("{path}.{key}"))?;
        if map.insert(key.clone(), text).is_some() {
            return Err(Problem::at(path, ProblemKind::Repeated(key.clone())));
        }
    }
    Ok(map)
}

pub(crate) fn read_assessment(value: &Json, path: &str) -> Result<Assessment, Problem> {
    let fields = Fields::of(value, path, &["id", "catalogue", "createdAt", "updatedAt", "profile", "answers"])?;
    let answers_path = fields.path("answers");
    let Json::Object(members) = fields.get("answers")? else {
        return Err(Problem::at(&answers_path, ProblemKind::WrongType { expected: "object" }));
    };
    let mut answers = TextMap::new();
    for (item, value) in members {
        let answer = read_answer(value, &format!("{answers_path}.{item}"))?;
        if answers.insert(item.clone(), answer).is_some() {
            return Err(Problem::at(&answers_path, ProblemKind::Repeated(item.clone())));
        }
    }
    Ok(Assessment {
        id: fields.string("id")?,
        catalogue: read_catalogue_ref(fields.get("catalogue")?, &fields.path("catalogue"))?,
        created_at: fields.string("createdAt")?,
        updated_at: fields.string("updatedAt")?,
        profile: read_profile(fields.get("profile")?, &fields.path("profile"))?,
        answers,
    })
}

fn read_profile(value: &Json, path: &str) -> Result<Profile, Problem> {
    let fields = Fields::of(
        value,
        path,
        &["planName", "organisation", "housingArea", "assessor", "date", "planType", "conditions"],
    )?;
    Ok(Profile {
        plan_name: fields.string("planName")?,
        organisation: fields.string("organisation")?,
        housing_area: fields.string("housingArea")?,
        assessor: fields.string("assessor")?,
        date: fields.string("date")?,
        plan_type: fields.optional_string("planType")?,
        conditions: read_text_map(fields.get("conditions")?, &fields.path("conditions"))?,
    })
}

fn read_answer(value: &Json, path: &str) -> Result<Answer, Problem> {
    let fields = Fields::of(
        value,
        path,
        &["status", "elements", "documentedIn", "notes", "notRelevantReason", "action", "includedAnyway"],
    )?;
    let status_text = fields.string("status")?;
    let status = [Status::Unanswered, Status::Met, Status::PartlyMet, Status::NotMet, Status::NotRelevant]
        .into_iter()
        .find(|s| s.key() == status_text)
        .ok_or_else(|| Problem::at(&fields.path("status"), ProblemKind::UnknownStatus(status_text)))?;
    let elements_path = fields.path("elements");
    let Json::Array(items) = fields.get("elements")? else {
        return Err(Problem::at(&elements_path, ProblemKind::WrongType { expected: "list" }));
    };
    let mut elements = TextSet::new();
    for (n, item) in items.iter().enumerate() {
        let element = as_string(item, &format!("{elements_path}[{n}]"))?;
        if !elements.insert(element.clone()) {
            return Err(Problem::at(&elements_path, ProblemKind::Repeated(element)));
        }
    }
    let action_path = fields.path("action");
    let action_fields = Fields::of(fields.get("action")?, &action_path, &["description", "owner", "deadline"])?;
    Ok(Answer {
        status,
        elements,
        documented_in: fields.string("documentedIn")?,
        notes: fields.string("notes")?,
        not_relevant_reason: fields.string("notRelevantReason")?,
        action: Action {
            description: action_fields.string("description")?,
            owner: action_fields.string("owner")?,
            deadline: action_fields.string("deadline")?,
        },
        included_anyway: fields.optional_string("includedAnyway")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::Edit;
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
        assert_eq!(decode_record("{not json"), Err(ReadError::NotJson { line: 1, column: 2 }));
        assert_eq!(decode_record(r#"{"format":"other","schemaVersion":1}"#), Err(ReadError::WrongFormat));
        assert_eq!(decode_record("[]"), Err(ReadError::WrongFormat));
        let newer = encode_record(&sample()).replace("\"schemaVersion\":1", "\"schemaVersion\":99");
        assert_eq!(decode_record(&newer), Err(ReadError::NewerSchema(99)));
        let zero = encode_record(&sample()).replace("\"schemaVersion\":1", "\"schemaVersion\":0");
        assert_eq!(decode_record(&zero), Err(ReadError::BadSchema));
        let fraction = encode_record(&sample()).replace("\"schemaVersion\":1", "\"schemaVersion\":1.5");
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
    fn migrations_run_in_order_from_the_stored_version() {
        fn v1_to_v2(_: Json) -> Result<Json, String> {
            Ok(Json::String("2".into()))
        }
        fn v2_to_v3(value: Json) -> Result<Json, String> {
            match value {
                Json::String(trail) => Ok(Json::String(trail + "3")),
                _ => Err("not a trail".into()),
            }
        }
        fn broken(_: Json) -> Result<Json, String> {
            Err("cannot".into())
        }
        let chain: &[Migration] = &[v1_to_v2, v2_to_v3];
        assert_eq!(migrate(Json::Null, 1, chain), Ok(Json::String("23".into())));
        assert_eq!(migrate(Json::String("x".into()), 2, chain), Ok(Json::String("x3".into())));
        assert_eq!(migrate(Json::Null, 3, chain), Ok(Json::Null));
        let failing: &[Migration] = &[v1_to_v2, broken];
        assert_eq!(
            migrate(Json::Null, 1, failing),
            Err(ReadError::MigrationFailed { from: 2, reason: "cannot".into() })
        );
    }
}
