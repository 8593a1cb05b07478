//! Each screen as a list of parts: markup from `render` that is either fixed for the visit or
//! live (re-rendered when what it shows changes). Forms are fixed, so typing never re-renders
//! the field being typed in; the engine's warnings reach the fields through a small effect.
//!
//! Every part is shown by the same two views, which keeps the WebAssembly small (see
//! ARCHITECTURE.md, "Why pages are rendered as HTML").

use leptos::prelude::*;

use super::state::{use_state, AppState};
use crate::browser::{clock, page, storage, worker};
use crate::domain::assessment::Assessment;
use crate::domain::catalogue::Item;
use crate::domain::engine::Judgement;
use crate::domain::file_format::encode_record;
use crate::domain::i18n::Msg;
use crate::domain::json::ObjectWriter;
use crate::domain::route::Route;
use crate::domain::{exchange, workshop};
use crate::render::data::Confirm;
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

/// A part the worker makes (`browser::worker`): "Indlæser …" until it answers, then its answer.
fn from_reply(state: AppState, reply: RwSignal<Option<Result<String, String>>>) -> Part {
    let lang = state.lang();
    live(move || {
        reply.with(|reply| match reply {
            None => render::pending(lang),
            Some(Ok(html)) => html.clone(),
            Some(Err(message)) => render::part_failed(message, lang),
        })
    })
}

/// Where a worker's answer goes: into `reply`, then (once shown) focus and title may follow.
fn answer_into(
    state: AppState,
    reply: RwSignal<Option<Result<String, String>>>,
) -> impl FnOnce(Result<String, String>) {
    move |result| {
        reply.set(Some(result));
        state.part_arrived.notify();
    }
}

/// A fixed part made by the worker: asked for once, when the page is built. Forms are fixed, so
/// typing never re-renders the field being typed in.
fn fixed_from_worker(state: AppState, op: &'static str, ask: impl FnOnce(&mut ObjectWriter)) -> Part {
    let reply = RwSignal::new(None);
    worker::call(op, state.lang(), ask, answer_into(state, reply));
    from_reply(state, reply)
}

/// A live part made by the worker: nothing while `nothing_to_ask`, else asked for again whenever
/// what `ask` (or `nothing_to_ask`) reads changes. The worker answers in order, so the last
/// answer is always for the last request.
fn from_worker(
    state: AppState,
    op: &'static str,
    nothing_to_ask: impl Fn() -> bool + Send + Sync + 'static,
    ask: impl Fn(&mut ObjectWriter) + Send + Sync + 'static,
) -> Part {
    let lang = state.lang();
    let reply = RwSignal::new(None);
    let nothing_to_ask: Box<dyn Fn() -> bool + Send + Sync> = Box::new(nothing_to_ask);
    let ask: Box<dyn Fn(&mut ObjectWriter) + Send + Sync> = Box::new(ask);
    effect(move || {
        if nothing_to_ask() {
            reply.set(Some(Ok(String::new())));
        } else {
            worker::call(op, lang, |fields| ask(fields), answer_into(state, reply));
        }
    });
    from_reply(state, reply)
}

/// A live part of one assessment, made by the worker from its stored record and today's date.
fn assessment_from_worker(state: AppState, op: &'static str, assessment: Memo<Option<Assessment>>) -> Part {
    let today = state.today.get_value();
    from_worker(
        state,
        op,
        move || assessment.with(Option::is_none),
        move |fields| {
            assessment.with(|a| a.as_ref().map(|a| fields.raw("record", &encode_record(a))));
            fields.string("today", &today);
        },
    )
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
        // Again when the form arrives from the worker.
        state.part_arrived.track();
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
    let top = from_worker(
        state,
        "data-top",
        || false,
        move |fields| {
            state.assessments.with(|list| fields.raw("records", &render::worker::records(list)));
            fields.string("lastExport", state.last_export.get().as_deref().unwrap_or(""));
            fields.string(
                "persisted",
                match state.persisted.get() {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "",
                },
            );
        },
    );
    let outcome =
        live(move || state.import_outcome.get().map(|o| render::data::import_outcome(&o, lang)).unwrap_or_default());
    let bottom = from_worker(
        state,
        "data-bottom",
        || false,
        move |fields| {
            state.quarantine_count.track();
            let list = fields.key("unreadable");
            list.push('[');
            for (n, entry) in storage::quarantined().iter().enumerate() {
                if n > 0 {
                    list.push(',');
                }
                let mut object = ObjectWriter::new(list);
                object.string("key", &entry.key);
                object.string("originalKey", &entry.original_key);
                object.string("raw", &entry.raw);
                object.end();
            }
            list.push(']');
            fields.string(
                "confirm",
                &match state.confirm.get() {
                    Confirm::Nothing => String::new(),
                    Confirm::DeleteAll => "all".to_owned(),
                    Confirm::DeleteQuarantined(key) => key,
                },
            );
        },
    );
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
    let (assessment, judgement) = watch(state, &id);
    let record = assessment.with_untracked(|a| a.as_ref().map(encode_record)).unwrap_or_default();
    let form = fixed_from_worker(state, "profile-form", |fields| fields.raw("record", &record));
    keep_warnings_current(state, judgement, None);
    vec![
        Part::Fixed(render::step_indicator(&id, 0, lang)),
        Part::Fixed(render::heading(None, Msg::ProfileHeading.get(lang)) + &render::lead(Msg::ProfileIntro.get(lang))),
        form,
        Part::Fixed(render::link_buttons(&[(Route::Overview { id }.href(), Msg::ToOverview.get(lang))])),
    ]
}

