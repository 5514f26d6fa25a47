// Browser tests of the generic form pages (www/form.html?form=<id>) for every form the package lists, in headless
// Chromium, against the built package (pkg/).
//
//   npm run build && node --test tests/browser/forms.test.mjs
//
// For each form from `forms()`: the page loads with no console errors and no request off the local server; axe-core
// finds no serious or critical accessibility violation; a screenshot goes to tests/browser/artifacts/forms/<id>.png;
// submitting the empty form shows the error summary (title prefixed "Error: ", first link focuses its field); and,
// when the form has a date field, an impossible date (30/2/2026) shows a message by that field.
// Needs /usr/bin/chromium (SF_CHROMIUM to change; SF_SKIP_BROWSER=1 to skip). SF_DEMO_ROOT serves another tree.

import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { outcomeModel } from '../../www/render/outcome-labels.js';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, openPage as open, assertClean, ROOT, SKIP, CHROMIUM, shot, shotOf, PACKAGE_ENTRY } from './harness.mjs';
import { deref, kindOf, orderedKeys, fieldOrder, probeData, humanize } from '../../www/render/schema.js';
import { PAGES } from '../../www/common.js';

const TODAY = '2026-03-16';
const PKG = path.join(ROOT, 'pkg', 'index.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// The list of forms comes from the package itself (in Node), so a form merged later is tested without a change here.
let FORMS = [];
let SCHEMAS = new Map();
let ORDER = new Map();
let loadError = null;
let PKG_MODULE = null;
if (!SKIP && existsSync(PKG)) {
  try {
    const pkg = await import(pathToFileURL(PKG).href);
    PKG_MODULE = pkg;
    pkg.initSync({ module: readFileSync(path.join(ROOT, 'pkg', 'safeguarding_forms_bg.wasm')) });
    FORMS = pkg.forms();
    for (const f of FORMS) {
      const schema = pkg.schema(f.id);
      SCHEMAS.set(f.id, schema);
      ORDER.set(f.id, fieldOrder(schema, pkg.validate(f.id, probeData(schema), { today: TODAY }).diagnostics));
    }
  } catch (err) {
    loadError = err;
  }
}

/** The first top-level date field of a form in page order, or null. */
function firstDateField(id) {
  const schema = SCHEMAS.get(id);
  const root = deref(schema, schema);
  for (const k of orderedKeys(root, '', ORDER.get(id))) if (kindOf(root.properties[k], schema) === 'date') return `/${k}`;
  return null;
}

let axeSource;
const openPage = (pathname) => open(pathname, { ready: null });

/** axe-core through the DevTools protocol (the page's CSP does not govern it; the page itself stays under the CSP). */
async function axe(page, what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: 'tag', values } }), AXE_TAGS);
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const found = serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(found, [], `${what}: ${found.join('; ')}`);
  return result.violations.filter((v) => !serious.includes(v)).map((v) => `${v.id} (${v.impact})`);
}

const url = (id, extra = '') => `/www/form.html?form=${encodeURIComponent(id)}&today=${TODAY}${extra}`;
const ready = (page) => page.waitForSelector('body[data-checks="ready"]', { timeout: 15000 });

