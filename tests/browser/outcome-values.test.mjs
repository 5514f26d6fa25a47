// The generic page's outcome panel shows a coded outcome value ("lead-check-ins", "due-soon") with the label the
// package's outcome model declares for it (`outcomeSchema`: a choice is `oneOf: [{ const, title }]`), never one
// guessed from the code ("Lead check ins"): no value on the panel carries data-label="guessed".
//   - targeted-group typed into in Chromium: the Incredible Years steps' table shows the steps' declared labels;
//   - every generic form whose outcome has coded values: each conformance vector's outcome drawn by the page's own
//     panel renderer (www/render/outcome.js with the page's package), in the page.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, openPage, assertClean, ROOT, SKIP, shotOf } from './harness.mjs';
import { PAGES } from '../../www/common.js';
import { outcomeModel } from '../../www/render/outcome-labels.js';

const TODAY = '2026-03-16';
const PKG = path.join(ROOT, 'pkg', 'index.js');

let sf = null;
if (!SKIP && existsSync(PKG)) {
  sf = await import(pathToFileURL(PKG).href);
  sf.initSync({ module: readFileSync(path.join(ROOT, 'pkg', 'safeguarding_forms_bg.wasm')) });
}

/** { pointer: { code: label } } of every choice in an outcome schema (`*` for a list's rows). */
function choicesOf(schema, at = '', out = {}) {
  if (!schema || typeof schema !== 'object') return out;
  if (Array.isArray(schema.oneOf)) {
    out[at] = Object.fromEntries(schema.oneOf.filter((c) => typeof c.const === 'string').map((c) => [c.const, c.title]));
  }
  for (const [k, p] of Object.entries(schema.properties ?? {})) choicesOf(p, `${at}/${k}`, out);
  if (schema.items) choicesOf(schema.items, `${at}/*`, out);
  return out;
}

