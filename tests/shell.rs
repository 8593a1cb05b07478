//! The static first screen in index.html says what the app's start page says, word for word,
//! so the page does not change under the reader when the app takes over.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::domain::i18n::{Lang, Msg};

fn index_html() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).expect("index.html")
}

#[test]
fn the_static_start_page_has_the_app_texts() {
    let html = index_html();
    let count = catalogue::current().item_count().to_string();
    let step_items = Msg::StartStepItems.fill(Lang::Da, &[("count", &count)]);
    let catalogue = catalogue::current();
    let source = Msg::StartSource.fill(
        Lang::Da,
        &[
            ("title", catalogue.source.title.get(Lang::Da)),
            ("date", catalogue.source.date.get(Lang::Da)),
            ("period", &helhedsplan_tjek::render::report::period(catalogue)),
        ],
    );
    let texts = [
        Msg::SkipToContent.get(Lang::Da),
        Msg::AppName.get(Lang::Da),
        Msg::MainNavigation.get(Lang::Da),
        Msg::NavStart.get(Lang::Da),
        Msg::NavGroup.get(Lang::Da),
        Msg::NavData.get(Lang::Da),
        Msg::LanguageSwitch.get(Lang::Da),
        Msg::StartHeading.get(Lang::Da),
        Msg::StartIntro.get(Lang::Da),
        &source,
        Msg::StartPrivacyHeading.get(Lang::Da),
        Msg::StartPrivacyText.get(Lang::Da),
        Msg::StartHowHeading.get(Lang::Da),
        Msg::StartStepProfile.get(Lang::Da),
        &step_items,
        Msg::StartStepReport.get(Lang::Da),
        Msg::StartButton.get(Lang::Da),
        Msg::SavedHeading.get(Lang::Da),
        Msg::Loading.get(Lang::Da),
        Msg::FooterPrivacy.get(Lang::Da),
    ];
    for text in texts {
        let (as_text, as_attribute) = (format!(">{text}<"), format!("\"{text}\""));
        assert!(html.contains(&as_text) || html.contains(&as_attribute), "index.html lacks {text:?}");
    }
}

#[test]
fn the_static_footer_names_the_source_as_the_app_does() {
    let source = &catalogue::current().source;
    let footer = Msg::FooterSource.fill(
        Lang::Da,
        &[
            ("title", source.title.get(Lang::Da)),
            ("publisher", source.publisher.get(Lang::Da)),
            ("date", source.date.get(Lang::Da)),
        ],
    );
    assert!(index_html().contains(&format!(">{footer}<")), "index.html lacks the footer {footer:?}");
}
