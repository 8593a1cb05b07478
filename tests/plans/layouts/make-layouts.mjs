// Writes a layout test plan (tests/plans/layouts/<name>.plan) as the files a plan's author would
// hand in, laid out as real plans are rather than one numbered heading per topic:
//
// - <name>.docx and <name>.odt: headings as heading styles / outline levels, the body in
//   paragraphs, and each table as a real table (w:tbl, table:table) whose first row is its header;
// - <name>.bold.docx: the same DOCX with the sub-headings made by hand, plain paragraphs set in
//   bold, without a heading style;
// - <name>.pdf: A4 in two columns with a running header and "Side N af M" in the footer; the
//   top-level headings 14 pt bold, the sub-headings only bold at 11 pt on a 10.5 pt body (no
//   number, hardly larger); a table set across the page's width below the running header;
// - <name>.pdf.json: that PDF's text layer as the app's pdf.js reader gives it to the scanner
//   (`pageItems` of src/browser/pdf_text.js, the same code the browser runs), so the native tests
//   read the PDF exactly as the app does.
//
//   node tests/plans/layouts/make-layouts.mjs tests/plans/layouts/plan-d.plan
//   node tests/plans/layouts/make-layouts.mjs tests/plans/real/*.pdf    (only the .pdf.json)
//
// The .plan format: "= text" a title line (a paragraph), "# text" a heading, "## text" a
// sub-heading, lines starting with "|" a table's rows (cells between bars, the first row the
// header), other lines paragraphs separated by blank lines.
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageItems } from '../../../src/browser/pdf_text.js';

