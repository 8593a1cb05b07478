//! PDF, from the text runs pdf.js reads (its `getTextContent`): runs are joined into lines,
//! lines into paragraphs and headings, each with the page it starts on.
//!
//! A PDF has no paragraphs or headings, only positioned text, so they are inferred, simply:
//! - page furniture is dropped: lines at a page's top or bottom that recur on most pages
//!   (digits aside, so "Side 3 af 40" recurs), and bare page numbers there; so are the entries
//!   of a table of contents ("4.2 Styregruppe ........ 12"), which repeat the headings;
//! - a heading is a line set clearly larger than the body text, or a short numbered line
//!   ("4.2 Styregruppe") that does not end like a sentence; its level comes from its number's
//!   parts, else from its size's rank among the headings' sizes;
//! - so is a short line (or two) at about body size in a heavier font than the body's, that
//!   does not end like a sentence and stands apart from what follows (a gap larger than the
//!   body's line pitch, or a new column or page): the bold sub-heading that word processors make
//!   ("Styregruppens arbejde", 11 pt bold on 10.5 pt). pdf.js names fonts only by an id, so
//!   "heavier" is measured: a font whose runs are set wider, letter for letter, than the body
//!   font's (`heavier_fonts`). It ranks below every larger heading size;
//! - a paragraph ends where the gap to the next line is larger than ~1.5 lines, where the
//!   size changes, or after a short line that ends a sentence; one that runs over a page break,
//!   or from one column into the next, mid-sentence goes on.
//!
//! - a table is found where its runs line up in columns (`tables`): each row becomes one line,
//!   "cell · cell", with the header row's labels, and a paragraph of its own.
//!
//! Reading order is pdf.js's, which is the order the text was written in: word processors
//! write a two-column page column by column. A PDF that writes its columns line by line across
//! the page is not put back in order.

use std::collections::HashMap;

use super::{heading_number, table_lines, Blocks, Row};
use crate::scan::{Block, PdfPage, ScanProblem};

/// A heading's text is at least this much larger than the body text.
const HEADING_SCALE: f32 = 1.15;
/// A numbered heading of one part ("4. Organisering") is at least this much larger: at body
/// size it is more likely an item of a numbered list.
const NUMBERED_TOP_SCALE: f32 = 1.05;
/// Lines further apart than this many line heights are in different paragraphs.
const PARAGRAPH_GAP: f32 = 1.5;
const MAX_NUMBERED_HEADING_CHARS: usize = 80;
/// A heading larger than this (several lines of large text) is a lead paragraph.
const MAX_HEADING_CHARS: usize = 150;
/// A line shorter than this share of a full line is the last of its paragraph, if it ends a
/// sentence.
const SHORT_LINE: f32 = 0.7;
/// How many lines at the top and at the bottom of a page may be page furniture.
const EDGE_LINES: usize = 3;

/// A font is heavier than the body's when its letters run at least this much wider than the
/// body font's, letter for letter (bold is about 8% wider than regular in Helvetica, Arial and
/// Times; an italic is narrower).
const HEAVIER: f32 = 1.04;
/// Below this many letters a font's width says too little about it.
const MIN_FONT_LETTERS: f32 = 12.0;
/// A bold line is a heading when it stands apart: the next line is at least this many of the
/// body's line pitches below it (a short line followed by a gap).
const HEADING_GAP: f32 = 1.1;
/// A bold heading at body size has at most this many lines.
const MAX_BOLD_HEADING_LINES: usize = 2;

/// A line of text on a page.
#[derive(Clone, Debug)]
struct Line {
    text: String,
    /// The height most of its characters have.
    height: f32,
    /// The baseline of its first run.
    y: f32,
    /// Where its first run starts.
    x: f32,
    page: u32,
    /// The font most of its characters are set in, and their share of the line.
    font: String,
    font_share: f32,
    /// A table's row, "cell · cell" (`table_rows`): a paragraph of its own, never a heading.
    row: bool,
}

