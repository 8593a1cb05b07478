//! Turns the app's content into code, validating it on the way:
//! - every catalogue in `catalogues/*.toml` becomes static Rust data (`$OUT_DIR/catalogues.rs`,
//!   included by `src/domain/catalogue.rs`), its long texts in a table of their own, `PROSE_DA`
//!   (see `catalogue::Prose`), and its search terms in one that only the scanner worker reaches;
//! - the UI texts in `locales/ui.toml` become the `Msg` enum and its Danish texts
//!   (`$OUT_DIR/messages.rs`, included by `src/domain/i18n/mod.rs`);
//! - every English text, of catalogues and UI alike, goes into one table, `en.json`, that the app
//!   loads only when someone chooses English (it would otherwise cost every visitor about 12 KB
//!   gzip). Danish texts stay in the WebAssembly.
//!
//! Why at build time: the app ships no TOML parser and parses nothing at start-up, and a
//! malformed catalogue or a missing translation stops the build with a message naming it.
//! Word-for-word checks against the source documents live in `tests/catalogue.rs`, because the
//! sources sit outside the repository (`../shared/seeds/`).

use serde::Deserialize;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Text {
    da: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    id: String,
    version: String,
    /// Earlier versions of this catalogue whose saved answers read unchanged under this one.
    #[serde(default)]
    earlier_versions: Vec<String>,
    title: Text,
    issuer: Text,
    period: String,
    preamble: Text,
    source: SourceDoc,
    evidence: SourceDoc,
    plan_types: Vec<PlanType>,
    focus_areas: Vec<FocusArea>,
    profile_questions: Vec<ProfileQuestion>,
    #[serde(default)]
    profile_conflicts: Vec<ProfileConflict>,
    sections: Vec<Section>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceDoc {
    title: Text,
    publisher: Text,
    date: Text,
    seed_file: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanType {
    id: String,
    cofinancing: bool,
    name: Text,
    description: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FocusArea {
    id: String,
    name: Text,
    text: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileQuestion {
    id: String,
    label: Text,
    hint: Text,
    options: Vec<QuestionOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionOption {
    id: String,
    label: Text,
    #[serde(default)]
    unclear: bool,
}

/// Profile answers that contradict each other: when every condition holds, the engine warns.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileConflict {
    id: String,
    when: Vec<Condition>,
    text: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    id: String,
    title: Text,
    items: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    code: String,
    id: String,
    kind: String,
    title: Text,
    text: Text,
    explanation: Text,
    applies: Text,
    #[serde(default)]
    applies_when: Vec<Condition>,
    elements: Vec<Element>,
    why: Vec<Text>,
    questions: Vec<Text>,
    /// Danish words and short phrases a plan may use for the item (scan ranking, src/scan/rank.rs).
    #[serde(default)]
    search_terms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Condition {
    question: String,
    any_of: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Element {
    id: String,
    text: Text,
    /// Needed only in some plans (its text says when), so "met" does not require it.
    #[serde(default)]
    conditional: bool,
    /// Words a plan may use for this element in particular (optional; see `Item::search_terms`).
    #[serde(default)]
    search_terms: Vec<String>,
}

/// The profile question every catalogue has: which plan type. Its options are `plan_types`.
const PLAN_TYPE_QUESTION: &str = "plan-type";

/// The lists of the kommune's evaluation (target groups, progress, ratings, challenges).
const EVALUATION_FILE: &str = "evaluation.toml";

fn main() {
    link_app_for_splitting();
    let dir = Path::new("catalogues");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the catalogues/ folder must exist")
        .map(|entry| entry.expect("readable catalogues/ entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        // The evaluation's lists are not a catalogue of krav: read by `evaluation_scheme` below.
        .filter(|path| path.file_name().is_none_or(|name| name != EVALUATION_FILE))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "catalogues/ holds no *.toml catalogue");

    let mut english = English::default();
    let mut long = Prose::default();
    let mut seen_ids = HashSet::new();
    let mut terms = String::new();
    let mut out = String::from("// Generated by build.rs from catalogues/*.toml. Do not edit.\n");
    out.push_str("pub static CATALOGUES: &[Catalogue] = &[\n");
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let source = std::fs::read_to_string(path).expect("readable catalogue file");
        let catalogue: CatalogueFile =
            toml::from_str(&source).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let problems = validate(&catalogue);
        if !problems.is_empty() {
            panic!("{} is not a valid catalogue:\n  - {}", path.display(), problems.join("\n  - "));
        }
        assert!(seen_ids.insert(catalogue.id.clone()), "catalogue id {} is used twice", catalogue.id);
        write_catalogue(&mut out, &catalogue, &mut english, &mut long);
        write_search_terms(&mut terms, &catalogue);
    }
    out.push_str("];\n\nstatic PROSE_DA: &[&str] = &[\n");
    for text in &long.0 {
        let _ = writeln!(out, "    {text:?},");
    }
    out.push_str("];\n");
    // Search terms only the scanner worker reads: a table of their own, out of `Catalogue`, so
    // the app's WebAssembly does not carry them.
    out.push_str("\n/// The search terms of an item (`element` None) or of one of its elements.\n");
    out.push_str(
        "pub fn search_terms(catalogue: &str, item: &str, element: Option<&str>) -> &'static [&'static str] {\n",
    );
    out.push_str("    match (catalogue, item, element) {\n");
    out.push_str(&terms);
    out.push_str("        _ => &[],\n    }\n}\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out_dir.join("catalogues.rs"), out).expect("write generated catalogue");
    let scheme = evaluation_scheme(&dir.join(EVALUATION_FILE), &mut english);
    std::fs::write(out_dir.join("evaluation.rs"), scheme).expect("write generated evaluation scheme");
    std::fs::write(out_dir.join("messages.rs"), messages(&mut english)).expect("write generated messages");
    write_english(&out_dir, &english);
    // The app starts with the last catalogue (`catalogue::current`); so does the first screen.
    write_static_shell(&out_dir, paths.last().expect("at least one catalogue"));
}

/// `locales/ui.toml` as the `Msg` enum, its Danish texts, and English indices.
fn messages(english: &mut English) -> String {
    let path = Path::new("locales/ui.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    let source = std::fs::read_to_string(path).expect("locales/ui.toml must exist");
    let table: toml::Table = toml::from_str(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let base = english.0.len();
    let mut names = Vec::new();
    let mut danish = Vec::new();
    let mut problems = Vec::new();
    for (name, value) in &table {
        let da = value.get("da").and_then(|v| v.as_str()).unwrap_or("");
        let en = value.get("en").and_then(|v| v.as_str()).unwrap_or("");
        let valid_name = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric());
        if !valid_name || value.as_table().is_none_or(|t| t.len() != 2) {
            problems.push(format!("{name}: must be `Name = {{ da = \"…\", en = \"…\" }}`"));
        }
        if da.trim().is_empty() || en.trim().is_empty() {
            problems.push(format!("{name}: both da and en must be filled in"));
        }
        if placeholders(da) != placeholders(en) {
            problems.push(format!("{name}: da and en use different placeholders"));
        }
        names.push(name.clone());
        danish.push(da.to_owned());
        english.add(en);
    }
    if !problems.is_empty() {
        panic!("locales/ui.toml is not valid:\n  - {}", problems.join("\n  - "));
    }
    let mut out = String::from("// Generated by build.rs from locales/ui.toml. Do not edit.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Msg {\n");
    for name in &names {
        let _ = writeln!(out, "    {name},");
    }
    out.push_str("}\n\nimpl Msg {\n    pub const ALL: &'static [Msg] = &[\n");
    for name in &names {
        let _ = writeln!(out, "        Msg::{name},");
    }
    out.push_str("    ];\n}\n\nconst DA: &[&str] = &[\n");
    for text in &danish {
        let _ = writeln!(out, "    {text:?},");
    }
    let _ = writeln!(out, "];\n\n/// Index of the first message's English text in the English table.\nconst MSG_ENGLISH_BASE: usize = {base};");
    out
}

fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> =
        text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect();
    found.sort_unstable();
    found
}

/// Writes `en.json` (a JSON array of every English text) to OUT_DIR, with its hashed file name in
/// `english.rs`; and a copy where scripts/build/finish-dist.mjs picks it up for dist/.
fn write_english(out_dir: &Path, english: &English) {
    let mut json = String::from("[\n");
    for (n, text) in english.0.iter().enumerate() {
        let separator = if n + 1 < english.0.len() { "," } else { "" };
        let _ = writeln!(json, "{}{separator}", json_string(text));
    }
    json.push_str("]\n");
    // FNV-1a: a stable content hash, so a new table gets a new name and no cache serves a stale one.
    let hash = json.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let file = format!("i18n/en-{hash:016x}.json");
    std::fs::write(out_dir.join("en.json"), &json).expect("write en.json");
    let rust = format!(
        "/// The English table's address, relative to the app.\npub const ENGLISH_FILE: &str = {file:?};\n/// How many texts the English table holds.\npub const ENGLISH_COUNT: usize = {};\n",
        english.0.len()
    );
    std::fs::write(out_dir.join("english.rs"), rust).expect("write english.rs");
    // OUT_DIR is <target>/[<triple>/]<profile>/build/<package>-<hash>/out.
    if let Some(target) = out_dir.ancestors().find(|dir| dir.file_name().is_some_and(|name| name == "target")) {
        let dir = target.join("i18n");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("en.json"), &json);
        let _ = std::fs::write(dir.join("en.name"), &file);
    }
}

/// The static first screen that index.html shows until the app starts, in both languages: the
/// `<template id="static-shell-template">` of index.html with each `{{Msg}}` replaced by that
/// text of `locales/ui.toml` (its placeholders filled in from the catalogue) and each
/// `{{pressed:<lang>}}` by whether that language is the screen's. Written to OUT_DIR (for
/// tests/shell.rs) and beside `en.json`, where scripts/build/finish-dist.mjs puts them in the
/// page, so a new or revised catalogue or text changes the first screen without touching it.
fn write_static_shell(out_dir: &Path, catalogue_path: &Path) {
    let index = Path::new("index.html");
    println!("cargo:rerun-if-changed={}", index.display());
    let html = std::fs::read_to_string(index).expect("index.html must exist");
    let open = "<template id=\"static-shell-template\">";
    let template = html
        .split_once(open)
        .and_then(|(_, rest)| rest.split_once("</template>"))
        .map(|(template, _)| template.trim())
        .unwrap_or_else(|| panic!("index.html lacks {open}…</template>, the static first screen"));
    let catalogue: CatalogueFile =
        toml::from_str(&std::fs::read_to_string(catalogue_path).expect("readable catalogue")).expect("valid catalogue");
    let messages: toml::Table =
        toml::from_str(&std::fs::read_to_string("locales/ui.toml").expect("locales/ui.toml")).expect("valid ui.toml");
    let count = catalogue.sections.iter().map(|section| section.items.len()).sum::<usize>().to_string();
    // As `render::report::period`: "2011-2014" reads "2011–2014".
    let period = catalogue.period.replace('-', "\u{2013}");
    let source = &catalogue.source;
    for (lang, pick) in [("da", (|t: &Text| t.da.clone()) as fn(&Text) -> String), ("en", |t: &Text| t.en.clone())] {
        let values = [
            ("count", count.clone()),
            ("title", pick(&source.title)),
            ("publisher", pick(&source.publisher)),
            ("date", pick(&source.date)),
            ("period", period.clone()),
        ];
        let mut shell = String::new();
        let mut rest = template;
        while let Some((before, after)) = rest.split_once("{{") {
            let (name, after) = after.split_once("}}").expect("index.html: a {{ without }}");
            shell.push_str(before);
            let text = match name.strip_prefix("pressed:") {
                Some(option) => (option == lang).to_string(),
                None => {
                    let message = messages.get(name).and_then(|m| m.get(lang)).and_then(|t| t.as_str());
                    let mut text = message
                        .unwrap_or_else(|| panic!("index.html: {{{{{name}}}}} is not a text of locales/ui.toml"))
                        .to_owned();
                    for (key, value) in &values {
                        text = text.replace(&format!("{{{key}}}"), value);
                    }
                    assert!(!text.contains('{'), "index.html: {name} needs a value the first screen does not have");
                    text
                }
            };
            shell
                .push_str(&text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;"));
            rest = after;
        }
        shell.push_str(rest);
        let file = format!("shell.{lang}.html");
        std::fs::write(out_dir.join(&file), &shell).expect("write the static first screen");
        if let Some(target) = out_dir.ancestors().find(|dir| dir.file_name().is_some_and(|name| name == "target")) {
            let _ = std::fs::create_dir_all(target.join("i18n"));
            let _ = std::fs::write(target.join("i18n").join(&file), &shell);
        }
    }
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn validate(c: &CatalogueFile) -> Vec<String> {
    let mut problems = Vec::new();
    let mut texts: Vec<(String, &Text)> = vec![
        ("title".into(), &c.title),
        ("issuer".into(), &c.issuer),
        ("preamble".into(), &c.preamble),
        ("source.title".into(), &c.source.title),
        ("source.publisher".into(), &c.source.publisher),
        ("source.date".into(), &c.source.date),
        ("evidence.title".into(), &c.evidence.title),
        ("evidence.publisher".into(), &c.evidence.publisher),
        ("evidence.date".into(), &c.evidence.date),
    ];
    check_id(&mut problems, "catalogue id", &c.id);
    if c.version.trim().is_empty() || c.period.trim().is_empty() {
        problems.push("version and period must not be empty".into());
    }
    if c.plan_types.is_empty() {
        problems.push("at least one plan type is needed".into());
    }
    let mut plan_type_ids = HashSet::new();
    for plan_type in &c.plan_types {
        check_id(&mut problems, "plan type id", &plan_type.id);
        if !plan_type_ids.insert(plan_type.id.as_str()) {
            problems.push(format!("plan type {} is listed twice", plan_type.id));
        }
        texts.push((format!("plan type {} name", plan_type.id), &plan_type.name));
        texts.push((format!("plan type {} description", plan_type.id), &plan_type.description));
    }
    for area in &c.focus_areas {
        check_id(&mut problems, "focus area id", &area.id);
        texts.push((format!("focus area {} name", area.id), &area.name));
        texts.push((format!("focus area {} text", area.id), &area.text));
    }
    let mut question_ids = HashSet::new();
    for question in &c.profile_questions {
        check_id(&mut problems, "profile question id", &question.id);
        if question.id == PLAN_TYPE_QUESTION || !question_ids.insert(question.id.as_str()) {
            problems.push(format!("profile question id {} is reserved or used twice", question.id));
        }
        if question.options.len() < 2 {
            problems.push(format!("profile question {} needs at least two options", question.id));
        }
        texts.push((format!("profile question {} label", question.id), &question.label));
        texts.push((format!("profile question {} hint", question.id), &question.hint));
        for option in &question.options {
            check_id(&mut problems, "option id", &option.id);
            texts.push((format!("option {}/{}", question.id, option.id), &option.label));
        }
    }

    let mut version_ids = HashSet::from([c.version.as_str()]);
    for version in &c.earlier_versions {
        if version.trim().is_empty() || !version_ids.insert(version.as_str()) {
            problems.push(format!("earlier version {version:?} is empty, the current version, or listed twice"));
        }
    }
    let mut conflict_ids = HashSet::new();
    for conflict in &c.profile_conflicts {
        let at = format!("profile conflict {}", conflict.id);
        check_id(&mut problems, "profile conflict id", &conflict.id);
        if !conflict_ids.insert(conflict.id.as_str()) {
            problems.push(format!("{at} is listed twice"));
        }
        // A conflict is between answers: one condition alone would be a wrong option, not a conflict.
        let mut questions = HashSet::new();
        if conflict.when.len() < 2 || !conflict.when.iter().all(|cond| questions.insert(cond.question.as_str())) {
            problems.push(format!("{at}: `when` needs two or more conditions on different questions"));
        }
        check_conditions(&mut problems, c, &format!("{at}: when"), &conflict.when);
        texts.push((format!("{at} text"), &conflict.text));
    }

    let mut item_ids = HashSet::new();
    let mut codes = HashSet::new();
    for section in &c.sections {
        check_id(&mut problems, "section id", &section.id);
        texts.push((format!("section {} title", section.id), &section.title));
        if section.items.is_empty() {
            problems.push(format!("section {} has no items", section.id));
        }
        for item in &section.items {
            let at = format!("item {} ({})", item.code, item.id);
            check_id(&mut problems, "item id", &item.id);
            if !item_ids.insert(item.id.as_str()) || !codes.insert(item.code.as_str()) {
                problems.push(format!("{at}: id or code is used twice"));
            }
            if !["krav", "anbefaling", "forudsaetning"].contains(&item.kind.as_str()) {
                problems.push(format!("{at}: kind must be krav, anbefaling or forudsaetning"));
            }
            if item.elements.is_empty() {
                problems.push(format!("{at}: needs at least one element"));
            }
            if item.why.is_empty() {
                problems.push(format!("{at}: needs at least one quote in `why`"));
            }
            if !(2..=3).contains(&item.questions.len()) {
                problems.push(format!("{at}: needs two or three discussion questions"));
            }
            let mut element_ids = HashSet::new();
            for element in &item.elements {
                check_id(&mut problems, "element id", &element.id);
                if !element_ids.insert(element.id.as_str()) {
                    problems.push(format!("{at}: element {} is listed twice", element.id));
                }
                texts.push((format!("{at} element {}", element.id), &element.text));
            }
            // Without a required element, "met" would need nothing ticked.
            if !item.elements.is_empty() && item.elements.iter().all(|e| e.conditional) {
                problems.push(format!("{at}: needs at least one element that is not conditional"));
            }
            for element in item.elements.iter().filter(|e| e.conditional) {
                if !element.text.da.starts_with("Hvis ") || !element.text.en.starts_with("If ") {
                    problems
                        .push(format!("{at} element {}: a conditional element says when (Hvis …/If …)", element.id));
                }
            }
            check_conditions(&mut problems, c, &format!("{at}: applies_when"), &item.applies_when);
            if item.search_terms.is_empty() {
                problems.push(format!("{at}: needs `search_terms` (Danish words a plan may use for it)"));
            }
            check_search_terms(&mut problems, &format!("{at} search_terms"), &item.search_terms);
            for element in &item.elements {
                let at = format!("{at} element {} search_terms", element.id);
                check_search_terms(&mut problems, &at, &element.search_terms);
            }
            texts.push((format!("{at} title"), &item.title));
            texts.push((format!("{at} text"), &item.text));
            texts.push((format!("{at} explanation"), &item.explanation));
            texts.push((format!("{at} applies"), &item.applies));
            for (n, quote) in item.why.iter().enumerate() {
                texts.push((format!("{at} why #{}", n + 1), quote));
            }
            for (n, question) in item.questions.iter().enumerate() {
                texts.push((format!("{at} question #{}", n + 1), question));
            }
        }
    }
    for (name, text) in texts {
        if text.da.trim().is_empty() || text.en.trim().is_empty() {
            problems.push(format!("{name}: both da and en must be filled in"));
        }
    }
    problems
}

/// Each condition names the plan type or a profile question, and options it has.
fn check_conditions(problems: &mut Vec<String>, c: &CatalogueFile, at: &str, conditions: &[Condition]) {
    for condition in conditions {
        let options: Vec<&str> = if condition.question == PLAN_TYPE_QUESTION {
            c.plan_types.iter().map(|t| t.id.as_str()).collect()
        } else if let Some(question) = c.profile_questions.iter().find(|q| q.id == condition.question) {
            question.options.iter().map(|o| o.id.as_str()).collect()
        } else {
            problems.push(format!("{at} names unknown question {}", condition.question));
            continue;
        };
        if condition.any_of.is_empty() {
            problems.push(format!("{at} on {} lists no option", condition.question));
        }
        for option in &condition.any_of {
            if !options.contains(&option.as_str()) {
                problems.push(format!("{at}: {} has no option {option}", condition.question));
            }
        }
    }
}

/// Search terms are lower-case words or short phrases (at most three words), each listed once.
fn check_search_terms(problems: &mut Vec<String>, at: &str, terms: &[String]) {
    let mut seen = HashSet::new();
    for term in terms {
        let words: Vec<&str> = term.split(' ').collect();
        let wordlike = |w: &str| !w.is_empty() && w.chars().all(|ch| ch.is_alphabetic() || ch == '-');
        if term.to_lowercase() != *term || words.len() > 3 || !words.iter().all(|w| wordlike(w)) {
            problems.push(format!("{at}: {term:?} must be a lower-case word or a phrase of up to three words"));
        }
        if !seen.insert(term.as_str()) {
            problems.push(format!("{at}: {term:?} is listed twice"));
        }
    }
}

fn check_id(problems: &mut Vec<String>, what: &str, id: &str) {
    let valid =
        !id.is_empty() && id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-' || ch == '.');
    if !valid {
        problems.push(format!("{what} {id:?} must be lowercase a-z, 0-9, '-' or '.'"));
    }
}

/// Every English text, in the order of their indices.
#[derive(Default)]
struct English(Vec<String>);

impl English {
    fn add(&mut self, text: &str) -> usize {
        self.0.push(text.to_owned());
        self.0.len() - 1
    }
}

fn text(t: &Text, english: &mut English) -> String {
    format!("Text {{ da: {:?}, en: {} }}", t.da, english.add(&t.en))
}

/// The long texts that only pages after the first show, kept in their own table (`PROSE_DA`).
#[derive(Default)]
struct Prose(Vec<String>);

fn prose(t: &Text, english: &mut English, prose: &mut Prose) -> String {
    prose.0.push(t.da.clone());
    format!("Prose {{ index: {}, en: {} }}", prose.0.len() - 1, english.add(&t.en))
}

fn source_doc(s: &SourceDoc, english: &mut English) -> String {
    format!(
        "SourceDoc {{ title: {}, publisher: {}, date: {}, seed_file: {:?} }}",
        text(&s.title, english),
        text(&s.publisher, english),
        text(&s.date, english),
        s.seed_file
    )
}

fn write_catalogue(out: &mut String, c: &CatalogueFile, english: &mut English, long: &mut Prose) {
    let _ = writeln!(out, "Catalogue {{");
    let _ = writeln!(
        out,
        "  id: {:?}, version: {:?}, earlier_versions: &{:?}, period: {:?},",
        c.id, c.version, c.earlier_versions, c.period
    );
    let _ = writeln!(
        out,
        "  title: {}, issuer: {}, preamble: {},",
        text(&c.title, english),
        text(&c.issuer, english),
        prose(&c.preamble, english, long)
    );
    let _ =
        writeln!(out, "  source: {}, evidence: {},", source_doc(&c.source, english), source_doc(&c.evidence, english));
    out.push_str("  plan_types: &[\n");
    for t in &c.plan_types {
        let _ = writeln!(
            out,
            "    PlanType {{ id: {:?}, cofinancing: {}, name: {}, description: {} }},",
            t.id,
            t.cofinancing,
            text(&t.name, english),
            prose(&t.description, english, long)
        );
    }
    out.push_str("  ],\n  focus_areas: &[\n");
    for a in &c.focus_areas {
        let _ = writeln!(
            out,
            "    FocusArea {{ id: {:?}, name: {}, text: {} }},",
            a.id,
            text(&a.name, english),
            text(&a.text, english)
        );
    }
    out.push_str("  ],\n  profile_questions: &[\n");
    for q in &c.profile_questions {
        let _ = writeln!(
            out,
            "    ProfileQuestion {{ id: {:?}, label: {}, hint: {}, options: &[",
            q.id,
            text(&q.label, english),
            prose(&q.hint, english, long)
        );
        for o in &q.options {
            let _ = writeln!(
                out,
                "      QuestionOption {{ id: {:?}, label: {}, unclear: {} }},",
                o.id,
                text(&o.label, english),
                o.unclear
            );
        }
        out.push_str("    ] },\n");
    }
    out.push_str("  ],\n  profile_conflicts: &[\n");
    for conflict in &c.profile_conflicts {
        let _ = write!(out, "    ProfileConflict {{ id: {:?}, when: &[", conflict.id);
        write_conditions(out, &conflict.when);
        let _ = writeln!(out, "], text: {} }},", prose(&conflict.text, english, long));
    }
    out.push_str("  ],\n  sections: &[\n");
    for s in &c.sections {
        let _ = writeln!(out, "    Section {{ id: {:?}, title: {}, items: &[", s.id, text(&s.title, english));
        for i in &s.items {
            let kind = match i.kind.as_str() {
                "krav" => "Kind::Krav",
                "anbefaling" => "Kind::Anbefaling",
                _ => "Kind::Forudsaetning",
            };
            let _ = writeln!(out, "      Item {{ code: {:?}, id: {:?}, kind: {kind},", i.code, i.id);
            let _ =
                writeln!(out, "        title: {}, text: {},", text(&i.title, english), prose(&i.text, english, long));
            let _ = writeln!(
                out,
                "        explanation: {}, applies: {},",
                prose(&i.explanation, english, long),
                prose(&i.applies, english, long)
            );
            out.push_str("        applies_when: &[");
            write_conditions(out, &i.applies_when);
            out.push_str("],\n        elements: &[\n");
            for e in &i.elements {
                let _ = writeln!(
                    out,
                    "          Element {{ id: {:?}, text: {}, conditional: {} }},",
                    e.id,
                    prose(&e.text, english, long),
                    e.conditional
                );
            }
            out.push_str("        ],\n        why: &[");
            for w in &i.why {
                let _ = write!(out, "{}, ", prose(w, english, long));
            }
            out.push_str("],\n        questions: &[");
            for q in &i.questions {
                let _ = write!(out, "{}, ", prose(q, english, long));
            }
            out.push_str("],\n      },\n");
        }
        out.push_str("    ] },\n");
    }
    out.push_str("  ],\n},\n");
}

fn write_search_terms(out: &mut String, c: &CatalogueFile) {
    for s in &c.sections {
        for i in &s.items {
            let _ = writeln!(out, "        ({:?}, {:?}, None) => &{:?},", c.id, i.id, i.search_terms);
            for e in &i.elements {
                let _ = writeln!(out, "        ({:?}, {:?}, Some({:?})) => &{:?},", c.id, i.id, e.id, e.search_terms);
            }
        }
    }
}

fn write_conditions(out: &mut String, conditions: &[Condition]) {
    for cond in conditions {
        let _ = write!(out, "Condition {{ question: {:?}, any_of: &{:?} }}, ", cond.question, cond.any_of);
    }
}

// --- The kommune's evaluation (catalogues/evaluation.toml) ----------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvaluationFile {
    source: SourceDoc,
    quotes: Vec<EvaluationQuote>,
    reference: Reference,
    progress: ProgressScale,
    target_groups: Vec<Choice>,
    collaborations: Vec<Choice>,
    rating_levels: Vec<RatingLevelFile>,
    challenges: Vec<ChallengeFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvaluationQuote {
    id: String,
    da: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reference {
    plans: u32,
    activities: u32,
    good: u32,
    percent: u32,
    quote: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressScale {
    help: Text,
    quote: String,
    levels: Vec<ProgressLevelFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressLevelFile {
    id: String,
    label: Text,
    #[serde(default)]
    scale: Option<u8>,
    #[serde(default)]
    good: bool,
    #[serde(default)]
    ended: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Choice {
    id: String,
    label: Text,
    #[serde(default)]
    verbatim: bool,
    #[serde(default)]
    quote: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RatingLevelFile {
    id: String,
    label: Text,
    #[serde(default)]
    verbatim: bool,
    quote: String,
    severity: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChallengeFile {
    id: String,
    label: Text,
    #[serde(default)]
    quote: Option<String>,
    #[serde(default)]
    other: bool,
}

fn validate_evaluation(e: &EvaluationFile) -> Vec<String> {
    let mut problems = Vec::new();
    let mut texts: Vec<(String, &Text)> = vec![
        ("source.title".into(), &e.source.title),
        ("source.publisher".into(), &e.source.publisher),
        ("source.date".into(), &e.source.date),
        ("progress.help".into(), &e.progress.help),
    ];
    unique(&mut problems, "quote id", e.quotes.iter().map(|q| q.id.as_str()).collect());
    for quote in &e.quotes {
        if quote.da.trim().is_empty() || quote.en.trim().is_empty() {
            problems.push(format!("quote {}: both da and en must be filled in", quote.id));
        }
    }
    let r = &e.reference;
    if r.good > r.activities || r.activities == 0 || (r.good * 100 + r.activities / 2) / r.activities != r.percent {
        problems.push("reference: good must be at most activities, and percent their rounded share".into());
    }
    for number in [r.plans, r.activities, r.good] {
        if !r.quote.contains(&number.to_string()) {
            problems.push(format!("reference: the quote does not say {number}"));
        }
    }

    let levels = &e.progress.levels;
    unique(&mut problems, "progress level id", levels.iter().map(|l| l.id.as_str()).collect());
    if levels.iter().filter(|l| l.good).count() != 1 {
        problems.push("progress: exactly one level must be `good` (the one the evaluation counts)".into());
    }
    let mut scales = HashSet::new();
    for level in levels {
        match (level.scale, level.ended) {
            (Some(scale), false) if scales.insert(scale) => {}
            (None, true) if !level.good => {}
            _ => problems.push(format!(
                "progress level {}: either on the scale (a `scale` no other level has) or `ended`, not both",
                level.id
            )),
        }
        texts.push((format!("progress level {}", level.id), &level.label));
    }
    let top = levels.iter().filter_map(|l| l.scale).max();
    if levels.iter().any(|l| l.good && l.scale != top) {
        problems.push("progress: the `good` level must be the top of the scale".into());
    }

    let choices = [("target group", &e.target_groups), ("collaboration", &e.collaborations)];
    for (what, list) in choices {
        unique(&mut problems, &format!("{what} id"), list.iter().map(|c| c.id.as_str()).collect());
        if list.is_empty() {
            problems.push(format!("at least one {what} is needed"));
        }
        for choice in list {
            check_verbatim(
                &mut problems,
                &format!("{what} {}", choice.id),
                &choice.label,
                choice.verbatim,
                choice.quote.as_deref(),
            );
            texts.push((format!("{what} {}", choice.id), &choice.label));
        }
    }
    if e.collaborations.len() != 2 {
        problems.push("the evaluation rates two collaborations".into());
    }

    let ratings = &e.rating_levels;
    unique(&mut problems, "rating level id", ratings.iter().map(|l| l.id.as_str()).collect());
    let severities: Vec<u8> = ratings.iter().map(|l| l.severity).collect();
    if ratings.len() < 2 || severities.iter().enumerate().any(|(n, s)| usize::from(*s) != n) {
        problems.push("rating levels: at least two, with severities 0, 1, 2, … in order".into());
    }
    for level in ratings {
        check_verbatim(
            &mut problems,
            &format!("rating level {}", level.id),
            &level.label,
            level.verbatim,
            Some(&level.quote),
        );
        texts.push((format!("rating level {}", level.id), &level.label));
    }

    let challenges = &e.challenges;
    unique(&mut problems, "challenge id", challenges.iter().map(|c| c.id.as_str()).collect());
    if challenges.iter().filter(|c| c.other).count() != 1 {
        problems.push("challenges: exactly one must be `other` (\"andet\")".into());
    }
    for challenge in challenges {
        if challenge.other == challenge.quote.is_some() {
            problems.push(format!("challenge {}: a named challenge has a quote; \"other\" has none", challenge.id));
        }
        texts.push((format!("challenge {}", challenge.id), &challenge.label));
    }
    for (name, text) in texts {
        if text.da.trim().is_empty() || text.en.trim().is_empty() {
            problems.push(format!("{name}: both da and en must be filled in"));
        }
    }
    problems
}

/// Each id valid and listed once.
fn unique(problems: &mut Vec<String>, what: &str, ids: Vec<&str>) {
    let mut seen = HashSet::new();
    for id in ids {
        check_id(problems, what, id);
        if !seen.insert(id) {
            problems.push(format!("{what} {id} is listed twice"));
        }
    }
}

/// A label that is the source's own wording must appear in the quote it is taken from.
fn check_verbatim(problems: &mut Vec<String>, at: &str, label: &Text, verbatim: bool, quote: Option<&str>) {
    if quote.is_some_and(|q| q.trim().is_empty()) {
        problems.push(format!("{at}: an empty quote"));
    }
    if verbatim && !quote.is_some_and(|q| q.contains(&label.da)) {
        problems.push(format!("{at}: a verbatim label must appear in its quote"));
    }
}

fn evaluation_scheme(path: &Path, english: &mut English) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let e: EvaluationFile = toml::from_str(&source).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let problems = validate_evaluation(&e);
    if !problems.is_empty() {
        panic!("{} is not valid:\n  - {}", path.display(), problems.join("\n  - "));
    }
    let mut out = String::from("// Generated by build.rs from catalogues/evaluation.toml. Do not edit.\n");
    out.push_str("pub static SCHEME: Scheme = Scheme {\n");
    let _ = writeln!(out, "  source: {},", source_doc(&e.source, english));
    out.push_str("  quotes: &[\n");
    for q in &e.quotes {
        let _ = writeln!(
            out,
            "    Quote {{ id: {:?}, text: Text {{ da: {:?}, en: {} }} }},",
            q.id,
            q.da,
            english.add(&q.en)
        );
    }
    let r = &e.reference;
    let _ = writeln!(
        out,
        "  ],\n  reference: Reference {{ plans: {}, activities: {}, good: {}, percent: {}, quote: Text {{ da: {:?}, en: {} }} }},",
        r.plans,
        r.activities,
        r.good,
        r.percent,
        r.quote,
        english.add(&r.en)
    );
    let _ = writeln!(
        out,
        "  progress_help: {},\n  progress_quote: {:?},",
        text(&e.progress.help, english),
        e.progress.quote
    );
    out.push_str("  progress: &[\n");
    for l in &e.progress.levels {
        let _ = writeln!(
            out,
            "    ProgressLevel {{ id: {:?}, label: {}, scale: {:?}, good: {}, ended: {} }},",
            l.id,
            text(&l.label, english),
            l.scale,
            l.good,
            l.ended
        );
    }
    for (field, list) in [("target_groups", &e.target_groups), ("collaborations", &e.collaborations)] {
        let _ = writeln!(out, "  ],\n  {field}: &[");
        for c in list {
            let _ = writeln!(
                out,
                "    Choice {{ id: {:?}, label: {}, verbatim: {}, quote: {:?} }},",
                c.id,
                text(&c.label, english),
                c.verbatim,
                c.quote
            );
        }
    }
    out.push_str("  ],\n  rating_levels: &[\n");
    for l in &e.rating_levels {
        let _ = writeln!(
            out,
            "    RatingLevel {{ id: {:?}, label: {}, verbatim: {}, quote: {:?}, severity: {} }},",
            l.id,
            text(&l.label, english),
            l.verbatim,
            l.quote,
            l.severity
        );
    }
    out.push_str("  ],\n  challenges: &[\n");
    for c in &e.challenges {
        let _ = writeln!(
            out,
            "    Challenge {{ id: {:?}, label: {}, quote: {:?}, other: {} }},",
            c.id,
            text(&c.label, english),
            c.quote,
            c.other
        );
    }
    out.push_str("  ],\n};\n");
    out
}

/// The app in parts (feature `split`, src/ui/pages/parts.rs): wasm-split-cli needs the linker's
/// relocations in the app's WebAssembly. Only the app's: the scanner worker linked with them
/// is one wasm-opt cannot shrink (measured: 989 KB instead of 399 KB).
fn link_app_for_splitting() {
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg-bin=helhedsplan-tjek=--emit-relocs");
    }
}
