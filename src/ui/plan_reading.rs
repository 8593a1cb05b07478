//! Reading a plan the user gives (a file or pasted text) in the scanner worker: the one way the
//! organisation's "Læs jeres plan" and the kommune's review read a plan. A PDF's text layer is
//! read in the page by pdf.js first; every other file goes to the worker as it is. Each failure
//! comes back as the sentence that says it.

use wasm_bindgen_futures::JsFuture;

use crate::browser::{pdf, scanner};
use crate::domain::i18n::{Lang, Msg};
use crate::scan::present;
use crate::scan::protocol::{Request, ScanReply};
use crate::scan::{PlanScan, ScanProblem, MAX_PLAN_BYTES};
use crate::ui::stores::Plans;

/// The kinds of file a plan's picker offers.
pub const PLAN_FILES: &str = ".docx,.odt,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text";

/// Reads and ranks a plan in the scanner worker.
pub async fn scan(request: Request<js_sys::Uint8Array>, lang: Lang) -> Result<PlanScan, String> {
    match scanner::read(request).await {
        Ok(ScanReply::Scanned { scan }) => Ok(scan),
        Ok(ScanReply::Failed { problem }) => Err(present::problem_text(&problem, lang)),
        Ok(ScanReply::Ready) | Err(_) => Err(Msg::ScanUnavailable.get(lang).to_owned()),
    }
}

/// The file as a request for the worker: a PDF's pages as pdf.js read them, any other file's
/// bytes. Refuses a file over the size limit before reading it.
pub async fn request_of(file: &web_sys::File, lang: Lang) -> Result<Request<js_sys::Uint8Array>, String> {
    let size = file.size() as usize;
    if size > MAX_PLAN_BYTES {
        return Err(present::problem_text(&ScanProblem::TooLarge { bytes: size }, lang));
    }
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer),
        Err(_) => return Err(present::problem_text(&ScanProblem::Empty, lang)),
    };
    let file_name = file.name();
    if bytes.length() >= 5 && bytes.subarray(0, 5).to_vec() == b"%PDF-" {
        match pdf::pages(bytes).await {
            Ok(pages) => Ok(Request::Pdf { file_name, pages }),
            Err(problem) => Err(present::problem_text(&problem, lang)),
        }
    } else {
        Ok(Request::File { file_name, bytes })
    }
}

/// Reads a plan file: `request_of`, then `scan`.
pub async fn scan_file(file: &web_sys::File, lang: Lang) -> Result<PlanScan, String> {
    scan(request_of(file, lang).await?, lang).await
}

/// "Fjern planen": removes the plan kept for `id`, and returns the sentence that says how it went.
pub async fn remove(plans: Plans, id: &str, lang: Lang) -> &'static str {
    match plans.remove(id).await {
        Ok(()) => Msg::PlanRemoved.get(lang),
        Err(_) => Msg::PlanRemoveFailed.get(lang),
    }
}
