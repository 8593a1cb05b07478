//! The static first screen says what the app's start page says, word for word and in both
//! languages, so the page does not change under the reader when the app takes over. Its words
//! are not written in index.html: build.rs fills them in from `locales/ui.toml` and the current
//! catalogue (`$OUT_DIR/shell.<lang>.html`), so a new catalogue changes it without an edit here.
#![cfg(not(target_arch = "wasm32"))]

use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::domain::i18n::{Lang, Msg};

fn index_html() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).expect("index.html")
}

/// The first screen as the build made it for `lang`.
fn shell(lang: Lang) -> String {
    let path = format!("{}/shell.{}.html", env!("OUT_DIR"), lang.code());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every text of the start page that the first screen shows, as the app fills it in.
fn start_page_texts(lang: Lang) -> Vec<String> {
    let catalogue = catalogue::current();
    let count = catalogue.item_count().to_string();
    let source = Msg::StartSource.fill(
        lang,
        &[
            ("title", catalogue.source.title.get(lang)),
            ("date", catalogue.source.date.get(lang)),
            ("period", &helhedsplan_tjek::render::names::period(catalogue)),
        ],
    );
    let footer = Msg::FooterSource.fill(
        lang,
        &[
            ("title", catalogue.source.title.get(lang)),
            ("publisher", catalogue.source.publisher.get(lang)),
            ("date", catalogue.source.date.get(lang)),
        ],
    );
    let plain = [
        Msg::SkipToContent,
        Msg::AppName,
        Msg::MainNavigation,
        Msg::NavStart,
        Msg::NavGroup,
        Msg::NavData,
        Msg::LanguageSwitch,
        Msg::StartHeading,
        Msg::StartIntro,
        Msg::StartPrivacyHeading,
        Msg::StartPrivacyText,
        Msg::StartHowHeading,
        Msg::StartStepProfile,
        Msg::StartStepReport,
        Msg::StartButton,
        Msg::SavedHeading,
        Msg::Loading,
        Msg::FooterPrivacy,
    ];
    let mut texts: Vec<String> = plain.iter().map(|msg| msg.get(lang).to_owned()).collect();
    texts.extend([Msg::StartStepItems.fill(lang, &[("count", &count)]), source, footer]);
    texts
}

#[test]
fn the_static_start_page_has_the_app_texts_in_both_languages() {
    for lang in [Lang::Da, Lang::En] {
        let html = shell(lang);
        for text in start_page_texts(lang) {
            let (as_text, as_attribute) = (format!(">{text}<"), format!("\"{text}\""));
            assert!(html.contains(&as_text) || html.contains(&as_attribute), "{lang:?} first screen lacks {text:?}");
        }
        assert!(!html.contains("{{"), "{lang:?} first screen has a text left unfilled");
        for (option, pressed) in [(Lang::Da, lang == Lang::Da), (Lang::En, lang == Lang::En)] {
            let button = format!("lang=\"{}\" aria-pressed=\"{pressed}\"", option.code());
            assert!(html.contains(&button), "{lang:?} first screen: {button}");
        }
    }
}

#[test]
fn the_static_footer_names_the_current_catalogues_source() {
    let source = &catalogue::current().source;
    for lang in [Lang::Da, Lang::En] {
        let footer = Msg::FooterSource.fill(
            lang,
            &[
                ("title", source.title.get(lang)),
                ("publisher", source.publisher.get(lang)),
                ("date", source.date.get(lang)),
            ],
        );
        assert!(shell(lang).contains(&format!("<p>{footer}</p>")), "{lang:?} first screen lacks the footer {footer:?}");
    }
}

/// What a catalogue decides (its source, its number of items) is never written into index.html
/// by hand: adding or revising a catalogue must not need an edit there.
#[test]
fn index_html_names_no_catalogue_and_no_text() {
    let html = index_html();
    let catalogue = catalogue::current();
    let template = html.split_once("<template id=\"static-shell-template\">").expect("the template").1;
    for lang in [Lang::Da, Lang::En] {
        for fact in [catalogue.source.title.get(lang), catalogue.source.date.get(lang), Msg::StartHeading.get(lang)] {
            assert!(!template.contains(fact), "index.html writes {fact:?} by hand");
        }
    }
    let count = format!(" {} ", catalogue.item_count());
    assert!(!template.contains(&count), "index.html writes the number of items by hand");
}
