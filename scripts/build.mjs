// Builds the npm package in pkg/: the all-forms module (pkg/, the entry `safeguarding-forms`) and one module per form
// (pkg/forms/<form-id>/, the entry `safeguarding-forms/forms/<form-id>`), each the same way (`buildModules` and
// `finishModule` below): cargo with the features that select its forms (and the standard library built with it,
// `CARGO_WASM_ENV`), the pinned wasm-bindgen CLI (--target web), wasm-opt from the npm
// package `binaryen` (Debian's is too old), the self-healing patch of the glue, then the thin JS wrapper and its
// Node entries and types. Then the package assembly (README, licences, the drop-in script, package.json).
//
// Cargo runs one build at a time (every build writes the same target/ artifact, which is copied out at once);
// wasm-bindgen, wasm-opt and the wrappers of one module run while cargo builds the next.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root, pkg, FORM_IDS, MODULES, MODULE_FILES, CARGO_TARGET, cargoWasm, unstrippedWasm, gzipBytes as gz, minifiedGzipBytes, shippedJs } from './modules.mjs';
import { writeCatalogue } from './catalogue.mjs';

const env = {
  ...process.env,
  PATH: [path.join(root, 'node_modules', '.bin'), path.join(os.homedir(), '.cargo', 'bin'), process.env.PATH].join(path.delimiter),
};
/** Runs a command to its end (output shown); rejects if it fails. */
const run = (cmd, args, extraEnv = {}) => new Promise((resolve, reject) => {
  const child = spawn(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  child.on('error', reject);
  child.on('exit', (code, signal) => (code === 0 ? resolve()
    : reject(new Error(`scripts/build.mjs: ${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`))));
});
// -O2 without memory-packing. -O1, not -Oz, since 2026-12-02 (BENCHMARKS.md, "Optimisation level"): -Oz left modules
// that gzip larger for about 5–10% quicker checks. -O2 since 2026-12-04 ("Size", fourteenth session): once
// memory-packing is left out, -O2 gzips 0.4–0.6 kB smaller than -O1 on every module and checks as quickly (A/B
// 0.96–1.02). Memory-packing (which every -O level runs) cuts the zero runs out of the data (the padding and empty
// fields of the models' and rules' static tables) and leaves about a thousand small segments, each with its own
// header; gzip does better with the zeros than with the headers: all forms 245.5 → 241.1 kB of .wasm gzip for 7 kB
// more raw, single forms 0.2–0.5 kB. -O3 without local-cse since the fifteenth session (2026-12-04): 0.4 kB gzip
// smaller than -O2 on all forms (0–0.1 kB on a single form), the same instructions a check within 1% (BENCHMARKS.md,
// "Comparing keys in the module"); local-cse makes it larger.
const WASM_OPT_FLAGS = ['-O3', '--skip-pass=memory-packing', '--skip-pass=local-cse', '--enable-reference-types', '--enable-bulk-memory',
  '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-multivalue', '--strip-debug', '--strip-producers'];
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const { buildSync } = await import('esbuild');

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
  return { finalizers, registers };
}

/**
 * js/forms.d.ts narrowed to one form, for its module's types: `FormData` and `FormOutcome` hold that form only, so
 * `FormId` is its id (another id does not compile), and `CarryForwardFormId` is its id or `never`. The other forms'
 * interfaces stay (as types they cost nothing, and index.d.ts names one of them).
 */
