//! Form controls, rendered as HTML, and the way back: each control's `name` says what it edits,
//! and `edit_for` turns a control's name and value into the domain `Edit`. The UI listens once
//! per page (event delegation) and never needs to know the fields.

use super::html::Html;
use crate::domain::assessment::{AnswerField, Edit, ProfileField, Status};
use crate::domain::catalogue::{Catalogue, Item};
use crate::domain::engine::{Field, Judgement};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::wording;

/// The `name` of every control that edits an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Profile(ProfileField),
    PlanType,
    /// A profile question. Each question is its own radio group, named `question-<id>`.
    Question,
    Status,
    Element,
    Answer(AnswerField),
    IncludeAnyway,
    IncludeReason,
}

/// Radio groups of profile questions are named `question-<question id>`.
pub const QUESTION_PREFIX: &str = "question-";

const PROFILE_FIELDS: [(ProfileField, &str); 5] = [
    (ProfileField::PlanName, "plan-name"),
    (ProfileField::Organisation, "organisation"),
    (ProfileField::HousingArea, "housing-area"),
    (ProfileField::Assessor, "assessor"),
    (ProfileField::Date, "assessment-date"),
];

const ANSWER_FIELDS: [(AnswerField, &str); 6] = [
    (AnswerField::DocumentedIn, "documented-in"),
    (AnswerField::Notes, "notes"),
    (AnswerField::NotRelevantReason, "not-relevant-reason"),
    (AnswerField::ActionDescription, "action-description"),
    (AnswerField::ActionOwner, "action-owner"),
    (AnswerField::ActionDeadline, "action-deadline"),
];

impl Control {
    /// The control's `name` attribute (also the `id` of single controls).
    pub fn name(self) -> &'static str {
        match self {
            Control::Profile(field) => PROFILE_FIELDS.iter().find(|(f, _)| *f == field).map(|(_, n)| *n).unwrap_or(""),
            Control::Answer(field) => ANSWER_FIELDS.iter().find(|(f, _)| *f == field).map(|(_, n)| *n).unwrap_or(""),
            Control::PlanType => "plan-type",
            Control::Question => QUESTION_PREFIX,
            Control::Status => "status",
            Control::Element => "element",
            Control::IncludeAnyway => "include-anyway",
            Control::IncludeReason => "include-reason",
        }
    }

    /// Every control there is.
    pub fn all() -> impl Iterator<Item = Control> {
        let fixed = [
            Control::PlanType,
            Control::Question,
            Control::Status,
            Control::Element,
            Control::IncludeAnyway,
            Control::IncludeReason,
        ];
        PROFILE_FIELDS
            .iter()
            .map(|(f, _)| Control::Profile(*f))
            .chain(ANSWER_FIELDS.iter().map(|(f, _)| Control::Answer(*f)))
            .chain(fixed)
    }

    pub fn parse(name: &str) -> Option<Control> {
        if name.starts_with(QUESTION_PREFIX) {
            return Some(Control::Question);
        }
        Control::all().find(|c| c.name() == name)
    }
}

/// The edit a control makes. `name` is the control's name, `item` the item on the page, `value`
/// the control's value and `checked` its checked state.
pub fn edit_for(name: &str, item: Option<&str>, value: &str, checked: bool) -> Option<Edit> {
    let control = Control::parse(name)?;
    let item = || item.map(str::to_owned);
    Some(match control {
        Control::Profile(field) => Edit::ProfileText(field, value.to_owned()),
        Control::PlanType => Edit::PlanType(Some(value.to_owned())),
        Control::Question => {
            let question = name.strip_prefix(QUESTION_PREFIX).filter(|q| !q.is_empty())?;
            Edit::Condition { question: question.to_owned(), option: Some(value.to_owned()) }
        }
        Control::Status => {
            let status = Status::CHOICES.into_iter().find(|s| s.key() == value)?;
            Edit::Status { item: item()?, status }
        }
        Control::Element => Edit::Element { item: item()?, element: value.to_owned(), ticked: checked },
        Control::Answer(field) => Edit::AnswerText { item: item()?, field, value: value.to_owned() },
        Control::IncludeAnyway => Edit::IncludeAnyway { item: item()?, reason: checked.then(String::new) },
        Control::IncludeReason => Edit::IncludeAnyway { item: item()?, reason: Some(value.to_owned()) },
    })
}

