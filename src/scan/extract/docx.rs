//! DOCX (WordprocessingML, ECMA-376): the paragraphs of `word/document.xml`, with headings told
//! by their outline level or their style (resolved through `word/styles.xml`), and their list
//! numbers from `word/numbering.xml` ("4.2 Styregruppe": Word numbers headings itself, so the
//! number is not in the text).
//!
//! Tracked changes are read as if accepted: insertions and moved-to text are kept, deletions
//! and moved-from text left out. Comments live in `comments.xml`, which is never read, and
//! their anchors in the text carry none. Footnotes, headers and footers are other parts and are
//! not read either.

use std::collections::{HashMap, HashSet};

use super::package::Package;
use super::xml::{walk, Element, Next, Node};
use super::{Blocks, Table};
use crate::scan::{Block, ScanProblem};

/// The WordprocessingML namespace: transitional (what Word writes) and strict.
const W: &[&str] = &[
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];
/// Markup compatibility: `mc:AlternateContent` offers the same content twice (a modern
/// `mc:Choice` and an old `mc:Fallback`); only the choice is read, or a text box would count twice.
const MC: &[&str] = &["http://schemas.openxmlformats.org/markup-compatibility/2006"];

pub fn blocks(package: &mut Package) -> Result<Vec<Block>, ScanProblem> {
    // Styles and numbering only refine the structure: if either part is damaged, the text is
    // still read, with headings told by their style ids alone.
    let styles = package.read_text("word/styles.xml")?.and_then(|xml| Styles::parse(&xml).ok()).unwrap_or_default();
    let mut numbering =
        package.read_text("word/numbering.xml")?.and_then(|xml| Numbering::parse(&xml).ok()).unwrap_or_default();
    let document = package
        .read_text("word/document.xml")?
        .ok_or_else(|| ScanProblem::Unreadable { detail: "word/document.xml is missing".into() })?;
    read_body(&document, &styles, &mut numbering)
}

/// A paragraph being read.
#[derive(Default)]
struct Paragraph {
    /// The depth of its `w:p` element.
    depth: usize,
    text: String,
    style: Option<String>,
    /// `w:outlineLvl` set on the paragraph itself: 0–8 are heading levels 1–9, 9 is body text.
    outline: Option<u8>,
    list: ListRef,
    /// Its paragraph mark is a tracked deletion: accepted, it joins the next paragraph.
    mark_deleted: bool,
    /// Visible characters in bold runs, and in other runs.
    bold: usize,
    plain: usize,
}

/// A paragraph that is bold throughout, short, and does not end like a sentence is a heading
/// (the sub-heading made by hand, "Styregruppens arbejde" in bold): at most this many
/// characters and words.
const MAX_BOLD_HEADING_CHARS: usize = 80;
const MAX_BOLD_HEADING_WORDS: usize = 10;