pub fn blocks(pages: &[PdfPage]) -> Result<Vec<Block>, ScanProblem> {
    if pages.is_empty() {
        return Err(ScanProblem::Empty);
    }
    let pages_runs = pages;
    let pages: Vec<Vec<Line>> = pages.iter().map(lines).collect();
    if pages.iter().all(Vec::is_empty) {
        return Err(ScanProblem::NoTextLayer);
    }
    let mut lines = without_furniture(pages);
    // Text, but only headers, footers and page numbers: the pages themselves are images.
    if lines.is_empty() {
        return Err(ScanProblem::NoTextLayer);
    }
    lines.retain(|line| !is_contents_entry(&line.text));
    let body = body_height(&lines);
    let heavy = heavier_fonts(pages_runs, &lines, body);
    let pitch = body_pitch(&lines, body);
    let kinds = classify(&lines, body, &heavy, pitch);
    Ok(assemble(&lines, &kinds))
}

/// The fonts set heavier than the body's: each font's width, letter for letter, against the
/// body font's. pdf.js names fonts only by an id, so weight is told by width: each run's width
/// is compared with what its text measures in one reference font (`em_width`), which takes out
/// which letters a run happens to hold.
fn heavier_fonts(pages: &[PdfPage], lines: &[Line], body: Option<f32>) -> Vec<String> {
    let Some(body) = body else { return Vec::new() };
    // Per font: (width as set, width in the reference font at the run's size, letters).
    let mut widths: HashMap<&str, (f32, f32, f32)> = HashMap::new();
    for item in pages.iter().flat_map(|page| &page.items) {
        let (width, height) = (finite(item.width), finite(item.height).abs());
        if item.font.is_empty() || width <= 0.0 || height <= 0.0 {
            continue;
        }
        let reference: f32 = item.text.chars().map(em_width).sum::<f32>() * height;
        let letters = item.text.chars().filter(|c| c.is_alphabetic()).count() as f32;
        let entry = widths.entry(&item.font).or_default();
        *entry = (entry.0 + width, entry.1 + reference, entry.2 + letters);
    }
    // The body font: the one most characters of body-size lines are set in.
    let mut chars: HashMap<&str, usize> = HashMap::new();
    for line in lines.iter().filter(|line| half_points(line.height) == half_points(body)) {
        *chars.entry(&line.font).or_default() += line.text.chars().count();
    }
    let Some(body_font) = chars.into_iter().max_by_key(|&(font, n)| (n, font)).map(|(font, _)| font) else {
        return Vec::new();
    };
    let ratio = |font: &str| {
        widths.get(font).filter(|w| w.1 > 0.0 && w.2 >= MIN_FONT_LETTERS).map(|&(set, reference, _)| set / reference)
    };
    let Some(body_ratio) = ratio(body_font) else { return Vec::new() };
    let mut heavy: Vec<String> = widths
        .keys()
        .filter(|&&font| font != body_font && ratio(font).is_some_and(|r| r >= body_ratio * HEAVIER))
        .map(|font| font.to_string())
        .collect();
    heavy.sort();
    heavy
}

/// A character's advance in Helvetica (Arial has the same), in ems: the reference that runs'
/// widths are compared with.
fn em_width(c: char) -> f32 {
    const ASCII: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556,
        556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667,
        556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556,
        556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
        500, 500, 500, 334, 260, 334, 584,
    ];
    let units = match c {
        ' '..='~' => ASCII[c as usize - 32],
        'æ' => 889,
        'Æ' => 1000,
        'ø' | 'ß' => 611,
        'Ø' | 'Ö' | 'Ó' => 778,
        'Å' | 'Ä' | 'Á' => 667,
        'é' | 'è' | 'á' | 'à' | 'ä' | 'å' | 'ö' | 'ó' | 'ü' | 'ú' => 556,
        'í' | 'ì' | 'ï' => 278,
        '–' => 556,
        '—' => 1000,
        _ if c.is_whitespace() => 278,
        _ => 556,
    };
    f32::from(units) / 1000.0
}

