// Family Programme (`family-programme`, forms.md §22): the workbook's eight modules, checked live by the
// WebAssembly module, with the modules drawn as a timeline of due dates against today.
//
// This file also exports the small form toolkit (`createFormPage`) that www/group-supervision.js uses: one live
// FormSession in draft, every change sent as `set(pointer, value)` / `remove(pointer)`, messages by each field
// (textContent only), the error summary on submit, "Checks unavailable" when the module fails. The Family Programme
// page itself only starts when the page it is loaded into is the Family Programme's (body[data-form]).
//
// `?today=YYYY-MM-DD` in the page's address fixes "today" (for demos and tests).

import { startGovukFrontend, loadChecks, el } from '/www/common.js';

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SVG_NS = 'http://www.w3.org/2000/svg';

const parsePointer = (p) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
const toPointer = (segs) => segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
const isIndex = (s) => /^(0|[1-9]\d*)$/.test(String(s));
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
const pointerIsWithin = (inner, outer) => inner === outer || inner.startsWith(outer + '/');

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

/** Every leaf pointer of a value (used to mark loaded data as answered). */
function leafPointers(value, segs = [], out = []) {
  if (value !== null && typeof value === 'object' && !(isDateParts(value))) {
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    if (keys.length === 0) out.push(toPointer(segs));
    for (const k of keys) leafPointers(value[k], [...segs, k], out);
  } else {
    out.push(toPointer(segs));
  }
  return out;
}

function isDateParts(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && ('day' in v || 'month' in v || 'year' in v);
}

