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

run('wasm-pack', ['build', '--target', 'web', '--release', '--out-dir', 'pkg', '--out-name', 'safeguarding_forms', '--no-pack', '--', '--no-default-features']);

const wasm = path.join(pkg, 'safeguarding_forms_bg.wasm');
const before = fs.statSync(wasm).size;
run('wasm-opt', ['-Oz', '--enable-reference-types', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-multivalue', '--strip-debug', '--strip-producers', wasm, '-o', wasm]);
const bytes = fs.readFileSync(wasm);

for (const f of ['index.js', 'index.d.ts']) fs.copyFileSync(path.join(root, 'js', f), path.join(pkg, f));
fs.rmSync(path.join(pkg, '.gitignore'), { force: true });

const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
const version = /^version = "([^"]+)"/m.exec(cargo)[1];
const manifest = {
  name: 'safeguarding-forms',
  version,
  description: 'Validation rules of the Family Safeguarding and Strengthening Families case-recording forms (WebAssembly).',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  module: 'index.js',
  main: 'index.js',
  types: 'index.d.ts',
  exports: { '.': { types: './index.d.ts', default: './index.js' }, './safeguarding_forms_bg.wasm': './safeguarding_forms_bg.wasm' },
  files: ['index.js', 'index.d.ts', 'safeguarding_forms.js', 'safeguarding_forms.d.ts', 'safeguarding_forms_bg.wasm', 'safeguarding_forms_bg.wasm.d.ts'],
  sideEffects: false,
  keywords: ['validation', 'social-care', 'safeguarding', 'govuk', 'forms', 'wasm'],
};
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const glue = fs.readFileSync(path.join(pkg, 'safeguarding_forms.js'));
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`pkg/: wasm ${kb(before)} -> ${kb(bytes.length)} (gzip ${kb(gz(bytes))}); glue + wrapper gzip ${kb(gz(glue) + gz(fs.readFileSync(path.join(pkg, 'index.js'))))}`);
