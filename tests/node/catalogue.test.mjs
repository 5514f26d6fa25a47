// The package's catalogue (catalogue.json / catalogue.js, which the module leaves out) merged with what the module
// gives for the options: every catalogue function of the WebAssembly package returns what the native engine returns
// (the command line of this checkout, release build), for every form, dialect, form library, built-in profile and a
// council's own versioned document (examples/profiles/brightwell.json) — the same JSON text, key order included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sf, root, wasmBytes } from './load.mjs';

/** The release build of the command line (built here once if needed), or SF_CLI. */
function binary() {
  if (process.env.SF_CLI) return process.env.SF_CLI;
  const env = { ...process.env, PATH: [path.join(os.homedir(), '.cargo', 'bin'), process.env.PATH].join(path.delimiter) };
  execFileSync('cargo', ['build', '--release', '--quiet'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  return path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'release', 'safeguarding-forms');
}
const bin = binary();
const native = (...args) => JSON.parse(execFileSync(bin, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
/** Equal as JSON text: the same values and the same key order. */
const same = (actual, expected, what) => assert.equal(JSON.stringify(actual), JSON.stringify(expected), what);

const brightwellFile = path.join(root, 'examples', 'profiles', 'brightwell.json');
const brightwell = JSON.parse(fs.readFileSync(brightwellFile, 'utf8'));
/** [name, the JS option, the command line's --profile argument] */
const PROFILES = [['none', undefined, undefined], ...sf.profiles().map((p) => [p.id, p.id, p.id]), ['brightwell.json', brightwell, brightwellFile]];
const ids = sf.forms().map((f) => f.id);

test('the package has a catalogue, and the module carries none of its text', async () => {
  const pj = JSON.parse(fs.readFileSync(path.join(root, 'pkg', 'package.json'), 'utf8'));
  assert.ok(pj.files.includes('catalogue.json') && pj.files.includes('catalogue.js'));
  assert.equal(pj.exports['./catalogue.json'], './catalogue.json');
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'pkg', 'catalogue.json'), 'utf8'));
  same(doc, native('catalogue'), 'pkg/catalogue.json is the command line\'s');
  // catalogue.js (what index.js imports) holds the same, one export per key.
  const js = await import(pathToFileURL(path.join(root, 'pkg', 'catalogue.js')).href);
  assert.deepEqual(Object.keys(js).sort(), Object.keys(doc).sort());
  for (const key of Object.keys(doc)) same(js[key], doc[key], `catalogue.js ${key}`);
  const shipped = wasmBytes.toString('latin1');
  const texts = [doc.profileSchema.description, doc.schemas['2020-12']['sf-referral'].$defs.date.description];
  for (const rules of Object.values(doc.rules)) {
    for (const r of rules) texts.push(r.summary, r.quote ?? r.summary, r.citation.section);
  }
  for (const f of ids) texts.push(...Object.values(doc.outcomeSchemas[f].properties).map((p) => p.description ?? p.title));
  // Text the module keeps for its own use may equal a rule's quote or section: a field's label (diagnostics name
  // fields), a message, a text in an outcome (a standard's title), or a built-in profile file (a council's source).
  const labels = new Set();
  const collect = (x, all) => {
    if (Array.isArray(x)) x.forEach((y) => collect(y, all));
    else if (typeof x === 'string' && all) labels.add(x);
    else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) (k === 'title' && typeof v === 'string' ? labels.add(v) : collect(v, all));
  };
  collect(doc.schemas['2020-12'], false);
  for (const id of ids) collect(sf.validate(id, {}, { today: '2025-06-02' }).outcome, true);
  const profileFiles = fs.readdirSync(path.join(root, 'profiles')).map((f) => fs.readFileSync(path.join(root, 'profiles', f), 'utf8'));
  const ownUse = (t) => labels.has(t) || doc.messages.some((m) => m.template.includes(t)) || profileFiles.some((p) => p.includes(t));
  const inModule = texts.filter((t) => t.length >= 24 && !ownUse(t) && shipped.includes(Buffer.from(t, 'utf8').toString('latin1')));
  assert.deepEqual(inModule, [], 'catalogue text compiled into the module');
  assert.ok(texts.length > 900, `${texts.length} texts searched`);
});

