// Journey: the platform administrator creates an organisation; a wrong commune code is
// explained next to its field and nothing is created until it is right.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, DEMO_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('an administrator creates a municipal police after fixing its commune code', async () => {
  const page = await newPage(browser);
  await page.goto(`${BASE}/connexion`);
  await hydrated(page);
  await page.fill('#champ-email', 'admin@cordon.test');
  await page.fill('#champ-password', DEMO_PASSWORD);
  await page.click('button[type=submit]:has-text("Se connecter")');
  await page.waitForSelector('h1:has-text("Tableau de bord")');
  await page.goto(`${BASE}/admin`);
  await hydrated(page);
  // Count the organisations' table only (the accounts' table below loads on its own).
  const organisations = page.locator('table:has(caption:has-text("Toutes les organisations")) tbody tr');
  await page.waitForSelector('td:has-text("Préfecture des Bouches-du-Rhône")');
  const rowsBefore = await organisations.count();

  await page.fill('#champ-name', 'Police municipale d’Arles');
  await page.selectOption('#champ-kind', 'police_municipale');
  await page.fill('#champ-commune', '1300');
  await page.click('button:has-text("Créer l’organisation")');
  await page.waitForSelector('#champ-commune-erreur');
  assert.match(await page.textContent('#champ-commune-erreur'), /Code INSEE de commune invalide/);
  assert.equal(await page.getAttribute('#champ-commune', 'aria-invalid'), 'true');
  await page.waitForSelector('td:has-text("Préfecture des Bouches-du-Rhône")');
  assert.equal(await organisations.count(), rowsBefore, 'nothing created');
  await screenshot(page, 'administration-erreur-commune');
  await assertAccessible(page, 'administration page with a field error');

  await page.fill('#champ-commune', '13004');
  await page.click('button:has-text("Créer l’organisation")');
  await page.waitForSelector('.fr-alert--success:has-text("Organisation créée.")');
  await page.waitForSelector('td:has-text("Police municipale d’Arles")');
  assert.equal(await organisations.count(), rowsBefore + 1);
  assert.match(await page.textContent('tr:has-text("Police municipale d’Arles")'), /Commune 13004/);
  await screenshot(page, 'administration-organisation-creee');
  assertNoProblems(page);
  await page.context().close();
});
