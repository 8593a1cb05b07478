// Playwright runs the journeys against the release build (built by scripts/test into
// target/e2e-dist) in Debian's Chromium. Never a downloaded browser.
import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './scripts/lib/chromium.mjs';

const dist = process.env.E2E_DIST ?? 'target/e2e-dist';
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: chromiumLaunch,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    { command: `node scripts/serve.mjs --root ${dist} --port ${port}`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: false },
    // The same build under a sub-path, with the strict Content-Security-Policy a municipality would use.
    {
      command: `node scripts/serve.mjs --root ${dist} --port 4174 --base /boligsocial/selvtest/ --csp`,
      url: 'http://127.0.0.1:4174/boligsocial/selvtest/',
      reuseExistingServer: false,
    },
    // A host page on another origin that embeds it in an iframe.
    { command: 'node scripts/serve.mjs --root tests/e2e/embed --port 4175 --host localhost', url: 'http://localhost:4175/host.html', reuseExistingServer: false },
  ],
});
