// Journey: a security company asks Cordon to propose a planning for its agents, reads who
// would go where and what stays uncovered and why, accepts it for all agents but one, and its
// new deployments appear in the plan.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, DEMO_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a security company accepts the proposed planning for all its agents but one', async () => {
  const page = await newPage(browser, { viewport: { width: 1400, height: 1000 } });
  await page.goto(`${BASE}/connexion`);
  await hydrated(page);
  await page.fill('#champ-email', 'securite@cordon.test');
  await page.fill('#champ-password', DEMO_PASSWORD);
  await page.click('button[type=submit]:has-text("Se connecter")');
  await page.waitForSelector('h1:has-text("Tableau de bord")');
  await page.goto(`${BASE}/evenements`);
  await page.click('a:has-text("Fête de la Saint-Pierre")');
  await page.waitForSelector('h2:has-text("Proposer un planning")');
  await hydrated(page);
  assert.equal(await page.locator('td:has-text("Vacation proposée par le planificateur")').count(), 0);

  await page.click('button:has-text("Proposer un planning")');
  await page.waitForSelector('#proposition-planning', { timeout: 30_000 });
  const lead = await page.locator('#proposition-planning .fr-text--lead').innerText();
  assert.match(lead, /Le planning proposé couvre \d+ % de ce qui manque/);
  // What stays uncovered says why.
  for (const gap of await page.locator('.cordon-gaps li').allInnerTexts()) {
    assert.match(gap, /agent\(s\) manquant\(s\) : \S/);
  }
  const rows = page.locator('#proposition-planning tbody tr');
  const changed = await rows.count();
  assert.ok(changed >= 2, `the proposal changes several agents (${changed})`);
  await screenshot(page, 'proposer-un-planning');
  await assertAccessible(page, 'the proposed planning');

  // Untick the first agent: its deployments stay as they are.
  await rows.first().locator('label').click();
  await page.click('button:has-text("Accepter les changements cochés")');
  // The page reloads with the accepted shifts as deployments of the company.
  await page.waitForSelector('#proposition-planning', { state: 'detached', timeout: 30_000 });
  await page.waitForSelector('td:has-text("Vacation proposée par le planificateur")', { state: 'attached', timeout: 30_000 });
  assertNoProblems(page);
  await page.context().close();
});
