// Family Safeguarding group (case) supervision (`group-supervision`, forms.md §23), checked live by the WebAssembly
// module. The fields, the session, the messages and the error summary are the live form's (www/live-form.js);
// this file keeps the record's layout and its outcome.
//
// `?today=YYYY-MM-DD` in the page's address fixes "today" (for demos and tests).

import { startGovukFrontend, el } from '/www/common.js';
import {
  showBanner, unavailableText, svg, isoDate, addDays, dayNumber, formatDate, shortDate, plural,
} from '/www/family-programme.js';
import { createLiveForm } from '/www/live-form.js';

const FORM_ID = 'group-supervision';

const STAFF_ROLES = [
  ['social-worker', 'Social worker'],
  ['child-and-family-worker', 'Child and family worker'],
  ['domestic-abuse-practitioner', 'Domestic abuse practitioner'],
  ['domestic-abuse-worker', 'Domestic abuse worker'],
  ['mental-health-practitioner', 'Mental health practitioner'],
  ['psychologist', 'Psychologist'],
  ['recovery-worker', 'Recovery worker (substance misuse)'],
  ['team-manager', 'Team manager'],
  ['business-support', 'Business support officer'],
];
const ROLE_LABEL = new Map(STAFF_ROLES);
const NOT_INVOLVED = ['team-manager', 'business-support'];

const RAG = [
  ['red', 'Red'],
  ['amber', 'Amber'],
  ['green', 'Green'],
];
const RAG_TAG = { red: 'app-gs-rag__tag--red', amber: 'app-gs-rag__tag--amber', green: 'app-gs-rag__tag--green' };
const RAG_COLOUR = { red: '#d4351c', amber: '#f47738', green: '#00703c' };

const STAGES = [
  ['pre-contemplation', 'Pre-contemplation'],
  ['contemplation', 'Contemplation'],
  ['preparation', 'Preparation'],
  ['action', 'Action'],
  ['maintenance', 'Maintenance'],
  ['relapse', 'Relapse'],
];

const YES_NO = [['true', 'Yes'], ['false', 'No']];

/** A demonstration record: a supervision held two days before today, one worker absent with her summary in. */
function exampleRecord(today) {
  const held = addDays(today, -2);
  const on = (n) => addDays(held, n);
  return {
    date: held,
    family: 'Taylor family',
    chair: { name: 'Dana Morris', role: 'team-manager' },
    minuteTaker: { name: 'Lee Patel', role: 'business-support' },
    attendees: [
      { name: 'Dana Morris', role: 'team-manager', present: true },
      { name: 'Priya Shah', role: 'social-worker', present: true, summarySubmittedOn: on(-3) },
      { name: 'Chris Owen', role: 'recovery-worker', present: false, summarySubmittedOn: on(-2) },
      { name: 'Sam Green', role: 'child-and-family-worker', present: true, summarySubmittedOn: on(-1) },
    ],
    rag: 'amber',
    ragReason: 'Alex is engaging with the recovery worker but there were two incidents this month; Jordan’s attendance is improving.',
    progressSummaries: [
      { role: 'social-worker', summary: 'Direct work with Jordan on feelings; Alex attended the core group.' },
      { role: 'recovery-worker', summary: 'Four of five sessions attended; drinking diary kept.' },
    ],
    cycleOfChange: [{ person: 'Alex (mother)', stage: 'preparation' }],
    childViews: 'Jordan says home is calmer and he likes the bedtime chart.',
    parentViews: 'Alex wants support to keep going and would like her mother involved.',
    impact: 'Fewer late arrivals at school; no police call-outs since the last supervision.',
    hypotheses: 'Stress around money may trigger Alex’s drinking at weekends.',
    decisions: [{ decision: 'Continue the child protection plan', reason: 'Change has started but is not yet sustained.' }],
    actions: [
      { action: 'Family and friends network meeting with the grandmother', owner: 'Priya Shah', dueDate: on(14) },
      { action: 'Budgeting session with Alex', owner: 'Sam Green', dueDate: on(21) },
    ],
    finalisedBy: { role: 'team-manager', date: on(1) },
    previousSupervisionDate: addDays(held, -28),
  };
}

