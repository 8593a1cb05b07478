//! "Læs jeres plan": the user gives the tool the plan itself (a file, or pasted text); the
//! scanner worker reads and ranks it, and the result is kept in IndexedDB for the assessment.
//! Item pages and the overview then show where the plan seems to address each item.

use leptos::html;
use leptos::prelude::*;

use crate::browser::files;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::scan::protocol::Request;
use crate::scan::PlanScan;
use crate::ui::components::drop_zone::DropZone;
use crate::ui::components::frame::{LinkButtons, Steps};
use crate::ui::components::missing_items::MissingItems;
use crate::ui::focus;
use crate::ui::hooks::{use_assessment, use_missing_items, use_plan};
use crate::ui::plan_reading::{self, PLAN_FILES};
use crate::ui::stores::plans::PlanState;
use crate::ui::stores::{Notices, Plans, Settings};

/// What the page is doing.
#[derive(Clone, Debug, PartialEq)]
enum Reading {
    Idle,
    Busy,
    /// The last attempt failed; why.
    Failed(String),
}

#[component]
pub fn PlanPage(id: String) -> impl IntoView {
    let (plans, notices) = (expect_context::<Plans>(), expect_context::<Notices>());
    let lang = expect_context::<Settings>().lang();
    let plan = use_plan(&id);
    let (_, judgement) = use_assessment(&id);
    let missing = use_missing_items(plan, judgement);
    let reading = RwSignal::new(Reading::Idle);
    let pasted: NodeRef<html::Textarea> = NodeRef::new();
    let fail = move |text: String| {
        notices.announce(text.clone());
        reading.set(Reading::Failed(text));
        focus::when_shown("plan-status");
    };
    // Reads the plan in the scanner worker, keeps it, and says what it found.
    let read = {
        let id = id.clone();
        Callback::new(move |request: Request<js_sys::Uint8Array>| {
            let id = id.clone();
            reading.set(Reading::Busy);
            notices.announce(Msg::PlanReading.get(lang));
            leptos::task::spawn_local(async move {
                let scan = match plan_reading::scan(request, lang).await {
                    Ok(scan) => scan,
                    Err(text) => return fail(text),
                };
                let (name, passages) = (scan.name(lang), scan.passages.len());
                let saved = plans.keep(&id, scan).await;
                let missing = missing.get_untracked().map(|m| m.len()).unwrap_or_default();
                let mut text = Msg::PlanRead.fill(
                    lang,
                    &[("name", &name), ("passages", &passages.to_string()), ("missing", &missing.to_string())],
                );
                if saved.is_err() {
                    text = format!("{text} {}", Msg::PlanSaveFailed.get(lang));
                }
                reading.set(Reading::Idle);
                notices.announce(text);
                focus::when_shown("plan-result");
            });
        })
    };
    let on_files = Callback::new(move |picked: Vec<web_sys::File>| {
        let Some(file) = picked.into_iter().next() else { return };
        reading.set(Reading::Busy);
        leptos::task::spawn_local(async move {
            match plan_reading::request_of(&file, lang).await {
                Ok(request) => read.run(request),
                Err(text) => fail(text),
            }
        });
    });
    let remove = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                notices.announce(plan_reading::remove(plans, &id, lang).await);
                focus::when_shown("plan-file");
            });
        }
    };
    let current = move || {
        plan.get().scan().cloned().map(|scan| {
            let name = scan.name(lang);
            let remove = remove.clone();
            view! {
                <section aria-labelledby="plan-result" class="plan-result">
                    <h2 id="plan-result" tabindex="-1">
                        {Msg::PlanCurrent.fill(lang, &[("name", &name), ("passages", &scan.passages.len().to_string())])}
                    </h2>
                    <h3>{Msg::PlanMissingHeading.get(lang)}</h3>
                    <MissingItems missing=missing.get().unwrap_or_default()/>
                    <div class="button-row">
                        <button type="button" class="button button--secondary"
                            on:click=move |_| download_text(notices, &scan, lang)>
                            {Msg::PlanDownloadText.get(lang)}
                        </button>
                        <button type="button" class="button button--warning" on:click=remove>{Msg::PlanRemove.get(lang)}</button>
                    </div>
                </section>
            }
        })
    };
    view! {
        <Steps id=id.clone() current=1/>
        <h1 tabindex="-1">{Msg::PlanHeading.get(lang)}</h1>
        <p class="lead">{Msg::PlanIntro.get(lang)}</p>
        <div class="callout callout--privacy"><p>{Msg::PlanPrivacy.get(lang)}</p></div>
        <DropZone id="plan-file" label=Msg::PlanPick.get(lang) hint=Msg::PlanDrop.get(lang) accept=PLAN_FILES
            disabled=Signal::derive(move || reading.get() == Reading::Busy) on_files/>
        <form class="form plan-paste" on:submit=move |ev| {
            ev.prevent_default();
            let text = pasted.get_untracked().map(|area| area.value()).unwrap_or_default();
            read.run(Request::Text { text });
        }>
            <div class="field">
                <label class="label" for="plan-text">{Msg::PlanPasteLabel.get(lang)}</label>
                <textarea id="plan-text" class="input" rows="6" node_ref=pasted></textarea>
            </div>
            <button type="submit" class="button button--secondary" disabled=move || reading.get() == Reading::Busy>
                {Msg::PlanPasteButton.get(lang)}
            </button>
        </form>
        <div id="plan-status" tabindex="-1">
            {move || match reading.get() {
                Reading::Busy => Some(view! { <p class="notice notice--info">{Msg::PlanReading.get(lang)}</p> }.into_any()),
                Reading::Failed(text) => Some(view! {
                    <div class="error-summary error-summary--error" role="alert">
                        <p>{text}</p>
                        <p>{Msg::ScanNothingChanged.get(lang)}</p>
                    </div>
                }.into_any()),
                Reading::Idle => None,
            }}
        </div>
        {move || match plan.get() {
            PlanState::Read(_) => current().map(IntoAny::into_any),
            PlanState::None => Some(view! { <p>{Msg::PlanNone.get(lang)}</p> }.into_any()),
            PlanState::Loading => None,
        }}
        <LinkButtons links=vec![(Route::Overview { id }.href(), Msg::ToOverview.get(lang))]/>
    }
}

/// The plan's text as the tool read it (its passages with their places), as a file: the way to
/// take the text along, when the user asks for it. Export files carry only the references.
fn download_text(notices: Notices, scan: &PlanScan, lang: Lang) {
    let name = format!("helhedsplan-tjek-planens-tekst-{}.json", crate::browser::clock::today());
    let saved = serde_json::to_string_pretty(&scan.passages)
        .map_err(|error| error.to_string())
        .and_then(|text| files::download(&name, "application/json", &text));
    match saved {
        Ok(()) => notices.announce(Msg::Exported.fill(lang, &[("file", &name)])),
        Err(_) => notices.announce(Msg::DownloadFailed.get(lang)),
    }
}
