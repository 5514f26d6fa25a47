// outcomeSchema(formId) from the package (wasm + js/index.js): the declared outcome model as JSON Schema, a label
// (`title`) for every key a form's outcome has, `x-unit` where a number has a unit; what a generic result panel reads.
import test from 'node:test';
import assert from 'node:assert/strict';
import { sf } from './load.mjs';

test('every key of every form\'s outcome has a label in outcomeSchema, and the always-present keys are there', () => {
  for (const { id } of sf.forms()) {
    const schema = sf.outcomeSchema(id);
    assert.equal(schema.type, 'object');
    assert.match(schema.title, /: outcome$/);
    for (const stage of ['draft', 'submit']) {
      const { outcome } = sf.validate(id, {}, { today: '2025-06-02', stage });
      for (const key of Object.keys(outcome)) {
        assert.ok(Object.hasOwn(schema.properties, key), `${id}: ${key} is not declared`);
        assert.equal(typeof schema.properties[key].title, 'string', `${id}: ${key} has no label`);
      }
      for (const key of schema.required) assert.ok(Object.hasOwn(outcome, key), `${id}: ${key} is missing`);
    }
  }
  const log = sf.outcomeSchema('supervision-log').properties;
  assert.equal(log.longestGapDays.title, 'Longest gap');
  assert.equal(log.longestGapDays['x-unit'], 'days');
  assert.equal(sf.outcomeSchema('return-home-interview').properties.episodesIn90Days['x-unit'], undefined, 'a count has no unit');
});

test('outcomeSchema, uiSchema and schema options: a caller\'s mistake throws', () => {
  assert.throws(() => sf.outcomeSchema('no-such-form'), /unknown form/);
  assert.throws(() => sf.uiSchema('sf-referral'), TypeError);
  assert.throws(() => sf.uiSchema('sf-referral', { library: 'formik' }), /library/);
  assert.throws(() => sf.schema('sf-referral', { dialect: 7 }), TypeError);
  assert.equal(sf.schema('sf-referral').$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.deepEqual(sf.schema('sf-referral', {}), sf.schema('sf-referral'));
  assert.equal(sf.uiSchema('sf-referral', { library: 'jsonforms' }).type, 'VerticalLayout');
  assert.equal(sf.uiSchema('sf-referral', { library: 'rjsf' }).consent.given['ui:widget'], 'radio');
});

/** The `{ code: label }` of a choice's schema (its `oneOf` of `{ const, title }`), or null for another schema. */
const labelsOf = (s) => (Array.isArray(s?.oneOf) ? Object.fromEntries(s.oneOf.filter((c) => typeof c.const === 'string').map((c) => [c.const, c.title])) : null);

test('a coded outcome value has its declared label in outcomeSchema: targeted-group\'s Incredible Years steps', () => {
  const iy = sf.outcomeSchema('targeted-group').properties.incredibleYears;
  const row = iy.properties.steps.items.properties;
  assert.deepEqual(labelsOf(row.step), {
    'venue-and-creche': 'Secure the venue and crèche workers',
    'pre-measures': 'Give the pre-measures',
    books: 'Give the books',
    'peer-support': 'Hold the facilitators’ peer support',
    qa: 'Hold the quality assurance visit',
    'post-measures': 'Complete the post-measures and evaluation',
    'weekly-calls': 'Call the attendees every week of the course',
    'lead-check-ins': 'Check in with the facilitators',
  });
  assert.equal(row.step.type, 'string');
  // The shared timescale statuses, and the step's own "early".
  assert.deepEqual(labelsOf(row.status), {
    met: 'Met', 'met-late': 'Met late', due: 'Due', 'due-soon': 'Due soon', overdue: 'Overdue', 'not-applicable': 'Not applicable', early: 'Early',
  });
  // A step the form computes is one of them.
  const { outcome } = sf.validate('targeted-group', { programme: 'incredible-years', courseStartOn: '2025-05-05' }, { today: '2025-06-02' });
  assert.ok(outcome.incredibleYears.steps.length > 0);
  for (const s of outcome.incredibleYears.steps) assert.ok(labelsOf(row.step)[s.step], s.step);
});

test('a choice is oneOf its values with their titles; a nullable one also allows null; no choice is left as a bare enum', () => {
  const review = sf.outcomeSchema('group-qa-visit').properties.nextVisitStatus;
  assert.deepEqual(review.type, ['string', 'null']);
  assert.deepEqual(review.oneOf.at(-1), { const: null });
  assert.deepEqual(sf.outcomeSchema('case-transfer').properties.stage.oneOf[0], { const: 'awaiting-authorisation', title: 'Awaiting authorisation' });
  assert.equal(labelsOf(sf.outcomeSchema('safety-plan').properties.missing.items)['words-and-pictures'], 'Words and Pictures explanation');
  let choices = 0;
  const walk = (s, at) => {
    if (!s || typeof s !== 'object') return;
    assert.equal(s.enum, undefined, `${at}: a bare enum`);
    if (Array.isArray(s.oneOf)) {
      choices += 1;
      const codes = s.oneOf.filter((c) => c.const !== null);
      assert.ok(codes.length > 0, at);
      for (const c of codes) assert.ok(typeof c.const === 'string' && typeof c.title === 'string' && c.title.trim() !== '', `${at}: ${c.const}`);
      assert.equal(new Set(codes.map((c) => c.const)).size, codes.length, `${at}: a value twice`);
    }
    for (const [k, p] of Object.entries(s.properties ?? {})) walk(p, `${at}/${k}`);
    walk(s.items, `${at}/*`);
  };
  for (const { id } of sf.forms()) walk(sf.outcomeSchema(id), id);
  assert.ok(choices >= 40, `${choices} choices`);
});
