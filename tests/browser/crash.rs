//! A panic is said in the page (src/browser/crash.rs). The panics here are the test's own, set off
//! from a timer as a click handler's would be: the release build has no way to cause one.
//!
//! The hook is installed by the first panic test. After any panic, std refuses to change the
//! hook (this page never finishes panicking, as the app would not), so when a test before it
//! failed, this one fails too: look at the first failure.

use helhedsplan_tjek::browser::crash;
use helhedsplan_tjek::domain::i18n::{self, Lang, Msg};
use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::{clear_storage, raw_storage};

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn panic_now(fired: &Cell<bool>, message: &str) {
    fired.set(true);
    panic!("{message}");
}

/// Panics in a task of its own, with the crash hook installed, as a click handler would. Returns
/// whether the panic has happened yet.
fn panic_later(message: &'static str) -> Rc<Cell<bool>> {
    crash::install();
    let fired = Rc::new(Cell::new(false));
    let panic = Closure::once_into_js({
        let fired = fired.clone();
        move || panic_now(&fired, message)
    });
    web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(panic.unchecked_ref(), 0).unwrap();
    fired
}

/// Panics, and returns the message the panic put in the page.
async fn crash_and_wait() -> web_sys::HtmlElement {
    let fired = panic_later("a panic only this test can cause");
    while !fired.get() {
        next_task().await;
    }
    let panel = document().get_element_by_id(crash::CRASH_ID).expect("the panic put a message in the page");
    panel.unchecked_into()
}

/// Takes the message away and wakes the page, as a reload would, for the tests that follow.
fn clean_up(panel: &web_sys::HtmlElement) {
    panel.remove();
    let body = document().body().unwrap();
    body.class_list().remove_1("crashed").unwrap();
    let mut child = body.first_element_child();
    while let Some(element) = child {
        element.remove_attribute("inert").unwrap();
        child = element.next_element_sibling();
    }
}

fn texts(panel: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let found = panel.query_selector_all(selector).unwrap();
    (0..found.length()).map(|i| found.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

fn check_message(panel: &web_sys::HtmlElement, lang: Lang) {
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(panel.get_attribute("lang").as_deref(), Some(lang.code()));
    let active = document().active_element().expect("something has focus");
    assert!(active.is_same_node(Some(panel)), "focus moves to the message, not {}", active.outer_html());
    assert_eq!(texts(panel, "h1"), [Msg::CrashHeading.get(lang)]);
    let heading = panel.query_selector("h1").unwrap().unwrap();
    assert_eq!(panel.get_attribute("aria-labelledby"), Some(heading.id()));
    assert_eq!(texts(panel, "p"), [Msg::CrashText.get(lang), Msg::CrashAdvice.get(lang)]);
    assert_eq!(texts(panel, "button"), [Msg::CrashReload.get(lang), Msg::GoToData.get(lang)]);
    let buttons = panel.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let button: web_sys::Element = buttons.item(i).unwrap().unchecked_into();
        assert_eq!(button.get_attribute("type").as_deref(), Some("button"), "a button, operated by keyboard too");
    }
    let body = document().body().unwrap();
    assert!(body.first_element_child().unwrap().is_same_node(Some(panel)), "at the top of the page");
    let mut child = panel.next_element_sibling();
    let mut behind = 0;
    while let Some(element) = child {
        assert!(element.has_attribute("inert"), "the stopped page behind is inert: {}", element.tag_name());
        behind += 1;
        child = element.next_element_sibling();
    }
    assert!(behind > 0, "the page behind the message was there to be made inert");
}

#[wasm_bindgen_test]
async fn a_panic_is_said_in_the_page_in_the_language_that_can_be_shown() {
    clear_storage();
    raw_storage().set_item("helhedsplan-tjek:settings", r#"{"lang":"en"}"#).unwrap();
    // A field of the stopped app, with focus in it.
    let field: web_sys::HtmlElement = document().create_element("input").unwrap().unchecked_into();
    document().body().unwrap().append_child(&field).unwrap();
    field.focus().unwrap();

    // English was chosen, but its texts have not been fetched (as when the panic comes early):
    // the message is in Danish, and says so.
    assert!(!i18n::english_installed(), "no test before this one loads the English texts");
    let panel = crash_and_wait().await;
    check_message(&panel, Lang::Da);
    assert!(texts(&panel, "p")[0].contains("Jeres gemte svar er ikke berørt"));
    assert_eq!(texts(&panel, "button"), ["Genindlæs", "Gå til Dine data"]);

    // Another panic while the message is up is only logged.
    let fired = panic_later("a second panic only this test can cause");
    while !fired.get() {
        next_task().await;
    }
    assert_eq!(document().query_selector_all(".crash").unwrap().length(), 1, "one message, however many panics");
    clean_up(&panel);

    // Once the English texts are there, the message is in English.
    i18n::install_english(include_str!(concat!(env!("OUT_DIR"), "/en.json"))).unwrap();
    let panel = crash_and_wait().await;
    check_message(&panel, Lang::En);
    assert_eq!(texts(&panel, "button"), ["Reload", "Go to Your data"]);
    clean_up(&panel);
    field.remove();
    clear_storage();
}

/// Resolves when `frame` has loaded a page again.
fn next_load(frame: &web_sys::HtmlIFrameElement) -> wasm_bindgen_futures::JsFuture {
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| frame.set_onload(Some(&resolve))))
}

fn button(document: &web_sys::Document, n: u32) -> web_sys::HtmlElement {
    let panel = document.get_element_by_id(crash::CRASH_ID).expect("the message is in the frame");
    panel.query_selector_all("button").unwrap().item(n).expect("the button").unchecked_into()
}

/// The buttons run the browser's own functions, bound to the page's location and history, so they
/// work with the app stopped. They are tried in a frame of the test's own, whose page can load again
/// without ending the test run.
#[wasm_bindgen_test]
async fn the_buttons_load_the_page_again_there_or_at_dine_data() {
    clear_storage();
    // Any page of this origin will do (the test server answers this one with "not found"): the
    // address of about:blank could not be given a fragment.
    let frame: web_sys::HtmlIFrameElement = document().create_element("iframe").unwrap().unchecked_into();
    frame.set_src("crash-test-frame");
    let loaded = next_load(&frame);
    document().body().unwrap().append_child(&frame).unwrap();
    loaded.await.unwrap();
    let window = frame.content_window().expect("the frame has a window");
    let page = window.document().unwrap();
    page.body().unwrap().set_inner_html("<main><h1>Profil</h1><input></main>");
    crash::show_in(&window).unwrap();
    assert!(page.query_selector("main").unwrap().unwrap().has_attribute("inert"));

    let loaded = next_load(&frame);
    button(&page, 1).click();
    loaded.await.unwrap();
    let window = frame.content_window().unwrap();
    assert_eq!(window.location().hash().unwrap(), "#/data", "the page loads again at Dine data");
    let page = window.document().unwrap();
    assert!(page.get_element_by_id(crash::CRASH_ID).is_none(), "a fresh page, without the message");

    page.body().unwrap().set_inner_html("<main><h1>Dine data</h1></main>");
    crash::show_in(&window).unwrap();
    let loaded = next_load(&frame);
    button(&page, 0).click();
    loaded.await.unwrap();
    let window = frame.content_window().unwrap();
    assert_eq!(window.location().hash().unwrap(), "#/data", "the same address");
    assert!(window.document().unwrap().get_element_by_id(crash::CRASH_ID).is_none(), "loaded again");
    frame.remove();
}
