// Writes a test plan (tests/plans/<name>.txt) as a flat ODF text document (.fodt) the way a
// LibreOffice user would have written it, for LibreOffice to save as ODT and DOCX (see README.md):
// headings numbered by the outline numbering (the numbers are not in the text), a table of
// contents, a footnote, a footer with the page number, one section's paragraphs as a bulleted
// list and another's in a table, a soft hyphen and a no-break space. Only the table of contents,
// the footnote and the footer add words, and none of them is the plan's running text.
//
//   node tests/plans/real/make-fodt.mjs tests/plans/plan-a.txt > /tmp/plan-a.numbered.fodt
//
// LibreOffice does not update a table of contents when it converts a file, so the page numbers
// in it are what this script writes: give it `pdftotext -layout` of a first PDF of the same plan
// as a second argument, and it takes each heading's page from there (else 1, 2, 3, …).
import { readFileSync } from 'node:fs';
import { blocks } from '../../../scripts/lib/plan-files.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = readFileSync(process.argv[2], 'utf8');
const all = blocks(text);
// The page each heading line is last seen on (after the table of contents) in a first PDF.
const pageOf = new Map();
if (process.argv[3]) {
  readFileSync(process.argv[3], 'utf8')
    .split('\f')
    .forEach((page, index) => page.split('\n').forEach((line) => pageOf.set(line.trim(), index + 1)));
}

const body = [];
const toc = [];
let section = '';
let footnoteDone = false;
let softHyphenDone = false;
let listOpen = false;
const closeList = () => {
  if (listOpen) body.push('</text:list>');
  listOpen = false;
};
all.forEach(({ level, text: chunk }, index) => {
  if (level) {
    closeList();
    const number = /^(\d+(?:\.\d+)*)\.?\s+/.exec(chunk);
    const title = chunk.slice(number[0].length);
    section = number[1];
    toc.push(`<text:p text:style-name="Contents_20_${level}">${esc(chunk)}<text:tab/>${pageOf.get(chunk) ?? toc.length + 1}</text:p>`);
    body.push(`<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${esc(title)}</text:h>`);
    return;
  }
  if (index === 0) return body.push(`<text:p text:style-name="Title">${esc(chunk)}</text:p>`);
  if (index === 1) {
    body.push(`<text:p text:style-name="Subtitle">${esc(chunk)}</text:p>`);
    body.push(`<text:table-of-content text:name="Indholdsfortegnelse"><text:table-of-content-source text:outline-level="2"><text:index-title-template text:style-name="Contents_20_Heading">Indhold</text:index-title-template></text:table-of-content-source><text:index-body><text:index-title text:name="Indholdsfortegnelse_Head"><text:p text:style-name="Contents_20_Heading">Indhold</text:p></text:index-title>__TOC__</text:index-body></text:table-of-content>`);
    return;
  }
  let xml = esc(chunk);
  if (!softHyphenDone && xml.includes('boligorganisationerne')) {
    xml = xml.replace('boligorganisationerne', 'bolig\u00adorganisationerne');
    softHyphenDone = true;
  }
  xml = xml.replace(/(\d) (procent|år|mio\.)/g, '$1\u00a0$2');
  if (!footnoteDone && section === '1') {
    xml += '<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Fodnote: lejemålstallet er opgjort pr. 1. januar 2011.</text:p></text:note-body></text:note>';
    footnoteDone = true;
  }
  if (section === '12') {
    if (!listOpen) body.push('<text:list text:style-name="Bullets">');
    listOpen = true;
    body.push(`<text:list-item><text:p text:style-name="List_20_Bullet">${xml}</text:p></text:list-item>`);
    return;
  }
  closeList();
  if (section === '11') {
    body.push(`<table:table table:name="Budget"><table:table-column table:number-columns-repeated="1"/><table:table-row><table:table-cell office:value-type="string"><text:p text:style-name="Table_20_Contents">${xml}</text:p></table:table-cell></table:table-row></table:table>`);
    return;
  }
  body.push(`<text:p text:style-name="Text_20_body">${xml}</text:p>`);
});
closeList();

const outline = [1, 2, 3]
  .map((n) => `<text:outline-level-style text:level="${n}" style:num-format="1"${n > 1 ? ` text:display-levels="${n}"` : ' style:num-suffix="."'}><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space"/></style:list-level-properties></text:outline-level-style>`)
  .join('');
const heading = (n, size) => `<style:style style:name="Heading_20_${n}" style:display-name="Heading ${n}" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="${n}" style:class="text"><style:text-properties fo:font-size="${size}pt" fo:font-weight="bold"/></style:style>`;
const contents = (n) => `<style:style style:name="Contents_20_${n}" style:display-name="Contents ${n}" style:family="paragraph" style:parent-style-name="Index" style:class="index"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="17cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>`;

process.stdout.write(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:language="da" fo:country="DK" fo:font-size="11pt"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-bottom="0.25cm"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/></style:style>
${heading(1, 16)}${heading(2, 13)}${heading(3, 12)}
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"><style:text-properties fo:font-size="24pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"/>
<style:style style:name="Index" style:family="paragraph" style:parent-style-name="Standard" style:class="index"/>
<style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Heading" style:class="index"/>
${contents(1)}${contents(2)}
<style:style style:name="List_20_Bullet" style:display-name="List Bullet" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"/>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<text:outline-style style:name="Outline">${outline}</text:outline-style>
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer><text:p text:style-name="Footer">Helhedsplan – side <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${body.join('\n').replace('__TOC__', () => toc.join(''))}
</office:text></office:body></office:document>
`);
