// Embedding, offline use and the two languages: the built app under a sub-path with a strict
// CSP, in an iframe on another origin, with the network off, and in English.
import { test, expect, openApp, createAssessment, storedAssessments, expectAccessible, serveCopyOfBuild, publishNewVersion } from './fixtures.mjs';

const APP = 'http://127.0.0.1:4174/boligsocial/selvtest/';
const HOST = 'http://localhost:4175/host.html';

/** Fails the test on any Content-Security-Policy violation in the page or its frames. Each
 * document says so in a `securitypolicyviolation` event, also for one the code caught (a blocked
 * eval); the console alone does not show those. */
async function watchForCspViolations(page) {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI || event.sample}`);
    });
  });
  const violations = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('under a sub-path with the strict CSP, the whole journey works', async ({ page }) => {
  const violations = await watchForCspViolations(page);
  // The report is a part of the app's WebAssembly of its own: fetched from under the sub-path.
  const parts = [];
  page.on('response', (response) => {
    if (/\/parts\/part-[a-z-]+-[0-9a-f]+\.wasm$/.test(response.url())) parts.push([new URL(response.url()).pathname, response.status(), response.headers()['content-type']]);
  });
  const response = await page.goto(APP);
  expect(response.headers()['content-security-policy']).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
  await expect(page.locator('main h1')).toHaveText(/klar til kommunal medfinansiering/);
  await page.getByRole('button', { name: 'Start en ny vurdering' }).click();
  await page.getByLabel('Planens navn').fill('Understi');
  await page.getByLabel('Type 1', { exact: true }).check();
  const id = page.url().match(/vurdering\/([^/]+)/)[1];
  await page.goto(`${APP}#/vurdering/${id}/punkt/sekretariat`);
  await page.getByLabel('Ikke opfyldt').check();
  await page.goto(`${APP}#/vurdering/${id}/rapport`);
  await expect(page.locator('main h1')).toHaveText('Parathedsrapport: Understi');
  expect(parts).toEqual([[expect.stringMatching(/^\/boligsocial\/selvtest\/parts\/part-report-/), 200, 'application/wasm']]);
  await page.locator('#lang-en').click();
  await expect(page.locator('main h1')).toHaveText('Readiness report: Understi');
  expect(new URL(page.url()).pathname).toBe('/boligsocial/selvtest/');
  expect(violations).toEqual([]);
});

test('embedded in an iframe on another origin: it works, follows its content\'s height, and calls no other origin', async ({ page }) => {
  const violations = await watchForCspViolations(page);
  const requests = [];
  page.on('request', (request) => requests.push({ url: request.url(), fromTool: request.frame() !== page.mainFrame() }));
  await page.goto(HOST);
  const tool = page.frameLocator('#tool');
  await expect(tool.locator('main h1')).toHaveText(/klar til kommunal medfinansiering/);
  const height = () => page.locator('#tool').evaluate((frame) => frame.getBoundingClientRect().height);
  const content = () => page.frames()[1].evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs((await height()) - (await content())), { message: 'the iframe is as tall as its content' }).toBeLessThanOrEqual(1);
  const startHeight = await height();

  await tool.getByRole('button', { name: 'Start en ny vurdering' }).click();
  await tool.getByLabel('Planens navn').fill('Indlejret');
  await tool.getByLabel('Type 2', { exact: true }).check();
  await tool.getByRole('link', { name: 'Videre til oversigten' }).click();
  await expect(tool.locator('main h1')).toHaveText('Indlejret');
  await expect.poll(height, { message: 'the iframe grows with the longer page' }).toBeGreaterThan(startHeight + 300);
  await expect.poll(async () => Math.abs((await height()) - (await content()))).toBeLessThanOrEqual(1);

  await tool.getByRole('link', { name: 'Tjek jeres svar' }).click();
  await tool.getByRole('link', { name: 'Se parathedsrapporten' }).click();
  await expect(tool.locator('main h1')).toHaveText('Parathedsrapport: Indlejret');
  // The button prints the tool's own window. (What that prints, only the report, is checked on
  // the printed PDF in readme.spec.mjs; the host page cannot be printed from a cross-origin frame.)
  const frame = page.frames().find((f) => f.url().startsWith(APP));
  await frame.evaluate(() => { window.print = () => { window.printed = true; }; });
  await tool.getByRole('button', { name: 'Udskriv / gem som PDF' }).click();
  expect(await frame.evaluate(() => window.printed)).toBe(true);

  const foreign = requests.filter((r) => r.fromTool && !r.url.startsWith('http://127.0.0.1:4174/'));
  expect(foreign, 'requests leaving the app\'s origin').toEqual([]);
  expect(requests.filter((r) => !r.fromTool).every((r) => r.url.startsWith('http://localhost:4175/') || r.url.startsWith(APP))).toBe(true);
  expect(violations).toEqual([]);
  await expectAccessible(page, 'the host page with the embedded tool');
});

