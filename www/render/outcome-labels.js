// The declared labels and units of the generic outcome panel's keys (the 22 forms without a bespoke page), in one
// place, so that a label is never guessed from a field name ("SEND for authorisation by", "Frequency weeks").
// A key is looked up in its form's table, then in the shared one. When the package declares its outcome model
// (`outcomeSchema(formId)`, titles and units per key), `outcomeModel` uses that instead and this table is the
// fallback for older packages.
//
// { title, unit? }: the unit ('day', 'week', 'month', '%') is written after a number ("3 weeks", "85%").

const SHARED = {
  timescales: { title: 'Timescales' },
  standard: { title: 'Standard' },
  standards: { title: 'Practice standards' },
  title: { title: 'Standard' },
  due: { title: 'Due by' },
  metOn: { title: 'Met on' },
  status: { title: 'Status' },
  from: { title: 'Counted from' },
  nextDue: { title: 'Next due by' },
  frequencyWeeks: { title: 'Supervised every', unit: 'week' },
  parts: { title: 'Parts' },
  id: { title: 'Part' },
  yes: { title: 'Yes' },
  no: { title: 'No' },
  unanswered: { title: 'Not answered' },
  notApplicable: { title: 'Not applicable' },
  item: { title: 'Item' },
  items: { title: 'Items' },
  step: { title: 'Step' },
  steps: { title: 'Steps' },
  child: { title: 'Child' },
  reason: { title: 'Reason' },
};

