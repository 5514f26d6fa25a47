// Generic rendering of a report's `outcome` (a free-form JSON object per form) in GOV.UK components, with pictures
// where people would rather look than read:
//   - a 0–1 `completeness` → a progress bar;
//   - an array of objects with a `due` date and a `status` → a timeline of due dates against today;
//   - an array of objects with a `grade` and a `mean` (case-audit's sections) → a bar chart.
// Everything else: a summary list (numbers, booleans as Yes / No tags, dates as "2 June 2025", lists as lists, a
// status as a coloured tag) and arrays of row objects as a GOV.UK table. Text goes in as textContent only; SVG is
// built with createElementNS.

import { el, svg, svgText } from './dom.js';
import { humanize, formatDate, dayNumber, ISO_DATE, ISO_DATETIME, upperFirst } from './schema.js';

const STATUS_TAG = {
  met: 'govuk-tag--green',
  'met-late': 'govuk-tag--yellow',
  due: '', // the default (blue) tag
  'due-soon': 'govuk-tag--orange',
  overdue: 'govuk-tag--red',
  'not-applicable': 'govuk-tag--grey',
  missing: 'govuk-tag--red',
  present: 'govuk-tag--green',
  complete: 'govuk-tag--green',
  incomplete: 'govuk-tag--orange',
  red: 'govuk-tag--red',
  amber: 'govuk-tag--orange',
  green: 'govuk-tag--green',
};

const STATUS_COLOUR = {
  met: '#00703c',
  'met-late': '#b58800',
  due: '#1d70b8',
  'due-soon': '#f47738',
  overdue: '#d4351c',
  'not-applicable': '#505a5f',
};

const GRADE_COLOUR = { 1: '#00703c', 2: '#1d70b8', 3: '#f47738', 4: '#d4351c' };

const isStatusKey = (key) => key === 'status' || /Status$/.test(key ?? '');
const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isRowArray = (v) => Array.isArray(v) && v.length > 0 && v.every(isPlainObject);
const isCode = (s) => /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(s) || /^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(s);

// The declared labels and units of the outcome's keys and the labels of their coded values
// (render/outcome-labels.js), set for each render. A key or a code the model does not label falls back to its name
// made readable, marked data-label="guessed" for the tests.
let model = {};
const keyLabel = (k) => model[k]?.title ?? humanize(k);
const guessed = (k) => (model[k]?.title ? undefined : 'guessed');
/** The declared label of a code `value` of `key`, if the model has one. */
const declaredLabel = (key, value) => {
  const values = model[key]?.values;
  return values && Object.hasOwn(values, value) ? values[value] : undefined;
};
/** A code's label: the declared one, else the code made readable (`guessed`). */
const codeLabel = (key, value) => {
  const label = declaredLabel(key, value);
  return label === undefined ? { text: humanize(value), guessed: 'guessed' } : { text: label, guessed: undefined };
};

/** A status as a GOV.UK tag, with the label the model declares for it under `key` (else guessed). */
export function statusTag(value, key = 'status') {
  const v = String(value);
  const cls = Object.hasOwn(STATUS_TAG, v) ? STATUS_TAG[v] : 'govuk-tag--grey';
  const { text, guessed: how } = codeLabel(key, v);
  return el('strong', { className: `govuk-tag ${cls} app-status-tag`.replace(/\s+/g, ' '), text, attrs: { 'data-status': v, 'data-label': how } });
}

function yesNo(value) {
  return el('strong', { className: `govuk-tag ${value ? 'govuk-tag--green' : 'govuk-tag--grey'}`, text: value ? 'Yes' : 'No' });
}

function numberText(key, n) {
  const k = String(key ?? '');
  const text = Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
  const unit = model[k]?.unit;
  if ((k === 'completeness' || unit === 'fraction') && n >= 0 && n <= 1) return `${Math.round(n * 100)}%`;
  if (unit === '%') return `${text}%`;
  return unit ? `${text} ${unit}${n === 1 ? '' : 's'}` : text;
}