/** "YYYY-MM-DD" from an ISO string or { day, month, year } as typed, when it is a real date; otherwise null. */
export function isoDate(v) {
  let y;
  let m;
  let d;
  if (typeof v === 'string') {
    const match = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(v);
    if (!match) return null;
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if (isDateParts(v)) {
    const num = (x) => (/^\s*\d{1,4}\s*$/.test(String(x ?? '')) ? Number(x) : NaN);
    [y, m, d] = [num(v.year), num(v.month), num(v.day)];
    if (String(v.year ?? '').trim().length !== 4) return null;
  } else {
    return null;
  }
  if (![y, m, d].every(Number.isInteger)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function dayNumber(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000 : null;
}

export function addDays(iso, days) {
  const n = dayNumber(iso);
  if (n === null) return null;
  return new Date((n + days) * 86400000).toISOString().slice(0, 10);
}

export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso ?? '';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export function shortDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso ?? '';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1].slice(0, 3)} ${m[1]}`;
}

export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Kebab-case id → "Sentence case" label. */
export function humanise(id) {
  return String(id).replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** An SVG element with attributes (text via textContent). */
export function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

/** The page's "today": `?today=` when it is a real date, else the current date in Europe/London. */
export function pageToday() {
  const given = new URLSearchParams(location.search).get('today') ?? '';
  if (isoDate(given)) return { today: given, fixed: true };
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date()).map((p) => [p.type, p.value]));
  return { today: `${parts.year}-${parts.month}-${parts.day}`, fixed: false };
}

// ---------------------------------------------------------------------------------------------------------------
// The form toolkit

/**
 * One form page: its fields, its live session and its report display.
 * @param {{ formId: string, formEl: HTMLFormElement, fieldsEl: HTMLElement, noun: string,
 *           showOutcome: (outcome: object|null, state: string, model: object) => void }} config
 */
export function createFormPage(config) {
  const { formId, formEl, fieldsEl, noun } = config;
  const BASE_TITLE = document.title;
  const { today, fixed } = pageToday();
  const options = (stage) => (fixed ? { stage, today } : { stage });

  let model = {};
  let checks = null;
  let session = null;
  let state = 'loading';
  let submitted = false;
  const touched = new Set();
  const registry = new Map();
  const lists = new Map();

  const idFor = (pointer) => (pointer === '' ? 'form' : pointer.slice(1).replace(/[^A-Za-z0-9_-]+/g, '-'));

  // --- state and calls into the module ---------------------------------------------------------------------------

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
        session = new checks.FormSession(formId, options('draft'));
        session.load(clone(model));
        setState('unavailable', 'Your last change could not be checked. Change the answer again to retry.');
      } catch {
        session = null;
        setState('unavailable', 'The checks stopped working. Reload the page to try again; your answers have not been checked.');
      }
      return null;
    }
  }

  function ensureParents(segs) {
    for (let i = 1; i < segs.length; i += 1) {
      const parentSegs = segs.slice(0, i);
      const next = segs[i];
      const cur = getAt(model, parentSegs);
      let fresh;
      // A container is a list only where the page has a list ("/modules/1" is an object whose keys look like indexes).
      const isList = lists.has(toPointer(parentSegs));
      if (cur === null || typeof cur !== 'object') {
        fresh = isList && isIndex(next) ? Array.from({ length: Number(next) + 1 }, () => ({})) : {};
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
    return guarded(() => checks.validate(formId, session.data(), options('submit')));
  }

  function afterChange(draft) {
    document.getElementById('success-banner').hidden = true;
    if (state === 'unavailable' && draft && session) setState('ready');
    showReport(currentReport(draft));
  }

  // --- field builders ---------------------------------------------------------------------------------------------

  function register(group) {
    registry.set(group.pointer, group);
    if (group.root) group.root.dataset.field = group.pointer;
    return group;
  }

  function unregisterUnder(pointer) {
    for (const key of [...registry.keys()]) if (pointerIsWithin(key, pointer) && key !== pointer) registry.delete(key);
  }

  const hint = (id, text) => (text ? el('div', { className: 'govuk-hint', text, attrs: { id } }) : null);
  const slot = () => el('div', { className: 'app-messages' });

  function text(pointer, label, { hintText, width, textarea = false, rows = 3, spellcheck, labelClass } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const input = textarea
      ? el('textarea', { className: 'govuk-textarea', attrs: { id, name: id, rows, 'aria-describedby': hintEl?.id, 'data-pointer': pointer } })
      : el('input', {
        className: `govuk-input${width ? ` govuk-input--width-${width}` : ''}`,
        attrs: { id, name: id, type: 'text', autocomplete: 'off', spellcheck: spellcheck === false ? 'false' : undefined, 'aria-describedby': hintEl?.id, 'data-pointer': pointer },
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
      pointer, kind: 'text', textarea, id, root, slot: messages, inputs: { '': input }, describedBase: hintEl ? [hintEl.id] : [], describe: input,
      focusId: () => id,
      read: () => (input.value.trim() === '' ? undefined : input.value),
      fill: (v) => { input.value = v === undefined || v === null || typeof v === 'object' ? '' : String(v); },
    });
  }

  function date(pointer, legend, { hintText = 'For example, 27 3 2026', legendClass } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const parts = {};
    const items = ['day', 'month', 'year'].map((part) => {
      const input = el('input', {
        className: `govuk-input govuk-date-input__input govuk-input--width-${part === 'year' ? 4 : 2}`,
        attrs: { id: `${id}-${part}`, name: `${id}-${part}`, type: 'text', inputmode: 'numeric', 'data-pointer': pointer, 'data-part': part },
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
    const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { role: 'group', 'aria-describedby': hintEl?.id } }, [
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
          const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
          if (m) d = { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] };
        } else if (isDateParts(v)) {
          d = { day: v.day ?? '', month: v.month ?? '', year: v.year ?? '' };
        }
        for (const p of ['day', 'month', 'year']) parts[p].value = String(d[p]);
      },
    });
  }

  function select(pointer, label, choices, { hintText } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const sel = el('select', {
      className: 'govuk-select',
      attrs: { id, name: id, 'aria-describedby': hintEl?.id, 'data-pointer': pointer },
    }, [el('option', { text: 'Choose an option', attrs: { value: '' } }), ...choices.map(([v, t]) => el('option', { text: t, attrs: { value: v } }))]);
    sel.dataset.group = pointer;
    const messages = slot();
    const root = el('div', { className: 'govuk-form-group' }, [
      el('label', { className: 'govuk-label', text: label, attrs: { for: id } }),
      hintEl,
      messages,
      sel,
    ]);
    return register({
      pointer, kind: 'select', id, root, slot: messages, inputs: { '': sel }, describedBase: hintEl ? [hintEl.id] : [], describe: sel,
      focusId: () => id,
      read: () => (sel.value === '' ? undefined : sel.value),
      fill: (v) => { sel.value = typeof v === 'string' && choices.some(([c]) => c === v) ? v : ''; },
    });
  }

  /** Radios. Values 'true' / 'false' are sent as booleans. */
  function radios(pointer, legend, choices, { hintText, inline, legendClass, small } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const inputs = choices.map(([value], i) => el('input', {
      className: 'govuk-radios__input',
      attrs: { id: i === 0 ? id : `${id}-${i + 1}`, name: id, type: 'radio', value, 'data-pointer': pointer },
    }));
    inputs.forEach((r) => { r.dataset.group = pointer; });
    const messages = slot();
    const classes = ['govuk-radios', inline ? 'govuk-radios--inline' : '', small ? 'govuk-radios--small' : ''].filter(Boolean).join(' ');
    const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl?.id } }, [
      el('legend', { className: `govuk-fieldset__legend${legendClass ? ` ${legendClass}` : ''}`, text: legend }),
      hintEl,
      messages,
      el('div', { className: classes }, choices.map(([value, label], i) => el('div', { className: 'govuk-radios__item', attrs: { 'data-value': value } }, [
        inputs[i],
        el('label', { className: 'govuk-label govuk-radios__label', text: label, attrs: { for: inputs[i].id } }),
      ]))),
    ]);
    const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
    const decode = (v) => (v === 'true' ? true : v === 'false' ? false : v);
    return register({
      pointer, kind: 'radios', id, root, slot: messages, inputs: { '': inputs[0] }, describedBase: hintEl ? [hintEl.id] : [], describe: fieldset,
      focusId: () => (inputs.find((r) => r.checked) ?? inputs[0]).id,
      read: () => {
        const chosen = inputs.find((r) => r.checked);
        return chosen ? decode(chosen.value) : undefined;
      },
      fill: (v) => { for (const r of inputs) r.checked = v !== undefined && decode(r.value) === v; },
    });
  }

  /**
   * A single checkbox for a boolean. Ticked → true; unticked → false when `sendFalse`, else the field is removed.
   * Fields in its conditional reveal (`controls`) are only in the data while the box is ticked.
   */
  function checkbox(pointer, label, { hintText, conditional, controls = [], sendFalse = false, isTicked } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-item-hint`, hintText);
    if (hintEl) hintEl.classList.add('govuk-checkboxes__hint');
    const box = el('input', {
      className: 'govuk-checkboxes__input',
      attrs: { id, name: id, type: 'checkbox', value: 'true', 'aria-describedby': hintEl?.id, 'data-pointer': pointer },
    });
    box.dataset.group = pointer;
    const reveal = conditional
      ? el('div', { className: 'govuk-checkboxes__conditional govuk-checkboxes__conditional--hidden', attrs: { id: `conditional-${id}` } }, conditional.map((c) => c.root ?? c))
      : null;
    if (reveal) box.setAttribute('aria-controls', reveal.id);
    const messages = slot();
    const root = el('div', { className: 'govuk-form-group' }, [
      messages,
      el('div', { className: 'govuk-checkboxes govuk-checkboxes--small' }, [
        el('div', { className: 'govuk-checkboxes__item' }, [
          box,
          el('label', { className: 'govuk-label govuk-checkboxes__label', text: label, attrs: { for: id } }),
          hintEl,
        ]),
        reveal,
      ]),
    ]);
    const sync = () => {
      if (!reveal) return;
      reveal.classList.toggle('govuk-checkboxes__conditional--hidden', !box.checked);
      box.setAttribute('aria-expanded', String(box.checked));
    };
    sync();
    return register({
      pointer, kind: 'checkbox', id, root, slot: messages, inputs: { '': box }, describedBase: hintEl ? [hintEl.id] : [], describe: box,
      focusId: () => id,
      read: () => (box.checked ? true : sendFalse ? false : undefined),
      fill: (v) => { box.checked = isTicked ? isTicked(v) : v === true; sync(); },
      sync,
      controls,
    });
  }

  /** Checkboxes for a list of enumerated values (e.g. roles): sent as an array in the choices' order. */
  function checkboxes(pointer, legend, choices, { hintText, legendClass, small = true } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const boxes = choices.map(([value], i) => el('input', {
      className: 'govuk-checkboxes__input',
      attrs: { id: i === 0 ? id : `${id}-${i + 1}`, name: id, type: 'checkbox', value, 'data-pointer': pointer },
    }));
    boxes.forEach((b) => { b.dataset.group = pointer; });
    const messages = slot();
    const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl?.id } }, [
      el('legend', { className: `govuk-fieldset__legend${legendClass ? ` ${legendClass}` : ''}`, text: legend }),
      hintEl,
      messages,
      el('div', { className: `govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}` }, choices.map(([, label], i) => el('div', { className: 'govuk-checkboxes__item' }, [
        boxes[i],
        el('label', { className: 'govuk-label govuk-checkboxes__label', text: label, attrs: { for: boxes[i].id } }),
      ]))),
    ]);
    const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
    return register({
      pointer, kind: 'checkboxes', id, root, slot: messages, inputs: {}, describedBase: hintEl ? [hintEl.id] : [], describe: fieldset,
      focusId: () => boxes[0].id,
      read: () => {
        const v = boxes.filter((b) => b.checked).map((b) => b.value);
        return v.length ? v : undefined;
      },
      fill: (v) => { for (const b of boxes) b.checked = Array.isArray(v) && v.includes(b.value); },
    });
  }

  /** A fieldset grouping other fields, with messages of its own. */
  function fieldset(pointer, legend, children, { legendClass = 'govuk-fieldset__legend--m', hintText, extra = [], legendExtra = [], className } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const messages = slot();
    const fs = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl?.id, id: `${id}-fieldset` } }, [
      el('legend', { className: `govuk-fieldset__legend ${legendClass}` }, [document.createTextNode(legend), ...legendExtra]),
      hintEl,
      messages,
      ...children.map((c) => c.root ?? c),
      ...extra,
    ]);
    const root = el('div', { className: `govuk-form-group app-fp-composite${className ? ` ${className}` : ''}` }, [fs]);
    return register({
      pointer, kind: 'fieldset', id, root, slot: messages, inputs: {}, describedBase: hintEl ? [hintEl.id] : [], describe: fs,
      focusId: () => (fs.querySelector('input, select, textarea, button')?.id || `${id}-fieldset`),
    });
  }

  function listLength(pointer) {
    const v = getAt(model, parsePointer(pointer));
    return Array.isArray(v) ? v.length : 0;
  }

  function renderList(pointer) {
    const list = lists.get(pointer);
    unregisterUnder(pointer);
    const rows = Math.max(list.minRows, listLength(pointer), list.shown);
    list.shown = rows;
    const nodes = [];
    for (let i = 0; i < rows; i += 1) {
      const row = list.renderRow(i, rows);
      nodes.push(el('div', { className: 'app-list__row app-fp-row', attrs: { 'data-row': `${pointer}/${i}` } }, [
        row.root ?? row,
        rows > list.minRows ? removeButton(pointer, i, list.itemName) : null,
      ]));
    }
    if (rows === 0 && list.emptyText) nodes.push(el('p', { className: 'govuk-body app-fp-empty', text: list.emptyText }));
    list.rowsContainer.replaceChildren(...nodes);
    list.rowsContainer.dataset.rows = String(rows);
    fillFromModel(pointer);
  }

  function fillFromModel(under) {
    for (const [pointer, group] of registry) {
      if (!group.fill || !pointerIsWithin(pointer, under)) continue;
      group.fill(getAt(model, parsePointer(pointer)));
    }
  }

  function addRow(pointer) {
    const list = lists.get(pointer);
    const rows = Math.max(list.minRows, listLength(pointer), list.shown);
    list.shown = rows + 1;
    renderList(pointer);
    afterChange(guarded(() => session.report()));
    const newRow = document.querySelector(`[data-row="${CSS.escape(`${pointer}/${rows}`)}"]`);
    newRow?.querySelector('input, select, textarea')?.focus();
  }

  function removeRow(pointer, index) {
    const rowPointer = `${pointer}/${index}`;
    const draft = index < listLength(pointer) ? change(rowPointer, undefined) : guarded(() => session.report());
    const list = lists.get(pointer);
    list.shown = Math.max(0, list.shown - 1);
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

  /** A list whose rows can be added and removed. `renderRow(i, rows)` returns the row's fields (one node). */
  function list(pointer, { legend, hintText, itemName, addLabel, minRows = 0, renderRow, legendClass = 'govuk-fieldset__legend--m', emptyText, legendExtra }) {
    const rowsContainer = el('div', { className: 'app-list__rows' });
    const addButton = el('button', {
      className: 'govuk-button govuk-button--secondary app-list__add',
      text: addLabel,
      attrs: { type: 'button', 'data-add': pointer },
    });
    const group = fieldset(pointer, legend, [rowsContainer], { legendClass, hintText, extra: [addButton], legendExtra });
    group.root.classList.add('app-list');
    group.focusId = () => group.root.querySelector('input, select, textarea')?.id || addButton.id;
    addButton.id = `${group.id}-add`;
    lists.set(pointer, { rowsContainer, renderRow, minRows, addButton, itemName, shown: 0, emptyText });
    return group;
  }

  function removeButton(pointer, index, itemName) {
    return el('button', {
      className: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-list__remove',
      attrs: { type: 'button', 'data-remove': pointer, 'data-index': String(index) },
    }, [
      document.createTextNode(`Remove this ${itemName}`),
      el('span', { className: 'govuk-visually-hidden', text: ` (${itemName} ${index + 1})` }),
    ]);
  }

  // --- showing a report -----------------------------------------------------------------------------------------

  const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

  function resolve(path) {
    const segs = parsePointer(path);
    for (let n = segs.length; n >= 0; n -= 1) {
      const group = registry.get(toPointer(segs.slice(0, n)));
      if (group) return { group, rest: segs.slice(n) };
    }
    return { group: registry.get(''), rest: [] };
  }

  function overlaps(a, b) {
    const x = parsePointer(a);
    const y = parsePointer(b);
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i += 1) if (x[i] !== y[i] && x[i] !== '*' && y[i] !== '*') return false;
    return true;
  }

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
      for (const input of Object.values(group.inputs)) input.classList.remove('govuk-input--error', 'govuk-select--error', 'govuk-textarea--error');
      if (group.describe) {
        const ids = group.describedBase.concat();
        if (ids.length) group.describe.setAttribute('aria-describedby', ids.join(' '));
        else group.describe.removeAttribute('aria-describedby');
      }
    }
  }

  function messageNode(d, id) {
    const body = d.due ? `${d.message} (due ${formatDate(d.due)})` : d.message;
    if (d.severity === 'error') {
      return el('p', { className: 'govuk-error-message', attrs: { id, 'data-code': d.code } }, [
        el('span', { className: 'govuk-visually-hidden', text: 'Error:' }), document.createTextNode(' ' + body),
      ]);
    }
    if (d.severity === 'warning') {
      return el('p', { className: 'app-warning-message', attrs: { id, 'data-code': d.code } }, [
        el('span', { className: 'govuk-visually-hidden', text: 'Warning:' }), document.createTextNode(' ' + body),
      ]);
    }
    return el('div', { className: 'govuk-hint app-info-message', text: body, attrs: { id, 'data-code': d.code } });
  }

  function markInputs(group, rest) {
    if (group.kind === 'date') {
      const part = rest[0];
      const targets = group.inputs[part] ? [group.inputs[part]] : Object.values(group.inputs);
      for (const t of targets) t.classList.add('govuk-input--error');
    } else if (group.kind === 'text') {
      group.inputs[''].classList.add(group.textarea ? 'govuk-textarea--error' : 'govuk-input--error');
    } else if (group.kind === 'select') {
      group.inputs[''].classList.add('govuk-select--error');
    }
  }

  let lastReport = null;

  function showReport(report) {
    clearMessages();
    lastReport = report;
    if (!report) {
      config.showOutcome(null, state, model);
      return;
    }
    const byGroup = new Map();
    for (const d of report.diagnostics ?? []) {
      const { group, rest } = resolve(d.path ?? '');
      if (!visible(d, group)) continue;
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
    config.showOutcome(state === 'ready' ? report.outcome : null, state, model);
  }

  function showSummary(report) {
    const summary = document.getElementById('error-summary');
    const listEl = document.getElementById('error-summary-list');
    const success = document.getElementById('success-banner');
    const errors = (report?.diagnostics ?? []).filter((d) => d.severity === 'error');
    listEl.replaceChildren();
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
      document.getElementById('success-banner-title').textContent = 'Success';
      document.getElementById('success-banner-text').textContent = warnings
        ? `The ${noun} has no errors. Check the ${plural(warnings, 'warning', 'warnings')} by the answers.`
        : `The ${noun} has no errors.`;
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
      listEl.append(el('li', {}, [el('a', { text: d.message, attrs: { href: `#${target}`, 'data-path': d.path } })]));
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
    const useLegend = legend && (target.closest('.govuk-date-input, .govuk-radios, .govuk-checkboxes') !== null);
    (useLegend ? legend : label ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
    return true;
  }

  // --- events -----------------------------------------------------------------------------------------------------

  function onFieldEvent(event) {
    const t = event.target;
    if (!(t instanceof HTMLElement)) return;
    const pointer = t.dataset.group;
    if (!pointer) return;
    const group = registry.get(pointer);
    if (!group) return;
    if (group.kind === 'checkbox' || group.kind === 'checkboxes') {
      group.sync?.();
      if (event.type === 'input') return;
      if (group.kind === 'checkbox') {
        const ticked = t.checked;
        for (const inner of group.controls ?? []) {
          const innerValue = ticked ? inner.read() : undefined;
          if (JSON.stringify(getAt(model, parsePointer(inner.pointer))) !== JSON.stringify(innerValue)) change(inner.pointer, innerValue);
        }
      }
    }
    if ((group.kind === 'radios' || group.kind === 'select') && event.type === 'input') return;
    const value = group.read();
    if ((event.type === 'change' && group.kind !== 'date') || ['radios', 'select', 'checkbox', 'checkboxes'].includes(group.kind) || (group.kind === 'date' && group.complete())) {
      touched.add(pointer);
    }
    const previous = getAt(model, parsePointer(pointer));
    if (JSON.stringify(previous) === JSON.stringify(value)) {
      if (event.type === 'change') afterChange(guarded(() => session.report()));
      return;
    }
    afterChange(change(pointer, value));
  }

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
    const t = event.target instanceof Element ? event.target.closest('button, a') : null;
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
      setState('unavailable', `The ${noun} could not be checked.`);
      document.getElementById('checks-status').scrollIntoView();
      return;
    }
    const report = guarded(() => checks.validate(formId, session.data(), options('submit')));
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

  // --- loading whole forms ------------------------------------------------------------------------------------------

  /** Replace the whole form (an example, or the next workbook step). Every loaded answer counts as answered. */
  function load(data) {
    model = clone(data) ?? {};
    touched.clear();
    for (const p of leafPointers(model)) if (p !== '') touched.add(p);
    for (const l of lists.values()) l.shown = 0;
    for (const pointer of [...lists.keys()]) if (lists.has(pointer)) renderList(pointer);
    fillFromModel('');
    document.getElementById('error-summary').hidden = true;
    document.title = BASE_TITLE;
    const report = guarded(() => session.load(clone(model)));
    afterChange(report);
    return report;
  }

  /** Start: build the fields, load the module, open the session. */
  async function start(build) {
    register({ pointer: '', kind: 'form', id: 'form', root: null, slot: document.getElementById('form-messages'), inputs: {}, describedBase: [], focusId: () => formEl.id });
    try {
      checks = await loadChecks();
    } catch (err) {
      checks = null;
      console.warn(`safeguarding-forms: module not loaded: ${err && err.message}`);
    }
    fieldsEl.replaceChildren(...build().map((n) => n.root ?? n));
    for (const pointer of [...lists.keys()]) renderList(pointer);
    formEl.addEventListener('input', onFieldEvent);
    formEl.addEventListener('change', onFieldEvent);
    formEl.addEventListener('focusout', onFocusOut);
    formEl.addEventListener('click', onClick);
    formEl.addEventListener('submit', onSubmit);
    document.getElementById('error-summary').addEventListener('click', onSummaryClick);
    if (!checks) {
      setState('unavailable', 'The checks could not be loaded. Your answers will not be checked.');
      config.showOutcome(null, state, model);
      return;
    }
    try {
      session = new checks.FormSession(formId, options('draft'));
      const report = session.report();
      setState('ready');
      showReport(report);
    } catch (err) {
      session = null;
      console.error(`safeguarding-forms: session failed: ${err && err.message}`);
      setState('unavailable', 'The checks could not be started. Your answers will not be checked.');
      config.showOutcome(null, state, model);
    }
  }

  return {
    today,
    text, date, select, radios, checkbox, checkboxes, fieldset, list,
    start, load, guarded,
    get checks() { return checks; },
    get session() { return session; },
    get state() { return state; },
    get model() { return model; },
    get lastReport() { return lastReport; },
    setState,
  };
}

