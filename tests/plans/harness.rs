//! Shared by `tests/scan_quality.rs` and `examples/scan_quality.rs`: the test plans, their
//! expected maps, and the quality figures.
//!
//! A test plan is plain text, as a user would paste it: paragraphs separated by blank lines, and
//! numbered headings ("4. Organisering", "4.2 Styregruppe") alone on their line. It is read by
//! the app's own reader for pasted text, so the figures cover extraction, passages and ranking.
//! Its `.expected.toml` names, for each item the plan addresses, the heading of the section
//! that does, and lists the items it does not address; both were written from the plan before
//! it was ranked.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use helhedsplan_tjek::domain::catalogue::Catalogue;
use helhedsplan_tjek::scan::{self, extract, rank, PlanScan, PlanText, Source, Strength};

/// The least hit@3 every test plan must reach: every item a plan addresses has its right
/// section among its top three hits (raised from 0.8 once every plan, pasted and as every kind
/// of file, reached it).
pub const MIN_HIT_AT_3: f64 = 1.0;

/// The test plans, by name: `tests/plans/<name>.txt`.
pub const PLANS: &[&str] = &["plan-a", "plan-b", "plan-c"];

/// Test plans as files, under `tests/plans/`: each is measured against the `.expected.toml` of
/// the plan it was made from (its file name up to the first dot). `layouts/` holds plans laid out
/// as real plans are (bold sub-headings, in a PDF and as a DOCX's bold paragraphs, two columns,
/// tables; see `layouts/make-layouts.mjs`),
/// `real/` the plans LibreOffice wrote (see `real/README.md`). A PDF is its text layer as the
/// app's pdf.js reader gives it (`.pdf.json`).
pub const FILES: &[&str] = &[
    "layouts/plan-d.docx",
    "layouts/plan-d.bold.docx",
    "layouts/plan-d.odt",
    "layouts/plan-d.pdf.json",
    "real/plan-a.lo.docx",
    "real/plan-a.lo.odt",
    "real/plan-a.lo.pdf.json",
    "real/plan-a.numbered.lo.docx",
    "real/plan-a.numbered.lo.odt",
    "real/plan-a.numbered.lo.pdf.json",
    "real/plan-b.lo.docx",
    "real/plan-b.lo.odt",
    "real/plan-b.lo.pdf.json",
    "real/plan-b.numbered.lo.docx",
    "real/plan-b.numbered.lo.odt",
    "real/plan-b.numbered.lo.pdf.json",
];

/// Every test plan: the pasted ones by name, then the files.
pub fn all() -> impl Iterator<Item = &'static str> {
    PLANS.iter().chain(FILES).copied()
}

/// A test plan's text: a name of `PLANS` read as pasted text, a file of `FILES` as the app
/// reads a file of its kind.
pub fn read_any(name: &str) -> PlanText {
    let dir = plans_dir();
    if PLANS.contains(&name) {
        return read_plan(&std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("test plan"));
    }
    let path = dir.join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let source = if name.ends_with(".pdf.json") {
        Source::Pdf { pages: serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}")) }
    } else if name.ends_with(".odt") {
        Source::Odt { bytes }
    } else {
        Source::Docx { bytes }
    };
    extract::extract(&source).unwrap_or_else(|problem| panic!("{name}: {problem:?}"))
}

/// The plan a test plan was made from: "real/plan-a.lo.docx" → "plan-a".
pub fn plan_of(name: &str) -> &str {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.split('.').next().unwrap_or(file)
}

pub fn plans_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans")
}

/// A test plan's text, read as pasted text is read in the app (`scan::extract`).
pub fn read_plan(text: &str) -> PlanText {
    extract::extract(&Source::Text { text: text.to_owned() }).expect("the test plan reads")
}

#[derive(Debug, Clone)]
pub struct Expected {
    /// (item id, heading of the section that addresses it).
    pub addressed: Vec<(String, String)>,
    pub not_addressed: Vec<String>,
}

