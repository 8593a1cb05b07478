//! Text and structure from DOCX, ODT, PDF (as pdf.js reads it) and pasted text: `PlanText`.
//!
//! One module per format. What they share is here: recognising a file by its content
//! (`sniff`), the zip container with its limits (`package`), and `Blocks`, which tidies the
//! text of every heading and paragraph the same way whatever the format.

mod docx;
mod odt;
mod package;
mod pdf;
mod text;
mod xml;

use super::{Block, PlanText, ScanProblem, Source, MAX_PLAN_BYTES};
use package::Package;

/// What kind of document a file holds, told from its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    Docx,
    Odt,
    /// Read by pdf.js in the page, not here: its text comes as `Source::Pdf`.
    Pdf,
}

/// Which kind of document these bytes are, from their content (not the file name: a DOCX
/// renamed `.odt`, or saved without an extension, is still read).
pub fn sniff(bytes: &[u8]) -> Result<DocumentKind, ScanProblem> {
    if bytes.is_empty() {
        return Err(ScanProblem::Empty);
    }
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(ScanProblem::TooLarge { bytes: bytes.len() });
    }
    if package::is_ole(bytes) {
        // A password-protected DOCX is not a zip but an OLE compound file holding an encrypted
        // package. Old binary .doc files are OLE too; they are told apart by the directory's
        // stream names, and are simply of another kind (password-protected or not).
        return Err(if package::is_encrypted_ole(bytes) { ScanProblem::Encrypted } else { ScanProblem::UnknownKind });
    }
    if package::is_zip(bytes) {
        return Package::open(bytes)?.kind();
    }
    // The PDF header may follow some junk; readers (pdf.js too) look in the first kilobyte.
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        return Ok(DocumentKind::Pdf);
    }
    Err(ScanProblem::UnknownKind)
}

/// The text and structure of a plan: its headings and paragraphs in reading order.
pub fn extract(source: &Source) -> Result<PlanText, ScanProblem> {
    let blocks = match source {
        Source::Docx { bytes } | Source::Odt { bytes } => {
            // The kind the caller names is only a hint: the content decides.
            match sniff(bytes)? {
                DocumentKind::Docx => docx::blocks(&mut Package::open(bytes)?)?,
                DocumentKind::Odt => odt::blocks(&mut Package::open(bytes)?)?,
                // PDF bytes are pdf.js's to read (`scan::protocol` sends them there).
                DocumentKind::Pdf => return Err(ScanProblem::UnknownKind),
            }
        }
        Source::Pdf { pages } => {
            let bytes = pages.iter().flat_map(|page| &page.items).map(|item| item.text.len()).sum();
            if bytes > MAX_PLAN_BYTES {
                return Err(ScanProblem::TooLarge { bytes });
            }
            pdf::blocks(pages)?
        }
        Source::Text { text } => {
            if text.len() > MAX_PLAN_BYTES {
                return Err(ScanProblem::TooLarge { bytes: text.len() });
            }
            text::blocks(text)
        }
    };
    if blocks.is_empty() {
        return Err(ScanProblem::Empty);
    }
    Ok(PlanText { blocks })
}

/// Collects blocks, tidying their text: every format ends here, so a paragraph reads the same
/// whether it came from Word, LibreOffice, a PDF or the clipboard.
#[derive(Default)]
struct Blocks {
    blocks: Vec<Block>,
}

impl Blocks {
    /// Adds a heading (`Some(level)`, clamped to 1..=9) or a paragraph (`None`); one with no
    /// visible text is left out.
    fn push(&mut self, heading: Option<u8>, text: &str, page: Option<u32>) {
        let text = tidy(text);
        if !text.is_empty() {
            self.blocks.push(Block { heading: heading.map(|level| level.clamp(1, 9)), text, page });
        }
    }

    fn into_vec(self) -> Vec<Block> {
        self.blocks
    }
}

/// A table being read (DOCX or ODT): its rows of cells, and which rows the document marks as
/// the table's header. Only the outermost table is kept apart: a table inside a cell is text of
/// that cell.
#[derive(Default)]
struct Table {
    rows: Vec<Row>,
    /// How deep in tables the reader is (1: in the outermost).
    nesting: usize,
}

#[derive(Default)]
struct Row {
    cells: Vec<String>,
    header: bool,
}

impl Table {
    fn start_row(&mut self, header: bool) {
        if self.nesting == 1 {
            self.rows.push(Row { cells: Vec::new(), header });
        }
    }

    fn mark_header(&mut self) {
        if let (1, Some(row)) = (self.nesting, self.rows.last_mut()) {
            row.header = true;
        }
    }

    fn start_cell(&mut self) {
        if self.nesting == 1 {
            if let Some(row) = self.rows.last_mut() {
                row.cells.push(String::new());
            }
        }
    }

