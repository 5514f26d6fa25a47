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

// ---- A deeply frozen profile is made into JSON text once (js/index.js, `frozenText`) ----
// The wrapper keeps the JSON text of a profile the host has frozen deeply (it can never change) and reuses it; any
// other profile is made into text on every call. So: a frozen profile must give exactly the reports of an unfrozen
// copy, call after call and in every function that takes options; and a profile that can still change (not frozen,
// frozen only at the top, or frozen with a getter inside) must have every change seen at the next call.

function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    for (const x of Object.values(value)) deepFreeze(x);
    Object.freeze(value);
  }
  return value;
}

const clone = (x) => structuredClone(x);
/** The referral in `locality`, under `profile` (brightwell's 2025 version applies on 2 June 2025). */
const localityCodes = (locality, profile) => {
  const data = { ...eligibleReferral(), locality };
  return sf.validate('sf-referral', data, { today: '2025-06-02', profile }).diagnostics
    .filter((d) => d.path === '/locality').map((d) => d.code);
};

test('a deeply frozen profile gives the reports, rules and sessions its unfrozen copy gives, call after call', () => {
  const frozen = deepFreeze(clone(brightwell));
  const frozenOne = deepFreeze(clone(brightwell[1]));
  const recs = records();
  for (const [name, profile] of [['the versions', frozen], ['one version', frozenOne]]) {
    const copy = JSON.parse(JSON.stringify(profile));
    for (const stage of ['draft', 'submit']) {
      for (const today of ['2025-06-02', '2026-06-02']) {
        for (const [r, data] of Object.entries(recs)) {
          const expected = report(data, { today, stage, profile: copy });
          for (let k = 0; k < 3; k += 1) assert.equal(report(data, { today, stage, profile }), expected, `${name}, ${stage}, ${today}, ${r}, call ${k + 1}`);
          // The other options in another order, with one left undefined (JSON.stringify leaves it out).
          assert.equal(report(data, { profile, stage, closures: undefined, today }), expected, `${name}, ${stage}, ${today}, ${r}, keys in another order`);
        }
      }
    }
    const options = { today: '2025-06-02', stage: 'submit', profile };
    const copyOptions = { ...options, profile: copy };
    assert.deepEqual(sf.rules('return-home-interview', options), sf.rules('return-home-interview', copyOptions), name);
    assert.deepEqual(sf.schema('sf-referral', { profile }), sf.schema('sf-referral', { profile: copy }), name);
    assert.equal(sf.workingDays('2025-12-24', '2026-01-05', options), sf.workingDays('2025-12-24', '2026-01-05', copyOptions), name);
    const [a, b] = [new sf.FormSession('sf-referral', options), new sf.FormSession('sf-referral', copyOptions)];
    assert.deepEqual(a.load(recs['broken, north']), b.load(recs['broken, north']), name);
    assert.deepEqual(a.set('/locality', 'central'), b.set('/locality', 'central'), name);
    a.free();
    b.free();
  }
  // The list applies: 'central' is not on the 2025 list, 'north' is.
  assert.deepEqual(localityCodes('central', frozen), ['INP-006']);
  assert.deepEqual(localityCodes('north', frozen), []);
});

test('two deeply frozen profiles in turn, with the same other options: each call is checked under its own', () => {
  const without = deepFreeze(clone(brightwell));
  const withCentral = clone(brightwell);
  withCentral[0].options['sf-referral']['/locality'].push('central');
  deepFreeze(withCentral);
  for (let k = 0; k < 3; k += 1) {
    assert.deepEqual(localityCodes('central', without), ['INP-006'], `call ${k + 1}, without central`);
    assert.deepEqual(localityCodes('central', withCentral), [], `call ${k + 1}, with central`);
    assert.deepEqual(localityCodes('central', withCentral), [], `call ${k + 1}, with central again`);
  }
  // The same profile under other options: the other options count too.
  const data = { ...eligibleReferral(), locality: 'central', referralDate: '2025-12-01' };
  const codes = (today) => sf.validate('sf-referral', data, { today, profile: withCentral }).diagnostics.map((d) => d.code);
  for (let k = 0; k < 2; k += 1) {
    assert.ok(codes('2025-06-02').includes('REF-013'), 'a referral date after today');
    assert.ok(!codes('2026-06-02').includes('REF-013'), 'a year later');
  }
});

test('a profile that can still change is read again at every call: a change made to it in place is seen', () => {
  const cases = {
    'not frozen': () => clone(brightwell),
    'frozen at the top only': () => Object.freeze(clone(brightwell)),
    'frozen but for one list': () => {
      const p = clone(brightwell);
      const list = p[0].options['sf-referral']['/locality'];
      deepFreeze(p);
      // Swap the frozen list for one that is not: everything else stays frozen.
      const open = [...list];
      const out = Object.freeze(p.map((v, i) => (i === 0 ? Object.freeze({ ...v, options: Object.freeze({ ...v.options, 'sf-referral': Object.freeze({ '/locality': open }) }) }) : v)));
      assert.ok(Object.isFrozen(out[0].options['sf-referral']) && !Object.isFrozen(open));
      return out;
    },
  };
  for (const [name, make] of Object.entries(cases)) {
    const profile = make();
    assert.deepEqual(localityCodes('central', profile), ['INP-006'], name);
    profile[0].options['sf-referral']['/locality'].push('central');
    assert.deepEqual(localityCodes('central', profile), [], `${name}: the change is seen`);
  }
  // A getter inside an otherwise frozen profile: what it gives at each call counts.
  let localities = ['north', 'south', 'east'];
  const version = clone(brightwell[0]);
  const sfOptions = {};
  Object.defineProperty(sfOptions, '/locality', { get: () => localities, enumerable: true });
  version.options['sf-referral'] = Object.freeze(sfOptions);
  const withGetter = Object.freeze([deepFreeze(version)]);
  assert.ok(Object.isFrozen(withGetter) && Object.isFrozen(withGetter[0].options['sf-referral']));
  assert.deepEqual(localityCodes('central', withGetter), ['INP-006']);
  localities = ['central'];
  assert.deepEqual(localityCodes('central', withGetter), [], 'the getter is read again');
  assert.deepEqual(localityCodes('north', withGetter), ['INP-006'], 'the getter is read again');
});

test('a frozen profile the module refuses, or that JSON cannot hold, throws at every call as an unfrozen one does', () => {
  const data = eligibleReferral();
  const bad = deepFreeze({ ...clone(brightwell[0]), rules: { 'REF-999': { enabled: false } } });
  const withSymbol = deepFreeze({ ...clone(brightwell[0]), notes: [Symbol('x')] });
  const withBigInt = deepFreeze({ ...clone(brightwell[0]), values: { 'sf-referral.maxAge': 18n } });
  for (const profile of [bad, withSymbol, withBigInt]) {
    let first;
    try {
      sf.validate('sf-referral', data, { today: '2025-06-02', profile: { ...profile } });
    } catch (e) {
      first = e;
    }
    assert.ok(first instanceof TypeError, String(first));
    for (let k = 0; k < 3; k += 1) {
      assert.throws(() => sf.validate('sf-referral', data, { today: '2025-06-02', profile }), (e) => e instanceof TypeError && e.message === first.message);
    }
  }
  // And the options kept by the module are untouched: a good call after them gives its own report.
  assert.deepEqual(localityCodes('central', deepFreeze(clone(brightwell))), ['INP-006']);
});
