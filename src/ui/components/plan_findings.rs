//! Where a plan seems to address an item: at most three passages with the matched words marked,
//! and the passage for each element. The organisation's item page (where each passage can be used
//! as the reference) and the kommune's review of an item both show it. The tool only suggests;
//! the status and the decision stay people's.

use leptos::prelude::*;

use crate::domain::assessment::Evidence;
use crate::domain::catalogue::Item;
use crate::domain::i18n::Msg;
use crate::scan::present;
use crate::scan::{PlanScan, Strength};
use crate::ui::stores::plans::PlanState;
use crate::ui::stores::Settings;

/// `use_reference`, when given, puts "Brug som henvisning" under each passage (it gets the
/// passage's place and first lines); `note` says whose
/// decision it stays; without a plan, `no_plan` and a link to where one is given.
#[component]
pub fn PlanFindings(
    plan: Signal<PlanState>,
    item: &'static Item,
    use_reference: Option<Callback<Evidence>>,
    note: &'static str,
    no_plan: &'static str,
    give_plan_href: String,
    give_plan_label: &'static str,
) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let findings = move |scan: &PlanScan| {
        let Some(findings) = scan.findings(item.id).filter(|f| !f.hits.is_empty()).cloned() else {
            return view! { <p class="plan-findings__none">{Msg::PlanNothingFound.get(lang)}</p> }.into_any();
        };
        // Evidence or silence: without a strong match the plan is said not to address the item
        // first, and its weak passages come after that, as no more than perhaps relevant.
        let strong = findings.hits.first().is_some_and(|hit| hit.strength == Strength::Strong);
        let hits = findings
            .hits
            .iter()
            .filter_map(|hit| scan.passage(hit).map(|passage| (hit.clone(), passage.clone())))
            .map(|(hit, passage)| {
                let place = present::place(&passage, lang);
                let label = format!("{}: {place}", Msg::PlanUseReference.get(lang));
                let evidence = Evidence { place: place.clone(), quote: present::quote(&passage) };
                let pieces = present::marked(&passage.text, &hit.words);
                view! {
                    <li class="plan-hit">
                        <p class="plan-hit__place">
                            <span>{place.clone()}</span>" "
                            <strong class="tag tag--light">{present::strength_text(Some(hit.strength), lang)}</strong>
                        </p>
                        <blockquote class="plan-hit__text">
                            {pieces.into_iter().map(|(piece, mark)| if mark {
                                view! { <mark>{piece}</mark> }.into_any()
                            } else {
                                piece.into_any()
                            }).collect_view()}
                        </blockquote>
                        {use_reference.map(|use_reference| view! {
                            <button type="button" class="button button--secondary" aria-label=label
                                on:click=move |_| use_reference.run(evidence.clone())>
                                {Msg::PlanUseReference.get(lang)}
                            </button>
                        })}
                    </li>
                }
            })
            .collect_view();
        let elements = findings
            .elements
            .iter()
            .filter_map(|(element_id, hit)| {
                let element = item.elements.iter().find(|e| e.id == element_id)?;
                let place = hit
                    .as_ref()
                    .and_then(|hit| scan.passage(hit))
                    .map(|passage| present::place(passage, lang))
                    .unwrap_or_else(|| Msg::PlanElementNotFound.get(lang).to_owned());
                Some(view! { <li><span>{element.text.get(lang)}</span>": "<em>{place}</em></li> })
            })
            .collect_view();
        if !strong {
            return view! {
                <p class="plan-findings__none">{Msg::PlanNotAddressed.get(lang)}</p>
                <h3>{Msg::PlanMaybeRelevant.get(lang)}</h3>
                <p class="hint">{Msg::PlanMaybeRelevantNote.get(lang)}</p>
                <ol class="plan-hits plan-hits--weak">{hits}</ol>
            }
            .into_any();
        }
        view! {
            <p class="hint">{note}</p>
            <ol class="plan-hits">{hits}</ol>
            <h3>{Msg::PlanElementsHeading.get(lang)}</h3>
            <ul class="plan-elements">{elements}</ul>
        }
        .into_any()
    };
    view! {
        <section class="plan-findings" aria-labelledby="plan-findings-heading">
            <h2 id="plan-findings-heading">{Msg::PlanFindingsHeading.get(lang)}</h2>
            {move || match plan.get() {
                PlanState::Read(scan) => Some(findings(&scan)),
                PlanState::None => Some(view! {
                    <p>{no_plan}" "<a href=give_plan_href.clone()>{give_plan_label}</a></p>
                }.into_any()),
                PlanState::Loading => None,
            }}
        </section>
    }
}
