//! The messages between the app and the scanner worker. Each travels as JSON text; a file's
//! bytes travel beside the request, as a transferred buffer, and a PDF's pages as the JSON text
//! pdf.js's reader made, so the app itself never parses them.

use serde::{Deserialize, Serialize};

use super::{extract, PdfPage, PlanScan, ScanProblem, Source};
use crate::domain::catalogue::Catalogue;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ScanRequest {
    /// A picked or dropped DOCX or ODT; its bytes come with the message.
    File { file_name: String },
    /// A PDF's text layer, read by pdf.js in the page; its pages (`Vec<PdfPage>` as JSON)
    /// come with the message.
    Pdf { file_name: String },
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
pub fn handle(
    catalogue: &'static Catalogue,
    request: ScanRequest,
    bytes: Option<Vec<u8>>,
    pages: Option<&str>,
) -> ScanReply {
    let (file_name, source) = match request {
        ScanRequest::File { file_name } => {
            let bytes = bytes.unwrap_or_default();
            let source = match extract::sniff(&bytes) {
                Ok(extract::DocumentKind::Docx) => Source::Docx { bytes },
                Ok(extract::DocumentKind::Odt) => Source::Odt { bytes },
                // A PDF is read by pdf.js in the page and comes as `ScanRequest::Pdf`.
                Ok(extract::DocumentKind::Pdf) => return ScanReply::Failed { problem: ScanProblem::UnknownKind },
                Err(problem) => return ScanReply::Failed { problem },
            };
            (file_name, source)
        }
        ScanRequest::Pdf { file_name } => match serde_json::from_str::<Vec<PdfPage>>(pages.unwrap_or("[]")) {
            Ok(pages) => (file_name, Source::Pdf { pages }),
            Err(error) => return ScanReply::Failed { problem: ScanProblem::Unreadable { detail: error.to_string() } },
        },
        ScanRequest::Text { text } => (String::new(), Source::Text { text }),
    };
    match extract::extract(&source) {
        Ok(text) => ScanReply::Scanned { scan: super::scan(catalogue, &file_name, &text) },
        Err(problem) => ScanReply::Failed { problem },
    }
}
