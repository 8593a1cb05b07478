import { test, expect, openApp, expectAccessible } from './fixtures.mjs';

test('the start page says what the tool does and that answers stay in the browser', async ({ page }) => {
  await openApp(page);
  await expect(page).toHaveTitle(/Helhedsplan-tjek/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Er jeres helhedsplan klar til kommunal medfinansiering?');
  await expect(page.getByText('sendes aldrig nogen steder hen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start en ny vurdering' })).toBeVisible();
  await expect(page.getByText('Der er ingen gemte vurderinger i denne browser endnu.')).toBeVisible();
  await expectAccessible(page, 'the start page');
});

test('an unknown address shows a way home instead of a blank page', async ({ page }) => {
  await openApp(page, '#/findes-ikke');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
  await page.getByRole('link', { name: 'Gå til forsiden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/klar til kommunal medfinansiering/);
});