test('the host hears heights only from the tool, and the tool talks only to its host', async ({ page }) => {
  // Every message the host window receives, and every request the tool makes.
  await page.addInitScript(() => {
    if (location.origin !== 'http://localhost:4175') return;
    window.heard = [];
    window.addEventListener('message', (event) => {
      const fromTool = event.source === document.querySelector('#tool')?.contentWindow;
      window.heard.push({ origin: event.origin, fromTool, data: event.data });
    });
    // Every height the iframe is given, so one that is set and then undone still shows.
    window.heights = [];
    document.addEventListener('DOMContentLoaded', () => {
      const tool = document.querySelector('#tool');
      new MutationObserver(() => window.heights.push(tool.style.height)).observe(tool, { attributeFilter: ['style'] });
    });
  });
  const toolRequests = [];
  page.on('request', (request) => request.frame() !== page.mainFrame() && toolRequests.push(request.url()));
  await page.goto(HOST);
  await expect(page.frameLocator('#tool').locator('main h1')).toBeVisible();
  const height = () => page.locator('#tool').evaluate((f) => f.style.height);
  const content = () => page.frames()[1].evaluate(() => `${Math.ceil(document.body.getBoundingClientRect().height)}px`);
  await expect.poll(async () => (await height()) === (await content()), { message: 'the tool has sent its height' }).toBe(true);
  const before = await height();

  // A message from the host page itself (not from the iframe's window) is ignored. Then the
  // host greets the tool, which answers with its height: once that answer has been heard, the
  // forged message before it has been handled too.
  const heard = () => page.evaluate(() => window.heard.length);
  const forgedAt = await heard();
  await page.evaluate(() => {
    window.postMessage({ type: 'helhedsplan-tjek:height', height: 12345 }, '*');
    document.querySelector('#tool').contentWindow.postMessage({ type: 'helhedsplan-tjek:hello' }, 'http://127.0.0.1:4174');
  });
  await expect.poll(() => page.evaluate((at) => window.heard.slice(at + 1).some((m) => m.fromTool), forgedAt), {
    message: 'the tool answers the greeting',
  }).toBe(true);
  expect(await height()).toBe(before);
  expect(await page.evaluate(() => window.heights)).not.toContain('12345px');

  // The tool says only its height, from its own origin.
  const fromTool = await page.evaluate(() => window.heard.filter((m) => m.fromTool));
  expect(fromTool.length).toBeGreaterThan(0);
  for (const message of fromTool) {
    expect(message.origin).toBe('http://127.0.0.1:4174');
    expect(Object.keys(message.data).sort()).toEqual(['height', 'type']);
    expect(message.data.type).toBe('helhedsplan-tjek:height');
  }
  // And asks nothing of any other origin.
  expect(toolRequests.length).toBeGreaterThan(0);
  expect(toolRequests.filter((url) => !url.startsWith('http://127.0.0.1:4174/'))).toEqual([]);
  const frame = page.frames().find((f) => f.url().startsWith(APP));
  expect(await frame.evaluate(() => document.documentElement.classList.contains('embedded'))).toBe(true);
});