function narrowFormTypes(text, formId) {
  let maps = 0;
  let out = text.replace(/^(export interface (?:FormData|FormOutcome) \{\n)([\s\S]*?)(^\}$)/gm, (_all, head, body, tail) => {
    maps += 1;
    const lines = body.split('\n');
    const entries = lines.filter((l) => /^ {2}'[a-z0-9-]+': \w+;$/.test(l));
    const mine = entries.filter((l) => l.startsWith(`  '${formId}': `));
    if (entries.length !== FORM_IDS.length || mine.length !== 1) {
      throw new Error(`scripts/build.mjs: js/forms.d.ts: ${head.trim()} does not list each of the ${FORM_IDS.length} forms once`);
    }
    return head + lines.filter((l) => !entries.includes(l) || mine.includes(l)).join('\n') + tail;
  });
  if (maps !== 2) throw new Error('scripts/build.mjs: js/forms.d.ts has not the FormData and FormOutcome maps expected');
  let carry = 0;
  out = out.replace(/^export type CarryForwardFormId = (.*);$/m, (_all, union) => {
    carry += 1;
    const ids = [...union.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]);
    return `export type CarryForwardFormId = ${ids.includes(formId) ? `'${formId}'` : 'never'};`;
  });
  if (carry !== 1) throw new Error('scripts/build.mjs: js/forms.d.ts has no `export type CarryForwardFormId = ...;`');
  return `// The types of the module of ${formId} alone (scripts/build.mjs narrowed js/forms.d.ts): FormId is '${formId}'.\n${out}`;
}

/** Types for `require` (TypeScript's node16/nodenext resolution of a .cts file): the Node entry's, re-exported from
 * CommonJS. Types come through `export type *`; each value the module really exports (as loaded here) is declared by
 * its type in node.d.ts. Names starting with `__` are internal and left out. */
async function writeNodeCts(dir) {
  const nodeModule = await import(pathToFileURL(path.join(dir, 'node.js')).href);
  const nodeExports = Object.keys(nodeModule).filter((k) => k !== 'default' && !k.startsWith('__'));
  const isClass = (v) => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v));
  fs.writeFileSync(path.join(dir, 'node.d.cts'), [
    '// Types of node.cjs (require(\'safeguarding-forms\')): the Node entry\'s, generated by scripts/build.mjs.',
    "import type * as Node from './node.js' with { 'resolution-mode': 'import' };",
    "export type * from './node.js' with { 'resolution-mode': 'import' };",
    ...nodeExports.flatMap((k) => [`export declare const ${k}: typeof Node.${k};`, ...(isClass(nodeModule[k]) ? [`export type ${k} = Node.${k};`] : [])]),
    'declare const _default: typeof Node.default;',
    'export default _default;',
    '',
  ].join('\n'));
}

/**
 * One module, from its un-stripped cargo build to its folder: the glue and .wasm (wasm-bindgen --target web), the
 * optimised .wasm (wasm-opt), the patched glue, and the entries beside them:
 *   - index.js   the web entry (browsers and bundlers): `init()` fetches the .wasm by
 *                `new URL('safeguarding_forms_bg.wasm', import.meta.url)` in the glue, which Vite and webpack 5 follow
 *                and emit (the Vite 7 dev server needs `optimizeDeps.exclude`); esbuild needs `--loader:.wasm=file`
 *                (js/README.md says how; tests/node/package-bundlers.test.mjs proves each);
 *   - node.js    the Node entry (`node` condition): `init()` / `initSync()` with no argument read the .wasm from disk;
 *   - node.cjs   node.js bundled as CommonJS (esbuild), for `require`;
 *   - index.d.ts, node.d.ts, node.d.cts, forms.d.ts: the types (a form's module: narrowed to that form).
 */
