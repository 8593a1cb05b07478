// The kommune's review, the caseworker's side: a review started from the organisation's export
// file, decisions on an item and on a reason by keyboard alone (focus and announcements after
// every action), the verdict and progress from the engine, the printable "Kommunens
// tilbagemelding" and the feedback file for the organisation. Then the whole round trip in two
// browser contexts: the organisation answers and exports, the kommune reviews with the plan
// given and sends its feedback, the organisation sees it, fixes, and reports.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect, expectAccessible, createAssessment, appStarted } from './fixtures.mjs';
import { docx } from '../../scripts/lib/plan-files.mjs';

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

  // Deleting the assessment deletes its feedback; "Fortryd" brings both back.
  const feedbackKeys = () => org.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':feedback:')));
  expect(await feedbackKeys()).toEqual([`helhedsplan-tjek:feedback:${ASSESSMENT}`]);
  await org.goto('#/');
  await org.getByRole('button', { name: 'Slet Helhedsplan Mjølnerparken 2026', exact: true }).click();
  await org.getByRole('button', { name: 'Ja, slet vurderingen' }).click();
  await expect(org.locator('#undo-button')).toBeFocused();
  expect(await feedbackKeys()).toEqual([]);
  await org.keyboard.press('Enter');
  await expect(org.locator('#announcer')).toContainText('Helhedsplan Mjølnerparken 2026');
  expect(await feedbackKeys()).toEqual([`helhedsplan-tjek:feedback:${ASSESSMENT}`]);
  await org.goto(`#/vurdering/${ASSESSMENT}/punkt/sekretariat`);
  await expect(org.locator('.remark')).toContainText('Sekretariatet skal dække alle fire afdelinger.');
  expect(errors, 'errors thrown on the organisation\'s page').toEqual([]);
  await organisation.close();
});

// --- The whole round trip, as the "Done when" asks ---------------------------------------

const ITEMS = ['faelles-analyse', 'fornyelse-gennemgang', 'organisering-snitflader', 'udvikling-brobygning', 'forandringsstrategi',
  'kompetenceudvikling', 'borgerinddragelse', 'fysiske-tiltag', 'sekretariat', 'omraadefornyelse', 'styregruppe-sammensaetning',
  'styregruppe-afklaring', 'halvaarlig-evaluering'];
const NOT_RELEVANT = { 'fysiske-tiltag': 'Afdelingerne er netop renoveret.', omraadefornyelse: 'Områdefornyelsen slutter, før planen begynder.' };

/** Moves to a link or button by keyboard focus and follows it with Enter. */
async function press(page, locator) {
  await locator.focus();
  await expect(locator).toBeFocused();
  await page.keyboard.press('Enter');
}

