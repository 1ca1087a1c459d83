// Journeys: a municipal police chief who forgot the password gets a single-use link by mail,
// chooses a new password and signs in with it; the platform administrator disables an
// account after confirming, its owner is told at sign-in, and the account is enabled again.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, mailedLinkFor, signIn, BASE, DEMO_PASSWORD,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The reset link mailed to `to`: the mail leaves after the answer, so it may take a moment. */
async function resetLinkFor(to) {
  for (let i = 0; i < 50; i++) {
    try { return mailedLinkFor(to, '/reinitialisation/'); } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  return mailedLinkFor(to, '/reinitialisation/');
}

async function signInWith(page, email, password) {
  await page.goto(`${BASE}/connexion`);
  await hydrated(page);
  await page.fill('#champ-email', email);
  await page.fill('#champ-password', password);
  await page.click('button[type=submit]:has-text("Se connecter")');
}

test('a chief who forgot the password resets it through the mailed link, once, and signs in with the new one', async () => {
  const email = 'police-municipale@cordon.test';
  const page = await newPage(browser);
  await page.goto(`${BASE}/connexion`);
  await hydrated(page);
  await page.click('a:has-text("Mot de passe oublié ?")');
  await page.waitForSelector('h1:has-text("Mot de passe oublié")');
  await hydrated(page);
  await page.fill('#champ-email', email);
  await page.click('button:has-text("Recevoir un lien")');
  await page.waitForSelector('.fr-alert--success:has-text("Si un compte actif correspond à cette adresse")');
  await screenshot(page, 'mot-de-passe-oublie');
  await assertAccessible(page, 'forgotten password page');

  const link = await resetLinkFor(email);
  await page.goto(link);
  await page.waitForSelector('h1:has-text("Choisir un nouveau mot de passe")');
  await hydrated(page);
  await page.fill('#champ-password', 'court');
  await page.fill('#champ-password_confirm', 'court');
  await page.click('button:has-text("Enregistrer le nouveau mot de passe")');
  await page.waitForSelector('#champ-password-erreur');
  await screenshot(page, 'nouveau-mot-de-passe-trop-court');
  await assertAccessible(page, 'reset page with a field error');
  const fresh = 'Quai-Brescon-2027!';
  await page.fill('#champ-password', fresh);
  await page.fill('#champ-password_confirm', fresh);
  await page.click('button:has-text("Enregistrer le nouveau mot de passe")');
  await page.waitForSelector('text=Votre mot de passe a été changé');
  await screenshot(page, 'mot-de-passe-change');

  await page.goto(link);
  await page.waitForSelector('text=déjà été utilisé');
  await signInWith(page, email, DEMO_PASSWORD);
  await page.waitForSelector('.fr-alert--error:has-text("Adresse électronique ou mot de passe incorrect.")');
  await signInWith(page, email, fresh);
  await page.waitForSelector('h1:has-text("Tableau de bord")');
  assertNoProblems(page);
  await page.context().close();
});

test('the platform administrator disables an account after confirming, its owner is told, and enables it again', async () => {
  const admin = await newPage(browser);
  await signIn(admin, 'admin@cordon.test');
  await admin.goto(`${BASE}/admin`);
  await hydrated(admin);
  const row = admin.locator('tr:has-text("commissariat@cordon.test")');
  await row.locator('button:has-text("Désactiver")').click();
  await row.locator('button:has-text("Confirmer la désactivation")').waitFor();
  await screenshot(admin, 'desactivation-a-confirmer');
  await row.locator('button:has-text("Confirmer la désactivation")').click();
  await row.locator('text=Désactivé').waitFor();
  await screenshot(admin, 'compte-desactive');
  await assertAccessible(admin, 'administration with a disabled account');

  const officer = await newPage(browser);
  await signInWith(officer, 'commissariat@cordon.test', DEMO_PASSWORD);
  await officer.waitForSelector('text=Ce compte est désactivé');
  await screenshot(officer, 'connexion-compte-desactive');
  await officer.context().close();

  await row.locator('button:has-text("Réactiver")').click();
  await row.locator('button:has-text("Désactiver")').waitFor();
  const again = await newPage(browser);
  await signIn(again, 'commissariat@cordon.test');
  await again.context().close();
  assertNoProblems(admin);
  await admin.context().close();
});
