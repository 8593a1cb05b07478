//! The frame around every screen: header with menu and language switch, notices, the live
//! region, the footer, and the steps of an assessment.

use leptos::prelude::*;

use crate::browser::page;
use crate::browser::storage::StorageProblem;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;
use crate::ui::focus;
use crate::ui::stores::{Assessments, Evaluations, Navigation, Notices, Reviews, Settings, Strategiskabeloner};

/// Which menu entry is current.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Start,
    Group,
    Data,
    Other,
}

impl Section {
    fn of(route: &Route) -> Section {
        match route {
            Route::Start => Section::Start,
            Route::Group | Route::Compare { .. } => Section::Group,
            Route::Data => Section::Data,
            _ => Section::Other,
        }
    }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let route = expect_context::<Navigation>().route;
    let section = Memo::new(move |_| route.with(Section::of));
    let links = [
        (Section::Start, Route::Start, Msg::NavStart),
        (Section::Group, Route::Group, Msg::NavGroup),
        (Section::Data, Route::Data, Msg::NavData),
    ];
    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            // The hash is the app's address: move focus without changing it.
            ev.prevent_default();
            page::focus_id("main");
        }>{Msg::SkipToContent.get(lang)}</a>
        <div class="wrap site-header__inner">
            <a class="brand" href="#/">
                <span class="brand__logo" aria-hidden="true"></span>
                <span class="brand__name">{Msg::AppName.get(lang)}</span>
            </a>
            <nav class="nav" aria-label=Msg::MainNavigation.get(lang)>
                {links
                    .into_iter()
                    .map(|(here, route, label)| {
                        view! {
                            <a class="nav__link" href=route.href()
                                aria-current=move || (section.get() == here).then_some("page")>
                                {label.get(lang)}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
            <LanguageSwitch/>
        </div>
    }
}

/// Dansk | English. The page is rebuilt in the chosen language; focus stays on the choice.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let settings = expect_context::<Settings>();
    let lang = settings.lang();
    view! {
        <div class="lang-switch" role="group" aria-label=Msg::LanguageSwitch.get(lang)>
            {Lang::ALL
                .into_iter()
                .map(|option| {
                    view! {
                        <button type="button" class="lang-switch__option" id=format!("lang-{}", option.code())
                            lang=option.code() aria-pressed=if option == lang { "true" } else { "false" }
                            on:click=move |_| settings.set_lang(option)>
                            {option.name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Storage problems, data set aside, another tab's change, and the last confirmation.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let (notices, assessments) = (expect_context::<Notices>(), expect_context::<Assessments>());
    let (skabeloner, evaluations) = (expect_context::<Strategiskabeloner>(), expect_context::<Evaluations>());
    let navigation = expect_context::<Navigation>();
    let lang = expect_context::<Settings>().lang();
    let storage_alert = move || {
        let text = match notices.storage_alert()? {
            StorageProblem::Unavailable => Msg::NoticeStorageUnavailable,
            StorageProblem::QuotaExceeded => Msg::NoticeQuotaExceeded,
            StorageProblem::Failed(_) => Msg::NoticeSaveFailed,
        };
        Some(view! {
            <div class="notice notice--error" role="alert">
                <p>{text.get(lang)}</p>
                <p><a href=Route::Data.href()>{Msg::NoticeExportWayOut.get(lang)}</a></p>
            </div>
        })
    };
    let quarantined = move || {
        (assessments.set_aside() > 0).then(|| {
            view! {
                <div class="notice notice--warning" role="alert">
                    <p>{Msg::NoticeQuarantine.get(lang)} " " <a href=Route::Data.href()>{Msg::GoToData.get(lang)}</a></p>
                </div>
            }
        })
    };
    let reviews = expect_context::<Reviews>();
    let open = move || navigation.route.with(|route| route.assessment_id().map(str::to_owned));
    let open_review = move || navigation.route.with(|route| route.review_id().map(str::to_owned));
    let changed_elsewhere = move || {
        let assessment = open().is_some_and(|id| assessments.changed_elsewhere(&id));
        let review = open_review().is_some_and(|id| reviews.changed_elsewhere(&id));
        let text = if review { Msg::NoticeReviewChangedElsewhere } else { Msg::NoticeChangedElsewhere };
        (assessment || review).then(|| {
            view! {
                <div class="notice notice--info" role="status">
                    <p>{text.get(lang)}</p>
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        assessments.seen();
                        reviews.seen();
                        navigation.rebuild();
                    }>
                        {Msg::ShowLatest.get(lang)}
                    </button>
                </div>
            }
        })
    };
    // The same for a strategiskabelon being filled in: its text fields show another tab's
    // change only when the page is built again, which the user chooses.
    let open_skabelon = move || navigation.route.with(|route| route.skabelon_id().map(str::to_owned));
    let skabelon_changed = move || {
        let id = open_skabelon().filter(|id| skabeloner.changed_elsewhere(id))?;
        let text = if skabeloner.exists(&id) { Msg::SkabelonChangedElsewhere } else { Msg::SkabelonGoneElsewhere };
        Some(view! {
            <div class="notice notice--info" role="status">
                <p>{text.get(lang)}</p>
                <button type="button" class="button button--secondary" on:click=move |_| {
                    skabeloner.seen();
                    navigation.rebuild();
                }>
                    {Msg::ShowLatest.get(lang)}
                </button>
            </div>
        })
    };
    // The kommune's overview follows another tab's import at once; it says so.
    let on_evaluation =
        move || navigation.route.with(|route| matches!(route, Route::Evaluation | Route::EvaluationPlan { .. }));
    let gathered_changed = move || {
        (on_evaluation() && evaluations.changed_elsewhere()).then(|| {
            view! {
                <div class="notice notice--info" role="status">
                    <p>{Msg::EvalChangedElsewhere.get(lang)}</p>
                </div>
            }
        })
    };
    let flash = move || {
        notices.flash().map(|flash| {
            let undo = flash.undo.map(|undo| {
                view! {
                    <button type="button" class="button button--secondary" id="undo-button" on:click=move |_| {
                        if let Some(target) = undo() {
                            focus::when_shown(target);
                        }
                    }>{Msg::Undo.get(lang)}</button>
                }
            });
            view! {
                <div class="notice notice--success">
                    <p>{flash.text}</p>
                    {undo}
                    <button type="button" class="button button--link" on:click=move |_| {
                        notices.dismiss();
                        page::focus_id("main");
                    }>{Msg::Dismiss.get(lang)}</button>
                </div>
            }
        })
    };
    view! { {storage_alert} {quarantined} {changed_elsewhere} {skabelon_changed} {gathered_changed} {flash} }
}

/// The polite live region every action's outcome is said in. It is in the page from the start,
/// so screen readers are listening before the first announcement.
#[component]
pub fn Announcer() -> impl IntoView {
    let notices = expect_context::<Notices>();
    view! {
        <div id="announcer" class="visually-hidden" role="status" aria-live="polite">
            {move || notices.announcement()}
        </div>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let source = &crate::domain::catalogue::current().source;
    let text = Msg::FooterSource.fill(
        lang,
        &[
            ("title", source.title.get(lang)),
            ("publisher", source.publisher.get(lang)),
            ("date", source.date.get(lang)),
        ],
    );
    view! {
        <div class="wrap">
            <p>{Msg::FooterPrivacy.get(lang)}</p>
            <p>{text}</p>
        </div>
    }
}

/// The four steps of an assessment, with the current one marked.
#[component]
pub fn Steps(id: String, current: usize) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    let steps = [
        (Msg::StepProfile, Route::Profile { id: id.clone() }),
        (Msg::StepItems, Route::Overview { id: id.clone() }),
        (Msg::StepCheck, Route::Check { id: id.clone() }),
        (Msg::StepReport, Route::Report { id }),
    ];
    view! {
        <nav class="steps" aria-label=Msg::Steps.get(lang)>
            <ol class="steps__list">
                {steps
                    .into_iter()
                    .enumerate()
                    .map(|(n, (label, route))| {
                        let class = match n.cmp(&current) {
                            std::cmp::Ordering::Less => "steps__step steps__step--done",
                            std::cmp::Ordering::Equal => "steps__step steps__step--current",
                            std::cmp::Ordering::Greater => "steps__step",
                        };
                        view! {
                            <li class=class>
                                <a class="steps__link" href=route.href() aria-current=(n == current).then_some("step")>
                                    <span class="steps__number" aria-hidden="true">{n + 1}</span>
                                    <span class="steps__label">{label.get(lang)}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

/// A heading, a text and a link home: for addresses that lead nowhere.
#[component]
pub fn Message(heading: Msg, text: Msg) -> impl IntoView {
    let lang = expect_context::<Settings>().lang();
    view! {
        <h1 tabindex="-1">{heading.get(lang)}</h1>
        <p>{text.get(lang)}</p>
        <p><a href="#/">{Msg::GoToStart.get(lang)}</a></p>
    }
}

/// A row of links styled as buttons: the first is the main one.
#[component]
pub fn LinkButtons(links: Vec<(String, &'static str)>) -> impl IntoView {
    view! {
        <div class="button-row">
            {links
                .into_iter()
                .enumerate()
                .map(|(n, (href, label))| {
                    view! { <a class=if n == 0 { "button" } else { "button button--secondary" } href=href>{label}</a> }
                })
                .collect_view()}
        </div>
    }
}
