// Every action done from the keyboard leaves focus on a sensible element (never on <body>) and
// says what happened in the app's one live region, #announcer.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, createAssessment, storedAssessments } from './fixtures.mjs';

const announcer = (page) => page.locator('#announcer');
const focusedTag = (page) => page.evaluate(() => document.activeElement?.tagName ?? null);
const startsWith = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Opens the app and checks that the live region is there before anything is done. */
async function open(page, hash = '#/') {
  await openApp(page, hash);
  await expect(announcer(page)).toHaveCount(1);
  await expect(announcer(page)).toHaveAttribute('role', 'status');
  await expect(announcer(page)).toHaveAttribute('aria-live', 'polite');
}

/** Moves focus to `target` and presses `key` there, as a keyboard user would. */
async function pressOn(target, key = 'Enter') {
  await target.focus();
  await expect(target).toBeFocused();
  await target.page().keyboard.press(key);
}

/** Checks that focus is on `target`, and so not left on <body>. */
async function expectFocusOn(page, target) {
  await expect(target).toBeFocused();
  expect(await focusedTag(page), 'focus is not dropped on <body>').not.toBe('BODY');
}

const savedRow = (page, name) => page.locator('li.saved-item').filter({ has: page.locator('h3.saved-item__name a', { hasText: name }) });
const nameLink = (page, name) => page.locator('li.saved-item h3 a', { hasText: name });

async function deleteByKeyboard(page, name) {
  await pressOn(page.getByRole('button', { name: `Slet ${name}`, exact: true }));
  await expect(page.getByRole('alertdialog')).toBeVisible();
  const yes = page.getByRole('button', { name: 'Ja, slet vurderingen' });
  await expectFocusOn(page, yes);
  await page.keyboard.press('Enter');
}

/** Exports every assessment from the data page by keyboard; returns the file's text. */
async function exportAll(page) {
  const button = page.getByRole('button', { name: 'Eksportér alle vurderinger' });
  await button.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return { download, text: readFileSync(await download.path(), 'utf8') };
}