pub fn read_expected(path: &Path) -> Expected {
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let table: toml::Table = toml::from_str(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let addressed = table["addressed"]
        .as_table()
        .expect("[addressed] is a table")
        .iter()
        .map(|(item, heading)| (item.clone(), heading.as_str().expect("a heading").to_owned()))
        .collect();
    let not_addressed = table["not_addressed"]
        .as_array()
        .expect("not_addressed is an array")
        .iter()
        .map(|item| item.as_str().expect("an item id").to_owned())
        .collect();
    Expected { addressed, not_addressed }
}

/// One addressed item: where its right section ranks.
#[derive(Debug)]
pub struct ItemRank {
    pub item: String,
    pub code: &'static str,
    pub heading: String,
    /// Among the item's hits (at most 3), the place of the first in the right section.
    pub hit_rank: Option<usize>,
    /// Among all passages by score, the place of the first in the right section (1 = best).
    pub full_rank: Option<usize>,
    /// The best hit's strength, if any.
    pub strength: Option<Strength>,
    /// (elements with a suggested passage, elements).
    pub elements: (usize, usize),
    /// The best score of a passage in the right section.
    pub score: f32,
}

#[derive(Debug)]
pub struct Quality {
    pub plan: String,
    pub passages: usize,
    pub ranks: Vec<ItemRank>,
    /// Items the plan does not address, with their best hit's strength (None: "intet fundet")
    /// and how many of their elements got a suggested passage.
    pub unaddressed: Vec<(String, &'static str, Option<Strength>, usize)>,
    /// Headings of the expected map that the reader did not find as headings.
    pub missing_headings: Vec<String>,
    /// The best score any passage has for an item the plan does not address.
    pub unaddressed_score: f32,
}

impl Quality {
    pub fn addressed(&self) -> usize {
        self.ranks.len()
    }

    pub fn hits_at_3(&self) -> usize {
        self.ranks.iter().filter(|r| r.hit_rank.is_some()).count()
    }

    /// The share of addressed items whose right section is among the top-3 hits.
    pub fn hit_at_3(&self) -> f64 {
        self.hits_at_3() as f64 / self.addressed().max(1) as f64
    }

    /// The lowest score of a right section: how far the threshold for a hit may rise.
    pub fn addressed_score(&self) -> f32 {
        self.ranks.iter().map(|r| r.score).fold(f32::INFINITY, f32::min)
    }

    /// Items the plan does not address that got a "stærk" hit all the same.
    pub fn strong_unaddressed(&self) -> Vec<&str> {
        self.unaddressed.iter().filter(|u| u.2 == Some(Strength::Strong)).map(|u| u.0.as_str()).collect()
    }

    /// Items the plan does not address that got an element suggestion all the same.
    pub fn suggested_unaddressed(&self) -> Vec<&str> {
        self.unaddressed.iter().filter(|u| u.3 > 0).map(|u| u.0.as_str()).collect()
    }
}

/// Reads, scans and measures one test plan.
pub fn measure(catalogue: &Catalogue, name: &str) -> (Quality, PlanScan) {
    let dir = plans_dir();
    let expected = read_expected(&dir.join(format!("{}.expected.toml", plan_of(name))));
    let plan = read_any(name);
    let result = scan::scan(catalogue, name, &plan);
    let all_scores = rank::scores(catalogue, &result.passages);
    let item_index = |id: &str| catalogue.items().position(|i| i.id == id).unwrap_or_else(|| panic!("no item {id}"));

    // A pasted plan's headings are certain, so a heading it lacks is a mistake in the map; a
    // file's are what the reader found, and one it missed is a finding.
    let mut missing_headings: Vec<String> = Vec::new();
    for heading in expected.addressed.iter().map(|(_, h)| h) {
        let found = plan.blocks.iter().any(|b| b.heading.is_some() && &b.text == heading);
        assert!(
            found || !PLANS.contains(&name),
            "{name}.expected.toml names a heading the plan does not have: {heading}"
        );
        if !found && !missing_headings.contains(heading) {
            missing_headings.push(heading.clone());
        }
    }
    let mut addressed = expected.addressed.clone();
    addressed.sort_by_key(|(item, _)| item_index(item));
    let ranks = addressed
        .iter()
        .map(|(item, heading)| {
            let index = item_index(item);
            let findings = &result.findings[index];
            let in_section = |passage: u32| result.passages[passage as usize].path.iter().any(|h| h == heading);
            let hit_rank = findings.hits.iter().position(|h| in_section(h.passage)).map(|r| r + 1);
            let scores = &all_scores[index];
            let mut order: Vec<usize> = (0..scores.len()).collect();
            order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
            let full_rank = order.iter().position(|&p| in_section(p as u32)).map(|r| r + 1);
            let score = full_rank.map_or(0.0, |r| scores[order[r - 1]]);
            ItemRank {
                item: item.clone(),
                code: catalogue.items().nth(index).unwrap().code,
                heading: heading.clone(),
                hit_rank,
                full_rank,
                strength: findings.hits.first().map(|h| h.strength),
                elements: (findings.elements.iter().filter(|(_, hit)| hit.is_some()).count(), findings.elements.len()),
                score,
            }
        })
        .collect();
    let unaddressed = expected
        .not_addressed
        .iter()
        .map(|item| {
            let index = item_index(item);
            let findings = &result.findings[index];
            (
                item.clone(),
                catalogue.items().nth(index).unwrap().code,
                findings.hits.first().map(|h| h.strength),
                findings.elements.iter().filter(|(_, hit)| hit.is_some()).count(),
            )
        })
        .collect();
    let unaddressed_score = expected
        .not_addressed
        .iter()
        .flat_map(|item| all_scores[item_index(item)].iter().copied())
        .fold(0.0f32, f32::max);
    let every: Vec<&str> = expected
        .addressed
        .iter()
        .map(|(i, _)| i.as_str())
        .chain(expected.not_addressed.iter().map(String::as_str))
        .collect();
    for item in catalogue.items() {
        assert_eq!(
            every.iter().filter(|&&i| i == item.id).count(),
            1,
            "{name}.expected.toml must name {} once",
            item.id
        );
    }
    let quality = Quality {
        plan: name.to_owned(),
        passages: result.passages.len(),
        ranks,
        unaddressed,
        unaddressed_score,
        missing_headings,
    };
    (quality, result)
}

fn strength_name(strength: Option<Strength>) -> &'static str {
    match strength {
        Some(Strength::Strong) => "stærk",
        Some(Strength::Weak) => "svag",
        None => "intet fundet",
    }
}

/// The figures as a small table.
pub fn report(quality: &Quality) -> String {
    let mut out = format!(
        "{}: {} passages, {} addressed items, hit@3 {:.2} ({}/{}), unaddressed items with a strong hit: {}, with an element suggestion: {}\n",
        quality.plan,
        quality.passages,
        quality.addressed(),
        quality.hit_at_3(),
        quality.hits_at_3(),
        quality.addressed(),
        quality.strong_unaddressed().len(),
        quality.suggested_unaddressed().len()
    );
    if !quality.missing_headings.is_empty() {
        out.push_str(&format!("  headings not found: {:?}\n", quality.missing_headings));
    }
    out.push_str(&format!(
        "  scores: right sections from {:.2}, unaddressed items up to {:.2} (a hit from {:.2}, strong from {:.2})\n",
        quality.addressed_score(),
        quality.unaddressed_score,
        scan::rank::WEAK,
        scan::rank::STRONG
    ));
    let (suggested, elements) = quality.ranks.iter().fold((0, 0), |(s, e), r| (s + r.elements.0, e + r.elements.1));
    out.push_str(&format!("  elements of addressed items with a suggested passage: {suggested}/{elements}\n"));
    out.push_str("  item  rank among hits  rank among passages  best hit      right section\n");
    for r in &quality.ranks {
        let rank = |n: Option<usize>| n.map_or("-".to_owned(), |n| n.to_string());
        out.push_str(&format!(
            "  {:<4}  {:>14}  {:>19}  {:<12}  {}\n",
            r.code,
            rank(r.hit_rank),
            rank(r.full_rank),
            strength_name(r.strength),
            r.heading
        ));
    }
    for (_, code, strength, elements) in &quality.unaddressed {
        out.push_str(&format!(
            "  {code:<4}  not addressed; best hit: {}, element suggestions: {elements}\n",
            strength_name(*strength)
        ));
    }
    out
}
