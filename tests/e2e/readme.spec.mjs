// What the README promises, one test per promise; each title quotes the sentence it holds.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, openApp, createAssessment, storedAssessments, serveCopyOfBuild, publishNewVersion } from './fixtures.mjs';
import { docx, pdf } from '../../scripts/lib/plan-files.mjs';

const APP = 'http://127.0.0.1:4174/boligsocial/selvtest/';
const HOST = 'http://localhost:4175/host.html';
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A sentence no catalogue text or UI text contains, to find the plan's text wherever it went. */
const MARKER = 'Kodeordet for denne plan er KRAGEFOD-7731.';
const PLAN = readFileSync('tests/plans/plan-a.txt', 'utf8').replace('\n\n', `\n\n${MARKER}\n\n`);

async function givePlan(page, name, buffer, mimeType) {
  await page.getByLabel('Vælg planen (DOCX, PDF eller ODT)').setInputFiles({ name, mimeType, buffer });
  await expect(page.locator('#plan-result')).toContainText(name);
}

async function pastePlan(page, id) {
  await page.goto(`#/vurdering/${id}/plan`);
  await page.getByLabel('Eller indsæt planens tekst').fill(PLAN);
  await page.getByRole('button', { name: 'Læs teksten' }).click();
  await expect(page.locator('#plan-result')).toContainText('Indsat tekst');
}

/** Every value in the app's IndexedDB store of plans, as text ([] when there is no store). */
function storedPlans(page) {
  return page.evaluate(async () => {
    // Opening a database that does not exist would create it empty, without the app's store.
    if (!(await indexedDB.databases()).some((d) => d.name === 'helhedsplan-tjek')) return [];
    return new Promise((resolve, reject) => {
      const open = indexedDB.open('helhedsplan-tjek');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('plans')) {
          db.close();
          resolve([]);
          return;
        }
        const all = db.transaction('plans').objectStore('plans').getAll();
        all.onerror = () => reject(all.error);
        all.onsuccess = () => {
          db.close();
          resolve(all.result.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))));
        };
      };
    });
  });
}

const localStorageText = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage)));

/** Records every request the browser context makes (pages, frames, workers). */
function recordRequests(context) {
  const urls = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

test('README: "The tool sends its height with postMessage only to the origin named by ?parent= …, and the host script accepts heights only from the iframe\'s own window and origin"', async ({ page }) => {
  // Every message the host window hears, with the frame it came from.
  await page.addInitScript(() => {
    if (location.origin !== 'http://localhost:4175') return;
    window.heard = [];
    window.addEventListener('message', (event) => {
      const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
      window.heard.push({ from: frame?.id ?? null, origin: event.origin, data: event.data });
    });
    // Every height any iframe is given, so one that is set and then undone still shows.
    window.resized = [];
    new MutationObserver((changes) => changes.forEach((c) => c.target.localName === 'iframe' && window.resized.push(`${c.target.id} ${c.target.style.height}`)))
      .observe(document, { subtree: true, attributeFilter: ['style'] });
  });
  await page.goto(HOST);
  await expect(page.frameLocator('#tool').locator('main h1')).toBeVisible();
  const styleHeight = (id) => page.locator(`#${id}`).evaluate((f) => f.style.height);
  const heardFrom = (id) => page.evaluate((from) => window.heard.filter((m) => m.from === from), id);
  await expect.poll(async () => (await heardFrom('tool')).length, { message: 'the tool reports its height' }).toBeGreaterThan(0);
  const toolHeight = await styleHeight('tool');
  const resizedBefore = await page.evaluate(() => window.resized.length);

  // Two more frames: the app on another origin, told to report to this host, and the tool
  // itself told (by ?parent=) that its host is another origin.
  await page.evaluate(() => {
    const frame = (id, src, embedded) => {
      const iframe = document.createElement('iframe');
      iframe.id = id;
      iframe.title = id;
      iframe.src = src;
      iframe.style.height = '250px';
      if (embedded) iframe.dataset.helhedsplanTjek = '';
      document.body.append(iframe);
    };
    frame('foreign', 'http://127.0.0.1:4173/?parent=http://localhost:4175', false);
    frame('misdirected', 'http://127.0.0.1:4174/boligsocial/selvtest/?parent=http://127.0.0.1:4173', true);
  });

  // The foreign frame's heights reach the host, which ignores them: no iframe changes height.
  await expect
    .poll(async () => (await heardFrom('foreign')).some((m) => m.data?.type === 'helhedsplan-tjek:height'), {
      message: 'the foreign frame has sent a height to the host',
    })
    .toBe(true);
  expect(await styleHeight('foreign')).toBe('250px');
  expect(await styleHeight('tool')).toBe(toolHeight);

  // The misdirected tool sends its heights only to the origin it was given, so the host never
  // hears one. Once a later message from that frame has arrived, any height sent before it would
  // have too.
  const misdirected = page.frameLocator('#misdirected');
  await expect(misdirected.locator('main h1')).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes('parent=http://127.0.0.1:4173'));
  await frame.evaluate(() => window.parent.postMessage('later', '*'));
  await expect.poll(async () => (await heardFrom('misdirected')).some((m) => m.data === 'later')).toBe(true);
  expect((await heardFrom('misdirected')).filter((m) => m.data?.type === 'helhedsplan-tjek:height')).toEqual([]);
  expect(await styleHeight('misdirected')).toBe('250px');
  // Nor was any iframe resized meanwhile, even for a moment (the tool's own height stayed put).
  expect(await page.evaluate((n) => window.resized.slice(n).filter((r) => !r.endsWith(' 250px')), resizedBefore)).toEqual([]);
});

