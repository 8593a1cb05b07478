//! The kommune's documents: "Kommunens tilbagemelding" (printed, saved as PDF or downloaded as a
//! self-contained HTML file with `report::standalone`), and, on the organisation's side, the
//! dated section "Kommunens afgørelser" and the remark beside an item's answer.
//!
//! The content comes from `review::judge_review` and `feedback::judge_with_feedback`; nothing
//! here decides anything.

use super::html::{Html, Markup};
use super::names::{period, slug};
use super::status_tag;
use crate::domain::assessment::Answer;
use crate::domain::catalogue::Catalogue;
use crate::domain::engine::{Applicability, Basis};
use crate::domain::feedback::{Feedback, ItemFeedback, Remark, WithFeedback};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::review::{Decision, ItemReviewState, ReasonDecision, Review, ReviewJudgement, ReviewVerdict};
use crate::domain::wording;

pub fn review_verdict_class(verdict: ReviewVerdict) -> &'static str {
    match verdict {
        ReviewVerdict::Meets => "verdict verdict--ready",
        ReviewVerdict::Unfinished => "verdict verdict--incomplete",
        ReviewVerdict::DoesNotMeet => "verdict verdict--not-ready",
    }
}

/// A mark beside the verdict, so it reads without colour.
fn review_verdict_mark(verdict: ReviewVerdict) -> &'static str {
    match verdict {
        ReviewVerdict::Meets => "✓",
        ReviewVerdict::Unfinished => "?",
        ReviewVerdict::DoesNotMeet => "✗",
    }
}

pub fn decision_class(decision: Option<Decision>) -> &'static str {
    match decision {
        Some(Decision::Agree) => "tag tag--green",
        Some(Decision::Disagree) => "tag tag--red",
        Some(Decision::NeedsInformation) => "tag tag--yellow",
        None => "tag tag--grey",
    }
}

pub fn reason_decision_class(decision: Option<ReasonDecision>) -> &'static str {
    match decision {
        Some(ReasonDecision::Accepted) => "tag tag--green",
        Some(ReasonDecision::Rejected) => "tag tag--red",
        None => "tag tag--grey",
    }
}

fn or_untitled(name: &str, lang: Lang) -> String {
    if name.trim().is_empty() {
        Msg::Untitled.get(lang).to_owned()
    } else {
        name.to_owned()
    }
}

fn or_missing(text: &str, lang: Lang) -> String {
    if text.trim().is_empty() {
        Msg::NotFilledIn.get(lang).to_owned()
    } else {
        text.to_owned()
    }
}

/// The plan's name as the organisation wrote it, or "Unavngiven plan".
pub fn plan_name(review: &Review, lang: Lang) -> String {
    or_untitled(&review.assessment.profile.plan_name, lang)
}

/// The kommune's verdict: badge, meaning, what stands in the way, and the progress.
pub fn review_verdict_panel(html: &mut Html, judgement: &ReviewJudgement, heading: &'static str, lang: Lang) {
    html.open(
        "section",
        &[("class", Some("report__section report__verdict")), ("aria-labelledby", Some("feedback-verdict"))],
    );
    html.element(heading, &[("id", Some("feedback-verdict"))], Msg::FeedbackVerdictHeading.get(lang));
    html.open(
        "p",
        &[("class", Some(review_verdict_class(judgement.verdict))), ("data-level", Some(judgement.verdict.key()))],
    );
    html.element("span", &[("aria-hidden", Some("true"))], review_verdict_mark(judgement.verdict)).raw(" ");
    html.text(wording::review_verdict(judgement.verdict, judgement.basis).get(lang)).close("p");
    html.el("p", "report__meaning", &wording::review_meaning(judgement, lang));
    let decided: Vec<_> = judgement.obstacles.iter().filter(|o| !o.is_undecided()).collect();
    if judgement.verdict == ReviewVerdict::DoesNotMeet {
        html.open("ul", &[("class", Some("feedback__obstacles"))]);
        for obstacle in decided {
            html.element("li", &[], &wording::obstacle(obstacle, lang));
        }
        html.close("ul");
    }
    html.el("p", "verdict-panel__progress", &wording::review_progress(judgement, lang));
    html.close("section");
}

