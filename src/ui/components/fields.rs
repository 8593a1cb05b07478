//! Form fields: a labelled text control, and a fieldset of radios or checkboxes. Each shows the
//! engine's warnings for it in a polite live container and marks its control invalid.
//!
//! Text controls are uncontrolled: the value is set once, when the field is built, so a change
//! saved elsewhere never moves the caret of someone typing.

use leptos::prelude::*;

use crate::domain::engine::Field;
use crate::domain::i18n::Msg;
use crate::ui::stores::Settings;

/// The ids of the controls (or groups of controls) that hold the engine's fields: where a
/// field's warnings are shown, and where a link in the warning summary moves focus.
pub mod ids {
    pub const STATUS: &str = "status";
    pub const ELEMENTS: &str = "elements";
    pub const NOT_RELEVANT_REASON: &str = "not-relevant-reason";
    pub const ACTION_DESCRIPTION: &str = "action-description";
    pub const ACTION_OWNER: &str = "action-owner";
    pub const ACTION_DEADLINE: &str = "action-deadline";
    pub const INCLUDE_REASON: &str = "include-reason";
    pub const PLAN_TYPE: &str = "plan-type";
}

/// The id of the control that holds `field`.
pub fn control_id(field: Field) -> String {
    match field {
        Field::Status => ids::STATUS.to_owned(),
        Field::Elements => ids::ELEMENTS.to_owned(),
        Field::NotRelevantReason => ids::NOT_RELEVANT_REASON.to_owned(),
        Field::ActionDescription => ids::ACTION_DESCRIPTION.to_owned(),
        Field::ActionOwner => ids::ACTION_OWNER.to_owned(),
        Field::ActionDeadline => ids::ACTION_DEADLINE.to_owned(),
        Field::IncludeAnyway => ids::INCLUDE_REASON.to_owned(),
        Field::PlanType => ids::PLAN_TYPE.to_owned(),
        Field::ProfileQuestion(question) => format!("question-{question}"),
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextKind {
    #[default]
    Line,
    Date,
    Area,
}

/// No warnings, for fields the engine never warns about.
pub fn no_warnings() -> Signal<Vec<String>> {
    Signal::stored(Vec::new())
}

fn described_by(id: &str, hint: bool) -> String {
    if hint {
        format!("{id}-hint {id}-warning")
    } else {
        format!("{id}-warning")
    }
}

#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    /// The value when the field is built.
    value: String,
    /// For a field the app may also fill in (a reference from the plan): its value as stored.
    /// Setting an input to the value it already has leaves the caret where it is.
    #[prop(optional)]
    current: Option<Signal<String>>,
    #[prop(optional)] kind: TextKind,
    #[prop(optional)] required: bool,
    #[prop(default = no_warnings())] warnings: Signal<Vec<String>>,
    on_input: Callback<String>,
) -> impl IntoView {
    let warned = move || warnings.with(|w| !w.is_empty());
    let described = described_by(id, hint.is_some());
    let required = required.then_some("true");
    let value = move || current.map(|current| current.get()).unwrap_or_else(|| value.clone());
    let control = match kind {
        TextKind::Area => view! {
            <textarea id=id class="input" rows="4" aria-describedby=described aria-required=required
                aria-invalid=move || warned().then_some("true") prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any(),
        TextKind::Line | TextKind::Date => view! {
            <input id=id class="input" type=if kind == TextKind::Date { "date" } else { "text" }
                aria-describedby=described aria-required=required
                aria-invalid=move || warned().then_some("true") prop:value=value
                on:input=move |ev| on_input.run(event_target_value(&ev))/>
        }
        .into_any(),
    };
    view! {
        <div class=move || if warned() { "field field--warning" } else { "field" } id=format!("{id}-field")>
            <label class="label" for=id>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <Warnings id=id.to_owned() warnings=warnings/>
            {control}
        </div>
    }
}

/// One radio or checkbox.
#[derive(Clone, Debug)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
}

/// A fieldset of radios (one answer) or checkboxes (any number). `group_id` names the group,
/// its warnings and, for radios, the group's `name`, so arrow keys move within it.
#[component]
pub fn Choices(
    group_id: String,
    legend: &'static str,
    #[prop(default = None)] hint: Option<&'static str>,
    options: Vec<Choice>,
    #[prop(optional)] checkboxes: bool,
    #[prop(optional)] large: bool,
    /// Whether the option with this value is chosen (read reactively).
    is_chosen: Callback<&'static str, bool>,
    /// An option was chosen, or (for checkboxes) ticked or unticked.
    on_choose: Callback<(&'static str, bool)>,
    #[prop(default = no_warnings())] warnings: Signal<Vec<String>>,
    /// The language of the options' labels when it is not the page's: the source's own words
    /// ("fungerer godt") stay Danish on an English page, marked so.
    #[prop(default = None)]
    labels_lang: Option<&'static str>,
) -> impl IntoView {
    let warned = move || warnings.with(|w| !w.is_empty());
    let (wrapper, input_class, label_class, input_type) = if checkboxes {
        ("checkbox", "checkbox__input", "checkbox__label", "checkbox")
    } else {
        ("radio", "radio__input", "radio__label", "radio")
    };
    let name = group_id.clone();
    let options = options
        .into_iter()
        .map(|option| {
            let id = format!("{group_id}-{}", option.value.replace('/', "-"));
            let hint_id = format!("{id}-hint");
            let value = option.value;
            view! {
                <div class=wrapper>
                    <input class=input_class type=input_type id=id.clone() name=name.clone() value=value
                        aria-describedby=option.hint.map(|_| hint_id.clone())
                        prop:checked=move || is_chosen.run(value)
                        on:change=move |ev| on_choose.run((value, event_target_checked(&ev)))/>
                    <label class=label_class for=id lang=labels_lang>{option.label}</label>
                    {option.hint.map(|hint| view! { <p class="hint radio__hint" id=hint_id>{hint}</p> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class=move || if warned() { "fieldset field--warning" } else { "fieldset" }
            id=format!("{group_id}-field") aria-describedby=described_by(&group_id, hint.is_some())>
            <legend class=if large { "legend legend--large" } else { "legend" }>{legend}</legend>
            {hint.map(|hint| view! { <p class="hint" id=format!("{group_id}-hint")>{hint}</p> })}
            <Warnings id=group_id.clone() warnings=warnings/>
            <div class=if checkboxes { "checkboxes" } else { "radios" } id=group_id.clone()>{options}</div>
        </fieldset>
    }
}

/// A field's warnings, in a live container that screen readers read as they change.
#[component]
fn Warnings(id: String, warnings: Signal<Vec<String>>) -> impl IntoView {
    let prefix = expect_context::<Settings>().t(Msg::WarningPrefix);
    view! {
        <div class="warning-text" id=format!("{id}-warning") aria-live="polite">
            {move || {
                warnings
                    .get()
                    .into_iter()
                    .map(|text| view! { <p><span class="visually-hidden">{prefix}</span>{text}</p> })
                    .collect_view()
            }}
        </div>
    }
}
