//! The start page: what the tool is for, that answers stay here, and the assessments saved in
//! this browser, each with its actions.

use leptos::html;
use leptos::prelude::*;

use crate::browser::{clock, page};
use crate::domain::assessment::Assessment;
use crate::domain::catalogue;
use crate::domain::engine::Judgement;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::domain::wording::{self, display_name};
use crate::render::{self, progress_text, verdict_class};
use crate::ui::components::backup_reminder::BackupReminder;
use crate::ui::components::confirm::ConfirmBox;
use crate::ui::components::import::{Import, ImportInto};
use crate::ui::focus;
use crate::ui::hooks::use_assessment;
use crate::ui::stores::{Assessments, Settings};

#[component]
pub fn StartPage() -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let lang = expect_context::<Settings>().lang();
    let catalogue = catalogue::current();
    let count = catalogue.item_count().to_string();
    let source = Msg::StartSource.fill(
        lang,
        &[
            ("title", catalogue.source.title.get(lang)),
            ("date", catalogue.source.date.get(lang)),
            ("period", &render::names::period(catalogue)),
        ],
    );
    view! {
        <BackupReminder link=true/>
        <h1 tabindex="-1">{Msg::StartHeading.get(lang)}</h1>
        <p class="lead">{Msg::StartIntro.get(lang)}</p>
        <p class="source-note">{source}</p>
        <div class="callout callout--privacy">
            <h2 class="callout__heading">{Msg::StartPrivacyHeading.get(lang)}</h2>
            <p>{Msg::StartPrivacyText.get(lang)}</p>
        </div>
        <h2>{Msg::StartHowHeading.get(lang)}</h2>
        <ol class="how-list">
            <li>{Msg::StartStepProfile.get(lang)}</li>
            <li>{Msg::StartStepItems.fill(lang, &[("count", &count)])}</li>
            <li>{Msg::StartStepReport.get(lang)}</li>
        </ol>
        <button type="button" class="button button--start" on:click=move |_| {
            let id = assessments.create();
            page::go(&Route::Profile { id }.href());
        }>
            {Msg::StartButton.get(lang)}
            <span class="button__arrow" aria-hidden="true">" →"</span>
        </button>
        <SavedList/>
        <section aria-labelledby="start-import">
            <h2 id="start-import">{Msg::ImportHeading.get(lang)}</h2>
            <p>{Msg::StartImportIntro.get(lang)}</p>
            <Import id="import-file" label=Msg::ImportPick into=ImportInto::Assessments/>
        </section>
        <section aria-labelledby="start-more">
            <h2 id="start-more">{Msg::StartMoreHeading.get(lang)}</h2>
            <ul class="link-list">
                <li>
                    <a href=Route::Skabeloner.href()>{Msg::SkabelonListHeading.get(lang)}</a>": "
                    {Msg::StartMoreSkabelon.get(lang)}
                </li>
                <li>
                    <a href=Route::Evaluation.href()>{Msg::EvalHeading.get(lang)}</a>": "
                    {Msg::StartMoreEvaluation.get(lang)}
                </li>
                <li>
                    <a href=Route::Reviews.href()>{Msg::ReviewsHeading.get(lang)}</a>": "
                    {Msg::StartMoreReview.get(lang)}
                </li>
            </ul>
        </section>
        <details class="details">
            <summary>{Msg::FocusAreasHeading.get(lang)}</summary>
            <div>
                <p>{Msg::FocusAreasIntro.get(lang)}</p>
                <ul>
                    {catalogue
                        .focus_areas
                        .iter()
                        .map(|area| view! {
                            <li><strong lang="da">{area.name.da}</strong>": "<span lang=lang.code()>{area.text.get(lang)}</span></li>
                        })
                        .collect_view()}
                </ul>
            </div>
        </details>
    }
}

/// The saved assessments, newest change first. Rows are keyed by id, so a row that stays keeps
/// its elements (and focus) when the list changes.
#[component]
fn SavedList() -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let lang = expect_context::<Settings>().lang();
    let ids = Memo::new(move |_| assessments.ids());
    view! {
        <h2 id="saved-heading" tabindex="-1">{Msg::SavedHeading.get(lang)}</h2>
        <Show when=move || ids.with(|ids| !ids.is_empty()) fallback=move || view! { <p>{Msg::SavedNone.get(lang)}</p> }>
            <ul class="saved-list" aria-labelledby="saved-heading">
                <For each=move || ids.get() key=|id| id.clone() children=move |id| view! { <SavedRow id/> }/>
            </ul>
        </Show>
    }
}

/// What a row is doing besides showing its assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowMode {
    Idle,
    Renaming,
    ConfirmingDelete,
}