/// "Kommunens tilbagemelding" as an `<article>`, for the screen, the printout and the file.
/// `today` (`YYYY-MM-DD`) dates the printout.
pub fn feedback_document(
    catalogue: &Catalogue,
    review: &Review,
    judgement: &ReviewJudgement,
    today: &str,
    lang: Lang,
) -> Markup {
    let name = plan_name(review, lang);
    let mut html = Html::new();
    html.open("article", &[("class", Some("report feedback")), ("lang", Some(lang.code()))]);
    title_block(&mut html, catalogue, review, &name, today, lang);
    review_verdict_panel(&mut html, judgement, "h2", lang);

    html.open("section", &[("class", Some("report__section")), ("aria-labelledby", Some("feedback-items"))]);
    html.element("h2", &[("id", Some("feedback-items"))], Msg::FeedbackItemsHeading.get(lang));
    if judgement.basis == Basis::Prerequisite {
        html.element("p", &[], Msg::ReportGoodPractice.get(lang));
    }
    item_table(&mut html, review, judgement, lang);
    html.close("section");

    reasons(&mut html, review, judgement, lang);
    html.close("article");
    html.finish()
}

fn title_block(html: &mut Html, catalogue: &Catalogue, review: &Review, name: &str, today: &str, lang: Lang) {
    let a = &review.assessment;
    html.open("header", &[("class", Some("report__title"))]);
    html.element("h1", &[("tabindex", Some("-1"))], &Msg::FeedbackTitle.fill(lang, &[("plan", name)]));
    html.open("dl", &[("class", Some("report__facts"))]);
    let mut fact = |label: &str, value: &str| {
        html.open("div", &[]).element("dt", &[], label).element("dd", &[], value).close("div");
    };
    fact(Msg::FieldPlanName.get(lang), &or_missing(&a.profile.plan_name, lang));
    if !review.plan_reference.trim().is_empty() {
        fact(Msg::FeedbackPlanReference.get(lang), &review.plan_reference);
    }
    fact(Msg::FieldOrganisation.get(lang), &or_missing(&a.profile.organisation, lang));
    let plan_type = a
        .profile
        .plan_type
        .as_deref()
        .and_then(|id| catalogue.plan_type(id))
        .map_or_else(|| Msg::NotChosen.get(lang).to_owned(), |t| t.name.get(lang).to_owned());
    fact(Msg::FieldPlanType.get(lang), &plan_type);
    fact(Msg::FeedbackCaseworker.get(lang), &or_missing(&review.caseworker, lang));
    fact(Msg::FeedbackReviewDate.get(lang), &or_missing(&review.date, lang));
    let assessed = Msg::FeedbackAssessmentDateValue.fill(
        lang,
        &[("date", &or_missing(&a.profile.date, lang)), ("changed", a.updated_at.get(..10).unwrap_or(&a.updated_at))],
    );
    fact(Msg::FeedbackAssessmentDate.get(lang), &assessed);
    let judged_against = Msg::ReportCatalogue
        .fill(lang, &[("title", catalogue.title.get(lang)), ("id", catalogue.id), ("version", &a.catalogue.version)]);
    fact(Msg::ReportJudgedAgainst.get(lang), &judged_against);
    fact(Msg::ReportPeriod.get(lang), &period(catalogue));
    html.close("dl");
    html.el("p", "report__printed", &Msg::ReportCreated.fill(lang, &[("date", today)]));
    html.close("header");
}

fn decision_tag(html: &mut Html, decision: Option<Decision>, lang: Lang) {
    html.el("strong", decision_class(decision), wording::decision(decision).get(lang));
}

fn reason_tag(html: &mut Html, decision: Option<ReasonDecision>, lang: Lang) {
    html.el("strong", reason_decision_class(decision), wording::reason_decision(decision).get(lang));
}

