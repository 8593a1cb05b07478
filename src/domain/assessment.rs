//! An assessment: one plan's profile and its answers, and the edits a user makes to it.
//!
//! This is also the shape that is stored and exported: the serde attributes below name each
//! field in JSON (docs/file-format.md). Change nothing there without a migration in
//! `file_format`. Reading is strict (`deny_unknown_fields`, and `nullable` makes an optional
//! field required all the same), because a file either matches the schema exactly or is refused.

use serde::{Deserialize, Deserializer, Serialize};

use super::collections::{TextMap, TextSet};

use super::catalogue::Catalogue;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assessment {
    pub id: String,
    pub catalogue: CatalogueRef,
    /// RFC 3339 time stamps, set by the caller (the domain has no clock).
    pub created_at: String,
    pub updated_at: String,
    pub profile: Profile,
    /// Keyed by item id. An item with no entry is unanswered.
    pub answers: TextMap<Answer>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueRef {
    pub id: String,
    pub version: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Profile {
    pub plan_name: String,
    pub organisation: String,
    /// The housing area and its afdelinger.
    pub housing_area: String,
    pub assessor: String,
    /// The date of the assessment, `YYYY-MM-DD`, or empty.
    pub date: String,
    /// Id of one of the catalogue's plan types, or none yet (`null`).
    #[serde(deserialize_with = "nullable")]
    pub plan_type: Option<String>,
    /// Answers to the catalogue's profile questions: question id to option id.
    pub conditions: TextMap<String>,
}

/// In files, the same kebab-case keys as `Status::key`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Unanswered,
    Met,
    PartlyMet,
    NotMet,
    NotRelevant,
}

impl Status {
    /// The four answers a user can give, in the order the questionnaire shows them.
    pub const CHOICES: [Status; 4] = [Status::Met, Status::PartlyMet, Status::NotMet, Status::NotRelevant];

    pub fn is_answered(self) -> bool {
        self != Status::Unanswered
    }

    /// The key used in files and URLs.
    pub fn key(self) -> &'static str {
        match self {
            Status::Unanswered => "unanswered",
            Status::Met => "met",
            Status::PartlyMet => "partly-met",
            Status::NotMet => "not-met",
            Status::NotRelevant => "not-relevant",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Answer {
    pub status: Status,
    /// Ids of the elements the user has ticked.
    pub elements: TextSet,
    /// Where in the plan the item is documented (section, page).
    pub documented_in: String,
    pub notes: String,
    /// Required when the status is Ikke relevant.
    pub not_relevant_reason: String,
    /// What will be done about an item that is not fully met.
    pub action: Action,
    /// The user includes an item the profile says does not apply; the reason is shown in the
    /// report. `null` when not.
    #[serde(deserialize_with = "nullable")]
    pub included_anyway: Option<String>,
    /// The passage of the user's plan chosen with "Brug som henvisning": its place (as put into
    /// `documented_in`) and its first lines, so the report can quote the evidence without the
    /// plan's text. Both empty when none is chosen (schema 2). Two plain texts rather than an
    /// object: a nested type's reader costs the first load kilobytes.
    pub evidence_place: String,
    pub evidence_quote: String,
}

/// A chosen passage of the plan, as the report quotes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Its heading path and page, as "Hvor i planen står det?" was filled in with it.
    pub place: String,
    /// Its first lines (the app keeps about 300 characters; a file may hold 500).
    pub quote: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub description: String,
    pub owner: String,
    /// `YYYY-MM-DD`, or empty.
    pub deadline: String,
}

/// An optional field that must be written all the same, as `null` when empty. Without
/// `deserialize_with`, serde would read a missing `Option` field as `None`.
fn nullable<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Option::deserialize(deserializer)
}

impl Action {
    pub fn is_empty(&self) -> bool {
        self.description.trim().is_empty() && self.owner.trim().is_empty() && self.deadline.is_empty()
    }
}

impl Answer {
    /// The passage chosen with "Brug som henvisning", if one is.
    pub fn evidence(&self) -> Option<Evidence> {
        (!self.evidence_quote.is_empty())
            .then(|| Evidence { place: self.evidence_place.clone(), quote: self.evidence_quote.clone() })
    }

    /// True when nothing at all has been filled in.
    pub fn is_blank(&self) -> bool {
        *self == Answer::default()
    }
}

/// Free-text fields of the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileField {
    PlanName,
    Organisation,
    HousingArea,
    Assessor,
    Date,
}

