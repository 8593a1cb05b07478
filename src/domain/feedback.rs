//! "Kommunens tilbagemelding": the file a caseworker sends back, and what the organisation does
//! with it.
//!
//! The file has its own format name and schema numbering. It names the assessment it answers (id
//! and `updatedAt`, the version reviewed) and carries, for every item the kommune decided on, a
//! copy of the answer it decided on (`ReviewedAnswer`, a shape of the feedback schema, not the
//! assessment's, so an assessment migration never invalidates a feedback file). That copy is how
//! an item knows that the kommune's comment was about an earlier answer.
//!
//! The organisation keeps an attached feedback as a record of its own, keyed by the assessment's
//! id, in the same form as the file: the assessment record and its schema stay as they are.
//!
//! With a feedback attached, the organisation's verdict counts the reasons the kommune accepted
//! (`judge_with_feedback`); `engine::judge` itself is unchanged.

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize};

use super::assessment::{Answer, Assessment, CatalogueRef, Status};
use super::catalogue::{self, Catalogue, Item};
use super::collections::{stable_sort_by, TextMap, TextSet};
use super::date;
use super::engine::{self, Applicability, Judgement, Verdict};
use super::exchange::MAX_IMPORT_BYTES;
use super::file_format::{
    self, check_header_of, parse, Migration, ReadError, APP_VERSION, EXPORT_FORMAT, RECORD_FORMAT,
};
use super::review::{
    check_length, validate_item_texts, Decision, ReasonDecision, Review, ReviewJudgement, ReviewVerdict,
};
use super::strict_json;
use super::validate::{is_valid_id, Problem, ProblemKind, MAX_LONG_TEXT, MAX_SHORT_TEXT};

/// The format name of a feedback file (and of an attached feedback in storage).
pub const FEEDBACK_FORMAT: &str = "helhedsplan-tjek.feedback";
/// The feedback schema this build writes.
pub const FEEDBACK_SCHEMA_VERSION: u32 = 1;
/// `FEEDBACK_MIGRATIONS[n]` turns a `feedback` object of schema `n + 1` into schema `n + 2`.
pub const FEEDBACK_MIGRATIONS: &[Migration] = &[];
const APP_NAME: &str = "Helhedsplan-tjek";

/// Which assessment a feedback answers, and which version of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnsweredAssessment {
    pub id: String,
    pub catalogue: CatalogueRef,
    /// The version reviewed: the assessment's `updatedAt` when it was exported.
    pub updated_at: String,
    /// The organisation's own words, for the title block.
    pub plan_name: String,
    pub organisation: String,
    /// The organisation's assessment date (`profile.date`), or empty.
    pub date: String,
}

/// The part of an answer the kommune decided on, copied when the feedback was written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewedAnswer {
    pub status: Status,
    pub elements: TextSet,
    pub documented_in: String,
    pub notes: String,
    pub not_relevant_reason: String,
    #[serde(deserialize_with = "nullable")]
    pub included_anyway: Option<String>,
}

impl ReviewedAnswer {
    pub fn of(answer: Option<&Answer>) -> ReviewedAnswer {
        let Some(answer) = answer else { return ReviewedAnswer::default() };
        ReviewedAnswer {
            status: answer.status,
            elements: answer.elements.clone(),
            documented_in: answer.documented_in.clone(),
            notes: answer.notes.clone(),
            not_relevant_reason: answer.not_relevant_reason.clone(),
            included_anyway: answer.included_anyway.clone(),
        }
    }
}

/// The kommune's decisions on one item, with the answer they were about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ItemFeedback {
    #[serde(deserialize_with = "nullable")]
    pub decision: Option<Decision>,
    pub comment: String,
    #[serde(deserialize_with = "nullable")]
    pub reason_decision: Option<ReasonDecision>,
    pub reason_comment: String,
    pub reviewed: ReviewedAnswer,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Feedback {
    /// The review it comes from.
    pub review_id: String,
    /// When the file was written, RFC 3339 in UTC.
    pub issued_at: String,
    pub caseworker: String,
    /// The date of the review, `YYYY-MM-DD`, or empty.
    pub date: String,
    pub plan_reference: String,
    /// The kommune's verdict when it wrote the file (from `review::judge_review`).
    pub verdict: ReviewVerdict,
    pub assessment: AnsweredAssessment,
    /// The items the kommune decided on, by id.
    pub items: TextMap<ItemFeedback>,
}

fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    Option::deserialize(deserializer)
}

impl Feedback {
    /// The feedback of a review: every item the kommune decided something on, with the answer
    /// it decided on. Only the decisions the review asks for are carried (`ItemReviewState`).
    pub fn of_review(review: &Review, judgement: &ReviewJudgement, issued_at: &str) -> Feedback {
        let a = &review.assessment;
        let mut items = TextMap::new();
        for state in judgement.items.iter().filter(|s| s.in_scope) {
            let Some(given) = review.item(state.item.id) else { continue };
            if state.decision.is_none() && state.reason_decision.is_none() {
                continue;
            }
            let keep = |text: &str, asked: bool| if asked { text.to_owned() } else { String::new() };
            items.insert(
                state.item.id.to_owned(),
                ItemFeedback {
                    decision: state.decision,
                    comment: keep(&given.comment, state.decision.is_some()),
                    reason_decision: state.reason_decision,
                    reason_comment: keep(&given.reason_comment, state.reason_decision.is_some()),
                    reviewed: ReviewedAnswer::of(a.answer(state.item.id)),
                },
            );
        }
        Feedback {
            review_id: review.id.clone(),
            issued_at: issued_at.to_owned(),
            caseworker: review.caseworker.clone(),
            date: review.date.clone(),
            plan_reference: review.plan_reference.clone(),
            verdict: judgement.verdict,
            assessment: AnsweredAssessment {
                id: a.id.clone(),
                catalogue: a.catalogue.clone(),
                updated_at: a.updated_at.clone(),
                plan_name: a.profile.plan_name.clone(),
                organisation: a.profile.organisation.clone(),
                date: a.profile.date.clone(),
            },
            items,
        }
    }

    pub fn item(&self, item_id: &str) -> Option<&ItemFeedback> {
        self.items.get(item_id)
    }

    pub fn catalogue(&self) -> Option<&'static Catalogue> {
        catalogue::find(&self.assessment.catalogue.id)
    }

    /// Whether the organisation's answer to an item is still the one the kommune decided on.
    pub fn is_current(&self, item_id: &str, assessment: &Assessment) -> bool {
        self.item(item_id).is_some_and(|f| f.reviewed == ReviewedAnswer::of(assessment.answer(item_id)))
    }
}

// --- The file ----------------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct App {
    name: String,
    version: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FileOut<'a> {
    format: &'static str,
    schema_version: u32,
    app: App,
    feedback: &'a Feedback,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
struct FileIn {
    format: IgnoredAny,
    schema_version: IgnoredAny,
    app: App,
    feedback: Feedback,
}

/// The feedback file, pretty-printed so that a person can read it. Storage keeps the same text.
pub fn encode_feedback(feedback: &Feedback) -> String {
    let file = FileOut {
        format: FEEDBACK_FORMAT,
        schema_version: FEEDBACK_SCHEMA_VERSION,
        app: App { name: APP_NAME.to_owned(), version: APP_VERSION.to_owned() },
        feedback,
    };
    // Strings, maps with text keys and lists cannot fail to serialize.
    let mut text = serde_json::to_string_pretty(&file).expect("a feedback serializes");
    text.push('\n');
    text
}

/// Why a feedback file was refused. Each reads as a specific message
/// (`wording::feedback_error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedbackError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    /// An export of assessments, not a feedback: the organisation's file, given by mistake.
    AssessmentFile,
    /// Broken JSON, another format, a newer or bad schema, a failed migration, or content that
    /// breaks the schema (with what and where).
    Read(ReadError),
}

