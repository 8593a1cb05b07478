//! Plans written by a real office suite: the DOCX and ODT files in `tests/plans/real/`, which
//! LibreOffice wrote (see its README.md). Each must read as the same headings and paragraphs as
//! the plain-text plan it was made from, and rank as well; the tracked-change fixture must read
//! as its accepted text, without its comment or footnote.
#![cfg(not(target_arch = "wasm32"))]

#[path = "plans/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};

use helhedsplan_tjek::domain::catalogue::{self, Catalogue};
use helhedsplan_tjek::scan::extract::extract;
use helhedsplan_tjek::scan::{self, Block, PlanText, Source, Strength};

fn real_dir() -> PathBuf {
    harness::plans_dir().join("real")
}

/// The plans LibreOffice wrote, as (test plan, file in `tests/plans/real/`):
/// - `<plan>.lo.*`: the DOCX `scripts/lib/plan-files.mjs` makes, opened and saved again by
///   LibreOffice (the heading numbers are in the text);
/// - `<plan>.numbered.lo.*`: the plan as a LibreOffice user writes it (`make-fodt.mjs`): headings
///   numbered by the outline numbering, a table of contents, a footnote, a footer, a bulleted list
///   and a table.
const FILES: &[(&str, &str)] = &[
    ("plan-a", "plan-a.lo.docx"),
    ("plan-a", "plan-a.lo.odt"),
    ("plan-a", "plan-a.numbered.lo.docx"),
    ("plan-a", "plan-a.numbered.lo.odt"),
    ("plan-b", "plan-b.lo.docx"),
    ("plan-b", "plan-b.lo.odt"),
    ("plan-b", "plan-b.numbered.lo.docx"),
    ("plan-b", "plan-b.numbered.lo.odt"),
];

/// A file of `tests/plans/real/`, read as the app reads a file it is given.
fn read(file: &str) -> PlanText {
    let path = real_dir().join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let source = match Path::new(file).extension().and_then(|e| e.to_str()) {
        Some("docx") => Source::Docx { bytes },
        Some("odt") => Source::Odt { bytes },
        other => panic!("{file}: not a DOCX or ODT ({other:?})"),
    };
    extract(&source).unwrap_or_else(|problem| panic!("{file}: {problem:?}"))
}

/// The plain-text plan a file was made from, read as pasted text.
fn read_txt(plan: &str) -> PlanText {
    let text = std::fs::read_to_string(harness::plans_dir().join(format!("{plan}.txt"))).unwrap();
    harness::read_plan(&text)
}

fn headings(plan: &PlanText) -> Vec<(u8, &str)> {
    plan.blocks.iter().filter_map(|b| Some((b.heading?, b.text.as_str()))).collect()
}

fn paragraphs(plan: &PlanText) -> Vec<&str> {
    plan.blocks.iter().filter(|b| b.heading.is_none()).map(|b| b.text.as_str()).collect()
}

fn words(plan: &PlanText) -> usize {
    plan.blocks.iter().map(|b| b.text.split_whitespace().count()).sum()
}

/// "4.2 Styregruppe" → "Styregruppe": a heading's title without its number.
fn title(heading: &str) -> &str {
    let rest = heading.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if rest.len() < heading.len() && rest.starts_with(' ') {
        rest.trim_start()
    } else {
        heading
    }
}

/// The first place two lists differ, for a readable failure.
fn first_difference<T: std::fmt::Debug + PartialEq>(got: &[T], want: &[T]) -> String {
    match got.iter().zip(want).position(|(g, w)| g != w) {
        Some(i) => format!("first difference at {i}:\n  got  {:?}\n  want {:?}", got[i], want[i]),
        None => format!("{} blocks read, {} expected", got.len(), want.len()),
    }
}

// ---------------------------------------------------------------------------------------------
// Structure and text

