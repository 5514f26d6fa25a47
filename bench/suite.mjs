// The benchmark itself, the same code in Node and in Chromium (bench/run.mjs drives both). Every contender checks the
// same record of each form with the same rules. `libs.sf` is the all-forms package (it gives the schemas the
// JavaScript contenders are built from); `libs.ours[form]`, when given, is the module "ours" is measured with (the
// form's own single-form module, pkg/forms/<form-id>/), else the all-forms package is.
//   ours:validate  `validate(form, data, options)` of the npm package (JS object in, Report out)
//   ours:set       `FormSession.set(pointer, value)` on a session holding the record: one field changed, report read
//   ours:varied    `validate` again, over several different records of the form in turn (`variedRecords`): the engine
//                  reads each text into the value the last call gave back (src/engine/input.rs, `parse_reusing`), so
//                  the same record again is its best case; this is the case of a host checking one record after another
//   boundary       the JavaScript around the module alone, for `validate` (no module: `boundaryCall` below), the
//                  floor under ours:validate and ours:varied while data crosses as JSON text
//   ajv / zod / valibot: the library's check of the data against our own `schema()` (ajv compiled from it, zod 4 and
//                  valibot built from it by `fromSchema` below), then the cross-field rules of bench/rules.mjs
// A keystroke for the JavaScript contenders is the field changed in the object and the whole form checked again
// (what a page does with a schema validator); ours is `FormSession.set`.
//
// Timing: contenders are interleaved batch by batch (so load on the machine hits them alike); each batch is about
// BATCH_MS of calls, and each of the `runs` runs is BATCHES_PER_RUN rounds of batches. A figure is the 10th percentile
// of a contender's batches, and a ratio the ratio of two such figures: on a machine shared with other work a batch
// that another process preempted is slower, never faster, so the fast batches are the ones that measure the code.
import { FORMS, OPTIONS, QUESTION_IDS, referralRecord, rng } from './data.mjs';
import { rulesFor } from './rules.mjs';

const BATCH_MS = 5;
const BATCHES_PER_RUN = 8;

/** zod 4 or valibot schema from our JSON Schema (the subset `schema()` uses). */
export function fromSchema(lib, root, which) {
  const z = which === 'zod' ? lib : null;
  const v = which === 'valibot' ? lib : null;
  const re = (p) => new RegExp(p, 'u');
  const union = (xs) => (xs.length === 1 ? xs[0] : z ? z.union(xs) : v.union(xs));
  const node = (s) => {
    if (s.$ref) return node(root.$defs[s.$ref.split('/').pop()]);
    if (s.anyOf) return union(s.anyOf.map(node));
    if (s.enum) {
      const strings = s.enum.filter((x) => typeof x === 'string');
      const e = z ? z.enum(strings) : v.picklist(strings);
      return s.enum.includes(null) ? (z ? e.nullable() : v.nullable(e)) : e;
    }
    const types = Array.isArray(s.type) ? s.type : [s.type];
    return union(types.map((t) => typed(t, s)));
  };
  const typed = (t, s) => {
    switch (t) {
      case 'null': return z ? z.null() : v.null();
      case 'boolean': return z ? z.boolean() : v.boolean();
      case 'string': {
        if (z) {
          let x = z.string();
          if (s.maxLength !== undefined) x = x.max(s.maxLength);
          if (s.pattern) x = x.regex(re(s.pattern));
          return x;
        }
        const pipe = [v.string()];
        if (s.maxLength !== undefined) pipe.push(v.maxLength(s.maxLength));
        if (s.pattern) pipe.push(v.regex(re(s.pattern)));
        return pipe.length === 1 ? pipe[0] : v.pipe(...pipe);
      }
      case 'number': case 'integer': {
        if (z) {
          let x = z.number();
          if (t === 'integer') x = x.int();
          if (s.minimum !== undefined) x = x.min(s.minimum);
          if (s.maximum !== undefined) x = x.max(s.maximum);
          return x;
        }
        const pipe = [v.number()];
        if (t === 'integer') pipe.push(v.integer());
        if (s.minimum !== undefined) pipe.push(v.minValue(s.minimum));
        if (s.maximum !== undefined) pipe.push(v.maxValue(s.maximum));
        return pipe.length === 1 ? pipe[0] : v.pipe(...pipe);
      }
      case 'array': {
        const item = s.items ? node(s.items) : (z ? z.unknown() : v.unknown());
        if (z) return s.maxItems !== undefined ? z.array(item).max(s.maxItems) : z.array(item);
        return s.maxItems !== undefined ? v.pipe(v.array(item), v.maxLength(s.maxItems)) : v.array(item);
      }
      case 'object': {
        const shape = {};
        for (const [k, p] of Object.entries(s.properties ?? {})) shape[k] = z ? node(p).optional() : v.optional(node(p));
        if (s.additionalProperties === false) return z ? z.strictObject(shape) : v.strictObject(shape);
        return z ? z.object(shape) : v.object(shape);
      }
      default: throw new Error(`schema type ${t} not supported`);
    }
  };
  return node(root);
}

