// Case file audit (`case-audit`): the case audit tool of the Standard Operating Procedures for case file audits
// (seed 002, "ATTACHMENT ONE – CASE AUDIT TOOL"), checked and scored live by the WebAssembly module.
//
// This page keeps what is the audit's own: the 39 questions (their wording from `schema('case-audit')`,
// `answers.properties[id].description`; only the ids here, forms.md §11, for when the module cannot load), the
// scores panel (per section: answered, N/A, mean, grade; an SVG chart; the derivation of the suggested grade in
// words; the evidence suggestions; the follow-up date; the completeness) and the printed record the SOP asks to
// upload (#print-record, rebuilt after every change). An audit with questions neither graded nor N/A is
// incomplete: the panel and the print say so and give no suggested grade. The fields, the session, the messages,
// the error summary and "Checks unavailable" are the live form's (www/live-form.js).
//
// `?today=YYYY-MM-DD` in the page's address fixes "today" (for demos and tests).

import { startGovukFrontend, el } from '/www/common.js';
import { getAt, formatDate as formatIso, formatDateValue } from '/www/render/schema.js';
import { createLiveForm } from '/www/live-form.js';

const FORM_ID = 'case-audit';
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


const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const decodeBool = (v) => (v === 'true' ? true : v === 'false' ? false : v);
const decodeNumber = (v) => (/^\d+$/.test(v) ? Number(v) : v);

// What the outcome drawing reads: the live form's state and data at the last report, and the questions.
let state = 'loading';
let model = {};
let sections = []; // [{ id, title, questions: [{ id, text }] }]
let changed = null; // the pointer of the last change, for the announcement

// --- lists: auditors, remedial actions, Family Circle dates ---------------------------------------------------

const small = { legendClass: 'govuk-fieldset__legend--s' };

