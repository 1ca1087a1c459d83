// Journey: the year after. The organiser makes next year's edition of the fête from its plan
// page (« Reconduire l'événement »): a start in the hour skipped by summer time is refused
// beside its field; the proposed date (52 weeks later, the same day of the week) makes a new
// event whose page says its deployments are a draft taken from last year's, to check and
// publish. It runs last (files run in name order on one shared demo server): the new event
// has the same name as the demo's.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the organiser makes next year’s edition of the fête as a draft to publish', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await signIn(page, 'organisateur@cordon.test');
  await page.goto(`${BASE}/evenements`);
  await page.click('a:has-text("Fête de la Saint-Pierre")');
  const section = page.locator('section[aria-labelledby="titre-reconduire"]');
  await section.waitFor();
  await hydrated(page);
  const oldUrl = page.url();
  const start = page.locator('#champ-reconduire-start');
  // 26 June 2027 at 10:00, plus 52 weeks: Saturday 24 June 2028, same time.
  assert.equal(await start.inputValue(), '2028-06-24T10:00');

  await start.fill('2028-03-26T02:30');
  await section.locator('button:has-text("Créer l’édition suivante")').click();
  await section.locator('text=Cette heure n\'existe pas ce jour-là').waitFor();
  assert.equal(page.url(), oldUrl, 'nothing was made');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'reconduire-refus');

  await start.fill('2028-06-24T10:00');
  await section.locator('button:has-text("Créer l’édition suivante")').click();
  await page.waitForURL((url) => url.href !== oldUrl && /\/evenements\/[0-9a-f-]{36}$/.test(url.href));
  const note = page.locator('#edition-brouillon');
  await note.waitFor();
  assert.match(await note.textContent(), /Cette édition reprend « Fête de la Saint-Pierre »/);
  await hydrated(page);
  // The event is in 2028, at the same local time.
  await page.locator('text=samedi 24 juin 2028').first().waitFor();
  await screenshot(page, 'edition-suivante');
  await assertAccessible(page, 'next year’s edition');
  assertNoProblems(page);
  await page.context().close();
});