/** The "Checks unavailable" / "Checking…" wording for an outcome panel. */
export function unavailableText(state) {
  return state === 'loading' ? 'Checking…' : 'Checks unavailable';
}

/** A GOV.UK notification banner (success) built into the page's #success-banner. */
export function showBanner(title, textContent) {
  const banner = document.getElementById('success-banner');
  document.getElementById('success-banner-title').textContent = title;
  document.getElementById('success-banner-text').textContent = textContent;
  banner.hidden = false;
  banner.focus();
  banner.scrollIntoView();
}

// ---------------------------------------------------------------------------------------------------------------
// The Family Programme page

const FORM_ID = 'family-programme';

const PLAN_TYPES = [
  ['child-in-need', 'Child in need plan'],
  ['child-protection', 'Child protection plan'],
  ['children-we-care-for', 'Children we care for'],
];

const ROLES = [
  ['social-worker', 'Social worker'],
  ['child-and-family-worker', 'Child and family worker'],
  ['domestic-abuse-practitioner', 'Domestic abuse practitioner'],
  ['domestic-abuse-worker', 'Domestic abuse worker'],
  ['mental-health-practitioner', 'Mental health practitioner'],
  ['psychologist', 'Psychologist'],
  ['recovery-worker', 'Recovery worker (substance misuse)'],
  ['team-manager', 'Team manager'],
];

