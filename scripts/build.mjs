// Builds the npm package in pkg/: wasm-pack (--target web), wasm-opt from the npm package `binaryen` (Debian's is
// too old, and wasm-pack's own download cannot work offline), then the thin JS wrapper as the package's entry.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { writeCatalogue } from './catalogue.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'pkg');
const env = {
  ...process.env,
  PATH: [path.join(root, 'node_modules', '.bin'), path.join(os.homedir(), '.cargo', 'bin'), process.env.PATH].join(path.delimiter),
};
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, env, stdio: 'inherit' });

run('wasm-pack', ['build', '--target', 'web', '--profile', 'wasm-release', '--out-dir', 'pkg', '--out-name', 'safeguarding_forms', '--no-pack', '--', '--no-default-features', '--features', 'all-forms']);

const wasm = path.join(pkg, 'safeguarding_forms_bg.wasm');
const before = fs.statSync(wasm).size;
run('wasm-opt', ['-Oz', '--enable-reference-types', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-multivalue', '--strip-debug', '--strip-producers', wasm, '-o', wasm]);
const bytes = fs.readFileSync(wasm);

for (const f of ['index.js', 'index.d.ts', 'forms.d.ts']) fs.copyFileSync(path.join(root, 'js', f), path.join(pkg, f));
// The catalogue (catalogue.json, and catalogue.js which index.js imports): what the module leaves out.
writeCatalogue(pkg);

// Test hooks (issue 18): js/index.js marks what only tests may use (`__testing.trapNext`, which forces a trap) between
// `// @test-hook-begin` and `// @test-hook-end`. The package's index.js has those blocks removed; the whole file is
// kept as pkg/test-hooks.js for the tests that force traps (it is in neither the package's `files` nor its `exports`).
function stripTestHooks(file, full) {
  const text = fs.readFileSync(file, 'utf8');
  const block = /^[ \t]*\/\/ @test-hook-begin[^\n]*\n[\s\S]*?^[ \t]*\/\/ @test-hook-end[^\n]*\n/gm;
  const stripped = text.replace(block, '');
  if (stripped === text || /@test-hook|trapNext|trapsPending/.test(stripped)) {
    throw new Error(`scripts/build.mjs: the test hooks of ${path.relative(root, file)} are not marked as expected`);
  }
  fs.writeFileSync(full, text);
  fs.writeFileSync(file, stripped);
}
stripTestHooks(path.join(pkg, 'index.js'), path.join(pkg, 'test-hooks.js'));

// Self-healing (js/index.js): a wasm panic aborts as `RuntimeError: unreachable` and leaves the instance unusable, so
// the wrapper re-instantiates the compiled module after one. The glue of wasm-bindgen 0.2.130 keeps exactly one
// instance (`if (wasm !== undefined) return wasm;`), so we add to it, deterministically:
//   - `__sf_reinstantiate()`: a new instance of the module it already holds, synchronously (no fetch, no await, so
//     the very next call works; loading a fresh copy of the glue instead would need an async `import()` and would
//     leave two glue copies with their own `wasm` variables to keep apart);
//   - a generation number held by each object's finalizer, so that an object of the old instance, garbage-collected
//     later, is never freed into the new instance's memory (which would corrupt it).
// Every edit must find its text exactly, and the glue must come from the wasm-bindgen version the edit was written
// for: a new version fails the build here until someone has read its glue and updated PATCHED_FOR.
const PATCHED_FOR = '0.2.130';
// Strings into wasm by one native encodeInto (issue 20, the cold path): scripts/glue-strings.mjs.
const { passStringsByEncodeInto } = await import('./glue-strings.mjs');
function patchGlue(file) {
  const lock = fs.readFileSync(path.join(root, 'Cargo.lock'), 'utf8');
  const bindgen = /\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)?.[1];
  const fail = (why) => {
    throw new Error(`scripts/build.mjs: cannot patch ${path.relative(root, file)} for self-healing: ${why}`);
  };
  if (bindgen !== PATCHED_FOR) fail(`wasm-bindgen is ${bindgen}, the patch was written for ${PATCHED_FOR}; read the new glue and update it`);
  let text = fs.readFileSync(file, 'utf8');
  const replaceExactly = (what, re, to, atLeast = 1) => {
    const n = (text.match(re) ?? []).length;
    if (n < atLeast) fail(`expected text not found: ${what}`);
    text = text.replace(re, to);
    return n;
  };
  replaceExactly('the instance variables', /^let wasmModule, wasmInstance, wasm;$/m, `let wasmModule, wasmInstance, wasm;
let __sf_generation = 0;
/** Added by scripts/build.mjs: a fresh instance of the module already loaded, after a trap broke the old one. */
export function __sf_reinstantiate() {
    if (wasmModule === undefined) throw new Error('safeguarding-forms is not initialised: call init() or initSync() first');
    const instance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    __sf_generation++;
    return __wbg_finalize_init(instance, wasmModule);
}`);
  const finalizers = replaceExactly('a finalizer', /new FinalizationRegistry\(ptr => wasm\.(__wbg_\w+_free)\(ptr(?: >>> 0)?, 1\)\)/g,
    'new FinalizationRegistry(held => { if (held[1] === __sf_generation) wasm.$1(held[0], 1); })');
  const registers = replaceExactly('a finalizer registration', /(\w+Finalization)\.register\((\w+), \2\.__wbg_ptr, \2\);/g,
    '$1.register($2, [$2.__wbg_ptr, __sf_generation], $2);', finalizers);
  if (/FinalizationRegistry\(ptr/.test(text) || /Finalization\.register\(\w+, \w+\.__wbg_ptr,/.test(text)) fail('an unpatched finalizer is left');
  replaceExactly('the single-init guard', /^function __wbg_finalize_init\(instance, module\) \{$/m, '$&');
  text = passStringsByEncodeInto(text);
  fs.writeFileSync(file, text);
  const dts = file.replace(/\.js$/, '.d.ts');
  fs.appendFileSync(dts, '\n/** Added by scripts/build.mjs (self-healing): re-instantiates the loaded module. */\nexport function __sf_reinstantiate(): unknown;\n');
  console.log(`pkg/: glue patched for self-healing (${finalizers} finalizer(s), ${registers} registration(s))`);
}
patchGlue(path.join(pkg, 'safeguarding_forms.js'));
fs.rmSync(path.join(pkg, '.gitignore'), { force: true });

// ---------------------------------------------------------------------------------------------------------------
// Package assembly: the entries beside the glue, the README and licences, the drop-in script, and package.json.
//   - index.js     the web entry (browsers and bundlers): `init()` fetches the .wasm by
//                  `new URL('safeguarding_forms_bg.wasm', import.meta.url)` in the glue, which Vite and webpack 5 follow
//                  and emit (the Vite 7 dev server needs `optimizeDeps.exclude`); esbuild needs `--loader:.wasm=file`
//                  (js/README.md says how; tests/node/package-bundlers.test.mjs proves each);
//   - node.js      the Node entry (`node` condition): `init()` / `initSync()` with no argument read the .wasm from disk;
//   - node.cjs     node.js bundled as CommonJS (esbuild), for `require('safeguarding-forms')`;
//   - embed.js     www/embed.js, the drop-in script, with the modules it imports and embed.css, loading the package
//                  entry next to it (./index.js) unless the page says otherwise.
for (const f of ['node.js', 'node.d.ts']) fs.copyFileSync(path.join(root, 'js', f), path.join(pkg, f));
fs.copyFileSync(path.join(root, 'js', 'README.md'), path.join(pkg, 'README.md'));
for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) fs.copyFileSync(path.join(root, f), path.join(pkg, f));

const { buildSync } = await import('esbuild');
buildSync({
  entryPoints: [path.join(pkg, 'node.js')], outfile: path.join(pkg, 'node.cjs'), bundle: true, format: 'cjs',
  platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none',
  // The glue and node.js find the .wasm by import.meta.url; in CommonJS that is this file's own URL.
  define: { 'import.meta.url': '__sf_import_meta_url' },
  banner: { js: '// safeguarding-forms: node.js bundled as CommonJS by scripts/build.mjs (esbuild). Do not edit.\n"use strict";\nconst __sf_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
});
// Types for `require` (TypeScript's node16/nodenext resolution of a .cts file): the Node entry's, re-exported from
// CommonJS. Types come through `export type *`; each value the module really exports (as loaded here) is declared by
// its type in node.d.ts. Names starting with `__` are internal and left out.
const nodeModule = await import(pathToFileURL(path.join(pkg, 'node.js')).href);
const nodeExports = Object.keys(nodeModule).filter((k) => k !== 'default' && !k.startsWith('__'));
const isClass = (v) => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v));
fs.writeFileSync(path.join(pkg, 'node.d.cts'), [
  '// Types of node.cjs (require(\'safeguarding-forms\')): the Node entry\'s, generated by scripts/build.mjs.',
  "import type * as Node from './node.js' with { 'resolution-mode': 'import' };",
  "export type * from './node.js' with { 'resolution-mode': 'import' };",
  ...nodeExports.flatMap((k) => [`export declare const ${k}: typeof Node.${k};`, ...(isClass(nodeModule[k]) ? [`export type ${k} = Node.${k};`] : [])]),
  'declare const _default: typeof Node.default;',
  'export default _default;',
  '',
].join('\n'));

/** Copies a browser module and, recursively, the modules it imports by a relative path, keeping their layout. */
function copyModule(from, to, rewrite = (t) => t, seen = new Set()) {
  if (seen.has(from)) return;
  seen.add(from);
  const text = rewrite(fs.readFileSync(from, 'utf8'));
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, text);
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.\.?\/[^'"]+)\1/g)) {
    const rel = m[2];
    const src = path.resolve(path.dirname(from), rel);
    const dst = path.resolve(path.dirname(to), rel);
    if (!dst.startsWith(pkg + path.sep)) throw new Error(`scripts/build.mjs: ${path.relative(root, from)} imports ${rel}, outside the package`);
    copyModule(src, dst, (t) => t, seen);
  }
}
const embedFrom = path.join(root, 'www', 'embed.js');
copyModule(embedFrom, path.join(pkg, 'embed.js'), (text) => {
  // In the demo the script loads /pkg/index.js; in the package, the entry beside it (a page can still say
  // data-sf-package="…"). Exactly one default must be found, or the build stops here.
  // (A string literal, not the `data-sf-package="/pkg/index.js"` of the usage comment.)
  const re = /(?<![=\w])(['"])\/pkg\/index\.js\1/g;
  const n = (text.match(re) ?? []).length;
  if (n !== 1) throw new Error(`scripts/build.mjs: expected one '/pkg/index.js' default in www/embed.js to point at the package entry, found ${n}`);
  return text.replace(re, "new URL('./index.js', import.meta.url).href");
});
fs.copyFileSync(path.join(root, 'www', 'embed.css'), path.join(pkg, 'embed.css'));
const embedModules = [];
(function list(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) list(p);
    else if (p.endsWith('.js') && path.relative(pkg, p).split(path.sep)[0] === 'render') embedModules.push(path.relative(pkg, p).split(path.sep).join('/'));
  }
})(pkg);

const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
const version = /^version = "([^"]+)"/m.exec(cargo)[1];
const repository = /^repository = "([^"]+)"/m.exec(cargo)[1];
const manifest = {
  name: 'safeguarding-forms',
  version,
  description: 'Validation rules of the Family Safeguarding and Strengthening Families case-recording forms (WebAssembly).',
  license: 'MIT OR Apache-2.0',
  repository: { type: 'git', url: `git+${repository}.git` },
  homepage: `${repository}#readme`,
  bugs: { url: `${repository}/issues` },
  type: 'module',
  // Old resolvers that read no `exports`: the web entry (ESM) and its types.
  module: 'index.js',
  main: 'index.js',
  types: 'index.d.ts',
  exports: {
    '.': {
      // Conditions are tried in order: browsers and bundlers building for the browser first, then Node (ESM and
      // require), then everything else (bundlers with no platform condition, Deno's npm: specifiers …).
      browser: { types: './index.d.ts', default: './index.js' },
      node: {
        require: { types: './node.d.cts', default: './node.cjs' },
        types: './node.d.ts',
        default: './node.js',
      },
      types: './index.d.ts',
      default: './index.js',
    },
    './embed': './embed.js',
    './embed.js': './embed.js',
    './embed.css': './embed.css',
    './safeguarding_forms_bg.wasm': './safeguarding_forms_bg.wasm',
    './catalogue.json': './catalogue.json',
    './package.json': './package.json',
  },
  // npm adds package.json and README.md by itself, but not LICENSE-MIT / LICENSE-APACHE: they are named here.
  files: ['LICENSE-MIT', 'LICENSE-APACHE', 'index.js', 'index.d.ts', 'forms.d.ts', 'node.js', 'node.cjs', 'node.d.ts', 'node.d.cts',
    'safeguarding_forms.js', 'safeguarding_forms.d.ts', 'safeguarding_forms_bg.wasm', 'safeguarding_forms_bg.wasm.d.ts',
    'catalogue.json', 'catalogue.js',
    'embed.js', 'embed.css', ...embedModules],
  // Importing the package runs nothing; the drop-in script and its stylesheet do (they change the page).
  sideEffects: ['./embed.js', './embed.css'],
  engines: { node: '>=20' },   // what the tests run on (Node 18 is past its end of life)
  keywords: ['validation', 'social-care', 'safeguarding', 'govuk', 'forms', 'wasm'],
};
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const glue = fs.readFileSync(path.join(pkg, 'safeguarding_forms.js'));
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`pkg/: wasm ${kb(before)} -> ${kb(bytes.length)} (gzip ${kb(gz(bytes))}); glue + wrapper gzip ${kb(gz(glue) + gz(fs.readFileSync(path.join(pkg, 'index.js'))))}; catalogue.js gzip ${kb(gz(fs.readFileSync(path.join(pkg, 'catalogue.js'))))}`);
