// Times the coverage computation in headless Chromium's WebAssembly (V8, as in a user's
// browser): loads the wasm-bindgen output of tests/bench/coverage-wasm from a page served
// through Playwright's request interception, builds the synthetic plan once, then times
// `run()` with performance.now(). Run through tests/bench/coverage-wasm.sh.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = process.env.BENCH_PKG ?? 'target/bench-wasm/pkg';
const runs = Number(process.env.BENCH_RUNS ?? 50);
const origin = 'http://bench.invalid';
const files = {
  '/': ['text/html', '<!doctype html><title>bench</title>'],
  '/bench.js': ['text/javascript', readFileSync(join(pkg, 'bench.js'))],
  '/bench_bg.wasm': ['application/wasm', readFileSync(join(pkg, 'bench_bg.wasm'))],
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.route(`${origin}/**`, (route) => {
    const [contentType, body] = files[new URL(route.request().url()).pathname] ?? ['text/plain', ''];
    return route.fulfill({ status: body === '' ? 404 : 200, contentType, body });
  });
  await page.goto(`${origin}/`);
  const result = await page.evaluate(async (runs) => {
    const { default: init, CoverageBench } = await import('/bench.js');
    await init({ module_or_path: '/bench_bg.wasm' });
    const built = performance.now();
    const bench = new CoverageBench(40, 2000, 48, 1);
    const buildMs = performance.now() - built;
    let found = 0;
    for (let i = 0; i < 5; i++) found = bench.run();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      found = bench.run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { describe: bench.describe(), buildMs, found, times, userAgent: navigator.userAgent };
  }, runs);
  const { times } = result;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const f = (x) => x.toFixed(2);
  console.log(`coverage in Chromium WebAssembly: ${runs} timed runs after 5 warm-up runs`);
  console.log(`  ${result.userAgent}`);
  console.log(`  plan: ${result.describe}; built in ${f(result.buildMs)} ms; ${result.found} findings`);
  console.log(`  min ${f(times[0])} ms, median ${f(times[Math.floor(times.length / 2)])} ms, ` +
    `mean ${f(mean)} ms, max ${f(times[times.length - 1])} ms`);
  console.log(`  wasm ${readFileSync(join(pkg, 'bench_bg.wasm')).length} bytes`);
} finally {
  await browser.close();
}
