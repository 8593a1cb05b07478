//! How the engine's decisions read, in either language. Shared by the UI and the report, so a
//! status or a warning is worded the same everywhere.

use super::assessment::{Assessment, Status};
use super::catalogue::{Catalogue, Kind};
use super::engine::{Applicability, Basis, Counts, Judgement, Progress, Verdict, Warning, WarningKind};
use super::i18n::{Lang, Msg};

pub fn status(status: Status) -> Msg {
    match status {
        Status::Unanswered => Msg::StatusUnanswered,
        Status::Met => Msg::StatusMet,
        Status::PartlyMet => Msg::StatusPartlyMet,
        Status::NotMet => Msg::StatusNotMet,
        Status::NotRelevant => Msg::StatusNotRelevant,
    }
}

pub fn kind(kind: Kind) -> Msg {
    match kind {
        Kind::Krav => Msg::KindKrav,
        Kind::Anbefaling => Msg::KindAnbefaling,
        Kind::Forudsaetning => Msg::KindForudsaetning,
    }
}

pub fn verdict(verdict: Verdict) -> Msg {
    match verdict {
        Verdict::Ready => Msg::VerdictReady,
        Verdict::ReadyIfAccepted => Msg::VerdictReadyIfAccepted,
        Verdict::AlmostReady => Msg::VerdictAlmostReady,
        Verdict::NotReady => Msg::VerdictNotReady,
        Verdict::Incomplete => Msg::VerdictIncomplete,
    }
}

/// What the verdict means for co-financing (or approval), with the number of reasons the kommune
/// must accept when there are any.
pub fn verdict_meaning(judgement: &Judgement, lang: Lang) -> String {
    let msg = match (judgement.basis, judgement.verdict) {
        (Basis::NoPlanType, _) => Msg::MeaningNoPlanType,
        (Basis::Krav, Verdict::Ready) => Msg::MeaningReadyKrav,
        (Basis::Krav, Verdict::ReadyIfAccepted) => Msg::MeaningReadyIfAcceptedKrav,
        (Basis::Krav, Verdict::AlmostReady) => Msg::MeaningAlmostReadyKrav,
        (Basis::Krav, Verdict::NotReady) => Msg::MeaningNotReadyKrav,
        (Basis::Krav, Verdict::Incomplete) => Msg::MeaningIncompleteKrav,
        (Basis::Prerequisite, Verdict::Ready) => Msg::MeaningReadyPrerequisite,
        (Basis::Prerequisite, Verdict::ReadyIfAccepted) => Msg::MeaningReadyIfAcceptedPrerequisite,
        (Basis::Prerequisite, Verdict::AlmostReady) => Msg::MeaningAlmostReadyPrerequisite,
        (Basis::Prerequisite, Verdict::NotReady) => Msg::MeaningNotReadyPrerequisite,
        (Basis::Prerequisite, Verdict::Incomplete) => Msg::MeaningIncompletePrerequisite,
    };
    msg.fill(lang, &[("count", &judgement.reasons_to_accept().len().to_string())])
}

pub fn progress(progress: Progress) -> Msg {
    match progress {
        Progress::NotStarted => Msg::ProgressNotStarted,
        Progress::InProgress => Msg::ProgressInProgress,
        Progress::Answered => Msg::ProgressAnswered,
        Progress::NotRelevant => Msg::ProgressNotRelevant,
    }
}

/// A note on applicability, where there is something to say.
pub fn applicability(applicability: Applicability) -> Option<Msg> {
    match applicability {
        Applicability::DoesNotApply => Some(Msg::DoesNotApply),
        Applicability::Unclear => Some(Msg::AppliesUnclear),
        Applicability::IncludedByUser => Some(Msg::IncludedByUser),
        Applicability::Applies | Applicability::NotRelevant => None,
    }
}

/// The counts as a sentence: "3 opfyldt, 1 delvist opfyldt, …".
pub fn counts(counts: &Counts, lang: Lang) -> String {
    [
        (Msg::CountMet, counts.met),
        (Msg::CountPartlyMet, counts.partly_met),
        (Msg::CountNotMet, counts.not_met),
        (Msg::CountNotRelevant, counts.not_relevant),
        (Msg::CountUnanswered, counts.unanswered),
    ]
    .iter()
    .map(|(msg, n)| msg.fill(lang, &[("n", &n.to_string())]))
    .collect::<Vec<_>>()
    .join(", ")
}