function setAt(obj, path, value) {
  let o = obj;
  for (let i = 0; i < path.length - 1; i += 1) o = o[path[i]];
  o[path[path.length - 1]] = value;
}

/** The contenders for one form: name → { validate(data), keystroke(i) }. */
/** `value` with every object and array in it frozen (a host's `deepFreeze`). */
function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    for (const x of Object.values(value)) deepFreeze(x);
    Object.freeze(value);
  }
  return value;
}

export function contenders({ sf, ours: oursFor, ajvValidators, z, v, profile }, form) {
  const spec = FORMS[form];
  const ours = oursFor?.[form] ?? sf;
  const rules = rulesFor(form, QUESTION_IDS);
  const schema = sf.schema(form);
  const zodSchema = fromSchema(z, schema, 'zod');
  const valibotSchema = fromSchema(v, schema, 'valibot');
  const ajv = ajvValidators[form];
  const checkers = {
    ajv: (data) => { const ok = ajv(data); const r = rules(data, OPTIONS); return { ok: ok && r.issues.length === 0, n: (ajv.errors?.length ?? 0) + r.issues.length, r }; },
    zod: (data) => { const p = zodSchema.safeParse(data); const r = rules(data, OPTIONS); return { ok: p.success && r.issues.length === 0, n: (p.error?.issues.length ?? 0) + r.issues.length, r }; },
    valibot: (data) => { const p = v.safeParse(valibotSchema, data); const r = rules(data, OPTIONS); return { ok: p.success && r.issues.length === 0, n: (p.issues?.length ?? 0) + r.issues.length, r }; },
  };
  const out = {};
  const data = spec.make();
  const varied = variedRecords(form);
  const some = (i) => varied[i % varied.length];
  out['ours:validate'] = { validate: () => ours.validate(form, data, OPTIONS).diagnostics.length };
  out['ours:varied'] = { varied: (i) => ours.validate(form, some(i), OPTIONS).diagnostics.length };
  // The boundary alone, without the module: what crossing as JSON text costs in JavaScript for one call of
  // `validate` (the floor under "ours", see boundaryCall).
  const reportBytes = (d) => new TextEncoder().encode(JSON.stringify(ours.validate(form, d, OPTIONS)));
  const dataReport = reportBytes(data);
  const variedReports = varied.map(reportBytes);
  out.boundary = {
    validate: () => boundaryCall(form, data, dataReport),
    varied: (i) => boundaryCall(form, some(i), variedReports[i % varied.length]),
  };
  // A council's profile document in every call (the referral only; `profile` is examples/profiles/brightwell.json):
  // as most hosts hold it, and deeply frozen, which the wrapper makes into JSON text once (js/index.js,
  // `frozenText`). Each object is its own copy, so neither measures the other's cache.
  if (profile && form === 'sf-referral') {
    const asHeld = { ...OPTIONS, profile: structuredClone(profile) };
    const frozen = { ...OPTIONS, profile: deepFreeze(structuredClone(profile)) };
    out['ours:profile'] = { profile: () => ours.validate(form, data, asHeld).diagnostics.length };
    out['ours:profile-frozen'] = { profile: () => ours.validate(form, data, frozen).diagnostics.length };
    out['ours:validate'].profile = out['ours:validate'].validate;
  }
  const session = new ours.FormSession(form, OPTIONS);
  session.load(spec.make());
  out['ours:set'] = { keystroke: (i) => session.set(spec.edit.pointer, spec.edit.values[i & 1]).diagnostics.length };
  for (const [name, check] of Object.entries(checkers)) {
    const own = spec.make();
    out[name] = {
      validate: () => check(data).n,
      varied: (i) => check(some(i)).n,
      keystroke: (i) => { setAt(own, spec.edit.field, spec.edit.values[i & 1]); return check(own).n; },
      check,
    };
  }
  return out;
}

