// Casework supervision record (`casework-supervision`, forms.md §20): the proposed Protocol supervision record as a
// GOV.UK form, checked live by the WebAssembly module, with the supervision cadence drawn beside it.
//
// - One FormSession (stage "draft") receives every change as `set(pointer, value)` / `remove(pointer)`.
// - "Save supervision record" re-checks the form as it stands with `validate(..., { stage: "submit" })`.
// - Messages are written with textContent only; SVG is built with createElementNS. If the module cannot load or a
//   call fails, the page says "Checks unavailable" and never claims the record has no problems.
// - `?today=YYYY-MM-DD` in the page's address fixes "today" (for demos and tests).

import { startGovukFrontend, loadChecks, el } from '/www/common.js';

const FORM_ID = 'casework-supervision';
const BASE_TITLE = document.title;
const SVG_NS = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------------------------------------------------------
// The form's vocabulary (src/forms/casework_supervision/model.rs). Ids are the package's; the labels are this page's.

const CASE_STATUSES = [
  ['cp', 'Child protection (CP)'],
  ['cin', 'Child in need (CIN)'],
  ['step-down', 'Step-down'],
  ['strengthening-families', 'Strengthening Families'],
  ['cic', 'Child in care (CIC)'],
];
const CASE_STATUS_LABEL = new Map(CASE_STATUSES);

const ACTION_STATUSES = [
  ['done', 'Done'],
  ['in-progress', 'In progress'],
  ['not-done', 'Not done'],
];

