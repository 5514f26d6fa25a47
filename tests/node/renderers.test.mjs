// Every form renders in the REAL form libraries with their default validators, through the adapters in
// examples/form-libraries.mjs: react-jsonschema-form (@rjsf/core + @rjsf/validator-ajv8) and JSON Forms
// (@jsonforms/react + the vanilla renderers), server-rendered with React 19 (`react-dom/server`) and read with jsdom.
// For each of the 28 forms and each library: the form renders with no error or React warning; one labelled control
// per leaf of the schema (a list of rows shown with one row); no type picker ("Option 1/2") anywhere; every choice
// shows its display title; and the engine's diagnostics (a submit of the empty form, and an impossible date typed as
// GOV.UK date parts) appear inside the rendered field they belong to.
import test from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import { JsonForms } from '@jsonforms/react';
import { clearAllIds } from '@jsonforms/core';
import { vanillaRenderers, vanillaCells } from '@jsonforms/vanilla-renderers';
import { JSDOM } from 'jsdom';
import { sf } from './load.mjs';
import { humanize } from '../../www/render/schema.js';
import { rjsfProps, jsonFormsProps, toRjsfExtraErrors, toJsonFormsAdditionalErrors, fieldSegments } from '../../examples/form-libraries.mjs';

const today = '2025-06-02';
const ids = sf.forms().map((f) => f.id);

/** The leaves of a renderer schema: `{ segments, title, schema }`, a list of rows entered with one row (index 0). */
function leaves(schema, segments = [], out = []) {
  for (const [k, p] of Object.entries(schema.properties ?? {})) {
    const segs = [...segments, k];
    if (p.type === 'object') leaves(p, segs, out);
    else if (p.type === 'array' && p.items.type === 'object') leaves(p.items, [...segs, '0'], out);
    else out.push({ segments: segs, title: p.title, schema: p });
  }
  return out;
}

/** Data with one (empty) row in every list of rows, so that every leaf is drawn. */
function oneRowEach(schema) {
  const o = {};
  for (const [k, p] of Object.entries(schema.properties ?? {})) {
    if (p.type === 'object') o[k] = oneRowEach(p);
    else if (p.type === 'array' && p.items.type === 'object') o[k] = [oneRowEach(p.items)];
  }
  return o;
}

/** Puts a date with no month, typed as GOV.UK date parts (a finding at `/…/month`), into the first date field outside a list. */
function withImpossibleDate(schema, data) {
  const leaf = leaves(schema).find((l) => l.schema.format === 'date' && !l.segments.includes('0'));
  if (!leaf) return null;
  const copy = structuredClone(data);
  let node = copy;
  for (const s of leaf.segments.slice(0, -1)) node = node[s] ??= {};
  node[leaf.segments.at(-1)] = { day: '31', month: '', year: '2025' }; // a finding at the part: /date/month
  return { data: copy, leaf };
}

function render(element) {
  const problems = [];
  const original = console.error;
  const originalWarn = console.warn;
  console.error = (...a) => problems.push(a.map(String).join(' '));
  console.warn = (...a) => problems.push(a.map(String).join(' '));
  try {
    const html = renderToStaticMarkup(element);
    return { doc: new JSDOM(html).window.document, problems };
  } finally {
    console.error = original;
    console.warn = originalWarn;
  }
}

const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ');

/** The engine's findings a renderer must show: errors at submit on the empty form and on an impossible date. */
function findings(id, schema, data) {
  const reports = [sf.validate(id, data, { today, stage: 'submit' })];
  const bad = withImpossibleDate(schema, data);
  if (bad) reports.push(sf.validate(id, bad.data, { today, stage: 'submit' }));
  return { reports, bad };
}

test('the draft-07 dialect has one type per field: no anyOf / type lists / nulls for a renderer to turn into a type picker', () => {
  for (const id of ids) {
    const s = sf.schema(id, { dialect: 'draft-07' });
    assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
    const text = JSON.stringify(s);
    assert.ok(!text.includes('"anyOf"') && !text.includes('"$defs"') && !text.includes('"$ref"'), id);
    (function walk(n, at) {
      assert.equal(typeof n.type, 'string', `${id}${at}: not one type`);
      assert.equal(typeof n.title, 'string', `${id}${at}: no title`);
      if (Array.isArray(n.oneOf)) for (const o of n.oneOf) assert.ok('const' in o && typeof o.title === 'string', `${id}${at}: oneOf without const/title`);
      for (const [k, p] of Object.entries(n.properties ?? {})) walk(p, `${at}/${k}`);
      if (n.items) walk({ title: n.title, ...n.items }, `${at}/*`);
    })(s, '');
  }
  assert.throws(() => sf.schema('sf-referral', { dialect: 'draft-04' }), /dialect/);
  assert.throws(() => sf.uiSchema('sf-referral', { library: 'formik' }), /library/);
});