/** Each [pointer pattern, value] of an outcome's strings. */
function stringsOf(v, at = '', out = []) {
  if (typeof v === 'string') out.push([at, v]);
  else if (Array.isArray(v)) v.forEach((x) => stringsOf(x, `${at}/*`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stringsOf(x, `${at}/${k}`, out);
  return out;
}

/** The conformance vectors' outcomes of a form. */
function vectorOutcomes(id) {
  const dir = path.join(ROOT, 'tests', 'conformance', id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort()
    .map((n) => [n, JSON.parse(readFileSync(path.join(dir, n), 'utf8')).report?.outcome])
    .filter(([, o]) => o && typeof o === 'object');
}

const generic = () => (sf ? sf.forms().map((f) => f.id).filter((id) => !PAGES[id]) : []);
/** The generic forms whose vectors' outcomes hold a coded value. */
const coded = () => generic().filter((id) => {
  const choices = choicesOf(sf.outcomeSchema(id));
  return vectorOutcomes(id).some(([, o]) => stringsOf(o).some(([at]) => choices[at]));
});

test('every coded value of the generic forms\' vectors has its declared label in the model the panel reads', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false }, () => {
  assert.ok(sf, 'the package is built');
  const forms = coded();
  assert.ok(forms.length >= 15, `${forms.length} generic forms with coded outcome values`);
  const missing = [];
  for (const id of forms) {
    const choices = choicesOf(sf.outcomeSchema(id));
    const model = outcomeModel(id, sf);
    for (const [name, outcome] of vectorOutcomes(id)) {
      for (const [at, v] of stringsOf(outcome)) {
        if (!choices[at]) continue;
        const key = at.split('/').filter((s) => s !== '*').at(-1);
        if (!choices[at][v]) missing.push(`${id} ${name}: ${at} = ${v} is not declared`);
        else if (model[key]?.values?.[v] !== choices[at][v]) missing.push(`${id} ${name}: ${at} = ${v}: the panel's model has ${model[key]?.values?.[v]}`);
      }
    }
  }
  assert.deepEqual(missing, []);
  // The targeted-group steps, by name.
  assert.equal(outcomeModel('targeted-group', sf).step.values['lead-check-ins'], 'Check in with the facilitators');
});

describe('the outcome panel of the generic page labels coded values as the model declares', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false }, () => {
  useBrowser();

  test('targeted-group: the Incredible Years steps show their declared labels, none guessed', async () => {
    const { page, log } = await openPage(`/www/form.html?form=targeted-group&today=${TODAY}`);
    const programme = page.locator('[data-field="/programme"]');
    if (await programme.locator('select').count()) await programme.locator('select').selectOption('incredible-years');
    else await programme.locator('input[value="incredible-years"]').check();
    const start = page.locator('[data-field="/courseStartOn"]');
    await start.locator('input[data-part="day"]').fill('5');
    await start.locator('input[data-part="month"]').fill('1');
    await start.locator('input[data-part="year"]').fill('2026');
    await start.locator('input[data-part="year"]').press('Tab');
    const table = page.locator('#outcome [data-outcome-table="steps"]');
    await table.waitFor({ timeout: 15000 });
    const cells = (await table.locator('tbody tr > :first-child').allTextContents()).map((t) => t.trim());
    for (const label of ['Secure the venue and crèche workers', 'Give the pre-measures', 'Check in with the facilitators']) {
      assert.ok(cells.includes(label), `${label} in ${cells.join(' | ')}`);
    }
    assert.ok(!cells.some((c) => /^Lead check ins$|^Venue and creche$/i.test(c)), cells.join(' | '));
    const statuses = await table.locator('.govuk-tag[data-status]').allTextContents();
    assert.ok(statuses.length >= 3 && statuses.every((s) => ['Met', 'Met late', 'Due', 'Due soon', 'Overdue', 'Not applicable', 'Early'].includes(s.trim())), statuses.join(' | '));
    assert.deepEqual(await page.locator('#outcome [data-label="guessed"]').allTextContents(), []);
    await shotOf(page, '#outcome', 'forms/targeted-group-steps-outcome.png');
    assertClean(log);
    await page.close();
  });

  test('every generic form with coded outcome values: each vector\'s outcome on the panel shows the declared labels', async () => {
    const forms = coded();
    assert.ok(forms.length >= 15, `${forms.length} forms`);
    for (const id of forms) {
      const { page, log } = await openPage(`/www/form.html?form=${id}&today=${TODAY}`);
      const choices = choicesOf(sf.outcomeSchema(id));
      const vectors = vectorOutcomes(id);
      // Draw each outcome with the panel's own code and the page's package, as form.js does, and read it back.
      const drawn = await page.evaluate(async ({ id, outcomes, today }) => {
        const { renderOutcome } = await import('/www/render/outcome.js');
        const { outcomeModel } = await import('/www/render/outcome-labels.js');
        const { loadChecks } = await import('/www/common.js');
        const checks = await loadChecks(id);
        const body = document.getElementById('outcome-body');
        return outcomes.map((outcome) => {
          body.replaceChildren(...renderOutcome(outcome, { today, keys: outcomeModel(id, checks) }));
          return {
            guessed: [...body.querySelectorAll('[data-label="guessed"]')].map((e) => e.textContent),
            text: body.textContent,
            codes: [...body.querySelectorAll('[data-code], .govuk-tag[data-status]')].map((e) => [e.dataset.code ?? e.dataset.status, e.textContent]),
          };
        });
      }, { id, outcomes: vectors.map(([, o]) => o), today: TODAY });
      drawn.forEach((d, i) => {
        const name = `${id} ${vectors[i][0]}`;
        assert.deepEqual(d.guessed, [], `${name}: guessed labels`);
        // Every coded value of the outcome is on the panel by its declared label (a row id the table hides behind
        // the row's title is labelled with that title).
        for (const [at, v] of stringsOf(vectors[i][1])) {
          if (choices[at]?.[v]) assert.ok(d.text.includes(choices[at][v]), `${name}: ${at} = ${v}: "${choices[at][v]}" is not shown`);
        }
        // Every code drawn as a code reads as a label the model declares for it.
        for (const [code, shown] of d.codes) {
          const declared = Object.values(choices).map((c) => c[code]).filter(Boolean);
          assert.ok(declared.includes(shown), `${name}: ${code} shown as "${shown}", declared ${declared.join(' / ')}`);
        }
      });
      assertClean(log);
      await page.close();
    }
  });
});
