// Measures, in headless Chromium, how long the plan page takes to become interactive: from
// navigation start to `html[data-hydrated="true"]` (set by the app's first effect, i.e.
// once the WebAssembly has loaded, read the serialised plan and coverage, laid out the
// timeline and hydrated the page). Also the navigation timings, the bundle's download and
// the main-thread long tasks before hydration. Each run uses a fresh browser context (cold
// HTTP cache); one warm-up run is not counted. Run by tests/bench/plan-page.sh.
//   BENCH_URL=… BENCH_COOKIE='name=value' [BENCH_RUNS=10] node tests/bench/hydration.mjs
import { chromium } from 'playwright-core';

const url = process.env.BENCH_URL;
const [cookieName, ...rest] = (process.env.BENCH_COOKIE ?? '').split('=');
const runs = Number(process.env.BENCH_RUNS ?? 10);
if (!url || rest.length === 0) throw new Error('BENCH_URL and BENCH_COOKIE are required');

// Runs before any page script: records when data-hydrated appears and every long task.
const probe = () => {
  window.__bench = { hydratedAt: null, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // The script runs before <html> exists: watch the whole document for the attribute.
  new MutationObserver((_, observer) => {
    if (document.documentElement?.dataset.hydrated === 'true') {
      window.__bench.hydratedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
};

async function once(browser) {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await context.addCookies([{ name: cookieName, value: rest.join('='), url }]);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(probe);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 60_000 });
  const m = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    const hydratedAt = window.__bench.hydratedAt;
    const longTasks = window.__bench.longTasks.filter(([start]) => start < hydratedAt);
    return {
      ttfb: nav.responseStart,
      htmlDone: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      hydrated: hydratedAt,
      wasmDone: wasm ? wasm.responseEnd : null,
      wasmTransfer: wasm ? wasm.transferSize : null,
      htmlTransfer: nav.transferSize,
      longTaskCount: longTasks.length,
      longTaskMs: longTasks.reduce((sum, [, d]) => sum + d, 0),
      longestTask: Math.max(0, ...longTasks.map(([, d]) => d)),
      bars: document.querySelectorAll('svg rect, svg g').length,
    };
  });
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return m;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});
try {
  await once(browser);
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await once(browser));
  const median = (key) => {
    const v = all.map((m) => m[key]).sort((a, b) => a - b);
    return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  };
  const range = (key) => `${Math.min(...all.map((m) => m[key])).toFixed(0)}–${Math.max(...all.map((m) => m[key])).toFixed(0)}`;
  console.log(`${browser.version()}, ${runs} runs (fresh context each, after 1 warm-up); ms from navigation start`);
  for (const [key, label] of [
    ['ttfb', 'first byte of the HTML'],
    ['htmlDone', 'HTML received'],
    ['domContentLoaded', 'DOMContentLoaded end'],
    ['wasmDone', 'WebAssembly bundle received'],
    ['load', 'load event end'],
    ['hydrated', 'hydrated (data-hydrated="true")'],
    ['longTaskMs', 'long tasks before hydration, total'],
    ['longestTask', 'longest task before hydration'],
  ]) {
    console.log(`  ${label.padEnd(38)} median ${median(key).toFixed(0).padStart(6)}   range ${range(key)}`);
  }
  const m = all[0];
  console.log(`  long tasks before hydration: ${median('longTaskCount')} (median count)`);
  console.log(`  transfer sizes: HTML ${m.htmlTransfer} B, wasm ${m.wasmTransfer} B; SVG rect/g elements: ${m.bars}`);
} finally {
  await browser.close();
}
