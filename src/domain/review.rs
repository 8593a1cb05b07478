//! The kommune's review of an application: a caseworker's record of the organisation's assessment
//! as received (read-only), and the kommune's decision on every item and every reason.
//!
//! The review's verdict, its progress and the overview's order are decided here, as the
//! organisation's are in `engine`: pages and documents only show `ReviewJudgement`.
//!
//! A review is stored as its own record (`encode_review`, `decode_review`), with its own format
//! name and schema numbering, kept apart from the caseworker's own assessments. The assessment
//! inside it keeps the assessment schema, whose version the record names, so the assessment's
//! migrations (`file_format::MIGRATIONS`) bring it up to date like any other.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::assessment::{Assessment, Status};
use super::catalogue::{self, Catalogue, Item};
use super::collections::{stable_sort_by, TextMap};
use super::date;
use super::engine::{self, Applicability, Basis, ItemState, Judgement};
use super::file_format::{self, check_header_of, parse, Migration, ReadError};
use super::strict_json;
use super::validate::{is_valid_id, validate_assessment, Problem, ProblemKind, MAX_LONG_TEXT, MAX_SHORT_TEXT};

/// The format name of a review as kept in the caseworker's browser.
pub const REVIEW_FORMAT: &str = "helhedsplan-tjek.review";
/// The review schema this build writes (numbered apart from the assessment schema).
pub const REVIEW_SCHEMA_VERSION: u32 = 1;
/// `REVIEW_MIGRATIONS[n]` turns a review object of schema `n + 1` into schema `n + 2`. The
/// assessment inside is migrated by the assessment's own chain.
pub const REVIEW_MIGRATIONS: &[Migration] = &[];

/// The kommune's decision on an item's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// "Enig": the kommune agrees with the organisation's answer.
    Agree,
    /// "Ikke enig".
    Disagree,
    /// "Mangler oplysninger".
    NeedsInformation,
}

impl Decision {
    /// The three choices, in the order the page shows them.
    pub const CHOICES: [Decision; 3] = [Decision::Agree, Decision::Disagree, Decision::NeedsInformation];

    /// A comment is required unless the kommune agrees.
    pub fn needs_comment(self) -> bool {
        self != Decision::Agree
    }

    pub fn key(self) -> &'static str {
        match self {
            Decision::Agree => "agree",
            Decision::Disagree => "disagree",
            Decision::NeedsInformation => "needs-information",
        }
    }
}

/// The kommune's decision on a reason: an "Ikke relevant" reason or a "Medtag alligevel" override.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonDecision {
    /// "Begrundelsen godkendes".
    Accepted,
    /// "Begrundelsen godkendes ikke": a comment is required.
    Rejected,
}

impl ReasonDecision {
    pub const CHOICES: [ReasonDecision; 2] = [ReasonDecision::Accepted, ReasonDecision::Rejected];

    pub fn key(self) -> &'static str {
        match self {
            ReasonDecision::Accepted => "accepted",
            ReasonDecision::Rejected => "rejected",
        }
    }
}

/// What the kommune decided about one item. Absent from `Review::items` while nothing is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ItemReview {
    /// `null` until decided.
    #[serde(deserialize_with = "nullable")]
    pub decision: Option<Decision>,
    /// Required unless the decision is `Agree`.
    pub comment: String,
    /// The decision on the item's reason (Ikke relevant or Medtag alligevel), `null` until made.
    #[serde(deserialize_with = "nullable")]
    pub reason_decision: Option<ReasonDecision>,
    /// Required when the reason is not accepted.
    pub reason_comment: String,
}

impl ItemReview {
    pub fn is_blank(&self) -> bool {
        *self == ItemReview::default()
    }
}