test('after one visit the tool opens and saves answers with the network off', async ({ page, context }) => {
  const id = await createAssessment(page, { name: 'Offline' });
  // The worker has installed (precached every file) and taken over before the network goes.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.active.state)), { timeout: 15_000 })
    .toBe('activated');
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  await page.goto(`#/vurdering/${id}/punkt/borgerinddragelse`);
  await page.getByLabel('Delvist opfyldt').check();
  await page.getByLabel('Noter').fill('Skrevet uden net');
  const [stored] = await storedAssessments(page);
  expect(stored.answers.borgerinddragelse).toMatchObject({ status: 'partly-met', notes: 'Skrevet uden net' });
  await page.goto(`#/vurdering/${id}/rapport`);
  await expect(page.locator('main h1')).toHaveText('Parathedsrapport: Offline');
  await page.locator('#lang-en').click();
  await expect(page.locator('main h1')).toHaveText('Readiness report: Offline', { timeout: 10_000 });
  await context.setOffline(false);
});

test('English is chosen from a visible switch, remembered, and Danish quotes stay marked Danish', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Sprog' });
  await page.goto(`#/vurdering/${id}/punkt/faelles-analyse`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('main h1')).toHaveText('K1 Joint analysis of the area\'s needs');
  await expect(page.locator('blockquote.requirement__quote')).toHaveAttribute('lang', 'da');
  await expect(page.getByLabel('Met', { exact: true })).toBeVisible();
  await expectAccessible(page, 'an item page in English');
  await page.reload();
  await expect(page.locator('main h1')).toHaveText('K1 Joint analysis of the area\'s needs');
  await page.goto(`#/vurdering/${id}/rapport`);
  await expect(page.locator('main h1')).toHaveText('Readiness report: Sprog');
  await expect(page.locator('.report')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.locator('main h1')).toHaveText('Parathedsrapport: Sprog');
});

test('a host can theme colours, font and logo, and a same-origin theme file', async ({ page }) => {
  await openApp(page, '/?primary=%231d5e2e&header=%23123456&font=Georgia&logo=icon.svg&theme=theme-example.css#/');
  const style = (name) => page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
  await expect.poll(() => style('--color-primary-dark'), { message: 'the theme file applies' }).toBe('#143f1f');
  expect(await style('--font-family'), 'a parameter wins over the theme file').toBe('Georgia');
  expect(await style('--header-background')).toBe('#123456');
  expect(await style('--color-primary')).toBe('#1d5e2e');
  expect(await style('--logo-url')).toContain('icon.svg');
  await openApp(page, '/?primary=red;background:url(x)&logo=https://elsewhere.example/x.png#/');
  expect(await style('--color-primary')).toBe('#0a4f8f');
  expect(await style('--logo-url')).toBe('none');
});

test('a new version is announced, and taking it keeps every answer', async ({ page }) => {
  const { origin, root, stop } = await serveCopyOfBuild();
  try {
    await page.goto(origin);
    await page.getByRole('button', { name: 'Start en ny vurdering' }).click();
    await page.getByLabel('Planens navn').fill('Før opdateringen');
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    const before = await storedAssessments(page);

    // A new deploy: the service worker's content changes.
    publishNewVersion(root, '0000000000000001');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const notice = page.getByRole('status').filter({ hasText: 'En ny version af Helhedsplan-tjek er klar' });
    await expect(notice).toBeVisible();
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Brug den nye version' }).click()]);
    await expect(page.locator('main h1')).toBeVisible();
    expect(await storedAssessments(page)).toEqual(before);
    expect(await page.evaluate(() => caches.keys())).toEqual(['helhedsplan-tjek-0000000000000001']);
  } finally {
    stop();
  }
});
