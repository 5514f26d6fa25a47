// Browser tests of the case file audit page (www/case-audit.html) against the built package (pkg/), in headless
// Chromium: grading by clicking moves the section scores and the chart, the limiting judgement shows in the
// derivation, an N/A-only section has no grade, the print stylesheet prints the record without the form.
//
//   npm run build && node --test tests/browser/case-audit.test.mjs
//
// Needs /usr/bin/chromium. Without it these tests FAIL, unless SF_SKIP_BROWSER=1.
// Screenshots go to tests/browser/artifacts/ (git-ignored).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  browser, SKIP_OPTION, useBrowser, openPage as open, assertClean, shot, PACKAGE_ENTRY,
} from './harness.mjs';

// Opened without waiting: the caller waits for the state it expects (ready, or unavailable).
const openPage = (pathname, { expectNetworkFailure = false } = {}) => open(pathname, { ready: null, expectNetworkFailure });

const TODAY = '2025-06-02';
const PAGE = `/www/case-audit.html?today=${TODAY}`;

async function openReady() {
  const opened = await openPage(PAGE);
  // Generous: the machine running the tests may be busy compiling.
  await opened.page.waitForSelector('body[data-checks="ready"]', { timeout: 45000 });
  return opened;
}

/** Choose a grade of a question by its visible label, as a person would ("1 Exceeds good", "5 N/A"). */
async function grade(page, questionId, label) {
  await page.locator(`[data-field="/answers/${questionId}"]`).getByLabel(label, { exact: true }).check();
}

/** Mark every question not yet answered N/A, as an auditor finishing the tool would. */
async function notApplicableRest(page) {
  await page.$$eval('.app-question', (qs) => {
    for (const q of qs) if (!q.querySelector('input:checked')) q.querySelector('input[value="5"]').click();
  });
}

/** The scores panel's row of a section: { answered, na, mean, grade, state }. */
async function scoreRow(page, section) {
  return page.$eval(`#panel-scores-table tr[data-section="${section}"]`, (tr) => ({
    answered: tr.querySelector('[data-col="answered"]').textContent.trim(),
    na: tr.querySelector('[data-col="na"]').textContent.trim(),
    mean: tr.querySelector('[data-col="mean"]').textContent.trim(),
    grade: tr.querySelector('[data-col="grade"]').textContent.trim(),
    state: tr.dataset.state,
  }));
}

/** The chart's row of a section: { state, mean, grade, width (of its bar, or null), value (its text) }. */
async function chartRow(page, section) {
  return page.$eval(`#scores-chart svg g[data-section="${section}"]`, (g) => ({
    state: g.dataset.state,
    mean: g.dataset.mean,
    grade: g.dataset.grade,
    width: g.querySelector('.app-chart-bar') ? Number(g.querySelector('.app-chart-bar').getAttribute('width')) : null,
    value: g.querySelector('.app-chart-value').textContent,
  }));
}

