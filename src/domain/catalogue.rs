//! The catalogue: what a municipality requires of a plan, as static data.
//!
//! The content lives in `catalogues/*.toml`; `build.rs` validates it and generates the
//! `CATALOGUES` static included at the bottom of this file. Nothing here is hand-written content.

use super::i18n::Lang;

/// A text in both languages. Danish is the authority and is compiled in; English is a faithful
/// translation, kept in the English table (see `i18n`) under index `en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub da: &'static str,
    pub en: usize,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en(),
        }
    }

    /// The English text; the Danish while the English table is not loaded.
    pub fn en(&self) -> &'static str {
        super::i18n::english(self.en).unwrap_or(self.da)
    }
}

/// A long text in both languages: an item's wording, explanation, elements, quotes and
/// questions, and the like. The Danish sit in a table of their own (`PROSE_DA`), the English in
/// the English table. The table kept them out of the first load while a worker rendered the
/// pages after the first; every screen is now built by the app itself, so they are part of its
/// WebAssembly like everything else it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prose {
    index: usize,
    en: usize,
}

impl Prose {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da(),
            Lang::En => self.en(),
        }
    }

    pub fn da(&self) -> &'static str {
        PROSE_DA[self.index]
    }

    /// The English text; the Danish while the English table is not loaded.
    pub fn en(&self) -> &'static str {
        super::i18n::english(self.en).unwrap_or_else(|| self.da())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A requirement: a prerequisite for municipal co-financing.
    Krav,
    /// A recommendation: reported, never blocking.
    Anbefaling,
    /// The prerequisite for approval without co-financing.
    Forudsaetning,
}

#[derive(Debug)]
pub struct Catalogue {
    pub id: &'static str,
    pub version: &'static str,
    /// Earlier versions whose saved answers read unchanged under this one (ids kept their
    /// meaning), so assessments made against them still load.
    pub earlier_versions: &'static [&'static str],
    pub period: &'static str,
    pub title: Text,
    pub issuer: Text,
    /// The sentence in the source that introduces the krav.
    pub preamble: Prose,
    /// The document the items are quoted from.
    pub source: SourceDoc,
    /// The document the "why" quotes come from.
    pub evidence: SourceDoc,
    pub plan_types: &'static [PlanType],
    pub focus_areas: &'static [FocusArea],
    pub profile_questions: &'static [ProfileQuestion],
    pub profile_conflicts: &'static [ProfileConflict],
    pub sections: &'static [Section],
}

#[derive(Debug)]
pub struct SourceDoc {
    pub title: Text,
    pub publisher: Text,
    pub date: Text,
    /// File name of the plain-text copy in `../shared/seeds/`, used by the verbatim test.
    pub seed_file: &'static str,
}

#[derive(Debug)]
pub struct PlanType {
    pub id: &'static str,
    /// With co-financing the krav decide; without it, the forudsætning items do.
    pub cofinancing: bool,
    pub name: Text,
    pub description: Prose,
}

#[derive(Debug)]
pub struct FocusArea {
    pub id: &'static str,
    pub name: Text,
    pub text: Text,
}

/// A question of the profile that decides what applies (besides the plan type).
#[derive(Debug)]
pub struct ProfileQuestion {
    pub id: &'static str,
    pub label: Text,
    pub hint: Prose,
    pub options: &'static [QuestionOption],
}

#[derive(Debug)]
pub struct QuestionOption {
    pub id: &'static str,
    pub label: Text,
    /// "Don't know": items that depend on it stay applicable and need clarifying.
    pub unclear: bool,
}

/// Profile answers that contradict each other, e.g. Type 2 (which follows an earlier effort) for
/// a new plan. When every condition holds, the engine warns; nothing changes what applies.
#[derive(Debug)]
pub struct ProfileConflict {
    pub id: &'static str,
    /// All must hold. The warning belongs next to the last condition's question.
    pub when: &'static [Condition],
    /// The warning, as the user reads it.
    pub text: Prose,
}

#[derive(Debug)]
pub struct Section {
    pub id: &'static str,
    pub title: Text,
    pub items: &'static [Item],
}

