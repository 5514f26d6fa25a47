// The single-form modules of the packed package (`safeguarding-forms/forms/<form-id>`), as a vendor installs them
// (`npm pack` of pkg/, `npm install <tarball>` into a scratch project), for every one of the forms:
//   - the tarball holds each module's files (and not the test build's hooks), and package.json's exports give each
//     entry the conditions of the all-forms entry;
//   - in Node, ESM (`import`, node.js) and CommonJS (`require`, node.cjs), each entry loads its own .wasm with no
//     argument and gives reports deep-equal to the all-forms entry's over every conformance vector of its form
//     (tests/conformance/<form-id>/), and to the reports stored there, for `validate` and for a `FormSession` edit
//     sequence (each field set, the whole form loaded, each field removed); `forms()` lists that form only; its rules,
//     schemas and UI schemas are the all-forms entry's for that form; another form's id fails exactly as an unknown
//     id does, the message naming the module's form;
//   - each module's .wasm is smaller than the all-forms one;
//   - tsc --strict: the entry's types accept its form and reject another id.
// A bundled browser app of one form: tests/node/package-bundlers.test.mjs (Vite, one .wasm of the form's size).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { compileTypes as compile, packAndInstall, root } from './package-tarball.mjs';

const FORM_IDS = fs.readdirSync(path.join(root, 'tests', 'conformance'))
  .filter((f) => fs.statSync(path.join(root, 'tests', 'conformance', f)).isDirectory()).sort();

let app;
before(() => {
  app = packAndInstall({ name: 'sf-form-modules' });
  // The vectors, as the scratch programs read them: form id -> [{ file, data, options, report }].
  const vectors = Object.fromEntries(FORM_IDS.map((id) => {
    const dir = path.join(root, 'tests', 'conformance', id);
    return [id, fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
      .map((file) => ({ file, ...JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }))];
  }));
  fs.writeFileSync(path.join(app.dir, 'vectors.json'), JSON.stringify(vectors));
});
after(() => app?.cleanup());

// What each scratch program does, the same in ESM and CommonJS (only `load` and `resolve` differ): for each form, its
// own entry and the all-forms entry side by side. Results are compared there (isDeepStrictEqual) and written to a
// file: counts, and the first differences in full, for the tests below to assert on.
const BODY = `
const fs = require('node:fs');
const { isDeepStrictEqual } = require('node:util');
const vectors = JSON.parse(fs.readFileSync('vectors.json', 'utf8'));
const pointer = (k) => '/' + k.replaceAll('~', '~0').replaceAll('/', '~1');
const attempt = (f) => { try { return { value: f() }; } catch (e) { return { error: e.constructor.name, message: e.message }; } };
const ids = Object.keys(vectors);
const out = {};
const all = await load('safeguarding-forms');
for (const [i, id] of ids.entries()) {
  const one = await load('safeguarding-forms/forms/' + id);
  const other = ids[(i + 1) % ids.length];
  const r = { resolved: resolve('safeguarding-forms/forms/' + id), vectors: 0, steps: 0, differences: [], stored: [] };
  const same = (what, a, b) => {
    r.steps += 1;
    if (!isDeepStrictEqual(a, b) && r.differences.length < 3) r.differences.push({ what, form: a, all: b });
  };
  for (const v of vectors[id]) {
    r.vectors += 1;
    const report = attempt(() => one.validate(id, v.data, v.options));
    same(v.file + ' validate', report, attempt(() => all.validate(id, v.data, v.options)));
    if (!isDeepStrictEqual(report.value, v.report) && r.stored.length < 3) r.stored.push({ file: v.file, got: report });
    const s1 = new one.FormSession(id, v.options);
    const s2 = new all.FormSession(id, v.options);
    const keys = Object.keys(v.data);
    for (const k of keys) same(v.file + ' set ' + k, attempt(() => s1.set(pointer(k), v.data[k])), attempt(() => s2.set(pointer(k), v.data[k])));
    same(v.file + ' report', s1.report(), s2.report());
    same(v.file + ' session = validate', s1.report(), report.value);
    same(v.file + ' load', attempt(() => s1.load(v.data)), attempt(() => s2.load(v.data)));
    for (const k of keys.reverse()) same(v.file + ' remove ' + k, attempt(() => s1.remove(pointer(k))), attempt(() => s2.remove(pointer(k))));
    same(v.file + ' data', s1.data(), s2.data());
    s1.free();
    s2.free();
  }
  r.forms = one.forms();
  r.allForms = all.forms().filter((f) => f.id === id);
  same('rules()', one.rules(), all.rules().filter((x) => x.form === id || x.form === '*'));
  same('rules(id)', one.rules(id), all.rules(id));
  same('schema', one.schema(id), all.schema(id));
  same('schema draft-07', one.schema(id, { dialect: 'draft-07' }), all.schema(id, { dialect: 'draft-07' }));
  same('uiSchema rjsf', one.uiSchema(id, { library: 'rjsf' }), all.uiSchema(id, { library: 'rjsf' }));
  same('uiSchema jsonforms', one.uiSchema(id, { library: 'jsonforms' }), all.uiSchema(id, { library: 'jsonforms' }));
  same('outcomeSchema', one.outcomeSchema(id), all.outcomeSchema(id));
  same('profiles', one.profiles(), all.profiles());
  // Another form's id, in this module and (as an unknown id) in the all-forms one.
  const calls = {
    validate: (sf, f) => sf.validate(f, {}),
    rules: (sf, f) => sf.rules(f),
    schema: (sf, f) => sf.schema(f),
    uiSchema: (sf, f) => sf.uiSchema(f, { library: 'rjsf' }),
    outcomeSchema: (sf, f) => sf.outcomeSchema(f),
    carryForward: (sf, f) => sf.carryForward(f, {}),
    FormSession: (sf, f) => new sf.FormSession(f),
  };
  r.other = other;
  r.refused = Object.fromEntries(Object.entries(calls).map(([k, f]) => [k, {
    other: attempt(() => f(one, other)),
    unknownHere: attempt(() => f(one, 'no-such-form')),
    unknownInAll: attempt(() => f(all, 'no-such-form')),
    otherInAll: attempt(() => f(all, other)).message ?? 'ok',
  }]));
  r.stillWorks = one.validate(id, {}).form;
  out[id] = r;
}
fs.writeFileSync(process.argv[2], JSON.stringify(out));
`;

