// Safety / wellbeing plan (`safety-plan`, forms.md §27; seed 003, South Gloucestershire's CIN and CP Plan guide),
// checked live by the WebAssembly module, with the local authority profile selectable. This page keeps what is the
// plan's own: its layout, the safety scales (a number and a slider, up to the profile's maximum), the outcome as
// pictures (completeness, steps, the network against its target) and the profile picker, which starts a new
// session under the chosen profile with the same data (`live.setOptions({ profile })`). The fields, the session,
// the messages, the error summary and "Checks unavailable" are the live form's (www/live-form.js).
//
// `?today=YYYY-MM-DD` fixes "today" (for demos and tests); `?profile=<id>` picks the profile at start.

import { startGovukFrontend, el } from '/www/common.js';
import { formatDate } from '/www/render/schema.js';
import { createLiveForm, plural } from '/www/live-form.js';

const FORM_ID = 'safety-plan';
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
// What the outcome drawing reads: the live form's state and data at the last report; the profile and its scale.

let live = null;
let state = 'loading';
let model = {};
let submitted = false;
let checks = null;
let profile = /^[a-z0-9-]{1,40}$/.test(new URLSearchParams(location.search).get('profile') ?? '') ? new URLSearchParams(location.search).get('profile') : 'default';
let profileList = []; // profiles(): [{ id, title, changes }]
let maxScale = 10; // safety-plan.maxScale under the current profile
let checkedCount = 0; // how many reports have been drawn (the outcome panel's data-checked)
const scales = []; // the safety scale fields, redrawn when the profile changes the maximum

const readNumber = (raw) => (raw.trim() === '' ? undefined : /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw);

/** A safety scale: a number box and a slider (0 to the profile's maximum), sent as a number. */
function scaleField(pointer, label) {
  const id = live.idFor(pointer);
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
  const messages = live.slot();
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
  const group = live.register({
    pointer, kind: 'text', id, root, slot: messages, inputs: { '': input }, describedBase: [hintEl.id], describe: input,
    focusId: () => id,
    read: () => readNumber(input.value),
    fill: (v) => { input.value = v === undefined || v === null ? '' : String(v); syncRange(); },
    fromRange: () => { input.value = range.value; syncRange(); },
    sync: syncRange,
    refreshScale: () => { setHint(); syncRange(); },
  });
  syncRange();
  scales.push(group);
  return group;
}


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
  const sizes = ({ legendSize, ...more } = {}) => (legendSize ? { legendClass: `govuk-fieldset__legend--${legendSize}`, ...more } : more);
  const textField = (p, label, more = {}) => live.text(p, label, more);
  const textareaField = (p, label, { rows = 3, ...more } = {}) => live.text(p, label, { textarea: true, rows, ...more });
  const dateField = (p, legend, more) => live.date(p, legend, sizes(more));
  const radiosField = (p, legend, choices, more) => live.radios(p, legend, choices, sizes(more));
  const selectField = live.select;
  const checkboxField = live.checkbox;
  const checkboxesField = live.checkboxes;
  const fieldsetGroup = (p, legend, children, { legendSize = 'm', nested, ...more } = {}) => live.fieldset(p, legend, children, {
    legendClass: `govuk-fieldset__legend--${legendSize}`, className: nested ? 'app-composite--nested' : '', ...more,
  });
  const row = (legend, fields) => (i) => {
    const p = `${legend.pointer}/${i}`;
    return fieldsetGroup(p, `${legend.name} ${i + 1}`, fields(p, i), { legendSize: 's' });
  };
  const listSection = (pointer, { legendSize = 'm', minRows, renderRow, ...more }) => live.list(pointer, {
    ...more, minRows, initialRows: minRows, legendClass: `govuk-fieldset__legend--${legendSize}`, renderRow,
    scalar: pointer === '/bottomLines' || pointer === '/incidents', rowClass: pointer === '/bottomLines' || pointer === '/incidents' ? 'app-list__row--small' : '',
  });
  const objectRow = (pointer, name, _item, _min, fields) => row({ pointer, name }, fields);
  const primitiveRow = (_pointer, _item, _min, field) => (i) => field(`${_pointer}/${i}`, i);

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
      checkboxesField('/topics', 'Topics the plan covers', TOPICS, { hintText: 'Select all that apply.', idByValue: true }),
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
  return nodes;
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
  for (const g of scales) g.refreshScale();
  // A new session under the new profile, loaded with the same data: every finding is recomputed.
  live.setOptions({ profile });
}

// ---------------------------------------------------------------------------------------------------------------
// Start

startGovukFrontend();
live = createLiveForm({
  formId: FORM_ID,
  formEl: document.getElementById('plan-form'),
  fieldsEl: document.getElementById('form-fields'),
  noun: 'plan',
  options: { profile },
  showOutcome: (outcome, next, data) => {
    state = next;
    model = data;
    submitted = live.submitted;
    showOutcome(outcome, live.lastReport);
  },
  // The slider sets the number box; typing in the box moves the slider.
  onEvent: (event) => {
    const t = event.target;
    const group = live.registry.get(t.dataset.group);
    if (t.dataset.range && group) group.fromRange();
    else if (group?.sync && event.type === 'input') group.sync();
    return false;
  },
});
live.start((loaded) => {
  checks = loaded;
  if (checks) {
    fillProfiles();
    maxScale = scaleFor(profile);
  } else {
    document.getElementById('profile-changes').replaceChildren(el('p', { className: 'govuk-body', text: 'The profiles could not be loaded.' }));
  }
  return buildForm();
}).then(() => {
  // An unknown ?profile= falls back to the default.
  if (checks && profile !== live.options('draft').profile) live.setOptions({ profile });
  document.getElementById('profile').addEventListener('change', onProfileChange);
  document.getElementById('example-button').addEventListener('click', () => live.load(EXAMPLE));
});
