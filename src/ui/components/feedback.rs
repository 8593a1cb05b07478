//! The kommune's feedback on the organisation's side: importing the file ("Dine data"), the
//! kommune's remark beside an item's answer, and its decisions on the overview. What a feedback
//! means for the verdict is decided by `domain::feedback`.

use leptos::prelude::*;

use crate::browser::files;
use crate::browser::storage::AttachProblem;
use crate::domain::assessment::Assessment;
use crate::domain::catalogue::Catalogue;
use crate::domain::engine::Judgement;
use crate::domain::exchange::MAX_IMPORT_BYTES;
use crate::domain::feedback::{self, Feedback, FeedbackError, WithFeedback};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::wording;
use crate::render;
use crate::render::html::Markup;
use crate::ui::components::document::Document;
use crate::ui::components::drop_zone::DropZone;
use crate::ui::focus;
use crate::ui::stores::{Assessments, Feedbacks, Notices, Settings};

/// "Kommunens tilbagemelding" on "Dine data": the file is read and checked completely, then
/// attached to the assessment it answers, or refused with nothing changed.
#[component]
pub fn FeedbackImport() -> impl IntoView {
    let (feedbacks, assessments, notices) =
        (expect_context::<Feedbacks>(), expect_context::<Assessments>(), expect_context::<Notices>());
    let lang = expect_context::<Settings>().lang();
    let outcome = RwSignal::new(None::<(bool, String)>);
    let on_files = Callback::new(move |picked: Vec<web_sys::File>| {
        let Some(file) = picked.into_iter().next() else { return };
        leptos::task::spawn_local(async move {
            let read = if file.size() as usize > MAX_IMPORT_BYTES {
                Err(FeedbackError::TooLarge { bytes: file.size() as usize })
            } else {
                feedback::read_feedback(&files::read_text(&file).await.unwrap_or_default())
            };
            let said = match read {
                Err(error) => (
                    false,
                    format!("{} {}", wording::feedback_error(&error, lang), Msg::ImportNothingChanged.get(lang)),
                ),
                Ok(feedback) => {
                    let here: Vec<Assessment> = assessments.with(|list| list.to_vec());
                    match feedbacks.attach(feedback, &here) {
                        Ok(attached) => (true, wording::attached(&attached).get(lang).to_owned()),
                        Err(AttachProblem::Refused(refusal)) => (false, wording::attach_refusal(&refusal, lang)),
                        Err(AttachProblem::Storage(_)) => (false, Msg::NoticeSaveFailed.get(lang).to_owned()),
                    }
                }
            };
            notices.announce(said.1.clone());
            outcome.set(Some(said));
            focus::when_shown("feedback-outcome");
        });
    });
    view! {
        <section aria-labelledby="data-feedback">
            <h2 id="data-feedback">{Msg::FeedbackDocumentName.get(lang)}</h2>
            <p>{Msg::FeedbackImportIntro.get(lang)}</p>
            <DropZone id="feedback-file" label=Msg::FeedbackImportPick.get(lang) hint=Msg::FeedbackImportHint.get(lang)
                accept=".json,application/json" on_files/>
            {move || outcome.get().map(|(attached, text)| view! {
                <div id="feedback-outcome" tabindex="-1"
                    class=if attached { "notice notice--success" } else { "notice notice--error" }>
                    {(!attached).then(|| view! { <p><strong>{Msg::ImportRefused.get(lang)}</strong></p> })}
                    <p>{text}</p>
                </div>
            })}
        </section>
    }
}

/// The kommune's feedback attached to the assessment on screen, judged: what `use_judged` keeps.
type JudgedFeedback = Memo<Option<(Feedback, WithFeedback)>>;

/// "Kommunens bemærkning" beside the organisation's own answer to an item, when the attached
/// feedback says something about it.
#[component]
pub fn KommuneRemark(feedback: JudgedFeedback, item: &'static str) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let markup = Signal::derive(move || {
        feedback
            .with(|f| {
                f.as_ref().and_then(|(_, with)| with.remark(item)).map(|r| render::review::remark_markup(r, lang))
            })
            .unwrap_or_default()
    });
    view! { <Document markup/> }
}

/// The kommune's decisions on the overview, when a feedback is attached: the verdict with the
/// reasons the kommune accepted, and "Kommunens afgørelser", what it asks for first.
#[component]
pub fn KommuneDecisions(feedback: JudgedFeedback) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let markup = Signal::derive(move || {
        feedback.with(|f| f.as_ref().map(|(f, with)| render::review::decisions(f, with, lang))).unwrap_or_default()
    });
    view! { <Document markup/> }
}

/// The report of an assessment, with the kommune's decisions when a feedback is attached (as
/// `use_judged` judged it).
pub fn report(
    catalogue: &'static Catalogue,
    assessment: &Assessment,
    judgement: &Judgement,
    feedback: Option<&(Feedback, WithFeedback)>,
    today: &str,
    lang: Lang,
) -> Markup {
    match feedback {
        Some((f, with)) => render::report::report_with_feedback(catalogue, assessment, with, f, today, lang),
        None => render::report::report(catalogue, assessment, judgement, today, lang),
    }
}
