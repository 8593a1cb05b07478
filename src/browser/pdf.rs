//! A PDF's text layer, read by pdf.js (see `pdf_text.js`).

use wasm_bindgen::prelude::*;

use crate::scan::ScanProblem;

#[wasm_bindgen(module = "/src/browser/pdf_text.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn pdf_pages(bytes: js_sys::Uint8Array) -> Result<JsValue, JsValue>;
}

/// The pages of the PDF in `bytes` (`Vec<scan::PdfPage>` as JSON, for the scanner worker to
/// parse), or why they cannot be read.
pub async fn pages(bytes: js_sys::Uint8Array) -> Result<String, ScanProblem> {
    let result = pdf_pages(bytes)
        .await
        .map_err(|error| ScanProblem::Unreadable { detail: error.as_string().unwrap_or_else(|| "pdf.js".into()) })?;
    let field = |name: &str| js_sys::Reflect::get(&result, &name.into()).ok().and_then(|v| v.as_string());
    if let Some(pages) = field("pages") {
        return Ok(pages);
    }
    match field("problem").as_deref() {
        Some("encrypted") => Err(ScanProblem::Encrypted),
        _ => Err(ScanProblem::Unreadable { detail: field("detail").unwrap_or_default() }),
    }
}