impl From<ReadError> for FeedbackError {
    fn from(error: ReadError) -> Self {
        FeedbackError::Read(error)
    }
}

/// Reads a feedback file (or a stored feedback) completely, or refuses it with one reason.
pub fn read_feedback(text: &str) -> Result<Feedback, FeedbackError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(FeedbackError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(FeedbackError::Empty);
    }
    let mut value = parse(text)?;
    if matches!(value.get("format").and_then(|f| f.as_str()), Some(EXPORT_FORMAT | RECORD_FORMAT)) {
        return Err(FeedbackError::AssessmentFile);
    }
    let schema = check_header_of(&value, FEEDBACK_FORMAT, FEEDBACK_SCHEMA_VERSION)?;
    if schema < FEEDBACK_SCHEMA_VERSION {
        if let Some(feedback) = value.get_mut("feedback") {
            *feedback = file_format::migrate(feedback.take(), schema, FEEDBACK_MIGRATIONS)?;
        }
    }
    let file: FileIn = strict_json::from_value(&value).map_err(ReadError::Invalid)?;
    validate_feedback(&file.feedback, "feedback").map_err(ReadError::Invalid)?;
    Ok(file.feedback)
}

/// Checks what serde cannot: ids, dates, lengths, and that every item and element exists in the
/// catalogue named.
pub fn validate_feedback(f: &Feedback, path: &str) -> Result<(), Problem> {
    let at = |field: &str| format!("{path}.{field}");
    if !is_valid_id(&f.review_id) {
        return Err(Problem::at(&at("reviewId"), ProblemKind::BadId(f.review_id.clone())));
    }
    if !date::is_timestamp(&f.issued_at) {
        return Err(Problem::at(&at("issuedAt"), ProblemKind::BadTimestamp(f.issued_at.clone())));
    }
    for (field, value) in [("date", &f.date), ("assessment.date", &f.assessment.date)] {
        if !value.is_empty() && !date::is_iso_date(value) {
            return Err(Problem::at(&at(field), ProblemKind::BadDate(value.clone())));
        }
    }
    let a = &f.assessment;
    if !is_valid_id(&a.id) {
        return Err(Problem::at(&at("assessment.id"), ProblemKind::BadId(a.id.clone())));
    }
    if !date::is_timestamp(&a.updated_at) {
        return Err(Problem::at(&at("assessment.updatedAt"), ProblemKind::BadTimestamp(a.updated_at.clone())));
    }
    let Some(catalogue) = catalogue::find(&a.catalogue.id).filter(|c| c.reads_version(&a.catalogue.version)) else {
        return Err(Problem::at(
            &at("assessment.catalogue"),
            ProblemKind::UnknownCatalogue { id: a.catalogue.id.clone(), version: a.catalogue.version.clone() },
        ));
    };
    for (field, text) in [
        ("caseworker", &f.caseworker),
        ("planReference", &f.plan_reference),
        ("assessment.planName", &a.plan_name),
        ("assessment.organisation", &a.organisation),
    ] {
        check_length(&at(field), text, MAX_SHORT_TEXT)?;
    }
    validate_item_texts(catalogue, &f.items, &at("items"), |i| [&i.comment, &i.reason_comment])?;
    for (item_id, entry) in &f.items {
        let item = catalogue.item(item_id).expect("validate_item_texts checked the item");
        let reviewed = &entry.reviewed;
        let here = format!("{path}.items.{item_id}.reviewed");
        if let Some(unknown) = reviewed.elements.iter().find(|e| item.element(e).is_none()) {
            return Err(Problem::at(&format!("{here}.elements"), ProblemKind::UnknownElement(unknown.clone())));
        }
        check_length(&format!("{here}.documentedIn"), &reviewed.documented_in, MAX_SHORT_TEXT)?;
        check_length(&format!("{here}.notes"), &reviewed.notes, MAX_LONG_TEXT)?;
        check_length(&format!("{here}.notRelevantReason"), &reviewed.not_relevant_reason, MAX_LONG_TEXT)?;
        if let Some(reason) = &reviewed.included_anyway {
            check_length(&format!("{here}.includedAnyway"), reason, MAX_LONG_TEXT)?;
        }
    }
    Ok(())
}