/// A warning as the user reads it.
pub fn warning(catalogue: &Catalogue, warning: &Warning, lang: Lang) -> String {
    let question = |id: &str| catalogue.profile_question(id).map(|q| q.label.get(lang)).unwrap_or_default();
    match &warning.kind {
        WarningKind::MetWithUntickedElements { unticked } => {
            Msg::WarnMetWithUnticked.fill(lang, &[("count", &unticked.to_string())])
        }
        WarningKind::NotMetWithAllElementsTicked => Msg::WarnNotMetAllTicked.get(lang).to_owned(),
        WarningKind::NotRelevantWithoutReason => Msg::WarnNotRelevantNoReason.get(lang).to_owned(),
        WarningKind::NoAction => Msg::WarnNoAction.get(lang).to_owned(),
        WarningKind::ActionWithoutOwner => Msg::WarnNoOwner.get(lang).to_owned(),
        WarningKind::ActionWithoutDeadline => Msg::WarnNoDeadline.get(lang).to_owned(),
        WarningKind::DeadlinePassed { deadline } => Msg::WarnDeadlinePassed.fill(lang, &[("date", deadline)]),
        WarningKind::DeadlineInvalid => Msg::WarnDeadlineInvalid.get(lang).to_owned(),
        WarningKind::IncludedWithoutReason => Msg::WarnIncludedNoReason.get(lang).to_owned(),
        WarningKind::PlanTypeMissing => Msg::WarnPlanTypeMissing.get(lang).to_owned(),
        WarningKind::ProfileQuestionMissing(id) => Msg::WarnQuestionMissing.fill(lang, &[("question", question(id))]),
        WarningKind::ProfileQuestionUnclear(id) => Msg::WarnQuestionUnclear.fill(lang, &[("question", question(id))]),
        WarningKind::ProfileConflict(id) => {
            catalogue.profile_conflict(id).map(|conflict| conflict.text.get(lang)).unwrap_or_default().to_owned()
        }
    }
}

/// Why an import was refused, as the user reads it: what is wrong and where.
/// A refused set of files: the file's name (when several were picked) and its problem.
pub fn file_refused(refused: &super::exchange::FileRefused, lang: Lang) -> String {
    let reason = import_error(&refused.error, lang);
    match &refused.file {
        Some(name) => format!("{name}: {reason}"),
        None => reason,
    }
}

pub fn import_error(error: &super::exchange::ImportError, lang: Lang) -> String {
    use super::exchange::{ImportError, MAX_IMPORT_ASSESSMENTS, MAX_IMPORT_BYTES};
    use super::file_format::SCHEMA_VERSION;
    match error {
        ImportError::TooLarge { bytes } => {
            Msg::ImportTooLarge.fill(lang, &[("size", &kilobytes(*bytes)), ("limit", &kilobytes(MAX_IMPORT_BYTES))])
        }
        ImportError::Empty => Msg::ImportEmpty.get(lang).to_owned(),
        ImportError::NotJson { line, column } => {
            Msg::ImportNotJson.fill(lang, &[("line", &line.to_string()), ("column", &column.to_string())])
        }
        ImportError::WrongFormat => Msg::ImportWrongFormat.get(lang).to_owned(),
        ImportError::NewerSchema(found) => Msg::ImportNewerSchema
            .fill(lang, &[("found", &found.to_string()), ("supported", &SCHEMA_VERSION.to_string())]),
        ImportError::BadSchema => Msg::ImportBadSchema.get(lang).to_owned(),
        ImportError::MigrationFailed { from, reason } => {
            Msg::ImportMigrationFailed.fill(lang, &[("from", &from.to_string()), ("reason", reason)])
        }
        ImportError::Invalid(problem) => problem_text(problem, lang),
        ImportError::NoAssessments => Msg::ImportNoAssessments.get(lang).to_owned(),
        ImportError::TooManyAssessments(n) => {
            Msg::ImportTooMany.fill(lang, &[("count", &n.to_string()), ("limit", &MAX_IMPORT_ASSESSMENTS.to_string())])
        }
        ImportError::DuplicateId(id) => Msg::ImportDuplicateId.fill(lang, &[("id", id)]),
    }
}