fn item_table(html: &mut Html, review: &Review, judgement: &ReviewJudgement, lang: Lang) {
    html.open("table", &[("class", Some("report-table feedback-table"))]);
    html.open("thead", &[]).open("tr", &[]);
    for heading in
        [Msg::ColCode, Msg::ColTitle, Msg::FeedbackColAnswer, Msg::FeedbackColDecision, Msg::FeedbackColComment]
    {
        html.element("th", &[("scope", Some("col"))], heading.get(lang));
    }
    html.close("tr").close("thead").open("tbody", &[]);
    let blank = Answer::default();
    for state in judgement.in_scope() {
        let item = state.item;
        let answer = review.assessment.answer(item.id).unwrap_or(&blank);
        let given = review.item(item.id);
        html.open("tr", &[("data-item", Some(item.id))]);
        html.element("th", &[("scope", Some("row"))], item.code);
        html.element("td", &[], item.title.get(lang));
        html.open("td", &[]);
        status_tag(html, answer.status, lang);
        html.close("td");
        html.open("td", &[]);
        if state.asks_decision {
            decision_tag(html, state.decision, lang);
        }
        if state.asks_reason {
            reason_tag(html, state.reason_decision, lang);
        }
        html.close("td");
        html.open("td", &[("class", Some("report-table__text"))]);
        if let Some(given) = given {
            if state.decision.is_some() && !given.comment.trim().is_empty() {
                html.el("p", "feedback__comment", &given.comment);
            }
            if state.reason_decision.is_some() && !given.reason_comment.trim().is_empty() {
                html.el("p", "feedback__comment", &given.reason_comment);
            }
        }
        for warning in judgement.warnings_for(item.id) {
            html.el("p", "feedback__warning", wording::review_warning(warning.kind).get(lang));
        }
        html.close("td");
        html.close("tr");
    }
    html.close("tbody").close("table");
}

fn reason_entry(html: &mut Html, review: &Review, state: &ItemReviewState, lang: Lang) {
    let label = match state.state.applicability {
        Applicability::IncludedByUser => Msg::FeedbackIncludedAnyway,
        _ => Msg::ReasonLabel,
    };
    html.open("li", &[("data-item", Some(state.item.id))]);
    html.el("span", "code", state.item.code).raw(" ").text(state.item.title.get(lang)).raw(" ");
    html.el("span", "reasons__label", &format!("({})", label.get(lang))).raw(": ");
    html.el("q", "reasons__reason", state.state.reason.as_deref().unwrap_or_default());
    let comment = review.item(state.item.id).map(|r| r.reason_comment.as_str()).unwrap_or_default();
    if state.reason_decision == Some(ReasonDecision::Rejected) && !comment.trim().is_empty() {
        html.el("p", "feedback__comment", comment);
    }
    html.close("li");
}

fn reasons(html: &mut Html, review: &Review, judgement: &ReviewJudgement, lang: Lang) {
    html.open("section", &[("class", Some("report__section")), ("aria-labelledby", Some("feedback-reasons"))]);
    html.element("h2", &[("id", Some("feedback-reasons"))], Msg::FeedbackReasonsHeading.get(lang));
    let all: Vec<&ItemReviewState> = judgement.reasons().collect();
    if all.is_empty() {
        html.element("p", &[], Msg::FeedbackNoReasons.get(lang));
    }
    let groups = [
        (Some(ReasonDecision::Accepted), Msg::FeedbackReasonsAccepted, "feedback-reasons-accepted"),
        (Some(ReasonDecision::Rejected), Msg::FeedbackReasonsRejected, "feedback-reasons-rejected"),
        (None, Msg::ReasonDecisionNone, "feedback-reasons-undecided"),
    ];
    for (decision, heading, id) in groups {
        let these: Vec<&&ItemReviewState> = all.iter().filter(|s| s.reason_decision == decision).collect();
        if these.is_empty() {
            continue;
        }
        html.open("div", &[("class", Some("feedback__reasons")), ("id", Some(id))]);
        html.element("h3", &[], heading.get(lang));
        html.open("ul", &[("class", Some("reasons__list"))]);
        for state in these {
            reason_entry(html, review, state, lang);
        }
        html.close("ul").close("div");
    }
    html.close("section");
}

/// The file name of the printed feedback: the plan's name in plain letters, and the date.
pub fn feedback_html_file_name(plan: &str, today: &str) -> String {
    format!("kommunens-tilbagemelding-{}-{today}.html", slug(plan))
}

/// The file name of the feedback file for the organisation.
pub fn feedback_json_file_name(plan: &str, today: &str) -> String {
    format!("kommunens-tilbagemelding-{}-{today}.json", slug(plan))
}

// --- The organisation's side ---------------------------------------------------------------------

