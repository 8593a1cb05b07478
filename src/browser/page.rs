//! The document around the app: address, title, language, focus, printing: the things that
//! belong to the page rather than to any component.

use wasm_bindgen::JsCast;

fn window() -> web_sys::Window {
    web_sys::window().expect("the app runs in a window")
}

fn document() -> Option<web_sys::Document> {
    window().document()
}

fn element(id: &str) -> Option<web_sys::Element> {
    document()?.get_element_by_id(id)
}

/// The current `location.hash`, with its `#`.
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Goes to another screen; the browser's history records it, so Back works.
pub fn go(href: &str) {
    let _ = window().location().set_hash(href.trim_start_matches('#'));
}

/// Names the browser tab after the page's main heading, and returns the heading's text.
pub fn title_from_heading() -> String {
    let Some(document) = document() else { return String::new() };
    let heading = document.query_selector("main h1").ok().flatten().and_then(|h| h.text_content());
    let heading = heading.map(|h| h.trim().to_owned()).unwrap_or_default();
    let title =
        if heading.is_empty() { "Helhedsplan-tjek".to_owned() } else { format!("{heading} – Helhedsplan-tjek") };
    document.set_title(&title);
    heading
}

/// Sets `<html lang>`, so screen readers pronounce the page in the right language.
pub fn set_lang(code: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", code);
    }
}

/// Moves focus to the page's main heading, as after a page load, so screen-reader users hear
/// where they are. False while the page has no heading yet.
pub fn focus_main_heading() -> bool {
    let Some(document) = document() else { return false };
    let Some(heading) = document.query_selector("main h1").ok().flatten() else { return false };
    if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
        let _ = heading.focus();
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
    true
}

/// Whether focus is on the page's main heading already.
pub fn main_heading_has_focus() -> bool {
    let Some(document) = document() else { return false };
    let heading = document.query_selector("main h1").ok().flatten();
    heading.is_some() && heading == document.active_element()
}

/// Focuses the element with this id. Returns whether it exists.
pub fn focus_id(id: &str) -> bool {
    match element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(element) => {
            let _ = element.focus();
            true
        }
        None => false,
    }
}

/// Focuses a form control by id, or the first control inside a group with that id.
pub fn focus_field(id: &str) {
    let Some(element) = element(id) else { return };
    let control = if matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
        Some(element)
    } else {
        element.query_selector("input, textarea, select").ok().flatten()
    };
    if let Some(control) = control.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = control.focus();
    }
}

/// True while focus is in a text field, a list or a radio group, where arrow keys belong to the
/// control.
pub fn typing_in_a_control() -> bool {
    document()
        .and_then(|d| d.active_element())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

fn stylesheet(name: &str) -> Option<web_sys::CssStyleSheet> {
    let selector = format!("link[rel=stylesheet][href*='{name}']");
    let link = document()?.query_selector(&selector).ok()??.dyn_into::<web_sys::HtmlLinkElement>().ok()?;
    link.sheet()?.dyn_into::<web_sys::CssStyleSheet>().ok()
}

/// The text of the app's stylesheet whose address contains `name` (for a self-contained file).
pub fn stylesheet_text(name: &str) -> String {
    let Some(rules) = stylesheet(name).and_then(|sheet| sheet.css_rules().ok()) else { return String::new() };
    (0..rules.length())
        .filter_map(|i| rules.item(i))
        .map(|rule| rule.css_text())
        .filter(|text| !text.contains("@bottom-left"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Sets (or, with `None`, removes) the `@page` rule that prints the plan's name on every page.
/// Changing a rule of the app's own stylesheet is allowed under a strict CSP, unlike a
/// `<style>` element.
pub fn set_print_footer(rule: Option<&str>) {
    let Some(sheet) = stylesheet("report") else { return };
    let Ok(rules) = sheet.css_rules() else { return };
    for i in (0..rules.length()).rev() {
        if rules.item(i).is_some_and(|r| r.css_text().contains("@bottom-left")) {
            let _ = sheet.delete_rule(i);
        }
    }
    if let Some(rule) = rule {
        let _ = sheet.insert_rule_with_index(rule, sheet.css_rules().map(|r| r.length()).unwrap_or(0));
    }
}

/// Removes the static first screen that index.html shows until the app has started.
pub fn remove_static_shell() {
    if let Some(shell) = element("static-shell") {
        shell.remove();
    }
}

/// Opens the browser's print dialog (print or save as PDF).
pub fn print() {
    let _ = window().print();
}

/// Asks for full screen on the whole page (the projector view).
pub fn full_screen() {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.request_fullscreen();
    }
}

/// Runs `then` once the browser is idle (within two seconds at the latest), or after a second
/// where the browser has no idle callbacks (Safari before 26): for work that must never delay
/// what the user is doing, such as fetching the screens they have not opened yet.
pub fn when_idle(then: impl FnOnce() + 'static) {
    let window = window();
    let callback = wasm_bindgen::closure::Closure::once_into_js(then);
    let has_idle_callbacks = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    if has_idle_callbacks {
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(2000);
        let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
    } else {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 1000);
    }
}

/// Tells boot.js that the first screen is up and the browser idle (the event
/// `helhedsplan-tjek:idle` on the window): it registers the service worker then, so the worker's
/// download of every file never competes with the first screen's.
pub fn dispatch_idle() {
    if let Ok(event) = web_sys::Event::new("helhedsplan-tjek:idle") {
        let _ = window().dispatch_event(&event);
    }
}
