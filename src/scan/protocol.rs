//! The messages between the app and the scanner worker. A request carries its own payload, so
//! a request without one cannot be written: a DOCX's or ODT's bytes (handed over to the worker
//! as a transferred buffer, not copied), a PDF's pages (the JSON text pdf.js's reader made in
//! the page, so the app itself never parses them), or the pasted text. Replies travel as JSON.

use serde::{Deserialize, Serialize};

use super::{extract, PdfPage, PlanScan, ScanProblem, Source};
use crate::domain::catalogue::Catalogue;

/// What the app asks the scanner to read. `Bytes` is how a file's bytes are held: a
/// transferable `Uint8Array` in the app, `Vec<u8>` once the worker has them.
#[derive(Clone, Debug, PartialEq)]
pub enum Request<Bytes = Vec<u8>> {
    /// A picked or dropped DOCX or ODT (which of the two is told by its bytes).
    File { file_name: String, bytes: Bytes },
    /// A PDF's text layer, read by pdf.js in the page: `Vec<PdfPage>` as JSON.
    Pdf { file_name: String, pages: String },
    /// Pasted text.
    Text { text: String },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ScanReply {
    /// The worker has started and listens (messages sent before this may be lost).
    Ready,
    Scanned {
        scan: PlanScan,
    },
    Failed {
        problem: ScanProblem,
    },
}

/// Answers one request: reads the plan and ranks it against the catalogue.
pub fn handle(catalogue: &'static Catalogue, request: Request) -> ScanReply {
    let (file_name, source) = match request {
        Request::File { file_name, bytes } => {
            let source = match extract::sniff(&bytes) {
                Ok(extract::DocumentKind::Docx) => Source::Docx { bytes },
                Ok(extract::DocumentKind::Odt) => Source::Odt { bytes },
                // A PDF is read by pdf.js in the page and comes as `Request::Pdf`.
                Ok(extract::DocumentKind::Pdf) => return ScanReply::Failed { problem: ScanProblem::UnknownKind },
                Err(problem) => return ScanReply::Failed { problem },
            };
            (file_name, source)
        }
        Request::Pdf { file_name, pages } => match serde_json::from_str::<Vec<PdfPage>>(&pages) {
            Ok(pages) => (file_name, Source::Pdf { pages }),
            Err(error) => return ScanReply::Failed { problem: ScanProblem::Unreadable { detail: error.to_string() } },
        },
        Request::Text { text } => (String::new(), Source::Text { text }),
    };
    match extract::extract(&source) {
        Ok(text) => ScanReply::Scanned { scan: super::scan(catalogue, &file_name, &text) },
        Err(problem) => ScanReply::Failed { problem },
    }
}
