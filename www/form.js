// The generic page of any form: /www/form.html?form=<id>[&today=YYYY-MM-DD][&profile=<id>]
//
// - The form is drawn from the package's `schema(id)` (render/fields.js) and an optional layout (render/layouts.js),
//   in the model's field order (recovered from the report's diagnostic order, see render/schema.js).
// - One FormSession (stage "draft") receives every change as `set(pointer, value)` / `remove(pointer)`: dates as
//   { day, month, year } as typed, numbers as typed, booleans as true / false.
// - Submitting re-checks `session.data()` with `validate(id, data, { stage: "submit" })`, shows GOV.UK's error
//   summary and prefixes the title with "Error: ".
// - The outcome is drawn generically (render/outcome.js). Messages are text (textContent), never HTML.
// - If the module cannot load or a call fails, the page says "Checks unavailable", never that there are no problems.

import { startGovukFrontend, loadChecks, PAGES } from '/www/common.js';
import { el, warningText } from '/www/render/dom.js';
import {
  parsePointer, toPointer, getAt, setAt, removeAt, ensureParents, clone, pointerIsWithin, overlaps, fieldOrder,
  probeData, formatDate, londonToday, isIndex,
} from '/www/render/schema.js';
import { createRenderer } from '/www/render/fields.js';
import { renderOutcome } from '/www/render/outcome.js';
import { LAYOUTS } from '/www/render/layouts.js';

const params = new URLSearchParams(location.search);
const FORM_ID = params.get('form') ?? '';
const today = /^\d{4}-\d{2}-\d{2}$/.test(params.get('today') ?? '') ? params.get('today') : undefined;
const profile = /^[a-z0-9-]{1,40}$/.test(params.get('profile') ?? '') ? params.get('profile') : undefined;
const options = (stage) => ({ stage, ...(today ? { today } : {}), ...(profile ? { profile } : {}) });

const $ = (id) => document.getElementById(id);
let baseTitle = document.title;

let checks = null;
let session = null;
let schema = null;
let renderer = null;
let layout = {};
let state = 'loading'; // loading | ready | unavailable
let submitted = false;
let model = {};
const touched = new Set();

// ---------------------------------------------------------------------------------------------------------------
// State

function setState(next, detail) {
  state = next;
  document.body.dataset.checks = next;
  const box = $('checks-status');
  if (next === 'ready') box.replaceChildren();
  else if (next === 'loading') box.replaceChildren(el('p', { className: 'govuk-body', text: 'Loading the checks…' }));
  else {
    box.replaceChildren(warningText(`Checks unavailable. ${detail ?? 'Your answers have not been checked.'}`));
    box.firstChild.classList.add('app-checks-unavailable');
    showOutcome(null);
  }
}

