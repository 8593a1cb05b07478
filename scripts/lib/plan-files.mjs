// Makes a plan file from a plain-text plan (tests/plans/*.txt): a DOCX as Word writes one
// (heading styles, paragraphs) and a PDF with a text layer (headings set larger, page numbers in
// the footer). Used by the Playwright journey and by scripts/bench, so both give the tool real
// files without an office suite on the machine.
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Headings ("4.2 Styregruppe", level = number of numbers) and paragraphs (blank-line separated). */
export function blocks(text) {
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((chunk) => {
      const heading = /^(\d+(?:\.\d+)*)\.?\s+\S.{0,90}$/.exec(chunk);
      if (heading && !chunk.endsWith('.')) return { level: heading[1].split('.').length, text: chunk };
      return { level: 0, text: chunk };
    });
}

/** The plan repeated until it has at least `words` words (for timing a long plan). */
export function lengthen(text, words) {
  let out = text;
  for (let copy = 2; out.split(/\s+/).length < words; copy++) out += `\n\n${copy}0 Bilag ${copy}\n\n${text}`;
  return out;
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function docx(text) {
  const paragraphs = blocks(text)
    .map(({ level, text }) => {
      const style = level ? `<w:pPr><w:pStyle w:val="Heading${Math.min(level, 3)}"/></w:pPr>` : '';
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
    })
    .join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  const styles = [1, 2, 3]
    .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:pPr><w:outlineLvl w:val="${n - 1}"/></w:pPr></w:style>`)
    .join('');
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${styles}</w:styles>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function pdf(text) {
  const document = await PDFDocument.create();
  const body = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const [width, height, margin] = [595, 842, 60];
  let page;
  let y = 0;
  const pages = [];
  const newPage = () => {
    page = document.addPage([width, height]);
    pages.push(page);
    y = height - margin;
  };
  newPage();
  for (const { level, text: chunk } of blocks(text)) {
    const [font, size] = level ? [bold, level === 1 ? 17 : 14] : [body, 11];
    const lines = [];
    let line = '';
    for (const word of chunk.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width - 2 * margin) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    y -= level ? size : 4;
    for (const text of lines) {
      if (y < margin + 30) newPage();
      page.drawText(text, { x: margin, y, size, font });
      y -= size * 1.35;
    }
    y -= 6;
  }
  pages.forEach((p, n) => p.drawText(String(n + 1), { x: width / 2, y: 30, size: 9, font: body }));
  return Buffer.from(await document.save());
}