    /// A paragraph of the current cell (or of a table inside it).
    fn push_text(&mut self, text: &str) {
        let text = tidy(text).replace('\n', " ");
        if let Some(cell) = self.rows.last_mut().and_then(|row| row.cells.last_mut()) {
            if !text.is_empty() {
                if !cell.is_empty() {
                    cell.push(' ');
                }
                cell.push_str(&text);
            }
        }
    }

    /// The table as paragraphs, one a row: a row is one statement ("which goal belongs to which
    /// activity"), so it is read, ranked and shown as one.
    fn finish(self, blocks: &mut Blocks) {
        for line in table_lines(self.rows) {
            blocks.push(None, &line, None);
        }
    }
}

/// A header row's cells are short labels, not sentences.
const MAX_LABEL_WORDS: usize = 6;

/// A table's rows as lines, "cell · cell · cell"; where the table has a header row (marked so,
/// or a first row of short labels above further rows), each cell is prefixed with its column's
/// label ("Kortsigtede mål: 40 aktive frivillige") and the header is not a line of its own. A
/// table of one cell a row reads as its paragraphs.
fn table_lines(rows: Vec<Row>) -> Vec<String> {
    let rows: Vec<Row> = rows.into_iter().filter(|row| row.cells.iter().any(|cell| !cell.trim().is_empty())).collect();
    let filled = |row: &Row| row.cells.iter().filter(|cell| !cell.trim().is_empty()).count();
    let mut header_rows = rows.iter().take_while(|row| row.header).count();
    if header_rows == rows.len() {
        header_rows = 0;
    }
    let looks_like_labels = |row: &Row| {
        filled(row) >= 2
            && row.cells.iter().all(|cell| {
                cell.split_whitespace().count() <= MAX_LABEL_WORDS && !cell.trim_end().ends_with(['.', '!', '?', ':'])
            })
    };
    if header_rows == 0 && rows.len() >= 2 && looks_like_labels(&rows[0]) {
        header_rows = 1;
    }
    let mut labels: Vec<String> = Vec::new();
    for row in &rows[..header_rows] {
        for (column, cell) in row.cells.iter().enumerate() {
            if labels.len() <= column {
                labels.resize(column + 1, String::new());
            }
            if !cell.is_empty() && labels[column] != *cell {
                if !labels[column].is_empty() {
                    labels[column].push(' ');
                }
                labels[column].push_str(cell);
            }
        }
    }
    rows[header_rows..]
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .enumerate()
                .filter(|(_, cell)| !cell.is_empty())
                .map(|(column, cell)| match labels.get(column).filter(|label| !label.is_empty() && *label != cell) {
                    Some(label) => format!("{}: {cell}", label.trim_end_matches(':')),
                    None => cell.clone(),
                })
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .collect()
}

/// Runs of spaces, tabs and other blank characters become one space; a line break is kept (as
/// `\n`, one at most in a row); each line is trimmed. Invisible characters (soft hyphens,
/// zero-width spaces, controls) are dropped: they would split words for the ranking.
fn tidy(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let mut tidied = String::with_capacity(line.len());
        for word in line
            .split(|c: char| c.is_whitespace())
            .map(|word| word.chars().filter(|&c| !is_invisible(c)).collect::<String>())
            .filter(|word| !word.is_empty())
        {
            if !tidied.is_empty() {
                tidied.push(' ');
            }
            tidied.push_str(&word);
        }
        if !tidied.is_empty() {
            lines.push(tidied);
        }
    }
    lines.join("\n")
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}') || c.is_control()
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// A heading number at the start of a line: "4.2 Styregruppe", "4. Organisering", "3)"-less.
/// Returns how many numeric parts it has (4.2 → 2) and the text after it, or None.
fn heading_number(line: &str) -> Option<(usize, &str)> {
    let mut parts = 0;
    let mut rest = line;
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        // A heading number is small: "2024 Budget" or "100 boliger" are not headings.
        if digits == 0 || digits > 2 {
            return None;
        }
        parts += 1;
        rest = &rest[digits..];
        match rest.strip_prefix('.') {
            Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => rest = after,
            Some(after) => {
                rest = after;
                break;
            }
            None => break,
        }
    }
    // The number stands apart from the title, and the title starts with a letter.
    let title = rest.trim_start();
    if parts > 6 || title.len() == rest.len() || !title.starts_with(char::is_alphabetic) {
        return None;
    }
    Some((parts, title))
}

/// A number in upper-case roman numerals (as lists and page numbers show them).
fn roman(mut value: u32) -> String {
    if value == 0 || value > 3999 {
        return value.to_string();
    }
    let mut out = String::new();
    for (amount, numeral) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while value >= amount {
            out.push_str(numeral);
            value -= amount;
        }
    }
    out
}

/// A number in letters, as Word and LibreOffice count: A..Z, then AA..ZZ, then AAA...
fn letters(value: u32) -> String {
    if value == 0 {
        return "0".into();
    }
    let letter = char::from(b'A' + ((value - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((value - 1) / 26 + 1).min(10) as usize).collect()
}
