// Journey: an organiser creates an event, adds a zone and a need, sees the gap on the
// timeline, deploys its own staff and watches the gap close; a security company opens the
// demo festival and picks one of its deployments on the timeline to edit it.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

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

  // « Combler ce manque » fills the deployment form with the gap's zone, window and headcount,
  // and takes the focus there.
  await page.click('#liste-manques li:has-text("Entrée principale") button:has-text("Combler ce manque")');
  await page.waitForSelector('#modele-deploiement');
  await page.waitForFunction(() => document.activeElement?.id === 'champ-deploiement-zone_id');
  const zoneLabel = await page.locator('#champ-deploiement-zone_id option:checked').innerText();
  assert.equal(zoneLabel, 'Entrée principale');
  assert.equal(await page.inputValue('#champ-deploiement-start'), '2027-12-11T10:00');
  assert.equal(await page.inputValue('#champ-deploiement-end'), '2027-12-11T20:00');
  assert.equal(await page.inputValue('#champ-deploiement-headcount'), '2');
  assert.equal(await page.inputValue('#champ-deploiement-mission'), 'Renfort : Entrée principale');
  assert.equal(await page.inputValue('#formulaire-deploiement input[name="id"]'), '', 'saved as a new deployment');
  await screenshot(page, 'combler-ce-manque');
  await page.selectOption('#champ-deploiement-category', 'surveillance');
  await page.fill('#champ-deploiement-mission', 'Accueil et surveillance de l’entrée');
  // The save happens in place: no reload (a mark left on the window survives), the button
  // keeps the focus at the same height on screen, and the save is announced.
  const save = page.locator('button:has-text("Enregistrer le déploiement")');
  await page.evaluate(() => { window.cordonSameDocument = true; });
  await save.focus();
  const before = await save.evaluate((b) => b.getBoundingClientRect().top);
  await save.press('Enter');
  await page.waitForSelector('text=Tous les besoins sont couverts.');
  await page.waitForSelector('#annonce-enregistrement:has-text("Déploiement enregistré.")');
  assert.equal(await page.evaluate(() => window.cordonSameDocument), true, 'the page was not reloaded');
  await page.waitForFunction(() => document.activeElement?.textContent?.includes('Enregistrer le déploiement'));
  const after = await page.locator('button:has-text("Enregistrer le déploiement")').evaluate((b) => b.getBoundingClientRect().top);
  assert.ok(Math.abs(after - before) <= 2, `the form stays where it was on screen: ${before} then ${after}`);
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

  // The sections stay at hand: far down the page the section bar is still at the top of the
  // screen, and its « Chronologie » link brings the timeline up.
  await page.locator('#titre-participant').scrollIntoViewIfNeeded();
  const sectionBar = await page.locator('#sommaire-plan').boundingBox();
  assert.ok(sectionBar && Math.abs(sectionBar.y) < 2, `the section bar stays at the top: ${JSON.stringify(sectionBar)}`);
  await screenshot(page, 'sections-a-portee');
  await page.click('#sommaire-plan a[href="#chronologie-titre"]');
  await page.waitForFunction(() => {
    const top = document.getElementById('chronologie-titre').getBoundingClientRect().top;
    return top > 0 && top < window.innerHeight / 2;
  });

  // While typing a new need, an end before its start is flagged before anything is sent.
  await page.fill('#champ-besoin-start', '2027-12-11T18:00');
  await page.fill('#champ-besoin-end', '2027-12-11T09:00');
  await page.waitForSelector('#champ-besoin-end-erreur:has-text("La fin doit être postérieure au début.")');
  await page.fill('#champ-besoin-end', '2027-12-11T21:00');
  await page.waitForSelector('#champ-besoin-end-erreur', { state: 'detached' });

  // Removing the deployment asks for a confirmation, then reopens the whole gap.
  await page.locator('[role="button"][aria-label*="Entrée principale"]').first().click();
  await page.waitForSelector('h2:has-text("Modifier le déploiement")');
  // « Dupliquer » starts a new deployment with the same values (not saved until asked).
  await page.click('#dupliquer-deploiement');
  await page.waitForSelector('h2:has-text("Ajouter un déploiement")');
  assert.equal(await page.inputValue('#champ-deploiement-mission'), 'Accueil et surveillance de l’entrée');
  assert.equal(await page.inputValue('#champ-deploiement-headcount'), '2');
  assert.equal(await page.inputValue('#formulaire-deploiement input[name="id"]'), '');
  await page.locator('[role="button"][aria-label*="Entrée principale"]').first().click();
  await page.waitForSelector('h2:has-text("Modifier le déploiement")');
  const remove = 'Supprimer le déploiement « Accueil et surveillance de l’entrée »';
  await page.click(`button[aria-label="${remove}"]`);
  await page.waitForSelector('button:has-text("Confirmer la suppression")');
  await screenshot(page, 'suppression-confirmation');
  await page.click('button:has-text("Confirmer la suppression")');
  await page.waitForSelector('#liste-manques li:has-text("Entrée principale : il manque 3 agent(s)")');
  assert.equal(await page.locator('td:has-text("Accueil et surveillance de l’entrée")').count(), 0);

  // A zone that still holds a need is not removed, and the reason shows beside its button.
  await page.click('button[aria-label="Supprimer la zone Entrée principale"]');
  await page.click('button[aria-label="Confirmer la suppression : la zone Entrée principale"]');
  await page.waitForSelector('.cordon-remove [role="alert"]:has-text("Suppression impossible. 1 besoin est placé ici")');
  await screenshot(page, 'suppression-refusee');

  // Publishing: the changes are listed, the release goes into the history, and a calendar
  // link reads it.
  await page.fill('#champ-publication-comment', 'Première version du dispositif');
  await page.click('button:has-text("Publier la version v1")');
  await page.waitForSelector('text=Version v1 publiée');
  await page.waitForSelector('.cordon-releases li:has-text("Première version du dispositif")');
  await page.selectOption('#champ-abonnement-scope', 'event');
  await page.click('button:has-text("Créer un lien d’abonnement")');
  await page.waitForSelector('#nouveau-lien svg');
  const feedUrl = await page.inputValue('#champ-lien-https');
  const feed = await page.request.get(feedUrl);
  assert.equal(feed.status(), 200);
  assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n/);
  await screenshot(page, 'publication-abonnement');
  await assertAccessible(page, 'plan page after publishing');
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
  // Its findings are its own, and the panel says so rather than speaking of the whole plan.
  await page.waitForSelector('h2#titre-conformite:has-text("Conformité de vos déploiements")');
  assert.match(await page.textContent('#portee-conformite'), /vos déploiements/);
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

  // Private agents on a public road without the prefect's L613-1 authorisation: the
  // compliance panel says so at once, and removing the deployment clears it.
  await page.click('button:has-text("Nouveau déploiement")');
  await page.selectOption('#champ-deploiement-zone_id', { label: 'Quai Brescon' });
  await page.fill('#champ-deploiement-start', '2027-06-26T19:00');
  await page.fill('#champ-deploiement-end', '2027-06-26T23:00');
  await page.fill('#champ-deploiement-headcount', '2');
  await page.selectOption('#champ-deploiement-category', 'surveillance');
  await page.fill('#champ-deploiement-mission', 'Surveillance du quai pendant le concert');
  // Before saving, the server checks the deployment being typed with the rules of a save.
  await page.waitForSelector('#apercu-conformite li[data-rule="voie_publique_sans_autorisation"]');
  await screenshot(page, 'conformite-apercu');
  // Another zone (not a public road) clears the preview; back on the quay it returns.
  await page.selectOption('#champ-deploiement-zone_id', { label: 'Entrée Nord' });
  await page.waitForSelector('#apercu-conformite li[data-rule="voie_publique_sans_autorisation"]', { state: 'detached' });
  await page.selectOption('#champ-deploiement-zone_id', { label: 'Quai Brescon' });
  await page.waitForSelector('#apercu-conformite li[data-rule="voie_publique_sans_autorisation"]');
  await page.click('button:has-text("Enregistrer le déploiement")');
  await page.waitForSelector('li[data-rule="voie_publique_sans_autorisation"]:has-text("Bloquant")');
  await screenshot(page, 'conformite-voie-publique');
  await page.locator('[role="button"][aria-label*="Quai Brescon"][aria-label*="non conforme"]').first().click();
  await page.waitForSelector('h2:has-text("Modifier le déploiement")');
  await page.click('button[aria-label="Supprimer le déploiement « Surveillance du quai pendant le concert »"]');
  await page.click('button:has-text("Confirmer la suppression")');
  await page.waitForSelector('li[data-rule="voie_publique_sans_autorisation"]', { state: 'detached' });

  // One agent added by hand, with a card that expired: refused beside the date; then valid.
  await page.fill('#champ-agent-display_name', 'Inès Morel');
  await page.selectOption('#champ-agent-sex', 'femme');
  await page.click('label[for="agent-qualification-palpation"]');
  await page.fill('#champ-agent-cnaps_number', 'CAR-013-2031-05-02-20260001234');
  await page.fill('#champ-agent-cnaps_expires', '2020-01-31');
  await page.click('button:has-text("Ajouter l’agent")');
  await page.waitForSelector('#champ-agent-cnaps_expires-erreur:has-text("La carte professionnelle est expirée")');
  await page.fill('#champ-agent-cnaps_expires', '2031-05-02');
  await page.click('button:has-text("Ajouter l’agent")');
  await page.waitForSelector('td:has-text("Inès Morel")');
  await page.waitForSelector('td:has-text("valable jusqu’au 02/05/2031")');
  await screenshot(page, 'agents-ajout');
  await assertAccessible(page, 'agents of a security company');
  assertNoProblems(page);
  await page.context().close();
});