/** Run one call into the module. On failure: "Checks unavailable", a fresh session from the page's copy, null. */
function guarded(fn) {
  if (!checks || !session) return null;
  try {
    const result = fn();
    // The package's "checks unavailable" report (a trap inside the module, healed for the next call): never shown
    // as the form's findings, never "valid".
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

/** Change one field (`undefined` removes it). Returns the new draft report, or null when unavailable. */
function change(pointer, value) {
  const segs = parsePointer(pointer);
  if (value === undefined) {
    if (getAt(model, segs) === undefined) return guarded(() => session.report());
    removeAt(model, segs);
    return guarded(() => session.remove(pointer));
  }
  for (const { pointer: p, value: v } of ensureParents(model, segs, schema)) {
    guarded(() => session.set(p, v));
  }
  setAt(model, segs, clone(value));
  return guarded(() => session.set(pointer, clone(value)));
}

// A message appearing when a field loses focus to a press on the submit button would move the button from under
// the pointer and swallow the click: while it is pressed, drawing waits until after the click.
let pressing = false;
let pending = null;

function afterChange(draft) {
  if (pressing) {
    pending = { draft };
    return;
  }
  pending = null;
  $('success-banner').hidden = true;
  if (state === 'unavailable' && draft && session) setState('ready');
  const report = draft && submitted ? guarded(() => checks.validate(FORM_ID, session.data(), options('submit'))) : draft;
  showReport(report);
}

// ---------------------------------------------------------------------------------------------------------------
// Messages by the fields

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** The rendered group nearest to a diagnostic's path, and the rest of the path below it. */
function resolve(path) {
  const segs = parsePointer(path);
  for (let n = segs.length; n >= 0; n -= 1) {
    const group = renderer.registry.get(toPointer(segs.slice(0, n)));
    if (group) return { group, rest: segs.slice(n) };
  }
  return { group: renderer.registry.get(''), rest: [] };
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

const ERROR_CLASSES = ['govuk-input--error', 'govuk-select--error', 'govuk-textarea--error'];

function clearMessages() {
  for (const group of renderer.registry.values()) {
    group.slot?.replaceChildren();
    group.root?.classList.remove('govuk-form-group--error', 'app-form-group--warning');
    for (const input of Object.values(group.inputs)) input.classList.remove(...ERROR_CLASSES);
    if (group.describe) {
      if (group.describedBase.length) group.describe.setAttribute('aria-describedby', group.describedBase.join(' '));
      else group.describe.removeAttribute('aria-describedby');
    }
  }
}

function messageNode(d, id) {
  const text = d.due ? `${d.message} (due ${formatDate(d.due)})` : d.message;
  const attrs = { id, 'data-code': d.code, 'data-severity': d.severity };
  if (d.severity === 'error') {
    return el('p', { className: 'govuk-error-message', attrs }, [
      el('span', { className: 'govuk-visually-hidden', text: 'Error:' }), document.createTextNode(` ${text}`),
    ]);
  }
  if (d.severity === 'warning') {
    return el('p', { className: 'app-warning-message', attrs }, [
      el('span', { className: 'govuk-visually-hidden', text: 'Warning:' }), document.createTextNode(` ${text}`),
    ]);
  }
  return el('div', { className: 'govuk-hint app-info-message', text, attrs });
}

function markInputs(group, rest) {
  if (group.kind === 'date' || group.kind === 'datetime') {
    const targets = group.inputs[rest[0]] ? [group.inputs[rest[0]]] : Object.values(group.inputs);
    for (const t of targets) t.classList.add('govuk-input--error');
  } else if (group.kind === 'text') group.inputs[''].classList.add('govuk-input--error');
  else if (group.kind === 'textarea') group.inputs[''].classList.add('govuk-textarea--error');
  else if (group.kind === 'select') group.inputs[''].classList.add('govuk-select--error');
}

function showReport(report) {
  clearMessages();
  if (!report) {
    showOutcome(null);
    return;
  }
  const byGroup = new Map();
  for (const d of report.diagnostics ?? []) {
    const { group, rest } = resolve(typeof d.path === 'string' ? d.path : '');
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
      } else if (d.severity === 'warning') warnings += 1;
    });
    if (group.root) {
      group.root.classList.toggle('govuk-form-group--error', errors > 0);
      group.root.classList.toggle('app-form-group--warning', errors === 0 && warnings > 0);
    }
    if (group.describe) group.describe.setAttribute('aria-describedby', group.describedBase.concat(ids).join(' '));
  }
  showOutcome(report.outcome);
}

function showOutcome(outcome) {
  const body = $('outcome-body');
  if (!body) return;
  if (state !== 'ready') {
    body.replaceChildren(state === 'loading'
      ? el('p', { className: 'govuk-body', text: 'Checking…' })
      : el('p', { className: 'govuk-body' }, [el('strong', { className: 'govuk-tag govuk-tag--orange', text: 'Checks unavailable' })]));
    $('outcome').dataset.outcome = state;
    return;
  }
  body.replaceChildren(...renderOutcome(outcome, { today: today ?? londonToday(), labels: layout.enumLabels }));
  $('outcome').dataset.outcome = outcome ? 'shown' : 'none';
}

// ---------------------------------------------------------------------------------------------------------------
// The error summary