test('forms(), messages() and profileSchema() are the native ones', () => {
  same(sf.forms(), native('forms', '--json'));
  same(sf.profileSchema(), native('profile-schema'));
  const doc = native('catalogue');
  same(sf.messages(), doc.messages);
  // The command line's own table (id → English template) says the same.
  same(Object.fromEntries(sf.messages().map((m) => [m.id, m.template])), native('messages'));
  // Each call gives a copy: changing one changes no later answer.
  sf.forms()[0].title = 'changed';
  sf.messages().length = 0;
  sf.profileSchema().oneOf = null;
  same(sf.forms(), doc.forms);
  same(sf.messages(), doc.messages);
  same(sf.profileSchema(), doc.profileSchema);
});

test('profiles() is the native list, from the catalogue: the module neither carries nor writes the change lines', () => {
  const doc = native('catalogue');
  same(sf.profiles(), doc.profiles);
  assert.deepEqual(doc.profiles.map((p) => p.id), ['default', 'telford-wrekin', 'west-sussex', 'walsall', 'south-glos']);
  for (const p of doc.profiles.slice(1)) assert.ok(p.changes.length > 0, `${p.id} lists its changes`);
  sf.profiles()[1].changes.length = 0;
  same(sf.profiles(), doc.profiles, 'each call gives a copy');
  // The pieces the engine writes change lines from (src/engine/profile.rs `note`) are not in the module (the
  // built-in profiles' lines use the second).
  assert.ok(doc.profiles.some((p) => p.changes.some((c) => c.includes(': the values listed are '))));
  const shipped = wasmBytes.toString('latin1');
  for (const piece of [' switched off', ': the values listed are ', ' extra or moved bank holidays', ' closure days']) {
    assert.ok(!shipped.includes(piece), `the module carries "${piece}"`);
  }
});

test('rules(), of every form and of each, under every profile, are the native ones', () => {
  for (const [name, profile, arg] of PROFILES) {
    const want = native('rules', '--json', ...(arg === undefined ? [] : ['--profile', arg]));
    const options = profile === undefined ? undefined : { profile };
    same(sf.rules(undefined, options), want, `${name}: every form`);
    same(sf.rules(null, options), want, `${name}: every form (null)`);
    for (const id of ids) same(sf.rules(id, options), want.filter((r) => r.form === id || r.form === '*'), `${name}: ${id}`);
  }
});

test('schema() in both dialects, under every profile, is the native one', () => {
  let restricted = 0;
  for (const [name, profile, arg] of PROFILES) {
    for (const id of ids) {
      for (const dialect of ['2020-12', 'draft-07']) {
        const want = native('schema', id, '--dialect', dialect, ...(arg === undefined ? [] : ['--profile', arg]));
        const options = profile === undefined ? { dialect } : { dialect, profile };
        same(sf.schema(id, options), want, `${name}: ${id} ${dialect}`);
        if (profile === undefined) {
          if (dialect === '2020-12') same(sf.schema(id), want, `${id} without options`);
          same(sf.schema(id, { dialect: dialect === '2020-12' ? 'lenient' : 'renderer' }), want, `${id} ${dialect} by its other name`);
        } else if (JSON.stringify(want) !== JSON.stringify(sf.schema(id, { dialect }))) {
          restricted += 1;
        }
      }
    }
  }
  assert.ok(restricted >= 8, `profiles restrict some schemas (${restricted})`);
});

test('uiSchema() for both libraries and outcomeSchema() are the native ones', () => {
  for (const id of ids) {
    for (const library of ['rjsf', 'jsonforms']) same(sf.uiSchema(id, { library }), native('schema', id, '--ui', library), `${id} ${library}`);
    same(sf.uiSchema(id, { library: 'react-jsonschema-form' }), sf.uiSchema(id, { library: 'rjsf' }));
    same(sf.uiSchema(id, { library: 'json-forms' }), sf.uiSchema(id, { library: 'jsonforms' }));
    same(sf.outcomeSchema(id), native('schema', id, '--outcome'), `${id} outcome`);
  }
  // A copy each time.
  sf.outcomeSchema('sf-referral').properties = null;
  assert.notEqual(sf.outcomeSchema('sf-referral').properties, null);
});

