//! Reading plans: DOCX and ODT built here from hand-written XML, PDF text layers as pdf.js
//! would give them, pasted text, and every way a file can fail to be read.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Cursor, Write};

use helhedsplan_tjek::scan::extract::{extract, sniff, DocumentKind};
use helhedsplan_tjek::scan::{Block, PdfItem, PdfPage, ScanProblem, Source, MAX_PLAN_BYTES};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

// ---------------------------------------------------------------------------------------------
// Building documents

/// A zip of these parts, deflated (the `mimetype` of an ODF package is stored, as ODF requires).
fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts {
        let method = if *name == "mimetype" { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        writer.start_file(*name, SimpleFileOptions::default().compression_method(method)).unwrap();
        writer.write_all(content.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

/// Styles as Word writes them: built-in headings with English names and Danish ids.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Overskrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Kapitel"><w:name w:val="Kapitel"/><w:basedOn w:val="Overskrift1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Afsnitsoverskrift"><w:name w:val="Afsnitsoverskrift"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="MinRubrik"><w:name w:val="Heading 3"/></w:style>
  <w:style w:type="paragraph" w:styleId="Citat"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Indholdsfortegnelse1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Overskrift"><w:name w:val="TOC Heading"/><w:basedOn w:val="Overskrift1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
  <w:style w:type="character" w:styleId="Kommentarhenvisning"><w:name w:val="annotation reference"/></w:style>
</w:styles>"#;

fn docx_with(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let document = document_xml(body);
    let mut parts = vec![
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
        ),
        ("word/document.xml", document.as_str()),
    ];
    parts.extend_from_slice(extra);
    zip_of(&parts)
}

fn docx(body: &str) -> Vec<u8> {
    docx_with(body, &[("word/styles.xml", STYLES)])
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn styled(style: &str, text: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn read_docx(body: &str) -> Vec<Block> {
    extract(&Source::Docx { bytes: docx(body) }).unwrap().blocks
}

const ODT_MIMETYPE: &str = "application/vnd.oasis.opendocument.text";

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;

fn content_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
  <office:automatic-styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" style:name="P1" style:family="paragraph"/></office:automatic-styles>
  <office:body>
    <office:text>
{body}
    </office:text>
  </office:body>
</office:document-content>"#
    )
}

fn odt(body: &str) -> Vec<u8> {
    let content = content_xml(body);
    zip_of(&[("mimetype", ODT_MIMETYPE), ("content.xml", &content), ("META-INF/manifest.xml", MANIFEST)])
}

fn read_odt(body: &str) -> Vec<Block> {
    extract(&Source::Odt { bytes: odt(body) }).unwrap().blocks
}

fn heading(level: u8, text: &str) -> Block {
    Block { heading: Some(level), text: text.into(), page: None }
}

fn para(text: &str) -> Block {
    Block { heading: None, text: text.into(), page: None }
}

fn on_page(mut block: Block, page: u32) -> Block {
    block.page = Some(page);
    block
}

fn texts(blocks: &[Block]) -> Vec<&str> {
    blocks.iter().map(|block| block.text.as_str()).collect()
}

// ---------------------------------------------------------------------------------------------
// DOCX

#[test]
fn docx_headings_paragraphs_and_levels() {
    let body = [
        styled("Overskrift1", "Organisering"),
        p("Helhedsplanen styres af en styregruppe."),
        styled("Overskrift2", "Styregruppe"),
        // Runs, a tab and a line break inside one paragraph.
        "<w:p><w:r><w:t>Styregruppen mødes</w:t></w:r><w:r><w:t xml:space=\"preserve\"> fire gange</w:t><w:tab/><w:t>om året.</w:t><w:br/><w:t>Referater &amp; beslutninger deles.</w:t></w:r></w:p>".into(),
        // Empty paragraphs are left out.
        "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>".into(),
        styled("Citat", "Et citat er ingen overskrift."),
    ]
    .concat();
    assert_eq!(
        read_docx(&body),
        vec![
            heading(1, "Organisering"),
            para("Helhedsplanen styres af en styregruppe."),
            heading(2, "Styregruppe"),
            para("Styregruppen mødes fire gange om året.\nReferater & beslutninger deles."),
            para("Et citat er ingen overskrift."),
        ]
    );
}

#[test]
fn docx_custom_named_heading_styles_resolve_through_styles_xml() {
    let body = [
        // Based on a heading style.
        styled("Kapitel", "Indledning"),
        // Its own outline level (0-based: 1 is the second level).
        styled("Afsnitsoverskrift", "Baggrund"),
        // Named like a built-in heading, whatever its id.
        styled("MinRubrik", "Detaljer"),
        // An outline level on the paragraph itself wins over its style.
        "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/><w:outlineLvl w:val=\"3\"/></w:pPr><w:r><w:t>Niveau fire</w:t></w:r></w:p>".into(),
        "<w:p><w:pPr><w:pStyle w:val=\"Overskrift1\"/><w:outlineLvl w:val=\"9\"/></w:pPr><w:r><w:t>Brødtekst</w:t></w:r></w:p>".into(),
    ]
    .concat();
    assert_eq!(
        read_docx(&body),
        vec![
            heading(1, "Indledning"),
            heading(2, "Baggrund"),
            heading(3, "Detaljer"),
            heading(4, "Niveau fire"),
            para("Brødtekst"),
        ]
    );
}

#[test]
fn docx_without_styles_part_knows_headings_by_their_ids() {
    let body = [styled("Heading1", "Vision"), styled("Overskrift2", "Mål"), styled("Normal", "Tekst")].concat();
    let blocks = extract(&Source::Docx { bytes: docx_with(&body, &[]) }).unwrap().blocks;
    assert_eq!(blocks, vec![heading(1, "Vision"), heading(2, "Mål"), para("Tekst")]);
}

#[test]
fn docx_tracked_changes_read_as_accepted() {
    let body = [
        // An insertion is kept, a deletion left out.
        r#"<w:p><w:r><w:t xml:space="preserve">Styregruppen mødes </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>to</w:delText></w:r></w:del><w:ins w:id="2" w:author="A"><w:r><w:t>fire</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> gange om året.</w:t></w:r></w:p>"#,
        // Moved text: kept where it went, left out where it came from.
        r#"<w:p><w:moveFrom w:id="3" w:author="A"><w:r><w:t>Flyttet væk.</w:t></w:r></w:moveFrom><w:r><w:t>Bliver.</w:t></w:r><w:moveTo w:id="4" w:author="A"><w:r><w:t xml:space="preserve"> Flyttet hertil.</w:t></w:r></w:moveTo></w:p>"#,
        // A paragraph deleted whole (text and mark) disappears.
        r#"<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr><w:del w:id="6" w:author="A"><w:r><w:delText>Slettet afsnit.</w:delText></w:r></w:del></w:p>"#,
        // A deleted paragraph mark joins the paragraph to the next.
        r#"<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="A"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Første halvdel og </w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>anden halvdel.</w:t></w:r></w:p>"#,
        // A style change: the new style counts, not the old one kept in w:pPrChange.
        r#"<w:p><w:pPr><w:pStyle w:val="Overskrift2"/><w:pPrChange w:id="8" w:author="A"><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Ny overskrift</w:t></w:r></w:p>"#,
        // A paragraph inserted whole.
        r#"<w:p><w:pPr><w:rPr><w:ins w:id="9" w:author="A"/></w:rPr></w:pPr><w:ins w:id="10" w:author="A"><w:r><w:t>Indsat afsnit.</w:t></w:r></w:ins></w:p>"#,
    ]
    .concat();
    assert_eq!(
        read_docx(&body),
        vec![
            para("Styregruppen mødes fire gange om året."),
            para("Bliver. Flyttet hertil."),
            para("Første halvdel og anden halvdel."),
            heading(2, "Ny overskrift"),
            para("Indsat afsnit."),
        ]
    );
}

#[test]
fn docx_comments_are_left_out() {
    let comments = r#"<?xml version="1.0"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="B"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>Husk at spørge kommunen.</w:t></w:r></w:p></w:comment></w:comments>"#;
    let body = r#"<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Beboerne inddrages.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="Kommentarhenvisning"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p>"#;
    let bytes = docx_with(body, &[("word/styles.xml", STYLES), ("word/comments.xml", comments)]);
    let blocks = extract(&Source::Docx { bytes }).unwrap().blocks;
    assert_eq!(blocks, vec![para("Beboerne inddrages.")]);
}

#[test]
fn docx_table_rows_read_as_one_line_each_with_the_header_rows_labels() {
    let cell = |text: &str| format!("<w:tc><w:tcPr/>{}</w:tc>", p(text));
    let body = format!(
        "<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}<w:tc>{}{}</w:tc></w:tr><w:tr>{}{}</w:tr></w:tbl>{}",
        cell("Indsats"),
        cell("Ansvarlig"),
        cell("Lektiecafé"),
        p("Boligsocial medarbejder"),
        p("Frivillige"),
        cell("Fritidsjob"),
        cell(""),
        p("Efter tabellen.")
    );
    assert_eq!(
        texts(&read_docx(&body)),
        [
            "Indsats: Lektiecafé · Ansvarlig: Boligsocial medarbejder Frivillige",
            "Indsats: Fritidsjob",
            "Efter tabellen."
        ]
    );
}

#[test]
fn docx_a_marked_header_row_labels_the_cells_and_a_nested_table_is_its_cells_text() {
    let cell = |text: &str| format!("<w:tc>{}</w:tc>", p(text));
    let nested = format!("<w:tc><w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc>", cell("To"), cell("medarbejdere"));
    // A header of whole sentences is not taken for labels unless the document marks it.
    let body = format!(
        "<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}</w:tr><w:tr>{}{nested}</w:tr></w:tbl>",
        cell("Hvad gør vi i lektiecaféen."),
        cell("Hvem står for det."),
        cell("Lektiehjælp"),
    );
    assert_eq!(
        texts(&read_docx(&body)),
        ["Hvad gør vi i lektiecaféen.: Lektiehjælp · Hvem står for det.: To medarbejdere"]
    );
    // Unmarked, the sentences are a row like any other, and nothing is a label.
    let body = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell("Vi hjælper børn med lektier."),
        cell("Frivillige står for det."),
        cell("Lektiehjælp"),
        cell("Frivillige")
    );
    assert_eq!(
        texts(&read_docx(&body)),
        ["Vi hjælper børn med lektier. · Frivillige står for det.", "Lektiehjælp · Frivillige"]
    );
}

#[test]
fn docx_numbered_headings_carry_their_numbers() {
    let numbering = r#"<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="4">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Overskrift1"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Overskrift2"/><w:lvlText w:val="%1.%2"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="5">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="4"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>
    </w:numbering>"#;
    let styles = STYLES
        .replace(r#"<w:outlineLvl w:val="0"/>"#, r#"<w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/>"#)
        .replace(
            r#"<w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Kapitel">"#,
            r#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Kapitel">"#,
        );
    let bullet = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"2\"/></w:numPr></w:pPr><w:r><w:t>Et punkt</w:t></w:r></w:p>";
    let body = [
        styled("Overskrift1", "Indledning"),
        styled("Overskrift2", "Baggrund"),
        styled("Overskrift2", "Formål"),
        bullet.into(),
        styled("Overskrift1", "Organisering"),
        styled("Overskrift2", "Styregruppe"),
    ]
    .concat();
    let bytes = docx_with(&body, &[("word/styles.xml", &styles), ("word/numbering.xml", numbering)]);
    assert_eq!(
        extract(&Source::Docx { bytes }).unwrap().blocks,
        vec![
            heading(1, "1. Indledning"),
            heading(2, "1.1 Baggrund"),
            heading(2, "1.2 Formål"),
            para("Et punkt"),
            heading(1, "2. Organisering"),
            heading(2, "2.1 Styregruppe"),
        ]
    );
}

#[test]
fn docx_table_of_contents_fields_and_alternate_content_are_read_once() {
    let body = [
        styled("Overskrift", "Indhold"),
        r#"<w:p><w:pPr><w:pStyle w:val="Indholdsfortegnelse1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Organisering</w:t></w:r><w:r><w:tab/><w:t>4</w:t></w:r></w:p>"#.into(),
        // A field's result is text, its code is not.
        r#"<w:p><w:r><w:t xml:space="preserve">Se side </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#.into(),
        // A text box, offered twice: as a modern shape and as a VML fallback.
        r#"<w:p><w:r><w:t xml:space="preserve">Før boksen. </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Tekst i boksen</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Tekst i boksen</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Efter boksen.</w:t></w:r></w:p>"#.into(),
    ]
    .concat();
    assert_eq!(texts(&read_docx(&body)), ["Se side 4", "Tekst i boksen", "Før boksen. Efter boksen."]);
}

#[test]
fn docx_in_the_strict_namespace_and_other_prefixes() {
    let document = r#"<?xml version="1.0"?><x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:pPr><x:outlineLvl x:val="0"/></x:pPr><x:r><x:t>Strict</x:t></x:r></x:p><x:p><x:r><x:t>Tekst</x:t></x:r></x:p></x:body></x:document>"#;
    let bytes = zip_of(&[("word/document.xml", document)]);
    assert_eq!(extract(&Source::Docx { bytes }).unwrap().blocks, vec![heading(1, "Strict"), para("Tekst")]);
}

// ---------------------------------------------------------------------------------------------
// ODT

#[test]
fn odt_headings_paragraphs_spans_and_tables() {
    let body = r#"
      <text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Illustration"/></text:sequence-decls>
      <text:h text:style-name="Heading_20_1" text:outline-level="1">Organisering</text:h>
      <text:p text:style-name="Text_20_body">Helhedsplanen   styres af
        en <text:span text:style-name="T1">styregruppe</text:span>.</text:p>
      <text:h text:outline-level="2"><text:number>4.2</text:number>Styregruppe</text:h>
      <text:p>Mødes<text:s text:c="3"/>fire gange<text:tab/>om året.<text:line-break/>Referater &amp; beslutninger deles.</text:p>
      <text:p/>
      <text:list><text:list-item><text:p>Første punkt</text:p></text:list-item></text:list>
      <table:table table:name="Tabel1"><table:table-row><table:table-cell><text:p>Indsats</text:p></table:table-cell><table:table-cell><text:p>Ansvarlig</text:p></table:table-cell></table:table-row></table:table>
      <table:table table:name="Tabel2"><table:table-header-rows><table:table-row><table:table-cell><text:p>Ressourcer</text:p></table:table-cell><table:table-cell><text:p>Aktiviteter</text:p></table:table-cell><table:table-cell><text:p>Kortsigtede mål</text:p></table:table-cell></table:table-row></table:table-header-rows>
        <table:table-row><table:table-cell><text:p>To jobvejledere</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>60 beboere</text:p><text:p>om året</text:p></table:table-cell></table:table-row></table:table>
      <text:h>Uden niveau</text:h>"#;
    assert_eq!(
        read_odt(body),
        vec![
            heading(1, "Organisering"),
            para("Helhedsplanen styres af en styregruppe."),
            heading(2, "4.2 Styregruppe"),
            para("Mødes fire gange om året.\nReferater & beslutninger deles."),
            para("Første punkt"),
            para("Indsats · Ansvarlig"),
            para("Ressourcer: To jobvejledere · Kortsigtede mål: 60 beboere om året"),
            heading(1, "Uden niveau"),
        ]
    );
}

#[test]
fn odt_tracked_changes_read_as_accepted_and_annotations_left_out() {
    let body = r#"
      <text:tracked-changes text:track-changes="true">
        <text:changed-region xml:id="ct1" text:id="ct1">
          <text:deletion><office:change-info><dc:creator>A</dc:creator><dc:date>2025-01-01T10:00:00</dc:date></office:change-info><text:p>Slettet tekst.</text:p></text:deletion>
        </text:changed-region>
        <text:changed-region xml:id="ct2" text:id="ct2">
          <text:insertion><office:change-info><dc:creator>A</dc:creator><dc:date>2025-01-01T10:00:00</dc:date></office:change-info></text:insertion>
        </text:changed-region>
      </text:tracked-changes>
      <text:p>Styregruppen mødes <text:change text:change-id="ct1"/><text:change-start text:change-id="ct2"/>fire<text:change-end text:change-id="ct2"/> gange om året.</text:p>
      <text:p>Beboerne inddrages.<office:annotation><dc:creator>B</dc:creator><dc:date>2025-01-01T10:00:00</dc:date><text:p>Husk at spørge kommunen.</text:p></office:annotation></text:p>
      <text:p>Fodnote<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Kilde: Landsbyggefonden.</text:p></text:note-body></text:note> i teksten.</text:p>
      <text:table-of-content><text:index-body><text:index-title><text:p>Indhold</text:p></text:index-title><text:p>Organisering 4</text:p></text:index-body></text:table-of-content>
      <text:p><draw:frame><svg:title>Billedtitel</svg:title><svg:desc>Beskrivelse</svg:desc><draw:text-box><text:p>Tekst i en ramme</text:p></draw:text-box></draw:frame>Efter rammen.</text:p>"#;
    assert_eq!(
        texts(&read_odt(body)),
        [
            "Styregruppen mødes fire gange om året.",
            "Beboerne inddrages.",
            "Fodnote i teksten.",
            "Tekst i en ramme",
            "Efter rammen."
        ]
    );
}

#[test]
fn odt_headings_carry_their_outline_numbers() {
    // Chapter numbering as LibreOffice writes it: "1." at the top level, "1.1" below, none at 3.
    let styles = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
 <office:styles>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-suffix="." style:num-format="1"/>
   <text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/>
   <text:outline-level-style text:level="3" style:num-format=""/>
  </text:outline-style>
 </office:styles>
</office:document-styles>"#;
    let content = content_xml(
        r#"<text:h text:outline-level="1">Indledning</text:h>
           <text:h text:outline-level="2">Baggrund</text:h>
           <text:h text:outline-level="3">Uden nummer</text:h>
           <text:h text:outline-level="2">Formål</text:h>
           <text:h text:outline-level="1">Organisering</text:h>
           <text:h text:outline-level="2" text:is-list-header="true">Unummereret</text:h>
           <text:h text:outline-level="2">Styregruppe</text:h>
           <text:h text:outline-level="1" text:restart-numbering="true" text:start-value="7">Bilag</text:h>
           <text:h text:outline-level="1"><text:number>A.</text:number>Allerede nummereret</text:h>"#,
    );
    let bytes = zip_of(&[
        ("mimetype", ODT_MIMETYPE),
        ("content.xml", &content),
        ("styles.xml", styles),
        ("META-INF/manifest.xml", MANIFEST),
    ]);
    assert_eq!(
        texts(&extract(&Source::Odt { bytes }).unwrap().blocks),
        [
            "1. Indledning",
            "1.1 Baggrund",
            "Uden nummer",
            "1.2 Formål",
            "2. Organisering",
            "Unummereret",
            "2.1 Styregruppe",
            "7. Bilag",
            "A. Allerede nummereret"
        ]
    );
}

#[test]
fn odt_encrypted_is_refused() {
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="3500">
  <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">
   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>
   <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/>
  </manifest:encryption-data>
 </manifest:file-entry>
</manifest:manifest>"#;
    let bytes = zip_of(&[
        ("mimetype", ODT_MIMETYPE),
        ("content.xml", "\u{1}\u{2}ciphertext"),
        ("META-INF/manifest.xml", manifest),
    ]);
    assert_eq!(sniff(&bytes), Ok(DocumentKind::Odt));
    assert_eq!(extract(&Source::Odt { bytes }), Err(ScanProblem::Encrypted));
}

#[test]
fn kind_is_told_by_content_not_by_what_the_caller_says() {
    let odt = odt("<text:p>Fra LibreOffice</text:p>");
    let docx = docx(&p("Fra Word"));
    assert_eq!(sniff(&odt), Ok(DocumentKind::Odt));
    assert_eq!(sniff(&docx), Ok(DocumentKind::Docx));
    assert_eq!(texts(&extract(&Source::Docx { bytes: odt }).unwrap().blocks), ["Fra LibreOffice"]);
    assert_eq!(texts(&extract(&Source::Odt { bytes: docx }).unwrap().blocks), ["Fra Word"]);
}

// ---------------------------------------------------------------------------------------------
// PDF

/// A page's lines, top to bottom: (text, height, baseline); each line one run.
fn page(number: u32, lines: &[(&str, f32, f32)]) -> PdfPage {
    let items = lines
        .iter()
        .map(|&(text, height, y)| PdfItem { text: text.into(), height, y, end_of_line: true, ..PdfItem::default() })
        .collect();
    PdfPage { number, items }
}

const BODY: f32 = 11.0;

#[test]
fn pdf_headings_paragraphs_pages_and_furniture() {
    let footer = |n: u32| -> (String, f32, f32) {
        (format!("Helhedsplan for Tingbjerg 2025–2028 · Side {n} af 3"), 9.0, 30.0)
    };
    let (f1, f2, f3) = (footer(1), footer(2), footer(3));
    let pages = vec![
        page(
            1,
            &[
                ("Tingbjerg Boligsociale Helhedsplan", 9.0, 810.0),
                ("Organisering", 16.0, 760.0),
                ("Helhedsplanen styres af en styregruppe med repræsentanter fra", BODY, 730.0),
                ("boligorganisationerne og kommunen.", BODY, 716.5),
                ("Styregruppen har det overordnede ansvar for helhedsplanens", BODY, 690.0),
                ("fremdrift og økonomi, og den mødes fire gange om", BODY, 676.5),
                (&f1.0, f1.1, f1.2),
            ],
        ),
        page(
            2,
            &[
                ("Tingbjerg Boligsociale Helhedsplan", 9.0, 810.0),
                ("året.", BODY, 780.0),
                ("4.2 Styregruppe", BODY, 750.0),
                ("Styregruppen består af otte medlemmer.", BODY, 730.0),
                ("Indsatser", 13.0, 700.0),
                ("1. Flere i job", BODY, 680.0),
                ("2. Færre unge i kriminalitet", BODY, 666.5),
                (&f2.0, f2.1, f2.2),
                ("2", BODY, 20.0),
            ],
        ),
        page(
            3,
            &[
                ("Tingbjerg Boligsociale Helhedsplan", 9.0, 810.0),
                ("Lektiecaféen er åben hver tirsdag og torsdag for alle børn i", BODY, 780.0),
                ("området.", BODY, 766.5),
                ("Evaluering", 16.0, 740.0),
                ("Helhedsplanen evalueres hvert år af sekretariatet i samarbejde", BODY, 710.0),
                ("med styregruppen.", BODY, 696.5),
                (&f3.0, f3.1, f3.2),
                ("Side 3", BODY, 20.0),
            ],
        ),
    ];
    let blocks = extract(&Source::Pdf { pages }).unwrap().blocks;
    assert_eq!(
        blocks,
        vec![
            on_page(heading(1, "Organisering"), 1),
            on_page(para("Helhedsplanen styres af en styregruppe med repræsentanter fra boligorganisationerne og kommunen."), 1),
            on_page(
                para("Styregruppen har det overordnede ansvar for helhedsplanens fremdrift og økonomi, og den mødes fire gange om året."),
                1
            ),
            on_page(heading(2, "4.2 Styregruppe"), 2),
            on_page(para("Styregruppen består af otte medlemmer."), 2),
            on_page(heading(2, "Indsatser"), 2),
            // A numbered list at body size is no heading.
            on_page(para("1. Flere i job 2. Færre unge i kriminalitet"), 2),
            on_page(para("Lektiecaféen er åben hver tirsdag og torsdag for alle børn i området."), 3),
            on_page(heading(1, "Evaluering"), 3),
            on_page(para("Helhedsplanen evalueres hvert år af sekretariatet i samarbejde med styregruppen."), 3),
        ]
    );
}

#[test]
fn pdf_runs_join_into_lines_and_short_last_lines_end_paragraphs() {
    let run = |text: &str, y: f32, end_of_line: bool| PdfItem {
        text: text.into(),
        height: BODY,
        y,
        end_of_line,
        ..PdfItem::default()
    };
    let pages = vec![PdfPage {
        number: 1,
        items: vec![
            run("Beboerrådgiveren hjælper ", 700.0, false),
            run("beboere med", 700.0, false),
            run("", 0.0, true),
            run("økonomi og gæld i hele boligområdet, også om aftenen.", 686.5, true),
            run("Kort linje.", 673.0, true),
            // No extra space before it, but the line above was short and ended a sentence.
            run("Næste afsnit handler om lektiehjælp og styregruppe-", 659.5, true),
            run("mødet, som holdes i bolig- og beboerhuset.", 646.0, true),
        ],
    }];
    assert_eq!(
        texts(&extract(&Source::Pdf { pages }).unwrap().blocks),
        [
            "Beboerrådgiveren hjælper beboere med økonomi og gæld i hele boligområdet, også om aftenen. Kort linje.",
            "Næste afsnit handler om lektiehjælp og styregruppemødet, som holdes i bolig- og beboerhuset."
        ]
    );
}

#[test]
fn pdf_heading_levels_follow_numbers_and_sizes() {
    let pages = vec![page(
        1,
        &[
            ("Helhedsplan", 24.0, 800.0),
            ("1 Indledning", 16.0, 760.0),
            ("Tekst om indledningen, som fylder en hel linje med ord og mere.", BODY, 740.0),
            ("Baggrund", 13.0, 710.0),
            ("Tekst om baggrunden, som også fylder en hel linje med ord og mere.", BODY, 690.0),
            ("1.2.3 Detaljer", 11.5, 660.0),
            ("Tekst om detaljerne, som også fylder en hel linje med ord og mere.", BODY, 640.0),
        ],
    )];
    let headings: Vec<(u8, String)> = extract(&Source::Pdf { pages })
        .unwrap()
        .blocks
        .into_iter()
        .filter_map(|block| block.heading.map(|level| (level, block.text)))
        .collect();
    assert_eq!(
        headings,
        [(1, "Helhedsplan".into()), (1, "1 Indledning".into()), (3, "Baggrund".into()), (3, "1.2.3 Detaljer".into())]
    );
}

/// Lines set in a font, (text, font, height, baseline), each line one run whose width is what
/// pdf.js reports: half an em a letter, times the font's own width (bold runs wider than
/// regular, italic narrower). Half an em is rough for every letter, so the bold is set wider
/// here than real bold fonts are.
fn styled_page(number: u32, lines: &[(&str, &str, f32, f32)]) -> PdfPage {
    let scale = |font: &str| match font {
        "bold" => 1.15,
        "italic" => 0.95,
        _ => 1.0,
    };
    let items = lines
        .iter()
        .map(|&(text, font, height, y)| PdfItem {
            text: text.into(),
            height,
            y,
            x: 60.0,
            width: text.chars().count() as f32 * 0.5 * height * scale(font),
            font: font.into(),
            end_of_line: true,
        })
        .collect();
    PdfPage { number, items }
}

#[test]
fn pdf_bold_lines_at_about_body_size_that_stand_apart_are_sub_headings() {
    const BODY: f32 = 10.5;
    const PITCH: f32 = 13.65;
    let mut y = 780.0;
    let mut next = |gap: f32| {
        y -= gap;
        y
    };
    let lines = vec![
        ("6. Organisering", "bold", 14.0, next(0.0)),
        ("Helhedsplanen er organiseret med et sekretariat og en styregruppe, som", "regular", BODY, next(20.0)),
        ("afsnittene nedenfor beskriver hver for sig.", "regular", BODY, next(PITCH)),
        // 11 pt bold on a 10.5 pt body, a gap below it: a sub-heading.
        ("Styregruppens medlemmer", "bold", 11.0, next(27.0)),
        ("Styregruppen består af to beboerrepræsentanter fra hver afdeling og", "regular", BODY, next(17.0)),
        ("en fra kommunen. Formanden vælges blandt beboerne.", "regular", BODY, next(PITCH)),
        // Bold, but inside a paragraph at the body's pitch: emphasis, not a heading.
        ("Alle medlemmer har én stemme hver", "bold", BODY, next(PITCH)),
        ("og styregruppen træffer beslutninger ved almindeligt flertal.", "regular", BODY, next(PITCH)),
        // Italic (narrower than the body), standing apart: not heavier, so not a heading.
        ("Kilde: kommunens vejledning", "italic", BODY, next(20.0)),
        ("Styregruppens arbejde", "bold", 11.0, next(27.0)),
        ("Styregruppen har et kommissorium, der beskriver dens beslutningskompetence.", "regular", BODY, next(17.0)),
    ];
    let blocks = extract(&Source::Pdf { pages: vec![styled_page(1, &lines)] }).unwrap().blocks;
    let headings: Vec<(u8, &str)> = blocks.iter().filter_map(|b| Some((b.heading?, b.text.as_str()))).collect();
    assert_eq!(headings, [(1, "6. Organisering"), (2, "Styregruppens medlemmer"), (2, "Styregruppens arbejde")]);
    assert!(texts(&blocks).iter().any(|t| t.contains("Alle medlemmer har én stemme hver og styregruppen")));
    assert!(texts(&blocks).contains(&"Kilde: kommunens vejledning"));
}

#[test]
fn pdf_without_font_widths_has_no_bold_headings() {
    // The same lines as pdf.js gave them before runs carried their font and width.
    let pages = vec![page(
        1,
        &[
            ("Styregruppen består af to beboerrepræsentanter fra hver afdeling og", 10.5, 780.0),
            ("en fra kommunen.", 10.5, 766.35),
            ("Styregruppens arbejde", 11.0, 740.0),
            ("Styregruppen har et kommissorium, der beskriver dens kompetence.", 10.5, 723.0),
        ],
    )];
    assert!(extract(&Source::Pdf { pages }).unwrap().blocks.iter().all(|b| b.heading.is_none()));
}

/// The two-column test plan as pdf.js reads it in the app (tests/plans/layouts): its bold
/// sub-headings are found, in reading order, under the chapter they belong to, and the running
/// header and page numbers are gone.
#[test]
fn pdf_two_columns_with_a_running_header_read_in_order_with_their_sub_headings() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans/layouts");
    let pages: Vec<PdfPage> = serde_json::from_slice(&std::fs::read(dir.join("plan-d.pdf.json")).unwrap()).unwrap();
    let pdf = extract(&Source::Pdf { pages }).unwrap().blocks;
    let docx = extract(&Source::Docx { bytes: std::fs::read(dir.join("plan-d.docx")).unwrap() }).unwrap().blocks;
    let headings = |blocks: &[Block]| -> Vec<String> {
        blocks.iter().filter(|b| b.heading.is_some()).map(|b| b.text.clone()).collect()
    };
    // The PDF sets the plan's title large, so it is a heading there too.
    let mut want = vec!["Helhedsplan for Grønnehaven 2027–2030".to_string()];
    want.extend(headings(&docx));
    assert_eq!(headings(&pdf), want);
    let level = |text: &str| pdf.iter().find(|b| b.text == text).and_then(|b| b.heading);
    assert!(level("Styregruppens arbejde") > level("6. Organisering"));
    assert_eq!(level("Styregruppens arbejde"), level("Sekretariatet"));
    assert!(
        pdf.iter()
            .all(|b| !b.text.contains("Side ") && b.text != "Helhedsplan for Grønnehaven 2027–2030"
                || b.heading.is_some())
    );
    // A paragraph that runs on from the first column into the second is one paragraph.
    assert!(
        pdf.iter().any(|b| b.text.contains("jobcenteret, ungdommens uddannelsesvejledning, sprogskolen")),
        "{:?}",
        texts(&pdf)
    );
}

#[test]
fn pdf_table_of_contents_is_left_out() {
    let pages = vec![page(
        1,
        &[
            ("Indhold", 16.0, 800.0),
            ("1 Indledning ........................................ 3", BODY, 770.0),
            ("4.2 Styregruppe…………………………………………… 12", BODY, 756.5),
            ("Bilag . . . . . . . . . . . . . . . . . . 40", BODY, 743.0),
            ("Vi har 2 mål .... og 3 indsatser for 2025", BODY, 700.0),
        ],
    )];
    assert_eq!(
        texts(&extract(&Source::Pdf { pages }).unwrap().blocks),
        ["Indhold", "Vi har 2 mål .... og 3 indsatser for 2025"]
    );
}

#[test]
fn pdf_without_text_has_no_text_layer() {
    let blank =
        |number| PdfPage { number, items: vec![PdfItem { text: " ".into(), end_of_line: true, ..PdfItem::default() }] };
    assert_eq!(extract(&Source::Pdf { pages: vec![blank(1), blank(2)] }), Err(ScanProblem::NoTextLayer));
    let bare = |number| PdfPage { number, items: vec![] };
    assert_eq!(extract(&Source::Pdf { pages: vec![bare(1)] }), Err(ScanProblem::NoTextLayer));
    // Page numbers stamped on scanned pages are not a text layer either.
    let stamped = |number: u32| page(number, &[(&number.to_string(), BODY, 20.0)]);
    assert_eq!(
        extract(&Source::Pdf { pages: vec![stamped(1), stamped(2), stamped(3)] }),
        Err(ScanProblem::NoTextLayer)
    );
    assert_eq!(extract(&Source::Pdf { pages: vec![] }), Err(ScanProblem::Empty));
}

// ---------------------------------------------------------------------------------------------
// Pasted text

#[test]
fn pasted_text_headings_and_paragraphs() {
    let text = "HELHEDSPLAN FOR TINGBJERG\r\n\r\n4. Organisering\r\nHelhedsplanen styres af en styregruppe\r\nmed repræsentanter fra boligorganisationerne.\r\n\r\n4.2 Styregruppe\n\nStyregruppen mødes fire gange om året.\n\n## Lektiehjælp ##\nLektiecaféen er åben.\n\nVores mål:\n1. Flere i job\n2. Færre unge i kriminalitet\n\n\n   \nDet er alt.";
    assert_eq!(
        extract(&Source::Text { text: text.into() }).unwrap().blocks,
        vec![
            heading(1, "HELHEDSPLAN FOR TINGBJERG"),
            heading(1, "4. Organisering"),
            para("Helhedsplanen styres af en styregruppe med repræsentanter fra boligorganisationerne."),
            heading(2, "4.2 Styregruppe"),
            para("Styregruppen mødes fire gange om året."),
            heading(2, "Lektiehjælp"),
            para("Lektiecaféen er åben."),
            para("Vores mål: 1. Flere i job 2. Færre unge i kriminalitet"),
            para("Det er alt."),
        ]
    );
}

#[test]
fn pasted_text_sentences_and_years_are_not_headings() {
    let text = "2024 blev et godt år for beboerne\n\n3. Vi har nået målet.\n\nEN FORKORTELSE SOM KK ER IKKE NOK, når linjen er meget lang og fortsætter som en sætning i teksten";
    let blocks = extract(&Source::Text { text: text.into() }).unwrap().blocks;
    assert!(blocks.iter().all(|block| block.heading.is_none()), "{blocks:?}");
}

// ---------------------------------------------------------------------------------------------
// Problems

/// An OLE compound file: the header's magic and a directory sector naming these streams.
fn ole(streams: &[&str]) -> Vec<u8> {
    let mut bytes = vec![0u8; 512];
    bytes[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let mut directory = vec![0u8; 512];
    let entries = std::iter::once(("Root Entry", 5u8)).chain(streams.iter().map(|name| (*name, 2u8)));
    for (index, (name, kind)) in entries.enumerate() {
        let entry = &mut directory[index * 128..(index + 1) * 128];
        let units: Vec<u16> = name.encode_utf16().collect();
        for (i, unit) in units.iter().enumerate() {
            entry[2 * i..2 * i + 2].copy_from_slice(&unit.to_le_bytes());
        }
        entry[64..66].copy_from_slice(&(((units.len() + 1) * 2) as u16).to_le_bytes());
        entry[66] = kind;
    }
    bytes.extend(directory);
    bytes.extend(vec![0x42; 1024]);
    bytes
}

#[test]
fn password_protected_office_files_are_encrypted_and_old_doc_is_another_kind() {
    let protected = ole(&["EncryptionInfo", "EncryptedPackage", "\u{6}DataSpaces"]);
    assert_eq!(sniff(&protected), Err(ScanProblem::Encrypted));
    assert_eq!(extract(&Source::Docx { bytes: protected }), Err(ScanProblem::Encrypted));
    let old_doc = ole(&["WordDocument", "1Table", "\u{5}SummaryInformation"]);
    assert_eq!(sniff(&old_doc), Err(ScanProblem::UnknownKind));
}

#[test]
fn broken_zips_are_corrupt() {
    let mut garbage = b"PK\x03\x04".to_vec();
    garbage.extend((0..500u32).map(|i| (i * 7 % 251) as u8));
    assert_eq!(sniff(&garbage), Err(ScanProblem::CorruptZip));
    assert_eq!(extract(&Source::Docx { bytes: garbage }), Err(ScanProblem::CorruptZip));

    // A real DOCX cut off half way loses its central directory.
    let whole = docx(&p("Tekst"));
    let cut = whole[..whole.len() / 2].to_vec();
    assert_eq!(sniff(&cut), Err(ScanProblem::CorruptZip));

    // Damage inside the packed document.xml: its deflate stream or checksum fails.
    let mut damaged = docx(&(0..50).map(|i| p(&format!("Afsnit nummer {i} om beboerne."))).collect::<String>());
    let at = find(&damaged, b"word/document.xml").unwrap() + "word/document.xml".len() + 40;
    for byte in &mut damaged[at..at + 16] {
        *byte ^= 0x5A;
    }
    assert_eq!(extract(&Source::Docx { bytes: damaged }), Err(ScanProblem::CorruptZip));
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[test]
fn empty_input_and_documents_without_text_are_empty() {
    assert_eq!(sniff(&[]), Err(ScanProblem::Empty));
    assert_eq!(extract(&Source::Docx { bytes: vec![] }), Err(ScanProblem::Empty));
    assert_eq!(
        extract(&Source::Docx { bytes: docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>") }),
        Err(ScanProblem::Empty)
    );
    assert_eq!(extract(&Source::Odt { bytes: odt("<text:p/>") }), Err(ScanProblem::Empty));
    assert_eq!(extract(&Source::Text { text: " \n\n \t ".into() }), Err(ScanProblem::Empty));
}

#[test]
fn other_kinds_are_unknown() {
    assert_eq!(sniff(b"Hello, world: just some text"), Err(ScanProblem::UnknownKind));
    assert_eq!(sniff(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]), Err(ScanProblem::UnknownKind));
    // A spreadsheet is a zip, but not a text document.
    let xlsx = zip_of(&[("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")]);
    assert_eq!(sniff(&xlsx), Err(ScanProblem::UnknownKind));
    let ods = zip_of(&[("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<x/>")]);
    assert_eq!(extract(&Source::Odt { bytes: ods }), Err(ScanProblem::UnknownKind));
    // A PDF's bytes are pdf.js's to read.
    assert_eq!(sniff(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), Ok(DocumentKind::Pdf));
    assert_eq!(extract(&Source::Docx { bytes: b"%PDF-1.4\n".to_vec() }), Err(ScanProblem::UnknownKind));
}

#[test]
fn too_large_is_refused_before_reading() {
    let bytes = vec![0u8; MAX_PLAN_BYTES + 1];
    assert_eq!(sniff(&bytes), Err(ScanProblem::TooLarge { bytes: MAX_PLAN_BYTES + 1 }));
    assert_eq!(
        extract(&Source::Text { text: "a".repeat(MAX_PLAN_BYTES + 1) }),
        Err(ScanProblem::TooLarge { bytes: MAX_PLAN_BYTES + 1 })
    );
    assert_eq!(extract(&Source::Docx { bytes }), Err(ScanProblem::TooLarge { bytes: MAX_PLAN_BYTES + 1 }));
}

#[test]
fn broken_xml_is_unreadable() {
    let bytes = zip_of(&[("word/document.xml", "<w:document xmlns:w=\"x\"><w:body><w:p></w:body>")]);
    assert!(matches!(extract(&Source::Docx { bytes }), Err(ScanProblem::Unreadable { .. })));
}

/// A zip whose document.xml inflates to more than the unpacking limit (200 MB) from ~200 KB.
/// Built by hand: 1 MiB of zeros deflated once (non-final blocks ending on a byte boundary),
/// repeated, then an empty final block; any back-reference in it can only copy zeros.
#[test]
fn zip_bombs_are_stopped() {
    let mut compressor = flate2::Compress::new(flate2::Compression::fast(), false);
    let mut chunk = Vec::with_capacity(64 * 1024);
    compressor.compress_vec(&vec![0u8; 1 << 20], &mut chunk, flate2::FlushCompress::Sync).unwrap();
    assert_eq!(compressor.total_in(), 1 << 20);
    let repeats: u32 = 201;
    let mut deflated = chunk.repeat(repeats as usize);
    deflated.extend([0x03, 0x00]);
    let bytes = raw_zip("word/document.xml", &deflated, repeats << 20);
    assert_eq!(sniff(&bytes), Ok(DocumentKind::Docx));
    let problem = extract(&Source::Docx { bytes }).unwrap_err();
    assert!(matches!(&problem, ScanProblem::Unreadable { detail } if detail.contains("200 MB")), "{problem:?}");
}

/// A one-entry zip of already deflated data (the CRC is never reached: reading stops first).
fn raw_zip(name: &str, deflated: &[u8], unpacked: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    let header = |signature: u32, central: bool| {
        let mut header = signature.to_le_bytes().to_vec();
        if central {
            header.extend(20u16.to_le_bytes()); // made by
        }
        header.extend(20u16.to_le_bytes()); // version needed
        header.extend(0u16.to_le_bytes()); // flags
        header.extend(8u16.to_le_bytes()); // deflate
        header.extend([0, 0, 0x21, 0]); // time, date
        header.extend(0u32.to_le_bytes()); // crc
        header.extend((deflated.len() as u32).to_le_bytes());
        header.extend(unpacked.to_le_bytes());
        header.extend((name.len() as u16).to_le_bytes());
        header.extend(0u16.to_le_bytes()); // extra
        if central {
            header.extend([0; 6]); // comment length, disk, internal attributes
            header.extend(0u32.to_le_bytes()); // external attributes
            header.extend(0u32.to_le_bytes()); // local header offset
        }
        header.extend(name.as_bytes());
        header
    };
    bytes.extend(header(0x0403_4b50, false));
    bytes.extend(deflated);
    let central_at = bytes.len() as u32;
    let central = header(0x0201_4b50, true);
    let central_len = central.len() as u32;
    bytes.extend(central);
    bytes.extend(0x0605_4b50u32.to_le_bytes());
    bytes.extend([0, 0, 0, 0, 1, 0, 1, 0]);
    bytes.extend(central_len.to_le_bytes());
    bytes.extend(central_at.to_le_bytes());
    bytes.extend(0u16.to_le_bytes());
    bytes
}

// ---------------------------------------------------------------------------------------------
// No input makes it panic

mod never_panics {
    use proptest::prelude::*;

    use super::*;

    fn a_docx() -> Vec<u8> {
        docx(&[styled("Overskrift1", "Organisering"), p("Styregruppen mødes fire gange om året.")].concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = sniff(&bytes);
            let _ = extract(&Source::Docx { bytes: bytes.clone() });
            let _ = extract(&Source::Odt { bytes });
        }

        #[test]
        fn on_bytes_that_start_like_a_zip_or_ole(tail in proptest::collection::vec(any::<u8>(), 0..2048), ole in any::<bool>()) {
            let mut bytes = if ole { vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] } else { b"PK\x03\x04".to_vec() };
            bytes.extend(tail);
            let _ = sniff(&bytes);
            let _ = extract(&Source::Docx { bytes });
        }

        #[test]
        fn on_damaged_documents(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), odt_file in any::<bool>()) {
            let mut bytes = if odt_file { odt("<text:h text:outline-level=\"1\">Titel</text:h><text:p>Tekst</text:p>") } else { a_docx() };
            for (at, value) in flips {
                let at = at.index(bytes.len());
                bytes[at] = value;
            }
            let _ = extract(&Source::Docx { bytes });
        }

        #[test]
        fn on_damaged_xml(at in any::<prop::sample::Index>(), cut in 0usize..40, insert in "[<>/=\"a-z:&;# ]{0,20}", odt_file in any::<bool>()) {
            let xml = if odt_file {
                content_xml("<text:h text:outline-level=\"2\">Titel</text:h><text:p>Tekst <text:s text:c=\"2\"/>her</text:p>")
            } else {
                document_xml(&[styled("Overskrift1", "Titel"), p("Tekst &amp; mere")].concat())
            };
            let start = at.index(xml.len());
            let start = (0..=start).rev().find(|&i| xml.is_char_boundary(i)).unwrap_or(0);
            let end = (start + cut..=xml.len()).find(|&i| xml.is_char_boundary(i)).unwrap_or(xml.len());
            let damaged = format!("{}{}{}", &xml[..start], insert, &xml[end..]);
            let bytes = if odt_file {
                zip_of(&[("mimetype", ODT_MIMETYPE), ("content.xml", &damaged), ("styles.xml", &damaged)])
            } else {
                zip_of(&[("word/document.xml", &damaged), ("word/styles.xml", &damaged), ("word/numbering.xml", &damaged)])
            };
            let _ = extract(&Source::Docx { bytes });
        }

        #[test]
        fn on_arbitrary_text(text in ".{0,400}") {
            let _ = extract(&Source::Text { text });
        }

        #[test]
        fn on_arbitrary_pdf_pages(pages in proptest::collection::vec(
            proptest::collection::vec((".{0,30}", any::<f32>(), any::<f32>(), any::<bool>()), 0..20), 0..5)
        ) {
            let pages = pages
                .into_iter()
                .enumerate()
                .map(|(index, items)| PdfPage {
                    number: index as u32 + 1,
                    items: items.into_iter().map(|(text, height, y, end_of_line)| PdfItem { text, height, y, end_of_line, ..PdfItem::default() }).collect(),
                })
                .collect();
            let _ = extract(&Source::Pdf { pages });
        }
    }
}

/// The two-column test plan's change strategy table, as pdf.js reads it: each row is one line,
/// "cell · cell", its cells labelled by the bold header row, exactly as the DOCX reads it; the
/// paragraph under the table and the headings around it stay as they were.
#[test]
fn pdf_table_rows_read_as_one_line_with_the_header_s_labels() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans/layouts");
    let pages: Vec<PdfPage> = serde_json::from_slice(&std::fs::read(dir.join("plan-d.pdf.json")).unwrap()).unwrap();
    let pdf = extract(&Source::Pdf { pages }).unwrap().blocks;
    let docx = extract(&Source::Docx { bytes: std::fs::read(dir.join("plan-d.docx")).unwrap() }).unwrap().blocks;
    let rows = |blocks: &[Block]| -> Vec<String> {
        blocks.iter().filter(|b| b.text.starts_with("Ressourcer: ")).map(|b| b.text.clone()).collect()
    };
    assert_eq!(rows(&docx).len(), 3);
    assert_eq!(rows(&pdf), rows(&docx), "{:#?}", texts(&pdf));
    assert!(pdf.iter().all(|b| b.heading.is_none() || !b.text.contains("Ressourcer")));
    assert!(texts(&pdf)
        .contains(&"Hvert mål har en indikator, og vi måler dem hvert år. Virker en aktivitet ikke, ændrer vi den."));
    let row = pdf.iter().find(|b| b.text.starts_with("Ressourcer: To jobvejledere")).unwrap();
    assert_eq!(row.page, Some(2));
}

/// Runs side by side that are not a table stay lines of text: two cells a line without a header
/// in another font (a label and its value, a contents line without dots), and a two-column page
/// whose columns come one after the other.
#[test]
fn pdf_text_side_by_side_is_not_taken_for_a_table() {
    let run = |text: &str, x: f32, y: f32, font: &str, end_of_line: bool| PdfItem {
        text: text.into(),
        height: BODY,
        y,
        x,
        width: text.chars().count() as f32 * 0.5 * BODY,
        font: font.into(),
        end_of_line,
    };
    let pages = vec![PdfPage {
        number: 1,
        items: vec![
            run("Telefon", 60.0, 700.0, "f1", false),
            run("33 33 33 33", 200.0, 700.0, "f1", true),
            run("Mail", 60.0, 686.0, "f1", false),
            run("info@example.dk", 200.0, 686.0, "f1", true),
            // Two columns, the left one first, at the same baselines.
            run("Venstre spalte begynder her og fortsætter", 60.0, 600.0, "f1", true),
            run("på den næste linje i samme spalte.", 60.0, 586.0, "f1", true),
            run("Højre spalte begynder her og fortsætter", 320.0, 600.0, "f1", true),
            run("på den næste linje i samme spalte.", 320.0, 586.0, "f1", true),
        ],
    }];
    let read = extract(&Source::Pdf { pages }).unwrap().blocks;
    let blocks = texts(&read);
    assert!(blocks.iter().all(|text| !text.contains(" · ")), "{blocks:?}");
    assert!(blocks.iter().any(|text| text.starts_with("Telefon")), "{blocks:?}");
}

/// A DOCX whose sub-headings are plain paragraphs set in bold by hand (tests/plans/layouts,
/// `plan-d.bold.docx`) reads with the same headings, at the same levels, as the one made with
/// heading styles; a paragraph with a word or two in bold, a long bold paragraph and a bold
/// sentence stay text.
#[test]
fn docx_bold_paragraphs_that_are_short_read_as_headings() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans/layouts");
    let read = |name: &str| extract(&Source::Docx { bytes: std::fs::read(dir.join(name)).unwrap() }).unwrap().blocks;
    let headings = |blocks: Vec<Block>| -> Vec<(u8, String)> {
        blocks.into_iter().filter_map(|b| Some((b.heading?, b.text))).collect()
    };
    let styled = headings(read("plan-d.docx"));
    assert!(styled.contains(&(2, "Styregruppens arbejde".into())));
    assert_eq!(headings(read("plan-d.bold.docx")), styled);

    let run = |text: &str, bold: bool| {
        format!(
            r#"<w:r>{}<w:t xml:space="preserve">{text}</w:t></w:r>"#,
            if bold { "<w:rPr><w:b/></w:rPr>" } else { "" }
        )
    };
    let body = [
        format!("<w:p>{}</w:p>", run("Sekretariatet", true)),
        format!("<w:p>{}{}</w:p>", run("Sekretariatet", true), run(" har fire medarbejdere", false)),
        format!("<w:p>{}</w:p>", run("Sekretariatet har fire medarbejdere.", true)),
        format!("<w:p>{}</w:p>", run(&"Et langt afsnit sat med fed skrift fra ende til anden ".repeat(3), true)),
        r#"<w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Ikke fed</w:t></w:r></w:p>"#.to_owned(),
    ]
    .concat();
    let blocks = extract(&Source::Docx { bytes: docx(&body) }).unwrap().blocks;
    let found: Vec<(Option<u8>, &str)> = blocks.iter().map(|b| (b.heading, b.text.as_str())).collect();
    assert_eq!(found[0], (Some(1), "Sekretariatet"));
    assert!(found[1..].iter().all(|(heading, _)| heading.is_none()), "{found:?}");
}
