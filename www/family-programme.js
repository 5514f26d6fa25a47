// Family Programme (`family-programme`, forms.md §22): the workbook's eight modules, checked live by the
// WebAssembly module, with the modules drawn as a timeline of due dates against today.
//
// The fields, the session, the messages and the error summary are the live form's (www/live-form.js); this file
// keeps the workbook's layout and its outcome (the timeline and the panel), and the date helpers that
// www/group-supervision.js also uses. The page itself only starts when it is the Family Programme's (body[data-form]).
//
// `?today=YYYY-MM-DD` in the page's address fixes "today" (for demos and tests).

import { startGovukFrontend, el } from '/www/common.js';
import { getAt } from '/www/render/schema.js';
import { createLiveForm, plural } from '/www/live-form.js';
import { MONTHS, toIso as isoDate, dayNumber, addDays, longDate as formatDate, shortDate } from '/www/render/dates.js';
import { outcomeModel } from '/www/render/outcome-labels.js';

// ---------------------------------------------------------------------------------------------------------------
// Shared helpers

const SVG_NS = 'http://www.w3.org/2000/svg';

export { MONTHS, toIso as isoDate, dayNumber, addDays, longDate as formatDate, shortDate } from '/www/render/dates.js';

export { plural } from '/www/live-form.js';

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
    // Why it is due, as the outcome model labels the reason ("Before the second review child protection conference"),
    // after the date; a package without the labels: the code made readable.
    const declared = ctx.dueReasons?.[outcome.assessmentDueReason];
    const reason = declared ? `${declared[0].toLowerCase()}${declared.slice(1)}` : humanise(outcome.assessmentDueReason ?? '');
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
  const page = createLiveForm({
    formId: FORM_ID,
    formEl: document.getElementById('programme-form'),
    fieldsEl: document.getElementById('form-fields'),
    noun: 'Family Programme',
    showOutcome: (outcome, state, model) => { if (ctx) showProgrammeOutcome(outcome, state, model, ctx); },
  });
  await page.start((checks) => {
    const built = buildProgramme(page);
    ctx = { statusTags: built.statusTags, today: page.today, dueReasons: outcomeModel(FORM_ID, checks).assessmentDueReason?.values };
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
