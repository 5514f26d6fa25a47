// The package's entry: a thin wrapper around wasm-bindgen's glue. Data crosses into wasm as JSON text, so a cyclic
// object, a BigInt or a Symbol is rejected here (the caller's mistake) before wasm is entered, and nesting or odd
// characters are handled inside by the engine as diagnostics. Nothing here touches the network, storage or the
// console; the only clock read is for the default "today" (the current date in Europe/London).
//
// Self-healing. A panic in wasm aborts as `RuntimeError: unreachable` and leaves the instance broken (an exported
// object then throws "recursive use of an object detected" forever). Every call into wasm goes through `guarded`:
// after a trap it re-instantiates the module it already holds (`__sf_reinstantiate`, which scripts/build.mjs adds to
// wasm-bindgen's glue), synchronously, so the next call works. The call that trapped never says "valid": `validate`
// and `FormSession`'s methods return the "checks unavailable" report (`unavailable: true`, code SYS-001); the other
// functions, which have no report to give, retry once on the new instance and otherwise throw.
//
// The catalogue. Everything about the forms that no option changes (`forms()`, the rules' text, every schema,
// `messages()`, the built-in profiles of `profiles()`) is in ./catalogue.js (the package's catalogue.json as a
// module, written by `safeguarding-forms catalogue`), not in the .wasm; the module gives only what the options
// change (`rulesState`, `schemaLists`) and the functions below merge the two, so they return exactly what the engine
// gives natively (src/catalogue.rs).
import initGlue, {
  initSync as initSyncGlue,
  rulesState,
  schemaLists,
  checkForm,
  checkProfileJson,
  validatePacked,
  carryForwardJson,
  workingDays as workingDaysRaw,
  addWorkingDays as addWorkingDaysRaw,
  Session,
  __sf_reinstantiate,
} from './safeguarding_forms.js';
import * as catalogue from './catalogue.js';

/** Loads the module (in a browser: fetches `safeguarding_forms_bg.wasm` next to this file). */
export default async function init(input) {
  const arg = input === undefined || isInitObject(input) ? input : { module_or_path: input };
  const out = await initGlue(arg);
  loaded = out;
  return out;
}

/** Loads the module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(input) {
  const arg = isInitObject(input) ? input : { module: input };
  const out = initSyncGlue(arg);
  loaded = out;
  return out;
}

/**
 * Whether `x` is an init object (`{ module }` or `{ module_or_path }`) rather than what one holds. As the glue itself
 * tells them apart: by a plain object's prototype, so bytes, a `WebAssembly.Module`, a `URL`, a `Request` or a
 * `Response` never is one. No global is read: in Node the first read of `Request` or `Response` loads the whole of
 * its fetch implementation (about 20 ms, measured: BENCHMARKS.md, "First report").
 */
function isInitObject(x) {
  return x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype
    && ('module' in x || 'module_or_path' in x);
}

/**
 * Today's date in Europe/London as YYYY-MM-DD at `now` (milliseconds since 1970), by the rule the engine applies to
 * every UK time (src/calendar/uk_time.rs): GMT in winter, BST (GMT+1) from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October. Not `Intl.DateTimeFormat` with `timeZone: 'Europe/London'`, which gives
 * the same dates (tests/node/contract.test.mjs compares them): its first use loads the time-zone data, 15–18 ms of a
 * page's first report in Chromium and about 13 ms in Node (BENCHMARKS.md, "First report").
 */
function londonToday(now = Date.now()) {
  const year = new Date(now).getUTCFullYear();
  // 01:00 UTC on the last Sunday of a month (0-based): its last day, less that day's weekday (Sunday is 0).
  const lastSunday = (month) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const bst = now >= lastSunday(2) && now < lastSunday(9);
  return new Date(bst ? now + 3_600_000 : now).toISOString().slice(0, 10);
}

function strictReplacer(_key, value) {
  const t = typeof value;
  if (t === 'bigint') throw new TypeError('data cannot contain a BigInt');
  if (t === 'symbol') throw new TypeError('data cannot contain a Symbol');
  return value;
}

/**
 * `JSON.stringify(value, strictReplacer)`, without the replacer when `value` is plain data: V8 writes such data on
 * its own fast path, and a replacer (a call per value) makes it about 1.7 times as slow (the referral's record 9.9
 * against 5.9 µs in Node: BENCHMARKS.md, "The boundary's replacer"). The walk costs less than the difference and
 * decides nothing but the route: anything it does not know to be plain takes the replacer's, which throws the
 * caller's mistake as it always has.
 */
