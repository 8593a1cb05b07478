//! The steps of one assessment around its items: the profile, the overview, "check your
//! answers" and the report.

use leptos::prelude::*;

use crate::browser::{files, page};
use crate::domain::assessment::{Edit, ProfileField};
use crate::domain::catalogue::{self, Item};
use crate::domain::engine::{self, Applicability, Field, Judgement};
use crate::domain::feedback::{Feedback, WithFeedback};
use crate::domain::i18n::Msg;
use crate::domain::route::Route;
use crate::domain::wording::{self, display_name};
use crate::render::{self, html::Markup};
use crate::scan::present::coverage_text;
use crate::ui::components::document::Document;
use crate::ui::components::feedback::{self, KommuneDecisions};
use crate::ui::components::fields::{control_id, ids, Choice, Choices, TextField, TextKind};
use crate::ui::components::frame::{LinkButtons, Steps};
use crate::ui::components::missing_items::MissingItems;
use crate::ui::hooks::{
    use_assessment, use_judged, use_missing_items, use_plan, use_print_footer, use_warnings, Judged,
};
use crate::ui::stores::plans::PlanState;
use crate::ui::stores::{Assessments, Notices, Settings};

/// The verdict so far (with the kommune's accepted reasons counted, when a feedback is
/// attached) and the profile's warnings; empty while the assessment is gone.
fn summary(
    judgement: Memo<Option<Judgement>>,
    with_feedback: Memo<Option<(Feedback, WithFeedback)>>,
) -> Signal<Markup> {
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    Signal::derive(move || {
        judgement.with(|j| {
            let Some(j) = j else { return Markup::default() };
            with_feedback.with(|w| render::overview_summary(catalogue, j, w.as_ref().map(|(_, w)| w), lang))
        })
    })
}