function buildRecord(page) {
  const section = (heading, nodes, id) => el('div', { className: 'app-section', attrs: { id } }, [
    el('h2', { className: 'govuk-heading-l', text: heading }),
    ...nodes.map((n) => n.root ?? n),
  ]);
  const s = { legendClass: 'govuk-fieldset__legend--s' };

  const attendeeRow = (i) => {
    const p = `/attendees/${i}`;
    return page.fieldset(p, `Person ${i + 1}`, [
      page.text(`${p}/name`, 'Name', { width: 20, spellcheck: false }),
      page.select(`${p}/role`, 'Role', STAFF_ROLES),
      page.radios(`${p}/present`, 'Present at the supervision?', YES_NO, { inline: true, small: true }),
      page.date(`${p}/summarySubmittedOn`, 'Date their workbook summary was finalised', {
        hintText: 'Involved workers send it to the team manager two days before the supervision. For example, 12 3 2026',
      }),
    ], s);
  };
  const progressRow = (i) => {
    const p = `/progressSummaries/${i}`;
    return page.fieldset(p, `Summary ${i + 1}`, [
      page.select(`${p}/role`, 'Role of the worker', STAFF_ROLES),
      page.text(`${p}/summary`, 'Summary of progress', { textarea: true, rows: 3 }),
    ], s);
  };
  const cycleRow = (i) => {
    const p = `/cycleOfChange/${i}`;
    return page.fieldset(p, `Person ${i + 1}`, [
      page.text(`${p}/person`, 'Person', { width: 20 }),
      page.select(`${p}/stage`, 'Stage of change', STAGES),
    ], s);
  };
  const decisionRow = (i) => {
    const p = `/decisions/${i}`;
    return page.fieldset(p, `Decision ${i + 1}`, [
      page.text(`${p}/decision`, 'Decision', { textarea: true, rows: 2 }),
      page.text(`${p}/reason`, 'Reason for the decision', { textarea: true, rows: 2 }),
    ], s);
  };
  const actionRow = (i) => {
    const p = `/actions/${i}`;
    return page.fieldset(p, `Action ${i + 1}`, [
      page.text(`${p}/action`, 'Action', { textarea: true, rows: 2 }),
      page.text(`${p}/owner`, 'Who will do it', { width: 20 }),
      page.date(`${p}/dueDate`, 'Date it is due'),
    ], s);
  };

  return [
    section('The session', [
      page.date('/date', 'Date of the supervision'),
      page.text('/family', 'Family', { width: 20 }),
      page.date('/previousSupervisionDate', 'Date of the previous supervision (optional)', {
        hintText: 'Each family is reviewed in group supervision every month. For example, 16 2 2026',
      }),
    ], 'section-session'),
    section('Who chaired and recorded it', [
      page.fieldset('/chair', 'Chair', [
        page.text('/chair/name', 'Name', { width: 20, spellcheck: false }),
        page.select('/chair/role', 'Role', STAFF_ROLES, { hintText: 'The team manager chairs case supervision.' }),
      ], s),
      page.fieldset('/minuteTaker', 'Minute taker', [
        page.text('/minuteTaker/name', 'Name', { width: 20, spellcheck: false }),
        page.select('/minuteTaker/role', 'Role', STAFF_ROLES, { hintText: 'A business support officer records the session.' }),
      ], s),
    ], 'section-roles'),
    section('People involved', [
      page.list('/attendees', {
        legend: 'People involved with the family',
        hintText: 'Everyone at the supervision or involved with the family: the team manager, the social worker, the other Family Safeguarding workers and the minute taker.',
        itemName: 'person', addLabel: 'Add another person', minRows: 1, renderRow: attendeeRow,
      }),
    ], 'section-people'),
    section('RAG rating', [
      page.radios('/rag', 'How is the case rated?', RAG, {
        inline: true,
        legendClass: 'govuk-fieldset__legend--s',
        hintText: 'Red, amber or green, depending on the assessment of the risk to outcomes for the children.',
      }),
      page.text('/ragReason', 'Reason for the RAG rating', { textarea: true, rows: 3 }),
    ], 'section-rag'),
    section('Discussion', [
      page.list('/progressSummaries', {
        legend: 'Summaries of progress', hintText: 'The most recent summary of each worker’s work with the family.',
        itemName: 'summary', addLabel: 'Add a summary', renderRow: progressRow, emptyText: 'No summaries yet.',
      }),
      page.list('/cycleOfChange', {
        legend: 'Cycle of change', hintText: 'Where each parent is in the cycle of change.',
        itemName: 'person', addLabel: 'Add a person', renderRow: cycleRow, emptyText: 'No one added yet.',
      }),
      page.text('/childViews', 'Views of the child', { textarea: true }),
      page.text('/parentViews', 'Views of the parents', { textarea: true }),
      page.text('/impact', 'Impact of the support delivered', { textarea: true }),
      page.text('/hypotheses', 'Hypotheses', { textarea: true }),
    ], 'section-discussion'),
    section('Decisions and actions', [
      page.list('/decisions', {
        legend: 'Decisions', hintText: 'What was decided and why.',
        itemName: 'decision', addLabel: 'Add a decision', renderRow: decisionRow, emptyText: 'No decisions yet.',
      }),
      page.list('/actions', {
        legend: 'Actions', hintText: 'SMART actions for the next period of work: who does what, by when.',
        itemName: 'action', addLabel: 'Add an action', renderRow: actionRow, emptyText: 'No actions yet.',
      }),
    ], 'section-decisions'),
    section('Finalising the record', [
      page.fieldset('/finalisedBy', 'Finalised by', [
        page.select('/finalisedBy/role', 'Role', STAFF_ROLES, { hintText: 'The team manager finalises every case supervision record.' }),
        page.date('/finalisedBy/date', 'Date the record was finalised'),
      ], s),
    ], 'section-finalised'),
  ];
}

