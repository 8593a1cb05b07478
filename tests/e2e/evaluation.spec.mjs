// The kommune's evaluation: plans' strategiskabelon files imported at once (a broken one refused
// by name, the rest loaded), the counts, the share with good progress, both charts with their
// tables, the plans with major challenges, one plan opened; by keyboard, with focus and
// announcements after every action.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, expectAccessible } from './fixtures.mjs';

const example = JSON.parse(readFileSync('tests/fixtures/evaluation-schema-1/export.json', 'utf8'));
const announcer = (page) => page.locator('#announcer');

/** A plan's export file: `progress` lists its activities' levels; `ratings` the two levels. */
function planFile(id, name, progress, ratings, updatedAt = '2027-06-20T10:00:00.000Z') {
  const file = structuredClone(example);
  const s = file.strategiskabeloner[0];
  s.id = `${id}-2027-h1`;
  s.plan.id = id;
  s.plan.name = name;
  s.updatedAt = updatedAt;
  s.activities = progress.map((level, n) => ({
    id: `a${n}`, name: `Aktivitet ${n + 1}`, targetGroups: ['boern-og-unge'], items: [], progress: level, reason: '',
  }));
  s.ratings = {};
  if (ratings) {
    s.ratings.kommunen = { level: ratings[0], comment: '' };
    s.ratings.tvaerkommunalt = { level: ratings[1], comment: `Kommentar fra ${name}` };
  }
  return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file, null, 2)) };
}

const FILES = [
  planFile('nord', 'Plan Nord', ['god', 'god', 'nogen'], ['fungerer-godt', 'stoerre-udfordringer']),
  planFile('syd', 'Plan Syd', ['god', 'ingen', null], ['mindre-udfordringer', 'fungerer-godt']),
  planFile('oest', 'Plan Øst', ['god', 'ikke-startet'], null),
  planFile('vest', 'Plan Vest', [], ['fungerer-godt', 'fungerer-godt']),
  { name: 'ødelagt.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "helhedsplan-tjek.strategiskabeloner", oops') },
];

test('the kommune imports five files, one broken, and sees the counts, both figures and the plans', async ({ page }) => {
  await page.goto('#/evaluering');
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluering på tværs af planer', exact: true })).toBeVisible();
  await expect(page.locator('#evaluation-empty')).toBeVisible();
  await expectAccessible(page, 'the empty evaluation page');

  await page.getByLabel('Vælg strategiskabeloner (JSON-filer)').setInputFiles(FILES);
  const outcome = page.locator('#evaluation-outcome');
  await expect(outcome).toBeFocused();
  await expect(outcome).toContainText('4 fil(er) læst, 1 afvist. 4 ny(e), 0 erstattet, 0 uændret.');
  await expect(outcome.locator('.evaluation-outcome__refused')).toHaveText(/^ødelagt\.json: Filen er ikke gyldig JSON/);
  await expect(outcome).toContainText('Plan Nord, 1. halvår 2027: hentet ind.');
  await expect(announcer(page)).toHaveText('4 fil(er) læst, 1 afvist. 4 ny(e), 0 erstattet, 0 uændret.');

  const doc = page.locator('.document');
  // One h1, the page's; the summary's title is the h2 below it.
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(doc.getByRole('heading', { level: 2 }).first()).toHaveText('Evaluering på tværs af planer: 1. halvår 2027');
  await expect(doc.locator('section[aria-labelledby="summary-figures"] dt:text-is("Planer") + dd')).toHaveText('4');
  await expect(doc.locator('dt:text-is("Aktiviteter i alt") + dd')).toHaveText('8');
  await expect(doc.locator('dt:text-is("God fremdrift") + dd')).toHaveText('4 (50 %)');
  // Both figures are charts with a text alternative, and the numbers are also in tables.
  await expect(doc.getByRole('img')).toHaveCount(3);
  await expect(doc.getByRole('img').first()).toHaveAccessibleName(/^Fremdrift i 8 aktiviteter\. God fremdrift: 4 \(50 %\)/);
  const progressTable = doc.locator('table', { has: page.locator('caption', { hasText: /^Tallene bag figuren$/ }) });
  await expect(progressTable.locator('tr', { hasText: 'Ikke vurderet' })).toContainText('1');
  const ratingsTable = doc.locator('table', { has: page.locator('caption', { hasText: 'antal planer' }) });
  await expect(ratingsTable.locator('tr', { hasText: 'rummer større udfordringer' })).toContainText('0 (0 %)1 (25 %)');
  await expectAccessible(page, 'the evaluation with four plans');

  // Filter to the plans that say "rummer større udfordringer", by keyboard.
  const plans = page.locator('.evaluation-plan-list li');
  await expect(plans).toHaveCount(4);
  await expect(plans.first()).toContainText('Plan Nord');
  await page.getByLabel(/Vis kun planer, der vurderer, at et samarbejde/).focus();
  await page.keyboard.press('Space');
  await expect(plans).toHaveCount(1);
  await expect(announcer(page)).toHaveText('1 plan(er) vises.');
  await expect(page.getByLabel(/Vis kun planer/)).toBeFocused();

  // Open the plan; its strategiskabelon is shown, and the way back works.
  await plans.first().getByRole('link', { name: 'Plan Nord' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Strategiskabelon: Plan Nord' })).toBeFocused();
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('.document')).toContainText('Kommentar fra Plan Nord');
  await expectAccessible(page, 'one plan\'s strategiskabelon');
  await page.getByRole('link', { name: 'Tilbage til evalueringen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluering på tværs af planer', exact: true })).toBeVisible();
  await expect(page.locator('.document')).toContainText('Plan Øst');
});

