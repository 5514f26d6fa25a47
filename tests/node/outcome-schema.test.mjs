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