const ADULT_WORKER_ROLES = ROLES.filter(([id]) => ['domestic-abuse-practitioner', 'domestic-abuse-worker', 'mental-health-practitioner', 'psychologist', 'recovery-worker'].includes(id));

const SIGN_OFF_REASONS = [
  ['second-rcpc', 'Before the second review child protection conference'],
  ['nine-month-cin-review', 'Before the 9-month child in need review'],
  ['significant-change', 'After a significant change in the family'],
  ['annual', 'Yearly'],
  ['closure', 'Closure to the service'],
  ['step-up-down', 'Step up or step down'],
  ['court', 'Court'],
];

const DUE_REASONS = {
  'second-rcpc': 'before the second review child protection conference',
  'nine-month-cin-review': 'before the 9-month child in need review',
  'significant-change': 'after the significant change in the family',
  annual: 'at least every year',
};

const MODULES = [
  { id: '1', title: 'Why are we involved?', hint: 'Explain why we are involved; start to build a relationship. The Support and Assessment Planner is completed with the parents at the first joint handover visit.' },
  { id: '2', title: 'Parent and family history', hint: 'Family history, significant events, values, identity and culture; the cultural genogram, the ecomap and a family and friends network meeting.' },
  { id: '3', title: 'Parent’s understanding of the impact of behaviour', hint: 'Modules 1 to 3 are completed within the first two to six weeks of introduction and intervention.' },
  { id: '4', title: 'Direct work with children', hint: 'The social worker’s direct work with the child is recorded here by the end of the first six weeks, ideally from the first visit.' },
  { id: '4a', title: 'Module 4a', hint: 'Modules 4, 4a, 5 and 6 grow and develop over time.' },
  { id: '5', title: 'Parenting capacity (part 1)', hint: 'Basic care, health, ensuring safety, guidance and boundaries. Includes the adult workers’ interventions, summarised by the social worker.' },
  { id: '6', title: 'Parenting capacity (part 2)', hint: 'Emotional warmth, stability, stimulation and education. Includes the adult workers’ interventions, summarised by the social worker.' },
  { id: '7', title: 'Analysis and recommendations', hint: 'Completed only when the programme is ready to be signed off as a completed assessment.' },
  { id: '8', title: 'Parent’s comments and views', hint: 'Completed only when the programme is ready to be signed off as a completed assessment.' },
];

