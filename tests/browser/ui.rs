//! The app mounted in a real document: what a user does reaches storage at once.

use helhedsplan_tjek::browser::storage::{self, Collection};
use helhedsplan_tjek::domain::assessment::{Assessment, Status};
use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::ui::App;
use leptos::mount::mount_to;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::clear_storage;

/// One turn of the event loop (a macrotask), so pending renders, effects and events run.
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `ready` holds, turn by turn, and fails the test if it has not after two seconds:
/// a wait for a state, where a fixed sleep would pass or fail by the machine's speed.
async fn until(what: &str, mut ready: impl FnMut() -> bool) {
    let start = js_sys::Date::now();
    while !ready() {
        assert!(js_sys::Date::now() - start < 2000.0, "timed out waiting until {what}");
        next_turn().await;
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Goes to `hash` and waits for its `hashchange`, so the event cannot reach the app mounted next.
async fn go_to(hash: &str) {
    let window = web_sys::window().unwrap();
    if window.location().hash().unwrap() == hash {
        return;
    }
    let changed = js_sys::Promise::new(&mut |resolve, _| {
        window.add_event_listener_with_callback("hashchange", &resolve).unwrap();
    });
    window.location().set_hash(hash).unwrap();
    wasm_bindgen_futures::JsFuture::from(changed).await.unwrap();
}

/// The page's heading, or "" while there is none.
fn heading(root: &web_sys::HtmlElement) -> String {
    root.query_selector("main h1").unwrap().and_then(|h1| h1.text_content()).unwrap_or_default()
}

/// Mounts the whole app at `hash` and waits until its page is on screen.
async fn mount_at(hash: &str) -> (impl Sized, web_sys::HtmlElement) {
    go_to(hash).await;
    let wrapper: web_sys::HtmlElement = document().create_element("section").unwrap().unchecked_into();
    document().body().unwrap().append_child(&wrapper).unwrap();
    let handle = mount_to(wrapper.clone(), App);
    tick().await;
    until(&format!("the page at {hash} has its heading"), || !heading(&wrapper).is_empty()).await;
    (handle, wrapper)
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("{selector} is not on the page")).unchecked_into()
}

fn type_into(input: &web_sys::HtmlElement, text: &str) {
    js_sys::Reflect::set(input, &"value".into(), &text.into()).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

fn stored(id: &str) -> Assessment {
    storage::read(Collection::Assessments, id).expect("stored").expect("readable")
}

#[wasm_bindgen_test]
async fn the_start_button_creates_a_stored_assessment_and_opens_its_profile() {
    clear_storage();
    let (_app, root) = mount_at("#/").await;
    assert!(find(&root, "h1").text_content().unwrap().contains("klar til kommunal medfinansiering"));
    find(&root, ".button--start").click();
    until("the profile page is shown", || heading(&root).starts_with("Profil")).await;
    let records = storage::load(Collection::Assessments).unwrap().records;
    assert_eq!(records.len(), 1, "one assessment is stored");
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(hash, format!("#/vurdering/{}/profil", records[0].id));
    assert!(find(&root, "h1").text_content().unwrap().starts_with("Profil"));
}

#[wasm_bindgen_test]
async fn every_keystroke_in_a_field_is_in_storage_before_the_next_one() {
    clear_storage();
    let assessment = Assessment::new("typing".into(), catalogue::current(), "2026-11-21T10:00:00.000Z");
    storage::save(Collection::Assessments, &assessment).unwrap();
    let (_app, root) = mount_at("#/vurdering/typing/profil").await;
    let name = find(&root, "#plan-name");
    type_into(&name, "Helhedsplan S");
    // No waiting: the write happens in the event handler itself.
    assert_eq!(stored("typing").profile.plan_name, "Helhedsplan S");
    type_into(&name, "Helhedsplan Sundby");
    assert_eq!(stored("typing").profile.plan_name, "Helhedsplan Sundby");
}

#[wasm_bindgen_test]
async fn a_status_click_is_stored_and_its_warning_shows_next_to_the_elements() {
    clear_storage();
    let assessment = Assessment::new("clicks".into(), catalogue::current(), "2026-11-21T10:00:00.000Z");
    storage::save(Collection::Assessments, &assessment).unwrap();
    let (_app, root) = mount_at("#/vurdering/clicks/punkt/faelles-analyse").await;
    assert!(find(&root, "h1").text_content().unwrap().contains("K1"));
    find(&root, "#status-met").click();
    assert_eq!(stored("clicks").status("faelles-analyse"), Status::Met);
    tick().await;
    let warning_text = || find(&root, "#elements-warning").text_content().unwrap();
    until("the elements warning shows", || !warning_text().is_empty()).await;
    let warning = warning_text();
    assert!(warning.contains("3 element(er) er ikke krydset af"), "warning next to the elements: {warning:?}");
    for id in ["faelles", "koebenhavnerkort", "igangvaerende-indsatser"] {
        find(&root, &format!("#elements-{id}")).click();
    }
    tick().await;
    until("the warning goes when every element is ticked", || warning_text().is_empty()).await;
    assert_eq!(stored("clicks").answer("faelles-analyse").unwrap().elements.len(), 3);
}