fn read_body(xml: &str, styles: &Styles, numbering: &mut Numbering) -> Result<Vec<Block>, ScanProblem> {
    let mut blocks = Blocks::default();
    // Paragraphs nest: a text box's paragraphs sit inside a run of the paragraph it is anchored in.
    let mut open: Vec<Paragraph> = Vec::new();
    // The depth of the current paragraph's properties (`w:pPr`), while inside them.
    let mut properties: Option<usize> = None;
    let mut in_text = false;
    // The text of paragraphs whose mark was deleted, waiting for the paragraph it joins.
    let mut carried = String::new();
    // The table being read, whose paragraphs become its cells' text.
    let mut table = Table::default();
    // Whether the current run is bold (`w:b` in its `w:rPr`), and the level of the last heading
    // set with a style: a bold paragraph heading ranks below it.
    let mut run_bold = false;
    let mut styled_level: u8 = 0;

    walk("word/document.xml", xml, |node| {
        match node {
            Node::Start(element) => {
                if element.is(MC, "Fallback") {
                    return Ok(Next::SkipContent);
                }
                if !W.contains(&element.namespace) {
                    return Ok(Next::Continue);
                }
                let local = element.local;
                // Formatting changes keep the old formatting (an old style, say) inside them.
                if local.ends_with("Change") {
                    return Ok(Next::SkipContent);
                }
                if properties.is_some() {
                    if let Some(paragraph) = open.last_mut() {
                        read_property(paragraph, &element);
                    }
                    return Ok(Next::Continue);
                }
                let depth = element.depth;
                match local {
                    "p" => open.push(Paragraph { depth, ..Paragraph::default() }),
                    "pPr" if open.last().is_some_and(|paragraph| paragraph.depth + 1 == depth) => {
                        properties = Some(depth)
                    }
                    "t" => in_text = true,
                    "r" => run_bold = false,
                    "b" => {
                        run_bold =
                            element.attribute(W, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
                    }
                    "tbl" => table.nesting += 1,
                    "tr" => table.start_row(false),
                    "tblHeader"
                        if element.attribute(W, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off")) =>
                    {
                        table.mark_header()
                    }
                    "tc" => table.start_cell(),
                    // Deleted and moved-away text (`w:delText` lives inside these), and field
                    // codes (`PAGE`, `TOC \o`): only the field's result is text.
                    "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" => return Ok(Next::SkipContent),
                    "tab" | "ptab" => push_char(&mut open, ' '),
                    "br" | "cr" => push_char(&mut open, '\n'),
                    "noBreakHyphen" => push_char(&mut open, '-'),
                    _ => {}
                }
            }
            Node::End { namespace, local, depth } if W.contains(&namespace) => match local {
                "t" => in_text = false,
                "pPr" if properties == Some(depth) => properties = None,
                "p" => {
                    if let Some(paragraph) = open.pop() {
                        if table.nesting > 0 {
                            let mut cell = Blocks::default();
                            let mut level = styled_level;
                            finish(paragraph, &mut carried, styles, numbering, &mut level, &mut cell);
                            cell.into_vec().iter().for_each(|block| table.push_text(&block.text));
                        } else {
                            finish(paragraph, &mut carried, styles, numbering, &mut styled_level, &mut blocks);
                        }
                    }
                }
                "tbl" => {
                    table.nesting = table.nesting.saturating_sub(1);
                    if table.nesting == 0 {
                        std::mem::take(&mut table).finish(&mut blocks);
                    }
                }
                _ => {}
            },
            Node::End { .. } => {}
            Node::Text(text) => {
                if in_text {
                    if let Some(paragraph) = open.last_mut() {
                        push_text(&mut paragraph.text, &text);
                        let visible = text.chars().filter(|c| !c.is_whitespace()).count();
                        if run_bold {
                            paragraph.bold += visible;
                        } else {
                            paragraph.plain += visible;
                        }
                    }
                }
            }
        }
        Ok(Next::Continue)
    })?;
    // A deleted mark on the very last paragraph joins nothing: keep its text.
    blocks.push(None, &carried, None);
    Ok(blocks.into_vec())
}

/// One element inside a paragraph's `w:pPr`.
fn read_property(paragraph: &mut Paragraph, element: &Element) {
    let value = || element.attribute(W, "val");
    match element.local {
        "pStyle" => paragraph.style = value(),
        "outlineLvl" => paragraph.outline = value().and_then(|value| value.parse().ok()),
        "numId" => paragraph.list.num = value(),
        "ilvl" => paragraph.list.level = value().and_then(|value| value.parse().ok()),
        // In the paragraph mark's run properties (`w:pPr/w:rPr`): the mark was deleted or moved.
        "del" | "moveFrom" => paragraph.mark_deleted = true,
        _ => {}
    }
}

fn push_char(open: &mut [Paragraph], c: char) {
    if let Some(paragraph) = open.last_mut() {
        paragraph.text.push(c);
    }
}

/// Text of `w:t`; a line break or tab in it is only a space to Word.
fn push_text(to: &mut String, text: &str) {
    to.extend(text.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }));
}

/// Ends a paragraph. `styled_level` is the level of the last heading set with a style (0 before
/// any), which a heading made only of bold ranks below.
fn finish(
    paragraph: Paragraph,
    carried: &mut String,
    styles: &Styles,
    numbering: &mut Numbering,
    styled_level: &mut u8,
    blocks: &mut Blocks,
) {
    if paragraph.mark_deleted {
        carried.push_str(&paragraph.text);
        return;
    }
    let text = std::mem::take(carried) + &paragraph.text;
    let style = paragraph.style.as_deref().or(styles.default_paragraph.as_deref());
    // The generated table of contents repeats the headings (with page numbers): noise.
    if style.is_some_and(|style| styles.is_contents(style)) {
        return;
    }
    let heading = match paragraph.outline {
        Some(outline) => (outline < 9).then_some(outline + 1),
        None => style.and_then(|style| styles.heading_level(style)),
    };
    let list = styles.list(style, &paragraph.list);
    if let Some(level) = heading {
        *styled_level = level;
    }
    let heading = heading.or_else(|| (list.is_none() && is_bold_heading(&paragraph, &text)).then(|| *styled_level + 1));
    // Every numbered paragraph advances its list; only headings show the number, since the
    // heading path is what a reader cites ("4.2 Styregruppe").
    let label = list.and_then(|(num, level)| numbering.advance(&num, level, style));
    match (heading, label) {
        (Some(level), Some(label)) => blocks.push(Some(level), &format!("{label} {text}"), None),
        _ => blocks.push(heading, &text, None),
    }
}