/**
 * What the package wrapper makes of data (js/index.js `stringify`): plain data (no Symbol, BigInt or `toJSON`, no
 * deeper than 64) without the replacer, on V8's fast path; anything else with it. A copy, so the floor is measured
 * without the package.
 */
function stringify(value) {
  return isPlainData(value, 0) ? JSON.stringify(value) : JSON.stringify(value, strictReplacer);
}

function isPlainData(value, depth) {
  const t = typeof value;
  if (t !== 'object') return t !== 'symbol' && t !== 'bigint';
  if (value === null) return true;
  if (depth >= 64 || typeof value.toJSON === 'function') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isPlainData(value[i], depth + 1)) return false;
    return true;
  }
  for (const key in value) if (!isPlainData(value[key], depth + 1)) return false;
  return true;
}

/** The package wrapper's replacer (js/index.js `strictReplacer`): a BigInt or a Symbol anywhere is refused. */
function strictReplacer(_key, value) {
  const t = typeof value;
  if (t === 'bigint') throw new TypeError('data cannot contain a BigInt');
  if (t === 'symbol') throw new TypeError('data cannot contain a Symbol');
  return value;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const wire = new Uint8Array(1 << 20);

/**
 * What one `validate` does in JavaScript around the module, without it: the data and the options to JSON text as
 * the wrapper writes them (js/index.js `dataJson`, `optionsJson`), written into memory as UTF-8 (the glue's
 * `encodeInto`): the form id and the options as one text, the options left out as the wrapper leaves out options the
 * module already holds (js/index.js "One text across the boundary"), and the data, the report's UTF-8 read back as a string (the glue's `TextDecoder`)
 * and parsed. Its time is the floor under "ours" while data crosses as JSON text (ARCHITECTURE.md, "Why JSON text
 * across the boundary?").
 */
let boundaryOptions = null;
function boundaryCall(form, data, reportUtf8) {
  const text = stringify(data);
  const options = stringify({ ...OPTIONS });
  const same = options === boundaryOptions;
  boundaryOptions = options;
  encoder.encodeInto(same ? `${form}\0` : `${form}\0${options}`, wire);
  encoder.encodeInto(text, wire);
  return JSON.parse(decoder.decode(reportUtf8)).diagnostics.length;
}

/**
 * Different records of one form, checked in turn by the "varied records" case: for the referral, 32 generated ones
 * (bench/data.mjs `referralRecord`: children, criteria and optional fields that come and go, about a third invalid);
 * for the others the record and its two broken copies (below), whose values and some of whose shapes differ.
 */
export function variedRecords(form) {
  if (form === 'sf-referral') {
    const next = rng(20261202);
    return Array.from({ length: 32 }, () => referralRecord(next));
  }
  return [FORMS[form].make(), ...brokenCopies(form)];
}

/** Broken copies of each record: between them they trip most of the form's rules. */
function brokenCopies(form) {
  const spec = FORMS[form];
  const a = spec.make();
  const b = spec.make();
  if (form === 'sf-referral') {
    a.route = 'self-referral'; a.children[0].dateOfBirth = '2030-01-01'; a.assessment.open = false; a.criteria = a.criteria.slice(0, 2);
    a.assessment.date = '2023-01-01'; a.children[1] = { name: 'Unborn', unborn: true, expectedDate: '2025-05-01' };
    b.route = 'family-connect-triage'; b.referralDate = '2025-07-01'; b.receivedOn = '2025-06-30'; b.adults = [{ name: '' }];
    b.criteria.push({ id: 'not-a-criterion' }, { id: 'youth-offending' }); b.children[0].dateOfBirth = '2001-01-01'; b.children[1].name = '';
    b.plan.open = false;
  }
  if (form === 'case-audit') {
    a.caseStatus = 'step-down'; a.answers['assessment.at-referral'] = 2; a.overallGrade = 4; a.generalComments = ''; a.remedialActions[0].dueDate = '2025-05-01';
    a.childSafe = { answer: 'no' }; a.answers['not.a.question'] = 2;
    b.auditType = 'cross-locality'; b.practitionerPresent = false; b.auditDate = '2025-07-01'; b.evidence.allocationDate = '2025-04-30';
    b.answers['basic.allocation-timely'] = 1; b.answers['basic.contact-5-days'] = 1; b.evidence.firstContactDate = '2025-05-20';
    b.answers['assessment.first-circle'] = 1; b.evidence.familyCircleDates = ['2025-06-20']; b.remedialActions[1] = { action: '', dueDate: '2025-12-01', completedOn: '2025-05-01' };
  }
  if (form === 'casework-supervision') {
    a.previousSupervisionDate = '2025-01-10'; a.childLastSeenDate = '2025-06-01'; a.actions[0].dueDate = '2025-05-01'; a.riskManaged = false; a.supportPlan.smart = false;
    a.lastAssessmentDate = '2024-01-01'; a.nextSupervisionDate = '2025-12-01'; a.reviewOfPreviousActions[0].status = ''; a.reviewOfPreviousActions[1].comment = '';
    b.caseStatus = 'cp'; b.date = '2025-07-01'; b.preparedBySuperviseeOn = '2025-07-02'; b.actions = [{ action: 'Do it' }]; b.riskManaged = false;
    b.supportPlan.upToDate = false; b.teamManager = ''; b.nextSupervisionDate = '2025-06-01';
  }
  return [a, b];
}

/** What ours and the hand-written rules find on broken copies of the record (the rules agree, or the table says so). */
export function agreement(libs, form) {
  const spec = FORMS[form];
  const c = contenders(libs, form);
  const ours_ = libs.ours?.[form] ?? libs.sf;
  const codes = (xs) => [...new Set(xs)].sort();
  let ours = [];
  let js = [];
  for (const broken of brokenCopies(form)) {
    ours = ours.concat(ours_.validate(form, broken, OPTIONS).diagnostics.filter((d) => !d.code.startsWith('INP-')).map((d) => d.code));
    js = js.concat(c.ajv.check(broken).r.issues.map((i) => i.code));
  }
  ours = codes(ours);
  js = codes(js);
  // The module measured gives the all-forms package's report, byte for byte, on the record and its broken copies.
  const sameReports = [spec.make(), ...brokenCopies(form)].every((d) =>
    JSON.stringify(ours_.validate(form, d, OPTIONS)) === JSON.stringify(libs.sf.validate(form, d, OPTIONS)));
  return { ours, js, sameReports, same: JSON.stringify(ours) === JSON.stringify(js), oursValid: ours_.validate(form, spec.make(), OPTIONS).valid, jsValid: c.ajv.check(spec.make()).ok };
}

function batch(fn, iterations) {
  const t = performance.now();
  let sink = 0;
  for (let i = 0; i < iterations; i += 1) sink += fn(i) | 0;
  return [(performance.now() - t) / iterations, sink];
}

/** Calls per batch so that one batch takes about BATCH_MS; also warms the function up (JIT and wasm tier-up). */
function calibrate(fn, warmMs) {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < warmMs) fn(n++);
  const per = (performance.now() - t0) / n;
  return Math.max(5, Math.round(BATCH_MS / per));
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

/** The 10th percentile: load on the machine only ever slows a batch, so the fast batches measure the code. */
const low = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 10)]; };

