// The module keeps the last options it resolved (src/wasm.rs, LAST_OPTIONS): a host checking record after record
// under the same options (a council's profile document among them) has them read, checked and resolved once. A report
// must never depend on what was checked before it: every record under every options set gives the same report
// whether the options were just resolved (the call before had other options) or reused (the call before had the
// same), and options that differ give the reports they should (so reusing stale options would show).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sf, root, eligibleReferral } from './load.mjs';

const brightwell = JSON.parse(fs.readFileSync(path.join(root, 'examples', 'profiles', 'brightwell.json'), 'utf8'));

const OPTION_SETS = {
  submit: { today: '2025-06-02', stage: 'submit' },
  draft: { today: '2025-06-02', stage: 'draft' },
  'a year later': { today: '2026-06-02', stage: 'submit' },
  'telford-wrekin': { today: '2025-06-02', stage: 'submit', profile: 'telford-wrekin' },
  'a profile document': { today: '2025-06-02', stage: 'submit', profile: brightwell },
  'a message table': { today: '2025-06-02', stage: 'submit', messages: { 'REF-001.assessment-or-plan': 'Rhowch yr asesiad neu’r cynllun' } },
};

function records() {
  const eligible = eligibleReferral();
  // Each options set gives its own report for one of these at least (checked below): REF-001 (draft: info; the
  // message table: its text), a referral date after 2 June 2025 (not a year later), a locality on one council's list
  // and not on the other's.
  const broken = (locality) => {
    const r = eligibleReferral();
    delete r.assessment;
    delete r.plan;
    r.referralDate = '2025-12-01';
    r.locality = locality;
    return r;
  };
  return { eligible, 'broken, north': broken('north'), 'broken, hadley-castle': broken('hadley-castle') };
}

const report = (data, options) => JSON.stringify(sf.validate('sf-referral', data, options));

test('a report is the same whether its options were just resolved or reused from the call before', () => {
  const recs = records();
  const names = Object.keys(OPTION_SETS);
  // First: each options set straight after another one (resolved afresh).
  const fresh = {};
  for (const [i, name] of names.entries()) {
    for (const [r, data] of Object.entries(recs)) {
      report(recs.eligible, OPTION_SETS[names[(i + 1) % names.length]]);
      fresh[`${name}/${r}`] = report(data, OPTION_SETS[name]);
    }
  }
  // Then: the same options again and again (reused), in another order, and interleaved with other options.
  for (const name of [...names].reverse()) {
    for (const [r, data] of Object.entries(recs)) {
      for (let k = 0; k < 3; k += 1) assert.equal(report(data, OPTION_SETS[name]), fresh[`${name}/${r}`], `${name}, ${r}, call ${k + 1}`);
      // An equal options object that is another object (the module compares the options' text).
      assert.equal(report(data, JSON.parse(JSON.stringify(OPTION_SETS[name]))), fresh[`${name}/${r}`], `${name}, ${r}, a copy`);
    }
  }
  // Any two options sets give different reports for one record at least, so a stale set would be caught above.
  for (const a of names) {
    for (const b of names) {
      if (a < b) assert.ok(Object.keys(recs).some((r) => fresh[`${a}/${r}`] !== fresh[`${b}/${r}`]), `${a} and ${b} give the same reports`);
    }
  }
});

test('options the module refuses are refused every time, and do not disturb the options kept', () => {
  const data = records()['broken, north'];
  const good = report(data, OPTION_SETS.submit);
  for (let k = 0; k < 2; k += 1) {
    assert.throws(() => sf.validate('sf-referral', data, { today: '2025-06-02', profile: 'no-such-council' }), /profile/);
    assert.throws(() => sf.validate('sf-referral', data, { today: '2025-02-30' }), /today/);
    assert.equal(report(data, OPTION_SETS.submit), good);
  }
});
