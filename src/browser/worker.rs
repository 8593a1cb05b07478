//! The app's side of the worker (`src/bin/worker.rs`, `render::worker`): starts it when first
//! needed (or when `preload` asks), sends requests once it says it listens, and hands each reply
//! to the callback that asked for it. Nothing waits forever: a worker that fails to load, or is
//! not listening within `START_LIMIT_MS`, fails every request waiting for it.
//!
//! Component tests (wasm-bindgen-test) have no worker files; they answer requests in the page
//! with `answer_in_page`.

use std::cell::{Cell, RefCell};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::domain::i18n::Lang;
use crate::domain::json::ObjectWriter;
use crate::render::worker;

type Callback = Box<dyn FnOnce(Result<String, String>)>;

/// Long enough for the worker's files over a slow mobile connection.
const START_LIMIT_MS: i32 = 30_000;

enum Phase {
    NotStarted,
    /// Loading; requests wait here until the worker says it listens.
    Starting(web_sys::Worker, Vec<String>),
    Listening(web_sys::Worker),
    Failed,
}

thread_local! {
    static IN_PAGE: Cell<Option<fn(&str) -> String>> = const { Cell::new(None) };
    static PHASE: RefCell<Phase> = const { RefCell::new(Phase::NotStarted) };
    static WAITING: RefCell<Vec<(u64, Callback)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

/// The worker's loader, from `<meta name="helhedsplan-tjek-worker">` (written at build time).
fn loader_address() -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector("meta[name=helhedsplan-tjek-worker]").ok()??.get_attribute("content")
}

fn start() -> Phase {
    let Some(worker) = loader_address().and_then(|address| web_sys::Worker::new(&address).ok()) else {
        return Phase::Failed;
    };
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
        let Some(reply) = event.data().as_string() else { return };
        if reply == worker::READY {
            listening();
        } else {
            deliver(&reply);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_| fail());
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let give_up = Closure::once_into_js(|| {
        if PHASE.with_borrow(|phase| matches!(phase, Phase::Starting(..))) {
            fail();
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(give_up.unchecked_ref(), START_LIMIT_MS);
    }
    Phase::Starting(worker, Vec::new())
}

/// Hands a reply to the callback waiting for it.
fn deliver(reply: &str) {
    let Some((id, result)) = worker::read_reply(reply) else { return };
    if let Some(callback) = take_waiting(id) {
        callback(result);
    }
}

/// The callback waiting for the reply to request `id`, no longer waiting.
fn take_waiting(id: u64) -> Option<Callback> {
    WAITING.with_borrow_mut(|waiting| {
        let at = waiting.iter().position(|(waiting_id, _)| *waiting_id == id)?;
        Some(waiting.remove(at).1)
    })
}

/// Answers every request in the page with `handler` instead of a worker (for component tests,
/// which run without the built worker files). Replies still arrive later, as from a worker.
pub fn answer_in_page(handler: fn(&str) -> String) {
    IN_PAGE.set(Some(handler));
}

/// The worker listens: send what waited for it.
fn listening() {
    let queued = PHASE.with_borrow_mut(|phase| match std::mem::replace(phase, Phase::NotStarted) {
        Phase::Starting(worker, queued) => {
            *phase = Phase::Listening(worker.clone());
            Some((worker, queued))
        }
        other => {
            *phase = other;
            None
        }
    });
    if let Some((worker, queued)) = queued {
        for request in queued {
            let _ = worker.post_message(&request.into());
        }
    }
}

/// The worker cannot run: every waiting request gets an empty error, and so does every later one.
fn fail() {
    PHASE.with_borrow_mut(|phase| {
        if let Phase::Starting(worker, _) | Phase::Listening(worker) = phase {
            worker.terminate();
        }
        *phase = Phase::Failed;
    });
    let waiting = WAITING.with_borrow_mut(std::mem::take);
    for (_, callback) in waiting {
        callback(Err(String::new()));
    }
}

/// Sends a request, or queues it until the worker listens. False if the worker cannot run.
fn send(request: String) -> bool {
    if let Some(handler) = IN_PAGE.get() {
        wasm_bindgen_futures::spawn_local(async move { deliver(&handler(&request)) });
        return true;
    }
    PHASE.with_borrow_mut(|phase| {
        if matches!(phase, Phase::NotStarted) {
            *phase = start();
        }
        match phase {
            Phase::Starting(_, queued) => {
                queued.push(request);
                true
            }
            Phase::Listening(worker) => worker.post_message(&request.into()).is_ok(),
            Phase::NotStarted | Phase::Failed => false,
        }
    })
}

/// Starts the worker in the background, so it is ready when first needed.
pub fn preload() {
    PHASE.with_borrow_mut(|phase| {
        if matches!(phase, Phase::NotStarted) {
            *phase = start();
        }
    });
}

/// Gives the worker the English table too (the app has just loaded it). Requests sent after
/// this one are answered in English when they ask for it, since the worker answers in order.
pub fn set_english(table: String) {
    let _ = send(worker::request(0, "english", Lang::En, |r| r.string("table", &table)));
}

/// Sends a request; `done` gets the text of the reply, or the message of an error (empty when
/// the worker could not run at all).
pub fn call(
    op: &str,
    lang: Lang,
    fields: impl FnOnce(&mut ObjectWriter),
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    let id = NEXT_ID.get();
    NEXT_ID.set(id + 1);
    WAITING.with_borrow_mut(|waiting| waiting.push((id, Box::new(done))));
    if !send(worker::request(id, op, lang, fields)) {
        if let Some(callback) = take_waiting(id) {
            callback(Err(String::new()));
        }
    }
}
