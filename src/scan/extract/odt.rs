//! ODT (OpenDocument text): the headings (`text:h`, with their outline level) and paragraphs
//! (`text:p`) of `content.xml`.
//!
//! Tracked changes: the body already shows inserted text, and deleted text is kept apart in
//! `text:tracked-changes`, which is left out: so the text read is the accepted one. Comments
//! (`office:annotation`) sit inside the paragraphs they comment on and are left out, as are
//! footnotes, generated indexes (a table of contents repeats the headings) and images' titles.

use super::package::Package;
use super::xml::{walk, Node};
use super::Blocks;
use crate::scan::{Block, ScanProblem};

const TEXT: &[&str] = &["urn:oasis:names:tc:opendocument:xmlns:text:1.0"];
const OFFICE: &[&str] = &["urn:oasis:names:tc:opendocument:xmlns:office:1.0"];
const SVG: &[&str] = &["urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"];

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
    let content = package
        .read_text("content.xml")?
        .ok_or_else(|| ScanProblem::Unreadable { detail: "content.xml is missing".into() })?;
    read_content(&content)
}

fn read_content(xml: &str) -> Result<Vec<Block>, ScanProblem> {
    let mut blocks = Blocks::default();
    // Headings and paragraphs nest: a text box's or a frame's paragraphs sit inside the
    // paragraph they are anchored in. Each: its heading level (None: a paragraph) and text.
    let mut open: Vec<(Option<u8>, String)> = Vec::new();
    let mut depth = 0;
    let mut skipping: Option<usize> = None;
    walk("content.xml", xml, |node| {
        match node {
            Node::Start(element) => {
                depth += 1;
                if skipping.is_some() {
                    return Ok(());
                }
                let leave_out = (TEXT.contains(&element.namespace) && LEFT_OUT.contains(&element.local))
                    || element.is(OFFICE, "annotation")
                    || element.is(SVG, "title")
                    || element.is(SVG, "desc");
                if leave_out {
                    skipping = Some(depth);
                    return Ok(());
                }
                if !TEXT.contains(&element.namespace) {
                    return Ok(());
                }
                match element.local {
                    "h" => {
                        // Without an outline level a heading is a top-level one.
                        let level = element.attribute(TEXT, "outline-level").and_then(|level| level.parse().ok());
                        open.push((Some(level.unwrap_or(1)), String::new()));
                    }
                    "p" => open.push((None, String::new())),
                    "s" | "tab" => push(&mut open, " "),
                    "line-break" => push(&mut open, "\n"),
                    _ => {}
                }
            }
            Node::End { namespace, local } => {
                if skipping == Some(depth) {
                    skipping = None;
                } else if skipping.is_none() && TEXT.contains(&namespace) {
                    match local {
                        "h" | "p" => {
                            if let Some((heading, text)) = open.pop() {
                                blocks.push(heading, &text, None);
                            }
                        }
                        // A heading's number as LibreOffice showed it ("4.2"), before the title.
                        "number" => push(&mut open, " "),
                        _ => {}
                    }
                }
                depth -= 1;
            }
            Node::Text(text) => {
                if skipping.is_none() {
                    // In ODF, line ends and tabs in the XML are just white space; breaks and
                    // tabs are elements.
                    let text: String = text.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
                    push(&mut open, &text);
                }
            }
        }
        Ok(())
    })?;
    Ok(blocks.into_vec())
}

fn push(open: &mut [(Option<u8>, String)], text: &str) {
    if let Some((_, paragraph)) = open.last_mut() {
        paragraph.push_str(text);
    }
}