/// The distance between the baselines of two lines of body text in a paragraph: the median over
/// consecutive body-size lines less than two heights apart.
fn body_pitch(lines: &[Line], body: Option<f32>) -> Option<f32> {
    let body = body?;
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .filter(|pair| {
            pair[0].page == pair[1].page
                && half_points(pair[0].height) == half_points(body)
                && half_points(pair[1].height) == half_points(body)
        })
        .map(|pair| pair[0].y - pair[1].y)
        .filter(|&gap| gap > 0.0 && gap < 2.0 * body)
        .collect();
    gaps.sort_by(f32::total_cmp);
    gaps.get(gaps.len() / 2).copied()
}

/// A page's runs joined into lines, at pdf.js's line ends (or where the baseline jumps); a
/// table's runs become one line a row, where the table starts.
fn lines(page: &PdfPage) -> Vec<Line> {
    let tables = tables(page);
    let mut lines = Vec::new();
    // The line being joined: its text, (height, characters) per run, and its baseline.
    let mut text = String::new();
    let mut heights: Vec<(f32, usize)> = Vec::new();
    // The line's first run's baseline and start, and its characters per font.
    let mut baseline: Option<(f32, f32)> = None;
    let mut fonts: Vec<(&str, usize)> = Vec::new();
    let finish = |lines: &mut Vec<Line>,
                  text: &mut String,
                  heights: &mut Vec<(f32, usize)>,
                  baseline: &mut Option<(f32, f32)>,
                  fonts: &mut Vec<(&str, usize)>| {
        let tidied = super::tidy(&text.replace('\n', " "));
        if !tidied.is_empty() {
            let total: usize = fonts.iter().map(|(_, n)| n).sum();
            let (font, most) = fonts.iter().max_by_key(|(_, n)| *n).copied().unwrap_or(("", 0));
            let (y, x) = baseline.unwrap_or((0.0, 0.0));
            lines.push(Line {
                text: tidied,
                height: dominant(heights),
                y,
                x,
                page: page.number,
                font: font.to_owned(),
                font_share: if total == 0 { 0.0 } else { most as f32 / total as f32 },
                row: false,
            });
        }
        text.clear();
        heights.clear();
        fonts.clear();
        *baseline = None;
    };
    let mut next_table = tables.iter().peekable();
    let mut skip_to = 0;
    for (index, item) in page.items.iter().enumerate() {
        if index < skip_to {
            continue;
        }
        if let Some(table) = next_table.next_if(|table| table.items.start == index) {
            finish(&mut lines, &mut text, &mut heights, &mut baseline, &mut fonts);
            lines.extend(table.rows.iter().cloned());
            skip_to = table.items.end;
            continue;
        }
        let height = finite(item.height).abs();
        let y = finite(item.y);
        let visible = item.text.chars().filter(|c| !c.is_whitespace()).count();
        if visible > 0 {
            if let Some((at, _)) = baseline {
                let jump = (at - y).abs();
                if jump > height.max(dominant(&heights)) && !text.trim().is_empty() {
                    finish(&mut lines, &mut text, &mut heights, &mut baseline, &mut fonts);
                }
            }
            if baseline.is_none() {
                baseline = Some((y, finite(item.x)));
            }
            heights.push((height, visible));
            match fonts.iter_mut().find(|(font, _)| *font == item.font) {
                Some((_, n)) => *n += visible,
                None => fonts.push((&item.font, visible)),
            }
        }
        text.push_str(&item.text);
        if item.end_of_line {
            finish(&mut lines, &mut text, &mut heights, &mut baseline, &mut fonts);
        }
    }
    finish(&mut lines, &mut text, &mut heights, &mut baseline, &mut fonts);
    lines
}

/// A table found among a page's runs: the runs it takes (in pdf.js's order) and its rows as
/// lines.
struct FoundTable {
    items: std::ops::Range<usize>,
    rows: Vec<Line>,
}