#[component]
pub fn ProfilePage(id: String) -> impl IntoView {
    let assessments = expect_context::<Assessments>();
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    let (assessment, judgement) = use_assessment(&id);
    let profile = assessments.get_untracked(&id).map(|a| a.profile).unwrap_or_default();
    // What a change of plan type or a profile answer did to what applies, said where it happened.
    let changes = RwSignal::new(Vec::<(&'static Item, bool)>::new());
    let edit = {
        let id = id.clone();
        Callback::new(move |edit: Edit| {
            let before = judgement.get_untracked();
            assessments.edit(&id, &edit);
            if let (Some(before), Some(after)) = (before, judgement.get_untracked()) {
                if edit.changes_applicability() {
                    changes.set(engine::applicability_changes(&before, &after));
                }
            }
        })
    };
    let text = move |field: ProfileField| Callback::new(move |value| edit.run(Edit::ProfileText(field, value)));
    let plan_types: Vec<Choice> = catalogue
        .plan_types
        .iter()
        .map(|t| Choice { value: t.id, label: t.name.get(lang), hint: Some(t.description.get(lang)) })
        .collect();
    let questions = catalogue
        .profile_questions
        .iter()
        .map(|question| {
            let options = question.options.iter().map(|o| Choice { value: o.id, label: o.label.get(lang), hint: None }).collect();
            let q = question.id;
            view! {
                <Choices group_id=control_id(Field::ProfileQuestion(q)) legend=question.label.get(lang) hint=Some(question.hint.get(lang))
                    options
                    is_chosen=Callback::new(move |option| assessment.with(|a| {
                        a.as_ref().and_then(|a| a.profile.conditions.get(q)).is_some_and(|chosen| chosen == option)
                    }))
                    on_choose=Callback::new(move |(option, _): (&'static str, bool)| edit.run(Edit::Condition {
                        question: q.to_owned(),
                        option: Some(option.to_owned()),
                    }))
                    warnings=use_warnings(judgement, None, Field::ProfileQuestion(q))/>
            }
        })
        .collect_view();
    view! {
        <Steps id=id.clone() current=0/>
        <h1 tabindex="-1">{Msg::ProfileHeading.get(lang)}</h1>
        <p class="lead">{Msg::ProfileIntro.get(lang)}</p>
        <form class="form" id="profile-form" on:submit=|ev| ev.prevent_default()>
            <TextField id="plan-name" label=Msg::FieldPlanName.get(lang) value=profile.plan_name
                on_input=text(ProfileField::PlanName)/>
            <TextField id="organisation" label=Msg::FieldOrganisation.get(lang) value=profile.organisation
                on_input=text(ProfileField::Organisation)/>
            <TextField id="housing-area" label=Msg::FieldHousingArea.get(lang) hint=Msg::FieldHousingAreaHint.get(lang)
                value=profile.housing_area on_input=text(ProfileField::HousingArea)/>
            <Choices group_id=ids::PLAN_TYPE.to_owned() legend=Msg::FieldPlanType.get(lang)
                hint=Some(Msg::FieldPlanTypeHint.get(lang)) options=plan_types
                is_chosen=Callback::new(move |option| assessment.with(|a| {
                    a.as_ref().is_some_and(|a| a.profile.plan_type.as_deref() == Some(option))
                }))
                on_choose=Callback::new(move |(option, _): (&'static str, bool)| {
                    edit.run(Edit::PlanType(Some(option.to_owned())))
                })
                warnings=use_warnings(judgement, None, Field::PlanType)/>
            {questions}
            <div id="applicability-changes" class="live-region" role="status">
                {move || changes.with(|changes| (!changes.is_empty()).then(|| view! {
                    <div class="notice notice--info">
                        <p>{Msg::ApplicabilityChanged.get(lang)}</p>
                        <ul>
                            {changes.iter().map(|(item, applies)| {
                                let msg = if *applies { Msg::NowApplies } else { Msg::NoLongerApplies };
                                view! { <li>{msg.fill(lang, &[("code", item.code), ("title", item.title.get(lang))])}</li> }
                            }).collect_view()}
                        </ul>
                    </div>
                }))}
            </div>
            <TextField id="assessor" label=Msg::FieldAssessor.get(lang) hint=Msg::FieldAssessorHint.get(lang)
                value=profile.assessor on_input=text(ProfileField::Assessor)/>
            <TextField id="assessment-date" label=Msg::FieldDate.get(lang) value=profile.date kind=TextKind::Date
                on_input=text(ProfileField::Date)/>
        </form>
        <LinkButtons links=vec![(Route::Overview { id }.href(), Msg::ToOverview.get(lang))]/>
    }
}

#[component]
pub fn OverviewPage(id: String) -> impl IntoView {
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    let Judged { assessment, judgement, feedback: with_feedback } = use_judged(&id);
    let name = move || assessment.with(|a| a.as_ref().map(|a| display_name(a, lang)).unwrap_or_default());
    let first_item = catalogue.items().next().map(|i| i.id).unwrap_or_default();
    let plan = use_plan(&id);
    view! {
        <Steps id=id.clone() current=1/>
        <p class="caption">{Msg::OverviewHeading.get(lang)}</p>
        <h1 tabindex="-1">{name}</h1>
        <Document markup=summary(judgement, with_feedback)/>
        <KommuneDecisions feedback=with_feedback/>
        <p>
            {Msg::OverviewIntro.get(lang)} " "
            <a href=Route::Profile { id: id.clone() }.href()>{Msg::EditProfile.get(lang)}</a>
        </p>
        <PlanSummary id=id.clone() plan judgement/>
        <TaskList id=id.clone() judgement plan/>
        <LinkButtons links=vec![
            (Route::Check { id: id.clone() }.href(), Msg::ToCheck.get(lang)),
            (Route::Plan { id: id.clone() }.href(), Msg::PlanLink.get(lang)),
            (Route::Projector { id, item: first_item.into() }.href(), Msg::ProjectorView.get(lang)),
        ]/>
    }
}

#[component]
pub fn CheckPage(id: String) -> impl IntoView {
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    let Judged { assessment, judgement, feedback: with_feedback } = use_judged(&id);
    let verdict = summary(judgement, with_feedback);
    let summary = Signal::derive(move || {
        assessment.with(|a| {
            judgement.with(|j| match (a, j) {
                (Some(a), Some(j)) => verdict.get() + render::answers::check_answers(catalogue, a, j, lang),
                _ => Markup::default(),
            })
        })
    });
    view! {
        <Steps id=id.clone() current=2/>
        <h1 tabindex="-1">{Msg::CheckHeading.get(lang)}</h1>
        <p class="lead">{Msg::CheckIntro.get(lang)}</p>
        <Document markup=summary/>
        <LinkButtons links=vec![
            (Route::Report { id: id.clone() }.href(), Msg::OpenReport.get(lang)),
            (Route::Overview { id }.href(), Msg::BackToOverview.get(lang)),
        ]/>
    }
}

#[component]
pub fn ReportPage(id: String) -> impl IntoView {
    let (assessments, notices) = (expect_context::<Assessments>(), expect_context::<Notices>());
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    let Judged { assessment, judgement, feedback: with_feedback } = use_judged(&id);
    let today = assessments.today();
    let report = Signal::derive(move || {
        assessment.with(|a| {
            judgement.with(|j| match (a, j) {
                (Some(a), Some(j)) => {
                    with_feedback.with(|f| feedback::report(catalogue, a, j, f.as_ref(), &today, lang))
                }
                _ => Markup::default(),
            })
        })
    });
    // The plan's name at the foot of every printed page, while this page is shown.
    use_print_footer(move || assessment.with(|a| a.as_ref().map(|a| render::report::plan_name(a, lang))));
    // The report as one self-contained HTML file, made here in the browser.
    let download = move |_| {
        let (Some(assessment), Some(judgement)) = (assessment.get_untracked(), judgement.get_untracked()) else {
            return;
        };
        let today = assessments.today();
        let name = render::report::plan_name(&assessment, lang);
        let body = with_feedback
            .with_untracked(|f| feedback::report(catalogue, &assessment, &judgement, f.as_ref(), &today, lang));
        let title = Msg::ReportTitle.fill(lang, &[("plan", &name)]);
        let file = render::report::standalone(&body, &page::stylesheet_text("report"), &name, &title, lang);
        let file_name = render::report::file_name(&name, &today);
        if files::download(&file_name, "text/html;charset=utf-8", &file).is_err() {
            notices.confirm(Msg::DownloadFailed.get(lang).to_owned());
        }
    };
    view! {
        <Steps id=id.clone() current=3/>
        <div class="report-toolbar no-print">
            <a class="back-link" href=Route::Check { id }.href()>{Msg::BackToCheck.get(lang)}</a>
            <div class="button-row">
                <button type="button" class="button" id="print-report" on:click=|_| page::print()>
                    {Msg::PrintReport.get(lang)}
                </button>
                <button type="button" class="button button--secondary" on:click=download>
                    {Msg::DownloadReport.get(lang)}
                </button>
            </div>
        </div>
        <Document markup=report/>
    }
}

/// Every section and item, with where it stands and a link to answer it.
#[component]
fn TaskList(id: String, judgement: Memo<Option<Judgement>>, plan: Signal<PlanState>) -> impl IntoView {
    let (lang, catalogue) = (expect_context::<Settings>().lang(), catalogue::current());
    let item_state = move |item: &'static str| {
        judgement
            .with(|j| j.as_ref().and_then(|j| j.state(item)).map(|s| (s.applicability, render::progress_tag(s, lang))))
    };
    catalogue
        .sections
        .iter()
        .map(|section| {
            let (heading, labelled_by) = (format!("section-{}", section.id), format!("section-{}", section.id));
            let items = section
                .items
                .iter()
                .map(|item| {
                    let href = Route::Item { id: id.clone(), item: item.id.into(), from_check: false }.href();
                    let applicability = move || item_state(item.id).map(|(a, _)| a);
                    let (class, text) = (
                        move || item_state(item.id).map(|(_, tag)| tag.0).unwrap_or_default(),
                        move || item_state(item.id).map(|(_, tag)| tag.1).unwrap_or_default(),
                    );
                    view! {
                        <li class=move || if applicability() == Some(Applicability::DoesNotApply) {
                            "task-list__item task-list__item--inactive"
                        } else {
                            "task-list__item"
                        }>
                            <div class="task-list__name">
                                <a class="task-list__link" href=href>
                                    <span class="code">{item.code}</span>" "{item.title.get(lang)}
                                </a>
                                <span class="task-list__kind">{wording::kind(item.kind).get(lang)}</span>
                                {move || applicability().and_then(wording::applicability).map(|note| view! {
                                    <span class="task-list__note">{note.get(lang)}</span>
                                })}
                                {move || plan.with(|plan| plan.scan().map(|scan| view! {
                                    <span class="task-list__coverage">{coverage_text(scan, item.id, lang)}</span>
                                }))}
                            </div>
                            <div class="task-list__status"><strong class=class>{text}</strong></div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="task-section" aria-labelledby=labelled_by>
                    <h2 id=heading>{section.title.get(lang)}</h2>
                    <ul class="task-list">{items}</ul>
                </section>
            }
        })
        .collect_view()
}

/// Above the task list: the way to give the tool the plan, and, once it has read one, the items
/// the plan seems to miss. For someone still writing the plan, that list is the headline.
#[component]
fn PlanSummary(id: String, plan: Signal<PlanState>, judgement: Memo<Option<Judgement>>) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let missing = use_missing_items(plan, judgement);
    let href = Route::Plan { id }.href();
    move || {
        if plan.with(|plan| matches!(plan, PlanState::Loading)) {
            return None;
        }
        let href = href.clone();
        Some(match missing.get() {
            Some(missing) => view! {
                <section class="plan-summary" aria-labelledby="plan-summary-heading">
                    <h2 id="plan-summary-heading">{Msg::PlanMissingHeading.get(lang)}</h2>
                    <MissingItems missing/>
                    <p><a href=href>{Msg::PlanLink.get(lang)}</a></p>
                </section>
            }
            .into_any(),
            None => view! {
                <p class="plan-summary"><a href=href>{Msg::PlanLink.get(lang)}</a>": "{Msg::PlanNoPlanYet.get(lang)}</p>
            }
            .into_any(),
        })
    }
}
