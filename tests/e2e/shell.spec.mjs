// The static first screen (index.html, before the WebAssembly has started) and the policy the
// shipped index.html carries. Proves: "English" … "is remembered" also for the first screen, and
// "The app runs under this policy, with no 'unsafe-inline'" also on a host that sends no header.
import { readFileSync } from 'node:fs';
import { test, expect, openApp } from './fixtures.mjs';

/**
 * Records, from before the page's own scripts run, what each frame about to be painted shows
 * (the first heading and whether the page is visible), and the same at DOMContentLoaded.
 */
async function recordFirstScreen(page) {
  await page.addInitScript(() => {
    const look = () => ({
      h1: document.querySelector('h1')?.textContent ?? null,
      inShell: Boolean(document.querySelector('#static-shell h1')),
      lang: document.documentElement.lang,
      visible: getComputedStyle(document.documentElement).visibility !== 'hidden',
    });
    const seen = { frames: [], atContentLoaded: null };
    window.__firstScreen = seen;
    // Until the app's own screen has been up for 30 frames.
    let appFrames = 0;
    const frame = () => {
      if (document.documentElement) seen.frames.push(look());
      if (document.querySelector('main h1:not(#static-shell h1)')) appFrames += 1;
      if (appFrames < 30 && seen.frames.length < 1000) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.addEventListener('DOMContentLoaded', () => {
      seen.atContentLoaded = look();
    });
  });
}

const DANISH_HEADING = 'Er jeres helhedsplan klar til kommunal medfinansiering?';
const ENGLISH_HEADING = 'Is your comprehensive plan ready for municipal co-financing?';

async function reloadInEnglish(page) {
  await openApp(page);
  await page.locator('#lang-en').click();
  await expect(page.locator('main h1')).toHaveText(ENGLISH_HEADING);
  await recordFirstScreen(page);
  await page.reload({ waitUntil: 'domcontentloaded' });
}

test('with English chosen, the first screen after a reload is English from the first paint', async ({ page }) => {
  await reloadInEnglish(page);
  const first = await page.evaluate(() => window.__firstScreen.atContentLoaded);
  expect(first).toEqual({ h1: ENGLISH_HEADING, inShell: true, lang: 'en', visible: true });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // No frame painted the first screen visibly in Danish.
  const frames = await page.evaluate(() => window.__firstScreen.frames);
  const shellFrames = frames.filter((f) => f.inShell && f.visible);
  expect(shellFrames.length).toBeGreaterThan(0);
  expect(shellFrames.filter((f) => f.h1 !== ENGLISH_HEADING || f.lang !== 'en')).toEqual([]);
  // Then the app takes over, in English, and the first screen and its English copy are gone.
  await expect(page.locator('main h1')).toHaveText(ENGLISH_HEADING);
  await expect(page.locator('#static-shell, #static-shell-en')).toHaveCount(0);
});

test('with English chosen, the app takes over from the first screen in English, with no Danish frame between', async ({ page }) => {
  await reloadInEnglish(page);
  await expect(page.locator('main h1')).toHaveText(ENGLISH_HEADING);
  await expect.poll(() => page.evaluate(() => window.__firstScreen.frames.filter((f) => !f.inShell && f.h1).length)).toBeGreaterThan(0);
  const frames = await page.evaluate(() => window.__firstScreen.frames);
  expect(frames.filter((f) => f.visible && f.h1 === DANISH_HEADING)).toEqual([]);
});

test('without a choice, the first screen is Danish and the English copy is dropped', async ({ page }) => {
  await recordFirstScreen(page);
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const first = await page.evaluate(() => window.__firstScreen.atContentLoaded);
  expect(first).toEqual({ h1: DANISH_HEADING, inShell: true, lang: 'da', visible: true });
  await expect(page.locator('#static-shell-en')).toHaveCount(0);
  await expect(page.locator('main h1')).toHaveText(DANISH_HEADING);
});

test("the release index.html carries the README's Content-Security-Policy, without 'unsafe-inline', and it holds without a header", async ({ page, request }) => {
  const response = await request.get('/');
  // This server sends no policy of its own (as a plain static host would not).
  expect(response.headers()['content-security-policy']).toBeUndefined();
  const html = await response.text();
  const meta = html.match(/<meta http-equiv="?Content-Security-Policy"? content="([^"]*)">/i);
  expect(meta, 'a Content-Security-Policy <meta>').not.toBeNull();
  expect(meta[1]).not.toContain('unsafe-inline');
  const readme = readFileSync('README.md', 'utf8').match(/^Content-Security-Policy: (.+)$/m)[1].trim();
  expect(meta[1]).toBe(readme);
  // It comes before any script, so it covers them all.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));

  // And the browser enforces it: the app runs, and an inline script is refused.
  await openApp(page);
  const refused = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true });
        const script = document.createElement('script');
        script.textContent = 'window.inlineScriptRan = true;';
        document.body.append(script);
      }),
  );
  expect(refused).toBe('script-src-elem');
  expect(await page.evaluate(() => window.inlineScriptRan)).toBeUndefined();
});

test('"English" chosen on the static first screen, before the app has started, is kept and carried out once it has', async ({ page }) => {
  // A slow phone: the app's WebAssembly arrives a while after the first screen is painted.
  let release;
  const arrived = new Promise((resolve) => { release = resolve; });
  await page.route(/helhedsplan-tjek-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await arrived;
    await route.continue();
  });
  await page.goto('#/');
  const english = page.locator('#static-shell #lang-en');
  await expect(english).toBeVisible();
  await english.click();
  // Shown as chosen at once, though only the static screen is there.
  await expect(english).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#static-shell #lang-da')).toHaveAttribute('aria-pressed', 'false');
  release();
  // The app takes over and carries the choice out, as its own switch does.
  await expect(page.locator('main h1')).toHaveText(ENGLISH_HEADING);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#lang-en')).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('The page is now shown in English.');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('helhedsplan-tjek:settings')).lang)).toBe('en');
});