/// A piece of text on one baseline, apart from the text beside it: a run, or runs that follow
/// each other closely.
#[derive(Clone, Debug)]
struct Fragment {
    /// The runs it is made of.
    items: std::ops::Range<usize>,
    text: String,
    x: f32,
    right: f32,
    y: f32,
    height: f32,
    font: String,
}

/// Text further than this many of its heights from the text before it on the same baseline is
/// in another cell (a word space is about a quarter of a height).
const CELL_GAP: f32 = 0.8;
/// Cells of one column start within this many points of each other.
const COLUMN_SLACK: f32 = 3.0;
/// Baselines further apart than this many heights are in different rows of a table.
const ROW_GAP: f32 = 1.6;
/// A table's next row is at most this many heights below its last line.
const MAX_ROW_GAP: f32 = 4.0;

/// A page's runs as fragments, in pdf.js's order.
fn fragments(page: &PdfPage) -> Vec<Fragment> {
    let mut out: Vec<Fragment> = Vec::new();
    for (index, item) in page.items.iter().enumerate() {
        let text = item.text.trim();
        let height = finite(item.height).abs();
        if text.is_empty() || height <= 0.0 {
            continue;
        }
        let (x, y, width) = (finite(item.x), finite(item.y), finite(item.width).max(0.0));
        if let Some(last) = out.last_mut() {
            let gap = x - last.right;
            if (last.y - y).abs() < 0.5 && gap >= -1.0 && gap < CELL_GAP * height.max(last.height) {
                if !item.text.starts_with(char::is_whitespace)
                    && !last.text.ends_with(char::is_whitespace)
                    && gap > 0.15 * height
                {
                    last.text.push(' ');
                }
                last.text.push_str(&item.text);
                last.right = x + width;
                last.items.end = index + 1;
                continue;
            }
        }
        out.push(Fragment {
            items: index..index + 1,
            text: item.text.clone(),
            x,
            right: x + width,
            y,
            height,
            font: item.font.clone(),
        });
    }
    for fragment in &mut out {
        fragment.text = super::tidy(&fragment.text.replace('\n', " "));
    }
    out
}

/// The tables on a page. A table shows itself by its rows: cells side by side on one baseline,
/// one after the other in pdf.js's order, with a wide gap between them (two columns of body
/// text are written one column after the other, so their lines never follow each other like
/// that). The first such line gives the columns: at least three, or two under a header set in
/// another font than the cells. The table then takes every fragment that follows, while each
/// starts at one of the columns and stays within it, and is not far below the table's last
/// line. Each row becomes one line, "cell · cell" with the header's labels (`table_lines`).
fn tables(page: &PdfPage) -> Vec<FoundTable> {
    let fragments = fragments(page);
    let mut found = Vec::new();
    let mut start = 0;
    while start + 1 < fragments.len() {
        match table_at(&fragments, start, page.number) {
            Some((end, rows)) => {
                let items = fragments[start].items.start..fragments[end - 1].items.end;
                found.push(FoundTable { items, rows });
                start = end;
            }
            None => start += 1,
        }
    }
    found
}

