// Case file audit (`case-audit`): the case audit tool of the Standard Operating Procedures for case file audits
// (seed 002, "ATTACHMENT ONE – CASE AUDIT TOOL"), checked and scored live by the WebAssembly module.
//
// - One FormSession (stage "draft") receives every change as `set(pointer, value)` / `remove(pointer)`; its
//   report's `outcome` drives the scores panel (per section: answered, N/A, mean, grade), an inline SVG chart of
//   the section grades, the derivation of the suggested overall grade in words, the evidence suggestions, the
//   follow-up date and the completeness.
// - The 39 questions' wording comes from `schema('case-audit')` (`answers.properties[id].description`); the page
//   keeps only the question ids (the product's contract, forms.md §11) for when the module cannot load.
// - "Submit audit" re-checks the form with `validate(..., { stage: "submit" })` on `session.data()`.
// - A print stylesheet prints the record the SOP asks to upload (#print-record, rebuilt after every change).
// - Messages are written with textContent only; SVG is built with createElementNS. If the module cannot load or a
//   call fails, the page says "Checks unavailable" and never shows a score it has not computed.
// - `?today=YYYY-MM-DD` in the page's address fixes "today" (for demos and tests).

import { startGovukFrontend, loadChecks, el } from '/www/common.js';

const FORM_ID = 'case-audit';
const BASE_TITLE = document.title;
const SVG_NS = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------------------------------------------------------
// The form's vocabulary. Ids are the package's (src/forms/case_audit/model.rs); the labels are this page's.

/** "Quality of Case File Measure". */
const GRADES = [
  [1, 'Exceeds good'],
  [2, 'Good'],
  [3, 'Requires improvement'],
  [4, 'Inadequate'],
  [5, 'N/A'],
];
const GRADE_LABEL = new Map(GRADES);

const AUDIT_TYPES = [
  ['practitioner', 'Practitioner case file audit'],
  ['cross-locality', 'Cross-locality themed audit'],
];

const THEMES = [
  ['cse-ce', 'Child sexual and criminal exploitation (CSE/CE)'],
  ['domestic-abuse', 'Domestic abuse'],
  ['neglect', 'Neglect'],
  ['re-referrals-12-months', 'Re-referrals within 12 months'],
  ['open-12-months-plus', 'Cases open 12 months or more'],
  ['cin', 'Child in need (CIN)'],
];

const CASE_STATUSES = [
  ['cp', 'Child protection (CP)'],
  ['step-down', 'Step down'],
  ['cin', 'Child in need (CIN)'],
  ['strengthening-families', 'Strengthening Families'],
  ['cic', 'Child in care (CIC)'],
];

const LOCALITIES = [
  ['hadley-castle', 'Hadley Castle'],
  ['the-wrekin', 'The Wrekin'],
  ['lakeside-south', 'Lakeside South'],
];

const YES_NO_TEXT = [
  ['yes', 'Yes'],
  ['no', 'No'],
];

const YES_NO_BOOL = [
  ['true', 'Yes'],
  ['false', 'No'],
];

const ASSESSMENT_KINDS = [
  ['eha', 'Early help assessment (EHA)'],
  ['ehsp', 'Early help support plan (EHSP)'],
];

/** The sections and question ids, in the tool's order: used only when the module (and its schema) cannot load. */
const FALLBACK_SECTIONS = [
  ['basic', 'Basic required information', ['demographics', 'referral-route', 'allocation-date-clear', 'allocation-timely', 'allocation-discussion', 'referrer-notified', 'contact-5-days']],
  ['assessment', 'Assessment', ['at-referral', 'within-10-weeks', 'reviewed-12-months', 'all-members', 'additional-support', 'first-circle', 'circle-8-weekly', 'circle-representative', 'child-views', 'parent-views', 'absent-parent', 'risks', 'strengths', 'multi-agency']],
  ['plans', 'Support plans', ['reflects-referral', 'up-to-date', 'children-involved', 'parents-involved', 'multi-agency', 'planned-exit']],
  ['recording', 'Recording', ['childs-journey', 'notes-quality', 'home-visits', 'visit-timing', 'early-visits', 'weekend-visits', 'child-wishes', 'parent-wishes', 'whole-family']],
  ['oversight', 'Management oversight', ['supervision', 'decisions']],
  ['diversity', 'Diversity', ['needs-considered']],
];

const LIMITING = {
  'child-not-safe': 'The auditors are not satisfied the child is safe: the suggested grade is 4 (Inadequate).',
  'life-not-improved': 'The work has not improved the family’s life: the suggested grade is no better than 3 (Requires improvement).',
};

const LIMITING_SHORT = {
  'child-not-safe': 'child not safe',
  'life-not-improved': 'life not improved',
};

/** The worked example of the conformance tests (tests/conformance/case-audit/complete-worked-example.json), with
 *  the optional evidence dates, comments and a second remedial action filled in. */
const EXAMPLE = {
  auditType: 'practitioner',
  theme: 'neglect',
  practitionerPresent: true,
  locality: 'hadley-castle',
  auditDate: '2025-01-31',
  caseWorker: 'A Practitioner',
  llcsNumber: '123456',
  dateAllocated: '2024-09-02',
  previousCaseWorker: 'A Former Practitioner',
  previousAllocated: '2024-05-01',
  previousClosed: '2024-08-30',
  lineManager: 'A Manager',
  auditors: ['An Auditor', 'A Second Auditor'],
  caseStatus: 'strengthening-families',
  child: { name: 'C', familyNames: 'F', dateOfBirth: '2015-03-01' },
  answers: {
    'basic.demographics': 1, 'basic.referral-route': 2, 'basic.allocation-date-clear': 2, 'basic.allocation-timely': 1,
    'basic.allocation-discussion': 2, 'basic.referrer-notified': 5, 'basic.contact-5-days': 2,
    'assessment.at-referral': 2, 'assessment.within-10-weeks': 5, 'assessment.reviewed-12-months': 5,
    'assessment.all-members': 3, 'assessment.additional-support': 2, 'assessment.first-circle': 2,
    'assessment.circle-8-weekly': 3, 'assessment.circle-representative': 2, 'assessment.child-views': 3,
    'assessment.parent-views': 2, 'assessment.absent-parent': 4, 'assessment.risks': 2, 'assessment.strengths': 2,
    'assessment.multi-agency': 3,
    'plans.reflects-referral': 3, 'plans.up-to-date': 3, 'plans.children-involved': 4, 'plans.parents-involved': 3,
    'plans.multi-agency': 3, 'plans.planned-exit': 4,
    'recording.childs-journey': 2, 'recording.notes-quality': 2, 'recording.home-visits': 1, 'recording.visit-timing': 2,
    'recording.early-visits': 5, 'recording.weekend-visits': 5, 'recording.child-wishes': 2, 'recording.parent-wishes': 1,
    'recording.whole-family': 2,
    'oversight.supervision': 4, 'oversight.decisions': 4,
    'diversity.needs-considered': 5,
  },
  mostRecentAssessment: { type: 'EHA', date: '2024-09-20' },
  mostRecentSupportPlan: { type: 'EHSP', date: '2024-12-01' },
  mostRecentSupervision: '2025-01-10',
  childSafe: { answer: 'yes', comments: 'Safety plan in place and reviewed with the family.' },
  lifeImproved: { answer: 'yes', comments: 'School attendance up from 78% to 94% since the first assessment.' },
  directObservation: { answer: 'no', comments: 'Planned for the next review.' },
  overallGrade: 3,
  generalComments: 'Oversight needs attention',
  remedialActions: [
    { action: 'Update the support plan', dueDate: '2025-03-31', lineManagerComment: 'Plan updated with the family', completedOn: '2025-03-20', lineManagerInitials: 'AM' },
    { action: 'Record supervision discussions on the case file', dueDate: '2025-02-28' },
  ],
  lessonsLearnt: 'None',
  evidence: {
    referralDate: '2024-08-12',
    allocationDate: '2024-09-02',
    firstContactDate: '2024-09-06',
    assessmentAtReferral: true,
    assessmentKind: 'eha',
    familyCircleDates: ['2024-10-07', '2024-12-02', '2025-01-27'],
    referredByFamilyConnect: false,
  },
};