/// The id of the element a warning about `field` belongs to (its control, or its group).
pub fn field_id(field: Field) -> String {
    match field {
        Field::Status => "status".to_owned(),
        Field::Elements => "elements".to_owned(),
        Field::NotRelevantReason => Control::Answer(AnswerField::NotRelevantReason).name().into(),
        Field::ActionDescription => Control::Answer(AnswerField::ActionDescription).name().into(),
        Field::ActionOwner => Control::Answer(AnswerField::ActionOwner).name().into(),
        Field::ActionDeadline => Control::Answer(AnswerField::ActionDeadline).name().into(),
        Field::IncludeAnyway => Control::IncludeReason.name().into(),
        Field::PlanType => Control::PlanType.name().into(),
        Field::ProfileQuestion(id) => format!("question-{id}"),
    }
}

/// Every field of a page that can carry warnings, with its current warnings (empty to clear).
pub fn field_warnings(
    catalogue: &Catalogue,
    judgement: &Judgement,
    item: Option<&'static Item>,
    lang: Lang,
) -> Vec<(String, Vec<String>)> {
    let fields: Vec<Field> = match item {
        Some(_) => vec![
            Field::Status,
            Field::Elements,
            Field::NotRelevantReason,
            Field::ActionDescription,
            Field::ActionOwner,
            Field::ActionDeadline,
            Field::IncludeAnyway,
        ],
        None => std::iter::once(Field::PlanType)
            .chain(catalogue.profile_questions.iter().map(|q| Field::ProfileQuestion(q.id)))
            .collect(),
    };
    fields
        .into_iter()
        .map(|field| {
            let texts = judgement
                .warnings
                .iter()
                .filter(|w| w.field == field && w.item.map(|i| i.id) == item.map(|i| i.id))
                .map(|w| wording::warning(catalogue, w, lang))
                .collect();
            (field_id(field), texts)
        })
        .collect()
}

/// The warning list of one field, for its live container.
pub fn warning_list(texts: &[String], lang: Lang) -> String {
    let mut html = Html::new();
    for text in texts {
        html.open("p", &[]).el("span", "visually-hidden", Msg::WarningPrefix.get(lang)).text(text).close("p");
    }
    html.finish()
}

/// A field's label, hint and (empty, live) warning container, before its control.
fn field_start(html: &mut Html, id: &str, label: &str, hint: Option<&str>) {
    html.open("div", &[("class", Some("field")), ("id", Some(&format!("{id}-field")))]);
    html.element("label", &[("class", Some("label")), ("for", Some(id))], label);
    if let Some(hint) = hint {
        html.element("p", &[("class", Some("hint")), ("id", Some(&format!("{id}-hint")))], hint);
    }
    warning_container(html, id);
}

fn warning_container(html: &mut Html, id: &str) {
    html.element(
        "div",
        &[("class", Some("warning-text")), ("id", Some(&format!("{id}-warning"))), ("aria-live", Some("polite"))],
        "",
    );
}

fn described_by(id: &str, hint: bool) -> String {
    if hint {
        format!("{id}-hint {id}-warning")
    } else {
        format!("{id}-warning")
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    TextArea,
}

/// A labelled text control named after what it edits.
pub fn text_field(
    html: &mut Html,
    control: Control,
    label: &str,
    hint: Option<&str>,
    value: &str,
    kind: Kind,
    required: bool,
) {
    let id = control.name();
    field_start(html, id, label, hint);
    let describedby = described_by(id, hint.is_some());
    let required = required.then_some("true");
    match kind {
        Kind::TextArea => {
            html.open(
                "textarea",
                &[
                    ("id", Some(id)),
                    ("name", Some(id)),
                    ("class", Some("input")),
                    ("rows", Some("4")),
                    ("aria-describedby", Some(&describedby)),
                    ("aria-required", required),
                ],
            );
            html.text(value).close("textarea");
        }
        Kind::Text | Kind::Date => {
            html.open(
                "input",
                &[
                    ("id", Some(id)),
                    ("name", Some(id)),
                    ("class", Some("input")),
                    ("type", Some(if kind == Kind::Date { "date" } else { "text" })),
                    ("value", Some(value)),
                    ("aria-describedby", Some(&describedby)),
                    ("aria-required", required),
                ],
            );
        }
    }
    html.close("div");
}

/// One radio or checkbox option.
pub struct Choice<'a> {
    pub value: &'a str,
    pub label: &'a str,
    pub hint: Option<&'a str>,
    pub checked: bool,
}

