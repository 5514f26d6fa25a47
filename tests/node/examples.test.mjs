// The examples in examples/ run and do what their comments say.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sf, root, opts, eligibleReferral } from './load.mjs';
import { handleSubmission } from '../../examples/node-server.mjs';
import { toRjsfExtraErrors, toJsonFormsAdditionalErrors } from '../../examples/form-libraries.mjs';

test('node-server: a valid referral is accepted, an invalid one answered 422 with findings', () => {
  assert.equal(handleSubmission('sf-referral', eligibleReferral(), '2025-06-02').status, 201);
  const bad = handleSubmission('sf-referral', { referralDate: '2025-05-20' }, '2025-06-02');
  assert.equal(bad.status, 422);
  assert.ok(bad.body.errors.some((e) => e.path === '/route' && e.code === 'REF-001'));
  const out = execFileSync(process.execPath, [path.join(root, 'examples', 'node-server.mjs')], { encoding: 'utf8' });
  assert.match(out, /^422/);
});

test('react-jsonschema-form extraErrors: nested like the data, __errors at each field', () => {
  const report = sf.validate('sf-referral', {
    referralDate: '2026-02-30',
    children: [{ dateOfBirth: { day: '1', month: '', year: '2020' } }],
  }, opts);
  const extra = toRjsfExtraErrors(report);
  assert.deepEqual(extra.referralDate.__errors, ['Date of the referral must be a real date']);
  assert.deepEqual(extra.children['0'].dateOfBirth.month.__errors, ['Date of birth must include a month']);
  assert.ok(extra.route.__errors.length === 1);
  assert.equal(JSON.stringify(toRjsfExtraErrors(sf.validate('sf-referral', eligibleReferral(), opts))), '{}');
});

test('JSON Forms additionalErrors: AJV-shaped errors at instance paths', () => {
  const report = sf.validate('sf-referral', { referralDate: '2026-02-30' }, opts);
  const errors = toJsonFormsAdditionalErrors(report);
  const e = errors.find((x) => x.instancePath === '/referralDate');
  assert.equal(e.message, 'Date of the referral must be a real date');
  assert.equal(e.keyword, 'INP-003');
  assert.equal(e.params.severity, 'error');
  for (const x of errors) assert.equal(typeof x.schemaPath, 'string');
});