/// A content problem (unknown item, value out of range) with the place it was found.
pub fn problem_text(problem: &super::validate::Problem, lang: Lang) -> String {
    use super::validate::ProblemKind;
    let at = if problem.path.is_empty() { Msg::PathTopLevel.get(lang) } else { problem.path.as_str() };
    let (msg, value): (Msg, String) = match &problem.kind {
        ProblemKind::Missing => (Msg::ProblemMissing, String::new()),
        ProblemKind::Blank => (Msg::ProblemBlank, String::new()),
        ProblemKind::UnknownField(name) => (Msg::ProblemUnknownField, name.clone()),
        ProblemKind::Repeated(name) => (Msg::ProblemRepeated, name.clone()),
        ProblemKind::WrongType { expected } => {
            let word = match *expected {
                "object" => Msg::TypeObject,
                "list" => Msg::TypeList,
                _ => Msg::TypeText,
            };
            (Msg::ProblemWrongType, word.get(lang).to_owned())
        }
        ProblemKind::UnknownStatus(value) => (Msg::ProblemUnknownStatus, value.clone()),
        ProblemKind::UnknownChoice { value, expected } => {
            return Msg::ProblemUnknownChoice.fill(lang, &[("value", value), ("at", at), ("choices", expected)]);
        }
        ProblemKind::UnknownCatalogue { id, version } => (Msg::ProblemUnknownCatalogue, format!("{id} {version}")),
        ProblemKind::UnknownItem(id) => (Msg::ProblemUnknownItem, id.clone()),
        ProblemKind::UnknownElement(id) => (Msg::ProblemUnknownElement, id.clone()),
        ProblemKind::UnknownPlanType(id) => (Msg::ProblemUnknownPlanType, id.clone()),
        ProblemKind::UnknownQuestion(id) => (Msg::ProblemUnknownQuestion, id.clone()),
        ProblemKind::UnknownOption(id) => (Msg::ProblemUnknownOption, id.clone()),
        ProblemKind::BadDate(value) => (Msg::ProblemBadDate, value.clone()),
        ProblemKind::BadTimestamp(value) => (Msg::ProblemBadTimestamp, value.clone()),
        ProblemKind::BadId(value) => (Msg::ProblemBadId, value.clone()),
        ProblemKind::TooLong { max } => (Msg::ProblemTooLong, max.to_string()),
        ProblemKind::TooMany { max } => (Msg::ProblemTooMany, max.to_string()),
        ProblemKind::BadPeriod(value) => (Msg::ProblemBadPeriod, value.clone()),
        ProblemKind::NotInFormat(reason) => (Msg::ProblemNotInFormat, reason.clone()),
    };
    msg.fill(lang, &[("value", &value), ("at", at)])
}

fn kilobytes(bytes: usize) -> String {
    format!("{} KB", bytes.div_ceil(1024))
}

/// Why stored data was set aside, in a sentence.
pub fn read_error(error: &super::file_format::ReadError, lang: Lang) -> String {
    use super::file_format::ReadError;
    match error {
        ReadError::NotJson { .. } => Msg::QuarantineNotJson.get(lang).to_owned(),
        ReadError::WrongFormat | ReadError::BadSchema => Msg::QuarantineWrongFormat.get(lang).to_owned(),
        ReadError::NewerSchema(found) => Msg::QuarantineNewer.fill(lang, &[("found", &found.to_string())]),
        ReadError::MigrationFailed { from, reason } => {
            Msg::ImportMigrationFailed.fill(lang, &[("from", &from.to_string()), ("reason", reason)])
        }
        ReadError::Invalid(problem) => problem_text(problem, lang),
    }
}

/// The name an assessment is shown by: its plan's name, or "Unavngiven vurdering".
pub fn display_name(assessment: &Assessment, lang: Lang) -> String {
    assessment.display_name().map(str::to_owned).unwrap_or_else(|| Msg::Untitled.get(lang).to_owned())
}

// --- The kommune's review and its feedback ---

pub fn decision(decision: Option<super::review::Decision>) -> Msg {
    use super::review::Decision;
    match decision {
        Some(Decision::Agree) => Msg::DecisionAgree,
        Some(Decision::Disagree) => Msg::DecisionDisagree,
        Some(Decision::NeedsInformation) => Msg::DecisionNeedsInformation,
        None => Msg::DecisionNone,
    }
}

