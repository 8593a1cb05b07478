//! The worker's side of scanning (`src/bin/scanner.rs`): it answers each request from the app
//! with `scan::protocol::handle`. The request's shape on the wire is written and read here, in
//! one place: `{ kind, fileName, payload }`, the payload being the file's bytes (a transferred
//! `Uint8Array`), the PDF's pages (JSON text) or the pasted text.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::catalogue;
use crate::scan::protocol::{self, Request, ScanReply};
use crate::scan::ScanProblem;

const FILE: &str = "file";
const PDF: &str = "pdf";
const TEXT: &str = "text";

/// The message that carries `request` to the worker, and the buffers to transfer with it.
#[cfg(feature = "app")]
pub(crate) fn message(request: Request<js_sys::Uint8Array>) -> Result<(js_sys::Object, js_sys::Array), JsValue> {
    let message = js_sys::Object::new();
    let transfer = js_sys::Array::new();
    let (kind, file_name, payload): (&str, Option<String>, JsValue) = match request {
        Request::File { file_name, bytes } => {
            transfer.push(&bytes.buffer());
            (FILE, Some(file_name), bytes.into())
        }
        Request::Pdf { file_name, pages } => (PDF, Some(file_name), pages.into()),
        Request::Text { text } => (TEXT, None, text.into()),
    };
    js_sys::Reflect::set(&message, &"kind".into(), &kind.into())?;
    if let Some(file_name) = file_name {
        js_sys::Reflect::set(&message, &"fileName".into(), &file_name.into())?;
    }
    js_sys::Reflect::set(&message, &"payload".into(), &payload)?;
    Ok((message, transfer))
}

/// The request in a message from the app; None if it is not one.
fn request(data: &JsValue) -> Option<Request> {
    let field = |name: &str| js_sys::Reflect::get(data, &name.into()).ok();
    let text = |name: &str| field(name).and_then(|value| value.as_string());
    let kind = text("kind")?;
    match kind.as_str() {
        FILE => {
            let bytes = field("payload")?.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
            Some(Request::File { file_name: text("fileName")?, bytes })
        }
        PDF => Some(Request::Pdf { file_name: text("fileName")?, pages: text("payload")? }),
        TEXT => Some(Request::Text { text: text("payload")? }),
        _ => None,
    }
}

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, reply: &ScanReply) {
    if let Ok(text) = serde_json::to_string(reply) {
        let _ = scope.post_message(&text.into());
    }
}

fn answer(data: &JsValue) -> ScanReply {
    match request(data) {
        Some(request) => protocol::handle(catalogue::current(), request),
        None => ScanReply::Failed { problem: ScanProblem::Unreadable { detail: "not a scan request".into() } },
    }
}

/// Listens for requests, then says it is ready.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        post(&replies, &answer(&event.data()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&scope, &ScanReply::Ready);
}
