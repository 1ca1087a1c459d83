// Journey: presence on the day (issue 18). The fête, moved to start an hour ago (« Reconduire
// l'événement »), is being set up. The security company, whose agents this edition does not
// carry over, imports its agents from a CSV file and names two of them on its deployment under
// way at the north entrance. Its chief, on a phone, gives one of them a personal link; the
// agent opens it on its own phone without signing in and checks in; the command post (the
// organiser, on a desktop) sees the zone's « Présents » go up without reloading; the chief
// checks the agent out, then revokes the link, which answers 404 from then on. The plan page
// draws a « Maintenant » line and each zone's headcount now.
// Runs after alerts.test.mjs (tests/run-e2e.sh): it adds an event named like the demo's.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn, anHourAgoInParis, nextEditionOfTheFete, signedIn, followOperations } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DESKTOP = { viewport: { width: 1280, height: 1000 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };


/** The cells of the zone's row in « Couverture maintenant »: zone, present, named, planned. */
async function coverage(page, zone) {
  return page.locator(`#couverture-maintenant tbody tr:has(td:text-is("${zone}"))`).locator('td').allInnerTexts();
}

/** Waits (5 s at most, no reload) until the zone's row reads `expected`. */
async function waitForCoverage(page, zone, expected) {
  let cells = [];
  for (let i = 0; i < 50; i++) {
    cells = await coverage(page, zone);
    if (JSON.stringify(cells) === JSON.stringify(expected)) break;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(cells, expected, `« Couverture maintenant » for ${zone}`);
}

test('an agent checks in by its personal link, the command post sees it live, the chief checks it out and revokes the link', async () => {
  const start = anHourAgoInParis();
  const organiser = await signedIn(browser, 'organisateur@cordon.test', DESKTOP);
  const event = await nextEditionOfTheFete(organiser, start);

  // The company's office: its agents from a spreadsheet, then two of them named on its
  // deployment at the north entrance, the one that started with the event.
  const office = await signedIn(browser, 'securite@cordon.test', DESKTOP);
  await office.goto(event);
  await office.waitForSelector('h1:has-text("Fête de la Saint-Pierre")');
  await hydrated(office);
  await office.waitForLoadState('networkidle');
  const csv = [
    'nom;carte_professionnelle;expiration;qualifications',
    'Inès Moreau;CAR-013-2030-01-31-20250000101;31/01/2030;CQP APS|Palpation de sécurité',
    'Yanis Benali;CAR-013-2030-01-31-20250000102;31/01/2030;CQP APS|Palpation de sécurité',
    'Chloé Martin;CAR-013-2030-01-31-20250000103;31/01/2030;CQP APS',
  ].join('\n');
  await office.fill('#champ-agents-csv', csv);
  await office.click('button:has-text("Prévisualiser")');
  await office.locator('#apercu-agents:has-text("3 ligne(s) valide(s), 0 ligne(s) en erreur")').waitFor();
  await office.click('#apercu-agents button:has-text("Importer les 3 agent(s) valide(s)")');
  await office.locator('text=3 agent(s) importé(s).').waitFor();
  await office.locator('h2#titre-agents:has-text("Mes agents (3)")').waitFor();

  // Its bar on the timeline is named by its zone and its start (« de dim. 06/12 21:01 à … »).
  const [, month, day, time] = start.match(/^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2})$/);
  const underWay = office.locator(`[role="button"][aria-label*="Provence Sécurité Événements"][aria-label*="Entrée Nord"][aria-label*="${day}/${month} ${time} à"]`);
  // (Earlier journeys may have added some to the demo: the first does.)
  assert.ok((await underWay.count()) >= 1, 'a deployment of the company at the north entrance starts with the event');
  await underWay.first().click();
  await office.waitForSelector('h2:has-text("Modifier le déploiement")');
  for (const name of ['Inès Moreau', 'Yanis Benali']) {
    await office.locator(`#formulaire-deploiement .fr-checkbox-group:has(label:has-text("${name}")) label`).click();
  }
  await office.click('#enregistrer-deploiement');
  await office.locator('#formulaire-deploiement >> text=Déploiement enregistré.').waitFor({ timeout: 10_000 });
  assertNoProblems(office);
  await office.context().close();

  // The command post follows the operations on a desktop.
  await followOperations(organiser, event);
  // Nobody present yet, the two named; how many are planned depends on what earlier journeys
  // added to the demo (6 on the demo alone).
  const [, , , planned] = await coverage(organiser, 'Entrée Nord');
  assert.deepEqual(await coverage(organiser, 'Entrée Nord'), ['Entrée Nord', '0', '2', planned]);
  assert.equal(await organiser.locator('#titre-equipe').count(), 0, 'the organiser has no named agent of its own here');

  // The company's chief, on its phone, sees its team and gives Inès her personal link.
  const chief = await signedIn(browser, 'securite@cordon.test', PHONE);
  await followOperations(chief, event);
  const team = chief.locator('#equipe > li');
  assert.equal(await team.count(), 2, 'the two named agents');
  const ines = chief.locator('#equipe > li:has-text("Inès Moreau")');
  assert.match(await ines.innerText(), /Inès Moreau · Provence Sécurité Événements/);
  assert.match(await ines.innerText(), /Non pointé/i);
  assert.match(await ines.innerText(), new RegExp(`Entrée Nord, \\S+ ${day}/${month} ${time} →`));
  assert.equal(await chief.locator('#equipe > li:has-text("Chloé Martin")').count(), 0, 'an agent deployed nowhere is not listed');
  await ines.locator('button:has-text("Lien personnel")').click();
  const shown = chief.locator('#lien-pointage');
  await shown.waitFor();
  assert.match(await shown.innerText(), /Lien personnel — Inès Moreau/);
  const link = await shown.locator('input').inputValue();
  assert.match(link, new RegExp(`^${BASE.replace(/[.]/g, '\\.')}/pointage/[A-Za-z0-9_-]{20,}$`));
  await ines.locator('text=1 lien actif').waitFor();
  await screenshot(chief, 'equipe-lien-personnel');
  await assertAccessible(chief, 'the team’s check-in on a phone, with a new personal link');

  // Inès opens her link on her own phone: no session. The command post's page stays as it is
  // (marked, to tell a reload).
  await organiser.evaluate(() => { window.ouverteAvantLePointage = true; });
  const agent = await newPage(browser, PHONE);
  const opened = await agent.goto(link);
  assert.equal(opened.status(), 200);
  assert.equal(await agent.locator('h1').innerText(), 'Inès Moreau');
  assert.equal(await agent.locator('#statut').textContent(), 'Non pointé');
  assert.match(await agent.locator('#vacation').innerText(), new RegExp(`Entrée Nord, \\S+ ${day}/${month} ${time} →`));
  assert.equal(await agent.locator('#pointage-depart').count(), 0);
  await screenshot(agent, 'telephone-agent');
  await assertAccessible(agent, 'the agent’s check-in page');
  await agent.click('#pointage-arrivee');
  await agent.locator('text=Arrivée enregistrée.').waitFor();
  assert.match(await agent.locator('#statut').textContent(), /^Présent depuis (\S+ \d{2}\/\d{2} )?\d{2}:\d{2}$/);
  assert.equal(await agent.locator('#pointage-arrivee').count(), 0);
  await agent.locator('#pointage-depart:has-text("Je pars")').waitFor();
  await screenshot(agent, 'telephone-agent-arrive');

  // The command post sees the north entrance's « Présents » go up, without reloading.
  await waitForCoverage(organiser, 'Entrée Nord', ['Entrée Nord', '1', '2', planned]);
  assert.equal(await organiser.evaluate(() => window.ouverteAvantLePointage), true, 'not reloaded');
  await screenshot(organiser, 'couverture-maintenant');

  // The chief's page counts her too, live.
  await waitForCoverage(chief, 'Entrée Nord', ['Entrée Nord', '1', '2', planned]);

  // The chief's team block follows too: Inès's line turns « Présent depuis » without a reload,
  // and the chief checks her out from there.
  const present = chief.locator('#equipe > li:has-text("Inès Moreau")');
  await present.locator('.fr-badge', { hasText: /^Présent depuis (\S+ \d{2}\/\d{2} )?\d{2}:\d{2}$/i }).waitFor({ timeout: 5000 });
  assert.equal(await chief.evaluate(() => document.querySelectorAll('#equipe > li').length), 2, 'the same page, not reloaded');
  await present.locator('button:has-text("Départ")').click();
  await present.locator('.fr-badge', { hasText: /^Parti à (\S+ \d{2}\/\d{2} )?\d{2}:\d{2}$/i }).waitFor();
  await present.locator('button:has-text("Arrivée")').waitFor();
  await waitForCoverage(organiser, 'Entrée Nord', ['Entrée Nord', '0', '2', planned]);

  // The chief revokes the link: Inès's phone now answers 404, in French.
  await present.locator('text=1 lien actif').waitFor();
  await present.locator('button:has-text("Révoquer le lien")').click();
  await present.locator('button:has-text("Révoquer le lien")').waitFor({ state: 'detached' });
  assert.equal(await present.locator('text=lien actif').count(), 0);
  // (Its page is the one « J’arrive » redirected to: reloading it presses nothing again.)
  const revoked = await agent.reload();
  assert.equal(revoked.status(), 404);
  assert.equal((await agent.goto(link)).status(), 404);
  await agent.locator('text=Ce lien de pointage n’existe pas ou n’est plus valable. Demandez un nouveau lien à votre responsable.').waitFor();
  assert.equal(await agent.locator('#pointage-arrivee, #pointage-depart').count(), 0);
  await screenshot(agent, 'telephone-lien-revoque');

  // The plan page, while the operations are under way: the « Maintenant » line and each
  // zone's headcount now.
  await organiser.goto(event);
  await organiser.waitForSelector('h1:has-text("Fête de la Saint-Pierre")');
  await hydrated(organiser);
  await organiser.locator('#chronologie-maintenant').waitFor({ state: 'attached' });
  assert.match(await organiser.locator('#chronologie-maintenant').textContent(), /Maintenant/);
  await organiser.locator(`.cordon-timeline >> text=Présents 0/2 · prévus ${planned}`).waitFor();

  for (const page of [organiser, chief, agent]) {
    assertNoProblems(page);
    await page.context().close();
  }
});