// --- the panel ----------------------------------------------------------------------------------------------------

/** A traffic light: the rating's lamp lit, the others off. */
function drawRag(container, rag) {
  const pic = svg('svg', { class: 'app-gs-light', viewBox: '0 0 96 32', width: 96, height: 32, 'aria-hidden': 'true', 'data-rag': rag ?? '' }, [
    svg('rect', { x: 1, y: 1, width: 94, height: 30, rx: 15, class: 'app-gs-light__case' }),
  ]);
  RAG.forEach(([id], i) => {
    pic.append(svg('circle', { cx: 17 + i * 31, cy: 16, r: 10, fill: rag === id ? RAG_COLOUR[id] : '#f3f2f1', class: `app-gs-light__lamp${rag === id ? ' app-gs-light__lamp--on' : ''}` }));
  });
  container.replaceChildren(pic);
}

/** One square per involved professional: filled green when the summary was in before the session. */
function drawSummaries(container, people) {
  container.replaceChildren();
  if (!people.length) {
    container.append(el('p', { className: 'govuk-body-s app-fp-muted', text: 'No involved professionals yet.' }));
    return;
  }
  const SIZE = 40;
  const GAP = 8;
  const perRow = 6;
  const rows = Math.ceil(people.length / perRow);
  const W = perRow * (SIZE + GAP);
  const pic = svg('svg', {
    class: 'app-gs-people__svg', viewBox: `0 0 ${W} ${rows * (SIZE + GAP)}`, width: '100%', role: 'img',
    'aria-label': people.map((p) => `${p.name}: summary ${p.inAdvance ? 'in before the session' : 'not in before the session'}${p.absent ? ', not present' : ''}`).join('; '),
  });
  people.forEach((p, i) => {
    const x = (i % perRow) * (SIZE + GAP) + 2;
    const y = Math.floor(i / perRow) * (SIZE + GAP) + 2;
    const g = svg('g', { 'data-status': p.inAdvance ? 'in' : 'missing', 'data-index': p.index }, [
      svg('title', { text: `${p.name}: ${p.inAdvance ? 'summary in before the session' : 'summary not in'}${p.absent ? ' (not present)' : ''}` }),
      svg('rect', {
        x, y, width: SIZE - 4, height: SIZE - 4, rx: 4,
        class: `app-gs-person ${p.inAdvance ? 'app-gs-person--in' : 'app-gs-person--missing'}${p.absent ? ' app-gs-person--absent' : ''}`,
      }),
      svg('text', { x: x + (SIZE - 4) / 2, y: y + (SIZE - 4) / 2 + 5, 'text-anchor': 'middle', class: `app-gs-person__initials${p.inAdvance ? '' : ' app-gs-person__initials--dark'}`, text: p.initials }),
    ]);
    pic.append(g);
  });
  container.append(pic);
}

