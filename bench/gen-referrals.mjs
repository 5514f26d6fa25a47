// Writes N varied referral records as JSON Lines, deterministically: `node bench/gen-referrals.mjs [N] [FILE]`. The
// native batch bench's file is bench/out/referrals.jsonl with the default 100,000; another N without a FILE goes to
// bench/out/referrals-N.jsonl, so a smaller sample never takes the place of the bench's file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { referralRecord, rng } from './data.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
  console.log('usage: node bench/gen-referrals.mjs [N] [FILE]\n  N     records to write (default 100000)\n  FILE  where (default bench/out/referrals.jsonl for 100000, bench/out/referrals-N.jsonl otherwise)');
  process.exit(0);
}
const DEFAULT_N = 100_000;
const n = Number(process.argv[2] ?? DEFAULT_N);
if (!Number.isSafeInteger(n) || n < 1) {
  console.error(`gen-referrals: N must be a whole number of records, at least 1 (see --help)`);
  process.exit(2);
}
const file = process.argv[3] ?? path.join(here, 'out', n === DEFAULT_N ? 'referrals.jsonl' : `referrals-${n}.jsonl`);
fs.mkdirSync(path.dirname(file), { recursive: true });
const next = rng(20250602);
const lines = [];
for (let i = 0; i < n; i += 1) lines.push(JSON.stringify(referralRecord(next)));
fs.writeFileSync(file, lines.join('\n') + '\n');
console.log(`${n} referral records -> ${path.relative(process.cwd(), file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB)`);
