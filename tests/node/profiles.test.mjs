// Council profiles as data, in the wasm package (issue 14): the fictional Brightwell profile (two versions) changes
// exactly its findings, the same as natively; invalid profiles throw one TypeError and the module works on;
// checkProfile never throws; the profile schema is a real JSON Schema that accepts the built-in profile files.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020.js';
import { sf, root } from './load.mjs';

const brightwell = JSON.parse(fs.readFileSync(path.join(root, 'examples/profiles/brightwell.json'), 'utf8'));
const at = (today, extra = {}) => ({ today, profile: brightwell, ...extra });
const codes = (r, code) => r.diagnostics.filter((d) => d.code === code).map((d) => [d.path, d.severity]);

const interviewedAfter54Hours = {
  episodes: [{ reportedMissingAt: '2025-05-27T22:15', foundAt: '2025-05-28T09:00', crmNumber: 'CRM-7' }],
  formStartedAt: '2025-05-28T10:00',
  interviewAt: '2025-05-30T15:00',
  conductedBy: 'Duty practitioner',
  sections: { missingAndFound: true, interview: true, signatures: true },
  sentForAuthorisationOn: '2025-05-30',
  authorisedBy: 'team-leader',
  authorisedOn: '2025-05-31',
  finalisedOn: '2025-06-02',
  sharedWithPolice: true,
  sentToFamilyConnect: true,
};

test('a locality is open text by default and the council\'s list under its profile', () => {
  assert.deepEqual(codes(sf.validate('sf-referral', { locality: 'central-brighton' }, { today: '2025-06-02' }), 'INP-006'), []);
  assert.deepEqual(codes(sf.validate('sf-referral', { locality: 'central-brighton' }, at('2025-06-02')), 'INP-006'), [['/locality', 'error']]);
  assert.deepEqual(codes(sf.validate('sf-referral', { locality: 'north' }, at('2025-06-02')), 'INP-006'), []);
  // The second version (April 2026) adds Central.
  assert.deepEqual(codes(sf.validate('sf-referral', { locality: 'central' }, at('2025-06-02')), 'INP-006'), [['/locality', 'error']]);
  assert.deepEqual(codes(sf.validate('sf-referral', { locality: 'central' }, at('2026-05-01')), 'INP-006'), []);
  // Telford & Wrekin's localities are its profile's data.
  const tw = { today: '2025-06-02', profile: 'telford-wrekin' };
  assert.deepEqual(codes(sf.validate('sf-referral', { locality: 'the-wrekin' }, tw), 'INP-006'), []);
  assert.deepEqual(codes(sf.validate('sf-referral', { locality: 'north' }, tw), 'INP-006'), [['/locality', 'error']]);
});

test('48-hour interviews, a rule switched off and a severity raised', () => {
  const plain = sf.validate('return-home-interview', interviewedAfter54Hours, { today: '2025-06-02', stage: 'submit' });
  assert.deepEqual(plain.diagnostics, []);
  const mine = sf.validate('return-home-interview', interviewedAfter54Hours, at('2025-06-02', { stage: 'submit' }));
  assert.deepEqual(codes(mine, 'RHI-005'), [['/interviewAt', 'error']]);
  assert.equal(mine.diagnostics.find((d) => d.code === 'RHI-005').due, '2025-05-30T09:00');
  assert.equal(mine.valid, false);
  const notified = {
    episodes: [{ reportedMissingAt: '2025-03-27T20:00', foundAt: '2025-03-28T12:00', crmNumber: 'CRM-1' }],
    socialWorkerNotified: true,
  };
  assert.deepEqual(codes(sf.validate('return-home-interview', notified, { today: '2025-04-10' }), 'RHI-014'), [['/socialWorkerNotified', 'info']]);
  assert.deepEqual(codes(sf.validate('return-home-interview', notified, at('2025-04-10')), 'RHI-014'), []);
});

test('closure days and a moved bank holiday', () => {
  assert.equal(sf.workingDays('2025-12-24', '2026-01-02', { today: '2025-06-02' }), 4);
  assert.equal(sf.workingDays('2025-12-24', '2026-01-02', at('2025-06-02')), 1);
  assert.equal(sf.addWorkingDays('2026-05-22', 1, at('2026-05-01')), '2026-05-25');
  assert.equal(sf.addWorkingDays('2026-05-22', 1, { today: '2026-05-01' }), '2026-05-26');
});