/** Previous supervision, this one, the next due, and today on one line. */
function drawCycle(container, model, outcome, today) {
  container.replaceChildren();
  const points = [
    { key: 'previous', label: 'Previous', date: isoDate(model.previousSupervisionDate) },
    { key: 'this', label: 'This', date: isoDate(model.date) },
    { key: 'next', label: 'Next due', date: outcome?.nextDue ?? null },
  ].filter((p) => p.date);
  if (!points.length) {
    container.append(el('p', { className: 'govuk-body-s app-fp-muted', text: 'Enter the date of the supervision to see when the next one is due.' }));
    return;
  }
  const days = [...points.map((p) => dayNumber(p.date)), dayNumber(today)];
  const first = Math.min(...days);
  const span = Math.max(7, Math.max(...days) - first);
  const W = 320;
  const PAD = 34;
  const x = (iso) => PAD + ((dayNumber(iso) - first) / span) * (W - 2 * PAD);
  const Y = 28;
  const pic = svg('svg', {
    class: 'app-fp-chart', viewBox: `0 0 ${W} 70`, width: '100%', role: 'img',
    'aria-label': `${points.map((p) => `${p.label} supervision ${formatDate(p.date)}`).join('; ')}; today ${formatDate(today)}.`,
  });
  pic.append(svg('line', { x1: PAD, x2: W - PAD, y1: Y, y2: Y, class: 'app-fp-chart__track' }));
  const overdue = outcome?.overdue === true;
  points.forEach((p, i) => {
    const px = x(p.date);
    const below = i % 2 === 1 && points.length > 2 && Math.abs(px - x(points[i - 1].date)) < 70;
    pic.append(svg('g', { 'data-point': p.key }, [
      p.key === 'next'
        ? svg('path', { d: `M ${px} ${Y - 7} L ${px + 7} ${Y} L ${px} ${Y + 7} L ${px - 7} ${Y} Z`, class: `app-gs-cycle__next${overdue ? ' app-gs-cycle__next--overdue' : ''}` })
        : svg('circle', { cx: px, cy: Y, r: 6, class: `app-gs-cycle__point${p.key === 'this' ? ' app-gs-cycle__point--this' : ''}` }),
      svg('text', { x: px, y: below ? Y + 22 : Y - 12, 'text-anchor': 'middle', class: 'app-fp-chart__axis', text: p.label }),
      svg('text', { x: px, y: below ? Y + 34 : Y + 22, 'text-anchor': 'middle', class: 'app-fp-chart__axis app-fp-chart__axis--muted', text: shortDate(p.date).replace(/ \d{4}$/, '') }),
    ]));
  });
  const xt = x(today);
  pic.append(svg('g', { class: 'app-fp-chart__today', 'aria-hidden': 'true' }, [
    svg('line', { x1: xt, x2: xt, y1: Y - 9, y2: Y + 9 }),
    svg('text', { x: xt, y: 66, 'text-anchor': 'middle', class: 'app-fp-chart__today-label', text: 'Today' }),
  ]));
  container.append(pic);
}

function initials(name, fallback) {
  const words = String(name ?? '').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return fallback;
  return words.slice(0, 2).map((w) => w[0].toUpperCase()).join('');
}

