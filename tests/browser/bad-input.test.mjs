// The bad-input cases of tests/node/bad-input.test.mjs, run inside headless Chromium against the served package
// (/pkg/index.js from www/server.mjs), in a page under the demo's Content-Security-Policy; then self-healing after a
// trap, and the privacy run of tests/node/privacy.test.mjs (no network, storage, console, timers) with every request
// the page makes recorded.
//
//   npm run build && node --test --test-concurrency=1 tests/browser/
//
// Needs /usr/bin/chromium (apt-get install -y chromium). Without it these tests FAIL, unless SF_SKIP_BROWSER=1.

import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CSP } from '../../www/server.mjs';
import { defineCases, withNow } from '../node/bad-input.test.mjs';
import { installTraps, exerciseEverything } from '../node/privacy.test.mjs';
import { useBrowser, browser, ROOT, SKIP } from './harness.mjs';

/** A blank page of our own origin, served with the demo's CSP: only the package runs in it. */
const BLANK = '/www/__bad-input-blank.html';


/** A fresh page on BLANK, with every request, console message and page error recorded. */
async function blankPage() {
  const page = await browser.context.newPage();
  const log = { requests: [], console: [], errors: [] };
  page.on('request', (r) => log.requests.push(new URL(r.url()).pathname));
  page.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.route(`**${BLANK}`, (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP },
    body: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>bad input</title></head><body></body></html>',
  }));
  await page.goto(new URL(BLANK, browser.server.url).href);
  return { page, log };
}

/**
 * Source of a self-contained async function run in the page: loads the package, then `body` with `sf` in scope. The
 * tests that force a trap load the test build (/pkg/test-hooks.js, with `__testing.trapNext`; not in the package).
 */
function inPage(body, entry = '/pkg/index.js') {
  return `(async () => {
    const sf = await import('${entry}');
    await sf.default();
    const withNow = ${withNow.toString()};
    const defineCases = ${defineCases.toString()};
    const installTraps = ${installTraps.toString()};
    const exerciseEverything = ${exerciseEverything.toString()};
    ${body}
  })()`;
}

