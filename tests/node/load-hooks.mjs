// Loads the built package with its test hooks, for the suites that force a trap (`__testing.trapNext`):
// pkg/test-hooks.js is the package's index.js before scripts/build.mjs removed the blocks marked `@test-hook`; it is
// in neither the package's files nor its exports (tests/node/adversarial-edges.test.mjs checks both, and that the two
// files differ by those blocks only). Every other suite loads the package as shipped (load.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const hooks = path.join(root, 'pkg', 'test-hooks.js');
if (!fs.existsSync(hooks)) throw new Error('pkg/test-hooks.js is missing: run `npm run build` first');
export const sf = await import(pathToFileURL(hooks).href);
export const wasmBytes = fs.readFileSync(path.join(root, 'pkg', 'safeguarding_forms_bg.wasm'));
sf.initSync({ module: wasmBytes });

export const opts = { today: '2025-06-02', stage: 'submit' };
