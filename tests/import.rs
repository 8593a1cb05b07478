//! Importing the files a user picked (`exchange::import_files`): all of them or none, and a
//! refusal worded for the user, naming the file when there were several.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::assessment::{Assessment, Edit, ProfileField, Status};
use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::domain::exchange::{self, ImportFile};
use helhedsplan_tjek::domain::i18n::Lang;
use helhedsplan_tjek::domain::wording;

const NOW: &str = "2026-11-21T10:00:00.000Z";

fn plan(id: &str, name: &str, k9: Status) -> Assessment {
    let mut a = Assessment::new(id.into(), catalogue::current(), NOW);
    a.apply(&Edit::ProfileText(ProfileField::PlanName, name.into()), NOW);
    a.apply(&Edit::ProfileText(ProfileField::Assessor, name.into()), NOW);
    a.apply(&Edit::PlanType(Some("type-1".into())), NOW);
    a.apply(&Edit::Status { item: "sekretariat".into(), status: k9 }, NOW);
    a
}

/// The import, with a refusal worded as the user reads it.
fn import_files(files: &[ImportFile], lang: Lang) -> Result<Vec<Assessment>, String> {
    exchange::import_files(files).map_err(|refused| wording::file_refused(&refused, lang))
}

fn text(name: &str, text: &str) -> ImportFile {
    ImportFile::Text { name: name.into(), text: text.into() }
}

#[test]
fn imports_all_files_or_none_and_words_the_refusal() {
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/example-export.json")).unwrap();
    let both = import_files(&[text("a.json", &example), text("b.json", &example)], Lang::Da).unwrap();
    assert_eq!(both.len(), 2);
    assert_eq!(
        import_files(&[text("a.json", &example), text("b.json", "{oops")], Lang::Da),
        Err("b.json: Filen er ikke gyldig JSON. Fejlen er i linje 1, tegn 2.".to_owned())
    );
    assert_eq!(
        import_files(&[text("a.json", "{oops"), text("b.json", &example)], Lang::En),
        Err("a.json: The file is not valid JSON. The error is at line 1, character 2.".to_owned()),
        "the first refusal refuses the rest, in the reader's language"
    );
    assert_eq!(import_files(&[], Lang::Da), Ok(vec![]));
}

#[test]
fn an_export_imports_back_unchanged_and_a_file_too_large_is_refused_by_its_size() {
    let people = vec![plan("p1", "Aisha", Status::Met), plan("p2", "Bo", Status::NotMet)];
    let file = exchange::export(&people, NOW);
    assert_eq!(import_files(&[text("backup.json", &file)], Lang::Da), Ok(people));
    let refused = import_files(&[ImportFile::TooLarge { name: "big.json".into(), bytes: 3_000_000 }], Lang::Da);
    assert_eq!(
        refused,
        Err("Filen er for stor (2930 KB). Den største fil, der kan importeres, er 2048 KB.".to_owned()),
        "one file: the reason alone, with its size"
    );
}

#[test]
fn a_problem_at_the_top_of_a_file_is_placed_in_words() {
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/example-export.json")).unwrap();
    let extra = example.replacen("\"app\": {", "\"colour\": \"red\",\n  \"app\": {", 1);
    assert_eq!(
        import_files(&[text("a.json", &extra)], Lang::Da),
        Err("Feltet «colour» ved filen hører ikke til formatet.".to_owned())
    );
    assert_eq!(
        import_files(&[text("a.json", &extra)], Lang::En),
        Err("The field «colour» at the top level of the file is not part of the format.".to_owned())
    );
}
