// Strengthening Families referral (`sf-referral`): the referral's own layout, its referral criteria (25 needs in
// five domains, each with optional evidence) and its eligibility panel. The fields, the session, the messages, the
// error summary and "Checks unavailable" are the live form's (www/live-form.js).
//
// What the engine requires at submit (REF-001, REF-016): the referral date, the route, at least one child with a
// date of birth (or an expected date), the referrer's name and agency (unless a self-referral), the assessment and
// the plan, consent on an early help route, and the household on a Family Connect referral. Every other field is
// marked "(optional)" on this page.
//
// `?today=YYYY-MM-DD` in the page's address fixes "today" (for demos and tests).

import { startGovukFrontend, el } from '/www/common.js';
import { isIndex } from '/www/render/schema.js';
import { createLiveForm, plural } from '/www/live-form.js';

const FORM_ID = 'sf-referral';

// ---------------------------------------------------------------------------------------------------------------
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
// The referral criteria: a checkbox per need, grouped by domain, each revealing an evidence box. Sent as the list
// of ticked needs, { id, evidence? }, in the table's order.

const criterionBoxes = new Map(); // id -> { box, evidence, reveal }
const domainTags = new Map(); // domain id -> tag element

function criteriaSection(live) {
  const domainSets = DOMAINS.map((domain) => {
    const tag = el('strong', { className: 'govuk-tag govuk-tag--green app-domain-tag', text: 'Met', attrs: { hidden: true } });
    domainTags.set(domain.id, tag);
    const items = domain.items.map(([cid, text]) => {
      const id = `criteria-${cid}`;
      const box = el('input', {
        className: 'govuk-checkboxes__input',
        attrs: { id, name: 'criteria', type: 'checkbox', value: cid, 'data-criterion': cid, 'aria-controls': `conditional-${id}`, 'aria-expanded': 'false' },
      });
      const evidence = el('input', { className: 'govuk-input govuk-!-width-full', attrs: { id: `${id}-evidence`, name: `${id}-evidence`, type: 'text', 'data-evidence': cid } });
      const reveal = el('div', { className: 'govuk-checkboxes__conditional govuk-checkboxes__conditional--hidden', attrs: { id: `conditional-${id}` } }, [
        el('div', { className: 'govuk-form-group' }, [el('label', { className: 'govuk-label', text: 'Evidence (optional)', attrs: { for: evidence.id } }), evidence]),
      ]);
      criterionBoxes.set(cid, { box, evidence, reveal });
      return [el('div', { className: 'govuk-checkboxes__item' }, [box, el('label', { className: 'govuk-label govuk-checkboxes__label', text, attrs: { for: id } })]), reveal];
    });
    return el('div', { className: 'govuk-form-group app-domain', attrs: { 'data-domain': domain.id } }, [
      el('fieldset', { className: 'govuk-fieldset' }, [
        el('legend', { className: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, [document.createTextNode(`${domain.label} `), tag]),
        el('div', { className: 'govuk-checkboxes govuk-checkboxes--small' }, items.flat()),
      ]),
    ]);
  });
  const group = live.fieldset('/criteria', 'Which needs does the family have?', domainSets, {
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
  group.fill = (v) => {
    const byId = new Map((Array.isArray(v) ? v : []).map((c) => [c?.id, c]));
    for (const [cid, entry] of criterionBoxes) {
      entry.box.checked = byId.has(cid);
      entry.evidence.value = byId.get(cid)?.evidence ?? '';
      entry.reveal.classList.toggle('govuk-checkboxes__conditional--hidden', !entry.box.checked);
      entry.box.setAttribute('aria-expanded', String(entry.box.checked));
    }
  };
  return group;
}

const tickedCriteria = () => CRITERION_IDS.filter((cid) => criterionBoxes.get(cid).box.checked);

function criteriaValue() {
  const list = tickedCriteria().map((cid) => {
    const evidence = criterionBoxes.get(cid).evidence.value;
    return evidence.trim() === '' ? { id: cid } : { id: cid, evidence };
  });
  return list.length ? list : undefined;
}

/** The criteria's own events: a tick reveals its evidence box; every change sends the whole list. */
function onCriteriaEvent(event, live) {
  const t = event.target;
  if (!t.dataset.criterion && !t.dataset.evidence) return false;
  if (t.dataset.criterion) {
    criterionBoxes.get(t.dataset.criterion).reveal.classList.toggle('govuk-checkboxes__conditional--hidden', !t.checked);
    t.setAttribute('aria-expanded', String(t.checked));
    if (event.type === 'input') return true; // handled on change
  }
  live.touch('/criteria');
  live.afterChange(live.change('/criteria', criteriaValue()));
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// The form

function buildForm(live, schema) {
  const relationshipEnum = schema?.properties?.adults?.items?.properties?.relationship?.enum;
  const relationships = Array.isArray(relationshipEnum)
    ? relationshipEnum.filter(Boolean).map((v) => [v, v.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase())])
    : null;
  const section = (heading, nodes) => el('div', { className: 'app-section' }, [el('h2', { className: 'govuk-heading-l', text: heading }), ...nodes.map((n) => n.root ?? n)]);
  const yesNo = (pointer, legend, more) => live.radios(pointer, legend, YES_NO, { inline: true, ...more });
  const small = { legendClass: 'govuk-fieldset__legend--s' };

  const episodes = (p) => live.list(`${p}/missingEpisodes`, {
    legend: 'Missing episodes (optional)', ...small, itemName: 'missing episode', addLabel: 'Add a missing episode', rowClass: 'app-list__row--small',
    hintText: 'Dates the child went missing. Three or more in the 90 days before the referral support “missing 3 or more times in 90 days”.',
    renderRow: (j) => live.date(`${p}/missingEpisodes/${j}`, `Missing episode ${j + 1}`, { hintText: null }),
  });
  const childRow = (i) => {
    const p = `/children/${i}`;
    const expected = live.date(`${p}/expectedDate`, 'Expected date of birth');
    return live.fieldset(p, `Child ${i + 1}`, [
      live.text(`${p}/name`, 'Full name', { spellcheck: false }),
      live.date(`${p}/dateOfBirth`, 'Date of birth', { hintText: 'For example, 31 3 2015' }),
      live.checkbox(`${p}/unborn`, 'This child is not born yet', { conditional: [expected], controls: [expected] }),
      yesNo(`${p}/send`, 'Does the child have special educational needs or a disability (SEND)?', { hintText: 'Young people with SEND can be supported up to the age of 25.' }),
      live.text(`${p}/attendancePercent`, 'School attendance (optional)', { hintText: 'Overall attendance, from 0 to 100', width: 3, inputmode: 'decimal', suffix: '%', number: true }),
      live.text(`${p}/school`, 'School (optional)', { width: 20 }),
      episodes(p),
    ], small);
  };
  const adultRow = (i) => {
    const p = `/adults/${i}`;
    return live.fieldset(p, `Adult ${i + 1}`, [
      live.text(`${p}/name`, 'Full name', { spellcheck: false }),
      relationships
        ? live.select(`${p}/relationship`, 'Relationship to the children', relationships)
        : live.text(`${p}/relationship`, 'Relationship to the children', { hintText: 'For example, mother, stepfather, grandmother', width: 20 }),
      live.date(`${p}/dateOfBirth`, 'Date of birth (optional)', { hintText: 'For example, 31 3 1985' }),
    ], small);
  };

  return [
    section('About the referral', [
      live.date('/referralDate', 'Date of the referral'),
      live.date('/receivedOn', 'Date the referral was received (optional)'),
      live.select('/route', 'Referral route', ROUTES, { hintText: 'How the referral reached Strengthening Families' }),
      live.radios('/service', 'Service requested (optional)', SERVICES),
      live.localList('/locality', 'Locality (optional)', { hintText: 'Based on the child’s home address. Your council’s profile lists its localities.' }),
    ]),
    section('Who is referring', [
      live.fieldset('/referrer', 'Referrer', [
        live.text('/referrer/name', 'Full name', { spellcheck: false }),
        live.text('/referrer/agency', 'Agency', { hintText: 'For example, a school, health visiting, police' }),
        live.text('/referrer/role', 'Role (optional)'),
        live.text('/referrer/email', 'Email address (optional)', { type: 'email', spellcheck: false }),
        live.text('/referrer/phone', 'Phone number (optional)', { type: 'tel', width: 20, hintText: 'A UK phone number, for example 01952 385465' }),
      ], { ...small, hintText: 'Not needed for a self-referral.' }),
    ]),
    section('Family address', [
      live.fieldset('/address', 'Address (optional)', [
        live.text('/address/line1', 'Address line 1'),
        live.text('/address/line2', 'Address line 2'),
        live.text('/address/town', 'Town or city', { width: 20 }),
        live.text('/address/postcode', 'Postcode', { width: 10, spellcheck: false }),
      ], small),
    ]),
    section('Assessment and plan', [
      live.fieldset('/assessment', 'Assessment', [
        live.select('/assessment/type', 'Type of assessment', ASSESSMENT_TYPES),
        live.date('/assessment/date', 'Date of the assessment'),
        yesNo('/assessment/open', 'Is the assessment open and current?'),
      ], { hintText: 'There must be an open and current assessment and plan in place.' }),
      live.fieldset('/plan', 'Plan', [
        live.select('/plan/type', 'Type of plan', PLAN_TYPES),
        live.date('/plan/date', 'Date of the plan'),
        yesNo('/plan/open', 'Is the plan open and current?'),
      ]),
    ]),
    section('Consent', [
      live.fieldset('/consent', 'Consent', [
        yesNo('/consent/given', 'Has the family given consent to the referral?'),
        live.date('/consent/date', 'Date consent was given (optional)'),
        live.text('/consent/by', 'Who gave consent (optional)', { hintText: 'Name of the parent or carer' }),
      ], { ...small, hintText: 'Consent must be recorded for an early help (non-statutory) route.' }),
    ]),
    section('The family', [
      live.list('/children', {
        legend: 'Children', hintText: 'Every child in the family, including unborn children.', itemName: 'child',
        addLabel: 'Add another child', minRows: 1, seedRows: 1, renderRow: childRow,
      }),
      live.list('/adults', {
        legend: 'Adults in the household (optional)', itemName: 'adult', addLabel: 'Add another adult', minRows: 1, renderRow: adultRow,
        hintText: 'Parents, carers and any other adult living in the home. Needed for a Family Connect referral.',
      }),
    ]),
    section('Referral criteria', [criteriaSection(live)]),
  ];
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

function showOutcome(outcome, state) {
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

// ---------------------------------------------------------------------------------------------------------------
// Start

startGovukFrontend();
const live = createLiveForm({
  formId: FORM_ID,
  formEl: document.getElementById('referral-form'),
  fieldsEl: document.getElementById('form-fields'),
  noun: 'referral',
  showOutcome,
  onEvent: onCriteriaEvent,
});
live.start((checks) => {
  let schema = null;
  try {
    schema = checks?.schema(FORM_ID) ?? null;
  } catch {
    schema = null;
  }
  return buildForm(live, schema);
});
