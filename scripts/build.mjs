// Builds the npm package in pkg/: wasm-pack (--target web), wasm-opt from the npm package `binaryen` (Debian's is
// too old, and wasm-pack's own download cannot work offline), then the thin JS wrapper as the package's entry.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'pkg');
const env = {
  ...process.env,
  PATH: [path.join(root, 'node_modules', '.bin'), path.join(os.homedir(), '.cargo', 'bin'), process.env.PATH].join(path.delimiter),
};
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, env, stdio: 'inherit' });

run('wasm-pack', ['build', '--target', 'web', '--profile', 'wasm-release', '--out-dir', 'pkg', '--out-name', 'safeguarding_forms', '--no-pack', '--', '--no-default-features']);

const wasm = path.join(pkg, 'safeguarding_forms_bg.wasm');
const before = fs.statSync(wasm).size;
run('wasm-opt', ['-Oz', '--enable-reference-types', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-multivalue', '--strip-debug', '--strip-producers', wasm, '-o', wasm]);
const bytes = fs.readFileSync(wasm);

for (const f of ['index.js', 'index.d.ts', 'forms.d.ts']) fs.copyFileSync(path.join(root, 'js', f), path.join(pkg, f));

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
  fs.writeFileSync(file, text);
  const dts = file.replace(/\.js$/, '.d.ts');
  fs.appendFileSync(dts, '\n/** Added by scripts/build.mjs (self-healing): re-instantiates the loaded module. */\nexport function __sf_reinstantiate(): unknown;\n');
  console.log(`pkg/: glue patched for self-healing (${finalizers} finalizer(s), ${registers} registration(s))`);
}
patchGlue(path.join(pkg, 'safeguarding_forms.js'));
fs.rmSync(path.join(pkg, '.gitignore'), { force: true });

const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
const version = /^version = "([^"]+)"/m.exec(cargo)[1];
const manifest = {
  name: 'safeguarding-forms',
  version,
  description: 'Validation rules of the Family Safeguarding and Strengthening Families case-recording forms (WebAssembly).',
  license: 'MIT OR Apache-2.0',
  repository: { type: 'git', url: 'https://example.invalid/safeguarding-forms.git' },
  type: 'module',
  module: 'index.js',
  main: 'index.js',
  types: 'index.d.ts',
  exports: { '.': { types: './index.d.ts', default: './index.js' }, './safeguarding_forms_bg.wasm': './safeguarding_forms_bg.wasm' },
  files: ['index.js', 'index.d.ts', 'forms.d.ts', 'safeguarding_forms.js', 'safeguarding_forms.d.ts', 'safeguarding_forms_bg.wasm', 'safeguarding_forms_bg.wasm.d.ts'],
  sideEffects: false,
  keywords: ['validation', 'social-care', 'safeguarding', 'govuk', 'forms', 'wasm'],
};
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const glue = fs.readFileSync(path.join(pkg, 'safeguarding_forms.js'));
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`pkg/: wasm ${kb(before)} -> ${kb(bytes.length)} (gzip ${kb(gz(bytes))}); glue + wrapper gzip ${kb(gz(glue) + gz(fs.readFileSync(path.join(pkg, 'index.js'))))}`);