test('mistakes are reported as the engine reports them', () => {
  const err = (fn, type, message) => assert.throws(fn, (e) => e.constructor === type && e.message === message);
  const unknown = 'unknown form: "nope"';
  err(() => sf.rules('nope'), Error, unknown);
  err(() => sf.schema('nope'), Error, unknown);
  err(() => sf.schema('nope', { dialect: 'draft-07' }), Error, unknown);
  err(() => sf.uiSchema('nope', { library: 'rjsf' }), Error, unknown);
  err(() => sf.outcomeSchema('nope'), Error, unknown);
  err(() => sf.outcomeSchema('__proto__'), Error, 'unknown form: "__proto__"');
  err(() => sf.outcomeSchema(7), TypeError, 'unknown form: "7"');
  err(() => sf.schema('sf-referral', { dialect: 'draft-04' }), Error, 'invalid option: dialect must be "2020-12" or "draft-07"');
  err(() => sf.schema('nope', { dialect: 'draft-04' }), Error, 'invalid option: dialect must be "2020-12" or "draft-07"');
  err(() => sf.schema('sf-referral', { dialect: 7 }), TypeError, 'invalid option: dialect must be "2020-12" or "draft-07"');
  err(() => sf.uiSchema('nope', { library: 'vue' }), Error, 'invalid option: library must be "rjsf" or "jsonforms"');
  err(() => sf.uiSchema('sf-referral', {}), TypeError, 'invalid option: library must be "rjsf" or "jsonforms"');
  err(() => sf.rules('sf-referral', { profile: 'nowhere' }), TypeError, 'unknown profile: "nowhere"');
  err(() => sf.schema('sf-referral', { profile: 'nowhere' }), TypeError, 'unknown profile: "nowhere"');
  // Options are read before the form is looked up, as before.
  err(() => sf.rules('nope', { profile: 'nowhere' }), TypeError, 'unknown profile: "nowhere"');
  err(() => sf.schema('nope', { profile: 'nowhere' }), TypeError, 'unknown profile: "nowhere"');
  err(() => sf.schema('sf-referral', { dialect: 'x', profile: 'nowhere' }), Error, 'invalid option: dialect must be "2020-12" or "draft-07"');
  err(() => sf.schema('sf-referral', { profile: { id: 'x' } }), TypeError, 'invalid profile: a profile must have a title');
  err(() => sf.schema('nope', { today: 'x' }), Error, 'invalid option: today must be a real date written YYYY-MM-DD');
  err(() => sf.rules(undefined, { messages: { nope: 'x' } }), TypeError, 'invalid option: messages: unknown message id "nope"');
});

test('a bundler keeps only the catalogue parts of the functions a host calls (esbuild)', async () => {
  const { buildSync } = await import('esbuild');
  const bundle = (names) => {
    const out = buildSync({
      stdin: { contents: `import init, { ${names} } from ${JSON.stringify(path.join(root, 'pkg', 'index.js'))}; await init(); console.log(${names});`, resolveDir: root, loader: 'js' },
      bundle: true, format: 'esm', minify: true, write: false, platform: 'browser', loader: { '.wasm': 'file' }, outdir: os.tmpdir(), logLevel: 'silent',
    });
    return out.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('');
  };
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'pkg', 'catalogue.json'), 'utf8'));
  const ruleText = doc.rules['sf-referral'][0].summary;
  const schemaText = doc.schemas['2020-12']['sf-referral'].$defs.date.description;
  const validating = bundle('validate, FormSession');
  const messageId = doc.messages[0].id;
  assert.ok(!validating.includes(ruleText) && !validating.includes(schemaText) && !validating.includes(messageId), 'no catalogue');
  const withRules = bundle('validate, rules');
  assert.ok(withRules.includes(ruleText) && !withRules.includes(schemaText) && !withRules.includes(messageId), 'the rules\' part only');
});
