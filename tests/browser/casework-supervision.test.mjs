// Browser tests of the casework supervision record page (www/casework-supervision.html) against the built package
// (pkg/), in headless Chromium, driven as a person would: typing, choosing, clicking.
//
//   npm run build && node --test tests/browser/casework-supervision.test.mjs
//
// Needs /usr/bin/chromium (apt-get install -y chromium). Without it these tests FAIL, unless SF_SKIP_BROWSER=1.
// Screenshots go to tests/browser/artifacts/ (git-ignored).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  browser, SKIP_OPTION, useBrowser, openPage as open, assertClean, shot, shotOf, typeDate, text, PACKAGE_ENTRY,
} from './harness.mjs';

const PAGE = '/www/casework-supervision.html';
// 10 March 2025: a child protection case supervised on 31 January 2025 was due again by 28 February, so overdue.
const TODAY = '2025-03-10';

const openPage = (pathname) => open(pathname);
const shotPanel = (page, name) => shotOf(page, '#cadence', name);

describe('casework supervision record page in headless Chromium', SKIP_OPTION, () => {
  useBrowser();

  test('every section of the proposed Protocol form is there, in its order, in the GOV.UK look', async () => {
    const { page, log } = await openPage(`${PAGE}?today=${TODAY}`);
    const font = await page.$eval('h1.govuk-heading-l', (h) => getComputedStyle(h).fontFamily);
    assert.match(font, /GDS Transport/);
    // The seed's sections, then the fields the model adds, in document order.
    const order = [
      '/date', '/teamManager', '/practitioner', '/caseStatus', '/child/name', '/child/lcsNumber',
      '/previousSupervisionDate', '/purposeOfInvolvement', '/reviewOfPreviousActions/0/action',
      '/reviewOfPreviousActions/0/status', '/reviewOfPreviousActions/0/comment', '/lastAssessmentDate',
      '/childLastSeenDate', '/sinceLastSupervision', '/supportPlan/upToDate', '/supportPlan/smart',
      '/supportPlan/comment', '/childWishesAndFeelings', '/positiveChange', '/riskAnalysis', '/riskManaged',
      '/strengths', '/actions/0/action', '/actions/0/owner', '/actions/0/dueDate', '/nextSupervisionDate',
      '/activeSafeguarding', '/preparedBySuperviseeOn',
    ];
    const found = await page.$$eval('[data-field]', (nodes) => nodes.map((n) => n.dataset.field));
    const positions = order.map((p) => found.indexOf(p));
    for (const [i, p] of order.entries()) assert.ok(positions[i] >= 0, `${p} is on the page`);
    assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'the fields are in the form’s order');
    // Case status: the five statuses as radios.
    assert.deepEqual(
      await page.$$eval('[data-field="/caseStatus"] input[type=radio]', (rs) => rs.map((r) => r.value)),
      ['cp', 'cin', 'step-down', 'strengthening-families', 'cic'],
    );
    assert.deepEqual(
      await page.$$eval('[data-field="/reviewOfPreviousActions/0/status"] input[type=radio]', (rs) => rs.map((r) => r.value)),
      ['done', 'in-progress', 'not-done'],
    );
    // Nothing is flagged before the person has answered anything.
    assert.equal(await page.locator('.govuk-error-message, .app-warning-message').count(), 0);
    await shot(page, 'casework-supervision.png');
    assertClean(log);
    await page.close();
  });

  test('a CP case supervised on 31 January 2025 is next due 28 February 2025; as CIN, 30 April 2025', async () => {
    const { page, log } = await openPage(`${PAGE}?today=${TODAY}`);
    const panel = page.locator('#cadence');
    await typeDate(page, 'date', 31, 1, 2025);
    await page.locator('label[for="caseStatus"]').click(); // Child protection (CP)
    await page.waitForFunction(() => document.getElementById('cadence').dataset.nextDue === '2025-02-28');
    assert.equal(await text(page, '#next-due'), '28 February 2025');
    assert.equal(await text(page, '#frequency-tag'), 'Every month');
    assert.match(await text(page, '#frequency-reason'), /child protection case: supervised every month/i);
    // 28 February is before today (10 March): overdue, as a red tag.
    assert.ok(await page.locator('#overdue-tag').isVisible(), 'the overdue tag shows');
    assert.match(await page.locator('#overdue-tag').getAttribute('class'), /govuk-tag--red/);
    assert.match(await text(page, '#next-due-relative'), /Overdue by 10 days/);
    // The timeline: this supervision, the due date and today, in that order from left to right.
    const markerX = async (key) => Number(await page.locator(`#timeline [data-marker="${key}"]`).first().getAttribute(key === 'today' ? 'x1' : 'cx'));
    assert.equal(await page.locator('#timeline [data-marker="due"]').getAttribute('data-date'), '2025-02-28');
    assert.ok(await markerX('this') < await markerX('due'));
    assert.ok(await markerX('due') < await markerX('today'));
    assert.equal(await page.locator('#timeline [data-span="overdue"]').count(), 1, 'the overdue stretch is drawn');
    await shot(page, 'casework-supervision-cp.png');
    await shotPanel(page, 'casework-supervision-cadence-cp.png');

    // Child in need: every 3 months, 30 April 2025 (31 April does not exist), no longer overdue.
    await page.locator('label[for="caseStatus-2"]').click();
    await page.waitForFunction(() => document.getElementById('cadence').dataset.nextDue === '2025-04-30');
    assert.equal(await text(page, '#next-due'), '30 April 2025');
    assert.equal(await text(page, '#frequency-tag'), 'Every 3 months');
    assert.match(await text(page, '#frequency-reason'), /Child in need .*every 3 months/);
    assert.ok(await page.locator('#overdue-tag').isHidden(), 'not overdue');
    assert.match(await text(page, '#next-due-relative'), /In 51 days/);
    assert.equal(await page.locator('#timeline [data-span="overdue"]').count(), 0);
    await shotPanel(page, 'casework-supervision-cadence-cin.png');

    // A very active case with safeguarding issues is monthly again, and the page says why.
    await page.locator('label[for="activeSafeguarding"]').click(); // Yes
    await page.waitForFunction(() => document.getElementById('cadence').dataset.nextDue === '2025-02-28');
    assert.match(await text(page, '#frequency-reason'), /very active case with safeguarding issues/i);

    // The previous supervision and the day the child was seen join the timeline; the days since seen are counted.
    await typeDate(page, 'previousSupervisionDate', 20, 12, 2024);
    await typeDate(page, 'childLastSeenDate', 24, 1, 2025);
    await page.waitForFunction(() => /7 days/.test(document.getElementById('days-since-seen').textContent));
    assert.equal(await page.locator('#timeline [data-marker="previous"]').getAttribute('data-date'), '2024-12-20');
    assert.equal(await page.locator('#timeline [data-marker="seen"]').getAttribute('data-date'), '2025-01-24');
    // 20 December + 1 month = 20 January, before 31 January: the interval was exceeded (a warning, an orange span).
    await page.locator('[data-field="/previousSupervisionDate"] .app-warning-message').waitFor();
    assert.equal(await page.locator('#timeline [data-span="previous-late"]').count(), 1);
    await shotPanel(page, 'casework-supervision-cadence-active.png');
    assertClean(log);
    await page.close();
  });

  test('an action without an owner shows its error on save; the summary link focuses the owner', async () => {
    const { page, log } = await openPage(`${PAGE}?today=${TODAY}`);
    await typeDate(page, 'date', 31, 1, 2025);
    await page.locator('#actions-0-action').fill('Review the plan with the family');
    await typeDate(page, 'actions-0-dueDate', 14, 2, 2025);
    await page.waitForFunction(() => document.getElementById('cadence').dataset.actions === '1');
    assert.equal(await text(page, '#actions-count'), '1 action');
    // Not an error while drafting.
    assert.equal(await page.locator('[data-field="/actions/0/owner"] .govuk-error-message').count(), 0);

    await page.click('#submit-button');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor({ state: 'visible' });
    assert.ok((await page.title()).startsWith('Error: '));
    const owner = page.locator('[data-field="/actions/0/owner"]');
    const message = owner.locator('.govuk-error-message');
    assert.equal(await message.count(), 1);
    assert.match(await text(page, '[data-field="/actions/0/owner"] .govuk-error-message'), /^Error: Enter who will do the action$/);
    assert.match(await owner.getAttribute('class'), /govuk-form-group--error/);
    assert.match(await page.locator('#actions-0-owner').getAttribute('class'), /govuk-input--error/);
    assert.equal(await page.locator('[data-field="/actions/0/dueDate"] .govuk-error-message').count(), 0, 'the due date is fine');
    const link = summary.locator('a', { hasText: 'Enter who will do the action' });
    assert.equal(await link.getAttribute('href'), '#actions-0-owner');
    await shot(page, 'casework-supervision-action-owner.png');
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'actions-0-owner');

    // Typing the owner clears the message at once.
    await page.keyboard.type('Sam Patel');
    await page.waitForFunction(() => !document.querySelector('[data-field="/actions/0/owner"] .govuk-error-message'));
    assertClean(log);
    await page.close();
  });

  test('a not-done previous action without a comment says why it is needed, and is an error on save', async () => {
    const { page, log } = await openPage(`${PAGE}?today=${TODAY}`);
    await page.locator('#reviewOfPreviousActions-0-action').fill('Contact the school');
    await page.locator('label[for="reviewOfPreviousActions-0-status-3"]').click(); // Not done
    const comment = page.locator('[data-field="/reviewOfPreviousActions/0/comment"]');
    // The comment box has not been reached: it says nothing yet (an untouched field gets no message because another
    // was answered); saving says why it is needed (below).
    await page.waitForTimeout(200);
    assert.equal(await comment.locator('[data-code="CWS-009"]').count(), 0);

    // A second previous action, added and removed again.
    await page.click('[data-add="/reviewOfPreviousActions"]');
    assert.equal(await page.locator('[data-row^="/reviewOfPreviousActions/"]').count(), 2);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'reviewOfPreviousActions-1-action');
    await page.locator('#reviewOfPreviousActions-1-action').fill('Book the Family Circle');
    await page.locator('label[for="reviewOfPreviousActions-1-status"]').click(); // Done
    await page.click('[data-remove="/reviewOfPreviousActions"][data-index="1"]');
    assert.equal(await page.locator('[data-row^="/reviewOfPreviousActions/"]').count(), 1);
    assert.equal(await page.inputValue('#reviewOfPreviousActions-0-action'), 'Contact the school');

    await page.click('#submit-button');
    await page.locator('.govuk-error-summary').waitFor({ state: 'visible' });
    const error = comment.locator('.govuk-error-message');
    assert.equal(await error.count(), 1);
    assert.match(await text(page, '[data-field="/reviewOfPreviousActions/0/comment"] .govuk-error-message'), /^Error: Enter a comment on why the action was not done$/);
    assert.match(await page.locator('#reviewOfPreviousActions-0-comment').getAttribute('class'), /govuk-textarea--error/);
    assert.equal(
      await page.locator('.govuk-error-summary a', { hasText: 'Enter a comment on why the action was not done' }).getAttribute('href'),
      '#reviewOfPreviousActions-0-comment',
    );
    await shot(page, 'casework-supervision-not-done.png');

    await page.locator('#reviewOfPreviousActions-0-comment').fill('School closed for half term');
    await page.waitForFunction(() => !document.querySelector('[data-field="/reviewOfPreviousActions/0/comment"] .govuk-error-message'));
    assertClean(log);
    await page.close();
  });

  test('the example record is complete and valid: 100% and a success banner', async () => {
    const { page, log } = await openPage(`${PAGE}?today=${TODAY}`);
    await page.click('#example-button');
    await page.waitForFunction(() => document.getElementById('cadence').dataset.completeness === '100');
    assert.equal(await page.inputValue('#teamManager'), 'Alex Morgan');
    assert.ok(await page.locator('#caseStatus').isChecked(), 'child protection');
    assert.equal(await page.locator('[data-row^="/actions/"]').count(), 2);
    assert.equal(await text(page, '#actions-count'), '2 actions');
    assert.equal(await text(page, '#frequency-tag'), 'Every month');
    // Supervised 8 March 2025: due by 8 April; the planned next supervision (5 April) is within it.
    assert.equal(await text(page, '#next-due'), '8 April 2025');
    assert.match(await text(page, '#days-since-seen'), /^6 days before this supervision/);
    for (const key of ['previous', 'seen', 'this', 'planned', 'due']) {
      assert.equal(await page.locator(`#timeline [data-marker="${key}"]`).count(), 1, `${key} is on the timeline`);
    }
    await page.click('#submit-button');
    await page.locator('#success-banner').waitFor({ state: 'visible' });
    assert.equal(await text(page, '#success-banner-text'), 'The supervision record has no errors.');
    await shot(page, 'casework-supervision-example.png');
    await shotPanel(page, 'casework-supervision-cadence-example.png');
    assertClean(log);
    await page.close();
  });

  test('no serious or critical accessibility violations (axe-core, WCAG 2.2 A/AA)', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const check = async (page, what) => {
      await page.evaluate(axeSource);
      const result = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), tags);
      const found = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      assert.deepEqual(found, [], `${what}: ${found.join('; ')}`);
    };
    const { page } = await openPage(`${PAGE}?today=${TODAY}`);
    await check(page, 'empty');
    await page.click('#example-button');
    await page.waitForFunction(() => document.getElementById('cadence').dataset.completeness === '100');
    await check(page, 'example');
    await page.locator('#actions-0-owner').fill('');
    await page.click('[data-add="/actions"]');
    await page.click('#submit-button');
    await page.locator('.govuk-error-summary').waitFor({ state: 'visible' });
    await check(page, 'with errors');
    browser.foreignRequests.splice(0);
    await page.close();
  });

  test('a page whose module cannot load says "Checks unavailable", never that there are no problems', async () => {
    const page = await browser.context.newPage();
    await page.route(PACKAGE_ENTRY, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(new URL(`${PAGE}?today=${TODAY}`, browser.server.url).href);
    await page.waitForSelector('body[data-checks="unavailable"]', { timeout: 15000 });
    assert.match(await text(page, '#checks-status'), /Checks unavailable/);
    assert.match(await text(page, '#frequency-tag'), /Checks unavailable/);
    await page.click('#submit-button');
    assert.ok(await page.locator('#success-banner').isHidden(), 'no success message when nothing was checked');
    assert.doesNotMatch(await page.locator('main').innerText(), /no (problems|errors)/i);
    await shot(page, 'casework-supervision-unavailable.png');
    browser.foreignRequests.splice(0);
    await page.close();
  });

  test('one error per field in the summary, the most specific: a future "child last seen" date', async () => {
    const { page, log } = await openPage(`${PAGE}?today=${TODAY}`);
    await page.fill('#date-day', '1');
    await page.fill('#date-month', '2');
    await page.fill('#date-year', '2025');
    await page.fill('#childLastSeenDate-day', '1');
    await page.fill('#childLastSeenDate-month', '3');
    await page.fill('#childLastSeenDate-year', '2030');
    await page.click('#submit-button');
    await page.locator('.govuk-error-summary').waitFor({ state: 'visible' });
    const hrefs = await page.$$eval('#error-summary-list a', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(new Set(hrefs).size, hrefs.length, `one link per field: ${hrefs.join(' ')}`);
    const seen = await page.$$eval('#error-summary-list a[href^="#childLastSeenDate"]', (as) => as.map((a) => a.textContent));
    assert.equal(seen.length, 1, `one error for the date the child was last seen: ${seen.join(' | ')}`);
    assert.equal(await page.locator('[data-field="/childLastSeenDate"] .govuk-error-message').count(), 1, 'one error message by the field');
    assertClean(log);
    await page.close();
  });

  test('a message that names its due date does not repeat it ("(due …)")', async () => {
    const { page, log } = await openPage(`${PAGE}?today=${TODAY}`);
    await page.fill('#date-day', '31');
    await page.fill('#date-month', '1');
    await page.fill('#date-year', '2025');
    await page.check('#caseStatus'); // Child protection: monthly, next due 28 February 2025
    await page.fill('#nextSupervisionDate-day', '15');
    await page.fill('#nextSupervisionDate-month', '3');
    await page.fill('#nextSupervisionDate-year', '2025');
    await page.locator('#nextSupervisionDate-year').press('Tab');
    const message = page.locator('[data-field="/nextSupervisionDate"] .govuk-error-message, [data-field="/nextSupervisionDate"] .app-warning-message').first();
    await message.waitFor();
    const said = await message.textContent();
    assert.match(said, /on or before 28 February 2025/);
    assert.equal(said.split('28 February 2025').length - 1, 1, `the date once: ${said}`);
    assertClean(log);
    await page.close();
  });
});
