//! The workshop: participants' answers gathered from their files, the group view, a consensus
//! assessment, and the comparison of two assessments.

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::catalogue;
use crate::domain::i18n::Msg;
use crate::domain::route::Route;
use crate::domain::wording::display_name;
use crate::domain::workshop;
use crate::render;
use crate::render::html::Markup;
use crate::ui::components::document::Document;
use crate::ui::components::frame::Message;
use crate::ui::components::import::{Import, ImportInto};
use crate::ui::focus;
use crate::ui::hooks::{use_assessment, use_print_footer};
use crate::ui::stores::{Assessments, Notices, Participants, Settings};

#[component]
pub fn GroupPage() -> impl IntoView {
    let participants = expect_context::<Participants>();
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    let group = Signal::derive(move || {
        participants.with(|list| render::workshop::group_view(&workshop::summarise(catalogue, list), lang))
    });
    view! {
        <h1 tabindex="-1">{Msg::GroupHeading.get(lang)}</h1>
        <p class="lead">{Msg::GroupIntro.get(lang)}</p>
        <h2 id="participants-heading">{Msg::ParticipantsHeading.get(lang)}</h2>
        <p>{Msg::ParticipantsIntro.get(lang)}</p>
        <Import id="participants-file" label=Msg::ParticipantsPick into=ImportInto::Participants/>
        <ParticipantList/>
        <Document markup=group/>
        <CompareChooser/>
    }
}

/// Who has been gathered, and what can be done with them.
#[component]
fn ParticipantList() -> impl IntoView {
    let (participants, assessments) = (expect_context::<Participants>(), expect_context::<Assessments>());
    let notices = expect_context::<Notices>();
    let lang = expect_context::<Settings>().lang();
    let names = Memo::new(move |_| {
        participants
            .with(|list| list.iter().enumerate().map(|(n, p)| workshop::participant_name(p, n + 1)).collect::<Vec<_>>())
    });
    let summary = move || {
        names.with(|names| match names.len() {
            0 => Msg::NoParticipants.get(lang).to_owned(),
            count => Msg::ParticipantList.fill(lang, &[("count", &count.to_string()), ("names", &names.join(", "))]),
        })
    };
    view! {
        <p id="participant-list">{summary}</p>
        <Show when=move || names.with(|names| !names.is_empty())>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| {
                    let name = Msg::ConsensusName.fill(lang, &[("date", &assessments.today())]);
                    if let Some(consensus) = participants.consensus(&name) {
                        let id = consensus.id.clone();
                        assessments.add(consensus);
                        page::go(&Route::Overview { id }.href());
                    }
                }>{Msg::StartConsensus.get(lang)}</button>
                <button type="button" class="button button--warning" on:click=move |_| {
                    if participants.remove_all() {
                        notices.confirm(Msg::ParticipantsRemoved.get(lang).to_owned());
                    }
                    focus::when_shown("participants-file");
                }>{Msg::RemoveParticipants.get(lang)}</button>
            </div>
        </Show>
    }
}

/// Two choosers and a button: compare last year's assessment with this year's.
#[component]
fn CompareChooser() -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let lang = expect_context::<Settings>().lang();
    let choices = Memo::new(move |_| {
        assessments.with(|list| {
            list.iter()
                .map(|a| (a.id.clone(), format!("{} ({})", display_name(a, lang), a.profile.date)))
                .collect::<Vec<_>>()
        })
    });
    let pick = |n: usize| choices.with_untracked(|list| list.get(n).map(|(id, _)| id.clone()).unwrap_or_default());
    let (before, after) = (RwSignal::new(pick(1)), RwSignal::new(pick(0)));
    let select = move |id: &'static str, label: Msg, chosen: RwSignal<String>| {
        view! {
            <div class="field">
                <label class="label" for=id>{label.get(lang)}</label>
                <select id=id class="input select" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    {move || choices.get().into_iter().map(|(value, text)| {
                        let selected = chosen.with_untracked(|c| *c == value);
                        view! { <option value=value selected=selected>{text}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <h2 id="compare-heading">{Msg::CompareHeading.get(lang)}</h2>
        <p>{Msg::CompareIntro.get(lang)}</p>
        <Show when=move || choices.with(|c| c.len() >= 2) fallback=move || view! { <p>{Msg::CompareNeedsTwo.get(lang)}</p> }>
            <div class="compare-chooser">
                {select("compare-before", Msg::CompareBefore, before)}
                {select("compare-after", Msg::CompareAfter, after)}
            </div>
            <button type="button" class="button" on:click=move |_| {
                page::go(&Route::Compare { before: before.get_untracked(), after: after.get_untracked() }.href());
            }>{Msg::CompareButton.get(lang)}</button>
        </Show>
    }
}

#[component]
pub fn ComparePage(before: String, after: String) -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    if !(assessments.exists(&before) && assessments.exists(&after)) {
        return view! { <Message heading=Msg::AssessmentMissingHeading text=Msg::AssessmentMissingText/> }.into_any();
    }
    let (old, _) = use_assessment(&before);
    let (new, _) = use_assessment(&after);
    let today = assessments.today();
    let document = Signal::derive(move || {
        old.with(|a| {
            new.with(|b| match (a, b) {
                (Some(a), Some(b)) => {
                    render::workshop::comparison(a, b, &workshop::compare(catalogue, a, b, &today), lang)
                }
                _ => Markup::default(),
            })
        })
    });
    use_print_footer(move || {
        old.with(|a| {
            new.with(|b| {
                a.as_ref()
                    .zip(b.as_ref())
                    .map(|(a, b)| format!("{} → {}", display_name(a, lang), display_name(b, lang)))
            })
        })
    });
    view! {
        <div class="report-toolbar no-print">
            <a class="back-link" href=Route::Group.href()>{Msg::BackToWorkshop.get(lang)}</a>
            <div class="button-row">
                <button type="button" class="button" on:click=|_| page::print()>{Msg::PrintReport.get(lang)}</button>
            </div>
        </div>
        <Document markup=document/>
    }
    .into_any()
}
