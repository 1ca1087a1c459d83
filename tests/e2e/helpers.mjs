// Shared helpers for the browser journeys: launch Debian's Chromium headless, watch for
// page errors and CSP violations, run axe-core, keep screenshots, read the mail outbox.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3117';
export const OUTBOX = process.env.E2E_OUTBOX;
export const OUTPUT = process.env.E2E_OUTPUT ?? 'tests/output';
export const DEMO_PASSWORD = 'cordon-demo-2026';

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
    ],
  });
}

/** A new page that records console errors and uncaught exceptions. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`exception: ${e.message}`));
  // A refused request (4xx) is an expected answer the page shows; anything else is a problem.
  page.on('console', (m) => {
    const expectedRefusal = /Failed to load resource: the server responded with a status of 4\d\d/.test(m.text());
    if (m.type() === 'error' && !expectedRefusal) page.problems.push(`console: ${m.text()}`);
  });
  return page;
}

/** Waits until the WebAssembly has hydrated the page. */
export async function hydrated(page) {
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
}

/** Runs axe-core; fails on any violation of impact serious or critical. */
export async function assertAccessible(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const details = blocking.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(details, [], `axe-core on ${label}`);
}

let shot = 0;
const journey = basename(process.argv[1] ?? 'parcours', '.test.mjs');
/** Keeps a full-page screenshot under tests/output/screenshots for a person to look at. */
export async function screenshot(page, name) {
  mkdirSync(join(OUTPUT, 'screenshots'), { recursive: true });
  shot += 1;
  await page.screenshot({ path: join(OUTPUT, 'screenshots', `${journey}-${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

export function assertNoProblems(page) {
  assert.deepEqual(page.problems, [], 'no page errors or CSP violations');
}

/** Decodes a raw .eml body (8bit or quoted-printable). */
function mailBody(raw) {
  const [headers, ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (!/content-transfer-encoding: quoted-printable/i.test(headers)) return body;
  const joined = body.replace(/=\r\n/g, '');
  const bytes = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) { bytes.push(parseInt(hex, 16)); i += 2; } else { bytes.push(...Buffer.from(joined[i])); }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The newest link to `path` (e.g. `/invitation/`) mailed to `to`, read from the outbox folder. */
export function mailedLinkFor(to, path) {
  const files = readdirSync(OUTBOX).filter((f) => f.endsWith('.eml')).sort().reverse();
  const pattern = new RegExp(`https?://\\S+${path}[A-Za-z0-9_-]+`);
  for (const f of files) {
    const raw = readFileSync(join(OUTBOX, f), 'utf8');
    if (raw.includes(`To: ${to}`)) {
      const match = mailBody(raw).match(pattern);
      if (match) return match[0];
    }
  }
  throw new Error(`no link to ${path} mailed to ${to}`);
}

/** The link of the newest invitation mailed to `to`. */
export function invitationLinkFor(to) {
  return mailedLinkFor(to, '/invitation/');
}

/** Signs in with a demo account and waits for the dashboard. */
export async function signIn(page, email) {
  await page.goto(`${BASE}/connexion`);
  await hydrated(page);
  await page.fill('#champ-email', email);
  await page.fill('#champ-password', DEMO_PASSWORD);
  await page.click('button[type=submit]:has-text("Se connecter")');
  await page.waitForSelector('h1:has-text("Tableau de bord")');
}

/** An hour ago in Paris, as a `datetime-local` value. */
export function anHourAgoInParis() {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() - 3600 * 1000));
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * « Reconduire l'événement » from the demo fête's plan page, signed in as its organiser on
 * `page`: the next edition starting at `start` (local time); returns the new event's URL.
 */
export async function nextEditionOfTheFete(page, start) {
  await page.goto(`${BASE}/evenements`);
  await page.click('a:has-text("Fête de la Saint-Pierre")');
  await page.locator('section[aria-labelledby="titre-reconduire"]').waitFor();
  await hydrated(page);
  const before = page.url();
  // Once the page's own requests are done: a value typed while the page still loads can be
  // drawn over (seen on a loaded machine).
  await page.waitForLoadState('networkidle');
  await page.fill('#champ-reconduire-start', start);
  assert.equal(await page.inputValue('#champ-reconduire-start'), start);
  await page.click('button:has-text("Créer l’édition suivante")');
  await page.waitForURL((url) => url.href !== before && /\/evenements\/[0-9a-f-]{36}$/.test(url.href));
  return page.url();
}

/** A new page of `browser` (with `options`) signed in as `email`. */
export async function signedIn(browser, email, options = {}) {
  const page = await newPage(browser, options);
  await signIn(page, email);
  return page;
}

/** Opens the event's page « Opérations » and waits until it follows the live stream. */
export async function followOperations(page, event) {
  await page.goto(`${event}/operations`);
  await page.waitForSelector('h1:has-text("Opérations")');
  await hydrated(page);
  await page.locator('#operations-direct:has-text("En direct")').waitFor();
}