// The choice values whose fields declare their titles (src/engine/model.rs `Field::titles`), in the policy documents'
// words; every other choice is titled by the general reading, the same in the engine and on the pages.
const DECLARED = {
  'case-audit': { 'cse-ce': 'CSE/CE', 're-referrals-12-months': 'Re-referrals within 12 months', 'open-12-months-plus': 'Cases open 12 months or more' },
  disengagement: { 'referred-family-connect': 'Referred to Family Connect' },
  'targeted-group': { 'me-my-child-domestic-abuse': 'Me, My Child and Domestic Abuse' },
  'workbook-eligibility': { 'fs-team': 'Needs met by the Family Safeguarding team', 'complex-specialist': 'Complex and specialist needs (the specialist team)' },
  'family-programme': { 'step-up-down': 'Step up or step down' },
};

test('every choice is titled in words: a field\'s declared titles, or the reading the pages give the value', () => {
  const found = {};
  let choices = 0;
  for (const id of ids) {
    (function walk(n) {
      for (const o of n.oneOf ?? []) {
        choices += 1;
        const declared = DECLARED[id]?.[o.const];
        if (declared !== undefined) (found[id] ??= {})[o.const] = o.title;
        else assert.equal(o.title, humanize(o.const), `${id}: ${o.const}`);
      }
      for (const p of Object.values(n.properties ?? {})) walk(p);
      if (n.items) walk(n.items);
    })(sf.schema(id, { dialect: 'draft-07' }));
  }
  assert.deepEqual(found, DECLARED);
  assert.ok(choices > 300, String(choices));
  // The general reading: acronyms in capitals, the prefixes English hyphenates kept joined.
  for (const [value, title] of [['self-referral', 'Self-referral'], ['re-engaged', 'Re-engaged'], ['cross-locality', 'Cross-locality'], ['cic', 'CIC'], ['nfa', 'NFA']]) {
    assert.equal(humanize(value), title);
  }
});

test('a council\'s local list is text by default and, under its profile, a choice with titles in both libraries', () => {
  const open = sf.schema('sf-referral', { dialect: 'draft-07' }).properties.locality;
  assert.equal(open.type, 'string');
  assert.equal(open.oneOf, undefined);
  const props = { ...rjsfProps(sf, 'sf-referral'), schema: sf.schema('sf-referral', { dialect: 'draft-07', profile: 'telford-wrekin' }) };
  const locality = props.schema.properties.locality;
  assert.deepEqual(locality.oneOf.map((o) => o.title), ['Hadley Castle', 'The Wrekin', 'Lakeside South']);
  assert.equal(locality.maxLength, undefined);
  const { doc, problems } = render(React.createElement(Form, { ...props, validator }));
  assert.deepEqual(problems, []);
  assert.deepEqual([...doc.querySelectorAll('#root_locality option')].map(text).filter(Boolean), ['Hadley Castle', 'The Wrekin', 'Lakeside South']);
  clearAllIds();
  const jf = render(React.createElement(JsonForms, { schema: props.schema, uischema: sf.uiSchema('sf-referral', { library: 'jsonforms' }), data: {}, renderers: vanillaRenderers, cells: vanillaCells }));
  assert.deepEqual(jf.problems, []);
  const options = [...jf.doc.getElementById('#/properties/locality').querySelectorAll('option')].map((o) => o.getAttribute('label')).filter(Boolean);
  assert.deepEqual(options, ['Hadley Castle', 'The Wrekin', 'Lakeside South']);
});