/// A table that starts with the fragment at `start`: the index after its last fragment, and
/// its rows.
fn table_at(fragments: &[Fragment], start: usize, page: u32) -> Option<(usize, Vec<Line>)> {
    // The first row: fragments side by side on one baseline, each after a wide gap.
    let first = &fragments[start];
    let mut columns = vec![first.x];
    let mut at = start + 1;
    while let Some(next) = fragments.get(at) {
        let previous = &fragments[at - 1];
        if (next.y - first.y).abs() >= 0.5 || next.x - previous.right < CELL_GAP * next.height.max(previous.height) {
            break;
        }
        columns.push(next.x);
        at += 1;
    }
    let header_font = fragments[start..at].iter().all(|f| f.font == first.font);
    if columns.len() < 2 {
        return None;
    }
    // Each fragment that follows, while it fits a column.
    let column_of = |fragment: &Fragment| -> Option<usize> {
        let column = columns.iter().position(|&x| (fragment.x - x).abs() <= COLUMN_SLACK)?;
        let fits = columns.get(column + 1).is_none_or(|&next| fragment.right <= next + COLUMN_SLACK);
        fits.then_some(column)
    };
    let mut cells: Vec<(usize, &Fragment)> = fragments[start..at].iter().enumerate().collect();
    let mut lowest = first.y;
    for fragment in &fragments[at..] {
        let Some(column) = column_of(fragment) else { break };
        if fragment.y > first.y + 0.5 || lowest - fragment.y > MAX_ROW_GAP * fragment.height {
            break;
        }
        lowest = lowest.min(fragment.y);
        cells.push((column, fragment));
    }
    let end = start + cells.len();
    // Rows: baselines from the top; a new row where the gap is wider than a line's, where a
    // column that was empty on the line above has text, or where two full lines follow.
    let mut baselines: Vec<f32> = cells.iter().map(|(_, f)| f.y).collect();
    baselines.sort_by(|a, b| b.total_cmp(a));
    baselines.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    let columns_on = |y: f32| -> Vec<usize> {
        let mut on: Vec<usize> =
            cells.iter().filter(|(_, f)| (f.y - y).abs() < 0.5).map(|(column, _)| *column).collect();
        on.sort_unstable();
        on.dedup();
        on
    };
    let height = first.height;
    let mut row_of_baseline: Vec<usize> = Vec::new();
    for (index, &y) in baselines.iter().enumerate() {
        let row = match index.checked_sub(1).map(|i| baselines[i]) {
            None => 0,
            Some(above) => {
                let (on, on_above) = (columns_on(y), columns_on(above));
                let new = above - y > ROW_GAP * height
                    || on.iter().any(|column| !on_above.contains(column))
                    || (on.len() == columns.len() && on_above.len() == columns.len());
                row_of_baseline[index - 1] + usize::from(new)
            }
        };
        row_of_baseline.push(row);
    }
    let row_count = row_of_baseline.last().map_or(0, |last| last + 1);
    if row_count < 2 {
        return None;
    }
    let body_font = cells.iter().find(|(_, f)| f.y < first.y - 0.5).map(|(_, f)| f.font.clone());
    let header = header_font && body_font.as_ref().is_some_and(|font| *font != first.font);
    if columns.len() < 3 && !header {
        return None;
    }
    let mut rows: Vec<Row> =
        (0..row_count).map(|_| Row { cells: vec![String::new(); columns.len()], header: false }).collect();
    rows[0].header = header;
    let mut ordered = cells.clone();
    ordered.sort_by(|a, b| b.1.y.total_cmp(&a.1.y).then(a.0.cmp(&b.0)));
    let mut tops: Vec<Option<(f32, f32)>> = vec![None; row_count];
    for (column, fragment) in ordered {
        let index = baselines.iter().position(|&y| (y - fragment.y).abs() < 0.5).unwrap_or(0);
        let row = row_of_baseline[index];
        let cell = &mut rows[row].cells[column];
        if cell.is_empty() {
            cell.push_str(&fragment.text);
        } else {
            join(cell, &fragment.text);
        }
        tops[row].get_or_insert((fragment.y, fragment.height));
    }
    let lines = table_lines(rows);
    // The rows as lines, each at its first baseline; a header row is not a line of its own
    // (its labels are in every row).
    let tops: Vec<(f32, f32)> = tops.into_iter().flatten().collect();
    let lines: Vec<Line> = lines
        .iter()
        .zip(tops[tops.len().saturating_sub(lines.len())..].iter().copied())
        .map(|(text, (y, height))| Line {
            text: text.clone(),
            height,
            y,
            x: columns[0],
            page,
            font: body_font.clone().unwrap_or_default(),
            font_share: 1.0,
            row: true,
        })
        .collect();
    Some((end, lines))
}

fn finite(value: f32) -> f32 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