const PROGRAMS = {
  esm: ['forms-esm.mjs', `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const load = async (spec) => { const m = await import(spec); m.initSync(); return m; };
const resolve = (spec) => import.meta.resolve(spec);
${BODY}`],
  cjs: ['forms-cjs.cjs', `const load = async (spec) => { const m = require(spec); m.initSync(); return m; };
const resolve = (spec) => require.resolve(spec);
(async () => {
${BODY}
})().catch((e) => { console.error(e); process.exit(1); });`],
};

/** Runs one scratch program (once per flavour, for all the forms) and returns its results by form id. */
const results = {};
function resultsOf(flavour) {
  if (!results[flavour]) {
    const [name, text] = PROGRAMS[flavour];
    fs.writeFileSync(path.join(app.dir, name), text);
    const file = path.join(app.dir, `${flavour}-results.json`);
    try {
      execFileSync(process.execPath, [name, file], { cwd: app.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      throw new Error(`${name} failed:\n${e.stdout}\n${e.stderr}`);
    }
    results[flavour] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  return results[flavour];
}

describe('the tarball', () => {
  test(`holds a module for each of the ${FORM_IDS.length} forms, and exports each with the all-forms entry's conditions`, () => {
    assert.equal(FORM_IDS.length, 28);
    const m = app.manifest;
    const dot = JSON.stringify(m.exports['.']);
    for (const id of FORM_IDS) {
      for (const f of ['index.js', 'index.d.ts', 'forms.d.ts', 'node.js', 'node.cjs', 'node.d.ts', 'node.d.cts',
        'safeguarding_forms.js', 'safeguarding_forms_bg.wasm', 'catalogue.js', 'catalogue.json']) {
        assert.ok(app.files.includes(`forms/${id}/${f}`), `forms/${id}/${f} is not in the tarball`);
      }
      assert.equal(JSON.stringify(m.exports[`./forms/${id}`]), dot.replaceAll('"./', `"./forms/${id}/`), `./forms/${id}`);
      assert.equal(m.exports[`./forms/${id}/safeguarding_forms_bg.wasm`], `./forms/${id}/safeguarding_forms_bg.wasm`);
      assert.equal(m.exports[`./forms/${id}/catalogue.json`], `./forms/${id}/catalogue.json`);
    }
    assert.ok(!app.files.some((f) => f.endsWith('test-hooks.js')), 'the test build is never in the package');
    assert.ok(!app.files.some((f) => /^forms\/(?![a-z0-9-]+\/)/.test(f)), 'nothing loose under forms/');
    const modules = new Set(app.files.filter((f) => f.startsWith('forms/')).map((f) => f.split('/')[1]));
    assert.deepEqual([...modules].sort(), FORM_IDS, 'a module for each form with conformance vectors, and no other');
  });

  test('each form\'s module is its own build: its .wasm differs from the others\' and is smaller than the all-forms one', () => {
    const allForms = fs.statSync(path.join(app.installed, 'safeguarding_forms_bg.wasm')).size;
    const seen = new Map();
    for (const id of FORM_IDS) {
      const bytes = fs.readFileSync(path.join(app.installed, 'forms', id, 'safeguarding_forms_bg.wasm'));
      assert.ok(bytes.length < allForms * 0.75, `${id}: ${bytes.length} bytes, all forms ${allForms}`);
      const key = bytes.toString('base64');
      assert.ok(!seen.has(key), `${id} and ${seen.get(key)} ship the same .wasm`);
      seen.set(key, id);
      assert.match(fs.readFileSync(path.join(app.installed, 'forms', id, 'node.cjs'), 'utf8'), /__sf_reinstantiate/, 'self-healing kept');
      // Its catalogue (what the module leaves out) is that form's alone.
      const catalogue = JSON.parse(fs.readFileSync(path.join(app.installed, 'forms', id, 'catalogue.json'), 'utf8'));
      assert.deepEqual(catalogue.forms.map((f) => f.id), [id]);
    }
  });
});

for (const [flavour, title, entryFile] of [['esm', 'Node ESM (import)', 'node.js'], ['cjs', 'Node CommonJS (require)', 'node.cjs']]) {
  describe(`${title}: each form's entry against the all-forms entry`, () => {
    for (const id of FORM_IDS) {
      test(id, () => {
        const r = resultsOf(flavour)[id];
        assert.ok(r, `no results for ${id}`);
        assert.ok(r.resolved.replaceAll('\\', '/').endsWith(`/node_modules/safeguarding-forms/forms/${id}/${entryFile}`), r.resolved);
        assert.ok(r.vectors >= 3, `${id}: ${r.vectors} conformance vectors`);
        assert.ok(r.steps > r.vectors * 4, `${id}: ${r.steps} comparisons`);
        assert.deepEqual(r.differences, [], `${id}: the module's answers differ from the all-forms entry's`);
        assert.deepEqual(r.stored, [], `${id}: reports differ from the stored conformance reports`);
        // forms(): this form alone, as the all-forms entry describes it.
        assert.equal(r.forms.length, 1);
        assert.equal(r.forms[0].id, id);
        assert.deepEqual(r.forms, r.allForms);
        // Another form's id: refused by every call as an unknown id is (an Error, the module unharmed), the message
        // naming the form this module holds and the entry that has the other; an id of no form: as in all forms.
        for (const [call, x] of Object.entries(r.refused)) {
          // (The all-forms entry knows that form: carryForward of a form that does not carry forward is another error.)
          assert.doesNotMatch(x.otherInAll, /unknown form|not in this module/, `${call}: the all-forms entry knows ${r.other}`);
          assert.deepEqual(x.unknownInAll, { error: 'Error', message: 'unknown form: "no-such-form"' }, call);
          assert.deepEqual(x.unknownHere, x.unknownInAll, call);
          assert.deepEqual(x.other, { error: 'Error', message: `form ${JSON.stringify(r.other)} is not in this module (it holds ${id}): `
            + `import safeguarding-forms/forms/${r.other}, or safeguarding-forms for every form` }, call);
        }
        assert.equal(r.stillWorks, id, 'the module answers after the refusals');
      });
    }
  });
}

test('the README\'s examples of one form\'s entry run as written from node_modules', () => {
  const readme = fs.readFileSync(path.join(app.installed, 'README.md'), 'utf8');
  const at = readme.indexOf('## One form only');
  assert.ok(at >= 0, 'the README has a section on one form\'s entry');
  const section = readme.slice(at, readme.indexOf('\n## ', at + 3));
  const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 2);
  blocks.forEach((code, i) => {
    const cjs = /\brequire\(/.test(code);
    const spec = /'(safeguarding-forms\/forms\/[a-z0-9-]+)'/.exec(code)[1];
    // Each example, then a line that shows its module is loaded and holds its one form.
    const probe = cjs
      ? `\nconsole.log(JSON.stringify(require('${spec}').forms().map((f) => f.id)));\n`
      : `\nimport { forms as __forms } from '${spec}';\nconsole.log(JSON.stringify(__forms().map((f) => f.id)));\n`;
    const file = path.join(app.dir, `readme-form-${i}.${cjs ? 'cjs' : 'mjs'}`);
    fs.writeFileSync(file, code + probe);
    const out = execFileSync(process.execPath, [file], { cwd: app.dir, encoding: 'utf8' }).trim().split('\n').at(-1);
    assert.deepEqual(JSON.parse(out), [spec.split('/').at(-1)], `README example ${i + 1}`);
  });
});

describe('types of a form\'s entry (tsc --strict)', () => {
  const GOOD = `import init, { validate, FormSession, forms, carryForward, type FormId, type Report, type SfReferralOutcome } from 'safeguarding-forms/forms/sf-referral';
import * as programme from 'safeguarding-forms/forms/family-programme';
await init();
const report: Report<'sf-referral'> = validate('sf-referral', { route: 'social-work-assessment' }, { today: '2025-06-02' });
const outcome: SfReferralOutcome | null = report.outcome;
const session = new FormSession('sf-referral');
const again: Report<'sf-referral'> = session.set('/route', 'social-work-assessment');
const id: FormId = 'sf-referral';
const listed: 'sf-referral' = forms()[0].id;
const loose: string = 'sf-allocation';
validate(loose, {});   // an id in a string variable: the general overload (refused at run time)
const next = programme.carryForward('family-programme', {});
export { outcome, again, id, listed, next, carryForward };
`;
  const BAD = [
    ["validate('sf-allocation', {});", 'TS2769'],
    ["new FormSession('sf-allocation');", 'TS2769'],
    ["const id: FormId = 'sf-allocation';", 'TS2322'],
    ["carryForward('sf-referral', {});", 'TS2769'],
  ];
  const BAD_FILE = `import { validate, FormSession, carryForward, type FormId } from 'safeguarding-forms/forms/sf-referral';
${BAD.map(([line]) => line).join('\n')}
export {};
`;

  for (const [name, options, ext] of [['bundler', { module: 'esnext', moduleResolution: 'bundler' }, 'ts'], ['node16', { module: 'node16', moduleResolution: 'node16' }, 'mts']]) {
    test(`moduleResolution ${name}: its form compiles, another form's id does not`, () => {
      const dir = path.join(app.dir, `ts-forms-${name}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, `use.${ext}`), GOOD);
      assert.equal(compile(dir, options), '');
      fs.writeFileSync(path.join(dir, `bad.${ext}`), BAD_FILE);
      const out = compile(dir, options);
      BAD.forEach(([line, code], i) => {
        assert.match(out, new RegExp(`bad\\.${ext}\\(${i + 2},\\d+\\): error ${code}`), `line ${i + 2} (${line}) must not compile:\n${out}`);
      });
      assert.equal(out.match(/error TS/g)?.length, BAD.length, out);
    });
  }

  test('CommonJS (.cts, node16): require of a form\'s entry has its types', () => {
    const dir = path.join(app.dir, 'ts-forms-cjs');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'use.cts'), `import sf = require('safeguarding-forms/forms/sf-referral');
sf.initSync();
const id: sf.FormId = 'sf-referral';
const session = new sf.FormSession('sf-referral');
const report: sf.Report<'sf-referral'> = session.report();
export const valid: boolean = report.valid;
export { id };
`);
    assert.equal(compile(dir, { module: 'node16', moduleResolution: 'node16' }), '');
    fs.writeFileSync(path.join(dir, 'bad.cts'), `import sf = require('safeguarding-forms/forms/sf-referral');\nnew sf.FormSession('case-audit');\n`);
    assert.match(compile(dir, { module: 'node16', moduleResolution: 'node16' }), /bad\.cts\(2,\d+\): error TS2769/);
  });
});
