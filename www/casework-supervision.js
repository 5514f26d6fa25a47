// Casework supervision record (`casework-supervision`, forms.md §20): the proposed Protocol supervision record as a
// GOV.UK form, checked live by the WebAssembly module, with the supervision cadence drawn beside it (a timeline of
// the previous, this and the next supervision against today, and the record's completeness). The fields, the
// session, the messages, the error summary and "Checks unavailable" are the live form's (www/live-form.js).
//
// `?today=YYYY-MM-DD` in the page's address fixes "today" (for demos and tests).

import { startGovukFrontend, el } from '/www/common.js';
import { createLiveForm, plural } from '/www/live-form.js';
import { MONTHS, toIso, dayNumber, fromDayNumber, addDays, addMonths, longDate, shortDate, isoOf } from '/www/render/dates.js';

const FORM_ID = 'casework-supervision';
const SVG_NS = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------------------------------------------------------
// The form's vocabulary (src/forms/casework_supervision/model.rs). Ids are the package's; the labels are this page's.

const CASE_STATUSES = [
  ['cp', 'Child protection (CP)'],
  ['cin', 'Child in need (CIN)'],
  ['step-down', 'Step-down'],
  ['strengthening-families', 'Strengthening Families'],
  ['cic', 'Child in care (CIC)'],
];
const CASE_STATUS_LABEL = new Map(CASE_STATUSES);

const ACTION_STATUSES = [
  ['done', 'Done'],
  ['in-progress', 'In progress'],
  ['not-done', 'Not done'],
];

const YES_NO = [
  ['true', 'Yes'],
  ['false', 'No'],
];

// ---------------------------------------------------------------------------------------------------------------
// What the outcome drawing reads: the live form's state, data and report at the last change.
let state = 'loading';
let model = {};
let lastReport = null;
let live = null;
const todayIso = () => live.today;

// --- the whole form: the proposed Protocol form's sections in its order ----------------------------------------

function section(heading, nodes) {
  return el('div', { className: 'app-section' }, [el('h2', { className: 'govuk-heading-l', text: heading }), ...nodes.map((n) => n.root ?? n)]);
}