/** One value as a node. */
function valueNode(key, value, labels) {
  if (value === null || value === undefined) return el('span', { className: 'app-none', text: 'None' });
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return document.createTextNode(numberText(key, value));
  if (typeof value === 'string') {
    if (isStatusKey(key)) return statusTag(value, key);
    const declared = declaredLabel(key, value);
    if (declared !== undefined) return el('span', { text: declared, attrs: { 'data-code': value } });
    if (ISO_DATE.test(value) || ISO_DATETIME.test(value)) return document.createTextNode(formatDate(value));
    if (labels && Object.hasOwn(labels, value)) return document.createTextNode(labels[value]);
    if (isCode(value)) return el('span', { text: humanize(value), attrs: { 'data-code': value, 'data-label': 'guessed' } });
    return document.createTextNode(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return el('span', { className: 'app-none', text: 'None' });
    if (isRowArray(value)) return rowsTable(key, value, labels);
    return el('ul', { className: 'govuk-list govuk-list--bullet app-outcome__list' }, value.map((v) => el('li', {}, [valueNode(key, v, labels)])));
  }
  if (isPlainObject(value)) return summaryList(value, labels, true);
  return document.createTextNode(String(value));
}

const LABEL_KEYS = ['title', 'text', 'name', 'standard', 'item', 'step', 'id', 'circle', 'number', 'file'];
const HIDDEN_KEYS = new Set(['index']);

function columnsOf(rows) {
  const keys = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k) && !HIDDEN_KEYS.has(k)) keys.push(k);
  // A column with nothing in any row says nothing.
  const empty = (k) => rows.every((r) => r[k] === null || r[k] === undefined || (Array.isArray(r[k]) && r[k].length === 0));
  if (keys.some((k) => !empty(k))) keys.splice(0, keys.length, ...keys.filter((k) => !empty(k)));
  // The row's name first, its status last; a machine id hidden when a readable title is there.
  const first = LABEL_KEYS.find((k) => keys.includes(k));
  let cols = keys.filter((k) => k !== first);
  if (first === 'title' || first === 'text') cols = cols.filter((k) => !['standard', 'id'].includes(k));
  cols.sort((a, b) => Number(isStatusKey(a)) - Number(isStatusKey(b)));
  return first ? [first, ...cols] : cols;
}

/** An array of row objects as a GOV.UK table. */
function rowsTable(key, rows, labels) {
  const cols = columnsOf(rows);
  const numeric = (c) => rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number');
  return el('table', { className: 'govuk-table app-outcome__table', attrs: { 'data-outcome-table': key } }, [
    el('caption', { className: 'govuk-table__caption govuk-visually-hidden', text: keyLabel(key) }),
    el('thead', { className: 'govuk-table__head' }, [
      el('tr', { className: 'govuk-table__row' }, cols.map((c) => el('th', {
        className: `govuk-table__header${numeric(c) ? ' govuk-table__header--numeric' : ''}`,
        text: keyLabel(c),
        attrs: { scope: 'col', 'data-label': guessed(c) },
      }))),
    ]),
    el('tbody', { className: 'govuk-table__body' }, rows.map((r) => el('tr', { className: 'govuk-table__row' }, cols.map((c, i) => {
      const cell = el(i === 0 ? 'th' : 'td', {
        className: `${i === 0 ? 'govuk-table__header' : 'govuk-table__cell'}${numeric(c) ? ` govuk-table__${i === 0 ? 'header' : 'cell'}--numeric` : ''}`,
        attrs: i === 0 ? { scope: 'row' } : {},
      }, [valueNode(c, r[c], labels)]);
      return cell;
    })))),
  ]);
}

/** Whether a value fits on the same line as its key. */
function isShort(key, v) {
  if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'number') return true;
  if (typeof v === 'string') return (ISO_DATE.test(v) || isStatusKey(key) || (declaredLabel(key, v) ?? v).length <= 20);
  return Array.isArray(v) && v.length === 0;
}

