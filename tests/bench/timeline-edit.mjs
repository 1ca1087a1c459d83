// Measures, in headless Chromium, how long an edit takes to show on the plan page's timeline
// once the server has answered: the organiser picks one of its own bars, moves its end by half
// an hour and saves; the page draws the deployment `save_deployment` answers at once, then
// reads its plan again (`get_plan`) for the coverage and findings and redraws in place from it.
// Reported: from the end of `save_deployment`'s answer to the first frame where the bar says
// its new end (issue 17's "edit applied on the timeline after the server's answer"), from the
// press on « Enregistrer » to that frame, and from the end of `get_plan`'s answer to the page
// redrawn from it (the bar drawn again by the read, still with its new end: the read neither
// undoes nor hides the edit). Run by tests/bench/plan-page.sh.
//   BENCH_URL=… BENCH_COOKIE='name=value' [BENCH_EDITS=5] node tests/bench/timeline-edit.mjs
import { chromium } from 'playwright-core';

const url = process.env.BENCH_URL;
const [cookieName, ...rest] = (process.env.BENCH_COOKIE ?? '').split('=');
const edits = Number(process.env.BENCH_EDITS ?? 5);
if (!url || rest.length === 0) throw new Error('BENCH_URL and BENCH_COOKIE are required');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const pad = (n) => String(n).padStart(2, '0');
try {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await context.addCookies([{ name: cookieName, value: rest.join('='), url: new URL('/', url).href }]);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 60_000 });
  const bar = page.locator('g.cordon-tl__bar[role="button"]').first();
  const id = await bar.getAttribute('data-deployment');
  const afterAnswer = [];
  const afterPress = [];
  const afterRead = [];
  for (let i = 0; i < edits; i++) {
    await page.locator(`g[data-deployment="${id}"]`).click();
    await page.waitForSelector('h2:has-text("Modifier le déploiement")');
    const end = await page.inputValue('#champ-deploiement-end');
    // Half an hour later, then back: "2027-06-27T23:00" → "2027-06-27T23:30".
    const [day, time] = end.split('T');
    const [h, m] = time.split(':').map(Number);
    const minutes = h * 60 + m + (i % 2 === 0 ? 30 : -30);
    const next = `${day}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
    const shown = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)},`;
    await page.fill('#champ-deploiement-end', next);
    const times = await page.evaluate(
      async ({ id, shown }) => {
        performance.clearResourceTimings();
        const says = (node) => {
          const label = node?.getAttribute('aria-label') ?? '';
          return label.includes(' à ') && label.split(' à ').pop().includes(shown.slice(0, -1));
        };
        const bar = () => document.querySelector(`[data-deployment="${id}"]`);
        const pressed = performance.now();
        document.getElementById('enregistrer-deploiement').click();
        // The first frame the bar says its new end, and the node that says it.
        const [seen, patched] = await new Promise((resolve) => {
          const check = () => (says(bar()) ? resolve([performance.now(), bar()]) : requestAnimationFrame(check));
          requestAnimationFrame(check);
        });
        // The page redrawn from the plan read again: the bar is a new node, with its new end
        // in every frame meanwhile (never undone). A page that only redraws from the read (as
        // before the answer carried the deployment) has no second redraw: NaN after 5 s.
        const [redrawn, undone] = await new Promise((resolve) => {
          let undone = false;
          const check = () => {
            const now = bar();
            if (!says(now)) undone = true;
            if (now && now !== patched && !patched.isConnected) resolve([performance.now(), undone]);
            else if (performance.now() - seen > 5000) resolve([NaN, undone]);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
        const last = (path) => {
          const entries = performance.getEntriesByType('resource').filter((r) => r.name.includes(path));
          return entries.length ? entries[entries.length - 1].responseEnd : NaN;
        };
        return { pressed, saved: last('/api/save_deployment'), read: last('/api/get_plan'), seen, redrawn, undone };
      },
      { id, shown },
    );
    if (times.undone) throw new Error(`edit ${i}: the bar lost its new end while the plan was read again`);
    afterAnswer.push(times.seen - times.saved);
    afterPress.push(times.seen - times.pressed);
    afterRead.push(times.redrawn - times.read);
  }
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  const median = (v) => {
    const s = [...v].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const list = (v) => v.map((t) => t.toFixed(0)).join(', ');
  console.log(`${browser.version()}, ${edits} edits of one bar's end, ms`);
  console.log(`  from save_deployment's answer to the bar redrawn: median ${median(afterAnswer).toFixed(0)} (${list(afterAnswer)})`);
  console.log(`  from the press on « Enregistrer » to the bar redrawn: median ${median(afterPress).toFixed(0)} (${list(afterPress)})`);
  console.log(`  from get_plan's answer (read again after the save) to the page redrawn from it: median ${median(afterRead).toFixed(0)} (${list(afterRead)})`);
} finally {
  await browser.close();
}
