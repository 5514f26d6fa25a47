// Browser tests of the Family Programme and group supervision pages (www/family-programme.html,
// www/group-supervision.html) against the built package (pkg/), in headless Chromium.
//
//   npm run build && node --test tests/browser/family-programme.test.mjs
//
// Needs /usr/bin/chromium (apt-get install -y chromium). Without it these tests FAIL, unless SF_SKIP_BROWSER=1.
// Screenshots go to tests/browser/artifacts/ (git-ignored).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  browser, SKIP_OPTION, useBrowser, openPage as open, assertClean, shot as fullShot, shotOf, PACKAGE_ENTRY,
} from './harness.mjs';

const openPage = (pathname) => open(pathname);
const shot = (page, name, { fullPage = false } = {}) => fullShot(page, name, { fullPage });

// A Monday. The example programme starts seven weeks earlier, on Monday 26 January 2026, so modules 1 to 3 were due
// by Monday 9 March 2026 (six weeks).
const TODAY = '2026-03-16';
const FP = `/www/family-programme.html?today=${TODAY}`;
const GS = `/www/group-supervision.html?today=${TODAY}`;

async function typeDate(page, id, day, month, year) {
  await page.fill(`#${id}-day`, String(day));
  await page.fill(`#${id}-month`, String(month));
  await page.fill(`#${id}-year`, String(year));
}

const timelineStatus = (page, id) => page.getAttribute(`#glance-timeline [data-module="${id}"]`, 'data-status');

async function waitForStatus(page, id, status) {
  await page.waitForFunction(
    ([m, s]) => document.querySelector(`#glance-timeline [data-module="${m}"]`)?.dataset.status === s,
    [id, status],
    { timeout: 5000 },
  );
}