/// A review. `assessment` is the organisation's assessment exactly as it was received: no edit
/// changes it, and its `id` and `updated_at` say which version of which assessment this answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Review {
    pub id: String,
    /// RFC 3339 time stamps, set by the caller.
    pub created_at: String,
    pub updated_at: String,
    /// How the caseworker refers to the plan (its file name or a case number), or empty.
    pub plan_reference: String,
    pub caseworker: String,
    /// The date of the review, `YYYY-MM-DD`, or empty.
    pub date: String,
    pub assessment: Assessment,
    /// Keyed by item id; an item with no entry is not reviewed yet.
    pub items: TextMap<ItemReview>,
}

/// The review's own free-text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewField {
    PlanReference,
    Caseworker,
    Date,
}

/// One change a caseworker makes. None touches the organisation's assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewEdit {
    Text(ReviewField, String),
    Decision { item: String, decision: Option<Decision> },
    Comment { item: String, comment: String },
    ReasonDecision { item: String, decision: Option<ReasonDecision> },
    ReasonComment { item: String, comment: String },
}

impl ReviewEdit {
    /// The item an edit concerns, if any.
    pub fn item(&self) -> Option<&str> {
        match self {
            ReviewEdit::Decision { item, .. }
            | ReviewEdit::Comment { item, .. }
            | ReviewEdit::ReasonDecision { item, .. }
            | ReviewEdit::ReasonComment { item, .. } => Some(item),
            ReviewEdit::Text(..) => None,
        }
    }
}

impl Review {
    /// A new review of `assessment` (as read from the organisation's export file).
    pub fn new(id: String, assessment: Assessment, now: &str) -> Review {
        Review {
            id,
            created_at: now.into(),
            updated_at: now.into(),
            plan_reference: String::new(),
            caseworker: String::new(),
            date: String::new(),
            assessment,
            items: TextMap::new(),
        }
    }

    pub fn item(&self, item_id: &str) -> Option<&ItemReview> {
        self.items.get(item_id)
    }

    /// Applies an edit and stamps `updated_at`. Item reviews that become blank are dropped, so
    /// the stored form stays canonical.
    pub fn apply(&mut self, edit: &ReviewEdit, now: &str) {
        match edit {
            ReviewEdit::Text(field, value) => {
                let target = match field {
                    ReviewField::PlanReference => &mut self.plan_reference,
                    ReviewField::Caseworker => &mut self.caseworker,
                    ReviewField::Date => &mut self.date,
                };
                value.clone_into(target);
            }
            ReviewEdit::Decision { item, decision } => self.items.get_or_default(item).decision = *decision,
            ReviewEdit::Comment { item, comment } => comment.clone_into(&mut self.items.get_or_default(item).comment),
            ReviewEdit::ReasonDecision { item, decision } => {
                self.items.get_or_default(item).reason_decision = *decision
            }
            ReviewEdit::ReasonComment { item, comment } => {
                comment.clone_into(&mut self.items.get_or_default(item).reason_comment)
            }
        }
        if let Some(item) = edit.item() {
            if self.items.get(item).is_some_and(ItemReview::is_blank) {
                self.items.remove(item);
            }
        }
        now.clone_into(&mut self.updated_at);
    }

    /// The catalogue the organisation's assessment was made against.
    pub fn catalogue(&self) -> Option<&'static Catalogue> {
        catalogue::find(&self.assessment.catalogue.id)
    }
}

fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    Option::deserialize(deserializer)
}

// --- The kommune's verdict ---------------------------------------------------------------------

/// The kommune's verdict on the application, worst last (`Ord` is severity).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewVerdict {
    /// Every deciding item is agreed met and every reason on one is accepted: the application
    /// meets the prerequisites for co-financing (or, without co-financing, for approval).
    Meets,
    /// Nothing decided so far stands in the way, but some deciding item or reason is undecided.
    Unfinished,
    /// Something decided stands in the way (see `ReviewJudgement::obstacles`).
    DoesNotMeet,
}

impl ReviewVerdict {
    pub fn key(self) -> &'static str {
        match self {
            ReviewVerdict::Meets => "meets",
            ReviewVerdict::Unfinished => "unfinished",
            ReviewVerdict::DoesNotMeet => "does-not-meet",
        }
    }
}

