// The package's size budget, checked in CI after `npm run build`:  node scripts/size-check.mjs [--markdown]
//
// - with --markdown, first the table of js/README.md ("One form only");
// - prints, for every module of the package (the all-forms module in pkg/ and each form's in pkg/forms/<form-id>/),
//   the raw, gzip (-9) and brotli (11) sizes of its .wasm and of its JS glue + wrapper, in one table;
// - FAILS if a module contains the regex, url, idna or ICU crates (their tables cost ~175 kB gzipped and 20–29 ms of
//   start-up): it searches the function names of the module's un-stripped build (the wasm "name" section of
//   target/sf-modules/<module>.wasm, which scripts/build.mjs copies out of cargo's output), read as Rust paths by
//   scripts/wasm-names.mjs (a name it cannot read fails the check), and the shipped module's bytes for the crates'
//   own strings;
// - FAILS if gzip(wasm) + gzip(glue) + gzip(wrapper) of the all-forms module is over CEILING_GZIP_BYTES, or that of
//   any single-form module over SINGLE_FORM_CEILING_GZIP_BYTES.
//
// Both ceilings are issue 20's goals themselves, 250 kB for the all-forms module and 110 kB for each single-form module,
// which every module meets since the fourteenth session (BENCHMARKS.md, "Size"). Raising one is a decision to write
// down there.
import fs from 'node:fs';
import path from 'node:path';
import { root, MODULES, unstrippedWasm, gzipBytes as gz, brotliBytes as br, minifiedGzipBytes as minGz } from './modules.mjs';
import { functionNames, forbiddenCrates } from './wasm-names.mjs';

/** The all-forms module: issue 20's goal itself, 250 kB, since it meets it (fourteenth session, 2026-12-04: 249.5 kB, with
 * wasm-opt at -O2 without memory-packing and each message template one string). It was the size reached plus 5%
 * before: 267.5 kB (254.8 kB), 274.6 kB (261.5 kB), 286.7 kB (273.0 kB), 291.8 kB (277.9 kB), 301.5 kB (287.1 kB),
 * 304.6 kB, 316.1 kB, 324.6 kB, 348.6 kB and 419 kB: BENCHMARKS.md, "Size". The ceilings hold the package as
 * scripts/build.mjs builds it by default; a build with SF_PREBUILT_STD=1 is about 7 kB larger a module (and fails
 * them). */
export const CEILING_GZIP_BYTES = 250_000;
/** Every single-form module, each: issue 20's goal itself, 110 kB, since every module meets it (thirteenth session,
 * 2026-12-04; in the fourteenth the largest the safety plan, 107.8 kB, and the case audit, 107.5 kB; the referral
 * 105.0 kB). It was
 * the largest reached plus 5% before: 116.0 kB, 131.5 kB, 136.3 kB, 138.3 kB, 143.1 kB, 154.4 kB, 162.3 kB and
 * 187.9 kB. BENCHMARKS.md, "Size": the single-form modules. */
export const SINGLE_FORM_CEILING_GZIP_BYTES = 110_000;
/** The goals of issue 20, reported beside the ceilings (each is its ceiling). */
export const GOAL_ALL_FORMS = 250_000;
export const GOAL_SINGLE_FORM = 110_000;

/** Strings those crates carry in their data (error messages, table names) that our own code never contains. */
const FORBIDDEN_BYTES = [
  ['Unicode-aware case insensitivity', 'regex'],
  ['regex parse error', 'regex'],
  ['unrecognized escape sequence', 'regex'],
  ['relative URL without a base', 'url'],
  ['invalid international domain name', 'url / idna'],
  ['punycode', 'idna'],
  ['icu_properties', 'ICU'],
  ['icu_normalizer', 'ICU'],
  ['icu_collections', 'ICU'],
  // Not a crate: the standard library's lower-case table, which `char::to_lowercase` and `str::to_lowercase` read
  // (its first entries, U+00C0 → U+00E0, U+00C1 → U+00E1, as little-endian pairs of u32). It was 8 kB gzip of each
  // module whose rules compared text regardless of case; engine::case gives the same lower case from 184 runs.
  ['\xC0\0\0\0\xE0\0\0\0\xC1\0\0\0\xE1\0\0\0', "the standard library's lower-case table (to_lowercase; use engine::case)"],
];

