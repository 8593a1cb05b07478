//! The app's side of the scanner worker (`src/bin/scanner.rs`). Each scan starts a fresh
//! worker and ends it afterwards: the worker holds no state, a failed one never blocks the next
//! scan, and its code and memory are gone while nobody is reading a plan.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser::scan_worker;
use crate::scan::protocol::{Request, ScanReply};

/// The worker's loader, from `<meta name="helhedsplan-tjek-scanner">` (written at build time).
fn loader_address() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector("meta[name=helhedsplan-tjek-scanner]").ok()??.get_attribute("content")
}

/// The worker's next message (its text), or an error if it fails first.
fn next_message(worker: &web_sys::Worker) -> JsFuture {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let on_error = Closure::once_into_js(move |event: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &event);
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

fn reply(message: JsValue) -> Result<ScanReply, String> {
    let text = message.as_string().ok_or("the scanner sent no text")?;
    serde_json::from_str(&text).map_err(|error| error.to_string())
}

/// Reads and ranks a plan in a worker. A file's bytes are handed over, not copied. Err when
/// the worker could not run.
pub async fn read(request: Request<js_sys::Uint8Array>) -> Result<ScanReply, String> {
    let address = loader_address().ok_or("the scanner is not part of this build")?;
    let worker = web_sys::Worker::new(&address).map_err(|_| "the scanner could not start")?;
    let result = async {
        let ready = next_message(&worker).await.map_err(|_| "the scanner could not start")?;
        if !matches!(reply(ready)?, ScanReply::Ready) {
            return Err("the scanner did not start as expected".to_owned());
        }
        let answer = next_message(&worker);
        let (message, transfer) = scan_worker::message(request).map_err(|_| "no message")?;
        worker.post_message_with_transfer(&message, &transfer).map_err(|_| "the plan could not be handed over")?;
        reply(answer.await.map_err(|_| "the scanner stopped")?)
    }
    .await;
    worker.terminate();
    result
}
