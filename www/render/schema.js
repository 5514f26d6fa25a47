// Reading a form's JSON Schema (as the package's `schema(id)` gives it) and the data it describes: JSON Pointers,
// the kind of widget each schema node needs, the model's field order, labels and date formatting.
// Shared by the generic form page (form.js) and the drop-in script (embed.js). No DOM here.

// ---------------------------------------------------------------------------------------------------------------
// JSON Pointers (RFC 6901)

export const parsePointer = (p) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
export const toPointer = (segs) => segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
export const isIndex = (s) => /^(0|[1-9]\d*)$/.test(String(s));
export const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
export const pointerIsWithin = (inner, outer) => inner === outer || (outer === '' ? inner.startsWith('/') : inner.startsWith(outer + '/'));

/** Whether two pointers lie one within the other; a "*" segment (as in `related` paths) matches any one segment. */
export function overlaps(a, b) {
  const x = parsePointer(a);
  const y = parsePointer(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i += 1) if (x[i] !== y[i] && x[i] !== '*' && y[i] !== '*') return false;
  return true;
}

/** The same pointer with every list index replaced by "*" (for layout look-ups): /children/0/name -> /children/&ast;/name. */
export function patternOf(pointer, root) {
  const segs = parsePointer(pointer);
  const out = [];
  let node = root;
  for (const s of segs) {
    const n = node ? deref(node, root) : null;
    if (n && n.type === 'array') {
      out.push('*');
      node = n.items;
    } else {
      out.push(s);
      node = n && n.properties ? n.properties[s] : null;
    }
  }
  return toPointer(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Data

export function getAt(obj, segs) {
  let cur = obj;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) cur = isIndex(s) ? cur[Number(s)] : undefined;
    else cur = Object.hasOwn(cur, s) ? cur[s] : undefined;
  }
  return cur;
}

export function setAt(obj, segs, value) {
  const parent = getAt(obj, segs.slice(0, -1));
  const last = segs[segs.length - 1];
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else parent[last] = value;
}

export function removeAt(obj, segs) {
  const parent = getAt(obj, segs.slice(0, -1));
  const last = segs[segs.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (parent && typeof parent === 'object') delete parent[last];
}

/**
 * Make every container on the way to `segs` exist in `model`, shaped by the schema (an object where the schema has
 * an object, even when its key looks like a number: family-programme's `/modules/1`). Returns the pointers and
 * values of the containers that had to be created or grown, outermost first, so that the caller can send each to
 * the session with `set` (the session itself guesses a list from a numeric segment).
 */
export function ensureParents(model, segs, root) {
  const created = [];
  let node = root;
  for (let i = 0; i < segs.length - 1; i += 1) {
    const here = segs.slice(0, i + 1);
    const schemaHere = childSchema(node, segs[i], root);
    const n = schemaHere ? deref(schemaHere, root) : null;
    const wantsArray = n ? n.type === 'array' : isIndex(segs[i + 1]);
    const cur = getAt(model, here);
    let fresh;
    if (wantsArray) {
      const index = Number(segs[i + 1]);
      const blank = () => emptyOf(n?.items, root);
      if (!Array.isArray(cur)) fresh = Array.from({ length: index + 1 }, blank);
      else if (index >= cur.length) fresh = [...cur, ...Array.from({ length: index + 1 - cur.length }, blank)];
    } else if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) {
      fresh = {};
    }
    if (fresh !== undefined) {
      setAt(model, here, fresh);
      created.push({ pointer: toPointer(here), value: clone(fresh) });
    }
    node = schemaHere;
  }
  return created;
}

