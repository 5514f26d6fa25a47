// The canary, in wasm through the package (issue 18; natively: tests/adversarial.rs). A marker string typed into
// every field and used as every unknown key, at every nesting level, of all 28 forms (from each form's schema(), and
// added to every conformance vector) never appears in a diagnostic's path or message — only in `related`, which may
// name keys. And hostile values at every field of every form: the session's report is validate's, and every path is
// a place the form's schema declares.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sf, root } from './load.mjs';

const MARKER = 'Zq7canaryQ';
const OPTS = [{ today: '2025-06-02', stage: 'draft' }, { today: '2025-06-02', stage: 'submit' }];
const escape = (k) => k.replaceAll('~', '~0').replaceAll('/', '~1');

/** The schema as a tree: { object: [[key, shape]] } | { list: shape } | 'date' | 'datetime' | 'leaf'. */
function shape(node) {
  if (node.$ref === '#/$defs/date') return 'date';
  if (node.$ref === '#/$defs/dateTime') return 'datetime';
  if (node.properties) return { object: Object.entries(node.properties).map(([k, v]) => [k, shape(v)]) };
  if (node.items) return { list: shape(node.items) };
  return 'leaf';
}

function places(s, at, out) {
  if (s === 'date') for (const part of ['day', 'month', 'year']) out.push(`${at}/${part}`);
  if (s === 'datetime') for (const part of ['day', 'month', 'year', 'hour', 'minute']) out.push(`${at}/${part}`);
  else if (s.object) for (const [k, f] of s.object) { out.push(`${at}/${escape(k)}`); places(f, `${at}/${escape(k)}`, out); }
  else if (s.list) { out.push(`${at}/0`); places(s.list, `${at}/0`, out); }
  return out;
}

function declared(s, p) {
  let cur = s;
  for (const seg of p.split('/').slice(1)) {
    if (cur?.object) cur = cur.object.find(([k]) => escape(k) === seg)?.[1];
    else if (cur?.list) cur = /^(0|[1-9][0-9]*)$/.test(seg) ? cur.list : undefined;
    else if (cur === 'date') cur = ['day', 'month', 'year'].includes(seg) ? 'leaf' : undefined;
    else if (cur === 'datetime') cur = ['day', 'month', 'year', 'hour', 'minute'].includes(seg) ? 'leaf' : undefined;
    else cur = undefined;
    if (cur === undefined) return false;
  }
  return true;
}

let counter = 0;
/** The marker in every field; an unknown marker key (holding more) in every object, list row and date's parts. */
function canary(s) {
  counter += 1;
  if (s === 'date') return { day: MARKER, month: `${MARKER} March`, year: MARKER, [`${MARKER}-key-${counter}`]: MARKER };
  if (s === 'datetime') return { day: MARKER, month: `${MARKER} March`, year: MARKER, hour: MARKER, minute: MARKER, [`${MARKER}-key-${counter}`]: MARKER };
  if (s === 'leaf') return `${MARKER} typed <b>text</b>`;
  if (s.list) return [canary(s.list), MARKER, canary(s.list)];
  const o = {};
  for (const [k, f] of s.object) o[k] = canary(f);
  o[`${MARKER}-key-${counter}`] = { [`${MARKER}-inner`]: MARKER };
  o[`${MARKER}/with~slash`] = MARKER;
  return o;
}

function withMarkerKeys(v) {
  if (Array.isArray(v)) return v.map(withMarkerKeys);
  if (v === null || typeof v !== 'object') return v;
  const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withMarkerKeys(x)]));
  o[`${MARKER}.unknown`] = { [MARKER]: MARKER };
  return o;
}

function noEcho(form, what, r) {
  for (const d of r.diagnostics) {
    assert.ok(!d.path.includes(MARKER), `${form} ${what}: ${d.code} path ${d.path}`);
    assert.ok(!d.message.includes(MARKER), `${form} ${what}: ${d.code} message ${d.message}`);
  }
}