// ---------------------------------------------------------------------------------------------------------------
// JSON Pointers and the page's own copy of the data (kept so that the page still works, and a new session can be
// loaded, if a call into the module fails).

const parsePointer = (p) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
const toPointer = (segs) => segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
const isIndex = (s) => /^(0|[1-9]\d*)$/.test(String(s));
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
const pointerIsWithin = (inner, outer) => inner === outer || inner.startsWith(outer + '/');
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

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
let submitted = false; // after the first submit, every message shows and the submit stage is used
const touched = new Set(); // field pointers the person has changed
let sections = []; // [{ id, title, questions: [{ id, text }] }]

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

function afterChange(draft, changedPointer) {
  // A "no errors" message from an earlier submit no longer describes the form.
  document.getElementById('success-banner').hidden = true;
  if (state === 'unavailable' && draft && session) setState('ready');
  const report = currentReport(draft);
  showReport(report);
  announce(changedPointer, report?.outcome);
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

/** Text input, or a textarea with `rows`. */
function textField(pointer, label, { hintText, width, rows, spellcheck, labelClass } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const input = rows
    ? el('textarea', {
      className: 'govuk-textarea',
      attrs: { id, name: id, rows: String(rows), spellcheck: spellcheck === false ? 'false' : undefined, 'aria-describedby': hintEl ? hintEl.id : undefined },
    })
    : el('input', {
      className: `govuk-input${width ? ` govuk-input--width-${width}` : ''}`,
      attrs: { id, name: id, type: 'text', autocomplete: 'off', spellcheck: spellcheck === false ? 'false' : undefined, 'aria-describedby': hintEl ? hintEl.id : undefined },
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

/** GOV.UK date input: day, month and year, sent as { day, month, year } strings as typed. */
function dateField(pointer, legend, { hintText = 'For example, 27 3 2025' } = {}) {
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
    el('legend', { className: 'govuk-fieldset__legend', text: legend }),
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
      } else if (isObject(v)) {
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
    attrs: { id, name: id, 'aria-describedby': hintEl ? hintEl.id : undefined },
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

/** Radios. `decode` turns the chosen value into the data's value ('true'/'false' → booleans, '1' → 1, ...). */
function radiosField(pointer, legend, choices, { hintText, inline, small, legendClass, decode = (v) => v, rootClass } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const radios = choices.map(([value], i) => el('input', {
    className: 'govuk-radios__input',
    attrs: { id: i === 0 ? id : `${id}-${i + 1}`, name: id, type: 'radio', value },
  }));
  radios.forEach((r) => { r.dataset.group = pointer; });
  const messages = slot();
  const legendEl = el('legend', { className: `govuk-fieldset__legend${legendClass ? ` ${legendClass}` : ''}`, text: legend });
  const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl ? hintEl.id : undefined } }, [
    legendEl,
    hintEl,
    messages,
    el('div', { className: `govuk-radios${inline ? ' govuk-radios--inline' : ''}${small ? ' govuk-radios--small' : ''}` }, choices.map(([value, text], i) => el('div', { className: 'govuk-radios__item', attrs: { 'data-value': value } }, [
      radios[i],
      el('label', { className: 'govuk-label govuk-radios__label', text, attrs: { for: radios[i].id } }),
    ]))),
  ]);
  const root = el('div', { className: `govuk-form-group${rootClass ? ` ${rootClass}` : ''}` }, [fieldset]);
  return register({
    pointer, kind: 'radios', id, root, slot: messages, inputs: { '': radios[0] }, describedBase: hintEl ? [hintEl.id] : [], describe: fieldset,
    legend: legendEl,
    focusId: () => (radios.find((r) => r.checked) ?? radios[0]).id,
    read: () => {
      const chosen = radios.find((r) => r.checked);
      return chosen ? decode(chosen.value) : undefined;
    },
    fill: (v) => { for (const r of radios) r.checked = v !== undefined && v !== null && decode(r.value) === v; },
  });
}

const decodeBool = (v) => (v === 'true' ? true : v === 'false' ? false : v);
const decodeNumber = (v) => (/^\d+$/.test(v) ? Number(v) : v);

/** A fieldset that groups other fields and can carry messages of its own (e.g. "/child", "/remedialActions/0"). */
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

// --- lists: auditors, remedial actions, Family Circle dates ---------------------------------------------------

const lists = new Map(); // list pointer -> { rowsContainer, renderRow, minRows, addButton, itemName, shown, scalar }

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
  fillFromModel(pointer);
}

function fillFromModel(under) {
  for (const [pointer, group] of registry) {
    if (!group.fill || !pointerIsWithin(pointer, under)) continue;
    group.fill(getAt(model, parsePointer(pointer)));
  }
}

/** A list of plain values (auditors, dates) is sent whole: blank rows as null, trailing blank rows left out. */
function scalarListValue(pointer) {
  const list = lists.get(pointer);
  const values = [];
  for (let i = 0; i < list.shown; i += 1) {
    const v = registry.get(`${pointer}/${i}`)?.read();
    values.push(v === undefined ? null : v);
  }
  while (values.length && values[values.length - 1] === null) values.pop();
  return values.length ? values : undefined;
}

function addRow(pointer) {
  // The new row is only shown; it joins the data when something is typed in it.
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
  touched.add(`=${pointer}`); // only messages about the list itself ("Add at least one auditor")
  renderList(pointer);
  afterChange(draft);
  list.addButton.focus();
}

function listSection(pointer, { legend, hintText, itemName, addLabel, minRows, initialRows = 0, renderRow, legendSize = 'm', scalar = false }) {
  const rowsContainer = el('div', { className: 'app-list__rows' });
  const addButton = el('button', {
    className: 'govuk-button govuk-button--secondary app-list__add',
    text: addLabel,
    attrs: { type: 'button', 'data-add': pointer },
  });
  const group = fieldsetGroup(pointer, legend, [rowsContainer], { legendSize, hintText, extra: [addButton] });
  group.root.classList.add('app-list');
  group.focusId = () => group.root.querySelector('input, select, textarea')?.id || addButton.id;
  addButton.id = `${group.id}-add`;
  lists.set(pointer, { rowsContainer, renderRow, minRows, addButton, itemName, shown: initialRows, scalar });
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

function auditorRow(i, rows) {
  const p = `/auditors/${i}`;
  const field = textField(p, `Auditor ${i + 1}`, { width: 20, spellcheck: false });
  field.scalarList = '/auditors';
  return el('div', { className: 'app-list__row app-list__row--small', attrs: { 'data-row': p } }, [field.root, removeButton('/auditors', i, 'auditor', rows, 1)]);
}

function circleRow(i, rows) {
  const list = '/evidence/familyCircleDates';
  const p = `${list}/${i}`;
  const field = dateField(p, `Family Circle ${i + 1}`, { hintText: null });
  field.scalarList = list;
  return el('div', { className: 'app-list__row app-list__row--small', attrs: { 'data-row': p } }, [field.root, removeButton(list, i, 'Family Circle date', rows, 0)]);
}

function actionRow(i, rows) {
  const p = `/remedialActions/${i}`;
  const group = fieldsetGroup(p, `Remedial action ${i + 1}`, [
    textField(`${p}/action`, 'Remedial action identified by the auditors', { rows: 3, hintText: 'An action that is achievable' }),
    dateField(`${p}/dueDate`, 'Date to be completed by'),
    textField(`${p}/lineManagerComment`, 'How the action was addressed (optional)', { rows: 3, hintText: 'To be completed by the line manager only' }),
    dateField(`${p}/completedOn`, 'Date completed (optional)'),
    textField(`${p}/lineManagerInitials`, 'Initials of the line manager', { width: 4, spellcheck: false, hintText: 'Needed once the action is completed' }),
  ], { legendSize: 's' });
  return el('div', { className: 'app-list__row', attrs: { 'data-row': p } }, [group.root, removeButton('/remedialActions', i, 'remedial action', rows, 0)]);
}

// --- the questions ----------------------------------------------------------------------------------------------

/** The sections and questions: wording from the schema's `answers` descriptions, titles from the outcome. */
function questionSections(schema, outcome) {
  const described = schema?.properties?.answers?.properties;
  const titles = new Map((Array.isArray(outcome?.sections) ? outcome.sections : []).map((s) => [s.id, s.title]));
  const text = (id) => {
    const d = described?.[id]?.description;
    return typeof d === 'string' ? d.replace(/\s*Required when the form is submitted\.\s*$/, '').trim() : null;
  };
  if (isObject(described)) {
    const order = [];
    const byId = new Map();
    for (const qid of Object.keys(described)) {
      const sid = qid.split('.')[0];
      if (!byId.has(sid)) {
        const fallback = FALLBACK_SECTIONS.find(([id]) => id === sid);
        byId.set(sid, { id: sid, title: titles.get(sid) ?? fallback?.[1] ?? sid, questions: [] });
        order.push(sid);
      }
      byId.get(sid).questions.push({ id: qid, text: text(qid) ?? described[qid]?.title ?? qid });
    }
    return order.map((sid) => byId.get(sid));
  }
  return FALLBACK_SECTIONS.map(([sid, title, names]) => ({
    id: sid,
    title,
    questions: names.map((n) => ({ id: `${sid}.${n}`, text: `${sid}.${n}` })),
  }));
}

const gradeChoices = () => GRADES.map(([g, label]) => [String(g), `${g} ${label}`]);
const questionGroups = new Map(); // question id -> { group, suggestion }
const sectionScoreLines = new Map(); // section id -> element

function questionsBlock() {
  const blocks = [];
  let n = 0;
  for (const s of sections) {
    const scoreLine = el('p', { className: 'govuk-body-s app-section-score', attrs: { 'data-section': s.id, id: `section-score-${s.id}` } });
    sectionScoreLines.set(s.id, scoreLine);
    const questions = s.questions.map((q) => {
      n += 1;
      const group = radiosField(`/answers/${q.id}`, q.text, gradeChoices(), {
        inline: true, small: true, decode: decodeNumber, rootClass: 'app-question', legendClass: 'app-question__legend',
      });
      group.legend.replaceChildren(el('span', { className: 'app-question__number', text: `${n}.` }), document.createTextNode(` ${q.text}`));
      const suggestion = el('div', { className: 'app-suggestion', attrs: { hidden: true } });
      group.root.querySelector('fieldset').append(suggestion);
      questionGroups.set(q.id, { group, suggestion, section: s.id, text: q.text });
      return group.root;
    });
    blocks.push(el('div', { className: 'app-audit-section', attrs: { 'data-section': s.id, id: `section-${s.id}` } }, [
      el('h3', { className: 'govuk-heading-m app-audit-section__heading', text: s.title }),
      scoreLine,
      ...questions,
    ]));
  }
  const key = el('dl', { className: 'app-grade-key' }, GRADES.flatMap(([g, label]) => [
    el('dt', { className: `app-grade-key__grade app-grade--${g}`, text: String(g) }),
    el('dd', { className: 'app-grade-key__label', text: label }),
  ]));
  const messages = slot();
  const root = el('div', { className: 'app-section app-answers' }, [
    el('h2', { className: 'govuk-heading-l', text: 'Quality of the case file' }),
    el('p', { className: 'govuk-body', text: 'Grade each question from 1 to 5. N/A is left out of every mean.' }),
    key,
    messages,
    ...blocks,
  ]);
  register({
    pointer: '/answers', kind: 'fieldset', id: 'answers', root, slot: messages, inputs: {}, describedBase: [],
    focusId: () => `answers-${sections[0]?.questions[0]?.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`,
  });
  return root;
}

// --- the whole form -------------------------------------------------------------------------------------------

function section(heading, nodes, { id } = {}) {
  return el('div', { className: 'app-section', attrs: { id } }, [el('h2', { className: 'govuk-heading-l', text: heading }), ...nodes.map((n) => n.root ?? n)]);
}

function yesNoQuestion(pointer, legend, { hintText, commentsLabel }) {
  const answer = radiosField(`${pointer}/answer`, legend, YES_NO_TEXT, { inline: true, hintText, legendClass: 'govuk-fieldset__legend--s' });
  const comments = textField(`${pointer}/comments`, commentsLabel, { rows: 3 });
  const messages = slot();
  const root = el('div', { className: 'app-yes-no' }, [messages, answer.root, comments.root]);
  return register({
    pointer, kind: 'fieldset', id: idFor(pointer), root, slot: messages, inputs: {}, describedBase: [],
    focusId: () => answer.focusId(),
  });
}

function derivationBox() {
  return el('div', { className: 'app-derivation', attrs: { id: 'derivation' } }, [
    el('h3', { className: 'govuk-heading-m', text: 'How the suggested grade is worked out', attrs: { id: 'derivation-heading', tabindex: '-1' } }),
    el('div', { attrs: { id: 'derivation-body' } }),
  ]);
}

function buildForm() {
  register({ pointer: '', kind: 'form', id: 'form', root: null, slot: document.getElementById('form-messages'), inputs: {}, describedBase: [], focusId: () => 'audit-form' });

  const auditors = listSection('/auditors', {
    legend: 'Auditors', itemName: 'auditor', addLabel: 'Add another auditor', minRows: 1, renderRow: auditorRow, legendSize: 's', scalar: true,
  });
  const actions = listSection('/remedialActions', {
    legend: 'Remedial actions', hintText: 'Actions identified by the auditors. The auditor checks the actions have been completed 3 months after the audit.',
    itemName: 'remedial action', addLabel: 'Add a remedial action', minRows: 0, initialRows: 1, renderRow: actionRow,
  });
  const circles = listSection('/evidence/familyCircleDates', {
    legend: 'Family Circle dates', hintText: 'The dates of the Family Circles, first to last.', itemName: 'Family Circle date',
    addLabel: 'Add a Family Circle date', minRows: 0, initialRows: 1, renderRow: circleRow, legendSize: 's', scalar: true,
  });

  const nodes = [
    section('About the audit', [
      radiosField('/auditType', 'Type of audit', AUDIT_TYPES),
      selectField('/theme', 'Theme of the audit', THEMES, { hintText: 'Needed for a cross-locality themed audit' }),
      radiosField('/practitionerPresent', 'Was the practitioner present?', YES_NO_BOOL, {
        inline: true, decode: decodeBool, hintText: 'A cross-locality audit takes place in the practitioner’s locality with the practitioner present.',
      }),
      radiosField('/locality', 'Locality area', LOCALITIES),
      dateField('/auditDate', 'Date of the audit'),
    ]),
    section('The case', [
      textField('/caseWorker', 'Current case worker', { spellcheck: false }),
      textField('/llcsNumber', 'LLCS number', { width: 10, spellcheck: false }),
      dateField('/dateAllocated', 'Date allocated'),
      fieldsetGroup('/previous', 'Previous case worker (optional)', [
        textField('/previousCaseWorker', 'Name', { spellcheck: false }),
        dateField('/previousAllocated', 'Date allocated'),
        dateField('/previousClosed', 'Date closed'),
      ], { legendSize: 's' }),
      textField('/lineManager', 'Current line manager as recorded', { spellcheck: false }),
      auditors,
      radiosField('/caseStatus', 'Case status', CASE_STATUSES),
      fieldsetGroup('/child', 'Child or young person', [
        textField('/child/name', 'Name of the child or young person', { spellcheck: false }),
        textField('/child/familyNames', 'Family name or names', { spellcheck: false }),
        dateField('/child/dateOfBirth', 'Date of birth', { hintText: 'For example, 31 3 2015' }),
      ], { legendSize: 's' }),
    ]),
    questionsBlock(),
    section('Most recent records', [
      fieldsetGroup('/mostRecentAssessment', 'Most recent assessment', [
        textField('/mostRecentAssessment/type', 'Type', { width: 20, hintText: 'For example, EHA, EHSP, C&F' }),
        dateField('/mostRecentAssessment/date', 'Date'),
      ], { legendSize: 's' }),
      fieldsetGroup('/mostRecentSupportPlan', 'Most recent support plan', [
        textField('/mostRecentSupportPlan/type', 'Type', { width: 20 }),
        dateField('/mostRecentSupportPlan/date', 'Date'),
      ], { legendSize: 's' }),
      dateField('/mostRecentSupervision', 'Date of the most recent supervision'),
    ]),
    section('Safety and impact', [
      yesNoQuestion('/childSafe', 'Are the auditors satisfied the child or children are safe?', {
        hintText: 'If you answer no, give the reasons.', commentsLabel: 'Reasons or comments',
      }),
      yesNoQuestion('/lifeImproved', 'Has the work done improved the child’s, young person’s or family’s life?', {
        hintText: 'Compare the first assessment on file with the most recent review of work.', commentsLabel: 'Reasons or comments',
      }),
      yesNoQuestion('/directObservation', 'Has a direct observation of the case been undertaken?', { commentsLabel: 'Comments' }),
    ]),
    section('Audit summary', [
      derivationBox(),
      radiosField('/overallGrade', 'Auditors’ overall score', gradeChoices(), {
        inline: true, small: true, decode: decodeNumber, legendClass: 'govuk-fieldset__legend--s', rootClass: 'app-overall-grade',
        hintText: 'Your own judgement. Explain in the general comments if it is more than one grade from the suggested grade.',
      }),
      textField('/generalComments', 'General comments', { rows: 4 }),
    ], { id: 'audit-summary' }),
    section('Remedial actions', [actions]),
    section('Lessons learnt', [
      textField('/lessonsLearnt', 'Lessons learnt (optional)', {
        rows: 4, labelClass: 'govuk-visually-hidden',
        hintText: 'Observations from the case where the actions or detail are historical and remedial actions cannot be achieved, but we can reflect upon them.',
      }),
    ]),
    section('Evidence from the case record (optional)', [
      el('p', { className: 'govuk-body', text: 'Dates the checks can compare with your grades: allocation, first contact, assessment and Family Circles.' }),
      fieldsetGroup('/evidence', 'Evidence', [
        dateField('/evidence/referralDate', 'Date of referral'),
        dateField('/evidence/allocationDate', 'Date of allocation', { hintText: 'Leave blank to use the date allocated above. For example, 2 9 2024' }),
        dateField('/evidence/firstContactDate', 'Date of the first contact with the family'),
        radiosField('/evidence/referredByFamilyConnect', 'Did the referral come from Family Connect?', YES_NO_BOOL, { inline: true, decode: decodeBool }),
        radiosField('/evidence/assessmentAtReferral', 'Was an assessment provided at referral?', YES_NO_BOOL, { inline: true, decode: decodeBool }),
        dateField('/evidence/assessmentCompletedDate', 'Date the assessment was completed'),
        radiosField('/evidence/assessmentKind', 'Kind of early help document', ASSESSMENT_KINDS, {
          hintText: 'EHA: the first Family Circle is due 6 weeks after allocation; EHSP: 8 weeks.',
        }),
        circles,
      ], { legendSize: 's' }),
    ]),
  ];
  // "/evidence"'s legend repeats the heading: keep it for the fieldset's name, hide it visually.
  document.getElementById('form-fields').replaceChildren(...nodes.map((n) => n.root ?? n));
  document.querySelector('#evidence-fieldset > legend')?.classList.add('govuk-visually-hidden');
  renderList('/auditors');
  renderList('/remedialActions');
  renderList('/evidence/familyCircleDates');
}

// ---------------------------------------------------------------------------------------------------------------
// Showing a report

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** The group a diagnostic belongs to, and the rest of its path below that group. */
function resolve(path) {
  const segs = parsePointer(path);
  for (let n = segs.length; n >= 0; n -= 1) {
    const pointer = toPointer(segs.slice(0, n));
    const group = registry.get(pointer);
    if (group) return { group, rest: segs.slice(n) };
  }
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
    for (const input of Object.values(group.inputs)) input.classList.remove('govuk-input--error', 'govuk-select--error', 'govuk-textarea--error');
    if (group.describe) {
      const ids = group.describedBase.concat();
      if (ids.length) group.describe.setAttribute('aria-describedby', ids.join(' '));
      else group.describe.removeAttribute('aria-describedby');
    }
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatIso(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** A date as recorded (ISO string or the date input's parts), for reading. */
function formatDateValue(v) {
  if (typeof v === 'string') return formatIso(v.trim());
  if (isObject(v)) {
    const [d, m, y] = [v.day, v.month, v.year].map((x) => String(x ?? '').trim());
    if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) && Number(m) >= 1 && Number(m) <= 12) {
      return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
    }
    return [d, m, y].filter(Boolean).join(' / ');
  }
  return '';
}

function messageNode(d, id) {
  const text = d.due ? `${d.message} (due ${formatIso(d.due)})` : d.message;
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
    const input = group.inputs[''];
    input.classList.add(input.tagName === 'TEXTAREA' ? 'govuk-textarea--error' : 'govuk-input--error');
  } else if (group.kind === 'select') {
    group.inputs[''].classList.add('govuk-select--error');
  }
}

function showReport(report) {
  clearMessages();
  if (!report) {
    showOutcome(null);
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
  showOutcome(report.outcome);
}

// --- the outcome: scores panel, chart, derivation ---------------------------------------------------------------

const fixed2 = (n) => (typeof n === 'number' && Number.isFinite(n) ? n.toFixed(2) : '–');
const gradeText = (g) => (GRADE_LABEL.has(g) ? `${g} (${GRADE_LABEL.get(g)})` : '');

function sectionList(outcome) {
  return Array.isArray(outcome?.sections) ? outcome.sections.filter(isObject) : [];
}

/** "No grade" (only N/A), "Not graded yet" (nothing answered), or the grade. */
function sectionState(s) {
  if (Number.isInteger(s.grade)) return 'graded';
  return Number(s.notApplicable) > 0 ? 'not-applicable' : 'empty';
}

function svgNode(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

/**
 * The section grades as a horizontal bar chart: one bar per section, its length the section's mean on the 1–4
 * scale, coloured by its grade, over bands that show where each grade begins (1.5, 2.5, 3.5). A section whose
 * answers are all N/A has no bar and says "No grade". The last row is all graded answers together.
 */
function gradeChart(outcome, prefix) {
  const rows = sectionList(outcome).map((s) => ({
    id: s.id, title: s.title ?? s.id, mean: typeof s.mean === 'number' ? s.mean : null, grade: Number.isInteger(s.grade) ? s.grade : null, state: sectionState(s),
  }));
  if (rows.length) {
    // All graded answers together: the mean only (its grade, and the limiting judgements, are in the derivation).
    const mean = typeof outcome?.overallMean === 'number' ? outcome.overallMean : null;
    rows.push({ id: 'overall', title: 'All graded answers', mean, grade: null, state: mean === null ? 'empty' : 'graded', overall: true });
  }
  const W = 320;
  const PAD_L = 4;
  const PAD_R = 4;
  const TOP = 22;
  const ROW = 44;
  const BAR_H = 16;
  const plotW = W - PAD_L - PAD_R;
  const x = (v) => PAD_L + (Math.max(0, Math.min(4, v)) / 4) * plotW;
  const H = TOP + rows.length * ROW + 26;
  const titleId = `${prefix}-chart-title`;
  const descId = `${prefix}-chart-desc`;
  const root = svgNode('svg', {
    viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', 'aria-labelledby': titleId, 'aria-describedby': descId,
    class: 'app-grade-chart__svg', focusable: 'false', 'data-rows': rows.length,
  });
  root.append(svgNode('title', { id: titleId }, 'Section grades'));
  const desc = rows.map((r) => (r.state === 'graded'
    ? `${r.title}: mean ${fixed2(r.mean)}${r.grade ? `, grade ${gradeText(r.grade)}` : ''}.`
    : `${r.title}: ${r.state === 'not-applicable' ? 'no grade, every answer is N/A' : 'not graded yet'}.`)).join(' ');
  root.append(svgNode('desc', { id: descId }, desc || 'No section is graded yet.'));

  // Grade bands behind the bars: 0–1.5 grade 1, to 2.5 grade 2, to 3.5 grade 3, above grade 4.
  const bands = [[0, 1.5, 1], [1.5, 2.5, 2], [2.5, 3.5, 3], [3.5, 4, 4]];
  const plotBottom = TOP + rows.length * ROW;
  for (const [from, to, g] of bands) {
    root.append(svgNode('rect', { x: x(from), y: TOP - 4, width: x(to) - x(from), height: plotBottom - TOP + 4, class: `app-chart-band app-chart-band--${g}` }));
    root.append(svgNode('text', { x: (x(from) + x(to)) / 2, y: TOP - 8, 'text-anchor': 'middle', class: 'app-chart-band-label' }, `grade ${g}`));
  }
  for (const edge of [1.5, 2.5, 3.5]) {
    root.append(svgNode('line', { x1: x(edge), x2: x(edge), y1: TOP - 4, y2: plotBottom, class: 'app-chart-edge' }));
  }

  rows.forEach((r, i) => {
    const y = TOP + i * ROW;
    const g = svgNode('g', {
      class: `app-chart-row app-chart-row--${r.state}${r.overall ? ' app-chart-row--overall' : ''}`,
      'data-section': r.id, 'data-state': r.state, 'data-mean': r.mean === null ? '' : fixed2(r.mean), 'data-grade': r.grade ?? '',
    });
    if (r.overall) g.append(svgNode('line', { x1: 0, x2: W, y1: y + 1, y2: y + 1, class: 'app-chart-separator' }));
    g.append(svgNode('text', { x: PAD_L, y: y + 16, class: 'app-chart-label' }, r.title));
    const value = r.state === 'graded' ? (r.grade ? `${fixed2(r.mean)} · grade ${r.grade}` : `mean ${fixed2(r.mean)}`) : r.state === 'not-applicable' ? 'No grade (N/A)' : 'Not graded yet';
    g.append(svgNode('text', { x: W - PAD_R, y: y + 16, 'text-anchor': 'end', class: 'app-chart-value' }, value));
    const barY = y + 22;
    if (r.state === 'graded') {
      g.append(svgNode('rect', {
        x: x(0), y: barY, width: Math.max(2, x(r.mean) - x(0)), height: BAR_H, class: `app-chart-bar ${r.grade ? `app-grade-fill--${r.grade}` : 'app-chart-bar--overall'}`,
        'data-width': (x(r.mean) - x(0)).toFixed(1),
      }));
    } else {
      g.append(svgNode('rect', { x: x(0), y: barY, width: plotW, height: BAR_H, class: 'app-chart-empty' }));
    }
    root.append(g);
  });

  // The axis: 0 to 4.
  root.append(svgNode('line', { x1: x(0), x2: x(4), y1: plotBottom, y2: plotBottom, class: 'app-chart-axis' }));
  for (const t of [0, 1, 2, 3, 4]) {
    root.append(svgNode('line', { x1: x(t), x2: x(t), y1: plotBottom, y2: plotBottom + 5, class: 'app-chart-axis' }));
    root.append(svgNode('text', { x: x(t), y: plotBottom + 18, 'text-anchor': t === 0 ? 'start' : t === 4 ? 'end' : 'middle', class: 'app-chart-tick' }, String(t)));
  }
  return root;
}

function chartLegend() {
  return el('ul', { className: 'app-chart-legend', attrs: { 'aria-hidden': 'true' } }, GRADES.slice(0, 4).map(([g, label]) => el('li', {}, [
    el('span', { className: `app-chart-legend__swatch app-grade-fill--${g}` }),
    document.createTextNode(`${g} ${label}`),
  ])));
}

function scoresTable(outcome, prefix) {
  const head = el('thead', { className: 'govuk-table__head' }, [el('tr', { className: 'govuk-table__row' }, [
    el('th', { className: 'govuk-table__header', text: 'Section', attrs: { scope: 'col' } }),
    el('th', { className: 'govuk-table__header govuk-table__header--numeric', text: 'Answered', attrs: { scope: 'col' } }),
    el('th', { className: 'govuk-table__header govuk-table__header--numeric', text: 'N/A', attrs: { scope: 'col' } }),
    el('th', { className: 'govuk-table__header govuk-table__header--numeric', text: 'Mean', attrs: { scope: 'col' } }),
    el('th', { className: 'govuk-table__header govuk-table__header--numeric', text: 'Grade', attrs: { scope: 'col' } }),
  ])]);
  const body = el('tbody', { className: 'govuk-table__body' }, sectionList(outcome).map((s) => {
    const st = sectionState(s);
    const answered = Number(s.answered ?? 0) + Number(s.notApplicable ?? 0);
    const gradeCell = el('td', { className: 'govuk-table__cell govuk-table__cell--numeric', attrs: { 'data-col': 'grade' } });
    if (st === 'graded') {
      gradeCell.append(el('strong', { className: `app-grade-badge app-grade--${s.grade}`, text: String(s.grade) }), el('span', { className: 'govuk-visually-hidden', text: ` ${GRADE_LABEL.get(s.grade)}` }));
    } else {
      if (st === 'not-applicable') gradeCell.textContent = 'No grade';
      else gradeCell.append(el('span', { text: '–', attrs: { 'aria-hidden': 'true' } }), el('span', { className: 'govuk-visually-hidden', text: 'Not graded yet' }));
    }
    return el('tr', { className: 'govuk-table__row', attrs: { 'data-section': s.id, 'data-state': st } }, [
      el('th', { className: 'govuk-table__header app-scores-table__section', text: s.title ?? s.id, attrs: { scope: 'row' } }),
      el('td', { className: 'govuk-table__cell govuk-table__cell--numeric', text: `${answered}/${s.questions ?? '?'}`, attrs: { 'data-col': 'answered' } }),
      el('td', { className: 'govuk-table__cell govuk-table__cell--numeric', text: String(s.notApplicable ?? 0), attrs: { 'data-col': 'na' } }),
      el('td', { className: 'govuk-table__cell govuk-table__cell--numeric', text: fixed2(s.mean), attrs: { 'data-col': 'mean' } }),
      gradeCell,
    ]);
  }));
  return el('table', { className: 'govuk-table app-scores-table', attrs: { id: `${prefix}-scores-table` } }, [
    el('caption', { className: 'govuk-table__caption govuk-table__caption--s', text: 'Scores by section' }),
    head,
    body,
  ]);
}

function agreementText(outcome) {
  const recorded = outcome?.recordedOverall;
  const suggested = outcome?.suggestedOverall;
  if (!Number.isInteger(recorded)) return 'The auditors have not given their overall score yet.';
  if (!Number.isInteger(suggested)) return `The auditors’ overall score is ${gradeText(recorded)}; the answers do not suggest a grade yet.`;
  switch (outcome.agreement) {
    case 'same':
      return `The auditors’ overall score, ${gradeText(recorded)}, is the same as the suggested grade.`;
    case 'within-one':
      return `The auditors’ overall score, ${gradeText(recorded)}, is within one grade of the suggested grade, ${gradeText(suggested)}.`;
    default:
      return recorded === 5
        ? `The auditors’ overall score is N/A, which is not a judgement: the suggested grade is ${gradeText(suggested)}.`
        : `The auditors’ overall score, ${gradeText(recorded)}, is more than one grade from the suggested grade, ${gradeText(suggested)}: explain why in the general comments.`;
  }
}

function suggestionNodes(outcome, { links }) {
  const list = Array.isArray(outcome?.evidenceSuggestions) ? outcome.evidenceSuggestions.filter(isObject) : [];
  return list.map((s) => {
    const q = questionGroups.get(s.question);
    const given = getAt(model, ['answers', s.question]);
    const headline = q ? `${questionNumber(s.question)}. ${q.text}` : s.question;
    const verdict = Number.isInteger(given)
      ? (given === s.suggested ? `graded ${gradeText(given)}, as the dates suggest` : `graded ${gradeText(given)}; the dates suggest ${gradeText(s.suggested)}`)
      : `the dates suggest ${gradeText(s.suggested)}`;
    const title = links && q
      ? el('a', { className: 'govuk-link', text: headline, attrs: { href: `#${q.group.id}` } })
      : el('span', { text: headline });
    const reason = typeof s.reason === 'string' && s.reason.trim() ? ` ${s.reason.trim().replace(/([^.!?])$/, '$1.')}` : '';
    return el('li', { attrs: { 'data-question': s.question, 'data-differs': String(Number.isInteger(given) && given !== s.suggested) } }, [
      title, document.createTextNode(` — ${verdict}.${reason}`),
    ]);
  });
}

function questionNumber(qid) {
  let n = 0;
  for (const s of sections) {
    for (const q of s.questions) {
      n += 1;
      if (q.id === qid) return n;
    }
  }
  return 0;
}

/** The derivation in words: the outcome's own sentences, then the limiting judgements, the agreement, the evidence. */
function derivationContent(outcome, { links }) {
  const nodes = [];
  const derivation = Array.isArray(outcome?.derivation) ? outcome.derivation.filter((d) => typeof d === 'string') : [];
  nodes.push(el('ol', { className: 'govuk-list govuk-list--number app-derivation__steps' }, derivation.map((d) => el('li', {
    text: d, className: /^Limiting judgement/.test(d) ? 'app-derivation__limiting' : /^Suggested overall/.test(d) ? 'app-derivation__result' : undefined,
  }))));
  const limiting = Array.isArray(outcome?.limitingJudgements) ? outcome.limitingJudgements : [];
  if (limiting.length) {
    nodes.push(el('div', { className: 'govuk-warning-text app-limiting' }, [
      el('span', { className: 'govuk-warning-text__icon', text: '!', attrs: { 'aria-hidden': 'true' } }),
      el('strong', { className: 'govuk-warning-text__text' }, [
        el('span', { className: 'govuk-visually-hidden', text: 'Warning' }),
        document.createTextNode(`Limiting judgement${limiting.length > 1 ? 's' : ''}: ${limiting.map((l) => LIMITING[l] ?? l).join(' ')}`),
      ]),
    ]));
  }
  nodes.push(el('p', { className: 'govuk-body app-agreement', text: agreementText(outcome), attrs: { 'data-agreement': outcome?.agreement ?? '' } }));
  const suggestions = suggestionNodes(outcome, { links });
  if (suggestions.length) {
    nodes.push(el('h4', { className: 'govuk-heading-s', text: 'What the case record’s dates suggest' }));
    nodes.push(el('ul', { className: 'govuk-list govuk-list--bullet app-evidence-list' }, suggestions));
  }
  return nodes;
}

function factsList(outcome) {
  const rows = [];
  const row = (key, value, attrs) => rows.push(el('div', { className: 'govuk-summary-list__row', attrs }, [
    el('dt', { className: 'govuk-summary-list__key', text: key }),
    el('dd', { className: 'govuk-summary-list__value' }, [typeof value === 'string' ? document.createTextNode(value) : value]),
  ]));
  const pct = typeof outcome?.completeness === 'number' ? Math.round(outcome.completeness * 100) : null;
  if (pct !== null) {
    const meter = el('span', { className: 'app-progress', attrs: { 'aria-hidden': 'true' } }, [el('span', { className: 'app-progress__fill' })]);
    meter.firstChild.dataset.percent = String(pct);
    meter.firstChild.style.setProperty('width', `${pct}%`); // CSSOM (not an inline style attribute in the markup): allowed by the CSP
    row('Complete', el('span', {}, [document.createTextNode(`${pct}%`), meter]), { id: 'fact-completeness', 'data-value': String(outcome.completeness) });
  }
  row('Auditors’ score', Number.isInteger(outcome?.recordedOverall) ? gradeText(outcome.recordedOverall) : 'Not given yet', { id: 'fact-recorded' });
  row('Follow-up check', outcome?.followUpDue ? `Actions checked by ${formatIso(outcome.followUpDue)}` : 'Enter the date of the audit', { id: 'fact-follow-up', 'data-value': outcome?.followUpDue ?? '' });
  return el('dl', { className: 'govuk-summary-list govuk-summary-list--no-border app-facts' }, rows);
}

function suggestedBlock(outcome) {
  const g = outcome?.suggestedOverall;
  const limiting = Array.isArray(outcome?.limitingJudgements) ? outcome.limitingJudgements : [];
  const children = [el('p', { className: 'govuk-body-s app-suggested__caption', text: 'Suggested overall grade' })];
  if (Number.isInteger(g)) {
    children.push(el('p', { className: `app-suggested__grade app-grade--${g}`, attrs: { id: 'suggested-grade', 'data-grade': String(g) } }, [
      el('span', { className: 'app-suggested__number', text: String(g) }),
      el('span', { className: 'app-suggested__label', text: outcome.suggestedOverallLabel ?? GRADE_LABEL.get(g) ?? '' }),
    ]));
    if (limiting.length) {
      children.push(el('p', { className: 'govuk-body-s app-suggested__limited', text: `Limited by: ${limiting.map((l) => LIMITING_SHORT[l] ?? l).join(', ')}` }));
    } else if (typeof outcome.overallMean === 'number') {
      children.push(el('p', { className: 'govuk-body-s app-suggested__limited', text: `Mean of all graded answers: ${fixed2(outcome.overallMean)}` }));
    }
  } else {
    children.push(el('p', { className: 'app-suggested__grade app-suggested__grade--none', text: 'None yet', attrs: { id: 'suggested-grade', 'data-grade': '' } }));
  }
  return children;
}

function sectionLine(s) {
  const st = sectionState(s);
  const answered = Number(s.answered ?? 0) + Number(s.notApplicable ?? 0);
  const counts = `${answered} of ${s.questions ?? '?'} answered, ${s.notApplicable ?? 0} N/A`;
  if (st === 'graded') return `${counts}. Mean ${fixed2(s.mean)}: grade ${gradeText(s.grade)}.`;
  if (st === 'not-applicable') return `${counts}. No grade: every answer given is N/A.`;
  return `${counts}. Not graded yet.`;
}

function showOutcome(outcome) {
  const panel = document.getElementById('scores');
  const ok = state === 'ready' && isObject(outcome);
  const suggested = document.getElementById('scores-suggested');
  const chart = document.getElementById('scores-chart');
  const table = document.getElementById('scores-table');
  const facts = document.getElementById('scores-facts');
  const derivation = document.getElementById('derivation-body');
  if (!ok) {
    const text = state === 'loading' ? 'Checking…' : state === 'ready' ? 'No result' : 'Checks unavailable';
    panel.dataset.state = state === 'ready' ? 'none' : state;
    suggested.replaceChildren(el('p', { className: 'govuk-body' }, [el('strong', { className: 'govuk-tag govuk-tag--orange', text })]));
    chart.replaceChildren(el('p', { className: 'govuk-body-s', text: 'Scores are shown once the answers can be checked.' }));
    table.replaceChildren();
    facts.replaceChildren();
    derivation?.replaceChildren(el('p', { className: 'govuk-body', text: `${text}: the suggested grade cannot be worked out.` }));
    for (const line of sectionScoreLines.values()) line.textContent = text;
    for (const { suggestion } of questionGroups.values()) suggestion.hidden = true;
    renderPrintRecord(null);
    return;
  }
  panel.dataset.state = 'ready';
  panel.dataset.suggested = outcome.suggestedOverall ?? '';
  suggested.replaceChildren(...suggestedBlock(outcome));
  chart.replaceChildren(gradeChart(outcome, 'panel'), chartLegend());
  table.replaceChildren(scoresTable(outcome, 'panel'));
  facts.replaceChildren(factsList(outcome));
  derivation?.replaceChildren(...derivationContent(outcome, { links: true }));

  for (const s of sectionList(outcome)) {
    const line = sectionScoreLines.get(s.id);
    if (!line) continue;
    line.textContent = sectionLine(s);
    line.dataset.state = sectionState(s);
    line.dataset.grade = s.grade ?? '';
  }
  const bySuggestion = new Map((Array.isArray(outcome.evidenceSuggestions) ? outcome.evidenceSuggestions : []).filter(isObject).map((s) => [s.question, s]));
  for (const [qid, { suggestion }] of questionGroups) {
    const s = bySuggestion.get(qid);
    if (!s) {
      suggestion.hidden = true;
      suggestion.replaceChildren();
      continue;
    }
    suggestion.hidden = false;
    suggestion.replaceChildren(
      el('strong', { text: `The case record’s dates suggest ${gradeText(s.suggested)}. ` }),
      document.createTextNode(s.reason ?? ''),
    );
  }
  renderPrintRecord(outcome);
}

/** Tell screen reader users what a grade did to its section (once per change, politely). */
function announce(pointer, outcome) {
  const live = document.getElementById('scores-live');
  if (!pointer || !isObject(outcome) || state !== 'ready') return;
  let sentence = '';
  const m = /^\/answers\/([a-z]+)\./.exec(pointer);
  if (m) {
    const s = sectionList(outcome).find((x) => x.id === m[1]);
    if (s) sentence = `${s.title}: ${sectionLine(s)}`;
  }
  if (pointer.startsWith('/answers/') || pointer === '/childSafe/answer' || pointer === '/lifeImproved/answer') {
    sentence += ` Suggested overall grade: ${Number.isInteger(outcome.suggestedOverall) ? gradeText(outcome.suggestedOverall) : 'none yet'}.`;
  }
  if (sentence && live.textContent !== sentence.trim()) live.textContent = sentence.trim();
}

// --- the printed record ---------------------------------------------------------------------------------------

function labelOf(choices, v) {
  const hit = choices.find(([c]) => c === v);
  return hit ? hit[1] : (v === undefined || v === null || v === '' ? '' : String(v));
}

function textOf(v) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

function summaryList(rows, className = '') {
  return el('dl', { className: `govuk-summary-list app-record-list ${className}`.trim() }, rows.map(([key, value]) => el('div', { className: 'govuk-summary-list__row' }, [
    el('dt', { className: 'govuk-summary-list__key', text: key }),
    el('dd', { className: 'govuk-summary-list__value', text: value === '' || value === undefined ? 'Not recorded' : value }),
  ])));
}

function recordTable(caption, headers, rows, className = '') {
  return el('table', { className: `govuk-table app-record-table ${className}`.trim() }, [
    caption ? el('caption', { className: 'govuk-table__caption govuk-table__caption--s', text: caption }) : null,
    el('thead', { className: 'govuk-table__head' }, [el('tr', { className: 'govuk-table__row' }, headers.map((h) => el('th', { className: 'govuk-table__header', text: h, attrs: { scope: 'col' } })))]),
    el('tbody', { className: 'govuk-table__body' }, rows.map((cells) => el('tr', { className: 'govuk-table__row' }, cells.map((c, i) => (i === 0
      ? el('td', { className: 'govuk-table__cell', text: c })
      : el('td', { className: 'govuk-table__cell', text: c })))))),
  ]);
}

function renderPrintRecord(outcome) {
  const box = document.getElementById('print-record');
  if (!box) return;
  const d = model;
  const get = (...segs) => getAt(d, segs);
  const date = (...segs) => formatDateValue(get(...segs));
  const yesNo = (key) => labelOf(YES_NO_TEXT, get(key, 'answer'));
  const auditors = Array.isArray(d.auditors) ? d.auditors.filter((a) => a !== null && String(a).trim() !== '').map(String).join(', ') : '';
  const previous = [textOf(d.previousCaseWorker), d.previousAllocated ? `allocated ${date('previousAllocated')}` : '', d.previousClosed ? `closed ${date('previousClosed')}` : '']
    .filter(Boolean).join(', ');
  const nodes = [
    summaryList([
      ['Type of audit', labelOf(AUDIT_TYPES, d.auditType)],
      ['Theme', labelOf(THEMES, d.theme)],
      ['Practitioner present', textOf(d.practitionerPresent)],
      ['Locality area', labelOf(LOCALITIES, d.locality)],
      ['Date of audit', date('auditDate')],
      ['Current case worker', textOf(d.caseWorker)],
      ['LLCS number', textOf(d.llcsNumber)],
      ['Date allocated', date('dateAllocated')],
      ['Previous case worker', previous],
      ['Current line manager', textOf(d.lineManager)],
      ['Auditors', auditors],
      ['Case status', labelOf(CASE_STATUSES, d.caseStatus)],
      ['Child or young person', textOf(get('child', 'name'))],
      ['Family name or names', textOf(get('child', 'familyNames'))],
      ['Date of birth', date('child', 'dateOfBirth')],
    ], 'app-record-list--two-col'),
  ];

  // The scores, the chart and the derivation: what the checks worked out.
  const scores = [el('h2', { className: 'govuk-heading-m', text: 'Audit summary' })];
  if (outcome) {
    scores.push(summaryList([
      ['Auditors’ overall score', Number.isInteger(d.overallGrade) ? gradeText(d.overallGrade) : ''],
      ['Suggested overall grade', Number.isInteger(outcome.suggestedOverall) ? gradeText(outcome.suggestedOverall) : 'None yet'],
      ['Follow-up check of the actions', outcome.followUpDue ? formatIso(outcome.followUpDue) : ''],
      ['Complete', typeof outcome.completeness === 'number' ? `${Math.round(outcome.completeness * 100)}%` : ''],
    ]));
    scores.push(el('div', { className: 'app-record-scores' }, [
      el('div', { className: 'app-record-scores__chart' }, [gradeChart(outcome, 'print'), chartLegend()]),
      el('div', { className: 'app-record-scores__table' }, [scoresTable(outcome, 'print')]),
    ]));
    scores.push(el('h3', { className: 'govuk-heading-s', text: 'How the suggested grade is worked out' }));
    scores.push(...derivationContent(outcome, { links: false }));
  } else {
    scores.push(el('p', { className: 'govuk-body', text: 'Checks unavailable: the scores have not been worked out.' }));
  }
  scores.push(el('h3', { className: 'govuk-heading-s', text: 'General comments' }));
  scores.push(el('p', { className: 'govuk-body app-record-text', text: textOf(d.generalComments) || 'None recorded' }));
  nodes.push(el('section', { className: 'app-record-section app-record-section--summary' }, scores));

  // The grades, section by section.
  let n = 0;
  const gradeTables = sections.map((s) => recordTable(s.title, ['Question', 'Grade'], s.questions.map((q) => {
    n += 1;
    const g = get('answers', q.id);
    return [`${n}. ${q.text}`, Number.isInteger(g) ? `${g} ${GRADE_LABEL.get(g) ?? ''}`.trim() : 'Not graded'];
  }), 'app-record-table--grades'));
  nodes.push(el('section', { className: 'app-record-section' }, [el('h2', { className: 'govuk-heading-m', text: 'Quality of the case file' }), ...gradeTables]));

  nodes.push(el('section', { className: 'app-record-section' }, [
    el('h2', { className: 'govuk-heading-m', text: 'Records, safety and impact' }),
    summaryList([
      ['Most recent assessment', [textOf(get('mostRecentAssessment', 'type')), date('mostRecentAssessment', 'date')].filter(Boolean).join(', ')],
      ['Most recent support plan', [textOf(get('mostRecentSupportPlan', 'type')), date('mostRecentSupportPlan', 'date')].filter(Boolean).join(', ')],
      ['Most recent supervision', date('mostRecentSupervision')],
      ['Child or children safe', [yesNo('childSafe'), textOf(get('childSafe', 'comments'))].filter(Boolean).join(': ')],
      ['Life improved', [yesNo('lifeImproved'), textOf(get('lifeImproved', 'comments'))].filter(Boolean).join(': ')],
      ['Direct observation undertaken', [yesNo('directObservation'), textOf(get('directObservation', 'comments'))].filter(Boolean).join(': ')],
    ]),
  ]));

  const actions = Array.isArray(d.remedialActions) ? d.remedialActions.filter(isObject) : [];
  nodes.push(el('section', { className: 'app-record-section' }, [
    el('h2', { className: 'govuk-heading-m', text: 'Remedial actions' }),
    actions.length
      ? recordTable(null, ['Action', 'To be completed by', 'Line manager’s comment', 'Completed', 'Initials'], actions.map((a) => [
        textOf(a.action), formatDateValue(a.dueDate), textOf(a.lineManagerComment), formatDateValue(a.completedOn), textOf(a.lineManagerInitials),
      ]), 'app-record-table--actions')
      : el('p', { className: 'govuk-body', text: 'None recorded' }),
    el('h3', { className: 'govuk-heading-s', text: 'Lessons learnt' }),
    el('p', { className: 'govuk-body app-record-text', text: textOf(d.lessonsLearnt) || 'None recorded' }),
  ]));

  const e = isObject(d.evidence) ? d.evidence : {};
  const circles = Array.isArray(e.familyCircleDates) ? e.familyCircleDates.map(formatDateValue).filter(Boolean).join(', ') : '';
  if (Object.keys(e).length) {
    nodes.push(el('section', { className: 'app-record-section' }, [
      el('h2', { className: 'govuk-heading-m', text: 'Evidence from the case record' }),
      summaryList([
        ['Date of referral', formatDateValue(e.referralDate)],
        ['Date of allocation', formatDateValue(e.allocationDate)],
        ['First contact', formatDateValue(e.firstContactDate)],
        ['Referral from Family Connect', textOf(e.referredByFamilyConnect)],
        ['Assessment at referral', textOf(e.assessmentAtReferral)],
        ['Assessment completed', formatDateValue(e.assessmentCompletedDate)],
        ['Early help document', labelOf(ASSESSMENT_KINDS, e.assessmentKind)],
        ['Family Circles', circles],
      ]),
    ]));
  }
  box.replaceChildren(...nodes);
}

// --- the error summary -----------------------------------------------------------------------------------------

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

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
      ? `The audit has no errors. Check the ${plural(warnings, 'warning', 'warnings')} by the answers.`
      : 'The audit has no errors.';
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
  const pointer = t.dataset.group;
  if (!pointer) return;
  const group = registry.get(pointer);
  if (!group) return;
  if ((group.kind === 'radios' || group.kind === 'select') && event.type === 'input') return;

  // A text field or a date counts as answered once the person leaves it (or completes a date);
  // from then on its messages follow every keystroke.
  if ((event.type === 'change' && group.kind !== 'date') || group.kind === 'radios' || group.kind === 'select' || (group.kind === 'date' && group.complete())) {
    touched.add(pointer);
  }
  // A list of plain values is sent whole, so that blank rows keep their places.
  const target = group.scalarList ?? pointer;
  const value = group.scalarList ? scalarListValue(group.scalarList) : group.read();
  const previous = getAt(model, parsePointer(target));
  if (JSON.stringify(previous) === JSON.stringify(value)) {
    afterChange(guarded(() => session.report()));
    return;
  }
  afterChange(change(target, value), pointer);
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
    setState('unavailable', 'The audit could not be checked, so it has not been submitted.');
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

/** Links to a question (from the derivation's evidence list) focus its first radio. */
function onDerivationClick(event) {
  const a = event.target instanceof Element ? event.target.closest('a') : null;
  if (!a || !a.hash) return;
  if (focusTarget(decodeURIComponent(a.hash.slice(1)))) event.preventDefault();
}

/** Fill the form with the worked example. */
function loadExample() {
  model = clone(EXAMPLE);
  for (const [pointer, list] of lists) list.shown = Math.max(list.minRows, listLength(pointer));
  for (const pointer of lists.keys()) renderList(pointer);
  fillFromModel('');
  touched.clear();
  for (const key of Object.keys(model)) touched.add(`/${key}`);
  const report = guarded(() => session.load(clone(model)));
  afterChange(report);
}

// ---------------------------------------------------------------------------------------------------------------
// Start

startGovukFrontend();

async function start() {
  let schema = null;
  let first = null;
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
  if (checks) {
    try {
      session = new checks.FormSession(FORM_ID, options('draft'));
      first = session.report();
    } catch (err) {
      session = null;
      console.error(`safeguarding-forms: session failed: ${err && err.message}`);
    }
  }

  sections = questionSections(schema, first?.outcome);
  buildForm();
  const form = document.getElementById('audit-form');
  form.addEventListener('input', onFieldEvent);
  form.addEventListener('change', onFieldEvent);
  form.addEventListener('focusout', onFocusOut);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', onSubmit);
  document.getElementById('derivation')?.addEventListener('click', onDerivationClick);
  document.getElementById('error-summary').addEventListener('click', onSummaryClick);
  document.getElementById('print-button').addEventListener('click', () => window.print());
  const example = document.getElementById('example-button');

  if (!checks || !session) {
    setState('unavailable', checks
      ? 'The checks could not be started. Your answers will not be checked.'
      : 'The checks could not be loaded. Your answers will not be checked.');
    example.addEventListener('click', () => {
      model = clone(EXAMPLE);
      for (const [pointer, list] of lists) list.shown = Math.max(list.minRows, listLength(pointer));
      for (const pointer of lists.keys()) renderList(pointer);
      fillFromModel('');
      showOutcome(null);
    });
    showOutcome(null);
    return;
  }
  example.addEventListener('click', loadExample);
  setState('ready');
  showReport(first);
}

start();