#[component]
fn SavedRow(id: String) -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let lang = expect_context::<Settings>().lang();
    let mode = RwSignal::new(RowMode::Idle);
    let rename_button: NodeRef<html::Button> = NodeRef::new();
    let (assessment, judgement) = use_assessment(&id);
    let row = Memo::new(move |_| {
        assessment.with(|a| judgement.with(|j| a.as_ref().zip(j.as_ref()).map(|(a, j)| Row::of(a, j, lang))))
    });
    let field = move |pick: fn(&Row) -> String| move || row.with(|r| r.as_ref().map(pick).unwrap_or_default());
    let name = field(|r| r.name.clone());
    let named = move |msg: Msg| msg.fill(lang, &[("name", &name())]);
    let open = Route::Overview { id: id.clone() }.href();
    let (duplicate_id, rename_id, delete_id) = (id.clone(), id.clone(), id.clone());
    let cancel = move || {
        mode.set(RowMode::Idle);
        if let Some(button) = rename_button.get_untracked() {
            let _ = button.focus();
        }
    };
    view! {
        <li class="saved-item">
            <div class="saved-item__main">
                <h3 class="saved-item__name"><a href=open.clone() id=format!("saved-{id}")>{name}</a></h3>
                <dl class="saved-item__facts">
                    <div><dt>{Msg::ColChanged.get(lang)}</dt><dd>{field(|r| r.changed.clone())}</dd></div>
                    <div><dt>{Msg::ColProgress.get(lang)}</dt><dd>{field(|r| r.progress.clone())}</dd></div>
                    <div>
                        <dt>{Msg::ColVerdict.get(lang)}</dt>
                        <dd><span class=field(|r| r.verdict_class.to_owned())>{field(|r| r.verdict.to_owned())}</span></dd>
                    </div>
                </dl>
            </div>
            <div class="saved-item__actions">
                <a class="button button--secondary" href=open aria-label=move || named(Msg::OpenNamed)>{Msg::Open.get(lang)}</a>
                <button type="button" class="button button--secondary" node_ref=rename_button
                    aria-label=move || named(Msg::RenameNamed) on:click=move |_| mode.set(RowMode::Renaming)>
                    {Msg::Rename.get(lang)}
                </button>
                <button type="button" class="button button--secondary" aria-label=move || named(Msg::DuplicateNamed)
                    on:click=move |_| { assessments.duplicate(&duplicate_id, lang); }>
                    {Msg::Duplicate.get(lang)}
                </button>
                <button type="button" class="button button--warning" aria-label=move || named(Msg::DeleteNamed)
                    on:click=move |_| mode.set(RowMode::ConfirmingDelete)>
                    {Msg::Delete.get(lang)}
                </button>
            </div>
            {move || match mode.get() {
                RowMode::Idle => None,
                RowMode::Renaming => {
                    let link = format!("saved-{rename_id}");
                    Some(view! {
                        <RenameForm id=rename_id.clone() current=name() on_done=Callback::new(move |saved: bool| {
                            if saved {
                                mode.set(RowMode::Idle);
                                focus::when_shown(link.clone());
                            } else {
                                cancel();
                            }
                        })/>
                    }.into_any())
                }
                RowMode::ConfirmingDelete => {
                    let delete_id = delete_id.clone();
                    Some(view! {
                        <ConfirmBox question_id=format!("confirm-{delete_id}") question=named(Msg::DeleteConfirm)
                            yes_label=Msg::DeleteConfirmYes.get(lang) yes_id=format!("confirm-yes-{delete_id}")
                            on_yes=Callback::new(move |()| if assessments.delete(&delete_id, lang) { focus::when_shown("undo-button") })
                            on_cancel=Callback::new(move |()| cancel())/>
                    }.into_any())
                }
            }}
        </li>
    }
}

/// A row's facts, as shown.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    name: String,
    changed: String,
    progress: String,
    verdict: &'static str,
    verdict_class: &'static str,
}

impl Row {
    fn of(assessment: &Assessment, judgement: &Judgement, lang: Lang) -> Row {
        Row {
            name: display_name(assessment, lang),
            changed: clock::local_date_time(&assessment.updated_at),
            progress: progress_text(judgement, lang),
            verdict: wording::verdict(judgement.verdict).get(lang),
            verdict_class: verdict_class(judgement.verdict),
        }
    }
}

/// The new name, saved on Enter or "Gem navn"; Escape or "Annullér" leaves it as it was.
/// `on_done` says whether it was saved.
#[component]
fn RenameForm(id: String, current: String, on_done: Callback<bool>) -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let lang = expect_context::<Settings>().lang();
    let input: NodeRef<html::Input> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
            input.select();
        }
    });
    let input_id = format!("rename-{id}");
    view! {
        <form class="inline-form"
            on:submit=move |ev| {
                ev.prevent_default();
                let name = input.get_untracked().map(|i| i.value()).unwrap_or_default();
                assessments.rename(&id, name.trim().to_owned(), lang);
                on_done.run(true);
            }
            on:keydown=move |ev| if ev.key() == "Escape" { on_done.run(false) }>
            <label class="label" for=input_id.clone()>{Msg::RenameLabel.get(lang)}</label>
            <input id=input_id class="input" type="text" node_ref=input prop:value=current/>
            <button type="submit" class="button">{Msg::SaveName.get(lang)}</button>
            <button type="button" class="button button--link" on:click=move |_| on_done.run(false)>
                {Msg::Cancel.get(lang)}
            </button>
        </form>
    }
}
