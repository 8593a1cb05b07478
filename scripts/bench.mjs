// The benchmark behind scripts/bench: sizes of the first load and timings in headless Chromium.
//   node scripts/bench.mjs DIST
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { chromiumLaunch } from './lib/chromium.mjs';

const dist = process.argv[2] ?? 'dist';
const port = 4190;
const BUDGET_GZIP = 150 * 1024;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// --- Sizes: what the browser fetches before the first screen. ---
const files = readdirSync(dist);
const firstLoad = [
  ['wasm', files.find((f) => f.endsWith('_bg.wasm'))],
  ['JS (bindings)', files.find((f) => /^helhedsplan-tjek-.*\.js$/.test(f))],
  ['JS (loader)', files.find((f) => /^boot-.*\.js$/.test(f))],
  ...files.filter((f) => f.endsWith('.css')).map((f) => [`CSS (${f.split('-')[0]})`, f]),
  ['HTML', 'index.html'],
];
const rows = firstLoad.map(([what, file]) => {
  const bytes = readFileSync(join(dist, file));
  return {
    what,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
console.log('\nFirst load (everything fetched before the first screen)');
console.log('| file | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.what} | ${kb(r.raw)} | ${kb(r.gzip)} | ${kb(r.brotli)} |`);
console.log(`| **total** | ${kb(total.raw)} | **${kb(total.gzip)}** | ${kb(total.brotli)} |`);
console.log(`budget: ${kb(BUDGET_GZIP)} gzip → ${total.gzip <= BUDGET_GZIP ? 'within budget' : 'OVER BUDGET'} (${kb(BUDGET_GZIP - total.gzip)} left)`);

// --- Timings in headless Chromium. ---
const server = spawn('node', ['scripts/serve.mjs', '--root', dist, '--port', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 400));
const base = `http://127.0.0.1:${port}/`;
const browser = await chromium.launch(chromiumLaunch);
const seed = (records) => {
  for (const record of records) localStorage.setItem(`helhedsplan-tjek:assessment:${record.assessment.id}`, JSON.stringify(record));
};
const record = (id, answers = {}) => ({
  format: 'helhedsplan-tjek.assessment',
  schemaVersion: 1,
  assessment: {
    id,
    catalogue: { id: 'kk-helhedsplaner-2011', version: '1.0' },
    createdAt: '2026-11-21T09:00:00.000Z',
    updatedAt: '2026-11-21T09:00:00.000Z',
    profile: { planName: 'Bench', organisation: '', housingArea: '', assessor: '', date: '', planType: 'type-1', conditions: { 'plan-origin': 'fornyelse', omraadefornyelse: 'ja' } },
    answers,
  },
});

try {
  const loads = [];
  let memory = {};
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('[data-command=create]').waitFor();
    loads.push(await page.evaluate(() => performance.getEntriesByName('helhedsplan-tjek:interactive')[0].startTime));
    if (run === 4) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => globalThis.helhedsplanTjek.wasmMemory.buffer.byteLength);
      memory = { heap: heap.usedSize, wasm };
    }
    await context.close();
  }

  // Click on a status → the answer in localStorage, over 20 clicks.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.evaluate(seed, [record('bench')]);
  await page.goto(`${base}#/vurdering/bench/punkt/sekretariat`);
  await page.reload();
  await page.locator('#status-met').waitFor({ state: 'attached' });
  const clicks = await page.evaluate(async () => {
    const written = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      setItem.call(this, key, value);
      if (key === 'helhedsplan-tjek:assessment:bench') written.push(performance.now());
    };
    const times = [];
    const statuses = ['met', 'partly-met', 'not-met', 'not-relevant'];
    for (let i = 0; i < 20; i++) {
      const before = written.length;
      const t0 = performance.now();
      document.getElementById(`status-${statuses[i % 4]}`).click();
      while (written.length === before) await new Promise((r) => setTimeout(r, 0));
      times.push(written[before] - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    Storage.prototype.setItem = setItem;
    return times;
  });
  await context.close();

  // Click on "Se parathedsrapporten" → the report of a complete assessment on screen, 10 times.
  const reportContext = await browser.newContext();
  const reportPage = await reportContext.newPage();
  await reportPage.goto(base);
  const complete = {};
  for (const item of ['faelles-analyse', 'fornyelse-gennemgang', 'organisering-snitflader', 'udvikling-brobygning', 'forandringsstrategi', 'kompetenceudvikling', 'borgerinddragelse', 'fysiske-tiltag', 'sekretariat', 'omraadefornyelse', 'styregruppe-sammensaetning', 'styregruppe-afklaring', 'halvaarlig-evaluering']) {
    complete[item] = { status: 'partly-met', elements: [], documentedIn: 'Afsnit 3', notes: 'En note om punktet.', notRelevantReason: '', action: { description: 'En handling', owner: 'Projektleder', deadline: '2027-01-01' }, includedAnyway: null };
  }
  await reportPage.evaluate(seed, [record('report', complete)]);
  await reportPage.goto(`${base}#/vurdering/report/tjek`);
  await reportPage.reload();
  await reportPage.locator('a[href$="/rapport"]').last().waitFor();
  const reports = [];
  for (let i = 0; i < 10; i++) {
    reports.push(await reportPage.evaluate(async () => {
      const link = [...document.querySelectorAll('a[href$="/rapport"]')].pop();
      const shown = new Promise((resolve) => {
        const check = () => (document.querySelector('.report h1') ? resolve() : requestAnimationFrame(check));
        check();
      });
      const t0 = performance.now();
      link.click();
      await shown;
      await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    }));
    await reportPage.goBack();
    await reportPage.locator('a[href$="/rapport"]').last().waitFor();
  }
  await reportContext.close();

  console.log('\nTimings (headless Chromium, this machine)');
  console.log('| measure | median | runs |\n| --- | ---: | ---: |');
  console.log(`| navigation → first screen interactive | ${median(loads).toFixed(0)} ms | 5 |`);
  console.log(`| click on a status → answer in localStorage | ${median(clicks).toFixed(2)} ms | 20 |`);
  console.log(`| click → report of a complete assessment on screen | ${median(reports).toFixed(1)} ms | 10 |`);
  console.log('\nMemory after load');
  console.log(`| JS heap used | ${kb(memory.heap)} |\n| WebAssembly memory | ${kb(memory.wasm)} |`);
} finally {
  await browser.close();
  server.kill();
}