/// The kommune's remark beside the organisation's own answer on an item's page ("Kommunens
/// bemærkning"), saying when it was about an earlier answer.
pub fn remark(html: &mut Html, remark: &Remark, heading: &'static str, lang: Lang) {
    let f = &remark.feedback;
    html.open("div", &[("class", Some("remark")), ("data-item", Some(remark.item.id))]);
    html.element(heading, &[("class", Some("remark__heading"))], Msg::RemarkHeading.get(lang));
    if remark.about_earlier_answer {
        html.open("div", &[("class", Some("notice notice--warning remark__earlier"))]);
        html.element("p", &[], Msg::RemarkAboutEarlierAnswer.get(lang));
        html.element(
            "p",
            &[],
            &Msg::RemarkEarlierAnswer.fill(lang, &[("status", wording::status(f.reviewed.status).get(lang))]),
        );
        html.close("div");
    }
    remark_decisions(html, f, lang);
    html.close("div");
}

fn remark_decisions(html: &mut Html, f: &ItemFeedback, lang: Lang) {
    if f.decision.is_some() {
        html.open("p", &[("class", Some("remark__decision"))]);
        decision_tag(html, f.decision, lang);
        html.close("p");
        if !f.comment.trim().is_empty() {
            html.el("p", "feedback__comment", &f.comment);
        }
    }
    if f.reason_decision.is_some() {
        html.open("p", &[("class", Some("remark__decision"))]);
        reason_tag(html, f.reason_decision, lang);
        html.close("p");
        if !f.reason_comment.trim().is_empty() {
            html.el("p", "feedback__comment", &f.reason_comment);
        }
    }
}

/// An item's remark as a document of its own (for the item page).
pub fn remark_markup(remark_: &Remark, lang: Lang) -> Markup {
    let mut html = Html::new();
    remark(&mut html, remark_, "h2", lang);
    html.finish()
}

/// "Kommunens afgørelser": the kommune's verdict as it wrote it, and every remark, what it asks
/// for first, dated. The organisation's report shows it when a feedback is attached.
pub fn decisions_section(html: &mut Html, feedback: &Feedback, with: &WithFeedback, heading: &'static str, lang: Lang) {
    html.open("section", &[("class", Some("report__section decisions")), ("aria-labelledby", Some("decisions"))]);
    html.element(heading, &[("id", Some("decisions"))], Msg::DecisionsHeading.get(lang));
    let date = if feedback.date.is_empty() { feedback.issued_at.get(..10).unwrap_or_default() } else { &feedback.date };
    let changed = feedback.assessment.updated_at.get(..10).unwrap_or_default();
    html.el(
        "p",
        "decisions__dated",
        &Msg::DecisionsIntro.fill(
            lang,
            &[("caseworker", &or_missing(&feedback.caseworker, lang)), ("date", date), ("changed", changed)],
        ),
    );
    html.open(
        "p",
        &[("class", Some(review_verdict_class(feedback.verdict))), ("data-level", Some(feedback.verdict.key()))],
    );
    html.element("span", &[("aria-hidden", Some("true"))], review_verdict_mark(feedback.verdict)).raw(" ");
    html.text(wording::review_verdict(feedback.verdict, with.judgement.basis).get(lang)).close("p");
    if with.remarks.is_empty() {
        html.element("p", &[], Msg::DecisionsNoRemarks.get(lang));
    } else {
        html.open("ul", &[("class", Some("decisions__list"))]);
        for r in &with.remarks {
            html.open("li", &[("data-item", Some(r.item.id)), ("class", r.asks.then_some("decisions__asks"))]);
            html.open("p", &[("class", Some("decisions__item"))]);
            html.el("span", "code", r.item.code).raw(" ").text(r.item.title.get(lang)).close("p");
            if r.about_earlier_answer {
                html.el("p", "decisions__earlier", Msg::RemarkAboutEarlierAnswer.get(lang));
            }
            remark_decisions(html, &r.feedback, lang);
            html.close("li");
        }
        html.close("ul");
    }
    if !with.reasons.is_empty() {
        html.open("ul", &[("class", Some("decisions__reasons"))]);
        for (item, standing) in &with.reasons {
            html.open("li", &[("data-item", Some(item.id))]);
            html.el("span", "code", item.code).raw(" ").text(item.title.get(lang)).raw(": ");
            html.text(wording::reason_standing(*standing).get(lang)).close("li");
        }
        html.close("ul");
    }
    html.close("section");
}

/// `decisions_section` as a document of its own (for the overview).
pub fn decisions(feedback: &Feedback, with: &WithFeedback, lang: Lang) -> Markup {
    let mut html = Html::new();
    decisions_section(&mut html, feedback, with, "h2", lang);
    html.finish()
}
