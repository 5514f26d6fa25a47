// The data every contender checks: one realistic, fully filled record per form (the shape a vendor's page holds),
// the edit a keystroke makes, and a deterministic generator of varied referral records for the native batch bench.
// Plain JavaScript with no imports, so the same file runs in Node and in the browser page.

export const TODAY = '2025-06-02';
export const OPTIONS = { today: TODAY, stage: 'submit' };

/** A complete Strengthening Families referral (valid, eligible). */
export function referral() {
  return {
    referralDate: '2025-05-20',
    receivedOn: '2025-05-21',
    route: 'social-work-assessment',
    service: 'whole-family-working',
    referrer: { name: 'A Referrer', agency: 'Social care', role: 'Social worker', email: 'a.referrer@example.gov.uk', phone: '01952 387183' },
    address: { line1: '1 Pool Farm Avenue', town: 'Telford', postcode: 'TF1 6FR' },
    assessment: { type: 'social-work-assessment', date: '2025-05-01', open: true },
    plan: { type: 'child-in-need-plan', date: '2025-05-10', open: true },
    consent: { given: true, date: '2025-05-01', by: 'Parent' },
    locality: 'hadley-castle',
    children: [
      { name: 'Child One', dateOfBirth: '2012-01-15', send: false, attendancePercent: 84, school: 'Hadley Learning Community' },
      { name: 'Child Two', dateOfBirth: { day: '3', month: '9', year: '2015' }, send: true, attendancePercent: 95 },
    ],
    adults: [{ name: 'Parent One', relationship: 'mother', dateOfBirth: '1988-04-02' }],
    criteria: ['youth-offending', 'asb-level-2', 'adult-offending', 'homelessness-risk', 'physical-chastisement', 'attendance-below-90', 'cp-or-cin', 'supported-by-assessment']
      .map((id) => ({ id, evidence: 'Recorded in the assessment and confirmed with the school.' })),
  };
}

const QUESTION_IDS = [
  'basic.demographics', 'basic.referral-route', 'basic.allocation-date-clear', 'basic.allocation-timely',
  'basic.allocation-discussion', 'basic.referrer-notified', 'basic.contact-5-days', 'assessment.at-referral',
  'assessment.within-10-weeks', 'assessment.reviewed-12-months', 'assessment.all-members', 'assessment.additional-support',
  'assessment.first-circle', 'assessment.circle-8-weekly', 'assessment.circle-representative', 'assessment.child-views',
  'assessment.parent-views', 'assessment.absent-parent', 'assessment.risks', 'assessment.strengths',
  'assessment.multi-agency', 'plans.reflects-referral', 'plans.up-to-date', 'plans.children-involved',
  'plans.parents-involved', 'plans.multi-agency', 'plans.planned-exit', 'recording.childs-journey',
  'recording.notes-quality', 'recording.home-visits', 'recording.visit-timing', 'recording.early-visits',
  'recording.weekend-visits', 'recording.child-wishes', 'recording.parent-wishes', 'recording.whole-family',
  'oversight.supervision', 'oversight.decisions', 'diversity.needs-considered',
];
export { QUESTION_IDS };

/** A complete case file audit: 39 grades, evidence dates, two remedial actions. */
export function caseAudit() {
  const answers = {};
  QUESTION_IDS.forEach((id, i) => { answers[id] = [2, 2, 1, 2, 3, 2, 2, 2, 5][i % 9]; });
  return {
    auditType: 'practitioner',
    locality: 'the-wrekin',
    auditDate: '2025-05-28',
    caseWorker: 'Case Worker',
    llcsNumber: 'LL123456',
    dateAllocated: '2025-01-06',
    lineManager: 'Line Manager',
    auditors: ['Auditor One', 'Auditor Two'],
    caseStatus: 'cin',
    child: { name: 'Child One', familyNames: 'Family', dateOfBirth: '2013-03-04' },
    answers,
    mostRecentAssessment: { type: 'EHA', date: '2025-02-10' },
    mostRecentSupportPlan: { type: 'EHSP', date: '2025-03-01' },
    mostRecentSupervision: '2025-05-12',
    childSafe: { answer: 'yes', comments: '' },
    lifeImproved: { answer: 'yes', comments: 'School attendance has improved.' },
    directObservation: { answer: 'no', comments: '' },
    overallGrade: 2,
    generalComments: 'A well recorded case.',
    remedialActions: [
      { action: 'Update the chronology', dueDate: '2025-06-20' },
      { action: 'Record the absent parent\'s views', dueDate: '2025-07-15' },
    ],
    evidence: {
      referralDate: '2024-12-20',
      allocationDate: '2025-01-06',
      firstContactDate: '2025-01-09',
      assessmentAtReferral: false,
      assessmentCompletedDate: '2025-02-10',
      assessmentKind: 'eha',
      familyCircleDates: ['2025-02-14', '2025-04-04', '2025-05-23'],
      referredByFamilyConnect: false,
    },
  };
}