test('the round trip: the organisation exports, the kommune reviews with the plan and sends feedback, the organisation fixes and reports', async ({ page: kommune, browser }) => {
  test.setTimeout(180_000);

  // --- The organisation's computer: a Type 1 renewal, two krav "Ikke relevant" with reasons. ---
  const organisation = await browser.newContext();
  const org = await organisation.newPage();
  const orgErrors = [];
  org.on('pageerror', (error) => orgErrors.push(error.message));
  const id = await createAssessment(org, { name: 'Plan Nord', origin: 'Fornyelse af en eksisterende helhedsplan', areaRenewal: 'Ja' });
  await org.getByLabel('Boligorganisation').fill('Boligselskabet Nord');
  for (const item of ITEMS) {
    await org.goto(`#/vurdering/${id}/punkt/${item}`);
    await expect(org.locator('main h1')).toBeVisible();
    if (NOT_RELEVANT[item]) {
      await org.locator('#status-not-relevant').check();
      await org.getByLabel('Hvorfor er punktet ikke relevant for jeres plan?').fill(NOT_RELEVANT[item]);
    } else {
      for (const box of await org.locator('#elements input[type=checkbox]').all()) await box.check();
      await org.locator('#status-met').check();
    }
  }
  await org.goto(`#/vurdering/${id}/oversigt`);
  const orgVerdict = org.locator('.verdict-panel');
  await expect(orgVerdict.locator('[data-level]')).toHaveText('Klar, hvis kommunen godkender begrundelserne');
  await org.goto('#/data');
  const [exported] = await Promise.all([org.waitForEvent('download'), org.getByRole('button', { name: 'Eksportér alle vurderinger' }).click()]);
  const exportFile = { name: exported.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await exported.path()) };

  // --- The kommune's computer: the export and the plan; decisions by keyboard alone. ---
  const say = announcer(kommune);
  await kommune.goto('#/gennemgang');
  await kommune.getByLabel('Vælg organisationens eksportfil (JSON)').setInputFiles(exportFile);
  await expect(kommune.getByRole('heading', { level: 1, name: 'Gennemgang: Plan Nord' })).toBeFocused();
  await expect(say).toHaveText('Gennemgang: Plan Nord'); // the new page, by its heading

  await kommune.getByLabel('Vælg planen (DOCX, PDF eller ODT)').setInputFiles({
    name: 'plan-nord.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await docx(readFileSync('tests/plans/plan-a.txt', 'utf8')),
  });
  await expect(kommune.locator('#review-plan-result')).toBeFocused({ timeout: 30_000 });
  await expect(kommune.locator('#review-plan-result')).toContainText('plan-nord.docx');
  await expect(say).toContainText('Planen «plan-nord.docx» er læst');
  await expectAccessible(kommune, 'a review with the plan given');

  await kommune.getByLabel('Sagsbehandler').focus();
  await kommune.keyboard.type('Anna Berg');
  await kommune.getByLabel('Dato for gennemgangen').fill('2026-12-01');

  // K9: "Ikke enig", with the comment it requires. The page shows what the plan says there.
  await press(kommune, kommune.getByRole('link', { name: /^K9 / }));
  await expect(kommune.getByRole('heading', { level: 1, name: /K9/ })).toBeFocused();
  await expect(kommune.locator('.plan-findings .plan-hit').first()).toContainText('Sekretariatet');
  await expect(kommune.locator('.plan-findings')).not.toContainText('Brug som henvisning');
  await kommune.getByLabel('Enig', { exact: true }).focus();
  await kommune.keyboard.press('ArrowDown');
  await expect(kommune.getByLabel('Ikke enig', { exact: true })).toBeChecked();
  await expect(kommune.getByLabel('Ikke enig', { exact: true })).toBeFocused();
  await expect(say).toHaveText('K9: Ikke enig. 0 af 13 gennemgået.');
  await kommune.keyboard.press('Tab');
  await expect(kommune.locator('#review-comment')).toBeFocused();
  await kommune.keyboard.type('Sekretariatet skal dække alle fire afdelinger.');
  await expectAccessible(kommune, 'K9 decided, with the plan\'s passages');

  // K8's reason: not accepted, with why.
  await press(kommune, kommune.getByRole('link', { name: 'Tilbage til gennemgangen' }).first());
  await expect(kommune.locator('main h1')).toBeFocused();
  await press(kommune, kommune.getByRole('link', { name: /^K8 / }));
  await expect(kommune.getByRole('heading', { level: 1, name: /K8/ })).toBeFocused();
  await expect(kommune.locator('.review-reason')).toHaveText(NOT_RELEVANT['fysiske-tiltag']);
  await expect(kommune.locator('.plan-findings')).toBeVisible();
  await kommune.getByLabel('Begrundelsen godkendes', { exact: true }).focus();
  await kommune.keyboard.press('ArrowDown');
  await expect(kommune.getByLabel('Begrundelsen godkendes ikke', { exact: true })).toBeChecked();
  await expect(kommune.getByLabel('Begrundelsen godkendes ikke', { exact: true })).toBeFocused();
  await expect(say).toHaveText('K8: Begrundelsen godkendes ikke. 1 af 13 gennemgået.');
  await kommune.keyboard.press('Tab');
  await expect(kommune.locator('#review-reason-comment')).toBeFocused();
  await kommune.keyboard.type('Afdeling 3 er ikke renoveret.');

  // K10's reason: accepted.
  await press(kommune, kommune.getByRole('link', { name: 'Tilbage til gennemgangen' }).first());
  await expect(kommune.locator('main h1')).toBeFocused();
  await press(kommune, kommune.getByRole('link', { name: /^K10 / }));
  await expect(kommune.getByRole('heading', { level: 1, name: /K10/ })).toBeFocused();
  await kommune.getByLabel('Begrundelsen godkendes', { exact: true }).focus();
  await kommune.keyboard.press('Space');
  await expect(kommune.getByLabel('Begrundelsen godkendes', { exact: true })).toBeChecked();
  await expect(kommune.getByLabel('Begrundelsen godkendes', { exact: true })).toBeFocused();
  await expect(say).toHaveText('K10: Begrundelsen godkendes. 3 af 13 gennemgået.');
  await expectAccessible(kommune, 'K10\'s reason accepted');

  // The overview: the objections first; the kommune's verdict.
  await press(kommune, kommune.getByRole('link', { name: 'Tilbage til gennemgangen' }).first());
  await expect(kommune.locator('main h1')).toBeFocused();
  const order = await kommune.locator('ol.review-items > li').evaluateAll((lis) => lis.map((li) => li.dataset.item));
  expect(order.slice(0, 3).sort()).toEqual(['fysiske-tiltag', 'omraadefornyelse', 'sekretariat']);
  expect(order.indexOf('omraadefornyelse')).toBe(2);
  await expect(kommune.locator('.document .report__verdict [data-level]')).toHaveAttribute('data-level', 'does-not-meet');

  // Printed: the document alone, on A4.
  await press(kommune, kommune.getByRole('link', { name: 'Se kommunens tilbagemelding' }));
  await expect(kommune.locator('main h1')).toBeFocused();
  const doc = kommune.locator('.document article.feedback');
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText('Kommunens tilbagemelding: Plan Nord');
  await expect(doc).toContainText('Sekretariatet skal dække alle fire afdelinger.');
  await expect(doc).toContainText('Afdeling 3 er ikke renoveret.');
  await expectAccessible(kommune, 'the feedback document');
  await kommune.emulateMedia({ media: 'print' });
  await expect(kommune.locator('.report-toolbar')).toBeHidden();
  const printed = test.info().outputPath('kommunens-tilbagemelding.pdf');
  writeFileSync(printed, await kommune.pdf({ format: 'A4', preferCSSPageSize: true }));
  const text = execFileSync('pdftotext', ['-layout', printed, '-']).toString();
  expect(text).toContain('Kommunens tilbagemelding: Plan Nord');
  expect(text).toContain('Anna Berg');
  expect(text).not.toContain('Hent tilbagemeldingsfilen til organisationen');
  await kommune.emulateMedia({ media: 'screen' });

  // The feedback file, by keyboard; focus stays on the button, and the outcome is said.
  const fileButton = kommune.getByRole('button', { name: 'Hent tilbagemeldingsfilen til organisationen' });
  const [sent] = await Promise.all([kommune.waitForEvent('download'), press(kommune, fileButton)]);
  await expect(fileButton).toBeFocused();
  await expect(say).toHaveText('Tilbagemeldingsfilen er hentet. Send den til organisationen.');
  const feedbackFile = { name: sent.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await sent.path()) };

  // --- Back at the organisation: the feedback attached; the remarks on the right items. ---
  await org.goto('#/data');
  await org.getByLabel('Vælg kommunens tilbagemeldingsfil (JSON)').setInputFiles(feedbackFile);
  await expect(org.locator('#feedback-outcome')).toBeFocused();
  await expect(org.locator('#announcer')).toHaveText('Kommunens tilbagemelding er knyttet til vurderingen.');

  await org.goto(`#/vurdering/${id}/oversigt`);
  await expect(orgVerdict.locator('[data-level]')).toHaveAttribute('data-level', 'not-ready');
  await expect(orgVerdict.locator('[data-level]')).toHaveText('Ikke klar');
  await expect(orgVerdict).toContainText('Kommunen har ikke godkendt 1 af jeres begrundelser.');
  const decided = await org.locator('section.decisions ul.decisions__list > li').evaluateAll((lis) => lis.map((li) => li.dataset.item));
  expect(decided).toEqual(['fysiske-tiltag', 'sekretariat', 'omraadefornyelse']);
  await expectAccessible(org, 'the overview with the kommune\'s decisions');

  await org.goto(`#/vurdering/${id}/punkt/sekretariat`);
  const remark = org.locator('.remark');
  await expect(remark).toContainText('Ikke enig');
  await expect(remark).toContainText('Sekretariatet skal dække alle fire afdelinger.');
  await org.goto(`#/vurdering/${id}/punkt/omraadefornyelse`);
  await expect(remark).toContainText('Begrundelsen godkendes');
  await expect(remark).not.toContainText('godkendes ikke');

  // The organisation fixes K9 (the comment is then about an earlier answer), and meets K8 instead
  // of arguing: the one reason left is accepted, so the plan is "Klar".
  await org.goto(`#/vurdering/${id}/punkt/sekretariat`);
  await org.getByLabel('Hvor i planen står det?').fill('Afsnit 9.2: sekretariatet dækker alle fire afdelinger');
  await expect(remark).toContainText('Kommunens bemærkning handler om et tidligere svar.');
  await org.goto(`#/vurdering/${id}/punkt/fysiske-tiltag`);
  await expect(remark).toContainText('Begrundelsen godkendes ikke');
  await expect(remark).toContainText('Afdeling 3 er ikke renoveret.');
  for (const box of await org.locator('#elements input[type=checkbox]').all()) await box.check();
  await org.locator('#status-met').check();
  await org.goto(`#/vurdering/${id}/oversigt`);
  await expect(orgVerdict.locator('[data-level]')).toHaveAttribute('data-level', 'ready');
  await expect(orgVerdict.locator('[data-level]')).toHaveText('Klar');
  await expect(orgVerdict).toContainText('Kommunen har godkendt jeres 1 begrundelse(r)');

  // The report: the organisation's answers and the kommune's decisions, in a dated section.
  await org.goto(`#/vurdering/${id}/rapport`);
  const report = org.locator('.document article.report');
  await expect(report.getByRole('heading', { name: 'Kommunens afgørelser' })).toBeVisible();
  await expect(report.locator('.decisions__dated')).toContainText('Tilbagemelding fra Anna Berg, dateret 2026-12-01');
  await expect(report.locator('li[data-item="sekretariat"]')).toContainText('Kommunens bemærkning handler om et tidligere svar.');
  await expect(report).toContainText('Afsnit 9.2: sekretariatet dækker alle fire afdelinger');
  await expect(report.locator('.report__verdict [data-level]')).toHaveAttribute('data-level', 'ready');
  await expectAccessible(org, 'the report with the kommune\'s decisions');
  expect(orgErrors, 'errors thrown on the organisation\'s page').toEqual([]);
  await organisation.close();
});

