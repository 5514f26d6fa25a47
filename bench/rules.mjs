// The cross-field rules of the three benchmark forms written by hand in JavaScript, as a vendor would write them
// next to a schema validator (ajv, zod, valibot). The same functions run after each library's own schema check, so
// every JavaScript contender applies the same rules; each returns [{ code, path, message }] and an outcome.
// Faithful to the main rules of src/forms/{sf_referral,case_audit,casework_supervision} (the same codes, paths,
// thresholds and dates, default profile), not to every message word. Plain JavaScript, no imports.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAY = 86_400_000;

function clean(s) {
  return typeof s === 'string' ? s.trim() : s;
}

function blank(v) {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v).every(blank);
  return false;
}

function month(s) {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const l = s.toLowerCase().replace(/\.$/, '');
  if (l === 'sept') return 9;
  const i = MONTHS.findIndex((m) => m === l || m.slice(0, 3) === l);
  return i < 0 ? 0 : i + 1;
}

/** A date as a day number (ms since 1970 / DAY), from "YYYY-MM-DD" or GOV.UK date parts; null when not a real date. */
export function date(v) {
  let y, m, d;
  if (typeof v === 'string') {
    const t = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
    if (!t) return null;
    [y, m, d] = [Number(t[1]), Number(t[2]), Number(t[3])];
  } else if (v && typeof v === 'object' && !Array.isArray(v)) {
    const part = (k) => (v[k] === undefined || v[k] === null ? '' : String(v[k]).trim());
    if (!/^\d{1,2}$/.test(part('day')) || !/^\d{4}$/.test(part('year'))) return null;
    [y, m, d] = [Number(part('year')), month(part('month')), Number(part('day'))];
  } else return null;
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2199) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCDate() === d && back.getUTCMonth() === m - 1 ? t / DAY : null;
}