/// Free-text fields of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerField {
    DocumentedIn,
    Notes,
    NotRelevantReason,
    ActionDescription,
    ActionOwner,
    ActionDeadline,
}

/// One change a user makes. The browser store applies an edit to the freshest stored copy, so
/// two tabs editing different fields never lose each other's work. `UsePassage` is "Brug som
/// henvisning": the passage's place becomes "Hvor i planen står det?", and its first lines are
/// kept as the evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    ProfileText(ProfileField, String),
    PlanType(Option<String>),
    Condition { question: String, option: Option<String> },
    Status { item: String, status: Status },
    Element { item: String, element: String, ticked: bool },
    AnswerText { item: String, field: AnswerField, value: String },
    UsePassage { item: String, evidence: Evidence },
    IncludeAnyway { item: String, reason: Option<String> },
}

/// Most recently changed first, as the start page lists them.
pub fn newest_first(list: &mut [Assessment]) {
    super::collections::stable_sort_by(list, |a, b| b.updated_at.cmp(&a.updated_at));
}

impl Assessment {
    pub fn new(id: String, catalogue: &Catalogue, now: &str) -> Self {
        Assessment {
            id,
            catalogue: CatalogueRef { id: catalogue.id.into(), version: catalogue.version.into() },
            created_at: now.into(),
            updated_at: now.into(),
            profile: Profile::default(),
            answers: TextMap::new(),
        }
    }

    pub fn answer(&self, item_id: &str) -> Option<&Answer> {
        self.answers.get(item_id)
    }

    pub fn status(&self, item_id: &str) -> Status {
        self.answer(item_id).map(|answer| answer.status).unwrap_or_default()
    }

    /// Applies an edit and stamps `updated_at`. Answers that become blank are dropped, so the
    /// stored form stays canonical.
    pub fn apply(&mut self, edit: &Edit, now: &str) {
        let profile = &mut self.profile;
        match edit {
            Edit::ProfileText(field, value) => {
                let target = match field {
                    ProfileField::PlanName => &mut profile.plan_name,
                    ProfileField::Organisation => &mut profile.organisation,
                    ProfileField::HousingArea => &mut profile.housing_area,
                    ProfileField::Assessor => &mut profile.assessor,
                    ProfileField::Date => &mut profile.date,
                };
                value.clone_into(target);
            }
            Edit::PlanType(plan_type) => profile.plan_type.clone_from(plan_type),
            Edit::Condition { question, option } => match option {
                Some(option) => {
                    profile.conditions.insert(question.clone(), option.clone());
                }
                None => {
                    profile.conditions.remove(question);
                }
            },
            Edit::Status { item, status } => self.answer_mut(item).status = *status,
            Edit::Element { item, element, ticked } => {
                let elements = &mut self.answer_mut(item).elements;
                if *ticked {
                    elements.insert(element.clone());
                } else {
                    elements.remove(element);
                }
            }
            Edit::AnswerText { item, field, value } => {
                let answer = self.answer_mut(item);
                let target = match field {
                    AnswerField::DocumentedIn => &mut answer.documented_in,
                    AnswerField::Notes => &mut answer.notes,
                    AnswerField::NotRelevantReason => &mut answer.not_relevant_reason,
                    AnswerField::ActionDescription => &mut answer.action.description,
                    AnswerField::ActionOwner => &mut answer.action.owner,
                    AnswerField::ActionDeadline => &mut answer.action.deadline,
                };
                value.clone_into(target);
                // The quote belongs to the place it was chosen with: it stays while the text
                // still names that place (a page added after it, say), and goes when it does not.
                if *field == AnswerField::DocumentedIn && !answer.documented_in.contains(answer.evidence_place.as_str())
                {
                    answer.evidence_place.clear();
                    answer.evidence_quote.clear();
                }
            }
            Edit::UsePassage { item, evidence } => {
                let answer = self.answer_mut(item);
                evidence.place.clone_into(&mut answer.documented_in);
                evidence.place.clone_into(&mut answer.evidence_place);
                evidence.quote.clone_into(&mut answer.evidence_quote);
            }
            Edit::IncludeAnyway { item, reason } => self.answer_mut(item).included_anyway.clone_from(reason),
        }
        if let Some(item) = edit.item() {
            if self.answers.get(item).is_some_and(Answer::is_blank) {
                self.answers.remove(item);
            }
        }
        now.clone_into(&mut self.updated_at);
    }