/** An object as a GOV.UK summary list. */
function summaryList(obj, labels, nested = false) {
  const entries = Object.entries(obj);
  if (entries.length === 0) return el('span', { className: 'app-none', text: 'None' });
  return el('dl', { className: `govuk-summary-list app-outcome__list${nested ? ' govuk-summary-list--no-border app-outcome__list--nested' : ''}` },
    entries.map(([k, v]) => el('div', { className: `govuk-summary-list__row${isShort(k, v) ? ' app-outcome__row--inline' : ''}`, attrs: { 'data-key': k } }, [
      el('dt', { className: 'govuk-summary-list__key', text: keyLabel(k), attrs: { 'data-label': guessed(k) } }),
      el('dd', { className: 'govuk-summary-list__value' }, [valueNode(k, v, labels)]),
    ])));
}

// ---------------------------------------------------------------------------------------------------------------
// Pictures

let uid = 0;

/** A 0–1 completeness as a progress bar. */
export function progressBar(value, label = 'Complete') {
  const pct = Math.max(0, Math.min(100, Math.round(value * 100)));
  const id = `app-progress-${uid += 1}`;
  const width = 300;
  const svgEl = svg('svg', {
    class: 'app-progress__svg', viewBox: `0 0 ${width} 18`, width: '100%', height: 18,
    role: 'img', 'aria-labelledby': id, preserveAspectRatio: 'none', focusable: 'false',
  }, [
    svg('rect', { x: 1, y: 1, width: width - 2, height: 16, fill: '#ffffff', stroke: '#0b0c0c', 'stroke-width': 2 }),
    svg('rect', { x: 3, y: 3, width: Math.max(0, (width - 6) * pct / 100), height: 12, fill: pct >= 100 ? '#00703c' : '#1d70b8', class: 'app-progress__fill' }),
  ]);
  return el('div', { className: 'app-progress', attrs: { 'data-picture': 'progress', 'data-value': String(pct) } }, [
    el('p', { className: 'govuk-body govuk-!-margin-bottom-1', text: `${label}: ${pct}%`, attrs: { id } }),
    svgEl,
  ]);
}

const rowLabel = (r) => {
  for (const k of LABEL_KEYS) {
    if (r[k] === undefined || r[k] === null) continue;
    const v = String(r[k]);
    if (k === 'circle' || k === 'number' || k === 'file') return `${upperFirst(k)} ${v}`;
    return declaredLabel(k, v) ?? (isCode(v) ? humanize(v) : v);
  }
  return 'Item';
};
const statusText = (s) => codeLabel('status', s).text;

