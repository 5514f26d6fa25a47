// JSON Pointers through the package (issue 18): a pointer is applied exactly or refused — a named Error, with the
// form's data and report unchanged — and never turns a list into an object; `remove` of what is not there is a
// no-op at any depth, and a malformed list index is refused by `remove` as by `set`. Native: tests/adversarial.rs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { sf } from './load.mjs';

const F = 'sf-referral';
const opts = { today: '2025-06-02', stage: 'draft' };
const TWO = { children: [{ name: 'A' }, { name: 'B' }] };

function twoChildren() {
  const s = new sf.FormSession(F, opts);
  s.load(structuredClone(TWO));
  return s;
}

test('a list index that is not one is refused, the list and the report unchanged', () => {
  const bad = ['/children/-1/name', '/children/abc/name', '/children/1.5/name', '/children/01/name', '/children/+1/name',
    '/children//name', '/children/ 1/name', '/children/1e0/name', '/children/3/name', '/children/10001',
    '/children/99999999999999999999999/name', '/children/-1', '/children/abc', '/children/NaN', '/children/0x1'];
  for (const p of bad) {
    const s = twoChildren();
    const before = s.report();
    assert.throws(() => s.set(p, 'x'), (e) => e instanceof Error && /^invalid JSON Pointer/.test(e.message), p);
    assert.deepEqual(s.data(), TWO, p);
    assert.deepEqual(s.report(), before, p);
    // The next edit works and is checked from the unchanged form.
    assert.deepEqual(s.set('/route', 'health'), sf.validate(F, { ...TWO, route: 'health' }, opts), p);
    s.free();
  }
});

test('into a list the form has but the data does not yet: only a row number (0) or "-" fits', () => {
  const s = new sf.FormSession(F, opts);
  for (const p of ['/children/-1/name', '/children/x', '/children/1/name', '/children/01']) {
    assert.throws(() => s.set(p, 'x'), /invalid JSON Pointer/, p);
    assert.deepEqual(s.data(), {}, p);
  }
  s.set('/children/0/name', 'A');
  s.set('/children/-/name', 'B');
  s.set('/children/2/name', 'C');
  assert.deepEqual(s.data(), { children: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
  s.free();
});

test('remove: what is not there is a no-op at any depth; a malformed index is refused, as set refuses it', () => {
  for (const p of ['/children/5', '/children/5/name', '/children/2', '/children/2/name', '/children/-', '/children/0/x/y', '/nope/1/2']) {
    const s = twoChildren();
    const before = s.report();
    assert.deepEqual(s.remove(p), before, p);
    assert.deepEqual(s.data(), TWO, p);
    s.free();
  }
  for (const p of ['/children/-1', '/children/-1/name', '/children/abc', '/children/01/name', '/children/1.5']) {
    const s = twoChildren();
    assert.throws(() => s.remove(p), /invalid JSON Pointer/, p);
    assert.deepEqual(s.data(), TWO, p);
    s.free();
  }
  const s = twoChildren();
  s.remove('/children/0');
  assert.deepEqual(s.data(), { children: [{ name: 'B' }] });
  s.free();
});

test('an object whose keys are numbers (the Family Programme\'s modules) stays an object', () => {
  const s = new sf.FormSession('family-programme', opts);
  s.set('/modules/3/entries/0/date', '2025-05-01');
  const d = s.data();
  assert.ok(!Array.isArray(d.modules) && Array.isArray(d.modules['3'].entries));
  assert.throws(() => s.set('/modules/3/entries/x/date', '2025-05-01'), /invalid JSON Pointer/);
  assert.deepEqual(s.data(), d);
  s.free();
});
