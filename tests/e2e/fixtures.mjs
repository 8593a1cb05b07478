// Shared test set-up: every test checks accessibility (axe-core, WCAG 2.0/2.1 A and AA) on each
// screen it asks for and once more at its end, and fails on any violation or page error.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/// A copy of the release build served on a free port: a deploy that a test can change and
/// publish again. Returns its origin, its folder and a way to stop the server.
export async function serveCopyOfBuild() {
  const root = mkdtempSync(join(tmpdir(), 'deploy-'));
  cpSync(process.env.E2E_DIST ?? 'target/e2e-dist', root, { recursive: true });
  // Any free port: the server names the one it took.
  const server = spawn('node', ['scripts/serve.mjs', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const url = String(chunk).match(/ at (http:\/\/\S+)/);
      if (url) resolve(url[1]);
    });
    server.on('exit', (code) => reject(new Error(`the server stopped (${code})`)));
  }).catch((error) => {
    server.kill();
    throw error;
  });
  return { origin, root, stop: () => server.kill() };
}

/// A new deploy of that copy: the service worker's content (its version) changes.
export function publishNewVersion(root, version) {
  const sw = join(root, 'sw.js');
  const script = readFileSync(sw, 'utf8');
  const current = script.match(/\$\{\w+\}([0-9a-f]{16})/)[1];
  writeFileSync(sw, script.replace(current, version));
}