test('Chromium is installed for the browser tests', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false }, () => {
  assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set SF_SKIP_BROWSER=1.`);
});

test('the package is built and lists its forms', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false }, () => {
  assert.ok(existsSync(PKG), `The package is not built (${PKG} is missing). Run npm run build first.`);
  assert.equal(loadError, null, `the package did not load in Node: ${loadError && loadError.message}`);
  assert.ok(FORMS.length >= 1, 'forms() lists at least one form');
});

test('every outcome key of the 22 generic forms has its label from the declared outcome model (none guessed)', () => {
  const missing = [];
  for (const f of FORMS) {
    if (PAGES[f.id]) continue;
    const model = outcomeModel(f.id, PKG_MODULE);
    const declared = new Set(Object.keys(model));
    assert.ok(declared.size > 0, `${f.id}: the package declares its outcome model`);
    const dir = path.join(ROOT, 'tests', 'conformance', f.id);
    const files = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
    const keys = new Set();
    const walk = (o, depth) => {
      if (!o || typeof o !== 'object' || depth > 3) return;
      if (Array.isArray(o)) return o.forEach((x) => walk(x, depth));
      for (const [k, v] of Object.entries(o)) {
        keys.add(k);
        walk(v, depth + 1);
      }
    };
    for (const file of files) walk(JSON.parse(readFileSync(path.join(dir, file), 'utf8')).report?.outcome, 0);
    for (const k of keys) if (!declared.has(k)) missing.push(`${f.id}: ${k}`);
  }
  assert.deepEqual(missing, []);
});

test('the renderer writes no council’s places: a local value is read like any other, whichever council it is', () => {
  // Before: Telford & Wrekin's place words were compiled in ("Hadley Castle", but "Brightwell castle").
  for (const [value, label] of [['hadley-castle', 'Hadley castle'], ['brightwell-castle', 'Brightwell castle'], ['the-wrekin', 'The wrekin'], ['lakeside-south', 'Lakeside south']]) {
    assert.equal(humanize(value), label);
  }
  // The product's own names keep their capitals, and acronyms theirs.
  assert.equal(humanize('family-connect-triage'), 'Family Connect triage');
  assert.equal(humanize('incredible-years'), 'Incredible Years');
  assert.equal(humanize('cin-plan'), 'CIN plan');
  const source = readFileSync(path.join(ROOT, 'www', 'render', 'schema.js'), 'utf8').toLowerCase();
  for (const word of ['telford', 'wrekin', 'hadley', 'lakeside']) assert.ok(!source.includes(`'${word}'`), word);
});

describe('generic form pages in headless Chromium', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false, concurrency: 3 }, () => {
  useBrowser();
  before(() => {
    axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  });

  test('the index lists every form, each linking to its page', async () => {
    const { page, log } = await openPage('/');
    await ready(page);
    for (const f of FORMS) {
      const row = page.locator(`tr[data-form="${f.id}"]`);
      assert.equal(await row.count(), 1, `${f.id} is listed`);
      const href = await row.locator('a').first().getAttribute('href');
      assert.equal(href, PAGES[f.id] ?? `/www/form.html?form=${f.id}`, `${f.id} links to its bespoke page, else the generic one`);
      assert.equal((await row.locator('th').textContent()).trim(), f.title);
      assert.equal((await row.locator('td').nth(1).textContent()).trim(), String(f.rules));
      // The policy document by its title, not its file name.
      assert.equal(await row.getAttribute('data-source'), f.source);
      assert.doesNotMatch(await row.locator('td').nth(0).textContent(), /\.txt/);
    }
    await axe(page, 'index');
    assertClean(log);
    await page.close();
  });

  for (const form of FORMS) {
    test(`${form.id}: page, accessibility, screenshot, submit summary, impossible date`, async () => {
      const { page, log } = await openPage(url(form.id));
      await ready(page);
      assert.equal((await page.textContent('h1')).trim(), form.title);
      assert.match(await page.title(), new RegExp(`^${form.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} – `));
      // Every top-level field of the schema has its place on the page, with GOV.UK styles applied.
      const schema = SCHEMAS.get(form.id);
      for (const key of Object.keys(schema.properties)) {
        assert.equal(await page.locator(`[data-field="/${key}"]`).count(), 1, `${form.id}: /${key} is rendered`);
      }
      assert.match(await page.$eval('h1', (h) => getComputedStyle(h).fontFamily), /GDS Transport/);
      assert.equal(await page.locator('#outcome').getAttribute('data-outcome'), 'shown');
      const guessed = await page.locator('#outcome [data-label="guessed"]').allTextContents();
      if (!PAGES[form.id]) assert.deepEqual(guessed, [], `${form.id}: outcome labels come from the declared model`);
      await axe(page, `${form.id}, empty`);
      await shot(page, `forms/${form.id}.png`);

      // Submitting the empty form.
      await page.click('#submit-button');
      const summary = page.locator('#error-summary');
      await page.waitForFunction(() => !document.getElementById('error-summary').hidden || !document.getElementById('success-banner').hidden);
      if (await summary.isVisible()) {
        assert.equal((await summary.locator('.govuk-error-summary__title').textContent()).trim(), 'There is a problem');
        assert.ok((await page.title()).startsWith('Error: '), `title "${await page.title()}" starts with "Error: "`);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'the summary takes focus');
        const first = summary.locator('.govuk-error-summary__list a').first();
        const href = await first.getAttribute('href');
        assert.match(href, /^#./);
        await first.click();
        assert.equal(await page.evaluate(() => document.activeElement?.id), href.slice(1), 'the first link focuses its field');
        assert.match(await page.evaluate(() => document.activeElement.tagName), /^(INPUT|SELECT|TEXTAREA|BUTTON)$/);
        // Every error by a field carries its visually hidden "Error:" prefix.
        assert.ok(await page.locator('.govuk-error-message').count() >= 1);
        assert.equal(
          await page.locator('.govuk-error-message').count(),
          await page.locator('.govuk-error-message > .govuk-visually-hidden').count(),
        );
        // The error markup is the same components on every page: scanned after submit on two forms only.
        if (form.id === FORMS[0].id || form.id === 'safety-plan') await axe(page, `${form.id}, after submit`);
      } else {
        assert.ok(!(await page.title()).startsWith('Error: '));
      }

      // An impossible date by the first date field.
      const date = firstDateField(form.id);
      if (date) {
        const group = page.locator(`[data-field="${date}"]`);
        await group.locator('input[data-part="day"]').fill('30');
        await group.locator('input[data-part="month"]').fill('2');
        await group.locator('input[data-part="year"]').fill('2026');
        const message = group.locator('.govuk-error-message');
        await message.first().waitFor({ timeout: 15000 });
        assert.match(await message.allTextContents().then((t) => t.join(' ')), /real date/i);
        assert.match(await group.getAttribute('class'), /govuk-form-group--error/);
        const describedBy = await group.locator('fieldset').first().getAttribute('aria-describedby');
        const messageId = await message.first().getAttribute('id');
        assert.ok(describedBy.split(' ').includes(messageId), 'the fieldset is described by the message');
      }

      // Every field can be filled: each input, radio set, checkbox, select and date part, as a person would
      // (input and change events); the page keeps checking and nothing throws.
      const filled = await page.evaluate(() => {
        const fire = (el, ...types) => { for (const type of types) el.dispatchEvent(new Event(type, { bubbles: true })); };
        const parts = { day: '1', month: '2', year: '2026', hour: '10', minute: '30' };
        let n = 0;
        for (const el of document.querySelectorAll('#sf-form input, #sf-form select, #sf-form textarea')) {
          n += 1;
          if (el.type === 'radio') {
            if (!document.querySelector(`input[name="${CSS.escape(el.name)}"]:checked`)) { el.checked = true; fire(el, 'input', 'change'); }
          } else if (el.type === 'checkbox') {
            el.checked = true;
            fire(el, 'input', 'change');
          } else if (el instanceof HTMLSelectElement) {
            el.selectedIndex = 1;
            fire(el, 'input', 'change');
          } else if (el.dataset.part) {
            el.value = parts[el.dataset.part];
            fire(el, 'input', 'change');
          } else {
            el.value = el.inputMode === 'decimal' || el.inputMode === 'numeric' ? '1' : 'Some text';
            fire(el, 'input', 'change');
          }
        }
        return n;
      });
      assert.ok(filled > 0, 'the form has fields');
      assert.equal(await page.getAttribute('body', 'data-checks'), 'ready', 'still checking after every field was filled');
      await page.click('#submit-button');
      assert.equal(await page.getAttribute('body', 'data-checks'), 'ready');
      assert.doesNotMatch(await page.locator('#error-summary').innerText(), /unavailable/i);
      assertClean(log);
      await page.close();
    });
  }

  test('lists gain and lose rows; list-of-enum checkboxes, yes/no radios and numbers reach the session', async () => {
    // Any form with a top-level list of objects will do; the safety plan has several.
    const id = FORMS.find((f) => f.id === 'safety-plan')?.id ?? FORMS.find((f) => {
      const s = SCHEMAS.get(f.id);
      return Object.values(s.properties).some((p) => deref(p, s).type === 'array' && deref(deref(p, s).items, s)?.type === 'object');
    })?.id;
    if (!id) return;
    const schema = SCHEMAS.get(id);
    const list = Object.keys(schema.properties).find((k) => {
      const p = deref(schema.properties[k], schema);
      return p.type === 'array' && deref(p.items, schema)?.type === 'object';
    });
    const { page, log } = await openPage(url(id));
    await ready(page);
    const group = page.locator(`[data-field="/${list}"]`);
    const rows = group.locator(`[data-row^="/${list}/"]:not([data-row*="/${list}/"] [data-row])`);
    const direct = () => page.$$eval(`[data-field="/${list}"] .app-list__rows`, (c) => c[0].querySelectorAll(':scope > .app-list__row').length);
    assert.equal(await direct(), 1, 'one row to start with');
    await page.click(`[data-add="/${list}"]`);
    assert.equal(await direct(), 2, 'a second row after "Add another"');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-row]')?.dataset.row), `/${list}/1`, 'focus moves into the new row');
    // Type in the second row's first text field, then remove the first row: the typed text moves up.
    const input = page.locator(`[data-row="/${list}/1"] input[type="text"], [data-row="/${list}/1"] textarea`).first();
    await input.fill('Typed in row 2');
    await page.click(`[data-remove="/${list}"][data-index="0"]`);
    assert.equal(await direct(), 1, 'one row after "Remove"');
    const moved = page.locator(`[data-row="/${list}/0"] input[type="text"], [data-row="/${list}/0"] textarea`).first();
    assert.equal(await moved.inputValue(), 'Typed in row 2');
    void rows;
    assertClean(log);
    await page.close();
  });

  test('choices are labelled with the schema\'s titles: a field\'s declared titles, in the policy documents\' words', async () => {
    // The generic page read the values alone, so the case audit's themes showed as "CSE ce", "Re referrals 12 months".
    for (const [id, pointer, want] of [
      ['case-audit', '/theme', ['CSE/CE', 'Domestic abuse', 'Re-referrals within 12 months', 'Cases open 12 months or more', 'CIN']],
      ['disengagement', '/outcome', ['Closed', 'Re-engaged', 'Referred to Family Connect']],
    ]) {
      if (!FORMS.some((f) => f.id === id)) continue;
      const { page, log } = await openPage(url(id));
      await ready(page);
      const labels = await page.$$eval(`[data-field="${pointer}"] option, [data-field="${pointer}"] .govuk-radios__label, [data-field="${pointer}"] .govuk-checkboxes__label`,
        (els) => els.map((e) => e.textContent.trim()).filter(Boolean));
      for (const label of want) assert.ok(labels.includes(label), `${id} ${pointer}: ${label} in ${labels.join(' | ')}`);
      assertClean(log);
      await page.close();
    }
  });

  test('a date-time field has hour and minute boxes; a message names the part at fault and marks only that box', async () => {
    const id = FORMS.map((f) => f.id).find((fid) => {
      const s = SCHEMAS.get(fid);
      return Object.values(s.properties).some((p) => kindOf(p, s) === 'datetime')
        || Object.values(s.properties).some((p) => kindOf(p, s) === 'list' && Object.values(deref(deref(p, s).items, s)?.properties ?? {}).some((q) => kindOf(q, s) === 'datetime'));
    });
    assert.ok(id, 'a form with a date-time field');
    const { page, log } = await openPage(url(id));
    await ready(page);
    const field = page.locator('.govuk-date-input:has(input[data-part="hour"])').first();
    const group = field.locator('xpath=ancestor::div[@data-field][1]');
    const errorBoxes = () => field.locator('input.govuk-input--error').evaluateAll((is) => is.map((i) => i.dataset.part));
    for (const [part, v] of [['day', '10'], ['month', '3'], ['year', '2026'], ['hour', '25'], ['minute', '05']]) {
      await field.locator(`input[data-part="${part}"]`).fill(v);
    }
    await field.locator('input[data-part="minute"]').press('Tab');
    await group.locator('.govuk-error-message').first().waitFor({ timeout: 15000 });
    assert.match(await group.locator('.govuk-error-message').first().textContent(), /Hour in .* must be a number from 0 to 23/);
    assert.deepEqual(await errorBoxes(), ['hour']);
    await field.locator('input[data-part="hour"]').fill('9');
    await field.locator('input[data-part="minute"]').fill('75');
    await field.locator('input[data-part="minute"]').press('Tab');
    await page.waitForFunction((el) => /Minute in .* must be a number from 0 to 59/.test(el.textContent), await group.elementHandle());
    assert.deepEqual(await errorBoxes(), ['minute']);
    await field.locator('input[data-part="minute"]').fill('30');
    await page.waitForFunction((el) => !el.querySelector('.govuk-error-message'), await group.elementHandle());
    assertClean(log);
    await page.close();
  });

  test('outcome pictures: a progress bar, a timeline against today, a bar chart', async () => {
    const ids = new Set(FORMS.map((f) => f.id));
    if (ids.has('safety-plan')) {
      const { page, log } = await openPage(url('safety-plan'));
      await ready(page);
      const bar = page.locator('[data-picture="progress"]');
      assert.equal(await bar.count(), 1);
      assert.equal(await bar.getAttribute('data-value'), '0');
      assertClean(log);
      await page.close();
    }
    if (ids.has('practice-standards')) {
      const { page, log } = await openPage(url('practice-standards'));
      await ready(page);
      const g = page.locator('[data-field="/allocationDate"]');
      await g.locator('input[data-part="day"]').fill('2');
      await g.locator('input[data-part="month"]').fill('3');
      await g.locator('input[data-part="year"]').fill('2026');
      const timeline = page.locator('[data-picture="timeline"] svg');
      await timeline.waitFor({ timeout: 15000 });
      assert.equal(await timeline.getAttribute('role'), 'img');
      assert.match(await timeline.locator('title').textContent(), /against today, 16 March 2026/);
      assert.ok(await timeline.locator('path[data-status]').count() >= 1, 'due dates are drawn');
      assert.ok(await page.locator('.app-outcome__table .govuk-tag[data-status]').count() >= 1, 'statuses are tags');
      await shotOf(page, '#outcome', 'forms/practice-standards-outcome.png');
      assertClean(log);
      await page.close();
    }
    if (ids.has('case-audit')) {
      const { page, log } = await openPage(url('case-audit'));
      await ready(page);
      const bars = page.locator('[data-picture="bars"] svg');
      assert.equal(await bars.count(), 1);
      const grade = page.locator('[data-field^="/answers/"] input').first();
      await grade.fill('2');
      await page.waitForSelector('[data-picture="bars"] rect[data-grade]');
      await shotOf(page, '#outcome', 'forms/case-audit-outcome.png');
      assertClean(log);
      await page.close();
    }
  });

  test('a form\'s page loads that form\'s own module; the list of forms and an unknown form the all-forms one', async () => {
    // Which .wasm a page fetched, once its checks are ready (or it says the form does not exist). The first load is
    // let finish before the requests are counted and the page reloaded: a request that load made late (a drop-in
    // script fetches its module when it runs) was counted as the reload's.
    const wasmOf = async (pathname, ready = 'body[data-checks="ready"]') => {
      const { page, log } = await open(pathname, { ready });
      const wasm = [];
      page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
      await page.reload();
      await page.waitForSelector(ready, { timeout: 30000 });
      log.failed.length = 0; // a request of the first load still under way (a favicon) is cut short by the reload
      assertClean(log);
      await page.close();
      return wasm;
    };
    const own = (id) => [`/pkg/forms/${id}/safeguarding_forms_bg.wasm`];
    for (const [id, pathname] of Object.entries(PAGES)) {
      assert.deepEqual(await wasmOf(`${pathname}?today=${TODAY}`), own(id), `${pathname} loads only the ${id} module`);
    }
    assert.deepEqual(await wasmOf(url('core-group')), own('core-group'), 'the generic page loads its form\'s module');
    assert.deepEqual(await wasmOf('/www/vendor-demo.html', '#referral[data-sf-checks="ready"]'), own('sf-referral'), 'the vendor demo\'s script tag names the referral\'s module');
    const allForms = ['/pkg/safeguarding_forms_bg.wasm'];
    assert.deepEqual(await wasmOf('/'), allForms, 'the list of every form loads the all-forms module');
    assert.deepEqual(await wasmOf(url('no-such-form'), 'body[data-checks="not-found"]'), allForms);
  });

  test('an unknown form says so; a module that cannot load says "Checks unavailable"', async () => {
    const { page, log } = await openPage(url('no-such-form'));
    await page.waitForSelector('body[data-checks="not-found"]', { timeout: 15000 });
    assert.equal((await page.textContent('h1')).trim(), 'Form not found');
    assertClean(log);
    await page.close();

    const { page: broken } = await open(url(FORMS[0].id), {
      ready: null, setup: (p) => p.route(PACKAGE_ENTRY, (route) => route.fulfill({ status: 404, body: 'Not found' })),
    });
    await broken.waitForSelector('body[data-checks="unavailable"]', { timeout: 15000 });
    assert.match(await broken.textContent('#checks-status'), /Checks unavailable/);
    assert.match(await broken.textContent('#outcome'), /Checks unavailable/);
    assert.doesNotMatch(await broken.locator('main').innerText(), /no (problems|errors)/i);
    await shot(broken, 'forms/unavailable.png', { fullPage: false });
    await broken.close();
  });
});
