// The plan's side of the evaluation: a strategiskabelon filled in for one period, copied into the
// next, the two compared, printed and exported; by keyboard where it matters, with focus and
// announcements after each action.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, expectAccessible } from './fixtures.mjs';

const announcer = (page) => page.locator('#announcer');

async function stored(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('helhedsplan-tjek:strategiskabelon:'))
      .map((key) => JSON.parse(localStorage.getItem(key)).strategiskabelon),
  );
}

test('a plan fills in two periods, compares them, prints and exports', async ({ page }) => {
  await page.goto('#/strategiskabeloner');
  await expect(page.getByRole('heading', { level: 1, name: 'Strategiskabeloner' })).toBeVisible();
  await expectAccessible(page, 'the list of strategiskabeloner');
  await page.getByLabel('Planens navn').fill('Plan Nord');
  await page.getByLabel('Periode').selectOption('2027-H1');
  await page.getByRole('button', { name: 'Start strategiskabelonen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategiskabelon: Plan Nord' })).toBeFocused();

  // Two activities, added by keyboard; focus lands in each new name field.
  await page.getByRole('button', { name: 'Tilføj en aktivitet' }).focus();
  await page.keyboard.press('Enter');
  const first = page.getByRole('group', { name: 'Aktivitet 1' });
  await expect(first.getByLabel('Aktivitet', { exact: true })).toBeFocused();
  await expect(announcer(page)).toHaveText('En ny aktivitet er tilføjet.');
  await page.keyboard.type('Lektiecafé');
  await first.getByRole('group', { name: 'Målgrupper' }).getByLabel('børn og unge').check();
  await first.getByRole('group', { name: 'Fremdrift' }).getByLabel('God fremdrift').check();
  await first.getByRole('group', { name: 'Krav-områder' }).getByLabel(/^K5 /).check();
  await first.getByLabel('Begrundelse').fill('30 børn hver uge');
  await page.getByRole('button', { name: 'Tilføj en aktivitet' }).click();
  const second = page.getByRole('group', { name: 'Aktivitet 2' });
  await expect(second.getByLabel('Aktivitet', { exact: true })).toBeFocused();
  await page.keyboard.type('Kvindeklub');
  await second.getByRole('group', { name: 'Fremdrift' }).getByLabel('Nogen fremdrift').check();
  await page.getByRole('group', { name: 'Det tværkommunale samarbejde' }).getByLabel('rummer større udfordringer').check();
  await page.getByRole('group', { name: 'Hvilke udfordringer møder planen?' }).getByLabel('Lokaler').check();
  await page.getByLabel('Lokaler: Kommentar').fill('Intet lokale om aftenen');
  await expectAccessible(page, 'a filled-in strategiskabelon');

  let [saved] = await stored(page);
  expect(saved.period).toBe('2027-H1');
  expect(saved.activities.map((a) => [a.name, a.progress])).toEqual([['Lektiecafé', 'god'], ['Kvindeklub', 'nogen']]);
  expect(saved.activities[0].items).toEqual(['forandringsstrategi']);
  expect(saved.ratings.tvaerkommunalt.level).toBe('stoerre-udfordringer');
  expect(saved.challenges.lokaler.comment).toBe('Intet lokale om aftenen');

  // Printable, with the activities as a table.
  await page.getByRole('link', { name: 'Vis til udskrift' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategiskabelon: Plan Nord' })).toBeFocused();
  await expect(page.locator('.document table')).toContainText('30 børn hver uge');
  await expect(page.locator('.document table')).toContainText('K5 ');
  await expectAccessible(page, 'the printable strategiskabelon');
  // On paper: A4, the plan and period at the foot of every page, none of the app around it.
  const dir = process.env.E2E_PRINT_DIR ?? mkdtempSync(join(tmpdir(), 'skabelon-'));
  mkdirSync(dir, { recursive: true });
  const pdf = join(dir, 'strategiskabelon.pdf');
  await page.emulateMedia({ media: 'print' });
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  const pages = Number(execFileSync('pdfinfo', [pdf]).toString().match(/Pages:\s+(\d+)/)[1]);
  expect((text.match(/Strategiskabelon: Plan Nord, 1\. halvår 2027/g) ?? []).length).toBeGreaterThanOrEqual(pages);
  expect(text).toContain('30 børn hver uge');
  expect(text).not.toContain('Tilbage til strategiskabelonen');
  await page.getByRole('link', { name: 'Tilbage til strategiskabelonen' }).click();

  // Exported as a file for the kommune.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér til kommunen (JSON)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^strategiskabelon-plan-nord-2027-h1-\d{4}-\d\d-\d\d\.json$/);
  await expect(announcer(page)).toContainText('Send filen til kommunen.');

  // The next period starts from these activities, with progress to be assessed anew.
  await page.getByRole('button', { name: 'Kopiér aktiviteterne til næste periode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategiskabelon: Plan Nord' })).toBeFocused();
  await expect(page.getByLabel('Periode')).toHaveValue('2027-H2');
  const copied = page.getByRole('group', { name: 'Aktivitet 1' });
  await expect(copied.getByLabel('Aktivitet', { exact: true })).toHaveValue('Lektiecafé');
  await expect(copied.getByRole('group', { name: 'Fremdrift' }).getByLabel('God fremdrift')).not.toBeChecked();
  await copied.getByRole('group', { name: 'Fremdrift' }).getByLabel('Nogen fremdrift').check();
  await page.getByRole('group', { name: 'Aktivitet 2' }).getByRole('group', { name: 'Fremdrift' }).getByLabel('God fremdrift').check();

  await page.getByRole('link', { name: 'Sammenlign med 1. halvår 2027' }).click();
  const doc = page.locator('.document');
  await expect(doc.getByRole('heading', { level: 1 })).toHaveText('Plan Nord: 1. halvår 2027 og 2. halvår 2027 sammenlignet');
  await expect(doc.locator('tr[data-movement="down"]')).toContainText('Lektiecafé');
  await expect(doc.locator('tr[data-movement="up"]')).toContainText('Kvindeklub');
  await expectAccessible(page, 'the comparison of two periods');
  expect(await stored(page)).toHaveLength(2);
});