/// Bold throughout (every visible character in a bold run), short, and not ending like a
/// sentence or a clause: a heading made by hand. Bold set by a style is not seen; a paragraph
/// with only some words in bold is body text with emphasis.
fn is_bold_heading(paragraph: &Paragraph, text: &str) -> bool {
    let text = text.trim();
    paragraph.bold > 0
        && paragraph.plain == 0
        && text.chars().count() <= MAX_BOLD_HEADING_CHARS
        && text.split_whitespace().count() <= MAX_BOLD_HEADING_WORDS
        && !text.ends_with(['.', '!', '?', ',', ';', ':'])
        && text.chars().any(char::is_alphabetic)
}

/// A paragraph's (or style's) list: `w:numPr`'s numbering instance and level.
#[derive(Clone, Default)]
struct ListRef {
    num: Option<String>,
    level: Option<u8>,
}

/// What a paragraph style says about structure.
#[derive(Default)]
struct Style {
    /// `w:name`, lower case: Word writes built-in names in English ("heading 1"), whatever the
    /// language of the user interface or of the style id ("Overskrift1").
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    list: ListRef,
}

#[derive(Default)]
struct Styles {
    paragraph: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

/// How deep `w:basedOn` chains are followed (they may loop in a damaged file).
const MAX_STYLE_CHAIN: usize = 16;

impl Styles {
    fn parse(xml: &str) -> Result<Styles, ScanProblem> {
        let mut styles = Styles::default();
        // The style being read: its id, whether it is a paragraph style, and what it says.
        let mut current: Option<(String, bool, Style)> = None;
        walk("word/styles.xml", xml, |node| {
            match node {
                Node::Start(element) => {
                    if !W.contains(&element.namespace) {
                        return Ok(Next::Continue);
                    }
                    if element.local.ends_with("Change") {
                        return Ok(Next::SkipContent);
                    }
                    let value = || element.attribute(W, "val");
                    match (element.local, current.as_mut()) {
                        ("style", _) => {
                            let id = element.attribute(W, "styleId").unwrap_or_default();
                            // A style without `w:type` is a paragraph style.
                            let kind = element.attribute(W, "type");
                            let is_paragraph = kind.as_deref().is_none_or(|kind| kind == "paragraph");
                            let default = element.attribute(W, "default").is_some_and(|d| d == "1" || d == "true");
                            if is_paragraph && default {
                                styles.default_paragraph = Some(id.clone());
                            }
                            current = Some((id, is_paragraph, Style::default()));
                        }
                        ("name", Some((_, _, style))) => style.name = value().unwrap_or_default().to_lowercase(),
                        ("basedOn", Some((_, _, style))) => style.based_on = value(),
                        ("outlineLvl", Some((_, _, style))) => style.outline = value().and_then(|v| v.parse().ok()),
                        ("numId", Some((_, _, style))) => style.list.num = value(),
                        ("ilvl", Some((_, _, style))) => style.list.level = value().and_then(|v| v.parse().ok()),
                        _ => {}
                    }
                }
                Node::End { namespace, local, .. } => {
                    if W.contains(&namespace) && local == "style" {
                        if let Some((id, true, style)) = current.take() {
                            styles.paragraph.insert(id, style);
                        }
                    }
                }
                Node::Text(_) => {}
            }
            Ok(Next::Continue)
        })?;
        Ok(styles)
    }

    /// The style and the styles it is based on, nearest first.
    fn chain<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (&'a str, Option<&'a Style>)> + 'a {
        let mut next = Some(id);
        std::iter::from_fn(move || {
            let id = next.take()?;
            let style = self.paragraph.get(id);
            next = style.and_then(|style| style.based_on.as_deref());
            Some((id, style))
        })
        .take(MAX_STYLE_CHAIN)
    }