function buildForm() {
  const nested = { legendClass: 'govuk-fieldset__legend--s', className: 'app-cws-nested' };
  const textField = (p, label, more = {}) => live.text(p, label, more);
  const textareaField = (p, label, { rows = 4, ...more } = {}) => live.text(p, label, { textarea: true, rows, ...more });
  const dateField = live.date;
  const radiosField = live.radios;
  const fieldsetGroup = (p, legend, children, more) => live.fieldset(p, legend, children, more);
  const previousActions = live.list('/reviewOfPreviousActions', {
    legend: 'Review of actions from the last supervision',
    hintText: 'Each action agreed at the previous supervision and how far it has got. Needed when there was a previous supervision.',
    itemName: 'previous action', addLabel: 'Add another previous action', initialRows: 1,
    renderRow: (i) => {
      const p = `/reviewOfPreviousActions/${i}`;
      return fieldsetGroup(p, `Previous action ${i + 1}`, [
        textareaField(`${p}/action`, 'Action agreed at the last supervision', { rows: 2 }),
        radiosField(`${p}/status`, 'Progress', ACTION_STATUSES, { inline: true, small: true }),
        textareaField(`${p}/comment`, 'Comment', { rows: 2, hintText: 'Say why if the action was not done.' }),
      ], nested);
    },
  });
  const actions = live.list('/actions', {
    legend: 'Actions and agreed way forward',
    hintText: 'SMART actions: each has someone who will do it and a date after this supervision.',
    itemName: 'action', addLabel: 'Add another action', initialRows: 1,
    renderRow: (i) => {
      const p = `/actions/${i}`;
      return fieldsetGroup(p, `Action ${i + 1}`, [
        textareaField(`${p}/action`, 'Action', { rows: 2 }),
        textField(`${p}/owner`, 'Who will do it', { width: 20, hintText: 'A name or a role' }),
        dateField(`${p}/dueDate`, 'Due date', { hintText: 'After the date of supervision. For example, 14 2 2025' }),
      ], nested);
    },
  });


  const nodes = [
    section('About the supervision', [
      dateField('/date', 'Date of supervision', { legendClass: 'govuk-fieldset__legend--s' }),
      textField('/teamManager', 'Team manager', { width: 20, spellcheck: false, labelClass: 'govuk-label--s' }),
      textField('/practitioner', 'SF practitioner or SF assistant', {
        width: 20, spellcheck: false, labelClass: 'govuk-label--s',
        hintText: 'The Strengthening Families practitioner or assistant who holds the case',
      }),
      radiosField('/caseStatus', 'Case status', CASE_STATUSES, {
        legendClass: 'govuk-fieldset__legend--s',
        hintText: 'A child protection case is supervised every month; any other open case at least every 3 months.',
      }),
      fieldsetGroup('/child', 'Child', [
        textField('/child/name', 'Child’s full name', { width: 20, spellcheck: false }),
        textField('/child/lcsNumber', 'Liquid Logic (LCS) number', { width: 10, spellcheck: false }),
      ], nested),
      dateField('/previousSupervisionDate', 'Date of the previous supervision (optional)', {
        legendClass: 'govuk-fieldset__legend--s',
        hintText: 'The last casework supervision of this child, if there was one. For example, 31 12 2024',
      }),
    ]),
    section('Since the last supervision', [
      textareaField('/purposeOfInvolvement', 'Purpose of involvement', { labelClass: 'govuk-label--s' }),
      previousActions,
      dateField('/lastAssessmentDate', 'Date of the last assessment', {
        legendClass: 'govuk-fieldset__legend--s', hintText: 'An assessment older than 12 months may need reviewing. For example, 15 1 2025',
      }),
      dateField('/childLastSeenDate', 'Date the child was last seen', { legendClass: 'govuk-fieldset__legend--s' }),
      textareaField('/sinceLastSupervision', 'What has happened since the last supervision?', { labelClass: 'govuk-label--s' }),
    ]),
    section('The plan, the child and risk', [
      fieldsetGroup('/supportPlan', 'Support plan', [
        radiosField('/supportPlan/upToDate', 'Is the support plan up to date?', YES_NO, { inline: true }),
        radiosField('/supportPlan/smart', 'Are the support plan’s actions SMART?', YES_NO, {
          inline: true, hintText: 'Specific, measurable, achievable, realistic and timely',
        }),
        textareaField('/supportPlan/comment', 'Comment on the support plan (optional)', { rows: 2 }),
      ], nested),
      textareaField('/childWishesAndFeelings', 'Wishes and feelings of the child', {
        labelClass: 'govuk-label--s', hintText: 'Ascertained through direct work or assessments and plans',
      }),
      textareaField('/positiveChange', 'How is the involvement making positive change for the child or children?', { labelClass: 'govuk-label--s' }),
      textareaField('/riskAnalysis', 'Analysis of current risk', { labelClass: 'govuk-label--s' }),
      radiosField('/riskManaged', 'Is this risk being managed?', YES_NO, {
        inline: true, legendClass: 'govuk-fieldset__legend--s', hintText: 'If not, agree at least one action below.',
      }),
      textareaField('/strengths', 'Overview of strengths within the family', { labelClass: 'govuk-label--s' }),
    ]),
    section('Actions and the next supervision', [
      actions,
      dateField('/nextSupervisionDate', 'Date of the next supervision (optional)', {
        legendClass: 'govuk-fieldset__legend--s', hintText: 'On or before the date it is due. For example, 28 2 2025',
      }),
      radiosField('/activeSafeguarding', 'Is this a very active case with safeguarding issues?', YES_NO, {
        inline: true, legendClass: 'govuk-fieldset__legend--s',
        hintText: 'A very active case with safeguarding issues is supervised every month, as a child protection case is.',
      }),
      dateField('/preparedBySuperviseeOn', 'Date the practitioner updated the form (optional)', {
        legendClass: 'govuk-fieldset__legend--s',
        hintText: 'The practitioner updates the form before the supervision and reassigns it to their senior or team leader.',
      }),
    ]),
  ];
  return nodes;
}