test('"Andet" needs a comment before the file goes to the kommune; a strategiskabelon is deleted and brought back', async ({ page }) => {
  await page.goto('#/strategiskabeloner');
  await page.getByLabel('Planens navn').fill('Plan Syd');
  await page.getByLabel('Periode').selectOption('2027-H1');
  await page.getByRole('button', { name: 'Start strategiskabelonen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategiskabelon: Plan Syd' })).toBeFocused();

  // "Andet" without saying what: the export waits, the error is at the field, and focus is there.
  await page.getByRole('group', { name: 'Hvilke udfordringer møder planen?' }).getByLabel('Andet').check();
  const other = page.getByLabel('Hvilken anden udfordring?');
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Eksportér til kommunen (JSON)' }).click();
  await expect(other).toBeFocused();
  await expect(other).toHaveAttribute('aria-invalid', 'true');
  await expect(other).toHaveAccessibleDescription(/^Skriv, hvilken anden udfordring planen møder\./);
  await expect(announcer(page)).toHaveText(/^Skriv, hvilken anden udfordring planen møder\./);
  await expectAccessible(page, 'the error at "Andet"');
  await page.keyboard.type('Hærværk i kælderen');
  await expect(other).not.toHaveAttribute('aria-invalid');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér til kommunen (JSON)' }).click();
  await download;
  expect(downloads).toBe(1);
  let [saved] = await stored(page);
  expect(saved.challenges.andet.comment).toBe('Hærværk i kælderen');

  // Deleted from the list after a question; "Fortryd" brings it back, and focus goes to it.
  await page.getByRole('link', { name: 'Alle strategiskabeloner' }).click();
  await page.getByRole('button', { name: 'Slet Plan Syd, 1. halvår 2027' }).click();
  const yes = page.getByRole('button', { name: 'Ja, slet strategiskabelonen' });
  await expect(yes).toBeFocused();
  await expect(page.getByRole('alertdialog')).toContainText('Vil I slette strategiskabelonen Plan Syd, 1. halvår 2027?');
  await expectAccessible(page, 'the question before deleting');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Slet Plan Syd, 1. halvår 2027' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(yes).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.notices').getByText('Strategiskabelonen Plan Syd, 1. halvår 2027 er slettet.')).toBeVisible();
  await expect(announcer(page)).toHaveText('Strategiskabelonen Plan Syd, 1. halvår 2027 er slettet.');
  await expect(page.getByRole('button', { name: 'Fortryd' })).toBeFocused();
  expect(await stored(page)).toHaveLength(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: 'Plan Syd, 1. halvår 2027' })).toBeFocused();
  await expect(announcer(page)).toHaveText('Strategiskabelonen Plan Syd, 1. halvår 2027 er gendannet.');
  [saved] = await stored(page);
  expect(saved.challenges.andet.comment).toBe('Hærværk i kælderen');
});

test('a change made in another tab is noticed, and shown when asked', async ({ page, context }) => {
  await page.goto('#/strategiskabeloner');
  await page.getByLabel('Planens navn').fill('Plan Vest');
  await page.getByRole('button', { name: 'Start strategiskabelonen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Strategiskabelon: Plan Vest' })).toBeFocused();
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByLabel('Boligorganisation').fill('Bo-Vest');
  await expect(page.locator('.notices').getByText('Strategiskabelonen er ændret i en anden fane.')).toBeVisible();
  await expect(page.getByLabel('Boligorganisation')).toHaveValue('');
  await page.getByRole('button', { name: 'Vis ændringerne' }).click();
  await expect(page.getByLabel('Boligorganisation')).toHaveValue('Bo-Vest');
  await expect(page.getByText('Strategiskabelonen er ændret i en anden fane.')).toHaveCount(0);
  // Deleted in the other tab: said so.
  await other.goto('#/strategiskabeloner');
  await other.getByRole('button', { name: /^Slet Plan Vest/ }).click();
  await other.getByRole('button', { name: 'Ja, slet strategiskabelonen' }).click();
  await expect(page.locator('.notices').getByText('Strategiskabelonen er slettet i en anden fane.')).toBeVisible();
  await other.close();
});