test('README: "“Udskriv” inside the iframe prints only the report" (the text of the printed PDF)', async ({ page }) => {
  // Chromium prints a frame's own document when print() is called in it, and offers no way to
  // print an out-of-process frame to PDF over CDP: so the frame's address is opened as a page
  // of its own, marked embedded as boot.js marks it inside a frame, and printed with the print
  // styles.
  await openApp(page, `${APP}?parent=http://localhost:4175#/`);
  await page.evaluate(() => document.documentElement.classList.add('embedded'));
  await page.getByRole('button', { name: 'Start en ny vurdering' }).click();
  await page.getByLabel('Planens navn').fill('Udskrevet');
  await page.getByLabel('Type 1', { exact: true }).check();
  const id = page.url().match(/vurdering\/([^/]+)/)[1];
  await page.goto(`${APP}?parent=http://localhost:4175#/vurdering/${id}/punkt/sekretariat`);
  await page.getByLabel('Ikke opfyldt').check();
  await page.goto(`${APP}?parent=http://localhost:4175#/vurdering/${id}/rapport`);
  await expect(page.locator('main h1')).toHaveText('Parathedsrapport: Udskrevet');
  await page.evaluate(() => document.documentElement.classList.add('embedded'));
  await expect(page.getByRole('button', { name: 'Udskriv / gem som PDF' })).toBeVisible();

  const onScreenOnly = await page.evaluate(() => {
    const report = document.querySelector('.report').innerText;
    const lines = [...document.querySelectorAll('.site-header, .site-footer, .no-print, .steps')]
      .flatMap((element) => element.innerText.split('\n'))
      .map((line) => line.trim())
      .filter((line) => line.length > 3 && !report.includes(line));
    return [...new Set(lines)];
  });
  expect(onScreenOnly.length, 'the page has a header, footer and buttons around the report').toBeGreaterThan(3);

  await page.emulateMedia({ media: 'print' });
  const file = join(mkdtempSync(join(tmpdir(), 'print-')), 'rapport.pdf');
  await page.pdf({ path: file, format: 'A4' });
  const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(printed).toContain('Parathedsrapport: Udskrevet');
  expect(printed).toContain('Samlet vurdering');
  expect(printed).toContain('Ikke klar');
  for (const line of onScreenOnly) expect(printed, `printed, but not part of the report: «${line}»`).not.toContain(line);
});