    /// The heading level a paragraph of this style has: the style's outline level, or a
    /// heading name ("heading 2", "Overskrift 2"), its own or inherited. A style that
    /// `styles.xml` does not define is judged by its id ("Heading2").
    fn heading_level(&self, id: &str) -> Option<u8> {
        for (id, style) in self.chain(id) {
            let Some(style) = style else { return level_in_name(id) };
            if let Some(outline) = style.outline {
                return (outline < 9).then_some(outline + 1);
            }
            if let Some(level) = level_in_name(&style.name) {
                return Some(level);
            }
        }
        None
    }

    /// Table-of-contents styles: built-in "toc 1".."toc 9" and "TOC Heading".
    fn is_contents(&self, id: &str) -> bool {
        let is_contents_name = |name: &str| {
            let name = name.to_lowercase();
            name.starts_with("toc ") || name.strip_prefix("toc").is_some_and(|rest| rest.parse::<u8>().is_ok())
        };
        match self.paragraph.get(id) {
            Some(style) => is_contents_name(&style.name),
            None => is_contents_name(id) || id.to_lowercase().starts_with("indholdsfortegnelse"),
        }
    }

    /// The list a paragraph belongs to: its own `w:numPr`, or its style's (a heading style is
    /// how Word numbers headings). numId 0 means "not numbered". Returns the numbering
    /// instance and the level (None: the list's level that names this style, or the first).
    fn list(&self, style: Option<&str>, own: &ListRef) -> Option<(String, Option<u8>)> {
        let mut num = own.num.clone();
        let mut level = own.level;
        for (_, style) in style.into_iter().flat_map(|style| self.chain(style)) {
            let Some(style) = style else { break };
            num = num.or_else(|| style.list.num.clone());
            level = level.or(style.list.level);
        }
        num.filter(|num| num != "0").map(|num| (num, level))
    }
}

/// "heading 3", "Heading3", "Overskrift 3", "overskrift3" → 3.
fn level_in_name(name: &str) -> Option<u8> {
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let number = compact.strip_prefix("heading").or_else(|| compact.strip_prefix("overskrift"))?;
    number.parse().ok().filter(|level| (1..=9).contains(level))
}

/// One level of a list definition (`w:abstractNum/w:lvl`).
#[derive(Clone, Default)]
struct ListLevel {
    start: u32,
    format: String,
    /// `w:lvlText`: "%1.%2." — %n is level n's number.
    text: String,
    /// `w:isLgl`: every level's number shown as a decimal.
    legal: bool,
    /// `w:pStyle`: the paragraph style that takes this level.
    style: Option<String>,
}

/// A numbering instance (`w:num`): a list definition, with levels it restarts.
#[derive(Default)]
struct Num {
    abstract_id: String,
    restarts: Vec<(u8, u32)>,
}