#[derive(Debug)]
pub struct Item {
    /// What a person reads, e.g. "K1".
    pub code: &'static str,
    /// What saved answers key on, e.g. "faelles-analyse". Never reused.
    pub id: &'static str,
    pub kind: Kind,
    pub title: Text,
    /// The requirement, quoted verbatim from the source.
    pub text: Prose,
    pub explanation: Prose,
    /// When it applies, in words.
    pub applies: Prose,
    /// All must hold for the item to apply. Empty: applies to every plan.
    pub applies_when: &'static [Condition],
    pub elements: &'static [Element],
    /// Findings of the evaluation behind the item, quoted verbatim.
    pub why: &'static [Prose],
    /// Questions a workshop facilitator can put to a group.
    pub questions: &'static [Prose],
}

#[derive(Debug)]
pub struct Condition {
    /// `PLAN_TYPE_QUESTION` or the id of a profile question.
    pub question: &'static str,
    pub any_of: &'static [&'static str],
}

#[derive(Debug)]
pub struct Element {
    pub id: &'static str,
    pub text: Prose,
    /// Needed only in some plans ("Hvis planen omfatter små afdelinger: …"), so an item can be
    /// met with it unticked.
    pub conditional: bool,
}

/// The condition key that refers to the plan type rather than a profile question.
pub const PLAN_TYPE_QUESTION: &str = "plan-type";

impl Catalogue {
    pub fn items(&self) -> impl Iterator<Item = &'static Item> + '_ {
        self.sections.iter().flat_map(|section| section.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&'static Item> {
        self.items().find(|item| item.id == id)
    }

    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|section| section.items.len()).sum()
    }

    pub fn section_of(&self, item_id: &str) -> Option<&'static Section> {
        self.sections.iter().find(|section| section.items.iter().any(|item| item.id == item_id))
    }

    pub fn plan_type(&self, id: &str) -> Option<&'static PlanType> {
        self.plan_types.iter().find(|plan_type| plan_type.id == id)
    }

    pub fn profile_question(&self, id: &str) -> Option<&'static ProfileQuestion> {
        self.profile_questions.iter().find(|question| question.id == id)
    }

    pub fn profile_conflict(&self, id: &str) -> Option<&'static ProfileConflict> {
        self.profile_conflicts.iter().find(|conflict| conflict.id == id)
    }

    /// Whether assessments made against `version` of this catalogue can be read with it.
    pub fn reads_version(&self, version: &str) -> bool {
        self.version == version || self.earlier_versions.contains(&version)
    }
}

impl Item {
    /// Danish words and short phrases a plan may use for the item, lower-case: with its text,
    /// title and elements they make the query that ranks a plan's passages (`scan::rank`).
    /// They live in a table of their own (see build.rs), which only the scanner worker reaches.
    pub fn search_terms(&self, catalogue: &Catalogue) -> &'static [&'static str] {
        search_terms(catalogue.id, self.id, None)
    }

    /// Words a plan may use for one element in particular (may be empty).
    pub fn element_search_terms(&self, catalogue: &Catalogue, element: &Element) -> &'static [&'static str] {
        search_terms(catalogue.id, self.id, Some(element.id))
    }

    pub fn element(&self, id: &str) -> Option<&'static Element> {
        self.elements.iter().find(|element| element.id == id)
    }

    /// The elements "met" requires: all but the conditional ones.
    pub fn required_elements(&self) -> impl Iterator<Item = &'static Element> + '_ {
        self.elements.iter().filter(|element| !element.conditional)
    }
}

/// Every catalogue this build knows, newest last.
pub fn all() -> &'static [Catalogue] {
    CATALOGUES
}

/// The catalogue new assessments are made against.
pub fn current() -> &'static Catalogue {
    CATALOGUES.last().expect("build.rs guarantees at least one catalogue")
}

pub fn find(id: &str) -> Option<&'static Catalogue> {
    CATALOGUES.iter().find(|catalogue| catalogue.id == id)
}

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// Items are unique by id within a catalogue, and judgements compare them by it.
impl PartialEq for Item {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Item {}
