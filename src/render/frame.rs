//! The frame around every screen: header with menu and language switch, notices, footer.

use super::command::{button, Command};
use super::html::Html;
use crate::domain::catalogue::Catalogue;
use crate::domain::i18n::{Lang, Msg};
use crate::domain::route::Route;

/// Which menu entry is current.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Start,
    Group,
    Data,
    Other,
}

impl Section {
    pub fn of(route: &Route) -> Section {
        match route {
            Route::Start => Section::Start,
            Route::Group | Route::Compare { .. } => Section::Group,
            Route::Data => Section::Data,
            _ => Section::Other,
        }
    }
}

pub fn header(current: Section, lang: Lang) -> String {
    let mut html = Html::new();
    let (skip, _) = Command::FocusMain.attrs();
    html.element(
        "a",
        &[("class", Some("skip-link")), ("href", Some("#main")), ("data-command", Some(skip))],
        Msg::SkipToContent.get(lang),
    );
    html.open("div", &[("class", Some("wrap site-header__inner"))]);
    html.open("a", &[("class", Some("brand")), ("href", Some("#/"))]);
    html.element("span", &[("class", Some("brand__logo")), ("aria-hidden", Some("true"))], "");
    html.el("span", "brand__name", Msg::AppName.get(lang)).close("a");
    html.open("nav", &[("class", Some("nav")), ("aria-label", Some(Msg::MainNavigation.get(lang)))]);
    for (section, route, label) in [
        (Section::Start, Route::Start, Msg::NavStart),
        (Section::Group, Route::Group, Msg::NavGroup),
        (Section::Data, Route::Data, Msg::NavData),
    ] {
        let href = route.href();
        let current = (section == current).then_some("page");
        html.element(
            "a",
            &[("class", Some("nav__link")), ("href", Some(&href)), ("aria-current", current)],
            label.get(lang),
        );
    }
    html.close("nav");
    html.open(
        "div",
        &[("class", Some("lang-switch")), ("role", Some("group")), ("aria-label", Some(Msg::LanguageSwitch.get(lang)))],
    );
    for option in Lang::ALL {
        let (command, arg) = Command::SetLang(option).attrs();
        let id = format!("lang-{}", option.code());
        html.open(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some("lang-switch__option")),
                ("id", Some(&id)),
                ("lang", Some(option.code())),
                ("aria-pressed", Some(if option == lang { "true" } else { "false" })),
                ("data-command", Some(command)),
                ("data-arg", Some(&arg)),
            ],
        );
        html.text(option.name()).close("button");
    }
    html.close("div").close("div");
    html.finish()
}

pub fn footer(catalogue: &Catalogue, lang: Lang) -> String {
    let mut html = Html::new();
    html.open("div", &[("class", Some("wrap"))]);
    html.element("p", &[], Msg::FooterPrivacy.get(lang));
    let source = Msg::FooterSource.fill(
        lang,
        &[
            ("title", catalogue.source.title.get(lang)),
            ("publisher", catalogue.source.publisher.get(lang)),
            ("date", catalogue.source.date.get(lang)),
        ],
    );
    html.element("p", &[], &source);
    html.close("div");
    html.finish()
}

/// What the notice area should say; each part is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices {
    /// A storage problem: the text of the alert.
    pub storage_alert: Option<Msg>,
    pub quarantined: bool,
    pub changed_elsewhere: bool,
    /// A short confirmation, and whether it can be undone.
    pub flash: Option<(String, bool)>,
}

/// Alerts (role=alert) and a polite status for confirmations.
pub fn notices(notices: &Notices, lang: Lang) -> String {
    let mut html = Html::new();
    if let Some(alert) = notices.storage_alert {
        html.open("div", &[("class", Some("notice notice--error")), ("role", Some("alert"))]);
        html.element("p", &[], alert.get(lang));
        let data = Route::Data.href();
        html.open("p", &[]).element("a", &[("href", Some(&data))], Msg::NoticeExportWayOut.get(lang)).close("p");
        html.close("div");
    }
    if notices.quarantined {
        html.open("div", &[("class", Some("notice notice--warning")), ("role", Some("alert"))]);
        html.open("p", &[]).text(Msg::NoticeQuarantine.get(lang)).raw(" ");
        let data = Route::Data.href();
        html.element("a", &[("href", Some(&data))], Msg::GoToData.get(lang)).close("p").close("div");
    }
    if notices.changed_elsewhere {
        html.open("div", &[("class", Some("notice notice--info")), ("role", Some("status"))]);
        html.element("p", &[], Msg::NoticeChangedElsewhere.get(lang));
        button(&mut html, &Command::ShowLatest, "button button--secondary", Msg::ShowLatest.get(lang), None, None);
        html.close("div");
    }
    if let Some((text, undo)) = &notices.flash {
        html.open("div", &[("class", Some("notice notice--success"))]);
        html.element("p", &[], text);
        if *undo {
            button(
                &mut html,
                &Command::UndoDelete,
                "button button--secondary",
                Msg::Undo.get(lang),
                Some("undo-button"),
                None,
            );
        }
        button(&mut html, &Command::DismissFlash, "button button--link", Msg::Dismiss.get(lang), None, None);
        html.close("div");
    }
    html.finish()
}
