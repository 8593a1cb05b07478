//! The catalogue against its sources: every item of `../shared/catalogue-map.md` is present with
//! its code, id, kind, section and elements, and every quoted text appears word for word in the
//! source documents of `../shared/seeds/` (whitespace and markdown emphasis normalised).
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::catalogue::{self, Catalogue, Kind, PLAN_TYPE_QUESTION};
use std::path::PathBuf;

/// `../shared` beside the repository, as in CI; `HELHEDSPLAN_SHARED` overrides it.
fn shared_dir() -> PathBuf {
    std::env::var_os("HELHEDSPLAN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn read_shared(relative: &str) -> String {
    let path = shared_dir().join(relative);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} must be readable (is ../shared beside the repository?): {e}", path.display()))
}

/// Collapses whitespace and drops markdown emphasis, which the plain-text extraction adds.
fn normalise(text: &str) -> String {
    text.replace('*', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

struct MapRow {
    code: String,
    id: String,
    kind: String,
    section: String,
    applies_to: String,
    elements: String,
}

fn map_rows() -> Vec<MapRow> {
    let map = read_shared("catalogue-map.md");
    map.lines()
        .filter(|line| line.starts_with("| ") && line.contains('`'))
        .map(|line| {
            let cells: Vec<String> =
                line.trim_matches('|').split(" | ").map(|c| c.trim().trim_matches('`').to_owned()).collect();
            assert_eq!(cells.len(), 6, "unexpected map row: {line}");
            MapRow {
                code: cells[0].clone(),
                id: cells[1].clone(),
                kind: cells[2].clone(),
                section: cells[3].clone(),
                applies_to: cells[4].clone(),
                elements: cells[5].clone(),
            }
        })
        .collect()
}

fn the_catalogue() -> &'static Catalogue {
    catalogue::find("kk-helhedsplaner-2011").expect("the Copenhagen 2011 catalogue is built in")
}

#[test]
fn every_item_of_the_map_is_present_in_order_with_its_code_id_kind_and_section() {
    let rows = map_rows();
    assert_eq!(rows.len(), 14, "the map lists K1-K12, A1 and F1");
    let catalogue = the_catalogue();
    let items: Vec<_> = catalogue.items().collect();
    assert_eq!(items.len(), rows.len());
    for (row, item) in rows.iter().zip(&items) {
        assert_eq!(item.code, row.code);
        assert_eq!(item.id, row.id, "{}", row.code);
        let kind = match row.kind.as_str() {
            "krav" => Kind::Krav,
            "anbefaling" => Kind::Anbefaling,
            "forudsætning" => Kind::Forudsaetning,
            other => panic!("unknown kind {other} in the map"),
        };
        assert_eq!(item.kind, kind, "{}", row.code);
        let section = catalogue.section_of(item.id).unwrap();
        assert_eq!(section.title.da, row.section, "{}", row.code);
    }
}

#[test]
fn each_item_has_one_checkbox_per_element_the_map_names() {
    let catalogue = the_catalogue();
    for row in map_rows() {
        let item = catalogue.item(&row.id).unwrap();
        let named = row.elements.split(';').count();
        assert_eq!(item.elements.len(), named, "{}: the map names {named} elements", row.code);
    }
}

#[test]
fn applicability_conditions_follow_the_map() {
    let catalogue = the_catalogue();
    for row in map_rows() {
        let item = catalogue.item(&row.id).unwrap();
        let questions: Vec<&str> = item.applies_when.iter().map(|c| c.question).collect();
        let expected: Vec<&str> = match row.applies_to.as_str() {
            "all" => vec![],
            "renewal of an existing plan" => vec!["plan-origin"],
            "an områdefornyelse in the same area" => vec!["omraadefornyelse"],
            "approval without municipal co-financing" => vec![PLAN_TYPE_QUESTION],
            other => panic!("{}: unknown 'applies to' {other}", row.code),
        };
        assert_eq!(questions, expected, "{}", row.code);
    }
    let k10 = catalogue.item("omraadefornyelse").unwrap();
    assert_eq!(k10.applies_when[0].any_of, ["ja", "ved-ikke"], "K10 applies unless the answer is no");
}

#[test]
fn every_quoted_requirement_appears_word_for_word_in_the_source() {
    let catalogue = the_catalogue();
    let source = normalise(&read_shared(&format!("seeds/{}", catalogue.source.seed_file)));
    let mut quotes = vec![("preamble".to_owned(), catalogue.preamble.da())];
    for item in catalogue.items() {
        quotes.push((item.code.to_owned(), item.text.da()));
    }
    for plan_type in catalogue.plan_types {
        quotes.push((plan_type.id.to_owned(), plan_type.description.da()));
    }
    for area in catalogue.focus_areas {
        quotes.push((area.id.to_owned(), area.name.da));
        quotes.push((area.id.to_owned(), area.text.da));
    }
    for (at, quote) in quotes {
        assert!(source.contains(&normalise(quote)), "{at}: not found verbatim in the source: {quote}");
    }
}

#[test]
fn every_why_quote_appears_word_for_word_in_the_evaluation() {
    let catalogue = the_catalogue();
    let evaluation = normalise(&read_shared(&format!("seeds/{}", catalogue.evidence.seed_file)));
    for item in catalogue.items() {
        for quote in item.why {
            assert!(
                evaluation.contains(&normalise(quote.da())),
                "{}: not in the evaluation: {}",
                item.code,
                quote.da()
            );
        }
    }
}

#[test]
fn the_verbatim_check_can_fail() {
    let source = normalise(&read_shared("seeds/000_116669aa15d126da.txt"));
    // One changed word, the typo the source has corrected, must not pass.
    let altered = "at helhedsplanerne indgår i Københavns Kommunes halvårlige evalueringskoncept";
    assert!(!source.contains(&normalise(altered)));
    assert!(
        source.contains(&normalise("at helhedsplanerne indgår i Københavns Kommunes halvårslige evalueringskoncept"))
    );
}

#[test]
fn the_catalogue_names_itself_its_source_and_the_plan_types_and_focus_areas() {
    let catalogue = the_catalogue();
    assert_eq!(catalogue.version, "1.0");
    assert_eq!(catalogue.source.title.da, "Krav og anbefalinger til ny runde helhedsplaner");
    assert_eq!(catalogue.source.date.da, "januar 2011");
    let sections: Vec<&str> = catalogue.sections.iter().map(|s| s.title.da).collect();
    assert_eq!(sections, ["Udarbejdelse af helhedsplaner", "Organisering", "Evaluering", "Ny runde helhedsplaner"]);
    let types: Vec<(&str, bool)> = catalogue.plan_types.iter().map(|t| (t.id, t.cofinancing)).collect();
    assert_eq!(types, [("type-1", true), ("type-2", true), ("uden-medfinansiering", false)]);
    assert_eq!(catalogue.focus_areas.len(), 4);
}

#[test]
fn every_text_has_both_languages_and_english_is_not_a_copy_of_danish() {
    let catalogue = the_catalogue();
    for item in catalogue.items() {
        let long = [item.text, item.explanation, item.applies]
            .into_iter()
            .chain(item.elements.iter().map(|e| e.text))
            .chain(item.why.iter().copied())
            .chain(item.questions.iter().copied());
        let texts = std::iter::once((item.title.da, item.title.en())).chain(long.map(|text| (text.da(), text.en())));
        for (da, en) in texts {
            assert!(!da.trim().is_empty() && !en.trim().is_empty(), "{}", item.code);
            assert_ne!(da, en, "{}: the English is a copy of the Danish", item.code);
        }
        assert!((2..=3).contains(&item.questions.len()), "{}", item.code);
    }
}
