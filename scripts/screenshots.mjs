#!/usr/bin/env node
// Screenshots of every screen at desktop and phone width, for looking at what we made.
//   node scripts/screenshots.mjs [BASE_URL] [OUT_DIR]
// BASE_URL defaults to a server this script starts on dist/ (build it with scripts/dist first).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromiumLaunch } from './lib/chromium.mjs';

const out = process.argv[3] ?? '.screens';
mkdirSync(out, { recursive: true });
let server;
let base = process.argv[2];
if (!base) {
  server = spawn('node', ['scripts/serve.mjs', '--root', 'dist', '--port', '4199'], { stdio: 'ignore' });
  base = 'http://127.0.0.1:4199/';
  await new Promise((r) => setTimeout(r, 500));
}

/// The running plan's strategiskabelon and the kommune's evaluation across five plans' files.
async function kommune(page, name) {
  await page.goto(`${base}#/strategiskabeloner`);
  await page.getByLabel('Planens navn').fill('Helhedsplan Mjølnerparken 2026');
  await page.getByRole('button', { name: 'Start strategiskabelonen' }).click();
  await page.getByRole('button', { name: 'Tilføj en aktivitet' }).click();
  await page.keyboard.type('Lektiecafé for børn <b>og</b> unge');
  await page.getByRole('group', { name: 'Aktivitet 1' }).getByLabel('børn og unge').check();
  await page.getByRole('group', { name: 'Aktivitet 1' }).getByLabel('God fremdrift').check();
  await page.getByRole('group', { name: 'Det tværkommunale samarbejde' }).getByLabel('rummer større udfordringer').check();
  await page.getByRole('group', { name: 'Hvilke udfordringer møder planen?' }).getByLabel('Andet').check();
  await page.getByRole('button', { name: 'Eksportér til kommunen (JSON)' }).click();
  await page.screenshot({ path: `${out}/${name}-strategiskabelon.png`, fullPage: true });
  await page.getByRole('link', { name: 'Vis til udskrift' }).click();
  await page.locator('.document table').waitFor();
  await page.screenshot({ path: `${out}/${name}-strategiskabelon-print.png`, fullPage: true });
  const example = JSON.parse((await import('node:fs')).readFileSync('tests/fixtures/evaluation-schema-1/export.json', 'utf8'));
  const levels = ['god', 'god', 'nogen', 'ingen', null, 'ikke-startet', 'afsluttet'];
  const ratings = ['fungerer-godt', 'mindre-udfordringer', 'stoerre-udfordringer'];
  const files = ['Mjølnerparken', 'Tingbjerg', 'Akacieparken', 'Urbanplanen', 'Bispebjerg'].map((plan, p) => {
    const file = structuredClone(example);
    const s = file.strategiskabeloner[0];
    Object.assign(s, { id: `plan-${p}-2027-h1`, plan: { ...s.plan, id: `plan-${p}`, name: `Helhedsplan ${plan}` } });
    s.activities = levels.slice(p % 3).map((progress, a) => ({ ...s.activities[a % s.activities.length], id: `a${a}`, progress }));
    s.ratings = { kommunen: { level: ratings[p % 3], comment: '' }, tvaerkommunalt: { level: ratings[(p + 2) % 3], comment: 'Skolen deltager ikke.' } };
    return { name: `${plan}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
  });
  await page.goto(`${base}#/evaluering`);
  await page.getByLabel('Vælg strategiskabeloner (JSON-filer)').setInputFiles(files);
  await page.locator('.document svg').first().waitFor();
  await page.screenshot({ path: `${out}/${name}-evaluation.png`, fullPage: true });
}

const browser = await chromium.launch(chromiumLaunch);
const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } };
try {
  for (const [name, viewport] of Object.entries(widths)) {
    const page = await browser.newPage({ viewport });
    await page.goto(base);
    await page.locator('h1').first().waitFor();
    await page.screenshot({ path: `${out}/${name}-start-empty.png`, fullPage: true });
    await page.getByRole('button', { name: 'Start en ny vurdering' }).click();
    await page.getByLabel('Planens navn').fill('Helhedsplan Mjølnerparken 2026');
    await page.getByLabel('Boligorganisation').fill('Bo-Vita');
    await page.getByLabel('Type 1').check();
    await page.getByLabel('Fornyelse af en eksisterende helhedsplan').check();
    await page.getByLabel('Ved ikke').check();
    await page.screenshot({ path: `${out}/${name}-profile.png`, fullPage: true });
    await page.getByRole('link', { name: 'Videre til oversigten' }).click();
    await page.locator('.task-list').first().waitFor();
    await page.screenshot({ path: `${out}/${name}-overview.png`, fullPage: true });
    await page.getByRole('link', { name: /K1 / }).click();
    await page.getByLabel('Analysen bruger Det Socioøkonomiske Københavnerkort').check();
    await page.getByLabel('Opfyldt', { exact: true }).check();
    await page.getByLabel('Noter').fill('Analysen blev lavet i foråret <b>2025</b>.');
    await page.screenshot({ path: `${out}/${name}-item-met.png`, fullPage: true });
    await page.getByLabel('Ikke opfyldt').check();
    await page.getByLabel('Frist').fill('2025-01-01');
    await page.screenshot({ path: `${out}/${name}-item-not-met.png`, fullPage: true });
    await page.goto(page.url().replace(/punkt\/.*$/, 'tjek'));
    await page.locator('#check-profile').waitFor();
    await page.screenshot({ path: `${out}/${name}-check.png`, fullPage: true });
    await page.goto(page.url().replace(/tjek$/, 'rapport'));
    await page.locator('.report').waitFor();
    await page.screenshot({ path: `${out}/${name}-report.png`, fullPage: true });
    await page.goto(base);
    await page.locator('h1').first().waitFor();
    await page.screenshot({ path: `${out}/${name}-start-saved.png`, fullPage: true });
    await page.evaluate(() => localStorage.setItem('helhedsplan-tjek:assessment:broken', '{"format":'));
    await page.goto(`${base}#/data`);
    await page.reload();
    await page.locator('#persist-status').waitFor();
    await page.getByLabel('Vælg en fil').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1') });
    await page.locator('[role=alert]').last().waitFor();
    await page.screenshot({ path: `${out}/${name}-data.png`, fullPage: true });
    await page.evaluate(() => localStorage.removeItem('helhedsplan-tjek:quarantine:broken'));
    await kommune(page, name);
    await page.close();
  }
  // The projector view at a projector's 1280×720, and the workshop's group view.
  const room = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await room.goto(base);
  await room.getByRole('button', { name: 'Start en ny vurdering' }).click();
  await room.getByLabel('Planens navn').fill('Workshop i Mjølnerparken');
  const id = room.url().match(/vurdering\/([^/]+)/)[1];
  await room.goto(`${base}#/vurdering/${id}/projektor/faelles-analyse`);
  await room.locator('.projector').waitFor();
  await room.screenshot({ path: `${out}/projector-1280x720.png` });
  await room.goto(`${base}#/vurdering/${id}/projektor/styregruppe-afklaring`);
  await room.locator('.projector').waitFor();
  await room.screenshot({ path: `${out}/projector-1280x720-k11.png` });
  const example = JSON.parse((await import('node:fs')).readFileSync('docs/example-export.json', 'utf8'));
  const files = ['Aisha', 'Bo', 'Carla'].map((name, n) => {
    const file = structuredClone(example);
    const a = file.assessments[0];
    a.id = `p-${n}`;
    a.profile.assessor = name;
    a.answers.sekretariat.status = ['met', 'not-met', 'partly-met'][n];
    a.answers.sekretariat.notes = n === 1 ? 'For lille afdeling til et sekretariat' : '';
    return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
  });
  await room.setViewportSize({ width: 1280, height: 900 });
  await room.goto(`${base}#/gruppe`);
  await room.getByLabel('Vælg deltagernes filer').setInputFiles(files);
  await room.locator('.group-item').first().waitFor();
  await room.screenshot({ path: `${out}/desktop-group.png`, fullPage: true });
} finally {
  await browser.close();
  server?.kill();
}
console.log(`screenshots in ${out}/`);
