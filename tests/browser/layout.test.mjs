// Every page at the three widths a person uses (390 px phone, 768 px tablet, 1280 px desktop): nothing makes the
// page scroll sideways, and a screenshot of each goes to tests/browser/artifacts/layout/ (git-ignored). Plus the
// layout findings of issue 16, each measured: the case audit's scores panel at 768 px (no clipped Mean / Grade
// columns, chart text at least 12 px), casework supervision's quote at 768 px and its timeline labels across two
// years, the index table at 390 px, the top menu naming the current page, the index naming forms by title.
//
//   npm run build && node --test tests/browser/layout.test.mjs

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, assertClean, assertNoOverflow, shot, SKIP_OPTION } from './harness.mjs';

const TODAY = '2026-03-16';
const PAGES = [
  ['index', '/'],
  ['referral', `/www/referral.html?today=${TODAY}`],
  ['case-audit', '/www/case-audit.html?today=2025-06-02'],
  ['casework-supervision', `/www/casework-supervision.html?today=${TODAY}`],
  ['family-programme', `/www/family-programme.html?today=${TODAY}`],
  ['group-supervision', `/www/group-supervision.html?today=${TODAY}`],
  ['safety-plan', `/www/safety-plan.html?today=${TODAY}`],
  ['form-return-home-interview', `/www/form.html?form=return-home-interview&today=${TODAY}`],
  ['form-supervision-record', `/www/form.html?form=supervision-record&today=${TODAY}`],
  ['vendor-demo', '/www/vendor-demo.html', 'form[data-sf-checks="ready"]'],
];
const WIDTHS = [390, 768, 1280];

/** The rendered size of an SVG text in CSS pixels (its font size times the SVG's scale). */
const renderedFontSizes = (page, selector) => page.$$eval(selector, (texts) => texts.map((t) => {
  const scale = t.getScreenCTM()?.a ?? 1;
  return parseFloat(getComputedStyle(t).fontSize) * scale;
}));