fn overview_page(state: AppState, id: String) -> Vec<Part> {
    let catalogue = state.catalogue();
    let lang = state.lang();
    let (assessment, _) = watch(state, &id);
    let heading = live(move || {
        let name = assessment.with(|a| a.as_ref().map(|a| render::start::display_name(a, lang)).unwrap_or_default());
        render::heading(Some(Msg::OverviewHeading.get(lang)), &name)
    });
    let intro = {
        let mut html = Html::new();
        let profile = Route::Profile { id: id.clone() }.href();
        html.open("p", &[]).text(Msg::OverviewIntro.get(lang)).raw(" ");
        html.element("a", &[("href", Some(&profile))], Msg::EditProfile.get(lang)).close("p");
        html.finish()
    };
    let first_item = catalogue.items().next().map(|i| i.id).unwrap_or_default();
    let buttons = render::link_buttons(&[
        (Route::Check { id: id.clone() }.href(), Msg::ToCheck.get(lang)),
        (Route::Projector { id: id.clone(), item: first_item.into() }.href(), Msg::ProjectorView.get(lang)),
    ]);
    vec![
        Part::Fixed(render::step_indicator(&id, 1, lang)),
        heading,
        assessment_from_worker(state, "overview-summary", assessment),
        Part::Fixed(intro),
        assessment_from_worker(state, "overview-tasks", assessment),
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
    let today = state.today.get_value();
    let place = |fields: &mut ObjectWriter| {
        fields.string("assessmentId", &id);
        fields.string("item", item.id);
        fields.raw("fromCheck", if from_check { "true" } else { "false" });
    };
    let header = fixed_from_worker(state, "item-header", place);
    let text = fixed_from_worker(state, "item-text", place);
    let form = fixed_from_worker(state, "item-form", |fields| {
        place(fields);
        fields.raw("record", &encode_record(&assessment));
        fields.string("today", &today);
    });
    let pager = fixed_from_worker(state, "item-pager", place);
    keep_warnings_current(state, judgement, Some(item));
    vec![
        header,
        from_judgement(judgement, move |j| render::item::warning_summary(catalogue, j, item, lang)),
        text,
        form,
        pager,
    ]
}

fn check_page(state: AppState, id: String) -> Vec<Part> {
    let lang = state.lang();
    let (assessment, _) = watch(state, &id);
    let buttons = render::link_buttons(&[
        (Route::Report { id: id.clone() }.href(), Msg::OpenReport.get(lang)),
        (Route::Overview { id: id.clone() }.href(), Msg::BackToOverview.get(lang)),
    ]);
    vec![
        Part::Fixed(render::step_indicator(&id, 2, lang)),
        Part::Fixed(render::heading(None, Msg::CheckHeading.get(lang)) + &render::lead(Msg::CheckIntro.get(lang))),
        assessment_from_worker(state, "check", assessment),
        Part::Fixed(buttons),
    ]
}

fn report_page(state: AppState, id: String) -> Vec<Part> {
    let lang = state.lang();
    let (assessment, _) = watch(state, &id);
    let report = assessment_from_worker(state, "report", assessment);
    // The plan's name at the foot of every printed page, while this page is shown.
    effect(move || {
        let name = assessment.with(|a| a.as_ref().map(|a| render::report::plan_name(a, lang)));
        page::set_print_footer(name.map(|name| render::report::print_footer_rule(&name)).as_deref());
    });
    on_cleanup(|| page::set_print_footer(None));
    vec![Part::Fixed(render::step_indicator(&id, 3, lang)), Part::Fixed(render::report::toolbar(&id, lang)), report]
}

fn group_page(state: AppState) -> Vec<Part> {
    let lang = state.lang();
    let outcome =
        live(move || state.import_outcome.get().map(|o| render::data::import_outcome(&o, lang)).unwrap_or_default());
    let names = live(move || {
        state.participants.with(|list| {
            let names: Vec<String> =
                list.iter().enumerate().map(|(n, p)| workshop::participant_name(p, n + 1)).collect();
            render::workshop::participants(&names, lang)
        })
    });
    let group = from_worker(
        state,
        "group",
        move || state.participants.with(Vec::is_empty),
        move |fields| {
            state.participants.with(|list| fields.raw("participants", &render::worker::records(list)));
        },
    );
    let chooser = live(move || state.assessments.with(|list| render::workshop::compare_chooser(list, lang)));
    vec![Part::Fixed(render::workshop::group_intro(lang)), outcome, names, group, chooser]
}

fn compare_page(state: AppState, before: String, after: String) -> Vec<Part> {
    let lang = state.lang();
    let (Some(_), Some(_)) = (state.assessment_untracked(&before), state.assessment_untracked(&after)) else {
        return vec![Part::Fixed(render::message(Msg::AssessmentMissingHeading, Msg::AssessmentMissingText, lang))];
    };
    let (old, _) = watch(state, &before);
    let (new, _) = watch(state, &after);
    let today = state.today.get_value();
    let document = from_worker(
        state,
        "compare",
        || false,
        move |fields| {
            old.with(|a| a.as_ref().map(|a| fields.raw("before", &encode_record(a))));
            new.with(|b| b.as_ref().map(|b| fields.raw("after", &encode_record(b))));
            fields.string("today", &today);
        },
    );
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
    let record = encode_record(&assessment);
    vec![fixed_from_worker(state, "projector", |fields| {
        fields.string("item", item.id);
        fields.raw("record", &record);
    })]
}
