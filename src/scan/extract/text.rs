//! Pasted text: paragraphs are separated by blank lines (a single line break inside one is a
//! soft break, as text copied from Word or a PDF has them), and a heading is a line on its own
//! that looks like one: numbered ("4.2 Styregruppe", "4. Organisering"), marked up
//! ("## Styregruppe") or in capitals ("ORGANISERING").

use super::{heading_number, Blocks};
use crate::scan::Block;

/// Longer lines are sentences, not headings.
const MAX_HEADING_CHARS: usize = 80;

pub fn blocks(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks = Blocks::default();
    for chunk in chunks(&text) {
        let mut paragraph: Vec<&str> = Vec::new();
        for (index, line) in chunk.iter().enumerate() {
            let neighbours = [index.checked_sub(1).and_then(|i| chunk.get(i)), chunk.get(index + 1)];
            match heading(line, neighbours.into_iter().flatten().copied()) {
                Some((level, title)) => {
                    blocks.push(None, &paragraph.join(" "), None);
                    paragraph.clear();
                    blocks.push(Some(level), title, None);
                }
                None => paragraph.push(line),
            }
        }
        blocks.push(None, &paragraph.join(" "), None);
    }
    blocks.into_vec()
}

/// The runs of non-blank lines, trimmed.
fn chunks(text: &str) -> Vec<Vec<&str>> {
    let mut chunks = vec![Vec::new()];
    for line in text.lines().map(str::trim) {
        match chunks.last_mut() {
            Some(chunk) if !line.is_empty() => chunk.push(line),
            Some(chunk) if !chunk.is_empty() => chunks.push(Vec::new()),
            _ => {}
        }
    }
    chunks
}

/// Whether a line is a heading, and if so its level and title. `neighbours` are the lines
/// next to it in the same paragraph: a run of lines numbered alike ("1. …", "2. …") is a list.
fn heading<'a, 'n>(line: &'a str, mut neighbours: impl Iterator<Item = &'n str>) -> Option<(u8, &'a str)> {
    if line.chars().count() > MAX_HEADING_CHARS {
        return None;
    }
    // Markdown: "# Titel", "## Undertitel".
    let hashes = line.len() - line.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(char::is_whitespace) {
        let title = line[hashes..].trim().trim_end_matches('#').trim_end();
        return (!title.is_empty()).then_some((hashes as u8, title));
    }
    if line.ends_with('.') {
        return None;
    }
    if let Some((parts, _)) = heading_number(line) {
        let is_list =
            neighbours.any(|other| heading_number(other).is_some_and(|(other_parts, _)| other_parts == parts));
        return (!is_list).then_some((parts as u8, line));
    }
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 3 && line.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        return Some((1, line));
    }
    None
}
