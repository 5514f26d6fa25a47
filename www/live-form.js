// The live form: what every page of the demo shares (the generic page, form.js, and each bespoke page).
//
//   const live = createLiveForm({ formId, formEl, fieldsEl, noun: 'referral', showOutcome, options: { today, profile } });
//   await live.start(() => [live.text('/child/name', 'Name'), live.date('/referralDate', 'Date of referral'), …]);
//
// - One FormSession (stage "draft") receives every change as `set(pointer, value)` / `remove(pointer)`; calls are
//   guarded: a failure (or the package's `{ unavailable: true }` report) says "Checks unavailable", never that there
//   are no problems, and a fresh session is loaded from the page's copy of the data.
// - Fields are GOV.UK components built here (text, date / date-and-time parts, select, radios, checkbox(es), fieldset,
//   lists of rows), each registered under its JSON Pointer; a diagnostic is shown by the field whose pointer is the
//   longest prefix of its path. One error per field (the most specific: the deepest path, e.g. the year of a date),
//   warnings and notes after it. Messages are text (textContent), never HTML.
// - A field's messages show once the person has answered it (left a text box, chosen an option, completed a date);
//   never because another field was typed. Dates as GOV.UK advises: no message while a part is still being typed;
//   a date is judged when its year has 4 digits (and every box is filled) or when focus leaves its boxes.
// - Messages never move the field being typed: when messages above it appear or go, the page scrolls by the same
//   amount, so the focused box keeps its place on screen.
// - Submitting checks `session.data()` with stage "submit", shows the error summary (scrolled into view and focused)
//   with one link per field, or a success banner; the title gets "Error: ". Resetting the form clears the data, the
//   session and every message.
// - `options.profile` (a council profile id) is passed to every call; pages that let a person load a profile call
//   `live.setOptions({ profile })`. Elements marked `data-sf-council` (a page's caption) show the council's name
//   from the profile in force (its title up to a parenthesis), and nothing under `default`: no council is written
//   into a page.

import { loadChecks } from '/www/common.js';
import { mountProfileLoader, councilOf } from '/www/profile-loader.js';
import { el } from '/www/render/dom.js';
import {
  parsePointer, toPointer, isIndex, clone, pointerIsWithin, getAt, setAt, removeAt, overlaps, formatDate, ISO_DATE,
  ISO_DATETIME, upperFirst, londonToday,
} from '/www/render/schema.js';

/** The page's "today": `?today=YYYY-MM-DD` when given, else null (the package then uses Europe/London's date). */
export function pageOptions() {
  const params = new URLSearchParams(location.search);
  const today = /^\d{4}-\d{2}-\d{2}$/.test(params.get('today') ?? '') ? params.get('today') : undefined;
  const profile = /^[a-z0-9-]{1,40}$/.test(params.get('profile') ?? '') ? params.get('profile') : undefined;
  return { today, profile };
}

