// Measures, in headless Chromium, how long the plan page takes to become interactive: from
// navigation start to `html[data-hydrated="true"]` (set by the app's first effect, i.e.
// once the WebAssembly has loaded, read the serialised plan and coverage, laid out the
// timeline and hydrated the page). Also the navigation timings, the bundle's download and
// the main-thread long tasks before hydration. Each run uses a fresh browser context (cold
// HTTP cache); one warm-up run is not counted. Run by tests/bench/plan-page.sh.
//   BENCH_URL=… BENCH_COOKIE='name=value' [BENCH_RUNS=10] [BENCH_PROFILE=phone] node tests/bench/hydration.mjs
// BENCH_PROFILE=phone: a phone's profile, as Chromium's DevTools emulate it — the CPU slowed 4×,
// 9 Mbit/s down, 1.5 Mbit/s up, 40 ms of latency — on a 390×844 screen.
// BENCH_SCROLL=1: after hydration, scrolls the page to its end in steps of half a screen, a
// frame apart, and reports the long tasks seen while scrolling (the timeline's rows being drawn).
import { chromium } from 'playwright-core';

const url = process.env.BENCH_URL;
const [cookieName, ...rest] = (process.env.BENCH_COOKIE ?? '').split('=');
const runs = Number(process.env.BENCH_RUNS ?? 10);
const phone = process.env.BENCH_PROFILE === 'phone';
const scroll = Boolean(process.env.BENCH_SCROLL);
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
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  await context.addCookies([{ name: cookieName, value: rest.join('='), url: new URL('/', url).href }]);
  const page = await context.newPage();
  if (phone) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: (9 * 1000 * 1000) / 8,
      uploadThroughput: (1.5 * 1000 * 1000) / 8,
    });
  }
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
      barsDrawn: document.querySelectorAll('svg [data-deployment]').length,
      tableRows: document.querySelectorAll('table tbody tr').length,
    };
  });
  if (scroll) {
    // Half a screen a frame to the end of the page, then the long tasks seen meanwhile.
    m.scroll = await page.evaluate(async () => {
      const from = performance.now();
      const step = window.innerHeight / 2;
      let steps = 0;
      while (window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1 && steps < 2000) {
        window.scrollBy(0, step);
        steps += 1;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      const tasks = window.__bench.longTasks.filter(([start]) => start >= from).map(([, d]) => d);
      return { steps, ms: performance.now() - from, longTasks: tasks.length, longest: Math.max(0, ...tasks),
        barsDrawn: document.querySelectorAll('svg [data-deployment]').length };
    });
  }
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return m;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
    // For experiments only (e.g. V8's flags); the figures in BENCHMARKS.md are without.
    ...(process.env.BENCH_CHROMIUM_ARGS ? process.env.BENCH_CHROMIUM_ARGS.split(' ') : [])],
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
  const profile = phone ? 'a phone\'s profile (CPU 4× slower, 9 Mbit/s, 40 ms, 390×844)' : 'no throttling';
  console.log(`${browser.version()}, ${profile}, ${runs} runs (fresh context each, after 1 warm-up); ms from navigation start`);
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
  console.log(`  transfer sizes: HTML ${m.htmlTransfer} B, wasm ${m.wasmTransfer} B; SVG rect/g elements: ${m.bars}; deployment bars drawn: ${m.barsDrawn}; table rows: ${m.tableRows}`);
  if (scroll) {
    const longest = all.map((r) => r.scroll.longest).sort((a, b) => a - b);
    console.log(`  scrolling to the end (${m.scroll.steps} steps of half a screen): long tasks per run ${all.map((r) => r.scroll.longTasks).join(', ')}; longest task per run ${longest.map((d) => d.toFixed(0)).join(', ')} ms; bars drawn at the end ${m.scroll.barsDrawn}`);
  }
} finally {
  await browser.close();
}
