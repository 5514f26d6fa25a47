// The JavaScript contract of spec/api.md, against the built wasm package.
import test from 'node:test';
import assert from 'node:assert/strict';
import { sf, opts, eligibleReferral } from './load.mjs';

test('forms() lists every form with counts', () => {
  const forms = sf.forms();
  const ref = forms.find((f) => f.id === 'sf-referral');
  assert.ok(ref);
  assert.equal(ref.title, 'Strengthening Families referral');
  assert.equal(ref.source, '002_01d3e803f2e17a39.txt');
  assert.ok(ref.fields >= 30, `fields ${ref.fields}`);
  assert.ok(ref.rules >= 16);
});

test('rules() gives every referral rule with a citation and fidelity', () => {
  const rules = sf.rules('sf-referral');
  const own = rules.filter((r) => r.form === 'sf-referral');
  assert.equal(own.length, sf.forms().find((f) => f.id === 'sf-referral').rules);
  for (const r of rules) {
    assert.match(r.code, /^[A-Z]+-\d{3}$/);
    assert.match(r.name, /^[a-z0-9-]+$/);
    assert.ok(['error', 'warning', 'info'].includes(r.severity));
    assert.ok(r.citation.document && r.citation.title && r.citation.section);
    assert.ok(['same', 'interpreted'].includes(r.citation.fidelity));
  }
  const criteria = own.find((r) => r.code === 'REF-002');
  assert.equal(criteria.citation.fidelity, 'interpreted');
  assert.equal(criteria.citation.section, 'Referral Criteria');
  assert.deepEqual(criteria.parameters.map((p) => [p.key, p.value]), [['sf-referral.domains', 3], ['sf-referral.subcategories', 5]]);
  assert.ok(rules.some((r) => r.form === '*' && r.code === 'INP-003'));
});

test('profiles() lists default', () => {
  assert.ok(sf.profiles().some((p) => p.id === 'default'));
});

test('schema() is JSON Schema 2020-12 generated from the model', () => {
  const s = sf.schema('sf-referral');
  assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(s.type, 'object');
  assert.equal(s.properties.route.enum.filter((v) => v).length, 13, 'the 13 routes, plus blank and null');
  assert.deepEqual(s.properties.children.type, ['array', 'null']);
  assert.equal(s.properties.children.items.properties.dateOfBirth.$ref, '#/$defs/date');
  assert.equal(s.properties.referrer.properties.email.title, "Referrer’s email address");
  assert.deepEqual(Object.keys(s.properties).slice(0, 3), ['referralDate', 'receivedOn', 'route'], 'page order');
});

test('a complete referral is valid and eligible', () => {
  const r = sf.validate('sf-referral', eligibleReferral(), opts);
  assert.equal(r.valid, true, JSON.stringify(r.diagnostics));
  assert.equal(r.outcome.eligible, true);
  assert.deepEqual(r.outcome.domainsMet, ['youth-crime', 'adult-crime', 'parenting']);
});

test('caller mistakes throw a named Error; a person\'s input never throws', () => {
  const throwsWith = (fn, re) => assert.throws(fn, (e) => e instanceof Error && re.test(e.message));
  throwsWith(() => sf.validate('nope', {}), /unknown form: "nope"/);
  throwsWith(() => sf.validate('sf-referral', []), /plain object/);
  throwsWith(() => sf.validate('sf-referral', null), /plain object/);
  throwsWith(() => sf.validate('sf-referral', 'x'), /plain object/);
  throwsWith(() => sf.validate('sf-referral', {}, { today: '2025-02-30' }), /today must be a real date/);
  throwsWith(() => sf.validate('sf-referral', {}, { stage: 'final' }), /stage/);
  throwsWith(() => sf.validate('sf-referral', {}, { profile: 'atlantis' }), /unknown profile: "atlantis"/);
  throwsWith(() => sf.validate('sf-referral', {}, { stgae: 'submit' }), /unknown option/);
  throwsWith(() => sf.schema('nope'), /unknown form/);
  throwsWith(() => sf.rules('nope'), /unknown form/);
  throwsWith(() => sf.carryForward('sf-referral', {}), /does not carry forward/);
  const cyclic = { a: 1 }; cyclic.self = cyclic;
  throwsWith(() => sf.validate('sf-referral', cyclic), /cannot be converted to JSON/);
  throwsWith(() => sf.validate('sf-referral', { n: 10n }), /BigInt/);
  throwsWith(() => sf.validate('sf-referral', { s: Symbol('x') }), /Symbol/);
  const s = new sf.FormSession('sf-referral', opts);
  throwsWith(() => s.set('referralDate', 'x'), /JSON Pointer/);
  throwsWith(() => s.set('/children/5/name', 'x'), /beyond the end/);
  throwsWith(() => s.set('/a~2b', 'x'), /~/);
  // The session still works after the mistakes.
  assert.equal(s.set('/referralDate', '2025-05-20').form, 'sf-referral');
  s.free();
  // Every kind of wrong value a person could send is a diagnostic, not a throw.
  for (const v of [null, 1, true, 'x', [], {}, [[[]]], { day: [] }, -0, 1e308, '\u0000']) {
    const r = sf.validate('sf-referral', { referralDate: v, route: v, children: v, criteria: v, referrer: v }, opts);
    assert.equal(r.form, 'sf-referral');
  }
});