test('in English, both sides of the review read in English, and the municipality\'s quotations stay Danish', async ({ page, browser }) => {
  await page.goto('#/gennemgang');
  await appStarted(page);
  await page.locator('#lang-en').click();
  await expect(page.locator('main h1')).toHaveText('The municipality\'s review');
  await page.getByLabel('Choose the organisation\'s export file (JSON)').setInputFiles(EXPORT);
  await expect(page.getByRole('heading', { level: 1, name: 'Review: Helhedsplan Mjølnerparken 2026' })).toBeFocused();
  await expect(page.locator('#review-plan-heading')).toHaveText('The organisation\'s plan');
  await expect(page.locator('#review-plan')).toContainText('No plan has been given for this review.');
  await expect(page.locator('main')).toContainText('0 of 13 reviewed');
  await expectAccessible(page, 'a review in English');

  await page.getByRole('link', { name: /^K9 / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /K9/ })).toBeFocused();
  await expect(page.locator('blockquote[lang="da"]')).toContainText('sekretariat');
  await expect(page.locator('.plan-findings')).toContainText('No plan has been given for this review.');
  await page.getByLabel('Disagree', { exact: true }).check();
  await expect(announcer(page)).toHaveText('K9: Disagree. 0 of 13 reviewed.');
  await expect(page.locator('#review-comment-field')).toContainText('Write a comment.');
  await page.locator('#review-comment').fill('The secretariat must cover all four departments.');
  await expectAccessible(page, 'a review\'s item in English');

  await page.getByRole('link', { name: 'Back to the review' }).first().click();
  await page.getByRole('link', { name: 'See the municipality\'s feedback' }).click();
  const doc = page.locator('.document article.feedback');
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText('The municipality\'s feedback: Helhedsplan Mjølnerparken 2026');
  await expect(doc).toContainText('Caseworker');
  await expect(doc).not.toContainText('Sagsbehandler');
  await expect(doc).not.toContainText('gennemgået');
  await expectAccessible(page, 'the feedback document in English');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the feedback file for the organisation' }).click(),
  ]);

  // The organisation, in English too.
  const organisation = await browser.newContext();
  const org = await organisation.newPage();
  await org.goto('#/data');
  await appStarted(org);
  await org.locator('#lang-en').click();
  await org.getByLabel('Choose a file').setInputFiles(EXPORT);
  await expect(org.getByRole('status').filter({ hasText: 'imported' })).toBeVisible();
  await org.getByLabel('Choose the municipality\'s feedback file (JSON)').setInputFiles({
    name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await download.path()),
  });
  await expect(org.locator('#feedback-outcome')).toHaveText('The municipality\'s feedback has been attached to the assessment.');
  await org.goto(`#/vurdering/${ASSESSMENT}/punkt/sekretariat`);
  await expect(org.locator('.remark')).toContainText('The municipality\'s remark');
  await expect(org.locator('.remark')).toContainText('Disagree');
  await expect(org.locator('.remark')).toContainText('The secretariat must cover all four departments.');
  await expect(org.locator('blockquote[lang="da"]').first()).toBeVisible();
  await expectAccessible(org, 'an item with the municipality\'s remark, in English');
  await org.goto(`#/vurdering/${ASSESSMENT}/rapport`);
  await expect(org.locator('.document article.report').getByRole('heading', { name: 'The municipality\'s decisions' })).toBeVisible();
  await organisation.close();
});