test('a newer file for the same plan and period replaces the older, and says so', async ({ page }) => {
  await page.goto('#/evaluering');
  const pick = page.getByLabel('Vælg strategiskabeloner (JSON-filer)');
  await pick.setInputFiles([planFile('nord', 'Plan Nord', ['nogen'], null, '2027-06-01T10:00:00.000Z')]);
  await expect(page.locator('#evaluation-outcome')).toContainText('1 ny(e)');
  await pick.setInputFiles([planFile('nord', 'Plan Nord', ['god', 'god'], null, '2027-06-15T10:00:00.000Z')]);
  await expect(page.locator('#evaluation-outcome')).toContainText(
    'Plan Nord, 1. halvår 2027: erstattede en ældre udgave (fra 2027-06-01).',
  );
  await expect(page.locator('.document dt:text-is("Aktiviteter i alt") + dd')).toHaveText('2');
  await page.reload();
  await expect(page.locator('.document dt:text-is("God fremdrift") + dd')).toHaveText('2 (100 %)');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':indmelding:')));
  expect(stored).toEqual(['helhedsplan-tjek:indmelding:nord:2027-H1']);

  await page.getByRole('button', { name: 'Fjern de indhentede strategiskabeloner' }).click();
  await expect(page.getByLabel('Vælg strategiskabeloner (JSON-filer)')).toBeFocused();
  await expect(page.locator('#evaluation-empty')).toBeVisible();
});

/** Prints the page to an A4 PDF as the browser's "Gem som PDF" would; returns its text and page
 * count. With E2E_PRINT_DIR set, the PDF is kept there under `name` (to look at, as PNGs). */
async function printed(page, name) {
  const dir = process.env.E2E_PRINT_DIR ?? mkdtempSync(join(tmpdir(), 'evaluation-'));
  mkdirSync(dir, { recursive: true });
  const pdf = join(dir, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  const pages = Number(execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
  return { text, pages };
}

test('the summary and one plan print on A4 with their title at the foot of every page and none of the app', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('#/evaluering');
  await page.getByLabel('Vælg strategiskabeloner (JSON-filer)').setInputFiles(FILES);
  await expect(page.locator('#evaluation-outcome')).toBeFocused();
  const summary = await printed(page, 'evaluation-summary');
  expect(summary.text).toContain('Planer med strategiskabelon');
  expect(summary.text).toContain('Helhedsplanernes vurdering af fremdrift i aktiviteter');
  for (const chrome of ['Udskriv / gem som PDF', 'Vælg strategiskabeloner', 'Fjern de indhentede', 'Vis kun planer']) {
    expect(summary.text, `"${chrome}" on paper`).not.toContain(chrome);
  }
  const title = 'Evaluering på tværs af planer: 1. halvår 2027';
  expect((summary.text.match(new RegExp(title, 'g')) ?? []).length, 'the title at the foot of every page').toBeGreaterThanOrEqual(summary.pages);
  expect(summary.text, 'page numbers').toMatch(new RegExp(`\\b1\\s*/\\s*${summary.pages}\\b`));

  await page.locator('.evaluation-plan-list').getByRole('link', { name: 'Plan Nord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategiskabelon: Plan Nord' })).toBeFocused();
  const plan = await printed(page, 'evaluation-plan');
  const footer = 'Strategiskabelon: Plan Nord, 1. halvår 2027';
  expect((plan.text.match(new RegExp(footer, 'g')) ?? []).length, 'the plan at the foot of every page').toBeGreaterThanOrEqual(plan.pages);
  expect(plan.text).not.toContain('Tilbage til evalueringen');
});

test('another tab\'s import shows in the overview at once, and is said', async ({ page, context }) => {
  await page.goto('#/evaluering');
  await expect(page.locator('#evaluation-empty')).toBeVisible();
  const other = await context.newPage();
  await other.goto('#/evaluering');
  await other.getByLabel('Vælg strategiskabeloner (JSON-filer)').setInputFiles(FILES.slice(0, 2));
  await expect(other.locator('#evaluation-outcome')).toContainText('2 ny(e)');
  await expect(page.getByText('De indhentede strategiskabeloner er ændret i en anden fane.')).toBeVisible();
  await expect(page.locator('.document dt:text-is("Planer") + dd')).toHaveText('2');
  await other.close();
  await page.getByRole('link', { name: 'Plan Syd' }).click();
  await expect(page.getByText('De indhentede strategiskabeloner er ændret i en anden fane.')).toHaveCount(0);
});

