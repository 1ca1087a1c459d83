// Journey: an alert on the day. The fête, moved to start an hour ago (« Reconduire
// l'événement »), is being set up: the command post (the organiser, on a desktop) sends an
// alert to the north entrance; the security company deployed there sees it at once at the top
// of its page « Opérations » on a phone, without reloading, and acknowledges it; the command
// post sees the acknowledgement arrive; the other company, deployed elsewhere, never sees it.
// Runs after on-the-day.test.mjs (tests/run-e2e.sh): it adds an event named like the demo's.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newPage, hydrated, assertAccessible, screenshot, assertNoProblems, BASE, OUTBOX, signIn, anHourAgoInParis, nextEditionOfTheFete, signedIn, followOperations } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


test('the command post’s alert reaches the phone of the company on the zone, which acknowledges it', async () => {
  const organiser = await signedIn(browser, 'organisateur@cordon.test', { viewport: { width: 1280, height: 1000 } });
  const event = await nextEditionOfTheFete(organiser, anHourAgoInParis());
  await followOperations(organiser, event);
  assert.equal(await organiser.locator('#alertes-envoyees').textContent(), 'Aucune alerte envoyée pour l’instant.');

  // The company's agent gives its mobile number on « Mon compte »: a landline is refused beside
  // the field, a mobile is kept and shown as French people write it.
  const phone = await signedIn(browser, 'securite@cordon.test', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(`${BASE}/compte`);
  await hydrated(phone);
  await phone.fill('#champ-mobile-mobile', '04 42 00 00 00');
  await phone.click('button:has-text("Enregistrer le numéro")');
  await phone.locator('.fr-input-group--error:has(#champ-mobile-mobile) >> text=Numéro de mobile invalide').waitFor();
  await phone.fill('#champ-mobile-mobile', '+33 6 12 34 56 78');
  await phone.click('button:has-text("Enregistrer le numéro")');
  await phone.locator('text=Numéro de mobile enregistré.').waitFor();
  await followOperations(phone, event);
  await phone.locator('#alertes-aucune').waitFor();
  assert.equal(await phone.locator('#alerte-cible').count(), 0, 'a company sends no alert');

  // The command post alerts the north entrance.
  const text = 'Mouvement de foule à l’Entrée Nord : fermez les barrières et orientez le public vers l’Entrée Sud.';
  await organiser.selectOption('#alerte-cible', { label: 'Zone Entrée Nord' });
  await organiser.selectOption('#alerte-gravite', 'critique');
  await organiser.fill('#alerte-texte', text);
  await organiser.click('button:has-text("Envoyer l’alerte")');
  const sent = organiser.locator(`#alertes-envoyees li:has-text("${text}")`);
  await sent.waitFor({ timeout: 5000 });
  assert.match(await sent.textContent(), /0 destinataire sur 1 a accusé réception/);
  assert.match(await sent.textContent(), /Provence Sécurité Événements : en attente/);
  assert.equal(await organiser.locator('#alerte-texte').inputValue(), '', 'the form is emptied');

  // It shows at once on the company's phone, at the top of the page.
  const alert = phone.locator(`#alertes-en-cours .cordon-alert:has-text("${text}")`);
  await alert.waitFor({ timeout: 5000 });
  assert.match(await alert.textContent(), /Alerte de Comité des fêtes de Martigues — Zone Entrée Nord/);
  assert.match(await alert.textContent(), /Critique/);
  await screenshot(phone, 'alerte-telephone');
  await assertAccessible(phone, 'an open alert on a phone');

  // Its SMS: no gateway is set here, so it is written to the outbox.
  const sms = () => {
    try {
      return readdirSync(OUTBOX).filter((f) => f.endsWith('.sms')).map((f) => readFileSync(join(OUTBOX, f), 'utf8'));
    } catch {
      return [];
    }
  };
  for (let i = 0; i < 50 && !sms().some((m) => m.includes(text)); i++) await phone.waitForTimeout(100);
  assert.ok(sms().some((m) => m.startsWith('To: +33612345678') && m.includes(text)), 'the SMS is in the outbox');

  await phone.click('#alertes-en-cours button:has-text("Accuser réception")');
  await phone.locator('#alertes-aucune').waitFor({ timeout: 5000 });
  assert.equal(await phone.getByText(text).count(), 0, 'acknowledged: no longer open');

  // The command post sees the acknowledgement arrive, with who gave it.
  await organiser.locator(`#alertes-envoyees li:has-text("1 destinataire sur 1 a accusé réception")`).waitFor({ timeout: 5000 });
  assert.match(await sent.textContent(), /Provence Sécurité Événements : Reçu par Karim Haddad, /);
  await screenshot(organiser, 'alerte-accusee');
  await assertAccessible(organiser, 'the command post’s alerts');

  // A blank alert is refused beside its field.
  await organiser.fill('#alerte-texte', '   ');
  await organiser.click('button:has-text("Envoyer l’alerte")');
  await organiser.locator('.fr-input-group--error:has(#alerte-texte) >> text=Écrivez le message de l’alerte.').waitFor();
  for (const page of [organiser, phone]) {
    assertNoProblems(page);
    await page.context().close();
  }
});