const YES_NO = [
  ['true', 'Yes'],
  ['false', 'No'],
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// ---------------------------------------------------------------------------------------------------------------
// Dates (for the picture and the example; the rules themselves are the module's).

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoOf(y, m, d) {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y, m) {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A real calendar date as "YYYY-MM-DD" from an ISO string or the parts of a date input, else null. */
function toIso(v) {
  let y;
  let m;
  let d;
  if (typeof v === 'string') {
    const match = ISO.exec(v.trim());
    if (!match) return null;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if (v && typeof v === 'object') {
    const num = (s) => (/^\s*\d+\s*$/.test(String(s ?? '')) ? Number(s) : NaN);
    d = num(v.day);
    y = num(v.year);
    m = num(v.month);
    if (Number.isNaN(m)) {
      const name = String(v.month ?? '').trim().toLowerCase();
      const i = name.length >= 3 ? MONTHS.findIndex((n) => n.toLowerCase().startsWith(name.slice(0, 3))) : -1;
      m = i >= 0 ? i + 1 : NaN;
    }
  } else {
    return null;
  }
  if (![y, m, d].every(Number.isInteger) || y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return isoOf(y, m, d);
}

/** Days since 1970-01-01 of an ISO date. */
function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86400000);
}

function fromDayNumber(n) {
  const t = new Date(n * 86400000);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function addDays(iso, n) {
  return fromDayNumber(dayNumber(iso) + n);
}

/** Calendar months, clamped at month ends (31 January + 1 month = 28 or 29 February), as the module does. */
function addMonths(iso, n) {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return isoOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

function longDate(iso) {
  const m = ISO.exec(iso ?? '');
  if (!m) return String(iso ?? '');
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

function shortDate(iso) {
  const m = ISO.exec(iso ?? '');
  if (!m) return String(iso ?? '');
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1].slice(0, 3)} ${m[1]}`;
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON Pointers and the page's own copy of the data (kept so that a fresh session can be loaded if a call fails).

const parsePointer = (p) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
const toPointer = (segs) => segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
const isIndex = (s) => /^(0|[1-9]\d*)$/.test(String(s));
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
const pointerIsWithin = (inner, outer) => inner === outer || inner.startsWith(outer + '/');

let model = {};

function getAt(obj, segs) {
  let cur = obj;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? (isIndex(s) ? cur[Number(s)] : undefined) : (Object.hasOwn(cur, s) ? cur[s] : undefined);
  }
  return cur;
}

function setAt(obj, segs, value) {
  const parent = getAt(obj, segs.slice(0, -1));
  const last = segs[segs.length - 1];
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else parent[last] = value;
}

function removeAt(obj, segs) {
  const parent = getAt(obj, segs.slice(0, -1));
  const last = segs[segs.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (parent && typeof parent === 'object') delete parent[last];
}

// ---------------------------------------------------------------------------------------------------------------
// The checks

const params = new URLSearchParams(location.search);
const fixedToday = toIso(params.get('today') ?? '') ? params.get('today') : undefined;
const options = (stage) => (fixedToday ? { stage, today: fixedToday } : { stage });

/** Today as the module sees it: the fixed date, else the current date in Europe/London. */
function todayIso() {
  if (fixedToday) return fixedToday;
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    const t = new Date();
    return isoOf(t.getFullYear(), t.getMonth() + 1, t.getDate());
  }
}

let checks = null; // the module's exports once loaded
let session = null; // FormSession (draft)
let state = 'loading'; // loading | ready | unavailable
let submitted = false; // after the first save, every message shows and the submit stage is used
const touched = new Set(); // field pointers the person has changed ("=/p": only messages about p itself)

function setState(next, detail) {
  state = next;
  document.body.dataset.checks = next;
  const box = document.getElementById('checks-status');
  if (next === 'ready') {
    box.replaceChildren();
    return;
  }
  if (next === 'loading') {
    box.replaceChildren(el('p', { className: 'govuk-body', text: 'Loading the checks…' }));
    return;
  }
  box.replaceChildren(
    el('div', { className: 'govuk-warning-text app-checks-unavailable' }, [
      el('span', { className: 'govuk-warning-text__icon', text: '!', attrs: { 'aria-hidden': 'true' } }),
      el('strong', { className: 'govuk-warning-text__text' }, [
        el('span', { className: 'govuk-visually-hidden', text: 'Warning' }),
        document.createTextNode(`Checks unavailable. ${detail ?? 'Your answers have not been checked.'}`),
      ]),
    ]),
  );
}

/** Run one call into the module. On failure: say "Checks unavailable", try a fresh session, return null. */
function guarded(fn) {
  if (!checks || !session) return null;
  try {
    return fn();
  } catch (err) {
    console.error(`safeguarding-forms: call failed: ${err && err.name}: ${err && err.message}`);
    try {
      session.free();
    } catch {
      // the old session may be unusable; nothing to do
    }
    session = null;
    try {
      session = new checks.FormSession(FORM_ID, options('draft'));
      session.load(clone(model));
      setState('unavailable', 'Your last change could not be checked. Change the answer again to retry.');
    } catch {
      session = null;
      setState('unavailable', 'The checks stopped working. Reload the page to try again; your answers have not been checked.');
    }
    return null;
  }
}

/** Make every container on the way to `segs` exist, in the page's copy and in the session. */
function ensureParents(segs) {
  for (let i = 1; i < segs.length; i += 1) {
    const parentSegs = segs.slice(0, i);
    const next = segs[i];
    const cur = getAt(model, parentSegs);
    let fresh;
    if (cur === null || typeof cur !== 'object') {
      fresh = isIndex(next) ? Array.from({ length: Number(next) + 1 }, () => ({})) : {};
    } else if (Array.isArray(cur) && isIndex(next) && Number(next) >= cur.length) {
      fresh = [...cur, ...Array.from({ length: Number(next) + 1 - cur.length }, () => ({}))];
    } else {
      continue;
    }
    setAt(model, parentSegs, fresh);
    guarded(() => session.set(toPointer(parentSegs), clone(fresh)));
  }
}

/** Change one field: `undefined` removes it. Returns the new draft report (or null when unavailable). */
function change(pointer, value) {
  const segs = parsePointer(pointer);
  if (value === undefined) {
    if (getAt(model, segs) === undefined) return guarded(() => session.report());
    removeAt(model, segs);
    return guarded(() => session.remove(pointer));
  }
  ensureParents(segs);
  setAt(model, segs, clone(value));
  return guarded(() => session.set(pointer, clone(value)));
}

function currentReport(draft) {
  if (!draft) return null;
  if (!submitted) return draft;
  return guarded(() => checks.validate(FORM_ID, session.data(), options('submit')));
}

function afterChange(draft) {
  // A "no errors" message from an earlier save no longer describes the form.
  document.getElementById('success-banner').hidden = true;
  if (state === 'unavailable' && draft && session) setState('ready');
  showReport(currentReport(draft));
}

// ---------------------------------------------------------------------------------------------------------------
// Building the form. Every field is a "group" registered under its JSON Pointer; a diagnostic is shown by the group
// whose pointer is the longest prefix of its path.

const registry = new Map(); // pointer -> group
const idFor = (pointer) => (pointer === '' ? 'form' : pointer.slice(1).replace(/[^A-Za-z0-9_-]+/g, '-'));

function register(group) {
  registry.set(group.pointer, group);
  if (group.root) group.root.dataset.field = group.pointer;
  return group;
}

function unregisterUnder(pointer) {
  for (const key of [...registry.keys()]) if (pointerIsWithin(key, pointer) && key !== pointer) registry.delete(key);
}

function hint(id, text) {
  return text ? el('div', { className: 'govuk-hint', text, attrs: { id } }) : null;
}

function slot() {
  return el('div', { className: 'app-messages' });
}

function textField(pointer, label, { hintText, width, spellcheck, labelClass } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const input = el('input', {
    className: `govuk-input${width ? ` govuk-input--width-${width}` : ''}`,
    attrs: {
      id, name: id, type: 'text', autocomplete: 'off',
      spellcheck: spellcheck === false ? 'false' : undefined,
      'aria-describedby': hintEl ? hintEl.id : undefined,
    },
  });
  input.dataset.group = pointer;
  const messages = slot();
  const root = el('div', { className: 'govuk-form-group' }, [
    el('label', { className: `govuk-label${labelClass ? ` ${labelClass}` : ''}`, text: label, attrs: { for: id } }),
    hintEl,
    messages,
    input,
  ]);
  return register({
    pointer, kind: 'text', id, root, slot: messages, inputs: { '': input }, describedBase: hintEl ? [hintEl.id] : [], describe: input,
    focusId: () => id,
    read: () => (input.value.trim() === '' ? undefined : input.value),
    fill: (v) => { input.value = v === undefined || v === null ? '' : String(v); },
  });
}

/** A GOV.UK textarea; `heading` makes the label the section's heading (the GOV.UK pattern for one question). */
function textareaField(pointer, label, { hintText, rows = 4, labelClass } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const area = el('textarea', {
    className: 'govuk-textarea',
    attrs: { id, name: id, rows: String(rows), 'aria-describedby': hintEl ? hintEl.id : undefined },
  });
  area.dataset.group = pointer;
  const messages = slot();
  const root = el('div', { className: 'govuk-form-group' }, [
    el('label', { className: `govuk-label${labelClass ? ` ${labelClass}` : ''}`, text: label, attrs: { for: id } }),
    hintEl,
    messages,
    area,
  ]);
  return register({
    pointer, kind: 'textarea', id, root, slot: messages, inputs: { '': area }, describedBase: hintEl ? [hintEl.id] : [], describe: area,
    focusId: () => id,
    read: () => (area.value.trim() === '' ? undefined : area.value),
    fill: (v) => { area.value = v === undefined || v === null ? '' : String(v); },
  });
}

/** GOV.UK date input: day, month and year, sent as { day, month, year } strings as typed. */
function dateField(pointer, legend, { hintText = 'For example, 27 3 2025', legendClass } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const parts = {};
  const items = ['day', 'month', 'year'].map((part) => {
    const input = el('input', {
      className: `govuk-input govuk-date-input__input govuk-input--width-${part === 'year' ? 4 : 2}`,
      attrs: { id: `${id}-${part}`, name: `${id}-${part}`, type: 'text', inputmode: 'numeric', 'data-part': part },
    });
    input.dataset.group = pointer;
    parts[part] = input;
    return el('div', { className: 'govuk-date-input__item' }, [
      el('div', { className: 'govuk-form-group' }, [
        el('label', { className: 'govuk-label govuk-date-input__label', text: part[0].toUpperCase() + part.slice(1), attrs: { for: `${id}-${part}` } }),
        input,
      ]),
    ]);
  });
  const messages = slot();
  const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { role: 'group', 'aria-describedby': hintEl ? hintEl.id : undefined } }, [
    el('legend', { className: `govuk-fieldset__legend${legendClass ? ` ${legendClass}` : ''}`, text: legend }),
    hintEl,
    messages,
    el('div', { className: 'govuk-date-input', attrs: { id } }, items),
  ]);
  const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
  return register({
    pointer, kind: 'date', id, root, slot: messages, inputs: parts, describedBase: hintEl ? [hintEl.id] : [], describe: fieldset,
    focusId: (rest) => (rest && parts[rest[0]] ? parts[rest[0]].id : parts.day.id),
    read: () => {
      const v = { day: parts.day.value, month: parts.month.value, year: parts.year.value };
      return v.day.trim() === '' && v.month.trim() === '' && v.year.trim() === '' ? undefined : v;
    },
    complete: () => ['day', 'month', 'year'].every((p) => parts[p].value.trim() !== ''),
    fill: (v) => {
      let d = { day: '', month: '', year: '' };
      if (typeof v === 'string') {
        const m = ISO.exec(v);
        if (m) d = { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] };
      } else if (v && typeof v === 'object') {
        d = { day: v.day ?? '', month: v.month ?? '', year: v.year ?? '' };
      }
      for (const p of ['day', 'month', 'year']) parts[p].value = String(d[p]);
    },
  });
}

/** Radios. Values 'true' / 'false' are sent as booleans. */
function radiosField(pointer, legend, choices, { hintText, inline, small, legendClass } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const radios = choices.map(([value], i) => el('input', {
    className: 'govuk-radios__input',
    attrs: { id: i === 0 ? id : `${id}-${i + 1}`, name: id, type: 'radio', value },
  }));
  radios.forEach((r) => { r.dataset.group = pointer; });
  const messages = slot();
  const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl ? hintEl.id : undefined } }, [
    el('legend', { className: `govuk-fieldset__legend${legendClass ? ` ${legendClass}` : ''}`, text: legend }),
    hintEl,
    messages,
    el('div', { className: `govuk-radios${inline ? ' govuk-radios--inline' : ''}${small ? ' govuk-radios--small' : ''}` }, choices.map(([, text], i) => el('div', { className: 'govuk-radios__item' }, [
      radios[i],
      el('label', { className: 'govuk-label govuk-radios__label', text, attrs: { for: radios[i].id } }),
    ]))),
  ]);
  const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
  const decode = (v) => (v === 'true' ? true : v === 'false' ? false : v);
  return register({
    pointer, kind: 'radios', id, root, slot: messages, inputs: { '': radios[0] }, radios, describedBase: hintEl ? [hintEl.id] : [], describe: fieldset,
    focusId: () => (radios.find((r) => r.checked) ?? radios[0]).id,
    read: () => {
      const chosen = radios.find((r) => r.checked);
      return chosen ? decode(chosen.value) : undefined;
    },
    fill: (v) => { for (const r of radios) r.checked = v !== undefined && decode(r.value) === v; },
  });
}

/** A fieldset that groups other fields and can carry messages of its own (e.g. "/child", "/actions/0"). */
function fieldsetGroup(pointer, legend, children, { legendClass = 'govuk-fieldset__legend--m', hintText, extra = [], nested } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const messages = slot();
  const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl ? hintEl.id : undefined, id: `${id}-fieldset` } }, [
    el('legend', { className: `govuk-fieldset__legend ${legendClass}`, text: legend }),
    hintEl,
    messages,
    ...children.map((c) => c.root ?? c),
    ...extra,
  ]);
  const root = el('div', { className: `govuk-form-group app-composite${nested ? ' app-cws-nested' : ''}` }, [fieldset]);
  return register({
    pointer, kind: 'fieldset', id, root, slot: messages, inputs: {}, describedBase: hintEl ? [hintEl.id] : [], describe: fieldset,
    focusId: () => (fieldset.querySelector('input, select, textarea, button')?.id || `${id}-fieldset`),
  });
}

// --- lists: the review of previous actions and the actions agreed --------------------------------------------

const lists = new Map(); // list pointer -> { rowsContainer, renderRow, minRows, addButton, itemName, shown }

function listLength(pointer) {
  const v = getAt(model, parsePointer(pointer));
  return Array.isArray(v) ? v.length : 0;
}

function fillFromModel(under) {
  for (const [pointer, group] of registry) {
    if (!group.fill || !pointerIsWithin(pointer, under)) continue;
    group.fill(getAt(model, parsePointer(pointer)));
  }
}

function renderList(pointer) {
  const list = lists.get(pointer);
  unregisterUnder(pointer);
  const rows = Math.max(list.minRows, listLength(pointer), list.shown);
  list.shown = rows;
  const nodes = [];
  for (let i = 0; i < rows; i += 1) nodes.push(list.renderRow(i, rows));
  list.rowsContainer.replaceChildren(...nodes);
  fillFromModel(pointer);
}

function addRow(pointer) {
  // The new row is only shown; it joins the data when something is typed in it.
  const list = lists.get(pointer);
  const rows = Math.max(list.minRows, listLength(pointer), list.shown);
  list.shown = rows + 1;
  renderList(pointer);
  afterChange(guarded(() => session.report()));
  const newRow = document.querySelector(`[data-row="${CSS.escape(`${pointer}/${rows}`)}"]`);
  newRow?.querySelector('input, textarea, select')?.focus();
}

function removeRow(pointer, index) {
  const rowPointer = `${pointer}/${index}`;
  const draft = index < listLength(pointer) ? change(rowPointer, undefined) : guarded(() => session.report());
  const list = lists.get(pointer);
  list.shown = Math.max(0, list.shown - 1);
  // Re-key the "touched" marks of the rows after the one removed.
  for (const t of [...touched]) {
    if (t.startsWith('=') || !pointerIsWithin(t, pointer) || t === pointer) continue;
    const rest = parsePointer(t.slice(pointer.length));
    const i = Number(rest[0]);
    if (i === index) touched.delete(t);
    else if (i > index) {
      touched.delete(t);
      touched.add(toPointer([...parsePointer(pointer), i - 1, ...rest.slice(1)]));
    }
  }
  touched.add(`=${pointer}`);
  renderList(pointer);
  afterChange(draft);
  list.addButton.focus();
}

function listSection(pointer, { legend, hintText, itemName, addLabel, minRows, renderRow, legendClass }) {
  const rowsContainer = el('div', { className: 'app-list__rows' });
  const addButton = el('button', {
    className: 'govuk-button govuk-button--secondary app-list__add',
    text: addLabel,
    attrs: { type: 'button', 'data-add': pointer },
  });
  const group = fieldsetGroup(pointer, legend, [rowsContainer], { legendClass, hintText, extra: [addButton] });
  group.root.classList.add('app-list');
  group.focusId = () => group.root.querySelector('input, textarea, select')?.id || addButton.id;
  addButton.id = `${group.id}-add`;
  lists.set(pointer, { rowsContainer, renderRow, minRows, addButton, itemName, shown: 0 });
  return group;
}

function removeButton(pointer, index, itemName, rows) {
  // A single empty row has nothing to remove.
  if (rows <= 1 && listLength(pointer) === 0) return null;
  return el('button', {
    className: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-list__remove',
    attrs: { type: 'button', 'data-remove': pointer, 'data-index': String(index) },
  }, [
    document.createTextNode(`Remove this ${itemName}`),
    el('span', { className: 'govuk-visually-hidden', text: ` (${itemName} ${index + 1})` }),
  ]);
}

function previousActionRow(i, rows) {
  const p = `/reviewOfPreviousActions/${i}`;
  const group = fieldsetGroup(p, `Previous action ${i + 1}`, [
    textareaField(`${p}/action`, 'Action agreed at the last supervision', { rows: 2 }),
    radiosField(`${p}/status`, 'Progress', ACTION_STATUSES, { inline: true, small: true }),
    textareaField(`${p}/comment`, 'Comment', { rows: 2, hintText: 'Say why if the action was not done.' }),
  ], { legendClass: 'govuk-fieldset__legend--s', nested: true });
  return el('div', { className: 'app-list__row', attrs: { 'data-row': p } }, [group.root, removeButton('/reviewOfPreviousActions', i, 'previous action', rows)]);
}

function actionRow(i, rows) {
  const p = `/actions/${i}`;
  const group = fieldsetGroup(p, `Action ${i + 1}`, [
    textareaField(`${p}/action`, 'Action', { rows: 2 }),
    textField(`${p}/owner`, 'Who will do it', { width: 20, hintText: 'A name or a role' }),
    dateField(`${p}/dueDate`, 'Due date', { hintText: 'After the date of supervision. For example, 14 2 2025' }),
  ], { legendClass: 'govuk-fieldset__legend--s', nested: true });
  return el('div', { className: 'app-list__row', attrs: { 'data-row': p } }, [group.root, removeButton('/actions', i, 'action', rows)]);
}

// --- the whole form: the proposed Protocol form's sections in its order ----------------------------------------

function section(heading, nodes) {
  return el('div', { className: 'app-section' }, [el('h2', { className: 'govuk-heading-l', text: heading }), ...nodes.map((n) => n.root ?? n)]);
}

function buildForm() {
  register({ pointer: '', kind: 'form', id: 'form', root: null, slot: document.getElementById('form-messages'), inputs: {}, describedBase: [], focusId: () => 'supervision-form' });

  const previousActions = listSection('/reviewOfPreviousActions', {
    legend: 'Review of actions from the last supervision',
    hintText: 'Each action agreed at the previous supervision and how far it has got. Needed when there was a previous supervision.',
    itemName: 'previous action', addLabel: 'Add another previous action', minRows: 1, renderRow: previousActionRow,
  });
  const actions = listSection('/actions', {
    legend: 'Actions and agreed way forward',
    hintText: 'SMART actions: each has someone who will do it and a date after this supervision.',
    itemName: 'action', addLabel: 'Add another action', minRows: 1, renderRow: actionRow,
  });

  const nodes = [
    section('About the supervision', [
      dateField('/date', 'Date of supervision', { legendClass: 'govuk-fieldset__legend--s' }),
      textField('/teamManager', 'Team manager', { width: 20, spellcheck: false, labelClass: 'govuk-label--s' }),
      textField('/practitioner', 'SF practitioner or SF assistant', {
        width: 20, spellcheck: false, labelClass: 'govuk-label--s',
        hintText: 'The Strengthening Families practitioner or assistant who holds the case',
      }),
      radiosField('/caseStatus', 'Case status', CASE_STATUSES, {
        legendClass: 'govuk-fieldset__legend--s',
        hintText: 'A child protection case is supervised every month; any other open case at least every 3 months.',
      }),
      fieldsetGroup('/child', 'Child', [
        textField('/child/name', 'Child’s full name', { width: 20, spellcheck: false }),
        textField('/child/lcsNumber', 'Liquid Logic (LCS) number', { width: 10, spellcheck: false }),
      ], { legendClass: 'govuk-fieldset__legend--s', nested: true }),
      dateField('/previousSupervisionDate', 'Date of the previous supervision (optional)', {
        legendClass: 'govuk-fieldset__legend--s',
        hintText: 'The last casework supervision of this child, if there was one. For example, 31 12 2024',
      }),
    ]),
    section('Since the last supervision', [
      textareaField('/purposeOfInvolvement', 'Purpose of involvement', { labelClass: 'govuk-label--s' }),
      previousActions,
      dateField('/lastAssessmentDate', 'Date of the last assessment', {
        legendClass: 'govuk-fieldset__legend--s', hintText: 'An assessment older than 12 months may need reviewing. For example, 15 1 2025',
      }),
      dateField('/childLastSeenDate', 'Date the child was last seen', { legendClass: 'govuk-fieldset__legend--s' }),
      textareaField('/sinceLastSupervision', 'What has happened since the last supervision?', { labelClass: 'govuk-label--s' }),
    ]),
    section('The plan, the child and risk', [
      fieldsetGroup('/supportPlan', 'Support plan', [
        radiosField('/supportPlan/upToDate', 'Is the support plan up to date?', YES_NO, { inline: true }),
        radiosField('/supportPlan/smart', 'Are the support plan’s actions SMART?', YES_NO, {
          inline: true, hintText: 'Specific, measurable, achievable, realistic and timely',
        }),
        textareaField('/supportPlan/comment', 'Comment on the support plan (optional)', { rows: 2 }),
      ], { legendClass: 'govuk-fieldset__legend--s', nested: true }),
      textareaField('/childWishesAndFeelings', 'Wishes and feelings of the child', {
        labelClass: 'govuk-label--s', hintText: 'Ascertained through direct work or assessments and plans',
      }),
      textareaField('/positiveChange', 'How is the involvement making positive change for the child or children?', { labelClass: 'govuk-label--s' }),
      textareaField('/riskAnalysis', 'Analysis of current risk', { labelClass: 'govuk-label--s' }),
      radiosField('/riskManaged', 'Is this risk being managed?', YES_NO, {
        inline: true, legendClass: 'govuk-fieldset__legend--s', hintText: 'If not, agree at least one action below.',
      }),
      textareaField('/strengths', 'Overview of strengths within the family', { labelClass: 'govuk-label--s' }),
    ]),
    section('Actions and the next supervision', [
      actions,
      dateField('/nextSupervisionDate', 'Date of the next supervision (optional)', {
        legendClass: 'govuk-fieldset__legend--s', hintText: 'On or before the date it is due. For example, 28 2 2025',
      }),
      radiosField('/activeSafeguarding', 'Is this a very active case with safeguarding issues?', YES_NO, {
        inline: true, legendClass: 'govuk-fieldset__legend--s',
        hintText: 'A very active case with safeguarding issues is supervised every month, as a child protection case is.',
      }),
      dateField('/preparedBySuperviseeOn', 'Date the practitioner updated the form (optional)', {
        legendClass: 'govuk-fieldset__legend--s',
        hintText: 'The practitioner updates the form before the supervision and reassigns it to their senior or team leader.',
      }),
    ]),
  ];
  document.getElementById('form-fields').replaceChildren(...nodes.map((n) => n.root ?? n));
  renderList('/reviewOfPreviousActions');
  renderList('/actions');
}

// ---------------------------------------------------------------------------------------------------------------
// Showing a report

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** The group a diagnostic belongs to, and the rest of its path below that group. */
function resolve(path) {
  const segs = parsePointer(path);
  for (let n = segs.length; n >= 0; n -= 1) {
    const group = registry.get(toPointer(segs.slice(0, n)));
    if (group) return { group, rest: segs.slice(n) };
  }
  return { group: registry.get(''), rest: [] };
}

/** Whether one pointer lies within the other; a "*" segment matches any one segment. */
function overlaps(a, b) {
  const x = parsePointer(a);
  const y = parsePointer(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i += 1) if (x[i] !== y[i] && x[i] !== '*' && y[i] !== '*') return false;
  return true;
}

/** Before the first save, a message shows once the person has answered its field (or a field it read). */
function visible(d, group) {
  if (submitted) return true;
  if (group.pointer === '') return d.severity !== 'info';
  const paths = [d.path, ...(Array.isArray(d.related) ? d.related : [])];
  for (const t of touched) {
    for (const p of paths) {
      if (typeof p !== 'string' || p === '') continue;
      if (t.startsWith('=') ? p === t.slice(1) : overlaps(p, t)) return true;
    }
  }
  return false;
}

function clearMessages() {
  for (const group of registry.values()) {
    group.slot?.replaceChildren();
    group.root?.classList.remove('govuk-form-group--error', 'app-form-group--warning');
    for (const input of Object.values(group.inputs)) input.classList.remove('govuk-input--error', 'govuk-textarea--error');
    if (group.describe) {
      const ids = group.describedBase.concat();
      if (ids.length) group.describe.setAttribute('aria-describedby', ids.join(' '));
      else group.describe.removeAttribute('aria-describedby');
    }
  }
}

function messageNode(d, id) {
  const text = d.due ? `${d.message} (due ${longDate(d.due)})` : d.message;
  if (d.severity === 'error') {
    return el('p', { className: 'govuk-error-message', attrs: { id, 'data-code': d.code } }, [
      el('span', { className: 'govuk-visually-hidden', text: 'Error:' }), document.createTextNode(' ' + text),
    ]);
  }
  if (d.severity === 'warning') {
    return el('p', { className: 'app-warning-message', attrs: { id, 'data-code': d.code } }, [
      el('span', { className: 'govuk-visually-hidden', text: 'Warning:' }), document.createTextNode(' ' + text),
    ]);
  }
  return el('div', { className: 'govuk-hint app-info-message', text, attrs: { id, 'data-code': d.code } });
}

function markInputs(group, rest) {
  if (group.kind === 'date') {
    const part = rest[0];
    const targets = group.inputs[part] ? [group.inputs[part]] : Object.values(group.inputs);
    for (const t of targets) t.classList.add('govuk-input--error');
  } else if (group.kind === 'text') {
    group.inputs[''].classList.add('govuk-input--error');
  } else if (group.kind === 'textarea') {
    group.inputs[''].classList.add('govuk-textarea--error');
  }
}

let lastReport = null;

function showReport(report) {
  clearMessages();
  lastReport = report;
  if (!report) {
    showOutcome(null);
    return;
  }
  const byGroup = new Map();
  for (const d of report.diagnostics ?? []) {
    const { group, rest } = resolve(d.path ?? '');
    if (!group || !visible(d, group)) continue;
    if (!byGroup.has(group)) byGroup.set(group, []);
    byGroup.get(group).push({ d, rest });
  }
  for (const [group, entries] of byGroup) {
    entries.sort((a, b) => SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity]);
    const seen = new Set();
    const ids = [];
    let errors = 0;
    let warnings = 0;
    entries.forEach(({ d, rest }, n) => {
      const key = `${d.severity}|${d.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      const id = `${group.id}-${d.severity}-${n}`;
      group.slot.append(messageNode(d, id));
      ids.push(id);
      if (d.severity === 'error') {
        errors += 1;
        markInputs(group, rest);
      } else if (d.severity === 'warning') {
        warnings += 1;
      }
    });
    if (group.root) {
      group.root.classList.toggle('govuk-form-group--error', errors > 0);
      group.root.classList.toggle('app-form-group--warning', errors === 0 && warnings > 0);
    }
    if (group.describe) group.describe.setAttribute('aria-describedby', group.describedBase.concat(ids).join(' '));
  }
  showOutcome(report.outcome);
}

// --- the error summary -----------------------------------------------------------------------------------------

function showSummary(report) {
  const summary = document.getElementById('error-summary');
  const list = document.getElementById('error-summary-list');
  const success = document.getElementById('success-banner');
  const errors = (report?.diagnostics ?? []).filter((d) => d.severity === 'error');
  list.replaceChildren();
  success.hidden = true;
  if (!report) {
    summary.hidden = true;
    document.title = `Error: ${BASE_TITLE}`;
    return;
  }
  if (errors.length === 0) {
    summary.hidden = true;
    document.title = BASE_TITLE;
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
    document.getElementById('success-banner-text').textContent = warnings
      ? `The supervision record has no errors. Check the ${plural(warnings, 'warning', 'warnings')} by the answers.`
      : 'The supervision record has no errors.';
    success.hidden = false;
    success.focus();
    return;
  }
  const seen = new Set();
  for (const d of errors) {
    const { group, rest } = resolve(d.path ?? '');
    const target = group.focusId(rest);
    const key = `${target}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    list.append(el('li', {}, [el('a', { text: d.message, attrs: { href: `#${target}`, 'data-path': d.path } })]));
  }
  summary.hidden = false;
  document.title = `Error: ${BASE_TITLE}`;
  summary.focus();
}

function focusTarget(id) {
  const target = document.getElementById(id);
  if (!target) return false;
  const legend = target.closest('fieldset')?.querySelector(':scope > legend');
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  const useLegend = legend && target.closest('.govuk-date-input, .govuk-radios') !== null;
  (useLegend ? legend : label ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// The outcome as a picture: the supervision cadence

function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children) if (c) node.append(c);
  return node;
}

function svgText(x, y, text, attrs = {}) {
  const node = svg('text', { x, y, ...attrs });
  node.textContent = text;
  return node;
}

const COLOUR = {
  ink: '#0b0c0c',
  muted: '#505a5f',
  rule: '#b1b4b6',
  blue: '#1d70b8',
  green: '#00703c',
  orange: '#f47738',
  red: '#d4351c',
};

/** Why the case is supervised as often as it is, from the answers the module's rule reads. */
function frequencyReason(frequency) {
  const status = model.caseStatus;
  const active = model.activeSafeguarding === true;
  if (frequency === 'monthly') {
    if (status === 'cp' && active) return 'A child protection case with safeguarding issues: supervised every month.';
    if (status === 'cp') return 'A child protection case: supervised every month.';
    return 'A very active case with safeguarding issues: supervised every month, as a child protection case is.';
  }
  const label = CASE_STATUS_LABEL.get(status);
  if (!label) return 'An open case is supervised at least every 3 months. Select the case status: a child protection case is supervised every month.';
  return `${label} and not a very active case with safeguarding issues: an open case, supervised at least every 3 months.`;
}

/**
 * The timeline: the previous supervision, the day the child was last seen, this supervision, the planned next
 * supervision and the date the next one is due, on one line with today marked.
 */
function drawTimeline(container, { previous, seen, date, planned, due, today, overdue, intervalExceeded, frequencyText }) {
  const W = 300;
  const PAD = 10;
  const LINE = 40;
  const points = [];
  if (previous && date && previous < date) points.push({ key: 'previous', name: 'Previous', date: previous, colour: COLOUR.muted });
  if (seen && date && seen <= date) points.push({ key: 'seen', name: 'Child seen', date: seen, colour: COLOUR.ink });
  if (date) points.push({ key: 'this', name: 'This supervision', date, colour: COLOUR.blue });
  if (planned && date && planned > date) {
    points.push({ key: 'planned', name: 'Planned next', date: planned, colour: due && planned > due ? COLOUR.orange : COLOUR.green });
  }
  if (due) points.push({ key: 'due', name: overdue ? 'Due (overdue)' : 'Next due', date: due, colour: overdue ? COLOUR.red : COLOUR.blue });

  if (!date || !due) {
    container.replaceChildren(el('p', { className: 'govuk-body-s app-cws-muted', text: 'Enter the date of supervision to see the cadence.' }));
    return;
  }

  const all = [...points.map((p) => dayNumber(p.date)), dayNumber(today)];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 30) {
    const mid = (lo + hi) / 2;
    lo = mid - 15;
    hi = mid + 15;
  }
  const span = hi - lo;
  lo -= span * 0.04;
  hi += span * 0.04;
  const x = (iso) => PAD + ((dayNumber(iso) - lo) / (hi - lo)) * (W - 2 * PAD);

  const children = [];
  const titleId = 'timeline-title';
  const descId = 'timeline-desc';
  children.push(svg('title', { id: titleId }, [document.createTextNode('Supervision cadence timeline')]));
  const desc = points.map((p) => `${p.name}: ${longDate(p.date)}`).concat(`Today: ${longDate(today)}`).join('. ');
  children.push(svg('desc', { id: descId }, [document.createTextNode(`${frequencyText}. ${desc}.`)]));

  // Month ticks along the axis, labelled as space allows (months, else quarters, else years).
  const axis = svg('g', { class: 'app-cws-axis' });
  axis.append(svg('line', { x1: PAD, y1: LINE, x2: W - PAD, y2: LINE, stroke: COLOUR.rule, 'stroke-width': 2 }));
  const loIso = fromDayNumber(Math.ceil(lo));
  const [ly, lm] = loIso.split('-').map(Number);
  let month = isoOf(ly, lm, 1);
  if (month < loIso) month = addMonths(month, 1);
  const monthStarts = [];
  while (dayNumber(month) <= hi) {
    monthStarts.push(month);
    month = addMonths(month, 1);
  }
  const pxPerMonth = ((W - 2 * PAD) * 30.4) / (hi - lo);
  const every = pxPerMonth >= 24 ? 1 : pxPerMonth * 3 >= 24 ? 3 : 12;
  let lastRight = -Infinity; // a label never starts before the last one ends ("Jan 26" is wider than "Dec")
  for (const m of monthStarts) {
    const mx = x(m);
    const mi = Number(m.slice(5, 7)) - 1;
    axis.append(svg('line', { x1: mx, y1: LINE - 4, x2: mx, y2: LINE + 4, stroke: COLOUR.rule, 'stroke-width': 1 }));
    const text = every === 12 || mi === 0 ? `${MONTHS[mi].slice(0, 3)} ${m.slice(2, 4)}` : MONTHS[mi].slice(0, 3);
    if (mi % every === 0 && mx + 2 + text.length * 6.5 <= W && mx + 2 >= lastRight + 4) {
      axis.append(svgText(mx + 2, LINE - 7, text, { class: 'app-cws-chart app-cws-chart--muted' }));
      lastRight = mx + 2 + text.length * 6.5;
    }
  }
  children.push(axis);

  // Spans: previous → this (green, or orange when the interval was exceeded), this → due (the window, blue),
  // due → today in red when overdue.
  const byKey = Object.fromEntries(points.map((p) => [p.key, p]));
  if (byKey.previous) {
    children.push(svg('line', {
      x1: x(previous), y1: LINE, x2: x(date), y2: LINE,
      stroke: intervalExceeded ? COLOUR.orange : COLOUR.green, 'stroke-width': 4,
      'data-span': intervalExceeded ? 'previous-late' : 'previous',
    }));
  }
  children.push(svg('line', { x1: x(date), y1: LINE, x2: x(due), y2: LINE, stroke: COLOUR.blue, 'stroke-width': 7, 'data-span': 'window' }));
  if (overdue && today > due) {
    children.push(svg('line', {
      x1: x(due), y1: LINE, x2: x(today), y2: LINE, stroke: COLOUR.red, 'stroke-width': 4, 'stroke-dasharray': '5 3', 'data-span': 'overdue',
    }));
  }

  // Today: a dashed vertical line, labelled at the top.
  const tx = x(today);
  children.push(svg('line', {
    x1: tx, y1: 16, x2: tx, y2: LINE + 10, stroke: overdue ? COLOUR.red : COLOUR.ink, 'stroke-width': 2, 'stroke-dasharray': '3 2', 'data-marker': 'today',
  }));
  const todayLabel = `Today ${shortDate(today)}`;
  const todayW = todayLabel.length * 6.9;
  const todayX = Math.min(Math.max(tx, todayW / 2), W - todayW / 2);
  children.push(svgText(todayX, 11, todayLabel, {
    'text-anchor': 'middle', class: `app-cws-chart app-cws-chart--bold${overdue ? ' app-cws-chart--red' : ''}`,
  }));

  // Labels below the line, in lanes: none overlaps another, and no leader line crosses a label.
  const LANE0 = LINE + 26;
  const LANE_H = 32;
  const labelled = placeLabels(points.map((p) => ({
    ...p,
    px: x(p.date),
    w: Math.max(p.name.length * 6.9, shortDate(p.date).length * 6.4) + 4,
  })), W);
  const lanes = Math.max(1, ...labelled.map((p) => p.lane + 1));
  for (const p of labelled) {
    const top = LANE0 + p.lane * LANE_H - 11;
    children.push(svg('line', { x1: p.px, y1: LINE + 6, x2: p.px, y2: top - 1, stroke: p.colour, 'stroke-width': 1 }));
    children.push(svgText(p.cx, LANE0 + p.lane * LANE_H, p.name, { 'text-anchor': 'middle', class: 'app-cws-chart app-cws-chart--bold', fill: p.colour }));
    children.push(svgText(p.cx, LANE0 + p.lane * LANE_H + 14, shortDate(p.date), { 'text-anchor': 'middle', class: 'app-cws-chart' }));
  }

  // Markers on the line, drawn last so that they sit on top.
  for (const p of points) {
    const px = x(p.date);
    const attrs = { 'data-marker': p.key, 'data-date': p.date };
    if (p.key === 'this') children.push(svg('circle', { cx: px, cy: LINE, r: 7, fill: COLOUR.blue, stroke: '#ffffff', 'stroke-width': 2, ...attrs }));
    else if (p.key === 'due') children.push(svg('circle', { cx: px, cy: LINE, r: 7, fill: '#ffffff', stroke: p.colour, 'stroke-width': 3, ...attrs }));
    else if (p.key === 'planned') {
      children.push(svg('path', { d: `M ${px} ${LINE - 7} L ${px + 7} ${LINE} L ${px} ${LINE + 7} L ${px - 7} ${LINE} Z`, fill: p.colour, stroke: '#ffffff', 'stroke-width': 1.5, ...attrs }));
    } else if (p.key === 'seen') children.push(svg('circle', { cx: px, cy: LINE, r: 4, fill: '#ffffff', stroke: COLOUR.ink, 'stroke-width': 2, ...attrs }));
    else children.push(svg('circle', { cx: px, cy: LINE, r: 5, fill: p.colour, ...attrs }));
  }

  const height = LANE0 + lanes * LANE_H - 8;
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${height}`, width: '100%', role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
    class: 'app-cws-timeline', focusable: 'false',
  }, children);
  container.replaceChildren(chart);
}

/**
 * Place each label (a box of width `w` under its point at `px`) in a lane and a position (centred under the point,
 * or ending or starting at it) so that no label overlaps another, no leader line crosses a label and as few lanes as
 * possible are used; the most important points choose first. A small depth-first search (five labels at most).
 */
function placeLabels(items, W) {
  const PRIORITY = ['this', 'due', 'previous', 'planned', 'seen'];
  const LANES = 4;
  const clampCx = (cx, w) => Math.min(Math.max(cx, w / 2), W - w / 2);
  const fits = (placed, lane, cx, item) => {
    const left = cx - item.w / 2;
    const right = cx + item.w / 2;
    return placed.every((q) => {
      const qLeft = q.cx - q.w / 2;
      const qRight = q.cx + q.w / 2;
      if (q.lane === lane && left < qRight + 4 && qLeft < right + 4) return false; // overlap in the lane
      if (q.lane < lane && item.px >= qLeft - 2 && item.px <= qRight + 2) return false; // own leader crosses q
      if (q.lane > lane && q.px >= left - 2 && q.px <= right + 2) return false; // covers q's leader
      return true;
    });
  };
  const ordered = [...items].sort((a, b) => PRIORITY.indexOf(a.key) - PRIORITY.indexOf(b.key));
  const options = ordered.map((item) => {
    const spots = [];
    for (let lane = 0; lane < LANES; lane += 1) {
      for (const cx of [item.px, item.px - item.w / 2 + 6, item.px + item.w / 2 - 6]) spots.push({ lane, cx: clampCx(cx, item.w) });
    }
    return spots;
  });
  let best = null;
  let budget = 20000;
  const search = (i, placed, deepest) => {
    if (budget <= 0 || (best && deepest >= best.deepest)) return;
    if (i === ordered.length) {
      best = { placed, deepest };
      return;
    }
    for (const spot of options[i]) {
      budget -= 1;
      if (best && Math.max(deepest, spot.lane) >= best.deepest) continue;
      if (fits(placed, spot.lane, spot.cx, ordered[i])) search(i + 1, [...placed, { ...ordered[i], ...spot }], Math.max(deepest, spot.lane));
    }
  };
  search(0, [], 0);
  if (best) return best.placed;
  // Crowded beyond the lanes: one label per lane, centred.
  return ordered.map((item, lane) => ({ ...item, lane, cx: clampCx(item.px, item.w) }));
}

function drawBar(container, share) {
  const W = 200;
  const H = 14;
  const fill = Math.max(0, Math.min(1, share));
  container.replaceChildren(svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', height: H, 'aria-hidden': 'true', focusable: 'false', class: 'app-cws-bar__svg' }, [
    svg('rect', { x: 1, y: 1, width: W - 2, height: H - 2, fill: '#ffffff', stroke: COLOUR.ink, 'stroke-width': 2 }),
    svg('rect', { x: 3, y: 3, width: Math.max(0, (W - 6) * fill), height: H - 6, fill: fill >= 1 ? COLOUR.green : COLOUR.blue, 'data-share': String(fill) }),
  ]));
}

function showOutcome(outcome) {
  const panel = document.getElementById('cadence');
  const set = (id, text) => { document.getElementById(id).textContent = text; };
  const freqTag = document.getElementById('frequency-tag');
  const overdueTag = document.getElementById('overdue-tag');
  const timeline = document.getElementById('timeline');
  if (state !== 'ready' || !outcome || typeof outcome !== 'object') {
    const text = state === 'loading' ? 'Checking…' : 'Checks unavailable';
    freqTag.className = `govuk-tag ${state === 'loading' ? 'govuk-tag--grey' : 'govuk-tag--orange'}`;
    freqTag.textContent = text;
    overdueTag.hidden = true;
    set('frequency-reason', state === 'loading' ? 'Loading the checks.' : 'The cadence cannot be worked out without the checks.');
    set('next-due', text);
    set('next-due-relative', '');
    set('days-since-seen', text);
    set('actions-count', text);
    set('completeness-text', text);
    drawBar(document.getElementById('completeness-bar'), 0);
    timeline.replaceChildren();
    panel.dataset.nextDue = '';
    panel.dataset.frequency = '';
    panel.dataset.overdue = '';
    return;
  }

  const today = todayIso();
  const monthly = outcome.frequency === 'monthly';
  const frequencyText = monthly ? 'Every month' : 'Every 3 months';
  freqTag.className = `govuk-tag ${monthly ? 'govuk-tag--purple' : 'govuk-tag--blue'}`;
  freqTag.textContent = frequencyText;
  set('frequency-reason', frequencyReason(outcome.frequency));

  const due = toIso(outcome.nextDue ?? '');
  const overdue = outcome.overdue === true;
  overdueTag.hidden = !overdue;
  if (due) {
    set('next-due', longDate(due));
    const days = dayNumber(due) - dayNumber(today);
    let relative;
    if (overdue) relative = `Overdue by ${plural(dayNumber(today) - dayNumber(due), 'day', 'days')}: today is ${longDate(today)}.`;
    else if (days === 0) relative = 'Due today.';
    else if (days > 0) relative = `In ${plural(days, 'day', 'days')}.`;
    else relative = `${plural(-days, 'day', 'days')} ago.`;
    set('next-due-relative', relative);
  } else {
    set('next-due', 'Not known yet');
    set('next-due-relative', 'Enter a real date of supervision.');
  }

  const date = toIso(model.date);
  const diagnostics = lastReport?.diagnostics ?? [];
  drawTimeline(timeline, {
    previous: toIso(model.previousSupervisionDate),
    seen: toIso(model.childLastSeenDate),
    date,
    planned: toIso(model.nextSupervisionDate),
    due,
    today,
    overdue,
    intervalExceeded: diagnostics.some((d) => d.code === 'CWS-004'),
    frequencyText: `${frequencyText}${due ? `, next due by ${longDate(due)}` : ''}${overdue ? ', overdue' : ''}`,
  });

  const daysSeen = outcome.daysSinceChildSeen;
  if (Number.isInteger(daysSeen)) {
    const seen = toIso(model.childLastSeenDate);
    set('days-since-seen', `${plural(daysSeen, 'day', 'days')} before this supervision${seen ? ` (seen ${longDate(seen)})` : ''}`);
  } else {
    set('days-since-seen', 'Not known yet');
  }
  const count = Number.isInteger(outcome.actionsCount) ? outcome.actionsCount : 0;
  set('actions-count', count === 0 ? 'None yet' : plural(count, 'action', 'actions'));
  const share = typeof outcome.completeness === 'number' ? outcome.completeness : 0;
  const percent = Math.round(share * 100);
  set('completeness-text', `${percent}% of the form’s sections`);
  drawBar(document.getElementById('completeness-bar'), share);

  panel.dataset.nextDue = due ?? '';
  panel.dataset.frequency = String(outcome.frequency ?? '');
  panel.dataset.overdue = String(overdue);
  panel.dataset.actions = String(count);
  panel.dataset.completeness = String(percent);

  const live = document.getElementById('cadence-live');
  const sentence = due ? `Next supervision due by ${longDate(due)}, ${frequencyText.toLowerCase()}${overdue ? ', overdue' : ''}.` : '';
  if (live.textContent !== sentence) live.textContent = sentence;
}

// ---------------------------------------------------------------------------------------------------------------
// An example record: a child protection case supervised two days ago (dates relative to today, so that the example
// is always current).

function exampleRecord() {
  const today = todayIso();
  const date = addDays(today, -2);
  return {
    date,
    teamManager: 'Alex Morgan',
    practitioner: 'Sam Patel',
    caseStatus: 'cp',
    child: { name: 'Jordan Smith', lcsNumber: '1234567' },
    previousSupervisionDate: addDays(addMonths(date, -1), 3),
    purposeOfInvolvement: 'Support with routines, school attendance and the child protection plan',
    reviewOfPreviousActions: [
      { action: 'Book the Family Circle', status: 'done', comment: 'Held last week' },
      { action: 'Contact the school about attendance', status: 'not-done', comment: 'School closed for half term; booked for next week' },
    ],
    lastAssessmentDate: addMonths(date, -4),
    childLastSeenDate: addDays(date, -6),
    sinceLastSupervision: 'Family Circle held; attendance improving; core group met',
    supportPlan: { upToDate: true, smart: true, comment: 'Reviewed at the core group' },
    childWishesAndFeelings: 'Wants to stay at the same school and see grandparents more',
    positiveChange: 'Attendance up from 80% to 92%; calmer mornings',
    riskAnalysis: 'Risk reducing; parents engaging with the plan',
    riskManaged: true,
    strengths: 'Grandparents support the family; parents attend every meeting',
    actions: [
      { action: 'Review the plan with the family', owner: 'Sam Patel', dueDate: addDays(date, 14) },
      { action: 'Refer to the parenting programme', owner: 'Alex Morgan', dueDate: addDays(date, 21) },
    ],
    nextSupervisionDate: addDays(addMonths(date, 1), -3),
    activeSafeguarding: true,
    preparedBySuperviseeOn: addDays(date, -1),
  };
}

function fillExample() {
  model = exampleRecord();
  for (const [pointer, list] of lists) list.shown = listLength(pointer);
  for (const pointer of lists.keys()) renderList(pointer);
  fillFromModel('');
  for (const key of Object.keys(model)) touched.add(`/${key}`);
  afterChange(guarded(() => session.load(clone(model))));
}

// ---------------------------------------------------------------------------------------------------------------
// Events

function onFieldEvent(event) {
  const t = event.target;
  if (!(t instanceof HTMLElement)) return;
  const pointer = t.dataset.group;
  if (!pointer) return;
  const group = registry.get(pointer);
  if (!group) return;
  if (group.kind === 'radios' && event.type === 'input') return;

  const value = group.read();
  // A text field or a date counts as answered once the person leaves it (or completes a date);
  // from then on its messages follow every keystroke.
  if ((event.type === 'change' && group.kind !== 'date') || group.kind === 'radios' || (group.kind === 'date' && group.complete())) {
    touched.add(pointer);
  }
  const previous = getAt(model, parsePointer(pointer));
  if (JSON.stringify(previous) === JSON.stringify(value)) {
    if (event.type === 'change') afterChange(guarded(() => session.report()));
    return;
  }
  afterChange(change(pointer, value));
}

/** A date counts as answered when the person leaves its three boxes, even if not every box is filled. */
function onFocusOut(event) {
  const t = event.target;
  if (!(t instanceof HTMLElement) || !t.dataset.part) return;
  const pointer = t.dataset.group;
  const group = registry.get(pointer);
  if (!group || group.kind !== 'date') return;
  const next = event.relatedTarget;
  if (next instanceof HTMLElement && next.dataset.group === pointer) return;
  if (touched.has(pointer) || group.read() === undefined) return;
  touched.add(pointer);
  afterChange(guarded(() => session.report()));
}

function onClick(event) {
  const t = event.target instanceof Element ? event.target.closest('button') : null;
  if (!t) return;
  if (t.dataset.add) {
    event.preventDefault();
    addRow(t.dataset.add);
  } else if (t.dataset.remove) {
    event.preventDefault();
    removeRow(t.dataset.remove, Number(t.dataset.index));
  }
}

function onSubmit(event) {
  event.preventDefault();
  submitted = true;
  if (!session) {
    showReport(null);
    showSummary(null);
    setState('unavailable', 'The record could not be checked, so it has not been saved.');
    document.getElementById('checks-status').scrollIntoView();
    return;
  }
  const report = guarded(() => checks.validate(FORM_ID, session.data(), options('submit')));
  if (!report) {
    showReport(null);
    showSummary(null);
    return;
  }
  if (state !== 'ready') setState('ready');
  showReport(report);
  showSummary(report);
}

function onSummaryClick(event) {
  const a = event.target instanceof Element ? event.target.closest('a') : null;
  if (!a || !a.hash) return;
  if (focusTarget(decodeURIComponent(a.hash.slice(1)))) event.preventDefault();
}

// ---------------------------------------------------------------------------------------------------------------
// Start

startGovukFrontend();

async function start() {
  try {
    checks = await loadChecks();
  } catch (err) {
    checks = null;
    console.warn(`safeguarding-forms: module not loaded: ${err && err.message}`);
  }

  buildForm();
  const form = document.getElementById('supervision-form');
  form.addEventListener('input', onFieldEvent);
  form.addEventListener('change', onFieldEvent);
  form.addEventListener('focusout', onFocusOut);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', onSubmit);
  document.getElementById('error-summary').addEventListener('click', onSummaryClick);
  document.getElementById('example-button').addEventListener('click', fillExample);

  if (!checks) {
    setState('unavailable', 'The checks could not be loaded. Your answers will not be checked.');
    showOutcome(null);
    return;
  }
  try {
    session = new checks.FormSession(FORM_ID, options('draft'));
    const report = session.report();
    setState('ready');
    showReport(report);
  } catch (err) {
    session = null;
    console.error(`safeguarding-forms: session failed: ${err && err.message}`);
    setState('unavailable', 'The checks could not be started. Your answers will not be checked.');
    showOutcome(null);
  }
}

start();