function actionRow(live, i) {
  const p = `/remedialActions/${i}`;
  return live.fieldset(p, `Remedial action ${i + 1}`, [
    live.text(`${p}/action`, 'Remedial action identified by the auditors', { textarea: true, hintText: 'An action that is achievable' }),
    live.date(`${p}/dueDate`, 'Date to be completed by'),
    live.text(`${p}/lineManagerComment`, 'How the action was addressed (optional)', { textarea: true, hintText: 'To be completed by the line manager only' }),
    live.date(`${p}/completedOn`, 'Date completed (optional)'),
    live.text(`${p}/lineManagerInitials`, 'Initials of the line manager', { width: 4, spellcheck: false, hintText: 'Needed once the action is completed' }),
  ], small);
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

function questionsBlock(live) {
  const blocks = [];
  let n = 0;
  for (const s of sections) {
    const scoreLine = el('p', { className: 'govuk-body-s app-section-score', attrs: { 'data-section': s.id, id: `section-score-${s.id}` } });
    sectionScoreLines.set(s.id, scoreLine);
    const questions = s.questions.map((q) => {
      n += 1;
      const group = live.radios(`/answers/${q.id}`, q.text, gradeChoices(), {
        inline: true, small: true, decode: decodeNumber, rootClass: 'app-question', legendClass: 'app-question__legend',
      });
      group.root.querySelector('legend').replaceChildren(el('span', { className: 'app-question__number', text: `${n}.` }), document.createTextNode(` ${q.text}`));
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
  const messages = live.slot();
  const root = el('div', { className: 'app-section app-answers' }, [
    el('h2', { className: 'govuk-heading-l', text: 'Quality of the case file' }),
    el('p', { className: 'govuk-body', text: 'Grade each question from 1 to 5. N/A is left out of every mean.' }),
    key,
    messages,
    ...blocks,
  ]);
  live.register({
    pointer: '/answers', kind: 'fieldset', id: 'answers', root, slot: messages, inputs: {}, describedBase: [],
    focusId: () => `answers-${sections[0]?.questions[0]?.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`,
  });
  return root;
}


// --- the whole form -------------------------------------------------------------------------------------------

function section(heading, nodes, { id } = {}) {
  return el('div', { className: 'app-section', attrs: { id } }, [el('h2', { className: 'govuk-heading-l', text: heading }), ...nodes.map((n) => n.root ?? n)]);
}

function yesNoQuestion(live, pointer, legend, { hintText, commentsLabel }) {
  const answer = live.radios(`${pointer}/answer`, legend, YES_NO_TEXT, { inline: true, hintText, legendClass: 'govuk-fieldset__legend--s' });
  const comments = live.text(`${pointer}/comments`, commentsLabel, { textarea: true });
  const messages = live.slot();
  const root = el('div', { className: 'app-yes-no' }, [messages, answer.root, comments.root]);
  return live.register({
    pointer, kind: 'fieldset', id: live.idFor(pointer), root, slot: messages, inputs: {}, describedBase: [],
    focusId: () => answer.focusId(),
  });
}

function derivationBox() {
  return el('div', { className: 'app-derivation', attrs: { id: 'derivation' } }, [
    el('h3', { className: 'govuk-heading-m', text: 'How the suggested grade is worked out', attrs: { id: 'derivation-heading', tabindex: '-1' } }),
    el('div', { attrs: { id: 'derivation-body' } }),
  ]);
}

function buildForm(live) {
  const auditors = live.list('/auditors', {
    legend: 'Auditors', ...small, itemName: 'auditor', addLabel: 'Add another auditor', minRows: 1, scalar: true, rowClass: 'app-list__row--small',
    renderRow: (i) => live.text(`/auditors/${i}`, `Auditor ${i + 1}`, { width: 20, spellcheck: false }),
  });
  const actions = live.list('/remedialActions', {
    legend: 'Remedial actions', hintText: 'Actions identified by the auditors. The auditor checks the actions have been completed 3 months after the audit.',
    itemName: 'remedial action', addLabel: 'Add a remedial action', initialRows: 1, renderRow: (i) => actionRow(live, i),
  });
  const circles = live.list('/evidence/familyCircleDates', {
    legend: 'Family Circle dates', ...small, hintText: 'The dates of the Family Circles, first to last.', itemName: 'Family Circle date',
    addLabel: 'Add a Family Circle date', initialRows: 1, scalar: true, rowClass: 'app-list__row--small',
    renderRow: (i) => live.date(`/evidence/familyCircleDates/${i}`, `Family Circle ${i + 1}`, { hintText: null }),
  });
  const radiosField = live.radios;
  const selectField = live.select;
  const dateField = live.date;
  const textField = (p, label, { rows, ...more } = {}) => live.text(p, label, { ...more, textarea: Boolean(rows), rows });
  const fieldsetGroup = (p, legend, children, { legendSize = 'm', ...more } = {}) => live.fieldset(p, legend, children, { legendClass: `govuk-fieldset__legend--${legendSize}`, ...more });

  const nodes = [
    section('About the audit', [
      radiosField('/auditType', 'Type of audit', AUDIT_TYPES),
      selectField('/theme', 'Theme of the audit', THEMES, { hintText: 'Needed for a cross-locality themed audit' }),
      radiosField('/practitionerPresent', 'Was the practitioner present?', YES_NO_BOOL, {
        inline: true, decode: decodeBool, hintText: 'A cross-locality audit takes place in the practitioner’s locality with the practitioner present.',
      }),
      live.localList('/locality', 'Locality area', { hintText: 'Your council’s profile lists its localities.' }),
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
    questionsBlock(live),
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
      yesNoQuestion(live, '/childSafe', 'Are the auditors satisfied the child or children are safe?', {
        hintText: 'If you answer no, give the reasons.', commentsLabel: 'Reasons or comments',
      }),
      yesNoQuestion(live, '/lifeImproved', 'Has the work done improved the child’s, young person’s or family’s life?', {
        hintText: 'Compare the first assessment on file with the most recent review of work.', commentsLabel: 'Reasons or comments',
      }),
      yesNoQuestion(live, '/directObservation', 'Has a direct observation of the case been undertaken?', { commentsLabel: 'Comments' }),
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
  return nodes;
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

/** "Incomplete: 38 of 39 questions are still to be graded or marked N/A." when questions are left, else null. */
function incompleteText(outcome) {
  const left = Number(outcome?.unansweredQuestions ?? 0);
  if (outcome?.complete !== false || left <= 0) return null;
  const total = sections.reduce((n, s) => n + s.questions.length, 0) || 39;
  return `Incomplete: ${left} of ${total} ${left === 1 ? 'question is' : 'questions are'} still to be graded or marked N/A, so there is no suggested overall grade yet.`;
}

/** The plain statement that the audit is incomplete (on screen and in print). */
function incompleteNotice(outcome, id) {
  const text = incompleteText(outcome);
  return text ? el('p', { className: 'govuk-body app-incomplete', text, attrs: { id, 'data-incomplete': 'true' } }) : null;
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
    children.push(el('p', { className: 'app-suggested__grade app-suggested__grade--none', text: incompleteText(outcome) ? 'Incomplete' : 'None yet', attrs: { id: 'suggested-grade', 'data-grade': '' } }));
  }
  children.push(incompleteNotice(outcome, 'scores-incomplete'));
  return children.filter(Boolean);
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
    sentence += ` Suggested overall grade: ${Number.isInteger(outcome.suggestedOverall) ? gradeText(outcome.suggestedOverall) : incompleteText(outcome) ? 'none, the audit is incomplete' : 'none yet'}.`;
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
      ['Locality area', textOf(d.locality)],
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
  const incomplete = outcome ? incompleteNotice(outcome, 'print-incomplete') : null;
  if (incomplete) scores.push(incomplete);
  if (outcome) {
    scores.push(summaryList([
      ['Auditors’ overall score', Number.isInteger(d.overallGrade) ? gradeText(d.overallGrade) : ''],
      ['Suggested overall grade', Number.isInteger(outcome.suggestedOverall) ? gradeText(outcome.suggestedOverall) : incompleteText(outcome) ? 'None: the audit is incomplete' : 'None yet'],
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


// ---------------------------------------------------------------------------------------------------------------
// Start

startGovukFrontend();
const live = createLiveForm({
  formId: FORM_ID,
  formEl: document.getElementById('audit-form'),
  fieldsEl: document.getElementById('form-fields'),
  noun: 'audit',
  showOutcome: (outcome, next, data) => {
    state = next;
    model = data;
    showOutcome(outcome);
    announce(changed, outcome);
    changed = null;
  },
  onEvent: (event) => {
    changed = event.target.dataset?.group ?? null;
    return false;
  },
});

live.start((checks) => {
  let schema = null;
  let first = null;
  try {
    schema = checks?.schema(FORM_ID) ?? null;
    first = checks?.validate(FORM_ID, {}, live.options('draft')) ?? null;
  } catch {
    schema = null;
  }
  sections = questionSections(schema, first?.outcome);
  return buildForm(live);
}).then(() => {
  // "/evidence"'s legend repeats the heading: keep it for the fieldset's name, hide it visually.
  document.querySelector('#evidence-fieldset > legend')?.classList.add('govuk-visually-hidden');
  // Links to a question (from the derivation's evidence list) focus its first radio.
  document.getElementById('derivation')?.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest('a') : null;
    const target = a?.hash ? document.getElementById(decodeURIComponent(a.hash.slice(1))) : null;
    if (!target) return;
    event.preventDefault();
    (target.closest('fieldset')?.querySelector(':scope > legend') ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
  });
  document.getElementById('print-button').addEventListener('click', () => window.print());
  document.getElementById('example-button').addEventListener('click', () => live.load(EXAMPLE));
});
