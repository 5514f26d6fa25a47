// Safety / wellbeing plan (`safety-plan`, forms.md §27; seed 003, South Gloucestershire's CIN and CP Plan guide):
// a GOV.UK-style form checked live by the WebAssembly module, with the local authority profile selectable.
//
// - One FormSession (stage "draft", with the chosen profile) receives every change as `set(pointer, value)` /
//   `remove(pointer)`. Changing the profile builds a new FormSession with `{ profile }` and loads the same data.
// - "Submit plan" re-checks the plan with `validate(..., { stage: "submit", profile })` on `session.data()`.
// - Messages are written with textContent only; pictures are SVG built with createElementNS. If the module cannot
//   load or a call fails, the page says "Checks unavailable" and never claims the plan has no problems.
// - `?today=YYYY-MM-DD` fixes "today" (for demos and tests); `?profile=<id>` picks the profile at start.

import { startGovukFrontend, loadChecks, el } from '/www/common.js';

const FORM_ID = 'safety-plan';
const BASE_TITLE = document.title;
const SVG_NS = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------------------------------------------------------
// The form's vocabulary (src/forms/safety_plan/model.rs). Ids are the package's; the labels are this page's.

const PLAN_TYPES = [['cin', 'Child in need (CIN) plan'], ['cp', 'Child protection (CP) plan']];

const TOPICS = [
  ['neglect', 'Neglect'],
  ['emotional-abuse', 'Emotional abuse'],
  ['physical-abuse', 'Physical abuse'],
  ['sexual-abuse', 'Sexual abuse, in and outside the family, including peers'],
  ['mental-health', 'Mental health'],
  ['domestic-abuse', 'Domestic abuse'],
  ['substance-misuse', 'Drugs and alcohol misuse'],
  ['exploitation', 'Exploitation'],
  ['harmful-sexual-behaviour', 'Harmful sexual behaviour'],
  ['disability', 'Children with disabilities'],
];
const TOPIC_IDS = TOPICS.map(([id]) => id);

const RAG = [['red', 'Red'], ['amber', 'Amber'], ['green', 'Green']];

const REVIEW_MEETINGS = [
  ['cin-review', 'Child in need (CIN) review'],
  ['core-group', 'Core group'],
  ['cp-conference', 'Child protection (CP) conference'],
  ['network-meeting', 'Family network meeting'],
];

const APPROVAL_KINDS = [
  ['external-assessment', 'External assessment (risk or parenting capacity)'],
  ['capacity-to-change-assessment', 'Capacity to change assessment'],
  ['hair-strand-test', 'Hair strand test'],
  ['specialist-service', 'Commissioned specialist service'],
];

const YES_NO = [['true', 'Yes'], ['false', 'No']];
const DASH_KINDS = [['true', 'Teen DASH'], ['false', 'Adult DASH']];

/** The roadmap strip: the outcome's `missing` parts, in the guide's order. */
const STEPS = [
  ['danger-statements', 'Danger statements and safety goals', 'section-danger'],
  ['bottom-lines', 'Step 1: bottom lines', 'section-bottom-lines'],
  ['timeline', 'Step 2: timeline', 'section-timeline'],
  ['network', 'Step 3: who is involved', 'section-network'],
  ['plan-rules', 'Step 4: plan rules', 'section-plan-rules'],
  ['child-version', 'Child’s version of the plan', 'section-child'],
];
const ALSO = [
  ['words-and-pictures', 'Words and Pictures explanation', 'section-child'],
  ['review-timescale', 'Review timescale', 'section-review'],
];

const REVIEW_STATUS = {
  due: ['Due', 'govuk-tag--blue'],
  'due-soon': ['Due soon', 'govuk-tag--yellow'],
  overdue: ['Overdue', 'govuk-tag--red'],
  met: ['Reviewed', 'govuk-tag--green'],
  'met-late': ['Reviewed late', 'govuk-tag--orange'],
  'not-applicable': ['Not set', 'govuk-tag--grey'],
};

/** A complete plan from the conformance vectors (tests/conformance/safety-plan/complete.json), for the demo. */
const EXAMPLE = {
  planType: 'cin',
  planDate: '2025-05-01',
  topics: ['domestic-abuse'],
  dangerStatements: [{
    statement: 'Social workers are worried that Sam could be hurt when the adults argue',
    safetyGoal: 'Sam will be cared for by adults who keep arguments away from him',
    safetyScale: 4,
    networkMeetingOn: '2025-05-20',
  }],
  bottomLines: ['No physical violence in the home'],
  timeline: [
    { week: '1', task: { what: 'Find three people for the network', who: 'Mum and Dad', why: 'So there is help around the family' }, meetingsMonitoring: 'Phone calls', completed: true },
    { week: '2-3', task: { what: 'Family network meeting', who: 'Social worker', why: 'To build the plan rules' }, completed: true },
    { week: 'Week 4-8', task: { what: 'Weekly unannounced visits', who: 'Social worker', why: 'To see the home is safe' } },
  ],
  network: [
    { name: 'Nan', relationship: 'grandmother', role: 'weekend support' },
    { name: 'Aunt', relationship: 'aunt', role: 'check-ins' },
    { name: 'Neighbour', relationship: 'friend', role: 'school run' },
  ],
  networkTarget: 3,
  familyNetworkMeetingOn: '2025-05-20',
  planRules: {
    worries: 'Arguments turning physical',
    workingWell: 'Sam goes to school every day',
    stressorsTriggers: 'Money worries, alcohol',
    firstSigns: 'Raised voices',
    redFlags: 'Doors slammed, shouting',
    whoDoesWhat: [{ who: 'Nan', action: 'Takes Sam to hers' }],
  },
  childVersion: { createdOn: '2025-05-25', sharedWithChild: true },
  wordsAndPicturesOn: '2025-05-27',
  reviewEvery: 6,
  reviewMeetings: [{ on: '2025-05-29', kind: 'cin-review', planReviewed: true }],
  incidents: ['2025-04-10'],
  dashAssessments: [{ on: '2025-04-11', teen: false, youngPerson: false }],
  serviceManagerApprovals: [{ kind: 'capacity-to-change-assessment', on: '2025-05-02' }],
  handover: { networkLead: 'Nan', on: '2025-09-01' },
};

