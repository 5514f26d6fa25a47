// Strengthening Families referral (`sf-referral`): a GOV.UK-style form checked live by the WebAssembly module.
//
// - One FormSession (stage "draft") receives every change as `set(pointer, value)` / `remove(pointer)`.
// - "Submit referral" re-checks the form as it stands with `validate(..., { stage: "submit" })` on `session.data()`.
// - Messages are written with textContent only. If the module cannot load or a call fails, the page says
//   "Checks unavailable" and never claims the form has no problems.
// - `?today=YYYY-MM-DD` in the page's address fixes "today" (for demos and tests).

import { startGovukFrontend, loadChecks, el } from '/www/common.js';

const FORM_ID = 'sf-referral';
const BASE_TITLE = document.title;

// ---------------------------------------------------------------------------------------------------------------
// The form's vocabulary (forms.md §1). Ids are the package's; the labels are this page's.

const ROUTES = [
  ['early-help-assessment', 'Early help assessment (EHA)'],
  ['early-help-support-plan', 'Early help support plan (EHSP)'],
  ['social-work-assessment', 'Social work assessment'],
  ['section-47', 'Section 47 enquiry'],
  ['ccs', 'CCS'],
  ['child-in-need-plan', 'Child in need (CIN) plan'],
  ['child-protection-plan', 'Child protection (CP) plan'],
  ['health', 'Health'],
  ['education', 'Education'],
  ['family-connect-triage', 'Family Connect triage'],
  ['targeted-group', 'Targeted group referral'],
  ['locality-transfer', 'Transfer from another locality'],
  ['self-referral', 'Self-referral by the family'],
];

const SERVICES = [
  ['whole-family-working', 'Whole family working'],
  ['short-term-intervention', 'Short term intervention'],
  ['targeted-intervention', 'Targeted intervention'],
  ['service-specific', 'Service specific'],
];

const ASSESSMENT_TYPES = [
  ['early-help-assessment', 'Early help assessment'],
  ['early-help-support-plan', 'Early help support plan'],
  ['social-work-assessment', 'Social work assessment'],
  ['partner-assessment', 'Partner assessment'],
];

const PLAN_TYPES = [
  ['early-help-support-plan', 'Early help support plan'],
  ['child-in-need-plan', 'Child in need plan'],
  ['child-protection-plan', 'Child protection plan'],
  ['partner-plan', 'Partner plan'],
];

const LOCALITIES = [
  ['hadley-castle', 'Hadley Castle'],
  ['the-wrekin', 'The Wrekin'],
  ['lakeside-south', 'Lakeside South'],
];

const YES_NO = [
  ['true', 'Yes'],
  ['false', 'No'],
];

const DOMAINS = [
  { id: 'need-help', label: 'Children and families who need help', items: [
    ['supported-by-assessment', 'A child is supported by an early help assessment, a social work assessment or another partner assessment'],
  ] },
  { id: 'youth-crime', label: 'Youth crime, antisocial behaviour and criminal exploitation', items: [
    ['asb-level-2', 'At least a level 2 antisocial behaviour (ASB) letter'],
    ['youth-offending', 'Open to youth offending'],
  ] },
  { id: 'adult-crime', label: 'Adult crime', items: [
    ['adult-offending', 'An adult living in the family home committed, and was investigated for, a crime in the last 12 months'],
    ['parent-prison', 'A parent is in, or about to be released from, prison'],
  ] },
  { id: 'school-attendance', label: 'School attendance', items: [
    ['attendance-below-90', 'A child’s overall school attendance is below 90%'],
    ['vulnerable-learner', 'A child is identified as a vulnerable learner'],
    ['repeated-exclusions', 'A child has repeated fixed-term or permanent exclusions'],
    ['not-registered', 'A child is not registered with a school'],
  ] },
  { id: 'ensuring-safety', label: 'Ensuring safety', items: [
    ['missing-3-in-90', 'A child went missing 3 or more times in the last 90 days and is eligible for a return home interview'],
    ['cse-risk', 'A child is at risk of sexual exploitation'],
    ['radicalisation-risk', 'A child is at risk of radicalisation'],
    ['fgm-risk', 'A child is at risk of female genital mutilation (FGM)'],
    ['trafficking-risk', 'A child is at risk of trafficking'],
    ['cp-or-cin', 'A child is on a child protection (CP) or child in need (CIN) plan'],
  ] },
  { id: 'parenting', label: 'Parenting', items: [
    ['complex-needs', 'Children with additional complex needs'],
    ['parental-substance-misuse', 'Evidence of parental drug and alcohol use'],
    ['domestic-abuse', 'Evidence of domestic abuse'],
    ['parental-mental-health', 'Diagnosed parental mental health issues'],
    ['physical-chastisement', 'There is physical chastisement'],
    ['left-unattended', 'Children have been repeatedly left unattended'],
    ['missing-not-reported', 'Children repeatedly go missing and are not reported'],
    ['home-conditions', 'Home conditions (hoarding, safety, hygiene) are affecting the child’s welfare'],
    ['homelessness-risk', 'The family is at imminent risk of becoming homeless'],
    ['no-recourse-public-funds', 'No recourse to public funds'],
  ] },
];

