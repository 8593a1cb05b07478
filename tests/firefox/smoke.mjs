// A smoke journey in Firefox (Debian's firefox-esr), driven by geckodriver over plain WebDriver
// HTTP: Playwright's own Firefox build cannot be installed from the registries we use, so this
// needs nothing but Node, geckodriver and Firefox. It walks what a new user does first: the
// start page, the profile, an answer kept over a reload, a pasted plan read in the worker, and
// the report. Prints one line per step and "N passed, N failed"; exits non-zero on any failure.
//
//   node tests/firefox/smoke.mjs [DIST]     (default target/e2e-dist; GECKODRIVER, FIREFOX)
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';

const dist = process.argv[2] ?? 'target/e2e-dist';
const geckodriver = process.env.GECKODRIVER ?? 'geckodriver';
const firefox = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const TIMEOUT = 20_000;
const PLAN = readFileSync(new URL('../plans/plan-a.txt', import.meta.url), 'utf8');

const children = [];
const stop = () => children.forEach((child) => child.kill());

/** A free port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts a process and resolves with the first match of `ready` in its output. */
function start(command, args, ready) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const look = (chunk) => {
      output += chunk;
      const match = output.match(ready);
      if (match) resolve(match);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.on('exit', (code) => reject(new Error(`${command} stopped (${code}): ${output.slice(-500)}`)));
  });
}

// --- WebDriver over HTTP ----------------------------------------------------------------------
let base;
async function call(method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${value?.error}: ${value?.message}`);
  return value;
}
let session;
const webdriver = (method, path, body) => call(method, `/session/${session}${path}`, body);
const run = (script, ...args) => webdriver('POST', '/execute/sync', { script, args });
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'; // the W3C element reference key
async function element(css) {
  return (await webdriver('POST', '/element', { using: 'css selector', value: css }))[ELEMENT];
}
const click = async (css) => webdriver('POST', `/element/${await element(css)}/click`, {});
const type = async (css, text) => webdriver('POST', `/element/${await element(css)}/value`, { text });
const go = (url) => webdriver('POST', '/url', { url });

/** Waits until `script` (run in the page) returns something truthy; returns it. */
async function until(what, script, ...args) {
  const deadline = Date.now() + TIMEOUT;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await run(script, ...args);
      if (last) return last;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting until ${what} (last: ${JSON.stringify(last)})`);
}
const heading = 'return document.querySelector("main h1")?.textContent ?? ""';
const headingIs = (test) => `const h = document.querySelector("main h1")?.textContent ?? ""; return ${test};`;

// --- The journey -------------------------------------------------------------------------------
const steps = [];
const step = (name, body) => steps.push({ name, body });
let app;
let id;
const NAME = 'Firefox-plan';

// The static first screen (index.html) is replaced when the app starts; it marks that moment.
const started = () => until('the app has started', 'return performance.getEntriesByName("helhedsplan-tjek:interactive").length > 0');

step('the start page opens', async () => {
  await go(app);
  await started();
  await until('the start page has its heading', headingIs('h.includes("klar til kommunal medfinansiering")'));
});

step('a new assessment and its profile', async () => {
  await click('.button--start');
  await until('the profile opens', headingIs('h.startsWith("Profil")'));
  await type('#plan-name', NAME);
  await click('#plan-type input[value="type-1"]');
  id = await until('the assessment is stored with its name and plan type', `
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith('helhedsplan-tjek:assessment:'))) {
      const a = JSON.parse(localStorage.getItem(key)).assessment;
      if (a.profile.planName === arguments[0] && a.profile.planType === 'type-1') return a.id;
    }
    return null;`, NAME);
});

step('an answer is kept over a reload', async () => {
  await go(`${app}#/vurdering/${id}/punkt/sekretariat`);
  await until('the item page opens', headingIs('h.includes("K")'));
  await click('#status-partly-met');
  await webdriver('POST', '/refresh', {});
  await started();
  await until('the answer is still chosen after the reload', 'return document.querySelector("#status-partly-met")?.checked === true');
});

step('a pasted plan is read in the worker', async () => {
  await go(`${app}#/vurdering/${id}/plan`);
  await until('the plan page opens', headingIs('h === "Læs jeres plan"'));
  // Set in one go (typing 20 KB key by key is slow), then announced as typed input.
  await run(`const area = document.querySelector('#plan-text');
    area.value = arguments[0];
    area.dispatchEvent(new Event('input', { bubbles: true }));`, PLAN);
  await click('.plan-paste button[type="submit"]');
  await until('the plan is read', 'return document.querySelector("#plan-result")?.textContent.includes("Indsat tekst")');
  await go(`${app}#/vurdering/${id}/punkt/styregruppe-afklaring`);
  await until('an item shows passages from the plan', 'return document.querySelectorAll(".plan-findings .plan-hit").length > 0');
});

step('the report', async () => {
  await go(`${app}#/vurdering/${id}/rapport`);
  await until('the report opens', headingIs(`h === "Parathedsrapport: ${NAME}"`));
  const level = await until('the verdict is given', 'return document.querySelector(".report .verdict")?.dataset.level');
  if (level !== 'incomplete') throw new Error(`the verdict is ${level}, not incomplete (one item answered)`);
});

let passed = 0;
let failed = 0;
try {
  const [, port] = await start('node', ['scripts/serve.mjs', '--root', dist, '--port', '0'], / at http:\/\/127\.0\.0\.1:(\d+)\//);
  app = `http://127.0.0.1:${port}/`;
  const driverPort = await freePort();
  await start(geckodriver, ['--port', String(driverPort), '--binary', firefox], /Listening on/);
  base = `http://127.0.0.1:${driverPort}`;
  const capabilities = { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': { args: ['-headless'], prefs: { 'intl.accept_languages': 'da-DK' } } } };
  const created = await call('POST', '/session', { capabilities });
  session = created.sessionId;
  console.log(`Firefox ${created.capabilities.browserVersion}, headless, against ${app}`);
  for (const { name, body } of steps) {
    if (failed) {
      console.log(`- ${name}: not run after a failure`);
      continue;
    }
    try {
      await body();
      passed += 1;
      console.log(`ok   ${name}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${name}: ${error.message}`);
      const shown = await run(heading).catch(() => '?');
      console.log(`     (the page's heading: ${JSON.stringify(shown)})`);
    }
  }
  await webdriver('DELETE', '', undefined).catch(() => {});
} catch (error) {
  failed += 1;
  console.log(`FAIL setting up Firefox: ${error.message}`);
} finally {
  stop();
}
const notRun = steps.length - passed - failed;
console.log(`Firefox smoke journey: ${passed} passed, ${failed} failed${notRun > 0 ? `, ${notRun} not run` : ''}`);
process.exit(failed === 0 && passed === steps.length ? 0 : 1);
