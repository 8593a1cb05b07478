//! What several screens derive from the stores, once: the assessment on screen with its
//! judgement (counting the kommune's feedback, when one is attached), a field's warnings, the plan
//! and what it seems to miss, and the footer of every printed page.

use leptos::prelude::*;

use crate::browser::page;
use crate::domain::assessment::Assessment;
use crate::domain::catalogue::{self, Item};
use crate::domain::engine::{Field, Judgement};
use crate::domain::feedback::{self, Feedback, WithFeedback};
use crate::domain::flow;
use crate::domain::wording;
use crate::render::report::print_footer_rule;
use crate::ui::stores::plans::PlanState;
use crate::ui::stores::{Assessments, Feedbacks, Plans, Settings};

/// The assessment on screen and its judgement, kept current as it is edited here or elsewhere.
/// With the kommune's feedback attached, the judgement's verdict counts the reasons it accepted
/// (`feedback::judge_with_feedback`), on every screen alike.
pub fn use_assessment(id: &str) -> (Memo<Option<Assessment>>, Memo<Option<Judgement>>) {
    let Judged { assessment, judgement, .. } = use_judged(id);
    (assessment, judgement)
}

/// What `use_judged` keeps current.
#[derive(Clone, Copy)]
pub struct Judged {
    pub assessment: Memo<Option<Assessment>>,
    pub judgement: Memo<Option<Judgement>>,
    /// The kommune's feedback attached to it, with what it means for the organisation's verdict
    /// (None without one).
    pub feedback: Memo<Option<(Feedback, WithFeedback)>>,
}

/// `use_assessment`, and the kommune's feedback attached to it.
pub fn use_judged(id: &str) -> Judged {
    let (assessments, feedbacks) = (expect_context::<Assessments>(), expect_context::<Feedbacks>());
    let id = id.to_owned();
    let assessment = {
        let id = id.clone();
        Memo::new(move |_| assessments.get(&id))
    };
    let with_feedback = Memo::new(move |_| {
        let f = feedbacks.of(&id)?;
        assessment.with(|a| {
            let a = a.as_ref()?;
            let catalogue = catalogue::find(&a.catalogue.id).unwrap_or_else(catalogue::current);
            let with = feedback::judge_with_feedback(catalogue, a, &f, &assessments.today());
            Some((f, with))
        })
    });
    let judgement = Memo::new(move |_| {
        with_feedback.with(|w| match w {
            Some((_, with)) => Some(with.judgement.clone()),
            None => assessment.with(|a| a.as_ref().map(|a| assessments.judge(a))),
        })
    });
    Judged { assessment, judgement, feedback: with_feedback }
}

/// The engine's warnings about one field (of an item, or of the profile when `item` is None),
/// worded.
pub fn use_warnings(
    judgement: Memo<Option<Judgement>>,
    item: Option<&'static str>,
    field: Field,
) -> Signal<Vec<String>> {
    let lang = expect_context::<Settings>().lang();
    let catalogue = catalogue::current();
    Signal::derive(move || {
        judgement.with(|j| {
            j.iter().flat_map(|j| j.warnings_on(item, field)).map(|w| wording::warning(catalogue, w, lang)).collect()
        })
    })
}

/// The plan read for this assessment.
pub fn use_plan(id: &str) -> Signal<PlanState> {
    expect_context::<Plans>().plan(id)
}

/// The items that apply to the plan and that it seems to miss: None until a plan is read.
pub fn use_missing_items(
    plan: Signal<PlanState>,
    judgement: Memo<Option<Judgement>>,
) -> Memo<Option<Vec<&'static Item>>> {
    Memo::new(move |_| {
        plan.with(|plan| {
            let scan = plan.scan()?;
            judgement.with(|j| j.as_ref().map(|j| scan.missing(flow::path(j))))
        })
    })
}

/// While the calling page is shown, every printed page carries `text` at its foot (beside the
/// page number `style/report.css` prints): what the document is about, such as the plan's name.
/// Followed as `text` changes; removed when the page goes. The printable documents (the report,
/// the comparison, the kommune's feedback, the strategiskabelon, the evaluation) all use it.
pub fn use_print_footer(text: impl Fn() -> Option<String> + Send + Sync + 'static) {
    Effect::new(move |_| page::set_print_footer(text().map(|t| print_footer_rule(&t)).as_deref()));
    on_cleanup(|| page::set_print_footer(None));
}
