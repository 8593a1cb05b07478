// The kommune's evaluation: plans' strategiskabelon files imported at once (a broken one refused
// by name, the rest loaded), the counts, the share with good progress, both charts with their
// tables, the plans with major challenges, one plan opened; by keyboard, with focus and
// announcements after every action.
import { readFileSync } from 'node:fs';
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
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText('Evaluering på tværs af planer: 1. halvår 2027');
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
