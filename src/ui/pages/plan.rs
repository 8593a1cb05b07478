//! "Læs jeres plan": the user gives the tool the plan itself (a file, or pasted text); the
//! scanner worker reads and ranks it, and the result is kept in IndexedDB for the assessment.
//! Item pages and the overview then show where the plan seems to address each item.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::browser::{pdf, plan_store, scanner};
use crate::domain::catalogue::Item;
use crate::domain::flow;
use crate::domain::i18n::Msg;
use crate::domain::route::Route;
use crate::scan::present::{self, strength_text};
use crate::scan::protocol::{ScanReply, ScanRequest};
use crate::scan::{PlanScan, ScanProblem, MAX_PLAN_BYTES};
use crate::ui::components::frame::{LinkButtons, Steps};
use crate::ui::focus;
use crate::ui::pages::assessment::watch;
use crate::ui::state::{use_state, AppState};

/// The plan kept for an assessment, read from IndexedDB again whenever one is read or removed
/// (the latest read wins). `None` while it is being read; `Some(None)` when there is none.
pub fn use_plan(state: AppState, id: &str) -> LocalResource<Option<PlanScan>> {
    let id = id.to_owned();
    LocalResource::new(move || {
        state.plans_version.track();
        let id = id.clone();
        async move { plan_store::load(&id).await.ok().flatten() }
    })
}

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
    let state = use_state();
    let lang = state.lang();
    let plan = use_plan(state, &id);
    let (_, judgement) = watch(state, &id);
    let reading = RwSignal::new(Reading::Idle);
    let pasted: NodeRef<html::Textarea> = NodeRef::new();
    let read = {
        let id = id.clone();
        move |request: ScanRequest, bytes: Option<js_sys::Uint8Array>, pages: Option<String>| {
            let id = id.clone();
            reading.set(Reading::Busy);
            state.announce(Msg::PlanReading.get(lang));
            leptos::task::spawn_local(async move {
                let outcome = match scanner::scan(&request, bytes, pages).await {
                    Ok(ScanReply::Scanned { scan }) => Ok(scan),
                    Ok(ScanReply::Failed { problem }) => Err(present::problem_text(&problem, lang)),
                    Ok(ScanReply::Ready) | Err(_) => Err(Msg::ScanUnavailable.get(lang).to_owned()),
                };
                finish(state, &id, outcome, reading).await;
            });
        }
    };
    let read = StoredValue::new(read);
    let on_file = move |file: web_sys::File| {
        let size = file.size() as usize;
        if size > MAX_PLAN_BYTES {
            let text = present::problem_text(&ScanProblem::TooLarge { bytes: size }, lang);
            fail(state, reading, text);
            return;
        }
        reading.set(Reading::Busy);
        leptos::task::spawn_local(async move {
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer),
                Err(_) => return fail(state, reading, present::problem_text(&ScanProblem::Empty, lang)),
            };
            let file_name = file.name();
            // A PDF's text layer is read here by pdf.js; other files go to the worker as they are.
            if bytes.length() >= 5 && bytes.subarray(0, 5).to_vec() == b"%PDF-" {
                match pdf::pages(bytes).await {
                    Ok(pages) => read.with_value(|read| read(ScanRequest::Pdf { file_name }, None, Some(pages))),
                    Err(problem) => fail(state, reading, present::problem_text(&problem, lang)),
                }
            } else {
                read.with_value(|read| read(ScanRequest::File { file_name }, Some(bytes), None));
            }
        });
    };
    let remove = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                let _ = plan_store::remove(&id).await;
                state.plans_version.update(|v| *v += 1);
                state.announce(Msg::PlanRemoved.get(lang));
                focus::when_shown("plan-file");
            });
        }
    };
    let current = move || {
        plan.get().flatten().map(|scan| {
            let name = scan.name(lang);
            let missing = judgement.with(|j| j.as_ref().map(|j| scan.missing(flow::path(j))).unwrap_or_default());
            let remove = remove.clone();
            view! {
                <section aria-labelledby="plan-result" class="plan-result">
                    <h2 id="plan-result" tabindex="-1">
                        {Msg::PlanCurrent.fill(lang, &[("name", &name), ("passages", &scan.passages.len().to_string())])}
                    </h2>
                    <h3>{Msg::PlanMissingHeading.get(lang)}</h3>
                    <MissingItems missing/>
                    <div class="button-row">
                        <button type="button" class="button button--secondary" on:click=move |_| download_text(state, &scan)>
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
        <div class="dropzone"
            on:dragover=|ev| ev.prevent_default()
            on:drop=move |ev| {
                ev.prevent_default();
                if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|list| list.get(0)) {
                    on_file(file);
                }
            }>
            <label class="label" for="plan-file">{Msg::PlanPick.get(lang)}</label>
            <p class="hint" id="plan-file-hint">{Msg::PlanDrop.get(lang)}</p>
            <input type="file" id="plan-file" class="file-input" aria-describedby="plan-file-hint"
                accept=".docx,.odt,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
                disabled=move || reading.get() == Reading::Busy
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(file) = input.files().and_then(|list| list.get(0)) {
                        on_file(file);
                    }
                    input.set_value("");
                }/>
        </div>
        <form class="form plan-paste" on:submit=move |ev| {
            ev.prevent_default();
            let text = pasted.get_untracked().map(|area| area.value()).unwrap_or_default();
            read.with_value(|read| read(ScanRequest::Text { text }, None, None));
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
            Some(Some(_)) => current().map(IntoAny::into_any),
            Some(None) => Some(view! { <p>{Msg::PlanNone.get(lang)}</p> }.into_any()),
            None => None,
        }}
        <LinkButtons links=vec![(Route::Overview { id }.href(), Msg::ToOverview.get(lang))]/>
    }
}