    fn answer_mut(&mut self, item_id: &str) -> &mut Answer {
        self.answers.get_or_default(item_id)
    }

    /// A readable name, even before the user has named the plan.
    pub fn display_name(&self) -> Option<&str> {
        let name = self.profile.plan_name.trim();
        (!name.is_empty()).then_some(name)
    }
}

impl Edit {
    /// The item an edit concerns, if it concerns one.
    pub fn item(&self) -> Option<&str> {
        match self {
            Edit::Status { item, .. }
            | Edit::Element { item, .. }
            | Edit::AnswerText { item, .. }
            | Edit::UsePassage { item, .. }
            | Edit::IncludeAnyway { item, .. } => Some(item),
            Edit::ProfileText(..) | Edit::PlanType(_) | Edit::Condition { .. } => None,
        }
    }

    /// True when the edit changes what applies (so the UI can say so).
    pub fn changes_applicability(&self) -> bool {
        matches!(self, Edit::PlanType(_) | Edit::Condition { .. } | Edit::IncludeAnyway { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue;

    const NOW: &str = "2026-11-21T10:00:00.000Z";

    fn evidence(place: &str) -> Evidence {
        Evidence { place: place.into(), quote: "Styregruppen mødes fire gange om året.".into() }
    }

    fn text(item: &str, value: &str) -> Edit {
        Edit::AnswerText { item: item.into(), field: AnswerField::DocumentedIn, value: value.into() }
    }

    #[test]
    fn a_chosen_passage_fills_in_the_place_and_keeps_its_quote_while_the_place_is_named() {
        let mut a = Assessment::new("a1".into(), catalogue::current(), NOW);
        let chosen = evidence("4. Organisering › 4.2 Styregruppe, side 12");
        a.apply(&Edit::UsePassage { item: "sekretariat".into(), evidence: chosen.clone() }, NOW);
        let answer = |a: &Assessment| a.answer("sekretariat").cloned().unwrap_or_default();
        assert_eq!(answer(&a).documented_in, chosen.place);
        assert_eq!(answer(&a).evidence().as_ref(), Some(&chosen));
        // A page added after the place keeps the quote; another place drops it.
        a.apply(&text("sekretariat", "4. Organisering › 4.2 Styregruppe, side 12 og bilag 2"), NOW);
        assert_eq!(answer(&a).evidence().as_ref(), Some(&chosen));
        a.apply(&text("sekretariat", "Afsnit 5"), NOW);
        assert_eq!(answer(&a).evidence(), None);
        assert_eq!((answer(&a).evidence_place.as_str(), answer(&a).evidence_quote.as_str()), ("", ""));
        // Other fields leave it alone, and an answer with only evidence is not blank.
        a.apply(&Edit::UsePassage { item: "sekretariat".into(), evidence: chosen.clone() }, NOW);
        a.apply(&Edit::AnswerText { item: "sekretariat".into(), field: AnswerField::Notes, value: "x".into() }, NOW);
        assert_eq!(answer(&a).evidence().as_ref(), Some(&chosen));
        a.apply(&text("sekretariat", ""), NOW);
        a.apply(&Edit::AnswerText { item: "sekretariat".into(), field: AnswerField::Notes, value: "".into() }, NOW);
        assert!(a.answer("sekretariat").is_none(), "a cleared answer is dropped");
    }
}
