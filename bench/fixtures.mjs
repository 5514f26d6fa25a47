// Writes bench/fixtures/<form>.json: the exact records the Node and browser benchmarks use, for the native
// criterion benches (`cargo bench --bench validate`). Run after changing bench/data.mjs: `node bench/fixtures.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMS, OPTIONS } from './data.mjs';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
fs.mkdirSync(dir, { recursive: true });
for (const [id, f] of Object.entries(FORMS)) {
  const out = { options: OPTIONS, edit: { pointer: f.edit.pointer, values: f.edit.values }, data: f.make() };
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(out, null, 2) + '\n');
}
console.log(`fixtures written to ${path.relative(process.cwd(), dir)}`);
