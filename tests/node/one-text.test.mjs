// `validate` writes the form id and the options into the module as one text, `form` NUL `options`, beside the data,
// and leaves the options out (an empty part) when they are the text the module resolved last (js/index.js,
// "One text across the boundary"; src/wasm.rs `validatePacked`). What must hold: the module never checks with options
// it was not given (an empty part on an instance that holds none answers "" and the wrapper sends them), a new
// instance after a trap is sent its options again, and a form id the text could not hold as one part is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sf, root, wasmBytes } from './load-hooks.mjs';
import { eligibleReferral } from './load.mjs';

const A = { today: '2025-06-02', stage: 'submit' };
const B = { today: '2025-06-02', stage: 'draft' };

/** A record whose report differs between A and B (REF-001 is an error at submit, info in a draft). */
function broken() {
  const r = eligibleReferral();
  delete r.assessment;
  delete r.plan;
  return r;
}

/** The raw glue of a fresh instance of the all-forms module (its own copy of the glue module, its own memory). */
async function freshGlue(tag) {
  const glue = await import(`${pathToFileURL(path.join(root, 'pkg', 'safeguarding_forms.js')).href}?${tag}`);
  glue.initSync({ module: wasmBytes });
  return glue;
}

test('the module checks only with options it was given: an empty options part on a fresh instance answers ""', async () => {
  const glue = await freshGlue('fresh-1');
  const data = JSON.stringify(broken());
  const packed = (options) => glue.validatePacked(`sf-referral\0${options}`, data);
  assert.equal(packed(''), '', 'no options held yet');
  const underA = packed(JSON.stringify(A));
  assert.deepEqual(JSON.parse(underA), sf.validate('sf-referral', broken(), A));
  assert.equal(packed(''), underA, 'the options resolved last');
  const underB = packed(JSON.stringify(B));
  assert.notEqual(underB, underA);
  assert.deepEqual(JSON.parse(underB), sf.validate('sf-referral', broken(), B));
  assert.equal(packed(''), underB, 'the options resolved last are the last sent');
  // Options refused leave the ones held as they were.
  assert.throws(() => packed(JSON.stringify({ today: '2025-02-30' })), /today/);
  assert.equal(packed(''), underB);
  // The form is looked up with the options held too.
  assert.throws(() => glue.validatePacked('no-such-form\0', data), /unknown form/);
});

test('the wrapper gives each call the report of its own options, however the calls before it went', () => {
  const data = broken();
  const expected = { A: JSON.stringify(sf.validate('sf-referral', data, A)), B: JSON.stringify(sf.validate('sf-referral', data, B)) };
  assert.notEqual(expected.A, expected.B);
  const order = ['A', 'A', 'B', 'B', 'A', 'B', 'A', 'A'];
  for (const [i, name] of order.entries()) {
    assert.equal(JSON.stringify(sf.validate('sf-referral', data, name === 'A' ? A : B)), expected[name], `call ${i + 1}`);
  }
  // A call the module refuses, then the options of the call before it: not taken as still held.
  assert.throws(() => sf.validate('sf-referral', data, { ...A, profile: 'no-such-council' }), /profile/);
  assert.equal(JSON.stringify(sf.validate('sf-referral', data, A)), expected.A);
  // A trap: the call that trapped is unavailable, and the new instance is sent the options again.
  sf.__testing.trapNext();
  const before = sf.__testing.generation;
  assert.equal(sf.validate('sf-referral', data, A).unavailable, true);
  assert.equal(sf.__testing.generation, before + 1);
  assert.equal(JSON.stringify(sf.validate('sf-referral', data, A)), expected.A);
  assert.equal(JSON.stringify(sf.validate('sf-referral', data, A)), expected.A);
});

test('a form id with a NUL in it is refused as no form, whatever follows the NUL', () => {
  for (const id of ['sf-referral\0', 'sf-referral\0{"today":"2025-06-02"}', '\0sf-referral']) {
    assert.throws(() => sf.validate(id, eligibleReferral(), A), (e) => e instanceof Error && /unknown form/.test(e.message), JSON.stringify(id));
  }
});