/** The blank value of a new list row: {} for an object row, null for anything else. */
function emptyOf(node, root) {
  const n = node ? deref(node, root) : null;
  return n && n.type === 'object' ? {} : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Schema

/**
 * A schema node as the page needs it: a local `$ref` (`#/$defs/date`) followed (the node's own title and
 * description kept), and the lenient forms the engine also reads folded into one primary type:
 * `type: ["string", "null"]` → "string"; `anyOf: [{ type: ["boolean", "null"] }, { type: "string", pattern }]` →
 * boolean; the same for numbers (with their bounds); `""` and `null` dropped from an enum.
 */
export function deref(node, root) {
  if (!node || typeof node !== 'object') return node;
  let n = node;
  if (typeof n.$ref === 'string') {
    const m = /^#\/\$defs\/(.+)$/.exec(n.$ref);
    const target = m && root && root.$defs ? root.$defs[m[1]] : null;
    const { $ref, ...rest } = n;
    // The definition gives the shape; its description ("A civil date: …") is about the format, not the field.
    const { description, title, ...shape } = target ?? {};
    n = { ...shape, ...rest, $refName: m ? m[1] : $ref };
  }
  return normalize(n);
}

const TYPE_PREFERENCE = ['object', 'array', 'boolean', 'integer', 'number', 'string'];

function primaryType(type) {
  if (!Array.isArray(type)) return type;
  const types = type.filter((t) => t !== 'null');
  if (types.includes('string') && types.every((t) => ['string', 'number', 'boolean'].includes(t))) return 'string'; // lenient text
  return TYPE_PREFERENCE.find((t) => types.includes(t)) ?? types[0];
}

function normalize(n) {
  if (n.$normalized || n.$refName === 'date' || n.$refName === 'dateTime' || isDateDef(n)) return n;
  let out = { ...n, $normalized: true };
  if (Array.isArray(n.anyOf)) {
    const branches = n.anyOf.filter((b) => b && typeof b === 'object' && primaryType(b.type) !== 'null' && b.type !== 'null');
    // The engine's lenient alternative is a string with a pattern; the primary branch is the other one.
    const primary = branches.find((b) => primaryType(b.type) !== 'string') ?? branches[0];
    if (primary) {
      const { anyOf, ...own } = out;
      out = { ...primary, ...own, type: primaryType(primary.type), $normalized: true };
    }
  }
  if (out.type !== undefined) out.type = primaryType(out.type);
  if (Array.isArray(out.enum)) out.enum = out.enum.filter((v) => v !== null && v !== '');
  return out;
}

/** The schema of one child (a property or a list item). */
export function childSchema(node, seg, root) {
  const n = deref(node, root);
  if (!n) return null;
  if (n.type === 'array') return n.items ?? null;
  if (n.properties && Object.hasOwn(n.properties, seg)) return n.properties[seg];
  return null;
}

/** The schema at a data pointer (indices step into `items`), or null. */
export function schemaAt(root, pointer) {
  let node = root;
  for (const s of parsePointer(pointer)) {
    node = childSchema(node, s, root);
    if (!node) return null;
  }
  return node ? deref(node, root) : null;
}

/**
 * What a schema node is, for choosing a widget:
 * date | datetime | enum | boolean | number | text | textarea | email | tel | object | list | unknown.
 */
export function kindOf(node, root) {
  const n = deref(node, root);
  if (!n) return 'unknown';
  if (n.$refName === 'dateTime' || (isDateDef(n) && n.anyOf.some((a) => a?.properties && 'hour' in a.properties))) return 'datetime';
  if (n.$refName === 'date' || isDateDef(n)) return 'date';
  const type = Array.isArray(n.type) ? n.type.find((t) => t !== 'null') : n.type;
  if (Array.isArray(n.enum)) return 'enum';
  if (type === 'string' && typeof n.pattern === 'string' && /T\\d\{2\}:/.test(n.pattern)) return 'datetime';
  if (type === 'string' && n.format === 'date-time') return 'datetime';
  if (type === 'string' && n.format === 'date') return 'date';
  if (type === 'boolean') return 'boolean';
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'array') return 'list';
  if (type === 'object') return 'object';
  if (type === 'string') {
    if (n.format === 'email') return 'email';
    if (/\b(tele)?phone\b/i.test(n.title ?? '')) return 'tel';
    if ((n.maxLength ?? 0) > 500) return 'textarea';
    return 'text';
  }
  return 'unknown';
}

function isDateDef(n) {
  return Array.isArray(n.anyOf) && n.anyOf.some((a) => a && a.type === 'object' && a.properties && 'day' in a.properties && 'month' in a.properties);
}

/** Whether the schema's description says the field is required on submit. */
export function isRequired(node) {
  return /Required when the form is submitted\./.test(node?.description ?? '');
}