const DOMAIN_LABEL = new Map(DOMAINS.map((d) => [d.id, d.label]));
const CRITERION_LABEL = new Map(DOMAINS.flatMap((d) => d.items));
const CRITERION_IDS = DOMAINS.flatMap((d) => d.items.map(([id]) => id));

// ---------------------------------------------------------------------------------------------------------------
// JSON Pointers and the page's own copy of the data (kept so that the page still works, and a new session can be
// loaded, if a call into the module fails).

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
const today = /^\d{4}-\d{2}-\d{2}$/.test(params.get('today') ?? '') ? params.get('today') : undefined;
const options = (stage) => (today ? { stage, today } : { stage });

let checks = null; // the module's exports once loaded
let session = null; // FormSession (draft)
let state = 'loading'; // loading | ready | unavailable
let lastReport = null; // the report on display
let submitted = false; // after the first submit, every message shows and the submit stage is used
const touched = new Set(); // field pointers the person has changed

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
  // A "no errors" message from an earlier submit no longer describes the form.
  document.getElementById('success-banner').hidden = true;
  if (state === 'unavailable' && draft && session) setState('ready');
  const report = currentReport(draft);
  showReport(report);
}

// ---------------------------------------------------------------------------------------------------------------
// Building the form. Every field is a "group" registered under its JSON Pointer; a diagnostic is shown by the
// group whose pointer is the longest prefix of its path.

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

/** Text input (also numbers, email, phone). */
function textField(pointer, label, { hintText, width, type = 'text', inputmode, autocomplete, spellcheck, suffix, number } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const input = el('input', {
    className: `govuk-input${width ? ` govuk-input--width-${width}` : ''}`,
    attrs: {
      id, name: id, type, inputmode, autocomplete: autocomplete ?? 'off',
      spellcheck: spellcheck === false ? 'false' : undefined,
      'aria-describedby': hintEl ? hintEl.id : undefined,
      'data-pointer': pointer,
    },
  });
  const messages = slot();
  const root = el('div', { className: 'govuk-form-group' }, [
    el('label', { className: 'govuk-label', text: label, attrs: { for: id } }),
    hintEl,
    messages,
    suffix
      ? el('div', { className: 'govuk-input__wrapper' }, [input, el('div', { className: 'govuk-input__suffix', text: suffix, attrs: { 'aria-hidden': 'true' } })])
      : input,
  ]);
  const group = register({
    pointer, kind: 'text', id, root, slot: messages, inputs: { '': input }, describedBase: hintEl ? [hintEl.id] : [], describe: input,
    focusId: () => id,
    read: () => {
      const raw = input.value;
      if (raw.trim() === '') return undefined;
      if (number && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return Number(raw);
      return raw;
    },
    fill: (v) => { input.value = v === undefined || v === null ? '' : String(v); },
  });
  input.dataset.group = pointer;
  return group;
}

/** GOV.UK date input: day, month and year, sent as { day, month, year } strings as typed. */
function dateField(pointer, legend, { hintText = 'For example, 27 3 2026', legendSize } = {}) {
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
  const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { role: 'group', 'aria-describedby': hintEl ? hintEl.id : undefined } }, [
    el('legend', { className: `govuk-fieldset__legend${legendSize ? ` govuk-fieldset__legend--${legendSize}` : ''}`, text: legend }),
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
      } else if (v && typeof v === 'object') {
        d = { day: v.day ?? '', month: v.month ?? '', year: v.year ?? '' };
      }
      for (const p of ['day', 'month', 'year']) parts[p].value = String(d[p]);
    },
  });
}

