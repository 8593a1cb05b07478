// Lighthouse (mobile, its default: emulated phone, simulated slow 4G and 4× slower CPU) against
// a served build, in Debian's Chromium. Prints the category scores, the load metrics and where
// the main thread spent its time, the median of RUNS runs.
//   node scripts/lighthouse.mjs DIST [RUNS]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';
import { chromiumLaunch } from './lib/chromium.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.argv[3] ?? 3);
const port = 4191;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = spawn('node', ['scripts/serve.mjs', '--root', dist, '--port', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 400));
const chrome = await chromeLauncher.launch({
  chromePath: chromiumLaunch.executablePath,
  chromeFlags: ['--headless=new', ...chromiumLaunch.args],
});
try {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const { lhr } = await lighthouse(`http://127.0.0.1:${port}/`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    results.push(lhr);
  }
  const score = (id) => median(results.map((r) => Math.round(r.categories[id].score * 100)));
  const metric = (id) => median(results.map((r) => r.audits[id].numericValue));
  console.log(`\nLighthouse, mobile (median of ${runs} runs)`);
  console.log('| measure | value |\n| --- | ---: |');
  console.log(`| performance | ${score('performance')} |`);
  console.log(`| accessibility | ${score('accessibility')} |`);
  console.log(`| best practices | ${score('best-practices')} |`);
  console.log(`| first contentful paint | ${metric('first-contentful-paint').toFixed(0)} ms |`);
  console.log(`| largest contentful paint | ${metric('largest-contentful-paint').toFixed(0)} ms |`);
  console.log(`| total blocking time | ${metric('total-blocking-time').toFixed(0)} ms |`);
  console.log(`| cumulative layout shift | ${metric('cumulative-layout-shift').toFixed(3)} |`);
  console.log(`| time to interactive | ${metric('interactive').toFixed(0)} ms |`);
  // The last run's main-thread breakdown and long tasks, to see what to cut.
  const last = results[results.length - 1];
  const lcp = last.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  if (lcp) console.log(`\nLargest contentful paint (last run): ${lcp.nodeLabel} (${lcp.selector})`);
  console.log('\nMain thread (last run)');
  console.log('| work | time |\n| --- | ---: |');
  for (const item of last.audits['mainthread-work-breakdown'].details?.items ?? []) {
    console.log(`| ${item.groupLabel} | ${item.duration.toFixed(0)} ms |`);
  }
  const tasks = last.audits['long-tasks']?.details?.items ?? [];
  console.log(`\nLong tasks (over 50 ms, simulated): ${tasks.length}`);
  for (const task of tasks) console.log(`- ${task.duration.toFixed(0)} ms at ${task.startTime.toFixed(0)} ms: ${task.url}`);
  const failed = Object.values(last.audits).filter(
    (a) => a.score !== null && a.score < 1 && ['accessibility', 'best-practices'].some((c) => last.categories[c].auditRefs.some((r) => r.id === a.id && r.weight > 0)),
  );
  for (const audit of failed) console.log(`- not passed: ${audit.id}: ${audit.title}`);
} finally {
  await chrome.kill();
  server.kill();
}
