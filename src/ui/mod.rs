//! The Leptos UI: the app shell, the stores (one per concern), one component per screen, and
//! the components they share. Components show what the layers below decide and call a store
//! for what users do; they hold no rules.

mod components;
mod focus;
mod hooks;
mod pages;
mod plan_reading;
pub mod stores;

use leptos::ev;
use leptos::prelude::*;

use crate::browser::clock;
use crate::browser::page;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use components::frame::{Announcer, NoticeArea, SiteFooter, SiteHeader};
use stores::{
    Assessments, Evaluations, Feedbacks, Navigation, Notices, Reviews, SaveState, Settings, Strategiskabeloner,
};

pub fn start() {
    // Leptos' own executor starts with the mount, so this runs on wasm-bindgen's.
    wasm_bindgen_futures::spawn_local(async {
        // Someone who chose English sees the static first screen in English; the app takes over
        // in English too, with its texts loaded first, so no Danish frame comes between.
        stores::settings::load_chosen_language().await;
        // The static first screen in index.html is replaced once it has been painted (after the
        // next frame), so its text is what a reader sees first even when the WebAssembly arrives
        // early.
        request_animation_frame(|| {
            set_timeout(
                || {
                    page::remove_static_shell();
                    mount_to_body(App);
                    // scripts/bench measures the time from navigation to here.
                    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                        let _ = performance.mark("helhedsplan-tjek:interactive");
                    }
                    // Then, when the browser has nothing else to do, boot.js registers the service
                    // worker, which fetches every file (the other screens' parts too) for later
                    // and offline use.
                    page::when_idle(page::dispatch_idle);
                },
                std::time::Duration::ZERO,
            )
        });
    });
}

#[component]
pub fn App() -> impl IntoView {
    stores::provide_all();
    let navigation = expect_context::<Navigation>();
    let (settings, notices) = (expect_context::<Settings>(), expect_context::<Notices>());
    let assessments = expect_context::<Assessments>();
    let (reviews, feedbacks) = (expect_context::<Reviews>(), expect_context::<Feedbacks>());
    let (skabeloner, evaluations) = (expect_context::<Strategiskabeloner>(), expect_context::<Evaluations>());

    let on_hash = window_event_listener(ev::hashchange, move |_| {
        assessments.seen();
        reviews.seen();
        skabeloner.seen();
        evaluations.seen();
        navigation.follow_address();
    });
    // Another tab of this browser wrote to storage: take its change in. Each store looks only at
    // its own keys.
    let on_storage = window_event_listener(ev::storage, move |event| {
        if let Some(key) = event.key() {
            assessments.storage_changed(&key);
            reviews.storage_changed(&key);
            feedbacks.storage_changed(&key);
            skabeloner.storage_changed(&key);
            evaluations.storage_changed(&key);
        }
    });
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
    });

    Effect::new(move |_| page::set_lang(settings.lang_tracked().code()));
    // After a page change, focus moves to the new page's heading and the page is announced by
    // its heading. After a language change, focus stays on the chosen language.
    Effect::new(move |previous: Option<(Route, Lang)>| {
        let now = (navigation.route.get(), settings.lang_tracked());
        match &previous {
            Some((route, _)) if *route != now.0 => focus::heading_when_shown(move |heading| notices.announce(heading)),
            Some((_, lang)) if *lang != now.1 => {
                focus::when_shown(format!("lang-{}", now.1.code()));
                notices.announce(Msg::LanguageChanged.get(now.1));
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

    // The page is built again when the address or the language changes, when the user asks to
    // see another tab's change, or when its assessment appears or disappears; never on an
    // ordinary edit.
    let current = Memo::new(move |_| {
        let route = navigation.route.get();
        let exists = route.assessment_id().is_none_or(|id| assessments.exists(id));
        (route, exists, navigation.track_rebuilds())
    });
    let save_status = move || {
        let editing = navigation.route.with(|route| route.assessment_id().is_some());
        let lang = settings.lang_tracked();
        match notices.save_state() {
            SaveState::Saved(at) if editing => Msg::SavedStatusAt.fill(lang, &[("time", &clock::local_time(&at))]),
            SaveState::Failed(_) if editing => Msg::NotSavedStatus.get(lang).to_owned(),
            _ => String::new(),
        }
    };
    let projector = move || navigation.route.with(|r| matches!(r, Route::Projector { .. }));
    let in_language = move || {
        settings.lang_tracked();
    };

    view! {
        <div class=move || if projector() { "app app--projector" } else { "app" }>
            <header class="site-header">{move || { in_language(); view! { <SiteHeader/> } }}</header>
            <div class="wrap notices">{move || { in_language(); view! { <NoticeArea/> } }}</div>
            <main id="main" class="wrap main" tabindex="-1">
                <p class="save-status" role="status">{save_status}</p>
                {move || {
                    let (route, exists, _) = current.get();
                    in_language();
                    pages::page(route, exists)
                }}
            </main>
            <footer class="site-footer">{move || { in_language(); view! { <SiteFooter/> } }}</footer>
            <Announcer/>
        </div>
    }
}