const failures = [];
const missing = MODULES.filter((m) => !fs.existsSync(path.join(m.dir, 'safeguarding_forms_bg.wasm')));
if (missing.length) {
  console.error(`size-check: ${missing.map((m) => path.relative(root, path.join(m.dir, 'safeguarding_forms_bg.wasm'))).join(', ')} missing: run \`npm run build\` first`);
  process.exit(2);
}
const kb = (n) => `${(n / 1000).toFixed(1)}`;
// `min+gz` columns: the glue and the wrapper minified, then gzip (scripts/modules.mjs `minifiedGzipBytes`): measured
// only; the ceilings and goals are held against the raw `total gzip`, as before.
const cols = ['module', 'wasm raw', 'wasm gzip', 'glue+wrapper gzip', 'glue+wrapper min+gz', 'total gzip', 'total min+gz', 'total brotli', 'ceiling', 'goal', 'catalogue.js gzip'];
const rows = [];
let namesSearched = 0;
const unsearched = [];
for (const m of MODULES) {
  const wasm = fs.readFileSync(path.join(m.dir, 'safeguarding_forms_bg.wasm'));
  const glue = fs.readFileSync(path.join(m.dir, 'safeguarding_forms.js'));
  const wrapper = fs.readFileSync(path.join(m.dir, 'index.js'));
  const total = gz(wasm) + gz(glue) + gz(wrapper);
  const jsMin = minGz(glue) + minGz(wrapper);
  const totalBr = br(wasm) + br(glue) + br(wrapper);
  const ceiling = m.formId === null ? CEILING_GZIP_BYTES : SINGLE_FORM_CEILING_GZIP_BYTES;
  const goal = m.formId === null ? GOAL_ALL_FORMS : GOAL_SINGLE_FORM;
  const over = total > ceiling;
  rows.push([m.name, kb(wasm.length), kb(gz(wasm)), kb(gz(glue) + gz(wrapper)), kb(jsMin), kb(total), kb(gz(wasm) + jsMin), kb(totalBr), `${kb(ceiling)}${over ? ' OVER' : ''}`,
    total <= goal ? `${kb(goal)} met` : `${kb(goal)} +${kb(total - goal)}`,
    // The catalogue (forms(), the rules' text, every schema, messages(); not in the module): a page without a bundler
    // loads it with index.js; a bundler keeps only the parts of the functions a host calls (none for validate and
    // FormSession). Shown, not counted in the total or the ceilings.
    fs.existsSync(path.join(m.dir, 'catalogue.js')) ? kb(gz(fs.readFileSync(path.join(m.dir, 'catalogue.js')))) : '-']);
  if (over) failures.push(`${m.name}: gzip(wasm + glue + wrapper) is ${total} bytes, over its ceiling of ${ceiling}`);

  // Forbidden crates, by their strings in the shipped bytes.
  const text = wasm.toString('latin1');
  for (const [needle, crate] of FORBIDDEN_BYTES) {
    if (text.includes(needle)) failures.push(`${m.name}: the shipped module contains ${crate} (its bytes ${JSON.stringify(needle)})`);
  }
  // Forbidden crates, by the function names of the un-stripped build.
  const unstripped = unstrippedWasm(m.name);
  const names = fs.existsSync(unstripped) ? functionNames(fs.readFileSync(unstripped)) : [];
  if (names.length === 0) {
    unsearched.push(m.name);
    continue;
  }
  namesSearched += names.length;
  const { found, unreadable } = forbiddenCrates(names);
  for (const [crate, hits] of found) failures.push(`${m.name}: the module contains ${crate}: ${hits.length} functions, e.g. ${hits[0]}`);
  // A name it cannot read (a mangling it does not know) could hide a crate: refused, never passed over.
  if (unreadable.length) failures.push(`${m.name}: ${unreadable.length} function names in a mangling the check cannot read (e.g. ${unreadable[0]}): build with legacy symbol names (scripts/build.mjs)`);
}

if (process.argv.includes('--markdown')) {
  // The table for js/README.md ("One form only"): what a page loads, compressed, per module.
  console.log('| entry | gzip | brotli | its catalogue.js, gzip |\n| --- | ---: | ---: | ---: |');
  for (const r of rows) console.log(`| \`safeguarding-forms${r[0] === 'all-forms' ? '' : `/forms/${r[0]}`}\` | ${r[5]} kB | ${r[7]} kB | ${r[10]} kB |`);
  console.log('');
}
console.log('size-check (kB = 1000 bytes; total = the .wasm, the glue and the wrapper, each compressed; min+gz = the glue and the wrapper minified by esbuild, then gzip, as bundlephobia counts them: measured only, the ceilings hold the raw total gzip):');
const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
const line = (r) => `  ${r.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ')}`;
console.log(line(cols));
for (const r of rows) console.log(line(r));
console.log(`  searched ${namesSearched} function names of ${MODULES.length - unsearched.length} un-stripped builds (target/sf-modules/) and every shipped module's bytes: no regex, url, idna or ICU, and none of the standard library's sorts, its formatting (core::fmt), Vec::splice or its lower-case table`);
if (unsearched.length) {
  console.log(`  (no un-stripped build with a name section for ${unsearched.join(', ')}: only their shipped bytes were searched)`);
}

if (failures.length) {
  for (const f of failures) console.error(`size-check FAILED: ${f}`);
  process.exit(1);
}
console.log('size-check: ok');
