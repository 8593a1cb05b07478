// Reads a PDF's text layer with pdf.js. pdf.js is the app's own copy (scripts/build/finish-dist.mjs
// puts it in pdfjs/), fetched only when someone gives a PDF, and run without eval so the strict
// Content-Security-Policy holds. Returns {pages: JSON text} or {problem, detail}.
let pdfjs = null;

export async function pdf_pages(bytes) {
  const base = document.baseURI;
  try {
    pdfjs ??= await import(new URL('pdfjs/pdf.min.mjs', base).href);
    pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs/pdf.worker.min.mjs', base).href;
  } catch (error) {
    return { problem: 'unavailable', detail: String(error?.message ?? error) };
  }
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true }).promise;
  } catch (error) {
    if (error?.name === 'PasswordException') return { problem: 'encrypted', detail: '' };
    return { problem: 'unreadable', detail: String(error?.message ?? error) };
  }
  try {
    const pages = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      pages.push({ number, items: pageItems(await page.getTextContent()) });
      page.cleanup();
    }
    return { pages: JSON.stringify(pages) };
  } finally {
    await pdf.destroy();
  }
}

// A page's text runs as the scanner reads them (scan::PdfItem): the text, its size and where it
// starts, how wide it is, and which of the page's fonts it is set in. pdf.js names a font only by
// an id ("g_d0_f2"), so the scanner tells a heavier font from the body's by how wide its
// letters run. Kept apart so the test fixtures are made by this same code.
export function pageItems(content) {
  return content.items
    .filter((item) => typeof item.str === 'string')
    .map((item) => ({
      text: item.str,
      height: item.height,
      x: item.transform[4],
      y: item.transform[5],
      width: item.width,
      font: item.fontName ?? '',
      endOfLine: Boolean(item.hasEOL),
    }));
}