describe('layouts at 390, 768 and 1280 px', SKIP_OPTION, () => {
  useBrowser();

  for (const [name, url, ready] of PAGES) {
    test(`${name}: no sideways scrolling at ${WIDTHS.join(', ')} px`, async () => {
      const { page, log } = await openPage(url, { ready: ready ?? 'body[data-checks="ready"]' });
      // An example filled in where the page has one, so that outcome panels are drawn with data.
      if (await page.locator('#example-button').count()) {
        await page.click('#example-button');
        await page.waitForTimeout(200);
      }
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(100);
        await assertNoOverflow(page, `${name} at ${width} px`);
        await shot(page, `layout/${name}-${width}.png`);
      }
      assertClean(log);
      await page.close();
    });
  }

  test('the top menu names the page it is on', async () => {
    for (const [name, url, ready] of PAGES) {
      if (name === 'vendor-demo') continue;
      const { page, log } = await openPage(url, { ready: ready ?? 'body[data-checks="ready"]' });
      const current = page.locator('.govuk-service-navigation [aria-current="page"]');
      assert.equal(await current.count(), 1, `${name}: one current page in the menu`);
      const href = await current.evaluate((a) => new URL(a.href, location.href).pathname);
      assert.equal(href, new URL(page.url()).pathname, `${name}: the current item links to this page`);
      const label = (await current.textContent()).trim();
      if (name.startsWith('form-')) assert.equal(label, (await page.textContent('h1')).trim(), `${name}: the menu names this form`);
      if (name !== 'referral') assert.notEqual(label, 'Strengthening Families referral', `${name}: the menu does not name the referral`);
      assertClean(log);
      await page.close();
    }
  });

  test('the index names each form by its title and its policy document, not a file name, and fits 390 px', async () => {
    const { page, log } = await openPage('/', { viewport: { width: 390, height: 800 } });
    const cells = await page.locator('tr[data-form] td').allTextContents();
    assert.ok(cells.length > 0);
    for (const c of cells) assert.doesNotMatch(c, /\.txt\b|[0-9a-f]{16}/, `no source file name: ${c}`);
    const scroll = await page.$$eval('table', (ts) => ts.map((t) => {
      const box = t.parentElement;
      return { table: t.getBoundingClientRect().width, box: box.clientWidth, scrolls: box.scrollWidth > box.clientWidth };
    }));
    for (const s of scroll) assert.equal(s.scrolls, false, `the table does not scroll sideways: ${JSON.stringify(s)}`);
    await assertNoOverflow(page, 'index at 390 px');
    assertClean(log);
    await page.close();
  });

  test('case audit at 768 px: the scores table shows its Mean and Grade columns; chart text is at least 12 px', async () => {
    const { page, log } = await openPage('/www/case-audit.html?today=2025-06-02', { viewport: { width: 768, height: 1000 } });
    await page.click('#example-button');
    await page.waitForFunction(() => document.getElementById('suggested-grade')?.dataset.grade === '2');
    const clipped = await page.$$eval('#panel-scores-table th, #panel-scores-table td', (cells) => cells
      .filter((c) => {
        const r = c.getBoundingClientRect();
        let box = c.parentElement;
        while (box && getComputedStyle(box).overflowX === 'visible' && box !== document.body) box = box.parentElement;
        const limit = box ? box.getBoundingClientRect().right : window.innerWidth;
        return r.right > Math.min(limit, window.innerWidth) + 1 || c.scrollWidth > c.clientWidth + 1;
      })
      .map((c) => c.textContent.trim()));
    assert.deepEqual(clipped, [], 'no cell of the scores table is cut off');
    const sizes = await renderedFontSizes(page, '#scores-chart svg text');
    assert.ok(sizes.length > 0);
    assert.ok(Math.min(...sizes) >= 12, `chart text at least 12 px (smallest ${Math.min(...sizes).toFixed(1)} px)`);
    await page.locator('#scores').scrollIntoViewIfNeeded();
    await shot(page, 'layout/case-audit-scores-768.png', { fullPage: false });
    assertClean(log);
    await page.close();
  });

  test('casework supervision at 768 px: the quote is not cut off; timeline labels do not overlap across two years', async () => {
    const { page, log } = await openPage(`/www/casework-supervision.html?today=${TODAY}`, { viewport: { width: 768, height: 1000 } });
    await page.click('#example-button');
    await page.waitForTimeout(300);
    // The policy quote at the foot of the cadence panel: not cut off by the panel (or anything else that scrolls).
    await page.locator('#cadence').evaluate((a) => a.scrollIntoView({ block: 'start' }));
    const cut = await page.$eval('.app-cws-policy', (q) => {
      const r = q.getBoundingClientRect();
      for (let a = q.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a);
        if (o.overflowX === 'visible' && o.overflowY === 'visible') continue;
        const b = a.getBoundingClientRect();
        if (r.bottom > b.bottom + 1 || r.right > b.right + 1 || r.top < b.top - 1) return `${a.tagName.toLowerCase()}.${a.className}`;
      }
      return r.right > window.innerWidth ? 'the window' : null;
    });
    assert.equal(cut, null, 'the quote is shown whole');
    // Two years of supervision: the previous session in August 2025, this one and the next in 2026 (monthly
    // labels, "Jan 26" wider than the others).
    await page.fill('#previousSupervisionDate-day', '1');
    await page.fill('#previousSupervisionDate-month', '8');
    await page.fill('#previousSupervisionDate-year', '2025');
    await page.locator('#previousSupervisionDate-year').press('Tab');
    await page.waitForTimeout(300);
    const boxes = await page.$$eval('svg text', (ts) => ts.filter((t) => t.closest('[id*="timeline"], .app-timeline')).map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, x: t.getAttribute('x'), left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }));
    assert.ok(boxes.length > 0, 'the timeline has labels');
    const overlaps = [];
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.x === b.x) continue; // one label's name and its date, one above the other
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps.push(`${a.text} / ${b.text}`);
      }
    }
    assert.deepEqual(overlaps, [], 'no two timeline labels overlap');
    await shot(page, 'layout/casework-timeline-768.png');
    assertClean(log);
    await page.close();
  });
});
