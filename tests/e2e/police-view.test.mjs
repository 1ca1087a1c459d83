// Journey: the police commander opens the festival on a phone and finds first its own shifts
// (« Mes déploiements »): in time order, with place, mission, agents and radio channel, the
// restricted one marked, the participants' contacts; the calendar link offers its own
// deployments first.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the police commander finds its own shifts first, in time order, on a phone', async () => {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(page, 'commissariat@cordon.test');
  await page.goto(`${BASE}/evenements`);
  await hydrated(page);
  await page.click('a:visible:has-text("Fête de la Saint-Pierre")');
  await page.waitForSelector('#titre-mes-deploiements');
  await hydrated(page);
  // The page's contents come first and lead to the own shifts.
  const first = page.locator('.fr-summary__link').first();
  assert.equal(await first.innerText(), 'Mes déploiements');
  const shifts = page.locator('.cordon-mine__shift');
  const count = await shifts.count();
  assert.ok(count >= 2, `the commissariat has several shifts: ${count}`);
  await page.waitForSelector(`text=${count} déploiements de votre service, dans l’ordre chronologique.`);
  // In time order: each shift's line starts with its day and time.
  const lines = await shifts.locator('p.fr-text--bold').allInnerTexts();
  const keys = lines.map((l) => l.match(/(\d{2})\/(\d{2}) (\d{2}):(\d{2})/).slice(1).join(''));
  const byMonthDay = keys.map((k) => k.slice(2, 4) + k.slice(0, 2) + k.slice(4));
  assert.deepEqual([...byMonthDay].sort(), byMonthDay, `shifts in time order: ${lines.join(' | ')}`);
  assert.ok(await page.locator('.cordon-mine__shift:has-text("Diffusion restreinte")').count() >= 1, 'its restricted shift is marked');
  assert.ok(await page.locator('.cordon-mine__shift:has-text("Canal radio")').count() === count);
  await page.waitForSelector('.cordon-mine__contacts li');
  // On the timeline its own bars open its form; the others' are pictures, not buttons.
  assert.equal(await page.locator('g.cordon-tl__bar[role="button"]').count(), count);
  assert.ok(await page.locator('g.cordon-tl__bar[role="img"]').count() > 0, 'the others’ bars are drawn');
  // Nothing runs off the screen.
  const box = await page.locator('#titre-mes-deploiements').locator('..').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
  await screenshot(page, 'police-mes-deploiements-telephone');
  await assertAccessible(page, 'the police’s own shifts');
  // (The calendar link's default, its own deployments, is asserted over HTTP in http_feeds.rs:
  // the demo's plan has no published version for the page to offer links of.)
  assertNoProblems(page);
  await page.context().close();
});

test('the organiser plans the whole event: no « Mes déploiements » section', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await signIn(page, 'organisateur@cordon.test');
  await page.goto(`${BASE}/evenements`);
  await hydrated(page);
  await page.click('a:visible:has-text("Fête de la Saint-Pierre")');
  await page.waitForSelector('#titre-couverture');
  assert.equal(await page.locator('#titre-mes-deploiements').count(), 0);
  assert.equal(await page.locator('.fr-summary__link').first().innerText(), 'Couverture des besoins');
  await page.context().close();
});