export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** Curly quotes and apostrophes, as GOV.UK writes them (messages come from several rule authors). */
export const curly = (s) => String(s)
  .replace(/(^|[\s(“])"/g, '$1“').replace(/"/g, '”')
  .replace(/(^|[\s(“])'/g, '$1‘').replace(/'/g, '’');

/** A diagnostic's text: its message, with its due date unless the message already says that date. */
export function messageText(d) {
  const due = d.due ? formatDate(d.due) : '';
  return curly(due && !String(d.message).includes(due) ? `${d.message} (due ${due})` : d.message);
}

const DATE_PARTS = ['day', 'month', 'year'];
const TIME_PARTS = ['hour', 'minute'];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
const ERROR_CLASSES = ['govuk-input--error', 'govuk-select--error', 'govuk-textarea--error'];

/** Every leaf pointer of a value (loaded data counts as answered); a date's parts are one leaf. */
function leafPointers(value, segs = [], out = []) {
  const parts = value && typeof value === 'object' && !Array.isArray(value) && ('day' in value || 'hour' in value);
  if (value !== null && typeof value === 'object' && !parts) {
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    if (keys.length === 0) out.push(toPointer(segs));
    for (const k of keys) leafPointers(value[k], [...segs, k], out);
  } else out.push(toPointer(segs));
  return out;
}

/**
 * @param {object} config
 * @param {string} config.formId
 * @param {HTMLFormElement} config.formEl
 * @param {HTMLElement} config.fieldsEl   where the built fields go
 * @param {string} [config.noun]          "referral": "The referral has no errors."
 * @param {(outcome: object|null, state: string, model: object) => void} [config.showOutcome]
 * @param {{ today?: string, profile?: string }} [config.options]
 * @param {(id: string) => string} [config.idFor]  element ids from pointers (default: /a/0/b → a-0-b)
 */
export function createLiveForm(config) {
  const { formId, formEl, noun = 'form' } = config;
  const showOutcome = config.showOutcome ?? (() => {});
  let opts = { ...pageOptions(), ...(config.options ?? {}) };
  const options = (stage) => ({ stage, ...(opts.today ? { today: opts.today } : {}), ...(opts.profile ? { profile: opts.profile } : {}) });
  const baseTitle = () => document.title.replace(/^Error: /, '');
  const $ = (id) => document.getElementById(id);

  let model = {};
  let checks = null;
  let session = null;
  let state = 'loading';
  let submitted = false;
  let lastReport = null;
  let loaded = false; // a whole record was loaded: its errors and warnings show everywhere
  let replacing = false; // the form is being replaced whole (`load`): no date holds its messages
  const touched = new Set();
  const registry = new Map();
  const lists = new Map();

  const idFor = config.idFor ?? ((pointer) => (pointer === '' ? 'form' : pointer.slice(1).replace(/[^A-Za-z0-9_-]+/g, '-')));

  // --- state and calls into the module ---------------------------------------------------------------------------

  function setState(next, detail) {
    state = next;
    document.body.dataset.checks = next;
    const box = $('checks-status');
    if (!box) return;
    if (next === 'ready') box.replaceChildren();
    else if (next === 'loading') box.replaceChildren(el('p', { className: 'govuk-body', text: 'Loading the checks…' }));
    else {
      box.replaceChildren(el('div', { className: 'govuk-warning-text app-checks-unavailable' }, [
        el('span', { className: 'govuk-warning-text__icon', text: '!', attrs: { 'aria-hidden': 'true' } }),
        el('strong', { className: 'govuk-warning-text__text' }, [
          el('span', { className: 'govuk-visually-hidden', text: 'Warning' }),
          document.createTextNode(`Checks unavailable. ${detail ?? 'Your answers have not been checked.'}`),
        ]),
      ]));
    }
  }

  /** Run one call into the module. On failure: "Checks unavailable", a fresh session from the page's copy, null. */
  function guarded(fn) {
    if (!checks || !session) return null;
    try {
      const result = fn();
      if (result && typeof result === 'object' && result.unavailable === true) {
        setState('unavailable', 'Your last change could not be checked. Change the answer again to retry.');
        return null;
      }
      return result;
    } catch (err) {
      console.error(`safeguarding-forms: call failed: ${err && err.name}: ${err && err.message}`);
      try { session.free(); } catch { /* the old session may be unusable */ }
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

  /** Make every container on the way exist: a list only where the page has one ("/modules/1" is an object). */
  function ensureParents(segs) {
    for (let i = 1; i < segs.length; i += 1) {
      const parentSegs = segs.slice(0, i);
      const next = segs[i];
      const cur = getAt(model, parentSegs);
      const isList = lists.has(toPointer(parentSegs)) || (config.isList?.(toPointer(parentSegs)) ?? false);
      let fresh;
      if (cur === null || typeof cur !== 'object') {
        fresh = isList && isIndex(next) ? Array.from({ length: Number(next) + 1 }, () => ({})) : {};
      } else if (Array.isArray(cur) && isIndex(next) && Number(next) >= cur.length) {
        fresh = [...cur, ...Array.from({ length: Number(next) + 1 - cur.length }, () => ({}))];
      } else continue;
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

  function afterChange(draft) {
    const banner = $('success-banner');
    if (banner) banner.hidden = true;
    if (state === 'unavailable' && draft && session) setState('ready');
    const report = draft && submitted ? guarded(() => checks.validate(formId, session.data(), options('submit'))) : draft;
    showReport(report);
  }

  // --- field builders ---------------------------------------------------------------------------------------------

  function register(group) {
    registry.set(group.pointer, group);
    if (group.root) group.root.dataset.field = group.pointer;
    return group;
  }

  function unregisterUnder(pointer) {
    for (const key of [...registry.keys()]) if (key !== pointer && pointerIsWithin(key, pointer)) registry.delete(key);
  }

  const hint = (id, text) => (text ? el('div', { className: 'govuk-hint', text, attrs: { id } }) : null);
  const slot = () => el('div', { className: 'app-messages' });
  const legendOf = (text, legendClass) => el('legend', { className: `govuk-fieldset__legend ${legendClass ?? 'govuk-fieldset__legend--s'}`, text });
  const described = (hintEl) => (hintEl ? [hintEl.id] : []);

  /** A text input (or textarea). `number`: digits are sent as a number. `suffix`: a unit shown after the box. */
  function text(pointer, label, { hintText, width, textarea = false, rows = 3, spellcheck, labelClass, type = 'text', inputmode, autocomplete, suffix, number = false } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const attrs = { id, name: id, 'aria-describedby': hintEl?.id, spellcheck: spellcheck === false ? 'false' : undefined };
    const input = textarea
      ? el('textarea', { className: 'govuk-textarea', attrs: { ...attrs, rows } })
      : el('input', { className: `govuk-input${width ? ` govuk-input--width-${width}` : ''}`, attrs: { ...attrs, type, inputmode, autocomplete: autocomplete ?? 'off' } });
    input.dataset.group = pointer;
    const messages = slot();
    const root = el('div', { className: 'govuk-form-group' }, [
      el('label', { className: `govuk-label${labelClass ? ` ${labelClass}` : ''}`, text: label, attrs: { for: id } }),
      hintEl,
      messages,
      suffix
        ? el('div', { className: 'govuk-input__wrapper' }, [input, el('div', { className: 'govuk-input__suffix', text: suffix, attrs: { 'aria-hidden': 'true' } })])
        : input,
    ]);
    return register({
      pointer, kind: textarea ? 'textarea' : 'text', id, root, slot: messages, inputs: { '': input }, describedBase: described(hintEl), describe: input,
      focusId: () => id,
      read: () => {
        if (input.value.trim() === '') return undefined;
        return number && /^\s*-?\d+(\.\d+)?\s*$/.test(input.value) ? Number(input.value) : input.value;
      },
      fill: (v) => { input.value = v === undefined || v === null || typeof v === 'object' ? '' : String(v); },
    });
  }

  /**
   * A local list (a locality, a team: what each council names for itself): a select of the council's values, titled
   * as places, when the profile in force lists them, else a text box. It follows the profile (`setOptions`), so a
   * person never has to guess the values a council's list accepts.
   */
  function localList(pointer, label, { hintText, width = 20 } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const messages = slot();
    const root = el('div', { className: 'govuk-form-group' }, [
      el('label', { className: 'govuk-label', text: label, attrs: { for: id } }), hintEl, messages,
    ]);
    const group = register({
      pointer, kind: 'text', id, root, slot: messages, inputs: {}, describedBase: described(hintEl), describe: null,
      focusId: () => id, read: () => undefined, fill: () => {},
    });
    group.refresh = () => {
      const choices = listedAt(pointer);
      const attrs = { id, name: id, 'aria-describedby': hintEl?.id };
      let input;
      if (choices) {
        input = el('select', { className: 'govuk-select', attrs }, [
          el('option', { text: 'Choose an option', attrs: { value: '' } }),
          ...choices.map(([v, t]) => el('option', { text: t, attrs: { value: v } })),
        ]);
        group.kind = 'select';
        group.read = () => (input.value === '' ? undefined : input.value);
        // A value the council's list does not have stays in the data (and is reported there), the select unset.
        group.fill = (v) => { input.value = typeof v === 'string' && choices.some(([c]) => c === v) ? v : ''; };
      } else {
        input = el('input', { className: `govuk-input govuk-input--width-${width}`, attrs: { ...attrs, type: 'text', autocomplete: 'off' } });
        group.kind = 'text';
        group.read = () => (input.value.trim() === '' ? undefined : input.value);
        group.fill = (v) => { input.value = v === undefined || v === null || typeof v === 'object' ? '' : String(v); };
      }
      input.dataset.group = pointer;
      const old = group.inputs[''];
      if (old) old.replaceWith(input);
      else root.append(input);
      group.inputs = { '': input };
      group.describe = input;
      group.fill(getAt(model, parsePointer(pointer)));
    };
    group.refresh();
    return group;
  }

  /** The council's values for a local list at `pointer` under the profile in force (`[value, title]`), or null. */
  function listedAt(pointer) {
    if (!checks) return null;
    try {
      // The page's today picks the version of a council's profile in force, as it does for the checks.
      const { stage: _, ...o } = options('draft');
      const s = checks.schema(formId, { ...o, dialect: 'draft-07' });
      let at = s;
      for (const seg of parsePointer(pointer)) at = isIndex(seg) ? at?.items : at?.properties?.[seg];
      return Array.isArray(at?.oneOf) ? at.oneOf.map((o) => [String(o.const), String(o.title ?? o.const)]) : null;
    } catch {
      return null;
    }
  }

  /**
   * A GOV.UK date input: day, month and year (and hour and minute with `time`), sent as the parts as typed
   * ({ day, month, year[, hour, minute] }); the engine names the part at fault.
   */
  function date(pointer, legend, { hintText, legendClass, time = false } = {}) {
    const id = idFor(pointer);
    const example = time ? 'For example, 27 3 2026 and 14 30 (24-hour clock)' : 'For example, 27 3 2026';
    const hintEl = hint(`${id}-hint`, hintText === undefined ? example : hintText);
    const names = time ? [...DATE_PARTS, ...TIME_PARTS] : DATE_PARTS;
    const parts = {};
    const items = names.map((part) => {
      const input = el('input', {
        className: `govuk-input govuk-date-input__input govuk-input--width-${part === 'year' ? 4 : 2}`,
        attrs: { id: `${id}-${part}`, name: `${id}-${part}`, type: 'text', inputmode: 'numeric', autocomplete: 'off' },
      });
      input.dataset.group = pointer;
      input.dataset.part = part;
      parts[part] = input;
      return el('div', { className: `govuk-date-input__item${part === 'hour' ? ' app-date-input__item--time' : ''}` }, [
        el('div', { className: 'govuk-form-group' }, [
          el('label', { className: 'govuk-label govuk-date-input__label', text: upperFirst(part), attrs: { for: `${id}-${part}` } }),
          input,
        ]),
      ]);
    });
    const messages = slot();
    const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { role: 'group', 'aria-describedby': hintEl?.id } }, [
      legendOf(legend, legendClass), hintEl, messages, el('div', { className: 'govuk-date-input', attrs: { id } }, items),
    ]);
    const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
    const value = (p) => parts[p].value.trim();
    return register({
      pointer, kind: time ? 'datetime' : 'date', id, root, slot: messages, inputs: parts, describedBase: described(hintEl), describe: fieldset,
      focusId: (rest) => (rest && parts[rest[0]] ? parts[rest[0]].id : parts.day.id),
      // Judged once every box is filled and the year has its 4 digits (or when focus leaves the boxes).
      complete: () => names.every((p) => value(p) !== '') && value('year').length >= 4,
      read: () => (names.every((p) => value(p) === '') ? undefined : Object.fromEntries(names.map((p) => [p, parts[p].value]))),
      fill: (v) => {
        const d = Object.fromEntries(names.map((p) => [p, '']));
        const m = typeof v === 'string' ? (time ? ISO_DATETIME : ISO_DATE).exec(v.trim()) : null;
        if (m) Object.assign(d, { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] }, time ? { hour: m[4], minute: m[5] } : {});
        else if (v && typeof v === 'object' && !Array.isArray(v)) for (const p of names) d[p] = v[p] ?? '';
        for (const p of names) parts[p].value = String(d[p]);
      },
    });
  }

  function select(pointer, label, choices, { hintText } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const sel = el('select', { className: 'govuk-select', attrs: { id, name: id, 'aria-describedby': hintEl?.id } },
      [el('option', { text: 'Choose an option', attrs: { value: '' } }), ...choices.map(([v, t]) => el('option', { text: t, attrs: { value: v } }))]);
    sel.dataset.group = pointer;
    const messages = slot();
    const root = el('div', { className: 'govuk-form-group' }, [
      el('label', { className: 'govuk-label', text: label, attrs: { for: id } }), hintEl, messages, sel,
    ]);
    return register({
      pointer, kind: 'select', id, root, slot: messages, inputs: { '': sel }, describedBase: described(hintEl), describe: sel,
      focusId: () => id,
      read: () => (sel.value === '' ? undefined : sel.value),
      fill: (v) => { sel.value = typeof v === 'string' && choices.some(([c]) => c === v) ? v : ''; },
    });
  }

  /** Radios. Values 'true' / 'false' are sent as booleans (`decode` for anything else, e.g. numbers). */
  function radios(pointer, legend, choices, { hintText, inline, legendClass, small, decode, itemClass, rootClass } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const inputs = choices.map(([value], i) => el('input', {
      className: 'govuk-radios__input', attrs: { id: i === 0 ? id : `${id}-${i + 1}`, name: id, type: 'radio', value },
    }));
    for (const r of inputs) r.dataset.group = pointer;
    const messages = slot();
    const classes = ['govuk-radios', inline ? 'govuk-radios--inline' : '', small ? 'govuk-radios--small' : ''].filter(Boolean).join(' ');
    const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl?.id } }, [
      legendOf(legend, legendClass), hintEl, messages,
      el('div', { className: classes, attrs: { 'data-module': 'govuk-radios' } }, choices.map(([value, label], i) => el('div', {
        className: `govuk-radios__item${itemClass ? ` ${itemClass}` : ''}`, attrs: { 'data-value': value },
      }, [inputs[i], el('label', { className: 'govuk-label govuk-radios__label', text: label, attrs: { for: inputs[i].id } })]))),
    ]);
    const root = el('div', { className: `govuk-form-group${rootClass ? ` ${rootClass}` : ''}` }, [fieldset]);
    const dec = decode ?? ((v) => (v === 'true' ? true : v === 'false' ? false : v));
    return register({
      pointer, kind: 'radios', id, root, slot: messages, inputs: { '': inputs[0] }, describedBase: described(hintEl), describe: fieldset,
      focusId: () => (inputs.find((r) => r.checked) ?? inputs[0]).id,
      read: () => {
        const chosen = inputs.find((r) => r.checked);
        return chosen ? dec(chosen.value) : undefined;
      },
      fill: (v) => { for (const r of inputs) r.checked = v !== undefined && v !== null && dec(r.value) === v; },
    });
  }

  /** Yes / No radios for a boolean (inline). */
  const yesNo = (pointer, legend, more = {}) => radios(pointer, legend, [['true', more.yes ?? 'Yes'], ['false', more.no ?? 'No']], { inline: true, ...more });

  /**
   * A single checkbox. Ticked → true (or `value`); unticked → false when `sendFalse`, else the field is removed.
   * Fields in its conditional reveal (`controls`) are only in the data while the box is ticked.
   */
  function checkbox(pointer, label, { hintText, conditional, controls = [], sendFalse = false, isTicked } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-item-hint`, hintText);
    hintEl?.classList.add('govuk-checkboxes__hint');
    const box = el('input', { className: 'govuk-checkboxes__input', attrs: { id, name: id, type: 'checkbox', value: 'true', 'aria-describedby': hintEl?.id } });
    box.dataset.group = pointer;
    const reveal = conditional
      ? el('div', { className: 'govuk-checkboxes__conditional govuk-checkboxes__conditional--hidden', attrs: { id: `conditional-${id}` } }, conditional.map((c) => c.root ?? c))
      : null;
    if (reveal) box.setAttribute('aria-controls', reveal.id);
    const messages = slot();
    const root = el('div', { className: 'govuk-form-group' }, [
      messages,
      el('div', { className: 'govuk-checkboxes govuk-checkboxes--small' }, [
        el('div', { className: 'govuk-checkboxes__item' }, [box, el('label', { className: 'govuk-label govuk-checkboxes__label', text: label, attrs: { for: id } }), hintEl]),
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
      pointer, kind: 'checkbox', id, root, slot: messages, inputs: { '': box }, describedBase: described(hintEl), describe: box,
      focusId: () => id,
      read: () => (box.checked ? true : sendFalse ? false : undefined),
      fill: (v) => { box.checked = isTicked ? isTicked(v) : v === true; sync(); },
      sync, controls,
    });
  }

  /** Checkboxes for a list of values: sent as an array in the choices' order. */
  function checkboxes(pointer, legend, choices, { hintText, legendClass, small = true, idByValue = false } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    // The first box has the field's id; the others by position (GOV.UK's id-2, …) or by value (id-harmful-sexual-behaviour).
    const boxId = (value, i) => (i === 0 ? id : idByValue ? `${id}-${value}` : `${id}-${i + 1}`);
    const boxes = choices.map(([value], i) => el('input', {
      className: 'govuk-checkboxes__input', attrs: { id: boxId(value, i), name: id, type: 'checkbox', value },
    }));
    for (const b of boxes) b.dataset.group = pointer;
    const messages = slot();
    const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl?.id } }, [
      legendOf(legend, legendClass), hintEl, messages,
      el('div', { className: `govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`, attrs: { 'data-module': 'govuk-checkboxes' } },
        choices.map(([, label], i) => el('div', { className: 'govuk-checkboxes__item' }, [
          boxes[i], el('label', { className: 'govuk-label govuk-checkboxes__label', text: label, attrs: { for: boxes[i].id } }),
        ]))),
    ]);
    const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
    return register({
      pointer, kind: 'checkboxes', id, root, slot: messages, inputs: {}, describedBase: described(hintEl), describe: fieldset,
      focusId: (rest) => (rest && isIndex(rest[0] ?? '') ? boxes.filter((b) => b.checked)[Number(rest[0])]?.id : null) ?? boxes[0].id,
      read: () => {
        const v = boxes.filter((b) => b.checked).map((b) => b.value);
        return v.length ? v : undefined;
      },
      fill: (v) => { for (const b of boxes) b.checked = Array.isArray(v) && v.map(String).includes(b.value); },
    });
  }

  /** A fieldset grouping other fields, with messages of its own. */
  function fieldset(pointer, legend, children, { legendClass = 'govuk-fieldset__legend--m', hintText, extra = [], legendExtra = [], className } = {}) {
    const id = idFor(pointer);
    const hintEl = hint(`${id}-hint`, hintText);
    const messages = slot();
    const fs = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl?.id, id: `${id}-fieldset` } }, [
      el('legend', { className: `govuk-fieldset__legend ${legendClass}` }, [document.createTextNode(legend), ...legendExtra]),
      hintEl, messages, ...children.map((c) => c?.root ?? c), ...extra,
    ]);
    const root = el('div', { className: `govuk-form-group app-composite${className ? ` ${className}` : ''}` }, [fs]);
    return register({
      pointer, kind: 'fieldset', id, root, slot: messages, inputs: {}, describedBase: described(hintEl), describe: fs,
      focusId: () => (fs.querySelector('input, select, textarea, button')?.id || `${id}-fieldset`),
    });
  }

  // --- lists of rows ----------------------------------------------------------------------------------------------

  /** A scalar list's value from its rows on screen: blanks as null, trailing blanks left out. */
  function scalarValue(pointer) {
    const values = [];
    for (let i = 0; i < lists.get(pointer).shown; i += 1) values.push(registry.get(`${pointer}/${i}`)?.read() ?? null);
    while (values.length && values[values.length - 1] === null) values.pop();
    return values.length ? values : undefined;
  }

  const listLength = (pointer) => {
    const v = getAt(model, parsePointer(pointer));
    return Array.isArray(v) ? v.length : 0;
  };

  function removeButton(pointer, index, itemName) {
    return el('button', {
      className: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-list__remove',
      attrs: { type: 'button', 'data-remove': pointer, 'data-index': String(index) },
    }, [document.createTextNode('Remove'), el('span', { className: 'govuk-visually-hidden', text: ` ${itemName} ${index + 1}` })]);
  }

  /** (Re-)render a list's rows: as many as the data has or are shown, at least `minRows`, at most `max`. */
  function renderList(pointer) {
    const list = lists.get(pointer);
    if (!list) return;
    unregisterUnder(pointer);
    for (const key of [...lists.keys()]) if (key !== pointer && pointerIsWithin(key, pointer)) lists.delete(key);
    const rows = Math.min(list.max, Math.max(list.minRows, listLength(pointer), list.shown));
    list.shown = rows;
    const nodes = [];
    for (let i = 0; i < rows; i += 1) {
      const row = list.renderRow(i, rows);
      nodes.push(el('div', { className: `app-list__row${list.rowClass ? ` ${list.rowClass}` : ''}`, attrs: { 'data-row': `${pointer}/${i}` } }, [
        row?.root ?? row,
        rows > list.minRows ? removeButton(pointer, i, list.itemName) : null,
      ]));
    }
    if (rows === 0 && list.emptyText) nodes.push(el('p', { className: 'govuk-body app-list__empty', text: list.emptyText }));
    list.rowsContainer.replaceChildren(...nodes);
    list.rowsContainer.dataset.rows = String(rows);
    list.addButton.hidden = rows >= list.max;
    if (list.addText) list.addButton.textContent = list.addText(rows);
    for (const key of [...lists.keys()]) if (key !== pointer && pointerIsWithin(key, pointer)) renderList(key);
    fillFromModel(pointer);
  }

  function fillFromModel(under) {
    for (const [pointer, group] of registry) {
      if (group.fill && pointerIsWithin(pointer, under)) group.fill(getAt(model, parsePointer(pointer)));
    }
  }

  function addRow(pointer) {
    const list = lists.get(pointer);
    const rows = Math.max(list.minRows, listLength(pointer), list.shown);
    if (rows >= list.max) return;
    list.shown = rows + 1;
    renderList(pointer);
    afterChange(guarded(() => session.report()));
    formEl.querySelector(`[data-row="${CSS.escape(`${pointer}/${rows}`)}"]`)?.querySelector('input, select, textarea')?.focus();
  }

  function removeRow(pointer, index) {
    const draft = index < listLength(pointer) ? change(`${pointer}/${index}`, undefined) : guarded(() => session.report());
    const list = lists.get(pointer);
    list.shown = Math.max(0, list.shown - 1);
    // Re-key the "answered" marks of the rows after the one removed.
    const listSegs = parsePointer(pointer);
    for (const t of [...touched]) {
      if (t.startsWith('=') || t === pointer || !pointerIsWithin(t, pointer)) continue;
      const rest = parsePointer(t).slice(listSegs.length);
      const i = Number(rest[0]);
      if (!isIndex(rest[0]) || i < index) continue;
      touched.delete(t);
      if (i > index) touched.add(toPointer([...listSegs, i - 1, ...rest.slice(1)]));
    }
    touched.add(`=${pointer}`);
    renderList(pointer);
    afterChange(draft);
    list.addButton.focus();
  }

  /**
   * A list whose rows can be added and removed. `renderRow(i, rows)` returns the row's group (or node).
   * `addText(rows)` words the add button for the number of rows shown. `seedRows`: that many rows are in the data
   * from the start, as empty rows, so that a blank row on screen gets its own fields' messages ("Enter the child's
   * date of birth") rather than the list's ("Add at least one child"). `scalar`: a list of plain values (names,
   * dates) sent whole, blank rows as null, so that a blank row keeps its place.
   */
  function list(pointer, { legend, hintText, itemName, addLabel, addText, minRows = 0, initialRows = 0, seedRows = 0, max = Infinity, renderRow, legendClass, emptyText, legendExtra, rowClass, className, scalar = false }) {
    const rowsContainer = el('div', { className: 'app-list__rows' });
    const addButton = el('button', { className: 'govuk-button govuk-button--secondary app-list__add', text: addLabel ?? `Add another ${itemName}`, attrs: { type: 'button', 'data-add': pointer } });
    const group = fieldset(pointer, legend, [rowsContainer], { legendClass, hintText, extra: [addButton], legendExtra, className: `app-list${className ? ` ${className}` : ''}` });
    group.kind = 'list';
    group.focusId = () => rowsContainer.querySelector('input, select, textarea')?.id || addButton.id;
    addButton.id = `${group.id}-add`;
    lists.set(pointer, { rowsContainer, renderRow, minRows, addButton, addText, itemName, shown: initialRows, emptyText, max, rowClass, seedRows, scalar });
    return group;
  }

  // --- showing a report -----------------------------------------------------------------------------------------

  /** The registered field nearest to a path, and the rest of the path below it. */
  function resolve(path) {
    const segs = parsePointer(typeof path === 'string' ? path : '');
    for (let n = segs.length; n >= 0; n -= 1) {
      const group = registry.get(toPointer(segs.slice(0, n)));
      if (group) return { group, rest: segs.slice(n) };
    }
    return { group: registry.get(''), rest: [] };
  }

  /** Before a submit, a message shows when the person has answered its own field (not a field it mentions). */
  function visible(d, group) {
    if (submitted || (loaded && d.severity !== 'info')) return true;
    if (group.pointer === '') return d.severity !== 'info';
    if (typeof d.path !== 'string' || d.path === '') return false;
    for (const t of touched) if (t.startsWith('=') ? d.path === t.slice(1) : overlaps(d.path, t)) return true;
    return false;
  }

  /**
   * A date whose boxes hold the focus and are not all filled in yet (or the year has fewer than 4 digits); never
   * while the whole form is replaced.
   */
  function beingTyped(group) {
    if (replacing || (group.kind !== 'date' && group.kind !== 'datetime')) return false;
    return Object.values(group.inputs).includes(document.activeElement) && !group.complete();
  }

  /** Keep the focused field where it is on screen while `fn` changes what is above it. */
  function steady(fn) {
    const focused = document.activeElement;
    const inside = focused instanceof HTMLElement && formEl.contains(focused);
    const before = inside ? focused.getBoundingClientRect().top : 0;
    fn();
    if (!inside) return;
    const shift = focused.getBoundingClientRect().top - before;
    if (shift !== 0) window.scrollBy(0, shift);
  }

  function messageNode(d, id) {
    const body = messageText(d);
    const attrs = { id, 'data-code': d.code, 'data-severity': d.severity };
    if (d.severity === 'info') return el('div', { className: 'govuk-hint app-info-message', text: body, attrs });
    return el('p', { className: d.severity === 'error' ? 'govuk-error-message' : 'app-warning-message', attrs }, [
      el('span', { className: 'govuk-visually-hidden', text: d.severity === 'error' ? 'Error:' : 'Warning:' }),
      document.createTextNode(` ${body}`),
    ]);
  }

  function markInputs(group, rest) {
    const inputs = Object.values(group.inputs);
    if (group.kind === 'date' || group.kind === 'datetime') {
      for (const t of group.inputs[rest[0]] ? [group.inputs[rest[0]]] : inputs) t.classList.add('govuk-input--error');
    } else if (group.kind === 'text') group.inputs[''].classList.add('govuk-input--error');
    else if (group.kind === 'textarea') group.inputs[''].classList.add('govuk-textarea--error');
    else if (group.kind === 'select') group.inputs[''].classList.add('govuk-select--error');
  }

  /** Per field: its messages in order (the most specific error only, then warnings and notes, no repeats). */
  function byField(report, show) {
    const groups = new Map();
    for (const d of report?.diagnostics ?? []) {
      const { group, rest } = resolve(d.path);
      if (!group || !show(d, group)) continue;
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push({ d, rest });
    }
    for (const [group, entries] of groups) {
      entries.sort((a, b) => SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity]
        || (a.d.severity === 'error' ? b.rest.length - a.rest.length : 0));
      const seen = new Set();
      groups.set(group, entries.filter(({ d }, i) => {
        if (d.severity === 'error' && i > 0 && entries[0].d.severity === 'error' && group.pointer !== '') return false;
        const key = `${d.severity}|${d.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }));
    }
    return groups;
  }

  function showReport(report) {
    lastReport = report;
    const shown = report ? byField(report, visible) : new Map();
    steady(() => {
      for (const group of registry.values()) {
        if (beingTyped(group)) continue; // its messages wait until the date is typed or left
        group.slot?.replaceChildren();
        group.root?.classList.remove('govuk-form-group--error', 'app-form-group--warning');
        for (const input of Object.values(group.inputs)) input.classList.remove(...ERROR_CLASSES);
        const entries = shown.get(group) ?? [];
        const ids = entries.map(({ d }, n) => `${group.id}-${d.severity}-${n}`);
        entries.forEach(({ d, rest }, n) => {
          group.slot?.append(messageNode(d, ids[n]));
          if (d.severity === 'error') markInputs(group, rest);
        });
        const errors = entries.some(({ d }) => d.severity === 'error');
        group.root?.classList.toggle('govuk-form-group--error', errors);
        group.root?.classList.toggle('app-form-group--warning', !errors && entries.some(({ d }) => d.severity === 'warning'));
        if (group.describe) {
          const all = [...(group.describedBase ?? []), ...ids];
          if (all.length) group.describe.setAttribute('aria-describedby', all.join(' '));
          else group.describe.removeAttribute('aria-describedby');
        }
      }
      showOutcome(state === 'ready' && report ? report.outcome : null, state, model);
    });
  }

  function showSummary(report) {
    const summary = $('error-summary');
    const listEl = $('error-summary-list');
    const success = $('success-banner');
    listEl.replaceChildren();
    if (success) success.hidden = true;
    const title = baseTitle();
    if (!report) {
      summary.hidden = true;
      document.title = `Error: ${title}`;
      return;
    }
    const errors = byField({ diagnostics: (report.diagnostics ?? []).filter((d) => d.severity === 'error') }, () => true);
    if (errors.size === 0) {
      summary.hidden = true;
      document.title = title;
      const warnings = (report.diagnostics ?? []).filter((d) => d.severity === 'warning').length;
      if ($('success-banner-title')) $('success-banner-title').textContent = 'Success';
      $('success-banner-text').textContent = warnings
        ? `The ${noun} has no errors. Check the ${warnings === 1 ? 'warning' : `${warnings} warnings`} by the answers.`
        : `The ${noun} has no errors.`;
      success.hidden = false;
      success.scrollIntoView({ block: 'start' });
      success.focus({ preventScroll: true });
      return;
    }
    for (const [group, entries] of errors) {
      for (const { d, rest } of entries) {
        const target = group.focusId?.(rest) ?? formEl.id;
        listEl.append(el('li', {}, [el('a', { text: curly(d.message), attrs: { href: `#${target}`, 'data-path': d.path } })]));
      }
    }
    summary.hidden = false;
    document.title = `Error: ${title}`;
    // GOV.UK: the summary is focused on arrival; scrolled to the top of the screen first, so that a page whose
    // panels sit beside the form cannot leave its heading above the fold.
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
  }

  function focusTarget(id) {
    const target = document.getElementById(id);
    if (!target) return false;
    const legend = target.closest('fieldset')?.querySelector(':scope > legend');
    const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
    const inGroup = legend && target.closest('.govuk-date-input, .govuk-radios, .govuk-checkboxes') !== null;
    (inGroup ? legend : label ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
    return true;
  }

  // --- events -----------------------------------------------------------------------------------------------------

  function onFieldEvent(event) {
    const t = event.target;
    if (!(t instanceof HTMLElement)) return;
    if (config.onEvent?.(event, api)) return;
    const pointer = t.dataset.group;
    if (pointer === undefined) return;
    const group = registry.get(pointer);
    if (!group) return;
    const choice = ['radios', 'select', 'checkbox', 'checkboxes'].includes(group.kind);
    if (choice && event.type === 'input') return; // handled on change
    if (group.kind === 'checkbox') {
      group.sync?.();
      for (const inner of group.controls ?? []) {
        const innerValue = t.checked ? inner.read() : undefined;
        if (JSON.stringify(getAt(model, parsePointer(inner.pointer))) !== JSON.stringify(innerValue)) change(inner.pointer, innerValue);
      }
    }
    const dateLike = group.kind === 'date' || group.kind === 'datetime';
    if ((event.type === 'change' && !dateLike) || choice || (dateLike && group.complete())) touched.add(pointer);
    const parent = toPointer(parsePointer(pointer).slice(0, -1));
    const target = lists.get(parent)?.scalar ? parent : pointer;
    const value = target === pointer ? group.read() : scalarValue(parent);
    if (JSON.stringify(getAt(model, parsePointer(target))) === JSON.stringify(value)) {
      if (event.type === 'change') afterChange(guarded(() => session.report()));
      return;
    }
    afterChange(change(target, value));
  }

  /** Leaving a date's boxes: it counts as answered (if anything is typed), and its held messages are shown. */
  function onFocusOut(event) {
    const t = event.target;
    if (!(t instanceof HTMLElement) || !t.dataset.part) return;
    const pointer = t.dataset.group;
    const group = registry.get(pointer);
    if (!group) return;
    const next = event.relatedTarget;
    if (next instanceof HTMLElement && next.dataset.group === pointer) return;
    if (group.read() !== undefined) touched.add(pointer);
    // After focus has moved, so that the group no longer counts as being typed.
    setTimeout(() => afterChange(guarded(() => session.report())), 0);
  }

  function onClick(event) {
    const t = event.target instanceof Element ? event.target.closest('button') : null;
    if (!t) return;
    if (t.dataset.add !== undefined && lists.has(t.dataset.add)) {
      event.preventDefault();
      addRow(t.dataset.add);
    } else if (t.dataset.remove !== undefined && lists.has(t.dataset.remove)) {
      event.preventDefault();
      removeRow(t.dataset.remove, Number(t.dataset.index));
    }
  }

  /** Check the form as it is now (stage "submit"); shows the summary. Returns the report, or null when unchecked. */
  function check() {
    submitted = true;
    if (!session) {
      showReport(null);
      showSummary(null);
      setState('unavailable', `The ${noun} could not be checked.`);
      $('checks-status')?.scrollIntoView();
      return null;
    }
    const report = guarded(() => checks.validate(formId, session.data(), options('submit')));
    if (report && state !== 'ready') setState('ready');
    showReport(report);
    showSummary(report);
    return report;
  }

  function onSubmit(event) {
    event.preventDefault();
    check();
  }

  function onSummaryClick(event) {
    const a = event.target instanceof Element ? event.target.closest('a') : null;
    if (!a || !a.hash) return;
    if (focusTarget(decodeURIComponent(a.hash.slice(1)))) event.preventDefault();
  }

  // --- loading whole forms ------------------------------------------------------------------------------------------

  /** Empty rows for the lists that start with rows in the data (`seedRows`). */
  function seed() {
    for (const [pointer, l] of lists) {
      if (!l.seedRows || listLength(pointer) >= l.seedRows) continue;
      const rows = getAt(model, parsePointer(pointer));
      change(pointer, [...(Array.isArray(rows) ? rows : []), ...Array.from({ length: l.seedRows - listLength(pointer) }, () => ({}))]);
    }
  }

  /** Replace the whole form (an example, a reset). Every loaded answer counts as answered; nothing is submitted. */
  function load(data, { answered = true } = {}) {
    model = clone(data) ?? {};
    touched.clear();
    submitted = false;
    loaded = answered;
    if (answered) for (const p of leafPointers(model)) if (p !== '') touched.add(p);
    for (const l of lists.values()) l.shown = l.initial ?? 0;
    for (const pointer of [...lists.keys()]) if (lists.has(pointer)) renderList(pointer);
    fillFromModel('');
    $('error-summary').hidden = true;
    if ($('success-banner')) $('success-banner').hidden = true;
    document.title = baseTitle();
    guarded(() => session.load(clone(model)));
    seed();
    const report = guarded(() => session.report());
    // A date being typed keeps the messages it shows until it is typed or left; a whole new form keeps none of them
    // (the boxes may still hold the focus after a reset).
    replacing = true;
    try {
      afterChange(report);
    } finally {
      replacing = false;
    }
    return report;
  }

  /**
   * Build the fields, load the module, open the session. `build(checks)` returns the page's top-level groups or
   * nodes, or null when there is nothing to check.
   */
  async function start(build) {
    if (!registry.has('')) {
      register({ pointer: '', kind: 'form', id: 'form', root: null, slot: $('form-messages'), inputs: {}, describedBase: [], focusId: () => formEl.querySelector('input, select, textarea')?.id ?? formEl.id });
    }
    try {
      checks = config.checks ?? await loadChecks(formId);
    } catch (err) {
      checks = null;
      console.warn(`safeguarding-forms: module not loaded: ${err && err.message}`);
    }
    const nodes = await build(checks);
    if (nodes === null) return; // the page has nothing to check (an unknown form)
    config.fieldsEl?.replaceChildren(...nodes.map((n) => n?.root ?? n).filter(Boolean));
    for (const l of lists.values()) l.initial = l.shown;
    for (const pointer of [...lists.keys()]) if (lists.has(pointer)) renderList(pointer);
    formEl.addEventListener('input', onFieldEvent);
    formEl.addEventListener('change', onFieldEvent);
    formEl.addEventListener('focusout', onFocusOut);
    formEl.addEventListener('click', onClick);
    formEl.addEventListener('submit', onSubmit);
    // A reset button clears the boxes; the data, the session and every message follow once it has.
    formEl.addEventListener('reset', () => setTimeout(() => load({}, { answered: false }), 0));
    $('error-summary').addEventListener('click', onSummaryClick);
    if (!checks) {
      setState('unavailable', 'The checks could not be loaded. Your answers will not be checked.');
      showOutcome(null, state, model);
      return;
    }
    showCouncil();
    if (config.profileLoader !== false && checks.checkProfile) mountProfileLoader(api, checks, formEl);
    try {
      session = new checks.FormSession(formId, options('draft'));
      seed();
      const report = session.report();
      setState('ready');
      showReport(report);
    } catch (err) {
      session = null;
      console.error(`safeguarding-forms: session failed: ${err && err.message}`);
      setState('unavailable', 'The checks could not be started. Your answers will not be checked.');
      showOutcome(null, state, model);
    }
  }

  /** The council's name where the page marks it (`data-sf-council`), from the profile in force. */
  function showCouncil() {
    const name = checks ? councilOf(checks, opts.profile, api.today) : null;
    for (const e of document.querySelectorAll('[data-sf-council]')) {
      e.textContent = name ? `${name} ` : '';
      e.hidden = !name;
    }
    document.body.dataset.council = name ?? '';
  }

  /** New options (e.g. a council profile): a new session with the same data. */
  function setOptions(next) {
    opts = { ...opts, ...next };
    if (Object.hasOwn(next, 'profile') && next.profile === undefined) delete opts.profile;
    showCouncil();
    if (!checks) return;
    for (const group of registry.values()) group.refresh?.();
    try { session?.free(); } catch { /* replaced below */ }
    try {
      session = new checks.FormSession(formId, options('draft'));
      afterChange(guarded(() => session.load(clone(model))));
    } catch (err) {
      session = null;
      setState('unavailable', `The checks could not use those settings: ${err && err.message}`);
    }
  }

  const api = {
    text, date, select, radios, yesNo, checkbox, checkboxes, fieldset, list, register, slot,
    start, load, check, change, afterChange, guarded, setState, setOptions, resolve, renderList, fillFromModel, idFor, localList,
    touch: (pointer) => touched.add(pointer),
    report: () => guarded(() => session.report()),
    options,
    get registry() { return registry; },
    get checks() { return checks; },
    get session() { return session; },
    get state() { return state; },
    get model() { return model; },
    get submitted() { return submitted; },
    get lastReport() { return lastReport; },
    get today() { return opts.today ?? londonToday(); },
  };
  return api;
}