test('the kommune\'s screens in English, with the source\'s words in Danish and marked so', async ({ page }) => {
  await page.goto('#/evaluering');
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluering på tværs af planer', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Evaluation across plans', exact: true })).toBeVisible();
  await page.getByLabel('Choose strategy templates (JSON files)').setInputFiles(FILES);
  const outcome = page.locator('#evaluation-outcome');
  await expect(outcome).toBeFocused();
  await expect(outcome).toContainText('4 file(s) read, 1 refused. 4 new, 0 replaced, 0 unchanged.');
  await expect(outcome.locator('.evaluation-outcome__refused')).toHaveText(/^ødelagt\.json: The file is not valid JSON/);
  const doc = page.locator('.document');
  await expect(doc.locator('article')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(doc.getByRole('heading', { level: 2 }).first()).toHaveText('Evaluation across plans: First half of 2027');
  await expect(doc.locator('dt:text-is("Good progress") + dd')).toHaveText('4 (50%)');
  // The figures' titles and the rating levels are the evaluation's own Danish words.
  await expect(doc.locator('figcaption span[lang="da"]').first()).toHaveText('Helhedsplanernes vurdering af fremdrift i aktiviteter');
  await expect(doc.locator('th[scope="row"] span[lang="da"]', { hasText: 'rummer større udfordringer' })).toHaveCount(1);
  await expect(page.locator('label[for="evaluation-only-major"] span[lang="da"]')).toHaveText('rummer større udfordringer');
  await expect(doc.locator('blockquote').first()).toHaveAttribute('lang', 'da');
  await expectAccessible(page, 'the evaluation in English');
  await page.locator('.evaluation-plan-list').getByRole('link', { name: 'Plan Nord' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategy template: Plan Nord' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Back to the evaluation' })).toBeVisible();
  await expectAccessible(page, 'one plan in English');

  // The plan's side in English: the rating levels are the source's words, marked Danish, with
  // the translation as their hint.
  await page.goto('#/strategiskabeloner');
  await expect(page.getByRole('heading', { level: 1, name: 'Strategy templates' })).toBeVisible();
  await page.getByLabel('The plan\'s name').fill('Plan Nord');
  await page.getByRole('button', { name: 'Start the strategy template' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategy template: Plan Nord' })).toBeFocused();
  await expect(page.locator('p.hint span[lang="da"]', { hasText: 'vurderes fremdriften at være god' })).toBeVisible();
  const rating = page.getByRole('group', { name: 'The cross-departmental collaboration' });
  const major = rating.getByLabel('rummer større udfordringer');
  await expect(major).toHaveAccessibleDescription('has major challenges');
  await expect(rating.locator('label[lang="da"]', { hasText: 'rummer større udfordringer' })).toBeVisible();
  await major.check();
  await page.getByRole('group', { name: 'Which challenges does the plan meet?' }).getByLabel('Other').check();
  await page.getByRole('button', { name: 'Export for the municipality (JSON)' }).click();
  await expect(page.getByLabel('Which other challenge?')).toBeFocused();
  await expect(page.getByLabel('Which other challenge?')).toHaveAccessibleDescription(/^Write which other challenge the plan meets\./);
  await page.getByRole('button', { name: 'Add an activity' }).click();
  await expect(page.getByRole('group', { name: 'Activity 1' }).getByLabel('Activity', { exact: true })).toBeFocused();
  await expectAccessible(page, 'a strategy template in English');
});

test('on a 360 px phone the charts\' labels keep a readable size and nothing runs off the screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const lang of ['da', 'en']) {
    await page.goto('#/evaluering');
    await expect(page.locator('main h1')).toBeVisible();
    if (lang === 'en') await page.locator('#lang-en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.locator('#evaluation-files').setInputFiles(FILES.slice(0, 4));
    await expect(page.locator('.document svg')).toHaveCount(3);
    const sizes = await page.locator('.chart__label, .chart__value').evaluateAll((texts) =>
      texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.ownerSVGElement.getScreenCTM()?.a ?? 1)));
    expect(Math.min(...sizes), `the smallest chart text in ${lang}`).toBeGreaterThanOrEqual(14);
    // Every label ends inside its chart.
    const overflowing = await page.locator('.chart__label').evaluateAll((texts) => texts
      .filter((t) => t.getBoundingClientRect().right > t.ownerSVGElement.getBoundingClientRect().right + 0.5)
      .map((t) => t.textContent));
    expect(overflowing, `labels cut off in ${lang}`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `no sideways scrolling in ${lang}`).toBeLessThanOrEqual(360);
  }
});
