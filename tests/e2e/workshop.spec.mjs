// Workshops: participants' files in a group view, a consensus assessment, the projector view by
// keyboard alone, and the comparison of two assessments.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, createAssessment, storedAssessments, expectAccessible } from './fixtures.mjs';

const example = JSON.parse(readFileSync('docs/example-export.json', 'utf8'));

/** An export file for one participant, with the given statuses (others unanswered). */
function participantFile(name, statuses, notes = {}) {
  const file = structuredClone(example);
  const a = file.assessments[0];
  a.id = `deltager-${name.toLowerCase()}`;
  a.profile.assessor = name;
  a.answers = {};
  for (const [item, status] of Object.entries(statuses)) {
    a.answers[item] = {
      status, elements: [], documentedIn: '', notes: notes[item] ?? '', notRelevantReason: status === 'not-relevant' ? 'Ikke for os' : '',
      action: { description: '', owner: '', deadline: '' }, includedAnyway: null, evidencePlace: '', evidenceQuote: '',
    };
  }
  return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file, null, 2)) };
}

const PARTICIPANTS = [
  participantFile('Aisha', { 'faelles-analyse': 'met', sekretariat: 'met', borgerinddragelse: 'partly-met' }, { 'faelles-analyse': 'Vi lavede den sammen' }),
  participantFile('Bo', { 'faelles-analyse': 'met', sekretariat: 'not-met', borgerinddragelse: 'met' }, { sekretariat: 'For lille afdeling' }),
  participantFile('Carla', { 'faelles-analyse': 'met', sekretariat: 'partly-met', borgerinddragelse: 'met' }),
];

test('three participants\' files give the right counts and disagreement marks', async ({ page }) => {
  await openApp(page, '#/gruppe');
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop' })).toBeVisible();
  await expectAccessible(page, 'the empty workshop page');
  await page.getByLabel('Vælg deltagernes filer').setInputFiles(PARTICIPANTS);
  await expect(page.locator('#participant-list')).toHaveText('3 deltager(e): Aisha, Bo, Carla.');
  const items = page.locator('.group-item');
  await expect(items.first()).toContainText('K9 Størrelse og sekretariat');
  await expect(items.first()).toContainText('⚠ Uenige');
  await expect(items.first().locator('.group-item__counts')).toHaveText(/1\s*Opfyldt\s*1\s*Delvist opfyldt\s*1\s*Ikke opfyldt\s*0\s*Ikke relevant\s*0\s*Ikke besvaret/);
  await expect(items.first()).toContainText('Bo: For lille afdeling');
  await expect(items.nth(1)).toContainText('K7');
  await expect(items.nth(1)).toContainText('Lidt forskellige');
  const analysis = page.locator('.group-item', { hasText: 'K1 Fælles analyse' });
  await expect(analysis).toContainText('Enige');
  await expect(analysis.locator('.group-item__counts')).toContainText('3 Opfyldt');
  await expectAccessible(page, 'the group view');
  expect(await storedAssessments(page)).toEqual([]);
});

test('a consensus assessment starts pre-filled where everyone agreed', async ({ page }) => {
  await openApp(page, '#/gruppe');
  await page.getByLabel('Vælg deltagernes filer').setInputFiles(PARTICIPANTS);
  await expect(page.locator('#participant-list')).toContainText('3 deltager(e)');
  await page.getByRole('button', { name: 'Start en fælles vurdering' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Fælles vurdering/ })).toBeVisible();
  const [consensus] = await storedAssessments(page);
  expect(consensus.answers['faelles-analyse'].status).toBe('met');
  expect(consensus.answers.sekretariat).toBeUndefined();
  expect(consensus.answers.borgerinddragelse).toBeUndefined();
  expect(consensus.profile.planType).toBe('type-1');
  await page.goto('#/gruppe');
  await page.getByRole('button', { name: 'Fjern alle deltagerfiler' }).click();
  await expect(page.locator('#participant-list')).toHaveText('Der er ikke importeret nogen deltagerfiler endnu.');
  expect((await storedAssessments(page)).length).toBe(1);
});

test('the projector view is driven by keyboard alone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const id = await createAssessment(page, { name: 'Workshop' });
  await page.goto(`#/vurdering/${id}/oversigt`);
  await page.getByRole('link', { name: 'Projektorvisning' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('K1 Fælles analyse af områdets behov');
  await expect(page.locator('.projector')).toContainText('Spørgsmål til drøftelse');
  await expect(page.locator('.projector')).toContainText('Hvem fra kommunen var med til at lave analysen');
  await expectAccessible(page, 'the projector view');
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  // K2 applies only to renewals, so for this new plan → goes from K1 to K3.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('main h1')).toHaveText(/^K3 /);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('main h1')).toHaveText(/^K4 /);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('main h1')).toHaveText(/^K3 /);
  for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id === 'status-met')); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#status-partly-met')).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Gruppen er i tvivl om aftalerne');
  const [stored] = await storedAssessments(page);
  expect(stored.answers['organisering-snitflader']).toMatchObject({ status: 'partly-met', notes: 'Gruppen er i tvivl om aftalerne' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'nothing cut off sideways at 1280×720').toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: 'Afslut projektorvisning' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('Workshop');
});

test('a comparison shows what changed between two assessments', async ({ page }) => {
  const before = await createAssessment(page, { name: 'Sidste år' });
  await page.goto(`#/vurdering/${before}/punkt/sekretariat`);
  await page.getByLabel('Ikke opfyldt').check();
  await page.getByLabel('Hvad skal der gøres?').fill('Gå sammen med naboafdelingen');
  await openApp(page);
  await page.getByRole('button', { name: 'Kopiér Sidste år' }).click();
  const copy = (await storedAssessments(page)).find((a) => a.profile.planName === 'Kopi af Sidste år');
  await page.goto(`#/vurdering/${copy.id}/punkt/sekretariat`);
  await page.getByLabel('Opfyldt', { exact: true }).check();
  await page.goto('#/gruppe');
  await page.getByLabel('Før', { exact: true }).selectOption(before);
  await page.getByLabel('Nu', { exact: true }).selectOption(copy.id);
  await page.getByRole('button', { name: 'Sammenlign' }).click();
  await expect(page.locator('main h1')).toHaveText('Udvikling: Sidste år → Kopi af Sidste år');
  const row = page.locator('.comparison__changed');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('K9');
  await expect(row).toContainText('Ikke opfyldt → Opfyldt');
  await expect(page.locator('section', { hasText: 'Lukkede handlinger' })).toContainText('Gå sammen med naboafdelingen');
  await expectAccessible(page, 'the comparison');
});
