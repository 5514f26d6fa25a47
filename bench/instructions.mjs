// Instructions per `validate` call in Node, counted by valgrind's callgrind: a measurement that does not move with
// the machine's load, for comparing two builds of a module (an A/B in time moves by ±3% between runs here; this by
// about ±1%). It counts everything one call executes: the wrapper's JavaScript, V8's JSON builtins and the module's
// code, as V8's optimising compilers leave it (`--no-liftoff`: wasm compiled by TurboFan from the start, so no tier-up
// happens during the count; `--single-threaded`: no background compilation, so the JIT's work is counted where it
// happens, and not at all once it is done). A call's figure is (I(n2) − I(n1)) / (n2 − n1) for two runs of n1 and n2
// calls, so the process's start, the module's compilation and the JIT's warm-up cancel out.
//
//   node bench/instructions.mjs [--forms sf-referral,case-audit,casework-supervision] [--calls 2000,6000] DIR...
//
// Each DIR holds a built package (DIR/pkg/forms/<form-id>/, as `npm run build` makes it); with no DIR, this
// repository's own. Needs valgrind (on every machine of this project's kind; `apt-get install valgrind` elsewhere).
// Not a timing: instructions are not seconds (a call to the C library's memmove counts its instructions, a cache miss
// counts nothing), so a change is kept on its timing in `npm run bench`, and this says whether it moved at all.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

if (process.argv[2] === '--child') {
  // One run: `calls` checks of the form's benchmark record with the module in `dir`.
  const [, , , dir, form, calls] = process.argv;
  const data = await import(path.join(HERE, 'data.mjs'));
  const m = await import(path.join(dir, 'pkg', 'forms', form, 'index.js'));
  m.initSync({ module: fs.readFileSync(path.join(dir, 'pkg', 'forms', form, 'safeguarding_forms_bg.wasm')) });
  const record = data.FORMS[form].make();
  let n = 0;
  for (let i = 0; i < Number(calls); i++) n += m.validate(form, record, data.OPTIONS).diagnostics.length;
  process.stdout.write(`${n}\n`);
  process.exit(0);
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const forms = option('--forms', 'sf-referral,case-audit,casework-supervision').split(',');
const [n1, n2] = option('--calls', '2000,6000').split(',').map(Number);
const dirs = args.length ? args.map((d) => path.resolve(d)) : [path.resolve(HERE, '..')];

/** The instructions valgrind counted for one run of `calls` checks (its summary, on standard error). */
function run(dir, form, calls) {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--smc-check=all-non-file', '--callgrind-out-file=/dev/null',
    process.execPath, '--no-liftoff', '--single-threaded', fileURLToPath(import.meta.url), '--child', dir, form, String(calls)],
  { encoding: 'utf8', maxBuffer: 1 << 24 });
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`bench/instructions.mjs: valgrind gave no count for ${form} in ${dir} (${r.error?.message ?? `exit ${r.status}`})`);
  return Number(m[1].replaceAll(',', ''));
}

console.log(`| form | ${dirs.map((d) => path.relative(process.cwd(), d) || '.').join(' | ')} |${dirs.length > 1 ? ' B ÷ A |' : ''}`);
console.log(`| --- |${dirs.map(() => ' ---: |').join('')}${dirs.length > 1 ? ' ---: |' : ''}`);
for (const form of forms) {
  const per = dirs.map((dir) => (run(dir, form, n2) - run(dir, form, n1)) / (n2 - n1));
  const ratio = dirs.length > 1 ? ` ${(per[1] / per[0]).toFixed(3)} |` : '';
  console.log(`| ${form} |${per.map((x) => ` ${(x / 1000).toFixed(1)}k |`).join('')}${ratio}`);
}
