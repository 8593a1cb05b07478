//! The screens a first visit does not need: the check and report, reading the plan, the
//! workshop's screens, the data page and the kommune's screens. In a `split` build (every trunk
//! build: see index.html and scripts/build/finish-dist.mjs) each part's code is a WebAssembly
//! file of its own, fetched the first time one of its screens opens. The service worker fetches
//! every part into its cache once the first screen is up and the browser idle, so by then the
//! fetch is local. Without `split` (the browser tests) a part is a plain call.
//!
//! A part that cannot be fetched (offline before it was kept, a missing or broken file) is not
//! fatal: the screen says so and offers "Prøv igen"; the rest of the app and every answer are
//! untouched. The split comes from `wasm_split`, the crate behind Leptos' own `#[lazy]`, used
//! directly because only its `fallible` form returns a load failure instead of panicking, and
//! with `panic = "abort"` a panic would stop the whole app.

use leptos::prelude::*;

use super::{assessment, data, evaluation, item, plan, review, strategiskabelon, workshop};
use crate::domain::i18n::Msg;
use crate::domain::route::Route;
use crate::ui::components::frame::Message;
use crate::ui::focus;
use crate::ui::stores::{Navigation, Notices, Settings};

/// A part's code could not be fetched or started.
#[derive(Debug, Clone, Copy)]
pub struct PartMissing;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartMissing
    }
}

/// Declares each part: its screens (a `match` on the route) become a split point named after
/// the part.
macro_rules! parts {
    ($( $(#[$doc:meta])* $part:ident: |$route:ident| $screens:expr; )*) => {
        $(
            $(#[$doc])*
            #[cfg(feature = "split")]
            #[leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
            fn $part($route: Route) -> Result<AnyView, PartMissing> {
                Ok($screens)
            }

            $(#[$doc])*
            #[cfg(not(feature = "split"))]
            async fn $part($route: Route) -> Result<AnyView, PartMissing> {
                Ok($screens)
            }
        )*
    };
}

parts! {
    /// "Tjek dine svar" and the report.
    report: |route| match route {
        Route::Check { id } => view! { <assessment::CheckPage id/> }.into_any(),
        Route::Report { id } => view! { <assessment::ReportPage id/> }.into_any(),
        _ => not_found(),
    };
    /// "Læs jeres plan".
    plan_reading: |route| match route {
        Route::Plan { id } => view! { <plan::PlanPage id/> }.into_any(),
        _ => not_found(),
    };
    /// The workshop: the projector, gathering participants' answers, comparing two assessments.
    workshop: |route| match route {
        Route::Projector { id, item } => view! { <item::ProjectorPage id item/> }.into_any(),
        Route::Group => view! { <workshop::GroupPage/> }.into_any(),
        Route::Compare { before, after } => view! { <workshop::ComparePage before after/> }.into_any(),
        _ => not_found(),
    };
    /// "Dine data": export, import, backup and deleting.
    data_page: |route| match route {
        Route::Data => view! { <data::DataPage/> }.into_any(),
        _ => not_found(),
    };
    /// The plan's strategiskabeloner.
    strategiskabeloner: |route| match route {
        Route::Skabeloner => view! { <strategiskabelon::SkabelonListPage/> }.into_any(),
        Route::Skabelon { id } => view! { <strategiskabelon::SkabelonPage id/> }.into_any(),
        Route::SkabelonPrint { id } => view! { <strategiskabelon::SkabelonPrintPage id/> }.into_any(),
        Route::SkabelonCompare { id } => view! { <strategiskabelon::SkabelonComparePage id/> }.into_any(),
        _ => not_found(),
    };
    /// The kommune's evaluation across plans.
    evaluation_screens: |route| match route {
        Route::Evaluation => view! { <evaluation::EvaluationPage/> }.into_any(),
        Route::EvaluationPlan { plan, period } => view! { <evaluation::EvaluationPlanPage plan period/> }.into_any(),
        _ => not_found(),
    };
    /// The kommune's review of an application.
    review_screens: |route| match route {
        Route::Reviews => view! { <review::ReviewsPage/> }.into_any(),
        Route::Review { id } => view! { <review::ReviewPage id/> }.into_any(),
        Route::ReviewItem { id, item } => view! { <review::ReviewItemPage id item/> }.into_any(),
        Route::ReviewFeedback { id } => view! { <review::ReviewFeedbackPage id/> }.into_any(),
        _ => not_found(),
    };
}

fn not_found() -> AnyView {
    view! { <Message heading=Msg::NotFoundHeading text=Msg::NotFoundText/> }.into_any()
}

/// The part that holds this route's screen.
async fn screen(route: Route) -> Result<AnyView, PartMissing> {
    match &route {
        Route::Check { .. } | Route::Report { .. } => report(route).await,
        Route::Plan { .. } => plan_reading(route).await,
        Route::Projector { .. } | Route::Group | Route::Compare { .. } => workshop(route).await,
        Route::Data => data_page(route).await,
        Route::Skabeloner | Route::Skabelon { .. } | Route::SkabelonPrint { .. } | Route::SkabelonCompare { .. } => {
            strategiskabeloner(route).await
        }
        Route::Evaluation | Route::EvaluationPlan { .. } => evaluation_screens(route).await,
        Route::Reviews | Route::Review { .. } | Route::ReviewItem { .. } | Route::ReviewFeedback { .. } => {
            review_screens(route).await
        }
        Route::Start | Route::Profile { .. } | Route::Overview { .. } | Route::Item { .. } | Route::NotFound => {
            Ok(not_found())
        }
    }
}

/// A screen from a part: shown as soon as its part is here. While it is fetched the page says
/// so. When it arrives after a wait that followed a page change (or "Prøv igen"), focus moves to
/// its heading and it is announced, as after any page change, which could not find the heading
/// while the part was on its way. The app's first screen is not landed on, as no first screen is.
#[component]
pub fn LaterScreen(route: Route) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let (notices, navigation) = (expect_context::<Notices>(), expect_context::<Navigation>());
    let attempt = RwSignal::new(0u32);
    // Whether the fallback or the failure was shown, and whether the user asked to try again.
    let (waited, retried) = (StoredValue::new(false), StoredValue::new(false));
    let screen = move || {
        attempt.track();
        let route = route.clone();
        Suspend::new(async move {
            let shown = match screen(route).await {
                Ok(view) => view,
                Err(PartMissing) => {
                    waited.set_value(true);
                    let retry = move || {
                        retried.set_value(true);
                        waited.set_value(true);
                        attempt.update(|n| *n += 1);
                    };
                    view! { <PartFailed retry/> }.into_any()
                }
            };
            if waited.get_value() && (retried.get_value() || navigation.has_moved()) {
                focus::heading_when_shown(move |heading| notices.announce(heading));
            }
            waited.set_value(false);
            shown
        })
    };
    let fallback = move || {
        waited.set_value(true);
        view! { <p class="pending">{Msg::PartLoading.get(lang)}</p> }
    };
    view! { <Suspense fallback>{screen}</Suspense> }
}

/// A part could not be fetched: what happened, that nothing is lost, and a way to try again.
#[component]
fn PartFailed(retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    view! {
        <h1 tabindex="-1">{Msg::PartFailedHeading.get(lang)}</h1>
        <p>{Msg::PartFailedText.get(lang)}</p>
        <p>
            <button type="button" class="button" on:click=move |_| retry()>
                {Msg::TryAgain.get(lang)}
            </button>
        </p>
    }
}
