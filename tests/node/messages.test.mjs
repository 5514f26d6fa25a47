// Translatable messages against the wasm package: every diagnostic has a messageId from messages() and its params,
// a table in options.messages replaces the English (validate and FormSession), and a mistaken table throws. Every
// conformance vector is rendered through a generated pseudo-locale: a message with any English left over fails.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sf, root } from './load.mjs';

const accents = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', c: 'ç', n: 'ñ', y: 'ý', s: 'š', z: 'ž', C: 'Ç', N: 'Ñ', S: 'Š' };

function close(t, open) {
  let depth = 0;
  for (let k = open; k < t.length; k++) {
    if (t[k] === '{') depth++;
    else if (t[k] === '}' && --depth === 0) return k;
  }
  throw new Error(`unbalanced: ${t}`);
}

// Accents the text of a template, keeping placeholders, plural/select selectors and '#'.
function pseudoText(t) {
  let out = '';
  for (let i = 0; i < t.length;) {
    if (t[i] !== '{') { out += accents[t[i]] ?? t[i]; i++; continue; }
    const end = close(t, i);
    const inner = t.slice(i + 1, end);
    const m = /^(\w+)\s*,\s*(plural|select)\s*,\s*([\s\S]*)$/.exec(inner);
    if (!m) out += `{${inner.trim()}}`;
    else {
      out += `{${m[1]}, ${m[2]}, `;
      const body = m[3].trim();
      for (let j = 0; j < body.length;) {
        const open = body.indexOf('{', j);
        const e = close(body, open);
        out += `${body.slice(j, open).trim()} {${pseudoText(body.slice(open + 1, e))}} `;
        j = e + 1;
        while (body[j] === ' ') j++;
      }
      out += '}';
    }
    i = end + 1;
  }
  return out;
}
const pseudo = (t) => `⟦${pseudoText(t)}⟧`;

// Fills a template from a diagnostic's params (the subset of ICU MessageFormat the engine uses).
function render(t, params) {
  let out = '';
  for (let i = 0; i < t.length;) {
    if (t[i] !== '{') { out += t[i]; i++; continue; }
    const end = close(t, i);
    const inner = t.slice(i + 1, end);
    const m = /^(\w+)\s*,\s*(plural|select)\s*,\s*([\s\S]*)$/.exec(inner);
    if (!m) {
      assert.ok(inner.trim() in params, `param ${inner} missing`);
      out += String(params[inner.trim()]);
    } else {
      const value = params[m[1]];
      const branches = [];
      const body = m[3].trim();
      for (let j = 0; j < body.length;) {
        const open = body.indexOf('{', j);
        const e = close(body, open);
        branches.push([body.slice(j, open).trim(), body.slice(open + 1, e)]);
        j = e + 1;
        while (body[j] === ' ') j++;
      }
      const pick = m[2] === 'plural'
        ? branches.find(([s]) => s === `=${value}`) ?? (value === 1 ? branches.find(([s]) => s === 'one') : undefined) ?? branches.find(([s]) => s === 'other')
        : branches.find(([s]) => s === String(value)) ?? branches.find(([s]) => s === 'other');
      out += render(pick[1], params).replaceAll('#', m[2] === 'plural' ? String(value) : '#');
    }
    i = end + 1;
  }
  return out;
}

const catalogue = new Map(sf.messages().map((m) => [m.id, m]));
const table = Object.fromEntries([...catalogue.values()].map((m) => [m.id, pseudo(m.template)]));

test('messages() lists unique ids with their templates and params', () => {
  const list = sf.messages();
  assert.equal(new Set(list.map((m) => m.id)).size, list.length);
  assert.ok(list.length > 400);
  const notReal = catalogue.get('INP-003.not-real');
  assert.deepEqual(notReal, { id: 'INP-003.not-real', template: '{label} must be a real date', params: ['label'] });
});

test('every conformance vector renders through the pseudo-locale with no English left over', () => {
  const dir = path.join(root, 'tests', 'conformance');
  let count = 0;
  let stored = 0;
  const seen = new Set();
  for (const form of fs.readdirSync(dir).filter((d) => fs.statSync(path.join(dir, d)).isDirectory())) {
    for (const file of fs.readdirSync(path.join(dir, form)).filter((f) => f.endsWith('.json'))) {
      const v = JSON.parse(fs.readFileSync(path.join(dir, form, file), 'utf8'));
      const english = sf.validate(form, v.data, v.options);
      stored += v.report.diagnostics.length;
      const translated = sf.validate(form, v.data, { ...v.options, messages: table });
      assert.equal(translated.diagnostics.length, english.diagnostics.length);
      english.diagnostics.forEach((d, k) => {
        const t = translated.diagnostics[k];
        const m = catalogue.get(d.messageId);
        assert.ok(m, `${file}: ${d.messageId} not in messages()`);
        assert.equal(render(m.template, d.params ?? {}), d.message, `${file}: ${d.messageId}`);
        assert.equal(t.message, render(pseudo(m.template), d.params ?? {}), `${file}: ${d.messageId} has English left over`);
        seen.add(d.messageId);
        count++;
      });
    }
  }
  assert.ok(count > 0);
  assert.equal(count, stored, 'every recorded diagnostic was rendered');
});

test('a Welsh table replaces the English in validate and in a FormSession', () => {
  const messages = { 'INP-003.not-real': 'Rhaid i {label} fod yn ddyddiad go iawn' };
  const r = sf.validate('sf-referral', { referralDate: '2025-02-30' }, { today: '2025-06-02', messages });
  const d = r.diagnostics.find((x) => x.path === '/referralDate');
  assert.equal(d.messageId, 'INP-003.not-real');
  assert.equal(d.message, `Rhaid i ${d.params.label} fod yn ddyddiad go iawn`);
  const s = new sf.FormSession('sf-referral', { today: '2025-06-02', messages });
  const rep = s.set('/referralDate', '2025-02-30');
  assert.equal(rep.diagnostics.find((x) => x.path === '/referralDate').message, d.message);
  s.free();
});

test('a table with an unknown id or a param the message lacks throws, naming it', () => {
  assert.throws(() => sf.validate('sf-referral', {}, { messages: { 'NOPE-001.x': 'x' } }), (e) => e instanceof TypeError && /unknown message id "NOPE-001\.x"/.test(e.message));
  assert.throws(() => sf.validate('sf-referral', {}, { messages: { 'INP-003.not-real': '{date}' } }), /INP-003\.not-real.*\{date\}/);
  assert.throws(() => new sf.FormSession('sf-referral', { messages: { 'NOPE-001.x': 'x' } }), /unknown message id/);
});