/// The height that most characters have (to half a point), of those with a height.
fn dominant(heights: &[(f32, usize)]) -> f32 {
    let mut weights: HashMap<i64, usize> = HashMap::new();
    for &(height, chars) in heights.iter().filter(|(height, _)| *height > 0.0) {
        *weights.entry(half_points(height)).or_default() += chars;
    }
    weights
        .into_iter()
        .max_by_key(|&(height, chars)| (chars, height))
        .map(|(height, _)| height as f32 / 2.0)
        .unwrap_or(0.0)
}

fn half_points(height: f32) -> i64 {
    (height * 2.0).round() as i64
}

/// All pages' lines in order, less the headers, footers and page numbers.
fn without_furniture(pages: Vec<Vec<Line>>) -> Vec<Line> {
    let with_text = pages.iter().filter(|lines| !lines.is_empty()).count();
    let is_edge = |index: usize, count: usize| index < EDGE_LINES || index + EDGE_LINES >= count;
    // On how many pages each edge line occurs, digits aside.
    let mut occurrences: HashMap<String, usize> = HashMap::new();
    for lines in &pages {
        let mut seen: Vec<String> = lines
            .iter()
            .enumerate()
            .filter(|&(index, _)| is_edge(index, lines.len()))
            .map(|(_, line)| furniture_key(&line.text))
            .collect();
        seen.sort();
        seen.dedup();
        for key in seen {
            *occurrences.entry(key).or_default() += 1;
        }
    }
    let recurs =
        |line: &Line| with_text >= 2 && occurrences.get(&furniture_key(&line.text)).is_some_and(|&n| 2 * n > with_text);
    pages
        .into_iter()
        .flat_map(|lines| {
            let count = lines.len();
            lines
                .into_iter()
                .enumerate()
                .filter(move |(index, line)| !(is_edge(*index, count) && (is_page_number(&line.text) || recurs(line))))
                .map(|(_, line)| line)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A line as compared across pages: lower case, every number as "#".
fn furniture_key(text: &str) -> String {
    let mut key = String::new();
    for c in text.to_lowercase().chars() {
        if c.is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.push(c);
        }
    }
    key
}

/// "7", "- 7 -", "Side 7", "Side 7 af 40", "Page 7 of 40", "7/40", "vii" (roman numbers up to 50).
fn is_page_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '/' | '|' | '(' | ')' | '[' | ']' | '.'))
        .filter(|word| !word.is_empty())
        .collect();
    let is_number = |word: &str| {
        word.chars().all(|c| c.is_ascii_digit()) || (1..=50).any(|n| super::roman(n).eq_ignore_ascii_case(word))
    };
    match words.as_slice() {
        [n] => is_number(n),
        ["side" | "page" | "s", n] => is_number(n),
        [n, m] => is_number(n) && is_number(m),
        ["side" | "page" | "s", n, "af" | "of", m] | [n, "af" | "of", m] => is_number(n) && is_number(m),
        _ => false,
    }
}

/// A table of contents' entry: a dot leader (or a row of ellipses) before a page number.
fn is_contents_entry(text: &str) -> bool {
    let before_number = text.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    if before_number.len() == text.len() {
        return false;
    }
    let leader: String = before_number.chars().rev().take_while(|&c| matches!(c, '.' | '…' | ' ' | '·')).collect();
    leader.chars().filter(|&c| c != ' ').count() >= 4
}

/// The body text's height: the median over all characters (a long document's headings are
/// few, so they do not move it). Taken over the whole document rather than per page, since a
/// page may hold little more than a heading.
fn body_height(lines: &[Line]) -> Option<f32> {
    let mut heights: Vec<(f32, usize)> =
        lines.iter().filter(|line| line.height > 0.0).map(|line| (line.height, line.text.chars().count())).collect();
    heights.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: usize = heights.iter().map(|(_, chars)| chars).sum();
    let mut seen = 0;
    for (height, chars) in heights {
        seen += chars;
        if 2 * seen >= total {
            return Some(height);
        }
    }
    None
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Text,
    /// A heading line: its level, and whether it is numbered (a numbered line starts a heading
    /// of its own, an unnumbered one may continue the heading above it).
    Heading {
        level: u8,
        numbered: bool,
    },
}

