//! The scanner worker's answer to each kind of request (`scan::protocol::handle`): a request
//! carries its own payload, and each payload is read as its kind or refused with the reason.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use helhedsplan_tjek::domain::catalogue;
use helhedsplan_tjek::scan::protocol::{handle, Request, ScanReply};
use helhedsplan_tjek::scan::{PdfItem, PdfPage, PlanScan, ScanProblem};

fn real_file(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans/real").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn scanned(reply: ScanReply) -> PlanScan {
    match reply {
        ScanReply::Scanned { scan } => scan,
        other => panic!("expected a scan, got {other:?}"),
    }
}

fn failed(reply: ScanReply) -> ScanProblem {
    match reply {
        ScanReply::Failed { problem } => problem,
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn a_docx_and_an_odt_are_told_by_their_bytes_and_read() {
    for name in ["plan-a.lo.docx", "plan-a.lo.odt"] {
        let request = Request::File { file_name: name.to_owned(), bytes: real_file(name) };
        let scan = scanned(handle(catalogue::current(), request));
        assert_eq!(scan.file_name, name);
        assert!(scan.passages.len() > 10, "{name}: only {} passages", scan.passages.len());
        let heading = "2.1 Fælles analyse med Københavns Kommune";
        assert!(scan.passages.iter().any(|p| p.path.iter().any(|h| h == heading)), "{name}: no {heading}");
    }
}

#[test]
fn a_file_is_refused_when_its_bytes_are_not_a_docx_or_an_odt() {
    let file = |bytes: &[u8]| Request::File { file_name: "plan".into(), bytes: bytes.to_vec() };
    assert_eq!(failed(handle(catalogue::current(), file(b""))), ScanProblem::Empty);
    // A PDF's text layer is read in the page, by pdf.js, and comes as `Request::Pdf`.
    assert_eq!(failed(handle(catalogue::current(), file(b"%PDF-1.7\n"))), ScanProblem::UnknownKind);
    assert_eq!(failed(handle(catalogue::current(), file(b"just some text"))), ScanProblem::UnknownKind);
}

#[test]
fn a_pdfs_pages_are_read_from_their_json() {
    let line = |text: &str, height: f32, y: f32| PdfItem {
        text: text.into(),
        height,
        y,
        end_of_line: true,
        ..PdfItem::default()
    };
    let pages = vec![PdfPage {
        number: 3,
        items: vec![
            line("4.2 Styregruppe", 16.0, 700.0),
            line("Styregruppen mødes fire gange om året og følger op på helhedsplanens mål.", 11.0, 680.0),
        ],
    }];
    let request = Request::Pdf { file_name: "plan.pdf".into(), pages: serde_json::to_string(&pages).unwrap() };
    let scan = scanned(handle(catalogue::current(), request));
    assert_eq!(scan.file_name, "plan.pdf");
    let passage = scan.passages.iter().find(|p| p.text.contains("fire gange om året")).expect("the paragraph");
    assert_eq!(passage.page, Some(3));

    let broken = Request::Pdf { file_name: "plan.pdf".into(), pages: "[{\"number\":".into() };
    assert!(matches!(failed(handle(catalogue::current(), broken)), ScanProblem::Unreadable { .. }));
}

#[test]
fn pasted_text_is_read_without_a_file_name() {
    let text = "1. Organisering\n\nStyregruppen mødes fire gange om året.".to_owned();
    let scan = scanned(handle(catalogue::current(), Request::Text { text }));
    assert_eq!(scan.file_name, "");
    assert!(scan.passages.iter().any(|p| p.text.contains("fire gange om året")));
}