function everyWay(form, data, what) {
  for (const o of OPTS) {
    noEcho(form, what, sf.validate(form, data, o));
    const s = new sf.FormSession(form, o);
    noEcho(form, what, s.load(data));
    const s2 = new sf.FormSession(form, o);
    for (const [k, v] of Object.entries(data)) noEcho(form, what, s2.set(`/${escape(k)}`, v));
    assert.deepEqual(s2.report(), sf.validate(form, s2.data(), o), `${form} ${what}: session = validate`);
    s.free();
    s2.free();
  }
}

const forms = sf.forms();

test('the canary in every field and every key of every form never reaches a path or a message', () => {
  assert.equal(forms.length, 28);
  let keys = 0;
  for (const { id } of forms) {
    const s = shape(sf.schema(id));
    const before = counter;
    everyWay(id, canary(s), 'schema canary');
    keys += counter - before;
    // One field at a time, and an unknown marker key under every place.
    const session = new sf.FormSession(id, OPTS[1]);
    for (const p of places(s, '', [])) {
      noEcho(id, p, session.set(p, MARKER));
      try {
        noEcho(id, p, session.set(`${p}/${escape(`${MARKER}.${p}`)}`, 1));
      } catch (e) {
        assert.match(e.message, /^invalid JSON Pointer/, `${id} ${p}`);
      }
    }
    session.free();
    // Every conformance vector, with an unknown marker key in each of its objects.
    const dir = path.join(root, 'tests', 'conformance', id);
    let vectors = 0;
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const v = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      if (v.data === null || typeof v.data !== 'object' || Array.isArray(v.data)) continue;
      everyWay(id, withMarkerKeys(v.data), f);
      vectors += 1;
    }
    assert.ok(vectors >= 5, `${id}: ${vectors} vectors`);
  }
  assert.ok(keys > 28 * 5, `${keys} objects with a marker key`);
});

test('a key the form does not have is named in related, never in path (GQA-007, IYC-005, AUD-002)', () => {
  for (const [form, map, key] of [['group-qa-visit', 'checks', 'overview.made-up'], ['incredible-years-checklist', 'items', 'set-up.made-up'], ['case-audit', 'answers', 'basic.made-up']]) {
    const r = sf.validate(form, { [map]: { [key]: { answer: 'yes' } } }, OPTS[1]);
    const own = r.diagnostics.filter((d) => !d.code.startsWith('INP-') && d.path === `/${map}`);
    assert.ok(own.length > 0, `${form}: ${JSON.stringify(r.diagnostics)}`);
    for (const d of own) assert.equal(d.related?.[0], `/${map}/${key}`, form);
    for (const d of r.diagnostics) assert.ok(!d.path.includes('made-up') && !d.message.includes('made-up'), `${form} ${d.code}`);
  }
});

test('hostile values at every field of every form: the session is validate, every path is declared', () => {
  const values = [null, true, 0, -1, 1e308, -1e-308, '', '   ', '\u0000\u001f\u007f\u200b\ufeff', '\ud800', '2025-02-30',
    '<script>alert(1)</script>', 'x'.repeat(20000), [], {}, [null, {}, [], 'x'], { day: '31', month: 'Febtober', year: '-1' },
    Array.from({ length: 60 }).reduce((v) => [v], 1), Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i]))];
  let edits = 0;
  for (const { id } of forms) {
    const s = shape(sf.schema(id));
    const session = new sf.FormSession(id, OPTS[1]);
    places(s, '', []).forEach((p, i) => {
      for (let j = 0; j < 3; j += 1) {
        let r;
        try {
          r = session.set(p, values[(i * 3 + j) % values.length]);
        } catch (e) {
          assert.match(e.message, /^invalid JSON Pointer/, `${id} ${p}`);
          continue;
        }
        edits += 1;
        for (const d of r.diagnostics) assert.ok(declared(s, d.path), `${id} ${p}: ${d.code} at undeclared ${d.path}`);
        if (edits % 5 === 0) assert.deepEqual(r, sf.validate(id, session.data(), OPTS[1]), `${id} after ${p}`);
      }
    });
    assert.deepEqual(session.report(), sf.validate(id, session.data(), OPTS[1]), id);
    session.free();
  }
  assert.ok(edits > 3000, `${edits} edits`);
});
