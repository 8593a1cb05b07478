//! The Web Worker that renders everything the first screen does not need (see `render::worker`):
//! it answers each message from the app with `render::worker::handle`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if let Some(request) = event.data().as_string() {
            let _ = replies.post_message(
                &helhedsplan_tjek::render::worker::handle(&request, &helhedsplan_tjek::browser::clock::local_date_time)
                    .into(),
            );
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages that arrived before this handler were dropped, so the app waits for this word.
    let _ = scope.post_message(&helhedsplan_tjek::render::worker::READY.into());
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The worker runs in the browser; see src/render/worker.rs.");
}