function selectField(pointer, label, choices, { hintText } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const select = el('select', {
    className: 'govuk-select',
    attrs: { id, name: id, 'aria-describedby': hintEl ? hintEl.id : undefined, 'data-pointer': pointer },
  }, [el('option', { text: 'Choose an option', attrs: { value: '' } }), ...choices.map(([v, t]) => el('option', { text: t, attrs: { value: v } }))]);
  select.dataset.group = pointer;
  const messages = slot();
  const root = el('div', { className: 'govuk-form-group' }, [
    el('label', { className: 'govuk-label', text: label, attrs: { for: id } }),
    hintEl,
    messages,
    select,
  ]);
  return register({
    pointer, kind: 'select', id, root, slot: messages, inputs: { '': select }, describedBase: hintEl ? [hintEl.id] : [], describe: select,
    focusId: () => id,
    read: () => (select.value === '' ? undefined : select.value),
    fill: (v) => { select.value = typeof v === 'string' && choices.some(([c]) => c === v) ? v : ''; },
  });
}

/** Radios. Values 'true' / 'false' are sent as booleans. */
function radiosField(pointer, legend, choices, { hintText, inline, legendSize } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const radios = choices.map(([value], i) => el('input', {
    className: 'govuk-radios__input',
    attrs: { id: i === 0 ? id : `${id}-${i + 1}`, name: id, type: 'radio', value, 'data-pointer': pointer },
  }));
  radios.forEach((r) => { r.dataset.group = pointer; });
  const messages = slot();
  const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl ? hintEl.id : undefined } }, [
    el('legend', { className: `govuk-fieldset__legend${legendSize ? ` govuk-fieldset__legend--${legendSize}` : ''}`, text: legend }),
    hintEl,
    messages,
    el('div', { className: `govuk-radios${inline ? ' govuk-radios--inline' : ''}` }, choices.map(([, text], i) => el('div', { className: 'govuk-radios__item' }, [
      radios[i],
      el('label', { className: 'govuk-label govuk-radios__label', text, attrs: { for: radios[i].id } }),
    ]))),
  ]);
  const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
  const decode = (v) => (v === 'true' ? true : v === 'false' ? false : v);
  return register({
    pointer, kind: 'radios', id, root, slot: messages, inputs: { '': radios[0] }, describedBase: hintEl ? [hintEl.id] : [], describe: fieldset,
    focusId: () => (radios.find((r) => r.checked) ?? radios[0]).id,
    read: () => {
      const chosen = radios.find((r) => r.checked);
      return chosen ? decode(chosen.value) : undefined;
    },
    fill: (v) => { for (const r of radios) r.checked = v !== undefined && decode(r.value) === v; },
  });
}