async function importFile(page, name, contents) {
  await page.getByLabel('Vælg en fil').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

test('starting a new assessment moves focus to the profile heading and announces it', async ({ page }) => {
  // Proves: "Start en ny vurdering" pressed with Enter opens the profile with focus on its h1, and the new page is announced.
  await open(page);
  await pressOn(page.getByRole('button', { name: 'Start en ny vurdering' }));
  const heading = page.locator('main h1');
  await expect(heading).toContainText('Profil');
  await expectFocusOn(page, heading);
  await expect(announcer(page)).toContainText(await heading.innerText());
});

test('copying keeps focus on the copy button and announces the copy', async ({ page }) => {
  // Proves: "Kopiér {name}" pressed with Enter makes the copy, says so, and leaves focus on the original row's button.
  await createAssessment(page, { name: 'Original' });
  await open(page);
  await expect(page.locator('#saved-heading')).toHaveText('Vurderinger i denne browser');
  const copy = savedRow(page, 'Original').getByRole('button', { name: 'Kopiér Original', exact: true });
  await pressOn(copy);
  await expect(announcer(page)).toHaveText('Der er lavet en kopi: Kopi af Original.');
  await expect(page.locator('ul.saved-list > li.saved-item')).toHaveCount(2);
  await expectFocusOn(page, copy);
});

test('deleting moves focus from the confirmation to "Fortryd" and announces the deletion', async ({ page }) => {
  // Proves: "Slet {name}" opens a confirmation focused on its yes-button; confirming announces it and focuses undo.
  await createAssessment(page, { name: 'Slettes' });
  await open(page);
  await deleteByKeyboard(page, 'Slettes');
  await expect(announcer(page)).toHaveText('Slettes er slettet.');
  await expectFocusOn(page, page.locator('#undo-button'));
  await expect(page.locator('#undo-button')).toHaveAccessibleName('Fortryd');
  await expect(page.locator('li.saved-item')).toHaveCount(0);
});

test('undoing a deletion announces it and focuses the restored row', async ({ page }) => {
  // Proves: "Fortryd" pressed with Enter brings the assessment back, says so, and focuses its name link.
  await createAssessment(page, { name: 'Slettes' });
  await open(page);
  await deleteByKeyboard(page, 'Slettes');
  await expectFocusOn(page, page.locator('#undo-button'));
  await page.keyboard.press('Enter');
  await expect(announcer(page)).toHaveText('Slettes er gendannet.');
  await expect(page.locator('li.saved-item')).toHaveCount(1);
  await expectFocusOn(page, nameLink(page, 'Slettes'));
  expect((await storedAssessments(page)).map((a) => a.profile.planName)).toEqual(['Slettes']);
});

test('renaming focuses the field, then the renamed row, and announces the new name is saved', async ({ page }) => {
  // Proves: "Omdøb {name}" focuses the "Nyt navn" field; typing and Enter saves, announces, and focuses the renamed link.
  await createAssessment(page, { name: 'Gammelt navn' });
  await open(page);
  await pressOn(page.getByRole('button', { name: 'Omdøb Gammelt navn', exact: true }));
  const field = page.getByLabel('Nyt navn');
  await expectFocusOn(page, field);
  await expect(field).toHaveAttribute('id', /^rename-/);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Omdøbt plan');
  await page.keyboard.press('Enter');
  await expect(announcer(page)).toHaveText('Navnet er gemt.');
  const renamed = nameLink(page, 'Omdøbt plan');
  await expect(renamed).toHaveText('Omdøbt plan');
  await expectFocusOn(page, renamed);
});

test('cancelling a rename with Escape or "Annullér" returns focus to "Omdøb"', async ({ page }) => {
  // Proves: both ways of cancelling leave the name unchanged and put focus back on the button that opened the form.
  await createAssessment(page, { name: 'Uændret' });
  await open(page);
  const rename = page.getByRole('button', { name: 'Omdøb Uændret', exact: true });
  await pressOn(rename);
  await expectFocusOn(page, page.getByLabel('Nyt navn'));
  await page.keyboard.type(' ændret');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Nyt navn')).toHaveCount(0);
  await expectFocusOn(page, rename);

  await pressOn(rename, 'Space');
  await expectFocusOn(page, page.getByLabel('Nyt navn'));
  await pressOn(page.getByRole('button', { name: 'Annullér', exact: true }));
  await expect(page.getByLabel('Nyt navn')).toHaveCount(0);
  await expectFocusOn(page, rename);
  await expect(nameLink(page, 'Uændret')).toHaveText('Uændret');
  expect((await storedAssessments(page)).map((a) => a.profile.planName)).toEqual(['Uændret']);
});

test('exporting keeps focus on the export button and announces the file name', async ({ page }) => {
  // Proves: "Eksportér alle vurderinger" pressed with Enter downloads a file, names it in the announcer, and keeps focus.
  await createAssessment(page, { name: 'Eksporteres' });
  await open(page, '#/data');
  const { download } = await exportAll(page);
  await expect(announcer(page)).toContainText('Eksporten er gemt som');
  await expect(announcer(page)).toContainText(download.suggestedFilename());
  await expectFocusOn(page, page.getByRole('button', { name: 'Eksportér alle vurderinger' }));
});

test('importing a new assessment focuses the outcome and announces it', async ({ page }) => {
  // Proves: a successful import moves focus to #import-outcome (tabindex -1) and announces "… er importeret".
  await open(page, '#/data');
  await importFile(page, 'eksempel.json', readFileSync('docs/example-export.json', 'utf8'));
  await expect(announcer(page)).toContainText('er importeret');
  const outcome = page.locator('#import-outcome');
  await expect(outcome).toHaveAttribute('tabindex', '-1');
  await expectFocusOn(page, outcome);
  expect(await storedAssessments(page)).toHaveLength(1);
});

test('importing an id that exists asks first, and "Behold begge" keeps both', async ({ page }) => {
  // Proves: a clash focuses "Erstat"; pressing "Behold begge" imports a second copy, announces it and focuses the outcome.
  await createAssessment(page, { name: 'Flyttes' });
  await open(page, '#/data');
  const { text } = await exportAll(page);
  await importFile(page, 'igen.json', text);
  const outcome = page.locator('#import-outcome');
  await expect(outcome).toContainText('Vil I erstatte den, der er her, eller beholde begge?');
  await expectFocusOn(page, page.locator('#import-replace'));
  await expect(page.locator('#import-replace')).toHaveAccessibleName('Erstat');
  await pressOn(page.getByRole('button', { name: 'Behold begge' }), 'Space');
  await expect(announcer(page)).toContainText('er importeret');
  await expect.poll(async () => (await storedAssessments(page)).length).toBe(2);
  await expectFocusOn(page, outcome);
});

test('importing an id that exists and choosing "Erstat" replaces it', async ({ page }) => {
  // Proves: pressing the focused "Erstat" replaces the stored assessment (still one), announces it and focuses the outcome.
  await createAssessment(page, { name: 'Erstattes' });
  await open(page, '#/data');
  const { text } = await exportAll(page);
  await importFile(page, 'igen.json', text);
  await expectFocusOn(page, page.locator('#import-replace'));
  await page.keyboard.press('Enter');
  await expect(announcer(page)).toContainText('er importeret');
  expect((await storedAssessments(page)).map((a) => a.profile.planName)).toEqual(['Erstattes']);
  await expectFocusOn(page, page.locator('#import-outcome'));
});

test('a refused file focuses the outcome and announces the refusal', async ({ page }) => {
  // Proves: a file that is not JSON is refused, the refusal is announced, and focus goes to the outcome.
  await open(page, '#/data');
  await importFile(page, 'not.json', 'not json');
  await expect(announcer(page)).toContainText('Filen blev ikke importeret');
  await expectFocusOn(page, page.locator('#import-outcome'));
  expect(await storedAssessments(page)).toEqual([]);
});

test('switching language keeps focus on the pressed button and announces the change', async ({ page }) => {
  // Proves: "English" and "Dansk" switch the page's language without moving focus, and the switch is announced.
  await open(page);
  const english = page.locator('#lang-en');
  await pressOn(english);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en', { timeout: 10_000 });
  await expect(page.locator('main h1')).toHaveText('Is your comprehensive plan ready for municipal co-financing?');
  await expect(english).toHaveAttribute('aria-pressed', 'true');
  await expect(announcer(page)).toHaveText(/\S/);
  await expect(announcer(page)).toContainText('English');
  await expectFocusOn(page, english);

  const danish = page.locator('#lang-da');
  await pressOn(danish, 'Space');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.locator('main h1')).toHaveText('Er jeres helhedsplan klar til kommunal medfinansiering?');
  await expect(danish).toHaveAttribute('aria-pressed', 'true');
  await expect(announcer(page)).toHaveText(/\S/);
  await expectFocusOn(page, danish);
});

