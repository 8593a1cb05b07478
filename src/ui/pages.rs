//! Each screen as a list of parts: markup from `render` that is either fixed for the visit or
//! live (re-rendered when what it shows changes). Forms are fixed, so typing never re-renders
//! the field being typed in; the engine's warnings reach the fields through a small effect.
//!
//! Every part is shown by the same two views, which keeps the WebAssembly small (see
//! ARCHITECTURE.md, "Why pages are rendered as HTML").

use leptos::prelude::*;

use super::state::{use_state, AppState};
use crate::browser::{clock, page, storage};
use crate::domain::assessment::Assessment;
use crate::domain::catalogue::Item;
use crate::domain::engine::{Applicability, Judgement};
use crate::domain::i18n::Msg;
use crate::domain::route::Route;
use crate::domain::{exchange, wording, workshop};
use crate::render::data::{Confirm, DataView, Unreadable};
use crate::render::{self, html::Html};

/// A piece of a page.
pub enum Part {
    Fixed(String),
    Live(Signal<String>),
}

/// A live part. The closure is boxed so that every live part shares one instantiation of
/// Leptos' derived signal (each distinct closure type would add its own generic code).
fn live(html: impl Fn() -> String + Send + Sync + 'static) -> Part {
    let html: Box<dyn Fn() -> String + Send + Sync> = Box::new(html);
    Part::Live(Signal::derive(move || html()))
}

/// An effect, boxed for the same reason as `live`.
fn effect(run: impl Fn() + Send + Sync + 'static) {
    let run: Box<dyn Fn() + Send + Sync> = Box::new(run);
    Effect::new(move |_| run());
}

pub fn show(parts: Vec<Part>) -> AnyView {
    parts
        .into_iter()
        .map(|part| match part {
            Part::Fixed(html) => view! { <div inner_html=html></div> }.into_any(),
            Part::Live(html) => view! { <div inner_html=html></div> }.into_any(),
        })
        .collect_view()
        .into_any()
}

pub fn page_for(route: Route, exists: bool) -> Vec<Part> {
    let state = use_state();
    let lang = state.lang();
    if !exists {
        return vec![Part::Fixed(render::message(Msg::AssessmentMissingHeading, Msg::AssessmentMissingText, lang))];
    }
    match route {
        Route::Start => start_page(state),
        Route::Profile { id } => profile_page(state, id),
        Route::Overview { id } => overview_page(state, id),
        Route::Item { id, item, from_check } => item_page(state, id, item, from_check),
        Route::Check { id } => check_page(state, id),
        Route::Report { id } => report_page(state, id),
        Route::Data => data_page(state),
        Route::Group => group_page(state),
        Route::Compare { before, after } => compare_page(state, before, after),
        Route::Projector { id, item } => projector_page(state, id, item),
        Route::NotFound => {
            vec![Part::Fixed(render::message(Msg::NotFoundHeading, Msg::NotFoundText, lang))]
        }
    }
}

/// The assessment on screen and its judgement, kept current as it is edited here or elsewhere.
fn watch(state: AppState, id: &str) -> (Memo<Option<Assessment>>, Memo<Option<Judgement>>) {
    let id = id.to_owned();
    let assessment = Memo::new(move |_| state.assessment(&id));
    let judgement = Memo::new(move |_| assessment.with(|a| a.as_ref().map(|a| state.judge(a))));
    (assessment, judgement)
}

/// Renders from the judgement while the assessment exists.
fn from_judgement(
    judgement: Memo<Option<Judgement>>,
    html: impl Fn(&Judgement) -> String + Send + Sync + 'static,
) -> Part {
    let html: Box<dyn Fn(&Judgement) -> String + Send + Sync> = Box::new(html);
    live(move || judgement.with(|j| j.as_ref().map(|j| html(j)).unwrap_or_default()))
}

/// The page's fields show the engine's warnings as the judgement changes.
fn keep_warnings_current(state: AppState, judgement: Memo<Option<Judgement>>, item: Option<&'static Item>) {
    let catalogue = state.catalogue();
    effect(move || {
        judgement.with(|j| {
            let Some(j) = j else { return };
            for (id, texts) in render::form::field_warnings(catalogue, j, item, state.lang()) {
                page::show_field_warnings(&id, &render::form::warning_list(&texts, state.lang()));
            }
        })
    });
}

