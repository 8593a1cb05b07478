//! The worker's side of scanning (`src/bin/scanner.rs`): it answers each request from the app
//! with `scan::protocol::handle`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::catalogue;
use crate::scan::protocol::{self, ScanReply, ScanRequest};
use crate::scan::ScanProblem;

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, reply: &ScanReply) {
    if let Ok(text) = serde_json::to_string(reply) {
        let _ = scope.post_message(&text.into());
    }
}

fn answer(data: &JsValue) -> ScanReply {
    let field = |name: &str| js_sys::Reflect::get(data, &name.into()).ok();
    let request =
        field("request").and_then(|r| r.as_string()).and_then(|r| serde_json::from_str::<ScanRequest>(&r).ok());
    let Some(request) = request else {
        return ScanReply::Failed { problem: ScanProblem::Unreadable { detail: "not a scan request".into() } };
    };
    let bytes = field("bytes").and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok()).map(|b| b.to_vec());
    let pages = field("pages").and_then(|p| p.as_string());
    protocol::handle(catalogue::current(), request, bytes, pages.as_deref())
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
