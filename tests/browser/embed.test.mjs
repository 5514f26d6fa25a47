// Browser tests of the drop-in script (www/embed.js) on a vendor's own page (www/vendor-demo.html), in headless
// Chromium, against the built package (pkg/).
//
//   npm run build && node --test tests/browser/embed.test.mjs
//
// The vendor page knows nothing of the product but the data-sf-* attributes and one script tag. Checked here:
// an impossible date shows a message right after the host's field; submitting with errors is stopped and shows an
// error summary whose links focus the fields; a valid referral submits (the vendor's own handler runs); and the same
// page served with a CSP lacking 'wasm-unsafe-eval' (or with the package missing) says "Checks unavailable" and
// does not block submitting.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, CSP } from '../../www/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = process.env.SF_DEMO_ROOT ? path.resolve(process.env.SF_DEMO_ROOT) : path.resolve(HERE, '..', '..');
const ARTIFACTS = path.join(HERE, 'artifacts', 'embed');
const CHROMIUM = process.env.SF_CHROMIUM ?? '/usr/bin/chromium';
const SKIP = process.env.SF_SKIP_BROWSER === '1';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const PAGE = '/www/vendor-demo.html';

let server;
let context;
let userDataDir;
const foreignRequests = [];

async function openPage({ csp, pkg404 = false } = {}) {
  const page = await context.newPage();
  const log = { consoleErrors: [], pageErrors: [], failed: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') log.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => log.pageErrors.push(String(err)));
  page.on('response', (res) => { if (res.status() >= 400) log.failed.push(`${res.status()} ${res.url()}`); });
  if (csp !== undefined) {
    // The same vendor page, served with another Content-Security-Policy.
    await page.route(`**${PAGE}*`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
    });
  }
  if (pkg404) await page.route('**/pkg/index.js', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto(new URL(PAGE, server.url).href, { waitUntil: 'load' });
  return { page, log };
}

function assertClean(log) {
  const foreign = foreignRequests.splice(0);
  assert.deepEqual(foreign, [], `requests off the local server: ${foreign.join(', ')}`);
  assert.deepEqual(log.consoleErrors, [], `console errors: ${log.consoleErrors.join(' | ')}`);
  assert.deepEqual(log.pageErrors, [], `page errors: ${log.pageErrors.join(' | ')}`);
  assert.deepEqual(log.failed, [], `failed requests: ${log.failed.join(', ')}`);
}

const form = '#referral';
const ready = (page) => page.waitForSelector(`${form}[data-sf-checks="ready"]`, { timeout: 15000 });

async function fillDate(page, prefix, [d, m, y]) {
  await page.fill(`#${prefix}Day`, d);
  await page.fill(`#${prefix}Month`, m);
  await page.fill(`#${prefix}Year`, y);
}

/** A referral with no errors at submit (today 16 March 2026). */
async function fillValidReferral(page) {
  await fillDate(page, 'ref', ['10', '3', '2026']);
  await page.selectOption('#route', 'education');
  await page.check('#svcWfw');
  await page.fill('#refName', 'Sam Jones');
  await page.fill('#refAgency', 'Hadley Primary School');
  await page.fill('#refEmail', 'sam@example.org');
  await page.selectOption('#assType', 'early-help-assessment');
  await fillDate(page, 'ass', ['2', '3', '2026']);
  await page.check('#assOpen');
  await page.selectOption('#planType', 'early-help-support-plan');
  await fillDate(page, 'plan', ['4', '3', '2026']);
  await page.check('#planOpen');
  await page.check('#consentYes');
  await page.fill('#c0Name', 'Alex');
  await fillDate(page, 'c0', ['15', '1', '2014']);
  await page.fill('#c0Att', '85');
  for (const id of ['#critAtt', '#critCse', '#critDa', '#critMh']) await page.check(id);
  await page.check('input[name="crit"][value="vulnerable-learner"]');
}

test('Chromium is installed for the browser tests', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false }, () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set SF_SKIP_BROWSER=1.`);
});

describe('the drop-in script on a vendor page', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false }, () => {
  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
    if (!existsSync(path.join(ROOT, 'pkg', 'index.js'))) throw new Error('The package is not built: run npm run build first.');
    const { chromium } = await import('playwright-core');
    server = await startServer({ port: 0, root: ROOT });
    userDataDir = mkdtempSync(path.join(tmpdir(), 'sf-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block',
    });
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.protocol === 'data:' || (u.hostname === '127.0.0.1' && u.port === String(server.port))) return route.continue();
      foreignRequests.push(u.href);
      return route.abort();
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  test('the vendor page is not GOV.UK styled and loads only the one script and its stylesheet', async () => {
    const { page, log } = await openPage();
    await ready(page);
    assert.equal(await page.locator('link[href*="govuk"]').count(), 0);
    const embedCss = await page.locator('link[data-sf-embed]').getAttribute('href');
    assert.match(embedCss, /\/www\/embed\.css$/);
    // Nothing but the product's own messages and notices was added to the host's form.
    assert.equal(await page.locator(`${form} .sf-message`).count(), 0, 'no message before anything is typed');
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document.querySelector('#referral'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(serious, []);
    assertClean(log);
    await page.close();
  });

  test('an impossible date shows a message right after the host\'s field, linked by aria-describedby', async () => {
    const { page, log } = await openPage();
    await ready(page);
    await fillDate(page, 'ref', ['30', '2', '2026']);
    const group = page.locator('[data-sf-path="/referralDate"]');
    const box = page.locator('[data-sf-path="/referralDate"] + .sf-messages');
    const message = box.locator('.sf-message--error');
    await message.first().waitFor({ timeout: 15000 });
    assert.match(await message.first().textContent(), /real date/i);
    assert.equal((await message.first().locator('.sf-visually-hidden').textContent()).trim(), 'Error:');
    const id = await message.first().getAttribute('id');
    for (const part of ['refDay', 'refMonth', 'refYear']) {
      assert.ok((await page.getAttribute(`#${part}`, 'aria-describedby')).split(' ').includes(id), `#${part} is described by the message`);
    }
    assert.equal(await page.getAttribute('#refDay', 'aria-invalid'), 'true', 'the day is marked invalid');
    assert.equal(await group.count(), 1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'vendor-date-error.png'), fullPage: true });
    // Correcting it clears the message and the host's attributes go back to what they were.
    await page.fill('#refDay', '10');
    await page.waitForFunction(() => !document.querySelector('[data-sf-path="/referralDate"] + .sf-messages .sf-message--error'));
    assert.equal(await page.getAttribute('#refDay', 'aria-describedby'), null);
    assert.equal(await page.getAttribute('#refDay', 'aria-invalid'), null);
    assertClean(log);
    await page.close();
  });

  test('submitting with errors is prevented and shows the summary, whose links focus the fields', async () => {
    const { page, log } = await openPage();
    await ready(page);
    const title = await page.title();
    await page.fill('#c0Att', '150');
    await page.click('#save');
    const summary = page.locator(`${form} > .sf-error-summary`);
    await summary.waitFor({ timeout: 15000 });
    assert.equal((await summary.locator('.sf-error-summary__title').textContent()).trim(), 'There is a problem');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('sf-error-summary')), true, 'the summary takes focus');
    assert.equal(await page.title(), `Error: ${title}`);
    assert.ok(await page.locator('#saved').isHidden(), 'the vendor\'s own save did not run');
    assert.equal(await page.evaluate(() => document.body.dataset.saved), undefined);
    assert.equal(new URL(page.url()).search, '', 'the form was not sent');
    const links = summary.locator('a');
    assert.ok(await links.count() >= 4, 'the required answers are listed');
    const texts = await links.allTextContents();
    assert.ok(texts.some((t) => /date of the referral/i.test(t)), texts.join(' | '));
    assert.ok(texts.some((t) => /between 0 and 100/i.test(t)), texts.join(' | '));
    // The first link focuses the referral date's day; the attendance link focuses the attendance field.
    await links.first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'refDay');
    await summary.locator('a', { hasText: /between 0 and 100/i }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'c0Att');
    // Every field with an error has its message after it.
    assert.ok(await page.locator(`${form} .sf-messages .sf-message--error`).count() >= 4);
    await page.screenshot({ path: path.join(ARTIFACTS, 'vendor-submit-errors.png'), fullPage: true });
    assertClean(log);
    await page.close();
  });

  test('a valid referral submits: the vendor\'s own handler runs and no summary is shown', async () => {
    const { page, log } = await openPage();
    await ready(page);
    await fillValidReferral(page);
    await page.click('#save');
    await page.waitForSelector('#saved:not([hidden])', { timeout: 15000 });
    assert.match(await page.textContent('#saved'), /saved/);
    assert.equal(await page.locator('.sf-error-summary').count(), 0);
    assert.equal(await page.locator(`${form} .sf-message--error`).count(), 0);
    assert.equal(await page.getAttribute(form, 'data-sf-valid'), 'true');
    assert.ok(!(await page.title()).startsWith('Error: '));
    await page.screenshot({ path: path.join(ARTIFACTS, 'vendor-valid.png'), fullPage: true });
    assertClean(log);
    await page.close();
  });

  test('served with a CSP lacking \'wasm-unsafe-eval\': "Checks unavailable", and submitting is not blocked', async () => {
    const strict = CSP.replace(" 'wasm-unsafe-eval'", '');
    assert.doesNotMatch(strict, /wasm-unsafe-eval/);
    const { page } = await openPage({ csp: strict });
    await page.waitForSelector(`${form}[data-sf-checks="unavailable"]`, { timeout: 15000 });
    const notice = page.locator(`${form} .sf-notice`);
    assert.match(await notice.textContent(), /Checks unavailable/);
    assert.doesNotMatch(await page.locator(form).innerText(), /no (problems|errors)/i);
    await fillDate(page, 'ref', ['30', '2', '2026']);
    assert.equal(await page.locator('.sf-message').count(), 0, 'nothing is claimed about the answers');
    await page.screenshot({ path: path.join(ARTIFACTS, 'vendor-unavailable.png'), fullPage: true });
    await page.click('#save');
    await page.waitForSelector('#saved:not([hidden])', { timeout: 15000 });
    assert.equal(await page.locator('.sf-error-summary').count(), 0);
    foreignRequests.splice(0);
    await page.close();
  });

  test('with the package missing (404): "Checks unavailable"', async () => {
    const { page } = await openPage({ pkg404: true });
    await page.waitForSelector(`${form}[data-sf-checks="unavailable"]`, { timeout: 15000 });
    assert.match(await page.locator(`${form} .sf-notice`).textContent(), /Checks unavailable/);
    foreignRequests.splice(0);
    await page.close();
  });
});
