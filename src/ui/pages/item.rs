//! An item's page (the answer form between the municipality's words and the pager), and the
//! projector view of one item for a room.

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::assessment::{AnswerField, Assessment, Edit, Status};
use crate::domain::catalogue::Item;
use crate::domain::engine::{Applicability, Field, Judgement};
use crate::domain::i18n::Msg;
use crate::domain::route::Route;
use crate::domain::wording;
use crate::render;
use crate::ui::components::document::Document;
use crate::ui::components::fields::{Choice, Choices, TextField, TextKind};
use crate::ui::components::frame::Message;
use crate::ui::pages::assessment::{warnings_for, watch};
use crate::ui::state::{use_state, AppState};

/// The id of the control (or group) a warning about `field` belongs to.
fn field_id(field: Field) -> String {
    match field {
        Field::Status => "status".to_owned(),
        Field::Elements => "elements".to_owned(),
        Field::NotRelevantReason => "not-relevant-reason".to_owned(),
        Field::ActionDescription => "action-description".to_owned(),
        Field::ActionOwner => "action-owner".to_owned(),
        Field::ActionDeadline => "action-deadline".to_owned(),
        Field::IncludeAnyway => "include-reason".to_owned(),
        Field::PlanType => "plan-type".to_owned(),
        Field::ProfileQuestion(id) => format!("question-{id}"),
    }
}

/// Saves one edit of the assessment `id`.
fn editor(state: AppState, id: String) -> StoredValue<Box<dyn Fn(Edit) + Send + Sync>> {
    StoredValue::new(Box::new(move |edit: Edit| state.edit(&id, &edit)))
}

/// "1 · Krav · Punkt 1 af 14": where the item is in the catalogue.
fn position(state: AppState, item: &Item) -> String {
    let (lang, catalogue) = (state.lang(), state.catalogue());
    let n = catalogue.items().position(|i| i.id == item.id).unwrap_or(0) + 1;
    Msg::ItemOf.fill(lang, &[("n", &n.to_string()), ("total", &catalogue.item_count().to_string())])
}

#[component]
pub fn ItemPage(id: String, item: String, from_check: bool) -> impl IntoView {
    let state = use_state();
    let (lang, catalogue) = (state.lang(), state.catalogue());
    let Some(item) = catalogue.item(&item) else {
        return view! { <Message heading=Msg::NotFoundHeading text=Msg::ItemMissingText/> }.into_any();
    };
    let (assessment, judgement) = watch(state, &id);
    let (back, back_label) = if from_check {
        (Route::Check { id: id.clone() }.href(), Msg::BackToCheck)
    } else {
        (Route::Overview { id: id.clone() }.href(), Msg::BackToOverview)
    };
    let caption = format!("{} · {} · {}", item.code, wording::kind(item.kind).get(lang), position(state, item));
    view! {
        <a class="back-link" href=back>{back_label.get(lang)}</a>
        <div>
            <p class="caption">{caption}</p>
            <h1 tabindex="-1"><span class="code">{item.code}</span>" "{item.title.get(lang)}</h1>
        </div>
        <WarningSummary item judgement/>
        <Document markup=render::item::item_text(catalogue, item, lang)/>
        <AnswerForm id=id.clone() item assessment judgement/>
        <Pager id item from_check/>
    }
    .into_any()
}

