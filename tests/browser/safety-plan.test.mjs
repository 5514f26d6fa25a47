// Browser tests of the safety / wellbeing plan page (www/safety-plan.html) against the built package (pkg/), in
// headless Chromium.
//
//   npm run build && node --test tests/browser/safety-plan.test.mjs
//
// Needs /usr/bin/chromium (apt-get install -y chromium). Without it these tests FAIL, unless SF_SKIP_BROWSER=1.
// Screenshots go to tests/browser/artifacts/ (git-ignored).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  browser, SKIP_OPTION, useBrowser, openPage as open, assertClean, shot, PACKAGE_ENTRY,
} from './harness.mjs';

const openPage = (pathname = PAGE) => open(pathname);

// The day the conformance vectors of safety-plan are checked on; the page's example plan is one of them.
const TODAY = '2025-06-02';
const PAGE = `/www/safety-plan.html?today=${TODAY}`;

/** Scroll the field into view and screenshot the viewport (the sticky outcome panel stays beside it). */
async function shotAt(page, selector, name) {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -120));
  await shot(page, name, { fullPage: false });
}

describe('the safety / wellbeing plan page in headless Chromium', SKIP_OPTION, () => {
  useBrowser();

  test('the page loads every part of the plan, the profiles and the roadmap, with no console errors', async () => {
    const { page, log } = await openPage();
    const font = await page.$eval('h1.govuk-heading-l', (h) => getComputedStyle(h).fontFamily);
    assert.match(font, /GDS Transport/);
    // The profile select is filled from profiles(); the default says it changes nothing.
    const options = await page.$$eval('#profile option', (os) => os.map((o) => o.value));
    assert.deepEqual(options, ['default', 'telford-wrekin', 'west-sussex', 'walsall', 'south-glos']);
    assert.equal(await page.inputValue('#profile'), 'default');
    assert.match(await page.textContent('#profile-changes'), /No changes/);
    // Every part of the form is there.
    for (const selector of [
      '#planType', '#planDate-day', '#topics', '#dangerStatements-0-statement', '#dangerStatements-0-safetyGoal',
      '#dangerStatements-0-safetyScale', '#dangerStatements-0-safetyScale-range', '#dangerStatements-0-networkMeetingOn-day',
      '#bottomLines-0', '#timeline-0-week', '#timeline-0-task-what', '#timeline-0-task-who', '#timeline-0-task-why',
      '#timeline-0-meetingsMonitoring', '#timeline-0-changesToArrangements', '#timeline-0-completed', '#network-0-name',
      '#network-0-relationship', '#network-0-role', '#networkTarget', '#familyNetworkMeetingOn-day', '#planRules-worries',
      '#planRules-workingWell', '#planRules-stressorsTriggers', '#planRules-firstSigns', '#planRules-redFlags',
      '#planRules-whoDoesWhat-0-who', '#planRules-whoDoesWhat-0-action', '#childVersion-createdOn-day',
      '#childVersion-sharedWithChild', '#wordsAndPicturesOn-day', '#reviewEvery', '[data-add="/reviewMeetings"]',
      '#hsbRag', '#hsbReferralMade', '#eitReviewedOn-day', '[data-add="/incidents"]', '[data-add="/dashAssessments"]',
      '[data-add="/serviceManagerApprovals"]', '#handover-networkLead', '#handover-on-day',
    ]) {
      assert.equal(await page.locator(selector).count(), 1, `${selector} is on the page`);
    }
    assert.equal(await page.locator('input[name="topics"]').count(), 10);
    // The roadmap strip: six steps, all to do.
    assert.deepEqual(
      await page.$$eval('#steps [data-step]', (li) => li.map((x) => `${x.dataset.step}:${x.dataset.state}`)),
      ['danger-statements', 'bottom-lines', 'timeline', 'network', 'plan-rules', 'child-version'].map((s) => `${s}:todo`),
    );
    assert.match(await page.textContent('#completeness-text'), /0%/);
    // Optional lists gain and lose rows.
    await page.click('[data-add="/dashAssessments"]');
    assert.equal(await page.locator('#dashAssessments-0-on-day').count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'dashAssessments-0-on-day');
    await page.click('[data-remove="/dashAssessments"][data-index="0"]');
    assert.equal(await page.locator('#dashAssessments-0-on-day').count(), 0);
    await shot(page, 'safety-plan.png');
    assertClean(log);
    await page.close();
  });

  test('a template placeholder typed into a plan rule shows its error by that field, without quoting it', async () => {
    const { page, log } = await openPage();
    const placeholder = "(PARENT/CARER'S NAMES)";
    await page.click('#planRules-worries');
    await page.keyboard.type(`${placeholder} argue when money is short`);
    await page.keyboard.press('Tab');
    const group = page.locator('[data-field="/planRules/worries"]');
    const message = group.locator('.govuk-error-message');
    await message.first().waitFor({ timeout: 5000 });
    assert.equal(await message.count(), 1);
    assert.equal(await message.getAttribute('data-code'), 'SP-021');
    const text = await message.textContent();
    assert.match(text, /placeholder/i);
    assert.ok(!text.includes(placeholder) && !/PARENT|CARER/.test(text), `the message does not quote the text: ${text}`);
    assert.match(await message.locator('.govuk-visually-hidden').textContent(), /^Error:/);
    assert.match(await group.getAttribute('class'), /govuk-form-group--error/);
    assert.match(await page.getAttribute('#planRules-worries', 'class'), /govuk-textarea--error/);
    assert.match(await page.getAttribute('#planRules-worries', 'aria-describedby'), new RegExp(await message.getAttribute('id')));
    // No other field shows it.
    assert.equal(await page.locator('.govuk-error-message[data-code="SP-021"]').count(), 1);
    await shotAt(page, '#section-plan-rules', 'safety-plan-placeholder.png');

    // Replacing the placeholder with names clears the error as the person types.
    await page.fill('#planRules-worries', 'Mum and Dad argue when money is short');
    await page.waitForFunction(() => !document.querySelector('[data-field="/planRules/worries"] .govuk-error-message'));
    assertClean(log);
    await page.close();
  });

  test('harmful sexual behaviour rated amber without a referral shows the HSB error', async () => {
    const { page, log } = await openPage();
    await page.check('#topics-harmful-sexual-behaviour');
    await page.check('#hsbRag-2'); // Amber
    assert.equal(await page.textContent('label[for="hsbRag-2"]'), 'Amber');
    await page.check('#hsbReferralMade-2'); // No
    const group = page.locator('[data-field="/hsbReferralMade"]');
    const message = group.locator('.govuk-error-message[data-code="SP-013"]');
    await message.waitFor({ timeout: 5000 });
    assert.match(await message.textContent(), /amber or red needs a referral to the HSB service/);
    assert.match(await group.getAttribute('class'), /govuk-form-group--error/);
    await shotAt(page, '#section-topics', 'safety-plan-hsb.png');

    // Green needs no referral; amber with a referral made is fine too.
    await page.check('#hsbRag-3');
    await page.waitForFunction(() => !document.querySelector('[data-field="/hsbReferralMade"] .govuk-error-message'));
    await page.check('#hsbRag-2');
    await message.waitFor({ timeout: 5000 });
    await page.check('#hsbReferralMade'); // Yes
    await page.waitForFunction(() => !document.querySelector('[data-field="/hsbReferralMade"] .govuk-error-message'));
    assertClean(log);
    await page.close();
  });

  test('the network meter fills as people are added to the network, up to the target', async () => {
    const { page, log } = await openPage();
    const meter = page.locator('#network-meter');
    const filled = () => page.locator('#network-meter .app-sp-person--filled').count();
    await page.fill('#networkTarget', '3');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => /0 of 3 people found: 3 more people needed/.test(document.getElementById('network-text').textContent));
    assert.equal(await meter.getAttribute('data-target'), '3');
    assert.equal(await page.locator('#network-meter .app-sp-person').count(), 3);
    assert.equal(await filled(), 0);

    const people = [['Nan', 'grandmother', 'weekend support'], ['Aunt', 'aunt', 'check-ins'], ['Neighbour', 'friend', 'school run']];
    for (const [i, [name, relationship, role]] of people.entries()) {
      if (i > 0) {
        await page.click('[data-add="/network"]');
        assert.equal(await page.evaluate(() => document.activeElement.id), `network-${i}-name`, 'the new row is focused');
      }
      await page.fill(`#network-${i}-name`, name);
      await page.fill(`#network-${i}-relationship`, relationship);
      await page.fill(`#network-${i}-role`, role);
      await page.waitForFunction((n) => document.getElementById('network-meter').dataset.count === String(n), i + 1);
      assert.equal(await filled(), i + 1, `${i + 1} figures filled`);
      assert.match(await page.textContent('#network-text'), new RegExp(`^${i + 1} of 3 people found`));
      if (i === 0) await shotAt(page, '#section-network', 'safety-plan-network-1.png');
    }
    assert.equal(await page.textContent('#network-text'), '3 of 3 people found');
    assert.equal(await page.locator('#network-meter .app-sp-person--complete').count(), 3, 'a full network turns green');
    assert.equal(await page.getAttribute('#steps [data-step="network"]', 'data-state'), 'done');
    await shotAt(page, '#section-network', 'safety-plan-network-3.png');

    // Removing a person empties a figure again.
    await page.click('[data-remove="/network"][data-index="1"]');
    await page.waitForFunction(() => document.getElementById('network-meter').dataset.count === '2');
    assert.equal(await filled(), 2);
    assert.equal(await page.inputValue('#network-1-name'), 'Neighbour', 'the rows below move up');
    assert.equal(await page.getAttribute('#steps [data-step="network"]', 'data-state'), 'todo');
    assertClean(log);
    await page.close();
  });

  test('switching the profile shows its changes and re-checks the same plan under it', async () => {
    const { page, log } = await openPage();
    const outcome = page.locator('#outcome');
    // The example plan, then a placeholder and an unreferred amber rating so that there are findings to recompute.
    await page.click('#example-button');
    await page.waitForFunction(() => /100%/.test(document.getElementById('completeness-text').textContent));
    assert.deepEqual(
      await page.$$eval('#steps [data-step]', (li) => li.map((x) => x.dataset.state)),
      ['done', 'done', 'done', 'done', 'done', 'done'],
    );
    assert.equal(await page.textContent('#next-review'), 'Next review due 10 July 2025');
    assert.equal(await page.textContent('#review-tag'), 'Due');
    assert.equal(await page.textContent('#tasks-text'), '2 of 3 tasks completed');
    await shot(page, 'safety-plan-example.png');
    await page.fill('#bottomLines-0', '(PRACTITIONER NAME) will visit every week');
    await page.check('#hsbRag'); // Red
    await page.check('#hsbReferralMade-2'); // No
    await page.waitForFunction(() => document.getElementById('findings').dataset.errors === '2');

    const checksBefore = Number(await outcome.getAttribute('data-checked'));
    for (const [id, title, changeText] of [
      ['telford-wrekin', 'Telford & Wrekin', /supervision\.frequencyWeeks = 6/],
      ['south-glos', 'South Gloucestershire', /safety-plan\.eitReviewMonths 3/],
      ['default', 'Default', /No changes: the checks use the values written in the specification/],
    ]) {
      const before = Number(await outcome.getAttribute('data-checked'));
      await page.selectOption('#profile', id);
      await page.waitForFunction((p) => document.getElementById('outcome').dataset.profile === p, id);
      // The selected profile's changes lines are shown beneath the select.
      assert.equal(await page.getAttribute('#profile-changes', 'data-profile'), id);
      assert.match(await page.textContent('#profile-changes'), changeText);
      // ... and what it changes in this form's checks: nothing, for every shipped profile.
      if (id !== 'default') {
        assert.equal(await page.getAttribute('#profile-changes [data-form-changes]', 'data-form-changes'), '0');
        assert.match(await page.textContent('#profile-changes'), /changes none of its checks/);
      }
      // The findings were recomputed under this profile (a new report was drawn, tagged with the profile).
      assert.ok(Number(await outcome.getAttribute('data-checked')) > before, 'a new report was drawn');
      assert.equal(await page.getAttribute('#findings', 'data-profile'), id);
      assert.match(await page.textContent('#findings'), new RegExp(`Checked with the ${title} profile`));
      assert.match(new URL(page.url()).search, id === 'default' ? /^\?today=[^&]*$/ : new RegExp(`profile=${id}`));
      // No shipped profile changes a safety-plan rule, so the same findings come back, by the same fields.
      assert.equal(await page.getAttribute('#findings', 'data-errors'), '2');
      assert.equal(await page.locator('[data-field="/bottomLines/0"] .govuk-error-message[data-code="SP-021"]').count(), 1);
      assert.equal(await page.locator('[data-field="/hsbReferralMade"] .govuk-error-message[data-code="SP-013"]').count(), 1);
      // ... and they are the findings the package gives for this data under this profile.
      const counts = await page.evaluate(async ([p, today]) => {
        // The module the page loaded (its own form's), already initialised by the page.
        const m = await import('/pkg/forms/safety-plan/index.js');
        const data = {
          planType: 'cin', bottomLines: ['(PRACTITIONER NAME) will visit every week'], hsbRag: 'red', hsbReferralMade: false,
        };
        const r = m.validate('safety-plan', data, { today, profile: p });
        return r.diagnostics.filter((d) => d.code === 'SP-021' || d.code === 'SP-013').map((d) => `${d.code} ${d.path}`);
      }, [id, TODAY]);
      assert.deepEqual(counts, ['SP-021 /bottomLines/0', 'SP-013 /hsbReferralMade']);
      if (id === 'telford-wrekin') await shot(page, 'safety-plan-profile.png');
    }
    assert.ok(Number(await outcome.getAttribute('data-checked')) >= checksBefore + 3);

    // The answers survived every switch.
    assert.equal(await page.inputValue('#network-2-name'), 'Neighbour');
    assert.equal(await page.inputValue('#dangerStatements-0-safetyScale'), '4');
    assertClean(log);
    await page.close();
  });

  test('the safety scale can be set with the slider, and out of range is an error', async () => {
    const { page, log } = await openPage();
    const range = page.locator('#dangerStatements-0-safetyScale-range');
    assert.equal(await range.getAttribute('max'), '10');
    await range.focus();
    for (let i = 0; i < 7; i += 1) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.getElementById('dangerStatements-0-safetyScale').value === '7');
    await page.fill('#dangerStatements-0-safetyScale', '11');
    await page.keyboard.press('Tab');
    const message = page.locator('[data-field="/dangerStatements/0/safetyScale"] .govuk-error-message');
    await message.first().waitFor({ timeout: 5000 });
    assert.match(await message.first().textContent(), /0 and 10/);
    assert.equal(await range.inputValue(), '10', 'the slider shows the nearest end');
    assertClean(log);
    await page.close();
  });

  test('submitting an empty plan shows the error summary, whose first link focuses its field', async () => {
    const { page, log } = await openPage();
    await page.click('#submit-button');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor({ state: 'visible', timeout: 5000 });
    assert.ok((await page.title()).startsWith('Error: '));
    const links = summary.locator('.govuk-error-summary__list a');
    assert.ok(await links.count() >= 5, 'the summary lists the missing parts');
    assert.equal(
      await page.locator('.govuk-error-message').count(),
      await page.locator('.govuk-error-message > .govuk-visually-hidden').count(),
    );
    assert.match(await page.textContent('#findings'), /for submission/);
    await shot(page, 'safety-plan-submit-errors.png');
    const first = links.first();
    const href = await first.getAttribute('href');
    await first.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), href.slice(1));
    assert.match(await page.evaluate(() => document.activeElement.tagName), /^(INPUT|SELECT|TEXTAREA)$/);
    assertClean(log);
    await page.close();
  });

  test('no serious or critical accessibility violations found by axe-core', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const check = async (page, what) => {
      await page.evaluate(axeSource);
      const result = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), tags);
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const found = serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      assert.deepEqual(found, [], `${what}: ${found.join('; ')}`);
      const other = result.violations.map((v) => `${v.id} (${v.impact})`);
      assert.deepEqual(other, [], `${what}, any impact: ${other.join('; ')}`);
    };
    const { page } = await openPage();
    await check(page, 'empty');
    await page.click('#example-button');
    await page.selectOption('#profile', 'walsall');
    await page.click('[data-add="/dashAssessments"]');
    await page.fill('#planRules-firstSigns', '(ADD NUMBER) raised voices');
    await page.click('#submit-button');
    await check(page, 'example, with errors and the Walsall profile');
    browser.foreignRequests.splice(0);
    await page.close();
  });

  test('a page whose module cannot load says "Checks unavailable", never that there are no problems', async () => {
    const page = await browser.context.newPage();
    await page.route(PACKAGE_ENTRY, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(new URL(PAGE, browser.server.url).href);
    await page.waitForSelector('body[data-checks="unavailable"]', { timeout: 15000 });
    assert.match(await page.textContent('#checks-status'), /Checks unavailable/);
    assert.match(await page.textContent('#findings'), /Checks unavailable/);
    assert.ok(await page.locator('#profile').isDisabled());
    await page.click('#submit-button');
    assert.ok(await page.locator('#success-banner').isHidden());
    assert.doesNotMatch(await page.locator('main').innerText(), /no (problems|errors)/i);
    browser.foreignRequests.splice(0);
    await page.close();
  });
});
