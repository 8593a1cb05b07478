//! The Leptos UI: the app shell, one component per screen, and the components they share.
//! Components show what the layers below decide and call `AppState` for what users do; they
//! hold no rules.

mod components;
mod focus;
mod pages;
pub mod state;

use leptos::ev;
use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::page;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use components::frame::{Announcer, Notices, SiteFooter, SiteHeader};
use state::{AppState, SaveState};

pub fn start() {
    // The static first screen in index.html is replaced once it has been painted (after the next
    // frame), so its text is what a reader sees first even when the WebAssembly arrives early.
    request_animation_frame(|| {
        set_timeout(
            || {
                page::remove_static_shell();
                mount_to_body(App);
                // scripts/bench measures the time from navigation to here.
                if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = performance.mark("helhedsplan-tjek:interactive");
                }
            },
            std::time::Duration::ZERO,
        )
    });
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);

    let on_hash = window_event_listener(ev::hashchange, move |_| {
        state.changed_elsewhere.set(false);
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
    // After a page change, focus moves to the new page's heading and the page is announced by
    // its heading. After a language change, focus stays on the chosen language.
    Effect::new(move |previous: Option<(Route, Lang)>| {
        let now = (state.route.get(), state.lang.get());
        match &previous {
            Some((route, _)) if *route != now.0 => focus::heading_when_shown(move |heading| state.announce(heading)),
            Some((_, lang)) if *lang != now.1 => {
                focus::when_shown(format!("lang-{}", now.1.code()));
                state.announce(Msg::LanguageChanged.get(now.1));
                request_animation_frame(|| {
                    page::title_from_heading();
                });
            }
            _ => request_animation_frame(|| {
                page::title_from_heading();
            }),
        }
        now
    });

    // The page is built again when the address, the language or `page_version` changes, or when
    // its assessment appears or disappears; never on an ordinary edit.
    let current = Memo::new(move |_| {
        let route = state.route.get();
        let exists = route.assessment_id().is_none_or(|id| state.exists(id));
        (route, exists, state.page_version.get())
    });
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
    let projector = move || state.route.with(|r| matches!(r, Route::Projector { .. }));

    view! {
        <div class=move || if projector() { "app app--projector" } else { "app" }>
            <header class="site-header">{move || { state.lang.track(); view! { <SiteHeader/> } }}</header>
            <div class="wrap notices">{move || { state.lang.track(); view! { <Notices/> } }}</div>
            <main id="main" class="wrap main" tabindex="-1">
                <p class="save-status" role="status">{save_status}</p>
                {move || {
                    let (route, exists, _) = current.get();
                    state.lang.track();
                    pages::page(route, exists)
                }}
            </main>
            <footer class="site-footer">{move || { state.lang.track(); view! { <SiteFooter/> } }}</footer>
            <Announcer/>
        </div>
    }
}
