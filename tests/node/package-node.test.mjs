// The packed package as a vendor installs it (`npm pack` of pkg/, `npm install <tarball>` into a scratch project),
// used from node_modules in Node 20: its files and package.json (README, licences, repository, engines, exports),
// ESM `await init()` and `initSync()` with no argument (the `node` condition's entry reads the .wasm from its own
// folder), CommonJS `require` (node.cjs) and `await import()` from CommonJS, and the types found through `exports` by
// `tsc --strict` with `moduleResolution` bundler and node16. Browsers and bundlers: package-bundlers.test.mjs.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { compileTypes as compile, packAndInstall, runNode, root } from './package-tarball.mjs';

let app;
before(() => { app = packAndInstall(); });
after(() => app?.cleanup());

const write = (name, text) => {
  const file = path.join(app.dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};

// One known good and one known bad referral (the open assessment left out: REF-001 at /assessment).
const REFERRAL = `{
  referralDate: '2025-05-20', receivedOn: '2025-05-21', route: 'social-work-assessment', service: 'whole-family-working',
  referrer: { name: 'A Referrer', agency: 'social-care', email: 'a.referrer@example.gov.uk', phone: '01952 387183' },
  address: { line1: '1 Pool Farm Avenue', town: 'Telford', postcode: 'TF1 6FR' },
  assessment: { type: 'social-work-assessment', date: '2025-05-01', open: true },
  plan: { type: 'child-in-need-plan', date: '2025-05-10', open: true },
  consent: { given: true, date: '2025-05-01', by: 'Parent' },
  locality: 'hadley-castle',
  children: [{ name: 'C', dateOfBirth: '2012-01-15' }],
  adults: [{ name: 'P', relationship: 'mother' }],
  criteria: ['youth-offending', 'asb-level-2', 'adult-offending', 'homelessness-risk', 'physical-chastisement'].map((id) => ({ id })),
}`;
const CHECK = `
const good = ${REFERRAL};
const { assessment, ...bad } = good;
const options = { today: '2025-06-02', stage: 'submit' };
const summary = (r) => ({ valid: r.valid, findings: r.diagnostics.map((d) => d.code + ' ' + d.path), eligible: r.outcome?.eligible });
const show = (sf) => console.log(JSON.stringify({ good: summary(sf.validate('sf-referral', good, options)), bad: summary(sf.validate('sf-referral', bad, options)) }));
`;

function assertReports(out) {
  const r = JSON.parse(out.trim().split('\n').at(-1));
  assert.equal(r.good.valid, true, `the good referral: ${JSON.stringify(r.good)}`);
  assert.equal(r.good.eligible, true);
  assert.equal(r.bad.valid, false);
  assert.ok(r.bad.findings.includes('REF-001 /assessment'), `REF-001 at /assessment expected: ${r.bad.findings}`);
  return r;
}

describe('the tarball', () => {
  test('holds the README, both licences, the entries, the types, the .wasm, the catalogue and the drop-in script', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'index.js', 'index.d.ts', 'forms.d.ts',
      'node.js', 'node.cjs', 'node.d.ts', 'node.d.cts', 'safeguarding_forms.js', 'safeguarding_forms_bg.wasm',
      'catalogue.js', 'catalogue.json', 'embed.js', 'embed.css']) {
      assert.ok(app.files.includes(f), `${f} is not in the tarball (${app.files.join(', ')})`);
    }
    // Every module the drop-in script imports by a relative path is in the package too.
    const embed = fs.readFileSync(path.join(app.installed, 'embed.js'), 'utf8');
    for (const m of embed.matchAll(/\bfrom\s*(['"])(\.\.?\/[^'"]+)\1/g)) {
      assert.ok(fs.existsSync(path.resolve(app.installed, m[2])), `embed.js imports ${m[2]}, missing from the package`);
    }
    assert.match(fs.readFileSync(path.join(app.installed, 'LICENSE-MIT'), 'utf8'), /Permission is hereby granted, free of charge/);
    assert.match(fs.readFileSync(path.join(app.installed, 'LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0/);
    assert.ok(!app.files.some((f) => f === '.gitignore' || f.startsWith('tests/') || f.endsWith('.rs')), app.files.join(', '));
  });

  test('package.json: licence, a real repository (Cargo.toml\'s), engines, sideEffects, exports', () => {
    const m = app.manifest;
    const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
    const repo = /^repository = "([^"]+)"/m.exec(cargo)[1];
    assert.equal(m.license, 'MIT OR Apache-2.0');
    assert.match(cargo, /^license = "MIT OR Apache-2\.0"$/m);
    assert.doesNotMatch(repo, /example|invalid|localhost/);
    assert.equal(m.repository.url, `git+${repo}.git`);
    assert.match(m.engines.node, /^>=\d+/);
    assert.ok(Number(m.engines.node.slice(2)) <= Number(process.versions.node.split('.')[0]), 'this Node is within engines');
    assert.deepEqual(m.sideEffects, ['./embed.js', './embed.css']);
    const dot = m.exports['.'];
    assert.equal(dot.browser.default, './index.js');
    assert.equal(dot.node.default, './node.js');
    assert.equal(dot.node.require.default, './node.cjs');
    assert.equal(dot.default, './index.js');
    assert.equal(m.exports['./embed'], './embed.js');
    assert.equal(m.exports['./embed.css'], './embed.css');
    // Every file the exports map names is in the package.
    const targets = [];
    (function walk(v) { if (typeof v === 'string') targets.push(v); else for (const x of Object.values(v)) walk(x); })(m.exports);
    assert.ok(targets.length >= 10);
    for (const t of targets) assert.ok(fs.existsSync(path.join(app.installed, t)), `exports names ${t}, not in the package`);
  });

  test('the README names the one setting each bundler needs, and the Node and CommonJS uses', () => {
    const readme = fs.readFileSync(path.join(app.installed, 'README.md'), 'utf8');
    assert.match(readme, /optimizeDeps:\s*\{\s*exclude:\s*\['safeguarding-forms'\]\s*\}/);
    assert.match(readme, /loader:\s*\{\s*'\.wasm':\s*'file'\s*\}/);
    assert.match(readme, /--loader:\.wasm=file/);
    assert.match(readme, /webpack/i);
    assert.match(readme, /require\('safeguarding-forms'\)/);
    assert.match(readme, /await import\('safeguarding-forms'\)/);
    assert.match(readme, /safeguarding-forms\/embed/);
    assert.doesNotMatch(readme, /\bpkg\//, 'no path into the repository\'s build folder: a vendor has node_modules, not pkg/');
  });
});

describe('Node, from node_modules', () => {
  test('resolution: import gets node.js, require gets node.cjs', () => {
    const f = write('resolve.mjs', `import { createRequire } from 'node:module';
console.log(JSON.stringify({ esm: import.meta.resolve('safeguarding-forms'), cjs: createRequire(import.meta.url).resolve('safeguarding-forms') }));`);
    const r = JSON.parse(runNode(app.dir, f));
    assert.match(r.esm, /\/node_modules\/safeguarding-forms\/node\.js$/);
    assert.match(r.cjs, /\/node_modules\/safeguarding-forms\/node\.cjs$/);
  });

  test('ESM: await init() with no argument reads the .wasm from the package\'s own folder', () => {
    const f = write('esm-init.mjs', `import init, * as sf from 'safeguarding-forms';${CHECK}
await init();
show(sf);`);
    assertReports(runNode(app.dir, f));
  });

  test('ESM: initSync() with no argument, and init() with a path or file: URL', () => {
    const f = write('esm-sync.mjs', `import { initSync, validate } from 'safeguarding-forms';${CHECK}
initSync();
show({ validate });`);
    assertReports(runNode(app.dir, f));
    const g = write('esm-path.mjs', `import init, { validate } from 'safeguarding-forms';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';${CHECK}
const wasm = createRequire(import.meta.url).resolve('safeguarding-forms/safeguarding_forms_bg.wasm');
await init(process.argv[2] === 'url' ? pathToFileURL(wasm) : wasm);
show({ validate });`);
    assertReports(runNode(app.dir, g, ['url']));
    assertReports(runNode(app.dir, g, ['path']));
  });

  test('ESM: before init, a call throws a clear error (not a wrong answer)', () => {
    const f = write('esm-noinit.mjs', `import { validate } from 'safeguarding-forms';
try { validate('sf-referral', {}); console.log('no error'); } catch (e) { console.log('threw: ' + e.message); }`);
    assert.match(runNode(app.dir, f), /^threw: /);
  });

  test('CommonJS: require() with initSync() (no argument), and with await init()', () => {
    const f = write('cjs-sync.cjs', `const sf = require('safeguarding-forms');${CHECK}
sf.initSync();
show(sf);`);
    assertReports(runNode(app.dir, f));
    const g = write('cjs-async.cjs', `const { default: init, validate } = require('safeguarding-forms');${CHECK}
init().then(() => show({ validate }));`);
    assertReports(runNode(app.dir, g));
  });

  test('CommonJS: await import() gets the ESM entry', () => {
    const f = write('cjs-import.cjs', `${CHECK}
(async () => {
  const sf = await import('safeguarding-forms');
  await sf.default();
  show(sf);
})();`);
    assertReports(runNode(app.dir, f));
  });

  test('the README\'s Node examples run as written from node_modules', () => {
    const readme = fs.readFileSync(path.join(app.installed, 'README.md'), 'utf8');
    const section = (title) => readme.slice(readme.indexOf(`## ${title}`), readme.indexOf('\n## ', readme.indexOf(`## ${title}`) + 3));
    const blocks = [section('Use it'), section('In Node')].flatMap((t) => [...t.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]));
    assert.ok(blocks.length >= 3, `the README has its examples (${blocks.length})`);
    blocks.forEach((code, i) => {
      const cjs = /\brequire\(/.test(code);
      // Each example, then a line that shows the module is loaded and answers.
      const probe = cjs
        ? "\nconsole.log(JSON.stringify(require('safeguarding-forms').forms().length));\n"
        : "\nimport { forms as __forms } from 'safeguarding-forms';\nconsole.log(JSON.stringify(__forms().length));\n";
      const f = write(`readme-${i}.${cjs ? 'cjs' : 'mjs'}`, code + probe);
      const out = runNode(app.dir, f).trim().split('\n').at(-1);
      assert.ok(Number(out) >= 28, `README example ${i + 1} (${cjs ? 'CommonJS' : 'ESM'}) ran and the module answered: ${out}`);
    });
  });

  test('node.cjs is built from the patched glue (self-healing kept)', () => {
    const cjs = fs.readFileSync(path.join(app.installed, 'node.cjs'), 'utf8');
    assert.match(cjs, /__sf_reinstantiate/);
    assert.match(cjs, /__sf_generation/);
    assert.doesNotMatch(cjs, /import\.meta/);
  });
});

describe('types through exports (tsc --strict)', () => {
  const USE = `import init, { validate, FormSession } from 'safeguarding-forms';
await init();
const report = validate('sf-referral', { route: 'social-work-assessment' }, { today: '2025-06-02' });
const codes: string[] = report.diagnostics.map((d) => d.code);
const session = new FormSession('sf-referral');
session.set('/route', 'social-work-assessment');
export { codes };
`;

  test('moduleResolution bundler: the web entry\'s types; initSync needs its bytes there', () => {
    const dir = path.join(app.dir, 'ts-bundler');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'use.ts'), USE);
    assert.equal(compile(dir, { module: 'esnext', moduleResolution: 'bundler' }), '');
    fs.writeFileSync(path.join(dir, 'bad.ts'), `import { initSync, notExported } from 'safeguarding-forms';\ninitSync();\nexport { notExported };\n`);
    const out = compile(dir, { module: 'esnext', moduleResolution: 'bundler' });
    assert.match(out, /bad\.ts.*TS(2305|2614).*notExported/, out);
    assert.match(out, /bad\.ts\(2,1\).*TS2554/, `initSync() without bytes is a type error for the web entry:\n${out}`);
  });

  test('moduleResolution node16: the Node entry\'s types (init() and initSync() with no argument)', () => {
    const dir = path.join(app.dir, 'ts-node16');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'use.mts'), `${USE}\nimport { initSync } from 'safeguarding-forms';\ninitSync();\n`);
    fs.writeFileSync(path.join(dir, 'use-cjs.cts'), `import sf = require('safeguarding-forms');
sf.initSync();
export const n: number = sf.forms().length;
const session: sf.FormSession = new sf.FormSession('sf-referral');
export const valid: boolean = session.report().valid;
export const loading: Promise<unknown> = sf.default();
`);
    assert.equal(compile(dir, { module: 'node16', moduleResolution: 'node16' }), '');
    fs.writeFileSync(path.join(dir, 'bad.mts'), `import { notExported } from 'safeguarding-forms';\nexport { notExported };\n`);
    assert.match(compile(dir, { module: 'node16', moduleResolution: 'node16' }), /bad\.mts.*TS(2305|2614)/);
  });
});
