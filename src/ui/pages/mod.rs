//! One component per screen. The route picks the screen; each screen reads the stores it shows
//! and calls them for what the user does.

mod assessment;
mod data;
mod evaluation;
mod item;
mod parts;
mod plan;
mod review;
mod start;
mod strategiskabelon;
mod workshop;

use leptos::prelude::*;

use crate::browser::storage::{self, Collection};
use crate::domain::i18n::Msg;
use crate::domain::route::Route;
use crate::ui::components::frame::Message;
use crate::ui::stores::Settings;

/// The screen for a route. `exists` is false when the route names an assessment that is not here.
pub fn page(route: Route, exists: bool) -> AnyView {
    if !exists {
        let key = route.assessment_id().map(|id| Collection::Assessments.key(id)).unwrap_or_default();
        // A record that could not be read was moved aside under its own key: say so, not "missing".
        if storage::quarantined().iter().any(|entry| entry.original_key == key) {
            return view! { <SetAside/> }.into_any();
        }
        return view! { <Message heading=Msg::AssessmentMissingHeading text=Msg::AssessmentMissingText/> }.into_any();
    }
    match route {
        Route::Start => view! { <start::StartPage/> }.into_any(),
        Route::Profile { id } => view! { <assessment::ProfilePage id/> }.into_any(),
        Route::Overview { id } => view! { <assessment::OverviewPage id/> }.into_any(),
        Route::Item { id, item, from_check } => view! { <item::ItemPage id item from_check/> }.into_any(),
        Route::NotFound => view! { <Message heading=Msg::NotFoundHeading text=Msg::NotFoundText/> }.into_any(),
        // Every other screen is in a part of its own, fetched when it is first needed.
        later => view! { <parts::LaterScreen route=later/> }.into_any(),
    }
}

/// The address names an assessment whose stored record could not be read.
#[component]
fn SetAside() -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    view! {
        <h1 tabindex="-1">{Msg::AssessmentSetAsideHeading.get(lang)}</h1>
        <p>{Msg::AssessmentSetAsideText.get(lang)}</p>
        <p><a href=Route::Data.href()>{Msg::GoToData.get(lang)}</a></p>
    }
}