test('README: "the plan\'s text is kept in this browser\'s IndexedDB …, never in local storage and never sent anywhere" and "An export file carries the references you chose … with the first lines of each chosen passage …, not the rest of the plan\'s text"', async ({ page, context }) => {
  const requests = [];
  context.on('request', (request) => requests.push({ url: request.url(), method: request.method() }));
  const id = await createAssessment(page, { name: 'Hemmelig plan' });
  await pastePlan(page, id);

  await expect.poll(async () => (await storedPlans(page)).some((plan) => plan.includes('KRAGEFOD-7731'))).toBe(true);
  expect(await localStorageText(page)).not.toContain('KRAGEFOD');
  expect(requests.filter((r) => r.method !== 'GET' || !r.url.startsWith('http://127.0.0.1:4173/'))).toEqual([]);

  await page.goto(`#/vurdering/${id}/punkt/styregruppe-afklaring`);
  const place = (await page.locator('.plan-hit__place span').first().textContent()).trim();
  await page.locator('.plan-findings').getByRole('button', { name: /^Brug som henvisning/ }).first().click();
  await expect(page.locator('#documented-in')).toHaveValue(place);

  await page.goto('#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér alle vurderinger' }).click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  const chosen = JSON.parse(exported).assessments[0].answers['styregruppe-afklaring'];
  expect(chosen.documentedIn).toBe(place);
  expect(chosen.evidencePlace).toBe(place);
  expect(chosen.evidenceQuote.length).toBeGreaterThan(20);
  expect(chosen.evidenceQuote.length).toBeLessThanOrEqual(300);
  expect(PLAN.replace(/\s+/g, ' ')).toContain(chosen.evidenceQuote.replace(/ …$/, ''));
  expect(exported).not.toContain('KRAGEFOD');
  expect(exported).not.toContain('nordvestlige del af Bispebjerg');
  expect(await localStorageText(page)).not.toContain('KRAGEFOD');
});

test('README: "“Fjern planen” removes it, and so does “Slet alle mine data”" (IndexedDB is empty afterwards)', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Slettes' });
  await pastePlan(page, id);
  await expect.poll(async () => (await storedPlans(page)).length).toBe(1);
  await page.goto('#/data');
  await page.getByRole('button', { name: 'Slet alle mine data' }).click();
  await page.getByRole('button', { name: 'Ja, slet' }).click();
  await expect(page.getByRole('paragraph').filter({ hasText: 'Alle data fra Helhedsplan-tjek er slettet' })).toBeVisible();
  expect(await storedPlans(page)).toEqual([]);
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  expect(await storedPlans(page)).toEqual([]);
});

test('README: "DOCX and ODT in a Web Worker, PDF with its own copy of pdf.js; both are fetched only then, and cached for offline use"', async ({ page, context }) => {
  test.setTimeout(90_000);
  const requests = recordRequests(context);
  const scanner = () => requests.filter((url) => /\/scanner-[^/]*$/.test(url));
  const pdfjs = () => requests.filter((url) => url.includes('/pdfjs/'));
  const id = await createAssessment(page, { name: 'Senere' });
  // Every screen before a plan is given: neither the scanner nor pdf.js is fetched.
  for (const hash of ['#/', `#/vurdering/${id}/oversigt`, `#/vurdering/${id}/punkt/sekretariat`, `#/vurdering/${id}/tjek`,
    `#/vurdering/${id}/rapport`, `#/vurdering/${id}/plan`, '#/data', '#/gruppe']) {
    await openApp(page, hash);
  }
  expect(scanner()).toEqual([]);
  expect(pdfjs()).toEqual([]);

  // The service worker controls the page, so what is fetched now is kept.
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 }).toBe(true);
  await page.goto(`#/vurdering/${id}/plan`);
  await givePlan(page, 'plan.docx', await docx(PLAN), DOCX);
  expect(scanner().length).toBeGreaterThan(0);
  expect(pdfjs()).toEqual([]);
  await givePlan(page, 'plan.pdf', await pdf(PLAN), 'application/pdf');
  expect(pdfjs().length).toBeGreaterThan(0);

  await context.setOffline(true);
  try {
    await page.reload();
    await expect(page.locator('main h1')).toHaveText('Læs jeres plan');
    await givePlan(page, 'offline.docx', await docx(PLAN), DOCX);
    await givePlan(page, 'offline.pdf', await pdf(PLAN), 'application/pdf');
  } finally {
    await context.setOffline(false);
  }
});

test('README: "The app makes no request to any other origin: no fonts, analytics or CDNs" (on every screen)', async ({ page, context }) => {
  test.setTimeout(90_000);
  const requests = recordRequests(context);
  // index.html's own policy blocks such a request before it leaves; the attempt still counts.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
  });
  const blocked = [];
  page.on('console', (message) => message.text().startsWith('CSP: ') && blocked.push(message.text()));
  const id = await createAssessment(page, { name: 'Overalt' });
  const other = await createAssessment(page, { name: 'Anden' });
  const screens = ['#/', `#/vurdering/${id}/profil`, `#/vurdering/${id}/oversigt`, `#/vurdering/${id}/punkt/faelles-analyse`,
    `#/vurdering/${id}/tjek`, `#/vurdering/${id}/rapport`, `#/vurdering/${id}/plan`, `#/vurdering/${id}/projektor/faelles-analyse`,
    '#/gruppe', `#/sammenlign/${id}/${other}`, '#/data', '#/findes-ikke'];
  for (const hash of screens) await openApp(page, hash);
  await page.goto(`#/vurdering/${id}/plan`);
  await givePlan(page, 'plan.docx', await docx(PLAN), DOCX);
  await givePlan(page, 'plan.pdf', await pdf(PLAN), 'application/pdf');
  await page.locator('#lang-en').click();
  for (const hash of screens) await openApp(page, hash);
  expect(requests.length).toBeGreaterThan(screens.length);
  expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:4173/'))).toEqual([]);
  expect(blocked).toEqual([]);
});