function showRecordOutcome(outcome, state, model, today) {
  const set = (id, value) => { document.getElementById(id).textContent = value; };
  const rag = typeof model.rag === 'string' ? model.rag : '';
  const ragTag = document.getElementById('rag-tag');
  ragTag.className = `govuk-tag app-gs-rag__tag ${RAG_TAG[rag] ?? 'govuk-tag--grey'}`;
  ragTag.textContent = RAG_TAG[rag] ? rag[0].toUpperCase() + rag.slice(1) : 'Not rated';
  ragTag.dataset.rag = RAG_TAG[rag] ? rag : '';
  const reason = typeof model.ragReason === 'string' ? model.ragReason.trim() : '';
  set('rag-reason', RAG_TAG[rag] ? (reason ? (reason.length > 160 ? `${reason.slice(0, 157)}…` : reason) : 'No reason recorded yet.') : '');
  drawRag(document.getElementById('rag-picture'), RAG_TAG[rag] ? rag : null);

  const ready = state === 'ready' && outcome && typeof outcome === 'object';
  document.getElementById('glance').dataset.state = ready ? 'ready' : state;
  const typeTag = document.getElementById('type-tag');
  if (!ready) {
    const word = unavailableText(state);
    typeTag.className = 'govuk-tag govuk-tag--grey app-gs-type';
    typeTag.textContent = word;
    set('type-text', '');
    set('summaries-text', `Workbook summaries in advance: ${state === 'loading' ? 'checking' : 'not checked'}`);
    document.getElementById('summaries-picture').replaceChildren();
    document.getElementById('summaries-key').hidden = true;
    set('summaries-missing', '');
    document.getElementById('cycle-picture').replaceChildren();
    set('next-due', word);
    document.getElementById('next-tag').hidden = true;
    set('absent', word);
    return;
  }
  const attendeeRows = Array.isArray(model.attendees) ? model.attendees.filter((a) => a && typeof a === 'object' && Object.keys(a).length) : [];
  if (!attendeeRows.length) {
    typeTag.className = 'govuk-tag govuk-tag--grey app-gs-type';
    typeTag.textContent = 'Not known yet';
    typeTag.dataset.type = '';
    set('type-text', 'Add the people involved with the family: with two or more professionals, Family Safeguarding case supervision applies.');
  }
  const fs = outcome.supervisionType === 'family-safeguarding';
  const n = Number(outcome.involvedProfessionals ?? 0);
  if (attendeeRows.length) {
    typeTag.className = `govuk-tag app-gs-type ${fs ? 'govuk-tag--turquoise' : 'govuk-tag--grey'}`;
    typeTag.textContent = fs ? 'Family Safeguarding case supervision' : 'Traditional case supervision';
    typeTag.dataset.type = outcome.supervisionType;
    set('type-text', fs
      ? `${plural(n, 'professional is', 'professionals are')} involved with the family.`
      : `${n === 1 ? 'Only one professional is' : 'No professionals are'} involved: with fewer than two, traditional case supervision applies.`);
  }

  const attendees = Array.isArray(model.attendees) ? model.attendees : [];
  const missing = new Set(Array.isArray(outcome.summariesMissing) ? outcome.summariesMissing : []);
  const people = attendees
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => a && typeof a === 'object' && ROLE_LABEL.has(a.role) && !NOT_INVOLVED.includes(a.role))
    .map(({ a, index }) => {
      const name = typeof a.name === 'string' && a.name.trim() ? a.name.trim() : `Person ${index + 1}`;
      return { index, name, initials: initials(a.name, String(index + 1)), role: ROLE_LABEL.get(a.role), inAdvance: !missing.has(index), absent: a.present === false };
    });
  const inAdvance = Number(outcome.summariesInAdvance ?? 0);
  set('summaries-text', `Workbook summaries in advance: ${inAdvance} of ${n}`);
  document.getElementById('summaries-text').dataset.count = String(inAdvance);
  drawSummaries(document.getElementById('summaries-picture'), people);
  document.getElementById('summaries-key').hidden = people.length === 0;
  const missingPeople = people.filter((p) => !p.inAdvance);
  set('summaries-missing', missingPeople.length
    ? `Not in before the session: ${missingPeople.map((p) => `${p.name} (${p.role})`).join(', ')}.`
    : (people.length ? 'Every involved worker’s summary was in before the session.' : ''));

  drawCycle(document.getElementById('cycle-picture'), model, outcome, today);
  const nextTag = document.getElementById('next-tag');
  if (outcome.nextDue) {
    set('next-due', formatDate(outcome.nextDue));
    const days = dayNumber(outcome.nextDue) - dayNumber(today);
    nextTag.hidden = false;
    if (outcome.overdue) {
      nextTag.className = 'govuk-tag govuk-tag--red';
      nextTag.textContent = 'Overdue';
    } else if (days <= 7) {
      nextTag.className = 'govuk-tag govuk-tag--orange';
      nextTag.textContent = days === 0 ? 'Today' : `In ${plural(days, 'day', 'days')}`;
    } else {
      nextTag.className = 'govuk-tag';
      nextTag.textContent = `In ${plural(days, 'day', 'days')}`;
    }
  } else {
    set('next-due', 'Enter the date of the supervision');
    nextTag.hidden = true;
  }
  const absent = Number(outcome.absentWorkers ?? 0);
  set('absent', absent === 0
    ? 'None'
    : `${absent}: ${outcome.absentSummariesInAdvance ? 'their summaries were provided in advance' : 'not every summary was provided in advance'}`);
}

async function startRecord() {
  startGovukFrontend();
  let today = null;
  const page = createLiveForm({
    formId: FORM_ID,
    formEl: document.getElementById('supervision-form'),
    fieldsEl: document.getElementById('form-fields'),
    noun: 'supervision record',
    showOutcome: (outcome, state, model) => { if (today) showRecordOutcome(outcome, state, model, today); },
  });
  today = page.today;
  await page.start(() => buildRecord(page));
  showRecordOutcome(page.state === 'ready' ? page.lastReport?.outcome : null, page.state, page.model, today);
  document.getElementById('example-button').addEventListener('click', () => {
    page.load(exampleRecord(today));
    showBanner('Example loaded', `An example record of the supervision held on ${formatDate(addDays(today, -2))} is loaded.`);
  });
}

startRecord();
