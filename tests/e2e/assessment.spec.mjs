// The guided self-assessment, as users do it: by keyboard alone, across reloads, with several
// assessments side by side, deleting and undoing, and changing the profile.
import { test, expect, openApp, createAssessment, storedAssessments, expectAccessible } from './fixtures.mjs';

/** Presses Tab until the focused element matches `selector` (at most `limit` times). */
async function tabTo(page, selector, limit = 60) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const focusedIsHeading = (page) => page.evaluate(() => document.activeElement?.tagName === 'H1');

test('a complete assessment answered by keyboard alone ends ready', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await tabTo(page, '.button--start');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Profil/ })).toBeVisible();
  await expect.poll(() => focusedIsHeading(page), { message: 'focus moves to the heading' }).toBe(true);

  await tabTo(page, '#plan-name');
  await page.keyboard.type('Tastaturplanen');
  await tabTo(page, '#plan-type-type-1');
  await page.keyboard.press('Space');
  await tabTo(page, '#question-plan-origin-ny');
  await page.keyboard.press('Space');
  await tabTo(page, '#question-omraadefornyelse-ja');
  await page.keyboard.press('ArrowDown'); // moves to and selects "Nej"
  await expect(page.locator('#question-omraadefornyelse-nej')).toBeChecked();
  await expectAccessible(page, 'the profile');
  await tabTo(page, 'a.button[href$="/oversigt"]');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Tastaturplanen' })).toBeVisible();
  await expectAccessible(page, 'the overview');

  await tabTo(page, '.task-list__link');
  await page.keyboard.press('Enter');
  // "Næste" goes only through the items that apply: 11 for a new Type 1 plan without an
  // områdefornyelse (K2, K10 and F1 do not), then to the check page.
  for (let n = 0; n < 11; n++) {
    const heading = page.locator('main h1');
    await expect(heading).toBeVisible();
    await expect.poll(() => focusedIsHeading(page), { message: 'focus moves to the heading' }).toBe(true);
    await expect(page.locator('.caption')).toContainText(`Punkt ${n + 1} af 11`);
    const applies = (await page.locator('.include-box').count()) === 0;
    expect(applies, 'only items that apply are on the way').toBe(true);
    // Tick every element, one Tab apart.
    const boxes = await page.locator('#elements input[type=checkbox]').count();
    await tabTo(page, '#elements input[type=checkbox]');
    for (let b = 0; b < boxes; b++) {
      await page.keyboard.press('Space');
      if (b < boxes - 1) await page.keyboard.press('Tab');
    }
    await tabTo(page, '#status-met');
    await page.keyboard.press('Space');
    await expect(page.locator('#status-met')).toBeChecked();
    if (n === 0) await expectAccessible(page, 'an item page');
    await tabTo(page, '.pager__next');
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Tjek jeres svar' })).toBeVisible();
  await expect(page.locator('.verdict').first()).toHaveText('Klar');
  await expectAccessible(page, 'check your answers');
  const [stored] = await storedAssessments(page);
  const met = Object.values(stored.answers).filter((a) => a.status === 'met').length;
  expect(met).toBe(11);
});

test('a note typed just before a reload is still there after it', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Genindlæsning' });
  await page.goto(`#/vurdering/${id}/punkt/kompetenceudvikling`);
  await page.locator('#notes').click();
  await page.keyboard.type('Beboerne lærer at holde møder', { delay: 15 });
  await page.reload();
  await expect(page.locator('#notes')).toHaveValue('Beboerne lærer at holde møder');
});

test('two assessments are kept apart', async ({ page }) => {
  const first = await createAssessment(page, { name: 'Plan A' });
  await page.goto(`#/vurdering/${first}/punkt/sekretariat`);
  await page.getByLabel('Ikke opfyldt').check();
  await page.getByLabel('Noter').fill('Kun i plan A');
  const second = await createAssessment(page, { name: 'Plan B' });
  await page.goto(`#/vurdering/${second}/punkt/sekretariat`);
  await expect(page.getByLabel('Noter')).toHaveValue('');
  await page.getByLabel('Opfyldt', { exact: true }).check();
  await page.getByLabel('Noter').fill('Kun i plan B');
  await page.reload();
  await page.goto(`#/vurdering/${first}/punkt/sekretariat`);
  await expect(page.getByLabel('Noter')).toHaveValue('Kun i plan A');
  await expect(page.getByLabel('Ikke opfyldt')).toBeChecked();
  const records = await storedAssessments(page);
  const byName = Object.fromEntries(records.map((r) => [r.profile.planName, r.answers.sekretariat]));
  expect(byName['Plan A']).toMatchObject({ status: 'not-met', notes: 'Kun i plan A' });
  expect(byName['Plan B']).toMatchObject({ status: 'met', notes: 'Kun i plan B' });
  await openApp(page);
  await expect(page.locator('.saved-item')).toHaveCount(2);
  await expectAccessible(page, 'the start page with saved assessments');
});

