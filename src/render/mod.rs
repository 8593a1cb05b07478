//! Pages, forms and documents rendered to HTML by plain Rust: the start page, forms, the task
//! list, "check your answers", the report, comparisons and the workshop summary. The UI shows
//! them with `inner_html`; most are made in the worker (`worker`), and the report download
//! reuses them. Rendering here, rather than as Leptos views, keeps the wasm small, and lets
//! native tests check the content and the escaping of everything a user typed.
//!
//! Depends only on `domain`. Links are plain `#/…` hashes, so they need no event handlers.

pub mod answers;
pub mod command;
pub mod data;
pub mod form;
pub mod frame;
pub mod html;
pub mod item;
pub mod overview;
pub mod profile;
pub mod report;
pub mod start;
pub mod workshop;

use crate::domain::assessment::Status;
use crate::domain::engine::{Applicability, ItemState, Judgement, Progress, Verdict};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::wording;
use html::Html;

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
        Verdict::AlmostReady => "verdict verdict--almost",
        Verdict::NotReady => "verdict verdict--not-ready",
        Verdict::Incomplete => "verdict verdict--incomplete",
    }
}

pub fn status_tag(html: &mut Html, status: Status, lang: Lang) {
    html.el("strong", status_class(status), wording::status(status).get(lang));
}

/// The task-list tag of an item: where it stands, or that it does not apply.
pub fn progress_tag(html: &mut Html, state: &ItemState, lang: Lang) {
    let (class, text) = match (state.applicability, state.progress) {
        (Applicability::DoesNotApply, Progress::NotStarted) => ("tag tag--grey", Msg::DoesNotApply.get(lang)),
        (_, Progress::Answered) => (status_class(state.status), wording::status(state.status).get(lang)),
        (_, Progress::NotRelevant) => ("tag tag--blue", Msg::ProgressNotRelevant.get(lang)),
        (_, Progress::InProgress) => ("tag tag--light", Msg::ProgressInProgress.get(lang)),
        (_, Progress::NotStarted) => ("tag tag--outline", Msg::ProgressNotStarted.get(lang)),
    };
    html.el("strong", class, text);
}

/// The verdict badge with its one-sentence meaning and the progress.
pub fn verdict_panel(html: &mut Html, judgement: &Judgement, heading: Msg, lang: Lang) {
    html.open("section", &[("class", Some("verdict-panel")), ("aria-labelledby", Some("verdict-heading"))]);
    html.element(
        "h2",
        &[("id", Some("verdict-heading")), ("class", Some("verdict-panel__heading"))],
        heading.get(lang),
    );
    html.el("p", verdict_class(judgement.verdict), wording::verdict(judgement.verdict).get(lang));
    html.el("p", "verdict-panel__meaning", wording::verdict_meaning(judgement.verdict, judgement.basis).get(lang));
    html.el("p", "verdict-panel__progress", &progress_text(judgement, lang));
    html.close("section");
}

/// The four steps of an assessment, with the current one marked.
pub fn step_indicator(assessment_id: &str, current: usize, lang: Lang) -> String {
    use crate::domain::route::Route;
    let id = || assessment_id.to_owned();
    let steps = [
        (Msg::StepProfile, Route::Profile { id: id() }),
        (Msg::StepItems, Route::Overview { id: id() }),
        (Msg::StepCheck, Route::Check { id: id() }),
        (Msg::StepReport, Route::Report { id: id() }),
    ];
    let mut html = Html::new();
    html.open("nav", &[("class", Some("steps")), ("aria-label", Some(Msg::Steps.get(lang)))]);
    html.open("ol", &[("class", Some("steps__list"))]);
    for (n, (label, route)) in steps.iter().enumerate() {
        let class = match n.cmp(&current) {
            std::cmp::Ordering::Less => "steps__step steps__step--done",
            std::cmp::Ordering::Equal => "steps__step steps__step--current",
            std::cmp::Ordering::Greater => "steps__step",
        };
        let href = route.href();
        html.open("li", &[("class", Some(class))]);
        html.open(
            "a",
            &[
                ("class", Some("steps__link")),
                ("href", Some(&href)),
                ("aria-current", (n == current).then_some("step")),
            ],
        );
        html.element("span", &[("class", Some("steps__number")), ("aria-hidden", Some("true"))], &(n + 1).to_string());
        html.el("span", "steps__label", label.get(lang));
        html.close("a").close("li");
    }
    html.close("ol").close("nav");
    html.finish()
}

/// A page heading, with an optional caption above it.
pub fn heading(caption: Option<&str>, title: &str) -> String {
    let mut html = Html::new();
    if let Some(caption) = caption {
        html.el("p", "caption", caption);
    }
    html.element("h1", &[("tabindex", Some("-1"))], title);
    html.finish()
}

/// A paragraph of lead text.
pub fn lead(text: &str) -> String {
    let mut html = Html::new();
    html.el("p", "lead", text);
    html.finish()
}

/// A row of links styled as buttons: the first is the main one.
pub fn link_buttons(links: &[(String, &str)]) -> String {
    let mut html = Html::new();
    html.open("div", &[("class", Some("button-row"))]);
    for (n, (href, label)) in links.iter().enumerate() {
        let class = if n == 0 { "button" } else { "button button--secondary" };
        html.element("a", &[("class", Some(class)), ("href", Some(href))], label);
    }
    html.close("div");
    html.finish()
}

/// A heading, a text and a link home: for addresses that lead nowhere.
pub fn message(heading: Msg, text: Msg, lang: Lang) -> String {
    let mut html = Html::new();
    html.element("h1", &[("tabindex", Some("-1"))], heading.get(lang));
    html.element("p", &[], text.get(lang));
    html.open("p", &[]).element("a", &[("href", Some("#/"))], Msg::GoToStart.get(lang)).close("p");
    html.finish()
}

/// Where a part made in the background will be: "Indlæser …" until it comes.
pub fn pending(lang: Lang) -> String {
    let mut html = Html::new();
    html.element("p", &[("class", Some("pending")), ("role", Some("status"))], Msg::Loading.get(lang));
    html.finish()
}

/// Why a part made in the background is missing: its own message, or (when there is none,
/// because the background code could not run) a general one.
pub fn part_failed(message: &str, lang: Lang) -> String {
    let text = if message.is_empty() { Msg::PartUnavailable.get(lang) } else { message };
    let mut html = Html::new();
    html.element("p", &[("class", Some("notice notice--error")), ("role", Some("alert"))], text);
    html.finish()
}

/// "3 af 14 besvaret", over the items that count.
pub fn progress_text(judgement: &Judgement, lang: Lang) -> String {
    Msg::ProgressCount
        .fill(lang, &[("done", &judgement.all.answered().to_string()), ("total", &judgement.all.total().to_string())])
}