const moduleName = (id) => `Module ${id}`;
const moduleTitle = (m) => (m.id === '4a' ? 'Module 4a' : `Module ${m.id}: ${m.title}`);

export const STATUS = {
  met: { label: 'Met', tag: 'govuk-tag--green', colour: '#00703c' },
  'met-late': { label: 'Met late', tag: 'govuk-tag--purple', colour: '#4c2c92' },
  due: { label: 'Due', tag: '', colour: '#1d70b8' },
  'due-soon': { label: 'Due soon', tag: 'govuk-tag--orange', colour: '#f47738' },
  overdue: { label: 'Overdue', tag: 'govuk-tag--red', colour: '#d4351c' },
  'not-applicable': { label: 'Not applicable', tag: 'govuk-tag--grey', colour: '#505a5f' },
};

/** A demonstration programme that started seven weeks before today: modules 1 to 3 written but not yet ticked. */
function exampleProgramme(today) {
  const start = addDays(today, -49);
  const on = (n) => addDays(start, n);
  const sw = { name: 'Priya Shah', role: 'social-worker' };
  return {
    child: 'Jordan Taylor',
    planType: 'child-protection',
    startedOn: start,
    caseWorkerSummary: 'Jordan (6) lives with his mother, Alex. The child protection plan follows police call-outs for domestic abuse and concerns about Alex’s alcohol use.',
    keyInformation: 'Father not in contact. Jordan attends Oak Primary School. Maternal grandmother lives nearby and offers support.',
    modules: {
      1: { entries: [{ date: on(2), author: sw, text: 'First joint handover visit: talked through why we are involved and agreed the Support and Assessment Planner with Alex.' }] },
      2: { entries: [{ date: on(9), author: sw, text: 'Family history with Alex; started the cultural genogram and the ecomap together.' }] },
      3: { entries: [{ date: on(16), author: sw, text: 'Alex spoke about how arguments at home affect Jordan’s sleep and school mornings.' }] },
      4: { entries: [{ date: on(2), author: sw, text: 'Three houses with Jordan: worries, good things and dreams.' }] },
      '4a': { entries: [{ date: on(23), author: { name: 'Sam Green', role: 'child-and-family-worker' }, text: 'Routines work at home: bedtime chart agreed with Jordan.' }] },
      5: { entries: [{ date: on(30), author: sw, text: 'Basic care and safety: summary of the recovery worker’s sessions on drinking and planning for Jordan’s care.', summarises: ['recovery-worker'] }] },
      6: { entries: [{ date: on(35), author: { name: 'Chris Owen', role: 'recovery-worker' }, text: 'Alex has attended four of five sessions and is keeping a drinking diary.' }] },
    },
    supportAndAssessmentPlannerOn: on(2),
    culturalGenogram: true,
    ecomap: true,
    familyNetworkMeetingOn: on(21),
    adultWorkersInvolved: ['recovery-worker'],
    milestones: { secondRcpcOn: on(280) },
  };
}