fn classify(lines: &[Line], body: Option<f32>, heavy: &[String], pitch: Option<f32>) -> Vec<Kind> {
    let larger = |line: &Line, scale: f32| body.is_some_and(|body| line.height >= body * scale);
    let numbered = |index: usize| -> Option<usize> {
        let line: &Line = &lines[index];
        let (parts, _) = heading_number(&line.text)?;
        let short = line.text.chars().count() < MAX_NUMBERED_HEADING_CHARS;
        let scale = if parts == 1 { NUMBERED_TOP_SCALE } else { 1.0 / NUMBERED_TOP_SCALE };
        if !short || line.text.ends_with('.') || !(larger(line, scale) || body.is_none()) {
            return None;
        }
        // Consecutive lines numbered alike, at one size, are a numbered list.
        let same_list = |other: Option<&Line>| {
            other.is_some_and(|other| {
                other.page == line.page
                    && half_points(other.height) == half_points(line.height)
                    && heading_number(&other.text).is_some_and(|(other_parts, _)| other_parts == parts)
            })
        };
        let list = same_list(index.checked_sub(1).and_then(|i| lines.get(i))) || same_list(lines.get(index + 1));
        (!list || larger(line, HEADING_SCALE)).then_some(parts)
    };
    // Heading sizes, largest first: the rank of a line's size is its level.
    let mut sizes: Vec<i64> =
        lines.iter().filter(|line| larger(line, HEADING_SCALE)).map(|line| half_points(line.height)).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.dedup();
    let rank = |line: &Line| sizes.iter().position(|&size| size == half_points(line.height)).map_or(1, |i| i + 1);
    // A line in a heavier font than the body's, at least at body size, whole or nearly.
    let bold = |line: &Line| {
        line.font_share >= 0.9 && heavy.contains(&line.font) && body.is_some_and(|body| line.height >= body * 0.95)
    };
    // A bold heading at about body size: a short bold line (or two) that does not end like a
    // sentence and stands apart from what follows. It ranks below every larger heading size.
    let bold_heading = |index: usize| -> bool {
        let line = &lines[index];
        if !bold(line) || line.text.chars().count() > MAX_NUMBERED_HEADING_CHARS || line.text.ends_with(['.', ',', ';'])
        {
            return false;
        }
        let same_run = |other: &Line| other.page == line.page && bold(other) && other.font == line.font;
        let before = (0..index).rev().take_while(|&i| same_run(&lines[i])).count();
        let after = (index + 1..lines.len()).take_while(|&i| same_run(&lines[i])).count();
        if before + after + 1 > MAX_BOLD_HEADING_LINES {
            return false;
        }
        let last = &lines[index + after];
        match (lines.get(index + after + 1), pitch) {
            // A new page or column follows, or the text ends: apart enough.
            (None, _) => true,
            (Some(next), _) if next.page != last.page || next.y >= last.y => true,
            (Some(next), Some(pitch)) => last.y - next.y >= HEADING_GAP * pitch,
            (Some(_), None) => false,
        }
    };
    let bold_level =
        |line: &Line| 1 + sizes.iter().filter(|&&size| size > half_points(line.height)).count().min(8) as u8;

    (0..lines.len())
        .map(|index| {
            let line = &lines[index];
            if line.row || !line.text.chars().any(char::is_alphabetic) {
                return Kind::Text;
            }
            if let Some(parts) = numbered(index) {
                return Kind::Heading { level: parts.min(9) as u8, numbered: true };
            }
            if larger(line, HEADING_SCALE) && line.text.chars().count() <= MAX_HEADING_CHARS {
                return Kind::Heading { level: rank(line).min(9) as u8, numbered: false };
            }
            if bold_heading(index) {
                return Kind::Heading { level: bold_level(line), numbered: false };
            }
            Kind::Text
        })
        .collect()
}

