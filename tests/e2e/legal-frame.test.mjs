// Journey: the organiser records a prefect's order with its number, date and zone (a date that
// is not one is refused beside its field), sees it cited, then removes it; the prefecture's
// administrator sees who holds a délégation de signature.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the organiser records a prefect’s order for one entrance, then removes it', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await signIn(page, 'organisateur@cordon.test');
  await page.goto(`${BASE}/evenements`);
  await page.click('a:has-text("Fête de la Saint-Pierre")');
  await page.waitForSelector('h2:has-text("Arrêtés préfectoraux")');
  await hydrated(page);
  const section = page.locator('section[aria-labelledby="titre-arretes"]');
  // The demo's L613-2 order is listed with its number and date.
  await section.locator('td:has-text("arrêté préfectoral n° 13-2027-06-0187 du 11/06/2027")').waitFor();
  const rows = await section.locator('tbody tr').count();

  await page.selectOption('#champ-arrete-kind', 'palpation_l613_2');
  await page.fill('#champ-arrete-number', '13-2027-06-0201');
  await page.click('label:has-text("Entrée Sud")');
  // A browser without a date picker sends what was typed: the server refuses it beside the field.
  await page.evaluate(() => { const input = document.querySelector('#champ-arrete-signed_on'); input.type = 'text'; input.value = '12 juin'; });
  await section.locator('button:has-text("Ajouter l’arrêté")').click();
  await page.waitForSelector('#champ-arrete-signed_on-erreur, .fr-input-group--error:has(#champ-arrete-signed_on)');
  await page.evaluate(() => { const input = document.querySelector('#champ-arrete-signed_on'); input.type = 'date'; });
  await page.fill('#champ-arrete-signed_on', '2027-06-12');
  await section.locator('button:has-text("Ajouter l’arrêté")').click();
  await section.locator('td:has-text("arrêté préfectoral n° 13-2027-06-0201 du 12/06/2027")').waitFor();
  assert.equal(await section.locator('tbody tr').count(), rows + 1);
  const added = section.locator('tr', { hasText: '13-2027-06-0201' });
  assert.match(await added.textContent(), /Entrée Sud/);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'arretes-prefectoraux');
  await assertAccessible(page, 'plan page with its orders');

  await added.locator('button:has-text("Retirer")').click();
  await section.locator('td:has-text("13-2027-06-0201")').waitFor({ state: 'detached' });
  // The page reloads the plan after the removal: count once the demo's order is back.
  await section.locator('td:has-text("13-2027-06-0187")').waitFor();
  assert.equal(await section.locator('tbody tr').count(), rows);
  assertNoProblems(page);
  await page.context().close();
});

test('the prefecture’s administrator sees its instructor’s délégation de signature', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  await signIn(page, 'prefecture@cordon.test');
  await page.click('a:has-text("Préfecture des Bouches-du-Rhône")');
  await page.waitForSelector('th:has-text("Délégation de signature")');
  await hydrated(page);
  await page.waitForSelector('td:has-text("Par délégation : arrêté n° 13-2026-09-01-00012 du 01/09/2026")');
  await screenshot(page, 'delegation-signature');
  await assertAccessible(page, 'prefecture members with délégations');
  assertNoProblems(page);
  await page.context().close();
});
