use leptos::prelude::*;

use crate::domain::catalogue::Item;
use crate::domain::i18n::Msg;
use crate::ui::stores::Settings;

/// The items the plan seems to miss: for someone still writing the plan, the headline.
#[component]
pub fn MissingItems(missing: Vec<&'static Item>) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
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
