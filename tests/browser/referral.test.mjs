// Browser tests of the demo pages (www/) against the built package (pkg/), in headless Chromium.
//
//   npm run build && node --test tests/browser/
//
// Needs /usr/bin/chromium (apt-get install -y chromium). Without it these tests FAIL, unless SF_SKIP_BROWSER=1.
// Screenshots go to tests/browser/artifacts/ (git-ignored).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useBrowser, openPage as open, assertClean as clean, shot, SKIP_OPTION, topOf, typeDate, PACKAGE_ENTRY } from './harness.mjs';

const TODAY = '2026-03-16';
const REFERRAL = `/www/referral.html?today=${TODAY}`;
const openPage = (pathname, options = {}) => open(pathname, { ready: null, ...options });
const assertClean = (log) => clean(log);

describe('demo pages in headless Chromium', SKIP_OPTION, () => {
  useBrowser();

  test('the index lists sf-referral with a link to its page', async () => {
    const { page, log, response } = await openPage('/');
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
    await page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });
    const row = page.locator('tr[data-form="sf-referral"]');
    await row.waitFor();
    assert.equal(await row.locator('a').getAttribute('href'), '/www/referral.html');
    const rules = Number((await row.locator('td').nth(1).textContent()).trim());
    assert.ok(rules > 0, 'the referral has rules');
    await shot(page, 'index.png');
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
    // The message uses the field’s own label ("Date of the referral must be a real date").
    const legend = (await group.locator('legend').first().textContent()).trim();
    assert.match(await message.first().textContent(), new RegExp(`Error: ${legend} must be a real date`));
    assert.match(await message.first().locator('.govuk-visually-hidden').textContent(), /^Error:/);
    assert.match(await group.getAttribute('class'), /govuk-form-group--error/);
    assert.ok(await group.locator('.govuk-input--error').count() >= 1, 'an input is marked');
    await shot(page, 'referral-date-error.png');

    // Correcting it clears the message.
    await page.fill('#referralDate-day', '10');
    await page.waitForFunction(() => !document.querySelector('[data-field="/referralDate"] .govuk-error-message'));
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
    await page.close();
  });

  test('a call that fails inside the module gives "Checks unavailable" for that change, then checking resumes', async () => {
    // Wrap the entry the page asked for (its own module) so that one kind of edit throws, as a trapped wasm call would.
    const realOf = (route) => `${new URL(route.request().url()).pathname}?real`;
    const { page } = await openPage(REFERRAL, { setup: (p) => p.route(PACKAGE_ENTRY, (route) => route.fulfill({
      status: 200,
      contentType: 'text/javascript',
      body: `import init, * as real from '${realOf(route)}';
export * from '${realOf(route)}';
export default init;
export class FormSession extends real.FormSession {
  set(pointer, value) {
    if (pointer === '/referrer/name') throw new Error('RuntimeError: unreachable');
    return super.set(pointer, value);
  }
}`,
    })) });
    await page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });
    await page.fill('#referrer-name', 'Sam');
    await page.waitForSelector('body[data-checks="unavailable"]');
    assert.match(await page.textContent('#checks-status'), /Checks unavailable/);
    assert.match(await page.textContent('#eligibility-tag'), /Checks unavailable/);
    await page.fill('#referrer-agency', 'School');
    await page.waitForSelector('body[data-checks="ready"]');
    await page.check('#criteria-cse-risk');
    await page.waitForFunction(() => /1 of 3/.test(document.getElementById('domains-text').textContent));
    await page.close();
  });

  test('a page whose module cannot load says "Checks unavailable", never that there are no problems', async () => {
    const { page } = await openPage(REFERRAL, { setup: (p) => p.route(PACKAGE_ENTRY, (route) => route.fulfill({ status: 404, body: 'Not found' })) });
    await page.waitForSelector('body[data-checks="unavailable"]', { timeout: 15000 });
    assert.match(await page.textContent('#checks-status'), /Checks unavailable/);
    assert.match(await page.textContent('#eligibility-tag'), /Checks unavailable/);
    await page.click('#submit-button');
    assert.ok(await page.locator('#success-banner').isHidden(), 'no success message when nothing was checked');
    assert.doesNotMatch(await page.locator('main').innerText(), /no (problems|errors)/i);
    await shot(page, 'referral-unavailable.png');
    await page.close();
  });
  test('an empty Child 1 block asks for the child\'s details, not for "at least one child"', async () => {
    const { page, log } = await openPage(REFERRAL, { ready: 'body[data-checks="ready"]' });
    await page.click('#submit-button');
    const links = page.locator('#error-summary-list a');
    await links.first().waitFor({ timeout: 15000 });
    const texts = await links.allTextContents();
    assert.ok(!texts.some((t) => /at least one child/i.test(t)), texts.join(' | '));
    const child = page.locator('#error-summary-list a[href="#children-0-dateOfBirth-day"]');
    assert.equal(await child.count(), 1, `a link to child 1's date of birth: ${texts.join(' | ')}`);
    assert.match(await page.textContent('[data-field="/children/0/dateOfBirth"]'), /date of birth/i);
    assertClean(log);
    await page.close();
  });

  test('what the referral needs is what is not marked "(optional)"', async () => {
    const { page, log } = await openPage(REFERRAL, { ready: 'body[data-checks="ready"]' });
    // The fields the engine never requires say so.
    for (const pointer of ['/service', '/locality', '/address', '/adults', '/receivedOn', '/referrer/email']) {
      const heading = page.locator(`[data-field="${pointer}"] :is(legend, label)`).first();
      assert.match(await heading.textContent(), /\(optional\)/, `${pointer} is marked optional`);
    }
    // After submitting the empty form, no field marked "(optional)" has an error, and every field in error is one
    // the engine requires.
    await page.click('#submit-button');
    await page.locator('#error-summary-list a').first().waitFor({ timeout: 15000 });
    const inError = await page.$$eval('.govuk-form-group--error', (gs) => gs.map((g) => ({
      field: g.dataset.field, heading: g.querySelector('legend, label')?.textContent ?? '',
    })));
    assert.ok(inError.length >= 5, JSON.stringify(inError));
    for (const { field, heading } of inError) assert.doesNotMatch(heading, /\(optional\)/, `${field} is optional but has an error`);
    assertClean(log);
    await page.close();
  });

  test('a date message appearing above the boxes does not move the box being typed', async () => {
    const { page, log } = await openPage(REFERRAL, { ready: 'body[data-checks="ready"]' });
    const messages = page.locator('[data-field="/referralDate"] .govuk-error-message');
    await page.locator('#referralDate-day').fill('30');
    await page.locator('#referralDate-month').fill('2');
    await page.locator('#referralDate-year').focus();
    const before = await topOf(page, '#referralDate-year');
    for (const typed of ['2', '20', '202']) {
      await page.locator('#referralDate-year').fill(typed);
      await page.waitForTimeout(50);
      assert.equal(await messages.count(), 0, `no message while the year is "${typed}"`);
    }
    await page.locator('#referralDate-year').fill('2026');
    await messages.first().waitFor({ timeout: 15000 });
    assert.equal(await topOf(page, '#referralDate-year'), before, 'the year box keeps its place on screen');
    assertClean(log);
    await page.close();
  });

  test('a reset leaves no message behind, even with the focus in a date half typed', async () => {
    const { page, log } = await openPage(REFERRAL, { ready: 'body[data-checks="ready"]' });
    const dateMessages = page.locator('[data-field="/referralDate"] .govuk-error-message');
    const allMessages = page.locator('.govuk-error-message:visible');
    await page.locator('button[type="submit"]').first().click();
    await page.locator('#error-summary:visible').waitFor({ timeout: 15000 });
    // A day alone, then on to the month: the date says what it lacks, and the focus stays in its boxes.
    await page.locator('#referralDate-day').fill('7');
    await page.locator('#referralDate-day').press('Tab');
    await page.waitForFunction(() => /month and year/.test(document.querySelector('[data-field="/referralDate"]')?.textContent ?? ''));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'referralDate-month');
    assert.ok((await allMessages.count()) > 1, 'the submitted form shows its messages');
    // A host's "start again" resets the form where the person is.
    await page.evaluate(() => document.querySelector('form').reset());
    await page.waitForFunction(() => document.querySelectorAll('.govuk-error-message').length === 0, null, { timeout: 15000 });
    assert.equal(await dateMessages.count(), 0, 'no message about the day typed before the reset');
    assert.equal(await page.locator('#error-summary').isHidden(), true);
    assert.equal(await page.locator('#referralDate-day').inputValue(), '');
    assertClean(log);
    await page.close();
  });
});
