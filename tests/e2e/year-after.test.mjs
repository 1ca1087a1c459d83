// Journeys: the year after. The organiser makes next year’s edition of the fête from its plan
// page (« Reconduire l'événement »): a start in the hour skipped by summer time is refused
// beside its field; the proposed date (52 weeks later, the same day of the week) makes a new
// event whose page says its deployments are a draft taken from last year's, each participant's
// to confirm before it is published; the organiser confirms its own. Then last June's edition,
// made the same way, is evaluated (RETEX): two participants write their parts, the organiser
// its assessment, and the prefecture, once its own is written, closes the evaluation, which its
// registry then shows (the convention was never approved). The file runs after the others but
// on-the-day.test.mjs and alerts.test.mjs (one shared demo server, tests/run-e2e.sh): the new
// events have the same name as the demo's.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn, nextEditionOfTheFete } from './helpers.mjs';

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
  // Last year's deployments are a draft each participant confirms: the organiser's own are
  // counted above the plan, marked in the table, and the publication block names the others.
  const mine = page.locator('#deploiements-a-confirmer');
  assert.match(await mine.textContent(), /de vos déploiements (est|sont) repris de l’édition précédente et (reste|restent) à confirmer/);
  assert.ok(await page.locator('.cordon-plan-table .fr-badge:has-text("à confirmer")').count() > 0);
  const leftOut = page.locator('#publication-a-confirmer');
  await leftOut.waitFor();
  assert.match(await leftOut.textContent(), /Provence Sécurité Événements : \d+ déploiements? à confirmer/);
  await screenshot(page, 'edition-suivante');
  await assertAccessible(page, 'next year’s edition');
  await mine.locator('button:has-text("Confirmer")').click();
  await mine.waitFor({ state: 'detached' });
  assert.equal(await page.locator('#annonce-enregistrement').textContent(), 'Déploiements confirmés.');
  assert.match(await page.locator('#publication-a-confirmer').textContent(), /Provence Sécurité Événements/,
    'the company still confirms its own');
  assertNoProblems(page);
  await page.context().close();
});

test('last June’s fête is evaluated by two participants, then the prefecture closes the evaluation', async () => {
  // Last June's edition, made from this year's plan: over, so its evaluation is open.
  const organiser = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await signIn(organiser, 'organisateur@cordon.test');
  const event = await nextEditionOfTheFete(organiser, '2026-06-27T10:00');
  await organiser.click('#lien-evaluation');
  await organiser.waitForSelector('h1:has-text("Évaluation (retour d’expérience)")');
  await hydrated(organiser);
  assert.match(await organiser.locator('#evaluation-etat').textContent(), /en retard \(échéance du 14\/07\/2026 dépassée\) 0 contribution\(s\) reçue\(s\) sur 4/);

  // Two participants write their parts; a headcount that is not one is refused beside its field.
  for (const [email, name, headcount, text] of [
    ['securite@cordon.test', 'Provence Sécurité Événements', '11', 'Malaise à l’entrée nord à 21 h, pris en charge par les secours.'],
    // (the municipal police's password is changed by the offboarding journey, which runs before)
    ['commissariat@cordon.test', 'Commissariat de police de Martigues', '6', 'Interpellation près du canal, suites judiciaires en cours.'],
  ]) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
    await signIn(page, email);
    await page.goto(`${event}/evaluation`);
    const form = page.locator('section', { has: page.locator(`h2:has-text("Contribution de ${name}")`) });
    await form.waitFor();
    await hydrated(page);
    await form.locator('input[name="headcount_present"]').evaluate((input) => { input.type = 'text'; });
    await form.locator('input[name="headcount_present"]').fill('beaucoup');
    await form.locator('button:has-text("Enregistrer ma contribution")').click();
    await form.locator('.fr-error-text:has-text("Effectif invalide")').waitFor();
    await form.locator('input[name="headcount_present"]').fill(headcount);
    await form.locator('textarea[name="incidents"]').fill(text);
    await form.locator('button:has-text("Enregistrer ma contribution")').click();
    await page.locator('text=Votre contribution est enregistrée.').waitFor();
    await page.locator('#evaluation-etat').filter({ hasText: 'contribution(s) reçue(s)' }).waitFor();
    if (email.startsWith('securite')) {
      await screenshot(page, 'evaluation-contribution');
      await assertAccessible(page, 'a participant’s evaluation form');
    }
    assertNoProblems(page);
    await page.context().close();
  }

  // The organiser reads the company's part, not the State force's, and writes its assessment.
  await organiser.reload();
  await hydrated(organiser);
  const table = organiser.locator('section[aria-labelledby="titre-contributions"] table');
  await table.locator('td:has-text("Malaise à l’entrée nord")').waitFor();
  assert.equal(await table.locator('td:has-text("Interpellation près du canal")').count(), 0);
  await table.locator('tr:has-text("Commissariat de police de Martigues") :text("Réservée aux forces de l’État")').waitFor();
  await organiser.fill('#bilan-organisateur', 'Bonne coopération ; un second portique à l’entrée nord l’an prochain.');
  await organiser.click('section[aria-labelledby="titre-bilan"] button:has-text("Enregistrer le bilan")');
  await organiser.locator('text=Bilan enregistré.').waitFor();
  assert.equal(await organiser.locator('button:has-text("Clôturer l’évaluation")').count(), 0, 'only the prefecture closes');
  assertNoProblems(organiser);

  // The prefecture cannot close before writing its own assessment; then it closes.
  const prefecture = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await signIn(prefecture, 'prefecture@cordon.test');
  await prefecture.goto(`${event}/evaluation`);
  await prefecture.waitForSelector('h2:has-text("Échéance et clôture")');
  await hydrated(prefecture);
  assert.match(await prefecture.locator('#bilan-organisateur').textContent(), /second portique/);
  await prefecture.locator('td:has-text("Interpellation près du canal")').waitFor();
  await prefecture.click('button:has-text("Clôturer l’évaluation")');
  await prefecture.locator('text=Rédigez le bilan de la préfecture avant de clôturer l’évaluation.').waitFor();
  await prefecture.fill('#bilan-prefecture', 'Évaluation satisfaisante ; la convention est reconduite avec un second portique.');
  await prefecture.click('section[aria-labelledby="titre-bilan"] button:has-text("Enregistrer le bilan")');
  await prefecture.locator('text=Bilan enregistré.').waitFor();
  await prefecture.click('button:has-text("Clôturer l’évaluation")');
  await prefecture.locator('#evaluation-etat .fr-badge:has-text("clôturée le")').waitFor();
  assert.equal(await prefecture.locator('textarea').count(), 0, 'nothing is editable any more');
  await screenshot(prefecture, 'evaluation-cloturee');
  await assertAccessible(prefecture, 'the closed evaluation');
  // Its convention was never approved: the registry still shows where its evaluation stands.
  await prefecture.goto(`${BASE}/prefecture/conventions`);
  const others = prefecture.locator('#evaluations-hors-registre');
  await others.waitFor();
  assert.match(await others.textContent(), /Fête de la Saint-Pierre.*clôturée le/s);
  await hydrated(prefecture);
  await others.scrollIntoViewIfNeeded();
  await screenshot(prefecture, 'registre-evaluations');
  await assertAccessible(prefecture, 'the registry');
  assertNoProblems(prefecture);
  await prefecture.context().close();
  await organiser.context().close();
});