/// What stands in the way of `ReviewVerdict::Meets`, per deciding item, in catalogue order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Obstacle {
    /// The organisation chose no plan type, so nothing decides.
    NoPlanType,
    /// The kommune has not decided the item yet.
    NotDecided(&'static Item),
    /// "Ikke enig".
    Disagrees(&'static Item),
    /// "Mangler oplysninger".
    LacksInformation(&'static Item),
    /// The kommune agrees with an answer that is not Opfyldt (with every required element): the
    /// organisation's own answer stands in the way. `status` is what the answer counts as.
    AgreedNotMet { item: &'static Item, status: Status },
    /// The item's reason (Ikke relevant or Medtag alligevel) is not decided yet.
    ReasonNotDecided(&'static Item),
    /// "Begrundelsen godkendes ikke".
    ReasonRejected(&'static Item),
}

impl Obstacle {
    pub fn item(&self) -> Option<&'static Item> {
        match self {
            Obstacle::NoPlanType => None,
            Obstacle::NotDecided(item)
            | Obstacle::Disagrees(item)
            | Obstacle::LacksInformation(item)
            | Obstacle::AgreedNotMet { item, .. }
            | Obstacle::ReasonNotDecided(item)
            | Obstacle::ReasonRejected(item) => Some(item),
        }
    }

    /// Whether the kommune has yet to decide (rather than decided against).
    pub fn is_undecided(&self) -> bool {
        matches!(self, Obstacle::NotDecided(_) | Obstacle::ReasonNotDecided(_))
    }
}

/// Where an item stands in the review's overview: what the kommune objects to first, then the
/// reasons it accepted, then the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OverviewGroup {
    /// "Ikke enig", "Mangler oplysninger", or a reason not accepted.
    Objections,
    /// A reason accepted (and nothing objected to).
    AcceptedReasons,
    Rest,
}

/// A comment the caseworker still has to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewWarningKind {
    /// "Ikke enig" or "Mangler oplysninger" without a comment.
    CommentMissing,
    /// A reason not accepted, without a comment.
    ReasonCommentMissing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewWarning {
    pub item: &'static Item,
    pub kind: ReviewWarningKind,
}

/// One item as the review sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemReviewState {
    pub item: &'static Item,
    /// The organisation's own standing on the item (from `engine::judge` of the assessment).
    pub state: ItemState,
    /// The item is within the review: it counts for the plan or is Ikke relevant with a reason.
    /// Items the profile rules out are not reviewed.
    pub in_scope: bool,
    /// The kommune decides on the answer: every item in scope but an Ikke relevant one, whose
    /// reason is what is decided.
    pub asks_decision: bool,
    /// The kommune decides on a reason: Ikke relevant, or Medtag alligevel.
    pub asks_reason: bool,
    pub decision: Option<Decision>,
    pub reason_decision: Option<ReasonDecision>,
    /// In scope, every question it asks decided, and every required comment written.
    pub reviewed: bool,
    pub group: OverviewGroup,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewJudgement {
    pub verdict: ReviewVerdict,
    pub basis: Basis,
    /// The organisation's own judgement of the assessment as received.
    pub organisation: Judgement,
    /// Every item of the catalogue, in order.
    pub items: Vec<ItemReviewState>,
    /// Empty exactly when the verdict is `Meets`.
    pub obstacles: Vec<Obstacle>,
    pub warnings: Vec<ReviewWarning>,
    /// Items in scope that are reviewed ("9 af 14 gennemgået").
    pub reviewed: usize,
    /// Items in scope.
    pub total: usize,
}

impl ReviewJudgement {
    pub fn state(&self, item_id: &str) -> Option<&ItemReviewState> {
        self.items.iter().find(|s| s.item.id == item_id)
    }

    pub fn warnings_for<'a>(&'a self, item_id: &'a str) -> impl Iterator<Item = &'a ReviewWarning> + 'a {
        self.warnings.iter().filter(move |w| w.item.id == item_id)
    }

    /// The items in scope in the overview's order: objections first, then accepted reasons,
    /// then the rest, each group in catalogue order.
    pub fn overview(&self) -> Vec<&ItemReviewState> {
        let mut items: Vec<&ItemReviewState> = self.items.iter().filter(|s| s.in_scope).collect();
        stable_sort_by(&mut items, |a, b| a.group.cmp(&b.group));
        items
    }

    /// The items in scope in catalogue order, for moving from one item page to the next.
    pub fn in_scope(&self) -> impl Iterator<Item = &ItemReviewState> + '_ {
        self.items.iter().filter(|s| s.in_scope)
    }

    /// The reasons the kommune decides on (any item's, deciding or not), with the decision.
    pub fn reasons(&self) -> impl Iterator<Item = &ItemReviewState> + '_ {
        self.items.iter().filter(|s| s.in_scope && s.asks_reason)
    }
}

