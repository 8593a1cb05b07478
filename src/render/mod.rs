//! Read-only documents rendered to HTML by plain Rust: "check your answers", the report (also
//! downloaded as a file), the comparison, the workshop summary and the catalogue's quoted texts.
//! Each is `Markup`, escaped by construction, which the UI shows through its one `Document`
//! component. Native tests check their content and that nothing typed becomes markup.
//!
//! Depends only on `domain`. Links are plain `#/…` hashes, so they need no event handlers.

pub mod answers;
pub mod evaluation;
pub mod html;
pub mod item;
pub mod names;
pub mod report;
pub mod review;
pub mod workshop;

use crate::domain::assessment::Status;
use crate::domain::catalogue::Catalogue;
use crate::domain::engine::{Applicability, ItemState, Judgement, Progress, Verdict};
use crate::domain::feedback::WithFeedback;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::wording;
use html::{Html, Markup};

pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::Unanswered => "tag tag--grey",
        Status::Met => "tag tag--green",
        Status::PartlyMet => "tag tag--yellow",
        Status::NotMet => "tag tag--red",
        Status::NotRelevant => "tag tag--blue",
    }
}

pub fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Ready => "verdict verdict--ready",
        Verdict::ReadyIfAccepted => "verdict verdict--ready-if-accepted",
        Verdict::AlmostReady => "verdict verdict--almost",
        Verdict::NotReady => "verdict verdict--not-ready",
        Verdict::Incomplete => "verdict verdict--incomplete",
    }
}

pub fn status_tag(html: &mut Html, status: Status, lang: Lang) {
    html.el("strong", status_class(status), wording::status(status).get(lang));
}

/// The task-list tag of an item (its class and text): where it stands, or that it does not apply.
pub fn progress_tag(state: &ItemState, lang: Lang) -> (&'static str, &'static str) {
    match (state.applicability, state.progress) {
        (Applicability::DoesNotApply, Progress::NotStarted) => ("tag tag--grey", Msg::DoesNotApply.get(lang)),
        (_, Progress::Answered) => (status_class(state.status), wording::status(state.status).get(lang)),
        (_, Progress::NotRelevant) => ("tag tag--blue", Msg::ProgressNotRelevant.get(lang)),
        (_, Progress::InProgress) => ("tag tag--light", Msg::ProgressInProgress.get(lang)),
        (_, Progress::NotStarted) => ("tag tag--outline", Msg::ProgressNotStarted.get(lang)),
    }
}

/// The verdict badge with its one-sentence meaning and the progress.
pub fn verdict_panel(html: &mut Html, judgement: &Judgement, meaning: &str, heading: Msg, lang: Lang) {
    html.open("section", &[("class", Some("verdict-panel")), ("aria-labelledby", Some("verdict-heading"))]);
    html.element(
        "h2",
        &[("id", Some("verdict-heading")), ("class", Some("verdict-panel__heading"))],
        heading.get(lang),
    );
    html.element(
        "p",
        &[("class", Some(verdict_class(judgement.verdict))), ("data-level", Some(judgement.verdict.key()))],
        wording::verdict(judgement.verdict).get(lang),
    );
    html.el("p", "verdict-panel__meaning", meaning);
    html.el("p", "verdict-panel__progress", &progress_text(judgement, lang));
    html.close("section");
}

/// The verdict so far, and the profile's warnings (overview and check pages). With the kommune's
/// feedback attached (`with`), the verdict is the one that counts the reasons it accepted
/// (`feedback::judge_with_feedback`), and its meaning says so.
pub fn overview_summary(
    catalogue: &Catalogue,
    judgement: &Judgement,
    with: Option<&WithFeedback>,
    lang: Lang,
) -> Markup {
    let (judgement, meaning) = match with {
        Some(with) => (&with.judgement, wording::verdict_meaning_with_feedback(with, lang)),
        None => (judgement, wording::verdict_meaning(judgement, lang)),
    };
    let mut html = Html::new();
    html.open("div", &[("class", Some("overview-summary"))]);
    verdict_panel(&mut html, judgement, &meaning, Msg::CurrentVerdict, lang);
    html.close("div");
    let warnings: Vec<String> = judgement.profile_warnings().map(|w| wording::warning(catalogue, w, lang)).collect();
    if !warnings.is_empty() {
        html.open("div", &[("class", Some("notice notice--warning"))]).open("ul", &[]);
        for warning in &warnings {
            html.element("li", &[], warning);
        }
        html.close("ul").close("div");
    }
    html.finish()
}

/// "3 af 14 besvaret", over the items that count.
pub fn progress_text(judgement: &Judgement, lang: Lang) -> String {
    Msg::ProgressCount
        .fill(lang, &[("done", &judgement.all.answered().to_string()), ("total", &judgement.all.total().to_string())])
}

/// The deciding items marked "Ikke relevant", each with its reason: the kommune has to accept
/// these before the plan is ready, so they stand out (report and check page).
pub fn reasons_to_accept(html: &mut Html, judgement: &Judgement, heading_level: &'static str, lang: Lang) {
    let reasons = judgement.reasons_to_accept();
    if reasons.is_empty() {
        return;
    }
    html.open("section", &[("class", Some("reasons")), ("aria-labelledby", Some("reasons-heading"))]);
    html.element(heading_level, &[("id", Some("reasons-heading"))], Msg::ReasonsHeading.get(lang));
    html.element("p", &[], &Msg::ReasonsIntro.fill(lang, &[("count", &reasons.len().to_string())]));
    html.open("ul", &[("class", Some("reasons__list"))]);
    for state in reasons {
        html.open("li", &[]).el("span", "code", state.item.code).raw(" ").text(state.item.title.get(lang)).raw(": ");
        html.el("q", "reasons__reason", state.reason.as_deref().unwrap_or_default()).close("li");
    }
    html.close("ul").close("section");
}
