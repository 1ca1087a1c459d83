// Journey: an organiser signs in, sees the dashboard, filters it (no reload), invites a
// colleague; the colleague accepts the mailed link, lands in the organisation, signs out
// and back in. Every page visited passes axe-core and is kept as a screenshot.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, invitationLinkFor, BASE, DEMO_PASSWORD } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function signIn(page, email, password) {
  await page.goto(`${BASE}/connexion`);
  await hydrated(page);
  await page.fill('#champ-email', email);
  await page.fill('#champ-password', password);
  await page.click('button[type=submit]:has-text("Se connecter")');
}

test('a wrong password shows the same refusal as an unknown account, on the form', async () => {
  const page = await newPage(browser);
  await signIn(page, 'organisateur@cordon.test', 'ce-nest-pas-le-bon');
  await page.waitForSelector('.fr-alert--error');
  assert.equal((await page.textContent('.fr-alert--error')).trim(), 'Adresse électronique ou mot de passe incorrect.');
  await screenshot(page, 'connexion-refusee');
  await assertAccessible(page, 'sign-in page with its error');
  await signIn(page, 'personne@cordon.test', 'ce-nest-pas-le-bon');
  await page.waitForSelector('.fr-alert--error');
  assert.equal((await page.textContent('.fr-alert--error')).trim(), 'Adresse électronique ou mot de passe incorrect.');
  assertNoProblems(page);
  await page.context().close();
});

test('an organiser invites a colleague who accepts, lands in the organisation and signs in again', async () => {
  const page = await newPage(browser);
  await signIn(page, 'organisateur@cordon.test', DEMO_PASSWORD);
  await page.waitForURL(`${BASE}/`);
  await page.waitForSelector('h1:has-text("Tableau de bord")');
  await hydrated(page);
  await screenshot(page, 'tableau-de-bord');
  await assertAccessible(page, 'dashboard');

  // Hydration: filtering changes the page without a reload.
  await page.evaluate(() => { window.__sameDocument = true; });
  assert.equal((await page.textContent('#compte-organisations')).trim(), '1 organisation(s)');
  await page.fill('#filtre-organisations', 'gendarmerie');
  await page.waitForFunction(() => document.querySelector('#compte-organisations').textContent.includes('0 organisation(s) sur 1'));
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload happened');
  await page.fill('#filtre-organisations', '');

  await page.click('text=Comité des fêtes de Martigues');
  await page.waitForSelector('h1:has-text("Comité des fêtes de Martigues")');
  await page.fill('#champ-email', 'ines.nouvelle@cordon.test');
  await page.click('button:has-text("Envoyer l’invitation")');
  await page.waitForSelector('.fr-alert--success');
  await page.waitForSelector('td:has-text("ines.nouvelle@cordon.test")');
  assert.equal(await page.inputValue('#champ-email'), '', 'the form is emptied after sending');
  await screenshot(page, 'organisation-invitation-envoyee');
  await assertAccessible(page, 'organisation page');
  assertNoProblems(page);

  await page.click('.fr-header__tools button:has-text("Se déconnecter")');
  await page.waitForURL(`${BASE}/connexion`);

  const link = invitationLinkFor('ines.nouvelle@cordon.test');
  const guest = await newPage(browser);
  await guest.goto(link);
  await hydrated(guest);
  await guest.waitForSelector('text=Comité des fêtes de Martigues');
  await assertAccessible(guest, 'invitation page');
  await guest.fill('#champ-name', 'Inès Nouvelle');
  await guest.fill('#champ-password', 'court');
  // Validation in the browser, while typing, next to the field.
  await guest.waitForSelector('#champ-password-erreur:has-text("au moins 12 caractères")');
  await guest.fill('#champ-password', 'un-mot-de-passe-solide');
  await guest.fill('#champ-password_confirm', 'un-mot-de-passe-solide');
  await screenshot(guest, 'invitation');
  await guest.click('button:has-text("Créer mon compte et rejoindre")');
  await guest.waitForSelector('h1:has-text("Comité des fêtes de Martigues")');
  await guest.waitForSelector('td:has-text("Inès Nouvelle")');
  await screenshot(guest, 'organisation-nouveau-membre');

  // The link works once only.
  await guest.goto(link);
  await guest.waitForSelector('text=Cette invitation a déjà été utilisée');

  await guest.click('.fr-header__tools button:has-text("Se déconnecter")');
  await guest.waitForURL(`${BASE}/connexion`);
  await signIn(guest, 'ines.nouvelle@cordon.test', 'un-mot-de-passe-solide');
  await guest.waitForSelector('h2:has-text("Mes organisations")');
  assert.match(await guest.textContent('main'), /Comité des fêtes de Martigues/);
  await guest.goto(`${BASE}/compte`);
  await guest.waitForSelector('text=ines.nouvelle@cordon.test');
  await screenshot(guest, 'mon-compte');
  await assertAccessible(guest, 'account page');
  assertNoProblems(guest);
  await guest.context().close();
  await page.context().close();
});

test('on a phone the menu opens and closes without a reload', async () => {
  const page = await newPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  await signIn(page, 'admin@cordon.test', DEMO_PASSWORD);
  await page.waitForSelector('h1:has-text("Tableau de bord")');
  await hydrated(page);
  await page.click('#bouton-menu');
  await page.waitForSelector('#menu-principal.fr-modal--opened');
  await page.waitForSelector('#menu-principal a:has-text("Administration")');
  await screenshot(page, 'telephone-menu-ouvert');
  await page.click('#menu-principal a:has-text("Administration")');
  await page.waitForSelector('h1:has-text("Administration de la plateforme")');
  await page.waitForSelector('#menu-principal:not(.fr-modal--opened)', { state: 'attached' });
  await screenshot(page, 'telephone-administration');
  await assertAccessible(page, 'administration page on a phone');
  assertNoProblems(page);
  await page.context().close();
});
