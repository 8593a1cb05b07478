//! "Kommunens gennemgang": the caseworker starts a review from an organisation's export file,
//! decides on every item and reason, and prints and sends "Kommunens tilbagemelding". What the
//! decisions mean (the verdict, the progress, the order, the comments still missing) is decided
//! by `domain::review`; these screens only show it.

use leptos::prelude::*;

use crate::browser::{clock, files, page};
use crate::domain::catalogue::{self, Catalogue, Item};
use crate::domain::exchange::{self, MAX_IMPORT_BYTES};
use crate::domain::feedback::{self, Feedback};
use crate::domain::flow;
use crate::domain::i18n::Msg;
use crate::domain::review::{self, Decision, ReasonDecision, Review, ReviewEdit, ReviewField, ReviewJudgement};
use crate::domain::route::Route;
use crate::domain::wording;
use crate::render;
use crate::render::html::{Html, Markup};
use crate::scan::PlanScan;
use crate::ui::components::document::Document;
use crate::ui::components::drop_zone::DropZone;
use crate::ui::components::fields::{Choice, Choices, TextField, TextKind};
use crate::ui::components::frame::Message;
use crate::ui::components::missing_items::MissingItems;
use crate::ui::components::plan_findings::PlanFindings;
use crate::ui::focus;
use crate::ui::hooks::{use_plan, use_print_footer};
use crate::ui::plan_reading::{self, PLAN_FILES};
use crate::ui::stores::plans::PlanState;
use crate::ui::stores::{Notices, Plans, Reviews, Settings};

fn catalogue_of(review: &Review) -> &'static Catalogue {
    review.catalogue().unwrap_or_else(catalogue::current)
}

fn judge(review: &Review) -> ReviewJudgement {
    review::judge_review(catalogue_of(review), review, &clock::today())
}