/// The reminder to export, while one is due.
fn backup_reminder(state: AppState, link: bool) -> Part {
    let lang = state.lang();
    live(move || {
        let last = state.last_export.get();
        let due = state.assessments.with(|list| exchange::backup_due(list, last.as_deref(), &state.today.get_value()));
        if due {
            render::data::backup_reminder(last.map(|at| clock::local_date_time(&at)).as_deref(), link, lang)
        } else {
            String::new()
        }
    })
}

fn data_page(state: AppState) -> Vec<Part> {
    let lang = state.lang();
    state.request_persistence();
    let top = live(move || {
        let last_export = state.last_export.get();
        let persisted = state.persisted.get();
        let confirm = Confirm::Nothing;
        state.assessments.with(|assessments| {
            let view = DataView { assessments, last_export, persisted, unreadable: &[], confirm: &confirm };
            render::data::storage_and_export(&view, lang, &clock::local_date_time)
        })
    });
    let outcome =
        live(move || state.import_outcome.get().map(|o| render::data::import_outcome(&o, lang)).unwrap_or_default());
    let bottom = live(move || {
        state.quarantine_count.track();
        let confirm = state.confirm.get();
        let unreadable: Vec<Unreadable> = storage::quarantined()
            .into_iter()
            .map(|q| Unreadable {
                reason: wording::read_error(&q.problem, lang),
                bytes: q.raw.chars().count(),
                key: q.key,
                original_key: q.original_key,
            })
            .collect();
        let view = DataView {
            assessments: &[],
            last_export: None,
            persisted: None,
            unreadable: &unreadable,
            confirm: &confirm,
        };
        render::data::unreadable_and_delete(&view, lang)
    });
    vec![
        Part::Fixed(render::data::intro(lang)),
        backup_reminder(state, false),
        top,
        Part::Fixed(render::data::import_picker(lang)),
        outcome,
        bottom,
    ]
}

fn start_page(state: AppState) -> Vec<Part> {
    let catalogue = state.catalogue();
    let lang = state.lang();
    let list = live(move || {
        let mode = state.row_mode.get();
        state.assessments.with(|list| {
            let rows: Vec<_> = list.iter().map(|a| (a, state.judge(a))).collect();
            render::start::saved_list(&rows, &mode, lang, &clock::local_date_time)
        })
    });
    vec![
        backup_reminder(state, true),
        Part::Fixed(render::start::intro(catalogue, lang)),
        list,
        Part::Fixed(render::start::focus_areas(catalogue, lang)),
    ]
}

fn profile_page(state: AppState, id: String) -> Vec<Part> {
    let lang = state.lang();
    let (_, judgement) = watch(state, &id);
    keep_warnings_current(state, judgement, None);
    let form =
        state.assessment_untracked(&id).map(|a| render::profile::form(state.catalogue(), &a, lang)).unwrap_or_default();
    vec![
        Part::Fixed(render::step_indicator(&id, 0, lang)),
        Part::Fixed(render::heading(None, Msg::ProfileHeading.get(lang)) + &render::lead(Msg::ProfileIntro.get(lang))),
        Part::Fixed(form),
        Part::Fixed(render::link_buttons(&[(Route::Overview { id }.href(), Msg::ToOverview.get(lang))])),
    ]
}