function iso(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Calendar months added, clamped at month ends (31 January + 1 month is 28 or 29 February). */
function addMonths(day, n) {
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY;
}

function bool(v) {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  return s === 'true' || s === 'yes' ? true : s === 'false' || s === 'no' ? false : null;
}

function num(v) {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : null);
const list = (v) => (Array.isArray(v) ? v : []);

// England and Wales bank holidays 2024–2026 (what a vendor would hard-code for working days).
const BANK_HOLIDAYS = new Set([
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
].map((s) => date(s)));

function addWorkingDays(day, n) {
  let d = day;
  while (n > 0) {
    d += 1;
    const wd = new Date(d * DAY).getUTCDay();
    if (wd !== 0 && wd !== 6 && !BANK_HOLIDAYS.has(d)) n -= 1;
  }
  return d;
}

// ---- sf-referral ----

const DOMAINS = {
  'need-help': ['supported-by-assessment'],
  'youth-crime': ['asb-level-2', 'youth-offending'],
  'adult-crime': ['adult-offending', 'parent-prison'],
  'school-attendance': ['attendance-below-90', 'vulnerable-learner', 'repeated-exclusions', 'not-registered'],
  'ensuring-safety': ['missing-3-in-90', 'cse-risk', 'radicalisation-risk', 'fgm-risk', 'trafficking-risk', 'cp-or-cin'],
  parenting: ['complex-needs', 'parental-substance-misuse', 'domestic-abuse', 'parental-mental-health', 'physical-chastisement',
    'left-unattended', 'missing-not-reported', 'home-conditions', 'homelessness-risk', 'no-recourse-public-funds'],
};
const DOMAIN_OF = new Map(Object.entries(DOMAINS).flatMap(([d, subs]) => subs.map((s) => [s, d])));
const EARLY_HELP = new Set(['early-help-assessment', 'early-help-support-plan', 'targeted-group', 'self-referral']);

export function referralRules(data, today) {
  const out = [];
  const emit = (code, path, message) => out.push({ code, path, message });
  const todayDay = date(today);
  const rd = date(data.referralDate);
  const route = clean(data.route) || null;
  if (blank(data.referralDate)) emit('REF-001', '/referralDate', 'Enter the date of the referral');
  if (!route) emit('REF-001', '/route', 'Select the referral route');
  if (blank(data.children)) emit('REF-001', '/children', 'Add at least one child');
  if (rd !== null && rd > todayDay) emit('REF-013', '/referralDate', 'Date of referral must be today or in the past');
  const received = date(data.receivedOn);
  if (rd !== null && received !== null && received < rd) emit('REF-014', '/receivedOn', 'Date the referral was received must be the same as or after the date of referral');
  if (route && route !== 'self-referral') {
    const r = obj(data.referrer);
    if (!r || blank(r.name)) emit('REF-001', '/referrer/name', "Enter the referrer's name");
    if (!r || blank(r.agency)) emit('REF-001', '/referrer/agency', "Enter the referrer's agency");
  }
  if (route === 'self-referral' && clean(data.service) === 'whole-family-working') emit('REF-005', '/route', 'Families cannot refer themselves to whole family working');
  const open = {};
  for (const key of ['assessment', 'plan']) {
    const part = obj(data[key]);
    if (!part) {
      if (blank(data[key])) emit('REF-001', `/${key}`, `Enter the open and current ${key}`);
      continue;
    }
    open[key] = bool(part.open);
    if (open[key] === null && blank(part.open)) emit('REF-001', `/${key}/open`, `Select whether the ${key} is open`);
    if (open[key] === false) emit('REF-003', `/${key}/open`, `The ${key} must be open and current for the referral to be accepted`);
  }
  const ad = date(obj(data.assessment)?.date);
  if (ad !== null && rd !== null && addMonths(ad, 12) < rd) emit('REF-004', '/assessment/date', 'The assessment is more than 12 months old at the date of referral');
  if (route && EARLY_HELP.has(route)) {
    const given = bool(obj(data.consent)?.given);
    if (given === false) emit('REF-015', '/consent/given', "An early help referral needs the family's consent");
    else if (given === null && blank(obj(data.consent)?.given)) emit('REF-001', '/consent/given', 'Select whether the family has given consent');
  }
  const children = list(data.children).slice(0, 200);
  children.forEach((c, i) => {
    if (!obj(c)) return;
    if (bool(c.unborn) === true) {
      const expected = date(c.expectedDate);
      if (expected === null && blank(c.expectedDate)) emit('REF-001', `/children/${i}/expectedDate`, 'Enter the expected date of birth');
      else if (expected !== null && rd !== null && expected <= rd) emit('REF-007', `/children/${i}/expectedDate`, 'Expected date of birth must be after the date of referral');
      return;
    }
    const dob = date(c.dateOfBirth);
    if (dob === null) {
      if (blank(c.dateOfBirth)) emit('REF-001', `/children/${i}/dateOfBirth`, "Enter the child's date of birth");
      return;
    }
    if (dob > todayDay) return emit('REF-008', `/children/${i}/dateOfBirth`, 'Date of birth must be in the past');
    if (rd === null) return;
    const limit = bool(c.send) === true ? 25 : 18;
    if (addMonths(dob, (limit + 1) * 12) <= rd) emit('REF-006', `/children/${i}/dateOfBirth`, `The child must be ${limit} or younger at the date of referral`);
  });
  if (route === 'family-connect-triage') {
    children.forEach((c, i) => {
      if (obj(c) && bool(c.unborn) !== true && blank(c.name)) emit('REF-016', `/children/${i}/name`, "Enter the child's name");
    });
    const adults = list(data.adults).slice(0, 200);
    if (adults.length === 0) emit('REF-016', '/adults', 'Add the adults in the household');
    adults.forEach((a, i) => {
      if (!obj(a)) return;
      if (blank(a.name)) emit('REF-016', `/adults/${i}/name`, "Enter the adult's name");
      if (blank(a.relationship)) emit('REF-016', `/adults/${i}/relationship`, "Enter the adult's relationship to the child");
    });
  }
  const ticked = [];
  list(data.criteria).slice(0, 200).forEach((c, i) => {
    const id = clean(obj(c)?.id);
    if (!id) return;
    if (!DOMAIN_OF.has(id)) emit('REF-011', `/criteria/${i}/id`, 'Select a criterion from the referral criteria');
    else if (ticked.includes(id)) emit('REF-012', `/criteria/${i}/id`, 'This criterion is already ticked; it counts once');
    else ticked.push(id);
  });
  const domains = new Set(ticked.map((s) => DOMAIN_OF.get(s)));
  const domainsNeeded = Math.max(0, 3 - domains.size);
  const subcategoriesNeeded = Math.max(0, 5 - ticked.length);
  if (domainsNeeded > 0 || subcategoriesNeeded > 0) emit('REF-002', '/criteria', 'The needs must meet at least 3 domain areas and 5 sub-categories');
  const attendance = children.map((c) => num(obj(c)?.attendancePercent)).filter((p) => p !== null);
  if (ticked.includes('attendance-below-90') && attendance.length > 0 && attendance.every((p) => p >= 90)) emit('REF-009', '/criteria', "Attendance below 90% is ticked, but every child's recorded attendance is 90% or more");
  if (ticked.includes('supported-by-assessment') && open.assessment === false) emit('REF-009', '/criteria', 'Supported by an assessment is ticked, but the assessment is recorded as not open');
  const supported = [];
  if (open.assessment === true) supported.push('supported-by-assessment');
  if (attendance.some((p) => p < 90)) supported.push('attendance-below-90');
  const planType = clean(obj(data.plan)?.type);
  if ((planType === 'child-protection-plan' || planType === 'child-in-need-plan') && open.plan === true) supported.push('cp-or-cin');
  for (const s of supported) if (!ticked.includes(s)) emit('REF-010', '/criteria', `Consider ticking ${s}`);
  const eligible = domainsNeeded === 0 && subcategoriesNeeded === 0 && open.assessment === true && open.plan === true
    && !!route && !(route === 'self-referral' && clean(data.service) === 'whole-family-working');
  return { issues: out, outcome: { eligible, domainsMet: [...domains], domainsNeeded, subcategoriesNeeded, suggested: supported.filter((s) => !ticked.includes(s)) } };
}

// ---- case-audit ----

const SECTIONS = ['basic', 'assessment', 'plans', 'recording', 'oversight', 'diversity'];
const BANDS = [1.5, 2.5, 3.5];
const band = (mean) => (mean <= BANDS[0] ? 1 : mean <= BANDS[1] ? 2 : mean <= BANDS[2] ? 3 : 4);

export function caseAuditRules(data, today, questionIds) {
  const out = [];
  const emit = (code, path, message) => out.push({ code, path, message });
  const todayDay = date(today);
  const audit = date(data.auditDate);
  for (const [key, message] of [['auditType', 'Select the type of audit'], ['auditDate', 'Enter the date of the audit'], ['caseWorker', 'Enter the current case worker'],
    ['llcsNumber', 'Enter the LLCS number'], ['auditors', 'Add at least one auditor'], ['caseStatus', 'Select the case status'], ['overallGrade', "Select the auditors' overall score"]]) {
    if (blank(data[key])) emit('AUD-001', `/${key}`, message);
  }
  if (audit !== null && audit > todayDay) emit('AUD-016', '/auditDate', 'Date of the audit must be today or in the past');
  if (clean(data.auditType) === 'cross-locality') {
    if (blank(data.theme)) emit('AUD-001', '/theme', 'Select the theme of the cross-locality audit');
    const present = bool(data.practitionerPresent);
    if (present === false) emit('AUD-015', '/practitionerPresent', "A cross-locality audit takes place with the practitioner present");
    else if (present === null && blank(data.practitionerPresent)) emit('AUD-001', '/practitionerPresent', 'Select whether the practitioner was present');
  }
  const answers = obj(data.answers) ?? {};
  const known = new Set(questionIds);
  for (const key of Object.keys(answers)) if (!known.has(key)) emit('AUD-002', `/answers/${key}`, 'Remove the grade for a question the audit tool does not have');
  const grade = (v) => { const n = num(v); return n !== null && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null; };
  const grades = {};
  for (const id of questionIds) {
    grades[id] = grade(answers[id]);
    if (grades[id] === null && blank(answers[id])) emit('AUD-001', `/answers/${id}`, 'Select a grade');
  }
  const yesNo = (k) => { const a = clean(obj(data[k])?.answer); return a === 'yes' ? true : a === 'no' ? false : null; };
  for (const k of ['childSafe', 'lifeImproved', 'directObservation']) if (blank(obj(data[k])?.answer)) emit('AUD-001', `/${k}/answer`, 'Select yes or no');
  const childSafe = yesNo('childSafe');
  const lifeImproved = yesNo('lifeImproved');
  if (childSafe === false && blank(obj(data.childSafe)?.comments)) emit('AUD-004', '/childSafe/comments', 'Enter the reasons the auditors are not satisfied the child is safe');
  if (clean(data.caseStatus) === 'step-down' && grades['assessment.at-referral'] !== null && grades['assessment.at-referral'] < 5) emit('AUD-003', '/answers/assessment.at-referral', 'This question does not apply to a step-down case: grade it N/A (5)');
  if (bool(obj(data.evidence)?.referredByFamilyConnect) === true && grades['basic.referrer-notified'] !== null && grades['basic.referrer-notified'] < 5) emit('AUD-003', '/answers/basic.referrer-notified', 'This question does not apply to a Family Connect referral');
  // Scores: section means of the 1–4 grades, the overall mean, the limiting judgements.
  const sections = SECTIONS.map((s) => {
    const g = questionIds.filter((q) => q.startsWith(`${s}.`)).map((q) => grades[q]).filter((x) => x !== null && x !== 5);
    const mean = g.length ? Math.round((g.reduce((a, b) => a + b, 0) / g.length) * 100) / 100 : null;
    return { id: s, answered: g.length, mean, grade: g.length ? band(g.reduce((a, b) => a + b, 0) / g.length) : null };
  });
  const all = questionIds.map((q) => grades[q]).filter((x) => x !== null && x !== 5);
  let suggested = all.length ? band(all.reduce((a, b) => a + b, 0) / all.length) : null;
  if (childSafe === false) suggested = 4;
  if (lifeImproved === false && suggested !== null) suggested = Math.max(suggested, 3);
  const recorded = grade(data.overallGrade);
  if (recorded !== null && suggested !== null && (recorded === 5 || Math.abs(recorded - suggested) > 1) && blank(data.generalComments)) emit('AUD-005', '/overallGrade', "The auditors' overall score is more than one grade from the grade the answers suggest");
  // Evidence: dates in order, grades the dates contradict.
  const ev = obj(data.evidence) ?? {};
  const fromEvidence = date(ev.allocationDate);
  const allocation = fromEvidence ?? date(data.dateAllocated);
  const referral = date(ev.referralDate);
  const contact = date(ev.firstContactDate);
  const assessed = date(ev.assessmentCompletedDate);
  const circles = list(ev.familyCircleDates).map(date).filter((d) => d !== null).sort((a, b) => a - b);
  if (referral !== null && allocation !== null && allocation < referral) emit('AUD-017', fromEvidence !== null ? '/evidence/allocationDate' : '/dateAllocated', 'Date of allocation must be the same as or after the date of referral');
  if (contact !== null && allocation !== null && contact < allocation) emit('AUD-017', '/evidence/firstContactDate', 'Date of the first contact must be the same as or after the date of allocation');
  if (audit !== null) for (const [d, p] of [[referral, '/evidence/referralDate'], [contact, '/evidence/firstContactDate'], [assessed, '/evidence/assessmentCompletedDate']]) if (d !== null && d > audit) emit('AUD-017', p, 'The date must be the same as or before the date of the audit');
  const good = (q) => grades[q] === 1 || grades[q] === 2;
  if (good('basic.allocation-timely') && referral !== null && allocation !== null && allocation - referral > 84) emit('AUD-006', '/answers/basic.allocation-timely', 'The grade for timely allocation is better than the dates suggest');
  if (good('basic.contact-5-days') && contact !== null && allocation !== null && contact > addWorkingDays(allocation, 5)) emit('AUD-007', '/answers/basic.contact-5-days', 'The grade for contact within 5 working days is better than the dates suggest');
  if (good('assessment.within-10-weeks') && bool(ev.assessmentAtReferral) === false && allocation !== null && (assessed === null ? audit !== null && audit > allocation + 70 : assessed > allocation + 70)) emit('AUD-008', '/answers/assessment.within-10-weeks', 'The grade for an assessment within 10 weeks is better than the dates suggest');
  const firstDue = allocation === null ? null : allocation + (clean(ev.assessmentKind) === 'ehsp' ? 56 : 42);
  if (good('assessment.first-circle') && firstDue !== null && (circles.length ? circles[0] > firstDue : audit !== null && audit > firstDue)) emit('AUD-009', '/answers/assessment.first-circle', 'The grade for the first Family Circle is better than the dates suggest');
  if (good('assessment.circle-8-weekly') && circles.length && (circles.some((d, i) => i > 0 && d - circles[i - 1] > 56) || (audit !== null && audit - circles[circles.length - 1] > 56))) emit('AUD-010', '/answers/assessment.circle-8-weekly', 'The grade for reviewing the Family Circle is better than the dates suggest');
  // Remedial actions.
  const followUp = audit === null ? null : addMonths(audit, 3);
  list(data.remedialActions).forEach((a, i) => {
    if (!obj(a)) return;
    if (blank(a.action)) emit('AUD-001', `/remedialActions/${i}/action`, 'Enter the remedial action');
    if (blank(a.dueDate)) emit('AUD-001', `/remedialActions/${i}/dueDate`, 'Enter the date the action is to be completed by');
    if (!blank(a.completedOn) && blank(a.lineManagerInitials)) emit('AUD-001', `/remedialActions/${i}/lineManagerInitials`, 'Enter the initials of the line manager');
    const due = date(a.dueDate);
    const done = date(a.completedOn);
    if (due !== null && audit !== null) {
      if (due <= audit) emit('AUD-011', `/remedialActions/${i}/dueDate`, 'Date the action is to be completed by must be after the date of the audit');
      else if (due > followUp) emit('AUD-014', `/remedialActions/${i}/dueDate`, 'The action is due after the auditor checks the actions');
    }
    if (done !== null && audit !== null && done < audit) emit('AUD-012', `/remedialActions/${i}/completedOn`, 'Date the action was completed must be the same as or after the date of the audit');
    if (due !== null && blank(a.completedOn) && due < todayDay) emit('AUD-013', `/remedialActions/${i}/dueDate`, 'The action is past the date it was to be completed by');
  });
  return { issues: out, outcome: { sections, suggestedOverall: suggested, recordedOverall: recorded, followUpDue: followUp === null ? null : iso(followUp) } };
}

// ---- casework-supervision ----

const CWS_REQUIRED = [
  ['date', 'Enter the date of supervision'], ['teamManager', "Enter the team manager's name"], ['practitioner', "Enter the practitioner's name"],
  ['caseStatus', 'Select the case status'], ['purposeOfInvolvement', 'Enter the purpose of involvement'],
  ['lastAssessmentDate', 'Enter the date of the last assessment'], ['childLastSeenDate', 'Enter the date the child was last seen'],
  ['sinceLastSupervision', 'Enter what has happened since the last supervision'], ['childWishesAndFeelings', 'Enter the wishes and feelings of the child'],
  ['positiveChange', 'Enter how the involvement is making positive change for the children'], ['riskAnalysis', 'Enter the analysis of current risk'],
  ['riskManaged', 'Select whether the risk is being managed'], ['strengths', 'Enter an overview of strengths within the family'],
];

export function caseworkSupervisionRules(data, today, submit) {
  const out = [];
  const emit = (code, path, message) => out.push({ code, path, message });
  const todayDay = date(today);
  for (const [k, m] of CWS_REQUIRED) if (blank(data[k])) emit('CWS-001', `/${k}`, m);
  const child = obj(data.child) ?? {};
  if (blank(child.name)) emit('CWS-001', '/child/name', "Enter the child's name");
  if (blank(child.lcsNumber)) emit('CWS-001', '/child/lcsNumber', "Enter the child's Liquid Logic number");
  const plan = obj(data.supportPlan) ?? {};
  if (blank(plan.upToDate)) emit('CWS-001', '/supportPlan/upToDate', 'Select whether the support plan is up to date');
  if (blank(plan.smart)) emit('CWS-001', '/supportPlan/smart', "Select whether the support plan's actions are SMART");
  const d = date(data.date);
  const previous = date(data.previousSupervisionDate);
  const assessed = date(data.lastAssessmentDate);
  const seen = date(data.childLastSeenDate);
  const next = date(data.nextSupervisionDate);
  const prepared = date(data.preparedBySuperviseeOn);
  const monthly = clean(data.caseStatus) === 'cp' || bool(data.activeSafeguarding) === true;
  const months = monthly ? 1 : 3;
  const nextDue = d === null ? null : addMonths(d, months);
  if (d !== null) {
    if (previous !== null && previous >= d) emit('CWS-002', '/previousSupervisionDate', 'Date of the previous supervision must be before the date of supervision');
    if (assessed !== null && assessed > d) emit('CWS-002', '/lastAssessmentDate', 'Date of the last assessment must be the same as or before the date of supervision');
    if (seen !== null && seen > d) emit('CWS-002', '/childLastSeenDate', 'Date the child was last seen must be the same as or before the date of supervision');
    if (next !== null && next <= d) emit('CWS-002', '/nextSupervisionDate', 'Date of the next supervision must be after the date of supervision');
  }
  if (submit && d !== null && d > todayDay) emit('CWS-003', '/date', 'Date of supervision must be today or in the past');
  for (const [v, p] of [[previous, '/previousSupervisionDate'], [assessed, '/lastAssessmentDate'], [seen, '/childLastSeenDate'], [prepared, '/preparedBySuperviseeOn']]) if (v !== null && v > todayDay) emit('CWS-003', p, 'The date must be today or in the past');
  if (d !== null && previous !== null && previous < d && addMonths(previous, months) < d) emit('CWS-004', '/previousSupervisionDate', `The previous supervision was more than ${months} months before this one`);
  if (next !== null && nextDue !== null && next > nextDue && next > d) emit('CWS-005', '/nextSupervisionDate', `Date of the next supervision must be on or before ${iso(nextDue)}`);
  if (d !== null && assessed !== null && assessed <= d && addMonths(assessed, 12) < d) emit('CWS-006', '/lastAssessmentDate', 'The last assessment is more than 12 months old at the date of supervision');
  if (prepared === null && blank(data.preparedBySuperviseeOn)) emit('CWS-007', '/preparedBySuperviseeOn', 'Enter the date the practitioner updated the form');
  else if (prepared !== null && d !== null && prepared > d) emit('CWS-007', '/preparedBySuperviseeOn', 'The practitioner updates the form before the supervision, not after it');
  const rows = (key) => list(data[key]).slice(0, 200).map((r, i) => [i, r]).filter(([, r]) => !blank(r) && obj(r));
  const reviewed = rows('reviewOfPreviousActions');
  if (previous !== null && reviewed.length === 0) emit('CWS-008', '/reviewOfPreviousActions', 'Review the actions from the last supervision');
  for (const [i, r] of reviewed) {
    const status = clean(r.status);
    if (blank(r.status)) emit('CWS-008', `/reviewOfPreviousActions/${i}/status`, 'Select the progress of the action');
    if (status === 'not-done' && blank(r.comment)) emit('CWS-009', `/reviewOfPreviousActions/${i}/comment`, 'Enter a comment on why the action was not done');
  }
  const actions = rows('actions');
  for (const [i, r] of actions) {
    if (blank(r.action)) emit('CWS-010', `/actions/${i}/action`, 'Enter the action');
    if (blank(r.owner)) emit('CWS-010', `/actions/${i}/owner`, 'Enter who will do the action');
    const due = date(r.dueDate);
    if (due === null && blank(r.dueDate)) emit('CWS-010', `/actions/${i}/dueDate`, 'Enter the date the action is due');
    else if (due !== null && d !== null && due <= d) emit('CWS-011', `/actions/${i}/dueDate`, 'Date the action is due must be after the date of supervision');
  }
  if (bool(data.riskManaged) === false && actions.length === 0) emit('CWS-012', '/actions', 'Add at least one action: the risk is recorded as not being managed');
  if (bool(plan.upToDate) === false) emit('CWS-014', '/supportPlan/upToDate', 'The support plan is not up to date');
  if (bool(plan.smart) === false) emit('CWS-013', '/supportPlan/smart', "The support plan's actions are not SMART");
  const sections = [...CWS_REQUIRED.map(([k]) => data[k]), child.name, child.lcsNumber, plan.upToDate, plan.smart, ...(previous !== null ? [data.reviewOfPreviousActions] : [])];
  const completeness = Math.round((sections.filter((v) => !blank(v)).length / sections.length) * 100) / 100;
  return { issues: out, outcome: { nextDue: nextDue === null ? null : iso(nextDue), frequency: monthly ? 'monthly' : 'three-monthly', actionsCount: actions.length, completeness } };
}

/** The rules of a form as one function of (data, options). */
export function rulesFor(form, questionIds) {
  if (form === 'sf-referral') return (data, o) => referralRules(data, o.today);
  if (form === 'case-audit') return (data, o) => caseAuditRules(data, o.today, questionIds);
  return (data, o) => caseworkSupervisionRules(data, o.today, o.stage === 'submit');
}