for (const id of ids) {
  test(`${id}: react-jsonschema-form renders every field, labelled, with the engine's findings on them`, () => {
    const props = rjsfProps(sf, id);
    const data = oneRowEach(props.schema);
    const expected = leaves(props.schema);
    const { reports, bad } = findings(id, props.schema, data);
    const rjsfId = (segs) => ['root', ...segs].join('_');

    for (const [n, report] of reports.entries()) {
      const formData = n === 0 ? data : undefined; // the impossible date's text is not a value a date widget holds
      const extraErrors = toRjsfExtraErrors(report, { schema: props.schema });
      const { doc, problems } = render(React.createElement(Form, { ...props, validator, formData, extraErrors }));
      assert.deepEqual(problems, [], `${id}: React or rjsf complained`);
      if (n === 0) {
        // one labelled control per leaf
        for (const leaf of expected) {
          const htmlId = rjsfId(leaf.segments);
          const control = doc.getElementById(htmlId);
          assert.ok(control, `${id}: no control for ${leaf.segments.join('/')}`);
          const label = doc.querySelector(`label[for="${htmlId}"]`) ?? doc.getElementById(`${htmlId}__title`);
          assert.ok(label, `${id}: ${leaf.segments.join('/')} has no label`);
          assert.ok(text(label).includes(leaf.title), `${id}: ${leaf.segments.join('/')} labelled "${text(label)}"`);
          if (leaf.schema.oneOf) {
            const options = [...control.querySelectorAll('option, label')].map(text);
            for (const o of leaf.schema.oneOf) assert.ok(options.some((t) => t.includes(o.title)), `${id}: ${o.const} shown as ${options}`);
          }
        }
        const groups = [...doc.querySelectorAll('div.form-group.rjsf-field')]
          .filter((g) => !g.classList.contains('rjsf-field-object') && !g.querySelector(':scope > fieldset.rjsf-field-array-of-object'));
        assert.equal(groups.length, expected.length, `${id}: ${groups.length} rendered fields for ${expected.length} leaves`);
        assert.equal(doc.querySelectorAll('[id$="__anyof_select"], [id$="__oneof_select"]').length, 0, `${id}: a type picker`);
        assert.ok(![...doc.querySelectorAll('option')].some((o) => /^Option \d+/.test(text(o))), `${id}: "Option n"`);
        // no choice is pre-filled
        assert.equal(doc.querySelectorAll('select option[selected]:not([value=""])').length, 0, `${id}: a choice chosen by the library`);
      }
      // every error lands inside its own field's group
      let shown = 0;
      for (const d of report.diagnostics.filter((x) => x.severity === 'error' && x.path !== '')) {
        const segs = fieldSegments(props.schema, d.path);
        const el = doc.getElementById(rjsfId(segs));
        if (!el || (segs.includes('0') && n === 1)) continue;
        const group = el.closest('.form-group');
        assert.ok(text(group).includes(d.message), `${id}: "${d.message}" (${d.path}) is not shown at its field`);
        shown += 1;
      }
      if (n === 1) {
        const d = report.diagnostics.find((x) => x.path.startsWith(`/${bad.leaf.segments.join('/')}`) && x.code.startsWith('INP-'));
        assert.ok(d, `${id}: the engine found no impossible date`);
        const group = doc.getElementById(rjsfId(bad.leaf.segments)).closest('.form-group');
        assert.ok(text(group).includes(d.message), `${id}: the impossible date's message is not at ${bad.leaf.title}`);
      } else {
        assert.ok(shown > 0 || !report.diagnostics.some((x) => x.severity === 'error' && x.path !== ''), `${id}: no finding shown`);
      }
    }
  });

  test(`${id}: JSON Forms renders every field, labelled, with the engine's findings on them`, () => {
    const props = jsonFormsProps(sf, id);
    const data = oneRowEach(props.schema);
    const expected = leaves(props.schema);
    const { reports, bad } = findings(id, props.schema, data);
    const scope = (segs) => `#/properties/${segs.join('/properties/')}`;

    for (const [n, report] of reports.entries()) {
      const additionalErrors = toJsonFormsAdditionalErrors(report, { schema: props.schema });
      clearAllIds(); // JSON Forms frees its element ids in an effect, which a server render never runs
      const { doc, problems } = render(React.createElement(JsonForms, {
        ...props, data: n === 0 ? data : oneRowEach(props.schema), renderers: vanillaRenderers, cells: vanillaCells, additionalErrors,
      }));
      assert.deepEqual(problems, [], `${id}: React or JSON Forms complained`);
      assert.ok(!text(doc.body).includes('No applicable renderer'), `${id}: a field JSON Forms cannot draw`);
      if (n === 0) {
        const controls = [...doc.querySelectorAll('div.control:not(.array-control-layout)')];
        assert.equal(controls.length, expected.length, `${id}: ${controls.length} rendered controls for ${expected.length} leaves`);
        for (const c of controls) {
          const label = c.querySelector('label');
          assert.ok(label && text(label).trim() !== '', `${id}: a control without a label (${c.id || c.className})`);
        }
        const labels = controls.map((c) => text(c.querySelector('label')));
        for (const leaf of expected) assert.ok(labels.includes(leaf.title), `${id}: no control labelled "${leaf.title}"`);
        for (const leaf of expected.filter((l) => l.schema.oneOf && !l.segments.includes('0'))) {
          const options = [...doc.getElementById(scope(leaf.segments)).querySelectorAll('option, label')].map((o) => o.getAttribute('label') ?? text(o));
          for (const o of leaf.schema.oneOf) assert.ok(options.includes(o.title), `${id}: ${o.const} is not shown as "${o.title}"`);
        }
      }
      let shown = 0;
      for (const d of report.diagnostics.filter((x) => x.severity === 'error' && x.path !== '')) {
        const segs = fieldSegments(props.schema, d.path);
        if (segs.includes('0') || segs.length === 0) continue; // rows' controls carry relative ids
        const el = doc.getElementById(scope(segs)) ?? doc.querySelector(`.root_properties_${segs.join('_properties_')}`);
        if (!el) continue; // a group (an object) shows no errors of its own in JSON Forms
        assert.ok(text(el).includes(d.message), `${id}: "${d.message}" (${d.path}) is not shown at its field`);
        shown += 1;
      }
      if (n === 1) {
        const d = report.diagnostics.find((x) => x.path.startsWith(`/${bad.leaf.segments.join('/')}`) && x.code.startsWith('INP-'));
        assert.ok(text(doc.getElementById(scope(bad.leaf.segments))).includes(d.message), `${id}: the impossible date's message is not at ${bad.leaf.title}: ${d.message} / ${text(doc.getElementById(scope(bad.leaf.segments)))}`);
      } else {
        assert.ok(shown > 0 || !report.diagnostics.some((x) => x.severity === 'error' && x.path !== '' && !x.path.includes('/0')), `${id}: no finding shown`);
      }
    }
  });
}