/** The description without the "Required when the form is submitted." sentence, or ''. */
export function hintOf(node) {
  return String(node?.description ?? '').replace(/\s*Required when the form is submitted\.\s*/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Field order. The schema's `properties` come alphabetically; the model's page order is kept by the report, whose
// diagnostics are "ordered by the form's field order" (api.md). Validating data where every field holds a value of
// the wrong kind gives one diagnostic per field, in that order.

/** Data with every leaf of the wrong kind (an empty list inside a list) and one row per list. */
export function probeData(root) {
  const walk = (node, depth) => {
    const n = deref(node, root);
    if (depth > 12 || !n) return [[]];
    if (n.type === 'object' && n.properties) {
      return Object.fromEntries(Object.entries(n.properties).map(([k, v]) => [k, walk(v, depth + 1)]));
    }
    if (n.type === 'array' && n.items) return [walk(n.items, depth + 1)];
    return [[]];
  };
  return walk(root, 0);
}

/**
 * A map from an object's pointer pattern ("" or "/children/*") to its property names in page order, from the
 * diagnostics of validating `probeData`. Properties no diagnostic names keep their schema order, after the others.
 */
export function fieldOrder(root, diagnostics) {
  const order = new Map();
  for (const d of diagnostics ?? []) {
    if (typeof d.path !== 'string' || d.path === '') continue;
    const segs = parsePointer(patternOf(d.path, root));
    for (let i = 0; i < segs.length; i += 1) {
      if (segs[i] === '*') continue;
      const parent = toPointer(segs.slice(0, i));
      if (!order.has(parent)) order.set(parent, []);
      const list = order.get(parent);
      if (!list.includes(segs[i])) list.push(segs[i]);
    }
  }
  return order;
}

/** The property names of an object node in page order. */
export function orderedKeys(node, pattern, order) {
  const keys = Object.keys(node.properties ?? {});
  const known = (order?.get(pattern) ?? []).filter((k) => keys.includes(k));
  return [...known, ...keys.filter((k) => !known.includes(k))];
}

// ---------------------------------------------------------------------------------------------------------------
// Words

const ACRONYMS = new Set([
  'eha', 'ehsp', 'cin', 'cp', 'dbs', 'rag', 'psp', 'hsb', 'send', 'ccs', 'fgm', 'asb', 'cse', 'llcs', 'lcs', 'crm',
  'dash', 'eit', 'toil', 'apm', 'bso', 'sen', 'yp', 'sw', 'rhi', 'marac', 'mash', 'id', 'uk', 'nhs', 'gp', 'dv',
  'da', 'cap', 'qa', 'lado', 'mi', 'rcpc', 'icpc', 'ssw', 'iro', 'cpp', 'cinp', 'sfp', 'ltp', 'cic', 'nfa', 'fs',
]);
// Prefixes English writes with a hyphen ("self-referral" → "Self-referral"), as `choice_title` does.
const HYPHENATED = new Set(['re', 'pre', 'self', 'cross']);
// Words of the product's own names ("incredible-years" → "Incredible Years", "family-connect" → "Family Connect"), as
// src/engine/schema.rs `choice_title` spells them. No council's places: a council's localities and teams are its
// profile's data, titled where the package gives a schema under that profile (`placeTitle`: "north-vale" → "North
// Vale"), and read here like any other value.
const PROPER = new Map([['incredible', 'Incredible'], ['years', 'Years'], ['connect', 'Connect']]);

/**
 * "early-help-assessment" → "Early help assessment"; "cin-plan" → "CIN plan"; "self-referral" → "Self-referral";
 * "metLate" → "Met late". A choice value reads as src/engine/schema.rs `choice_title` reads it; a form's field may
 * declare better titles for some of its values, which its schema's `oneOf` carries (`choiceTitles`).
 */
export function humanize(value) {
  const s = String(value);
  if (s === '') return s;
  if (/^n-?a$/i.test(s) || s === 'notApplicable' || s === 'not-applicable-na') return s.length <= 3 ? 'N/A' : 'Not applicable';
  const words = s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // "episodesIn90Days" → "episodes In 90 Days" (a single letter before digits, as in "q12", stays whole)
    .replace(/([a-zA-Z]{2,})(\d)/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => w.toLowerCase());
  const out = words.map((w, i) => {
    if (ACRONYMS.has(w)) return w.toUpperCase();
    if (i > 0 && PROPER.has(w) && (PROPER.has(words[i - 1]) || words[i - 1] === 'the' || words[i - 1] === 'family')) return PROPER.get(w);
    return w;
  });
  if (out[0] && out[0] === out[0].toLowerCase()) out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  // "Family connect" and similar two-word names the service spells with capitals
  return out.reduce((s, w, i) => (i === 0 ? w : s + (HYPHENATED.has(words[i - 1]) ? '-' : ' ') + w), '').replace(/\bFamily connect\b/g, 'Family Connect').replace(/\bfamily circle\b/gi, (m) => (m[0] === 'F' ? 'Family Circle' : 'family circle'));
}

/**
 * A "Whether …" label as a question where the words allow it: "Whether the assessment is open" → "Is the
 * assessment open?"; "Whether consent was given" → "Was consent given?". Anything else is returned unchanged.
 */
export function questionOf(label) {
  const m = /^Whether (.+?) (is|are|was|were) (.+)$/.exec(String(label ?? ''));
  if (!m || /\b(that|which|who|if)\b/.test(m[1]) || m[1].split(' ').length > 6) return label;
  return `${upperFirst(m[2])} ${m[1]} ${m[3].replace(/[.?]$/, '')}?`;
}

/**
 * The titles the renderer dialect's schema gives the choices at `pointer` (a field of choices, or a list of them):
 * a plain object of value → title, or null where it has none. The page's schema (2020-12) lists the values only.
 */
export function choiceTitles(titled, pointer) {
  let node = titled;
  for (const seg of parsePointer(pointer)) {
    node = node?.type === 'array' ? node.items : node?.properties?.[seg];
  }
  if (node?.type === 'array') node = node.items;
  if (!Array.isArray(node?.oneOf)) return null;
  return Object.fromEntries(node.oneOf.filter((o) => typeof o?.const === 'string' && typeof o.title === 'string').map((o) => [o.const, o.title]));
}

/** The label of one enum value: the layout's, or the value made readable. */
export function enumLabel(value, labels) {
  if (labels && Object.hasOwn(labels, value)) return labels[value];
  if (/^\d+$/.test(String(value))) return String(value);
  return humanize(value);
}

/**
 * The name of one row of a list, from the list's title, for "Add another …" and row legends:
 * "Children" → "child"; "Remedial actions" → "remedial action"; "Auditor" → "auditor"; "DASH risk assessments" →
 * "DASH risk assessment"; "Summaries of progress" → "summary of progress".
 */
export function itemName(title) {
  const t = String(title ?? '').trim();
  if (!t) return 'item';
  const words = t.split(/\s+/);
  const stops = new Set(['in', 'of', 'regarding', 'to', 'from', 'for', 'by', 'with', 'at', 'on', 'agreed', 'audited', 'involved', 'discussed']);
  let end = words.findIndex((w, i) => i > 0 && stops.has(w.toLowerCase()));
  if (end === -1) end = words.length;
  const head = words.slice(0, end);
  const last = head[head.length - 1];
  const singular = singularize(last);
  const changed = singular !== last;
  head[head.length - 1] = singular;
  // Keep what follows "of" ("Summaries of progress" → "summary of progress"); drop trailing participles otherwise.
  const tail = end < words.length && words[end].toLowerCase() === 'of' ? words.slice(end) : [];
  const name = changed ? [...head, ...tail].join(' ') : t;
  return lowerFirst(name);
}

function singularize(w) {
  const lower = w.toLowerCase();
  const irregular = { children: 'child', people: 'person', men: 'man', women: 'woman', hypotheses: 'hypothesis', analyses: 'analysis' };
  if (irregular[lower]) return matchCase(irregular[lower], w);
  if (/ies$/.test(lower) && lower.length > 4) return w.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(lower)) return w;
  if (/(ches|shes|sses|xes)$/.test(lower)) return w.slice(0, -2);
  if (/s$/.test(lower) && lower.length > 3) return w.slice(0, -1);
  return w;
}

function matchCase(word, like) {
  return like[0] === like[0].toUpperCase() ? word[0].toUpperCase() + word.slice(1) : word;
}

/** Lower-case the first letter unless the first word is an acronym or the title has capitalised later words. */
export function lowerFirst(s) {
  const words = s.split(/\s+/);
  if (!words[0]) return s;
  if (words[0].length > 1 && words[0] === words[0].toUpperCase()) return s; // DASH, EHA
  if (words.slice(1).some((w) => /^[A-Z][a-z]/.test(w))) return s; // Family Circle, Family Connect
  return words[0][0].toLowerCase() + s.slice(1);
}

export function upperFirst(s) {
  const t = String(s);
  return t ? t[0].toUpperCase() + t.slice(1) : t;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/** "2025-06-02" → "2 June 2025"; "2025-06-02T14:30" → "2 June 2025 at 2:30pm"; anything else unchanged. */
export function formatDate(value) {
  const s = String(value ?? '');
  let m = ISO_DATE.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = ISO_DATETIME.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const h = Number(m[4]);
    const min = m[5];
    const time = h === 0 && min === '00' ? 'midnight' : h === 12 && min === '00' ? 'midday'
      : `${h % 12 === 0 ? 12 : h % 12}${min === '00' ? '' : `:${min}`}${h < 12 ? 'am' : 'pm'}`;
    return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]} at ${time}`;
  }
  return s;
}

/** A date as recorded (ISO text or a date input's parts as typed), for reading: "2 June 2025", else the parts. */
export function formatDateValue(v) {
  if (typeof v === 'string') return formatDate(v.trim());
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const [d, m, y] = [v.day, v.month, v.year].map((x) => String(x ?? '').trim());
    const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
    if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) && ISO_DATE.test(iso)) return formatDate(iso);
    return [d, m, y].filter(Boolean).join(' / ');
  }
  return '';
}

/** Days since 1970-01-01 of an ISO date or date-time (its date part), or NaN. */
export function dayNumber(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value ?? ''));
  if (!m) return NaN;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000);
}

/** "Today" as YYYY-MM-DD in Europe/London (for drawing the timeline when the page has no ?today=). */
export function londonToday() {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  const parts = Object.fromEntries(fmt.formatToParts(new Date()).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
