// Journey: the organiser files the festival's convention (its checklist complete), withdraws it
// after a confirmation it first cancels, files it again as a new cycle; the prefecture asks for
// corrections, the organiser files again, the prefecture confirms its approval, and the stamped
// PDF is downloaded. (Named to run after the other journeys, which share the same server.)
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, signIn } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function status(page, label) {
  await page.waitForSelector(`.fr-badge[data-status]:has-text("${label}")`);
}

test('a convention is filed, sent back for corrections, filed again, approved and downloaded', async () => {
  const organiser = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await signIn(organiser, 'organisateur@cordon.test');
  await organiser.goto(`${BASE}/evenements`);
  await organiser.click('a:has-text("Fête de la Saint-Pierre")');
  await organiser.waitForSelector('h2:has-text("Conformité du plan")');
  await hydrated(organiser);
  // The convention is built from a published release.
  if (await organiser.locator('button:has-text("Publier la version")').count() > 0) {
    await organiser.fill('#champ-publication-comment', 'Version soumise à la préfecture');
    await organiser.click('button:has-text("Publier la version")');
    await organiser.waitForSelector('text=/Version v\\d+ publiée/');
  }
  await organiser.click('a:has-text("Convention et instruction")');
  await organiser.waitForSelector('h1:has-text("Convention et instruction")');
  await hydrated(organiser);
  const fileUrl = organiser.url();
  await status(organiser, 'Brouillon');
  // The shared risk assessment: a wrong attendance is refused next to its field, then the
  // sizing is shown beside what the plan provides.
  await organiser.fill('#risque-effectif', '0');
  await organiser.click('button:has-text("Enregistrer l’évaluation")');
  await organiser.waitForSelector('#risque-effectif-erreur');
  await organiser.fill('#risque-effectif', '18000');
  await organiser.selectOption('#risque-site', 'temporaire');
  await organiser.click('label[for="risque-alcool"]');
  await organiser.click('label[for="risque-nuit"]');
  await organiser.click('button:has-text("Enregistrer l’évaluation")');
  await organiser.waitForSelector('.cordon-risk li:has-text("Secouristes :")');
  await screenshot(organiser, 'convention-evaluation-risques');
  // Attachments: a text file is refused next to the file field, a PDF order is attached.
  await organiser.selectOption('#piece-nature', 'arrete_prefectoral');
  await organiser.setInputFiles('#piece-fichier', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('pas un PDF') });
  await organiser.click('#joindre-piece');
  await organiser.waitForSelector('#piece-fichier-erreur:has-text("ni un PDF")');
  await organiser.setInputFiles('#piece-fichier', {
    name: 'arrêté-périmètre.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% arrêté portant périmètre de protection\n'),
  });
  await organiser.click('#joindre-piece');
  await organiser.waitForSelector('#pieces-jointes li:has-text("Arrêté préfectoral ou municipal — arrêté-périmètre.pdf")');
  assert.equal(await organiser.inputValue('#piece-fichier'), '', 'the upload form is emptied once the piece is attached');
  await screenshot(organiser, 'convention-pieces-jointes');
  // What filing needs is listed first, point by point: here, all done.
  await organiser.waitForSelector('#liste-depot');
  assert.equal(await organiser.locator('#liste-depot li[data-done="true"]').count(), 3);
  await organiser.click('#action-submit');
  await status(organiser, 'Déposée');
  await screenshot(organiser, 'convention-deposee');

  // Withdrawing asks first and says what follows; cancelled, nothing happens.
  await organiser.click('#action-withdraw');
  await organiser.waitForSelector('#confirmation-withdraw:has-text("nouveau cycle")');
  await screenshot(organiser, 'convention-confirmer-retrait');
  await assertAccessible(organiser, 'withdrawal confirmation');
  await organiser.click('#cancel-withdraw');
  await organiser.waitForSelector('#confirmation-withdraw', { state: 'hidden' });
  await status(organiser, 'Déposée');
  // Confirmed, the file is withdrawn, and it can be filed again as a new cycle.
  await organiser.click('#action-withdraw');
  await organiser.click('#confirm-withdraw');
  await status(organiser, 'Retirée');
  await organiser.waitForSelector('#liste-depot');
  await organiser.click('#action-submit');
  await status(organiser, 'Déposée');
  await organiser.waitForSelector('text=Cycle d’approbation n° 2');

  const prefecture = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await signIn(prefecture, 'prefecture@cordon.test');
  // The dashboard counts the files to instruct and leads to the worklist.
  await prefecture.goto(`${BASE}/`);
  await prefecture.waitForSelector('#dossiers-a-instruire:has-text("Déposés : 1")');
  // Hydrated first: the way to the worklist is the router's, in the page.
  await hydrated(prefecture);
  await prefecture.click('#dossiers-a-instruire a:has-text("Ouvrir la liste des dossiers")');
  // The worklist opens on the filed files, with a count per status; search and commune filter.
  await prefecture.waitForSelector('#onglets-dossiers');
  await hydrated(prefecture);
  const filed = prefecture.locator('#onglets-dossiers button[data-onglet="deposes"]');
  assert.equal(await filed.getAttribute('aria-pressed'), 'true');
  assert.equal(await filed.innerText(), 'Déposés (1)');
  await prefecture.waitForSelector('td a:has-text("Déposée")');
  assert.equal(await prefecture.locator('#creer-evenement').count(), 0, 'a prefecture creates no event');
  await prefecture.fill('#recherche-dossiers', 'introuvable');
  await prefecture.waitForSelector('#compte-dossiers:has-text("Aucun dossier")');
  assert.equal(await filed.innerText(), 'Déposés (0)');
  await prefecture.fill('#recherche-dossiers', 'saint-pierre');
  await prefecture.waitForSelector('#compte-dossiers:has-text("1 dossier « Déposés »")');
  await prefecture.selectOption('#commune-dossiers', { label: 'Martigues' });
  await prefecture.fill('#recherche-dossiers', '');
  await screenshot(prefecture, 'prefecture-liste-dossiers');
  await assertAccessible(prefecture, 'worklist');
  await prefecture.click('#onglets-dossiers button[data-onglet="non_deposes"]');
  assert.equal(await filed.getAttribute('aria-pressed'), 'false');
  await prefecture.waitForSelector('#compte-dossiers:has-text("« Non déposés »")');
  // On a phone the files are cards: status and due date on screen.
  const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(phone, 'prefecture@cordon.test');
  await phone.goto(`${BASE}/evenements`);
  await phone.waitForSelector('.cordon-event-cards li:has-text("Convention : Déposée")');
  assert.equal(await phone.locator('.fr-table').isVisible(), false, 'no table on a phone');
  const card = phone.locator('.cordon-event-cards li').first();
  const box = await card.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `the card fits the screen: ${JSON.stringify(box)}`);
  await screenshot(phone, 'prefecture-liste-dossiers-telephone');
  await assertAccessible(phone, 'worklist on a phone');
  await phone.context().close();
  await prefecture.goto(fileUrl);
  await hydrated(prefecture);
  // The prefecture reads the attached order.
  const piece = await prefecture.getAttribute('#pieces-jointes a', 'href');
  const order = await prefecture.request.get(`${BASE}${piece}`);
  assert.equal(order.status(), 200);
  assert.equal((await order.body()).subarray(0, 5).toString(), '%PDF-');
  assert.equal(await prefecture.locator('#joindre-piece').count(), 0, 'the prefecture attaches nothing');
  await prefecture.click('#action-take_up');
  await status(prefecture, 'En instruction');
  // A request for corrections without its message is refused next to the field.
  await prefecture.click('#action-request_corrections');
  await prefecture.waitForSelector('.fr-error-text:has-text("Rédigez un message")');
  await prefecture.fill('#message-request_corrections', 'Précisez le canal radio du poste de commandement.');
  await prefecture.click('#action-request_corrections');
  await status(prefecture, 'Corrections demandées');

  await organiser.goto(fileUrl);
  await hydrated(organiser);
  await organiser.waitForSelector('#message-decision:has-text("canal radio")');
  await organiser.fill('#message-comment', 'Canal 3, relais PC : 04 42 00 00 00.');
  await organiser.click('button:has-text("Envoyer le message")');
  await organiser.waitForSelector('.cordon-thread__text:has-text("Canal 3")');
  await organiser.click('#action-submit');
  await status(organiser, 'En instruction');

  await prefecture.goto(fileUrl);
  await hydrated(prefecture);
  await prefecture.click('#action-approve');
  await prefecture.waitForSelector('#confirmation-approve:has-text("ne s’annule pas")');
  await prefecture.click('#confirm-approve');
  await status(prefecture, 'Approuvée');
  const link = prefecture.locator('a.convention-approuvee').first();
  const href = await link.getAttribute('href');
  const pdf = await prefecture.request.get(`${BASE}${href}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
  await screenshot(prefecture, 'convention-approuvee');
  await assertAccessible(prefecture, 'convention file');
  assertNoProblems(prefecture);
  assertNoProblems(organiser);
  await organiser.context().close();
  await prefecture.context().close();
});

test('the prefecture reads the census of a year, records a convention and downloads the CSV', async () => {
  const page = await newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await signIn(page, 'prefecture@cordon.test');
  await page.click('a:has-text("Ouvrir le registre")');
  await page.waitForSelector('h1:has-text("Conventions en vigueur et recensement annuel")');
  await hydrated(page);
  // Istres' CLCS, signed in November 2025, comes into force on 1 January 2026.
  await page.selectOption('#recensement-annee', '2025');
  await page.waitForSelector('#recensement-totaux:has-text("2025 : 1 convention(s) en vigueur au 31 décembre, 1 signée(s)")');
  await page.selectOption('#recensement-annee', '2026');
  // The festival's convention approved by the previous journey entered the registry on
  // approval: kind « événement », counted as signed in the year of approval.
  const signedThisYear = new Date().getFullYear() === 2026 ? 1 : 0;
  await page.waitForSelector(`#recensement-totaux:has-text("2026 : 2 convention(s) en vigueur au 31 décembre, ${signedThisYear} signée(s)")`);
  await page.selectOption('#recensement-annee', String(new Date().getFullYear()));
  await page.waitForSelector('td:has-text("Convention d’événement")');
  await page.selectOption('#recensement-annee', '2026');
  // A commune of another department is refused next to its field.
  await page.fill('#registre-commune', '75056');
  await page.fill('#registre-reference', 'CLCS-13005-2026');
  await page.fill('#registre-intitule', 'Convention locale de coopération de sécurité d’Aubagne');
  await page.fill('#registre-signature', '2026-05-02');
  await page.fill('#registre-debut', '2026-06-01');
  await page.click('button:has-text("Enregistrer la convention")');
  await page.waitForSelector('.fr-error-text:has-text("pas dans votre département")');
  await page.fill('#registre-commune', '13005');
  await page.click('button:has-text("Enregistrer la convention")');
  await page.waitForSelector('td:has-text("CLCS-13005-2026")');
  await page.waitForSelector(`#recensement-totaux:has-text("2026 : 3 convention(s) en vigueur au 31 décembre, ${signedThisYear + 1} signée(s)")`);
  const href = await page.getAttribute('#recensement-csv', 'href');
  const csv = await page.request.get(`${BASE}${href}`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /CLCS-13005-2026/);
  await screenshot(page, 'registre-recensement');
  await assertAccessible(page, 'registry and census');
  assertNoProblems(page);
  await page.context().close();
});
