//! Reading the user's own plan: the text of a DOCX, ODT, PDF or pasted plan, cut into passages
//! that carry their heading path (and page), and ranked against every item of the catalogue.
//!
//! Plain Rust, like `domain`: native tests cover it. Reading and ranking (`extract`, `passages`,
//! `rank`) run in the scanner worker (`src/bin/scanner.rs`) and are never called by the app, so
//! the linker leaves them out of the app's WebAssembly and the first load does not carry them.
//! The app uses only the result (`PlanScan`, `PdfPage`, `ScanProblem`), the worker's messages
//! (`protocol`) and how a scan reads to people (`present`).

pub mod extract;
pub mod passages;
pub mod present;
pub mod protocol;
pub mod rank;

use serde::{Deserialize, Serialize};

/// The largest file the tool reads.
pub const MAX_PLAN_BYTES: usize = 50 * 1024 * 1024;

/// What the user gave: a file's bytes by kind, PDF text as pdf.js read it, or pasted text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Source {
    Docx {
        bytes: Vec<u8>,
    },
    Odt {
        bytes: Vec<u8>,
    },
    /// A PDF's text layer, page by page (read by pdf.js in the browser).
    Pdf {
        pages: Vec<PdfPage>,
    },
    Text {
        text: String,
    },
}

/// One page of a PDF's text layer: its text runs in reading order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PdfPage {
    /// From 1.
    pub number: u32,
    pub items: Vec<PdfItem>,
}

/// A run of text on a PDF page, as pdf.js's `getTextContent` gives it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PdfItem {
    pub text: String,
    /// The font's height on the page, in points: headings are set larger.
    pub height: f32,
    /// The baseline's distance from the page's bottom, in points.
    pub y: f32,
    /// pdf.js says a line ends after this run.
    pub end_of_line: bool,
    /// Where the run starts, from the page's left edge, in points.
    #[serde(default)]
    pub x: f32,
    /// How wide the run is set, in points.
    #[serde(default)]
    pub width: f32,
    /// The page's id for the run's font ("g_d0_f2"): pdf.js gives no font names with the text.
    #[serde(default)]
    pub font: String,
}

/// The plan's text with its structure, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanText {
    pub blocks: Vec<Block>,
}

/// A heading or a paragraph of the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    /// Some(level) for a heading (1 is the top level), None for a paragraph.
    pub heading: Option<u8>,
    pub text: String,
    /// The PDF page it starts on; None for other kinds.
    pub page: Option<u32>,
}

/// A window of consecutive paragraphs under one heading: what is ranked and shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Passage {
    /// Its index in `PlanScan::passages`.
    pub id: u32,
    /// The headings above it, outermost first: ["4. Organisering", "4.2 Styregruppe"].
    pub path: Vec<String>,
    pub page: Option<u32>,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Strength {
    /// "stærk": the passage very likely addresses the item.
    Strong,
    /// "svag": it may.
    Weak,
}

/// A passage that matches an item (or an element).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    pub passage: u32,
    /// How well it matches, for ranking in the worker; the app needs only the strength, so the
    /// score is not sent (reading floats would add code to the app's WebAssembly).
    #[serde(skip)]
    pub score: f32,
    pub strength: Strength,
    /// The words of the passage that matched, as they are written there (to mark them).
    pub words: Vec<String>,
}

/// Where the plan seems to address one item: at most three passages, best first (none: "Intet
/// fundet i planen"), and for each element the passage that seems to cover it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemFindings {
    pub item: String,
    pub hits: Vec<Hit>,
    /// (element id, the best passage for it, if any passes the threshold).
    pub elements: Vec<(String, Option<Hit>)>,
}

/// One plan read and ranked: what the app keeps (in IndexedDB) and shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanScan {
    pub file_name: String,
    pub passages: Vec<Passage>,
    pub findings: Vec<ItemFindings>,
}

/// Why a plan could not be read. Each has its own Danish message (`domain::wording`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ScanProblem {
    /// A PDF without a text layer: scanned.
    NoTextLayer,
    /// Encrypted or password-protected (Office, ODF or PDF).
    Encrypted,
    /// A DOCX or ODT whose zip container is broken.
    CorruptZip,
    /// Over `MAX_PLAN_BYTES`.
    TooLarge { bytes: usize },
    /// Readable, but without any text.
    Empty,
    /// Not a DOCX, ODT or PDF.
    UnknownKind,
    /// A zip that is not a DOCX or ODT document, or XML that cannot be read; what was wrong.
    Unreadable { detail: String },
}

// ---------------------------------------------------------------------------------------------
// Reading a plan's text: passages, then every item ranked against them.

/// A plan's text cut into passages and ranked against every item of `catalogue`.
pub fn scan(catalogue: &crate::domain::catalogue::Catalogue, file_name: &str, text: &PlanText) -> PlanScan {
    let passages = passages::passages(text);
    let findings = rank::rank(catalogue, &passages);
    PlanScan { file_name: file_name.to_owned(), passages, findings }
}