test('following a link moves focus to the new page\'s heading, titles the page and announces it', async ({ page }) => {
  // Proves: Enter on the nav link "Dine data" focuses that page's h1, starts document.title with it and announces it.
  await open(page);
  await pressOn(page.locator('nav').getByRole('link', { name: 'Dine data' }));
  const heading = page.locator('main h1');
  await expect(heading).toHaveText('Dine data');
  await expectFocusOn(page, heading);
  expect(await focusedTag(page)).toBe('H1');
  await expect(page).toHaveTitle(startsWith('Dine data'));
  await expect(announcer(page)).toContainText('Dine data');
});

test('the back button moves focus to the previous page\'s heading', async ({ page }) => {
  // Proves: after going back in history, focus is on the start page's h1 and the page change is titled and announced.
  await open(page);
  await pressOn(page.locator('nav').getByRole('link', { name: 'Dine data' }));
  await expect(page.locator('main h1')).toHaveText('Dine data');
  await page.goBack();
  const heading = page.locator('main h1');
  const start = 'Er jeres helhedsplan klar til kommunal medfinansiering?';
  await expect(heading).toHaveText(start);
  await expectFocusOn(page, heading);
  expect(await focusedTag(page)).toBe('H1');
  await expect(page).toHaveTitle(startsWith(start));
  await expect(announcer(page)).toContainText(start);
});
