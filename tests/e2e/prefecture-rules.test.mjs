// Journey: the prefecture adapts a compliance rule for its department (a reason is required),
// and the organiser's plan page no longer reports it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function organiserFindings() {
  const organiser = await newPage(browser);
  await signIn(organiser, 'organisateur@cordon.test');
  await organiser.goto(`${BASE}/evenements`);
  await organiser.click('a:has-text("Fête de la Saint-Pierre")');
  await organiser.waitForSelector('h2:has-text("Conformité du plan")');
  const count = await organiser.locator('li[data-rule="dps_insuffisant"]').count();
  await organiser.context().close();
  return count;
}

test('the prefecture switches a rule off with a reason and the organiser no longer sees it', async () => {
  assert.equal(await organiserFindings(), 1, 'the demo plan first reports its first-aid cover as short');
  const page = await newPage(browser);
  await signIn(page, 'prefecture@cordon.test');
  await page.click('a:has-text("Voir et adapter les règles")');
  await page.waitForSelector('h1:has-text("Règles de conformité du département")');
  await hydrated(page);
  const rule = page.locator('li[data-rule="dps_insuffisant"]');
  await rule.locator('summary').click();
  await rule.locator('label:has-text("Vérifier cette règle")').click();
  await rule.locator('button:has-text("Enregistrer cette règle")').click();
  await page.waitForSelector('li[data-rule="dps_insuffisant"] .fr-error-text:has-text("Indiquez la raison")');
  await rule.locator('input[name="reason"]').fill('DPS de la protection civile tenu hors Cordon (convention départementale)');
  await rule.locator('button:has-text("Enregistrer cette règle")').click();
  await page.waitForSelector('text=Règle enregistrée');
  await page.waitForSelector('li[data-rule="dps_insuffisant"] summary:has-text("désactivée")');
  await screenshot(page, 'regles-departement');
  await assertAccessible(page, 'rules of the department');
  assertNoProblems(page);
  await page.context().close();

  assert.equal(await organiserFindings(), 0, 'the switched-off rule is no longer reported');
});
