// Journey: on the day. The fête, moved to start an hour ago (« Reconduire l'événement »), is
// being set up: the command post (the organiser) writes in the log (main courante) and the
// entry appears at once, without reloading, on the police's page and on the security
// company's phone; the police writes in the State forces' register, which the company never
// receives; a blank entry is refused beside its field; the filters narrow the list.
// Runs after year-after.test.mjs (tests/run-e2e.sh): both add events named like the demo's.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn, anHourAgoInParis, nextEditionOfTheFete, followOperations } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openLog(email, viewport) {
  const page = await newPage(browser, { viewport });
  await signIn(page, email);
  return page;
}


test('the command post’s entry reaches every open page at once, the State forces’ register only theirs', async () => {
  const organiser = await openLog('organisateur@cordon.test', { width: 1280, height: 1000 });
  const event = await nextEditionOfTheFete(organiser, anHourAgoInParis());
  await organiser.click('#lien-operations');
  await organiser.waitForSelector('h1:has-text("Opérations")');
  await hydrated(organiser);
  await organiser.locator('#operations-direct:has-text("En direct")').waitFor();
  assert.equal(await organiser.locator('#main-courante').textContent(), 'Aucune entrée pour l’instant.');

  const police = await openLog('commissariat@cordon.test', { width: 1280, height: 1000 });
  await followOperations(police, event);
  const phone = await openLog('securite@cordon.test', { width: 390, height: 844, isMobile: true, hasTouch: true });
  await followOperations(phone, event);

  // The command post asks for reinforcements at the north entrance.
  const request = 'Forte affluence à l’entrée nord : renfort de deux agents demandé.';
  await organiser.selectOption('#entree-categorie', 'demande_renfort');
  await organiser.selectOption('#entree-gravite', 'elevee');
  await organiser.selectOption('#entree-zone', { index: 1 });
  await organiser.fill('#entree-texte', request);
  await organiser.click('button:has-text("Inscrire")');
  await organiser.locator(`#main-courante li:has-text("${request}")`).waitFor();
  assert.equal(await organiser.locator('#entree-texte').inputValue(), '', 'the form is emptied for the next entry');
  for (const page of [police, phone]) {
    const entry = page.locator(`#main-courante li:has-text("${request}")`);
    await entry.waitFor({ timeout: 5000 });
    assert.match(await entry.textContent(), /n° 1 · .* · Demande de renfort/);
  }

  // The police writes for the State forces only; the company never receives it.
  const secret = 'Individu signalé près du canal : surveillance discrète, ne pas intervenir.';
  await police.selectOption('#entree-categorie', 'information');
  await police.selectOption('#entree-lecteurs', 'etat');
  await police.fill('#entree-texte', secret);
  await police.click('button:has-text("Inscrire")');
  await police.locator(`#main-courante li:has-text("${secret}")`).waitFor();
  assert.match(await police.locator(`#main-courante li:has-text("${secret}")`).textContent(), /E-1 .*État/);
  await organiser.waitForTimeout(1500);
  for (const page of [organiser, phone]) {
    assert.equal(await page.getByText(secret).count(), 0, 'the State forces’ register stays theirs');
    assert.equal(await page.locator('#entree-lecteurs option[value="etat"]').count(), 0);
  }

  // The company, on its phone: a blank entry is refused beside its field; then its own.
  await phone.fill('#entree-texte', '   ');
  await phone.click('button:has-text("Inscrire")');
  await phone.locator('.fr-input-group--error:has(#entree-texte) >> text=Écrivez ce qui s’est passé.').waitFor();
  const done = 'Renfort en place à l’entrée nord.';
  await phone.selectOption('#entree-categorie', 'fin_incident');
  await phone.selectOption('#entree-gravite', 'faible');
  await phone.fill('#entree-corrige', '1');
  await phone.fill('#entree-texte', done);
  await phone.click('button:has-text("Inscrire")');
  await phone.locator(`#main-courante li:has-text("${done}")`).waitFor();
  const reply = police.locator(`#main-courante li:has-text("${done}")`);
  await reply.waitFor({ timeout: 5000 });
  assert.match(await reply.textContent(), /corrige l’entrée n° 1/);
  await phone.locator('#main-courante').scrollIntoViewIfNeeded();
  await screenshot(phone, 'operations-telephone');
  await assertAccessible(phone, 'the log on a phone');

  // The filters: only what is serious.
  await police.selectOption('#filtre-gravite', 'elevee');
  assert.equal(await police.locator('#main-courante li').count(), 1);
  await police.selectOption('#filtre-gravite', '');
  assert.equal(await police.locator('#main-courante li').count(), 3);
  await screenshot(police, 'operations-police');
  await assertAccessible(police, 'the log, State forces');
  for (const page of [organiser, police, phone]) {
    assertNoProblems(page);
    await page.context().close();
  }
});