test('dates: ISO text and GOV.UK parts, messages at the failing part, no two-digit year pivot', () => {
  const at = (data, path) => sf.validate('sf-referral', data, opts).diagnostics.filter((d) => d.path === path);
  assert.equal(at({ referralDate: { day: '30', month: '2', year: '2026' } }, '/referralDate/day')[0].message, 'Date of the referral must be a real date');
  assert.equal(at({ referralDate: { day: '3', month: '', year: '2025' } }, '/referralDate/month')[0].message, 'Date of the referral must include a month');
  assert.equal(at({ referralDate: { day: '', month: '', year: '2025' } }, '/referralDate/day')[0].message, 'Date of the referral must include a day and month');
  assert.equal(at({ referralDate: { day: '3', month: '5', year: '25' } }, '/referralDate/year')[0].code, 'INP-004');
  assert.equal(at({ referralDate: { day: '1', month: 'June', year: '2025' } }, '/referralDate').length, 0);
  assert.equal(at({ referralDate: { day: '3', month: 'sept', year: '2024' } }, '/referralDate').length, 0);
  assert.equal(at({ referralDate: '2026-02-30' }, '/referralDate')[0].message, 'Date of the referral must be a real date');
  assert.equal(at({ referralDate: '2025-06-03' }, '/referralDate')[0].message, 'Date of the referral must be today or in the past');
  assert.equal(at({ referralDate: '\u00a02025-05-01\u200b' }, '/referralDate').length, 0, 'invisible characters are cleaned');
});

test('working days: England and Wales bank holidays and closures', () => {
  assert.equal(sf.addWorkingDays('2025-12-24', 1), '2025-12-29');
  assert.equal(sf.addWorkingDays('2020-05-07', 1), '2020-05-11', 'VE day 2020 moved the early May bank holiday');
  assert.equal(sf.addWorkingDays('2022-06-01', 1), '2022-06-06', 'Platinum Jubilee');
  assert.equal(sf.addWorkingDays('2023-05-05', 1), '2023-05-09', 'Coronation');
  assert.equal(sf.workingDays('2025-12-24', '2025-12-31'), 3);
  assert.equal(sf.addWorkingDays('2025-06-02', 1, { closures: ['2025-06-03'] }), '2025-06-04');
  assert.equal(sf.addWorkingDays('2025-06-02', 0), '2025-06-02');
  assert.throws(() => sf.addWorkingDays('2025-06-02', 1.5), /whole number/);
  assert.throws(() => sf.workingDays('2025-13-01', '2025-12-01'), /from must be a real date/);
});

test('today defaults to the Europe/London date', () => {
  const london = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const r = sf.validate('sf-referral', { referralDate: london }, { stage: 'submit' });
  assert.ok(!r.diagnostics.some((d) => d.code === 'REF-013'), 'today is not in the future');
  const tomorrow = sf.addWorkingDays(london, 5);
  assert.ok(sf.validate('sf-referral', { referralDate: tomorrow }).diagnostics.some((d) => d.code === 'REF-013'));
});

test('the default today is the date Intl gives for Europe/London, at every clock change 1996-2037 and in between', () => {
  // The wrapper computes it by the engine's rule instead of with Intl (whose first use costs a page's first report
  // 15-18 ms): the two must agree wherever the rule is in force.
  const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  const minute = 60_000;
  const instants = [];
  for (let year = 1996; year <= 2037; year += 1) {
    for (const month of [2, 9]) {
      const last = new Date(Date.UTC(year, month + 1, 0));
      const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
      // Around the change (01:00 UTC) and around each midnight, London's and UTC's, of the days either side.
      for (const offset of [-61, -60, -1, 0, 1, 59, 60, 61]) instants.push(change + offset * minute);
      for (let day = -2; day <= 2; day += 1) {
        for (const m of [-61, -60, -1, 0, 1, 59, 60, 61]) instants.push(change - 60 * minute + day * 1440 * minute + m * minute);
      }
    }
    for (let month = 0; month < 12; month += 1) instants.push(Date.UTC(year, month, 15, 23, 30), Date.UTC(year, month, 1, 0, 30));
  }
  let seed = 20;
  for (let i = 0; i < 5000; i += 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    instants.push(Date.UTC(1996, 0, 1) + Math.floor((seed / 2 ** 31) * (Date.UTC(2038, 0, 1) - Date.UTC(1996, 0, 1))));
  }
  for (const t of instants) assert.equal(sf.__testing.londonToday(t), intl.format(new Date(t)), new Date(t).toISOString());
  assert.equal(sf.__testing.londonToday(Date.UTC(2025, 5, 1, 23, 30)), '2025-06-02', '23:30Z in June is the next day in London');
  assert.equal(sf.__testing.londonToday(Date.UTC(2025, 0, 15, 23, 30)), '2025-01-15', 'GMT in January');
});

test('FormSession: set, remove, load, data, report', () => {
  const s = new sf.FormSession('sf-referral', opts);
  let r = s.set('/referralDate', { day: '20', month: '5', year: '2025' });
  assert.ok(!r.diagnostics.some((d) => d.path.startsWith('/referralDate')));
  r = s.set('/children/0/dateOfBirth', '2031-01-01');
  assert.ok(r.diagnostics.some((d) => d.code === 'REF-008' && d.path === '/children/0/dateOfBirth'));
  r = s.set('/criteria/-', { id: 'youth-offending' });
  r = s.set('/criteria/-', { id: 'adult-offending' });
  assert.deepEqual(r.outcome.subcategoriesMet, ['youth-offending', 'adult-offending']);
  r = s.remove('/criteria/0');
  assert.deepEqual(r.outcome.subcategoriesMet, ['adult-offending']);
  assert.deepEqual(s.data().criteria, [{ id: 'adult-offending' }]);
  r = s.set('/children/0/dateOfBirth', undefined);
  assert.equal(s.data().children[0].dateOfBirth, undefined);
  r = s.load(eligibleReferral());
  assert.equal(r.valid, true);
  assert.deepEqual(s.report(), r);
  s.free();
});
