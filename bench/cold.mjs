// One cold start in a fresh Node process: from the .wasm bytes in memory to the first report (compile +
// instantiate + the first `validate` of the referral record). Prints the milliseconds as JSON. Used by bench/run.mjs:
//   node bench/cold.mjs [DIR [WASM [default-today]]]   (DIR: the module's folder, pkg by default, or
//   pkg/forms/sf-referral; `default-today`: no `today` in the options, the wrapper works out the date itself)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OPTIONS, referral } from './data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(root, process.argv[2] ?? 'pkg');
const sf = await import(pathToFileURL(path.join(dir, 'index.js')).href);
const bytes = fs.readFileSync(path.join(dir, process.argv[3] ?? 'safeguarding_forms_bg.wasm'));
const data = referral();
const t0 = performance.now();
sf.initSync({ module: bytes });
const t1 = performance.now();
const options = process.argv[4] === 'default-today' ? { stage: OPTIONS.stage } : OPTIONS;
const report = sf.validate('sf-referral', data, options);
const t2 = performance.now();
if (!report || !Array.isArray(report.diagnostics)) throw new Error('no report');
console.log(JSON.stringify({ instantiateMs: t1 - t0, firstValidateMs: t2 - t1, totalMs: t2 - t0 }));
