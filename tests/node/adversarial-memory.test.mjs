// Memory under long typing with large fields (issue 18). A FormSession keeps, in JavaScript, what rebuilds it after a
// trap: a snapshot of the form's JSON text and the edits since. That log is bounded in bytes: typing 250 times into a
// 2-million-character field must not keep 250 copies of it (it kept about 840 MB of JS heap before the fix).
import test from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { sf } from './load-hooks.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

function heapAfterGc() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const MB = 1024 * 1024;
const opts = { today: '2025-06-02', stage: 'draft' };

test('250 keystrokes into a 2-million-character field keep the JS heap within a few times the form', (t) => {
  const s = new sf.FormSession('sf-referral', opts);
  s.set('/route', 'health');
  const big = 'x'.repeat(2_000_000);
  const before = heapAfterGc();
  let last;
  for (let i = 0; i < 250; i += 1) last = s.set('/referrer/name', `${big}${'y'.repeat(i)}`);
  const grown = heapAfterGc() - before;
  t.diagnostic(`JS heap after 250 keystrokes into a 2,000,000-character field: +${(grown / MB).toFixed(1)} MB`);
  // The form is about 2 MB of JSON text: the snapshot, the log (at most the snapshot's size again, or 1 MB) and the
  // string the test holds. 64 MB leaves room for V8's own variation; 250 kept copies would be 500 MB or more.
  assert.ok(grown < 64 * MB, `JS heap grew by ${(grown / MB).toFixed(1)} MB`);
  assert.ok(last.diagnostics.some((d) => d.path === '/referrer/name'), 'the long name is reported, not lost');
  assert.equal(s.data().referrer.name.length, 2_000_249, 'the text is kept whole');
  // Short fields typed as well, after the long ones: the log goes on being compacted.
  for (let i = 0; i < 300; i += 1) s.set('/address/town', `Telford ${i}`);
  assert.ok(heapAfterGc() - before < 64 * MB);

  // The bounded log still rebuilds the session after a trap: nothing typed is lost.
  const expected = s.data();
  sf.__testing.trapNext();
  assert.equal(s.set('/address/town', 'Wellington').unavailable, true);
  expected.address.town = 'Wellington';
  // The trapped edit is not kept (the caller is told to try again): the rebuilt session is the one before it.
  expected.address.town = 'Telford 299';
  assert.deepEqual(s.data(), expected);
  assert.deepEqual(s.set('/address/town', 'Wellington'), sf.validate('sf-referral', { ...expected, address: { ...expected.address, town: 'Wellington' } }, opts));
  s.free();
});

test('many loads of a large form do not accumulate either', (t) => {
  const s = new sf.FormSession('sf-referral', opts);
  const big = 'z'.repeat(1_000_000);
  const before = heapAfterGc();
  for (let i = 0; i < 100; i += 1) s.load({ route: 'health', referrer: { name: `${big}${i}` } });
  for (let i = 0; i < 100; i += 1) s.remove('/address');
  const grown = heapAfterGc() - before;
  t.diagnostic(`JS heap after 100 loads of a 1 MB form and 100 removes: +${(grown / MB).toFixed(1)} MB`);
  assert.ok(grown < 32 * MB, `JS heap grew by ${(grown / MB).toFixed(1)} MB`);
  s.free();
});
