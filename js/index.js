// The package's entry: a thin wrapper around wasm-bindgen's glue. Data crosses into wasm as JSON text, so a cyclic
// object, a BigInt or a Symbol is rejected here (the caller's mistake) before wasm is entered, and nesting or odd
// characters are handled inside by the engine as diagnostics. Nothing here touches the network, storage or the
// console; the only clock read is for the default "today" (the current date in Europe/London).
import initGlue, {
  initSync as initSyncGlue,
  formsJson,
  rulesJson,
  profilesJson,
  schemaJson,
  validateJson,
  carryForwardJson,
  workingDays as workingDaysRaw,
  addWorkingDays as addWorkingDaysRaw,
  Session,
} from './safeguarding_forms.js';

/** Loads the module (in a browser: fetches `safeguarding_forms_bg.wasm` next to this file). */
export default async function init(input) {
  const arg = input === undefined || isInitObject(input) ? input : { module_or_path: input };
  return initGlue(arg);
}

/** Loads the module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(input) {
  const arg = isInitObject(input) ? input : { module: input };
  return initSyncGlue(arg);
}

function isInitObject(x) {
  return x !== null && typeof x === 'object' && !(x instanceof ArrayBuffer) && !ArrayBuffer.isView(x)
    && !(typeof WebAssembly !== 'undefined' && x instanceof WebAssembly.Module)
    && !(typeof Request !== 'undefined' && x instanceof Request)
    && !(typeof URL !== 'undefined' && x instanceof URL)
    && !(typeof Response !== 'undefined' && x instanceof Response)
    && ('module' in x || 'module_or_path' in x);
}

let londonFormat;
/** Today's date in Europe/London as YYYY-MM-DD. */
function londonToday() {
  londonFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = Object.fromEntries(londonFormat.formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function strictReplacer(_key, value) {
  const t = typeof value;
  if (t === 'bigint') throw new TypeError('data cannot contain a BigInt');
  if (t === 'symbol') throw new TypeError('data cannot contain a Symbol');
  return value;
}

function toJson(value, what) {
  let text;
  try {
    text = JSON.stringify(value, strictReplacer);
  } catch (e) {
    throw new TypeError(`${what} cannot be converted to JSON: ${e && e.message}`);
  }
  return text === undefined ? 'null' : text;
}

function isPlainObject(x) {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function dataJson(data) {
  if (!isPlainObject(data)) throw new TypeError('data must be a plain object');
  return toJson(data, 'data');
}

function optionsJson(options) {
  if (options === undefined || options === null) return JSON.stringify({ today: londonToday() });
  if (!isPlainObject(options)) throw new TypeError('invalid option: options must be an object');
  const o = { ...options };
  if (o.today === undefined || o.today === null) o.today = londonToday();
  return toJson(o, 'options');
}

function call(fn) {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error) throw new Error(e.message);
    throw new Error(String(e));
  }
}

function checkFormId(formId) {
  if (typeof formId !== 'string') throw new TypeError(`unknown form: ${JSON.stringify(String(formId))}`);
  return formId;
}

export function forms() {
  return JSON.parse(formsJson());
}

export function rules(formId, options) {
  if (formId !== undefined && formId !== null) checkFormId(formId);
  return JSON.parse(call(() => rulesJson(formId ?? undefined, optionsJson(options))));
}

export function profiles() {
  return JSON.parse(profilesJson());
}

export function schema(formId) {
  return JSON.parse(call(() => schemaJson(checkFormId(formId))));
}

export function validate(formId, data, options) {
  const id = checkFormId(formId);
  const text = dataJson(data);
  return JSON.parse(call(() => validateJson(id, text, optionsJson(options))));
}

export function carryForward(formId, data) {
  const id = checkFormId(formId);
  return JSON.parse(call(() => carryForwardJson(id, dataJson(data))));
}

export function workingDays(from, to, options) {
  if (typeof from !== 'string' || typeof to !== 'string') throw new TypeError('invalid option: from and to must be strings YYYY-MM-DD');
  return call(() => workingDaysRaw(from, to, optionsJson(options)));
}

export function addWorkingDays(from, days, options) {
  if (typeof from !== 'string') throw new TypeError('invalid option: from must be a string YYYY-MM-DD');
  if (typeof days !== 'number' || !Number.isInteger(days)) throw new TypeError('invalid option: days must be a whole number');
  return call(() => addWorkingDaysRaw(from, days, optionsJson(options)));
}

/** Live validation while a person types: the form's state lives inside wasm; each edit returns the new report. */
export class FormSession {
  #session;

  constructor(formId, options) {
    const id = checkFormId(formId);
    this.#session = call(() => new Session(id, optionsJson(options)));
  }

  load(data) {
    const text = dataJson(data);
    return JSON.parse(call(() => this.#session.load(text)));
  }

  set(pointer, value) {
    if (typeof pointer !== 'string') throw new TypeError('invalid JSON Pointer: a pointer is a string');
    if (value === undefined) return this.remove(pointer);
    const text = toJson(value, 'value');
    return JSON.parse(call(() => this.#session.set(pointer, text)));
  }

  remove(pointer) {
    if (typeof pointer !== 'string') throw new TypeError('invalid JSON Pointer: a pointer is a string');
    return JSON.parse(call(() => this.#session.remove(pointer)));
  }

  report() {
    return JSON.parse(this.#session.report());
  }

  data() {
    return JSON.parse(this.#session.data());
  }

  free() {
    this.#session.free();
  }
}