/** Runs every measurement; returns { form: { case: { contender: { us, runs, vsAjv, vsZod } } } }. */
export function runSuite(libs, { runs = 7, warmMs = 300, forms = Object.keys(FORMS) } = {}) {
  const results = {};
  for (const form of forms) {
    const c = contenders(libs, form);
    const cases = {
      validate: ['ours:validate', 'ajv', 'zod', 'valibot', 'boundary'],
      varied: ['ours:varied', 'ajv', 'zod', 'valibot', 'boundary'],
      keystroke: ['ours:set', 'ajv', 'zod', 'valibot'],
    };
    // With a council's profile (the referral, when the caller passed one): no profile, the profile as held, frozen.
    if (c['ours:profile']) cases.profile = ['ours:validate', 'ours:profile', 'ours:profile-frozen'];
    results[form] = { agreement: agreement(libs, form) };
    for (const [kind, names] of Object.entries(cases)) {
      const fns = Object.fromEntries(names.map((n) => [n, c[n][kind]]));
      const iters = Object.fromEntries(names.map((n) => [n, calibrate(fns[n], warmMs)]));
      const times = Object.fromEntries(names.map((n) => [n, []]));
      for (let r = 0; r < runs * BATCHES_PER_RUN; r += 1) for (const n of names) times[n].push(batch(fns[n], iters[n])[0] * 1000);
      const us = Object.fromEntries(names.map((n) => [n, low(times[n])]));
      const row = {};
      for (const n of names) row[n] = { us: us[n], median: median(times[n]), runs: times[n], vsAjv: us[n] / us.ajv, vsZod: us[n] / us.zod };
      row.ours = names[0];
      results[form][kind] = row;
    }
  }
  return results;
}