export function parse(source) {
  const out = [];
  for (const chunk of source.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    if (lines.every((l) => l.startsWith('|'))) {
      const rows = lines.map((l) => l.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim()));
      out.push({ kind: 'table', rows });
      continue;
    }
    const text = lines.join(' ');
    const heading = /^(#{1,2}) (.*)$/.exec(text);
    if (heading) out.push({ kind: 'heading', level: heading[1].length, text: heading[2] });
    else if (text.startsWith('= ')) out.push({ kind: 'title', text: text.slice(2) });
    else out.push({ kind: 'para', text });
  }
  return out;
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A DOCX; with `boldSubHeadings`, the sub-headings are plain paragraphs whose runs are all
 * bold (no heading style), as authors make them by hand. */
export async function docx(blocks, { boldSubHeadings = false } = {}) {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const para = (text, style, bold = false) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
  const body = blocks
    .map((block) => {
      if (block.kind === 'heading' && block.level === 2 && boldSubHeadings) return para(block.text, null, true);
      if (block.kind === 'heading') return para(block.text, `Heading${block.level}`);
      if (block.kind === 'title') return para(block.text, 'Title');
      if (block.kind === 'para') return para(block.text);
      const grid = block.rows[0].map(() => '<w:gridCol w:w="2200"/>').join('');
      const rows = block.rows
        .map((row, index) => {
          const header = index === 0 ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
          return `<w:tr>${header}${row.map((cell) => `<w:tc><w:tcPr><w:tcW w:w="2200" w:type="dxa"/></w:tcPr>${para(cell)}</w:tc>`).join('')}</w:tr>`;
        })
        .join('');
      return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>`;
    })
    .join('');
  const heading = (n, size) =>
    `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="${n - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${size}"/></w:rPr></w:style>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="21"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="36"/></w:rPr></w:style>${heading(1, 28)}${heading(2, 22)}<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('word/styles.xml', styles);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function odt(blocks) {
  const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';
  const body = blocks
    .map((block) => {
      if (block.kind === 'heading') return `<text:h text:style-name="Heading_20_${block.level}" text:outline-level="${block.level}">${esc(block.text)}</text:h>`;
      if (block.kind === 'title') return `<text:p text:style-name="Title">${esc(block.text)}</text:p>`;
      if (block.kind === 'para') return `<text:p text:style-name="Text_20_body">${esc(block.text)}</text:p>`;
      const cell = (text) => `<table:table-cell office:value-type="string"><text:p text:style-name="Table_20_Contents">${esc(text)}</text:p></table:table-cell>`;
      const [header, ...rows] = block.rows;
      return `<table:table table:name="Forandringsstrategi"><table:table-column table:number-columns-repeated="${header.length}"/><table:table-header-rows><table:table-row>${header.map(cell).join('')}</table:table-row></table:table-header-rows>${rows.map((row) => `<table:table-row>${row.map(cell).join('')}</table:table-row>`).join('')}</table:table>`;
    })
    .join('');
  const zip = new JSZip();
  // The mimetype comes first and uncompressed, as ODF requires.
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file('META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>');
  zip.file('content.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function pdf(blocks, header) {
  const document = await PDFDocument.create();
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const [width, height, margin, gutter] = [595, 842, 50, 22];
  const top = height - margin - 24;
  const bottom = margin + 20;
  const columnWidth = (width - 2 * margin - gutter) / 2;
  const pages = [];
  let page;
  let column = 0;
  let y = 0;
  let columnTop = top;
  const newPage = () => {
    page = document.addPage([width, height]);
    pages.push(page);
    column = 0;
    columnTop = top;
    y = top;
  };
  const nextColumn = () => {
    if (column === 0) {
      column = 1;
      y = columnTop;
    } else newPage();
  };
  const wrap = (text, font, size, room) => {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > room) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    return lines;
  };
  newPage();
  for (const block of blocks) {
    if (block.kind === 'table') {
      // Across the page's width, on a page of its own top; the columns go on below it.
      if (y !== top || column !== 0) newPage();
      const cellWidth = (width - 2 * margin) / block.rows[0].length;
      const size = 9;
      for (const [index, row] of block.rows.entries()) {
        const font = index === 0 ? bold : regular;
        const cells = row.map((cell) => wrap(cell, font, size, cellWidth - 8));
        const rowLines = Math.max(...cells.map((c) => c.length));
        cells.forEach((lines, c) =>
          lines.forEach((line, l) => page.drawText(line, { x: margin + c * cellWidth, y: y - l * size * 1.3, size, font })),
        );
        y -= rowLines * size * 1.3 + 8;
      }
      y -= 12;
      columnTop = y;
      continue;
    }
    const [font, size, before, after] = {
      title: [bold, 18, 0, 10],
      heading: block.level === 1 ? [bold, 14, 10, 6] : [bold, 11, 6, 3],
      para: [regular, 10.5, 0, 7],
    }[block.kind === 'heading' ? 'heading' : block.kind];
    const lines = wrap(block.text, font, size, columnWidth);
    y -= before;
    // A heading is kept with the first lines of what follows it.
    const keep = block.kind === 'heading' ? lines.length + 3 : 1;
    if (y - keep * size * 1.3 < bottom) nextColumn();
    for (const line of lines) {
      if (y - size < bottom) nextColumn();
      y -= size;
      page.drawText(line, { x: margin + column * (columnWidth + gutter), y, size, font });
      y -= size * 0.3;
    }
    y -= after;
  }
  pages.forEach((p, n) => {
    p.drawText(header, { x: margin, y: height - margin, size: 8, font: regular });
    p.drawText(`Side ${n + 1} af ${pages.length}`, { x: width - margin - 60, y: margin - 10, size: 8, font: regular });
  });
  return Buffer.from(await document.save());
}

/** The PDF's pages as the app's reader gives them to the scanner: `Vec<PdfPage>` as JSON. */
export async function pdfPages(bytes) {
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    pages.push({ number, items: pageItems(await page.getTextContent()) });
  }
  await pdf.destroy();
  return pages;
}

const toJson = (pages) => `${JSON.stringify(pages).replace(/\},\{"number"/g, '},\n{"number"')}\n`;

if (process.argv[2]?.endsWith('.pdf')) {
  // A PDF made elsewhere (LibreOffice's, in tests/plans/real/): only its text layer.
  for (const path of process.argv.slice(2)) writeFileSync(`${path}.json`, toJson(await pdfPages(readFileSync(path))));
} else if (process.argv[2]) {
  const path = process.argv[2];
  const base = path.replace(/\.plan$/, '');
  const blocks = parse(readFileSync(path, 'utf8'));
  const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
  writeFileSync(`${base}.docx`, await docx(blocks));
  writeFileSync(`${base}.bold.docx`, await docx(blocks, { boldSubHeadings: true }));
  writeFileSync(`${base}.odt`, await odt(blocks));
  const bytes = await pdf(blocks, title);
  writeFileSync(`${base}.pdf`, bytes);
  writeFileSync(`${base}.pdf.json`, toJson(await pdfPages(bytes)));
}
