//! The task list: every section and item, with its status and a link to answer it.

use super::html::{Html, Markup};
use super::progress_tag;
use crate::domain::catalogue::Catalogue;
use crate::domain::engine::{Applicability, Judgement};
use crate::domain::i18n::Lang;
use crate::domain::route::Route;
use crate::domain::wording;

pub fn task_list(catalogue: &Catalogue, judgement: &Judgement, assessment_id: &str, lang: Lang) -> Markup {
    let mut html = Html::new();
    for section in catalogue.sections {
        let heading_id = format!("section-{}", section.id);
        html.open("section", &[("class", Some("task-section")), ("aria-labelledby", Some(&heading_id))]);
        html.element("h2", &[("id", Some(&heading_id))], section.title.get(lang));
        html.open("ul", &[("class", Some("task-list"))]);
        for item in section.items {
            let Some(state) = judgement.state(item.id) else { continue };
            let inactive = state.applicability == Applicability::DoesNotApply;
            let class = if inactive { "task-list__item task-list__item--inactive" } else { "task-list__item" };
            let href = Route::Item { id: assessment_id.into(), item: item.id.into(), from_check: false }.href();
            html.open("li", &[("class", Some(class))]);
            html.open("div", &[("class", Some("task-list__name"))]);
            html.open("a", &[("class", Some("task-list__link")), ("href", Some(&href))]);
            html.el("span", "code", item.code).raw(" ").text(item.title.get(lang));
            html.close("a");
            html.el("span", "task-list__kind", wording::kind(item.kind).get(lang));
            if let Some(note) = wording::applicability(state.applicability) {
                html.el("span", "task-list__note", note.get(lang));
            }
            html.close("div");
            html.open("div", &[("class", Some("task-list__status"))]);
            progress_tag(&mut html, state, lang);
            html.close("div").close("li");
        }
        html.close("ul").close("section");
    }
    html.finish()
}