// --- Attaching it on the organisation's side ---------------------------------------------------

/// Why a feedback was not attached. Nothing changes on any of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachRefusal {
    /// No assessment here has the id the feedback answers.
    NotHere { assessment_id: String, plan_name: String },
    /// The assessment here is judged against another catalogue (or version) than the one the
    /// kommune reviewed.
    OtherCatalogue { reviewed: CatalogueRef, here: CatalogueRef },
    /// The assessment here is an older version than the one the kommune reviewed (say, the
    /// export was made on another computer after more work): its answers are not the ones the
    /// kommune read.
    AssessmentOlderHere { reviewed: String, here: String },
    /// The feedback answers an older version of the assessment than the feedback already
    /// attached, or the same version but was written earlier.
    OlderThanAttached { attached_issued_at: String },
}

/// What attaching did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attached {
    /// The assessment had no feedback; now it has this one.
    New,
    /// This feedback replaces an older one.
    Replaces,
    /// The same feedback was already attached; nothing changes.
    AlreadyAttached,
}

/// Decides whether `feedback` may be attached, given the assessments here and the feedback
/// already attached to them. Changes nothing itself: the caller stores the feedback only on `Ok`.
/// Answers changed since the version reviewed do not refuse it: each such item says that the
/// kommune's comment was about an earlier answer (`Feedback::is_current`).
pub fn attach(
    feedback: &Feedback,
    assessments: &[Assessment],
    attached: &[Feedback],
) -> Result<Attached, AttachRefusal> {
    let answered = &feedback.assessment;
    let Some(here) = assessments.iter().find(|a| a.id == answered.id) else {
        return Err(AttachRefusal::NotHere {
            assessment_id: answered.id.clone(),
            plan_name: answered.plan_name.clone(),
        });
    };
    if here.catalogue != answered.catalogue {
        return Err(AttachRefusal::OtherCatalogue {
            reviewed: answered.catalogue.clone(),
            here: here.catalogue.clone(),
        });
    }
    // Time stamps of one format compare as text.
    if here.updated_at < answered.updated_at {
        return Err(AttachRefusal::AssessmentOlderHere {
            reviewed: answered.updated_at.clone(),
            here: here.updated_at.clone(),
        });
    }
    match attached.iter().find(|f| f.assessment.id == answered.id) {
        None => Ok(Attached::New),
        Some(current) if current == feedback => Ok(Attached::AlreadyAttached),
        Some(current)
            if (current.assessment.updated_at.as_str(), current.issued_at.as_str())
                > (answered.updated_at.as_str(), feedback.issued_at.as_str()) =>
        {
            Err(AttachRefusal::OlderThanAttached { attached_issued_at: current.issued_at.clone() })
        }
        Some(_) => Ok(Attached::Replaces),
    }
}

// --- The organisation's verdict with the feedback -----------------------------------------------

/// Where one of the organisation's reasons stands with the kommune.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReasonStanding {
    Accepted,
    Rejected,
    /// The kommune has not decided on it (or the feedback does not mention the item).
    Undecided,
    /// The organisation has changed the answer since the kommune decided, so the decision no
    /// longer counts.
    AnswerChanged,
}