const shortDate = (n) => {
  const d = new Date(n * 86400000);
  return `${d.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

const truncate = (s, n) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Rows with a `due` date and a `status` as a timeline of due dates against today. */
export function timeline(key, rows, today) {
  const items = rows
    .filter((r) => Number.isFinite(dayNumber(r.due)))
    .map((r) => ({ label: rowLabel(r), due: dayNumber(r.due), met: dayNumber(r.metOn), status: String(r.status ?? ''), raw: r }))
    .sort((a, b) => a.due - b.due);
  const undated = rows.length - items.length;
  const wrap = el('div', { className: 'app-timeline', attrs: { 'data-picture': 'timeline', 'data-key': key } });
  if (items.length === 0) return null;
  const t = dayNumber(today);
  const days = items.flatMap((i) => [i.due, i.met]).concat(Number.isFinite(t) ? [t] : []).filter(Number.isFinite);
  let lo = Math.min(...days);
  let hi = Math.max(...days);
  if (hi - lo < 14) { lo -= 7; hi += 7; }
  const pad = (hi - lo) * 0.06;
  lo -= pad;
  hi += pad;
  const W = 320;
  const left = 8;
  const right = W - 8;
  const x = (d) => left + ((d - lo) / (hi - lo)) * (right - left);
  const rowH = 40;
  const top = 24;
  const H = top + items.length * rowH + 26;
  const counts = {};
  for (const i of items) counts[i.status] = (counts[i.status] ?? 0) + 1;
  const summary = `Timeline of ${items.length} due ${items.length === 1 ? 'date' : 'dates'}${Number.isFinite(t) ? ` against today, ${formatDate(today)}` : ''}: `
    + Object.entries(counts).map(([s, n]) => `${n} ${statusText(s).toLowerCase()}`).join(', ') + '.';
  const titleId = `app-timeline-${uid += 1}`;
  const g = [];
  g.push(svg('title', { id: titleId }, [document.createTextNode(summary)]));
  // today
  if (Number.isFinite(t)) {
    g.push(svg('line', { x1: x(t), x2: x(t), y1: 14, y2: H - 22, stroke: '#0b0c0c', 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }));
    const anchor = x(t) > W - 40 ? 'end' : x(t) < 40 ? 'start' : 'middle';
    g.push(svgText('Today', { x: x(t), y: 11, 'text-anchor': anchor, class: 'app-chart__label app-chart__label--bold' }));
  }
  items.forEach((item, n) => {
    const y = top + n * rowH;
    const colour = STATUS_COLOUR[item.status] ?? '#505a5f';
    const status = statusText(item.status);
    g.push(svgText(`${truncate(item.label, Math.max(12, 48 - status.length))} – ${status}`, { x: left, y: y + 12, class: 'app-chart__label' }));
    const ty = y + 26;
    g.push(svg('line', { x1: left, x2: right, y1: ty, y2: ty, stroke: '#b1b4b6', 'stroke-width': 1 }));
    if (Number.isFinite(item.met)) {
      g.push(svg('line', { x1: x(item.due), x2: x(item.met), y1: ty, y2: ty, stroke: colour, 'stroke-width': 3 }));
      g.push(svg('circle', { cx: x(item.met), cy: ty, r: 5, fill: colour, stroke: '#ffffff', 'stroke-width': 1 }));
    }
    const cx = x(item.due);
    g.push(svg('path', {
      d: `M ${cx} ${ty - 7} L ${cx + 7} ${ty} L ${cx} ${ty + 7} L ${cx - 7} ${ty} Z`,
      fill: Number.isFinite(item.met) ? '#ffffff' : colour, stroke: colour, 'stroke-width': 2,
      'data-status': item.status,
    }));
  });
  // axis
  g.push(svgText(shortDate(Math.ceil(lo)), { x: left, y: H - 6, class: 'app-chart__label app-chart__label--muted' }));
  g.push(svgText(shortDate(Math.floor(hi)), { x: right, y: H - 6, 'text-anchor': 'end', class: 'app-chart__label app-chart__label--muted' }));
  wrap.append(
    svg('svg', { class: 'app-chart', viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-labelledby': titleId, focusable: 'false' }, g),
    el('p', { className: 'govuk-body-s app-chart__key' }, [
      document.createTextNode('◆ due date, ● date met. '),
      document.createTextNode(undated ? `${undated} with no due date ${undated === 1 ? 'is' : 'are'} not drawn.` : ''),
    ]),
  );
  return wrap;
}

/** Rows with a `grade` and a `mean` (case-audit's sections) as a bar chart of the mean, coloured by grade. */
export function barChart(key, rows) {
  const items = rows.map((r) => ({ label: rowLabel(r), mean: typeof r.mean === 'number' ? r.mean : null, grade: r.grade }));
  const max = Math.max(4, ...items.map((i) => i.mean ?? 0), ...items.map((i) => (typeof i.grade === 'number' ? i.grade : 0)));
  const W = 320;
  const left = 8;
  const right = W - 70;
  const rowH = 34;
  const top = 6;
  const H = top + items.length * rowH + 22;
  const x = (v) => left + (v / max) * (right - left);
  const titleId = `app-bars-${uid += 1}`;
  const summary = `Bar chart of the mean grade by ${humanize(key).toLowerCase()}: `
    + items.map((i) => `${i.label} ${i.mean === null ? 'not graded' : `mean ${i.mean.toFixed(2)}, grade ${i.grade}`}`).join('; ') + '.';
  const g = [svg('title', { id: titleId }, [document.createTextNode(summary)])];
  for (let v = 0; v <= max; v += 1) {
    g.push(svg('line', { x1: x(v), x2: x(v), y1: top, y2: H - 18, stroke: '#dddddd', 'stroke-width': 1 }));
    g.push(svgText(String(v), { x: x(v), y: H - 5, 'text-anchor': 'middle', class: 'app-chart__label app-chart__label--muted' }));
  }
  items.forEach((item, n) => {
    const y = top + n * rowH;
    g.push(svgText(truncate(item.label, 40), { x: left, y: y + 12, class: 'app-chart__label' }));
    if (item.mean === null) {
      g.push(svgText('Not graded yet', { x: left, y: y + 27, class: 'app-chart__label app-chart__label--muted' }));
      return;
    }
    const colour = GRADE_COLOUR[item.grade] ?? '#505a5f';
    g.push(svg('rect', { x: left, y: y + 16, width: Math.max(2, x(item.mean) - left), height: 12, fill: colour, 'data-grade': String(item.grade ?? '') }));
    g.push(svgText(`${item.mean.toFixed(2)} (grade ${item.grade ?? '–'})`, { x: x(item.mean) + 4, y: y + 26, class: 'app-chart__label' }));
  });
  return el('div', { className: 'app-bars', attrs: { 'data-picture': 'bars', 'data-key': key } }, [
    svg('svg', { class: 'app-chart', viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-labelledby': titleId, focusable: 'false' }, g),
  ]);
}

const hasTimeline = (v) => isRowArray(v) && v.some((r) => 'due' in r && 'status' in r);
const hasBars = (v) => isRowArray(v) && v.every((r) => 'grade' in r && 'mean' in r);

/**
 * The outcome panel's content.
 * @param {object|null} outcome
 * @param {{ today?: string, labels?: object, keys?: object }} [o]  `labels`: enum values' labels; `keys`: the
 *   declared outcome model, { key: { title, unit? } } (render/outcome-labels.js, from the package's outcomeSchema)
 */
export function renderOutcome(outcome, { today, labels, keys = {} } = {}) {
  model = keys;
  if (!isPlainObject(outcome)) return [el('p', { className: 'govuk-body', text: 'No result for this form yet.' })];
  const nodes = [];
  // Pictures first.
  if (typeof outcome.completeness === 'number' && outcome.completeness >= 0 && outcome.completeness <= 1) {
    nodes.push(progressBar(outcome.completeness));
  }
  for (const [k, v] of Object.entries(outcome)) {
    if (hasBars(v)) {
      nodes.push(el('h3', { className: 'govuk-heading-s', text: keyLabel(k) }), barChart(k, v));
    }
    if (hasTimeline(v)) {
      const tl = timeline(k, v, today);
      if (tl) nodes.push(el('h3', { className: 'govuk-heading-s', text: `${keyLabel(k)}: due dates` }), tl);
    }
  }
  // Scalars, lists and small objects in a summary list; row tables after it, each under its own heading.
  const simple = {};
  const tables = [];
  const drawnAsBar = typeof outcome.completeness === 'number' && outcome.completeness >= 0 && outcome.completeness <= 1;
  for (const [k, v] of Object.entries(outcome)) {
    if (k === 'completeness' && drawnAsBar) continue;
    if (isRowArray(v)) tables.push([k, v]);
    else simple[k] = v;
  }
  if (Object.keys(simple).length) nodes.push(summaryList(simple, labels));
  for (const [k, v] of tables) {
    nodes.push(el('h3', { className: 'govuk-heading-s', text: keyLabel(k) }), el('div', { className: 'app-table-wrap' }, [rowsTable(k, v, labels)]));
  }
  return nodes;
}