async function finishModule(m, unstripped) {
  const started = Date.now();
  fs.mkdirSync(m.dir, { recursive: true });
  await run('wasm-bindgen', ['--target', 'web', '--out-dir', m.dir, '--out-name', 'safeguarding_forms', unstripped]);
  const wasm = path.join(m.dir, 'safeguarding_forms_bg.wasm');
  const rawBytes = fs.statSync(wasm).size;
  await run('wasm-opt', [...WASM_OPT_FLAGS, wasm, '-o', wasm]);

  for (const f of ['index.js', 'index.d.ts', 'node.js', 'node.d.ts']) fs.copyFileSync(path.join(root, 'js', f), path.join(m.dir, f));
  const formTypes = fs.readFileSync(path.join(root, 'js', 'forms.d.ts'), 'utf8');
  fs.writeFileSync(path.join(m.dir, 'forms.d.ts'), m.formId === null ? formTypes : narrowFormTypes(formTypes, m.formId));
  // The catalogue (catalogue.json, and catalogue.js which index.js imports): what the module leaves out; a form's
  // module has that form's only.
  writeCatalogue(m.dir, m.formId === null ? {} : { formId: m.formId });
  stripTestHooks(path.join(m.dir, 'index.js'), path.join(m.dir, 'test-hooks.js'));
  const patched = patchGlue(path.join(m.dir, 'safeguarding_forms.js'));
  // Shipped without their comments (scripts/modules.mjs, shippedJs); test-hooks.js (the test build) keeps them, and
  // tests/node/adversarial-edges.test.mjs holds index.js to be exactly it, its hooks and comments removed.
  for (const [f, source] of [['index.js', 'js/index.js'], ['node.js', 'js/node.js'], ['safeguarding_forms.js', 'the glue of wasm-bindgen ' + PATCHED_FOR + ', patched']]) {
    const file = path.join(m.dir, f);
    fs.writeFileSync(file, shippedJs(fs.readFileSync(file, 'utf8'), source));
  }
  fs.rmSync(path.join(m.dir, '.gitignore'), { force: true });

  buildSync({
    entryPoints: [path.join(m.dir, 'node.js')], outfile: path.join(m.dir, 'node.cjs'), bundle: true, format: 'cjs',
    platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none',
    // The glue and node.js find the .wasm by import.meta.url; in CommonJS that is this file's own URL.
    define: { 'import.meta.url': '__sf_import_meta_url' },
    banner: { js: '// safeguarding-forms: node.js bundled as CommonJS by scripts/build.mjs (esbuild). Do not edit.\n"use strict";\nconst __sf_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  });
  await writeNodeCts(m.dir);

  const bytes = fs.readFileSync(wasm);
  const js = ['safeguarding_forms.js', 'index.js'].map((f) => fs.readFileSync(path.join(m.dir, f), 'utf8'));
  const shipped = gz(bytes) + js.reduce((a, code) => a + gz(code), 0);
  // Beside it, the JavaScript's cost as bundlephobia and most bundle reports count it: minified (esbuild), then gzip.
  // Measured only: the package ships the glue and the wrapper as shippedJs writes them (without comments).
  const jsMin = js.reduce((a, code) => a + minifiedGzipBytes(code), 0);
  console.log(`${path.relative(root, m.dir) || '.'}/: wasm ${kb(rawBytes)} -> ${kb(bytes.length)} (gzip ${kb(gz(bytes))}); `
    + `with glue + wrapper ${kb(shipped)} gzip (${kb(gz(bytes) + jsMin)} with the JS minified: glue + wrapper ${kb(shipped - gz(bytes))} gzip, ${kb(jsMin)} minified + gzip); catalogue.js gzip ${kb(gz(fs.readFileSync(path.join(m.dir, 'catalogue.js'))))}; `
    + `glue patched (${patched.finalizers} finalizers, ${patched.registers} registrations)`);
  return Date.now() - started;
}

/**
 * The cargo command of one module. `cargo rustc --crate-type cdylib`, not `cargo build`: Cargo.toml's crate types are
 * `cdylib` and `rlib` (the command line and the tests link the rlib), and cargo performs no LTO for a build that must
 * also give an rlib, so `cargo build --lib` linked every dependency's and the standard library's object code as it came
 * (measured 2026-12-02, issue 20: the profile's `lto = true` reached no wasm module, and chrono's date tables were in
 * the referral's module twice). Asking for the cdylib alone lets the profile's fat LTO run: the referral's module
 * 386.5 → 337.2 kB raw, 157.0 → 147.1 kB gzip (BENCHMARKS.md, "Size").
 */
const CARGO_WASM_ARGS = (features) => ['rustc', '--lib', '--crate-type', 'cdylib', '--profile', 'wasm-release',
  '--target', 'wasm32-unknown-unknown', '--no-default-features', '--features', features,
  ...(PREBUILT_STD ? [] : LEAN_STD_ARGS)];

/**
 * The standard library built with each module, with the panic strategy `immediate-abort` (measured 2026-12-03,
 * BENCHMARKS.md "Size", ninth session: about 7 kB gzip off every module, checks within 2% of the time). The prebuilt
 * standard library for wasm32 carries the machinery that formats a panic's message (core::fmt for `char` and `str`
 * escapes, the grapheme and printable tables, locations), reached from core's own slicing and arithmetic panics; the
 * module can never show such a message (a panic is a trap, and the wrapper answers "checks unavailable" and starts a
 * new instance), so with `immediate-abort` every panic is the `unreachable` it already became, and LTO leaves the
 * rest out. The standard library's crates keep the opt-level they are prebuilt with (3): at the profile's "s" they
 * made checks 3–8% slower. `-Zbuild-std` and `-Cpanic=immediate-abort` are unstable: RUSTC_BOOTSTRAP=1 lets the
 * stable toolchain take them (as scripts/fuzz.sh does for cargo-fuzz), and they need the toolchain's `rust-src`
 * component (scripts/setup.sh adds it). SF_PREBUILT_STD=1 builds with the prebuilt standard library instead (larger
 * modules, the same behaviour), for a toolchain without either.
 */
const PREBUILT_STD = process.env.SF_PREBUILT_STD === '1';
const LEAN_STD_ARGS = ['-Zbuild-std=std,panic_abort',
  ...['core', 'alloc', 'std', 'compiler_builtins'].flatMap((p) => ['--config', `profile.wasm-release.package.${p}.opt-level=3`])];
const CARGO_WASM_ENV = PREBUILT_STD ? {} : {
  RUSTC_BOOTSTRAP: '1',
  // `legacy` symbol names, as a stable build gives them: RUSTC_BOOTSTRAP=1 also turns on the compiler's nightly
  // default (v0), whose names the linker leaves mangled, and scripts/size-check.mjs looks for forbidden crates by
  // their demangled paths (`regex::`, `idna::`) in the un-stripped build's names.
  RUSTFLAGS: [process.env.RUSTFLAGS, '-Zunstable-options -Cpanic=immediate-abort -Csymbol-mangling-version=legacy'].filter(Boolean).join(' '),
};

/** Refuses to start a lean build on a toolchain without the standard library's source, with what to do. */
function checkStdSource() {
  if (PREBUILT_STD) return;
  let sysroot = '';
  try {
    sysroot = execFileSync('rustc', ['--print', 'sysroot'], { env, encoding: 'utf8' }).trim();
  } catch {
    return; // cargo says what is wrong with the toolchain itself
  }
  if (!fs.existsSync(path.join(sysroot, 'lib', 'rustlib', 'src', 'rust', 'library', 'std'))) {
    throw new Error('scripts/build.mjs: the Rust toolchain has no rust-src component, which the modules are built '
      + 'with (`-Zbuild-std`): run scripts/setup.sh (or `rustup component add rust-src`), or set SF_PREBUILT_STD=1 '
      + 'to build with the prebuilt standard library (larger modules)');
  }
}

/**
 * Builds every module. Each cargo build of one module is single-threaded (one codegen unit, LTO), so two run at a
 * time, each in its own target folder (the second one's is target/lane-2: the dependencies are compiled once more
 * there, in about a minute); each module is finished (above) while cargo builds the next.
 */
// SF_ONLY=sf-referral,all-forms (a developer's shortcut while measuring one module): only those modules are built
// again; the others already in pkg/ are kept as they are. The package is whole only without it.
const ONLY = process.env.SF_ONLY ? new Set(process.env.SF_ONLY.split(',').map((s) => s.trim()).filter(Boolean)) : null;

async function buildModules() {
  checkStdSource();
  if (ONLY === null) fs.rmSync(path.join(pkg, 'forms'), { recursive: true, force: true });   // no module of a form that is gone
  // The command line writes each module's catalogue (scripts/catalogue.mjs): built once here, so that writing a
  // catalogue never waits for cargo's lock while cargo builds the next module.
  if (!process.env.SF_CLI) {
    await run('cargo', ['build', '--quiet', '--bin', 'safeguarding-forms']);
    process.env.SF_CLI = path.join(CARGO_TARGET, 'debug', `safeguarding-forms${process.platform === 'win32' ? '.exe' : ''}`);
  }
  fs.mkdirSync(path.dirname(unstrippedWasm('all-forms')), { recursive: true });
  const times = { cargo: 0, finish: 0 };
  let finishing = Promise.resolve();
  let failed = null;
  const lanes = [CARGO_TARGET, path.join(CARGO_TARGET, 'lane-2')];
  const queue = MODULES.filter((m) => ONLY === null || ONLY.has(m.name));
  const lane = async (target) => {
    for (let m = queue.shift(); m && !failed; m = queue.shift()) {
      const started = Date.now();
      try {
        await run('cargo', CARGO_WASM_ARGS(m.features), { CARGO_TARGET_DIR: target, ...CARGO_WASM_ENV });
      } catch (e) {
        failed ??= e;
        return;
      }
      times.cargo += Date.now() - started;
      const unstripped = unstrippedWasm(m.name);
      fs.copyFileSync(cargoWasm(target), unstripped);
      const mod = m;
      finishing = finishing.then(() => finishModule(mod, unstripped)).then((ms) => { times.finish += ms; });
      finishing.catch((e) => { failed ??= e; });
    }
  };
  await Promise.all(lanes.map(lane));
  await finishing;
  if (failed) throw failed;
  return times;
}

const started = Date.now();
const times = await buildModules();
console.log(`pkg/: ${MODULES.length} modules (all forms, and ${FORM_IDS.length} forms one by one) in ${((Date.now() - started) / 1000).toFixed(0)} s `
  + `(cargo ${(times.cargo / 1000).toFixed(0)} s over two lanes; wasm-bindgen, wasm-opt and wrappers ${(times.finish / 1000).toFixed(0)} s, beside cargo)`);

// ---------------------------------------------------------------------------------------------------------------
// Package assembly: the README and licences, the drop-in script, and package.json.
//   - embed.js     www/embed.js, the drop-in script, with the modules it imports and embed.css, loading the package
//                  entry next to it (./index.js) unless the page says otherwise.
fs.copyFileSync(path.join(root, 'js', 'README.md'), path.join(pkg, 'README.md'));
for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) fs.copyFileSync(path.join(root, f), path.join(pkg, f));

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
/** The conditions of a module's entry (tried in order): browsers and bundlers building for the browser first, then
 * Node (ESM and require), then everything else (bundlers with no platform condition, Deno's npm: specifiers …). */
const entry = (at) => ({
  browser: { types: `${at}index.d.ts`, default: `${at}index.js` },
  node: {
    require: { types: `${at}node.d.cts`, default: `${at}node.cjs` },
    types: `${at}node.d.ts`,
    default: `${at}node.js`,
  },
  types: `${at}index.d.ts`,
  default: `${at}index.js`,
});
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
    '.': entry('./'),
    './embed': './embed.js',
    './embed.js': './embed.js',
    './embed.css': './embed.css',
    './safeguarding_forms_bg.wasm': './safeguarding_forms_bg.wasm',
    './catalogue.json': './catalogue.json',
    // One module per form: the same API for that form alone (the module's .wasm for esbuild's file loader too).
    ...Object.fromEntries(MODULES.filter((m) => m.formId !== null).flatMap((m) => [
      [`./forms/${m.formId}`, entry(m.prefix)],
      [`./forms/${m.formId}/safeguarding_forms_bg.wasm`, `${m.prefix}safeguarding_forms_bg.wasm`],
      [`./forms/${m.formId}/catalogue.json`, `${m.prefix}catalogue.json`],
    ])),
    './package.json': './package.json',
  },
  // npm adds package.json and README.md by itself, but not LICENSE-MIT / LICENSE-APACHE: they are named here.
  files: ['LICENSE-MIT', 'LICENSE-APACHE', ...MODULES.flatMap((m) => MODULE_FILES.map((f) => `${m.prefix.slice(2)}${f}`)),
    'embed.js', 'embed.css', ...embedModules],
  // Importing the package runs nothing; the drop-in script and its stylesheet do (they change the page).
  sideEffects: ['./embed.js', './embed.css'],
  engines: { node: '>=20' },   // what the tests run on (Node 18 is past its end of life)
  keywords: ['validation', 'social-care', 'safeguarding', 'govuk', 'forms', 'wasm'],
};
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

