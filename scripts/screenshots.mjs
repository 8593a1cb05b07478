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
    await page.locator('h1').first().waitFor();
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
    await page.locator('h1').first().waitFor();
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
    await page.locator('h1').first().waitFor();
    await page.getByLabel('Vælg en fil').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"format": 1') });
    await page.locator('[role=alert]').last().waitFor();
    await page.screenshot({ path: `${out}/${name}-data.png`, fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
  server?.kill();
}
console.log(`screenshots in ${out}/`);
