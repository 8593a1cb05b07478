// The app in parts (src/ui/pages/parts.rs): the first screen loads without the other screens'
// WebAssembly, a part is fetched when its screen opens (or when the browser is idle), the
// service worker keeps every part for offline use, and a part that cannot be fetched says so and
// can be fetched again.
import { test, expect, createAssessment, expectAccessible } from './fixtures.mjs';

const PART = /\/parts\/part-([a-z-]+)-[0-9a-f]+\.wasm$/;
const partOf = (url) => new URL(url).pathname.match(PART)?.[1];

/** Every part requested by the page, in order. */
function watchParts(page) {
  const parts = [];
  page.on('request', (request) => {
    const part = partOf(request.url());
    if (part) parts.push(part);
  });
  return parts;
}

/** From now on, every text the live region says is kept in `window.said`, in order. */
async function recordAnnouncements(page) {
  await page.evaluate(() => {
    window.said = [];
    new MutationObserver(() => {
      const text = document.querySelector('#announcer').textContent;
      if (text) window.said.push(text);
    }).observe(document.querySelector('#announcer'), { childList: true, characterData: true, subtree: true });
  });
}

const ALL_PARTS = ['data-page', 'evaluation-screens', 'plan-reading', 'report', 'review-screens', 'strategiskabeloner', 'workshop'];

/** Holds back every request for a part (and its shared chunks) while `held()` is true: the
 * request fails, as it does offline before the part was kept. */
async function holdParts(page, held) {
  await page.route(/\/parts\/.+\.wasm$/, (route) => (held() ? route.abort('internetdisconnected') : route.continue()));
}

// These journeys hold part requests back with page.route, which a service worker would answer
// from its cache before the route sees them: so no worker here (the last journey has one).
test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block' });

  const interactive = (page) =>
    page.waitForFunction(() => performance.getEntriesByName('helhedsplan-tjek:interactive').length > 0);

  test('the first screen starts without any part, and a screen fetches only its own part', async ({ page }) => {
    const parts = watchParts(page);
    const id = await createAssessment(page, { name: 'Dele' });
    await interactive(page);
    await page.goto(`#/vurdering/${id}`);
    await expect(page.locator('main h1')).toContainText('Dele');
    await page.goto(`#/vurdering/${id}/punkt/sekretariat`);
    await page.getByLabel('Ikke opfyldt').check();
    // The start page, the profile, the overview and the item pages are all in the first load;
    // with no service worker to fetch parts ahead, nothing has asked for one, even once idle.
    await page.waitForTimeout(2500);
    expect(parts).toEqual([]);

    await page.goto(`#/vurdering/${id}/rapport`);
    await expect(page.locator('main h1')).toHaveText('Parathedsrapport: Dele');
    expect(parts).toEqual(['report']);
    // The new page is announced once, though both the page change and the screen that
    // arrived from its part move focus to its heading. (The report's own announcement first.)
    await expect(page.locator('#announcer')).toHaveText('Parathedsrapport: Dele');
    await recordAnnouncements(page);
    await page.goto('#/data');
    await expect(page.locator('main h1')).toHaveText('Dine data');
    await expect(page.locator('main h1')).toBeFocused();
    expect(parts).toEqual(['report', 'data-page']);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.said)).toEqual(['Dine data']);
    await expectAccessible(page, 'the data page from its part');
  });

  test('a part that cannot be fetched says so, keeps every answer, and "Prøv igen" fetches it', async ({ page }) => {
    let held = true;
    await holdParts(page, () => held);
    const id = await createAssessment(page, { name: 'Afbrudt' });
    await page.goto(`#/vurdering/${id}/punkt/sekretariat`);
    await page.getByLabel('Ikke opfyldt').check();

    // Keyboard only: the report is opened from the overview's link.
    await page.goto(`#/vurdering/${id}`);
    await expect(page.locator('main h1')).toContainText('Afbrudt');
    const reportLink = page.locator('main a[href$="/rapport"]').first();
    await reportLink.focus();
    await page.keyboard.press('Enter');
    const heading = page.locator('main h1');
    await expect(heading).toHaveText('Siden kunne ikke hentes');
    await expect(heading).toBeFocused();
    await expect(page.locator('#announcer')).toHaveText('Siden kunne ikke hentes');
    await expect(page.getByText('Dine svar er gemt og ikke berørt.', { exact: false })).toBeVisible();
    await expectAccessible(page, 'a part that could not be fetched');

    // The rest of the app still works, and the answer is still there.
    await page.goto(`#/vurdering/${id}/punkt/sekretariat`);
    await expect(page.getByLabel('Ikke opfyldt')).toBeChecked();
    await page.goBack();
    await expect(heading).toHaveText('Siden kunne ikke hentes');

    held = false;
    await page.getByRole('button', { name: 'Prøv igen' }).focus();
    await page.keyboard.press('Enter');
    await expect(heading).toHaveText('Parathedsrapport: Afbrudt');
    await expect(heading).toBeFocused();
    await expect(page.locator('#announcer')).toHaveText('Parathedsrapport: Afbrudt');
    await expect(page.locator('main')).toContainText('Ikke opfyldt');
  });
});

test('once the service worker is installed, every part opens with the network off', async ({ page, context }) => {
  const id = await createAssessment(page, { name: 'Uden net' });
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.active.state)), { timeout: 15_000 })
    .toBe('activated');
  // The worker kept every part, not only the first load's files.
  const kept = await page.evaluate(async () => {
    const cache = await caches.open((await caches.keys()).find((key) => key.startsWith('helhedsplan-tjek-')));
    return (await cache.keys()).map((request) => new URL(request.url).pathname).filter((path) => path.includes('/parts/'));
  });
  expect(kept.map((path) => path.match(/part-([a-z-]+)-/)?.[1]).filter(Boolean).sort()).toEqual(ALL_PARTS);
  await context.setOffline(true);
  // A fresh start offline: nothing is in memory, every part comes from the worker's cache.
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('helhedsplan-tjek:interactive').length > 0);
  await recordAnnouncements(page);
  const headings = [];
  for (const [hash, heading] of [
    [`#/vurdering/${id}/rapport`, 'Parathedsrapport: Uden net'],
    ['#/data', 'Dine data'],
    ['#/evaluering', /Evaluering/],
    ['#/gennemgang', /gennemgang/i],
  ]) {
    await page.goto(hash);
    await expect(page.locator('main h1')).toHaveText(heading);
    await expect(page.locator('main h1')).toBeFocused();
    headings.push(await page.locator('main h1').textContent());
    await page.waitForTimeout(300);
  }
  // Each page is announced once, though a part read from the cache arrives while the page
  // change is still looking for the heading, and both land on it.
  expect(await page.evaluate(() => window.said)).toEqual(headings);
  await context.setOffline(false);
});
