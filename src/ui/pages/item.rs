//! An item's page (the answer form between the municipality's words and the pager), and the
//! projector view of one item for a room.

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::assessment::{AnswerField, Assessment, Edit, Evidence, Status};
use crate::domain::catalogue::{self, Item};
use crate::domain::engine::{self, Field, Judgement, ProfileRule};
use crate::domain::flow;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::domain::wording;
use crate::render;
use crate::ui::components::document::Document;
use crate::ui::components::feedback::KommuneRemark;
use crate::ui::components::fields::{control_id, ids, Choice, Choices, TextField, TextKind};
use crate::ui::components::frame::Message;
use crate::ui::components::plan_findings::PlanFindings;
use crate::ui::hooks::{use_assessment, use_judged, use_plan, use_warnings, Judged};
use crate::ui::stores::{Assessments, Notices, Settings};

/// Saves one edit of the assessment on screen.
fn editor(id: String) -> Callback<Edit> {
    let assessments = expect_context::<Assessments>();
    Callback::new(move |edit: Edit| assessments.edit(&id, &edit))
}

/// "Punkt 3 af 13": where the item is among those that apply, or that it does not apply.
fn position(lang: Lang, judgement: &Option<Judgement>, item: &Item) -> String {
    match judgement.as_ref().and_then(|j| flow::position(j, item.id)) {
        Some((n, total)) => Msg::ItemOf.fill(lang, &[("n", &n.to_string()), ("total", &total.to_string())]),
        None => Msg::DoesNotApply.get(lang).to_owned(),
    }
}

#[component]
pub fn ItemPage(id: String, item: String, from_check: bool) -> impl IntoView {
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    let Some(item) = catalogue.item(&item) else {
        return view! { <Message heading=Msg::NotFoundHeading text=Msg::ItemMissingText/> }.into_any();
    };
    let Judged { assessment, judgement, feedback } = use_judged(&id);
    let (back, back_label) = if from_check {
        (Route::Check { id: id.clone() }.href(), Msg::BackToCheck)
    } else {
        (Route::Overview { id: id.clone() }.href(), Msg::BackToOverview)
    };
    let caption = move || {
        let place = judgement.with(|j| position(lang, j, item));
        format!("{} · {} · {}", item.code, wording::kind(item.kind).get(lang), place)
    };
    view! {
        <a class="back-link" href=back>{back_label.get(lang)}</a>
        <div>
            <p class="caption">{caption}</p>
            <h1 tabindex="-1"><span class="code">{item.code}</span>" "{item.title.get(lang)}</h1>
        </div>
        <WarningSummary item judgement/>
        <Document markup=render::item::item_text(catalogue, item, lang)/>
        <ItemPlanFindings id=id.clone() item/>
        <KommuneRemark feedback item=item.id/>
        <AnswerForm id=id.clone() item assessment judgement/>
        <Pager id item from_check judgement/>
    }
    .into_any()
}