describe('bad input in headless Chromium (sf-referral)', { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false }, () => {
  const cases = defineCases(null, { withNow });
  let results;
  let pageLog;

  useBrowser();
  before(async () => {
    const { page, log } = await blankPage();
    results = await page.evaluate(inPage(`
      const out = {};
      for (const c of defineCases(sf, { withNow })) {
        const t0 = performance.now();
        try {
          c.run();
          out[c.name] = { ok: true, ms: Math.round(performance.now() - t0) };
        } catch (e) {
          out[c.name] = { ok: false, error: String((e && e.message) || e), ms: Math.round(performance.now() - t0) };
        }
      }
      return out;
    `));
    pageLog = log;
    await page.close();
  });

;

  for (const c of cases) {
    test(`${c.name} — ${c.expect}`, c.todo ? { todo: c.todo } : {}, () => {
      const r = results[c.name];
      assert.ok(r, 'the case ran in the page');
      assert.ok(r.ok, r.error);
    });
  }

  test('the page stayed quiet: no console output, no page error, only the package was fetched', () => {
    assert.deepEqual(pageLog.console, []);
    assert.deepEqual(pageLog.errors, []);
    assert.deepEqual([...new Set(pageLog.requests)].sort(),
      [BLANK, '/pkg/index.js', '/pkg/safeguarding_forms.js', '/pkg/safeguarding_forms_bg.wasm', '/pkg/catalogue.js'].sort());
  });

  test('self-healing: a trap gives "unavailable" for that call, then validate and the same FormSession carry on', async () => {
    const { page, log } = await blankPage();
    const out = await page.evaluate(inPage(`
      const F = 'sf-referral';
      const opts = { today: '2025-06-02', stage: 'submit' };
      const data = { referralDate: '2025-05-20', route: 'health', children: [{ name: 'C', dateOfBirth: '2031-01-01' }] };
      const before = sf.validate(F, data, opts);
      sf.__testing.trapNext();
      const trapped = sf.validate(F, data, opts);
      const after = sf.validate(F, data, opts);
      const s = new sf.FormSession(F, opts);
      for (const [k, v] of Object.entries(data)) s.set('/' + k, v);
      const sessionBefore = s.report();
      sf.__testing.trapNext();
      const sessionTrapped = s.set('/route', 'education');
      const sessionAfter = s.report();
      const next = s.set('/route', 'education');
      // A real trap, not a simulated one: the engine's error path made to throw through wasm.
      const RealError = globalThis.Error;
      globalThis.Error = function PoisonedError() { throw new WebAssembly.RuntimeError('unreachable'); };
      let real;
      try { real = s.set('/children/9/name', 'x'); } finally { globalThis.Error = RealError; }
      const afterReal = s.set('/referrer/name', 'R');
      s.free();
      return { before, trapped, after, sessionBefore, sessionTrapped, sessionAfter, next, real, afterReal,
        heals: sf.__testing.heals,
        expectedNext: sf.validate(F, { ...data, route: 'education' }, opts),
        expectedAfterReal: sf.validate(F, { ...data, route: 'education', referrer: { name: 'R' } }, opts) };
    `, '/pkg/test-hooks.js'));
    const unavailable = {
      form: 'sf-referral', valid: false, outcome: null, unavailable: true,
      diagnostics: [{ code: 'SYS-001', severity: 'error', path: '', message: 'Checks are unavailable for a moment; your answers are kept. Try again.', messageId: 'SYS-001.unavailable' }],
    };
    assert.deepEqual(out.trapped, unavailable);
    assert.deepEqual(out.after, out.before);
    assert.deepEqual(out.sessionTrapped, unavailable);
    assert.deepEqual(out.sessionAfter, out.sessionBefore);
    assert.deepEqual(out.next, out.expectedNext);
    assert.deepEqual(out.real, unavailable);
    assert.deepEqual(out.afterReal, out.expectedAfterReal);
    assert.equal(out.heals, 3);
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.errors, []);
    await page.close();
  });

  test('privacy: every public function, no network, storage, console or timer; the clock only for the default today', async () => {
    const vectors = [];
    const dir = path.join(ROOT, 'tests', 'conformance');
    for (const form of readdirSync(dir).filter((f) => statSync(path.join(dir, f)).isDirectory())) {
      for (const file of readdirSync(path.join(dir, form)).filter((f) => f.endsWith('.json'))) {
        const v = JSON.parse(readFileSync(path.join(dir, form, file), 'utf8'));
        vectors.push({ form, data: v.data, options: v.options });
      }
    }
    const { page, log } = await blankPage();
    const requestsBefore = log.requests.length;
    const out = await page.evaluate(inPage(`
      const vectors = ${JSON.stringify(vectors)};
      const traps = installTraps(globalThis);
      let summary;
      try {
        summary = exerciseEverything(sf, vectors, () => traps.counts.clock ?? 0);
      } finally {
        traps.restore();
      }
      return { counts: traps.counts, clockReadsForDefault: summary.clockReadsForDefault, calls: summary.calls.length };
    `, '/pkg/test-hooks.js'));
    const { clock = 0, ...others } = out.counts;
    assert.deepEqual(others, {}, 'APIs the package must not use');
    assert.ok(out.clockReadsForDefault >= 1);
    assert.equal(clock, out.clockReadsForDefault, 'no other clock read');
    assert.ok(out.calls > vectors.length);
    // The requests after loading: none (the page loaded the package, its catalogue module with it, before the run).
    const during = log.requests.slice(requestsBefore).filter((p) => !['/pkg/test-hooks.js', '/pkg/safeguarding_forms.js', '/pkg/safeguarding_forms_bg.wasm', '/pkg/catalogue.js'].includes(p));
    assert.deepEqual(during, []);
    assert.deepEqual(log.console, []);
    assert.deepEqual(log.errors, []);
    await page.close();
  });
});