pub fn reason_decision(decision: Option<super::review::ReasonDecision>) -> Msg {
    use super::review::ReasonDecision;
    match decision {
        Some(ReasonDecision::Accepted) => Msg::ReasonDecisionAccepted,
        Some(ReasonDecision::Rejected) => Msg::ReasonDecisionRejected,
        None => Msg::ReasonDecisionNone,
    }
}

/// The kommune's verdict in a few words; "meets" names what it meets for the plan's basis.
pub fn review_verdict(verdict: super::review::ReviewVerdict, basis: Basis) -> Msg {
    use super::review::ReviewVerdict;
    match (verdict, basis) {
        (ReviewVerdict::Meets, Basis::Prerequisite) => Msg::ReviewVerdictMeetsPrerequisite,
        (ReviewVerdict::Meets, _) => Msg::ReviewVerdictMeetsKrav,
        (ReviewVerdict::Unfinished, _) => Msg::ReviewVerdictUnfinished,
        (ReviewVerdict::DoesNotMeet, _) => Msg::ReviewVerdictDoesNotMeet,
    }
}

/// The sentence under the kommune's verdict (the obstacles are listed after it).
pub fn review_meaning(judgement: &super::review::ReviewJudgement, lang: Lang) -> String {
    use super::review::ReviewVerdict;
    match judgement.verdict {
        ReviewVerdict::Meets => Msg::ReviewMeaningMeets.get(lang).to_owned(),
        ReviewVerdict::Unfinished => {
            Msg::ReviewMeaningUnfinished.fill(lang, &[("count", &judgement.obstacles.len().to_string())])
        }
        ReviewVerdict::DoesNotMeet => Msg::ReviewMeaningDoesNotMeet.get(lang).to_owned(),
    }
}

/// "K9 Sekretariat" for an item.
pub fn item_name(item: &super::catalogue::Item, lang: Lang) -> String {
    format!("{} {}", item.code, item.title.get(lang))
}

pub fn obstacle(obstacle: &super::review::Obstacle, lang: Lang) -> String {
    use super::review::Obstacle;
    let named = |msg: Msg, item| msg.fill(lang, &[("item", &item_name(item, lang))]);
    match obstacle {
        Obstacle::NoPlanType => Msg::ObstacleNoPlanType.get(lang).to_owned(),
        Obstacle::NotDecided(item) => named(Msg::ObstacleNotDecided, item),
        Obstacle::Disagrees(item) => named(Msg::ObstacleDisagrees, item),
        Obstacle::LacksInformation(item) => named(Msg::ObstacleLacksInformation, item),
        Obstacle::AgreedNotMet { item, status: counted } => Msg::ObstacleAgreedNotMet
            .fill(lang, &[("item", &item_name(item, lang)), ("status", status(*counted).get(lang))]),
        Obstacle::ReasonNotDecided(item) => named(Msg::ObstacleReasonNotDecided, item),
        Obstacle::ReasonRejected(item) => named(Msg::ObstacleReasonRejected, item),
    }
}

pub fn review_warning(kind: super::review::ReviewWarningKind) -> Msg {
    use super::review::ReviewWarningKind;
    match kind {
        ReviewWarningKind::CommentMissing => Msg::ReviewWarnCommentMissing,
        ReviewWarningKind::ReasonCommentMissing => Msg::ReviewWarnReasonCommentMissing,
    }
}

/// "9 af 14 gennemgået".
pub fn review_progress(judgement: &super::review::ReviewJudgement, lang: Lang) -> String {
    Msg::ReviewProgress
        .fill(lang, &[("done", &judgement.reviewed.to_string()), ("total", &judgement.total.to_string())])
}

