// The modules the npm package ships, shared by scripts/build.mjs and scripts/size-check.mjs: the all-forms module in
// pkg/ (the entry `safeguarding-forms`) and one module per form in pkg/forms/<form-id>/ (the entry
// `safeguarding-forms/forms/<form-id>`), each a build of the crate with the cargo features that select its forms.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const pkg = path.join(root, 'pkg');

/** Every form id, in the order of Cargo.toml's `all-forms` feature (each form is a feature named by its id). */
export const FORM_IDS = (() => {
  const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
  const list = /^all-forms = \[([^\]]*)\]/m.exec(cargo)?.[1];
  const ids = [...(list ?? '').matchAll(/"([a-z0-9-]+)"/g)].map((m) => m[1]);
  if (ids.length === 0) throw new Error('scripts/modules.mjs: no `all-forms = [...]` feature list in Cargo.toml');
  return ids;
})();

/**
 * The package's modules: `name` ("all-forms" or the form id), `formId` (null for all forms), the cargo `features`,
 * the folder `dir` (absolute) and its place in the package `prefix` ("./" or "./forms/<id>/").
 */
export const MODULES = [
  { name: 'all-forms', formId: null, features: 'all-forms', dir: pkg, prefix: './' },
  ...FORM_IDS.map((id) => ({ name: id, formId: id, features: id, dir: path.join(pkg, 'forms', id), prefix: `./forms/${id}/` })),
];

/** The files of one module, relative to its folder (what the package's `files` lists for each). */
export const MODULE_FILES = ['index.js', 'index.d.ts', 'forms.d.ts', 'node.js', 'node.cjs', 'node.d.ts', 'node.d.cts',
  'safeguarding_forms.js', 'safeguarding_forms.d.ts', 'safeguarding_forms_bg.wasm', 'safeguarding_forms_bg.wasm.d.ts',
  'catalogue.json', 'catalogue.js'];

/** Cargo's target folder. */
export const CARGO_TARGET = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
const targetDir = CARGO_TARGET;
/** What cargo leaves for the crate's wasm32 build in a target folder (overwritten by each module's build). */
export const cargoWasm = (target = targetDir) => path.join(target, 'wasm32-unknown-unknown', 'wasm-release', 'safeguarding_forms.wasm');
/** A module's un-stripped build (function names kept), copied out of cargoWasm() by the build for the size check. */
export const unstrippedWasm = (name) => path.join(targetDir, 'sf-modules', `${name}.wasm`);

/** The size measures every size report uses (the build's line, scripts/size-check.mjs, bench/run.mjs): gzip -9 and
 * brotli 11 of some bytes, and of JavaScript minified by esbuild first. Minified + gzip is how bundlephobia and most
 * bundle reports count a package's JavaScript (a vendor's bundler minifies it); it is measured only: the package
 * ships the glue and the wrapper as `shippedJs` writes them, and the ceilings and goals hold the plain gzip figure. */
export const gzipBytes = (b) => zlib.gzipSync(b, { level: 9 }).length;
export const brotliBytes = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
export const minifiedGzipBytes = (code) =>
  gzipBytes(createRequire(import.meta.url)('esbuild').transformSync(code.toString('utf8'), { minify: true, format: 'esm' }).code);

/**
 * A module's JavaScript as the package ships it (the wrapper, the glue, node.js): the code as written, names and
 * layout kept, without its comments, under a first line that says where the commented source is. The comments are
 * for whoever maintains js/ (the wrapper's are 60% of its bytes); a page that loads the package without a bundler
 * would download them on every first visit (4.3 kB of the wrapper's 9.6 kB gzip). The types (`.d.ts`) keep their
 * documentation. `import.meta.url`, the exports and every statement are as written (esbuild's transform, no bundling,
 * no minifying), so a stack trace names the same functions.
 */
export function shippedJs(code, source) {
  const { transformSync } = createRequire(import.meta.url)('esbuild');
  const out = transformSync(code, { format: 'esm', legalComments: 'none', charset: 'utf8' }).code;
  return `// safeguarding-forms: ${source}, its comments removed by scripts/build.mjs (the commented source is in the repository).\n${out}`;
}