// ---------------------------------------------------------------------------------------------------------------
// JSON Pointers and the page's own copy of the data (kept so that a new session — after a failure, or for another
// profile — can be loaded with exactly what the person has entered).

const parsePointer = (p) => (p === '' ? [] : p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
const toPointer = (segs) => segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
const isIndex = (s) => /^(0|[1-9]\d*)$/.test(String(s));
const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
const pointerIsWithin = (inner, outer) => inner === outer || inner.startsWith(outer + '/');

/** Lists of plain values: a gap is padded with "" (blank), and a cleared row stays in the list as "". */
const PRIMITIVE_LISTS = new Set(['/bottomLines', '/incidents']);

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
let profile = /^[a-z0-9-]{1,40}$/.test(params.get('profile') ?? '') ? params.get('profile') : 'default';
const options = (stage) => ({ stage, profile, ...(today ? { today } : {}) });

let checks = null; // the module's exports once loaded
let session = null; // FormSession (draft, current profile)
let profileList = []; // profiles(): [{ id, title, changes }]
let maxScale = 10; // safety-plan.maxScale under the current profile
let state = 'loading'; // loading | ready | unavailable
let submitted = false; // after the first submit, every message shows and the submit stage is used
let checkedCount = 0; // how many reports have been drawn (the outcome panel's data-checked)
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

/** A new draft session under the current profile, loaded with the page's copy of the data. Throws on failure. */
function newSession() {
  const next = new checks.FormSession(FORM_ID, options('draft'));
  const report = next.load(clone(model));
  return { next, report };
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
      session = newSession().next;
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
    const pad = () => (PRIMITIVE_LISTS.has(toPointer(parentSegs)) ? '' : {});
    let fresh;
    if (cur === null || typeof cur !== 'object') {
      fresh = isIndex(next) ? Array.from({ length: Number(next) + 1 }, pad) : {};
    } else if (Array.isArray(cur) && isIndex(next) && Number(next) >= cur.length) {
      fresh = [...cur, ...Array.from({ length: Number(next) + 1 - cur.length }, pad)];
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
  // A cleared row of a plain list stays as a blank row, so the rows below keep their places.
  if (value === undefined && segs.length === 2 && PRIMITIVE_LISTS.has(toPointer(segs.slice(0, 1))) && isIndex(segs[1])) {
    if (Number(segs[1]) < listLength(toPointer(segs.slice(0, 1)))) value = '';
  }
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
  // A "no errors" message from an earlier submit no longer describes the plan.
  document.getElementById('success-banner').hidden = true;
  if (state === 'unavailable' && draft && session) setState('ready');
  showReport(currentReport(draft));
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

/** Parse a number as typed: a plain number becomes a number, anything else is sent as typed (and reported). */
function readNumber(raw) {
  if (raw.trim() === '') return undefined;
  return /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw;
}

/** Text input (also numbers, with `number: true`). */
function textField(pointer, label, { hintText, width, inputmode, spellcheck, suffix, number, labelClass } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const input = el('input', {
    className: `govuk-input${width ? ` govuk-input--width-${width}` : ''}`,
    attrs: {
      id, name: id, type: 'text', inputmode, autocomplete: 'off',
      spellcheck: spellcheck === false ? 'false' : undefined,
      'aria-describedby': hintEl ? hintEl.id : undefined,
      'data-pointer': pointer,
    },
  });
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
    pointer, kind: 'text', id, root, slot: messages, inputs: { '': input }, describedBase: hintEl ? [hintEl.id] : [], describe: input,
    focusId: () => id,
    read: () => (number ? readNumber(input.value) : (input.value.trim() === '' ? undefined : input.value)),
    fill: (v) => { input.value = v === undefined || v === null ? '' : String(v); },
  });
}

/** Textarea for long text. */
function textareaField(pointer, label, { hintText, rows = 3, labelClass } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const area = el('textarea', {
    className: 'govuk-textarea',
    attrs: { id, name: id, rows: String(rows), spellcheck: 'true', 'aria-describedby': hintEl ? hintEl.id : undefined, 'data-pointer': pointer },
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

/** The safety scale: a number box and a range slider that move together. */
function scaleField(pointer, label) {
  const id = idFor(pointer);
  const hintEl = el('div', { className: 'govuk-hint app-sp-scale-hint', attrs: { id: `${id}-hint` } });
  const input = el('input', {
    className: 'govuk-input govuk-input--width-2',
    attrs: { id, name: id, type: 'text', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': hintEl.id, 'data-pointer': pointer },
  });
  const range = el('input', {
    className: 'app-sp-range',
    attrs: { id: `${id}-range`, name: `${id}-range`, type: 'range', min: '0', max: String(maxScale), step: '1', value: '0', 'data-pointer': pointer, 'data-range': 'true' },
  });
  input.dataset.group = pointer;
  range.dataset.group = pointer;
  const messages = slot();
  const setHint = () => {
    hintEl.textContent = `A number from 0 to ${maxScale}: ${maxScale} means Children’s Services are confident the child is safe enough to close the case; 0 means the harm is certain to happen.`;
    range.max = String(maxScale);
  };
  setHint();
  const root = el('div', { className: 'govuk-form-group' }, [
    el('label', { className: 'govuk-label', text: label, attrs: { for: id } }),
    hintEl,
    messages,
    el('div', { className: 'app-sp-scale' }, [
      input,
      el('div', { className: 'app-sp-scale__slider' }, [
        el('label', { className: 'govuk-label govuk-label--s app-sp-scale__slider-label', text: 'Or slide to set it', attrs: { for: range.id } }),
        el('div', { className: 'app-sp-scale__track' }, [
          el('span', { className: 'app-sp-scale__end', text: '0', attrs: { 'aria-hidden': 'true' } }),
          range,
          el('span', { className: 'app-sp-scale__end app-sp-scale__end--max', text: String(maxScale), attrs: { 'aria-hidden': 'true' } }),
        ]),
      ]),
    ]),
  ]);
  const syncRange = () => {
    const n = Number(input.value);
    const set = input.value.trim() !== '' && Number.isFinite(n);
    range.value = set ? String(Math.min(Math.max(n, 0), maxScale)) : '0';
    range.classList.toggle('app-sp-range--unset', !set);
    range.setAttribute('aria-valuetext', set ? `${input.value.trim()} out of ${maxScale}` : 'Not set');
    root.querySelector('.app-sp-scale__end--max').textContent = String(maxScale);
  };
  const group = register({
    pointer, kind: 'text', id, root, slot: messages, inputs: { '': input }, describedBase: [hintEl.id], describe: input,
    focusId: () => id,
    read: () => readNumber(input.value),
    fill: (v) => { input.value = v === undefined || v === null ? '' : String(v); syncRange(); },
    fromRange: () => { input.value = range.value; syncRange(); },
    sync: syncRange,
    refreshScale: () => { setHint(); syncRange(); },
  });
  syncRange();
  return group;
}

/** GOV.UK date input: day, month and year, sent as { day, month, year } strings as typed. */
function dateField(pointer, legend, { hintText = 'For example, 27 3 2025', legendSize } = {}) {
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
function radiosField(pointer, legend, choices, { hintText, inline, legendSize, itemClass } = {}) {
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
    el('div', { className: `govuk-radios${inline ? ' govuk-radios--inline' : ''}` }, choices.map(([value, text], i) => el('div', {
      className: `govuk-radios__item${itemClass ? ` ${itemClass} ${itemClass}--${value}` : ''}`,
    }, [
      radios[i],
      el('label', { className: 'govuk-label govuk-radios__label', text, attrs: { for: radios[i].id } }, [
        itemClass ? el('span', { className: `${itemClass}__swatch`, attrs: { 'aria-hidden': 'true' } }) : null,
      ]),
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

/** A single checkbox for a boolean: ticked → true, unticked → field removed. */
function checkboxField(pointer, label, { hintText } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-item-hint`, hintText);
  if (hintEl) hintEl.classList.add('govuk-checkboxes__hint');
  const box = el('input', {
    className: 'govuk-checkboxes__input',
    attrs: { id, name: id, type: 'checkbox', value: 'true', 'aria-describedby': hintEl ? hintEl.id : undefined, 'data-pointer': pointer },
  });
  box.dataset.group = pointer;
  const messages = slot();
  const root = el('div', { className: 'govuk-form-group' }, [
    messages,
    el('div', { className: 'govuk-checkboxes govuk-checkboxes--small' }, [
      el('div', { className: 'govuk-checkboxes__item' }, [
        box,
        el('label', { className: 'govuk-label govuk-checkboxes__label', text: label, attrs: { for: id } }),
        hintEl,
      ]),
    ]),
  ]);
  return register({
    pointer, kind: 'checkbox', id, root, slot: messages, inputs: { '': box }, describedBase: hintEl ? [hintEl.id] : [], describe: box,
    focusId: () => id,
    read: () => (box.checked ? true : undefined),
    fill: (v) => { box.checked = v === true; },
  });
}

/** Checkboxes for a list of enum values (the topics). */
function checkboxesField(pointer, legend, choices, { hintText } = {}) {
  const id = idFor(pointer);
  const hintEl = hint(`${id}-hint`, hintText);
  const boxes = choices.map(([value], i) => el('input', {
    className: 'govuk-checkboxes__input',
    attrs: { id: i === 0 ? id : `${id}-${value}`, name: id, type: 'checkbox', value, 'data-pointer': pointer },
  }));
  boxes.forEach((b) => { b.dataset.group = pointer; });
  const messages = slot();
  const fieldset = el('fieldset', { className: 'govuk-fieldset', attrs: { 'aria-describedby': hintEl ? hintEl.id : undefined } }, [
    el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--s', text: legend }),
    hintEl,
    messages,
    el('div', { className: 'govuk-checkboxes govuk-checkboxes--small app-sp-topics' }, choices.map(([, text], i) => el('div', { className: 'govuk-checkboxes__item' }, [
      boxes[i],
      el('label', { className: 'govuk-label govuk-checkboxes__label', text, attrs: { for: boxes[i].id } }),
    ]))),
  ]);
  const root = el('div', { className: 'govuk-form-group' }, [fieldset]);
  const ticked = () => boxes.filter((b) => b.checked).map((b) => b.value);
  return register({
    pointer, kind: 'checkboxes', id, root, slot: messages, inputs: {}, describedBase: hintEl ? [hintEl.id] : [], describe: fieldset,
    focusId: (rest) => {
      const chosen = ticked();
      const value = rest && isIndex(rest[0]) ? chosen[Number(rest[0])] : undefined;
      return (boxes.find((b) => b.value === value) ?? boxes[0]).id;
    },
    read: () => (ticked().length ? ticked() : undefined),
    fill: (v) => { for (const b of boxes) b.checked = Array.isArray(v) && v.includes(b.value); },
  });
}

/** A fieldset that groups other fields and can carry messages of its own (e.g. "/planRules", "/timeline/0"). */
function fieldsetGroup(pointer, legend, children, { legendSize = 'm', hintText, extra = [], nested = false } = {}) {
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
  const root = el('div', { className: `govuk-form-group app-composite${nested ? ' app-sp-nested' : ''}` }, [fieldset]);
  return register({
    pointer, kind: 'fieldset', id, root, slot: messages, inputs: {}, describedBase: hintEl ? [hintEl.id] : [], describe: fieldset,
    focusId: () => (fieldset.querySelector('input, select, textarea, button')?.id || `${id}-fieldset`),
  });
}

// --- lists ------------------------------------------------------------------------------------------------------

const lists = new Map(); // list pointer -> { rowsContainer, renderRow, minRows, addButton, itemName, shown }

function listLength(pointer) {
  const v = getAt(model, parsePointer(pointer));
  return Array.isArray(v) ? v.length : 0;
}

function renderList(pointer) {
  const list = lists.get(pointer);
  if (!list) return;
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
  touched.add(`=${pointer}`); // only messages about the list itself ("Add at least one task")
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
  group.focusId = () => group.root.querySelector('input, select, textarea')?.id || addButton.id;
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

/** A row of an object list: a small fieldset with its fields and a remove button. */
function objectRow(listPointer, legend, itemName, minRows, fields) {
  return (i, rows) => {
    const p = `${listPointer}/${i}`;
    const group = fieldsetGroup(p, `${legend} ${i + 1}`, fields(p, i), { legendSize: 's' });
    return el('div', { className: 'app-list__row', attrs: { 'data-row': p } }, [group.root, removeButton(listPointer, i, itemName, rows, minRows)]);
  };
}

/** A row of a plain list: one field and a remove button. */
function primitiveRow(listPointer, itemName, minRows, field) {
  return (i, rows) => {
    const p = `${listPointer}/${i}`;
    return el('div', { className: 'app-list__row app-list__row--small', attrs: { 'data-row': p } }, [
      field(p, i).root,
      removeButton(listPointer, i, itemName, rows, minRows),
    ]);
  };
}

// --- the whole form -------------------------------------------------------------------------------------------

const scaleGroups = () => [...registry.values()].filter((g) => g.refreshScale);

function section(id, heading, intro, nodes) {
  return el('div', { className: 'app-section', attrs: { id } }, [
    el('h2', { className: 'govuk-heading-l', text: heading }),
    intro ? el('p', { className: 'govuk-body', text: intro }) : null,
    ...nodes.map((n) => n.root ?? n),
  ]);
}

function subheading(text) {
  return el('h3', { className: 'govuk-heading-m', text });
}

function buildForm() {
  register({ pointer: '', kind: 'form', id: 'form', root: null, slot: document.getElementById('form-messages'), inputs: {}, describedBase: [], focusId: () => 'plan-form' });

  const dangerStatements = listSection('/dangerStatements', {
    legend: 'Danger statements',
    hintText: 'Pair each danger statement with a safety goal and a matched safety scale.',
    itemName: 'danger statement', addLabel: 'Add another danger statement', minRows: 1,
    renderRow: objectRow('/dangerStatements', 'Danger statement', 'danger statement', 1, (p) => [
      textareaField(`${p}/statement`, 'Danger statement', { hintText: 'What Children’s Services is worried will happen to the child if nothing changes.' }),
      textareaField(`${p}/safetyGoal`, 'Safety goal', { hintText: 'What Children’s Services needs to see to know the child is safe.' }),
      scaleField(`${p}/safetyScale`, 'Safety scale'),
      dateField(`${p}/networkMeetingOn`, 'Date of the family network meeting that explored this harm (optional)', { hintText: 'One family network meeting to explore each harm.' }),
    ]),
  });

  const bottomLines = listSection('/bottomLines', {
    legend: 'Professional bottom lines',
    hintText: 'What must happen, or never happen, for Children’s Services to be confident the child is safe.',
    itemName: 'bottom line', addLabel: 'Add another bottom line', minRows: 1,
    renderRow: primitiveRow('/bottomLines', 'bottom line', 1, (p, i) => textareaField(p, `Bottom line ${i + 1}`, { rows: 2 })),
  });

  const timeline = listSection('/timeline', {
    legend: 'Tasks',
    hintText: 'A clear, agreed timeline that professionals and the family understand. Smart actions: what, who and why.',
    itemName: 'task', addLabel: 'Add another task', minRows: 1,
    renderRow: objectRow('/timeline', 'Task', 'task', 1, (p) => [
      textField(`${p}/week`, 'Week', { hintText: 'The week the task is expected to take place: a number, like 4, or a range, like 4-8', width: 5, spellcheck: false }),
      fieldsetGroup(`${p}/task`, 'Task', [
        textareaField(`${p}/task/what`, 'What the task is', { rows: 2 }),
        textField(`${p}/task/who`, 'Who will do it', { width: 20 }),
        textareaField(`${p}/task/why`, 'Why it is needed', { rows: 2, hintText: 'Think of the outcome of the task.' }),
      ], { legendSize: 's', nested: true }),
      textareaField(`${p}/meetingsMonitoring`, 'Meetings and monitoring (optional)', { rows: 2, hintText: 'Where and when the task will happen.' }),
      textareaField(`${p}/changesToArrangements`, 'Changes to arrangements (optional)', { rows: 2, hintText: 'Changes to family time, network check-ins and so on.' }),
      checkboxField(`${p}/completed`, 'The whole task is completed'),
    ]),
  });

  const network = listSection('/network', {
    legend: 'People in the network',
    hintText: 'Family, friends and others who will help keep the child safe.',
    itemName: 'person', addLabel: 'Add another person', minRows: 1,
    renderRow: objectRow('/network', 'Person', 'person', 1, (p) => [
      textField(`${p}/name`, 'Name', { spellcheck: false }),
      textField(`${p}/relationship`, 'Relationship to the child', { width: 20, hintText: 'For example, grandmother, neighbour' }),
      textField(`${p}/role`, 'Role in the plan (optional)', { hintText: 'For example, school run, weekend support' }),
    ]),
  });

  const whoDoesWhat = listSection('/planRules/whoDoesWhat', {
    legend: 'Who does what',
    hintText: 'Who will do what when the harm is happening or about to happen, to keep the child safe.',
    itemName: 'action', addLabel: 'Add another action', minRows: 1, legendSize: 's',
    renderRow: objectRow('/planRules/whoDoesWhat', 'Action', 'action', 1, (p) => [
      textField(`${p}/who`, 'Who', { width: 20 }),
      textareaField(`${p}/action`, 'What they will do', { rows: 2 }),
    ]),
  });

  const reviewMeetings = listSection('/reviewMeetings', {
    legend: 'Review meetings (optional)',
    hintText: 'CIN reviews, core groups, CP conferences and family network meetings.',
    itemName: 'meeting', addLabel: 'Add a review meeting', minRows: 0, legendSize: 's',
    renderRow: objectRow('/reviewMeetings', 'Meeting', 'meeting', 0, (p) => [
      dateField(`${p}/on`, 'Date of the meeting'),
      selectField(`${p}/kind`, 'Kind of meeting', REVIEW_MEETINGS),
      checkboxField(`${p}/planReviewed`, 'The safety plan was reviewed at this meeting'),
    ]),
  });

  const incidents = listSection('/incidents', {
    legend: 'Domestic abuse incidents (optional)',
    hintText: 'The DASH risk assessment is repeated after every incident.',
    itemName: 'incident', addLabel: 'Add an incident', minRows: 0, legendSize: 's',
    renderRow: primitiveRow('/incidents', 'incident', 0, (p, i) => dateField(p, `Date of incident ${i + 1}`)),
  });

  const dash = listSection('/dashAssessments', {
    legend: 'DASH risk assessments (optional)',
    itemName: 'DASH assessment', addLabel: 'Add a DASH assessment', minRows: 0, legendSize: 's',
    renderRow: objectRow('/dashAssessments', 'DASH assessment', 'DASH assessment', 0, (p) => [
      dateField(`${p}/on`, 'Date of the DASH risk assessment'),
      radiosField(`${p}/youngPerson`, 'Is the person assessed a young person?', YES_NO, { inline: true }),
      radiosField(`${p}/teen`, 'Which DASH was used?', DASH_KINDS, { inline: true, hintText: 'The teen DASH should be used for all teens.' }),
    ]),
  });

  const approvals = listSection('/serviceManagerApprovals', {
    legend: 'Service manager approvals (optional)',
    hintText: 'External assessments, capacity to change assessments, hair strand tests and commissioned services need the service manager’s approval.',
    itemName: 'approval', addLabel: 'Add something that needs approval', minRows: 0, legendSize: 's',
    renderRow: objectRow('/serviceManagerApprovals', 'Approval', 'approval', 0, (p) => [
      selectField(`${p}/kind`, 'What needs approval', APPROVAL_KINDS),
      dateField(`${p}/on`, 'Date the service manager approved it', { hintText: 'Leave blank if not yet approved.' }),
    ]),
  });

  const nodes = [
    section('section-about', 'About the plan', null, [
      radiosField('/planType', 'Type of plan', PLAN_TYPES, { legendSize: 's' }),
      dateField('/planDate', 'Date the plan was agreed', { legendSize: 's', hintText: 'The start of the timeline and of the review timescale. For example, 1 5 2025' }),
      checkboxesField('/topics', 'Topics the plan covers', TOPICS, { hintText: 'Select all that apply.' }),
    ]),
    section('section-danger', 'Danger statements and safety goals', 'The problem that has to be solved, and what Children’s Services needs to see to know the child is safe.', [dangerStatements]),
    section('section-bottom-lines', 'Step 1: bottom lines', null, [bottomLines]),
    section('section-timeline', 'Step 2: timeline', null, [timeline]),
    section('section-network', 'Step 3: who is involved', null, [
      textField('/networkTarget', 'How many people will the parents or carers find for the network?', {
        width: 3, inputmode: 'numeric', number: true, suffix: 'people', labelClass: 'govuk-label--s',
        hintText: 'The network should have at least this many people before the family network meeting.',
      }),
      network,
      dateField('/familyNetworkMeetingOn', 'Date of the family network meeting', { legendSize: 's', hintText: 'The first family network meeting, where the plan rules are built.' }),
    ]),
    section('section-plan-rules', 'Step 4: plan rules', 'Built with the family and their network at the family network meeting.', [
      fieldsetGroup('/planRules', 'Plan rules', [
        textareaField('/planRules/worries', 'What everyone is most worried about'),
        textareaField('/planRules/workingWell', 'What is working well'),
        textareaField('/planRules/stressorsTriggers', 'Stressors and triggers'),
        textareaField('/planRules/firstSigns', 'First signs that the harm is beginning to happen'),
        textareaField('/planRules/redFlags', 'Red flags that the harm is happening'),
        whoDoesWhat,
      ], { legendSize: 'm' }),
    ]),
    section('section-child', 'Explaining the plan to the child', null, [
      fieldsetGroup('/childVersion', 'Child’s version of the plan', [
        dateField('/childVersion/createdOn', 'Date the child’s version was created'),
        radiosField('/childVersion/sharedWithChild', 'Has it been shared with the child?', YES_NO, { inline: true }),
      ], { legendSize: 's', hintText: 'A child-centred safety plan, made once the plan rules are clear.' }),
      dateField('/wordsAndPicturesOn', 'Date the Words and Pictures explanation was shared', { legendSize: 's', hintText: 'So the child understands why people are worried and what everyone will do.' }),
    ]),
    section('section-review', 'Reviewing the plan', null, [
      textField('/reviewEvery', 'How often is the plan reviewed?', {
        width: 3, inputmode: 'numeric', number: true, suffix: 'weeks', labelClass: 'govuk-label--s',
        hintText: 'At a CIN review, core group or CP conference, with the family network and professionals.',
      }),
      reviewMeetings,
    ]),
    section('section-topics', 'Topic checks', 'Fill in the parts that apply to this family’s topics.', [
      subheading('Harmful sexual behaviour'),
      radiosField('/hsbRag', 'RAG rating of the harmful sexual behaviour', RAG, { inline: true, legendSize: 's', itemClass: 'app-sp-rag', hintText: 'If it is rated amber or red, a referral is made to the HSB service.' }),
      radiosField('/hsbReferralMade', 'Has a referral been made to the HSB service?', YES_NO, { inline: true, legendSize: 's' }),
      subheading('Exploitation'),
      dateField('/eitReviewedOn', 'Date the exploitation identification tool (EIT) was last reviewed', { legendSize: 's', hintText: 'The EIT is reviewed every three months.' }),
      subheading('Domestic abuse'),
      incidents,
      dash,
      subheading('Approvals'),
      approvals,
    ]),
    section('section-handover', 'Handing over to the network', null, [
      fieldsetGroup('/handover', 'Handover (optional)', [
        textField('/handover/networkLead', 'Family network lead', { hintText: 'Who will lead the network meetings once the plan is handed over.' }),
        dateField('/handover/on', 'Date the plan is handed over to the network'),
      ], { legendSize: 's' }),
    ]),
  ];
  document.getElementById('form-fields').replaceChildren(...nodes.map((n) => n.root ?? n));
  for (const pointer of lists.keys()) renderList(pointer);
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

function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
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
    showOutcome(null, null);
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
  showOutcome(report.outcome, report);
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
  } else if (group.kind === 'select') {
    group.inputs[''].classList.add('govuk-select--error');
  }
}

// --- the outcome as pictures -----------------------------------------------------------------------------------

function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children) if (c) node.append(c);
  return node;
}

/** A horizontal bar, `fraction` of it filled. Decorative: the text above it says the same. */
function bar(container, fraction, { complete = false } = {}) {
  const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const width = 300;
  const height = 18;
  const picture = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', height, class: 'app-sp-bar__svg', 'aria-hidden': 'true', focusable: 'false', preserveAspectRatio: 'none' }, [
    svg('rect', { x: 1, y: 1, width: width - 2, height: height - 2, class: 'app-sp-bar__track' }),
    svg('rect', { x: 1, y: 1, width: Math.round((width - 2) * f), height: height - 2, class: `app-sp-bar__fill${complete || f >= 1 ? ' app-sp-bar__fill--complete' : ''}` }),
  ]);
  container.replaceChildren(picture);
  container.dataset.fraction = String(f);
}

/** People in the network against the target: one figure per person needed (or found, if more), filled when found. */
function peopleMeter(container, count, target) {
  container.dataset.count = String(count);
  container.dataset.target = target === null || target === undefined ? '' : String(target);
  const slots = Math.max(count, target ?? 0);
  if (slots === 0) {
    container.replaceChildren();
    return;
  }
  if (slots > 15) {
    // Too many to draw one by one: a bar instead.
    bar(container, target ? count / target : 1, { complete: target !== null && count >= target });
    container.dataset.count = String(count);
    return;
  }
  const size = 26;
  const gap = 6;
  const perRow = 8;
  const rows = Math.ceil(slots / perRow);
  const width = Math.min(slots, perRow) * (size + gap);
  const height = rows * (size + 10);
  const figures = [];
  const complete = target !== null && target !== undefined && count >= target;
  for (let i = 0; i < slots; i += 1) {
    const x = (i % perRow) * (size + gap);
    const y = Math.floor(i / perRow) * (size + 10);
    const found = i < count;
    const beyond = target !== null && target !== undefined && i >= target;
    const cls = `app-sp-person${found ? ' app-sp-person--filled' : ''}${found && complete ? ' app-sp-person--complete' : ''}${beyond ? ' app-sp-person--extra' : ''}`;
    figures.push(svg('g', { class: cls, transform: `translate(${x} ${y})` }, [
      svg('circle', { cx: size / 2, cy: 7, r: 6 }),
      svg('path', { d: `M ${size / 2 - 11} ${size + 4} Q ${size / 2 - 11} 15 ${size / 2} 15 Q ${size / 2 + 11} 15 ${size / 2 + 11} ${size + 4} Z` }),
    ]));
  }
  container.replaceChildren(svg('svg', { viewBox: `-2 -2 ${width + 4} ${height + 4}`, width: width + 4, height: height + 4, class: 'app-sp-people__svg', 'aria-hidden': 'true', focusable: 'false' }, figures));
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function stepItem([part, label, anchor], done) {
  const stateText = done ? 'Done' : 'To do';
  return el('li', {
    className: `app-sp-steps__item app-sp-steps__item--${done ? 'done' : 'todo'}`,
    attrs: { 'data-step': part, 'data-state': done ? 'done' : 'todo' },
  }, [
    el('span', { className: 'app-sp-steps__marker', text: done ? '✓' : '', attrs: { 'aria-hidden': 'true' } }),
    el('a', { className: 'govuk-link app-sp-steps__label', text: label, attrs: { href: `#${anchor}` } }),
    el('strong', { className: `govuk-tag app-sp-steps__tag ${done ? 'govuk-tag--green' : 'govuk-tag--grey'}`, text: stateText }),
  ]);
}

function profileTitle(id) {
  const p = profileList.find((x) => x.id === id);
  return p ? p.title.replace(/\s*\(.*\)\s*$/, '') : id;
}

function showOutcome(outcome, report) {
  const set = (id, text) => { document.getElementById(id).textContent = text; };
  const panel = document.getElementById('outcome');
  const findings = document.getElementById('findings');
  if (state !== 'ready' || !outcome || typeof outcome !== 'object') {
    const text = state === 'loading' ? 'Checking…' : (state === 'ready' ? 'No result' : 'Checks unavailable');
    set('completeness-text', `Plan complete: ${state === 'ready' ? 'no result' : 'not checked'}`);
    bar(document.getElementById('completeness-bar'), 0);
    document.getElementById('steps').replaceChildren();
    document.getElementById('also-needed').replaceChildren();
    set('network-text', text);
    peopleMeter(document.getElementById('network-meter'), 0, null);
    set('next-review', text);
    const tag = document.getElementById('review-tag');
    tag.className = 'govuk-tag govuk-tag--orange';
    tag.textContent = text;
    document.getElementById('eit-review').hidden = true;
    set('tasks-text', text);
    bar(document.getElementById('tasks-bar'), 0);
    set('findings', text);
    panel.dataset.state = 'unavailable';
    return;
  }
  panel.dataset.state = 'ready';
  checkedCount += 1;
  panel.dataset.checked = String(checkedCount);
  panel.dataset.profile = profile;
  findings.dataset.profile = profile;

  // Completeness.
  const completeness = Number(outcome.completeness) || 0;
  set('completeness-text', `Plan complete: ${Math.round(completeness * 100)}%`);
  bar(document.getElementById('completeness-bar'), completeness);

  // The roadmap strip.
  const missing = new Set(Array.isArray(outcome.missing) ? outcome.missing : []);
  document.getElementById('steps').replaceChildren(...STEPS.map((s) => stepItem(s, !missing.has(s[0]))));
  document.getElementById('also-needed').replaceChildren(...ALSO.flatMap(([part, label, anchor]) => {
    const done = !missing.has(part);
    return [el('div', { className: 'app-sp-also__row', attrs: { 'data-step': part, 'data-state': done ? 'done' : 'todo' } }, [
      el('dt', { className: 'app-sp-also__key' }, [el('a', { className: 'govuk-link', text: label, attrs: { href: `#${anchor}` } })]),
      el('dd', { className: 'app-sp-also__value' }, [el('strong', { className: `govuk-tag ${done ? 'govuk-tag--green' : 'govuk-tag--grey'}`, text: done ? 'Done' : 'To do' })]),
    ])];
  }));

  // The network against its target.
  const count = Number(outcome.networkCount) || 0;
  const target = Number.isFinite(Number(outcome.networkTarget)) && outcome.networkTarget !== null ? Number(outcome.networkTarget) : null;
  const needed = outcome.networkNeeded ?? (target === null ? null : Math.max(0, target - count));
  if (target === null) {
    set('network-text', `${plural(count, 'person', 'people')} in the network. Enter how many people the network needs.`);
  } else {
    set('network-text', `${count} of ${target} ${target === 1 ? 'person' : 'people'} found${needed > 0 ? `: ${plural(needed, 'more person', 'more people')} needed` : ''}`);
  }
  peopleMeter(document.getElementById('network-meter'), count, target);

  // The next review.
  const status = REVIEW_STATUS[outcome.reviewStatus] ?? REVIEW_STATUS['not-applicable'];
  set('next-review', outcome.nextReviewDue ? `Next review due ${formatDate(outcome.nextReviewDue)}` : 'Next review: enter the plan date and the review timescale');
  const tag = document.getElementById('review-tag');
  tag.className = `govuk-tag ${status[1]}`;
  tag.textContent = status[0];
  tag.dataset.status = outcome.reviewStatus ?? '';
  const eit = document.getElementById('eit-review');
  eit.hidden = !outcome.eitReviewDue;
  eit.textContent = outcome.eitReviewDue ? `EIT review due ${formatDate(outcome.eitReviewDue)}` : '';

  // Timeline tasks.
  const total = Number(outcome.tasksTotal) || 0;
  const completed = Number(outcome.tasksCompleted) || 0;
  set('tasks-text', total ? `${completed} of ${plural(total, 'task', 'tasks')} completed` : 'No tasks yet');
  bar(document.getElementById('tasks-bar'), total ? completed / total : 0);

  // Findings under the current profile.
  const diagnostics = report?.diagnostics ?? [];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  findings.replaceChildren(
    document.createTextNode(`Checked with the ${profileTitle(profile)} profile${submitted ? ' for submission' : ' as a draft'}: `),
    el('strong', { text: `${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}` }),
  );
  findings.dataset.errors = String(errors);
  findings.dataset.warnings = String(warnings);

  const live = document.getElementById('outcome-live');
  const sentence = `Plan ${Math.round(completeness * 100)}% complete. ${target === null ? '' : `Network ${count} of ${target}.`}`;
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
      ? `The plan has no errors. Check the ${plural(warnings, 'warning', 'warnings')} by the answers.`
      : 'The plan has no errors.';
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
// The profile

function scaleFor(id) {
  try {
    const info = checks.rules(FORM_ID, { profile: id }).find((r) => r.code === 'SP-003');
    const param = info?.parameters?.find((p) => p.key === 'safety-plan.maxScale');
    return Number.isFinite(param?.value) ? param.value : 10;
  } catch {
    return 10;
  }
}

/** What the profile changes in this form's checks, against the default: severities, rules off, thresholds. */
function formChanges(id) {
  try {
    const base = new Map(checks.rules(FORM_ID, { profile: 'default' }).map((r) => [r.code, r]));
    const lines = [];
    for (const r of checks.rules(FORM_ID, { profile: id })) {
      const d = base.get(r.code);
      if (!d) continue;
      if (r.enabled !== d.enabled) lines.push(`${r.code} ${r.name}: ${r.enabled ? 'switched on' : 'switched off'}`);
      if (r.severity !== d.severity) lines.push(`${r.code} ${r.name}: ${d.severity} → ${r.severity}`);
      for (const p of r.parameters ?? []) {
        const q = (d.parameters ?? []).find((x) => x.key === p.key);
        if (q && q.value !== p.value) lines.push(`${r.code} ${r.name}: ${p.key} ${q.value} → ${p.value} ${p.unit}`);
      }
    }
    return lines;
  } catch {
    return null;
  }
}

function showProfileChanges() {
  const box = document.getElementById('profile-changes');
  const info = profileList.find((p) => p.id === profile);
  if (!info) {
    box.replaceChildren(el('p', { className: 'govuk-body', text: 'The profiles could not be loaded: the checks use the default values.' }));
    return;
  }
  const heading = el('p', { className: 'govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2', text: info.title });
  const changes = Array.isArray(info.changes) ? info.changes : [];
  box.dataset.profile = info.id;
  box.replaceChildren(
    heading,
    changes.length
      ? el('ul', { className: 'govuk-list govuk-list--bullet app-sp-profile__list' }, changes.map((c) => el('li', { text: c })))
      : el('p', { className: 'govuk-body', text: 'No changes: the checks use the values written in the specification.' }),
  );
  const mine = info.id === 'default' ? [] : formChanges(info.id);
  if (mine === null) return;
  if (info.id !== 'default' && mine.length === 0) {
    box.append(el('p', { className: 'govuk-body app-sp-profile__form', text: 'For the safety / wellbeing plan: this profile changes none of its checks, so the same findings come back.', attrs: { 'data-form-changes': '0' } }));
  } else if (mine.length) {
    box.append(
      el('p', { className: 'govuk-body app-sp-profile__form govuk-!-margin-bottom-1', text: 'For the safety / wellbeing plan:', attrs: { 'data-form-changes': String(mine.length) } }),
      el('ul', { className: 'govuk-list govuk-list--bullet app-sp-profile__list' }, mine.map((c) => el('li', { text: c }))),
    );
  }
}

function fillProfiles() {
  const select = document.getElementById('profile');
  try {
    profileList = checks.profiles();
  } catch {
    profileList = [];
  }
  if (!profileList.some((p) => p.id === profile)) profile = 'default';
  if (profileList.length) {
    select.replaceChildren(...profileList.map((p) => el('option', { text: p.title, attrs: { value: p.id } })));
    select.value = profile;
    select.disabled = false;
  }
  showProfileChanges();
}

function onProfileChange(event) {
  const next = event.target.value;
  if (next === profile || !checks) return;
  profile = next;
  const url = new URL(location.href);
  if (profile === 'default') url.searchParams.delete('profile');
  else url.searchParams.set('profile', profile);
  history.replaceState(null, '', url);
  showProfileChanges();
  maxScale = scaleFor(profile);
  for (const g of scaleGroups()) g.refreshScale();
  // A new session under the new profile, loaded with the same data: every finding is recomputed.
  let report = null;
  try {
    const { next: fresh, report: loaded } = newSession();
    try {
      session?.free();
    } catch {
      // the old session may be unusable; nothing to do
    }
    session = fresh;
    report = loaded;
    if (state !== 'ready') setState('ready');
  } catch (err) {
    console.error(`safeguarding-forms: profile change failed: ${err && err.message}`);
    setState('unavailable', 'The checks could not be started with this profile. Your answers have not been checked.');
  }
  if (report && submitted) {
    report = currentReport(report);
    showReport(report);
    if (report) showSummary(report);
    return;
  }
  showReport(report);
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
  if (t.dataset.range) {
    group.fromRange();
    if (event.type === 'change') touched.add(pointer);
  } else if (group.sync && event.type === 'input') {
    group.sync();
  }
  if ((group.kind === 'radios' || group.kind === 'select' || group.kind === 'checkbox' || group.kind === 'checkboxes') && event.type === 'input') return;

  const value = group.read();
  // A text field or a date counts as answered once the person leaves it (or completes a date);
  // from then on its messages follow every keystroke.
  if ((event.type === 'change' && group.kind !== 'date') || ['radios', 'select', 'checkbox', 'checkboxes'].includes(group.kind) || (group.kind === 'date' && group.complete())) {
    touched.add(pointer);
  }
  const previous = getAt(model, parsePointer(pointer));
  if (JSON.stringify(previous) === JSON.stringify(value) || (value === undefined && previous === '')) {
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
    setState('unavailable', 'The plan could not be checked, so it has not been submitted.');
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

function onExample() {
  model = clone(EXAMPLE);
  for (const list of lists.values()) list.shown = 0;
  for (const pointer of lists.keys()) renderList(pointer);
  fillFromModel('');
  touched.add(''); // every message about the example shows
  if (!session) {
    showReport(null);
    return;
  }
  afterChange(guarded(() => session.load(clone(model))));
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
  if (checks) {
    fillProfiles();
    maxScale = scaleFor(profile);
  } else {
    document.getElementById('profile-changes').replaceChildren(el('p', { className: 'govuk-body', text: 'The profiles could not be loaded.' }));
  }

  buildForm();
  const form = document.getElementById('plan-form');
  form.addEventListener('input', onFieldEvent);
  form.addEventListener('change', onFieldEvent);
  form.addEventListener('focusout', onFocusOut);
  form.addEventListener('click', onClick);
  form.addEventListener('submit', onSubmit);
  document.getElementById('error-summary').addEventListener('click', onSummaryClick);
  document.getElementById('profile').addEventListener('change', onProfileChange);
  document.getElementById('example-button').addEventListener('click', onExample);

  if (!checks) {
    setState('unavailable', 'The checks could not be loaded. Your answers will not be checked.');
    showOutcome(null, null);
    return;
  }
  try {
    const { next, report } = newSession();
    session = next;
    setState('ready');
    showReport(report);
  } catch (err) {
    session = null;
    console.error(`safeguarding-forms: session failed: ${err && err.message}`);
    setState('unavailable', 'The checks could not be started. Your answers will not be checked.');
    showOutcome(null, null);
  }
}

start();
