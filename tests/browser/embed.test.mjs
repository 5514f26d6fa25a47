// Browser tests of the drop-in script (www/embed.js) on a vendor's own page (www/vendor-demo.html), in headless
// Chromium, against the built package (pkg/).
//
//   npm run build && node --test tests/browser/embed.test.mjs
//
// The vendor page knows nothing of the product but the data-sf-* attributes, one script tag and the one documented
// call (`SafeguardingForms.check(form)`) its script save uses. Checked here: messages by the host's fields; the
// submit stopped with an error summary; what is checked on saving is what the form holds then — after Clear, after
// values set by script, after rows added or removed, through `requestSubmit()`, `form.submit()` and a script save;
// dates judged only when typed; messages that do not move the box being typed; and "Checks unavailable" (never
// "no problems") when the module cannot load.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CSP } from '../../www/server.mjs';
import { useBrowser, openPage as open, assertClean, shot, SKIP_OPTION, topOf, PACKAGE_ENTRY } from './harness.mjs';

const PAGE = '/www/vendor-demo.html';
const form = '#referral';
const openPage = ({ csp, pkg404 = false } = {}) => open(PAGE, {
  ready: csp || pkg404 ? null : `${form}[data-sf-checks="ready"]`,
  setup: async (page) => {
    if (csp !== undefined) {
      // The same vendor page, served with another Content-Security-Policy.
      await page.route(`**${PAGE}*`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
      });
    }
    if (pkg404) await page.route(PACKAGE_ENTRY, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  },
});

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
  await page.check('#assOpenYes');
  await page.selectOption('#planType', 'early-help-support-plan');
  await fillDate(page, 'plan', ['4', '3', '2026']);
  await page.check('#planOpenYes');
  await page.check('#consentYes');
  await page.fill('#c0Name', 'Alex');
  await fillDate(page, 'c0', ['15', '1', '2014']);
  await page.fill('#c0Att', '85');
  for (const id of ['#critAtt', '#critCse', '#critDa', '#critMh']) await page.check(id);
  await page.check('input[name="crit"][value="vulnerable-learner"]');
}

const summary = (page) => page.locator(`${form} > .sf-error-summary`);
const summaryTexts = (page) => summary(page).locator('a').allTextContents();
const savedCount = (page) => page.evaluate(() => document.body.dataset.saved ?? null);

/** Saved once: the vendor's confirmation shows and no summary is on screen. */
async function assertSaved(page, before) {
  await page.waitForFunction((n) => document.body.dataset.saved !== n, before, { timeout: 15000 });
  assert.equal(await summary(page).count(), 0);
}

/** Not saved: the summary is on screen and the vendor's save did not run. */
async function assertStopped(page, before) {
  await summary(page).waitFor({ timeout: 15000 });
  assert.equal(await savedCount(page), before, 'the vendor\'s save did not run');
}