/// The list of reviews, and starting one from an export file.
#[component]
pub fn ReviewsPage() -> impl IntoView {
    let (reviews, notices) = (expect_context::<Reviews>(), expect_context::<Notices>());
    let lang = expect_context::<Settings>().lang();
    let refused = RwSignal::new(None::<String>);
    let on_files = Callback::new(move |picked: Vec<web_sys::File>| {
        let Some(file) = picked.into_iter().next() else { return };
        leptos::task::spawn_local(async move {
            let read = if file.size() as usize > MAX_IMPORT_BYTES {
                Err(exchange::ImportError::TooLarge { bytes: file.size() as usize })
            } else {
                exchange::import(&files::read_text(&file).await.unwrap_or_default())
            };
            match read {
                Ok(assessments) => {
                    refused.set(None);
                    let ids = reviews.start(assessments);
                    notices.announce(Msg::ReviewsStarted.fill(lang, &[("count", &ids.len().to_string())]));
                    if let Some(first) = ids.first() {
                        page::go(&Route::Review { id: first.clone() }.href());
                    }
                }
                Err(error) => {
                    let text =
                        format!("{} {}", wording::import_error(&error, lang), Msg::ImportNothingChanged.get(lang));
                    notices.announce(text.clone());
                    refused.set(Some(text));
                    focus::when_shown("review-refused");
                }
            }
        });
    });
    let rows = move || {
        reviews.with(|list| {
            list.iter()
                .map(|r| {
                    let j = judge(r);
                    let name = render::review::plan_name(r, lang);
                    let verdict = wording::review_verdict(j.verdict, j.basis).get(lang);
                    (
                        r.id.clone(),
                        name,
                        r.assessment.profile.organisation.clone(),
                        wording::review_progress(&j, lang),
                        verdict,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <h1 tabindex="-1">{Msg::ReviewsHeading.get(lang)}</h1>
        <p class="lead">{Msg::ReviewsIntro.get(lang)}</p>
        <DropZone id="review-file" label=Msg::ReviewsPick.get(lang) hint=Msg::ReviewsDropHint.get(lang)
            accept=".json,application/json" on_files/>
        {move || refused.get().map(|text| view! {
            <div id="review-refused" class="notice notice--error" tabindex="-1" role="alert">
                <p><strong>{Msg::ImportRefused.get(lang)}</strong></p>
                <p>{text}</p>
            </div>
        })}
        <h2 id="reviews-heading">{Msg::ReviewsListHeading.get(lang)}</h2>
        <Show when=move || reviews.with(|list| !list.is_empty())
            fallback=move || view! { <p id="reviews-none">{Msg::ReviewsNone.get(lang)}</p> }>
            <ul class="review-list" aria-labelledby="reviews-heading">
                <For each=rows key=|row| row.clone() let((id, name, organisation, progress, verdict))>
                    <li>
                        <a href=Route::Review { id }.href()>{name}</a>
                        {(!organisation.trim().is_empty()).then(|| view! { " – " {organisation} })}
                        " – " {progress} " – " {verdict}
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// One review: its details, the kommune's verdict and every item in the overview's order.
#[component]
pub fn ReviewPage(id: String) -> impl IntoView {
    let reviews = expect_context::<Reviews>();
    let lang = expect_context::<Settings>().lang();
    let Some(review) = reviews.with_review(&id, |r| r.cloned()) else {
        return view! { <Message heading=Msg::ReviewMissingHeading text=Msg::ReviewMissingText/> }.into_any();
    };
    let name = render::review::plan_name(&review, lang);
    let edit = {
        let id = id.clone();
        move |field: ReviewField| {
            let id = id.clone();
            Callback::new(move |value: String| reviews.edit(&id, ReviewEdit::Text(field, value)))
        }
    };
    let judgement = {
        let id = id.clone();
        Memo::new(move |_| reviews.with_review(&id, |r| r.map(judge)))
    };
    let panel = Signal::derive(move || {
        judgement.with(|j| {
            let Some(j) = j else { return Markup::default() };
            let mut html = Html::new();
            render::review::review_verdict_panel(&mut html, j, "h2", lang);
            html.finish()
        })
    });
    let rows = {
        let id = id.clone();
        move || {
            judgement.with(|j| {
                j.as_ref()
                    .map(|j| {
                        j.overview()
                            .into_iter()
                            .map(|s| {
                                let mut said = Vec::new();
                                if s.asks_decision {
                                    said.push(wording::decision(s.decision).get(lang));
                                }
                                if s.asks_reason {
                                    said.push(wording::reason_decision(s.reason_decision).get(lang));
                                }
                                let href = Route::ReviewItem { id: id.clone(), item: s.item.id.into() }.href();
                                (s.item.id, href, wording::item_name(s.item, lang), said.join(" · "), s.reviewed)
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <h1 tabindex="-1">{Msg::ReviewHeading.fill(lang, &[("plan", &name)])}</h1>
        <Document markup=panel/>
        <p><a class="button" id="to-feedback" href=Route::ReviewFeedback { id: id.clone() }.href()>{Msg::ReviewToFeedback.get(lang)}</a></p>
        <h2>{Msg::ReviewDetailsHeading.get(lang)}</h2>
        <TextField id="review-caseworker" label=Msg::FeedbackCaseworker.get(lang) value=review.caseworker.clone()
            on_input=edit(ReviewField::Caseworker)/>
        <TextField id="review-date" label=Msg::FeedbackReviewDate.get(lang) value=review.date.clone()
            kind=TextKind::Date on_input=edit(ReviewField::Date)/>
        <TextField id="review-plan-reference" label=Msg::FeedbackPlanReference.get(lang)
            value=review.plan_reference.clone() on_input=edit(ReviewField::PlanReference)/>
        <ReviewPlan id=id.clone()/>
        <h2 id="review-items-heading">{Msg::ReviewItemsHeading.get(lang)}</h2>
        <p>{Msg::ReviewItemsIntro.get(lang)}</p>
        <ol class="review-items" aria-labelledby="review-items-heading">
            <For each=rows key=|row| row.clone() let((item, href, name, said, reviewed))>
                <li data-item=item class:review-items__done=reviewed>
                    <a href=href>{name}</a> " – " {said}
                </li>
            </For>
        </ol>
    }
    .into_any()
}

/// The items of the organisation's plan that the plan itself seems to miss.
fn missing_in(review: &Review, scan: &PlanScan) -> Vec<&'static Item> {
    scan.missing(flow::path(&judge(review).organisation))
}

/// The plan itself, when the caseworker gives it (DOCX, PDF or ODT): read as on the
/// organisation's "Læs jeres plan", and kept in this browser's IndexedDB under the review's id,
/// apart from any plan of the caseworker's own assessments. Each item's page then shows what the
/// plan seems to say there.
#[component]
fn ReviewPlan(id: String) -> impl IntoView {
    let (plans, notices, reviews) =
        (expect_context::<Plans>(), expect_context::<Notices>(), expect_context::<Reviews>());
    let lang = expect_context::<Settings>().lang();
    let plan = use_plan(&id);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let on_files = {
        let id = id.clone();
        Callback::new(move |picked: Vec<web_sys::File>| {
            let Some(file) = picked.into_iter().next() else { return };
            let id = id.clone();
            busy.set(true);
            failed.set(None);
            notices.announce(Msg::PlanReading.get(lang));
            leptos::task::spawn_local(async move {
                let scan = match plan_reading::scan_file(&file, lang).await {
                    Ok(scan) => scan,
                    Err(text) => {
                        busy.set(false);
                        notices.announce(format!("{text} {}", Msg::ScanNothingChanged.get(lang)));
                        failed.set(Some(text));
                        focus::when_shown("review-plan-status");
                        return;
                    }
                };
                let (name, passages) = (scan.name(lang), scan.passages.len());
                let missing =
                    untrack(|| reviews.with_review(&id, |r| r.map(|r| missing_in(r, &scan).len()))).unwrap_or_default();
                let saved = plans.keep(&id, scan).await;
                let mut text = Msg::PlanRead.fill(
                    lang,
                    &[("name", &name), ("passages", &passages.to_string()), ("missing", &missing.to_string())],
                );
                if saved.is_err() {
                    text = format!("{text} {}", Msg::PlanSaveFailed.get(lang));
                }
                busy.set(false);
                notices.announce(text);
                focus::when_shown("review-plan-result");
            });
        })
    };
    let remove = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            leptos::task::spawn_local(async move {
                notices.announce(plan_reading::remove(plans, &id, lang).await);
                focus::when_shown("review-plan-file");
            });
        }
    };
    let current = {
        let id = id.clone();
        move || {
            let scan = plan.get().scan().cloned()?;
            let missing = reviews.with_review(&id, |r| r.map(|r| missing_in(r, &scan))).unwrap_or_default();
            let remove = remove.clone();
            Some(view! {
                <div class="plan-result">
                    <h3 id="review-plan-result" tabindex="-1">
                        {Msg::PlanCurrent.fill(lang, &[("name", &scan.name(lang)), ("passages", &scan.passages.len().to_string())])}
                    </h3>
                    <h4>{Msg::PlanMissingHeading.get(lang)}</h4>
                    <MissingItems missing/>
                    <button type="button" class="button button--warning" on:click=remove>{Msg::PlanRemove.get(lang)}</button>
                </div>
            })
        }
    };
    view! {
        <section id="review-plan" aria-labelledby="review-plan-heading">
            <h2 id="review-plan-heading">{Msg::ReviewPlanHeading.get(lang)}</h2>
            <p>{Msg::ReviewPlanIntro.get(lang)}</p>
            <DropZone id="review-plan-file" label=Msg::PlanPick.get(lang) hint=Msg::PlanDrop.get(lang) accept=PLAN_FILES
                disabled=Signal::derive(move || busy.get()) on_files/>
            <div id="review-plan-status" tabindex="-1">
                {move || busy.get().then(|| view! { <p class="notice notice--info">{Msg::PlanReading.get(lang)}</p> })}
                {move || failed.get().map(|text| view! {
                    <div class="error-summary error-summary--error" role="alert">
                        <p>{text}</p>
                        <p>{Msg::ScanNothingChanged.get(lang)}</p>
                    </div>
                })}
            </div>
            {move || match plan.get() {
                PlanState::Read(_) => current().map(IntoAny::into_any),
                PlanState::None => Some(view! { <p>{Msg::ReviewPlanNone.get(lang)}</p> }.into_any()),
                PlanState::Loading => None,
            }}
        </section>
    }
}

/// The caseworker's decisions on one item.
#[component]
pub fn ReviewItemPage(id: String, item: String) -> impl IntoView {
    let (reviews, notices) = (expect_context::<Reviews>(), expect_context::<Notices>());
    let lang = expect_context::<Settings>().lang();
    let Some(review) = reviews.with_review(&id, |r| r.cloned()) else {
        return view! { <Message heading=Msg::ReviewMissingHeading text=Msg::ReviewMissingText/> }.into_any();
    };
    let catalogue = catalogue_of(&review);
    let Some(found) = catalogue.item(&item) else {
        return view! { <Message heading=Msg::ReviewMissingHeading text=Msg::ItemMissingText/> }.into_any();
    };
    let item_id: &'static str = found.id;
    let judgement = {
        let id = id.clone();
        Memo::new(move |_| reviews.with_review(&id, |r| r.map(judge)))
    };
    let first = judge(&review);
    let state = first.state(item_id).cloned().expect("every item has a state");
    let given = review.item(item_id).cloned().unwrap_or_default();
    let back = Route::Review { id: id.clone() }.href();
    let next = {
        let in_scope: Vec<&str> = first.in_scope().map(|s| s.item.id).collect();
        let at = in_scope.iter().position(|i| *i == item_id);
        at.and_then(|at| in_scope.get(at + 1)).and_then(|next| catalogue.item(next))
    };
    let answer = {
        let mut html = Html::new();
        html.open("blockquote", &[("lang", Some("da")), ("class", Some("quote"))])
            .text(found.text.da())
            .close("blockquote");
        html.element("h2", &[], Msg::ReviewAnswerHeading.get(lang));
        html.open("dl", &[("class", Some("summary-list"))]);
        render::answers::answer_rows(
            &mut html,
            found,
            &review.assessment.answer(item_id).cloned().unwrap_or_default(),
            lang,
        );
        html.close("dl");
        if let Some(note) = wording::applicability(state.state.applicability) {
            html.el("p", "summary-card__note", note.get(lang));
        }
        html.finish()
    };
    // Says what was decided and where the review stands, in the live region.
    let announce = move |label: &'static str| {
        let progress = judgement.with_untracked(|j| j.as_ref().map(|j| wording::review_progress(j, lang)));
        notices.announce(
            Msg::ReviewDecided
                .fill(lang, &[("item", found.code), ("decision", label), ("progress", &progress.unwrap_or_default())]),
        );
    };
    let warning_of = move |kind: review::ReviewWarningKind| {
        Signal::derive(move || {
            judgement.with(|j| {
                j.as_ref()
                    .filter(|j| j.warnings_for(item_id).any(|w| w.kind == kind))
                    .map(|_| vec![wording::review_warning(kind).get(lang).to_owned()])
                    .unwrap_or_default()
            })
        })
    };
    let decision_now = {
        let id = id.clone();
        move || reviews.with_review(&id, |r| r.and_then(|r| r.item(item_id)).and_then(|g| g.decision))
    };
    let reason_now = {
        let id = id.clone();
        move || reviews.with_review(&id, |r| r.and_then(|r| r.item(item_id)).and_then(|g| g.reason_decision))
    };
    let decision_part = state.asks_decision.then(|| {
        let (id_choose, id_comment) = (id.clone(), id.clone());
        let options = Decision::CHOICES
            .iter()
            .map(|d| Choice { value: d.key(), label: wording::decision(Some(*d)).get(lang), hint: None })
            .collect();
        let decision_now = decision_now.clone();
        view! {
            <Choices group_id="review-decision".to_owned() legend=Msg::ReviewDecisionLegend.get(lang) options
                is_chosen=Callback::new(move |value: &'static str| decision_now().is_some_and(|d| d.key() == value))
                on_choose=Callback::new(move |(value, _): (&'static str, bool)| {
                    let Some(decision) = Decision::CHOICES.into_iter().find(|d| d.key() == value) else { return };
                    reviews.edit(&id_choose, ReviewEdit::Decision { item: item_id.into(), decision: Some(decision) });
                    announce(wording::decision(Some(decision)).get(lang));
                })/>
            <TextField id="review-comment" label=Msg::ReviewCommentLabel.get(lang) hint=Msg::ReviewCommentHint.get(lang)
                value=given.comment.clone() kind=TextKind::Area
                warnings=warning_of(review::ReviewWarningKind::CommentMissing)
                on_input=Callback::new(move |comment: String| {
                    reviews.edit(&id_comment, ReviewEdit::Comment { item: item_id.into(), comment })
                })/>
        }
    });
    let reason_part = state.asks_reason.then(|| {
        let (id_choose, id_comment) = (id.clone(), id.clone());
        let options = ReasonDecision::CHOICES
            .iter()
            .map(|d| Choice { value: d.key(), label: wording::reason_decision(Some(*d)).get(lang), hint: None })
            .collect();
        let reason = state.state.reason.clone().unwrap_or_default();
        view! {
            <h2>{Msg::ReviewReasonLegend.get(lang)}</h2>
            <p class="review-reason"><q>{reason}</q></p>
            <Choices group_id="review-reason".to_owned() legend=Msg::ReviewDecisionLegend.get(lang) options
                is_chosen=Callback::new(move |value: &'static str| reason_now().is_some_and(|d| d.key() == value))
                on_choose=Callback::new(move |(value, _): (&'static str, bool)| {
                    let Some(decision) = ReasonDecision::CHOICES.into_iter().find(|d| d.key() == value) else { return };
                    reviews.edit(&id_choose, ReviewEdit::ReasonDecision { item: item_id.into(), decision: Some(decision) });
                    announce(wording::reason_decision(Some(decision)).get(lang));
                })/>
            <TextField id="review-reason-comment" label=Msg::ReviewReasonCommentLabel.get(lang)
                hint=Msg::ReviewReasonCommentHint.get(lang) value=given.reason_comment.clone() kind=TextKind::Area
                warnings=warning_of(review::ReviewWarningKind::ReasonCommentMissing)
                on_input=Callback::new(move |comment: String| {
                    reviews.edit(&id_comment, ReviewEdit::ReasonComment { item: item_id.into(), comment })
                })/>
        }
    });
    let not_in_scope =
        (!state.in_scope).then(|| view! { <p class="notice notice--info">{Msg::ReviewNotInScope.get(lang)}</p> });
    let next_link = match next {
        Some(next) => view! {
            <a class="button" id="review-next" href=Route::ReviewItem { id: id.clone(), item: next.id.into() }.href()>
                {Msg::NextItem.fill(lang, &[("code", next.code), ("title", next.title.get(lang))])}
            </a>
        }
        .into_any(),
        None => {
            view! { <a class="button" id="review-next" href=back.clone()>{Msg::ReviewBack.get(lang)}</a> }.into_any()
        }
    };
    view! {
        <a class="back-link" href=back.clone()>{Msg::ReviewBack.get(lang)}</a>
        <h1 tabindex="-1"><span class="code">{found.code}</span> " " {found.title.get(lang)}</h1>
        <Document markup=Signal::stored(answer)/>
        <PlanFindings plan=use_plan(&id) item=found use_reference=None note=Msg::ReviewPlanFindingsNote.get(lang)
            no_plan=Msg::ReviewPlanNone.get(lang) give_plan_href=back.clone()
            give_plan_label=Msg::ReviewPlanGive.get(lang)/>
        {not_in_scope}
        {decision_part}
        {reason_part}
        <p class="button-row">{next_link}</p>
    }
    .into_any()
}

/// "Kommunens tilbagemelding": the document, printed or downloaded, and the feedback file.
#[component]
pub fn ReviewFeedbackPage(id: String) -> impl IntoView {
    let (reviews, notices) = (expect_context::<Reviews>(), expect_context::<Notices>());
    let lang = expect_context::<Settings>().lang();
    if reviews.with_review(&id, |r| r.is_none()) {
        return view! { <Message heading=Msg::ReviewMissingHeading text=Msg::ReviewMissingText/> }.into_any();
    }
    let document = {
        let id = id.clone();
        Signal::derive(move || {
            reviews.with_review(&id, |r| {
                let Some(r) = r else { return Markup::default() };
                render::review::feedback_document(catalogue_of(r), r, &judge(r), &clock::today(), lang)
            })
        })
    };
    let name = reviews.with_review(&id, |r| r.map(|r| render::review::plan_name(r, lang))).unwrap_or_default();
    let footer = name.clone();
    use_print_footer(move || Some(footer.clone()));
    let download_html = {
        let name = name.clone();
        move |_| {
            let title = Msg::FeedbackTitle.fill(lang, &[("plan", &name)]);
            let file = render::report::standalone(
                &document.get_untracked(),
                &page::stylesheet_text("report"),
                &name,
                &title,
                lang,
            );
            let file_name = render::review::feedback_html_file_name(&name, &clock::today());
            if files::download(&file_name, "text/html;charset=utf-8", &file).is_err() {
                notices.confirm(Msg::DownloadFailed.get(lang).to_owned());
            }
        }
    };
    let download_file = {
        let id = id.clone();
        move |_| {
            let Some(text) = reviews.with_review(&id, |r| {
                r.map(|r| feedback::encode_feedback(&Feedback::of_review(r, &judge(r), &clock::now())))
            }) else {
                return;
            };
            let file_name = render::review::feedback_json_file_name(&name, &clock::today());
            if files::download(&file_name, "application/json", &text).is_err() {
                notices.confirm(Msg::DownloadFailed.get(lang).to_owned());
            } else {
                notices.confirm(Msg::FeedbackDownloaded.get(lang).to_owned());
            }
        }
    };
    view! {
        <div class="report-toolbar no-print">
            <a class="back-link" href=Route::Review { id: id.clone() }.href()>{Msg::ReviewBack.get(lang)}</a>
            <div class="button-row">
                <button type="button" class="button" id="print-feedback" on:click=|_| page::print()>{Msg::PrintReport.get(lang)}</button>
                <button type="button" class="button button--secondary" id="download-feedback-html" on:click=download_html>
                    {Msg::FeedbackDownloadHtml.get(lang)}
                </button>
                <button type="button" class="button button--secondary" id="download-feedback-file" on:click=download_file>
                    {Msg::FeedbackDownloadFile.get(lang)}
                </button>
            </div>
        </div>
        <Document markup=document/>
    }
    .into_any()
}
