//! The catalogue against its sources: every item of `../shared/catalogue-map.md` is present with
//! its code, id, kind, section and elements, and every quoted text appears word for word in the
//! source documents of `../shared/seeds/` (whitespace and markdown emphasis normalised). Without
//! the sources (a clone of the repository alone) those checks are skipped and say so, except in
//! CI (`tests/support/sources.rs`); the checks of the catalogue's own data always run.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/sources.rs"]
mod sources;

use helhedsplan_tjek::domain::catalogue::{self, Catalogue, Kind, PLAN_TYPE_QUESTION};

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

/// The rows of `catalogue-map.md`; None without the sources.
fn map_rows() -> Option<Vec<MapRow>> {
    let map = sources::read("catalogue-map.md")?;
    let rows = map
        .lines()
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
        .collect();
    Some(rows)
}

fn the_catalogue() -> &'static Catalogue {
    catalogue::find("kk-helhedsplaner-2011").expect("the Copenhagen 2011 catalogue is built in")
}

#[test]
fn every_item_of_the_map_is_present_in_order_with_its_code_id_kind_and_section() {
    let Some(rows) = map_rows() else { return };
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
    let Some(rows) = map_rows() else { return };
    for row in rows {
        let item = catalogue.item(&row.id).unwrap();
        let named = row.elements.split(';').count();
        assert_eq!(item.elements.len(), named, "{}: the map names {named} elements", row.code);
    }
}

#[test]
fn applicability_conditions_follow_the_map() {
    let catalogue = the_catalogue();
    let k10 = catalogue.item("omraadefornyelse").unwrap();
    assert_eq!(k10.applies_when[0].any_of, ["ja", "ved-ikke"], "K10 applies unless the answer is no");
    let Some(rows) = map_rows() else { return };
    for row in rows {
        let item = catalogue.item(&row.id).unwrap();
        let questions: Vec<&str> = item.applies_when.iter().map(|c| c.question).collect();
        let expected: Vec<&str> = match row.applies_to.as_str() {
            // The map says "all", but the brochure leaves plans without co-financing out of the
            // evaluation (see `k12_leaves_out_plans_without_cofinancing_in_the_brochures_words`).
            "all" if row.id == "halvaarlig-evaluering" => vec![PLAN_TYPE_QUESTION],
            "all" => vec![],
            "renewal of an existing plan" => vec!["plan-origin"],
            "an områdefornyelse in the same area" => vec!["omraadefornyelse"],
            "approval without municipal co-financing" => vec![PLAN_TYPE_QUESTION],
            other => panic!("{}: unknown 'applies to' {other}", row.code),
        };
        assert_eq!(questions, expected, "{}", row.code);
    }
}