/// A fieldset of radios or checkboxes. `group_id` names the fieldset (and its warnings).
#[allow(clippy::too_many_arguments)]
pub fn choices(
    html: &mut Html,
    group_id: &str,
    name: &str,
    input_type: &'static str,
    legend: &str,
    hint: Option<&str>,
    options: &[Choice<'_>],
    large: bool,
) {
    let describedby = described_by(group_id, hint.is_some());
    html.open(
        "fieldset",
        &[
            ("class", Some("fieldset")),
            ("id", Some(&format!("{group_id}-field"))),
            ("aria-describedby", Some(&describedby)),
        ],
    );
    html.el("legend", if large { "legend legend--large" } else { "legend" }, legend);
    if let Some(hint) = hint {
        html.element("p", &[("class", Some("hint")), ("id", Some(&format!("{group_id}-hint")))], hint);
    }
    warning_container(html, group_id);
    let (wrapper, input_class, label_class) = if input_type == "radio" {
        ("radio", "radio__input", "radio__label")
    } else {
        ("checkbox", "checkbox__input", "checkbox__label")
    };
    html.open(
        "div",
        &[("class", Some(if input_type == "radio" { "radios" } else { "checkboxes" })), ("id", Some(group_id))],
    );
    for option in options {
        let id = format!("{group_id}-{}", option.value.replace('/', "-"));
        let hint_id = format!("{id}-hint");
        html.open("div", &[("class", Some(wrapper))]);
        html.open(
            "input",
            &[
                ("class", Some(input_class)),
                ("type", Some(input_type)),
                ("id", Some(&id)),
                ("name", Some(name)),
                ("value", Some(option.value)),
                ("checked", option.checked.then_some("")),
                ("aria-describedby", option.hint.map(|_| hint_id.as_str())),
            ],
        );
        html.element("label", &[("class", Some(label_class)), ("for", Some(&id))], option.label);
        if let Some(hint) = option.hint {
            html.element("p", &[("class", Some("hint radio__hint")), ("id", Some(&hint_id))], hint);
        }
        html.close("div");
    }
    html.close("div").close("fieldset");
}

/// Each status as a radio choice, in the questionnaire's order.
pub fn status_choices(current: Status, lang: Lang) -> Vec<Choice<'static>> {
    Status::CHOICES
        .iter()
        .map(|s| Choice { value: s.key(), label: wording::status(*s).get(lang), hint: None, checked: *s == current })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_name_parses_back() {
        for control in Control::all() {
            assert_eq!(Control::parse(control.name()), Some(control));
        }
        assert_eq!(Control::parse("question-plan-origin"), Some(Control::Question));
        assert_eq!(Control::parse("nonsense"), None);
    }

    #[test]
    fn controls_become_the_edits_they_name() {
        let item = Some("sekretariat");
        assert_eq!(
            edit_for("status", item, "partly-met", true),
            Some(Edit::Status { item: "sekretariat".into(), status: Status::PartlyMet })
        );
        assert_eq!(
            edit_for("element", item, "stoerrelse", false),
            Some(Edit::Element { item: "sekretariat".into(), element: "stoerrelse".into(), ticked: false })
        );
        assert_eq!(
            edit_for("notes", item, "<b>x</b>", false),
            Some(Edit::AnswerText { item: "sekretariat".into(), field: AnswerField::Notes, value: "<b>x</b>".into() })
        );
        assert_eq!(
            edit_for("question-omraadefornyelse", None, "ved-ikke", true),
            Some(Edit::Condition { question: "omraadefornyelse".into(), option: Some("ved-ikke".into()) })
        );
        assert_eq!(
            edit_for("plan-name", None, "Plan", false),
            Some(Edit::ProfileText(ProfileField::PlanName, "Plan".into()))
        );
        assert_eq!(
            edit_for("include-anyway", item, "on", false),
            Some(Edit::IncludeAnyway { item: "sekretariat".into(), reason: None })
        );
        assert_eq!(edit_for("status", item, "bogus", true), None, "an unknown status edits nothing");
        assert_eq!(edit_for("status", None, "met", true), None, "an item control needs an item");
    }

    #[test]
    fn typed_values_are_escaped_in_controls() {
        let mut html = Html::new();
        text_field(
            &mut html,
            Control::Answer(AnswerField::Notes),
            "Noter",
            None,
            "</textarea><script>x</script>",
            Kind::TextArea,
            false,
        );
        let out = html.finish();
        assert!(!out.contains("<script>"), "{out}");
        assert!(out.contains("&lt;/textarea&gt;&lt;script&gt;"), "{out}");
    }
}
