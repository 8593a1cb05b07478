// Reading the plan itself: a DOCX and a PDF of a test plan are read in the browser, item pages
// show where the plan seems to address them, a passage becomes the reference, and everything
// is still there after a reload. Bad files get a clear Danish message and change nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, createAssessment, expectAccessible } from './fixtures.mjs';
import { docx, pdf } from '../../scripts/lib/plan-files.mjs';

const PLAN_A = readFileSync('tests/plans/plan-a.txt', 'utf8');
const PLAN_B = readFileSync('tests/plans/plan-b.txt', 'utf8');

async function givePlan(page, name, buffer, mimeType) {
  await page.getByLabel('Vælg planen (DOCX, PDF eller ODT)').setInputFiles({ name, mimeType, buffer });
}

test('a DOCX and a PDF are read, passages show on item pages, one becomes the reference, and a reload keeps it all', async ({ page }) => {
  test.setTimeout(90_000);
  const id = await createAssessment(page, { name: 'Plan med tekst' });
  await page.goto(`#/vurdering/${id}/oversigt`);
  await page.getByRole('link', { name: 'Læs jeres plan' }).first().click();
  await expect(page.locator('main h1')).toHaveText('Læs jeres plan');
  await expect(page.locator('main')).toContainText('sendes aldrig nogen steder hen');
  await expectAccessible(page, 'the plan page');

  await givePlan(page, 'helhedsplan.docx', await docx(PLAN_A), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await expect(page.locator('#plan-result')).toContainText('helhedsplan.docx');
  await expect(page.locator('#plan-result')).toBeFocused();
  await expect(page.locator('#announcer')).toContainText('er læst');
  await expectAccessible(page, 'the plan page after reading a DOCX');
  // The text leaves the app only when asked for, as a file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent den læste tekst (JSON)' }).click()]);
  const passages = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(passages.length).toBeGreaterThan(10);
  expect(passages[0]).toHaveProperty('path');

  await page.goto(`#/vurdering/${id}/punkt/styregruppe-afklaring`);
  const findings = page.locator('.plan-findings');
  await expect(findings.locator('.plan-hit').first()).toBeVisible();
  expect(await findings.locator('.plan-hit').count()).toBeLessThanOrEqual(3);
  await expect(findings.locator('mark').first()).toBeVisible();
  await expectAccessible(page, 'an item page with passages from the plan');
  const place = (await findings.locator('.plan-hit__place span').first().textContent()).trim();
  await findings.getByRole('button', { name: /^Brug som henvisning/ }).first().click();
  await expect(page.locator('#documented-in')).toHaveValue(place);
  await expect(page.locator('#status-met')).not.toBeChecked();

  await page.reload();
  await expect(page.locator('#documented-in')).toHaveValue(place);
  await expect(page.locator('.plan-findings .plan-hit').first()).toBeVisible();

  // The overview: coverage per item, and what the plan seems to miss.
  await page.goto(`#/vurdering/${id}/oversigt`);
  await expect(page.locator('.task-list__coverage').first()).toContainText('I planen:');

  // A PDF replaces it, with page numbers.
  await page.goto(`#/vurdering/${id}/plan`);
  await givePlan(page, 'plan-b.pdf', await pdf(PLAN_B), 'application/pdf');
  await expect(page.locator('#plan-result')).toContainText('plan-b.pdf');
  await expect(page.locator('.plan-missing li').first()).toBeVisible();
  await page.goto(`#/vurdering/${id}/punkt/sekretariat`);
  await expect(page.locator('.plan-hit__place').first()).toContainText('side');

  // Removing it.
  await page.goto(`#/vurdering/${id}/plan`);
  await page.getByRole('button', { name: 'Fjern planen' }).click();
  await expect(page.locator('main')).toContainText('Der er ikke læst nogen plan');
  await expect(page.locator('#announcer')).toContainText('fjernet');
});

test('bad input gets a clear message and nothing changes', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Forkerte filer' });
  await page.goto(`#/vurdering/${id}/plan`);
  const status = page.locator('#plan-status');

  await givePlan(page, 'noter.docx', Buffer.from('bare noget tekst'), 'application/octet-stream');
  await expect(status).toContainText('hverken en Word-fil');
  await expect(status).toBeFocused();

  await givePlan(page, 'ødelagt.docx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]), 'application/octet-stream');
  await expect(status).toContainText('beskadiget');

  const scanned = await pdf('');
  await givePlan(page, 'scannet.pdf', scanned, 'application/pdf');
  await expect(status).toContainText('er den scannet?');

  await page.getByLabel('Eller indsæt planens tekst').fill('   ');
  await page.getByRole('button', { name: 'Læs teksten' }).click();
  await expect(status).toContainText('Der er ingen tekst');
  await expect(page.locator('main')).toContainText('Der er ikke læst nogen plan');
  await expectAccessible(page, 'the plan page after a refused file');
});

test('pasted text is read too', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Indsat' });
  await page.goto(`#/vurdering/${id}/plan`);
  await page.getByLabel('Eller indsæt planens tekst').fill(PLAN_A);
  await page.getByRole('button', { name: 'Læs teksten' }).click();
  await expect(page.locator('#plan-result')).toContainText('Indsat tekst');
});

