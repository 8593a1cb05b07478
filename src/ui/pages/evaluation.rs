//! The kommune's side of the evaluation: every plan's strategiskabelon gathered from its file,
//! the overview across plans for a period (with the last period beside it), the plans that say
//! a collaboration "rummer større udfordringer", and one plan's strategiskabelon.

use leptos::prelude::*;

use crate::browser::{files, page};
use crate::domain::catalogue;
use crate::domain::evaluation::aggregate::{self, overview, trend};
use crate::domain::evaluation::file::{Gathering, MAX_FILE_BYTES};
use crate::domain::evaluation::scheme::scheme;
use crate::domain::evaluation::{self as evaluation, Period};
use crate::domain::exchange::ImportFile;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::render;
use crate::render::evaluation::Level;
use crate::render::html::Markup;
use crate::ui::components::document::Document;
use crate::ui::components::drop_zone::DropZone;
use crate::ui::focus;
use crate::ui::hooks::use_print_footer;
use crate::ui::stores::{Evaluations, Notices, Settings};

#[component]
pub fn EvaluationPage() -> impl IntoView {
    let (evaluations, notices) = (expect_context::<Evaluations>(), expect_context::<Notices>());
    let lang = expect_context::<Settings>().lang();
    let outcome = RwSignal::new(None::<(String, Vec<(String, bool)>)>);
    let periods = Memo::new(move |_| evaluations.with(aggregate::periods));
    let chosen = RwSignal::new(None::<Period>);
    // The period shown: the one chosen, while it has plans; the newest otherwise.
    let period = Memo::new(move |_| {
        periods.with(|list| chosen.get().filter(|p| list.contains(p)).or_else(|| list.first().copied()))
    });
    let on_files = Callback::new(move |picked: Vec<web_sys::File>| {
        leptos::task::spawn_local(async move {
            let read = read_all(&picked).await;
            let gathering: Gathering = evaluations.gather(&read);
            let summary = evaluation::wording::gathering_summary(&gathering, lang);
            let refused = gathering.refused().count();
            let lines = evaluation::wording::gathering_lines(&gathering, lang)
                .into_iter()
                .enumerate()
                .map(|(n, line)| (line, n < refused))
                .collect();
            notices.announce(summary.clone());
            outcome.set(Some((summary, lines)));
            focus::when_shown("evaluation-outcome");
        });
    });
    // Under this page's own h1 on screen; in the file, the document's title is the h1.
    let summary = Signal::derive(move || {
        let Some(period) = period.get() else { return Markup::default() };
        evaluations.with(|list| summary_of(list, period, Level::UnderPage, lang))
    });
    // Printed pages carry the summary's title at their foot, as the report carries its plan.
    use_print_footer(move || period.get().map(|p| Msg::EvalSummaryTitle.fill(lang, &[("period", &p.label(lang))])));
    let download = move |_| {
        let Some(period) = period.get_untracked() else { return };
        let today = crate::browser::clock::today();
        let (file_name, file) = evaluations.with(|list| {
            let body = summary_of(list, period, Level::Page, lang);
            let title = Msg::EvalSummaryTitle.fill(lang, &[("period", &period.label(lang))]);
            let css = page::stylesheet_text("report");
            (
                render::evaluation::summary_file_name(&overview(list, period), &today),
                render::report::standalone(&body, &css, &title, &title, lang),
            )
        });
        if files::download(&file_name, "text/html;charset=utf-8", &file).is_err() {
            notices.confirm(Msg::DownloadFailed.get(lang).to_owned());
        }
    };
    let remove_all = move |_| {
        if evaluations.remove_all() {
            outcome.set(None);
            notices.confirm(Msg::EvalRemovedAll.get(lang).to_owned());
        }
        focus::when_shown("evaluation-files");
    };
    let outcome_view = move || {
        outcome.get().map(|(summary, lines)| {
            view! {
                <div id="evaluation-outcome" tabindex="-1" class="notice notice--info">
                    <p><strong>{summary}</strong></p>
                    <ul class="evaluation-outcome">
                        {lines.into_iter().map(|(line, refused)| view! {
                            <li class:evaluation-outcome__refused=refused>{line}</li>
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    };
    view! {
        <div class="no-print">
            <h1 tabindex="-1">{Msg::EvalHeading.get(lang)}</h1>
            <p class="lead">{Msg::EvalIntro.get(lang)}</p>
            <DropZone id="evaluation-files" label=Msg::EvalPick.get(lang) hint=Msg::EvalDropHint.get(lang)
                accept=".json,application/json" multiple=true on_files/>
            {outcome_view}
            <Show when=move || period.get().is_some()
                fallback=move || view! { <p id="evaluation-empty">{Msg::EvalNothingGathered.get(lang)}</p> }>
                <div class="field">
                    <label class="label" for="evaluation-period">{Msg::EvalPeriodLabel.get(lang)}</label>
                    <select id="evaluation-period" class="input select" on:change=move |ev| {
                        let picked = Period::parse(&event_target_value(&ev));
                        chosen.set(picked);
                        if let Some(picked) = picked {
                            notices.announce(Msg::EvalShowingPeriod.fill(lang, &[("period", &picked.label(lang))]));
                        }
                    }>
                        {move || periods.get().into_iter().map(|p| {
                            let selected = period.get_untracked() == Some(p);
                            view! { <option value=p.key() selected=selected>{p.label(lang)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <PlanList period/>
                <div class="button-row">
                    <button type="button" class="button" id="print-evaluation" on:click=|_| page::print()>
                        {Msg::PrintReport.get(lang)}
                    </button>
                    <button type="button" class="button button--secondary" on:click=download>
                        {Msg::EvalDownload.get(lang)}
                    </button>
                    <button type="button" class="button button--warning" on:click=remove_all>
                        {Msg::EvalRemoveAll.get(lang)}
                    </button>
                </div>
            </Show>
        </div>
        <Document markup=summary/>
    }
}

/// The summary of a period, with the period before it beside it when there are files for it.
fn summary_of(list: &[evaluation::Strategiskabelon], period: Period, level: Level, lang: Lang) -> Markup {
    let today = crate::browser::clock::today();
    let earlier = period.previous();
    let o = overview(list, period);
    if list.iter().any(|s| s.period == earlier) {
        render::evaluation::summary(&o, Some(&trend(list, earlier, period)), &today, lang, level)
    } else {
        render::evaluation::summary(&o, None, &today, lang, level)
    }
}

/// The plans of the period, each to be opened; filtered, on request, to those that say a
/// collaboration "rummer større udfordringer".
#[component]
fn PlanList(period: Memo<Option<Period>>) -> impl IntoView {
    let (evaluations, notices) = (expect_context::<Evaluations>(), expect_context::<Notices>());
    let lang = expect_context::<Settings>().lang();
    let only_major = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let Some(period) = period.get() else { return Vec::new() };
        evaluations.with(|list| {
            overview(list, period)
                .plans
                .iter()
                .filter(|row| !only_major.get() || row.major_challenges())
                .map(|row| {
                    let s = row.skabelon;
                    let href = Route::EvaluationPlan { plan: s.plan.id.clone(), period: s.period.key() }.href();
                    let worst = row.worst().map(|level| level.label.da).unwrap_or_default();
                    (href, evaluation::display_name(s, lang), row.activities, worst, row.major_challenges())
                })
                .collect::<Vec<_>>()
        })
    });
    let worst = scheme().worst_rating();
    view! {
        <h2 id="evaluation-plans-heading">{Msg::EvalPlansHeading.get(lang)}</h2>
        <div class="checkbox">
            <input class="checkbox__input" type="checkbox" id="evaluation-only-major" on:change=move |ev| {
                only_major.set(event_target_checked(&ev));
                let count = rows.with_untracked(Vec::len).to_string();
                notices.announce(Msg::EvalPlansShown.fill(lang, &[("count", &count)]));
            }/>
            <label class="checkbox__label" for="evaluation-only-major">
                {Msg::EvalOnlyMajor.get(lang)} " " <span lang="da">{worst.label.da}</span>
            </label>
        </div>
        <ul class="evaluation-plan-list" aria-labelledby="evaluation-plans-heading">
            <For each=move || rows.get() key=|row| row.0.clone() let((href, name, activities, worst, major))>
                <li class:evaluation-plan-list__major=major>
                    <a href=href>{name}</a>
                    " – " {Msg::EvalPlanActivities.fill(lang, &[("count", &activities.to_string())])}
                    {(!worst.is_empty()).then(|| view! { " – " <span lang="da">{worst}</span> })}
                </li>
            </For>
        </ul>
    }
}

/// One gathered plan's strategiskabelon, with how its activities moved since its last period.
#[component]
pub fn EvaluationPlanPage(plan: String, period: String) -> impl IntoView {
    let evaluations = expect_context::<Evaluations>();
    let lang = expect_context::<Settings>().lang();
    let (plan_id, period) = (plan, Period::parse(&period));
    let footer = {
        let plan_id = plan_id.clone();
        move || {
            let found = evaluations.with(|list| {
                list.iter()
                    .find(|s| s.plan.id == plan_id && Some(s.period) == period)
                    .map(|s| format!("{}, {}", evaluation::display_name(s, lang), s.period.label(lang)))
            })?;
            Some(Msg::EvalSkabelonTitle.fill(lang, &[("plan", &found)]))
        }
    };
    use_print_footer(footer);
    let documents = Signal::derive(move || {
        let today = crate::browser::clock::today();
        evaluations.with(|list| {
            let Some(period) = period else { return Markup::default() };
            let find = |p: Period| list.iter().find(|s| s.plan.id == plan_id && s.period == p);
            let Some(skabelon) = find(period) else { return missing(lang) };
            let mut markup = render::evaluation::strategiskabelon(catalogue::current(), skabelon, &today, lang);
            if let Some(earlier) = find(period.previous()) {
                markup = markup
                    + render::evaluation::period_comparison(
                        &aggregate::compare_periods(earlier, skabelon),
                        lang,
                        Level::UnderPage,
                    );
            }
            markup
        })
    });
    view! {
        <div class="report-toolbar no-print">
            <a class="back-link" href=Route::Evaluation.href()>{Msg::EvalBackToOverview.get(lang)}</a>
            <div class="button-row">
                <button type="button" class="button" on:click=|_| page::print()>{Msg::PrintReport.get(lang)}</button>
            </div>
        </div>
        <Document markup=documents/>
    }
}

fn missing(lang: Lang) -> Markup {
    let mut html = render::html::Html::new();
    html.element("h1", &[("tabindex", Some("-1"))], Msg::EvalPlanMissing.get(lang));
    html.finish()
}

/// Reads every file as text; one too large, or unreadable, is passed on for `gather` to refuse
/// by name.
async fn read_all(picked: &[web_sys::File]) -> Vec<ImportFile> {
    let mut read = Vec::with_capacity(picked.len());
    for file in picked {
        let (name, bytes) = (file.name(), file.size() as usize);
        if bytes > MAX_FILE_BYTES {
            read.push(ImportFile::TooLarge { name, bytes });
            continue;
        }
        let text = files::read_text(file).await.unwrap_or_default();
        read.push(ImportFile::Text { name, text });
    }
    read
}
