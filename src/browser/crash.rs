//! A crash said in the page. Release builds abort on a panic (`panic = "abort"`), which would
//! leave a page that looks alive but no longer saves anything. The hook logs the details to the
//! console and puts a message at the top of the page: the saved answers are untouched, "Genindlæs"
//! starts the app again, and "Gå til Dine data" starts it on the page where they can be exported.
//!
//! After a panic the app's WebAssembly must not be trusted to run again (Leptos may be stopped
//! halfway, holding its locks), so the message is built with plain DOM calls, and its buttons run
//! browser functions bound here (`location.reload`, `history.replaceState`), not Rust closures.
//! Nothing is inline: the page's Content-Security-Policy allows no inline script or style, and
//! the look is in `style/app.css` (`.crash`).

use std::sync::Once;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::browser::storage;
use crate::domain::i18n::{english_installed, Lang, Msg};

/// The message's id: while it is in the page, later panics are only logged.
pub const CRASH_ID: &str = "crash";

static INSTALL: Once = Once::new();

/// Installs the hook (once, however often it is called). Call it first, before anything can
/// panic. The hook that was installed before still runs afterwards (in tests, the test runner's).
pub fn install() {
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // The details first: whatever happens to the page, they are in the console.
            let error = js_sys::Error::new(&format!("Helhedsplan-tjek stopped after an error: {info}"));
            web_sys::console::error_1(&error);
            if let Err(problem) = web_sys::window().ok_or_else(|| JsValue::from("no window")).and_then(|w| show_in(&w))
            {
                web_sys::console::error_2(&"The error message could not be shown:".into(), &problem);
            }
            previous(info);
        }));
    });
}

/// The language the user chose, as far as it can be shown: the English texts are fetched only
/// when someone chooses English, and until they are there, every text is Danish.
fn language() -> Lang {
    let chosen = storage::load_settings().lang.as_deref().and_then(Lang::from_code).unwrap_or_default();
    if chosen == Lang::En && !english_installed() {
        Lang::Da
    } else {
        chosen
    }
}

/// Puts the message at the top of `window`'s page, unless it is there already. The hook calls it
/// for the app's own window; a test, for a frame of its own, where the buttons can reload it.
pub fn show_in(window: &web_sys::Window) -> Result<(), JsValue> {
    let lang = language();
    let document = window.document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    if document.get_element_by_id(CRASH_ID).is_some() {
        return Ok(());
    }

    // Everything else stops answering: its controls no longer save, so nobody should type there.
    let mut child = body.first_element_child();
    while let Some(element) = child {
        element.set_attribute("inert", "")?;
        child = element.next_element_sibling();
    }

    let element = |tag: &str, class: &str, text: Option<Msg>| -> Result<web_sys::Element, JsValue> {
        let element = document.create_element(tag)?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        if let Some(msg) = text {
            element.set_text_content(Some(msg.get(lang)));
        }
        Ok(element)
    };
    let panel = element("section", "crash", None)?;
    panel.set_id(CRASH_ID);
    panel.set_attribute("role", "alert")?;
    panel.set_attribute("aria-labelledby", "crash-heading")?;
    panel.set_attribute("tabindex", "-1")?;
    panel.set_attribute("lang", lang.code())?;
    let inner = element("div", "wrap crash__inner", None)?;
    let heading = element("h1", "crash__heading", Some(Msg::CrashHeading))?;
    heading.set_id("crash-heading");
    let actions = element("div", "crash__actions", None)?;
    let reload_button = element("button", "button", Some(Msg::CrashReload))?;
    reload_button.set_attribute("type", "button")?;
    let data_button = element("button", "button button--secondary", Some(Msg::GoToData))?;
    data_button.set_attribute("type", "button")?;

    let location = window.location();
    let reload = method(&location, "reload")?.bind0(&location);
    reload_button.add_event_listener_with_callback("click", &reload)?;
    // The address becomes "Dine data" without a `hashchange` (whose listener is the stopped
    // app's), and then the page loads again there.
    let history = Reflect::get(window, &"history".into())?;
    let replace_state: Function<fn(JsValue, JsValue, JsValue) -> JsValue> =
        method(&history, "replaceState")?.unchecked_into();
    let to_data: Function =
        replace_state.bind3(&history, &JsValue::NULL, &"".into(), &"#/data".into()).unchecked_into();
    data_button.add_event_listener_with_callback("click", &to_data)?;
    data_button.add_event_listener_with_callback("click", &reload)?;

    actions.append_with_node_2(&reload_button, &data_button)?;
    let text = element("p", "", Some(Msg::CrashText))?;
    let advice = element("p", "", Some(Msg::CrashAdvice))?;
    inner.append_with_node_4(&heading, &text, &advice, &actions)?;
    panel.append_with_node_1(&inner)?;
    body.prepend_with_node_1(&panel)?;
    body.class_list().add_1("crashed")?;
    panel.unchecked_into::<web_sys::HtmlElement>().focus()?;
    Ok(())
}

/// The browser's own method `name` of `object` (to be bound to it).
fn method(object: &JsValue, name: &str) -> Result<Function, JsValue> {
    Reflect::get(object, &name.into())?.dyn_into::<Function>()
}
