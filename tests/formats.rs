//! Stored records and export files: every released schema version still loads, export and
//! import give back the same assessments, and the importer refuses every broken file with its
//! specific reason, never panics, and never lets through a file that breaks the schema.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::assessment::{AnswerField, Assessment, Edit, ProfileField, Status};
use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::domain::exchange::{self, ImportError, MAX_IMPORT_BYTES};
use helhedsplan_tjek::domain::file_format::{self, ReadError, SCHEMA_VERSION};
use helhedsplan_tjek::domain::i18n::Lang;
use helhedsplan_tjek::domain::validate::{validate_assessment, ProblemKind};
use helhedsplan_tjek::domain::wording;
use proptest::prelude::*;
use std::path::Path;

const EXPORTED_AT: &str = "2026-11-21T09:00:00.000Z";

fn fixture(version: u32, name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-{version}/{name}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_released_schema_version_has_fixtures_that_load() {
    for version in 1..=SCHEMA_VERSION {
        let record = file_format::decode_record(&fixture(version, "record.json"))
            .unwrap_or_else(|e| panic!("schema {version} record: {e:?}"));
        let exported = exchange::import(&fixture(version, "export.json"))
            .unwrap_or_else(|e| panic!("schema {version} export: {e:?}"));
        assert_eq!(
            exported,
            vec![record.clone()],
            "schema {version}: the record and the export hold the same assessment"
        );
        assert_eq!(record.profile.plan_name, "Helhedsplan Mjølnerparken 2026");
        assert_eq!(record.status("sekretariat"), Status::PartlyMet);
        assert_eq!(record.answer("sekretariat").unwrap().action.deadline, "2027-03-01");
        assert_eq!(record.answer("faelles-analyse").unwrap().elements.len(), 3);
    }
}

#[test]
fn the_documented_example_is_exactly_what_the_app_exports() {
    let example =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example-export.json")).unwrap();
    let assessments = exchange::import(&example).expect("the example imports");
    assert_eq!(exchange::export(&assessments, EXPORTED_AT), example);
}

fn import_error(text: &str) -> ImportError {
    exchange::import(text).expect_err("the file must be refused")
}

fn example() -> String {
    fixture(1, "export.json")
}

#[test]
fn each_kind_of_broken_file_gets_its_own_reason() {
    assert_eq!(import_error(&" ".repeat(MAX_IMPORT_BYTES + 1)), ImportError::TooLarge { bytes: MAX_IMPORT_BYTES + 1 });
    assert_eq!(import_error("  "), ImportError::Empty);
    assert_eq!(
        import_error("{\n  \"format\": \"helhedsplan-tjek.export\",\n  oops\n}"),
        ImportError::NotJson { line: 3, column: 3 }
    );
    assert_eq!(import_error(r#"{"name": "an unrelated file"}"#), ImportError::WrongFormat);
    assert_eq!(import_error("[1, 2, 3]"), ImportError::WrongFormat);
    let newer = example().replace("\"schemaVersion\": 1", "\"schemaVersion\": 7");
    assert_eq!(import_error(&newer), ImportError::NewerSchema(7));
    let catalogue = example().replace("\"version\": \"1.0\"\n      },", "\"version\": \"9.9\"\n      },");
    assert!(
        matches!(import_error(&catalogue), ImportError::Invalid(p) if matches!(p.kind, ProblemKind::UnknownCatalogue { .. }) && p.path == "assessments[0].catalogue")
    );
    let item = example().replace("\"sekretariat\": {", "\"sekretariat-x\": {");
    assert!(
        matches!(import_error(&item), ImportError::Invalid(p) if p.kind == ProblemKind::UnknownItem("sekretariat-x".into()))
    );
    let status = example().replace("\"status\": \"partly-met\"", "\"status\": \"nearly\"");
    assert!(
        matches!(import_error(&status), ImportError::Invalid(p) if p.kind == ProblemKind::UnknownStatus("nearly".into()) && p.path == "assessments[0].answers.sekretariat.status")
    );
    let date = example().replace("2027-03-01", "2027-13-01");
    assert!(
        matches!(import_error(&date), ImportError::Invalid(p) if p.kind == ProblemKind::BadDate("2027-13-01".into()) && p.path == "assessments[0].answers.sekretariat.action.deadline")
    );
    let long = example().replace("Bestyrelsen", &"x".repeat(501));
    assert!(matches!(import_error(&long), ImportError::Invalid(p) if p.kind == ProblemKind::TooLong { max: 500 }));
    let extra = example().replace("\"notes\": \"\",", "\"notes\": \"\", \"colour\": \"red\",");
    assert!(
        matches!(import_error(&extra), ImportError::Invalid(p) if p.kind == ProblemKind::UnknownField("colour".into())),
        "unknown fields are refused"
    );
    let partial = example().replace("\"assessments\": [\n    {", "\"assessments\": [\n    {\"id\":\"x\"},\n    {");
    assert!(
        matches!(import_error(&partial), ImportError::Invalid(p) if p.kind == ProblemKind::Missing && p.path.starts_with("assessments[0]."))
    );
    let wrong_type = example().replace("\"notes\": \"\",", "\"notes\": 5,");
    assert!(
        matches!(import_error(&wrong_type), ImportError::Invalid(p) if p.kind == ProblemKind::WrongType { expected: "text" })
    );
    let none = r#"{"format":"helhedsplan-tjek.export","schemaVersion":1,"assessments":[]}"#;
    assert_eq!(import_error(none), ImportError::NoAssessments);
}

#[test]
fn every_refusal_reads_as_a_danish_sentence_that_says_where() {
    let date = example().replace("2027-03-01", "2027-13-01");
    let text = wording::import_error(&import_error(&date), Lang::Da);
    assert_eq!(
        text,
        "«2027-13-01» ved assessments[0].answers.sekretariat.action.deadline er ikke en dato (ÅÅÅÅ-MM-DD)."
    );
    let text = wording::import_error(&ImportError::NotJson { line: 3, column: 7 }, Lang::Da);
    assert_eq!(text, "Filen er ikke gyldig JSON. Fejlen er i linje 3, tegn 7.");
}

#[test]
fn a_single_stored_record_can_be_imported_too() {
    let assessments = exchange::import(&fixture(1, "record.json")).unwrap();
    assert_eq!(assessments.len(), 1);
}

#[test]
fn stored_data_that_cannot_be_read_says_why() {
    assert!(matches!(file_format::decode_record("{\"format\": \"helhedsplan"), Err(ReadError::NotJson { .. })));
    let newer = fixture(1, "record.json").replace("\"schemaVersion\":1", "\"schemaVersion\":2");
    assert_eq!(file_format::decode_record(&newer), Err(ReadError::NewerSchema(2)));
}

const DATES: [&str; 4] = ["", "2026-11-21", "2027-02-28", "2024-02-29"];

fn arbitrary_text() -> impl Strategy<Value = String> {
    "\\PC{0,40}"
}

prop_compose! {
    fn arbitrary_assessment()(
        id in "[a-z0-9][a-z0-9-]{0,20}",
        name in arbitrary_text(),
        organisation in arbitrary_text(),
        plan_type in prop::option::of(prop::sample::select(vec!["type-1", "type-2", "uden-medfinansiering"])),
        origin in prop::option::of(prop::sample::select(vec!["ny", "fornyelse"])),
        answers in prop::collection::vec(
            (
                prop::sample::select(catalogue::current().items().map(|i| i.id).collect::<Vec<_>>()),
                prop::sample::select(vec![Status::Met, Status::PartlyMet, Status::NotMet, Status::NotRelevant, Status::Unanswered]),
                arbitrary_text(),
                arbitrary_text(),
                prop::sample::select(DATES.to_vec()),
                any::<bool>(),
                prop::option::of(arbitrary_text()),
            ),
            0..14,
        ),
    ) -> Assessment {
        let now = "2026-11-21T10:00:00.000Z";
        let mut a = Assessment::new(id, catalogue::current(), now);
        a.apply(&Edit::ProfileText(ProfileField::PlanName, name), now);
        a.apply(&Edit::ProfileText(ProfileField::Organisation, organisation), now);
        a.apply(&Edit::PlanType(plan_type.map(str::to_owned)), now);
        if let Some(origin) = origin {
            a.apply(&Edit::Condition { question: "plan-origin".into(), option: Some(origin.into()) }, now);
        }
        for (item, status, notes, owner, deadline, tick_first, included) in answers {
            a.apply(&Edit::Status { item: item.into(), status }, now);
            a.apply(&Edit::AnswerText { item: item.into(), field: AnswerField::Notes, value: notes }, now);
            a.apply(&Edit::AnswerText { item: item.into(), field: AnswerField::ActionOwner, value: owner }, now);
            a.apply(&Edit::AnswerText { item: item.into(), field: AnswerField::ActionDeadline, value: deadline.into() }, now);
            if tick_first {
                let element = catalogue::current().item(item).unwrap().elements[0].id;
                a.apply(&Edit::Element { item: item.into(), element: element.into(), ticked: true }, now);
            }
            a.apply(&Edit::IncludeAnyway { item: item.into(), reason: included }, now);
        }
        a
    }
}

/// A small change to a valid file: a character replaced, a range cut out, or text inserted.
fn mutate(text: &str, at: usize, kind: u8, insert: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at % chars.len().max(1);
    let mut out: Vec<char> = chars.clone();
    match kind % 3 {
        0 => {
            out[at] = insert.chars().next().unwrap_or('x');
        }
        1 => {
            let end = (at + insert.len() % 17 + 1).min(out.len());
            out.drain(at..end);
        }
        _ => {
            for (n, ch) in insert.chars().enumerate() {
                out.insert(at + n, ch);
            }
        }
    }
    out.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_back_identical_assessments(list in prop::collection::vec(arbitrary_assessment(), 1..4)) {
        let mut list = list;
        for (n, a) in list.iter_mut().enumerate() {
            a.id = format!("{}-{n}", a.id);
        }
        let file = exchange::export(&list, EXPORTED_AT);
        prop_assert_eq!(exchange::import(&file), Ok(list));
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_importer(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = exchange::import(&text);
        let _ = file_format::decode_record(&text);
    }

    #[test]
    fn a_mutated_file_is_refused_or_is_still_valid(a in arbitrary_assessment(), at in any::<usize>(), kind in any::<u8>(),
        insert in prop::sample::select(vec!["\"", "{", "}", ",", "x", "\"status\": \"met\",", "null", "9", "[", "\"colour\": 1,", "é"])) {
        let file = exchange::export(&[a], EXPORTED_AT);
        let mutated = mutate(&file, at, kind, insert);
        if let Ok(assessments) = exchange::import(&mutated) {
            for assessment in &assessments {
                prop_assert!(validate_assessment(assessment, "a").is_ok(), "accepted but invalid: {:?}", assessment);
            }
            let again = exchange::export(&assessments, EXPORTED_AT);
            prop_assert_eq!(exchange::import(&again), Ok(assessments));
        }
    }
}
