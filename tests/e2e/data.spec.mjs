// Nothing is ever lost: corrupted storage, broken files, hostile text, two tabs, a full quota,
// storage that is switched off, export and import, and "delete all my data".
import { readFileSync } from 'node:fs';
import { test, expect, openApp, createAssessment, storedAssessments, expectAccessible } from './fixtures.mjs';

const appKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('helhedsplan-tjek:')).sort());
const storageSnapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

async function importFile(page, name, contents) {
  await page.getByLabel('Vælg en fil').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

test('corrupted storage is set aside, the rest keeps working, and the raw data can be saved', async ({ page }) => {
  await createAssessment(page, { name: 'Hel plan' });
  await page.evaluate(() => localStorage.setItem('helhedsplan-tjek:assessment:ødelagt', '{"format":"helhedsplan-tjek.assessment","schemaVer'));
  await openApp(page);
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'kunne ikke læses' })).toBeVisible();
  await expect(page.locator('.saved-item')).toHaveCount(1);
  const keys = await appKeys(page);
  expect(keys.some((k) => k.startsWith('helhedsplan-tjek:quarantine:') && k.endsWith(':helhedsplan-tjek:assessment:ødelagt'))).toBe(true);
  expect(keys).not.toContain('helhedsplan-tjek:assessment:ødelagt');

  await page.getByRole('link', { name: 'Gå til Dine data' }).click();
  await expect(page.getByRole('heading', { name: 'Data, der ikke kunne læses' })).toBeVisible();
  await expect(page.getByText('Dataene er ikke gyldig JSON')).toBeVisible();
  await expectAccessible(page, 'Dine data with unreadable data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent de rå data' }).click()]);
  expect(readFileSync(await download.path(), 'utf8')).toBe('{"format":"helhedsplan-tjek.assessment","schemaVer');
  await page.locator('.unreadable').getByRole('button', { name: 'Slet' }).click();
  await page.getByRole('button', { name: 'Ja, slet' }).click();
  await expect(page.getByRole('paragraph').filter({ hasText: 'Dataene er slettet.' })).toBeVisible();
  expect((await appKeys(page)).filter((k) => k.includes('quarantine'))).toEqual([]);
  await page.goto('#/');
  await expect(page.locator('.saved-item')).toHaveCount(1);
});

test('a malformed file is refused with its reason, and nothing changes', async ({ page }) => {
  await createAssessment(page, { name: 'Uberørt' });
  await page.goto('#/data');
  await expect(page.getByRole('heading', { level: 1, name: 'Dine data' })).toBeVisible();
  const before = await storageSnapshot(page);
  await importFile(page, 'broken.json', '{\n  "format": "helhedsplan-tjek.export",\n  oops\n}');
  const alert = page.getByRole('alert').filter({ hasText: 'Filen blev ikke importeret' });
  await expect(alert).toContainText('Filen er ikke gyldig JSON. Fejlen er i linje 3, tegn 3.');
  await expect(alert).toContainText('Intet er ændret.');
  await expectAccessible(page, 'a refused import');
  await importFile(page, 'other.json', '{"title": "not ours"}');
  await expect(page.getByRole('alert').filter({ hasText: 'Filen blev ikke importeret' })).toContainText('ikke en eksport fra Helhedsplan-tjek');
  const valid = readFileSync('docs/example-export.json', 'utf8');
  await importFile(page, 'wrong-date.json', valid.replace('2027-03-01', '2027-13-01'));
  await expect(page.getByRole('alert').filter({ hasText: 'Filen blev ikke importeret' })).toContainText('«2027-13-01» ved assessments[0].answers.sekretariat.action.deadline er ikke en dato');
  await importFile(page, 'newer.json', valid.replace('"schemaVersion": 2', '"schemaVersion": 3'));
  await expect(page.getByRole('alert').filter({ hasText: 'Filen blev ikke importeret' })).toContainText('nyere udgave af Helhedsplan-tjek (skemaversion 3)');
  expect(await storageSnapshot(page)).toBe(before);
});