fn overview_page(state: AppState, id: String) -> Vec<Part> {
    let catalogue = state.catalogue();
    let lang = state.lang();
    let (assessment, judgement) = watch(state, &id);
    let heading = live(move || {
        let name = assessment.with(|a| a.as_ref().map(|a| render::start::display_name(a, lang)).unwrap_or_default());
        render::heading(Some(Msg::OverviewHeading.get(lang)), &name)
    });
    let summary = from_judgement(judgement, move |j| {
        let mut html = Html::new();
        html.open("div", &[("class", Some("overview-summary"))]);
        render::verdict_panel(&mut html, j, Msg::CurrentVerdict, lang);
        html.close("div");
        let warnings: Vec<String> = j.profile_warnings().map(|w| wording::warning(catalogue, w, lang)).collect();
        if !warnings.is_empty() {
            html.open("div", &[("class", Some("notice notice--warning"))]).open("ul", &[]);
            for warning in &warnings {
                html.element("li", &[], warning);
            }
            html.close("ul").close("div");
        }
        html.finish()
    });
    let intro = {
        let mut html = Html::new();
        let profile = Route::Profile { id: id.clone() }.href();
        html.open("p", &[]).text(Msg::OverviewIntro.get(lang)).raw(" ");
        html.element("a", &[("href", Some(&profile))], Msg::EditProfile.get(lang)).close("p");
        html.finish()
    };
    let tasks = {
        let id = id.clone();
        from_judgement(judgement, move |j| render::overview::task_list(catalogue, j, &id, lang))
    };
    let first_item = catalogue.items().next().map(|i| i.id).unwrap_or_default();
    let buttons = render::link_buttons(&[
        (Route::Check { id: id.clone() }.href(), Msg::ToCheck.get(lang)),
        (Route::Projector { id: id.clone(), item: first_item.into() }.href(), Msg::ProjectorView.get(lang)),
    ]);
    vec![
        Part::Fixed(render::step_indicator(&id, 1, lang)),
        heading,
        summary,
        Part::Fixed(intro),
        tasks,
        Part::Fixed(buttons),
    ]
}

fn item_page(state: AppState, id: String, item_id: String, from_check: bool) -> Vec<Part> {
    let catalogue = state.catalogue();
    let lang = state.lang();
    let Some(item) = catalogue.item(&item_id) else {
        return vec![Part::Fixed(render::message(Msg::NotFoundHeading, Msg::ItemMissingText, lang))];
    };
    let Some(assessment) = state.assessment_untracked(&id) else {
        return vec![Part::Fixed(render::message(Msg::AssessmentMissingHeading, Msg::AssessmentMissingText, lang))];
    };
    let (_, judgement) = watch(state, &id);
    keep_warnings_current(state, judgement, Some(item));
    let answer = assessment.answer(item.id).cloned().unwrap_or_default();
    let applicability = state.judge(&assessment).state(item.id).map_or(Applicability::Applies, |s| s.applicability);
    let (back, back_label) = if from_check {
        (Route::Check { id: id.clone() }.href(), Msg::BackToCheck)
    } else {
        (Route::Overview { id: id.clone() }.href(), Msg::BackToOverview)
    };
    vec![
        Part::Fixed(render::item::header(catalogue, item, &back, back_label, lang)),
        from_judgement(judgement, move |j| render::item::warning_summary(catalogue, j, item, lang)),
        Part::Fixed(render::item::item_text(catalogue, item, lang)),
        Part::Fixed(render::item::answer_form(item, &answer, applicability, lang)),
        Part::Fixed(render::item::pager(catalogue, item, &id, from_check, lang)),
    ]
}

fn check_page(state: AppState, id: String) -> Vec<Part> {
    let catalogue = state.catalogue();
    let lang = state.lang();
    let (assessment, judgement) = watch(state, &id);
    let document = live(move || {
        assessment.with(|a| {
            judgement.with(|j| match (a, j) {
                (Some(a), Some(j)) => {
                    let mut html = Html::new();
                    html.open("div", &[("class", Some("overview-summary"))]);
                    render::verdict_panel(&mut html, j, Msg::CurrentVerdict, lang);
                    html.close("div");
                    html.finish() + &render::answers::check_answers(catalogue, a, j, lang)
                }
                _ => String::new(),
            })
        })
    });
    let buttons = render::link_buttons(&[
        (Route::Report { id: id.clone() }.href(), Msg::OpenReport.get(lang)),
        (Route::Overview { id: id.clone() }.href(), Msg::BackToOverview.get(lang)),
    ]);
    vec![
        Part::Fixed(render::step_indicator(&id, 2, lang)),
        Part::Fixed(render::heading(None, Msg::CheckHeading.get(lang)) + &render::lead(Msg::CheckIntro.get(lang))),
        document,
        Part::Fixed(buttons),
    ]
}