#[test]
fn every_quoted_requirement_appears_word_for_word_in_the_source() {
    let catalogue = the_catalogue();
    let Some(source) = source_text() else { return };
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
    let Some(evaluation) = sources::read(&format!("seeds/{}", catalogue.evidence.seed_file)) else { return };
    let evaluation = normalise(&evaluation);
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
    let Some(source) = sources::read("seeds/000_116669aa15d126da.txt") else { return };
    let source = normalise(&source);
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
    assert_eq!(catalogue.version, "1.1");
    assert!(catalogue.reads_version("1.0"), "assessments saved against 1.0 still load");
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

/// The catalogue's source, normalised; None without the sources.
fn source_text() -> Option<String> {
    sources::read(&format!("seeds/{}", the_catalogue().source.seed_file)).map(|text| normalise(&text))
}

/// The parts of a text inside «…»: quotations from the source.
fn quoted(text: &str) -> Vec<&str> {
    text.split('«').skip(1).filter_map(|rest| rest.split_once('»').map(|(quote, _)| quote)).collect()
}

#[test]
fn k12_leaves_out_plans_without_cofinancing_in_the_brochures_words() {
    let catalogue = the_catalogue();
    let k12 = catalogue.item("halvaarlig-evaluering").unwrap();
    let with_cofinancing: Vec<&str> = catalogue.plan_types.iter().filter(|t| t.cofinancing).map(|t| t.id).collect();
    assert_eq!(k12.applies_when.len(), 1);
    assert_eq!((k12.applies_when[0].question, k12.applies_when[0].any_of), (PLAN_TYPE_QUESTION, &with_cofinancing[..]));
    let applies = quoted(k12.applies.da());
    assert_eq!(applies, ["indgår heller ikke i den kommunale evalueringsindsats"]);
    // The explanation shows that the brochure says both "årligt" and "halvårslige".
    let explanation = quoted(k12.explanation.da());
    assert!(explanation.iter().any(|q| q.contains("årligt")) && explanation.iter().any(|q| q.contains("halvårslige")));
    assert!(k12.why.iter().any(|w| w.da().contains("indgår som baggrundsmateriale for styringsdialogen")));
    let Some(source) = source_text() else { return };
    for quote in applies.iter().chain(&explanation) {
        assert!(source.contains(&normalise(quote)), "K12: «{quote}» is not in the source");
    }
}

#[test]
fn items_on_nye_helhedsplaner_say_how_a_renewal_reads_them() {
    let catalogue = the_catalogue();
    for id in [
        "organisering-snitflader",
        "forandringsstrategi",
        "kompetenceudvikling",
        "fysiske-tiltag",
        "sekretariat",
        "styregruppe-afklaring",
    ] {
        let item = catalogue.item(id).unwrap();
        assert!(item.applies_when.is_empty(), "{}: applies to every plan", item.code);
        let applies = item.applies.da();
        let quote = quoted(applies);
        assert!(
            quote.len() == 1 && quote[0].starts_with("nye ") && item.text.da().contains(quote[0]),
            "{}: {applies}",
            item.code
        );
        assert!(applies.contains("Ved en fornyelse") && item.applies.en().contains("For a renewal"), "{}", item.code);
    }
}

#[test]
fn k9s_small_estates_element_is_conditional_and_says_so() {
    let catalogue = the_catalogue();
    let conditional: Vec<(&str, &str)> = catalogue
        .items()
        .flat_map(|item| item.elements.iter().filter(|e| e.conditional).map(move |e| (item.code, e.id)))
        .collect();
    assert_eq!(conditional, [("K9", "smaa-afdelinger")]);
    let element = catalogue.item("sekretariat").unwrap().element("smaa-afdelinger").unwrap();
    assert!(element.text.da().starts_with("Hvis planen omfatter små afdelinger: "));
    assert!(catalogue.items().all(|item| item.required_elements().count() > 0));
}

#[test]
fn the_revised_wording_follows_the_source() {
    let catalogue = the_catalogue();
    let k5 = catalogue.item("forandringsstrategi").unwrap();
    for id in ["kortsigtede-maal", "langsigtede-maal"] {
        let text = k5.element(id).unwrap().text.da();
        assert!(text.contains("Aktiviteterne og ressourcerne er sammenkædet med"), "K5 {id}: {text}");
    }
    let k7 = catalogue.item("borgerinddragelse").unwrap();
    assert!(k7.elements[0].text.da().contains("indtænker") && k7.explanation.da().contains("indtænker"));
    // The source writes "det Socioøkonomiske Københavnerkort" in lower case.
    let k1 = catalogue.item("faelles-analyse").unwrap();
    let texts = [k1.explanation.da()]
        .into_iter()
        .chain(k1.elements.iter().map(|e| e.text.da()))
        .chain(k1.questions.iter().map(|q| q.da()));
    let naming: Vec<&str> = texts.filter(|t| t.contains("Socioøkonomiske")).collect();
    assert!(!naming.is_empty(), "K1's texts name the Københavnerkort");
    for text in naming {
        assert!(text.contains("det Socioøkonomiske Københavnerkort"), "{text}");
    }
}

#[test]
fn type_2_for_a_new_plan_is_a_profile_conflict_in_the_data() {
    let catalogue = the_catalogue();
    let conflict = catalogue.profile_conflict("type-2-ny").expect("the conflict is data");
    let when: Vec<(&str, &[&str])> = conflict.when.iter().map(|c| (c.question, c.any_of)).collect();
    assert_eq!(when, [(PLAN_TYPE_QUESTION, &["type-2"][..]), ("plan-origin", &["ny"][..])]);
    assert!(conflict.text.da().contains("Type 2") && conflict.text.en().contains("Type 2"));
    let quotes = quoted(conflict.text.da());
    assert!(!quotes.is_empty(), "the conflict's text quotes the source");
    let Some(source) = source_text() else { return };
    for quote in quotes {
        assert!(source.contains(&normalise(quote)), "«{quote}» is not in the source");
    }
}
