//! How a scan reads to people: where a passage is, why a plan could not be read, which words to
//! mark, and which items the plan seems to miss. Small and plain, so the app can use it without
//! carrying the reading and ranking code.

use super::{Hit, ItemFindings, Passage, PlanScan, ScanProblem, Strength};
use crate::domain::catalogue::Item;
use crate::domain::i18n::{Lang, Msg};

/// Where a passage is: its heading path and page, "4. Organisering › 4.2 Styregruppe, side 12".
pub fn place(passage: &Passage, lang: Lang) -> String {
    let path =
        if passage.path.is_empty() { Msg::PlanWholeDocument.get(lang).to_owned() } else { passage.path.join(" › ") };
    match passage.page {
        Some(page) => format!("{path}, {}", Msg::PlanPage.fill(lang, &[("page", &page.to_string())])),
        None => path,
    }
}

/// The longest quote of a passage the report carries, in characters (a file may hold 500).
pub const QUOTE_CHARS: usize = 300;

/// A passage's first lines, as the report quotes the evidence: its text on one line (a passage's
/// white space is already one space, or a line break between paragraphs), cut at a word before
/// `QUOTE_CHARS` characters with "…" when there is more.
pub fn quote(passage: &Passage) -> String {
    let text = passage.text.replace("\n\n", " ").replace('\n', " ");
    if text.chars().count() <= QUOTE_CHARS {
        return text;
    }
    let cut: String = text.chars().take(QUOTE_CHARS - 2).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{} …", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Why a plan could not be read.
pub fn problem_text(problem: &ScanProblem, lang: Lang) -> String {
    match problem {
        ScanProblem::NoTextLayer => Msg::ScanNoTextLayer.get(lang).to_owned(),
        ScanProblem::Encrypted => Msg::ScanEncrypted.get(lang).to_owned(),
        ScanProblem::CorruptZip => Msg::ScanCorruptZip.get(lang).to_owned(),
        ScanProblem::TooLarge { bytes } => {
            let size = format!("{:.1} MB", *bytes as f64 / (1024.0 * 1024.0));
            Msg::ScanTooLarge.fill(lang, &[("size", &size)])
        }
        ScanProblem::Empty => Msg::ScanEmpty.get(lang).to_owned(),
        ScanProblem::UnknownKind => Msg::ScanUnknownKind.get(lang).to_owned(),
        ScanProblem::Unreadable { detail } => Msg::ScanUnreadable.fill(lang, &[("detail", detail)]),
    }
}

/// "I planen: stærk", for the overview's task list.
pub fn coverage_text(scan: &PlanScan, item_id: &str, lang: Lang) -> String {
    Msg::PlanCoverage.fill(lang, &[("strength", strength_text(scan.coverage(item_id), lang))])
}

pub fn strength_text(strength: Option<Strength>, lang: Lang) -> &'static str {
    match strength {
        Some(Strength::Strong) => Msg::StrengthStrong.get(lang),
        Some(Strength::Weak) => Msg::StrengthWeak.get(lang),
        None => Msg::StrengthNone.get(lang),
    }
}

impl PlanScan {
    /// What the plan is called: its file's name, or "Indsat tekst".
    pub fn name(&self, lang: Lang) -> String {
        if self.file_name.is_empty() {
            Msg::PlanPasted.get(lang).to_owned()
        } else {
            self.file_name.clone()
        }
    }

    pub fn findings(&self, item_id: &str) -> Option<&ItemFindings> {
        self.findings.iter().find(|f| f.item == item_id)
    }

    pub fn passage(&self, hit: &Hit) -> Option<&Passage> {
        self.passages.get(hit.passage as usize)
    }

    /// Of `items` (those that apply to the plan), the ones it seems to miss: no passage
    /// matches them strongly.
    pub fn missing(&self, items: impl IntoIterator<Item = &'static Item>) -> Vec<&'static Item> {
        items.into_iter().filter(|item| self.coverage(item.id) != Some(Strength::Strong)).collect()
    }

    /// How strongly the plan seems to address the item: its best hit's strength, if any.
    pub fn coverage(&self, item_id: &str) -> Option<Strength> {
        self.findings(item_id)?.hits.first().map(|hit| hit.strength)
    }
}

/// The text cut where the matched words are: (piece, whether it is a matched word). Words match
/// whole, ignoring case.
pub fn marked(text: &str, words: &[String]) -> Vec<(String, bool)> {
    let wanted: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut push = |piece: &str, mark: bool| match pieces.last_mut() {
        Some((last, was)) if *was == mark => last.push_str(piece),
        _ => pieces.push((piece.to_owned(), mark)),
    };
    let mut word_start: Option<usize> = None;
    for (at, ch) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if ch.is_alphanumeric() {
            word_start.get_or_insert(at);
            continue;
        }
        if let Some(start) = word_start.take() {
            let word = &text[start..at];
            push(word, wanted.contains(&word.to_lowercase()));
        }
        if at < text.len() {
            push(&text[at..at + ch.len_utf8()], false);
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matched_words_are_marked_whole_and_regardless_of_case() {
        let pieces = marked("Styregruppen mødes. Styregruppe!", &["styregruppe".into()]);
        assert_eq!(
            pieces,
            vec![("Styregruppen mødes. ".into(), false), ("Styregruppe".into(), true), ("!".into(), false)]
        );
        assert_eq!(marked("", &[]), vec![]);
    }

    #[test]
    fn a_quote_is_the_passage_s_first_words_within_the_limit() {
        let passage = |text: &str| Passage { id: 0, path: vec![], page: None, text: text.into() };
        assert_eq!(quote(&passage("Kort tekst\n\nover to\nlinjer.")), "Kort tekst over to linjer.");
        let long = "ord ".repeat(200);
        let q = quote(&passage(&long));
        assert!(q.chars().count() <= QUOTE_CHARS, "{} characters", q.chars().count());
        assert!(q.ends_with("ord …"), "{q}");
        let one_word = "x".repeat(QUOTE_CHARS * 2);
        assert_eq!(quote(&passage(&one_word)).chars().count(), QUOTE_CHARS);
    }

    #[test]
    fn a_place_names_the_heading_path_and_the_page() {
        let passage = Passage {
            id: 0,
            path: vec!["4. Organisering".into(), "4.2 Styregruppe".into()],
            page: Some(12),
            text: String::new(),
        };
        assert_eq!(place(&passage, Lang::Da), "4. Organisering › 4.2 Styregruppe, side 12");
        let bare = Passage { id: 0, path: vec![], page: None, text: String::new() };
        assert_eq!(place(&bare, Lang::Da), "Planen");
    }
}