fn written(text: &str) -> bool {
    !text.trim().is_empty()
}

/// Judges a review. `today` (`YYYY-MM-DD`) is passed on to the organisation's judgement.
pub fn judge_review(catalogue: &'static Catalogue, review: &Review, today: &str) -> ReviewJudgement {
    let organisation = engine::judge(catalogue, &review.assessment, today);
    let blank = ItemReview::default();
    let mut items = Vec::with_capacity(organisation.items.len());
    let mut obstacles = Vec::new();
    let mut warnings = Vec::new();
    if organisation.basis == Basis::NoPlanType {
        obstacles.push(Obstacle::NoPlanType);
    }
    for state in &organisation.items {
        let item = state.item;
        let in_scope = state.applicability.counts() || state.applicability == Applicability::NotRelevant;
        let asks_reason = in_scope && state.reason.is_some();
        let asks_decision = in_scope && state.applicability != Applicability::NotRelevant;
        let given = review.item(item.id).unwrap_or(&blank);
        let decision = given.decision.filter(|_| asks_decision);
        let reason_decision = given.reason_decision.filter(|_| asks_reason);

        let mut complete = true;
        if asks_decision {
            match decision {
                None => complete = false,
                Some(d) if d.needs_comment() && !written(&given.comment) => {
                    warnings.push(ReviewWarning { item, kind: ReviewWarningKind::CommentMissing });
                    complete = false;
                }
                Some(_) => {}
            }
        }
        if asks_reason {
            match reason_decision {
                None => complete = false,
                Some(ReasonDecision::Rejected) if !written(&given.reason_comment) => {
                    warnings.push(ReviewWarning { item, kind: ReviewWarningKind::ReasonCommentMissing });
                    complete = false;
                }
                Some(_) => {}
            }
        }

        if state.deciding {
            if asks_reason {
                match reason_decision {
                    None => obstacles.push(Obstacle::ReasonNotDecided(item)),
                    Some(ReasonDecision::Rejected) => obstacles.push(Obstacle::ReasonRejected(item)),
                    Some(ReasonDecision::Accepted) => {}
                }
            }
            if asks_decision {
                match decision {
                    None => obstacles.push(Obstacle::NotDecided(item)),
                    Some(Decision::Disagree) => obstacles.push(Obstacle::Disagrees(item)),
                    Some(Decision::NeedsInformation) => obstacles.push(Obstacle::LacksInformation(item)),
                    Some(Decision::Agree) if state.counted != Status::Met => {
                        obstacles.push(Obstacle::AgreedNotMet { item, status: state.counted })
                    }
                    Some(Decision::Agree) => {}
                }
            }
        }

        let objects = matches!(decision, Some(Decision::Disagree | Decision::NeedsInformation))
            || reason_decision == Some(ReasonDecision::Rejected);
        let group = if objects {
            OverviewGroup::Objections
        } else if reason_decision == Some(ReasonDecision::Accepted) {
            OverviewGroup::AcceptedReasons
        } else {
            OverviewGroup::Rest
        };
        items.push(ItemReviewState {
            item,
            state: state.clone(),
            in_scope,
            asks_decision,
            asks_reason,
            decision,
            reason_decision,
            reviewed: in_scope && complete,
            group,
        });
    }
    let verdict = if obstacles.is_empty() {
        ReviewVerdict::Meets
    } else if obstacles.iter().all(Obstacle::is_undecided) {
        ReviewVerdict::Unfinished
    } else {
        ReviewVerdict::DoesNotMeet
    };
    let reviewed = items.iter().filter(|s| s.reviewed).count();
    let total = items.iter().filter(|s| s.in_scope).count();
    ReviewJudgement { verdict, basis: organisation.basis, organisation, items, obstacles, warnings, reviewed, total }
}