test('a deleted assessment can be brought back, and is gone when not', async ({ page }) => {
  await createAssessment(page, { name: 'Slettes' });
  await createAssessment(page, { name: 'Bliver' });
  await openApp(page);
  await page.getByRole('button', { name: 'Slet Slettes' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Vil I slette Slettes?');
  await expectAccessible(page, 'the delete confirmation');
  await page.getByRole('button', { name: 'Ja, slet vurderingen' }).click();
  await expect(page.getByRole('paragraph').filter({ hasText: 'Slettes er slettet.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fortryd' })).toBeFocused();
  await expect(page.locator('.saved-item')).toHaveCount(1);
  await page.getByRole('button', { name: 'Fortryd' }).click();
  await expect(page.getByRole('paragraph').filter({ hasText: 'Slettes er gendannet.' })).toBeVisible();
  await expect(page.locator('.saved-item')).toHaveCount(2);
  expect((await storedAssessments(page)).map((a) => a.profile.planName).sort()).toEqual(['Bliver', 'Slettes']);

  await page.getByRole('button', { name: 'Slet Slettes' }).click();
  await page.getByRole('button', { name: 'Ja, slet vurderingen' }).click();
  await page.reload();
  await expect(page.locator('.saved-item')).toHaveCount(1);
  await expect(page.locator('.saved-item')).toContainText('Bliver');
});

test('rename and duplicate from the start page', async ({ page }) => {
  await createAssessment(page, { name: 'Gammelt navn' });
  await openApp(page);
  await page.getByRole('button', { name: 'Omdøb Gammelt navn' }).click();
  await expect(page.getByLabel('Nyt navn')).toBeFocused();
  await page.getByLabel('Nyt navn').fill('Nyt navn');
  await page.getByRole('button', { name: 'Gem navn' }).click();
  await expect(page.locator('.saved-item__name')).toHaveText('Nyt navn');
  await page.getByRole('button', { name: 'Kopiér Nyt navn' }).click();
  await expect(page.locator('.saved-item__name')).toHaveText(['Kopi af Nyt navn', 'Nyt navn']);
});

test('changing the profile makes K2 and K10 apply and stop applying, and says so', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Profilskift', origin: 'Ny helhedsplan', areaRenewal: 'Nej' });
  const k2 = () => page.locator('.task-list__item', { hasText: 'K2 ' });
  const k10 = () => page.locator('.task-list__item', { hasText: 'K10 ' });
  await page.goto(`#/vurdering/${id}/oversigt`);
  await expect(k2()).toContainText('Gælder ikke for jeres plan');
  await expect(k10()).toContainText('Gælder ikke for jeres plan');

  await page.goto(`#/vurdering/${id}/profil`);
  await page.getByLabel('Fornyelse af en eksisterende helhedsplan').check();
  await expect(page.getByRole('status').filter({ hasText: 'gælder nu' })).toContainText('K2 Gennemgang ved fornyelse gælder nu.');
  await page.getByRole('group', { name: /områdefornyelse/ }).getByLabel('Ja', { exact: true }).check();
  await expect(page.locator('#applicability-changes')).toContainText('K10 Samspil med områdefornyelse gælder nu.');
  await page.goto(`#/vurdering/${id}/oversigt`);
  await expect(k2()).not.toContainText('Gælder ikke');
  await expect(k10()).not.toContainText('Gælder ikke');

  await page.goto(`#/vurdering/${id}/profil`);
  await page.getByLabel('Ny helhedsplan').check();
  await expect(page.locator('#applicability-changes')).toContainText('K2 Gennemgang ved fornyelse gælder ikke længere.');
  await page.getByRole('group', { name: /områdefornyelse/ }).getByLabel('Nej', { exact: true }).check();
  await expect(page.locator('#applicability-changes')).toContainText('K10 Samspil med områdefornyelse gælder ikke længere.');
  await page.goto(`#/vurdering/${id}/oversigt`);
  await expect(k2()).toContainText('Gælder ikke for jeres plan');
  await expect(k10()).toContainText('Gælder ikke for jeres plan');
});

test('every screen reflows at 320 px without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const id = await createAssessment(page, { name: 'En plan med et meget langt navn der skal kunne brydes pænt' });
  for (const hash of ['#/', `#/vurdering/${id}/profil`, `#/vurdering/${id}/oversigt`, `#/vurdering/${id}/punkt/omraadefornyelse`, `#/vurdering/${id}/tjek`]) {
    await page.goto(hash);
    await expect(page.locator('main h1')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow on ${hash}`).toBeLessThanOrEqual(0);
  }
});

test('the back button returns to the previous screen', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Tilbage' });
  await page.goto(`#/vurdering/${id}/oversigt`);
  await page.getByRole('link', { name: /K3 / }).click();
  await expect(page.locator('main h1')).toContainText('K3');
  await page.goBack();
  await expect(page.locator('main h1')).toHaveText('Tilbage');
});

test('a change link on "check your answers" comes back there', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Ret' });
  await page.goto(`#/vurdering/${id}/tjek`);
  await page.getByRole('link', { name: 'Ret K5 Konkret forandringsstrategi' }).click();
  await page.getByLabel('Delvist opfyldt').check();
  await page.getByRole('link', { name: 'Tilbage til Tjek jeres svar' }).last().click();
  await expect(page.locator('main h1')).toHaveText('Tjek jeres svar');
  await expect(page.locator('.summary-card', { hasText: 'K5 ' })).toContainText('Delvist opfyldt');
});