/// The kommune's remark on one item, next to the organisation's own answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remark {
    pub item: &'static Item,
    pub feedback: ItemFeedback,
    /// The organisation has changed its answer since: the kommune's comment was about an
    /// earlier answer (`feedback.reviewed`).
    pub about_earlier_answer: bool,
    /// "Ikke enig", "Mangler oplysninger" or a reason not accepted: what the kommune asks for.
    pub asks: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WithFeedback {
    /// The organisation's judgement, its verdict counting the reasons the kommune accepted.
    pub judgement: Judgement,
    /// The verdict without the feedback (`engine::judge`).
    pub own_verdict: Verdict,
    /// Each reason the kommune must accept (`Judgement::reasons_to_accept`), in catalogue order.
    pub reasons: Vec<(&'static Item, ReasonStanding)>,
    /// Every item the feedback mentions: what the kommune asks for first, then the rest, each in
    /// catalogue order.
    pub remarks: Vec<Remark>,
}

impl WithFeedback {
    pub fn remark(&self, item_id: &str) -> Option<&Remark> {
        self.remarks.iter().find(|r| r.item.id == item_id)
    }

    pub fn count(&self, standing: ReasonStanding) -> usize {
        self.reasons.iter().filter(|(_, s)| *s == standing).count()
    }
}

/// A reason's standing: the kommune's decision counts only while the reason it decided on is
/// still the organisation's reason, word for word.
fn standing(feedback: &Feedback, assessment: &Assessment, item: &Item, applicability: Applicability) -> ReasonStanding {
    let Some(given) = feedback.item(item.id) else { return ReasonStanding::Undecided };
    let Some(decision) = given.reason_decision else { return ReasonStanding::Undecided };
    let now = ReviewedAnswer::of(assessment.answer(item.id));
    let same = match applicability {
        Applicability::NotRelevant => {
            given.reviewed.status == Status::NotRelevant
                && given.reviewed.not_relevant_reason == now.not_relevant_reason
        }
        _ => given.reviewed.included_anyway == now.included_anyway,
    };
    match (same, decision) {
        (false, _) => ReasonStanding::AnswerChanged,
        (true, ReasonDecision::Accepted) => ReasonStanding::Accepted,
        (true, ReasonDecision::Rejected) => ReasonStanding::Rejected,
    }
}

/// The organisation's judgement with a feedback attached. Only "Klar, hvis kommunen godkender
/// begrundelserne" changes: to "Klar" when the kommune has accepted every reason (as they stand
/// now), to "Ikke klar" when it has rejected one; otherwise it stays. Everything else is
/// `engine::judge`'s, unchanged.
pub fn judge_with_feedback(
    catalogue: &'static Catalogue,
    assessment: &Assessment,
    feedback: &Feedback,
    today: &str,
) -> WithFeedback {
    let mut judgement = engine::judge(catalogue, assessment, today);
    let own_verdict = judgement.verdict;
    let reasons: Vec<(&'static Item, ReasonStanding)> = judgement
        .reasons_to_accept()
        .into_iter()
        .map(|s| (s.item, standing(feedback, assessment, s.item, s.applicability)))
        .collect();
    if own_verdict == Verdict::ReadyIfAccepted {
        if reasons.iter().all(|(_, s)| *s == ReasonStanding::Accepted) {
            judgement.verdict = Verdict::Ready;
        } else if reasons.iter().any(|(_, s)| *s == ReasonStanding::Rejected) {
            judgement.verdict = Verdict::NotReady;
        }
    }
    let mut remarks: Vec<Remark> = catalogue
        .items()
        .filter_map(|item| {
            let given = feedback.item(item.id)?;
            let asks = matches!(given.decision, Some(Decision::Disagree | Decision::NeedsInformation))
                || given.reason_decision == Some(ReasonDecision::Rejected);
            Some(Remark {
                item,
                feedback: given.clone(),
                about_earlier_answer: !feedback.is_current(item.id, assessment),
                asks,
            })
        })
        .collect();
    stable_sort_by(&mut remarks, |a, b| b.asks.cmp(&a.asks));
    WithFeedback { judgement, own_verdict, reasons, remarks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_given_as_feedback_is_named_as_such() {
        let a = Assessment::new("a1".into(), catalogue::current(), "2026-11-21T10:00:00.000Z");
        let export = super::super::exchange::export(&[a], "2026-11-21T10:00:00.000Z");
        assert_eq!(read_feedback(&export), Err(FeedbackError::AssessmentFile));
        assert_eq!(read_feedback(" \n"), Err(FeedbackError::Empty));
        assert_eq!(read_feedback("{}"), Err(FeedbackError::Read(ReadError::WrongFormat)));
    }
}
