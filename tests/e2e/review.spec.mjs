// The kommune's review, the caseworker's side: a review started from the organisation's export
// file, decisions on an item and on a reason by keyboard alone (focus and announcements after
// every action), the verdict and progress from the engine, the printable "Kommunens
// tilbagemelding" and the feedback file for the organisation.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible } from './fixtures.mjs';

const ASSESSMENT = 'lq3k9x2a-4f7c1';

const announcer = (page) => page.locator('#announcer');
// K1 met, K9 partly met, A1 (an anbefaling) Ikke relevant with a reason; Type 1.
const EXPORT = {
  name: 'helhedsplan-mjoelnerparken.json',
  mimeType: 'application/json',
  buffer: readFileSync('tests/fixtures/schema-1/export.json'),
};

test('a caseworker reviews an application by keyboard and the organisation, on another computer, sees the feedback', async ({ page, browser }) => {
  await page.goto('#/gennemgang');
  await expect(page.getByRole('heading', { level: 1, name: 'Kommunens gennemgang' })).toBeVisible();
  await expect(page.locator('#reviews-none')).toBeVisible();
  await expectAccessible(page, 'the empty list of reviews');

  // A file that is not an export is refused, and nothing is started.
  await page.getByLabel('Vælg organisationens eksportfil (JSON)').setInputFiles({
    name: 'noget.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "noget andet"}'),
  });
  await expect(page.locator('#review-refused')).toBeFocused();
  await expect(page.locator('#review-refused')).toContainText('Filen er ikke en eksport fra Helhedsplan-tjek');
  await expect(page.locator('#review-refused')).toContainText('Intet er ændret.');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':review:')))).toEqual([]);

  await page.getByLabel('Vælg organisationens eksportfil (JSON)').setInputFiles(EXPORT);
  await expect(page.getByRole('heading', { level: 1, name: 'Gennemgang: Helhedsplan Mjølnerparken 2026' })).toBeVisible();
  await expect(page.locator('main h1')).toBeFocused();
  const panel = page.locator('.document .report__verdict');
  await expect(panel.locator('[data-level]')).toHaveAttribute('data-level', 'unfinished');
  await expect(panel).toContainText('0 af 13 gennemgået');
  await expectAccessible(page, 'a new review');

  await page.getByLabel('Sagsbehandler').fill('Anna Berg');
  await page.getByLabel('Dato for gennemgangen').fill('2026-12-01');

  // K9 (partly met): "Ikke enig", chosen by keyboard, then the comment it requires.
  await page.getByRole('link', { name: /^K9 / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /K9/ })).toBeFocused();
  await expect(page.locator('blockquote[lang="da"]')).toBeVisible();
  await expect(page.locator('.document')).toContainText('Delvist opfyldt');
  await page.getByLabel('Enig', { exact: true }).focus();
  await page.keyboard.press('ArrowDown'); // moves to and selects "Ikke enig"
  await expect(page.getByLabel('Ikke enig', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Ikke enig', { exact: true })).toBeFocused();
  await expect(announcer(page)).toHaveText('K9: Ikke enig. 0 af 13 gennemgået.');
  await expect(page.locator('#review-comment-field')).toContainText('Skriv en kommentar. Den er påkrævet');
  await page.keyboard.press('Tab');
  await expect(page.locator('#review-comment')).toBeFocused();
  await page.keyboard.type('Sekretariatet skal dække alle fire afdelinger.');
  await expect(page.locator('#review-comment-field')).not.toContainText('Skriv en kommentar');
  await expectAccessible(page, 'an item decided');

  // A1's reason: accepted, by keyboard.
  await page.goto(page.url().replace(/punkt\/sekretariat$/, 'punkt/styregruppe-sammensaetning'));
  await expect(page.getByRole('heading', { level: 1, name: /A1/ })).toBeFocused();
  await expect(page.locator('.review-reason')).toContainText('Styregruppen er fælles med områdefornyelsen.');
  await page.getByLabel('Begrundelsen godkendes', { exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Begrundelsen godkendes', { exact: true })).toBeChecked();
  await expect(announcer(page)).toHaveText('A1: Begrundelsen godkendes. 2 af 13 gennemgået.');
  await page.getByRole('link', { name: 'Tilbage til gennemgangen' }).first().click();

  // The overview: the disagreement first, then the accepted reason; the kommune's verdict.
  await expect(page.locator('main h1')).toBeFocused();
  const items = page.locator('ol.review-items > li');
  await expect(items.nth(0)).toHaveAttribute('data-item', 'sekretariat');
  await expect(items.nth(1)).toHaveAttribute('data-item', 'styregruppe-sammensaetning');
  await expect(panel.locator('[data-level]')).toHaveAttribute('data-level', 'does-not-meet');
  await expect(panel).toContainText('K9 Størrelse og sekretariat: kommunen er ikke enig');
  await expect(panel).toContainText('2 af 13 gennemgået');

  // The printable feedback, and the file for the organisation.
  await page.getByRole('link', { name: 'Se kommunens tilbagemelding' }).click();
  const doc = page.locator('.document article.feedback');
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText('Kommunens tilbagemelding: Helhedsplan Mjølnerparken 2026');
  await expect(doc.locator('dt:text-is("Sagsbehandler") + dd')).toHaveText('Anna Berg');
  await expect(doc).toContainText('Sekretariatet skal dække alle fire afdelinger.');
  await expect(doc.locator('#feedback-reasons-accepted')).toContainText('Styregruppen er fælles med områdefornyelsen.');
  await expectAccessible(page, 'the feedback document');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Hent tilbagemeldingsfilen til organisationen' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kommunens-tilbagemelding-helhedsplan-mjoelnerparken-2026-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file.format).toBe('helhedsplan-tjek.feedback');
  expect(file.feedback.assessment).toMatchObject({ id: 'lq3k9x2a-4f7c1', updatedAt: '2026-11-20T14:32:10.512Z' });
  expect(file.feedback.caseworker).toBe('Anna Berg');
  expect(file.feedback.verdict).toBe('does-not-meet');
  expect(file.feedback.items.sekretariat).toMatchObject({ decision: 'disagree', comment: 'Sekretariatet skal dække alle fire afdelinger.' });
  expect(file.feedback.items['styregruppe-sammensaetning'].reasonDecision).toBe('accepted');
  await expect(announcer(page)).toHaveText('Tilbagemeldingsfilen er hentet. Send den til organisationen.');

  // The review is kept apart from the caseworker's own assessments, and survives a reload.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.filter((k) => k.startsWith('helhedsplan-tjek:review:'))).toHaveLength(1);
  expect(keys.filter((k) => k.startsWith('helhedsplan-tjek:assessment:'))).toEqual([]);
  await page.reload();
  await expect(doc).toContainText('Sekretariatet skal dække alle fire afdelinger.');

  // The organisation's computer: its own assessment, then the kommune's file on "Dine data".
  const organisation = await browser.newContext();
  const org = await organisation.newPage();
  const errors = [];
  org.on('pageerror', (error) => errors.push(error.message));
  await org.goto('#/data');
  await org.getByLabel('Vælg en fil').setInputFiles(EXPORT);
  await expect(org.getByRole('status').filter({ hasText: 'importeret' })).toContainText('1 vurdering(er) er importeret.');
  const feedbackText = readFileSync(await download.path());
  const elsewhere = JSON.parse(feedbackText.toString());
  elsewhere.feedback.assessment.id = 'en-anden-vurdering';
  const pick = org.getByLabel('Vælg kommunens tilbagemeldingsfil (JSON)');
  await pick.setInputFiles({ name: 'anden.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(elsewhere)) });
  await expect(org.locator('#feedback-outcome')).toBeFocused();
  await expect(org.locator('#feedback-outcome')).toContainText('som ikke findes i denne browser. Intet er ændret.');
  expect(await org.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':feedback:')))).toEqual([]);
  await pick.setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: feedbackText });
  await expect(org.locator('#feedback-outcome')).toHaveText('Kommunens tilbagemelding er knyttet til vurderingen.');
  await expect(org.locator('#feedback-outcome')).toBeFocused();
  await expect(org.locator('#announcer')).toHaveText('Kommunens tilbagemelding er knyttet til vurderingen.');
  await expectAccessible(org, 'Dine data with a feedback attached');

  // K9 shows the kommune's remark next to the answer; after the fix, it says it was about an earlier answer.
  await org.goto(`#/vurdering/${ASSESSMENT}/punkt/sekretariat`);
  const remark = org.locator('.remark');
  await expect(remark).toContainText('Kommunens bemærkning');
  await expect(remark).toContainText('Ikke enig');
  await expect(remark).toContainText('Sekretariatet skal dække alle fire afdelinger.');
  await expect(remark).not.toContainText('tidligere svar');
  await org.getByLabel('Opfyldt', { exact: true }).check();
  await expect(remark).toContainText('Kommunens bemærkning handler om et tidligere svar.');
  await expect(remark).toContainText('Svaret, kommunen så: Delvist opfyldt');
  await expectAccessible(org, 'an item with the kommune\'s remark');

  // The overview lists what the kommune asks for; the report has the kommune's decisions, dated.
  await org.goto(`#/vurdering/${ASSESSMENT}/oversigt`);
  const decisions = org.locator('section.decisions');
  await expect(decisions.getByRole('heading', { name: 'Kommunens afgørelser' })).toBeVisible();
  await expect(decisions.locator('li').first()).toHaveAttribute('data-item', 'sekretariat');
  await org.goto(`#/vurdering/${ASSESSMENT}/rapport`);
  const report = org.locator('.document article.report');
  await expect(report.getByRole('heading', { name: 'Kommunens afgørelser' })).toBeVisible();
  await expect(report).toContainText('Tilbagemelding fra Anna Berg, dateret 2026-12-01');
  await expectAccessible(org, 'the report with the kommune\'s decisions');
  expect(errors, 'errors thrown on the organisation\'s page').toEqual([]);
  await organisation.close();
});
