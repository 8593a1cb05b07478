// The readiness report: verdicts, the action plan, printing to PDF and the downloadable file.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, createAssessment, expectAccessible } from './fixtures.mjs';

const ITEMS = ['faelles-analyse', 'fornyelse-gennemgang', 'organisering-snitflader', 'udvikling-brobygning', 'forandringsstrategi',
  'kompetenceudvikling', 'borgerinddragelse', 'fysiske-tiltag', 'sekretariat', 'omraadefornyelse', 'styregruppe-sammensaetning',
  'styregruppe-afklaring', 'halvaarlig-evaluering', 'supplerer-kommunale-tilbud'];
const CODES = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8', 'K9', 'K10', 'A1', 'K11', 'K12', 'F1'];
/** Items that apply to a new Type 1 plan without an områdefornyelse. */
const APPLYING = ITEMS.filter((id) => !['fornyelse-gennemgang', 'omraadefornyelse', 'supplerer-kommunale-tilbud'].includes(id));

async function answer(page, id, item, status = 'met') {
  await page.goto(`#/vurdering/${id}/punkt/${item}`);
  await expect(page.locator('main h1')).toBeVisible();
  if (status === 'met') {
    for (const box of await page.locator('#elements input[type=checkbox]').all()) await box.check();
  }
  await page.locator(`#status-${status}`).check();
}

async function completeAssessment(page, name) {
  const id = await createAssessment(page, { name });
  await page.getByLabel('Boligorganisation').fill('Boligselskabet Sjælland');
  await page.getByLabel('Udfyldt af').fill('Projektleder Mette Holm');
  for (const item of APPLYING) await answer(page, id, item);
  return id;
}

async function openReport(page, id) {
  await page.goto(`#/vurdering/${id}/rapport`);
  await expect(page.locator('main h1')).toContainText('Parathedsrapport');
}

test('a fully met assessment is ready', async ({ page }) => {
  test.setTimeout(60_000);
  const id = await completeAssessment(page, 'Plan Klar');
  await openReport(page, id);
  await expect(page.locator('main h1')).toHaveText('Parathedsrapport: Plan Klar');
  await expect(page.locator('.report__verdict .verdict')).toHaveText('✓ Klar');
  await expect(page.locator('.report__verdict')).toContainText('10 opfyldt, 0 delvist opfyldt, 0 ikke opfyldt');
  await expect(page.getByText('Der er ingen åbne handlinger.')).toBeVisible();
  await expectAccessible(page, 'the report');
});

test('one krav not met makes the plan not ready and puts the krav in the action plan', async ({ page }) => {
  test.setTimeout(60_000);
  const id = await completeAssessment(page, 'Plan Ikke Klar');
  await answer(page, id, 'sekretariat', 'not-met');
  await page.getByLabel('Hvad skal der gøres?').fill('Gå sammen med naboafdelingen om et sekretariat');
  await page.getByLabel('Ansvarlig').fill('Bestyrelsen');
  await page.getByLabel('Frist').fill('2027-03-01');
  await openReport(page, id);
  await expect(page.locator('.report__verdict .verdict')).toHaveText('✗ Ikke klar');
  const plan = page.locator('.report-table--actions');
  await expect(plan.locator('tbody tr')).toHaveCount(1);
  await expect(plan).toContainText('K9');
  await expect(plan).toContainText('Gå sammen med naboafdelingen om et sekretariat');
  await expect(plan).toContainText('Bestyrelsen');
});

test('an assessment with unanswered krav is incomplete', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Plan Halv' });
  await answer(page, id, 'faelles-analyse');
  await openReport(page, id);
  await expect(page.locator('.report__verdict .verdict')).toHaveText('? Ikke færdig');
});

test('the printed PDF has every item code and none of the app around the report', async ({ page }) => {
  test.setTimeout(60_000);
  const id = await completeAssessment(page, 'Plan Til Print');
  await answer(page, id, 'borgerinddragelse', 'partly-met');
  await page.getByLabel('Hvad skal der gøres?').fill('Holde to dialogmøder <script>alert(1)</script> med beboerne');
  await openReport(page, id);
  await expect(page.getByRole('button', { name: 'Udskriv / gem som PDF' })).toBeVisible();
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  const pdf = join(dir, 'report.pdf');
  await page.emulateMedia({ media: 'print' });
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (const code of CODES) expect(text, `${code} in the PDF`).toMatch(new RegExp(`\\b${code}\\b`));
  for (const chrome of ['Udskriv / gem som PDF', 'Hent rapporten som HTML-fil', 'Tilbage til Tjek jeres svar', 'Dine data', 'Workshop', 'Gå til indholdet']) {
    expect(text, `"${chrome}" on paper`).not.toContain(chrome);
  }
  expect(text).toContain('<script>alert(1)</script>');
  const pages = Number(execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
  const footers = (text.match(/Plan Til Print/g) ?? []).length;
  expect(footers, 'the plan name on every page').toBeGreaterThanOrEqual(pages);
  expect(text, "page numbers").toMatch(new RegExp(`\\b1\\s*/\\s*${pages}\\b`));
});

test('the downloaded HTML report shows the same content with scripting disabled', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const id = await completeAssessment(page, 'Plan Til Fil');
  await answer(page, id, 'sekretariat', 'not-relevant');
  await page.getByLabel('Hvorfor er punktet ikke relevant for jeres plan?').fill('Afdelingen er stor nok <img src=x onerror=alert(1)>');
  await openReport(page, id);
  const onScreen = await page.locator('.report').innerText();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent rapporten som HTML-fil' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^parathedsrapport-plan-til-fil-\d{4}-\d{2}-\d{2}\.html$/);
  const file = readFileSync(await download.path(), 'utf8');
  expect(file).not.toMatch(/<script/i);
  expect(file).toContain('<style>');

  const offline = await browser.newContext({ javaScriptEnabled: false });
  const reader = await offline.newPage();
  await reader.setContent(file);
  await expect(reader.locator('h1')).toHaveText('Parathedsrapport: Plan Til Fil');
  expect(await reader.locator('.report').innerText()).toBe(onScreen);
  await expect(reader.locator('.report-table').getByText('Afdelingen er stor nok <img src=x onerror=alert(1)>')).toBeVisible();
  expect(await reader.locator('img').count()).toBe(0);
  const border = await reader.locator('.report-table thead th').first().evaluate((th) => getComputedStyle(th).borderBottomWidth);
  expect(border, 'the inline styles apply').toBe('2px');
  await offline.close();
});