test('export then import moves assessments to another browser, asking before it replaces', async ({ page, browser }) => {
  const id = await createAssessment(page, { name: 'Flyttes' });
  await page.goto(`#/vurdering/${id}/punkt/sekretariat`);
  await page.getByLabel('Delvist opfyldt').check();
  await page.getByLabel('Noter').fill('Med på flyttelasset');
  await page.goto('#/data');
  await expect(page.locator('#last-export')).toHaveText('Der er endnu ikke eksporteret en sikkerhedskopi fra denne browser.');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér alle vurderinger' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^helhedsplan-tjek-alle-\d{4}-\d{2}-\d{2}\.json$/);
  const file = readFileSync(await download.path(), 'utf8');
  const parsed = JSON.parse(file);
  expect(parsed).toMatchObject({ format: 'helhedsplan-tjek.export', schemaVersion: 2, catalogues: [{ id: 'kk-helhedsplaner-2011', version: '1.1' }] });
  expect(parsed.app.name).toBe('Helhedsplan-tjek');
  await expect(page.locator('#last-export')).toContainText('Senest eksporteret');

  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto('#/data');
  await elsewhere.getByLabel('Vælg en fil').setInputFiles({ name: 'flyt.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(elsewhere.getByRole('status').filter({ hasText: 'importeret' })).toContainText('1 vurdering(er) er importeret.');
  await elsewhere.goto(`#/vurdering/${id}/punkt/sekretariat`);
  await expect(elsewhere.getByLabel('Noter')).toHaveValue('Med på flyttelasset');
  await other.close();

  await page.goto('#/data');
  await importFile(page, 'igen.json', file);
  await expect(page.getByRole('alertdialog')).toContainText('samme id som Flyttes');
  await expect(page.getByRole('button', { name: 'Erstat' })).toBeFocused();
  await page.getByRole('button', { name: 'Behold begge' }).click();
  await expect(page.getByRole('paragraph').filter({ hasText: '1 vurdering(er) er importeret.' })).toBeVisible();
  expect((await storedAssessments(page)).map((a) => a.profile.planName)).toEqual(['Flyttes', 'Flyttes']);
});

test('a note with a script tag is shown as text everywhere', async ({ page }) => {
  const hostile = '<script>window.pwned = true</script><img src=x onerror="window.pwned=true">';
  const valid = JSON.parse(readFileSync('docs/example-export.json', 'utf8'));
  valid.assessments[0].answers.sekretariat.notes = hostile;
  valid.assessments[0].profile.planName = `Plan ${hostile}`;
  await page.goto('#/data');
  await importFile(page, 'hostile.json', JSON.stringify(valid));
  await expect(page.getByRole('paragraph').filter({ hasText: '1 vurdering(er) er importeret.' })).toBeVisible();
  const id = valid.assessments[0].id;
  await page.goto(`#/vurdering/${id}/punkt/sekretariat`);
  await expect(page.getByLabel('Noter')).toHaveValue(hostile);
  await page.goto(`#/vurdering/${id}/tjek`);
  await expect(page.locator('.summary-card', { hasText: 'K9 ' })).toContainText(hostile);
  await page.goto(`#/vurdering/${id}/rapport`);
  await expect(page.locator('.report')).toContainText(hostile);
  await page.goto('#/');
  await expect(page.locator('.saved-item__name')).toHaveText(`Plan ${hostile}`);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  expect(await page.locator('main img, main script').count()).toBe(0);
});

test('two tabs on one assessment keep each other\'s edits', async ({ page, context }) => {
  const id = await createAssessment(page, { name: 'To faner' });
  const other = await context.newPage();
  await other.goto(`#/vurdering/${id}/punkt/sekretariat`);
  await page.goto(`#/vurdering/${id}/punkt/faelles-analyse`);
  await expect(other.locator('main h1')).toContainText('K9');
  await page.getByLabel('Noter').fill('Skrevet i fane A');
  await other.getByLabel('Ikke opfyldt').check();
  await other.getByLabel('Noter').fill('Skrevet i fane B');
  await page.getByLabel('Opfyldt', { exact: true }).check();
  const [stored] = await storedAssessments(page);
  expect(stored.answers['faelles-analyse']).toMatchObject({ status: 'met', notes: 'Skrevet i fane A' });
  expect(stored.answers.sekretariat).toMatchObject({ status: 'not-met', notes: 'Skrevet i fane B' });
  await expect(other.getByText('Vurderingen er ændret i en anden fane')).toBeVisible();
  await other.getByRole('button', { name: 'Vis ændringerne' }).click();
  await other.goto(`#/vurdering/${id}/punkt/faelles-analyse`);
  await expect(other.getByLabel('Noter')).toHaveValue('Skrevet i fane A');
});

test('a full storage quota is reported, and the answer stays on screen', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Fuld' });
  await page.goto(`#/vurdering/${id}/punkt/sekretariat`);
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByLabel('Noter').fill('Kan ikke gemmes');
  await expect(page.getByRole('alert')).toContainText('Browserens lager er fuldt, så den seneste ændring er ikke gemt.');
  await expect(page.getByRole('alert').getByRole('link', { name: /Eksportér jeres svar/ })).toBeVisible();
  await expect(page.locator('.save-status')).toHaveText('Ikke gemt');
  await expect(page.getByLabel('Noter')).toHaveValue('Kan ikke gemmes');
  await expectAccessible(page, 'the quota alert');
});

test('with storage switched off the app still works and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await openApp(page);
  await expect(page.getByRole('alert')).toContainText('Denne browser lader ikke Helhedsplan-tjek gemme noget');
  await page.getByRole('button', { name: 'Start en ny vurdering' }).click();
  await page.getByLabel('Planens navn').fill('Kun i hukommelsen');
  await page.getByRole('link', { name: 'Videre til oversigten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kun i hukommelsen' })).toBeVisible();
});

test('"delete all my data" removes the app\'s keys and nothing else', async ({ page }) => {
  await createAssessment(page, { name: 'Væk' });
  await page.evaluate(() => localStorage.setItem('en-anden-app', 'bliver'));
  await page.goto('#/data');
  await page.getByRole('button', { name: 'Slet alle mine data' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Det kan ikke fortrydes');
  await expect(page.getByRole('button', { name: 'Ja, slet' })).toBeFocused();
  await page.getByRole('button', { name: 'Ja, slet' }).click();
  await expect(page.getByRole('paragraph').filter({ hasText: 'Alle data fra Helhedsplan-tjek er slettet' })).toBeVisible();
  expect(await appKeys(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('en-anden-app'))).toBe('bliver');
  await expectAccessible(page, 'Dine data after deleting');
});

test('the start page reminds about a backup until one is made', async ({ page }) => {
  await createAssessment(page, { name: 'Husk' });
  await openApp(page);
  await expect(page.locator('#backup-reminder')).toContainText('Husk at eksportere en sikkerhedskopi');
  await page.goto('#/data');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér alle vurderinger' }).click()]);
  await page.goto('#/');
  await expect(page.locator('.saved-item')).toHaveCount(1);
  await expect(page.locator('#backup-reminder')).toHaveCount(0);
});
