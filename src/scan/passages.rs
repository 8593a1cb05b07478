//! `PlanText` cut into `Passage`s: windows of paragraphs that carry their heading path and page.
//!
//! A passage is a run of consecutive paragraphs under one heading, from one paragraph up to about
//! `TARGET_WORDS` words: short paragraphs (list items, one-line statements) are joined with their
//! neighbours so that a passage says enough to be judged, and a window never crosses a heading.
//! A paragraph longer than `MAX_WORDS` (a PDF page read as one block, a wall of text) is cut at
//! sentence ends. Windows do not overlap, so each sentence is shown and ranked once.
//!
//! Headings are not passage text: their texts make the path (outermost first), which the ranking
//! reads as a field of its own. A table of contents is left out, and a passage whose text
//! repeats an earlier one word for word (a running header, a repeated boilerplate paragraph) is
//! kept only the first time.

use std::collections::HashSet;

use super::{Block, Passage, PlanText};

/// A window grows by whole paragraphs up to this many words.
const TARGET_WORDS: usize = 130;
/// Below this, a window takes the next paragraph even if it then passes `TARGET_WORDS`.
const MIN_WORDS: usize = 40;
/// A longer paragraph is cut at sentence ends into pieces of about `TARGET_WORDS`.
const MAX_WORDS: usize = 220;

/// The plan's passages, in reading order; `id` is the index.
pub fn passages(text: &PlanText) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut path: Vec<(u8, String)> = Vec::new();
    let mut window = Window::default();

    for block in &text.blocks {
        let clean = collapse_whitespace(&block.text);
        if clean.is_empty() {
            continue;
        }
        match block.heading {
            Some(level) => {
                window.flush(&path, &mut out, &mut seen);
                while path.last().is_some_and(|(top, _)| *top >= level) {
                    path.pop();
                }
                path.push((level, clean));
            }
            None => {
                if in_contents(&path) || looks_like_contents_line(&clean) {
                    continue;
                }
                for piece in split_long(&clean) {
                    let words = word_count(&piece);
                    if window.words >= MIN_WORDS && window.words + words > TARGET_WORDS {
                        window.flush(&path, &mut out, &mut seen);
                    }
                    window.push(piece, words, block);
                }
            }
        }
    }
    window.flush(&path, &mut out, &mut seen);
    out
}

#[derive(Default)]
struct Window {
    paragraphs: Vec<String>,
    words: usize,
    page: Option<u32>,
}

impl Window {
    fn push(&mut self, text: String, words: usize, block: &Block) {
        if self.paragraphs.is_empty() {
            self.page = block.page;
        }
        self.paragraphs.push(text);
        self.words += words;
    }