/** A single checkbox for a boolean: ticked → true, unticked → field removed. Optional conditional reveal. */
function checkboxField(pointer, label, { hintText, conditional, controls = [] } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-item-hint`, hintText);
  if (hintEl) hintEl.classList.add('govuk-checkboxes__hint');
  const box = el('input', {
    className: 'govuk-checkboxes__input',
    attrs: { id, name: id, type: 'checkbox', value: 'true', 'aria-describedby': hintEl ? hintEl.id : undefined, 'data-pointer': pointer },
  });
  box.dataset.group = pointer;
  const reveal = conditional
    ? el('div', { className: 'govuk-checkboxes__conditional govuk-checkboxes__conditional--hidden', attrs: { id: `conditional-${id}` } }, conditional)
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
    read: () => (box.checked ? true : undefined),
    fill: (v) => { box.checked = v === true; sync(); },
    sync,
    controls, // fields inside the conditional reveal: only in the data while the box is ticked
  });
}

/** A fieldset that groups other fields and can carry messages of its own (e.g. "/referrer", "/children/0"). */
function fieldsetGroup(pointer, legend, children, { legendSize = 'm', hintText, extra = [] } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const messages = slot();
  const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl ? hintEl.id : undefined, id: `${id}-fieldset` } }, [
    el('legend', { className: `govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`, text: legend }),
    hintEl,
    messages,
    ...children.map((c) => c.root ?? c),
    ...extra,
  ]);
  const root = el('div', { className: 'govuk-form-group app-composite' }, [fieldset]);
  return register({
    pointer, kind: 'fieldset', id, root, slot: messages, inputs: {}, describedBase: hintEl ? [hintEl.id] : [], describe: fieldset,
    focusId: () => (fieldset.querySelector('input, select, textarea, button')?.id || `${id}-fieldset`),
  });
}

// --- lists: children, adults, each child's missing episodes ---------------------------------------------------

const lists = new Map(); // list pointer -> { container, renderRow, minRows, addLabel, itemName }

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
  for (let i = 0; i < rows; i += 1) nodes.push(list.renderRow(i, rows));
  list.rowsContainer.replaceChildren(...nodes);
  // The list's own registration (messages about the whole list) survives unregisterUnder.
  fillFromModel(pointer);
}

function fillFromModel(under) {
  for (const [pointer, group] of registry) {
    if (!group.fill || !pointerIsWithin(pointer, under)) continue;
    group.fill(getAt(model, parsePointer(pointer)));
  }
}

function addRow(pointer) {
  // The new row is only shown; it joins the data when something is typed in it.
  const list = lists.get(pointer);
  const rows = Math.max(list.minRows, listLength(pointer), list.shown);
  list.shown = rows + 1;
  renderList(pointer);
  afterChange(guarded(() => session.report()));
  const newRow = document.querySelector(`[data-row="${CSS.escape(`${pointer}/${rows}`)}"]`);
  newRow?.querySelector('input, select')?.focus();
}

function removeRow(pointer, index) {
  const rowPointer = `${pointer}/${index}`;
  let draft = null;
  if (index < listLength(pointer)) draft = change(rowPointer, undefined);
  else draft = guarded(() => session.report());
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
  touched.add(`=${pointer}`); // only messages about the list itself ("Add at least one child")
  renderList(pointer);
  afterChange(draft);
  list.addButton.focus();
}

function listSection(pointer, { legend, hintText, itemName, addLabel, minRows, renderRow, legendSize = 'm' }) {
  const rowsContainer = el('div', { className: 'app-list__rows' });
  const addButton = el('button', {
    className: 'govuk-button govuk-button--secondary app-list__add',
    text: addLabel,
    attrs: { type: 'button', 'data-add': pointer },
  });
  const group = fieldsetGroup(pointer, legend, [rowsContainer], { legendSize, hintText, extra: [addButton] });
  group.root.classList.add('app-list');
  group.focusId = () => group.root.querySelector('input, select')?.id || addButton.id;
  addButton.id = `${group.id}-add`;
  lists.set(pointer, { rowsContainer, renderRow, minRows, addButton, itemName, shown: 0 });
  return group;
}

function removeButton(pointer, index, itemName, rows, minRows) {
  if (rows <= minRows) return null;
  return el('button', {
    className: 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-list__remove',
    attrs: { type: 'button', 'data-remove': pointer, 'data-index': String(index) },
  }, [
    document.createTextNode(`Remove this ${itemName}`),
    el('span', { className: 'govuk-visually-hidden', text: ` (${itemName} ${index + 1})` }),
  ]);
}

function episodeRow(childPointer) {
  const listPointer = `${childPointer}/missingEpisodes`;
  return (j, rows) => {
    const date = dateField(`${listPointer}/${j}`, `Missing episode ${j + 1}`, { hintText: null });
    const row = el('div', { className: 'app-list__row app-list__row--small', attrs: { 'data-row': `${listPointer}/${j}` } }, [
      date.root,
      removeButton(listPointer, j, 'missing episode', rows, 0),
    ]);
    return row;
  };
}

function childRow(i, rows) {
  const p = `/children/${i}`;
  const expected = dateField(`${p}/expectedDate`, 'Expected date of birth');
  const episodesPointer = `${p}/missingEpisodes`;
  const episodes = listSection(episodesPointer, {
    legend: 'Missing episodes (optional)',
    hintText: 'Dates the child went missing. Three or more in the 90 days before the referral support “missing 3 or more times in 90 days”.',
    itemName: 'missing episode',
    addLabel: 'Add a missing episode',
    minRows: 0,
    legendSize: 's',
    renderRow: episodeRow(p),
  });
  const fields = [
    textField(`${p}/name`, 'Full name', { autocomplete: 'off', spellcheck: false }),
    dateField(`${p}/dateOfBirth`, 'Date of birth', { hintText: 'For example, 31 3 2015' }),
    checkboxField(`${p}/unborn`, 'This child is not born yet', { conditional: [expected.root], controls: [expected] }),
    radiosField(`${p}/send`, 'Does the child have special educational needs or a disability (SEND)?', YES_NO, {
      inline: true, hintText: 'Young people with SEND can be supported up to the age of 25.',
    }),
    textField(`${p}/attendancePercent`, 'School attendance (optional)', {
      hintText: 'Overall attendance, from 0 to 100', width: 3, inputmode: 'decimal', suffix: '%', number: true,
    }),
    textField(`${p}/school`, 'School (optional)', { width: 20 }),
    episodes,
  ];
  const group = fieldsetGroup(p, `Child ${i + 1}`, fields, { legendSize: 's' });
  const row = el('div', { className: 'app-list__row', attrs: { 'data-row': p } }, [group.root, removeButton('/children', i, 'child', rows, 1)]);
  renderList(episodesPointer);
  return row;
}

function adultRow(relationshipChoices) {
  return (i, rows) => {
    const p = `/adults/${i}`;
    const relationship = relationshipChoices
      ? selectField(`${p}/relationship`, 'Relationship to the children', relationshipChoices)
      : textField(`${p}/relationship`, 'Relationship to the children', { hintText: 'For example, mother, stepfather, grandmother', width: 20 });
    const group = fieldsetGroup(p, `Adult ${i + 1}`, [
      textField(`${p}/name`, 'Full name', { spellcheck: false }),
      relationship,
      dateField(`${p}/dateOfBirth`, 'Date of birth (optional)', { hintText: 'For example, 31 3 1985' }),
    ], { legendSize: 's' });
    return el('div', { className: 'app-list__row', attrs: { 'data-row': p } }, [group.root, removeButton('/adults', i, 'adult', rows, 1)]);
  };
}

// --- criteria -------------------------------------------------------------------------------------------------

const criterionBoxes = new Map(); // id -> { box, evidence, reveal }
const domainTags = new Map(); // domain id -> tag element

function criteriaSection() {
  const domainSets = DOMAINS.map((domain) => {
    const tag = el('strong', { className: 'govuk-tag govuk-tag--green app-domain-tag', text: 'Met', attrs: { hidden: true } });
    domainTags.set(domain.id, tag);
    const items = domain.items.map(([cid, text]) => {
      const id = `criteria-${cid}`;
      const box = el('input', {
        className: 'govuk-checkboxes__input',
        attrs: { id, name: 'criteria', type: 'checkbox', value: cid, 'data-criterion': cid, 'aria-controls': `conditional-${id}`, 'aria-expanded': 'false' },
      });
      const evidence = el('input', {
        className: 'govuk-input govuk-!-width-full',
        attrs: { id: `${id}-evidence`, name: `${id}-evidence`, type: 'text', 'data-evidence': cid },
      });
      const reveal = el('div', { className: 'govuk-checkboxes__conditional govuk-checkboxes__conditional--hidden', attrs: { id: `conditional-${id}` } }, [
        el('div', { className: 'govuk-form-group' }, [
          el('label', { className: 'govuk-label', text: 'Evidence (optional)', attrs: { for: evidence.id } }),
          evidence,
        ]),
      ]);
      criterionBoxes.set(cid, { box, evidence, reveal });
      return [
        el('div', { className: 'govuk-checkboxes__item' }, [
          box,
          el('label', { className: 'govuk-label govuk-checkboxes__label', text, attrs: { for: id } }),
        ]),
        reveal,
      ];
    });
    return el('div', { className: 'govuk-form-group app-domain', attrs: { 'data-domain': domain.id } }, [
      el('fieldset', { className: 'govuk-fieldset' }, [
        el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, [
          document.createTextNode(domain.label + ' '),
          tag,
        ]),
        el('div', { className: 'govuk-checkboxes govuk-checkboxes--small' }, items.flat()),
      ]),
    ]);
  });
  const group = fieldsetGroup('/criteria', 'Which needs does the family have?', domainSets, {
    legendSize: 'm',
    hintText: 'Select every need that applies. Whole family working needs unmet needs in at least 3 domain areas and 5 sub-categories.',
  });
  group.focusId = (rest) => {
    const ticked = tickedCriteria();
    if (rest && isIndex(rest[0]) && ticked[Number(rest[0])]) {
      const entry = criterionBoxes.get(ticked[Number(rest[0])]);
      return rest[1] === 'evidence' ? entry.evidence.id : entry.box.id;
    }
    return `criteria-${CRITERION_IDS[0]}`;
  };
  return group;
}

function tickedCriteria() {
  return CRITERION_IDS.filter((cid) => criterionBoxes.get(cid).box.checked);
}

function criteriaValue() {
  const list = tickedCriteria().map((cid) => {
    const evidence = criterionBoxes.get(cid).evidence.value;
    return evidence.trim() === '' ? { id: cid } : { id: cid, evidence };
  });
  return list.length ? list : undefined;
}

// --- the whole form -------------------------------------------------------------------------------------------

function section(heading, nodes) {
  return el('div', { className: 'app-section' }, [el('h2', { className: 'govuk-heading-l', text: heading }), ...nodes.map((n) => n.root ?? n)]);
}

function buildForm(schema) {
  const relationshipEnum = schema?.properties?.adults?.items?.properties?.relationship?.enum;
  const relationshipChoices = Array.isArray(relationshipEnum)
    ? relationshipEnum.map((v) => [v, v.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())])
    : null;

  const formGroup = register({ pointer: '', kind: 'form', id: 'form', root: null, slot: document.getElementById('form-messages'), inputs: {}, describedBase: [], focusId: () => 'referral-form' });
  void formGroup;

  const children = listSection('/children', {
    legend: 'Children', hintText: 'Every child in the family, including unborn children.', itemName: 'child',
    addLabel: 'Add another child', minRows: 1, renderRow: childRow,
  });
  const adults = listSection('/adults', {
    legend: 'Adults in the household', hintText: 'Parents, carers and any other adult living in the home.', itemName: 'adult',
    addLabel: 'Add another adult', minRows: 1, renderRow: adultRow(relationshipChoices),
  });

  const nodes = [
    section('About the referral', [
      dateField('/referralDate', 'Date of the referral'),
      dateField('/receivedOn', 'Date the referral was received (optional)'),
      selectField('/route', 'Referral route', ROUTES, { hintText: 'How the referral reached Strengthening Families' }),
      radiosField('/service', 'Service requested', SERVICES),
      radiosField('/locality', 'Locality', LOCALITIES, { hintText: 'Based on the child’s home address' }),
    ]),
    section('Who is referring', [
      fieldsetGroup('/referrer', 'Referrer', [
        textField('/referrer/name', 'Full name', { spellcheck: false }),
        textField('/referrer/agency', 'Agency', { hintText: 'For example, a school, health visiting, police' }),
        textField('/referrer/role', 'Role (optional)'),
        textField('/referrer/email', 'Email address', { type: 'email', spellcheck: false }),
        textField('/referrer/phone', 'Phone number (optional)', { type: 'tel', width: 20, hintText: 'A UK phone number, for example 01952 385465' }),
      ], { legendSize: 's', hintText: 'Not needed for a self-referral.' }),
    ]),
    section('Family address', [
      fieldsetGroup('/address', 'Address', [
        textField('/address/line1', 'Address line 1'),
        textField('/address/line2', 'Address line 2 (optional)'),
        textField('/address/town', 'Town or city', { width: 20 }),
        textField('/address/postcode', 'Postcode', { width: 10, spellcheck: false }),
      ], { legendSize: 's' }),
    ]),
    section('Assessment and plan', [
      fieldsetGroup('/assessment', 'Assessment', [
        selectField('/assessment/type', 'Type of assessment', ASSESSMENT_TYPES),
        dateField('/assessment/date', 'Date of the assessment'),
        radiosField('/assessment/open', 'Is the assessment open and current?', YES_NO, { inline: true }),
      ], { legendSize: 'm', hintText: 'There must be an open and current assessment and plan in place.' }),
      fieldsetGroup('/plan', 'Plan', [
        selectField('/plan/type', 'Type of plan', PLAN_TYPES),
        dateField('/plan/date', 'Date of the plan'),
        radiosField('/plan/open', 'Is the plan open and current?', YES_NO, { inline: true }),
      ], { legendSize: 'm' }),
    ]),
    section('Consent', [
      fieldsetGroup('/consent', 'Consent', [
        radiosField('/consent/given', 'Has the family given consent to the referral?', YES_NO, { inline: true }),
        dateField('/consent/date', 'Date consent was given'),
        textField('/consent/by', 'Who gave consent', { hintText: 'Name of the parent or carer' }),
      ], { legendSize: 's', hintText: 'Consent must be recorded for an early help (non-statutory) route.' }),
    ]),
    section('The family', [children, adults]),
    section('Referral criteria', [criteriaSection()]),
  ];
  document.getElementById('form-fields').replaceChildren(...nodes.map((n) => n.root ?? n));
  renderList('/children');
  renderList('/adults');
}

// ---------------------------------------------------------------------------------------------------------------
// Showing a report

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** The group a diagnostic belongs to, and the rest of its path below that group. */
function resolve(path) {
  let segs = parsePointer(path);
  for (let n = segs.length; n >= 0; n -= 1) {
    const pointer = toPointer(segs.slice(0, n));
    const group = registry.get(pointer);
    if (group) return { group, rest: segs.slice(n) };
  }
  segs = [];
  return { group: registry.get(''), rest: [] };
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

/** Whether one pointer lies within the other; a "*" segment (in `related` paths) matches any one segment. */
function overlaps(a, b) {
  const x = parsePointer(a);
  const y = parsePointer(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i += 1) if (x[i] !== y[i] && x[i] !== '*' && y[i] !== '*') return false;
  return true;
}

function clearMessages() {
  for (const group of registry.values()) {
    group.slot?.replaceChildren();
    group.root?.classList.remove('govuk-form-group--error', 'app-form-group--warning');
    for (const input of Object.values(group.inputs)) input.classList.remove('govuk-input--error', 'govuk-select--error');
    if (group.describe) {
      const ids = group.describedBase.concat();
      if (ids.length) group.describe.setAttribute('aria-describedby', ids.join(' '));
      else group.describe.removeAttribute('aria-describedby');
    }
  }
}

function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

function messageNode(d, id) {
  const text = d.due ? `${d.message} (due ${formatDate(d.due)})` : d.message;
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

function showReport(report) {
  clearMessages();
  if (!report) {
    showOutcome(null);
    return;
  }
  lastReport = report;
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
        markInputs(group, rest, 'error');
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

function markInputs(group, rest, severity) {
  if (severity !== 'error') return;
  if (group.kind === 'date') {
    const part = rest[0];
    const targets = group.inputs[part] ? [group.inputs[part]] : Object.values(group.inputs);
    for (const t of targets) t.classList.add('govuk-input--error');
  } else if (group.kind === 'text') {
    group.inputs[''].classList.add('govuk-input--error');
  } else if (group.kind === 'select') {
    group.inputs[''].classList.add('govuk-select--error');
  }
}

// --- the eligibility panel -------------------------------------------------------------------------------------

function meter(container, met, needed) {
  const segments = [];
  for (let i = 0; i < needed; i += 1) {
    segments.push(el('span', { className: `app-meter__segment${i < met ? ' app-meter__segment--filled' : ''}` }));
  }
  container.replaceChildren(...segments);
  container.classList.toggle('app-meter--complete', met >= needed);
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function showOutcome(outcome) {
  const tag = document.getElementById('eligibility-tag');
  const set = (id, text) => { document.getElementById(id).textContent = text; };
  const panel = document.getElementById('eligibility');
  if (state !== 'ready' || !outcome || typeof outcome !== 'object') {
    const unavailable = state !== 'ready';
    tag.className = `govuk-tag ${unavailable ? 'govuk-tag--orange' : 'govuk-tag--grey'}`;
    tag.textContent = unavailable ? (state === 'loading' ? 'Checking…' : 'Checks unavailable') : 'No result';
    panel.dataset.eligible = 'unknown';
    if (unavailable) {
      for (const id of ['domains-met', 'still-needed', 'suggested', 'assessment-plan', 'eligible']) set(id, state === 'loading' ? 'Checking…' : 'Checks unavailable');
      set('domains-text', 'Domains met: not checked');
      set('subcategories-text', 'Sub-categories met: not checked');
      meter(document.getElementById('domains-meter'), 0, 3);
      meter(document.getElementById('subcategories-meter'), 0, 5);
    }
    return;
  }
  const domainsMet = Array.isArray(outcome.domainsMet) ? outcome.domainsMet : [];
  const subsMet = Array.isArray(outcome.subcategoriesMet) ? outcome.subcategoriesMet : [];
  const suggested = Array.isArray(outcome.suggested) ? outcome.suggested : [];
  const dNeeded = Number(outcome.domainsNeeded ?? Math.max(0, 3 - domainsMet.length));
  const sNeeded = Number(outcome.subcategoriesNeeded ?? Math.max(0, 5 - subsMet.length));
  const countText = (met, target) => (met <= target ? `${met} of ${target}` : `${met} (${target} needed)`);

  set('domains-text', `Domains met: ${countText(domainsMet.length, 3)}`);
  set('subcategories-text', `Sub-categories met: ${countText(subsMet.length, 5)}`);
  meter(document.getElementById('domains-meter'), domainsMet.length, 3);
  meter(document.getElementById('subcategories-meter'), subsMet.length, 5);

  const domainsList = document.getElementById('domains-met');
  if (domainsMet.length) {
    domainsList.replaceChildren(el('ul', { className: 'govuk-list govuk-list--bullet' }, domainsMet.map((d) => el('li', { text: DOMAIN_LABEL.get(d) ?? d }))));
  } else {
    domainsList.textContent = 'None yet';
  }
  for (const [id, t] of domainTags) t.hidden = !domainsMet.includes(id);

  const needs = [];
  if (dNeeded > 0) needs.push(`${plural(dNeeded, 'more domain', 'more domains')}`);
  if (sNeeded > 0) needs.push(`${plural(sNeeded, 'more sub-category', 'more sub-categories')}`);
  if (outcome.assessmentAndPlanOpen !== true) needs.push('an open assessment and plan');
  // `routeAllowed` is an extra the package reports beyond forms.md's outcome; used when present.
  if (outcome.routeAllowed === false) needs.push('a referral route that allows whole family working');
  set('still-needed', needs.length ? needs.join(', ').replace(/, ([^,]*)$/, ' and $1') : 'Nothing');

  const sugg = document.getElementById('suggested');
  if (suggested.length) {
    sugg.replaceChildren(el('ul', { className: 'govuk-list govuk-list--bullet' }, suggested.map((s) => el('li', { text: CRITERION_LABEL.get(s) ?? s }))));
  } else {
    sugg.textContent = 'None';
  }

  set('assessment-plan', outcome.assessmentAndPlanOpen === true ? 'Yes, both open' : 'No');
  const eligible = outcome.eligible === true;
  set('eligible', eligible ? 'Yes' : 'No');
  tag.className = `govuk-tag ${eligible ? 'govuk-tag--green' : 'govuk-tag--grey'}`;
  tag.textContent = eligible ? 'Eligible' : 'Not eligible yet';
  panel.dataset.eligible = String(eligible);
  panel.dataset.domainsMet = String(domainsMet.length);
  panel.dataset.subcategoriesMet = String(subsMet.length);

  const live = document.getElementById('eligibility-live');
  const sentence = `${domainsMet.length} of 3 domains and ${subsMet.length} of 5 sub-categories met. ${eligible ? 'Eligible.' : 'Not eligible yet.'}`;
  if (live.textContent !== sentence) live.textContent = sentence;
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
      ? `The referral has no errors. Check the ${plural(warnings, 'warning', 'warnings')} by the answers.`
      : 'The referral has no errors.';
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
  const useLegend = legend && (target.closest('.govuk-date-input, .govuk-radios, .govuk-checkboxes') !== null);
  (useLegend ? legend : label ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Events

function onFieldEvent(event) {
  const t = event.target;
  if (!(t instanceof HTMLElement)) return;

  if (t.dataset.criterion || t.dataset.evidence) {
    if (t.dataset.criterion) {
      const entry = criterionBoxes.get(t.dataset.criterion);
      entry.reveal.classList.toggle('govuk-checkboxes__conditional--hidden', !t.checked);
      t.setAttribute('aria-expanded', String(t.checked));
    }
    if (event.type === 'input' && t.dataset.criterion) return; // handled on change
    touched.add('/criteria');
    afterChange(change('/criteria', criteriaValue()));
    return;
  }

  const pointer = t.dataset.group;
  if (!pointer) return;
  const group = registry.get(pointer);
  if (!group) return;
  if (group.kind === 'checkbox') {
    group.sync?.();
    if (event.type === 'input') return;
    const ticked = group.read() === true;
    for (const inner of group.controls ?? []) {
      const innerValue = ticked ? inner.read() : undefined;
      if (JSON.stringify(getAt(model, parsePointer(inner.pointer))) !== JSON.stringify(innerValue)) change(inner.pointer, innerValue);
    }
  }
  if ((group.kind === 'radios' || group.kind === 'select') && event.type === 'input') return;

  const value = group.read();
  // A text field or a date counts as answered once the person leaves it (or completes a date);
  // from then on its messages follow every keystroke.
  if ((event.type === 'change' && group.kind !== 'date') || group.kind === 'radios' || group.kind === 'select' || group.kind === 'checkbox' || (group.kind === 'date' && group.complete())) {
    touched.add(pointer);
  }
  const previous = getAt(model, parsePointer(pointer));
  if (event.type === 'change' && JSON.stringify(previous) === JSON.stringify(value)) {
    afterChange(guarded(() => session.report()));
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
    setState('unavailable', 'The referral could not be checked, so it has not been submitted.');
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
  let schema = null;
  try {
    checks = await loadChecks();
    try {
      schema = checks.schema(FORM_ID);
    } catch {
      schema = null;
    }
  } catch (err) {
    checks = null;
    console.warn(`safeguarding-forms: module not loaded: ${err && err.message}`);
  }

  buildForm(schema);
  const form = document.getElementById('referral-form');
  form.addEventListener('input', onFieldEvent);
  form.addEventListener('change', onFieldEvent);
  form.addEventListener('focusout', onFocusOut);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', onSubmit);
  document.getElementById('error-summary').addEventListener('click', onSummaryClick);

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
