//! Ranking quality on the test plans in `tests/plans/`, pasted and as files (DOCX, ODT and
//! PDF, see `harness::FILES`): for each plan, every section its map names is read as a heading,
//! hit@3 (the share of the items it addresses whose right section is among the top-3 hits) is
//! 1.0 (`harness::MIN_HIT_AT_3`), and no item it does not address gets a "stærk" hit or a
//! passage suggested for one of its elements. `-- --nocapture` prints the figures;
//! `cargo run --release --example scan_quality` prints them as a table.
#![cfg(not(target_arch = "wasm32"))]

#[path = "plans/harness.rs"]
mod harness;

use helhedsplan_tjek::domain::catalogue;

#[test]
fn every_test_plan_finds_its_sections_and_nothing_strong_that_it_lacks() {
    let catalogue = catalogue::current();
    let mut failures = Vec::new();
    for name in harness::all() {
        let (quality, _) = harness::measure(catalogue, name);
        println!("{}", harness::report(&quality));
        if quality.hit_at_3() < harness::MIN_HIT_AT_3 {
            failures.push(format!("{name}: hit@3 is {:.2}, below {:.2}", quality.hit_at_3(), harness::MIN_HIT_AT_3));
        }
        if !quality.missing_headings.is_empty() {
            failures.push(format!("{name}: headings not read as headings: {:?}", quality.missing_headings));
        }
        let strong = quality.strong_unaddressed();
        if !strong.is_empty() {
            failures.push(format!("{name}: items it does not address have a strong hit: {strong:?}"));
        }
        let suggested = quality.suggested_unaddressed();
        if !suggested.is_empty() {
            failures.push(format!("{name}: items it does not address have element suggestions: {suggested:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_test_plans_are_long_enough_to_mean_something() {
    for name in harness::PLANS {
        let text = std::fs::read_to_string(harness::plans_dir().join(format!("{name}.txt"))).unwrap();
        let plan = harness::read_plan(&text);
        let words = text.split_whitespace().count();
        let headings = plan.blocks.iter().filter(|b| b.heading.is_some()).count();
        assert!(words >= 1500, "{name} has {words} words");
        assert!(headings >= 8, "{name} has {headings} headings");
    }
}
