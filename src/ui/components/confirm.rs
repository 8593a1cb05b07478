use leptos::html;
use leptos::prelude::*;

use crate::domain::i18n::Msg;
use crate::ui::stores::Settings;

/// An inline question with "yes" and "cancel", as an alert dialog. Focus moves to "yes" when
/// it appears; Escape cancels.
#[component]
pub fn ConfirmBox(
    /// The id of the question text, which labels the dialog.
    question_id: String,
    question: String,
    yes_label: &'static str,
    #[prop(optional, into)] yes_id: Option<String>,
    on_yes: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let yes: NodeRef<html::Button> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(button) = yes.get() {
            let _ = button.focus();
        }
    });
    let labelled_by = question_id.clone();
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby=labelled_by
            on:keydown=move |ev| if ev.key() == "Escape" { on_cancel.run(()) }>
            <p id=question_id>{question}</p>
            <button type="button" class="button button--warning" id=yes_id node_ref=yes on:click=move |_| on_yes.run(())>
                {yes_label}
            </button>
            <button type="button" class="button button--link" on:click=move |_| on_cancel.run(())>
                {Msg::Cancel.get(lang)}
            </button>
        </div>
    }
}