/** A complete casework supervision record. */
export function caseworkSupervision() {
  return {
    date: '2025-05-28',
    teamManager: 'Team Manager',
    practitioner: 'Practitioner',
    caseStatus: 'cin',
    child: { name: 'Child One', lcsNumber: 'LL123456' },
    previousSupervisionDate: '2025-03-20',
    purposeOfInvolvement: 'Support the family with school attendance and home conditions.',
    reviewOfPreviousActions: [
      { action: 'Visit the school', status: 'done', comment: '' },
      { action: 'Referral to housing', status: 'not-done', comment: 'Housing officer on leave; rebooked.' },
    ],
    lastAssessmentDate: '2025-01-15',
    childLastSeenDate: '2025-05-22',
    sinceLastSupervision: 'Attendance has improved to 92%.',
    supportPlan: { upToDate: true, smart: true, comment: '' },
    childWishesAndFeelings: 'Wants to stay at the same school.',
    positiveChange: 'Mornings are calmer.',
    riskAnalysis: 'Low risk; protective factors in place.',
    riskManaged: true,
    strengths: 'Extended family support.',
    actions: [
      { action: 'Review attendance with the school', owner: 'Practitioner', dueDate: '2025-06-20' },
      { action: 'Chase housing referral', owner: 'Team Manager', dueDate: '2025-06-10' },
    ],
    nextSupervisionDate: '2025-08-20',
    activeSafeguarding: false,
    preparedBySuperviseeOn: '2025-05-27',
  };
}

export const FORMS = {
  'sf-referral': { make: referral, edit: { pointer: '/children/0/name', field: ['children', 0, 'name'], values: ['Child On', 'Child One'] } },
  'case-audit': { make: caseAudit, edit: { pointer: '/generalComments', field: ['generalComments'], values: ['A well recorded cas', 'A well recorded case.'] } },
  'casework-supervision': { make: caseworkSupervision, edit: { pointer: '/strengths', field: ['strengths'], values: ['Extended family suppor', 'Extended family support.'] } },
};

/** A small deterministic PRNG (mulberry32), so every run generates the same records. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES = ['social-work-assessment', 'early-help-assessment', 'section-47', 'child-in-need-plan', 'family-connect-triage', 'self-referral', 'health'];
const SUBCATEGORIES = ['supported-by-assessment', 'asb-level-2', 'youth-offending', 'adult-offending', 'parent-prison', 'attendance-below-90', 'vulnerable-learner', 'repeated-exclusions', 'missing-3-in-90', 'cse-risk', 'cp-or-cin', 'complex-needs', 'domestic-abuse', 'parental-mental-health', 'homelessness-risk'];
const pad = (n) => String(n).padStart(2, '0');

/** Varied referral records: mostly well formed, some with the mistakes people make (about a third invalid). */
export function referralRecord(next) {
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const date = (y0, span) => `${y0 + Math.floor(next() * span)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
  const r = referral();
  r.referralDate = next() < 0.05 ? { day: '31', month: '2', year: '2025' } : date(2024, 2);
  r.route = pick(ROUTES);
  if (next() < 0.3) delete r.receivedOn;
  r.children = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, i) => ({
    name: `Child ${i + 1}`,
    dateOfBirth: next() < 0.5 ? date(2006, 19) : { day: String(1 + Math.floor(next() * 28)), month: pick(['1', '6', 'Sept', 'March', '12']), year: String(2006 + Math.floor(next() * 19)) },
    send: next() < 0.2,
    attendancePercent: Math.round(70 + next() * 30),
    ...(next() < 0.2 ? { missingEpisodes: [date(2025, 1), date(2025, 1), date(2025, 1)] } : {}),
  }));
  const n = 2 + Math.floor(next() * 8);
  r.criteria = Array.from({ length: n }, () => (next() < 0.3 ? { id: pick(SUBCATEGORIES), evidence: "Recorded in the assessment." } : { id: pick(SUBCATEGORIES) }));
  if (next() < 0.1) r.referrer.email = 'not an email';
  if (next() < 0.1) r.assessment.open = false;
  return r;
}