// --- The stored record -------------------------------------------------------------------------

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReviewOut<'a> {
    format: &'static str,
    schema_version: u32,
    assessment_schema_version: u32,
    review: &'a Review,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
struct ReviewIn {
    format: IgnoredAny,
    schema_version: IgnoredAny,
    assessment_schema_version: IgnoredAny,
    review: Review,
}

/// The local-storage form of a review: compact JSON, fields in a fixed order.
pub fn encode_review(review: &Review) -> String {
    let record = ReviewOut {
        format: REVIEW_FORMAT,
        schema_version: REVIEW_SCHEMA_VERSION,
        assessment_schema_version: file_format::SCHEMA_VERSION,
        review,
    };
    // Strings, maps with text keys and lists cannot fail to serialize.
    serde_json::to_string(&record).expect("a review serializes")
}

/// Reads a stored review of any released schema, migrating it (and the assessment inside it).
pub fn decode_review(text: &str) -> Result<Review, ReadError> {
    let mut value = parse(text)?;
    let schema = check_header_of(&value, REVIEW_FORMAT, REVIEW_SCHEMA_VERSION)?;
    if schema < REVIEW_SCHEMA_VERSION {
        if let Some(review) = value.get_mut("review") {
            *review = file_format::migrate(review.take(), schema, REVIEW_MIGRATIONS)?;
        }
    }
    let assessment_schema = embedded_schema(&value, "assessmentSchemaVersion")?;
    if let Some(assessment) = value.get_mut("review").and_then(|r| r.get_mut("assessment")) {
        file_format::migrate_in_place(assessment, assessment_schema)?;
    }
    let record: ReviewIn = strict_json::from_value(&value).map_err(ReadError::Invalid)?;
    validate_review(&record.review, "review").map_err(ReadError::Invalid)?;
    Ok(record.review)
}

/// The assessment schema a record says its embedded data was written in: a whole number from 1
/// up to the one this build writes.
pub(crate) fn embedded_schema(value: &Value, field: &str) -> Result<u32, ReadError> {
    let Some(found) = value.get(field) else {
        return Err(ReadError::Invalid(Problem::at(field, ProblemKind::Missing)));
    };
    match found.as_u64().map(u32::try_from) {
        Some(Ok(0)) | None => Err(ReadError::BadSchema),
        Some(Ok(schema)) if schema <= file_format::SCHEMA_VERSION => Ok(schema),
        Some(Ok(schema)) => Err(ReadError::NewerSchema(schema)),
        Some(Err(_)) => Err(ReadError::NewerSchema(u32::MAX)),
    }
}

