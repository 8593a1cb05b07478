//! The Leptos UI: the app shell, the pages and the controller. Pages are composed of documents
//! rendered by `render` and a few reactive islands; they hold no rules.

mod controller;
mod pages;
pub mod state;

use leptos::ev;
use leptos::prelude::*;

use crate::browser::storage::StorageProblem;
use crate::browser::{clock, page};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::render;
use state::{AppState, FocusTarget, SaveState};

pub fn start() {
    mount_to_body(App);
    // scripts/bench measures the time from navigation to here: the first screen is interactive.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("helhedsplan-tjek:interactive");
    }
    // The worker for the report and the workshop loads once the first screen is up, so those
    // open at once later and work offline.
    set_timeout(crate::browser::worker::preload, std::time::Duration::from_millis(300));
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    page::remove_boot_status();

    let on_hash = window_event_listener(ev::hashchange, move |_| {
        state.changed_elsewhere.set(false);
        state.row_mode.set(Default::default());
        state.confirm.set(Default::default());
        state.import_outcome.set(None);
        state.route.set(Route::parse(&page::hash()));
    });
    // Another tab of this browser wrote to storage: take its change in.
    let on_storage = window_event_listener(ev::storage, move |event| {
        if let Some(key) = event.key() {
            state.storage_changed(&key);
        }
    });
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
    });

    Effect::new(move |_| page::set_lang(state.lang.get().code()));
    // After a page change: the title names the page, and focus moves to its heading. After a
    // language change (which rebuilds the page), focus returns to the language switch.
    Effect::new(move |previous: Option<(Route, Lang)>| {
        let now = (state.route.get(), state.lang.get());
        let (moved, relabelled) = match &previous {
            Some((route, lang)) => (*route != now.0, *lang != now.1),
            None => (false, false),
        };
        if moved {
            state.focus_when_shown(FocusTarget::MainHeading);
        } else if relabelled {
            state.focus_when_shown(FocusTarget::Id(format!("lang-{}", now.1.code())));
        } else {
            request_animation_frame(move || state.settle());
        }
        now
    });
    Effect::new(move |_| {
        state.part_arrived.track();
        request_animation_frame(move || state.settle());
    });

    // The page is rebuilt when the address, the language or `page_version` changes, or when
    // its assessment appears or disappears; never on an ordinary edit.
    let current = Memo::new(move |_| {
        let route = state.route.get();
        let exists =
            route.assessment_id().is_none_or(|id| state.assessments.with(|list| list.iter().any(|a| a.id == id)));
        (route, exists, state.page_version.get())
    });
    let header = move || render::frame::header(render::frame::Section::of(&state.route.get()), state.lang.get());
    let notices = move || {
        let storage_alert = state.storage_problem.get().or_else(|| match state.save.get() {
            SaveState::Failed(problem) => Some(problem),
            _ => None,
        });
        let notices = render::frame::Notices {
            storage_alert: storage_alert.map(|problem| match problem {
                StorageProblem::Unavailable => Msg::NoticeStorageUnavailable,
                StorageProblem::QuotaExceeded => Msg::NoticeQuotaExceeded,
                StorageProblem::Failed(_) => Msg::NoticeSaveFailed,
            }),
            quarantined: state.quarantine_count.get() > 0,
            changed_elsewhere: state.changed_elsewhere.get(),
            flash: state.flash.get().map(|flash| (flash.text, flash.undo.is_some())),
        };
        render::frame::notices(&notices, state.lang.get())
    };
    let save_status = move || {
        let editing = state.route.with(|route| route.assessment_id().is_some());
        match state.save.get() {
            SaveState::Saved(at) if editing => {
                Msg::SavedStatusAt.fill(state.lang.get(), &[("time", &clock::local_time(&at))])
            }
            SaveState::Failed(_) if editing => Msg::NotSavedStatus.get(state.lang.get()).to_owned(),
            _ => String::new(),
        }
    };

    view! {
        <div class=move || if state.route.with(|r| matches!(r, Route::Projector { .. })) { "app app--projector" } else { "app" }
            on:click=move |ev| controller::on_click(state, ev)
            on:input=move |ev| controller::on_input(state, ev)
            on:change=move |ev| controller::on_change(state, ev)
            on:submit=move |ev| controller::on_submit(state, ev)
            on:dragover=controller::on_dragover
            on:drop=move |ev| controller::on_drop(state, ev)>
            <header class="site-header" inner_html=header></header>
            <div class="wrap notices" inner_html=notices></div>
            <main id="main" class="wrap main" tabindex="-1">
                <p class="save-status" role="status">{save_status}</p>
                {move || {
                    let (route, exists, _) = current.get();
                    state.lang.track();
                    pages::show(pages::page_for(route, exists))
                }}
            </main>
            <footer class="site-footer" inner_html=move || render::frame::footer(state.catalogue(), state.lang.get())></footer>
        </div>
    }
}
