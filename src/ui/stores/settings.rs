//! The user's settings, kept in local storage: the language, and when the last backup was
//! exported (for the reminder).

use leptos::prelude::*;

use super::Notices;
use crate::browser::{files, storage};
use crate::domain::i18n::{self, Lang, Msg};

/// Loads the English texts before the app mounts, when English is the stored choice. If they
/// cannot be loaded, `Settings::load` tries again and says so.
pub async fn load_chosen_language() {
    let chosen = storage::load_settings().lang.as_deref().and_then(Lang::from_code);
    if chosen == Some(Lang::En) && !i18n::english_installed() {
        if let Ok(json) = files::fetch_text(i18n::ENGLISH_FILE).await {
            let _ = i18n::install_english(&json);
        }
    }
}

#[derive(Clone, Copy)]
pub struct Settings {
    lang: RwSignal<Lang>,
    last_export: RwSignal<Option<String>>,
    notices: Notices,
}

impl Settings {
    /// The stored settings. A chosen language other than Danish is loaded at once.
    pub fn load(notices: Notices) -> Settings {
        let stored = storage::load_settings();
        let settings =
            Settings { lang: RwSignal::new(Lang::Da), last_export: RwSignal::new(stored.last_export), notices };
        let chosen = stored.lang.as_deref().and_then(Lang::from_code).unwrap_or_default();
        if chosen != Lang::Da {
            settings.set_lang(chosen);
        }
        settings
    }

    /// The current language, untracked: components that show text are rebuilt when it changes.
    pub fn lang(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// The current language, tracked: for the shell, which rebuilds the page when it changes.
    pub fn lang_tracked(&self) -> Lang {
        self.lang.get()
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        msg.get(self.lang())
    }

    /// Switches language and remembers the choice. English texts are loaded the first time
    /// they are needed; the page stays Danish until they are there.
    pub fn set_lang(&self, lang: Lang) {
        self.change(|settings| settings.lang = Some(lang.code().to_owned()));
        if lang == Lang::Da || i18n::english_installed() {
            self.lang.set(lang);
            return;
        }
        let (chosen, notices) = (self.lang, self.notices);
        leptos::task::spawn_local(async move {
            let loaded = files::fetch_text(i18n::ENGLISH_FILE).await.and_then(|json| i18n::install_english(&json));
            match loaded {
                Ok(()) => chosen.set(lang),
                Err(_) => notices.confirm(Msg::EnglishUnavailable.get(Lang::Da).to_owned()),
            }
        });
    }

    /// When the last backup was exported (tracked).
    pub fn last_export(&self) -> Option<String> {
        self.last_export.get()
    }

    /// Remembers that a backup was exported at `now`.
    pub fn exported(&self, now: String) {
        self.change(|settings| settings.last_export = Some(now.clone()));
        self.last_export.set(Some(now));
    }

    /// Forgets the settings' memory after everything stored was deleted.
    pub fn forget(&self) {
        self.last_export.set(None);
    }

    /// A setting is a convenience: when it cannot be written, the app goes on without it.
    fn change(&self, change: impl FnOnce(&mut crate::domain::settings::Settings)) {
        let mut settings = storage::load_settings();
        change(&mut settings);
        let _ = storage::save_settings(&settings);
    }
}
