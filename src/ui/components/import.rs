//! Importing files, and what the import did: on the start page and "Dine data" (the user's own
//! assessments) and the workshop page (participants' answers). The import's state (its outcome,
//! and an import waiting for "replace or keep both") belongs to this component alone.

use leptos::prelude::*;

use crate::browser::files;
use crate::domain::assessment::Assessment;
use crate::domain::exchange::{self, ImportFile};
use crate::domain::i18n::{Lang, Msg};
use crate::domain::wording;
use crate::ui::components::drop_zone::DropZone;
use crate::ui::focus;
use crate::ui::stores::{Assessments, Notices, Participants, Settings};

/// Where imported assessments go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportInto {
    /// The user's own assessments: one file at a time, all or none.
    Assessments,
    /// Participants' answers for a workshop: many files at once.
    Participants,
}

/// What the last import did.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    Refused(String),
    Imported(usize),
    Gathered(usize),
    /// Waiting for the user: these names already exist here.
    Clash(Vec<String>),
}

impl Outcome {
    fn said(&self, lang: Lang) -> String {
        match self {
            Outcome::Refused(reason) => format!("{}. {reason}", Msg::ImportRefused.get(lang)),
            Outcome::Imported(count) => Msg::ImportDone.fill(lang, &[("count", &count.to_string())]),
            Outcome::Gathered(count) => Msg::ParticipantsImported.fill(lang, &[("count", &count.to_string())]),
            Outcome::Clash(names) => Msg::ImportConflict.fill(lang, &[("names", &names.join(", "))]),
        }
    }

    /// Where focus goes once the outcome is shown: to the first answer of a question.
    fn focus(&self) -> &'static str {
        match self {
            Outcome::Clash(_) => "import-replace",
            _ => "import-outcome",
        }
    }
}

/// A file picker and drop zone, every file read and imported all or none, and the outcome.
#[component]
pub fn Import(id: &'static str, label: Msg, into: ImportInto) -> impl IntoView {
    let (settings, notices) = (expect_context::<Settings>(), expect_context::<Notices>());
    let (assessments, participants) = (expect_context::<Assessments>(), expect_context::<Participants>());
    let lang = settings.lang();
    let outcome = RwSignal::new(None::<Outcome>);
    let waiting = StoredValue::new(Vec::<Assessment>::new());
    let show = move |shown: Outcome| {
        notices.announce(shown.said(lang));
        focus::when_shown(shown.focus());
        outcome.set(Some(shown));
    };
    let take = move |imported: Vec<Assessment>| match into {
        ImportInto::Participants => show(Outcome::Gathered(participants.gather(imported))),
        ImportInto::Assessments => {
            let clashes = assessments.clashes(&imported, lang);
            if clashes.is_empty() {
                show(Outcome::Imported(assessments.take_in(imported, false)));
            } else {
                waiting.set_value(imported);
                show(Outcome::Clash(clashes));
            }
        }
    };
    let on_files = Callback::new(move |picked: Vec<web_sys::File>| {
        leptos::task::spawn_local(async move {
            match read_all(&picked, lang).await {
                Ok(read) => match exchange::import_files(&read) {
                    Ok(imported) => take(imported),
                    Err(refused) => show(Outcome::Refused(wording::file_refused(&refused, lang))),
                },
                Err(reason) => show(Outcome::Refused(reason)),
            }
        });
    });
    let resolve = move |keep_both: bool| {
        let imported = waiting.get_value();
        waiting.set_value(Vec::new());
        show(Outcome::Imported(assessments.take_in(imported, keep_both)));
    };
    let cancel = move |_| {
        waiting.set_value(Vec::new());
        outcome.set(None);
        notices.announce(Msg::ImportNothingChanged.get(lang));
        focus::when_shown(id);
    };
    let outcome_view = move || {
        outcome.get().map(|shown| match shown {
            Outcome::Refused(reason) => view! {
                <div id="import-outcome" tabindex="-1" class="error-summary error-summary--error" role="alert">
                    <h3 class="error-summary__heading">{Msg::ImportRefused.get(lang)}</h3>
                    <p>{reason}</p>
                    <p>{Msg::ImportNothingChanged.get(lang)}</p>
                </div>
            }
            .into_any(),
            Outcome::Imported(_) | Outcome::Gathered(_) => view! {
                <div id="import-outcome" tabindex="-1" class="notice notice--success">
                    <p>{shown.said(lang)}</p>
                </div>
            }
            .into_any(),
            Outcome::Clash(_) => view! {
                <div id="import-outcome" tabindex="-1" class="confirm" role="alertdialog" aria-labelledby="conflict-text">
                    <p id="conflict-text">{shown.said(lang)}</p>
                    <button type="button" class="button button--warning" id="import-replace" on:click=move |_| resolve(false)>
                        {Msg::ImportReplace.get(lang)}
                    </button>
                    <button type="button" class="button" on:click=move |_| resolve(true)>
                        {Msg::ImportKeepBoth.get(lang)}
                    </button>
                    <button type="button" class="button button--link" on:click=cancel>{Msg::Cancel.get(lang)}</button>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <DropZone id label=label.get(lang) hint=Msg::ImportDrop.get(lang) accept=".json,application/json"
            multiple=into == ImportInto::Participants on_files/>
        {outcome_view}
    }
}

/// Reads every file as text; one too large is passed on for the import to refuse by its size.
async fn read_all(picked: &[web_sys::File], lang: Lang) -> Result<Vec<ImportFile>, String> {
    let mut read = Vec::with_capacity(picked.len());
    for file in picked {
        let (name, bytes) = (file.name(), file.size() as usize);
        if bytes > exchange::MAX_IMPORT_BYTES {
            read.push(ImportFile::TooLarge { name, bytes });
            continue;
        }
        match files::read_text(file).await {
            Ok(text) => read.push(ImportFile::Text { name, text }),
            Err(_) => return Err(format!("{name}: {}", Msg::ImportEmpty.get(lang))),
        }
    }
    Ok(read)
}
