use leptos::prelude::*;

/// A file picker that is also a drop zone: the files picked or dropped go to `on_files`. The
/// input is emptied afterwards, so the same file picked again is a new choice.
#[component]
pub fn DropZone(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    /// The input's `accept`: the kinds of file offered in the picker.
    accept: &'static str,
    #[prop(optional)] multiple: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
    on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let files = |list: Option<web_sys::FileList>| -> Vec<web_sys::File> {
        list.map(|list| (0..list.length()).filter_map(|n| list.get(n)).collect()).unwrap_or_default()
    };
    view! {
        <div class="dropzone"
            on:dragover=|ev| ev.prevent_default()
            on:drop=move |ev| {
                ev.prevent_default();
                let mut dropped = files(ev.data_transfer().and_then(|d| d.files()));
                if !multiple {
                    dropped.truncate(1);
                }
                if !dropped.is_empty() && !disabled.get_untracked() {
                    on_files.run(dropped);
                }
            }>
            <label class="label" for=id>{label}</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <input type="file" id=id class="file-input" accept=accept multiple=multiple aria-describedby=hint_id
                disabled=move || disabled.get()
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    let picked = files(input.files());
                    input.set_value("");
                    if !picked.is_empty() {
                        on_files.run(picked);
                    }
                }/>
        </div>
    }
}
