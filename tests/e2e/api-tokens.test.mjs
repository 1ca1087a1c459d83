// Journey: a police officer creates a personal API token on the account page, a script
// (Node's fetch) reads the demo festival's plan with it, the officer revokes it and the same
// request is refused at once. Every page state passes axe-core and is kept as a screenshot.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const TOKEN_NAME = 'Export du plan pour le centre d’information';

/** What a script does with the token: read the festival's plan over the JSON API. */
async function readPlan(eventId, token) {
  const res = await fetch(`${BASE}/api/v1/events/${eventId}/plan`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.text() };
}

test('a token created in the interface reads the plan over the API until it is revoked', async () => {
  const page = await newPage(browser);
  await signIn(page, 'commissariat@cordon.test');
  await page.goto(`${BASE}/evenements`);
  const href = await page.getAttribute('a:has-text("Fête de la Saint-Pierre")', 'href');
  const eventId = href.split('/').pop();

  await page.goto(`${BASE}/compte`);
  await hydrated(page);
  await page.waitForSelector('h2:has-text("Jetons d’accès à l’API")');
  await page.waitForSelector('text=Aucun jeton actif.');
  await page.fill('#champ-jeton-name', TOKEN_NAME);
  await page.click('button:has-text("Créer un jeton")');
  await page.waitForSelector('#nouveau-jeton');
  const token = await page.inputValue('#nouveau-jeton');
  assert.match(token, /^[A-Za-z0-9_-]{43}$/, '256 random bits');
  await page.waitForSelector('.fr-alert--success:has-text("il ne sera plus jamais affiché")');
  await page.waitForSelector(`td:has-text("${TOKEN_NAME}")`);
  assert.equal(await page.inputValue('#champ-jeton-name'), '', 'the form is emptied');
  await screenshot(page, 'jeton-cree');
  await assertAccessible(page, 'account page with a new token');

  const read = await readPlan(eventId, token);
  assert.equal(read.status, 200, read.body);
  const plan = JSON.parse(read.body);
  assert.equal(plan.format, 'cordon-plan/3');
  assert.ok(plan.deployments.some((d) => d.mission === 'Patrouilles pédestres sur le quai'), 'a deployment of the festival');

  // Shown once: a new visit lists the token, its use, and never the token itself.
  await page.goto(`${BASE}/compte`);
  await hydrated(page);
  const row = page.locator('tr', { hasText: TOKEN_NAME });
  await row.waitFor();
  assert.doesNotMatch(await row.textContent(), /Jamais/, 'its use is recorded');
  assert.ok(!(await page.content()).includes(token), 'the token is not shown again');

  await page.click(`button[aria-label="Révoquer le jeton « ${TOKEN_NAME} »"]`);
  await page.waitForSelector('.fr-alert--success:has-text("Jeton révoqué")');
  await page.waitForSelector('text=Aucun jeton actif.');
  await screenshot(page, 'jeton-revoque');
  await assertAccessible(page, 'account page after revoking the token');

  const refused = await readPlan(eventId, token);
  assert.equal(refused.status, 401);
  assert.match(JSON.parse(refused.body).error, /Jeton d’accès manquant, inconnu ou révoqué/);
  assertNoProblems(page);
  await page.context().close();
});