/// Every warning of the item, each a link that focuses its field.
#[component]
fn WarningSummary(item: &'static Item, judgement: Memo<Option<Judgement>>) -> impl IntoView {
    let state = use_state();
    let (lang, catalogue) = (state.lang(), state.catalogue());
    let warnings = Memo::new(move |_| {
        judgement.with(|j| {
            j.iter()
                .flat_map(|j| j.warnings_for(item.id))
                .map(|w| (field_id(w.field), wording::warning(catalogue, w, lang)))
                .collect::<Vec<_>>()
        })
    });
    move || {
        warnings.with(|list| {
            (!list.is_empty()).then(|| {
                view! {
                    <div class="error-summary" role="region" aria-labelledby="error-summary-heading">
                        <h2 id="error-summary-heading" class="error-summary__heading">
                            {Msg::ErrorSummaryHeading.get(lang)}
                        </h2>
                        <ul>
                            {list
                                .iter()
                                .map(|(target, text)| {
                                    let target = target.clone();
                                    view! {
                                        <li>
                                            <a href=format!("#{target}") on:click=move |ev| {
                                                ev.prevent_default();
                                                page::focus_field(&target);
                                            }>{text.clone()}</a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </div>
                }
            })
        })
    }
}

/// The item's elements as checkboxes (answer form and projector).
fn element_choices(
    state: AppState,
    item: &'static Item,
    assessment: Memo<Option<Assessment>>,
    judgement: Memo<Option<Judgement>>,
    edit: StoredValue<Box<dyn Fn(Edit) + Send + Sync>>,
    hint: Option<&'static str>,
) -> impl IntoView {
    let lang = state.lang();
    let options = item.elements.iter().map(|e| Choice { value: e.id, label: e.text.get(lang), hint: None }).collect();
    view! {
        <Choices group_id="elements".to_owned() checkboxes=true large=true legend=Msg::ElementsLegend.get(lang)
            hint=hint options
            is_chosen=Callback::new(move |element| assessment.with(|a| {
                a.as_ref().and_then(|a| a.answer(item.id)).is_some_and(|answer| answer.elements.contains(element))
            }))
            on_choose=Callback::new(move |(element, ticked): (&'static str, bool)| edit.with_value(|e| e(Edit::Element {
                item: item.id.to_owned(),
                element: element.to_owned(),
                ticked,
            })))
            warnings=warnings_for(state, judgement, Some(item.id), Field::Elements)/>
    }
}

/// The four statuses as radios (answer form and projector).
fn status_choices(
    state: AppState,
    item: &'static Item,
    assessment: Memo<Option<Assessment>>,
    judgement: Memo<Option<Judgement>>,
    edit: StoredValue<Box<dyn Fn(Edit) + Send + Sync>>,
    legend: Msg,
) -> impl IntoView {
    let lang = state.lang();
    let options =
        Status::CHOICES.iter().map(|s| Choice { value: s.key(), label: wording::status(*s).get(lang), hint: None }).collect();
    view! {
        <Choices group_id="status".to_owned() large=true legend=legend.get(lang) options
            is_chosen=Callback::new(move |key| assessment.with(|a| {
                a.as_ref().is_some_and(|a| a.status(item.id).key() == key)
            }))
            on_choose=Callback::new(move |(key, _): (&'static str, bool)| {
                if let Some(status) = Status::CHOICES.into_iter().find(|s| s.key() == key) {
                    edit.with_value(|e| e(Edit::Status { item: item.id.to_owned(), status }));
                }
            })
            warnings=warnings_for(state, judgement, Some(item.id), Field::Status)/>
    }
}

/// The answer form, filled in with the current answer. Which parts show (the reason for "Ikke
/// relevant", the action for anything not met) follows the chosen status in CSS.
#[component]
fn AnswerForm(
    id: String,
    item: &'static Item,
    assessment: Memo<Option<Assessment>>,
    judgement: Memo<Option<Judgement>>,
) -> impl IntoView {
    let state = use_state();
    let lang = state.lang();
    let answer = assessment.with_untracked(|a| a.as_ref().and_then(|a| a.answer(item.id).cloned())).unwrap_or_default();
    let applicability = judgement
        .with_untracked(|j| j.as_ref().and_then(|j| j.state(item.id)).map(|s| s.applicability))
        .unwrap_or(Applicability::Applies);
    let edit = editor(state, id);
    let text = move |field: AnswerField| {
        Callback::new(move |value| edit.with_value(|e| e(Edit::AnswerText { item: item.id.to_owned(), field, value })))
    };
    let warnings = move |field: Field| warnings_for(state, judgement, Some(item.id), field);
    let has_action = move || {
        assessment.with(|a| a.as_ref().and_then(|a| a.answer(item.id)).is_some_and(|answer| !answer.action.is_empty()))
    };
    let include_box = matches!(applicability, Applicability::DoesNotApply | Applicability::IncludedByUser).then(|| {
        let reason = answer.included_anyway.clone();
        view! {
            <div class="notice notice--info include-box">
                <p>{Msg::DoesNotApplyNotice.get(lang)}</p>
                <div class="checkbox">
                    <input class="checkbox__input" type="checkbox" id="include-anyway" prop:checked=reason.is_some()
                        on:change=move |ev| {
                            let reason = event_target_checked(&ev).then(String::new);
                            edit.with_value(|e| e(Edit::IncludeAnyway { item: item.id.to_owned(), reason }));
                        }/>
                    <label class="checkbox__label" for="include-anyway">{Msg::IncludeAnyway.get(lang)}</label>
                </div>
                <div class="include-reason">
                    <TextField id="include-reason" label=Msg::IncludeAnywayReason.get(lang) kind=TextKind::Area
                        required=true value=reason.unwrap_or_default() warnings=warnings(Field::IncludeAnyway)
                        on_input=Callback::new(move |value| edit.with_value(|e| e(Edit::IncludeAnyway {
                            item: item.id.to_owned(),
                            reason: Some(value),
                        })))/>
                </div>
            </div>
        }
    });
    let action = answer.action;
    view! {
        <form class=move || if has_action() { "form answer-form answer-form--has-action" } else { "form answer-form" }
            id="answer-form" on:submit=|ev| ev.prevent_default()>
            {include_box}
            {element_choices(state, item, assessment, judgement, edit, Some(Msg::ElementsHint.get(lang)))}
            {status_choices(state, item, assessment, judgement, edit, Msg::StatusLegend)}
            <div class="when-not-relevant">
                <TextField id="not-relevant-reason" label=Msg::FieldNotRelevantReason.get(lang)
                    hint=Msg::FieldNotRelevantReasonHint.get(lang) kind=TextKind::Area required=true
                    value=answer.not_relevant_reason warnings=warnings(Field::NotRelevantReason)
                    on_input=text(AnswerField::NotRelevantReason)/>
            </div>
            <fieldset class="fieldset action-fieldset when-open">
                <legend class="legend legend--large">{Msg::ActionLegend.get(lang)}</legend>
                <p class="hint">{Msg::ActionHint.get(lang)}</p>
                <TextField id="action-description" label=Msg::FieldActionDescription.get(lang) kind=TextKind::Area
                    value=action.description warnings=warnings(Field::ActionDescription)
                    on_input=text(AnswerField::ActionDescription)/>
                <TextField id="action-owner" label=Msg::FieldActionOwner.get(lang) value=action.owner
                    warnings=warnings(Field::ActionOwner) on_input=text(AnswerField::ActionOwner)/>
                <TextField id="action-deadline" label=Msg::FieldActionDeadline.get(lang) kind=TextKind::Date
                    value=action.deadline warnings=warnings(Field::ActionDeadline)
                    on_input=text(AnswerField::ActionDeadline)/>
            </fieldset>
            <TextField id="documented-in" label=Msg::FieldDocumentedIn.get(lang) hint=Msg::FieldDocumentedInHint.get(lang)
                value=answer.documented_in on_input=text(AnswerField::DocumentedIn)/>
            <TextField id="notes" label=Msg::FieldNotes.get(lang) kind=TextKind::Area value=answer.notes
                on_input=text(AnswerField::Notes)/>
        </form>
    }
}

/// Previous, next (or back to "check your answers") and the overview.
#[component]
fn Pager(id: String, item: &'static Item, from_check: bool) -> impl IntoView {
    let state = use_state();
    let (lang, catalogue) = (state.lang(), state.catalogue());
    let (previous, next) = catalogue.neighbours(item.id);
    let link = |target: &Item| Route::Item { id: id.clone(), item: target.id.into(), from_check: false }.href();
    let label = |msg: Msg, target: &Item| msg.fill(lang, &[("code", target.code), ("title", target.title.get(lang))]);
    let check = Route::Check { id: id.clone() }.href();
    let forward = match (from_check, next) {
        (true, _) => view! { <a class="button" href=check>{Msg::BackToCheck.get(lang)}</a> }.into_any(),
        (false, Some(next)) => {
            view! { <a class="button pager__next" href=link(next)>{label(Msg::NextItem, next)}</a> }.into_any()
        }
        (false, None) => view! { <a class="button pager__next" href=check>{Msg::ToCheck.get(lang)}</a> }.into_any(),
    };
    let back = previous.map(|previous| {
        view! {
            <a class="button button--secondary pager__previous" href=link(previous)>
                {label(Msg::PreviousItem, previous)}
            </a>
        }
    });
    view! {
        <nav class="pager" aria-label=Msg::ItemNavigation.get(lang)>
            {forward}
            {back}
            <a class="pager__overview" href=Route::Overview { id: id.clone() }.href()>{Msg::BackToOverview.get(lang)}</a>
        </nav>
    }
}

/// One item, large, for a room: the requirement, the elements, the discussion questions, why it
/// exists, and the group's answer (status, elements, a note), which saves like any other.
/// ← and → move between items, except while typing or choosing in a control.
#[component]
pub fn ProjectorPage(id: String, item: String) -> impl IntoView {
    let state = use_state();
    let (lang, catalogue) = (state.lang(), state.catalogue());
    let Some(item) = catalogue.item(&item) else {
        return view! { <Message heading=Msg::NotFoundHeading text=Msg::ItemMissingText/> }.into_any();
    };
    let (assessment, judgement) = watch(state, &id);
    let (previous, next) = catalogue.neighbours(item.id);
    let link = |to: &Item| Route::Projector { id: id.clone(), item: to.id.into() }.href();
    let (back, forward) = (previous.map(link), next.map(link));
    let keys = {
        let (back, forward) = (back.clone(), forward.clone());
        window_event_listener(leptos::ev::keydown, move |event| {
            if event.alt_key() || event.ctrl_key() || event.meta_key() || page::typing_in_a_control() {
                return;
            }
            let to = match event.key().as_str() {
                "ArrowLeft" => back.as_deref(),
                "ArrowRight" => forward.as_deref(),
                _ => None,
            };
            if let Some(to) = to {
                event.prevent_default();
                page::go(to);
            }
        })
    };
    on_cleanup(move || keys.remove());
    let edit = editor(state, id.clone());
    let notes = assessment.with_untracked(|a| a.as_ref().and_then(|a| a.answer(item.id)).map(|a| a.notes.clone()));
    let place = format!("{} · {}", wording::kind(item.kind).get(lang), position(state, item));
    view! {
        <div class="projector">
            <nav class="projector__bar" aria-label=Msg::ItemNavigation.get(lang)>
                <span class="projector__position">{place}</span>
                {previous.zip(back).map(|(previous, href)| view! {
                    <a class="button button--secondary" href=href id="projector-previous">{format!("← {}", previous.code)}</a>
                })}
                {next.zip(forward).map(|(next, href)| view! {
                    <a class="button button--secondary" href=href id="projector-next">{format!("{} →", next.code)}</a>
                })}
                <button type="button" class="button button--secondary" on:click=|_| page::full_screen()>
                    {Msg::FullScreen.get(lang)}
                </button>
                <a class="projector__exit" href=Route::Overview { id }.href()>{Msg::LeaveProjector.get(lang)}</a>
            </nav>
            <h1 tabindex="-1" class="projector__title"><span class="code">{item.code}</span>" "{item.title.get(lang)}</h1>
            <p class="projector__hint">{Msg::ProjectorKeys.get(lang)}</p>
            <form class="form answer-form projector__columns" id="answer-form" on:submit=|ev| ev.prevent_default()>
                <div class="projector__main">
                    <Document markup=render::workshop::projector_requirement(catalogue, item, lang)/>
                    {element_choices(state, item, assessment, judgement, edit, None)}
                </div>
                <div class="projector__side">
                    {status_choices(state, item, assessment, judgement, edit, Msg::GroupAnswer)}
                    <TextField id="notes" label=Msg::FieldNotes.get(lang) kind=TextKind::Area
                        value=notes.unwrap_or_default()
                        on_input=Callback::new(move |value| edit.with_value(|e| e(Edit::AnswerText {
                            item: item.id.to_owned(),
                            field: AnswerField::Notes,
                            value,
                        })))/>
                    <Document markup=render::workshop::projector_discussion(catalogue, item, lang)/>
                </div>
            </form>
        </div>
    }
    .into_any()
}
