// Journey: a visitor's first contact with Cordon — the home page leads to the sign-in page, and
// the site's own files (icon, manifest, robots.txt) are served from `public/`.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a visitor opening the home page lands on the sign-in page, with the site icon and manifest', async () => {
  const page = await newPage(browser);
  const response = await page.goto(`${BASE}/`);
  await hydrated(page);
  assert.equal(new URL(page.url()).pathname, '/connexion');
  assert.equal(response.status(), 200, 'the redirect ends on a page, not an error');
  await page.waitForSelector('button[type=submit]:has-text("Se connecter")');
  assert.equal(await page.getAttribute('link[rel=icon]', 'href'), '/favicon.svg');
  const manifestHref = await page.getAttribute('link[rel=manifest]', 'href');
  const manifest = await page.request.get(`${BASE}${manifestHref}`);
  assert.equal(manifest.status(), 200);
  const parsed = JSON.parse(await manifest.text());
  assert.equal(parsed.lang, 'fr');
  assert.equal(parsed.short_name, 'Cordon');
  const icon = await page.request.get(`${BASE}/favicon.svg`);
  assert.equal(icon.status(), 200);
  assert.match(await icon.text(), /<svg/);
  const robots = await page.request.get(`${BASE}/robots.txt`);
  assert.equal(robots.status(), 200);
  assert.match(await robots.text(), /^Disallow: \/$/m);
  await screenshot(page, 'premiere-visite-connexion');
  await assertAccessible(page, 'sign-in page reached from the home page');
  assertNoProblems(page);
  await page.context().close();
});
