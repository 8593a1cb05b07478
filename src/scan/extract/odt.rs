//! ODT (OpenDocument text): the headings (`text:h`, with their outline level) and paragraphs
//! (`text:p`) of `content.xml`. Headings get the numbers LibreOffice shows them with ("4.2
//! Styregruppe"), counted by the outline numbering of `styles.xml`, since the number is not in
//! the text.
//!
//! Tracked changes: the body already shows inserted text, and deleted text is kept apart in
//! `text:tracked-changes`, which is left out: so the text read is the accepted one. Comments
//! (`office:annotation`) sit inside the paragraphs they comment on and are left out, as are
//! footnotes, generated indexes (a table of contents repeats the headings) and images' titles.

use super::package::Package;
use super::xml::{walk, Next, Node};
use super::{Blocks, Table};
use crate::scan::{Block, ScanProblem};

const TEXT: &[&str] = &["urn:oasis:names:tc:opendocument:xmlns:text:1.0"];
const OFFICE: &[&str] = &["urn:oasis:names:tc:opendocument:xmlns:office:1.0"];
const SVG: &[&str] = &["urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"];
const STYLE: &[&str] = &["urn:oasis:names:tc:opendocument:xmlns:style:1.0"];
const TABLE: &[&str] = &["urn:oasis:names:tc:opendocument:xmlns:table:1.0"];

/// `text:` elements whose content is not the plan's own running text.
const LEFT_OUT: &[&str] = &[
    "tracked-changes",
    "note",
    "table-of-content",
    "illustration-index",
    "table-index",
    "object-index",
    "user-index",
    "alphabetical-index",
    "bibliography",
];

pub fn blocks(package: &mut Package) -> Result<Vec<Block>, ScanProblem> {
    // An encrypted ODF package keeps its mimetype and manifest readable, and the manifest
    // describes each encrypted part with `manifest:encryption-data`; the parts themselves are
    // ciphertext.
    if let Some(manifest) = package.read_text("META-INF/manifest.xml")? {
        if manifest.contains("encryption-data") {
            return Err(ScanProblem::Encrypted);
        }
    }
    // The numbering only adds to the headings: if styles.xml is damaged, they go without.
    let mut outline = package.read_text("styles.xml")?.and_then(|xml| Outline::parse(&xml).ok()).unwrap_or_default();
    let content = package
        .read_text("content.xml")?
        .ok_or_else(|| ScanProblem::Unreadable { detail: "content.xml is missing".into() })?;
    read_content(&content, &mut outline)
}

/// A heading or paragraph being read.
struct Open {
    /// Its heading level, and the number to show before it; None for a paragraph.
    heading: Option<(u8, Option<String>)>,
    text: String,
}

fn read_content(xml: &str, outline: &mut Outline) -> Result<Vec<Block>, ScanProblem> {
    let mut blocks = Blocks::default();
    // Headings and paragraphs nest: a text box's or a frame's paragraphs sit inside the
    // paragraph they are anchored in.
    let mut open: Vec<Open> = Vec::new();
    // The table being read, whose paragraphs become its cells' text; and whether the reader is
    // in its header rows.
    let mut table = Table::default();
    let mut in_header = false;
    walk("content.xml", xml, |node| {
        match node {
            Node::Start(element) if TABLE.contains(&element.namespace) => match element.local {
                "table" => table.nesting += 1,
                "table-header-rows" => in_header = table.nesting == 1,
                "table-row" => table.start_row(in_header),
                "table-cell" | "covered-table-cell" => table.start_cell(),
                _ => {}
            },
            Node::End { namespace, local, .. } if TABLE.contains(&namespace) => match local {
                "table" => {
                    table.nesting = table.nesting.saturating_sub(1);
                    if table.nesting == 0 {
                        std::mem::take(&mut table).finish(&mut blocks);
                    }
                }
                "table-header-rows" if table.nesting == 1 => in_header = false,
                _ => {}
            },
            Node::Start(element) => {
                let leave_out = (TEXT.contains(&element.namespace) && LEFT_OUT.contains(&element.local))
                    || element.is(OFFICE, "annotation")
                    || element.is(SVG, "title")
                    || element.is(SVG, "desc");
                if leave_out {
                    return Ok(Next::SkipContent);
                }
                if !TEXT.contains(&element.namespace) {
                    return Ok(Next::Continue);
                }
                match element.local {
                    "h" => {
                        // Without an outline level a heading is a top-level one.
                        let level = element.attribute(TEXT, "outline-level").and_then(|level| level.parse().ok());
                        let level: u8 = level.unwrap_or(1).clamp(1, 10);
                        let unnumbered = element.attribute(TEXT, "is-list-header").is_some_and(|v| v == "true");
                        let restart = element.attribute(TEXT, "restart-numbering").is_some_and(|v| v == "true");
                        let start = element.attribute(TEXT, "start-value").and_then(|v| v.parse().ok());
                        let number = if unnumbered { None } else { outline.advance(level, restart.then_some(start)) };
                        open.push(Open { heading: Some((level, number)), text: String::new() });
                    }
                    "p" => open.push(Open { heading: None, text: String::new() }),
                    "s" | "tab" => push(&mut open, " "),
                    "line-break" => push(&mut open, "\n"),
                    _ => {}
                }
            }
            Node::End { namespace, local, .. } if TEXT.contains(&namespace) => match local {
                "h" | "p" => match open.pop() {
                    // Inside a table a paragraph (a heading too) is its cell's text.
                    Some(Open { text, .. }) if table.nesting > 0 => table.push_text(&text),
                    Some(Open { heading: Some((level, Some(number))), text }) => {
                        blocks.push(Some(level), &format!("{number} {text}"), None)
                    }
                    Some(Open { heading, text }) => blocks.push(heading.map(|(level, _)| level), &text, None),
                    None => {}
                },
                // A heading's number as the producer showed it ("4.2"), before the title: then
                // it is not counted again.
                "number" => {
                    if let Some(Open { heading: Some((_, number)), .. }) = open.last_mut() {
                        *number = None;
                    }
                    push(&mut open, " ");
                }
                _ => {}
            },
            Node::End { .. } => {}
            Node::Text(text) => {
                // In ODF, line ends and tabs in the XML are just white space; breaks and tabs
                // are elements.
                let text: String = text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
                push(&mut open, &text);
            }
        }
        Ok(Next::Continue)
    })?;
    Ok(blocks.into_vec())
}

