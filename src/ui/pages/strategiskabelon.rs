//! The plan's side of the evaluation: its strategiskabeloner, one per period, filled in here,
//! copied into the next period, printed, exported to the kommune, and compared.

use leptos::prelude::*;

use crate::browser::{clock, files, page};
use crate::domain::catalogue;
use crate::domain::evaluation::aggregate::compare_periods;
use crate::domain::evaluation::file::export;
use crate::domain::evaluation::scheme::scheme;
use crate::domain::evaluation::{self as evaluation, Edit, Half, Period, PlanField, Strategiskabelon};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::domain::wording::display_name;
use crate::render;
use crate::render::evaluation::Level;
use crate::render::html::Markup;
use crate::ui::components::confirm::ConfirmBox;
use crate::ui::components::document::Document;
use crate::ui::components::fields::{Choice, Choices};
use crate::ui::focus;
use crate::ui::hooks::use_print_footer;
use crate::ui::stores::{Assessments, Notices, Settings, Strategiskabeloner};

/// The half-year today falls in, and the three after it: the periods a new one can be for.
fn period_choices() -> Vec<Period> {
    let today = clock::today();
    let year: u16 = today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2027);
    let month: u8 = today.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let first = Period::half_year(year, if month <= 6 { Half::First } else { Half::Second });
    let mut periods = vec![first.previous(), first];
    for _ in 0..2 {
        let last = *periods.last().unwrap_or(&first);
        periods.push(last.next());
    }
    periods.push(Period::whole_year(year));
    periods
}

