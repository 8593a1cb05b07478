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
      const content = await page.getTextContent();
      const items = content.items
        .filter((item) => typeof item.str === 'string')
        .map((item) => ({ text: item.str, height: item.height, y: item.transform[5], endOfLine: Boolean(item.hasEOL) }));
      pages.push({ number, items });
      page.cleanup();
    }
    return { pages: JSON.stringify(pages) };
  } finally {
    await pdf.destroy();
  }
}