fn push(open: &mut [Open], text: &str) {
    if let Some(open) = open.last_mut() {
        open.text.push_str(text);
    }
}

/// One level of the outline numbering (`text:outline-level-style`).
#[derive(Clone, Default)]
struct OutlineLevel {
    /// `style:num-format`: "1", "a", "A", "i", "I", or "" for no number.
    format: String,
    prefix: String,
    suffix: String,
    /// How many levels' numbers are shown: 2 shows "4.2".
    display_levels: usize,
    start: u32,
}

/// The outline numbering of `styles.xml`, and the headings' counters as they are read.
#[derive(Default)]
struct Outline {
    levels: Vec<OutlineLevel>,
    counters: Vec<Option<u32>>,
}

/// ODF has ten outline levels.
const OUTLINE_LEVELS: usize = 10;

impl Outline {
    fn parse(xml: &str) -> Result<Outline, ScanProblem> {
        let mut levels = vec![OutlineLevel::default(); OUTLINE_LEVELS];
        let mut in_outline = false;
        walk("styles.xml", xml, |node| {
            match node {
                Node::Start(element) if element.is(TEXT, "outline-style") => in_outline = true,
                Node::Start(element) if in_outline && element.is(TEXT, "outline-level-style") => {
                    let level = element.attribute(TEXT, "level").and_then(|v| v.parse::<usize>().ok()).unwrap_or(0);
                    if let Some(slot) = level.checked_sub(1).and_then(|index| levels.get_mut(index)) {
                        *slot = OutlineLevel {
                            format: element.attribute(STYLE, "num-format").unwrap_or_default(),
                            prefix: element.attribute(STYLE, "num-prefix").unwrap_or_default(),
                            suffix: element.attribute(STYLE, "num-suffix").unwrap_or_default(),
                            display_levels: element
                                .attribute(TEXT, "display-levels")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1),
                            start: element.attribute(TEXT, "start-value").and_then(|v| v.parse().ok()).unwrap_or(1),
                        };
                    }
                }
                Node::End { namespace, local, .. } if TEXT.contains(&namespace) && local == "outline-style" => {
                    in_outline = false
                }
                _ => {}
            }
            Ok(Next::Continue)
        })?;
        Ok(Outline { levels, counters: vec![None; OUTLINE_LEVELS] })
    }

    /// Counts a heading at `level` (1 is the top; `restart`: it starts the count again, at
    /// this value or the level's own start) and returns its number as shown ("4.2"), or None
    /// where the level is not numbered.
    fn advance(&mut self, level: u8, restart: Option<Option<u32>>) -> Option<String> {
        let index = usize::from(level).checked_sub(1)?;
        let style = self.levels.get(index)?;
        let counter = self.counters.get_mut(index)?;
        *counter = Some(match (restart, *counter) {
            (Some(start), _) => start.unwrap_or(style.start),
            (None, Some(n)) => n + 1,
            (None, None) => style.start,
        });
        for deeper in self.counters.iter_mut().skip(index + 1) {
            *deeper = None;
        }
        if style.format.is_empty() {
            return None;
        }
        let shown = style.display_levels.clamp(1, index + 1);
        let numbers: Vec<String> = (index + 1 - shown..=index)
            .filter_map(|at| {
                let level = &self.levels[at];
                let value = self.counters[at].unwrap_or(level.start);
                (!level.format.is_empty()).then(|| format_number(value, &level.format))
            })
            .collect();
        Some(format!("{}{}{}", style.prefix, numbers.join("."), style.suffix).trim().to_owned())
            .filter(|label| !label.is_empty())
    }
}

/// ODF's number formats: "1", "a", "A", "i", "I" (others are shown as decimals).
fn format_number(value: u32, format: &str) -> String {
    match format {
        "a" => super::letters(value).to_lowercase(),
        "A" => super::letters(value),
        "i" => super::roman(value).to_lowercase(),
        "I" => super::roman(value),
        _ => value.to_string(),
    }
}
