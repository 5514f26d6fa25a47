// Consistent edges (issue 18): reports a host cannot change behind the session's back; data too large for the engine
// gets the same "too large" answer (INP-017) from validate, load and set, and is never silently replaced; data too
// large even for JSON.stringify is INP-017, not a thrown RangeError; any object but an array is read by its own
// enumerable fields; the hook that forces a trap is not in the package.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sf, root } from './load.mjs';
import { shippedJs } from '../../scripts/modules.mjs';

const F = 'sf-referral';
const opts = { today: '2025-06-02', stage: 'submit' };

test('a session\'s reports cannot be edited in place: an edit to one never shows in a later one', () => {
  const s = new sf.FormSession(F, opts);
  const r1 = s.set('/referralDate', '2025-05-20');
  const sameFields = s.set('/route', 'health');
  const attempts = [
    () => { r1.diagnostics[0].message = 'edited by the host'; },
    () => { r1.diagnostics[0].path = '/edited'; },
    () => { r1.diagnostics.push({ code: 'HOST', message: 'edited by the host' }); },
    () => { r1.diagnostics.splice(0, 1); },
    () => { (r1.diagnostics.find((d) => d.related) ?? {}).related?.push('/edited'); },
    () => { r1.outcome.eligible = 'edited by the host'; },
    () => { sameFields.diagnostics[1].message = 'edited by the host'; },
    () => { sameFields.valid = true; },
  ];
  for (const edit of attempts) {
    try {
      edit();
    } catch (e) {
      assert.ok(e instanceof TypeError, String(e)); // frozen: strict-mode code is told
    }
  }
  const later = [s.set('/receivedOn', '2025-05-21'), s.report(), s.set('/receivedOn', '2025-05-21')];
  for (const r of later) {
    assert.deepEqual(r, sf.validate(F, s.data(), opts));
    assert.ok(!JSON.stringify(r).includes('edited'), 'no edit leaked into a later report');
  }
  for (const r of [r1, sameFields, ...later]) {
    assert.ok(Object.isFrozen(r) && Object.isFrozen(r.diagnostics) && r.diagnostics.every(Object.isFrozen));
    assert.ok(r.outcome === null || Object.isFrozen(r.outcome));
  }
  s.free();
});

test('data over the engine\'s 64 MB: validate, load and set give the same INP-017, and the session keeps the text', () => {
  const big = 'y'.repeat(64 * 1024 * 1024 + 10);
  const data = { route: 'health', referrer: { name: big } };
  const byValidate = sf.validate(F, data, opts);
  assert.deepEqual(byValidate.diagnostics.map((d) => [d.code, d.path]), [['INP-017', '']]);
  const s = new sf.FormSession(F, opts);
  assert.deepEqual(s.load(data), byValidate);
  assert.equal(s.data().referrer.name.length, big.length, 'load keeps the text');
  const t = new sf.FormSession(F, opts);
  t.set('/route', 'health');
  assert.deepEqual(t.set('/referrer/name', big), byValidate);
  assert.equal(t.data().referrer.name, big, 'set keeps the text, never a replacement character');
  assert.deepEqual(t.set('/route', 'education'), byValidate, 'still too large after another edit');
  const back = t.set('/referrer/name', 'R');
  assert.deepEqual(back, sf.validate(F, t.data(), opts), 'small again: checked as usual');
  assert.ok(!back.diagnostics.some((d) => d.code === 'INP-017'));
  s.free();
  t.free();
});

test('data too large for JSON.stringify (over about 512 MB) is INP-017, as the engine gives it, never a RangeError', () => {
  const chunk = 'x'.repeat(2 ** 26);
  const huge = { route: 'health' };
  for (let i = 0; i < 9; i += 1) huge[`k${i}`] = chunk; // 9 × 64 Mi characters: past V8's longest string
  assert.throws(() => JSON.stringify(huge), RangeError);
  // The engine's own answer, for data it was given as text over 64 MB.
  const engine = sf.validate(F, { k: 'y'.repeat(64 * 1024 * 1024 + 10) }, opts);
  assert.deepEqual(sf.validate(F, huge, opts), engine);
  const s = new sf.FormSession(F, opts);
  s.set('/route', 'health');
  const kept = s.data();
  assert.deepEqual(s.set('/referrer', huge), engine);
  assert.deepEqual(s.data(), kept, 'not taken; the form is as it was');
  assert.deepEqual(s.set('/referrer/name', 'R'), sf.validate(F, { ...kept, referrer: { name: 'R' } }, opts));
  s.free();
});

test('any object but an array is read by its own enumerable fields, as JSON.stringify reads it', () => {
  class Referral {
    constructor() {
      this.route = 'health';
      this.referralDate = '2025-05-20';
    }
    get ignored() {
      return 'a getter on the prototype is not an own field';
    }
  }
  const plain = { route: 'health', referralDate: '2025-05-20' };
  const expected = sf.validate(F, plain, opts);
  assert.deepEqual(sf.validate(F, new Referral(), opts), expected);
  assert.deepEqual(sf.validate(F, Object.assign(Object.create({ inherited: 1 }), plain), opts), expected);
  assert.deepEqual(sf.validate(F, Object.assign(Object.create(null), plain), opts), expected);
  const s = new sf.FormSession(F, opts);
  assert.deepEqual(s.load(new Referral()), expected);
  s.free();
  // Only strings, numbers, booleans, arrays, null and undefined (and what JSON.stringify makes one of those) are
  // the caller's mistake.
  for (const bad of ['x', 1, true, [], null, undefined, new Date(), new String('x')]) {
    assert.throws(() => sf.validate(F, bad, opts), /plain object/, String(bad));
  }
});

test('the hook that forces a trap is not in the package: not in index.js, not in its files or exports', () => {
  assert.equal(sf.__testing.trapNext, undefined);
  const pkg = path.join(root, 'pkg');
  const shipped = fs.readFileSync(path.join(pkg, 'index.js'), 'utf8');
  assert.ok(!/trapNext|trapsPending|@test-hook/.test(shipped));
  // The test build is the same file with the marked blocks in (and its comments, which the package leaves out):
  // what the other suites test is what ships.
  const hooks = fs.readFileSync(path.join(pkg, 'test-hooks.js'), 'utf8');
  const withoutHooks = hooks.replace(/^[ \t]*\/\/ @test-hook-begin[^\n]*\n[\s\S]*?^[ \t]*\/\/ @test-hook-end[^\n]*\n/gm, '');
  assert.equal(shippedJs(withoutHooks, 'js/index.js'), shipped);
  assert.ok(hooks.includes('trapNext'));
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  assert.ok(!JSON.stringify(manifest.exports).includes('test-hooks'));
  // What `npm pack` would put in the tarball (offline, nothing written).
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg, encoding: 'utf8' }));
  const files = packed[0].files.map((f) => f.path);
  assert.ok(files.includes('index.js') && !files.includes('test-hooks.js'), files.join(', '));
});