const BY_FORM = {
  'sf-allocation': {
    allocated: { title: 'Allocated' },
    caseStatus: { title: 'Case status' },
    referrerNotificationRequired: { title: 'The referrer must be told of the allocation' },
  },
  'early-help-plan': {
    openUntil: { title: 'Plan open until' },
    sendForAuthorisationBy: { title: 'Send for authorisation by' },
    sendTo: { title: 'Send to' },
  },
  'family-circle': {
    caseMonitoringMonths: { title: 'Case monitoring after closure', unit: 'month' },
    circlesRecorded: { title: 'Family Circles recorded' },
    closureRoute: { title: 'Closure route' },
    nextDue: { title: 'Next Family Circle due by' },
    nextDueStatus: { title: 'Next Family Circle' },
    circle: { title: 'Family Circle' },
  },
  'case-closure': {
    caseMonitoringEarliestEnd: { title: 'Case monitoring ends no earlier than' },
    finalised: { title: 'Finalised' },
    finalisedOn: { title: 'Finalised on' },
    nextApprover: { title: 'Next to approve' },
    route: { title: 'Closure route' },
    routesAllowed: { title: 'Closure routes allowed' },
  },
  'case-transfer': {
    canFinalise: { title: 'The transfer can be finalised' },
    outstandingTasks: { title: 'Tasks outstanding' },
    practitionerResponsible: { title: 'Practitioner responsible' },
    stage: { title: 'Stage' },
  },
  disengagement: {
    applies: { title: 'The disengagement procedure applies' },
    pathway: { title: 'Pathway' },
    reEngagementAttempts: { title: 'Attempts to re-engage the family' },
    readyToClose: { title: 'Ready to close' },
    referToFamilyConnect: { title: 'Refer to Family Connect' },
  },
  'return-home-interview': {
    episodesIn90Days: { title: 'Missing episodes in the last 90 days' },
    interviewDue: { title: 'Interview due by' },
    meetsMissing3In90: { title: 'Missing 3 or more times in 90 days' },
    status: { title: 'Interview' },
  },
  'targeted-group': {
    courseFinished: { title: 'Course finished' },
    incredibleYears: { title: 'Incredible Years course' },
    removeFromWaitingList: { title: 'Remove from the waiting list' },
    sessionsAttended: { title: 'Sessions attended' },
    sessionsRecorded: { title: 'Sessions recorded' },
    courseStart: { title: 'Course starts' },
  },
  'da-triage': {
    allocatedWorker: { title: 'Allocated worker' },
    escalate: { title: 'Escalate' },
    highIncidents: { title: 'High-risk incidents' },
    mediumIncidents: { title: 'Medium-risk incidents' },
    standardIncidents: { title: 'Standard-risk incidents' },
    reasons: { title: 'Reasons' },
    triage: { title: 'Triage' },
    windowFrom: { title: 'Incidents counted from' },
    windowTo: { title: 'Incidents counted to' },
  },
  'practice-standards': {
    counts: { title: 'Standards by status' },
    dueSoon: { title: 'Due soon' },
    met: { title: 'Met' },
    metLate: { title: 'Met late' },
    overdue: { title: 'Overdue' },
    due: { title: 'Due by' },
    after: { title: 'Counted from' },
    contact: { title: 'Contact' },
    early: { title: 'Early' },
  },
  'direct-observation': {
    grading: { title: 'Grade' },
    gradingLabel: { title: 'Grade' },
    nextObservationDue: { title: 'Next observation due by' },
    nextObservationStatus: { title: 'Next observation' },
    sectionsTotal: { title: 'Sections' },
    sectionsWritten: { title: 'Sections written' },
  },
  'group-qa-visit': {
    nextVisitDue: { title: 'Next visit due by' },
    nextVisitStatus: { title: 'Next visit' },
    percentage: { title: 'Answered yes', unit: '%' },
  },
  'incredible-years-checklist': {
    fidelity: { title: 'Fidelity' },
  },
  'supervision-contract': {
    maxFrequencyWeeks: { title: 'Supervised at least every', unit: 'week' },
    reasonNeeded: { title: 'A reason is needed' },
    reviewDue: { title: 'Review due by' },
    reviewMonths: { title: 'Reviewed every', unit: 'month' },
    reviewStatus: { title: 'Review' },
    signed: { title: 'Signed' },
    uploaded: { title: 'Uploaded' },
  },
  'supervision-record': {
    actionsCount: { title: 'Actions agreed' },
    itemsDiscussed: { title: 'Items discussed' },
    nextDueBy: { title: 'Next supervision due by' },
    signed: { title: 'Signed' },
  },
  'supervision-log': {
    compliancePercent: { title: 'Sessions held on time', unit: '%' },
    lastHeld: { title: 'Last held' },
    longestGapDays: { title: 'Longest gap between sessions', unit: 'day' },
    nextDue: { title: 'Next session due by' },
    overdue: { title: 'Overdue' },
    sessionsHeld: { title: 'Sessions held' },
    sessionsMissed: { title: 'Sessions missed' },
  },
  'supervision-audit': {
    answered: { title: 'Questions answered' },
    fileTotals: { title: 'Files' },
    file: { title: 'File' },
    files: { title: 'Files audited' },
    overallPercent: { title: 'Answered yes overall', unit: '%' },
    questions: { title: 'Questions' },
    number: { title: 'Question' },
    text: { title: 'Question' },
    index: { title: 'File' },
    nextDue: { title: 'Next audit due by' },
  },
  'workbook-summary': {
    activities: { title: 'Activities' },
    modulesReferenced: { title: 'Modules referred to' },
  },
  'core-group': {
    daysBeforeConference: { title: 'Days before the conference', unit: 'day' },
    earliestDate: { title: 'Earliest date for the core group' },
    withinWindow: { title: 'Within the window' },
  },
  'child-file': {
    checklist: { title: 'Checklist' },
    missing: { title: 'Missing' },
    complete: { title: 'Complete' },
  },
  'workbook-eligibility': {
    excludedChildren: { title: 'Children not included' },
    includedChildren: { title: 'Children included' },
    workbookRequired: { title: 'A workbook is required' },
  },
  'family-ambassador': {
    matched: { title: 'Matched with a family' },
    neededBeforeMatching: { title: 'Needed before matching' },
    nextSupervision: { title: 'Next supervision' },
    readyToMatch: { title: 'Ready to match' },
    references: { title: 'References' },
  },
};

/** The declared outcome model of a form: { key: { title, unit? } } from the package when it has one, else here. */
export function outcomeModel(formId, checks) {
  const own = { ...SHARED, ...(BY_FORM[formId] ?? {}) };
  let declared = null;
  try {
    declared = typeof checks?.outcomeSchema === 'function' ? checks.outcomeSchema(formId) : null;
  } catch {
    declared = null;
  }
  const props = declared?.properties ?? declared;
  if (!props || typeof props !== 'object') return own;
  const fromPackage = {};
  for (const [k, v] of Object.entries(props)) {
    if (v && typeof v.title === 'string') fromPackage[k] = { title: v.title, ...(v.unit ? { unit: v.unit } : {}) };
  }
  return { ...own, ...fromPackage };
}

/** Whether a key has a declared label (for the tests: no label of the 22 generic forms is guessed). */
export const declaredKeys = (formId) => new Set([...Object.keys(SHARED), ...Object.keys(BY_FORM[formId] ?? {})]);
