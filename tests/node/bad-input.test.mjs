// Bad input against the built package (pkg/), on the referral (sf-referral): each case says, beside it, the safe
// behaviour expected of it. The same cases run in Chromium (tests/browser/bad-input.test.mjs): `defineCases` is plain
// JavaScript with no imports, so its source can be sent into a page. The Node-only parts (the native command line,
// the raw glue, a real trap inside wasm, garbage collection) follow it.
//
// Known bugs are `todo` tests: they run and report, but do not fail the suite. Each says what is wrong and where.

import test, { describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * The cases, as { name, expect, todo?, run() }. `sf` is the package; `env.withNow(iso, fn)` runs fn with the clock
 * at `iso`. Everything a case needs is inside this function (it is serialised into a browser page).
 */
export function defineCases(sf, env) {
  const F = 'sf-referral';
  const opts = { today: '2025-06-02', stage: 'submit' };
  const v = (data, o = opts) => sf.validate(F, data, o);
  const at = (r, p) => r.diagnostics.filter((d) => d.path === p);
  const codesAt = (r, p) => at(r, p).map((d) => d.code);
  const under = (r, p) => r.diagnostics.filter((d) => d.path === p || d.path.startsWith(`${p}/`));
  const fail = (msg) => {
    throw new Error(msg);
  };
  const show = (x) => JSON.stringify(x, (_k, y) => (typeof y === 'string' && y.length > 200 ? `${y.slice(0, 200)}…` : y));
  const eq = (a, b, msg) => {
    if (show(a) !== show(b)) fail(`${msg}: expected ${show(b)}, got ${show(a)}`);
  };
  const ok = (c, msg) => {
    if (!c) fail(msg);
  };
  const thrown = (fn) => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    return fail('expected a throw, got none');
  };
  /** A caller's mistake: an Error whose message names it, and wasm never entered. */
  const refusedBeforeWasm = (fn, re) => {
    const before = sf.__testing.rawCalls;
    const e = thrown(fn);
    ok(e instanceof Error, `expected an Error, got ${show(String(e))}`);
    ok(re.test(e.message), `message ${show(e.message)} does not match ${re}`);
    eq(sf.__testing.rawCalls, before, 'calls into wasm');
  };
  /** Every letter and digit moved on by one (a -> b, z -> a, 9 -> 0); everything else kept. */
  const shift = (text) => [...text].map((c) => {
    if (c === 'z') return 'a';
    if (c === 'Z') return 'A';
    if (c === '9') return '0';
    return /[a-yA-Y0-8]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 1) : c;
  }).join('');
  const runsOf = (text) => {
    const chars = [...text];
    const out = [];
    for (let i = 0; i + 6 <= chars.length; i += 1) out.push(chars.slice(i, i + 6).join(''));
    return out;
  };
  /**
   * No message repeats 6 characters in a row of what was typed. A run the input shares with a message by chance
   * (" child" in "'; DROP TABLE children") is only an echo if the message follows the input: `produce` is called
   * again with every letter and digit shifted, and then no message may hold the shifted run.
   */
  const noEcho = (produce, typed) => {
    const r = produce(typed);
    const shared = runsOf(typed).filter((run) => r.diagnostics.some((d) => d.message.includes(run)));
    if (shared.length === 0) return r;
    const again = produce(shift(typed));
    for (const run of shared) {
      const moved = shift(run);
      if (moved === run) continue;
      const d = again.diagnostics.find((x) => x.message.includes(moved));
      ok(!d, `${d?.code} at ${d?.path} repeats the input ${show(run)}: ${show(d?.message)}`);
    }
    return r;
  };
  const timed = (ms, fn) => {
    const t0 = Date.now();
    const out = fn();
    const took = Date.now() - t0;
    ok(took < ms, `took ${took} ms (bound ${ms} ms)`);
    return out;
  };
  const nested = (depth, leaf, wrap) => {
    let x = leaf;
    for (let i = 0; i < depth; i += 1) x = wrap(x);
    return x;
  };
  /** Every field's JSON Pointer from the form's schema, list rows as /0. */
  const pointersOf = (schema) => {
    const out = [];
    const walk = (node, at, depth) => {
      if (!node || depth > 10) return;
      if (node.$ref) return walk(schema.$defs[node.$ref.replace('#/$defs/', '')], at, depth + 1);
      for (const k of ['anyOf', 'oneOf']) for (const o of node[k] ?? []) walk(o, at, depth + 1);
      for (const [name, sub] of Object.entries(node.properties ?? {})) {
        const p = `${at}/${name}`;
        if (!out.includes(p)) out.push(p);
        walk(sub, p, depth + 1);
      }
      if (node.items) walk(node.items, `${at}/0`, depth + 1);
      return undefined;
    };
    walk(schema, '', 0);
    return out;
  };
  /** The data with `value` at pointer `p` (numeric segments are list rows). */
  const build = (p, value) => {
    const keys = p.split('/').slice(1);
    const root = {};
    let cur = root;
    keys.forEach((key, i) => {
      const k = /^\d+$/.test(key) ? Number(key) : key;
      if (i === keys.length - 1) {
        cur[k] = value;
      } else {
        cur[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
        cur = cur[k];
      }
    });
    return root;
  };
  const maxName = () => sf.schema(F).properties.referrer.properties.name.maxLength;

  return [
    // ---- dates ----
    {
      name: 'blank dates',
      expect: 'a blank date ("", spaces, a date input with every part blank, null) is a missing answer: the form\'s own REF-001 at submit, never a format error',
      run() {
        for (const blank of ['', '   ', '\u00a0', { day: '', month: '', year: '' }, { day: ' ' }, null]) {
          eq(codesAt(v({ referralDate: blank }), '/referralDate'), ['REF-001'], `blank ${show(blank)}`);
          eq(under(v({ referralDate: blank }), '/referralDate').length, 1, `only one diagnostic for ${show(blank)}`);
        }
      },
    },
    {
      name: 'partial dates',
      expect: 'a date input with parts missing is INP-002 at the first missing part, naming every missing part',
      run() {
        const r1 = v({ referralDate: { day: '3', month: '', year: '2025' } });
        eq(at(r1, '/referralDate/month').map((d) => [d.code, d.message]), [['INP-002', 'Date of the referral must include a month']], 'month missing');
        const r2 = v({ referralDate: { day: '', month: '5', year: '' } });
        eq(at(r2, '/referralDate/day').map((d) => [d.code, d.message]), [['INP-002', 'Date of the referral must include a day and year']], 'day and year missing');
        eq(codesAt(v({ referralDate: { year: '2025' } }), '/referralDate/day'), ['INP-002'], 'parts absent altogether');
      },
    },
    {
      name: 'impossible dates',
      expect: 'a date that does not exist is INP-003 "must be a real date", at the part at fault for a date input',
      run() {
        eq(codesAt(v({ referralDate: '2026-02-30' }), '/referralDate'), ['INP-003'], '30 February');
        eq(codesAt(v({ referralDate: '2025-02-29' }), '/referralDate'), ['INP-003'], '29 February in a common year');
        eq(codesAt(v({ referralDate: '2025-5-20' }), '/referralDate'), ['INP-003'], 'ISO text without leading zeros');
        eq(codesAt(v({ referralDate: '20/05/2025' }), '/referralDate'), ['INP-003'], 'a UK-style date in a text field');
        eq(codesAt(v({ referralDate: { day: '31', month: '4', year: '2025' } }), '/referralDate/day'), ['INP-003'], '31 April');
        eq(codesAt(v({ referralDate: { day: '0', month: '4', year: '2025' } }), '/referralDate/day'), ['INP-003'], 'day 0');
        eq(codesAt(v({ referralDate: { day: '1', month: '13', year: '2025' } }), '/referralDate/month'), ['INP-003'], 'month 13');
        eq(codesAt(v({ referralDate: { day: 1.5, month: 5, year: 2025 } }), '/referralDate/day'), ['INP-003'], 'a fractional day');
        eq(under(v({ referralDate: '2024-02-29' }), '/referralDate'), [], '29 February in a leap year is real');
        eq(under(v({ referralDate: { day: 20, month: 5, year: 2025 } }), '/referralDate'), [], 'numbers as parts are read');
      },
    },
    {
      name: 'two-digit and five-digit years',
      expect: 'a year that is not 4 digits is INP-004 at the year part, never guessed (no 25 -> 2025 pivot); as ISO text it is not a real date',
      run() {
        for (const year of ['25', '99', '0', '20255', '99999']) {
          eq(codesAt(v({ referralDate: { day: '3', month: '5', year } }), '/referralDate/year'), ['INP-004'], `year ${year}`);
        }
        eq(codesAt(v({ referralDate: '25-05-03' }), '/referralDate'), ['INP-003'], 'two-digit ISO');
        eq(codesAt(v({ referralDate: '20255-05-03' }), '/referralDate'), ['INP-003'], 'five-digit ISO');
        eq(codesAt(v({ referralDate: '+2025-05-03' }), '/referralDate'), ['INP-003'], 'signed ISO year');
      },
    },
    {
      name: 'dates beyond the years the calendar knows',
      expect: 'a real date before 1900 or after 2199 is INP-005; the same as an option or a working-day argument is a named Error',
      run() {
        for (const d of ['1899-12-31', '2200-01-01', '0000-01-01', '9999-12-31', { day: '1', month: '1', year: '1066' }]) {
          eq(codesAt(v({ referralDate: d }), '/referralDate'), ['INP-005'], `date ${show(d)}`);
        }
        eq(codesAt(v({ referralDate: '1900-01-01' }), '/referralDate'), [], 'the first day the calendar knows');
        eq(thrown(() => v({}, { today: '2200-01-01' })).message, 'invalid option: today must be a real date written YYYY-MM-DD', 'today 2200');
        eq(thrown(() => sf.addWorkingDays('2199-12-31', 1)).message, 'invalid option: the result is beyond the years the calendar knows', 'past 2199');
        eq(thrown(() => sf.workingDays('1899-12-31', '2025-01-01')).message, 'invalid option: from must be a real date written YYYY-MM-DD', 'from 1899');
        eq(sf.workingDays('1900-01-01', '2199-12-31') > 70000, true, 'the whole calendar counts');
      },
    },
    {
      name: 'number oddities',
      expect: 'numbers are plain decimal digits: "+1", "1e1", Arabic-Indic digits and "NaN" are INP-008; "4294967297", 1e308 and -1 are INP-009 (out of range); NaN and Infinity as JS numbers are JSON null, so blank',
      run() {
        const att = (x) => codesAt(v({ children: [{ attendancePercent: x }] }), '/children/0/attendancePercent');
        for (const [x, want] of [['85', []], [' 85.5 ', []], [85, []], [-0, []], ['0', []], ['100', []],
          ['+1', ['INP-008']], ['1e1', ['INP-008']], ['\u0661', ['INP-008']], ['NaN', ['INP-008']], ['1,5', ['INP-008']],
          ['0x10', ['INP-008']], ['', []], ['4294967297', ['INP-009']], [1e308, ['INP-009']], [-1, ['INP-009']],
          ['100.0001', ['INP-009']], [Number.NaN, []], [Infinity, []], [true, ['INP-008']], [[85], ['INP-008']]]) {
          eq(att(x), want, `attendance ${show(String(x))}`);
        }
        for (const day of ['+1', '1e1', '\u0661', '4294967297']) {
          eq(codesAt(v({ referralDate: { day, month: '5', year: '2025' } }), '/referralDate/day'), ['INP-003'], `day ${day}`);
        }
      },
    },
    {
      name: 'month names',
      expect: 'a month is 1-12, its full English name or first three letters (any case, "Sept" and a trailing dot too); anything else is INP-003 at the month part',
      run() {
        for (const month of ['June', 'jun', 'JUNE', 'Jun.', '6', '06', ' june ']) {
          eq(under(v({ referralDate: { day: '1', month, year: '2025' } }), '/referralDate'), [], `month ${show(month)}`);
        }
        for (const month of ['Sept', 'sept.', 'September', 'sep']) {
          eq(under(v({ referralDate: { day: '3', month, year: '2024' } }), '/referralDate'), [], `month ${show(month)}`);
        }
        for (const month of ['Juni', 'J', 'ju', '6.', '13', 'juin', 'Jüne', '006']) {
          eq(codesAt(v({ referralDate: { day: '1', month, year: '2025' } }), '/referralDate/month'), ['INP-003'], `month ${show(month)}`);
        }
      },
    },
    {
      name: 'today near midnight in British Summer Time',
      expect: 'the default today is the Europe/London date, not UTC\'s nor the machine\'s: 23:30Z on 1 June 2025 is already 2 June in London; a session keeps the today it was made with',
      run() {
        const future = (data) => v(data, { stage: 'submit' }).diagnostics.some((d) => d.code === 'REF-013');
        env.withNow('2025-06-01T23:30:00Z', () => {
          eq(future({ referralDate: '2025-06-02' }), false, '2 June is today in London');
          eq(future({ referralDate: '2025-06-03' }), true, '3 June is tomorrow');
        });
        env.withNow('2025-06-01T22:59:00Z', () => eq(future({ referralDate: '2025-06-02' }), true, '23:59 BST on 1 June'));
        env.withNow('2025-01-15T23:30:00Z', () => eq(future({ referralDate: '2025-01-16' }), true, 'GMT in winter: still 15 January'));
        env.withNow('2025-03-30T00:30:00Z', () => eq(future({ referralDate: '2025-03-30' }), false, 'before the clocks go forward'));
        env.withNow('2025-10-25T23:30:00Z', () => eq(future({ referralDate: '2025-10-26' }), false, 'the night the clocks go back'));
        const s = env.withNow('2025-06-01T22:59:00Z', () => new sf.FormSession(F, { stage: 'submit' }));
        env.withNow('2025-06-01T23:30:00Z', () => {
          const r = s.set('/referralDate', '2025-06-02');
          eq(r.diagnostics.some((d) => d.code === 'REF-013'), true, 'the session made at 23:59 keeps 1 June as today');
        });
        s.free();
      },
    },
    // ---- characters ----
    {
      name: 'invisible characters are normalised',
      expect: 'no-break spaces, zero-width spaces, soft hyphens and BOMs from a paste are cleaned before dates, options and numbers are read',
      run() {
        const r = v({
          referralDate: '\u00a02025-05-\u00ad01\u200b',
          receivedOn: { day: '\u200b2', month: '\u00a0May', year: '2025\u00ad' },
          route: '\ufeffhealth\u200b',
          children: [{ name: 'C', dateOfBirth: '2012-01-15', attendancePercent: '\u00a085\u00a0' }],
        });
        eq(under(r, '/referralDate'), [], 'date with invisible characters');
        eq(under(r, '/receivedOn'), [], 'date parts with invisible characters');
        eq(under(r, '/route'), [], 'an option with a BOM and a zero-width space');
        eq(under(r, '/children/0/attendancePercent'), [], 'a number with no-break spaces');
        eq(codesAt(v({ route: 'health', referrer: { name: '\u200b\u00ad' } }), '/referrer/name'), ['REF-001'], 'only invisible characters is blank');
      },
    },
    {
      name: 'emoji and combining characters count in UTF-16 code units',
      expect: 'text length is counted as a browser\'s maxlength counts (UTF-16 code units, String.prototype.length): INP-007 exactly when length > maxLength',
      run() {
        const max = maxName();
        eq(max, 500, 'referrer name maxLength');
        const samples = ['😀'.repeat(250), `${'😀'.repeat(250)}a`, 'e\u0301'.repeat(250), `${'e\u0301'.repeat(250)}x`,
          '👨‍👩‍👧‍👦'.repeat(45), `${'👨‍👩‍👧‍👦'.repeat(45)}😀😀😀`, 'a'.repeat(500), 'a'.repeat(501), '李'.repeat(500), '𠜎'.repeat(251)];
        for (const name of samples) {
          const over = codesAt(v({ referrer: { name } }), '/referrer/name').includes('INP-007');
          eq(over, name.length > max, `${name.length} UTF-16 units (${[...name].length} code points)`);
        }
      },
    },
    {
      name: 'lone surrogates are reported at their field',
      expect: 'a lone surrogate (a broken paste) is INP-013 "contains a character that cannot be read" at its own field; the rest of the form is still checked; nothing throws',
      run() {
        const r = v({ referrer: { name: 'O\ud800Brien' }, route: 'x\udc00', referralDate: '2026-02-30' });
        eq(codesAt(r, '/referrer/name'), ['INP-013'], 'a lone high surrogate in text');
        eq(codesAt(r, '/route'), ['INP-013'], 'a lone low surrogate in an option');
        eq(codesAt(r, '/referralDate'), ['INP-003'], 'the rest is checked');
        eq(codesAt(v({ referralDate: '2025-05-2\ud800' }), '/referralDate'), ['INP-013'], 'in ISO date text');
        ok(v({ ['\ud800key']: 1 }).diagnostics.some((d) => d.code === 'INP-015'), 'in a key: an unknown field');
        const s = new sf.FormSession(F, opts);
        eq(codesAt(s.set('/referrer/name', '\udfff'), '/referrer/name'), ['INP-013'], 'through a session');
        eq(codesAt(s.set('/referrer/name', '😀'), '/referrer/name'), [], 'a proper pair is fine');
        s.free();
      },
    },
    {
      name: 'lone surrogate in a date part',
      expect: 'INP-013 at the date part that holds the broken character, as for text fields',
      run() {
        eq(codesAt(v({ referralDate: { day: '\ud800', month: '1', year: '2025' } }), '/referralDate/day'), ['INP-013'], 'lone surrogate in the day');
      },
    },
    {
      name: 'legitimate names are accepted',
      expect: 'apostrophes, diacritics (composed or not), hyphens, Irish and Welsh spellings, other scripts: no diagnostic at the name',
      run() {
        for (const name of ["O'Brien", 'O’Brien', 'Zoë', 'Zoe\u0308', 'Nguyễn', 'Siân', 'Ní Bhriain', 'José-María', '李小龍', 'Ōkubo',
          'Łukasz Żółć', 'Ελένη', 'Мария', 'محمد', "D'Arcy-Smith", 'X Æ A-12']) {
          const r = v({ referrer: { name }, children: [{ name, dateOfBirth: '2012-01-15' }], adults: [{ name }] });
          eq([...under(r, '/referrer/name'), ...under(r, '/children/0/name'), ...under(r, '/adults/0/name')], [], name);
        }
      },
    },
    {
      name: 'markup and script payloads are never echoed',
      expect: 'whatever is typed into any field (text, option, date, date part, number, email, phone, postcode, an unknown field) never appears in a message; validation neither throws nor runs it',
      run() {
        const payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(document.cookie)>', '{{constructor.constructor("alert(1)")()}}',
          '${alert(1)}', 'javascript:alert(1)', "'; DROP TABLE children;--", '<svg/onload=alert(1)>', '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
          'Robert\'); DROP TABLE Students;--', 'canary-7f3a9q-do-not-echo'];
        for (const p of payloads) {
          const r = noEcho((x) => v({
            referralDate: x, receivedOn: { day: x, month: x, year: x }, route: x, service: x,
            referrer: { name: x, agency: x, email: x, phone: x }, address: { line1: x, postcode: x },
            children: [{ name: x, dateOfBirth: x, attendancePercent: x, missingEpisodes: [x] }], criteria: [{ id: x, evidence: x }],
            [x]: x,
          }), p);
          ok(r.diagnostics.length > 0, 'the payload is diagnosed');
          for (const field of ['/referrer/email', '/route', '/referrer/phone', '/address/postcode', '/children/0/dateOfBirth']) {
            noEcho((x) => {
              const s = new sf.FormSession(F, opts);
              const out = s.set(field, x);
              s.free();
              return out;
            }, p);
          }
        }
      },
    },
    // ---- size ----
    {
      name: '10 MB strings',
      expect: 'a 10 MB paste is one INP-007 at its field in bounded time (< 5 s), with a short message; a session takes it too',
      run() {
        const big = 'x'.repeat(10 * 1024 * 1024);
        const r = timed(5000, () => v({ referrer: { name: big }, referralDate: '2025-05-20' }));
        eq(codesAt(r, '/referrer/name'), ['INP-007'], '10 MB name');
        ok(r.diagnostics.every((d) => d.message.length < 300), 'short messages');
        eq(codesAt(timed(5000, () => v({ referralDate: big })), '/referralDate'), ['INP-003'], '10 MB in a date');
        const s = new sf.FormSession(F, opts);
        eq(codesAt(timed(5000, () => s.set('/address/line1', `é${big}`)), '/address/line1'), ['INP-007'], '10 MB through a session');
        s.free();
      },
    },
    {
      name: '100,000 fields',
      expect: 'unknown fields are kept but not checked: one INP-015 (info) for the object, "100000 fields", at most 10 related paths, in bounded time (< 5 s)',
      run() {
        const data = { referralDate: '2025-05-20' };
        for (let i = 0; i < 100000; i += 1) data[`field${i}`] = i;
        const r = timed(5000, () => v(data));
        const unknown = r.diagnostics.filter((d) => d.code === 'INP-015');
        eq(unknown.length, 1, 'one diagnostic');
        ok(unknown[0].message.includes('100000 fields'), unknown[0].message);
        eq(unknown[0].severity, 'info', 'severity');
        eq(unknown[0].related.length, 10, 'related paths');
      },
    },
    {
      name: 'nesting 1,000 deep',
      expect: 'a value nested deeper than the engine keeps (64) is cut: a diagnostic at its field, the rest checked',
      run() {
        const r = v({ referrer: { name: nested(1000, 'x', (x) => [x]) }, route: 'nope' });
        eq(codesAt(r, '/referrer/name'), ['INP-001'], 'nested lists where text belongs');
        eq(codesAt(r, '/route'), ['INP-006'], 'the rest is checked');
        const s = new sf.FormSession(F, opts);
        eq(codesAt(s.set('/referrer/name', nested(1000, 1, (x) => ({ a: x }))), '/referrer/name'), ['INP-001'], 'through a session');
        s.free();
      },
    },
    {
      name: 'nesting 100,000 deep',
      expect: 'the same as 1,000 deep: a diagnostic at the field, nothing thrown',
      run() {
        const r = v({ referrer: { name: nested(100000, 'x', (x) => [x]) } });
        ok(r.diagnostics.some((d) => d.path === '/referrer/name'), 'a diagnostic at the field');
      },
    },
    {
      name: 'a JSON Pointer 10,000 segments deep',
      expect: 'no trap (no re-instantiation): a named Error or a report',
      run() {
        const s = new sf.FormSession(F, opts);
        const heals = sf.__testing.heals;
        try {
          s.set(`/x${'/a'.repeat(10000)}`, 1);
        } catch (e) {
          ok(/JSON Pointer/.test(e.message), e.message);
        }
        eq(sf.__testing.heals, heals, 're-instantiations');
        s.free();
      },
    },
    {
      name: 'a refused edit leaves the session as it was',
      expect: 'an edit the engine refuses (a named Error) changes neither data() nor report()',
      run() {
        const s = new sf.FormSession(F, opts);
        s.set('/route', 'health');
        const data = s.data();
        const report = s.report();
        eq(thrown(() => s.set('/route/3', 'x')).message, 'invalid JSON Pointer: the list index is beyond the end of the list', 'refused');
        eq(s.data(), data, 'data()');
        eq(s.report(), report, 'report()');
        eq(s.report(), sf.validate(F, s.data(), opts), 'report() is validate(data())');
        s.free();
      },
    },
    // ---- JavaScript values that are not data ----
    {
      name: 'cyclic objects, BigInt, Symbols, throwing getters and Proxies',
      expect: 'a caller\'s mistake: a TypeError naming it, thrown before wasm is entered (no call into wasm); a Symbol-keyed or function-valued property is not data and is left out, as JSON.stringify does',
      run() {
        const cyclic = { referralDate: '2025-05-20' };
        cyclic.self = cyclic;
        refusedBeforeWasm(() => v(cyclic), /cannot be converted to JSON/);
        const deepCycle = { children: [{ name: 'C' }] };
        deepCycle.children[0].parent = deepCycle;
        refusedBeforeWasm(() => v(deepCycle), /cannot be converted to JSON/);
        refusedBeforeWasm(() => v({ children: [{ attendancePercent: 85n }] }), /BigInt/);
        refusedBeforeWasm(() => v({ route: Symbol('health') }), /Symbol/);
        refusedBeforeWasm(() => v({ get route() { throw new Error('getter failed'); } }), /cannot be converted to JSON: getter failed/);
        refusedBeforeWasm(() => v({ toJSON() { throw new Error('toJSON failed'); } }), /toJSON failed/);
        refusedBeforeWasm(() => v(new Proxy({}, { ownKeys() { throw new Error('trap failed'); } })), /trap failed/);
        // Its prototype is never asked for (JSON.stringify does not ask either).
        eq(v(new Proxy({}, { getPrototypeOf() { throw new Error('no prototype'); } })), v({}), 'a Proxy read as JSON.stringify reads it');
        // Any other object is read by its own enumerable fields, as JSON.stringify reads it (api.md): a Map has none,
        // an inherited field is not one, a class instance's are (issue 18: these were refused as "not plain").
        eq(v(new Map([['route', 'health']])), v({}), 'a Map: no own enumerable fields');
        eq(v(Object.create({ route: 'health' })), v({}), 'an inherited field is not read');
        class Referral { constructor() { this.route = 'health'; } get referralDate() { return '2025-05-20'; } }
        eq(v(new Referral()), v({ route: 'health' }), 'a class instance: its own fields');
        // An object that JSON.stringify turns into something else than an object is not data.
        refusedBeforeWasm(() => v(new Date()), /plain object/);
        refusedBeforeWasm(() => v(new String('x')), /plain object/);
        refusedBeforeWasm(() => v({ toJSON: () => [1] }), /plain object/);
        const s = new sf.FormSession(F, opts);
        refusedBeforeWasm(() => s.set('/route', 10n), /BigInt/);
        refusedBeforeWasm(() => s.set('/children/0', cyclic), /cannot be converted to JSON/);
        refusedBeforeWasm(() => s.load(cyclic), /cannot be converted to JSON/);
        refusedBeforeWasm(() => s.set(Symbol('p'), 1), /JSON Pointer/);
        refusedBeforeWasm(() => sf.validate(F, {}, { today: 20250602n }), /BigInt/);
        refusedBeforeWasm(() => sf.validate(Symbol('f'), {}), /unknown form/);
        eq(s.set('/route', 'health').form, F, 'the session still works');
        s.free();
        // Not data, left out: a benign Proxy is read through, Symbol keys and functions are skipped.
        eq(under(v(new Proxy({ route: 'health' }, {})), '/route'), [], 'a plain Proxy');
        const r = v({ route: 'health', [Symbol('x')]: 'y', fn() {} });
        ok(!r.diagnostics.some((d) => d.code === 'INP-015'), 'no unknown fields from a Symbol key or a method');
      },
    },
    {
      name: 'a Symbol or a BigInt anywhere: inside a list, behind a toJSON, deeper than the engine reads',
      expect: 'refused as a caller\'s mistake wherever it is (plain data crosses without the replacer, so what the wrapper walks must find every one JSON.stringify would drop)',
      run() {
        refusedBeforeWasm(() => v({ children: [{ name: 'A', tags: ['x', [Symbol('s')]] }] }), /Symbol/);
        refusedBeforeWasm(() => v({ children: [{ name: 'A', extra: { toJSON: () => ({ s: Symbol('s') }) } }] }), /Symbol/);
        refusedBeforeWasm(() => v({ extra: { toJSON: () => [1n] } }), /BigInt/);
        refusedBeforeWasm(() => v(Object.assign(Object.create(null), { route: Symbol('r') })), /Symbol/);
        let deep = Symbol('deep');
        for (let i = 0; i < 80; i++) deep = i % 2 ? { x: deep } : [deep];
        refusedBeforeWasm(() => v({ extra: deep }), /Symbol/);
        refusedBeforeWasm(() => sf.validate(F, {}, { today: '2025-06-02', extra: [Symbol('o')] }), /Symbol/);
        const s = new sf.FormSession(F, opts);
        refusedBeforeWasm(() => s.set('/children', [{ name: 'A', tags: [Symbol('t')] }]), /Symbol/);
        s.free();
      },
    },
    {
      name: 'random JavaScript values, each read as JSON.stringify with the strict replacer reads it',
      expect: 'a report the same as for the data\'s JSON text read back, or the same caller\'s mistake: plain data, Dates, toJSON, class instances, null prototypes, getters, functions, NaN and holes alike',
      run() {
        let seed = 20261203;
        const next = () => {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          return seed / 2147483648;
        };
        const pick = (xs) => xs[Math.floor(next() * xs.length)];
        const replacer = (_k, x) => {
          if (typeof x === 'bigint') throw new TypeError('data cannot contain a BigInt');
          if (typeof x === 'symbol') throw new TypeError('data cannot contain a Symbol');
          return x;
        };
        class Row { constructor(x) { this.name = x; } }
        const leaf = () => (next() < 0.02 ? pick([Symbol('s'), 7n]) : pick([
          () => pick(['2025-05-20', 'health', '', ' x ', 'é\u0000"\\', '31/02/2025']),
          () => pick([0, -0, 85.5, 1e21, NaN, Infinity, -1]),
          () => pick([true, false, null, undefined]),
          () => () => 1,
          () => new Date(Date.UTC(2025, 4, 20)),
        ])());
        const node = (depth) => {
          if (depth > 3 || next() < 0.35) return leaf();
          const n = Math.floor(next() * 4);
          const kind = pick(['array', 'object', 'null-proto', 'class', 'toJSON', 'getter', 'sparse']);
          const kids = Array.from({ length: n }, () => node(depth + 1));
          const keys = ['name', 'dateOfBirth', 'unborn', 'send', 'x'];
          const obj = (o) => {
            kids.forEach((k, i) => { o[keys[i % keys.length] + (i >= keys.length ? i : '')] = k; });
            return o;
          };
          if (kind === 'array') return kids;
          if (kind === 'sparse') { const a = new Array(n + 2); kids.forEach((k, i) => { a[i * 2] = k; }); return a; }
          if (kind === 'object') return obj({});
          if (kind === 'null-proto') return obj(Object.create(null));
          if (kind === 'class') return obj(new Row(kids[0]));
          if (kind === 'toJSON') {
            const to = kids.length ? kids : node(depth + 1);
            return { toJSON: () => to };
          }
          const g = obj({});
          Object.defineProperty(g, 'name', { enumerable: true, get: () => kids[0] });
          return g;
        };
        let refused = 0;
        let compared = 0;
        for (let i = 0; i < 400; i++) {
          const data = { referralDate: node(2), route: node(3), children: [node(1), node(2)], adults: node(1), extra: node(0) };
          let text;
          try {
            text = JSON.stringify(data, replacer);
          } catch (e) {
            refused += 1;
            refusedBeforeWasm(() => v(data), new RegExp(e.message.replace(/.*(Symbol|BigInt).*/, '$1')));
            continue;
          }
          compared += 1;
          eq(v(data), v(JSON.parse(text)), `case ${i}`);
        }
        ok(refused > 40 && compared > 200, `both kinds met: ${refused} refused, ${compared} compared`);
      },
    },
    {
      name: '__proto__ and constructor as field names',
      expect: 'ordinary unknown keys: INP-015 counts them, no prototype is polluted, no field is read through them; an object literal whose __proto__ sets a prototype is read by its own fields only',
      run() {
        const data = JSON.parse('{"__proto__":{"route":"health"},"constructor":{"prototype":{"polluted":true}},"toString":"x","referralDate":"2025-05-20"}');
        const r = v(data);
        const unknown = r.diagnostics.filter((d) => d.code === 'INP-015' && d.path === '');
        eq(unknown.length, 1, 'one INP-015 at the top');
        ok(unknown[0].message.includes('3 fields'), unknown[0].message);
        eq(codesAt(r, '/route'), ['REF-001'], 'route is not read through __proto__');
        eq({}.polluted, undefined, 'Object.prototype untouched');
        eq({}.route, undefined, 'Object.prototype untouched');
        const s = new sf.FormSession(F, opts);
        s.set('/__proto__/route', 'health');
        s.set('/constructor/prototype/polluted', true);
        const d = s.data();
        eq(Object.getPrototypeOf(d), Object.prototype, 'data() is a plain object');
        eq(Object.keys(d).sort(), ['__proto__', 'constructor'], 'own keys');
        eq(d.route, undefined, 'no route inherited');
        eq({}.polluted, undefined, 'Object.prototype untouched');
        ok(s.report().diagnostics.some((x) => x.code === 'INP-015'), 'unknown fields');
        s.free();
        eq(v({ __proto__: { route: 'health' } }), v({}), 'a prototype set by __proto__ is not read');
      },
    },
    {
      name: 'wrong types everywhere',
      expect: 'any JSON value at any field of the form, in validate or a session, is a diagnostic or accepted: never a throw, paths are JSON Pointers into the form',
      run() {
        const wrong = [null, true, false, 0, -1, 1.5, 1e308, '', ' ', 'x', '\u0000', [], {}, [null], [[]], { a: 1 }, { day: [] }];
        const pointers = pointersOf(sf.schema(F));
        ok(pointers.length > 30, `pointers ${pointers.length}`);
        const s = new sf.FormSession(F, opts);
        for (const p of pointers) {
          for (const w of wrong) {
            const data = build(p, w);
            const r = v(data);
            eq(r.form, F, `${p} = ${show(w)}`);
            ok(r.diagnostics.every((d) => d.path === '' || d.path.startsWith('/')), `paths for ${p}`);
            const r2 = s.set(p, w);
            ok(typeof r2.valid === 'boolean', `session ${p} = ${show(w)}`);
          }
          s.remove(p.split('/').slice(0, 2).join('/'));
        }
        s.free();
      },
    },
    {
      name: 'the whole form as a wrong type',
      expect: 'data that is not a plain object is a caller\'s mistake, named, before wasm; options that are not an object likewise',
      run() {
        for (const d of [null, undefined, [], 'x', 1, true, () => 1]) refusedBeforeWasm(() => v(d), /plain object/);
        for (const o of [[], 'x', 1, true]) refusedBeforeWasm(() => v({}, o), /options must be an object/);
      },
    },
  ];
}

