// Journey: an organiser creates an event, adds a zone and a need, sees the gap on the
// timeline, deploys its own staff and watches the gap close; a security company opens the
// demo festival and picks one of its deployments on the timeline to edit it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, DEMO_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signIn(page, email) {
  await page.goto(`${BASE}/connexion`);
  await hydrated(page);
  await page.fill('#champ-email', email);
  await page.fill('#champ-password', DEMO_PASSWORD);
  await page.click('button[type=submit]:has-text("Se connecter")');
  await page.waitForSelector('h1:has-text("Tableau de bord")');
}

test('an organiser plans a Christmas market and watches the gap close on the timeline', async () => {
  const page = await newPage(browser);
  await signIn(page, 'organisateur@cordon.test');
  await page.click('.fr-nav a:has-text("Événements")');
  await page.waitForSelector('h1:has-text("Mes événements")');
  await page.click('a:has-text("Créer un événement")');
  await page.waitForSelector('h1:has-text("Créer un événement")');
  await hydrated(page);
  await page.fill('#champ-name', 'Marché de Noël de Martigues');
  await page.selectOption('#champ-kind', 'marche');
  await page.fill('#champ-commune_code', '13999');
  await page.fill('#champ-address', 'Place des Aires');
  await page.fill('#champ-start', '2027-12-11T10:00');
  await page.fill('#champ-end', '2027-12-11T08:00');
  await page.fill('#champ-expected_attendance', '3000');
  await page.click('button:has-text("Créer l’événement")');
  // A commune code that is not in the official list is explained next to its field.
  await page.waitForSelector('#champ-commune_code-erreur:has-text("Aucune commune ne porte ce code INSEE")');
  await page.fill('#champ-commune_code', '13056');
  await page.click('button:has-text("Créer l’événement")');
  // The end before the start is explained next to the end field; nothing is created.
  await page.waitForSelector('#champ-end-erreur:has-text("La fin doit être postérieure au début.")');
  await screenshot(page, 'creation-erreur-fin');
  await assertAccessible(page, 'event creation form with an error');
  await page.fill('#champ-end', '2027-12-11T20:00');
  await page.click('button:has-text("Créer l’événement")');
  await page.waitForSelector('h1:has-text("Marché de Noël de Martigues")');
  await hydrated(page);
  await page.waitForSelector('text=Tous les besoins sont couverts.');

  await page.fill('#champ-zone-name', 'Entrée principale');
  await page.selectOption('#champ-zone-kind', 'entree_filtrage');
  await page.click('button:has-text("Ajouter la zone")');
  await page.waitForSelector('#champ-besoin-zone_id option:has-text("Entrée principale")', { state: 'attached' });

  await page.fill('#champ-besoin-start', '2027-12-11T10:00');
  await page.fill('#champ-besoin-end', '2027-12-11T20:00');
  await page.fill('#champ-besoin-min', '2');
  await page.click('button:has-text("Ajouter le besoin")');
  await page.waitForSelector('#liste-manques li:has-text("Entrée principale : il manque 2 agent(s)")');
  const gapText = await page.locator('svg text:has-text("−2")').count();
  assert.ok(gapText >= 1, 'the gap is drawn in the timeline with the missing headcount');
  await screenshot(page, 'chronologie-avec-manque');

  await page.selectOption('#champ-deploiement-zone_id', { label: 'Entrée principale' });
  await page.fill('#champ-deploiement-start', '2027-12-11T10:00');
  await page.fill('#champ-deploiement-end', '2027-12-11T20:00');
  await page.fill('#champ-deploiement-headcount', '2');
  await page.selectOption('#champ-deploiement-category', 'surveillance');
  await page.fill('#champ-deploiement-mission', 'Accueil et surveillance de l’entrée');
  await page.click('button:has-text("Enregistrer le déploiement")');
  await page.waitForSelector('text=Tous les besoins sont couverts.');
  assert.equal(await page.locator('svg text:has-text("−2")').count(), 0, 'the gap has closed');
  await page.waitForSelector('td:has-text("Accueil et surveillance de l’entrée")');
  await screenshot(page, 'chronologie-couverte');

  // Editing the need (its form is prefilled with its values and version) reopens a gap of one.
  await page.click('button[aria-label="Modifier le besoin de la zone Entrée principale"]');
  await page.waitForSelector('h3:has-text("Modifier le besoin")');
  assert.equal(await page.inputValue('#champ-besoin-min'), '2');
  assert.equal(await page.inputValue('#champ-besoin-start'), '2027-12-11T10:00');
  await page.fill('#champ-besoin-min', '0');
  await page.waitForSelector('#champ-besoin-min-erreur:has-text("entre 1 et 10 000")');
  await page.fill('#champ-besoin-min', '3');
  await page.click('button:has-text("Enregistrer le besoin")');
  await page.waitForSelector('#liste-manques li:has-text("Entrée principale : il manque 1 agent(s)")');
  await assertAccessible(page, 'plan page');
  assertNoProblems(page);
  await page.context().close();
});

test('a security company picks its deployment on the timeline and sees it in the form', async () => {
  const page = await newPage(browser, { viewport: { width: 1400, height: 1000 } });
  await signIn(page, 'securite@cordon.test');
  await page.goto(`${BASE}/evenements`);
  await page.click('a:has-text("Fête de la Saint-Pierre")');
  await page.waitForSelector('h1:has-text("Fête de la Saint-Pierre")');
  await hydrated(page);
  assert.equal(await page.locator('text=en civil').count(), 0, 'no restricted deployment for a private company');
  await screenshot(page, 'fete-saint-pierre-securite');
  await assertAccessible(page, 'demo festival as a security company');
  const bar = page.locator('[role="button"][aria-label*="Provence Sécurité Événements"]').first();
  await bar.click();
  await page.waitForSelector('h2:has-text("Modifier le déploiement")');
  assert.match(await page.inputValue('#champ-deploiement-mission'), /Filtrage|Surveillance/);
  assert.notEqual(await page.inputValue('#champ-deploiement-start'), '');
  // The keyboard works too: Enter on another bar of ours.
  await page.click('button:has-text("Nouveau déploiement")');
  await page.waitForSelector('h2:has-text("Ajouter un déploiement")');
  await page.locator('[role="button"][aria-label*="Provence Sécurité Événements"]').nth(1).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('h2:has-text("Modifier le déploiement")');
  assertNoProblems(page);
  await page.context().close();
});
