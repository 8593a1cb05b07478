use leptos::prelude::*;

use crate::render::html::Markup;

/// A read-only document made by `render` (the report, a summary, a quotation). It is the only
/// place the app sets `inner_html`, and it takes only `Markup`, which escapes every text.
#[component]
pub fn Document(#[prop(into)] markup: Signal<Markup>) -> impl IntoView {
    view! { <div class="document" inner_html=move || markup.get().into_string()></div> }
}