#[test]
fn libreoffice_files_keep_every_heading_with_its_level_and_title() {
    let mut failures = Vec::new();
    for &(plan, file) in FILES {
        let want = read_txt(plan);
        let got = read(file);
        let want: Vec<(u8, &str)> = headings(&want).into_iter().map(|(l, h)| (l, title(h))).collect();
        let got: Vec<(u8, &str)> = headings(&got).into_iter().map(|(l, h)| (l, title(h))).collect();
        assert!(want.len() >= 8, "{plan} has {} headings", want.len());
        if got != want {
            failures.push(format!("{file}: {}", first_difference(&got, &want)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Heading numbers, in the text (`*.lo.*`) or made by the outline numbering (`*.numbered.lo.*`:
/// LibreOffice writes no `text:number` in an ODT heading, and in a DOCX the number comes from
/// `numbering.xml` through the heading style), read as the plan shows them: "2.1 Fælles analyse …".
#[test]
fn libreoffice_headings_carry_their_numbers() {
    let mut failures = Vec::new();
    for &(plan, file) in FILES {
        let want = read_txt(plan);
        let got = read(file);
        if headings(&got) != headings(&want) {
            failures.push(format!("{file}: {}", first_difference(&headings(&got), &headings(&want))));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every paragraph, once and whole, in order, between the same headings as in the text plan: nothing from the table of contents, the footnote
/// or the footer; the bulleted list's items and the table's cells are paragraphs like the others;
/// the soft hyphen is dropped and the no-break space is a space.
#[test]
fn libreoffice_files_keep_every_paragraph_once() {
    let mut failures = Vec::new();
    for &(plan, file) in FILES {
        let want = read_txt(plan);
        let got = read(file);
        if paragraphs(&got) != paragraphs(&want) {
            failures.push(format!("{file}: {}", first_difference(&paragraphs(&got), &paragraphs(&want))));
        } else if got.blocks != want.blocks {
            // Each in order, but headings and paragraphs interleaved differently.
            failures.push(format!("{file}: {}", first_difference(&got.blocks, &want.blocks)));
        }
        // Looser, and what a reader would notice first: no text lost or doubled.
        let (got_words, want_words) = (words(&got), words(&want));
        if got_words.abs_diff(want_words) * 100 > want_words {
            failures.push(format!("{file}: {got_words} words, the plan has {want_words}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_of_contents_footnote_and_footer_are_left_out() {
    for file in ["plan-a.numbered.lo.docx", "plan-a.numbered.lo.odt"] {
        let plan = read(file);
        let all: Vec<&str> = plan.blocks.iter().map(|b| b.text.as_str()).collect();
        let text = all.join("\n");
        for absent in ["Indhold", "Fodnote", "lejemålstallet er opgjort", "Helhedsplan – side", "\u{ad}", "\u{a0}"] {
            assert!(!text.contains(absent), "{file} has {absent:?}");
        }
        // Each heading once (the table of contents repeats them all).
        for (_, heading) in headings(&plan) {
            assert_eq!(
                all.iter().filter(|t| title(t) == title(heading)).count(),
                1,
                "{file}: {heading} more than once"
            );
        }
        assert!(text.contains("tilsammen 1.180 lejemål fordelt"), "{file}: the footnote's anchor paragraph");
        // The no-break spaces ("46 procent") are spaces; the list's items and the table's cells read.
        assert!(text.contains("er 46 procent mod 24 procent"), "{file}");
        assert!(text.contains("\nDen største risiko er, at nøglemedarbejdere stopper."), "{file}: the bulleted list");
        assert!(text.contains("\nDet samlede budget for de fire år er 16,8 mio. kr."), "{file}: the table");
    }
}

// ---------------------------------------------------------------------------------------------
// Tracked changes and comments

fn block(heading: Option<u8>, text: &str) -> Block {
    Block { heading, text: text.to_owned(), page: None }
}

/// `tracked.fodt`, saved by LibreOffice: an insertion, a deletion, a replacement whose deletion
/// spans a paragraph end (the two paragraphs become one: in the DOCX, a paragraph whose mark is
/// deleted), a whole deleted paragraph, a comment and a footnote. Read as accepted: the inserted words in, the deleted ones and the comment out.
#[test]
fn tracked_changes_read_as_accepted_without_comments_or_footnotes() {
    let want = vec![
        block(Some(1), "1. Organisering"),
        block(Some(2), "1.1 Styregruppe"),
        block(None, "Styregruppen mødes hver måned og følger planens mål."),
        block(None, "Formanden er boligorganisationens direktør, og næstformanden kommer fra kommunen."),
        block(None, "Sekretariatet skriver referat, som sendes til alle parter inden for en uge."),
        block(Some(2), "1.2 Følgegruppe"),
        block(None, "Følgegruppen samler beboere, afdelingsbestyrelser og lokale foreninger to gange om året."),
    ];
    for file in ["tracked.lo.docx", "tracked.lo.odt"] {
        let got = read(file);
        assert_eq!(got.blocks, want, "{file}: {}", first_difference(&got.blocks, &want));
        let text: String = got.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(" ");
        for deleted in
            ["fire gange", "Slettetord", "Det sendes", "kvartalsmøder", "Kommentartekst", "afklaret", "Fodnotetekst"]
        {
            assert!(!text.contains(deleted), "{file} has {deleted:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Ranking

/// hit@3 of a plan read from a file, against the test plan's expected map; and the items it does
/// not address that get a "stærk" hit. (As `harness::measure`, which reads the `.txt`.)
fn hit_at_3(catalogue: &Catalogue, plan: &str, text: &PlanText, file: &str) -> (f64, Vec<String>) {
    let expected = harness::read_expected(&harness::plans_dir().join(format!("{plan}.expected.toml")));
    let result = scan::scan(catalogue, file, text);
    let index = |id: &str| catalogue.items().position(|i| i.id == id).unwrap_or_else(|| panic!("no item {id}"));
    let hits = expected
        .addressed
        .iter()
        .filter(|(item, heading)| {
            result.findings[index(item)]
                .hits
                .iter()
                .any(|hit| result.passages[hit.passage as usize].path.iter().any(|h| h == heading))
        })
        .count();
    let strong = expected
        .not_addressed
        .iter()
        .filter(|item| result.findings[index(item)].hits.first().is_some_and(|h| h.strength == Strength::Strong))
        .cloned()
        .collect();
    (hits as f64 / expected.addressed.len().max(1) as f64, strong)
}

fn ranks_as_the_text(files: &[(&str, &str)]) {
    let catalogue = catalogue::current();
    let mut failures = Vec::new();
    for &(plan, file) in files {
        let (txt, _) = harness::measure(catalogue, plan);
        let (got, strong) = hit_at_3(catalogue, plan, &read(file), file);
        println!("{file}: hit@3 {got:.2} (the .txt: {:.2})", txt.hit_at_3());
        if (got - txt.hit_at_3()).abs() > 1e-9 {
            failures.push(format!("{file}: hit@3 {got:.2}, the .txt has {:.2}", txt.hit_at_3()));
        }
        if !strong.is_empty() {
            failures.push(format!("{file}: items it does not address have a strong hit: {strong:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn libreoffice_files_rank_as_well_as_the_text_plans() {
    ranks_as_the_text(FILES);
}
