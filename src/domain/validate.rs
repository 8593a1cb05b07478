//! Checks that an assessment is within the schema and refers only to what its catalogue has.
//! Everything read from storage or from a file passes through here before the app uses it.

use super::assessment::Assessment;
use super::catalogue::{self, Catalogue};
use super::date;

/// Longest accepted one-line text (names, owner, where documented).
pub const MAX_SHORT_TEXT: usize = 500;
/// Longest accepted free text (notes, reasons, actions).
pub const MAX_LONG_TEXT: usize = 20_000;
/// Longest accepted id of an assessment.
pub const MAX_ID: usize = 64;

/// What is wrong, and where (a JSON path such as `assessments[0].answers.sekretariat.status`;
/// empty for the top level of the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    Missing,
    /// A text that is there but blank where it must say something (the comment of "Andet").
    Blank,
    /// A field the format does not have.
    UnknownField(String),
    /// A field, key or list value that appears twice.
    Repeated(String),
    /// A value of the wrong type: `object`, `text` or `list`.
    WrongType {
        expected: &'static str,
    },
    UnknownStatus(String),
    /// A value that is none of the choices a field allows (a decision of the kommune's review),
    /// with the choices, comma-separated.
    UnknownChoice {
        value: String,
        expected: String,
    },
    UnknownCatalogue {
        id: String,
        version: String,
    },
    UnknownItem(String),
    UnknownElement(String),
    UnknownPlanType(String),
    UnknownQuestion(String),
    UnknownOption(String),
    BadDate(String),
    BadTimestamp(String),
    BadId(String),
    TooLong {
        max: usize,
    },
    /// More entries in a list than the format allows.
    TooMany {
        max: usize,
    },
    /// Not a period (`2027-H1`, `2027-H2` or `2027`).
    BadPeriod(String),
    /// Anything else the reader refuses, in serde's words (not expected from files this app or
    /// a careful tool wrote; the path still says where).
    NotInFormat(String),
}

impl Problem {
    pub fn at(path: &str, kind: ProblemKind) -> Problem {
        Problem { path: path.to_owned(), kind }
    }
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub fn validate_assessment(a: &Assessment, path: &str) -> Result<(), Problem> {
    let fail = |field: &str, kind| Err(Problem::at(&format!("{path}.{field}"), kind));
    if !is_valid_id(&a.id) {
        return fail("id", ProblemKind::BadId(a.id.clone()));
    }
    let Some(catalogue) = catalogue::find(&a.catalogue.id).filter(|c| c.reads_version(&a.catalogue.version)) else {
        return fail(
            "catalogue",
            ProblemKind::UnknownCatalogue { id: a.catalogue.id.clone(), version: a.catalogue.version.clone() },
        );
    };
    for (field, stamp) in [("createdAt", &a.created_at), ("updatedAt", &a.updated_at)] {
        if !date::is_timestamp(stamp) {
            return fail(field, ProblemKind::BadTimestamp(stamp.clone()));
        }
    }
    validate_profile(catalogue, a, &format!("{path}.profile"))?;
    for (item_id, answer) in &a.answers {
        let at = format!("{path}.answers.{item_id}");
        let Some(item) = catalogue.item(item_id) else {
            return Err(Problem::at(&format!("{path}.answers"), ProblemKind::UnknownItem(item_id.clone())));
        };
        if let Some(unknown) = answer.elements.iter().find(|e| item.element(e).is_none()) {
            return Err(Problem::at(&format!("{at}.elements"), ProblemKind::UnknownElement(unknown.clone())));
        }
        let deadline = &answer.action.deadline;
        if !deadline.is_empty() && !date::is_iso_date(deadline) {
            return Err(Problem::at(&format!("{at}.action.deadline"), ProblemKind::BadDate(deadline.clone())));
        }
        let texts = [
            ("documentedIn", &answer.documented_in, MAX_SHORT_TEXT),
            ("action.owner", &answer.action.owner, MAX_SHORT_TEXT),
            ("notes", &answer.notes, MAX_LONG_TEXT),
            ("notRelevantReason", &answer.not_relevant_reason, MAX_LONG_TEXT),
            ("action.description", &answer.action.description, MAX_LONG_TEXT),
        ];
        check_lengths(&at, &texts)?;
        if let Some(reason) = &answer.included_anyway {
            check_lengths(&at, &[("includedAnyway", reason, MAX_LONG_TEXT)])?;
        }
        check_lengths(
            &at,
            &[
                ("evidencePlace", &answer.evidence_place, MAX_SHORT_TEXT),
                ("evidenceQuote", &answer.evidence_quote, MAX_SHORT_TEXT),
            ],
        )?;
    }
    Ok(())
}

fn validate_profile(catalogue: &Catalogue, a: &Assessment, at: &str) -> Result<(), Problem> {
    let profile = &a.profile;
    if let Some(plan_type) = &profile.plan_type {
        if catalogue.plan_type(plan_type).is_none() {
            return Err(Problem::at(&format!("{at}.planType"), ProblemKind::UnknownPlanType(plan_type.clone())));
        }
    }
    for (question_id, option_id) in &profile.conditions {
        let Some(question) = catalogue.profile_question(question_id) else {
            return Err(Problem::at(&format!("{at}.conditions"), ProblemKind::UnknownQuestion(question_id.clone())));
        };
        if !question.options.iter().any(|o| o.id == option_id.as_str()) {
            return Err(Problem::at(
                &format!("{at}.conditions.{question_id}"),
                ProblemKind::UnknownOption(option_id.clone()),
            ));
        }
    }
    if !profile.date.is_empty() && !date::is_iso_date(&profile.date) {
        return Err(Problem::at(&format!("{at}.date"), ProblemKind::BadDate(profile.date.clone())));
    }
    check_lengths(
        at,
        &[
            ("planName", &profile.plan_name, MAX_SHORT_TEXT),
            ("organisation", &profile.organisation, MAX_SHORT_TEXT),
            ("housingArea", &profile.housing_area, MAX_SHORT_TEXT),
            ("assessor", &profile.assessor, MAX_SHORT_TEXT),
        ],
    )
}

fn check_lengths(at: &str, texts: &[(&str, &String, usize)]) -> Result<(), Problem> {
    for (field, text, max) in texts {
        if text.chars().count() > *max {
            return Err(Problem::at(&format!("{at}.{field}"), ProblemKind::TooLong { max: *max }));
        }
    }
    Ok(())
}