/// `word/numbering.xml`, and the counters as the paragraphs are read.
#[derive(Default)]
struct Numbering {
    definitions: HashMap<String, Vec<ListLevel>>,
    nums: HashMap<String, Num>,
    /// Per list definition, each level's current number (None: not yet used since its parent
    /// level last advanced). Word continues a list across instances of the same definition.
    counters: HashMap<String, [Option<u32>; 9]>,
    /// Instances already met: a restart applies where an instance is first used.
    started: HashSet<String>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Numbering, ScanProblem> {
        let mut numbering = Numbering::default();
        let mut definition: Option<(String, Vec<ListLevel>)> = None;
        let mut level: Option<(usize, ListLevel)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut override_level: Option<u8> = None;
        walk("word/numbering.xml", xml, |node| {
            match node {
                Node::Start(element) if W.contains(&element.namespace) => {
                    let value = || element.attribute(W, "val");
                    let number = |name| element.attribute(W, name).and_then(|v| v.parse::<u32>().ok());
                    match element.local {
                        "abstractNum" => {
                            definition = Some((element.attribute(W, "abstractNumId").unwrap_or_default(), Vec::new()))
                        }
                        "lvl" if num.is_none() => {
                            let index = number("ilvl").unwrap_or(0) as usize;
                            level = Some((index, ListLevel { start: 1, ..ListLevel::default() }));
                        }
                        "lvlOverride" => override_level = number("ilvl").and_then(|v| u8::try_from(v).ok()),
                        "start" => {
                            if let Some((_, level)) = level.as_mut() {
                                level.start = value().and_then(|v| v.parse().ok()).unwrap_or(1);
                            }
                        }
                        "startOverride" => {
                            if let (Some((_, num)), Some(at)) = (num.as_mut(), override_level) {
                                num.restarts.push((at, value().and_then(|v| v.parse().ok()).unwrap_or(1)));
                            }
                        }
                        "numFmt" => {
                            if let Some((_, level)) = level.as_mut() {
                                level.format = value().unwrap_or_default();
                            }
                        }
                        "lvlText" => {
                            if let Some((_, level)) = level.as_mut() {
                                level.text = value().unwrap_or_default();
                            }
                        }
                        "isLgl" => {
                            if let Some((_, level)) = level.as_mut() {
                                level.legal = value().is_none_or(|v| v != "0" && v != "false");
                            }
                        }
                        "pStyle" => {
                            if let Some((_, level)) = level.as_mut() {
                                level.style = value();
                            }
                        }
                        "num" => {
                            num = Some((element.attribute(W, "numId").unwrap_or_default(), Num::default()));
                        }
                        "abstractNumId" => {
                            if let Some((_, num)) = num.as_mut() {
                                num.abstract_id = value().unwrap_or_default();
                            }
                        }
                        _ => {}
                    }
                }
                Node::End { namespace, local, .. } if W.contains(&namespace) => match local {
                    "lvl" => {
                        if let (Some((index, done)), Some((_, levels))) = (level.take(), definition.as_mut()) {
                            if index < 9 {
                                if levels.len() <= index {
                                    levels.resize(index + 1, ListLevel::default());
                                }
                                levels[index] = done;
                            }
                        }
                    }
                    "abstractNum" => {
                        if let Some((id, levels)) = definition.take() {
                            numbering.definitions.insert(id, levels);
                        }
                    }
                    "num" => {
                        if let Some((id, done)) = num.take() {
                            numbering.nums.insert(id, done);
                        }
                    }
                    "lvlOverride" => override_level = None,
                    _ => {}
                },
                _ => {}
            }
            Ok(Next::Continue)
        })?;
        Ok(numbering)
    }

    /// Counts a paragraph of list `num` at `level` (None: the level that names the paragraph's
    /// style, else the first) and returns its label ("4.2"), or None for a bullet or an unknown list.
    fn advance(&mut self, num: &str, level: Option<u8>, style: Option<&str>) -> Option<String> {
        let instance = self.nums.get(num)?;
        let levels = self.definitions.get(&instance.abstract_id)?;
        let level = level.map(usize::from).unwrap_or_else(|| {
            levels
                .iter()
                .position(|candidate| candidate.style.is_some() && candidate.style.as_deref() == style)
                .unwrap_or(0)
        });
        let definition = levels.get(level)?;
        let counters = self.counters.entry(instance.abstract_id.clone()).or_default();
        if self.started.insert(num.to_owned()) {
            for &(at, start) in &instance.restarts {
                if let Some(counter) = counters.get_mut(usize::from(at)) {
                    *counter = Some(start.saturating_sub(1));
                }
            }
        }
        let current = counters.get_mut(level)?;
        *current = Some(current.map_or(definition.start, |n| n + 1));
        for deeper in counters.iter_mut().skip(level + 1) {
            *deeper = None;
        }
        if definition.format == "bullet" {
            return None;
        }
        // Replace each %n by level n's number in that level's format.
        let mut label = String::new();
        let mut chars = definition.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(n @ 1..=9)) => {
                    chars.next();
                    let at = n as usize - 1;
                    let shown = levels.get(at).cloned().unwrap_or_default();
                    let value = counters[at].unwrap_or(shown.start);
                    let format = if definition.legal { "decimal" } else { shown.format.as_str() };
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim().to_owned();
        (!label.is_empty()).then_some(label)
    }
}

fn format_number(value: u32, format: &str) -> String {
    match format {
        "lowerLetter" => super::letters(value).to_lowercase(),
        "upperLetter" => super::letters(value),
        "lowerRoman" => super::roman(value).to_lowercase(),
        "upperRoman" => super::roman(value),
        "decimalZero" => format!("{value:02}"),
        "none" => String::new(),
        _ => value.to_string(),
    }
}