function stringify(value) {
  let plain = false;
  try {
    plain = isPlainData(value, 0);
  } catch {
    // The walk asks more than JSON.stringify does (`for…in` asks for each object's prototype, a Proxy's trap may
    // refuse): the replacer's route decides, and throws only what JSON.stringify itself meets.
  }
  return plain ? JSON.stringify(value) : JSON.stringify(value, strictReplacer);
}

/**
 * Whether JSON.stringify writes `value` the same with the strict replacer as without it: no Symbol or BigInt
 * anywhere (which the replacer refuses; without it a Symbol is silently dropped), no `toJSON` (a Date's included:
 * what it gives is what the replacer would see, not what the walk sees), and no deeper than the engine reads
 * (MAX_DEPTH: a cycle, or data too deep, takes the replacer's route and its errors). An object's fields are those
 * `for…in` visits: its own enumerable ones, as JSON.stringify writes them, and any enumerable one it inherits, which
 * JSON.stringify does not write, so such data can only be sent the slower way. A getter is read twice (here and by
 * JSON.stringify); a throw while walking sends the data the replacer's way (`stringify`).
 */
function isPlainData(value, depth) {
  const t = typeof value;
  if (t !== 'object') return t !== 'symbol' && t !== 'bigint';
  if (value === null) return true;
  if (depth >= MAX_DEPTH || typeof value.toJSON === 'function') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isPlainData(value[i], depth + 1)) return false;
    return true;
  }
  for (const key in value) if (!isPlainData(value[key], depth + 1)) return false;
  return true;
}

// The engine cuts nesting at this depth anyway (src/engine/input.rs); the wrapper cuts at the same depth when the
// data is too deep for JSON.stringify itself (V8 runs out of stack past a few thousand levels).
const MAX_DEPTH = 64;

/** A copy of `value` with anything nested deeper than MAX_DEPTH replaced by "\ufffd" (what the engine does). */
function cutDeep(value, depth = 0) {
  if (value === null || typeof value !== 'object') return value;
  if (typeof value.toJSON === 'function') return cutDeep(value.toJSON(), depth);
  if (depth >= MAX_DEPTH) return '\ufffd';
  if (Array.isArray(value)) return value.map((x) => cutDeep(x, depth + 1));
  const out = {};
  for (const key of Object.keys(value)) out[key] = cutDeep(value[key], depth + 1);
  return out;
}

/** What toJson gives for data JSON.stringify cannot hold in one string (over about 512 MB in V8). */
const TOO_LARGE = Symbol('too large');

function toJson(value, what) {
  let text;
  try {
    text = stringify(value);
  } catch (e) {
    if (isTooLong(e)) return TOO_LARGE;
    if (!(e instanceof RangeError)) throw new TypeError(`${what} cannot be converted to JSON: ${e && e.message}`);
    // Too deep for JSON.stringify: cut it where the engine would, and report it at its field.
    try {
      text = JSON.stringify(cutDeep(value), strictReplacer);
    } catch (again) {
      if (isTooLong(again)) return TOO_LARGE;
      throw new TypeError(`${what} cannot be converted to JSON: ${again && again.message}`);
    }
  }
  return text === undefined ? 'null' : text;
}

/** The RangeError of a string too long for V8 ("Invalid string length"), as opposed to nesting too deep. */
function isTooLong(e) {
  return e instanceof RangeError && /string length/i.test(e.message);
}

/**
 * The engine's answer for data larger than it reads (INP-017, as src/api.rs `too_large` gives it), for data too large
 * even to be made into JSON text. tests/node/adversarial-edges.test.mjs checks it is the engine's, field for field.
 */
function tooLarge(form, optionsText) {
  let message = 'The form is too large to check; remove long pasted text and try again';
  try {
    // A host's message table replaces the English by id, as the engine does (this template has no parameters).
    const mine = JSON.parse(optionsText ?? 'null')?.messages?.['INP-017.too-large'];
    if (typeof mine === 'string') message = mine;
  } catch {
    // Options were checked when they were made; keep the English.
  }
  return {
    form,
    valid: false,
    diagnostics: [{ code: 'INP-017', severity: 'error', path: '', message, messageId: 'INP-017.too-large' }],
    outcome: null,
  };
}

