// Writes N varied referral records as JSON Lines (default 100,000 to bench/out/referrals.jsonl), deterministically,
// for the native batch bench: `node bench/gen-referrals.mjs [N] [FILE]`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referralRecord, rng } from './data.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const n = Number(process.argv[2] ?? 100_000);
const file = process.argv[3] ?? path.join(here, 'out', 'referrals.jsonl');
fs.mkdirSync(path.dirname(file), { recursive: true });
const next = rng(20250602);
const lines = [];
for (let i = 0; i < n; i += 1) lines.push(JSON.stringify(referralRecord(next)));
fs.writeFileSync(file, lines.join('\n') + '\n');
console.log(`${n} referral records -> ${path.relative(process.cwd(), file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);