function buildProgramme(page) {
  const statusTags = new Map();

  const entryRow = (moduleId) => (i) => {
    const p = `/modules/${moduleId}/entries/${i}`;
    const fields = [
      page.date(`${p}/date`, 'Date of the entry', { hintText: null, legendClass: 'govuk-fieldset__legend--s' }),
      page.fieldset(`${p}/author`, 'Author', [
        page.text(`${p}/author/name`, 'Name', { width: 20, spellcheck: false }),
        page.select(`${p}/author/role`, 'Role', ROLES),
      ], { legendClass: 'govuk-fieldset__legend--s', className: 'app-fp-inline-group' }),
      page.text(`${p}/text`, 'Entry', { textarea: true, rows: 3 }),
    ];
    if (moduleId === '5' || moduleId === '6') {
      fields.push(page.checkboxes(`${p}/summarises`, 'Adult workers whose interventions this entry summarises (optional)', ADULT_WORKER_ROLES, {
        legendClass: 'govuk-fieldset__legend--s',
      }));
    }
    return page.fieldset(p, `Entry ${i + 1}`, fields, { legendClass: 'govuk-fieldset__legend--s' });
  };

  const moduleSection = (m) => {
    const base = `/modules/${m.id}`;
    const tag = el('strong', { className: 'govuk-tag govuk-tag--grey app-fp-module-tag', text: 'Not checked', attrs: { 'data-module-tag': m.id } });
    statusTags.set(m.id, tag);
    const entries = page.list(`${base}/entries`, {
      legend: 'Entries',
      legendClass: 'govuk-fieldset__legend--s',
      itemName: 'entry',
      addLabel: 'Add an entry',
      emptyText: 'No entries yet.',
      renderRow: entryRow(m.id),
    });
    const completedOn = page.date(`${base}/completedOn`, 'Date the module was completed', { hintText: null });
    const complete = page.checkbox(`${base}/complete`, `${moduleName(m.id)} is complete`, {
      conditional: [completedOn],
      controls: [completedOn],
      sendFalse: true,
      isTicked: (v) => v === true || (v === undefined && isoDate(getAt(page.model, ['modules', m.id, 'completedOn'])) !== null),
    });
    const extras = [];
    if (m.id === '1') {
      extras.push(page.date('/supportAndAssessmentPlannerOn', 'Date the Support and Assessment Planner was completed', {
        hintText: 'With the parents, at the first joint handover visit. For example, 27 3 2026',
      }));
    }
    if (m.id === '2') {
      extras.push(
        page.checkbox('/culturalGenogram', 'The cultural genogram is complete', { sendFalse: true }),
        page.checkbox('/ecomap', 'The ecomap is complete', { sendFalse: true }),
        page.date('/familyNetworkMeetingOn', 'Date of the family and friends network meeting'),
      );
    }
    const group = page.fieldset(base, moduleTitle(m), [entries, ...extras, complete], {
      legendClass: 'govuk-fieldset__legend--m',
      hintText: m.hint,
      legendExtra: [document.createTextNode(' '), tag],
      className: 'app-fp-module',
    });
    group.root.id = `module-${m.id}`;
    group.root.dataset.module = m.id;
    return group;
  };

  const section = (heading, nodes, id) => el('div', { className: 'app-section', attrs: { id } }, [
    el('h2', { className: 'govuk-heading-l', text: heading }),
    ...nodes.map((n) => n.root ?? n),
  ]);

  const nodes = [
    section('The child and the plan', [
      page.text('/child', 'Child’s name', { width: 20, spellcheck: false }),
      page.radios('/planType', 'Type of plan', PLAN_TYPES),
      page.date('/startedOn', 'Date the introduction and intervention began', { hintText: 'The module timescales run from this date. For example, 27 1 2026' }),
      page.text('/caseWorkerSummary', 'Case worker summary', { textarea: true, rows: 4 }),
      page.text('/keyInformation', 'Key information', { textarea: true, rows: 4 }),
    ], 'section-about'),
    section('Modules', MODULES.map(moduleSection), 'section-modules'),
    section('Adult workers', [
      page.checkboxes('/adultWorkersInvolved', 'Which adult workers are involved?', ADULT_WORKER_ROLES, {
        hintText: 'Modules 5 and 6 include a summary of each adult worker’s interventions. Select all that apply.',
        legendClass: 'govuk-fieldset__legend--s',
      }),
    ], 'section-adult-workers'),
    section('Milestones', [
      page.date('/milestones/secondRcpcOn', 'Date of the second review child protection conference', { hintText: 'Child protection plans: the completed programme is due before it.' }),
      page.date('/milestones/nineMonthCinReviewOn', 'Date of the 9-month child in need review', { hintText: 'Child in need plans: the completed programme is due before it.' }),
      page.date('/milestones/significantChangeOn', 'Date of the latest significant change in the family', { hintText: 'A completed programme follows any significant change.' }),
      page.date('/milestones/lastCompletedOn', 'Date the programme was last completed as an assessment', { hintText: 'It is completed at least every year.' }),
    ], 'section-milestones'),
    section('Sign-off as a completed assessment', [
      page.checkbox('/signOff/requested', 'Sign-off as a completed assessment is requested', {
        sendFalse: true,
        hintText: 'Modules 7 and 8 are completed only for sign-off.',
      }),
      page.select('/signOff/reason', 'Reason for the sign-off', SIGN_OFF_REASONS),
      page.date('/signOff/managementOversightOn', 'Date of the team manager’s management oversight case note'),
      page.date('/signOff/completedOn', 'Date the sign-off was completed'),
    ], 'section-sign-off'),
    section('Another Family Programme', [
      page.radios('/otherProgrammeOpen', 'Is another Family Programme open for the family?', [['true', 'Yes'], ['false', 'No']], {
        inline: true,
        hintText: 'Only one is open unless, for example, separated parents do not consent to share information.',
      }),
      page.text('/separateProgrammeReason', 'Reason a separate Family Programme is open (optional)', { textarea: true, rows: 2 }),
    ], 'section-other-programme'),
  ];
  return { nodes, statusTags };
}

// --- the timeline and the panel ----------------------------------------------------------------------------------

