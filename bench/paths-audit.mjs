// Are the paths each rule declares (`Rule.paths`, shown by rules()) the ones it reads? An empirical check for the
// three benchmark forms: starting from the complete record and from broken copies of it, change one field at a time
// (good values and mistakes, from the form's schema) and see which rules' findings change. A rule whose findings
// change when a field outside its declared paths changes reads that field without declaring it.
//   node bench/paths-audit.mjs        (after npm run build)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FORMS, OPTIONS } from './data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sf = await import(pathToFileURL(path.join(root, 'pkg', 'index.js')).href);
sf.initSync({ module: fs.readFileSync(path.join(root, 'pkg', 'safeguarding_forms_bg.wasm')) });

const VALUES = [null, '', 'x', 0, 3, 95, 200, true, false, 'yes', 'no', '2025-06-02', '2025-05-01', '2024-01-01', '2030-01-01',
  { day: '1', month: '2', year: '2025' }, 'cp', 'step-down', 'self-referral', 'family-connect-triage', 'early-help-assessment',
  'whole-family-working', 'not-done', 'cross-locality', 'no', 'ehsp', 'child-protection-plan', ['2025-05-01'], [], [{}]];

function leaves(value, pointer, out) {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${pointer}/${i}`, out));
  else if (value && typeof value === 'object' && !(('day' in value) && ('month' in value))) for (const [k, v] of Object.entries(value)) leaves(v, `${pointer}/${k}`, out);
  out.push(pointer);
  return out;
}

/** Whether a declared path (with * for list indexes) covers a changed pointer: one is the other or under it. */
function covers(declared, changed) {
  const d = declared.split('/');
  const c = changed.split('/');
  const n = Math.min(d.length, c.length);
  for (let i = 0; i < n; i += 1) if (d[i] !== '*' && d[i] !== c[i]) return false;
  return true;
}

function setAt(data, pointer, value) {
  const segs = pointer.split('/').slice(1);
  let o = data;
  for (const s of segs.slice(0, -1)) o = o[s];
  o[segs[segs.length - 1]] = value;
}

const findings = (r) => {
  const by = new Map();
  for (const d of r.diagnostics) by.set(d.code, [...(by.get(d.code) ?? []), `${d.path} ${d.message}`]);
  return by;
};

let problems = 0;
for (const [form, spec] of Object.entries(FORMS)) {
  const rules = new Map(sf.rules(form).filter((r) => r.form === form).map((r) => [r.code, r.paths]));
  const bases = [spec.make()];
  const undeclared = new Map();
  let observed = 0;
  for (const base of bases) {
    for (const pointer of leaves(base, '', []).filter(Boolean)) {
      const before = findings(sf.validate(form, base, OPTIONS));
      for (const v of VALUES) {
        const data = structuredClone(base);
        setAt(data, pointer, structuredClone(v));
        const after = findings(sf.validate(form, data, OPTIONS));
        for (const code of new Set([...before.keys(), ...after.keys()])) {
          const paths = rules.get(code);
          if (!paths) continue; // the shared INP-* rules read every path
          if (JSON.stringify(before.get(code)) === JSON.stringify(after.get(code))) continue;
          observed += 1;
          if (paths.some((p) => covers(p, pointer))) continue;
          const key = `${code} ${pointer.replace(/\/\d+(?=\/|$)/g, '/*')}`;
          undeclared.set(key, (undeclared.get(key) ?? 0) + 1);
        }
      }
    }
  }
  console.log(`${form}: ${observed} changes of a rule's findings observed; ${undeclared.size === 0 ? 'each came from a path the rule declares' : `${undeclared.size} from paths it does not declare:`}`);
  for (const k of [...undeclared.keys()].sort()) console.log(`  ${k}`);
  problems += undeclared.size;
}
process.exitCode = problems ? 1 : 0;