/// Lines into blocks: a heading's lines into one heading, text lines into paragraphs.
fn assemble(lines: &[Line], kinds: &[Kind]) -> Vec<Block> {
    let mut blocks = Blocks::default();
    // The block being built: its heading level (None: a paragraph), text, and its lines.
    let mut current: Option<(Option<u8>, String, Vec<&Line>)> = None;
    let flush = |blocks: &mut Blocks, current: &mut Option<(Option<u8>, String, Vec<&Line>)>| {
        if let Some((heading, text, lines)) = current.take() {
            let page = lines.first().map(|line| line.page);
            // A "heading" of many lines is large-set body text (a lead paragraph).
            let heading = heading.filter(|_| lines.len() <= 3 && text.chars().count() <= MAX_HEADING_CHARS);
            blocks.push(heading, &text, page);
        }
    };
    for (line, &kind) in lines.iter().zip(kinds) {
        let goes_on = match (&current, kind) {
            (Some((Some(_), _, members)), Kind::Heading { numbered: false, .. }) => same_block(members, line, true),
            (Some((None, _, members)), Kind::Text) => same_block(members, line, false),
            _ => false,
        };
        if goes_on {
            if let Some((_, text, members)) = current.as_mut() {
                join(text, &line.text);
                members.push(line);
            }
        } else {
            flush(&mut blocks, &mut current);
            let heading = match kind {
                Kind::Heading { level, .. } => Some(level),
                Kind::Text => None,
            };
            current = Some((heading, line.text.clone(), vec![line]));
        }
    }
    flush(&mut blocks, &mut current);
    blocks.into_vec()
}

/// Whether `line` continues the block of `members` (a heading's lines, or a paragraph's).
fn same_block(members: &[&Line], line: &Line, heading: bool) -> bool {
    let Some(previous) = members.last() else { return false };
    // A table's row is a paragraph of its own.
    if previous.row || line.row {
        return false;
    }
    let ends_sentence = previous.text.ends_with(['.', '!', '?', ':']);
    if previous.page != line.page {
        // Over a page break: only a sentence that is plainly unfinished goes on.
        return !heading && !ends_sentence && line.text.starts_with(char::is_lowercase);
    }
    let height = previous.height.max(line.height);
    let gap = previous.y - line.y;
    // Up and to the right on the same page: the next column. Only a sentence that is plainly
    // unfinished goes on there, as over a page break.
    if gap < 0.0 && line.x > previous.x + 4.0 * height {
        return !heading && !ends_sentence && line.text.starts_with(char::is_lowercase);
    }
    if half_points(previous.height) != half_points(line.height) || gap <= 0.0 || gap > PARAGRAPH_GAP * height.max(1.0) {
        return false;
    }
    // A sentence that ends on a short line ends its paragraph, even where paragraphs have no
    // space between them: a full line is as long as the longest around it.
    let chars = |line: &Line| line.text.chars().count();
    let full = members.iter().map(|member| chars(member)).chain([chars(line)]).max().unwrap_or(0);
    heading || !(ends_sentence && (chars(previous) as f32) < SHORT_LINE * full as f32)
}

/// Appends a line to a block's text: a word hyphenated at the line end is joined again
/// ("styregruppe-" + "mødet"), but not a hyphen that stands for a word ("bolig- og").
fn join(text: &mut String, line: &str) {
    let first_word = line.split_whitespace().next().unwrap_or("");
    let rejoin = text.ends_with('-')
        && text.chars().rev().nth(1).is_some_and(char::is_alphabetic)
        && first_word.starts_with(char::is_lowercase)
        && !matches!(first_word, "og" | "eller" | "samt" | "til" | "and" | "or");
    if rejoin {
        text.pop();
    } else {
        text.push(' ');
    }
    text.push_str(line);
}
