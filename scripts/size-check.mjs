// The package's size budget, checked in CI after `npm run build`:  node scripts/size-check.mjs
//
// - prints the raw, gzip (-9) and brotli (11) sizes of pkg/safeguarding_forms_bg.wasm and of the JS glue + wrapper;
// - FAILS if the shipped module contains the regex, url, idna or ICU crates (their tables cost ~175 kB gzipped and
//   20–29 ms of start-up): it searches the un-stripped build's function names (the wasm "name" section of
//   target/wasm32-unknown-unknown/wasm-release/safeguarding_forms.wasm, which wasm-pack leaves there) and the shipped
//   module's bytes for the crates' own strings;
// - FAILS if gzip(wasm) + gzip(glue) + gzip(wrapper) is over CEILING_GZIP_BYTES.
//
// The ceiling is the size reached when it was last set plus 5% (BENCHMARKS.md, "Size"), not the 100 kB goal,
// which the 28 forms' rules, messages and catalogue do not fit: see BENCHMARKS.md for the miss and its reasons. Lower
// it when the package shrinks; raising it is a decision to write down there.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// Reached on 2026-12-01 (opt-level "s", 28 forms, council profiles, outcome model, message templates): about
// 399 kB; plus 5%. It was 337.6 kB (321.5 kB reached on 2026-11-22, plus 5%): BENCHMARKS.md, "Ceiling raised".
export const CEILING_GZIP_BYTES = 419_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'pkg');
const shipped = path.join(pkg, 'safeguarding_forms_bg.wasm');
const unstripped = [
  process.env.SF_UNSTRIPPED_WASM,
  path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'wasm32-unknown-unknown', 'wasm-release', 'safeguarding_forms.wasm'),
].filter(Boolean).find((f) => fs.existsSync(f));

/** Function-name prefixes (Rust paths, as the name section spells them) of crates that must never ship. */
const FORBIDDEN_NAMES = [
  [/\bregex(_syntax|_automata|_lite)?(\[[0-9a-f]+\])?::/, 'regex'],
  [/\baho_corasick(\[[0-9a-f]+\])?::/, 'regex (aho-corasick)'],
  [/\burl(\[[0-9a-f]+\])?::/, 'url'],
  [/\bidna(\[[0-9a-f]+\])?::/, 'idna'],
  [/\bicu_[a-z_]+(\[[0-9a-f]+\])?::/, 'ICU (icu_*)'],
  [/\bunicode_normalization(\[[0-9a-f]+\])?::/, 'ICU-style normalisation tables (unicode-normalization)'],
];
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
];

const failures = [];
if (!fs.existsSync(shipped)) {
  console.error('size-check: pkg/safeguarding_forms_bg.wasm is missing: run `npm run build` first');
  process.exit(2);
}
const wasm = fs.readFileSync(shipped);
const glue = fs.readFileSync(path.join(pkg, 'safeguarding_forms.js'));
const wrapper = fs.readFileSync(path.join(pkg, 'index.js'));
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const row = (name, b) => `  ${name.padEnd(28)} ${kb(b.length).padStart(10)} raw ${kb(gz(b)).padStart(10)} gzip ${kb(br(b)).padStart(10)} brotli`;
console.log('size-check:');
console.log(row('safeguarding_forms_bg.wasm', wasm));
console.log(row('safeguarding_forms.js (glue)', glue));
console.log(row('index.js (wrapper)', wrapper));
const total = gz(wasm) + gz(glue) + gz(wrapper);
const totalBr = br(wasm) + br(glue) + br(wrapper);
console.log(`  ${'total shipped'.padEnd(28)} ${''.padStart(14)} ${kb(total).padStart(10)} gzip ${kb(totalBr).padStart(10)} brotli`);
// The catalogue (forms(), rules' text, every schema, messages(); not in the module): a page without a bundler loads it
// with index.js; a bundler keeps only the parts of the functions a host calls (none for validate and FormSession).
const catalogueFile = path.join(pkg, 'catalogue.js');
if (fs.existsSync(catalogueFile)) {
  const catalogue = fs.readFileSync(catalogueFile);
  console.log(row('catalogue.js', catalogue));
  console.log(`  ${'total with the catalogue'.padEnd(28)} ${''.padStart(14)} ${kb(total + gz(catalogue)).padStart(10)} gzip ${kb(totalBr + br(catalogue)).padStart(10)} brotli`);
}

// Forbidden crates, by their strings in the shipped bytes.
const text = wasm.toString('latin1');
for (const [needle, crate] of FORBIDDEN_BYTES) {
  if (text.includes(needle)) failures.push(`the shipped module contains ${crate} (its string "${needle}")`);
}

// Forbidden crates, by the function names of the un-stripped build.
if (unstripped) {
  const names = functionNames(fs.readFileSync(unstripped));
  if (names.length === 0) {
    console.log(`  (no name section in ${path.relative(root, unstripped)}: function names not searched)`);
  } else {
    for (const [re, crate] of FORBIDDEN_NAMES) {
      const hits = names.filter((n) => re.test(n));
      if (hits.length) failures.push(`the module contains ${crate}: ${hits.length} functions, e.g. ${hits[0]}`);
    }
    console.log(`  searched ${names.length} function names of ${path.relative(root, unstripped)}: no regex, url, idna or ICU`);
  }
} else {
  console.log('  (no un-stripped build found: only the shipped bytes were searched for regex, url, idna and ICU)');
}

{
  const state = total <= CEILING_GZIP_BYTES ? 'within' : 'OVER';
  console.log(`  gzip ${kb(total)} is ${state} the ceiling of ${kb(CEILING_GZIP_BYTES)} (the 100 kB goal is missed: see BENCHMARKS.md)`);
  if (total > CEILING_GZIP_BYTES) failures.push(`gzip(wasm + glue + wrapper) is ${total} bytes, over the ceiling of ${CEILING_GZIP_BYTES}`);
}

if (failures.length) {
  for (const f of failures) console.error(`size-check FAILED: ${f}`);
  process.exit(1);
}
console.log('size-check: ok');

/** The function names of a wasm module's "name" custom section (subsection 1), or [] when it has none. */
function functionNames(bytes) {
  let p = 8;
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  const str = () => {
    const n = u32();
    const s = bytes.toString('utf8', p, p + n);
    p += n;
    return s;
  };
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = u32();
    const end = p + size;
    if (id === 0) {
      const name = str();
      if (name === 'name') {
        const out = [];
        while (p < end) {
          const sub = bytes[p++];
          const subSize = u32();
          const subEnd = p + subSize;
          if (sub === 1) {
            const count = u32();
            for (let i = 0; i < count; i += 1) {
              u32();
              out.push(str());
            }
          }
          p = subEnd;
        }
        return out;
      }
    }
    p = end;
  }
  return [];
}
