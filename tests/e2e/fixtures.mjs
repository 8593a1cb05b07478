// Shared test set-up: every test checks accessibility (axe-core, WCAG 2.0/2.1 A and AA) on each
// screen it asks for and once more at its end, and fails on any violation or page error.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectAccessible(page, where = page.url()) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${where}`).toEqual([]);
}

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    if (!page.isClosed() && page.url().startsWith('http')) {
      await expectAccessible(page, `the end of the test (${page.url()})`);
    }
    expect(errors, 'errors thrown in the page').toEqual([]);
  },
});

export { expect };

/// Opens the app and waits until it has started.
export async function openApp(page, hash = '#/') {
  await page.goto(hash);
  await expect(page.locator('main h1')).toBeVisible();
}

/// Waits until the app has taken over from the static first screen (whose buttons, the language
/// switch among them, do nothing until then).
export async function appStarted(page) {
  await page.waitForFunction(() => performance.getEntriesByName('helhedsplan-tjek:interactive').length > 0);
}

/// Starts a new assessment from the start page; returns its id.
export async function createAssessment(page, { name, planType = 'Type 1', origin = 'Ny helhedsplan', areaRenewal = 'Nej' } = {}) {
  await openApp(page);
  await page.getByRole('button', { name: 'Start en ny vurdering' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Profil/ })).toBeVisible();
  if (name) await page.getByLabel('Planens navn').fill(name);
  if (planType) await page.getByLabel(planType, { exact: true }).check();
  if (origin) await page.getByLabel(origin, { exact: true }).check();
  if (areaRenewal) await page.getByRole('group', { name: /områdefornyelse/ }).getByLabel(areaRenewal, { exact: true }).check();
  return page.url().match(/vurdering\/([^/]+)/)[1];
}

/// Every stored assessment record, parsed.
export async function storedAssessments(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('helhedsplan-tjek:assessment:'))
      .map((key) => JSON.parse(localStorage.getItem(key)).assessment),
  );
}
