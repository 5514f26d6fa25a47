// Browser tests of the demo pages (www/) against the built package (pkg/), in headless Chromium.
//
//   npm run build && node --test tests/browser/
//
// Needs /usr/bin/chromium (apt-get install -y chromium). Without it these tests FAIL, unless SF_SKIP_BROWSER=1.
// Screenshots go to tests/browser/artifacts/ (git-ignored).

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../www/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = process.env.SF_DEMO_ROOT ? path.resolve(process.env.SF_DEMO_ROOT) : path.resolve(HERE, '..', '..');
const ARTIFACTS = path.join(HERE, 'artifacts');
const CHROMIUM = process.env.SF_CHROMIUM ?? '/usr/bin/chromium';
const SKIP = process.env.SF_SKIP_BROWSER === '1';
const TODAY = '2026-03-16';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let server;
let browser;
let context;
let userDataDir;

/** Open a page, recording console errors, page errors, failed responses and any request off 127.0.0.1. */
async function openPage(pathname, { expectNetworkFailure = false } = {}) {
  const page = await context.newPage();
  const log = { consoleErrors: [], pageErrors: [], foreign: [], failed: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err)));
  page.on('response', (res) => {
    if (res.status() >= 400) log.failed.push(`${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    if (!expectNetworkFailure) log.failed.push(`failed ${req.url()}`);
  });
  const response = await page.goto(new URL(pathname, server.url).href, { waitUntil: 'load' });
  return { page, log, response };
}

function assertClean(log) {
  assert.deepEqual(log.foreign, [], `requests to hosts other than 127.0.0.1: ${log.foreign.join(', ')}`);
  assert.deepEqual(log.consoleErrors, [], `console errors: ${log.consoleErrors.join(' | ')}`);
  assert.deepEqual(log.pageErrors, [], `page errors: ${log.pageErrors.join(' | ')}`);
  assert.deepEqual(log.failed, [], `failed requests: ${log.failed.join(', ')}`);
}

async function shot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

const foreignRequests = [];

const NO_CHROMIUM = `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) ` +
  'or set SF_SKIP_BROWSER=1 to skip the browser tests.';
const NO_PKG = `The package is not built (${path.join(ROOT, 'pkg', 'index.js')} is missing). Run npm run build first.`;

// Explicit failures (not just cancelled tests) when the browser or the package is missing.
test('Chromium is installed for the browser tests', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false }, () => {
  assert.ok(existsSync(CHROMIUM), NO_CHROMIUM);
});

test('the package is built (pkg/index.js)', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false }, () => {
  assert.ok(existsSync(path.join(ROOT, 'pkg', 'index.js')), NO_PKG);
});

describe('demo pages in headless Chromium', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false }, () => {
  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(NO_CHROMIUM);
    if (!existsSync(path.join(ROOT, 'pkg', 'index.js'))) throw new Error(NO_PKG);
    const { chromium } = await import('playwright-core');
    server = await startServer({ port: 0, root: ROOT });
    userDataDir = mkdtempSync(path.join(tmpdir(), 'sf-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'block',
    });
    browser = context;
    // Nothing may leave this machine: record and abort any request to another host.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || (url.hostname === '127.0.0.1' && url.port === String(server.port))) {
        return route.continue();
      }
      foreignRequests.push(url.href);
      return route.abort();
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  test('the index lists sf-referral with a link to its page', async () => {
    const { page, log, response } = await openPage('/');
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
    await page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });
    const row = page.locator('tr[data-form="sf-referral"]');
    await row.waitFor();
    assert.equal(await row.locator('a').getAttribute('href'), '/www/referral.html');
    const rules = Number((await row.locator('td').nth(2).textContent()).trim());
    assert.ok(rules > 0, 'the referral has rules');
    await shot(page, 'index.png');
    log.foreign = foreignRequests.splice(0);
    assertClean(log);
    await page.close();
  });

  test('the referral page loads with no console errors and no request off 127.0.0.1', async () => {
    const { page, log } = await openPage(`/www/referral.html?today=${TODAY}`);
    await page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });
    // GOV.UK Frontend's styles are applied (the font and the form-group pattern).
    const font = await page.$eval('h1.govuk-heading-l', (h) => getComputedStyle(h).fontFamily);
    assert.match(font, /GDS Transport/);
    assert.ok(await page.locator('.govuk-date-input').count() >= 2);
    assert.equal(await page.locator('input[data-criterion]').count(), 25);
    await shot(page, 'referral.png');
    log.foreign = foreignRequests.splice(0);
    assertClean(log);
    await page.close();
  });

  test('an impossible date shows "real date" by the referral date', async () => {
    const { page, log } = await openPage(`/www/referral.html?today=${TODAY}`);
    await page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });
    await page.fill('#referralDate-day', '30');
    await page.fill('#referralDate-month', '2');
    await page.fill('#referralDate-year', '2026');
    const group = page.locator('[data-field="/referralDate"]');
    const message = group.locator('.govuk-error-message');
    await message.first().waitFor({ timeout: 5000 });
    assert.match(await message.first().textContent(), /real date/i);
    assert.match(await message.first().locator('.govuk-visually-hidden').textContent(), /^Error:/);
    assert.match(await group.getAttribute('class'), /govuk-form-group--error/);
    assert.ok(await group.locator('.govuk-input--error').count() >= 1, 'an input is marked');
    await shot(page, 'referral-date-error.png');

    // Correcting it clears the message.
    await page.fill('#referralDate-day', '10');
    await page.waitForFunction(() => !document.querySelector('[data-field="/referralDate"] .govuk-error-message'));
    log.foreign = foreignRequests.splice(0);
    assertClean(log);
    await page.close();
  });

  test('ticking criteria across 3 domains and 5 sub-categories updates the eligibility panel', async () => {
    const { page, log } = await openPage(`/www/referral.html?today=${TODAY}`);
    await page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });
    const panel = page.locator('#eligibility');
    assert.match(await page.textContent('#domains-text'), /0 of 3/);
    assert.match(await page.textContent('#subcategories-text'), /0 of 5/);

    await page.check('#criteria-attendance-below-90');
    await page.check('#criteria-vulnerable-learner');
    await page.waitForFunction(() => /1 of 3/.test(document.getElementById('domains-text').textContent));
    assert.match(await page.textContent('#subcategories-text'), /2 of 5/);
    assert.match(await page.textContent('#still-needed'), /2 more domains/);

    await page.check('#criteria-domestic-abuse');
    await page.check('#criteria-parental-mental-health');
    await page.check('#criteria-cse-risk');
    await page.waitForFunction(() => /3 of 3/.test(document.getElementById('domains-text').textContent));
    assert.match(await page.textContent('#subcategories-text'), /5 of 5/);
    const met = await page.textContent('#domains-met');
    for (const label of ['School attendance', 'Parenting', 'Ensuring safety']) assert.ok(met.includes(label), `${label} is listed as met`);
    const needed = await page.textContent('#still-needed');
    assert.doesNotMatch(needed, /domain|sub-categor/, 'no more domains or sub-categories are needed');
    assert.equal(await page.locator('.app-meter__segment--filled').count(), 8, '3 + 5 meter segments filled');
    assert.equal(await page.locator('.app-domain-tag:not([hidden])').count(), 3, 'three domains tagged "Met"');
    // Without an open assessment and plan the family is not eligible yet.
    assert.equal(await panel.getAttribute('data-eligible'), 'false');
    await shot(page, 'eligibility-criteria.png');

    // An open assessment and plan, an allowed route and service: eligible.
    await page.fill('#referralDate-day', '10');
    await page.fill('#referralDate-month', '3');
    await page.fill('#referralDate-year', '2026');
    await page.selectOption('#route', 'education');
    await page.check('#service'); // whole-family-working, the first choice
    await page.selectOption('#assessment-type', 'early-help-assessment');
    await page.fill('#assessment-date-day', '2');
    await page.fill('#assessment-date-month', '3');
    await page.fill('#assessment-date-year', '2026');
    await page.check('#assessment-open'); // "Yes"
    await page.selectOption('#plan-type', 'early-help-support-plan');
    await page.fill('#plan-date-day', '4');
    await page.fill('#plan-date-month', '3');
    await page.fill('#plan-date-year', '2026');
    await page.check('#plan-open'); // "Yes"
    // Still not eligible: no child on the referral is known to be in the age range, and the referrer is not named.
    await page.waitForFunction(() => document.getElementById('assessment-plan').textContent === 'Yes, both open', null, { timeout: 5000 });
    assert.equal(await panel.getAttribute('data-eligible'), 'false', 'no child and no referrer yet: not eligible');
    await page.fill('#referrer-name', 'A Referrer');
    await page.fill('#referrer-agency', 'School');
    await page.fill('#children-0-dateOfBirth-day', '15');
    await page.fill('#children-0-dateOfBirth-month', '1');
    await page.fill('#children-0-dateOfBirth-year', '2015');
    await page.waitForFunction(() => document.getElementById('eligibility').dataset.eligible === 'true', null, { timeout: 5000 })
      .catch(() => {});
    await shot(page, 'eligibility-eligible.png');
    assert.equal(await page.textContent('#assessment-plan'), 'Yes, both open');
    assert.equal(await panel.getAttribute('data-eligible'), 'true', 'eligible once assessment and plan are open, with a child in the age range');
    assert.equal(await page.textContent('#eligibility-tag'), 'Eligible');
    log.foreign = foreignRequests.splice(0);
    assertClean(log);
    await page.close();
  });

  test('submitting an empty form shows the error summary, whose first link focuses its field', async () => {
    const { page, log } = await openPage(`/www/referral.html?today=${TODAY}`);
    await page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });
    await page.click('#submit-button');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor({ state: 'visible', timeout: 5000 });
    assert.equal((await summary.locator('.govuk-error-summary__title').textContent()).trim(), 'There is a problem');
    assert.ok((await page.title()).startsWith('Error: '), `title "${await page.title()}" starts with "Error: "`);
    const links = summary.locator('.govuk-error-summary__list a');
    assert.ok(await links.count() >= 1, 'the summary lists at least one error');
    // Every error by a field has its visually hidden "Error:" prefix and a red form group.
    assert.ok(await page.locator('.govuk-form-group--error').count() >= 1);
    assert.equal(
      await page.locator('.govuk-error-message').count(),
      await page.locator('.govuk-error-message > .govuk-visually-hidden').count(),
    );
    await shot(page, 'submit-errors.png');

    const first = links.first();
    const href = await first.getAttribute('href');
    assert.match(href, /^#./);
    await first.click();
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(focused, href.slice(1), 'the first link focuses its field');
    assert.match(await page.evaluate(() => document.activeElement.tagName), /^(INPUT|SELECT|TEXTAREA)$/);
    log.foreign = foreignRequests.splice(0);
    assertClean(log);
    await page.close();
  });

  test('no accessibility violations found by axe-core (WCAG 2.2 A/AA and best practice)', async () => {
    // axe is evaluated through the DevTools protocol, which the page's CSP does not govern; the page itself still
    // runs under the CSP.
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const check = async (page, what) => {
      await page.evaluate(axeSource);
      const result = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), tags);
      const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      assert.deepEqual(found, [], `${what}: ${found.join('; ')}`);
    };
    const index = await openPage('/');
    await index.page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });
    await check(index.page, 'index');
    await index.page.close();

    const { page } = await openPage(`/www/referral.html?today=${TODAY}`);
    await page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });
    await check(page, 'referral, empty');
    await page.click('#submit-button');
    await page.fill('#referralDate-day', '30');
    await page.fill('#referralDate-month', '2');
    await page.fill('#referralDate-year', '2026');
    await page.check('#criteria-cse-risk');
    await page.click('[data-add="/children"]');
    await check(page, 'referral, with errors');
    foreignRequests.splice(0);
    await page.close();
  });

  test('a call that fails inside the module gives "Checks unavailable" for that change, then checking resumes', async () => {
    const page = await context.newPage();
    // Wrap the real package so that one kind of edit throws, as a trapped wasm call would.
    await page.route('**/pkg/index.js', (route) => route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      body: `import init, * as real from '/pkg/index.js?real';
export * from '/pkg/index.js?real';
export default init;
export class FormSession extends real.FormSession {
  set(pointer, value) {
    if (pointer === '/referrer/name') throw new Error('RuntimeError: unreachable');
    return super.set(pointer, value);
  }
}`,
    }));
    await page.goto(new URL(`/www/referral.html?today=${TODAY}`, server.url).href);
    await page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });
    await page.fill('#referrer-name', 'Sam');
    await page.waitForSelector('body[data-checks="unavailable"]');
    assert.match(await page.textContent('#checks-status'), /Checks unavailable/);
    assert.match(await page.textContent('#eligibility-tag'), /Checks unavailable/);
    await page.fill('#referrer-agency', 'School');
    await page.waitForSelector('body[data-checks="ready"]');
    await page.check('#criteria-cse-risk');
    await page.waitForFunction(() => /1 of 3/.test(document.getElementById('domains-text').textContent));
    foreignRequests.splice(0);
    await page.close();
  });

  test('a page whose module cannot load says "Checks unavailable", never that there are no problems', async () => {
    const page = await context.newPage();
    await page.route('**/pkg/index.js', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(new URL(`/www/referral.html?today=${TODAY}`, server.url).href);
    await page.waitForSelector('body[data-checks="unavailable"]', { timeout: 15000 });
    assert.match(await page.textContent('#checks-status'), /Checks unavailable/);
    assert.match(await page.textContent('#eligibility-tag'), /Checks unavailable/);
    await page.click('#submit-button');
    assert.ok(await page.locator('#success-banner').isHidden(), 'no success message when nothing was checked');
    assert.doesNotMatch(await page.locator('main').innerText(), /no (problems|errors)/i);
    await shot(page, 'referral-unavailable.png');
    foreignRequests.splice(0);
    await page.close();
  });
});