function showSummary(report) {
  const summary = $('error-summary');
  const list = $('error-summary-list');
  const success = $('success-banner');
  list.replaceChildren();
  success.hidden = true;
  if (!report) {
    summary.hidden = true;
    document.title = `Error: ${baseTitle}`;
    return;
  }
  const errors = (report.diagnostics ?? []).filter((d) => d.severity === 'error');
  if (errors.length === 0) {
    summary.hidden = true;
    document.title = baseTitle;
    const warnings = (report.diagnostics ?? []).filter((d) => d.severity === 'warning').length;
    $('success-banner-text').textContent = warnings
      ? `The form has no errors. Check the ${warnings === 1 ? 'warning' : `${warnings} warnings`} by the answers.`
      : 'The form has no errors.';
    success.hidden = false;
    success.focus();
    return;
  }
  const seen = new Set();
  for (const d of errors) {
    const { group, rest } = resolve(typeof d.path === 'string' ? d.path : '');
    const target = group.focusId(rest) ?? 'sf-form';
    const key = `${target}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    list.append(el('li', {}, [el('a', { text: d.message, attrs: { href: `#${target}`, 'data-path': d.path } })]));
  }
  summary.hidden = false;
  document.title = `Error: ${baseTitle}`;
  summary.focus();
}

function focusTarget(id) {
  const target = document.getElementById(id);
  if (!target) return false;
  const legend = target.closest('fieldset')?.querySelector(':scope > legend');
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  const inGroup = target.closest('.govuk-date-input, .govuk-radios, .govuk-checkboxes') !== null;
  ((inGroup ? legend : label) ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Events

function onFieldEvent(event) {
  const t = event.target;
  if (!(t instanceof HTMLElement)) return;
  const pointer = t.dataset.group;
  if (pointer === undefined) return;
  const group = renderer.registry.get(pointer);
  if (!group) return;
  const choice = group.kind === 'radios' || group.kind === 'select' || group.kind === 'checkboxes';
  if (choice && event.type === 'input') return; // handled on change
  const value = group.read();
  const dateLike = group.kind === 'date' || group.kind === 'datetime';
  if ((event.type === 'change' && !dateLike) || choice || (dateLike && group.complete())) touched.add(pointer);
  const previous = getAt(model, parsePointer(pointer));
  if (JSON.stringify(previous) === JSON.stringify(value)) {
    if (event.type === 'change') afterChange(guarded(() => session.report()));
    return;
  }
  afterChange(change(pointer, value));
}

/** A date counts as answered when the person leaves its boxes, even if not every box is filled. */
function onFocusOut(event) {
  const t = event.target;
  if (!(t instanceof HTMLElement) || !t.dataset.part) return;
  const pointer = t.dataset.group;
  const group = renderer.registry.get(pointer);
  if (!group) return;
  const next = event.relatedTarget;
  if (next instanceof HTMLElement && next.dataset.group === pointer) return;
  if (touched.has(pointer) || group.read() === undefined) return;
  touched.add(pointer);
  afterChange(guarded(() => session.report()));
}

function listLength(pointer) {
  const v = getAt(model, parsePointer(pointer));
  return Array.isArray(v) ? v.length : 0;
}

function onClick(event) {
  const t = event.target instanceof Element ? event.target.closest('button') : null;
  if (!t) return;
  if (t.dataset.add !== undefined) {
    event.preventDefault();
    const row = renderer.addRow(t.dataset.add);
    afterChange(guarded(() => session.report()));
    row?.querySelector('input, select, textarea')?.focus();
  } else if (t.dataset.remove !== undefined) {
    event.preventDefault();
    const list = t.dataset.remove;
    const index = Number(t.dataset.index);
    const draft = index < listLength(list) ? change(`${list}/${index}`, undefined) : guarded(() => session.report());
    // Re-key the "touched" marks of the rows after the one removed.
    const listSegs = parsePointer(list);
    for (const mark of [...touched]) {
      if (mark.startsWith('=') || mark === list || !pointerIsWithin(mark, list)) continue;
      const rest = parsePointer(mark).slice(listSegs.length);
      if (!isIndex(rest[0])) continue;
      const i = Number(rest[0]);
      if (i === index) touched.delete(mark);
      else if (i > index) {
        touched.delete(mark);
        touched.add(toPointer([...listSegs, i - 1, ...rest.slice(1)]));
      }
    }
    touched.add(`=${list}`);
    const add = renderer.rowRemoved(list);
    afterChange(draft);
    add.focus();
  }
}

function onSubmit(event) {
  event.preventDefault();
  submitted = true;
  pressing = false;
  pending = null;
  if (!session) {
    showReport(null);
    showSummary(null);
    setState('unavailable', 'The form could not be checked, so it has not been submitted.');
    $('checks-status').scrollIntoView();
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

function notFound(text) {
  $('form-title').textContent = 'Form not found';
  document.title = `Form not found – Safeguarding forms`;
  baseTitle = document.title;
  $('form-intro').replaceChildren(
    el('p', { className: 'govuk-body', text }),
    el('p', { className: 'govuk-body' }, [el('a', { className: 'govuk-link', text: 'See all the forms', attrs: { href: '/' } })]),
  );
  document.body.dataset.checks = 'not-found';
  $('checks-status').replaceChildren();
  $('outcome').hidden = true;
}

async function start() {
  startGovukFrontend();
  try {
    checks = await loadChecks();
  } catch (err) {
    checks = null;
    console.warn(`safeguarding-forms: module not loaded: ${err && err.message}`);
    $('form-title').textContent = FORM_ID ? `Form ${FORM_ID}` : 'Form';
    setState('unavailable', 'The checks could not be loaded, so this form cannot be shown or checked.');
    return;
  }

  let info;
  try {
    info = checks.forms().find((f) => f.id === FORM_ID);
  } catch (err) {
    setState('unavailable', 'The list of forms could not be read.');
    return;
  }
  if (!info) {
    notFound(FORM_ID ? `There is no form with the id “${FORM_ID}”.` : 'No form was named in the address of this page.');
    return;
  }

  layout = LAYOUTS[FORM_ID] ?? {};
  document.title = `${info.title} – Safeguarding forms`;
  baseTitle = document.title;
  $('form-title').textContent = info.title;
  document.body.dataset.form = FORM_ID;
  try {
    const rules = checks.rules(FORM_ID);
    const own = rules.filter((r) => r.citation?.document === info.source);
    const docTitles = [...new Set((own.length ? own : rules).map((r) => r.citation?.title).filter(Boolean))];
    $('form-caption').textContent = docTitles.join('; ') || info.source;
  } catch {
    $('form-caption').textContent = info.source;
  }
  const intro = [
    el('p', { className: 'govuk-body', text: layout.intro ?? `Answers are checked as you type against ${info.rules} ${info.rules === 1 ? 'rule' : 'rules'}. Required answers are only flagged as errors when you submit.` }),
  ];
  if (PAGES[FORM_ID]) {
    intro.push(el('p', { className: 'govuk-body' }, [
      document.createTextNode('This form also has a '),
      el('a', { className: 'govuk-link', text: 'bespoke page', attrs: { href: PAGES[FORM_ID] } }),
      document.createTextNode('.'),
    ]));
  }
  $('form-intro').replaceChildren(...intro);

  try {
    schema = checks.schema(FORM_ID);
  } catch (err) {
    setState('unavailable', 'The form’s description could not be read.');
    return;
  }
  let order = null;
  try {
    order = fieldOrder(schema, checks.validate(FORM_ID, probeData(schema), options('draft')).diagnostics);
  } catch {
    order = null; // schema order, then
  }

  renderer = createRenderer({ schema, layout, order, getModel: () => model });
  renderer.registry.set('', {
    pointer: '', kind: 'form', id: 'f-form', root: null, slot: $('form-messages'), inputs: {}, describedBase: [],
    focusId: () => $('form-fields').querySelector('input, select, textarea')?.id ?? 'submit-button',
  });
  $('form-fields').replaceChildren(...renderer.build());
  renderer.renderAllLists();

  const form = $('sf-form');
  form.hidden = false;
  form.addEventListener('input', onFieldEvent);
  form.addEventListener('change', onFieldEvent);
  form.addEventListener('focusout', onFocusOut);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', onSubmit);
  form.addEventListener('pointerdown', (e) => {
    if (e.target instanceof Element && e.target.closest('button[type="submit"]')) pressing = true;
  }, true);
  const release = () => {
    if (!pressing) return;
    pressing = false;
    setTimeout(() => {
      if (pending) afterChange(pending.draft);
    }, 0);
  };
  window.addEventListener('pointerup', release, true);
  window.addEventListener('pointercancel', release, true);
  $('error-summary').addEventListener('click', onSummaryClick);

  try {
    session = new checks.FormSession(FORM_ID, options('draft'));
    const report = session.report();
    setState('ready');
    showReport(report);
  } catch (err) {
    session = null;
    console.error(`safeguarding-forms: session failed: ${err && err.message}`);
    setState('unavailable', 'The checks could not be started. Your answers will not be checked.');
  }
}

start();