    fn flush(&mut self, path: &[(u8, String)], out: &mut Vec<Passage>, seen: &mut HashSet<String>) {
        if self.paragraphs.is_empty() {
            return;
        }
        let text = self.paragraphs.join("\n\n");
        let window = std::mem::take(self);
        if !seen.insert(text.to_lowercase()) {
            return;
        }
        out.push(Passage {
            id: out.len() as u32,
            path: path.iter().map(|(_, heading)| heading.clone()).collect(),
            page: window.page,
            text,
        });
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Under a heading "Indhold" or "Indholdsfortegnelse": the table of contents, which names every
/// section and would otherwise match every item.
fn in_contents(path: &[(u8, String)]) -> bool {
    path.last().is_some_and(|(_, heading)| {
        let name: String = heading.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
        name == "indhold" || name == "indholdsfortegnelse"
    })
}

/// "4.2 Styregruppe ........ 12": a table-of-contents line outside such a heading.
fn looks_like_contents_line(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| c.is_ascii_digit()).trim_end();
    trimmed.len() < text.len() && (trimmed.ends_with("...") || trimmed.ends_with('…') || trimmed.ends_with('\t'))
}

/// A paragraph of at most `MAX_WORDS` words as it is; a longer one cut at sentence ends into
/// pieces of about `TARGET_WORDS` words.
fn split_long(text: &str) -> Vec<String> {
    if word_count(text) <= MAX_WORDS {
        return vec![text.to_owned()];
    }
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut words = 0;
    for sentence in sentences(text) {
        let n = word_count(sentence);
        if words > 0 && words + n > TARGET_WORDS {
            pieces.push(std::mem::take(&mut current));
            words = 0;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(sentence);
        words += n;
        // A "sentence" without full stops (a long list or table row) is cut by words.
        while words > MAX_WORDS {
            let cut: Vec<&str> = current.split_whitespace().collect();
            pieces.push(cut[..TARGET_WORDS].join(" "));
            current = cut[TARGET_WORDS..].join(" ");
            words = word_count(&current);
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

/// Sentences: ends at '.', '!' or '?' followed by a space and a capital letter or a digit.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for i in 0..chars.len().saturating_sub(2) {
        let (at, ch) = chars[i];
        if matches!(ch, '.' | '!' | '?')
            && chars[i + 1].1 == ' '
            && (chars[i + 2].1.is_uppercase() || chars[i + 2].1.is_ascii_digit())
        {
            let end = at + ch.len_utf8();
            out.push(text[start..end].trim());
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, text: &str) -> Block {
        Block { heading: Some(level), text: text.into(), page: None }
    }

    fn paragraph(text: &str) -> Block {
        Block { heading: None, text: text.into(), page: None }
    }

    fn words(n: usize, word: &str) -> String {
        vec![word; n].join(" ")
    }

    #[test]
    fn passages_carry_their_heading_path_outermost_first() {
        let text = PlanText {
            blocks: vec![
                heading(1, "4. Organisering"),
                paragraph(&words(60, "indledning")),
                heading(2, "4.2 Styregruppe"),
                paragraph(&words(60, "styregruppen")),
                heading(2, "4.3 Sekretariat"),
                paragraph(&words(60, "sekretariatet")),
                heading(1, "5. Evaluering"),
                paragraph(&words(60, "evaluering")),
            ],
        };
        let found = passages(&text);
        let paths: Vec<Vec<&str>> = found.iter().map(|p| p.path.iter().map(String::as_str).collect()).collect();
        assert_eq!(
            paths,
            vec![
                vec!["4. Organisering"],
                vec!["4. Organisering", "4.2 Styregruppe"],
                vec!["4. Organisering", "4.3 Sekretariat"],
                vec!["5. Evaluering"],
            ]
        );
        // A heading's own text is in the path, not in the text.
        assert!(found.iter().all(|p| !p.text.contains("Organisering") && !p.text.contains("4.2")));
        assert!(found.iter().enumerate().all(|(i, p)| p.id as usize == i));
    }

    #[test]
    fn short_paragraphs_are_joined_and_windows_never_cross_a_heading() {
        let text = PlanText {
            blocks: vec![
                heading(1, "1. Mål"),
                paragraph("Flere unge i uddannelse."),
                paragraph("Færre klager over støj."),
                paragraph("Et aktivt beboerdemokrati."),
                heading(1, "2. Aktiviteter"),
                paragraph("Lektiecafé."),
            ],
        };
        let found = passages(&text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].text, "Flere unge i uddannelse.\n\nFærre klager over støj.\n\nEt aktivt beboerdemokrati.");
        assert_eq!(found[1].text, "Lektiecafé.");
        assert_eq!(found[1].path, vec!["2. Aktiviteter".to_string()]);
    }

    #[test]
    fn windows_grow_to_about_the_target_and_keep_the_first_page() {
        let blocks = (0..6).map(|n| Block { heading: None, text: words(50, "ord"), page: Some(n + 1) }).collect();
        let found = passages(&PlanText { blocks });
        // 50 + 50 = 100 fits; a third would pass 130 words.
        assert_eq!(found.len(), 1, "identical windows are kept once");
        let blocks: Vec<Block> = (0..6)
            .map(|n| Block { heading: None, text: format!("{} afsnit{n}", words(49, "ord")), page: Some(n + 1) })
            .collect();
        let found = passages(&PlanText { blocks });
        assert_eq!(found.len(), 3);
        assert_eq!(found.iter().map(|p| p.page).collect::<Vec<_>>(), vec![Some(1), Some(3), Some(5)]);
        assert!(found.iter().all(|p| p.text.split_whitespace().count() == 100));
    }

    #[test]
    fn a_long_paragraph_is_cut_at_sentence_ends() {
        let long: Vec<String> = (0..20).map(|n| format!("{} nr{n} slut.", words(18, "Ord"))).collect();
        let long = long.join(" ");
        let found = passages(&PlanText { blocks: vec![paragraph(&long)] });
        assert!(found.len() >= 3);
        for passage in &found {
            assert!(passage.text.ends_with("slut."));
            assert!(passage.text.split_whitespace().count() <= TARGET_WORDS);
        }
        let total: usize = found.iter().map(|p| p.text.split_whitespace().count()).sum();
        assert_eq!(total, 400);
    }

    #[test]
    fn a_table_of_contents_is_left_out() {
        let text = PlanText {
            blocks: vec![
                heading(1, "Indholdsfortegnelse"),
                paragraph("1. Indledning ........ 3"),
                paragraph("2. Styregruppe ........ 5"),
                heading(1, "1. Indledning"),
                paragraph("Planen handler om Grønnehaven."),
                paragraph("3. Evaluering ........ 9"),
            ],
        };
        let found = passages(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "Planen handler om Grønnehaven.");
    }

    #[test]
    fn no_text_no_passages() {
        assert!(passages(&PlanText::default()).is_empty());
        assert!(passages(&PlanText { blocks: vec![heading(1, "1. Tom"), paragraph("   ")] }).is_empty());
    }
}