/// The plan's text as the tool read it (its passages with their places), as a file: the way to
/// take the text along, when the user asks for it. Export files carry only the references.
fn download_text(state: AppState, scan: &PlanScan) {
    let lang = state.lang();
    let name = format!("helhedsplan-tjek-planens-tekst-{}.json", state.today.get_value());
    let saved = serde_json::to_string_pretty(&scan.passages)
        .map_err(|error| error.to_string())
        .and_then(|text| crate::browser::files::download(&name, "application/json", &text));
    match saved {
        Ok(()) => state.announce(Msg::Exported.fill(lang, &[("file", &name)])),
        Err(_) => state.announce(Msg::DownloadFailed.get(lang)),
    }
}

/// A plan could not be read: say why where it was given, and move focus there.
fn fail(state: AppState, reading: RwSignal<Reading>, text: String) {
    state.announce(text.clone());
    reading.set(Reading::Failed(text));
    focus::when_shown("plan-status");
}

/// Keeps a scan that succeeded, and says what it found.
async fn finish(state: AppState, id: &str, outcome: Result<PlanScan, String>, reading: RwSignal<Reading>) {
    let lang = state.lang();
    let scan = match outcome {
        Ok(scan) => scan,
        Err(text) => return fail(state, reading, text),
    };
    let name = scan.name(lang);
    let judgement = state.assessment_untracked(id).map(|a| state.judge(&a));
    let missing = judgement.map(|j| scan.missing(flow::path(&j)).len()).unwrap_or_default();
    let mut text = Msg::PlanRead.fill(
        lang,
        &[("name", &name), ("passages", &scan.passages.len().to_string()), ("missing", &missing.to_string())],
    );
    if plan_store::save(id, &scan).await.is_err() {
        text = format!("{text} {}", Msg::PlanSaveFailed.get(lang));
    }
    reading.set(Reading::Idle);
    state.plans_version.update(|v| *v += 1);
    state.announce(text);
    focus::when_shown("plan-result");
}

/// The items the plan seems to miss: for someone still writing the plan, the headline.
#[component]
pub fn MissingItems(missing: Vec<&'static Item>) -> impl IntoView {
    let lang = use_state().lang();
    if missing.is_empty() {
        return view! { <p>{Msg::PlanMissingNone.get(lang)}</p> }.into_any();
    }
    view! {
        <p>{Msg::PlanMissingIntro.get(lang)}</p>
        <ul class="plan-missing">
            {missing
                .into_iter()
                .map(|item| view! { <li><span class="code">{item.code}</span>" "{item.title.get(lang)}</li> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// "I planen: stærk" for the overview's task list.
pub fn coverage_text(scan: &PlanScan, item_id: &str, lang: crate::domain::i18n::Lang) -> String {
    Msg::PlanCoverage.fill(lang, &[("strength", strength_text(scan.coverage(item_id), lang))])
}