fn report_page(state: AppState, id: String) -> Vec<Part> {
    let catalogue = state.catalogue();
    let lang = state.lang();
    let today = state.today.get_value();
    let (assessment, judgement) = watch(state, &id);
    let report = live(move || {
        assessment.with(|a| {
            judgement.with(|j| match (a, j) {
                (Some(a), Some(j)) => render::report::report(catalogue, a, j, &today, lang),
                _ => String::new(),
            })
        })
    });
    // The plan's name at the foot of every printed page, while this page is shown.
    effect(move || {
        let name = assessment.with(|a| a.as_ref().map(|a| render::report::plan_name(a, lang)));
        page::set_print_footer(name.map(|name| render::report::print_footer_rule(&name)).as_deref());
    });
    on_cleanup(|| page::set_print_footer(None));
    vec![Part::Fixed(render::step_indicator(&id, 3, lang)), Part::Fixed(render::report::toolbar(&id, lang)), report]
}

fn group_page(state: AppState) -> Vec<Part> {
    let catalogue = state.catalogue();
    let lang = state.lang();
    let outcome =
        live(move || state.import_outcome.get().map(|o| render::data::import_outcome(&o, lang)).unwrap_or_default());
    let gathered = live(move || {
        state.participants.with(|list| {
            let names: Vec<String> =
                list.iter().enumerate().map(|(n, p)| workshop::participant_name(p, n + 1)).collect();
            render::workshop::participants(&names, lang)
                + &render::workshop::group_view(&workshop::summarise(catalogue, list), lang)
        })
    });
    let chooser = live(move || state.assessments.with(|list| render::workshop::compare_chooser(list, lang)));
    vec![Part::Fixed(render::workshop::group_intro(lang)), outcome, gathered, chooser]
}

fn compare_page(state: AppState, before: String, after: String) -> Vec<Part> {
    let catalogue = state.catalogue();
    let lang = state.lang();
    let (Some(_), Some(_)) = (state.assessment_untracked(&before), state.assessment_untracked(&after)) else {
        return vec![Part::Fixed(render::message(Msg::AssessmentMissingHeading, Msg::AssessmentMissingText, lang))];
    };
    let (old, _) = watch(state, &before);
    let (new, _) = watch(state, &after);
    let document = live(move || {
        old.with(|a| {
            new.with(|b| match (a, b) {
                (Some(a), Some(b)) => {
                    let comparison = workshop::compare(catalogue, a, b, &state.today.get_value());
                    render::workshop::comparison(a, b, &comparison, lang)
                }
                _ => String::new(),
            })
        })
    });
    effect(move || {
        let title = old.with(|a| {
            new.with(|b| {
                a.as_ref().zip(b.as_ref()).map(|(a, b)| {
                    format!("{} → {}", render::start::display_name(a, lang), render::start::display_name(b, lang))
                })
            })
        });
        page::set_print_footer(title.map(|t| render::report::print_footer_rule(&t)).as_deref());
    });
    on_cleanup(|| page::set_print_footer(None));
    vec![Part::Fixed(render::workshop::comparison_toolbar(lang)), document]
}

fn projector_page(state: AppState, id: String, item_id: String) -> Vec<Part> {
    let catalogue = state.catalogue();
    let lang = state.lang();
    let (Some(item), Some(assessment)) = (catalogue.item(&item_id), state.assessment_untracked(&id)) else {
        return vec![Part::Fixed(render::message(Msg::NotFoundHeading, Msg::ItemMissingText, lang))];
    };
    let (_, judgement) = watch(state, &id);
    keep_warnings_current(state, judgement, Some(item));
    // ← and → move between items, except while typing or choosing in a control.
    let (previous, next) = catalogue.neighbours(item.id);
    let target =
        |to: Option<&'static Item>| to.map(|to| Route::Projector { id: id.clone(), item: to.id.into() }.href());
    let (back, forward) = (target(previous), target(next));
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
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
    });
    on_cleanup(move || keys.remove());
    vec![Part::Fixed(render::workshop::projector(catalogue, item, &assessment, lang))]
}