test('a review changed in another tab is taken in, and its page says so', async ({ page, context }) => {
  await page.goto('#/gennemgang');
  await page.getByLabel('Vælg organisationens eksportfil (JSON)').setInputFiles(EXPORT);
  await expect(page.getByRole('heading', { level: 1, name: /^Gennemgang:/ })).toBeFocused();
  const item = `${page.url()}/punkt/sekretariat`;
  await page.goto(item);
  await expect(page.getByRole('heading', { level: 1, name: /K9/ })).toBeVisible();
  const other = await context.newPage();
  await other.goto(item);
  await other.getByLabel('Mangler oplysninger', { exact: true }).check();

  await expect(page.getByLabel('Mangler oplysninger', { exact: true })).toBeChecked();
  const notice = page.getByRole('status').filter({ hasText: 'Gennemgangen er ændret i en anden fane.' });
  await expect(notice).toBeVisible();
  // This tab's next change keeps the other's decision.
  await page.locator('#review-comment').fill('Hvem leder sekretariatet?');
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('helhedsplan-tjek:review:'));
    return JSON.parse(localStorage.getItem(key)).review.items.sekretariat;
  });
  expect(stored).toMatchObject({ decision: 'needs-information', comment: 'Hvem leder sekretariatet?' });
  await notice.getByRole('button').click();
  await expect(notice).toBeHidden();
  await expect(page.locator('#review-comment')).toHaveValue('Hvem leder sekretariatet?');
  await other.close();
});