/// Checks what serde cannot: ids, dates, lengths, and that every item exists in the catalogue of
/// the assessment reviewed.
pub fn validate_review(review: &Review, path: &str) -> Result<(), Problem> {
    let at = |field: &str| format!("{path}.{field}");
    if !is_valid_id(&review.id) {
        return Err(Problem::at(&at("id"), ProblemKind::BadId(review.id.clone())));
    }
    for (field, stamp) in [("createdAt", &review.created_at), ("updatedAt", &review.updated_at)] {
        if !date::is_timestamp(stamp) {
            return Err(Problem::at(&at(field), ProblemKind::BadTimestamp(stamp.clone())));
        }
    }
    if !review.date.is_empty() && !date::is_iso_date(&review.date) {
        return Err(Problem::at(&at("date"), ProblemKind::BadDate(review.date.clone())));
    }
    check_length(&at("planReference"), &review.plan_reference, MAX_SHORT_TEXT)?;
    check_length(&at("caseworker"), &review.caseworker, MAX_SHORT_TEXT)?;
    validate_assessment(&review.assessment, &at("assessment"))?;
    let catalogue = review.catalogue().expect("validate_assessment checked the catalogue");
    validate_item_texts(catalogue, &review.items, &at("items"), |r| [&r.comment, &r.reason_comment])
}

pub(crate) fn check_length(at: &str, text: &str, max: usize) -> Result<(), Problem> {
    if text.chars().count() > max {
        return Err(Problem::at(at, ProblemKind::TooLong { max }));
    }
    Ok(())
}

/// Every key an item of `catalogue`, and the two comments of each within bounds.
pub(crate) fn validate_item_texts<T>(
    catalogue: &Catalogue,
    items: &TextMap<T>,
    at: &str,
    comments: impl Fn(&T) -> [&String; 2],
) -> Result<(), Problem> {
    for (item_id, entry) in items {
        if catalogue.item(item_id).is_none() {
            return Err(Problem::at(at, ProblemKind::UnknownItem(item_id.clone())));
        }
        let [comment, reason_comment] = comments(entry);
        check_length(&format!("{at}.{item_id}.comment"), comment, MAX_LONG_TEXT)?;
        check_length(&format!("{at}.{item_id}.reasonComment"), reason_comment, MAX_LONG_TEXT)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::Edit;

    const NOW: &str = "2026-11-21T10:00:00.000Z";

    fn sample() -> Review {
        let mut a = Assessment::new("a1".into(), catalogue::current(), NOW);
        a.apply(&Edit::PlanType(Some("type-1".into())), NOW);
        let mut r = Review::new("r1".into(), a, NOW);
        r.apply(&ReviewEdit::Decision { item: "sekretariat".into(), decision: Some(Decision::Disagree) }, NOW);
        r
    }

    #[test]
    fn a_review_round_trips_and_blank_item_reviews_are_dropped() {
        let mut r = sample();
        assert_eq!(decode_review(&encode_review(&r)), Ok(r.clone()));
        r.apply(&ReviewEdit::Decision { item: "sekretariat".into(), decision: None }, NOW);
        assert!(r.items.is_empty(), "nothing decided, nothing kept");
    }

    #[test]
    fn a_decision_outside_the_choices_says_which_there_are() {
        let text = encode_review(&sample()).replace("\"disagree\"", "\"maybe\"");
        assert_eq!(
            decode_review(&text),
            Err(ReadError::Invalid(Problem::at(
                "review.items.sekretariat.decision",
                ProblemKind::UnknownChoice {
                    value: "maybe".into(),
                    expected: "agree, disagree, needs-information".into()
                }
            )))
        );
    }

    #[test]
    fn a_record_of_a_newer_review_or_assessment_schema_is_told_apart() {
        let text = encode_review(&sample());
        let newer = text.replace("\"schemaVersion\":1", "\"schemaVersion\":4");
        assert_eq!(decode_review(&newer), Err(ReadError::NewerSchema(4)));
        let newer = text.replace("\"assessmentSchemaVersion\":2", "\"assessmentSchemaVersion\":3");
        assert_eq!(decode_review(&newer), Err(ReadError::NewerSchema(3)));
        let none = text.replace("\"assessmentSchemaVersion\":2,", "");
        assert_eq!(
            decode_review(&none),
            Err(ReadError::Invalid(Problem::at("assessmentSchemaVersion", ProblemKind::Missing)))
        );
        assert_eq!(decode_review(&file_format::encode_record(&sample().assessment)), Err(ReadError::WrongFormat));
    }
}
