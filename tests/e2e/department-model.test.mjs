// Journey: the prefecture of the Bouches-du-Rhône adapts its department's model of the
// convention. A value out of range is refused next to its field; a steward ratio is saved with
// its reason and marked as adapted; a clause is written for an article. The page passes
// axe-core and is kept as a screenshot.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the prefecture adapts a steward ratio with its reason and writes a clause of the department', async () => {
  const page = await newPage(browser);
  await signIn(page, 'prefecture@cordon.test');
  await page.click('a:has-text("Adapter le modèle")');
  await page.waitForSelector('h1:has-text("Modèle de convention du département")');
  await hydrated(page);
  assert.match(await page.textContent('#modele-etat'), /Le département applique le modèle national/);

  const ratio = 'tr[data-coefficient="spectateurs_par_agent_dynamique"]';
  await page.selectOption('#coefficient-cle', 'spectateurs_par_agent_dynamique');
  await page.fill('#coefficient-valeur', '0,5');
  await page.fill('#coefficient-raison', 'Arrêté préfectoral 13-2026-044');
  await page.click('button:has-text("Enregistrer le coefficient")');
  await page.waitForSelector('#coefficient-valeur-erreur');
  assert.match(await page.textContent('#coefficient-valeur-erreur'), /au moins 1 spectateur par agent/);
  assert.equal((await page.textContent(`${ratio} td:nth-child(2)`)).trim(), '250', 'nothing saved');

  await page.fill('#coefficient-valeur', '200');
  await page.click('button:has-text("Enregistrer le coefficient")');
  await page.waitForSelector('.fr-alert--success:has-text("Coefficient enregistré")');
  await page.waitForSelector(`${ratio} .fr-badge:has-text("Adapté")`);
  assert.equal((await page.textContent(`${ratio} td:nth-child(2)`)).trim(), '200');
  assert.match(await page.textContent(ratio), /Arrêté préfectoral 13-2026-044/);
  assert.equal(await page.inputValue('#coefficient-valeur'), '', 'the form is emptied after saving');
  assert.match(await page.textContent('#modele-etat'), /par Nadia Benali/);

  const clause = 'Les organisateurs transmettent au SDIS le plan d’évacuation huit jours avant l’événement.';
  await page.fill('#clause-engagements', clause);
  await page.click('[data-article="engagements"] button:has-text("Enregistrer la clause")');
  await page.waitForSelector('.fr-alert--success:has-text("Clause enregistrée")');
  await page.waitForSelector('[data-article="engagements"] .fr-badge:has-text("Clause du département")');
  assert.equal(await page.inputValue('#clause-engagements'), clause);

  await screenshot(page, 'modele-convention');
  await assertAccessible(page, 'department model page');
  assertNoProblems(page);
  await page.context().close();
});
