// Every form, random edit sequences at the form's own fields (taken from its schema()), through the npm package:
// after each edit the report FormSession returns (rebuilt in JavaScript from the deltas wasm sends) is deep-equal
// to validate() of the session's data, and so is report(). The same property as tests/session_random_edits.rs,
// across the boundary. SF_EDIT_SEQUENCES=n runs more sequences per form (default 6 of 30 edits).
import test from 'node:test';
import assert from 'node:assert/strict';
import { sf } from './load.mjs';

const SEQUENCES = Number(process.env.SF_EDIT_SEQUENCES ?? 6);
const EDITS = 30;
const TODAY = '2025-06-02';

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DATES = ['2025-06-02', '2025-05-20', '2025-05-01', '2025-06-30', '2024-01-15', '2012-03-04', '2026-02-30', '2099-01-01',
  { day: '20', month: '5', year: '2025' }, { day: '3', month: 'Sept', year: '2015' }, { day: '31', month: '2', year: '2025' },
  { day: '1', month: '', year: '' }, { day: '1', month: '1', year: '25' }, '20/05/2025', 12];

function leafValues(s) {
  const v = [null, '', ['x'], {}, '\ufffd', ' \u200btext '];
  if (Array.isArray(s.enum)) v.push(...s.enum, 'not-an-option');
  else if (s.$ref) v.push(...DATES);
  else if (Array.isArray(s.anyOf)) {
    const first = s.anyOf[0];
    if (first.minimum !== undefined) v.push(first.minimum, first.maximum, Math.floor((first.minimum + first.maximum) / 2), first.maximum + 1, '3', 'x', 2.5);
    else v.push(true, false, 'yes', 'no', 'maybe');
  } else if (s.pattern) v.push('2025-05-20T14:30', '2025-03-30T01:30', '2025-06-02T09:00', 'soon');
  else {
    v.push('Some words', 'name@example.com', '01632 960 001', 'SW1A 1AA', 'not valid', 42, true);
    if (s.maxLength !== undefined && s.maxLength <= 64) v.push('x'.repeat(70));
  }
  return v;
}

function targets(schema) {
  const out = [];
  const walk = (s, pointer, depth) => {
    if (s.properties) {
      if (pointer) out.push({ pointer, values: [null, {}, 'x', []] });
      for (const [k, child] of Object.entries(s.properties)) walk(child, `${pointer}/${k}`, depth + 1);
      out.push({ pointer: `${pointer}/notInTheForm`, values: ['x', { a: 1 }] });
    } else if (s.items) {
      out.push({ pointer, values: [null, [], 'x', [{}]] });
      if (depth < 6) for (const i of ['0', '1', '-']) walk(s.items, `${pointer}/${i}`, depth + 1);
    } else out.push({ pointer, values: leafValues(s) });
  };
  walk(schema, '', 0);
  return out;
}

const profiles = sf.profiles().map((p) => p.id);

for (const [n, form] of sf.forms().entries()) {
  test(`${form.id}: a session's report equals validate after random edits`, () => {
    const ts = targets(sf.schema(form.id));
    for (let i = 0; i < SEQUENCES; i += 1) {
      const seed = (n + 1) * 1_000_003 + i;
      const next = rng(seed);
      const pick = (xs) => xs[Math.floor(next() * xs.length)];
      const options = { today: TODAY, stage: i % 2 ? 'submit' : 'draft', ...(i % 3 === 2 ? { profile: profiles[Math.floor(i / 3) % profiles.length] } : {}) };
      const s = new sf.FormSession(form.id, options);
      const log = [];
      try {
        for (let step = 0; step < EDITS; step += 1) {
          const roll = next();
          let report;
          try {
            if (roll < 0.03) {
              const data = { ...s.data(), notInTheForm: step };
              log.push('load');
              report = s.load(data);
            } else if (roll < 0.18) {
              const t = pick(ts);
              log.push(`remove ${t.pointer}`);
              report = s.remove(t.pointer);
            } else {
              const t = pick(ts);
              const value = pick(t.values);
              log.push(`set ${t.pointer} ${JSON.stringify(value)}`);
              report = s.set(t.pointer, value);
            }
          } catch (e) {
            if (!/pointer|index/i.test(e.message)) throw e;
            report = null; // a refused pointer: the next report must still be right
          }
          const expected = sf.validate(form.id, s.data(), options);
          const context = `${form.id} seed ${seed} after:\n  ${log.join('\n  ')}`;
          if (report !== null) assert.deepEqual(report, expected, context);
          assert.deepEqual(s.report(), expected, context);
        }
      } finally {
        s.free();
      }
    }
  });
}
