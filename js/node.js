// The package's Node entry (the `node` condition of its `exports`): the same API as index.js, but `init()` and
// `initSync()` with no argument read `safeguarding_forms_bg.wasm` from this file's own folder (Node's `fetch` cannot
// read a file: URL, so the web entry's default would fail there). A path or a file: URL is read the same way; bytes,
// a compiled `WebAssembly.Module` or an init object are passed on unchanged. scripts/build.mjs also bundles this file
// as node.cjs for `require`.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import initWeb, { initSync as initSyncWeb } from './index.js';

export * from './index.js';

const WASM = new URL('./safeguarding_forms_bg.wasm', import.meta.url);

/** What to read from disk instead of fetching: nothing given, a path, or a file: URL. */
function fileOf(input) {
  if (input === undefined || input === null) return WASM;
  if (input instanceof URL) return input.protocol === 'file:' ? input : null;
  if (typeof input === 'string') {
    if (input.startsWith('file:')) return new URL(input);
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? null : input;
  }
  if (typeof input === 'object' && Object.getPrototypeOf(input) === Object.prototype) {
    if ('module' in input) return null;
    if ('module_or_path' in input) return fileOf(input.module_or_path);
    return Object.keys(input).length === 0 ? WASM : null;
  }
  return null;
}

/** Loads the module; in Node, with no argument, from the `.wasm` next to this file. */
export default async function init(input) {
  const file = fileOf(input);
  if (file === null) return initWeb(input);
  return initWeb({ module_or_path: await fs.promises.readFile(file instanceof URL ? fileURLToPath(file) : file) });
}

/** Loads the module synchronously; in Node, with no argument, from the `.wasm` next to this file. */
export function initSync(input) {
  const file = fileOf(input);
  if (file === null) return initSyncWeb(input);
  return initSyncWeb({ module: fs.readFileSync(file instanceof URL ? fileURLToPath(file) : file) });
}