/** The modules as rows of a timeline: a bar from the start to each module's due date, coloured by its status. */
function drawTimeline(container, outcome, model, today) {
  const modules = Array.isArray(outcome?.modules) ? outcome.modules : [];
  const start = isoDate(model.startedOn);
  const dues = modules.map((m) => m.due).filter((d) => dayNumber(d) !== null);
  container.replaceChildren();
  container.dataset.today = today;
  if (!modules.length || !dues.length) {
    container.append(el('p', { className: 'govuk-body-s app-fp-muted', text: 'Enter the date the introduction and intervention began to see when each module is due.' }));
    return;
  }
  const first = Math.min(...[start, today, ...dues].map(dayNumber).filter((n) => n !== null));
  const last = Math.max(...[today, ...dues].map(dayNumber));
  const span = Math.max(14, last - first);
  const W = 320;
  const LABEL = 30;
  const RIGHT = 8;
  const TOP = 22;
  const ROW = 22;
  const H = TOP + modules.length * ROW + 16;
  const x = (iso) => LABEL + ((dayNumber(iso) - first) / span) * (W - LABEL - RIGHT);
  const x0 = start ? x(start) : LABEL;
  const overdueCount = modules.filter((m) => m.status === 'overdue').length;
  const summary = modules.map((m) => `${moduleName(m.id)} ${STATUS[m.status]?.label.toLowerCase() ?? m.status}${m.due ? `, due ${formatDate(m.due)}` : ''}`).join('; ');
  const chart = svg('svg', {
    class: 'app-fp-chart', viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img',
    'aria-label': `Module timeline, today ${formatDate(today)}: ${summary}.`,
    'data-overdue': overdueCount,
  });
  // Month grid lines.
  const firstIso = new Date(first * 86400000).toISOString().slice(0, 10);
  let month = `${firstIso.slice(0, 7)}-01`;
  const grid = svg('g', { 'aria-hidden': 'true' });
  const months = [];
  for (let guard = 0; guard < 240; guard += 1) {
    const [y, mo] = month.split('-').map(Number);
    month = `${mo === 12 ? y + 1 : y}-${String(mo === 12 ? 1 : mo + 1).padStart(2, '0')}-01`;
    if (dayNumber(month) > first + span) break;
    months.push(month);
  }
  const labelEvery = Math.max(1, Math.ceil(months.length / 5));
  months.forEach((mIso, i) => {
    const gx = x(mIso);
    grid.append(svg('line', { x1: gx, x2: gx, y1: TOP - 4, y2: TOP + modules.length * ROW, class: 'app-fp-chart__grid' }));
    if (i % labelEvery === 0 && !(start && Math.abs(gx - x0) < 40)) {
      const [y, mo] = mIso.split('-').map(Number);
      grid.append(svg('text', { x: gx + 2, y: H - 2, class: 'app-fp-chart__axis', text: `${MONTHS[mo - 1].slice(0, 3)}${mo === 1 ? ` ${y}` : ''}` }));
    }
  });
  chart.append(grid);
  modules.forEach((m, i) => {
    const y = TOP + i * ROW;
    const status = STATUS[m.status] ?? STATUS['not-applicable'];
    const label = `${moduleName(m.id)}: ${status.label.toLowerCase()}${m.due ? `, due ${formatDate(m.due)}` : ''}${m.complete ? ', complete' : ''}`;
    const row = svg('g', { class: 'app-fp-chart__row', 'data-module': m.id, 'data-status': m.status }, [
      svg('title', { text: label }),
      svg('text', { x: 2, y: y + 15, class: 'app-fp-chart__label', text: m.id }),
      svg('line', { x1: LABEL, x2: W - RIGHT, y1: y + ROW / 2, y2: y + ROW / 2, class: 'app-fp-chart__track' }),
    ]);
    if (m.due) {
      const xd = x(m.due);
      row.append(svg('rect', { x: Math.min(x0, xd), y: y + 6, width: Math.max(2, Math.abs(xd - x0)), height: ROW - 12, fill: status.colour, class: 'app-fp-chart__bar', 'fill-opacity': m.complete ? 1 : 0.85 }));
      // The due date: a diamond; a tick inside when the module is complete.
      const d = 6;
      row.append(svg('path', { d: `M ${xd} ${y + ROW / 2 - d} L ${xd + d} ${y + ROW / 2} L ${xd} ${y + ROW / 2 + d} L ${xd - d} ${y + ROW / 2} Z`, fill: status.colour, stroke: '#0b0c0c', 'stroke-width': 1.5 }));
      if (m.status === 'met' || m.status === 'met-late') {
        row.append(svg('path', { d: `M ${xd - 3} ${y + ROW / 2} L ${xd - 1} ${y + ROW / 2 + 2.5} L ${xd + 3.5} ${y + ROW / 2 - 2.5}`, stroke: '#ffffff', 'stroke-width': 1.6, fill: 'none' }));
      } else if (m.status === 'overdue') {
        row.append(svg('path', { d: `M ${xd - 2.5} ${y + ROW / 2 - 2.5} L ${xd + 2.5} ${y + ROW / 2 + 2.5} M ${xd + 2.5} ${y + ROW / 2 - 2.5} L ${xd - 2.5} ${y + ROW / 2 + 2.5}`, stroke: '#ffffff', 'stroke-width': 1.6 }));
      }
    }
    chart.append(row);
  });
  // Today.
  const xt = x(today);
  chart.append(svg('g', { class: 'app-fp-chart__today', 'aria-hidden': 'true' }, [
    svg('line', { x1: xt, x2: xt, y1: TOP - 6, y2: TOP + modules.length * ROW + 2 }),
    svg('text', { x: Math.min(Math.max(xt, 30), W - 30), y: TOP - 9, 'text-anchor': 'middle', class: 'app-fp-chart__today-label', text: 'Today' }),
  ]));
  if (start) {
    chart.append(svg('text', { x: x0, y: H - 2, class: 'app-fp-chart__axis app-fp-chart__axis--bold', 'aria-hidden': 'true', text: `Start ${shortDate(start).replace(/ \d{4}$/, '')}` }));
  }
  container.append(chart);
}