test('README: "give the tool the plan itself … at most 50 MB" (in the browser, not only natively)', async ({ page }) => {
  const id = await createAssessment(page, { name: 'For stor' });
  await page.goto(`#/vurdering/${id}/plan`);
  const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'kæmpe.pdf');
  writeFileSync(file, Buffer.alloc(50 * 1024 * 1024 + 1, 32));
  await page.getByLabel('Vælg planen (DOCX, PDF eller ODT)').setInputFiles(file);
  await expect(page.locator('#plan-status')).toContainText('Filen er for stor');
  await expect(page.locator('#plan-status')).toContainText('50 MB');
  await expect(page.locator('main')).toContainText('Der er ikke læst nogen plan');
  expect(await storedPlans(page)).toEqual([]);
});

test('README: "The app runs under this policy, with no \'unsafe-inline\'" — reading a DOCX and a PDF too', async ({ page }) => {
  test.setTimeout(60_000);
  // The document reports each violation as an event, also one the code caught and went on from.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
    });
  });
  const response = await page.goto(APP);
  expect(response.headers()['content-security-policy']).toBe(STRICT_CSP);
  await page.getByRole('button', { name: 'Start en ny vurdering' }).click();
  await page.getByLabel('Planens navn').fill('Streng');
  const id = page.url().match(/vurdering\/([^/]+)/)[1];
  await page.goto(`${APP}#/vurdering/${id}/plan`);
  await expect(page.locator('main h1')).toHaveText('Læs jeres plan');
  await givePlan(page, 'streng.docx', await docx(PLAN), DOCX);
  await givePlan(page, 'streng.pdf', await pdf(PLAN), 'application/pdf');
  await page.goto(`${APP}#/vurdering/${id}/punkt/styregruppe-afklaring`);
  await expect(page.locator('.plan-hit__place').first()).toContainText('side');
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});

test('README: "A new version is announced and used only when you choose it" (nothing changes before the click)', async ({ page }) => {
  const { origin, root, stop } = await serveCopyOfBuild();
  try {
    await page.goto(origin);
    await page.getByRole('button', { name: 'Start en ny vurdering' }).click();
    await page.getByLabel('Planens navn').fill('Uændret');
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 }).toBe(true);
    const [oldCache] = await page.evaluate(() => caches.keys());
    const before = await storedAssessments(page);
    await page.evaluate(() => { window.sameDocument = true; });

    publishNewVersion(root, '0000000000000002');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const notice = page.getByRole('status').filter({ hasText: 'En ny version af Helhedsplan-tjek er klar' });
    await expect(notice).toBeVisible();

    // Announced, not used: the new worker waits, the old one still serves, the page was not
    // reloaded, and the old version's files are all still kept.
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        waiting: registration.waiting?.state ?? null,
        activeIsController: registration.active === null ? false : registration.active.scriptURL === navigator.serviceWorker.controller?.scriptURL,
        sameDocument: window.sameDocument === true,
        caches: await caches.keys(),
      };
    });
    expect(state).toEqual({ waiting: 'installed', activeIsController: true, sameDocument: true, caches: expect.arrayContaining([oldCache]) });
    expect(await storedAssessments(page)).toEqual(before);
    // The app goes on working in the old version meanwhile.
    await page.evaluate(() => { location.hash = '#/data'; });
    await expect(page.getByRole('heading', { level: 1, name: 'Dine data' })).toBeVisible();
    expect(await page.evaluate(() => window.sameDocument)).toBe(true);

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Brug den nye version' }).click()]);
    await expect(page.locator('main h1')).toBeVisible();
    expect(await page.evaluate(() => window.sameDocument)).toBeUndefined();
    expect(await page.evaluate(() => caches.keys())).toEqual(['helhedsplan-tjek-0000000000000002']);
  } finally {
    stop();
  }
});