// ---------------------------------------------------------------------------------------------------------------
// The outcome as a picture: the supervision cadence

function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children) if (c) node.append(c);
  return node;
}

function svgText(x, y, text, attrs = {}) {
  const node = svg('text', { x, y, ...attrs });
  node.textContent = text;
  return node;
}

const COLOUR = {
  ink: '#0b0c0c',
  muted: '#505a5f',
  rule: '#b1b4b6',
  blue: '#1d70b8',
  green: '#00703c',
  orange: '#f47738',
  red: '#d4351c',
};

/** Why the case is supervised as often as it is, from the answers the module's rule reads. */
function frequencyReason(frequency) {
  const status = model.caseStatus;
  const active = model.activeSafeguarding === true;
  if (frequency === 'monthly') {
    if (status === 'cp' && active) return 'A child protection case with safeguarding issues: supervised every month.';
    if (status === 'cp') return 'A child protection case: supervised every month.';
    return 'A very active case with safeguarding issues: supervised every month, as a child protection case is.';
  }
  const label = CASE_STATUS_LABEL.get(status);
  if (!label) return 'An open case is supervised at least every 3 months. Select the case status: a child protection case is supervised every month.';
  return `${label} and not a very active case with safeguarding issues: an open case, supervised at least every 3 months.`;
}

/**
 * The timeline: the previous supervision, the day the child was last seen, this supervision, the planned next
 * supervision and the date the next one is due, on one line with today marked.
 */