/** Completeness as a bar of one segment per module, filled when the module is complete. */
function drawCompleteness(container, modules, completeness) {
  container.dataset.value = String(completeness ?? 0);
  const n = modules.length || MODULES.length;
  const W = 320;
  const GAP = 4;
  const w = (W - GAP * (n - 1)) / n;
  const bar = svg('svg', { class: 'app-fp-bar', viewBox: `0 0 ${W} 18`, width: '100%', 'aria-hidden': 'true' });
  for (let i = 0; i < n; i += 1) {
    const m = modules[i];
    bar.append(svg('rect', {
      x: i * (w + GAP) + 1, y: 1, width: w - 2, height: 16,
      class: `app-fp-bar__segment${m?.complete ? ' app-fp-bar__segment--filled' : ''}`,
      'data-module': m?.id,
    }));
  }
  container.replaceChildren(bar);
}

function showProgrammeOutcome(outcome, state, model, ctx) {
  const panel = document.getElementById('glance');
  const set = (id, value) => { document.getElementById(id).textContent = value; };
  const ready = state === 'ready' && outcome && typeof outcome === 'object';
  panel.dataset.state = ready ? 'ready' : state;
  for (const [id, tag] of ctx.statusTags) {
    const m = ready && Array.isArray(outcome.modules) ? outcome.modules.find((x) => x.id === id) : null;
    const s = m ? STATUS[m.status] ?? STATUS['not-applicable'] : null;
    tag.className = `govuk-tag app-fp-module-tag ${s ? s.tag : 'govuk-tag--grey'}`;
    tag.textContent = s ? s.label : (state === 'ready' ? 'No result' : unavailableText(state));
    tag.dataset.status = m ? m.status : '';
  }
  const table = document.getElementById('glance-modules');
  if (!ready) {
    const word = unavailableText(state);
    document.getElementById('glance-timeline').replaceChildren(el('p', { className: 'govuk-body-s app-fp-muted', text: word }));
    set('completeness-text', `Modules complete: ${state === 'loading' ? 'checking' : 'not checked'}`);
    drawCompleteness(document.getElementById('completeness-bar'), [], 0);
    for (const id of ['assessment-due', 'ready-sign-off']) set(id, word);
    document.getElementById('assessment-tag').hidden = true;
    table.replaceChildren();
    return;
  }
  drawTimeline(document.getElementById('glance-timeline'), outcome, model, ctx.today);
  const modules = Array.isArray(outcome.modules) ? outcome.modules : [];
  const done = modules.filter((m) => m.complete).length;
  const pct = Math.round(Number(outcome.completeness ?? 0) * 100);
  set('completeness-text', `${done} of ${modules.length} modules complete (${pct}%)`);
  drawCompleteness(document.getElementById('completeness-bar'), modules, outcome.completeness);

  const due = document.getElementById('assessment-due');
  const atag = document.getElementById('assessment-tag');
  if (outcome.assessmentDue) {
    const reason = DUE_REASONS[outcome.assessmentDueReason] ?? humanise(outcome.assessmentDueReason ?? '');
    due.textContent = `${formatDate(outcome.assessmentDue)}: ${reason}`;
    const days = dayNumber(outcome.assessmentDue) - dayNumber(ctx.today);
    atag.hidden = false;
    if (outcome.assessmentOverdue) {
      atag.className = 'govuk-tag govuk-tag--red';
      atag.textContent = 'Overdue';
    } else if (days <= 28) {
      atag.className = 'govuk-tag govuk-tag--orange';
      atag.textContent = `In ${plural(Math.max(0, days), 'day', 'days')}`;
    } else {
      atag.className = 'govuk-tag';
      atag.textContent = `In ${plural(Math.round(days / 7), 'week', 'weeks')}`;
    }
  } else {
    due.textContent = 'Not known yet';
    atag.hidden = true;
  }
  const readyEl = document.getElementById('ready-sign-off');
  readyEl.replaceChildren(outcome.readyForSignOff
    ? el('strong', { className: 'govuk-tag govuk-tag--green', text: 'Ready for sign-off' })
    : el('strong', { className: 'govuk-tag govuk-tag--grey', text: 'Not ready' }));
  readyEl.dataset.ready = String(outcome.readyForSignOff === true);

  table.replaceChildren(...modules.map((m) => {
    const s = STATUS[m.status] ?? STATUS['not-applicable'];
    return el('tr', { className: 'govuk-table__row', attrs: { 'data-module': m.id, 'data-status': m.status } }, [
      el('th', { className: 'govuk-table__header', attrs: { scope: 'row' } }, [el('a', { className: 'govuk-link', attrs: { href: `#module-${m.id}` } }, [
        el('span', { className: 'govuk-visually-hidden', text: 'Module ' }), document.createTextNode(m.id),
      ])]),
      el('td', { className: 'govuk-table__cell', text: m.due ? shortDate(m.due) : '–' }),
      el('td', { className: 'govuk-table__cell', text: String(m.entries ?? 0) }),
      el('td', { className: 'govuk-table__cell' }, [el('strong', { className: `govuk-tag ${s.tag}`, text: s.label })]),
    ]);
  }));
}

async function startProgramme() {
  startGovukFrontend();
  let ctx = null;
  const page = createFormPage({
    formId: FORM_ID,
    formEl: document.getElementById('programme-form'),
    fieldsEl: document.getElementById('form-fields'),
    noun: 'Family Programme',
    showOutcome: (outcome, state, model) => { if (ctx) showProgrammeOutcome(outcome, state, model, ctx); },
  });
  await page.start(() => {
    const built = buildProgramme(page);
    ctx = { statusTags: built.statusTags, today: page.today };
    return built.nodes;
  });
  const report = page.lastReport;
  showProgrammeOutcome(page.state === 'ready' ? report?.outcome : null, page.state, page.model, ctx);

  document.getElementById('example-button').addEventListener('click', () => {
    page.load(exampleProgramme(page.today));
    showBanner('Example loaded', `An example programme that began on ${formatDate(addDays(page.today, -49))}, seven weeks ago, is loaded.`);
  });

  document.getElementById('carry-forward-button').addEventListener('click', () => {
    if (!page.session || !page.checks) {
      page.setState('unavailable', 'The next workbook step could not be started: the checks are not available.');
      return;
    }
    const next = page.guarded(() => page.checks.carryForward(FORM_ID, page.session.data()));
    if (!next) return;
    page.load(next);
    const last = isoDate(next?.milestones?.lastCompletedOn);
    showBanner('Next workbook step started', 'Modules 1 to 6 and 4a are carried forward. Modules 7 and 8 are empty and the sign-off is cleared'
      + (last ? `; the programme was last completed on ${formatDate(last)}.` : '.'));
  });
}

if (document.body.dataset.form === FORM_ID) startProgramme();