test('an ODT and a PDF written by LibreOffice are read, with heading numbers and pages', async ({ page }) => {
  const id = await createAssessment(page, { name: 'LibreOffice' });
  await page.goto(`#/vurdering/${id}/plan`);
  await givePlan(page, 'plan-a.odt', readFileSync('tests/plans/real/plan-a.numbered.lo.odt'), 'application/vnd.oasis.opendocument.text');
  await expect(page.locator('#plan-result')).toContainText('plan-a.odt');
  await page.goto(`#/vurdering/${id}/punkt/styregruppe-afklaring`);
  await expect(page.locator('.plan-hit__place').first()).toContainText(/\d/);

  await page.goto(`#/vurdering/${id}/plan`);
  await givePlan(page, 'plan-a.pdf', readFileSync('tests/plans/real/plan-a.numbered.lo.pdf'), 'application/pdf');
  await expect(page.locator('#plan-result')).toContainText('plan-a.pdf');
  await page.goto(`#/vurdering/${id}/punkt/styregruppe-afklaring`);
  await expect(page.locator('.plan-hit__place').first()).toContainText('side');
});

// A plan laid out as real plans are (tests/plans/layouts/plan-d.plan): the two-column PDF's
// bold sub-headings, the DOCX's table rows, and an item the plan does not address.
test('a two-column PDF finds its bold sub-headings, a table row reads as one line (PDF and DOCX), a DOCX\'s bold paragraphs are sub-headings, and an unaddressed item gets no suggestion', async ({ page }) => {
  test.setTimeout(90_000);
  const id = await createAssessment(page, { name: 'Grønnehaven' });
  await page.goto(`#/vurdering/${id}/plan`);
  await givePlan(page, 'plan-d.pdf', readFileSync('tests/plans/layouts/plan-d.pdf'), 'application/pdf');
  await expect(page.locator('#plan-result')).toContainText('plan-d.pdf');

  // The steering group's work is a bold 11 pt sub-heading under "6. Organisering".
  await page.goto(`#/vurdering/${id}/punkt/styregruppe-afklaring`);
  const findings = page.locator('.plan-findings');
  await expect(findings.locator('.plan-hit__place').first()).toContainText('6. Organisering › Styregruppens arbejde, side 2');
  await expect(findings.locator('.plan-elements li').first()).toBeVisible();

  // Områdefornyelse is nowhere in the plan: said first, weak passages only as perhaps relevant,
  // and no element is given a place.
  await page.goto(`#/vurdering/${id}/punkt/omraadefornyelse`);
  await expect(findings.locator('.plan-findings__none')).toHaveText('Planen ser ikke ud til at handle om punktet.');
  await expect(findings.getByRole('heading', { name: 'Måske relevant' })).toBeVisible();
  await expect(findings.locator('.plan-elements')).toHaveCount(0);
  await expect(findings).not.toContainText('stærk');
  await expectAccessible(page, 'an item page for an item the plan does not address');

  // The PDF's change strategy table: its runs line up in columns, so each row is one line,
  // its cells labelled by the bold header row.
  const ROW = 'Ressourcer: To jobvejledere · Aktiviteter: Brobygning til jobcenter og uddannelse · Kortsigtede mål: 60 beboere om året i kontakt med jobcenteret · Langsigtede mål: Ledigheden falder med en fjerdedel';
  await page.goto(`#/vurdering/${id}/punkt/forandringsstrategi`);
  const pdfQuote = findings.locator('.plan-hit__text').first();
  await expect(pdfQuote).toContainText('Ressourcer: To jobvejledere');
  expect((await pdfQuote.innerText()).split('\n').map((line) => line.trim())).toContain(ROW);

  // The DOCX's change strategy table: each row one line, its cells labelled by the header.
  await page.goto(`#/vurdering/${id}/plan`);
  await givePlan(page, 'plan-d.docx', readFileSync('tests/plans/layouts/plan-d.docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await expect(page.locator('#plan-result')).toContainText('plan-d.docx');
  await page.goto(`#/vurdering/${id}/punkt/forandringsstrategi`);
  const quote = findings.locator('.plan-hit__text').first();
  await expect(quote).toContainText('Ressourcer: To jobvejledere');
  const lines = (await quote.innerText()).split('\n').map((line) => line.trim());
  expect(lines).toContain(ROW);

  // The same DOCX with its sub-headings made by hand, plain paragraphs in bold: the same place.
  await page.goto(`#/vurdering/${id}/plan`);
  await givePlan(page, 'plan-d.bold.docx', readFileSync('tests/plans/layouts/plan-d.bold.docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  await expect(page.locator('#plan-result')).toContainText('plan-d.bold.docx');
  await page.goto(`#/vurdering/${id}/punkt/styregruppe-afklaring`);
  await expect(findings.locator('.plan-hit__place span').first()).toHaveText('6. Organisering › Styregruppens arbejde');
});

// The evidence in the report: a passage chosen with "Brug som henvisning" is quoted under "Hvor
// i planen står det?" with its heading path and page, on screen, on paper and in the HTML file.
test('a passage chosen on an item page is quoted in the report, on screen, printed and in the HTML file', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const id = await createAssessment(page, { name: 'Grønnehaven Rapport' });
  await page.goto(`#/vurdering/${id}/plan`);
  await givePlan(page, 'plan-d.pdf', readFileSync('tests/plans/layouts/plan-d.pdf'), 'application/pdf');
  await expect(page.locator('#plan-result')).toContainText('plan-d.pdf');

  await page.goto(`#/vurdering/${id}/punkt/styregruppe-afklaring`);
  const hit = page.locator('.plan-findings .plan-hit').first();
  const place = (await hit.locator('.plan-hit__place span').textContent()).trim();
  expect(place).toBe('6. Organisering › Styregruppens arbejde, side 2');
  const passage = (await hit.locator('.plan-hit__text').innerText()).replace(/\s+/g, ' ').trim();
  const opening = passage.split(' ').slice(0, 6).join(' ');
  await hit.getByRole('button', { name: /^Brug som henvisning/ }).click();
  await expect(page.locator('#documented-in')).toHaveValue(place);
  await page.locator('#status-met').check();

  await page.goto(`#/vurdering/${id}/rapport`);
  const row = page.locator('.report-table tr').filter({ hasText: 'K11' });
  await expect(row).toContainText(place);
  await expect(row.locator('.report-evidence')).toContainText(opening);
  await expectAccessible(page, 'a report that quotes a chosen passage');

  await page.emulateMedia({ media: 'print' });
  const file = join(mkdtempSync(join(tmpdir(), 'evidence-')), 'rapport.pdf');
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(printed).toContain('Styregruppens arbejde, side 2');
  expect(printed).toContain(opening);
  await page.emulateMedia({ media: 'screen' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent rapporten som HTML-fil' }).click()]);
  const offline = await browser.newContext({ javaScriptEnabled: false });
  const reader = await offline.newPage();
  await reader.setContent(readFileSync(await download.path(), 'utf8'));
  await expect(reader.locator('.report-table tr').filter({ hasText: 'K11' }).locator('.report-evidence')).toContainText(opening);
  await offline.close();
});