function drawTimeline(container, { previous, seen, date, planned, due, today, overdue, intervalExceeded, frequencyText }) {
  const W = 300;
  const PAD = 10;
  const LINE = 40;
  const points = [];
  if (previous && date && previous < date) points.push({ key: 'previous', name: 'Previous', date: previous, colour: COLOUR.muted });
  if (seen && date && seen <= date) points.push({ key: 'seen', name: 'Child seen', date: seen, colour: COLOUR.ink });
  if (date) points.push({ key: 'this', name: 'This supervision', date, colour: COLOUR.blue });
  if (planned && date && planned > date) {
    points.push({ key: 'planned', name: 'Planned next', date: planned, colour: due && planned > due ? COLOUR.orange : COLOUR.green });
  }
  if (due) points.push({ key: 'due', name: overdue ? 'Due (overdue)' : 'Next due', date: due, colour: overdue ? COLOUR.red : COLOUR.blue });

  if (!date || !due) {
    container.replaceChildren(el('p', { className: 'govuk-body-s app-cws-muted', text: 'Enter the date of supervision to see the cadence.' }));
    return;
  }

  const all = [...points.map((p) => dayNumber(p.date)), dayNumber(today)];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 30) {
    const mid = (lo + hi) / 2;
    lo = mid - 15;
    hi = mid + 15;
  }
  const span = hi - lo;
  lo -= span * 0.04;
  hi += span * 0.04;
  const x = (iso) => PAD + ((dayNumber(iso) - lo) / (hi - lo)) * (W - 2 * PAD);

  const children = [];
  const titleId = 'timeline-title';
  const descId = 'timeline-desc';
  children.push(svg('title', { id: titleId }, [document.createTextNode('Supervision cadence timeline')]));
  const desc = points.map((p) => `${p.name}: ${longDate(p.date)}`).concat(`Today: ${longDate(today)}`).join('. ');
  children.push(svg('desc', { id: descId }, [document.createTextNode(`${frequencyText}. ${desc}.`)]));

  // Month ticks along the axis, labelled as space allows (months, else quarters, else years).
  const axis = svg('g', { class: 'app-cws-axis' });
  axis.append(svg('line', { x1: PAD, y1: LINE, x2: W - PAD, y2: LINE, stroke: COLOUR.rule, 'stroke-width': 2 }));
  const loIso = fromDayNumber(Math.ceil(lo));
  const [ly, lm] = loIso.split('-').map(Number);
  let month = isoOf(ly, lm, 1);
  if (month < loIso) month = addMonths(month, 1);
  const monthStarts = [];
  while (dayNumber(month) <= hi) {
    monthStarts.push(month);
    month = addMonths(month, 1);
  }
  const pxPerMonth = ((W - 2 * PAD) * 30.4) / (hi - lo);
  const every = pxPerMonth >= 24 ? 1 : pxPerMonth * 3 >= 24 ? 3 : 12;
  let lastRight = -Infinity; // a label never starts before the last one ends ("Jan 26" is wider than "Dec")
  for (const m of monthStarts) {
    const mx = x(m);
    const mi = Number(m.slice(5, 7)) - 1;
    axis.append(svg('line', { x1: mx, y1: LINE - 4, x2: mx, y2: LINE + 4, stroke: COLOUR.rule, 'stroke-width': 1 }));
    const text = every === 12 || mi === 0 ? `${MONTHS[mi].slice(0, 3)} ${m.slice(2, 4)}` : MONTHS[mi].slice(0, 3);
    if (mi % every === 0 && mx + 2 + text.length * 6.5 <= W && mx + 2 >= lastRight + 4) {
      axis.append(svgText(mx + 2, LINE - 7, text, { class: 'app-cws-chart app-cws-chart--muted' }));
      lastRight = mx + 2 + text.length * 6.5;
    }
  }
  children.push(axis);

  // Spans: previous → this (green, or orange when the interval was exceeded), this → due (the window, blue),
  // due → today in red when overdue.
  const byKey = Object.fromEntries(points.map((p) => [p.key, p]));
  if (byKey.previous) {
    children.push(svg('line', {
      x1: x(previous), y1: LINE, x2: x(date), y2: LINE,
      stroke: intervalExceeded ? COLOUR.orange : COLOUR.green, 'stroke-width': 4,
      'data-span': intervalExceeded ? 'previous-late' : 'previous',
    }));
  }
  children.push(svg('line', { x1: x(date), y1: LINE, x2: x(due), y2: LINE, stroke: COLOUR.blue, 'stroke-width': 7, 'data-span': 'window' }));
  if (overdue && today > due) {
    children.push(svg('line', {
      x1: x(due), y1: LINE, x2: x(today), y2: LINE, stroke: COLOUR.red, 'stroke-width': 4, 'stroke-dasharray': '5 3', 'data-span': 'overdue',
    }));
  }

  // Today: a dashed vertical line, labelled at the top.
  const tx = x(today);
  children.push(svg('line', {
    x1: tx, y1: 16, x2: tx, y2: LINE + 10, stroke: overdue ? COLOUR.red : COLOUR.ink, 'stroke-width': 2, 'stroke-dasharray': '3 2', 'data-marker': 'today',
  }));
  const todayLabel = `Today ${shortDate(today)}`;
  const todayW = todayLabel.length * 6.9;
  const todayX = Math.min(Math.max(tx, todayW / 2), W - todayW / 2);
  children.push(svgText(todayX, 11, todayLabel, {
    'text-anchor': 'middle', class: `app-cws-chart app-cws-chart--bold${overdue ? ' app-cws-chart--red' : ''}`,
  }));

  // Labels below the line, in lanes: none overlaps another, and no leader line crosses a label.
  const LANE0 = LINE + 26;
  const LANE_H = 32;
  const labelled = placeLabels(points.map((p) => ({
    ...p,
    px: x(p.date),
    w: Math.max(p.name.length * 6.9, shortDate(p.date).length * 6.4) + 4,
  })), W);
  const lanes = Math.max(1, ...labelled.map((p) => p.lane + 1));
  for (const p of labelled) {
    const top = LANE0 + p.lane * LANE_H - 11;
    children.push(svg('line', { x1: p.px, y1: LINE + 6, x2: p.px, y2: top - 1, stroke: p.colour, 'stroke-width': 1 }));
    children.push(svgText(p.cx, LANE0 + p.lane * LANE_H, p.name, { 'text-anchor': 'middle', class: 'app-cws-chart app-cws-chart--bold', fill: p.colour }));
    children.push(svgText(p.cx, LANE0 + p.lane * LANE_H + 14, shortDate(p.date), { 'text-anchor': 'middle', class: 'app-cws-chart' }));
  }

  // Markers on the line, drawn last so that they sit on top.
  for (const p of points) {
    const px = x(p.date);
    const attrs = { 'data-marker': p.key, 'data-date': p.date };
    if (p.key === 'this') children.push(svg('circle', { cx: px, cy: LINE, r: 7, fill: COLOUR.blue, stroke: '#ffffff', 'stroke-width': 2, ...attrs }));
    else if (p.key === 'due') children.push(svg('circle', { cx: px, cy: LINE, r: 7, fill: '#ffffff', stroke: p.colour, 'stroke-width': 3, ...attrs }));
    else if (p.key === 'planned') {
      children.push(svg('path', { d: `M ${px} ${LINE - 7} L ${px + 7} ${LINE} L ${px} ${LINE + 7} L ${px - 7} ${LINE} Z`, fill: p.colour, stroke: '#ffffff', 'stroke-width': 1.5, ...attrs }));
    } else if (p.key === 'seen') children.push(svg('circle', { cx: px, cy: LINE, r: 4, fill: '#ffffff', stroke: COLOUR.ink, 'stroke-width': 2, ...attrs }));
    else children.push(svg('circle', { cx: px, cy: LINE, r: 5, fill: p.colour, ...attrs }));
  }

  const height = LANE0 + lanes * LANE_H - 8;
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${height}`, width: '100%', role: 'img', 'aria-labelledby': `${titleId} ${descId}`,
    class: 'app-cws-timeline', focusable: 'false',
  }, children);
  container.replaceChildren(chart);
}

/**
 * Place each label (a box of width `w` under its point at `px`) in a lane and a position (centred under the point,
 * or ending or starting at it) so that no label overlaps another, no leader line crosses a label and as few lanes as
 * possible are used; the most important points choose first. A small depth-first search (five labels at most).
 */
function placeLabels(items, W) {
  const PRIORITY = ['this', 'due', 'previous', 'planned', 'seen'];
  const LANES = 4;
  const clampCx = (cx, w) => Math.min(Math.max(cx, w / 2), W - w / 2);
  const fits = (placed, lane, cx, item) => {
    const left = cx - item.w / 2;
    const right = cx + item.w / 2;
    return placed.every((q) => {
      const qLeft = q.cx - q.w / 2;
      const qRight = q.cx + q.w / 2;
      if (q.lane === lane && left < qRight + 4 && qLeft < right + 4) return false; // overlap in the lane
      if (q.lane < lane && item.px >= qLeft - 2 && item.px <= qRight + 2) return false; // own leader crosses q
      if (q.lane > lane && q.px >= left - 2 && q.px <= right + 2) return false; // covers q's leader
      return true;
    });
  };
  const ordered = [...items].sort((a, b) => PRIORITY.indexOf(a.key) - PRIORITY.indexOf(b.key));
  const options = ordered.map((item) => {
    const spots = [];
    for (let lane = 0; lane < LANES; lane += 1) {
      for (const cx of [item.px, item.px - item.w / 2 + 6, item.px + item.w / 2 - 6]) spots.push({ lane, cx: clampCx(cx, item.w) });
    }
    return spots;
  });
  let best = null;
  let budget = 20000;
  const search = (i, placed, deepest) => {
    if (budget <= 0 || (best && deepest >= best.deepest)) return;
    if (i === ordered.length) {
      best = { placed, deepest };
      return;
    }
    for (const spot of options[i]) {
      budget -= 1;
      if (best && Math.max(deepest, spot.lane) >= best.deepest) continue;
      if (fits(placed, spot.lane, spot.cx, ordered[i])) search(i + 1, [...placed, { ...ordered[i], ...spot }], Math.max(deepest, spot.lane));
    }
  };
  search(0, [], 0);
  if (best) return best.placed;
  // Crowded beyond the lanes: one label per lane, centred.
  return ordered.map((item, lane) => ({ ...item, lane, cx: clampCx(item.px, item.w) }));
}

function drawBar(container, share) {
  const W = 200;
  const H = 14;
  const fill = Math.max(0, Math.min(1, share));
  container.replaceChildren(svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', height: H, 'aria-hidden': 'true', focusable: 'false', class: 'app-cws-bar__svg' }, [
    svg('rect', { x: 1, y: 1, width: W - 2, height: H - 2, fill: '#ffffff', stroke: COLOUR.ink, 'stroke-width': 2 }),
    svg('rect', { x: 3, y: 3, width: Math.max(0, (W - 6) * fill), height: H - 6, fill: fill >= 1 ? COLOUR.green : COLOUR.blue, 'data-share': String(fill) }),
  ]));
}

function showOutcome(outcome) {
  const panel = document.getElementById('cadence');
  const set = (id, text) => { document.getElementById(id).textContent = text; };
  const freqTag = document.getElementById('frequency-tag');
  const overdueTag = document.getElementById('overdue-tag');
  const timeline = document.getElementById('timeline');
  if (state !== 'ready' || !outcome || typeof outcome !== 'object') {
    const text = state === 'loading' ? 'Checking…' : 'Checks unavailable';
    freqTag.className = `govuk-tag ${state === 'loading' ? 'govuk-tag--grey' : 'govuk-tag--orange'}`;
    freqTag.textContent = text;
    overdueTag.hidden = true;
    set('frequency-reason', state === 'loading' ? 'Loading the checks.' : 'The cadence cannot be worked out without the checks.');
    set('next-due', text);
    set('next-due-relative', '');
    set('days-since-seen', text);
    set('actions-count', text);
    set('completeness-text', text);
    drawBar(document.getElementById('completeness-bar'), 0);
    timeline.replaceChildren();
    panel.dataset.nextDue = '';
    panel.dataset.frequency = '';
    panel.dataset.overdue = '';
    return;
  }

  const today = todayIso();
  const monthly = outcome.frequency === 'monthly';
  const frequencyText = monthly ? 'Every month' : 'Every 3 months';
  freqTag.className = `govuk-tag ${monthly ? 'govuk-tag--purple' : 'govuk-tag--blue'}`;
  freqTag.textContent = frequencyText;
  set('frequency-reason', frequencyReason(outcome.frequency));

  const due = toIso(outcome.nextDue ?? '');
  const overdue = outcome.overdue === true;
  overdueTag.hidden = !overdue;
  if (due) {
    set('next-due', longDate(due));
    const days = dayNumber(due) - dayNumber(today);
    let relative;
    if (overdue) relative = `Overdue by ${plural(dayNumber(today) - dayNumber(due), 'day', 'days')}: today is ${longDate(today)}.`;
    else if (days === 0) relative = 'Due today.';
    else if (days > 0) relative = `In ${plural(days, 'day', 'days')}.`;
    else relative = `${plural(-days, 'day', 'days')} ago.`;
    set('next-due-relative', relative);
  } else {
    set('next-due', 'Not known yet');
    set('next-due-relative', 'Enter a real date of supervision.');
  }

  const date = toIso(model.date);
  const diagnostics = lastReport?.diagnostics ?? [];
  drawTimeline(timeline, {
    previous: toIso(model.previousSupervisionDate),
    seen: toIso(model.childLastSeenDate),
    date,
    planned: toIso(model.nextSupervisionDate),
    due,
    today,
    overdue,
    intervalExceeded: diagnostics.some((d) => d.code === 'CWS-004'),
    frequencyText: `${frequencyText}${due ? `, next due by ${longDate(due)}` : ''}${overdue ? ', overdue' : ''}`,
  });

  const daysSeen = outcome.daysSinceChildSeen;
  if (Number.isInteger(daysSeen)) {
    const seen = toIso(model.childLastSeenDate);
    set('days-since-seen', `${plural(daysSeen, 'day', 'days')} before this supervision${seen ? ` (seen ${longDate(seen)})` : ''}`);
  } else {
    set('days-since-seen', 'Not known yet');
  }
  const count = Number.isInteger(outcome.actionsCount) ? outcome.actionsCount : 0;
  set('actions-count', count === 0 ? 'None yet' : plural(count, 'action', 'actions'));
  const share = typeof outcome.completeness === 'number' ? outcome.completeness : 0;
  const percent = Math.round(share * 100);
  set('completeness-text', `${percent}% of the form’s sections`);
  drawBar(document.getElementById('completeness-bar'), share);

  panel.dataset.nextDue = due ?? '';
  panel.dataset.frequency = String(outcome.frequency ?? '');
  panel.dataset.overdue = String(overdue);
  panel.dataset.actions = String(count);
  panel.dataset.completeness = String(percent);

  const live = document.getElementById('cadence-live');
  const sentence = due ? `Next supervision due by ${longDate(due)}, ${frequencyText.toLowerCase()}${overdue ? ', overdue' : ''}.` : '';
  if (live.textContent !== sentence) live.textContent = sentence;
}

// ---------------------------------------------------------------------------------------------------------------
// An example record: a child protection case supervised two days ago (dates relative to today, so that the example
// is always current).

function exampleRecord() {
  const today = todayIso();
  const date = addDays(today, -2);
  return {
    date,
    teamManager: 'Alex Morgan',
    practitioner: 'Sam Patel',
    caseStatus: 'cp',
    child: { name: 'Jordan Smith', lcsNumber: '1234567' },
    previousSupervisionDate: addDays(addMonths(date, -1), 3),
    purposeOfInvolvement: 'Support with routines, school attendance and the child protection plan',
    reviewOfPreviousActions: [
      { action: 'Book the Family Circle', status: 'done', comment: 'Held last week' },
      { action: 'Contact the school about attendance', status: 'not-done', comment: 'School closed for half term; booked for next week' },
    ],
    lastAssessmentDate: addMonths(date, -4),
    childLastSeenDate: addDays(date, -6),
    sinceLastSupervision: 'Family Circle held; attendance improving; core group met',
    supportPlan: { upToDate: true, smart: true, comment: 'Reviewed at the core group' },
    childWishesAndFeelings: 'Wants to stay at the same school and see grandparents more',
    positiveChange: 'Attendance up from 80% to 92%; calmer mornings',
    riskAnalysis: 'Risk reducing; parents engaging with the plan',
    riskManaged: true,
    strengths: 'Grandparents support the family; parents attend every meeting',
    actions: [
      { action: 'Review the plan with the family', owner: 'Sam Patel', dueDate: addDays(date, 14) },
      { action: 'Refer to the parenting programme', owner: 'Alex Morgan', dueDate: addDays(date, 21) },
    ],
    nextSupervisionDate: addDays(addMonths(date, 1), -3),
    activeSafeguarding: true,
    preparedBySuperviseeOn: addDays(date, -1),
  };
}


// ---------------------------------------------------------------------------------------------------------------
// Start

startGovukFrontend();
live = createLiveForm({
  formId: FORM_ID,
  formEl: document.getElementById('supervision-form'),
  fieldsEl: document.getElementById('form-fields'),
  noun: 'supervision record',
  showOutcome: (outcome, next, data) => {
    state = next;
    model = data;
    lastReport = live.lastReport;
    showOutcome(outcome);
  },
});
live.start(buildForm).then(() => {
  document.getElementById('example-button')?.addEventListener('click', () => live.load(exampleRecord()));
});