describe('the drop-in script on a vendor page', SKIP_OPTION, () => {
  useBrowser();

  test('the vendor page is not GOV.UK styled and loads only the one script and its stylesheet', async () => {
    const { page, log } = await openPage();
    assert.equal(await page.locator('link[href*="govuk"]').count(), 0);
    assert.match(await page.locator('link[data-sf-embed]').getAttribute('href'), /\/www\/embed\.css$/);
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
    await fillDate(page, 'ref', ['30', '2', '2026']);
    const message = page.locator('[data-sf-path="/referralDate"] + .sf-messages .sf-message--error');
    await message.first().waitFor({ timeout: 15000 });
    assert.match(await message.first().textContent(), /real date/i);
    assert.equal((await message.first().locator('.sf-visually-hidden').textContent()).trim(), 'Error:');
    const id = await message.first().getAttribute('id');
    for (const part of ['refDay', 'refMonth', 'refYear']) {
      assert.ok((await page.getAttribute(`#${part}`, 'aria-describedby')).split(' ').includes(id), `#${part} is described by the message`);
    }
    assert.equal(await page.getAttribute('#refDay', 'aria-invalid'), 'true', 'the day is marked invalid');
    await shot(page, 'embed/vendor-date-error.png');
    await page.fill('#refDay', '10');
    await page.waitForFunction(() => !document.querySelector('[data-sf-path="/referralDate"] + .sf-messages .sf-message--error'));
    assert.equal(await page.getAttribute('#refDay', 'aria-describedby'), null);
    assert.equal(await page.getAttribute('#refDay', 'aria-invalid'), null);
    assertClean(log);
    await page.close();
  });

  test('dates: nothing is said while the year is typed; judged at 4 digits or on leaving; the box does not move', async () => {
    const { page, log } = await openPage();
    const messages = page.locator('[data-sf-path="/referralDate"] + .sf-messages .sf-message');
    await page.fill('#refDay', '30');
    await page.fill('#refMonth', '2');
    const top = await topOf(page, '#refYear');
    for (const partial of ['2', '20', '202']) {
      await page.locator('#refYear').fill(partial);
      await page.waitForTimeout(50);
      assert.equal(await messages.count(), 0, `no message while the year is "${partial}"`);
    }
    await page.locator('#refYear').fill('2026'); // 30 February: judged at the 4th digit
    await messages.first().waitFor({ timeout: 15000 });
    assert.match(await messages.first().textContent(), /real date/i);
    assert.equal(await topOf(page, '#refYear'), top, 'the year box stays where it was on screen');
    // Leaving a half-typed year judges it.
    await page.locator('#refYear').fill('26');
    await page.locator('#refYear').press('Tab');
    await page.waitForFunction(() => /4 numbers/.test(document.querySelector('[data-sf-path="/referralDate"] + .sf-messages')?.textContent ?? ''));
    assertClean(log);
    await page.close();
  });

  test('submitting with errors is prevented and shows the summary, whose links focus the fields', async () => {
    const { page, log } = await openPage();
    const title = await page.title();
    await page.fill('#c0Att', '150');
    await page.click('#save');
    await assertStopped(page, null);
    assert.equal((await summary(page).locator('.sf-error-summary__title').textContent()).trim(), 'There is a problem');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('sf-error-summary')), true, 'the summary takes focus');
    assert.equal(await page.title(), `Error: ${title}`);
    assert.equal(new URL(page.url()).search, '', 'the form was not sent');
    const texts = await summaryTexts(page);
    assert.ok(texts.length >= 4, 'the required answers are listed');
    assert.ok(texts.some((t) => /date of the referral/i.test(t)), texts.join(' | '));
    assert.ok(texts.some((t) => /between 0 and 100/i.test(t)), texts.join(' | '));
    // One link per field.
    const paths = await summary(page).locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(new Set(paths).size, paths.length, `one error per field: ${paths.join(' ')}`);
    await summary(page).locator('a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'refDay');
    await summary(page).locator('a', { hasText: /between 0 and 100/i }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'c0Att');
    await shot(page, 'embed/vendor-submit-errors.png');
    assertClean(log);
    await page.close();
  });

  test('a valid referral submits: the vendor\'s own handler runs and no summary is shown', async () => {
    const { page, log } = await openPage();
    await fillValidReferral(page);
    await page.click('#save');
    await assertSaved(page, null);
    assert.match(await page.textContent('#saved'), /saved/);
    assert.equal(await page.locator(`${form} .sf-message--error`).count(), 0);
    assert.equal(await page.getAttribute(form, 'data-sf-valid'), 'true');
    assertClean(log);
    await page.close();
  });

  test('a reset leaves no message behind, even with the focus in a date half typed', async () => {
    const { page, log } = await openPage();
    const messages = page.locator('[data-sf-path="/referralDate"] + .sf-messages .sf-message');
    await page.fill('#refDay', '30');
    await page.fill('#refMonth', '2');
    await page.locator('#refYear').fill('2026'); // 30 February
    await messages.first().waitFor({ timeout: 15000 });
    // Half a year: the date is being typed, so its message waits (the old one stays on screen meanwhile).
    await page.locator('#refYear').fill('20');
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'refYear');
    // The host resets the form where the person is.
    await page.evaluate(() => document.getElementById('referral').reset());
    await page.waitForFunction(() => document.querySelectorAll('#referral .sf-message').length === 0, null, { timeout: 15000 });
    assert.equal(await page.locator('#refYear').inputValue(), '');
    assertClean(log);
    await page.close();
  });

  test('Clear, then Save: the empty form is checked (errors shown, not "saved"), and Clear removes old messages', async () => {
    const { page, log } = await openPage();
    await fillValidReferral(page);
    await page.fill('#c0Att', '150');
    await page.click('#save');
    await assertStopped(page, null);
    await page.fill('#c0Att', '85');
    await page.click('#save');
    await assertSaved(page, null);
    const saved = await savedCount(page);
    await page.click('#clear');
    await page.waitForFunction(() => document.querySelectorAll('#referral .sf-message').length === 0);
    assert.equal(await summary(page).count(), 0, 'no summary left after Clear');
    await page.click('#save');
    await assertStopped(page, saved);
    assert.ok((await summaryTexts(page)).some((t) => /date of the referral/i.test(t)));
    await shot(page, 'embed/vendor-cleared-then-saved.png');
    assertClean(log);
    await page.close();
  });

  test('"Open" is a yes / no answer: "No" reaches the checks', async () => {
    const { page, log } = await openPage();
    await fillValidReferral(page);
    await page.check('#assOpenNo');
    await page.click('#save');
    await assertStopped(page, null);
    assert.ok((await summaryTexts(page)).some((t) => /open/i.test(t)), (await summaryTexts(page)).join(' | '));
    assertClean(log);
    await page.close();
  });

  test('values set by the host\'s script are what is checked', async () => {
    const { page, log } = await openPage();
    await fillValidReferral(page);
    // The host's script empties the name and sets a bad email: no input events.
    await page.evaluate(() => {
      document.getElementById('refEmail').value = 'not an email';
      document.getElementById('c0Name').value = '';
    });
    await page.click('#save');
    await assertStopped(page, null);
    const texts = await summaryTexts(page);
    assert.ok(texts.some((t) => /email/i.test(t)), texts.join(' | '));
    // "Referrer is me" fills the referrer by script: the email error goes on the next save.
    await page.click('#useMe');
    await page.evaluate(() => { document.getElementById('c0Name').value = 'Alex'; });
    await page.click('#save');
    await assertSaved(page, null);
    assertClean(log);
    await page.close();
  });

  test('rows added and removed after the page loaded are checked', async () => {
    const { page, log } = await openPage();
    await fillValidReferral(page);
    await page.click('#addChild');
    await page.fill('#c1Att', '150');
    await page.locator('#c1Att').press('Tab');
    // The new row's field has its own message, after it.
    await page.waitForSelector('#c1Att + .sf-messages .sf-message--error', { timeout: 15000 });
    await page.click('#save');
    await assertStopped(page, null);
    assert.ok((await summaryTexts(page)).some((t) => /between 0 and 100/i.test(t)));
    await page.click('#removeChild');
    await page.click('#save');
    await assertSaved(page, null);
    assertClean(log);
    await page.close();
  });

  test('requestSubmit(), form.submit() and a script save are checked too', async () => {
    const { page, log } = await openPage();
    await page.click('#saveClose'); // form.requestSubmit()
    await assertStopped(page, null);
    await page.click('#clear');
    await page.waitForFunction(() => !document.querySelector('#referral > .sf-error-summary'));
    await page.click('#quickSave'); // await SafeguardingForms.check(form), then save
    await assertStopped(page, null);
    await page.click('#clear');
    await page.waitForFunction(() => !document.querySelector('#referral > .sf-error-summary'));
    await page.evaluate(() => document.getElementById('referral').submit());
    await assertStopped(page, null);
    assert.equal(new URL(page.url()).search, '', 'form.submit() did not send the form');
    // Valid: each way saves.
    await fillValidReferral(page);
    for (const button of ['#saveClose', '#quickSave']) {
      const before = await savedCount(page);
      await page.click(button);
      await assertSaved(page, before);
    }
    const result = await page.evaluate(async () => {
      const r = await window.SafeguardingForms.check(document.getElementById('referral'));
      return { ok: r.ok, checked: r.checked, errors: r.errors };
    });
    assert.deepEqual(result, { ok: true, checked: true, errors: 0 });
    assertClean(log);
    await page.close();
  });

  test('served with a CSP lacking \'wasm-unsafe-eval\': "Checks unavailable", and submitting is not blocked', async () => {
    const strict = CSP.replace(" 'wasm-unsafe-eval'", '');
    assert.doesNotMatch(strict, /wasm-unsafe-eval/);
    const { page } = await openPage({ csp: strict });
    await page.waitForSelector(`${form}[data-sf-checks="unavailable"]`, { timeout: 15000 });
    assert.match(await page.locator(`${form} .sf-notice`).textContent(), /Checks unavailable/);
    assert.doesNotMatch(await page.locator(form).innerText(), /no (problems|errors)/i);
    await fillDate(page, 'ref', ['30', '2', '2026']);
    assert.equal(await page.locator('.sf-message').count(), 0, 'nothing is claimed about the answers');
    await page.click('#save');
    await page.waitForSelector('#saved:not([hidden])', { timeout: 15000 });
    assert.equal(await page.locator('.sf-error-summary').count(), 0);
    const result = await page.evaluate(async () => (await window.SafeguardingForms.check(document.getElementById('referral'))).checked);
    assert.equal(result, false, 'a script save is told the form was not checked');
    await page.close();
  });

  test('with the package missing (404): "Checks unavailable"', async () => {
    const { page } = await openPage({ pkg404: true });
    await page.waitForSelector(`${form}[data-sf-checks="unavailable"]`, { timeout: 15000 });
    assert.match(await page.locator(`${form} .sf-notice`).textContent(), /Checks unavailable/);
    await page.close();
  });
});