describe('case file audit page in headless Chromium', SKIP_OPTION, () => {
  useBrowser();

  test('the page loads every field and the 39 questions with the seed’s wording from the schema', async () => {
    const { page, log } = await openReady();
    const font = await page.$eval('h1.govuk-heading-l', (h) => getComputedStyle(h).fontFamily);
    assert.match(font, /GDS Transport/);
    assert.equal(await page.locator('.app-question').count(), 39, '39 graded questions');
    assert.equal(await page.locator('.app-question input[type="radio"]').count(), 39 * 5, 'five grades each');
    assert.equal(await page.locator('.app-audit-section').count(), 6, 'six sections');
    // The wording is the seed's (schema descriptions), without the schema's "Required when ..." note.
    const timely = await page.locator('[data-field="/answers/basic.allocation-timely"] legend').textContent();
    assert.match(timely, /The allocation is timely \(2 weeks outstanding \/ 12 weeks inadequate\)\./);
    assert.doesNotMatch(timely, /Required when/);
    assert.match(await page.locator('[data-field="/answers/diversity.needs-considered"] legend').textContent(), /There is evidence that gend\[er\]/);
    // Each grade's label is the tool's scale.
    const labels = await page.locator('[data-field="/answers/basic.demographics"] .govuk-radios__label').allTextContents();
    assert.deepEqual(labels, ['1 Exceeds good', '2 Good', '3 Requires improvement', '4 Inadequate', '5 N/A']);
    // Header, records, yes/no questions, summary, lists and evidence are all there.
    for (const pointer of ['/auditType', '/theme', '/practitionerPresent', '/locality', '/auditDate', '/caseWorker', '/llcsNumber',
      '/dateAllocated', '/previousCaseWorker', '/previousAllocated', '/previousClosed', '/lineManager', '/auditors', '/caseStatus',
      '/child/name', '/child/familyNames', '/child/dateOfBirth', '/mostRecentAssessment/type', '/mostRecentAssessment/date',
      '/mostRecentSupportPlan/type', '/mostRecentSupportPlan/date', '/mostRecentSupervision', '/childSafe/answer', '/childSafe/comments',
      '/lifeImproved/answer', '/lifeImproved/comments', '/directObservation/answer', '/directObservation/comments', '/overallGrade',
      '/generalComments', '/remedialActions', '/remedialActions/0/action', '/remedialActions/0/dueDate', '/remedialActions/0/lineManagerComment',
      '/remedialActions/0/completedOn', '/remedialActions/0/lineManagerInitials', '/lessonsLearnt', '/evidence/referralDate',
      '/evidence/allocationDate', '/evidence/firstContactDate', '/evidence/assessmentAtReferral', '/evidence/assessmentCompletedDate',
      '/evidence/assessmentKind', '/evidence/familyCircleDates/0', '/evidence/referredByFamilyConnect']) {
      assert.equal(await page.locator(`[data-field="${pointer}"]`).count(), 1, `a field for ${pointer}`);
    }
    // Before any grade: the chart has a row per section (and one for all answers), none graded.
    assert.equal(await page.locator('#scores-chart svg g[data-section]').count(), 7);
    assert.equal(await page.locator('#scores-chart svg g[data-state="graded"]').count(), 0);
    assert.equal(await page.getAttribute('#suggested-grade', 'data-grade'), '');
    await shot(page, 'case-audit.png');
    assertClean(log);
    await page.close();
  });

  test('grading by clicking moves the section mean, its grade and its bar in the chart', async () => {
    const { page, log } = await openReady();
    await grade(page, 'basic.demographics', '1 Exceeds good');
    await page.waitForFunction(() => document.querySelector('#panel-scores-table tr[data-section="basic"]')?.dataset.state === 'graded');
    let row = await scoreRow(page, 'basic');
    assert.deepEqual(row, { answered: '1/7', na: '0', mean: '1.00', grade: '1 Exceeds good', state: 'graded' });
    const first = await chartRow(page, 'basic');

    await grade(page, 'basic.referral-route', '2 Good');
    await page.waitForFunction(() => document.querySelector('#panel-scores-table tr[data-section="basic"] [data-col="mean"]')?.textContent === '1.50');
    row = await scoreRow(page, 'basic');
    assert.deepEqual(row, { answered: '2/7', na: '0', mean: '1.50', grade: '1 Exceeds good', state: 'graded' });
    const second = await chartRow(page, 'basic');
    assert.equal(second.mean, '1.50');
    assert.equal(second.grade, '1', 'a mean of 1.50 is grade 1 (the band edge is "at most 1.5")');
    assert.equal(second.value, '1.50 · grade 1');
    assert.ok(second.width > first.width, `the bar grows from ${first.width} to ${second.width}`);
    assert.match(await page.textContent('#section-score-basic'), /2 of 7 answered, 0 N\/A\. Mean 1\.50: grade 1 \(Exceeds good\)\./);
    // 37 questions unanswered: no headline grade.
    assert.equal(await page.getAttribute('#suggested-grade', 'data-grade'), '');
    assert.match(await page.textContent('#scores-incomplete'), /Incomplete: 37 of 39 questions are still to be graded or marked N\/A/);

    // A third answer, 4: mean 7/3 = 2.33, grade 2; the bar grows again and turns to grade 2.
    await grade(page, 'basic.allocation-date-clear', '4 Inadequate');
    await page.waitForFunction(() => document.querySelector('#panel-scores-table tr[data-section="basic"] [data-col="mean"]')?.textContent === '2.33');
    row = await scoreRow(page, 'basic');
    assert.deepEqual(row, { answered: '3/7', na: '0', mean: '2.33', grade: '2 Good', state: 'graded' });
    const third = await chartRow(page, 'basic');
    assert.equal(third.grade, '2');
    assert.ok(third.width > second.width, 'the bar grows again');
    assert.equal(await page.locator('#scores-chart svg g[data-section="basic"] .app-chart-bar.app-grade-fill--2').count(), 1, 'the bar has grade 2’s colour');
    // An N/A answer is counted as answered but left out of the mean.
    await grade(page, 'basic.referrer-notified', '5 N/A');
    await page.waitForFunction(() => document.querySelector('#panel-scores-table tr[data-section="basic"] [data-col="na"]')?.textContent === '1');
    row = await scoreRow(page, 'basic');
    assert.deepEqual(row, { answered: '4/7', na: '1', mean: '2.33', grade: '2 Good', state: 'graded' });
    // The derivation says so in words.
    const derivation = await page.textContent('#derivation-body');
    assert.match(derivation, /Basic required information: grades 1, 2, 4 \(3 graded, 1 N\/A\), mean 2\.33, above 1\.5 and at most 2\.5: grade 2 \(Good\)\./);
    assert.match(derivation, /Overall: 3 graded answers, mean 2\.33, above 1\.5 and at most 2\.5: grade 2 \(Good\)\./);
    assert.match(derivation, /Incomplete: 35 of 39 questions are still to be graded or marked N\/A, so there is no suggested overall grade yet\./);
    // Screen reader users hear the section's new score.
    assert.match(await page.textContent('#scores-live'), /Basic required information: 4 of 7 answered/);
    await page.locator('#scores').scrollIntoViewIfNeeded();
    await shot(page, 'case-audit-scores.png', { fullPage: false });
    assertClean(log);
    await page.close();
  });

  test('a section answered only N/A has no grade: no bar, "No grade" in the table and the derivation', async () => {
    const { page, log } = await openReady();
    await grade(page, 'diversity.needs-considered', '5 N/A');
    await grade(page, 'oversight.supervision', '5 N/A');
    await grade(page, 'oversight.decisions', '5 N/A');
    await grade(page, 'plans.up-to-date', '3 Requires improvement');
    await page.waitForFunction(() => document.querySelector('#panel-scores-table tr[data-section="plans"]')?.dataset.state === 'graded');
    for (const section of ['diversity', 'oversight']) {
      const row = await scoreRow(page, section);
      assert.equal(row.state, 'not-applicable', `${section} is N/A only`);
      assert.equal(row.grade, 'No grade');
      assert.equal(row.mean, '–');
      const bar = await chartRow(page, section);
      assert.equal(bar.state, 'not-applicable');
      assert.equal(bar.width, null, `${section} has no bar`);
      assert.equal(bar.value, 'No grade (N/A)');
    }
    assert.equal((await scoreRow(page, 'oversight')).answered, '2/2');
    assert.match(await page.textContent('#section-score-diversity'), /No grade: every answer given is N\/A\./);
    const derivation = await page.textContent('#derivation-body');
    assert.match(derivation, /Diversity: every answer given is N\/A \(1\), so the section has no grade\./);
    assert.match(derivation, /Management oversight: every answer given is N\/A \(2\), so the section has no grade\./);
    // The N/A answers are left out of the overall grade too: only the 3 counts.
    assert.match(derivation, /Overall: 1 graded answers, mean 3\.00/);
    assert.equal(await page.getAttribute('#suggested-grade', 'data-grade'), '', 'incomplete: no suggested grade');
    await notApplicableRest(page);
    await page.waitForFunction(() => document.getElementById('suggested-grade')?.dataset.grade === '3');
    const desc = await page.textContent('#panel-chart-desc');
    assert.match(desc, /Diversity: no grade, every answer is N\/A\./);
    assertClean(log);
    await page.close();
  });

  test('answering "child safe" No shows the limiting judgement: suggested overall 4 in the derivation', async () => {
    const { page, log } = await openReady();
    for (const q of ['basic.demographics', 'basic.referral-route', 'assessment.risks']) await grade(page, q, '2 Good');
    await notApplicableRest(page);
    await page.waitForFunction(() => document.getElementById('suggested-grade')?.dataset.grade === '2');
    await page.locator('[data-field="/childSafe/answer"]').getByLabel('No', { exact: true }).check();
    await page.waitForFunction(() => document.getElementById('suggested-grade')?.dataset.grade === '4');
    const derivation = await page.textContent('#derivation-body');
    assert.match(derivation, /Overall: 3 graded answers, mean 2\.00, above 1\.5 and at most 2\.5: grade 2 \(Good\)\./);
    assert.match(derivation, /Limiting judgement: the auditors are not satisfied the child is safe, so the suggested grade is 4 \(Inadequate\)\./);
    assert.match(derivation, /Suggested overall grade: 4 \(Inadequate\)\./);
    assert.equal(await page.locator('#derivation-body .app-limiting').count(), 1, 'the limiting judgement is called out');
    assert.match(await page.textContent('#scores-suggested'), /4\s*Inadequate/);
    assert.match(await page.textContent('#scores-suggested'), /Limited by: child not safe/);
    // The seed asks for reasons when the answer is No: said by the comments box, once it is reached (here, on
    // checking the audit), not as soon as "No" is chosen above it.
    const comments = page.locator('[data-field="/childSafe/comments"]');
    assert.equal(await comments.locator('[data-code="AUD-004"]').count(), 0, 'the untouched comments box has no message yet');
    await page.click('#submit-button');
    await comments.locator('[data-code="AUD-004"]').waitFor();
    assert.match(await comments.textContent(), /Enter the reasons the auditors are not satisfied the child is safe/);

    // The auditors' own score, 1, is more than one grade from 4: the derivation and the score say so.
    await page.locator('[data-field="/overallGrade"]').getByLabel('1 Exceeds good', { exact: true }).check();
    await page.waitForFunction(() => document.querySelector('.app-agreement')?.dataset.agreement === 'differs');
    assert.match(await page.textContent('#derivation-body .app-agreement'), /more than one grade from the suggested grade, 4 \(Inadequate\)/);
    await page.locator('[data-field="/overallGrade"] [data-code="AUD-005"]').waitFor();
    // Curly apostrophes, as GOV.UK writes them, whatever the rule's author typed.
    const aud005 = await page.textContent('[data-field="/overallGrade"] [data-code="AUD-005"]');
    assert.match(aud005, /auditors’ overall score/);
    assert.doesNotMatch(aud005, /'/);
    await page.locator('#derivation').scrollIntoViewIfNeeded();
    await shot(page, 'case-audit-limiting.png', { fullPage: false });

    // Reasons given: the message goes; "Yes" lifts the limiting judgement.
    await page.fill('#childSafe-comments', 'No safety plan in place');
    await page.waitForFunction(() => !document.querySelector('[data-field="/childSafe/comments"] [data-code="AUD-004"]'));
    await page.locator('[data-field="/childSafe/answer"]').getByLabel('Yes', { exact: true }).check();
    await page.waitForFunction(() => document.getElementById('suggested-grade')?.dataset.grade === '2');
    assert.doesNotMatch(await page.textContent('#derivation-body'), /Limiting judgement/);
    assertClean(log);
    await page.close();
  });

  test('lists gain and lose rows; evidence dates contradict a grade; remedial action dates are checked', async () => {
    const { page, log } = await openReady();
    await page.fill('#auditDate-day', '31');
    await page.fill('#auditDate-month', '1');
    await page.fill('#auditDate-year', '2025');
    await page.waitForFunction(() => /30 April 2025/.test(document.getElementById('fact-follow-up')?.textContent ?? ''));

    // Auditors: a second row, then remove the first.
    await page.fill('#auditors-0', 'An Auditor');
    await page.click('[data-add="/auditors"]');
    await page.fill('#auditors-1', 'A Second Auditor');
    assert.equal(await page.locator('[data-row^="/auditors/"]').count(), 2);
    await page.locator('[data-remove="/auditors"][data-index="0"]').click();
    assert.equal(await page.locator('[data-row^="/auditors/"]').count(), 1);
    assert.equal(await page.inputValue('#auditors-0'), 'A Second Auditor');

    // A remedial action due on the audit date is an error by its date.
    await page.fill('#remedialActions-0-action', 'Update the support plan');
    await page.fill('#remedialActions-0-dueDate-day', '31');
    await page.fill('#remedialActions-0-dueDate-month', '1');
    await page.fill('#remedialActions-0-dueDate-year', '2025');
    const due = page.locator('[data-field="/remedialActions/0/dueDate"] .govuk-error-message');
    await due.first().waitFor();
    assert.match(await due.first().textContent(), /^Error:/);
    await page.fill('#remedialActions-0-dueDate-month', '3');
    await page.waitForFunction(() => !document.querySelector('[data-field="/remedialActions/0/dueDate"] .govuk-error-message'));
    await page.click('[data-add="/remedialActions"]');
    assert.equal(await page.locator('[data-row^="/remedialActions/"]').count(), 2);
    await page.locator('[data-remove="/remedialActions"][data-index="1"]').click();
    assert.equal(await page.locator('[data-row^="/remedialActions/"]').count(), 1);

    // Evidence: allocated 13 weeks after the referral while timely allocation is graded 1.
    await grade(page, 'basic.allocation-timely', '1 Exceeds good');
    for (const [id, [d, m, y]] of [['evidence-referralDate', ['1', '6', '2024']], ['evidence-allocationDate', ['2', '9', '2024']]]) {
      await page.fill(`#${id}-day`, d);
      await page.fill(`#${id}-month`, m);
      await page.fill(`#${id}-year`, y);
    }
    const question = page.locator('[data-field="/answers/basic.allocation-timely"]');
    await question.locator('[data-code="AUD-006"]').waitFor();
    assert.match(await question.locator('.app-suggestion').textContent(), /The case record’s dates suggest 4 \(Inadequate\)\./);
    assert.match(await page.textContent('#derivation-body .app-evidence-list'), /graded 1 \(Exceeds good\); the dates suggest 4 \(Inadequate\)/);

    // Family Circle dates: a list of dates.
    await page.fill('#evidence-familyCircleDates-0-day', '7');
    await page.fill('#evidence-familyCircleDates-0-month', '10');
    await page.fill('#evidence-familyCircleDates-0-year', '2024');
    await page.click('[data-add="/evidence/familyCircleDates"]');
    assert.equal(await page.locator('[data-row^="/evidence/familyCircleDates/"]').count(), 2);
    await page.fill('#evidence-familyCircleDates-1-day', '2');
    await page.fill('#evidence-familyCircleDates-1-month', '12');
    await page.fill('#evidence-familyCircleDates-1-year', '2024');
    await page.waitForFunction(() => document.querySelectorAll('#print-record').length === 1
      && /7 October 2024, 2 December 2024/.test(document.getElementById('print-record').textContent));
    assertClean(log);
    await page.close();
  });

  test('submitting shows the error summary, whose links focus the questions', async () => {
    const { page, log } = await openReady();
    await page.click('#submit-button');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor({ state: 'visible', timeout: 5000 });
    assert.ok((await page.title()).startsWith('Error: '));
    assert.equal((await summary.locator('.govuk-error-summary__title').textContent()).trim(), 'There is a problem');
    // Nothing graded: one message for the whole tool, linking to the first question.
    const whole = summary.getByText('Grade the questions of the audit tool', { exact: true });
    assert.equal(await whole.count(), 1);
    await whole.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'answers-basic-demographics');
    assert.equal(
      await page.locator('.govuk-error-message').count(),
      await page.locator('.govuk-error-message > .govuk-visually-hidden').count(),
    );

    // Once one question is graded, every other question is listed by name.
    await grade(page, 'basic.demographics', '2 Good');
    await page.click('#submit-button');
    await summary.getByText('Select a grade for timely allocation', { exact: true }).waitFor();
    const links = summary.locator('.govuk-error-summary__list a');
    assert.ok(await links.count() >= 38 + 6, `the 38 ungraded questions and the header are listed (${await links.count()})`);
    assert.equal(await page.locator('.app-question.govuk-form-group--error').count(), 38, 'each ungraded question is marked');
    await shot(page, 'case-audit-submit-errors.png', { fullPage: false });
    const link = summary.getByText('Select a grade for timely allocation', { exact: true });
    const href = await link.getAttribute('href');
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), href.slice(1));
    assert.equal(href, '#answers-basic-allocation-timely');
    assert.equal(await page.evaluate(() => document.activeElement?.type), 'radio');
    assertClean(log);
    await page.close();
  });

  test('an incomplete audit says so plainly, on screen and in print, and gives no suggested grade', async () => {
    const { page, log } = await openReady();
    await grade(page, 'basic.demographics', '4 Inadequate');
    await page.locator('[data-field="/childSafe/answer"]').getByLabel('No', { exact: true }).check();
    await page.waitForFunction(() => /38 of 39/.test(document.getElementById('scores-incomplete')?.textContent ?? ''));
    assert.equal(await page.getAttribute('#suggested-grade', 'data-grade'), '');
    assert.doesNotMatch(await page.textContent('#scores-suggested'), /Inadequate/, 'no headline grade from 1 answer of 39');
    await page.emulateMedia({ media: 'print' });
    const record = page.locator('#print-record');
    assert.equal(await record.locator('#print-incomplete').isVisible(), true, 'the print says the audit is incomplete');
    const text = await record.innerText();
    assert.match(text, /Incomplete: 38 of 39 questions are still to be graded or marked N\/A/);
    assert.match(text, /Suggested overall grade\s+None: the audit is incomplete/);
    assert.doesNotMatch(text, /Suggested overall grade\s+4/);
    await page.emulateMedia({ media: 'screen' });
    assertClean(log);
    await page.close();
  });

  test('at 1280 × 720 the error summary is on screen and focused after submitting a partly graded audit', async () => {
    const { page, log } = await open(PAGE, { viewport: { width: 1280, height: 720 } });
    for (const q of ['basic.demographics', 'basic.referral-route', 'plans.up-to-date']) await grade(page, q, '2 Good');
    await page.locator('#submit-button').scrollIntoViewIfNeeded();
    await page.click('#submit-button');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor({ state: 'visible', timeout: 5000 });
    const box = await summary.locator('.govuk-error-summary__title').boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 720, `the heading is on screen (${JSON.stringify(box)})`);
    const first = await summary.locator('.govuk-error-summary__list a').first().boundingBox();
    assert.ok(first && first.y >= 0 && first.y + first.height <= 720, `the first error is on screen (${JSON.stringify(first)})`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
    await shot(page, 'case-audit-summary-1280x720.png', { fullPage: false });
    assertClean(log);
    await page.close();
  });

  test('the print stylesheet prints the audit record without the form chrome (A4)', async () => {
    const { page, log } = await openReady();
    await page.click('#example-button');
    await page.waitForFunction(() => document.getElementById('suggested-grade')?.dataset.grade === '2');
    // The worked example: section means 1.67, 2.50, 3.33, 1.71, 4.00 and an N/A-only diversity section.
    assert.deepEqual(
      await page.$$eval('#panel-scores-table tbody tr', (rows) => rows.map((r) => r.querySelector('[data-col="mean"]').textContent)),
      ['1.67', '2.50', '3.33', '1.71', '4.00', '–'],
    );
    assert.equal((await chartRow(page, 'diversity')).state, 'not-applicable');
    await shot(page, 'case-audit-example.png');

    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#audit-form').isVisible(), false, 'the form is not printed');
    assert.equal(await page.locator('.govuk-template__header').isVisible(), false, 'the header is not printed');
    assert.equal(await page.locator('.govuk-footer').isVisible(), false);
    assert.equal(await page.locator('.govuk-back-link').isVisible(), false);
    assert.equal(await page.locator('#scores').isVisible(), false, 'the screen’s sticky panel is not printed');
    assert.equal(await page.locator('input:visible, select:visible, textarea:visible, button:visible').count(), 0, 'no form control is printed');
    const record = page.locator('#print-record');
    assert.equal(await record.isVisible(), true);
    assert.equal(await record.locator('svg[role="img"]').isVisible(), true, 'the chart is printed');
    assert.equal(await record.locator('svg g[data-section]').count(), 7);
    const text = await record.innerText();
    assert.match(text, /Suggested overall grade\s+2 \(Good\)/);
    assert.match(text, /Auditors’ overall score\s+3 \(Requires improvement\)/);
    assert.match(text, /Follow-up check of the actions\s+30 April 2025/);
    assert.match(text, /Diversity: every answer given is N\/A \(1\), so the section has no grade\./);
    assert.match(text, /within one grade of the suggested grade, 2 \(Good\)/);
    assert.match(text, /4\. The allocation is timely \(2 weeks outstanding \/ 12 weeks inadequate\)\.\s+1 Exceeds good/);
    assert.equal(await record.locator('.app-record-table--grades tbody tr').count(), 39, 'every question and its grade');
    assert.match(text, /Update the support plan\s+31 March 2025\s+Plan updated with the family\s+20 March 2025\s+AM/);
    assert.match(text, /Family Circles\s+7 October 2024, 2 December 2024, 27 January 2025/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'case-audit-print.png');
    await shot(page, 'case-audit-print-page1.png', { fullPage: true, clip: { x: 0, y: 0, width: 794, height: 1123 } });
    assertClean(log);
    await page.close();
  });

  test('no serious or critical accessibility violations found by axe-core', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    const check = async (page, what) => {
      await page.evaluate(axeSource);
      const result = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), tags);
      const found = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      assert.deepEqual(found, [], `${what}: ${found.join('; ')}`);
      return result.violations.map((v) => `${v.id} (${v.impact})`);
    };
    const { page } = await openReady();
    await check(page, 'case audit, empty');
    await page.click('#example-button');
    await page.waitForFunction(() => document.getElementById('suggested-grade')?.dataset.grade === '2');
    await check(page, 'case audit, example');
    await page.locator('[data-field="/childSafe/answer"]').getByLabel('No', { exact: true }).check();
    await page.fill('#auditDate-day', '31');
    await page.fill('#auditDate-month', '2');
    await page.click('#submit-button');
    await check(page, 'case audit, with errors');
    browser.foreignRequests.splice(0);
    await page.close();
  });

  test('a page whose module cannot load says "Checks unavailable" and shows no score it has not worked out', async () => {
    const page = await browser.context.newPage();
    await page.route(PACKAGE_ENTRY, (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(new URL(PAGE, browser.server.url).href);
    await page.waitForSelector('body[data-checks="unavailable"]', { timeout: 45000 });
    assert.match(await page.textContent('#checks-status'), /Checks unavailable/);
    assert.match(await page.textContent('#scores-suggested'), /Checks unavailable/);
    // The questions are still there to fill in (by id, without the schema's wording).
    assert.equal(await page.locator('.app-question').count(), 39);
    await grade(page, 'basic.demographics', '1 Exceeds good');
    assert.equal(await page.locator('#scores-chart svg').count(), 0, 'no chart of unchecked answers');
    assert.match(await page.textContent('#section-score-basic'), /Checks unavailable/);
    await page.click('#submit-button');
    assert.ok(await page.locator('#success-banner').isHidden(), 'no success message when nothing was checked');
    assert.doesNotMatch(await page.locator('main').innerText(), /no (problems|errors)/i);
    await shot(page, 'case-audit-unavailable.png', { fullPage: false });
    browser.foreignRequests.splice(0);
    await page.close();
  });
});