/** Replaces the global Date so that `new Date()` and `Date.now()` give `iso`; for the default "today". */
export function withNow(iso, fn) {
  const RealDate = globalThis.Date;
  const fixed = new RealDate(iso).getTime();
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixed);
      else super(...args);
    }

    static now() {
      return fixed;
    }
  }
  globalThis.Date = FixedDate;
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}

const isMain = process.argv[1] && pathToFileURL(fs.realpathSync(process.argv[1])).href === import.meta.url;

if (isMain) {
  const { sf, root, wasmBytes, opts } = await import('./load-hooks.mjs');

  describe('bad input (sf-referral)', () => {
    for (const c of defineCases(sf, { withNow })) {
      test(`${c.name} — ${c.expect}`, c.todo ? { todo: c.todo } : {}, () => c.run());
    }
  });

  describe('bad input: Node only', () => {
    test('duplicate keys in JSON text: the last one wins (the native command line and the raw wasm export)', () => {
      const text = '{"route":"not-an-option","route":"health","referralDate":"2026-02-30","referralDate":"2025-05-20"}';
      // The raw export the wrapper calls (form id and options in one text, then the data; the wrapper itself only ever sends
      // JSON.stringify's output, which has no duplicate keys) reads JSON text exactly as the command line does
      // (api::validate_json).
      return import(pathToFileURL(path.join(root, 'pkg', 'safeguarding_forms.js')).href).then((glue) => {
        const r = JSON.parse(glue.validatePacked(`sf-referral\0${JSON.stringify(opts)}`, text));
        assert.deepEqual(r.diagnostics.filter((d) => d.path === '/route' || d.path === '/referralDate'), []);
      });
    });

    const cli = [process.env.CARGO_TARGET_DIR, path.join(root, 'target')].filter(Boolean)
      .map((d) => path.join(d, 'debug', 'safeguarding-forms')).find((p) => fs.existsSync(p));
    test('duplicate keys through the native command line', { skip: cli ? false : 'no target/debug/safeguarding-forms (cargo build first)' }, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-dup-'));
      try {
        const file = path.join(dir, 'dup.json');
        fs.writeFileSync(file, '{"route":"not-an-option","route":"health","referralDate":"2025-05-20"}');
        let out;
        try {
          out = execFileSync(cli, ['validate', 'sf-referral', file, '--today', '2025-06-02', '--json'], { encoding: 'utf8' });
        } catch (e) {
          out = e.stdout; // exit 1: not valid (other fields are missing)
        }
        const r = JSON.parse(out);
        assert.ok(!r.diagnostics.some((d) => d.path === '/route'), JSON.stringify(r.diagnostics));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    test('before init: a named Error, not a TypeError from inside the glue', async () => {
      const fresh = await import(`${pathToFileURL(path.join(root, 'pkg', 'index.js')).href}?before-init`);
      // A second copy of the wrapper shares the glue (already initialised by load-hooks.mjs), so only the wrapper's own
      // guard is visible here: it must not claim a report.
      assert.throws(() => fresh.validate('sf-referral', {}), /not initialised: call init\(\) or initSync\(\) first/);
    });
  });

  describe('self-healing after a trap', () => {
    const F = 'sf-referral';
    const UNAVAILABLE = {
      form: F,
      valid: false,
      diagnostics: [{ code: 'SYS-001', severity: 'error', path: '', message: 'Checks are unavailable for a moment; your answers are kept. Try again.', messageId: 'SYS-001.unavailable' }],
      outcome: null,
      unavailable: true,
    };
    const data = { referralDate: '2025-05-20', route: 'health', children: [{ name: 'C', dateOfBirth: '2031-01-01' }] };

    test('validate: the call that traps is "unavailable", never valid; the next call gives the report of before', () => {
      const before = sf.validate(F, data, opts);
      const memory = sf.__testing.memoryBytes();
      const heals = sf.__testing.heals;
      sf.__testing.trapNext();
      assert.deepEqual(sf.validate(F, data, opts), UNAVAILABLE);
      assert.equal(sf.__testing.heals, heals + 1, 're-instantiated once');
      assert.deepEqual(sf.validate(F, data, opts), before);
      assert.ok(sf.__testing.memoryBytes() > 0 && sf.__testing.memoryBytes() <= memory, 'a fresh instance');
    });

    test('FormSession: the trapping edit is "unavailable"; the same session\'s next set works on the data of before', () => {
      const s = new sf.FormSession(F, opts);
      for (const [k, val] of Object.entries(data)) s.set(`/${k}`, val);
      s.remove('/children/0/name');
      const before = s.report();
      const dataBefore = s.data();
      sf.__testing.trapNext();
      assert.deepEqual(s.set('/route', 'education'), UNAVAILABLE);
      // The edit that trapped is not applied; everything before it is.
      assert.deepEqual(s.report(), before);
      assert.deepEqual(s.data(), dataBefore);
      const next = s.set('/children/0/name', 'C');
      assert.deepEqual(next, sf.validate(F, data, opts), 'the next set gives the report of the whole data');
      assert.deepEqual(s.set('/route', 'education'), sf.validate(F, { ...data, route: 'education' }, opts));
      sf.__testing.trapNext();
      assert.deepEqual(s.report(), { ...UNAVAILABLE });
      assert.deepEqual(s.remove('/route'), sf.validate(F, { ...data, route: undefined }, opts));
      sf.__testing.trapNext();
      assert.deepEqual(s.load({ route: 'health' }), UNAVAILABLE);
      assert.deepEqual(s.data(), { referralDate: '2025-05-20', children: [{ name: 'C', dateOfBirth: '2031-01-01' }] });
      s.free();
    });

    test('a session rebuilt after hundreds of edits (snapshot plus edits since) is the session that was lost', () => {
      const s = new sf.FormSession(F, opts);
      s.load(data);
      let name = '';
      for (let i = 0; i < 700; i += 1) {
        name += String.fromCharCode(97 + (i % 26));
        s.set('/referrer/name', name);
        if (i % 50 === 0) {
          assert.throws(() => s.set('/children/9/name', 'x'), /beyond the end/); // refused edits are replayed too
        }
        if (i % 97 === 0) s.set('/adults/-', { name: `A${i}` });
      }
      const before = s.report();
      const dataBefore = s.data();
      sf.__testing.trapNext();
      assert.equal(s.set('/route', 'education').unavailable, true);
      assert.deepEqual(s.data(), dataBefore);
      assert.deepEqual(s.report(), before);
      assert.deepEqual(s.set('/route', 'education'), sf.validate(F, { ...dataBefore, route: 'education' }, opts));
      s.free();
    });

    test('every other function retries once on the new instance, and throws (never a wrong answer) if that traps too', () => {
      // (forms(), messages(), profileSchema() and profiles() read the package's catalogue and never enter wasm.)
      const outcome = sf.outcomeSchema(F);
      const schema = sf.schema(F);
      for (const [fn, want] of [[() => sf.outcomeSchema(F), outcome], [() => sf.schema(F), schema],
        [() => sf.rules(F).length, sf.rules(F).length], [() => sf.addWorkingDays('2025-12-24', 1), '2025-12-29'],
        [() => sf.workingDays('2025-12-24', '2025-12-31'), 3]]) {
        sf.__testing.trapNext();
        assert.deepEqual(fn(), want);
        sf.__testing.trapNext(2);
        assert.throws(fn, /Checks are unavailable for a moment/);
      }
      sf.__testing.trapNext();
      const s = new sf.FormSession(F, opts);
      assert.equal(s.set('/route', 'health').valid, false);
      s.free();
      sf.__testing.trapNext(2);
      assert.throws(() => new sf.FormSession(F, opts), /Checks are unavailable for a moment/);
      assert.equal(sf.validate(F, data, opts).form, F, 'and then it works');
    });

    test('a real trap: a broken wasm session says "recursive use" forever, the wrapper heals it', async () => {
      const glue = await import(pathToFileURL(path.join(root, 'pkg', 'safeguarding_forms.js')).href);
      // Make the engine's own error path throw through wasm, as a trap would: the import that builds a JS Error is
      // called while the session is borrowed, and the exception unwinds wasm without running Rust's destructors.
      const poison = (fn) => {
        const RealError = globalThis.Error;
        globalThis.Error = function PoisonedError() {
          throw new WebAssembly.RuntimeError('unreachable');
        };
        try {
          return fn();
        } catch (e) {
          return e;
        } finally {
          globalThis.Error = RealError;
        }
      };
      const raw = new glue.Session(F, JSON.stringify(opts));
      assert.ok(poison(() => raw.set('/children/9/name', '"x"')) instanceof WebAssembly.RuntimeError);
      assert.throws(() => raw.set('/route', '"health"'), /recursive use of an object detected/, 'the raw session is dead');

      const s = new sf.FormSession(F, opts);
      s.set('/route', 'health');
      const before = s.report();
      const heals = sf.__testing.heals;
      assert.deepEqual(poison(() => s.set('/children/9/name', 'x')), UNAVAILABLE);
      assert.equal(sf.__testing.heals, heals + 1);
      assert.deepEqual(s.report(), before);
      assert.deepEqual(s.set('/referralDate', '2025-05-20'), sf.validate(F, { route: 'health', referralDate: '2025-05-20' }, opts));
      s.free();
    });

    test('a session of the old instance: free() and garbage collection never touch the new instance', async () => {
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc');
      let sessions = Array.from({ length: 300 }, (_, i) => {
        const s = new sf.FormSession(F, opts);
        s.set('/referrer/name', `Name ${i}`);
        return s;
      });
      sf.__testing.trapNext();
      assert.equal(sf.validate(F, data, opts).unavailable, true);
      sessions.slice(0, 100).forEach((s) => s.free()); // old-instance sessions: free() must not free into the new one
      const expected = sf.validate(F, data, opts);
      const live = new sf.FormSession(F, opts);
      live.load(data);
      sessions = null; // the other 200 are collected: their finalizers belong to the old instance
      for (let i = 0; i < 5; i += 1) {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
      }
      for (let i = 0; i < 200; i += 1) {
        const t = new sf.FormSession(F, opts);
        t.set('/referrer/name', 'x'.repeat(i));
        assert.deepEqual(sf.validate(F, data, opts), expected);
        t.free();
      }
      assert.deepEqual(live.report(), expected);
      live.free();
    });

    test('a caller\'s mistake is not a trap: no re-instantiation, a named Error', () => {
      const heals = sf.__testing.heals;
      assert.throws(() => sf.validate('nope', {}), /unknown form: "nope"/);
      const s = new sf.FormSession(F, opts);
      assert.throws(() => s.set('/a~2', 1), /invalid JSON Pointer/);
      s.free();
      assert.throws(() => s.report(), /has been freed/);
      s.free(); // twice is fine
      assert.equal(sf.__testing.heals, heals);
    });
  });

  // Keep wasmBytes referenced: load-hooks.mjs initialises from it.
  assert.ok(wasmBytes.length > 0);
}