/// Every warning of the item, each a link that focuses its field.
#[component]
fn WarningSummary(item: &'static Item, judgement: Memo<Option<Judgement>>) -> impl IntoView {
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    let warnings = Memo::new(move |_| {
        judgement.with(|j| {
            j.iter()
                .flat_map(|j| j.warnings_for(item.id))
                .map(|w| (control_id(w.field), wording::warning(catalogue, w, lang)))
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
    item: &'static Item,
    assessment: Memo<Option<Assessment>>,
    judgement: Memo<Option<Judgement>>,
    edit: Callback<Edit>,
    hint: Option<&'static str>,
) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let options = item.elements.iter().map(|e| Choice { value: e.id, label: e.text.get(lang), hint: None }).collect();
    view! {
        <Choices group_id=ids::ELEMENTS.to_owned() checkboxes=true large=true legend=Msg::ElementsLegend.get(lang)
            hint=hint options
            is_chosen=Callback::new(move |element| assessment.with(|a| {
                a.as_ref().and_then(|a| a.answer(item.id)).is_some_and(|answer| answer.elements.contains(element))
            }))
            on_choose=Callback::new(move |(element, ticked): (&'static str, bool)| edit.run(Edit::Element {
                item: item.id.to_owned(),
                element: element.to_owned(),
                ticked,
            }))
            warnings=use_warnings(judgement, Some(item.id), Field::Elements)/>
    }
}

/// The four statuses as radios (answer form and projector).
fn status_choices(
    item: &'static Item,
    assessment: Memo<Option<Assessment>>,
    judgement: Memo<Option<Judgement>>,
    edit: Callback<Edit>,
    legend: Msg,
) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let options = Status::CHOICES
        .iter()
        .map(|s| Choice { value: s.key(), label: wording::status(*s).get(lang), hint: None })
        .collect();
    view! {
        <Choices group_id=ids::STATUS.to_owned() large=true legend=legend.get(lang) options
            is_chosen=Callback::new(move |key| assessment.with(|a| {
                a.as_ref().is_some_and(|a| a.status(item.id).key() == key)
            }))
            on_choose=Callback::new(move |(key, _): (&'static str, bool)| {
                if let Some(status) = Status::CHOICES.into_iter().find(|s| s.key() == key) {
                    edit.run(Edit::Status { item: item.id.to_owned(), status });
                }
            })
            warnings=use_warnings(judgement, Some(item.id), Field::Status)/>
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
    let lang = expect_context::<Settings>().lang();
    let edit = editor(id);
    let has_action = move || {
        assessment.with(|a| a.as_ref().and_then(|a| a.answer(item.id)).is_some_and(|answer| !answer.action.is_empty()))
    };
    // The profile rules the item out: its answer form stays folded until the user includes it.
    let ruled_out = assessment.with_untracked(|a| {
        a.as_ref()
            .is_some_and(|a| engine::profile_rule(catalogue::current(), &a.profile, item) == ProfileRule::DoesNotApply)
    });
    let included = move || {
        assessment
            .with(|a| a.as_ref().and_then(|a| a.answer(item.id)).is_some_and(|answer| answer.included_anyway.is_some()))
    };
    let include_box = ruled_out.then(|| {
        let reason = assessment.with_untracked(|a| {
            a.as_ref().and_then(|a| a.answer(item.id)).and_then(|answer| answer.included_anyway.clone())
        });
        view! {
            <div class="notice notice--info include-box">
                <p>{Msg::DoesNotApplyNotice.get(lang)}</p>
                <div class="checkbox">
                    <input class="checkbox__input" type="checkbox" id="include-anyway" prop:checked=reason.is_some()
                        on:change=move |ev| {
                            let reason = event_target_checked(&ev).then(String::new);
                            edit.run(Edit::IncludeAnyway { item: item.id.to_owned(), reason });
                        }/>
                    <label class="checkbox__label" for="include-anyway">{Msg::IncludeAnyway.get(lang)}</label>
                </div>
                <div class="include-reason">
                    <TextField id=ids::INCLUDE_REASON label=Msg::IncludeAnywayReason.get(lang) kind=TextKind::Area
                        required=true value=reason.unwrap_or_default()
                        warnings=use_warnings(judgement, Some(item.id), Field::IncludeAnyway)
                        on_input=Callback::new(move |value| edit.run(Edit::IncludeAnyway {
                            item: item.id.to_owned(),
                            reason: Some(value),
                        }))/>
                </div>
            </div>
        }
    });
    view! {
        <form class=move || if has_action() { "form answer-form answer-form--has-action" } else { "form answer-form" }
            id="answer-form" on:submit=|ev| ev.prevent_default()>
            {include_box}
            <Show when=move || !ruled_out || included()>
                <AnswerFields item assessment judgement edit/>
            </Show>
        </form>
    }
}

/// The answer itself: elements, status, the reason or the action, where it is documented, notes.
/// Filled in with the answer as it is when they appear.
#[component]
fn AnswerFields(
    item: &'static Item,
    assessment: Memo<Option<Assessment>>,
    judgement: Memo<Option<Judgement>>,
    edit: Callback<Edit>,
) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let answer = assessment.with_untracked(|a| a.as_ref().and_then(|a| a.answer(item.id).cloned())).unwrap_or_default();
    let text = move |field: AnswerField| {
        Callback::new(move |value| edit.run(Edit::AnswerText { item: item.id.to_owned(), field, value }))
    };
    let warnings = move |field: Field| use_warnings(judgement, Some(item.id), field);
    let action = answer.action;
    view! {
        {element_choices(item, assessment, judgement, edit, Some(Msg::ElementsHint.get(lang)))}
        {status_choices(item, assessment, judgement, edit, Msg::StatusLegend)}
        <div class="when-not-relevant">
            <TextField id=ids::NOT_RELEVANT_REASON label=Msg::FieldNotRelevantReason.get(lang)
                hint=Msg::FieldNotRelevantReasonHint.get(lang) kind=TextKind::Area required=true
                value=answer.not_relevant_reason warnings=warnings(Field::NotRelevantReason)
                on_input=text(AnswerField::NotRelevantReason)/>
        </div>
        <fieldset class="fieldset action-fieldset when-open">
            <legend class="legend legend--large">{Msg::ActionLegend.get(lang)}</legend>
            <p class="hint">{Msg::ActionHint.get(lang)}</p>
            <TextField id=ids::ACTION_DESCRIPTION label=Msg::FieldActionDescription.get(lang) kind=TextKind::Area
                value=action.description warnings=warnings(Field::ActionDescription)
                on_input=text(AnswerField::ActionDescription)/>
            <TextField id=ids::ACTION_OWNER label=Msg::FieldActionOwner.get(lang) value=action.owner
                warnings=warnings(Field::ActionOwner) on_input=text(AnswerField::ActionOwner)/>
            <TextField id=ids::ACTION_DEADLINE label=Msg::FieldActionDeadline.get(lang) kind=TextKind::Date
                value=action.deadline warnings=warnings(Field::ActionDeadline)
                on_input=text(AnswerField::ActionDeadline)/>
        </fieldset>
        <TextField id="documented-in" label=Msg::FieldDocumentedIn.get(lang) hint=Msg::FieldDocumentedInHint.get(lang)
            value=answer.documented_in on_input=text(AnswerField::DocumentedIn)
            current=Signal::derive(move || assessment.with(|a| {
                a.as_ref().and_then(|a| a.answer(item.id)).map(|answer| answer.documented_in.clone()).unwrap_or_default()
            }))/>
        <TextField id="notes" label=Msg::FieldNotes.get(lang) kind=TextKind::Area value=answer.notes
            on_input=text(AnswerField::Notes)/>
    }
}

/// Previous, next (or back to "check your answers") and the overview.
#[component]
fn Pager(id: String, item: &'static Item, from_check: bool, judgement: Memo<Option<Judgement>>) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    // Only items that apply are on the way; the rest are reached from the overview.
    let (previous, next) =
        judgement.with_untracked(|j| j.as_ref().map(|j| flow::neighbours(j, item.id))).unwrap_or_default();
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
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    let Some(item) = catalogue.item(&item) else {
        return view! { <Message heading=Msg::NotFoundHeading text=Msg::ItemMissingText/> }.into_any();
    };
    let (assessment, judgement) = use_assessment(&id);
    let (previous, next) =
        judgement.with_untracked(|j| j.as_ref().map(|j| flow::neighbours(j, item.id))).unwrap_or_default();
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
    let edit = editor(id.clone());
    let notes = assessment.with_untracked(|a| a.as_ref().and_then(|a| a.answer(item.id)).map(|a| a.notes.clone()));
    let place =
        format!("{} · {}", wording::kind(item.kind).get(lang), judgement.with_untracked(|j| position(lang, j, item)));
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
                    {element_choices(item, assessment, judgement, edit, None)}
                </div>
                <div class="projector__side">
                    {status_choices(item, assessment, judgement, edit, Msg::GroupAnswer)}
                    <TextField id="notes" label=Msg::FieldNotes.get(lang) kind=TextKind::Area
                        value=notes.unwrap_or_default()
                        on_input=Callback::new(move |value| edit.run(Edit::AnswerText {
                            item: item.id.to_owned(),
                            field: AnswerField::Notes,
                            value,
                        }))/>
                    <Document markup=render::workshop::projector_discussion(catalogue, item, lang)/>
                </div>
            </form>
        </div>
    }
    .into_any()
}

/// Where the plan the user gave seems to address the item, each passage usable as the reference.
#[component]
fn ItemPlanFindings(id: String, item: &'static Item) -> impl IntoView {
    let (assessments, notices) = (expect_context::<Assessments>(), expect_context::<Notices>());
    let lang = expect_context::<Settings>().lang();
    let plan = use_plan(&id);
    let give_plan_href = Route::Plan { id: id.clone() }.href();
    // "Brug som henvisning": the passage's place and first lines go into the answer.
    let use_reference = Callback::new(move |evidence: Evidence| {
        let place = evidence.place.clone();
        assessments.edit(&id, &Edit::UsePassage { item: item.id.to_owned(), evidence });
        notices.announce(Msg::PlanReferenceUsed.fill(lang, &[("place", &place)]));
    });
    view! {
        <PlanFindings plan item use_reference=Some(use_reference) note=Msg::PlanFindingsNote.get(lang)
            no_plan=Msg::PlanNoPlanYet.get(lang) give_plan_href give_plan_label=Msg::PlanLink.get(lang)/>
    }
}