test('rules() shows what is in force and where it comes from', () => {
  const rhi = sf.rules('return-home-interview', at('2025-06-02'));
  const r5 = rhi.find((r) => r.code === 'RHI-005');
  assert.equal(r5.severity, 'error');
  assert.equal(r5.defaultSeverity, 'warning');
  assert.equal(r5.setBy.profile, 'brightwell');
  assert.equal(rhi.find((r) => r.code === 'RHI-014').enabled, false);
  const hours = rhi.flatMap((r) => r.parameters ?? []).find((p) => p.key === 'return-home-interview.hours');
  assert.deepEqual([hours.value, hours.default], [48, 72]);
  const weeks = (today) => sf.rules('supervision-log', at(today)).flatMap((r) => r.parameters ?? []).find((p) => p.key === 'supervision.frequencyWeeks').value;
  assert.equal(weeks('2026-03-31'), 4);
  assert.equal(weeks('2026-04-01'), 6);
});

test('a live session runs under the profile, and schema() lists the council\'s values', () => {
  const s = new sf.FormSession('sf-referral', at('2025-06-02'));
  assert.deepEqual(codes(s.set('/locality', 'central'), 'INP-006'), [['/locality', 'error']]);
  assert.deepEqual(codes(s.set('/locality', 'east'), 'INP-006'), []);
  s.free();
  assert.equal(sf.schema('sf-referral').properties.locality.enum, undefined);
  assert.deepEqual(sf.schema('sf-referral', at('2025-06-02')).properties.locality.enum, ['north', 'south', 'east', '', null]);
});

test('an invalid profile throws one TypeError naming its first problem, and the module works on', () => {
  const bad = { id: 'x', title: 'X', values: { 'return-home-interview.hours': 0 } };
  assert.throws(() => sf.validate('sf-referral', {}, { profile: bad }), (e) => e instanceof TypeError
    && /^invalid profile: \/values\/return-home-interview\.hours: must be between 1 and 720/.test(e.message));
  assert.throws(() => new sf.FormSession('sf-referral', { profile: { id: 'x' } }), TypeError);
  assert.throws(() => sf.validate('sf-referral', {}, { profile: 'nowhere' }), TypeError);
  assert.equal(sf.validate('sf-referral', { locality: 'north' }, at('2025-06-02')).form, 'sf-referral');
});

test('checkProfile never throws and lists every problem', () => {
  for (const v of [undefined, null, 1, 'x', [], {}, { id: 1n }, { id: 'a', title: 'A', values: { nope: 1 } }, Symbol('s')]) {
    const r = sf.checkProfile(v);
    assert.equal(r.valid, false, String(typeof v));
    assert.ok(r.problems.length > 0);
  }
  const r = sf.checkProfile({ id: 'Bad Id', title: '', rules: { 'ZZZ-1': { enabled: false } }, closures: ['2025-13-01'] });
  assert.deepEqual(r.problems.map((p) => p.path), ['/id', '/title', '/rules/ZZZ-1', '/closures/0']);
  assert.deepEqual(sf.checkProfile(brightwell), { valid: true, problems: [] });
  assert.deepEqual(sf.checkProfile('walsall'), { valid: true, problems: [] });
});

test('the profile schema is a JSON Schema that accepts every built-in profile file and the example', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validateProfile = ajv.compile(sf.profileSchema());
  for (const f of fs.readdirSync(path.join(root, 'profiles'))) {
    const doc = JSON.parse(fs.readFileSync(path.join(root, 'profiles', f), 'utf8'));
    assert.ok(validateProfile(doc), `${f}: ${JSON.stringify(validateProfile.errors)}`);
  }
  assert.ok(validateProfile(brightwell));
  assert.equal(validateProfile({ id: 'a', title: 'A', values: { 'return-home-interview.hours': 'x' } }), false);
  // The schema in docs/ is the one the package gives.
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(root, 'docs/profile.schema.json'), 'utf8')), sf.profileSchema());
});

test('the same reports natively (the command line) and in wasm under the profile', () => {
  const bin = path.join(root, 'target', 'debug', 'safeguarding-forms');
  if (!fs.existsSync(bin)) execFileSync('cargo', ['build', '--quiet'], { cwd: root });
  const file = path.join(root, 'target', 'rhi-54h.json');
  fs.writeFileSync(file, JSON.stringify(interviewedAfter54Hours));
  let out;
  try {
    out = execFileSync(bin, ['validate', 'return-home-interview', file, '--json', '--today', '2025-06-02', '--stage', 'submit',
      '--profile', path.join(root, 'examples/profiles/brightwell.json')], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit 1: invalid
  }
  const native = JSON.parse(out);
  const wasm = sf.validate('return-home-interview', interviewedAfter54Hours, at('2025-06-02', { stage: 'submit' }));
  assert.deepEqual(wasm, native);
});