describe('Family Programme and group supervision pages in headless Chromium', SKIP_OPTION, () => {
  useBrowser();

  test('the Family Programme page loads every field, in the GOV.UK style, with no console errors', async () => {
    const { page, log } = await openPage(FP);
    assert.match(await page.$eval('h1', (h) => getComputedStyle(h).fontFamily), /GDS Transport/);
    for (const id of ['1', '2', '3', '4', '4a', '5', '6', '7', '8']) {
      assert.equal(await page.locator(`#module-${id}`).count(), 1, `module ${id} has its section`);
      assert.equal(await page.locator(`#modules-${id}-complete`).count(), 1, `module ${id} has its "complete" box`);
    }
    for (const id of ['child', 'planType', 'startedOn-day', 'caseWorkerSummary', 'keyInformation', 'supportAndAssessmentPlannerOn-day',
      'culturalGenogram', 'ecomap', 'familyNetworkMeetingOn-day', 'adultWorkersInvolved', 'signOff-requested', 'signOff-reason',
      'signOff-managementOversightOn-day', 'signOff-completedOn-day', 'milestones-secondRcpcOn-day', 'milestones-nineMonthCinReviewOn-day',
      'milestones-significantChangeOn-day', 'milestones-lastCompletedOn-day', 'otherProgrammeOpen', 'separateProgrammeReason']) {
      assert.equal(await page.locator(`#${id}`).count(), 1, `#${id} is on the page`);
    }
    // No start date yet: the timeline asks for it.
    assert.match(await page.textContent('#glance-timeline'), /Enter the date the introduction and intervention began/);
    await shot(page, 'family-programme-empty.png');
    assertClean(log);
    await page.close();
  });

  test('a programme started seven weeks ago shows modules 1 to 3 overdue; ticking them complete turns them met', async () => {
    const { page, log } = await openPage(FP);
    await page.click('#example-button');
    await page.waitForSelector('#success-banner:not([hidden])');
    assert.match(await page.textContent('#success-banner'), /26 January 2026, seven weeks ago/);
    assert.equal(await page.inputValue('#startedOn-day'), '26');

    // The timeline: one row per module, the first three overdue against today.
    await waitForStatus(page, '1', 'overdue');
    assert.equal(await page.locator('#glance-timeline svg [data-module]').count(), 9);
    for (const id of ['1', '2', '3']) assert.equal(await timelineStatus(page, id), 'overdue', `module ${id} is overdue`);
    assert.equal(await timelineStatus(page, '4'), 'met', 'the social worker recorded direct work in module 4 in time');
    assert.equal(await timelineStatus(page, '7'), 'due');
    assert.equal(await page.locator('#glance-timeline .app-fp-chart__today').count(), 1, 'a marker for today');
    assert.match(await page.getAttribute('#glance-timeline svg', 'aria-label'), /Module 1 overdue, due 9 March 2026/);
    assert.equal((await page.textContent('[data-module-tag="2"]')).trim(), 'Overdue');
    // The message by module 1's "complete" box says when it was due.
    const message = page.locator('[data-field="/modules/1/complete"] .govuk-error-message');
    assert.match(await message.textContent(), /Complete module 1: it was due within the first 6 weeks, by 9 March 2026/);
    assert.match(await page.textContent('#completeness-text'), /0 of 9 modules complete/);
    assert.match(await page.textContent('#assessment-due'), /before the second review child protection conference/);
    assert.equal(await page.getAttribute('#ready-sign-off', 'data-ready'), 'false');
    await shotOf(page, '#glance', 'family-programme-overdue-panel.png');
    await shot(page, 'family-programme-overdue.png');

    // Tick modules 1 to 3 complete, each with the date it was completed (before the six weeks were up).
    for (const [id, day] of [['1', 2], ['2', 4], ['3', 6]]) {
      await page.check(`#modules-${id}-complete`);
      assert.ok(await page.isVisible(`#modules-${id}-completedOn-day`), 'the completion date is revealed');
      await typeDate(page, `modules-${id}-completedOn`, day, 3, 2026);
    }
    for (const id of ['1', '2', '3']) await waitForStatus(page, id, 'met');
    assert.equal((await page.textContent('[data-module-tag="1"]')).trim(), 'Met');
    assert.equal(await page.locator('[data-field="/modules/1/complete"] .govuk-error-message').count(), 0, 'the overdue message is gone');
    assert.match(await page.textContent('#completeness-text'), /3 of 9 modules complete \(33%\)/);
    assert.equal(await page.locator('#completeness-bar .app-fp-bar__segment--filled').count(), 3);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shotOf(page, '#glance', 'family-programme-met-panel.png');

    // A completion date after the six weeks: met late.
    await typeDate(page, 'modules-3-completedOn', 12, 3, 2026);
    await waitForStatus(page, '3', 'met-late');
    assertClean(log);
    await page.close();
  });

  test('"Start the next workbook step" keeps modules 1 to 6 and 4a, empties modules 7 and 8 and clears the sign-off', async () => {
    const { page, log } = await openPage(FP);
    await page.click('#example-button');
    await waitForStatus(page, '1', 'overdue');
    // Write modules 7 and 8 and request sign-off, as for a completed assessment.
    for (const id of ['7', '8']) {
      await page.click(`[data-add="/modules/${id}/entries"]`);
      await typeDate(page, `modules-${id}-entries-0-date`, 13, 3, 2026);
      await page.fill(`#modules-${id}-entries-0-author-name`, 'Priya Shah');
      await page.selectOption(`#modules-${id}-entries-0-author-role`, 'social-worker');
      await page.fill(`#modules-${id}-entries-0-text`, id === '7' ? 'Change has started; the plan continues.' : 'Alex feels listened to.');
    }
    // Modules 7 and 8 without a sign-off request: a warning by each.
    await page.waitForSelector('[data-field="/modules/7/entries"] .app-warning-message');
    await page.check('#signOff-requested');
    await page.selectOption('#signOff-reason', 'second-rcpc');
    await page.waitForFunction(() => !document.querySelector('[data-field="/modules/7/entries"] .app-warning-message'));
    assert.equal(await page.locator('#glance-modules [data-module="7"] td').nth(1).textContent(), '1', 'module 7 has one entry');

    await page.click('#carry-forward-button');
    await page.waitForFunction(() => /Next workbook step started/.test(document.getElementById('success-banner-title').textContent));
    assert.ok(await page.isVisible('#success-banner'));
    assert.match(await page.textContent('#success-banner-text'), /Modules 1 to 6 and 4a are carried forward\. Modules 7 and 8 are empty and the sign-off is cleared/);
    for (const id of ['7', '8']) {
      assert.equal(await page.locator(`[data-row^="/modules/${id}/entries/"]`).count(), 0, `module ${id} has no entries`);
      assert.match(await page.textContent(`[data-field="/modules/${id}/entries"]`), /No entries yet/);
      assert.equal(await page.locator(`#glance-modules [data-module="${id}"] td`).nth(1).textContent(), '0');
    }
    for (const id of ['1', '2', '3', '4', '4a', '5', '6']) {
      assert.equal(await page.locator(`[data-row^="/modules/${id}/entries/"]`).count(), 1, `module ${id} keeps its entry`);
    }
    assert.match(await page.inputValue('#modules-1-entries-0-text'), /First joint handover visit/);
    assert.equal(await page.isChecked('#signOff-requested'), false, 'the sign-off is cleared');
    assert.equal(await page.inputValue('#signOff-reason'), '');
    assert.equal(await page.inputValue('#child'), 'Jordan Taylor');
    // The carried-forward programme is still checked live.
    await waitForStatus(page, '1', 'overdue');
    await shot(page, 'family-programme-next-step.png');
    assertClean(log);
    await page.close();
  });

  test('an impossible entry date shows its message as it is typed', async () => {
    const { page, log } = await openPage(FP);
    await page.click('[data-add="/modules/1/entries"]');
    await typeDate(page, 'modules-1-entries-0-date', 30, 2, 2026);
    const group = page.locator('[data-field="/modules/1/entries/0/date"]');
    const message = group.locator('.govuk-error-message');
    await message.first().waitFor({ timeout: 5000 });
    assert.match(await message.first().textContent(), /Date of the entry must be a real date/);
    assert.match(await message.first().locator('.govuk-visually-hidden').textContent(), /^Error:/);
    assert.match(await group.getAttribute('class'), /govuk-form-group--error/);
    assert.ok(await page.locator('#modules-1-entries-0-date-day.govuk-input--error').count() === 1, 'the day is marked');
    await group.scrollIntoViewIfNeeded();
    await shot(page, 'family-programme-date-error.png');
    // Rows can be removed.
    await page.click('[data-remove="/modules/1/entries"][data-index="0"]');
    assert.equal(await page.locator('[data-row^="/modules/1/entries/"]').count(), 0);
    await page.waitForFunction(() => !document.querySelector('.govuk-error-message'));
    assertClean(log);
    await page.close();
  });

  test('checking an empty programme lists the missing answers in the error summary', async () => {
    const { page, log } = await openPage(FP);
    await page.click('#submit-button');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor({ state: 'visible' });
    assert.ok((await page.title()).startsWith('Error: '));
    const links = summary.locator('a');
    assert.ok(await links.count() >= 3, 'the child, the plan and the start date');
    const href = await links.first().getAttribute('href');
    await links.first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), href.slice(1));
    assertClean(log);
    await page.close();
  });

  test('group supervision: a chair other than the team manager shows the error', async () => {
    const { page, log } = await openPage(GS);
    for (const id of ['date-day', 'family', 'chair-name', 'chair-role', 'minuteTaker-role', 'attendees-0-name', 'attendees-0-role',
      'attendees-0-present', 'attendees-0-summarySubmittedOn-day', 'rag', 'ragReason', 'childViews', 'parentViews', 'impact', 'hypotheses',
      'finalisedBy-role', 'finalisedBy-date-day', 'previousSupervisionDate-day']) {
      assert.equal(await page.locator(`#${id}`).count(), 1, `#${id} is on the page`);
    }
    await page.fill('#chair-name', 'Priya Shah');
    await page.selectOption('#chair-role', 'social-worker');
    const group = page.locator('[data-field="/chair/role"]');
    await group.locator('.govuk-error-message').waitFor({ timeout: 5000 });
    assert.match(await group.locator('.govuk-error-message').textContent(), /Error: The team manager must chair Family Safeguarding case supervision/);
    assert.equal(await page.locator('#chair-role.govuk-select--error').count(), 1);
    await group.scrollIntoViewIfNeeded();
    await shot(page, 'group-supervision-chair-error.png');
    await page.selectOption('#chair-role', 'team-manager');
    await page.waitForFunction(() => !document.querySelector('[data-field="/chair/role"] .govuk-error-message'));
    assertClean(log);
    await page.close();
  });

  test('group supervision: the outcome panel shows the RAG, the kind of supervision, summaries in advance and the next date', async () => {
    const { page, log } = await openPage(GS);
    assert.equal((await page.textContent('#rag-tag')).trim(), 'Not rated');
    await page.click('#example-button');
    await page.waitForFunction(() => document.getElementById('rag-tag').dataset.rag === 'amber');
    assert.equal((await page.textContent('#rag-tag')).trim(), 'Amber');
    assert.equal(await page.getAttribute('#type-tag', 'data-type'), 'family-safeguarding');
    assert.match(await page.textContent('#type-tag'), /Family Safeguarding case supervision/);
    assert.match(await page.textContent('#summaries-text'), /3 of 3/);
    assert.match(await page.textContent('#next-due'), /14 April 2026/);
    assert.match(await page.textContent('#absent'), /their summaries were provided in advance/);
    assert.equal(await page.locator('#attendees-fieldset [data-row]').count(), 4);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'group-supervision.png');

    // Rate it red: the tag follows.
    await page.check('#rag'); // "Red", the first choice
    await page.waitForFunction(() => document.getElementById('rag-tag').dataset.rag === 'red');
    assert.match(await page.getAttribute('#rag-tag', 'class'), /app-gs-rag__tag--red/);

    // A worker who was not present and whose summary is not in: an error, and the picture shows it missing.
    await page.click('[data-add="/attendees"]');
    await page.fill('#attendees-4-name', 'Morgan Lee');
    await page.selectOption('#attendees-4-role', 'mental-health-practitioner');
    await page.check('#attendees-4-present-2'); // "No"
    await page.waitForFunction(() => /3 of 4/.test(document.getElementById('summaries-text').textContent));
    assert.match(await page.textContent('[data-field="/attendees/4/summarySubmittedOn"]'), /must provide their finalised workbook summary in advance/);
    assert.equal(await page.locator('#summaries-picture [data-status="missing"]').count(), 1);
    assert.match(await page.textContent('#summaries-missing'), /Morgan Lee/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shotOf(page, '#glance', 'group-supervision-missing-panel.png');

    // Down to the social worker alone: traditional supervision.
    for (let i = 0; i < 3; i += 1) await page.click('[data-remove="/attendees"][data-index="2"]');
    await page.waitForFunction(() => document.getElementById('type-tag').dataset.type === 'traditional');
    assert.match(await page.textContent('#type-tag'), /Traditional case supervision/);
    assert.equal(await page.locator('#attendees-fieldset [data-row]').count(), 2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'group-supervision-traditional.png');
    assertClean(log);
    await page.close();
  });

  test('no serious or critical accessibility violations on either page (axe-core)', async () => {
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
    const fp = await openPage(FP);
    await check(fp.page, 'Family Programme, empty');
    await fp.page.click('#example-button');
    await waitForStatus(fp.page, '1', 'overdue');
    await fp.page.click('[data-add="/modules/4a/entries"]');
    await typeDate(fp.page, 'modules-4a-entries-1-date', 30, 2, 2026);
    await fp.page.click('#submit-button');
    await check(fp.page, 'Family Programme, example with errors');
    assertClean(fp.log);
    await fp.page.close();

    const gs = await openPage(GS);
    await check(gs.page, 'group supervision, empty');
    await gs.page.click('#example-button');
    await gs.page.selectOption('#chair-role', 'social-worker');
    await gs.page.click('#submit-button');
    await check(gs.page, 'group supervision, example with errors');
    assertClean(gs.log);
    await gs.page.close();
  });

  test('a Family Programme page whose module cannot load says "Checks unavailable" and starts no next step', async () => {
    const page = await browser.context.newPage();
    await page.route(PACKAGE_ENTRY, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(new URL(FP, browser.server.url).href);
    await page.waitForSelector('body[data-checks="unavailable"]', { timeout: 15000 });
    assert.match(await page.textContent('#checks-status'), /Checks unavailable/);
    assert.match(await page.textContent('#glance-timeline'), /Checks unavailable/);
    await page.click('#carry-forward-button');
    assert.ok(await page.locator('#success-banner').isHidden(), 'no confirmation when nothing was carried forward');
    await page.click('#submit-button');
    assert.ok(await page.locator('#success-banner').isHidden());
    assert.doesNotMatch(await page.locator('main').innerText(), /no (problems|errors)/i);
    browser.foreignRequests.splice(0);
    await page.close();
  });
});