/// Why a feedback file was refused: what is wrong and where.
pub fn feedback_error(error: &super::feedback::FeedbackError, lang: Lang) -> String {
    use super::exchange::MAX_IMPORT_BYTES;
    use super::feedback::{FeedbackError, FEEDBACK_SCHEMA_VERSION};
    use super::file_format::ReadError;
    match error {
        FeedbackError::TooLarge { bytes } => {
            Msg::ImportTooLarge.fill(lang, &[("size", &kilobytes(*bytes)), ("limit", &kilobytes(MAX_IMPORT_BYTES))])
        }
        FeedbackError::Empty => Msg::ImportEmpty.get(lang).to_owned(),
        FeedbackError::AssessmentFile => Msg::FeedbackErrorAssessmentFile.get(lang).to_owned(),
        FeedbackError::Read(ReadError::NotJson { line, column }) => {
            Msg::ImportNotJson.fill(lang, &[("line", &line.to_string()), ("column", &column.to_string())])
        }
        FeedbackError::Read(ReadError::WrongFormat) => Msg::FeedbackErrorWrongFormat.get(lang).to_owned(),
        FeedbackError::Read(ReadError::NewerSchema(found)) => Msg::ImportNewerSchema
            .fill(lang, &[("found", &found.to_string()), ("supported", &FEEDBACK_SCHEMA_VERSION.to_string())]),
        FeedbackError::Read(ReadError::BadSchema) => Msg::ImportBadSchema.get(lang).to_owned(),
        FeedbackError::Read(ReadError::MigrationFailed { from, reason }) => {
            Msg::ImportMigrationFailed.fill(lang, &[("from", &from.to_string()), ("reason", reason)])
        }
        FeedbackError::Read(ReadError::Invalid(problem)) => problem_text(problem, lang),
    }
}

/// Why a feedback was not attached; each ends by saying that nothing changed.
pub fn attach_refusal(refusal: &super::feedback::AttachRefusal, lang: Lang) -> String {
    use super::feedback::AttachRefusal;
    match refusal {
        AttachRefusal::NotHere { assessment_id, plan_name } => {
            let plan = if plan_name.trim().is_empty() { Msg::Untitled.get(lang) } else { plan_name.as_str() };
            Msg::AttachNotHere.fill(lang, &[("plan", plan), ("id", assessment_id)])
        }
        AttachRefusal::OtherCatalogue { reviewed, here } => Msg::AttachOtherCatalogue.fill(
            lang,
            &[
                ("reviewed", &format!("{} {}", reviewed.id, reviewed.version)),
                ("here", &format!("{} {}", here.id, here.version)),
            ],
        ),
        AttachRefusal::AssessmentOlderHere { reviewed, here } => Msg::AttachOlderHere.fill(
            lang,
            &[("reviewed", reviewed.get(..10).unwrap_or(reviewed)), ("here", here.get(..10).unwrap_or(here))],
        ),
        AttachRefusal::OlderThanAttached { attached_issued_at } => Msg::AttachOlderThanAttached
            .fill(lang, &[("date", attached_issued_at.get(..10).unwrap_or(attached_issued_at))]),
    }
}

pub fn attached(attached: &super::feedback::Attached) -> Msg {
    use super::feedback::Attached;
    match attached {
        Attached::New => Msg::AttachedNew,
        Attached::Replaces => Msg::AttachedReplaces,
        Attached::AlreadyAttached => Msg::AttachedAlready,
    }
}

pub fn reason_standing(standing: super::feedback::ReasonStanding) -> Msg {
    use super::feedback::ReasonStanding;
    match standing {
        ReasonStanding::Accepted => Msg::ReasonStandingAccepted,
        ReasonStanding::Rejected => Msg::ReasonStandingRejected,
        ReasonStanding::Undecided => Msg::ReasonStandingUndecided,
        ReasonStanding::AnswerChanged => Msg::ReasonStandingAnswerChanged,
    }
}

/// The verdict's meaning with a feedback attached: where the kommune's decisions changed the
/// verdict, that is what it says; otherwise it is `verdict_meaning`.
pub fn verdict_meaning_with_feedback(with: &super::feedback::WithFeedback, lang: Lang) -> String {
    use super::feedback::ReasonStanding;
    let judgement = &with.judgement;
    if judgement.verdict == with.own_verdict {
        return verdict_meaning(judgement, lang);
    }
    match (judgement.verdict, judgement.basis) {
        (Verdict::Ready, Basis::Prerequisite) => Msg::MeaningAcceptedPrerequisite.get(lang).to_owned(),
        (Verdict::Ready, _) => {
            Msg::MeaningAcceptedKrav.fill(lang, &[("count", &with.count(ReasonStanding::Accepted).to_string())])
        }
        _ => Msg::MeaningRejectedReasons.fill(lang, &[("count", &with.count(ReasonStanding::Rejected).to_string())]),
    }
}
