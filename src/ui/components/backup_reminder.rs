use leptos::prelude::*;

use crate::browser::clock;
use crate::domain::exchange;
use crate::domain::i18n::Msg;
use crate::domain::route::Route;
use crate::ui::stores::{Assessments, Settings};

/// The reminder to export, while one is due; `link` leads to "Dine data".
#[component]
pub fn BackupReminder(link: bool) -> impl IntoView {
    let (settings, assessments) = (expect_context::<Settings>(), expect_context::<Assessments>());
    let lang = settings.lang();
    let due = move || {
        let last = settings.last_export();
        assessments.with(|list| exchange::backup_due(list, last.as_deref(), &assessments.today()))
    };
    move || {
        due().then(|| {
            let last = match settings.last_export() {
                Some(at) => Msg::LastExport.fill(lang, &[("date", &clock::local_date_time(&at))]),
                None => Msg::NeverExported.get(lang).to_owned(),
            };
            view! {
                <div class="notice notice--warning" id="backup-reminder">
                    <p>{Msg::BackupReminder.get(lang)} " " {last}</p>
                    {link.then(|| view! { <p><a href=Route::Data.href()>{Msg::GoToExport.get(lang)}</a></p> })}
                </div>
            }
        })
    }
}
