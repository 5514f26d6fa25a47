// The package's catalogue: everything about the forms that no option changes (`forms()`, the rules' text, every
// JSON Schema in both dialects, the UI schemas, outcome and profile schemas, `messages()`, the built-in profiles as
// `profiles()` lists them), which the WebAssembly module does not carry (it is built without the `catalogue`
// feature) and js/index.js reads instead.
//
//   import { writeCatalogue } from './catalogue.mjs';
//   writeCatalogue(dir);                          // every form (the all-forms package, pkg/)
//   writeCatalogue(dir, { formId: 'sf-referral' }); // one form, as its own module gives it (pkg/forms/<id>/)
//
// writes, synchronously, into `dir` (which must exist):
//   - catalogue.json  the document `safeguarding-forms catalogue [--form ID]` prints (src/catalogue.rs says its shape);
//   - catalogue.js    the same as an ES module, one named export per key of the document
//                     (`export const rules = /* @__PURE__ */ JSON.parse('…');`), which index.js imports statically, so
//                     Node, browsers and bundlers need nothing special. JSON.parse of one string loads faster than the
//                     same object written as a literal; and as each part is marked pure, a bundler drops the parts of
//                     the functions a host does not call (one that only validates ships no catalogue at all).
// and returns the document. Both files are deterministic: the same sources give the same bytes. It runs the command
// line of this checkout (`cargo run`, the native debug build, which has the feature: `cargo test` has built it
// already, and it compiles in a fraction of the release build's time; the document is the same), so it needs cargo; SF_CLI
// names an already built `safeguarding-forms` binary to run instead.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The catalogue document of every form, or of `formId` only, as the command line writes it (JSON text). */
export function catalogueText({ formId } = {}) {
  const args = ['catalogue', ...(formId === undefined ? [] : ['--form', formId])];
  return cli(args);
}

/**
 * Runs this checkout's command line (`cargo run`, the debug build, built once, then only when a source changed) and returns
 * what it prints. SF_CLI names a binary to run instead (a CI step that has built it already).
 */
export function cli(args) {
  const env = { ...process.env, PATH: [path.join(os.homedir(), '.cargo', 'bin'), process.env.PATH].join(path.delimiter) };
  const options = { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] };
  if (process.env.SF_CLI) return execFileSync(process.env.SF_CLI, args, options);
  return execFileSync('cargo', ['run', '--quiet', '--', ...args], options);
}

/** Writes `<dir>/catalogue.json` and `<dir>/catalogue.js` (every form, or `formId` only); returns the document. */
export function writeCatalogue(dir, { formId } = {}) {
  const text = catalogueText({ formId });
  const doc = JSON.parse(text);
  fs.writeFileSync(path.join(dir, 'catalogue.json'), text);
  const lines = ['// The catalogue of safeguarding-forms (catalogue.json as a module), written by scripts/catalogue.mjs. Do not edit.'];
  for (const [key, value] of Object.entries(doc)) {
    if (!/^[a-zA-Z]\w*$/.test(key)) throw new Error(`scripts/catalogue.mjs: the catalogue's key ${JSON.stringify(key)} is not a name`);
    // JSON text in a single-quoted string: only backslashes and single quotes need escaping (JSON text has no line
    // breaks; U+2028 and U+2029 are allowed in strings since ES2019, but escaped all the same).
    const literal = JSON.stringify(value).replace(/[\\']/g, '\\$&').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
    lines.push(`export const ${key} = /* @__PURE__ */ JSON.parse('${literal}');`);
  }
  fs.writeFileSync(path.join(dir, 'catalogue.js'), `${lines.join('\n')}\n`);
  return doc;
}