function isPlainObject(x) {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * The form's data as JSON text, or TOO_LARGE. Any object but an array is read by its own enumerable fields, as
 * JSON.stringify reads it (a class instance, an object with another prototype or from another realm); a string,
 * number, boolean, array, null or undefined is the caller's mistake.
 */
function dataJson(data) {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new TypeError('data must be a plain object');
  const text = toJson(data, 'data');
  // What JSON.stringify made of it must be an object too (a Date, a boxed string or a toJSON can make it otherwise).
  if (text !== TOO_LARGE && text.charCodeAt(0) !== 0x7b) throw new TypeError('data must be a plain object');
  return text;
}

function optionsJson(options) {
  if (options === undefined || options === null) return JSON.stringify({ today: londonToday() });
  if (!isPlainObject(options)) throw new TypeError('invalid option: options must be an object');
  const o = { ...options };
  if (o.today === undefined || o.today === null) o.today = londonToday();
  return withFrozenProfile(o) ?? toJson(o, 'options');
}

// ---- A frozen profile is made into JSON text once ----
// A council's profile document is made into JSON text on every call that takes options (with the wrapper's replacer:
// 16.5 µs for the 2.9 kB examples/profiles/brightwell.json in Node, against 36 µs for the referral's whole `validate`
// without a profile; BENCHMARKS.md, "A council's profile in every call"). A profile the host has frozen, deeply, can
// never change: its text is kept by the object, and read again only for another object. Only data that cannot
// change counts: plain objects and arrays, every one frozen, with data properties only and no `toJSON` (one with a
// getter, a Date or a class instance inside is read on every call, as before). A profile that is not frozen is read
// on every call, so a change made to it in place is always seen.

/** The JSON text of each frozen profile seen so far; '' for one that holds something that can change, or that JSON
 * cannot hold (JSON text is never empty). */
const frozenProfileText = new WeakMap();

/** Whether `value` is data that can never change: a primitive, or a frozen plain object or array whose own
 * properties are all data properties holding such values (no getter, no `toJSON`). */
function isDeeplyFrozen(value, depth = 0) {
  if (value === null || typeof value !== 'object') return true;
  if (depth > MAX_DEPTH || !Object.isFrozen(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (Array.isArray(value) ? proto !== Array.prototype : proto !== Object.prototype && proto !== null) return false;
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (!('value' in d) || key === 'toJSON' || !isDeeplyFrozen(d.value, depth + 1)) return false;
  }
  return true;
}

/** The text of a deeply frozen profile, made (with the wrapper's replacer) the first time it is seen; undefined for
 * any other profile. A Symbol or a BigInt in it is the caller's mistake, thrown by the ordinary path at every call. */
function frozenText(profile) {
  if (profile === null || typeof profile !== 'object' || !Object.isFrozen(profile)) return undefined;
  let text = frozenProfileText.get(profile);
  if (text === undefined) {
    try {
      text = isDeeplyFrozen(profile) ? JSON.stringify(profile, strictReplacer) : '';
    } catch {
      text = '';
    }
    frozenProfileText.set(profile, text);
  }
  return text || undefined;
}

/**
 * The options' JSON text with a deeply frozen profile's kept text, or undefined when the profile is not one (or
 * another option could read differently as a part than as a whole: a `toJSON`). The same text as `toJson(o)`: each
 * option in the object's own key order, as `JSON.stringify` writes them.
 */
function withFrozenProfile(o) {
  const profile = frozenText(o.profile);
  if (profile === undefined || typeof o.toJSON === 'function') return undefined;
  const parts = [];
  for (const key of Object.keys(o)) {
    const value = o[key];
    if (key !== 'profile' && value !== null && typeof value === 'object' && typeof value.toJSON === 'function') return undefined;
    let text;
    try {
      // The profile's place, held by its object: the text of the rest says whether the whole is the one made last.
      text = key === 'profile' ? '\0' : stringify(value);
    } catch {
      return undefined; // the ordinary path throws the caller's mistake as it always has
    }
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  const rest = parts.join(',');
  if (lastFrozen.profile !== o.profile || lastFrozen.rest !== rest) {
    lastFrozen = { profile: o.profile, rest, text: `{${rest.replace('\0', () => profile)}}` };
  }
  return lastFrozen.text;
}

/**
 * The options text `withFrozenProfile` made last, with the profile object and the text of the other options it was
 * made from: the same options again give the same string, which `validate` compares with the text the module holds
 * at once (BENCHMARKS.md, "One text across the boundary"), instead of joining a council's profile into a new string
 * and comparing it byte by byte on every call. JSON text holds no NUL, so the profile's place is the one NUL.
 */
let lastFrozen = { profile: undefined, rest: '', text: '' };

// ---- Self-healing ----

/** The instance's exports (from init, initSync or the last re-instantiation); undefined until loaded. */
let loaded;
/** Bumped at each re-instantiation: a wasm `Session` made in an older generation belongs to a dead instance. */
let generation = 0;
const probe = { rawCalls: 0, heals: 0 };

const UNAVAILABLE_MESSAGE = 'Checks are unavailable for a moment; your answers are kept. Try again.';
const TRAPPED = Symbol('trapped');

/** The report for a call that could not be checked: never "valid". */
function unavailable(form) {
  return {
    form,
    valid: false,
    diagnostics: [{ code: 'SYS-001', severity: 'error', path: '', message: UNAVAILABLE_MESSAGE, messageId: 'SYS-001.unavailable' }],
    outcome: null,
    unavailable: true,
  };
}

/** Whether an exception means the instance is broken (as opposed to a caller's mistake reported by the engine). */
function isTrap(e) {
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) return true;
  // A stack overflow inside wasm is a RangeError in V8; it leaves wasm's own stack pointer wrong.
  if (e instanceof RangeError && /call stack/i.test(e.message)) return true;
  // What a broken instance says about an object it was using when it trapped.
  return e instanceof Error && /recursive use of an object detected/.test(e.message);
}

/** Every call into wasm: counted (and, in the test build only, made to trap on demand). */
function raw(fn) {
  if (loaded === undefined) throw new Error('safeguarding-forms is not initialised: call init() or initSync() first');
  probe.rawCalls += 1;
  // @test-hook-begin: scripts/build.mjs removes this block from the package (only pkg/test-hooks.js has it).
  if ((probe.trapsPending ?? 0) > 0) {
    probe.trapsPending -= 1;
    throw new WebAssembly.RuntimeError('unreachable (simulated by __testing.trapNext)');
  }
  // @test-hook-end
  return fn();
}

/** A new instance of the module after a trap; every wasm object of the old one is abandoned. */
function heal() {
  generation += 1;
  probe.heals += 1;
  try {
    loaded = __sf_reinstantiate();
  } catch {
    // Out of memory, say: the next call traps again and tries again.
  }
}

/** The engine's error as a fresh JavaScript error: a profile or a message table that is not valid is a TypeError (a
 * configuration mistake, named by its first problem), anything else an Error. */
function asError(e) {
  const message = e instanceof Error ? e.message : String(e);
  return /^(invalid|unknown) profile|^invalid option: messages/.test(message) ? new TypeError(message) : new Error(message);
}

/** Calls into wasm; TRAPPED (after healing) if the instance trapped, the engine's Error for a caller's mistake. */
function guarded(fn) {
  try {
    return raw(fn);
  } catch (e) {
    if (isTrap(e)) {
      heal();
      return TRAPPED;
    }
    throw asError(e);
  }
}

/** For the functions with no report to fall back on: one more try on the new instance, then an Error. */
function call(fn) {
  let out = guarded(fn);
  if (out === TRAPPED) out = guarded(fn);
  if (out === TRAPPED) throw new Error(UNAVAILABLE_MESSAGE);
  return out;
}

/** Drops a wasm object of a dead instance without touching any instance (pure JavaScript in the glue). */
function abandon(session) {
  try {
    session?.__destroy_into_raw?.();
  } catch {
    // Nothing to do: it was never going to be used again.
  }
}

/**
 * Test hooks, not part of the API: `rawCalls` counts calls into wasm (to prove a caller's mistake never entered it);
 * `heals` counts re-instantiations; `memoryBytes()` is the current instance's linear memory size. The hook that makes
 * the next n calls into wasm throw `WebAssembly.RuntimeError` as a trap would is only in the test build
 * (pkg/test-hooks.js, not in the package's files or exports): in the package no script on a page can force a trap.
 */
export const __testing = Object.freeze({
  // @test-hook-begin: `trapNext(n)`, for tests only.
  trapNext(n = 1) {
    probe.trapsPending = (probe.trapsPending ?? 0) + n;
  },
  // @test-hook-end
  get rawCalls() {
    return probe.rawCalls;
  },
  get heals() {
    return probe.heals;
  },
  get generation() {
    return generation;
  },
  memoryBytes() {
    return loaded?.memory?.buffer?.byteLength ?? 0;
  },
  /** The default "today" at `now` (milliseconds since 1970). */
  londonToday(now) {
    return londonToday(now);
  },
});

function checkFormId(formId) {
  if (typeof formId !== 'string') throw new TypeError(`unknown form: ${JSON.stringify(String(formId))}`);
  return formId;
}

/** A fresh copy of catalogue data (a caller may change what it is given). */
function copy(x) {
  return structuredClone(x);
}

/** The catalogue needs no call into wasm, but like every function it answers only once the module is loaded. */
function ready() {
  if (loaded === undefined) throw new Error('safeguarding-forms is not initialised: call init() or initSync() first');
}

/** The catalogue's entry of a form the module has (the module's own error for one it has not). */
function ofForm(table, id) {
  call(() => checkForm(id));
  return copy(table[id]);
}

export function forms() {
  ready();
  return copy(catalogue.forms);
}

/** The rule as `rules()` gives it: the catalogue's (`base`, without a profile) with what the profile makes of it. */
function ruleInfo(base, [severity, enabled, setBy, values]) {
  const out = { code: base.code, form: base.form, name: base.name, severity };
  if (base.stageDependent) out.stageDependent = true;
  out.enabled = enabled;
  out.paths = base.paths.slice();
  out.summary = base.summary;
  out.citation = { ...base.citation };
  if (base.quote !== undefined) out.quote = base.quote;
  if (base.parameters !== undefined) {
    out.parameters = base.parameters.map((p, i) => {
      const [value, by] = values[i];
      const param = { key: p.key, value, default: p.default, unit: p.unit, min: p.min, max: p.max };
      if (by !== null) param.setBy = copy(by);
      return param;
    });
  }
  if (severity !== base.severity) out.defaultSeverity = base.severity;
  if (setBy !== null) out.setBy = copy(setBy);
  return out;
}

export function rules(formId, options) {
  if (formId !== undefined && formId !== null) checkFormId(formId);
  const opts = optionsJson(options);
  const states = JSON.parse(call(() => rulesState(formId ?? undefined, opts)));
  const ids = formId === undefined || formId === null ? catalogue.forms.map((f) => f.id) : [formId];
  const bases = ids.flatMap((id) => catalogue.rules[id]).concat(catalogue.rules['*']);
  if (bases.length !== states.length) throw new Error('safeguarding-forms: catalogue.js does not match the module');
  return bases.map((base, i) => ruleInfo(base, states[i]));
}

/** The built-in profiles, `default` first: the catalogue's (the module does not carry their change lines). */
export function profiles() {
  ready();
  return copy(catalogue.profiles);
}

/** Every message id with its English template and the parameters it may use; `options.messages` replaces them. */
export function messages() {
  ready();
  return copy(catalogue.messages);
}

const DIALECTS = { '': '2020-12', '2020-12': '2020-12', lenient: '2020-12', 'draft-07': 'draft-07', renderer: 'draft-07' };

/**
 * A form's JSON Schema: `{ dialect: 'draft-07' }` for react-jsonschema-form and JSON Forms; with `{ profile }`, its
 * local lists (localities, teams) as the council's profile lists them.
 */
export function schema(formId, options) {
  const id = checkFormId(formId);
  const { dialect, ...rest } = isPlainObject(options) ? options : {};
  if (dialect !== undefined && typeof dialect !== 'string') throw new TypeError('invalid option: dialect must be "2020-12" or "draft-07"');
  const opts = options === undefined || options === null ? '' : optionsJson(isPlainObject(options) ? rest : options);
  const d = Object.hasOwn(DIALECTS, dialect ?? '') ? DIALECTS[dialect ?? ''] : undefined;
  if (d === undefined) {
    ready();
    throw new Error('invalid option: dialect must be "2020-12" or "draft-07"');
  }
  const lists = JSON.parse(call(() => schemaLists(id, opts)));
  const out = copy(catalogue.schemas[d][id]);
  for (const [pointer, values] of lists) (d === '2020-12' ? restrict : restrictChoices)(out, pointer, values);
  return out;
}

// The council's lists in a form's schema, as src/engine/schema.rs's `restrict` and `restrict_choices` make them.

/** `x[key]` when `x` is an object of its own with that key (never a prototype's). */
function member(x, key) {
  return isPlainObject(x) && Object.hasOwn(x, key) ? x[key] : undefined;
}

/** The schema of the field at a model pointer (`*` for list rows), if the schema has it. */
function fieldSchema(s, pointer) {
  let at = s;
  for (const seg of pointer.split('/').slice(1)) {
    at = seg === '*' ? member(at, 'items') : member(member(at, 'properties'), seg);
    if (at === undefined) return undefined;
  }
  return at;
}

/** Removes `key` as `serde_json`'s ordered map does (`swap_remove`): the last key takes its place. */
function swapRemove(m, key) {
  const keys = Object.keys(m);
  const i = keys.indexOf(key);
  if (i < 0) return;
  const entries = keys.map((k) => [k, m[k]]);
  const last = entries.pop();
  if (i < entries.length) entries[i] = last;
  for (const k of keys) delete m[k];
  for (const [k, v] of entries) m[k] = v;
}

// A key the field has keeps its place; a new one goes last (as in the engine's ordered map).
function restrict(s, pointer, values) {
  const m = fieldSchema(s, pointer);
  if (!isPlainObject(m)) return;
  m.type = ['string', 'null'];
  m.enum = [...values, '', null];
  swapRemove(m, 'maxLength');
}

function restrictChoices(s, pointer, values) {
  const m = fieldSchema(s, pointer);
  if (!isPlainObject(m)) return;
  m.type = 'string';
  m.oneOf = values.map((v) => ({ const: v, title: placeTitle(v) }));
  swapRemove(m, 'maxLength');
}

/** src/engine/schema.rs `place_title`: every word capitalised (ASCII only), "north-east" -> "North East". */
function placeTitle(value) {
  return value.split(/[-_]/).filter((w) => w !== '').map((w) => (/^[a-z]/.test(w) ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');
}

/** Checks any value as a council profile: `{ valid, problems: [{ path, message }] }`. Never throws. */
export function checkProfile(profile) {
  let text;
  try {
    text = toJson(profile, 'profile');
  } catch {
    return { valid: false, problems: [{ path: '', message: 'cannot be converted to JSON' }] };
  }
  try {
    return JSON.parse(call(() => checkProfileJson(text)));
  } catch {
    return { valid: false, problems: [{ path: '', message: 'checks are unavailable for a moment; try again' }] };
  }
}

/** The JSON Schema of a council profile document. */
export function profileSchema() {
  ready();
  return copy(catalogue.profileSchema);
}

const LIBRARIES = { rjsf: 'rjsf', 'react-jsonschema-form': 'rjsf', jsonforms: 'jsonforms', 'json-forms': 'jsonforms' };

/** The UI schema for `schema(formId, { dialect: 'draft-07' })` in a form library: `{ library: 'rjsf' | 'jsonforms' }`. */
export function uiSchema(formId, options) {
  const id = checkFormId(formId);
  const library = options?.library;
  if (typeof library !== 'string') throw new TypeError('invalid option: library must be "rjsf" or "jsonforms"');
  if (!Object.hasOwn(LIBRARIES, library)) {
    ready();
    throw new Error('invalid option: library must be "rjsf" or "jsonforms"');
  }
  return ofForm(catalogue.uiSchemas[LIBRARIES[library]], id);
}

/** The JSON Schema of a form's outcome, from its declared outcome model (a `title` per key, `x-unit` for units). */
export function outcomeSchema(formId) {
  return ofForm(catalogue.outcomeSchemas, checkFormId(formId));
}

export function validate(formId, data, options) {
  const id = checkFormId(formId);
  const text = dataJson(data);
  const opts = optionsJson(options);
  if (text === TOO_LARGE) return tooLarge(id, opts);
  const out = guarded(() => validateText(id, text, opts));
  return out === TRAPPED ? unavailable(id) : JSON.parse(out);
}

// ---- One text across the boundary ----
// Each string written into the module costs a `TextEncoder.encodeInto` call, about 0.2 µs in Chromium before a byte is
// written (BENCHMARKS.md, "One text across the boundary"): `validate` writes the form id and the options as one text,
// `form` NUL `options` (JSON text holds no NUL), and leaves the options out (an empty part) when they are the text the
// module resolved last; the data is a text of its own (joined to the others, V8 would copy it first). What the module
// holds is known only after a call that returned: a call that throws or traps forgets it, and a new instance
// (`generation`) never had it. The module answers "" (never a report) when it holds no options, and the call is made
// again with them.

/** The options text the current instance resolved last, as this wrapper sent it; null when not known. */
let sentOptions = null;

function validateText(id, text, opts) {
  // A form id with a NUL in it is no form's (and would not stay one part): the module's own error for it.
  if (id.includes('\0')) checkForm(id);
  const same = sentOptions !== null && sentOptions.generation === generation && sentOptions.text === opts;
  sentOptions = null;
  let out = same ? validatePacked(`${id}\0`, text) : '';
  if (out === '') out = validatePacked(`${id}\0${opts}`, text);
  sentOptions = { text: opts, generation };
  return out;
}

export function carryForward(formId, data) {
  const id = checkFormId(formId);
  const text = dataJson(data);
  if (text === TOO_LARGE) throw new Error('data is too large to read');
  return JSON.parse(call(() => carryForwardJson(id, text)));
}

export function workingDays(from, to, options) {
  if (typeof from !== 'string' || typeof to !== 'string') throw new TypeError('invalid option: from and to must be strings YYYY-MM-DD');
  const opts = optionsJson(options);
  return call(() => workingDaysRaw(from, to, opts));
}

export function addWorkingDays(from, days, options) {
  if (typeof from !== 'string') throw new TypeError('invalid option: from must be a string YYYY-MM-DD');
  if (typeof days !== 'number' || !Number.isInteger(days)) throw new TypeError('invalid option: days must be a whole number');
  const opts = optionsJson(options);
  return call(() => addWorkingDaysRaw(from, days, opts));
}

// ---- Incremental reports (owner: performance, issue 9) -------------------------------------------------------
// The wasm Session's load / set / remove return only what changed in the report since its last such call: "" when
// nothing did, else {"at","del","ins","valid"[,"outcome"]} (replace `del` diagnostics from index `at` with `ins`; the
// outcome only when it changed). The last full report is kept here per wasm session object, so a session rebuilt
// after a trap (a new object) starts again from its whole report (`takeReport`).
//
// A session's reports are frozen, deeply: each call returns a whole Report as api.md says, and the diagnostics and
// the outcome that did not change are the same (frozen) objects as in the report before, so no host can change what
// a later report says by editing one in place. Freezing costs once per diagnostic or outcome as it arrives from
// wasm (a diagnostic that stays is not frozen again); copying at the boundary instead would cost every diagnostic on
// every keystroke. A host that wants to change a report copies it (`structuredClone(report)`).
const lastReports = new WeakMap();

/** `x` and everything in it frozen (JSON data: objects, arrays and plain values only). */
function deepFreeze(x) {
  if (x === null || typeof x !== 'object' || Object.isFrozen(x)) return x;
  for (const v of Object.values(x)) deepFreeze(v);
  return Object.freeze(x);
}

/** A session's report, frozen. */
function frozenReport(form, valid, diagnostics, outcome) {
  return Object.freeze({ form, valid, diagnostics, outcome });
}

function reportFrom(s, out, form) {
  let last = lastReports.get(s);
  if (last === undefined) {
    let text;
    try {
      text = raw(() => s.takeReport());
    } catch (e) {
      if (isTrap(e)) {
        heal();
        return sessionUnavailable(form);
      }
      throw asError(e);
    }
    last = deepFreeze(JSON.parse(text));
  } else if (out !== '') {
    const delta = JSON.parse(out);
    const prev = last.diagnostics;
    const diagnostics = delta.del === 0 && delta.ins.length === 0 ? prev
      : Object.freeze(prev.slice(0, delta.at).concat(delta.ins.map(deepFreeze), prev.slice(delta.at + delta.del)));
    const outcome = 'outcome' in delta ? deepFreeze(delta.outcome) : last.outcome;
    last = frozenReport(last.form, delta.valid, diagnostics, outcome);
  }
  lastReports.set(s, last);
  return last;
}
// ---- end of incremental reports ---------------------------------------------------------------------------------

/** The "unavailable" report, frozen as a session's reports are. */
function sessionUnavailable(form) {
  return deepFreeze(unavailable(form));
}

/** Edits kept since the last snapshot before one is taken. */
const COMPACT_EVERY = 256;
/** The text of the edits kept since the last snapshot (UTF-16 code units) before one is taken, when the snapshot is
 * smaller than this; else the snapshot's own length. */
const COMPACT_BYTES = 1 << 20;

/**
 * Live validation while a person types: the form's state lives inside wasm; each edit returns the new report.
 *
 * To survive a re-instantiation the session also keeps, in JavaScript, what rebuilds it: the options text it was
 * made with (so the default "today" does not move), a snapshot of the data as JSON text (the last `load`, or the
 * wasm session's own `data()`) and the edits since, as the JSON text already made for wasm. The log is bounded: a
 * snapshot replaces it after COMPACT_EVERY edits, or as soon as its text is longer than the snapshot's (and than
 * COMPACT_BYTES). So it never holds more than about twice the form's own JSON text (plus 1 MB), however long the
 * person types — a 2-million-character field typed into 250 times keeps about 6 MB, not 250 copies — and the cost of
 * a snapshot is at most the cost of the edits it replaces. An edit the engine refused (a caller's mistake) is kept
 * too and replayed the same way, so the rebuilt session is the one that was lost; the edit that trapped is not kept
 * (replaying it would trap again).
 *
 * Data too large even to be made into JSON text (over about 512 MB) is not taken: that call returns the "too large"
 * report (INP-017) and the session keeps the form as it was.
 */
export class FormSession {
  #id;
  #options;
  #session;
  #generation;
  #snapshot = null;
  #edits = [];
  #logBytes = 0;
  #freed = false;

  constructor(formId, options) {
    this.#id = checkFormId(formId);
    this.#options = optionsJson(options);
    this.#session = call(() => new Session(this.#id, this.#options));
    this.#generation = generation;
  }

  /** The wasm session in the current instance, rebuilt after a re-instantiation; TRAPPED if it could not be. */
  #live() {
    if (this.#freed) throw new Error('this FormSession has been freed');
    if (this.#generation === generation) return this.#session;
    abandon(this.#session);
    this.#session = null;
    const rebuilt = guarded(() => {
      const s = new Session(this.#id, this.#options);
      if (this.#snapshot !== null) s.load(this.#snapshot);
      for (const [op, pointer, value] of this.#edits) {
        try {
          if (op === 'set') s.set(pointer, value);
          else if (op === 'remove') s.remove(pointer);
          else s.load(value);
        } catch (e) {
          if (isTrap(e)) throw e;
          // The engine refused this edit the first time too.
        }
      }
      return s;
    });
    if (rebuilt === TRAPPED) return TRAPPED;
    this.#session = rebuilt;
    this.#generation = generation;
    return rebuilt;
  }

  /** One edit: a report, the "unavailable" report after a trap, or the engine's Error for a caller's mistake. */
  #edit(entry, fn) {
    const s = this.#live();
    if (s === TRAPPED) return sessionUnavailable(this.#id);
    let out;
    try {
      out = raw(() => fn(s));
    } catch (e) {
      if (isTrap(e)) {
        heal();
        return sessionUnavailable(this.#id);
      }
      this.#keep(entry, false);
      throw asError(e);
    }
    this.#keep(entry, true);
    return reportFrom(s, out, this.#id); // incremental reports (see the block above)
  }

  #keep(entry, ok) {
    if (ok && entry[0] === 'load') {
      this.#snapshot = entry[2];
      this.#edits = [];
      this.#logBytes = 0;
      return;
    }
    this.#edits.push(entry);
    this.#logBytes += entry[1].length + (entry[2]?.length ?? 0);
    if (this.#edits.length >= COMPACT_EVERY || this.#logBytes > Math.max(COMPACT_BYTES, this.#snapshot?.length ?? 0)) {
      const text = guarded(() => this.#session.data());
      if (text !== TRAPPED) {
        this.#snapshot = text;
        this.#edits = [];
        this.#logBytes = 0;
      }
    }
  }

  load(data) {
    const text = dataJson(data);
    if (text === TOO_LARGE) return this.#tooLarge();
    return this.#edit(['load', '', text], (s) => s.load(text));
  }

  set(pointer, value) {
    if (typeof pointer !== 'string') throw new TypeError('invalid JSON Pointer: a pointer is a string');
    if (value === undefined) return this.remove(pointer);
    const text = toJson(value, 'value');
    if (text === TOO_LARGE) return this.#tooLarge();
    return this.#edit(['set', pointer, text], (s) => s.set(pointer, text));
  }

  remove(pointer) {
    if (typeof pointer !== 'string') throw new TypeError('invalid JSON Pointer: a pointer is a string');
    return this.#edit(['remove', pointer, null], (s) => s.remove(pointer));
  }

  /** Data too large to be made into JSON text: not taken; the engine's "too large" answer. */
  #tooLarge() {
    if (this.#freed) throw new Error('this FormSession has been freed');
    return deepFreeze(tooLarge(this.#id, this.#options));
  }

  report() {
    const s = this.#live();
    if (s === TRAPPED) return sessionUnavailable(this.#id);
    const out = guarded(() => s.report());
    return out === TRAPPED ? sessionUnavailable(this.#id) : deepFreeze(JSON.parse(out));
  }

  data() {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const s = this.#live();
      if (s === TRAPPED) continue;
      const out = guarded(() => s.data());
      if (out !== TRAPPED) return JSON.parse(out);
    }
    throw new Error(UNAVAILABLE_MESSAGE);
  }

  free() {
    if (this.#freed) return;
    this.#freed = true;
    const s = this.#session;
    this.#session = null;
    this.#snapshot = null;
    this.#edits = [];
    this.#logBytes = 0;
    if (s === null) return;
    if (this.#generation !== generation) {
      abandon(s);
      return;
    }
    try {
      raw(() => s.free());
    } catch (e) {
      if (isTrap(e)) heal();
    }
  }
}