#[component]
pub fn SkabelonListPage() -> impl IntoView {
    let (skabeloner, assessments) = (expect_context::<Strategiskabeloner>(), expect_context::<Assessments>());
    let lang = expect_context::<Settings>().lang();
    let periods = period_choices();
    let default_period = periods[1];
    let period = RwSignal::new(default_period);
    let name = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let ids = Memo::new(move |_| skabeloner.with(|list| list.iter().map(|s| s.id.clone()).collect::<Vec<_>>()));
    let choices = Memo::new(move |_| {
        assessments.with(|list| list.iter().map(|a| (a.id.clone(), display_name(a, lang))).collect::<Vec<_>>())
    });
    let start = move |_| {
        let id = match assessments.get_untracked(&from.get_untracked()) {
            Some(assessment) => skabeloner.create_from(&assessment, period.get_untracked()),
            None => skabeloner.create(&name.get_untracked(), period.get_untracked()),
        };
        page::go(&Route::Skabelon { id }.href());
    };
    let period_options = periods
        .into_iter()
        .map(|p| view! { <option value=p.key() selected=p == default_period>{p.label(lang)}</option> })
        .collect_view();
    view! {
        <h1 tabindex="-1">{Msg::SkabelonListHeading.get(lang)}</h1>
        <p class="lead">{Msg::SkabelonListIntro.get(lang)}</p>
        <blockquote lang="da">{scheme().quote("indmelding").map(|q| q.text.da)}</blockquote>
        <h2 id="skabeloner-heading">{Msg::SkabelonListSaved.get(lang)}</h2>
        <Show when=move || ids.with(|r| !r.is_empty()) fallback=move || view! { <p>{Msg::SkabelonListNone.get(lang)}</p> }>
            <ul class="skabelon-list" aria-labelledby="skabeloner-heading">
                <For each=move || ids.get() key=|id| id.clone() let(id)>
                    <SkabelonRow id/>
                </For>
            </ul>
        </Show>
        <h2>{Msg::SkabelonStartHeading.get(lang)}</h2>
        <div class="field">
            <label class="label" for="skabelon-from">{Msg::SkabelonFrom.get(lang)}</label>
            <select id="skabelon-from" class="input select" on:change=move |ev| from.set(event_target_value(&ev))>
                <option value="">{Msg::SkabelonFromNone.get(lang)}</option>
                {move || choices.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
            </select>
        </div>
        <Show when=move || from.with(String::is_empty)>
            <div class="field">
                <label class="label" for="skabelon-name">{Msg::SkabelonPlanName.get(lang)}</label>
                <input id="skabelon-name" class="input" type="text" on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
        </Show>
        <div class="field">
            <label class="label" for="skabelon-period">{Msg::EvalPeriod.get(lang)}</label>
            <select id="skabelon-period" class="input select" on:change=move |ev| {
                if let Some(p) = Period::parse(&event_target_value(&ev)) {
                    period.set(p);
                }
            }>{period_options}</select>
        </div>
        <button type="button" class="button" on:click=start>{Msg::SkabelonStart.get(lang)}</button>
    }
}

/// One strategiskabelon in the list: open it, or delete it (asked first; "Fortryd" after).
#[component]
fn SkabelonRow(id: String) -> impl IntoView {
    let skabeloner = expect_context::<Strategiskabeloner>();
    let lang = expect_context::<Settings>().lang();
    let confirming = RwSignal::new(false);
    let delete_button: NodeRef<leptos::html::Button> = NodeRef::new();
    let row = {
        let id = id.clone();
        Memo::new(move |_| {
            skabeloner.with(|list| {
                list.iter().find(|s| s.id == id).map(|s| (Strategiskabeloner::label(s, lang), s.activities.len()))
            })
        })
    };
    let name = move || row.with(|r| r.as_ref().map(|r| r.0.clone()).unwrap_or_default());
    let count = move || row.with(|r| r.as_ref().map_or(0, |r| r.1)).to_string();
    let delete_id = id.clone();
    let cancel = move || {
        confirming.set(false);
        if let Some(button) = delete_button.get_untracked() {
            let _ = button.focus();
        }
    };
    view! {
        <li class="skabelon-list__item">
            <a href=Route::Skabelon { id: id.clone() }.href() id=format!("skabelon-{id}")>{name}</a>
            " – " {move || Msg::EvalPlanActivities.fill(lang, &[("count", &count())])}
            " "
            <button type="button" class="button button--warning" node_ref=delete_button
                aria-label=move || Msg::DeleteNamed.fill(lang, &[("name", &name())])
                on:click=move |_| confirming.set(true)>
                {Msg::Delete.get(lang)}
            </button>
            <Show when=move || confirming.get()>
                {
                    let delete_id = delete_id.clone();
                    view! {
                        <ConfirmBox question_id=format!("confirm-skabelon-{delete_id}")
                            question=Msg::SkabelonDeleteConfirm.fill(lang, &[("name", &name())])
                            yes_label=Msg::SkabelonDeleteConfirmYes.get(lang)
                            on_yes=Callback::new(move |()| if skabeloner.delete(&delete_id, lang) { focus::when_shown("undo-button") })
                            on_cancel=Callback::new(move |()| cancel())/>
                    }
                }
            </Show>
        </li>
    }
}

#[component]
pub fn SkabelonPage(id: String) -> impl IntoView {
    let (skabeloner, notices) = (expect_context::<Strategiskabeloner>(), expect_context::<Notices>());
    let lang = expect_context::<Settings>().lang();
    let skabelon = {
        let id = id.clone();
        Memo::new(move |_| skabeloner.get(&id))
    };
    let Some(initial) = skabelon.get_untracked() else {
        return view! { <h1 tabindex="-1">{Msg::EvalPlanMissing.get(lang)}</h1> }.into_any();
    };
    let edit = {
        let id = id.clone();
        Callback::new(move |edit: Edit| skabeloner.edit(&id, &edit))
    };
    let activity_ids = Memo::new(move |_| {
        skabelon.with(|s| {
            s.as_ref().map(|s| s.activities.iter().map(|a| a.id.clone()).collect::<Vec<_>>()).unwrap_or_default()
        })
    });
    let add = move |_| {
        let new_id = clock::new_id();
        edit.run(Edit::AddActivity { id: new_id.clone() });
        notices.announce(Msg::SkabelonActivityAdded.get(lang));
        focus::when_shown(format!("activity-{new_id}-name"));
    };
    let next = {
        let id = id.clone();
        move |_| {
            if let Some(next) = skabeloner.next_period(&id) {
                notices.confirm(Msg::SkabelonCopied.get(lang).to_owned());
                page::go(&Route::Skabelon { id: next }.href());
            }
        }
    };
    // "Andet" must say what it is before the file goes to the kommune (the domain's rule; the
    // kommune's import refuses such a file too). The error shows at the field once an export
    // was tried or the field was left blank, and focus goes there.
    let show_missing = RwSignal::new(false);
    let export_file = move |_| {
        let Some(s) = skabelon.get_untracked() else { return };
        if let Some(challenge) = s.challenges_missing_comment().first() {
            show_missing.set(true);
            notices.announce(Msg::SkabelonOtherMissing.get(lang));
            focus::when_shown(format!("challenge-{}-comment", challenge.id));
            return;
        }
        let (now, today) = (clock::now(), clock::today());
        let name = render::evaluation::export_file_name(&s, &today);
        let ok = files::download(&name, "application/json", &export(std::slice::from_ref(&s), &now)).is_ok();
        notices.announce(if ok {
            Msg::SkabelonExported.fill(lang, &[("file", &name)])
        } else {
            Msg::DownloadFailed.get(lang).to_owned()
        });
    };
    let previous = Memo::new(move |_| {
        skabelon.with(|s| s.as_ref().and_then(|s| skabeloner.previous(s)).map(|p| p.period.label(lang)))
    });
    let title = move || {
        skabelon.with(|s| {
            Msg::EvalSkabelonTitle
                .fill(lang, &[("plan", &s.as_ref().map(|s| evaluation::display_name(s, lang)).unwrap_or_default())])
        })
    };
    let text_input = move |field_id: &'static str, label: Msg, value: String, field: PlanField| {
        view! {
            <div class="field">
                <label class="label" for=field_id>{label.get(lang)}</label>
                <input id=field_id class="input" type="text" value=value
                    on:input=move |ev| edit.run(Edit::PlanText(field, event_target_value(&ev)))/>
            </div>
        }
    };
    let period_options = {
        let mut periods = period_choices();
        if !periods.contains(&initial.period) {
            periods.insert(0, initial.period);
        }
        periods
            .into_iter()
            .map(|p| view! { <option value=p.key() selected=p == initial.period>{p.label(lang)}</option> })
            .collect_view()
    };
    let lists = scheme();
    // The source's words in the help stay Danish on an English page, marked so.
    let (help_before, help_quoted, help_after) = lists.progress_help_parts(lang);
    let rating_groups = lists
        .collaborations
        .iter()
        .map(|collaboration| {
            let cid = collaboration.id;
            let options = lists
                .rating_levels
                .iter()
                // The evaluation's own words, in Danish; on an English page the translation is
                // the option's hint.
                .map(|l| Choice { value: l.id, label: l.label.da, hint: (lang == Lang::En).then(|| l.label.en()) })
                .collect::<Vec<_>>();
            let comment_id = format!("rating-{cid}-comment");
            let comment = initial.rating(cid).map(|r| r.comment.clone()).unwrap_or_default();
            view! {
                <Choices group_id=format!("rating-{cid}") legend=collaboration.label.get(lang) options
                    labels_lang=(lang == Lang::En).then_some("da")
                    is_chosen=Callback::new(move |level: &'static str| skabelon.with(|s| s.as_ref().and_then(|s| s.rating(cid)).and_then(|r| r.level.as_deref()) == Some(level)))
                    on_choose=Callback::new(move |(level, _): (&'static str, bool)| edit.run(Edit::RatingLevel { collaboration: cid.into(), level: Some(level.into()) }))/>
                <div class="field">
                    <label class="label" for=comment_id.clone()>{Msg::EvalCommentLabel.get(lang)}</label>
                    <textarea id=comment_id class="input" rows="2" prop:value=comment
                        on:input=move |ev| edit.run(Edit::RatingComment { collaboration: cid.into(), comment: event_target_value(&ev) })></textarea>
                </div>
            }
        })
        .collect_view();
    let challenge_options = lists
        .challenges
        .iter()
        .map(|c| Choice { value: c.id, label: c.label.get(lang), hint: None })
        .collect::<Vec<_>>();
    let challenge_comments = lists
        .challenges
        .iter()
        .map(|c| {
            let cid = c.id;
            let comment_id = format!("challenge-{cid}-comment");
            let comment = initial.challenges.get(cid).map(|n| n.comment.clone()).unwrap_or_default();
            let chosen = move || skabelon.with(|s| s.as_ref().is_some_and(|s| s.challenges.contains_key(cid)));
            let label = if c.other { Msg::SkabelonOtherWhat.get(lang).to_owned() } else { format!("{}: {}", c.label.get(lang), Msg::EvalCommentLabel.get(lang)) };
            let other = c.other;
            // Only "Andet" can be missing its comment (`challenges_missing_comment`).
            let missing = move || {
                other
                    && show_missing.get()
                    && skabelon.with(|s| {
                        s.as_ref().is_some_and(|s| s.challenges_missing_comment().iter().any(|m| m.id == cid))
                    })
            };
            let error_id = format!("{comment_id}-error");
            view! {
                <Show when=chosen>
                    <div class=move || if missing() { "field field--error" } else { "field" }>
                        <label class="label" for=comment_id.clone()>{label.clone()}</label>
                        {other.then(|| view! {
                            <p class="error-text" id=error_id.clone()>
                                {move || missing().then(|| Msg::SkabelonOtherMissing.get(lang))}
                            </p>
                        })}
                        <input id=comment_id.clone() class="input" type="text" value=comment.clone()
                            aria-required=other.then_some("true")
                            aria-describedby=other.then(|| error_id.clone())
                            aria-invalid=move || missing().then_some("true")
                            on:blur=move |_| if other { show_missing.set(true) }
                            on:input=move |ev| edit.run(Edit::ChallengeComment { id: cid.into(), comment: event_target_value(&ev) })/>
                    </div>
                </Show>
            }
        })
        .collect_view();
    view! {
        <h1 tabindex="-1">{title}</h1>
        <p><a class="back-link" href=Route::Skabeloner.href()>{Msg::SkabelonBackToList.get(lang)}</a></p>
        <h2>{Msg::SkabelonPlanHeading.get(lang)}</h2>
        {text_input("skabelon-plan-name", Msg::SkabelonPlanName, initial.plan.name.clone(), PlanField::Name)}
        {text_input("skabelon-organisation", Msg::EvalOrganisation, initial.plan.organisation.clone(), PlanField::Organisation)}
        <div class="field">
            <label class="label" for="skabelon-period">{Msg::EvalPeriod.get(lang)}</label>
            <select id="skabelon-period" class="input select" on:change=move |ev| {
                if let Some(p) = Period::parse(&event_target_value(&ev)) {
                    edit.run(Edit::Period(p));
                }
            }>{period_options}</select>
        </div>
        <h2 id="activities-heading">{Msg::EvalActivitiesHeading.get(lang)}</h2>
        <p class="hint">{help_before}<span lang="da">{help_quoted}</span>{help_after}</p>
        <ol class="activity-list" aria-labelledby="activities-heading">
            <For each=move || activity_ids.get() key=|aid| aid.clone() let(aid)>
                <ActivityFields aid skabelon edit/>
            </For>
        </ol>
        <button type="button" class="button button--secondary" id="add-activity" on:click=add>{Msg::SkabelonAddActivity.get(lang)}</button>
        <h2>{Msg::EvalRatingsHeading.get(lang)}</h2>
        {rating_groups}
        <h2>{Msg::EvalChallengesHeading.get(lang)}</h2>
        <Choices group_id="challenges".to_owned() legend=Msg::SkabelonChallengesLegend.get(lang) options=challenge_options checkboxes=true
            is_chosen=Callback::new(move |cid: &'static str| skabelon.with(|s| s.as_ref().is_some_and(|s| s.challenges.contains_key(cid))))
            on_choose=Callback::new(move |(cid, chosen): (&'static str, bool)| edit.run(Edit::Challenge { id: cid.into(), chosen }))/>
        {challenge_comments}
        <h2>{Msg::SkabelonNextHeading.get(lang)}</h2>
        <div class="button-row">
            <a class="button" href=Route::SkabelonPrint { id: id.clone() }.href()>{Msg::SkabelonPrintLink.get(lang)}</a>
            <button type="button" class="button button--secondary" id="export-skabelon" on:click=export_file>{Msg::SkabelonExport.get(lang)}</button>
            <button type="button" class="button button--secondary" id="next-period" on:click=next>{Msg::SkabelonNextPeriod.get(lang)}</button>
        </div>
        {move || previous.get().map(|label| view! {
            <p><a href=Route::SkabelonCompare { id: id.clone() }.href()>{Msg::SkabelonCompareLink.fill(lang, &[("period", &label)])}</a></p>
        })}
    }
    .into_any()
}

/// One activity's fields. Text fields are set once, so a save never moves the caret.
#[component]
fn ActivityFields(aid: String, skabelon: Memo<Option<Strategiskabelon>>, edit: Callback<Edit>) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let notices = expect_context::<Notices>();
    let initial = skabelon.with_untracked(|s| s.as_ref().and_then(|s| s.activity(&aid).cloned())).unwrap_or_default();
    let position = {
        let aid = aid.clone();
        move || {
            skabelon
                .with(|s| s.as_ref().and_then(|s| s.activities.iter().position(|a| a.id == aid)).map_or(0, |n| n + 1))
        }
    };
    let lists = scheme();
    let (name_id, reason_id) = (format!("activity-{aid}-name"), format!("activity-{aid}-reason"));
    let has = {
        let aid = aid.clone();
        move |read: fn(&evaluation::Activity, &str) -> bool, value: &str| {
            skabelon.with(|s| s.as_ref().and_then(|s| s.activity(&aid)).is_some_and(|a| read(a, value)))
        }
    };
    let groups = lists
        .target_groups
        .iter()
        .map(|g| Choice { value: g.id, label: g.label.get(lang), hint: None })
        .collect::<Vec<_>>();
    let levels =
        lists.progress.iter().map(|l| Choice { value: l.id, label: l.label.get(lang), hint: None }).collect::<Vec<_>>();
    // Each krav-area by its code and title: a checkbox list of its own, as the labels are made here.
    let items = catalogue::current()
        .items()
        .map(|item| {
            let (iid, owner, read) = (item.id, aid.clone(), has.clone());
            let id = format!("activity-{aid}-item-{iid}");
            view! {
                <div class="checkbox">
                    <input class="checkbox__input" type="checkbox" id=id.clone()
                        prop:checked=move || read(|a, i| a.items.contains(i), iid)
                        on:change=move |ev| edit.run(Edit::ActivityItem { id: owner.clone(), item: iid.into(), linked: event_target_checked(&ev) })/>
                    <label class="checkbox__label" for=id>{format!("{} {}", item.code, item.title.get(lang))}</label>
                </div>
            }
        })
        .collect_view();
    let (a1, a2, a4, a5, a6) = (aid.clone(), aid.clone(), aid.clone(), aid.clone(), aid.clone());
    let (h1, h3) = (has.clone(), has);
    let legend = move || Msg::SkabelonActivityLegend.fill(lang, &[("n", &position().to_string())]);
    view! {
        <li class="activity">
            <fieldset class="fieldset">
                <legend class="legend">{legend}</legend>
                <div class="field">
                    <label class="label" for=name_id.clone()>{Msg::EvalColActivity.get(lang)}</label>
                    <input id=name_id class="input" type="text" value=initial.name.clone()
                        on:input=move |ev| edit.run(Edit::ActivityName { id: a1.clone(), name: event_target_value(&ev) })/>
                </div>
                <Choices group_id=format!("activity-{aid}-groups") legend=Msg::EvalColTargetGroups.get(lang) options=groups checkboxes=true
                    is_chosen=Callback::new(move |g: &'static str| h1(|a, g| a.target_groups.contains(g), g))
                    on_choose=Callback::new(move |(g, chosen): (&'static str, bool)| edit.run(Edit::ActivityTargetGroup { id: a2.clone(), group: g.into(), chosen }))/>
                <fieldset class="fieldset">
                    <legend class="legend">{Msg::EvalColItems.get(lang)}</legend>
                    <div class="checkboxes">{items}</div>
                </fieldset>
                <Choices group_id=format!("activity-{aid}-progress") legend=Msg::EvalColProgress.get(lang) options=levels
                    is_chosen=Callback::new(move |l: &'static str| h3(|a, l| a.progress.as_deref() == Some(l), l))
                    on_choose=Callback::new(move |(l, _): (&'static str, bool)| edit.run(Edit::ActivityProgress { id: a4.clone(), progress: Some(l.into()) }))/>
                <div class="field">
                    <label class="label" for=reason_id.clone()>{Msg::EvalColReason.get(lang)}</label>
                    <input id=reason_id class="input" type="text" value=initial.reason.clone()
                        on:input=move |ev| edit.run(Edit::ActivityReason { id: a5.clone(), reason: event_target_value(&ev) })/>
                </div>
                <button type="button" class="button button--warning" on:click=move |_| {
                    edit.run(Edit::RemoveActivity { id: a6.clone() });
                    notices.announce(Msg::SkabelonActivityRemoved.get(lang));
                    focus::when_shown("add-activity");
                }>{Msg::SkabelonRemoveActivity.get(lang)}</button>
            </fieldset>
        </li>
    }
}

/// The strategiskabelon's title at the foot of every printed page, while its page is shown.
fn print_footer_of(skabeloner: Strategiskabeloner, id: String, lang: Lang) {
    use_print_footer(move || skabeloner.get(&id).map(|s| title_of(&s, lang)));
}

/// The printable strategiskabelon.
#[component]
pub fn SkabelonPrintPage(id: String) -> impl IntoView {
    let skabeloner = expect_context::<Strategiskabeloner>();
    let lang = expect_context::<Settings>().lang();
    let back = Route::Skabelon { id: id.clone() }.href();
    print_footer_of(skabeloner, id.clone(), lang);
    let markup = Signal::derive(move || {
        skabeloner
            .get(&id)
            .map(|s| render::evaluation::strategiskabelon(catalogue::current(), &s, &clock::today(), lang))
            .unwrap_or_default()
    });
    view! {
        <div class="report-toolbar no-print">
            <a class="back-link" href=back>{Msg::SkabelonBackToEdit.get(lang)}</a>
            <div class="button-row">
                <button type="button" class="button" on:click=|_| page::print()>{Msg::PrintReport.get(lang)}</button>
            </div>
        </div>
        <Document markup/>
    }
}

/// This period against the plan's previous one.
#[component]
pub fn SkabelonComparePage(id: String) -> impl IntoView {
    let skabeloner = expect_context::<Strategiskabeloner>();
    let lang = expect_context::<Settings>().lang();
    let back = Route::Skabelon { id: id.clone() }.href();
    print_footer_of(skabeloner, id.clone(), lang);
    let markup = Signal::derive(move || {
        let Some(after) = skabeloner.get(&id) else { return Markup::default() };
        match skabeloner.previous(&after) {
            Some(before) => render::evaluation::period_comparison(&compare_periods(&before, &after), lang, Level::Page),
            None => Markup::default(),
        }
    });
    view! {
        <div class="report-toolbar no-print">
            <a class="back-link" href=back>{Msg::SkabelonBackToEdit.get(lang)}</a>
        </div>
        <Document markup/>
    }
}

/// "Strategiskabelon: Plan Nord, 1. halvår 2027": the foot of every printed page.
fn title_of(s: &Strategiskabelon, lang: Lang) -> String {
    Msg::EvalSkabelonTitle.fill(lang, &[("plan", &Strategiskabeloner::label(s, lang))])
}
